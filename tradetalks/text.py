"""Figures for prose: formatted from data and glued into the page's text (never typed)."""

from __future__ import annotations

import re

import pandas as pd
from IPython.display import Markdown

try:  # myst-nb's glue puts a value into the page's prose; outside a book, say() just returns the text
    from myst_nb import glue as _glue
except ImportError:  # pragma: no cover - myst-nb ships with jupyter-book
    _glue = None


def units(value: float) -> str:
    """A count of things: 1293774.8 -> '1,293,775'."""
    return f"{value:,.0f}"


def pct(value: float) -> str:
    """12.5 -> '12.5%', 15.0 -> '15%'."""
    return f"{value:g}%"


def usd_bn_from_millions(value_musd: float) -> str:
    """A million-USD figure in billions: 64448.0 -> '$64.4 billion'."""
    return usd_bn(value_musd / 1000)


def usd_bn(value_bn: float) -> str:
    """A billion-USD figure: 68.2532 -> '$68.3 billion'."""
    return f"${value_bn:,.1f} billion"


def millions(count: float, digits: int = 2) -> str:
    """A count in millions: 4272145 -> '4.27 million' (``digits`` decimals)."""
    return f"{count / 1e6:.{digits}f} million"


def multiple(value: float) -> str:
    """One figure over another: 4.03 -> '4.0 times'; below one, a percentage: 0.4 -> '40% of'."""
    return f"{value:,.1f} times" if value >= 1 else f"{value * 100:.0f}% of"


def yen_bn(value: float) -> str:
    """A billion-yen figure: 1400 -> '¥1,400 billion'."""
    return f"¥{value:,.0f} billion"


def date(value: pd.Timestamp | str) -> str:
    """2025-04-03 -> '3 April 2025'."""
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {stamp.strftime('%B %Y')}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}<>#|~$&!])")


def as_markdown_text(text: str) -> str:
    """Plain text made safe for Markdown: no HTML, links, emphasis or roles can come from data."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def say(name: str, text: str) -> str:
    """Glue plain ``text`` (escaped) under ``name`` for the page's prose ({glue:md}`name`); return it."""
    if _glue is not None:
        _glue(name, Markdown(as_markdown_text(text)), display=False)
    return text
