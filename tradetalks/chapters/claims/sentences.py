"""Page 'The claims, checked': one card per claim (the verdict colours come from the site's CSS roles)."""

from __future__ import annotations

import pandas as pd
from docutils.nodes import make_id


def cards_html(table: pd.DataFrame) -> str:
    """One card per claim: verdict, the claim, the figures, why, and a link to the evidence."""
    import html as _html

    cards = []
    for _, row in table.iterrows():
        slug = make_id(row["verdict"])
        link = (
            f'<a class="tt-claim-link" href="{_html.escape(row["evidence"])}">See the evidence: {_html.escape(row["section"])}</a>'
            if row["evidence"]
            else ""
        )
        cards.append(
            f'<article class="tt-claim tt-verdict-{slug}">'
            f'<p class="tt-claim-head"><span class="tt-badge tt-badge-{slug}">{_html.escape(row["verdict"])}</span> '
            f'<span class="tt-claim-from">{_html.escape(row["from"])}</span></p>'
            f'<p class="tt-claim-text">{_html.escape(row["claim"])}</p>'
            f'<p class="tt-claim-figures"><strong>The figures:</strong> {_html.escape(row["the figures that decide it"])}</p>'
            f'<p class="tt-claim-why"><strong>Why:</strong> {_html.escape(row["why"])}</p>'
            f"{link}</article>"
        )
    return '<div class="tt-claims">' + "".join(cards) + "</div>"
