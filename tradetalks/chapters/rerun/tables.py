"""The rerun page's tables, read from the project: each chapter's parameters (as it declares them), the run
grid, and the worked example's update files; every file read is traced for incremental builds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from tradetalks import data, project
from tradetalks.grid import declared_parameters

ROOT = project.ROOT
GRID_FILE = ROOT / "notebooks" / "grid.yml"
PARAMETERS_FILES = "tradetalks/chapters/*/parameters.py"  # where the chapters declare their parameters


def _grid_runs() -> list[dict]:
    data.trace_project_file(GRID_FILE)
    grid = yaml.safe_load(GRID_FILE.read_text(encoding="utf-8"))
    return [entry for part in grid["parts"] for entry in part["pages"] if "notebook" in entry]


def chapter_parameters() -> pd.DataFrame:
    """Every chapter template's parameters: chapter, parameter, default, meaning."""
    rows = []
    for notebook in dict.fromkeys(run["notebook"] for run in _grid_runs()):
        for parameter in declared_parameters(ROOT / "notebooks" / notebook):
            rows.append({"chapter": Path(notebook).stem, **parameter})
    return data.read_from(pd.DataFrame(rows, columns=["chapter", "parameter", "default", "meaning"]), PARAMETERS_FILES)


def grid_runs() -> pd.DataFrame:
    """The run grid as a table: page, chapter template, title and parameter overrides."""
    rows = [
        {
            "page": run["page"],
            "chapter": Path(run["notebook"]).stem,
            "title": run["title"],
            "parameters": ", ".join(f"{k}={v!r}" for k, v in (run.get("parameters") or {}).items()) or "(defaults)",
        }
        for run in _grid_runs()
    ]
    return data.read_from(pd.DataFrame(rows), "notebooks/grid.yml")


def example_update_files() -> list[Path]:
    """The worked example's CSV files (examples/update-2025), traced for incremental builds."""
    files = sorted((ROOT / "examples" / "update-2025").glob("*.csv"))
    for path in files:
        data.trace_project_file(path)
    return files
