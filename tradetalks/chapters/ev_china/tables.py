"""The EV tables shaped for the page: sales shares, China's share, the battery ladder, carmakers, targets.

The chapter's own words for readers (the tables' ``DATASET_WORDS``, the ladder's stages, the company series) are
marked with ``N_`` and translated where they are shown; words from the data (a country, an item, a basis) are
translated there too (``in_words``), so a reader table and a chart speak the page's language while the frames the
code compares keep the data's English.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pandas as pd

from tradetalks import data, i18n, text
from tradetalks.i18n import N_, tr

# Datasets (the tables' ``dataset`` ids, documented in datapackage.json), not source keys
IEA = "iea_gevo2025"  # IEA Global EV Outlook 2025 data: the one consistent series
IEA_PREVIOUS = "iea_gevo2024"  # the earlier vintage, kept to show revisions
IEA_NEXT = "iea_gevo2026_owid"  # GEVO 2026 via OWID: 2025 values for the top-15 countries only
JATO_POWERTRAIN = "jato_japan_powertrain"  # JATO's shares of Japan's new cars by powertrain
CAAM = "caam_all_vehicles"  # CAAM's China shares: all vehicles, wholesale
# The powertrain parameter's codes -> powertrain_id of ev_sales_share and ev_sales_volume (the chart's words come from the label).
POWERTRAINS = {"EV": "ev", "BEV": "bev", "PHEV": "phev"}
# Short names for the chapter's parameters and charts; other countries keep the tables' names.
COUNTRY_LABELS = {"Europe (IEA region)": N_("Europe"), "European Union (EU27)": N_("EU27")}
JAPAN = "Japan"
CHINA = "China"
WORLD = "World"
ICE = "ice"  # ev_sales_share.powertrain_id of cars with no electric drive
CARS = "cars"  # ev_battery_demand.mode_id of electric cars (not buses, vans, trucks or two- and three-wheelers)
FULL_YEAR = "full_year"  # ev_sales_share.part_of_year of a whole year's share
CHINA_SALES = "ev_sales"  # china_share_global_ev.measure_id of the share of world electric car sales
# ev_sales_share.dataset -> what a reader is told the figure is (the ids stay in the CSV of the data folder)
DATASET_WORDS = {
    IEA: N_("IEA data, 2025 edition"),
    IEA_PREVIOUS: N_("IEA data, 2024 edition"),
    IEA_NEXT: N_("IEA data, 2026 edition (via Our World in Data)"),
    JATO_POWERTRAIN: N_("JATO Dynamics, Japan by powertrain"),
    CAAM: N_("CAAM: all vehicles, wholesale"),
    "reported": N_("national or industry source"),
}
REPORTED = "reported"  # ev_sales_share.dataset of a figure as a single report states it
# Who set a target, as the targets table's first column says it (other names as the data spell them)
JURISDICTION_SHORT = {"Japan (national)": N_("Japan"), "Tokyo Metropolitan Government": N_("Tokyo")}
# The share chart's series: dataset -> the series a line or a mark belongs to
EDITION_WORDS = {IEA: N_("IEA GEVO 2025 data"), IEA_NEXT: N_("IEA GEVO 2026 via OWID (2025)")}

# The battery ladder: stage_id in the table -> rung of the ladder, upstream first (the number only sorts the rungs;
# a reader sees the words after it, translated: ``rung_words``).
STAGES = {
    "mines": "1 " + N_("Mining"),
    "refineries": "2 " + N_("Refining and processing"),
    "components": "3 " + N_("Cathodes, anodes, separators"),
    "cells": "4 " + N_("Battery cells"),
    "magnets": "5 " + N_("Motor magnets (rare earths)"),
}
SHARE_UNIT = "% of global"  # battery_supply_chain's unit of a share (the other is GWh)
OBSERVED = "observed"  # battery_supply_chain.figure_kind of a data year's figure (not a projection or an average)
LEADERS = [N_("China"), N_("another country (China does not lead)")]
# battery_supply_chain.measure_kind -> the chapter's words for it, in legend order
MEASURE_KIND_LABELS = {
    "capacity_by_location": N_("capacity (location)"),
    "output_by_location": N_("production (location)"),
    "ownership": N_("ownership (mines of Chinese firms)"),
}
MEASURE_KINDS = list(MEASURE_KIND_LABELS.values())
ONE_MAKER = "one_maker"  # battery_makers.counted of one company's installations
# battery_makers.derived -> the chapter's words for it: only the share is ever derived, never the installations
MAKER_DERIVED_WORDS = {"yes": N_("share derived"), "no": N_("no")}

# BYD, Tesla and Toyota: one series per line, with what it counts, its short label at the line's end, by
# automaker_sales.measure_id, and the company colour role it is drawn in. A year with rows of several ids (or sources) draws the first in table order.
COMPANY_SERIES = [
    {
        "series": N_("BYD: NEV sales (BEV + PHEV, all vehicles)"),
        "label": N_("BYD, BEV + PHEV"),
        "measures": ["byd_nev_sales"],
        "role": "byd",
    },
    {
        "series": N_("BYD: BEV sales"),
        "label": N_("BYD, BEV"),
        "measures": ["byd_bev_passenger_sales", "byd_bev_sales"],
        "role": "byd_secondary",
    },
    {"series": N_("Tesla: deliveries (all BEV)"), "label": N_("Tesla"), "measures": ["tesla_deliveries"], "role": "tesla"},
    {
        "series": N_("Toyota + Lexus: sales, all powertrains"),
        "label": N_("Toyota + Lexus"),
        "measures": ["toyota_lexus_sales"],
        "role": "toyota",
    },
    {"series": N_("Toyota: BEV sales"), "label": N_("Toyota, BEV"), "measures": ["toyota_bev_sales"], "role": "toyota_secondary"},
]
# Totals the sources disagree on: the rows of these measures the chart does not draw are listed beside it.
DISPUTED_TOTALS = ["byd_vehicle_sales_unclear_scope", "tesla_deliveries"]
BYD_NEV_SALES = "byd_nev_sales"

# The rows the essay check quotes, by id (sentences.essay_checks words them; essay_evidence cites them).
ESSAY_SUPPLY_FIGURES = {
    "cells_capacity": "china_cell_capacity_2023",
    "cells_output": "china_batteries_sold_2024",
    "magnets": "china_magnet_manufacturing_2024",
    "cobalt_mine": "drc_cobalt_mining_2023",
    "nickel_mine": "indonesia_nickel_mining_2023",
}
ESSAY_TARGETS = {
    "tokyo": "tokyo_2030_non_gasoline_cars",
    "enforcement": "tokyo_2030_enforcement",
    "national": "japan_2035_electrified_sales",
}


# --- words for readers ------------------------------------------------------------------------------------

LETTERS = re.compile(r"[A-Za-z]")  # a cell with words in it (a year or a figure alone is the same in every language)


def in_words(cell: object) -> object:
    """A text cell as a reader sees it, in the page's language: the chapter's words and the data's (a country, an
    item, a basis) are translated with ``tr``; a number, a gap or a year alone stays as it is."""
    return tr(cell) if isinstance(cell, str) and LETTERS.search(cell) else cell


def qualifier_in_words(cell: object) -> object:
    """A source's qualifier cell ('more than', 'nearly') in the page's language. Japanese puts a qualifier before or
    after its figure, so a translated table shows where ('…超', '約…', from ``text.qualified``); a longer cell
    ('about (average)') is translated whole."""
    if i18n.current() != i18n.SOURCE_LANGUAGE and isinstance(cell, str) and cell.strip().lower() in text.QUALIFIERS:
        return text.qualified(cell, "…")
    return in_words(cell)


def cells_in_words(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """``frame`` with the text cells of ``columns`` (default: every column) in the page's language; in English the
    frame itself, untouched (a qualifier column reads as ``qualifier_in_words``)."""
    if i18n.current() == i18n.SOURCE_LANGUAGE:
        return frame
    names = [name for name in (frame.columns if columns is None else columns) if name in frame.columns]
    return frame.assign(**{name: frame[name].map(qualifier_in_words if name == "qualifier" else in_words) for name in names})


def rung_words(rung: str) -> str:
    """A rung of the ladder in words, without the number that sorts it: '1 Mining' -> 'Mining' (translated)."""
    return tr(rung.split(" ", 1)[1])


def source_names(data_dir: str | None) -> pd.Series:
    """source_key -> publisher, for every source of the data folder (tables show publishers, never keys)."""
    return data.load_table("sources", data_dir).set_index("source_key")["publisher"]


def publishers_of(frame: pd.DataFrame) -> pd.Series:
    """Each row's publishers in words, read from its ``source_key`` cell (several keys: several names)."""
    names = source_names(data.data_dir_of(frame))
    return frame["source_key"].map(
        lambda cell: "; ".join(str(names[key]) for key in data.split_source_keys(cell)) if pd.notna(cell) else pd.NA
    )


def keys_in_words(texts: pd.Series, data_dir: str | None) -> pd.Series:
    """Text cells with any source key they mention replaced by its publisher ('described in x_y row' -> 'described in Nikkei Asia ...')."""
    names = source_names(data_dir)
    pattern = re.compile(r"\b(" + "|".join(re.escape(key) for key in names.index) + r")\b(?: row)?")
    return texts.map(lambda cell: pattern.sub(lambda match: str(names[match.group(1)]), cell) if isinstance(cell, str) else cell)


SHORT_CELL = 52  # characters: a longer text cell is cut at its first aside, so no row grows taller than about four lines
ASIDE_BY = 64  # an aside starting later than this is too late to cut at: cut at a word instead
# where a text's main clause ends: a bracket (not an acronym's, "(IEA)"), a semicolon, a dash or a comma
ASIDE = re.compile(r" \((?![A-Z]{2,6}\))|; | — |, ")


def shortened(cell: object, limit: int = SHORT_CELL) -> object:
    """A long text cell cut before its first aside ('X (Reuters wording); ...' -> 'X'), or at a word with '…'."""
    if not isinstance(cell, str) or len(cell) <= limit:
        return cell
    aside = ASIDE.search(cell, 12)
    if aside and aside.start() <= max(limit, ASIDE_BY):  # a main clause a little over the limit is still better than a cut word
        return cell[: aside.start()]
    return cell[: cell.rfind(" ", 0, limit)] + "…"


# How much of a 'share of what' cell, of a publisher's name and of a target's metric a table shows (the CSV of the data folder and
# the references page keep them whole): 'new passenger cars; IEA rounds ...' -> 'new passenger cars',
# 'The New York Times (sources ...), reposted on a blog' -> 'The New York Times'.
BASIS_CELL, PUBLISHER_CELL, METRIC_CELL = 60, 55, 66


def for_readers(frame: pd.DataFrame, columns: dict[str, str], *inputs: pd.DataFrame, publisher: bool = True) -> pd.DataFrame:
    """The columns a reader sees, renamed (``{name: shown name}``), with a ``source_publisher`` column (shortened,
    the source line and the references page name it in full) in place of source keys.

    The frame stays tagged with its tables, so the table's source line still names the sources.
    """
    shown = frame.assign(source_publisher=publishers_of(frame).map(lambda name: shortened(name, PUBLISHER_CELL)))
    shown = cells_in_words(shown[[*columns, "source_publisher"] if publisher else list(columns)]).rename(columns=columns)
    return data.derived_from(shown.reset_index(drop=True), *(inputs or (frame,)))


# --- countries and years ---------------------------------------------------------------------------------


def country_label(name: str) -> str:
    """The chapter's short name for a country or region ('Europe (IEA region)' -> 'Europe')."""
    return COUNTRY_LABELS.get(name, name)


def country_name(label: str) -> str:
    """The tables' name for a short name ('Europe' -> 'Europe (IEA region)')."""
    reverse = {short: name for name, short in COUNTRY_LABELS.items()}
    return reverse.get(label, label)


def iea_share_rows(share: pd.DataFrame) -> pd.DataFrame:
    """The IEA GEVO 2025 rows of ``ev_sales_share`` (one consistent series, BEV/PHEV splits derived)."""
    return share[share["dataset"] == IEA]


def available_countries(share: pd.DataFrame) -> list[str]:
    """Countries and regions with an IEA series, by their short names, in table order."""
    return [country_label(name) for name in dict.fromkeys(iea_share_rows(share)["country"])]


def share_years(share: pd.DataFrame) -> list[int]:
    """Years covered by the IEA series and its 2025 update."""
    rows = share[share["dataset"].isin([IEA, IEA_NEXT])]
    return sorted(int(year) for year in rows["year"].unique())


# --- the EV rush -----------------------------------------------------------------------------------------


def share_series(share: pd.DataFrame, countries: Sequence[str], powertrain: str, year_from: int, year_to: int) -> pd.DataFrame:
    """EV share of new cars by country and year from the IEA series (GEVO 2025; 2025 from GEVO 2026 via OWID).

    One row per country and year in range: a year without a figure stays empty (a gap, not filled).
    Columns: country (short name), year, share_pct, series, derived, dataset, source_key.
    """
    kind = POWERTRAINS[powertrain]
    names = [country_name(label) for label in countries]
    rows = share[share["dataset"].isin([IEA, IEA_NEXT]) & (share["powertrain_id"] == kind) & share["country"].isin(names)].copy()
    rows["series"] = rows["dataset"].map(EDITION_WORDS)
    grid = pd.MultiIndex.from_product([names, range(year_from, year_to + 1)], names=["country", "year"]).to_frame(index=False)
    grid["year"] = grid["year"].astype("Int64")
    shown = grid.merge(
        rows[["country", "year", "share_pct", "series", "derived", "dataset", "source_key"]], on=["country", "year"], how="left"
    )
    shown["country"] = shown["country"].map(country_label)
    return data.derived_from(shown.reset_index(drop=True), share)


def share_table(series: pd.DataFrame) -> pd.DataFrame:
    """The share chart's figures for readers: country, year, share, IEA edition, derived, publisher."""
    return for_readers(
        series, {"country": "country", "year": "year", "share_pct": "share_pct", "series": "iea_edition", "derived": "derived"}
    )


def powertrain_label(share: pd.DataFrame, powertrain: str) -> str:
    """What a powertrain parameter counts, in the IEA series' own words ('EV' -> 'EV (BEV+PHEV)')."""
    rows = iea_share_rows(share)
    return str(rows.loc[rows["powertrain_id"] == POWERTRAINS[powertrain], "powertrain"].iloc[0])


def latest_shares(series: pd.DataFrame) -> pd.DataFrame:
    """Each country's share in the last year the IEA GEVO 2025 series has, highest first."""
    main = series[series["dataset"] == IEA].dropna(subset=["share_pct"])
    last = main["year"].max()
    return main[main["year"] == last].sort_values("share_pct", ascending=False).reset_index(drop=True)


def markets_compared(series: pd.DataFrame) -> pd.DataFrame:
    """The markets Japan's share is ranked among, wherever the page ranks it (the chart's title and description,
    the prose, In brief and the essay check): the series' countries and regions with a share in its last IEA
    GEVO 2025 year, highest first, the World left out (it is the benchmark the page sets Japan against, not one
    more market). Every count of markets on the page is this frame's length, so no two can disagree."""
    latest = latest_shares(series)
    return latest[latest["country"] != WORLD].reset_index(drop=True)


def share_of(share: pd.DataFrame, country: str, year: int, powertrain: str = "EV", dataset: str = IEA) -> float | None:
    """One published share (percent), or None if the table has none; ``powertrain``: a parameter code or a powertrain_id."""
    rows = share[
        (share["country"] == country_name(country))
        & (share["year"] == year)
        & (share["powertrain_id"] == POWERTRAINS.get(powertrain, powertrain))
        & (share["dataset"] == dataset)
    ]
    return None if rows.empty else float(rows["share_pct"].iloc[0])


def japan_peak(share: pd.DataFrame, powertrain: str = "EV") -> pd.Series:
    """The year Japan's IEA share was highest, and the share."""
    rows = iea_share_rows(share)
    rows = rows[(rows["country"] == JAPAN) & (rows["powertrain_id"] == POWERTRAINS[powertrain])]
    return rows.loc[rows["share_pct"].idxmax()]


def other_share_figures(share: pd.DataFrame, countries: Sequence[str], year_from: int, year_to: int) -> pd.DataFrame:
    """Figures outside the IEA series for the chosen countries: earlier IEA vintage, national and industry sources."""
    names = [country_name(label) for label in countries]
    rows = share[~share["dataset"].isin([IEA, IEA_NEXT]) & share["country"].isin(names) & share["year"].between(year_from, year_to)]
    shown = rows.assign(country=rows["country"].map(country_label))
    return (
        shown[["country", "year", "powertrain", "powertrain_id", "share_pct", "basis", "dataset", "source_key", "notes"]]
        .sort_values(["country", "year"])
        .reset_index(drop=True)
    )


def other_share_table(share: pd.DataFrame, others: pd.DataFrame) -> pd.DataFrame:
    """``other_share_figures`` for readers: what each figure is in words, and the IEA series' figure for the same
    country, year and powertrain beside it (where it has one) in place of the notes that compared them."""
    iea = iea_share_rows(share).assign(country=lambda rows: rows["country"].map(country_label))
    iea = iea[["country", "year", "powertrain_id", "share_pct"]].rename(columns={"share_pct": "iea_series_share_pct"})
    rows = others.merge(iea, on=["country", "year", "powertrain_id"], how="left")
    # who a figure is from: the dataset in words, or, for a single report, its publisher
    publishers = publishers_of(rows).map(lambda name: shortened(name, PUBLISHER_CELL))
    rows = rows.assign(figure_from=rows["dataset"].map(DATASET_WORDS).where(rows["dataset"] != REPORTED, publishers))
    rows = rows.assign(basis=rows["basis"].map(lambda text: shortened(text, BASIS_CELL)))
    columns = {
        "country": "country",
        "year": "year",
        "powertrain": "powertrain",
        "share_pct": "share_pct",
        "basis": "basis",
        "figure_from": "ev_figure_from",
        "iea_series_share_pct": "iea_series_share_pct",
    }
    return for_readers(data.derived_from(rows, share), columns, share, publisher=False)


def japan_ice_share(share: pd.DataFrame) -> pd.Series:
    """Combustion-only cars' share of Japan's new cars in the latest full year JATO reports (a half year's share is left out)."""
    rows = share[
        (share["country"] == JAPAN)
        & (share["dataset"] == JATO_POWERTRAIN)
        & (share["powertrain_id"] == ICE)
        & (share["part_of_year"] == FULL_YEAR)
    ]
    return rows.sort_values("year").iloc[-1]


# --- China's share ---------------------------------------------------------------------------------------


# china_share_global_ev.derived -> what the China-share chart calls the figure (its colour's domain, in this order)
CHINA_SHARE_FIGURES = {"yes": N_("derived from IEA data (China / World)"), "no": N_("as stated in a summary of the IEA report")}


def china_share_series(china_share: pd.DataFrame, year_from: int, year_to: int) -> pd.DataFrame:
    """China's share of world electric car sales: the derived IEA series and figures as stated by others (same metric)."""
    rows = china_share[china_share["year"].between(year_from, year_to) & (china_share["measure_id"] == CHINA_SALES)].copy()
    rows["figure"] = rows["derived"].map(CHINA_SHARE_FIGURES)
    return rows[["year", "value_pct", "figure", "metric", "derived", "source_key", "notes"]].reset_index(drop=True)


def china_share_table(rows: pd.DataFrame) -> pd.DataFrame:
    """The China-share chart's figures for readers: year, share, derived or as stated, publisher."""
    return for_readers(rows, {"year": "year", "value_pct": "value_pct", "figure": "china_share_figure"})


def china_sales(volume: pd.DataFrame, year: int) -> tuple[float, float]:
    """China's and the world's IEA electric car sales (BEV+PHEV, derived sum) in ``year``."""
    rows = volume[(volume["dataset"] == IEA) & (volume["powertrain_id"] == POWERTRAINS["EV"]) & (volume["year"] == year)]
    by_country = rows.set_index("country")["vehicles"]
    return float(by_country[CHINA]), float(by_country[WORLD])


def china_home_share_definitions(share: pd.DataFrame) -> pd.DataFrame:
    """China's EV share of its own market on two definitions: IEA (passenger cars) against CAAM (all vehicles, wholesale)."""
    caam = share[(share["country"] == CHINA) & (share["dataset"] == CAAM)]
    iea = share[
        (share["country"] == CHINA)
        & share["dataset"].isin([IEA, IEA_NEXT])
        & (share["powertrain_id"] == POWERTRAINS["EV"])
        & share["year"].isin(caam["year"])
    ]
    rows = pd.concat([iea, caam]).sort_values(["year", "source_key"])
    shown = rows[["year", "powertrain", "share_pct", "basis", "dataset", "source_key", "notes"]].reset_index(drop=True)
    return data.derived_from(shown, share)


def china_home_share_table(home: pd.DataFrame) -> pd.DataFrame:
    """China's EV share of its own market on both definitions, for readers: whose definition in words, no ids."""
    rows = home.assign(definition=home["dataset"].map(DATASET_WORDS), basis=home["basis"].map(lambda text: shortened(text, BASIS_CELL)))
    columns = {"year": "year", "definition": "share_definition", "powertrain": "powertrain", "share_pct": "share_pct", "basis": "basis"}
    return for_readers(rows, columns, publisher=False)  # the definition names whose figure it is


def car_battery_demand_share(demand: pd.DataFrame, year: int, region: str = CHINA) -> pd.Series:
    """Derived: a region's share of world battery demand for electric cars in ``year`` (GWh / GWh)."""
    cars = demand[(demand["mode_id"] == CARS) & (demand["year"] == year)].set_index("region")["battery_demand_gwh"]
    return pd.Series({"region_gwh": float(cars[region]), "world_gwh": float(cars[WORLD]), "share_pct": 100 * cars[region] / cars[WORLD]})


# --- the battery ladder ----------------------------------------------------------------------------------


NOT_STATED = N_("not stated")  # the ladder's year where a source gives none


def ladder(supply: pd.DataFrame) -> pd.DataFrame:
    """Rows for the 'where China sits' ladder: a country's share of world supply at each stage.

    Keeps percent-of-global figures with a number for a single country, at a stage of the chain,
    for data years (projections and cross-mineral averages are left out). ``leader`` says whether
    the figure is China's or the leading country's where China does not lead.
    """
    rows = supply[
        supply["stage_id"].isin(STAGES) & (supply["unit"] == SHARE_UNIT) & supply["value"].notna() & (supply["figure_kind"] == OBSERVED)
    ].copy()
    # another country's figure stays only where China has no larger figure for the same stage and item (China does not lead)
    china_max = rows[rows["country"] == CHINA].groupby(["stage_id", "item"])["value"].max()
    china_best = pd.Series(
        [china_max.get((s, i), float("nan")) for s, i in zip(rows["stage_id"], rows["item"], strict=True)], index=rows.index
    )
    rows = rows[(rows["country"] == CHINA) | ~(china_best > rows["value"])].copy()
    rows["rung"] = rows["stage_id"].map(STAGES)
    rows["kind"] = rows["measure_kind"].map(MEASURE_KIND_LABELS)
    rows["leader"] = rows["country"].map(lambda country: LEADERS[0] if country == CHINA else LEADERS[1])
    rows["year"] = rows["year"].astype("string").fillna(NOT_STATED)
    columns = ["rung", "item", "country", "leader", "year", "value", "qualifier", "measure", "kind", "confidence", "source_key"]
    return rows[columns].sort_values(["rung", "value"], ascending=[True, False]).reset_index(drop=True)


SUPPLY_COLUMNS = {
    "item": "item",
    "country": "country",
    "year": "year",
    "value": "supply_share_pct",
    "qualifier": "qualifier",
    "kind": "supply_measure",
    "confidence": "confidence",
}


def ladder_table(rungs: pd.DataFrame) -> pd.DataFrame:
    """The ladder's figures for readers: stage in words, what the share counts in words, publisher; no ids."""
    named = rungs.assign(rung=rungs["rung"].str.replace(r"^\d+ ", "", regex=True))  # '1 Mining' -> 'Mining': the number only sorts
    return for_readers(named, {"rung": "supply_stage", **SUPPLY_COLUMNS})


def words_only(supply: pd.DataFrame) -> pd.DataFrame:
    """Figures the sources give in words only (no number to plot), e.g. 'virtually all'."""
    rows = supply[supply["value"].isna()]
    return rows[["stage", "item", "country", "year", "qualifier", "measure", "source_key"]].reset_index(drop=True)


def stage_ranges(rungs: pd.DataFrame) -> pd.DataFrame:
    """China's lowest and highest share at each rung (all measures, all sources)."""
    china = rungs[rungs["country"] == CHINA]
    ranges = china.groupby("rung", sort=True)["value"].agg(["min", "max", "count"]).reset_index()
    return ranges.rename(columns={"min": "lowest_pct", "max": "highest_pct", "count": "figures"})


def cell_share_definitions(supply: pd.DataFrame) -> pd.DataFrame:
    """China's share of battery cells on each definition: capacity against output, by source and year."""
    rows = supply[(supply["stage_id"] == "cells") & (supply["country"] == CHINA) & (supply["unit"] == SHARE_UNIT)]
    rows = rows.assign(kind=rows["measure_kind"].map(MEASURE_KIND_LABELS))
    columns = ["year", "item", "value", "qualifier", "measure", "kind", "confidence", "source_key"]
    return rows[columns].sort_values(["kind", "year"]).reset_index(drop=True)


def cell_share_table(cells: pd.DataFrame) -> pd.DataFrame:
    """``cell_share_definitions`` for readers: capacity or output in words, publisher; no ids."""
    return for_readers(cells, {name: shown for name, shown in SUPPLY_COLUMNS.items() if name != "country"})


def supply_figure(supply: pd.DataFrame, figure_id: str) -> pd.Series:
    """The supply-chain row with this ``figure_id``, for prose (ids, not wording, pick rows)."""
    return data.row_by_id(supply, "figure_id", figure_id)


# --- BYD, Tesla, Toyota ----------------------------------------------------------------------------------


def _drawn_company_rows(sales: pd.DataFrame) -> pd.DataFrame:
    """The automaker_sales rows the chart draws (keeping the table's index), with their series."""
    parts = []
    for spec in COMPANY_SERIES:
        rows = data.rows_by_id(sales, "measure_id", *spec["measures"])
        parts.append(rows.drop_duplicates("year", keep="first").assign(series=spec["series"]))
    return data.derived_from(pd.concat(parts), sales)


def company_series(sales: pd.DataFrame) -> pd.DataFrame:
    """One figure per series and year (first row in table order where a year has several); vehicles."""
    shown = _drawn_company_rows(sales)
    shown = shown.assign(million=shown["value"] / 1e6)
    return shown[["series", "year", "value", "million", "metric", "scope", "source_key", "notes"]].reset_index(drop=True)


def company_table(series: pd.DataFrame) -> pd.DataFrame:
    """The company chart's figures for readers: series, year, vehicles, what they cover, publisher."""
    return for_readers(series, {"series": "company_series", "year": "year", "value": "company_vehicles", "scope": "scope"})


def company_alternatives(sales: pd.DataFrame) -> pd.DataFrame:
    """Other reported totals for a company and year that the chart does not draw (where sources disagree).

    BYD: a vehicle-sales total on an unclear scope; Tesla: a second, rounded count of deliveries.
    """
    candidates = data.rows_by_id(sales, "measure_id", *DISPUTED_TOTALS)
    rows = candidates.drop(index=_drawn_company_rows(sales).index, errors="ignore")
    return rows[["company", "year", "metric", "value", "scope", "source_key", "notes"]].reset_index(drop=True)


def sales_value(sales: pd.DataFrame, measure_id: str, year: int) -> pd.Series:
    """The ``automaker_sales`` row of a measure (its ``measure_id``) in ``year``: the first in table order."""
    rows = data.rows_by_id(sales, "measure_id", measure_id)
    rows = rows[rows["year"] == year]
    if rows.empty:
        raise KeyError(f"automaker_sales has no row with measure_id {measure_id!r} for {year}")
    return rows.iloc[0]


def latest_makers_year(makers: pd.DataFrame) -> str:
    """The latest calendar year of the battery makers table (its ``year`` also holds part-years and blanks)."""
    return makers["year"].dropna().loc[lambda year: year.str.fullmatch(r"\d{4}")].max()


def battery_makers_table(makers: pd.DataFrame, year: str) -> pd.DataFrame:
    """Battery makers' installations and shares in one year (SNE Research), as in the table."""
    rows = makers[makers["year"] == year]
    rows = rows.assign(derived=rows["derived"].map(MAKER_DERIVED_WORDS))
    return rows[["company", "hq_country", "installations_gwh", "share_pct", "derived", "source_key", "notes"]].reset_index(drop=True)


def makers_table(makers_year: pd.DataFrame) -> pd.DataFrame:
    """``battery_makers_table`` for readers: the notes (how a share was computed) stay in the data folder."""
    columns = ["company", "hq_country", "installations_gwh", "share_pct", "derived"]
    return for_readers(makers_year, dict(zip(columns, columns, strict=True)))


def maker_rank(makers: pd.DataFrame, company: str, year: str) -> int:
    """A battery maker's rank by installations in ``year`` among single makers with a figure (1 = largest)."""
    rows = makers[(makers["year"] == year) & (makers["counted"] == ONE_MAKER) & makers["installations_gwh"].notna()]
    ranked = rows.sort_values("installations_gwh", ascending=False)["company"].tolist()
    return ranked.index(company) + 1


def byd_battery_rows(makers: pd.DataFrame) -> pd.DataFrame:
    """BYD's battery installations in the latest calendar year of the makers table (the essay check states the first)."""
    return makers[(makers["company"] == "BYD") & (makers["year"] == latest_makers_year(makers))]


# --- policy ----------------------------------------------------------------------------------------------


YEAR_ALONE = re.compile(r"\d{4}")
RANGE_CELL = re.compile(r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)%")  # a target's range as the table states it: '30-40%'


def target_and_year(value: object, year: object) -> object:
    """A target's value and year in one cell: '100%, 2030' (Japanese '100%、2030年'), 'mid-2030s' in words; a row
    without a figure (an enforcement note, a definition) shows its year alone."""
    if not isinstance(value, str) or not re.search(r"\d", value) or not isinstance(year, str):
        return in_words(year)
    target = value
    if value.startswith("~"):  # '~40%' (Japanese '約40%')
        target = tr("~{share}").format(share=value[1:])
    elif RANGE_CELL.fullmatch(value):  # '30-40%' (Japanese '30〜40%')
        low, high = RANGE_CELL.fullmatch(value).groups()
        target = tr("{target_low}-{target_high}%").format(target_low=low, target_high=high)
    if YEAR_ALONE.fullmatch(year):
        return tr("{target_value}, {target_year}").format(target_value=target, target_year=year)
    return tr("{target_value}, {target_period}").format(target_value=target, target_period=in_words(year))


def policy_table(targets: pd.DataFrame) -> pd.DataFrame:
    """The targets as a reader's table: who set which policy, the target and its year, what is targeted, what
    counts, how binding. Long cells are cut at their first aside (the data folder keeps them whole); a source key quoted
    in a cell ('described in x_y row') reads as its publisher; who reports each target is in the source line.
    """
    rows = targets.assign(
        binding=keys_in_words(targets["binding"], data.data_dir_of(targets)),
        # rows without a figure (an enforcement note, a definition) show their year alone
        target_and_year=[target_and_year(value, year) for value, year in zip(targets["target_value"], targets["target_year"], strict=True)],
    )
    columns = ["target_and_year", "target_metric", "what_counts", "binding"]
    shown = rows[columns].map(shortened)
    # what is targeted says it last ('... that are non-gasoline'): it keeps more of its text
    shown["target_metric"] = rows["target_metric"].map(lambda text: shortened(text, METRIC_CELL))
    shown = cells_in_words(shown, ["target_metric", "what_counts", "binding"])  # target_and_year is in words already
    # who set it and the policy in one column: five columns fit a page's width in rows of at most four lines
    who = rows["jurisdiction"].map(lambda name: in_words(JURISDICTION_SHORT.get(name, name)))
    policy = rows["policy"].map(shortened).map(in_words)
    shown.insert(
        0, "set_by_policy", [tr("{who}: {policy}").format(who=name, policy=words) for name, words in zip(who, policy, strict=True)]
    )
    return data.derived_from(shown.reset_index(drop=True), targets)


def policy_row(targets: pd.DataFrame, target_id: str) -> pd.Series:
    """The target row with this ``target_id`` (ids, not wording, pick rows: see the page's needs.py)."""
    return data.row_by_id(targets, "target_id", target_id)


# --- the essay's claims ----------------------------------------------------------------------------------


def essay_evidence(
    share: pd.DataFrame,
    china_share: pd.DataFrame,
    supply: pd.DataFrame,
    makers: pd.DataFrame,
    sales: pd.DataFrame,
    targets: pd.DataFrame,
) -> list[pd.DataFrame]:
    """The rows behind the essay check (``sentences.essay_checks``), one frame per table, for its source line."""
    return [
        iea_share_rows(share),
        china_share[china_share["derived"] == "yes"],
        supply[supply["figure_id"].isin(list(ESSAY_SUPPLY_FIGURES.values()))],
        byd_battery_rows(makers),
        sales[sales["company"] == "BYD"],
        targets[targets["target_id"].isin(list(ESSAY_TARGETS.values()))],
    ]
