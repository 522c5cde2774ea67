"""The reverse-imports page's calculator in the built site against Python: the same figures for many inputs,
labelled inputs a keyboard reaches, and an address that keeps the reader's values."""

from __future__ import annotations

import pytest

from tradetalks.calculators import Calculator
from tradetalks.chapters.reverse_imports import in_page

from .calculator_parity import combinations, largest_difference, mismatches, set_inputs, shown
from .helpers import open_page

PAGE = "book/reverse_imports.html"


@pytest.fixture(scope="module")
def python_calculator() -> Calculator:
    """The calculator the published page makes, from the shipped data at the page's parameters."""
    return in_page.default_calculator()


def open_calculator(browser, url: str, path: str = PAGE):
    page, blocked, errors = open_page(browser, url, path)
    page.wait_for_function(f"() => document.getElementById('{in_page.NAME}').dataset.state === 'ready'")
    return page, blocked, errors


def test_the_page_computes_what_python_computes(browser, base_url, python_calculator):
    page, blocked, errors = open_calculator(browser, base_url)
    try:
        assert shown(page, python_calculator) == python_calculator.texts()  # at the sourced values
        sets = combinations(python_calculator, 24)
        assert mismatches(page, python_calculator, sets) == []
        largest = largest_difference(page, python_calculator, sets)
        print(f"largest page-vs-Python difference over {len(sets)} sets: {largest}")  # shown with -s
        assert all(
            difference <= 10**-output.decimals for output, difference in zip(python_calculator.outputs, largest.values(), strict=True)
        )
        assert errors == [] and blocked == []
    finally:
        page.close()


def test_every_input_has_a_visible_label_with_its_unit_and_the_keyboard_reaches_it(browser, base_url, python_calculator):
    page, _, errors = open_calculator(browser, base_url)
    try:
        section = page.locator(f"#{in_page.NAME}")
        controls = []
        for item in python_calculator.inputs:
            field = section.locator(f'input[type="number"][name="{item.name}"]')
            label = section.locator(f'label[for="{field.get_attribute("id")}"]')
            assert label.is_visible() and item.label in label.inner_text() and f"({item.unit})" in label.inner_text()
            slider = section.locator(f'input[type="range"][data-for="{field.get_attribute("id")}"]')
            assert item.unit in slider.get_attribute("aria-label")
            controls += [field, slider]
        controls.append(section.get_by_role("button", name="Reset to sourced values"))
        # from the element before the form, Tab lands on each control in turn: every number box, its slider, the reset button
        controls[0].focus()
        page.keyboard.press("Shift+Tab")
        assert not controls[0].evaluate("element => element === document.activeElement")
        for control in controls:
            page.keyboard.press("Tab")
            assert control.evaluate("element => element === document.activeElement"), control
        # and a key moves a value: the arrow on the share's slider recomputes the page
        share = section.locator('input[type="range"][data-for$="-offset_pct"]')
        share.focus()
        before = section.get_attribute("data-runs")
        page.keyboard.press("ArrowLeft")
        page.wait_for_function(
            "([id, before]) => document.getElementById(id).dataset.runs !== before && document.getElementById(id).dataset.state === 'ready'",
            arg=[in_page.NAME, before],
        )
        value = float(section.locator('input[type="number"][name="offset_pct"]').input_value())
        assert value < python_calculator.defaults()["offset_pct"]
        assert shown(page, python_calculator) == python_calculator.texts({"offset_pct": value})
        assert errors == []
    finally:
        page.close()


def test_the_address_keeps_the_readers_values(browser, base_url, python_calculator):
    values = {"price_usd": 30000, "offset_pct": 40, "deficit_bn": 70.5}
    page, _, _ = open_calculator(browser, base_url)
    try:
        set_inputs(page, python_calculator, values)
        for name, value in values.items():
            assert f"{in_page.NAME}.{name}={value:g}" in page.url
        shared = page.url.removeprefix(f"{base_url}/")
    finally:
        page.close()
    other, _, errors = open_calculator(browser, base_url, shared)
    try:
        for name, value in values.items():
            assert float(other.locator(f'#{in_page.NAME} input[type="number"][name="{name}"]').input_value()) == value
        assert shown(other, python_calculator) == python_calculator.texts(values)
        other.get_by_role("button", name="Reset to sourced values").click()
        other.wait_for_function("() => !location.search")
        assert shown(other, python_calculator) == python_calculator.texts()
        assert errors == []
    finally:
        other.close()


def test_the_sentence_without_javascript_is_pythons_at_the_sourced_values(site, python_calculator):
    html = (site / PAGE).read_text(encoding="utf-8")
    for name, written in python_calculator.texts().items():
        assert f'<output data-output="{name}">{written}</output>' in html
