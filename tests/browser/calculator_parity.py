"""Setting a calculator's inputs in the page and reading what it shows, to compare with ``tradetalks.calculators``."""

from __future__ import annotations

import random
import re
from collections.abc import Mapping

from tradetalks.calculators import Calculator

NUMBER = re.compile(r"[\u2212-]?\d[\d,]*(?:\.\d+)?")


def open_calculator(browser, url: str, name: str):
    """The page at ``url`` (a 1280 px window) once its calculator ``name`` has run the view; the console and page
    errors it logs."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_function("(id) => { const s = document.getElementById(id); return !!s && s.dataset.state === 'ready'; }", arg=name)
    return page, errors


def combinations(calculator: Calculator, count: int = 20, seed: int = 17) -> list[dict[str, float]]:
    """``count`` sets of inputs across each control's range (the ends included), on each control's step."""
    chooser = random.Random(seed)
    sets = [{i.name: i.low for i in calculator.inputs}, {i.name: i.high for i in calculator.inputs}]
    while len(sets) < count:
        values = {}
        for item in calculator.inputs:
            steps = round((item.high - item.low) / item.step)
            values[item.name] = round(item.low + chooser.randint(0, steps) * item.step, 10)
        sets.append(values)
    return sets


def shown(page, calculator: Calculator) -> dict[str, str]:
    section = page.locator(f"#{calculator.name}")
    return {o.name: section.locator(f'output[data-output="{o.name}"]').first.inner_text() for o in calculator.outputs}


def set_inputs(page, calculator: Calculator, values: Mapping[str, float]) -> None:
    """Type each value into its number field, then wait until the page has run the view with all of them."""
    section = page.locator(f"#{calculator.name}")
    for name, value in values.items():
        before = int(section.get_attribute("data-runs") or 0)
        section.locator(f'input[type="number"][name="{name}"]').fill(f"{value:g}")
        page.wait_for_function(
            "([id, before]) => { const s = document.getElementById(id);"
            " return s.dataset.state !== 'running' && Number(s.dataset.runs || 0) > before; }",
            arg=[calculator.name, before],
        )


def as_number(text: str) -> float:
    found = NUMBER.search(text)
    assert found, f"no number in {text!r}"
    return float(found.group().replace("\u2212", "-").replace(",", ""))


def mismatches(page, calculator: Calculator, sets: list[dict[str, float]]) -> list[str]:
    """Each output the page shows that differs from Python's, at the displayed precision: one line per difference."""
    found = []
    for values in sets:
        set_inputs(page, calculator, values)
        expected, seen = calculator.texts(values), shown(page, calculator)
        for output in calculator.outputs:
            if seen[output.name] == expected[output.name]:
                continue
            # a tie in the last digit may round either way in two runtimes: allow one unit there, no more
            unit = 10**-output.decimals
            if abs(as_number(seen[output.name]) - as_number(expected[output.name])) > unit * 1.0001:
                found.append(f"{output.name} at {values}: page {seen[output.name]!r}, Python {expected[output.name]!r}")
    return found


def largest_difference(page, calculator: Calculator, sets: list[dict[str, float]]) -> dict[str, float]:
    """The largest difference seen between page and Python per output (for the closing note)."""
    largest = dict.fromkeys((o.name for o in calculator.outputs), 0.0)
    for values in sets:
        set_inputs(page, calculator, values)
        expected, seen = calculator.texts(values), shown(page, calculator)
        for name in largest:
            largest[name] = max(largest[name], abs(as_number(seen[name]) - as_number(expected[name])))
    return largest
