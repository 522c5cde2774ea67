"""Chapter 'Is an EV greener on Japan's grid?': shaping the electricity, per-km and price tables and drawing them.

Every default input comes from a row of ``lifecycle_parameters`` or ``electricity``: a parameter left
at None means the sourced (or derived) figure in the data, and a value given by the reader is labelled
"set by you" wherever it is shown.
"""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from tradetalks import charts, data
from tradetalks import emissions_calc as ec
from tradetalks.params import ParameterError, check_choice

JAPAN = "Japan"
JAPAN_TEPCO = "Japan (TEPCO area)"  # the electricity table's name for TEPCO's service area (Tokyo region)
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

# Rows of lifecycle_parameters the calculator reads, by their parameter_id (rewording a parameter's name changes nothing).
P_FUEL_CO2 = "gasoline_combustion_co2_factor"
P_HYBRID = "prius_18_hev_fuel_economy_wltc"
P_HYBRID_ALT = "prius_20_hev_fuel_economy_wltc"
P_EV = "sakura_electricity_consumption_wltc"
P_EV_REAL = "sakura_real_world_consumption"
P_PETROL = "kei_petrol_real_world_fuel_economy"
P_BATTERY = "battery_manufacturing_emissions_range"
P_BATTERY_PER_KM = "battery_manufacturing_emissions_per_km"
P_THRESHOLD = "grid_threshold_bev_beats_hev"
P_UPSTREAM = "gasoline_upstream_ghg_korea"
P_UPSTREAM_ALT = "gasoline_upstream_ghg_alternative"
P_HEATING_VALUE = "gasoline_lower_heating_value_japan"
P_JAPAN_LCA = "japan_lca_prius_versions"
P_CHARGING_LOSS = "ev_charging_losses_11kw"
P_GRID_LOSS = "japan_grid_td_losses_2014"
P_LIFETIME = "car_lifetime_ecoinvent"
P_BATTERY_CAPACITY = "sakura_battery_capacity"
P_PACK_SAKURA_USE_PHASE = "use_phase_co2_sakura_on_japan_2024_grid_wltc"  # the data pack's own result, shown beside ours
# Every published lifetime distance in the data: the sensitivity chart runs from the shortest to the longest.
P_LIFETIMES = [P_LIFETIME, "car_lifetime_nansai_2002", "car_lifetime_tcs"]
UPSTREAM_LIMIT = (0.0, 50.0)  # g CO2e per MJ: plausible range for a fuel's upstream factor

# Inputs moved by the sensitivity chart that have no sourced alternative: moved from half to one and a half times their value.
ILLUSTRATIVE_SWING = 0.5

CAR_LABELS = {
    "electric": "Electric (kei BEV)",
    "hybrid": "Hybrid (C-segment)",
    "petrol": "Petrol (kei car)",
}
INPUT_LABELS = {
    "grid_g_per_kwh": "Grid carbon intensity",
    "ev_wh_per_km": "EV electricity use",
    "charging_loss_pct": "Charging losses",
    "grid_loss_pct": "Grid losses",
    "hybrid_km_per_l": "Hybrid fuel economy",
    "petrol_km_per_l": "Petrol car fuel economy",
    "fuel_co2_kg_per_l": "Petrol CO2 per litre burnt",
    "fuel_upstream_kg_per_l": "Fuel upstream (well-to-tank)",
    "battery_kwh": "Battery capacity",
    "battery_kg_per_kwh": "Battery manufacturing footprint",
    "lifetime_km": "Car's lifetime distance",
}
UNITS = {name: unit for name, (_, _, unit) in ec.PLAUSIBLE.items()}


# --- the tables, shaped ----------------------------------------------------------------------------------


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
    ember = ember_intensity(electricity).assign(publisher="Ember via OWID (CO2e, life cycle)")
    iea = iea_intensity(electricity, last_year=int(ember["year"].max())).assign(publisher="IEA (CO2 only)")
    return pd.concat([ember, iea.drop(columns="estimate")], ignore_index=True)


def missing_countries(series: pd.DataFrame) -> list[str]:
    """Countries the chapter wants to compare that neither publisher's series covers."""
    present = set(series["country"])
    return [name for name in WANTED_COUNTRIES if name not in present]


def intensity_chart(series: pd.DataFrame) -> alt.Chart:
    """Lines of grid intensity by country, Ember solid and IEA dashed; Japan drawn thicker."""
    shown = series.assign(japan=series["country"] == JAPAN)
    return (
        alt.Chart(shown)
        .mark_line(point=alt.OverlayMarkDef(size=25))
        .encode(
            x=alt.X("year:Q", title="Year", axis=alt.Axis(format="d", tickMinStep=1)),
            y=alt.Y("value:Q", title="Grams of CO2(e) per kWh generated", scale=alt.Scale(zero=True)),
            color=alt.Color("country:N", title="Country or region", sort=WANTED_COUNTRIES, legend=alt.Legend(columns=4)),
            strokeDash=alt.StrokeDash(
                "publisher:N", title="Publisher", legend=alt.Legend(columns=1, labelLimit=300, symbolType="stroke", symbolStrokeWidth=2)
            ),
            size=alt.Size("japan:N", legend=None, scale=alt.Scale(domain=[True, False], range=[4, 1.8])),
            detail="publisher:N",
            tooltip=["country:N", "year:Q", alt.Tooltip("value:Q", title="g per kWh"), "unit:N", "publisher:N"],
        )
    )


# The mix chart's categories: generation_source id -> the chapter's name for it, fossil fuels first (the stacking order).
MIX_LABELS = {
    "coal": "coal",
    "gas": "gas",
    "oil": "oil and other fossil",
    "nuclear": "nuclear",
    "hydro": "hydro",
    "solar": "solar",
    "wind": "wind",
    "bioenergy": "bioenergy",
    "other_renewables": "other renewables",
}
# ISEP's sources under Ember's categories: LNG is gas, biomass is bioenergy, geothermal is among the other renewables.
ISEP_AS_EMBER = {"coal": "coal", "lng": "gas", "nuclear": "nuclear", "hydro": "hydro", "solar": "solar", "wind": "wind"}
ISEP_AS_EMBER |= {"biomass": "bioenergy", "geothermal": "other_renewables"}


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
    mix["publisher"] = mix["dataset"].map({EMBER_MIX: "OWID/Ember", ISEP_MIX: "ISEP (preliminary)"})
    mix["bar"] = mix["year"].astype(str) + mix["dataset"].map({EMBER_MIX: "", ISEP_MIX: " (ISEP)"})
    return (
        mix[["year", "bar", "category", "value", "derived", "publisher", "source_key"]]
        .sort_values(["year", "category"])
        .reset_index(drop=True)
    )


MIX_ORDER = list(MIX_LABELS.values())
MIX_COLOURS = ["#000000", "#D55E00", "#CC79A7", "#E69F00", "#0072B2", "#F0E442", "#56B4E9", "#009E73", "#999999"]
FOSSIL = [MIX_LABELS[source] for source in ("coal", "gas", "oil")]


def fossil_share(mix: pd.DataFrame) -> pd.DataFrame:
    """Derived: coal + gas + oil share of generation per bar of the mix chart."""
    fossil = mix[mix["category"].isin(FOSSIL)].groupby(["year", "bar", "publisher"], as_index=False)["value"].sum()
    return fossil.rename(columns={"value": "fossil_pct"}).sort_values("year").reset_index(drop=True)


def mix_chart(mix: pd.DataFrame) -> alt.Chart:
    """Stacked bars of Japan's generation shares, fossil fuels at the bottom."""
    order = {name: i for i, name in enumerate(MIX_ORDER)}
    shown = mix.assign(order=mix["category"].map(order))
    return (
        alt.Chart(shown)
        .mark_bar()
        .encode(
            x=alt.X("bar:N", title="Year (publisher)", sort=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "value:Q",
                title="Share of electricity generated (%)",
                stack="zero",
                scale=alt.Scale(domain=[0, 100], nice=False, clamp=True),
            ),
            color=alt.Color("category:N", title="Source of electricity", scale=alt.Scale(domain=MIX_ORDER, range=MIX_COLOURS)),
            order=alt.Order("order:Q"),
            tooltip=["bar:N", "category:N", alt.Tooltip("value:Q", title="share (%)"), "derived:N", "publisher:N"],
        )
        .properties(width=charts.CHART_WIDTH)
    )


def utility_factors(electricity: pd.DataFrame) -> pd.DataFrame:
    """Japan's utilities' own CO2 factor per kWh sold (fiscal years), beside Ember's figure for the same calendar year."""
    fepc = electricity[(electricity["country"] == JAPAN) & (electricity["measure_id"] == UTILITY_FACTOR)].copy()
    ember = ember_intensity(electricity)
    ember = ember[ember["country"] == JAPAN][["year", "value"]].rename(columns={"value": "ember_gco2e_per_kwh_generated"})
    fepc["utilities_gco2_per_kwh_sold"] = fepc["value"] * 1000  # kg -> g, a unit conversion
    table = fepc.merge(ember, on="year", how="left")
    return table[["year", "utilities_gco2_per_kwh_sold", "ember_gco2e_per_kwh_generated", "source_key", "notes"]].rename(
        columns={"year": "year (utilities: fiscal year)"}
    )


# --- the calculator's inputs -----------------------------------------------------------------------------


def lifecycle_row(lifecycle: pd.DataFrame, parameter: str) -> pd.Series:
    """One row of lifecycle_parameters by its ``parameter_id``."""
    return data.row_by_id(lifecycle, "parameter_id", parameter)


def single_value(lifecycle: pd.DataFrame, parameter: str) -> float:
    """The figure of a row that holds one number (not a range)."""
    row = lifecycle_row(lifecycle, parameter)
    if row["value_low"] != row["value_high"]:
        raise ValueError(f"{parameter!r} is a range ({row['value']}), not one figure")
    return float(row["value_low"])


def battery_capacity_kwh(lifecycle: pd.DataFrame) -> tuple[float, str]:
    """The kei BEV's battery capacity (kWh) and its source."""
    row = lifecycle_row(lifecycle, P_BATTERY_CAPACITY)
    return single_value(lifecycle, P_BATTERY_CAPACITY), str(row["source_key"])


def grid_years(electricity: pd.DataFrame, country: str) -> list[int]:
    series = ember_intensity(electricity)
    return sorted(int(y) for y in series.loc[series["country"] == country, "year"])


def _number(name: str, value: object, low: float, high: float, unit: str) -> float:
    """A parameter as a float in [low, high], else a ParameterError naming the range."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value)):
        raise ParameterError(f"{name} must be a number in {unit}, from {ec.limit(low)} to {ec.limit(high)}; got {value!r}")
    if not low <= value <= high:
        raise ParameterError(f"{name}={value:g} is outside the plausible range {ec.limit(low)} to {ec.limit(high)} {unit}")
    return float(value)


def _checked(name: str, calc_name: str, value: object) -> float:
    low, high, unit = ec.PLAUSIBLE[calc_name]
    return _number(name, value, low, high, unit)


def resolve_inputs(
    electricity: pd.DataFrame,
    lifecycle: pd.DataFrame,
    *,
    grid_country: str = JAPAN,
    grid_year: int | None = None,
    grid_intensity: float | None = None,
    ev_wh_per_km: float | None = None,
    charging_loss_pct: float | None = None,
    grid_loss_pct: float | None = None,
    hybrid_km_per_l: float | None = None,
    petrol_km_per_l: float | None = None,
    fuel_co2_kg_per_l: float | None = None,
    fuel_upstream_g_per_mj: float = 0.0,
    battery_kwh: float | None = None,
    battery_kg_per_kwh: float | None = None,
    lifetime_km: float | None = None,
) -> tuple[ec.Inputs, pd.DataFrame]:
    """Check the chapter's parameters and fill the defaults from the data.

    Returns the calculator's inputs and a table of them for the page: ``input``, ``value``,
    ``unit``, ``basis`` (sourced, derived and how, or assumption) and ``source_key``.
    """
    rows: list[dict] = []

    def add(name: str, value: float, basis: str, source_key: str = "") -> float:
        rows.append(
            {"name": name, "input": INPUT_LABELS[name], "value": value, "unit": UNITS[name], "basis": basis, "source_key": source_key}
        )
        return value

    countries = sorted(ember_intensity(electricity)["country"].unique())
    check_choice("grid_country", grid_country, countries)
    years = grid_years(electricity, grid_country)
    if grid_intensity is not None:
        grid = _checked("grid_intensity", "grid_g_per_kwh", grid_intensity)
        add("grid_g_per_kwh", grid, "set by the grid_intensity parameter")
        if grid_year is not None:
            raise ParameterError("give grid_year or grid_intensity, not both (grid_intensity overrides the year)")
    else:
        year = years[-1] if grid_year is None else grid_year
        if isinstance(year, bool) or not isinstance(year, int) or year not in years:
            raise ParameterError(
                f"grid_year={year!r} is not in the data for {grid_country}; valid years: {', '.join(map(str, years))} "
                f"(or set grid_intensity in g per kWh)"
            )
        series = ember_intensity(electricity)
        chosen = series[(series["country"] == grid_country) & (series["year"] == year)].iloc[0]
        add(
            "grid_g_per_kwh",
            float(chosen["value"]),
            f"sourced: Ember via OWID, {grid_country} {year}, per kWh generated",
            chosen["source_key"],
        )

    if ev_wh_per_km is None:
        row = lifecycle_row(lifecycle, P_EV)
        add("ev_wh_per_km", single_value(lifecycle, P_EV), "sourced: Nissan Sakura, WLTC catalogue figure", row["source_key"])
    else:
        add("ev_wh_per_km", _checked("ev_wh_per_km", "ev_wh_per_km", ev_wh_per_km), "set by you")

    grid_loss_label = f"sourced: {lifecycle_row(lifecycle, P_GRID_LOSS)['parameter']}"
    if grid_intensity is not None:
        grid_loss_label += ", used with the grid intensity you set"
    elif grid_country != JAPAN:
        grid_loss_label += f"; the data has no grid-loss figure for {grid_country}, so Japan's is used"
    for name, value, parameter, label in (
        ("charging_loss_pct", charging_loss_pct, P_CHARGING_LOSS, f"sourced: {lifecycle_row(lifecycle, P_CHARGING_LOSS)['parameter']}"),
        ("grid_loss_pct", grid_loss_pct, P_GRID_LOSS, grid_loss_label),
    ):
        if value is None:
            add(name, single_value(lifecycle, parameter), label, lifecycle_row(lifecycle, parameter)["source_key"])
        else:
            add(name, _checked(name, name, value), "set by you")

    for name, value, parameter, label in (
        ("hybrid_km_per_l", hybrid_km_per_l, P_HYBRID, "sourced: Toyota Prius 1.8 L hybrid, WLTC"),
        ("petrol_km_per_l", petrol_km_per_l, P_PETROL, "sourced: Nissan's assumption for a comparable petrol kei car"),
        ("fuel_co2_kg_per_l", fuel_co2_kg_per_l, P_FUEL_CO2, "sourced: Japan Ministry of the Environment, combustion only"),
    ):
        if value is None:
            add(name, single_value(lifecycle, parameter), label, lifecycle_row(lifecycle, parameter)["source_key"])
        else:
            add(name, _checked(name, name, value), "set by you")

    low, high = UPSTREAM_LIMIT
    upstream_g_per_mj = _number("fuel_upstream_g_per_mj", fuel_upstream_g_per_mj, low, high, "g CO2e per MJ")
    if upstream_g_per_mj == 0:
        add("fuel_upstream_kg_per_l", 0.0, "not counted (fuel_upstream_g_per_mj = 0)")
    else:
        heating = lifecycle_row(lifecycle, P_HEATING_VALUE)
        value = ec.upstream_kg_per_l(upstream_g_per_mj, float(heating["value_low"]))
        add(
            "fuel_upstream_kg_per_l",
            value,
            f"derived: your {upstream_g_per_mj:g} g/MJ x petrol's heating value {heating['value']} MJ/L",
            heating["source_key"],
        )

    if battery_kwh is None:
        capacity, key = battery_capacity_kwh(lifecycle)
        add("battery_kwh", capacity, "sourced: Nissan Sakura, stated with its WLTC figure", key)
    else:
        add("battery_kwh", _checked("battery_kwh", "battery_kwh", battery_kwh), "set by you")

    if battery_kg_per_kwh is None:
        row = lifecycle_row(lifecycle, P_BATTERY)
        mid = (float(row["value_low"]) + float(row["value_high"])) / 2
        add("battery_kg_per_kwh", mid, f"derived: midpoint of ICCT's literature range {row['value']} {row['unit']}", row["source_key"])
    else:
        add("battery_kg_per_kwh", _checked("battery_kg_per_kwh", "battery_kg_per_kwh", battery_kg_per_kwh), "set by you")

    if lifetime_km is None:
        add(
            "lifetime_km",
            single_value(lifecycle, P_LIFETIME),
            f"sourced: {lifecycle_row(lifecycle, P_LIFETIME)['parameter']}",
            lifecycle_row(lifecycle, P_LIFETIME)["source_key"],
        )
    else:
        add("lifetime_km", _checked("lifetime_km", "lifetime_km", lifetime_km), "set by you")

    table = pd.DataFrame(rows)
    inputs = ec.Inputs(**dict(zip(table["name"], table["value"], strict=True)))
    return inputs, table


def battery_range(lifecycle: pd.DataFrame) -> tuple[float, float]:
    """ICCT's literature range for battery manufacturing, kg CO2 per kWh of capacity."""
    row = lifecycle_row(lifecycle, P_BATTERY)
    return float(row["value_low"]), float(row["value_high"])


def number(value: float) -> str:
    """A figure for a reader: 150000.0 -> '150,000', 482.3 -> '482.3', 0.439801 -> '0.4398'."""
    return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:.4g}"


def inputs_words(table: pd.DataFrame, names: list[str]) -> str:
    """Some inputs for a sentence: 'charging losses 11 (% of the energy drawn from the socket; sourced: ...)'."""
    rows = table.set_index("name").loc[names]
    return "; ".join(f"{row['input'].lower()} {number(row['value'])} ({row['unit']}; {row['basis']})" for _, row in rows.iterrows())


def inputs_table(table: pd.DataFrame) -> pd.DataFrame:
    """The inputs as a reader's table (number formatted, unit, basis)."""
    shown = table.assign(value=table["value"].map(number))
    return shown[["input", "value", "unit", "basis", "source_key"]]


def results(inputs: ec.Inputs, lifecycle: pd.DataFrame) -> pd.DataFrame:
    """g/km of the three cars, with the battery's share at both ends of ICCT's range and how each figure was computed."""
    table = ec.per_km(inputs)
    low, high = battery_range(lifecycle)
    table["total_battery_low"] = ec.per_km(inputs.replace(battery_kg_per_kwh=low))["total"]
    table["total_battery_high"] = ec.per_km(inputs.replace(battery_kg_per_kwh=high))["total"]
    table.loc[table["car"] != "electric", ["total_battery_low", "total_battery_high"]] = float("nan")
    loss = f"/ (1 - {inputs.charging_loss_pct:g}%) / (1 - {inputs.grid_loss_pct:g}%)"
    fuel = f"({inputs.fuel_co2_kg_per_l:g} + {inputs.fuel_upstream_kg_per_l:.3g}) kg/L x 1000"
    how = {
        "electric": (
            f"{inputs.ev_wh_per_km:g} Wh/km / 1000 x {inputs.grid_g_per_kwh:g} g/kWh {loss}"
            f" + {inputs.battery_kwh:g} kWh x {inputs.battery_kg_per_kwh:g} kg/kWh x 1000 / {inputs.lifetime_km:,.0f} km"
        ),
        "hybrid": f"{fuel} / {inputs.hybrid_km_per_l:g} km/L",
        "petrol": f"{fuel} / {inputs.petrol_km_per_l:g} km/L",
    }
    table["how_computed"] = table["car"].map(how)
    table["label"] = table["car"].map(CAR_LABELS)
    return table


def results_table(table: pd.DataFrame) -> pd.DataFrame:
    shown = table.copy()
    for column in ["use_phase", "battery", "total", "total_battery_low", "total_battery_high"]:
        shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:.1f}")
    return shown[["label", "use_phase", "battery", "total", "total_battery_low", "total_battery_high", "how_computed"]].rename(
        columns={
            "label": "car",
            "use_phase": "use phase (g/km)",
            "battery": "battery manufacturing (g/km)",
            "total": "total (g/km, derived)",
            "total_battery_low": "total, battery at ICCT low end",
            "total_battery_high": "total, battery at ICCT high end",
            "how_computed": "how computed",
        }
    )


def results_chart(table: pd.DataFrame) -> alt.LayerChart:
    """Stacked bars (use phase + battery) per car, with a whisker for the battery at both ends of ICCT's range."""
    long = table.melt(id_vars=["label"], value_vars=["use_phase", "battery"], var_name="part", value_name="g_per_km")
    long["part"] = long["part"].map({"use_phase": "use phase (electricity or fuel)", "battery": "battery manufacturing"})
    long = long[long["g_per_km"] > 0]
    y = alt.Y("label:N", title=None, sort=list(CAR_LABELS.values()))
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("g_per_km:Q", title="Grams of CO2(e) per km (derived)", stack="zero"),
            y=y,
            color=alt.Color(
                "part:N",
                title=None,
                scale=alt.Scale(
                    domain=["use phase (electricity or fuel)", "battery manufacturing"], range=[charts.PALETTE[0], charts.PALETTE[1]]
                ),
            ),
            tooltip=["label:N", "part:N", alt.Tooltip("g_per_km:Q", format=".1f", title="g/km")],
        )
    )
    ranges = table[table["total_battery_low"].notna()]
    whisker = (
        alt.Chart(ranges)
        .mark_rule(strokeWidth=2, color="#333333")
        .encode(
            x="total_battery_low:Q",
            x2="total_battery_high:Q",
            y=y,
            tooltip=[
                alt.Tooltip("total_battery_low:Q", format=".1f", title="total, battery low end"),
                alt.Tooltip("total_battery_high:Q", format=".1f", title="total, battery high end"),
            ],
        )
    )
    labels = (
        alt.Chart(table).mark_text(align="left", dx=6, dy=-12, fontSize=12).encode(x="total:Q", y=y, text=alt.Text("total:Q", format=".0f"))
    )
    return alt.layer(bars, whisker, labels).properties(height=180)


# --- the break-even --------------------------------------------------------------------------------------


def break_evens(inputs: ec.Inputs, lifecycle: pd.DataFrame) -> pd.DataFrame:
    """Break-even grid intensities (derived) for the chosen inputs, and the one published threshold in the data."""
    low, high = battery_range(lifecycle)
    rows = [
        ("hybrid", "use phase only", ec.break_even_intensity(inputs, include_battery=False)),
        ("hybrid", "with the battery (midpoint)", ec.break_even_intensity(inputs)),
        ("hybrid", "with the battery (ICCT low end)", ec.break_even_intensity(inputs.replace(battery_kg_per_kwh=low))),
        ("hybrid", "with the battery (ICCT high end)", ec.break_even_intensity(inputs.replace(battery_kg_per_kwh=high))),
        ("petrol", "with the battery (midpoint)", ec.break_even_intensity(inputs, rival="petrol")),
    ]
    table = pd.DataFrame(rows, columns=["rival", "electric car counted", "break_even_g_per_kwh"])
    table["basis"] = "derived: this chapter's calculator, inputs above"
    table["source_key"] = ""
    threshold = lifecycle_row(lifecycle, P_THRESHOLD)
    published = pd.DataFrame(
        [
            {
                "rival": "efficient petrol car or hybrid",
                "electric car counted": "life cycle (the paper's model)",
                "break_even_g_per_kwh": float(threshold["value_low"]),
                "basis": f"published: {threshold['notes']}",
                "source_key": threshold["source_key"],
            }
        ]
    )
    return pd.concat([table, published], ignore_index=True)


def break_even_table(table: pd.DataFrame) -> pd.DataFrame:
    shown = table.assign(
        break_even_g_per_kwh=table["break_even_g_per_kwh"].map(
            lambda v: f"{v:.0f}" if v > 0 else f"none ({v:.0f}: the battery alone outweighs)"
        )
    )
    return shown.rename(columns={"break_even_g_per_kwh": "break-even (g per kWh generated)"})


def break_even_lines(inputs: ec.Inputs, lifecycle: pd.DataFrame, x_max: float) -> pd.DataFrame:
    """g/km of each car at a grid intensity of 0 and ``x_max`` (the lines are straight)."""
    low, high = battery_range(lifecycle)
    rows = []
    for intensity in (0.0, float(x_max)):
        at = inputs.replace(grid_g_per_kwh=intensity)
        table = ec.per_km(at).set_index("car")
        rows += [
            (intensity, "Electric, use phase only", table.loc["electric", "use_phase"]),
            (intensity, "Electric with battery (midpoint)", table.loc["electric", "total"]),
            (
                intensity,
                "Electric with battery (ICCT low end)",
                ec.per_km(at.replace(battery_kg_per_kwh=low)).set_index("car").loc["electric", "total"],
            ),
            (
                intensity,
                "Electric with battery (ICCT high end)",
                ec.per_km(at.replace(battery_kg_per_kwh=high)).set_index("car").loc["electric", "total"],
            ),
            (intensity, CAR_LABELS["hybrid"], table.loc["hybrid", "total"]),
            (intensity, CAR_LABELS["petrol"], table.loc["petrol", "total"]),
        ]
    return pd.DataFrame(rows, columns=["grid_g_per_kwh", "series", "g_per_km"])


def break_even_axis_max(electricity: pd.DataFrame, crossing: float) -> float:
    """Right end of the break-even chart: past the dirtiest grid in the data and past the crossing, in whole hundreds."""
    dirtiest = float(ember_intensity(electricity)["value"].max())
    return float(math.ceil(max(dirtiest, crossing if crossing > 0 else 0) * 1.1 / 100) * 100)


SERIES_LEGEND = alt.Legend(columns=2, labelLimit=320, symbolStrokeWidth=2.5)
SERIES_ORDER = [
    "Electric, use phase only",
    "Electric with battery (midpoint)",
    "Electric with battery (ICCT low end)",
    "Electric with battery (ICCT high end)",
    CAR_LABELS["hybrid"],
    CAR_LABELS["petrol"],
]
SERIES_COLOURS = [charts.PALETTE[5], charts.PALETTE[0], charts.PALETTE[0], charts.PALETTE[0], charts.PALETTE[3], charts.PALETTE[7]]
SERIES_DASH = [[2, 2], [1, 0], [6, 3], [6, 3], [1, 0], [1, 0]]


def japan_years_on_line(inputs: ec.Inputs, electricity: pd.DataFrame, country: str = JAPAN) -> pd.DataFrame:
    """Each year's grid intensity of ``country`` and the electric car's g/km (with battery) on that grid."""
    series = ember_intensity(electricity)
    rows = series[series["country"] == country][["year", "value", "source_key"]].rename(columns={"value": "grid_g_per_kwh"})
    rows["g_per_km"] = [
        ec.per_km(inputs.replace(grid_g_per_kwh=float(v))).set_index("car").loc["electric", "total"] for v in rows["grid_g_per_kwh"]
    ]
    rows["label"] = ""
    if not rows.empty:
        rows.loc[rows.index[[0, -1]], "label"] = rows["year"].iloc[[0, -1]].astype(str).tolist()
    rows["series"] = f"{country}'s grid, by year (Ember)"
    return rows.reset_index(drop=True)


def break_even_chart(lines: pd.DataFrame, years: pd.DataFrame, crossing: float, crossing_g_per_km: float) -> alt.LayerChart:
    """Each car's g/km across grid intensities; points mark Japan's years; a rule marks the break-even with the hybrid."""
    x = alt.X("grid_g_per_kwh:Q", title="Grid carbon intensity (g CO2e per kWh generated)")
    y = alt.Y("g_per_km:Q", title="Grams of CO2(e) per km (derived)", scale=alt.Scale(zero=True))
    line = (
        alt.Chart(lines)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "series:N", title=None, sort=SERIES_ORDER, legend=SERIES_LEGEND, scale=alt.Scale(domain=SERIES_ORDER, range=SERIES_COLOURS)
            ),
            strokeDash=alt.StrokeDash(
                "series:N", title=None, sort=SERIES_ORDER, legend=SERIES_LEGEND, scale=alt.Scale(domain=SERIES_ORDER, range=SERIES_DASH)
            ),
            tooltip=["series:N", alt.Tooltip("grid_g_per_kwh:Q", title="g per kWh"), alt.Tooltip("g_per_km:Q", format=".1f", title="g/km")],
        )
    )
    points = (
        alt.Chart(years)
        .mark_point(filled=True, size=45, color=charts.PALETTE[1], stroke="#333333", strokeWidth=0.5)
        .encode(
            x=x,
            y=y,
            tooltip=[
                "series:N",
                "year:Q",
                alt.Tooltip("grid_g_per_kwh:Q", title="g per kWh"),
                alt.Tooltip("g_per_km:Q", format=".1f", title="electric, g/km"),
            ],
        )
    )
    labels = alt.Chart(years).mark_text(dy=14, fontSize=11, color="#333333").encode(x=x, y=y, text="label:N")
    layers = [line, points, labels]
    if crossing > 0:
        mark = pd.DataFrame(
            [{"grid_g_per_kwh": crossing, "g_per_km": crossing_g_per_km, "text": f"break-even with the hybrid: {crossing:.0f} g/kWh"}]
        )
        layers.append(alt.Chart(mark).mark_rule(strokeDash=[4, 4], color="#333333").encode(x=x))
        layers.append(alt.Chart(mark).mark_text(align="left", dx=6, fontSize=12).encode(x=x, y=alt.value(12), text="text:N"))
    return alt.layer(*layers).properties(height=340)


# --- sensitivity -----------------------------------------------------------------------------------------


def sensitivity_ranges(inputs: ec.Inputs, electricity: pd.DataFrame, lifecycle: pd.DataFrame, grid_country: str = JAPAN) -> pd.DataFrame:
    """Low and high value of each input for the sensitivity chart, and where they come from.

    Sourced alternatives where the data has them (for the lifetime distance: the shortest and longest
    published figure); otherwise half and one and a half times the value used (illustrative).
    """
    series = ember_intensity(electricity)
    grid = series[series["country"] == grid_country]
    ev = single_value(lifecycle, P_EV)
    ev_real = 1000 / single_value(lifecycle, P_EV_REAL)
    hybrid_alt = single_value(lifecycle, P_HYBRID_ALT)
    hybrid = single_value(lifecycle, P_HYBRID)
    battery_low, battery_high = battery_range(lifecycle)
    upstream = lifecycle_row(lifecycle, P_UPSTREAM)
    heating = single_value(lifecycle, P_HEATING_VALUE)
    upstream_high = ec.upstream_kg_per_l(float(upstream["value_high"]), heating)
    lifetimes = {single_value(lifecycle, p): str(lifecycle_row(lifecycle, p)["source_key"]) for p in P_LIFETIMES}

    def around(name: str) -> tuple[float, float, str, str]:
        value = getattr(inputs, name)
        return (
            value * (1 - ILLUSTRATIVE_SWING),
            value * (1 + ILLUSTRATIVE_SWING),
            "illustrative: half to one and a half times the value used",
            "",
        )

    rows = {
        "grid_g_per_kwh": (
            float(grid["value"].min()),
            float(grid["value"].max()),
            f"sourced: {grid_country}'s cleanest and dirtiest year, {int(grid['year'].min())}-{int(grid['year'].max())} (Ember)",
            data.SOURCE_KEY_SEPARATOR.join(dict.fromkeys(k for cell in grid["source_key"] for k in data.split_source_keys(cell))),
        ),
        "ev_wh_per_km": (
            min(ev, ev_real),
            max(ev, ev_real),
            "sourced: WLTC catalogue figure and Nissan's real-world assumption (km/kWh converted to Wh/km: derived)",
            lifecycle_row(lifecycle, P_EV)["source_key"] + ";" + lifecycle_row(lifecycle, P_EV_REAL)["source_key"],
        ),
        "hybrid_km_per_l": (
            min(hybrid, hybrid_alt),
            max(hybrid, hybrid_alt),
            "sourced: Prius 2.0 L and 1.8 L, WLTC",
            lifecycle_row(lifecycle, P_HYBRID)["source_key"],
        ),
        "fuel_upstream_kg_per_l": (
            0.0,
            upstream_high,
            f"not counted, to the Korean proxy's high end ({upstream['value_high']:g} g/MJ x {heating:g} MJ/L: derived)",
            upstream["source_key"] + ";" + lifecycle_row(lifecycle, P_HEATING_VALUE)["source_key"],
        ),
        "battery_kg_per_kwh": (
            battery_low,
            battery_high,
            "sourced: ICCT literature range",
            lifecycle_row(lifecycle, P_BATTERY)["source_key"],
        ),
        "charging_loss_pct": around("charging_loss_pct"),
        "grid_loss_pct": around("grid_loss_pct"),
        "battery_kwh": around("battery_kwh"),
        "lifetime_km": (
            min(lifetimes),
            max(lifetimes),
            "sourced: shortest and longest published lifetime distance in the data",
            lifetimes[min(lifetimes)] + ";" + lifetimes[max(lifetimes)],
        ),
    }
    table = pd.DataFrame([{"name": k, "low": v[0], "high": v[1], "range basis": v[2], "source_key": v[3]} for k, v in rows.items()])
    for name in table["name"]:  # an illustrative range must stay inside the plausible one
        low, high, _ = ec.PLAUSIBLE[name]
        table.loc[table["name"] == name, "low"] = table.loc[table["name"] == name, "low"].clip(low, high)
        table.loc[table["name"] == name, "high"] = table.loc[table["name"] == name, "high"].clip(low, high)
    return table


def sensitivity(inputs: ec.Inputs, ranges: pd.DataFrame) -> pd.DataFrame:
    """Electric minus hybrid (g/km, with the battery) with each input at its low and high value, biggest swing first."""
    result = ec.sensitivity(inputs, {row["name"]: (row["low"], row["high"]) for _, row in ranges.iterrows()})
    result = result.merge(ranges[["name", "range basis", "source_key"]], left_on="input", right_on="name").drop(columns="name")
    result["label"] = result["input"].map(INPUT_LABELS)
    result["unit"] = result["input"].map(UNITS)
    result["value used"] = result["input"].map(lambda name: getattr(inputs, name))
    return result


def sensitivity_table(result: pd.DataFrame) -> pd.DataFrame:
    shown = result.copy()
    for column in ["low", "high", "value used"]:
        shown[column] = shown[column].map(number)
    for column in ["output_low", "output_high"]:
        shown[column] = shown[column].map(lambda v: f"{v:+.1f}")
    shown["swing"] = shown["swing"].map(lambda v: f"{v:.1f}")
    return shown[["label", "value used", "low", "high", "unit", "output_low", "output_high", "swing", "range basis", "source_key"]].rename(
        columns={
            "label": "input",
            "output_low": "EV minus hybrid at low (g/km)",
            "output_high": "EV minus hybrid at high (g/km)",
            "swing": "swing (g/km)",
        }
    )


def tornado_chart(result: pd.DataFrame) -> alt.LayerChart:
    """Bars from the answer at an input's low value to its answer at its high value; biggest swing on top."""
    order = result["label"].tolist()
    shown = result.assign(
        low_text=result["low"].map(number),
        high_text=result["high"].map(number),
        left=result[["output_low", "output_high"]].min(axis=1),
        right=result[["output_low", "output_high"]].max(axis=1),
    )
    shown["left_text"] = shown.apply(lambda r: r["low_text"] if r["output_low"] <= r["output_high"] else r["high_text"], axis=1)
    shown["right_text"] = shown.apply(lambda r: r["high_text"] if r["output_low"] <= r["output_high"] else r["low_text"], axis=1)
    y = alt.Y("label:N", title=None, sort=order)
    x = alt.X("left:Q", title="Electric minus hybrid, g CO2(e) per km (below 0: the electric car emits less)")
    bars = (
        alt.Chart(shown)
        .mark_bar(color=charts.PALETTE[0], height=16)
        .encode(
            x=x,
            x2="right:Q",
            y=y,
            tooltip=[
                alt.Tooltip("label:N", title="input"),
                alt.Tooltip("low_text:N", title="low value"),
                alt.Tooltip("high_text:N", title="high value"),
                "unit:N",
                alt.Tooltip("output_low:Q", format="+.1f", title="answer at low (g/km)"),
                alt.Tooltip("output_high:Q", format="+.1f", title="answer at high (g/km)"),
                "range basis:N",
            ],
        )
    )
    left = alt.Chart(shown).mark_text(align="right", dx=-4, fontSize=11).encode(x="left:Q", y=y, text="left_text:N")
    right = alt.Chart(shown).mark_text(align="left", dx=4, fontSize=11).encode(x="right:Q", y=y, text="right_text:N")
    base = alt.Chart(shown.head(1)).mark_rule(color="#333333", strokeDash=[4, 3]).encode(x="base:Q")
    zero = alt.Chart(pd.DataFrame({"zero": [0.0]})).mark_rule(color=charts.PALETTE[3], strokeWidth=2).encode(x="zero:Q")
    return alt.layer(bars, left, right, base, zero).properties(height=300)


# --- prices ----------------------------------------------------------------------------------------------


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
    rows = pd.concat([from_prices, from_electricity], ignore_index=True)
    rows["area"] = rows["country"].map({JAPAN: "national", JAPAN_TEPCO: "TEPCO area (Tokyo region)"})
    rows["year_type"] = (rows["fiscal_year"] == YES).map({True: "fiscal year (April-March)", False: "calendar year or not stated"})
    rows["series"] = rows["source_key"] + " (" + rows["area"] + ")"
    columns = ["year", "value", "unit", "area", "year_type", "metric", "derived", "series", "dataset", "source_key", "table", "notes"]
    return rows[columns].sort_values(["year", "source_key"]).reset_index(drop=True)


def price_points_chart(points: pd.DataFrame) -> alt.Chart:
    """Japan's household electricity prices as points only (no line: the years are not one series)."""
    return (
        alt.Chart(points)
        .mark_point(size=90, strokeWidth=2, filled=True)
        .encode(
            x=alt.X(
                "year:Q",
                title="Year (fiscal or calendar: see the table)",
                axis=alt.Axis(format="d", tickMinStep=1),
                scale=alt.Scale(zero=False, padding=12),
            ),
            y=alt.Y("value:Q", title="Household electricity price (yen per kWh)", scale=alt.Scale(zero=True)),
            color=alt.Color("series:N", title="Source (area)", legend=alt.Legend(columns=2, labelLimit=320)),
            shape=alt.Shape(
                "derived:N", title="Derived by the data pack", scale=alt.Scale(domain=["no", "yes"], range=["circle", "diamond"])
            ),
            tooltip=["year:Q", "value:Q", "unit:N", "area:N", "year_type:N", "metric:N", "derived:N", "source_key:N", "notes:N"],
        )
    )


def cross_country_prices(prices: pd.DataFrame) -> pd.DataFrame:
    """The one same-publisher cross-country comparison: household prices implied by the Nikkei/IEA 2022 bills (derived by the pack)."""
    rows = prices[(prices["dataset"] == NIKKEI_BILLS) & (prices["measure_id"] == HOUSEHOLD_PRICE)]
    return (
        rows[["country", "year", "value", "unit", "derived", "source_key", "notes"]]
        .sort_values("value", ascending=False)
        .reset_index(drop=True)
    )


def cross_country_chart(rows: pd.DataFrame) -> alt.Chart:
    shown = rows.assign(japan=rows["country"] == JAPAN)
    return (
        alt.Chart(shown)
        .mark_point(size=110, filled=True)
        .encode(
            x=alt.X("value:Q", title="Household electricity price implied by the bill (yen per kWh, derived)", scale=alt.Scale(zero=True)),
            y=alt.Y("country:N", title=None, sort="-x"),
            color=alt.Color("japan:N", legend=None, scale=alt.Scale(domain=[True, False], range=[charts.PALETTE[3], charts.PALETTE[0]])),
            tooltip=["country:N", "year:Q", "value:Q", "unit:N", "notes:N"],
        )
        .properties(height=220)
    )


def gasoline_japan(prices: pd.DataFrame) -> pd.DataFrame:
    rows = prices[(prices["country"] == JAPAN) & (prices["dataset"] == ANRE_GASOLINE)]
    return rows[["year", "value", "unit", "derived", "source_key", "notes"]].reset_index(drop=True)


def running_costs(points: pd.DataFrame, gasoline: pd.DataFrame, inputs: ec.Inputs) -> pd.DataFrame:
    """Derived yen per km at each national household price point, beside the fuel cost in the same year where the data has one."""
    national = points[points["area"] == "national"]
    fuel = gasoline.set_index("year")["value"]
    rows = []
    for _, point in national.iterrows():
        year = int(point["year"])
        row = {
            "year": year,
            "electricity price (yen/kWh)": point["value"],
            "electricity price basis": f"{point['year_type']}; {point['source_key']}"
            + ("; derived by the pack" if point["derived"] == "yes" else ""),
            "electric (yen/km, derived)": round(
                ec.electric_cost_per_km(inputs.ev_wh_per_km, float(point["value"]), inputs.charging_loss_pct), 2
            ),
        }
        if year in fuel.index:
            price = float(fuel.loc[year])
            row["gasoline price (yen/L, calendar-year mean)"] = price
            row["hybrid (yen/km, derived)"] = round(ec.fuel_cost_per_km(inputs.hybrid_km_per_l, price), 2)
            row["petrol kei (yen/km, derived)"] = round(ec.fuel_cost_per_km(inputs.petrol_km_per_l, price, name="petrol_km_per_l"), 2)
        else:
            row["gasoline price (yen/L, calendar-year mean)"] = "no gasoline price in the data for this year"
        rows.append(row)
    return pd.DataFrame(rows)


def subsidy(prices: pd.DataFrame) -> pd.Series:
    return data.row_by_id(prices[prices["country"] == JAPAN], "measure_id", SUBSIDY)


def sources_of(*tables: pd.DataFrame, data_dir: object = None) -> pd.DataFrame:
    """The sources behind the rows of one or more (filtered) tables."""
    return data.sources_cited(*tables, data_dir=data_dir)


# --- words for the prose ---------------------------------------------------------------------------------


def g_km(value: float) -> str:
    """69.94 -> '69.9 g/km'."""
    return f"{value:.1f} g/km"


def g_kwh(value: float, digits: int = 1) -> str:
    """482.3 -> '482.3 g/kWh'."""
    return f"{value:,.{digits}f} g/kWh"


def gap_words(gap: float) -> str:
    """+35.4 -> '35.4 g/km more', -3.0 -> '3.0 g/km less'."""
    return f"{g_km(abs(gap))} {'more' if gap > 0 else 'less'}" if round(gap, 1) != 0 else "as much"


def more_or_less(value: float, than: float) -> str:
    """'less than' or 'more than' (or 'as much as') comparing two figures as shown to one decimal."""
    a, b = round(value, 1), round(than, 1)
    return "less than" if a < b else "more than" if a > b else "as much as"


def agreement(value: float, other: float, unit: str) -> str:
    """How two figures shown to one decimal compare: 'the same' or '0.1 g/km apart'."""
    gap = abs(round(value, 1) - round(other, 1))
    return "the same" if gap == 0 else f"{gap:.1f} {unit} apart"
