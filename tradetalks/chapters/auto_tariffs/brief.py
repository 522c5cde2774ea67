"""The chapter's "In brief": three findings computed from the data by the functions the chapter itself uses."""

from __future__ import annotations

from tradetalks import data
from tradetalks.findings import Finding

from . import sentences, tables

# The MyST labels of the sections that show each finding (set in notebooks/auto_tariffs.ipynb).
DUTY_SECTION, ROUNDS_SECTION, COSTS_SECTION = "auto-tariffs-duty-steps", "auto-tariffs-rounds", "auto-tariffs-carmakers"


def in_brief(data_dir: str | None = None) -> list[Finding]:
    """The duty's rise and settlement (the key finding), the rounds before the framework deal, the carmakers' costs."""
    timeline = data.load_table("tariff_timeline", data_dir)
    rounds = data.load_table("negotiation_rounds", data_dir)
    impact = data.load_table("automaker_tariff_impact", data_dir)

    steps = tables.us_car_rate_steps(timeline)
    changes = tables.rate_changes(steps)
    peak, deal = tables.peak_and_deal(changes)
    start, _ = tables.focus_window(steps)
    duty = sentences.duty_finding(tables.rate_in_force(steps, start), peak, deal)

    framework = tables.framework_agreement(timeline)
    talks = sentences.rounds_finding(tables.rounds_before(rounds, framework["date"]), tables.numbered_rounds(rounds), framework["date"])

    forecast, actual = tables.latest_forecast_and_actual(tables.seven_makers(tables.automaker_costs(impact)))
    costs = sentences.costs_finding(forecast, actual)
    return [Finding(duty, DUTY_SECTION), Finding(talks, ROUNDS_SECTION), Finding(costs, COSTS_SECTION)]
