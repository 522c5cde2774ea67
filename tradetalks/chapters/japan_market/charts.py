"""The page's charts: the nested market split, brands, footprints to scale, claims over time, Jeep/GM/Ford.

Colours come from ``tradetalks.style`` roles: a place (Japan, the U.S., Europe's brands) always takes its
place's colour; the U.S. makers and the market's segments have roles of their own.
"""

from __future__ import annotations

import re

import altair as alt
import pandas as pd

from tradetalks import i18n, style, text
from tradetalks.i18n import N_, tr

from . import history, sizes, tables, words

LABEL_CHAR_PX = 6.6  # approximate width of one character of an 11 px bold label
LABEL_CHAR_PX_BY_LANGUAGE = {"ja": 11.0}  # a Japanese character is as wide as the label is high
LOG_TICKS = [100, 300, 1000, 3000, 10000, 30000, 100000, 300000]
NAME_ROOM = 80  # px right of the last year, for a maker's name and figure
LEGEND_COLUMNS = {"expr": "width < 420 ? 1 : 2"}  # a legend of long entries: one column on a phone, two on a wider screen
# a segment's legend entry: its share of what its bar splits (whole messages: 'of all' is not 'all' everywhere)
LEGEND_OF = (N_("{segment}: {share} of all"), N_("{segment}: {share} of foreign brands"), N_("{segment}: {share} of U.S. brands"))
PARKING_SPACE, KEI_OUTLINE = N_("typical mechanical-parking space"), N_("kei class limit (outline)")

# The split's segments (by segment_id) and the U.S. makers (by brand_id) -> colour role.
SEGMENT_ROLES = {
    "kei": "kei_vehicles",
    "japanese_registered": "japan",
    "foreign": "foreign_brands",
    "other_foreign": "other_foreign_brands",
    "us_brands": "united_states",
    tables.JEEP: "jeep",
    tables.CHEVROLET: "chevrolet",
    tables.CADILLAC: "cadillac",
    "other_us": "other_us_brands",
}
MAKER_ROLES = {tables.JEEP: "jeep", tables.GM_BRANDS: "gm", tables.FORD: "ford"}
ORIGIN_ROLES = {tables.GERMANY: "germany", tables.UNITED_STATES: "united_states", tables.OTHER: "other_place"}
KIND_ROLES = {
    sizes.JAPANESE_BESTSELLER: "japan",
    sizes.BUILT_IN_US: "us_built_japanese_brand",
    sizes.US_BRAND: "united_states",
    sizes.OTHER_MODEL: "other_place",
}
# nontariff_barrier_claims.stance -> colour role and point shape.
STANCE_ROLES = {
    "asserts_barrier": "asserts_barrier",
    "disputes_barrier": "disputes_barrier",
    "policy_action": "policy_action",
    "agreement_term": "agreement_term",
    "data_point": "background_evidence",
}
STANCE_SHAPES = ["triangle-up", "circle", "square", "diamond", "cross"]


def _inside_label(share: str, named: str, bare: str) -> str:
    """A Vega expression: the segment's name and share if they fit inside it at the chart's drawn width, else the share
    alone, else nothing (the legend names every segment). The chart follows its container, so this is decided on screen."""
    room = f"({share}) * width - 10"
    char = LABEL_CHAR_PX_BY_LANGUAGE.get(i18n.current(), LABEL_CHAR_PX)
    return f"{room} > length({named}) * {char} ? {named} : ({room} > length({bare}) * {char} ? {bare} : '')"


def nested_chart(split: tables.MarketSplit, note: str = "") -> alt.LayerChart:
    """Stacked bars, one per level; each bar zooms into the last segment of the bar above (shares of that bar).

    Each bar's title sits above its right end; segment labels appear inside a segment only where they fit at the width the
    chart is drawn; shares are derived, so they are given to two significant figures. ``note`` (e.g. Japan's tariff on
    cars) is written under the picture.
    """
    table = tables.split_table(split)
    bar_h, gap = 1.0, 0.9
    pieces, links, colours = [], [], []
    for level, rows in table.groupby(split.rows["level"], sort=True):
        top = -level * (bar_h + gap)
        start = 0.0
        shares = 100 * rows["units"] / rows["units"].sum()  # unrounded, for the labels' two significant figures
        for index, row in rows.iterrows():
            colours.append(style.colour(SEGMENT_ROLES[split.rows.loc[index, "segment_id"]]))
            width = shares[index] / 100
            share = text.pct(shares[index], 2)
            pieces.append(
                {
                    **row.to_dict(),
                    "level": level,
                    "x0": start,
                    "x1": start + width,
                    "y0": top - bar_h,
                    "y1": top,
                    "fraction": width,
                    "named": tr("{segment}: {share}").format(segment=row["segment"], share=share),
                    "bare": share,
                    "legend": (
                        tr(LEGEND_OF[level]).format(segment=row["segment"], share=share)
                        if level < len(LEGEND_OF)
                        else tr("{segment}: {share} of {whole}").format(
                            segment=row["segment"], share=share, whole=tr(tables.LEVEL_TITLES[level])
                        )
                    ),
                }
            )
            start += width
    frame = pd.DataFrame(pieces)
    for level in range(1, split.levels):
        parent = frame[frame["level"] == level - 1].iloc[-1]  # the last segment of a bar is the one expanded below
        child_top = -level * (bar_h + gap)
        links.append({"x": parent["x0"], "x2": 0.0, "y": parent["y0"], "y2": child_top})
        links.append({"x": parent["x1"], "x2": 1.0, "y": parent["y0"], "y2": child_top})
    bottom = -(split.levels * (bar_h + gap)) + gap
    x_scale = alt.Scale(domain=[0, 1], nice=False)
    y_scale = alt.Scale(domain=[bottom - (0.6 if note else 0.0), 0.6], nice=False)
    colour = alt.Color(
        "legend:N",
        title=None,
        sort=list(frame["legend"]),
        scale=alt.Scale(domain=list(frame["legend"]), range=colours),
        legend=alt.Legend(orient="bottom", columns=LEGEND_COLUMNS, symbolType="square", labelLimit={"expr": "width - 20"}),
    )
    tooltip = [
        alt.Tooltip("segment:N", title=tr("Segment")),
        alt.Tooltip("units:Q", format=",.0f", title=tr("Vehicles")),
        alt.Tooltip("bare:N", title=tr("Share of this bar")),
        alt.Tooltip("share_of_market_pct:Q", format=".2f", title=tr("Share of all new vehicles (%)")),
        alt.Tooltip("how:N", title=tr("How obtained")),
    ]
    bars = (
        alt.Chart(frame)
        .mark_rect(stroke=style.colour("card"), strokeWidth=1)  # a gap of the card's colour between segments
        .encode(
            x=alt.X("x0:Q", axis=None, scale=x_scale),
            x2="x1:Q",
            y=alt.Y("y0:Q", axis=None, scale=y_scale),
            y2="y1:Q",
            color=colour,
            tooltip=tooltip,
        )
    )
    titles = (  # above each bar's right end: clear of the dashed lines, which leave the bar above from its right end
        alt.Chart(frame.drop_duplicates("level").assign(right=1.0))
        .mark_text(align="right", baseline="bottom", dy=-4, fontSize=12, fontWeight="bold")
        .encode(x=alt.X("right:Q", axis=None, scale=x_scale), y=alt.Y("y1:Q", axis=None, scale=y_scale), text="level_title:N")
    )
    labels = (
        alt.Chart(frame)
        .transform_calculate(
            xm="(datum.x0 + datum.x1) / 2",
            ym="(datum.y0 + datum.y1) / 2",
            inside=_inside_label("datum.fraction", "datum.named", "datum.bare"),
        )
        .mark_text(fontSize=11, color=style.colour("label_on_fill"), fontWeight="bold")
        .encode(x=alt.X("xm:Q", axis=None, scale=x_scale), y=alt.Y("ym:Q", axis=None, scale=y_scale), text="inside:N")
    )
    layers = [bars, titles, labels]
    if links:
        connectors = (
            alt.Chart(pd.DataFrame(links))
            .mark_rule(color=style.colour("outline"), strokeDash=[3, 3])
            .encode(x=alt.X("x:Q", axis=None, scale=x_scale), x2="x2:Q", y=alt.Y("y:Q", axis=None, scale=y_scale), y2="y2:Q")
        )
        layers.insert(0, connectors)
    if note:
        layers.append(
            alt.Chart(pd.DataFrame({"note": [note], "left": [0.0], "bottom": [bottom]}))
            .mark_text(align="left", baseline="top", dy=6, fontSize=12, fontWeight="bold", color=style.colour("emphasis"))
            .encode(x=alt.X("left:Q", axis=None, scale=x_scale), y=alt.Y("bottom:Q", axis=None, scale=y_scale), text="note:N")
        )
    return alt.layer(*layers).properties(height=80 * split.levels + 40)


def brand_chart(comparison: pd.DataFrame, us_total: float | None = None) -> alt.LayerChart:
    """Horizontal bars by brand, coloured by origin, each labelled with its count; approximate figures paler; a brand
    without a figure says so. ``us_total`` (all U.S. brands together) is drawn as a labelled dashed line."""
    shown = comparison.assign(
        text=comparison.apply(
            lambda r: r["note"] if pd.isna(r["units"]) else ("≈ " if r["approximate"] else "") + text.units(r["units"]),
            axis=1,
        ),
        position=comparison["units"].fillna(0),
        origin=comparison["origin"].map(tr),
    )
    y = alt.Y("label:N", sort=list(shown["label"]), title=None, axis=alt.Axis(labelLimit=160))
    origins = [origin for origin in tables.ORIGINS if tr(origin) in set(shown["origin"])]
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X("units:Q", title=tr("Registrations (vehicles)"), axis=alt.Axis(format=",.0f", tickCount={"expr": "ceil(width / 90)"})),
            y=y,
            color=alt.Color(
                "origin:N",
                title=None,
                scale=alt.Scale(domain=[tr(o) for o in origins], range=style.colours(ORIGIN_ROLES[o] for o in origins)),
                legend=alt.Legend(orient="bottom"),
            ),
            opacity=alt.Opacity("approximate:N", legend=None, scale=alt.Scale(domain=[False, True], range=[1.0, 0.45])),
            tooltip=[
                alt.Tooltip("brand_name:N", title=tr("Brand")),
                alt.Tooltip("units:Q", format=",.0f", title=tr("Registrations")),
                alt.Tooltip("qualifier:N", title=tr("Qualifier")),
                alt.Tooltip("scope:N", title=tr("Coverage")),
                alt.Tooltip("reported_by:N", title=tr("Reported by")),
            ],
        )
    )
    labels = alt.Chart(shown).mark_text(align="left", dx=4, fontSize=11).encode(x="position:Q", y=y, text="text:N")
    layers = [bars, labels]
    if us_total:
        # labelled in the last row, the smallest bar's, on the side of the line with more room
        line = pd.DataFrame(
            {
                "units": [us_total],
                "label": [shown["label"].iloc[-1]],
                "text": [tr("All U.S. brands together: {units}").format(units=text.units(us_total))],
            }
        )
        left_half = us_total < 0.5 * shown["position"].max()
        layers += [
            alt.Chart(line).mark_rule(strokeDash=[4, 3], color=style.colour("reference_rule"), strokeWidth=1.5).encode(x="units:Q"),
            alt.Chart(line)
            .mark_text(align="left" if left_half else "right", dx=4 if left_half else -4, fontSize=11, fontWeight="bold")
            .encode(x="units:Q", y=y, text="text:N"),
        ]
    return alt.layer(*layers).properties(height=alt.Step(30))


FOOTPRINT_HEIGHT = 420  # px: the drawing fits this height and the chart's width, whichever is tighter
FOOTPRINT_COLUMNS = "(width < 560 ? 2 : 3)"  # panels per row: two on a phone, three on a wider screen


def _short_verdict(verdict: str) -> str:
    """'no: 1,414 mm too long, 232 mm too wide' -> 'too long, too wide'; 'yes (height not in the data)' -> 'fits' (in the
    page's language)."""
    if verdict.startswith("yes"):
        return tr("fits")
    return words.commas(sizes.reason_words(re.sub(r"^[\d,.]+ mm ", "", part)) for part in verdict.removeprefix("no: ").split(", "))


def footprint_chart(shapes: pd.DataFrame, structural: pd.DataFrame) -> alt.LayerChart:
    """Footprints drawn to scale: each model centred in a typical mechanical-parking space (grey), with the kei class
    limit as a dashed outline; above each, its name and whether it fits (the sizes are in the tooltip and the table).

    The panels are laid out on screen: two per row on a phone, three on a wider screen, and one scale (pixels per
    millimetre, the same across and down) fits the whole drawing into the chart's width and ``FOOTPRINT_HEIGHT``, so the
    drawing follows its container and stays to scale while its text keeps its size.
    """
    parking, kei = sizes.parking_space(structural), sizes.kei_class(structural)
    longest = max([parking["length"], kei["length"], *shapes["length_mm"]])
    widest = max([parking["width"], kei["width"], *shapes["width_mm"]])
    margin, label_space, footer = 350.0, 1500.0, 1100.0  # mm: around a panel, above it for two lines of text, under all
    cell_w, cell_h = longest + 2 * margin, widest + label_space + margin
    boxes = []
    for index, (_, shape) in enumerate(shapes.iterrows()):
        # 'Toyota Tundra (longer)': short enough for a panel on a phone
        configuration = shape["label"].removeprefix(shape["model"] + ", ").removesuffix(" configuration")
        name = tr("{model} ({configuration})").format(model=words.data(shape["model"]), configuration=words.data(configuration))
        name = words.data(shape["model"]) if shape["label"] == shape["model"] else name
        title = f"{name}\n{_short_verdict(sizes.verdict(shape, parking))}"
        for layer, length, width, category in (
            ("parking", parking["length"], parking["width"], tr(PARKING_SPACE)),
            ("model", shape["length_mm"], shape["width_mm"], tr(shape["kind"])),
            ("kei", kei["length"], kei["width"], tr(KEI_OUTLINE)),
        ):
            boxes.append(
                {
                    "panel": index,
                    "model": sizes.label_words(shape["label"]),
                    "layer": layer,
                    "category": category,
                    "half_length": length / 2,
                    "half_width": width / 2,
                    "length_mm": length,
                    "width_mm": width,
                    "approximate": bool(shape["approximate"]) and layer == "model",
                    "converted": shape["how"].startswith("derived") and layer == "model",
                    "title": title,
                }
            )
    frame = pd.DataFrame(boxes)
    count = len(shapes)
    # Millimetres -> pixels, worked out on screen from the chart's drawn width and height (Vega's width and height).
    scale = f"min(width / ({FOOTPRINT_COLUMNS} * {cell_w}), height / (ceil({count} / {FOOTPRINT_COLUMNS}) * {cell_h} + {footer}))"
    layout = {
        "k": scale,
        "column": f"datum.panel % {FOOTPRINT_COLUMNS}",
        "row": f"floor(datum.panel / {FOOTPRINT_COLUMNS})",
    }
    centre = {
        "cx": f"(datum.column + 0.5) * {cell_w}",
        "cy": f"datum.row * {cell_h} + {label_space} + {widest / 2}",
    }
    corners = {
        "x0": "(datum.cx - datum.half_length) * datum.k",
        "x1": "(datum.cx + datum.half_length) * datum.k",
        "y0": "(datum.cy - datum.half_width) * datum.k",
        "y1": "(datum.cy + datum.half_width) * datum.k",
        "tx": f"(datum.column * {cell_w} + {margin}) * datum.k",
        "ty": f"(datum.row * {cell_h} + {label_space * 0.12}) * datum.k",
    }

    def placed(chart: alt.Chart) -> alt.Chart:
        return chart.transform_calculate(**layout).transform_calculate(**centre).transform_calculate(**corners)

    x, y = alt.X("x0:Q", scale=None, axis=None), alt.Y("y0:Q", scale=None, axis=None)
    kinds = [k for k in sizes.KINDS if k in set(shapes["kind"])]
    colour = alt.Color(
        "category:N",
        title=None,
        scale=alt.Scale(
            domain=[tr(PARKING_SPACE), *(tr(kind) for kind in kinds)],
            range=style.colours(["background", *(KIND_ROLES[k] for k in kinds)]),
        ),
        legend=alt.Legend(orient="bottom", symbolType="square", columns=LEGEND_COLUMNS, labelLimit=0),
    )
    tooltip = [
        alt.Tooltip("model:N", title=tr("Model")),
        alt.Tooltip("category:N", title=tr("Shape")),
        alt.Tooltip("length_mm:Q", format=",.0f", title=tr("Length (mm)")),
        alt.Tooltip("width_mm:Q", format=",.0f", title=tr("Width (mm)")),
        alt.Tooltip("approximate:N", title=tr("Approximate")),
        alt.Tooltip("converted:N", title=tr("Converted from inches")),
    ]
    base = placed(alt.Chart(frame))
    ink = style.colour("annotation")
    slot = (
        base.transform_filter("datum.layer == 'parking'")
        .mark_rect(stroke=style.colour("context"))
        .encode(x=x, x2="x1:Q", y=y, y2="y1:Q", color=colour, tooltip=tooltip)
    )
    car = (
        base.transform_filter("datum.layer == 'model'")
        .mark_rect(opacity=0.8, stroke=ink, strokeWidth=0.8)
        .encode(x=x, x2="x1:Q", y=y, y2="y1:Q", color=colour, tooltip=tooltip)
    )
    kei_box = (  # a class limit: a threshold, dashed
        base.transform_filter("datum.layer == 'kei'")
        .mark_rect(fillOpacity=0, stroke=ink, strokeDash=[4, 3], strokeWidth=1.2)
        .encode(x=x, x2="x1:Q", y=y, y2="y1:Q", tooltip=tooltip)
    )
    slot_outline = (
        base.transform_filter("datum.layer == 'parking'")
        .mark_rect(fillOpacity=0, stroke=style.colour("reference_rule"), strokeWidth=1.2)
        .encode(x=x, x2="x1:Q", y=y, y2="y1:Q", tooltip=tooltip)
    )
    titles = (
        base.transform_filter("datum.layer == 'model'")
        .mark_text(align="left", baseline="top", fontSize=11, lineBreak="\n", lineHeight=13)
        .encode(x=alt.X("tx:Q", scale=None, axis=None), y=alt.Y("ty:Q", scale=None, axis=None), text="title:N")
    )
    key = tr("Grey: parking space, {length} × {width} mm\nDashed: kei limit, {kei_length} × {kei_width} mm").format(
        length=f"{parking['length']:,.0f}",
        width=f"{parking['width']:,.0f}",
        kei_length=f"{kei['length']:,.0f}",
        kei_width=f"{kei['width']:,.0f}",
    )
    footer_rows = pd.DataFrame({"panel": [0], "text": [tr("1 m")], "key": [key]})
    footer_layout = {
        "bar_y": f"(ceil({count} / {FOOTPRINT_COLUMNS}) * {cell_h} + {footer / 2}) * datum.k",
        "bar_x0": f"{margin} * datum.k",
        "bar_x1": f"{margin + 1000.0} * datum.k",
    }
    at_foot = alt.Chart(footer_rows).transform_calculate(**layout).transform_calculate(**footer_layout)
    bar_y = alt.Y("bar_y:Q", scale=None, axis=None)
    scale_bar = at_foot.mark_rule(strokeWidth=2, color=ink).encode(x=alt.X("bar_x0:Q", scale=None, axis=None), x2="bar_x1:Q", y=bar_y)
    scale_text = at_foot.mark_text(align="left", dx=4, baseline="middle", fontSize=11).encode(
        x=alt.X("bar_x1:Q", scale=None, axis=None), y=bar_y, text="text:N"
    )
    key_text = at_foot.mark_text(align="left", baseline="middle", fontSize=11, color=ink, lineBreak="\n", dx=34).encode(
        x=alt.X("bar_x1:Q", scale=None, axis=None), y=bar_y, text="key:N"
    )
    return alt.layer(slot, car, slot_outline, kei_box, titles, scale_bar, scale_text, key_text).properties(height=FOOTPRINT_HEIGHT)


def claims_chart(timeline: pd.DataFrame) -> alt.LayerChart:
    """One group per year that has an entry (other years are skipped, so time is not to scale), one row per kind of actor;
    the three milestones ringed and labelled."""
    centres = timeline.groupby("year")["position"].agg(lambda p: (p.min() + p.max()) / 2)
    edges = timeline.groupby("year")["position"].agg(["min", "max"])
    separators = pd.DataFrame({"position": ((edges["max"] + edges["min"].shift(-1)) / 2).dropna()})
    ticks = list(centres.round(3))
    names = {f"{value:g}": str(year) for year, value in zip(centres.index, ticks, strict=True)}
    label_expr = " : ".join(f"datum.value == {value} ? '{year}'" for value, year in names.items()) + " : ''"
    domain = [float(timeline["position"].min()) - 0.8, float(timeline["position"].max()) + 0.8]
    x = alt.X(
        "position:Q",
        title=tr("Years with an entry (not to scale)"),
        scale=alt.Scale(domain=domain, nice=False, zero=False),
        axis=alt.Axis(values=ticks, labelExpr=label_expr, grid=False, labelAngle=0, labelOverlap="greedy", labelSeparation=8),
    )
    y = alt.Y("actor:N", title=None, scale=alt.Scale(domain=history.actors()))
    stances = [tr(label) for label in history.STANCE_LABELS.values()]
    stance = alt.Color(
        "stance_label:N",
        title=None,
        scale=alt.Scale(domain=stances, range=style.colours(STANCE_ROLES[s] for s in history.STANCE_LABELS)),
        legend=alt.Legend(orient="bottom", columns=LEGEND_COLUMNS),
    )
    shape = alt.Shape("stance_label:N", title=None, scale=alt.Scale(domain=stances, range=STANCE_SHAPES))
    tooltip = [
        alt.Tooltip("date:N", title=tr("Date")),
        alt.Tooltip("claimant:N", title=tr("Claimant")),
        alt.Tooltip("stance_label:N", title=tr("Stance")),
        alt.Tooltip("claim_summary:N", title=tr("Claim or action")),
        alt.Tooltip("evidence_or_figure:N", title=tr("Evidence or figure given")),
    ]
    rules = alt.Chart(separators).mark_rule(color=style.colour("gridline")).encode(x=alt.X("position:Q", scale=x.to_dict()["scale"]))
    points = (
        alt.Chart(history.claims_in_words(timeline))
        .mark_point(filled=True, opacity=0.9)
        .encode(
            x=x,
            y=y,
            color=stance,
            shape=shape,
            size=alt.condition("datum.milestone != ''", alt.value(200), alt.value(70)),
            tooltip=tooltip,
        )
    )
    milestones = timeline[timeline["milestone"] != ""].sort_values("start", kind="stable")
    rings = alt.Chart(milestones).mark_point(size=520, color=style.colour("emphasis"), strokeWidth=1.5).encode(x=x, y=y)
    # A label runs towards the middle of the chart from its point (rightwards in the left half), and two milestones of
    # one kind of actor take turns above and below their row, so labels do not collide on a narrow screen.
    left_half = milestones["position"] < sum(domain) / 2
    above = milestones.groupby("actor").cumcount() % 2 == 0
    labels = [
        alt.Chart(milestones[(left_half == left) & (above == up)])
        .mark_text(align="left" if left else "right", dx=8 if left else -8, dy=-18 if up else 20, fontSize=11, fontWeight="bold")
        .encode(x=x, y=y, text="milestone:N")
        for left in (True, False)
        for up in (True, False)
        if ((left_half == left) & (above == up)).any()
    ]
    return alt.layer(rules, points, rings, *labels).properties(height=300)


def history_chart(by_maker: pd.DataFrame, events: pd.DataFrame, makers: dict[str, str]) -> alt.LayerChart:
    """Points by year (log scale: the makers differ by orders of magnitude); lines join consecutive years only; events as rules.

    Each maker is named at its last point with that figure (no legend), and GM's peak is labelled where it is.
    ``makers`` are brand_id -> the maker's name, in legend order (``history.history_makers``).
    """
    maker_scale = alt.Scale(domain=[words.data(name) for name in makers.values()], range=style.colours(MAKER_ROLES[m] for m in makers))
    colour = alt.Color("maker:N", title=None, scale=maker_scale, legend=None)
    first, last = int(by_maker["year"].min()) - 1, int(by_maker["year"].max())
    x = alt.X(
        "year:Q",
        title=None,
        axis=alt.Axis(format="d", values=list(range(-(-first // 5) * 5, last + 1, 5)), labelOverlap="greedy", labelSeparation=8),
        # room on the right for the names written beside the last points: NAME_ROOM pixels at whatever width is drawn
        scale=alt.Scale(domain={"expr": f"[{first}, {last} + {NAME_ROOM} * {last - first} / max(width - {NAME_ROOM}, 1)]"}, nice=False),
    )
    y = alt.Y(
        "units:Q",
        title=tr("Vehicles sold in Japan (log scale)"),
        scale=alt.Scale(type="log"),
        axis=alt.Axis(format=",.0f", values=[v for v in LOG_TICKS if v <= by_maker["units"].max() * 2]),
    )
    gm = by_maker[by_maker["maker"] == makers.get(tables.GM_BRANDS)]
    keys = by_maker["maker"]  # the lines' runs are numbered in the order of the makers' own names, in every edition
    by_maker = by_maker.assign(  # the words as the page shows them (the makers' names were the keys above)
        maker=by_maker["maker"].map(words.data),
        counted=[
            history.counted_words(cell, summed=how.startswith("derived"))
            for cell, how in zip(by_maker["counted"], by_maker["how"], strict=True)
        ],
        how=by_maker["how"].map(history.how_words),
        qualifier=by_maker["qualifier"].map(words.data),
        scope=by_maker["scope"].map(words.data),
    )
    gm = by_maker.loc[gm.index]
    segments = by_maker.assign(key=keys).sort_values(["key", "year"]).drop(columns="key")
    segments["run"] = (segments.groupby("maker")["year"].diff() != 1).cumsum()
    lines = alt.Chart(segments).mark_line().encode(x=x, y=y, color=colour, detail="run:N")
    tooltip = [
        alt.Tooltip("maker:N", title=tr("Maker")),
        alt.Tooltip("counted:N", title=tr("What is counted")),
        alt.Tooltip("year:Q", title=tr("Year")),
        alt.Tooltip("units:Q", format=",.0f", title=tr("Vehicles")),
        alt.Tooltip("how:N", title=tr("How obtained")),
        alt.Tooltip("qualifier:N", title=tr("Qualifier")),
        alt.Tooltip("scope:N", title=tr("Coverage")),
        alt.Tooltip("reported_by:N", title=tr("Reported by")),
    ]
    exact = (
        alt.Chart(by_maker[~by_maker["approximate"]])
        .mark_point(size=80, filled=True, opacity=1)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    approximate = (
        alt.Chart(by_maker[by_maker["approximate"]])
        .mark_point(size=80, filled=False, strokeWidth=2)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )

    def figure(row: pd.Series) -> str:
        return ("≈ " if row["approximate"] else "") + text.units(row["units"])

    last = by_maker.sort_values("year").groupby("maker").tail(1)
    last = last.assign(name=[tr("{maker} {figure}").format(maker=row["maker"], figure=figure(row)) for _, row in last.iterrows()])
    names = alt.Chart(last).mark_text(align="left", dx=8, fontSize=11, fontWeight="bold").encode(x=x, y=y, color=colour, text="name:N")
    layers = [lines, exact, approximate, names]
    if not gm.empty:
        peak = gm.sort_values("units").tail(1)
        peak = peak.assign(
            note=[
                tr("{maker}'s peak: {figure} ({year})").format(maker=row["maker"], figure=figure(row), year=int(row["year"]))
                for _, row in peak.iterrows()
            ]
        )
        layers.append(alt.Chart(peak).mark_text(align="left", dx=9, dy=2, fontSize=11).encode(x=x, y=y, color=colour, text="note:N"))
    events = events.assign(event=events["event"].map(tr))
    rules = alt.Chart(events).mark_rule(strokeDash=[4, 3], color=style.colour("reference_rule")).encode(x="year:Q")
    notes = alt.Chart(events).mark_text(align="left", dx=4, dy=-4, baseline="top", fontSize=11, y=4).encode(x="year:Q", text="event:N")
    return alt.layer(*layers, rules, notes).properties(height=300)
