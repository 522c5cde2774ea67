"""Chapter 'Is an EV greener on Japan's grid?': loaders, defaults from data and parameter checks.

Expected values are read by hand from data/electricity.csv, data/lifecycle_parameters.csv and data/prices.csv.
"""

from pathlib import Path

import pandas as pd
import pytest

import tradetalks.chapters.ev_emissions as page
from tests.wording import NUMBER, REWORDED, reword_labels
from tradetalks import calc, chartlint, columns, data, findings, text
from tradetalks.chapters import claims
from tradetalks.params import ParameterError


@pytest.fixture(scope="module")
def electricity():
    return data.load_table("electricity")


@pytest.fixture(scope="module")
def lifecycle():
    return data.load_table("lifecycle_parameters")


@pytest.fixture(scope="module")
def prices():
    return data.load_table("prices")


def resolve(electricity, lifecycle, **changes):
    return page.inputs.resolve_inputs(electricity, lifecycle, **changes)


def test_tables_keep_the_packs_figures(lifecycle, prices):
    battery = page.inputs.lifecycle_row(lifecycle, page.inputs.P_BATTERY)
    assert (battery["value"], battery["value_low"], battery["value_high"]) == ("56-494", 56.0, 494.0)
    assert page.inputs.lifecycle_row(lifecycle, page.inputs.P_JAPAN_LCA)["value"] == "HEV lowest"
    assert pd.isna(page.inputs.lifecycle_row(lifecycle, page.inputs.P_JAPAN_LCA)["value_low"])
    bound = prices[prices["value_qualifier"] == "more than"]
    assert bound["value"].tolist() == [2.0, 2.0]
    assert prices.loc[prices["notes"].fillna("").str.startswith("DERIVED"), "derived"].eq("yes").all()


def ember_japan(electricity: pd.DataFrame, year: int) -> float:
    """Japan's grid intensity in ``year`` as the consistent Ember series in the data gives it."""
    rows = electricity[(electricity["dataset"] == page.tables.EMBER_INTENSITY) & (electricity["country"] == "Japan")]
    return float(rows.loc[rows["year"] == year, "value"].item())


def test_ember_intensity(electricity):
    series = page.tables.ember_intensity(electricity)
    japan = series[series["country"] == "Japan"].set_index("year")["value"]
    assert japan.index.is_unique  # one vintage per year: the earlier one is kept beside it, not in the series
    assert (japan[2015], japan[2024]) == (ember_japan(electricity, 2015), ember_japan(electricity, 2024))
    earlier = electricity[electricity["dataset"] == "ember_carbon_intensity_earlier_vintage"]
    assert set(earlier["year"]) <= set(japan.index) and not set(earlier["value"]) & set(japan)
    assert sorted(series["country"].unique()) == ["China", "Germany", "Japan", "Norway", "United States", "World"]


def test_iea_series_stops_at_embers_last_year_and_france_is_missing(electricity):
    series = page.tables.intensity_series(electricity)
    assert series["year"].max() == 2024
    eu = series[series["country"] == "European Union"]
    assert eu["publisher"].str.startswith("IEA").all()
    assert page.tables.missing_countries(series) == ["France"]


def test_japan_mix_derives_only_the_isep_oil_share(electricity):
    mix = page.tables.japan_mix(electricity)
    assert mix.groupby("year")["value"].sum().round(0).eq(100).all()
    derived = mix[mix["derived"] == "yes"]
    assert len(derived) == 1
    # ISEP 2024: fossil 65.1 - coal 28.2 - LNG 29.1 = 7.8
    assert derived.iloc[0][["year", "category"]].tolist() == [2024, "oil and other fossil"]
    assert derived.iloc[0]["value"] == pytest.approx(7.8)
    fossil = page.tables.fossil_share(mix).set_index("year")["fossil_pct"]
    assert fossil[2015] == pytest.approx(33.94 + 40.53 + 10.14)
    assert fossil[2024] == pytest.approx(65.1)


def test_utility_factors_beside_ember(electricity):
    table = page.tables.utility_factors(electricity).set_index("year (utilities: fiscal year)")
    assert table.loc[2023, "utilities_gco2_per_kwh_sold"] == pytest.approx(421)
    assert table.loc[2023, "ember_gco2e_per_kwh_generated"] == ember_japan(electricity, 2023)


def test_defaults_come_from_the_data(electricity, lifecycle):
    inputs, table = resolve(electricity, lifecycle)
    assert inputs.grid_g_per_kwh == ember_japan(electricity, 2024)  # Japan, latest year
    assert inputs.ev_wh_per_km == 124.0  # Sakura WLTC
    assert inputs.hybrid_km_per_l == 32.6  # Prius 1.8 WLTC
    assert inputs.petrol_km_per_l == 18.0  # Nissan's petrol kei car
    assert inputs.fuel_co2_kg_per_l == 2.32  # MOE
    # well-to-wheel by default: the midpoint of the Korean proxy (12.0-12.7 g/MJ) x 34.63 MJ/L
    assert inputs.fuel_upstream_kg_per_l == pytest.approx(12.35 * 34.63 / 1000)
    assert inputs.battery_kwh == 20.0  # notes of the Sakura row
    assert inputs.battery_kg_per_kwh == pytest.approx((56 + 494) / 2)  # derived midpoint
    assert inputs.charging_loss_pct == 0.0 and inputs.ev_wh_at_socket  # inside the WLTC "AC" figure: not added again
    assert inputs.grid_loss_pct == 4.3  # World Bank WDI, Japan 2014
    assert inputs.lifetime_km == 150_000.0  # ecoinvent default
    basis = table.set_index("name")["basis"]
    assert basis["battery_kg_per_kwh"].startswith("derived")
    assert table["basis"].str.startswith(("sourced", "derived", "not counted", "counted once")).all()
    assert table.loc[table["basis"].str.startswith("sourced"), "source_key"].ne("").all()
    keys = table.set_index("name")["source_key"]
    assert keys["fuel_upstream_kg_per_l"] == "jang_song_2015_wtp;hinodeya_energy_units"
    assert keys["grid_loss_pct"] == "worldbank_td_losses_via_volks"
    assert keys["lifetime_km"] == "ecoinvent_car_lifetime_via_climatiq"
    assert basis["lifetime_km"] == f"sourced: {page.inputs.lifecycle_row(lifecycle, page.inputs.P_LIFETIME)['parameter']}"


def test_losses_and_lifetime_set_by_the_reader(electricity, lifecycle):
    inputs, table = resolve(electricity, lifecycle, ev_wh_per_km=110.0, charging_loss_pct=10.0, grid_loss_pct=0, lifetime_km=200_000)
    assert not inputs.ev_wh_at_socket  # a use given with a charging loss is taken as measured at the battery
    assert (inputs.charging_loss_pct, inputs.grid_loss_pct, inputs.lifetime_km) == (10.0, 0.0, 200_000.0)
    rows = table.set_index("name").loc[["charging_loss_pct", "grid_loss_pct", "lifetime_km"]]
    assert rows["basis"].str.startswith("set by you").all()
    assert rows["source_key"].eq("").all()


def test_japans_grid_losses_are_labelled_when_used_for_another_grid(electricity, lifecycle):
    _, table = resolve(electricity, lifecycle, grid_country="China")
    basis = table.set_index("name").loc["grid_loss_pct", "basis"]
    assert basis.endswith("the data has no grid-loss figure for China, so Japan's is used")
    _, table = resolve(electricity, lifecycle, grid_intensity=421)
    assert table.set_index("name").loc["grid_loss_pct", "basis"].endswith("used with the grid intensity you set")


def test_inputs_words(electricity, lifecycle):
    _, table = resolve(electricity, lifecycle, lifetime_km=120_000)
    words = page.sentences.inputs_words(table, ["charging_loss_pct", "lifetime_km"])
    assert words.startswith("charging losses 0 (% of the energy drawn from the socket; counted once, inside the socket figure")
    assert words.endswith("; car's lifetime distance 120,000 (km; set by you)")


def test_a_chosen_year_country_or_intensity(electricity, lifecycle):
    assert resolve(electricity, lifecycle, grid_year=2015)[0].grid_g_per_kwh == 578.0
    assert resolve(electricity, lifecycle, grid_country="China")[0].grid_g_per_kwh == 559.6
    inputs, table = resolve(electricity, lifecycle, grid_intensity=421)
    assert inputs.grid_g_per_kwh == 421.0
    assert table.set_index("name").loc["grid_g_per_kwh", "source_key"] == ""


def test_upstream_is_derived_from_the_heating_value(electricity, lifecycle):
    inputs, table = resolve(electricity, lifecycle, fuel_upstream_g_per_mj=12.0)
    assert inputs.fuel_upstream_kg_per_l == pytest.approx(12.0 * 34.63 / 1000)
    assert table.set_index("name").loc["fuel_upstream_kg_per_l", "basis"].startswith("derived")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ev_wh_per_km": -5}, r"ev_wh_per_km=-5 is outside the plausible range 50 to 500 Wh/km"),
        ({"lifetime_km": 0}, r"lifetime_km=0 is outside the plausible range 10,000 to 1,000,000 km"),
        ({"grid_year": 1999}, r"grid_year=1999 is not in the data for Japan; valid years: 2015, 2016, .*2024"),
        ({"grid_year": "2024"}, r"grid_year='2024' is not in the data"),
        ({"grid_country": "France"}, r"grid_country='France' is not available; valid values: 'China', 'Germany', 'Japan'"),
        ({"grid_year": 2020, "grid_intensity": 400}, r"give grid_year or grid_intensity, not both"),
        ({"grid_intensity": 5000}, r"grid_intensity=5000 is outside the plausible range 0 to 1,500"),
        ({"grid_loss_pct": "5"}, r"grid_loss_pct must be a number in % of the energy generated"),
        ({"lifetime_km": 5_000_000}, r"lifetime_km=5e\+06 is outside the plausible range 10,000 to 1,000,000 km"),
        ({"charging_loss_pct": 100}, r"charging_loss_pct=100 is outside the plausible range 0 to 50"),
        ({"hybrid_km_per_l": 0}, r"hybrid_km_per_l=0 is outside the plausible range 5 to 60 km/L"),
        ({"battery_kg_per_kwh": -1}, r"battery_kg_per_kwh=-1 is outside"),
        ({"fuel_upstream_g_per_mj": -2}, r"fuel_upstream_g_per_mj=-2 is outside the plausible range 0 to 50"),
        ({"battery_kwh": "20"}, r"battery_kwh must be a number in kWh"),
    ],
)
def test_bad_parameters_fail_clearly(electricity, lifecycle, change, message):
    with pytest.raises(ParameterError, match=message):
        resolve(electricity, lifecycle, **change)


def test_results_and_break_even_on_the_data(electricity, lifecycle):
    inputs, _ = resolve(electricity, lifecycle, grid_loss_pct=0.0, fuel_upstream_g_per_mj=0.0)
    table = page.calculator.results(inputs, lifecycle).set_index("car")
    assert table.loc["electric", "use_phase"] == pytest.approx(0.124 * ember_japan(electricity, 2024))  # Wh/km x g/kWh
    assert round(table.loc["hybrid", "total"], 1) == 71.2
    assert table.loc["electric", "battery"] == pytest.approx(20 * 275 * 1000 / 150_000)
    assert table.loc["electric", "total_battery_low"] == pytest.approx(0.124 * ember_japan(electricity, 2024) + 20 * 56 * 1000 / 150_000)
    crossings = page.calculator.break_evens(inputs, lifecycle)
    # use phase only: (2320 / 32.6) / 0.124
    assert crossings.iloc[0]["break_even_g_per_kwh"] == pytest.approx(2320 / 32.6 / 0.124)
    assert crossings.iloc[-1][["break_even_g_per_kwh", "source_key"]].tolist() == [320.0, "zheng_peng_lca"]


def test_break_even_chart_data_is_small(electricity, lifecycle):
    inputs, _ = resolve(electricity, lifecycle)
    lines = page.calculator.break_even_lines(inputs, lifecycle, 700)
    assert len(lines) == 12
    years = page.calculator.country_years_on_line(inputs, electricity)
    assert years["label"].tolist()[0] == "2015" and years["label"].tolist()[-1] == "2024"
    assert page.calculator.break_even_axis_max(electricity, 238) == 800  # China 2015 667.7 x 1.1 -> 800


def test_sensitivity_ranges_are_sourced_or_labelled(electricity, lifecycle):
    inputs, _ = resolve(electricity, lifecycle)
    table = page.calculator.sensitivity_ranges(inputs, electricity, lifecycle)
    ranges = table.set_index("name")
    assert ranges.loc["grid_g_per_kwh", ["low", "high"]].tolist() == [ember_japan(electricity, 2024), ember_japan(electricity, 2015)]
    assert ranges.loc["ev_wh_per_km", ["low", "high"]].tolist() == pytest.approx([124, 1000 / 6])
    assert ranges.loc["hybrid_km_per_l", ["low", "high"]].tolist() == [28.6, 32.6]
    assert ranges.loc["battery_kg_per_kwh", ["low", "high"]].tolist() == [56.0, 494.0]
    assert ranges.loc["lifetime_km", ["low", "high"]].tolist() == [100_000.0, 200_000.0]  # Nansai 2002, TCS calculator
    assert ranges.loc["lifetime_km", "range basis"].startswith("sourced")
    assert ranges.loc["lifetime_km", "source_key"] == "nansai_2002_ev_lci;tcs_co2_calculator_roadmap"
    assert "charging_loss_pct" not in ranges.index  # inside the socket figure: no separate input to move
    assert ranges.loc["grid_loss_pct", "range basis"].startswith("illustrative")
    # petrol's upstream: the Korean proxy's low end to the data's alternative upper bound (30% of the CO2 burnt)
    assert ranges.loc["fuel_upstream_kg_per_l", ["low", "high"]].tolist() == pytest.approx([12.0 * 34.63 / 1000, 0.3 * 2.32])
    result = page.calculator.sensitivity(inputs, table)
    assert result["swing"].is_monotonic_decreasing
    assert set(result["input"]) <= set(calc.EMISSIONS_INPUT_RANGES)


def test_price_points(prices, electricity):
    points = page.tables.japan_household_prices(prices, electricity)
    national = points[points["area"] == "national"].set_index(["year", "source_key"])["value"]
    assert national[(2010, "anre_elec_unit_price_itcenex")] == 21.39
    assert national[(2022, "anre_elec_unit_price_itcenex")] == 34.0
    assert national[(2014, "minyu_2018_elec")] == 25.5
    assert (points["area"] == "TEPCO area (Tokyo region)").sum() == 6
    assert "subsidy" not in " ".join(points["metric"])


def test_running_costs_only_where_both_prices_exist(prices, electricity):
    inputs, _ = resolve(electricity, lifecycle=data.load_table("lifecycle_parameters"))
    costs = page.calculator.running_costs(
        page.tables.japan_household_prices(prices, electricity), page.tables.gasoline_japan(prices), inputs
    )
    fy2022 = costs[(costs["year"] == 2022) & (costs["electricity price (yen/kWh)"] == 34.0)].iloc[0]
    assert fy2022["electric (yen/km, derived)"] == pytest.approx(4.22)  # 0.124 x 34.00
    assert fy2022["hybrid (yen/km, derived)"] == pytest.approx(round(170.4 / 32.6, 2))
    assert pd.isna(costs[costs["year"] == 2010]["gasoline price (yen/L, calendar-year mean)"].item())  # a dash with a note
    assert not costs["electricity price basis"].str.contains("_").any()  # producers' names, not source keys


def test_words():
    assert page.sentences.gap_words(35.44) == "about 35 g/km more"
    assert page.sentences.gap_words(-3.0) == "3 g/km less"
    assert page.sentences.span_words(77.85, 136.25, "g/km") == "about 77.8 to 136 g/km"
    assert page.sentences.pct_change(3.35, 10.79) == "about 3.4% to 11%"
    assert page.sentences.stated_precision("59.8") == pytest.approx(0.05)
    assert page.sentences.possessive("United States") == "the United States'"
    assert page.sentences.in_sentence("EV electricity use") == "EV electricity use"
    assert page.sentences.in_sentence("Car's lifetime distance") == "car's lifetime distance"
    assert page.sentences.rank_words(4, 8) == "fourth highest" and page.sentences.rank_words(8, 8) == "the lowest"
    assert page.units.g_km(107.047) == "107 g/km" and page.units.g_kwh(483.43) == "483 g/kWh"
    assert page.units.number(150000.0) == "150,000"
    assert page.units.number(482.3) == "482.3"


def test_every_row_the_calculator_reads_is_a_needed_id():
    """The registry check-data uses lists every parameter_id the chapter picks rows by."""
    picked = {value for name, value in vars(page.inputs).items() if name.startswith("P_") and isinstance(value, str)}
    picked |= set(page.inputs.P_LIFETIMES)
    assert picked <= set(data.needed_ids()["lifecycle_parameters"]["parameter_id"])


def test_mix_categories_come_from_the_generation_source_ids(electricity):
    mix = page.tables.japan_mix(electricity)
    assert set(mix["category"]) == set(page.tables.MIX_ORDER)
    isep_year = mix[mix["publisher"] == "ISEP (preliminary)"]
    assert set(isep_year["category"]) <= set(page.tables.MIX_ORDER)  # LNG, biomass and geothermal under Ember's names


def test_iea_estimates_are_marked_by_the_data(electricity):
    iea = page.tables.iea_intensity(electricity)
    flagged = electricity[(electricity["dataset"] == page.tables.IEA_INTENSITY) & (electricity["estimate"] == "yes")]
    assert sorted(iea.loc[iea["estimate"], "year"].unique()) == sorted(flagged["year"].unique()) == [2025, 2026]


def emissions_figures(data_dir: Path | None) -> dict[str, object]:
    """The chapter's figures from a data folder: numbers, ids and the chapter's own words, no label text from the tables."""
    electricity, lifecycle, prices = (data.load_table(name, data_dir) for name in ("electricity", "lifecycle_parameters", "prices"))
    inputs, _ = page.inputs.resolve_inputs(electricity, lifecycle)
    points = page.tables.japan_household_prices(prices, electricity)
    return {
        "ember": page.tables.ember_intensity(electricity),
        "iea": page.tables.iea_intensity(electricity),
        "mix": page.tables.japan_mix(electricity),
        "utilities": page.tables.utility_factors(electricity).drop(columns="notes"),
        "points": points.drop(columns=["metric", "notes"]),
        "abroad": page.tables.cross_country_prices(prices).drop(columns="notes"),
        "gasoline": page.tables.gasoline_japan(prices).drop(columns="notes"),
        "subsidy": float(page.tables.subsidy(prices)["value"]),
        "inputs": inputs,
        "claim": NUMBER.findall(claims.evidence.ev_vs_hybrid(data_dir).text),
    }


def test_rewording_the_labels_changes_no_figure(data_copy: Path):
    """Rows are picked by ids and role columns: rewording every label, and the notes, changes no figure."""
    shipped = emissions_figures(None)
    reword_labels(data_copy, also={"electricity": ["notes"], "prices": ["notes"]})
    assert data.check_data(data_copy) == []
    reworded = emissions_figures(data_copy)
    for name in shipped:
        if isinstance(shipped[name], pd.DataFrame):
            pd.testing.assert_frame_equal(reworded[name], shipped[name], obj=name)
        else:
            assert reworded[name] == shipped[name], name
    assert data.load_table("electricity", data_copy)["metric"].str.startswith(REWORDED).all()
    # the calculator's cars (electric, hybrid, petrol) are its own ids: no row is picked by what it applies to
    assert data.load_table("lifecycle_parameters", data_copy)["applies_to"].str.startswith(REWORDED).all()


def test_every_parameter_but_the_data_folder_is_a_calculator_input():
    """The declaration is the page's one list of parameters: each (but data_dir) is a keyword of resolve_inputs."""
    import inspect

    declared = [parameter.name for parameter in page.parameters.PARAMETERS]
    keywords = [name for name, p in inspect.signature(page.inputs.resolve_inputs).parameters.items() if p.kind == p.KEYWORD_ONLY]
    assert declared == ["data_dir", *keywords]


def test_frames_name_the_tables_they_came_from(electricity, lifecycle, prices):
    """The source line reads the tables from the frames, including those built anew, merged or concatenated."""
    inputs, input_rows = resolve(electricity, lifecycle)
    assert data.tables_of(page.tables.intensity_series(electricity)) == ("electricity",)
    assert data.tables_of(page.tables.japan_mix(electricity)) == ("electricity",)
    assert data.tables_of(page.tables.utility_factors(electricity)) == ("electricity",)
    assert data.tables_of(input_rows) == ("lifecycle_parameters", "electricity")
    assert data.tables_of(page.calculator.break_evens(inputs, lifecycle)) == ("lifecycle_parameters",)
    assert data.tables_of(page.calculator.sensitivity_ranges(inputs, electricity, lifecycle)) == ("lifecycle_parameters", "electricity")
    assert data.tables_of(page.tables.japan_household_prices(prices, electricity)) == ("prices", "electricity")


def test_break_evens_are_quoted_by_case(electricity, lifecycle):
    inputs, _ = resolve(electricity, lifecycle)
    crossings = page.calculator.break_evens(inputs, lifecycle)
    assert page.calculator.break_even_of(crossings, page.calculator.WITH_BATTERY) == pytest.approx(calc.break_even_intensity(inputs))
    assert "case" not in page.calculator.break_even_table(crossings).columns
    words = page.sentences.break_even(crossings, page.calculator.country_years_on_line(inputs, electricity), "Japan")
    assert words["break_even_published"] == "320 g/kWh"


def test_countries_take_their_place_colours(electricity):
    from tradetalks import style

    spec = page.charts.intensity_chart(page.tables.intensity_series(electricity)).to_dict()
    scale = spec["layer"][0]["encoding"]["color"]["scale"]  # the lines; the layers above label Japan's ends
    colour_of = dict(zip(scale["domain"], scale["range"], strict=True))
    assert colour_of["Japan"] == style.colour("japan") and colour_of["China"] == style.colour("china")
    assert colour_of["Germany"] != colour_of["European Union"]  # both European, drawn on one chart


# --- the page's words: takeaway titles, honest comparisons, tables for readers, In brief -----------------------


def chart_texts(electricity, lifecycle, prices, **chosen):
    """Every chart's title, subtitle and description, as the chapter computes them."""
    inputs, _ = resolve(electricity, lifecycle, **chosen)
    country = chosen.get("grid_country", "Japan")
    grid = page.sentences.grid_used(electricity, country, chosen.get("grid_year"), chosen.get("grid_intensity"))
    mix = page.tables.japan_mix(electricity)
    result = page.calculator.results(inputs, lifecycle)
    crossings = page.calculator.break_evens(inputs, lifecycle)
    years = page.calculator.country_years_on_line(inputs, electricity, country)
    swings = page.calculator.sensitivity(inputs, page.calculator.sensitivity_ranges(inputs, electricity, lifecycle, country))
    return {
        "grid": page.sentences.grid_chart(electricity, page.tables.intensity_series(electricity)),
        "mix": page.sentences.mix_chart(mix, page.tables.fossil_share(mix)),
        "per_km": page.sentences.per_km_chart(result, inputs, lifecycle, grid),
        "break_even": page.sentences.break_even_chart(crossings, years, country),
        "sensitivity": page.sentences.sensitivity_chart(swings),
        "prices": page.sentences.prices_chart(page.tables.japan_household_prices(prices, electricity)),
        "abroad": page.sentences.cross_country_chart(page.tables.cross_country_prices(prices)),
    }


@pytest.mark.parametrize("chosen", [{}, {"grid_country": "China"}, {"grid_intensity": 100}, {"battery_kg_per_kwh": 494}])
def test_every_chart_passes_the_lint(electricity, lifecycle, prices, chosen):
    for name, words in chart_texts(electricity, lifecycle, prices, **chosen).items():
        assert chartlint.problems(**words, sourced=True, dated=True) == [], name
        assert "derived by the data pack" not in words["title"], name


def test_titles_carry_the_datas_figures(electricity, lifecycle, prices):
    texts = chart_texts(electricity, lifecycle, prices)
    drop = (ember_japan(electricity, 2015) - ember_japan(electricity, 2024)) / ember_japan(electricity, 2015) * 100
    assert texts["grid"]["title"] == f"Japan's grid fell {text.about_pct(drop)} since 2015; it still tops the world's"
    assert "about 16%" in texts["grid"]["title"]
    fossil = page.tables.fossil_share(page.tables.japan_mix(electricity)).set_index("year")["fossil_pct"]
    assert (
        texts["mix"]["title"] == f"Fossil fuels fell from {text.about_pct(fossil[2015])} to {text.about_pct(fossil[2023])} of Japan's power"
    )
    inputs, _ = resolve(electricity, lifecycle)
    main = calc.break_even_intensity(inputs)
    assert texts["break_even"]["title"].endswith(f"below {text.about(main, 'g/kWh')}") and "370" in texts["break_even"]["title"]
    assert texts["sensitivity"]["title"].startswith("The battery manufacturing footprint outweighs every other input: about 58 g/km")
    assert (
        texts["prices"]["title"] == "Japan's household power price rose from 21 to 34 yen/kWh"
    )  # headline figures to two significant figures
    assert texts["abroad"]["title"] == "Japan's household electricity price was fourth highest of eight in 2022"


def test_titles_change_when_the_data_change(electricity, lifecycle, prices):
    """The titles are computed: a grid that got dirtier, Japan's price on top, a cleaner grid all reword them."""
    dirtier = electricity.copy()
    rows = (dirtier["dataset"] == page.tables.EMBER_INTENSITY) & (dirtier["country"] == "Japan") & (dirtier["year"] == 2015)
    dirtier.loc[rows, "value"] = 400.0  # below the world's 533.2 in 2015, so Japan 'now' tops it
    assert page.sentences.grid_chart(dirtier, page.tables.intensity_series(dirtier))["title"] == (
        "Japan's grid rose about 21% since 2015; it now tops the world's"
    )
    level = electricity.copy()
    world = (level["dataset"] == page.tables.EMBER_INTENSITY) & (level["country"] == "World") & (level["year"] == 2024)
    level.loc[world, "value"] = ember_japan(electricity, 2024) - 1.0  # within a revision of Ember's series
    assert page.sentences.grid_chart(level, page.tables.intensity_series(level))["title"].endswith("it now matches the world's")
    dearer = prices.copy()
    japan_bill = (dearer["dataset"] == page.tables.NIKKEI_BILLS) & (dearer["country"] == "Japan")
    dearer.loc[japan_bill, "value"] = 60.0
    assert "was the highest of eight" in page.sentences.cross_country_chart(page.tables.cross_country_prices(dearer))["title"]
    # the per-km verdict follows from both ends of ICCT's battery range, not from its midpoint
    assert chart_texts(electricity, lifecycle, prices)["per_km"]["title"] == "The EV beats the hybrid only with a low-footprint battery"
    cleaner = chart_texts(electricity, lifecycle, prices, grid_intensity=50)
    assert cleaner["per_km"]["title"] == "The EV beats the hybrid across ICCT's range of battery footprints"
    dirtier = chart_texts(electricity, lifecycle, prices, grid_intensity=900)
    assert dirtier["per_km"]["title"] == "The EV emits more than the hybrid across ICCT's battery range"


def test_comparisons_within_the_inputs_uncertainty_read_about_the_same(electricity, lifecycle):
    """70.4 against 71.2 g/km is 'about the same': the gap is smaller than the spread between the electric car's two
    sourced electricity uses. Take that spread away and the same gap reads 'less than'. (The old boundary: tailpipe only
    for petrol, the data's charging loss added to the socket figure.)"""
    inputs, _ = resolve(electricity, lifecycle, fuel_upstream_g_per_mj=0.0)
    inputs = inputs.replace(charging_loss_pct=11.0, ev_wh_at_socket=False)
    result = page.calculator.results(inputs, lifecycle)
    compared = page.sentences.per_km_comparisons(result, inputs, lifecycle)
    assert compared == {
        "use_phase_vs_hybrid": "about the same as",
        "use_phase_vs_petrol": "less than",
        "total_vs_hybrid": "more than",  # 107 g/km: even at ICCT's low end (77.8) above the hybrid's 71.2
        "total_vs_petrol": "about the same as",  # 129 g/km lies inside the battery's range, 77.8 to 136
    }
    spans = page.calculator.electric_ranges(inputs, lifecycle)
    assert spans["use_phase"][1] == pytest.approx(calc.ev_use_g_per_km(1000 / 6, inputs.grid_g_per_kwh, 11, 4.3))  # Nissan's 6 km/kWh
    same_use = lifecycle.copy()
    real = same_use["parameter_id"] == page.inputs.P_EV_REAL
    same_use.loc[real, ["value_low", "value_high"]] = 1000 / 124  # real-world use equal to the catalogue's: no spread
    assert page.sentences.per_km_comparisons(result, inputs, same_use)["use_phase_vs_hybrid"] == "less than"


def test_embers_revision_is_read_from_the_data(electricity):
    assert page.tables.ember_revision(electricity) == pytest.approx(493.6 - 492.45)  # 2023: the larger of the two years' moves
    assert page.sentences.japan_vs_world(electricity, 2024) == "more than"  # 483.43 against 473.0: a gap of 10.4 g/kWh


def test_the_pack_cross_check_agrees_within_a_revision(electricity, lifecycle):
    inputs, _ = resolve(electricity, lifecycle)
    result = page.calculator.results(inputs, lifecycle)
    words = page.sentences.per_km_results(result, inputs, lifecycle, electricity, "Japan's 2024 grid")
    assert words["pack_ev_use"] == "59.8 g/km" and words["pack_ev_use_agreement"].startswith("about the same as ours")
    assert words["ev_use_vs_hybrid"] == "less than" and words["ev_use_why"] == ""  # 62.6 against 84.3 g/km, well-to-wheel
    assert words["verdict_vs_hybrid"].startswith("ahead of the hybrid at ICCT's low battery footprint, behind it at the high one")
    assert words["verdict_vs_petrol"] == "ahead of the petrol kei car across ICCT's range of battery footprints"


def reader_frames(electricity, lifecycle, prices):
    """Every frame a reader sees as a table (a chart's data table or a published table), by name."""
    inputs, rows = resolve(electricity, lifecycle)
    series, mix = page.tables.intensity_series(electricity), page.tables.japan_mix(electricity)
    utilities = page.tables.utility_factors(electricity)
    result = page.calculator.results(inputs, lifecycle)
    crossings = page.calculator.break_evens(inputs, lifecycle)
    years = page.calculator.country_years_on_line(inputs, electricity)
    ranges = page.calculator.sensitivity_ranges(inputs, electricity, lifecycle)
    points = page.tables.japan_household_prices(prices, electricity)
    abroad = page.tables.cross_country_prices(prices)
    sources = page.tables.chapter_sources(series, mix, utilities, rows, ranges, crossings, points, abroad)
    return {
        "intensity": (page.tables.intensity_drawn(series), series),
        "mix": (page.tables.mix_drawn(mix), mix),
        "two_measures": (page.tables.utility_factors_table(utilities), utilities),
        "inputs": (page.inputs.inputs_table(rows), rows),
        "per_km": (page.calculator.results_drawn(result), rows),
        "per_km_table": (page.calculator.results_table(result), rows),
        "break_even": (page.calculator.break_even_drawn(page.calculator.break_even_lines(inputs, lifecycle, 800), years), years),
        "break_even_table": (page.calculator.break_even_table(crossings), crossings),
        "sensitivity": (page.calculator.sensitivity_table(page.calculator.sensitivity(inputs, ranges)), ranges),
        "prices": (page.tables.price_points_drawn(points), points),
        "abroad": (page.tables.cross_country_drawn(abroad), abroad),
        "running_costs": (page.calculator.running_costs(points, page.tables.gasoline_japan(prices), inputs), points),
        "sources": (page.tables.chapter_sources_table(sources), sources),
    }


def test_tables_read_as_words(electricity, lifecycle, prices):
    """Headers in words (no raw names such as total_battery_low), no source keys, no ids in the cells."""
    for name, (frame, evidence) in reader_frames(electricity, lifecycle, prices).items():
        shown = columns.for_readers(frame, data.tables_of(frame, evidence), data.data_dir_of(frame, evidence))
        assert not [header for header in shown.columns if columns.is_identifier(header)], name
        assert data.SOURCE_KEY_COLUMN not in frame.columns, name
        cells = " ".join(str(value) for value in frame.select_dtypes(exclude="number").to_numpy().ravel())
        assert not [word for word in cells.split() if columns.is_identifier(word) and "_" in word], name


def test_in_brief_is_three_findings_from_the_chapters_own_functions(electricity, lifecycle, prices):
    brief = page.brief.in_brief()
    findings.check_brief(brief)
    notebook = (Path(__file__).resolve().parent.parent / "notebooks" / "ev_emissions.ipynb").read_text()
    assert all(f"({finding.section})=" in notebook for finding in brief)
    key = brief[0].sentence
    per_km = chart_texts(electricity, lifecycle, prices)["per_km"]["description"]
    assert "counted well-to-wheel for every car" in key and "less than a hybrid in use" in key
    assert "ahead of the hybrid at ICCT's low battery footprint, behind it at the high one" in key
    assert all(figure in per_km for figure in ("62.6 g/km", "84.3 g/km", "99.3 g/km")) and all(f in key for f in ("62.6", "84.3"))
    inputs, _ = resolve(electricity, lifecycle)
    main = page.calculator.break_even_of(page.calculator.break_evens(inputs, lifecycle), page.calculator.WITH_BATTERY)
    grid = page.sentences.grid_used(electricity, "Japan", None, None)
    share = text.fraction(100 * main / inputs.grid_g_per_kwh)
    assert f"{page.units.about_g_kwh(main)}, {share} of the {page.units.g_kwh(inputs.grid_g_per_kwh)} of {grid}" in brief[1].sentence
    assert brief[2].sentence.startswith("The answer depends most on the battery manufacturing footprint")
    # a rerun's parameters reword it: on China's grid the break-even is still about 370 but China's grid is 560
    assert "560 g/kWh of China's 2024 grid" in page.brief.in_brief(grid_country="China")[1].sentence


def test_the_boundary_is_named_and_applied_to_every_car(electricity, lifecycle):
    wtw, table = resolve(electricity, lifecycle)
    assert wtw.fuel_upstream_kg_per_l > 0 and wtw.grid_g_per_kwh == ember_japan(electricity, 2024)  # both sides life cycle
    assert "well-to-wheel" in page.sentences.boundary_words("well_to_wheel")
    direct, table = resolve(electricity, lifecycle, boundary="direct")
    basis = table.set_index("name")["basis"]
    assert direct.fuel_upstream_kg_per_l == 0.0 and basis["fuel_upstream_kg_per_l"].startswith("not counted (direct")
    assert direct.grid_g_per_kwh == pytest.approx(421.0)  # utilities' FY2023 CO2 factor per kWh sold
    assert direct.grid_loss_pct == 0.0 and basis["grid_loss_pct"].startswith("counted once")  # inside a per-kWh-sold factor
    with pytest.raises(ParameterError, match="data has one for Japan only"):
        resolve(electricity, lifecycle, boundary="direct", grid_country="China")
    with pytest.raises(ParameterError, match="valid values: 'well_to_wheel', 'direct'"):
        resolve(electricity, lifecycle, boundary="tailpipe")


def test_a_charging_loss_on_the_socket_figure_is_refused(electricity, lifecycle):
    with pytest.raises(ParameterError, match="already includes charging losses"):
        resolve(electricity, lifecycle, charging_loss_pct=11.0)


def test_the_verdict_follows_the_battery_range(electricity, lifecycle):
    inputs, _ = resolve(electricity, lifecycle)
    verdicts = page.calculator.battery_verdicts(inputs, lifecycle).set_index("rival")
    assert verdicts.loc["hybrid", "gap_low"] < 0 < verdicts.loc["hybrid", "gap_high"]
    # at the flip the electric car with its battery emits exactly as much as the hybrid
    flip = verdicts.loc["hybrid", "flips_at"]
    assert calc.gap_vs_hybrid(inputs.replace(battery_kg_per_kwh=flip)) == pytest.approx(0, abs=1e-3)
    assert flip == pytest.approx(calc.break_even_battery_kg_per_kwh(inputs), rel=1e-5)
    assert pd.isna(verdicts.loc["petrol", "flips_at"])
    # on a dirty grid the EV is behind at both ends, on a clean one ahead at both
    dirty, _ = resolve(electricity, lifecycle, grid_intensity=900)
    clean, _ = resolve(electricity, lifecycle, grid_intensity=50)
    assert page.sentences.range_verdict(page.calculator.battery_verdicts(dirty, lifecycle), "hybrid").startswith("behind the hybrid across")
    assert page.sentences.range_verdict(page.calculator.battery_verdicts(clean, lifecycle), "hybrid").startswith(
        "ahead of the hybrid across"
    )


def test_the_tornado_marks_where_the_answer_flips(electricity, lifecycle):
    inputs, _ = resolve(electricity, lifecycle)
    swings = page.calculator.sensitivity(inputs, page.calculator.sensitivity_ranges(inputs, electricity, lifecycle))
    flipping = swings.dropna(subset=["flips_at"]).set_index("input")
    assert "battery_kg_per_kwh" in flipping.index
    spec = page.charts.tornado_chart(swings).to_dict()
    texts = [
        layer
        for layer in spec["layer"]
        if layer.get("mark", {}).get("type") == "text" and layer["encoding"]["text"]["field"] == "flip_text"
    ]
    assert len(texts) == 1
    assert (
        "The answer flips within the range of the battery manufacturing footprint"
        in page.sentences.sensitivity_chart(swings)["description"]
    )
