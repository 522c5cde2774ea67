"""The reverse-imports page's parameters, declared once, and the checks that turn them into the calculator's inputs."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from tradetalks import params
from tradetalks.i18n import N_, tr
from tradetalks.params import Parameter, ParameterError

from .tables import CENSUS, DEFAULT_PRICE_METRIC, ORIGINAL_KEY_COLUMN, deficit_source_choices, price_rows, year_list

PARAMETERS: tuple[Parameter, ...] = (
    params.DATA_DIR,
    # the help is a message: the page's "Rerun this chapter" box shows it (translated there)
    Parameter("deficit_year", None, N_("year of the deficit figure; None means the latest year the chosen source has")),
    Parameter(
        "deficit_source",
        CENSUS,
        N_(
            "census: the consistent Census series of the tariffs chapter; or the source of another deficit figure "
            "(an unknown one lists them all)"
        ),
    ),
    Parameter(
        "price_usd",
        None,
        N_(
            "USD per car. None means the latest KBB average transaction price in the data; "
            "or the name of another car price in the data (an unknown one lists them all); or a number (a scenario)"
        ),
    ),
    Parameter("offset_share", 1.0, N_("share of the deficit to offset, from 0 to 1 (1 means all of it, to balance the numbers)")),
)


def check_share(offset_share: object) -> float:
    """The share of the deficit to offset: a number from 0 to 1."""
    if isinstance(offset_share, bool) or not isinstance(offset_share, (int, float)) or not math.isfinite(offset_share):
        raise ParameterError(f"offset_share must be a number from 0 to 1 (0.5 = half the deficit); got {offset_share!r}")
    if not 0 <= offset_share <= 1:
        raise ParameterError(
            f"offset_share={offset_share!r} is out of range: it must be between 0 and 1 (0.5 = half the deficit, 1 = all of it)"
        )
    return float(offset_share)


def choose_price(prices: pd.DataFrame, price_usd: object) -> pd.Series:
    """The price per car: a data row (None = the latest KBB average transaction price, or a metric name) or a scenario number."""
    rows = price_rows(prices)
    names = rows["metric"].tolist()
    if price_usd is None or isinstance(price_usd, str):
        metric = DEFAULT_PRICE_METRIC if price_usd is None else params.check_choice("price_usd", price_usd, names)
        row = rows[rows["metric"] == metric].iloc[0]
        return pd.Series(
            {
                "price_usd": float(row["value"]),
                "kind": "from data",
                "label": row["label"],
                "period": row["period"],
                "metric": metric,
                "source_key": row["source_key"],
                ORIGINAL_KEY_COLUMN: row[ORIGINAL_KEY_COLUMN],
            }
        )
    if isinstance(price_usd, bool) or not isinstance(price_usd, (int, float)) or not math.isfinite(price_usd) or price_usd <= 0:
        raise ParameterError(
            f"price_usd must be a positive number of U.S. dollars per car (more than 0), None for the latest KBB average "
            f"transaction price, or one of {', '.join(map(repr, names))}; got {price_usd!r}"
        )
    return pd.Series(
        {
            "price_usd": float(price_usd),
            "kind": "scenario",
            "label": tr("a scenario price per car set for this run, not a figure from the data"),
            "period": "",
            "metric": "",
            "source_key": pd.NA,
            ORIGINAL_KEY_COLUMN: pd.NA,
        }
    )


def _census_first(source: str) -> tuple[bool, str]:
    return source != CENSUS, source


def choose_deficit(options: pd.DataFrame, deficit_year: object, deficit_source: str) -> pd.Series:
    """The deficit figure for a year from a source; by default the source's latest year. A wrong source
    gets the valid values, each with its publisher and years (the page's table names publishers only)."""
    if deficit_source not in set(options["deficit_source"]):
        listed = ", ".join(f"{source!r} ({described})" for source, described in deficit_source_choices(options).items())
        raise ParameterError(f"deficit_source={deficit_source!r} is not available; valid values: {listed}")
    rows = options[options["deficit_source"] == deficit_source]
    years = rows["year"].tolist()
    if deficit_year is None:
        return rows.sort_values("year").iloc[-1]
    if isinstance(deficit_year, bool) or not isinstance(deficit_year, (int, np.integer)):
        raise ParameterError(f"deficit_year must be a whole year, e.g. {max(years)}; got {deficit_year!r}")
    if deficit_year not in years:
        others = sorted(options.loc[options["year"] == deficit_year, "deficit_source"], key=_census_first)
        elsewhere = f"; sources with a figure for {deficit_year}: {', '.join(map(repr, others))}" if others else ""
        raise ParameterError(
            f"deficit_year={deficit_year} has no deficit figure from deficit_source={deficit_source!r}; "
            f"years with a figure: {year_list(years)}{elsewhere}"
        )
    return rows[rows["year"] == deficit_year].iloc[0]


def check_parameters(
    options: pd.DataFrame, prices: pd.DataFrame, deficit_year: object, deficit_source: str, price_usd: object, offset_share: object
) -> tuple[pd.Series, pd.Series, float]:
    """Validate the page's parameters; return the deficit row, the price row and the share."""
    share = check_share(offset_share)
    price = choose_price(prices, price_usd)
    deficit = choose_deficit(options, deficit_year, deficit_source)
    return deficit, price, share
