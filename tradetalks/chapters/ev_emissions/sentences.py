"""The page's words, computed from the frames it draws: each chart's title, subtitle and description, and
the figures glued into the prose, section by section (functions returning glue name -> text).

A title states the chart's finding with a verb (``tradetalks.chartlint``); a comparison whose gap is
smaller than what the inputs leave open reads "about the same" (``text.compare``), with the
uncertainty taken from the data: the revision between two vintages of Ember's series for grids, the
electric car's sourced alternatives (``calculator.electric_ranges``) for grams per km. Derived
figures are rounded by ``units`` and ``tradetalks.text``; figures a source states keep its precision.
"""

from __future__ import annotations

import pandas as pd

from tradetalks import calc, chartlint, text

from . import calculator, inputs, parameters, tables, units
from .units import about_g_km, about_g_kwh, g_km, g_kwh, number, yen_kwh

# The inputs that size the battery's share: compared with the grid's range in the sensitivity prose.
BATTERY_INPUTS = ["battery_kg_per_kwh", "lifetime_km", "battery_kwh"]
# Places whose names take an article in a sentence.
WITH_ARTICLE = {"United States", "United Kingdom", "European Union", "Netherlands", "World"}
SAME = "about the same as"  # what text.compare says of a gap within the uncertainty


def chart_text(title: str, subtitle: str, description: str) -> dict[str, str]:
    """The three texts ``charts.publish`` takes, by name."""
    return {"title": title, "subtitle": subtitle, "description": description}


# --- words ------------------------------------------------------------------------------------------------


def place(name: str) -> str:
    """A place as a sentence names it: 'United States' -> 'the United States'."""
    return f"the {name.lower() if name == tables.WORLD else name}" if name in WITH_ARTICLE else name


def possessive(name: str) -> str:
    """'Japan' -> "Japan's", 'United States' -> "the United States'", 'World' -> "the world's"."""
    named = place(name)
    return f"{named}'" if named.endswith("s") else f"{named}'s"


def in_sentence(label: str) -> str:
    """A label inside a sentence: 'Car's lifetime distance' -> "car's lifetime distance"; 'EV electricity use' stays."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def gap_words(gap: float) -> str:
    """A derived difference, electric minus hybrid: +35.44 -> 'about 35 g/km more', -3.0 -> '3.0 g/km less'."""
    if text.significant(gap) == 0:
        return "as much"
    return f"{about_g_km(abs(gap))} {'more' if gap > 0 else 'less'}"


def span_words(low: float, high: float, unit_words: str, figures: int = units.FIGURES) -> str:
    """A range of derived figures, 'about' said once: (77.85, 136.25, 'g/km') -> 'about 77.8 to 136 g/km'."""
    rounded = [text.significant(value, figures) for value in (low, high)]
    prefix = "" if rounded == [low, high] else "about "
    return f"{prefix}{text.rounded(low, figures)} to {text.rounded(high, figures)} {unit_words}"


def stated_precision(stated: object) -> float:
    """Half a unit in the last place of a figure as its source states it: '59.8' -> 0.05, '320' -> 0.5."""
    digits = str(stated).strip()
    decimals = len(digits.partition(".")[2]) if "." in digits else 0
    return 0.5 * 10**-decimals


def pct_change(first: float, last: float) -> str:
    """Two shares, to two significant figures, 'about' said once: (3.35, 10.79) -> 'about 3.4% to 11%'."""
    prefix = "" if [text.significant(v) for v in (first, last)] == [first, last] else "about "
    return f"{prefix}{text.pct(first, 2)} to {text.pct(last, 2)}"


def inputs_words(table: pd.DataFrame, names: list[str]) -> str:
    """Some inputs for a sentence: 'charging losses 11 (% of the energy drawn from the socket; sourced: ...)'."""
    rows = table.set_index("name").loc[names]
    return "; ".join(f"{in_sentence(row['input'])} {number(row['value'])} ({row['unit']}; {row['basis']})" for _, row in rows.iterrows())


def grid_used(electricity: pd.DataFrame, grid_country: str, grid_year: int | None, grid_intensity: float | None) -> str:
    """The grid the calculator runs on, as a sentence names it: "Japan's 2024 grid" or 'a grid of 421 g/kWh (set by you)'."""
    if grid_intensity is not None:
        return f"a grid of {g_kwh(grid_intensity)} (set by you)"
    year = grid_year if grid_year is not None else tables.grid_years(electricity, grid_country)[-1]
    return f"{possessive(grid_country)} {year} grid"


# --- Japan's grid against others ----------------------------------------------------------------------------


def _japan_and_world(electricity: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series, float]:
    """Japan's first and last year in Ember's series, the world's figures by year, and Ember's revision (g/kWh)."""
    ember = tables.ember_intensity(electricity)
    japan = ember[ember["country"] == tables.JAPAN]
    world = ember[ember["country"] == tables.WORLD].set_index("year")["value"]
    return japan.iloc[0], japan.iloc[-1], world, tables.ember_revision(electricity)


def japan_change(electricity: pd.DataFrame) -> tuple[str, float]:
    """How Japan's grid changed from Ember's first to its last year ('about 16% less', or 'about the same' within a
    revision of Ember's series), and the change in per cent."""
    first, last, _, revision = _japan_and_world(electricity)
    change = (last["value"] - first["value"]) / first["value"] * 100
    if abs(last["value"] - first["value"]) <= revision:
        return "about the same", change
    return f"{text.about_pct(abs(change))} {'less' if change < 0 else 'more'}", change


def japan_vs_world(electricity: pd.DataFrame, year: int, *, more: str = "more than", less: str = "less than") -> str:
    """Japan's grid against the world's in ``year`` (Ember), 'about the same as' within a revision of the series."""
    ember = tables.ember_intensity(electricity).set_index(["country", "year"])["value"]
    revision = tables.ember_revision(electricity)
    return text.compare(ember[(tables.JAPAN, year)], ember[(tables.WORLD, year)], revision, more=more, less=less)


def grid_chart(electricity: pd.DataFrame, series: pd.DataFrame) -> dict[str, str]:
    """The intensity chart's title (Japan's trend and its place against the world), subtitle and description."""
    first, last, world, _ = _japan_and_world(electricity)
    y0, y1 = int(first["year"]), int(last["year"])
    change_words, change = japan_change(electricity)
    trend = (
        f"stayed about level since {y0}"
        if change_words == "about the same"
        else (f"{'fell' if change < 0 else 'rose'} {text.about_pct(abs(change))} since {y0}")
    )
    verbs = {"more than": "tops", "less than": "trails", "about the same as": "matches"}
    now = japan_vs_world(electricity, y1)
    still = "still" if japan_vs_world(electricity, y0) == now else "now"
    iea = tables.iea_intensity(electricity)
    iea_world = iea[(iea["country"] == tables.WORLD) & (iea["year"] == y1)]["value"]
    iea_words = f"; the IEA, counting CO2 only, puts the world at {g_kwh(iea_world.iloc[0])}" if not iea_world.empty else ""
    return chart_text(
        f"Japan's grid {trend}; it {still} {verbs[now]} the world's",
        f"Carbon intensity of electricity generated, g CO2(e) per kWh, by country, {text.year_span(series['year'])}; Ember solid, IEA dashed",
        f"In Ember's series Japan's grid went from {g_kwh(first['value'])} in {y0} to {g_kwh(last['value'])} in {y1}, "
        f"{now} the world average of {g_kwh(world[y1])}{iea_words}.",
    )


def grid_comparison(electricity: pd.DataFrame, series: pd.DataFrame) -> dict[str, str]:
    """Japan's grid in Ember's first and last year, the others' that year, the IEA's world figure and the gaps."""
    first, last, _, _ = _japan_and_world(electricity)
    ember = tables.ember_intensity(electricity)
    latest = ember[ember["year"] == last["year"]].set_index("country")["value"]
    iea = tables.iea_intensity(electricity)
    iea_world = iea[(iea["country"] == tables.WORLD) & (iea["year"] == int(last["year"]))].iloc[0]
    others = latest.drop(tables.JAPAN).sort_values(ascending=False)
    forecast_years = tables.iea_forecast_years(electricity)
    change = japan_change(electricity)[0]
    return {
        "japan_first_year": str(int(first["year"])),
        "japan_first": g_kwh(first["value"]),
        "japan_last_year": str(int(last["year"])),
        "japan_last": g_kwh(last["value"]),
        "japan_change": change,
        "japan_change_since": f"{change} {'as' if change == 'about the same' else 'than'} in {int(first['year'])}",
        "latest_others": "; ".join(f"{place(name)} {g_kwh(value)}" for name, value in others.items()),
        "japan_vs_world": japan_vs_world(electricity, int(last["year"])),
        "ember_revision": g_kwh(tables.ember_revision(electricity)),
        "iea_world_latest": g_kwh(iea_world["value"]),
        "missing_countries": text.listed(tables.missing_countries(series)) if tables.missing_countries(series) else "none",
        "iea_only": text.listed([place(name) for name in tables.iea_only_countries(series)]) or "no other country",
        "iea_forecast_years": text.year_span(forecast_years) if forecast_years else "no year",
    }


# --- the mix ------------------------------------------------------------------------------------------------


def _fossil_ends(fossil: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """Fossil fuels' share in Ember's first and last year, and the later estimate's rows (ISEP)."""
    ember = fossil[fossil["publisher"] == tables.EMBER_MIX_PUBLISHER]
    return ember.iloc[0], ember.iloc[-1], fossil[fossil["publisher"] != tables.EMBER_MIX_PUBLISHER]


def grew(mix: pd.DataFrame, sources: tuple[str, ...] = ("nuclear", "solar")) -> str:
    """' as nuclear and solar grew': the low-carbon sources whose share rose over Ember's years (empty if none did)."""
    rose = [
        tables.MIX_LABELS[source] for source in sources if tables.mix_shares(mix, source).iloc[-1] > tables.mix_shares(mix, source).iloc[0]
    ]
    return f" as {text.listed(rose)} grew" if rose else ""


def mix_chart(mix: pd.DataFrame, fossil: pd.DataFrame) -> dict[str, str]:
    """The mix chart's title (fossil fuels' share, first to last Ember year), subtitle and description."""
    f0, f1, isep = _fossil_ends(fossil)
    a, b = text.about_pct(f0["fossil_pct"]), text.about_pct(f1["fossil_pct"])
    change = "stayed at" if a == b else f"{'fell' if f1['fossil_pct'] < f0['fossil_pct'] else 'rose'} from {a} to"
    title = f"Fossil fuels {change} {b} of Japan's power"
    ember_years = mix.loc[mix["publisher"] == tables.EMBER_MIX_PUBLISHER, "year"]
    later = f", {int(isep['year'].iloc[0])} (ISEP, preliminary)" if not isep.empty else ""
    isep_words = (
        f" ({text.about_pct(isep['fossil_pct'].iloc[0])} in {int(isep['year'].iloc[0])} by ISEP's preliminary count)"
        if not isep.empty
        else ""
    )
    nuclear, solar = tables.mix_shares(mix, "nuclear"), tables.mix_shares(mix, "solar")
    return chart_text(
        title,
        f"Share of Japan's electricity generated, by source, %, {text.year_span(ember_years)} (Ember){later}; "
        "white figures: coal, gas and oil together",
        f"Coal, gas and oil made {a} of Japan's electricity in {int(f0['year'])} and {b} in {int(f1['year'])} by Ember's count"
        f"{isep_words}, while nuclear went from {pct_change(nuclear.iloc[0], nuclear.iloc[-1])} "
        f"and solar from {pct_change(solar.iloc[0], solar.iloc[-1])}.",
    )


def generation_mix(mix: pd.DataFrame, fossil: pd.DataFrame) -> dict[str, str]:
    """Fossil fuels' share in Ember's first and last year and in ISEP's estimate; nuclear's and solar's change."""
    f0, f1, isep = _fossil_ends(fossil)
    nuclear, solar = tables.mix_shares(mix, "nuclear"), tables.mix_shares(mix, "solar")
    return {
        "fossil_first": f"{text.about_pct(f0['fossil_pct'])} in {int(f0['year'])}",
        "fossil_last": f"{text.about_pct(f1['fossil_pct'])} in {int(f1['year'])}",
        "fossil_isep": f"{text.about_pct(isep['fossil_pct'].iloc[0])} in {int(isep['year'].iloc[0])}"
        if not isep.empty
        else "not in the data",
        "nuclear_change": pct_change(nuclear.iloc[0], nuclear.iloc[-1]),
        "solar_change": pct_change(solar.iloc[0], solar.iloc[-1]),
        "mix_grew": grew(mix),
    }


def two_measures(utilities: pd.DataFrame) -> dict[str, str]:
    """The utilities' factor and Ember's intensity in the last year both report."""
    recent = utilities.dropna(subset=["ember_gco2e_per_kwh_generated"]).iloc[-1]
    return {
        "utility_year": str(int(recent["year (utilities: fiscal year)"])),
        "utility_factor": g_kwh(recent["utilities_gco2_per_kwh_sold"]),
        "utility_ember": g_kwh(recent["ember_gco2e_per_kwh_generated"]),
    }


# --- grams per km -------------------------------------------------------------------------------------------


def per_km_comparisons(result: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame) -> dict[str, str]:
    """The electric car against the hybrid and the petrol car, in use and in total: 'more than', 'less than' or
    'about the same as' when the other's figure is within the electric car's sourced range (``calculator.electric_ranges``)."""
    by_car = result.set_index("car")
    spans = calculator.electric_ranges(chosen, lifecycle)
    words = {}
    for part in ("use_phase", "total"):
        ev = float(by_car.loc["electric", part])
        for rival in ("hybrid", "petrol"):
            other = float(by_car.loc[rival, "total"])
            words[f"{part}_vs_{rival}"] = text.compare(ev, other, calculator.reach(ev, spans[part], other))
    return words


RIVAL_NAMES = {"hybrid": "the hybrid", "petrol": "the petrol kei car"}


def boundary_words(boundary: str) -> str:
    """The system boundary as the page names it (``parameters.BOUNDARIES``)."""
    return parameters.BOUNDARIES[boundary]


def range_verdict(verdicts: pd.DataFrame, rival: str) -> str:
    """The electric car against ``rival`` across ICCT's battery footprints, from both ends of the range:
    'ahead of the hybrid at ICCT's low battery footprint, behind it at the high one (it flips at about 160 kg CO2 per kWh)'."""
    row = verdicts.set_index("rival").loc[rival]
    name = RIVAL_NAMES[rival]
    low_ahead, high_ahead = row["gap_low"] < 0, row["gap_high"] < 0
    if low_ahead and high_ahead:
        return f"ahead of {name} across ICCT's range of battery footprints"
    if not low_ahead and not high_ahead:
        return f"behind {name} across ICCT's range of battery footprints"
    flip = f" (the answer flips at {text.about(row['flips_at'], 'kg CO2 per kWh')})" if not pd.isna(row["flips_at"]) else ""
    first, second = ("ahead of", "behind it") if low_ahead else ("behind", "ahead of it")
    return f"{first} {name} at ICCT's low battery footprint, {second} at the high one{flip}"


def range_title(verdicts: pd.DataFrame) -> str:
    """The per-km chart's title: the verdict against the hybrid over the battery's range (not one point)."""
    row = verdicts.set_index("rival").loc["hybrid"]
    low_ahead, high_ahead = row["gap_low"] < 0, row["gap_high"] < 0
    if low_ahead and high_ahead:
        return "The EV beats the hybrid across ICCT's range of battery footprints"
    if not low_ahead and not high_ahead:
        return "The EV emits more than the hybrid across ICCT's battery range"
    return (
        "The EV beats the hybrid only with a low-footprint battery"
        if low_ahead
        else "The EV beats the hybrid only with a high-footprint battery"
    )


def per_km_chart(result: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame, grid: str) -> dict[str, str]:
    """The per-km chart's title (the electric car with its battery against the hybrid, over the battery's range), subtitle
    and description."""
    by_car = result.set_index("car")
    ev, hybrid, petrol = by_car.loc["electric"], by_car.loc["hybrid"], by_car.loc["petrol"]
    compared = per_km_comparisons(result, chosen, lifecycle)
    verdicts = calculator.battery_verdicts(chosen, lifecycle)
    return chart_text(
        range_title(verdicts),
        f"Grams of CO2(e) per km by car, in use and from making the battery, on {grid} (derived); "
        "line: the battery at both ends of ICCT's range",
        f"On {grid} the electric kei car emits {g_km(ev['use_phase'])} in use, {compared['use_phase_vs_hybrid']} the hybrid's "
        f"{g_km(hybrid['total'])}; its battery adds {g_km(ev['battery'])}, for {g_km(ev['total'])} "
        f"({span_words(ev['total_battery_low'], ev['total_battery_high'], 'g/km')} across ICCT's range of battery footprints), "
        f"{compared['total_vs_hybrid']} the hybrid and {compared['total_vs_petrol']} the petrol kei car's {g_km(petrol['total'])}: "
        f"{range_verdict(verdicts, 'hybrid')}, and {range_verdict(verdicts, 'petrol')}.",
    )


def agreement(compared: str) -> str:
    """The data pack's figure against the calculator's, and why they may differ."""
    if compared == SAME:
        return "about the same as ours: they differ by less than a revision of Ember's series and the rounding of the pack's figure"
    return f"{compared} ours, by more than a revision of Ember's series and the pack's rounding explain"


def per_km_results(
    result: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame, electricity: pd.DataFrame, grid: str
) -> dict[str, str]:
    """Each car's g/km and how they compare, and the two cross-checks against the data pack's own figures."""
    by_car = result.set_index("car")
    ev_row, hybrid_row, petrol_row = by_car.loc["electric"], by_car.loc["hybrid"], by_car.loc["petrol"]
    compared = per_km_comparisons(result, chosen, lifecycle)
    no_loss = calculator.no_loss_use_phase(chosen)
    pack_row = inputs.lifecycle_row(lifecycle, inputs.P_PACK_SAKURA_USE_PHASE)
    pack = float(pack_row["value_low"])
    # how far the two may differ and still agree: a revision of Ember's series (times kWh per km), and the
    # rounding of the pack's figure as stated
    leeway = chosen.ev_wh_per_km / 1000 * tables.ember_revision(electricity) + stated_precision(pack_row["value"])
    icct = inputs.lifecycle_row(lifecycle, inputs.P_BATTERY_PER_KM)
    use_span = calculator.electric_ranges(chosen, lifecycle)["use_phase"]
    verdicts = calculator.battery_verdicts(chosen, lifecycle)
    return {
        "verdict_vs_hybrid": range_verdict(verdicts, "hybrid"),
        "verdict_vs_petrol": range_verdict(verdicts, "petrol"),
        "ev_use": g_km(ev_row["use_phase"]),
        "hybrid_use": g_km(hybrid_row["use_phase"]),
        "petrol_use": g_km(petrol_row["use_phase"]),
        "ev_use_vs_hybrid": compared["use_phase_vs_hybrid"],
        "ev_use_vs_petrol": compared["use_phase_vs_petrol"],
        "ev_use_why": (
            f" (a gap smaller than the spread between the car's catalogue and Nissan's real-world electricity use, "
            f"which puts it at {span_words(*use_span, 'g/km')})"
            if compared["use_phase_vs_hybrid"] == SAME
            else ""
        ),
        "ev_battery": g_km(ev_row["battery"]),
        "ev_total": g_km(ev_row["total"]),
        "ev_total_range": span_words(ev_row["total_battery_low"], ev_row["total_battery_high"], "g/km"),
        "ev_total_vs_hybrid": compared["total_vs_hybrid"],
        "ev_total_vs_petrol": compared["total_vs_petrol"],
        "grid_used": grid,
        "ev_use_no_losses": g_km(no_loss),
        "pack_ev_use": g_km(pack),
        "pack_ev_use_agreement": agreement(text.compare(pack, no_loss, leeway)),
        "icct_per_km": f"{icct['value_low']:g}–{icct['value_high']:g} g CO2 per km per kWh of battery",
        "icct_battery": span_words(chosen.battery_kwh * icct["value_low"], chosen.battery_kwh * icct["value_high"], "g/km"),
    }


# --- the break-even -----------------------------------------------------------------------------------------


def _break_evens(crossings: pd.DataFrame) -> dict[str, float]:
    return {case: calculator.break_even_of(crossings, case) for case in [*calculator.BREAK_EVEN_CASES, calculator.PUBLISHED]}


def break_even_words(value: float) -> str:
    """A derived break-even: 'about 240 g/kWh', or 'none' when the battery alone outweighs the hybrid."""
    return about_g_kwh(value) if value > 0 else "none: the battery alone outweighs the hybrid"


def break_even_chart(crossings: pd.DataFrame, years: pd.DataFrame, grid_country: str) -> dict[str, str]:
    """The break-even chart's title (the grid below which the electric car wins), subtitle and description."""
    at = _break_evens(crossings)
    main, low, high = at[calculator.WITH_BATTERY], at[calculator.WITH_BATTERY_LOW], at[calculator.WITH_BATTERY_HIGH]
    now = years.iloc[-1]
    title = (
        f"The electric car beats the hybrid only below {about_g_kwh(main)}"
        if main > 0
        else "Its battery alone makes the electric car emit more than the hybrid"
    )
    ends = f"{break_even_words(low)} with ICCT's lowest footprint, {break_even_words(high)} with its highest"
    finding = (
        f"the electric car emits less than the hybrid on grids below {about_g_kwh(main)} ({ends})"
        if main > 0
        else f"the battery alone outweighs the hybrid on any grid ({ends})"
    )
    return chart_text(
        title,
        f"Grams of CO2(e) per km of each car against the grid's g CO2e per kWh generated (derived); "
        f"points: {possessive(grid_country)} grid, {text.year_span(years['year'])}",
        f"Counting the battery at the midpoint of ICCT's range, {finding}; {possessive(grid_country)} grid stood at "
        f"{g_kwh(now['grid_g_per_kwh'])} in {int(now['year'])}.",
    )


def break_even(crossings: pd.DataFrame, years: pd.DataFrame, grid_country: str) -> dict[str, str]:
    """The break-even intensities (a negative one: the battery alone outweighs) and the chosen grid's latest year."""
    at = _break_evens(crossings)
    now = years.iloc[-1]
    return {
        "break_even_country": possessive(grid_country),
        "break_even_use": break_even_words(at[calculator.USE_PHASE_ONLY]),
        "break_even_main": break_even_words(at[calculator.WITH_BATTERY]),
        "break_even_low": break_even_words(at[calculator.WITH_BATTERY_LOW]),
        "break_even_high": break_even_words(at[calculator.WITH_BATTERY_HIGH]),
        "break_even_petrol": break_even_words(at[calculator.PETROL_WITH_BATTERY]),
        "break_even_published": g_kwh(at[calculator.PUBLISHED]),
        "break_even_need": (
            f"needs a grid below {about_g_kwh(at[calculator.WITH_BATTERY])} to beat the hybrid"
            if at[calculator.WITH_BATTERY] > 0
            else "cannot beat the hybrid on any grid"
        ),
        "grid_now": f"{g_kwh(now['grid_g_per_kwh'])} in {int(now['year'])}",
    }


# --- sensitivity --------------------------------------------------------------------------------------------


def battery_against_grid(swing_of: pd.Series) -> str:
    """Whether the battery's inputs or the grid's range of years move the answer more (``swing_of``: input -> swing)."""
    battery, grid = swing_of[BATTERY_INPUTS], swing_of["grid_g_per_kwh"]
    if battery.min() > grid:
        return (
            "The battery's footprint, its size and the distance it is spread over each move the answer more than the grid's range of "
            "years does: whether an electric car is greener rests on how batteries are made and how long cars last as well as on the grid"
        )
    if battery.max() > grid:
        return "At least one battery input moves the answer more than the grid's range of years does"
    return "The grid's range of years moves the answer more than any battery input"


def sensitivity_chart(swings: pd.DataFrame) -> dict[str, str]:
    """The tornado's title (the input that moves the answer most, and by how much), subtitle and description."""
    top = swings.iloc[0]
    label = in_sentence(top["label"])
    return chart_text(
        f"The {label} outweighs every other input: {about_g_km(top['swing'])}",
        "Electric minus hybrid, g CO2(e) per km with the battery counted, each input at its low and high value (derived); "
        "a mark where the answer flips",
        f"With every input as chosen the electric car emits {gap_words(top['base'])} than the hybrid; "
        f"the {label} alone moves that from {gap_words(min(top['output_low'], top['output_high']))} "
        f"to {gap_words(max(top['output_low'], top['output_high']))}. {flips_words(swings)}",
    )


def flips_words(swings: pd.DataFrame) -> str:
    """Which inputs flip the answer within their range, and at what value: 'The answer flips within the range of the battery
    manufacturing footprint (at about 160 kg CO2 per kWh of battery) and ...'."""
    flipping = swings.dropna(subset=["flips_at"])
    if flipping.empty:
        return "No input flips the answer within its range."
    listed = [f"the {in_sentence(row['label'])} (at {text.about(row['flips_at'], row['unit'])})" for _, row in flipping.iterrows()]
    return f"The answer flips within the range of {text.listed(listed)}."


def sensitivity(swings: pd.DataFrame, ranges: pd.DataFrame) -> dict[str, str]:
    """The input that moves the answer most (of all, and of those with sourced ranges), and the battery against the grid."""
    top = swings.iloc[0]
    sourced = swings[swings["range basis"].str.startswith(("sourced", "not counted"))].iloc[0]
    lifetime = ranges.set_index("name").loc["lifetime_km"]
    return {
        "top_input": in_sentence(top["label"]),
        "top_swing": about_g_km(top["swing"]),
        "top_range": f"{gap_words(min(top['output_low'], top['output_high']))} to {gap_words(max(top['output_low'], top['output_high']))}",
        "base_gap": gap_words(swings["base"].iloc[0]),
        "top_sourced": f"{in_sentence(sourced['label'])} ({about_g_km(sourced['swing'])})",
        "flips": flips_words(swings),
        "lifetime_range": f"{number(lifetime['low'])} to {number(lifetime['high'])} km",
        "battery_vs_grid": battery_against_grid(swings.set_index("input")["swing"]),
    }


# --- prices -------------------------------------------------------------------------------------------------


def prices_chart(points: pd.DataFrame) -> dict[str, str]:
    """The price chart's title (the government's national price, first and last fiscal year), subtitle and description."""
    anre = tables.anre_unit_prices(points)
    first, last = anre.iloc[0], anre.iloc[-1]
    verb = "rose" if last["value"] > first["value"] else "fell" if last["value"] < first["value"] else "stayed"
    derived = (points["derived"] == tables.YES).sum()
    diamonds = f"; {'a diamond' if derived == 1 else 'diamonds'}: {tables.FIGURE_WORDS[tables.YES]}" if derived else ""
    return chart_text(
        # a title gives the headline figures to two significant figures; the description keeps them as stated
        f"Japan's household power price {verb} from {text.rounded(first['value'])} to {text.rounded(last['value'])} yen/kWh",
        f"Household electricity price, yen per kWh, Japan, {text.year_span(points['year'])}: every point in the data, by source{diamonds}",
        f"The data hold {text.count_words(len(points))} scattered points from {text.count_words(points['source_key'].nunique())} sources; "
        f"the government's national average was {yen_kwh(first['value'])} in fiscal {int(first['year'])} "
        f"and {yen_kwh(last['value'])} in fiscal {int(last['year'])}.",
    )


def household_prices(points: pd.DataFrame, prices: pd.DataFrame) -> dict[str, str]:
    """How many price points from how many sources and years; the government's first and last; the subsidy."""
    anre = tables.anre_unit_prices(points)
    aid = tables.subsidy(prices)
    return {
        "price_years": text.listed([str(y) for y in sorted(points["year"].unique())]),
        "price_count": text.count_words(len(points)),
        "price_sources": text.count_words(points["source_key"].nunique()),
        "anre_first": f"{yen_kwh(anre.iloc[0]['value'])} in fiscal {int(anre.iloc[0]['year'])}",
        "anre_last": f"{yen_kwh(anre.iloc[-1]['value'])} in fiscal {int(anre.iloc[-1]['year'])}",
        "subsidy": f"{yen_kwh(aid['value'])} ({aid['metric']})",
    }


def bills_year(abroad: pd.DataFrame) -> int:
    """The year of the one cross-country set of bills."""
    return int(abroad["year"].iloc[0])


def rank_words(rank: int, count: int) -> str:
    """Japan's place by price: 'the highest', 'fourth highest', 'the lowest'."""
    if rank == 1:
        return "the highest"
    if rank == count:
        return "the lowest"
    return f"{text.ordinal_words(rank)} highest"


def cross_country_chart(abroad: pd.DataFrame) -> dict[str, str]:
    """The cross-country chart's title (Japan's place), subtitle and description."""
    rank, count = tables.japan_rank(abroad)
    ranked = abroad.sort_values("value", ascending=False)
    japan = float(ranked.loc[ranked["country"] == tables.JAPAN, "value"].iloc[0])
    above = [place(name) for name in ranked["country"].iloc[: rank - 1]]
    below = [place(name) for name in ranked["country"].iloc[rank:]]
    sides = [f"below that of {text.listed(above)}" if above else "", f"above that of {text.listed(below)}" if below else ""]
    producer = text.listed(list(dict.fromkeys(tables.producers(abroad))))
    top, bottom = ranked.iloc[0], ranked.iloc[-1]
    return chart_text(
        f"Japan's household electricity price was {rank_words(rank, count)} of {text.count_words(count)} in {bills_year(abroad)}",
        f"Household electricity price implied by each country's {bills_year(abroad)} bill, yen per kWh (derived from {producer}'s bills)",
        f"At {yen_kwh(japan)} Japan's implied price was {' and '.join(side for side in sides if side)} "
        f"(from {yen_kwh(top['value'])} in {place(top['country'])} to {yen_kwh(bottom['value'])} in {place(bottom['country'])}).",
    )


# --- exercises ----------------------------------------------------------------------------------------------


def exercises(utilities: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame) -> dict[str, str]:
    """The exercises' commands and answers: the utilities' factor, the break-even battery footprint, petrol's upstream."""
    utility_g = float(utilities.iloc[-1]["utilities_gco2_per_kwh_sold"])
    footprint = calc.break_even_battery_kg_per_kwh(chosen)
    low, high = inputs.battery_range(lifecycle)
    without_upstream = chosen.replace(fuel_upstream_kg_per_l=0.0)
    return {
        "ex_utility_cmd": text.Code(f"python -m tradetalks run ev_emissions -p grid_intensity {utility_g:g} -p grid_loss_pct 0"),
        "ex_utility_use": g_km(calc.ev_use_g_per_km(chosen.ev_wh_per_km, utility_g, chosen.charging_loss_pct, 0.0)),
        "ex_battery_answer": text.about(footprint, "kg CO2 per kWh")
        if footprint > 0
        else "none: the electric car emits more than the hybrid in use alone",
        "ex_battery_range": f"{low:g} to {high:g} kg CO2 per kWh",
        "ex_upstream_cmd": text.Code("python -m tradetalks run ev_emissions -p fuel_upstream_g_per_mj 0"),
        "ex_upstream_answer": break_even_words(calc.break_even_intensity(without_upstream)),
    }


# --- in brief -----------------------------------------------------------------------------------------------


BOUNDARY_SHORT = {parameters.WELL_TO_WHEEL: "counted well-to-wheel for every car", parameters.DIRECT: "counting direct CO2 for every car"}


def brief_per_km(
    result: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame, grid: str, boundary: str = parameters.WELL_TO_WHEEL
) -> str:
    """The chapter's key finding: the electric car against the hybrid in use, then with its battery."""
    by_car = result.set_index("car")
    ev, hybrid = by_car.loc["electric"], by_car.loc["hybrid"]
    compared = per_km_comparisons(result, chosen, lifecycle)
    verdicts = calculator.battery_verdicts(chosen, lifecycle)
    return (
        f"On {grid}, {BOUNDARY_SHORT[boundary]}, an electric kei car emits {compared['use_phase_vs_hybrid']} a hybrid in use "
        f"({g_km(ev['use_phase'])} against {g_km(hybrid['total'])}); with its battery's manufacture counted it is "
        f"{range_verdict(verdicts, 'hybrid')}, and {range_verdict(verdicts, 'petrol')}."
    )


def brief_break_even(crossings: pd.DataFrame, chosen: calc.EmissionsInputs, grid: str) -> str:
    """The grid the electric car needs to beat the hybrid, against the grid it runs on."""
    main = calculator.break_even_of(crossings, calculator.WITH_BATTERY)
    on = f"the {g_kwh(chosen.grid_g_per_kwh)} of {grid}"
    if main <= 0:
        return f"With its battery counted, an electric kei car cannot beat the hybrid on any grid with these inputs, let alone on {on}."
    if main >= chosen.grid_g_per_kwh:
        return f"With its battery counted, an electric kei car beats the hybrid on grids below {about_g_kwh(main)}, {on} among them."
    share = text.fraction(main / chosen.grid_g_per_kwh * 100)
    return f"With its battery counted, an electric kei car beats the hybrid only on grids below {about_g_kwh(main)}, {share} of {on}."


def brief_sensitivity(swings: pd.DataFrame) -> str:
    """The input the answer depends on most, and how far it moves the answer."""
    top = swings.iloc[0]
    low, high = sorted([top["output_low"], top["output_high"]])
    return (
        f"The answer depends most on the {in_sentence(top['label'])}: across its range the electric car emits "
        f"from {gap_words(low)} to {gap_words(high)} than the hybrid."
    )


# --- the in-page calculator ------------------------------------------------------------------------------------


def calculator_chart(
    result: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame, grid: str, shown: dict[str, str], *, own: bool = False
) -> dict[str, str]:
    """The in-page chart's title (the electric car against the hybrid and the petrol car at the values the page starts
    from, in the chapter's own comparison words), subtitle and description. ``shown``: the calculator's figures at
    those values as the page writes them, by ``electric_use``, ``electric_battery``, ``hybrid`` and ``petrol``;
    ``own``: the run sets some of them itself (Papermill parameters), so they are not all the sources'."""
    compared = per_km_comparisons(result, chosen, lifecycle)
    hybrid, petrol = compared["total_vs_hybrid"], compared["total_vs_petrol"]
    at = "your values" if own else "sourced values"
    return chart_text(
        chartlint.fitting_title(
            f"At {at} the EV emits {hybrid} the hybrid, {petrol} the petrol car",
            f"At {at} the EV emits {hybrid} the hybrid",
            f"The EV emits {hybrid} the hybrid",
        ),
        "Grams of CO2(e) per km by car, in use and from making the battery, at the values in the form (derived)",
        f"At {at}, on {grid}, the electric kei car emits {shown['electric_use']} in use and "
        f"{shown['electric_battery']} for its battery, against {shown['hybrid']} for the hybrid and "
        f"{shown['petrol']} for the petrol kei car; the bars move with the form.",
    )
