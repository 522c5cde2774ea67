"""The data catalogue in words: one HTML entry per table, with its facts and a download link."""

from __future__ import annotations

import pandas as pd


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
