"""Sentences for the page's prose, glued in from the data (never typed); derived figures say so."""

from __future__ import annotations

import pandas as pd

from tradetalks.text import pct, units

from .tables import (
    FOREIGN,
    GERMANY,
    GM_BRANDS,
    JAPANESE_REGISTERED,
    JEEP,
    KEI,
    OTHER_US,
    SEGMENT_IDS,
    UNITED_STATES,
    US_BRANDS,
    MarketSplit,
    brand_rows,
    split_table,
    structural_value,
)


def share(value: float, digits: int = 1) -> str:
    """35.23 -> '35.2%'."""
    return f"{value:.{digits}f}%"


def times(value: float) -> str:
    """3.18 -> '3.2 times'."""
    return f"{value:.1f} times"


# --------------------------------------------------------------------------- who buys what


def split_summary(split: MarketSplit) -> str:
    """The nested split in one or two sentences; derived shares say so; a missing level is named, not filled."""
    if split.levels == 0:
        return f"The data cannot split the market for {split.year}: it lacks {'; '.join(split.missing)}."
    table = split_table(split).set_index(split.rows["segment_id"])
    market_units = split.rows.loc[split.rows["level"] == 0, "units"].sum()
    kei, japanese, foreign, us, other_us = (SEGMENT_IDS[name] for name in (KEI, JAPANESE_REGISTERED, FOREIGN, US_BRANDS, OTHER_US))
    parts = [
        f"In {split.year}, kei vehicles were {share(table.loc[kei, 'share_of_level_pct'])} of the {units(market_units)} new vehicles "
        f"(registered + kei), Japanese brands' registered vehicles {share(table.loc[japanese, 'share_of_level_pct'])} and "
        f"foreign brands {share(table.loc[foreign, 'share_of_level_pct'])} (all three shares derived from the unit figures)."
    ]
    if split.levels >= 2:
        parts.append(
            f"U.S. brands ({units(table.loc[us, 'units'])} vehicles) were {share(table.loc[us, 'share_of_level_pct'])} "
            f"of the foreign brands, or {share(table.loc[us, 'share_of_market_pct'], 2)} of all new vehicles (derived)."
        )
    if split.levels >= 3:
        parts.append(
            f"{table.loc[JEEP, 'segment']} alone was {share(table.loc[JEEP, 'share_of_level_pct'])} of the U.S. brands; the rest of the "
            f"U.S. total that the named brands do not account for, {units(table.loc[other_us, 'units'])} vehicles (derived), is mostly Tesla, "
            "which the importers' association counts under 'Others'."
        )
    if split.missing:
        parts.append(f"The picture stops there because the data lack {'; '.join(split.missing)}.")
    return " ".join(parts)


def conflict_summary(split: MarketSplit) -> str:
    """Where sources give different figures for the same quantity in the split's year, both, with their sources."""
    sentences = []
    conflicts = split.conflicts
    quantity = conflicts["metric"].fillna(conflicts["brand_id"]) if "brand_id" in conflicts else conflicts["metric"]
    for _, rows in conflicts.groupby(quantity, sort=False):
        first = rows.iloc[0]
        what = first["metric"].replace("_", " ") if pd.notna(first["metric"]) else first["brand"]  # the reader's words
        values = rows["value"] if "value" in rows and rows["value"].notna().any() else rows["units"]
        distinct = {f"{v:,.0f}" for v in values.dropna()}
        if len(distinct) < 2:
            continue
        listed = " and ".join(
            f"{v:,.0f} ({k}{', ' + q if isinstance(q, str) and not q.startswith('exact') else ''})"
            for v, k, q in zip(values, rows["source_key"], rows["qualifier"], strict=True)
        )
        sentences.append(f"{what}: {listed}")
    if not sentences:
        return "The sources agree on the figures used in this picture."
    return (
        "Sources give different figures for "
        + "; ".join(sentences)
        + ". The picture's total is registered plus kei sales; where it needs one of two figures it takes the exact one from "
        "the more reliable source. Both rows stay in the data."
    )


def gap_note(split: MarketSplit) -> str:
    """Markdown shown instead of the nested picture when the data cannot draw even its first level."""
    return f"**No picture for {split.year}:** the data lack figures it needs ({'; '.join(split.missing)})."


def tariff_note(rate_pct: float) -> str:
    """The note written beside the nested picture."""
    return f"Japan's tariff on imported cars: {pct(rate_pct)}"


def essay_domestic(split: MarketSplit) -> str:
    """Japanese buyers buy Japanese: kei plus Japanese brands' registered vehicles, as a share of new vehicles (derived)."""
    if not split.levels:
        return f"the data cannot split the market for {split.year}"
    level0 = split_table(split).set_index("segment")
    return f"kei vehicles and Japanese brands' registered vehicles were {share(100 - level0.loc[FOREIGN, 'share_of_level_pct'])} of new vehicles in {split.year} (derived)"


def essay_kei(split: MarketSplit) -> str:
    """The kei share of new vehicles in the split's year."""
    if not split.levels:
        return "the kei share is not available for this year"
    return f"kei alone {share(split_table(split).set_index('segment').loc[KEI, 'share_of_level_pct'])}"


# --------------------------------------------------------------------------- brands


def brand_ratio_sentence(by_brand: pd.DataFrame, split: MarketSplit, year: int) -> str:
    """The best-selling German brand against all U.S. brands in ``year`` (ratio derived), or what is missing."""
    rows = brand_rows(by_brand)
    german = rows[(rows["year"] == year) & (rows["origin"] == GERMANY)].sort_values("units", ascending=False)
    if german.empty:
        return f"The data has no German brand's figure for {year}."
    top = german.iloc[0]
    if split.levels >= 2:
        us_total = split.units_of(SEGMENT_IDS[US_BRANDS])
        return (
            f"In {year} {top['brand_name']} alone registered {units(top['units'])} vehicles in Japan, "
            f"{times(top['units'] / us_total)} as many as all U.S. brands together ({units(us_total)}; ratio derived)."
        )
    us = rows[(rows["year"] == year) & (rows["origin"] == UNITED_STATES)].sort_values("units", ascending=False)
    if us.empty:
        return (
            f"In {year} {top['brand_name']} registered {units(top['units'])} vehicles; the data has no U.S. brand's figure for that year."
        )
    best = us.iloc[0]
    return (
        f"In {year} {top['brand_name']} registered {units(top['units'])} vehicles and the best-selling U.S. brand, "
        f"{best['brand_name']}, {units(best['units'])}: {times(top['units'] / best['units'])} as many for the German brand (ratio derived). "
        f"The data has no total for all U.S. brands in {year}."
    )


def large_imports_sentence(structural: pd.DataFrame) -> str:
    """The share of imported cars above the small-car size class, as reported."""
    row = structural_value(structural, "imported_registered_cars", "large_3_number_plate_share_pct")
    return f"{row['value']}% of imported passenger cars registered in {row['as_of']} were in the larger '3-number' class, above the small-car limits"


# --------------------------------------------------------------------------- sizes


def garage_sentence(structural: pd.DataFrame) -> str:
    """The garage-certificate rule, from the structural-factors table."""
    required = structural_value(structural, "registered_vehicles", "garage_certificate_required")
    distance = structural_value(structural, "storage_place", "max_distance_from_base_of_use")
    return (
        f"To register a car the owner needs a garage certificate (required: {required['value']}, "
        f"as of {required['as_of']}): a parking place within {distance['value']} {distance['unit']} of home that the whole vehicle fits into"
    )


def roads_sentence(structural: pd.DataFrame) -> str:
    """What the data says about roads, and the statistic it lacks."""
    share_row = structural_value(structural, "public_road_network", "municipal_road_share_pct")
    lengths = structural[(structural["factor"] == "roads") & (structural["metric"] == "total_length")]
    listed = "; ".join(f"{float(v):,.0f} {u}, {a}" for v, u, a in zip(lengths["value"], lengths["unit"], lengths["as_of"], strict=True))
    return (
        f"The data give the length of Japan's public roads ({listed}) and the municipal roads' share "
        f"({share_row['value']}%, {share_row['as_of']}), but no share of narrow roads and no official count of parking spaces"
    )


def fit_sentence(fits: pd.DataFrame) -> str:
    """Which drawn models fit a typical mechanical-parking space and which do not, by how much (derived)."""
    fitting = fits[fits["fits_mechanical_parking"].str.startswith("yes")]
    failing = fits[fits["fits_mechanical_parking"].str.startswith("no")]
    parts = []
    if not fitting.empty:
        names = [row["label"] + row["fits_mechanical_parking"].removeprefix("yes") for _, row in fitting.iterrows()]
        parts.append(f"Within a typical mechanical-parking space's limits: {', '.join(names)}.")
    if not failing.empty:
        parts.append(
            "Too big for it: "
            + "; ".join(f"{row['label']} ({row['fits_mechanical_parking'].removeprefix('no: ')})" for _, row in failing.iterrows())
            + " (differences derived from the dimensions)."
        )
    return " ".join(parts)


def height_sentence(fits: pd.DataFrame) -> str:
    """Models that are too tall for a typical mechanical-parking space (height is a limit too), or what the data lacks."""
    tall = fits[fits["fits_mechanical_parking"].str.contains("height over")]
    known = fits[fits["height_mm"].notna()]["label"].tolist()
    parts = []
    if not tall.empty:
        parts.append(
            "typical mechanical-parking spaces limit height too, and "
            + ", ".join(f"{row['label']} ({row['fits_mechanical_parking'].removeprefix('no: ')})" for _, row in tall.iterrows())
            + " is too tall for one."
        )
    else:
        parts.append("typical mechanical-parking spaces limit height too; none of the models drawn with a height exceeds it.")
    if len(known) < len(fits):
        parts.append(f"(The data give heights only for {', '.join(known) or 'none of them'}.)")
    return " ".join(parts)


def essay_size(fits: pd.DataFrame) -> str:
    """The drawn models too long for a typical mechanical-parking space (derived), or that none is."""
    too_long = fits[fits["fits_mechanical_parking"].str.contains("length over")]["label"].tolist()
    return "; ".join(too_long) if too_long else "none of the models drawn"


def undrawable(models: list[str]) -> str:
    """The models the data cannot draw, or 'none'."""
    return ", ".join(models) or "none"


# --------------------------------------------------------------------------- claims, Jeep


def claim_sentence(claims: pd.DataFrame, claim_id: str) -> str:
    """One claim or action as 'date, claimant: summary', from the claims table (the evidence is in the table beside it)."""
    row = claims[claims["claim_id"] == claim_id].iloc[0]
    return f"{row['date']}, {row['claimant']}: {row['claim_summary']}"


def claim_evidence(claims: pd.DataFrame, claim_id: str) -> str:
    """The evidence or figure a claim's author gave, as the claims table records it."""
    return claims.loc[claims["claim_id"] == claim_id, "evidence_or_figure"].item()


def claims_span(timeline: pd.DataFrame) -> str:
    """The years the claims table covers, first–last."""
    return f"{timeline['year'].min()}–{timeline['year'].max()}"


def stance_counts(timeline: pd.DataFrame) -> str:
    """How many rows of the claims table take each stance (counted, not weighed)."""
    counts = timeline["stance_label"].value_counts()
    return ", ".join(f"{count} {label}" for label, count in counts.items())


def history_facts(history: pd.DataFrame, makers: dict[str, str]) -> dict[str, str]:
    """Jeep's latest year, GM's brands in that year, and GM's peak, for the prose (``makers`` from ``history_makers``)."""
    jeep, gm = makers[JEEP], makers[GM_BRANDS]
    latest = history[history["year"] == history.loc[history["maker"] == jeep, "year"].max()].set_index("maker")
    peak = history[history["maker"] == gm].sort_values("units").iloc[-1]
    return {
        "jeep_latest": f"{units(latest.loc[jeep, 'units'])} in {int(latest.loc[jeep, 'year'])}",
        "gm_latest": f"{units(latest.loc[gm, 'units'])} ({latest.loc[gm, 'how']})" if gm in latest.index else "no figure for that year",
        "gm_peak": f"about {units(peak['units'])} in {int(peak['year'])}, a figure for {peak['counted']}",
    }


def networks_sentence(structural: pd.DataFrame) -> str:
    """Dealer networks and right-hand drive: Jeep against GM and Ford, as reported."""
    jeep = structural_value(structural, "jeep_japan", "dealerships")
    ford = structural_value(structural, "ford_japan", "dealerships")
    gm = structural_value(structural, "yanase_gm_outlets", "dealerships")
    rhd = structural_value(structural, "jeep_all_models", "rhd_offered_in_japan")
    cadillac = structural_value(structural, "cadillac_lineup_before_lyriq", "rhd_offered_in_japan")
    return (
        f"Jeep had {jeep['value']} dealerships ({jeep['as_of']}) and offered right-hand drive on all models "
        f"({rhd['value']}, {rhd['as_of']}); Ford had {ford['value']} when it announced its exit ({ford['as_of']}); "
        f"GM's largest dealer, Yanase, ran {gm['value']} GM outlets ({gm['as_of']}), and Cadillac's lineup before the Lyriq "
        f"was '{cadillac['value']}'"
    )
