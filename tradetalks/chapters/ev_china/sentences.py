"""The page's sentences: figures worded for the prose ({glue:md}`name`), the charts' titles, subtitles and
descriptions, and the essay check's table.

Rounding follows ``tradetalks.text``: a figure a source states (an IEA share, a company's count) is given as
stated; a figure the data pack derives (a share computed from IEA's rounded sales, a ratio) to two
significant figures with "about"; a share that is a simple fraction as one ("about a third"). Source notes
are never glued into a sentence: the words come from the template, the figures from the data's columns.

Every sentence is a message (``tr``) with named fields, so the Japanese edition words it whole, in its own order;
where the English joins clauses ("...; Tesla delivered ..."), each clause is a message that carries its own
punctuation, and ``sentence`` ends the whole. Words from the data (a country, a publisher, a scope) are translated
where they are put into a sentence (``tables.in_words``).
"""

from __future__ import annotations

import functools

import pandas as pd

from tradetalks import data, i18n, text
from tradetalks.i18n import N_, tr
from tradetalks.text import pct

from . import tables
from .parameters import DEFAULT_COUNTRIES
from .tables import CHINA, CHINA_SALES, COMPANY_SERIES, EDITION_WORDS, IEA, JAPAN, STAGES, WORLD, in_words

# The powertrain parameter's codes in words, for titles ("Japan's electric car share ...").
POWERTRAIN_WORDS = {"EV": N_("electric"), "BEV": N_("battery-electric"), "PHEV": N_("plug-in hybrid")}
# A stage of the chain (battery_supply_chain.stage_id) in a title's words: at most two, so a title stays short.
STAGE_WORDS = {
    "mines": N_("mining"),
    "refineries": N_("refining"),
    "components": N_("component making"),
    "cells": N_("cell making"),
    "magnets": N_("magnet making"),
}
# The company chart's series by their role in COMPANY_SERIES (the chapter's own constants, not the data's labels).
SERIES_BY_ROLE = {spec["role"]: spec["series"] for spec in COMPANY_SERIES}
SALES_UNITS = {"CNY": N_("yuan")}  # automaker_sales.unit of a price -> its word in prose
# text.compare's keyword for BYD against Tesla, as the prose puts it between them ("BYD sold ..., more than Tesla")
COMPARED = {"more than": N_("more than"), "fewer than": N_("fewer than"), "about the same as": N_("about the same as")}
# Which battery maker ranks higher, as the prose puts it before CATL ("..., behind CATL")
CATL_COMPARED = {"behind": N_("behind"), "ahead of": N_("ahead of")}
# The superlatives text.superlative looks up (marked here so the chapter's catalog holds them)
LOWEST, LARGEST = N_("lowest"), N_("largest")


def _english() -> bool:
    return i18n.current() == i18n.SOURCE_LANGUAGE


def sentence(words: str) -> str:
    """Clauses ended as a sentence: '... worldwide.' (Japanese: '…だった。')."""
    return tr("{sentence}.").format(sentence=words)


def clauses(items: list[str]) -> str:
    """Clauses one after another: 'A; B' (Japanese: each clause is a sentence already, 'A。B。')."""
    return functools.reduce(lambda before, item: tr("{clauses}; {clause}").format(clauses=before, clause=item), items) if items else ""


def items_listed(items: list[str]) -> str:
    """Items that may hold commas, one after another: 'A; B' (Japanese: 'A、B')."""
    return functools.reduce(lambda before, item: tr("{items}; {item}").format(items=before, item=item), items) if items else ""


def cars(count: float) -> str:
    """A derived count of cars as the prose glues it: 'about 11 million' (the English sentence says what it counts);
    in Japanese with its counter word, as the sentence needs it: '約1100万台'."""
    return text.about(count) if _english() else text.about(count, N_("cars"))


def exact_amount(value: float) -> str:
    """An amount as its source states it, whole: '69,800' (Japanese in 万 and 億, as a price is written: '6万9800')."""
    if _english() or abs(value) < 1e4:
        return f"{value:,.0f}"
    whole, parts = int(round(abs(value))), []
    for scale, word in ((10**8, "億"), (10**4, "万")):
        if whole >= scale:
            parts.append(f"{whole // scale}{word}")
            whole %= scale
    return ("-" if value < 0 else "") + "".join(parts) + (str(whole) if whole else "")


def whole(share_pct: float) -> str:
    """A stated percentage as a range end shows it: '85', and a fraction's rendering ('33.3' for 'about a third') whole: '33'."""
    return f"{share_pct:.0f}" if _fraction_words(share_pct) else f"{share_pct:g}"


def span(low: float, high: float) -> str:
    """A range of stated percentages: (57, 85) -> '57–85%', (33.3, 100) -> '33–100%'; one figure when both ends agree."""
    return (
        f"{whole(low)}%"
        if low == high
        else tr("{lowest_share}–{highest_share}%").format(lowest_share=whole(low), highest_share=whole(high))
    )


def share_words(share_pct: float, derived: bool) -> str:
    """A share as the prose gives it: as IEA states it (IEA rounds to two significant figures), or, where the
    data pack derived it from rounded inputs, to two significant figures with 'about'."""
    return text.about_pct(share_pct) if derived else pct(share_pct)


def _fraction_words(share_pct: float) -> str | None:
    """The fraction a non-whole percentage renders ('33.3' for 'a third'; Japanese '3分の1'), or None: a whole number is
    as stated."""
    if float(share_pct).is_integer():
        return None
    for (part, words), ja_words in zip(text.FRACTIONS, text.JA_FRACTIONS, strict=True):
        if abs(share_pct - part * 100) <= 0.1:
            return words if _english() else ja_words
    return None


def stated(row: pd.Series) -> str:
    """A figure as its source words it, from the row's own qualifier and value: 'nearly 85%'; a value that
    renders a fraction reads as the fraction ('about a third', 'almost two-thirds'), never '33.3%'. In Japanese the
    qualifier goes where Japanese puts it ('85%近く', '約3分の1'; ``text.qualified``); one it does not know is translated
    as a message around the figure ('reached 90%')."""
    qualifier = str(row["qualifier"]) if pd.notna(row["qualifier"]) else ""
    first_word = qualifier.split(" (")[0].strip()
    if pd.isna(row["value"]):
        return in_words(first_word)
    value = _fraction_words(row["value"]) or f"{row['value']:g}%"
    if _english() or not first_word:
        return " ".join(part for part in [first_word, value] if part)
    if first_word.lower() in text.QUALIFIERS:
        return text.qualified(first_word, value)
    return tr("{qualifier} {figure}").format(qualifier=in_words(first_word), figure=value)


def _publishers(rows: pd.DataFrame) -> pd.Series:
    """source_key -> publisher, for the sources the rows cite (read from the rows' own data folder)."""
    return data.sources_cited(rows, data_dir=data.data_dir_of(rows)).set_index("source_key")["publisher"]


def _or_missing(share_pct: float | None) -> str:
    return pct(share_pct) if share_pct is not None else tr("not available")


# --- the EV rush -----------------------------------------------------------------------------------------


def _japan_rank_number(markets: pd.DataFrame) -> int:
    japan = float(markets.loc[markets["country"] == JAPAN, "share_pct"].iloc[0])
    return int((markets["share_pct"] < japan).sum()) + 1


def japan_rank(markets: pd.DataFrame) -> str:
    """Japan's rank among the markets compared (``tables.markets_compared``), from the lowest: 'lowest', 'second-lowest'
    (a market with the same share ranks alike)."""
    return text.superlative(_japan_rank_number(markets), LOWEST)


def _rank_field(markets: pd.DataFrame) -> str:
    """Japan's rank below the lowest as a message's ``{rank}`` takes it: 'second-lowest' in English; in Japanese the
    number the sentence puts 番目 after ('2')."""
    return japan_rank(markets) if _english() else str(_japan_rank_number(markets))


def markets_count(markets: pd.DataFrame) -> str:
    """How many markets the page ranks Japan among, in words ('five'): the one count every sentence gives."""
    return text.count_words(len(markets))


def rank_among(markets: pd.DataFrame) -> str:
    """'the lowest of the five markets compared': every sentence that ranks Japan's share says it with this."""
    if _japan_rank_number(markets) == 1:
        return tr("the lowest of the {count} markets compared").format(count=markets_count(markets))
    return tr("the {rank} of the {count} markets compared").format(rank=_rank_field(markets), count=markets_count(markets))


def _latest_year_shares(series: pd.DataFrame) -> tuple[int | None, dict[str, float], bool]:
    """The chart's last IEA year, each country's share in it (highest first) and whether the shares are derived."""
    latest = tables.latest_shares(series)
    if latest.empty:
        return None, {}, False
    return (
        int(latest["year"].iloc[0]),
        dict(zip(latest["country"], latest["share_pct"], strict=True)),
        bool((latest["derived"] == "yes").any()),
    )


def share_chart_text(series: pd.DataFrame, counted: str, powertrain: str) -> dict[str, str]:
    """Title, subtitle and description of the share chart, from the frame it draws.

    ``counted`` is what the share counts in the data's words (``tables.powertrain_label``).
    """
    year, shares, derived = _latest_year_shares(series)
    kind = tr(POWERTRAIN_WORDS[powertrain])
    subtitle = tr("{counted} share of new passenger cars, by country, %, {years}").format(
        counted=in_words(counted), years=text.year_span(series["year"])
    )
    if year is None:
        return {
            "title": tr("The IEA series has no figure for these years"),
            "subtitle": subtitle,
            "description": tr("The chart has no figure to show."),
        }
    markets = tables.markets_compared(series)
    top = markets["country"].iloc[0] if not markets.empty else WORLD

    def say(country: str) -> str:
        return share_words(shares[country], derived)

    if JAPAN in shares and WORLD in shares and derived:  # one "about" for both figures: a title has twelve words
        title = tr("Japan's {kind} share was about {japan} in {year}, the world's {world}").format(
            kind=kind, japan=pct(shares[JAPAN], 2), year=year, world=pct(shares[WORLD], 2)
        )
    elif JAPAN in shares and WORLD in shares:
        title = tr("Japan's {kind} car share was {japan} in {year}, against {world} worldwide").format(
            kind=kind, japan=say(JAPAN), year=year, world=say(WORLD)
        )
    elif JAPAN in shares and _japan_rank_number(markets) == 1:
        title = tr("Japan's {kind} share was the lowest of {count} markets in {year}").format(
            kind=kind, count=markets_count(markets), year=year
        )
    elif JAPAN in shares:
        title = tr("Japan's {kind} share was the {rank} of {count} markets in {year}").format(
            kind=kind, rank=_rank_field(markets), count=markets_count(markets), year=year
        )
    else:
        title = tr("{country}'s {kind} share led at {share} in {year}").format(country=in_words(top), kind=kind, share=say(top), year=year)
    if JAPAN in shares and WORLD in shares:
        first = tr("In {year}, {kind} cars were {japan} of new cars sold in Japan, {rank}, against {world} worldwide").format(
            year=year, kind=kind, japan=say(JAPAN), rank=rank_among(markets), world=say(WORLD)
        )
    elif JAPAN in shares:
        first = tr("In {year}, {kind} cars were {japan} of new cars sold in Japan, {rank}").format(
            year=year, kind=kind, japan=say(JAPAN), rank=rank_among(markets)
        )
    elif markets.empty:
        first = tr("In {year}, {kind} cars were {share} of new cars sold worldwide").format(year=year, kind=kind, share=say(top))
    else:
        first = tr("In {year}, {kind} cars were {share} of new cars sold in {country}, the highest of the {count} markets compared").format(
            year=year, kind=kind, share=say(top), country=in_words(top), count=markets_count(markets)
        )
    lead = tr("; {country} led with {share}").format(country=in_words(top), share=say(top)) if JAPAN in shares and top != JAPAN else ""
    note = tr(" (derived from IEA's rounded figures)") if derived else ""
    return {"title": title, "subtitle": subtitle, "description": sentence(f"{first}{lead}{note}")}


def ev_rush(share: pd.DataFrame, series: pd.DataFrame, year_to: int, powertrain: str) -> dict[str, str]:
    """Japan's share against the world's in the chart's last year, its rank on the chart and its peak."""
    latest = tables.latest_shares(series)
    last_year = int(latest["year"].iloc[0]) if not latest.empty else year_to
    peak = tables.japan_peak(share)
    markets = tables.markets_compared(series)
    return {
        "ev_last_year": str(last_year),
        "ev_japan_last": _or_missing(tables.share_of(share, JAPAN, last_year)),
        "ev_world_last": _or_missing(tables.share_of(share, WORLD, last_year)),
        "ev_japan_peak": pct(peak["share_pct"]),
        "ev_japan_peak_year": str(int(peak["year"])),
        "ev_rank_sentence": (
            tr("Japan's share was {rank} on the chart (the world figure aside).").format(rank=rank_among(markets))
            if JAPAN in markets["country"].tolist()
            else tr("Japan is not among the countries chosen for the chart.")
        ),
        "ev_powertrain_note": (
            tr("The chart shows BEV and PHEV together, as published by the IEA.")
            if powertrain == "EV"
            else tr(
                "The chart shows {powertrain} only: **derived** by the data pack as the EV share times the {powertrain} part of "
                "IEA's sales (rounded inputs, so approximate)."
            ).format(powertrain=powertrain)
        ),
    }


def japan_hybrids(share: pd.DataFrame) -> dict[str, str]:
    """Combustion-only cars' share of Japan's new cars (JATO), in its latest full year."""
    ice = tables.japan_ice_share(share)
    return {"ev_japan_ice": pct(ice["share_pct"]), "ev_japan_ice_year": str(int(ice["year"]))}


# --- China's share ---------------------------------------------------------------------------------------


def _china_derived(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows["derived"] == "yes"].sort_values("year")


def china_share_chart_text(rows: pd.DataFrame) -> dict[str, str]:
    """Title, subtitle and description of the China-share chart, from the frame it draws (``tables.china_share_series``)."""
    derived = _china_derived(rows)
    first, latest = derived.iloc[0], derived.iloc[-1]
    low = derived.loc[derived["value_pct"].idxmin()]
    stated_rows = rows[rows["derived"] == "no"]
    publisher = _publishers(stated_rows) if not stated_rows.empty else pd.Series(dtype=str)
    trend = (
        tr(
            "China's share of the world's electric car sales, derived from IEA sales figures, rose from {first} in {first_year} "
            "to {latest} in {latest_year}"
        )
        if latest["value_pct"] > first["value_pct"]
        else tr(
            "China's share of the world's electric car sales, derived from IEA sales figures, fell from {first} in {first_year} "
            "to {latest} in {latest_year}"
        )
    )
    words = trend.format(
        first=text.about_pct(first["value_pct"]),
        first_year=int(first["year"]),
        latest=text.about_pct(latest["value_pct"]),
        latest_year=int(latest["year"]),
    )
    if int(low["year"]) not in (int(first["year"]), int(latest["year"])):
        words += tr(", with a low of {low} in {year}").format(low=text.about_pct(low["value_pct"]), year=int(low["year"]))
    for _, row in stated_rows.iterrows():
        words += tr("; {publisher} states {share} for {year}").format(
            publisher=in_words(publisher[row["source_key"]]), share=pct(row["value_pct"]), year=int(row["year"])
        )
    return {
        "title": tr("China bought {share} of the world's electric cars in {year}").format(
            share=text.fraction(latest["value_pct"]), year=int(latest["year"])
        ),
        "subtitle": tr("China's share of world electric car sales (BEV + PHEV), %, {years}").format(years=text.year_span(rows["year"])),
        "description": sentence(words),
    }


def china_share(china_share: pd.DataFrame, china_rows: pd.DataFrame, volume: pd.DataFrame) -> dict[str, str]:
    """China's share of world electric car sales: latest, lowest, as stated elsewhere, and other shares stated."""
    derived_rows = _china_derived(china_rows)
    latest = derived_rows.iloc[-1]
    low = derived_rows.loc[derived_rows["value_pct"].idxmin()]
    china_cars, world_cars = tables.china_sales(volume, int(latest["year"]))
    stated_sales = china_share[(china_share["derived"] == "no") & (china_share["measure_id"] == CHINA_SALES)]
    publisher = _publishers(stated_sales)
    other_metrics = china_share[(china_share["derived"] == "no") & (china_share["measure_id"] != CHINA_SALES)]
    return {
        "china_share_year": str(int(latest["year"])),
        "china_share_latest": text.about_pct(latest["value_pct"]),
        "china_cars": cars(china_cars),
        "world_cars": cars(world_cars),
        "china_share_low": tr("{low_share} in {low_year}").format(low_share=text.about_pct(low["value_pct"]), low_year=int(low["year"])),
        "china_share_stated": clauses(
            [
                tr("{publisher} gives {share}").format(publisher=in_words(publisher[r["source_key"]]), share=pct(r["value_pct"]))
                for _, r in stated_sales.iterrows()
            ]
        ),
        "china_other_metrics": items_listed(
            [
                tr("{metric}: {metric_share} ({metric_year})").format(
                    metric=in_words(r["metric"]), metric_share=pct(r["value_pct"]), metric_year=int(r["year"])
                )
                for _, r in other_metrics.iterrows()
            ]
        ),
    }


# --- the battery ladder ----------------------------------------------------------------------------------


def _stage_of_rung() -> dict[str, str]:
    return {rung: stage for stage, rung in STAGES.items()}


def ladder_chart_text(rungs: pd.DataFrame) -> dict[str, str]:
    """Title, subtitle and description of the ladder, from the frame it draws (``tables.ladder``).

    The title contrasts the stage where China's lowest figure is highest with the one where it is lowest.
    """
    ranges = tables.stage_ranges(rungs).set_index("rung")
    stage = _stage_of_rung()
    top, bottom = ranges["lowest_pct"].idxmax(), ranges["lowest_pct"].idxmin()
    top_span = span(ranges.loc[top, "lowest_pct"], ranges.loc[top, "highest_pct"])
    if bottom != top:
        title = tr("China holds {share} of {stage} but {other_share} of {other_stage}").format(
            share=top_span,
            stage=tr(STAGE_WORDS[stage[top]]),
            other_share=span(ranges.loc[bottom, "lowest_pct"], ranges.loc[bottom, "highest_pct"]),
            other_stage=tr(STAGE_WORDS[stage[bottom]]),
        )
    else:
        title = tr("China holds {share} of {stage}").format(share=top_span, stage=tr(STAGE_WORDS[stage[top]]))
    parts = [
        tr("{share} in {stage}").format(share=span(row["lowest_pct"], row["highest_pct"]), stage=tr(STAGE_WORDS[stage[rung]]))
        for rung, row in ranges.iterrows()
    ]
    description = tr("China's figures are {shares}").format(shares=text.listed(parts))
    leaders = rungs[rungs["country"] != CHINA].drop_duplicates(["country", "item"])
    for rung, rows in leaders.groupby("rung", sort=True):
        led = text.listed(
            [tr("{country} ({item})").format(country=in_words(row["country"]), item=in_words(row["item"])) for _, row in rows.iterrows()]
        )
        leads = (
            tr("; where China does not lead, {leaders} leads {stage}")
            if len(rows) == 1
            else tr("; where China does not lead, {leaders} lead {stage}")
        )
        description += leads.format(leaders=led, stage=tr(STAGE_WORDS[stage[rung]]))
    return {
        "title": title,
        "subtitle": tr("Share of world supply at each stage of the battery chain, %, figures for {years}").format(
            years=text.year_span(rungs["year"])
        ),
        "description": sentence(description),
    }


def battery_ladder(supply: pd.DataFrame, rungs: pd.DataFrame) -> dict[str, str]:
    """China's range at three rungs of the ladder, the figures the prose quotes, and those given in words only."""
    ranges = tables.stage_ranges(rungs).set_index("rung")
    sentences = {}
    for stage in ["mines", "cells", "magnets"]:
        rung = ranges.loc[STAGES[stage]]
        sentences[f"ladder_{stage}_range"] = tr("{lowest_share}% to {highest_share}%").format(
            lowest_share=whole(rung["lowest_pct"]), highest_share=whole(rung["highest_pct"])
        )
    cobalt = tables.supply_figure(supply, "drc_cobalt_mining_2023")
    nickel = tables.supply_figure(supply, "indonesia_nickel_mining_2023")
    nickel_refining = tables.supply_figure(supply, "china_nickel_refining_2023")
    cathode = tables.supply_figure(supply, "china_cathode_capacity_2023")
    anode = tables.supply_figure(supply, "china_anode_capacity_2023")
    magnets = tables.supply_figure(supply, "china_magnet_manufacturing_2024")
    words = tables.words_only(supply)
    publisher = _publishers(words) if not words.empty else pd.Series(dtype=str)
    return sentences | {
        "mining_cobalt": _figure_in(cobalt),
        "mining_nickel": _figure_in(nickel),
        "refining_nickel": _figure_in(nickel_refining),
        "components_cathode": stated(cathode),
        "components_anode": stated(anode),
        "magnets_share": _figure_in(magnets),
        "words_only": clauses(
            [
                tr("{country}'s share of {item}, {words} according to {publisher}").format(
                    country=in_words(r["country"]),
                    item=in_words(r["item"]),
                    words=in_words(r["qualifier"].removeprefix("stated as ")),
                    publisher=in_words(publisher[r["source_key"]]),
                )
                for _, r in words.iterrows()
            ]
        )
        or tr("none"),
    }


def _figure_in(row: pd.Series) -> str:
    """A stated figure with its year, for the prose: 'more than 60% in 2023' (Japanese: '2023年時点で60%超')."""
    return tr("{stated_share} in {stated_year}").format(stated_share=stated(row), stated_year=int(row["year"]))


def battery_demand(demand: pd.DataFrame) -> dict[str, str]:
    """China's cars' battery demand against the world's, in the table's latest year (derived share)."""
    year = int(demand["year"].max())
    car_demand = tables.car_battery_demand_share(demand, year)
    return {
        "demand_year": str(year),
        "demand_china_gwh": tr("{amount} GWh").format(amount=f"{car_demand['region_gwh']:,g}"),
        "demand_world_gwh": tr("{amount} GWh").format(amount=f"{car_demand['world_gwh']:,g}"),
        "demand_china_share": text.about_pct(car_demand["share_pct"]),
    }


# --- BYD, Tesla, Toyota ----------------------------------------------------------------------------------


def _series_value(series: pd.DataFrame, role: str, year: int) -> float | None:
    rows = series[(series["series"] == SERIES_BY_ROLE[role]) & (series["year"] == year)]
    return None if rows.empty else float(rows["value"].iloc[0])


def company_chart_text(series: pd.DataFrame) -> dict[str, str]:
    """Title, subtitle and description of the company chart, from the frame it draws (``tables.company_series``).

    The title says whether BYD's battery-electric sales passed Tesla's deliveries, in the latest year both have.
    """
    both = [
        year
        for year in sorted(series["year"].unique())
        if None not in (_series_value(series, "byd_secondary", year), _series_value(series, "tesla", year))
    ]
    subtitle = tr("Vehicles sold or delivered a year, worldwide, millions, {years}").format(years=text.year_span(series["year"]))
    if not both:
        return {
            "title": tr("BYD, Tesla and Toyota sold millions of vehicles a year"),
            "subtitle": subtitle,
            "description": tr("Sales and deliveries as the companies report them."),
        }
    year = int(both[-1])
    byd, tesla = _series_value(series, "byd_secondary", year), _series_value(series, "tesla", year)
    before = [y for y in both if y < year]
    byd_ahead_before = bool(before) and _series_value(series, "byd_secondary", before[-1]) > _series_value(series, "tesla", before[-1])
    if byd > tesla:
        title = (
            tr("BYD outsold Tesla in battery-electric cars again in {year}")
            if byd_ahead_before
            else tr("BYD overtook Tesla in battery-electric cars in {year}")
        ).format(year=year)
    else:
        title = tr("Tesla still outsold BYD in battery-electric cars in {year}").format(year=year)
    words = tr("In {year}, BYD sold {byd} battery-electric vehicles while Tesla delivered {tesla}").format(
        year=year, byd=cars(byd), tesla=cars(tesla)
    )
    nev = _series_value(series, "byd", year)
    if nev is not None:
        words += tr("; with plug-in hybrids, BYD sold {byd}").format(byd=cars(nev))
    toyota, toyota_bev = _series_value(series, "toyota", year), _series_value(series, "toyota_secondary", year)
    if toyota is not None:
        words += tr(", and Toyota and Lexus {toyota} vehicles of every powertrain").format(toyota=cars(toyota))
        if toyota_bev is not None:
            words += tr(", {toyota_bev} of them battery-electric").format(toyota_bev=cars(toyota_bev))
    return {"title": title, "subtitle": subtitle, "description": sentence(words)}


def company_sales(sales: pd.DataFrame, makers: pd.DataFrame, makers_year: pd.DataFrame, alternatives: pd.DataFrame) -> dict[str, str]:
    """BYD against Tesla and Toyota in the latest sales year, BYD and CATL as battery makers, and the totals in dispute.

    ``makers_year`` is ``tables.battery_makers_table`` for the makers table's latest year, ``alternatives``
    ``tables.company_alternatives``.
    """
    last_sales_year = int(sales["year"].max())
    byd_bev = tables.sales_value(sales, "byd_bev_sales", last_sales_year)
    tesla = tables.sales_value(sales, "tesla_deliveries", last_sales_year)
    toyota_hev = tables.sales_value(sales, "toyota_hev_sales", last_sales_year)
    toyota_bev = tables.sales_value(sales, "toyota_bev_sales", last_sales_year)
    overseas = tables.sales_value(sales, "byd_overseas_sales", last_sales_year)
    seagull = data.row_by_id(sales, "measure_id", "byd_entry_model_price")
    makers_in = tables.latest_makers_year(makers)
    byd_cells = makers_year[makers_year["company"] == "BYD"].iloc[0]
    catl_cells = makers_year[makers_year["company"] == "CATL"].iloc[0]
    publisher = _publishers(alternatives)
    return {
        "sales_year": str(last_sales_year),
        "byd_bev": cars(byd_bev["value"]),
        "tesla_deliveries": cars(tesla["value"]),
        # Tesla's count is stated to the thousand: a gap within 1% of it is no gap
        "byd_vs_tesla": tr(COMPARED[text.compare(byd_bev["value"], tesla["value"], uncertainty=0.01 * tesla["value"], less="fewer than")]),
        "byd_overseas": cars(overseas["value"]),
        "seagull": tr("{price} {currency}").format(
            price=exact_amount(seagull["value"]), currency=in_words(SALES_UNITS.get(seagull["unit"], seagull["unit"]))
        ),
        "seagull_year": str(int(seagull["year"])),
        "toyota_hev_per_bev": text.rounded(toyota_hev["value"] / toyota_bev["value"]),
        "makers_year": makers_in,
        "byd_cells": _installations(byd_cells),
        "catl_cells": _installations(catl_cells),
        "byd_maker_rank": text.superlative(tables.maker_rank(makers, "BYD", makers_in), LARGEST),
        "catl_comparison": tr(
            CATL_COMPARED[
                "behind" if tables.maker_rank(makers, "CATL", makers_in) < tables.maker_rank(makers, "BYD", makers_in) else "ahead of"
            ]
        ),
        # exact counts: the point is how far apart the sources are
        "alternatives": clauses(
            [
                tr("{count} for {company} in {year}, {scope}, from {publisher}").format(
                    count=text.units(r["value"]),
                    company=in_words(r["company"]),
                    year=int(r["year"]),
                    scope=in_words(r["scope"]),
                    publisher=in_words(publisher[r["source_key"]]),
                )
                for _, r in alternatives.iterrows()
            ]
        ),
    }


def _installations(maker: pd.Series) -> str:
    """A battery maker's installations and its derived share of the world's: '153.7 GWh, about 17%'."""
    return tr("{gwh} GWh, {share}").format(gwh=f"{maker['installations_gwh']:g}", share=text.about_pct(maker["share_pct"]))


# --- policy ----------------------------------------------------------------------------------------------


def targets(targets: pd.DataFrame) -> dict[str, str]:
    """Tokyo's and Japan's targets: years, values and dates from the rows (picked by id), what counts in plain words.

    What each target counts is a fact of the target its id names; the table's ``what_counts`` cells are the
    sources' own shorthand ("EV, PHEV, FCEV AND ...") and stay in the table.
    """
    tokyo = tables.policy_row(targets, "tokyo_2030_non_gasoline_cars")
    enforcement = tables.policy_row(targets, "tokyo_2030_enforcement")
    national = tables.policy_row(targets, "japan_2035_electrified_sales")
    baseline = tables.policy_row(targets, "tokyo_fy2019_baseline")
    earlier_nikkei = tables.policy_row(targets, "tokyo_2030_earlier_target_nikkei")
    earlier_blog = tables.policy_row(targets, "tokyo_2030_zev_paris_statement")
    suga = tables.policy_row(targets, "japan_2035_suga_speech")
    return {
        "tokyo_year": tokyo["target_year"],
        "tokyo_target": tr("{share} of new passenger cars sold in Tokyo to be non-gasoline, {hybrids}").format(
            share=tokyo["target_value"], hybrids=hybrids(tokyo)
        ),
        "tokyo_binding": in_words(enforcement["binding"].replace(";", ",")),
        "tokyo_baseline": tr("{share} in {fiscal_year}, {hybrids}").format(
            share=stated_target(baseline["target_value"]),
            fiscal_year=in_words(baseline["target_year"].split(" ")[0]),
            hybrids=hybrids(baseline),
        ),
        "national_target": tr('{share} of new passenger car sales to be "electrified vehicles" by the {year}').format(
            share=national["target_value"], year=in_words(national["target_year"])
        ),
        "earlier_nikkei": tr("{share} of new cars to be hybrids or electric cars").format(share=earlier_nikkei["target_value"]),
        "earlier_blog_date": text.reader_date(earlier_blog["announced"]),
        "earlier_blog": tr("{share} zero-emission vehicles, {hybrids}").format(
            share=earlier_blog["target_value"], hybrids=hybrids(earlier_blog)
        ),
        "suga_date": text.reader_date(suga["announced"]),
    }


# What a target's counts_hybrids column (coded from its sources' words) says, in words.
HYBRIDS_WORDS = {"yes": N_("counting conventional hybrids as well as electric cars"), "no": N_("which leaves conventional hybrids out")}
HYBRIDS_UNKNOWN = N_("its sources do not say whether hybrids count")


def hybrids(row: pd.Series) -> str:
    """Whether a target counts conventional hybrids, from its coded column ('its sources do not say' when blank)."""
    coded = row.get("counts_hybrids")
    return tr(HYBRIDS_WORDS.get(str(coded), HYBRIDS_UNKNOWN) if pd.notna(coded) else HYBRIDS_UNKNOWN)


def stated_target(value: str) -> str:
    """A target as the table states it, with '~' in words: '~40%' -> 'about 40%'."""
    return text.qualified("about", value[1:]) if value.startswith("~") else value


# --- In brief --------------------------------------------------------------------------------------------


def brief_rush(share: pd.DataFrame, countries: list[str]) -> str:
    """The chapter's key finding: Japan's share of electric cars against the world's, in the IEA series' latest year."""
    year = int(tables.iea_share_rows(share)["year"].max())
    markets = tables.markets_compared(tables.share_series(share, countries, "EV", *_years(share)))
    figures = {"year": year, "japan": pct(tables.share_of(share, JAPAN, year)), "world": pct(tables.share_of(share, WORLD, year))}
    if JAPAN in markets["country"].tolist():
        return tr("In {year}, electric cars were {japan} of new cars sold in Japan against {world} worldwide, {rank}.").format(
            rank=rank_among(markets), **figures
        )
    return tr("In {year}, electric cars were {japan} of new cars sold in Japan against {world} worldwide.").format(**figures)


def _years(share: pd.DataFrame) -> tuple[int, int]:
    years = tables.share_years(share)
    return years[0], years[-1]


def brief_chain(supply: pd.DataFrame) -> str:
    """Where China holds the battery chain and where it does not, from the IEA figures the prose quotes (picked by id)."""
    figure = {name: tables.supply_figure(supply, figure_id) for name, figure_id in tables.ESSAY_SUPPLY_FIGURES.items()}
    cells, magnets, cobalt, nickel = figure["cells_capacity"], figure["magnets"], figure["cobalt_mine"], figure["nickel_mine"]
    return tr(
        "China had {cells} of the world's battery-cell capacity in {cells_year} and made {magnets} of its rare-earth magnets in "
        "{magnets_year}, but {cobalt_country} mines {cobalt} of the cobalt and {nickel_country} {nickel} of the nickel."
    ).format(
        cells=stated(cells),
        cells_year=int(cells["year"]),
        magnets=stated(magnets),
        magnets_year=int(magnets["year"]),
        cobalt_country=in_words(cobalt["country"]),
        cobalt=stated(cobalt),
        nickel_country=in_words(nickel["country"]),
        nickel=stated(nickel),
    )


def brief_targets(targets: pd.DataFrame) -> str:
    """Tokyo's target against the essay's 'all EVs': its year and value from the row, what counts in plain words."""
    tokyo = tables.policy_row(targets, "tokyo_2030_non_gasoline_cars")
    return tr(
        "Tokyo's target for {year} is {share} non-gasoline new cars, hybrids included, and it is a request to sellers, not a rule."
    ).format(year=tokyo["target_year"], share=tokyo["target_value"])


# --- the essay's claims ----------------------------------------------------------------------------------


# The essay's claims this page checks, in the table's order, by the claims table's claim_id.
ESSAY_CLAIMS = ("essay-rush", "essay-china-parts", "essay-byd", "essay-tokyo-2030", "essay-us-motive")


def essay_checks(
    share: pd.DataFrame,
    china_share: pd.DataFrame,
    supply: pd.DataFrame,
    makers: pd.DataFrame,
    sales: pd.DataFrame,
    targets: pd.DataFrame,
    countries: list[str] | None = None,
    data_dir: object = None,
) -> pd.DataFrame:
    """The opinion essay's checkable claims (paraphrased), what the data show, and the claims page's verdict on each
    (``claims.tables.card_verdict``, by claim id: one verdict per claim on the whole site). Every figure comes from the tables.

    Japan is ranked among the markets the chart compares (``countries``, the chapter's parameter; None means its
    default), by ``tables.markets_compared``: the same count as the chart and the prose. Its rows rest on
    ``tables.essay_evidence``.
    """
    iea = tables.iea_share_rows(share)
    last = int(iea["year"].max())
    japan, world = tables.share_of(share, JAPAN, last), tables.share_of(share, WORLD, last)
    chosen = DEFAULT_COUNTRIES if countries is None else countries
    markets = tables.markets_compared(tables.share_series(share, chosen, "EV", *_years(share)))
    derived = china_share[(china_share["derived"] == "yes") & (china_share["measure_id"] == CHINA_SALES)]
    latest_china = derived.loc[derived["year"].idxmax()]
    figure = {name: tables.supply_figure(supply, figure_id) for name, figure_id in tables.ESSAY_SUPPLY_FIGURES.items()}
    cells_capacity, cells_output, magnets = figure["cells_capacity"], figure["cells_output"], figure["magnets"]
    byd_cells = tables.byd_battery_rows(makers).iloc[0]
    byd_nev = data.rows_by_id(sales, "measure_id", tables.BYD_NEV_SALES).sort_values("year")
    first_nev, last_nev = byd_nev.iloc[0], byd_nev.iloc[-1]
    growth = 100 * (last_nev["value"] / byd_nev.iloc[-2]["value"] - 1)
    target = {name: tables.policy_row(targets, target_id) for name, target_id in tables.ESSAY_TARGETS.items()}
    tokyo, enforcement, national = target["tokyo"], target["enforcement"], target["national"]
    byd_rank = text.superlative(tables.maker_rank(makers, "BYD", byd_cells["year"]), LARGEST)
    from tradetalks.chapters.claims.charts import verdict_label  # the claims page reads this chapter: import when called
    from tradetalks.chapters.claims.tables import card_verdict

    def verdict(claim_id: str) -> str:
        return verdict_label(card_verdict(claim_id, data_dir))  # the claims table's code, in the reader's words

    japan_row = (
        tr(
            "Electric cars (BEV+PHEV) were {japan} of new cars in Japan in {year}, against {world} worldwide ({edition}); "
            "Japan's share was {rank}"
        ).format(rank=rank_among(markets), japan=pct(japan), year=last, world=pct(world), edition=tr(EDITION_WORDS[IEA]))
        if JAPAN in markets["country"].tolist()
        else tr("Electric cars (BEV+PHEV) were {japan} of new cars in Japan in {year}, against {world} worldwide ({edition})").format(
            japan=pct(japan), year=last, world=pct(world), edition=tr(EDITION_WORDS[IEA])
        )
    )
    rows = [
        (
            N_("Japan is rushing into EVs as if it were a race"),
            japan_row,
        ),
        (
            N_("The batteries and motors inside EVs are largely made in China"),
            tr(
                "Cells: {cells_capacity} of capacity ({cells_capacity_year}), {cells_output} of batteries sold ({cells_output_year}); "
                "magnets: {magnets} ({magnets_year}); mining led by {cobalt_country} (cobalt, {cobalt}) and {nickel_country} (nickel, {nickel})"
            ).format(
                cells_capacity=stated(cells_capacity),
                cells_capacity_year=cells_capacity["year"],
                cells_output=stated(cells_output),
                cells_output_year=cells_output["year"],
                magnets=stated(magnets),
                magnets_year=magnets["year"],
                cobalt_country=in_words(figure["cobalt_mine"]["country"]),
                cobalt=stated(figure["cobalt_mine"]),
                nickel_country=in_words(figure["nickel_mine"]["country"]),
                nickel=stated(figure["nickel_mine"]),
            ),
        ),
        (
            N_("BYD is vertically integrated and on a tear"),
            tr(
                "BYD NEV sales (BEV+PHEV) rose from {first} ({first_year}) to {last} ({last_year}), {growth} up on the year before "
                "(derived); it is also the {rank} EV battery maker, {share} of installations in {year} (SNE Research; share derived)"
            ).format(
                first=cars(first_nev["value"]),
                first_year=first_nev["year"],
                last=cars(last_nev["value"]),
                last_year=last_nev["year"],
                growth=text.about_pct(growth),
                rank=byd_rank,
                share=text.about_pct(byd_cells["share_pct"]),
                year=byd_cells["year"],
            ),
        ),
        (
            N_("Tokyo says all new cars must be EVs by 2030"),
            tr(
                "Tokyo: {share} non-gasoline new cars by {year}, hybrids included, as a {binding}. "
                "Japan: {national_share} 'electrified' by {national_year}, hybrids included"
            ).format(
                share=tokyo["target_value"],
                year=tokyo["target_year"],
                binding=in_words(enforcement["binding"].replace(";", ",")),
                national_share=national["target_value"],
                national_year=in_words(national["target_year"]),
            ),
        ),
        (
            N_("What Washington really wants is to break free of China's hold on the EV supply chain"),
            tr(
                "The dependence is real at the cell and magnet stages (above); China also bought {share} of the world's electric cars "
                "in {year} (derived from IEA data)"
            ).format(share=text.about_pct(latest_china["value_pct"]), year=latest_china["year"]),
        ),
    ]
    # the table's headers are words, shown as they are (tradetalks.columns): translated here
    claim, shown, verdict_words = tr("Claim (paraphrased)"), tr("What the data show"), tr("Verdict")
    return pd.DataFrame(
        [
            {claim: tr(paraphrase), shown: what, verdict_words: verdict(claim_id)}
            for (paraphrase, what), claim_id in zip(rows, ESSAY_CLAIMS, strict=True)
        ]
    )
