"""Page 'Reverse imports' (tradetalks.chapters.reverse_imports), checked against values read by hand from data/*.csv."""

import pandas as pd
import pytest

from tradetalks import calc, charts, data, text
from tradetalks.chapters.reverse_imports import calculator, parameters, sentences
from tradetalks.chapters.reverse_imports import tables as reverse
from tradetalks.params import ParameterError


@pytest.fixture(scope="module")
def tables():
    return reverse.load_tables()


@pytest.fixture(scope="module")
def options(tables):
    return reverse.deficit_options(tables[reverse.TRADE], tables[reverse.PRICES])


def test_tables_load_and_original_keys_resolve(tables):
    assert set(tables) == set(reverse.TABLES)
    assert len(tables[reverse.REVERSE]) == 20
    assert data.check_data() == []  # includes every original_source_key resolving


def test_deficit_options_census_and_reports(options):
    census = options[options["deficit_source"] == reverse.CENSUS]
    assert census["year"].min() == 1985 and census["year"].max() == 2025
    assert census.loc[census["year"] == 2025, "deficit_usd_bn"].item() == pytest.approx(64.4481)  # -64,448.1 million
    reuters = options[(options["deficit_source"] == "corevias_reuters") & (options["year"] == 2024)]
    assert reuters["deficit_usd_bn"].item() == 68.5
    assert reuters["table"].item() == reverse.PRICES
    # a superseded Census vintage is kept as its own option, not merged into the series
    march = options[(options["deficit_source"] == "census_c5880_scrape_2026_03") & (options["year"] == 2024)]
    assert march["deficit_usd_bn"].item() == pytest.approx(69.3922)
    assert not options.duplicated(["deficit_source", "year"]).any()
    assert (options["deficit_usd_bn"] > 0).all()


def test_every_2024_figure_is_shown(options):
    figures = reverse.figures_for_year(options, 2024)
    assert set(figures["deficit_source"]) >= {"census", "briefly_2025", "corevias_reuters", "tass_usfiji_2025", "bizstd_20250626"}
    assert figures["deficit_usd_bn"].min() == 59.4 and figures["deficit_usd_bn"].max() == 70.0


def test_default_parameters_come_from_the_data(options, tables):
    deficit, price, share = parameters.check_parameters(options, tables[reverse.PRICES], None, "census", None, 1.0)
    assert (int(deficit["year"]), deficit["deficit_source"]) == (2025, "census")
    assert (price["price_usd"], price["period"], price["kind"]) == (49814.0, "2025-11", "from data")  # latest KBB ATP row
    assert share == 1.0


def test_price_by_metric_name_and_as_a_scenario(tables):
    camry = parameters.choose_price(tables[reverse.PRICES], "toyota_camry_us_base_price")
    assert (camry["price_usd"], camry["source_key"]) == (29100.0, "bestcarweb_1423838")
    scenario = parameters.choose_price(tables[reverse.PRICES], 60000)
    assert scenario["kind"] == "scenario" and scenario["price_usd"] == 60000.0 and pd.isna(scenario["source_key"])
    assert "scenario value" in sentences.price_text(scenario)


@pytest.mark.parametrize("share", [1.5, -0.1, float("nan"), "half", True])
def test_share_out_of_range_stops_the_run(share):
    with pytest.raises(ParameterError, match="offset_share"):
        parameters.check_share(share)


def test_share_edges_are_allowed():
    assert parameters.check_share(0) == 0.0 and parameters.check_share(1) == 1.0


@pytest.mark.parametrize("price", [-1, 0, float("inf"), True])
def test_non_positive_price_stops_the_run(tables, price):
    with pytest.raises(ParameterError, match=r"positive number .*more than 0.*toyota_camry_us_base_price"):
        parameters.choose_price(tables[reverse.PRICES], price)


def test_unknown_price_name_lists_the_valid_names(tables):
    with pytest.raises(ParameterError, match="valid values: .*us_new_vehicle_atp"):
        parameters.choose_price(tables[reverse.PRICES], "camry")


def test_year_without_a_figure_names_the_valid_years(options):
    with pytest.raises(ParameterError, match=r"deficit_year=1900 has no deficit figure .*years with a figure: 1985–2025"):
        parameters.choose_deficit(options, 1900, "census")
    with pytest.raises(ParameterError, match=r"years with a figure: 2024; sources with a figure for 2019: 'census', "):
        parameters.choose_deficit(options, 2019, "corevias_reuters")
    with pytest.raises(ParameterError, match="whole year"):
        parameters.choose_deficit(options, "2024", "census")
    with pytest.raises(ParameterError, match="valid values: 'census', "):
        parameters.choose_deficit(options, 2024, "nowhere")


def test_history_target_against_sales(tables):
    targets = reverse.targets_against_sales(tables[reverse.REVERSE])
    cavalier = targets.iloc[0]
    assert len(targets) == 1 and cavalier["event_id"] == "R06"
    assert cavalier["calendar_years_of_sales"] == 5  # 1996 to 2000, counted whole
    assert cavalier["average_sold_per_year"] == pytest.approx(36228 / 5)
    assert cavalier["share_of_target_pct"] == pytest.approx(100 * 36228 / 5 / 20000)
    assert cavalier["target_over_same_years"] == 100000


def test_largest_programme_skips_the_uk_comparator(tables):
    volumes = reverse.past_volumes(tables[reverse.REVERSE])
    assert volumes.iloc[0]["event_id"] == "R08" and volumes.iloc[0]["built"].startswith("built in the UK")
    largest = reverse.largest_programme(tables[reverse.REVERSE])
    assert (largest["event_id"], largest["actual_units"]) == ("R02", 40000)
    assert "nearly 40,000" in sentences.programme_units(largest)


def test_scale_series_keeps_gaps(tables):
    scale = reverse.scale_series(tables[reverse.PRODUCTION], tables[reverse.MARKET])
    built = scale[scale["series"] == reverse.BUILT]
    assert built["year"].tolist() == [2003, 2012, 2018, 2021, 2023, 2024]  # no filled-in years
    market = reverse.import_market(tables[reverse.MARKET])
    assert (market["period"], market["value"]) == ("2024", 320789.0)


def test_calculation_with_the_defaults(tables, options):
    deficit, price, share = parameters.check_parameters(options, tables[reverse.PRICES], None, "census", None, 1.0)
    refs = calculator.references(tables, reverse.largest_programme(tables[reverse.REVERSE]), reverse.import_market(tables[reverse.MARKET]))
    cars, compared = calculator.calculate(deficit, price, share, refs)
    assert cars == pytest.approx(64448.1e6 / 49814)
    market = calculator.reference(compared, calculator.MARKET_REFERENCE)
    assert market["multiple"] == pytest.approx(cars / 320789)
    largest = calculator.reference(compared, calculator.LARGEST_REFERENCE)
    assert largest["multiple"] == pytest.approx(cars / 40000)
    assert compared["source_key"].notna().all()


def test_calculation_with_share_zero_gives_zero_everywhere(tables, options):
    deficit, price, _ = parameters.check_parameters(options, tables[reverse.PRICES], 2024, "corevias_reuters", None, 0)
    refs = calculator.references(tables, reverse.largest_programme(tables[reverse.REVERSE]), reverse.import_market(tables[reverse.MARKET]))
    cars, compared = calculator.calculate(deficit, price, 0.0, refs)
    assert cars == 0 and (compared["multiple"] == 0).all()
    assert sentences.share_text(0.0) == "none" and text.multiple(0.0) == "0% of"


def test_price_curve_spans_the_data_prices_and_the_chosen_one(tables, options):
    deficit = parameters.choose_deficit(options, 2024, "census")
    scenario = parameters.choose_price(tables[reverse.PRICES], 90000)
    curve = calculator.price_curve(deficit, scenario, 1.0, tables[reverse.PRICES])
    assert curve["price_usd"].min() == 29100 and curve["price_usd"].max() == 90000
    assert curve["cars_needed"].is_monotonic_decreasing
    points = calculator.price_points(deficit, scenario, 1.0, tables[reverse.PRICES])
    assert points["chosen"].sum() == 1 and points.loc[points["chosen"], "price_usd"].item() == 90000
    assert points["cars_needed"].tolist() == pytest.approx(
        [calc.cars_needed_to_offset(deficit["deficit_usd_bn"] * 1e9, p, 1) for p in points["price_usd"]]
    )


def test_formatting_helpers():
    assert reverse.year_list([1985, 1986, 1987, 1990, 2024]) == "1985–1987, 1990, 2024"
    assert text.multiple(4.03) == "4.0 times" and text.multiple(0.4) == "40% of"
    assert sentences.period_text("2025-11") == "November 2025" and sentences.period_text("2024") == "2024"
    assert sentences.share_text(1.0) == "all" and sentences.share_text(0.25) == "25%"


def test_rows_are_classed_by_role_and_status_not_wording(tables):
    imports = tables[reverse.REVERSE]
    assert imports.loc[~reverse.is_us_built(imports), "event_id"].tolist() == ["R08"]
    assert reverse.first_government_idea(imports)["event_id"] == "R09"
    assert reverse.announced(imports)["event_id"].tolist() == ["R13", "R14", "R15"]
    assert set(reverse.historical_us_built(imports)["event_id"]) == {"R01", "R02", "R03", "R04", "R05", "R06", "R07"}
    volumes = reverse.past_volumes(imports)
    assert "Toyota Avensis (2003 to 2018)" in volumes["programme"].tolist()


def test_deficit_kinds_follow_the_series_column(options):
    """Census vintages are named by their series; a report's figure by its status as worded in the data."""
    kinds = options.set_index(["deficit_source", "year"])["kind"]
    assert kinds[("census_c5880_scrape_2026_03", 2024)] == "Census, superseded vintage"
    assert kinds[("census_c5880_scrape_2026_06", 2024)] == "Census, another copy or vintage"
    assert kinds[("kyodo_2020_deficit2019", 2019)] == "secondary report"
    assert options["kind"].notna().all()


def chapter_numbers(data_dir: object) -> dict:
    tables = reverse.load_tables(data_dir)
    imports = tables[reverse.REVERSE]
    options = reverse.deficit_options(tables[reverse.TRADE], tables[reverse.PRICES])
    deficit, price, share = parameters.check_parameters(options, tables[reverse.PRICES], None, "census", None, 1.0)
    largest = reverse.largest_programme(imports)
    refs = calculator.references(tables, largest, reverse.import_market(tables[reverse.MARKET]))
    cars, compared = calculator.calculate(deficit, price, share, refs)
    volumes = reverse.past_volumes(imports)
    return {
        "options": options[["deficit_source", "year", "deficit_usd_bn"]].values.tolist(),
        "census_kinds": options["kind"].isin(reverse.VINTAGE_KINDS.values()).tolist(),
        "scale": reverse.scale_series(tables[reverse.PRODUCTION], tables[reverse.MARKET])[["year", "series", "value"]].values.tolist(),
        "volumes": volumes[["event_id", "actual_units", "built"]].values.tolist(),
        "targets": reverse.targets_against_sales(imports)[["event_id", "average_sold_per_year", "share_of_target_pct"]].values.tolist(),
        "largest": (largest["event_id"], largest["actual_units"]),
        "announced": reverse.announced(imports)["event_id"].tolist(),
        "idea": reverse.first_government_idea(imports)["period_start"],
        "cars": (cars, compared["vehicles"].tolist(), compared["multiple"].tolist()),
    }


def test_rewording_labels_changes_no_number(reworded_data):
    assert chapter_numbers(reworded_data) == chapter_numbers(None)


def test_source_lines_name_the_original_publishers(tables):
    """The evidence a figure passes names the sources its rows were read on, then the publishers they relay."""
    scale = reverse.scale_series(tables[reverse.PRODUCTION], tables[reverse.MARKET])
    sources, names = charts.provenance(scale, None)
    expected = data.sources_cited(scale, original=True)
    assert sources["source_key"].tolist() == expected["source_key"].tolist()
    assert set(scale["original_source_key"].dropna()) <= set(sources["source_key"])
    assert names == (reverse.PRODUCTION, reverse.MARKET)


def test_the_chosen_price_is_marked_once(tables, options):
    deficit = parameters.choose_deficit(options, None, reverse.CENSUS)
    camry = parameters.choose_price(tables[reverse.PRICES], "toyota_camry_us_base_price")
    points = calculator.price_points(deficit, camry, 1.0, tables[reverse.PRICES])
    assert points["chosen"].sum() == 1 and points.loc[points["chosen"], "price_usd"].item() == camry["price_usd"]
