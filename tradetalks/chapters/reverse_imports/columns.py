"""Reader headers of the columns this page derives (see tradetalks.columns)."""

from tradetalks.columns import Column

COLUMNS = {
    # the programmes
    "programme_years": Column("Years"),
    "programme": Column("Programme"),
    "built": Column("U.S.-built or comparator"),
    "figure_as_stated": Column("In words, with the source's qualifier"),
    "calendar_years_of_sales": Column("Calendar years of sales (derived)", 0),
    "average_sold_annually": Column("Average sold a year (derived)", 0),
    "sold_share_of_target_pct": Column("Average sold a year, % of the yearly target (derived)", 0),
    "target_over_sales_period": Column("Yearly target × calendar years of sales (vehicles, derived)", 0),
    # the scale
    "vehicles_counted": Column("What is counted"),
    "annual_vehicles": Column("Vehicles a year", 0),
    "source_qualifier": Column("Source's qualifier"),
    # the deficit
    "deficit_figure": Column("Figure"),
    "deficit_usd_bn": Column("Deficit (billion USD)", 1),
    "deficit_measure": Column("What it measures"),
    "deficit_as_reported": Column("As reported"),
    "deficit_years": Column("Years with a figure"),
    "used_here": Column("Used by the calculator"),
    "published_by": Column("Published by"),
    # the calculator
    "compared_with": Column("Figure"),
    "reference_period": Column("Period"),
    "reference_vehicles": Column("Vehicles", 0),
    "figure_kind": Column("Kind of figure"),
    "cars_needed_multiple": Column("Cars needed ÷ this figure (derived)", 1),
    "price_usd": Column("Price per car (USD)", 0),
    "cars_needed": Column("Cars needed a year (derived)", 0),
    "offset_share": Column("Share of the deficit offset", 2),
}
