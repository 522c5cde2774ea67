"""Running chapters: Papermill on warm kernels, normalised notebooks, and what a chapter's output depends on.

A chapter is re-run only when something it depends on changed: its template, parameters, the
package files its code imports (``modules_of``) or a data file it read (traced while it runs).
"""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import queue
import re
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from tradetalks import catalog, data, project
from tradetalks.grid import BuildError, Run, load_grid, rerun_box
from tradetalks.text import as_markdown_text

if TYPE_CHECKING:  # nbformat takes most of a second to import; a no-op build never needs it
    import nbformat

ROOT = project.ROOT
KERNEL = "python3"
CELL_TIMEOUT_S = 300  # a cell running longer than this stops its chapter (and the build)
CACHE_FILE = "runs.json"


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


LABEL_TARGET = re.compile(r"^\(([A-Za-z0-9_.:-]+)\)=[ \t]*$", flags=re.MULTILINE)


def relabel(notebook: nbformat.NotebookNode, page: str, chapter: str) -> None:
    """Give a template's section labels this page's prefix when it runs under another page name (the
    reverse-imports scenario): Sphinx refuses a label defined on two pages. References to them on the
    page follow; the page named like its template keeps the labels other pages link to."""
    if page == chapter:
        return
    markdown = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
    labels = {label for cell in markdown for label in LABEL_TARGET.findall(cell.source)}
    if not labels:
        return
    prefix = page.replace("_", "-")
    own = re.compile(r"(?<![\w-])(" + "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True)) + r")(?![\w-])")
    for cell in markdown:
        cell.source = own.sub(lambda match: f"{prefix}--{match.group(1)}", cell.source)


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
_os.environ[{collect_variable!r}] = {collect!r}
del _os
import tradetalks.i18n as _i18n
_i18n.use("en")  # a chapter runs in English unless its template says otherwise (a translated one does)
del _i18n
"""
    # imported before the first chapter, so every chapter on this kernel finds them loaded
    WARM_UP = "import pandas, altair, nbformat, IPython.display\nimport tradetalks.charts, tradetalks.data, tradetalks.text\n"

    def __init__(self) -> None:
        self.manager = None
        self.client = None

    START_ATTEMPTS = 2  # a kernel can die while starting when many start at once (a port taken in between): try again

    def start(self) -> None:
        for attempt in range(1, self.START_ATTEMPTS + 1):
            try:
                self._start_once()
                return
            except RuntimeError as error:
                try:
                    self.stop()
                except Exception:  # a dead kernel may not shut down cleanly; it is gone either way
                    self.manager = self.client = None
                if attempt == self.START_ATTEMPTS or "died" not in str(error):
                    raise

    def _start_once(self) -> None:
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

    def prepare(self, trace: Path, collect: Path | None = None) -> None:
        """Start a clean namespace for the next chapter (starting the kernel if need be); with ``collect``, its
        missing translations are noted in that file instead of stopping it (``tradetalks.i18n.tr``)."""
        from tradetalks import i18n

        if self.manager is None:
            self.start()
        code = self.PREPARE.format(
            root=str(ROOT), variable=data.TRACE_ENV, trace=str(trace), collect_variable=i18n.COLLECT_ENV, collect=str(collect or "")
        )
        self._run(code)

    def stop(self) -> None:
        from jupyter_core.utils import run_sync

        if self.client is not None:
            self.client.stop_channels()
        if self.manager is not None:
            run_sync(self.manager.shutdown_kernel)(now=True)
        self.manager = self.client = None


def execute_run(
    run: Run,
    out_path: Path,
    data_dir: str | None,
    timeout_s: int = CELL_TIMEOUT_S,
    kernel: WarmKernel | None = None,
    collect: Path | None = None,
) -> tuple[str | None, list[str]]:
    """Run one chapter; return (None or one line naming the chapter and failed cell, data files it read).

    With ``kernel`` the chapter runs on that warm kernel; without, on a kernel of its own. With ``collect`` (a
    translated run), the messages its catalogs lack are noted in that file and its untranslated prose stays English.
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
    timed_out = f"chapter {run.key!r} ({run.notebook}): stopped, a cell ran longer than {timeout_s} s (raise it with --timeout)"
    template = run.template
    if run.lang != "en":  # the translated template: its prose from the catalogs, a hidden cell that sets the language
        import nbformat

        from tradetalks import i18n

        template = out_path.with_name(f".{out_path.stem}.template.ipynb")
        nbformat.write(i18n.translate(run.template, run.lang, strict=collect is None), template)
    try:
        kernel.prepare(trace, collect)
        papermill.execute_notebook(
            str(template),
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
        failure = f"chapter {run.key!r} ({run.notebook}): cell {error.exec_count} raised {error.ename}: {message}"
    except TimeoutError:
        failure = timed_out
    except Exception as error:  # kernel died, bad notebook: one line, not a traceback
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        if "timed out" in first.lower():
            failure = timed_out
        else:
            failure = f"chapter {run.key!r} ({run.notebook}): {type(error).__name__}: {first}"
    finally:
        if own_kernel or failure:
            kernel.stop()  # a failed chapter may leave its kernel busy or broken: the next one gets a new kernel
        if template != run.template:
            template.unlink(missing_ok=True)
    if failure:
        trace.unlink(missing_ok=True)
        return failure, []
    inputs = sorted(set(trace.read_text(encoding="utf-8").split())) if trace.exists() else []
    trace.unlink(missing_ok=True)
    import nbformat

    from tradetalks import i18n

    notebook = nbformat.read(out_path, as_version=4)
    retitle(notebook, run.title)
    relabel(notebook, out_path.stem, Path(run.notebook).stem)
    with i18n.language(run.lang):  # the boxes the build adds speak the page's language
        box = rerun_box(Path(run.notebook).stem, run.parameters)
        if box:
            notebook.cells.append(nbformat.v4.new_markdown_cell(box))
        notebook.cells.append(nbformat.v4.new_markdown_cell(page_footer(run.title, catalog.as_of_for_files(inputs, data_dir))))
    normalise(notebook, run.page)
    nbformat.write(notebook, out_path)
    return None, inputs


def page_footer(title: str, as_of: str | None) -> str:
    """The 'last updated' and 'cite this page' lines added to every executed page (in the language the build writes)."""
    from tradetalks import i18n, text
    from tradetalks.i18n import tr

    shown = as_of if i18n.current() == "en" else text.reader_date(as_of)  # 2025年7月 in Japanese; English keeps the ISO date
    dated = tr("data as of {as_of}").format(as_of=shown) if as_of else tr("generated from the project's own files")
    cite = tr(
        "{authors}. “{title}.” *{site}*, {dated}. Text CC BY 4.0; code MIT; data under each source's terms (see the "
        "source lines and the references)."
    ).format(authors=project.AUTHORS, title=as_markdown_text(title), site=tr(project.SITE_TITLE), dated=dated)
    updated = tr("**Last updated:** {dated} (the newest dated source behind this page).").format(dated=dated)
    head = tr("Cite this page")
    return f"```{{admonition}} {head}\n:class: tt-cite\n{cite}\n\n{updated}\n```"


def sha256(path: Path) -> str:
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


def code_fingerprint(files: list[str] | None = None, package_dir: Path | None = None) -> str:
    """A hash of package files (all of them by default): a change to any of them can change the output."""
    package_dir = package_dir or PACKAGE_DIR
    paths = sorted(package_dir.rglob("*.py")) if files is None else [package_dir / name for name in sorted(files)]
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.relative_to(package_dir).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def run_key(run: Run, custom_data: bool, package_dir: Path | None = None) -> dict:
    translated = {}
    if run.lang != "en":  # a translated run also depends on its catalogs
        from tradetalks import i18n

        translated = {"lang": run.lang, "catalogs": i18n.catalogs_fingerprint(run.template, run.lang)}
    return {
        **translated,
        "notebook": sha256(run.template),
        "title": run.title,
        "parameters": run.parameters,
        "custom_data": custom_data,
        "code": code_fingerprint(modules_of(run.template, package_dir), package_dir),
    }


def input_hashes(base: Path, inputs: list[str]) -> dict:
    files = sorted(set(inputs) | {data.PACKAGE_FILE, f"{data.SOURCES_TABLE}.csv"})
    paths = {name: ROOT / name[1:] if name.startswith(data.PROJECT_FILE_PREFIX) else base / name for name in files}
    return {name: (sha256(path) if path.is_file() else None) for name, path in paths.items()}


def load_cache(cache: Path) -> dict:
    try:
        return json.loads((cache / CACHE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"runs": {}, "site": None}


def execute_runs(
    runs: list[Run], out_dir: Path, data_dir: str | None, jobs: int = 2, timeout_s: int = CELL_TIMEOUT_S, collect: Path | None = None
) -> dict[str, list[str]]:
    """Run chapters into ``out_dir`` on ``jobs`` warm kernels; return each run's inputs.

    Each worker thread owns one kernel and takes the next chapter from a shared queue, so the
    kernels' start-up and imports are paid ``jobs`` times, not once per chapter. The work itself
    happens in the kernel processes; the threads only wait on them. With ``collect`` (a folder), translated
    runs note their missing messages in ``collect/<page>.jsonl`` instead of stopping.
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
                    tqdm.write(f"chapter {run.key}: started", file=sys.stderr)
                start = time.perf_counter()
                (out_dir / run.key).parent.mkdir(parents=True, exist_ok=True)
                notes = collect / f"{run.page}.jsonl" if collect is not None else None
                failure, read = execute_run(run, out_dir / f"{run.key}.ipynb", data_dir, timeout_s, kernel=kernel, collect=notes)
                with lock:
                    inputs[run.key] = read
                    if failure:
                        failures.append(failure)
                    status = "failed" if failure else "done"
                    finished.append(run.key)
                    bar.update(1)
                    seconds = time.perf_counter() - start
                    tqdm.write(f"chapter {run.key}: {status} in {seconds:.1f} s ({len(finished)} of {len(runs)})", file=sys.stderr)
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
