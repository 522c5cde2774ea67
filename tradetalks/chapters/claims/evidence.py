"""Page 'The claims, checked': the figures that decide each claim, one function per claim.

Claims, verdicts and reasoning are editorial data (data/claims.csv); the figures are computed here
from the data tables, never typed. Each evidence function returns a sentence with its figures, and
the table rows it used, so the page can cite their sources. Figures a chapter also shows come from
that chapter's own functions (or ``tradetalks.figures``): one rule per figure. The sentences follow
the site's rounding policy (``tradetalks.text``): a source's figure keeps its qualifier, a derived
one has two significant figures, and rows and categories are worded from their ids, never glued
from a free-text note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from tradetalks import data, figures, grid, params, text
from tradetalks.chapters.auto_tariffs import tables as tariffs
from tradetalks.text import pct, usd_bn_from_millions

from .sentences import count_as_stated

# Rows this page names by id (registered in needs.py, so check-data names a data folder lacking one).
MERCEDES = "mercedes_benz"  # japan_import_sales_by_brand.brand_id
PARKING, PARKING_WIDTH = "mechanical_parking_typical", "max_width"  # structural_factors.item_id, .metric
F150 = "ford_f_150"  # the japan_market chapter's model_id of the Ford F-150
CELLS, MAGNETS, NICKEL = "china_cell_capacity_2023", "china_magnet_manufacturing_2024", "china_nickel_refining_2023"
TOKYO_TARGET, TOKYO_ENFORCEMENT = "tokyo_2030_non_gasoline_cars", "tokyo_2030_enforcement"  # ev_policy_targets.target_id
TESLA_DELIVERIES = "tesla_deliveries"  # automaker_sales.measure_id

# What a round's milestone (negotiation_rounds.milestone) means, for a sentence about it.
MILESTONES = {
    tariffs.BEFORE_G7: "the last round before the G7 summit, aimed at a deal there",
    tariffs.DEAL: "the round in which the framework deal was announced",
}
# What the Tokyo target counts, in plain words (the data's what_counts cell quotes its sources at length).
WHAT_COUNTS = {TOKYO_TARGET: "conventional hybrids count as non-gasoline"}


@dataclass
class Evidence:
    """The figures behind a verdict: one sentence, and the rows it read (for their sources)."""

    text: str
    rows: list[pd.DataFrame] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)


def _latest_calendar(table: pd.DataFrame, column: str = "period") -> pd.DataFrame:
    return table[table[column].astype(str).str.fullmatch(r"\d{4}")]


def german_vs_us_brands(data_dir: object) -> Evidence:
    brands = data.load_table("japan_import_sales_by_brand", data_dir)
    totals = brands[(brands["period_type"] == "CY") & (brands["brand_id"] == figures.US_BRANDS) & brands["units"].notna()]
    year = int(_latest_calendar(totals)["period"].max())
    # one rule for both figures, the same the market chapter uses
    mercedes = figures.brand_registrations(brands, MERCEDES, year)
    us = figures.us_brands_registered(brands, year)
    text_ = (
        f"In {year} {mercedes['brand']} alone registered {count_as_stated(mercedes['units'], mercedes['qualifier'], 'cars')} in Japan, "
        f"{text.times(mercedes['units'] / us['units'])} as many as all U.S. brands together "
        f"({count_as_stated(us['units'], us['qualifier'])})."
    )
    return Evidence(text_, [pd.DataFrame([mercedes, us])], ["japan_import_sales_by_brand"])


def size_mismatch(data_dir: object) -> Evidence:
    from tradetalks.chapters.japan_market import sizes

    factors = data.load_table("structural_factors", data_dir)
    parking = factors[(factors["item_id"] == PARKING) & (factors["metric"] == PARKING_WIDTH)]
    shapes = sizes.footprints(factors)
    f150 = shapes[shapes["model_id"] == F150]
    if parking.empty or f150.empty:
        return Evidence("The data lack a parking width limit or a U.S. model's width to compare.", [], ["structural_factors"])
    limit, model = parking.iloc[0], f150.iloc[0]
    converted = str(model["how"]).startswith("derived")
    width = text.about(model["width_mm"], "mm", 3) if converted else f"{model['width_mm']:,.0f} mm"
    text_ = (
        f"A typical mechanical-parking space takes cars up to {float(limit['value']):,.0f} {limit['unit']} wide; "
        f"a {model['model']} is {width} wide{' (converted from inches)' if converted else ''}. "
        "The data have no statistic on narrow roads."
    )
    return Evidence(text_, [parking.head(1), f150[["source_key"]]], ["structural_factors"])


def barrier_claims(data_dir: object) -> Evidence:
    from tradetalks.chapters.japan_market import sentences as market

    claims = data.load_table("nontariff_barrier_claims", data_dir)
    years = claims["date"].astype(str).str.extract(r"(\d{4})")[0].dropna().astype(int)
    text_ = (
        f"The site's record of the non-tariff-barrier argument holds {len(claims)} statements and actions from "
        f"{years.min()} to {years.max()}: {market.stance_counts(claims)}."
    )
    return Evidence(text_, [claims], ["nontariff_barrier_claims"])


def reverse_import_scale(data_dir: object) -> Evidence:
    from tradetalks.chapters.reverse_imports import calculator, parameters
    from tradetalks.chapters.reverse_imports import tables as reverse

    tables = reverse.load_tables(data_dir)
    options = reverse.deficit_options(tables[reverse.TRADE], tables[reverse.PRICES])
    deficit = parameters.choose_deficit(options, None, reverse.CENSUS)
    price = parameters.choose_price(tables[reverse.PRICES], None)
    market = reverse.import_market(tables[reverse.MARKET])
    refs = calculator.references(tables, reverse.largest_programme(tables[reverse.REVERSE]), market)
    cars, compared = calculator.calculate(deficit, price, 1.0, refs)
    japan_market = calculator.reference(compared, calculator.MARKET_REFERENCE)
    text_ = (
        f"Offsetting the {deficit['year']} U.S. goods deficit with Japan ({text.usd_bn(deficit['deficit_usd_bn'])}) with cars "
        f"at a U.S. average price of {text.usd(price['price_usd'])} would take {text.about(cars, 'cars')} a year, "
        f"{text.multiple(japan_market['multiple'])} Japan's entire imported-car market in {japan_market['period']}."
    )
    used = [deficit.to_frame().T, price.to_frame().T, compared[compared["reference"] == japan_market["reference"]]]
    return Evidence(text_, used, ["us_japan_goods_trade", "trade_balance_and_prices", "japan_import_market_totals"])


def battery_chain(data_dir: object) -> Evidence:
    from tradetalks.chapters.ev_china import sentences as ev_china

    chain = data.load_table("battery_supply_chain", data_dir)
    # the chapter's figures, by figure_id (registered in the page's needs.py), worded by the chapter's own rule
    cells, magnets, nickel = (data.row_by_id(chain, "figure_id", figure_id) for figure_id in (CELLS, MAGNETS, NICKEL))
    text_ = (
        f"China's share of the world's battery cells: {ev_china.stated(cells)} "
        f"({cells['measure']}, {cells['year']}); of rare-earth magnets for motors: "
        f"{ev_china.stated(magnets)} ({magnets['measure']}, {magnets['year']}); "
        f"but of nickel refining only {ev_china.stated(nickel)} ({nickel['year']})."
    )
    return Evidence(text_, [chain.loc[[cells.name, magnets.name, nickel.name]]], ["battery_supply_chain"])


def ev_targets(data_dir: object) -> Evidence:
    targets = data.load_table("ev_policy_targets", data_dir)
    tokyo = data.row_by_id(targets, "target_id", TOKYO_TARGET)
    enforcement = data.row_by_id(targets, "target_id", TOKYO_ENFORCEMENT)
    text_ = (
        f"Tokyo's {tokyo['target_year']} target is {tokyo['target_value']} for the {tokyo['target_metric']}, and "
        f"{WHAT_COUNTS[TOKYO_TARGET]}; how binding it is: {enforcement['binding']}."
    )
    return Evidence(text_, [targets.loc[[tokyo.name, enforcement.name]]], ["ev_policy_targets"])


def _change(now: float, before: float, *, up: str = "up from", down: str = "down from", same: str = "the same as in") -> str:
    return up if now > before else down if now < before else same


def ev_share_japan(data_dir: object) -> Evidence:
    from tradetalks.chapters.ev_china import tables as ev_china

    share = data.load_table("ev_sales_share", data_dir)
    latest = max(year for year in ev_china.share_years(share) if ev_china.share_of(share, "Japan", year) is not None)
    japan, before, world = (
        ev_china.share_of(share, country, year) for country, year in (("Japan", latest), ("Japan", latest - 1), ("World", latest))
    )
    text_ = (
        f"Electric cars (BEV and PHEV) were {pct(japan)} of Japan's new cars in {latest}, {_change(japan, before)} "
        f"{pct(before)} in {latest - 1}; worldwide they were {pct(world)}."
    )
    rows = ev_china.iea_share_rows(share)
    used = rows[
        (rows["country"].isin(["Japan", "World"]))
        & rows["year"].isin([latest, latest - 1])
        & (rows["powertrain_id"] == ev_china.POWERTRAINS["EV"])
    ]
    return Evidence(text_, [used], ["ev_sales_share"])


def byd_growth(data_dir: object) -> Evidence:
    from tradetalks.chapters.ev_china import tables as ev_china

    sales = data.load_table("automaker_sales", data_dir)
    byd = data.rows_by_id(sales, "measure_id", ev_china.BYD_NEV_SALES).sort_values("year")
    tesla = data.rows_by_id(sales, "measure_id", TESLA_DELIVERIES)
    year = byd["year"].iloc[-2] if len(byd) > 1 and byd["year"].iloc[-1] not in set(tesla["year"]) else byd["year"].iloc[-1]
    b = byd[byd["year"] == year].iloc[0]
    t = figures.best_row(tesla[tesla["year"] == year])
    makers = data.load_table("battery_makers", data_dir)
    # the chapter's own rule: BYD's rank among single makers in the makers table's latest calendar year
    rank_year = ev_china.latest_makers_year(makers)
    rank_text, ranked = "", makers.head(0)
    if not ev_china.byd_battery_rows(makers).empty and int(rank_year) <= int(year):
        rank = ev_china.maker_rank(makers, "BYD", rank_year)
        rank_text = f"; in {rank_year} BYD was the {text.superlative(rank, 'largest')} maker of EV batteries by installations"
        ranked = makers[(makers["year"] == rank_year) & (makers["counted"] == ev_china.ONE_MAKER)]
        ranked = ranked.sort_values("installations_gwh", ascending=False).head(rank)
    text_ = (
        f"In {year} BYD sold {count_as_stated(b['value'])} new-energy vehicles (plug-in hybrids included); "
        f"Tesla delivered {count_as_stated(t['value'])}{rank_text}."
    )
    return Evidence(text_, [byd[byd["year"] == year], tesla[tesla["year"] == year], ranked], ["automaker_sales", "battery_makers"])


def ev_vs_hybrid(data_dir: object) -> Evidence:
    from tradetalks import calc
    from tradetalks.chapters.ev_emissions import calculator, sentences
    from tradetalks.chapters.ev_emissions import inputs as ev_emissions

    electricity = data.load_table("electricity", data_dir)
    lifecycle = data.load_table("lifecycle_parameters", data_dir)
    # the chapter's own default run: its parameters cell, minus what is not an input
    declared = grid.declared_parameters(grid.NOTEBOOKS_DIR / "ev_emissions.ipynb")
    defaults = {p["parameter"]: params.literal(p["default"]) for p in declared if p["parameter"] != "data_dir"}
    inputs, used = ev_emissions.resolve_inputs(electricity, lifecycle, **defaults)
    result = calculator.results(inputs, lifecycle)
    by_car = result.set_index("car")
    # the chapter's own rule for "about the same": the other car's figure within the electric car's sourced range
    compared = sentences.per_km_comparisons(result, inputs, lifecycle)
    crossing = calc.break_even_intensity(inputs)

    def against_hybrid(part: str, *, when: str) -> str:
        comparison = compared[f"{part}_vs_hybrid"]
        if comparison == "about the same as":
            return f"about as much as a hybrid {when}"
        gap = float(by_car.loc["electric", part]) - float(by_car.loc["hybrid", "total"])
        return f"{text.about(abs(gap), 'g/km')} {comparison} a hybrid {when}"

    text_ = (
        f"On Japan's grid ({inputs.grid_g_per_kwh:,.0f} g CO2/kWh), a kei EV emits {against_hybrid('use_phase', when='in use')} and "
        f"{against_hybrid('total', when='with its battery counted')}; it would win on a grid below "
        f"{text.about(crossing, 'g/kWh')}."
    )
    return Evidence(text_, [used[used["source_key"].astype(str) != ""]], ["electricity", "lifecycle_parameters"])


def seventh_round(data_dir: object) -> Evidence:
    rounds = data.load_table("negotiation_rounds", data_dir)
    r = tariffs.news_report_round(rounds)
    return Evidence(
        f"Round {r['round']} ran from {text.date_span(r['start_date'], r['end_date'], to=' to ')} in {r['location']}; "
        f"the outcome as reported: “{str(r['outcome']).rstrip('.')}”.",
        [data.rows_by_id(rounds, "round_id", tariffs.NEWS_REPORT_ROUND)],
        ["negotiation_rounds"],
    )


def deficit_change(data_dir: object) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """The consistent Census balance of the two full years before the talks (before, latest) and their rows."""
    balance = figures.consistent_balance(data.load_table("us_japan_goods_trade", data_dir))
    rounds = data.load_table("negotiation_rounds", data_dir)
    talks_year = tariffs.talks_year(rounds)
    before, latest = (balance[balance["year"] == talks_year - offset].iloc[0] for offset in (2, 1))
    return before, latest, balance[balance["year"].isin([talks_year - 2, talks_year - 1])]


def deficit_moved(before: pd.Series, latest: pd.Series) -> str:
    """'narrowed', 'widened' or 'stayed the same' (a deficit is a negative balance)."""
    return _change(-latest["balance_musd"], -before["balance_musd"], up="widened", down="narrowed", same="stayed the same")


def deficit_trend(data_dir: object) -> Evidence:
    before, latest, rows = deficit_change(data_dir)
    text_ = (
        f"The U.S. goods deficit with Japan {deficit_moved(before, latest)} from {usd_bn_from_millions(-before['balance_musd'])} "
        f"in {int(before['year'])} to {usd_bn_from_millions(-latest['balance_musd'])} in {int(latest['year'])} (Census)."
    )
    return Evidence(text_, [rows], ["us_japan_goods_trade"])


def autos_share_of_exports(data_dir: object) -> Evidence:
    exports = data.load_table("japan_auto_exports_us", data_dir)
    shares = tariffs.japan_side_shares(exports).sort_values("period")
    latest = shares[shares["period"] == shares["period"].max()]
    low, high = latest["value"].min(), latest["value"].max()
    figure = pct(low) if low == high else f"{pct(low)} to {pct(high)}"
    if len(latest) == 1:
        reports = "one report"
    else:
        counted = "which count autos differently" if latest["metric"].nunique() == len(latest) else "which count autos alike"
        reports = f"{text.count_words(len(latest))} reports, {counted}"
    text_ = (
        f"In {latest['period'].iloc[0]} autos were {figure} of Japan's exports to the U.S., by Japan's own trade statistics ({reports})."
    )
    return Evidence(text_, [latest], ["japan_auto_exports_us"])


def car_tariff_peak(data_dir: object) -> Evidence:
    timeline = data.load_table("tariff_timeline", data_dir)
    changes = tariffs.rate_changes(tariffs.us_car_rate_steps(timeline))
    base = changes.iloc[0]
    peak, last = tariffs.peak_and_deal(changes)
    text_ = (
        f"The U.S. duty on a Japanese car rose from {pct(base['rate_pct'])} to {pct(peak['rate_pct'])} on {text.date(peak['date'])}, "
        f"{text.times(peak['rate_pct'] / base['rate_pct'])} as high, then settled at {pct(last['rate_pct'])} "
        f"from {text.date(last['date'])}."
    )
    return Evidence(text_, [changes], ["tariff_timeline"])


def framework_investment(data_dir: object) -> Evidence:
    timeline = data.load_table("tariff_timeline", data_dir)
    row = tariffs.framework_agreement(timeline)
    return Evidence(
        f"On {text.reader_date(row['date'])}, as the tariff timeline records it: “{str(row['measure']).rstrip('.')}”.",
        [data.rows_by_id(timeline, "measure_id", tariffs.FRAMEWORK)],
        ["tariff_timeline"],
    )


def us_production(data_dir: object) -> Evidence:
    from tradetalks.chapters.reverse_imports import tables as reverse

    tables = reverse.load_tables(data_dir)
    # the reverse-imports chapter's own series and rule for its latest year
    built = reverse.latest(reverse.scale_series(tables[reverse.PRODUCTION], tables[reverse.MARKET]), reverse.BUILT)
    return Evidence(
        f"Japanese makers built {count_as_stated(built['value'], built['qualifier'])} vehicles in the U.S. in {built['year']}.",
        [built.to_frame().T],
        ["japanese_makers_us_production"],
    )


def g7_round(data_dir: object) -> Evidence:
    rounds = data.load_table("negotiation_rounds", data_dir)
    before_g7, deal = tariffs.before_g7_and_deal(rounds)
    text_ = (
        f"Round {before_g7['round']} ({text.date_span(before_g7['start_date'], before_g7['end_date'], to=' to ')}) was {MILESTONES[tariffs.BEFORE_G7]}; "
        f"the deal came only in round {deal['round']} ({text.date_span(deal['start_date'], deal['end_date'], to=' to ')})."
    )
    return Evidence(text_, [data.rows_by_id(rounds, "milestone", tariffs.BEFORE_G7, tariffs.DEAL)], ["negotiation_rounds"])


EVIDENCE: dict[str, Callable[[object], Evidence]] = {
    "german_vs_us_brands": german_vs_us_brands,
    "size_mismatch": size_mismatch,
    "barrier_claims": barrier_claims,
    "reverse_import_scale": reverse_import_scale,
    "battery_chain": battery_chain,
    "ev_targets": ev_targets,
    "ev_share_japan": ev_share_japan,
    "byd_growth": byd_growth,
    "ev_vs_hybrid": ev_vs_hybrid,
    "seventh_round": seventh_round,
    "deficit_trend": deficit_trend,
    "autos_share_of_exports": autos_share_of_exports,
    "car_tariff_peak": car_tariff_peak,
    "framework_investment": framework_investment,
    "us_production": us_production,
    "g7_round": g7_round,
}
