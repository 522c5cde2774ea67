"""The run grid (notebooks/grid.yml): which chapter template runs with which parameters into which page.

Also the templates' parameters: what each declares (``declared_parameters``, traced for the pages that
list them), and writing their parameters cells from the chapters' declarations
(``tradetalks.chapters.<page>.parameters``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tradetalks import data, params, project
from tradetalks.text import as_markdown_text

ROOT = project.ROOT
NOTEBOOKS_DIR = ROOT / "notebooks"
GRID_FILE = NOTEBOOKS_DIR / "grid.yml"
BOOK_DIR = "book"
TOC_FILE = "_toc.yml"
PARAMETERS_CELL_TAGS = ("parameters", "remove-cell")  # the template cell papermill fills; hidden from readers


class BuildError(RuntimeError):
    """The build stopped; the message says which chapter and cell, or which data problem."""


@dataclass(frozen=True)
class Run:
    """One execution of a chapter template into a page of the site."""

    notebook: str
    page: str
    title: str
    parameters: dict = field(default_factory=dict)
    lang: str = "en"  # the edition: "en", or a translated one ("ja": its page goes under book/ja/)

    @property
    def template(self) -> Path:
        return NOTEBOOKS_DIR / self.notebook

    @property
    def key(self) -> str:
        """The run's name among all editions' runs: its page, under its language's folder when translated."""
        return self.page if self.lang == "en" else f"{self.lang}/{self.page}"

    def in_language(self, lang: str) -> Run:
        """This run in another edition: the same template and parameters, the title translated (issue 18)."""
        if lang == "en":
            return self
        from tradetalks import i18n

        with i18n.language(lang):
            return Run(self.notebook, self.page, i18n.tr(self.title), dict(self.parameters), lang)


@dataclass(frozen=True)
class Part:
    caption: str
    entries: tuple  # of Run or str (a prose page under book/, without suffix)


@dataclass(frozen=True)
class Grid:
    root: Run | str  # the home page: a run (computed findings) or a prose page under book/
    parts: tuple
    languages: tuple = ()  # the translated editions the build publishes beside the English one (issue 18)

    @property
    def root_page(self) -> str:
        return self.root.page if isinstance(self.root, Run) else self.root

    @property
    def runs(self) -> list[Run]:
        home = [self.root] if isinstance(self.root, Run) else []
        return home + [entry for part in self.parts for entry in part.entries if isinstance(entry, Run)]


def _entry(entry: dict) -> Run | str:
    if "notebook" in entry:
        return Run(entry["notebook"], entry["page"], entry["title"], dict(entry.get("parameters") or {}))
    return entry["page"]


def load_grid(path: Path = GRID_FILE) -> Grid:
    """Read the run grid: which notebook runs with which parameters into which page, in site order."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    parts = []
    for part in raw["parts"]:
        entries = []
        for entry in part["pages"]:
            entries.append(_entry(entry))
        parts.append(Part(part["caption"], tuple(entries)))
    root = raw["root"]
    languages = tuple(raw.get("languages") or ())
    grid = Grid(_entry(root) if isinstance(root, dict) else root, tuple(parts), languages)
    pages = [grid.root_page] + [e.page if isinstance(e, Run) else e for p in grid.parts for e in p.entries]
    duplicates = sorted({page for page in pages if pages.count(page) > 1})
    if duplicates:
        raise BuildError(f"{path.name}: pages appear more than once: {', '.join(duplicates)}")
    for run in grid.runs:
        if not run.template.is_file():
            raise BuildError(f"{path.name}: run {run.page!r} names notebook {run.notebook!r}, which is not in notebooks/")
    return grid


def published_runs() -> list[Run]:
    """The grid's runs, read from a page that shows them: the grid file is traced, so a change to it re-runs the page."""
    data.trace_project_file(GRID_FILE)
    return load_grid().runs


def table_of_contents(grid: Grid) -> dict:
    """The Jupyter Book ``_toc.yml`` that follows from the grid (its captions in the language the build writes)."""
    from tradetalks.i18n import tr

    return {
        "format": "jb-book",
        "root": f"{BOOK_DIR}/{grid.root_page}",
        "parts": [
            {"caption": tr(part.caption), "chapters": [{"file": f"{BOOK_DIR}/{e.page if isinstance(e, Run) else e}"} for e in part.entries]}
            for part in grid.parts
        ],
    }


def toc_text(grid: Grid) -> str:
    header = "# Generated from notebooks/grid.yml by `python -m tradetalks toc`: edit the grid, not this file.\n"
    return header + yaml.safe_dump(table_of_contents(grid), sort_keys=False)


def parameters_of(notebook: str) -> dict:
    """The parameters a chapter template declares, with their defaults and comments."""
    from papermill.inspection import inspect_notebook

    return inspect_notebook(str(NOTEBOOKS_DIR / notebook))


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


def declared_parameters(notebook: Path) -> list[dict]:
    """Name, default and meaning of each parameter: the chapter's declaration, else its template's ``parameters`` cell."""
    declared = params.declared(notebook.stem)
    if declared is not None:
        # imported by name at run time, so no import scan sees it: traced, a change to it re-runs the page
        data.trace_project_file(ROOT / "tradetalks" / "chapters" / notebook.stem / "parameters.py")
        return [{"parameter": p.name, "default": params.python_literal(p.default), "meaning": p.help} for p in declared]
    data.trace_project_file(notebook)
    import nbformat  # slow to import; only a template without a declaration needs it

    cells = nbformat.read(notebook, as_version=4).cells
    source = next(cell.source for cell in cells if "parameters" in cell.metadata.get("tags", []))
    found = []
    for line in source.splitlines():
        match = re.match(r"^(\w+)\s*=\s*(.+?)\s*(?:#\s*(.*))?$", line)
        if match:
            name, default, comment = match.groups()
            found.append({"parameter": name, "default": default, "meaning": comment or ""})
    return found


def sync_parameter_cells(check: bool = False) -> list[str]:
    """Write each template's parameters cell from its chapter's declaration; return the templates that differed.

    With ``check``, write nothing: the list is what is out of date (a test keeps it empty).
    """
    import nbformat

    stale = []
    for template in sorted(NOTEBOOKS_DIR.glob("*.ipynb")):
        declared = params.declared(template.stem)
        if declared is None:
            continue
        notebook = nbformat.read(template, as_version=4)
        cell = next(cell for cell in notebook.cells if "parameters" in cell.metadata.get("tags", []))
        wanted = params.parameters_cell(template.stem, declared)
        # readers before analysts: the cell stays off the page; the "Rerun this chapter" box shows it
        tags = cell.metadata.get("tags", [])
        wanted_tags = tags + [tag for tag in PARAMETERS_CELL_TAGS if tag not in tags]
        if cell.source != wanted or tags != wanted_tags:
            stale.append(template.name)
            if not check:
                cell.source, cell.metadata["tags"] = wanted, wanted_tags
                nbformat.write(notebook, template)
    return stale


def rerun_box(chapter: str, used: dict | None = None) -> str | None:
    """A folded "Rerun this chapter" box for the end of a chapter page: its parameters, the values this page
    used (``used``: the run's overrides, else the declared defaults) and the command, from the chapter's
    declaration (None for a page whose only parameter is the data folder)."""
    used = used or {}
    declared = [parameter for parameter in params.declared(chapter) or () if parameter.name != params.DATA_DIR.name]
    if not declared:
        return None
    from tradetalks.i18n import tr

    rows = "\n".join(
        f"| `{p.name}` | `{params.python_literal(used.get(p.name, p.default))}` | {as_markdown_text(tr(p.help))} |" for p in declared
    )
    explained = tr(
        "Every figure on this page follows from the data and these parameters. To change one, run {command} in a copy of "
        "the project (add {data_option} for your own data folder; see {rerun_link})."
    ).format(
        command=f"`python -m tradetalks run {chapter} -p NAME VALUE`",
        data_option="`--data DIR`",
        rerun_link="[" + tr("Rerun with your own data") + "](rerun.ipynb)",
    )
    headers = (tr("Parameter"), tr("Value on this page"), tr("What it sets"))
    return (
        "```{admonition} " + tr("Rerun this chapter") + "\n:class: dropdown tt-rerun\n"
        f"{explained}\n\n"
        f"| {' | '.join(headers)} |\n|---|---|---|\n"
        f"{rows}\n```"
    )
