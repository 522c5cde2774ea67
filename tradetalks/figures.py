"""Figures shown on more than one page, each computed by one rule that every page calls.

A figure the claims page and a chapter both state must come out the same on both: when the data
holds several rows for it (two reports of one total, say), the rule here picks the row, and no
page picks its own.
"""

from __future__ import annotations

import pandas as pd

from tradetalks import data

# How far a row's figure can be trusted, as the data's ``confidence`` column grades it.
CONFIDENCE_ORDER = {"high": 0, "medium": 1, "low": 2}
# The japan_import_sales_by_brand id of the rows that total every U.S. brand (JAIA basis).
US_BRANDS = "us_brands"
# The ``counted`` value of a row that gives a sales target, not a count.
SALES_TARGET = "sales_target"


def best_row(rows: pd.DataFrame) -> pd.Series | None:
    """The row to show when sources give several: an exact figure first, then the most reliable source.

    Ties keep the table's order. None when there is no row.
    """
    if rows.empty:
        return None
    inexact = ~rows["qualifier"].fillna("").str.startswith("exact") if "qualifier" in rows.columns else pd.Series(False, index=rows.index)
    confidence = rows["confidence"].map(CONFIDENCE_ORDER) if "confidence" in rows.columns else pd.Series(0, index=rows.index)
    ranked = rows.assign(_inexact=inexact.astype(int), _confidence=confidence).sort_values(["_inexact", "_confidence"], kind="stable")
    return ranked.drop(columns=["_inexact", "_confidence"]).iloc[0]


def brand_registrations(by_brand: pd.DataFrame, brand_id: str, year: int) -> pd.Series | None:
    """A brand's (or the U.S. brands' total) calendar-year registrations in Japan, by ``brand_id``: one row, by ``best_row``."""
    rows = by_brand[
        (by_brand["period_type"] == "CY")
        & (by_brand["period"] == str(year))
        & (by_brand["brand_id"] == brand_id)
        & (by_brand["counted"] != SALES_TARGET)
        & by_brand["units"].notna()
    ]
    return best_row(rows)


def us_brands_registered(by_brand: pd.DataFrame, year: int) -> pd.Series | None:
    """All U.S. brands' registrations in Japan in ``year`` (JAIA basis), shown on the market and claims pages."""
    return brand_registrations(by_brand, US_BRANDS, year)


# --- the tariffs and the trade balance: the tariffs chapter, the market chapter, the reverse-imports chapter and the claims page

US_BASELINE, JAPAN_BASELINE = "us_car_mfn_baseline", "japan_car_duty_baseline"  # tariff_timeline.measure_id
FULL_YEAR = r"\d{4}"


def baseline_rate(timeline: pd.DataFrame) -> float:
    """The U.S. MFN duty on a passenger car before 2025 (the timeline's baseline row)."""
    return float(data.row_by_id(timeline, "measure_id", US_BASELINE)["rate_pct"])


def japan_car_tariff(timeline: pd.DataFrame) -> float:
    """Japan's own import duty on cars (baseline row)."""
    return float(data.row_by_id(timeline, "measure_id", JAPAN_BASELINE)["rate_pct"])


def consistent_balance(trade: pd.DataFrame) -> pd.DataFrame:
    """The one consistent Census series of the U.S. goods balance with Japan: the rows the data marks
    ``series = consistent`` (one per year, checked when the data is validated), full years only."""
    rows = trade[(trade["series"] == data.CONSISTENT) & trade["year"].str.fullmatch(FULL_YEAR)].copy()
    rows["year"] = rows["year"].astype(int)
    series = rows.sort_values("year")
    return series[["year", "us_exports_to_japan_musd", "us_imports_from_japan_musd", "balance_musd", "source_key"]].reset_index(drop=True)
