"""The per-km calculator in the reader's browser: the chapter's own formulas (``tradetalks.calc``), run by Vega.

``calculator`` builds a ``tradetalks.calculators.Calculator`` from the chapter's resolved inputs
(``inputs.resolve_inputs``, as the notebook resolves them, under the same boundary). The reader moves
four inputs: the grid's intensity, the electric car's electricity use, the battery's manufacturing
footprint and the car's lifetime distance. Every other input is fixed at the chapter's value and
named in the calculator's note. Each output is one of ``calc``'s formulas, composed with
``Formula.using`` (never written again here), so the page's numbers and ``calc.co2_per_km`` /
``calc.break_even_intensity`` agree.

Each control's default is the chapter's value and says who produced it; a control accepts what
``calc.EMISSIONS_INPUT_RANGES`` calls plausible; the range the sources support is read from the data:
the grids the chapter compares, the catalogue and real-world electricity use, ICCT's range of battery
footprints, the shortest and longest published lifetime distance.

The calculator's words (labels, units, sources, the sentence and the note) are handed to
``tradetalks.calculators`` in the page's language; the inputs' English bases stay in the frames code reads.
"""

from __future__ import annotations

import math
from typing import cast

import pandas as pd

from tradetalks import calc, calculators, charts, data
from tradetalks.calculators import Calculator, Input, Output
from tradetalks.formulas import Formula
from tradetalks.i18n import N_, tr

from . import calculator as results
from . import charts as page_charts
from . import parameters, sentences, tables
from .columns import COLUMNS
from .inputs import INPUT_LABELS, UNITS
from .units import G_KM, after_number, figure
from .words import joined, shown

NAME = "ev_emissions_calculator"
HEADING = N_("Calculator: grams of CO2 per km of an electric, a hybrid and a petrol car")
WHOLE = 0  # grams per km and grams per kWh are shown whole
SET_BY_YOU = "set by you"  # how inputs.resolve_inputs labels an input a parameter sets (or derives from one: "your ...")

# The inputs the reader sets (calc.EmissionsInputs' names); every other input is fixed at the chapter's value.
READER_INPUTS = ("grid_g_per_kwh", "ev_wh_per_km", "battery_kg_per_kwh", "lifetime_km")
FIXED_INPUTS = (
    "battery_kwh",
    "grid_loss_pct",
    "charging_loss_pct",
    "hybrid_km_per_l",
    "petrol_km_per_l",
    "fuel_co2_kg_per_l",
    "fuel_upstream_kg_per_l",
)

# --- the formulas: calc's, with their names mapped onto the calculator's ------------------------------------

_GENERATED_KWH_PER_KM = calc.GENERATED_KWH_PER_KM.using(wh_per_km=Formula("ev_wh_per_km"))
ELECTRIC_USE = calc.ENERGY_G_PER_KM.using(energy_per_km=_GENERATED_KWH_PER_KM, g_per_unit=Formula("grid_g_per_kwh"))
ELECTRIC_BATTERY = calc.BATTERY_G_PER_KM.using(kg_per_kwh=Formula("battery_kg_per_kwh"))
ELECTRIC_TOTAL = Formula("use + battery").using(use=ELECTRIC_USE, battery=ELECTRIC_BATTERY)


def _fuel(km_per_l: str) -> Formula:
    return calc.FUEL_G_PER_KM.using(
        km_per_l=Formula(km_per_l), co2_kg_per_l=Formula("fuel_co2_kg_per_l"), upstream_kg_per_l=Formula("fuel_upstream_kg_per_l")
    )


HYBRID = _fuel("hybrid_km_per_l")
PETROL = _fuel("petrol_km_per_l")
BREAK_EVEN = calc.BREAK_EVEN_INTENSITY.using(
    rival_g_per_km=HYBRID, battery_g_per_km=ELECTRIC_BATTERY, generated_kwh_per_km=_GENERATED_KWH_PER_KM
)

# The outputs' names: the page's signals, and the sentence's placeholders.
ELECTRIC_USE_OUT, ELECTRIC_BATTERY_OUT, ELECTRIC_OUT = "electric_use_g_per_km", "electric_battery_g_per_km", "electric_g_per_km"
HYBRID_OUT, PETROL_OUT, BREAK_EVEN_OUT = "hybrid_g_per_km", "petrol_g_per_km", "break_even_g_per_kwh"
# A message (translated where the calculator is built): its {placeholders} are the outputs' names above.
SENTENCE = N_(
    "With these values the electric car emits {electric_use_g_per_km} in use and {electric_battery_g_per_km} for making its "
    "battery, {electric_g_per_km} in all, against {hybrid_g_per_km} for the hybrid and {petrol_g_per_km} for the petrol kei car. "
    "The break-even grid, where it would emit as much as the hybrid, is {break_even_g_per_kwh}: on a cleaner grid it "
    "emits less (a break-even of zero or below means its battery alone outweighs the hybrid's emissions)."
)
# The grid intensity's unit by what the boundary counts (the gases, and per kWh sold or generated).
GRID_UNITS = {
    ("g CO2", "sold"): N_("g CO2 per kWh sold"),
    ("g CO2", "generated"): N_("g CO2 per kWh generated"),
    ("g CO2e", "generated"): N_("g CO2e per kWh generated"),
}


# --- the calculator -------------------------------------------------------------------------------------------


def grid_unit(inputs: calc.EmissionsInputs, boundary: str = parameters.WELL_TO_WHEEL) -> str:
    """The grid intensity's unit under ``boundary``: greenhouse gases per kWh generated (well-to-wheel), CO2 only
    per kWh sold (direct, with no grid losses added: they are inside a per-kWh-sold factor) or generated."""
    gases = "g CO2" if boundary == parameters.DIRECT else "g CO2e"
    at = "sold" if boundary == parameters.DIRECT and inputs.grid_loss_pct == 0 else "generated"
    return tr(GRID_UNITS[(gases, at)])


def _decimals(name: str) -> int:
    """How many decimals a reader's figure of ``name`` carries: the chapter's column for it, else whole."""
    column = COLUMNS.get(name)
    return column.decimals if column is not None and isinstance(column.decimals, int) else WHOLE


def source_words(row: pd.Series, producer: str) -> str:
    """Who produced an input's default and how it was obtained: 'Nissan Motor Co.: WLTC catalogue figure ...' (in the
    page's language: a sourced basis without its 'sourced: ', which the producer's name says)."""
    basis = str(row["basis"])
    what = basis.removeprefix("sourced: ")
    said = shown(what) if what != basis else shown(basis)
    return tr("{producer}: {basis}").format(producer=producer, basis=said) if producer else said


def supported_ranges(inputs: calc.EmissionsInputs, electricity: pd.DataFrame, lifecycle: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """The range the sources support for each input the reader sets, read from the data.

    The grid: the lowest and highest intensity among the grids the chapter compares (its intensity
    chart); the electric car's use, its battery footprint and its lifetime distance: the sourced ends the
    sensitivity chart uses (catalogue and real-world use, ICCT's range, the shortest and longest
    published lifetime). An input without sourced ends has none.
    """
    grids = tables.intensity_series(electricity)["value"]
    ranges = results.sensitivity_ranges(inputs, electricity, lifecycle).set_index("name")
    found = {"grid_g_per_kwh": (float(grids.min()), float(grids.max()))}
    for name in (name for name in READER_INPUTS if name != "grid_g_per_kwh"):
        if name in ranges.index and str(ranges.loc[name, "range basis"]).startswith("sourced"):
            found[name] = (float(ranges.loc[name, "low"]), float(ranges.loc[name, "high"]))
    return found


def outward(span: tuple[float, float], decimals: int) -> tuple[float, float]:
    """A supported range to the input's decimals, rounded outward so that no value the sources support is flagged:
    (124.0, 166.67) -> (124.0, 167.0) whole."""
    scale = 10.0**decimals
    return math.floor(round(span[0] * scale, 6)) / scale, math.ceil(round(span[1] * scale, 6)) / scale


def _fixed_words(inputs: calc.EmissionsInputs, rows: pd.DataFrame) -> str:
    """The fixed inputs in words, each with its value and unit ('battery capacity 20 kWh; grid losses 4.3% of ...'),
    or, for one left out of the count (a loss counted inside another figure, petrol's upstream under the direct
    boundary), why: the chapter's own words for it."""
    parts = []
    for name in FIXED_INPUTS:
        label = sentences.in_sentence(tr(INPUT_LABELS[name]))
        basis = str(rows.loc[name, "basis"])
        if name == "charging_loss_pct" and inputs.ev_wh_at_socket:
            parts.append(tr("no charging losses added (the electricity use is measured at the socket, so they are inside it)"))
        elif getattr(inputs, name) == 0 and basis.startswith(("counted once", "not counted")):
            parts.append(tr("{input}: {basis}").format(input=label, basis=shown(basis)))
        else:
            unit = UNITS[name]
            written = tr("{input} {value}{unit}") if unit[:1] == "%" else tr("{input} {value} {unit}")
            parts.append(written.format(input=label, value=figure(getattr(inputs, name)), unit=tr(unit)))
    return joined(parts)


def calculator(
    inputs: calc.EmissionsInputs,
    input_rows: pd.DataFrame,
    electricity: pd.DataFrame,
    lifecycle: pd.DataFrame,
    *,
    boundary: str = parameters.WELL_TO_WHEEL,
) -> Calculator:
    """The in-page calculator on the chapter's inputs (``inputs``, ``input_rows``: ``inputs.resolve_inputs``).

    Charging losses are counted once: with an electricity use measured at the socket their fixed value
    is 0 (they are inside it), otherwise the chapter's ``charging_loss_pct``.
    """
    rows = input_rows.set_index("name")
    producers = dict(zip(input_rows["name"], tables.producers(input_rows), strict=True))
    supported = supported_ranges(inputs, electricity, lifecycle)
    units = {**{name: tr(unit) for name, unit in UNITS.items()}, "grid_g_per_kwh": grid_unit(inputs, boundary)}
    labels = {name: tr(label) for name, label in INPUT_LABELS.items()}
    where = tr("{input} at the socket") if inputs.ev_wh_at_socket else tr("{input} at the battery")
    labels["ev_wh_per_km"] = where.format(input=labels["ev_wh_per_km"])
    controls = []
    for name in READER_INPUTS:
        low, high, _ = calc.EMISSIONS_INPUT_RANGES[name]
        decimals = _decimals(name)
        controls.append(
            Input(
                name=name,
                label=labels[name],
                unit=units[name],
                default=float(getattr(inputs, name)),
                low=low,
                high=high,
                step=10.0**-decimals,
                source=source_words(rows.loc[name], producers[name]),
                supported=outward(supported[name], decimals) if name in supported else None,
                decimals=decimals,
            )
        )
    fixed = {name: float(getattr(inputs, name)) for name in FIXED_INPUTS}
    if inputs.ev_wh_at_socket:
        fixed["charging_loss_pct"] = 0.0  # inside the socket figure: not added again
    g_km, g_kwh = after_number(G_KM), tr("{value} {unit}").format(value="", unit=units["grid_g_per_kwh"])
    outputs = [
        Output(ELECTRIC_USE_OUT, ELECTRIC_USE, WHOLE, suffix=g_km),
        Output(ELECTRIC_BATTERY_OUT, ELECTRIC_BATTERY, WHOLE, suffix=g_km),
        Output(ELECTRIC_OUT, ELECTRIC_TOTAL, WHOLE, suffix=g_km),
        Output(HYBRID_OUT, HYBRID, WHOLE, suffix=g_km),
        Output(PETROL_OUT, PETROL, WHOLE, suffix=g_km),
        Output(BREAK_EVEN_OUT, BREAK_EVEN, WHOLE, suffix=g_kwh),
    ]
    return Calculator(
        name=NAME,
        inputs=controls,
        outputs=outputs,
        sentence=tr(SENTENCE),
        fixed_values=fixed,
        fixed_note=tr("Fixed at this chapter's values (the Papermill parameters change them): {inputs}.").format(
            inputs=_fixed_words(inputs, rows)
        ),
    )


# --- the chart on the calculator's signals ----------------------------------------------------------------------

# Each bar segment: the car, the part of its emissions, and the output whose signal sizes it.
SEGMENTS = [
    ("electric", "use_phase", ELECTRIC_USE_OUT),
    ("electric", "battery", ELECTRIC_BATTERY_OUT),
    ("hybrid", "use_phase", HYBRID_OUT),
    ("petrol", "use_phase", PETROL_OUT),
]
TOTALS = {"electric": ELECTRIC_OUT, "hybrid": HYBRID_OUT, "petrol": PETROL_OUT}


def drawn(calc_in_page: Calculator) -> pd.DataFrame:
    """What the chart draws at the sourced values: each car's g/km by part (the page redraws it as the inputs move)."""
    at = calc_in_page.evaluate()
    return pd.DataFrame(
        {
            tr("Car"): [tr(results.CAR_LABELS[car]) for car, _, _ in SEGMENTS],
            tr("Part"): [tr(page_charts.PART_LABELS[part]) for _, part, _ in SEGMENTS],
            "g_per_km": [at[output] for _, _, output in SEGMENTS],
        }
    )


def figures_shown(calc_in_page: Calculator) -> dict[str, str]:
    """The calculator's figures at the sourced values as the page writes them, for the chart's words."""
    texts = calc_in_page.texts()
    outputs = {"electric_use": ELECTRIC_USE_OUT, "electric_battery": ELECTRIC_BATTERY_OUT, "hybrid": HYBRID_OUT, "petrol": PETROL_OUT}
    return {role: texts[output] for role, output in outputs.items()}


def set_by_reader(input_rows: pd.DataFrame) -> bool:
    """Whether the run sets any input itself (a Papermill parameter): then the page starts from values not all sourced."""
    return bool(
        input_rows["basis"].astype(str).str.contains(SET_BY_YOU, regex=False).any() or input_rows["basis"].str.contains("your ").any()
    )


def publish(
    calc_in_page: Calculator, chosen: calc.EmissionsInputs, input_rows: pd.DataFrame, lifecycle: pd.DataFrame, grid: str
) -> charts.Figure:
    """The calculator's form, result sentence and chart, published like any chart of the chapter."""
    shown = data.derived_from(drawn(calc_in_page), input_rows)
    figure = calculators.publish(
        calc_in_page,
        page_charts.calculator_chart(SEGMENTS, TOTALS),
        heading=tr(HEADING),
        data=shown,
        evidence=[input_rows],
        name="co2_per_km_in_page",
        **sentences.calculator_chart(
            results.results(chosen, lifecycle), chosen, lifecycle, grid, figures_shown(calc_in_page), own=set_by_reader(input_rows)
        ),
    )
    return cast(charts.Figure, figure)  # calculators.publish returns the Figure charts.publish makes


def default_calculator(data_dir: object = None) -> Calculator:
    """The calculator as the published page makes it, at the chapter's default inputs (the rerun page lists its
    inputs; the browser tests compare the page with it)."""
    from tradetalks import data

    from . import inputs as chapter_inputs

    electricity, lifecycle = data.load_table("electricity", data_dir), data.load_table("lifecycle_parameters", data_dir)
    resolved, rows = chapter_inputs.resolve_inputs(electricity, lifecycle)
    return calculator(resolved, rows, electricity, lifecycle)
