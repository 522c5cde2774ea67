"""The data catalogue's tables, read from the data folder itself: one row per table, the sources each
table cites, the sources by tier and the rows resting on secondary sources only.

What a reader sees of the data's own words (a table's title, its licence, a tier, a producer) comes through ``tr``
where a table shows it; the catalogue frame itself keeps the data package's English (its CSV and the tests read it).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from tradetalks import data, i18n, text
from tradetalks.i18n import tr


def _words(value: object) -> object:
    """A word from the data in the current language (an empty or missing value stays as it is)."""
    return tr(value) if isinstance(value, str) and value else value


def _years_covered(table: pd.DataFrame) -> str:
    years = []
    for column in [c for c in table.columns if c in {"year", "period", "date", "start_date", "announcement_date"}]:
        years += [int(y) for cell in table[column].dropna().astype(str) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", cell)]
    return text.year_span(years) if years else ""


def data_catalogue(data_dir: str | Path | None = None) -> pd.DataFrame:
    """One row per table: name, title, description, rows, years, columns with units, licence."""
    rows = []
    for name in data.table_names(data_dir):
        descriptor = data.table_schema(name, data_dir)
        table = data.load_table(name, data_dir)
        columns = "; ".join(f"{f['name']}" + (f" ({f['unit']})" if f.get("unit") else "") for f in descriptor["schema"]["fields"])
        licences = ", ".join(lic.get("title", lic.get("name", "")) for lic in descriptor.get("licenses", []))
        rows.append(
            {
                "table": name,
                "file": descriptor["path"],
                "title": descriptor.get("title", ""),
                "description": descriptor.get("description", ""),
                "rows": len(table),
                "years": _years_covered(table),
                "columns (units)": columns,
                "licence": licences,
            }
        )
    return data.read_from(pd.DataFrame(rows), data.PACKAGE_FILE, data_dir=data_dir)


def at_a_glance(catalogue: pd.DataFrame) -> pd.DataFrame:
    """The catalogue as a reader's table: each table by its title beside its file, rows, years and licence."""
    shown = pd.DataFrame(
        {
            "table_title": catalogue["title"].map(_words).where(catalogue["title"] != "", catalogue["table"]),
            "table_file": catalogue["file"],
            "table_rows": catalogue["rows"],
            "years_covered": catalogue["years"].replace("", pd.NA),
            "table_licence": catalogue["licence"].map(_words).replace("", pd.NA),
        }
    )
    return data.read_from(shown, *data.tables_of(catalogue), data_dir=data.data_dir_of(catalogue))


def fields_by_table(data_dir: str | Path | None = None) -> dict[str, list[dict]]:
    """Each table's fields as the schema declares them (name, title, unit), for the catalogue's column lists."""
    return {
        name: [
            {"name": field["name"], "title": field.get("title") or field["name"], "unit": field.get("unit", "")}
            for field in data.table_schema(name, data_dir)["schema"]["fields"]
        ]
        for name in data.table_names(data_dir)
    }


def sources_per_table(data_dir: str | Path | None = None) -> dict[str, int]:
    """How many distinct sources each table cites."""
    counts = {}
    for name in data.table_names(data_dir):
        table = data.load_table(name, data_dir)
        if data.SOURCE_KEY_COLUMN in table.columns and name != data.SOURCES_TABLE:
            counts[name] = len({k for cell in table[data.SOURCE_KEY_COLUMN].dropna() for k in data.split_source_keys(cell)})
    return counts


def _cited_keys(cell: object) -> list[str]:
    return data.split_source_keys(cell) if isinstance(cell, str) else []


def sources_by_tier(data_dir: str | Path | None = None) -> pd.DataFrame:
    """How many sources of each tier the register holds, and how many of them the tables cite."""
    base = data.resolve_data_dir(data_dir)
    sources = data.load_table(data.SOURCES_TABLE, base)
    cited: set[str] = set()
    for name in data.table_names(base):
        table = data.load_table(name, base)
        if name != data.SOURCES_TABLE and data.SOURCE_KEY_COLUMN in table.columns:
            cited |= {key for cell in table[data.SOURCE_KEY_COLUMN] for key in _cited_keys(cell)}
    rows = []
    for tier in data.TIERS:
        of_tier = sources[sources["tier"] == tier]
        rows.append(
            {
                "Tier of the page read": tr(tier),
                "Sources in the register": len(of_tier),
                "Cited by a table": int(of_tier[data.SOURCE_KEY_COLUMN].isin(cited).sum()),
                "Read on a copy": int(of_tier["retrieved_via"].notna().sum()),
            }
        )
    return data.read_from(pd.DataFrame(rows), data.SOURCES_TABLE, data_dir=data_dir)


MAX_PRODUCERS_LISTED = 4  # per table in the quality table; the references page lists every source


def secondary_only_rows(data_dir: str | Path | None = None) -> pd.DataFrame:
    """Per table: the rows whose every source is a secondary page, and whose own pages would replace them.

    "Would replace them" names the producers those rows' sources credit: a page of the producer's
    own (or an established newsroom's) is what an upgrade would cite.
    """
    base = data.resolve_data_dir(data_dir)
    sources = data.load_table(data.SOURCES_TABLE, base).set_index(data.SOURCE_KEY_COLUMN)
    rows = []
    for name in data.table_names(base):
        table = data.load_table(name, base)
        if name == data.SOURCES_TABLE or data.SOURCE_KEY_COLUMN not in table.columns:
            continue
        keys = table[data.SOURCE_KEY_COLUMN].map(_cited_keys)
        secondary = keys.map(lambda ks: bool(ks) and all(sources.loc[k, "tier"] == data.TIERS[-1] for k in ks))
        if not secondary.any():
            continue
        producers = list(dict.fromkeys(sources.loc[k, "producer"] for ks in keys[secondary] for k in ks))
        named = ("、" if i18n.current() == "ja" else "; ").join(_words(producer) for producer in producers[:MAX_PRODUCERS_LISTED])
        if len(producers) > MAX_PRODUCERS_LISTED:
            named = tr("{producers} and {n} more").format(producers=named, n=len(producers) - MAX_PRODUCERS_LISTED)
        rows.append(
            {
                "Table": _words(data.table_schema(name, base).get("title")) or name,
                "Rows": len(table),
                "Rows on secondary sources only": int(secondary.sum()),
                "Producers whose own pages would replace them": named,
            }
        )
    columns = ["Table", "Rows", "Rows on secondary sources only", "Producers whose own pages would replace them"]
    table = pd.DataFrame(rows, columns=columns)
    ranked = table.sort_values("Rows on secondary sources only", ascending=False, kind="stable").reset_index(drop=True)
    return data.read_from(ranked, data.SOURCES_TABLE, "every table's source_key", data_dir=data_dir)
