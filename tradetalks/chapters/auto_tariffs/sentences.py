"""The page's prose from the data: the phrases glued into its text and the news report's checks."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from tradetalks import data
from tradetalks.text import pct, usd_bn_from_millions, yen_bn

from . import tables


def rates(rates_pct: Iterable[float]) -> str:
    """'2.5%, 27.5%, 15%'."""
    return ", ".join(pct(rate) for rate in rates_pct)


def years(year_from: int, year_to: int) -> str:
    """'1985–2025'."""
    return f"{year_from}–{year_to}"


def deficit_years(in_range: pd.DataFrame) -> str:
    """How often the U.S. ran a deficit in the years shown: 'in every year' or 'in 30 of the 41 years'."""
    deficits = in_range["balance_musd"] < 0
    return "in every year" if deficits.all() else f"in {deficits.sum()} of the {len(in_range)} years"


def share(share_pct: float) -> str:
    """A derived share to one decimal: 27.1 -> '27.1%'."""
    return f"{share_pct:.1f}%"


def import_base(base: pd.Series) -> str:
    """The calculator's base with what it is: '$39.9 billion (metric, 2024, reporter)'."""
    return f"{usd_bn_from_millions(base['value'])} ({base['metric']}, {base['period']}, {base['reporter_basis']})"


def forecast(row: pd.Series) -> str:
    """A cost forecast with its period: '¥2,500 billion (FY2025)'."""
    return f"{yen_bn(row['value_jpy_bn'])} ({row['fiscal_period']})"


def actual(row: pd.Series) -> str:
    """An actual cost with its period and when it was reported."""
    return f"{yen_bn(row['value_jpy_bn'])} ({row['fiscal_period']}, reported {row['announcement_date']})"


def news_report_checks(rounds: pd.DataFrame, series: pd.DataFrame, japan_shares: pd.DataFrame) -> pd.DataFrame:
    """The news report's checkable background claims about its round, against the data."""
    reported = tables.news_report_round(rounds)
    before_g7, deal = tables.before_g7_and_deal(rounds)
    before, latest = tables.years_before_talks(series, rounds)
    widened = latest["balance_musd"] < before["balance_musd"]
    latest_share = japan_shares.sort_values("period").iloc[-1]
    checks = pd.DataFrame(
        [
            {
                "claim (paraphrased)": "The minister travels to Washington for a seventh round focused on auto tariffs",
                "what the data shows": f"Round {reported['round']}: {reported['start_date']} to {reported['end_date']}, {reported['location']}; outcome: {reported['outcome']}",
                "verdict": "supported",
            },
            {
                "claim (paraphrased)": "The talks unfold against a widening U.S. trade deficit",
                "what the data shows": (
                    f"U.S. goods deficit with Japan {int(before['year'])}: {-before['balance_musd'] / 1000:,.1f} bn USD; "
                    f"{int(latest['year'])}: {-latest['balance_musd'] / 1000:,.1f} bn USD (Census, consistent series)"
                ),
                "verdict": "supported" if widened else "not supported: the deficit narrowed in the last full year before the talks",
            },
            {
                "claim (paraphrased)": "Automobiles are a critical part of Japan's exports (to the U.S.)",
                "what the data shows": f"{latest_share['metric']}, {latest_share['period']}: {latest_share['value']:g}% ({latest_share['reporter_basis']})",
                "verdict": "supported",
            },
            {
                "claim (paraphrased)": "The leaders met at the G7 summit without reaching a binding deal",
                "what the data shows": f"Round {before_g7['round']} aimed at a deal at the G7: {before_g7['outcome']}; notes: {before_g7['notes']}",
                "verdict": f"consistent with the data (the deal came in round {deal['round']})",
            },
        ]
    )
    return data.derived_from(checks, rounds, series, japan_shares)
