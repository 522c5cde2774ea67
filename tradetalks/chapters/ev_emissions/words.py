"""Words the page builds once and shows in the reader's language (the Japanese edition, issue 18).

The calculator's inputs carry a basis ("sourced: …", "derived: …", "set by you") that code reads in English: the
calculator's note tells a sourced figure from one counted inside another, the sensitivity keeps the sourced
ranges, the tests and the claims chapter read the same frames. So a frame holds the English, made by ``phrase``
from a message and its fields, and the page shows ``shown(text)``: the same message translated (``tr``) and
filled with the fields' own shown words. Words from the data (a country, a parameter's name) go through ``tr``
as they are (their translations are collected into ``code/ev_emissions.data.po``); a figure as its source states
it (``Figure``) is shown as it is. In English ``shown`` gives back the text it is handed.
"""

from __future__ import annotations

import re
from functools import reduce

from tradetalks.i18n import N_, tr

# Two items of a list whose items may hold commas ("A; B"): one message, so a language joins them its own way.
LIST = N_("{first}; {rest}")

_MADE: dict[str, tuple[str, dict[str, object]]] = {}  # English text -> the message and fields it was made from


class Figure(str):
    """A figure as its source states it ('34.63'): shown as it is in every language."""


def phrase(message: str, **fields: object) -> str:
    """``message`` (an English message, marked with ``N_``) filled with ``fields``, in English; remembered, so that
    ``shown`` can say it in the page's language. A field may be a number, a ``Figure``, another phrase, or words
    from the data."""
    english = message.format(**{name: str(value) if isinstance(value, str) else value for name, value in fields.items()})
    _MADE[english] = (message, fields)
    return english


def shown(text: object) -> str:
    """Words as the page shows them, in its language: a ``phrase`` from its message, a ``Figure`` as it is, any other
    words (from the data) through ``tr``."""
    if isinstance(text, Figure):
        return str(text)
    made = _MADE.get(str(text))
    if made is None:
        return tr(str(text))
    message, fields = made
    return tr(message).format(**{name: shown(value) if isinstance(value, str) else value for name, value in fields.items()})


def data_words(value: object) -> object:
    """A cell from the data as a reader's table shows it: words through ``tr`` ('2025 vintage (latest year 2024)'),
    a bare date or figure as it is ('2024-12')."""
    return tr(value) if isinstance(value, str) and re.search(r"[A-Za-z]", value) else value


def joined(items: list[str]) -> str:
    """Items already in the page's language as one list: 'A; B; C' in English."""
    return reduce(lambda first, rest: tr(LIST).format(first=first, rest=rest), items) if items else ""


def stated_span(value: object) -> str:
    """A range as its source states it ('12.0-12.7'), its ends figures: a phrase, so a language writes its own dash."""
    low, dash, high = str(value).partition("-")
    return phrase(N_("{low}-{high}"), low=Figure(low), high=Figure(high)) if dash and low and high else Figure(str(value))
