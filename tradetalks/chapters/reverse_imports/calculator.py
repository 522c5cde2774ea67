"""The reverse-imports calculator: cars needed a year to offset a share of the deficit, against what exists.

The arithmetic is ``tradetalks.calc``'s; this module picks its inputs and reference figures from the
page's tables. Every number it adds is **derived** (cars needed, multiples) and its frames say how.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tradetalks import calc, data

from .tables import (
    ANALYST_ESTIMATE,
    BUILT,
    EXPORTED,
    MARKET,
    MOF_UNITS_FROM_US,
    ORIGINAL_KEY_COLUMN,
    PRICES,
    PRODUCTION,
    REVERSE,
    latest,
    price_rows,
    scale_series,
    years,
)

MARKET_REFERENCE = "Japan's whole imported-car market"
LARGEST_REFERENCE = "the largest reverse-import programme ever"
SCENARIO_PRICE_LABEL = "scenario price (parameter price_usd)"


def references(tables: dict[str, pd.DataFrame], reverse_largest: pd.Series, market_row: pd.Series) -> pd.DataFrame:
    """The figures the cars needed are compared with, each from data with its year and source."""
    production, prices = tables[PRODUCTION], tables[PRICES]
    scale = scale_series(production, tables[MARKET])
    built, exported = latest(scale, BUILT), latest(scale, EXPORTED)
    estimate = prices[prices["metric"] == ANALYST_ESTIMATE].sort_values("period").iloc[-1]
    from_us = prices[prices["metric"] == MOF_UNITS_FROM_US].sort_values("period").iloc[-1]
    rows = [
        (
            "Japanese makers' U.S. production",
            str(built["year"]),
            built["value"],
            built["qualifier"],
            built["source_key"],
            built[ORIGINAL_KEY_COLUMN],
        ),
        (
            "Japan's whole imported-car market (JAIA, all imports incl. Japanese brands built abroad, calendar year)",
            str(market_row["period"]),
            market_row["value"],
            market_row["qualifier"],
            market_row["source_key"],
            market_row[ORIGINAL_KEY_COLUMN],
        ),
        (
            "Japanese makers' exports from their U.S. plants, to all countries",
            str(exported["year"]),
            exported["value"],
            exported["qualifier"],
            exported["source_key"],
            exported[ORIGINAL_KEY_COLUMN],
        ),
        (
            f"{LARGEST_REFERENCE}: {reverse_largest['company']} {reverse_largest['model']}, sold over its whole life",
            f"{years(reverse_largest)} ({reverse_largest['actual_period']})",
            reverse_largest["actual_units"],
            reverse_largest["notes"],
            reverse_largest["source_key"],
            reverse_largest[ORIGINAL_KEY_COLUMN],
        ),
        (
            "reverse imports a year expected by analysts (Reuters)",
            estimate["period"],
            estimate["value"],
            "",
            estimate["source_key"],
            estimate[ORIGINAL_KEY_COLUMN],
        ),
        (
            "cars Japan imported from the U.S. (Ministry of Finance, incl. used cars)",
            from_us["period"],
            from_us["value"],
            "",
            from_us["source_key"],
            from_us[ORIGINAL_KEY_COLUMN],
        ),
    ]
    refs = pd.DataFrame(rows, columns=["reference", "period", "vehicles", "qualifier", "source_key", ORIGINAL_KEY_COLUMN])
    return data.derived_from(refs, tables[MARKET], production, tables[REVERSE], prices)


def calculate(deficit: pd.Series, price: pd.Series, share: float, refs: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    """Cars needed a year (derived) and the cars needed as a multiple of each reference figure (derived)."""
    cars = calc.cars_needed_to_offset(float(deficit["deficit_usd_bn"]) * 1e9, float(price["price_usd"]), share)
    compared = refs.copy()
    compared["cars_needed"] = cars
    compared["multiple"] = [calc.multiple_of(cars, float(v)) for v in compared["vehicles"]]
    compared["how_derived"] = "cars needed ÷ reference figure"
    return cars, compared


def reference(compared: pd.DataFrame, start: str) -> pd.Series:
    """One row of the comparison table, by the start of its reference text (``MARKET_REFERENCE``, ``LARGEST_REFERENCE``)."""
    return compared[compared["reference"].str.startswith(start)].iloc[0]


def reference_lines(compared: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The two references drawn as rules on the price chart, with short labels."""
    rows = compared[compared["reference"].str.startswith((MARKET_REFERENCE, LARGEST_REFERENCE))].copy()
    rows["short"] = [
        f"{MARKET_REFERENCE} ({period})" if ref.startswith(MARKET_REFERENCE) else f"{LARGEST_REFERENCE} (its lifetime total)"
        for ref, period in zip(rows["reference"], rows["period"], strict=True)
    ]
    lines = rows[["reference", "short", "vehicles", "period", "source_key"]].reset_index(drop=True)
    return data.derived_from(lines, tables[MARKET], tables[REVERSE])


def price_range(price: pd.Series, prices: pd.DataFrame, steps: int = 60) -> list[float]:
    """Prices from the cheapest to the dearest U.S. car price in the data, stretched to include the chosen price."""
    values = price_rows(prices)["value"].tolist() + [float(price["price_usd"])]
    low, high = min(values), max(values)
    return np.linspace(low, high, steps).tolist() if high > low else [low]


def price_curve(deficit: pd.Series, price: pd.Series, share: float, prices: pd.DataFrame) -> pd.DataFrame:
    """Cars needed a year at each price in the range (derived: deficit × share ÷ price)."""
    curve = calc.cars_needed_by_price(float(deficit["deficit_usd_bn"]) * 1e9, price_range(price, prices), share)
    curve = curve.assign(deficit_usd_bn=float(deficit["deficit_usd_bn"]), offset_share=share)
    return data.derived_from(curve, deficit.to_frame().T, prices)


def price_points(deficit: pd.Series, price: pd.Series, share: float, prices: pd.DataFrame) -> pd.DataFrame:
    """The data's car prices and the chosen price, with the cars needed at each (derived)."""
    rows = price_rows(prices)
    scenario = price["kind"] == "scenario"
    points = pd.DataFrame(
        {
            "price_usd": rows["value"],
            "label": rows["label"] + " (" + rows["period"] + ")",
            "source_key": rows["source_key"],
            "chosen": False if scenario else rows["metric"] == price["metric"],
        }
    )
    if scenario:
        chosen = pd.DataFrame({"price_usd": [price["price_usd"]], "label": [SCENARIO_PRICE_LABEL], "source_key": [pd.NA], "chosen": [True]})
        points = pd.concat([points, chosen])
    points["cars_needed"] = [
        calc.cars_needed_to_offset(float(deficit["deficit_usd_bn"]) * 1e9, float(p), share) for p in points["price_usd"]
    ]
    return data.derived_from(points.reset_index(drop=True), prices)
