"""Which data columns hold wording, and a data folder with all of it reworded.

A column holds wording when a person could reword it without changing a fact: a metric's name, a
brand as a report spelled it, a model's description. Ids (a ``pattern`` constraint), roles (an
``enum``), proper names, dates, units, qualifiers, numbers and provenance are not wording. Chapters
must not pick rows by wording, so rewording all of it must change no number on any page.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from tradetalks import data

# Proper names: a country or a company is its name, so a literal naming one is not a label's wording.
PROPER_NAMES = frozenset({"country", "partner", "company", "jurisdiction", "region", "maker", "hq_country"})
# Columns that are not wording either: when and in what unit a figure is, graded qualifiers read by
# one documented rule (figures.best_row), free notes nobody picks by, mixed-type values and
# provenance (source keys have their own check).
NOT_WORDING = PROPER_NAMES | frozenset(
    {
        "period",
        "period_type",
        "date",
        "year",
        "as_of",
        "unit",
        "currency",
        "qualifier",
        "value_qualifier",
        "value",
        "notes",
        "source_key",
        "original_source_key",
    }
)
# Tables of editorial text and of sources: nothing picks their rows by wording (claims by claim_id).
NOT_DATA_TABLES = frozenset({"sources", "claims"})
ID = re.compile(r"[a-z0-9_]+|[A-Z]{2,4}(/[A-Z]{2,4})?")  # snake_case ids and codes such as "BEV", "US", "UK/DE"
REWORDED = "Reworded: "  # a prefix defeats equality and startswith picks alike, and adds no digit
NUMBER = re.compile(r"\d[\d,.]*")  # the figures of a sentence, which rewording its labels must leave as they were


def tables(data_dir: Path | None = None) -> Iterator[tuple[dict, pd.DataFrame]]:
    """(schema resource, table as text) of each data table."""
    base = data_dir or data.default_data_dir()
    package = json.loads((base / data.PACKAGE_FILE).read_text(encoding="utf-8"))
    for resource in package["resources"]:
        if resource["name"] not in NOT_DATA_TABLES:
            yield resource, pd.read_csv(base / resource["path"], dtype=str, keep_default_na=False, encoding="utf-8-sig")


def is_role(field: dict) -> bool:
    """An id column (a pattern) or a role column (an enum of ids or codes); an enum of phrases is still wording."""
    constraints = field.get("constraints", {})
    return "pattern" in constraints or ("enum" in constraints and all(ID.fullmatch(value) for value in constraints["enum"]))


def wording_columns(resource: dict) -> list[str]:
    """The columns of a table that hold wording."""
    return [
        field["name"]
        for field in resource["schema"]["fields"]
        if field["type"] == "string" and not is_role(field) and field["name"] not in NOT_WORDING
    ]


def proper_names() -> set[str]:
    """Every country, company and other proper name in the data."""
    return {name for _, table in tables() for column in PROPER_NAMES & set(table.columns) for name in table[column]}


def wording_values() -> dict[str, set[str]]:
    """Each value of a wording column, with the table.column it appears in (proper names left out)."""
    values: dict[str, set[str]] = {}
    for resource, table in tables():
        for column in wording_columns(resource):
            for value in table[column]:
                if value:
                    values.setdefault(value, set()).add(f"{resource['name']}.{column}")
    names = proper_names()
    return {value: columns for value, columns in values.items() if value not in names}


def reword_labels(data_dir: Path, also: dict[str, list[str]] | None = None) -> int:
    """Prefix every value of every wording column in ``data_dir``; return how many cells changed.

    ``also`` names more columns to reword, table by table (notes a chapter must not pick by, say).
    The ``enum`` constraints of reworded columns widen to the reworded values: the folder stays valid.
    """
    also = also or {}
    package_path = data_dir / data.PACKAGE_FILE
    package = json.loads(package_path.read_text(encoding="utf-8"))
    changed = 0
    for resource, table in tables(data_dir):
        columns = wording_columns(resource) + also.get(resource["name"], [])
        for column in columns:
            filled = table[column] != ""
            table.loc[filled, column] = REWORDED + table.loc[filled, column]
            changed += int(filled.sum())
        table.to_csv(data_dir / resource["path"], index=False, encoding="utf-8")
        for field in next(r for r in package["resources"] if r["name"] == resource["name"])["schema"]["fields"]:
            enum = field.get("constraints", {}).get("enum")
            if enum and field["name"] in columns:
                enum += [REWORDED + value for value in enum]
    package_path.write_text(json.dumps(package, indent=2), encoding="utf-8")
    return changed
