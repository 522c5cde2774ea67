"""The reverse-imports calculator in the reader's browser (tradetalks.chapters.reverse_imports.in_page), against
the chapter's own functions and the data. The page's side of the parity is tests/browser/test_calculator_reverse_imports.py."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from tradetalks import calc, calculators, chartlint, charts, data, text
from tradetalks.chapters.reverse_imports import brief, calculator, in_page, parameters, sentences
from tradetalks.chapters.reverse_imports import tables as reverse

SCENARIO = {"deficit_year": 2024, "deficit_source": "corevias_reuters", "price_usd": "toyota_camry_us_base_price"}
# What a reader must not meet in the form's words: a raw identifier or a placeholder token (as tests/browser/test_site.py).
RAW_TOKENS = re.compile(r"(?<![/\w.-])[a-z][a-z0-9]*_[a-z0-9_]+\b|<NA>|\bnan\b|\bNone\b|\bNaN\b")


def chapter(data_dir: object = None, deficit_year=None, deficit_source=reverse.CENSUS, price_usd=None, offset_share=1.0) -> dict:
    """What the notebook computes before its calculator cell, for one run's parameters, and the calculator it makes."""
    tables = reverse.load_tables(data_dir)
    prices = tables[reverse.PRICES]
    options = reverse.deficit_options(tables[reverse.TRADE], prices)
    deficit, price, share = parameters.check_parameters(options, prices, deficit_year, deficit_source, price_usd, offset_share)
    refs = calculator.references(tables, reverse.largest_programme(tables[reverse.REVERSE]), reverse.import_market(tables[reverse.MARKET]))
    cars, compared = calculator.calculate(deficit, price, share, refs)
    return {
        "tables": tables,
        "options": options,
        "prices": prices,
        "deficit": deficit,
        "price": price,
        "share": share,
        "cars": cars,
        "compared": compared,
        "comparison": calculator.comparison_data(cars, compared),
        "calculator": in_page.calculator(deficit, price, share, options, prices, compared),
    }


@pytest.fixture(scope="module")
def default_run() -> dict:
    return chapter()


@pytest.fixture(scope="module")
def scenario_run() -> dict:
    return chapter(**SCENARIO)


def inputs(made: calculators.Calculator) -> dict[str, calculators.Input]:
    return {item.name: item for item in made.inputs}


@pytest.mark.parametrize("run", ["default_run", "scenario_run"])
def test_defaults_are_the_chapters_own_figures(request, run):
    run = request.getfixturevalue(run)
    made = run["calculator"]
    assert made.name == "reverse_imports_calculator"
    assert made.defaults() == {
        "price_usd": float(run["price"]["price_usd"]),
        "offset_pct": run["share"] * 100,
        "deficit_bn": float(run["deficit"]["deficit_usd_bn"]),
    }
    market = calculator.reference(run["compared"], calculator.MARKET_REFERENCE)
    assert made.fixed_values == {"market_vehicles": float(market["vehicles"])}


def test_defaults_read_by_hand_from_the_data(default_run, scenario_run):
    assert default_run["calculator"].defaults() == {"price_usd": 49814.0, "offset_pct": 100.0, "deficit_bn": pytest.approx(64.4481)}
    assert scenario_run["calculator"].defaults() == {"price_usd": 29100.0, "offset_pct": 100.0, "deficit_bn": 68.5}
    assert default_run["calculator"].fixed_values == {"market_vehicles": 320789.0}  # JAIA, 2024


@pytest.mark.parametrize("run", ["default_run", "scenario_run"])
def test_python_outputs_at_the_defaults_are_the_chapters_cars_needed(request, run):
    run = request.getfixturevalue(run)
    results = run["calculator"].evaluate()
    assert results["cars_millions"] * 1e6 == pytest.approx(run["cars"], rel=1e-12)
    market = calculator.reference(run["compared"], calculator.MARKET_REFERENCE)
    assert results["market_multiple"] == pytest.approx(market["multiple"], rel=1e-12)


def test_what_the_page_writes_at_the_defaults(default_run):
    made = default_run["calculator"]
    assert made.texts() == {"cars_millions": "1.29 million", "market_multiple": "4.0 times"}  # 64,448.1 million ÷ 49,814; ÷ 320,789
    assert made.sentence_for() == (
        "At these values, offsetting that share of the deficit takes 1.29 million U.S.-built cars a year, "
        "4.0 times Japan's whole imported-car market in 2024."
    )


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, None),
        ({"offset_pct": 50}, None),
        ({"price_usd": 29100, "deficit_bn": 68.5}, None),
        ({"price_usd": 2000, "deficit_bn": 200, "offset_pct": 100}, 100_000_000),
        ({"offset_pct": 0}, 0),
        ({"deficit_bn": 0}, 0),
    ],
)
def test_the_composed_formula_is_the_chapters_arithmetic(default_run, values, expected):
    made = default_run["calculator"]
    given = {**made.defaults(), **values}
    cars = calc.cars_needed_to_offset(given["deficit_bn"] * 1e9, given["price_usd"], given["offset_pct"] / 100)
    assert made.evaluate(values)["cars_millions"] * 1e6 == pytest.approx(cars, rel=1e-12, abs=1e-9)
    assert made.evaluate(values)["market_multiple"] == pytest.approx(cars / 320789, rel=1e-12, abs=1e-12)
    if expected is not None:
        assert cars == pytest.approx(expected)


def test_the_page_runs_the_same_formula_text(default_run):
    """The Vega signals are the Python formulas' own text, built from tradetalks.calc's formulas."""
    made = default_run["calculator"]
    params = {param.name: param.param for param in made.params()}
    assert params["cars_millions"].expr == in_page.CARS_MILLIONS.vega()
    assert params["market_multiple"].expr == in_page.MARKET_MULTIPLE.vega()
    assert set(calc.CARS_TO_OFFSET.names) & set(in_page.CARS.names) == {"price_usd"}  # the others composed from the inputs' units
    assert set(in_page.CARS.names) == {"deficit_bn", "offset_pct", "price_usd"}


def test_supported_ranges_come_from_the_data(default_run):
    made = inputs(default_run["calculator"])
    prices = reverse.price_rows(default_run["prices"])["value"]
    assert made["price_usd"].supported == (prices.min(), prices.max()) == (29100.0, 70178.0)  # Camry base; full-size pickup
    deficits = default_run["options"]["deficit_usd_bn"]
    assert made["deficit_bn"].supported == (deficits.min(), deficits.max())
    assert made["offset_pct"].supported is None  # any share from none to all is a share


def test_ranges_keep_the_formula_valid_and_hold_the_data(default_run, scenario_run):
    for run in (default_run, scenario_run):
        made = inputs(run["calculator"])
        price = made["price_usd"]
        assert price.low > 0  # the formula divides by the price
        assert price.low <= price.supported[0] and price.high >= price.supported[1]
        assert (made["offset_pct"].low, made["offset_pct"].high) == (0, 100)
        assert made["deficit_bn"].low == 0 and made["deficit_bn"].high >= made["deficit_bn"].supported[1]
    # a tenth of the cheapest price and twice the dearest, rounded outwards to one significant figure
    assert (inputs(default_run["calculator"])["price_usd"].low, inputs(default_run["calculator"])["price_usd"].high) == (2000, 200_000)


@pytest.mark.parametrize("scenario_price", [250_000, 50])
def test_a_scenario_price_outside_the_data_is_a_default_the_page_flags(scenario_price):
    run = chapter(price_usd=scenario_price)
    price = inputs(run["calculator"])["price_usd"]
    assert price.default == scenario_price and 0 < price.low <= price.default <= price.high  # the control stretches to hold it
    assert price.supported == (29100.0, 70178.0)  # the data's prices: the page flags the scenario's as outside them
    assert "scenario" in price.source and "not a figure from the data" in price.source


def test_the_defaults_and_ranges_follow_the_data(data_copy):
    prices = pd.read_csv(data_copy / "trade_balance_and_prices.csv", dtype=str, keep_default_na=False)
    latest_atp = (prices["metric"] == "us_new_vehicle_atp") & (prices["period"] == "2025-11")
    pickup = prices["metric"] == "us_full_size_pickup_avg_msrp"
    assert latest_atp.sum() == 1 and pickup.sum() == 1
    prices.loc[latest_atp, "value"] = "52000"
    prices.loc[pickup, "value"] = "91000"
    prices.to_csv(data_copy / "trade_balance_and_prices.csv", index=False)
    assert data.check_data(data_copy) == []
    made = chapter(data_copy)["calculator"]
    price = inputs(made)["price_usd"]
    assert price.default == 52000 and price.supported == (29100, 91000) and price.high == 200_000
    assert made.evaluate()["cars_millions"] == pytest.approx(64.4481e9 / 52000 / 1e6)


def test_sources_name_producers_in_words(default_run, scenario_run):
    made = inputs(default_run["calculator"])
    assert made["price_usd"].source == "Kelley Blue Book (Cox Automotive): Average paid, November 2025"
    assert made["deficit_bn"].source == "U.S. Census Bureau, 2025"
    assert "Japan Automobile Importers Association" in default_run["calculator"].fixed_note
    assert inputs(scenario_run["calculator"])["price_usd"].source.endswith("Camry base price, December 2025")
    for run in (default_run, scenario_run):
        body = calculators.figure_html(run["calculator"], "", heading=in_page.HEADING)
        words = re.sub(r"<[^>]+>", " ", body.split('<script type="application/json"')[0])
        assert RAW_TOKENS.findall(words) == []


def test_the_chart_passes_the_lint_and_draws_on_the_signals(default_run):
    run = default_run
    made = run["calculator"]
    words = sentences.in_page_text(run["comparison"], run["deficit"], run["price"], run["share"])
    spec = in_page.chart(run["comparison"], made).add_params(*made.params()).properties(description=words["description"]).to_dict()
    assert chartlint.problems(**words, sourced=True, dated=True, spec=spec) == []
    assert "width" not in spec  # drawn at the container's width
    calculated = [t["calculate"] for layer in spec["layer"] for t in layer.get("transform", [])]
    assert any(in_page.CARS.vega() in expression for expression in calculated)
    assert {p["name"] for p in spec["params"]} >= {"price_usd", "offset_pct", "deficit_bn", "cars_millions", "cars_millions_text"}


def test_the_title_is_the_finding_at_the_sourced_values(default_run, scenario_run):
    words = sentences.in_page_text(default_run["comparison"], default_run["deficit"], default_run["price"], default_run["share"])
    assert words["title"] == "At sourced values, offsetting all of it takes about 1.3 million cars"
    assert brief.stated_cars(default_run["comparison"]) in words["description"]
    assert text.usd(49814) in words["description"] and "2025 deficit ($64.4 billion)" in words["description"]
    scenario = sentences.in_page_text(scenario_run["comparison"], scenario_run["deficit"], scenario_run["price"], scenario_run["share"])
    assert scenario["title"] == "At sourced values, offsetting all of it takes about 2.4 million cars"  # 68.5 billion ÷ 29,100
    half = chapter(offset_share=0.5)
    assert sentences.in_page_text(half["comparison"], half["deficit"], half["price"], half["share"])["title"] == (
        "At sourced values, offsetting 50% of it takes about 650,000 cars"
    )


def test_the_published_figure_carries_form_sentence_and_sources(default_run):
    run = default_run
    figure = in_page.publish(
        run["calculator"],
        run["comparison"],
        run["deficit"],
        run["price"],
        run["share"],
        evidence=[run["deficit"], run["price"], run["compared"], reverse.price_rows(run["prices"])],
    )
    assert isinstance(figure, charts.Figure)
    body = figure.body
    assert body.count('class="tt-calc-input"') == 3 and 'data-calculator="reverse_imports_calculator"' in body
    assert '<output data-output="cars_millions">1.29 million</output>' in body  # Python's, before any script runs
    assert "Kelley Blue Book" in body.split('class="tt-source"')[1]  # the price's producer in the source line


def test_the_japanese_calculator_computes_what_the_english_one_does_in_japanese_units():
    """The Japanese edition (issue 18) writes the deficit control in 億ドル and the cars in 万台: the same figures."""
    from tradetalks import i18n

    english = in_page.default_calculator()
    with i18n.language("ja"):
        japanese = in_page.default_calculator()
        texts, sentence = japanese.texts(), japanese.sentence_for()
    deficit = english.defaults()[in_page.DEFICIT_INPUT]
    assert japanese.defaults()[in_page.DEFICIT_INPUT_JA] == pytest.approx(deficit * 10)
    assert japanese.evaluate() == pytest.approx(english.evaluate())
    values = {"price_usd": 30000, "offset_pct": 40}
    assert japanese.evaluate({**values, in_page.DEFICIT_INPUT_JA: 705}) == pytest.approx(
        english.evaluate({**values, in_page.DEFICIT_INPUT: 70.5})
    )
    assert texts["cars_millions"] == f"{english.evaluate()['cars_millions'] * 100:,.0f}万台"
    assert sentence.endswith("。") and texts["cars_millions"] in sentence and not re.search(r"[A-Za-z]{3,}", sentence)


def test_the_japanese_brief_is_three_japanese_sentences():
    from tradetalks import i18n

    with i18n.language("ja"):
        found = brief.in_brief(None, **SCENARIO)
    assert len(found) == 3
    for finding in found:
        assert finding.sentence.endswith("。") and not re.search(r"[A-Za-z]{4,}", finding.sentence), finding.sentence
