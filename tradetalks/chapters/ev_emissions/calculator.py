"""The calculator's results as the page shows them: g/km per car, break-even intensities, sensitivity, running costs.

The arithmetic is ``tradetalks.calc``'s; this module feeds it the chapter's inputs and shapes what comes out.
Labels are English in the frames code reads (a car, a line of the break-even chart); the reader's tables and the
charts show them in the page's language.
"""

from __future__ import annotations

import math

import pandas as pd

from tradetalks import calc, data
from tradetalks.i18n import N_, tr

from . import tables
from .inputs import (
    INPUT_LABELS,
    P_BATTERY,
    P_EV,
    P_EV_REAL,
    P_HEATING_VALUE,
    P_HYBRID,
    P_HYBRID_ALT,
    P_LIFETIMES,
    P_THRESHOLD,
    P_UPSTREAM,
    P_UPSTREAM_ALT,
    UNITS,
    battery_range,
    lifecycle_row,
    single_value,
)
from .units import number
from .words import Figure, joined, phrase, shown

CAR_LABELS = {
    "electric": N_("Electric (kei BEV)"),
    "hybrid": N_("Hybrid (C-segment)"),
    "petrol": N_("Petrol (kei car)"),
}
# Inputs moved by the sensitivity chart that have no sourced alternative: moved from half to one and a half times their value.
ILLUSTRATIVE_SWING = 0.5
# The break-even chart's lines, in legend order.
ELECTRIC_USE_PHASE = N_("Electric, use phase only")
ELECTRIC_MIDPOINT = N_("Electric with battery (midpoint)")
ELECTRIC_LOW = N_("Electric with battery (ICCT low end)")
ELECTRIC_HIGH = N_("Electric with battery (ICCT high end)")
# The break-evens the page quotes (``break_evens``' ``case`` ids): rival and what of the electric car is counted.
USE_PHASE_ONLY, WITH_BATTERY, WITH_BATTERY_LOW = "use_phase_only", "with_battery", "with_battery_low"
WITH_BATTERY_HIGH, PETROL_WITH_BATTERY, PUBLISHED = "with_battery_high", "petrol_with_battery", "published"
BREAK_EVEN_CASES = {
    USE_PHASE_ONLY: ("hybrid", N_("use phase only")),
    WITH_BATTERY: ("hybrid", N_("with the battery (midpoint)")),
    WITH_BATTERY_LOW: ("hybrid", N_("with the battery (ICCT low end)")),
    WITH_BATTERY_HIGH: ("hybrid", N_("with the battery (ICCT high end)")),
    PETROL_WITH_BATTERY: ("petrol", N_("with the battery (midpoint)")),
}
PUBLISHED_RIVAL, PUBLISHED_COUNTED = N_("efficient petrol car or hybrid"), N_("life cycle (the paper's model)")
SERIES_ORDER = [ELECTRIC_USE_PHASE, ELECTRIC_MIDPOINT, ELECTRIC_LOW, ELECTRIC_HIGH, CAR_LABELS["hybrid"], CAR_LABELS["petrol"]]


# --- g/km per car ------------------------------------------------------------------------------------------


def results(inputs: calc.EmissionsInputs, lifecycle: pd.DataFrame) -> pd.DataFrame:
    """g/km of the three cars, with the battery's share at both ends of ICCT's range and how each figure was computed."""
    table = calc.co2_per_km(inputs)
    low, high = battery_range(lifecycle)
    table["total_battery_low"] = calc.co2_per_km(inputs.replace(battery_kg_per_kwh=low))["total"]
    table["total_battery_high"] = calc.co2_per_km(inputs.replace(battery_kg_per_kwh=high))["total"]
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


# The results' columns as the reader's tables name them (see the page's columns.py): g/km in each name.
RESULT_COLUMNS = {
    "use_phase": "use_phase_g_per_km",
    "battery": "battery_g_per_km",
    "total": "total_g_per_km",
    "total_battery_low": "total_battery_low",
    "total_battery_high": "total_battery_high",
}


def results_drawn(table: pd.DataFrame) -> pd.DataFrame:
    """The figures the per-km chart draws, for its CSV and data table: each car's g/km by part, and the battery's range."""
    drawn = table[["label", *RESULT_COLUMNS]].assign(label=table["label"].map(tr))
    return drawn.rename(columns={"label": tr("Car"), **RESULT_COLUMNS})


def results_table(table: pd.DataFrame) -> pd.DataFrame:
    """The results as a reader's table: the figures drawn and how each was computed (an empty range: not applicable)."""
    return results_drawn(table).assign(**{tr("How computed"): table["how_computed"]})


def electric_ranges(inputs: calc.EmissionsInputs, lifecycle: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """The electric car's g/km at the ends of the sourced alternatives the data hold for the same car.

    ``use_phase`` runs between its catalogue (WLTC) and Nissan's real-world electricity use, ``total``
    between ICCT's lowest and highest battery footprint (each end includes the figure used). A figure
    of the hybrid or the petrol car within that reach is "about the same" (``reach``, ``text.compare``):
    the gap is smaller than what the electric car's own inputs leave open.
    """
    uses = [inputs.ev_wh_per_km, single_value(lifecycle, P_EV), 1000 / single_value(lifecycle, P_EV_REAL)]
    use_phase = [float(calc.co2_per_km(inputs.replace(ev_wh_per_km=wh)).set_index("car").loc["electric", "use_phase"]) for wh in uses]
    footprints = [inputs.battery_kg_per_kwh, *battery_range(lifecycle)]
    totals = [float(calc.co2_per_km(inputs.replace(battery_kg_per_kwh=kg)).set_index("car").loc["electric", "total"]) for kg in footprints]
    return {"use_phase": (min(use_phase), max(use_phase)), "total": (min(totals), max(totals))}


def reach(value: float, span: tuple[float, float], other: float) -> float:
    """How far ``value`` can move toward ``other`` without leaving ``span`` (low, high): the uncertainty of comparing them."""
    low, high = span
    return max(high - value, 0.0) if other > value else max(value - low, 0.0)


def no_loss_use_phase(inputs: calc.EmissionsInputs) -> float:
    """The electric car's use-phase g/km without charging or grid losses (the data pack's own basis)."""
    return calc.ev_use_g_per_km(inputs.ev_wh_per_km, inputs.grid_g_per_kwh, at_socket=inputs.ev_wh_at_socket)


# --- the verdict over the battery's range ------------------------------------------------------------------

RIVALS = ("hybrid", "petrol")


def battery_verdicts(inputs: calc.EmissionsInputs, lifecycle: pd.DataFrame) -> pd.DataFrame:
    """Electric minus each rival (g/km, battery counted) at ICCT's lowest and highest battery footprint, and the
    footprint at which the answer flips (NaN when it does not flip inside the range): the verdict rests on the range.

    Columns: ``rival``, ``gap_low``, ``gap_high`` (g/km), ``flips_at`` (kg CO2 per kWh of battery), ``low``, ``high``.
    """
    low, high = battery_range(lifecycle)
    rows = []
    for rival in RIVALS:

        def gap(at: calc.EmissionsInputs, rival: str = rival) -> float:
            return calc.gap_vs_hybrid(at, rival=rival)

        flips = calc.flip_point(inputs, "battery_kg_per_kwh", low, high, gap)
        rows.append(
            {
                "rival": rival,
                "gap_low": gap(inputs.replace(battery_kg_per_kwh=low)),
                "gap_high": gap(inputs.replace(battery_kg_per_kwh=high)),
                "flips_at": float("nan") if flips is None else flips,
                "low": low,
                "high": high,
            }
        )
    return pd.DataFrame(rows)


# --- the break-even ----------------------------------------------------------------------------------------


def break_evens(inputs: calc.EmissionsInputs, lifecycle: pd.DataFrame) -> pd.DataFrame:
    """Break-even grid intensities (derived) for the chosen inputs, and the one published threshold in the data.

    ``case`` names each row (``BREAK_EVEN_CASES``, then ``PUBLISHED``) for the sentences that quote it.
    """
    low, high = battery_range(lifecycle)
    figures = {
        USE_PHASE_ONLY: calc.break_even_intensity(inputs, include_battery=False),
        WITH_BATTERY: calc.break_even_intensity(inputs),
        WITH_BATTERY_LOW: calc.break_even_intensity(inputs.replace(battery_kg_per_kwh=low)),
        WITH_BATTERY_HIGH: calc.break_even_intensity(inputs.replace(battery_kg_per_kwh=high)),
        PETROL_WITH_BATTERY: calc.break_even_intensity(inputs, rival="petrol"),
    }
    rows = [(case, rival, counted, figures[case]) for case, (rival, counted) in BREAK_EVEN_CASES.items()]
    table = pd.DataFrame(rows, columns=["case", "rival", "electric car counted", "break_even_g_per_kwh"])
    table["basis"] = tr("derived: this chapter's calculator, inputs above")
    table["source_key"] = ""
    threshold = lifecycle_row(lifecycle, P_THRESHOLD)
    published = data.derived_from(
        pd.DataFrame(
            [
                {
                    "case": PUBLISHED,
                    "rival": PUBLISHED_RIVAL,
                    "electric car counted": PUBLISHED_COUNTED,
                    "break_even_g_per_kwh": float(threshold["value_low"]),
                    "source_key": threshold["source_key"],
                }
            ]
        ),
        lifecycle,
    )
    published["basis"] = tables.producers(published).map(lambda producer: tr("published by {producer}").format(producer=producer))
    return data.derived_from(pd.concat([table, published], ignore_index=True), lifecycle)


def break_even_table(table: pd.DataFrame) -> pd.DataFrame:
    """The break-evens as a reader's table (whole grams; a negative one says the battery alone outweighs)."""
    return pd.DataFrame(
        {
            tr("Against"): table["rival"].map(lambda rival: tr(CAR_LABELS.get(rival, rival))),
            tr("Electric car counted"): table["electric car counted"].map(tr),
            tr("Break-even (g CO2(e) per kWh generated)"): table["break_even_g_per_kwh"].map(
                lambda v: f"{v:.0f}" if v > 0 else tr("none ({value}: the battery alone outweighs)").format(value=f"{v:.0f}")
            ),
            tr("Basis"): table["basis"],
        }
    )


def break_even_of(crossings: pd.DataFrame, case: str) -> float:
    """One break-even of ``break_evens`` by its ``case``, g per kWh generated."""
    return float(data.row_by_id(crossings, "case", case)["break_even_g_per_kwh"])


def break_even_lines(inputs: calc.EmissionsInputs, lifecycle: pd.DataFrame, x_max: float) -> pd.DataFrame:
    """g/km of each car at a grid intensity of 0 and ``x_max`` (the lines are straight)."""
    low, high = battery_range(lifecycle)

    def electric_total(at: calc.EmissionsInputs) -> float:
        return calc.co2_per_km(at).set_index("car").loc["electric", "total"]

    rows = []
    for intensity in (0.0, float(x_max)):
        at = inputs.replace(grid_g_per_kwh=intensity)
        table = calc.co2_per_km(at).set_index("car")
        rows += [
            (intensity, ELECTRIC_USE_PHASE, table.loc["electric", "use_phase"]),
            (intensity, ELECTRIC_MIDPOINT, table.loc["electric", "total"]),
            (intensity, ELECTRIC_LOW, electric_total(at.replace(battery_kg_per_kwh=low))),
            (intensity, ELECTRIC_HIGH, electric_total(at.replace(battery_kg_per_kwh=high))),
            (intensity, CAR_LABELS["hybrid"], table.loc["hybrid", "total"]),
            (intensity, CAR_LABELS["petrol"], table.loc["petrol", "total"]),
        ]
    return pd.DataFrame(rows, columns=["grid_g_per_kwh", "series", "g_per_km"])


def break_even_axis_max(electricity: pd.DataFrame, crossing: float) -> float:
    """Right end of the break-even chart: past the dirtiest grid in the data and past the crossing, in whole hundreds."""
    dirtiest = float(tables.ember_intensity(electricity)["value"].max())
    return float(math.ceil(max(dirtiest, crossing if crossing > 0 else 0) * 1.1 / 100) * 100)


def country_years_on_line(inputs: calc.EmissionsInputs, electricity: pd.DataFrame, country: str = tables.JAPAN) -> pd.DataFrame:
    """Each year's grid intensity of ``country`` and the electric car's g/km (with battery) on that grid."""
    series = tables.ember_intensity(electricity)
    rows = series[series["country"] == country][["year", "value", "source_key"]].rename(columns={"value": "grid_g_per_kwh"})
    rows["g_per_km"] = [
        calc.co2_per_km(inputs.replace(grid_g_per_kwh=float(v))).set_index("car").loc["electric", "total"] for v in rows["grid_g_per_kwh"]
    ]
    rows["label"] = ""
    if not rows.empty:
        rows.loc[rows.index[[0, -1]], "label"] = rows["year"].iloc[[0, -1]].astype(str).tolist()
    rows["series"] = tr("{country}'s grid, by year (Ember)").format(country=tr(country))
    return rows.reset_index(drop=True)


def hybrid_g_per_km(inputs: calc.EmissionsInputs) -> float:
    """The hybrid's g/km: where the electric car's line crosses it is the break-even."""
    return float(calc.co2_per_km(inputs).set_index("car").loc["hybrid", "total"])


def break_even_drawn(lines: pd.DataFrame, years: pd.DataFrame) -> pd.DataFrame:
    """What the break-even chart draws, as one reader's table: the lines' ends, then the country's years on the electric line."""
    line_or_point = tr("Line or point")
    points = pd.DataFrame(
        {
            # the country's grid without ", by year" (a message: the words the series' name drops, in its language)
            line_or_point: [
                tr("{line}, on {grid} in {year}").format(line=tr(ELECTRIC_MIDPOINT), grid=series.replace(tr(", by year"), ""), year=year)
                for series, year in zip(years["series"], years["year"], strict=True)
            ],
            "grid_g_per_kwh": years["grid_g_per_kwh"],
            "g_per_km": years["g_per_km"],
        }
    )
    drawn = pd.concat([lines.assign(series=lines["series"].map(tr)).rename(columns={"series": line_or_point}), points], ignore_index=True)
    return data.derived_from(drawn[[line_or_point, "grid_g_per_kwh", "g_per_km"]], years)


# --- sensitivity -------------------------------------------------------------------------------------------


def sensitivity_ranges(
    inputs: calc.EmissionsInputs, electricity: pd.DataFrame, lifecycle: pd.DataFrame, grid_country: str = tables.JAPAN
) -> pd.DataFrame:
    """Low and high value of each input for the sensitivity chart, and where they come from.

    Sourced alternatives where the data has them (for the lifetime distance: the shortest and longest
    published figure); otherwise half and one and a half times the value used (illustrative).
    """
    series = tables.ember_intensity(electricity)
    grid = series[series["country"] == grid_country]
    ev = single_value(lifecycle, P_EV)
    ev_real = 1000 / single_value(lifecycle, P_EV_REAL)
    hybrid_alt = single_value(lifecycle, P_HYBRID_ALT)
    hybrid = single_value(lifecycle, P_HYBRID)
    battery_low, battery_high = battery_range(lifecycle)
    upstream = lifecycle_row(lifecycle, P_UPSTREAM)
    heating = single_value(lifecycle, P_HEATING_VALUE)
    upstream_low = calc.upstream_kg_per_l(float(upstream["value_low"]), heating)
    alternative = lifecycle_row(lifecycle, P_UPSTREAM_ALT)  # a share of tailpipe CO2: the data's upper bound
    upstream_high = max(
        calc.upstream_kg_per_l(float(upstream["value_high"]), heating),
        inputs.fuel_co2_kg_per_l * single_value(lifecycle, P_UPSTREAM_ALT) / 100,
    )
    lifetimes = {single_value(lifecycle, p): str(lifecycle_row(lifecycle, p)["source_key"]) for p in P_LIFETIMES}

    def around(name: str) -> tuple[float, float, str, str]:
        value = getattr(inputs, name)
        return (
            value * (1 - ILLUSTRATIVE_SWING),
            value * (1 + ILLUSTRATIVE_SWING),
            phrase(N_("illustrative: half to one and a half times the value used")),
            "",
        )

    rows = {
        "grid_g_per_kwh": (
            float(grid["value"].min()),
            float(grid["value"].max()),
            phrase(
                N_("sourced: {country}'s cleanest and dirtiest year, {first_year}-{last_year} (Ember)"),
                country=grid_country,
                first_year=int(grid["year"].min()),
                last_year=int(grid["year"].max()),
            ),
            data.SOURCE_KEY_SEPARATOR.join(dict.fromkeys(k for cell in grid["source_key"] for k in data.split_source_keys(cell))),
        ),
        "ev_wh_per_km": (
            min(ev, ev_real),
            max(ev, ev_real),
            phrase(N_("sourced: WLTC catalogue figure and Nissan's real-world assumption (km/kWh converted to Wh/km: derived)")),
            lifecycle_row(lifecycle, P_EV)["source_key"] + ";" + lifecycle_row(lifecycle, P_EV_REAL)["source_key"],
        ),
        "hybrid_km_per_l": (
            min(hybrid, hybrid_alt),
            max(hybrid, hybrid_alt),
            phrase(N_("sourced: Prius 2.0 L and 1.8 L, WLTC")),
            lifecycle_row(lifecycle, P_HYBRID)["source_key"],
        ),
        "fuel_upstream_kg_per_l": (
            upstream_low,
            upstream_high,
            phrase(
                N_(
                    "sourced: the Korean proxy's low end ({low} g/MJ x {heating} MJ/L) to the alternative upper bound "
                    "({alternative}{unit} of the CO2 burnt); both derived per litre"
                ),
                low=Figure(f"{upstream['value_low']:g}"),
                heating=Figure(f"{heating:g}"),
                alternative=Figure(alternative["value"]),
                unit=str(alternative["unit"]),
            ),
            upstream["source_key"] + ";" + lifecycle_row(lifecycle, P_HEATING_VALUE)["source_key"] + ";" + alternative["source_key"],
        ),
        "battery_kg_per_kwh": (
            battery_low,
            battery_high,
            phrase(N_("sourced: ICCT literature range")),
            lifecycle_row(lifecycle, P_BATTERY)["source_key"],
        ),
        "charging_loss_pct": around("charging_loss_pct"),
        "grid_loss_pct": around("grid_loss_pct"),
        "battery_kwh": around("battery_kwh"),
        "lifetime_km": (
            min(lifetimes),
            max(lifetimes),
            phrase(N_("sourced: shortest and longest published lifetime distance in the data")),
            lifetimes[min(lifetimes)] + ";" + lifetimes[max(lifetimes)],
        ),
    }
    if inputs.ev_wh_at_socket:  # charging losses sit inside the socket figure: there is no separate input to move
        del rows["charging_loss_pct"]
    table = pd.DataFrame([{"name": k, "low": v[0], "high": v[1], "range basis": v[2], "source_key": v[3]} for k, v in rows.items()])
    for name in table["name"]:  # an illustrative range must stay inside the plausible one
        low, high, _ = calc.EMISSIONS_INPUT_RANGES[name]
        table.loc[table["name"] == name, "low"] = table.loc[table["name"] == name, "low"].clip(low, high)
        table.loc[table["name"] == name, "high"] = table.loc[table["name"] == name, "high"].clip(low, high)
    # the ranges rest on both tables; lifecycle_parameters first, as the page names them
    return data.derived_from(table, lifecycle, electricity)


def sensitivity(inputs: calc.EmissionsInputs, ranges: pd.DataFrame) -> pd.DataFrame:
    """Electric minus hybrid (g/km, with the battery) with each input at its low and high value, biggest swing first."""
    result = calc.emissions_sensitivity(inputs, {row["name"]: (row["low"], row["high"]) for _, row in ranges.iterrows()})
    result = result.merge(ranges[["name", "range basis", "source_key"]], left_on="input", right_on="name").drop(columns="name")
    result["label"] = result["input"].map(lambda name: tr(INPUT_LABELS[name]))  # the reader's words: the chart's and the prose's
    result["unit"] = result["input"].map(UNITS)
    result["value used"] = result["input"].map(lambda name: getattr(inputs, name))
    return data.derived_from(result, ranges)


def sensitivity_table(result: pd.DataFrame) -> pd.DataFrame:
    """The sensitivity as a reader's table: each input's value used, range and basis, and the answer at each end."""
    table = pd.DataFrame(
        {
            tr("Input"): result["label"],
            tr("Value used"): result["value used"].map(number),
            tr("Low value"): result["low"].map(number),
            tr("High value"): result["high"].map(number),
            tr("Unit"): result["unit"].map(shown),
            "output_low": result["output_low"],
            "output_high": result["output_high"],
            "swing_g_per_km": result["swing"],
            tr("Answer flips at (the input's value)"): result["flips_at"].map(lambda v: "" if pd.isna(v) else number(v)),
            tr("Range basis"): result["range basis"].map(shown),
        }
    )
    return data.derived_from(table, result)


# --- running costs -----------------------------------------------------------------------------------------


def running_costs(points: pd.DataFrame, gasoline: pd.DataFrame, inputs: calc.EmissionsInputs) -> pd.DataFrame:
    """Derived yen per km at each national household price point, beside the fuel cost in the same year where the data has one."""
    national = tables.national_prices(points)
    fuel = gasoline.set_index("year")["value"]
    rows = []
    for _, point in national.iterrows():
        year = int(point["year"])
        row = {
            "year": year,
            "electricity price (yen/kWh)": point["value"],
            tr("electricity price basis"): joined(
                [point["year_type"], point["producer"]] + ([point["figure"]] if point["derived"] == tables.YES else [])
            ),
            "electric (yen/km, derived)": round(
                calc.electric_cost_per_km(inputs.ev_wh_per_km, float(point["value"]), inputs.charging_loss_pct), 2
            ),
        }
        if year in fuel.index:
            price = float(fuel.loc[year])
            row["gasoline price (yen/L, calendar-year mean)"] = price
            row["hybrid (yen/km, derived)"] = round(calc.fuel_cost_per_km(inputs.hybrid_km_per_l, price), 2)
            row["petrol kei (yen/km, derived)"] = round(calc.fuel_cost_per_km(inputs.petrol_km_per_l, price, name="petrol_km_per_l"), 2)
        rows.append(row)  # a year without a petrol price leaves its cells empty: the table shows a dash and says why
    return data.derived_from(pd.DataFrame(rows), national, gasoline)
