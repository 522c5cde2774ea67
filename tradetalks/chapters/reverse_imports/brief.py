"""The reverse-imports page's "In brief": three findings computed with the chapter's own functions, so
the box, the charts and the home page say the same.

The notebook runs twice on the site (the scenario page too); the build gives the second run's section
labels its own prefix (``execute.relabel``), so the labels here are the published page's.
"""

from __future__ import annotations

import pandas as pd

from tradetalks.findings import Finding
from tradetalks.i18n import tr
from tradetalks.text import multiple, usd, usd_bn

from . import calculator, parameters, sentences, tables

LABEL_PREFIX = "reverse-imports"  # the sections' labels in the notebook: (reverse-imports-calculator)= ...


def label(section: str) -> str:
    return f"{LABEL_PREFIX}-{section}"


def in_brief(
    data_dir: str | None = None,
    *,
    deficit_year: object = None,
    deficit_source: str = tables.CENSUS,
    price_usd: object = None,
    offset_share: object = 1.0,
) -> list[Finding]:
    """Three one-sentence findings: the cars needed against Japan's import market (the key finding), U.S.
    production against it, and the past programmes against their targets."""
    chapter = tables.load_tables(data_dir)
    imports, prices = chapter[tables.REVERSE], chapter[tables.PRICES]
    options = tables.deficit_options(chapter[tables.TRADE], prices)
    deficit, price, share = parameters.check_parameters(options, prices, deficit_year, deficit_source, price_usd, offset_share)

    largest = tables.largest_programme(imports)
    market_row = tables.import_market(chapter[tables.MARKET])
    refs = calculator.references(chapter, largest, market_row)
    cars, compared = calculator.calculate(deficit, price, share, refs)
    comparison = calculator.comparison_data(cars, compared)
    market = comparison[comparison["compared_with"] == tr(sentences.MARKET_SHORT)].iloc[0]
    key = tr(
        "Offsetting {share} of the {year} U.S. trade deficit with Japan ({deficit}) with U.S.-built cars at {price} each would take "
        "{cars} cars a year, {multiple} Japan's car imports of all brands in {period}."
    ).format(
        share=sentences.share_text(share),
        year=int(deficit["year"]),
        deficit=usd_bn(deficit["deficit_usd_bn"]),
        price=usd(price["price_usd"]),
        cars=stated_cars(comparison),
        multiple=multiple(market["cars_needed_multiple"]),
        period=market["reference_period"],
    )

    scale = tables.scale_table(tables.scale_series(chapter[tables.PRODUCTION], chapter[tables.MARKET]))
    built, imported = (sentences.latest_shown(scale, series) for series in (tables.BUILT, tables.IMPORT_MARKET))
    scale_finding = tr(
        "Japanese makers built {built} vehicles in the U.S. in {year}, {multiple} Japan's imports of cars of all brands "
        "({imported} in {imported_year})."
    ).format(
        built=built["figure_as_stated"],
        year=built["year"],
        multiple=multiple(built["annual_vehicles"] / imported["annual_vehicles"]),
        imported=imported["figure_as_stated"],
        imported_year=imported["year"],
    )

    history = tables.history_chart_data(tables.past_volumes(imports), tables.targets_against_sales(imports))
    history_finding = sentences.history_text(history)["description"]

    return [
        Finding(key, label("calculator")),
        Finding(scale_finding, label("scale")),
        Finding(history_finding, label("history")),
    ]


def stated_cars(comparison: pd.DataFrame) -> str:
    """The cars needed a year as prose gives them ('about 1.3 million'), from the comparison's first row."""
    return str(comparison.loc[comparison["compared_with"] == tr(calculator.NEEDED_LABEL), "figure_as_stated"].iloc[0])
