"""The page's sentences: figures worded for the prose ({glue:md}`name`), the charts' titles, subtitles and
descriptions, and the essay check's table.

Rounding follows ``tradetalks.text``: a figure a source states (an IEA share, a company's count) is given as
stated; a figure the data pack derives (a share computed from IEA's rounded sales, a ratio) to two
significant figures with "about"; a share that is a simple fraction as one ("about a third"). Source notes
are never glued into a sentence: the words come from the template, the figures from the data's columns.
"""

from __future__ import annotations

import pandas as pd

from tradetalks import data, text
from tradetalks.text import pct

from . import tables
from .parameters import DEFAULT_COUNTRIES
from .tables import CHINA, CHINA_SALES, COMPANY_SERIES, EDITION_WORDS, IEA, JAPAN, STAGES, WORLD

# The powertrain parameter's codes in words, for titles ("Japan's electric car share ...").
POWERTRAIN_WORDS = {"EV": "electric", "BEV": "battery-electric", "PHEV": "plug-in hybrid"}
# A stage of the chain (battery_supply_chain.stage_id) in a title's words: at most two, so a title stays short.
STAGE_WORDS = {
    "mines": "mining",
    "refineries": "refining",
    "components": "component making",
    "cells": "cell making",
    "magnets": "magnet making",
}
# The company chart's series by their role in COMPANY_SERIES (the chapter's own constants, not the data's labels).
SERIES_BY_ROLE = {spec["role"]: spec["series"] for spec in COMPANY_SERIES}
SALES_UNITS = {"CNY": "yuan"}  # automaker_sales.unit of a price -> its word in prose


def whole(share_pct: float) -> str:
    """A stated percentage as a range end shows it: '85', and a fraction's rendering ('33.3' for 'about a third') whole: '33'."""
    return f"{share_pct:.0f}" if _fraction_words(share_pct) else f"{share_pct:g}"


def span(low: float, high: float) -> str:
    """A range of stated percentages: (57, 85) -> '57–85%', (33.3, 100) -> '33–100%'; one figure when both ends agree."""
    return f"{whole(low)}%" if low == high else f"{whole(low)}–{whole(high)}%"


def share_words(share_pct: float, derived: bool) -> str:
    """A share as the prose gives it: as IEA states it (IEA rounds to two significant figures), or, where the
    data pack derived it from rounded inputs, to two significant figures with 'about'."""
    return text.about_pct(share_pct) if derived else pct(share_pct)


def _fraction_words(share_pct: float) -> str | None:
    """The fraction a non-whole percentage renders ('33.3' for 'a third'), or None: a whole number is as stated."""
    if float(share_pct).is_integer():
        return None
    words = text.fraction(share_pct, tolerance_points=0.1)
    return words.removeprefix("about ") if words.startswith("about ") and not words.endswith("%") else None


def stated(row: pd.Series) -> str:
    """A figure as its source words it, from the row's own qualifier and value: 'nearly 85%'; a value that
    renders a fraction reads as the fraction ('about a third', 'almost two-thirds'), never '33.3%'."""
    qualifier = str(row["qualifier"]) if pd.notna(row["qualifier"]) else ""
    first_word = qualifier.split(" (")[0].strip()
    if pd.isna(row["value"]):
        return first_word
    value = _fraction_words(row["value"]) or f"{row['value']:g}%"
    return " ".join(part for part in [first_word, value] if part)


def _publishers(rows: pd.DataFrame) -> pd.Series:
    """source_key -> publisher, for the sources the rows cite (read from the rows' own data folder)."""
    return data.sources_cited(rows, data_dir=data.data_dir_of(rows)).set_index("source_key")["publisher"]


def _or_missing(share_pct: float | None) -> str:
    return pct(share_pct) if share_pct is not None else "not available"


# --- the EV rush -----------------------------------------------------------------------------------------


def japan_rank(markets: pd.DataFrame) -> str:
    """Japan's rank among the markets compared (``tables.markets_compared``), from the lowest: 'lowest', 'second-lowest'
    (a market with the same share ranks alike)."""
    japan = float(markets.loc[markets["country"] == JAPAN, "share_pct"].iloc[0])
    return text.superlative(int((markets["share_pct"] < japan).sum()) + 1, "lowest")


def markets_count(markets: pd.DataFrame) -> str:
    """How many markets the page ranks Japan among, in words ('five'): the one count every sentence gives."""
    return text.count_words(len(markets))


def rank_among(markets: pd.DataFrame) -> str:
    """'the lowest of the five markets compared': every sentence that ranks Japan's share says it with this."""
    return f"the {japan_rank(markets)} of the {markets_count(markets)} markets compared"


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
    words = POWERTRAIN_WORDS[powertrain]
    subtitle = f"{counted} share of new passenger cars, by country, %, {text.year_span(series['year'])}"
    if year is None:
        return {
            "title": "The IEA series has no figure for these years",
            "subtitle": subtitle,
            "description": "The chart has no figure to show.",
        }
    markets = tables.markets_compared(series)
    top = markets["country"].iloc[0] if not markets.empty else WORLD

    def say(country: str) -> str:
        return share_words(shares[country], derived)

    if JAPAN in shares and WORLD in shares and derived:  # one "about" for both figures: a title has twelve words
        title = f"Japan's {words} share was about {pct(shares[JAPAN], 2)} in {year}, the world's {pct(shares[WORLD], 2)}"
    elif JAPAN in shares and WORLD in shares:
        title = f"Japan's {words} car share was {say(JAPAN)} in {year}, against {say(WORLD)} worldwide"
    elif JAPAN in shares:
        title = f"Japan's {words} share was the {japan_rank(markets)} of {markets_count(markets)} markets in {year}"
    else:
        title = f"{top}'s {words} share led at {say(top)} in {year}"
    if JAPAN in shares:
        world = f", against {say(WORLD)} worldwide" if WORLD in shares else ""
        first = f"In {year}, {words} cars were {say(JAPAN)} of new cars sold in Japan, {rank_among(markets)}{world}"
    elif markets.empty:
        first = f"In {year}, {words} cars were {say(top)} of new cars sold worldwide"
    else:
        first = f"In {year}, {words} cars were {say(top)} of new cars sold in {top}, the highest of the {markets_count(markets)} markets compared"
    lead = f"; {top} led with {say(top)}" if JAPAN in shares and top != JAPAN else ""
    note = " (derived from IEA's rounded figures)" if derived else ""
    return {"title": title, "subtitle": subtitle, "description": f"{first}{lead}{note}."}


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
            f"Japan's share was {rank_among(markets)} on the chart (the world figure aside)."
            if JAPAN in markets["country"].tolist()
            else "Japan is not among the countries chosen for the chart."
        ),
        "ev_powertrain_note": (
            "The chart shows BEV and PHEV together, as published by the IEA."
            if powertrain == "EV"
            else f"The chart shows {powertrain} only: **derived** by the data pack as the EV share times the {powertrain} part of "
            "IEA's sales (rounded inputs, so approximate)."
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
    trend = "rose" if latest["value_pct"] > first["value_pct"] else "fell"
    sentence = (
        f"China's share of the world's electric car sales, derived from IEA sales figures, {trend} from "
        f"{text.about_pct(first['value_pct'])} in {int(first['year'])} to {text.about_pct(latest['value_pct'])} in {int(latest['year'])}"
    )
    if int(low["year"]) not in (int(first["year"]), int(latest["year"])):
        sentence += f", with a low of {text.about_pct(low['value_pct'])} in {int(low['year'])}"
    for _, row in stated_rows.iterrows():
        sentence += f"; {publisher[row['source_key']]} states {pct(row['value_pct'])} for {int(row['year'])}"
    return {
        "title": f"China bought {text.fraction(latest['value_pct'])} of the world's electric cars in {int(latest['year'])}",
        "subtitle": f"China's share of world electric car sales (BEV + PHEV), %, {text.year_span(rows['year'])}",
        "description": sentence + ".",
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
        "china_cars": text.about(china_cars),
        "world_cars": text.about(world_cars),
        "china_share_low": f"{text.about_pct(low['value_pct'])} in {int(low['year'])}",
        "china_share_stated": "; ".join(f"{publisher[r['source_key']]} gives {pct(r['value_pct'])}" for _, r in stated_sales.iterrows()),
        "china_other_metrics": "; ".join(f"{r['metric']}: {pct(r['value_pct'])} ({int(r['year'])})" for _, r in other_metrics.iterrows()),
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
    title = f"China holds {top_span} of {STAGE_WORDS[stage[top]]}"
    if bottom != top:
        title += f" but {span(ranges.loc[bottom, 'lowest_pct'], ranges.loc[bottom, 'highest_pct'])} of {STAGE_WORDS[stage[bottom]]}"
    parts = [f"{span(row['lowest_pct'], row['highest_pct'])} in {STAGE_WORDS[stage[rung]]}" for rung, row in ranges.iterrows()]
    description = f"China's figures are {text.listed(parts)}"
    leaders = rungs[rungs["country"] != CHINA].drop_duplicates(["country", "item"])
    for rung, rows in leaders.groupby("rung", sort=True):
        led = text.listed([f"{row['country']} ({row['item']})" for _, row in rows.iterrows()])
        description += f"; where China does not lead, {led} lead{'s' if len(rows) == 1 else ''} {STAGE_WORDS[stage[rung]]}"
    return {
        "title": title,
        "subtitle": f"Share of world supply at each stage of the battery chain, %, figures for {text.year_span(rungs['year'])}",
        "description": description + ".",
    }


def battery_ladder(supply: pd.DataFrame, rungs: pd.DataFrame) -> dict[str, str]:
    """China's range at three rungs of the ladder, the figures the prose quotes, and those given in words only."""
    ranges = tables.stage_ranges(rungs).set_index("rung")
    sentences = {}
    for stage in ["mines", "cells", "magnets"]:
        rung = ranges.loc[STAGES[stage]]
        sentences[f"ladder_{stage}_range"] = f"{whole(rung['lowest_pct'])}% to {whole(rung['highest_pct'])}%"
    cobalt = tables.supply_figure(supply, "drc_cobalt_mining_2023")
    nickel = tables.supply_figure(supply, "indonesia_nickel_mining_2023")
    nickel_refining = tables.supply_figure(supply, "china_nickel_refining_2023")
    cathode = tables.supply_figure(supply, "china_cathode_capacity_2023")
    anode = tables.supply_figure(supply, "china_anode_capacity_2023")
    magnets = tables.supply_figure(supply, "china_magnet_manufacturing_2024")
    words = tables.words_only(supply)
    publisher = _publishers(words) if not words.empty else pd.Series(dtype=str)
    return sentences | {
        "mining_cobalt": f"{stated(cobalt)} in {int(cobalt['year'])}",
        "mining_nickel": f"{stated(nickel)} in {int(nickel['year'])}",
        "refining_nickel": f"{stated(nickel_refining)} in {int(nickel_refining['year'])}",
        "components_cathode": stated(cathode),
        "components_anode": stated(anode),
        "magnets_share": f"{stated(magnets)} in {int(magnets['year'])}",
        "words_only": "; ".join(
            f"{r['country']}'s share of {r['item']}, {r['qualifier'].removeprefix('stated as ')} according to {publisher[r['source_key']]}"
            for _, r in words.iterrows()
        )
        or "none",
    }


def battery_demand(demand: pd.DataFrame) -> dict[str, str]:
    """China's cars' battery demand against the world's, in the table's latest year (derived share)."""
    year = int(demand["year"].max())
    car_demand = tables.car_battery_demand_share(demand, year)
    return {
        "demand_year": str(year),
        "demand_china_gwh": f"{car_demand['region_gwh']:,g} GWh",
        "demand_world_gwh": f"{car_demand['world_gwh']:,g} GWh",
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
    subtitle = f"Vehicles sold or delivered a year, worldwide, millions, {text.year_span(series['year'])}"
    if not both:
        return {
            "title": "BYD, Tesla and Toyota sold millions of vehicles a year",
            "subtitle": subtitle,
            "description": "Sales and deliveries as the companies report them.",
        }
    year = int(both[-1])
    byd, tesla = _series_value(series, "byd_secondary", year), _series_value(series, "tesla", year)
    before = [y for y in both if y < year]
    byd_ahead_before = bool(before) and _series_value(series, "byd_secondary", before[-1]) > _series_value(series, "tesla", before[-1])
    if byd > tesla:
        title = (
            f"BYD outsold Tesla in battery-electric cars again in {year}"
            if byd_ahead_before
            else f"BYD overtook Tesla in battery-electric cars in {year}"
        )
    else:
        title = f"Tesla still outsold BYD in battery-electric cars in {year}"
    sentence = f"In {year}, BYD sold {text.about(byd)} battery-electric vehicles while Tesla delivered {text.about(tesla)}"
    nev = _series_value(series, "byd", year)
    if nev is not None:
        sentence += f"; with plug-in hybrids, BYD sold {text.about(nev)}"
    toyota, toyota_bev = _series_value(series, "toyota", year), _series_value(series, "toyota_secondary", year)
    if toyota is not None:
        sentence += f", and Toyota and Lexus {text.about(toyota)} vehicles of every powertrain"
        if toyota_bev is not None:
            sentence += f", {text.about(toyota_bev)} of them battery-electric"
    return {"title": title, "subtitle": subtitle, "description": sentence + "."}


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
        "byd_bev": text.about(byd_bev["value"]),
        "tesla_deliveries": text.about(tesla["value"]),
        # Tesla's count is stated to the thousand: a gap within 1% of it is no gap
        "byd_vs_tesla": text.compare(byd_bev["value"], tesla["value"], uncertainty=0.01 * tesla["value"], less="fewer than"),
        "byd_overseas": text.about(overseas["value"]),
        "seagull": f"{seagull['value']:,.0f} {SALES_UNITS.get(seagull['unit'], seagull['unit'])}",
        "seagull_year": str(int(seagull["year"])),
        "toyota_hev_per_bev": text.rounded(toyota_hev["value"] / toyota_bev["value"]),
        "makers_year": makers_in,
        "byd_cells": f"{byd_cells['installations_gwh']:g} GWh, {text.about_pct(byd_cells['share_pct'])}",
        "catl_cells": f"{catl_cells['installations_gwh']:g} GWh, {text.about_pct(catl_cells['share_pct'])}",
        "byd_maker_rank": text.superlative(tables.maker_rank(makers, "BYD", makers_in), "largest"),
        "catl_comparison": (
            "behind" if tables.maker_rank(makers, "CATL", makers_in) < tables.maker_rank(makers, "BYD", makers_in) else "ahead of"
        ),
        # exact counts: the point is how far apart the sources are
        "alternatives": "; ".join(
            f"{text.units(r['value'])} for {r['company']} in {int(r['year'])}, {r['scope']}, from {publisher[r['source_key']]}"
            for _, r in alternatives.iterrows()
        ),
    }


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
        "tokyo_target": f"{tokyo['target_value']} of new passenger cars sold in Tokyo to be non-gasoline, {hybrids(tokyo)}",
        "tokyo_binding": enforcement["binding"].replace(";", ","),
        "tokyo_baseline": f"{stated_target(baseline['target_value'])} in {baseline['target_year'].split(' ')[0]}, {hybrids(baseline)}",
        "national_target": f'{national["target_value"]} of new passenger car sales to be "electrified vehicles" by the {national["target_year"]}',
        "earlier_nikkei": f"{earlier_nikkei['target_value']} of new cars to be hybrids or electric cars",
        "earlier_blog_date": text.reader_date(earlier_blog["announced"]),
        "earlier_blog": f"{earlier_blog['target_value']} zero-emission vehicles, {hybrids(earlier_blog)}",
        "suga_date": text.reader_date(suga["announced"]),
    }


# What a target's counts_hybrids column (coded from its sources' words) says, in words.
HYBRIDS_WORDS = {"yes": "counting conventional hybrids as well as electric cars", "no": "which leaves conventional hybrids out"}


def hybrids(row: pd.Series) -> str:
    """Whether a target counts conventional hybrids, from its coded column ('its sources do not say' when blank)."""
    coded = row.get("counts_hybrids")
    return (
        HYBRIDS_WORDS.get(str(coded), "its sources do not say whether hybrids count")
        if pd.notna(coded)
        else ("its sources do not say whether hybrids count")
    )


def stated_target(value: str) -> str:
    """A target as the table states it, with '~' in words: '~40%' -> 'about 40%'."""
    return text.qualified("about", value[1:]) if value.startswith("~") else value


# --- In brief --------------------------------------------------------------------------------------------


def brief_rush(share: pd.DataFrame, countries: list[str]) -> str:
    """The chapter's key finding: Japan's share of electric cars against the world's, in the IEA series' latest year."""
    year = int(tables.iea_share_rows(share)["year"].max())
    markets = tables.markets_compared(tables.share_series(share, countries, "EV", *_years(share)))
    rank = f", {rank_among(markets)}" if JAPAN in markets["country"].tolist() else ""
    return (
        f"In {year}, electric cars were {pct(tables.share_of(share, JAPAN, year))} of new cars sold in Japan against "
        f"{pct(tables.share_of(share, WORLD, year))} worldwide{rank}."
    )


def _years(share: pd.DataFrame) -> tuple[int, int]:
    years = tables.share_years(share)
    return years[0], years[-1]


def brief_chain(supply: pd.DataFrame) -> str:
    """Where China holds the battery chain and where it does not, from the IEA figures the prose quotes (picked by id)."""
    figure = {name: tables.supply_figure(supply, figure_id) for name, figure_id in tables.ESSAY_SUPPLY_FIGURES.items()}
    cells, magnets, cobalt, nickel = figure["cells_capacity"], figure["magnets"], figure["cobalt_mine"], figure["nickel_mine"]
    return (
        f"China had {stated(cells)} of the world's battery-cell capacity in {int(cells['year'])} and made {stated(magnets)} of "
        f"its rare-earth magnets in {int(magnets['year'])}, but {cobalt['country']} mines {stated(cobalt)} of the cobalt and "
        f"{nickel['country']} {stated(nickel)} of the nickel."
    )


def brief_targets(targets: pd.DataFrame) -> str:
    """Tokyo's target against the essay's 'all EVs': its year and value from the row, what counts in plain words."""
    tokyo = tables.policy_row(targets, "tokyo_2030_non_gasoline_cars")
    return (
        f"Tokyo's target for {tokyo['target_year']} is {tokyo['target_value']} non-gasoline new cars, hybrids included, "
        "and it is a request to sellers, not a rule."
    )


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
    byd_rank = text.superlative(tables.maker_rank(makers, "BYD", byd_cells["year"]), "largest")
    from tradetalks.chapters.claims.tables import card_verdict  # the claims page reads this chapter: import when called

    def verdict(claim_id: str) -> str:
        return card_verdict(claim_id, data_dir)

    return pd.DataFrame(
        [
            {
                "Claim (paraphrased)": "Japan is rushing into EVs as if it were a race",
                "What the data show": (
                    f"Electric cars (BEV+PHEV) were {pct(japan)} of new cars in Japan in {last}, against {pct(world)} worldwide "
                    f"({EDITION_WORDS[IEA]})"
                    + (f"; Japan's share was {rank_among(markets)}" if JAPAN in markets["country"].tolist() else "")
                ),
                "Verdict": verdict(ESSAY_CLAIMS[0]),
            },
            {
                "Claim (paraphrased)": "The batteries and motors inside EVs are largely made in China",
                "What the data show": (
                    f"Cells: {stated(cells_capacity)} of capacity ({cells_capacity['year']}), {stated(cells_output)} of batteries "
                    f"sold ({cells_output['year']}); magnets: {stated(magnets)} ({magnets['year']}); mining led by "
                    f"{figure['cobalt_mine']['country']} (cobalt, {stated(figure['cobalt_mine'])}) and "
                    f"{figure['nickel_mine']['country']} (nickel, {stated(figure['nickel_mine'])})"
                ),
                "Verdict": verdict(ESSAY_CLAIMS[1]),
            },
            {
                "Claim (paraphrased)": "BYD is vertically integrated and on a tear",
                "What the data show": (
                    f"BYD NEV sales (BEV+PHEV) rose from {text.about(first_nev['value'])} ({first_nev['year']}) to "
                    f"{text.about(last_nev['value'])} ({last_nev['year']}), {text.about_pct(growth)} up on the year before (derived); "
                    f"it is also the {byd_rank} EV battery maker, "
                    f"{text.about_pct(byd_cells['share_pct'])} of installations in {byd_cells['year']} (SNE Research; share derived)"
                ),
                "Verdict": verdict(ESSAY_CLAIMS[2]),
            },
            {
                "Claim (paraphrased)": "Tokyo says all new cars must be EVs by 2030",
                "What the data show": (
                    f"Tokyo: {tokyo['target_value']} non-gasoline new cars by {tokyo['target_year']}, hybrids included, as a "
                    f"{enforcement['binding'].replace(';', ',')}. Japan: {national['target_value']} 'electrified' by "
                    f"{national['target_year']}, hybrids included"
                ),
                "Verdict": verdict(ESSAY_CLAIMS[3]),
            },
            {
                "Claim (paraphrased)": "What Washington really wants is to break free of China's hold on the EV supply chain",
                "What the data show": (
                    f"The dependence is real at the cell and magnet stages (above); China also bought "
                    f"{text.about_pct(latest_china['value_pct'])} of the world's electric cars in {latest_china['year']} "
                    "(derived from IEA data)"
                ),
                "Verdict": verdict(ESSAY_CLAIMS[4]),
            },
        ]
    )
