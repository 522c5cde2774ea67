"""The duty chart, published whole: the chapter shows it, and the home page shows it as the site's one figure."""

from __future__ import annotations

import pandas as pd

from tradetalks import charts as publishing

from . import charts, sentences, tables


def duty_figure(timeline: pd.DataFrame) -> publishing.Figure:
    """The U.S. duty on a Japanese car around its 2025 changes, with its takeaway title, labels and sources."""
    steps = tables.us_car_rate_steps(timeline)
    changes = tables.rate_changes(steps)
    peak, deal = tables.peak_and_deal(changes)
    window = tables.focus_window(steps)
    line = tables.step_line(steps, *window)
    start_rate = line["rate_pct"].iloc[0]
    in_window = tables.steps_in_window(steps, *window)
    labels = sentences.duty_labels(window[0], start_rate, tables.moves(changes).iloc[0], peak, deal)
    return publishing.publish(
        charts.rate_step_chart(line, in_window, labels, window),
        data=tables.steps_shown(in_window),
        evidence=[steps],
        name="us_duty_on_japanese_cars",
        title=sentences.duty_title(start_rate, peak, deal),
        subtitle=sentences.duty_subtitle(window),
        description=sentences.duty_description(start_rate, peak, deal),
    )
