"""The reverse-imports calculator: cars needed a year to offset a share of the deficit, against what exists.

The arithmetic is ``tradetalks.calc``'s; this module picks its inputs and reference figures from the
page's tables. Every number it adds is **derived** (cars needed, multiples) and its frames say how.

``references`` and ``calculate`` keep their reference texts in English (code matches on them: ``reference``);
``comparison_data``, ``reference_lines`` and ``price_points``, which readers see, name their figures in the
page's language (``tradetalks.i18n.tr``).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from tradetalks import calc, data
from tradetalks.i18n import N_, tr

from .tables import (
    ANALYST_ESTIMATE,
    BUILT,
    EXPORTED,
    MARKET,
    MOF_UNITS_FROM_US,
    ORIGINAL_KEY_COLUMN,
    PRICE_SHORT,
    PRICES,
    PRODUCTION,
    REVERSE,
    latest,
    price_rows,
    scale_series,
    stated,
    words,
    years,
)

MARKET_REFERENCE = "Japan's whole imported-car market"
LARGEST_REFERENCE = "the largest reverse-import programme ever"
SCENARIO_PRICE_LABEL = N_("scenario price (parameter price_usd)")
SCENARIO_PRICE_SHORT = N_("Scenario price")
NEEDED_LABEL = N_("Cars needed a year (derived)")
NEEDED_KIND, REFERENCE_KIND = N_("cars needed (derived)"), N_("reference figure (from data)")  # comparison_data's figure_kind
# Short names of the reference figures, in the order ``references`` lists them (for a chart's labels).
REFERENCE_SHORT = (
    N_("Japanese makers' U.S. production"),
    N_("Japan's car imports, all brands"),
    N_("Exports from their U.S. plants"),
    N_("Largest past programme, in all"),
    N_("Reverse imports analysts expect"),
    N_("Cars Japan imported from the U.S."),
)
MARKET_RULE_NAME = N_("Japan's car imports")  # the market's short name before its comma, naming its rule on the price chart


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
            tr("{years} ({period})").format(years=years(reverse_largest), period=words(reverse_largest["actual_period"])),
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
    refs["short"] = REFERENCE_SHORT
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


def comparison_data(cars: float, compared: pd.DataFrame) -> pd.DataFrame:
    """What the comparison chart draws and its table shows: the cars needed a year (derived), then each
    reference figure with its period, its figure as the source states it and the cars needed as a multiple of it."""
    needed = pd.DataFrame(
        {
            "compared_with": [tr(NEEDED_LABEL)],
            "reference_period": [""],
            "reference_vehicles": [cars],
            "figure_as_stated": [stated(cars)],
            "cars_needed_multiple": [float("nan")],
            "figure_kind": [tr(NEEDED_KIND)],
        }
    )
    refs = pd.DataFrame(
        {
            "compared_with": compared["short"].map(tr),
            "reference_period": compared["period"].astype(str),
            "reference_vehicles": compared["vehicles"].astype(float),
            "figure_as_stated": [stated(v, q) for v, q in zip(compared["vehicles"], compared["qualifier"], strict=True)],
            "cars_needed_multiple": compared["multiple"].astype(float),
            "figure_kind": tr(REFERENCE_KIND),
        }
    )
    return data.derived_from(pd.concat([needed, refs], ignore_index=True), compared)


def reference_lines(compared: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The two references drawn as rules on the price chart, with short labels."""
    rows = compared[compared["reference"].str.startswith((MARKET_REFERENCE, LARGEST_REFERENCE))].copy()
    rows["short"] = [
        # 'Japan's car imports (2024)' (MARKET_RULE_NAME): short enough for a phone
        tr("{name} ({period}): {figure}").format(name=tr(short.split(",")[0]), period=period, figure=stated(vehicles, qualifier))
        if ref.startswith(MARKET_REFERENCE)
        else tr("{name}: {figure}").format(name=tr(short), figure=stated(vehicles, qualifier))
        for ref, short, period, vehicles, qualifier in zip(
            rows["reference"], rows["short"], rows["period"], rows["vehicles"], rows["qualifier"], strict=True
        )
    ]
    rows["rule_label"] = [re.sub(": |：", "\n", label, count=1) for label in rows["short"]]  # two lines: it fits a phone
    lines = rows[["reference", "short", "rule_label", "vehicles", "period", "source_key"]].reset_index(drop=True)
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
            "label": [
                tr("{price} ({period})").format(price=label, period=period)
                for label, period in zip(rows["label"], rows["period"], strict=True)
            ],
            "short": [
                tr(PRICE_SHORT[metric]) if metric in PRICE_SHORT else label
                for metric, label in zip(rows["metric"], rows["label"], strict=True)
            ],
            "source_key": rows["source_key"],
            "chosen": False if scenario else rows["metric"] == price["metric"],
        }
    )
    if scenario:
        chosen = pd.DataFrame(
            {
                "price_usd": [price["price_usd"]],
                "label": [tr(SCENARIO_PRICE_LABEL)],
                "short": [tr(SCENARIO_PRICE_SHORT)],
                "source_key": [pd.NA],
                "chosen": [True],
            }
        )
        points = pd.concat([points, chosen])
    points["cars_needed"] = [
        calc.cars_needed_to_offset(float(deficit["deficit_usd_bn"]) * 1e9, float(p), share) for p in points["price_usd"]
    ]
    return data.derived_from(points.reset_index(drop=True), prices)
