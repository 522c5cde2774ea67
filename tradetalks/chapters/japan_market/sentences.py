"""Sentences for the page's prose and its charts' titles, subtitles and descriptions, glued in from the data (never typed).

Derived figures (shares, ratios, remainders) are given to two significant figures and say so; counts a source reports
(a brand's registrations in a year) are given exactly, because exactness is their point; a figure keeps its source's
qualifier. Sources are named by their publishers, never by their keys; stance codes by their words.
"""

from __future__ import annotations

import re

import pandas as pd

from tradetalks import chartlint, text
from tradetalks.i18n import N_, tr
from tradetalks.text import about, about_pct, pct, units

from . import history as history_module
from . import sizes, words
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
METRIC_WORDS = {"total_new_vehicle_sales": N_("all new vehicles sold"), "registered_vehicle_sales": N_("registered vehicles sold")}


def when(date: str) -> str:
    """A date cell for prose (``text.reader_date``): '2013-05-10' -> '10 May 2013', '2016-01' -> 'January 2016', the
    claims table's two dates '2025-07-22 / 2025-09-05' joined by 'and'; anything else as written (words translated)."""
    cell = str(date).strip()
    dates = [str(words.data_if_words(text.reader_date(part))) for part in cell.split(" / ")]
    joined = dates[0]
    for later in dates[1:]:
        joined = tr("{date} and {other_date}").format(date=joined, other_date=later)
    return joined


def years_written(cells: pd.Series) -> str:
    """The years written in some cells ('MY2025 (King Ranch)', '2017-2023 model'), first–last: '2017–2025', or 'undated'."""
    years = text.years_in(cells)
    return text.year_span(years) if years else tr("undated")


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


def _segment_name(split: MarketSplit, segment_id: str) -> str:
    """A segment's name as the page shows it (a named U.S. brand's from the data)."""
    return str(words.data(split.rows.set_index("segment_id").loc[segment_id, "segment"]))


def split_title(split: MarketSplit) -> str:
    """The picture's finding: the U.S. brands' share of all new vehicles (or the foreign brands' if the data stop there)."""
    shares = split_shares(split)
    if split.levels >= 2:
        return tr("U.S. brands were {share} of Japan's new vehicles in {year}").format(
            share=about_pct(shares["us_brands_of_market"]), year=split.year
        )
    return tr("Foreign brands were {share} of Japan's new vehicles in {year}").format(
        share=about_pct(shares[SEGMENT_IDS[FOREIGN]]), year=split.year
    )


def split_subtitle(split: MarketSplit) -> str:
    return tr("New vehicles sold in Japan by kind and brand, share of each bar (%), calendar {year}").format(year=split.year)


def split_description(split: MarketSplit) -> str:
    """One sentence: the first bar's three shares, then how far down the U.S. brands and Jeep go (all derived)."""
    shares = split_shares(split)
    kei, japanese, foreign = (SEGMENT_IDS[name] for name in (KEI, JAPANESE_REGISTERED, FOREIGN))
    figures = {
        "market": text.rounded(shares["market"]),
        "year": split.year,
        "kei": about_pct(shares[kei]),
        "japanese": about_pct(shares[japanese]),
        "foreign": about_pct(shares[foreign]),
    }
    if split.levels >= 3:
        return tr(
            "Of about {market} new vehicles sold in Japan in {year}, kei vehicles were {kei}, Japanese brands' registered "
            "vehicles {japanese} and foreign brands {foreign}; U.S. brands were {us} of the foreign brands, and {brand} "
            "{brand_share} of the U.S. brands."
        ).format(
            **figures,
            us=about_pct(shares[SEGMENT_IDS[US_BRANDS]]),
            brand=_segment_name(split, JEEP),
            brand_share=about_pct(shares[JEEP]),
        )
    if split.levels >= 2:
        return tr(
            "Of about {market} new vehicles sold in Japan in {year}, kei vehicles were {kei}, Japanese brands' registered "
            "vehicles {japanese} and foreign brands {foreign}; U.S. brands were {us} of the foreign brands."
        ).format(**figures, us=about_pct(shares[SEGMENT_IDS[US_BRANDS]]))
    return tr(
        "Of about {market} new vehicles sold in Japan in {year}, kei vehicles were {kei}, Japanese brands' registered "
        "vehicles {japanese} and foreign brands {foreign}."
    ).format(**figures)


def split_summary(split: MarketSplit) -> str:
    """The nested split in two or three sentences; derived shares say so; a missing level is named, not filled."""
    if split.levels == 0:
        return tr("The data cannot split the market for {year}: it lacks {missing}.").format(
            year=split.year, missing=words.semicolons(split.missing)
        )
    shares = split_shares(split)
    rows = split.rows.set_index("segment_id")
    kei, japanese, foreign, us, other_us = (SEGMENT_IDS[name] for name in (KEI, JAPANESE_REGISTERED, FOREIGN, US_BRANDS, OTHER_US))
    parts = [
        tr(
            "Of about {market} new vehicles sold in {year} (registered plus kei), kei vehicles were {kei}, Japanese brands' "
            "registered vehicles {japanese} and foreign brands {foreign}: all three shares are derived from the unit figures."
        ).format(
            market=text.rounded(shares["market"]),
            year=split.year,
            kei=about_pct(shares[kei]),
            japanese=about_pct(shares[japanese]),
            foreign=about_pct(shares[foreign]),
        )
    ]
    if split.levels >= 2:
        parts.append(
            tr(
                "U.S. brands registered {units} vehicles: {of_foreign} of the foreign brands, or {of_market} of all new vehicles (derived)."
            ).format(
                units=units(rows.loc[us, "units"]),
                of_foreign=about_pct(shares[us]),
                of_market=about_pct(shares["us_brands_of_market"]),
            )
        )
    if split.levels >= 3:
        parts.append(
            tr(
                "{brand} alone was {share} of the U.S. brands; the rest of the U.S. total that the named brands do not "
                "account for, {rest} vehicles (derived), is mostly Tesla, which the importers' association counts under "
                "'Others'."
            ).format(brand=_segment_name(split, JEEP), share=about_pct(shares[JEEP]), rest=about(rows.loc[other_us, "units"]))
        )
    if split.missing:
        parts.append(tr("The picture stops there because the data lack {missing}.").format(missing=words.semicolons(split.missing)))
    return words.sentences(parts)


def _conflict_figure(value: float, qualifier: object, publisher: str) -> str:
    """'4,421,494 as reported by Nippon.com (Japan Data)', with a qualifier other than exact in brackets."""
    if isinstance(qualifier, str) and not qualifier.startswith("exact"):
        return tr("{value} ({qualifier}) as reported by {publisher}").format(
            value=units(value), qualifier=words.data(qualifier), publisher=publisher
        )
    return tr("{value} as reported by {publisher}").format(value=units(value), publisher=publisher)


def conflict_summary(split: MarketSplit) -> str:
    """Where sources give different figures for the same quantity in the split's year, both, with their publishers."""
    sentences = []
    conflicts = split.conflicts.reset_index(drop=True)
    if conflicts.empty:
        return tr("The sources agree on the figures used in this picture.")
    publishers = reported_by(conflicts)
    quantity = conflicts["metric"].fillna(conflicts["brand_id"]) if "brand_id" in conflicts else conflicts["metric"]
    for _, rows in conflicts.groupby(quantity, sort=False):
        first = rows.iloc[0]
        metric = first["metric"] if pd.notna(first["metric"]) else ""
        if metric in METRIC_WORDS:
            what = tr(METRIC_WORDS[metric])
        elif metric:
            what = str(words.data(metric.replace("_", " ")))
        else:
            what = tr("the {brand}").format(brand=words.data(first["brand"]))
        values = rows["value"] if "value" in rows and rows["value"].notna().any() else rows["units"]
        if len({f"{v:,.0f}" for v in values.dropna()}) < 2:
            continue
        figures = [
            _conflict_figure(value, qualifier, publishers[index])
            for index, value, qualifier in zip(rows.index, values, rows["qualifier"], strict=True)
        ]
        listed = figures[0]
        for figure in figures[1:]:
            listed = tr("{figures} and {figure}").format(figures=listed, figure=figure)
        sentences.append(tr("{quantity}, {figures}").format(quantity=what, figures=listed))
    if not sentences:
        return tr("The sources agree on the figures used in this picture.")
    joined = sentences[0]
    for sentence in sentences[1:]:
        joined = tr("{quantities}; {quantity}").format(quantities=joined, quantity=sentence)
    return tr(
        "Sources give different figures for {year}: {quantities}. The picture's total is registered plus kei sales; where "
        "it needs one of two figures it takes the exact one from the more reliable source. Both rows stay in the data."
    ).format(year=split.year, quantities=joined)


def gap_note(split: MarketSplit) -> str:
    """Markdown shown instead of the nested picture when the data cannot draw even its first level."""
    return tr("**No picture for {year}:** the data lack figures it needs ({missing}).").format(
        year=split.year, missing=words.semicolons(split.missing)
    )


def tariff_note(rate_pct: float) -> str:
    """The note written under the nested picture."""
    return tr("Japan's tariff on imported cars: {rate}").format(rate=pct(rate_pct))


def essay_domestic(split: MarketSplit) -> str:
    """Japanese buyers buy Japanese: kei plus Japanese brands' registered vehicles, as a share of new vehicles (derived)."""
    if not split.levels:
        return tr("the data cannot split the market for {year}").format(year=split.year)
    share = 100 - split_shares(split)[SEGMENT_IDS[FOREIGN]]
    return tr("kei vehicles and Japanese brands' registered vehicles were {share} of new vehicles in {year} (derived)").format(
        share=about_pct(share), year=split.year
    )


def essay_kei(split: MarketSplit) -> str:
    """The kei share of new vehicles in the split's year."""
    if not split.levels:
        return tr("the kei share is not available for this year")
    return tr("kei alone {share}").format(share=about_pct(split_shares(split)[SEGMENT_IDS[KEI]]))


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
        return tr("The data have no German brand's figure for {year}.").format(year=year)
    brand = words.data(top["brand_name"])
    if split.levels >= 2:
        us_total = split.units_of(SEGMENT_IDS[US_BRANDS])
        return tr(
            "In {year} {brand} alone registered {units} vehicles in Japan, {times} as many as all U.S. brands together "
            "({us_total}; ratio derived)."
        ).format(year=year, brand=brand, units=units(top["units"]), times=text.times(top["units"] / us_total), us_total=units(us_total))
    best = top_us(by_brand, year)
    if best is None:
        return tr("In {year} {brand} registered {units} vehicles; the data have no U.S. brand's figure for that year.").format(
            year=year, brand=brand, units=units(top["units"])
        )
    return tr(
        "In {year} {brand} registered {units} vehicles and the best-selling U.S. brand, {us_brand}, {us_units}: {times} as "
        "many for the German brand (ratio derived). The data have no total for all U.S. brands in {year}."
    ).format(
        year=year,
        brand=brand,
        units=units(top["units"]),
        us_brand=words.data(best["brand_name"]),
        us_units=units(best["units"]),
        times=text.times(top["units"] / best["units"]),
    )


def brand_title(comparison: pd.DataFrame, us_total: float | None, year: int) -> str:
    """The chart's finding: its biggest brand against all U.S. brands together (the dashed line), or against the
    best-selling U.S. brand drawn when the data have no U.S. total (names as ``brand_comparison`` gives them)."""
    drawn = comparison.dropna(subset=["units"]).sort_values("units", ascending=False, kind="stable")
    if drawn.empty:
        return tr("No brand chosen has a figure for {year}").format(year=year)
    top = drawn.iloc[0]
    brand = top["brand_name"]
    if top["origin"] != UNITED_STATES and us_total:
        ratio = top["units"] / us_total
        if ratio >= 1:
            return chartlint.fitting_title(
                tr("{brand} alone sold {times} as many as all U.S. brands").format(brand=brand, times=text.times(ratio)),
                tr("{brand} outsold all U.S. brands {times} over").format(brand=brand, times=text.times(ratio)),
            )
        return chartlint.fitting_title(
            tr("All U.S. brands together outsold {brand} in {year}").format(brand=brand, year=year),
            tr("U.S. brands outsold {brand}").format(brand=brand),
        )
    us = drawn[drawn["origin"] == UNITED_STATES]
    if top["origin"] != UNITED_STATES and not us.empty:
        ratio = top["units"] / us.iloc[0]["units"]
        us_brand = us.iloc[0]["brand_name"]
        return chartlint.fitting_title(
            tr("{brand} sold {times} as many as {us_brand} in {year}").format(
                brand=brand, times=text.times(ratio), us_brand=us_brand, year=year
            ),
            tr("{brand} outsold {us_brand} {times} over").format(brand=brand, us_brand=us_brand, times=text.times(ratio)),
        )
    return chartlint.fitting_title(
        tr("{brand} sold the most of the brands shown in {year}").format(brand=brand, year=year),
        tr("{brand} sold the most").format(brand=brand),
    )


def brand_subtitle(year: int) -> str:
    return tr("New registrations in Japan by brand, vehicles, calendar {year}").format(year=year)


def brand_description(comparison: pd.DataFrame, us_total: float | None, year: int) -> str:
    """One sentence: the biggest brand drawn, all U.S. brands together and the best-selling U.S. brand drawn (exact counts)."""
    drawn = comparison.dropna(subset=["units"]).sort_values("units", ascending=False, kind="stable")
    if drawn.empty:
        return tr("The data have no registrations for the chosen brands in {year}.").format(year=year)
    top = drawn.iloc[0]
    figures = {"year": year, "brand": top["brand_name"], "units": units(top["units"])}
    ratio = bool(us_total) and top["origin"] != UNITED_STATES
    if ratio:
        figures.update(times=text.times(top["units"] / us_total), us_total=units(us_total))
    us = drawn[(drawn["origin"] == UNITED_STATES) & (drawn.index != top.name)]
    if not us.empty:
        figures.update(us_brand=us.iloc[0]["brand_name"], us_units=units(us.iloc[0]["units"]))
    if ratio and not us.empty:
        message = tr(
            "In {year} {brand} registered {units} vehicles in Japan, {times} the {us_total} of all U.S. brands together "
            "(ratio derived); the best-selling U.S. brand shown, {us_brand}, registered {us_units}."
        )
    elif ratio:
        message = tr(
            "In {year} {brand} registered {units} vehicles in Japan, {times} the {us_total} of all U.S. brands together (ratio derived)."
        )
    elif not us.empty:
        message = tr(
            "In {year} {brand} registered {units} vehicles in Japan; the best-selling U.S. brand shown, {us_brand}, registered {us_units}."
        )
    else:
        message = tr("In {year} {brand} registered {units} vehicles in Japan.")
    return message.format(**figures)


def large_imports_sentence(structural: pd.DataFrame) -> str:
    """The share of imported passenger cars above the small-car size class, as reported, with what it covers: all
    imported cars (not one origin's), in the period the row gives (a single month in the shipped data)."""
    row = structural_value(structural, "imported_registered_cars", "large_3_number_plate_share_pct")
    share = pct(float(row["value"]))
    if re.fullmatch(r"\d{4}-\d{2}", str(row["as_of"])):
        return tr(
            "Imports are not only small cars either: in one month, {month}, {share} of the imported passenger cars registered "
            "(all foreign brands together; the data have no such share for German brands alone) were in the larger "
            "'3-number' class, above the small-car limits."
        ).format(month=when(row["as_of"]), share=share)
    return tr(
        "Imports are not only small cars either: in {period}, {share} of the imported passenger cars registered (all "
        "foreign brands together; the data have no such share for German brands alone) were in the larger '3-number' "
        "class, above the small-car limits."
    ).format(period=words.data_if_words(str(row["as_of"])), share=share)


# --------------------------------------------------------------------------- sizes


def garage_sentence(structural: pd.DataFrame) -> str:
    """The garage-certificate rule, from the structural-factors table."""
    required = structural_value(structural, "registered_vehicles", "garage_certificate_required")
    distance = structural_value(structural, "storage_place", "max_distance_from_base_of_use")
    if str(required["value"]).lower().startswith("yes"):
        message = tr(
            "To register a car, the owner must show a garage certificate (the rule as of {as_of}): proof of a parking place "
            "within {distance} {unit} of home that the whole vehicle fits into"
        )
    else:
        message = tr(
            "To register a car, the owner need not show a garage certificate (the rule as of {as_of}): proof of a parking "
            "place within {distance} {unit} of home that the whole vehicle fits into"
        )
    return message.format(as_of=words.data_if_words(str(required["as_of"])), distance=distance["value"], unit=words.data(distance["unit"]))


def roads_sentence(structural: pd.DataFrame) -> str:
    """What the data says about roads, and the statistic it lacks."""
    share_row = structural_value(structural, "public_road_network", "municipal_road_share_pct")
    lengths = structural[(structural["factor"] == "roads") & (structural["metric"] == "total_length")]
    listed = words.semicolons(
        tr("{length} {unit} in {year}").format(
            length=text.rounded(float(value), 3), unit=words.data(unit), year=years_written(pd.Series([as_of]))
        )
        for value, unit, as_of in zip(lengths["value"], lengths["unit"], lengths["as_of"], strict=True)
    )
    return tr(
        "The data give the length of Japan's public roads ({lengths}) and the municipal roads' share ({share} in {year}), "
        "but no share of narrow roads and no official count of parking spaces"
    ).format(lengths=listed, share=pct(float(share_row["value"])), year=words.data_if_words(str(share_row["as_of"])))


def _space(structural: pd.DataFrame) -> str:
    """'5,000 × 1,800 mm, 1,550 mm high': a typical mechanical-parking space's limits."""
    box = sizes.parking_space(structural)
    size = {"length": f"{box['length']:,.0f}", "width": f"{box['width']:,.0f}"}
    if "height" in box:
        return tr("{length} × {width} mm, {height} mm high").format(**size, height=f"{box['height']:,.0f}")
    return tr("{length} × {width} mm").format(**size)


def fit_sentence(fits: pd.DataFrame) -> str:
    """Which drawn models fit a typical mechanical-parking space and which do not, by how much (derived)."""
    fitting = fits[fits["fits_mechanical_parking"].str.startswith("yes")]
    failing = fits[fits["fits_mechanical_parking"].str.startswith("no")]
    parts = []
    if not fitting.empty:
        names = []
        for _, row in fitting.iterrows():
            unknown = re.fullmatch(r"yes \((.+) not in the data\)", row["fits_mechanical_parking"])
            label = sizes.label_words(row["label"])
            if unknown is None:
                names.append(label)
            else:
                dimensions = words.commas(tr(sizes.DIMENSION_NAMES[dim]) for dim in unknown[1].split(", "))
                names.append(tr("{model} ({dimensions} not in the data)").format(model=label, dimensions=dimensions))
        parts.append(tr("Within a typical mechanical-parking space's limits: {models}.").format(models=words.commas(names)))
    if not failing.empty:
        too_big = [
            tr("{model} ({reasons})").format(
                model=sizes.label_words(row["label"]),
                reasons=words.commas(sizes.reason_words(part) for part in row["fits_mechanical_parking"].removeprefix("no: ").split(", ")),
            )
            for _, row in failing.iterrows()
        ]
        parts.append(
            tr("Too big for one (the differences derived from the dimensions): {models}.").format(models=words.semicolons(too_big))
        )
    return words.sentences(parts)


def height_sentence(fits: pd.DataFrame) -> str:
    """Models that are too tall for a typical mechanical-parking space (height is a limit too), or what the data lacks."""
    tall = fits[fits["too_tall_mm"].fillna(0) > 0]
    known = fits[fits["height_mm"].notna()]["label"].tolist()
    parts = []
    if not tall.empty:
        listed = text.listed(
            [
                tr("the {model} ({mm} mm over)").format(model=sizes.label_words(row["label"]), mm=f"{row['too_tall_mm']:,.0f}")
                for _, row in tall.iterrows()
            ]
        )
        if len(tall) == 1:
            parts.append(tr("typical mechanical-parking spaces limit height too, and {models} is too tall for one.").format(models=listed))
        else:
            parts.append(tr("typical mechanical-parking spaces limit height too, and {models} are too tall for one.").format(models=listed))
    elif known:
        parts.append(tr("typical mechanical-parking spaces limit height too; none of the models drawn with a height exceeds it."))
    else:
        parts.append(tr("typical mechanical-parking spaces limit height too."))
    if len(known) < len(fits):
        if known:
            parts.append(
                tr("(The data give heights only for {models}.)").format(models=text.listed([sizes.label_words(label) for label in known]))
            )
        else:
            parts.append(tr("(The data give no height for these models.)"))
    return words.sentences(parts)


def _models(fits: pd.DataFrame) -> pd.DataFrame:
    """One row per model drawn (a model in several configurations fits only if every configuration does)."""
    return (
        fits.assign(fits_all=fits["fits_mechanical_parking"].str.startswith("yes"))
        .groupby("model_id", sort=False)
        .agg(fits_all=("fits_all", "all"), label=("label", "first"), too_long_mm=("too_long_mm", "max"))
    )


def _model_name(label: str) -> str:
    """A model's name without its configuration: 'Toyota Tundra, longer configuration' -> 'Toyota Tundra' (as the page
    shows it)."""
    return str(words.data(label.split(", ")[0]))


def footprint_title(fits: pd.DataFrame) -> str:
    """How many of the models drawn fit a typical mechanical-parking space (every limit the data give: length, width, height)."""
    models = _models(fits)
    fitting, total = int(models["fits_all"].sum()), len(models)
    if total == 1:
        name = _model_name(models["label"].iloc[0])
        if fitting:
            return chartlint.fitting_title(
                tr("The {model} fits a typical mechanical-parking space").format(model=name),
                tr("The {model} fits a parking space").format(model=name),
            )
        return chartlint.fitting_title(
            tr("The {model} does not fit a typical mechanical-parking space").format(model=name),
            tr("The {model} does not fit a parking space").format(model=name),
        )
    if total == 2:
        return {
            0: tr("A typical mechanical-parking space holds neither model drawn"),
            1: tr("A typical mechanical-parking space holds only one of the two models drawn"),
            2: tr("A typical mechanical-parking space holds both models drawn"),
        }[fitting]
    if fitting == total:
        return tr("A typical mechanical-parking space holds all {count} models drawn").format(count=text.count_words(total))
    if fitting:
        return tr("A typical mechanical-parking space holds only {fitting} of the {count} models drawn").format(
            fitting=text.count_words(fitting), count=text.count_words(total)
        )
    return tr("A typical mechanical-parking space holds none of the {count} models drawn").format(count=text.count_words(total))


def footprint_subtitle(fits: pd.DataFrame) -> str:
    return tr("Footprints to scale (length × width, mm) in a typical mechanical-parking space, specifications {years}").format(
        years=years_written(fits["as_of"])
    )


def _the(label: str) -> str:
    """'the Toyota Tundra, longer configuration,' inside a sentence (a label with a comma is closed by one)."""
    shown = sizes.label_words(label)
    return tr("the {model},").format(model=shown) if "," in label else tr("the {model}").format(model=shown)


def footprint_description(fits: pd.DataFrame, structural: pd.DataFrame) -> str:
    """One sentence: the models that fit, the longest overhang and the height limit's victims (differences derived)."""
    models = _models(fits)
    fitting, total = models[models["fits_all"]]["label"].tolist(), text.count_words(len(models))
    space = _space(structural)
    if len(models) == 1:
        name = _model_name(models["label"].iloc[0])
        if fitting:
            lead = tr("The {model} fits a typical mechanical-parking space ({space})").format(model=name, space=space)
        else:
            lead = tr("The {model} does not fit a typical mechanical-parking space ({space})").format(model=name, space=space)
    elif len(fitting) == len(models):
        if len(models) == 2:
            lead = tr("Both models drawn fit a typical mechanical-parking space ({space})").format(space=space)
        else:
            lead = tr("All {count} models drawn fit a typical mechanical-parking space ({space})").format(count=total, space=space)
    elif fitting:
        listed = text.listed([tr("the {model}").format(model=sizes.label_words(label)) for label in fitting])
        if len(fitting) == 1:
            message = tr("Of the {count} models drawn, only {models} fits a typical mechanical-parking space ({space})")
        else:
            message = tr("Of the {count} models drawn, only {models} fit a typical mechanical-parking space ({space})")
        lead = message.format(count=total, models=listed, space=space)
    elif len(models) == 2:
        lead = tr("Neither model drawn fits a typical mechanical-parking space ({space})").format(space=space)
    else:
        lead = tr("None of the {count} models drawn fits a typical mechanical-parking space ({space})").format(count=total, space=space)
    longest = fits.sort_values("too_long_mm", ascending=False, kind="stable").iloc[0]
    tall = fits[fits["too_tall_mm"].fillna(0) > 0]
    tall_models = text.listed([tr("the {model}").format(model=sizes.label_words(label)) for label in tall["label"]])
    if longest["too_long_mm"] > 0:
        overhang = {"model": _the(longest["label"]), "mm": f"{longest['too_long_mm']:,.0f}"}
        if not tall.empty:
            return tr("{lead}; {model} is {mm} mm too long for one (derived), and {tall} too tall.").format(
                lead=lead, tall=tall_models, **overhang
            )
        return tr("{lead}; {model} is {mm} mm too long for one (derived).").format(lead=lead, **overhang)
    if not tall.empty:
        return tr("{lead}, and {tall} too tall.").format(lead=lead, tall=tall_models)
    return tr("{lead}.").format(lead=lead)


def essay_size(fits: pd.DataFrame) -> str:
    """The drawn models too long for a typical mechanical-parking space (derived), or that none is."""
    too_long = fits[fits["too_long_mm"].fillna(0) > 0]["label"].tolist()
    return words.semicolons(sizes.label_words(label) for label in too_long) if too_long else tr("none of the models drawn")


def undrawable(models: list[str]) -> str:
    """The models the data cannot draw, or 'none' (a message of its own, 'none{note}': a bare 'none' means other things in
    other chapters' catalogs, which have no contexts)."""
    return words.commas(words.data(model) for model in models) or tr("none{note}").format(note="")


# --------------------------------------------------------------------------- claims, Jeep


def claim_sentence(claims: pd.DataFrame, claim_id: str) -> str:
    """One claim or action as 'date, claimant: summary', from the claims table (the evidence is in the table beside it)."""
    row = claims[claims["claim_id"] == claim_id].iloc[0]
    return tr("{date}, {claimant}: {claim}").format(
        date=when(row["date"]), claimant=words.data(row["claimant"]), claim=words.data(row["claim_summary"])
    )


def claim_evidence(claims: pd.DataFrame, claim_id: str) -> str:
    """The evidence or figure a claim's author gave, as the claims table records it."""
    return str(words.data(claims.loc[claims["claim_id"] == claim_id, "evidence_or_figure"].item()))


def claims_span(timeline: pd.DataFrame) -> str:
    """The years the claims table covers, first–last."""
    return text.year_span(timeline["year"])


def stance_counts(timeline: pd.DataFrame) -> str:
    """How many rows of the claims table take each stance, in words: '15 assert a barrier, 11 dispute one, …'."""
    counts = timeline["stance"].value_counts()

    def counted(stance: str, count: int) -> str:
        if stance not in history_module.STANCE_COUNTED:
            return tr("{count} {stance}").format(count=count, stance=history_module.stance_words(stance))
        one, several = history_module.STANCE_COUNTED[stance]
        return tr(one if count == 1 else several).format(count=count)

    return text.listed([counted(stance, int(count)) for stance, count in counts.items()])


def _milestones(timeline: pd.DataFrame) -> pd.DataFrame:
    return timeline[timeline["milestone"] != ""].sort_values("start", kind="stable")


def claims_title(timeline: pd.DataFrame) -> str:
    """When the U.S. complaints start, and the years of the milestones (the changes the chapter follows)."""
    asserted = timeline[(timeline["stance"] == "asserts_barrier") & timeline["actor_group"].isin(history_module.US_ACTOR_GROUPS)]
    years = [str(year) for year in dict.fromkeys(_milestones(timeline)["year"])]
    if years:
        changes = tr("Japan's changes came in {years}").format(years=words.commas(years))
    else:
        changes = tr("Japan changed no rule in the data")
    if asserted.empty:
        return changes
    return tr("U.S. complaints date from {year}; {changes}").format(year=int(asserted["year"].min()), changes=changes)


def claims_subtitle(timeline: pd.DataFrame) -> str:
    return tr("Entries in the claims table by year and kind of actor, number of claims, {years}").format(years=claims_span(timeline))


def claims_description(timeline: pd.DataFrame) -> str:
    """One sentence: how many entries over which years, by stance in words, and the ringed milestones."""
    milestones = _milestones(timeline)
    ringed = text.listed(
        [tr("{milestone} ({year})").format(milestone=row["milestone"], year=row["year"]) for _, row in milestones.iterrows()]
    )
    figures = {"count": len(timeline), "span": claims_span(timeline).replace("–", " to "), "stances": stance_counts(timeline)}
    if ringed:
        return tr("The table's {count} entries run from {span}: {stances}; the ringed points are the milestones: {milestones}.").format(
            **figures, milestones=ringed
        )
    return tr("The table's {count} entries run from {span}: {stances}.").format(**figures)


def _count_in(units_text: str, year: object, *, approximate: bool = False) -> str:
    """'9,633 in 2024', 'about 5,000 in 2015'."""
    if approximate:
        return tr("about {units} in {year}").format(units=units_text, year=year)
    return tr("{units} in {year}").format(units=units_text, year=year)


def history_facts(history: pd.DataFrame, makers: dict[str, str]) -> dict[str, str]:
    """Jeep's latest year, GM's brands in that year, and GM's peak, for the prose (``makers`` from ``history_makers``)."""
    jeep, gm = makers[JEEP], makers[GM_BRANDS]
    latest = history[history["year"] == history.loc[history["maker"] == jeep, "year"].max()].set_index("maker")
    peak = history[history["maker"] == gm].sort_values("units").iloc[-1]
    gm_latest = tr("no figure for that year")
    if gm in latest.index:
        row = latest.loc[gm]
        if str(row["how"]).startswith("derived"):
            brands = [str(words.data(part)) for part in str(row["counted"]).split(" + ")]
            joined = brands[0]
            for brand in brands[1:]:
                joined = tr("{brands} plus {brand}").format(brands=joined, brand=brand)
            gm_latest = tr("{units} ({brands}, added up here)").format(units=units(row["units"]), brands=joined)
        else:
            gm_latest = tr("{units}").format(units=units(row["units"]))
    peak_figures = {"units": units(peak["units"]), "year": int(peak["year"]), "counted": words.data(peak["counted"])}
    if peak["approximate"]:
        gm_peak = tr("about {units} in {year}, a figure for {counted}").format(**peak_figures)
    else:
        gm_peak = tr("{units} in {year}, a figure for {counted}").format(**peak_figures)
    return {
        "jeep_latest": _count_in(units(latest.loc[jeep, "units"]), int(latest.loc[jeep, "year"])),
        "gm_latest": gm_latest,
        "gm_peak": gm_peak,
    }


def jeep_and_gm(history: pd.DataFrame, makers: dict[str, str]) -> tuple[pd.Series, pd.Series | None]:
    """Jeep's latest row, and GM's row for the same year (None if the data have none)."""
    jeep = history[history["maker"] == makers[JEEP]].sort_values("year").iloc[-1]
    gm = history[(history["maker"] == makers[GM_BRANDS]) & (history["year"] == jeep["year"])]
    return jeep, (None if gm.empty else gm.iloc[0])


def history_title(history: pd.DataFrame, makers: dict[str, str]) -> str:
    """Jeep against GM's brands in Jeep's latest year (ratio derived), or Jeep's figure alone."""
    jeep, gm = jeep_and_gm(history, makers)
    maker = words.data(jeep["maker"])
    if gm is None:
        figures = {"maker": maker, "units": units(jeep["units"]), "year": int(jeep["year"])}
        return chartlint.fitting_title(
            tr("{maker} sold {units} vehicles in Japan in {year}").format(**figures),
            tr("{maker} sold {units}").format(**figures),
        )
    figures = {"maker": maker, "gm": words.data(gm["maker"]), "ratio": about(jeep["units"] / gm["units"]), "year": int(jeep["year"])}
    return chartlint.fitting_title(
        tr("{maker} outsold {gm}'s brands {ratio} to 1 in {year}").format(**figures),
        tr("{maker} outsold {gm} {ratio} to 1").format(**figures),
    )


def history_subtitle(history: pd.DataFrame, makers: dict[str, str]) -> str:
    return tr("Vehicles sold in Japan per calendar year by {makers}, log scale, {years}").format(
        makers=text.listed([str(words.data(name)) for name in makers.values()]), years=text.year_span(history["year"])
    )


def history_description(history: pd.DataFrame, makers: dict[str, str], events: pd.DataFrame) -> str:
    """One sentence: Jeep's latest figure, GM's in that year and at its peak, Ford's last figure and its exit."""
    jeep, gm = jeep_and_gm(history, makers)
    facts = history_facts(history, makers)
    if gm is not None:
        sentence = tr("{maker} sold {latest}, against {gm_units} for {gm}'s brands, whose peak was {peak}").format(
            maker=words.data(jeep["maker"]),
            latest=facts["jeep_latest"],
            gm_units=units(gm["units"]),
            gm=words.data(gm["maker"]),
            peak=facts["gm_peak"],
        )
    else:
        sentence = tr("{maker} sold {latest}, whose peak was {peak}").format(
            maker=words.data(jeep["maker"]), latest=facts["jeep_latest"], peak=facts["gm_peak"]
        )
    ford = history[history["maker"] == makers[FORD]].sort_values("year")
    if ford.empty:
        return tr("{sentence}.").format(sentence=sentence)
    last = ford.iloc[-1]
    figures = {"sentence": sentence, "maker": words.data(last["maker"])}
    figures["sold"] = _count_in(units(last["units"]), int(last["year"]), approximate=bool(last["approximate"]))
    if events.empty:
        return tr("{sentence}; {maker} sold {sold}.").format(**figures)
    return tr("{sentence}; {maker} sold {sold} and announced its exit in {year}.").format(**figures, year=int(events["year"].iloc[0]))


NETWORKS = {  # (Jeep offered right-hand drive on all its models, Cadillac's lineup came in right-hand drive) -> the sentence
    (True, False): N_(
        "Jeep had {jeep} dealerships ({jeep_as_of}) and offered right-hand drive on all its models ({rhd_as_of}); Ford had "
        "{ford} when it announced its exit ({ford_as_of}); GM's largest dealer, Yanase, ran {gm} GM outlets ({gm_as_of}), and "
        "Cadillac's lineup before the Lyriq came in left-hand drive only ({cadillac_as_of})"
    ),
    (True, True): N_(
        "Jeep had {jeep} dealerships ({jeep_as_of}) and offered right-hand drive on all its models ({rhd_as_of}); Ford had "
        "{ford} when it announced its exit ({ford_as_of}); GM's largest dealer, Yanase, ran {gm} GM outlets ({gm_as_of}), and "
        "Cadillac's lineup before the Lyriq came in right-hand drive ({cadillac_as_of})"
    ),
    (False, False): N_(
        "Jeep had {jeep} dealerships ({jeep_as_of}) and did not offer right-hand drive on all its models ({rhd_as_of}); Ford "
        "had {ford} when it announced its exit ({ford_as_of}); GM's largest dealer, Yanase, ran {gm} GM outlets ({gm_as_of}), "
        "and Cadillac's lineup before the Lyriq came in left-hand drive only ({cadillac_as_of})"
    ),
    (False, True): N_(
        "Jeep had {jeep} dealerships ({jeep_as_of}) and did not offer right-hand drive on all its models ({rhd_as_of}); Ford "
        "had {ford} when it announced its exit ({ford_as_of}); GM's largest dealer, Yanase, ran {gm} GM outlets ({gm_as_of}), "
        "and Cadillac's lineup before the Lyriq came in right-hand drive ({cadillac_as_of})"
    ),
}


def networks_sentence(structural: pd.DataFrame) -> str:
    """Dealer networks and right-hand drive: Jeep against GM and Ford, as reported."""
    jeep = structural_value(structural, "jeep_japan", "dealerships")
    ford = structural_value(structural, "ford_japan", "dealerships")
    gm = structural_value(structural, "yanase_gm_outlets", "dealerships")
    rhd = structural_value(structural, "jeep_all_models", "rhd_offered_in_japan")
    cadillac = structural_value(structural, "cadillac_lineup_before_lyriq", "rhd_offered_in_japan")

    def offered(row: pd.Series) -> bool:
        return str(row["value"]).lower().startswith("yes")

    return tr(NETWORKS[offered(rhd), offered(cadillac)]).format(
        jeep=jeep["value"],
        jeep_as_of=words.year(jeep["as_of"]),
        rhd_as_of=words.year(rhd["as_of"]),
        ford=ford["value"],
        ford_as_of=when(ford["as_of"]),
        gm=gm["value"],
        gm_as_of=words.year(gm["as_of"]),
        cadillac_as_of=words.year(cadillac["as_of"]),
    )
