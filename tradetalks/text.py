"""Figures for prose: formatted from data and glued into the page's text (never typed)."""

from __future__ import annotations

import math
import re

import pandas as pd
from IPython.display import Markdown

try:  # myst-nb's glue puts a value into the page's prose; outside a book, say() just returns the text
    from myst_nb import glue as _glue
except ImportError:  # pragma: no cover - myst-nb ships with jupyter-book
    _glue = None


# The rounding policy. Prose gives a derived figure to two significant figures ("about 1.3 million
# cars a year"), an exact count only where exactness is the point (``units``), a figure as its source
# states it with the source's qualifier ("over ¥2.5 trillion"), and a gap smaller than the inputs'
# uncertainty as "about the same". Tables and charts follow each field's ``decimals`` instead.
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
    for scale, word in SCALES:
        if abs(value) >= scale:
            return f"{_plain(significant(value / scale, figures))} {word}"
    return _plain(value)


def about(value: float, unit: str = "", figures: int = SIGNIFICANT_FIGURES) -> str:
    """A derived figure as prose gives it: 1293775, 'cars' -> 'about 1.3 million cars'; 'about' only if rounding changed it."""
    shown = rounded(value, figures)
    prefix = "" if significant(value, figures) == value else "about "
    return f"{prefix}{shown}{' ' + unit if unit else ''}"


def pct(value: float, figures: int | None = None) -> str:
    """A percentage as stated (12.5 -> '12.5%', 15.0 -> '15%') or, with ``figures``, rounded: 64.61, 2 -> '65%'."""
    return f"{value:g}%" if figures is None else f"{rounded(value, figures)}%"


def about_pct(value: float, figures: int = SIGNIFICANT_FIGURES) -> str:
    """A derived percentage: 64.61 -> 'about 65%', 15.0 -> '15%'."""
    shown = pct(value, figures)
    return shown if significant(value, figures) == value else f"about {shown}"


def fraction(share_pct: float, tolerance_points: float = 1.5) -> str:
    """A share as a simple fraction when one is within ``tolerance_points``: 33.3 -> 'about a third'; else 'about 29%'."""
    for part, words in FRACTIONS:
        if abs(share_pct - part * 100) <= tolerance_points:
            return f"about {words}"
    return about_pct(share_pct)


def qualified(qualifier: str | None, figure: str) -> str:
    """A figure with the source's own qualifier kept: ('over', '¥2.5 trillion') -> 'over ¥2.5 trillion'."""
    if qualifier is None or not str(qualifier).strip() or str(qualifier) == "nan":
        return figure
    if str(qualifier).strip().lower() not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {qualifier!r}; known: {', '.join(QUALIFIERS)}")
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
    """A billion-USD figure: 68.2532 -> '$68.3 billion'; 1250 -> '$1.25 trillion'."""
    return f"${value_bn / 1000:,.3g} trillion" if abs(value_bn) >= 1000 else f"${value_bn:,.1f} billion"


def millions(count: float, figures: int = SIGNIFICANT_FIGURES) -> str:
    """A count in millions to ``figures`` significant figures: 4272145 -> '4.3 million'."""
    return f"{_plain(significant(count / 1e6, figures))} million"


def multiple(value: float) -> str:
    """One figure over another: 4.03 -> '4.0 times'; below one, a percentage: 0.4 -> '40% of'."""
    return f"{value:,.1f} times" if value >= 1 else f"{value * 100:.0f}% of"


def yen_bn(value: float) -> str:
    """A billion-yen figure: 1400 -> '¥1.4 trillion', 2500 -> '¥2.5 trillion', 350 -> '¥350 billion'."""
    if abs(value) >= 1000:
        return f"¥{_plain(round(value / 1000, 2))} trillion"
    return f"¥{_plain(value)} billion"


def date(value: pd.Timestamp | str) -> str:
    """2025-04-03 -> '3 April 2025'."""
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp.strftime('%B %Y')}"


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
