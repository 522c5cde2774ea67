"""Loading and shaping the reverse-imports page's tables: past programmes, the deficit figures, car prices, the scale.

Every figure comes from ``data/``. Where a figure is computed here (a deficit in dollars from a balance,
an average per year) the frame says ``derived`` and how.

The frames a reader sees (``programmes_table``, ``history_chart_data``, ``scale_table`` ...) carry their words in
the page's language (``tradetalks.i18n.tr``: the data's own words too, through ``words``); the frames other code
reads (``scale_series``, ``deficit_options``' keys, ``past_volumes``' ``built``) keep the English keys it matches on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from tradetalks import data, figures, i18n, text
from tradetalks.i18n import N_, tr

REVERSE, PRODUCTION, PRICES, MARKET, TRADE = (
    "reverse_imports",
    "japanese_makers_us_production",
    "trade_balance_and_prices",
    "japan_import_market_totals",
    "us_japan_goods_trade",
)
TABLES = (REVERSE, PRODUCTION, PRICES, MARKET, TRADE)
ORIGINAL_KEY_COLUMN = data.ORIGINAL_KEY_COLUMN

# deficit_source value for the one consistent Census series of the tariffs chapter.
CENSUS = "census"
CENSUS_MEASURE = N_("U.S. goods deficit with Japan, Census basis (this site's consistent series)")
# Rows of trade_balance_and_prices that are a full year's deficit (or Japan's surplus) in billion USD.
DEFICIT_METRICS = {
    "us_goods_trade_deficit_with_japan": N_("U.S. goods deficit with Japan, as reported"),
    "us_merchandise_trade_deficit_with_japan": N_("U.S. merchandise deficit with Japan, as reported"),
    "japan_trade_surplus_with_us_mof_usd": N_(
        "Japan's surplus with the U.S. in Japan's statistics (Ministry of Finance), in USD as converted by the report"
    ),
}
# Rows of trade_balance_and_prices that are the U.S. price of one car, in USD.
PRICE_METRICS = {
    "us_new_vehicle_atp": N_("average price paid for a new vehicle in the U.S. (Kelley Blue Book average transaction price)"),
    "toyota_camry_us_base_price": N_("Toyota Camry, U.S. base price"),
    "us_full_size_pickup_avg_msrp": N_("full-size pickup, average U.S. list price (Kelley Blue Book average MSRP)"),
    "us_new_vehicle_avg_msrp_peak": N_("average U.S. list price of a new vehicle at its peak (Kelley Blue Book average MSRP)"),
}
DEFICIT_KINDS = {  # a report's figure as the deficit chart names it, before its publisher
    "us_goods_trade_deficit_with_japan": N_("U.S. deficit"),
    "us_merchandise_trade_deficit_with_japan": N_("U.S. merchandise deficit"),
    "japan_trade_surplus_with_us_mof_usd": N_("Japan's surplus"),
}
DEFAULT_PRICE_METRIC = "us_new_vehicle_atp"
ALL_IMPORTS = "all_import_registrations_incl_japanese_brands"
FOREIGN_BRANDS = "foreign_brand_registrations"
US_PRODUCTION = "us_vehicle_production"
EXPORT_METRICS = ("exports_from_us_plants", "exports_from_us_to_other_countries")
ANALYST_ESTIMATE = "reverse_import_volume_estimate"
MOF_UNITS_FROM_US = "japan_car_imports_from_us_units_mof"
INDUSTRY = "industry"  # japanese_makers_us_production.counted: Japanese makers together, not one maker
US_BUILT = "us_built"  # reverse_imports.role; the other role is a comparator built elsewhere
HISTORICAL, ANNOUNCED = "historical", "announced"  # reverse_imports.status values (an enum)
PER_YEAR = "per_year"  # reverse_imports.target_basis of a yearly target
JAPAN_GOVERNMENT = "Government of Japan"  # a reverse_imports.company name
CALENDAR_YEAR = "CY"  # japan_import_market_totals.period_type
# How the Census vintages of us_japan_goods_trade (by series) are named in the deficit chart; a report's
# figure (series as_reported) is named by its status, as the data words it.
VINTAGE_KINDS = {"superseded_vintage": N_("Census, superseded vintage"), "other_vintage": N_("Census, another copy or vintage")}
CENSUS_KIND = "Census, consistent series"  # the consistent series' kind (a key: its label is CENSUS_LABEL)
CENSUS_LABEL = N_("Census, this site's consistent series")
US_BUILT_LABEL, COMPARATOR_LABEL = N_("built in the U.S."), N_("built outside the U.S. (comparator)")
# reverse_imports.status in words (an enum); a value not listed here reads with its underscores as spaces.
STATUS_WORDS = {
    "historical": N_("past programme"),
    "considered": N_("considered"),
    "proposed": N_("proposed"),
    "listed_in_us_government_document": N_("listed in a U.S. government document"),
    "announced": N_("announced"),
    "decided": N_("decided"),
}
# Short names of the U.S. car prices (PRICE_METRICS), for labels on a chart.
PRICE_SHORT = {
    "us_new_vehicle_atp": N_("Average paid"),
    "toyota_camry_us_base_price": N_("Camry base price"),
    "us_full_size_pickup_avg_msrp": N_("Full-size pickup"),
    "us_new_vehicle_avg_msrp_peak": N_("Peak average list price"),
}
CONFLICT_MARK = "CONFLICT"  # how the data's notes flag sources that disagree
BUILT, EXPORTED, IMPORT_MARKET = SCALE_SERIES = (
    N_("built in the U.S. by Japanese makers"),
    N_("exported from their U.S. plants to all countries"),
    N_("Japan's whole imported-car market (all imports, JAIA)"),
)
USED_YES, USED_NO = N_("yes"), N_("no")  # whether the calculator uses a deficit figure (the deficit chart's table)
VEHICLES = N_(
    "vehicles, as the unit after a count"
)  # a translated edition's counts carry it (Japanese: 約130万台); English prose adds its own


def translated() -> bool:
    """Whether the page is being written in a translated edition (not the English one)."""
    return i18n.current() != i18n.SOURCE_LANGUAGE


def words(value: object) -> object:
    """A word or phrase from the data as the page shows it: in the page's language (``tr``); gaps and non-text as they are."""
    return tr(value) if isinstance(value, str) and value.strip() else value


def tr_as(message: str, meaning: str) -> str:
    """``message`` in the page's language where its English words are also another page's message in another sense
    (the catalogs share one translation per message): a translated edition looks up ``meaning``, the same words with
    their sense spelled out, instead. Both are marked for the catalogs where this is called."""
    return tr(meaning) if translated() else tr(message)


def count(value: float) -> str:
    """A count as its source states it, exactly: '36,228'. A translated edition writes a round one in its own units
    where that keeps every figure (Japanese: 40,000 -> '4万', 36,228 -> '36,228')."""
    digits = str(int(value)).rstrip("0") or "0"
    if translated() and value == int(value) and value >= 1e4 and len(digits) <= 2:
        return text.rounded(value)
    return text.units(value)


def load_tables(data_dir: object = None) -> dict[str, pd.DataFrame]:
    """The chapter's tables, validated, with every ``original_source_key`` resolving."""
    return {name: data.load_table(name, data_dir) for name in TABLES}  # data.py checks original_source_key too


def status_words(status: str) -> str:
    """A ``reverse_imports.status`` value in words: 'listed_in_us_government_document' -> 'listed in a U.S. government document'."""
    return tr(STATUS_WORDS.get(status, str(status).replace("_", " ")))


def publishers(keys: Iterable[str], data_dir: object = None) -> dict[str, str]:
    """Each source key's publisher (the name a reader knows it by), from ``sources.csv``."""
    sources = data.sources_for(list(dict.fromkeys(keys)), data_dir)
    return dict(zip(sources["source_key"], sources["publisher"], strict=True))


def readable_note(note: str, data_dir: object = None) -> str:
    """A note of the data as a reader can read it: source keys become their publishers' names and the
    data's CONFLICT flag becomes words; in the page's language (the whole note is one message of the data's)."""
    sources = data.load_table(data.SOURCES_TABLE, data_dir).set_index("source_key")["publisher"]
    named = re.sub(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b", lambda m: sources.get(m.group(0), m.group(0)), str(note))
    return tr(re.sub(rf"\s*\b{CONFLICT_MARK}\b", " (the sources disagree)", named))


def year_span(periods: Iterable[str]) -> str:
    """The years a set of periods ('2025-05', '2026-02-16', '2025-08..2025-12') spans, the page's short form: '2025–26',
    or '2025' (``text.year_span``; ValueError when no period holds a year)."""
    return text.year_span(text.years_in(periods), short=True)


def year_list(years: Iterable[int]) -> str:
    """[1985, 1986, 1987, 1990] -> '1985–1987, 1990' (Japanese: '1985〜1987、1990')."""
    ordered = sorted(set(int(y) for y in years))
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    dash, comma = (text.JA_RANGE, "、") if translated() else ("–", ", ")
    return comma.join(str(r[0]) if len(r) == 1 else f"{r[0]}{dash}{r[-1]}" for r in runs)


# --- the deficit -----------------------------------------------------------------------------------------


def deficit_options(trade: pd.DataFrame, prices: pd.DataFrame) -> pd.DataFrame:
    """Every full-year figure for the deficit, one row per (deficit_source, year), deficit as a positive number.

    ``deficit_source`` is ``census`` for the consistent Census series, else the row's source_key. Balances
    in million USD become billion USD (a change of unit, not an estimate); only years with a deficit are kept.
    """
    series = figures.consistent_balance(trade)
    census = pd.DataFrame(
        {
            "deficit_source": CENSUS,
            "year": series["year"].astype(int),
            "deficit_usd_bn": -series["balance_musd"] / 1000,
            "measure": tr(CENSUS_MEASURE),
            "kind": CENSUS_KIND,
            "as_reported": series["balance_musd"].map(balance_as_reported),
            "table": TRADE,
            "source_key": series["source_key"],
            ORIGINAL_KEY_COLUMN: pd.NA,
        }
    )
    full_years = trade[trade["year"].str.fullmatch(r"\d{4}") & trade["balance_musd"].notna()].copy()
    full_years["year"] = full_years["year"].astype(int)
    others = full_years[full_years["series"] != data.CONSISTENT]
    vintage_sources = set(others.loc[others["series"].isin(VINTAGE_KINDS), "source_key"])
    vintages = pd.DataFrame(
        {
            "deficit_source": others["source_key"],
            "year": others["year"],
            "deficit_usd_bn": -others["balance_musd"] / 1000,
            "measure": others["status"].map(lambda status: tr("U.S. goods balance with Japan: {status}").format(status=tr(status))),
            "kind": others["series"].map(VINTAGE_KINDS).fillna(others["status"]),
            "as_reported": others["balance_musd"].map(balance_as_reported),
            "table": TRADE,
            "source_key": others["source_key"],
            ORIGINAL_KEY_COLUMN: pd.NA,
        }
    )
    rows = prices[prices["metric"].isin(DEFICIT_METRICS) & prices["period"].str.fullmatch(r"\d{4}")]
    bad_units = rows[rows["unit"] != "USD bn"]
    if not bad_units.empty:
        raise ValueError(f"deficit rows in {PRICES} must be in 'USD bn'; found {sorted(set(bad_units['unit']))}")
    reports = pd.DataFrame(
        {
            "deficit_source": rows["source_key"],
            "year": rows["period"].astype(int),
            "deficit_usd_bn": rows["value"],
            "measure": rows["metric"].map(lambda metric: tr(DEFICIT_METRICS[metric])),
            "kind": rows["metric"].map(DEFICIT_KINDS),
            "as_reported": rows["value"].map(billion_usd_as_reported),
            "table": PRICES,
            "source_key": rows["source_key"],
            ORIGINAL_KEY_COLUMN: rows[ORIGINAL_KEY_COLUMN],
        }
    )
    options = pd.concat([census, vintages, reports], ignore_index=True)
    options = options[options["deficit_usd_bn"] > 0]
    duplicated = options[options.duplicated(["deficit_source", "year"], keep=False)]
    if not duplicated.empty:
        raise ValueError(f"two deficit figures share a source and year: {duplicated[['deficit_source', 'year']].values.tolist()}")
    options = options.assign(other=options["deficit_source"] != CENSUS).sort_values(["year", "other", "deficit_source"])
    sources = data.sources_for(list(dict.fromkeys(options["source_key"])), data.data_dir_of(trade, prices)).set_index("source_key")
    options["publisher"] = options["source_key"].map(sources["publisher"])
    options["label"] = [
        figure_label(row, sources.loc[row["source_key"], "as_of"], vintage=source in vintage_sources)
        for source, (_, row) in zip(options["deficit_source"], options.iterrows(), strict=True)
    ]
    options = options[
        [
            "year",
            "deficit_source",
            "deficit_usd_bn",
            "kind",
            "label",
            "measure",
            "as_reported",
            "table",
            "publisher",
            "source_key",
            ORIGINAL_KEY_COLUMN,
        ]
    ].reset_index(drop=True)
    return data.derived_from(options, trade, prices)


def balance_as_reported(balance_musd: float) -> str:
    """A Census balance as the data has it: 'balance -64,448.1 million USD'."""
    return tr("balance {value} million USD").format(value=f"{balance_musd:,.1f}")


def billion_usd_as_reported(value_bn: float) -> str:
    """A report's figure as it states it: '68.5 billion USD' (Japanese counts in 億: '685億ドル')."""
    if translated():
        return tr("{value} hundred million USD").format(value=f"{round(value_bn * 10, 6):g}")
    return tr("{value} billion USD").format(value=f"{value_bn:g}")


def figure_label(row: pd.Series, as_of: str, *, vintage: bool) -> str:
    """A deficit figure's name on the chart: the consistent series, a Census copy by the month of its
    vintage, or a report by its kind and publisher ('U.S. deficit, as reported: Nippon.com (Kyodo)')."""
    if row["deficit_source"] == CENSUS:
        return tr(CENSUS_LABEL)
    if vintage and isinstance(as_of, str) and re.match(r"\d{4}-\d{2}", as_of):
        return tr("{kind} ({month})").format(kind=tr(row["kind"]), month=text.month(as_of[:7]))
    kind = f"{row['kind'][:1].upper()}{row['kind'][1:]}"
    return tr("{kind}: {publisher}").format(kind=words(kind), publisher=words(row["publisher"]))


def sources_for_readers(sources: pd.DataFrame) -> pd.DataFrame:
    """The chapter's sources as the closing table shows them: publisher, producer (their names in the page's
    language), title (as published) and as-of date (a date as it is, words in the page's language: 'n.d.')."""
    shown = sources[["publisher", "producer", "title", "as_of"]].copy()
    for column in ("publisher", "producer"):
        shown[column] = shown[column].map(words)
    shown["as_of"] = shown["as_of"].map(lambda as_of: words(as_of) if isinstance(as_of, str) and re.search("[A-Za-z]", as_of) else as_of)
    return shown


def figures_for_year(options: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every deficit figure the data has for one year (the chosen one among them)."""
    return options[options["year"] == year].reset_index(drop=True)


def deficit_sources_table(options: pd.DataFrame) -> pd.DataFrame:
    """One row per deficit figure's source: who published it, what it measures and the years it covers
    (a reader's table: the parameter values themselves are listed by a run given a wrong one)."""
    rows = []
    for _, group in options.groupby("deficit_source", sort=False):
        rows.append(
            {
                "published_by": publisher_list(group),
                "deficit_measure": group["measure"].iloc[0],
                "deficit_years": year_list(group["year"]),
            }
        )
    return data.derived_from(pd.DataFrame(rows), options)


def publisher_list(rows: pd.DataFrame) -> str:
    """The publishers of some rows, each once, in order: a series read on several copies names them all."""
    return ("、" if translated() else "; ").join(words(publisher) for publisher in dict.fromkeys(rows["publisher"]))


def deficit_source_choices(options: pd.DataFrame) -> dict[str, str]:
    """Each ``deficit_source`` value with its publisher and years, for the message a wrong value gets."""
    described = {source: f"{publisher_list(group)}, {year_list(group['year'])}" for source, group in options.groupby("deficit_source")}
    return {source: described[source] for source in sorted(described, key=lambda source: (source != CENSUS, source))}


# --- the price -------------------------------------------------------------------------------------------


def price_rows(prices: pd.DataFrame) -> pd.DataFrame:
    """The latest U.S. price of each kind of car the data has (USD per vehicle), with a label."""
    rows = prices[prices["metric"].isin(PRICE_METRICS) & (prices["unit"] == "USD")].copy()
    rows = rows.sort_values("period", kind="stable").groupby("metric", sort=False).tail(1)
    rows["label"] = rows["metric"].map(lambda metric: tr(PRICE_METRICS[metric]))
    return rows.sort_values("value").reset_index(drop=True)


# --- history ---------------------------------------------------------------------------------------------


def is_us_built(reverse: pd.DataFrame) -> pd.Series:
    """False for comparator rows (the UK-built Avensis), True otherwise: the data's ``role``."""
    return reverse["role"] == US_BUILT


def first_government_idea(reverse: pd.DataFrame) -> pd.Series:
    """The earliest row where Japan's government floated the idea."""
    return reverse[reverse["company"] == JAPAN_GOVERNMENT].sort_values("period_start").iloc[0]


def announced(reverse: pd.DataFrame) -> pd.DataFrame:
    """The programmes announced for sale (not just considered or proposed)."""
    return reverse[reverse["status"] == ANNOUNCED]


def historical_us_built(reverse: pd.DataFrame) -> pd.DataFrame:
    """Past programmes of U.S.-built cars."""
    return reverse[(reverse["status"] == HISTORICAL) & is_us_built(reverse)]


def programme_rows(reverse: pd.DataFrame, historical: bool) -> pd.DataFrame:
    """Past programmes (``historical``), or the 2025-26 ideas and announcements."""
    return reverse[(reverse["status"] == HISTORICAL) == historical]


def years(row: pd.Series) -> str:
    """A programme's years: '1996-01 to 2000', or its one period."""
    start, end = row["period_start"], row["period_end"]
    return start if pd.isna(end) else tr("{start} to {end}").format(start=start, end=end)


def programmes_table(reverse: pd.DataFrame, historical: bool) -> pd.DataFrame:
    """Past programmes (``historical``) or 2025-26 ideas and announcements, for a reader's table: no ids,
    no source keys (the source line names the sources), statuses in words, no long notes."""
    rows = programme_rows(reverse, historical).copy()
    rows["programme_years"] = rows.apply(years, axis=1)
    for column in ("company", "model", "built_at", "target_period", "actual_period", "price_in_japan"):
        rows[column] = rows[column].map(words)
    if historical:
        columns = ["programme_years", "company", "model", "built_at", "target_units", "target_period", "actual_units", "actual_period"]
        return rows[columns].reset_index(drop=True)
    rows["status"] = rows["status"].map(status_words)
    return rows[["programme_years", "company", "model", "built_at", "status", "price_in_japan"]].reset_index(drop=True)


def programme_name(row: pd.Series) -> str:
    """A programme's maker and model, in the page's language: 'Honda Accord US Wagon (1st gen)' (one name of the data's)."""
    name = f"{row['company']} {row['model']}"
    return str(words(name))


def programme_label(row: pd.Series) -> str:
    """A programme's name: 'Honda Accord US Wagon (1st gen)'; a comparator names where it was built."""
    if row["role"] == US_BUILT:
        return programme_name(row)
    place = str(row["built_at"]).split(",")[-1].strip()
    return tr("{programme}, built in {place} (comparator)").format(programme=programme_name(row), place=words(place))


def past_volumes(reverse: pd.DataFrame) -> pd.DataFrame:
    """Past programmes with a reported volume, labelled U.S.-built or comparator."""
    rows = reverse[(reverse["status"] == HISTORICAL) & reverse["actual_units"].notna()].copy()
    rows["built"] = np.where(is_us_built(rows), US_BUILT_LABEL, COMPARATOR_LABEL)
    rows["programme"] = rows.apply(programme_label, axis=1)
    return rows.sort_values("actual_units", ascending=False).reset_index(drop=True)


def largest_programme(reverse: pd.DataFrame) -> pd.Series:
    """The past programme of U.S.-built cars with the most vehicles sold over its life."""
    rows = past_volumes(reverse)
    return rows[rows["built"] == US_BUILT_LABEL].iloc[0]


def _calendar_years(start: str, end: str) -> int:
    return int(str(end)[:4]) - int(str(start)[:4]) + 1


def targets_against_sales(reverse: pd.DataFrame) -> pd.DataFrame:
    """Derived, for programmes with a yearly target and a total sold: average sold per calendar year and share of target."""
    rows = reverse[reverse["target_units"].notna() & reverse["actual_units"].notna() & (reverse["target_basis"] == PER_YEAR)].copy()
    rows["calendar_years_of_sales"] = [_calendar_years(s, e) for s, e in zip(rows["period_start"], rows["period_end"], strict=True)]
    rows["average_sold_per_year"] = rows["actual_units"] / rows["calendar_years_of_sales"]
    rows["share_of_target_pct"] = 100 * rows["average_sold_per_year"] / rows["target_units"]
    rows["target_over_same_years"] = rows["target_units"] * rows["calendar_years_of_sales"]
    rows["how_derived"] = (
        "average = sold ÷ calendar years from "
        + rows["period_start"].str[:4]
        + " to "
        + rows["period_end"].str[:4]
        + " (counted whole); share = average ÷ target; target over the same years = target × those years"
    )
    return rows[
        [
            "event_id",
            "company",
            "model",
            "target_units",
            "target_period",
            "actual_units",
            "actual_period",
            "calendar_years_of_sales",
            "average_sold_per_year",
            "share_of_target_pct",
            "target_over_same_years",
            "how_derived",
            "notes",
            "source_key",
            ORIGINAL_KEY_COLUMN,
        ]
    ].reset_index(drop=True)


def targets_table(targets: pd.DataFrame) -> pd.DataFrame:
    """``targets_against_sales`` as readers see it: the figures, without ids, keys, the long notes or the
    formula text (the table's title says what is derived)."""
    shown = targets[
        [
            "company",
            "model",
            "target_units",
            "target_period",
            "actual_units",
            "actual_period",
            "calendar_years_of_sales",
            "average_sold_per_year",
            "share_of_target_pct",
        ]
    ].copy()
    for column in ("company", "model", "target_period", "actual_period"):
        shown[column] = shown[column].map(words)
    renamed = {"average_sold_per_year": "average_sold_annually", "share_of_target_pct": "sold_share_of_target_pct"}
    return data.derived_from(shown.rename(columns=renamed).reset_index(drop=True), targets)


def history_chart_data(volumes: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """What the history chart draws: each programme's volume as the source states it, and its yearly
    target times its calendar years of sales where it has one."""
    shown = volumes[["event_id", "programme", "built", "actual_units", "actual_period", "notes"]].copy()
    shown["programme_years"] = volumes.apply(years, axis=1)
    merged = shown.merge(targets[["event_id", "calendar_years_of_sales", "target_over_same_years"]], on="event_id", how="left")
    merged["figure_as_stated"] = [
        stated_volume(units, period, notes)
        for units, period, notes in zip(merged["actual_units"], merged["actual_period"], merged["notes"], strict=True)
    ]
    merged["actual_period"] = merged["actual_period"].map(lambda period: words(period_without_quote(period)))
    merged["built"] = merged["built"].map(tr)
    merged = merged.rename(columns={"target_over_same_years": "target_over_sales_period"})
    columns = [
        "programme",
        "programme_years",
        "built",
        "actual_units",
        "figure_as_stated",
        "actual_period",
        "calendar_years_of_sales",
        "target_over_sales_period",
    ]
    return data.derived_from(merged[columns], volumes, targets)


# --- a figure as its source states it ----------------------------------------------------------------------

QUOTED = re.compile(r"'([^']*)'")


def source_qualifier(*texts: object) -> str | None:
    """The qualifier a source put on its figure, read from the data's qualifier or note: 'approx' -> 'about',
    "'roughly 3.3 million a year'" -> 'roughly', "'nearly 40,000' in three years" -> 'nearly'; None for an
    exact figure or one the data gives no qualifier for (none is invented)."""
    for value in texts:
        if not isinstance(value, str) or not value.strip():
            continue
        lowered = value.strip().lower()
        if lowered.startswith("exact"):
            return None
        if lowered.startswith("approx"):
            return "about"
        for quoted in QUOTED.findall(lowered):
            for qualifier in sorted(text.QUALIFIERS, key=len, reverse=True):
                if re.match(rf"(just )?{qualifier}\b", quoted.strip()):
                    return qualifier
    return None


def stated(value: float, *qualifier_texts: object) -> str:
    """A figure for prose and labels: to two significant figures, with the source's qualifier where it has
    one ('roughly 3.3 million'), else 'about' only where rounding changed it ('about 320,000'). A count of
    vehicles: a translated edition writes its unit with it, inside the qualifier (Japanese: '4万台近く')."""
    figure = text.millions(value) if abs(value) >= 1e6 else text.rounded(value)
    qualifier = source_qualifier(*qualifier_texts)
    if translated():
        return text.qualified(qualifier, figure + tr(VEHICLES)) if qualifier else text.about(value, VEHICLES)
    return text.qualified(qualifier, figure) if qualifier else text.about(value)


def stated_volume(units: float, period: object, notes: object) -> str:
    """A programme's volume as its source states it: 'nearly 40,000' (from the notes' quote), 'over 70,000'
    (from the period's), else the count as reported (a model's sales: exactness is the point). With its unit
    in a translated edition, as ``stated``."""
    qualifier = source_qualifier(period, notes if isinstance(notes, str) and notes.startswith("'") else None)
    shown = count(units) + (tr(VEHICLES) if translated() else "")
    return text.qualified(qualifier, shown) if qualifier else shown


def period_without_quote(period: object) -> str:
    """A period cell without the quote it carries: "2003-2018 cumulative ('just over')" -> '2003-2018 cumulative'."""
    return re.sub(r"\s*\('[^']*'\)", "", str(period)).strip() if isinstance(period, str) else ""


# --- scale -----------------------------------------------------------------------------------------------


def scale_series(production: pd.DataFrame, market: pd.DataFrame) -> pd.DataFrame:
    """Japanese makers' U.S. production and exports from U.S. plants, and Japan's whole imported-car market, by year."""
    industry = production[production["counted"] == INDUSTRY]
    built = industry[industry["metric"] == US_PRODUCTION].assign(series=BUILT)
    exported = industry[industry["metric"].isin(EXPORT_METRICS)].assign(series=EXPORTED)
    calendar = market[(market["period_type"] == CALENDAR_YEAR) & (market["metric"] == ALL_IMPORTS)].copy()
    calendar = calendar.assign(year=calendar["period"].astype(int), scope="all imports (JAIA)", series=IMPORT_MARKET)
    columns = ["year", "series", "value", "qualifier", "scope", "metric", "source_key", ORIGINAL_KEY_COLUMN]
    series = (
        pd.concat([built[columns], exported[columns], calendar[columns]], ignore_index=True)
        .sort_values(["series", "year"])
        .reset_index(drop=True)
    )
    return data.derived_from(series, production, market)


# The three series of the scale chart, short enough to label the points directly.
SCALE_SHORT = dict(zip(SCALE_SERIES, (N_("Built in the U.S."), N_("Exported from U.S. plants"), N_("Japan's car imports")), strict=True))


def qualifier_words(qualifier: object) -> str:
    """The data's qualifier as a reader reads it: 'approx (~32% of US production)' -> 'approximate (~32% of US production)'."""
    if not isinstance(qualifier, str):
        return ""
    return re.sub(r"^approx\b", "approximate", qualifier.strip())


def scale_table(scale: pd.DataFrame) -> pd.DataFrame:
    """What the scale chart draws and its table shows: vehicles a year by series, each with its figure as
    the source states it; no metric codes or source keys (the source line names the sources)."""
    shown = pd.DataFrame(
        {
            "year": scale["year"].astype(int),
            "vehicles_counted": scale["series"].map(tr),
            "annual_vehicles": scale["value"],
            "figure_as_stated": [stated(v, q) for v, q in zip(scale["value"], scale["qualifier"], strict=True)],
            "source_qualifier": scale["qualifier"].map(lambda qualifier: words(qualifier_words(qualifier))),
        }
    )
    return data.derived_from(shown, scale)


def latest(scale: pd.DataFrame, series: str) -> pd.Series:
    """The latest year of one series of ``scale_series`` (``BUILT``, ``EXPORTED`` or ``IMPORT_MARKET``)."""
    rows = scale[scale["series"] == series]
    return rows.sort_values("year", kind="stable").iloc[-1]


def import_market(market: pd.DataFrame) -> pd.Series:
    """Japan's whole imported-car market: the latest calendar-year JAIA total of all imports, Japanese brands built abroad included."""
    rows = market[(market["period_type"] == CALENDAR_YEAR) & (market["metric"] == ALL_IMPORTS)]
    return rows.sort_values("period").iloc[-1]


def foreign_brands(market: pd.DataFrame, year: str) -> pd.Series | None:
    """Foreign-brand registrations in Japan in one calendar year, if the data has them."""
    rows = market[(market["period_type"] == CALENDAR_YEAR) & (market["metric"] == FOREIGN_BRANDS) & (market["period"] == year)]
    return None if rows.empty else rows.iloc[0]
