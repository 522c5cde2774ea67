"""The page's tables: grid intensity by country, Japan's generation mix, the utilities' factor and the prices.

Rows are picked by the tables' ids (``dataset``, ``measure_id``, ``generation_source``), never by
their wording. Frames built anew, merged or concatenated are tagged with the tables they came from
(``data.derived_from``), so a chart's source line names them.

The frames keep the chapter's English words where code picks rows by them (a mix category, a publisher, an
area); a reader's table translates them as it shows them (``words.shown``). Words only a reader sees (a price
point's kind of year, how its figure was obtained, the mix chart's bars) are written in the page's language.
"""

from __future__ import annotations

import pandas as pd

from tradetalks import data
from tradetalks.i18n import N_, tr

from .words import data_words, joined, shown

JAPAN = "Japan"
JAPAN_TEPCO = "Japan (TEPCO area)"  # the electricity table's name for TEPCO's service area (Tokyo region)
WORLD = "World"
# Datasets (the tables' ``dataset`` ids, documented in datapackage.json), not source keys
EMBER_INTENSITY = "ember_carbon_intensity"
IEA_INTENSITY = "iea_co2_intensity"
EMBER_MIX = "ember_generation_mix"
ISEP_MIX = "isep_generation_mix"
ANRE_UNIT_PRICE = "anre_household_unit_price"  # the prices table's ANRE national series
NIKKEI_BILLS = "nikkei_household_bills_2022"  # the prices table's one-publisher bills for eight countries
ANRE_GASOLINE = "anre_gasoline_annual_mean"  # the prices table's annual means of Japan's weekly gasoline prices
# What a row measures (the tables' ``measure_id`` ids), not its wording
HOUSEHOLD_PRICE = "household_electricity_price"
SUBSIDY = "household_electricity_subsidy"
UTILITY_FACTOR = "utility_co2_factor"
YES = "yes"
# The countries the chapter compares Japan with (the list); the data may lack some.
WANTED_COUNTRIES = ["Japan", "China", "United States", "Germany", "European Union", "France", "World"]
EMBER_PUBLISHER = N_("Ember via OWID (CO2e, life cycle)")
IEA_PUBLISHER = N_("IEA (CO2 only)")
NATIONAL = N_("national")
TOKYO_AREA = N_("TEPCO area (Tokyo region)")

# The mix chart's categories: generation_source id -> the chapter's name for it, fossil fuels first (the stacking order).
MIX_LABELS = {
    "coal": N_("coal"),
    "gas": N_("gas"),
    "oil": N_("oil and other fossil"),
    "nuclear": N_("nuclear"),
    "hydro": N_("hydro"),
    "solar": N_("solar"),
    "wind": N_("wind"),
    "bioenergy": N_("bioenergy"),
    "other_renewables": N_("other renewables"),
}
MIX_ORDER = list(MIX_LABELS.values())
FOSSIL = [MIX_LABELS[source] for source in ("coal", "gas", "oil")]
EMBER_MIX_PUBLISHER = N_("OWID/Ember")
ISEP_MIX_PUBLISHER = N_("ISEP (preliminary)")
# ISEP's sources under Ember's categories: LNG is gas, biomass is bioenergy, geothermal is among the other renewables.
ISEP_AS_EMBER = {"coal": "coal", "lng": "gas", "nuclear": "nuclear", "hydro": "hydro", "solar": "solar", "wind": "wind"}
ISEP_AS_EMBER |= {"biomass": "bioenergy", "geothermal": "other_renewables"}
EMBER_EARLIER = "ember_carbon_intensity_earlier_vintage"  # an earlier copy of Ember's series: how much its figures move
# A price point's figure as readers see it: as its source published it, or derived by the data's compilers (the one
# derived kind of household price in the data: a bill divided by the month's use, as its notes say).
FIGURE_WORDS = {"no": N_("as published"), "yes": N_("derived (bill ÷ monthly use)")}
YEAR_TYPES = {True: N_("fiscal year (April–March)"), False: N_("calendar year or not stated")}
UTILITY_YEAR = N_("year (utilities: fiscal year)")  # the utilities' table's year column: its header in words


def producers(frame: pd.DataFrame, column: str = data.SOURCE_KEY_COLUMN) -> pd.Series:
    """Each row's sources as the names of who produced the figures (the sources table's producer, else its
    publisher): a reader sees names, never source keys. A cell citing several sources names each once. The names
    are the sources table's, as the source line under a chart gives them (they are not translated)."""
    cells = frame[column].fillna("").astype(str)
    keys = [key for cell in cells for key in data.split_source_keys(cell)]
    if not keys:
        return cells.map(lambda _: "")
    sources = data.sources_for(keys, data.data_dir_of(frame)).set_index(data.SOURCE_KEY_COLUMN)
    names = sources["producer"].where(sources["producer"].notna(), sources["publisher"])
    return cells.map(lambda cell: joined(list(dict.fromkeys(str(names[key]) for key in data.split_source_keys(cell)))))


# --- the grid ----------------------------------------------------------------------------------------------


def ember_intensity(electricity: pd.DataFrame) -> pd.DataFrame:
    """Ember (via OWID) carbon intensity by country and year: gCO2e per kWh generated, life-cycle."""
    rows = electricity[electricity["dataset"] == EMBER_INTENSITY]
    return rows[["country", "year", "value", "unit", "source_key"]].sort_values(["country", "year"]).reset_index(drop=True)


def iea_intensity(electricity: pd.DataFrame, *, last_year: int | None = None) -> pd.DataFrame:
    """IEA CO2 intensity by region and year (CO2 only); ``estimate`` marks IEA's estimates and forecasts."""
    rows = electricity[electricity["dataset"] == IEA_INTENSITY].copy()
    rows["estimate"] = rows["estimate"] == YES
    if last_year is not None:
        rows = rows[rows["year"] <= last_year]
    return rows[["country", "year", "value", "unit", "estimate", "source_key"]].sort_values(["country", "year"]).reset_index(drop=True)


def intensity_series(electricity: pd.DataFrame) -> pd.DataFrame:
    """Both publishers' intensity series in one long table, IEA cut at Ember's last year (its later years are forecasts)."""
    ember = ember_intensity(electricity).assign(publisher=EMBER_PUBLISHER)
    iea = iea_intensity(electricity, last_year=int(ember["year"].max())).assign(publisher=IEA_PUBLISHER)
    return data.derived_from(pd.concat([ember, iea.drop(columns="estimate")], ignore_index=True), electricity)


def intensity_drawn(series: pd.DataFrame) -> pd.DataFrame:
    """The intensity chart's data for readers: country, year, grams per kWh and publisher (sources in the source line)."""
    drawn = series[["country", "year", "value", "publisher"]].assign(
        country=series["country"].map(shown), publisher=series["publisher"].map(shown)
    )
    drawn = drawn.rename(columns={"value": "grid_g_per_kwh", "publisher": tr("Publisher (scope)")})
    return data.derived_from(drawn.reset_index(drop=True), series)


def ember_revision(electricity: pd.DataFrame) -> float:
    """The most Ember's intensity for one country and year moved between the two vintages the data hold (g/kWh).

    It is how far apart two of Ember's figures must be before the page calls one grid dirtier than
    another (``text.compare``): a smaller gap could vanish in the next revision.
    """
    current = ember_intensity(electricity).set_index(["country", "year"])["value"]
    earlier = electricity[electricity["dataset"] == EMBER_EARLIER].set_index(["country", "year"])["value"]
    both = earlier.index.intersection(current.index)
    return float((current[both] - earlier[both]).abs().max()) if len(both) else 0.0


def missing_countries(series: pd.DataFrame) -> list[str]:
    """Countries the chapter wants to compare that neither publisher's series covers."""
    present = set(series["country"])
    return [name for name in WANTED_COUNTRIES if name not in present]


def iea_only_countries(series: pd.DataFrame) -> list[str]:
    """Countries and regions only the IEA's series covers, sorted."""
    publishers = series.groupby("country")["publisher"].agg(set)
    return sorted(country for country, names in publishers.items() if names == {IEA_PUBLISHER})


def iea_forecast_years(electricity: pd.DataFrame) -> list[int]:
    """The years the IEA's file gives as estimates or forecasts."""
    iea = iea_intensity(electricity)
    return sorted(int(year) for year in iea.loc[iea["estimate"], "year"].unique())


def grid_years(electricity: pd.DataFrame, country: str) -> list[int]:
    """The years Ember's series covers for ``country``."""
    series = ember_intensity(electricity)
    return sorted(int(y) for y in series.loc[series["country"] == country, "year"])


def japan_mix(electricity: pd.DataFrame) -> pd.DataFrame:
    """Japan's generation mix: OWID/Ember shares by year, plus ISEP's preliminary shares for the following year.

    ISEP names LNG and biomass where Ember says gas and bioenergy, gives fossil fuels only as a
    total, and lists geothermal; 'oil and other fossil' for the ISEP year is derived
    (fossil total minus coal minus LNG) and marked so.
    """
    ember = electricity[(electricity["country"] == JAPAN) & (electricity["dataset"] == EMBER_MIX)].copy()
    ember["derived"] = "no"
    last_ember = int(ember["year"].max())
    isep_all = electricity[(electricity["country"] == JAPAN) & (electricity["dataset"] == ISEP_MIX)]
    isep = isep_all[isep_all["year"] > last_ember].copy()
    shares = dict(zip(isep["generation_source"], isep["value"], strict=True))
    isep = isep[isep["generation_source"].isin(ISEP_AS_EMBER)].copy()
    isep["generation_source"] = isep["generation_source"].map(ISEP_AS_EMBER)
    isep["derived"] = "no"
    parts = [ember, isep]
    if not isep.empty and {"fossil_fuels", "coal", "lng"} <= set(shares):
        year = int(isep["year"].iloc[0])
        other = shares["fossil_fuels"] - shares["coal"] - shares["lng"]
        derived = {"year": year, "generation_source": "oil", "value": round(other, 2), "derived": "yes"}
        parts.append(pd.DataFrame([{**derived, "dataset": ISEP_MIX, "source_key": isep_all["source_key"].iloc[0]}]))
    mix = pd.concat(parts, ignore_index=True)
    mix["category"] = mix["generation_source"].map(MIX_LABELS)
    mix["publisher"] = mix["dataset"].map({EMBER_MIX: EMBER_MIX_PUBLISHER, ISEP_MIX: ISEP_MIX_PUBLISHER})
    mix["bar"] = [
        str(year) if dataset == EMBER_MIX else tr("{year} (ISEP)").format(year=year)
        for year, dataset in zip(mix["year"], mix["dataset"], strict=True)
    ]
    shaped = mix[["year", "bar", "category", "value", "derived", "publisher", "source_key"]].sort_values(["year", "category"])
    return data.derived_from(shaped.reset_index(drop=True), electricity)


def fossil_share(mix: pd.DataFrame) -> pd.DataFrame:
    """Derived: coal + gas + oil share of generation per bar of the mix chart."""
    fossil = mix[mix["category"].isin(FOSSIL)].groupby(["year", "bar", "publisher"], as_index=False)["value"].sum()
    return data.derived_from(fossil.rename(columns={"value": "fossil_pct"}).sort_values("year").reset_index(drop=True), mix)


def mix_drawn(mix: pd.DataFrame) -> pd.DataFrame:
    """The mix chart's data for readers: year, source of electricity, share, derived or not, publisher."""
    drawn = mix[["year", "category", "value", "derived", "publisher"]].assign(
        category=mix["category"].map(shown), derived=mix["derived"].map(shown), publisher=mix["publisher"].map(shown)
    )
    drawn = drawn.rename(columns={"category": tr("Source of electricity"), "value": "generation_share_pct", "publisher": tr("Publisher")})
    return data.derived_from(drawn.reset_index(drop=True), mix)


def mix_shares(mix: pd.DataFrame, source: str) -> pd.Series:
    """One source's share of Japan's generation by year in Ember's series (``source``: a generation_source id)."""
    rows = mix[(mix["category"] == MIX_LABELS[source]) & (mix["publisher"] == EMBER_MIX_PUBLISHER)]
    return rows.set_index("year")["value"]


def utility_factors(electricity: pd.DataFrame) -> pd.DataFrame:
    """Japan's utilities' own CO2 factor per kWh sold (fiscal years), beside Ember's figure for the same calendar year."""
    fepc = electricity[(electricity["country"] == JAPAN) & (electricity["measure_id"] == UTILITY_FACTOR)].copy()
    ember = ember_intensity(electricity)
    ember = ember[ember["country"] == JAPAN][["year", "value"]].rename(columns={"value": "ember_gco2e_per_kwh_generated"})
    fepc["utilities_gco2_per_kwh_sold"] = fepc["value"] * 1000  # kg -> g, a unit conversion
    table = fepc.merge(ember, on="year", how="left")
    shaped = table[["year", "utilities_gco2_per_kwh_sold", "ember_gco2e_per_kwh_generated", "source_key", "notes"]].rename(
        columns={"year": UTILITY_YEAR}
    )
    return data.derived_from(shaped, electricity)


def utility_factors_table(utilities: pd.DataFrame) -> pd.DataFrame:
    """The two measures for readers: the year, both figures and who reported the utilities' figure (the rows' long notes
    stay in the electricity table and on the references page)."""
    drawn = utilities.drop(columns=["notes"]).assign(**{tr("Utilities' figure reported by"): producers(utilities)})
    drawn = drawn.drop(columns=data.SOURCE_KEY_COLUMN).rename(columns={UTILITY_YEAR: tr(UTILITY_YEAR)})
    return data.derived_from(drawn, utilities)


# --- prices ------------------------------------------------------------------------------------------------


def japan_household_prices(prices: pd.DataFrame, electricity: pd.DataFrame) -> pd.DataFrame:
    """Every household electricity price for Japan in the data (yen per kWh), with its source, basis and year type."""
    from_prices = prices[(prices["country"] == JAPAN) & (prices["unit"] == "JPY/kWh") & (prices["measure_id"] == HOUSEHOLD_PRICE)].copy()
    from_prices["table"] = "prices"
    from_electricity = electricity[
        electricity["country"].isin([JAPAN, JAPAN_TEPCO])
        & (electricity["unit"] == "JPY/kWh")
        & (electricity["measure_id"] == HOUSEHOLD_PRICE)
    ].copy()
    from_electricity["table"] = "electricity"
    rows = data.derived_from(pd.concat([from_prices, from_electricity], ignore_index=True), prices, electricity)
    rows["area"] = rows["country"].map({JAPAN: NATIONAL, JAPAN_TEPCO: TOKYO_AREA})
    rows["year_type"] = (rows["fiscal_year"] == YES).map(lambda fiscal: tr(YEAR_TYPES[fiscal]))
    rows["producer"] = producers(rows)
    rows["series"] = [
        producer if area == NATIONAL else tr("{producer} (Tokyo area)").format(producer=producer)
        for producer, area in zip(rows["producer"], rows["area"], strict=True)
    ]
    rows["figure"] = rows["derived"].map(lambda derived: tr(FIGURE_WORDS[derived]))
    columns = ["year", "value", "unit", "area", "year_type", "metric", "derived", "figure", "series", "producer", "dataset", "source_key"]
    columns += ["table", "notes"]
    return data.derived_from(rows[columns].sort_values(["year", "source_key"]).reset_index(drop=True), prices, electricity)


def price_points_drawn(points: pd.DataFrame) -> pd.DataFrame:
    """The price chart's data for readers: year, price, area, year type, who produced it and whether it is derived."""
    drawn = points[["year", "value", "area", "year_type", "producer", "figure"]].assign(area=points["area"].map(shown))
    drawn = drawn.rename(
        columns={
            "value": "household_price_yen_per_kwh",
            "area": tr("Area"),
            "year_type": tr("Year type"),
            "producer": tr("Source"),
            "figure": tr("Figure"),
        }
    )
    return data.derived_from(drawn, points)


def national_prices(points: pd.DataFrame) -> pd.DataFrame:
    """The national household price points (not the Tokyo area's)."""
    return points[points["area"] == NATIONAL]


def anre_unit_prices(points: pd.DataFrame) -> pd.DataFrame:
    """The government's (ANRE) national unit price, by fiscal year."""
    return points[points["dataset"] == ANRE_UNIT_PRICE].sort_values("year")


def cross_country_prices(prices: pd.DataFrame) -> pd.DataFrame:
    """The one same-publisher cross-country comparison: household prices implied by the Nikkei/IEA 2022 bills (derived by the pack)."""
    rows = prices[(prices["dataset"] == NIKKEI_BILLS) & (prices["measure_id"] == HOUSEHOLD_PRICE)]
    shaped = rows[["country", "year", "value", "unit", "derived", "source_key", "notes"]].sort_values("value", ascending=False)
    return data.derived_from(shaped.reset_index(drop=True), prices)


def cross_country_drawn(abroad: pd.DataFrame) -> pd.DataFrame:
    """The cross-country chart's data for readers: country, year, implied price and how it was obtained."""
    drawn = abroad[["country", "year", "value"]].assign(country=abroad["country"].map(shown))
    drawn = drawn.rename(columns={"value": "household_price_yen_per_kwh"})
    drawn[tr("Figure")] = abroad["derived"].map(lambda derived: tr(FIGURE_WORDS[derived]))
    return data.derived_from(drawn, abroad)


def japan_rank(abroad: pd.DataFrame) -> tuple[int, int]:
    """Japan's place among the countries by implied price (1: the highest), and how many countries there are."""
    ranked = abroad.sort_values("value", ascending=False).reset_index(drop=True)
    return int(ranked.index[ranked["country"] == JAPAN][0]) + 1, len(ranked)


def gasoline_japan(prices: pd.DataFrame) -> pd.DataFrame:
    """Japan's gasoline price, yen per litre, calendar-year means of ANRE's weekly survey."""
    rows = prices[(prices["country"] == JAPAN) & (prices["dataset"] == ANRE_GASOLINE)]
    return rows[["year", "value", "unit", "derived", "source_key", "notes"]].reset_index(drop=True)


def subsidy(prices: pd.DataFrame) -> pd.Series:
    """The government's household electricity subsidy (one row)."""
    return data.row_by_id(prices[prices["country"] == JAPAN], "measure_id", SUBSIDY)


def chapter_sources(*frames: pd.DataFrame) -> pd.DataFrame:
    """Every source cited by the frames' rows, in first-cited order: rows of the sources table."""
    return data.sources_cited(*frames, data_dir=data.data_dir_of(*frames))


def chapter_sources_table(sources: pd.DataFrame) -> pd.DataFrame:
    """The chapter's sources for readers: who produced each figure, where it was read, its title and date (no keys).
    Names and titles are shown as published; a date given in words is translated."""
    return sources[["producer", "publisher", "title", "as_of"]].assign(as_of=sources["as_of"].map(data_words))
