"""The tariffs chapter's calculator in the built page against the Python calculator built from the shipped data."""

from __future__ import annotations

from tradetalks.chapters.auto_tariffs import in_page

from .calculator_parity import combinations, largest_difference, mismatches, open_calculator, set_inputs, shown

PAGE = "book/auto_tariffs.html"


def test_the_page_and_python_agree_on_twenty_four_sets_of_inputs(browser, base_url):
    calculator, _ = in_page.calculator()
    page, errors = open_calculator(browser, f"{base_url}/{PAGE}", in_page.NAME)
    assert shown(page, calculator) == calculator.texts()  # the sourced values, before any input moves
    sets = combinations(calculator, 24)
    assert mismatches(page, calculator, sets) == []
    assert max(largest_difference(page, calculator, sets[:4]).values()) <= 0.1
    assert errors == []


def test_every_input_is_labelled_with_its_unit_and_reached_by_keyboard(browser, base_url):
    calculator, _ = in_page.calculator()
    page, _ = open_calculator(browser, f"{base_url}/{PAGE}", in_page.NAME)
    for item in calculator.inputs:
        field = page.locator(f'#{calculator.name} input[type="number"][name="{item.name}"]')
        label = page.locator(f'label[for="{field.get_attribute("id")}"]')
        assert label.is_visible() and item.unit in label.inner_text()
        assert field.get_attribute("min") is not None and field.get_attribute("max") is not None
    page.locator(f'#{calculator.name} input[type="number"]').first.focus()
    page.keyboard.press("Tab")  # the slider of the same input, then the next input
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.name")
    assert focused == calculator.inputs[1].name


def test_a_shared_address_restores_the_scenario(browser, base_url):
    calculator, _ = in_page.calculator()
    page, _ = open_calculator(browser, f"{base_url}/{PAGE}", in_page.NAME)
    set_inputs(page, calculator, {"rate_pct": 25, "yen_per_usd": 160})
    other, _ = open_calculator(browser, page.url, in_page.NAME)
    assert shown(other, calculator) == calculator.texts({"rate_pct": 25, "yen_per_usd": 160})
