"""The page's number formats, the unit in each name: shared by its reader's tables, chart labels and sentences.

Prose follows the rounding policy of ``tradetalks.text``: a figure this page derives (grams per km,
a break-even) to two or three significant figures, a figure a source states as stated.
"""

from __future__ import annotations

from tradetalks import i18n, text
from tradetalks.i18n import N_, tr

# Grams per km and grams per kWh in prose: three significant figures (70.4 g/km, 483 g/kWh); the
# calculator's inputs (a grid's 483.43, a WLTC figure) carry no more.
FIGURES = 3


def number(value: float) -> str:
    """A figure for a reader: 150000.0 -> '150,000', 482.3 -> '482.3', 0.439801 -> '0.4398'."""
    return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:.4g}"


def figure(value: float) -> str:
    """A figure inside a sentence: as ``number`` writes it, large ones in the language's own units where it has
    them (Japanese: 150000.0 -> '15万')."""
    if abs(value) < 10_000 or i18n.current() == i18n.SOURCE_LANGUAGE:
        return number(value)
    return text.rounded(value, 6)  # exact: six significant figures hold any lifetime distance the data give


# A figure and its unit: messages, so a language writes its own spacing (Japanese: no space before a unit).
G_KM, G_KWH, YEN_KWH = N_("{value} g/km"), N_("{value} g/kWh"), N_("{value} yen/kWh")


def g_km(value: float, figures: int = FIGURES) -> str:
    """69.94 -> '69.9 g/km', 107.05 -> '107 g/km'."""
    return tr(G_KM).format(value=text.rounded(value, figures))


def g_kwh(value: float, figures: int = FIGURES) -> str:
    """482.3 -> '482 g/kWh', 30.7 -> '30.7 g/kWh'."""
    return tr(G_KWH).format(value=text.rounded(value, figures))


def after_number(unit_message: str) -> str:
    """What follows a number written elsewhere (a calculator's output): ' g/km' in English, 'g/km' in Japanese."""
    return tr(unit_message).format(value="")


def about_g_km(value: float) -> str:
    """A derived gap or swing in g/km, to two significant figures: 58.4 -> 'about 58 g/km'."""
    return text.about(value, N_("g/km"))


def about_g_kwh(value: float) -> str:
    """A derived break-even in g/kWh, to two significant figures: 236.97 -> 'about 240 g/kWh'."""
    return text.about(value, N_("g/kWh"))


def yen_kwh(value: float) -> str:
    """A price as its source states it: 34.0 -> '34 yen/kWh', 21.39 -> '21.39 yen/kWh'."""
    return tr(YEN_KWH).format(value=f"{value:g}")
