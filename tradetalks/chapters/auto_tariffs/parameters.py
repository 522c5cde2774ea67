"""The page's parameters, declared once (they write the template's parameters cell), and their checks."""

from __future__ import annotations

from collections.abc import Iterable

from tradetalks import params
from tradetalks.i18n import N_
from tradetalks.params import Parameter, ParameterError

PARAMETERS: tuple[Parameter, ...] = (
    params.DATA_DIR,
    Parameter("rates_pct", None, N_("tariff rates (%) for the calculator, e.g. [2.5, 25]; None means the rates in force in the data")),
    Parameter(
        "import_base",
        None,
        N_(
            'year of U.S. car imports from Japan for the calculator, e.g. 2018 (the consistent series), or "2018:as_reported" '
            "(another compilation); None means the latest year"
        ),
    ),
    Parameter("year_from", None, N_("first year of the trade-balance chart; None means the first year in the data")),
    Parameter("year_to", None, N_("last year of the trade-balance chart; None means the last full year in the data")),
)


def check_parameters(
    rates_pct: object, year_from: int | None, year_to: int | None, trade_years: list[int]
) -> tuple[list[float] | None, int, int]:
    """The calculator's rates (None: the data's) and the chart's years, checked; missing years default to the data's range."""
    rates = params.check_rates("rates_pct", params.as_list("rates_pct", rates_pct)) if rates_pct is not None else None
    year_from = min(trade_years) if year_from is None else year_from
    year_to = max(trade_years) if year_to is None else year_to
    params.check_year_range(year_from, year_to, trade_years)
    return rates, year_from, year_to


def check_import_base(base_id: object, valid_ids: Iterable[str]) -> str:
    """``import_base`` as the id of an import-base row: a year ("2024") or a year and a series ("2018:as_reported")."""
    if isinstance(base_id, bool) or not isinstance(base_id, (str, int)):
        raise ParameterError(f"import_base must be a year such as 2024, or a year and a series such as '2018:as_reported'; got {base_id!r}")
    return params.check_choice("import_base", str(base_id), valid_ids)
