"""Page 'The claims, checked': its "In brief", three findings computed from the checked claims.

The same functions as the page (``tables.checked_claims``, ``charts.verdict_counts``, the evidence
functions), so the brief, the chart and the cards cannot disagree.
"""

from __future__ import annotations

import pandas as pd

from tradetalks import data, findings, text

from . import charts, evidence, sentences, tables

VERDICTS_SECTION = "claims-verdicts"  # the MyST labels of the notebook's sections
EVERY_CLAIM_SECTION = "claims-every-claim"
# The claim the third finding features (claims.csv claim_id): the news report's framing of the talks.
FEATURED_CLAIM = "news-deficit"


def overall(counts: pd.DataFrame) -> str:
    """'Of the 17 claims in the news report and the opinion essay, 9 are supported, 3 are partly supported, …'."""
    totals = counts.groupby("verdict")["claims"].sum()
    parts = [
        f"{count} {sentences.VERDICT_WORDS[verdict][count != 1]}"
        for verdict in charts.VERDICT_ORDER
        if (count := int(totals.get(verdict, 0))) > 0
    ]
    texts = text.listed([f"the {made_in}" for made_in in dict.fromkeys(counts["from"])])
    return f"Of the {int(counts['claims'].sum())} claims in {texts}, {text.listed(parts)}."


def by_text(counts: pd.DataFrame) -> str:
    """Which text the data bear out better: 'The news report fares better: 6 of its 7 claims are supported, against 3 of the opinion essay's 10.'."""
    rows = []
    for made_in in dict.fromkeys(counts["from"]):
        of_text = counts[counts["from"] == made_in]
        supported = int(of_text.loc[of_text["verdict"] == sentences.SUPPORTED, "claims"].sum())
        rows.append((made_in, supported, int(of_text["claims"].sum())))
    rows.sort(key=lambda row: row[1] / row[2], reverse=True)
    (best, s_best, n_best), *others = rows
    if not others:
        return f"{s_best} of the {best}'s {n_best} claims are supported by the data."
    (other, s_other, n_other) = others[0]
    if s_best / n_best == s_other / n_other:
        return (
            f"The two texts fare alike: {s_best} of the {best}'s {n_best} claims are supported, and {s_other} of the {other}'s {n_other}."
        )
    return (
        f"The {best} fares better than the {other}: {s_best} of its {n_best} claims are supported, "
        f"against {s_other} of the {other}'s {n_other}."
    )


def featured(checked: pd.DataFrame, claims: pd.DataFrame, data_dir: str | None) -> str:
    """The featured claim, its verdict (``checked``: ``tables.checked_claims``, one row per claim in the claims
    table's order) and the figures that decide it."""
    claim = data.row_by_id(claims, "claim_id", FEATURED_CLAIM)
    verdict = checked.loc[claims.index[claims["claim_id"] == FEATURED_CLAIM][0], "verdict"]
    before, latest, _ = evidence.deficit_change(data_dir)
    paraphrase = str(claim["claim"]).rstrip(".")
    return (
        f"The {claim['text']}'s claim that “{paraphrase[:1].lower()}{paraphrase[1:]}” is {verdict}: the U.S. goods deficit with Japan "
        f"{evidence.deficit_moved(before, latest)} from {text.usd_bn_from_millions(-before['balance_musd'])} in {int(before['year'])} "
        f"to {text.usd_bn_from_millions(-latest['balance_musd'])} in {int(latest['year'])}."
    )


def in_brief(data_dir: str | None = None) -> list[findings.Finding]:
    """Three findings: the verdicts overall (the page's key finding), the two texts compared, the featured claim."""
    checked, _ = tables.checked_claims(tables.published_pages(), data_dir)
    counts = charts.verdict_counts(checked)
    claims = data.load_table(tables.CLAIMS_TABLE, data_dir)
    return [
        findings.Finding(overall(counts), VERDICTS_SECTION),
        findings.Finding(by_text(counts), VERDICTS_SECTION),
        findings.Finding(featured(checked, claims, data_dir), EVERY_CLAIM_SECTION),
    ]
