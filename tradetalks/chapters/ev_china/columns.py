"""Reader headers of the columns this page derives (see tradetalks.columns).

The names are the page's own (``supply_share_pct``, not ``share_pct``): a name means one thing on every page.
"""

from tradetalks.columns import AS_STATED, Column

COLUMNS = {
    "iea_edition": Column("IEA edition"),
    "ev_figure_from": Column("Figure from"),
    "iea_series_share_pct": Column("IEA series, same year (%)", 2),
    "china_share_figure": Column("Figure"),
    "share_definition": Column("Definition"),
    "supply_stage": Column("Stage of the chain"),
    "supply_share_pct": Column("Share of world total (%)", AS_STATED),  # as each source states it: 85, 68.3
    "supply_measure": Column("What the share counts"),
    "company_series": Column("Series"),
    "company_vehicles": Column("Vehicles sold or delivered", 0),
    "source_publisher": Column("Published by"),
    "target_and_year": Column("Target, year"),
    "set_by_policy": Column("Set by: policy"),
}
