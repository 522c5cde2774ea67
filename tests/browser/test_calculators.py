"""The in-page calculators against Python: a fixture page (a right and a deliberately wrong formula) and the site's own."""

from __future__ import annotations

import re
from pathlib import Path

import altair as alt
import pytest

from tradetalks import calc, calculators, charts, i18n
from tradetalks.formulas import Formula

from .calculator_parity import combinations, mismatches, open_calculator, set_inputs, shown
from .helpers import serve

ROOT = Path(__file__).resolve().parents[2]


def duty_calculator(formula: Formula = calc.DUTY_OWED) -> calculators.Calculator:
    return calculators.Calculator(
        name="fixture_duty",
        inputs=[
            calculators.Input("import_value", "Imports a year", "million USD", 40_000, 0, 100_000, 100, "fixture", (10_000, 60_000)),
            calculators.Input("rate_pct", "Tariff rate", "%", 15, 0, 100, 0.5, "fixture", decimals=1),
        ],
        outputs=[calculators.Output("duty", formula, 1, "$", " million")],
        sentence="Duty owed: {duty} a year.",
    )


def fixture_page(folder: Path, calculator: calculators.Calculator, lang: str = "en", axis_format: str = "") -> Path:
    axis = alt.Axis(format=axis_format) if axis_format else alt.Undefined
    chart = (
        alt.Chart(alt.Data(values=[{"what": "Duty"}]))
        .mark_bar()
        .transform_calculate(duty_value="duty")
        .encode(x=alt.X("duty_value:Q", title="Duty (million USD)", axis=axis), y=alt.Y("what:N", title=None))
        .add_params(*calculator.params())
        .properties(width=300)
    )
    # the build adds the script's words to every built page (exports.write_downloads): here, the fixture does
    body = calculators.add_words(calculators.figure_html(calculator, charts.embed_html(chart.to_dict()), heading="Fixture calculator"))
    (folder / "vega-bundle.js").write_text(charts.javascript_bundle(), encoding="utf-8")
    (folder / "tt-calculators.js").write_text((ROOT / "_static" / "tt-calculators.js").read_text(encoding="utf-8"), encoding="utf-8")
    page = folder / "index.html"
    page.write_text(
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Fixture</title>'
        '<script src="vega-bundle.js"></script><script src="tt-calculators.js"></script></head>'
        f"<body><main>{body}</main></body></html>",
        encoding="utf-8",
    )
    return page


def test_the_page_computes_what_python_computes(browser, tmp_path):
    calculator = duty_calculator()
    fixture_page(tmp_path, calculator)
    with serve(tmp_path) as url:
        page, errors = open_calculator(browser, f"{url}/index.html", "fixture_duty")
        assert mismatches(page, calculator, combinations(calculator, 20)) == []
        assert errors == []


def test_a_wrong_expression_in_the_page_is_caught(browser, tmp_path):
    right = duty_calculator()
    fixture_page(tmp_path, duty_calculator(Formula("import_value * rate_pct / 1000")))  # a slipped zero
    with serve(tmp_path) as url:
        page, _ = open_calculator(browser, f"{url}/index.html", "fixture_duty")
        assert len(mismatches(page, right, combinations(right, 20))) >= 18  # every set but those with a zero duty


def test_the_address_keeps_the_inputs_and_reset_restores_the_sources(browser, tmp_path):
    calculator = duty_calculator()
    fixture_page(tmp_path, calculator)
    with serve(tmp_path) as url:
        page, _ = open_calculator(browser, f"{url}/index.html", "fixture_duty")
        set_inputs(page, calculator, {"rate_pct": 27.5})
        assert "fixture_duty.rate_pct=27.5" in page.url
        shared = page.url
        other, _ = open_calculator(browser, shared, "fixture_duty")
        assert other.locator('input[type="number"][name="rate_pct"]').input_value() == "27.5"
        assert shown(other, calculator) == calculator.texts({"rate_pct": 27.5})
        other.get_by_role("button", name="Reset to sourced values").click()
        other.wait_for_function("() => !location.search")
        assert shown(other, calculator) == calculator.texts()


def test_out_of_range_is_refused_and_unsupported_is_flagged(browser, tmp_path):
    calculator = duty_calculator()
    fixture_page(tmp_path, calculator)
    with serve(tmp_path) as url:
        page, _ = open_calculator(browser, f"{url}/index.html", "fixture_duty")
        before = shown(page, calculator)
        page.locator('input[name="rate_pct"][type="number"]').fill("120")
        page.wait_for_function("() => document.querySelector('.tt-calculator').dataset.state === 'invalid'")
        assert "enter a number from 0 to 100" in page.locator(".tt-calc-status").inner_text()
        assert shown(page, calculator) == before  # nothing computed from a refused value
        page.locator('input[name="rate_pct"][type="number"]').fill("15")
        set_inputs(page, calculator, {"import_value": 80_000})
        assert "outside what the sources support (10,000 to 60,000)" in page.locator(".tt-calc-status").inner_text()


def test_the_sentence_before_any_script_is_pythons_at_the_defaults():
    calculator = duty_calculator()
    body = calculators.figure_html(calculator, "", heading="Fixture")
    assert f'<output data-output="duty">{calculator.texts()["duty"]}</output>' in body
    assert 'min="0" max="100" step="0.5"' in body and "Sourced value: 15.0% (fixture)" in body


@pytest.mark.parametrize(("value", "decimals", "written"), [(-0.04, 1, "0.0"), (-1234.5, 0, "\u22121,234"), (6000.0, 1, "6,000.0")])
def test_numbers_are_written_as_vega_writes_them(value, decimals, written):
    assert calculators.fixed(value, decimals) == written


def test_a_japanese_page_says_everything_in_japanese_and_writes_numbers_in_its_locale(browser, tmp_path):
    with i18n.language("ja"):  # what a Japanese run writes, and the words the build adds to its page
        calculator = duty_calculator()
        fixture_page(tmp_path, calculator, lang="ja", axis_format="$,.0f")
    with serve(tmp_path) as url:
        page, errors = open_calculator(browser, f"{url}/index.html", "fixture_duty")
        assert page.get_by_role("button", name="出典の値に戻す").count() == 1
        # vega-embed got the page's ja-JP locale objects: the drawn chart's currency format writes 円 after the number
        drawn = page.evaluate("Object.values(window.ttViews)[0].toSVG()")
        assert re.search(r">\d[\d,]*円</text>", drawn) and "$" not in drawn
        page.locator('input[name="rate_pct"][type="number"]').fill("120")
        page.wait_for_function("() => document.querySelector('.tt-calculator').dataset.state === 'invalid'")
        assert page.locator(".tt-calc-status").inner_text() == "Tariff rate（%）：0〜100の数値を入力してください。"
        page.locator('input[name="rate_pct"][type="number"]').fill("15")
        set_inputs(page, calculator, {"import_value": 80_000})
        assert "出典が裏付ける範囲（10,000〜60,000）の外にある。" in page.locator(".tt-calc-status").inner_text()
        assert mismatches(page, calculator, combinations(calculator, 5)) == []
        assert errors == []
