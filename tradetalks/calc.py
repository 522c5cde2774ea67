"""Calculators: numbers in, numbers out, no I/O."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from tradetalks.formulas import Formula
from tradetalks.i18n import N_

# The formulas the pages also run in the reader's browser (``tradetalks.calculators``): written once, here.
DUTY_OWED = Formula("import_value * rate_pct / 100")
LANDED_YEN = Formula("car_value_yen * (1 + rate_pct / 100)")
LANDED_USD = Formula("car_value_yen / yen_per_usd * (1 + rate_pct / 100)")
CARS_TO_OFFSET = Formula("deficit_usd * offset_share / price_usd")
MULTIPLE = Formula("value / reference")
GENERATED_KWH_PER_KM = Formula("wh_per_km / 1000 / (1 - charging_loss_pct / 100) / (1 - grid_loss_pct / 100)")
ENERGY_G_PER_KM = Formula("energy_per_km * g_per_unit")
FUEL_G_PER_KM = Formula("(co2_kg_per_l + upstream_kg_per_l) * 1000 / km_per_l")
BATTERY_G_PER_KM = Formula("battery_kwh * kg_per_kwh * 1000 / lifetime_km")
BREAK_EVEN_INTENSITY = Formula("(rival_g_per_km - battery_g_per_km) / generated_kwh_per_km")


def duty_owed(import_value: float, rate_pct: float) -> float:
    """Duty on ``import_value`` at ``rate_pct`` percent, in the unit of ``import_value``.

    Assumes the import value does not react to the tariff (no change in volume or price).
    """
    if import_value < 0:
        raise ValueError(f"import value must not be negative, got {import_value}")
    if rate_pct < 0:
        raise ValueError(f"tariff rate must not be negative, got {rate_pct}%")
    return DUTY_OWED(import_value=import_value, rate_pct=rate_pct)


def tariff_bill(import_value: float, rates_pct: Sequence[float]) -> pd.DataFrame:
    """Duty owed at each rate, and the change against the first rate (the baseline).

    Columns: ``rate_pct``, ``duty_owed``, ``change_vs_baseline``.
    """
    if len(rates_pct) == 0:
        raise ValueError("give at least one tariff rate")
    owed = [duty_owed(import_value, rate) for rate in rates_pct]
    return pd.DataFrame(
        {"rate_pct": [float(r) for r in rates_pct], "duty_owed": owed, "change_vs_baseline": [value - owed[0] for value in owed]}
    )


def rate_in_force(steps: pd.DataFrame, on: pd.Timestamp) -> float | None:
    """The rate of the last step dated on or before ``on`` (``steps`` has ``date`` and ``rate_pct``)."""
    earlier = steps[steps["date"] <= on].sort_values("date")
    return None if earlier.empty else float(earlier["rate_pct"].iloc[-1])


def _finite(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{name} must be a finite number, got {value!r}")
    return float(value)


def cars_needed_to_offset(deficit_usd: float, price_usd: float, offset_share: float = 1.0) -> float:
    """Cars a year that, sold at ``price_usd`` each, add up to ``offset_share`` of ``deficit_usd``.

    ``deficit_usd`` is the deficit as a positive amount in U.S. dollars a year, ``offset_share`` a
    share from 0 to 1. Assumes every dollar of a car's price counts as U.S. export value and that
    nothing else in the trade changes. Returns a fraction of a car where the division leaves one.
    """
    deficit = _finite("deficit", deficit_usd)
    price = _finite("price per car", price_usd)
    share = _finite("offset share", offset_share)
    if deficit < 0:
        raise ValueError(f"the deficit must be given as a positive amount (a surplus leaves nothing to offset), got {deficit_usd}")
    if price <= 0:
        raise ValueError(f"the price per car must be more than 0 USD, got {price_usd}")
    if not 0 <= share <= 1:
        raise ValueError(f"the offset share must be between 0 and 1 (0.5 = half the deficit), got {offset_share}")
    return CARS_TO_OFFSET(deficit_usd=deficit, offset_share=share, price_usd=price)


def cars_needed_by_price(deficit_usd: float, prices_usd: Sequence[float], offset_share: float = 1.0) -> pd.DataFrame:
    """Cars needed a year at each price (columns ``price_usd``, ``cars_needed``)."""
    if len(prices_usd) == 0:
        raise ValueError("give at least one price per car")
    return pd.DataFrame(
        {
            "price_usd": [float(p) for p in prices_usd],
            "cars_needed": [cars_needed_to_offset(deficit_usd, p, offset_share) for p in prices_usd],
        }
    )


def multiple_of(value: float, reference: float) -> float:
    """How many times ``reference`` fits into ``value`` (``reference`` must be more than 0)."""
    value = _finite("value", value)
    reference = _finite("reference", reference)
    if reference <= 0:
        raise ValueError(f"the reference must be more than 0, got {reference}")
    return MULTIPLE(value=value, reference=reference)


# --- CO2 per km of an electric, a hybrid and a petrol car (page ev_emissions) ------------------------------
#
# Units throughout: grams of CO2 (or CO2e) per kilometre; grid intensity in grams per kWh *generated*;
# electricity use in Wh per km as the catalogue states it; fuel economy in km per litre; fuel factors in
# kg per litre; battery capacity in kWh and its manufacturing footprint in kg per kWh of capacity, spread
# evenly over the car's lifetime distance.
#
# What is counted, and what is not:
# - every car: energy used per km x the emissions per unit of that energy, under one boundary for all:
#   well-to-wheel (fuel burnt + the fuel's upstream, well-to-tank, emissions; electricity at its
#   generation's life-cycle intensity) or direct (CO2 from burning only: the tailpipe for fuel, the
#   power stations' chimneys for electricity). The boundary lives in the inputs (the fuel's upstream
#   factor, the grid intensity), so the same arithmetic serves both: ``energy_g_per_km``;
# - electric car: losses counted once each. Grid losses (power station to socket) always apply to an
#   intensity per kWh generated; charging losses (socket to battery) apply only when the electricity
#   use is measured at the battery (``ev_wh_at_socket`` False): a figure measured at the socket, like
#   a WLTC "AC" figure, already includes them. Plus the battery's manufacturing emissions per km;
# - not counted for any car: making the rest of the vehicle, maintenance, end of life.

# Plausible ranges for every input: (low, high, unit). A value outside is almost surely a typo or a
# unit mix-up (kWh/km for Wh/km, kg for g), so it is refused with a message naming the range. The units are
# messages (``N_``): a page that shows one translates it (``tr``).
EMISSIONS_INPUT_RANGES: dict[str, tuple[float, float, str]] = {
    "grid_g_per_kwh": (0.0, 1500.0, N_("g CO2 per kWh generated")),
    "ev_wh_per_km": (50.0, 500.0, N_("Wh/km")),
    "charging_loss_pct": (0.0, 50.0, N_("% of the energy drawn from the socket")),
    "grid_loss_pct": (0.0, 50.0, N_("% of the energy generated")),
    "hybrid_km_per_l": (5.0, 60.0, N_("km/L")),
    "petrol_km_per_l": (3.0, 60.0, N_("km/L")),
    "fuel_co2_kg_per_l": (1.5, 3.5, N_("kg CO2 per litre")),
    "fuel_upstream_kg_per_l": (0.0, 2.0, N_("kg CO2e per litre")),
    "battery_kwh": (1.0, 250.0, N_("kWh")),
    "battery_kg_per_kwh": (1.0, 1000.0, N_("kg CO2 per kWh of battery")),
    "lifetime_km": (10_000.0, 1_000_000.0, N_("km")),
}


def range_limit_text(value: float) -> str:
    """A range limit for a message: 1000000.0 -> '1,000,000', 0.5 -> '0.5'."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:g}"


def check_emissions_input(name: str, value: float) -> float:
    """``value`` as a float if it is a number in the plausible range for ``name``; else ValueError naming the range."""
    low, high, unit = EMISSIONS_INPUT_RANGES[name]
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{name} must be a number in {unit}, from {range_limit_text(low)} to {range_limit_text(high)}; got {value!r}")
    if value != value or not low <= value <= high:  # NaN fails the first test
        raise ValueError(f"{name}={value:g} is outside the plausible range {range_limit_text(low)} to {range_limit_text(high)} {unit}")
    return float(value)


def energy_g_per_km(energy_per_km: float, g_per_unit: float) -> float:
    """g/km of any car: energy per km (kWh generated, or litres burnt) x grams per unit of that energy.

    Both cars' use phase is this one product, so the boundary is whatever the two factors count.
    """
    return ENERGY_G_PER_KM(energy_per_km=energy_per_km, g_per_unit=g_per_unit)


def ev_generated_kwh_per_km(
    wh_per_km: float, charging_loss_pct: float = 0.0, grid_loss_pct: float = 0.0, *, at_socket: bool = False
) -> float:
    """kWh the power stations generate per km: each loss counted once.

    ``wh_per_km`` is measured at the socket (``at_socket``: charging losses already inside it, so a
    charging loss given as well would count them twice and is refused) or at the battery (then
    ``charging_loss_pct`` of what the socket delivers is lost on the way in). ``grid_loss_pct`` of
    what is generated is lost before the socket. Generated: ``wh / (1 - c) / (1 - g)``, ``c`` = 0 at the socket.
    """
    check_emissions_input("ev_wh_per_km", wh_per_km)
    check_emissions_input("charging_loss_pct", charging_loss_pct)
    check_emissions_input("grid_loss_pct", grid_loss_pct)
    if at_socket and charging_loss_pct:
        raise ValueError(
            f"electricity use measured at the socket already includes charging losses; adding charging_loss_pct={charging_loss_pct:g} "
            "would count them twice (give the use measured at the battery instead)"
        )
    return GENERATED_KWH_PER_KM(wh_per_km=wh_per_km, charging_loss_pct=charging_loss_pct, grid_loss_pct=grid_loss_pct)


def ev_use_g_per_km(
    wh_per_km: float, grid_g_per_kwh: float, charging_loss_pct: float = 0.0, grid_loss_pct: float = 0.0, *, at_socket: bool = False
) -> float:
    """Use-phase g/km of an electric car: kWh generated per km (``ev_generated_kwh_per_km``) x the grid's g per kWh generated."""
    check_emissions_input("grid_g_per_kwh", grid_g_per_kwh)
    return energy_g_per_km(ev_generated_kwh_per_km(wh_per_km, charging_loss_pct, grid_loss_pct, at_socket=at_socket), grid_g_per_kwh)


def fuel_g_per_km(km_per_l: float, co2_kg_per_l: float, upstream_kg_per_l: float = 0.0, *, name: str = "hybrid_km_per_l") -> float:
    """g/km of a car burning fuel: litres per km x (combustion + upstream kg per litre) x 1000."""
    check_emissions_input(name, km_per_l)
    check_emissions_input("fuel_co2_kg_per_l", co2_kg_per_l)
    check_emissions_input("fuel_upstream_kg_per_l", upstream_kg_per_l)
    return FUEL_G_PER_KM(km_per_l=km_per_l, co2_kg_per_l=co2_kg_per_l, upstream_kg_per_l=upstream_kg_per_l)


def upstream_kg_per_l(g_per_mj: float, mj_per_l: float) -> float:
    """Fuel upstream (well-to-tank) emissions per litre from a factor per MJ and the fuel's heating value."""
    if g_per_mj < 0 or mj_per_l <= 0:
        raise ValueError(f"upstream factor must be >= 0 g/MJ and heating value > 0 MJ/L; got {g_per_mj} and {mj_per_l}")
    return g_per_mj * mj_per_l / 1000


def battery_g_per_km(battery_kwh: float, kg_per_kwh: float, lifetime_km: float) -> float:
    """The battery's manufacturing emissions spread evenly over the car's lifetime, in g/km."""
    check_emissions_input("battery_kwh", battery_kwh)
    check_emissions_input("battery_kg_per_kwh", kg_per_kwh)
    check_emissions_input("lifetime_km", lifetime_km)
    return BATTERY_G_PER_KM(battery_kwh=battery_kwh, kg_per_kwh=kg_per_kwh, lifetime_km=lifetime_km)


@dataclass(frozen=True)
class EmissionsInputs:
    """Every input of the per-km comparison (units in the field names)."""

    grid_g_per_kwh: float
    ev_wh_per_km: float
    charging_loss_pct: float
    grid_loss_pct: float
    hybrid_km_per_l: float
    petrol_km_per_l: float
    fuel_co2_kg_per_l: float
    fuel_upstream_kg_per_l: float
    battery_kwh: float
    battery_kg_per_kwh: float
    lifetime_km: float
    # True: ``ev_wh_per_km`` is measured at the socket (charging losses inside it; ``charging_loss_pct`` must be 0)
    ev_wh_at_socket: bool = False

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            if field.name in EMISSIONS_INPUT_RANGES:
                check_emissions_input(field.name, getattr(self, field.name))
        ev_generated_kwh_per_km(self.ev_wh_per_km, self.charging_loss_pct, self.grid_loss_pct, at_socket=self.ev_wh_at_socket)

    def generated_kwh_per_km(self) -> float:
        """kWh generated per km of the electric car (each loss counted once)."""
        return ev_generated_kwh_per_km(self.ev_wh_per_km, self.charging_loss_pct, self.grid_loss_pct, at_socket=self.ev_wh_at_socket)

    def replace(self, **changes: float) -> EmissionsInputs:
        return dataclasses.replace(self, **changes)


def co2_per_km(inputs: EmissionsInputs) -> pd.DataFrame:
    """g/km for the three cars: ``use_phase``, ``battery`` (manufacturing, electric car only) and ``total``."""
    ev_use = ev_use_g_per_km(
        inputs.ev_wh_per_km, inputs.grid_g_per_kwh, inputs.charging_loss_pct, inputs.grid_loss_pct, at_socket=inputs.ev_wh_at_socket
    )
    ev_battery = battery_g_per_km(inputs.battery_kwh, inputs.battery_kg_per_kwh, inputs.lifetime_km)
    hybrid = fuel_g_per_km(inputs.hybrid_km_per_l, inputs.fuel_co2_kg_per_l, inputs.fuel_upstream_kg_per_l, name="hybrid_km_per_l")
    petrol = fuel_g_per_km(inputs.petrol_km_per_l, inputs.fuel_co2_kg_per_l, inputs.fuel_upstream_kg_per_l, name="petrol_km_per_l")
    rows = [("electric", ev_use, ev_battery), ("hybrid", hybrid, 0.0), ("petrol", petrol, 0.0)]
    table = pd.DataFrame(rows, columns=["car", "use_phase", "battery"])
    table["total"] = table["use_phase"] + table["battery"]
    return table


def gap_vs_hybrid(inputs: EmissionsInputs, *, include_battery: bool = True, rival: str = "hybrid") -> float:
    """Electric minus ``rival`` (hybrid or petrol), g/km (negative: the electric car emits less)."""
    table = co2_per_km(inputs).set_index("car")
    column = "total" if include_battery else "use_phase"
    return float(table.loc["electric", column] - table.loc[rival, column])


def gap_vs_petrol(inputs: EmissionsInputs) -> float:
    """Electric minus the petrol car, g/km, battery included."""
    return gap_vs_hybrid(inputs, rival="petrol")


def flip_point(
    inputs: EmissionsInputs, name: str, low: float, high: float, output: Callable[[EmissionsInputs], float] = gap_vs_hybrid
) -> float | None:
    """The value of input ``name`` between ``low`` and ``high`` at which ``output`` crosses zero (the answer flips).

    None when ``output`` has the same sign at both ends (no flip inside the range). Found by bisection,
    to a millionth of the range: ``output`` moves one way as one input moves (it is monotonic in each).
    """
    out_low, out_high = output(inputs.replace(**{name: low})), output(inputs.replace(**{name: high}))
    if out_low == 0:
        return float(low)
    if out_high == 0:
        return float(high)
    if (out_low > 0) == (out_high > 0):
        return None
    a, b = float(low), float(high)
    for _ in range(60):
        middle = (a + b) / 2
        if (output(inputs.replace(**{name: middle})) > 0) == (out_low > 0):
            a = middle
        else:
            b = middle
        if abs(b - a) <= abs(high - low) * 1e-6:
            break
    return (a + b) / 2


def break_even_intensity(inputs: EmissionsInputs, *, rival: str = "hybrid", include_battery: bool = True) -> float:
    """The grid intensity (g per kWh generated) at which the electric car emits as much per km as ``rival``.

    Below it the electric car emits less. The electric car's g/km is linear in the intensity:
    ``k x I + battery`` with ``k`` the kWh generated per km, so the break-even is
    ``(rival - battery) / k``. A result of 0 or less means the battery alone outweighs the rival's
    emissions: the electric car cannot win on any grid with these inputs.
    """
    if rival not in {"hybrid", "petrol"}:
        raise ValueError(f"rival must be 'hybrid' or 'petrol', got {rival!r}")
    table = co2_per_km(inputs).set_index("car")
    kwh_generated_per_km = inputs.generated_kwh_per_km()
    battery = float(table.loc["electric", "battery"]) if include_battery else 0.0
    return BREAK_EVEN_INTENSITY(
        rival_g_per_km=float(table.loc[rival, "total"]), battery_g_per_km=battery, generated_kwh_per_km=kwh_generated_per_km
    )


def break_even_battery_kg_per_kwh(inputs: EmissionsInputs) -> float:
    """The battery footprint (kg CO2 per kWh of capacity) at which the electric car emits as much per km as the hybrid.

    A smaller footprint lets the electric car win; 0 or less means it emits more than the hybrid in use alone.
    """
    table = co2_per_km(inputs).set_index("car")
    room_g_per_km = float(table.loc["hybrid", "total"] - table.loc["electric", "use_phase"])
    return room_g_per_km * inputs.lifetime_km / (1000 * inputs.battery_kwh)


def emissions_sensitivity(
    inputs: EmissionsInputs, ranges: Mapping[str, tuple[float, float]], output: Callable[[EmissionsInputs], float] = gap_vs_hybrid
) -> pd.DataFrame:
    """One-at-a-time sensitivity: ``output`` with each input moved to its low and its high value.

    Columns: ``input``, ``low``, ``high`` (the input's values), ``output_low``, ``output_high``,
    ``swing`` (|output_high - output_low|), ``flips_at`` (the input's value where ``output`` crosses
    zero, NaN if it does not within the range: ``flip_point``), ``base``; sorted by swing, largest first.
    """
    base = output(inputs)
    rows = []
    for name, (low, high) in ranges.items():
        if name not in EMISSIONS_INPUT_RANGES:
            raise ValueError(f"unknown input {name!r}; inputs: {', '.join(EMISSIONS_INPUT_RANGES)}")
        out_low = output(inputs.replace(**{name: low}))
        out_high = output(inputs.replace(**{name: high}))
        flips = flip_point(inputs, name, low, high, output)
        rows.append(
            {
                "input": name,
                "low": float(low),
                "high": float(high),
                "output_low": out_low,
                "output_high": out_high,
                "flips_at": float("nan") if flips is None else flips,
            }
        )
    table = pd.DataFrame(rows, columns=["input", "low", "high", "output_low", "output_high", "flips_at"])
    table["swing"] = (table["output_high"] - table["output_low"]).abs()
    table["base"] = base
    return table.sort_values("swing", ascending=False, kind="stable").reset_index(drop=True)


def electric_cost_per_km(wh_per_km: float, price_per_kwh: float, charging_loss_pct: float = 0.0) -> float:
    """Cost per km of charging at ``price_per_kwh`` (the socket pays for the charging losses too)."""
    check_emissions_input("ev_wh_per_km", wh_per_km)
    check_emissions_input("charging_loss_pct", charging_loss_pct)
    if price_per_kwh < 0:
        raise ValueError(f"electricity price must not be negative, got {price_per_kwh}")
    return wh_per_km / 1000 / (1 - charging_loss_pct / 100) * price_per_kwh


def fuel_cost_per_km(km_per_l: float, price_per_l: float, *, name: str = "hybrid_km_per_l") -> float:
    """Cost per km of fuel at ``price_per_l``."""
    check_emissions_input(name, km_per_l)
    if price_per_l < 0:
        raise ValueError(f"fuel price must not be negative, got {price_per_l}")
    return price_per_l / km_per_l


def landed_price(car_value_yen: float, rate_pct: float, yen_per_usd: float) -> tuple[float, float]:
    """A car's price landed in the U.S., duty paid: (yen, U.S. dollars) for a car exported at ``car_value_yen``.

    Assumes the duty is charged on the export value (customs value = export value, no freight or
    insurance added) and that the exporter passes the whole duty on.
    """
    value, rate, fx = _finite("car value", car_value_yen), _finite("tariff rate", rate_pct), _finite("exchange rate", yen_per_usd)
    if value < 0 or rate < 0 or fx <= 0:
        raise ValueError(f"need a car value >= 0, a rate >= 0 and an exchange rate > 0; got {car_value_yen}, {rate_pct}, {yen_per_usd}")
    return LANDED_YEN(car_value_yen=value, rate_pct=rate), LANDED_USD(car_value_yen=value, rate_pct=rate, yen_per_usd=fx)
