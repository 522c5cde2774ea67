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
from tradetalks.params import ParameterError, check_choices
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

# Brand names that mean the same brand in the same scope in different years' tables.
BRAND_ALIASES = {"BMW (excl. MINI)": "BMW", "BMW MINI": "MINI", "Jeep (Chrysler)": "Jeep"}
# Rows that are aggregates, targets, rank statements or another scope, not one brand's registrations.
NOT_A_BRAND = ("total", "target", "rank statement", "incl. MINI", "Japanese brand", "JADA basis", "GM (", "Tesla (Model")
GERMANY, UNITED_STATES, OTHER = "German brand", "U.S. brand", "other brand"
ORIGIN_COLOURS = {GERMANY: charts.PALETTE[0], UNITED_STATES: charts.PALETTE[3], OTHER: "#999999"}
US_NAMED_BRANDS = ("Jeep", "Chevrolet", "Cadillac")
US_TOTAL = figures.US_BRANDS_TOTAL
GM_CHEVROLET_CADILLAC = "GM (Chevrolet + Cadillac)"

STANCE_LABELS = {
    "asserts_barrier": "says there is a barrier",
    "disputes_barrier": "disputes the barrier",
    "policy_action": "policy action",
    "agreement_term": "agreement term",
    "data_point": "background evidence",
}
STANCE_COLOURS = [charts.PALETTE[3], charts.PALETTE[0], charts.PALETTE[2], charts.PALETTE[4], "#999999"]
STANCE_SHAPES = ["triangle-up", "circle", "square", "diamond", "cross"]
ACTORS = [
    "U.S. government",
    "U.S. business and industry",
    "Both governments",
    "Japan government",
    "Japanese industry",
    "Analysts and media",
]
# The three changes the chapter follows (issue 3): the 2013 certification cap, the 2025 agreement,
# the 2026 recognition of U.S. safety certification.
MILESTONES = {"C06": "PHP certification cap raised", "C31": "U.S.–Japan agreement", "C34": "U.S. safety certification recognised"}

FOOTPRINT_KINDS = ["Japanese best-seller", "built in the U.S.", "U.S. brand", "other"]
FOOTPRINT_COLOURS = [charts.PALETTE[2], charts.PALETTE[1], charts.PALETTE[3], "#999999"]
DEFAULT_MODELS = ("Honda N-BOX", "Toyota Yaris", "Toyota Camry", "Toyota Highlander", "Toyota Tundra", "Ford F-150")


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

    def units_of(self, segment: str) -> float:
        return float(self.rows.loc[self.rows["segment"] == segment, "units"].iloc[0])


LEVEL_TITLES = ("All new vehicles", "Foreign brands", "U.S. brands")
KEI, JAPANESE_REGISTERED, FOREIGN = "Kei (light) vehicles", "Japanese brands, registered vehicles", "Foreign brands"
US_BRANDS, OTHER_FOREIGN, OTHER_US = "U.S. brands", "Other foreign brands", "Other U.S. brands (mostly Tesla)"


def _segment(level: int, segment: str, value: float, row: pd.Series | None, how: str, keys: Iterable[str]) -> dict:
    return {
        "level": level,
        "level_title": LEVEL_TITLES[level],
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
    missing = [
        f"{label} ({table}, calendar {year})"
        for label, table, row in (
            ("kei sales", "japan_new_car_sales", kei),
            ("registered-vehicle sales", "japan_new_car_sales", registered),
            ("foreign-brand registrations", "japan_import_market_totals", foreign),
        )
        if row is None
    ]
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
        missing.append(f"the U.S. brands' total ({US_TOTAL!r} in japan_import_sales_by_brand, calendar {year})")
        return MarketSplit(year, pd.DataFrame(rows), missing, conflicts)
    conflicts = pd.concat([conflicts, brands[brands["brand"] == US_TOTAL]])
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
    named = [figures.best_row(brands[(brands["brand"] == name) & brands["units"].notna()]) for name in US_NAMED_BRANDS]
    absent = [name for name, row in zip(US_NAMED_BRANDS, named, strict=True) if row is None]
    if absent:
        missing.append(f"{', '.join(absent)} (japan_import_sales_by_brand, calendar {year})")
        return MarketSplit(year, pd.DataFrame(rows), missing, conflicts)
    for name, row in zip(US_NAMED_BRANDS, named, strict=True):
        rows.append(_segment(2, name, row["units"], row, "reported", [row["source_key"]]))
    rest = us_total["units"] - sum(row["units"] for row in named)
    rows.append(
        _segment(
            2,
            OTHER_US,
            rest,
            None,
            f"derived: the U.S. brands' total minus {', '.join(US_NAMED_BRANDS)}; JAIA counts Tesla in 'Others'",
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


SEGMENT_COLOURS = {
    KEI: charts.PALETTE[5],
    JAPANESE_REGISTERED: charts.PALETTE[0],
    FOREIGN: charts.PALETTE[1],
    OTHER_FOREIGN: "#f5c26b",
    US_BRANDS: charts.PALETTE[3],
    "Jeep": charts.PALETTE[2],
    "Chevrolet": charts.PALETTE[4],
    "Cadillac": "#6b4c9a",
    OTHER_US: "#999999",
}


def nested_chart(split: MarketSplit, note: str = "") -> alt.LayerChart:
    """Stacked bars, one per level; each bar zooms into the last segment of the bar above (shares of that bar).

    ``note`` (e.g. Japan's tariff on cars) is written at the top right, beside the picture.
    """
    table = split_table(split)
    bar_h, gap = 1.0, 0.9
    pieces, links = [], []
    for level, rows in table.groupby(split.rows["level"], sort=True):
        top = -level * (bar_h + gap)
        start = 0.0
        for _, row in rows.iterrows():
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
        scale=alt.Scale(domain=list(frame["legend"]), range=[SEGMENT_COLOURS.get(name, "#999999") for name in frame["segment"]]),
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
    """Calendar-year registrations of single brands, with one name per brand and its origin group."""
    rows = by_brand[(by_brand["period_type"] == "CY") & by_brand["units"].notna()].copy()
    rows = rows[~rows["brand"].apply(lambda name: any(part in name for part in NOT_A_BRAND))]
    rows["brand_name"] = rows["brand"].map(lambda name: BRAND_ALIASES.get(name, name))
    rows["year"] = rows["period"].astype(int)
    rows["origin"] = rows["brand_origin"].map(lambda o: GERMANY if o == "DE" else UNITED_STATES if o.startswith("US") else OTHER)
    return rows.reset_index(drop=True)


def valid_brands(by_brand: pd.DataFrame) -> list[str]:
    """Brand names the ``brands`` parameter accepts, German first, then U.S., then others."""
    rows = brand_rows(by_brand)
    order = {GERMANY: 0, UNITED_STATES: 1, OTHER: 2}
    firsts = rows.drop_duplicates("brand_name")
    return sorted(firsts["brand_name"], key=lambda name: (order[firsts.set_index("brand_name").loc[name, "origin"]], name))


def brand_years(by_brand: pd.DataFrame, brands: Iterable[str] | None = None) -> list[int]:
    """Calendar years with a figure for at least one of ``brands`` (all brands if None)."""
    rows = brand_rows(by_brand)
    if brands is not None:
        rows = rows[rows["brand_name"].isin(list(brands))]
    return sorted(set(rows["year"]))


def default_year(by_brand: pd.DataFrame) -> int:
    """The latest calendar year with figures for both a German and a U.S. brand."""
    rows = brand_rows(by_brand)
    both = rows.groupby("year")["origin"].agg(lambda o: {GERMANY, UNITED_STATES} <= set(o))
    return int(both[both].index.max())


def default_brands(by_brand: pd.DataFrame, year: int) -> list[str]:
    """The German and U.S. brands with a figure in ``year``, largest first."""
    rows = brand_rows(by_brand)
    rows = rows[(rows["year"] == year) & rows["origin"].isin([GERMANY, UNITED_STATES])]
    return list(dict.fromkeys(rows.sort_values("units", ascending=False, kind="stable")["brand_name"]))


def valid_models(structural: pd.DataFrame) -> list[str]:
    """Model names the ``models`` parameter accepts: those with both a length and a width in the data."""
    return list(dict.fromkeys(footprints(structural)["model"]))


def as_list(value: object) -> object:
    """A list parameter given as text ('["Jeep", "Ford"]' or 'Jeep') as a list; other values unchanged."""
    if not isinstance(value, str):
        return value
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return [value]
    return list(parsed) if isinstance(parsed, (list, tuple)) else [value]


def check_parameters(
    year: int | None,
    brands: Sequence[str] | None,
    models: Sequence[str] | None,
    by_brand: pd.DataFrame,
    structural: pd.DataFrame,
) -> tuple[int, list[str], list[str]]:
    """Validate the chapter's parameters (unknown names stop the run, listing the valid ones); defaults come from the data.

    ``brands`` and ``models`` may also arrive as text (``papermill -p brands '["Jeep"]'`` passes a string): a list
    literal is read as a list, any other text as one name.
    """
    brands, models = as_list(brands), as_list(models)
    if brands is not None:
        brands = check_choices("brands", brands, valid_brands(by_brand))
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
    models = check_choices("models", models, valid_models(structural)) if models is not None else list(DEFAULT_MODELS)
    return year, list(brands), list(models)


def brand_comparison(by_brand: pd.DataFrame, year: int, brands: Sequence[str]) -> pd.DataFrame:
    """Registrations of ``brands`` in ``year``: every sourced row (several if sources differ); a brand without one stays empty."""
    rows = brand_rows(by_brand)
    chosen = rows[(rows["year"] == year) & rows["brand_name"].isin(brands)]
    parts = []
    for name in brands:
        found = chosen[chosen["brand_name"] == name]
        if found.empty:
            origin = rows.loc[rows["brand_name"] == name, "origin"].iloc[0]
            parts.append(pd.DataFrame([{"brand_name": name, "origin": origin, "note": f"no figure in the data for {year}"}]))
        else:
            parts.append(found.assign(note=""))
    shown = pd.concat(parts, ignore_index=True)
    shown["label"] = shown["brand_name"]
    repeated = shown["brand_name"].duplicated(keep=False)
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


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"\d+(?:\.\d+)?", text)]


def footprints(structural: pd.DataFrame) -> pd.DataFrame:
    """One row per drawable footprint (length and width in mm) from ``model_size`` rows.

    'LxW[xH]' values are read as given ('~' marks an approximate value); '5933 or 6414 x 2032' gives
    two configurations; a model given in inches (Ford F-150) is converted to mm and marked derived.
    Models with only one dimension (e.g. a width alone) are not drawable and are left out.
    """
    sizes = structural[structural["factor"] == "model_size"].copy()
    sizes["model"] = sizes["item"].str.split(" (", regex=False).str[0]
    rows = []
    for model, group in sizes.groupby("model", sort=False):
        dims = group[group["metric"].str.startswith("length_x_width")]
        if not dims.empty:
            row = dims.iloc[0]
            value = str(row["value"])
            lengths_part, _, rest = value.partition(" x ") if " or " in value else ("", "", "")
            if lengths_part:  # '5933 or 6414 x 2032'
                width = _numbers(rest)[0]
                variants = [
                    (length, f"{model}, {label} configuration")
                    for length, label in zip(_numbers(lengths_part), ("shorter", "longer"), strict=False)
                ]
                parsed = [(length, width, None, name) for length, name in variants]
            else:
                numbers = _numbers(value)
                height = numbers[2] if len(numbers) > 2 else None
                parsed = [(numbers[0], numbers[1], height, model)]
            for length, width, height, name in parsed:
                rows.append(
                    {
                        "model": model,
                        "label": name,
                        "item": row["item"],
                        "length_mm": length,
                        "width_mm": width,
                        "height_mm": height,
                        "approximate": value.strip().startswith("~"),
                        "how": "reported" + (" (approximate)" if value.strip().startswith("~") else ""),
                        "as_of": row["as_of"],
                        "source_key": row["source_key"],
                        "notes": row["notes"],
                    }
                )
            continue
        length = group[(group["metric"] == "max_length") & (group["unit"] == "inches")]
        width = group[(group["metric"] == "width_without_mirrors") & (group["unit"] == "inches")]
        if length.empty or width.empty:
            continue
        length_row, width_row = length.iloc[0], width.iloc[0]
        rows.append(
            {
                "model": model,
                "label": model,
                "item": length_row["item"],
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
        )
    return pd.DataFrame(rows)


def undrawable_models(structural: pd.DataFrame) -> list[str]:
    """Models in ``model_size`` with too few dimensions to draw (a gap the page names)."""
    sizes = structural[structural["factor"] == "model_size"]
    names = list(dict.fromkeys(sizes["item"].str.split(" (", regex=False).str[0]))
    drawable = set(footprints(structural)["model"])
    return [name for name in names if name not in drawable]


def limit(structural: pd.DataFrame, factor: str, item: str) -> dict[str, float]:
    """A size limit's dimensions in mm: {'length': ..., 'width': ..., 'height': ...} (those in the data)."""
    rows = structural[(structural["factor"] == factor) & (structural["item"] == item) & (structural["unit"] == "mm")]
    return {metric.removeprefix("max_"): float(value) for metric, value in zip(rows["metric"], rows["value"], strict=True)}


KEI_ITEM, SMALL_CAR_ITEM, PARKING_ITEM = "kei car", "small car (5-number)", "mechanical parking (typical)"


def with_kinds(shapes: pd.DataFrame, bestsellers: pd.DataFrame) -> pd.DataFrame:
    """Label each footprint: a Japanese best-seller (in the best-seller table), built in the U.S., or a U.S. brand."""
    best = [str(m).split(" (")[0].lower() for m in bestsellers["model"]]

    def kind(row: pd.Series) -> str:
        item = str(row["item"])
        if "US-built" in item or "GM-built" in item:
            return "built in the U.S."
        if item.startswith(("Ford", "Chevrolet", "Cadillac", "GMC", "Jeep", "Dodge", "Tesla")):
            return "U.S. brand"
        name = row["model"].split(" ", 1)[-1].lower()
        return "Japanese best-seller" if any(name == b or name.startswith(b) for b in best) else "other"

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


def _actor(role: str) -> str:
    role = role.lower()
    if ("us government" in role and "japan government" in role) or role == "both governments":
        return "Both governments"
    if role.startswith("japan government"):
        return "Japan government"
    if role.startswith(("us government", "us legislator")):
        return "U.S. government"
    if role.startswith(("us ", "us-")):
        return "U.S. business and industry"
    if role.startswith("japanese"):
        return "Japanese industry"
    return "Analysts and media"


def claims_timeline(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims with a start date (the first date in the cell: a period is placed at its start), actor group and stance label."""
    table = claims.copy()
    first = table["date"].str.extract(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
    table["start"] = pd.to_datetime(first[0] + "-" + first[1].fillna("01") + "-" + first[2].fillna("01"))
    table["year"] = table["start"].dt.year
    table["actor"] = table["claimant_role"].map(_actor)
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


def us_brand_history(by_brand: pd.DataFrame) -> pd.DataFrame:
    """Calendar-year sales in Japan of Jeep, GM (all brands) and Ford, with each row's basis.

    GM's figure is a reported 'GM' row where one exists; otherwise, in a year with both Chevrolet and
    Cadillac figures, their sum (derived). Targets are left out; a year without a figure stays a gap.
    """
    cy = by_brand[(by_brand["period_type"] == "CY") & by_brand["units"].notna() & (by_brand["qualifier"] != "target")].copy()
    cy["year"] = cy["period"].astype(int)
    rows = []

    def add(maker: str, found: pd.DataFrame, how: str = "reported") -> None:
        for _, row in found.iterrows():
            rows.append(
                {
                    "year": row["year"],
                    "maker": maker,
                    "units": float(row["units"]),
                    "how": how,
                    "qualifier": row["qualifier"],
                    "counted": row["brand"],
                    "scope": row["scope"],
                    "source_key": row["source_key"],
                }
            )

    add("Jeep", cy[cy["brand"].isin(["Jeep", "Jeep (Chrysler)"])])
    add("Ford", cy[cy["brand"] == "Ford"])
    gm_reported = cy[cy["brand"].str.startswith("GM (")]
    add("GM", gm_reported)
    for year in sorted(set(cy["year"]) - set(gm_reported["year"])):
        chevrolet = figures.best_row(cy[(cy["year"] == year) & (cy["brand"] == "Chevrolet")])
        cadillac = figures.best_row(cy[(cy["year"] == year) & (cy["brand"] == "Cadillac")])
        if chevrolet is None or cadillac is None:
            continue
        rows.append(
            {
                "year": year,
                "maker": "GM",
                "units": float(chevrolet["units"] + cadillac["units"]),
                "how": "derived: Chevrolet + Cadillac",
                "counted": "Chevrolet + Cadillac",
                "qualifier": "exact" if all(str(r["qualifier"]).startswith("exact") for r in (chevrolet, cadillac)) else "approx",
                "scope": chevrolet["scope"],
                "source_key": ";".join(dict.fromkeys([chevrolet["source_key"], cadillac["source_key"]])),
            }
        )
    history = pd.DataFrame(rows).sort_values(["maker", "year"], kind="stable").reset_index(drop=True)
    history["approximate"] = ~history["qualifier"].fillna("").str.startswith("exact")
    return history


def history_chart(history: pd.DataFrame, events: pd.DataFrame) -> alt.LayerChart:
    """Points by year (log scale: the makers differ by orders of magnitude); lines join consecutive years only; events as rules."""
    makers = ["Jeep", "GM", "Ford"]
    maker_scale = alt.Scale(domain=makers, range=[charts.PALETTE[2], charts.PALETTE[0], charts.PALETTE[3]])
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
    """Ford's announced exit (from its 2016 statement in the claims table), placed at the statement's year."""
    ford = claims[claims["claimant"].str.startswith("Ford")]
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


def structural_value(structural: pd.DataFrame, factor: str, item: str, metric: str) -> pd.Series:
    """One row of the structural-factors table (the first if sources repeat it)."""
    rows = structural[(structural["factor"] == factor) & (structural["item"] == item) & (structural["metric"] == metric)]
    if rows.empty:
        raise KeyError(f"structural_factors has no {factor}/{item}/{metric}")
    return rows.iloc[0]


# --------------------------------------------------------------------------- sentences for the page (glued, never typed)


def split_summary(split: MarketSplit) -> str:
    """The nested split in one or two sentences; derived shares say so; a missing level is named, not filled."""
    if split.levels == 0:
        return f"The data cannot split the market for {split.year}: it lacks {'; '.join(split.missing)}."
    table = split_table(split).set_index("segment")
    market_units = split.rows.loc[split.rows["level"] == 0, "units"].sum()
    parts = [
        f"In {split.year}, kei vehicles were {share(table.loc[KEI, 'share_of_level_pct'])} of the {units(market_units)} new vehicles "
        f"(registered + kei), Japanese brands' registered vehicles {share(table.loc[JAPANESE_REGISTERED, 'share_of_level_pct'])} and "
        f"foreign brands {share(table.loc[FOREIGN, 'share_of_level_pct'])} (all three shares derived from the unit figures)."
    ]
    if split.levels >= 2:
        parts.append(
            f"U.S. brands ({units(table.loc[US_BRANDS, 'units'])} vehicles) were {share(table.loc[US_BRANDS, 'share_of_level_pct'])} "
            f"of the foreign brands, or {share(table.loc[US_BRANDS, 'share_of_market_pct'], 2)} of all new vehicles (derived)."
        )
    if split.levels >= 3:
        parts.append(
            f"Jeep alone was {share(table.loc['Jeep', 'share_of_level_pct'])} of the U.S. brands; the rest of the U.S. total that "
            f"the named brands do not account for, {units(table.loc[OTHER_US, 'units'])} vehicles (derived), is mostly Tesla, "
            "which the importers' association counts under 'Others'."
        )
    if split.missing:
        parts.append(f"The picture stops there because the data lack {'; '.join(split.missing)}.")
    return " ".join(parts)


def conflict_summary(split: MarketSplit) -> str:
    """Where sources give different figures for the same quantity in the split's year, both, with their sources."""
    sentences = []
    for what, rows in split.conflicts.groupby(split.conflicts["metric"].fillna(split.conflicts.get("brand", "")), sort=False):
        values = rows["value"] if "value" in rows and rows["value"].notna().any() else rows["units"]
        distinct = {f"{v:,.0f}" for v in values.dropna()}
        if len(distinct) < 2:
            continue
        listed = " and ".join(
            f"{v:,.0f} ({k}{', ' + q if isinstance(q, str) and not q.startswith('exact') else ''})"
            for v, k, q in zip(values, rows["source_key"], rows["qualifier"], strict=True)
        )
        sentences.append(f"{str(what).replace('_', ' ')}: {listed}")
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
        us_total = split.units_of(US_BRANDS)
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
    required = structural_value(structural, "garage_certificate", "registered vehicles", "garage_certificate_required")
    distance = structural_value(structural, "garage_certificate", "storage place", "max_distance_from_base_of_use")
    return (
        f"To register a car the owner needs a garage certificate (required: {required['value']}, "
        f"as of {required['as_of']}): a parking place within {distance['value']} {distance['unit']} of home that the whole vehicle fits into"
    )


def roads_sentence(structural: pd.DataFrame) -> str:
    """What the data says about roads, and the statistic it lacks."""
    share_row = structural_value(structural, "roads", "public road network", "municipal_road_share_pct")
    lengths = structural[(structural["factor"] == "roads") & (structural["metric"] == "total_length")]
    listed = "; ".join(f"{float(v):,.0f} {u}, {a}" for v, u, a in zip(lengths["value"], lengths["unit"], lengths["as_of"], strict=True))
    return (
        f"The data give the length of Japan's public roads ({listed}) and the municipal roads' share "
        f"({share_row['value']}%, {share_row['as_of']}), but no share of narrow roads and no official count of parking spaces"
    )


def large_imports_sentence(structural: pd.DataFrame) -> str:
    """The share of imported cars above the small-car size class, as reported."""
    row = structural_value(structural, "market_structure", "imported registered cars (month)", "large_3_number_plate_share_pct")
    return f"{row['value']}% of imported passenger cars registered in {row['as_of']} were in the larger '3-number' class, above the small-car limits"


def networks_sentence(structural: pd.DataFrame) -> str:
    """Dealer networks and right-hand drive: Jeep against GM and Ford, as reported."""
    jeep = structural_value(structural, "dealer_network", "Jeep Japan", "dealerships")
    ford = structural_value(structural, "dealer_network", "Ford Japan", "dealerships")
    gm = structural_value(structural, "dealer_network", "Yanase GM outlets", "dealerships")
    rhd = structural_value(structural, "steering_side", "Jeep (all models)", "rhd_offered_in_japan")
    cadillac = structural_value(structural, "steering_side", "Cadillac (recent lineup before Lyriq)", "rhd_offered_in_japan")
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
