"""Figures for prose: formatted from data and glued into the page's text (never typed)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

import pandas as pd
from IPython.display import Markdown

from tradetalks import i18n

try:  # myst-nb's glue puts a value into the page's prose; outside a book, say() just returns the text
    from myst_nb import glue as _glue
except ImportError:  # pragma: no cover - myst-nb ships with jupyter-book
    _glue = None


# The rounding policy. Prose gives a derived figure to two significant figures ("about 1.3 million
# cars a year"), an exact count only where exactness is the point (``units``), a figure as its source
# states it with the source's qualifier ("over ¥2.5 trillion"), and a gap smaller than the inputs'
# uncertainty as "about the same". Tables and charts follow each field's ``decimals`` instead.
# A small count (of countries, models, reports) is a word up to ten ("six countries"), a figure above.
SIGNIFICANT_FIGURES = 2
QUALIFIERS = ("about", "around", "roughly", "nearly", "almost", "over", "more than", "under", "less than", "at least", "up to")
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
FRACTIONS = (
    (1 / 2, "half"),
    (1 / 3, "a third"),
    (2 / 3, "two-thirds"),
    (1 / 4, "a quarter"),
    (3 / 4, "three-quarters"),
    (1 / 5, "a fifth"),
    (1 / 10, "a tenth"),
)
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ORDINAL_WORDS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# The Japanese edition (issue 18) writes the same figures in Japanese units and order: 万, 億 and 兆 for
# large numbers, 約 for "about", no space before a unit, dates as 2025年4月3日, counts in figures.
JA_SCALES = ((1e12, "兆"), (1e8, "億"), (1e4, "万"))
JA_FRACTIONS = ("半分", "3分の1", "3分の2", "4分の1", "4分の3", "5分の1", "10分の1")  # FRACTIONS' parts, in order
JA_ABOUT = "約"
JA_RANGE = "〜"
# a source's qualifier in Japanese: (before the figure, after it)
JA_QUALIFIERS = {
    "about": ("約", ""),
    "around": ("約", ""),
    "roughly": ("およそ", ""),
    "nearly": ("", "近く"),
    "almost": ("ほぼ", ""),
    "over": ("", "超"),
    "more than": ("", "超"),
    "under": ("", "未満"),
    "less than": ("", "未満"),
    "at least": ("", "以上"),
    "up to": ("最大", ""),
}
# a rank below the first, in words a superlative takes (text.superlative): translated like any message
RANKED = {"largest": i18n.N_("{rank}th-largest"), "lowest": i18n.N_("{rank}th-lowest"), "highest": i18n.N_("{rank}th-highest")}
FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH = re.compile(r"\d{4}-\d{2}")
YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def _ja() -> bool:
    return i18n.current() == "ja"


def significant(value: float, figures: int = SIGNIFICANT_FIGURES) -> float:
    """``value`` rounded to ``figures`` significant figures: 1293775 -> 1300000.0, 0.4412 -> 0.44."""
    if value == 0 or not math.isfinite(value):
        return float(value)
    return round(value, figures - 1 - math.floor(math.log10(abs(value))))


def _plain(value: float) -> str:
    """A rounded number with thousands separators and no trailing zeros: 17000.0 -> '17,000', 0.440 -> '0.44'."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def rounded(value: float, figures: int = SIGNIFICANT_FIGURES) -> str:
    """A number to ``figures`` significant figures, large ones in words: 1293775 -> '1.3 million', 16707 -> '17,000'."""
    value = significant(value, figures)
    if _ja():
        for scale, word in JA_SCALES:
            if abs(value) >= scale:
                return f"{_plain(significant(value / scale, figures)).replace(',', '')}{word}"  # 1万7000, not 1,7000
        return _plain(value)
    for scale, word in SCALES:
        if abs(value) >= scale:
            return f"{_plain(significant(value / scale, figures))} {word}"
    return _plain(value)


def about(value: float, unit: str = "", figures: int = SIGNIFICANT_FIGURES) -> str:
    """A derived figure as prose gives it: 1293775, 'cars' -> 'about 1.3 million cars'; 'about' only if rounding changed it."""
    shown = rounded(value, figures)
    if _ja():  # the unit is a message: 'cars' -> '台'
        return f"{'' if significant(value, figures) == value else JA_ABOUT}{shown}{i18n.tr(unit) if unit else ''}"
    prefix = "" if significant(value, figures) == value else "about "
    return f"{prefix}{shown}{' ' + unit if unit else ''}"


def pct(value: float, figures: int | None = None) -> str:
    """A percentage as stated (12.5 -> '12.5%', 15.0 -> '15%') or, with ``figures``, rounded: 64.61, 2 -> '65%'."""
    return f"{value:g}%" if figures is None else f"{rounded(value, figures)}%"


def about_pct(value: float, figures: int = SIGNIFICANT_FIGURES) -> str:
    """A derived percentage: 64.61 -> 'about 65%', 15.0 -> '15%'."""
    shown = pct(value, figures)
    if significant(value, figures) == value:
        return shown
    return f"{JA_ABOUT}{shown}" if _ja() else f"about {shown}"


def fraction(share_pct: float, tolerance_points: float = 1.5) -> str:
    """A share as a simple fraction when one is within ``tolerance_points``: 33.3 -> 'about a third'; else 'about 29%'."""
    for (part, words), ja_words in zip(FRACTIONS, JA_FRACTIONS, strict=True):
        if abs(share_pct - part * 100) <= tolerance_points:
            return f"{JA_ABOUT}{ja_words}" if _ja() else f"about {words}"
    return about_pct(share_pct)


def qualified(qualifier: str | None, figure: str) -> str:
    """A figure with the source's own qualifier kept: ('over', '¥2.5 trillion') -> 'over ¥2.5 trillion'."""
    if qualifier is None or not str(qualifier).strip() or str(qualifier) == "nan":
        return figure
    if str(qualifier).strip().lower() not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}; known: {', '.join(QUALIFIERS)}")
    if _ja():
        before, after = JA_QUALIFIERS[str(qualifier).strip().lower()]
        return f"{before}{figure}{after}"
    return f"{str(qualifier).strip().lower()} {figure}"


def compare(value: float, other: float, uncertainty: float, *, more: str = "more than", less: str = "less than") -> str:
    """How ``value`` stands to ``other`` when either may be off by ``uncertainty`` (same units): a gap
    no larger than that is 'about the same as', never '70.2 < 71.2'."""
    if abs(value - other) <= uncertainty:
        return "about the same as"
    return more if value > other else less


def units(value: float) -> str:
    """An exact count, where exactness is the point: 16707 -> '16,707'."""
    return f"{value:,.0f}"


def usd_bn_from_millions(value_musd: float) -> str:
    """A million-USD figure in billions: 64448.0 -> '$64.4 billion'."""
    return usd_bn(value_musd / 1000)


def usd_bn(value_bn: float) -> str:
    """A billion-USD figure: 68.2532 -> '$68.3 billion'; 1250 -> '$1.25 trillion' (Japanese: '683億ドル', '1.25兆ドル')."""
    if _ja():
        return f"{value_bn / 1000:,.3g}兆ドル" if abs(value_bn) >= 1000 else f"{value_bn * 10:.0f}億ドル"
    return f"${value_bn / 1000:,.3g} trillion" if abs(value_bn) >= 1000 else f"${value_bn:,.1f} billion"


def millions(count: float, figures: int = SIGNIFICANT_FIGURES) -> str:
    """A count in millions to ``figures`` significant figures: 4272145 -> '4.3 million' (Japanese: '430万')."""
    if _ja():
        return rounded(count, figures)
    return f"{_plain(significant(count / 1e6, figures))} million"


def times(value: float) -> str:
    """A derived ratio to two significant figures, 'about' only if rounding changed it: 3.184 -> 'about 3.2 times',
    4.03 -> 'about 4 times', 11.0 -> '11 times' (for "... as many as", "... as high")."""
    return f"{about(value)}倍" if _ja() else f"{about(value)} times"


def multiple(value: float) -> str:
    """One figure against another, for "X is <multiple> Y": 4.03 -> 'about 4 times'; below one a derived
    percentage, 0.39 -> 'about 39% of'; 0 -> '0% of'."""
    if value < 1 and _ja():
        return about_pct(value * 100)  # the Japanese sentence says whose share it is
    return times(value) if value >= 1 else f"{about_pct(value * 100)} of"


def count_words(count: int) -> str:
    """A count as prose writes it: up to ten in words (0 -> 'no', 6 -> 'six'), above in figures (11 -> '11', 1250 -> '1,250')."""
    if _ja():
        return f"{count:,}"
    return NUMBER_WORDS[count] if 0 <= count < len(NUMBER_WORDS) else f"{count:,}"


def ordinal(number: int) -> str:
    """A rank in figures: 7 -> '7th', 22 -> '22nd', 11 -> '11th' (Japanese: '第7')."""
    if _ja():
        return f"第{number}"
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def ordinal_words(number: int) -> str:
    """A rank in words up to tenth (2 -> 'second'), in figures after it (12 -> '12th'); Japanese: '第2'."""
    if _ja():
        return ordinal(number)
    return ORDINAL_WORDS[number] if 0 < number < len(ORDINAL_WORDS) else ordinal(number)


def superlative(rank: int, word: str) -> str:
    """A rank with its superlative: (1, 'largest') -> 'largest', (2, 'lowest') -> 'second-lowest' (Japanese: from the
    catalog, '最大', '第2位')."""
    if _ja():
        return i18n.tr(word) if rank == 1 else i18n.tr(RANKED[word]).format(rank=rank)
    return word if rank == 1 else f"{ordinal_words(rank)}-{word}"


def listed(items: Sequence[str]) -> str:
    """Items as prose lists them: 'a', 'a and b', 'a, b and c' ('' for none)."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if _ja():
        return "と".join(items) if len(items) == 2 else "、".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def usd(value: float) -> str:
    """A dollar figure as stated, in whole dollars: 49814 -> '$49,814' (a car's price; Japanese: '49,814ドル')."""
    if _ja():
        return f"{value:,.0f}ドル"
    return f"${value:,.0f}"


def about_usd_bn(value_bn: float) -> str:
    """A derived billion-USD sum to two significant figures: 10.9816 -> 'about $11 billion', 64.0 -> '$64 billion'."""
    if _ja():
        return f"{'' if significant(value_bn) == value_bn else JA_ABOUT}{rounded(value_bn * 1e9)}ドル"
    shown = f"${rounded(value_bn * 1e9)}"
    return shown if significant(value_bn) == value_bn else f"about {shown}"


def yen_bn(value: float) -> str:
    """A billion-yen figure: 1400 -> '¥1.4 trillion', 2500 -> '¥2.5 trillion', 350 -> '¥350 billion' (Japanese: '1.4兆円',
    '3500億円')."""
    if _ja():
        return f"{_plain(round(value / 1000, 2))}兆円" if abs(value) >= 1000 else f"{_plain(value * 10).replace(',', '')}億円"
    if abs(value) >= 1000:
        return f"¥{_plain(round(value / 1000, 2))} trillion"
    return f"¥{_plain(value)} billion"


def date(value: pd.Timestamp | str) -> str:
    """2025-04-03 -> '3 April 2025' (Japanese: '2025年4月3日')."""
    stamp = pd.Timestamp(value)
    if _ja():
        return f"{stamp.year}年{stamp.month}月{stamp.day}日"
    return f"{stamp.day} {stamp.strftime('%B %Y')}"


def month(value: pd.Timestamp | str) -> str:
    """A month: '2025-05' -> 'May 2025'."""
    stamp = pd.Timestamp(f"{value}-01" if isinstance(value, str) and MONTH.fullmatch(value) else value)
    return f"{stamp.year}年{stamp.month}月" if _ja() else stamp.strftime("%B %Y")


def reader_date(value: object) -> object:
    """A date cell in words: '2025-04-03' -> '3 April 2025', '2026-02' -> 'February 2026'; anything else (a year,
    'pre-2025', a gap) as it is."""
    if isinstance(value, str) and FULL_DATE.fullmatch(value):
        return date(value)
    if isinstance(value, str) and MONTH.fullmatch(value):
        return month(value)
    return value


def date_span(start: object, end: object, *, to: str = "–") -> str:
    """Two date cells as one span, month and year said once: '5–6 June 2025', '30 April–2 May 2025', one day as
    '16 April 2025', other cells as ``reader_date`` words them. ``to`` joins the ends (' to ' after 'from')."""
    if start == end:
        return str(reader_date(start))
    to = JA_RANGE if _ja() else to
    if not (isinstance(start, str) and isinstance(end, str) and FULL_DATE.fullmatch(start) and FULL_DATE.fullmatch(end)):
        return f"{reader_date(start)}{to}{reader_date(end)}"
    first, last = pd.Timestamp(start), pd.Timestamp(end)
    if _ja():
        if (first.year, first.month) == (last.year, last.month):
            return f"{date(first)[:-1]}{JA_RANGE}{last.day}日"
        if first.year == last.year:
            return f"{date(first)}{JA_RANGE}{last.month}月{last.day}日"
        return f"{date(first)}{JA_RANGE}{date(last)}"
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{to}{last.day} {last.strftime('%B %Y')}"
    if first.year == last.year:
        return f"{first.day} {first.strftime('%B')}{to}{last.day} {last.strftime('%B %Y')}"
    return f"{date(first)}{to}{date(last)}"


def years_in(cells: Iterable[object]) -> list[int]:
    """Every four-digit year written in some cells, sorted, each once: ['MY2025 (King Ranch)', '2017-2023 model'] -> [2017, 2023, 2025]."""
    return sorted({int(year) for cell in cells if not pd.isna(cell) for year in YEAR.findall(str(cell))})


def year_span(years: Iterable[object], *, short: bool = False) -> str:
    """The years some values span, first–last: [2015, 2019, 2024] -> '2015–2024'; one year alone: '2024'. Values may be
    numbers or numeric text (gaps and non-numbers are skipped). ``short`` drops the century of the second year when both
    share it: '2025–26'. Raises ValueError when there is no year."""
    found = sorted({int(year) for year in pd.to_numeric(pd.Series(list(years), dtype=object), errors="coerce").dropna()})
    if not found:
        raise ValueError("no year to span")
    first, last = found[0], found[-1]
    if first == last:
        return str(first)
    if _ja():
        return f"{first}{JA_RANGE}{str(last)[2:] if short and str(first)[:2] == str(last)[:2] else last}"
    return f"{first}–{str(last)[2:]}" if short and str(first)[:2] == str(last)[:2] else f"{first}–{last}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~$&!])")


def as_markdown_text(text: str) -> str:
    """Plain text made safe for Markdown: no HTML, links, emphasis or roles can come from data."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


class Code(str):
    """Text a reader types, such as a command with figures from the data: glued as inline code, verbatim."""

    def as_markdown(self) -> str:
        if "`" in self or "\n" in self:
            raise ValueError(f"inline code cannot hold a backtick or a line break: {str(self)!r}")
        return f"`{self}`"


def say(name: str, text: str) -> str:
    """Glue plain ``text`` (escaped; a ``Code`` verbatim, as code) under ``name`` for the page's prose
    ({glue:md}`name`); return it."""
    if _glue is not None:
        shown = text.as_markdown() if isinstance(text, Code) else as_markdown_text(text)
        _glue(name, Markdown(shown), display=False)
    return text
