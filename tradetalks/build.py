"""From data to site: the run grid, Papermill in parallel, normalised notebooks, Jupyter Book.

Nothing is half-published: every notebook runs and the whole site builds in a
staging folder beside the output, and only a complete build replaces the
previous site (and, for the shipped data, the executed chapters in ``book/``).
"""

from __future__ import annotations

import concurrent.futures
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml
from tqdm import tqdm

from tradetalks import catalog, charts, data
from tradetalks.text import as_markdown_text

ROOT = Path(__file__).resolve().parent.parent
GRID_FILE = ROOT / "notebooks" / "grid.yml"
BOOK_DIR = "book"
STATIC_DIR = "_static"
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


def _execute(run: Run, out_path: Path, data_dir: str | None, timeout_s: int = CELL_TIMEOUT_S) -> tuple[str | None, list[str]]:
    """Run one chapter; return (None or one line naming the chapter and failed cell, data files it read)."""
    import papermill

    parameters = dict(run.parameters)
    if data_dir is not None:
        parameters["data_dir"] = data_dir
    trace = out_path.with_suffix(".inputs")
    trace.unlink(missing_ok=True)
    os.environ[data.TRACE_ENV] = str(trace)
    try:
        papermill.execute_notebook(
            str(run.template),
            str(out_path),
            parameters=parameters,
            kernel_name=KERNEL,
            progress_bar=False,
            log_output=False,
            cwd=str(ROOT),
            execution_timeout=timeout_s,
        )
    except papermill.PapermillExecutionError as error:
        message = str(error.evalue).strip().splitlines()[0] if str(error.evalue).strip() else ""
        return f"chapter {run.page!r} ({run.notebook}): cell {error.exec_count} raised {error.ename}: {message}", []
    except TimeoutError:
        return f"chapter {run.page!r} ({run.notebook}): stopped, a cell ran longer than {timeout_s} s (raise it with --timeout)", []
    except Exception as error:  # kernel died, bad notebook: one line, not a traceback
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        if "timed out" in first.lower():
            return f"chapter {run.page!r} ({run.notebook}): stopped, a cell ran longer than {timeout_s} s (raise it with --timeout)", []
        return f"chapter {run.page!r} ({run.notebook}): {type(error).__name__}: {first}", []
    finally:
        os.environ.pop(data.TRACE_ENV, None)
    inputs = sorted(set(trace.read_text(encoding="utf-8").split())) if trace.exists() else []
    trace.unlink(missing_ok=True)
    notebook = nbformat.read(out_path, as_version=4)
    retitle(notebook, run.title)
    notebook.cells.append(nbformat.v4.new_markdown_cell(page_footer(run.title, catalog.as_of_for_files(inputs, data_dir))))
    normalise(notebook, run.page)
    nbformat.write(notebook, out_path)
    return None, inputs


SITE_TITLE = "US–Japan Auto Trade, Explained"
AUTHORS = "The US–Japan Auto Trade, Explained contributors"


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


def _code_fingerprint() -> str:
    """Changes to the package can change every chapter's output."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "tradetalks").glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()


def _run_key(run: Run, custom_data: bool) -> dict:
    return {
        "notebook": _sha256(run.template),
        "title": run.title,
        "parameters": run.parameters,
        "custom_data": custom_data,
        "code": _code_fingerprint(),
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
    """Run chapters into ``out_dir`` (two at a time by default), with one progress bar; return each run's inputs."""
    out_dir.mkdir(parents=True, exist_ok=True)
    failures, inputs = [], {}
    if not runs:
        return inputs
    with concurrent.futures.ProcessPoolExecutor(max_workers=max(1, min(jobs, len(runs)))) as pool:
        futures = {pool.submit(_execute, run, out_dir / f"{run.page}.ipynb", data_dir, timeout_s): run for run in runs}
        with tqdm(total=len(runs), desc="chapters", unit="run", disable=None) as bar:
            for future in concurrent.futures.as_completed(futures):
                failure, read = future.result()
                if failure:
                    failures.append(failure)
                inputs[futures[future].page] = read
                bar.update(1)
    if failures:
        raise BuildError("\n".join(sorted(failures)))
    return inputs


EXTRA_DIR = "_extra"  # copied to the site's root: the data files and their manifest
BIB_FILE = "references.bib"


def _stage_sources(stage: Path, grid: Grid, base: Path | None = None) -> Path:
    """Copy what Jupyter Book reads into ``stage/src``: pages, toc, vendored scripts, bibliography, data files."""
    source = stage / "src"
    source.mkdir()
    shutil.copy2(ROOT / CONFIG_FILE, source / CONFIG_FILE)
    (source / TOC_FILE).write_text(toc_text(grid), encoding="utf-8")
    shutil.copytree(ROOT / BOOK_DIR, source / BOOK_DIR, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "_build"))
    shutil.copytree(ROOT / STATIC_DIR, source / STATIC_DIR)
    (source / STATIC_DIR / charts.BUNDLE_FILE).write_text(charts.javascript_bundle(), encoding="utf-8")
    base = base or data.default_data_dir()
    (source / BIB_FILE).write_text(catalog.bibtex(base), encoding="utf-8")
    published_data = source / EXTRA_DIR / "data"
    published_data.mkdir(parents=True)
    for name in [data.PACKAGE_FILE] + [data.table_schema(table, base)["path"] for table in data.table_names(base)]:
        shutil.copy2(base / name, published_data / name)
    (published_data / "manifest.json").write_text(catalog.manifest_json(base), encoding="utf-8")
    return source


def _jupyter_book(source: Path, out: Path) -> None:
    command = [
        str(Path(sys.executable).parent / "jupyter-book"),
        "build",
        str(source),
        "--path-output",
        str(out),
        "-W",
        "-n",
        "--keep-going",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
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
        _jupyter_book(source, stage)
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
    from nbconvert import HTMLExporter

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
    lines = []
    for name, info in parameters_of(notebook).items():
        comment = f"  # {info['help']}" if info.get("help") else ""
        lines.append(f"  {name} = {info['default']}{comment}")
    return "\n".join(lines)


def as_json(value: object) -> str:
    return json.dumps(value, indent=2, default=str)
