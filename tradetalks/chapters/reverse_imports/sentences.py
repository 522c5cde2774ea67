"""The reverse-imports page's figures in words, for the glue in its prose and for its charts' titles,
subtitles and descriptions (formatted from data, never typed).

Precision follows ``tradetalks.text``: a derived figure to two significant figures ("about 1.3 million
cars"), a figure with the qualifier its source put on it ("roughly 3.3 million"), an exact count only
where exactness is the point (a programme's reported sales, a target).

Every sentence is a whole message (``tradetalks.i18n.tr``) with its figures as fields, so a translated
edition words it in its own order; a sentence with a variant (one figure or several, a target or none) is
chosen between whole messages.
"""

from __future__ import annotations

import pandas as pd

from tradetalks import chartlint, text
from tradetalks.i18n import N_, tr
from tradetalks.text import multiple, units, usd, usd_bn

from . import tables
from .calculator import NEEDED_LABEL, REFERENCE_SHORT
from .tables import (
    BUILT,
    CENSUS,
    EXPORTED,
    IMPORT_MARKET,
    US_BUILT_LABEL,
    USED_YES,
    period_without_quote,
    stated,
    stated_volume,
    words,
    year_span,
)

MARKET_SHORT, ANALYSTS_SHORT = REFERENCE_SHORT[1], REFERENCE_SHORT[4]
# Deficit figures for one year within this share of the largest read as one figure, "about $64 billion":
# Census revisions and a report's rounding move a figure by less than this.
AGREEING_SPREAD = 0.02


SHARE_ALL, SHARE_NONE = N_("all"), N_("none")  # the share of the deficit offset, in a sentence ("Offsetting all of ...")


def share_text(share: float) -> str:
    """1.0 -> 'all', 0.5 -> '50%', 0 -> 'none'."""
    if share == 1:
        return tr(SHARE_ALL)
    if share == 0:
        return tr(SHARE_NONE)
    return f"{share * 100:g}%"


def reported(row: pd.Series) -> str:
    """A figure as its source states it, rounded: 3300000 with "'roughly 3.3 million a year'" -> 'roughly 3.3 million'."""
    return stated(float(row["value"]), row.get("qualifier"))


# --- the idea and its history ----------------------------------------------------------------------------


def volumes(announced: pd.DataFrame) -> str:
    """Whether the announcement gave volumes, as the data has it."""
    no_volume = announced["target_units"].isna().all() and announced["actual_units"].isna().all()
    return tr("not disclosed: no source in the data gives a target or a volume") if no_volume else tr("given in the table below")


def models(announced: pd.DataFrame) -> str:
    """The models announced, listed: 'Camry, Highlander and Tundra' (each name in the page's language)."""
    return text.listed([str(words(model)) for model in announced["model"]])


def ideas_title(ideas: pd.DataFrame) -> str:
    """'Reverse imports, 2025–26: ideas, proposals and announcements' (the years from the rows)."""
    return tr("Reverse imports, {years}: ideas, proposals and announcements").format(years=year_span(ideas["period_start"]))


def history_span(us_built_history: pd.DataFrame) -> str:
    """'1988 to 2000': the first and last years of the past programmes of U.S.-built cars."""
    first, last = us_built_history["period_start"].str[:4].min(), us_built_history["period_end"].dropna().str[:4].max()
    return tr("{first} to {last}").format(first=first, last=last)


def programme_name(row: pd.Series) -> str:
    """'Honda Accord US Wagon (1st gen)'."""
    return tables.programme_name(row)


def programme_units(row: pd.Series) -> str:
    """A programme's volume as its source states it, and over what: 'nearly 40,000 vehicles over ~3 years'."""
    return tr("{volume} vehicles over {period}").format(
        volume=stated_volume(row["actual_units"], row["actual_period"], row.get("notes")),
        period=words(period_without_quote(row["actual_period"])),
    )


def target(row: pd.Series) -> str:
    """'20,000 per year' (a target as stated)."""
    return tr("{count} {period}").format(count=tables.count(row["target_units"]), period=words(row["target_period"]))


def sold(row: pd.Series) -> str:
    """'36,228 vehicles (1996-2000 cumulative)': a model's reported sales, exact because that is the point."""
    return tr("{count} vehicles ({period})").format(count=units(row["actual_units"]), period=words(row["actual_period"]))


def average_sold(row: pd.Series) -> str:
    """'about 7,200': a programme's average sold a year (derived), as prose gives a derived count."""
    return stated(row["average_sold_per_year"])


def share_of_target(row: pd.Series) -> str:
    """'about 36%' (derived: average sold a year ÷ yearly target; the years are counted whole)."""
    return text.about_pct(row["share_of_target_pct"])


def targeted_phrase(targets: pd.DataFrame) -> str:
    """'the only programme in the data with a stated target', or 'one of 3 programmes in the data with a stated target'."""
    if len(targets) == 1:
        return tr("the only programme in the data with a stated target")
    return tr("one of {count} programmes in the data with a stated target").format(count=len(targets))


def _largest_us_built(frame: pd.DataFrame) -> pd.Series:
    rows = frame[frame["built"] == tr(US_BUILT_LABEL)]
    return rows.loc[rows["actual_units"].idxmax()]


def history_text(frame: pd.DataFrame) -> dict[str, str]:
    """Title, subtitle and description of the history chart, from the frame it draws (``history_chart_data``)."""
    largest = _largest_us_built(frame)
    most = {
        "programme": largest["programme"],
        "figure": largest["figure_as_stated"],
        "period": period_without_quote(largest["actual_period"]),
    }
    targeted = frame[frame["target_over_sales_period"].notna()]
    if targeted.empty:
        description = tr("The {programme} sold {figure} vehicles ({period}), the most of any programme of U.S.-built cars.").format(**most)
    else:
        row = targeted.iloc[0]
        share = 100 * row["actual_units"] / row["target_over_sales_period"]
        description = tr(
            "The {programme} sold {figure} vehicles ({period}), the most of any programme of U.S.-built cars; the {other} sold "
            "{count} in {years} calendar years, {share} of its yearly target over those years (derived)."
        ).format(
            **most,
            other=row["programme"],
            count=units(row["actual_units"]),
            years=int(row["calendar_years_of_sales"]),
            share=text.about_pct(share),
        )
    return {
        "title": tr("The largest past U.S.-built programme sold {figure} vehicles").format(figure=largest["figure_as_stated"]),
        "subtitle": tr("Vehicles sold or shipped to Japan over each programme's life, {years}").format(
            years=year_span(frame["programme_years"])
        ),
        "description": description,
    }


# --- the scale -------------------------------------------------------------------------------------------


def latest_shown(table: pd.DataFrame, series: str) -> pd.Series:
    """The latest year of one series of ``scale_table`` (``series``: the series' English name, ``tables.BUILT`` ...)."""
    return table[table["vehicles_counted"] == tr(series)].sort_values("year", kind="stable").iloc[-1]


def exported_year(exported: pd.Series, built: pd.Series) -> str:
    """When the exports were counted, against the production year."""
    return tr("the same year") if exported["year"] == built["year"] else tr("in {year}").format(year=exported["year"])


def foreign_units(foreign: pd.Series | None) -> str:
    """Foreign-brand registrations as prose gives them ('about 230,000'), or that the data lacks them."""
    return tr("not in the data") if foreign is None else reported(foreign)


def built_vs_market_how(built: pd.Series, market_row: pd.Series) -> str:
    """How production over the import market was derived."""
    if str(built["year"]) == str(market_row["period"]):
        return tr("production ÷ imports, both {year}").format(year=built["year"])
    return tr("production in {built_year} ÷ imports in {market_year}").format(built_year=built["year"], market_year=market_row["period"])


def scale_text(table: pd.DataFrame) -> dict[str, str]:
    """Title, subtitle and description of the scale chart, from the frame it draws (``scale_table``)."""
    built, exported, market = (latest_shown(table, series) for series in (BUILT, EXPORTED, IMPORT_MARKET))
    return {
        "title": tr("Japanese makers' U.S. output is {multiple} Japan's car imports").format(
            multiple=multiple(built["annual_vehicles"] / market["annual_vehicles"])
        ),
        "subtitle": tr(
            "Vehicles a year built in the U.S. by Japanese makers, exported from there, and imported into Japan, {years}"
        ).format(years=text.year_span(table["year"])),
        "description": tr(
            "In {year} Japanese makers built {built} vehicles in the U.S. and exported {exported} from there ({when}); "
            "Japan imported {market} cars of all brands in {market_year}."
        ).format(
            year=built["year"],
            built=built["figure_as_stated"],
            exported=exported["figure_as_stated"],
            when=exported_year(exported, built),
            market=market["figure_as_stated"],
            market_year=market["year"],
        ),
    }


# --- the calculator --------------------------------------------------------------------------------------


def deficit_source_text(deficit: pd.Series) -> str:
    """'the consistent Census series', or 'as reported by Nippon.com (Kyodo)' (the publisher, never a key)."""
    if deficit["deficit_source"] == CENSUS:
        return tr("from the consistent Census series")
    return tr("as reported by {publisher}").format(publisher=words(deficit["publisher"]))


def price_text(price: pd.Series) -> str:
    """The price used, with where it comes from."""
    if price["kind"] == "scenario":
        return tr("{price} per car (a scenario value set for this run, not a figure from the data)").format(price=usd(price["price_usd"]))
    return tr("{price} per car, the {label} in {period}").format(
        price=usd(price["price_usd"]), label=price["label"], period=text.reader_date(price["period"])
    )


def run_description(deficit: pd.Series, price: pd.Series, share: float) -> str:
    """The parameters of this run, in words (for the page)."""
    return tr("the deficit of {year} {source} ({deficit}); a price of {price}; and {share} of the deficit to offset").format(
        year=int(deficit["year"]),
        source=deficit_source_text(deficit),
        deficit=usd_bn(deficit["deficit_usd_bn"]),
        price=price_text(price),
        share=share_text(share),
    )


def deficit_used(deficit: pd.Series) -> str:
    """'$64.4 billion (U.S. goods deficit with Japan, Census basis (this site's consistent series))'."""
    return tr("{deficit} ({measure})").format(deficit=usd_bn(deficit["deficit_usd_bn"]), measure=deficit["measure"])


def deficit_range_sentence(figures: pd.DataFrame, year: int) -> str:
    """'For 2024 the data holds 8 figures, from $59.4 billion to $70.0 billion.' (or one figure)."""
    if len(figures) == 1:
        return tr("For {year} the data holds one figure, {deficit}.").format(year=year, deficit=usd_bn(figures["deficit_usd_bn"].iloc[0]))
    low, high = figures["deficit_usd_bn"].min(), figures["deficit_usd_bn"].max()
    return tr("For {year} the data holds {count} figures, from {low} to {high}.").format(
        year=year, count=len(figures), low=usd_bn(low), high=usd_bn(high)
    )


def deficit_text(frame: pd.DataFrame) -> dict[str, str]:
    """Title, subtitle and description of the deficit chart, from the frame it draws (``charts.deficit_data``)."""
    year = int(frame["year"].iloc[0])
    low, high = frame["deficit_usd_bn"].min(), frame["deficit_usd_bn"].max()
    if len(frame) == 1:
        title = tr("The data has one figure for the {year} deficit: {deficit}").format(year=year, deficit=usd_bn(high))
    elif text.compare(high, low, uncertainty=AGREEING_SPREAD * high) == "about the same as":
        title = tr("The {count} figures for the {year} deficit agree: {deficit}").format(
            count=text.count_words(len(frame)), year=year, deficit=text.about_usd_bn(frame["deficit_usd_bn"].mean())
        )
    else:
        title = tr("Figures for the {year} deficit vary from {low} to {high}").format(year=year, low=usd_bn(low), high=usd_bn(high))
    used = frame[frame["used_here"] == tr(USED_YES)].iloc[0]
    return {
        "title": title,
        "subtitle": tr(
            "U.S. goods deficit with Japan (or Japan's surplus with the U.S.) in {year}, billion USD, by source and vintage"
        ).format(year=year),
        "description": tr("{range}; the calculator uses {deficit} ({figure}).").format(
            range=deficit_range_sentence(frame, year)[:-1], deficit=usd_bn(used["deficit_usd_bn"]), figure=used["deficit_figure"]
        ),
    }


def _row(frame: pd.DataFrame, short: str) -> pd.Series:
    """A row of ``comparison_data`` by the name this page's code gave it (``REFERENCE_SHORT``, in English)."""
    return frame[frame["compared_with"] == tr(short)].iloc[0]


def comparison_text(frame: pd.DataFrame, deficit: pd.Series, price: pd.Series, share: float) -> dict[str, str]:
    """Title, subtitle and description of the comparison chart, from the frame it draws (``comparison_data``)."""
    needed, market, analysts = _row(frame, NEEDED_LABEL), _row(frame, MARKET_SHORT), _row(frame, ANALYSTS_SHORT)
    year = int(deficit["year"])
    return {
        "title": tr("Offsetting {share} of the deficit takes {cars} cars a year").format(
            share=share_text(share), cars=needed["figure_as_stated"]
        ),
        "subtitle": tr(
            "Vehicles a year (the largest programme: its lifetime total): cars needed to offset the {year} deficit "
            "at {price} a car, beside figures from the data"
        ).format(year=year, price=usd(price["price_usd"])),
        "description": tr(
            "Offsetting {share} of the {year} deficit ({deficit}) at {price} a car takes {cars} cars a year (derived), "
            "{market_multiple} Japan's car imports of all brands in {market_period} and {analysts_multiple} the reverse imports "
            "analysts expect a year."
        ).format(
            share=share_text(share),
            year=year,
            deficit=usd_bn(deficit["deficit_usd_bn"]),
            price=usd(price["price_usd"]),
            cars=needed["figure_as_stated"],
            market_multiple=multiple(market["cars_needed_multiple"]),
            market_period=market["reference_period"],
            analysts_multiple=multiple(analysts["cars_needed_multiple"]),
        ),
    }


def price_text_for_chart(points: pd.DataFrame, lines: pd.DataFrame, deficit: pd.Series, share: float) -> dict[str, str]:
    """Title, subtitle and description of the price chart, from the prices and references it draws."""
    cheapest, dearest = points.loc[points["price_usd"].idxmin()], points.loc[points["price_usd"].idxmax()]
    market = lines.iloc[0]
    return {
        "title": tr("Even at {price} a car, it takes {cars} cars a year").format(
            price=usd(dearest["price_usd"]), cars=stated(dearest["cars_needed"])
        ),
        "subtitle": tr("Cars needed a year to offset {share} of the {year} deficit ({deficit}), by price per car in USD").format(
            share=share_text(share), year=int(deficit["year"]), deficit=usd_bn(deficit["deficit_usd_bn"])
        ),
        "description": tr(
            "From {cheapest_cars} cars a year at {cheapest_price} ({cheapest}) to {dearest_cars} at {dearest_price} ({dearest}); "
            "for comparison, {reference}."
        ).format(
            cheapest_cars=stated(cheapest["cars_needed"]),
            cheapest_price=usd(cheapest["price_usd"]),
            cheapest=cheapest["short"],
            dearest_cars=stated(dearest["cars_needed"]),
            dearest_price=usd(dearest["price_usd"]),
            dearest=dearest["short"],
            reference=market["short"],
        ),
    }


def in_page_text(frame: pd.DataFrame, deficit: pd.Series, price: pd.Series, share: float) -> dict[str, str]:
    """Title, subtitle and description of the in-page calculator's chart, from the frame it draws at the sourced
    values (``comparison_data``): its title is the finding at those values, and says so, since the reader moves the bar."""
    needed, market = _row(frame, NEEDED_LABEL), _row(frame, MARKET_SHORT)
    cars, offset = needed["figure_as_stated"], share_text(share)
    return {
        "title": chartlint.fitting_title(
            tr("At the sourced values, offsetting {share} of the deficit takes {cars} cars a year").format(share=offset, cars=cars),
            tr("At sourced values, offsetting {share} of it takes {cars} cars a year").format(share=offset, cars=cars),
            tr("At sourced values, offsetting {share} of it takes {cars} cars").format(share=offset, cars=cars),
        ),
        "subtitle": tr(
            "Vehicles a year (the largest programme: its lifetime total): cars needed at the values above, "
            "redrawn as they change, beside figures from the data"
        ),
        "description": tr(
            "At the sourced values, offsetting {share} of the {year} deficit ({deficit}) at {price} a car takes {cars} cars a year "
            "(derived), {multiple} Japan's car imports of all brands in {period}; the first bar follows the values above."
        ).format(
            share=offset,
            year=int(deficit["year"]),
            deficit=usd_bn(deficit["deficit_usd_bn"]),
            price=usd(price["price_usd"]),
            cars=cars,
            multiple=multiple(market["cars_needed_multiple"]),
            period=market["reference_period"],
        ),
    }
