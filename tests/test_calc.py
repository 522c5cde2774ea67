"""The tariff-bill calculator against hand-worked cases."""

import pandas as pd
import pytest

from tradetalks import calc


def test_duty_owed_hand_worked():
    assert calc.duty_owed(40_000, 2.5) == pytest.approx(1_000)
    assert calc.duty_owed(40_000, 27.5) == pytest.approx(11_000)
    assert calc.duty_owed(0, 15) == 0


@pytest.mark.parametrize(
    ("value", "rate", "message"), [(-1, 2.5, "import value must not be negative"), (100, -0.1, "tariff rate must not be negative")]
)
def test_duty_owed_rejects_negatives(value, rate, message):
    with pytest.raises(ValueError, match=message):
        calc.duty_owed(value, rate)


def test_tariff_bill_table():
    bill = calc.tariff_bill(1_000, [2.5, 27.5, 15])
    assert list(bill.columns) == ["rate_pct", "duty_owed", "change_vs_baseline"]
    assert bill["duty_owed"].tolist() == pytest.approx([25, 275, 150])
    assert bill["change_vs_baseline"].tolist() == pytest.approx([0, 250, 125])


def test_tariff_bill_needs_a_rate():
    with pytest.raises(ValueError, match="at least one"):
        calc.tariff_bill(1_000, [])


def test_rate_in_force():
    steps = pd.DataFrame({"date": pd.to_datetime(["2025-04-03", "2025-09-16"]), "rate_pct": [27.5, 15.0]})
    assert calc.rate_in_force(steps, pd.Timestamp("2025-01-01")) is None
    assert calc.rate_in_force(steps, pd.Timestamp("2025-04-03")) == 27.5
    assert calc.rate_in_force(steps, pd.Timestamp("2026-01-01")) == 15.0
