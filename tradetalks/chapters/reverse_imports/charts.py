"""The reverse-imports page's charts (Altair), coloured by ``tradetalks.style`` roles.

A place is its place colour (cars built in the U.S., Japan's market); the figure the sentence beside
a chart is about is ``emphasis`` and the figures it is compared with ``context``.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tradetalks import style
from tradetalks.text import units

from .tables import COMPARATOR_LABEL, SCALE_SERIES, US_BUILT_LABEL

NEEDED, REFERENCE = "cars needed (derived)", "reference figure (from data)"
USED, OTHER = "used in the calculator", "other source or vintage"


def history_chart(volumes: pd.DataFrame, targets: pd.DataFrame) -> alt.LayerChart:
    """Bars: vehicles sold over each programme's life; diamonds: a yearly target over the same years (derived)."""
    order = volumes["programme"].tolist()
    shown = volumes[["programme", "actual_units", "actual_period", "built"]]
    annotation = style.colour("annotation")
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            y=alt.Y("programme:N", sort=order, title=None, axis=alt.Axis(labelLimit=330)),
            x=alt.X("actual_units:Q", title="Vehicles sold or shipped over the period stated"),
            color=alt.Color(
                "built:N",
                title=None,
                scale=alt.Scale(domain=[US_BUILT_LABEL, COMPARATOR_LABEL], range=style.colours(["united_states", "context"])),
            ),
            tooltip=["programme:N", alt.Tooltip("actual_units:Q", format=",", title="sold"), alt.Tooltip("actual_period:N", title="over")],
        )
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=11, color=annotation).encode(
        text=alt.Text("actual_period:N"), color=alt.value(annotation)
    )
    marked = targets.merge(volumes[["event_id", "programme"]], on="event_id")[
        ["programme", "target_units", "target_over_same_years", "calendar_years_of_sales"]
    ]
    marked = marked.assign(mark="yearly target × years of sales (derived)")
    target = (
        alt.Chart(marked)
        .mark_point(shape="diamond", size=160, filled=True, color=style.colour("derived"))
        .encode(
            y=alt.Y("programme:N", sort=order),
            x="target_over_same_years:Q",
            shape=alt.Shape("mark:N", title=None, scale=alt.Scale(range=["diamond"])),
            tooltip=[
                "programme:N",
                alt.Tooltip("target_units:Q", format=",", title="target per year"),
                alt.Tooltip("calendar_years_of_sales:Q", title="calendar years"),
                alt.Tooltip("target_over_same_years:Q", format=",", title="target × years (derived)"),
            ],
        )
    )
    return (
        alt.layer(bars, labels, target)
        .resolve_scale(color="independent", shape="independent")
        .properties(height=40 * len(order) + 20, width=380)
        .configure_legend(labelLimit=320)
    )


# Built in the U.S. is the U.S.'s colour and Japan's market Japan's; exports are the comparison beside them.
SCALE_ROLES = dict(zip(SCALE_SERIES, ("united_states", "context", "japan"), strict=True))


def scale_chart(series: pd.DataFrame) -> alt.Chart:
    """Points by year (no line: the years between have no figure and are not filled in)."""
    names = [name for name in SCALE_SERIES if name in set(series["series"])]
    return (
        alt.Chart(series[["year", "series", "value", "qualifier", "source_key"]])
        .mark_point(filled=True, size=110)
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(zero=False)),
            y=alt.Y("value:Q", title="Vehicles a year"),
            color=alt.Color(
                "series:N", title=None, scale=alt.Scale(domain=names, range=style.colours(SCALE_ROLES[name] for name in names))
            ),
            shape=alt.Shape("series:N", title=None, scale=alt.Scale(domain=names, range=["circle", "square", "triangle-up"])),
            tooltip=["year:Q", "series:N", alt.Tooltip("value:Q", format=","), "qualifier:N", "source_key:N"],
        )
        .configure_legend(labelLimit=360, columns=1)
    )


def comparison_chart(cars: float, compared: pd.DataFrame) -> alt.LayerChart:
    """Bars: the cars needed a year beside each reference figure."""
    needed = pd.DataFrame(
        {"what": ["cars needed a year to offset the chosen share (derived)"], "vehicles": [cars], "kind": [NEEDED], "period": [""]}
    )
    shown = pd.concat(
        [needed, compared.rename(columns={"reference": "what"}).assign(kind=REFERENCE)[["what", "vehicles", "kind", "period"]]],
        ignore_index=True,
    )
    shown["label"] = shown["vehicles"].map(units)
    order = shown["what"].tolist()
    y = alt.Y("what:N", sort=order, title=None, axis=alt.Axis(labelLimit=380))
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("vehicles:Q", title="Vehicles (a year, except the programme's lifetime total)"),
            color=alt.Color(
                "kind:N", title=None, scale=alt.Scale(domain=[NEEDED, REFERENCE], range=style.colours(["emphasis", "context"]))
            ),
            tooltip=["what:N", alt.Tooltip("vehicles:Q", format=",.0f"), "period:N", "kind:N"],
        )
    )
    text = (
        alt.Chart(shown)
        .mark_text(align="left", dx=4, fontSize=11, color=style.colour("annotation"))
        .encode(y=y, x="vehicles:Q", text="label:N")
    )
    return alt.layer(bars, text).properties(height=34 * len(shown) + 20, width=320)


def price_chart(curve: pd.DataFrame, points: pd.DataFrame, lines: pd.DataFrame) -> alt.LayerChart:
    """Line: cars needed a year across prices; points: the data's prices; dashed rules: reference figures."""
    x = alt.X("price_usd:Q", title="Price per car (USD)", axis=alt.Axis(format="$,d"), scale=alt.Scale(zero=False))
    y = alt.Y("cars_needed:Q", title="Cars needed a year (derived)")
    line = alt.Chart(curve[["price_usd", "cars_needed"]]).mark_line(color=style.colour("neutral")).encode(x=x, y=y)
    dots = (
        alt.Chart(points)
        .mark_point(filled=True, size=90)
        .encode(
            x="price_usd:Q",
            y="cars_needed:Q",
            color=alt.Color(
                "chosen:N",
                title=None,
                scale=alt.Scale(domain=[True, False], range=style.colours(["emphasis", "context"])),
                legend=alt.Legend(labelExpr="datum.label == 'true' ? 'the price used above' : 'other car prices in the data'"),
            ),
            tooltip=[
                "label:N",
                alt.Tooltip("price_usd:Q", format="$,.0f"),
                alt.Tooltip("cars_needed:Q", format=",.0f", title="cars needed (derived)"),
            ],
        )
    )
    rules = (
        alt.Chart(lines)
        .mark_rule(strokeDash=[5, 4], color=style.colour("reference_rule"))
        .encode(y="vehicles:Q", tooltip=["reference:N", alt.Tooltip("vehicles:Q", format=",")])
    )
    rule_text = (
        alt.Chart(lines)
        .mark_text(align="right", dy=-6, fontSize=11, color=style.colour("annotation"))
        .encode(y="vehicles:Q", x=alt.value(style.CHART_WIDTH - 4), text="short:N")
    )
    return alt.layer(line, dots, rules, rule_text)


def deficit_chart(figures: pd.DataFrame, chosen: pd.Series) -> alt.Chart:
    """Bars: every deficit figure the data has for the chosen year; the one used is highlighted."""
    shown = figures.assign(
        used=(figures["deficit_source"] == chosen["deficit_source"]).map({True: USED, False: OTHER}),
        label=figures["kind"] + " (" + figures["deficit_source"] + ")",
    )[["label", "measure", "deficit_usd_bn", "used", "as_reported", "source_key"]]
    return (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=400)),
            x=alt.X("deficit_usd_bn:Q", title=f"Deficit in {int(chosen['year'])} (billion USD)"),
            color=alt.Color("used:N", title=None, scale=alt.Scale(domain=[USED, OTHER], range=style.colours(["emphasis", "context"]))),
            tooltip=["label:N", "measure:N", alt.Tooltip("deficit_usd_bn:Q", format=",.2f"), "as_reported:N", "source_key:N"],
        )
        .properties(height=28 * len(shown) + 20, width=300)
    )
