"""The auto_tariffs page's tables, sentences and parameter checks, against values read by hand from data/*.csv."""

import pandas as pd
import pytest

from tradetalks import data, figures, style
from tradetalks.chapters.auto_tariffs import charts, parameters, sentences, tables
from tradetalks.params import ParameterError


@pytest.fixture(scope="module")
def timeline():
    return data.load_table("tariff_timeline")


@pytest.fixture(scope="module")
def trade():
    return data.load_table("us_japan_goods_trade")


@pytest.fixture(scope="module")
def exports():
    return data.load_table("japan_auto_exports_us")


def test_rate_regimes_follow_the_timeline(timeline):
    steps = tables.us_car_rate_steps(timeline)
    assert tables.rate_regimes(steps) == [2.5, 27.5, 15.0]
    changes = tables.rate_changes(steps)
    assert changes["date"].dt.strftime("%Y-%m-%d").tolist() == ["2019-05-17", "2025-04-03", "2025-09-16"]
    assert steps["date"].is_monotonic_increasing


def test_baseline_and_japan_rates(timeline):
    assert figures.baseline_rate(timeline) == 2.5
    assert figures.japan_car_tariff(timeline) == 0.0


def test_consistent_balance_has_every_year_once(trade):
    series = figures.consistent_balance(trade)
    assert series["year"].tolist() == list(range(1985, 2026))
    assert series.loc[series["year"] == 2014, "balance_musd"].item() == -67612.7  # Aug-2024 vintage (cesinco)
    assert series.loc[series["year"] == 2025, "balance_musd"].item() == -64448.1  # 2026 vintage


def test_gaps_stay_gaps():
    series = pd.DataFrame({"year": [2000, 2002], "balance_musd": [-1.0, -2.0]})
    filled = tables.with_gaps(series, 2000, 2002)
    assert filled["year"].tolist() == [2000, 2001, 2002]
    assert filled["balance_musd"].isna().tolist() == [False, True, False]


def test_other_estimates_only_where_they_differ(trade):
    series = figures.consistent_balance(trade)
    others = tables.other_estimates(trade, series)
    # 2023 in the superseded March-2026 scrape differs from the consistent series
    row = others[(others["year"] == 2023) & (others["source_key"] == "census_c5880_scrape_2026_03")]
    assert row["balance_musd"].item() == -71411.8
    # the atsd copy repeats 1985-2013 exactly: not shown as a conflict
    assert not ((others["source_key"] == "census_country_xlsx_via_atsd") & (others["year"] == 1990)).any()


def test_import_base_default_and_unknown(exports):
    row = tables.choose_import_base(exports, None)
    assert (row["period"], row["value"], row["base_id"]) == ("2024", 39933.0, "2024")
    with pytest.raises(ParameterError, match="valid values: .*'2024', .*'2018:as_reported'"):
        tables.choose_import_base(exports, "2099")
    with pytest.raises(ParameterError, match="must be a year"):
        tables.choose_import_base(exports, True)


def test_import_base_by_year_and_by_series(exports):
    """A year picks the consistent series; another compilation's figure is named by year and series, not by source."""
    assert tables.choose_import_base(exports, 2018)["value"] == 40404.0
    assert tables.choose_import_base(exports, "2018")["value"] == 40404.0
    other = tables.choose_import_base(exports, "2018:as_reported")
    assert (other["value"], other["source_key"]) == (41300.0, "worldstopexports_uscars_2018")


def test_import_base_refuses_a_year_two_rows_claim(exports):
    twice = pd.concat([exports, exports[exports["source_key"] == "worldstopexports_uscars_2018"]], ignore_index=True)
    with pytest.raises(ParameterError, match="names 2 rows"):
        tables.choose_import_base(twice, "2018:as_reported")


def test_bill_on_the_default_base(exports, timeline):
    row = tables.choose_import_base(exports, None)
    bill = tables.tariff_bill(row, tables.rate_regimes(tables.us_car_rate_steps(timeline)), timeline)
    assert bill["duty_owed"].tolist() == pytest.approx([39933 * 0.025, 39933 * 0.275, 39933 * 0.15])


def test_check_parameters_defaults_from_data():
    assert parameters.check_parameters(None, None, None, list(range(1985, 2026))) == (None, 1985, 2025)
    with pytest.raises(ParameterError, match="year_from"):
        parameters.check_parameters(None, 2020, 2000, list(range(1985, 2026)))
    with pytest.raises(ParameterError, match="between 0 and"):
        parameters.check_parameters([-5], None, None, list(range(1985, 2026)))


def test_cars_share_is_derived_from_both_tables(exports, trade):
    shares = tables.cars_share_of_imports(exports, figures.consistent_balance(trade))
    row = shares[shares["year"] == 2024].iloc[0]
    assert row["cars_share_pct"] == pytest.approx(100 * 39933 / 147116.5)


def test_costs_are_forecast_or_actual_as_the_data_says():
    costs = tables.automaker_costs(data.load_table("automaker_tariff_impact"))
    assert set(costs["kind"]) == {"forecast", "actual"}
    seven = tables.seven_makers(costs)
    assert seven["kind"].tolist() == ["actual", "forecast", "actual"]
    assert len(seven) + len(tables.single_makers(costs)) == len(costs)


def test_rounds_are_found_by_id_and_milestone():
    rounds = data.load_table("negotiation_rounds")
    assert tables.news_report_round(rounds)["start_date"] == "2025-06-26"
    assert tables.talks_year(rounds) == 2025
    assert len(tables.numbered_rounds(rounds)) == 10
    assert tables.news_report_rounds(rounds)["round_id"].tolist() == ["round_6", "round_7", "round_8"]
    assert tables.framework_agreement(data.load_table("tariff_timeline"))["date"] == "2025-07-22"


def test_news_report_checks_compute_the_verdict(trade, exports):
    rounds = data.load_table("negotiation_rounds")
    checks = sentences.news_report_checks(rounds, figures.consistent_balance(trade), tables.japan_side_shares(exports))
    widening = checks.iloc[1]
    # 2024 deficit (68,253.1) is smaller than 2023's (71,426.8): the "widening" claim is not supported
    assert widening["verdict"].startswith("not supported")
    assert "71.4" in widening["what the data shows"] and "68.3" in widening["what the data shows"]


def chapter_numbers(data_dir: object) -> dict:
    timeline, rounds = data.load_table("tariff_timeline", data_dir), data.load_table("negotiation_rounds", data_dir)
    exports, trade = data.load_table("japan_auto_exports_us", data_dir), data.load_table("us_japan_goods_trade", data_dir)
    balance = figures.consistent_balance(trade)
    costs = tables.automaker_costs(data.load_table("automaker_tariff_impact", data_dir))
    return {
        "baseline": figures.baseline_rate(timeline),
        "japan": figures.japan_car_tariff(timeline),
        "framework": tables.framework_agreement(timeline)["date"],
        "regimes": tables.rate_regimes(tables.us_car_rate_steps(timeline)),
        "base": [tables.choose_import_base(exports, choice)["value"] for choice in (None, 2018, "2021:as_reported")],
        "shares": tables.cars_share_of_imports(exports, balance)["cars_share_pct"].tolist(),
        "japan_shares": tables.japan_side_shares(exports)["value"].tolist(),
        "rounds": (len(tables.numbered_rounds(rounds)), tables.talks_year(rounds), len(tables.news_report_rounds(rounds))),
        "checks": sentences.news_report_checks(rounds, balance, tables.japan_side_shares(exports))["verdict"].str[:13].tolist(),
        "others": tables.other_estimates(trade, balance)["balance_musd"].tolist(),
        "costs": costs[["kind", "value_jpy_bn"]].values.tolist(),
        "seven": tables.seven_makers(costs)["value_jpy_bn"].tolist(),
    }


def test_rewording_labels_changes_no_number(reworded_data):
    assert chapter_numbers(reworded_data) == chapter_numbers(None)


def test_rates_given_as_text_are_read_as_a_list():
    years = list(range(1985, 2026))
    assert parameters.check_parameters("[2.5, 15]", None, None, years)[0] == [2.5, 15.0]
    with pytest.raises(ParameterError, match="not a number"):
        parameters.check_parameters("[2.5, 'x']", None, None, years)


def test_the_parameters_are_declared_once_with_the_data_folder_first():
    names = [parameter.name for parameter in parameters.PARAMETERS]
    assert names == ["data_dir", "rates_pct", "import_base", "year_from", "year_to"]


def test_derived_frames_name_the_tables_behind_them(exports, timeline, trade):
    balance = figures.consistent_balance(trade)
    bill = tables.tariff_bill(tables.choose_import_base(exports, None), [2.5], timeline)
    assert data.tables_of(bill) == ("japan_auto_exports_us", "tariff_timeline")
    assert data.tables_of(tables.cars_share_of_imports(exports, balance)) == ("japan_auto_exports_us", "us_japan_goods_trade")
    assert data.tables_of(tables.with_gaps(balance, 1980, 1990)) == ("us_japan_goods_trade",)
    shares = tables.cars_share_of_imports(exports, balance)
    cars, total = tables.share_evidence(shares)
    assert cars["source_key"].tolist() == shares["source_key_cars"].tolist()
    assert total["source_key"].tolist() == shares["source_key_total"].tolist()


def test_each_maker_keeps_its_colour_role():
    scale = charts.company_scale(["Toyota", "Honda", "A maker with no role"]).to_dict()
    assert scale["domain"] == ["A maker with no role", "Honda", "Toyota"]
    assert scale["range"] == style.colours(["context", "honda", "toyota"])
