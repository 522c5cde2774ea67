"""The page's number formats, the unit in each name: shared by its reader's tables, chart labels and sentences.

Prose follows the rounding policy of ``tradetalks.text``: a figure this page derives (grams per km,
a break-even) to two or three significant figures, a figure a source states as stated.
"""

from __future__ import annotations

from tradetalks import text

# Grams per km and grams per kWh in prose: three significant figures (70.4 g/km, 483 g/kWh); the
# calculator's inputs (a grid's 483.43, a WLTC figure) carry no more.
FIGURES = 3


def number(value: float) -> str:
    """A figure for a reader: 150000.0 -> '150,000', 482.3 -> '482.3', 0.439801 -> '0.4398'."""
    return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:.4g}"


def g_km(value: float, figures: int = FIGURES) -> str:
    """69.94 -> '69.9 g/km', 107.05 -> '107 g/km'."""
    return f"{text.rounded(value, figures)} g/km"


def g_kwh(value: float, figures: int = FIGURES) -> str:
    """482.3 -> '482 g/kWh', 30.7 -> '30.7 g/kWh'."""
    return f"{text.rounded(value, figures)} g/kWh"


def about_g_km(value: float) -> str:
    """A derived gap or swing in g/km, to two significant figures: 58.4 -> 'about 58 g/km'."""
    return text.about(value, "g/km")


def about_g_kwh(value: float) -> str:
    """A derived break-even in g/kWh, to two significant figures: 236.97 -> 'about 240 g/kWh'."""
    return text.about(value, "g/kWh")


def yen_kwh(value: float) -> str:
    """A price as its source states it: 34.0 -> '34 yen/kWh', 21.39 -> '21.39 yen/kWh'."""
    return f"{value:g} yen/kWh"
