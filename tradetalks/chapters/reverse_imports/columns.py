"""Reader headers of the columns this page derives (see tradetalks.columns; marked for the catalogs, translated where a table is drawn)."""

from tradetalks.columns import Column
from tradetalks.i18n import N_

COLUMNS = {
    # the programmes
    "programme_years": Column(N_("Years")),
    "programme": Column(N_("Programme")),
    "built": Column(N_("U.S.-built or comparator")),
    "figure_as_stated": Column(N_("In words, with the source's qualifier")),
    "calendar_years_of_sales": Column(N_("Calendar years of sales (derived)"), 0),
    "average_sold_annually": Column(N_("Average sold a year (derived)"), 0),
    "sold_share_of_target_pct": Column(N_("Average sold a year, % of the yearly target (derived)"), 0),
    "target_over_sales_period": Column(N_("Yearly target × calendar years of sales (vehicles, derived)"), 0),
    # the scale
    "vehicles_counted": Column(N_("What is counted")),
    "annual_vehicles": Column(N_("Vehicles a year"), 0),
    "source_qualifier": Column(N_("Source's qualifier")),
    # the deficit
    "deficit_figure": Column(N_("Figure")),
    "deficit_usd_bn": Column(N_("Deficit (billion USD)"), 1),
    "deficit_measure": Column(N_("What it measures")),
    "deficit_as_reported": Column(N_("As reported")),
    "deficit_years": Column(N_("Years with a figure")),
    "used_here": Column(N_("Used by the calculator")),
    "published_by": Column(N_("Published by")),
    # the calculator
    "compared_with": Column(N_("Figure")),
    "reference_period": Column(N_("Period")),
    "reference_vehicles": Column(N_("Vehicles"), 0),
    "figure_kind": Column(N_("Kind of figure")),
    "cars_needed_multiple": Column(N_("Cars needed ÷ this figure (derived)"), 1),
    "price_usd": Column(N_("Price per car (USD)"), 0),
    "cars_needed": Column(N_("Cars needed a year (derived)"), 0),
    "offset_share": Column(N_("Share of the deficit offset"), 2),
}
