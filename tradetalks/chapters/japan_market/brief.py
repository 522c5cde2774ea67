"""The chapter's "In brief": three findings computed by the same functions the chapter's charts and prose use.

The first is the chapter's key finding (the home page shows it): how small the U.S. brands' share of Japan's market is,
beside one German brand under the same rules. Each finding names the section (a MyST label in the notebook) that shows it.
"""

from __future__ import annotations

import pandas as pd

from tradetalks import findings, text
from tradetalks.i18n import N_, tr
from tradetalks.text import about_pct, units

from . import history, parameters, sentences, sizes, tables, words

SECTIONS = {"split": "japan-market-who-buys", "sizes": "japan-market-sizes", "jeep": "japan-market-jeep"}


def market_finding(split: tables.MarketSplit, by_brand: pd.DataFrame) -> findings.Finding:
    """The U.S. brands' registrations and share of all new vehicles, and the best-selling German brand against them."""
    if split.levels < 2:
        if split.levels:
            share = sentences.split_title(split)
        else:
            share = tr("The data cannot split Japan's market for {year}").format(year=split.year)
        return findings.Finding(tr("{finding}; the data have no total for the U.S. brands.").format(finding=share), SECTIONS["split"])
    us_total = split.units_of(tables.SEGMENT_IDS[tables.US_BRANDS])
    figures = {"year": split.year, "units": units(us_total), "share": about_pct(sentences.split_shares(split)["us_brands_of_market"])}
    top = sentences.top_german(by_brand, split.year)
    if top is None:
        sentence = tr("In {year} U.S. brands registered {units} new vehicles in Japan, {share} of the market.").format(**figures)
    else:
        sentence = tr(
            "In {year} U.S. brands registered {units} new vehicles in Japan, {share} of the market, and {brand} alone {times} "
            "as many under the same rules."
        ).format(**figures, brand=words.data(top["brand_name"]), times=text.times(top["units"] / us_total))
    return findings.Finding(sentence, SECTIONS["split"])


def size_finding(fits: pd.DataFrame, structural: pd.DataFrame) -> findings.Finding:
    """How many of the models drawn fit a typical mechanical-parking space, and the longest overhang (the drawing's caption)."""
    return findings.Finding(sentences.footprint_description(fits, structural), SECTIONS["sizes"])


JEEP_FINDINGS = {  # (right-hand drive on all its models, GM's brands have a figure that year) -> the finding
    (True, True): N_(
        "{maker}, with {dealers} dealerships and right-hand drive on all its models, sold {units} vehicles in Japan in {year}, "
        "{times} as many as {gm}'s brands together."
    ),
    (False, True): N_(
        "{maker}, with {dealers} dealerships, sold {units} vehicles in Japan in {year}, {times} as many as {gm}'s brands together."
    ),
    (True, False): N_(
        "{maker}, with {dealers} dealerships and right-hand drive on all its models, sold {units} vehicles in Japan in {year}."
    ),
    (False, False): N_("{maker}, with {dealers} dealerships, sold {units} vehicles in Japan in {year}."),
}


def jeep_finding(history_rows: pd.DataFrame, makers: dict[str, str], structural: pd.DataFrame) -> findings.Finding:
    """Jeep, with its dealers (and right-hand drive, where the data say so), against GM's brands in Jeep's latest year."""
    jeep, gm = sentences.jeep_and_gm(history_rows, makers)
    dealers = tables.structural_value(structural, "jeep_japan", "dealerships")
    rhd = tables.structural_value(structural, "jeep_all_models", "rhd_offered_in_japan")
    steering = str(rhd["value"]).lower().startswith("yes")
    figures = {"maker": words.data(jeep["maker"]), "dealers": dealers["value"], "units": units(jeep["units"]), "year": int(jeep["year"])}
    if gm is None:
        message = JEEP_FINDINGS[steering, False]
    else:
        message = JEEP_FINDINGS[steering, True]
        figures.update(times=text.times(jeep["units"] / gm["units"]), gm=words.data(gm["maker"]))
    return findings.Finding(tr(message).format(**figures), SECTIONS["jeep"])


def in_brief(data_dir: str | None = None) -> list[findings.Finding]:
    """Three one-sentence findings from the data, with the page's default parameters; the first is the key finding."""
    loaded = tables.load_tables(data_dir)
    sales, bestsellers, totals, by_brand, _claims, structural = (loaded[name] for name in tables.TABLES)
    year, _brands, models = parameters.check_parameters(None, None, None, by_brand, structural)
    split = tables.market_split(sales, totals, by_brand, year)
    fits = sizes.fit_table(sizes.drawn_footprints(structural, bestsellers, models), structural)
    history_rows = history.us_brand_history(by_brand)
    return [
        market_finding(split, by_brand),
        size_finding(fits, structural),
        jeep_finding(history_rows, history.history_makers(by_brand), structural),
    ]
