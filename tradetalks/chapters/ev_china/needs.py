"""The rows page 'ev_china' picks by id: check-data names any a data folder lacks, and this page."""

NEEDED = {
    "ev_policy_targets": {
        "target_id": (
            "tokyo_2030_non_gasoline_cars",
            "tokyo_2030_enforcement",
            "japan_2035_electrified_sales",
            "tokyo_zev_definition",
            "tokyo_fy2019_baseline",
            "tokyo_2030_earlier_target_nikkei",
            "tokyo_2030_zev_paris_statement",
            "japan_2035_suga_speech",
        ),
    },
    "battery_supply_chain": {
        "figure_id": (
            "china_cell_capacity_2023",
            "china_batteries_sold_2024",
            "china_magnet_manufacturing_2024",
            "drc_cobalt_mining_2023",
            "indonesia_nickel_mining_2023",
            "china_nickel_refining_2023",
            "china_cathode_capacity_2023",
            "china_anode_capacity_2023",
        ),
        "stage_id": (
            "mines",
            "cells",
            "magnets",
        ),
    },
    "battery_makers": {
        "counted": ("one_maker",),
    },
    "automaker_sales": {
        "measure_id": (
            "byd_nev_sales",
            "byd_bev_passenger_sales",
            "byd_bev_sales",
            "byd_overseas_sales",
            "byd_entry_model_price",
            "byd_vehicle_sales_unclear_scope",
            "tesla_deliveries",
            "toyota_lexus_sales",
            "toyota_bev_sales",
            "toyota_hev_sales",
        ),
    },
    "china_share_global_ev": {
        "measure_id": ("ev_sales",),
    },
    "ev_sales_share": {
        "part_of_year": ("full_year",),
        "powertrain_id": (
            "ev",
            "bev",
            "phev",
            "ice",
        ),
    },
    "ev_sales_volume": {
        "powertrain_id": ("ev",),
    },
    "ev_battery_demand": {
        "mode_id": ("cars",),
    },
    # the essay's claims this page checks: it shows the claims page's verdict on each
    "claims": {"claim_id": ("essay-rush", "essay-china-parts", "essay-byd", "essay-tokyo-2030", "essay-us-motive")},
}
