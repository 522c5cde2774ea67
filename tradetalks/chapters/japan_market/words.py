"""Joining words in the page's language (issue 18): lists, sentences and words from the data, through ``tr``.

English joins items with ", " or "; " and sentences with a space; Japanese joins items with "、" and sentences with
nothing. Each join is a message (the English one is the identity), so the chapter's code builds one text for both.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from tradetalks.i18n import tr

LETTERS = re.compile(r"[A-Za-z]")


def _joined(items: Iterable[str], message: str) -> str:
    items = [str(item) for item in items]
    if not items:
        return ""
    joined = items[0]
    for item in items[1:]:
        joined = message.format(items=joined, item=item)
    return joined


def commas(items: Iterable[str]) -> str:
    """'a, b, c' ('a、b、c' in Japanese)."""
    return _joined(items, tr("{items}, {item}"))


def semicolons(items: Iterable[str]) -> str:
    """'a; b; c' ('a、b、c' in Japanese)."""
    return _joined(items, tr("{items}; {item}"))


def sentences(parts: Iterable[str]) -> str:
    """Whole sentences one after another: 'A. B.' ('A。B。' in Japanese)."""
    return _joined(parts, tr("{items} {item}"))


def data(value: object) -> object:
    """A word or text from the data (a brand, a model, a claimant, a qualifier) as the page shows it: translated in a
    translated edition (the run collects it into code/<chapter>.data.po); a gap or a number as it is."""
    if isinstance(value, str) and value.strip():
        return tr(value)
    return value


def data_if_words(value: object) -> object:
    """A cell that may be a plain date or year ('2013-05-10', '2014') or words ('2017 plan / 2021'): words are translated
    like ``data``, dates and years stay as they are."""
    if isinstance(value, str) and LETTERS.search(value):
        return tr(value)
    return value


def year(value: object) -> str:
    """A year on its own in running text: '2017' ('2017年' in Japanese); an as-of cell with words is translated."""
    cell = str(value).strip()
    if re.fullmatch(r"\d{4}", cell):
        return tr("{year}").format(year=cell)
    return str(data_if_words(cell))


def column(frame: pd.DataFrame, name: str, translate=data) -> pd.DataFrame:
    """``frame`` with one column's cells passed through ``translate`` (a copy; English unchanged)."""
    if name not in frame:
        return frame
    return frame.assign(**{name: frame[name].map(translate)})
