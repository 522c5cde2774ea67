"""The tariffs chapter's in-page calculator: its defaults and fixed figures are the chapter's, its results calc's."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from tradetalks import calc, data, figures
from tradetalks.chapters.auto_tariffs import in_page, tables


@pytest.fixture(scope="module")
def made():
    return in_page.calculator()


def test_defaults_are_the_chapters_rate_in_force_and_the_datas_exchange_rate(made):
    calculator, _ = made
    timeline = data.load_table("tariff_timeline")
    _, last = tables.peak_and_deal(tables.rate_changes(tables.us_car_rate_steps(timeline)))
    steps = tables.us_car_rate_steps(timeline)
    rate, fx = calculator.inputs
    assert rate.default == last["rate_pct"] and rate.supported == (steps["rate_pct"].min(), steps["rate_pct"].max())
    prices = data.load_table("trade_balance_and_prices")
    latest = prices[prices["metric"] == in_page.EXCHANGE_RATE].sort_values("period").iloc[-1]
    assert fx.default == pytest.approx(float(latest["value"]), abs=0.05) and str(latest["period"]) in fx.source


def test_results_are_the_python_calculators(made):
    calculator, _ = made
    exports = data.load_table("japan_auto_exports_us")
    base = tables.choose_import_base(exports, None)
    car_value, _ = in_page.export_value_per_car(exports)
    for rate in (2.5, 15, 27.5, 0):
        results = calculator.evaluate({"rate_pct": rate, "yen_per_usd": 150})
        assert results["duty_bn"] == pytest.approx(calc.duty_owed(float(base["value"]), rate) / 1000)
        yen, usd = calc.landed_price(car_value, rate, 150)
        assert results["landed_yen"] == pytest.approx(yen / 1e6) and results["landed_usd"] == pytest.approx(usd / 1000)
        assert results["duty_per_car"] == pytest.approx((usd - calc.landed_price(car_value, 0, 150)[1]) / 1000)


def test_the_import_base_follows_the_chapters_parameter():
    exports = data.load_table("japan_auto_exports_us")
    other = tables.choose_import_base(exports, "2018")
    calculator, rows = in_page.calculator(None, other)
    assert calculator.fixed_values["import_value"] == float(other["value"]) and "2018" in calculator.fixed_note
    assert rows[0]["period"].iloc[0] == other["period"]


def test_the_car_value_needs_one_years_value_and_units(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(data.resolve_data_dir(None), folder)
    table = pd.read_csv(folder / "japan_auto_exports_us.csv", dtype=str, keep_default_na=False)
    table.loc[table["measure_id"] == in_page.EXPORT_UNITS, "period"] = "2023"
    table.to_csv(folder / "japan_auto_exports_us.csv", index=False, lineterminator="\n")
    with pytest.raises(ValueError, match="one year's value"):
        in_page.export_value_per_car(data.load_table("japan_auto_exports_us", str(folder)))


def test_the_title_and_description_state_the_defaults_results(made):
    calculator, _ = made
    timeline = data.load_table("tariff_timeline")
    duty = calculator.evaluate()["duty_per_car"] * 1000
    assert f"about ${round(duty, -2):,.0f}" in in_page.title(calculator)
    assert f"{figures.baseline_rate(timeline):g}% duty before 2025" in in_page.description(calculator, timeline)
