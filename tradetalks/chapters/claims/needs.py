"""The rows page 'claims' picks by id: check-data names any a data folder lacks, and this page.

The page also reads rows the chapters register (the rounds, the tariff steps, the EV shares): it
calls those chapters' own functions for them.
"""

NEEDED = {
    "japan_import_sales_by_brand": {"brand_id": ("mercedes_benz",)},
    "structural_factors": {"item_id": ("mechanical_parking_typical", "ford_f_150")},
    "battery_supply_chain": {
        "figure_id": ("china_cell_capacity_2023", "china_magnet_manufacturing_2024", "china_nickel_refining_2023"),
    },
    "ev_policy_targets": {"target_id": ("tokyo_2030_non_gasoline_cars", "tokyo_2030_enforcement")},
    "automaker_sales": {"measure_id": ("tesla_deliveries", "byd_bev_passenger_sales")},
    "nontariff_barrier_claims": {"claim_id": ("C14",)},
    # the claims whose verdict a rule computes: each card reads its rule's threshold from its row
    "claims": {
        "claim_id": (
            "news-high-tariffs",
            "essay-since-trump",
            "essay-roads",
            "essay-byd",
            "essay-us-batteries",
            "essay-eco",
            "news-deficit",
            "news-autos-exports",
            "essay-china-parts",
            "essay-reverse",
            "essay-rush",
            "essay-buyers",
            "news-makers-in-us",
            "news-g7",
            "news-seventh-round",
            "news-investment",
            "essay-tokyo-2030",
        ),
    },
}
