"""The page's charts (Altair), coloured by ``tradetalks.style`` roles."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from tradetalks import style

CONSISTENT_SERIES, OTHER_FIGURE = "Census, consistent series", "other vintage or report"


def rate_step_chart(steps: pd.DataFrame) -> alt.LayerChart:
    """Step line of the car rate, with a point for every dated U.S. measure (tooltip: instrument).

    The points where the rate changed are the figures the text states; the other measures are context.
    """
    shown = steps.assign(date=steps["date"].dt.strftime("%Y-%m-%d"))[["date", "rate_pct", "measure", "legal_instrument", "changed"]]
    base = alt.Chart(shown).encode(x=alt.X("date:T", title="Date the measure took effect or was signed"))
    line = base.mark_line(interpolate="step-after", color=style.colour("neutral")).encode(
        y=alt.Y("rate_pct:Q", title="U.S. duty on a Japanese passenger car (%)")
    )
    points = base.mark_point(filled=True, size=70).encode(
        y="rate_pct:Q",
        shape=alt.Shape(
            "changed:N", title="Rate changed", legend=alt.Legend(labelExpr="datum.label == 'true' ? 'rate changed' : 'other measure'")
        ),
        color=alt.Color("changed:N", legend=None, scale=alt.Scale(domain=[True, False], range=style.colours(["emphasis", "context"]))),
        tooltip=[alt.Tooltip("date:T", title="Date"), alt.Tooltip("rate_pct:Q", title="Car rate (%)"), "measure:N", "legal_instrument:N"],
    )
    labels = (
        base.transform_filter("datum.changed")
        .mark_text(align="left", dx=6, dy=-10, fontSize=12, color=style.colour("annotation"))
        .encode(y="rate_pct:Q", text=alt.Text("rate_pct:Q", format=".1f"))
    )
    return alt.layer(line, points, labels)


def balance_chart(series: pd.DataFrame, others: pd.DataFrame) -> alt.LayerChart:
    """The balance in billion USD as a line (gaps stay gaps), other estimates as hollow points.

    The consistent series is the one the text reads; other vintages and reports are drawn for comparison.
    """
    line_data = series.assign(balance_usd_bn=series["balance_musd"] / 1000, kind=CONSISTENT_SERIES)[["year", "balance_usd_bn", "kind"]]
    point_data = others.assign(balance_usd_bn=others["balance_musd"] / 1000, kind=OTHER_FIGURE)[
        ["year", "balance_usd_bn", "kind", "status", "source_key"]
    ]
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d"))
    y = alt.Y("balance_usd_bn:Q", title="U.S. goods balance with Japan (billion USD)")
    color = alt.Color(
        "kind:N", title=None, scale=alt.Scale(domain=[CONSISTENT_SERIES, OTHER_FIGURE], range=style.colours(["emphasis", "context"]))
    )
    line = (
        alt.Chart(line_data)
        .mark_line(point=True)
        .encode(x=x, y=y, color=color, tooltip=["year:Q", alt.Tooltip("balance_usd_bn:Q", format=",.1f")])
    )
    points = (
        alt.Chart(point_data)
        .mark_point(size=60, filled=False, strokeWidth=2)
        .encode(x=x, y=y, color=color, tooltip=["year:Q", alt.Tooltip("balance_usd_bn:Q", format=",.1f"), "status:N", "source_key:N"])
    )
    return alt.layer(line, points)


def share_chart(shares: pd.DataFrame) -> alt.Chart:
    """Cars' share of U.S. imports from Japan, a bar per year."""
    return (
        alt.Chart(shares)
        .mark_bar(color=style.colour("neutral"))
        .encode(
            x=alt.X("year:O", title="Year"),
            y=alt.Y("cars_share_pct:Q", title="Cars' share of U.S. imports from Japan (%, derived)"),
            tooltip=[
                "year:O",
                alt.Tooltip("cars_share_pct:Q", format=".1f"),
                alt.Tooltip("car_imports_musd:Q", format=",.0f"),
                alt.Tooltip("all_imports_musd:Q", format=",.0f"),
            ],
        )
        .properties(height=240)
    )


def bill_chart(bill: pd.DataFrame) -> alt.Chart:
    """Duty owed at each rate, in billion USD."""
    shown = bill.assign(rate=bill["rate_pct"].map(lambda r: f"{r:g}%"), duty_usd_bn=bill["duty_owed"] / 1000)
    return (
        alt.Chart(shown)
        .mark_bar(color=style.colour("neutral"))
        .encode(
            x=alt.X("rate:N", sort=None, title="Tariff rate"),
            y=alt.Y("duty_usd_bn:Q", title="Duty owed per year (billion USD)"),
            tooltip=["rate:N", alt.Tooltip("duty_usd_bn:Q", format=",.2f", title="billion USD")],
        )
        .properties(height=240)
    )


def company_scale(companies: Iterable[str]) -> alt.Scale:
    """Each maker in its own colour, the same on every page: the role of style's companies family named like
    the maker (Toyota: ``toyota``); a maker with no role yet is drawn in ``context`` grey (the legend names it)."""
    domain = sorted(set(companies))
    roles = style.family("companies")
    return alt.Scale(domain=domain, range=[roles.get(company.lower(), style.colour("context")) for company in domain])


def automaker_chart(costs: pd.DataFrame) -> alt.Chart:
    """Each company's reported costs by announcement month: forecasts as circles, actual costs as squares."""
    shown = costs.assign(announced=costs["announcement_date"].str.slice(0, 7))
    return (
        alt.Chart(shown)
        .mark_point(size=90, strokeWidth=2)
        .encode(
            x=alt.X("announced:O", title="Announced (month)"),
            y=alt.Y("value_jpy_bn:Q", title="Tariff cost (billion yen)"),
            color=alt.Color("company:N", title="Company", scale=company_scale(costs["company"])),
            shape=alt.Shape("kind:N", title="Figure", scale=alt.Scale(domain=["forecast", "actual"], range=["circle", "square"])),
            tooltip=[
                "company:N",
                "announcement_date:N",
                "fiscal_period:N",
                "metric:N",
                alt.Tooltip("value_jpy_bn:Q", format=",.1f"),
                "scope:N",
            ],
        )
    )
