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
