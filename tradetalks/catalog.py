"""The published data files' manifest, the bibliography and as-of dates, generated from the data.

The build writes them beside the site (``manifest.json``, ``references.bib``) and dates each page's footer
from them; nothing is typed twice. The bibliography's own words (as of, tier, retrieved via) are written in the
current language (``tr``): a translated edition's references page is built from a ``bibtex`` called in it. The pages that describe the project have their own packages
(``tradetalks.chapters.data_catalogue``, ``rerun`` and ``teaching``).
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pandas as pd

from tradetalks import data
from tradetalks.i18n import N_, tr

# The sources' tiers (``data.TIERS``) as a reference's note names them.
TIER_WORDS = {"official": N_("official"), "industry": N_("industry"), "news": N_("news"), "secondary": N_("secondary")}


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
    return data.newest_as_of(data.sources_for(keys, base)["as_of"])


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


def manifest_json(data_dir: str | Path | None = None) -> str:
    return json.dumps({"tables": manifest(data_dir)}, indent=2) + "\n"


def _bib_escape(text: str) -> str:
    import codecs

    import latexcodec  # noqa: F401  (registers the "ulatex" codec)

    encoded = codecs.encode(str(text), "ulatex+utf8")
    return encoded.replace("{", "\\{").replace("}", "\\}").replace("$", "\\$")


def _tier_words(tier: object) -> str:
    return tr(TIER_WORDS[str(tier)]) if str(tier) in TIER_WORDS else str(tier)


def bibtex(data_dir: str | Path | None = None) -> str:
    """Every row of sources.csv as a BibTeX @misc entry (key = source_key), for the references page (its notes in the
    current language)."""
    from tradetalks import charts  # Altair is slow to import: only the build's staging needs the bibliography

    sources = data.load_table(data.SOURCES_TABLE, data_dir)
    entries = []
    for _, row in sources.iterrows():
        year = re.search(r"(1[89]\d\d|20\d\d)", str(row.get("as_of", "")))
        producer, publisher, copy = row.get("producer"), row.get("publisher"), row.get("retrieved_via")
        copy = copy if isinstance(copy, str) and copy.strip() else None
        note = [
            tr("As of {date}").format(date=charts.date_words(str(row["as_of"]))) if pd.notna(row.get("as_of")) else None,
            tr("Source tier: {tier}").format(tier=_tier_words(row["tier"])) if pd.notna(row.get("tier")) else None,
        ]
        fields = {
            # the producer as a corporate author (double braces: BibTeX must not split it into names)
            "author": "{" + _bib_escape(producer) + "}" if pd.notna(producer) else None,
            "title": row.get("title"),
            "howpublished": tr("Retrieved via {copy}").format(copy=copy) if copy else (None if pd.notna(producer) else publisher),
            "url": row.get("url") if str(row.get("url", "")).startswith("http") else None,
            "year": year.group(1) if year else None,
            "note": (charts.punctuation("stop") + charts.punctuation("gap")).join(part for part in note if part) or None,
        }
        body = ",\n".join(
            # titles in double braces keep their capitals; URLs stay verbatim
            f"  {name} = {{{'{' + _bib_escape(value) + '}' if name == 'title' else value if name in ('url', 'author') else _bib_escape(value)}}}"
            for name, value in fields.items()
            if value is not None and pd.notna(value)
        )
        entries.append(f"@misc{{{row['source_key']},\n{body}\n}}")
    return "\n\n".join(entries) + "\n"
