"""The per-km emissions calculator (calc, page ev_emissions) against hand-worked cases (round numbers you can check on paper)."""

import pytest

from tradetalks import calc


def simple(**changes):
    """A hand-worked case: 100 Wh/km, 500 g/kWh, no losses; hybrid 25 km/L and petrol 12.5 km/L at 2.5 kg/L;
    a 20 kWh battery at 150 kg/kWh over 150,000 km (20 g/km)."""
    values = dict(
        grid_g_per_kwh=500.0,
        ev_wh_per_km=100.0,
        charging_loss_pct=0.0,
        grid_loss_pct=0.0,
        hybrid_km_per_l=25.0,
        petrol_km_per_l=12.5,
        fuel_co2_kg_per_l=2.5,
        fuel_upstream_kg_per_l=0.0,
        battery_kwh=20.0,
        battery_kg_per_kwh=150.0,
        lifetime_km=150_000.0,
    )
    values.update(changes)
    return calc.EmissionsInputs(**values)


def test_ev_use_phase_hand_worked():
    # 0.1 kWh/km x 500 g/kWh = 50 g/km
    assert calc.ev_use_g_per_km(100, 500) == pytest.approx(50)
    # 20% lost while charging: 0.1 / 0.8 = 0.125 kWh from the socket -> 62.5 g/km
    assert calc.ev_use_g_per_km(100, 500, charging_loss_pct=20) == pytest.approx(62.5)
    # and 20% lost on the grid too: 0.125 / 0.8 = 0.15625 kWh generated -> 78.125 g/km
    assert calc.ev_use_g_per_km(100, 500, charging_loss_pct=20, grid_loss_pct=20) == pytest.approx(78.125)
    # the chapter's sourced losses (11% charging, 4.3% grid) on the kei car at 482.3 g/kWh:
    # 0.124 / 0.89 / 0.957 = 0.14559 kWh generated per km -> 70.22 g/km
    assert calc.ev_use_g_per_km(124, 482.3, charging_loss_pct=11, grid_loss_pct=4.3) == pytest.approx(70.22, abs=0.01)
    # a clean grid gives zero use-phase emissions
    assert calc.ev_use_g_per_km(100, 0) == 0


def test_reproduces_the_data_packs_own_derived_rows():
    # lifecycle_parameters: "Use-phase CO2, Sakura on Japan 2024 grid (WLTC)" 59.8 = 124 Wh/km x 482.3
    assert round(calc.ev_use_g_per_km(124, 482.3), 1) == 59.8
    # "Tailpipe CO2, Prius 1.8L HEV (WLTC)" 71.2 = 2.32 kg/L / 32.6 km/L
    assert round(calc.fuel_g_per_km(32.6, 2.32), 1) == 71.2
    # "Tailpipe CO2, gasoline kei car" 128.9 = 2.32 / 18
    assert round(calc.fuel_g_per_km(18, 2.32, name="petrol_km_per_l"), 1) == 128.9
    # "Upstream (well-to-tank) GHG per litre" 0.416-0.440 = (12.0-12.7 g/MJ) x 34.63 MJ/L
    assert calc.upstream_kg_per_l(12.0, 34.63) == pytest.approx(0.41556)
    assert calc.upstream_kg_per_l(12.7, 34.63) == pytest.approx(0.439801)


def test_fuel_hand_worked():
    # 2.5 kg/L / 25 km/L = 0.1 kg/km = 100 g/km; with 0.5 kg/L upstream: 3.0 / 25 = 120 g/km
    assert calc.fuel_g_per_km(25, 2.5) == pytest.approx(100)
    assert calc.fuel_g_per_km(25, 2.5, 0.5) == pytest.approx(120)


def test_battery_hand_worked():
    # 20 kWh x 150 kg/kWh = 3,000 kg over 150,000 km = 20 g/km
    assert calc.battery_g_per_km(20, 150, 150_000) == pytest.approx(20)
    assert calc.battery_g_per_km(20, 150, 300_000) == pytest.approx(10)
    # the published lifetimes in the data (100,000 to 200,000 km) with the 20 kWh battery at 275 kg/kWh:
    # 5,500 kg / 100,000 km = 55 g/km; / 200,000 km = 27.5 g/km
    assert calc.battery_g_per_km(20, 275, 100_000) == pytest.approx(55)
    assert calc.battery_g_per_km(20, 275, 200_000) == pytest.approx(27.5)


def test_per_km_table():
    table = calc.co2_per_km(simple()).set_index("car")
    assert table.loc["electric"].tolist() == pytest.approx([50, 20, 70])
    assert table.loc["hybrid"].tolist() == pytest.approx([100, 0, 100])
    assert table.loc["petrol"].tolist() == pytest.approx([200, 0, 200])
    assert calc.gap_vs_hybrid(simple()) == pytest.approx(-30)
    assert calc.gap_vs_hybrid(simple(), include_battery=False) == pytest.approx(-50)


def test_break_even_hand_worked():
    # hybrid 100 g/km; electric 0.1 kWh/km x I + 20  ->  I = (100 - 20) / 0.1 = 800 g/kWh
    assert calc.break_even_intensity(simple()) == pytest.approx(800)
    # without the battery: 100 / 0.1 = 1,000 g/kWh
    assert calc.break_even_intensity(simple(), include_battery=False) == pytest.approx(1000)
    # 20% charging losses: 0.125 kWh/km -> (100 - 20) / 0.125 = 640 g/kWh
    assert calc.break_even_intensity(simple(charging_loss_pct=20)) == pytest.approx(640)
    # against the petrol car (200 g/km): (200 - 20) / 0.1 = 1,800 g/kWh
    assert calc.break_even_intensity(simple(), rival="petrol") == pytest.approx(1800)


def test_break_even_is_where_the_lines_cross():
    inputs = simple(charging_loss_pct=12, grid_loss_pct=4, battery_kg_per_kwh=300)
    at = calc.break_even_intensity(inputs)
    crossing = calc.co2_per_km(inputs.replace(grid_g_per_kwh=at)).set_index("car")["total"]
    assert crossing["electric"] == pytest.approx(crossing["hybrid"])


def test_break_even_when_the_battery_alone_outweighs_the_hybrid():
    # battery 20 kWh x 900 kg/kWh / 150,000 km = 120 g/km > hybrid 100 g/km: (100 - 120) / 0.1 = -200
    assert calc.break_even_intensity(simple(battery_kg_per_kwh=900)) == pytest.approx(-200)


def test_sensitivity_hand_worked():
    table = calc.emissions_sensitivity(simple(), {"grid_g_per_kwh": (400, 600), "battery_kg_per_kwh": (75, 300)}).set_index("input")
    # grid 400: 40 + 20 - 100 = -40; grid 600: 60 + 20 - 100 = -20 -> swing 20
    assert table.loc["grid_g_per_kwh", ["output_low", "output_high", "swing"]].tolist() == pytest.approx([-40, -20, 20])
    # battery 75 kg/kWh: 50 + 10 - 100 = -40; 300: 50 + 40 - 100 = -10 -> swing 30, listed first
    assert table.loc["battery_kg_per_kwh", ["output_low", "output_high", "swing"]].tolist() == pytest.approx([-40, -10, 30])
    assert table.index[0] == "battery_kg_per_kwh"
    assert table["base"].tolist() == pytest.approx([-30, -30])


def test_sensitivity_rejects_unknown_inputs():
    with pytest.raises(ValueError, match="unknown input 'colour'"):
        calc.emissions_sensitivity(simple(), {"colour": (1, 2)})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"ev_wh_per_km": -5}, r"ev_wh_per_km=-5 is outside the plausible range 50 to 500 Wh/km"),
        ({"lifetime_km": 0}, r"lifetime_km=0 is outside the plausible range 10,000 to 1,000,000 km"),
        ({"charging_loss_pct": 100}, r"charging_loss_pct=100 is outside the plausible range 0 to 50"),
        ({"grid_g_per_kwh": -1}, r"grid_g_per_kwh=-1 is outside"),
        ({"hybrid_km_per_l": "32"}, r"hybrid_km_per_l must be a number in km/L"),
        ({"battery_kwh": float("nan")}, r"battery_kwh=nan is outside"),
    ],
)
def test_inputs_are_validated(change, message):
    with pytest.raises(ValueError, match=message):
        simple(**change)


def test_costs_per_km_hand_worked():
    # 124 Wh/km at 34.00 yen/kWh = 4.216 yen/km (the pack's derived 4.2); 175.0 yen/L / 32.6 km/L = 5.37 yen/km
    assert calc.electric_cost_per_km(124, 34.0) == pytest.approx(4.216)
    assert calc.electric_cost_per_km(100, 30.0, charging_loss_pct=25) == pytest.approx(4.0)
    assert calc.fuel_cost_per_km(32.6, 175.0) == pytest.approx(5.368, abs=1e-3)
    with pytest.raises(ValueError, match="must not be negative"):
        calc.fuel_cost_per_km(20, -1)


def test_break_even_battery_footprint_hand_worked():
    # hybrid 100 g/km - electric use 50 g/km = 50 g/km of room; 50 x 150,000 km / (1000 x 20 kWh) = 375 kg/kWh
    assert calc.break_even_battery_kg_per_kwh(simple()) == pytest.approx(375)
    assert calc.gap_vs_hybrid(simple(battery_kg_per_kwh=375)) == pytest.approx(0)


def test_the_boundary_is_the_same_for_every_car():
    """Equal energy per km and equal emissions per unit of energy give equal g/km, electric or fuel: 50 Wh/km from the
    socket with no grid loss is 0.05 kWh per km, as 20 km/L is 0.05 L per km; 1500 g per kWh as 1.5 kg per litre."""
    inputs = simple(
        ev_wh_per_km=50.0,
        grid_g_per_kwh=1500.0,
        ev_wh_at_socket=True,
        petrol_km_per_l=20.0,
        hybrid_km_per_l=20.0,
        fuel_co2_kg_per_l=1.5,
        fuel_upstream_kg_per_l=0.0,
    )
    use = calc.co2_per_km(inputs).set_index("car")["use_phase"]
    assert use["electric"] == pytest.approx(use["petrol"]) == pytest.approx(use["hybrid"]) == pytest.approx(75.0)
    assert calc.gap_vs_hybrid(inputs, include_battery=False) == pytest.approx(0.0)
    # with the battery counted the gap is the battery's share alone (20 kWh x 150 kg/kWh over 150,000 km = 20 g/km)
    assert calc.gap_vs_petrol(inputs) == pytest.approx(20.0)
    # and the same holds through the generic product both sides use: litres or kWh per km x grams per unit
    assert calc.fuel_g_per_km(20.0, 1.5) == calc.energy_g_per_km(1 / 20, 1500.0) == calc.ev_use_g_per_km(50.0, 1500.0, at_socket=True)


def test_charging_losses_are_counted_once():
    # at the battery: 100 Wh/km with 20% lost between socket and battery -> 125 Wh from the socket;
    # 4% grid losses -> 125 / 0.96 = 130.2 Wh generated x 480 g/kWh = 62.5 g/km
    assert calc.ev_use_g_per_km(100, 480, charging_loss_pct=20, grid_loss_pct=4) == pytest.approx(62.5)
    # the same car measured at the socket (125 Wh/km, the losses inside it): the same 62.5 g/km, and no more
    assert calc.ev_use_g_per_km(125, 480, grid_loss_pct=4, at_socket=True) == pytest.approx(62.5)
    # adding the charging loss to a socket figure would count it twice: refused
    with pytest.raises(ValueError, match="count them twice"):
        calc.ev_use_g_per_km(125, 480, charging_loss_pct=20, at_socket=True)
    with pytest.raises(ValueError, match="count them twice"):
        simple(ev_wh_at_socket=True, charging_loss_pct=11)
    assert simple(ev_wh_per_km=125, ev_wh_at_socket=True, grid_loss_pct=4, grid_g_per_kwh=480).generated_kwh_per_km() == pytest.approx(
        0.125 / 0.96
    )


def test_flip_point_hand_worked():
    # electric 50 g/km in use + 20 kWh x F kg/kWh / 150,000 km, against the hybrid's 100 g/km: flips at F = 375
    inputs = simple()
    assert calc.flip_point(inputs, "battery_kg_per_kwh", 56, 494) == pytest.approx(375, abs=1e-3)
    assert calc.flip_point(inputs, "battery_kg_per_kwh", 56, 300) is None  # ahead at both ends: no flip
    # against the petrol car (200 g/km) the battery would need 1125 kg/kWh: none inside the range
    assert calc.flip_point(inputs, "battery_kg_per_kwh", 56, 494, calc.gap_vs_petrol) is None
    table = calc.emissions_sensitivity(inputs, {"battery_kg_per_kwh": (56, 494), "lifetime_km": (100_000, 200_000)})
    by_input = table.set_index("input")["flips_at"]
    assert by_input["battery_kg_per_kwh"] == pytest.approx(375, abs=1e-3)
    assert by_input.isna()["lifetime_km"]  # 50 + 30 and 50 + 15: ahead at both ends
