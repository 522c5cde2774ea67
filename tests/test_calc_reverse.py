"""The reverse-import calculator: hand-worked cases and edge cases."""

import math

import pytest

from tradetalks import calc


def test_hand_worked_cases():
    # 60 billion USD at 40,000 USD a car: 1.5 million cars for all of it, 750,000 for half
    assert calc.cars_needed_to_offset(60e9, 40_000, 1.0) == pytest.approx(1_500_000)
    assert calc.cars_needed_to_offset(60e9, 40_000, 0.5) == pytest.approx(750_000)
    # the whole deficit is the default share
    assert calc.cars_needed_to_offset(1_000_000, 25_000) == pytest.approx(40)


def test_share_zero_and_one_are_the_ends_of_the_range():
    assert calc.cars_needed_to_offset(64e9, 50_000, 0) == 0
    assert calc.cars_needed_to_offset(64e9, 50_000, 1) == pytest.approx(1_280_000)


def test_a_fraction_of_a_car_is_kept_not_rounded():
    assert calc.cars_needed_to_offset(100, 30, 1) == pytest.approx(10 / 3)


def test_tiny_price_gives_a_huge_but_finite_number():
    cars = calc.cars_needed_to_offset(64e9, 1e-6, 1)
    assert math.isfinite(cars) and cars == pytest.approx(6.4e16)


def test_no_deficit_needs_no_cars():
    assert calc.cars_needed_to_offset(0, 30_000, 1) == 0


@pytest.mark.parametrize(
    ("deficit", "price", "share", "message"),
    [
        (60e9, 0, 1, "price per car must be more than 0"),
        (60e9, -1, 1, "price per car must be more than 0"),
        (60e9, 40_000, 1.5, "between 0 and 1"),
        (60e9, 40_000, -0.1, "between 0 and 1"),
        (-5e9, 40_000, 1, "surplus leaves nothing to offset"),
        (float("nan"), 40_000, 1, "deficit must be a finite number"),
        (60e9, float("inf"), 1, "price per car must be a finite number"),
        (60e9, 40_000, True, "offset share must be a finite number"),
        (60e9, "40000", 1, "price per car must be a finite number"),
    ],
)
def test_bad_inputs_are_refused(deficit, price, share, message):
    with pytest.raises(ValueError, match=message):
        calc.cars_needed_to_offset(deficit, price, share)


def test_cars_needed_by_price_falls_as_the_price_rises():
    table = calc.cars_needed_by_price(60e9, [20_000, 40_000, 60_000], 1)
    assert table.columns.tolist() == ["price_usd", "cars_needed"]
    assert table["cars_needed"].tolist() == pytest.approx([3_000_000, 1_500_000, 1_000_000])
    with pytest.raises(ValueError, match="at least one price"):
        calc.cars_needed_by_price(60e9, [], 1)
    with pytest.raises(ValueError, match="more than 0"):
        calc.cars_needed_by_price(60e9, [20_000, 0], 1)


def test_multiple_of():
    assert calc.multiple_of(1_200_000, 300_000) == pytest.approx(4)
    assert calc.multiple_of(0, 300_000) == 0
    with pytest.raises(ValueError, match="reference must be more than 0"):
        calc.multiple_of(1, 0)
