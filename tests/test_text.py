"""Figures for prose are formatted from data and escaped."""

import pandas as pd

from tradetalks import text


def test_formatters():
    assert text.pct(27.5) == "27.5%" and text.pct(15.0) == "15%"
    assert text.usd_bn(64448.1) == "$64.4 billion"
    assert text.yen_bn(1400) == "¥1,400 billion"
    assert text.date(pd.Timestamp("2025-04-03")) == "3 April 2025"


def test_data_text_cannot_become_markup():
    escaped = text.as_markdown_text('EO <img src=x onerror="x()"> *bold* [link](http://x) {glue:md}`k` & $x$')
    assert "<img" not in escaped.replace("\\<img", "")
    assert escaped == 'EO \\<img src=x onerror="x()"\\> \\*bold\\* \\[link\\](http://x) \\{glue:md\\}\\`k\\` \\& \\$x\\$'


def test_say_returns_the_plain_text():
    assert text.say("unit_test_value", "a_b") == "a_b"
