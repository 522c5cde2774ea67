"""Page 'The claims, checked': the figures that decide each claim, one function per claim.

Claims, verdicts and reasoning are editorial data (data/claims.csv); the figures are computed here
from the data tables, never typed. Each evidence function returns a sentence with one or two figures
and the table rows it used, so the page can cite their sources. Figures a chapter also shows come
from that chapter's own functions (or ``tradetalks.figures``): one rule per figure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from tradetalks import data, figures, grid, params
from tradetalks.chapters.auto_tariffs import tables as tariffs
from tradetalks.text import pct, units, usd_bn_from_millions


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
    mercedes = figures.brand_registrations(brands, "mercedes_benz", year)
    us = figures.us_brands_registered(brands, year)
    ratio = mercedes["units"] / us["units"]
    text = (
        f"In {year} {mercedes['brand']} alone registered {units(mercedes['units'])} cars in Japan, all U.S. brands together "
        f"{units(us['units'])} ({us['qualifier']}): {ratio:.1f} times as many (derived)."
    )
    return Evidence(text, [pd.DataFrame([mercedes, us])], ["japan_import_sales_by_brand"])


def size_mismatch(data_dir: object) -> Evidence:
    from tradetalks.chapters.japan_market import sizes

    factors = data.load_table("structural_factors", data_dir)
    parking = factors[(factors["item_id"] == sizes.PARKING_ITEM) & (factors["metric"] == "max_width")]
    shapes = sizes.footprints(factors)
    f150 = shapes[shapes["model_id"] == "ford_f_150"]
    if parking.empty or f150.empty:
        return Evidence("The data lack a parking width limit or a U.S. model's width to compare.", [], ["structural_factors"])
    limit, model = parking.iloc[0], f150.iloc[0]
    derived = " (derived from inches)" if str(model["how"]).startswith("derived") else ""
    text = (
        f"A typical mechanical-parking space takes cars up to {limit['value']} {limit['unit']} wide ({limit['item']}); "
        f"a {model['model']} is {model['width_mm']:,.0f} mm wide{derived}. The data have no statistic on narrow roads."
    )
    return Evidence(text, [parking.head(1), f150[["source_key"]]], ["structural_factors"])


def barrier_claims(data_dir: object) -> Evidence:
    claims = data.load_table("nontariff_barrier_claims", data_dir)
    years = claims["date"].astype(str).str.extract(r"(\d{4})")[0].dropna().astype(int)
    stances = claims["stance"].value_counts()
    listed = "; ".join(f"{count} {stance}" for stance, count in stances.items())
    text = f"The claims table records {len(claims)} statements from {years.min()} to {years.max()}: {listed}."
    return Evidence(text, [claims], ["nontariff_barrier_claims"])


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
    japan_market = compared.iloc[1]
    text = (
        f"Offsetting the {deficit['year']} deficit at a U.S. average price of ${price['price_usd']:,.0f} would take "
        f"{units(cars)} cars a year (derived), {japan_market['multiple']:.1f} times Japan's entire imported-car market "
        f"of {japan_market['period']} (derived)."
    )
    return Evidence(text, [refs.iloc[[1]]], ["us_japan_goods_trade", "trade_balance_and_prices", "japan_import_market_totals"])


def battery_chain(data_dir: object) -> Evidence:
    chain = data.load_table("battery_supply_chain", data_dir)
    # the chapter's figures, by figure_id (registered in the page's needs.py)
    cells, magnets, nickel = (
        data.row_by_id(chain, "figure_id", figure_id)
        for figure_id in ("china_cell_capacity_2023", "china_magnet_manufacturing_2024", "china_nickel_refining_2023")
    )
    text = (
        f"China's share: battery cells {pct(cells['value'])} ({cells['measure']}, {cells['year']}); rare-earth magnets for motors "
        f"{pct(magnets['value'])} ({magnets['measure']}, {magnets['year']}); but nickel refining only {pct(nickel['value'])} ({nickel['year']})."
    )
    return Evidence(text, [chain.loc[[cells.name, magnets.name, nickel.name]]], ["battery_supply_chain"])


def ev_targets(data_dir: object) -> Evidence:
    targets = data.load_table("ev_policy_targets", data_dir)
    tokyo = data.row_by_id(targets, "target_id", "tokyo_2030_non_gasoline_cars")
    text = f"Tokyo's {tokyo['target_year']} target: {tokyo['target_metric']}, {tokyo['target_value']}; what counts: {tokyo['what_counts']}."
    return Evidence(text, [targets.loc[[tokyo.name]]], ["ev_policy_targets"])


def ev_share_japan(data_dir: object) -> Evidence:
    from tradetalks.chapters.ev_china import tables as ev_china

    share = data.load_table("ev_sales_share", data_dir)
    latest = max(year for year in ev_china.share_years(share) if ev_china.share_of(share, "Japan", year) is not None)
    japan, before, world = (
        ev_china.share_of(share, country, year) for country, year in (("Japan", latest), ("Japan", latest - 1), ("World", latest))
    )
    text = f"Electric cars (BEV and PHEV) were {pct(japan)} of Japan's new cars in {latest}, down from {pct(before)} in {latest - 1}; world: {pct(world)}."
    rows = ev_china.iea_share_rows(share)
    used = rows[
        (rows["country"].isin(["Japan", "World"]))
        & rows["year"].isin([latest, latest - 1])
        & (rows["powertrain_id"] == ev_china.POWERTRAINS["EV"])
    ]
    return Evidence(text, [used], ["ev_sales_share"])


def byd_growth(data_dir: object) -> Evidence:
    from tradetalks.chapters.ev_china import tables as ev_china

    sales = data.load_table("automaker_sales", data_dir)
    byd = data.rows_by_id(sales, "measure_id", ev_china.BYD_NEV_SALES).sort_values("year")
    tesla = data.rows_by_id(sales, "measure_id", "tesla_deliveries")
    year = byd["year"].iloc[-2] if len(byd) > 1 and byd["year"].iloc[-1] not in set(tesla["year"]) else byd["year"].iloc[-1]
    b = byd[byd["year"] == year].iloc[0]
    t = tesla[tesla["year"] == year].iloc[0]
    makers = data.load_table("battery_makers", data_dir)
    ranked = makers[makers["year"].astype(str) == str(year)].dropna(subset=["share_pct"]).sort_values("installations_gwh", ascending=False)
    ranked = ranked[ranked["counted"] == ev_china.ONE_MAKER]
    rank = list(ranked["company"]).index("BYD") + 1 if "BYD" in set(ranked["company"]) else None
    rank_text = f"; it ranked {rank} among EV battery makers by installations" if rank else ""
    text = f"In {year} BYD sold {units(b['value'])} new-energy vehicles (incl. PHEV); Tesla delivered {units(t['value'])}{rank_text}."
    return Evidence(text, [byd[byd["year"] == year], tesla[tesla["year"] == year], ranked.head(2)], ["automaker_sales", "battery_makers"])


def ev_vs_hybrid(data_dir: object) -> Evidence:
    from tradetalks import calc
    from tradetalks.chapters.ev_emissions import inputs as ev_emissions

    electricity = data.load_table("electricity", data_dir)
    lifecycle = data.load_table("lifecycle_parameters", data_dir)
    # the chapter's own default run: its parameters cell, minus what is not an input
    declared = grid.declared_parameters(grid.NOTEBOOKS_DIR / "ev_emissions.ipynb")
    defaults = {p["parameter"]: params.literal(p["default"]) for p in declared if p["parameter"] != "data_dir"}
    inputs, used = ev_emissions.resolve_inputs(electricity, lifecycle, **defaults)
    use_gap = calc.gap_vs_hybrid(inputs, include_battery=False)
    total_gap = calc.gap_vs_hybrid(inputs, include_battery=True)
    crossing = calc.break_even_intensity(inputs)
    text = (
        f"On Japan's grid ({inputs.grid_g_per_kwh:.0f} g CO2/kWh), a kei EV emits {abs(use_gap):.1f} g/km "
        f"{'less' if use_gap < 0 else 'more'} than a hybrid in use and {abs(total_gap):.1f} g/km "
        f"{'less' if total_gap < 0 else 'more'} with its battery counted; it wins below {crossing:.0f} g/kWh (all derived)."
    )
    return Evidence(text, [used[used["source_key"].astype(str) != ""]], ["electricity", "lifecycle_parameters"])


def seventh_round(data_dir: object) -> Evidence:
    rounds = data.load_table("negotiation_rounds", data_dir)
    r = tariffs.news_report_round(rounds)
    return Evidence(
        f"Round {r['round']}: {r['start_date']} to {r['end_date']}, {r['location']}; outcome: {r['outcome']}.",
        [data.rows_by_id(rounds, "round_id", tariffs.NEWS_REPORT_ROUND)],
        ["negotiation_rounds"],
    )


def deficit_trend(data_dir: object) -> Evidence:
    balance = figures.consistent_balance(data.load_table("us_japan_goods_trade", data_dir))
    rounds = data.load_table("negotiation_rounds", data_dir)
    talks_year = tariffs.talks_year(rounds)
    before, latest = (balance[balance["year"] == talks_year - offset].iloc[0] for offset in (2, 1))
    text = (
        f"U.S. goods deficit with Japan: {usd_bn_from_millions(-before['balance_musd'])} in {int(before['year'])}, "
        f"{usd_bn_from_millions(-latest['balance_musd'])} in {int(latest['year'])} (Census)."
    )
    return Evidence(text, [balance[balance["year"].isin([talks_year - 2, talks_year - 1])]], ["us_japan_goods_trade"])


def autos_share_of_exports(data_dir: object) -> Evidence:
    exports = data.load_table("japan_auto_exports_us", data_dir)
    shares = tariffs.japan_side_shares(exports).sort_values("period")
    latest = shares[shares["period"] == shares["period"].max()]
    listed = "; ".join(f"{row['metric']}: {pct(row['value'])} ({row['reporter_basis']})" for _, row in latest.iterrows())
    return Evidence(f"{latest['period'].iloc[0]}: {listed}.", [latest], ["japan_auto_exports_us"])


def car_tariff_peak(data_dir: object) -> Evidence:
    timeline = data.load_table("tariff_timeline", data_dir)
    changes = tariffs.rate_changes(tariffs.us_car_rate_steps(timeline))
    base, peak, last = changes.iloc[0], changes.loc[changes["rate_pct"].idxmax()], changes.iloc[-1]
    text = (
        f"U.S. duty on a Japanese car: {pct(base['rate_pct'])} before 2025, {pct(peak['rate_pct'])} from {peak['date']:%Y-%m-%d}, "
        f"{pct(last['rate_pct'])} from {last['date']:%Y-%m-%d}."
    )
    return Evidence(text, [changes], ["tariff_timeline"])


def framework_investment(data_dir: object) -> Evidence:
    timeline = data.load_table("tariff_timeline", data_dir)
    row = tariffs.framework_agreement(timeline)
    return Evidence(f"{row['date']}: {row['measure']}.", [data.rows_by_id(timeline, "measure_id", tariffs.FRAMEWORK)], ["tariff_timeline"])


def us_production(data_dir: object) -> Evidence:
    production = data.load_table("japanese_makers_us_production", data_dir)
    rows = production[production["metric"] == "us_vehicle_production"].sort_values("year")
    latest = rows.iloc[-1]
    return Evidence(
        f"Japanese makers built {units(latest['value'])} vehicles in the U.S. in {latest['year']} ({latest['scope']}).",
        [rows.tail(1)],
        ["japanese_makers_us_production"],
    )


def g7_round(data_dir: object) -> Evidence:
    rounds = data.load_table("negotiation_rounds", data_dir)
    before_g7, deal = (data.row_by_id(rounds, "milestone", milestone) for milestone in (tariffs.BEFORE_G7, tariffs.DEAL))
    text = (
        f"Round {before_g7['round']} ({before_g7['start_date']}): {before_g7['outcome']}. "
        f"Round {deal['round']} ({deal['start_date']}): {deal['outcome']}."
    )
    return Evidence(text, [data.rows_by_id(rounds, "milestone", tariffs.BEFORE_G7, tariffs.DEAL)], ["negotiation_rounds"])


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
