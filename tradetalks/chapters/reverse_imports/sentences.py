"""The reverse-imports page's figures in words, for the glue in its prose and for its charts' titles,
subtitles and descriptions (formatted from data, never typed).

Precision follows ``tradetalks.text``: a derived figure to two significant figures ("about 1.3 million
cars"), a figure with the qualifier its source put on it ("roughly 3.3 million"), an exact count only
where exactness is the point (a programme's reported sales, a target).
"""

from __future__ import annotations

import pandas as pd

from tradetalks import chartlint, text
from tradetalks.text import multiple, units, usd, usd_bn

from .calculator import NEEDED_LABEL, REFERENCE_SHORT
from .tables import BUILT, CENSUS, EXPORTED, IMPORT_MARKET, US_BUILT_LABEL, period_without_quote, stated, stated_volume, year_span

MARKET_SHORT, ANALYSTS_SHORT = REFERENCE_SHORT[1], REFERENCE_SHORT[4]
# Deficit figures for one year within this share of the largest read as one figure, "about $64 billion":
# Census revisions and a report's rounding move a figure by less than this.
AGREEING_SPREAD = 0.02


def share_text(share: float) -> str:
    """1.0 -> 'all', 0.5 -> '50%', 0 -> 'none'."""
    if share == 1:
        return "all"
    if share == 0:
        return "none"
    return f"{share * 100:g}%"


def reported(row: pd.Series) -> str:
    """A figure as its source states it, rounded: 3300000 with "'roughly 3.3 million a year'" -> 'roughly 3.3 million'."""
    return stated(float(row["value"]), row.get("qualifier"))


# --- the idea and its history ----------------------------------------------------------------------------


def volumes(announced: pd.DataFrame) -> str:
    """Whether the announcement gave volumes, as the data has it."""
    no_volume = announced["target_units"].isna().all() and announced["actual_units"].isna().all()
    return "not disclosed: no source in the data gives a target or a volume" if no_volume else "given in the table below"


def ideas_title(ideas: pd.DataFrame) -> str:
    """'Reverse imports, 2025–26: ideas, proposals and announcements' (the years from the rows)."""
    return f"Reverse imports, {year_span(ideas['period_start'])}: ideas, proposals and announcements"


def history_span(us_built_history: pd.DataFrame) -> str:
    """'1988 to 2000': the first and last years of the past programmes of U.S.-built cars."""
    return f"{us_built_history['period_start'].str[:4].min()} to {us_built_history['period_end'].dropna().str[:4].max()}"


def programme_name(row: pd.Series) -> str:
    """'Honda Accord US Wagon (1st gen)'."""
    return f"{row['company']} {row['model']}"


def programme_units(row: pd.Series) -> str:
    """A programme's volume as its source states it, and over what: 'nearly 40,000 vehicles over ~3 years'."""
    return f"{stated_volume(row['actual_units'], row['actual_period'], row.get('notes'))} vehicles over {period_without_quote(row['actual_period'])}"


def target(row: pd.Series) -> str:
    """'20,000 per year' (a target as stated)."""
    return f"{units(row['target_units'])} {row['target_period']}"


def sold(row: pd.Series) -> str:
    """'36,228 vehicles (1996-2000 cumulative)': a model's reported sales, exact because that is the point."""
    return f"{units(row['actual_units'])} vehicles ({row['actual_period']})"


def share_of_target(row: pd.Series) -> str:
    """'about 36%' (derived: average sold a year ÷ yearly target; the years are counted whole)."""
    return text.about_pct(row["share_of_target_pct"])


def targeted_phrase(targets: pd.DataFrame) -> str:
    """'the only programme in the data with a stated target', or 'one of 3 programmes in the data with a stated target'."""
    return (
        "the only programme in the data with a stated target"
        if len(targets) == 1
        else f"one of {len(targets)} programmes in the data with a stated target"
    )


def _largest_us_built(frame: pd.DataFrame) -> pd.Series:
    rows = frame[frame["built"] == US_BUILT_LABEL]
    return rows.loc[rows["actual_units"].idxmax()]


def history_text(frame: pd.DataFrame) -> dict[str, str]:
    """Title, subtitle and description of the history chart, from the frame it draws (``history_chart_data``)."""
    largest = _largest_us_built(frame)
    description = (
        f"The {largest['programme']} sold {largest['figure_as_stated']} vehicles "
        f"({period_without_quote(largest['actual_period'])}), the most of any programme of U.S.-built cars"
    )
    targeted = frame[frame["target_over_sales_period"].notna()]
    if not targeted.empty:
        row = targeted.iloc[0]
        share = 100 * row["actual_units"] / row["target_over_sales_period"]
        description += (
            f"; the {row['programme']} sold {units(row['actual_units'])} in {int(row['calendar_years_of_sales'])} calendar years, "
            f"{text.about_pct(share)} of its yearly target over those years (derived)"
        )
    return {
        "title": f"The largest past U.S.-built programme sold {largest['figure_as_stated']} vehicles",
        "subtitle": f"Vehicles sold or shipped to Japan over each programme's life, {year_span(frame['programme_years'])}",
        "description": description + ".",
    }


# --- the scale -------------------------------------------------------------------------------------------


def latest_shown(table: pd.DataFrame, series: str) -> pd.Series:
    """The latest year of one series of ``scale_table``."""
    return table[table["vehicles_counted"] == series].sort_values("year", kind="stable").iloc[-1]


def exported_year(exported: pd.Series, built: pd.Series) -> str:
    """When the exports were counted, against the production year."""
    return "the same year" if exported["year"] == built["year"] else f"in {exported['year']}"


def foreign_units(foreign: pd.Series | None) -> str:
    """Foreign-brand registrations as prose gives them ('about 230,000'), or that the data lacks them."""
    return "not in the data" if foreign is None else reported(foreign)


def built_vs_market_how(built: pd.Series, market_row: pd.Series) -> str:
    """How production over the import market was derived."""
    if str(built["year"]) == str(market_row["period"]):
        return f"production ÷ imports, both {built['year']}"
    return f"production in {built['year']} ÷ imports in {market_row['period']}"


def scale_text(table: pd.DataFrame) -> dict[str, str]:
    """Title, subtitle and description of the scale chart, from the frame it draws (``scale_table``)."""
    built, exported, market = (latest_shown(table, series) for series in (BUILT, EXPORTED, IMPORT_MARKET))
    return {
        "title": f"Japanese makers' U.S. output is {multiple(built['annual_vehicles'] / market['annual_vehicles'])} Japan's car imports",
        "subtitle": (
            "Vehicles a year built in the U.S. by Japanese makers, exported from there, and imported into Japan, "
            f"{text.year_span(table['year'])}"
        ),
        "description": (
            f"In {built['year']} Japanese makers built {built['figure_as_stated']} vehicles in the U.S. and exported "
            f"{exported['figure_as_stated']} from there ({exported_year(exported, built)}); Japan imported {market['figure_as_stated']} "
            f"cars of all brands in {market['year']}."
        ),
    }


# --- the calculator --------------------------------------------------------------------------------------


def deficit_source_text(deficit: pd.Series) -> str:
    """'the consistent Census series', or 'as reported by Nippon.com (Kyodo)' (the publisher, never a key)."""
    return "from the consistent Census series" if deficit["deficit_source"] == CENSUS else f"as reported by {deficit['publisher']}"


def price_text(price: pd.Series) -> str:
    """The price used, with where it comes from."""
    if price["kind"] == "scenario":
        return f"{usd(price['price_usd'])} per car (a scenario value set for this run, not a figure from the data)"
    return f"{usd(price['price_usd'])} per car, the {price['label']} in {text.reader_date(price['period'])}"


def run_description(deficit: pd.Series, price: pd.Series, share: float) -> str:
    """The parameters of this run, in words (for the page)."""
    return (
        f"the deficit of {int(deficit['year'])} {deficit_source_text(deficit)} ({usd_bn(deficit['deficit_usd_bn'])}); "
        f"a price of {price_text(price)}; and {share_text(share)} of the deficit to offset"
    )


def deficit_used(deficit: pd.Series) -> str:
    """'$64.4 billion (U.S. goods deficit with Japan, Census basis (this site's consistent series))'."""
    return f"{usd_bn(deficit['deficit_usd_bn'])} ({deficit['measure']})"


def deficit_range_sentence(figures: pd.DataFrame, year: int) -> str:
    """'For 2024 the data holds 8 figures, from $59.4 billion to $70.0 billion.' (or one figure)."""
    if len(figures) == 1:
        return f"For {year} the data holds one figure, {usd_bn(figures['deficit_usd_bn'].iloc[0])}."
    low, high = figures["deficit_usd_bn"].min(), figures["deficit_usd_bn"].max()
    return f"For {year} the data holds {len(figures)} figures, from {usd_bn(low)} to {usd_bn(high)}."


def deficit_text(frame: pd.DataFrame) -> dict[str, str]:
    """Title, subtitle and description of the deficit chart, from the frame it draws (``charts.deficit_data``)."""
    year = int(frame["year"].iloc[0])
    low, high = frame["deficit_usd_bn"].min(), frame["deficit_usd_bn"].max()
    if len(frame) == 1:
        title = f"The data has one figure for the {year} deficit: {usd_bn(high)}"
    elif text.compare(high, low, uncertainty=AGREEING_SPREAD * high) == "about the same as":
        title = (
            f"The {text.count_words(len(frame))} figures for the {year} deficit agree: {text.about_usd_bn(frame['deficit_usd_bn'].mean())}"
        )
    else:
        title = f"Figures for the {year} deficit vary from {usd_bn(low)} to {usd_bn(high)}"
    used = frame[frame["used_here"] == "yes"].iloc[0]
    return {
        "title": title,
        "subtitle": f"U.S. goods deficit with Japan (or Japan's surplus with the U.S.) in {year}, billion USD, by source and vintage",
        "description": (
            f"{deficit_range_sentence(frame, year)[:-1]}; the calculator uses {usd_bn(used['deficit_usd_bn'])} ({used['deficit_figure']})."
        ),
    }


def _row(frame: pd.DataFrame, short: str) -> pd.Series:
    """A row of ``comparison_data`` by the name this page's code gave it (``REFERENCE_SHORT``)."""
    return frame[frame["compared_with"] == short].iloc[0]


def comparison_text(frame: pd.DataFrame, deficit: pd.Series, price: pd.Series, share: float) -> dict[str, str]:
    """Title, subtitle and description of the comparison chart, from the frame it draws (``comparison_data``)."""
    needed, market, analysts = _row(frame, NEEDED_LABEL), _row(frame, MARKET_SHORT), _row(frame, ANALYSTS_SHORT)
    year = int(deficit["year"])
    return {
        "title": f"Offsetting {share_text(share)} of the deficit takes {needed['figure_as_stated']} cars a year",
        "subtitle": (
            f"Vehicles a year (the largest programme: its lifetime total): cars needed to offset the {year} deficit "
            f"at {usd(price['price_usd'])} a car, beside figures from the data"
        ),
        "description": (
            f"Offsetting {share_text(share)} of the {year} deficit ({usd_bn(deficit['deficit_usd_bn'])}) at {usd(price['price_usd'])} a car "
            f"takes {needed['figure_as_stated']} cars a year (derived), {multiple(market['cars_needed_multiple'])} Japan's car imports "
            f"of all brands in {market['reference_period']} and {multiple(analysts['cars_needed_multiple'])} the reverse imports "
            "analysts expect a year."
        ),
    }


def price_text_for_chart(points: pd.DataFrame, lines: pd.DataFrame, deficit: pd.Series, share: float) -> dict[str, str]:
    """Title, subtitle and description of the price chart, from the prices and references it draws."""
    cheapest, dearest = points.loc[points["price_usd"].idxmin()], points.loc[points["price_usd"].idxmax()]
    market = lines.iloc[0]
    return {
        "title": f"Even at {usd(dearest['price_usd'])} a car, it takes {stated(dearest['cars_needed'])} cars a year",
        "subtitle": (
            f"Cars needed a year to offset {share_text(share)} of the {int(deficit['year'])} deficit "
            f"({usd_bn(deficit['deficit_usd_bn'])}), by price per car in USD"
        ),
        "description": (
            f"From {stated(cheapest['cars_needed'])} cars a year at {usd(cheapest['price_usd'])} ({cheapest['short']}) to "
            f"{stated(dearest['cars_needed'])} at {usd(dearest['price_usd'])} ({dearest['short']}); "
            f"for comparison, {market['short']}."
        ),
    }


def in_page_text(frame: pd.DataFrame, deficit: pd.Series, price: pd.Series, share: float) -> dict[str, str]:
    """Title, subtitle and description of the in-page calculator's chart, from the frame it draws at the sourced
    values (``comparison_data``): its title is the finding at those values, and says so, since the reader moves the bar."""
    needed, market = _row(frame, NEEDED_LABEL), _row(frame, MARKET_SHORT)
    cars, offset = needed["figure_as_stated"], share_text(share)
    return {
        "title": chartlint.fitting_title(
            f"At the sourced values, offsetting {offset} of the deficit takes {cars} cars a year",
            f"At sourced values, offsetting {offset} of it takes {cars} cars a year",
            f"At sourced values, offsetting {offset} of it takes {cars} cars",
        ),
        "subtitle": (
            "Vehicles a year (the largest programme: its lifetime total): cars needed at the values above, "
            "redrawn as they change, beside figures from the data"
        ),
        "description": (
            f"At the sourced values, offsetting {offset} of the {int(deficit['year'])} deficit ({usd_bn(deficit['deficit_usd_bn'])}) "
            f"at {usd(price['price_usd'])} a car takes {cars} cars a year (derived), {multiple(market['cars_needed_multiple'])} "
            f"Japan's car imports of all brands in {market['reference_period']}; the first bar follows the values above."
        ),
    }
