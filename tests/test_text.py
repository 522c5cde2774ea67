"""Figures for prose are formatted from data and escaped."""

import pandas as pd
import pytest

from tradetalks import text


def test_formatters():
    assert text.pct(27.5) == "27.5%" and text.pct(15.0) == "15%"
    assert text.usd_bn_from_millions(64448.1) == text.usd_bn(64.4481) == "$64.4 billion"  # the unit is in the name
    assert text.millions(4272145) == "4.27 million" and text.multiple(4.03) == "4.0 times" and text.multiple(0.4) == "40% of"
    assert text.yen_bn(1400) == "¥1,400 billion"
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
