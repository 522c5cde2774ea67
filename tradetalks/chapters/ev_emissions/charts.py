"""The page's charts: grid intensity by country, Japan's mix, g/km per car, the break-even, the sensitivity, prices.

Colours come from ``tradetalks.style`` roles: a country in its place colour, a power source in its
own, a car by its powertrain. The figures the prose talks about are labelled on the chart; charts of
up to four series name them beside the marks instead of in a legend. Charts take the page's width
(``tradetalks.charts.publish``), so none sets one; bars are sized by their count.

Every word a chart shows comes through ``tr``: titles and labels are messages, and the words a chart draws from
its data (a country, a car, a line's name) are translated in the chart's own copy of the frame, after the code
has picked rows and colours by the English.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tradetalks import style, text
from tradetalks.i18n import N_, tr

from . import tables
from .calculator import CAR_LABELS, ELECTRIC_HIGH, ELECTRIC_LOW, ELECTRIC_MIDPOINT, ELECTRIC_USE_PHASE
from .tables import JAPAN, MIX_LABELS, MIX_ORDER, WANTED_COUNTRIES
from .units import FIGURES, number
from .words import shown as shown_words

RANGE_BASIS = N_("range basis")  # the sensitivity's column saying where an input's range comes from
LABEL_PX = 11  # direct labels: at least the lint's 10 px on a phone
BAR_STEP = 40  # px per bar of a horizontal bar chart
TOTAL_LABEL_PX = 64  # room past the in-page chart's longest bar for its total ("1,234 g/km" in bold)
BAR_THICKNESS = 22  # px: the per-km bars, thin enough to leave room for the battery's range above the electric car's
# The break-even chart's lines (ICCT's low and high end are drawn as a band around the midpoint's line).
LINES = [ELECTRIC_USE_PHASE, ELECTRIC_MIDPOINT, CAR_LABELS["hybrid"], CAR_LABELS["petrol"]]
LINE_ROLES = {ELECTRIC_USE_PHASE: "electric_use_phase", ELECTRIC_MIDPOINT: "electric", CAR_LABELS["hybrid"]: "hybrid"}
LINE_ROLES |= {CAR_LABELS["petrol"]: "petrol"}
LINE_DASH = [[2, 2], [1, 0], [1, 0], [1, 0]]
# The per-km bars' parts: the results' column -> the label on the bar, and -> its colour role.
PART_LABELS = {"use_phase": N_("in use"), "battery": N_("battery")}
PART_ROLES = {"use_phase": "use_phase", "battery": "battery_manufacturing"}
BATTERY_RANGE = N_("ICCT's range of battery footprints")  # the label of the range drawn around the electric car's total


def rounded(value: float) -> str:
    """A chart label's figure: three significant figures (483.43 -> '483'), as the prose gives it."""
    return text.rounded(value, FIGURES)


def translated(names: list[str]) -> list[str]:
    """Names a chart shows (a scale's domain, a sort order), in the page's language."""
    return [tr(name) for name in names]


# --- the grid -----------------------------------------------------------------------------------------------


def intensity_chart(series: pd.DataFrame) -> alt.LayerChart:
    """Lines of grid intensity by country in its place colour, Ember solid and IEA dashed (fainter); Japan drawn
    thicker, its first and last figure labelled."""
    shown = series.assign(japan=series["country"] == JAPAN)
    present = set(series["country"])
    countries = [name for name in WANTED_COUNTRIES if name in present] + sorted(present - set(WANTED_COUNTRIES))
    colours = style.colours(style.place_role(country) for country in countries)
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("value:Q", title=tr("g CO2(e) per kWh generated"), scale=alt.Scale(zero=True))
    publishers = [tables.EMBER_PUBLISHER, tables.IEA_PUBLISHER]
    lines = (
        alt.Chart(shown.assign(country=shown["country"].map(tr), publisher=shown["publisher"].map(tr)))
        .mark_line(point=alt.OverlayMarkDef(size=25))
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "country:N",
                title=tr("Country or region"),
                sort=translated(WANTED_COUNTRIES),
                legend=alt.Legend(columns=2, labelLimit=200),
                scale=alt.Scale(domain=translated(countries), range=colours),
            ),
            strokeDash=alt.StrokeDash(
                "publisher:N",
                legend=None,  # the subtitle says which is which: one legend fits a phone's width, two side by side do not
                scale=alt.Scale(domain=translated(publishers), range=[[1, 0], [5, 3]]),
            ),
            opacity=alt.Opacity("publisher:N", legend=None, scale=alt.Scale(domain=translated(publishers), range=[1.0, 0.55])),
            size=alt.Size("japan:N", legend=None, scale=alt.Scale(domain=[True, False], range=[4, 1.8])),
            detail="publisher:N",
            tooltip=["country:N", "year:Q", alt.Tooltip("value:Q", title=tr("g per kWh")), "publisher:N"],
        )
    )
    japan = shown[shown["japan"] & (shown["publisher"] == tables.EMBER_PUBLISHER)]
    japan = japan.assign(
        country=japan["country"].map(tr),
        publisher=japan["publisher"].map(tr),
        label=[tr("Japan {intensity}").format(intensity=rounded(v)) for v in japan["value"]],
    )
    first, last = (
        alt.Chart(japan.iloc[[at]])
        .mark_text(align=align, dy=-12, fontSize=LABEL_PX, fontWeight="bold", color=style.colour("japan"))
        .encode(x=x, y=y, text="label:N")
        for at, align in ((0, "left"), (-1, "right"))
    )
    return alt.layer(lines, first, last)


def mix_chart(mix: pd.DataFrame) -> alt.LayerChart:
    """Stacked bars of Japan's generation shares, fossil fuels at the bottom, each source in its own colour; the
    fossil fuels' total written on each bar."""
    order = {name: i for i, name in enumerate(MIX_ORDER)}
    shown = mix.assign(
        order=mix["category"].map(order),
        category=mix["category"].map(tr),
        derived=mix["derived"].map(shown_words),
        publisher=mix["publisher"].map(tr),
    )
    x = alt.X("bar:N", title=None, sort=None, axis=alt.Axis(labelAngle=0, labelOverlap=True))
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y(
                "value:Q",
                title=tr("Share of electricity generated (%)"),
                stack="zero",
                scale=alt.Scale(domain=[0, 100], nice=False, clamp=True),
            ),
            color=alt.Color(
                "category:N",
                title=tr("Source of electricity"),
                legend=alt.Legend(columns=3),
                scale=alt.Scale(domain=translated(MIX_ORDER), range=style.colours(MIX_LABELS)),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("bar:N", title=tr("Year (source)")),
                alt.Tooltip("category:N", title=tr("Source of electricity")),
                alt.Tooltip("value:Q", title=tr("Share (%)")),
                "derived:N",
                "publisher:N",
            ],
        )
    )
    fossil = tables.fossil_share(mix).assign(
        publisher=lambda f: f["publisher"].map(tr),
        middle=lambda f: f["fossil_pct"] / 2,
        label=lambda f: [text.pct(v, 2) for v in f["fossil_pct"]],
    )
    totals = (
        alt.Chart(fossil)
        .mark_text(fontSize=LABEL_PX, fontWeight="bold", color=style.colour("label_on_fill"))
        .encode(
            x=x,
            y="middle:Q",
            text="label:N",
            tooltip=[
                alt.Tooltip("bar:N", title=tr("Year (source)")),
                alt.Tooltip("fossil_pct:Q", title=tr("Coal, gas and oil (%)")),
            ],
        )
    )
    return alt.layer(bars, totals)


# --- grams per km -------------------------------------------------------------------------------------------


def results_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Stacked bars (use phase + battery) per car, the parts named on the electric car's bar; a line spans its
    total with the battery at both ends of ICCT's range; each total written at the bar's end."""
    long = table.melt(id_vars=["label"], value_vars=list(PART_LABELS), var_name="part", value_name="g_per_km")
    long = long[long["g_per_km"] > 0].copy()
    long["start"] = long.groupby("label")["g_per_km"].cumsum() - long["g_per_km"]
    long["middle"] = long["start"] + long["g_per_km"] / 2
    long["name"] = long["part"].map(lambda part: tr(PART_LABELS[part]))
    electric = long["label"] == CAR_LABELS["electric"]
    long["label"] = long["label"].map(tr)
    table = table.assign(label=table["label"].map(tr))
    y = alt.Y("label:N", title=None, sort=translated(list(CAR_LABELS.values())), axis=alt.Axis(labelLimit=160))
    # room on the right for the totals written past the longest bar, inside the drawing (not spilling out of it)
    x = alt.X("g_per_km:Q", title=tr("g CO2(e) per km (derived)"), stack="zero", scale=alt.Scale(padding=36))
    bars = (
        alt.Chart(long)
        .mark_bar(height=BAR_THICKNESS)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "part:N",
                legend=None,
                scale=alt.Scale(domain=list(PART_LABELS), range=style.colours(PART_ROLES[part] for part in PART_LABELS)),
            ),
            order=alt.Order("start:Q"),
            tooltip=[
                alt.Tooltip("label:N", title=tr("Car")),
                alt.Tooltip("name:N", title=tr("Part")),
                alt.Tooltip("g_per_km:Q", format=".1f", title=tr("g/km")),
            ],
        )
    )
    named = long[electric]
    parts = (
        alt.Chart(named)
        .mark_text(fontSize=LABEL_PX)
        .encode(
            x="middle:Q",
            y=y,
            text="name:N",
            # white on the use phase's blue, ink on the battery's orange
            color=alt.Color(
                "part:N", legend=None, scale=alt.Scale(domain=list(PART_LABELS), range=style.colours(["label_on_fill", "text"]))
            ),
        )
    )
    ranges = table[table["total_battery_low"].notna()]
    above = -(BAR_THICKNESS // 2 + 5)  # the battery's range runs just above the electric car's bar, its label above that
    whisker = (
        alt.Chart(ranges)
        .mark_rule(strokeWidth=2, color=style.colour("annotation"), yOffset=above)
        .encode(
            x="total_battery_low:Q",
            x2="total_battery_high:Q",
            y=y,
            tooltip=[
                alt.Tooltip("total_battery_low:Q", format=".1f", title=tr("total, battery at ICCT's low end")),
                alt.Tooltip("total_battery_high:Q", format=".1f", title=tr("total, battery at ICCT's high end")),
            ],
        )
    )
    range_label = (
        alt.Chart(ranges.assign(range_text=tr(BATTERY_RANGE)))
        .mark_text(align="right", dy=above - 9, fontSize=LABEL_PX - 1, color=style.colour("annotation"))
        .encode(x="total_battery_high:Q", y=y, text="range_text:N")
    )
    totals = (
        alt.Chart(table.assign(total_text=[rounded(v) for v in table["total"]]))
        .mark_text(align="left", dx=5, fontSize=LABEL_PX + 1, fontWeight="bold", color=style.colour("annotation"))
        .encode(x="total:Q", y=y, text="total_text:N")
    )
    chart = alt.layer(bars, parts, whisker, range_label, totals).resolve_scale(color="independent")
    return chart.properties(height=alt.Step(BAR_STEP + 12))


def break_even_chart(lines: pd.DataFrame, years: pd.DataFrame, country: str, crossing: float, crossing_g_per_km: float) -> alt.LayerChart:
    """Each car's g/km across grid intensities, named at the line's right end; ICCT's battery range as a band;
    points mark ``country``'s years (in its place colour); a rule marks the break-even with the hybrid."""
    x = alt.X("grid_g_per_kwh:Q", title=tr("Grid carbon intensity (g CO2e per kWh generated)"))
    y = alt.Y("g_per_km:Q", title=tr("g CO2(e) per km (derived)"), scale=alt.Scale(zero=True))
    annotation = style.colour("annotation")
    place = style.colour(style.place_role(country))
    if place == style.colour("electric"):  # Norway's green would vanish on the electric car's green line
        place = style.colour("emphasis")
    ends = lines[lines["series"].isin([ELECTRIC_LOW, ELECTRIC_HIGH])]
    band = ends.pivot_table(index="grid_g_per_kwh", columns="series", values="g_per_km").reset_index()
    band = band.rename(columns={ELECTRIC_LOW: "low", ELECTRIC_HIGH: "high"})
    area = (
        alt.Chart(band)
        .mark_area(opacity=0.15, color=style.colour("electric"))
        .encode(
            x=x,
            y=alt.Y("low:Q", title=tr("g CO2(e) per km (derived)")),
            y2="high:Q",
            tooltip=[alt.Tooltip("grid_g_per_kwh:Q", title=tr("g per kWh"))],
        )
    )
    shown_lines = translated(LINES)
    drawn = lines[lines["series"].isin(LINES)]
    line = (
        alt.Chart(drawn.assign(series=drawn["series"].map(tr)))
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "series:N", legend=None, scale=alt.Scale(domain=shown_lines, range=style.colours(LINE_ROLES[name] for name in LINES))
            ),
            strokeDash=alt.StrokeDash("series:N", legend=None, scale=alt.Scale(domain=shown_lines, range=LINE_DASH)),
            tooltip=[
                "series:N",
                alt.Tooltip("grid_g_per_kwh:Q", title=tr("g per kWh")),
                alt.Tooltip("g_per_km:Q", format=".1f", title=tr("g/km")),
            ],
        )
    )
    right_end = drawn[drawn["grid_g_per_kwh"] == drawn["grid_g_per_kwh"].max()]
    line_colour = alt.Color(
        "series:N", legend=None, scale=alt.Scale(domain=shown_lines, range=style.colours(LINE_ROLES[name] for name in LINES))
    )
    # the lowest electric line is named at its middle, under it: its right end runs past the country's points
    middle = drawn[drawn["series"] == ELECTRIC_USE_PHASE].groupby("series", as_index=False)[["grid_g_per_kwh", "g_per_km"]].mean()
    right_end = right_end.assign(series=right_end["series"].map(tr))
    middle = middle.assign(series=middle["series"].map(tr))
    names = [
        alt.Chart(right_end[right_end["series"] != tr(ELECTRIC_USE_PHASE)])
        .mark_text(align="right", dx=-2, dy=-9, fontSize=LABEL_PX)
        .encode(x=x, y=y, text="series:N", color=line_colour),
        alt.Chart(middle).mark_text(align="left", dx=4, dy=14, fontSize=LABEL_PX).encode(x=x, y=y, text="series:N", color=line_colour),
    ]
    band_end = band[band["grid_g_per_kwh"] == band["grid_g_per_kwh"].max()].assign(band_text=tr(BATTERY_RANGE))
    band_name = (
        alt.Chart(band_end)
        .mark_text(align="right", dx=-2, dy=14, fontSize=LABEL_PX - 1, color=annotation)
        .encode(x=x, y=alt.Y("high:Q"), text="band_text:N")
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
                alt.Tooltip("grid_g_per_kwh:Q", title=tr("g per kWh")),
                alt.Tooltip("g_per_km:Q", format=".1f", title=tr("electric, g/km")),
            ],
        )
    )
    years_text = alt.Chart(years).mark_text(dy=14, fontSize=LABEL_PX, color=annotation).encode(x=x, y=y, text="label:N")
    layers = [area, line, *names, band_name, points, years_text]
    if crossing > 0:
        mark = pd.DataFrame(
            [
                {
                    "grid_g_per_kwh": crossing,
                    "g_per_km": crossing_g_per_km,
                    "text": tr("break-even: {intensity}").format(intensity=text.about(crossing, N_("g/kWh"))),
                }
            ]
        )
        layers.append(alt.Chart(mark).mark_rule(strokeDash=[4, 4], color=annotation).encode(x=x))
        layers.append(
            alt.Chart(mark).mark_text(align="left", dx=5, fontSize=LABEL_PX, color=annotation).encode(x=x, y=alt.value(10), text="text:N")
        )
    return alt.layer(*layers).properties(height=360)


# --- sensitivity --------------------------------------------------------------------------------------------


def tornado_chart(result: pd.DataFrame) -> alt.LayerChart:
    """Bars from the answer at an input's low value to its answer at its high value, each end labelled with the
    input's value; biggest swing on top; dashed rule: the inputs as chosen; red rule: zero (the two cars equal); a diamond
    on zero, labelled with the input's value there, where a bar crosses it (the answer flips)."""
    order = result["label"].tolist()
    basis = tr(RANGE_BASIS)  # a field shown by its name in the tooltip: the name in the page's language
    shown = result.assign(
        low_text=result["low"].map(number),
        high_text=result["high"].map(number),
        left=result[["output_low", "output_high"]].min(axis=1),
        right=result[["output_low", "output_high"]].max(axis=1),
        unit=result["unit"].map(shown_words),
        **{RANGE_BASIS: result[RANGE_BASIS].map(shown_words)},
    ).rename(columns={RANGE_BASIS: basis})
    shown["left_text"] = shown.apply(lambda r: r["low_text"] if r["output_low"] <= r["output_high"] else r["high_text"], axis=1)
    shown["right_text"] = shown.apply(lambda r: r["high_text"] if r["output_low"] <= r["output_high"] else r["low_text"], axis=1)
    y = alt.Y("label:N", title=None, sort=order, axis=alt.Axis(labelLimit=190))
    x = alt.X("left:Q", title=tr("Electric minus hybrid (g/km)"), scale=alt.Scale(padding=28))  # room for the end labels
    bars = (
        alt.Chart(shown)
        .mark_bar(color=style.colour("neutral"), height=16)
        .encode(
            x=x,
            x2="right:Q",
            y=y,
            tooltip=[
                alt.Tooltip("label:N", title=tr("input")),
                alt.Tooltip("low_text:N", title=tr("low value")),
                alt.Tooltip("high_text:N", title=tr("high value")),
                "unit:N",
                alt.Tooltip("output_low:Q", format="+.1f", title=tr("answer at low (g/km)")),
                alt.Tooltip("output_high:Q", format="+.1f", title=tr("answer at high (g/km)")),
                f"{basis}:N",
            ],
        )
    )
    left = alt.Chart(shown).mark_text(align="right", dx=-4, fontSize=LABEL_PX).encode(x="left:Q", y=y, text="left_text:N")
    right = alt.Chart(shown).mark_text(align="left", dx=4, fontSize=LABEL_PX).encode(x="right:Q", y=y, text="right_text:N")
    base = shown.head(1).assign(
        base_text=lambda f: [tr("inputs as chosen: {answer}").format(answer=text.rounded(v, FIGURES)) for v in f["base"]]
    )
    base_rule = alt.Chart(base).mark_rule(color=style.colour("annotation"), strokeDash=[4, 3]).encode(x="base:Q")
    base_label = (
        alt.Chart(base)
        .mark_text(dy=-8, fontSize=LABEL_PX - 1, color=style.colour("annotation"))
        .encode(x="base:Q", y=alt.value(0), text="base_text:N")
    )
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color=style.colour("zero_rule"), strokeWidth=2).encode(x="zero:Q")
    layers = [bars, left, right, base_rule, base_label, zero]
    # where the answer flips: the bar crosses zero there; the input's value at that point written above the crossing
    flips = shown[shown["flips_at"].notna()] if "flips_at" in shown else shown.head(0)
    if not flips.empty:
        flips = flips.assign(zero=0.0, flip_text=[tr("flips at {value}").format(value=number(v)) for v in flips["flips_at"]])
        layers.append(
            alt.Chart(flips)
            .mark_point(shape="diamond", filled=True, size=70, color=style.colour("zero_rule"))
            .encode(x="zero:Q", y=y, tooltip=[alt.Tooltip("label:N", title=tr("input")), alt.Tooltip("flip_text:N", title=tr("answer"))])
        )
        layers.append(
            alt.Chart(flips)
            .mark_text(align="left", dx=6, dy=-11, fontSize=LABEL_PX - 1, color=style.colour("annotation"))
            .encode(x="zero:Q", y=y, text="flip_text:N")
        )
    return alt.layer(*layers).properties(height=alt.Step(BAR_STEP - 8))


# --- prices -------------------------------------------------------------------------------------------------


def price_points_chart(points: pd.DataFrame) -> alt.LayerChart:
    """Japan's household electricity prices as points only (no line: the years are not one series); the
    government's national figures, which the title quotes, labelled.

    The colour tells the sources apart and means nothing more, so it is the theme's category palette.
    """
    x = alt.X(
        "year:Q",
        title=tr("Year (fiscal or calendar: see the table)"),
        axis=alt.Axis(format="d", tickMinStep=1),
        scale=alt.Scale(zero=False, padding=12),
    )
    y = alt.Y("value:Q", title=tr("Household electricity price (yen per kWh)"), scale=alt.Scale(zero=True))
    dots = (
        alt.Chart(points.assign(area=points["area"].map(tr)))
        .mark_point(size=90, strokeWidth=2, filled=True)
        .encode(
            x=x,
            y=y,
            color=alt.Color("series:N", title=tr("Source (area)"), legend=alt.Legend(columns=1, labelLimit=320)),
            shape=alt.Shape(
                "figure:N",
                legend=None,  # the subtitle names the one derived point's diamond: one legend fits a phone
                scale=alt.Scale(domain=translated(list(tables.FIGURE_WORDS.values())), range=["circle", "diamond"]),
            ),
            tooltip=[
                "year:Q",
                alt.Tooltip("value:Q", title=tr("Yen per kWh")),
                alt.Tooltip("area:N", title=tr("Area")),
                alt.Tooltip("year_type:N", title=tr("Kind of year")),
                "producer:N",
                alt.Tooltip("figure:N", title=tr("Figure")),
            ],
        )
    )
    quoted = tables.anre_unit_prices(points).assign(area=lambda f: f["area"].map(tr), label=lambda f: [f"{v:g}" for v in f["value"]])
    labels = alt.Chart(quoted).mark_text(align="right", dx=-9, fontSize=LABEL_PX, fontWeight="bold").encode(x=x, y=y, text="label:N")
    return alt.layer(dots, labels)


def cross_country_chart(rows: pd.DataFrame) -> alt.LayerChart:
    """Each country's household price implied by its bill, the figure beside its point: Japan in its place
    colour, the others for comparison."""
    shown = rows.assign(japan=rows["country"] == JAPAN, label=[f"{v:g}" for v in rows["value"]], country=rows["country"].map(tr))
    y = alt.Y("country:N", title=None, sort="-x")
    x = alt.X("value:Q", title=tr("Yen per kWh, implied by the bill (derived)"), scale=alt.Scale(zero=True))
    colour = alt.Color("japan:N", legend=None, scale=alt.Scale(domain=[True, False], range=style.colours(["japan", "context"])))
    dots = (
        alt.Chart(shown)
        .mark_point(size=110, filled=True, opacity=1)
        .encode(x=x, y=y, color=colour, tooltip=["country:N", "year:Q", "value:Q"])
    )
    ink = alt.Color(
        "japan:N", legend=None, scale=alt.Scale(domain=[True, False], range=style.colours(["japan", "text"]))
    )  # readable labels
    labels = alt.Chart(shown).mark_text(align="left", dx=9, fontSize=LABEL_PX).encode(x=x, y=y, text="label:N", color=ink)
    return alt.layer(dots, labels).resolve_scale(color="independent").properties(height=alt.Step(28))


# --- the in-page calculator -----------------------------------------------------------------------------------


def signal_of(field: str, names: list[str], suffix: str = "") -> str:
    """A Vega expression giving, for each row, the signal its ``field`` names (``suffix`` appended): the bars'
    lengths and labels are the calculator's outputs, computed in the page."""
    expression = "0" if not suffix else "''"
    for name in reversed(names):
        expression = f"datum.{field} === '{name}' ? {name}{suffix} : ({expression})"
    return expression


def calculator_chart(segments: list[tuple[str, str, str]], totals: dict[str, str]) -> alt.LayerChart:
    """Stacked bars (in use + battery) per car, each bar sized by a calculator output's signal, each total written
    at the bar's end as the page formats it. ``segments``: (car, part, output) per bar segment; ``totals``: car ->
    the output of its total. The colours are the per-km chart's; the two parts are named in a legend (their widths
    change as the reader moves the inputs: a label inside a segment would not always fit)."""
    rows = pd.DataFrame(
        [
            {"label": tr(CAR_LABELS[car]), "part": tr(PART_LABELS[part]), "output": output, "order": order}
            for order, (car, part, output) in enumerate(segments)
        ]
    )
    ends = pd.DataFrame([{"label": tr(CAR_LABELS[car]), "output": output} for car, output in totals.items()])
    y = alt.Y("label:N", title=None, sort=translated(list(CAR_LABELS.values())), axis=alt.Axis(labelLimit=160))
    # the longest bar ends TOTAL_LABEL_PX short of the drawing's right edge, at any width: room for its total
    longest = f"max({', '.join(totals.values())})"
    scale = alt.Scale(domainMin=0, domainMax={"expr": f"{longest} * width / max(width - {TOTAL_LABEL_PX}, 1)"})
    x = alt.X("g_per_km:Q", title=tr("g CO2(e) per km (derived)"), stack="zero", scale=scale)
    parts = [tr(PART_LABELS[part]) for part in PART_LABELS]
    bars = (
        alt.Chart(rows)
        .transform_calculate(g_per_km=signal_of("output", rows["output"].tolist()))
        .mark_bar(height=BAR_THICKNESS)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "part:N",
                title=tr("Emissions from"),
                sort=parts,
                scale=alt.Scale(domain=parts, range=style.colours(PART_ROLES[part] for part in PART_LABELS)),
            ),
            order=alt.Order("order:Q"),
            tooltip=[
                alt.Tooltip("label:N", title=tr("Car")),
                alt.Tooltip("part:N", title=tr("Part")),
                alt.Tooltip("g_per_km:Q", format=".1f", title=tr("g/km")),
            ],
        )
    )
    names = ends["output"].tolist()
    written = (
        alt.Chart(ends)
        .transform_calculate(total=signal_of("output", names), total_text=signal_of("output", names, "_text"))
        .mark_text(align="left", dx=5, fontSize=LABEL_PX + 1, fontWeight="bold", color=style.colour("annotation"))
        .encode(x=alt.X("total:Q", title=tr("g CO2(e) per km (derived)"), scale=scale), y=y, text="total_text:N")
    )
    return alt.layer(bars, written).properties(height=alt.Step(BAR_STEP))
