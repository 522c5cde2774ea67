"""Reader headers of the columns this page derives (see tradetalks.columns): words, the unit in brackets.

Numbers keep the precision of their inputs: a grid's intensity to a tenth of a gram, grams per km to
a tenth, prices as the sources state them (to the yen's hundredth), costs per km to a tenth of a yen.
"""

from tradetalks.columns import Column
from tradetalks.i18n import N_

COLUMNS = {
    # the grid
    "grid_g_per_kwh": Column(N_("Grid carbon intensity (g CO2(e) per kWh generated)"), 1),
    "generation_share_pct": Column(N_("Share of Japan's electricity generated (%)"), 2),
    "utilities_gco2_per_kwh_sold": Column(N_("Utilities' factor (g CO2 per kWh sold, fiscal year)"), 0),
    "ember_gco2e_per_kwh_generated": Column(N_("Ember's intensity (g CO2e per kWh generated, calendar year)"), 1),
    # grams per km of the three cars
    "use_phase_g_per_km": Column(N_("Use phase (g CO2(e) per km)"), 1),
    "battery_g_per_km": Column(N_("Battery manufacturing (g CO2 per km)"), 1),
    "total_g_per_km": Column(N_("Total (g CO2(e) per km)"), 1),
    "total_battery_low": Column(N_("Total, battery at ICCT's low end (g CO2(e) per km)"), 1),
    "total_battery_high": Column(N_("Total, battery at ICCT's high end (g CO2(e) per km)"), 1),
    "g_per_km": Column(N_("Emissions (g CO2(e) per km)"), 1),
    # the sensitivity: electric minus hybrid, battery included
    "output_low": Column(N_("Electric minus hybrid, input at its low value (g/km)"), 1),
    "output_high": Column(N_("Electric minus hybrid, input at its high value (g/km)"), 1),
    "swing_g_per_km": Column(N_("Swing between the two (g/km)"), 1),
    # prices and running costs
    "household_price_yen_per_kwh": Column(N_("Household electricity price (yen per kWh)"), 2),
    "electricity price (yen/kWh)": Column(N_("Electricity price (yen per kWh)"), 2),
    "electric (yen/km, derived)": Column(N_("Electric car (yen per km, derived)"), 1),
    "gasoline price (yen/L, calendar-year mean)": Column(N_("Petrol price (yen per litre, calendar-year mean)"), 1),
    "hybrid (yen/km, derived)": Column(N_("Hybrid (yen per km, derived)"), 1),
    "petrol kei (yen/km, derived)": Column(N_("Petrol kei car (yen per km, derived)"), 1),
}
