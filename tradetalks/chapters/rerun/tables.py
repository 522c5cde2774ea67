"""The rerun page's tables, read from the project: each chapter's parameters (as it declares them), the run
grid, and the worked example's update files; every file read is traced for incremental builds."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from tradetalks import data, project
from tradetalks.grid import NOTEBOOKS_DIR, declared_parameters, published_runs

ROOT = project.ROOT
PARAMETERS_FILES = "tradetalks/chapters/*/parameters.py"  # where the chapters declare their parameters


def chapter_parameters() -> pd.DataFrame:
    """Every chapter template's parameters: chapter, parameter, default, meaning."""
    rows = []
    for notebook in dict.fromkeys(run.notebook for run in published_runs()):
        for parameter in declared_parameters(NOTEBOOKS_DIR / notebook):
            rows.append({"chapter": Path(notebook).stem, **parameter})
    return data.read_from(pd.DataFrame(rows, columns=["chapter", "parameter", "default", "meaning"]), PARAMETERS_FILES)


def grid_runs() -> pd.DataFrame:
    """The run grid as a table: page, chapter template, title and parameter overrides."""
    rows = [
        {
            "page": run.page,
            "chapter": Path(run.notebook).stem,
            "title": run.title,
            "parameters": ", ".join(f"{k}={v!r}" for k, v in run.parameters.items()) or "(defaults)",
        }
        for run in published_runs()
    ]
    return data.read_from(pd.DataFrame(rows), "notebooks/grid.yml")


def example_update_files() -> list[Path]:
    """The worked example's CSV files (examples/update-2025), traced for incremental builds."""
    files = sorted((ROOT / "examples" / "update-2025").glob("*.csv"))
    for path in files:
        data.trace_project_file(path)
    return files


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
