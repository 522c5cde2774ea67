"""Chapter 'Why don't American cars sell in Japan?': shaping the market tables and drawing them.

Every figure comes from the market tables in ``data/``. Where this module computes a figure
(a remainder, a share, a sum, inches to millimetres) the row says ``derived`` and how.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import altair as alt
import pandas as pd

from tradetalks import charts, data, figures
from tradetalks.params import ParameterError
from tradetalks.text import units

TABLES = (
    "japan_new_car_sales",
    "japan_bestsellers",
    "japan_import_market_totals",
    "japan_import_sales_by_brand",
    "nontariff_barrier_claims",
    "structural_factors",
)
ORIGINAL_KEY_COLUMN = "original_source_key"
MM_PER_INCH = 25.4
NESTED_WIDTH = 470  # pixels; the level titles sit to the left of the bars
LABEL_CHAR_PX = 6.6  # approximate width of one character of an 11 px bold label

# japan_import_sales_by_brand: ``counted`` says what a row's figure is; brand comparisons take single brands only,
# and leave out Japanese brands' own imports.
ONE_BRAND, TARGET = "one_brand", figures.SALES_TARGET
GERMAN, JAPAN, USA = "DE", "JP", "US"  # country codes of brand_origin and built_in
GERMANY, UNITED_STATES, OTHER = "German brand", "U.S. brand", "other brand"
ORIGIN_COLOURS = {GERMANY: charts.PALETTE[0], UNITED_STATES: charts.PALETTE[3], OTHER: "#999999"}
# brand_ids: the U.S. brands the split names one by one, and the makers the history follows.
JEEP, CHEVROLET, CADILLAC, FORD, GM_BRANDS = "jeep", "chevrolet", "cadillac", "ford", "gm_brands"
US_NAMED_BRANDS = (JEEP, CHEVROLET, CADILLAC)
GM_NAME = "GM"  # the history's name for GM's brands together; each row's own label says what its figure covers

STANCE_LABELS = {
    "asserts_barrier": "says there is a barrier",
    "disputes_barrier": "disputes the barrier",
    "policy_action": "policy action",
    "agreement_term": "agreement term",
    "data_point": "background evidence",
}
STANCE_COLOURS = [charts.PALETTE[3], charts.PALETTE[0], charts.PALETTE[2], charts.PALETTE[4], "#999999"]
STANCE_SHAPES = ["triangle-up", "circle", "square", "diamond", "cross"]
# nontariff_barrier_claims.actor_group -> the timeline's row title, in the chart's order.
ACTOR_GROUPS = {
    "us_government": "U.S. government",
    "us_business": "U.S. business and industry",
    "both_governments": "Both governments",
    "japan_government": "Japan government",
    "japanese_industry": "Japanese industry",
    "analysts_media": "Analysts and media",
}
ACTORS = list(ACTOR_GROUPS.values())
# The three changes the chapter follows (issue 3): the 2013 certification cap, the 2025 agreement,
# the 2026 recognition of U.S. safety certification.
MILESTONES = {"C06": "PHP certification cap raised", "C31": "U.S.–Japan agreement", "C34": "U.S. safety certification recognised"}
FORD_EXIT_CLAIM = "C08"  # Ford's 2016 statement announcing its exit

FOOTPRINT_KINDS = ["Japanese best-seller", "built in the U.S.", "U.S. brand", "other"]
FOOTPRINT_COLOURS = [charts.PALETTE[2], charts.PALETTE[1], charts.PALETTE[3], "#999999"]
# structural_factors item_ids: the models drawn by default, and the limits they are held against.
DEFAULT_MODELS = ("honda_n_box", "toyota_yaris", "toyota_camry", "toyota_highlander", "toyota_tundra", "ford_f_150")
KEI_ITEM, SMALL_CAR_ITEM, PARKING_ITEM = "kei_car", "small_car", "mechanical_parking_typical"


# --------------------------------------------------------------------------- loading and checks


def load_tables(data_dir: object = None) -> dict[str, pd.DataFrame]:
    """The chapter's six market tables, validated, with every ``original_source_key`` resolving."""
    return {name: data.load_table(name, data_dir) for name in TABLES}  # data.py checks original_source_key too


def sources_of(*tables: pd.DataFrame, data_dir: object = None, original: bool = False) -> pd.DataFrame:
    """The sources behind the rows of one or more (filtered) tables; with ``original`` also the original publishers."""
    return data.sources_cited(*tables, data_dir=data_dir, original=original)


# --------------------------------------------------------------------------- formatting for prose


def share(value: float, digits: int = 1) -> str:
    """35.23 -> '35.2%'."""
    return f"{value:.{digits}f}%"


def times(value: float) -> str:
    """3.18 -> '3.2 times'."""
    return f"{value:.1f} times"


# --------------------------------------------------------------------------- choosing a figure


def calendar_rows(table: pd.DataFrame, metric: str, year: int) -> pd.DataFrame:
    """Every calendar-year row of a long table for one metric and year (several when sources differ)."""
    return table[(table["period_type"] == "CY") & (table["period"] == str(year)) & (table["metric"] == metric)]


def calendar_figure(table: pd.DataFrame, metric: str, year: int) -> pd.Series | None:
    """The calendar-year figure for ``metric`` in ``year`` (exact and most reliable first), or None."""
    return figures.best_row(calendar_rows(table, metric, year).dropna(subset=["value"]))


def japan_duty_rows(timeline: pd.DataFrame, rate_pct: float) -> pd.DataFrame:
    """The tariff timeline's rows that put Japan's own duty on cars at ``rate_pct`` (its baseline), earliest first as the
    table lists them: the year it was set and the baseline row."""
    return timeline[(timeline["jurisdiction"] == "Japan") & (timeline["rate_pct"] == rate_pct)]


# --------------------------------------------------------------------------- who buys what


@dataclass
class MarketSplit:
    """The nested split of one year's market; ``missing`` names the figures that stopped it going deeper."""

    year: int
    rows: pd.DataFrame
    missing: list[str] = field(default_factory=list)
    conflicts: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def levels(self) -> int:
        return int(self.rows["level"].max()) + 1 if not self.rows.empty else 0

    def units_of(self, segment_id: str) -> float:
        return float(self.rows.loc[self.rows["segment_id"] == segment_id, "units"].iloc[0])


LEVEL_TITLES = ("All new vehicles", "Foreign brands", "U.S. brands")
KEI, JAPANESE_REGISTERED, FOREIGN = "Kei (light) vehicles", "Japanese brands, registered vehicles", "Foreign brands"
US_BRANDS, OTHER_FOREIGN, OTHER_US = "U.S. brands", "Other foreign brands", "Other U.S. brands (mostly Tesla)"
# The split's own segments by id (a named U.S. brand's segment takes its brand_id).
SEGMENT_IDS = {
    KEI: "kei",
    JAPANESE_REGISTERED: "japanese_registered",
    FOREIGN: "foreign",
    OTHER_FOREIGN: "other_foreign",
    US_BRANDS: "us_brands",
    OTHER_US: "other_us",
}


def _segment(level: int, segment: str, value: float, row: pd.Series | None, how: str, keys: Iterable[str], segment_id: str = "") -> dict:
    return {
        "level": level,
        "level_title": LEVEL_TITLES[level],
        "segment_id": segment_id or SEGMENT_IDS[segment],
        "segment": segment,
        "units": float(value),
        "derived": how != "reported",
        "how": how,
        "qualifier": "" if row is None else str(row.get("qualifier", "") or ""),
        "source_key": ";".join(dict.fromkeys(keys)),
    }


def market_split(sales: pd.DataFrame, totals: pd.DataFrame, by_brand: pd.DataFrame, year: int) -> MarketSplit:
    """One year's market as three nested levels: kei / Japanese registered / foreign; foreign -> U.S.; U.S. -> brands.

    A level is drawn only if every figure it needs is in the data; otherwise ``missing`` says which.
    """
    kei = calendar_figure(sales, "kei_vehicle_sales", year)
    registered = calendar_figure(sales, "registered_vehicle_sales", year)
    foreign = calendar_figure(totals, "foreign_brand_registrations", year)
    rows: list[dict] = []
    needed = {
        f"kei sales (japan_new_car_sales, calendar {year})": kei,
        f"registered-vehicle sales (japan_new_car_sales, calendar {year})": registered,
        f"foreign-brand registrations (japan_import_market_totals, calendar {year})": foreign,
    }
    missing = [what for what, row in needed.items() if row is None]
    conflicts = pd.concat([calendar_rows(sales, "total_new_vehicle_sales", year), calendar_rows(sales, "registered_vehicle_sales", year)])
    if missing:
        return MarketSplit(year, pd.DataFrame(rows), missing, conflicts)
    rows.append(_segment(0, KEI, kei["value"], kei, "reported", [kei["source_key"]]))
    rows.append(
        _segment(
            0,
            JAPANESE_REGISTERED,
            registered["value"] - foreign["value"],
            None,
            "derived: registered-vehicle sales (JADA) minus foreign-brand registrations (JAIA)",
            [registered["source_key"], foreign["source_key"]],
        )
    )
    rows.append(_segment(0, FOREIGN, foreign["value"], foreign, "reported", [foreign["source_key"]]))

    brands = by_brand[(by_brand["period_type"] == "CY") & (by_brand["period"] == str(year))]
    us_total = figures.us_brands_registered(by_brand, year)
    if us_total is None:
        missing.append(
            f"the U.S. brands' total ({brand_name(by_brand, figures.US_BRANDS)!r} in japan_import_sales_by_brand, calendar {year})"
        )
        return MarketSplit(year, pd.DataFrame(rows), missing, conflicts)
    conflicts = pd.concat([conflicts, brands[brands["brand_id"] == figures.US_BRANDS]])
    rows.append(
        _segment(
            1,
            OTHER_FOREIGN,
            foreign["value"] - us_total["units"],
            None,
            "derived: foreign-brand registrations minus the U.S. brands' total",
            [foreign["source_key"], us_total["source_key"]],
        )
    )
    rows.append(_segment(1, US_BRANDS, us_total["units"], us_total, "reported", [us_total["source_key"]]))
    named = [figures.brand_registrations(by_brand, brand_id, year) for brand_id in US_NAMED_BRANDS]
    names = [brand_name(by_brand, brand_id) for brand_id in US_NAMED_BRANDS]
    absent = [name for name, row in zip(names, named, strict=True) if row is None]
    if absent:
        missing.append(f"{', '.join(absent)} (japan_import_sales_by_brand, calendar {year})")
        return MarketSplit(year, pd.DataFrame(rows), missing, conflicts)
    for brand_id, row in zip(US_NAMED_BRANDS, named, strict=True):
        rows.append(_segment(2, row["brand"], row["units"], row, "reported", [row["source_key"]], brand_id))
    rest = us_total["units"] - sum(row["units"] for row in named)
    rows.append(
        _segment(
            2,
            OTHER_US,
            rest,
            None,
            f"derived: the U.S. brands' total minus {', '.join(names)}; JAIA counts Tesla in 'Others'",
            [us_total["source_key"], *[row["source_key"] for row in named]],
        )
    )
    return MarketSplit(year, pd.DataFrame(rows), missing, conflicts)


def split_table(split: MarketSplit) -> pd.DataFrame:
    """The split for readers: units, share of its level and of the whole market (shares derived)."""
    rows = split.rows.copy()
    market = rows.loc[rows["level"] == 0, "units"].sum()
    level_total = rows.groupby("level")["units"].transform("sum")
    rows["share_of_level_pct"] = (100 * rows["units"] / level_total).round(2)
    rows["share_of_market_pct"] = (100 * rows["units"] / market).round(3)
    return rows[["level_title", "segment", "units", "share_of_level_pct", "share_of_market_pct", "how", "qualifier", "source_key"]]


SEGMENT_COLOURS = {  # by segment_id
    "kei": charts.PALETTE[5],
    "japanese_registered": charts.PALETTE[0],
    "foreign": charts.PALETTE[1],
    "other_foreign": "#f5c26b",
    "us_brands": charts.PALETTE[3],
    JEEP: charts.PALETTE[2],
    CHEVROLET: charts.PALETTE[4],
    CADILLAC: "#6b4c9a",
    "other_us": "#999999",
}


def nested_chart(split: MarketSplit, note: str = "") -> alt.LayerChart:
    """Stacked bars, one per level; each bar zooms into the last segment of the bar above (shares of that bar).

    ``note`` (e.g. Japan's tariff on cars) is written at the top right, beside the picture.
    """
    table = split_table(split)
    bar_h, gap = 1.0, 0.9
    pieces, links, colours = [], [], []
    for level, rows in table.groupby(split.rows["level"], sort=True):
        top = -level * (bar_h + gap)
        start = 0.0
        for index, row in rows.iterrows():
            colours.append(SEGMENT_COLOURS.get(split.rows.loc[index, "segment_id"], "#999999"))
            width = row["share_of_level_pct"] / 100
            named = f"{row['segment']}: {row['share_of_level_pct']:.1f}%"
            bare = f"{row['share_of_level_pct']:.1f}%"
            room = width * NESTED_WIDTH - 10  # pixels inside the segment
            inside = named if len(named) * LABEL_CHAR_PX < room else bare if len(bare) * LABEL_CHAR_PX < room else ""
            legend = f"{row['segment']}: {row['share_of_level_pct']:.1f}% of {LEVEL_TITLES[level].lower().replace('u.s.', 'U.S.')}"
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
        .mark_rect(stroke="#ffffff", strokeWidth=1)
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
        .mark_text(fontSize=11, color="#ffffff", fontWeight="bold")
        .encode(x=alt.X("xm:Q", axis=None, scale=x_scale), y=alt.Y("ym:Q", axis=None, scale=y_scale), text="inside:N")
    )
    layers = [bars, titles, labels]
    if links:
        connectors = (
            alt.Chart(pd.DataFrame(links))
            .mark_rule(color="#777777", strokeDash=[3, 3])
            .encode(x=alt.X("x:Q", axis=None, scale=x_scale), x2="x2:Q", y=alt.Y("y:Q", axis=None, scale=y_scale), y2="y2:Q")
        )
        layers.insert(0, connectors)
    if note:
        layers.append(
            alt.Chart(pd.DataFrame({"note": [note], "right": [1.0], "top": [0.0]}))
            .mark_text(align="right", baseline="bottom", dy=-3, fontSize=12, fontWeight="bold", color=charts.PALETTE[3])
            .encode(x=alt.X("right:Q", axis=None, scale=x_scale), y=alt.Y("top:Q", axis=None, scale=y_scale), text="note:N")
        )
    return alt.layer(*layers).properties(width=NESTED_WIDTH, height=75 * split.levels + 30)


def kei_shares(sales: pd.DataFrame) -> pd.DataFrame:
    """Kei share of new-vehicle sales: derived (kei / (registered + kei)) for each calendar year with both, and as stated."""
    rows = []
    years = sorted({int(p) for p in sales.loc[sales["period_type"] == "CY", "period"] if re.fullmatch(r"\d{4}", p)})
    for year in years:
        kei = calendar_figure(sales, "kei_vehicle_sales", year)
        registered = calendar_figure(sales, "registered_vehicle_sales", year)
        if kei is None or registered is None:
            continue
        stated = calendar_rows(sales, "total_new_vehicle_sales", year)
        rows.append(
            {
                "period": f"CY {year}",
                "kei_units": kei["value"],
                "all_units": kei["value"] + registered["value"],
                "kei_share_pct": round(100 * kei["value"] / (kei["value"] + registered["value"]), 1),
                "kind": "derived: kei / (registered + kei)",
                "stated_totals": "; ".join(f"{v:,.0f} ({k})" for v, k in zip(stated["value"], stated["source_key"], strict=True)),
                "source_key": ";".join(dict.fromkeys([kei["source_key"], registered["source_key"]])),
            }
        )
    for _, row in sales[sales["metric"].str.startswith("kei_share")].iterrows():
        rows.append(
            {
                "period": f"{row['period_type']} {row['period']}",
                "kei_units": None,
                "all_units": None,
                "kei_share_pct": row["value"],
                "kind": f"stated ({row['metric'].replace('_', ' ')}; {row['qualifier']})",
                "stated_totals": "",
                "source_key": row["source_key"],
            }
        )
    table = pd.DataFrame(rows)
    return table.astype({"kei_units": "Int64", "all_units": "Int64"})


# --------------------------------------------------------------------------- brands


def brand_rows(by_brand: pd.DataFrame) -> pd.DataFrame:
    """Calendar-year registrations of single brands (no groups, totals or targets; no Japanese brands' own imports),
    with the brand's name and its origin group."""
    rows = by_brand[
        (by_brand["period_type"] == "CY")
        & by_brand["units"].notna()
        & (by_brand["counted"] == ONE_BRAND)
        & (by_brand["brand_origin"] != JAPAN)
    ].copy()
    rows["brand_name"] = rows["brand"]
    rows["year"] = rows["period"].astype(int)
    rows["origin"] = rows["brand_origin"].map({GERMAN: GERMANY, USA: UNITED_STATES}).fillna(OTHER)
    return rows.reset_index(drop=True)


def brand_name(by_brand: pd.DataFrame, brand_id: str) -> str:
    """The name readers know a brand (or group) by: its label in the table."""
    return str(data.row_by_id(by_brand, "brand_id", brand_id)["brand"])


def valid_brands(by_brand: pd.DataFrame) -> dict[str, str]:
    """The ``brands`` parameter's choices, brand_id -> name: German brands first, then U.S., then others, by name."""
    rows = brand_rows(by_brand).drop_duplicates("brand_id")
    order = {GERMANY: 0, UNITED_STATES: 1, OTHER: 2}
    ranked = rows.assign(_order=rows["origin"].map(order)).sort_values(["_order", "brand_name"], kind="stable")
    return dict(zip(ranked["brand_id"], ranked["brand_name"], strict=True))


def brand_years(by_brand: pd.DataFrame, brands: Iterable[str] | None = None) -> list[int]:
    """Calendar years with a figure for at least one of ``brands`` (brand_ids; all brands if None)."""
    rows = brand_rows(by_brand)
    if brands is not None:
        rows = rows[rows["brand_id"].isin(list(brands))]
    return sorted(set(rows["year"]))


def default_year(by_brand: pd.DataFrame) -> int:
    """The latest calendar year with figures for both a German and a U.S. brand."""
    rows = brand_rows(by_brand)
    both = rows.groupby("year")["origin"].agg(lambda o: {GERMANY, UNITED_STATES} <= set(o))
    return int(both[both].index.max())


def default_brands(by_brand: pd.DataFrame, year: int) -> list[str]:
    """The German and U.S. brands (brand_ids) with a figure in ``year``, largest first."""
    rows = brand_rows(by_brand)
    rows = rows[(rows["year"] == year) & rows["origin"].isin([GERMANY, UNITED_STATES])]
    return list(dict.fromkeys(rows.sort_values("units", ascending=False, kind="stable")["brand_id"]))


def valid_models(structural: pd.DataFrame) -> dict[str, str]:
    """The ``models`` parameter's choices, item_id -> name: the models with both a length and a width in the data."""
    shapes = footprints(structural)
    return dict(zip(shapes["model_id"], shapes["model"], strict=True))


def as_list(value: object) -> object:
    """A list parameter given as text ('["jeep", "ford"]' or 'jeep') as a list; other values unchanged."""
    if not isinstance(value, str):
        return value
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return [value]
    return list(parsed) if isinstance(parsed, (list, tuple)) else [value]


def check_ids(name: str, values: Sequence[str], choices: dict[str, str]) -> list[str]:
    """``values`` if each is an id in ``choices``; otherwise a ParameterError listing every valid id with its name."""
    listed = ", ".join(f"{key!r} ({label})" for key, label in choices.items())
    if isinstance(values, str) or len(values) == 0:
        raise ParameterError(f"{name} must be a non-empty list; valid values: {listed}")
    unknown = [value for value in values if value not in choices]
    if unknown:
        raise ParameterError(f"{name} has unknown values {unknown}; valid values: {listed}")
    return list(values)


def check_parameters(
    year: int | None,
    brands: Sequence[str] | None,
    models: Sequence[str] | None,
    by_brand: pd.DataFrame,
    structural: pd.DataFrame,
) -> tuple[int, list[str], list[str]]:
    """Validate the chapter's parameters (unknown ids stop the run, listing the valid ones with their names); defaults come
    from the data.

    ``brands`` (brand_ids) and ``models`` (item_ids) may also arrive as text (``papermill -p brands '["jeep"]'`` passes a
    string): a list literal is read as a list, any other text as one id.
    """
    brands, models = as_list(brands), as_list(models)
    if brands is not None:
        brands = check_ids("brands", brands, valid_brands(by_brand))
    if year is None:
        year = default_year(by_brand)
    elif isinstance(year, bool) or not isinstance(year, int):
        raise ParameterError(f"year must be a whole calendar year, e.g. 2024; got {year!r}")
    available = brand_years(by_brand, brands)
    if year not in available:
        which = "the chosen brands" if brands is not None else "any brand"
        raise ParameterError(f"year={year} has no brand figures for {which}; years with figures: {', '.join(map(str, available))}")
    if brands is None:
        brands = default_brands(by_brand, year)
    models = check_ids("models", models, valid_models(structural)) if models is not None else list(DEFAULT_MODELS)
    return year, list(brands), list(models)


def brand_comparison(by_brand: pd.DataFrame, year: int, brands: Sequence[str]) -> pd.DataFrame:
    """Registrations of ``brands`` (brand_ids) in ``year``: every sourced row (several if sources differ); a brand without
    one stays empty."""
    rows = brand_rows(by_brand)
    chosen = rows[(rows["year"] == year) & rows["brand_id"].isin(brands)]
    parts = []
    for brand_id in brands:
        found = chosen[chosen["brand_id"] == brand_id]
        if found.empty:
            first = rows[rows["brand_id"] == brand_id].iloc[0]
            gap = {
                "brand_id": brand_id,
                "brand_name": first["brand_name"],
                "origin": first["origin"],
                "note": f"no figure in the data for {year}",
            }
            parts.append(pd.DataFrame([gap]))
        else:
            parts.append(found.assign(note=""))
    shown = pd.concat(parts, ignore_index=True)
    shown["label"] = shown["brand_name"]
    repeated = shown["brand_id"].duplicated(keep=False)
    shown.loc[repeated, "label"] = shown.loc[repeated, "brand_name"] + " (" + shown.loc[repeated, "source_key"] + ")"
    shown["approximate"] = ~shown["qualifier"].fillna("exact").str.startswith("exact")
    columns = ["label", "brand_name", "origin", "units", "qualifier", "approximate", "scope", "confidence", "source_key", "note"]
    return shown.sort_values("units", ascending=False, na_position="last", kind="stable")[columns].reset_index(drop=True)


def brand_chart(comparison: pd.DataFrame) -> alt.LayerChart:
    """Horizontal bars by brand, coloured by origin; approximate figures paler; a brand without a figure says so."""
    shown = comparison.assign(
        text=comparison.apply(
            lambda r: r["note"] if pd.isna(r["units"]) else ("≈ " if r["approximate"] else "") + units(r["units"]),
            axis=1,
        ),
        position=comparison["units"].fillna(0),
    )
    y = alt.Y("label:N", sort=list(shown["label"]), title=None)
    origins = [origin for origin in ORIGIN_COLOURS if origin in set(shown["origin"])]
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X("units:Q", title="Vehicles registered in the year", axis=alt.Axis(format=",.0f")),
            y=y,
            color=alt.Color(
                "origin:N",
                title=None,
                scale=alt.Scale(domain=origins, range=[ORIGIN_COLOURS[o] for o in origins]),
            ),
            opacity=alt.Opacity("approximate:N", legend=None, scale=alt.Scale(domain=[False, True], range=[1.0, 0.45])),
            tooltip=["brand_name:N", alt.Tooltip("units:Q", format=",.0f"), "qualifier:N", "scope:N", "confidence:N", "source_key:N"],
        )
    )
    text = alt.Chart(shown).mark_text(align="left", dx=4, fontSize=11).encode(x="position:Q", y=y, text="text:N")
    return alt.layer(bars, text).properties(height=max(120, 26 * len(shown)))


# --------------------------------------------------------------------------- sizes


# model_size metrics in mm that give a footprint: metric -> (dimension, approximate as the source gives it).
DIMENSIONS = {
    "length": ("length", False),
    "width": ("width", False),
    "height": ("height", False),
    "length_approx": ("length", True),
    "width_approx": ("width", True),
    "height_approx": ("height", True),
}
# A model measured in inches only: its length and width metrics (converted to mm, so derived).
INCH_LENGTH, INCH_WIDTH = "max_length", "width_without_mirrors"


def _footprints_in_mm(model_id: str, model: str, rows: pd.DataFrame) -> list[dict]:
    """One footprint per configuration (rows without a configuration apply to all); none without a length and a width."""
    configurations = list(dict.fromkeys(rows["configuration"].dropna())) or [None]
    found = []
    for configuration in configurations:
        chosen = rows[rows["configuration"].isna() | (rows["configuration"] == configuration)]
        size = {DIMENSIONS[metric][0]: float(value) for metric, value in zip(chosen["metric"], chosen["value"], strict=True)}
        if "length" not in size or "width" not in size:
            continue
        approximate = any(DIMENSIONS[metric][1] for metric in chosen["metric"])
        keys = [key for cell in chosen["source_key"] for key in data.split_source_keys(cell)]
        found.append(
            {
                "model_id": model_id,
                "model": model,
                "label": model if configuration is None else f"{model}, {configuration} configuration",
                "length_mm": size["length"],
                "width_mm": size["width"],
                "height_mm": size.get("height"),
                "approximate": approximate,
                "how": "reported" + (" (approximate)" if approximate else ""),
                "as_of": "; ".join(dict.fromkeys(chosen["as_of"])),
                "source_key": ";".join(dict.fromkeys(keys)),
                "notes": "; ".join(dict.fromkeys(chosen["notes"].dropna())),
            }
        )
    return found


def _footprint_in_inches(model_id: str, model: str, group: pd.DataFrame) -> list[dict]:
    length = group[(group["metric"] == INCH_LENGTH) & (group["unit"] == "inches")]
    width = group[(group["metric"] == INCH_WIDTH) & (group["unit"] == "inches")]
    if length.empty or width.empty:
        return []
    length_row, width_row = length.iloc[0], width.iloc[0]
    return [
        {
            "model_id": model_id,
            "model": model,
            "label": model,
            "length_mm": round(float(length_row["value"]) * MM_PER_INCH),
            "width_mm": round(float(width_row["value"]) * MM_PER_INCH),
            "height_mm": None,
            "approximate": False,
            "how": (
                f"derived: inches x {MM_PER_INCH} (length {length_row['value']} in, {length_row['as_of']}; "
                f"width without mirrors {width_row['value']} in, {width_row['as_of']})"
            ),
            "as_of": f"{length_row['as_of']}; {width_row['as_of']}",
            "source_key": f"{length_row['source_key']};{width_row['source_key']}",
            "notes": "; ".join(str(n) for n in (length_row["notes"], width_row["notes"]) if pd.notna(n)),
        }
    ]


def footprints(structural: pd.DataFrame) -> pd.DataFrame:
    """One row per drawable footprint (length and width in mm) from ``model_size`` rows, one per model (``model_id``,
    its item_id) and configuration.

    Dimensions are read from their own rows (``*_approx`` metrics mark approximate values); a model measured in inches
    only (the Ford F-150) is converted to mm and marked derived. Models with only one dimension, or only rough whole
    metres, are not drawable and are left out.
    """
    sizes = structural[structural["factor"] == "model_size"]
    rows = []
    for model_id, group in sizes.groupby("item_id", sort=False):
        first = group.iloc[0]
        in_mm = group[(group["unit"] == "mm") & group["metric"].isin(list(DIMENSIONS))]
        found = _footprints_in_mm(model_id, first["item"], in_mm) or _footprint_in_inches(model_id, first["item"], group)
        rows += [{**row, "brand_origin": first["brand_origin"], "built_in": first["built_in"]} for row in found]
    return pd.DataFrame(rows)


def drawn_footprints(structural: pd.DataFrame, bestsellers: pd.DataFrame, models: Sequence[str]) -> pd.DataFrame:
    """The footprints of ``models`` (item_ids), with their kinds, in the data's order."""
    shapes = with_kinds(footprints(structural), bestsellers)
    return shapes[shapes["model_id"].isin(list(models))].reset_index(drop=True)


def undrawable_models(structural: pd.DataFrame) -> list[str]:
    """Models in ``model_size`` with too few dimensions to draw (a gap the page names)."""
    sizes = structural[structural["factor"] == "model_size"]
    drawable = set(footprints(structural)["model_id"])
    return list(dict.fromkeys(sizes.loc[~sizes["item_id"].isin(drawable), "item"]))


def limit(structural: pd.DataFrame, factor: str, item_id: str) -> dict[str, float]:
    """A size limit's dimensions in mm: {'length': ..., 'width': ..., 'height': ...} (those in the data)."""
    rows = structural[(structural["factor"] == factor) & (structural["item_id"] == item_id) & (structural["unit"] == "mm")]
    return {metric.removeprefix("max_"): float(value) for metric, value in zip(rows["metric"], rows["value"], strict=True)}


def with_kinds(shapes: pd.DataFrame, bestsellers: pd.DataFrame) -> pd.DataFrame:
    """Label each footprint: a U.S. brand, a Japanese brand built in the U.S., a Japanese best-seller (its id in the
    best-seller table), or other."""
    best = set(bestsellers["model_id"])

    def kind(row: pd.Series) -> str:
        if row["brand_origin"] == USA:
            return "U.S. brand"
        if row["built_in"] == USA:
            return "built in the U.S."
        return "Japanese best-seller" if row["model_id"] in best else "other"

    return shapes.assign(kind=shapes.apply(kind, axis=1))


def fit_table(shapes: pd.DataFrame, structural: pd.DataFrame) -> pd.DataFrame:
    """Does each model fit a typical mechanical-parking space, the kei class, the small-car class? (comparisons derived)."""
    parking = limit(structural, "parking", PARKING_ITEM)
    kei = limit(structural, "vehicle_class_limits", KEI_ITEM)
    small = limit(structural, "vehicle_class_limits", SMALL_CAR_ITEM)

    def fits(row: pd.Series, box: dict[str, float]) -> str:
        too_big = [
            dim for dim in ("length", "width", "height") if dim in box and pd.notna(row[f"{dim}_mm"]) and row[f"{dim}_mm"] > box[dim]
        ]
        unknown = [dim for dim in ("length", "width", "height") if dim in box and pd.isna(row[f"{dim}_mm"])]
        if too_big:
            return "no: " + ", ".join(f"{dim} over by {row[f'{dim}_mm'] - box[dim]:,.0f} mm" for dim in too_big)
        return "yes" + (f" ({', '.join(unknown)} not in the data)" if unknown else "")

    table = shapes.astype({"length_mm": "Int64", "width_mm": "Int64", "height_mm": "Int64"}).assign(
        fits_mechanical_parking=shapes.apply(fits, axis=1, box=parking),
        fits_kei_class=shapes.apply(fits, axis=1, box=kei),
        fits_small_car_class=shapes.apply(fits, axis=1, box=small),
    )
    return table[
        [
            "label",
            "kind",
            "length_mm",
            "width_mm",
            "height_mm",
            "fits_mechanical_parking",
            "fits_small_car_class",
            "fits_kei_class",
            "how",
            "as_of",
            "source_key",
        ]
    ]


def footprint_chart(shapes: pd.DataFrame, structural: pd.DataFrame, columns: int = 2, width_px: int = 600) -> alt.LayerChart:
    """Footprints drawn to scale (equal mm per pixel on both axes): each model centred in a typical mechanical-parking
    space (grey), with the kei class limit as a dashed outline."""
    parking = limit(structural, "parking", PARKING_ITEM)
    kei = limit(structural, "vehicle_class_limits", KEI_ITEM)
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
    kinds = [k for k in FOOTPRINT_KINDS if k in set(shapes["kind"])]
    colour = alt.Color(
        "category:N",
        title=None,
        scale=alt.Scale(
            domain=["typical mechanical-parking space", *kinds],
            range=["#d9d9d9", *[FOOTPRINT_COLOURS[FOOTPRINT_KINDS.index(k)] for k in kinds]],
        ),
        legend=alt.Legend(orient="bottom", symbolType="square", labelLimit=0),
    )
    tooltip = ["panel:N", "category:N", alt.Tooltip("length_mm:Q", format=",.0f"), alt.Tooltip("width_mm:Q", format=",.0f")]
    base = alt.Chart(frame)
    slot = (
        base.transform_filter("datum.layer == 'parking'")
        .mark_rect(stroke="#9a9a9a")
        .encode(x=x, x2="x1:Q", y=y, y2="y1:Q", color=colour, tooltip=tooltip)
    )
    car = (
        base.transform_filter("datum.layer == 'model'")
        .mark_rect(opacity=0.8, stroke="#333333", strokeWidth=0.8)
        .encode(x=x, x2="x1:Q", y=y, y2="y1:Q", color=colour, tooltip=tooltip)
    )
    kei_box = (
        base.transform_filter("datum.layer == 'kei'")
        .mark_rect(fillOpacity=0, stroke="#000000", strokeDash=[4, 3], strokeWidth=1.2)
        .encode(x=x, x2="x1:Q", y=y, y2="y1:Q", tooltip=tooltip)
    )
    slot_outline = (
        base.transform_filter("datum.layer == 'parking'")
        .mark_rect(fillOpacity=0, stroke="#555555", strokeWidth=1.2)
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
        .mark_rule(strokeWidth=2, color="#333333")
        .encode(x=alt.X("x0:Q", axis=None, scale=x_scale), x2="x1:Q", y=alt.Y("y0:Q", axis=None, scale=y_scale))
    )
    scale_text = (
        alt.Chart(bar)
        .mark_text(align="left", dx=6, baseline="middle", fontSize=11)
        .encode(x=alt.X("x1:Q", axis=None, scale=x_scale), y=alt.Y("y0:Q", axis=None, scale=y_scale), text="text:N")
    )
    key_text = (
        alt.Chart(bar)
        .mark_text(align="left", baseline="middle", fontSize=11, color="#333333", lineBreak="\n", dy=-6)
        .encode(x=alt.X("kx:Q", axis=None, scale=x_scale), y=alt.Y("y0:Q", axis=None, scale=y_scale), text="key:N")
    )
    return alt.layer(slot, car, slot_outline, kei_box, titles, scale_bar, scale_text, key_text).properties(width=width_px, height=height_px)


# --------------------------------------------------------------------------- claims over time


def claims_timeline(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with a start date (the first date in the cell: a period is placed at its start), actor group and stance label."""
    table = claims.copy()
    first = table["date"].str.extract(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
    table["start"] = pd.to_datetime(first[0] + "-" + first[1].fillna("01") + "-" + first[2].fillna("01"))
    table["year"] = table["start"].dt.year
    table["actor"] = table.pop("actor_group").map(ACTOR_GROUPS)  # the chart shows the group's title, not its id
    table["stance_label"] = table["stance"].map(STANCE_LABELS)
    table["milestone"] = table["claim_id"].map(MILESTONES).fillna("")
    table = table.sort_values(["start", "claim_id"], kind="stable").reset_index(drop=True)
    table["slot"] = table.groupby(["year", "actor"]).cumcount()
    # Each year gets as many positions as its busiest actor needs; points of one actor and year are centred in it.
    widths = table.groupby("year")["slot"].max() + 1
    starts = (widths + YEAR_GAP).cumsum() - widths - YEAR_GAP
    centre = starts + widths / 2
    crowd = table.groupby(["year", "actor"])["slot"].transform("count")
    table["position"] = table["year"].map(centre) + table["slot"] - (crowd - 1) / 2
    return table


LOG_TICKS = [100, 300, 1000, 3000, 10000, 30000, 100000, 300000]
YEAR_GAP = 0.8  # space between two years' groups, in point widths


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
    y = alt.Y("actor:N", title=None, scale=alt.Scale(domain=ACTORS))
    stance = alt.Color(
        "stance_label:N",
        title=None,
        scale=alt.Scale(domain=list(STANCE_LABELS.values()), range=STANCE_COLOURS),
        legend=alt.Legend(orient="bottom", columns=3),
    )
    shape = alt.Shape("stance_label:N", title=None, scale=alt.Scale(domain=list(STANCE_LABELS.values()), range=STANCE_SHAPES))
    tooltip = ["claim_id:N", "date:N", "claimant:N", "stance_label:N", "claim_summary:N", "evidence_or_figure:N", "source_key:N"]
    rules = alt.Chart(separators).mark_rule(color="#e0e0e0").encode(x=alt.X("position:Q", scale=x.to_dict()["scale"]))
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
    rings = alt.Chart(milestones).mark_point(size=520, color="#111111", strokeWidth=1.5).encode(x=x, y=y)
    labels = (
        alt.Chart(milestones).mark_text(align="right", dx=-4, dy=-18, fontSize=11, fontWeight="bold").encode(x=x, y=y, text="milestone:N")
    )
    return alt.layer(rules, points, rings, labels).properties(width=540, height=300)


def claims_table(timeline: pd.DataFrame) -> pd.DataFrame:
    """Each claim beside the evidence or figure its claimant gave, in date order."""
    return timeline[["date", "claimant", "stance_label", "claim_summary", "evidence_or_figure", "source_key"]].rename(
        columns={
            "stance_label": "stance",
            "claim_summary": "claim or action (paraphrased)",
            "evidence_or_figure": "evidence or figure given",
        }
    )


# --------------------------------------------------------------------------- Jeep, GM, Ford


def history_makers(by_brand: pd.DataFrame) -> dict[str, str]:
    """The makers the history follows, in legend order: brand_id -> name (a brand's own name; GM's brands together 'GM')."""
    return {JEEP: brand_name(by_brand, JEEP), GM_BRANDS: GM_NAME, FORD: brand_name(by_brand, FORD)}


def us_brand_history(by_brand: pd.DataFrame) -> pd.DataFrame:
    """Calendar-year sales in Japan of Jeep, GM (all brands) and Ford, with each row's basis.

    GM's figure is a reported row for GM's brands together where one exists; otherwise, in a year with both Chevrolet
    and Cadillac figures, their sum (derived). Targets are left out; a year without a figure stays a gap.
    """
    makers = history_makers(by_brand)
    cy = by_brand[(by_brand["period_type"] == "CY") & by_brand["units"].notna() & (by_brand["counted"] != TARGET)].copy()
    cy["year"] = cy["period"].astype(int)
    rows = []

    def add(brand_id: str, found: pd.DataFrame, how: str = "reported") -> None:
        for _, row in found.iterrows():
            rows.append(
                {
                    "year": row["year"],
                    "maker": makers[brand_id],
                    "units": float(row["units"]),
                    "how": how,
                    "qualifier": row["qualifier"],
                    "counted": row["brand"],
                    "scope": row["scope"],
                    "source_key": row["source_key"],
                }
            )

    add(JEEP, cy[cy["brand_id"] == JEEP])
    add(FORD, cy[cy["brand_id"] == FORD])
    gm_reported = cy[cy["brand_id"] == GM_BRANDS]
    add(GM_BRANDS, gm_reported)
    for year in sorted(set(cy["year"]) - set(gm_reported["year"])):
        chevrolet = figures.best_row(cy[(cy["year"] == year) & (cy["brand_id"] == CHEVROLET)])
        cadillac = figures.best_row(cy[(cy["year"] == year) & (cy["brand_id"] == CADILLAC)])
        if chevrolet is None or cadillac is None:
            continue
        both = f"{chevrolet['brand']} + {cadillac['brand']}"
        rows.append(
            {
                "year": year,
                "maker": makers[GM_BRANDS],
                "units": float(chevrolet["units"] + cadillac["units"]),
                "how": f"derived: {both}",
                "counted": both,
                "qualifier": "exact" if all(str(r["qualifier"]).startswith("exact") for r in (chevrolet, cadillac)) else "approx",
                "scope": chevrolet["scope"],
                "source_key": ";".join(dict.fromkeys([chevrolet["source_key"], cadillac["source_key"]])),
            }
        )
    history = pd.DataFrame(rows).sort_values(["maker", "year"], kind="stable").reset_index(drop=True)
    history["approximate"] = ~history["qualifier"].fillna("").str.startswith("exact")
    return history


def history_facts(history: pd.DataFrame, makers: dict[str, str]) -> dict[str, str]:
    """Jeep's latest year, GM's brands in that year, and GM's peak, for the prose (``makers`` from ``history_makers``)."""
    jeep, gm = makers[JEEP], makers[GM_BRANDS]
    latest = history[history["year"] == history.loc[history["maker"] == jeep, "year"].max()].set_index("maker")
    peak = history[history["maker"] == gm].sort_values("units").iloc[-1]
    return {
        "jeep_latest": f"{units(latest.loc[jeep, 'units'])} in {int(latest.loc[jeep, 'year'])}",
        "gm_latest": f"{units(latest.loc[gm, 'units'])} ({latest.loc[gm, 'how']})" if gm in latest.index else "no figure for that year",
        "gm_peak": f"about {units(peak['units'])} in {int(peak['year'])}, a figure for {peak['counted']}",
    }


def history_chart(history: pd.DataFrame, events: pd.DataFrame, makers: Iterable[str]) -> alt.LayerChart:
    """Points by year (log scale: the makers differ by orders of magnitude); lines join consecutive years only; events as rules.

    ``makers`` are the makers' names in legend order (``history_makers(...).values()``).
    """
    maker_scale = alt.Scale(domain=list(makers), range=[charts.PALETTE[2], charts.PALETTE[0], charts.PALETTE[3]])
    colour = alt.Color("maker:N", title=None, scale=maker_scale, legend=alt.Legend(orient="bottom"))
    x = alt.X(
        "year:Q",
        title="Year",
        axis=alt.Axis(format="d"),
        scale=alt.Scale(domain=[int(history["year"].min()) - 1, int(history["year"].max()) + 1]),
    )
    y = alt.Y(
        "units:Q",
        title="Vehicles sold in Japan (log scale)",
        scale=alt.Scale(type="log"),
        axis=alt.Axis(format=",.0f", values=[v for v in LOG_TICKS if v <= history["units"].max() * 2]),
    )
    segments = history.sort_values(["maker", "year"]).copy()
    segments["run"] = (segments.groupby("maker")["year"].diff() != 1).cumsum()
    lines = alt.Chart(segments).mark_line().encode(x=x, y=y, color=colour, detail="run:N")
    tooltip = ["maker:N", "counted:N", "year:Q", alt.Tooltip("units:Q", format=",.0f"), "how:N", "qualifier:N", "scope:N", "source_key:N"]
    exact = (
        alt.Chart(history[~history["approximate"]])
        .mark_point(size=80, filled=True, opacity=1)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    approximate = (
        alt.Chart(history[history["approximate"]])
        .mark_point(size=80, filled=False, strokeWidth=2)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
    )
    last = history.sort_values("year").groupby("maker").tail(1)
    names = alt.Chart(last).mark_text(align="left", dx=8, fontSize=11, fontWeight="bold").encode(x=x, y=y, color=colour, text="maker:N")
    rules = alt.Chart(events).mark_rule(strokeDash=[4, 3], color="#555555").encode(x="year:Q")
    notes = alt.Chart(events).mark_text(align="left", dx=4, dy=-4, baseline="top", fontSize=11, y=4).encode(x="year:Q", text="event:N")
    return alt.layer(lines, exact, approximate, names, rules, notes).properties(height=300)


def exit_events(claims: pd.DataFrame) -> pd.DataFrame:
    """Ford's announced exit (its 2016 statement in the claims table, by claim_id), placed at the statement's year."""
    ford = data.rows_by_id(claims, "claim_id", FORD_EXIT_CLAIM)
    return pd.DataFrame(
        {
            "year": ford["date"].str.slice(0, 4).astype(int),
            "event": "Ford announces exit",
            "source_key": ford["source_key"],
            "claim_id": ford["claim_id"],
        }
    )


def networks_table(structural: pd.DataFrame) -> pd.DataFrame:
    """Dealer networks and right-hand-drive offers, as reported (the data has no share of U.S. models offered in RHD)."""
    rows = structural[structural["factor"].isin(["dealer_network", "steering_side"])]
    return rows[["factor", "item", "metric", "value", "unit", "as_of", "source_key", "notes"]].reset_index(drop=True)


def structural_value(structural: pd.DataFrame, item_id: str, metric: str) -> pd.Series:
    """One row of the structural-factors table, by item_id and metric (the first if sources repeat it)."""
    rows = structural[(structural["item_id"] == item_id) & (structural["metric"] == metric)]
    if rows.empty:
        raise KeyError(f"structural_factors has no row with item_id {item_id!r} and metric {metric!r}")
    return rows.iloc[0]


# --------------------------------------------------------------------------- sentences for the page (glued, never typed)


def split_summary(split: MarketSplit) -> str:
    """The nested split in one or two sentences; derived shares say so; a missing level is named, not filled."""
    if split.levels == 0:
        return f"The data cannot split the market for {split.year}: it lacks {'; '.join(split.missing)}."
    table = split_table(split).set_index(split.rows["segment_id"])
    market_units = split.rows.loc[split.rows["level"] == 0, "units"].sum()
    kei, japanese, foreign, us, other_us = (SEGMENT_IDS[name] for name in (KEI, JAPANESE_REGISTERED, FOREIGN, US_BRANDS, OTHER_US))
    parts = [
        f"In {split.year}, kei vehicles were {share(table.loc[kei, 'share_of_level_pct'])} of the {units(market_units)} new vehicles "
        f"(registered + kei), Japanese brands' registered vehicles {share(table.loc[japanese, 'share_of_level_pct'])} and "
        f"foreign brands {share(table.loc[foreign, 'share_of_level_pct'])} (all three shares derived from the unit figures)."
    ]
    if split.levels >= 2:
        parts.append(
            f"U.S. brands ({units(table.loc[us, 'units'])} vehicles) were {share(table.loc[us, 'share_of_level_pct'])} "
            f"of the foreign brands, or {share(table.loc[us, 'share_of_market_pct'], 2)} of all new vehicles (derived)."
        )
    if split.levels >= 3:
        parts.append(
            f"{table.loc[JEEP, 'segment']} alone was {share(table.loc[JEEP, 'share_of_level_pct'])} of the U.S. brands; the rest of the "
            f"U.S. total that the named brands do not account for, {units(table.loc[other_us, 'units'])} vehicles (derived), is mostly Tesla, "
            "which the importers' association counts under 'Others'."
        )
    if split.missing:
        parts.append(f"The picture stops there because the data lack {'; '.join(split.missing)}.")
    return " ".join(parts)


def conflict_summary(split: MarketSplit) -> str:
    """Where sources give different figures for the same quantity in the split's year, both, with their sources."""
    sentences = []
    conflicts = split.conflicts
    quantity = conflicts["metric"].fillna(conflicts["brand_id"]) if "brand_id" in conflicts else conflicts["metric"]
    for _, rows in conflicts.groupby(quantity, sort=False):
        first = rows.iloc[0]
        what = first["metric"].replace("_", " ") if pd.notna(first["metric"]) else first["brand"]  # the reader's words
        values = rows["value"] if "value" in rows and rows["value"].notna().any() else rows["units"]
        distinct = {f"{v:,.0f}" for v in values.dropna()}
        if len(distinct) < 2:
            continue
        listed = " and ".join(
            f"{v:,.0f} ({k}{', ' + q if isinstance(q, str) and not q.startswith('exact') else ''})"
            for v, k, q in zip(values, rows["source_key"], rows["qualifier"], strict=True)
        )
        sentences.append(f"{what}: {listed}")
    if not sentences:
        return "The sources agree on the figures used in this picture."
    return (
        "Sources give different figures for "
        + "; ".join(sentences)
        + ". The picture's total is registered plus kei sales; where it needs one of two figures it takes the exact one from "
        "the more reliable source. Both rows stay in the data."
    )


def brand_ratio_sentence(by_brand: pd.DataFrame, split: MarketSplit, year: int) -> str:
    """The best-selling German brand against all U.S. brands in ``year`` (ratio derived), or what is missing."""
    rows = brand_rows(by_brand)
    german = rows[(rows["year"] == year) & (rows["origin"] == GERMANY)].sort_values("units", ascending=False)
    if german.empty:
        return f"The data has no German brand's figure for {year}."
    top = german.iloc[0]
    if split.levels >= 2:
        us_total = split.units_of(SEGMENT_IDS[US_BRANDS])
        return (
            f"In {year} {top['brand_name']} alone registered {units(top['units'])} vehicles in Japan, "
            f"{times(top['units'] / us_total)} as many as all U.S. brands together ({units(us_total)}; ratio derived)."
        )
    us = rows[(rows["year"] == year) & (rows["origin"] == UNITED_STATES)].sort_values("units", ascending=False)
    if us.empty:
        return (
            f"In {year} {top['brand_name']} registered {units(top['units'])} vehicles; the data has no U.S. brand's figure for that year."
        )
    best = us.iloc[0]
    return (
        f"In {year} {top['brand_name']} registered {units(top['units'])} vehicles and the best-selling U.S. brand, "
        f"{best['brand_name']}, {units(best['units'])}: {times(top['units'] / best['units'])} as many for the German brand (ratio derived). "
        f"The data has no total for all U.S. brands in {year}."
    )


def fit_sentence(fits: pd.DataFrame) -> str:
    """Which drawn models fit a typical mechanical-parking space and which do not, by how much (derived)."""
    fitting = fits[fits["fits_mechanical_parking"].str.startswith("yes")]
    failing = fits[fits["fits_mechanical_parking"].str.startswith("no")]
    parts = []
    if not fitting.empty:
        names = [row["label"] + row["fits_mechanical_parking"].removeprefix("yes") for _, row in fitting.iterrows()]
        parts.append(f"Within a typical mechanical-parking space's limits: {', '.join(names)}.")
    if not failing.empty:
        parts.append(
            "Too big for it: "
            + "; ".join(f"{row['label']} ({row['fits_mechanical_parking'].removeprefix('no: ')})" for _, row in failing.iterrows())
            + " (differences derived from the dimensions)."
        )
    return " ".join(parts)


def claim_sentence(claims: pd.DataFrame, claim_id: str) -> str:
    """One claim or action as 'date, claimant: summary', from the claims table (the evidence is in the table beside it)."""
    row = claims[claims["claim_id"] == claim_id].iloc[0]
    return f"{row['date']}, {row['claimant']}: {row['claim_summary']}"


def stance_counts(timeline: pd.DataFrame) -> str:
    """How many rows of the claims table take each stance (counted, not weighed)."""
    counts = timeline["stance_label"].value_counts()
    return ", ".join(f"{count} {label}" for label, count in counts.items())


def gap_note(split: MarketSplit) -> str:
    """Markdown shown instead of the nested picture when the data cannot draw even its first level."""
    return f"**No picture for {split.year}:** the data lack figures it needs ({'; '.join(split.missing)})."


def garage_sentence(structural: pd.DataFrame) -> str:
    """The garage-certificate rule, from the structural-factors table."""
    required = structural_value(structural, "registered_vehicles", "garage_certificate_required")
    distance = structural_value(structural, "storage_place", "max_distance_from_base_of_use")
    return (
        f"To register a car the owner needs a garage certificate (required: {required['value']}, "
        f"as of {required['as_of']}): a parking place within {distance['value']} {distance['unit']} of home that the whole vehicle fits into"
    )


def roads_sentence(structural: pd.DataFrame) -> str:
    """What the data says about roads, and the statistic it lacks."""
    share_row = structural_value(structural, "public_road_network", "municipal_road_share_pct")
    lengths = structural[(structural["factor"] == "roads") & (structural["metric"] == "total_length")]
    listed = "; ".join(f"{float(v):,.0f} {u}, {a}" for v, u, a in zip(lengths["value"], lengths["unit"], lengths["as_of"], strict=True))
    return (
        f"The data give the length of Japan's public roads ({listed}) and the municipal roads' share "
        f"({share_row['value']}%, {share_row['as_of']}), but no share of narrow roads and no official count of parking spaces"
    )


def large_imports_sentence(structural: pd.DataFrame) -> str:
    """The share of imported cars above the small-car size class, as reported."""
    row = structural_value(structural, "imported_registered_cars", "large_3_number_plate_share_pct")
    return f"{row['value']}% of imported passenger cars registered in {row['as_of']} were in the larger '3-number' class, above the small-car limits"


def networks_sentence(structural: pd.DataFrame) -> str:
    """Dealer networks and right-hand drive: Jeep against GM and Ford, as reported."""
    jeep = structural_value(structural, "jeep_japan", "dealerships")
    ford = structural_value(structural, "ford_japan", "dealerships")
    gm = structural_value(structural, "yanase_gm_outlets", "dealerships")
    rhd = structural_value(structural, "jeep_all_models", "rhd_offered_in_japan")
    cadillac = structural_value(structural, "cadillac_lineup_before_lyriq", "rhd_offered_in_japan")
    return (
        f"Jeep had {jeep['value']} dealerships ({jeep['as_of']}) and offered right-hand drive on all models "
        f"({rhd['value']}, {rhd['as_of']}); Ford had {ford['value']} when it announced its exit ({ford['as_of']}); "
        f"GM's largest dealer, Yanase, ran {gm['value']} GM outlets ({gm['as_of']}), and Cadillac's lineup before the Lyriq "
        f"was '{cadillac['value']}'"
    )


def height_sentence(fits: pd.DataFrame) -> str:
    """Models that are too tall for a typical mechanical-parking space (height is a limit too), or what the data lacks."""
    tall = fits[fits["fits_mechanical_parking"].str.contains("height over")]
    known = fits[fits["height_mm"].notna()]["label"].tolist()
    parts = []
    if not tall.empty:
        parts.append(
            "typical mechanical-parking spaces limit height too, and "
            + ", ".join(f"{row['label']} ({row['fits_mechanical_parking'].removeprefix('no: ')})" for _, row in tall.iterrows())
            + " is too tall for one."
        )
    else:
        parts.append("typical mechanical-parking spaces limit height too; none of the models drawn with a height exceeds it.")
    if len(known) < len(fits):
        parts.append(f"(The data give heights only for {', '.join(known) or 'none of them'}.)")
    return " ".join(parts)
