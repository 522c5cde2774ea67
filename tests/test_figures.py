"""Shared figures: one rule per figure, and every page that states one states the same number."""

from __future__ import annotations

import re

import pandas as pd

from tradetalks import build, data, figures
from tradetalks.text import units


def rows(*specs: tuple[float, str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"units": u, "qualifier": q, "confidence": c} for u, q, c in specs])


def test_best_row_prefers_an_exact_figure_then_the_more_reliable_source():
    assert figures.best_row(rows((16700, "'16,700 and more'", "high"), (16707, "exact", "medium")))["units"] == 16707
    assert figures.best_row(rows((1, "exact", "low"), (2, "exact", "high")))["units"] == 2
    assert figures.best_row(rows((1, "approx", "high"), (2, "approx", "high")))["units"] == 1  # ties keep the table's order
    assert figures.best_row(rows().iloc[0:0]) is None


def stated_us_brand_totals(page: str) -> set[str]:
    """Every number a published page gives for 'all U.S. brands together'."""
    text = (build.ROOT / "book" / f"{page}.ipynb").read_text(encoding="utf-8")
    return set(re.findall(r"all U\.S\. brands together \(?([\d,]+)", text))


def test_the_claims_page_and_the_market_chapter_agree_on_us_brand_registrations():
    brands = data.load_table("japan_import_sales_by_brand")
    claims_numbers, market_numbers = stated_us_brand_totals("claims"), stated_us_brand_totals("japan_market")
    assert claims_numbers and market_numbers
    assert claims_numbers == market_numbers
    year = int(re.search(r"In (\d{4}) Mercedes-Benz alone", (build.ROOT / "book" / "claims.ipynb").read_text(encoding="utf-8")).group(1))
    assert claims_numbers == {units(figures.us_brands_registered(brands, year)["units"])}


def test_registrations_are_picked_by_brand_id_not_the_label():
    brands = data.load_table("japan_import_sales_by_brand")
    reworded = brands.assign(brand=brands["brand"] + " (reworded)")
    for year in (2015, 2024):
        for brand_id in ("mercedes_benz", "jeep", "ford"):
            shipped, after = figures.brand_registrations(brands, brand_id, year), figures.brand_registrations(reworded, brand_id, year)
            assert (shipped is None and after is None) or shipped["units"] == after["units"]
    assert figures.us_brands_registered(reworded, 2024)["units"] == figures.us_brands_registered(brands, 2024)["units"] == 16707
    assert figures.brand_registrations(brands, "jeep", 1993) is None  # a company target is not a registration
