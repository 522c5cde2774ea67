"""The chapter's In brief: three findings computed by the same functions the chapter's prose uses.

The first, Japan's share of electric cars against the world's, is the chapter's key finding (the home
page shows it too). Each names the MyST label of the section that shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from tradetalks import data, findings

from . import parameters, sentences

RUSH_SECTION = "ev-china-rush"
CHAIN_SECTION = "ev-china-battery-chain"
TARGETS_SECTION = "ev-china-targets"


def in_brief(data_dir: str | None = None, countries: Sequence[str] | str | None = None) -> list[findings.Finding]:
    """Japan's EV share against the world's, ranked among the chart's markets (``countries``, the chapter's
    parameter; None means its default); where China holds the battery chain; what Tokyo's target counts."""
    share = data.load_table("ev_sales_share", data_dir)
    chosen = parameters.check_parameters(share, countries, None, None, "EV")[0]
    supply = data.load_table("battery_supply_chain", data_dir)
    targets = data.load_table("ev_policy_targets", data_dir)
    return [
        findings.Finding(sentences.brief_rush(share, chosen), RUSH_SECTION),
        findings.Finding(sentences.brief_chain(supply), CHAIN_SECTION),
        findings.Finding(sentences.brief_targets(targets), TARGETS_SECTION),
    ]
