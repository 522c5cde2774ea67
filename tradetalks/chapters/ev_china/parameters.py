"""The page's parameters, declared once, and their checks against the data."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from tradetalks import params
from tradetalks.params import Parameter

from . import tables

DEFAULT_COUNTRIES = ["World", "China", "Europe", "United States", "Japan", "Norway"]

PARAMETERS: tuple[Parameter, ...] = (
    params.DATA_DIR,
    Parameter(
        "countries",
        None,
        f"countries and regions for the sales-share chart; None means {', '.join(DEFAULT_COUNTRIES)}",
    ),
    Parameter("year_from", None, "first year of the sales-share and China-share charts; None means the first year in the data"),
    Parameter("year_to", None, "last year of those charts; None means the last year in the data"),
    Parameter("powertrain", "EV", 'what the sales-share chart counts: "EV" (BEV+PHEV), "BEV" or "PHEV"'),
)


def check_parameters(
    share: pd.DataFrame, countries: Sequence[str] | str | None, year_from: int | None, year_to: int | None, powertrain: str
) -> tuple[list[str], int, int, str]:
    """Validate the chapter's parameters against the data; ``None`` means the data's default.

    Returns the countries (short names), the year range and the powertrain parameter. Raises
    ``ParameterError`` naming the valid values.
    """
    params.check_choice("powertrain", powertrain, list(tables.POWERTRAINS))
    chosen = params.check_choices(
        "countries",
        DEFAULT_COUNTRIES if countries is None else params.as_list("countries", countries),
        tables.available_countries(share),
    )
    years = tables.share_years(share)
    year_from = years[0] if year_from is None else year_from
    year_to = years[-1] if year_to is None else year_to
    params.check_year_range(year_from, year_to, years)
    return chosen, year_from, year_to, powertrain
