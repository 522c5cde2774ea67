"""Reader headers of the columns this page derives (see tradetalks.columns).

Titles are messages (``N_``): the shared table code translates them when it shows them.

Names that a data table also uses (``units``, ``segment``, ``maker``) are renamed in the page's reader frames, so a
header never borrows a schema title that means something else here.
"""

from tradetalks.columns import Column
from tradetalks.i18n import N_

COLUMNS = {
    # the market split
    "market_bar": Column(N_("Bar")),
    "market_segment": Column(N_("Segment")),
    "new_vehicles": Column(N_("New vehicles"), 0),
    "share_of_bar_pct": Column(N_("Share of the bar (%)"), 1),
    "share_of_new_vehicles_pct": Column(N_("Share of all new vehicles (%)"), 2),
    "how_obtained": Column(N_("How the figure was obtained")),
    "reported_by": Column(N_("Reported by")),
    # the kei share
    "kei_units": Column(N_("Kei vehicles sold"), 0),
    "all_units": Column(N_("All new vehicles sold (registered + kei)"), 0),
    "kei_share_pct": Column(N_("Kei share (%)"), 1),
    "kei_share_basis": Column(N_("Derived or stated")),
    "stated_totals": Column(N_("Totals stated by sources (vehicles)")),
    # brands
    "brand_group": Column(N_("Brand's origin")),
    "brand_note": Column(N_("Note")),
    # sizes
    "model_drawn": Column(N_("Model")),
    "model_kind": Column(N_("Kind of model")),
    "model_size_mm": Column(N_("Length × width × height (mm)")),
    "fits_parking_space": Column(N_("Fits a mechanical-parking space?")),
    "fits_small_car_class": Column(N_("Within the small-car class?")),
    "fits_kei_class": Column(N_("Within the kei class?")),
    "specification_years": Column(N_("Spec year(s)")),
    # claims
    "stance_label": Column(N_("Stance")),
    # Jeep, GM, Ford
    "calendar_year": Column(N_("Calendar year")),
    "us_maker": Column(N_("U.S. maker")),
    "vehicles_sold": Column(N_("Vehicles sold in Japan"), 0),
    # dealer networks and steering
    "network_topic": Column(N_("Topic")),
    "network_measure": Column(N_("What is reported")),
    "network_value": Column(N_("Reported value")),
}
