"""The reverse-imports page's charts (Altair), coloured by ``tradetalks.style`` roles.

A place is its place colour (cars built in the U.S., Japan's market); the figure the sentence beside
a chart is about is ``emphasis`` and the figures it is compared with ``context``. Each chart draws the
frame it is published with, labels its points and bars directly (no legends) and names each bar above
it, so a phone keeps the bars' width for the bars. Every word a chart shows (titles of axes and tooltips,
labels) is in the page's language (``tradetalks.i18n.tr``); the frames' words come translated from ``tables``.
"""

from __future__ import annotations

import json

import altair as alt
import pandas as pd

from tradetalks import data, style
from tradetalks.i18n import N_, tr
from tradetalks.text import usd, usd_bn

from .calculator import NEEDED_KIND, REFERENCE_KIND
from .tables import (
    BUILT,
    COMPARATOR_LABEL,
    EXPORTED,
    IMPORT_MARKET,
    SCALE_SERIES,
    SCALE_SHORT,
    US_BUILT_LABEL,
    USED_NO,
    USED_YES,
    tr_as,
    translated,
    year_span,
)

LABEL_PX = style.TYPE_SIZES["label"]
USED_HERE = N_("used by the calculator")
LINE_PX = LABEL_PX + 2  # a second line of a label sits this far below the first: a two-line label above a rule starts this much higher
BAR_STEP, BAR_SIZE = 46, 16  # px per bar row, with its name above the bar
ROOM_FOR_LABELS = 1.75  # the value axis runs this far past the longest bar, so the label after it fits, on a 320 px phone too
# Counts on an axis in words a reader reads at a glance: 1.5 million, 300,000 (not 1.5M or 1,500,000).
COUNT_LABELS = "datum.value >= 1000000 ? format(datum.value / 1000000, '.2~r') + ' million' : format(datum.value, ',')"
# Japanese counts large numbers in 万 (ten thousand): 150万, 30万, 5,000.
COUNT_LABELS_TEN_THOUSANDS = "datum.value >= 10000 ? format(datum.value / 10000, ',.4~r') + {unit} : format(datum.value, ',')"
TEN_THOUSAND = N_("ten thousand")  # the unit a Japanese count axis writes after a number of ten thousands (万)
# Dollars on an axis: $30,000 (Japanese: 30,000ドル, the unit after the number).
DOLLAR_LABELS = "format(datum.value, ',d') + {unit}"
DOLLARS = N_("dollars")  # the unit after a number of dollars (Japanese: ドル)


def count_axis(**kwargs: object) -> alt.Axis:
    """An axis of vehicle counts labelled in words (``COUNT_LABELS``; in Japanese, in 万)."""
    if translated():
        return alt.Axis(labelExpr=COUNT_LABELS_TEN_THOUSANDS.format(unit=json.dumps(tr(TEN_THOUSAND))), **kwargs)
    return alt.Axis(labelExpr=COUNT_LABELS, **kwargs)


def dollar_axis(**kwargs: object) -> alt.Axis:
    """An axis of dollars: '$30,000' (Japanese: '30,000ドル')."""
    if translated():
        return alt.Axis(labelExpr=DOLLAR_LABELS.format(unit=json.dumps(tr(DOLLARS))), **kwargs)
    return alt.Axis(format="$,d", **kwargs)


def _named_bars(
    shown: pd.DataFrame,
    *,
    name: str,
    value: str,
    label: str,
    colour: alt.Color,
    x_title: str,
    tooltip: list,
    reach: float | None = None,
    axis: alt.Axis | None = None,
) -> list[alt.Chart]:
    """Horizontal bars in the frame's order, each named above its bar and labelled after its end; the
    value axis runs to ``reach`` (default: the longest bar) with room for the labels. The layers, for
    ``alt.layer`` (with the height ``height=alt.Step(BAR_STEP)``)."""
    order = shown[name].tolist()
    y = alt.Y(f"{name}:N", sort=order, title=None, axis=None)
    x = alt.X(
        f"{value}:Q",
        title=x_title,
        scale=alt.Scale(domain=[0, (reach or float(shown[value].max())) * ROOM_FOR_LABELS], nice=False),
        axis=axis or count_axis(tickCount=4),
    )
    base = alt.Chart(shown)
    bars = base.mark_bar(size=BAR_SIZE).encode(y=y, x=x, color=colour, tooltip=tooltip)
    names = base.mark_text(align="left", baseline="bottom", dy=-BAR_SIZE / 2 - 2, fontSize=LABEL_PX, color=style.colour("text")).encode(
        y=y, x=alt.value(0), text=f"{name}:N"
    )
    values = base.mark_text(align="left", dx=4, fontSize=LABEL_PX, color=style.colour("annotation")).encode(y=y, x=x, text=f"{label}:N")
    return [bars, names, values]


def history_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: vehicles sold over each programme's life, as the source states it; diamond: a yearly target
    times the calendar years of sales (derived), labelled."""
    shown = frame  # ``history_chart_data``: the chart draws the frame its table shows
    colour = alt.Color(
        "built:N",
        legend=None,
        scale=alt.Scale(domain=[tr(US_BUILT_LABEL), tr(COMPARATOR_LABEL)], range=style.colours(["united_states", "context"])),
    )
    targets = shown["target_over_sales_period"].dropna()
    bars = _named_bars(
        shown,
        name="programme",
        value="actual_units",
        label="figure_as_stated",
        colour=colour,
        x_title=tr("Vehicles sold or shipped"),
        tooltip=[
            alt.Tooltip("programme:N", title=tr("programme")),
            alt.Tooltip("actual_units:Q", format=",", title=tr("sold")),
            alt.Tooltip("actual_period:N", title=tr("over")),
        ],
        reach=max([float(shown["actual_units"].max()), *targets.astype(float)]),
    )
    targeted = shown[shown["target_over_sales_period"].notna()].assign(
        target_label=lambda t: [tr("yearly target × {years} years").format(years=int(years)) for years in t["calendar_years_of_sales"]]
    )
    y = alt.Y("programme:N", sort=shown["programme"].tolist())
    x = alt.X("target_over_sales_period:Q")
    diamond = (
        alt.Chart(targeted)
        .mark_point(shape="diamond", size=160, filled=True, color=style.colour("derived"))
        .encode(
            y=y,
            x=x,
            tooltip=[
                alt.Tooltip("programme:N", title=tr("programme")),
                alt.Tooltip("calendar_years_of_sales:Q", title=tr("calendar years")),
                alt.Tooltip("target_over_sales_period:Q", format=",", title=tr("target × years (derived)")),
            ],
        )
    )
    diamond_label = (
        alt.Chart(targeted)
        .mark_text(align="right", baseline="top", dy=BAR_SIZE / 2 + 3, fontSize=LABEL_PX, color=style.colour("annotation"))
        .encode(y=y, x=x, text="target_label:N")
    )
    return alt.layer(*bars, diamond, diamond_label).properties(height=alt.Step(BAR_STEP))


# Built in the U.S. is the U.S.'s colour and Japan's market Japan's; exports are the comparison beside them.
SCALE_ROLES = dict(zip(SCALE_SERIES, ("united_states", "context", "japan"), strict=True))
# Text placements (align, baseline, dx, dy) in the regions the points leave clear, down to a 320 px phone:
# names by each series' first point (U.S. output down and to the right, in two lines, exports down and to
# the left, the market up and to the left), and the latest figures of the U.S. output and of the market, which the
# title compares, up and to the left of their points (the market's in two lines, clear of the exports).
BELOW_RIGHT_OF_FIRST = ("left", "top", 6, 10)
BELOW_LEFT_OF_FIRST = ("right", "top", -8, 8)
ABOVE_LEFT = ("right", "bottom", -8, -10)
ABOVE_LEFT_TWO_LINES = ("right", "bottom", -8, -16 - LINE_PX)


def scale_labels(table: pd.DataFrame) -> pd.DataFrame:
    """The scale chart's direct labels: each series named once, and the latest figure of the two series
    the title compares, as the source states it."""
    ordered = table.sort_values("year", kind="stable")
    first = ordered.groupby("vehicles_counted", sort=False).head(1).set_index("vehicles_counted")
    latest = ordered.groupby("vehicles_counted", sort=False).tail(1).set_index("vehicles_counted")
    built, exported, market = tr(BUILT), tr(EXPORTED), tr(IMPORT_MARKET)  # the series as the table names them
    rows = []
    if built in first.index:
        rows.append((first.loc[built], built, tr("{name}\nby Japanese makers").format(name=tr(SCALE_SHORT[BUILT])), BELOW_RIGHT_OF_FIRST))
        in_year = tr_as(N_("{figure} in {year}"), N_("{figure} in {year} (a year's count)"))  # ev_china's is a count at a date
        figure = in_year.format(figure=latest.loc[built, "figure_as_stated"], year=latest.loc[built, "year"])
        rows.append((latest.loc[built], built, figure, ABOVE_LEFT))
    if exported in first.index:
        rows.append((first.loc[exported], exported, tr(SCALE_SHORT[EXPORTED]), BELOW_LEFT_OF_FIRST))
    if market in latest.index:
        row = latest.loc[market]
        label = tr("{name}\n{figure} in {year}").format(
            name=tr(SCALE_SHORT[IMPORT_MARKET]), figure=row["figure_as_stated"], year=row["year"]
        )
        rows.append((row, market, label, ABOVE_LEFT_TWO_LINES))
    return pd.DataFrame(
        [
            {
                "year": row["year"],
                "annual_vehicles": row["annual_vehicles"],
                "vehicles_counted": series,
                "label": label,
                "placement": placement,
            }
            for row, series, label, placement in rows
        ]
    )


def scale_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Points by year (no line: the years between have no figure and are not filled in); each series
    named on the chart, and the latest figures the title compares labelled as the source states them."""
    series = [name for name in SCALE_SERIES if tr(name) in set(table["vehicles_counted"])]  # English, for the roles
    names = [tr(name) for name in series]  # as the table names them
    colour = alt.Color(
        "vehicles_counted:N", legend=None, scale=alt.Scale(domain=names, range=style.colours(SCALE_ROLES[name] for name in series))
    )
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False))
    y = alt.Y("annual_vehicles:Q", title=tr("Vehicles a year"), axis=count_axis())
    points = (
        alt.Chart(table)
        .mark_point(filled=True, size=110)
        .encode(
            x=x,
            y=y,
            color=colour,
            shape=alt.Shape("vehicles_counted:N", legend=None, scale=alt.Scale(domain=names, range=["circle", "square", "triangle-up"])),
            tooltip=[
                alt.Tooltip("year:Q", title=tr("year")) if translated() else "year:Q",
                alt.Tooltip("vehicles_counted:N", title=tr("what")),
                alt.Tooltip("annual_vehicles:Q", format=",", title=tr_as(N_("vehicles"), N_("vehicles (how many)"))),
                alt.Tooltip("source_qualifier:N", title=tr("source's qualifier")),
            ],
        )
    )
    # a label takes its series' colour, but grey context text would be too faint to read: it takes the ink's
    ink = [style.colour("annotation") if SCALE_ROLES[name] == "context" else style.colour(SCALE_ROLES[name]) for name in series]
    text_colour = alt.Color("vehicles_counted:N", legend=None, scale=alt.Scale(domain=names, range=ink))
    labels = [
        alt.Chart(group.drop(columns="placement"))
        .mark_text(align=align, baseline=baseline, dx=dx, dy=dy, lineBreak="\n", fontSize=LABEL_PX)
        .encode(x=x, y=y, text="label:N", color=text_colour)
        for (align, baseline, dx, dy), group in scale_labels(table).groupby("placement", sort=False)
    ]
    return alt.layer(points, *labels).resolve_scale(color="independent")


def deficit_data(figures: pd.DataFrame, chosen: pd.Series) -> pd.DataFrame:
    """What the deficit chart draws and its table shows: each figure for the year by name (publisher or
    vintage, never a key), largest first, and whether the calculator uses it."""
    shown = pd.DataFrame(
        {
            "year": figures["year"].astype(int),
            "deficit_figure": figures["label"],
            "deficit_usd_bn": figures["deficit_usd_bn"],
            "deficit_measure": figures["measure"],
            "deficit_as_reported": figures["as_reported"],
            "used_here": (figures["deficit_source"] == chosen["deficit_source"]).map({True: tr(USED_YES), False: tr(USED_NO)}),
        }
    )
    return data.derived_from(shown.sort_values("deficit_usd_bn", ascending=False, kind="stable").reset_index(drop=True), figures)


def deficit_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: every deficit figure the data has for the chosen year; the one the calculator uses is
    emphasised and says so inside its bar (a phone has no room beside it)."""
    shown = frame.assign(bar_label=frame["deficit_usd_bn"].map(usd_bn))
    yes, no = tr(USED_YES), tr(USED_NO)
    colour = alt.Color("used_here:N", legend=None, scale=alt.Scale(domain=[yes, no], range=style.colours(["emphasis", "context"])))
    layers = _named_bars(
        shown,
        name="deficit_figure",
        value="deficit_usd_bn",
        label="bar_label",
        colour=colour,
        x_title=tr("Deficit in {year} (billion USD)").format(year=int(frame["year"].iloc[0])),
        tooltip=[
            alt.Tooltip("deficit_figure:N", title=tr("figure")),
            alt.Tooltip("deficit_measure:N", title=tr("what it measures")),
            alt.Tooltip("deficit_usd_bn:Q", format=",.1f", title=tr("billion USD")),
            alt.Tooltip("deficit_as_reported:N", title=tr("as reported")),
        ],
        axis=alt.Axis(format=",d", tickCount=4),
    )
    used = (
        alt.Chart(shown[shown["used_here"] == yes][["deficit_figure"]])
        .mark_text(align="left", dx=4, fontSize=LABEL_PX, color=style.colour("card"))
        .encode(y=alt.Y("deficit_figure:N", sort=shown["deficit_figure"].tolist()), x=alt.value(0), text=alt.value(tr(USED_HERE)))
    )
    return alt.layer(*layers, used).properties(height=alt.Step(BAR_STEP))


def bar_names(frame: pd.DataFrame) -> list[str]:
    """Each bar's name over it, with its years: 'Japan's car imports, all brands (2024)' (``comparison_data``)."""
    return [
        tr("{name} ({years})").format(name=name, years=year_span([period])) if period else name
        for name, period in zip(frame["compared_with"], frame["reference_period"], strict=True)
    ]


def comparison_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: the cars needed a year beside each reference figure, each labelled as its source states it."""
    shown = frame.assign(bar_name=bar_names(frame))
    colour = alt.Color(
        "figure_kind:N",
        legend=None,
        scale=alt.Scale(domain=[tr(NEEDED_KIND), tr(REFERENCE_KIND)], range=style.colours(["emphasis", "context"])),
    )
    layers = _named_bars(
        shown,
        name="bar_name",
        value="reference_vehicles",
        label="figure_as_stated",
        colour=colour,
        x_title=tr("Vehicles"),
        tooltip=[
            alt.Tooltip("bar_name:N", title=tr("figure")),
            alt.Tooltip("reference_vehicles:Q", format=",.0f", title=tr_as(N_("vehicles"), N_("vehicles (how many)"))),
            alt.Tooltip("cars_needed_multiple:Q", format=",.1f", title=tr("cars needed ÷ this figure")),
        ],
    )
    return alt.layer(*layers).properties(height=alt.Step(BAR_STEP))


# Where a point's label sits, in the two regions a falling curve leaves clear: up and to the right of the
# cheapest price, down and to the left of the others (align, baseline, dx, dy).
ABOVE_RIGHT, BELOW_LEFT = ("left", "bottom", 8, -4 - LINE_PX), ("right", "top", -8, 6)


def price_labels(points: pd.DataFrame) -> pd.DataFrame:
    """The points the price chart names: the cheapest, the dearest and the price used, each in two short
    lines ('Camry base price' / '$29,100'); the others keep a tooltip."""
    cheapest, dearest = points["price_usd"].idxmin(), points["price_usd"].idxmax()
    named = points[points.index.isin([cheapest, dearest]) | points["chosen"]].copy()
    named["point_label"] = [
        (tr("{name}\n{price}, used above") if chosen else tr("{name}\n{price}")).format(name=short, price=usd(price))
        for short, price, chosen in zip(named["short"], named["price_usd"], named["chosen"], strict=True)
    ]
    named["placement"] = [ABOVE_RIGHT if index == cheapest else BELOW_LEFT for index in named.index]
    return named


def price_chart(curve: pd.DataFrame, points: pd.DataFrame, lines: pd.DataFrame) -> alt.LayerChart:
    """Line: cars needed a year across prices; points: the data's prices (the cheapest, the dearest and
    the one used named); dashed rules: reference figures, named."""
    x = alt.X("price_usd:Q", title=tr("Price per car (USD)"), axis=dollar_axis(tickCount=5), scale=alt.Scale(zero=False))
    y = alt.Y("cars_needed:Q", title=tr("Cars needed a year"), axis=count_axis())
    line = alt.Chart(curve[["price_usd", "cars_needed"]]).mark_line(color=style.colour("neutral")).encode(x=x, y=y)
    shown = points.reset_index(drop=True)
    colour = alt.Color("chosen:N", legend=None, scale=alt.Scale(domain=[True, False], range=style.colours(["emphasis", "context"])))
    ink = alt.Color("chosen:N", legend=None, scale=alt.Scale(domain=[True, False], range=style.colours(["emphasis", "annotation"])))
    dots = (
        alt.Chart(shown[["price_usd", "cars_needed", "chosen", "label"]])
        .mark_point(filled=True, size=90)
        .encode(
            x="price_usd:Q",
            y="cars_needed:Q",
            color=colour,
            tooltip=[
                alt.Tooltip("label:N", title=tr("price")),
                alt.Tooltip("price_usd:Q", format=",.0f" if translated() else "$,.0f", title=tr("USD")),
                alt.Tooltip("cars_needed:Q", format=",.0f", title=tr("cars needed (derived)")),
            ],
        )
    )
    named = price_labels(shown)
    point_text = [
        alt.Chart(group[["price_usd", "cars_needed", "chosen", "point_label"]])
        .mark_text(align=align, baseline=baseline, dx=dx, dy=dy, lineBreak="\n", fontSize=LABEL_PX)
        .encode(x="price_usd:Q", y="cars_needed:Q", text="point_label:N", color=ink)
        for (align, baseline, dx, dy), group in named.groupby("placement", sort=False)
    ]
    rules = (
        alt.Chart(lines[["vehicles", "short"]])
        .mark_rule(strokeDash=[5, 4], color=style.colour("reference_rule"))
        .encode(y="vehicles:Q", tooltip=[alt.Tooltip("short:N", title=tr("reference"))])
    )
    rule_text = (
        alt.Chart(lines[["vehicles", "rule_label"]])
        .mark_text(
            align="right", baseline="bottom", dx=-4, dy=-4 - LINE_PX, lineBreak="\n", fontSize=LABEL_PX, color=style.colour("annotation")
        )
        .encode(y="vehicles:Q", x=alt.value("width"), text="rule_label:N")
    )
    return alt.layer(line, dots, *point_text, rules, rule_text).resolve_scale(color="independent")
