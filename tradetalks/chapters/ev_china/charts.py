"""The page's charts: EV shares by country, China's share of world sales, the battery ladder, carmakers' sales.

Lines carry their labels at their ends (name and latest figure) instead of a legend; the key points the
prose quotes are labelled where they are drawn. Text is at least ``style.TYPE_SIZES["label"]`` px.

Every word a chart shows is in the page's language: titles and labels are messages (``tr``), and the words in a
chart's data (countries, series, what a share counts) are translated in the frame it draws
(``tables.cells_in_words``); the code still picks rows by the data's English.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import altair as alt
import pandas as pd

from tradetalks import i18n, style, text
from tradetalks.i18n import N_, tr

from .sentences import span
from .tables import (
    CHINA,
    CHINA_SHARE_FIGURES,
    COMPANY_SERIES,
    IEA,
    IEA_NEXT,
    LEADERS,
    MEASURE_KIND_LABELS,
    MEASURE_KINDS,
    STAGES,
    cells_in_words,
    in_words,
)

# Where two chosen countries share a place colour (Europe and the EU27), the second is dashed.
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]
LABEL_SIZE = style.TYPE_SIZES["label"]
LABEL_GAP = 0.055  # end labels at least this part of the y axis apart (about 16 px of a 300 px chart)
LABEL_ROOM = 0.35  # room right of the last year for end labels, as a part of the years shown
LABEL_ROOM_YEARS = 2.2  # and at least this many years' width
SHORT_NAMES = {"United States": N_("U.S.")}  # end labels must fit a phone's width; the tables keep the full name


def spread(values: Sequence[float], gap: float) -> list[float]:
    """Label positions at least ``gap`` apart, each cluster of close labels centred on its values (input order kept)."""
    order = sorted(range(len(values)), key=lambda index: values[index])
    clusters: list[list[int]] = []
    for index in order:
        clusters.append([index])
        while len(clusters) > 1:
            below, above = clusters[-2], clusters[-1]
            if _cluster_start(above, values, gap) - (_cluster_start(below, values, gap) + gap * (len(below) - 1)) >= gap:
                break
            clusters[-2:] = [below + above]
    placed = [0.0] * len(values)
    for cluster in clusters:
        start = max(_cluster_start(cluster, values, gap), 0.0)
        for offset, index in enumerate(cluster):
            placed[index] = start + offset * gap
    return placed


def _cluster_start(cluster: list[int], values: Sequence[float], gap: float) -> float:
    return sum(values[index] for index in cluster) / len(cluster) - gap * (len(cluster) - 1) / 2


def _nice_top(value: float, step: float = 10) -> float:
    """The y axis's top: the data's maximum rounded up to a multiple of ``step`` (of percent or millions)."""
    return max(step, math.ceil(value / step) * step)


def _year_axis(first: int, last: int) -> alt.X:
    """A year axis with room after ``last`` for end labels (at least ``LABEL_ROOM_YEARS``, so a short span
    leaves a phone enough width for them); ticks only on the years drawn."""
    room = max(LABEL_ROOM_YEARS, LABEL_ROOM * (last - first))
    axis = alt.Axis(format="d", values=list(range(first, last + 1)), title=None, grid=False)
    return alt.X("year:Q", axis=axis, scale=alt.Scale(domain=[first, last + room], nice=False))


def end_labels(frame: pd.DataFrame, key: str, value: str, label: str, top: float) -> pd.DataFrame:
    """One label per line at its last point with a figure: ``key``, year, ``value``, ``label`` and its spread height."""
    last = frame.dropna(subset=[value]).sort_values("year").groupby(key, sort=False).tail(1)
    return last.assign(label_y=spread(last[value].tolist(), LABEL_GAP * top), label=last[label])


def _text(data: pd.DataFrame, **mark: object) -> alt.Chart:
    return alt.Chart(data).mark_text(fontSize=LABEL_SIZE, **mark)


# --- the EV rush -----------------------------------------------------------------------------------------


def share_label(row: pd.Series) -> str:
    """'Japan 2.8%': the country's short name and its last figure (a derived one to two significant figures)."""
    value = text.pct(row["share_pct"], 2) if row["derived"] == "yes" else text.pct(row["share_pct"])
    return f"{in_words(SHORT_NAMES.get(row['country'], row['country']))} {value}"


def share_chart(series: pd.DataFrame, label: str) -> alt.LayerChart:
    """Lines of the IEA share by country, each in its place colour and labelled at its end with its last figure;
    hollow squares for the next IEA edition (another vintage, so not joined to the line).

    ``label`` names what the share counts (``tables.powertrain_label``).
    """
    roles = [style.place_role(country) for country in dict.fromkeys(series["country"])]
    shown = cells_in_words(series, ["country", "series", "derived"])  # what a reader sees; rows are still picked by dataset
    countries = list(dict.fromkeys(shown["country"]))
    shared = len(set(roles)) < len(roles)
    # two countries in one colour need a legend of line strokes (a label's colour cannot tell them apart)
    legend = alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5) if shared else None
    color = alt.Color("country:N", title=None, sort=countries, scale=alt.Scale(domain=countries, range=style.colours(roles)), legend=legend)
    top = _nice_top(float(series["share_pct"].max()) if series["share_pct"].notna().any() else 10.0)
    x = _year_axis(int(series["year"].min()), int(series["year"].max()))
    y_title = tr("{counted} share of new cars (%)").format(counted=in_words(label))
    y = alt.Y("share_pct:Q", title=y_title, scale=alt.Scale(domain=[0, top]))
    tooltip = [
        alt.Tooltip("country:N", title=tr("Country or region")),
        alt.Tooltip("year:Q", title=tr("Year")),
        alt.Tooltip("share_pct:Q", title=tr("Share (%)")),
        alt.Tooltip("series:N", title=tr("IEA edition")),
        alt.Tooltip("derived:N", title=tr("Derived")),
    ]
    line_encoding = {"x": x, "y": y, "color": color, "tooltip": tooltip}
    if shared:
        dashes = [DASHES[min(roles[:index].count(role), len(DASHES) - 1)] for index, role in enumerate(roles)]
        line_encoding["strokeDash"] = alt.StrokeDash(
            "country:N", title=None, sort=countries, scale=alt.Scale(domain=countries, range=dashes), legend=legend
        )
    main = shown[(shown["dataset"] == IEA) | shown["share_pct"].isna()]
    main = main.assign(share_pct=main["share_pct"].where(main["dataset"] == IEA))
    line = alt.Chart(main).mark_line(point=True).encode(**line_encoding)
    update = shown[shown["dataset"] == IEA_NEXT]
    points = (
        alt.Chart(update).mark_point(shape="square", size=80, filled=False, strokeWidth=2).encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    drawn = series.dropna(subset=["share_pct"])  # each label from the data's own row (its country's short name)
    drawn = shown.loc[drawn.index].assign(text=drawn.apply(share_label, axis=1))
    labels = end_labels(drawn, "country", "share_pct", "text", top)
    names = _text(labels, align="left", dx=8, fontWeight="bold").encode(
        x=x, y=alt.Y("label_y:Q", title=y_title, scale=alt.Scale(domain=[0, top])), text="label:N", color=color
    )
    return alt.layer(line, points, names)


# --- China's share ---------------------------------------------------------------------------------------


def china_share_annotations(rows: pd.DataFrame) -> pd.DataFrame:
    """The points the prose quotes, labelled: the latest derived share (``latest``), the lowest (``low``), and each
    share stated elsewhere (``stated``)."""
    derived = rows[rows["derived"] == "yes"].sort_values("year")
    latest, low = derived.iloc[-1], derived.loc[derived["value_pct"].idxmin()]
    notes = [
        {
            "year": latest["year"],
            "value_pct": latest["value_pct"],
            "label": tr("{share} (derived)").format(share=text.about_pct(latest["value_pct"])),
            "place": "latest",
        }
    ]
    if low["year"] not in (derived["year"].iloc[0], latest["year"]):
        notes.append(
            {
                "year": low["year"],
                "value_pct": low["value_pct"],
                "label": tr("low: {share}").format(share=text.about_pct(low["value_pct"])),
                "place": "low",
            }
        )
    for _, row in rows[rows["derived"] == "no"].iterrows():
        notes.append(
            {
                "year": row["year"],
                "value_pct": row["value_pct"],
                "label": tr("{share} as stated").format(share=text.pct(row["value_pct"])),
                "place": "stated",
            }
        )
    return pd.DataFrame(notes)


# where each kind of annotation sits against its point: right of the last year would leave the chart
ANNOTATION_PLACES = {
    "latest": {"align": "right", "dx": -6, "dy": -14},
    "low": {"align": "center", "dy": 18},
    "stated": {"align": "right", "dx": -8, "dy": 30},  # clear of the line, which climbs to the latest point
}


def china_share_chart(rows: pd.DataFrame) -> alt.LayerChart:
    """Line of the derived series, hollow diamonds for figures stated elsewhere (in the context colour), key points labelled."""
    x = alt.X("year:Q", title=None, axis=alt.Axis(format="d", tickMinStep=1, grid=False))
    y = alt.Y("value_pct:Q", title=tr("China's share of world electric car sales (%)"), scale=alt.Scale(domain=[0, 100]))
    figures = [tr(figure) for figure in CHINA_SHARE_FIGURES.values()]  # derived first, then stated
    # no legend: the labels beside the marks say which figure is derived and which stated
    color = alt.Color(
        "figure:N", title=None, sort=figures, scale=alt.Scale(domain=figures, range=style.colours(["derived", "context"])), legend=None
    )
    tooltip = [
        alt.Tooltip("year:Q", title=tr("Year")),
        alt.Tooltip("value_pct:Q", title=tr("Share (%)")),
        alt.Tooltip("figure:N", title=tr("Figure")),
    ]
    shown = cells_in_words(rows, ["figure"])
    derived = shown[shown["derived"] == "yes"]
    stated = shown[shown["derived"] == "no"]
    line = alt.Chart(derived).mark_line(point=True).encode(x=x, y=y, color=color, tooltip=tooltip)
    points = (
        alt.Chart(stated).mark_point(shape="diamond", size=110, filled=False, strokeWidth=2).encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    notes = china_share_annotations(rows)
    ink = style.colour("annotation")
    labels = [
        _text(notes[notes["place"] == place], color=ink, **where).encode(x=x, y=y, text="label:N")
        for place, where in ANNOTATION_PLACES.items()
        if (notes["place"] == place).any()
    ]
    return alt.layer(line, points, *labels)


# --- the battery ladder ----------------------------------------------------------------------------------

SLOT_HEIGHT = 18  # px per measure within a stage; the first slot of each stage holds its label
LABEL_SLOT = "stage label"


def rung_shown(rung: str) -> str:
    """A rung as the chart shows it (its tooltip), in the page's language with the number that sorts it: '4 Battery cells'."""
    number, name = rung.split(" ", 1)
    return f"{number} {tr(name)}"


def rung_labels(rungs: pd.DataFrame) -> pd.DataFrame:
    """Each stage's label above its row, with China's range there: 'Battery cells: China 57–85%'."""
    china = rungs[rungs["country"] == CHINA].groupby("rung")["value"].agg(["min", "max"])
    labels = []
    for rung in dict.fromkeys(STAGES.values()):
        name = tr(rung.split(" ", 1)[1])  # '4 Battery cells' -> 'Battery cells' (the number only sorts the rungs)
        if rung in china.index:
            low, high = china.loc[rung, "min"], china.loc[rung, "max"]
            name = tr("{stage}: China {share}").format(stage=name, share=span(low, high))
        labels.append({"rung": rung_shown(rung), "label": name, "slot": LABEL_SLOT, "value": 0})
    return pd.DataFrame(labels)


def china_spans(rungs: pd.DataFrame) -> pd.DataFrame:
    """China's lowest and highest figure at each stage, once per measure's line, so the grey band spans them all."""
    china = rungs[rungs["country"] == CHINA].groupby("rung")["value"].agg(value="min", high="max").reset_index()
    china = china.assign(rung=china["rung"].map(rung_shown))
    return china.merge(pd.DataFrame({"slot": [tr(kind) for kind in MEASURE_KINDS]}), how="cross")


def ladder_chart(rungs: pd.DataFrame) -> alt.LayerChart:
    """Dot plot: one row per stage, labelled above with China's range; China's share (and the leader's, where
    China does not lead) by measure, each measure on its own line within the stage."""
    order = [rung_shown(rung) for rung in dict.fromkeys(STAGES.values())]
    kinds, leaders = [tr(kind) for kind in MEASURE_KINDS], [tr(leader) for leader in LEADERS]
    slots = [LABEL_SLOT, *kinds]
    y = alt.Y("rung:N", title=None, sort=order, axis=None, scale=alt.Scale(paddingInner=0.15))
    x = alt.X("value:Q", title=tr("Share of world total (%)"), scale=alt.Scale(domain=[0, 100]))
    offset = alt.YOffset("slot:N", sort=slots, scale=alt.Scale(domain=slots))
    span = (
        alt.Chart(china_spans(rungs))
        .mark_rule(strokeWidth=SLOT_HEIGHT, color=style.colour("background"))
        .encode(y=y, yOffset=offset, x=x, x2="high:Q")
    )
    legend_symbol = style.colour("annotation")  # the shapes' legend: the shape is the key, the colour means nothing
    encoding = {
        "y": y,
        "x": x,
        "yOffset": offset,
        "color": alt.Color(
            "kind:N",
            title=tr("What the share counts (hollow: low-confidence source)"),
            sort=kinds,
            scale=alt.Scale(domain=kinds, range=style.colours(MEASURE_KIND_LABELS)),
            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=320, titleLimit=320),
        ),
        "shape": alt.Shape(
            "leader:N",
            title=tr("Whose share"),
            scale=alt.Scale(domain=leaders, range=["circle", "triangle-down"]),
            # at the top: two legends side by side at the bottom would not fit a phone
            legend=alt.Legend(
                orient="top", direction="vertical", labelLimit=320, symbolStrokeColor=legend_symbol, symbolFillColor=legend_symbol
            ),
        ),
        "tooltip": [
            alt.Tooltip("rung:N", title=tr("Stage")),
            alt.Tooltip("item:N", title=tr("Material or product")),
            alt.Tooltip("country:N", title=tr("Country")),
            alt.Tooltip("year:N", title=tr("Year")),
            alt.Tooltip("value:Q", title=tr("Share (%)")),
            alt.Tooltip("qualifier:N", title=tr("Qualifier")),
            alt.Tooltip("kind:N", title=tr("What the share counts")),
            alt.Tooltip("confidence:N", title=tr("Confidence")),
        ],
    }
    low = rungs["confidence"] == "low"  # picked by the data's word, shown in the reader's
    marks = cells_in_words(rungs, ["item", "country", "leader", "year", "qualifier", "kind", "confidence"])
    marks = marks.assign(rung=marks["rung"].map(rung_shown), slot=marks["kind"])
    solid = alt.Chart(marks[~low]).mark_point(size=90, strokeWidth=2, filled=True, opacity=0.9).encode(**encoding)
    hollow = alt.Chart(marks[low]).mark_point(size=90, strokeWidth=2, filled=False).encode(**encoding)
    names = _text(rung_labels(rungs), align="left", baseline="middle", fontWeight="bold", color=style.colour("annotation")).encode(
        y=y, yOffset=offset, x=alt.X("value:Q", scale=alt.Scale(domain=[0, 100])), text="label:N"
    )
    height = len(order) * len(slots) * SLOT_HEIGHT
    return alt.layer(span, solid, hollow, names).properties(height=height)


# --- BYD, Tesla, Toyota ----------------------------------------------------------------------------------


def company_label(row: pd.Series) -> str:
    """'Tesla 1.6m': a series' short label and its last figure in millions, to two significant figures (Japanese in
    its own units: 'テスラ 160万台')."""
    if i18n.current() == i18n.SOURCE_LANGUAGE:
        vehicles = f"{text.rounded(row['million'])}m"
    else:
        vehicles = text.rounded(row["value"]) + tr("cars")
    return tr("{series} {vehicles}").format(series=row["label"], vehicles=vehicles)


def company_chart(series: pd.DataFrame) -> alt.LayerChart:
    """Lines: millions of vehicles by year, one per series in the company's colours, labelled at their ends."""
    order = [tr(spec["series"]) for spec in COMPANY_SERIES]
    short = {tr(spec["series"]): tr(spec["label"]) for spec in COMPANY_SERIES}
    top = _nice_top(float(series["million"].max()), step=2)
    x = _year_axis(int(series["year"].min()), int(series["year"].max()))
    series = cells_in_words(series, ["series", "scope"])
    y_title = tr("Vehicles (million)")
    y = alt.Y("million:Q", title=y_title, scale=alt.Scale(domain=[0, top]))
    color = alt.Color(
        "series:N",
        title=None,
        sort=order,
        scale=alt.Scale(domain=order, range=style.colours(spec["role"] for spec in COMPANY_SERIES)),
        legend=None,
    )
    tooltip = [
        alt.Tooltip("series:N", title=tr("Series")),
        alt.Tooltip("year:Q", title=tr("Year"), format="d"),
        alt.Tooltip("value:Q", format=",.0f", title=tr("Vehicles")),
        alt.Tooltip("scope:N", title=tr("Coverage")),
    ]
    lines = alt.Chart(series).mark_line(point=True).encode(x=x, y=y, color=color, tooltip=tooltip)
    with_labels = series.assign(label=series["series"].map(short))
    labels = end_labels(with_labels.assign(text=with_labels.apply(company_label, axis=1)), "series", "million", "text", top)
    names = _text(labels, align="left", dx=8, fontWeight="bold").encode(
        x=x, y=alt.Y("label_y:Q", title=y_title, scale=alt.Scale(domain=[0, top])), text="label:N", color=color
    )
    return alt.layer(lines, names).properties(height=320)
