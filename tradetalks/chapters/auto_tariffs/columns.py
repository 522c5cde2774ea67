"""Reader headers of the columns this page derives (see tradetalks.columns)."""

from tradetalks.columns import AS_STATED, Column

COLUMNS = {
    # the rounds of talks
    "round_label": Column("Round"),
    "round_dates": Column("Dates"),
    # the goods balance beside other figures for the same year
    "other_balance_musd": Column("Other figure for the balance (million USD)", 1),
    "other_status": Column("Status of the other figure"),
    "other_figure_by": Column("Other figure produced by"),
    # cars in U.S. imports from Japan (derived)
    "car_imports_musd": Column("U.S. car imports from Japan (million USD)", 0),
    "all_imports_musd": Column("All U.S. goods imports from Japan (million USD)", 1),
    "cars_share_pct": Column("Cars' share of U.S. goods imports from Japan (%)", 1),
    "autos_share_of_exports_pct": Column("Autos' share of Japan's exports to the U.S. (%)", AS_STATED),
    # the tariff-bill calculator (tradetalks.calc.tariff_bill)
    "duty_owed": Column("Duty owed per year (million USD)", 1),
    "change_vs_baseline": Column("Change against the first rate (million USD)", 1),
    "import_base_musd": Column("Import base: car imports in a year (million USD)", 1),
    "import_base": Column("Import base: year and compilation"),
    # the tariff calculator in the page (in_page.py): one car, at the sourced values
    "case": Column("Case"),
    "landed_thousand_usd": Column("Landed price of one car, duty paid (thousand USD)", 1),
    # the chapter's sources
    "produced_by": Column("Produced by (and where it was read)"),
}
