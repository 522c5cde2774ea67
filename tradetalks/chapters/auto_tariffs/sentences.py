"""The page's prose from the data: the phrases glued into its text, the charts' titles, subtitles, captions
and direct labels, and the news report's checks. Every figure is computed from the frame it describes."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from tradetalks import chartlint, data, i18n, text
from tradetalks.i18n import N_, tr
from tradetalks.text import pct, usd_bn_from_millions, yen_bn

from . import tables

# "rose elevenfold": the multiples prose names in a word (others read "rose about 7.3-fold"). Each is a message: a
# translation gives the multiple alone (Japanese: 11倍), and the sentences around it say how the duty moved.
FOLD_WORDS = {
    2: N_("doubled"),
    3: N_("tripled"),
    4: N_("rose fourfold"),
    5: N_("rose fivefold"),
    6: N_("rose sixfold"),
    7: N_("rose sevenfold"),
    8: N_("rose eightfold"),
    9: N_("rose ninefold"),
    10: N_("rose tenfold"),
    11: N_("rose elevenfold"),
    12: N_("rose twelvefold"),
}
# A source's qualifier right before its yen figure ("over ¥2.5 trillion"), read from the figure as reported.
STATED_QUALIFIER = re.compile(r"\b(" + "|".join(re.escape(q) for q in sorted(text.QUALIFIERS, key=len, reverse=True)) + r")\s+¥", re.I)


def _in_english() -> bool:
    return i18n.current() == i18n.SOURCE_LANGUAGE


def month_span(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """'January–December 2025', or 'May 2025–February 2026' across years (the months as strftime formats in the
    message: a translation orders them its own way, Japanese '2025年1〜12月')."""
    if first.year == last.year:
        if first.month == last.month:
            return tr("{last:%B %Y}").format(last=last)
        return tr("{first:%B}–{last:%B %Y}").format(first=first, last=last)
    return tr("{first:%B %Y}–{last:%B %Y}").format(first=first, last=last)


def rates(rates_pct: Iterable[float]) -> str:
    """'2.5%, 27.5%, 15%'."""
    return tr(", ").join(pct(rate) for rate in rates_pct)


# The duty on a Japanese car


def fold(multiple: float) -> str:
    """How a figure grew, as a verb phrase: 11.0 -> 'rose elevenfold', 2.0 -> 'doubled', 7.33 -> 'rose about 7.3-fold'
    (Japanese: the multiple alone, '11倍', '約7.3倍')."""
    whole = round(multiple)
    if abs(multiple - whole) < 0.05 and whole in FOLD_WORDS:
        return tr(FOLD_WORDS[whole])
    return tr("rose {multiple}-fold").format(multiple=text.about(multiple))


def rise(start_rate: float, peak_rate: float) -> str:
    """'rose elevenfold' from a non-zero starting rate, 'rose' from zero (no multiple of nothing)."""
    return fold(peak_rate / start_rate) if start_rate > 0 else "rose"


# The duty's rise in whole sentences, one per case: (a multiple of the starting rate is stated, the rate settled after
# its peak). {rose} is ``fold``'s phrase; the others are figures, dates and the peak's legal instrument.
TITLES = {
    (True, True): (
        N_("The U.S. duty on Japanese cars {rose}, then settled at {deal}"),
        N_("U.S. duty on Japanese cars {rose}, then settled at {deal}"),
    ),
    (True, False): (N_("The U.S. duty on Japanese cars {rose} to {peak}"), N_("U.S. duty on Japanese cars {rose}")),
    (False, True): (
        N_("The U.S. duty on Japanese cars rose, then settled at {deal}"),
        N_("U.S. duty on Japanese cars rose, then settled at {deal}"),
    ),
    (False, False): (N_("The U.S. duty on Japanese cars rose to {peak}"), N_("U.S. duty on Japanese cars rose")),
}
DESCRIPTIONS = {
    (True, True): N_(
        "The U.S. duty on a Japanese passenger car {rose} from {start} to {peak} on {date} under {instrument}, "
        "then settled at {deal} from {deal_date}."
    ),
    (True, False): N_("The U.S. duty on a Japanese passenger car {rose} from {start} to {peak} on {date} under {instrument}."),
    (False, True): N_(
        "The U.S. duty on a Japanese passenger car rose from {start} to {peak} on {date} under {instrument}, "
        "then settled at {deal} from {deal_date}."
    ),
    (False, False): N_("The U.S. duty on a Japanese passenger car rose from {start} to {peak} on {date} under {instrument}."),
}
FINDINGS = {
    (True, True): N_(
        "The U.S. duty on a Japanese car {rose} to {peak} on {date} under {instrument}, then settled at {deal} from {deal_date}."
    ),
    (True, False): N_("The U.S. duty on a Japanese car {rose} to {peak} on {date} under {instrument}."),
    (False, True): N_(
        "The U.S. duty on a Japanese car rose to {peak} on {date} under {instrument}, then settled at {deal} from {deal_date}."
    ),
    (False, False): N_("The U.S. duty on a Japanese car rose to {peak} on {date} under {instrument}."),
}


def _rise_case(start_rate: float, peak: pd.Series, deal: pd.Series) -> tuple[bool, bool]:
    """Which sentence tells the rise: (a multiple is stated: the starting rate is not zero, the rate settled after its peak)."""
    return start_rate > 0, deal["date"] != peak["date"]


def _rise_fields(start_rate: float, peak: pd.Series, deal: pd.Series) -> dict[str, str]:
    return {
        "rose": fold(peak["rate_pct"] / start_rate) if start_rate > 0 else "",
        "start": pct(start_rate),
        "peak": pct(peak["rate_pct"]),
        "date": text.date(peak["date"]),
        "instrument": tr(peak["legal_instrument"]),
        "deal": pct(deal["rate_pct"]),
        "deal_date": text.date(deal["date"]),
    }


def duty_title(start_rate: float, peak: pd.Series, deal: pd.Series) -> str:
    """'The U.S. duty on Japanese cars rose elevenfold, then settled at 15%' (the multiple is peak / starting rate)."""
    fields = _rise_fields(start_rate, peak, deal)
    return chartlint.fitting_title(*(tr(title).format(**fields) for title in TITLES[_rise_case(start_rate, peak, deal)]))


def duty_subtitle(window: tuple[pd.Timestamp, pd.Timestamp]) -> str:
    """The measure, unit and period the chart shows: 'Effective U.S. duty on a Japanese passenger car, %, January–December 2025'."""
    return tr("Effective U.S. duty on a Japanese passenger car, %, {months}; points mark dated U.S. measures").format(
        months=month_span(*window)
    )


def duty_description(start_rate: float, peak: pd.Series, deal: pd.Series) -> str:
    """The finding in one sentence, with the dates and the legal instrument of the peak."""
    return tr(DESCRIPTIONS[_rise_case(start_rate, peak, deal)]).format(**_rise_fields(start_rate, peak, deal))


def duty_labels(start: pd.Timestamp, start_rate: float, first_move: pd.Series, peak: pd.Series, deal: pd.Series) -> pd.DataFrame:
    """The chart's direct labels: the starting level (above its line, from the window's start), the peak with
    its legal instrument (under the peak, right of the rise) and the deal rate (under it, left of the fall).
    ``align`` and ``baseline`` say where each label sits against its point; lines split at newlines."""
    labels = [
        {
            "date": start,
            "rate_pct": start_rate,
            "label": tr("{rate} before\n{month}").format(rate=pct(start_rate), month=text.month(first_move["date"])),
            "align": "left",
            "baseline": "bottom",
        },
        {
            "date": peak["date"],
            "rate_pct": peak["rate_pct"],
            "label": tr("{rate} from {date}\n{instrument}").format(
                rate=pct(peak["rate_pct"]), date=text.date(peak["date"]), instrument=tr(peak["legal_instrument"])
            ),
            "align": "left",
            "baseline": "top",
        },
    ]
    if deal["date"] != peak["date"]:
        labels.append(
            {
                "date": deal["date"],
                "rate_pct": deal["rate_pct"],
                "label": tr("{rate} from\n{date}").format(rate=pct(deal["rate_pct"]), date=text.date(deal["date"])),
                "align": "right",
                "baseline": "top",
            }
        )
    return pd.DataFrame(labels)


def duty_finding(start_rate: float, peak: pd.Series, deal: pd.Series) -> str:
    """The chapter's key finding: 'The U.S. duty on a Japanese car rose elevenfold to 27.5% on 3 April 2025 under …'."""
    return tr(FINDINGS[_rise_case(start_rate, peak, deal)]).format(**_rise_fields(start_rate, peak, deal))


# The rounds of talks


def rounds_finding(before: pd.DataFrame, numbered: pd.DataFrame, framework_date: str) -> str:
    """'Japan's chief negotiator held 8 rounds of talks … up to the framework deal of 22 July 2025, and 2 more after it.'"""
    after = len(numbered) - len(before)
    fields = {"before": len(before), "date": text.date(framework_date), "after": after}
    if after > 0:
        return tr(
            "Japan's chief negotiator held {before} rounds of talks with U.S. officials up to the framework deal announced on "
            "{date}, and {after} more to put it into effect."
        ).format(**fields)
    return tr(
        "Japan's chief negotiator held {before} rounds of talks with U.S. officials up to the framework deal announced on {date}."
    ).format(**fields)


def news_round(rounds: pd.DataFrame) -> str:
    """The round the checked news report is about, as an ordinal: '7th' (a round without a number as it is; Japanese
    counts rounds as '第7回', the way the news check's rows name them)."""
    number = str(tables.news_report_round(rounds)["round"])
    if not number.isdigit():
        return tr(number)
    return text.ordinal(int(number)) if _in_english() else tr("Round {round}").format(round=number)


def rounds_after(before: pd.DataFrame, numbered: pd.DataFrame) -> str:
    """What followed the framework: '2 more numbered rounds followed to put it into effect.' (empty if none did)."""
    after = len(numbered) - len(before)
    if after <= 0:
        return ""
    if after == 1:
        return tr("{after} more numbered round followed to put it into effect.").format(after=after)
    return tr("{after} more numbered rounds followed to put it into effect.").format(after=after)


# The goods balance


def deficit_years(in_range: pd.DataFrame) -> str:
    """How often the U.S. ran a deficit in the years shown: 'in every year' or 'in 30 of the 41 years'."""
    deficits = in_range["balance_musd"] < 0
    if deficits.all():
        return tr("in every year")
    return tr("in {deficits} of the {years} years").format(deficits=deficits.sum(), years=len(in_range))


def balance_title(in_range: pd.DataFrame) -> str:
    """'The U.S. had a goods deficit with Japan every year, 1985–2025' (or 'in 30 of 41 years')."""
    deficits = in_range["balance_musd"] < 0
    span = text.year_span(in_range["year"])
    if deficits.all():
        return tr("The U.S. had a goods deficit with Japan every year, {span}").format(span=span)
    return tr("The U.S. had a goods deficit with Japan in {deficits} of {years} years").format(deficits=deficits.sum(), years=len(in_range))


def balance_subtitle(year_from: int, year_to: int) -> str:
    return tr("U.S. goods exports to Japan minus imports from Japan, billion USD, Census basis, {span}").format(
        span=text.year_span([year_from, year_to])
    )


def deficit(row: pd.Series) -> str:
    """A year's balance as a deficit or surplus in words: 'a deficit of $68.3 billion'."""
    amount = usd_bn_from_millions(abs(row["balance_musd"]))
    return (tr("a deficit of {amount}") if row["balance_musd"] < 0 else tr("a surplus of {amount}")).format(amount=amount)


def balance_description(latest: pd.Series, deepest: pd.Series) -> str:
    """'The goods balance was deepest in 2006, a deficit of $88.4 billion, and was a deficit of $64.4 billion in 2025; …'."""
    return tr(
        "The U.S. goods balance with Japan was deepest in {deepest_year}, {deepest}, and was {latest} in {latest_year}; "
        "hollow points are other vintages and reported figures."
    ).format(deepest_year=int(deepest["year"]), deepest=deficit(deepest), latest=deficit(latest), latest_year=int(latest["year"]))


def signed_usd_bn(balance_musd: float) -> str:
    """A balance as the chart's axis reads it, short: -64448.1 -> '−$64.4bn' (a true minus sign; in another language
    the amount as ``text.usd_bn`` writes it there, Japanese '−644億ドル')."""
    sign = "−" if balance_musd < 0 else ""
    if not _in_english():
        return f"{sign}{text.usd_bn(abs(balance_musd) / 1000)}"
    return f"{sign}${abs(balance_musd) / 1000:,.1f}bn"


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
    return tr("Cars were {share} of U.S. imports from Japan in {year}").format(
        share=text.fraction(latest["cars_share_pct"]), year=int(latest["year"])
    )


def share_subtitle(shares: pd.DataFrame) -> str:
    span = text.year_span(shares["year"])
    return tr("U.S. car imports from Japan as a share of all U.S. goods imports from Japan, %, {span} (derived)").format(span=span)


def share_description(low: pd.Series, high: pd.Series, latest: pd.Series) -> str:
    return tr(
        "Cars' share of U.S. goods imports from Japan ranged from {low} in {low_year} to {high} in {high_year}, and was "
        "{latest} in {latest_year}."
    ).format(
        low=share(low["cars_share_pct"]),
        low_year=int(low["year"]),
        high=share(high["cars_share_pct"]),
        high_year=int(high["year"]),
        latest=share(latest["cars_share_pct"]),
        latest_year=int(latest["year"]),
    )


# The tariff-bill calculator


def import_base(base: pd.Series) -> str:
    """The calculator's base with what it is: 'US imports of cars from Japan in 2024: $39.9 billion, per …'."""
    return tr("{metric} in {period}: {value}, per {basis}").format(
        metric=tr(base["metric"]), period=base["period"], value=usd_bn_from_millions(base["value"]), basis=tr(base["reporter_basis"])
    )


def bill_title(bill: pd.DataFrame) -> str:
    """'At 27.5%, yearly duty on Japanese cars would be about $11 billion' (the largest bill)."""
    top = bill.loc[bill["duty_owed"].idxmax()]
    fields = {"rate": pct(top["rate_pct"]), "amount": text.about_usd_bn(top["duty_owed"] / 1000)}
    return chartlint.fitting_title(
        tr("At {rate}, yearly duty on Japanese cars would be {amount}").format(**fields),
        tr("At {rate}, duty on Japanese cars would be {amount}").format(**fields),
    )


def bill_subtitle(base: pd.Series) -> str:
    return tr("Duty owed on {period}'s U.S. car imports from Japan at each rate, billion USD per year").format(period=base["period"])


def bill_description(bill: pd.DataFrame, base: pd.Series) -> str:
    """'On $39.9 billion of car imports in 2024, the duty would be about $1 billion at 2.5%, …, assuming …'."""
    each = tr(", ").join(
        tr("{amount} at {rate}").format(amount=text.about_usd_bn(row["duty_owed"] / 1000), rate=pct(row["rate_pct"]))
        for _, row in bill.iterrows()
    )
    return tr("On {base} of car imports in {period}, the yearly duty would be {each}, assuming no change in volume or price.").format(
        base=usd_bn_from_millions(base["value"]), period=base["period"], each=each
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
    return figure if exact else tr("about {figure}").format(figure=figure)


def forecast(row: pd.Series) -> str:
    """A cost forecast with its period: 'over ¥2.5 trillion for FY2025 (Apr 2025-Mar 2026)'."""
    return tr("{figure} for {period}").format(figure=yen_figure(row), period=tr(row["fiscal_period"]))


def actual(row: pd.Series) -> str:
    """An actual cost with its period and when it was reported: 'about ¥2.1 trillion for Apr-Dec 2025, reported 12 February 2026'."""
    return tr("{figure} for {period}, reported {date}").format(
        figure=yen_figure(row), period=tr(row["fiscal_period"]), date=text.reader_date(row["announcement_date"])
    )


def costs_title(largest: pd.Series) -> str:
    """ "Toyota's latest tariff-cost forecast is the largest, at ¥1.45 trillion"."""
    company = tr(largest["company"])
    return chartlint.fitting_title(
        tr("{company}'s latest tariff-cost forecast is the largest, at {figure}").format(company=company, figure=yen_figure(largest)),
        tr("{company}'s tariff-cost forecast is the largest").format(company=company),
    )


def costs_subtitle(costs: pd.DataFrame) -> str:
    months = pd.to_datetime(costs["announcement_date"].str.slice(0, 7), format="%Y-%m")
    return tr("Tariff costs Japanese carmakers reported, billion yen, by month announced, {months}").format(
        months=month_span(months.min(), months.max())
    )


def costs_description(largest: pd.Series) -> str:
    return tr(
        "{company}'s latest forecast, {figure} for {period}, announced {date}, is the largest of the makers' latest forecasts; "
        "circles are forecasts, squares actual costs for the period stated."
    ).format(
        company=tr(largest["company"]),
        figure=yen_figure(largest),
        period=tr(largest["fiscal_period"]),
        date=text.reader_date(largest["announcement_date"]),
    )


def costs_labels(largest: pd.Series) -> pd.DataFrame:
    """The direct label of the figure the title names: 'Toyota, latest forecast' over '¥1.45 trillion'."""
    return pd.DataFrame(
        {
            "announcement_date": [largest["announcement_date"]],
            "value_jpy_bn": [largest["value_jpy_bn"]],
            "label": [tr("{company}, latest forecast\n{figure}").format(company=tr(largest["company"]), figure=yen_figure(largest))],
        }
    )


def costs_finding(seven_forecast: pd.Series, seven_actual: pd.Series) -> str:
    """'Japan's major carmakers together forecast over ¥2.5 trillion in tariff costs for …; their actual costs …'
    (how many makers the combined figure covers is the data's label, not a count this page states)."""
    return tr(
        "Japan's major carmakers together forecast {forecast} in tariff costs for {forecast_period}; their actual costs for "
        "{actual_period} came to {actual}."
    ).format(
        forecast=yen_figure(seven_forecast),
        forecast_period=tr(seven_forecast["fiscal_period"]),
        actual_period=tr(seven_actual["fiscal_period"]),
        actual=yen_figure(seven_actual),
    )


# The news report's checks

# The check's columns, named in words (the shared table code translates a header at render time).
CLAIM, SHOWN, VERDICT = N_("The report said (paraphrased)"), N_("What the data show"), N_("Verdict")


def japan_share_range(japan_shares: pd.DataFrame) -> str:
    """Japan's latest reported shares: '28.3% to 30% of Japan's exports to the U.S. in 2024, by what each report counts'."""
    latest_period = japan_shares["period"].max()
    latest = japan_shares[japan_shares["period"] == latest_period]["value"]
    if latest.min() == latest.max():
        return tr("{share} of Japan's exports to the U.S. in {period}").format(share=pct(latest.min()), period=latest_period)
    return tr("{low} to {high} of Japan's exports to the U.S. in {period}, by what each report counts").format(
        low=pct(latest.min()), high=pct(latest.max()), period=latest_period
    )


def g7_timing(before_g7: pd.Series, deal: pd.Series) -> str:
    """What the data show about the G7 claim, and no more: the round recorded as aiming at a deal at the summit, the
    round recorded as reaching the deal, and that the summit's own date is not in the data (its timing is reported)."""
    return tr(
        "Round {round} ({dates}) {milestone}; the data give the summit no date, so that it came after this round is reported, "
        "not derived. The deal came in round {deal_round} ({deal_dates}); the data do not record what the leaders agreed at the summit"
    ).format(
        round=before_g7["round"],
        dates=text.date_span(before_g7["start_date"], before_g7["end_date"]),
        milestone=tr(tables.MILESTONES[tables.BEFORE_G7]),
        deal_round=deal["round"],
        deal_dates=text.date_span(deal["start_date"], deal["end_date"]),
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
        "round": tr("Round {round}, {dates}, {location}: {outcome}").format(
            round=reported["round"],
            dates=text.date_span(reported["start_date"], reported["end_date"]),
            location=tr(reported["location"]),
            outcome=tr(reported["outcome"]),
        ),
        "deficit": tr(
            "U.S. goods deficit with Japan: {before} in {before_year}, {latest} in {latest_year} (Census, consistent series)"
        ).format(
            before=usd_bn_from_millions(-before["balance_musd"]),
            before_year=int(before["year"]),
            latest=usd_bn_from_millions(-latest["balance_musd"]),
            latest_year=int(latest["year"]),
        ),
        "autos": tr("Autos were {shares} (see the table below)").format(shares=japan_share_range(japan_shares)),
        "g7": g7_timing(before_g7, deal),
    }
    checks = pd.DataFrame(
        [
            {
                CLAIM: tr(str(claimed.loc[role, "claim"]).rstrip(".")),
                SHOWN: shown[role],
                VERDICT: tr(claimed.loc[role, "verdict"]),
            }
            for role in tables.NEWS_CLAIMS
        ]
    )
    return data.derived_from(checks, rounds, series, japan_shares, claims)
