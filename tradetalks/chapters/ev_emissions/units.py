"""The page's number formats, the unit in each name: shared by its reader's tables, chart labels and sentences."""

from __future__ import annotations


def number(value: float) -> str:
    """A figure for a reader: 150000.0 -> '150,000', 482.3 -> '482.3', 0.439801 -> '0.4398'."""
    return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:.4g}"


def g_km(value: float) -> str:
    """69.94 -> '69.9 g/km'."""
    return f"{value:.1f} g/km"


def g_kwh(value: float, digits: int = 1) -> str:
    """482.3 -> '482.3 g/kWh'."""
    return f"{value:,.{digits}f} g/kWh"
