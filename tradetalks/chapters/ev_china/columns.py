"""Reader headers of the columns this page derives (see tradetalks.columns).

The names are the page's own (``supply_share_pct``, not ``share_pct``): a name means one thing on every page.
The titles are messages (``N_``): a table shows them in the page's language.
"""

from tradetalks.columns import AS_STATED, Column
from tradetalks.i18n import N_

COLUMNS = {
    "iea_edition": Column(N_("IEA edition")),
    "ev_figure_from": Column(N_("Figure from")),
    "iea_series_share_pct": Column(N_("IEA series, same year (%)"), 2),
    "china_share_figure": Column(N_("Figure")),
    "share_definition": Column(N_("Definition")),
    "supply_stage": Column(N_("Stage of the chain")),
    "supply_share_pct": Column(N_("Share of world total (%)"), AS_STATED),  # as each source states it: 85, 68.3
    "supply_measure": Column(N_("What the share counts")),
    "company_series": Column(N_("Series")),
    "company_vehicles": Column(N_("Vehicles sold or delivered"), 0),
    "source_publisher": Column(N_("Published by")),
    "target_and_year": Column(N_("Target, year")),
    "set_by_policy": Column(N_("Set by: policy")),
}
