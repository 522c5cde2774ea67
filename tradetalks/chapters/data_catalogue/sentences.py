"""The data catalogue in words: one HTML entry per table, with its facts and a download link."""

from __future__ import annotations

import html

import pandas as pd

NOT_DATED = "—"  # a table with no year column


def field_item(field: dict) -> str:
    """A column as the catalogue lists it: its title in words with its unit (unless the title names it), then its name in the file."""
    titled = field["title"].rstrip().endswith(")")
    unit = f" ({html.escape(field['unit'])})" if field.get("unit") and not titled else ""
    return f"<li>{html.escape(field['title'])}{unit} <code>{html.escape(field['name'])}</code></li>"


def catalogue_html(
    catalogue: pd.DataFrame, sources_per_table: dict[str, int], fields: dict[str, list[dict]], download_prefix: str = "../data/"
) -> str:
    """One entry per table: title and file, description, rows, years, columns in words with units, licence, sources, download."""
    items = []
    for _, row in catalogue.iterrows():
        columns = "".join(field_item(field) for field in fields.get(row["table"], []))
        cited = sources_per_table.get(row["table"], 0)
        items.append(
            f'<section class="tt-dataset" id="table-{html.escape(row["table"])}">'
            f"<h3>{html.escape(row['title'] or row['table'])} <code>{html.escape(row['file'])}</code></h3>"
            f"<p>{html.escape(row['description'])}</p>"
            f'<p class="tt-dataset-facts"><strong>Rows:</strong> {row["rows"]:,} · <strong>Years:</strong> {html.escape(row["years"] or NOT_DATED)} · '
            f"<strong>Sources cited:</strong> {cited:,} · <strong>Licence:</strong> {html.escape(row['licence'] or 'see sources')} · "
            f'<a href="{html.escape(download_prefix + row["file"])}" download>Download {html.escape(row["file"])}</a></p>'
            f"<details><summary>Columns, with their names in the file</summary><ul>{columns}</ul></details></section>"
        )
    return '<div class="tt-catalogue">' + "".join(items) + "</div>"
