"""The rows page 'ev_emissions' picks by id: check-data names any a data folder lacks, and this page."""

NEEDED = {
    "lifecycle_parameters": {
        "parameter_id": (
            "gasoline_combustion_co2_factor",
            "prius_18_hev_fuel_economy_wltc",
            "prius_20_hev_fuel_economy_wltc",
            "sakura_electricity_consumption_wltc",
            "sakura_real_world_consumption",
            "sakura_battery_capacity",
            "kei_petrol_real_world_fuel_economy",
            "battery_manufacturing_emissions_range",
            "battery_manufacturing_emissions_per_km",
            "grid_threshold_bev_beats_hev",
            "gasoline_upstream_ghg_korea",
            "gasoline_upstream_ghg_alternative",
            "gasoline_lower_heating_value_japan",
            "japan_lca_prius_versions",
            "ev_charging_losses_11kw",
            "japan_grid_td_losses_2014",
            "car_lifetime_ecoinvent",
            "car_lifetime_nansai_2002",
            "car_lifetime_tcs",
            "use_phase_co2_sakura_on_japan_2024_grid_wltc",
        ),
    },
    "electricity": {
        "dataset": (
            "ember_carbon_intensity",
            "iea_co2_intensity",
            "ember_generation_mix",
            "isep_generation_mix",
        ),
        "measure_id": (
            "utility_co2_factor",
            "household_electricity_price",
        ),
    },
    "prices": {
        "dataset": (
            "anre_household_unit_price",
            "nikkei_household_bills_2022",
            "anre_gasoline_annual_mean",
        ),
        "measure_id": (
            "household_electricity_price",
            "household_electricity_subsidy",
        ),
    },
}
