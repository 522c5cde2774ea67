"""Reader headers of the columns this page derives (see tradetalks.columns).

Names that a data table also uses (``units``, ``segment``, ``maker``) are renamed in the page's reader frames, so a
header never borrows a schema title that means something else here.
"""

from tradetalks.columns import Column

COLUMNS = {
    # the market split
    "market_bar": Column("Bar"),
    "market_segment": Column("Segment"),
    "new_vehicles": Column("New vehicles", 0),
    "share_of_bar_pct": Column("Share of the bar (%)", 1),
    "share_of_new_vehicles_pct": Column("Share of all new vehicles (%)", 2),
    "how_obtained": Column("How the figure was obtained"),
    "reported_by": Column("Reported by"),
    # the kei share
    "kei_units": Column("Kei vehicles sold", 0),
    "all_units": Column("All new vehicles sold (registered + kei)", 0),
    "kei_share_pct": Column("Kei share (%)", 1),
    "kei_share_basis": Column("Derived or stated"),
    "stated_totals": Column("Totals stated by sources (vehicles)"),
    # brands
    "brand_group": Column("Brand's origin"),
    "brand_note": Column("Note"),
    # sizes
    "model_drawn": Column("Model"),
    "model_kind": Column("Kind of model"),
    "model_size_mm": Column("Length × width × height (mm)"),
    "fits_parking_space": Column("Fits a mechanical-parking space?"),
    "fits_small_car_class": Column("Within the small-car class?"),
    "fits_kei_class": Column("Within the kei class?"),
    "specification_years": Column("Spec year(s)"),
    # claims
    "stance_label": Column("Stance"),
    # Jeep, GM, Ford
    "calendar_year": Column("Calendar year"),
    "us_maker": Column("U.S. maker"),
    "vehicles_sold": Column("Vehicles sold in Japan", 0),
    # dealer networks and steering
    "network_topic": Column("Topic"),
    "network_measure": Column("What is reported"),
    "network_value": Column("Reported value"),
}
