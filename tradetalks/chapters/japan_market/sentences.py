"""Sentences for the page's prose and its charts' titles, subtitles and descriptions, glued in from the data (never typed).

Derived figures (shares, ratios, remainders) are given to two significant figures and say so; counts a source reports
(a brand's registrations in a year) are given exactly, because exactness is their point; a figure keeps its source's
qualifier. Sources are named by their publishers, never by their keys; stance codes by their words.
"""

from __future__ import annotations

import re

import pandas as pd

from tradetalks import chartlint, text
from tradetalks.text import about, about_pct, pct, units

from . import history as history_module
from . import sizes
from .tables import (
    FORD,
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
    reported_by,
    structural_value,
)

# japan_new_car_sales.metric of the totals the split compares -> words.
METRIC_WORDS = {"total_new_vehicle_sales": "all new vehicles sold", "registered_vehicle_sales": "registered vehicles sold"}


def when(date: str) -> str:
    """A date cell for prose (``text.reader_date``): '2013-05-10' -> '10 May 2013', '2016-01' -> 'January 2016', the
    claims table's two dates '2025-07-22 / 2025-09-05' joined by 'and'; anything else as written."""
    cell = str(date).strip()
    return " and ".join(str(text.reader_date(part)) for part in cell.split(" / "))


def years_written(cells: pd.Series) -> str:
    """The years written in some cells ('MY2025 (King Ranch)', '2017-2023 model'), first–last: '2017–2025', or 'undated'."""
    years = text.years_in(cells)
    return text.year_span(years) if years else "undated"


# --------------------------------------------------------------------------- who buys what


def split_shares(split: MarketSplit) -> dict[str, float]:
    """Each segment's share of its bar and, for the U.S. brands, of all new vehicles, in % (derived from the units,
    unrounded), with the market's total: {'kei': 35.23…, 'us_brands_of_market': 0.378…, 'market': 4421494.0, …}."""
    rows = split.rows.set_index("segment_id")
    bars = split.rows.groupby("level")["units"].sum()
    shares = {segment_id: 100 * row["units"] / bars[row["level"]] for segment_id, row in rows.iterrows()}
    shares["market"] = float(bars[0])
    if split.levels >= 2:
        shares["us_brands_of_market"] = 100 * split.units_of(SEGMENT_IDS[US_BRANDS]) / bars[0]
    return shares


def split_title(split: MarketSplit) -> str:
    """The picture's finding: the U.S. brands' share of all new vehicles (or the foreign brands' if the data stop there)."""
    shares = split_shares(split)
    if split.levels >= 2:
        return f"U.S. brands were {about_pct(shares['us_brands_of_market'])} of Japan's new vehicles in {split.year}"
    return f"Foreign brands were {about_pct(shares[SEGMENT_IDS[FOREIGN]])} of Japan's new vehicles in {split.year}"


def split_subtitle(split: MarketSplit) -> str:
    return f"New vehicles sold in Japan by kind and brand, share of each bar (%), calendar {split.year}"


def split_description(split: MarketSplit) -> str:
    """One sentence: the first bar's three shares, then how far down the U.S. brands and Jeep go (all derived)."""
    shares = split_shares(split)
    kei, japanese, foreign = (SEGMENT_IDS[name] for name in (KEI, JAPANESE_REGISTERED, FOREIGN))
    sentence = (
        f"Of about {text.rounded(shares['market'])} new vehicles sold in Japan in {split.year}, kei vehicles were {about_pct(shares[kei])}, "
        f"Japanese brands' registered vehicles {about_pct(shares[japanese])} and foreign brands {about_pct(shares[foreign])}"
    )
    if split.levels >= 2:
        sentence += f"; U.S. brands were {about_pct(shares[SEGMENT_IDS[US_BRANDS]])} of the foreign brands"
    if split.levels >= 3:
        sentence += f", and {split.rows.set_index('segment_id').loc[JEEP, 'segment']} {about_pct(shares[JEEP])} of the U.S. brands"
    return sentence + "."


def split_summary(split: MarketSplit) -> str:
    """The nested split in two or three sentences; derived shares say so; a missing level is named, not filled."""
    if split.levels == 0:
        return f"The data cannot split the market for {split.year}: it lacks {'; '.join(split.missing)}."
    shares = split_shares(split)
    rows = split.rows.set_index("segment_id")
    kei, japanese, foreign, us, other_us = (SEGMENT_IDS[name] for name in (KEI, JAPANESE_REGISTERED, FOREIGN, US_BRANDS, OTHER_US))
    parts = [
        f"Of about {text.rounded(shares['market'])} new vehicles sold in {split.year} (registered plus kei), kei vehicles were "
        f"{about_pct(shares[kei])}, Japanese brands' registered vehicles {about_pct(shares[japanese])} and foreign brands "
        f"{about_pct(shares[foreign])}: all three shares are derived from the unit figures."
    ]
    if split.levels >= 2:
        parts.append(
            f"U.S. brands registered {units(rows.loc[us, 'units'])} vehicles: {about_pct(shares[us])} of the foreign brands, "
            f"or {about_pct(shares['us_brands_of_market'])} of all new vehicles (derived)."
        )
    if split.levels >= 3:
        parts.append(
            f"{rows.loc[JEEP, 'segment']} alone was {about_pct(shares[JEEP])} of the U.S. brands; the rest of the U.S. total that "
            f"the named brands do not account for, {about(rows.loc[other_us, 'units'])} vehicles (derived), is mostly Tesla, "
            "which the importers' association counts under 'Others'."
        )
    if split.missing:
        parts.append(f"The picture stops there because the data lack {'; '.join(split.missing)}.")
    return " ".join(parts)


def conflict_summary(split: MarketSplit) -> str:
    """Where sources give different figures for the same quantity in the split's year, both, with their publishers."""
    sentences = []
    conflicts = split.conflicts.reset_index(drop=True)
    if conflicts.empty:
        return "The sources agree on the figures used in this picture."
    publishers = reported_by(conflicts)
    quantity = conflicts["metric"].fillna(conflicts["brand_id"]) if "brand_id" in conflicts else conflicts["metric"]
    for _, rows in conflicts.groupby(quantity, sort=False):
        first = rows.iloc[0]
        metric = first["metric"] if pd.notna(first["metric"]) else ""
        what = METRIC_WORDS.get(metric) or (metric.replace("_", " ") if metric else f"the {first['brand']}")
        values = rows["value"] if "value" in rows and rows["value"].notna().any() else rows["units"]
        if len({f"{v:,.0f}" for v in values.dropna()}) < 2:
            continue
        listed = " and ".join(
            f"{units(value)}{' (' + qualifier + ')' if isinstance(qualifier, str) and not qualifier.startswith('exact') else ''} "
            f"as reported by {publishers[index]}"
            for index, value, qualifier in zip(rows.index, values, rows["qualifier"], strict=True)
        )
        sentences.append(f"{what}, {listed}")
    if not sentences:
        return "The sources agree on the figures used in this picture."
    return (
        f"Sources give different figures for {split.year}: "
        + "; ".join(sentences)
        + ". The picture's total is registered plus kei sales; where it needs one of two figures it takes the exact one from "
        "the more reliable source. Both rows stay in the data."
    )


def gap_note(split: MarketSplit) -> str:
    """Markdown shown instead of the nested picture when the data cannot draw even its first level."""
    return f"**No picture for {split.year}:** the data lack figures it needs ({'; '.join(split.missing)})."


def tariff_note(rate_pct: float) -> str:
    """The note written under the nested picture."""
    return f"Japan's tariff on imported cars: {pct(rate_pct)}"


def essay_domestic(split: MarketSplit) -> str:
    """Japanese buyers buy Japanese: kei plus Japanese brands' registered vehicles, as a share of new vehicles (derived)."""
    if not split.levels:
        return f"the data cannot split the market for {split.year}"
    share = 100 - split_shares(split)[SEGMENT_IDS[FOREIGN]]
    return f"kei vehicles and Japanese brands' registered vehicles were {about_pct(share)} of new vehicles in {split.year} (derived)"


def essay_kei(split: MarketSplit) -> str:
    """The kei share of new vehicles in the split's year."""
    if not split.levels:
        return "the kei share is not available for this year"
    return f"kei alone {about_pct(split_shares(split)[SEGMENT_IDS[KEI]])}"


# --------------------------------------------------------------------------- brands


def top_german(by_brand: pd.DataFrame, year: int) -> pd.Series | None:
    rows = brand_rows(by_brand)
    german = rows[(rows["year"] == year) & (rows["origin"] == GERMANY)].sort_values("units", ascending=False, kind="stable")
    return None if german.empty else german.iloc[0]


def top_us(by_brand: pd.DataFrame, year: int) -> pd.Series | None:
    rows = brand_rows(by_brand)
    us = rows[(rows["year"] == year) & (rows["origin"] == UNITED_STATES)].sort_values("units", ascending=False, kind="stable")
    return None if us.empty else us.iloc[0]


def brand_ratio_sentence(by_brand: pd.DataFrame, split: MarketSplit, year: int) -> str:
    """The best-selling German brand against all U.S. brands in ``year`` (ratio derived), or what is missing."""
    top = top_german(by_brand, year)
    if top is None:
        return f"The data have no German brand's figure for {year}."
    if split.levels >= 2:
        us_total = split.units_of(SEGMENT_IDS[US_BRANDS])
        return (
            f"In {year} {top['brand_name']} alone registered {units(top['units'])} vehicles in Japan, "
            f"{text.times(top['units'] / us_total)} as many as all U.S. brands together ({units(us_total)}; ratio derived)."
        )
    best = top_us(by_brand, year)
    if best is None:
        return (
            f"In {year} {top['brand_name']} registered {units(top['units'])} vehicles; the data have no U.S. brand's figure for that year."
        )
    return (
        f"In {year} {top['brand_name']} registered {units(top['units'])} vehicles and the best-selling U.S. brand, "
        f"{best['brand_name']}, {units(best['units'])}: {text.times(top['units'] / best['units'])} as many for the German brand (ratio derived). "
        f"The data have no total for all U.S. brands in {year}."
    )


def brand_title(comparison: pd.DataFrame, us_total: float | None, year: int) -> str:
    """The chart's finding: its biggest brand against all U.S. brands together (the dashed line), or against the
    best-selling U.S. brand drawn when the data have no U.S. total."""
    drawn = comparison.dropna(subset=["units"]).sort_values("units", ascending=False, kind="stable")
    if drawn.empty:
        return f"No brand chosen has a figure for {year}"
    top = drawn.iloc[0]
    if top["origin"] != UNITED_STATES and us_total:
        ratio = top["units"] / us_total
        if ratio >= 1:
            return chartlint.fitting_title(
                f"{top['brand_name']} alone sold {text.times(ratio)} as many as all U.S. brands",
                f"{top['brand_name']} outsold all U.S. brands {text.times(ratio)} over",
            )
        return chartlint.fitting_title(
            f"All U.S. brands together outsold {top['brand_name']} in {year}", f"U.S. brands outsold {top['brand_name']}"
        )
    us = drawn[drawn["origin"] == UNITED_STATES]
    if top["origin"] != UNITED_STATES and not us.empty:
        ratio = top["units"] / us.iloc[0]["units"]
        return chartlint.fitting_title(
            f"{top['brand_name']} sold {text.times(ratio)} as many as {us.iloc[0]['brand_name']} in {year}",
            f"{top['brand_name']} outsold {us.iloc[0]['brand_name']} {text.times(ratio)} over",
        )
    return chartlint.fitting_title(f"{top['brand_name']} sold the most of the brands shown in {year}", f"{top['brand_name']} sold the most")


def brand_subtitle(year: int) -> str:
    return f"New registrations in Japan by brand, vehicles, calendar {year}"


def brand_description(comparison: pd.DataFrame, us_total: float | None, year: int) -> str:
    """One sentence: the biggest brand drawn, all U.S. brands together and the best-selling U.S. brand drawn (exact counts)."""
    drawn = comparison.dropna(subset=["units"]).sort_values("units", ascending=False, kind="stable")
    if drawn.empty:
        return f"The data have no registrations for the chosen brands in {year}."
    top = drawn.iloc[0]
    sentence = f"In {year} {top['brand_name']} registered {units(top['units'])} vehicles in Japan"
    if us_total and top["origin"] != UNITED_STATES:
        sentence += f", {text.times(top['units'] / us_total)} the {units(us_total)} of all U.S. brands together (ratio derived)"
    us = drawn[(drawn["origin"] == UNITED_STATES) & (drawn.index != top.name)]
    if not us.empty:
        sentence += f"; the best-selling U.S. brand shown, {us.iloc[0]['brand_name']}, registered {units(us.iloc[0]['units'])}"
    return sentence + "."


def large_imports_sentence(structural: pd.DataFrame) -> str:
    """The share of imported passenger cars above the small-car size class, as reported, with what it covers: all
    imported cars (not one origin's), in the period the row gives (a single month in the shipped data)."""
    row = structural_value(structural, "imported_registered_cars", "large_3_number_plate_share_pct")
    month = re.fullmatch(r"\d{4}-\d{2}", str(row["as_of"]))
    period = f"in one month, {when(row['as_of'])}" if month else f"in {row['as_of']}"
    return (
        f"Imports are not only small cars either: {period}, {pct(float(row['value']))} of the imported passenger cars registered "
        "(all foreign brands together; the data have no such share for German brands alone) were in the larger '3-number' "
        "class, above the small-car limits."
    )


# --------------------------------------------------------------------------- sizes


def garage_sentence(structural: pd.DataFrame) -> str:
    """The garage-certificate rule, from the structural-factors table."""
    required = structural_value(structural, "registered_vehicles", "garage_certificate_required")
    distance = structural_value(structural, "storage_place", "max_distance_from_base_of_use")
    rule = "must show" if str(required["value"]).lower().startswith("yes") else "need not show"
    return (
        f"To register a car, the owner {rule} a garage certificate (the rule as of {required['as_of']}): proof of a parking place "
        f"within {distance['value']} {distance['unit']} of home that the whole vehicle fits into"
    )


def roads_sentence(structural: pd.DataFrame) -> str:
    """What the data says about roads, and the statistic it lacks."""
    share_row = structural_value(structural, "public_road_network", "municipal_road_share_pct")
    lengths = structural[(structural["factor"] == "roads") & (structural["metric"] == "total_length")]
    listed = "; ".join(
        f"{text.rounded(float(value), 3)} {unit} in {years_written(pd.Series([as_of]))}"
        for value, unit, as_of in zip(lengths["value"], lengths["unit"], lengths["as_of"], strict=True)
    )
    return (
        f"The data give the length of Japan's public roads ({listed}) and the municipal roads' share "
        f"({pct(float(share_row['value']))} in {share_row['as_of']}), but no share of narrow roads and no official count of parking spaces"
    )


def _space(structural: pd.DataFrame) -> str:
    """'5,000 × 1,800 mm, 1,550 mm high': a typical mechanical-parking space's limits."""
    box = sizes.parking_space(structural)
    high = f", {box['height']:,.0f} mm high" if "height" in box else ""
    return f"{box['length']:,.0f} × {box['width']:,.0f} mm{high}"


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
            "Too big for one (the differences derived from the dimensions): "
            + "; ".join(f"{row['label']} ({row['fits_mechanical_parking'].removeprefix('no: ')})" for _, row in failing.iterrows())
            + "."
        )
    return " ".join(parts)


def height_sentence(fits: pd.DataFrame) -> str:
    """Models that are too tall for a typical mechanical-parking space (height is a limit too), or what the data lacks."""
    tall = fits[fits["too_tall_mm"].fillna(0) > 0]
    known = fits[fits["height_mm"].notna()]["label"].tolist()
    parts = []
    if not tall.empty:
        listed = text.listed([f"the {row['label']} ({row['too_tall_mm']:,.0f} mm over)" for _, row in tall.iterrows()])
        parts.append(
            f"typical mechanical-parking spaces limit height too, and {listed} {'is' if len(tall) == 1 else 'are'} too tall for one."
        )
    elif known:
        parts.append("typical mechanical-parking spaces limit height too; none of the models drawn with a height exceeds it.")
    else:
        parts.append("typical mechanical-parking spaces limit height too.")
    if len(known) < len(fits):
        parts.append(f"(The data give heights only for {text.listed(known)}.)" if known else "(The data give no height for these models.)")
    return " ".join(parts)


def _models(fits: pd.DataFrame) -> pd.DataFrame:
    """One row per model drawn (a model in several configurations fits only if every configuration does)."""
    return (
        fits.assign(fits_all=fits["fits_mechanical_parking"].str.startswith("yes"))
        .groupby("model_id", sort=False)
        .agg(fits_all=("fits_all", "all"), label=("label", "first"), too_long_mm=("too_long_mm", "max"))
    )


def _model_name(label: str) -> str:
    """A model's name without its configuration: 'Toyota Tundra, longer configuration' -> 'Toyota Tundra'."""
    return label.split(", ")[0]


def footprint_title(fits: pd.DataFrame) -> str:
    """How many of the models drawn fit a typical mechanical-parking space (every limit the data give: length, width, height)."""
    models = _models(fits)
    fitting, total = int(models["fits_all"].sum()), len(models)
    if total == 1:
        name, verb = _model_name(models["label"].iloc[0]), "fits" if fitting else "does not fit"
        return chartlint.fitting_title(f"The {name} {verb} a typical mechanical-parking space", f"The {name} {verb} a parking space")
    if total == 2:
        held = {0: "neither model", 1: "only one of the two models", 2: "both models"}[fitting]
    elif fitting == total:
        held = f"all {text.count_words(total)} models"
    else:
        held = f"{'only ' if fitting else 'none of the '}{text.count_words(fitting) + ' of the ' if fitting else ''}{text.count_words(total)} models"
    return f"A typical mechanical-parking space holds {held} drawn"


def footprint_subtitle(fits: pd.DataFrame) -> str:
    return f"Footprints to scale (length × width, mm) in a typical mechanical-parking space, specifications {years_written(fits['as_of'])}"


def _the(label: str) -> str:
    """'the Toyota Tundra, longer configuration,' inside a sentence (a label with a comma is closed by one)."""
    return f"the {label}," if "," in label else f"the {label}"


def footprint_description(fits: pd.DataFrame, structural: pd.DataFrame) -> str:
    """One sentence: the models that fit, the longest overhang and the height limit's victims (differences derived)."""
    models = _models(fits)
    fitting, total = models[models["fits_all"]]["label"].tolist(), text.count_words(len(models))
    if len(models) == 1:
        lead = f"The {_model_name(models['label'].iloc[0])} {'fits' if fitting else 'does not fit'}"
    elif len(fitting) == len(models):
        lead = f"{'Both' if len(models) == 2 else 'All ' + total} models drawn fit"
    elif fitting:
        lead = f"Of the {total} models drawn, only {text.listed([f'the {label}' for label in fitting])} {'fits' if len(fitting) == 1 else 'fit'}"
    else:
        lead = f"{'Neither model' if len(models) == 2 else 'None of the ' + total + ' models'} drawn fits"
    sentence = f"{lead} a typical mechanical-parking space ({_space(structural)})"
    longest = fits.sort_values("too_long_mm", ascending=False, kind="stable").iloc[0]
    if longest["too_long_mm"] > 0:
        sentence += f"; {_the(longest['label'])} is {longest['too_long_mm']:,.0f} mm too long for one (derived)"
    tall = fits[fits["too_tall_mm"].fillna(0) > 0]
    if not tall.empty:
        sentence += f", and {text.listed([f'the {label}' for label in tall['label']])} too tall"
    return sentence + "."


def essay_size(fits: pd.DataFrame) -> str:
    """The drawn models too long for a typical mechanical-parking space (derived), or that none is."""
    too_long = fits[fits["too_long_mm"].fillna(0) > 0]["label"].tolist()
    return "; ".join(too_long) if too_long else "none of the models drawn"


def undrawable(models: list[str]) -> str:
    """The models the data cannot draw, or 'none'."""
    return ", ".join(models) or "none"


# --------------------------------------------------------------------------- claims, Jeep


def claim_sentence(claims: pd.DataFrame, claim_id: str) -> str:
    """One claim or action as 'date, claimant: summary', from the claims table (the evidence is in the table beside it)."""
    row = claims[claims["claim_id"] == claim_id].iloc[0]
    return f"{when(row['date'])}, {row['claimant']}: {row['claim_summary']}"


def claim_evidence(claims: pd.DataFrame, claim_id: str) -> str:
    """The evidence or figure a claim's author gave, as the claims table records it."""
    return claims.loc[claims["claim_id"] == claim_id, "evidence_or_figure"].item()


def claims_span(timeline: pd.DataFrame) -> str:
    """The years the claims table covers, first–last."""
    return text.year_span(timeline["year"])


def stance_counts(timeline: pd.DataFrame) -> str:
    """How many rows of the claims table take each stance, in words: '15 assert a barrier, 11 dispute one, …'."""
    counts = timeline["stance"].value_counts()

    def counted(stance: str, count: int) -> str:
        one, several = history_module.STANCE_COUNTED.get(stance, (history_module.stance_words(stance),) * 2)
        return f"{count} {one if count == 1 else several}"

    return text.listed([counted(stance, int(count)) for stance, count in counts.items()])


def _milestones(timeline: pd.DataFrame) -> pd.DataFrame:
    return timeline[timeline["milestone"] != ""].sort_values("start", kind="stable")


def claims_title(timeline: pd.DataFrame) -> str:
    """When the U.S. complaints start, and the years of the milestones (the changes the chapter follows)."""
    asserted = timeline[(timeline["stance"] == "asserts_barrier") & timeline["actor_group"].isin(history_module.US_ACTOR_GROUPS)]
    years = [str(year) for year in dict.fromkeys(_milestones(timeline)["year"])]
    changes = f"Japan's changes came in {', '.join(years)}" if years else "Japan changed no rule in the data"
    if asserted.empty:
        return changes
    return f"U.S. complaints date from {int(asserted['year'].min())}; {changes}"


def claims_subtitle(timeline: pd.DataFrame) -> str:
    return f"Entries in the claims table by year and kind of actor, number of claims, {claims_span(timeline)}"


def claims_description(timeline: pd.DataFrame) -> str:
    """One sentence: how many entries over which years, by stance in words, and the ringed milestones."""
    milestones = _milestones(timeline)
    ringed = text.listed([f"{row['milestone']} ({row['year']})" for _, row in milestones.iterrows()])
    sentence = f"The table's {len(timeline)} entries run from {claims_span(timeline).replace('–', ' to ')}: {stance_counts(timeline)}"
    return sentence + (f"; the ringed points are the milestones: {ringed}." if ringed else ".")


def history_facts(history: pd.DataFrame, makers: dict[str, str]) -> dict[str, str]:
    """Jeep's latest year, GM's brands in that year, and GM's peak, for the prose (``makers`` from ``history_makers``)."""
    jeep, gm = makers[JEEP], makers[GM_BRANDS]
    latest = history[history["year"] == history.loc[history["maker"] == jeep, "year"].max()].set_index("maker")
    peak = history[history["maker"] == gm].sort_values("units").iloc[-1]
    gm_latest = "no figure for that year"
    if gm in latest.index:
        row = latest.loc[gm]
        basis = f" ({row['counted'].replace(' + ', ' plus ')}, added up here)" if str(row["how"]).startswith("derived") else ""
        gm_latest = f"{units(row['units'])}{basis}"
    return {
        "jeep_latest": f"{units(latest.loc[jeep, 'units'])} in {int(latest.loc[jeep, 'year'])}",
        "gm_latest": gm_latest,
        "gm_peak": f"{'about ' if peak['approximate'] else ''}{units(peak['units'])} in {int(peak['year'])}, a figure for {peak['counted']}",
    }


def jeep_and_gm(history: pd.DataFrame, makers: dict[str, str]) -> tuple[pd.Series, pd.Series | None]:
    """Jeep's latest row, and GM's row for the same year (None if the data have none)."""
    jeep = history[history["maker"] == makers[JEEP]].sort_values("year").iloc[-1]
    gm = history[(history["maker"] == makers[GM_BRANDS]) & (history["year"] == jeep["year"])]
    return jeep, (None if gm.empty else gm.iloc[0])


def history_title(history: pd.DataFrame, makers: dict[str, str]) -> str:
    """Jeep against GM's brands in Jeep's latest year (ratio derived), or Jeep's figure alone."""
    jeep, gm = jeep_and_gm(history, makers)
    if gm is None:
        return chartlint.fitting_title(
            f"{jeep['maker']} sold {units(jeep['units'])} vehicles in Japan in {int(jeep['year'])}",
            f"{jeep['maker']} sold {units(jeep['units'])}",
        )
    ratio = jeep["units"] / gm["units"]
    return chartlint.fitting_title(
        f"{jeep['maker']} outsold {gm['maker']}'s brands {about(ratio)} to 1 in {int(jeep['year'])}",
        f"{jeep['maker']} outsold {gm['maker']} {about(ratio)} to 1",
    )


def history_subtitle(history: pd.DataFrame, makers: dict[str, str]) -> str:
    return f"Vehicles sold in Japan per calendar year by {text.listed(list(makers.values()))}, log scale, {text.year_span(history['year'])}"


def history_description(history: pd.DataFrame, makers: dict[str, str], events: pd.DataFrame) -> str:
    """One sentence: Jeep's latest figure, GM's in that year and at its peak, Ford's last figure and its exit."""
    jeep, gm = jeep_and_gm(history, makers)
    facts = history_facts(history, makers)
    sentence = f"{jeep['maker']} sold {facts['jeep_latest']}"
    if gm is not None:
        sentence += f", against {units(gm['units'])} for {gm['maker']}'s brands"
    sentence += f", whose peak was {facts['gm_peak']}"
    ford = history[history["maker"] == makers[FORD]].sort_values("year")
    if not ford.empty:
        last = ford.iloc[-1]
        sold = f"{'about ' if last['approximate'] else ''}{units(last['units'])} in {int(last['year'])}"
        exit_year = f" and announced its exit in {int(events['year'].iloc[0])}" if not events.empty else ""
        sentence += f"; {last['maker']} sold {sold}{exit_year}"
    return sentence + "."


def networks_sentence(structural: pd.DataFrame) -> str:
    """Dealer networks and right-hand drive: Jeep against GM and Ford, as reported."""
    jeep = structural_value(structural, "jeep_japan", "dealerships")
    ford = structural_value(structural, "ford_japan", "dealerships")
    gm = structural_value(structural, "yanase_gm_outlets", "dealerships")
    rhd = structural_value(structural, "jeep_all_models", "rhd_offered_in_japan")
    cadillac = structural_value(structural, "cadillac_lineup_before_lyriq", "rhd_offered_in_japan")

    def offered(row: pd.Series) -> bool:
        return str(row["value"]).lower().startswith("yes")

    jeep_rhd = "offered right-hand drive on all its models" if offered(rhd) else "did not offer right-hand drive on all its models"
    cadillac_rhd = "came in right-hand drive" if offered(cadillac) else "came in left-hand drive only"
    return (
        f"Jeep had {jeep['value']} dealerships ({jeep['as_of']}) and {jeep_rhd} ({rhd['as_of']}); Ford had {ford['value']} "
        f"when it announced its exit ({when(ford['as_of'])}); GM's largest dealer, Yanase, ran {gm['value']} GM outlets "
        f"({gm['as_of']}), and Cadillac's lineup before the Lyriq {cadillac_rhd} ({cadillac['as_of']})"
    )
