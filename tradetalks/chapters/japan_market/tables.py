"""The market tables loaded and shaped: who buys what (the nested split), kei shares, brands, single facts.

Every figure comes from the market tables in ``data/``. Where this module computes a figure (a
remainder, a share, a sum) the row says ``derived`` and how. Frames built anew are tagged with the
tables they came from (``data.derived_from``), so the charts name their own sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from tradetalks import data, figures
from tradetalks.i18n import N_, tr

from . import words

TABLES = (
    "japan_new_car_sales",
    "japan_bestsellers",
    "japan_import_market_totals",
    "japan_import_sales_by_brand",
    "nontariff_barrier_claims",
    "structural_factors",
)

# japan_import_sales_by_brand: ``counted`` says what a row's figure is; brand comparisons take single brands only,
# and leave out Japanese brands' own imports.
ONE_BRAND, TARGET = "one_brand", figures.SALES_TARGET
GERMAN, JAPAN, USA = "DE", "JP", "US"  # country codes of brand_origin and built_in
GERMANY, UNITED_STATES, OTHER = N_("German brand"), N_("U.S. brand"), N_("other brand")  # translated where shown
ORIGINS = (GERMANY, UNITED_STATES, OTHER)  # the order of the brands parameter's choices and of the chart's legend
# brand_ids: the U.S. brands the split names one by one, and the makers the history follows.
JEEP, CHEVROLET, CADILLAC, FORD, GM_BRANDS = "jeep", "chevrolet", "cadillac", "ford", "gm_brands"
US_NAMED_BRANDS = (JEEP, CHEVROLET, CADILLAC)


def load_tables(data_dir: object = None) -> dict[str, pd.DataFrame]:
    """The chapter's six market tables, validated, with every ``original_source_key`` resolving."""
    return {name: data.load_table(name, data_dir) for name in TABLES}  # data.py checks original_source_key too


def chapter_sources(*tables: pd.DataFrame, data_dir: object = None) -> pd.DataFrame:
    """The sources behind every row the chapter read, with the original publishers its pages cite."""
    return data.sources_cited(*tables, data_dir=data_dir, original=True)


def sources_for_readers(sources: pd.DataFrame) -> pd.DataFrame:
    """The chapter's closing list as readers see it: each source's publisher, title and date (the producers of the
    figures are named in each chart's source line; the keys are on the references page)."""
    return sources[["publisher", "title", "as_of"]]


def short_name(publisher: str) -> str:
    """A publisher's name without the note that follows it: 'Nippon.com (Japan Data)' -> 'Nippon.com'."""
    return re.split(r" \(", publisher, maxsplit=1)[0].strip()


def reported_by(frame: pd.DataFrame, column: str = data.SOURCE_KEY_COLUMN, *, short: bool = False) -> pd.Series:
    """Each row's sources by their publishers' names ("Nippon.com (Japan Data)", or with ``short`` "Nippon.com"), never
    their keys, for prose and tables.

    The names come from the sources table of the frame's own data folder (every key resolves: ``load_tables`` checks).
    """
    names = data.load_table("sources", data.data_dir_of(frame)).set_index(data.SOURCE_KEY_COLUMN)["publisher"]
    if short:
        names = names.map(short_name)

    def publishers(cell: object) -> str:
        if pd.isna(cell):
            return ""
        return words.semicolons(dict.fromkeys(str(words.data(str(names[key]))) for key in data.split_source_keys(str(cell))))

    return frame[column].map(publishers) if column in frame else pd.Series("", index=frame.index)


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


# The split's words (translated where shown: ``split_table``).
LEVEL_TITLES = (N_("All new vehicles"), N_("Foreign brands"), N_("U.S. brands"))
KEI, JAPANESE_REGISTERED, FOREIGN = N_("Kei (light) vehicles"), N_("Japanese brands, registered vehicles"), N_("Foreign brands")
US_BRANDS, OTHER_FOREIGN, OTHER_US = N_("U.S. brands"), N_("Other foreign brands"), N_("Other U.S. brands (mostly Tesla)")
REPORTED = N_("reported")  # how a figure was obtained: as its source reports it (else a sentence saying how it was derived)
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
        "derived": how != REPORTED,
        "how": tr(REPORTED) if how == REPORTED else how,  # a derivation's words come translated
        "qualifier": "" if row is None else str(row.get("qualifier", "") or ""),
        "source_key": ";".join(dict.fromkeys(keys)),
    }


def market_split(sales: pd.DataFrame, totals: pd.DataFrame, by_brand: pd.DataFrame, year: int) -> MarketSplit:
    """One year's market as three nested levels: kei / Japanese registered / foreign; foreign -> U.S.; U.S. -> brands.

    A level is drawn only if every figure it needs is in the data; otherwise ``missing`` says which.
    """
    rows: list[dict] = []

    def split(missing: list[str], conflicts: pd.DataFrame) -> MarketSplit:
        conflicts = data.derived_from(conflicts.reset_index(drop=True), sales, by_brand)  # concat drops the tags
        return MarketSplit(year, data.derived_from(pd.DataFrame(rows), sales, totals, by_brand), missing, conflicts)

    kei = calendar_figure(sales, "kei_vehicle_sales", year)
    registered = calendar_figure(sales, "registered_vehicle_sales", year)
    foreign = calendar_figure(totals, "foreign_brand_registrations", year)
    needed = {
        tr("kei sales for calendar {year}").format(year=year): kei,
        tr("registered-vehicle sales for calendar {year}").format(year=year): registered,
        tr("foreign-brand registrations for calendar {year}").format(year=year): foreign,
    }
    missing = [what for what, row in needed.items() if row is None]
    conflicts = pd.concat([calendar_rows(sales, "total_new_vehicle_sales", year), calendar_rows(sales, "registered_vehicle_sales", year)])
    if missing:
        return split(missing, conflicts)
    rows.append(_segment(0, KEI, kei["value"], kei, REPORTED, [kei["source_key"]]))
    rows.append(
        _segment(
            0,
            JAPANESE_REGISTERED,
            registered["value"] - foreign["value"],
            None,
            tr("derived: registered-vehicle sales (JADA) minus foreign-brand registrations (JAIA)"),
            [registered["source_key"], foreign["source_key"]],
        )
    )
    rows.append(_segment(0, FOREIGN, foreign["value"], foreign, REPORTED, [foreign["source_key"]]))

    brands = by_brand[(by_brand["period_type"] == "CY") & (by_brand["period"] == str(year))]
    us_total = figures.us_brands_registered(by_brand, year)
    if us_total is None:
        missing.append(tr("the U.S. brands' total for calendar {year}").format(year=year))
        return split(missing, conflicts)
    conflicts = pd.concat([conflicts, brands[brands["brand_id"] == figures.US_BRANDS]])
    rows.append(
        _segment(
            1,
            OTHER_FOREIGN,
            foreign["value"] - us_total["units"],
            None,
            tr("derived: foreign-brand registrations minus the U.S. brands' total"),
            [foreign["source_key"], us_total["source_key"]],
        )
    )
    rows.append(_segment(1, US_BRANDS, us_total["units"], us_total, REPORTED, [us_total["source_key"]]))
    named = [figures.brand_registrations(by_brand, brand_id, year) for brand_id in US_NAMED_BRANDS]
    names = [brand_name(by_brand, brand_id) for brand_id in US_NAMED_BRANDS]
    absent = [name for name, row in zip(names, named, strict=True) if row is None]
    if absent:
        missing.append(tr("{brands} for calendar {year}").format(brands=words.commas(map(words.data, absent)), year=year))
        return split(missing, conflicts)
    for brand_id, row in zip(US_NAMED_BRANDS, named, strict=True):
        rows.append(_segment(2, row["brand"], row["units"], row, REPORTED, [row["source_key"]], brand_id))
    rest = us_total["units"] - sum(row["units"] for row in named)
    rows.append(
        _segment(
            2,
            OTHER_US,
            rest,
            None,
            tr("derived: the U.S. brands' total minus {brands}; JAIA counts Tesla in 'Others'").format(
                brands=words.commas(map(words.data, names))
            ),
            [us_total["source_key"], *[row["source_key"] for row in named]],
        )
    )
    return split(missing, conflicts)


def split_table(split: MarketSplit) -> pd.DataFrame:
    """The split for readers: units, share of its level and of the whole market (shares derived); bars and segments in
    the page's language."""
    rows = split.rows.copy()
    rows["level_title"] = rows["level_title"].map(tr)
    rows["segment"] = rows["segment"].map(words.data)
    market = rows.loc[rows["level"] == 0, "units"].sum()
    level_total = rows.groupby("level")["units"].transform("sum")
    rows["share_of_level_pct"] = (100 * rows["units"] / level_total).round(2)
    rows["share_of_market_pct"] = (100 * rows["units"] / market).round(3)
    return rows[["level_title", "segment", "units", "share_of_level_pct", "share_of_market_pct", "how", "qualifier", "source_key"]]


# japan_new_car_sales.metric of the kei shares sources state -> what the share is of, in words.
STATED_KEI_SHARES = {
    "kei_share_of_passenger_sales_pct": N_("of passenger-car sales"),
    "kei_share_of_new_sales_pct": N_("of new-vehicle sales"),
    "kei_share_statement": N_("of sales"),
}
KEI_DERIVED = N_("derived")  # kei ÷ (registered + kei), as the table's title and the text above it say
PERIOD_WORDS = {"CY": N_("CY {period}"), "FY": N_("FY {period}"), "H1": N_("H1 {period}"), "M": N_("M {period}")}


def _period_words(period_type: str, period: str) -> str:
    """'CY 2024', 'FY 2011'; an undated statement says so instead of 'NA n.d.'."""
    if period_type in PERIOD_WORDS:
        return tr(PERIOD_WORDS[period_type]).format(period=period)
    return str(words.data(period.replace("n.d.", "undated")))


def us_brands_rows(split: MarketSplit) -> pd.DataFrame:
    """The split's row for all U.S. brands together (none when the data stop before that level), with its source."""
    if split.levels < 2:
        return split.rows.head(0)
    return split.rows[split.rows["segment_id"] == SEGMENT_IDS[US_BRANDS]]


def split_for_readers(split: MarketSplit) -> pd.DataFrame:
    """The split under its chart: vehicles, each segment's share of its bar and of all new vehicles, and how each figure was
    obtained; the source keys stay with the split's rows (the chart's evidence)."""
    table = split_table(split)
    shown = table[["level_title", "segment", "units", "share_of_level_pct", "share_of_market_pct", "how"]].rename(
        columns={
            "level_title": "market_bar",
            "segment": "market_segment",
            "units": "new_vehicles",
            "share_of_level_pct": "share_of_bar_pct",
            "share_of_market_pct": "share_of_new_vehicles_pct",
            "how": "how_obtained",
        }
    )
    return data.derived_from(shown, split.rows)


def kei_shares(sales: pd.DataFrame) -> pd.DataFrame:
    """Kei share of new-vehicle sales: derived (kei / (registered + kei)) for each calendar year with both, and as stated.

    ``stated_totals`` lists the totals sources give for the year, each with its publisher's name.
    """
    publishers = reported_by(sales, short=True)
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
                "period": _period_words("CY", str(year)),
                "kei_units": kei["value"],
                "all_units": kei["value"] + registered["value"],
                "kei_share_pct": round(100 * kei["value"] / (kei["value"] + registered["value"]), 1),
                "kind": tr(KEI_DERIVED),
                "stated_totals": words.semicolons(
                    tr("{value} ({publisher})").format(value=f"{value:,.0f}", publisher=publishers[index])
                    for index, value in stated["value"].items()
                ),
                "source_key": ";".join(dict.fromkeys([kei["source_key"], registered["source_key"]])),
            }
        )
    for _, row in sales[sales["metric"].isin(list(STATED_KEI_SHARES))].iterrows():
        share_of = tr(STATED_KEI_SHARES[row["metric"]])
        if pd.isna(row["qualifier"]) or row["qualifier"] == "exact":
            kind = tr("stated: share {of_what}").format(of_what=share_of)
        else:
            kind = tr("stated: share {of_what}, {qualifier}").format(of_what=share_of, qualifier=words.data(row["qualifier"]))
        rows.append(
            {
                "period": _period_words(row["period_type"], row["period"]),
                "kei_units": None,
                "all_units": None,
                "kei_share_pct": row["value"],
                "kind": kind,
                "stated_totals": "",
                "source_key": row["source_key"],
            }
        )
    table = pd.DataFrame(rows).astype({"kei_units": "Int64", "all_units": "Int64"})
    return data.derived_from(table, sales)


def kei_shares_for_readers(kei: pd.DataFrame) -> pd.DataFrame:
    """The kei-share table without its source keys (the source line under it names the publishers)."""
    return kei.drop(columns=data.SOURCE_KEY_COLUMN).rename(columns={"kind": "kei_share_basis"})


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
    order = {origin: rank for rank, origin in enumerate(ORIGINS)}
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
                "note": tr("no figure in the data for {year}").format(year=year),
            }
            parts.append(pd.DataFrame([gap]))
        else:
            parts.append(found.assign(note=""))
    shown = data.derived_from(pd.concat(parts, ignore_index=True), by_brand)
    shown["reported_by"] = reported_by(shown)
    shown["brand_name"] = shown["brand_name"].map(words.data)  # names and words as the page shows them (origin stays a key)
    shown["label"] = shown["brand_name"]
    repeated = shown["brand_id"].duplicated(keep=False)  # the same brand from two sources: say whose figure each bar is
    shown.loc[repeated, "label"] = [
        tr("{brand} ({publisher})").format(brand=brand, publisher=publisher)
        for brand, publisher in zip(shown.loc[repeated, "brand_name"], shown.loc[repeated, "reported_by"], strict=True)
    ]
    shown["approximate"] = ~shown["qualifier"].fillna("exact").str.startswith("exact")
    shown["qualifier"] = shown["qualifier"].map(words.data)
    shown["scope"] = shown["scope"].map(words.data)
    columns = [
        "label",
        "brand_name",
        "origin",
        "units",
        "qualifier",
        "approximate",
        "scope",
        "confidence",
        "source_key",
        "reported_by",
        "note",
    ]
    comparison = shown.sort_values("units", ascending=False, na_position="last", kind="stable")[columns].reset_index(drop=True)
    return data.derived_from(comparison, by_brand)


def brands_for_readers(comparison: pd.DataFrame) -> pd.DataFrame:
    """The brand comparison under its chart: brand, origin, registrations with their qualifier and coverage, who reported
    them, and a note where a brand has no figure (the source keys stay with the comparison, the chart's evidence)."""
    shown = comparison[["brand_name", "origin", "units", "qualifier", "scope", "reported_by", "note"]].rename(
        columns={"brand_name": "brand", "origin": "brand_group", "note": "brand_note"}
    )
    return data.derived_from(words.column(shown, "brand_group", tr), comparison)


# --------------------------------------------------------------------------- single facts from structural_factors


def structural_value(structural: pd.DataFrame, item_id: str, metric: str) -> pd.Series:
    """One row of the structural-factors table, by item_id and metric (the first if sources repeat it)."""
    rows = structural[(structural["item_id"] == item_id) & (structural["metric"] == metric)]
    if rows.empty:
        raise KeyError(f"structural_factors has no row with item_id {item_id!r} and metric {metric!r}")
    return rows.iloc[0]


# structural_factors.factor and .metric of the dealer and steering rows -> words (an unknown metric reads as its words).
NETWORK_FACTORS = {"dealer_network": N_("Dealer network"), "steering_side": N_("Steering side")}
NETWORK_METRICS = {
    "dealerships": N_("dealerships"),
    "stores": N_("stores"),
    "rhd_offered_in_japan": N_("right-hand drive offered in Japan"),
    "first_rhd_us_car_sold_in_japan": N_("first right-hand-drive U.S. car sold in Japan"),
    "rhd_models_count": N_("right-hand-drive models offered"),
    "first_rhd_production": N_("first right-hand-drive production"),
    "sold_in_japan_as": N_("sold in Japan as"),
}
# A unit that only says what kind of value a row holds (a yes/no flag, a date): the value reads alone.
SELF_EXPLAINING_UNITS = ("flag", "date")


def metric_words(metric: str, known: dict[str, str]) -> str:
    """A metric id in words: its entry in ``known``, else the id with its underscores as spaces ('rhd' spelled out); in
    the page's language."""
    return tr(known.get(metric) or re.sub(r"\brhd\b", "right-hand drive", metric.replace("_", " ")))


def value_words(value: str, unit: str) -> str:
    """A reported value with its unit: '82 outlets'; a flag or a date alone ('yes', '1993-01'); a unit quoting the source's
    own words ("stores ('over 4,000')") reads as those words: 'over 4,000 stores' (words from the data translated)."""
    if unit in SELF_EXPLAINING_UNITS:
        # 'yes' is a message of its own with an empty note: a bare 'yes' means other things in other chapters' catalogs
        return tr("yes{note}").format(note="") if value == "yes" else str(words.data_if_words(value))
    quoted = re.fullmatch(r"(.+?) \('(.+)'\)", unit)
    if quoted:
        return str(words.data(f"{quoted[2]} {quoted[1]}"))
    return tr("{value} {unit}").format(value=words.data_if_words(value), unit=words.data(unit))


def networks_table(structural: pd.DataFrame) -> pd.DataFrame:
    """Dealer networks and right-hand-drive offers, as reported, in words (the data has no share of U.S. models offered in
    right-hand drive); the source keys stay in ``source_key`` for the source line, the notes in ``structural_factors``."""
    rows = structural[structural["factor"].isin(list(NETWORK_FACTORS))]
    value = [value_words(value, unit) for value, unit in zip(rows["value"], rows["unit"], strict=True)]
    table = pd.DataFrame(
        {
            "network_topic": rows["factor"].map(NETWORK_FACTORS).map(tr),
            "item": rows["item"].map(words.data),
            "network_measure": rows["metric"].map(lambda metric: metric_words(metric, NETWORK_METRICS)),
            "network_value": value,
            "as_of": rows["as_of"].map(words.data_if_words),
            "source_key": rows["source_key"],
        }
    ).reset_index(drop=True)
    return data.derived_from(table, structural)


def networks_for_readers(networks: pd.DataFrame) -> pd.DataFrame:
    """The networks table without its source keys (the source line under it names the publishers)."""
    return networks.drop(columns=data.SOURCE_KEY_COLUMN)
