"""Figures for prose are formatted from data and escaped."""

import pandas as pd
import pytest

from tradetalks import text


def test_formatters():
    assert text.pct(27.5) == "27.5%" and text.pct(15.0) == "15%"
    assert text.usd_bn_from_millions(64448.1) == text.usd_bn(64.4481) == "$64.4 billion"  # the unit is in the name
    assert text.millions(4272145) == "4.3 million"
    assert text.yen_bn(350) == "¥350 billion" and text.yen_bn(2500) == "¥2.5 trillion"
    assert text.date(pd.Timestamp("2025-04-03")) == "3 April 2025"


def test_data_text_cannot_become_markup():
    escaped = text.as_markdown_text('EO <img src=x onerror="x()"> *bold* [link](http://x) {glue:md}`k` & $x$')
    assert "<img" not in escaped.replace("\\<img", "")
    assert escaped == 'EO \\<img src=x onerror="x()"\\> \\*bold\\* \\[link\\](http://x) \\{glue:md\\}\\`k\\` \\& \\$x\\$'


def test_say_returns_the_plain_text():
    assert text.say("unit_test_value", "a_b") == "a_b"


def test_one_list_parser_for_parameters_given_as_text():
    from tradetalks.params import ParameterError, as_list

    assert as_list("countries", '["Japan", "China"]') == ["Japan", "China"]
    assert as_list("countries", "Japan") == ["Japan"] and as_list("countries", ("a",)) == ["a"]
    with pytest.raises(ParameterError, match="countries must be a list"):
        as_list("countries", 3)
    with pytest.raises(ParameterError, match="countries must be a list such as"):
        as_list("countries", '["Japan"')


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1_293_775, "about 1.3 million"),  # a derived count: two significant figures, in words
        (1_300_000, "1.3 million"),  # already round: no "about"
        (16_707, "about 17,000"),
        (0.4412, "about 0.44"),
        (7.64, "about 7.6"),
        (3_300_000_000, "3.3 billion"),
        (-64_448, "about -64,000"),
        (0, "0"),
    ],
)
def test_rounding_policy_for_derived_figures(value, expected):
    assert text.about(value) == expected


def test_rounding_policy_percentages_fractions_and_units():
    assert text.about(1_293_775, "cars a year") == "about 1.3 million cars a year"
    assert text.about_pct(64.61) == "about 65%" and text.about_pct(15.0) == "15%" and text.pct(64.61, 2) == "65%"
    assert text.fraction(33.3) == "about a third" and text.fraction(50.4) == "about half" and text.fraction(29.4) == "about 29%"
    assert text.rounded(1_293_775, 3) == "1.29 million" and text.significant(0.004419, 2) == 0.0044


def test_source_qualifiers_are_kept():
    assert text.qualified("over", text.yen_bn(2500)) == "over ¥2.5 trillion"
    assert text.qualified("Roughly", text.millions(3_300_000)) == "roughly 3.3 million"
    assert text.qualified(None, "3.3 million") == text.qualified("", "3.3 million") == "3.3 million"
    with pytest.raises(ValueError, match="unknown qualifier 'circa'"):
        text.qualified("circa", "3.3 million")


def test_gaps_within_the_uncertainty_read_as_about_the_same():
    assert text.compare(70.2, 71.2, uncertainty=5) == "about the same as"
    assert text.compare(90, 71.2, uncertainty=5) == "more than" and text.compare(50, 71.2, uncertainty=5, less="lower than") == "lower than"


def test_a_command_is_glued_as_code_not_escaped_prose():
    assert text.Code("python -m tradetalks run x -p rate 2.5").as_markdown() == "`python -m tradetalks run x -p rate 2.5`"
    with pytest.raises(ValueError, match="cannot hold a backtick"):
        text.Code("a `b`").as_markdown()


@pytest.mark.parametrize(
    ("value", "times", "multiple"),
    [
        (3.184, "about 3.2 times", "about 3.2 times"),  # a derived ratio: two significant figures
        (4.03, "about 4 times", "about 4 times"),  # in figures: the chapters show the same ratios
        (11.0, "11 times", "11 times"),  # already round: no "about"
        (27.4, "about 27 times", "about 27 times"),
        (10.29, "about 10 times", "about 10 times"),
        (0.394, "about 0.39 times", "about 39% of"),  # "X is 39% of Y" below one
        (0.4, "0.4 times", "40% of"),
        (0.0, "0 times", "0% of"),
    ],
)
def test_ratios_read_as_times_or_as_a_share(value, times, multiple):
    assert text.times(value) == times and text.multiple(value) == multiple


@pytest.mark.parametrize(
    ("count", "words"),
    [(0, "no"), (1, "one"), (6, "six"), (10, "ten"), (11, "11"), (12, "12"), (1250, "1,250")],
)
def test_small_counts_are_words(count, words):
    assert text.count_words(count) == words


@pytest.mark.parametrize(
    ("rank", "figures", "words", "lowest"),
    [
        (1, "1st", "first", "lowest"),
        (2, "2nd", "second", "second-lowest"),
        (3, "3rd", "third", "third-lowest"),
        (4, "4th", "fourth", "fourth-lowest"),
        (11, "11th", "11th", "11th-lowest"),
        (12, "12th", "12th", "12th-lowest"),
        (13, "13th", "13th", "13th-lowest"),
        (21, "21st", "21st", "21st-lowest"),
        (22, "22nd", "22nd", "22nd-lowest"),
        (111, "111th", "111th", "111th-lowest"),
    ],
)
def test_ranks(rank, figures, words, lowest):
    assert text.ordinal(rank) == figures and text.ordinal_words(rank) == words and text.superlative(rank, "lowest") == lowest


@pytest.mark.parametrize(
    ("items", "words"),
    [([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c"), (("x", "y"), "x and y")],
)
def test_lists_read_with_and(items, words):
    assert text.listed(items) == words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2025-04-03", "3 April 2025"),
        ("2026-02", "February 2026"),
        ("2024", "2024"),  # a year as it is
        ("pre-2025", "pre-2025"),
        ("c.2019-2020", "c.2019-2020"),
        (None, None),  # a gap stays a gap
    ],
)
def test_date_cells_in_words(value, words):
    assert text.reader_date(value) == words


@pytest.mark.parametrize(
    ("start", "end", "to", "words"),
    [
        ("2025-04-16", "2025-04-16", "–", "16 April 2025"),  # one day
        ("2025-06-05", "2025-06-06", "–", "5–6 June 2025"),  # month and year said once
        ("2025-04-30", "2025-05-02", "–", "30 April–2 May 2025"),
        ("2025-12-30", "2026-01-02", "–", "30 December 2025–2 January 2026"),
        ("2026-02", "2026-02", "–", "February 2026"),
        ("2026-02", "2026-03-06", "–", "February 2026–6 March 2026"),
        ("2025-06-26", "2025-06-28", " to ", "26 to 28 June 2025"),  # after "from" in a sentence
        ("2025-06-13", "2025-06-13", " to ", "13 June 2025"),
    ],
)
def test_date_spans(start, end, to, words):
    assert text.date_span(start, end, to=to) == words


@pytest.mark.parametrize(
    ("years", "short", "words"),
    [
        ([2015, 2019, 2024], False, "2015–2024"),
        ([2024, 2024], False, "2024"),  # one year, not '2024–2024'
        (pd.Series([2021, None, 2018]), False, "2018–2021"),  # gaps skipped
        (["2019", "2025"], False, "2019–2025"),
        ([2025, 2026], True, "2025–26"),
        ([1988, 2018], True, "1988–2018"),  # another century: both in full
        ([2025], True, "2025"),
    ],
)
def test_year_spans(years, short, words):
    assert text.year_span(years, short=short) == words


def test_a_span_of_no_year_is_an_error():
    with pytest.raises(ValueError, match="no year"):
        text.year_span([None, "n/a"])


def test_years_written_in_cells():
    cells = ["MY2025 (King Ranch SuperCrew); MY2020 SuperCrew", "2017-2023 model", None, "2025-08..2025-12", 12345]
    assert text.years_in(cells) == [2017, 2020, 2023, 2025]


@pytest.mark.parametrize(
    ("value_bn", "words"),
    [(10.9816, "about $11 billion"), (64.0, "$64 billion"), (1.02, "about $1 billion"), (0.4449, "about $440 million")],
)
def test_derived_dollar_sums(value_bn, words):
    assert text.about_usd_bn(value_bn) == words


def test_prices_as_stated():
    assert text.usd(49814) == "$49,814" and text.usd(29100.0) == "$29,100"


@pytest.mark.parametrize(
    ("candidates", "chosen"),
    [
        (("Mercedes-Benz alone sold about 3.2 times as many as all U.S. brands", "Mercedes-Benz outsold"), 0),
        (("A title of thirteen words is one word longer than a chart title may be", "Short title"), 1),
        (
            (
                "Thirteen words here and then some more words to pass the twelve word limit",
                "Still thirteen words here and more words to pass the twelve word limit",
            ),
            1,
        ),
    ],
)
def test_the_first_title_that_fits_is_chosen(candidates, chosen):
    from tradetalks import chartlint

    assert chartlint.fitting_title(*candidates) == candidates[chosen]  # else the last, the shortest offered
    assert len(chartlint.words(candidates[0])) > chartlint.MAX_TITLE_WORDS or chosen == 0
