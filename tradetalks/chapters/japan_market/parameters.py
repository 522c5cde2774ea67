"""The page's parameters, declared once, and their checks (unknown ids stop the run, listing the valid ones); each
parameter's help is a message (the "Rerun this chapter" box shows it translated)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from tradetalks import params
from tradetalks.i18n import N_
from tradetalks.params import Parameter, ParameterError

from .sizes import DEFAULT_MODELS, valid_models
from .tables import brand_years, default_brands, default_year, valid_brands

PARAMETERS: tuple[Parameter, ...] = (
    params.DATA_DIR,
    Parameter(
        "year",
        None,
        N_("calendar year for the market split and the brand comparison; None means the latest year with German and U.S. brand figures"),
    ),
    Parameter(
        "brands",
        None,
        N_(
            'brand ids to compare, e.g. ["mercedes_benz", "jeep", "ford"] (a wrong id lists every id with its brand); '
            "None means the German and U.S. brands with a figure that year"
        ),
    ),
    Parameter(
        "models",
        None,
        N_(
            'model ids for the size picture, e.g. ["honda_n_box", "ford_f_150"] (a wrong id lists every id with its model); '
            "None means a default set of current models"
        ),
    ),
)


def check_parameters(
    year: int | None,
    brands: Sequence[str] | str | None,
    models: Sequence[str] | str | None,
    by_brand: pd.DataFrame,
    structural: pd.DataFrame,
) -> tuple[int, list[str], list[str]]:
    """Validate the chapter's parameters; defaults come from the data.

    ``brands`` (brand_ids) and ``models`` (item_ids) may also arrive as text (``papermill -p brands '["jeep"]'`` passes a
    string): a list literal is read as a list, any other text as one id.
    """
    if brands is not None:
        brands = params.check_choices("brands", params.as_list("brands", brands), valid_brands(by_brand))
    if year is None:
        year = default_year(by_brand)
    elif isinstance(year, bool) or not isinstance(year, int):
        raise ParameterError(f"year must be a whole calendar year, e.g. 2024; got {year!r}")
    available = brand_years(by_brand, brands)
    if year not in available:
        which = "the chosen brands" if brands is not None else "any brand"
        raise ParameterError(f"year={year} has no brand figures for {which}; years with figures: {', '.join(map(str, available))}")
    if brands is None:
        brands = default_brands(by_brand, year)
    if models is None:
        models = list(DEFAULT_MODELS)
    else:
        models = params.check_choices("models", params.as_list("models", models), valid_models(structural))
    return year, list(brands), list(models)
