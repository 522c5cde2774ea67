"""Page 'The claims, checked': the figures that decide each claim, one function per claim.

Claims, verdicts and reasoning are editorial data (data/claims.csv); the figures are computed here
from the data tables, never typed. Each evidence function returns a sentence with its figures, and
the table rows it used, so the page can cite their sources. Figures a chapter also shows come from
that chapter's own functions (or ``tradetalks.figures``): one rule per figure. The sentences follow
the site's rounding policy (``tradetalks.text``): a source's figure keeps its qualifier, a derived
one has two significant figures, and rows and categories are worded from their ids, never glued
from a free-text note. Every sentence is a whole message (``tr``): the Japanese edition writes it in Japanese, its
figures in Japanese units (``tradetalks.text``), and the words from the data through the catalogs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from tradetalks import data, figures, grid, i18n, params, text
from tradetalks.chapters.auto_tariffs import tables as tariffs
from tradetalks.i18n import N_, tr
from tradetalks.text import pct, usd_bn_from_millions

from .sentences import count_as_stated, with_unit

# Rows this page names by id (registered in needs.py, so check-data names a data folder lacking one).
MERCEDES = "mercedes_benz"  # japan_import_sales_by_brand.brand_id
PARKING, PARKING_WIDTH = "mechanical_parking_typical", "max_width"  # structural_factors.item_id, .metric
F150 = "ford_f_150"  # the japan_market chapter's model_id of the Ford F-150
CELLS, MAGNETS, NICKEL = "china_cell_capacity_2023", "china_magnet_manufacturing_2024", "china_nickel_refining_2023"
TOKYO_TARGET, TOKYO_ENFORCEMENT = "tokyo_2030_non_gasoline_cars", "tokyo_2030_enforcement"  # ev_policy_targets.target_id
TESLA_DELIVERIES, BYD_BEV = "tesla_deliveries", "byd_bev_passenger_sales"  # automaker_sales.measure_id
TRUMP_FIRST = "C14"  # nontariff_barrier_claims.claim_id: President Trump's first statement in the record
US_DEMAND = "demand"  # battery_supply_chain.stage_id of demand (not production)
CELL_STAGE = "cells"  # battery_supply_chain.stage_id of cell making
UNITED_STATES = "United States"  # battery_supply_chain.country
US_HQ = "US"  # battery_makers.hq_country of a U.S.-headquartered maker

# What a round's milestone (negotiation_rounds.milestone) means, for a sentence about it.
MILESTONES = {
    tariffs.BEFORE_G7: N_("the last round before the G7 summit, aimed at a deal there"),
    tariffs.DEAL: N_("the round in which the framework deal was announced"),
}
# The years the claims name: the duties before the talks ("before 2025", the tariffs claim) and Tokyo's target ("by 2030").
DUTIES_YEAR, TOKYO_YEAR = 2025, 2030
# ev_policy_targets' coded columns (role columns, an enum: read instead of the what_counts and binding wording).
COUNTS_HYBRIDS, LEGALLY_BINDING, YES, NO = "counts_hybrids", "legally_binding", "yes", "no"


# Verdicts (the claims table's words) a card's code may reach.
SUPPORTED, PARTLY, NOT_SUPPORTED = "supported", "partly supported", "not supported"
CLAIMS_TABLE = "claims"
# The claims whose verdict a rule computes (claims.claim_id, registered in needs.py): each card reads its rule's
# threshold from its row of the claims table (columns rule, threshold, threshold_unit), never from code.
HIGH_TARIFFS, SINCE_TRUMP, ROADS = "news-high-tariffs", "essay-since-trump", "essay-roads"
BYD_CLAIM, US_BATTERIES, ECO, DEFICIT = "essay-byd", "essay-us-batteries", "essay-eco", "news-deficit"
AUTOS_EXPORTS, CHINA_PARTS = "news-autos-exports", "essay-china-parts"
REVERSE, RUSH, BUYERS, MAKERS_IN_US = "essay-reverse", "essay-rush", "essay-buyers", "news-makers-in-us"
G7, SEVENTH_ROUND, INVESTMENT, TOKYO_2030 = "news-g7", "news-seventh-round", "news-investment", "essay-tokyo-2030"


def threshold_words(value: float, unit: str) -> str:
    """A rule's threshold as the claims table states it: (10, 'percent') -> '10%', (1, 'complaints') -> '1 complaint',
    (1000000, 'vehicles') -> '1 million vehicles'; a multiple as a count of times, (1, 'times') -> 'once',
    (2, 'times') -> 'twice', (3, 'times') -> '3 times'; a round's number as the claim counts it, (7, 'ordinal') -> 'seventh'."""
    if unit == "percent":
        return text.pct(value)
    if unit == "g/km":
        return tr("{value} g/km").format(value=f"{value:g}")
    if unit == "times":
        return tr("once") if value == 1 else tr("twice") if value == 2 else tr("{value} times").format(value=f"{value:g}")
    if unit == "ordinal":
        return ordinal_words(int(value))
    # a count as prose writes it, to every figure the table holds (1000000 -> '1 million', 1500 -> '1,500')
    count = text.rounded(value, 15)
    if unit in COUNTED_UNITS:
        return tr(COUNTED_UNITS[unit][value != 1]).format(count=count)
    return with_unit(count, unit[:-1] if value == 1 and unit.endswith("s") else unit)  # another unit: a word from the data


# The claims table's count units (threshold_unit), one and several, as whole messages (Japanese: 1件, 1車種, 100万台).
COUNTED_UNITS = {
    "complaints": (N_("{count} complaint"), N_("{count} complaints")),
    "models": (N_("{count} model"), N_("{count} models")),
    "vehicles": (N_("{count} vehicle"), N_("{count} vehicles")),
}


def ordinal_words(number: int) -> str:
    """A round's place as a claim counts it: 7 -> 'seventh' (``text.ordinal_words``); in Japanese '7回目' (the catalog's
    form: ``text.ordinal_words`` has no Japanese one)."""
    if i18n.current() == i18n.SOURCE_LANGUAGE:
        return text.ordinal_words(number)
    return tr("{number}th").format(number=number)


@dataclass(frozen=True)
class Threshold:
    """A claim's rule and threshold, read from its row of the claims table (a categorical rule has none: ``value`` None)."""

    rule: str
    value: float | None
    unit: str

    @property
    def words(self) -> str:
        return "" if self.value is None else threshold_words(self.value, self.unit)

    @property
    def is_zero(self) -> bool:
        """A threshold of zero: the rule reads "grew at all", "at least as much", not "by more than 0%"."""
        return self.value == 0

    @property
    def rule_words(self) -> str:
        return RULES[self.rule].words(self)


@dataclass(frozen=True)
class Rule:
    """A verdict rule: the evidence whose card applies it, and the rule in words given its threshold (``Threshold.words``
    for the figure; a threshold of zero may read otherwise). A categorical rule decides from the rows' ids and role
    columns alone and takes no threshold."""

    evidence: str
    words: Callable[[Threshold], str]
    categorical: bool = False


def _byd_rule(t: Threshold) -> str:
    if t.is_zero:
        return tr(
            "The growth and integration half holds if BYD's new-energy sales grew on the year before and BYD makes its own "
            "batteries; the price half is unchecked, so the claim is at best partly supported."
        )
    return tr(
        "The growth and integration half holds if BYD's new-energy sales grew by more than {threshold} on the year before "
        "and BYD makes its own batteries; the price half is unchecked, so the claim is at best partly supported."
    ).format(threshold=t.words)


def _deficit_rule(t: Threshold) -> str:
    if t.is_zero:
        return tr(
            "“Widening” is supported if the U.S. goods deficit with Japan grew from the second-last to the last full year "
            "before the talks, and not supported otherwise."
        )
    return tr(
        "“Widening” is supported if the U.S. goods deficit with Japan grew by more than {threshold} from the second-last to "
        "the last full year before the talks, and not supported otherwise."
    ).format(threshold=t.words)


def _eco_rule(t: Threshold) -> str:
    if t.is_zero:
        return tr(
            "Supported if the electric car emits at least as much as the hybrid at both ends of ICCT's range of battery "
            "footprints, not supported if it emits less at both ends, partly supported if the battery decides."
        )
    return tr(
        "Supported if the electric car emits at least {threshold} more than the hybrid at both ends of ICCT's range of "
        "battery footprints, not supported if it emits less than that at both ends, partly supported if the battery decides."
    ).format(threshold=t.words)


# The rules, by the claims table's rule id. Their words are the page's statement of the rule ("How fair is this page?"
# and each card); the thresholds come from the claims table.
RULES: dict[str, Rule] = {
    "high_duty": Rule(
        "us_tariff_levels",
        lambda t: tr(
            "A duty counts as high from {threshold}: the claim is supported if the car duty was high before {year} too, partly "
            "supported if only some duties (light trucks, the {year} rates) were high, and not supported if none was."
        ).format(threshold=t.words, year=DUTIES_YEAR),
    ),
    "complaints_before_trump": Rule(
        "us_push_history",
        lambda t: tr(
            "“Ever since the Trump years” is not supported once the number of U.S. complaints of Japanese barriers in the "
            "record from before President Trump's first statement in it reaches {threshold}; it is supported otherwise."
        ).format(threshold=t.words),
    ),
    "models_that_fit_parking": Rule(
        "size_mismatch",
        lambda t: tr(
            "The parking half fails once the number of U.S.-brand models the data can measure that fit a typical "
            "mechanical-parking space reaches {threshold}; the roads half is unchecked, so the claim is at best partly supported."
        ).format(threshold=t.words),
    ),
    "byd_sales_growth": Rule("byd_claim", _byd_rule),
    "capacity_covers_demand": Rule(
        "battery_plants",
        lambda t: tr(
            "Supported only if the U.S. share of world cell capacity is at least {threshold} of its share of world battery "
            "demand; partly supported otherwise, or when the data lack either share (they cannot show the plants themselves)."
        ).format(threshold=t.words),
    ),
    "deficit_widened": Rule("deficit_trend", _deficit_rule),
    "autos_share_critical": Rule(
        "autos_share_of_exports",
        lambda t: tr(
            "Autos count as a critical part of Japan's exports to the U.S. from a share of {threshold}: the claim is supported "
            "if every report of the latest year puts their share at or above it, partly supported if only some do, and not "
            "supported if none does."
        ).format(threshold=t.words),
    ),
    "china_share_of_parts": Rule(
        "battery_chain",
        lambda t: tr(
            "“Largely made in China” holds for a part from a Chinese share of {threshold} of its world output or capacity: the "
            "claim is supported if China's shares of both battery cells and motor magnets reach it, partly supported if only "
            "one does, and not supported if neither does."
        ).format(threshold=t.words),
    ),
    "ev_excess_over_hybrid": Rule("ev_vs_hybrid", _eco_rule),
    "offset_exceeds_market": Rule(
        "reverse_import_scale",
        lambda t: tr(
            "“A trick rather than a fix” is supported if the cars it would take a year to offset the U.S. goods deficit with "
            "Japan would fill Japan's entire imported-car market at least {threshold}; partly supported otherwise, since the "
            "data cannot say what number of reverse imports would be plausible (so the rule never reaches not supported)."
        ).format(threshold=t.words),
    ),
    "rush_against_world": Rule(
        "ev_share_japan",
        lambda t: tr(
            "A rush shows on two counts: Japan's share of new cars that are electric reaches {threshold} of the world's share, "
            "and it rose on the year before. The claim is supported if both hold, partly supported if one does, and not "
            "supported if neither does."
        ).format(threshold=t.words),
    ),
    "german_multiple": Rule(
        "german_vs_us_brands",
        lambda t: tr(
            "Partly supported if Mercedes-Benz alone registers enough cars in Japan in the latest year to match all U.S. "
            "brands together at least {threshold}: under the same rules it sells far more, so rules alone do not explain the "
            "gap; but sales cannot tell buyers' taste from the cost of adapting cars, so the claim is at best partly "
            "supported. Not supported otherwise."
        ).format(threshold=t.words),
    ),
    "makers_us_production": Rule(
        "us_production",
        lambda t: tr(
            "“Significantly” is this site's reading, in vehicles built: the claim is supported if Japanese makers built at "
            "least {threshold} in the U.S. in the latest year in the data, partly supported if they built fewer, and not "
            "supported if they built none. The data count vehicles, not jobs or value added."
        ).format(threshold=t.words),
    ),
    "deal_after_g7": Rule(
        "g7_round",
        lambda t: tr(
            "“Without a binding agreement” holds if the deal came in a later round than the last round before the summit "
            "(the rounds the record marks as such); the data record neither the leaders' meeting nor its outcome, so that "
            "half is the report's own account and the claim is at best partly supported. Not supported if the deal came in "
            "that round or earlier."
        ),
        categorical=True,
    ),
    "report_round_number": Rule(
        "seventh_round",
        lambda t: tr(
            "Supported if the record of rounds has the round the report describes as the {threshold} numbered round of the "
            "talks; partly supported if it numbers that round otherwise, and not supported if it records another kind of "
            "visit. The focus on auto tariffs is quoted from the round's reported outcome, not computed."
        ).format(threshold=t.words),
    ),
    "framework_in_deal_round": Rule(
        "framework_investment",
        lambda t: tr(
            "Supported if the tariff timeline records the framework agreement, whose terms (quoted on the card) include "
            "Japan's investment, on a date within the round that reached the deal; partly supported if it records it "
            "outside that round, and not supported if it records none. That the investment is meant to reduce the deficit "
            "is the report's reading, not a figure."
        ),
        categorical=True,
    ),
    "tokyo_ev_only_and_binding": Rule(
        "ev_targets",
        lambda t: tr(
            "“All new cars must be EVs” holds on two counts, as the policy table codes Tokyo's {year} target: it counts "
            "electric cars only (not conventional hybrids), and it binds in law. Supported if both hold, partly supported "
            "if one does, and not supported if neither does (or the table does not say)."
        ).format(year=TOKYO_YEAR),
        categorical=True,
    ),
}


def rule_threshold(data_dir: object, claim_id: str) -> Threshold:
    """The rule and threshold of ``claim_id`` from the claims table (a row without a rule is an editorial verdict;
    a categorical rule's row has no threshold)."""
    row = data.row_by_id(data.load_table(CLAIMS_TABLE, data_dir), "claim_id", claim_id)
    if pd.isna(row.get("rule")) or row["rule"] not in RULES:
        raise ValueError(f"claims table: {claim_id} has no known rule")
    rule = RULES[row["rule"]]
    if rule.categorical != pd.isna(row.get("threshold")):
        raise ValueError(
            f"claims table: {claim_id}'s rule {row['rule']!r} " + ("takes no threshold" if rule.categorical else "needs a threshold")
        )
    if rule.categorical:
        return Threshold(str(row["rule"]), None, "")
    return Threshold(str(row["rule"]), float(row["threshold"]), str(row["threshold_unit"]))


def at_or_above(value: float, threshold: Threshold) -> str:
    """Where a figure stands against a rule's threshold: 'at or above the threshold of 10%' (Japanese: 閾値の10%以上)."""
    if value >= threshold.value:
        return tr("at or above the threshold of {threshold}").format(threshold=threshold.words)
    return tr("below the threshold of {threshold}").format(threshold=threshold.words)


@dataclass
class Evidence:
    """The figures behind a verdict: one sentence, and the rows it read (for their sources).

    A card whose verdict follows from its figures sets ``verdict`` (computed by a rule the page states); the strongest
    evidence on each side and what would change the verdict, where they involve figures, are computed too (else the
    claims table's words stand).
    """

    text: str
    rows: list[pd.DataFrame] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    verdict: str | None = None
    for_it: str = ""
    against_it: str = ""
    would_change: str = ""
    rule: str = ""  # the rule in words, with its threshold from the claims table (a card with a computed verdict)
    because: str = ""  # the figure against the threshold: why the rule gives this verdict


def _latest_calendar(table: pd.DataFrame, column: str = "period") -> pd.DataFrame:
    return table[table[column].astype(str).str.fullmatch(r"\d{4}")]


def german_vs_us_brands(data_dir: object) -> Evidence:
    brands = data.load_table("japan_import_sales_by_brand", data_dir)
    totals = brands[(brands["period_type"] == "CY") & (brands["brand_id"] == figures.US_BRANDS) & brands["units"].notna()]
    year = int(_latest_calendar(totals)["period"].max())
    # one rule for both figures, the same the market chapter uses
    mercedes = figures.brand_registrations(brands, MERCEDES, year)
    us = figures.us_brands_registered(brands, year)
    brand = tr(mercedes["brand"])
    text_ = tr("In {year} {brand} alone registered {units} in Japan, {times} as many as all U.S. brands together ({us_units}).").format(
        year=year,
        brand=brand,
        units=count_as_stated(mercedes["units"], mercedes["qualifier"], N_("cars")),
        times=text.times(mercedes["units"] / us["units"]),
        us_units=count_as_stated(us["units"], us["qualifier"]),
    )
    threshold = rule_threshold(data_dir, BUYERS)
    ratio = float(mercedes["units"]) / float(us["units"])
    verdict = buyers_verdict(ratio, threshold.value)
    because = (
        tr(
            "{brand} registered {times} as many cars in Japan as all U.S. brands together in {year}, so it matched them at "
            "least {threshold}"
        )
        if ratio >= threshold.value
        else tr(
            "{brand} registered {times} as many cars in Japan as all U.S. brands together in {year}, so it matched them less "
            "than {threshold}"
        )
    ).format(brand=brand, times=text.times(ratio), year=year, threshold=threshold.words)
    for_it = tr(
        "Under the same rules, {brand} alone registered {times} as many cars in Japan in {year} as all U.S. brands together."
    ).format(brand=brand, times=text.times(ratio), year=year)
    against_it = tr("Sales cannot separate taste from the cost of right-hand drive, certification and dealer networks.")
    would_change = tr(
        "{brand} matching all U.S. brands together less than {threshold} would make it not supported; evidence that U.S. "
        "brands offering Japan-sized, right-hand-drive models still sold poorly could make it supported."
    ).format(brand=brand, threshold=threshold.words)
    return Evidence(
        text_,
        [pd.DataFrame([mercedes, us])],
        ["japan_import_sales_by_brand"],
        verdict,
        for_it,
        against_it,
        would_change,
        threshold.rule_words,
        because,
    )


def buyers_verdict(mercedes_multiple: float, at_least: float) -> str:
    """'American cars fail in Japan because buyers are not interested, not because of barriers': partly supported when
    Mercedes-Benz alone registers at least ``at_least`` (the claims table's threshold) times as many cars as all U.S.
    brands together (same rules, far more sales: rules alone do not explain the gap), not supported otherwise; sales
    cannot tell taste from the cost of adapting cars, so never more than partly supported."""
    return PARTLY if mercedes_multiple >= at_least else NOT_SUPPORTED


def parking_verdict(us_fits: pd.DataFrame, fitting_models: float) -> str:
    """The roads-and-parking claim: the parking half fails once ``fitting_models`` (the claims table's threshold) of the
    U.S.-brand models with a footprint in the data fit a typical mechanical-parking space; the roads half is unchecked
    (no statistic), so at most partly supported."""
    if us_fits.empty:
        return NOT_SUPPORTED
    fit, _ = _fit_counts(us_fits)
    return NOT_SUPPORTED if fit >= fitting_models else PARTLY


def _fit_counts(fits: pd.DataFrame) -> tuple[int, int]:
    """(models that fit, models) among ``fits``: a model in several configurations fits only if every one does."""
    by_model = fits.assign(fit=fits["fits_mechanical_parking"].str.startswith("yes")).groupby("model_id")["fit"].all()
    return int(by_model.sum()), len(by_model)


def size_mismatch(data_dir: object) -> Evidence:
    from tradetalks.chapters.japan_market import sentences as market
    from tradetalks.chapters.japan_market import sizes

    factors = data.load_table("structural_factors", data_dir)
    bestsellers = data.load_table("japan_bestsellers", data_dir)
    parking = factors[(factors["item_id"] == PARKING) & (factors["metric"] == PARKING_WIDTH)]
    # the market chapter's own footprints and fit rule, for every model the data can draw
    fits = sizes.fit_table(sizes.with_kinds(sizes.footprints(factors), bestsellers), factors)
    us = fits[fits["kind"] == sizes.US_BRAND]
    if parking.empty or us.empty:
        return Evidence(
            tr("The data lack a parking width limit or a U.S. model's width to compare."), [], ["structural_factors"], NOT_SUPPORTED
        )
    space = sizes.parking_space(factors)
    us_fit, us_total = _fit_counts(us)
    sized = factors[factors["factor"] == "model_size"]
    us_named = list(dict.fromkeys(sized.loc[sized["brand_origin"] == sizes.USA, "item"]))
    undrawable = [name for name in sizes.undrawable_models(factors) if name in us_named]
    best = fits[fits["kind"] == sizes.JAPANESE_BESTSELLER]
    best_fit, best_total = _fit_counts(best)
    us_built = fits[fits["kind"] == sizes.BUILT_IN_US]
    built_fit, built_total = _fit_counts(us_built)
    names = text.listed([tr("the {model}").format(model=tr(label)) for label in dict.fromkeys(us["label"])])
    fits_words = (tr("none of {total} fits") if us_fit == 0 else tr("{fit} of {total} fits")).format(fit=us_fit, total=us_total)
    rough = tr("; {models} has only a rough size in the data").format(models=text.listed([tr(name) for name in undrawable]))
    text_ = tr(
        "A typical mechanical-parking space takes cars up to {length} mm long and {width} mm wide. Of the U.S.-brand models "
        "the data give a length and width for ({models}), {fits}{rough}. The data have no sizes for the models U.S. brands "
        "actually sell in Japan today, and no statistic on narrow roads."
    ).format(
        length=f"{space['length']:,.0f}", width=f"{space['width']:,.0f}", models=names, fits=fits_words, rough=rough if undrawable else ""
    )
    threshold = rule_threshold(data_dir, ROADS)
    verdict = parking_verdict(us, threshold.value)
    if us_fit == 0:
        measured = (
            tr("none of the {total} U.S.-brand model the data can measure fits, {comparison}")
            if us_total == 1
            else tr("none of the {total} U.S.-brand models the data can measure fit, {comparison}")
        )
    elif us_total == 1:
        measured = tr("{fit} of the {total} U.S.-brand model the data can measure fits, {comparison}")
    else:
        measured = (
            tr("{fit} of the {total} U.S.-brand models the data can measure fits, {comparison}")
            if us_fit == 1
            else tr("{fit} of the {total} U.S.-brand models the data can measure fit, {comparison}")
        )
    because = measured.format(fit=us_fit, total=text.count_words(us_total), comparison=at_or_above(us_fit, threshold))
    too_big = us_built[~us_built["fits_mechanical_parking"].str.startswith("yes")]
    big_names = list(dict.fromkeys(too_big["model"] if "model" in too_big else too_big["label"].str.split(", ").str[0]))
    for_it = tr(
        "Large cars do not fit whatever their badge: {too_big} of the {built} U.S.-built Japanese-brand models in the data "
        "are too big as well ({models}), while {best_fit} of {best} Japanese best-sellers fits."
    ).format(
        too_big=built_total - built_fit,
        built=built_total,
        models=text.listed([tr(name) for name in big_names]),
        best_fit=best_fit,
        best=best_total,
    )
    against_it = market.large_imports_sentence(factors)
    would_change = tr(
        "Sizes of the models U.S. brands actually sell in Japan showing that at least {threshold} fit would make it not "
        "supported; a statistic on narrow roads could make it supported."
    ).format(threshold=threshold.words)
    used = [parking.head(1), us[["source_key"]]]
    return Evidence(text_, used, ["structural_factors"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


def barrier_claims(data_dir: object) -> Evidence:
    from tradetalks.chapters.japan_market import sentences as market

    claims = data.load_table("nontariff_barrier_claims", data_dir)
    years = claims["date"].astype(str).str.extract(r"(\d{4})")[0].dropna().astype(int)
    text_ = tr(
        "The site's record of the non-tariff-barrier argument holds {count} statements and actions from {first} to {last}: {stances}."
    ).format(count=len(claims), first=years.min(), last=years.max(), stances=market.stance_counts(claims))
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
    text_ = tr(
        "Offsetting the {year} U.S. goods deficit with Japan ({deficit}) with cars at a U.S. average price of {price} would "
        "take {cars} a year, {multiple} Japan's entire imported-car market in {period}."
    ).format(
        year=deficit["year"],
        deficit=text.usd_bn(deficit["deficit_usd_bn"]),
        price=text.usd(price["price_usd"]),
        cars=text.about(cars, N_("cars")),
        multiple=text.multiple(japan_market["multiple"]),
        period=japan_market["period"],
    )
    threshold = rule_threshold(data_dir, REVERSE)
    multiple = float(japan_market["multiple"])
    verdict = offset_verdict(multiple, threshold.value)
    because = (
        tr(
            "the cars needed a year are {multiple} Japan's entire imported-car market in {period}, so they would fill it at "
            "least {threshold}"
        )
        if multiple >= threshold.value
        else tr(
            "the cars needed a year are {multiple} Japan's entire imported-car market in {period}, so they would fill it less "
            "than {threshold}"
        )
    ).format(multiple=text.multiple(multiple), period=japan_market["period"], threshold=threshold.words)
    largest = calculator.reference(compared, calculator.LARGEST_REFERENCE)
    for_it = tr(
        "Offsetting the deficit would take {cars} a year: {multiple} Japan's entire imported-car market, and {largest} all "
        "the cars the largest reverse-import programme ever sold in its whole life."
    ).format(cars=text.about(cars, N_("cars")), multiple=text.multiple(multiple), largest=text.multiple(float(largest["multiple"])))
    against_it = tr("Reverse imports could still be a gesture that helps a negotiation without balancing the numbers.")
    would_change = tr(
        "A deficit or car price at which the cars needed would fill Japan's imported-car market less than {threshold} a year "
        "would make it partly supported; what number of reverse imports would be plausible is a judgement the data cannot "
        "make."
    ).format(threshold=threshold.words)
    used = [
        deficit.to_frame().T,
        price.to_frame().T,
        compared[compared["reference"].isin([japan_market["reference"], largest["reference"]])],
    ]
    tables_ = ["us_japan_goods_trade", "trade_balance_and_prices", "japan_import_market_totals", "reverse_imports"]
    return Evidence(text_, used, tables_, verdict, for_it, against_it, would_change, threshold.rule_words, because)


def offset_verdict(market_multiple: float, fills_at_least: float) -> str:
    """'Importing U.S.-built Japanese cars to balance the numbers is a trick rather than a fix': supported when the cars
    it would take a year to offset the deficit are at least ``fills_at_least`` (the claims table's threshold) times
    Japan's entire imported-car market, partly supported otherwise (the data cannot say what number of reverse imports
    would be plausible, so the rule never reaches not supported)."""
    return SUPPORTED if market_multiple >= fills_at_least else PARTLY


def china_parts_verdict(cells_pct: float, magnets_pct: float, largely_from_pct: float) -> str:
    """'The critical parts of EVs, batteries and motors, are largely made in China': supported when China's shares of
    both battery-cell capacity and magnet manufacturing reach ``largely_from_pct`` (the claims table's threshold),
    partly supported when only one does, not supported when neither does."""
    reached = sum(share >= largely_from_pct for share in (cells_pct, magnets_pct))
    return SUPPORTED if reached == 2 else PARTLY if reached == 1 else NOT_SUPPORTED


# Why the parts rule gives its verdict, by (cells reach the threshold, magnets reach it).
CHINA_PARTS_BECAUSE = {
    (True, True): N_(
        "China's share of battery-cell capacity ({cells}) is at or above the threshold of {threshold}, and its share of motor "
        "magnets ({magnets}) at or above it"
    ),
    (True, False): N_(
        "China's share of battery-cell capacity ({cells}) is at or above the threshold of {threshold}, and its share of motor "
        "magnets ({magnets}) below it"
    ),
    (False, True): N_(
        "China's share of battery-cell capacity ({cells}) is below the threshold of {threshold}, and its share of motor "
        "magnets ({magnets}) at or above it"
    ),
    (False, False): N_(
        "China's share of battery-cell capacity ({cells}) is below the threshold of {threshold}, and its share of motor "
        "magnets ({magnets}) below it"
    ),
}


def battery_chain(data_dir: object) -> Evidence:
    from tradetalks.chapters.ev_china import sentences as ev_china

    chain = data.load_table("battery_supply_chain", data_dir)
    # the chapter's figures, by figure_id (registered in the page's needs.py), worded by the chapter's own rule
    cells, magnets, nickel = (data.row_by_id(chain, "figure_id", figure_id) for figure_id in (CELLS, MAGNETS, NICKEL))
    text_ = tr(
        "China's share of the world's battery cells: {cells} ({cells_measure}, {cells_year}); of rare-earth magnets for "
        "motors: {magnets} ({magnets_measure}, {magnets_year}); but of nickel refining only {nickel} ({nickel_year})."
    ).format(
        cells=ev_china.stated(cells),
        cells_measure=tr(cells["measure"]),
        cells_year=cells["year"],
        magnets=ev_china.stated(magnets),
        magnets_measure=tr(magnets["measure"]),
        magnets_year=magnets["year"],
        nickel=ev_china.stated(nickel),
        nickel_year=nickel["year"],
    )
    threshold = rule_threshold(data_dir, CHINA_PARTS)
    cells_pct, magnets_pct = float(cells["value"]), float(magnets["value"])
    verdict = china_parts_verdict(cells_pct, magnets_pct, threshold.value)
    cells_reach, magnets_reach = cells_pct >= threshold.value, magnets_pct >= threshold.value
    shares = {"cells": ev_china.stated(cells), "magnets": ev_china.stated(magnets), "threshold": threshold.words}
    because = tr(CHINA_PARTS_BECAUSE[cells_reach, magnets_reach]).format(**shares)
    if cells_reach and magnets_reach:
        for_it = tr(
            "China has {cells} of the world's battery-cell capacity and makes {magnets} of its rare-earth magnets, so battery "
            "cells and motor magnets reach the threshold of {threshold}."
        ).format(**shares)
    elif cells_reach or magnets_reach:
        part = tr(N_("battery cells")) if cells_reach else tr(N_("motor magnets"))
        for_it = tr(
            "China has {cells} of the world's battery-cell capacity and makes {magnets} of its rare-earth magnets, so {part} "
            "reaches the threshold of {threshold}."
        ).format(part=part, **shares)
    else:
        for_it = tr(
            "China has {cells} of the world's battery-cell capacity and makes {magnets} of its rare-earth magnets, so neither "
            "part reaches the threshold of {threshold}."
        ).format(**shares)
    against_it = tr("Other steps of the chain are less concentrated: China refines only {nickel} of the world's nickel.").format(
        nickel=ev_china.stated(nickel)
    )
    would_change = tr(
        "A Chinese share below {threshold} of battery cells or of motor magnets would make it partly supported; below it for "
        "both, not supported."
    ).format(threshold=threshold.words)
    rows = [chain.loc[[cells.name, magnets.name, nickel.name]]]
    return Evidence(text_, rows, ["battery_supply_chain"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


def _coded(row: pd.Series, column: str) -> str | None:
    """A coded yes/no cell of the policy table ('yes', 'no'), None where the table does not say."""
    cell = row.get(column)
    return None if cell is None or pd.isna(cell) else str(cell)


def tokyo_verdict(counts_hybrids: str | None, legally_binding: str | None) -> str:
    """'Tokyo says all new cars must be EVs by 2030', as the policy table codes Tokyo's 2030 target: the "EVs only" half
    holds when the target does not count conventional hybrids (``counts_hybrids`` 'no'), the "must" half when it binds in
    law (``legally_binding`` 'yes'); supported when both hold, partly supported when one does, not supported when neither
    does. A blank cell (the table does not say) shows neither half."""
    halves = [counts_hybrids == NO, legally_binding == YES]
    return SUPPORTED if all(halves) else PARTLY if any(halves) else NOT_SUPPORTED


# What the policy table's coded cells say, in words: counts_hybrids, then legally_binding (None: the table does not say).
HYBRIDS_WORDS = {
    YES: N_("conventional hybrids count towards it"),
    NO: N_("conventional hybrids do not count towards it"),
    None: N_("the data do not say whether conventional hybrids count towards it"),
}
# How the rule reads the two cells, for the card's "because" (None: the table does not say).
HYBRIDS_CODED = {
    YES: N_("counting conventional hybrids"),
    NO: N_("counting electric cars only"),
    None: N_("silent on conventional hybrids"),
}
BINDING_CODED = {YES: N_("binding in law"), NO: N_("not binding in law"), None: N_("silent on its legal force")}
# What the card says against the claim, by (the target counts hybrids, it is not binding in law).
TOKYO_AGAINST = {
    (True, True): N_("The target counts conventional hybrids and is not binding in law."),
    (True, False): N_("The target counts conventional hybrids."),
    (False, True): N_("The target is not binding in law."),
    (False, False): N_("Nothing in the policy table contradicts it."),
}


def ev_targets(data_dir: object) -> Evidence:
    targets = data.load_table("ev_policy_targets", data_dir)
    tokyo = data.row_by_id(targets, "target_id", TOKYO_TARGET)
    enforcement = data.row_by_id(targets, "target_id", TOKYO_ENFORCEMENT)
    hybrids, binding = _coded(tokyo, COUNTS_HYBRIDS), _coded(enforcement, LEGALLY_BINDING)
    target = {"year": tokyo["target_year"], "value": tr(str(tokyo["target_value"])), "metric": tr(str(tokyo["target_metric"]))}
    text_ = tr("Tokyo's {year} target is {value} for the {metric}, and {hybrids}; how binding it is: {binding}.").format(
        hybrids=tr(HYBRIDS_WORDS[hybrids]), binding=tr(str(enforcement["binding"])), **target
    )
    threshold = rule_threshold(data_dir, TOKYO_2030)
    verdict = tokyo_verdict(hybrids, binding)
    because = tr("the policy table codes Tokyo's {year} target as {hybrids} and {binding}").format(
        year=tokyo["target_year"], hybrids=tr(HYBRIDS_CODED[hybrids]), binding=tr(BINDING_CODED[binding])
    )
    for_it = tr("Tokyo does set a target for {year}: {value} for the {metric}, which pushes away from petrol-only cars.").format(**target)
    against_it = tr(TOKYO_AGAINST[hybrids == YES, binding == NO])
    would_change = tr(
        "A Tokyo target counting electric cars only and binding in law would make it supported; either of the two alone, partly supported."
    )
    rows = [targets.loc[[tokyo.name, enforcement.name]]]
    return Evidence(text_, rows, ["ev_policy_targets"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


def _change(now: float, before: float, *, up: str = "up from", down: str = "down from", same: str = "the same as in") -> str:
    return up if now > before else down if now < before else same


def rush_verdict(japan_pct_of_world: float, rose: bool, world_level_pct: float) -> str:
    """'Japan is rushing into EVs as if it were a race': supported when Japan's share of new cars that are electric reaches
    ``world_level_pct`` (the claims table's threshold) of the world's share and rose on the year before, partly supported
    when only one holds, not supported when neither does."""
    reached = japan_pct_of_world >= world_level_pct
    return SUPPORTED if reached and rose else PARTLY if reached or rose else NOT_SUPPORTED


# Japan's electric-car share on the year before, by how it moved (_change's words): the card's figures and the "because".
SHARE_MOVED = {
    "up from": N_(
        "Electric cars (BEV and PHEV) were {share} of Japan's new cars in {year}, up from {before} in {previous}; worldwide "
        "they were {world}."
    ),
    "down from": N_(
        "Electric cars (BEV and PHEV) were {share} of Japan's new cars in {year}, down from {before} in {previous}; worldwide "
        "they were {world}."
    ),
    "the same as in": N_(
        "Electric cars (BEV and PHEV) were {share} of Japan's new cars in {year}, the same as in {before} in {previous}; "
        "worldwide they were {world}."
    ),
}
SHARE_MOVED_BECAUSE = {
    "rose from": N_(
        "Japan's electric-car share in {year} is {of_world} of the world's, {comparison}, and it rose from {before} in {previous}"
    ),
    "fell from": N_(
        "Japan's electric-car share in {year} is {of_world} of the world's, {comparison}, and it fell from {before} in {previous}"
    ),
    "stayed the same as": N_(
        "Japan's electric-car share in {year} is {of_world} of the world's, {comparison}, and it stayed the same as {before} in {previous}"
    ),
}


def ev_share_japan(data_dir: object) -> Evidence:
    from tradetalks.chapters.ev_china import tables as ev_china

    share = data.load_table("ev_sales_share", data_dir)
    latest = max(year for year in ev_china.share_years(share) if ev_china.share_of(share, "Japan", year) is not None)
    japan, before, world = (
        ev_china.share_of(share, country, year) for country, year in (("Japan", latest), ("Japan", latest - 1), ("World", latest))
    )
    shares = {"share": pct(japan), "year": latest, "before": pct(before), "previous": latest - 1, "world": pct(world)}
    text_ = tr(SHARE_MOVED[_change(japan, before)]).format(**shares)
    rows = ev_china.iea_share_rows(share)
    used = rows[
        (rows["country"].isin(["Japan", "World"]))
        & rows["year"].isin([latest, latest - 1])
        & (rows["powertrain_id"] == ev_china.POWERTRAINS["EV"])
    ]
    threshold = rule_threshold(data_dir, RUSH)
    of_world = japan / world * 100
    rose = japan > before
    verdict = rush_verdict(of_world, rose, threshold.value)
    moved = _change(japan, before, up="rose from", down="fell from", same="stayed the same as")
    because = tr(SHARE_MOVED_BECAUSE[moved]).format(
        of_world=text.about_pct(of_world), comparison=at_or_above(of_world, threshold), **shares
    )
    for_it = (
        tr("Japan's electric-car share rose from {before} in {previous} to {share} in {year}.").format(**shares)
        if rose
        else tr("Japan has national and Tokyo targets for electrified cars.")
    )
    against_it = (
        tr("Japan's electric-car share, {share} in {year}, is {of_world} of the world's {world}, and it fell from {before} in {previous}.")
        if japan < before
        else tr("Japan's electric-car share, {share} in {year}, is {of_world} of the world's {world}.")
    ).format(of_world=text.about_pct(of_world), **shares)
    would_change = tr(
        "Japan's electric-car share reaching {threshold} of the world's and rising on the year before would make it "
        "supported; either alone, partly supported."
    ).format(threshold=threshold.words)
    return Evidence(text_, [used], ["ev_sales_share"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


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
    sold = {"year": year, "byd": count_as_stated(b["value"]), "tesla": count_as_stated(t["value"])}
    text_, ranked = (
        tr("In {year} BYD sold {byd} new-energy vehicles (plug-in hybrids included); Tesla delivered {tesla}.").format(**sold),
        makers.head(0),
    )
    if not ev_china.byd_battery_rows(makers).empty and int(rank_year) <= int(year):
        rank = ev_china.maker_rank(makers, "BYD", rank_year)
        text_ = tr(
            "In {year} BYD sold {byd} new-energy vehicles (plug-in hybrids included); Tesla delivered {tesla}; in {rank_year} "
            "BYD was the {rank} maker of EV batteries by installations."
        ).format(rank_year=rank_year, rank=text.superlative(rank, N_("largest")), **sold)
        ranked = makers[(makers["year"] == rank_year) & (makers["counted"] == ev_china.ONE_MAKER)]
        ranked = ranked.sort_values("installations_gwh", ascending=False).head(rank)
    return Evidence(text_, [byd[byd["year"] == year], tesla[tesla["year"] == year], ranked], ["automaker_sales", "battery_makers"])


def byd_verdict(growth_pct: float, makes_batteries: bool, growth_above_pct: float) -> str:
    """BYD "vertically integrated, on a tear, … unbeatable prices": the growth and integration half is checked (sales grew
    by more than ``growth_above_pct``, the claims table's threshold, and BYD ranks among the battery makers); the data have
    no car prices, so the price half is unchecked and the verdict is at most partly supported."""
    return PARTLY if growth_pct > growth_above_pct and makes_batteries else NOT_SUPPORTED


def byd_claim(data_dir: object) -> Evidence:
    from tradetalks.chapters.ev_china import tables as ev_china

    growth = byd_growth(data_dir)
    sales = data.load_table("automaker_sales", data_dir)
    byd = data.rows_by_id(sales, "measure_id", ev_china.BYD_NEV_SALES).sort_values("year")
    shown = growth.rows[0]
    year = int(shown["year"].iloc[0])
    before = byd[byd["year"] == year - 1]
    change = float(shown["value"].iloc[0]) / float(before["value"].iloc[0]) - 1 if not before.empty else 0.0
    makers = data.load_table("battery_makers", data_dir)
    makes_batteries = not ev_china.byd_battery_rows(makers).empty
    threshold = rule_threshold(data_dir, BYD_CLAIM)
    verdict = byd_verdict(change * 100, makes_batteries, threshold.value)
    growth_words = {"change": text.about_pct(abs(change) * 100), "year": year, "previous": year - 1, "threshold": threshold.words}
    if before.empty:
        because = tr("BYD's new-energy sales have no year before to compare")
    else:
        because = (tr("BYD's new-energy sales grew by {change}") if change > 0 else tr("BYD's new-energy sales fell by {change}")).format(
            **growth_words
        )
        if not threshold.is_zero:
            passed = change * 100 > threshold.value
            above = tr(", above the threshold of {threshold}") if passed else tr(", not above the threshold of {threshold}")
            because += above.format(**growth_words)
    because += tr(", and BYD makes its own batteries") if makes_batteries else tr(", and BYD is not among the battery makers in the data")
    # the growth card's sentence, its full stop dropped, continued
    figures_ = growth.text.rstrip(".。")
    if before.empty:
        text_ = tr("{figures}. The data hold no car prices, so the “unbeatable prices” half of the claim is unchecked.")
    elif change > 0:
        text_ = tr(
            "{figures}; its sales were {change} up on {previous}. The data hold no car prices, so the “unbeatable prices” half "
            "of the claim is unchecked."
        )
    else:
        text_ = tr(
            "{figures}; its sales were {change} down on {previous}. The data hold no car prices, so the “unbeatable prices” "
            "half of the claim is unchecked."
        )
    text_ = text_.format(figures=figures_, **growth_words)
    if before.empty:
        for_it = tr("BYD makes its own batteries.")
    elif change > 0:
        for_it = tr("BYD's new-energy sales grew by {change} in {year}, and it makes its own batteries.").format(**growth_words)
    else:
        for_it = tr("BYD's new-energy sales did not grow by {change} in {year}, and it makes its own batteries.").format(**growth_words)
    earlier = byd[byd["year"] == year - 2]
    slowed = ""
    if not before.empty and not earlier.empty:
        previous = float(before["value"].iloc[0]) / float(earlier["value"].iloc[0]) - 1
        slowed = (
            tr(" Its growth slowed from {growth} in {year}.")
            if change < previous
            else tr(" Its growth did not slow from {growth} in {year}.")
        ).format(growth=text.about_pct(previous * 100), year=year - 1)
    bev = data.rows_by_id(sales, "measure_id", BYD_BEV)
    tesla = data.rows_by_id(sales, "measure_id", TESLA_DELIVERIES)
    common = sorted(set(bev["year"]) & set(tesla["year"]))
    against_it = tr("Its total counts plug-in hybrids.")
    if common:
        b, t = (figures.best_row(frame[frame["year"] == common[-1]]) for frame in (bev, tesla))
        against_it = (
            tr(
                "Its total counts plug-in hybrids: in battery-electric passenger cars alone it sold {bev} in {year}, fewer than "
                "Tesla's {tesla}."
            )
            if b["value"] < t["value"]
            else tr(
                "Its total counts plug-in hybrids: in battery-electric passenger cars alone it sold {bev} in {year}, more than "
                "Tesla's {tesla}."
            )
        ).format(bev=text.about(b["value"], "", 3), year=common[-1], tesla=text.about(t["value"], "", 3))
    against_it += slowed
    would_change = (
        tr(
            "Price data for comparable models could lift the verdict to supported or sink it; sales that did not grow would "
            "make it not supported."
        )
        if threshold.is_zero
        else tr(
            "Price data for comparable models could lift the verdict to supported or sink it; growth of {threshold} or less "
            "would make it not supported."
        ).format(threshold=threshold.words)
    )
    rows = [*growth.rows, before]
    return Evidence(text_, rows, growth.tables, verdict, for_it, against_it, would_change, threshold.rule_words, because)


def gap_words(gap: float) -> str:
    """An emissions gap (the electric car's g/km minus the hybrid's) in words: -14.2 -> 'about 14 g/km less'."""
    return (tr("{gap} less") if gap < 0 else tr("{gap} more")).format(gap=text.about(abs(gap), N_("g/km")))


def eco_verdict(gap_low: float, gap_high: float, excess_g_km: float) -> str:
    """'An EV is not eco-friendly' on Japan's grid, against the hybrid (the cleanest car it would replace), with its
    battery counted at both ends of ICCT's range of footprints: the gaps are the electric car's g/km minus the hybrid's;
    supported when both reach ``excess_g_km`` (the claims table's threshold), not supported when both fall short of it,
    partly supported when the battery decides."""
    if gap_low < excess_g_km and gap_high < excess_g_km:
        return NOT_SUPPORTED
    return SUPPORTED if gap_low >= excess_g_km and gap_high >= excess_g_km else PARTLY


# With the lowest battery footprint, by (the EV emits less than the hybrid, less than the petrol kei car).
LOWEST_FOOTPRINT = {
    (True, True): N_("With the lowest it emits {gap} less than the hybrid, and less than a petrol kei car; price is a separate question."),
    (True, False): N_("With the lowest it emits {gap} less than the hybrid, and more than a petrol kei car; price is a separate question."),
    (False, True): N_("With the lowest it emits {gap} more than the hybrid, and less than a petrol kei car; price is a separate question."),
    (False, False): N_(
        "With the lowest it emits {gap} more than the hybrid, and more than a petrol kei car; price is a separate question."
    ),
}


def ev_vs_hybrid(data_dir: object) -> Evidence:
    from tradetalks import calc
    from tradetalks.chapters.ev_emissions import calculator, parameters, sentences
    from tradetalks.chapters.ev_emissions import inputs as ev_emissions

    electricity = data.load_table("electricity", data_dir)
    lifecycle = data.load_table("lifecycle_parameters", data_dir)
    # the chapter's own default run: its parameters cell, minus what is not an input
    declared = grid.declared_parameters(grid.NOTEBOOKS_DIR / "ev_emissions.ipynb")
    defaults = {p["parameter"]: params.literal(p["default"]) for p in declared if p["parameter"] != "data_dir"}
    inputs, used = ev_emissions.resolve_inputs(electricity, lifecycle, **defaults)
    # the chapter's own verdict: the electric car against each rival at both ends of the battery's range
    verdicts = calculator.battery_verdicts(inputs, lifecycle)
    hybrid, petrol = (verdicts.set_index("rival").loc[rival] for rival in ("hybrid", "petrol"))
    crossing = calc.break_even_intensity(inputs)
    # the chapter's boundary by its name (the words before the colon of its description)
    boundary = tr(parameters.BOUNDARIES[defaults["boundary"]].split(":")[0])
    text_ = tr(
        "Counted {boundary} on Japan's grid ({grid} g CO2e per kWh generated), a kei EV is {versus_hybrid}, and "
        "{versus_petrol}; with a battery of middling footprint it would beat the hybrid on a grid below {crossing}."
    ).format(
        boundary=boundary,
        grid=f"{inputs.grid_g_per_kwh:,.0f}",
        versus_hybrid=sentences.range_verdict(verdicts, "hybrid"),
        versus_petrol=sentences.range_verdict(verdicts, "petrol"),
        crossing=text.about(crossing, N_("g/kWh")),
    )
    threshold = rule_threshold(data_dir, ECO)
    low, high = sorted((float(hybrid["gap_low"]), float(hybrid["gap_high"])))
    verdict = eco_verdict(low, high, threshold.value)
    if threshold.is_zero:
        ends = tr("less at both ends") if high < 0 else tr("at least as much at both ends") if low >= 0 else tr("so the battery decides")
    elif (low >= threshold.value) == (high >= threshold.value):
        ends = tr("both {comparison}").format(comparison=at_or_above(low, threshold))
    else:
        ends = tr("one end below the threshold of {threshold} and the other at or above it").format(threshold=threshold.words)
    because = tr("across ICCT's range of battery footprints the electric car emits from {low} to {high} than the hybrid, {ends}").format(
        low=gap_words(low), high=gap_words(high), ends=ends
    )
    gap_high = text.about(abs(hybrid["gap_high"]), N_("g/km"))
    for_it = (
        tr("With the highest battery footprint in ICCT's range the EV emits {gap} more than the hybrid.")
        if hybrid["gap_high"] >= 0
        else tr("With the highest battery footprint in ICCT's range the EV emits {gap} less than the hybrid.")
    ).format(gap=gap_high)
    against_it = tr(LOWEST_FOOTPRINT[hybrid["gap_low"] < 0, petrol["gap_low"] < 0]).format(
        gap=text.about(abs(hybrid["gap_low"]), N_("g/km"))
    )
    would_change = tr("A grid below {crossing}, or batteries made with a low footprint, would make it not supported.").format(
        crossing=text.about(crossing, N_("g/kWh"))
    )
    rows = [used[used["source_key"].astype(str) != ""]]
    return Evidence(
        text_, rows, ["electricity", "lifecycle_parameters"], verdict, for_it, against_it, would_change, threshold.rule_words, because
    )


def round_position(rounds: pd.DataFrame, round_id: str) -> int | None:
    """Where the round ``round_id`` falls among the numbered rounds of the talks, by start date (1 for the first), as the
    tariffs chapter counts them (``tariffs.rounds_before``); None when the record has it as another kind of visit. The
    round column's own number is a label, so the count is taken from the rounds' kinds and dates."""
    row = data.row_by_id(rounds, "round_id", round_id)
    if row["round_kind"] != tariffs.NUMBERED_ROUND:
        return None
    return len(tariffs.rounds_before(rounds, row["start_date"]))


def round_verdict(position: int | None, claimed: float) -> str:
    """'Japan's minister travels to Washington for a seventh round of talks': supported when the record of rounds has the
    round the report describes (``tariffs.NEWS_REPORT_ROUND``) at ``position`` ``claimed`` among the numbered rounds
    (the claims table's number: the round as the report counts it), partly supported when it is a numbered round at
    another position, not supported when the record has it as another kind of visit (``position`` None)."""
    if position is None:
        return NOT_SUPPORTED
    return SUPPORTED if position == claimed else PARTLY


def seventh_round(data_dir: object) -> Evidence:
    rounds = data.load_table("negotiation_rounds", data_dir)
    r = tariffs.news_report_round(rounds)
    dates = text.date_span(r["start_date"], r["end_date"], to=" to ")
    held = {"round": r["round"], "dates": dates, "location": tr(str(r["location"]))}
    text_ = tr("Round {round} ran from {dates} in {location}; the outcome as reported: “{outcome}”.").format(
        outcome=tr(str(r["outcome"]).rstrip(".")), **held
    )
    threshold = rule_threshold(data_dir, SEVENTH_ROUND)
    position = round_position(rounds, tariffs.NEWS_REPORT_ROUND)
    verdict = round_verdict(position, threshold.value)
    if position is None:
        because = tr("the record has the report's round as another kind of visit, not a numbered round of the talks")
    elif verdict == SUPPORTED:
        because = tr("the report's round is the {position} numbered round of the talks in the record, by date, as the report counts it")
    else:
        because = tr("the report's round is the {position} numbered round of the talks in the record, by date, not the {threshold}")
    because = because.format(position=ordinal_words(position) if position else "", threshold=threshold.words)
    for_it = tr("The record has round {round} of the talks in {location}, from {dates}.").format(**held)
    against_it = tr(
        "Nothing in the data contradicts it; that auto tariffs were the focus is the round's reported outcome, quoted, not a figure."
    )
    would_change = tr(
        "A record in which the report's round is not the {threshold} numbered round would make it partly supported; a record "
        "of it as another kind of visit, not supported."
    ).format(threshold=threshold.words)
    # the rounds counted to place it (the numbered rounds up to it), or its own row
    rows = [tariffs.rounds_before(rounds, r["start_date"]) if position else data.rows_by_id(rounds, "round_id", tariffs.NEWS_REPORT_ROUND)]
    return Evidence(text_, rows, ["negotiation_rounds"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


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


def deficit_verdict(change_pct: float, threshold_pct: float) -> str:
    """'Against a widening deficit': supported when the deficit grew by more than ``threshold_pct`` in the last full
    year before the talks (the claims table's threshold), not supported otherwise."""
    return SUPPORTED if change_pct > threshold_pct else NOT_SUPPORTED


# The deficit card's words, by how the deficit moved (deficit_moved): its figures, the "because" at a zero threshold,
# and what tells against the claim.
DEFICIT_MOVED = {
    "widened": N_("The U.S. goods deficit with Japan widened from {before} in {before_year} to {latest} in {latest_year} (Census)."),
    "narrowed": N_("The U.S. goods deficit with Japan narrowed from {before} in {before_year} to {latest} in {latest_year} (Census)."),
    "stayed the same": N_(
        "The U.S. goods deficit with Japan stayed the same from {before} in {before_year} to {latest} in {latest_year} (Census)."
    ),
}
DEFICIT_MOVED_BY = {
    "widened": N_("the deficit widened by {change} from {before_year} to {latest_year}"),
    "narrowed": N_("the deficit narrowed by {change} from {before_year} to {latest_year}"),
    "stayed the same": N_("the deficit stayed the same by {change} from {before_year} to {latest_year}"),
}
DEFICIT_AGAINST = {
    "widened": N_("It widened by {change} from {before_year} to {latest_year}."),
    "narrowed": N_("It narrowed by {change} from {before_year} to {latest_year}."),
    "stayed the same": N_("It stayed the same by {change} from {before_year} to {latest_year}."),
}


def deficit_trend(data_dir: object) -> Evidence:
    before, latest, rows = deficit_change(data_dir)
    threshold = rule_threshold(data_dir, DEFICIT)
    first, last = -float(before["balance_musd"]), -float(latest["balance_musd"])
    change = (last - first) / abs(first) * 100
    moved = deficit_moved(before, latest)
    years = {"before_year": int(before["year"]), "latest_year": int(latest["year"])}
    text_ = tr(DEFICIT_MOVED[moved]).format(before=usd_bn_from_millions(first), latest=usd_bn_from_millions(last), **years)
    if threshold.is_zero:
        if change:
            because = tr(DEFICIT_MOVED_BY[moved]).format(change=text.about_pct(abs(change)), **years)
        else:
            because = tr("the deficit stayed the same from {before_year} to {latest_year}").format(**years)
    else:
        because = (
            tr("the deficit changed by {change} from {before_year} to {latest_year}, above {threshold}")
            if change > threshold.value
            else tr("the deficit changed by {change} from {before_year} to {latest_year}, not above {threshold}")
        ).format(change=text.about_pct(change), threshold=threshold.words, **years)
    for_it = tr("The deficit is large: {latest} in {latest_year}.").format(latest=usd_bn_from_millions(last), **years)
    against_it = tr(DEFICIT_AGAINST[moved]).format(change=text.about_pct(abs(change)), **years)
    would_change = (
        tr("Any rise in the last full year before the talks would make it supported.")
        if threshold.is_zero
        else tr("A rise of more than {threshold} in the last full year before the talks would make it supported.").format(
            threshold=threshold.words
        )
    )
    verdict = deficit_verdict(change, threshold.value)
    return Evidence(text_, [rows], ["us_japan_goods_trade"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


def autos_verdict(shares_pct: list[float], critical_from_pct: float) -> str:
    """'Automobiles are a critical part of Japan's exports': supported when every report of the latest year puts autos'
    share of Japan's exports to the U.S. at or above ``critical_from_pct`` (the claims table's threshold), partly
    supported when only some do, not supported when none does (or there is no report)."""
    reached = [share >= critical_from_pct for share in shares_pct]
    return SUPPORTED if reached and all(reached) else PARTLY if any(reached) else NOT_SUPPORTED


def autos_share_of_exports(data_dir: object) -> Evidence:
    exports = data.load_table("japan_auto_exports_us", data_dir)
    shares = tariffs.japan_side_shares(exports).sort_values("period")
    latest = shares[shares["period"] == shares["period"].max()]
    low, high = latest["value"].min(), latest["value"].max()
    figure = pct(low) if low == high else tr("{low} to {high}").format(low=pct(low), high=pct(high))
    if len(latest) == 1:
        reports = tr("one report")
    elif latest["metric"].nunique() == len(latest):
        reports = tr("{count} reports, which count autos differently").format(count=text.count_words(len(latest)))
    else:
        reports = tr("{count} reports, which count autos alike").format(count=text.count_words(len(latest)))
    year = latest["period"].iloc[0]
    threshold = rule_threshold(data_dir, AUTOS_EXPORTS)
    shown = {"year": year, "figure": figure, "threshold": threshold.words}
    text_ = tr("In {year} autos were {figure} of Japan's exports to the U.S., by Japan's own trade statistics ({reports}).").format(
        reports=reports, **shown
    )
    values = [float(value) for value in latest["value"]]
    verdict = autos_verdict(values, threshold.value)
    reached = sum(value >= threshold.value for value in values)
    because = (
        tr("the reports of {year} put autos' share at {figure}, all {comparison}").format(comparison=at_or_above(low, threshold), **shown)
        if (low >= threshold.value) == (high >= threshold.value)
        else tr(
            "the reports of {year} put autos' share at {figure}, some below the threshold of {threshold} and some at or above it"
        ).format(**shown)
    )
    earlier = shares[shares["period"] < year]
    if reached == len(values):
        for_it = tr("Autos were {figure} of Japan's exports to the U.S. in {year}, every report at or above the threshold of {threshold}.")
    elif reached:
        for_it = tr("Autos were {figure} of Japan's exports to the U.S. in {year}, some reports at or above the threshold of {threshold}.")
    else:
        for_it = tr("Autos were {figure} of Japan's exports to the U.S. in {year}, though no report reaches the threshold of {threshold}.")
    for_it = for_it.format(**shown)
    if not earlier.empty:
        first = earlier.iloc[0]
        for_it += tr(" It was {share} in {year}.").format(share=pct(first["value"]), year=first["period"])
    against_it = tr("Reports count autos differently (vehicles alone, or with parts), so the share depends on the report.")
    would_change = tr(
        "A share below {threshold} in some reports would make it partly supported; below it in every report, not supported."
    ).format(**shown)
    return Evidence(text_, [latest], ["japan_auto_exports_us"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


def car_tariff_peak(data_dir: object) -> Evidence:
    timeline = data.load_table("tariff_timeline", data_dir)
    changes = tariffs.rate_changes(tariffs.us_car_rate_steps(timeline))
    base = changes.iloc[0]
    peak, last = tariffs.peak_and_deal(changes)
    text_ = tr(
        "The U.S. duty on a Japanese car rose from {base} to {peak} on {peak_date}, {times} as high, then settled at {last} "
        "from {last_date}."
    ).format(
        base=pct(base["rate_pct"]),
        peak=pct(peak["rate_pct"]),
        peak_date=text.date(peak["date"]),
        times=text.times(peak["rate_pct"] / base["rate_pct"]),
        last=pct(last["rate_pct"]),
        last_date=text.date(last["date"]),
    )
    return Evidence(text_, [changes], ["tariff_timeline"])


def investment_verdict(framework_date: str | None, deal_start: str, deal_end: str) -> str:
    """'Japan offers investment in American industries as part of a package': supported when the tariff timeline records
    the framework agreement (whose terms include the investment) on a date within the round that reached the deal,
    partly supported when it records it outside that round, not supported when it records none (``framework_date`` None)."""
    if framework_date is None:
        return NOT_SUPPORTED
    within = pd.Timestamp(deal_start) <= pd.Timestamp(framework_date) <= pd.Timestamp(deal_end)
    return SUPPORTED if within else PARTLY


def framework_investment(data_dir: object) -> Evidence:
    timeline = data.load_table("tariff_timeline", data_dir)
    row = tariffs.framework_agreement(timeline)
    rounds = data.load_table("negotiation_rounds", data_dir)
    _, deal = tariffs.before_g7_and_deal(rounds)
    text_ = tr("On {date}, as the tariff timeline records it: “{measure}”.").format(
        date=text.reader_date(row["date"]), measure=tr(str(row["measure"]).rstrip("."))
    )
    threshold = rule_threshold(data_dir, INVESTMENT)
    verdict = investment_verdict(str(row["date"]), str(deal["start_date"]), str(deal["end_date"]))
    deal_dates = text.date_span(deal["start_date"], deal["end_date"], to=" to ")
    because = (
        tr("the timeline records the framework agreement on {date}, within round {round} ({dates}), the round that reached the deal")
        if verdict == SUPPORTED
        else tr("the timeline records the framework agreement on {date}, outside round {round} ({dates}), the round that reached the deal")
    ).format(date=text.reader_date(row["date"]), round=deal["round"], dates=deal_dates)
    for_it = tr(
        "The framework announced in round {round} set the tariff and Japan's investment together, as the timeline records its terms."
    ).format(round=deal["round"])
    against_it = tr(
        "The package's terms were set later and are loans and guarantees as well as investment; its purpose is the report's reading."
    )
    would_change = tr(
        "A timeline without the framework agreement would make it not supported; one dating it outside the round that "
        "reached the deal, partly supported."
    )
    rows = [data.rows_by_id(timeline, "measure_id", tariffs.FRAMEWORK), data.rows_by_id(rounds, "milestone", tariffs.DEAL)]
    tables_ = ["tariff_timeline", "negotiation_rounds"]
    return Evidence(text_, rows, tables_, verdict, for_it, against_it, would_change, threshold.rule_words, because)


def makers_verdict(built: float, significant_from: float) -> str:
    """'Japanese automakers contribute significantly to the U.S. economy', read in vehicles built: supported when
    Japanese makers built at least ``significant_from`` (the claims table's threshold: the site's reading of
    "significantly") vehicles in the U.S. in the latest year, partly supported when they built fewer, not supported
    when they built none."""
    return SUPPORTED if built >= significant_from else PARTLY if built > 0 else NOT_SUPPORTED


def us_production(data_dir: object) -> Evidence:
    from tradetalks.chapters.reverse_imports import tables as reverse

    tables = reverse.load_tables(data_dir)
    # the reverse-imports chapter's own series and rule for its latest year
    scale = reverse.scale_series(tables[reverse.PRODUCTION], tables[reverse.MARKET])
    built, exported = reverse.latest(scale, reverse.BUILT), reverse.latest(scale, reverse.EXPORTED)
    made = {"made": count_as_stated(built["value"], built["qualifier"]), "year": built["year"]}
    text_ = tr("Japanese makers built {made} vehicles in the U.S. in {year}.").format(**made)
    threshold = rule_threshold(data_dir, MAKERS_IN_US)
    verdict = makers_verdict(float(built["value"]), threshold.value)
    because = tr("Japanese makers built {made} vehicles in the U.S. in {year}, {comparison}").format(
        comparison=at_or_above(built["value"], threshold), **made
    )
    exports = {"exported": count_as_stated(exported["value"], exported["qualifier"]), "exported_year": exported["year"]}
    for_it = (
        tr("Japanese makers built {made} vehicles in the U.S. in {year} and exported {exported} from their U.S. plants.")
        if exported["year"] == built["year"]
        else tr(
            "Japanese makers built {made} vehicles in the U.S. in {year} and exported {exported} from their U.S. plants in {exported_year}."
        )
    ).format(**made, **exports)
    against_it = tr("The data count vehicles built, not jobs or value added.")
    would_change = tr("Production below {threshold} a year would make it partly supported.").format(threshold=threshold.words)
    rows = [built.to_frame().T, exported.to_frame().T]
    return Evidence(
        text_, rows, ["japanese_makers_us_production"], verdict, for_it, against_it, would_change, threshold.rule_words, because
    )


def g7_verdict(before_g7_start: str, deal_start: str) -> str:
    """'The leaders met at the G7 summit without reaching a binding agreement': "without an agreement" holds when the
    deal came in a round that started after the last round before the summit; the data record neither the leaders'
    meeting nor its outcome, so the verdict is at most partly supported; not supported when the deal came in that round
    or earlier."""
    return PARTLY if pd.Timestamp(deal_start) > pd.Timestamp(before_g7_start) else NOT_SUPPORTED


def g7_round(data_dir: object) -> Evidence:
    rounds = data.load_table("negotiation_rounds", data_dir)
    before_g7, deal = tariffs.before_g7_and_deal(rounds)
    verdict = g7_verdict(str(before_g7["start_date"]), str(deal["start_date"]))
    later = verdict == PARTLY
    before_dates = text.date_span(before_g7["start_date"], before_g7["end_date"], to=" to ")
    deal_dates = text.date_span(deal["start_date"], deal["end_date"], to=" to ")
    held = {
        "before_round": before_g7["round"],
        "before_dates": before_dates,
        "milestone": tr(MILESTONES[tariffs.BEFORE_G7]),
        "deal_round": deal["round"],
        "deal_dates": deal_dates,
    }
    text_ = (
        tr("Round {before_round} ({before_dates}) was {milestone}; the deal came only in round {deal_round} ({deal_dates}).")
        if later
        else tr("Round {before_round} ({before_dates}) was {milestone}; the deal came in round {deal_round} ({deal_dates}).")
    ).format(**held)
    threshold = rule_threshold(data_dir, G7)
    because = (
        tr(
            "the deal came in round {deal_round}, after round {before_round}, the last round before the summit, and the data "
            "do not record the leaders' meeting"
        )
        if later
        else tr(
            "the deal came in round {deal_round}, not after round {before_round}, the last round before the summit, and the "
            "data do not record the leaders' meeting"
        )
    ).format(**held)
    for_it = (
        tr(
            "Round {before_round} was the last round before the summit, aimed at a deal there, and the deal came only in round "
            "{deal_round}."
        )
        if later
        else tr("Round {before_round} was the last round before the summit, aimed at a deal there.")
    ).format(**held)
    against_it = tr("The data record rounds, not the leaders' meeting at the summit or what it agreed.")
    would_change = tr(
        "A record of the leaders' meeting and its outcome could make it supported, or not supported if it showed a binding "
        "agreement there; a deal in the last round before the summit would make it not supported."
    )
    rows = [data.rows_by_id(rounds, "milestone", tariffs.BEFORE_G7, tariffs.DEAL)]
    return Evidence(text_, rows, ["negotiation_rounds"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


def since_trump_verdict(complaints_before: int, at_least: float) -> str:
    """'Ever since the Trump years, the U.S. has been fixated …': not supported when the record has at least ``at_least``
    (the claims table's threshold) U.S. complaints of barriers from before President Trump's first statement in it,
    supported otherwise."""
    return NOT_SUPPORTED if complaints_before >= at_least else SUPPORTED


def us_push_history(data_dir: object) -> Evidence:
    from tradetalks.chapters.japan_market import history

    claims = data.load_table("nontariff_barrier_claims", data_dir)
    timeline = history.claims_timeline(claims)
    us = timeline[timeline["actor_group"].isin(history.US_ACTOR_GROUPS) & (timeline["stance"] == "asserts_barrier")]
    trump = data.row_by_id(timeline, "claim_id", TRUMP_FIRST)
    trump_year = int(trump["year"])
    earliest = int(us["year"].min())
    before = us[us["year"] < trump_year]
    exit_ = history.exit_events(claims)
    by_year = us.groupby("year").size()
    busiest = int(by_year.idxmax())
    record = {"count": len(us), "earliest": earliest, "before": len(before), "trump_year": trump_year}
    if exit_.empty:
        text_ = tr(
            "The record holds {count} U.S. complaints of Japanese barriers, the earliest from {earliest}; {before} of them "
            "predate President Trump's first statement in it ({trump_year})."
        ).format(**record)
    else:
        text_ = tr(
            "The record holds {count} U.S. complaints of Japanese barriers, the earliest from {earliest}; {before} of them "
            "predate President Trump's first statement in it ({trump_year}), and Ford announced its exit from Japan in "
            "{exit_year}."
        ).format(exit_year=int(exit_["year"].iloc[0]), **record)
    for_it = tr("The complaints peak in {year}, with {count} in that year alone.").format(year=busiest, count=by_year[busiest])
    against_it = tr(
        "The earliest U.S. complaint in the record is {years} years older than President Trump's first statement in it."
    ).format(years=trump_year - earliest)
    threshold = rule_threshold(data_dir, SINCE_TRUMP)
    would_change = tr("A record in which fewer than {threshold} predate the Trump years would make the claim supported.").format(
        threshold=threshold.words
    )
    because = (
        tr("{before} U.S. complaint predates President Trump's first statement in the record ({trump_year}), {comparison}")
        if len(before) == 1
        else tr("{before} U.S. complaints predate President Trump's first statement in the record ({trump_year}), {comparison}")
    ).format(comparison=at_or_above(len(before), threshold), **record)
    used = [data.rows_by_id(claims, "claim_id", *before["claim_id"], TRUMP_FIRST)]
    verdict = since_trump_verdict(len(before), threshold.value)
    return Evidence(text_, used, ["nontariff_barrier_claims"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


def capacity_to_demand_pct(us_capacity_share: float | None, us_demand_share: float | None) -> float | None:
    """The U.S. share of world cell capacity as a percentage of its share of world battery demand (None without both)."""
    if us_capacity_share is None or not us_demand_share:
        return None
    return us_capacity_share / us_demand_share * 100


def battery_plants_verdict(us_capacity_share: float | None, us_demand_share: float | None, covers_pct: float) -> str:
    """'They already have cutting-edge battery plants': with a U.S. share of world cell capacity in the data, supported
    when it is at least ``covers_pct`` (the claims table's threshold) of the U.S. share of world battery demand, else
    partly supported (plants, but fewer than its needs); without one the data cannot show the plants, only China's
    lead, so the verdict is at most partly supported."""
    ratio = capacity_to_demand_pct(us_capacity_share, us_demand_share)
    return PARTLY if ratio is None else SUPPORTED if ratio >= covers_pct else PARTLY


def battery_plants(data_dir: object) -> Evidence:
    from tradetalks.chapters.ev_china import sentences as ev_china_words
    from tradetalks.chapters.ev_china import tables as ev_china

    chain = data.load_table("battery_supply_chain", data_dir)
    cells = data.row_by_id(chain, "figure_id", CELLS)
    shares = chain[(chain["unit"] == ev_china.SHARE_UNIT) & (chain["country"] == UNITED_STATES)]
    demand = shares[shares["stage_id"] == US_DEMAND].sort_values("year").tail(1)
    capacity = shares[shares["stage_id"] == CELL_STAGE].sort_values("year").tail(1)
    makers = data.load_table("battery_makers", data_dir)
    year = ev_china.latest_makers_year(makers)
    listed = makers[(makers["year"] == year) & (makers["counted"] == ev_china.ONE_MAKER)]
    us_makers = listed[listed["hq_country"] == US_HQ]
    demand_share = float(demand["value"].iloc[0]) if not demand.empty else None
    capacity_share = float(capacity["value"].iloc[0]) if not capacity.empty else None
    threshold = rule_threshold(data_dir, US_BATTERIES)
    verdict = battery_plants_verdict(capacity_share, demand_share, threshold.value)
    ratio = capacity_to_demand_pct(capacity_share, demand_share)
    because = (
        tr("the data lack a U.S. share of world cell capacity or of world battery demand, so the rule cannot reach supported")
        if ratio is None
        else tr("the U.S. share of world cell capacity is {ratio} of its share of world battery demand, {comparison}").format(
            ratio=text.about_pct(ratio), comparison=at_or_above(ratio, threshold)
        )
    )
    has = (
        tr("the U.S. had {share} of the world's cell capacity in {year}").format(share=pct(capacity_share), year=capacity["year"].iloc[0])
        if capacity_share is not None
        else tr(
            "the data have no U.S. share of world cell capacity and list no plants, so they cannot show whether U.S. plants "
            "exist or are cutting-edge"
        )
    )
    text_ = tr("China had {cells} of the world's battery-cell production capacity ({year}); {has}").format(
        cells=ev_china_words.stated(cells), year=cells["year"], has=has
    )
    if demand_share is not None:
        text_ += tr("; the U.S. made up {share} of world EV battery demand ({year})").format(
            share=pct(demand_share), year=demand["year"].iloc[0]
        )
    text_ += (
        tr(". Of the {count} battery makers the data list for {year}, {us} is headquartered in the U.S.")
        if len(us_makers)
        else tr(". Of the {count} battery makers the data list for {year}, none is headquartered in the U.S.")
    ).format(count=len(listed), year=year, us=text.count_words(len(us_makers)))
    for_it = (
        tr("The U.S. is a large market for batteries ({share} of world demand), the kind of demand plants are built for.").format(
            share=pct(demand_share)
        )
        if demand_share is not None
        else tr("Nothing in the data contradicts that U.S. plants exist.")
    )
    against_it = (
        tr("China holds {cells} of the world's cell capacity, and no U.S. company ranks among the makers listed.")
        if us_makers.empty
        else tr("China holds {cells} of the world's cell capacity, and few U.S. companies rank among the makers listed.")
    ).format(cells=ev_china_words.stated(cells))
    would_change = tr(
        "A U.S. share of world cell capacity at least {threshold} of its share of demand would make the claim supported."
    ).format(threshold=threshold.words)
    used = [chain.loc[[cells.name]], demand, capacity, us_makers]
    tables_ = ["battery_supply_chain", "battery_makers"]
    return Evidence(text_, used, tables_, verdict, for_it, against_it, would_change, threshold.rule_words, because)


def tariff_verdict(rates: list[float], car_before: float, high_from_pct: float) -> str:
    """'The U.S. imposes high tariffs on automotive imports': supported when the car duty was high before 2025 too,
    partly supported when only some duties (light trucks, the 2025 rates) were high, not supported when none was.
    A duty is high from ``high_from_pct`` (the claims table's threshold) up."""
    if car_before >= high_from_pct:
        return SUPPORTED
    return PARTLY if any(rate >= high_from_pct for rate in rates) else NOT_SUPPORTED


def us_tariff_levels(data_dir: object) -> Evidence:
    timeline = data.load_table("tariff_timeline", data_dir)
    car_before = figures.baseline_rate(timeline)
    # the other U.S. duties in force before 2025: the timeline's undated baseline rows (the light-truck duty)
    undated = timeline[(timeline["jurisdiction"] == tariffs.US) & ~timeline["date"].str.match(r"\d{4}") & timeline["rate_pct"].notna()]
    others = undated[undated["measure_id"].fillna("") != figures.US_BASELINE]
    changes = tariffs.rate_changes(tariffs.us_car_rate_steps(timeline))
    peak, last = tariffs.peak_and_deal(changes)
    other_text = "".join(
        tr(" and {rate} on {product}").format(rate=pct(row["rate_pct"]), product=tr(str(row["product"]))) for _, row in others.iterrows()
    )
    text_ = tr(
        "Before {year} the U.S. charged {car} on a passenger car{others}. In {year} the car duty rose to {peak} ({peak_date}) "
        "and settled at {last} from {last_date}."
    ).format(
        year=DUTIES_YEAR,
        car=pct(car_before),
        others=other_text,
        peak=pct(peak["rate_pct"]),
        peak_date=text.date(peak["date"]),
        last=pct(last["rate_pct"]),
        last_date=text.date(last["date"]),
    )
    rates = [float(rate) for rate in others["rate_pct"]] + [float(peak["rate_pct"]), float(last["rate_pct"])]
    threshold = rule_threshold(data_dir, HIGH_TARIFFS)
    verdict = tariff_verdict(rates, car_before, threshold.value)
    high = list(dict.fromkeys(pct(rate) for rate in rates if rate >= threshold.value))
    duties = {"threshold": threshold.words, "rates": text.listed(high), "year": DUTIES_YEAR, "car": pct(car_before)}
    for_it = (
        tr("The duties at or above {threshold}: {rates}.") if high else tr("No other U.S. duty in the data reaches {threshold}.")
    ).format(**duties)
    because = (
        tr("the car duty before {year}, {car}, is {comparison}, and the other duties at or above it are {rates}")
        if high
        else tr("the car duty before {year}, {car}, is {comparison}, and no other duty in the data reaches it")
    ).format(comparison=at_or_above(car_before, threshold), **duties)
    against_it = tr("Before {year} a Japanese car paid {car} to enter the U.S., against {japan} on a U.S. car entering Japan.").format(
        japan=pct(figures.japan_car_tariff(timeline)), **duties
    )
    would_change = tr(
        "A pre-{year} car duty of {threshold} or more would make it supported; every duty below {threshold}, not supported."
    ).format(**duties)
    used = [changes, others, data.rows_by_id(timeline, "measure_id", figures.US_BASELINE)]
    return Evidence(text_, used, ["tariff_timeline"], verdict, for_it, against_it, would_change, threshold.rule_words, because)


EVIDENCE: dict[str, Callable[[object], Evidence]] = {
    "german_vs_us_brands": german_vs_us_brands,
    "size_mismatch": size_mismatch,
    "barrier_claims": barrier_claims,
    "reverse_import_scale": reverse_import_scale,
    "battery_chain": battery_chain,
    "ev_targets": ev_targets,
    "ev_share_japan": ev_share_japan,
    "byd_growth": byd_growth,
    "byd_claim": byd_claim,
    "us_push_history": us_push_history,
    "battery_plants": battery_plants,
    "us_tariff_levels": us_tariff_levels,
    "ev_vs_hybrid": ev_vs_hybrid,
    "seventh_round": seventh_round,
    "deficit_trend": deficit_trend,
    "autos_share_of_exports": autos_share_of_exports,
    "car_tariff_peak": car_tariff_peak,
    "framework_investment": framework_investment,
    "us_production": us_production,
    "g7_round": g7_round,
}
