"""The auto_tariffs page's tables, sentences and parameter checks, against values read by hand from data/*.csv."""

import re

import pandas as pd
import pytest

from tradetalks import chartlint, columns, data, figures, style, text
from tradetalks.chapters.auto_tariffs import brief, charts, parameters, sentences, tables
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
    claims = data.load_table(tables.CLAIMS_TABLE)
    checks = sentences.news_report_checks(rounds, figures.consistent_balance(trade), tables.japan_side_shares(exports), claims)
    widening = checks.iloc[1]
    # the last full year's deficit is smaller than the year before's: the "widening" claim is not supported
    assert widening[sentences.VERDICT].startswith("not supported")
    deficit = -figures.consistent_balance(trade).set_index("year")["balance_musd"]
    talks = tables.talks_year(rounds)
    assert deficit[talks - 1] < deficit[talks - 2]
    for year in (talks - 2, talks - 1):
        assert f"{text.usd_bn_from_millions(deficit[year])} in {year}" in widening[sentences.SHOWN]
    # the shares the report's third claim rests on: 2024's three reports, from 28.3% to 30%
    assert checks.iloc[2][sentences.SHOWN].startswith("Autos were 28.3% to 30% of Japan's exports to the U.S. in 2024")
    # no raw notes or ids glued into the cells: the G7 row names the rounds and their dates, and says the summit's
    # timing is reported (the data hold no date for the summit), not derived
    assert checks.iloc[3][sentences.SHOWN] == (
        "Round 6 (13–14 June 2025) aimed at a deal at the G7 summit; the data give the summit no date, so that it came "
        "after this round is reported, not derived. The deal came in round 8 (21–23 July 2025); the data do not record "
        "what the leaders agreed at the summit"
    )


def test_the_data_hold_no_date_for_the_g7_summit():
    """The G7 row says the summit's timing is reported, not derived: true only while no table dates the summit itself.
    A row dating it (a milestone or a timeline entry) should replace that wording with the rounds' dates against it."""
    rounds = data.load_table("negotiation_rounds")
    assert set(rounds["milestone"].dropna()) == {tables.BEFORE_G7, tables.DEAL}
    timeline = data.load_table("tariff_timeline")
    assert not timeline["measure_id"].fillna("").str.contains("g7").any()


def test_news_claims_are_picked_by_claim_id():
    claims = data.load_table(tables.CLAIMS_TABLE)
    picked = tables.news_claims(claims)
    assert picked["claim_id"].tolist() == list(tables.NEWS_CLAIMS.values())
    assert (picked["chapter"] == "auto_tariffs").all() and (picked["text"] == "news report").all()
    with pytest.raises(KeyError, match="news-g7"):
        tables.news_claims(claims[claims["claim_id"] != "news-g7"])


def test_news_verdicts_agree_with_the_claims_page(trade, exports):
    """Every news claim this chapter checks has the verdict the claims page shows for it (a verdict the card
    computes included), and the claim in the same words."""
    from tradetalks.chapters import claims as claims_page

    rounds, claims = data.load_table("negotiation_rounds"), data.load_table(tables.CLAIMS_TABLE)
    checks = sentences.news_report_checks(rounds, figures.consistent_balance(trade), tables.japan_side_shares(exports), claims)
    card, _ = claims_page.tables.checked_claims({"auto_tariffs"} | set(claims["chapter"]))
    card_verdicts = dict(zip(claims["claim_id"], card["verdict"], strict=True))
    assert len(checks) == len(tables.NEWS_CLAIMS)
    for claim_id, (_, row) in zip(tables.NEWS_CLAIMS.values(), checks.iterrows(), strict=True):
        assert row[sentences.VERDICT] == card_verdicts[claim_id], claim_id
        assert row[sentences.CLAIM] == claims.set_index("claim_id").loc[claim_id, "claim"].rstrip("."), claim_id
    # the deficit's recorded verdict still follows the data: it narrowed, so "widening" is not supported
    deficit = -figures.consistent_balance(trade).set_index("year")["balance_musd"]
    talks = tables.talks_year(rounds)
    recorded = claims.set_index("claim_id").loc[tables.NEWS_CLAIMS["deficit"], "verdict"]
    assert recorded == ("supported" if deficit[talks - 1] > deficit[talks - 2] else "not supported")


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
        "checks": sentences.news_report_checks(
            rounds, balance, tables.japan_side_shares(exports), data.load_table(tables.CLAIMS_TABLE, data_dir)
        )[sentences.VERDICT]
        .str[:13]
        .tolist(),
        "before_framework": len(tables.rounds_before(rounds, tables.framework_agreement(timeline)["date"])),
        "window": tables.focus_window(tables.us_car_rate_steps(timeline)),
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


# The duty chart: its title, window and labels, computed from the data


def duty_story(timeline: pd.DataFrame) -> tuple[float, pd.Series, pd.Series, tuple[pd.Timestamp, pd.Timestamp]]:
    steps = tables.us_car_rate_steps(timeline)
    peak, deal = tables.peak_and_deal(tables.rate_changes(steps))
    window = tables.focus_window(steps)
    return tables.step_line(steps, *window)["rate_pct"].iloc[0], peak, deal, window


def test_the_duty_title_states_the_multiple_the_data_give(timeline):
    start_rate, peak, deal, _ = duty_story(timeline)
    title = sentences.duty_title(start_rate, peak, deal)
    assert peak["rate_pct"] / start_rate == 11  # 27.5 / 2.5
    assert title == "The U.S. duty on Japanese cars rose elevenfold, then settled at 15%"
    assert chartlint.problems(title=title, subtitle="%", description="A sentence of five words.", sourced=True, dated=True) == []


@pytest.mark.parametrize(
    ("peak_rate", "deal_rate", "expected"),
    [
        (25.0, 15.0, "The U.S. duty on Japanese cars rose tenfold, then settled at 15%"),
        (7.5, 5.0, "The U.S. duty on Japanese cars tripled, then settled at 5%"),
        (18.3, 10.0, "U.S. duty on Japanese cars rose about 7.3-fold, then settled at 10%"),  # 13 words with "The"
    ],
)
def test_the_duty_title_changes_with_the_data(timeline, peak_rate, deal_rate, expected):
    changed = timeline.copy()
    changed.loc[changed["rate_pct"] == 27.5, "rate_pct"] = peak_rate
    changed.loc[changed["rate_pct"] == 15.0, "rate_pct"] = deal_rate
    start_rate, peak, deal, _ = duty_story(changed)
    title = sentences.duty_title(start_rate, peak, deal)
    assert title == expected
    assert len(chartlint.words(title)) <= chartlint.MAX_TITLE_WORDS


def test_the_duty_chart_focuses_on_the_changes_and_labels_them(timeline):
    start_rate, peak, deal, window = duty_story(timeline)
    # three months before the first change of 2025 (3 April) to three months after the last (16 September)
    assert window == (pd.Timestamp("2025-01-03"), pd.Timestamp("2025-12-16"))
    line = tables.step_line(tables.us_car_rate_steps(timeline), *window)
    assert line["rate_pct"].tolist() == [2.5, 27.5, 15.0, 15.0]
    first_move = tables.moves(tables.rate_changes(tables.us_car_rate_steps(timeline))).iloc[0]
    labels = sentences.duty_labels(window[0], start_rate, first_move, peak, deal)["label"].tolist()
    assert labels == ["2.5% before\nApril 2025", "27.5% from 3 April 2025\nProclamation 10908", "15% from\n16 September 2025"]
    assert sentences.duty_subtitle(window).startswith("Effective U.S. duty on a Japanese passenger car, %, January–December 2025")
    assert sentences.duty_description(start_rate, peak, deal) == (
        "The U.S. duty on a Japanese passenger car rose elevenfold from 2.5% to 27.5% on 3 April 2025 under "
        "Proclamation 10908, then settled at 15% from 16 September 2025."
    )


# The rounds: counted from the data, not typed


def test_the_framework_came_after_the_rounds_held_by_its_date(timeline):
    rounds = data.load_table("negotiation_rounds")
    framework = tables.framework_agreement(timeline)["date"]
    before = tables.rounds_before(rounds, framework)
    assert before["round"].tolist() == [str(number) for number in range(1, 9)]  # the deal came in round 8
    assert tables.before_g7_and_deal(rounds)[1]["round"] == before["round"].iloc[-1]
    assert sentences.rounds_after(before, tables.numbered_rounds(rounds)) == "2 more numbered rounds followed to put it into effect."
    assert sentences.news_round(rounds) == "7th"
    # a framework announced before round 6 began counts 5 rounds
    assert len(tables.rounds_before(rounds, "2025-06-12")) == 5


def test_the_rounds_table_reads_in_words():
    rounds = data.load_table("negotiation_rounds")
    shown = tables.rounds_table(rounds)
    assert list(columns.for_readers(shown).columns) == ["Round", "Dates", "U.S. officials met", "Outcome"]
    assert shown["round_label"].tolist()[5:8] == ["6 (aimed at a deal at the G7 summit)", "7", "8 (deal reached)"]
    assert shown["round_dates"].tolist()[:2] == ["16 April 2025", "1 May 2025"]
    # every span worded by the site's one rule (its cases: tests/test_text.py)
    assert shown["round_dates"].tolist() == [text.date_span(s, e) for s, e in zip(rounds["start_date"], rounds["end_date"], strict=True)]
    assert shown[["us_counterparts", "outcome"]].map(len).max().max() <= tables.CELL_CHARS + 2


def test_long_text_is_cut_at_a_clause_or_a_word():
    assert tables.shortened("short") == "short"
    assert tables.shortened("a" * 70 + "; " + "b " * 40, 100) == "a" * 70 + " …"
    cut = tables.shortened("word " * 40, 50)
    assert cut.endswith(" …") and len(cut) <= 52


# Reader tables: words for headers, no source keys or ids


def test_reader_tables_have_headers_in_words_and_no_source_keys(timeline, trade, exports):
    balance = figures.consistent_balance(trade)
    others = tables.others_named(tables.other_estimates(trade, balance))
    shares = tables.cars_share_of_imports(exports, balance)
    bill = tables.tariff_bill(tables.choose_import_base(exports, None), [2.5, 15], timeline)
    costs = tables.single_makers(tables.automaker_costs(data.load_table("automaker_tariff_impact")))
    shown = [
        tables.steps_shown(tables.us_car_rate_steps(timeline)),
        tables.measures_table(tables.us_measures(timeline)),
        tables.balance_and_others(tables.with_gaps(balance, 1985, 2025), others),
        tables.shares_shown(shares),
        tables.japan_side_shown(tables.japan_side_shares(exports)),
        tables.bill_shown(bill, tables.choose_import_base(exports, None)),
        tables.costs_shown(costs),
        tables.sources_table(tables.sources_of(timeline, balance)),
    ]
    keys = set(data.load_table("sources")["source_key"])
    for frame in shown:
        headers = columns.for_readers(frame).columns
        assert not any(columns.is_identifier(header) for header in headers), list(headers)
        assert "source_key" not in frame.columns
        assert not keys & set(frame.astype(str).stack()), frame.columns


def test_the_balance_tooltip_names_who_produced_each_figure(trade):
    others = tables.others_named(tables.other_estimates(trade, figures.consistent_balance(trade)))
    by = dict(zip(others["source_key"], others["figure_by"], strict=True))
    assert by["usitc_tradeshifts_2007"] == "U.S. International Trade Commission"  # its own page
    assert by["kyodo_2017_deficit2016"] == "U.S. Census Bureau (via The Japan Times (Kyodo))"  # read on a copy
    assert not set(by) & set(by.values())


# The carmakers' costs: the source's qualifier kept, no doubled brackets


def test_the_seven_makers_forecast_keeps_the_sources_qualifier():
    costs = tables.automaker_costs(data.load_table("automaker_tariff_impact"))
    forecast, actual = tables.latest_forecast_and_actual(tables.seven_makers(costs))
    assert sentences.forecast(forecast) == "over ¥2.5 trillion for FY2025 (Apr 2025-Mar 2026)"
    assert sentences.actual(actual) == "about ¥2.1 trillion for Apr-Dec 2025, reported 12 February 2026"
    assert "((" not in sentences.forecast(forecast) and "))" not in sentences.forecast(forecast)
    # the qualifier belongs to the yen figure: "at least $3 billion" beside it is not the yen figure's
    assert sentences.stated_qualifier('¥450 billion (NHK); "at least $3 billion" (WSJ via SAN)') is None
    assert sentences.stated_qualifier("$2.5 billion (about ¥370bn per Yomiuri)") == "about"


def test_the_costs_title_names_the_largest_latest_forecast():
    makers = tables.single_makers(tables.automaker_costs(data.load_table("automaker_tariff_impact")))
    largest = tables.largest_forecast(makers)
    assert (largest["company"], largest["value_jpy_bn"]) == ("Toyota", 1450.0)
    assert sentences.costs_title(largest) == "Toyota's latest tariff-cost forecast is the largest, at ¥1.45 trillion"


# The other charts' titles: numbers computed from the frame drawn


def test_the_bill_title_states_the_largest_bill(exports, timeline):
    base = tables.choose_import_base(exports, None)
    bill = tables.tariff_bill(base, [2.5, 27.5, 15], timeline)
    assert sentences.bill_title(bill) == "At 27.5%, yearly duty on Japanese cars would be about $11 billion"  # 39,933 x 27.5% = 10,982
    assert (
        sentences.bill_title(tables.tariff_bill(base, [50], timeline)) == "At 50%, yearly duty on Japanese cars would be about $20 billion"
    )


def test_the_balance_and_share_titles_follow_the_data(trade, exports):
    balance = figures.consistent_balance(trade)
    assert sentences.balance_title(balance) == "The U.S. had a goods deficit with Japan every year, 1985–2025"
    surplus = balance.assign(balance_musd=balance["balance_musd"].where(balance["year"] != 1990, 5.0))
    assert sentences.balance_title(surplus) == "The U.S. had a goods deficit with Japan in 40 of 41 years"
    latest, deepest = tables.latest_and_deepest(balance)
    assert sentences.balance_labels(latest, deepest)["label"].tolist() == ["2006\n−$89.7bn", "2025\n−$64.4bn"]
    shares = tables.cars_share_of_imports(exports, balance)
    assert sentences.share_title(shares.iloc[-1]) == "Cars were about 27% of U.S. imports from Japan in 2024"


def test_the_in_brief_is_three_findings_from_the_data():
    found = brief.in_brief()
    assert [finding.section for finding in found] == ["auto-tariffs-duty-steps", "auto-tariffs-rounds", "auto-tariffs-carmakers"]
    steps = tables.us_car_rate_steps(data.load_table("tariff_timeline"))
    peak, deal = tables.peak_and_deal(tables.rate_changes(steps))
    start_rate = tables.rate_in_force(steps, tables.focus_window(steps)[0])
    assert found[0].sentence.startswith(
        f"The U.S. duty on a Japanese car {sentences.rise(start_rate, peak['rate_pct'])} to {text.pct(peak['rate_pct'])} "
        f"on {text.date(peak['date'])} under {peak['legal_instrument']}, then settled at {text.pct(deal['rate_pct'])}"
    )
    assert "held 8 rounds of talks" in found[1].sentence and "and 2 more" in found[1].sentence
    assert "over ¥2.5 trillion" in found[2].sentence
    assert all(not re.search(r"\b[a-z]+_[a-z_]+\b", finding.sentence) for finding in found)


def test_the_in_brief_follows_reworded_data(reworded_data):
    """Labels reworded, the findings keep their numbers (the qualifier is read from the figure as reported)."""
    numbers = [re.findall(r"\d[\d,.]*", finding.sentence) for finding in brief.in_brief(str(reworded_data))]
    assert numbers == [re.findall(r"\d[\d,.]*", finding.sentence) for finding in brief.in_brief()]
