"""Reader headers of the columns this page derives (see tradetalks.columns)."""

from tradetalks.columns import AS_STATED, Column
from tradetalks.i18n import N_

COLUMNS = {
    # the rounds of talks
    "round_label": Column(N_("Round")),
    "round_dates": Column(N_("Dates")),
    # the goods balance beside other figures for the same year
    "other_balance_musd": Column(N_("Other figure for the balance (million USD)"), 1),
    "other_status": Column(N_("Status of the other figure")),
    "other_figure_by": Column(N_("Other figure produced by")),
    # cars in U.S. imports from Japan (derived)
    "car_imports_musd": Column(N_("U.S. car imports from Japan (million USD)"), 0),
    "all_imports_musd": Column(N_("All U.S. goods imports from Japan (million USD)"), 1),
    "cars_share_pct": Column(N_("Cars' share of U.S. goods imports from Japan (%)"), 1),
    "autos_share_of_exports_pct": Column(N_("Autos' share of Japan's exports to the U.S. (%)"), AS_STATED),
    # the tariff-bill calculator (tradetalks.calc.tariff_bill)
    "duty_owed": Column(N_("Duty owed per year (million USD)"), 1),
    "change_vs_baseline": Column(N_("Change against the first rate (million USD)"), 1),
    "import_base_musd": Column(N_("Import base: car imports in a year (million USD)"), 1),
    "import_base": Column(N_("Import base: year and compilation")),
    # the tariff calculator in the page (in_page.py): one car, at the sourced values
    "case": Column(N_("Case")),
    "landed_thousand_usd": Column(N_("Landed price of one car, duty paid (thousand USD)"), 1),
    # the chapter's sources
    "produced_by": Column(N_("Produced by (and where it was read)")),
}
