"""The page's sentences: figures worded for the prose ({glue:md}`name`), and the essay check's table."""

from __future__ import annotations

import pandas as pd

from tradetalks import data
from tradetalks.text import millions, pct

from . import tables
from .tables import CHINA_SALES, JAPAN, POWERTRAINS, STAGES, WORLD


def ordinal(rank: int, lowest: bool = True) -> str:
    """1 -> 'lowest' (or 'largest'), 2 -> 'second-lowest' ..."""
    word = "lowest" if lowest else "largest"
    prefix = {1: "", 2: "second-", 3: "third-"}.get(rank, f"{rank}th-")
    return prefix + word


def stated(row: pd.Series) -> str:
    """A figure as its source words it: qualifier and number ('nearly 85%'), from the row's own columns."""
    qualifier = str(row["qualifier"]) if pd.notna(row["qualifier"]) else ""
    first_word = qualifier.split(" (")[0].strip()
    value = f"{row['value']:g}%" if pd.notna(row["value"]) else ""
    return " ".join(part for part in [first_word, value] if part)


def _publishers(rows: pd.DataFrame) -> pd.Series:
    """source_key -> publisher, for the sources the rows cite (read from the rows' own data folder)."""
    return data.sources_cited(rows, data_dir=data.data_dir_of(rows)).set_index("source_key")["publisher"]


def _or_missing(share_pct: float | None) -> str:
    return pct(share_pct) if share_pct is not None else "not available"


def ev_rush(share: pd.DataFrame, series: pd.DataFrame, year_to: int, powertrain: str) -> dict[str, str]:
    """Japan's share against the world's in the chart's last year, its rank on the chart and its peak."""
    latest = tables.latest_shares(series)
    last_year = int(latest["year"].iloc[0]) if not latest.empty else year_to
    peak = tables.japan_peak(share)
    ranked = latest["country"].tolist()
    return {
        "ev_last_year": str(last_year),
        "ev_japan_last": _or_missing(tables.share_of(share, JAPAN, last_year)),
        "ev_world_last": _or_missing(tables.share_of(share, WORLD, last_year)),
        "ev_japan_peak": pct(peak["share_pct"]),
        "ev_japan_peak_year": str(int(peak["year"])),
        "ev_rank_sentence": (
            f"Of the {len(ranked)} markets on the chart, Japan's share was the {ordinal(len(ranked) - ranked.index(JAPAN))}."
            if JAPAN in ranked
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


def china_share(china_share: pd.DataFrame, china_rows: pd.DataFrame, volume: pd.DataFrame) -> dict[str, str]:
    """China's share of world electric car sales: latest, lowest, as stated elsewhere, and other shares stated."""
    derived_rows = china_rows[china_rows["derived"] == "yes"]
    latest = derived_rows.loc[derived_rows["year"].idxmax()]
    low = derived_rows.loc[derived_rows["value_pct"].idxmin()]
    china_cars, world_cars = tables.china_sales(volume, int(latest["year"]))
    stated_sales = china_share[(china_share["derived"] == "no") & (china_share["measure_id"] == CHINA_SALES)]
    publisher = _publishers(stated_sales)
    other_metrics = china_share[(china_share["derived"] == "no") & (china_share["measure_id"] != CHINA_SALES)]
    return {
        "china_share_year": str(int(latest["year"])),
        "china_share_latest": pct(latest["value_pct"]),
        "china_cars": millions(china_cars, 1),
        "world_cars": millions(world_cars, 1),
        "china_share_low": f"{pct(low['value_pct'])} in {int(low['year'])}",
        "china_share_stated": "; ".join(f"{pct(r['value_pct'])} ({publisher[r['source_key']]})" for _, r in stated_sales.iterrows()),
        "china_other_metrics": "; ".join(f"{r['metric']}: {pct(r['value_pct'])} ({int(r['year'])})" for _, r in other_metrics.iterrows()),
    }


def battery_ladder(supply: pd.DataFrame, rungs: pd.DataFrame) -> dict[str, str]:
    """China's range at three rungs of the ladder, the figures the prose quotes, and those given in words only."""
    ranges = tables.stage_ranges(rungs).set_index("rung")
    sentences = {}
    for stage in ["mines", "cells", "magnets"]:
        rung = ranges.loc[STAGES[stage]]
        sentences[f"ladder_{stage}_range"] = f"{pct(rung['lowest_pct'])} to {pct(rung['highest_pct'])}"
    cobalt = tables.supply_figure(supply, "drc_cobalt_mining_2023")
    nickel = tables.supply_figure(supply, "indonesia_nickel_mining_2023")
    nickel_refining = tables.supply_figure(supply, "china_nickel_refining_2023")
    cathode = tables.supply_figure(supply, "china_cathode_capacity_2023")
    anode = tables.supply_figure(supply, "china_anode_capacity_2023")
    magnets = tables.supply_figure(supply, "china_magnet_manufacturing_2024")
    words = tables.words_only(supply)
    return sentences | {
        "mining_cobalt": f"{stated(cobalt)} ({int(cobalt['year'])})",
        "mining_nickel": f"{stated(nickel)} ({int(nickel['year'])})",
        "refining_nickel": f"{stated(nickel_refining)} ({nickel_refining['qualifier'].split('(')[-1].rstrip(')')})",
        "components_cathode": stated(cathode),
        "components_anode": stated(anode),
        "magnets_share": f"{stated(magnets)} ({int(magnets['year'])})",
        "words_only": "; ".join(f"{r['item']}: {r['qualifier']} ({r['source_key']})" for _, r in words.iterrows()) or "none",
    }


def battery_demand(demand: pd.DataFrame) -> dict[str, str]:
    """China's cars' battery demand against the world's, in the table's latest year (derived share)."""
    year = int(demand["year"].max())
    car_demand = tables.car_battery_demand_share(demand, year)
    return {
        "demand_year": str(year),
        "demand_china_gwh": f"{car_demand['region_gwh']:,.0f} GWh",
        "demand_world_gwh": f"{car_demand['world_gwh']:,.0f} GWh",
        "demand_china_share": f"{car_demand['share_pct']:.0f}%",
    }


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
        "byd_bev": millions(byd_bev["value"]),
        "tesla_deliveries": millions(tesla["value"]),
        "byd_overseas": f"{millions(overseas['value'])} ({overseas['notes'].split(';')[0]} on the year before, as reported)",
        "seagull": f"{seagull['value']:,.0f} {seagull['unit']} ({int(seagull['year'])})",
        "toyota_hev_per_bev": f"{toyota_hev['value'] / toyota_bev['value']:.0f}",
        "makers_year": makers_in,
        "byd_cells": f"{byd_cells['installations_gwh']:g} GWh, {pct(byd_cells['share_pct'])}",
        "catl_cells": f"{catl_cells['installations_gwh']:g} GWh, {pct(catl_cells['share_pct'])}",
        "byd_maker_rank": ordinal(tables.maker_rank(makers, "BYD", makers_in), lowest=False),
        "alternatives": "; ".join(
            f"{r['company']} {int(r['year'])}: {r['value']:,.0f} ({r['scope']}; {publisher[r['source_key']]})"
            for _, r in alternatives.iterrows()
        ),
    }


def targets(targets: pd.DataFrame) -> dict[str, str]:
    """Tokyo's and Japan's targets as their texts state them, and where the 'all EVs' reading comes from."""
    tokyo = tables.policy_row(targets, "tokyo_2030_non_gasoline_cars")
    enforcement = tables.policy_row(targets, "tokyo_2030_enforcement")
    national = tables.policy_row(targets, "japan_2035_electrified_sales")
    zev = tables.policy_row(targets, "tokyo_zev_definition")
    baseline = tables.policy_row(targets, "tokyo_fy2019_baseline")
    earlier_nikkei = tables.policy_row(targets, "tokyo_2030_earlier_target_nikkei")
    earlier_blog = tables.policy_row(targets, "tokyo_2030_zev_paris_statement")
    suga = tables.policy_row(targets, "japan_2035_suga_speech")
    return {
        "tokyo_year": tokyo["target_year"],
        "tokyo_target": (
            f"{tokyo['target_value']} of new passenger cars sold in Tokyo to be non-gasoline, counting {tokyo['what_counts'].split(' (')[0]}"
        ),
        "tokyo_binding": enforcement["binding"],
        "tokyo_baseline": f"{baseline['target_value']} in {baseline['target_year'].split(' ')[0]} ({baseline['what_counts']})",
        "national_target": f'{national["target_value"]} of new passenger car sales to be "electrified vehicles" by the {national["target_year"]}',
        "national_counts": national["what_counts"],
        "zev_definition": zev["what_counts"],
        "earlier_nikkei": f"{earlier_nikkei['target_value']} {earlier_nikkei['what_counts']}",
        "earlier_blog_date": earlier_blog["announced"],
        "earlier_blog": f"{earlier_blog['target_value']} ZEV ({earlier_blog['what_counts']})",
        "suga_note": suga["what_counts"],
    }


def essay_checks(
    share: pd.DataFrame,
    china_share: pd.DataFrame,
    supply: pd.DataFrame,
    makers: pd.DataFrame,
    sales: pd.DataFrame,
    targets: pd.DataFrame,
) -> pd.DataFrame:
    """The opinion essay's checkable claims (paraphrased), what the data show, and a verdict. Every figure comes from the tables.

    Its rows rest on ``tables.essay_evidence``.
    """
    iea = tables.iea_share_rows(share)
    last = int(iea["year"].max())
    japan, world = tables.share_of(share, JAPAN, last), tables.share_of(share, WORLD, last)
    last_year = iea[(iea["year"] == last) & (iea["powertrain_id"] == POWERTRAINS["EV"]) & (iea["country"] != WORLD)]
    rank = int((last_year["share_pct"] < japan).sum()) + 1  # 1 = lowest
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
    byd_rank = ordinal(tables.maker_rank(makers, "BYD", byd_cells["year"]), lowest=False)
    return pd.DataFrame(
        [
            {
                "claim (paraphrased)": "Japan is rushing into EVs as if it were a race",
                "what the data show": (
                    f"Electric cars (BEV+PHEV) were {japan:g}% of new cars in Japan in {last}, against {world:g}% worldwide "
                    f"(IEA GEVO 2025 data)"
                ),
                "verdict": (
                    f"not supported: Japan's share was the {ordinal(rank)} of the {len(last_year)} markets in the IEA table"
                    if japan < world
                    else "supported"
                ),
            },
            {
                "claim (paraphrased)": "The batteries and motors inside EVs are largely made in China",
                "what the data show": (
                    f"Cells: {stated(cells_capacity)} of world capacity ({cells_capacity['year']}), {stated(cells_output)} of batteries "
                    f"sold ({cells_output['year']}); motor magnets: {stated(magnets)} ({magnets['year']}); but mining is led by "
                    f"DR Congo (cobalt, {stated(figure['cobalt_mine'])}) and Indonesia (nickel, {stated(figure['nickel_mine'])})"
                ),
                "verdict": "largely true for processing, components, cells and magnets; not for mining",
            },
            {
                "claim (paraphrased)": "BYD is vertically integrated and on a tear",
                "what the data show": (
                    f"BYD NEV sales (BEV+PHEV) rose from {millions(first_nev['value'])} ({first_nev['year']}) to "
                    f"{millions(last_nev['value'])} ({last_nev['year']}); it is also the {byd_rank} EV battery maker, "
                    f"{byd_cells['share_pct']:g}% of installations in {byd_cells['year']} (SNE Research; share derived)"
                ),
                "verdict": f"supported, though growth slowed to {growth:.1f}% in {last_nev['year']} (derived: year on year)",
            },
            {
                "claim (paraphrased)": "Tokyo says all new cars must be EVs by 2030",
                "what the data show": (
                    f"Tokyo's target for {tokyo['target_year']}: {tokyo['target_value']} of new passenger cars "
                    f"non-gasoline, counting {tokyo['what_counts'].split(' (')[0]}; enforcement: {enforcement['binding']}. "
                    f"Japan's national target: {national['target_value']} 'electrified' by {national['target_year']}, hybrids included"
                ),
                "verdict": "not supported: hybrids count, and it is a request, not a rule",
            },
            {
                "claim (paraphrased)": "What Washington really wants is to break free of China's hold on the EV supply chain",
                "what the data show": (
                    f"The dependence is real at the cell and magnet stages (above); China also sold {latest_china['value_pct']:g}% "
                    f"of the world's electric cars in {latest_china['year']} (derived from IEA data)"
                ),
                "verdict": "a claim about motives: the data show the dependence, not what Washington wants",
            },
        ]
    )
