"""The page's charts: the nested market split, brands, footprints to scale, claims over time, Jeep/GM/Ford.

Colours come from ``tradetalks.style`` roles: a place (Japan, the U.S., Europe's brands) always takes its
place's colour; the U.S. makers and the market's segments have roles of their own.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from tradetalks import style, text

from . import history, sizes, tables

NESTED_WIDTH = 470  # pixels; the level titles sit to the left of the bars
LABEL_CHAR_PX = 6.6  # approximate width of one character of an 11 px bold label
LOG_TICKS = [100, 300, 1000, 3000, 10000, 30000, 100000, 300000]

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


def nested_chart(split: tables.MarketSplit, note: str = "") -> alt.LayerChart:
    """Stacked bars, one per level; each bar zooms into the last segment of the bar above (shares of that bar).

    ``note`` (e.g. Japan's tariff on cars) is written at the top right, beside the picture.
    """
    table = tables.split_table(split)
    bar_h, gap = 1.0, 0.9
    pieces, links, colours = [], [], []
    for level, rows in table.groupby(split.rows["level"], sort=True):
        top = -level * (bar_h + gap)
        start = 0.0
        for index, row in rows.iterrows():
            colours.append(style.colour(SEGMENT_ROLES[split.rows.loc[index, "segment_id"]]))
            width = row["share_of_level_pct"] / 100
            named = f"{row['segment']}: {row['share_of_level_pct']:.1f}%"
            bare = f"{row['share_of_level_pct']:.1f}%"
            room = width * NESTED_WIDTH - 10  # pixels inside the segment
            inside = named if len(named) * LABEL_CHAR_PX < room else bare if len(bare) * LABEL_CHAR_PX < room else ""
            level_title = tables.LEVEL_TITLES[level].lower().replace("u.s.", "U.S.")
            legend = f"{row['segment']}: {row['share_of_level_pct']:.1f}% of {level_title}"
            pieces.append(
                {
                    **row.to_dict(),
                    "level": level,
                    "x0": start,
                    "x1": start + width,
                    "y0": top - bar_h,
                    "y1": top,
                    "inside": inside,
                    "legend": legend,
                }
            )
            start += width
    frame = pd.DataFrame(pieces)
    for level in range(1, split.levels):
        parent = frame[frame["level"] == level - 1].iloc[-1]  # the last segment of a bar is the one expanded below
        child_top = -level * (bar_h + gap)
        links.append({"x": parent["x0"], "x2": 0.0, "y": parent["y0"], "y2": child_top})
        links.append({"x": parent["x1"], "x2": 1.0, "y": parent["y0"], "y2": child_top})
    x_scale = alt.Scale(domain=[0, 1], nice=False)
    y_scale = alt.Scale(domain=[-(split.levels * (bar_h + gap)) + gap, 0.6], nice=False)
    colour = alt.Color(
        "legend:N",
        title=None,
        sort=list(frame["legend"]),
        scale=alt.Scale(domain=list(frame["legend"]), range=colours),
        legend=alt.Legend(orient="bottom", columns=2, symbolType="square", labelLimit=0),
    )
    tooltip = [
        alt.Tooltip("segment:N", title="Segment"),
        alt.Tooltip("units:Q", format=",.0f", title="Vehicles"),
        alt.Tooltip("share_of_level_pct:Q", format=".1f", title="Share of this bar (%)"),
        alt.Tooltip("share_of_market_pct:Q", format=".2f", title="Share of all new vehicles (%)"),
        alt.Tooltip("how:N", title="How"),
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
    titles = (
        alt.Chart(frame.drop_duplicates("level").assign(left=0.0, middle=lambda t: (t["y0"] + t["y1"]) / 2))
        .mark_text(align="right", baseline="middle", dx=-8, fontSize=12, fontWeight="bold")
        .encode(x=alt.X("left:Q", axis=None, scale=x_scale), y=alt.Y("middle:Q", axis=None, scale=y_scale), text="level_title:N")
    )
    labels = (
        alt.Chart(frame[frame["inside"] != ""])
        .transform_calculate(xm="(datum.x0 + datum.x1) / 2", ym="(datum.y0 + datum.y1) / 2")
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
            alt.Chart(pd.DataFrame({"note": [note], "right": [1.0], "top": [0.0]}))
            .mark_text(align="right", baseline="bottom", dy=-3, fontSize=12, fontWeight="bold", color=style.colour("emphasis"))
            .encode(x=alt.X("right:Q", axis=None, scale=x_scale), y=alt.Y("top:Q", axis=None, scale=y_scale), text="note:N")
        )
    return alt.layer(*layers).properties(width=NESTED_WIDTH, height=75 * split.levels + 30)


def brand_chart(comparison: pd.DataFrame) -> alt.LayerChart:
    """Horizontal bars by brand, coloured by origin; approximate figures paler; a brand without a figure says so."""
    shown = comparison.assign(
        text=comparison.apply(
            lambda r: r["note"] if pd.isna(r["units"]) else ("≈ " if r["approximate"] else "") + text.units(r["units"]),
            axis=1,
        ),
        position=comparison["units"].fillna(0),
    )
    y = alt.Y("label:N", sort=list(shown["label"]), title=None)
    origins = [origin for origin in tables.ORIGINS if origin in set(shown["origin"])]
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X("units:Q", title="Vehicles registered in the year", axis=alt.Axis(format=",.0f")),
            y=y,
            color=alt.Color(
                "origin:N",
                title=None,
                scale=alt.Scale(domain=origins, range=style.colours(ORIGIN_ROLES[o] for o in origins)),
            ),
            opacity=alt.Opacity("approximate:N", legend=None, scale=alt.Scale(domain=[False, True], range=[1.0, 0.45])),
            tooltip=["brand_name:N", alt.Tooltip("units:Q", format=",.0f"), "qualifier:N", "scope:N", "confidence:N", "source_key:N"],
        )
    )
    labels = alt.Chart(shown).mark_text(align="left", dx=4, fontSize=11).encode(x="position:Q", y=y, text="text:N")
    return alt.layer(bars, labels).properties(height=max(120, 26 * len(shown)))


def footprint_chart(shapes: pd.DataFrame, structural: pd.DataFrame, columns: int = 2, width_px: int = 600) -> alt.LayerChart:
    """Footprints drawn to scale (equal mm per pixel on both axes): each model centred in a typical mechanical-parking
    space (grey), with the kei class limit as a dashed outline."""
    parking, kei = sizes.parking_space(structural), sizes.kei_class(structural)
    longest = max([parking["length"], kei["length"], *shapes["length_mm"]])
    widest = max([parking["width"], kei["width"], *shapes["width_mm"]])
    margin = 350.0
    cell_w = longest + 2 * margin
    label_space = 1000.0
    cell_h = widest + label_space + margin
    count = len(shapes)
    rows_n = -(-count // columns)
    footer = 1000.0  # room for the scale bar and the key
    total_w, total_h = columns * cell_w, rows_n * cell_h + footer
    boxes = []
    for index, (_, shape) in enumerate(shapes.iterrows()):
        col, row = index % columns, index // columns
        cx = col * cell_w + cell_w / 2
        cy = total_h - row * cell_h - label_space - widest / 2
        approx = "≈ " if shape["approximate"] else ""
        title = f"{shape['label']}: {approx}{shape['length_mm']:,.0f} × {shape['width_mm']:,.0f} mm" + (
            " (derived)" if shape["how"].startswith("derived") else ""
        )
        for layer, length, width, category in (
            ("parking", parking["length"], parking["width"], "typical mechanical-parking space"),
            ("model", shape["length_mm"], shape["width_mm"], shape["kind"]),
            ("kei", kei["length"], kei["width"], "kei class limit (outline)"),
        ):
            boxes.append(
                {
                    "panel": shape["label"],
                    "layer": layer,
                    "category": category,
                    "x0": cx - length / 2,
                    "x1": cx + length / 2,
                    "y0": cy - width / 2,
                    "y1": cy + width / 2,
                    "length_mm": length,
                    "width_mm": width,
                    "title": title,
                    "tx": col * cell_w + margin,
                    "ty": cy + widest / 2 + 180,
                }
            )
    frame = pd.DataFrame(boxes)
    height_px = round(width_px * total_h / total_w)
    x_scale = alt.Scale(domain=[0, total_w], nice=False, zero=False)
    y_scale = alt.Scale(domain=[0, total_h], nice=False, zero=False)
    x = alt.X("x0:Q", axis=None, scale=x_scale)
    y = alt.Y("y0:Q", axis=None, scale=y_scale)
    kinds = [k for k in sizes.KINDS if k in set(shapes["kind"])]
    colour = alt.Color(
        "category:N",
        title=None,
        scale=alt.Scale(
            domain=["typical mechanical-parking space", *kinds],
            range=style.colours(["background", *(KIND_ROLES[k] for k in kinds)]),
        ),
        legend=alt.Legend(orient="bottom", symbolType="square", labelLimit=0),
    )
    tooltip = ["panel:N", "category:N", alt.Tooltip("length_mm:Q", format=",.0f"), alt.Tooltip("width_mm:Q", format=",.0f")]
    base = alt.Chart(frame)
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
        .mark_text(align="left", baseline="bottom", fontSize=11)
        .encode(x=alt.X("tx:Q", axis=None, scale=x_scale), y=alt.Y("ty:Q", axis=None, scale=y_scale), text="title:N")
    )
    key = (
        f"Grey box, solid outline: typical mechanical-parking space, {parking['length']:,.0f} × {parking['width']:,.0f} mm.\n"
        f"Dashed outline: kei class limit, {kei['length']:,.0f} × {kei['width']:,.0f} mm."
    )
    bar = pd.DataFrame(
        {"x0": [margin], "x1": [margin + 1000.0], "y0": [footer / 2], "text": ["1 m"], "key": [key], "kx": [margin + 1700.0]}
    )
    scale_bar = (
        alt.Chart(bar)
        .mark_rule(strokeWidth=2, color=ink)
        .encode(x=alt.X("x0:Q", axis=None, scale=x_scale), x2="x1:Q", y=alt.Y("y0:Q", axis=None, scale=y_scale))
    )
    scale_text = (
        alt.Chart(bar)
        .mark_text(align="left", dx=6, baseline="middle", fontSize=11)
        .encode(x=alt.X("x1:Q", axis=None, scale=x_scale), y=alt.Y("y0:Q", axis=None, scale=y_scale), text="text:N")
    )
    key_text = (
        alt.Chart(bar)
        .mark_text(align="left", baseline="middle", fontSize=11, color=ink, lineBreak="\n", dy=-6)
        .encode(x=alt.X("kx:Q", axis=None, scale=x_scale), y=alt.Y("y0:Q", axis=None, scale=y_scale), text="key:N")
    )
    return alt.layer(slot, car, slot_outline, kei_box, titles, scale_bar, scale_text, key_text).properties(width=width_px, height=height_px)


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
        title="Year (only years with an entry; time not to scale)",
        scale=alt.Scale(domain=domain, nice=False, zero=False),
        axis=alt.Axis(values=ticks, labelExpr=label_expr, grid=False, labelAngle=0),
    )
    y = alt.Y("actor:N", title=None, scale=alt.Scale(domain=history.ACTORS))
    stances = list(history.STANCE_LABELS.values())
    stance = alt.Color(
        "stance_label:N",
        title=None,
        scale=alt.Scale(domain=stances, range=style.colours(STANCE_ROLES[s] for s in history.STANCE_LABELS)),
        legend=alt.Legend(orient="bottom", columns=3),
    )
    shape = alt.Shape("stance_label:N", title=None, scale=alt.Scale(domain=stances, range=STANCE_SHAPES))
    tooltip = ["claim_id:N", "date:N", "claimant:N", "stance_label:N", "claim_summary:N", "evidence_or_figure:N", "source_key:N"]
    rules = alt.Chart(separators).mark_rule(color=style.colour("gridline")).encode(x=alt.X("position:Q", scale=x.to_dict()["scale"]))
    points = (
        alt.Chart(timeline)
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
    milestones = timeline[timeline["milestone"] != ""]
    rings = alt.Chart(milestones).mark_point(size=520, color=style.colour("emphasis"), strokeWidth=1.5).encode(x=x, y=y)
    labels = (
        alt.Chart(milestones).mark_text(align="right", dx=-4, dy=-18, fontSize=11, fontWeight="bold").encode(x=x, y=y, text="milestone:N")
    )
    return alt.layer(rules, points, rings, labels).properties(width=540, height=300)


def history_chart(by_maker: pd.DataFrame, events: pd.DataFrame, makers: dict[str, str]) -> alt.LayerChart:
    """Points by year (log scale: the makers differ by orders of magnitude); lines join consecutive years only; events as rules.

    ``makers`` are brand_id -> the maker's name, in legend order (``history.history_makers``).
    """
    maker_scale = alt.Scale(domain=list(makers.values()), range=style.colours(MAKER_ROLES[m] for m in makers))
    colour = alt.Color("maker:N", title=None, scale=maker_scale, legend=alt.Legend(orient="bottom"))
    x = alt.X(
        "year:Q",
        title="Year",
        axis=alt.Axis(format="d"),
        scale=alt.Scale(domain=[int(by_maker["year"].min()) - 1, int(by_maker["year"].max()) + 1]),
    )
    y = alt.Y(
        "units:Q",
        title="Vehicles sold in Japan (log scale)",
        scale=alt.Scale(type="log"),
        axis=alt.Axis(format=",.0f", values=[v for v in LOG_TICKS if v <= by_maker["units"].max() * 2]),
    )
    segments = by_maker.sort_values(["maker", "year"]).copy()
    segments["run"] = (segments.groupby("maker")["year"].diff() != 1).cumsum()
    lines = alt.Chart(segments).mark_line().encode(x=x, y=y, color=colour, detail="run:N")
    tooltip = ["maker:N", "counted:N", "year:Q", alt.Tooltip("units:Q", format=",.0f"), "how:N", "qualifier:N", "scope:N", "source_key:N"]
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
    last = by_maker.sort_values("year").groupby("maker").tail(1)
    names = alt.Chart(last).mark_text(align="left", dx=8, fontSize=11, fontWeight="bold").encode(x=x, y=y, color=colour, text="maker:N")
    rules = alt.Chart(events).mark_rule(strokeDash=[4, 3], color=style.colour("reference_rule")).encode(x="year:Q")
    notes = alt.Chart(events).mark_text(align="left", dx=4, dy=-4, baseline="top", fontSize=11, y=4).encode(x="year:Q", text="event:N")
    return alt.layer(lines, exact, approximate, names, rules, notes).properties(height=300)
