"""The rerun page's tables, read from the project: each chapter's parameters (as it declares them), the run
grid, and the worked example's update files; every file read is traced for incremental builds.

In a translated edition the words a reader sees come through ``tr``: a page's title (the grid's, in the shared
catalog), a parameter's declared meaning (whole, as the chapter declares it), the words of the example's rows, and
this page's own words ("not set", "the chapter's defaults"). Names, defaults, files and commands stay as typed.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pandas as pd

from tradetalks import data, i18n, project, text
from tradetalks.grid import NOTEBOOKS_DIR, declared_parameters, published_runs
from tradetalks.i18n import N_, tr

ROOT = project.ROOT
PARAMETERS_FILES = "tradetalks/chapters/*/parameters.py"  # where the chapters declare their parameters
DATA_FOLDER_PARAMETER = "data_dir"  # every chapter's; the run command sets it with --data
NOT_SET = "None"  # a declared default that leaves the value to the chapter (the data's latest year, ...)
NOT_SET_WORDS = N_("not set")
IF_NOT_SET = N_("if not set, ")  # a meaning's "None means …" as a translated edition words it
# How a Japanese translation of a meaning may name Python's None: 'Noneなら…', 'Noneのときは…', 'Noneは…'
_JA_NONE_MEANS = re.compile(r"None(?:なら|のときは|の場合は|は)、?")
DEFAULTS, DEFAULTS_WORDS = "(defaults)", N_("the chapter's defaults")  # a run that overrides no parameter
WORDS = re.compile(r"[A-Za-z]")  # a cell of the example's rows with words in it (not a date or a number)


def _japanese() -> bool:
    return i18n.current() == "ja"


# The columns of a data table a reader of the worked example does not need: provenance (the source
# line names the sources), ids and notes (the CSV download keeps them all).
NOT_SHOWN = ("source_key", "original_source_key", "notes")


def chapter_parameters() -> pd.DataFrame:
    """Every chapter template's parameters: chapter, parameter, default, meaning."""
    rows = []
    for notebook in dict.fromkeys(run.notebook for run in published_runs()):
        for parameter in declared_parameters(NOTEBOOKS_DIR / notebook):
            rows.append({"chapter": Path(notebook).stem, **parameter})
    return data.read_from(pd.DataFrame(rows, columns=["chapter", "parameter", "default", "meaning"]), PARAMETERS_FILES)


def chapter_titles() -> dict[str, str]:
    """Each chapter template's title on the site (its first page's, if it runs more than once), by template name."""
    titles: dict[str, str] = {}
    for run in published_runs():
        titles.setdefault(Path(run.notebook).stem, run.title)
    return titles


def meaning_for_readers(meaning: str) -> str:
    """A parameter's meaning with Python's None put in words: '…; None means the latest year' -> '…; if not set, the latest year'.
    In a translated edition, the declared meaning translated whole, its 'None' put in words the same way."""
    if _japanese():
        return _JA_NONE_MEANS.sub(lambda _: tr(IF_NOT_SET), tr(meaning))
    if i18n.current() != i18n.SOURCE_LANGUAGE:
        return tr(meaning)
    worded = re.sub(rf"\b{NOT_SET} means (use )?", lambda match: "if not set, " + (match.group(1) or ""), meaning)
    return re.sub(r"(^|[.] )if not set", lambda match: match.group(1) + "If not set", worded)


def parameters_for_readers(table: pd.DataFrame) -> pd.DataFrame:
    """``chapter_parameters`` for readers: each chapter by its title and the name the run command takes, and
    its parameters other than the data folder (which ``--data`` sets), an unset default in words."""
    titles = chapter_titles()
    rows = table[table["parameter"] != DATA_FOLDER_PARAMETER]
    shown = pd.DataFrame(
        {
            "chapter_title": rows["chapter"].map(titles).map(tr),
            "run_name": rows["chapter"],
            "parameter_name": rows["parameter"],
            "parameter_default": rows["default"].where(rows["default"] != NOT_SET, tr(NOT_SET_WORDS)),
            "parameter_meaning": rows["meaning"].map(meaning_for_readers),
        }
    ).reset_index(drop=True)
    return data.read_from(shown, *data.tables_of(table))


def grid_runs() -> pd.DataFrame:
    """The run grid as a table: page, chapter template, title and parameter overrides."""
    rows = [
        {
            "page": run.page,
            "chapter": Path(run.notebook).stem,
            "title": run.title,
            "parameters": ", ".join(f"{k}={v!r}" for k, v in run.parameters.items()) or DEFAULTS,
        }
        for run in published_runs()
    ]
    return data.read_from(pd.DataFrame(rows), "notebooks/grid.yml")


def grid_for_readers(runs: pd.DataFrame) -> pd.DataFrame:
    """``grid_runs`` for readers: each page by its title and file, the chapter template it runs and its parameters."""
    shown = pd.DataFrame(
        {
            "page_title": runs["title"].map(tr),
            "page_file": runs["page"] + ".html",
            "template_file": runs["chapter"] + ".ipynb",
            "run_parameters": runs["parameters"].where(runs["parameters"] != DEFAULTS, tr(DEFAULTS_WORDS)),
        }
    )
    return data.read_from(shown, *data.tables_of(runs))


def example_update_files() -> list[Path]:
    """The worked example's CSV files (examples/update-2025), traced for incremental builds."""
    files = sorted((ROOT / "examples" / "update-2025").glob("*.csv"))
    for path in files:
        data.trace_project_file(path)
    return files


def example_rows(path: Path, data_dir: str | Path | None = None) -> pd.DataFrame:
    """The rows one example file adds, tagged with the data table they belong to (so their columns take its titles)."""
    rows = pd.read_csv(path, dtype=str, keep_default_na=False)
    return data.read_from(rows, path.stem, data_dir=data_dir)


def example_rows_for_readers(rows: pd.DataFrame, data_dir: str | Path | None = None) -> pd.DataFrame:
    """An example's rows as a reader's table: no provenance, id or notes columns, a role (an id such as
    ``other_vintage``) in words, and numbers as numbers (so they take the field's decimals)."""
    schema = data.table_schema(data.tables_of(rows)[0], data_dir)["schema"]["fields"]
    shown = rows.drop(columns=[c for c in rows.columns if c in NOT_SHOWN or c.endswith("_id")]).copy()
    for field in schema:
        name = field["name"]
        if name not in shown.columns:
            continue
        if field.get("type") in ("number", "integer"):
            shown[name] = pd.to_numeric(shown[name].replace("", pd.NA))
        elif "enum" in field.get("constraints", {}):
            shown[name] = shown[name].str.replace("_", " ", regex=False)
        if field.get("type") not in ("number", "integer") and i18n.current() != i18n.SOURCE_LANGUAGE:
            shown[name] = shown[name].map(_cell_words)  # words and dates from the data, in the reader's language
        shown[name] = shown[name].replace("", pd.NA)
    return data.read_from(shown, *data.tables_of(rows), data_dir=data_dir)


def _cell_words(cell: object) -> object:
    """A text cell of the example's rows in the current language: its words translated, a date in words."""
    if isinstance(cell, str) and WORDS.search(cell):
        return tr(cell)
    return text.reader_date(cell)


def with_a_typed_unit(table_path: Path, column: str) -> str:
    """Put a unit after the first filled number of ``column``, as a hand edit might ("2.5 %"): the page's demo of a
    cell check-data refuses. Returns the cell as written; no figure is typed here, the number is the table's own."""
    text = table_path.read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    at = rows[0].index(column)
    row = next(row for row in rows[1:] if row[at])
    row[at] = f"{row[at]} %"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    table_path.write_text(buffer.getvalue(), encoding="utf-8")
    return row[at]


CALCULATOR_FILES = "tradetalks/chapters/*/in_page.py"  # where a chapter declares the calculator its page runs


def in_page_calculators(data_dir: str | Path | None = None) -> pd.DataFrame:
    """The calculators that run in the reader's browser: chapter, inputs (label, unit, the range a control accepts)."""
    import importlib

    from tradetalks.calculators import limit

    titles, rows = chapter_titles(), []
    for chapter, title in titles.items():
        try:
            module = importlib.import_module(f"tradetalks.chapters.{chapter}.in_page")
        except ModuleNotFoundError:
            continue
        made = module.default_calculator(data_dir)
        inputs = ("、" if _japanese() else "; ").join(
            tr("{label} ({unit}), {low} to {high}").format(
                label=i.label, unit=i.unit, low=limit(i.low, i.decimals), high=limit(i.high, i.decimals)
            )
            for i in made.inputs
        )
        rows.append({"chapter_title": tr(title), "calculator_inputs": inputs})
    return data.read_from(pd.DataFrame(rows, columns=["chapter_title", "calculator_inputs"]), CALCULATOR_FILES)
