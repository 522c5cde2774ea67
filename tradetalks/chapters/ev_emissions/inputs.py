"""The calculator's inputs: each default read from a row of ``lifecycle_parameters`` or ``electricity``.

A parameter left at None means the sourced (or derived) figure in the data; a value given by the
reader is labelled "set by you" wherever it is shown. Labels, units and bases are English in the frames (code
reads them); the page shows them in its language (``words.shown``).
"""

from __future__ import annotations

import pandas as pd

from tradetalks import calc, data
from tradetalks.i18n import N_, tr

from . import parameters, tables
from .units import number
from .words import Figure, phrase, shown, stated_span

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

INPUT_LABELS = {
    "grid_g_per_kwh": N_("Grid carbon intensity"),
    "ev_wh_per_km": N_("EV electricity use"),
    "charging_loss_pct": N_("Charging losses"),
    "grid_loss_pct": N_("Grid losses"),
    "hybrid_km_per_l": N_("Hybrid fuel economy"),
    "petrol_km_per_l": N_("Petrol car fuel economy"),
    "fuel_co2_kg_per_l": N_("Petrol CO2 per litre burnt"),
    "fuel_upstream_kg_per_l": N_("Fuel upstream (well-to-tank)"),
    "battery_kwh": N_("Battery capacity"),
    "battery_kg_per_kwh": N_("Battery manufacturing footprint"),
    "lifetime_km": N_("Car's lifetime distance"),
}
UNITS = {name: unit for name, (_, _, unit) in calc.EMISSIONS_INPUT_RANGES.items()}  # calc's words: translated where shown
# The bases of an input's figure, as messages ("sourced: …" and "derived: …" frame what the source or the sum says).
SET_BY_YOU = N_("set by you")
SOURCED, DERIVED = N_("sourced: {what}"), N_("derived: {how}")


def sourced(what: str) -> str:
    """A sourced figure's basis: 'sourced: ' and what the source is (a phrase, or words from the data)."""
    return phrase(SOURCED, what=what)


def derived(how: str) -> str:
    """A derived figure's basis: 'derived: ' and how it was obtained."""
    return phrase(DERIVED, how=how)


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


def battery_range(lifecycle: pd.DataFrame) -> tuple[float, float]:
    """ICCT's literature range for battery manufacturing, kg CO2 per kWh of capacity."""
    row = lifecycle_row(lifecycle, P_BATTERY)
    return float(row["value_low"]), float(row["value_high"])


def upstream_mid_g_per_mj(lifecycle: pd.DataFrame) -> float:
    """The midpoint of the Korean well-to-pump proxy for petrol, g CO2e per MJ (derived: the well-to-wheel default)."""
    korea = lifecycle_row(lifecycle, P_UPSTREAM)
    return (float(korea["value_low"]) + float(korea["value_high"])) / 2


def latest_utility_factor(electricity: pd.DataFrame, year: int | None = None) -> pd.Series:
    """Japan's utilities' CO2 factor per kWh sold (the direct boundary's grid): the latest fiscal year, up to ``year`` if given."""
    factors = tables.utility_factors(electricity).rename(columns={tables.UTILITY_YEAR: "year"})
    if year is not None:
        factors = factors[factors["year"] <= year]
    if factors.empty:
        raise parameters.ParameterError(f"the data has no Japanese utilities' CO2 factor for {year} or before; set grid_intensity")
    return factors.sort_values("year").iloc[-1]


def upstream_low_kg_per_l(lifecycle: pd.DataFrame) -> float:
    """Petrol's upstream emissions per litre at the low end of the Korean well-to-pump proxy (derived with the heating value)."""
    korea = lifecycle_row(lifecycle, P_UPSTREAM)
    return calc.upstream_kg_per_l(float(korea["value_low"]), single_value(lifecycle, P_HEATING_VALUE))


def resolve_inputs(
    electricity: pd.DataFrame,
    lifecycle: pd.DataFrame,
    *,
    boundary: str = parameters.WELL_TO_WHEEL,
    grid_country: str = tables.JAPAN,
    grid_year: int | None = None,
    grid_intensity: float | None = None,
    ev_wh_per_km: float | None = None,
    charging_loss_pct: float | None = None,
    grid_loss_pct: float | None = None,
    hybrid_km_per_l: float | None = None,
    petrol_km_per_l: float | None = None,
    fuel_co2_kg_per_l: float | None = None,
    fuel_upstream_g_per_mj: float | None = None,
    battery_kwh: float | None = None,
    battery_kg_per_kwh: float | None = None,
    lifetime_km: float | None = None,
) -> tuple[calc.EmissionsInputs, pd.DataFrame]:
    """Check the chapter's parameters and fill the defaults from the data, under one ``boundary`` for every car.

    ``well_to_wheel`` (the default): petrol burnt plus its upstream emissions (the midpoint of the
    data's Korean well-to-pump proxy), electricity at Ember's life-cycle intensity per kWh generated,
    grid losses added. ``direct``: burning only: petrol's tailpipe CO2 and, for Japan's grid, the
    utilities' CO2 factor per kWh sold (grid losses already inside it, so none are added).
    Charging losses are counted once: the catalogue figure is measured at the socket (WLTC "AC") and
    includes them; ``charging_loss_pct`` is for an ``ev_wh_per_km`` measured at the battery.

    Returns the calculator's inputs and a table of them for the page: ``input``, ``value``,
    ``unit``, ``basis`` (sourced, derived and how, or assumption) and ``source_key``.
    """
    rows: list[dict] = []

    def add(name: str, value: float, basis: str, source_key: str = "") -> float:
        rows.append(
            {"name": name, "input": INPUT_LABELS[name], "value": value, "unit": UNITS[name], "basis": basis, "source_key": source_key}
        )
        return value

    def add_sourced(name: str, value: float | None, parameter: str, label: str) -> None:
        checked = parameters.check_calculator_input(name, value)
        if checked is None:
            add(name, single_value(lifecycle, parameter), label, lifecycle_row(lifecycle, parameter)["source_key"])
        else:
            add(name, checked, phrase(SET_BY_YOU))

    boundary = parameters.check_boundary(boundary)
    direct = boundary == parameters.DIRECT
    series = tables.ember_intensity(electricity)
    countries = sorted(series["country"].unique())
    years = {country: tables.grid_years(electricity, country) for country in countries}
    year, intensity = parameters.check_grid(grid_country, grid_year, grid_intensity, years)
    utility_grid = direct and intensity is None
    if intensity is not None:
        add("grid_g_per_kwh", intensity, phrase(SET_BY_YOU))
    elif utility_grid:
        if grid_country != tables.JAPAN:
            raise parameters.ParameterError(
                f"boundary='direct' needs a CO2-only grid factor; the data has one for Japan only, not {grid_country}: set grid_intensity"
            )
        factor = latest_utility_factor(electricity, year)
        add(
            "grid_g_per_kwh",
            float(factor["utilities_gco2_per_kwh_sold"]),
            sourced(
                phrase(N_("Japan's utilities, CO2 per kWh sold, fiscal {year} (direct boundary; kg x 1000)"), year=int(factor["year"]))
            ),
            factor["source_key"],
        )
    else:
        chosen = series[(series["country"] == grid_country) & (series["year"] == year)].iloc[0]
        add(
            "grid_g_per_kwh",
            float(chosen["value"]),
            sourced(phrase(N_("Ember via OWID, {country} {year}, per kWh generated"), country=grid_country, year=year)),
            chosen["source_key"],
        )

    add_sourced(
        "ev_wh_per_km", ev_wh_per_km, P_EV, sourced(phrase(N_("Nissan Sakura, WLTC catalogue figure, measured at the socket (AC)")))
    )

    grid_loss_parameter = str(lifecycle_row(lifecycle, P_GRID_LOSS)["parameter"])
    if grid_intensity is not None:
        grid_loss_label = sourced(phrase(N_("{parameter}, used with the grid intensity you set"), parameter=grid_loss_parameter))
    elif grid_country != tables.JAPAN:
        grid_loss_label = sourced(
            phrase(
                N_("{parameter}; the data has no grid-loss figure for {country}, so Japan's is used"),
                parameter=grid_loss_parameter,
                country=grid_country,
            )
        )
    else:
        grid_loss_label = sourced(grid_loss_parameter)
    charging = parameters.check_calculator_input("charging_loss_pct", charging_loss_pct)
    at_socket = charging is None
    if at_socket:
        add("charging_loss_pct", 0.0, phrase(N_("counted once, inside the socket figure above (not added again)")))
    elif ev_wh_per_km is None:
        raise parameters.ParameterError(
            "the catalogue figure is measured at the socket and already includes charging losses; give charging_loss_pct only with "
            "an ev_wh_per_km measured at the battery (or leave it None)"
        )
    else:
        add("charging_loss_pct", charging, phrase(N_("set by you (your electricity use is taken as measured at the battery)")))
    if utility_grid and grid_loss_pct is None:
        add("grid_loss_pct", 0.0, phrase(N_("counted once, inside the utilities' factor per kWh sold (not added again)")))
    else:
        add_sourced("grid_loss_pct", grid_loss_pct, P_GRID_LOSS, grid_loss_label)
    add_sourced("hybrid_km_per_l", hybrid_km_per_l, P_HYBRID, sourced(phrase(N_("Toyota Prius 1.8 L hybrid, WLTC"))))
    add_sourced("petrol_km_per_l", petrol_km_per_l, P_PETROL, sourced(phrase(N_("Nissan's assumption for a comparable petrol kei car"))))
    add_sourced(
        "fuel_co2_kg_per_l", fuel_co2_kg_per_l, P_FUEL_CO2, sourced(phrase(N_("Japan Ministry of the Environment, combustion only")))
    )

    upstream_g_per_mj = parameters.check_upstream(fuel_upstream_g_per_mj)
    heating = lifecycle_row(lifecycle, P_HEATING_VALUE)
    if upstream_g_per_mj is None and direct:
        add("fuel_upstream_kg_per_l", 0.0, phrase(N_("not counted (direct boundary: burning only)")))
    elif upstream_g_per_mj is None:
        korea = lifecycle_row(lifecycle, P_UPSTREAM)
        add(
            "fuel_upstream_kg_per_l",
            calc.upstream_kg_per_l(upstream_mid_g_per_mj(lifecycle), float(heating["value_low"])),
            derived(
                phrase(
                    N_(
                        "midpoint of the Korean well-to-pump proxy {span} {unit} x petrol's heating value {heating} MJ/L (well-to-wheel boundary)"
                    ),
                    span=stated_span(korea["value"]),
                    unit=str(korea["unit"]),
                    heating=Figure(heating["value"]),
                )
            ),
            data.SOURCE_KEY_SEPARATOR.join(dict.fromkeys([str(korea["source_key"]), str(heating["source_key"])])),
        )
    elif upstream_g_per_mj == 0:
        add("fuel_upstream_kg_per_l", 0.0, phrase(N_("not counted (set by you)")))
    else:
        add(
            "fuel_upstream_kg_per_l",
            calc.upstream_kg_per_l(upstream_g_per_mj, float(heating["value_low"])),
            derived(
                phrase(
                    N_("your {upstream} g/MJ x petrol's heating value {heating} MJ/L"),
                    upstream=Figure(f"{upstream_g_per_mj:g}"),
                    heating=Figure(heating["value"]),
                )
            ),
            heating["source_key"],
        )

    capacity = parameters.check_calculator_input("battery_kwh", battery_kwh)
    if capacity is None:
        capacity, key = battery_capacity_kwh(lifecycle)
        add("battery_kwh", capacity, sourced(phrase(N_("Nissan Sakura, stated with its WLTC figure"))), key)
    else:
        add("battery_kwh", capacity, phrase(SET_BY_YOU))

    footprint = parameters.check_calculator_input("battery_kg_per_kwh", battery_kg_per_kwh)
    if footprint is None:
        row = lifecycle_row(lifecycle, P_BATTERY)
        mid = (float(row["value_low"]) + float(row["value_high"])) / 2
        how = phrase(N_("midpoint of ICCT's literature range {span} {unit}"), span=stated_span(row["value"]), unit=str(row["unit"]))
        add("battery_kg_per_kwh", mid, derived(how), row["source_key"])
    else:
        add("battery_kg_per_kwh", footprint, phrase(SET_BY_YOU))

    add_sourced("lifetime_km", lifetime_km, P_LIFETIME, sourced(str(lifecycle_row(lifecycle, P_LIFETIME)["parameter"])))

    # the rows rest on both tables; lifecycle_parameters first, as the page names them
    table = data.derived_from(pd.DataFrame(rows), lifecycle, electricity)
    inputs = calc.EmissionsInputs(**dict(zip(table["name"], table["value"], strict=True)), ev_wh_at_socket=at_socket)
    return inputs, table


def inputs_table(table: pd.DataFrame) -> pd.DataFrame:
    """The inputs as a reader's table: value formatted, unit, basis and who produced a sourced figure (no source keys)."""
    return pd.DataFrame(
        {
            tr("Input"): table["input"].map(shown),
            tr("Value"): table["value"].map(number),
            tr("Unit"): table["unit"].map(shown),
            tr("Basis"): table["basis"].map(shown),
            tr("Source"): tables.producers(table),
        }
    )
