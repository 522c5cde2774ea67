"""Chapter 'Reverse imports: can U.S.-built Japanese cars close the gap?': the tables, the calculator, the charts.

Every figure comes from ``data/``. Where this module computes one (a deficit in dollars from a
balance, cars needed, a multiple, an average per year) the table or the text says ``derived`` and how.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import altair as alt
import numpy as np
import pandas as pd

from tradetalks import calc, charts, data, tariffs
from tradetalks.params import ParameterError, check_choice
from tradetalks.text import units, usd_bn

REVERSE, PRODUCTION, PRICES, MARKET, TRADE = (
    "reverse_imports",
    "japanese_makers_us_production",
    "trade_balance_and_prices",
    "japan_import_market_totals",
    "us_japan_goods_trade",
)
TABLES = (REVERSE, PRODUCTION, PRICES, MARKET, TRADE)
ORIGINAL_KEY_COLUMN = "original_source_key"

# deficit_source value for the one consistent Census series of the tariffs chapter.
CENSUS = "census"
CENSUS_MEASURE = "U.S. goods deficit with Japan, Census basis (this site's consistent series)"
# Rows of trade_balance_and_prices that are a full year's deficit (or Japan's surplus) in billion USD.
DEFICIT_METRICS = {
    "us_goods_trade_deficit_with_japan": "U.S. goods deficit with Japan, as reported",
    "us_merchandise_trade_deficit_with_japan": "U.S. merchandise deficit with Japan, as reported",
    "japan_trade_surplus_with_us_mof_usd": "Japan's surplus with the U.S. in Japan's statistics (Ministry of Finance), in USD as converted by the report",
}
# Rows of trade_balance_and_prices that are the U.S. price of one car, in USD.
PRICE_METRICS = {
    "us_new_vehicle_atp": "average price paid for a new vehicle in the U.S. (Kelley Blue Book average transaction price)",
    "toyota_camry_us_base_price": "Toyota Camry, U.S. base price",
    "us_full_size_pickup_avg_msrp": "full-size pickup, average U.S. list price (Kelley Blue Book average MSRP)",
    "us_new_vehicle_avg_msrp_peak": "average U.S. list price of a new vehicle at its peak (Kelley Blue Book average MSRP)",
}
DEFICIT_KINDS = {
    "us_goods_trade_deficit_with_japan": "U.S. deficit, as reported",
    "us_merchandise_trade_deficit_with_japan": "U.S. merchandise deficit, as reported",
    "japan_trade_surplus_with_us_mof_usd": "Japan's surplus, Japan's statistics",
}
DEFAULT_PRICE_METRIC = "us_new_vehicle_atp"
ALL_IMPORTS = "all_import_registrations_incl_japanese_brands"
FOREIGN_BRANDS = "foreign_brand_registrations"
US_PRODUCTION = "us_vehicle_production"
EXPORT_METRICS = ("exports_from_us_plants", "exports_from_us_to_other_countries")
INDUSTRY = "industry"  # japanese_makers_us_production.counted: Japanese makers together, not one maker
US_BUILT = "us_built"  # reverse_imports.role; the other role is a comparator built elsewhere
HISTORICAL, ANNOUNCED = "historical", "announced"  # reverse_imports.status values (an enum)
PER_YEAR = "per_year"  # reverse_imports.target_basis of a yearly target
JAPAN_GOVERNMENT = "Government of Japan"  # a reverse_imports.company name
# How the Census vintages of us_japan_goods_trade (by series) are named in the deficit chart; a report's
# figure (series as_reported) is named by its status, as the data words it.
VINTAGE_KINDS = {"superseded_vintage": "Census, superseded vintage", "other_vintage": "Census, another copy or vintage"}
US_BUILT_LABEL, COMPARATOR_LABEL = "built in the U.S.", "built in the UK (comparator)"
ANALYST_ESTIMATE = "reverse_import_volume_estimate"
MOF_UNITS_FROM_US = "japan_car_imports_from_us_units_mof"

SCALE_SERIES = (
    "built in the U.S. by Japanese makers",
    "exported from their U.S. plants to all countries",
    "Japan's whole imported-car market (all imports, JAIA)",
)
NEEDED, REFERENCE = "cars needed (derived)", "reference figure (from data)"


# --- loading ---------------------------------------------------------------------------------------------


def load_tables(data_dir: object = None) -> dict[str, pd.DataFrame]:
    """The chapter's tables, validated, with every ``original_source_key`` resolving."""
    return {name: data.load_table(name, data_dir) for name in TABLES}  # data.py checks original_source_key too


def sources_of(*tables: pd.DataFrame, data_dir: object = None) -> pd.DataFrame:
    """The sources behind the rows of one or more (filtered) tables, original publishers included."""
    return data.sources_cited(*tables, data_dir=data_dir, original=True)


# --- formatting for prose --------------------------------------------------------------------------------


def usd(value: float) -> str:
    """49814 -> '$49,814'."""
    return f"${value:,.0f}"


def year_list(years: Iterable[int]) -> str:
    """[1985, 1986, 1987, 1990] -> '1985–1987, 1990'."""
    ordered = sorted(set(int(y) for y in years))
    runs: list[list[int]] = []
    for year in ordered:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def reported(row: pd.Series) -> str:
    """A figure with the source's qualifier where it was not exact: '3,300,000 (reported as 'roughly 3.3 million a year')'."""
    qualifier = str(row.get("qualifier", "") or "")
    text = units(row["value"])
    if qualifier and not qualifier.startswith("exact"):
        text += f" (reported as {qualifier})" if "'" in qualifier else f" ({qualifier})"
    return text


# --- the deficit -----------------------------------------------------------------------------------------


def deficit_options(trade: pd.DataFrame, prices: pd.DataFrame) -> pd.DataFrame:
    """Every full-year figure for the deficit, one row per (deficit_source, year), deficit as a positive number.

    ``deficit_source`` is ``census`` for the consistent Census series, else the row's source_key. Balances
    in million USD become billion USD (a change of unit, not an estimate); only years with a deficit are kept.
    """
    series = tariffs.consistent_balance(trade)
    census = pd.DataFrame(
        {
            "deficit_source": CENSUS,
            "year": series["year"].astype(int),
            "deficit_usd_bn": -series["balance_musd"] / 1000,
            "measure": CENSUS_MEASURE,
            "kind": "Census, consistent series",
            "as_reported": series["balance_musd"].map(lambda v: f"balance {v:,.1f} million USD"),
            "table": TRADE,
            "source_key": series["source_key"],
            ORIGINAL_KEY_COLUMN: pd.NA,
        }
    )
    full_years = trade[trade["year"].str.fullmatch(r"\d{4}") & trade["balance_musd"].notna()].copy()
    full_years["year"] = full_years["year"].astype(int)
    others = full_years[full_years["series"] != data.CONSISTENT]
    vintages = pd.DataFrame(
        {
            "deficit_source": others["source_key"],
            "year": others["year"],
            "deficit_usd_bn": -others["balance_musd"] / 1000,
            "measure": "U.S. goods balance with Japan: " + others["status"],
            "kind": others["series"].map(VINTAGE_KINDS).fillna(others["status"]),
            "as_reported": others["balance_musd"].map(lambda v: f"balance {v:,.1f} million USD"),
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
            "measure": rows["metric"].map(DEFICIT_METRICS),
            "kind": rows["metric"].map(DEFICIT_KINDS),
            "as_reported": rows["value"].map(lambda v: f"{v:g} billion USD"),
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
    return options[
        ["year", "deficit_source", "deficit_usd_bn", "kind", "measure", "as_reported", "table", "source_key", ORIGINAL_KEY_COLUMN]
    ].reset_index(drop=True)


def figures_for_year(options: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every deficit figure the data has for one year (the chosen one among them)."""
    return options[options["year"] == year].reset_index(drop=True)


# --- the price -------------------------------------------------------------------------------------------


def price_rows(prices: pd.DataFrame) -> pd.DataFrame:
    """The latest U.S. price of each kind of car the data has (USD per vehicle), with a label."""
    rows = prices[prices["metric"].isin(PRICE_METRICS) & (prices["unit"] == "USD")].copy()
    rows = rows.sort_values("period", kind="stable").groupby("metric", sort=False).tail(1)
    rows["label"] = rows["metric"].map(PRICE_METRICS)
    return rows.sort_values("value").reset_index(drop=True)


def choose_price(prices: pd.DataFrame, price_usd: object) -> pd.Series:
    """The price per car: a data row (None = the latest KBB average transaction price, or a metric name) or a scenario number."""
    rows = price_rows(prices)
    names = rows["metric"].tolist()
    if price_usd is None or isinstance(price_usd, str):
        metric = DEFAULT_PRICE_METRIC if price_usd is None else check_choice("price_usd", price_usd, names)
        row = rows[rows["metric"] == metric].iloc[0]
        return pd.Series(
            {
                "price_usd": float(row["value"]),
                "kind": "from data",
                "label": row["label"],
                "period": row["period"],
                "metric": metric,
                "source_key": row["source_key"],
                ORIGINAL_KEY_COLUMN: row[ORIGINAL_KEY_COLUMN],
            }
        )
    if isinstance(price_usd, bool) or not isinstance(price_usd, (int, float)) or not math.isfinite(price_usd) or price_usd <= 0:
        raise ParameterError(
            f"price_usd must be a positive number of U.S. dollars per car (more than 0), None for the latest KBB average "
            f"transaction price, or one of {', '.join(map(repr, names))}; got {price_usd!r}"
        )
    return pd.Series(
        {
            "price_usd": float(price_usd),
            "kind": "scenario",
            "label": "a price per car set as a scenario (parameter price_usd), not a figure from the data",
            "period": "",
            "metric": "",
            "source_key": pd.NA,
            ORIGINAL_KEY_COLUMN: pd.NA,
        }
    )


# --- parameters ------------------------------------------------------------------------------------------


def check_share(offset_share: object) -> float:
    """The share of the deficit to offset: a number from 0 to 1."""
    if isinstance(offset_share, bool) or not isinstance(offset_share, (int, float)) or not math.isfinite(offset_share):
        raise ParameterError(f"offset_share must be a number from 0 to 1 (0.5 = half the deficit); got {offset_share!r}")
    if not 0 <= offset_share <= 1:
        raise ParameterError(
            f"offset_share={offset_share!r} is out of range: it must be between 0 and 1 (0.5 = half the deficit, 1 = all of it)"
        )
    return float(offset_share)


def choose_deficit(options: pd.DataFrame, deficit_year: object, deficit_source: str) -> pd.Series:
    """The deficit figure for a year from a source; by default the source's latest year."""
    sources = sorted(set(options["deficit_source"]), key=lambda source: (source != CENSUS, source))
    check_choice("deficit_source", deficit_source, sources)
    rows = options[options["deficit_source"] == deficit_source]
    years = rows["year"].tolist()
    if deficit_year is None:
        return rows.sort_values("year").iloc[-1]
    if isinstance(deficit_year, bool) or not isinstance(deficit_year, (int, np.integer)):
        raise ParameterError(f"deficit_year must be a whole year, e.g. {max(years)}; got {deficit_year!r}")
    if deficit_year not in years:
        others = sorted(options.loc[options["year"] == deficit_year, "deficit_source"], key=lambda source: (source != CENSUS, source))
        elsewhere = f"; sources with a figure for {deficit_year}: {', '.join(map(repr, others))}" if others else ""
        raise ParameterError(
            f"deficit_year={deficit_year} has no deficit figure from deficit_source={deficit_source!r}; "
            f"years with a figure: {year_list(years)}{elsewhere}"
        )
    return rows[rows["year"] == deficit_year].iloc[0]


def check_parameters(
    options: pd.DataFrame, prices: pd.DataFrame, deficit_year: object, deficit_source: str, price_usd: object, offset_share: object
):
    """Validate the chapter's parameters; return the deficit row, the price row and the share."""
    share = check_share(offset_share)
    price = choose_price(prices, price_usd)
    deficit = choose_deficit(options, deficit_year, deficit_source)
    return deficit, price, share


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


def _years(row: pd.Series) -> str:
    start, end = row["period_start"], row["period_end"]
    return start if pd.isna(end) else f"{start} to {end}"


def programmes_table(reverse: pd.DataFrame, historical: bool) -> pd.DataFrame:
    """Past programmes (``historical``) or 2025-26 ideas and announcements, for a reader's table."""
    rows = reverse[(reverse["status"] == HISTORICAL) == historical].copy()
    rows["years"] = rows.apply(_years, axis=1)
    if historical:
        shown = rows[
            [
                "event_id",
                "years",
                "company",
                "model",
                "built_at",
                "target_units",
                "target_period",
                "actual_units",
                "actual_period",
                "source_key",
            ]
        ]
        return shown.rename(
            columns={
                "built_at": "built at",
                "target_units": "target (vehicles)",
                "target_period": "target period",
                "actual_units": "sold (vehicles)",
                "actual_period": "sold over",
            }
        ).reset_index(drop=True)
    shown = rows[["event_id", "years", "company", "model", "built_at", "status", "price_in_japan", "notes", "source_key"]]
    return shown.rename(columns={"built_at": "built at", "price_in_japan": "price in Japan"}).reset_index(drop=True)


def past_volumes(reverse: pd.DataFrame) -> pd.DataFrame:
    """Past programmes with a reported volume, labelled U.S.-built or comparator."""
    rows = reverse[(reverse["status"] == HISTORICAL) & reverse["actual_units"].notna()].copy()
    rows["built"] = np.where(is_us_built(rows), US_BUILT_LABEL, COMPARATOR_LABEL)
    rows["programme"] = rows["company"] + " " + rows["model"] + " (" + rows.apply(_years, axis=1) + ")"
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


def history_chart(volumes: pd.DataFrame, targets: pd.DataFrame) -> alt.LayerChart:
    """Bars: vehicles sold over each programme's life; diamonds: a yearly target over the same years (derived)."""
    order = volumes["programme"].tolist()
    shown = volumes[["programme", "actual_units", "actual_period", "built"]]
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            y=alt.Y("programme:N", sort=order, title=None, axis=alt.Axis(labelLimit=330)),
            x=alt.X("actual_units:Q", title="Vehicles sold or shipped over the period stated"),
            color=alt.Color(
                "built:N",
                title=None,
                scale=alt.Scale(domain=[US_BUILT_LABEL, COMPARATOR_LABEL], range=[charts.PALETTE[0], "#999999"]),
            ),
            tooltip=["programme:N", alt.Tooltip("actual_units:Q", format=",", title="sold"), alt.Tooltip("actual_period:N", title="over")],
        )
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=11, color="#333333").encode(
        text=alt.Text("actual_period:N"), color=alt.value("#333333")
    )
    marked = targets.merge(volumes[["event_id", "programme"]], on="event_id")[
        ["programme", "target_units", "target_over_same_years", "calendar_years_of_sales"]
    ]
    marked = marked.assign(mark="yearly target × years of sales (derived)")
    target = (
        alt.Chart(marked)
        .mark_point(shape="diamond", size=160, filled=True, color=charts.PALETTE[3])
        .encode(
            y=alt.Y("programme:N", sort=order),
            x="target_over_same_years:Q",
            shape=alt.Shape("mark:N", title=None, scale=alt.Scale(range=["diamond"])),
            tooltip=[
                "programme:N",
                alt.Tooltip("target_units:Q", format=",", title="target per year"),
                alt.Tooltip("calendar_years_of_sales:Q", title="calendar years"),
                alt.Tooltip("target_over_same_years:Q", format=",", title="target × years (derived)"),
            ],
        )
    )
    return (
        alt.layer(bars, labels, target)
        .resolve_scale(color="independent", shape="independent")
        .properties(height=40 * len(order) + 20, width=380)
        .configure_legend(labelLimit=320)
    )


# --- scale -----------------------------------------------------------------------------------------------


def scale_series(production: pd.DataFrame, market: pd.DataFrame) -> pd.DataFrame:
    """Japanese makers' U.S. production and exports from U.S. plants, and Japan's whole imported-car market, by year."""
    industry = production[production["counted"] == INDUSTRY]
    built = industry[industry["metric"] == US_PRODUCTION].assign(series=SCALE_SERIES[0])
    exported = industry[industry["metric"].isin(EXPORT_METRICS)].assign(series=SCALE_SERIES[1])
    calendar = market[(market["period_type"] == "CY") & (market["metric"] == ALL_IMPORTS)].copy()
    calendar = calendar.assign(year=calendar["period"].astype(int), scope="all imports (JAIA)", series=SCALE_SERIES[2])
    columns = ["year", "series", "value", "qualifier", "scope", "metric", "source_key", ORIGINAL_KEY_COLUMN]
    return (
        pd.concat([built[columns], exported[columns], calendar[columns]], ignore_index=True)
        .sort_values(["series", "year"])
        .reset_index(drop=True)
    )


def latest(series: pd.DataFrame, name_start: str) -> pd.Series:
    rows = series[series["series"].str.startswith(name_start)]
    return rows.sort_values("year", kind="stable").iloc[-1]


def import_market(market: pd.DataFrame) -> pd.Series:
    """Japan's whole imported-car market: the latest calendar-year JAIA total of all imports, Japanese brands built abroad included."""
    rows = market[(market["period_type"] == "CY") & (market["metric"] == ALL_IMPORTS)]
    return rows.sort_values("period").iloc[-1]


def foreign_brands(market: pd.DataFrame, year: str) -> pd.Series | None:
    rows = market[(market["period_type"] == "CY") & (market["metric"] == FOREIGN_BRANDS) & (market["period"] == year)]
    return None if rows.empty else rows.iloc[0]


def scale_chart(series: pd.DataFrame) -> alt.Chart:
    """Points by year (no line: the years between have no figure and are not filled in)."""
    names = [name for name in SCALE_SERIES if name in set(series["series"])]
    return (
        alt.Chart(series[["year", "series", "value", "qualifier", "source_key"]])
        .mark_point(filled=True, size=110)
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d"), scale=alt.Scale(zero=False)),
            y=alt.Y("value:Q", title="Vehicles a year"),
            color=alt.Color(
                "series:N", title=None, scale=alt.Scale(domain=names, range=[charts.PALETTE[0], charts.PALETTE[1], charts.PALETTE[2]])
            ),
            shape=alt.Shape("series:N", title=None, scale=alt.Scale(domain=names, range=["circle", "square", "triangle-up"])),
            tooltip=["year:Q", "series:N", alt.Tooltip("value:Q", format=","), "qualifier:N", "source_key:N"],
        )
        .configure_legend(labelLimit=360, columns=1)
    )


# --- the calculator --------------------------------------------------------------------------------------


def references(tables: dict[str, pd.DataFrame], reverse_largest: pd.Series, market_row: pd.Series) -> pd.DataFrame:
    """The figures the cars needed are compared with, each from data with its year and source."""
    production, prices = tables[PRODUCTION], tables[PRICES]
    scale = scale_series(production, tables[MARKET])
    built, exported = latest(scale, "built"), latest(scale, "exported")
    estimate = prices[prices["metric"] == ANALYST_ESTIMATE].sort_values("period").iloc[-1]
    from_us = prices[prices["metric"] == MOF_UNITS_FROM_US].sort_values("period").iloc[-1]
    rows = [
        (
            "Japanese makers' U.S. production",
            str(built["year"]),
            built["value"],
            built["qualifier"],
            built["source_key"],
            built[ORIGINAL_KEY_COLUMN],
        ),
        (
            "Japan's whole imported-car market (JAIA, all imports incl. Japanese brands built abroad, calendar year)",
            str(market_row["period"]),
            market_row["value"],
            market_row["qualifier"],
            market_row["source_key"],
            market_row[ORIGINAL_KEY_COLUMN],
        ),
        (
            "Japanese makers' exports from their U.S. plants, to all countries",
            str(exported["year"]),
            exported["value"],
            exported["qualifier"],
            exported["source_key"],
            exported[ORIGINAL_KEY_COLUMN],
        ),
        (
            f"the largest reverse-import programme ever: {reverse_largest['company']} {reverse_largest['model']}, sold over its whole life",
            f"{_years(reverse_largest)} ({reverse_largest['actual_period']})",
            reverse_largest["actual_units"],
            reverse_largest["notes"],
            reverse_largest["source_key"],
            reverse_largest[ORIGINAL_KEY_COLUMN],
        ),
        (
            "reverse imports a year expected by analysts (Reuters)",
            estimate["period"],
            estimate["value"],
            "",
            estimate["source_key"],
            estimate[ORIGINAL_KEY_COLUMN],
        ),
        (
            "cars Japan imported from the U.S. (Ministry of Finance, incl. used cars)",
            from_us["period"],
            from_us["value"],
            "",
            from_us["source_key"],
            from_us[ORIGINAL_KEY_COLUMN],
        ),
    ]
    return pd.DataFrame(rows, columns=["reference", "period", "vehicles", "qualifier", "source_key", ORIGINAL_KEY_COLUMN])


def calculate(deficit: pd.Series, price: pd.Series, share: float, refs: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    """Cars needed a year (derived) and the cars needed as a multiple of each reference figure (derived)."""
    cars = calc.cars_needed_to_offset(float(deficit["deficit_usd_bn"]) * 1e9, float(price["price_usd"]), share)
    compared = refs.copy()
    compared["cars_needed"] = cars
    compared["multiple"] = [calc.multiple_of(cars, float(v)) for v in compared["vehicles"]]
    compared["how_derived"] = "cars needed ÷ reference figure"
    return cars, compared


def comparison_chart(cars: float, compared: pd.DataFrame) -> alt.LayerChart:
    """Bars: the cars needed a year beside each reference figure."""
    needed = pd.DataFrame(
        {"what": ["cars needed a year to offset the chosen share (derived)"], "vehicles": [cars], "kind": [NEEDED], "period": [""]}
    )
    shown = pd.concat(
        [needed, compared.rename(columns={"reference": "what"}).assign(kind=REFERENCE)[["what", "vehicles", "kind", "period"]]],
        ignore_index=True,
    )
    shown["label"] = shown["vehicles"].map(units)
    order = shown["what"].tolist()
    y = alt.Y("what:N", sort=order, title=None, axis=alt.Axis(labelLimit=380))
    bars = (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X("vehicles:Q", title="Vehicles (a year, except the programme's lifetime total)"),
            color=alt.Color(
                "kind:N", title=None, scale=alt.Scale(domain=[NEEDED, REFERENCE], range=[charts.PALETTE[3], charts.PALETTE[0]])
            ),
            tooltip=["what:N", alt.Tooltip("vehicles:Q", format=",.0f"), "period:N", "kind:N"],
        )
    )
    text = alt.Chart(shown).mark_text(align="left", dx=4, fontSize=11, color="#333333").encode(y=y, x="vehicles:Q", text="label:N")
    return alt.layer(bars, text).properties(height=34 * len(shown) + 20, width=320)


def price_range(price: pd.Series, prices: pd.DataFrame, steps: int = 60) -> list[float]:
    """Prices from the cheapest to the dearest U.S. car price in the data, stretched to include the chosen price."""
    values = price_rows(prices)["value"].tolist() + [float(price["price_usd"])]
    low, high = min(values), max(values)
    return np.linspace(low, high, steps).tolist() if high > low else [low]


def price_curve(deficit: pd.Series, price: pd.Series, share: float, prices: pd.DataFrame) -> pd.DataFrame:
    """Cars needed a year at each price in the range (derived: deficit × share ÷ price)."""
    curve = calc.cars_needed_by_price(float(deficit["deficit_usd_bn"]) * 1e9, price_range(price, prices), share)
    return curve.assign(deficit_usd_bn=float(deficit["deficit_usd_bn"]), offset_share=share)


def price_points(deficit: pd.Series, price: pd.Series, share: float, prices: pd.DataFrame) -> pd.DataFrame:
    """The data's car prices and the chosen price, with the cars needed at each (derived)."""
    rows = price_rows(prices)
    points = pd.DataFrame(
        {"price_usd": rows["value"], "label": rows["label"] + " (" + rows["period"] + ")", "source_key": rows["source_key"]}
    )
    if price["kind"] == "scenario":
        points = pd.concat(
            [
                points,
                pd.DataFrame({"price_usd": [price["price_usd"]], "label": ["scenario price (parameter price_usd)"], "source_key": [pd.NA]}),
            ]
        )
    if price["kind"] == "scenario":
        points["chosen"] = points["label"].str.startswith("scenario")
    else:
        points["chosen"] = points["label"].eq(f"{price['label']} ({price['period']})")
    points["cars_needed"] = [
        calc.cars_needed_to_offset(float(deficit["deficit_usd_bn"]) * 1e9, float(p), share) for p in points["price_usd"]
    ]
    return points.reset_index(drop=True)


def price_chart(curve: pd.DataFrame, points: pd.DataFrame, lines: pd.DataFrame) -> alt.LayerChart:
    """Line: cars needed a year across prices; points: the data's prices; dashed rules: reference figures."""
    x = alt.X("price_usd:Q", title="Price per car (USD)", axis=alt.Axis(format="$,d"), scale=alt.Scale(zero=False))
    y = alt.Y("cars_needed:Q", title="Cars needed a year (derived)")
    line = alt.Chart(curve[["price_usd", "cars_needed"]]).mark_line(color=charts.PALETTE[0]).encode(x=x, y=y)
    dots = (
        alt.Chart(points)
        .mark_point(filled=True, size=90)
        .encode(
            x="price_usd:Q",
            y="cars_needed:Q",
            color=alt.Color(
                "chosen:N",
                title=None,
                scale=alt.Scale(domain=[True, False], range=[charts.PALETTE[3], charts.PALETTE[0]]),
                legend=alt.Legend(labelExpr="datum.label == 'true' ? 'the price used above' : 'other car prices in the data'"),
            ),
            tooltip=[
                "label:N",
                alt.Tooltip("price_usd:Q", format="$,.0f"),
                alt.Tooltip("cars_needed:Q", format=",.0f", title="cars needed (derived)"),
            ],
        )
    )
    rules = (
        alt.Chart(lines)
        .mark_rule(strokeDash=[5, 4], color="#555555")
        .encode(y="vehicles:Q", tooltip=["reference:N", alt.Tooltip("vehicles:Q", format=",")])
    )
    rule_text = (
        alt.Chart(lines)
        .mark_text(align="right", dy=-6, fontSize=11, color="#333333")
        .encode(y="vehicles:Q", x=alt.value(charts.CHART_WIDTH - 4), text="short:N")
    )
    return alt.layer(line, dots, rules, rule_text)


def deficit_chart(figures: pd.DataFrame, chosen: pd.Series) -> alt.Chart:
    """Bars: every deficit figure the data has for the chosen year; the one used is highlighted."""
    shown = figures.assign(
        used=(figures["deficit_source"] == chosen["deficit_source"]).map(
            {True: "used in the calculator", False: "other source or vintage"}
        ),
        label=figures["kind"] + " (" + figures["deficit_source"] + ")",
    )[["label", "measure", "deficit_usd_bn", "used", "as_reported", "source_key"]]
    return (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort="-x", title=None, axis=alt.Axis(labelLimit=400)),
            x=alt.X("deficit_usd_bn:Q", title=f"Deficit in {int(chosen['year'])} (billion USD)"),
            color=alt.Color(
                "used:N",
                title=None,
                scale=alt.Scale(domain=["used in the calculator", "other source or vintage"], range=[charts.PALETTE[3], charts.PALETTE[0]]),
            ),
            tooltip=["label:N", "measure:N", alt.Tooltip("deficit_usd_bn:Q", format=",.2f"), "as_reported:N", "source_key:N"],
        )
        .properties(height=28 * len(shown) + 20, width=300)
    )


MARKET_REFERENCE = "Japan's whole imported-car market"
LARGEST_REFERENCE = "the largest reverse-import programme ever"


def reference_lines(compared: pd.DataFrame) -> pd.DataFrame:
    """The two references drawn as rules on the price chart, with short labels."""
    rows = compared[compared["reference"].str.startswith((MARKET_REFERENCE, LARGEST_REFERENCE))].copy()
    rows["short"] = [
        f"{MARKET_REFERENCE} ({period})" if ref.startswith(MARKET_REFERENCE) else f"{LARGEST_REFERENCE} (its lifetime total)"
        for ref, period in zip(rows["reference"], rows["period"], strict=True)
    ]
    return rows[["reference", "short", "vehicles", "period", "source_key"]].reset_index(drop=True)


def reference(compared: pd.DataFrame, start: str) -> pd.Series:
    """One row of the comparison table, by the start of its reference text."""
    return compared[compared["reference"].str.startswith(start)].iloc[0]


def run_description(deficit: pd.Series, price: pd.Series, share: float) -> str:
    """The parameters of this run, in words (for the page)."""
    source = "the consistent Census series" if deficit["deficit_source"] == CENSUS else f"source `{deficit['deficit_source']}`"
    return (
        f"the deficit of {int(deficit['year'])} from {source} ({usd_bn(deficit['deficit_usd_bn'])}); "
        f"a price of {price_text(price)}; and {share_text(share)} of the deficit to offset (`offset_share` = {share:g})"
    )


def share_text(share: float) -> str:
    """1.0 -> 'all', 0.5 -> '50%', 0 -> 'none'."""
    if share == 1:
        return "all"
    if share == 0:
        return "none"
    return f"{share * 100:g}%"


def period_text(period: str) -> str:
    """'2025-11' -> 'November 2025'; '2024' -> '2024'."""
    if len(str(period)) == 7:
        stamp = pd.Timestamp(f"{period}-01")
        return stamp.strftime("%B %Y")
    return str(period)


def price_text(price: pd.Series) -> str:
    """The price used, with where it comes from."""
    if price["kind"] == "scenario":
        return f"{usd(price['price_usd'])} per car (a scenario value set with the parameter price_usd, not a figure from the data)"
    return f"{usd(price['price_usd'])} per car, the {price['label']} in {period_text(price['period'])}"


def deficit_sources_table(options: pd.DataFrame) -> pd.DataFrame:
    """One row per deficit_source value: what it measures and the years it covers (for choosing parameters)."""
    rows = []
    for source, group in options.groupby("deficit_source", sort=False):
        rows.append(
            {
                "deficit_source": source,
                "measure": group["measure"].iloc[0],
                "years": year_list(group["year"]),
                "source_key": group["source_key"].iloc[0],
            }
        )
    return pd.DataFrame(rows)


def programme_units(row: pd.Series) -> str:
    """A programme's volume with the source's wording when the notes quote it ('40,000 vehicles (reported as 'nearly 40,000' ...)')."""
    text = f"{units(row['actual_units'])} vehicles"
    notes = row.get("notes")
    if isinstance(notes, str) and notes.startswith("'"):
        text += f" (reported as {notes})"
    return text


def deficit_range_sentence(figures: pd.DataFrame, year: int) -> str:
    """'For 2024 the data holds 8 figures, from $59.4 billion to $70.0 billion.' (or one figure)."""
    if len(figures) == 1:
        return f"For {year} the data holds one figure, {usd_bn(figures['deficit_usd_bn'].iloc[0])}."
    low, high = figures["deficit_usd_bn"].min(), figures["deficit_usd_bn"].max()
    return f"For {year} the data holds {len(figures)} figures, from {usd_bn(low)} to {usd_bn(high)}."
