"""The reverse-imports page's charts (Altair), coloured by ``tradetalks.style`` roles.

A place is its place colour (cars built in the U.S., Japan's market); the figure the sentence beside
a chart is about is ``emphasis`` and the figures it is compared with ``context``. Each chart draws the
frame it is published with, labels its points and bars directly (no legends) and names each bar above
it, so a phone keeps the bars' width for the bars.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tradetalks import data, style
from tradetalks.text import usd, usd_bn

from .calculator import NEEDED_KIND, REFERENCE_KIND
from .tables import BUILT, COMPARATOR_LABEL, EXPORTED, IMPORT_MARKET, SCALE_SERIES, SCALE_SHORT, US_BUILT_LABEL, year_span

LABEL_PX = style.TYPE_SIZES["label"]
USED_HERE = "used by the calculator"
LINE_PX = LABEL_PX + 2  # a second line of a label sits this far below the first: a two-line label above a rule starts this much higher
BAR_STEP, BAR_SIZE = 46, 16  # px per bar row, with its name above the bar
ROOM_FOR_LABELS = 1.75  # the value axis runs this far past the longest bar, so the label after it fits, on a 320 px phone too
# Counts on an axis in words a reader reads at a glance: 1.5 million, 300,000 (not 1.5M or 1,500,000).
COUNT_LABELS = "datum.value >= 1000000 ? format(datum.value / 1000000, '.2~r') + ' million' : format(datum.value, ',')"


def count_axis(**kwargs: object) -> alt.Axis:
    """An axis of vehicle counts labelled in words (``COUNT_LABELS``)."""
    return alt.Axis(labelExpr=COUNT_LABELS, **kwargs)


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
        scale=alt.Scale(domain=[US_BUILT_LABEL, COMPARATOR_LABEL], range=style.colours(["united_states", "context"])),
    )
    targets = shown["target_over_sales_period"].dropna()
    bars = _named_bars(
        shown,
        name="programme",
        value="actual_units",
        label="figure_as_stated",
        colour=colour,
        x_title="Vehicles sold or shipped",
        tooltip=[
            alt.Tooltip("programme:N", title="programme"),
            alt.Tooltip("actual_units:Q", format=",", title="sold"),
            alt.Tooltip("actual_period:N", title="over"),
        ],
        reach=max([float(shown["actual_units"].max()), *targets.astype(float)]),
    )
    targeted = shown[shown["target_over_sales_period"].notna()].assign(
        target_label=lambda t: "yearly target × " + t["calendar_years_of_sales"].astype(int).astype(str) + " years"
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
                alt.Tooltip("programme:N", title="programme"),
                alt.Tooltip("calendar_years_of_sales:Q", title="calendar years"),
                alt.Tooltip("target_over_sales_period:Q", format=",", title="target × years (derived)"),
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
    rows = []
    if BUILT in first.index:
        rows.append((first.loc[BUILT], BUILT, f"{SCALE_SHORT[BUILT]}\nby Japanese makers", BELOW_RIGHT_OF_FIRST))
        rows.append((latest.loc[BUILT], BUILT, f"{latest.loc[BUILT, 'figure_as_stated']} in {latest.loc[BUILT, 'year']}", ABOVE_LEFT))
    if EXPORTED in first.index:
        rows.append((first.loc[EXPORTED], EXPORTED, SCALE_SHORT[EXPORTED], BELOW_LEFT_OF_FIRST))
    if IMPORT_MARKET in latest.index:
        row = latest.loc[IMPORT_MARKET]
        rows.append((row, IMPORT_MARKET, f"{SCALE_SHORT[IMPORT_MARKET]}\n{row['figure_as_stated']} in {row['year']}", ABOVE_LEFT_TWO_LINES))
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
    names = [name for name in SCALE_SERIES if name in set(table["vehicles_counted"])]
    colour = alt.Color(
        "vehicles_counted:N", legend=None, scale=alt.Scale(domain=names, range=style.colours(SCALE_ROLES[name] for name in names))
    )
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1), scale=alt.Scale(zero=False))
    y = alt.Y("annual_vehicles:Q", title="Vehicles a year", axis=count_axis())
    points = (
        alt.Chart(table)
        .mark_point(filled=True, size=110)
        .encode(
            x=x,
            y=y,
            color=colour,
            shape=alt.Shape("vehicles_counted:N", legend=None, scale=alt.Scale(domain=names, range=["circle", "square", "triangle-up"])),
            tooltip=[
                "year:Q",
                alt.Tooltip("vehicles_counted:N", title="what"),
                alt.Tooltip("annual_vehicles:Q", format=",", title="vehicles"),
                alt.Tooltip("source_qualifier:N", title="source's qualifier"),
            ],
        )
    )
    # a label takes its series' colour, but grey context text would be too faint to read: it takes the ink's
    ink = [style.colour("annotation") if SCALE_ROLES[name] == "context" else style.colour(SCALE_ROLES[name]) for name in names]
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
            "used_here": (figures["deficit_source"] == chosen["deficit_source"]).map({True: "yes", False: "no"}),
        }
    )
    return data.derived_from(shown.sort_values("deficit_usd_bn", ascending=False, kind="stable").reset_index(drop=True), figures)


def deficit_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: every deficit figure the data has for the chosen year; the one the calculator uses is
    emphasised and says so inside its bar (a phone has no room beside it)."""
    shown = frame.assign(bar_label=frame["deficit_usd_bn"].map(usd_bn))
    colour = alt.Color("used_here:N", legend=None, scale=alt.Scale(domain=["yes", "no"], range=style.colours(["emphasis", "context"])))
    layers = _named_bars(
        shown,
        name="deficit_figure",
        value="deficit_usd_bn",
        label="bar_label",
        colour=colour,
        x_title=f"Deficit in {int(frame['year'].iloc[0])} (billion USD)",
        tooltip=[
            alt.Tooltip("deficit_figure:N", title="figure"),
            alt.Tooltip("deficit_measure:N", title="what it measures"),
            alt.Tooltip("deficit_usd_bn:Q", format=",.1f", title="billion USD"),
            alt.Tooltip("deficit_as_reported:N", title="as reported"),
        ],
        axis=alt.Axis(format=",d", tickCount=4),
    )
    used = (
        alt.Chart(shown[shown["used_here"] == "yes"][["deficit_figure"]])
        .mark_text(align="left", dx=4, fontSize=LABEL_PX, color=style.colour("card"))
        .encode(y=alt.Y("deficit_figure:N", sort=shown["deficit_figure"].tolist()), x=alt.value(0), text=alt.value(USED_HERE))
    )
    return alt.layer(*layers, used).properties(height=alt.Step(BAR_STEP))


def comparison_chart(frame: pd.DataFrame) -> alt.LayerChart:
    """Bars: the cars needed a year beside each reference figure, each labelled as its source states it."""
    shown = frame.assign(
        bar_name=[
            f"{name} ({year_span([period])})" if period else name
            for name, period in zip(frame["compared_with"], frame["reference_period"], strict=True)
        ]
    )
    colour = alt.Color(
        "figure_kind:N", legend=None, scale=alt.Scale(domain=[NEEDED_KIND, REFERENCE_KIND], range=style.colours(["emphasis", "context"]))
    )
    layers = _named_bars(
        shown,
        name="bar_name",
        value="reference_vehicles",
        label="figure_as_stated",
        colour=colour,
        x_title="Vehicles",
        tooltip=[
            alt.Tooltip("bar_name:N", title="figure"),
            alt.Tooltip("reference_vehicles:Q", format=",.0f", title="vehicles"),
            alt.Tooltip("cars_needed_multiple:Q", format=",.1f", title="cars needed ÷ this figure"),
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
        f"{short}\n{usd(price)}" + (", used above" if chosen else "")
        for short, price, chosen in zip(named["short"], named["price_usd"], named["chosen"], strict=True)
    ]
    named["placement"] = [ABOVE_RIGHT if index == cheapest else BELOW_LEFT for index in named.index]
    return named


def price_chart(curve: pd.DataFrame, points: pd.DataFrame, lines: pd.DataFrame) -> alt.LayerChart:
    """Line: cars needed a year across prices; points: the data's prices (the cheapest, the dearest and
    the one used named); dashed rules: reference figures, named."""
    x = alt.X("price_usd:Q", title="Price per car (USD)", axis=alt.Axis(format="$,d", tickCount=5), scale=alt.Scale(zero=False))
    y = alt.Y("cars_needed:Q", title="Cars needed a year", axis=count_axis())
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
                alt.Tooltip("label:N", title="price"),
                alt.Tooltip("price_usd:Q", format="$,.0f", title="USD"),
                alt.Tooltip("cars_needed:Q", format=",.0f", title="cars needed (derived)"),
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
        .encode(y="vehicles:Q", tooltip=[alt.Tooltip("short:N", title="reference")])
    )
    rule_text = (
        alt.Chart(lines[["vehicles", "rule_label"]])
        .mark_text(
            align="right", baseline="bottom", dx=-4, dy=-4 - LINE_PX, lineBreak="\n", fontSize=LABEL_PX, color=style.colour("annotation")
        )
        .encode(y="vehicles:Q", x=alt.value("width"), text="rule_label:N")
    )
    return alt.layer(line, dots, *point_text, rules, rule_text).resolve_scale(color="independent")
