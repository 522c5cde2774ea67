"""Figures for prose are formatted from data and escaped."""

import pandas as pd
import pytest

from tradetalks import text


def test_formatters():
    assert text.pct(27.5) == "27.5%" and text.pct(15.0) == "15%"
    assert text.usd_bn_from_millions(64448.1) == text.usd_bn(64.4481) == "$64.4 billion"  # the unit is in the name
    assert text.millions(4272145) == "4.3 million" and text.multiple(4.03) == "4.0 times" and text.multiple(0.4) == "40% of"
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
