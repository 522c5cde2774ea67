"""The page's parameters, declared once, and their checks (messages name the valid values or range)."""

from __future__ import annotations

import math
from collections.abc import Mapping

from tradetalks import calc, params
from tradetalks.i18n import N_
from tradetalks.params import Parameter, ParameterError

# The system boundaries the calculator can apply, the same to every car (the first is the default): each one's
# name and its name with what it counts, as the page says them (English messages: translated where shown).
WELL_TO_WHEEL, DIRECT = "well_to_wheel", "direct"
BOUNDARY_NAMES = {WELL_TO_WHEEL: N_("well-to-wheel"), DIRECT: N_("direct")}
BOUNDARIES = {
    WELL_TO_WHEEL: N_(
        "well-to-wheel: petrol burnt plus its upstream (well-to-tank) emissions; electricity at its generation's life-cycle "
        "intensity (Ember, per kWh generated)"
    ),
    DIRECT: N_(
        "direct: CO2 from burning only, at the tailpipe for petrol and at the power stations' chimneys for electricity "
        "(Japan's utilities' CO2 factor per kWh sold)"
    ),
}

PARAMETERS: tuple[Parameter, ...] = (
    params.DATA_DIR,
    Parameter(
        "boundary",
        WELL_TO_WHEEL,
        "what each car's emissions count, the same for every car: well_to_wheel (fuel upstream + burning; grid life cycle) or direct "
        "(burning only: tailpipe; power stations' CO2)",
    ),
    Parameter("grid_country", "Japan", "whose grid (Ember series): Japan, China, Germany, Norway, United States or World"),
    Parameter("grid_year", None, "year of that grid's intensity; None means the latest year in the data"),
    Parameter("grid_intensity", None, "grid intensity in g CO2(e) per kWh generated; overrides grid_year; None means use grid_year"),
    Parameter(
        "ev_wh_per_km",
        None,
        "electric car's use in Wh/km; None means the kei BEV's catalogue figure, measured at the socket (lifecycle_parameters)",
    ),
    Parameter(
        "charging_loss_pct",
        None,
        "% lost between socket and battery; None means already inside the socket figure (0); set it only with an ev_wh_per_km measured "
        "at the battery",
    ),
    Parameter(
        "grid_loss_pct",
        None,
        "% of the energy generated lost before the socket; None means Japan's figure in lifecycle_parameters (World Bank)",
    ),
    Parameter("hybrid_km_per_l", None, "hybrid's fuel economy in km/L; None means the Prius 1.8 L WLTC figure"),
    Parameter("petrol_km_per_l", None, "petrol car's fuel economy in km/L; None means Nissan's figure for a petrol kei car"),
    Parameter("fuel_co2_kg_per_l", None, "CO2 per litre of petrol burnt; None means Japan's Ministry of the Environment factor"),
    Parameter(
        "fuel_upstream_g_per_mj",
        None,
        "petrol's upstream (well-to-tank) g CO2e/MJ; None means the boundary's: the Korean proxy's midpoint (well_to_wheel), 0 (direct)",
    ),
    Parameter("battery_kwh", None, "battery capacity in kWh; None means the kei BEV's battery (lifecycle_parameters)"),
    Parameter("battery_kg_per_kwh", None, "battery manufacturing in kg CO2 per kWh; None means the midpoint of ICCT's range (derived)"),
    Parameter(
        "lifetime_km",
        None,
        "distance the car drives in its life, over which the battery is spread; None means the ecoinvent default in lifecycle_parameters",
    ),
)

UPSTREAM_LIMIT = (0.0, 50.0)  # g CO2e per MJ: plausible range for a fuel's upstream factor


def check_number(name: str, value: object, low: float, high: float, unit: str) -> float:
    """A parameter as a float in [low, high], else a ParameterError naming the range."""
    low_text, high_text = calc.range_limit_text(low), calc.range_limit_text(high)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value)):
        raise ParameterError(f"{name} must be a number in {unit}, from {low_text} to {high_text}; got {value!r}")
    if not low <= value <= high:
        raise ParameterError(f"{name}={value:g} is outside the plausible range {low_text} to {high_text} {unit}")
    return float(value)


def check_calculator_input(name: str, value: object, calculator_name: str | None = None) -> float | None:
    """A parameter that sets one of the calculator's inputs, checked against that input's plausible range.

    None passes through (the data's figure is used). ``calculator_name`` is the input's name in
    ``calc.EMISSIONS_INPUT_RANGES`` when the parameter's differs.
    """
    if value is None:
        return None
    low, high, unit = calc.EMISSIONS_INPUT_RANGES[calculator_name or name]
    return check_number(name, value, low, high, unit)


def check_boundary(boundary: object) -> str:
    """The system boundary, one of ``BOUNDARIES``."""
    return params.check_choice("boundary", boundary, list(BOUNDARIES))  # type: ignore[arg-type]


def check_upstream(fuel_upstream_g_per_mj: object) -> float | None:
    """Petrol's upstream factor in g CO2e per MJ (0: not counted; None: the boundary's default)."""
    if fuel_upstream_g_per_mj is None:
        return None
    low, high = UPSTREAM_LIMIT
    return check_number("fuel_upstream_g_per_mj", fuel_upstream_g_per_mj, low, high, "g CO2e per MJ")


def check_grid(
    grid_country: str, grid_year: object, grid_intensity: object, years: Mapping[str, list[int]]
) -> tuple[int | None, float | None]:
    """The grid the calculator uses: (year, None) for a year of ``grid_country``'s series, or (None, intensity) when set.

    ``years`` holds the years of each country's series; None for ``grid_year`` means the latest.
    """
    params.check_choice("grid_country", grid_country, sorted(years))
    if grid_intensity is not None:
        intensity = check_calculator_input("grid_intensity", grid_intensity, "grid_g_per_kwh")
        if grid_year is not None:
            raise ParameterError("give grid_year or grid_intensity, not both (grid_intensity overrides the year)")
        return None, intensity
    available = years[grid_country]
    year = available[-1] if grid_year is None else grid_year
    if isinstance(year, bool) or not isinstance(year, int) or year not in available:
        raise ParameterError(
            f"grid_year={year!r} is not in the data for {grid_country}; valid years: {', '.join(map(str, available))} "
            f"(or set grid_intensity in g per kWh)"
        )
    return year, None
