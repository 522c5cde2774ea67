"""Page 'The claims, checked': the verdicts chart, coloured by the verdict roles the page's cards share."""

from __future__ import annotations

import pandas as pd

from tradetalks import style
from tradetalks.i18n import N_, tr

VERDICT_ORDER = ["supported", "partly supported", "not supported", "opinion (not checkable)", "pending"]
# A verdict as readers see it (the claims table's verdict is a code the page's logic and colours read: kept in English).
VERDICT_LABELS = {
    "supported": N_("supported"),
    "partly supported": N_("partly supported"),
    "not supported": N_("not supported"),
    "opinion (not checkable)": N_("opinion (not checkable)"),
    "pending": N_("pending"),
}
# The verdicts' colour roles (tradetalks.style), shared with the page's cards and badges (CSS variables).
VERDICT_ROLES = {
    "supported": "supported",
    "partly supported": "partly_supported",
    "not supported": "not_supported",
    "opinion (not checkable)": "opinion",
    "pending": "pending",
}
BAR_STEP = 44  # px per text: a bar per text, sized to the count of bars rather than a fixed frame
LEGEND_COLUMNS = 2


def verdict_label(verdict: str) -> str:
    """A verdict (the claims table's code) in the reader's language: 'supported' (Japanese: 裏付けあり)."""
    return tr(VERDICT_LABELS[verdict])


def in_words(counts: pd.DataFrame) -> pd.DataFrame:
    """``verdict_counts`` as readers see it: each text and verdict in the reader's language (the chart's table)."""
    return counts.assign(**{"from": counts["from"].map(tr), "verdict": counts["verdict"].map(verdict_label)})


def verdict_counts(table: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each text got each verdict."""
    counts = table.groupby(["from", "verdict"]).size().rename("claims").reset_index()
    counts["order"] = counts["verdict"].map(VERDICT_ORDER.index)
    return counts.sort_values(["from", "order"]).drop(columns="order").reset_index(drop=True)


def verdict_chart(counts: pd.DataFrame):
    """One stacked bar per text, a segment per verdict, each segment labelled with its count."""
    import altair as alt

    present = [v for v in VERDICT_ORDER if v in set(counts["verdict"])]
    labels = [verdict_label(v) for v in present]  # the chart draws the verdicts and texts in the reader's language
    rank = " + ".join(f"(datum.verdict == '{label}' ? {i} : 0)" for i, label in enumerate(labels))
    base = (
        alt.Chart(in_words(counts))
        .transform_calculate(verdict_rank=rank)
        .transform_stack(stack="claims", groupby=["from"], sort=[alt.SortField("verdict_rank")], as_=["start", "end"])
        .transform_calculate(middle="(datum.start + datum.end) / 2")
        .encode(y=alt.Y("from:N", title=None, axis=alt.Axis(labelLimit=160)))
    )
    bars = base.mark_bar().encode(
        x=alt.X("start:Q", title=tr("Claims"), axis=alt.Axis(tickMinStep=1, format="d")),
        x2="end:Q",
        color=alt.Color(
            "verdict:N",
            title=tr("Verdict"),
            sort=labels,
            legend=alt.Legend(columns=LEGEND_COLUMNS),  # wraps on a phone instead of running off the edge
            scale=alt.Scale(domain=labels, range=style.colours(VERDICT_ROLES[v] for v in present)),
        ),
        tooltip=[
            alt.Tooltip("from:N", title=tr("Made in")),
            alt.Tooltip("verdict:N", title=tr("Verdict")),
            alt.Tooltip("claims:Q", title=tr("Claims")),
        ],
    )
    labels = base.mark_text(fontSize=style.TYPE_SIZES["label"] + 1, fontWeight="bold", color=style.colour("title")).encode(
        x="middle:Q", text=alt.Text("claims:Q", format="d")
    )
    return alt.layer(bars, labels).properties(height=alt.Step(BAR_STEP))
