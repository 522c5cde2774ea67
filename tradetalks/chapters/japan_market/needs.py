"""The rows page 'japan_market' picks by id: check-data names any a data folder lacks, and this page."""

NEEDED = {
    "japan_import_sales_by_brand": {
        "brand_id": (
            "us_brands",
            "jeep",
            "chevrolet",
            "cadillac",
            "ford",
            "gm_brands",
        ),
    },
    "structural_factors": {
        "item_id": (
            "kei_car",
            "small_car",
            "mechanical_parking_typical",
            "registered_vehicles",
            "storage_place",
            "public_road_network",
            "imported_registered_cars",
            "jeep_japan",
            "ford_japan",
            "yanase_gm_outlets",
            "jeep_all_models",
            "cadillac_lineup_before_lyriq",
            "honda_n_box",
            "toyota_yaris",
            "toyota_camry",
            "toyota_highlander",
            "toyota_tundra",
            "ford_f_150",
        ),
    },
    "nontariff_barrier_claims": {
        "claim_id": (
            "C06",
            "C08",
            "C09",
            "C10",
            "C25",
            "C31",
            "C34",
            "C35",
        ),
    },
}
