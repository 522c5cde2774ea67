"""Page 'The claims, checked': its "In brief", three findings computed from the checked claims.

The same functions as the page (``tables.checked_claims``, ``charts.verdict_counts``, the evidence
functions), so the brief, the chart and the cards cannot disagree.
"""

from __future__ import annotations

import pandas as pd

from tradetalks import data, findings, text
from tradetalks.i18n import N_, tr

from . import charts, evidence, sentences, tables

VERDICTS_SECTION = "claims-verdicts"  # the MyST labels of the notebook's sections
EVERY_CLAIM_SECTION = "claims-every-claim"
# The claim the third finding features (claims.csv claim_id): the news report's framing of the talks.
FEATURED_CLAIM = "news-deficit"
# The third finding, by how the deficit moved (evidence.deficit_moved): a whole sentence each.
FEATURED = {
    "widened": N_(
        "The {text}'s claim that “{claim}” is {verdict}: the U.S. goods deficit with Japan widened from {before} in "
        "{before_year} to {latest} in {latest_year}."
    ),
    "narrowed": N_(
        "The {text}'s claim that “{claim}” is {verdict}: the U.S. goods deficit with Japan narrowed from {before} in "
        "{before_year} to {latest} in {latest_year}."
    ),
    "stayed the same": N_(
        "The {text}'s claim that “{claim}” is {verdict}: the U.S. goods deficit with Japan stayed the same from {before} in "
        "{before_year} to {latest} in {latest_year}."
    ),
}


def overall(counts: pd.DataFrame) -> str:
    """'Of the 17 claims in the news report and the opinion essay, 9 are supported, 3 are partly supported, …'."""
    totals = counts.groupby("verdict")["claims"].sum()
    parts = [sentences.verdict_count(verdict, count) for verdict in charts.VERDICT_ORDER if (count := int(totals.get(verdict, 0))) > 0]
    texts = text.listed([tr("the {text}").format(text=tr(made_in)) for made_in in dict.fromkeys(counts["from"])])
    return tr("Of the {total} claims in {texts}, {verdicts}.").format(
        total=int(counts["claims"].sum()), texts=texts, verdicts=text.listed(parts)
    )


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
        return tr("{supported} of the {text}'s {total} claims are supported by the data.").format(
            supported=s_best, text=tr(best), total=n_best
        )
    (other, s_other, n_other) = others[0]
    figures = {
        "text": tr(best),
        "supported": s_best,
        "total": n_best,
        "other": tr(other),
        "other_supported": s_other,
        "other_total": n_other,
    }
    if s_best / n_best == s_other / n_other:
        return tr(
            "The two texts fare alike: {supported} of the {text}'s {total} claims are supported, and {other_supported} of the "
            "{other}'s {other_total}."
        ).format(**figures)
    return tr(
        "The {text} fares better than the {other}: {supported} of its {total} claims are supported, against {other_supported} "
        "of the {other}'s {other_total}."
    ).format(**figures)


def featured(checked: pd.DataFrame, claims: pd.DataFrame, data_dir: str | None) -> str:
    """The featured claim, its verdict (``checked``: ``tables.checked_claims``, one row per claim in the claims
    table's order) and the figures that decide it."""
    claim = data.row_by_id(claims, "claim_id", FEATURED_CLAIM)
    verdict = checked.loc[claims.index[claims["claim_id"] == FEATURED_CLAIM][0], "verdict"]
    before, latest, _ = evidence.deficit_change(data_dir)
    paraphrase = tr(str(claim["claim"])).rstrip(".。")
    return tr(FEATURED[evidence.deficit_moved(before, latest)]).format(
        text=tr(claim["text"]),
        claim=f"{paraphrase[:1].lower()}{paraphrase[1:]}",
        verdict=charts.verdict_label(verdict),
        before=text.usd_bn_from_millions(-before["balance_musd"]),
        before_year=int(before["year"]),
        latest=text.usd_bn_from_millions(-latest["balance_musd"]),
        latest_year=int(latest["year"]),
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
