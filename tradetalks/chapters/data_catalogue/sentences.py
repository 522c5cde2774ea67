"""The data catalogue in words: one HTML entry per table, with its facts and a download link.

A table's and a field's title and description are the data package's words, translated in a translated edition
(``tr``, catalog ``code/data.po``), as are its licence and units; the labels around them are this page's messages.
"""

from __future__ import annotations

import html

import pandas as pd

from tradetalks import i18n
from tradetalks.i18n import N_, tr

NOT_DATED = "—"  # a table with no year column
NO_LICENCE = N_("see sources")  # a table whose descriptor names no licence


def _words(value: str) -> str:
    """Words from the data package in the current language (an empty value stays empty)."""
    return tr(value) if value else value


def field_item(field: dict) -> str:
    """A column as the catalogue lists it: its title in words with its unit (unless the title names it), then its name in the file."""
    titled = field["title"].rstrip().endswith(")")
    unit = tr("({unit})").format(unit=html.escape(tr(field["unit"]))) if field.get("unit") and not titled else ""
    spaced = unit and ("" if i18n.current() == "ja" else " ") + unit
    return f"<li>{html.escape(_words(field['title']))}{spaced} <code>{html.escape(field['name'])}</code></li>"


def catalogue_html(
    catalogue: pd.DataFrame, sources_per_table: dict[str, int], fields: dict[str, list[dict]], download_prefix: str = "../data/"
) -> str:
    """One entry per table: title and file, description, rows, years, columns in words with units, licence, sources, download."""
    items = []
    columns_summary = html.escape(tr("Columns, with their names in the file"))
    for _, row in catalogue.iterrows():
        columns = "".join(field_item(field) for field in fields.get(row["table"], []))
        cited = sources_per_table.get(row["table"], 0)
        download = html.escape(tr("Download {file}").format(file=row["file"]))
        link = f'<a href="{html.escape(download_prefix + row["file"])}" download>{download}</a>'
        facts = tr(
            "<strong>Rows:</strong> {rows} · <strong>Years:</strong> {years} · <strong>Sources cited:</strong> {cited} · "
            "<strong>Licence:</strong> {licence} · {download}"
        ).format(
            rows=f"{row['rows']:,}",
            years=html.escape(row["years"] or NOT_DATED),
            cited=f"{cited:,}",
            licence=html.escape(_words(row["licence"]) or tr(NO_LICENCE)),
            download=link,
        )
        items.append(
            f'<section class="tt-dataset" id="table-{html.escape(row["table"])}">'
            f"<h3>{html.escape(_words(row['title']) or row['table'])} <code>{html.escape(row['file'])}</code></h3>"
            f"<p>{html.escape(_words(row['description']))}</p>"
            f'<p class="tt-dataset-facts">{facts}</p>'
            f"<details><summary>{columns_summary}</summary><ul>{columns}</ul></details></section>"
        )
    return '<div class="tt-catalogue">' + "".join(items) + "</div>"
