"""Calculators: numbers in, numbers out, no I/O."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd


def duty_owed(import_value: float, rate_pct: float) -> float:
    """Duty on ``import_value`` at ``rate_pct`` percent, in the unit of ``import_value``.

    Assumes the import value does not react to the tariff (no change in volume or price).
    """
    if import_value < 0:
        raise ValueError(f"import value must not be negative, got {import_value}")
    if rate_pct < 0:
        raise ValueError(f"tariff rate must not be negative, got {rate_pct}%")
    return import_value * rate_pct / 100


def tariff_bill(import_value: float, rates_pct: Sequence[float]) -> pd.DataFrame:
    """Duty owed at each rate, and the change against the first rate (the baseline).

    Columns: ``rate_pct``, ``duty_owed``, ``change_vs_baseline``.
    """
    if len(rates_pct) == 0:
        raise ValueError("give at least one tariff rate")
    owed = [duty_owed(import_value, rate) for rate in rates_pct]
    return pd.DataFrame(
        {"rate_pct": [float(r) for r in rates_pct], "duty_owed": owed, "change_vs_baseline": [value - owed[0] for value in owed]}
    )


def rate_in_force(steps: pd.DataFrame, on: pd.Timestamp) -> float | None:
    """The rate of the last step dated on or before ``on`` (``steps`` has ``date`` and ``rate_pct``)."""
    earlier = steps[steps["date"] <= on].sort_values("date")
    return None if earlier.empty else float(earlier["rate_pct"].iloc[-1])


def _finite(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def cars_needed_to_offset(deficit_usd: float, price_usd: float, offset_share: float = 1.0) -> float:
    """Cars a year that, sold at ``price_usd`` each, add up to ``offset_share`` of ``deficit_usd``.

    ``deficit_usd`` is the deficit as a positive amount in U.S. dollars a year, ``offset_share`` a
    share from 0 to 1. Assumes every dollar of a car's price counts as U.S. export value and that
    nothing else in the trade changes. Returns a fraction of a car where the division leaves one.
    """
    deficit = _finite("deficit", deficit_usd)
    price = _finite("price per car", price_usd)
    share = _finite("offset share", offset_share)
    if deficit < 0:
        raise ValueError(f"the deficit must be given as a positive amount (a surplus leaves nothing to offset), got {deficit_usd}")
    if price <= 0:
        raise ValueError(f"the price per car must be more than 0 USD, got {price_usd}")
    if not 0 <= share <= 1:
        raise ValueError(f"the offset share must be between 0 and 1 (0.5 = half the deficit), got {offset_share}")
    return deficit * share / price


def cars_needed_by_price(deficit_usd: float, prices_usd: Sequence[float], offset_share: float = 1.0) -> pd.DataFrame:
    """Cars needed a year at each price (columns ``price_usd``, ``cars_needed``)."""
    if len(prices_usd) == 0:
        raise ValueError("give at least one price per car")
    return pd.DataFrame(
        {
            "price_usd": [float(p) for p in prices_usd],
            "cars_needed": [cars_needed_to_offset(deficit_usd, p, offset_share) for p in prices_usd],
        }
    )


def multiple_of(value: float, reference: float) -> float:
    """How many times ``reference`` fits into ``value`` (``reference`` must be more than 0)."""
    value = _finite("value", value)
    reference = _finite("reference", reference)
    if reference <= 0:
        raise ValueError(f"the reference must be more than 0, got {reference}")
    return value / reference
