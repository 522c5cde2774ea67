"""The page's charts: grid intensity by country, Japan's mix, g/km per car, the break-even, the sensitivity, prices.

Colours come from ``tradetalks.style`` roles: a country in its place colour, a power source in its
own, a car by its powertrain.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tradetalks import style

from .calculator import CAR_LABELS, ELECTRIC_HIGH, ELECTRIC_LOW, ELECTRIC_MIDPOINT, ELECTRIC_USE_PHASE, SERIES_ORDER
from .tables import JAPAN, MIX_LABELS, MIX_ORDER, WANTED_COUNTRIES
from .units import number

# The break-even chart's lines: the electric car in its powertrain colour (use phase alone in its own), dashed at ICCT's ends.
SERIES_ROLES = {
    ELECTRIC_USE_PHASE: "electric_use_phase",
    ELECTRIC_MIDPOINT: "electric",
    ELECTRIC_LOW: "electric",
    ELECTRIC_HIGH: "electric",
    CAR_LABELS["hybrid"]: "hybrid",
    CAR_LABELS["petrol"]: "petrol",
}
SERIES_DASH = [[2, 2], [1, 0], [6, 3], [6, 3], [1, 0], [1, 0]]
SERIES_LEGEND = alt.Legend(columns=2, labelLimit=320, symbolStrokeWidth=2.5)
# The per-km bars' parts: the results' column -> the legend's words, and -> its colour role.
PART_LABELS = {"use_phase": "use phase (electricity or fuel)", "battery": "battery manufacturing"}
PART_ROLES = {"use_phase": "use_phase", "battery": "battery_manufacturing"}


def intensity_chart(series: pd.DataFrame) -> alt.Chart:
    """Lines of grid intensity by country in its place colour, Ember solid and IEA dashed; Japan drawn thicker."""
    shown = series.assign(japan=series["country"] == JAPAN)
    present = set(series["country"])
    countries = [name for name in WANTED_COUNTRIES if name in present] + sorted(present - set(WANTED_COUNTRIES))
    colours = style.colours(style.place_role(country) for country in countries)
    return (
        alt.Chart(shown)
        .mark_line(point=alt.OverlayMarkDef(size=25))
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("value:Q", title="Grams of CO2(e) per kWh generated", scale=alt.Scale(zero=True)),
            color=alt.Color(
                "country:N",
                title="Country or region",
                sort=WANTED_COUNTRIES,
                legend=alt.Legend(columns=4),
                scale=alt.Scale(domain=countries, range=colours),
            ),
            strokeDash=alt.StrokeDash(
                "publisher:N", title="Publisher", legend=alt.Legend(columns=1, labelLimit=300, symbolType="stroke", symbolStrokeWidth=2)
            ),
            size=alt.Size("japan:N", legend=None, scale=alt.Scale(domain=[True, False], range=[4, 1.8])),
            detail="publisher:N",
            tooltip=["country:N", "year:Q", alt.Tooltip("value:Q", title="g per kWh"), "unit:N", "publisher:N"],
        )
    )


def mix_chart(mix: pd.DataFrame) -> alt.Chart:
    """Stacked bars of Japan's generation shares, fossil fuels at the bottom, each source in its own colour."""
    order = {name: i for i, name in enumerate(MIX_ORDER)}
    shown = mix.assign(order=mix["category"].map(order))
    return (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X("bar:N", title="Year (publisher)", sort=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "value:Q",
                title="Share of electricity generated (%)",
                stack="zero",
                scale=alt.Scale(domain=[0, 100], nice=False, clamp=True),
            ),
            color=alt.Color(
                "category:N", title="Source of electricity", scale=alt.Scale(domain=MIX_ORDER, range=style.colours(MIX_LABELS))
            ),
            order=alt.Order("order:Q"),
            tooltip=["bar:N", "category:N", alt.Tooltip("value:Q", title="share (%)"), "derived:N", "publisher:N"],
        )
        .properties(width=style.CHART_WIDTH)
    )


def results_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Stacked bars (use phase + battery) per car, with a whisker for the battery at both ends of ICCT's range."""
    long = table.melt(id_vars=["label"], value_vars=["use_phase", "battery"], var_name="part", value_name="g_per_km")
    long["part"] = long["part"].map(PART_LABELS)
    long = long[long["g_per_km"] > 0]
    y = alt.Y("label:N", title=None, sort=list(CAR_LABELS.values()))
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("g_per_km:Q", title="Grams of CO2(e) per km (derived)", stack="zero"),
            y=y,
            color=alt.Color(
                "part:N",
                title=None,
                scale=alt.Scale(domain=list(PART_LABELS.values()), range=style.colours(PART_ROLES[part] for part in PART_LABELS)),
            ),
            tooltip=["label:N", "part:N", alt.Tooltip("g_per_km:Q", format=".1f", title="g/km")],
        )
    )
    ranges = table[table["total_battery_low"].notna()]
    whisker = (
        alt.Chart(ranges)
        .mark_rule(strokeWidth=2, color=style.colour("annotation"))
        .encode(
            x="total_battery_low:Q",
            x2="total_battery_high:Q",
            y=y,
            tooltip=[
                alt.Tooltip("total_battery_low:Q", format=".1f", title="total, battery low end"),
                alt.Tooltip("total_battery_high:Q", format=".1f", title="total, battery high end"),
            ],
        )
    )
    labels = (
        alt.Chart(table).mark_text(align="left", dx=6, dy=-12, fontSize=12).encode(x="total:Q", y=y, text=alt.Text("total:Q", format=".0f"))
    )
    return alt.layer(bars, whisker, labels).properties(height=180)


def break_even_chart(lines: pd.DataFrame, years: pd.DataFrame, country: str, crossing: float, crossing_g_per_km: float) -> alt.LayerChart:
    """Each car's g/km across grid intensities; points mark ``country``'s years (in its place colour); a rule marks the break-even."""
    x = alt.X("grid_g_per_kwh:Q", title="Grid carbon intensity (g CO2e per kWh generated)")
    y = alt.Y("g_per_km:Q", title="Grams of CO2(e) per km (derived)", scale=alt.Scale(zero=True))
    annotation = style.colour("annotation")
    place = style.colour(style.place_role(country))
    if place == style.colour("electric"):  # Norway's green would vanish on the electric car's green line
        place = style.colour("emphasis")
    line = (
        alt.Chart(lines)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "series:N",
                title=None,
                sort=SERIES_ORDER,
                legend=SERIES_LEGEND,
                scale=alt.Scale(domain=SERIES_ORDER, range=style.colours(SERIES_ROLES[name] for name in SERIES_ORDER)),
            ),
            strokeDash=alt.StrokeDash(
                "series:N", title=None, sort=SERIES_ORDER, legend=SERIES_LEGEND, scale=alt.Scale(domain=SERIES_ORDER, range=SERIES_DASH)
            ),
            tooltip=["series:N", alt.Tooltip("grid_g_per_kwh:Q", title="g per kWh"), alt.Tooltip("g_per_km:Q", format=".1f", title="g/km")],
        )
    )
    points = (
        alt.Chart(years)
        .mark_point(filled=True, size=45, color=place, stroke=annotation, strokeWidth=0.5)
        .encode(
            x=x,
            y=y,
            tooltip=[
                "series:N",
                "year:Q",
                alt.Tooltip("grid_g_per_kwh:Q", title="g per kWh"),
                alt.Tooltip("g_per_km:Q", format=".1f", title="electric, g/km"),
            ],
        )
    )
    labels = alt.Chart(years).mark_text(dy=14, fontSize=11, color=annotation).encode(x=x, y=y, text="label:N")
    layers = [line, points, labels]
    if crossing > 0:
        mark = pd.DataFrame(
            [{"grid_g_per_kwh": crossing, "g_per_km": crossing_g_per_km, "text": f"break-even with the hybrid: {crossing:.0f} g/kWh"}]
        )
        layers.append(alt.Chart(mark).mark_rule(strokeDash=[4, 4], color=annotation).encode(x=x))
        layers.append(alt.Chart(mark).mark_text(align="left", dx=6, fontSize=12).encode(x=x, y=alt.value(12), text="text:N"))
    return alt.layer(*layers).properties(height=340)


def tornado_chart(result: pd.DataFrame) -> alt.LayerChart:
    """Bars from the answer at an input's low value to its answer at its high value; biggest swing on top."""
    order = result["label"].tolist()
    shown = result.assign(
        low_text=result["low"].map(number),
        high_text=result["high"].map(number),
        left=result[["output_low", "output_high"]].min(axis=1),
        right=result[["output_low", "output_high"]].max(axis=1),
    )
    shown["left_text"] = shown.apply(lambda r: r["low_text"] if r["output_low"] <= r["output_high"] else r["high_text"], axis=1)
    shown["right_text"] = shown.apply(lambda r: r["high_text"] if r["output_low"] <= r["output_high"] else r["low_text"], axis=1)
    y = alt.Y("label:N", title=None, sort=order)
    x = alt.X("left:Q", title="Electric minus hybrid, g CO2(e) per km (below 0: the electric car emits less)")
    bars = (
        alt.Chart(shown)
        .mark_bar(color=style.colour("neutral"), height=16)
        .encode(
            x=x,
            x2="right:Q",
            y=y,
            tooltip=[
                alt.Tooltip("label:N", title="input"),
                alt.Tooltip("low_text:N", title="low value"),
                alt.Tooltip("high_text:N", title="high value"),
                "unit:N",
                alt.Tooltip("output_low:Q", format="+.1f", title="answer at low (g/km)"),
                alt.Tooltip("output_high:Q", format="+.1f", title="answer at high (g/km)"),
                "range basis:N",
            ],
        )
    )
    left = alt.Chart(shown).mark_text(align="right", dx=-4, fontSize=11).encode(x="left:Q", y=y, text="left_text:N")
    right = alt.Chart(shown).mark_text(align="left", dx=4, fontSize=11).encode(x="right:Q", y=y, text="right_text:N")
    base = alt.Chart(shown.head(1)).mark_rule(color=style.colour("annotation"), strokeDash=[4, 3]).encode(x="base:Q")
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color=style.colour("zero_rule"), strokeWidth=2).encode(x="zero:Q")
    return alt.layer(bars, left, right, base, zero).properties(height=300)


def price_points_chart(points: pd.DataFrame) -> alt.Chart:
    """Japan's household electricity prices as points only (no line: the years are not one series).

    The colour tells the sources apart and means nothing more, so it is the theme's category palette.
    """
    return (
        alt.Chart(points)
        .mark_point(size=90, strokeWidth=2, filled=True)
        .encode(
            x=alt.X(
                "year:Q",
                title="Year (fiscal or calendar: see the table)",
                axis=alt.Axis(format="d", tickMinStep=1),
                scale=alt.Scale(zero=False, padding=12),
            ),
            y=alt.Y("value:Q", title="Household electricity price (yen per kWh)", scale=alt.Scale(zero=True)),
            color=alt.Color("series:N", title="Source (area)", legend=alt.Legend(columns=2, labelLimit=320)),
            shape=alt.Shape(
                "derived:N", title="Derived by the data pack", scale=alt.Scale(domain=["no", "yes"], range=["circle", "diamond"])
            ),
            tooltip=["year:Q", "value:Q", "unit:N", "area:N", "year_type:N", "metric:N", "derived:N", "source_key:N", "notes:N"],
        )
    )


def cross_country_chart(rows: pd.DataFrame) -> alt.Chart:
    """Each country's household price implied by its bill: Japan in its place colour, the others for comparison."""
    shown = rows.assign(japan=rows["country"] == JAPAN)
    return (
        alt.Chart(shown)
        .mark_point(size=110, filled=True)
        .encode(
            x=alt.X("value:Q", title="Household electricity price implied by the bill (yen per kWh, derived)", scale=alt.Scale(zero=True)),
            y=alt.Y("country:N", title=None, sort="-x"),
            color=alt.Color("japan:N", legend=None, scale=alt.Scale(domain=[True, False], range=style.colours(["japan", "context"]))),
            tooltip=["country:N", "year:Q", "value:Q", "unit:N", "notes:N"],
        )
        .properties(height=220)
    )
