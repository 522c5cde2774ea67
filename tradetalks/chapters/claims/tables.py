"""Page 'The claims, checked': each claim with its verdict, its figures and a link to the evidence."""

from __future__ import annotations

import re

import pandas as pd
from docutils.nodes import make_id

from tradetalks import data, grid

from .evidence import EVIDENCE

CLAIMS_TABLE = "claims"
NO_EVIDENCE = "none"
SIDES = ("for_it", "against_it", "would_change")  # the claims table's columns a card may compute instead


def _words(cell: object) -> str:
    return "" if cell is None or pd.isna(cell) else str(cell)


def section_anchor(heading: str) -> str:
    """The id Sphinx gives a section with this heading."""
    return make_id(heading)


def published_pages() -> set[str]:
    """The pages the run grid publishes (traced: a change to the grid re-runs the page)."""
    return {run.page for run in grid.published_runs()}


def check_table(claims: pd.DataFrame) -> list[str]:
    """Claims whose evidence id is unknown (the schema checks everything else)."""
    return [
        f"{row['claim_id']}: unknown evidence {row['evidence']!r}"
        for _, row in claims.iterrows()
        if row["evidence"] not in EVIDENCE | {NO_EVIDENCE: None}
    ]


def checked_claims(published_pages: set[str], data_dir: object = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each claim with its figures and a link to the evidence; claims whose chapter is not published say 'pending'.

    Returns the table for the page and the rows behind the figures (for the source line).
    """
    claims = data.load_table(CLAIMS_TABLE, data_dir)
    problems = check_table(claims)
    if problems:
        raise ValueError("; ".join(problems))
    rows, used = [], []
    for _, claim in claims.iterrows():
        published = claim["chapter"] in published_pages
        words = {side: _words(claim.get(side)) for side in SIDES}
        if not published:
            figures, verdict = "Pending: the chapter that checks this claim is not published yet.", "pending"
        elif claim["evidence"] == NO_EVIDENCE:
            figures, verdict = "No figure can decide a motive or a forecast.", claim["verdict"]
        else:
            evidence = EVIDENCE[claim["evidence"]](data_dir)
            # a verdict the card's rule computes from its figures wins over the table's (which a test keeps in step)
            figures, verdict = evidence.text, evidence.verdict or claim["verdict"]
            words |= {side: computed for side in SIDES if (computed := getattr(evidence, side))}
            used += [frame for frame in evidence.rows if "source_key" in frame.columns]
        rows.append(
            {
                "claim": claim["claim"],
                "from": claim["text"],
                "verdict": verdict,
                "the figures that decide it": figures,
                "why": claim["reasoning"],
                "strongest for": words["for_it"] if published else "",
                "strongest against": words["against_it"] if published else "",
                "what would change the verdict": words["would_change"] if published else "",
                "evidence": f"{claim['chapter']}.html#{section_anchor(claim['section'])}" if published else "",
                "section": claim["section"],
            }
        )
    behind = pd.concat(used, ignore_index=True) if used else pd.DataFrame(columns=["source_key"])
    return pd.DataFrame(rows), data.derived_from(behind, claims)  # the source line: the figures' rows, from the claims table


def has_figure(text: str) -> bool:
    return bool(re.search(r"\d", text))
