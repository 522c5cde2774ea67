"""The page's charts: EV shares by country, China's share of world sales, the battery ladder, carmakers' sales."""

from __future__ import annotations

import altair as alt
import pandas as pd

from tradetalks import style

from .tables import CHINA, COMPANY_SERIES, IEA, IEA_NEXT, LEADERS, MEASURE_KIND_LABELS, MEASURE_KINDS, STAGES

# Where two chosen countries share a place colour (Europe and the EU27), the second is dashed.
DASHES = [[1, 0], [6, 3], [2, 2], [8, 2, 2, 2]]


def share_chart(series: pd.DataFrame, label: str) -> alt.LayerChart:
    """Lines of the IEA share by country, each in its place colour; hollow squares for the 2025 update (another vintage).

    ``label`` names what the share counts (``tables.powertrain_label``).
    """
    countries = list(dict.fromkeys(series["country"]))
    roles = [style.place_role(country) for country in countries]
    shared = len(set(roles)) < len(roles)
    # dashed lines need a legend of line strokes (a dot cannot show the dash)
    legend = alt.Legend(symbolType="stroke", symbolStrokeWidth=2.5) if shared else alt.Undefined
    color = alt.Color("country:N", title=None, sort=countries, scale=alt.Scale(domain=countries, range=style.colours(roles)), legend=legend)
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("share_pct:Q", title=f"{label} share of new cars (%)")
    tooltip = ["country:N", "year:Q", alt.Tooltip("share_pct:Q", title="share (%)"), "series:N", "derived:N"]
    line_encoding = {"x": x, "y": y, "color": color, "tooltip": tooltip}
    if shared:
        dashes = [DASHES[min(roles[:index].count(role), len(DASHES) - 1)] for index, role in enumerate(roles)]
        line_encoding["strokeDash"] = alt.StrokeDash(
            "country:N", title=None, sort=countries, scale=alt.Scale(domain=countries, range=dashes), legend=legend
        )
    main = series[(series["dataset"] == IEA) | series["share_pct"].isna()]
    main = main.assign(share_pct=main["share_pct"].where(main["dataset"] == IEA))
    line = alt.Chart(main).mark_line(point=True).encode(**line_encoding)
    update = series[series["dataset"] == IEA_NEXT]
    points = (
        alt.Chart(update).mark_point(shape="square", size=80, filled=False, strokeWidth=2).encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    return alt.layer(line, points)


def china_share_chart(rows: pd.DataFrame) -> alt.LayerChart:
    """Line of the derived series, hollow diamonds for figures stated elsewhere (in the context colour)."""
    x = alt.X("year:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1))
    y = alt.Y("value_pct:Q", title="China's share of world electric car sales (%)", scale=alt.Scale(domain=[0, 100]))
    figures = ["derived from IEA data (China / World)", "as stated in a summary of the IEA report"]
    color = alt.Color(
        "figure:N",
        title=None,
        sort=figures,
        scale=alt.Scale(domain=figures, range=style.colours(["derived", "context"])),
        legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
    )
    tooltip = ["year:Q", alt.Tooltip("value_pct:Q", title="share (%)"), "figure:N", "source_key:N", "notes:N"]
    derived = rows[rows["derived"] == "yes"]
    stated = rows[rows["derived"] == "no"]
    line = alt.Chart(derived).mark_line(point=True).encode(x=x, y=y, color=color, tooltip=tooltip)
    points = (
        alt.Chart(stated).mark_point(shape="diamond", size=110, filled=False, strokeWidth=2).encode(x=x, y=y, color=color, tooltip=tooltip)
    )
    return alt.layer(line, points)


def ladder_chart(rungs: pd.DataFrame) -> alt.LayerChart:
    """Dot plot: one row per stage, China's share (and the leader's, where China does not lead) by measure."""
    order = list(dict.fromkeys(STAGES.values()))
    y = alt.Y("rung:N", title=None, sort=order, axis=alt.Axis(labelLimit=260))
    x = alt.X("value:Q", title="Share of world total (%)", scale=alt.Scale(domain=[0, 100]))
    china = rungs[rungs["country"] == CHINA]
    span = (
        alt.Chart(china)
        .mark_rule(strokeWidth=10, color=style.colour("background"))
        .encode(y=y, x=alt.X("min(value):Q", title="Share of world total (%)", scale=alt.Scale(domain=[0, 100])), x2="max(value):Q")
    )
    legend_symbol = style.colour("annotation")  # the shapes' legend: the shape is the key, the colour means nothing
    encoding = {
        "y": y,
        "x": x,
        "yOffset": alt.YOffset("kind:N", sort=MEASURE_KINDS, scale=alt.Scale(domain=MEASURE_KINDS)),
        "color": alt.Color(
            "kind:N",
            title="Measure (hollow: low-confidence source)",
            sort=MEASURE_KINDS,
            scale=alt.Scale(domain=MEASURE_KINDS, range=style.colours(MEASURE_KIND_LABELS)),
            legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=320, titleLimit=320),
        ),
        "shape": alt.Shape(
            "leader:N",
            title="Whose share",
            scale=alt.Scale(domain=LEADERS, range=["circle", "triangle-down"]),
            legend=alt.Legend(
                orient="bottom", direction="vertical", labelLimit=320, symbolStrokeColor=legend_symbol, symbolFillColor=legend_symbol
            ),
        ),
        "tooltip": [
            "rung:N",
            "item:N",
            "country:N",
            "year:N",
            alt.Tooltip("value:Q", title="share (%)"),
            "qualifier:N",
            "measure:N",
            "confidence:N",
            "source_key:N",
        ],
    }
    solid = alt.Chart(rungs[rungs["confidence"] != "low"]).mark_point(size=90, strokeWidth=2, filled=True, opacity=0.9).encode(**encoding)
    hollow = alt.Chart(rungs[rungs["confidence"] == "low"]).mark_point(size=90, strokeWidth=2, filled=False).encode(**encoding)
    points = alt.layer(solid, hollow)
    return alt.layer(span, points).properties(height=340)


def company_chart(series: pd.DataFrame) -> alt.Chart:
    """Grouped bars: millions of vehicles by year, one bar per series, in the company's colours."""
    order = [spec["series"] for spec in COMPANY_SERIES]
    return (
        alt.Chart(series)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="Year", axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("series:N", sort=order),
            y=alt.Y("million:Q", title="Vehicles (million)"),
            color=alt.Color(
                "series:N",
                title=None,
                sort=order,
                scale=alt.Scale(domain=order, range=style.colours(spec["role"] for spec in COMPANY_SERIES)),
                legend=alt.Legend(orient="bottom", direction="vertical", labelLimit=400),
            ),
            tooltip=["series:N", "year:O", alt.Tooltip("value:Q", format=",.0f", title="vehicles"), "scope:N", "source_key:N"],
        )
        .properties(height=300)
    )
