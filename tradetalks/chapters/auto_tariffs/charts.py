"""The page's charts (Altair), coloured by ``tradetalks.style`` roles, with their key points labelled directly."""

from __future__ import annotations

from collections.abc import Iterable

import altair as alt
import pandas as pd

from tradetalks import style
from tradetalks.i18n import N_, tr
from tradetalks.text import usd_bn

from .tables import translated

CONSISTENT_SERIES, OTHER_FIGURE = N_("Census, consistent series"), N_("other vintage or report")
FIGURE_KINDS = (N_("forecast"), N_("actual"))  # automaker_tariff_impact's figure_kind, drawn as circles and squares
LABEL_SIZE = style.TYPE_SIZES["axis"]  # direct labels read like the axis text (never under the lint's 10 px)
LINE_HEIGHT = LABEL_SIZE + 3  # px between the lines of a direct label
END_LABEL_PX = 64  # px kept free right of a line for the label of its last point
BAR_STEP = 44  # px per bar of a chart with a few bars: sized to their count, not stretched to a frame


def _iso(frame: pd.DataFrame) -> pd.DataFrame:
    """Dates as ISO text: Vega reads them the same on every machine."""
    return frame.assign(date=frame["date"].dt.strftime("%Y-%m-%d"))


def rate_step_chart(
    line: pd.DataFrame, measures: pd.DataFrame, labels: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]
) -> alt.LayerChart:
    """The car rate as a step line over the window where it moved, a point for every dated U.S. measure in it
    (tooltip: measure and instrument), and direct labels: the starting level, the peak, the deal rate.

    The earlier, long-flat history is the labelled starting level; the table under the chart lists it all.
    """
    start, end = (stamp.strftime("%Y-%m-%d") for stamp in window)
    x = alt.X("date:T", title=None, scale=alt.Scale(domain=[start, end]), axis=alt.Axis(format=tr("%b %Y"), tickCount=6, labelOverlap=True))
    peak = float(line["rate_pct"].max())
    y = alt.Y("rate_pct:Q", title=tr("Duty (%)"), scale=alt.Scale(domain=[0, peak * 1.05], nice=True), axis=alt.Axis(tickCount=5))
    drawn = alt.Chart(_iso(line)).mark_line(interpolate="step-after", color=style.colour("emphasis")).encode(x=x, y=y)
    shown = _iso(measures)[["date", "rate_pct", "measure", "legal_instrument", "changed"]]
    shown = shown.assign(measure=shown["measure"].map(translated), legal_instrument=shown["legal_instrument"].map(translated))
    points = (
        alt.Chart(shown)
        .mark_point(filled=True, size=60)
        .encode(
            x=x,
            y=y,
            color=alt.Color("changed:N", legend=None, scale=alt.Scale(domain=[True, False], range=style.colours(["emphasis", "context"]))),
            tooltip=[
                alt.Tooltip("date:T", title=tr("Date"), format=tr("%-d %B %Y")),
                alt.Tooltip("rate_pct:Q", title=tr("Duty on a Japanese car (%)"), format=".1f"),
                alt.Tooltip("measure:N", title=tr("Measure")),
                alt.Tooltip("legal_instrument:N", title=tr("Legal instrument")),
            ],
        )
    )
    layers = [drawn, points]
    for (align, baseline), group in labels.groupby(["align", "baseline"], sort=False):
        # Vega sets a label's first line on its baseline and the others below: a label above its point rises by its extra lines
        extra_lines = int(group["label"].str.count("\n").max())
        layers.append(
            alt.Chart(_iso(group))
            .mark_text(
                align=align,
                baseline=baseline,
                dx=6 if align == "left" else -6,
                dy=-6 - extra_lines * LINE_HEIGHT if baseline == "bottom" else 8,
                lineBreak="\n",
                lineHeight=LINE_HEIGHT,
                fontSize=LABEL_SIZE,
                color=style.colour("annotation"),
            )
            .encode(x=x, y=y, text="label:N")
        )
    return alt.layer(*layers)


def balance_chart(series: pd.DataFrame, others: pd.DataFrame, labels: pd.DataFrame) -> alt.LayerChart:
    """The balance in billion USD as a line (gaps stay gaps), other estimates as hollow points (tooltip: who
    produced each), the deepest year labelled under its point and the latest at the line's end.

    The consistent series is the one the text reads; other vintages and reports are drawn for comparison.
    """
    consistent, other = tr(CONSISTENT_SERIES), tr(OTHER_FIGURE)
    line_data = series.assign(balance_usd_bn=series["balance_musd"] / 1000, kind=consistent)[["year", "balance_usd_bn", "kind"]]
    point_data = others.assign(balance_usd_bn=others["balance_musd"] / 1000, kind=other, status=others["status"].map(translated))[
        ["year", "balance_usd_bn", "kind", "status", "figure_by"]
    ]
    lowest = float(min(line_data["balance_usd_bn"].min(), point_data["balance_usd_bn"].min(skipna=True) if len(point_data) else 0))
    highest = float(max(line_data["balance_usd_bn"].max(), point_data["balance_usd_bn"].max(skipna=True) if len(point_data) else 0, 0))
    # room on the right for the last year's label, and under the lowest point for the deepest year's
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d"), scale=alt.Scale(range=[0, {"expr": f"width - {END_LABEL_PX}"}]))
    y = alt.Y("balance_usd_bn:Q", title=tr("Goods balance (billion USD)"), scale=alt.Scale(domain=[lowest * 1.15, highest], nice=True))
    color = alt.Color("kind:N", title=None, scale=alt.Scale(domain=[consistent, other], range=style.colours(["emphasis", "context"])))
    year = alt.Tooltip("year:Q", title=tr("Year"))
    balance = alt.Tooltip("balance_usd_bn:Q", title=tr("Balance (billion USD)"), format=",.1f")
    line = alt.Chart(line_data).mark_line(point=True).encode(x=x, y=y, color=color, tooltip=[year, balance])
    points = (
        alt.Chart(point_data)
        .mark_point(size=60, filled=False, strokeWidth=2)
        .encode(
            x=x,
            y=y,
            color=color,
            tooltip=[
                year,
                balance,
                alt.Tooltip("status:N", title=tr("Status")),
                alt.Tooltip("figure_by:N", title=tr("Figure produced by")),
            ],
        )
    )
    text = dict(lineBreak="\n", lineHeight=LINE_HEIGHT, fontSize=LABEL_SIZE, color=style.colour("annotation"))
    below = alt.Chart(labels[labels["position"] == "below"]).mark_text(align="center", baseline="top", dy=10, **text)
    right = alt.Chart(labels[labels["position"] == "right"]).mark_text(align="left", baseline="middle", dx=8, dy=-LINE_HEIGHT / 2, **text)
    return alt.layer(line, points, *(layer.encode(x=x, y=y, text="label:N") for layer in (below, right)))


def share_chart(shares: pd.DataFrame) -> alt.LayerChart:
    """Cars' share of U.S. imports from Japan, a bar per year, each labelled with its share (two figures: derived)."""
    base = alt.Chart(shares).encode(x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)))
    bars = base.mark_bar(color=style.colour("neutral")).encode(
        y=alt.Y("cars_share_pct:Q", title=tr("Share (%)")),
        tooltip=[
            alt.Tooltip("year:O", title=tr("Year")),
            alt.Tooltip("cars_share_pct:Q", title=tr("Cars' share (%)"), format=".1f"),
            alt.Tooltip("car_imports_musd:Q", title=tr("Car imports (million USD)"), format=",.0f"),
            alt.Tooltip("all_imports_musd:Q", title=tr("All goods imports (million USD)"), format=",.0f"),
        ],
    )
    values = (
        base.transform_calculate(label="format(datum.cars_share_pct, '.0f') + '%'")
        .mark_text(baseline="bottom", dy=-3, fontSize=LABEL_SIZE, color=style.colour("annotation"))
        .encode(y="cars_share_pct:Q", text="label:N")
    )
    return alt.layer(bars, values).properties(height=240)


def bill_chart(bill: pd.DataFrame) -> alt.LayerChart:
    """Duty owed at each rate, in billion USD: a horizontal bar per rate, sized to their count, each labelled."""
    shown = bill.assign(rate=bill["rate_pct"].map(lambda r: f"{r:g}%"), duty_usd_bn=bill["duty_owed"] / 1000)
    shown = shown.assign(label=shown["duty_usd_bn"].map(usd_bn))
    base = alt.Chart(shown).encode(
        y=alt.Y("rate:N", sort=None, title=None),
        x=alt.X(
            "duty_usd_bn:Q",
            title=tr("Duty owed per year (billion USD)"),
            scale=alt.Scale(domain=[0, float(shown["duty_usd_bn"].max()) * 1.35]),
            axis=alt.Axis(tickCount=5),
        ),
    )
    bars = base.mark_bar(color=style.colour("neutral")).encode(
        tooltip=[alt.Tooltip("rate:N", title=tr("Rate")), alt.Tooltip("duty_usd_bn:Q", format=",.2f", title=tr("Duty owed (billion USD)"))]
    )
    values = base.mark_text(align="left", dx=4, fontSize=LABEL_SIZE, color=style.colour("annotation")).encode(text="label:N")
    return alt.layer(bars, values).properties(height=alt.Step(BAR_STEP))


def company_scale(companies: Iterable[str]) -> alt.Scale:
    """Each maker in its own colour, the same on every page: the role of style's companies family named like
    the maker (Toyota: ``toyota``); a maker with no role yet is drawn in ``context`` grey (the legend names it).
    The scale's domain is the makers as the chart shows them (their names translated: draw ``translated`` names)."""
    shown = {translated(company): company for company in companies}
    domain = sorted(shown)
    roles = style.family("companies")
    return alt.Scale(domain=domain, range=[roles.get(shown[name].lower(), style.colour("context")) for name in domain])


def automaker_chart(costs: pd.DataFrame, labels: pd.DataFrame) -> alt.LayerChart:
    """Each company's reported costs by announcement month: forecasts as circles, actual costs as squares; the
    figure the title names is labelled under its point."""

    def by_month(frame: pd.DataFrame) -> pd.DataFrame:
        return frame.assign(announced=frame["announcement_date"].str.slice(0, 7) + "-01")  # a month's figures at its start

    words = ("company", "kind", "fiscal_period", "metric", "value_as_reported", "scope")  # shown in the reader's language
    drawn = by_month(costs).assign(**{column: costs[column].map(translated) for column in words})
    x = alt.X("announced:T", title=tr("Month announced"), scale=alt.Scale(padding=14), axis=alt.Axis(format=tr("%b %Y"), labelOverlap=True))
    y = alt.Y("value_jpy_bn:Q", title=tr("Tariff cost (billion yen)"))
    points = (
        alt.Chart(drawn)
        .mark_point(size=90, strokeWidth=2)
        .encode(
            x=x,
            y=y,
            # legends that wrap on a phone: the makers in rows of three, the two kinds of figure above the chart
            color=alt.Color("company:N", title=tr("Company"), scale=company_scale(costs["company"]), legend=alt.Legend(columns=3)),
            shape=alt.Shape(
                "kind:N",
                title=tr("Figure"),
                scale=alt.Scale(domain=[tr(kind) for kind in FIGURE_KINDS], range=["circle", "square"]),
                legend=alt.Legend(orient="top", direction="horizontal"),
            ),
            tooltip=[
                alt.Tooltip("company:N", title=tr("Company")),
                alt.Tooltip("announcement_date:N", title=tr("Announced")),
                alt.Tooltip("fiscal_period:N", title=tr("Period covered")),
                alt.Tooltip("metric:N", title=tr("What the figure is")),
                alt.Tooltip("value_as_reported:N", title=tr("Figure as reported")),
                alt.Tooltip("value_jpy_bn:Q", title=tr("Tariff cost (billion yen)"), format=",.1f"),
                alt.Tooltip("scope:N", title=tr("Coverage")),
            ],
        )
    )
    text = (
        alt.Chart(by_month(labels))
        .mark_text(
            align="center",
            baseline="top",
            dy=12,
            lineBreak="\n",
            lineHeight=LINE_HEIGHT,
            fontSize=LABEL_SIZE,
            color=style.colour("annotation"),
        )
        .encode(x=x, y=y, text="label:N")
    )
    return alt.layer(points, text)
