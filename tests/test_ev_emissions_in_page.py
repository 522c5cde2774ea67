"""The EV-emissions chapter's in-page calculator (tradetalks.chapters.ev_emissions.in_page) against tradetalks.calc.

The page's numbers are Vega's, from the same formula text; the browser test (tests/browser/
test_calculator_ev_emissions.py) checks the page against this calculator, and these tests check the
calculator against ``calc.co2_per_km`` and ``calc.break_even_intensity``, which the chapter's prose uses.
"""

from __future__ import annotations

import pytest

import tradetalks.chapters.ev_emissions as page
from tradetalks import calc, chartlint, data
from tradetalks.chapters.ev_emissions import in_page


@pytest.fixture(scope="module")
def electricity():
    return data.load_table("electricity")


@pytest.fixture(scope="module")
def lifecycle():
    return data.load_table("lifecycle_parameters")


def built(electricity, lifecycle, **chosen):
    """The chapter's inputs and its in-page calculator, as the notebook builds them."""
    inputs, rows = page.inputs.resolve_inputs(electricity, lifecycle, **chosen)
    boundary = chosen.get("boundary", page.parameters.WELL_TO_WHEEL)
    return inputs, rows, in_page.calculator(inputs, rows, electricity, lifecycle, boundary=boundary)


def expected(inputs: calc.EmissionsInputs) -> dict[str, float]:
    """Every output as tradetalks.calc computes it (the chapter's own figures)."""
    table = calc.co2_per_km(inputs).set_index("car")
    return {
        in_page.ELECTRIC_USE_OUT: table.loc["electric", "use_phase"],
        in_page.ELECTRIC_BATTERY_OUT: table.loc["electric", "battery"],
        in_page.ELECTRIC_OUT: table.loc["electric", "total"],
        in_page.HYBRID_OUT: table.loc["hybrid", "total"],
        in_page.PETROL_OUT: table.loc["petrol", "total"],
        in_page.BREAK_EVEN_OUT: calc.break_even_intensity(inputs),
    }


def test_at_the_sourced_values_the_calculator_gives_the_chapters_figures(electricity, lifecycle):
    inputs, _, calculator = built(electricity, lifecycle)
    assert calculator.evaluate() == pytest.approx(expected(inputs), rel=1e-12)
    assert calculator.defaults() == {name: getattr(inputs, name) for name in in_page.READER_INPUTS}
    assert calculator.evaluate()[in_page.BREAK_EVEN_OUT] == pytest.approx(calc.break_even_intensity(inputs), rel=1e-12)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("grid_g_per_kwh", 120.0),
        ("grid_g_per_kwh", 1200.0),
        ("ev_wh_per_km", 210.0),
        ("battery_kg_per_kwh", 60.0),
        ("lifetime_km", 300_000.0),
    ],
)
def test_moving_an_input_gives_what_calc_gives(electricity, lifecycle, name, value):
    inputs, _, calculator = built(electricity, lifecycle)
    moved = calculator.evaluate({name: value})
    assert moved == pytest.approx(expected(inputs.replace(**{name: value})), rel=1e-12)
    assert moved != pytest.approx(calculator.evaluate())  # the input reaches the outputs


def test_other_boundaries_and_runs_give_what_calc_gives(electricity, lifecycle):
    """Whatever the notebook's parameters, the calculator starts from the inputs they resolve to."""
    for chosen in ({"boundary": "direct"}, {"grid_country": "China"}, {"hybrid_km_per_l": 25.0, "battery_kwh": 40.0}):
        inputs, _, calculator = built(electricity, lifecycle, **chosen)
        assert calculator.evaluate({"grid_g_per_kwh": 300.0}) == pytest.approx(expected(inputs.replace(grid_g_per_kwh=300.0)), rel=1e-12), (
            chosen
        )


def test_at_the_socket_no_charging_loss_is_added(electricity, lifecycle):
    inputs, _, calculator = built(electricity, lifecycle)
    assert inputs.ev_wh_at_socket and calculator.fixed_values["charging_loss_pct"] == 0
    use = calculator.evaluate()[in_page.ELECTRIC_USE_OUT]
    assert use == pytest.approx(inputs.ev_wh_per_km / 1000 / (1 - inputs.grid_loss_pct / 100) * inputs.grid_g_per_kwh, rel=1e-12)
    assert "no charging losses added" in calculator.fixed_note
    # measured at the battery, the chapter's charging loss is added, once
    at_battery, _, measured = built(electricity, lifecycle, ev_wh_per_km=110.0, charging_loss_pct=10.0)
    assert not at_battery.ev_wh_at_socket and measured.fixed_values["charging_loss_pct"] == 10.0
    assert measured.evaluate() == pytest.approx(expected(at_battery), rel=1e-12)
    assert measured.inputs[1].label.endswith("at the battery") and calculator.inputs[1].label.endswith("at the socket")


def test_the_fixed_values_are_the_chapters_and_are_named_in_words(electricity, lifecycle):
    inputs, _, calculator = built(electricity, lifecycle)
    assert set(calculator.fixed_values) == set(in_page.FIXED_INPUTS)
    for name in ("battery_kwh", "grid_loss_pct", "hybrid_km_per_l", "petrol_km_per_l", "fuel_co2_kg_per_l", "fuel_upstream_kg_per_l"):
        assert calculator.fixed_values[name] == getattr(inputs, name)
        assert page.units.number(getattr(inputs, name)) in calculator.fixed_note, name
    direct, _, under_direct = built(electricity, lifecycle, boundary="direct")
    assert "fuel upstream (well-to-tank): not counted" in under_direct.fixed_note
    assert under_direct.inputs[0].unit == "g CO2 per kWh sold" and calculator.inputs[0].unit == "g CO2e per kWh generated"


def test_each_control_names_its_source_and_stays_in_the_plausible_range(electricity, lifecycle):
    _, rows, calculator = built(electricity, lifecycle)
    producers = dict(zip(rows["name"], page.tables.producers(rows), strict=True))
    for item in calculator.inputs:
        low, high, _ = calc.EMISSIONS_INPUT_RANGES[item.name]
        assert low <= item.low <= item.default <= item.high <= high, item.name
        assert producers[item.name] and item.source.startswith(producers[item.name]), item.name
    assert [item.name for item in calculator.inputs] == list(in_page.READER_INPUTS)


def test_supported_ranges_come_from_the_data(electricity, lifecycle):
    _, _, calculator = built(electricity, lifecycle)
    supported = {item.name: item.supported for item in calculator.inputs}
    grids = page.tables.intensity_series(electricity)["value"]
    lifetimes = [page.inputs.single_value(lifecycle, parameter) for parameter in page.inputs.P_LIFETIMES]
    catalogue = page.inputs.single_value(lifecycle, page.inputs.P_EV)
    real_world = 1000 / page.inputs.single_value(lifecycle, page.inputs.P_EV_REAL)
    assert supported["grid_g_per_kwh"] == (grids.min(), grids.max())
    assert supported["battery_kg_per_kwh"] == page.inputs.battery_range(lifecycle)
    assert supported["lifetime_km"] == (min(lifetimes), max(lifetimes))
    low, high = supported["ev_wh_per_km"]  # whole Wh/km, rounded outward: the sources' ends are inside
    assert low <= min(catalogue, real_world) < low + 1 and high - 1 < max(catalogue, real_world) <= high

    # other data, other ranges: a cleaner grid, a wider ICCT range, a longer published lifetime
    cleaner, wider = electricity.copy(), lifecycle.copy()
    ember = (cleaner["dataset"] == page.tables.EMBER_INTENSITY) & (cleaner["country"] == "Norway")
    cleaner.loc[ember, "value"] = cleaner.loc[ember, "value"] / 2
    battery = wider["parameter_id"] == page.inputs.P_BATTERY
    wider.loc[battery, "value_low"] = wider.loc[battery, "value_low"] - 10
    longest = wider["parameter_id"] == page.inputs.P_LIFETIMES[-1]
    wider.loc[longest, ["value_low", "value_high"]] = wider.loc[longest, "value_high"] * 2
    _, _, moved = built(cleaner, wider)
    again = {item.name: item.supported for item in moved.inputs}
    assert again["grid_g_per_kwh"] == in_page.outward((grids.min() / 2, grids.max()), moved.inputs[0].decimals)  # rounded outward
    assert again["battery_kg_per_kwh"][0] == supported["battery_kg_per_kwh"][0] - 10
    assert again["lifetime_km"][1] == max(lifetimes) * 2


def test_the_page_runs_calcs_formulas(electricity, lifecycle):
    """Each output's expression is built of tradetalks.calc's formulas (renamed), never written again."""
    _, _, calculator = built(electricity, lifecycle)
    formulas = {output.name: output.formula.expression for output in calculator.outputs}
    assert calc.BATTERY_G_PER_KM.vega({"kg_per_kwh": "battery_kg_per_kwh"}) == formulas[in_page.ELECTRIC_BATTERY_OUT]
    assert (
        calc.FUEL_G_PER_KM.vega(
            {"km_per_l": "hybrid_km_per_l", "co2_kg_per_l": "fuel_co2_kg_per_l", "upstream_kg_per_l": "fuel_upstream_kg_per_l"}
        )
        == formulas[in_page.HYBRID_OUT]
    )
    params = {param.name: param.param.to_dict() for param in calculator.params()}
    assert all(params[name]["expr"] == text for name, text in formulas.items())


def test_the_calculators_chart_passes_the_lint_and_its_words_come_from_the_figures(electricity, lifecycle):
    inputs, rows, calculator = built(electricity, lifecycle)
    grid = page.sentences.grid_used(electricity, "Japan", None, None)
    figure = in_page.publish(calculator, inputs, rows, lifecycle, grid)  # charts.publish runs the lint
    words = page.sentences.calculator_chart(
        page.calculator.results(inputs, lifecycle), inputs, lifecycle, grid, in_page.figures_shown(calculator)
    )
    assert chartlint.problems(**words, sourced=True, dated=True) == []
    texts = calculator.texts()
    assert texts[in_page.ELECTRIC_BATTERY_OUT] in words["description"] and texts[in_page.PETROL_OUT] in words["description"]
    compared = page.sentences.per_km_comparisons(page.calculator.results(inputs, lifecycle), inputs, lifecycle)
    assert compared["total_vs_hybrid"] in words["title"]
    assert f'data-calculator="{in_page.NAME}"' in figure.body
    for name, written in texts.items():  # the sentence before the page's script runs: Python's, at the sourced values
        assert f'<output data-output="{name}">{written}</output>' in figure.body
    assert words["title"].startswith("At sourced values")
    # a run with its own parameters does not call its starting values the sources'
    own_inputs, own_rows, own = built(electricity, lifecycle, grid_intensity=100.0)
    own_grid = page.sentences.grid_used(electricity, "Japan", None, 100.0)
    assert in_page.publish(own, own_inputs, own_rows, lifecycle, own_grid).title.startswith("At your values")
    shown = in_page.drawn(calculator)
    totals = expected(inputs)
    assert list(shown.columns) == ["Car", "Part", "g_per_km"]
    assert shown["g_per_km"].sum() == pytest.approx(totals[in_page.ELECTRIC_OUT] + totals[in_page.HYBRID_OUT] + totals[in_page.PETROL_OUT])
