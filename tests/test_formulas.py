"""Formulas shared by Python and the page's Vega expressions."""

from __future__ import annotations

import pytest

from tradetalks import calc, calculators
from tradetalks.formulas import Formula, FormulaError


def test_a_formula_evaluates_its_text_and_lists_its_names():
    duty = Formula("import_value * rate_pct / 100")
    assert duty.names == ("import_value", "rate_pct")
    assert duty(import_value=40_000, rate_pct=15) == pytest.approx(6_000)
    assert Formula("max(a, b) - min(a, b)")(a=2, b=5) == 3


@pytest.mark.parametrize("text", ["a ** 2", "a > b", "a.b", "'x' + a", "open(a)", "a if b else c", "a % 2", "a = 1", "True + a"])
def test_anything_outside_the_shared_language_is_refused(text):
    with pytest.raises(FormulaError):
        Formula(text)


def test_a_missing_value_and_a_division_by_zero_say_so():
    with pytest.raises(FormulaError, match="needs a value for rate_pct"):
        calc.DUTY_OWED(import_value=1)
    with pytest.raises(FormulaError, match="division by zero"):
        calc.MULTIPLE(value=1, reference=0)


def test_parts_build_one_formula_and_vega_gets_the_same_text():
    total = Formula("use + battery").using(use=calc.ENERGY_G_PER_KM, battery=calc.BATTERY_G_PER_KM)
    values = {"energy_per_km": 0.12, "g_per_unit": 480, "battery_kwh": 20, "kg_per_kwh": 100, "lifetime_km": 150_000}
    assert total(**values) == pytest.approx(0.12 * 480 + 20 * 100 * 1000 / 150_000)
    assert total.vega() == total.expression
    assert Formula("a * b").vega({"a": "x"}) == "x * b"


def test_the_calculators_run_the_same_formulas_as_calc():
    assert calc.duty_owed(40_000, 27.5) == calc.DUTY_OWED(import_value=40_000, rate_pct=27.5)
    yen, usd = calc.landed_price(4_000_000, 15, 150)
    assert yen == pytest.approx(4_600_000) and usd == pytest.approx(4_600_000 / 150)


def test_a_calculator_refuses_unknown_names_and_defaults_outside_its_range():
    item = calculators.Input("rate_pct", "Rate", "%", 15, 0, 100, 1, "fixture")
    with pytest.raises(FormulaError, match="reads import_value"):
        calculators.Calculator("c", [item], [calculators.Output("duty", calc.DUTY_OWED, 1)], "{duty}")
    with pytest.raises(ValueError, match="outside its control's range"):
        calculators.Input("rate_pct", "Rate", "%", 150, 0, 100, 1, "fixture")
    with pytest.raises(ValueError, match="not Vega's own"):
        calculators.Calculator("c", [calculators.Input("width", "W", "px", 1, 0, 2, 1, "f")], [], "")
