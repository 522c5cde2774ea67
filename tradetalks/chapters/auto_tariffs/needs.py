"""The rows page 'auto_tariffs' picks by id: check-data names any a data folder lacks, and this page."""

NEEDED = {
    "tariff_timeline": {
        "measure_id": (
            "us_car_mfn_baseline",
            "japan_car_duty_baseline",
            "framework_agreement_2025",
        ),
    },
    "negotiation_rounds": {
        "round_id": ("round_7",),
        "milestone": (
            "before_g7_summit",
            "deal_reached",
        ),
    },
    "claims": {
        "claim_id": (
            "news-seventh-round",
            "news-deficit",
            "news-autos-exports",
            "news-g7",
        ),
    },
    "japan_auto_exports_us": {
        "measure_id": (
            "us_car_imports_from_japan",
            "autos_share_of_japan_exports_to_us",
            "japan_car_exports_to_us_value",
            "japan_car_exports_to_us_units",
        ),
        "series": ("consistent",),
    },
    "trade_balance_and_prices": {"metric": ("yen_per_usd_annual_average",)},
}
