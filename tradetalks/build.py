"""From data to site: the run grid, Papermill in parallel, normalised notebooks, Jupyter Book.

Nothing is half-published: every notebook runs and the whole site builds in a
staging folder beside the output, and only a complete build replaces the
previous site (and, for the shipped data, the executed chapters in ``book/``).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from tqdm import tqdm

from tradetalks import catalog, data, params, project, style
from tradetalks.text import as_markdown_text

if TYPE_CHECKING:  # nbformat takes most of a second to import; a no-op build never needs it
    import nbformat

ROOT = project.ROOT
GRID_FILE = ROOT / "notebooks" / "grid.yml"
BOOK_DIR = "book"
STATIC_DIR = "_static"
ROLES_CSS_FILE = "tt-roles.css"  # the colour roles as CSS variables, generated from tradetalks.style
CONFIG_FILE = "_config.yml"
TOC_FILE = "_toc.yml"
DEFAULT_OUT = ROOT / "_build" / "html"
KERNEL = "python3"
CELL_TIMEOUT_S = 300  # a cell running longer than this stops its chapter (and the build)
CACHE_FILE = "runs.json"


class BuildError(RuntimeError):
    """The build stopped; the message says which chapter and cell, or which data problem."""


@dataclass(frozen=True)
class Run:
    """One execution of a chapter template into a page of the site."""

    notebook: str
    page: str
    title: str
    parameters: dict = field(default_factory=dict)

    @property
    def template(self) -> Path:
        return ROOT / "notebooks" / self.notebook


@dataclass(frozen=True)
class Part:
    caption: str
    entries: tuple  # of Run or str (a prose page under book/, without suffix)


@dataclass(frozen=True)
class Grid:
    root: str
    parts: tuple

    @property
    def runs(self) -> list[Run]:
        return [entry for part in self.parts for entry in part.entries if isinstance(entry, Run)]


def load_grid(path: Path = GRID_FILE) -> Grid:
    """Read the run grid: which notebook runs with which parameters into which page, in site order."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    parts = []
    for part in raw["parts"]:
        entries = []
        for entry in part["pages"]:
            if "notebook" in entry:
                entries.append(Run(entry["notebook"], entry["page"], entry["title"], dict(entry.get("parameters") or {})))
            else:
                entries.append(entry["page"])
        parts.append(Part(part["caption"], tuple(entries)))
    grid = Grid(raw["root"], tuple(parts))
    pages = [grid.root] + [e.page if isinstance(e, Run) else e for p in grid.parts for e in p.entries]
    duplicates = sorted({page for page in pages if pages.count(page) > 1})
    if duplicates:
        raise BuildError(f"{path.name}: pages appear more than once: {', '.join(duplicates)}")
    for run in grid.runs:
        if not run.template.is_file():
            raise BuildError(f"{path.name}: run {run.page!r} names notebook {run.notebook!r}, which is not in notebooks/")
    return grid


def table_of_contents(grid: Grid) -> dict:
    """The Jupyter Book ``_toc.yml`` that follows from the grid."""
    return {
        "format": "jb-book",
        "root": f"{BOOK_DIR}/{grid.root}",
        "parts": [
            {"caption": part.caption, "chapters": [{"file": f"{BOOK_DIR}/{e.page if isinstance(e, Run) else e}"} for e in part.entries]}
            for part in grid.parts
        ],
    }


def toc_text(grid: Grid) -> str:
    header = "# Generated from notebooks/grid.yml by `python -m tradetalks toc`: edit the grid, not this file.\n"
    return header + yaml.safe_dump(table_of_contents(grid), sort_keys=False)


def retitle(notebook: nbformat.NotebookNode, title: str) -> None:
    """Make the first level-1 heading the run's title (Jupyter Book titles pages by it)."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and re.search(r"^# ", cell.source, flags=re.MULTILINE):
            cell.source = re.sub(r"^# .*$", f"# {title}", cell.source, count=1, flags=re.MULTILINE)
            return


def normalise(notebook: nbformat.NotebookNode, page: str) -> None:
    """Drop what changes from run to run (timings, random ids), so committed chapters diff cleanly."""
    notebook.metadata.pop("papermill", None)
    notebook.metadata.pop("widgets", None)
    # the values papermill injects are shown or hidden like the parameters cell they override
    declared = next((c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])), None)
    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags and declared is not None:
            cell.metadata["tags"] = ["injected-parameters"] + [t for t in declared.metadata.get("tags", []) if t != "parameters"]
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{page}-{index}"
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            for output in cell.get("outputs", []):
                output.get("metadata", {}).pop("papermill", None)


class WarmKernel:
    """One kernel that runs chapters one after another: pandas, Altair and the package are imported once.

    Before each chapter the namespace is emptied, the working directory and the data trace file
    are set, and the execution counter starts again at 1, so a chapter's output is the same as on
    a fresh kernel. After a failure the kernel is replaced (a timed-out cell may still be running).
    """

    # a new session: the user namespace emptied (imported modules stay: that is the point) and the
    # execution counter back at 1, as on a fresh kernel
    PREPARE = """
get_ipython().reset(new_session=True)
import os as _os
_os.chdir({root!r})
_os.environ[{variable!r}] = {trace!r}
del _os
"""
    # imported before the first chapter, so every chapter on this kernel finds them loaded
    WARM_UP = "import pandas, altair, nbformat, IPython.display\nimport tradetalks.charts, tradetalks.data, tradetalks.text\n"

    def __init__(self) -> None:
        self.manager = None
        self.client = None

    def start(self) -> None:
        from jupyter_client.blocking import BlockingKernelClient
        from jupyter_client.manager import AsyncKernelManager
        from jupyter_core.utils import run_sync

        self.manager = AsyncKernelManager(kernel_name=KERNEL)
        # the kernel's own log (a warning about TCP transport on every start) is noise here: its
        # errors reach us through the messaging protocol as each cell's outputs
        # no input history: kernels running side by side would share (and fight over) its database
        run_sync(self.manager.start_kernel)(
            cwd=str(ROOT), extra_arguments=["--HistoryManager.enabled=False"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        # a blocking client of our own for the setup code: papermill's asynchronous client is
        # created per chapter on its own event loop
        self.client = BlockingKernelClient()
        self.client.load_connection_info(self.manager.get_connection_info())
        self.client.start_channels()
        self.client.wait_for_ready(timeout=60)
        self._run(self.WARM_UP)

    def _run(self, code: str) -> None:
        reply = self.client.execute_interactive(code, silent=True, store_history=False, timeout=120, output_hook=lambda _: None)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"kernel setup failed: {reply['content'].get('ename')}: {reply['content'].get('evalue')}")

    def prepare(self, trace: Path) -> None:
        """Start a clean namespace for the next chapter (starting the kernel if need be)."""
        if self.manager is None:
            self.start()
        self._run(self.PREPARE.format(root=str(ROOT), variable=data.TRACE_ENV, trace=str(trace)))

    def stop(self) -> None:
        from jupyter_core.utils import run_sync

        if self.client is not None:
            self.client.stop_channels()
        if self.manager is not None:
            run_sync(self.manager.shutdown_kernel)(now=True)
        self.manager = self.client = None


def _execute(
    run: Run, out_path: Path, data_dir: str | None, timeout_s: int = CELL_TIMEOUT_S, kernel: WarmKernel | None = None
) -> tuple[str | None, list[str]]:
    """Run one chapter; return (None or one line naming the chapter and failed cell, data files it read).

    With ``kernel`` the chapter runs on that warm kernel; without, on a kernel of its own.
    """
    import papermill

    own_kernel = kernel is None
    kernel = kernel or WarmKernel()
    parameters = dict(run.parameters)
    if data_dir is not None:
        parameters["data_dir"] = data_dir
    trace = out_path.with_suffix(".inputs")
    trace.unlink(missing_ok=True)
    failure = None
    timed_out = f"chapter {run.page!r} ({run.notebook}): stopped, a cell ran longer than {timeout_s} s (raise it with --timeout)"
    try:
        kernel.prepare(trace)
        papermill.execute_notebook(
            str(run.template),
            str(out_path),
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar=False,
            log_output=False,
            execution_timeout=timeout_s,
            km=kernel.manager,
        )
    except papermill.PapermillExecutionError as error:
        message = str(error.evalue).strip().splitlines()[0] if str(error.evalue).strip() else ""
        failure = f"chapter {run.page!r} ({run.notebook}): cell {error.exec_count} raised {error.ename}: {message}"
    except TimeoutError:
        failure = timed_out
    except Exception as error:  # kernel died, bad notebook: one line, not a traceback
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        if "timed out" in first.lower():
            failure = timed_out
        else:
            failure = f"chapter {run.page!r} ({run.notebook}): {type(error).__name__}: {first}"
    finally:
        if own_kernel or failure:
            kernel.stop()  # a failed chapter may leave its kernel busy or broken: the next one gets a new kernel
    if failure:
        trace.unlink(missing_ok=True)
        return failure, []
    inputs = sorted(set(trace.read_text(encoding="utf-8").split())) if trace.exists() else []
    trace.unlink(missing_ok=True)
    import nbformat

    notebook = nbformat.read(out_path, as_version=4)
    retitle(notebook, run.title)
    notebook.cells.append(nbformat.v4.new_markdown_cell(page_footer(run.title, catalog.as_of_for_files(inputs, data_dir))))
    normalise(notebook, run.page)
    nbformat.write(notebook, out_path)
    return None, inputs


SITE_TITLE, AUTHORS = project.SITE_TITLE, project.AUTHORS


def page_footer(title: str, as_of: str | None) -> str:
    """The 'last updated' and 'cite this page' lines added to every executed page."""
    dated = f"data as of {as_of}" if as_of else "generated from the project's own files"
    return (
        "```{admonition} Cite this page\n:class: tt-cite\n"
        f"{AUTHORS}. “{as_markdown_text(title)}.” *{SITE_TITLE}*, {dated}. "
        "Text CC BY 4.0; code MIT; data under each source's terms (see the source lines and the references).\n"
        f"\n**Last updated:** {dated} (the newest dated source behind this page).\n```"
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


PACKAGE_DIR = ROOT / "tradetalks"
PACKAGE = "tradetalks"


def _module_file(name: str, package_dir: Path) -> Path | None:
    """The file of module ``tradetalks.a.b`` (``a/b.py`` or ``a/b/__init__.py``), if it is one of ours."""
    parts = name.split(".")
    if parts[0] != PACKAGE:
        return None
    base = package_dir.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py") if len(parts) > 1 else None, base / "__init__.py"):
        if candidate is not None and candidate.is_file():
            return candidate
    return None


def _imported_names(tree: ast.AST, current: str | None) -> set[str]:
    """Absolute module names an AST imports (``from pkg import x`` may name module ``pkg.x``)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level and current:  # relative: `current` is "pkg.mod" or "pkg.__init__"
                module = ".".join(current.split(".")[: -node.level] + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def _code_cells_source(notebook_path: Path) -> str:
    """The Python of a notebook's code cells (read as JSON: the no-op build never imports nbformat)."""
    notebook = json.loads(notebook_path.read_text(encoding="utf-8"))
    lines = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "code":
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            # IPython magics and shell escapes are not Python: blank them so the cell still parses
            lines += ["" if line.lstrip().startswith(("%", "!")) else line for line in source.splitlines()]
    return "\n".join(lines)


@functools.lru_cache(maxsize=512)
def _imports_of_file(path: Path, module: str, stamp: tuple[int, int]) -> frozenset[str]:
    """What one package file imports (cached per file version: every chapter's key reads the same files)."""
    return frozenset(_imported_names(ast.parse(path.read_text(encoding="utf-8")), module))


def modules_of(notebook_path: Path, package_dir: Path | None = None) -> list[str]:
    """The package files a chapter's code can run: what its notebook imports, what those import, and so on.

    The build module is always included: it post-processes every executed chapter (title, footer).
    """
    package_dir = package_dir or PACKAGE_DIR
    queue = [*_imported_names(ast.parse(_code_cells_source(notebook_path)), None), f"{PACKAGE}.build"]
    found: dict[str, Path] = {}
    while queue:
        name = queue.pop()
        path = _module_file(name, package_dir)
        if path is None or name in found:
            continue
        found[name] = path
        module = name if path.name != "__init__.py" else f"{name}.__init__"
        parent = name.rsplit(".", 1)[0]
        if parent != name and parent.startswith(PACKAGE):
            queue.append(parent)  # importing a submodule runs its package's __init__
        stat = path.stat()
        queue += _imports_of_file(path, module, (stat.st_mtime_ns, stat.st_size))
    return sorted(path.relative_to(package_dir).as_posix() for path in set(found.values()))


def chapters_by_module(package_dir: Path | None = None) -> dict[str, list[str]]:
    """For each package file, the pages whose chapter code can run it (what a change to it re-runs)."""
    found: dict[str, list[str]] = {}
    for run in load_grid().runs:
        for module in modules_of(run.template, package_dir):
            found.setdefault(module, []).append(run.page)
    return found


def module_of_fewest_chapters(package_dir: Path | None = None) -> tuple[str, list[str]]:
    """The package file imported by the fewest chapters, and their pages (for tests and the benchmark)."""
    readers = chapters_by_module(package_dir)
    module = min(readers, key=lambda name: (len(readers[name]), name))
    return module, sorted(readers[module])


def _code_fingerprint(files: list[str] | None = None, package_dir: Path | None = None) -> str:
    """A hash of package files (all of them by default): a change to any of them can change the output."""
    package_dir = package_dir or PACKAGE_DIR
    paths = sorted(package_dir.rglob("*.py")) if files is None else [package_dir / name for name in sorted(files)]
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(package_dir).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def _run_key(run: Run, custom_data: bool, package_dir: Path | None = None) -> dict:
    return {
        "notebook": _sha256(run.template),
        "title": run.title,
        "parameters": run.parameters,
        "custom_data": custom_data,
        "code": _code_fingerprint(modules_of(run.template, package_dir), package_dir),
    }


def _input_hashes(base: Path, inputs: list[str]) -> dict:
    files = sorted(set(inputs) | {data.PACKAGE_FILE, f"{data.SOURCES_TABLE}.csv"})
    paths = {name: ROOT / name[1:] if name.startswith(data.PROJECT_FILE_PREFIX) else base / name for name in files}
    return {name: (_sha256(path) if path.is_file() else None) for name, path in paths.items()}


def _load_cache(cache: Path) -> dict:
    try:
        return json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"runs": {}, "site": None}


def execute_runs(
    runs: list[Run], out_dir: Path, data_dir: str | None, jobs: int = 2, timeout_s: int = CELL_TIMEOUT_S
) -> dict[str, list[str]]:
    """Run chapters into ``out_dir`` on ``jobs`` warm kernels; return each run's inputs.

    Each worker thread owns one kernel and takes the next chapter from a shared queue, so the
    kernels' start-up and imports are paid ``jobs`` times, not once per chapter. The work itself
    happens in the kernel processes; the threads only wait on them.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    failures, inputs = [], {}
    if not runs:
        return inputs
    # biggest notebooks first, so the two kernels tend to finish together
    waiting: queue.SimpleQueue[Run] = queue.SimpleQueue()
    for run in sorted(runs, key=lambda r: r.template.stat().st_size, reverse=True):
        waiting.put(run)
    lock = threading.Lock()
    # a line per chapter as it starts and ends; on a terminal a bar below them counts the chapters done
    bar = tqdm(total=len(runs), desc="chapters", unit="chapter", disable=None, file=sys.stderr, leave=False)
    finished: list[str] = []

    def worker() -> None:
        kernel = WarmKernel()
        try:
            while True:
                try:
                    run = waiting.get_nowait()
                except queue.Empty:
                    return
                with lock:
                    tqdm.write(f"chapter {run.page}: started", file=sys.stderr)
                start = time.perf_counter()
                failure, read = _execute(run, out_dir / f"{run.page}.ipynb", data_dir, timeout_s, kernel=kernel)
                with lock:
                    inputs[run.page] = read
                    if failure:
                        failures.append(failure)
                    status = "failed" if failure else "done"
                    finished.append(run.page)
                    bar.update(1)
                    seconds = time.perf_counter() - start
                    tqdm.write(f"chapter {run.page}: {status} in {seconds:.1f} s ({len(finished)} of {len(runs)})", file=sys.stderr)
        finally:
            kernel.stop()

    threads = [threading.Thread(target=worker, name=f"kernel-{n}") for n in range(max(1, min(jobs, len(runs))))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    bar.close()
    if failures:
        raise BuildError("\n".join(sorted(failures)))
    return inputs


EXTRA_DIR = "_extra"  # copied to the site's root: the data files and their manifest
BIB_FILE = "references.bib"


def site_config(base: Path) -> str:
    """The book's ``_config.yml`` with the data's as-of date in every page's footer (never the build date)."""
    config = yaml.safe_load((ROOT / CONFIG_FILE).read_text(encoding="utf-8"))
    config["title"], config["author"] = SITE_TITLE, AUTHORS  # one place for the title: tradetalks.project
    tables = [data.table_schema(name, base)["path"] for name in data.table_names(base)]
    as_of = catalog.as_of_for_files(tables, base)
    if as_of:
        footer = config.setdefault("html", {}).get("extra_footer", "")
        config["html"]["extra_footer"] = f"{footer} Data as of {as_of} (the newest dated source behind the site).".strip()
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def _stage_sources(stage: Path, grid: Grid, base: Path | None = None) -> Path:
    """Copy what Jupyter Book reads into ``stage/src``: pages, toc, vendored scripts, bibliography, data files."""
    from tradetalks import charts  # Altair is slow to import; a no-op build never stages

    source = stage / "src"
    source.mkdir()
    base = base or data.default_data_dir()
    (source / CONFIG_FILE).write_text(site_config(base), encoding="utf-8")
    (source / TOC_FILE).write_text(toc_text(grid), encoding="utf-8")
    shutil.copytree(ROOT / BOOK_DIR, source / BOOK_DIR, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "_build"))
    shutil.copytree(ROOT / STATIC_DIR, source / STATIC_DIR)
    (source / STATIC_DIR / charts.BUNDLE_FILE).write_text(charts.javascript_bundle(), encoding="utf-8")
    (source / STATIC_DIR / ROLES_CSS_FILE).write_text(style.css_variables(), encoding="utf-8")
    (source / BIB_FILE).write_text(catalog.bibtex(base), encoding="utf-8")
    published_data = source / EXTRA_DIR / "data"
    published_data.mkdir(parents=True)
    for name in [data.PACKAGE_FILE] + [data.table_schema(table, base)["path"] for table in data.table_names(base)]:
        shutil.copy2(base / name, published_data / name)
    (published_data / "manifest.json").write_text(catalog.manifest_json(base), encoding="utf-8")
    return source


def _jupyter_book(source: Path, out: Path, jobs: int = 2) -> None:
    """Jupyter Book's HTML build of ``source`` into ``out/_build/html``, strict, on ``jobs`` cores."""
    command = [sys.executable, "-m", "tradetalks.sphinx_html", str(source), str(out), str(max(1, jobs))]
    result = subprocess.run(command, capture_output=True, text=True, cwd=source)
    if result.returncode != 0:
        log = (result.stdout + result.stderr).strip().splitlines()
        problems = [line for line in log if "WARNING" in line or "ERROR" in line] or log[-15:]
        raise BuildError("jupyter-book build failed:\n" + "\n".join(problems))


def _replace_dir(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, keeping the old one until the move succeeded."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old)


def _site_fingerprint(grid: Grid, run_records: dict) -> str:
    """Everything the HTML depends on besides the executed chapters' own inputs."""
    digest = hashlib.sha256(toc_text(grid).encode())
    digest.update(json.dumps(run_records, sort_keys=True).encode())
    digest.update(_code_fingerprint().encode())
    for folder in (ROOT / BOOK_DIR, ROOT / STATIC_DIR):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".ipynb"):
            digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    digest.update((ROOT / CONFIG_FILE).read_bytes())
    return digest.hexdigest()


@dataclass
class BuildReport:
    """What a build did: where the site is, which chapters ran and which were reused."""

    site: Path
    executed: list = field(default_factory=list)
    reused: list = field(default_factory=list)
    rebuilt_html: bool = True

    def summary(self) -> str:
        if not self.rebuilt_html:
            return f"site up to date (nothing changed): {self.site / 'index.html'}"
        return f"site built: {self.site / 'index.html'} (chapters run: {len(self.executed)}, reused: {len(self.reused)})"


def build_site(
    data_dir: str | Path | None = None,
    out: str | Path | None = None,
    *,
    execute: bool = True,
    jobs: int = 2,
    timeout_s: int = CELL_TIMEOUT_S,
    only: list[str] | None = None,
) -> BuildReport:
    """Validate the data, run the chapters whose inputs changed, build the site into ``out``; all or nothing.

    A chapter is re-run only if its notebook, parameters, the package code or a data file
    it read changed since the last build into ``out``. With the shipped data the executed
    chapters also replace those in ``book/`` (the published record); with another data
    folder only ``out`` changes. ``only`` runs just those pages, for checking one chapter
    quickly: the other pages are taken as published in ``book/``, and nothing is cached or
    written back.
    """
    custom_data = data_dir is not None and str(data_dir) != ""
    base = data.resolve_data_dir(data_dir)
    problems = data.check_data(base)
    if problems:
        raise BuildError(f"data in {base.name}/ failed validation; nothing was built:\n" + "\n".join(str(p) for p in problems))
    grid = load_grid()
    if only:
        unknown = sorted(set(only) - {run.page for run in grid.runs})
        if unknown:
            raise BuildError(f"unknown page {', '.join(unknown)}; pages: {', '.join(run.page for run in grid.runs)}")
        custom_data = True  # a partial site is never the published record
    target = Path(out).resolve() if out else DEFAULT_OUT
    target.parent.mkdir(parents=True, exist_ok=True)
    cache = target.parent / f".{target.name}-cache"
    previous = _load_cache(cache) if execute and not only else {"runs": {}, "site": None}
    keys = {run.page: _run_key(run, custom_data) for run in grid.runs}
    fresh = [
        run
        for run in grid.runs
        if (record := previous["runs"].get(run.page))
        and record["key"] == keys[run.page]
        and record["inputs"] == _input_hashes(base, list(record["inputs"]))
        and (cache / f"{run.page}.ipynb").is_file()
    ]
    stale = [run for run in grid.runs if run not in fresh and (not only or run.page in only)]
    if execute and not stale and previous.get("site") == _site_fingerprint(grid, previous["runs"]) and (target / "index.html").is_file():
        return BuildReport(target, [], [run.page for run in fresh], rebuilt_html=False)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}-staging-", dir=target.parent))
    try:
        source = _stage_sources(stage, grid, base)
        records = {}
        if execute:
            for run in fresh:
                shutil.copy2(cache / f"{run.page}.ipynb", source / BOOK_DIR / f"{run.page}.ipynb")
                records[run.page] = previous["runs"][run.page]
            inputs = execute_runs(stale, source / BOOK_DIR, str(base) if custom_data else None, jobs=jobs, timeout_s=timeout_s)
            for run in stale:
                records[run.page] = {"key": keys[run.page], "inputs": _input_hashes(base, inputs[run.page])}
        else:
            missing = [run.page for run in grid.runs if not (source / BOOK_DIR / f"{run.page}.ipynb").is_file()]
            if missing:
                raise BuildError(f"not executed yet (run without --no-execute): {', '.join(missing)}")
        _jupyter_book(source, stage, jobs)
        if execute and not only:
            cache.mkdir(exist_ok=True)
            for run in grid.runs:
                shutil.copy2(source / BOOK_DIR / f"{run.page}.ipynb", cache / f"{run.page}.ipynb")
        if execute and not custom_data:
            for run in grid.runs:
                shutil.copy2(source / BOOK_DIR / f"{run.page}.ipynb", ROOT / BOOK_DIR / f"{run.page}.ipynb")
            (ROOT / TOC_FILE).write_text(toc_text(grid), encoding="utf-8")
        _replace_dir(stage / "_build" / "html", target)
        if execute and not only:
            state = {"runs": records, "site": _site_fingerprint(grid, records)}
            (cache / CACHE_FILE).write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return BuildReport(target, [run.page for run in stale] if execute else [], [run.page for run in fresh])


def run_chapter(notebook: str, parameters: dict, out_dir: Path, data_dir: str | None = None) -> Path:
    """Run one chapter with other parameters into ``out_dir``: a notebook and an HTML page."""
    grid = load_grid()
    matches = [run for run in grid.runs if run.notebook == notebook or run.page == notebook or Path(run.notebook).stem == notebook]
    if not matches:
        names = sorted({Path(run.notebook).stem for run in grid.runs})
        raise BuildError(f"unknown chapter {notebook!r}; chapters: {', '.join(names)}")
    base_run = matches[0]
    declared = parameters_of(base_run.notebook)
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise BuildError(
            f"chapter {Path(base_run.notebook).stem!r} has no parameter {', '.join(unknown)}; its parameters: {', '.join(declared)}"
        )
    page = f"{Path(base_run.notebook).stem}-custom"
    run = Run(base_run.notebook, page, base_run.title + " (your parameters)", {**base_run.parameters, **parameters})
    out_dir.mkdir(parents=True, exist_ok=True)
    if data_dir:
        problems = data.check_data(data_dir)
        if problems:
            raise BuildError("data failed validation; nothing was run:\n" + "\n".join(str(p) for p in problems))
    failure, _ = _execute(run, out_dir / f"{page}.ipynb", str(data.resolve_data_dir(data_dir)) if data_dir else None)
    if failure:
        raise BuildError(failure)
    html_path = out_dir / f"{page}.html"
    _notebook_to_html(out_dir / f"{page}.ipynb", html_path)
    return html_path


def _notebook_to_html(notebook_path: Path, html_path: Path) -> None:
    """A standalone page for one executed notebook, with the vega bundle inlined (works offline)."""
    import nbformat
    from nbconvert import HTMLExporter

    from tradetalks import charts

    notebook = nbformat.read(notebook_path, as_version=4)
    fill_glued_text(notebook)
    exporter = HTMLExporter(template_name="lab")
    body, _ = exporter.from_notebook_node(notebook)
    body = re.sub(r'<script[^>]*src="https?://[^"]*"[^>]*>\s*</script>', "", body)  # no CDN: the page must work offline
    bundle = charts.javascript_bundle().replace("</script", "<\\/script")
    body = body.replace("</head>", f"<script>{bundle}</script></head>", 1)
    html_path.write_text(body, encoding="utf-8")


GLUE_ROLE = re.compile(r"\{glue:md\}`([^`]+)`")
GLUED_MARKDOWN = "application/papermill.record/text/markdown"


def fill_glued_text(notebook: nbformat.NotebookNode) -> None:
    """Put glued values into the prose, as Jupyter Book does (for pages built without it)."""
    glued = {}
    for cell in notebook.cells:
        outputs = cell.get("outputs", [])
        for output in outputs:
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name and GLUED_MARKDOWN in output.get("data", {}):
                glued[name] = output["data"][GLUED_MARKDOWN]
        cell["outputs"] = [o for o in outputs if "scrapbook" not in o.get("metadata", {})] if cell.cell_type == "code" else outputs
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = GLUE_ROLE.sub(lambda match: glued.get(match.group(1), match.group(0)), cell.source)


def parameters_of(notebook: str) -> dict:
    """The parameters a chapter template declares, with their defaults and comments."""
    from papermill.inspection import inspect_notebook

    return inspect_notebook(str(ROOT / "notebooks" / notebook))


def describe_parameters(notebook: str) -> str:
    """One line per parameter, as the chapter declares it (or, for a chapter without a declaration, its template)."""
    declared = params.declared(Path(notebook).stem)
    if declared is not None:
        return "\n".join(f"  {line}" for line in params.parameters_cell(Path(notebook).stem, declared).splitlines()[1:])
    lines = []
    for name, info in parameters_of(notebook).items():
        comment = f"  # {info['help']}" if info.get("help") else ""
        lines.append(f"  {name} = {info['default']}{comment}")
    return "\n".join(lines)


def sync_parameter_cells(check: bool = False) -> list[str]:
    """Write each template's parameters cell from its chapter's declaration; return the templates that differed.

    With ``check``, write nothing: the list is what is out of date (a test keeps it empty).
    """
    import nbformat

    stale = []
    for template in sorted((ROOT / "notebooks").glob("*.ipynb")):
        declared = params.declared(template.stem)
        if declared is None:
            continue
        notebook = nbformat.read(template, as_version=4)
        cell = next(cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", []))
        wanted = params.parameters_cell(template.stem, declared)
        if cell.source != wanted:
            stale.append(template.name)
            if not check:
                cell.source = wanted
                nbformat.write(notebook, template)
    return stale


def as_json(value: object) -> str:
    return json.dumps(value, indent=2, default=str)
