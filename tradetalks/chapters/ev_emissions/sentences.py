"""The words glued into the page's prose, section by section: each function returns glue name -> text."""

from __future__ import annotations

import pandas as pd

from tradetalks import calc
from tradetalks.text import pct

from . import calculator, inputs, tables
from .units import g_km, g_kwh, number

# The inputs that size the battery's share: compared with the grid's range in the sensitivity prose.
BATTERY_INPUTS = ["battery_kg_per_kwh", "lifetime_km", "battery_kwh"]


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


def inputs_words(table: pd.DataFrame, names: list[str]) -> str:
    """Some inputs for a sentence: 'charging losses 11 (% of the energy drawn from the socket; sourced: ...)'."""
    rows = table.set_index("name").loc[names]
    return "; ".join(f"{row['input'].lower()} {number(row['value'])} ({row['unit']}; {row['basis']})" for _, row in rows.iterrows())


def grid_comparison(electricity: pd.DataFrame, series: pd.DataFrame) -> dict[str, str]:
    """Japan's grid in Ember's first and last year, the others' that year, the IEA's world figure and the gaps."""
    ember = tables.ember_intensity(electricity)
    japan = ember[ember["country"] == tables.JAPAN]
    first, last = japan.iloc[0], japan.iloc[-1]
    latest = ember[ember["year"] == last["year"]].set_index("country")["value"]
    iea = tables.iea_intensity(electricity)
    iea_world = iea[(iea["country"] == tables.WORLD) & (iea["year"] == int(last["year"]))].iloc[0]
    others = latest.drop(tables.JAPAN).sort_values(ascending=False)
    forecast_years = tables.iea_forecast_years(electricity)
    return {
        "japan_first_year": str(int(first["year"])),
        "japan_first": g_kwh(first["value"]),
        "japan_last_year": str(int(last["year"])),
        "japan_last": g_kwh(last["value"]),
        "latest_others": "; ".join(f"{name} {g_kwh(value)}" for name, value in others.items()),
        "japan_vs_world": more_or_less(last["value"], latest[tables.WORLD]),
        "iea_world_latest": g_kwh(iea_world["value"], 0),
        "missing_countries": ", ".join(tables.missing_countries(series)) or "none",
        "iea_only": ", ".join(tables.iea_only_countries(series)),
        "iea_forecast_years": f"{forecast_years[0]}-{forecast_years[-1]}",
    }


def generation_mix(mix: pd.DataFrame, fossil: pd.DataFrame) -> dict[str, str]:
    """Fossil fuels' share in Ember's first and last year and in ISEP's estimate; nuclear's and solar's change."""
    ember_fossil = fossil[fossil["publisher"] == tables.EMBER_MIX_PUBLISHER]
    f0, f1 = ember_fossil.iloc[0], ember_fossil.iloc[-1]
    isep_fossil = fossil[fossil["publisher"] != tables.EMBER_MIX_PUBLISHER]
    nuclear, solar = tables.mix_shares(mix, "nuclear"), tables.mix_shares(mix, "solar")
    isep = (
        f"{pct(isep_fossil['fossil_pct'].iloc[0])} in {int(isep_fossil['year'].iloc[0])}" if not isep_fossil.empty else "no later estimate"
    )
    return {
        "fossil_first": f"{pct(round(f0['fossil_pct'], 1))} in {int(f0['year'])}",
        "fossil_last": f"{pct(round(f1['fossil_pct'], 1))} in {int(f1['year'])}",
        "fossil_isep": isep,
        "nuclear_change": f"{pct(nuclear.iloc[0])} to {pct(nuclear.iloc[-1])}",
        "solar_change": f"{pct(solar.iloc[0])} to {pct(solar.iloc[-1])}",
    }


def two_measures(utilities: pd.DataFrame) -> dict[str, str]:
    """The utilities' factor and Ember's intensity in the last year both report."""
    recent = utilities.dropna(subset=["ember_gco2e_per_kwh_generated"]).iloc[-1]
    return {
        "utility_year": str(int(recent["year (utilities: fiscal year)"])),
        "utility_factor": g_kwh(recent["utilities_gco2_per_kwh_sold"], 0),
        "utility_ember": g_kwh(recent["ember_gco2e_per_kwh_generated"]),
    }


def per_km_results(result: pd.DataFrame, input_rows: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame) -> dict[str, str]:
    """Each car's g/km and how they compare, and the two cross-checks against the data pack's own figures."""
    by_car = result.set_index("car")
    ev_row, hybrid_row, petrol_row = by_car.loc["electric"], by_car.loc["hybrid"], by_car.loc["petrol"]
    no_loss = calculator.no_loss_use_phase(chosen)
    pack_row = inputs.lifecycle_row(lifecycle, inputs.P_PACK_SAKURA_USE_PHASE)
    icct = inputs.lifecycle_row(lifecycle, inputs.P_BATTERY_PER_KM)
    return {
        "ev_use": g_km(ev_row["use_phase"]),
        "hybrid_use": g_km(hybrid_row["use_phase"]),
        "petrol_use": g_km(petrol_row["use_phase"]),
        "ev_use_vs_hybrid": more_or_less(ev_row["use_phase"], hybrid_row["use_phase"]),
        "ev_use_vs_petrol": more_or_less(ev_row["use_phase"], petrol_row["use_phase"]),
        "ev_battery": g_km(ev_row["battery"]),
        "ev_total": g_km(ev_row["total"]),
        "ev_total_range": f"{g_km(ev_row['total_battery_low'])} to {g_km(ev_row['total_battery_high'])}",
        "ev_total_vs_hybrid": more_or_less(ev_row["total"], hybrid_row["total"]),
        "ev_total_vs_petrol": more_or_less(ev_row["total"], petrol_row["total"]),
        "grid_used": input_rows.set_index("name").loc["grid_g_per_kwh", "basis"].removeprefix("sourced: "),
        "ev_use_no_losses": g_km(no_loss),
        "pack_ev_use": f"{pack_row['value']} {pack_row['unit']}",
        "pack_ev_use_agreement": agreement(no_loss, float(pack_row["value"]), "g/km"),
        "icct_per_km": f"{icct['value']} {icct['unit']}",
        "icct_battery": f"{g_km(chosen.battery_kwh * icct['value_low'])} to {g_km(chosen.battery_kwh * icct['value_high'])}",
    }


def break_even(crossings: pd.DataFrame, years: pd.DataFrame, grid_country: str) -> dict[str, str]:
    """The break-even intensities (a negative one: the battery alone outweighs) and the chosen grid's latest year."""
    at = {case: calculator.break_even_of(crossings, case) for case in [*calculator.BREAK_EVEN_CASES, calculator.PUBLISHED]}
    main, high_end = at[calculator.WITH_BATTERY], at[calculator.WITH_BATTERY_HIGH]
    now = years.iloc[-1]
    return {
        "break_even_country": grid_country,
        "break_even_use": g_kwh(at[calculator.USE_PHASE_ONLY], 0),
        "break_even_main": g_kwh(main, 0) if main > 0 else "none: the battery alone outweighs the hybrid",
        "break_even_low": g_kwh(at[calculator.WITH_BATTERY_LOW], 0),
        "break_even_high": g_kwh(high_end, 0) if high_end > 0 else "none (the battery alone outweighs the hybrid)",
        "break_even_petrol": g_kwh(at[calculator.PETROL_WITH_BATTERY], 0),
        "break_even_published": g_kwh(at[calculator.PUBLISHED], 0),
        "grid_now": f"{g_kwh(now['grid_g_per_kwh'])} in {int(now['year'])}",
    }


def battery_against_grid(swing_of: pd.Series) -> str:
    """Whether the battery's inputs or the grid's range of years move the answer more (``swing_of``: input -> swing)."""
    battery, grid = swing_of[BATTERY_INPUTS], swing_of["grid_g_per_kwh"]
    if battery.min() > grid:
        return (
            "The battery's footprint, its size and the distance it is spread over each move the answer more than the grid's range of "
            "years does: whether an electric car is greener rests on how batteries are made and how long cars last as well as on the grid"
        )
    if battery.max() > grid:
        return "At least one battery input moves the answer more than the grid's range of years does"
    return "The grid's range of years moves the answer more than any battery input"


def sensitivity(swings: pd.DataFrame, ranges: pd.DataFrame) -> dict[str, str]:
    """The input that moves the answer most (of all, and of those with sourced ranges), and the battery against the grid."""
    top = swings.iloc[0]
    sourced = swings[swings["range basis"].str.startswith(("sourced", "not counted"))].iloc[0]
    lifetime = ranges.set_index("name").loc["lifetime_km"]
    return {
        "top_input": top["label"].lower(),
        "top_swing": g_km(top["swing"]),
        "top_range": f"{g_km(min(top['output_low'], top['output_high']))} to {g_km(max(top['output_low'], top['output_high']))}",
        "base_gap": gap_words(swings["base"].iloc[0]),
        "top_sourced": f"{sourced['label'].lower()} ({g_km(sourced['swing'])})",
        "lifetime_range": f"{number(lifetime['low'])} to {number(lifetime['high'])} km",
        "battery_vs_grid": battery_against_grid(swings.set_index("input")["swing"]),
    }


def household_prices(points: pd.DataFrame, prices: pd.DataFrame) -> dict[str, str]:
    """How many price points from how many sources and years; the government's first and last; the subsidy."""
    anre = tables.anre_unit_prices(points)
    aid = tables.subsidy(prices)
    return {
        "price_years": ", ".join(str(y) for y in sorted(points["year"].unique())),
        "price_count": str(len(points)),
        "price_sources": str(points["source_key"].nunique()),
        "anre_first": f"{anre.iloc[0]['value']:g} yen/kWh in fiscal {int(anre.iloc[0]['year'])}",
        "anre_last": f"{anre.iloc[-1]['value']:g} yen/kWh in fiscal {int(anre.iloc[-1]['year'])}",
        "subsidy": f"{aid['value']:g} {aid['unit']} ({aid['metric']})",
    }


def bills_year(abroad: pd.DataFrame) -> int:
    """The year of the one cross-country set of bills."""
    return int(abroad["year"].iloc[0])


def exercises(utilities: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame) -> dict[str, str]:
    """The exercises' commands and answers: the utilities' factor, the break-even battery footprint, petrol's upstream."""
    utility_g = float(utilities.iloc[-1]["utilities_gco2_per_kwh_sold"])
    footprint = calc.break_even_battery_kg_per_kwh(chosen)
    low, high = inputs.battery_range(lifecycle)
    korea = inputs.lifecycle_row(lifecycle, inputs.P_UPSTREAM)
    with_upstream = chosen.replace(fuel_upstream_kg_per_l=inputs.upstream_low_kg_per_l(lifecycle))
    return {
        "ex_utility_cmd": f"`python -m tradetalks run ev_emissions -p grid_intensity {utility_g:g} -p grid_loss_pct 0`",
        "ex_utility_use": g_km(calc.ev_use_g_per_km(chosen.ev_wh_per_km, utility_g, chosen.charging_loss_pct, 0.0)),
        "ex_battery_answer": f"{footprint:.0f} kg CO2 per kWh"
        if footprint > 0
        else "none: the electric car emits more than the hybrid in use alone",
        "ex_battery_range": f"{low:g} to {high:g} kg CO2 per kWh",
        "ex_upstream_cmd": f"`python -m tradetalks run ev_emissions -p fuel_upstream_g_per_mj {korea['value_low']:g}`",
        "ex_upstream_answer": g_kwh(calc.break_even_intensity(with_upstream), 0),
    }
