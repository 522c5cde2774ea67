"""Page 'The claims, checked': the verdicts chart, coloured by the verdict roles the page's cards share."""

from __future__ import annotations

import pandas as pd

from tradetalks import style

VERDICT_ORDER = ["supported", "partly supported", "not supported", "opinion (not checkable)", "pending"]
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


def verdict_counts(table: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each text got each verdict."""
    counts = table.groupby(["from", "verdict"]).size().rename("claims").reset_index()
    counts["order"] = counts["verdict"].map(VERDICT_ORDER.index)
    return counts.sort_values(["from", "order"]).drop(columns="order").reset_index(drop=True)


def verdict_chart(counts: pd.DataFrame):
    """One stacked bar per text, a segment per verdict, each segment labelled with its count."""
    import altair as alt

    present = [v for v in VERDICT_ORDER if v in set(counts["verdict"])]
    rank = " + ".join(f"(datum.verdict == '{v}' ? {i} : 0)" for i, v in enumerate(present))
    base = (
        alt.Chart(counts)
        .transform_calculate(verdict_rank=rank)
        .transform_stack(stack="claims", groupby=["from"], sort=[alt.SortField("verdict_rank")], as_=["start", "end"])
        .transform_calculate(middle="(datum.start + datum.end) / 2")
        .encode(y=alt.Y("from:N", title=None, axis=alt.Axis(labelLimit=160)))
    )
    bars = base.mark_bar().encode(
        x=alt.X("start:Q", title="Claims", axis=alt.Axis(tickMinStep=1, format="d")),
        x2="end:Q",
        color=alt.Color(
            "verdict:N",
            title="Verdict",
            sort=present,
            legend=alt.Legend(columns=LEGEND_COLUMNS),  # wraps on a phone instead of running off the edge
            scale=alt.Scale(domain=present, range=style.colours(VERDICT_ROLES[v] for v in present)),
        ),
        tooltip=[
            alt.Tooltip("from:N", title="Made in"),
            alt.Tooltip("verdict:N", title="Verdict"),
            alt.Tooltip("claims:Q", title="Claims"),
        ],
    )
    labels = base.mark_text(fontSize=style.TYPE_SIZES["label"] + 1, fontWeight="bold", color=style.colour("title")).encode(
        x="middle:Q", text=alt.Text("claims:Q", format="d")
    )
    return alt.layer(bars, labels).properties(height=alt.Step(BAR_STEP))
