"""Page 'Reverse imports' (tradetalks.chapters.reverse_imports), checked against values read by hand from data/*.csv."""

import re

import pandas as pd
import pytest

from tradetalks import calc, chartlint, charts, columns, data, findings, text
from tradetalks.chapters.reverse_imports import brief, calculator, parameters, sentences
from tradetalks.chapters.reverse_imports import charts as charts_module
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
    # a wrong source lists the valid values, each with its publisher and years
    with pytest.raises(
        ParameterError, match=r"valid values: 'census' \(.*1985–2025\), .*'corevias_reuters' \(corevias\.com \(summarises Reuters\), 2024\)"
    ):
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
    assert volumes.iloc[0]["event_id"] == "R08" and volumes.iloc[0]["built"] == reverse.COMPARATOR_LABEL
    largest = reverse.largest_programme(tables[reverse.REVERSE])
    assert (largest["event_id"], largest["actual_units"]) == ("R02", 40000)
    assert sentences.programme_units(largest) == "nearly 40,000 vehicles over ~3 years"  # the source's qualifier kept


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
    assert text.multiple(4.03) == "about 4 times" and text.multiple(0.4) == "40% of"
    assert text.reader_date("2025-11") == "November 2025" and text.reader_date("2024") == "2024"
    assert sentences.share_text(1.0) == "all" and sentences.share_text(0.25) == "25%"


def test_rows_are_classed_by_role_and_status_not_wording(tables):
    imports = tables[reverse.REVERSE]
    assert imports.loc[~reverse.is_us_built(imports), "event_id"].tolist() == ["R08"]
    assert reverse.first_government_idea(imports)["event_id"] == "R09"
    assert reverse.announced(imports)["event_id"].tolist() == ["R13", "R14", "R15"]
    assert set(reverse.historical_us_built(imports)["event_id"]) == {"R01", "R02", "R03", "R04", "R05", "R06", "R07"}
    volumes = reverse.past_volumes(imports)
    assert "Toyota Avensis, built in UK (comparator)" in volumes["programme"].tolist()


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


# --- honest precision, takeaway titles, tables for people, In brief (issue 15) -----------------------------


@pytest.mark.parametrize(
    ("ratio", "words"),
    [
        (4.0331, "about 4 times"),
        (10.2865, "about 10 times"),
        (32.34, "about 32 times"),
        (7.34, "about 7.3 times"),
        (2.0, "2 times"),
        (0.392, "about 39% of"),
    ],
)
def test_multiples_are_worded_to_two_significant_figures(ratio, words):
    assert text.multiple(ratio) == words


@pytest.mark.parametrize(
    ("value", "qualifier", "words"),
    [
        (3_300_000, "'roughly 3.3 million a year'", "roughly 3.3 million"),  # the source's qualifier kept, not 3,300,000
        (3_200_000, "'over 3.2 million' (~1/3 of US output)", "over 3.2 million"),
        (300_000, "'about 300,000'", "about 300,000"),
        (2_900_000, "approx", "about 2.9 million"),
        (1_293_775.3, None, "about 1.3 million"),  # derived: two significant figures, never 1,293,775
        (320_789, "exact", "about 320,000"),
        (20_000, None, "20,000"),  # no qualifier is invented where rounding changes nothing
        (12_000, "'never more than 12,000 a year'", "12,000"),  # a quote that does not start with a qualifier is not one
    ],
)
def test_a_figure_keeps_its_sources_qualifier(value, qualifier, words):
    assert reverse.stated(value, qualifier) == words


def test_exact_counts_stay_exact_where_they_are_the_point(tables):
    targets = reverse.targets_against_sales(tables[reverse.REVERSE])
    assert sentences.sold(targets.iloc[0]) == "36,228 vehicles (1996-2000 cumulative)"  # a model's reported sales
    assert sentences.share_of_target(targets.iloc[0]) == "about 36%"  # derived, so rounded


def run_frames(tables, options, deficit_year=None, deficit_source="census", price_usd=None, share=1.0):
    """Every frame the chapter's charts draw, for one run's parameters."""
    deficit, price, share = parameters.check_parameters(options, tables[reverse.PRICES], deficit_year, deficit_source, price_usd, share)
    imports = tables[reverse.REVERSE]
    refs = calculator.references(tables, reverse.largest_programme(imports), reverse.import_market(tables[reverse.MARKET]))
    cars, compared = calculator.calculate(deficit, price, share, refs)
    return {
        "deficit": deficit,
        "price": price,
        "share": share,
        "history": reverse.history_chart_data(reverse.past_volumes(imports), reverse.targets_against_sales(imports)),
        "scale": reverse.scale_table(reverse.scale_series(tables[reverse.PRODUCTION], tables[reverse.MARKET])),
        "figures": charts_module.deficit_data(reverse.figures_for_year(options, int(deficit["year"])), deficit),
        "comparison": calculator.comparison_data(cars, compared),
        "points": calculator.price_points(deficit, price, share, tables[reverse.PRICES]),
        "lines": calculator.reference_lines(compared, tables),
        "curve": calculator.price_curve(deficit, price, share, tables[reverse.PRICES]),
    }


def chart_texts(frames):
    return {
        "history": (charts_module.history_chart(frames["history"]), sentences.history_text(frames["history"])),
        "scale": (charts_module.scale_chart(frames["scale"]), sentences.scale_text(frames["scale"])),
        "deficit": (charts_module.deficit_chart(frames["figures"]), sentences.deficit_text(frames["figures"])),
        "comparison": (
            charts_module.comparison_chart(frames["comparison"]),
            sentences.comparison_text(frames["comparison"], frames["deficit"], frames["price"], frames["share"]),
        ),
        "price": (
            charts_module.price_chart(frames["curve"], frames["points"], frames["lines"]),
            sentences.price_text_for_chart(frames["points"], frames["lines"], frames["deficit"], frames["share"]),
        ),
    }


SCENARIO = {"deficit_year": 2024, "deficit_source": "corevias_reuters", "price_usd": "toyota_camry_us_base_price"}


@pytest.mark.parametrize("run", [{}, SCENARIO], ids=["default", "scenario"])
def test_every_chart_passes_the_lint(tables, options, run):
    for name, (chart, words) in chart_texts(run_frames(tables, options, **run)).items():
        spec = chart.properties(description=words["description"]).to_dict()
        assert chartlint.problems(**words, sourced=True, dated=True, spec=spec) == [], name
        assert "width" not in spec, name  # drawn at the container's width


def test_titles_state_the_datas_figures(tables, options):
    frames = run_frames(tables, options)
    texts = {name: words for name, (_, words) in chart_texts(frames).items()}
    assert texts["history"]["title"] == "The largest past U.S.-built programme sold nearly 40,000 vehicles"
    assert texts["scale"]["title"] == "Japanese makers' U.S. output is about 10 times Japan's car imports"  # 3.3 million ÷ 320,789
    assert texts["deficit"]["title"] == "The three figures for the 2025 deficit agree: about $64 billion"
    assert texts["comparison"]["title"] == "Offsetting all of the deficit takes about 1.3 million cars a year"  # 64,448.1 million ÷ 49,814
    assert texts["price"]["title"] == "Even at $70,178 a car, it takes about 920,000 cars a year"
    assert "about 4 times Japan's car imports of all brands in 2024" in texts["comparison"]["description"]


def test_titles_follow_the_data_and_the_parameters(tables, options):
    frames = run_frames(tables, options, **SCENARIO)
    texts = {name: words for name, (_, words) in chart_texts(frames).items()}
    assert texts["deficit"]["title"] == "Figures for the 2024 deficit vary from $59.4 billion to $70.0 billion"
    assert texts["comparison"]["title"] == "Offsetting all of the deficit takes about 2.4 million cars a year"  # 68.5 billion ÷ 29,100
    half = run_frames(tables, options, share=0.5)
    assert sentences.comparison_text(half["comparison"], half["deficit"], half["price"], half["share"])["title"] == (
        "Offsetting 50% of the deficit takes about 650,000 cars a year"
    )
    # a change in the data rewords the title: twice the U.S. output, twice the multiple
    scale = run_frames(tables, options)["scale"]
    doubled = scale.assign(annual_vehicles=scale["annual_vehicles"].where(scale["vehicles_counted"] != reverse.BUILT, 6_600_000.0))
    assert sentences.scale_text(doubled)["title"] == "Japanese makers' U.S. output is about 21 times Japan's car imports"
    one = frames["figures"].head(1).assign(used_here="yes")
    assert (
        sentences.deficit_text(one)["title"]
        == f"The data has one figure for the 2024 deficit: {text.usd_bn(one['deficit_usd_bn'].iloc[0])}"
    )


IDENTIFIER_CELL = re.compile(r"[a-z0-9]+(_[a-z0-9]+)+")


@pytest.mark.parametrize("run", [{}, SCENARIO], ids=["default", "scenario"])
def test_tables_show_words_not_identifiers(tables, options, run):
    frames = run_frames(tables, options, **run)
    imports = tables[reverse.REVERSE]
    shown = {
        "ideas": reverse.programmes_table(imports, historical=False),
        "past": reverse.programmes_table(imports, historical=True),
        "targets": reverse.targets_table(reverse.targets_against_sales(imports)),
        "deficit sources": reverse.deficit_sources_table(options),
        **{name: frames[name] for name in ("history", "scale", "figures", "comparison", "curve")},
    }
    for name, frame in shown.items():
        readers = columns.for_readers(frame)  # raises if a column has no title in words
        assert not {"source_key", "original_source_key", "event_id", "metric"} & set(frame.columns), name
        cells = [str(cell) for cell in readers.to_numpy().ravel() if isinstance(cell, str)]
        assert not [cell for cell in cells if IDENTIFIER_CELL.fullmatch(cell)], name
        assert not [header for header in readers.columns if IDENTIFIER_CELL.fullmatch(str(header))], name
    assert "listed in a U.S. government document" in shown["ideas"]["status"].tolist()


def test_notes_name_publishers_not_keys(tables):
    cavalier = reverse.targets_against_sales(tables[reverse.REVERSE]).iloc[0]
    note = reverse.readable_note(cavalier["notes"])
    assert "Yahoo Autos (Hagerty)" in note and "(the sources disagree)" in note
    assert not IDENTIFIER_CELL.search(note) and "CONFLICT" not in note


def test_year_span():
    assert reverse.year_span(["2025-05", "2026-02-16", "2025-08..2025-12"]) == "2025–26"
    assert reverse.year_span(["1988", "2018"]) == "1988–2018" and reverse.year_span(["2024"]) == "2024"


def test_in_brief_is_three_findings_computed_like_the_chapter(tables, options):
    found = brief.in_brief()
    findings.check_brief(found)
    assert [f.section for f in found] == ["reverse-imports-calculator", "reverse-imports-scale", "reverse-imports-history"]
    frames = run_frames(tables, options)
    assert brief.stated_cars(frames["comparison"]) in found[0].sentence  # the same figure as the chart's title
    market = frames["comparison"].set_index("compared_with").loc[sentences.MARKET_SHORT]
    needed = f"{brief.stated_cars(frames['comparison'])} cars a year, {text.multiple(market['cars_needed_multiple'])} Japan's car imports"
    assert needed in found[0].sentence
    assert found[2].sentence == sentences.history_text(frames["history"])["description"]
    scenario = brief.in_brief(**SCENARIO)
    assert "about 2.4 million cars a year" in scenario[0].sentence
