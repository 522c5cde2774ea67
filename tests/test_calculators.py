"""The calculators' form in English and in Japanese, the words their script gets from the page, and scaled outputs
(the browser side is tests/browser/test_calculators.py)."""

from __future__ import annotations

import json
import re

import pytest

from tradetalks import calc, calculators, i18n
from tradetalks.formulas import Formula

from .test_charts_ja import shared_words

PRICE = calculators.Input("price_usd", "Price per car", "USD", 29_100, 2_000, 200_000, 100, "Best Car Web", (29_100, 70_178))


def duty_calculator() -> calculators.Calculator:
    return calculators.Calculator(
        name="fixture_duty",
        inputs=[PRICE, calculators.Input("rate_pct", "Tariff rate", "%", 15, 0, 100, 0.5, "fixture", decimals=1)],
        outputs=[calculators.Output("duty", calc.DUTY_OWED.using(import_value=Formula("price_usd")), 1, "$")],
        sentence="Duty owed: {duty}.",
    )


@pytest.fixture
def japanese(monkeypatch):
    """Write in Japanese: the shared catalog's words, and the fixture's own labels (a chapter's are in its catalog)."""
    words = shared_words()
    monkeypatch.setattr(i18n, "_translations", lambda *catalogs: words)
    with i18n.language("ja"):
        yield


def test_an_english_control_reads_as_it_always_has():
    body = calculators.figure_html(duty_calculator(), "", heading="Fixture")
    assert '<label for="fixture_duty-price_usd">Price per car <span class="tt-calc-unit">(USD)</span></label>' in body
    assert 'aria-label="Price per car (USD), slider"' in body
    hint = "Sourced value: 29,100 USD (Best Car Web). Accepts 2,000 to 200,000. The sources support 29,100 to 70,178 USD."
    assert f'<span class="tt-calc-hint" id="fixture_duty-price_usd-hint">{hint}</span>' in body
    assert "Sourced value: 15.0% (fixture). Accepts 0 to 100.</span>" in body
    assert '<button type="button" class="tt-calc-reset">Reset to sourced values</button>' in body
    assert calculators.WORDS_CLASS not in body  # the build adds the script's words to the built page


def test_a_japanese_control_says_everything_in_japanese(japanese):
    body = calculators.figure_html(duty_calculator(), "", heading="試算")
    assert '<label for="fixture_duty-price_usd">Price per car<span class="tt-calc-unit">（USD）</span></label>' in body
    assert 'aria-label="Price per car（USD）のスライダー"' in body
    assert "出典の値：29,100USD（Best Car Web）。入力できる範囲は2,000〜200,000。出典が裏付ける範囲は29,100〜70,178USD。" in body
    assert '<button type="button" class="tt-calc-reset">出典の値に戻す</button>' in body


def test_the_script_gets_its_words_from_the_page_once_per_calculator(japanese):
    page = "<main>" + calculators.figure_html(duty_calculator(), "", heading="試算") * 2 + "</main>"
    added = calculators.add_words(page)
    assert added.count(calculators.WORDS_CLASS) == 2 and calculators.add_words(added) == added
    words = json.loads(re.search(r'class="tt-calc-words">(.*?)</script>', added).group(1))
    assert words == {
        "gap": "",
        "invalid": "{label}：{low}〜{high}の数値を入力してください。",
        "outside": "{label}の{value}は、出典が裏付ける範囲（{low}〜{high}）の外にある。",
    }


def test_english_words_for_the_script():
    assert calculators.words() == {
        "gap": " ",
        "invalid": "{label}: enter a number from {low} to {high}.",
        "outside": "{label} {value} is outside what the sources support ({low} to {high}).",
    }


def test_the_script_has_no_words_of_its_own():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[1] / "_static" / "tt-calculators.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)
    strings = [s for s in re.findall(r'"([^"\\]*)"', code) if s != "use strict"]
    # selectors, attribute and event names, states: no sentence a reader sees
    assert not [s for s in strings if re.search(r"[A-Za-z]{3,} [a-z]{2,}", s)], strings


def test_a_scaled_output_shows_other_units_from_the_same_formula():
    billions = calculators.Output("duty_bn", Formula("price_usd / 1000"), 0, suffix="億ドル", scale=10)
    calculator = calculators.Calculator(name="scaled", inputs=[PRICE], outputs=[billions], sentence="{duty_bn}")
    assert calculator.texts() == {"duty_bn": "291億ドル"}  # 29.1 (billions) shown as 291億
    text = next(p for p in calculator.params() if p.name == "duty_bn_text")
    assert "format(duty_bn * 10, ',.0f')" in text.param.expr
    plain = next(p for p in duty_calculator().params() if p.name == "duty_text")
    assert "format(duty, ',.1f')" in plain.param.expr  # unscaled: the expression as before
