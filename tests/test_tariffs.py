"""Chapter 1 helpers, checked against values read by hand from data/*.csv."""

import pandas as pd
import pytest

from tradetalks import data, tariffs
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
    steps = tariffs.us_car_rate_steps(timeline)
    assert tariffs.rate_regimes(steps) == [2.5, 27.5, 15.0]
    changes = tariffs.rate_changes(steps)
    assert changes["date"].dt.strftime("%Y-%m-%d").tolist() == ["2019-05-17", "2025-04-03", "2025-09-16"]
    assert steps["date"].is_monotonic_increasing


def test_baseline_and_japan_rates(timeline):
    assert tariffs.baseline_rate(timeline) == 2.5
    assert tariffs.japan_car_tariff(timeline) == 0.0


def test_consistent_balance_has_every_year_once(trade):
    series = tariffs.consistent_balance(trade)
    assert series["year"].tolist() == list(range(1985, 2026))
    assert series.loc[series["year"] == 2014, "balance_musd"].item() == -67612.7  # Aug-2024 vintage (cesinco)
    assert series.loc[series["year"] == 2025, "balance_musd"].item() == -64448.1  # 2026 vintage


def test_gaps_stay_gaps():
    series = pd.DataFrame({"year": [2000, 2002], "balance_musd": [-1.0, -2.0]})
    filled = tariffs.with_gaps(series, 2000, 2002)
    assert filled["year"].tolist() == [2000, 2001, 2002]
    assert filled["balance_musd"].isna().tolist() == [False, True, False]


def test_other_estimates_only_where_they_differ(trade):
    series = tariffs.consistent_balance(trade)
    others = tariffs.other_estimates(trade, series)
    # 2023 in the superseded March-2026 scrape differs from the consistent series
    row = others[(others["year"] == 2023) & (others["source_key"] == "census_c5880_scrape_2026_03")]
    assert row["balance_musd"].item() == -71411.8
    # the atsd copy repeats 1985-2013 exactly: not shown as a conflict
    assert not ((others["source_key"] == "census_country_xlsx_via_atsd") & (others["year"] == 1990)).any()


def test_import_base_default_and_unknown(exports):
    row = tariffs.choose_import_base(exports, None)
    assert (row["period"], row["value"]) == ("2024", 39933.0)
    with pytest.raises(ParameterError, match="valid values: .*2024:opportimes_japan_cars_2025"):
        tariffs.choose_import_base(exports, "2099:nowhere")


def test_bill_on_the_default_base(exports, timeline):
    row = tariffs.choose_import_base(exports, None)
    bill = tariffs.tariff_bill(row, tariffs.rate_regimes(tariffs.us_car_rate_steps(timeline)))
    assert bill["duty_owed"].tolist() == pytest.approx([39933 * 0.025, 39933 * 0.275, 39933 * 0.15])


def test_check_parameters_defaults_from_data():
    assert tariffs.check_parameters(None, None, None, list(range(1985, 2026))) == (None, 1985, 2025)
    with pytest.raises(ParameterError, match="year_from"):
        tariffs.check_parameters(None, 2020, 2000, list(range(1985, 2026)))
    with pytest.raises(ParameterError, match="between 0 and"):
        tariffs.check_parameters([-5], None, None, list(range(1985, 2026)))


def test_cars_share_is_derived_from_both_tables(exports, trade):
    shares = tariffs.cars_share_of_imports(exports, tariffs.consistent_balance(trade))
    row = shares[shares["year"] == 2024].iloc[0]
    assert row["cars_share_pct"] == pytest.approx(100 * 39933 / 147116.5)


def test_classify_cost():
    assert tariffs.classify_cost("forecast tariff hit to operating profit") == "forecast"
    assert tariffs.classify_cost("actual tariff costs") == "actual"
    with pytest.raises(ParameterError):
        tariffs.classify_cost("mystery")


def test_news_report_checks_compute_the_verdict(trade, exports):
    rounds = data.load_table("negotiation_rounds")
    checks = tariffs.news_report_checks(rounds, tariffs.consistent_balance(trade), tariffs.japan_side_shares(exports))
    widening = checks.iloc[1]
    # 2024 deficit (68,253.1) is smaller than 2023's (71,426.8): the "widening" claim is not supported
    assert widening["verdict"].startswith("not supported")
    assert "71.4" in widening["what the data shows"] and "68.3" in widening["what the data shows"]
