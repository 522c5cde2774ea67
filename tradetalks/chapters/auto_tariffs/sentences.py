"""The page's prose from the data: the phrases glued into its text, the charts' titles, subtitles, captions
and direct labels, and the news report's checks. Every figure is computed from the frame it describes."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from tradetalks import chartlint, data, text
from tradetalks.text import pct, usd_bn_from_millions, yen_bn

from . import tables

# "rose elevenfold": the multiples prose names in a word (others read "rose about 7.3-fold").
FOLD_WORDS = {
    2: "doubled",
    3: "tripled",
    4: "rose fourfold",
    5: "rose fivefold",
    6: "rose sixfold",
    7: "rose sevenfold",
    8: "rose eightfold",
    9: "rose ninefold",
    10: "rose tenfold",
    11: "rose elevenfold",
    12: "rose twelvefold",
}
# A source's qualifier right before its yen figure ("over ¥2.5 trillion"), read from the figure as reported.
STATED_QUALIFIER = re.compile(r"\b(" + "|".join(re.escape(q) for q in sorted(text.QUALIFIERS, key=len, reverse=True)) + r")\s+¥", re.I)


def month_span(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """'January–December 2025', or 'May 2025–February 2026' across years."""
    if first.year == last.year:
        return f"{first:%B}–{last:%B %Y}" if first.month != last.month else f"{last:%B %Y}"
    return f"{first:%B %Y}–{last:%B %Y}"


def rates(rates_pct: Iterable[float]) -> str:
    """'2.5%, 27.5%, 15%'."""
    return ", ".join(pct(rate) for rate in rates_pct)


# The duty on a Japanese car


def fold(multiple: float) -> str:
    """How a figure grew, as a verb phrase: 11.0 -> 'rose elevenfold', 2.0 -> 'doubled', 7.33 -> 'rose about 7.3-fold'."""
    whole = round(multiple)
    if abs(multiple - whole) < 0.05 and whole in FOLD_WORDS:
        return FOLD_WORDS[whole]
    return f"rose {text.about(multiple)}-fold"


def rise(start_rate: float, peak_rate: float) -> str:
    """'rose elevenfold' from a non-zero starting rate, 'rose' from zero (no multiple of nothing)."""
    return fold(peak_rate / start_rate) if start_rate > 0 else "rose"


def duty_title(start_rate: float, peak: pd.Series, deal: pd.Series) -> str:
    """'The U.S. duty on Japanese cars rose elevenfold, then settled at 15%' (the multiple is peak / starting rate)."""
    went = rise(start_rate, peak["rate_pct"])
    if deal["date"] == peak["date"]:
        return chartlint.fitting_title(
            f"The U.S. duty on Japanese cars {went} to {pct(peak['rate_pct'])}", f"U.S. duty on Japanese cars {went}"
        )
    settled = f"then settled at {pct(deal['rate_pct'])}"
    return chartlint.fitting_title(f"The U.S. duty on Japanese cars {went}, {settled}", f"U.S. duty on Japanese cars {went}, {settled}")


def duty_subtitle(window: tuple[pd.Timestamp, pd.Timestamp]) -> str:
    """The measure, unit and period the chart shows: 'Effective U.S. duty on a Japanese passenger car, %, January–December 2025'."""
    return f"Effective U.S. duty on a Japanese passenger car, %, {month_span(*window)}; points mark dated U.S. measures"


def _duty_rise(start_rate: float, peak: pd.Series, deal: pd.Series, *, car: str, from_start: bool) -> str:
    """'The U.S. duty on <car> rose … [from 2.5%] to 27.5% on <date> under <instrument>[, then settled at …].'"""
    start = f" from {pct(start_rate)}" if from_start else ""
    sentence = (
        f"The U.S. duty on {car} {rise(start_rate, peak['rate_pct'])}{start} to {pct(peak['rate_pct'])} on "
        f"{text.date(peak['date'])} under {peak['legal_instrument']}"
    )
    if deal["date"] != peak["date"]:
        sentence += f", then settled at {pct(deal['rate_pct'])} from {text.date(deal['date'])}"
    return sentence + "."


def duty_description(start_rate: float, peak: pd.Series, deal: pd.Series) -> str:
    """The finding in one sentence, with the dates and the legal instrument of the peak."""
    return _duty_rise(start_rate, peak, deal, car="a Japanese passenger car", from_start=True)


def duty_labels(start: pd.Timestamp, start_rate: float, first_move: pd.Series, peak: pd.Series, deal: pd.Series) -> pd.DataFrame:
    """The chart's direct labels: the starting level (above its line, from the window's start), the peak with
    its legal instrument (under the peak, right of the rise) and the deal rate (under it, left of the fall).
    ``align`` and ``baseline`` say where each label sits against its point; lines split at newlines."""
    labels = [
        {
            "date": start,
            "rate_pct": start_rate,
            "label": f"{pct(start_rate)} before\n{first_move['date']:%B %Y}",
            "align": "left",
            "baseline": "bottom",
        },
        {
            "date": peak["date"],
            "rate_pct": peak["rate_pct"],
            "label": f"{pct(peak['rate_pct'])} from {text.date(peak['date'])}\n{peak['legal_instrument']}",
            "align": "left",
            "baseline": "top",
        },
    ]
    if deal["date"] != peak["date"]:
        labels.append(
            {
                "date": deal["date"],
                "rate_pct": deal["rate_pct"],
                "label": f"{pct(deal['rate_pct'])} from\n{text.date(deal['date'])}",
                "align": "right",
                "baseline": "top",
            }
        )
    return pd.DataFrame(labels)


def duty_finding(start_rate: float, peak: pd.Series, deal: pd.Series) -> str:
    """The chapter's key finding: 'The U.S. duty on a Japanese car rose elevenfold to 27.5% on 3 April 2025 under …'."""
    return _duty_rise(start_rate, peak, deal, car="a Japanese car", from_start=False)


# The rounds of talks


def rounds_finding(before: pd.DataFrame, numbered: pd.DataFrame, framework_date: str) -> str:
    """'Japan's chief negotiator held 8 rounds of talks … up to the framework deal of 22 July 2025, and 2 more after it.'"""
    after = len(numbered) - len(before)
    sentence = f"Japan's chief negotiator held {len(before)} rounds of talks with U.S. officials up to the framework deal announced on {text.date(framework_date)}"
    return sentence + (f", and {after} more to put it into effect." if after > 0 else ".")


def news_round(rounds: pd.DataFrame) -> str:
    """The round the checked news report is about, as an ordinal: '7th' (a round without a number as it is)."""
    number = str(tables.news_report_round(rounds)["round"])
    return text.ordinal(int(number)) if number.isdigit() else number


def rounds_after(before: pd.DataFrame, numbered: pd.DataFrame) -> str:
    """What followed the framework: '2 more numbered rounds followed to put it into effect.' (empty if none did)."""
    after = len(numbered) - len(before)
    if after <= 0:
        return ""
    return f"{after} more numbered round{'s' if after > 1 else ''} followed to put it into effect."


# The goods balance


def deficit_years(in_range: pd.DataFrame) -> str:
    """How often the U.S. ran a deficit in the years shown: 'in every year' or 'in 30 of the 41 years'."""
    deficits = in_range["balance_musd"] < 0
    return "in every year" if deficits.all() else f"in {deficits.sum()} of the {len(in_range)} years"


def balance_title(in_range: pd.DataFrame) -> str:
    """'The U.S. had a goods deficit with Japan every year, 1985–2025' (or 'in 30 of 41 years')."""
    deficits = in_range["balance_musd"] < 0
    span = text.year_span(in_range["year"])
    if deficits.all():
        return f"The U.S. had a goods deficit with Japan every year, {span}"
    return f"The U.S. had a goods deficit with Japan in {deficits.sum()} of {len(in_range)} years"


def balance_subtitle(year_from: int, year_to: int) -> str:
    return f"U.S. goods exports to Japan minus imports from Japan, billion USD, Census basis, {text.year_span([year_from, year_to])}"


def deficit(row: pd.Series) -> str:
    """A year's balance as a deficit or surplus in words: 'a deficit of $68.3 billion'."""
    kind = "deficit" if row["balance_musd"] < 0 else "surplus"
    return f"a {kind} of {usd_bn_from_millions(abs(row['balance_musd']))}"


def balance_description(latest: pd.Series, deepest: pd.Series) -> str:
    """'The goods balance was deepest in 2006, a deficit of $88.4 billion, and was a deficit of $64.4 billion in 2025; …'."""
    return (
        f"The U.S. goods balance with Japan was deepest in {int(deepest['year'])}, {deficit(deepest)}, and was "
        f"{deficit(latest)} in {int(latest['year'])}; hollow points are other vintages and reported figures."
    )


def signed_usd_bn(balance_musd: float) -> str:
    """A balance as the chart's axis reads it, short: -64448.1 -> '−$64.4bn' (a true minus sign)."""
    return f"{'−' if balance_musd < 0 else ''}${abs(balance_musd) / 1000:,.1f}bn"


def balance_labels(latest: pd.Series, deepest: pd.Series) -> pd.DataFrame:
    """Direct labels: the deepest year under its point, the latest year right of the line's end (one label, at
    the end, when they are the same year)."""
    rows = [(latest, "right")] if int(deepest["year"]) == int(latest["year"]) else [(deepest, "below"), (latest, "right")]
    return pd.DataFrame(
        {
            "year": [int(row["year"]) for row, _ in rows],
            "balance_usd_bn": [row["balance_musd"] / 1000 for row, _ in rows],
            "label": [f"{int(row['year'])}\n{signed_usd_bn(row['balance_musd'])}" for row, _ in rows],
            "position": [position for _, position in rows],
        }
    )


# Cars in that trade


def share(share_pct: float) -> str:
    """A derived share to two significant figures: 27.14 -> 'about 27%'."""
    return text.about_pct(share_pct)


def share_title(latest: pd.Series) -> str:
    """'Cars were about 27% of U.S. imports from Japan in 2024' (a simple fraction when one is close)."""
    return f"Cars were {text.fraction(latest['cars_share_pct'])} of U.S. imports from Japan in {int(latest['year'])}"


def share_subtitle(shares: pd.DataFrame) -> str:
    span = text.year_span(shares["year"])
    return f"U.S. car imports from Japan as a share of all U.S. goods imports from Japan, %, {span} (derived)"


def share_description(low: pd.Series, high: pd.Series, latest: pd.Series) -> str:
    return (
        f"Cars' share of U.S. goods imports from Japan ranged from {share(low['cars_share_pct'])} in {int(low['year'])} "
        f"to {share(high['cars_share_pct'])} in {int(high['year'])}, and was {share(latest['cars_share_pct'])} in {int(latest['year'])}."
    )


# The tariff-bill calculator


def import_base(base: pd.Series) -> str:
    """The calculator's base with what it is: 'US imports of cars from Japan in 2024: $39.9 billion, per …'."""
    return f"{base['metric']} in {base['period']}: {usd_bn_from_millions(base['value'])}, per {base['reporter_basis']}"


def bill_title(bill: pd.DataFrame) -> str:
    """'At 27.5%, yearly duty on Japanese cars would be about $11 billion' (the largest bill)."""
    top = bill.loc[bill["duty_owed"].idxmax()]
    return chartlint.fitting_title(
        f"At {pct(top['rate_pct'])}, yearly duty on Japanese cars would be {text.about_usd_bn(top['duty_owed'] / 1000)}",
        f"At {pct(top['rate_pct'])}, duty on Japanese cars would be {text.about_usd_bn(top['duty_owed'] / 1000)}",
    )


def bill_subtitle(base: pd.Series) -> str:
    return f"Duty owed on {base['period']}'s U.S. car imports from Japan at each rate, billion USD per year"


def bill_description(bill: pd.DataFrame, base: pd.Series) -> str:
    """'On $39.9 billion of car imports in 2024, the duty would be about $1 billion at 2.5%, …, assuming …'."""
    each = ", ".join(f"{text.about_usd_bn(row['duty_owed'] / 1000)} at {pct(row['rate_pct'])}" for _, row in bill.iterrows())
    return (
        f"On {usd_bn_from_millions(base['value'])} of car imports in {base['period']}, the yearly duty would be {each}, "
        "assuming no change in volume or price."
    )


# What the carmakers said it cost


def stated_qualifier(as_reported: object) -> str | None:
    """The source's qualifier of its yen figure ('over ¥2.5 trillion' -> 'over'), or None."""
    found = STATED_QUALIFIER.search(as_reported) if isinstance(as_reported, str) else None
    return found.group(1).lower() if found else None


def yen_figure(row: pd.Series) -> str:
    """A reported yen figure for prose: the source's qualifier kept ('over ¥2.5 trillion'); 'about' where
    the trillions round it (2100.9 -> 'about ¥2.1 trillion')."""
    figure = yen_bn(row["value_jpy_bn"])
    qualifier = stated_qualifier(row.get("value_as_reported"))
    if qualifier:
        return text.qualified(qualifier, figure)
    exact = abs(row["value_jpy_bn"]) < 1000 or round(row["value_jpy_bn"] / 1000, 2) * 1000 == row["value_jpy_bn"]
    return figure if exact else f"about {figure}"


def forecast(row: pd.Series) -> str:
    """A cost forecast with its period: 'over ¥2.5 trillion for FY2025 (Apr 2025-Mar 2026)'."""
    return f"{yen_figure(row)} for {row['fiscal_period']}"


def actual(row: pd.Series) -> str:
    """An actual cost with its period and when it was reported: 'about ¥2.1 trillion for Apr-Dec 2025, reported 12 February 2026'."""
    return f"{yen_figure(row)} for {row['fiscal_period']}, reported {text.reader_date(row['announcement_date'])}"


def costs_title(largest: pd.Series) -> str:
    """ "Toyota's latest tariff-cost forecast is the largest, at ¥1.45 trillion"."""
    return chartlint.fitting_title(
        f"{largest['company']}'s latest tariff-cost forecast is the largest, at {yen_figure(largest)}",
        f"{largest['company']}'s tariff-cost forecast is the largest",
    )


def costs_subtitle(costs: pd.DataFrame) -> str:
    months = pd.to_datetime(costs["announcement_date"].str.slice(0, 7), format="%Y-%m")
    return f"Tariff costs Japanese carmakers reported, billion yen, by month announced, {month_span(months.min(), months.max())}"


def costs_description(largest: pd.Series) -> str:
    return (
        f"{largest['company']}'s latest forecast, {yen_figure(largest)} for {largest['fiscal_period']}, announced "
        f"{text.reader_date(largest['announcement_date'])}, is the largest of the makers' latest forecasts; circles are "
        "forecasts, squares actual costs for the period stated."
    )


def costs_labels(largest: pd.Series) -> pd.DataFrame:
    """The direct label of the figure the title names: 'Toyota, latest forecast' over '¥1.45 trillion'."""
    return pd.DataFrame(
        {
            "announcement_date": [largest["announcement_date"]],
            "value_jpy_bn": [largest["value_jpy_bn"]],
            "label": [f"{largest['company']}, latest forecast\n{yen_figure(largest)}"],
        }
    )


def costs_finding(seven_forecast: pd.Series, seven_actual: pd.Series) -> str:
    """'Japan's major carmakers together forecast over ¥2.5 trillion in tariff costs for …; their actual costs …'
    (how many makers the combined figure covers is the data's label, not a count this page states)."""
    return (
        f"Japan's major carmakers together forecast {yen_figure(seven_forecast)} in tariff costs for {seven_forecast['fiscal_period']}; "
        f"their actual costs for {seven_actual['fiscal_period']} came to {yen_figure(seven_actual)}."
    )


# The news report's checks

CLAIM, SHOWN, VERDICT = "The report said (paraphrased)", "What the data show", "Verdict"


def japan_share_range(japan_shares: pd.DataFrame) -> str:
    """Japan's latest reported shares: '28.3% to 30% of Japan's exports to the U.S. in 2024, by what each report counts'."""
    latest_period = japan_shares["period"].max()
    latest = japan_shares[japan_shares["period"] == latest_period]["value"]
    if latest.min() == latest.max():
        return f"{pct(latest.min())} of Japan's exports to the U.S. in {latest_period}"
    return f"{pct(latest.min())} to {pct(latest.max())} of Japan's exports to the U.S. in {latest_period}, by what each report counts"


def g7_timing(before_g7: pd.Series, deal: pd.Series) -> str:
    """What the data show about the G7 claim, and no more: the round recorded as aiming at a deal at the summit, the
    round recorded as reaching the deal, and that the summit's own date is not in the data (its timing is reported)."""
    return (
        f"Round {before_g7['round']} ({text.date_span(before_g7['start_date'], before_g7['end_date'])}) "
        f"{tables.MILESTONES[tables.BEFORE_G7]}; the data give the summit no date, so that it came after this round is "
        f"reported, not derived. The deal came in round {deal['round']} ({text.date_span(deal['start_date'], deal['end_date'])}); "
        "the data do not record what the leaders agreed at the summit"
    )


def news_report_checks(rounds: pd.DataFrame, series: pd.DataFrame, japan_shares: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The news report's checkable background claims about its round, against the data.

    Each row is a claim of the claims table (``claims``, ``data/claims.csv``), picked by its claim_id
    (``tables.NEWS_CLAIMS``): the claim's words and its verdict are that table's, so the claims page and this
    chapter cannot label the same claim differently; this page adds the figures.
    """
    claimed = tables.news_claims(claims)
    reported = tables.news_report_round(rounds)
    before_g7, deal = tables.before_g7_and_deal(rounds)
    before, latest = tables.years_before_talks(series, rounds)
    shown = {
        "round": (
            f"Round {reported['round']}, {text.date_span(reported['start_date'], reported['end_date'])}, "
            f"{reported['location']}: {reported['outcome']}"
        ),
        "deficit": (
            f"U.S. goods deficit with Japan: {usd_bn_from_millions(-before['balance_musd'])} in {int(before['year'])}, "
            f"{usd_bn_from_millions(-latest['balance_musd'])} in {int(latest['year'])} (Census, consistent series)"
        ),
        "autos": f"Autos were {japan_share_range(japan_shares)} (see the table below)",
        "g7": g7_timing(before_g7, deal),
    }
    checks = pd.DataFrame(
        [
            {CLAIM: str(claimed.loc[role, "claim"]).rstrip("."), SHOWN: shown[role], VERDICT: claimed.loc[role, "verdict"]}
            for role in tables.NEWS_CLAIMS
        ]
    )
    return data.derived_from(checks, rounds, series, japan_shares, claims)
