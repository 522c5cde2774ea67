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


def verdict_counts(table: pd.DataFrame) -> pd.DataFrame:
    """How many claims of each text got each verdict."""
    counts = table.groupby(["from", "verdict"]).size().rename("claims").reset_index()
    counts["order"] = counts["verdict"].map(VERDICT_ORDER.index)
    return counts.sort_values(["from", "order"]).drop(columns="order").reset_index(drop=True)


def verdict_chart(counts: pd.DataFrame):
    import altair as alt

    present = [v for v in VERDICT_ORDER if v in set(counts["verdict"])]
    return (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("from:N", title=None),
            x=alt.X("claims:Q", title="Claims", axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color(
                "verdict:N",
                title="Verdict",
                sort=present,
                scale=alt.Scale(domain=present, range=style.colours(VERDICT_ROLES[v] for v in present)),
            ),
            order=alt.Order("verdict_rank:Q"),
            tooltip=["from:N", "verdict:N", "claims:Q"],
        )
        .transform_calculate(verdict_rank=" + ".join(f"(datum.verdict == '{v}' ? {i} : 0)" for i, v in enumerate(present)))
        .properties(height=110)
    )
