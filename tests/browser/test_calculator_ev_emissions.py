"""The EV-emissions chapter's calculator in the built page against the same calculator in Python.

The Python calculator is rebuilt here from the shipped data with the function the notebook calls
(``in_page.calculator`` on ``inputs.resolve_inputs``' defaults), so a formula, a fixed value or a
default that differs between the page and Python shows up as a mismatch.
"""

from __future__ import annotations

import pytest

from tradetalks.chapters.ev_emissions import in_page

from .calculator_parity import combinations, largest_difference, mismatches, open_calculator, set_inputs, shown

PAGE = "book/ev_emissions.html"
SECTION = f"#{in_page.NAME}"
READY = f"() => {{ const s = document.querySelector('{SECTION}'); return !!s && s.dataset.state === 'ready'; }}"


@pytest.fixture(scope="module")
def calculator():
    return in_page.default_calculator()


def test_the_page_computes_what_python_computes(browser, base_url, calculator):
    page, errors = open_calculator(browser, f"{base_url}/{PAGE}", in_page.NAME)
    try:
        assert shown(page, calculator) == calculator.texts()  # at the sourced values, before any input moves
        sets = combinations(calculator, 24)
        assert len(sets) >= 20
        assert mismatches(page, calculator, sets) == []
        largest = largest_difference(page, calculator, sets)
        print(f"largest page-vs-Python difference per output: {largest}")
        assert all(largest[output.name] <= 10**-output.decimals for output in calculator.outputs)
        assert errors == []
    finally:
        page.close()


def test_every_input_is_labelled_with_its_unit_and_reachable_by_keyboard(browser, base_url, calculator):
    page, errors = open_calculator(browser, f"{base_url}/{PAGE}", in_page.NAME)
    try:
        section = page.locator(SECTION)
        fields = [section.locator(f'input[type="number"][name="{item.name}"]') for item in calculator.inputs]
        for item, field in zip(calculator.inputs, fields, strict=True):
            label = section.locator(f'label[for="{field.get_attribute("id")}"]')
            assert label.is_visible() and field.is_visible(), item.name
            assert item.label in label.inner_text() and f"({item.unit})" in label.inner_text(), item.name
        # from the page before it, Tab reaches the first field; Tab goes on through every field and its slider to the reset
        fields[0].focus()
        page.keyboard.press("Shift+Tab")
        assert not page.evaluate(f"document.querySelector('{SECTION} form').contains(document.activeElement)")
        reached = []
        for _ in range(2 * len(fields) + 1):
            page.keyboard.press("Tab")
            reached.append(
                page.evaluate("document.activeElement.name || document.activeElement.dataset.for || document.activeElement.className")
            )
        assert [name for name in reached if name in {item.name for item in calculator.inputs}] == [i.name for i in calculator.inputs]
        assert reached[-1] == "tt-calc-reset"
        # typed at the keyboard, a value recomputes the sentence
        grid = calculator.inputs[0]
        fields[0].focus()
        page.keyboard.press("ControlOrMeta+A")
        before = int(section.get_attribute("data-runs") or 0)
        page.keyboard.type("250")
        page.wait_for_function(
            f"(before) => Number(document.querySelector('{SECTION}').dataset.runs) >= before + 3", arg=before
        )  # one run per key
        page.wait_for_function(READY)
        assert shown(page, calculator) == calculator.texts({grid.name: 250})
        assert errors == []
    finally:
        page.close()


def test_the_address_keeps_the_inputs_and_reset_restores_the_sources(browser, base_url, calculator):
    page, _ = open_calculator(browser, f"{base_url}/{PAGE}", in_page.NAME)
    moved = {"grid_g_per_kwh": 320.5, "battery_kg_per_kwh": 120.0, "lifetime_km": 220_000.0}
    try:
        set_inputs(page, calculator, moved)
        for name, value in moved.items():
            assert f"{in_page.NAME}.{name}={value:g}" in page.url
        shared = page.url
    finally:
        page.close()
    other, errors = open_calculator(browser, shared, in_page.NAME)
    try:
        for name, value in moved.items():
            assert float(other.locator(f'{SECTION} input[type="number"][name="{name}"]').input_value()) == value
        assert shown(other, calculator) == calculator.texts(moved)
        other.locator(SECTION).get_by_role("button", name="Reset to sourced values").click()
        other.wait_for_function(f"() => !location.search.includes('{in_page.NAME}.')")
        other.wait_for_function(READY)
        assert shown(other, calculator) == calculator.texts()
        assert errors == []
    finally:
        other.close()


def test_a_value_beyond_the_sources_is_flagged_and_one_beyond_plausible_refused(browser, base_url, calculator):
    page, _ = open_calculator(browser, f"{base_url}/{PAGE}", in_page.NAME)
    try:
        lifetime = next(item for item in calculator.inputs if item.name == "lifetime_km")
        beyond = lifetime.supported[1] * 2
        set_inputs(page, calculator, {lifetime.name: beyond})
        assert "outside what the sources support" in page.locator(f"{SECTION} .tt-calc-status").inner_text()
        before = shown(page, calculator)
        page.locator(f'{SECTION} input[type="number"][name="{lifetime.name}"]').fill(f"{lifetime.high * 2:g}")
        page.wait_for_function(f"() => document.querySelector('{SECTION}').dataset.state === 'invalid'")
        assert shown(page, calculator) == before
    finally:
        page.close()
