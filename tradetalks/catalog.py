"""Descriptions generated from the project itself: chapter parameters, the data catalogue, the manifest.

Pages that document the project read these, so nothing is typed twice.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pandas as pd
import yaml

from tradetalks import data, params, project

ROOT = project.ROOT
GRID_FILE = ROOT / "notebooks" / "grid.yml"
PARAMETERS_FILES = "tradetalks/chapters/*/parameters.py"  # where the chapters declare their parameters


def _grid_runs() -> list[dict]:
    data.trace_project_file(GRID_FILE)
    grid = yaml.safe_load(GRID_FILE.read_text(encoding="utf-8"))
    return [entry for part in grid["parts"] for entry in part["pages"] if "notebook" in entry]


def declared_parameters(notebook: Path) -> list[dict]:
    """Name, default and meaning of each parameter: the chapter's declaration, else its template's ``parameters`` cell."""
    declared = params.declared(notebook.stem)
    if declared is not None:
        # imported by name at run time, so no import scan sees it: traced, a change to it re-runs the page
        data.trace_project_file(ROOT / "tradetalks" / "chapters" / notebook.stem / "parameters.py")
        return [{"parameter": p.name, "default": params.python_literal(p.default), "meaning": p.help} for p in declared]
    data.trace_project_file(notebook)
    import nbformat  # slow to import; only the teaching and rerun pages need it

    cells = nbformat.read(notebook, as_version=4).cells
    source = next(cell.source for cell in cells if "parameters" in cell.metadata.get("tags", []))
    found = []
    for line in source.splitlines():
        match = re.match(r"^(\w+)\s*=\s*(.+?)\s*(?:#\s*(.*))?$", line)
        if match:
            name, default, comment = match.groups()
            found.append({"parameter": name, "default": default, "meaning": comment or ""})
    return found


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


def _years_covered(table: pd.DataFrame) -> str:
    years = []
    for column in [c for c in table.columns if c in {"year", "period", "date", "start_date", "announcement_date"}]:
        years += [int(y) for cell in table[column].dropna().astype(str) for y in re.findall(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)", cell)]
    return f"{min(years)}–{max(years)}" if years else ""


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


def _newest_date(values: pd.Series) -> str | None:
    dates = [m.group(0) for value in values.dropna() if (m := re.match(r"\d{4}(-\d{2}(-\d{2})?)?", str(value)))]
    return max(dates) if dates else None


def as_of_for_files(files: list[str], data_dir: str | Path | None = None) -> str | None:
    """The newest dated source cited by the tables stored in ``files`` (paths relative to the data folder)."""
    base = data.resolve_data_dir(data_dir)
    by_path = {data.table_schema(name, base)["path"]: name for name in data.table_names(base)}
    keys: list[str] = []
    for file in files:
        name = by_path.get(file)
        if name and name != data.SOURCES_TABLE:
            table = data.load_table(name, base)
            if data.SOURCE_KEY_COLUMN in table.columns:
                keys += [k for cell in table[data.SOURCE_KEY_COLUMN].dropna() for k in data.split_source_keys(cell)]
    if not keys:
        return None
    return _newest_date(data.sources_for(keys, base)["as_of"])


def manifest(data_dir: str | Path | None = None) -> list[dict]:
    """Machine-readable manifest: file, sha256, rows and as-of (newest dated source it cites)."""
    base = data.resolve_data_dir(data_dir)
    sources = data.load_table(data.SOURCES_TABLE, base)
    entries = []
    for name in data.table_names(base):
        descriptor = data.table_schema(name, base)
        table = data.load_table(name, base)
        if data.SOURCE_KEY_COLUMN in table.columns and name != data.SOURCES_TABLE:
            cited = sources[sources[data.SOURCE_KEY_COLUMN].isin(data.sources_for(table, base)[data.SOURCE_KEY_COLUMN])]
        else:
            cited = sources
        dates = [m.group(0) for value in cited["as_of"].dropna() if (m := re.match(r"\d{4}(-\d{2}(-\d{2})?)?", str(value)))]
        entries.append(
            {
                "table": name,
                "file": descriptor["path"],
                "sha256": hashlib.sha256((base / descriptor["path"]).read_bytes()).hexdigest(),
                "rows": len(table),
                "as_of": max(dates) if dates else None,
            }
        )
    return entries


def example_update_files() -> list[Path]:
    """The worked example's CSV files (examples/update-2025), traced for incremental builds."""
    files = sorted((ROOT / "examples" / "update-2025").glob("*.csv"))
    for path in files:
        data.trace_project_file(path)
    return files


def manifest_json(data_dir: str | Path | None = None) -> str:
    return json.dumps({"tables": manifest(data_dir)}, indent=2) + "\n"


def _bib_escape(text: str) -> str:
    import codecs

    import latexcodec  # noqa: F401  (registers the "ulatex" codec)

    encoded = codecs.encode(str(text), "ulatex+utf8")
    return encoded.replace("{", "\\{").replace("}", "\\}").replace("$", "\\$")


def bibtex(data_dir: str | Path | None = None) -> str:
    """Every row of sources.csv as a BibTeX @misc entry (key = source_key), for the references page."""
    sources = data.load_table(data.SOURCES_TABLE, data_dir)
    entries = []
    for _, row in sources.iterrows():
        year = re.search(r"(1[89]\d\d|20\d\d)", str(row.get("as_of", "")))
        producer, publisher, copy = row.get("producer"), row.get("publisher"), row.get("retrieved_via")
        copy = copy if isinstance(copy, str) and copy.strip() else None
        note = [
            f"As of {row['as_of']}" if pd.notna(row.get("as_of")) else None,
            f"Source tier: {row['tier']}" if pd.notna(row.get("tier")) else None,
        ]
        fields = {
            # the producer as a corporate author (double braces: BibTeX must not split it into names)
            "author": "{" + _bib_escape(producer) + "}" if pd.notna(producer) else None,
            "title": row.get("title"),
            "howpublished": f"Retrieved via {copy}" if copy else (None if pd.notna(producer) else publisher),
            "url": row.get("url") if str(row.get("url", "")).startswith("http") else None,
            "year": year.group(1) if year else None,
            "note": ". ".join(part for part in note if part) or None,
        }
        body = ",\n".join(
            # titles in double braces keep their capitals; URLs stay verbatim
            f"  {name} = {{{'{' + _bib_escape(value) + '}' if name == 'title' else value if name in ('url', 'author') else _bib_escape(value)}}}"
            for name, value in fields.items()
            if value is not None and pd.notna(value)
        )
        entries.append(f"@misc{{{row['source_key']},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"


def catalogue_html(catalogue: pd.DataFrame, sources_per_table: dict[str, int], download_prefix: str = "../data/") -> str:
    """One entry per table: title, description, rows, years, columns with units, licence, sources, download."""
    import html

    items = []
    for _, row in catalogue.iterrows():
        columns = "".join(f"<li><code>{html.escape(c.strip())}</code></li>" for c in row["columns (units)"].split(";"))
        cited = sources_per_table.get(row["table"], 0)
        items.append(
            f'<section class="tt-dataset" id="table-{html.escape(row["table"])}">'
            f"<h3>{html.escape(row['title'] or row['table'])} <code>{html.escape(row['table'])}</code></h3>"
            f"<p>{html.escape(row['description'])}</p>"
            f'<p class="tt-dataset-facts"><strong>Rows:</strong> {row["rows"]:,} · <strong>Years:</strong> {html.escape(row["years"] or "n/a")} · '
            f"<strong>Sources cited:</strong> {cited:,} · <strong>Licence:</strong> {html.escape(row['licence'] or 'see sources')} · "
            f'<a href="{html.escape(download_prefix + row["file"])}" download>Download {html.escape(row["file"])}</a></p>'
            f"<details><summary>Columns and units</summary><ul>{columns}</ul></details></section>"
        )
    return '<div class="tt-catalogue">' + "".join(items) + "</div>"


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
                "Tier of the page read": tier,
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
        named = "; ".join(producers[:MAX_PRODUCERS_LISTED]) + (
            f" and {len(producers) - MAX_PRODUCERS_LISTED} more" if len(producers) > MAX_PRODUCERS_LISTED else ""
        )
        rows.append(
            {
                "Table": data.table_schema(name, base).get("title") or name,
                "Rows": len(table),
                "Rows on secondary sources only": int(secondary.sum()),
                "Producers whose own pages would replace them": named,
            }
        )
    columns = ["Table", "Rows", "Rows on secondary sources only", "Producers whose own pages would replace them"]
    table = pd.DataFrame(rows, columns=columns)
    ranked = table.sort_values("Rows on secondary sources only", ascending=False, kind="stable").reset_index(drop=True)
    return data.read_from(ranked, data.SOURCES_TABLE, "every table's source_key", data_dir=data_dir)
