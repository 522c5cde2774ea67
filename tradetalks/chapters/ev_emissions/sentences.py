"""The page's words, computed from the frames it draws: each chart's title, subtitle and description, and
the figures glued into the prose, section by section (functions returning glue name -> text).

A title states the chart's finding with a verb (``tradetalks.chartlint``); a comparison whose gap is
smaller than what the inputs leave open reads "about the same" (``text.compare``), with the
uncertainty taken from the data: the revision between two vintages of Ember's series for grids, the
electric car's sourced alternatives (``calculator.electric_ranges``) for grams per km. Derived
figures are rounded by ``units`` and ``tradetalks.text``; figures a source states keep its precision.

Every sentence is a message (``tr``) with named fields, in the language the page runs in; where English and
Japanese build a sentence differently, the code chooses between whole messages (``text.compare``'s keyword
picks its own sentence). A keyword glued alone, the prose around it supplying the words, is this chapter's own
message (``level``).
"""

from __future__ import annotations

import pandas as pd

from tradetalks import calc, chartlint, i18n, text
from tradetalks.i18n import N_, tr

from . import calculator, inputs, parameters, tables, units
from .units import about_g_km, about_g_kwh, figure, g_km, g_kwh, yen_kwh
from .words import joined, shown

# The inputs that size the battery's share: compared with the grid's range in the sensitivity prose.
BATTERY_INPUTS = ["battery_kg_per_kwh", "lifetime_km", "battery_kwh"]
# Places whose names take an article in a sentence.
WITH_ARTICLE = {"United States", "United Kingdom", "European Union", "Netherlands", "World"}
SAME = "about the same as"  # what text.compare says of a gap within the uncertainty
MORE, LESS = "more than", "less than"  # and of a larger gap, either way

# text.compare's keyword glued alone into the prose, which the Japanese reads before a level ("…を上回る水準").
# A message has one translation site-wide, and another chapter glues "more than" to end its sentence, so these are
# this chapter's own: the same English, told apart by an empty {as_a_level} field.
LEVELS = {
    MORE: N_("more than{as_a_level}"),
    LESS: N_("less than{as_a_level}"),
    SAME: N_("about the same as{as_a_level}"),
}


def chart_text(title: str, subtitle: str, description: str) -> dict[str, str]:
    """The three texts ``charts.publish`` takes, by name."""
    return {"title": title, "subtitle": subtitle, "description": description}


# --- words ------------------------------------------------------------------------------------------------


def level(compared: str) -> str:
    """A keyword of ``text.compare`` as the prose glues it: 'more than' (in Japanese, 'を上回る', before 水準)."""
    return tr(LEVELS[compared]).format(as_a_level="")


def place(name: str) -> str:
    """A place as a sentence names it: 'United States' -> 'the United States' (the data's name, translated)."""
    named = tr(name)
    if name not in WITH_ARTICLE:
        return named
    return tr("the {place}").format(place=named.lower() if name == tables.WORLD else named)


def possessive(name: str) -> str:
    """'Japan' -> "Japan's", 'United States' -> "the United States'", 'World' -> "the world's"."""
    named = place(name)
    return (tr("{place}'") if named.endswith("s") else tr("{place}'s")).format(place=named)


def in_sentence(label: str) -> str:
    """A label inside a sentence: 'Car's lifetime distance' -> "car's lifetime distance"; 'EV electricity use' stays."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def gap_words(gap: float) -> str:
    """A derived difference, electric minus hybrid: +35.44 -> 'about 35 g/km more', -3.0 -> '3.0 g/km less'."""
    if text.significant(gap) == 0:
        return tr("as much")
    return (tr("{gap} more") if gap > 0 else tr("{gap} less")).format(gap=about_g_km(abs(gap)))


def span_words(low: float, high: float, unit_words: str, figures: int = units.FIGURES) -> str:
    """A range of derived figures, 'about' said once: (77.85, 136.25, 'g/km') -> 'about 77.8 to 136 g/km'
    (``unit_words``: a message)."""
    rounded = [text.significant(value, figures) for value in (low, high)]
    span = tr("{low} to {high} {unit}") if rounded == [low, high] else tr("about {low} to {high} {unit}")
    return span.format(low=text.rounded(low, figures), high=text.rounded(high, figures), unit=tr(unit_words))


def stated_precision(stated: object) -> float:
    """Half a unit in the last place of a figure as its source states it: '59.8' -> 0.05, '320' -> 0.5."""
    digits = str(stated).strip()
    decimals = len(digits.partition(".")[2]) if "." in digits else 0
    return 0.5 * 10**-decimals


def pct_change(first: float, last: float) -> str:
    """Two shares, to two significant figures, 'about' said once: (3.35, 10.79) -> 'about 3.4% to 11%'."""
    exact = [text.significant(v) for v in (first, last)] == [first, last]
    change = tr("{first_share} to {last_share}") if exact else tr("about {first_share} to {last_share}")
    return change.format(first_share=text.pct(first, 2), last_share=text.pct(last, 2))


def inputs_words(table: pd.DataFrame, names: list[str]) -> str:
    """Some inputs for a sentence: 'charging losses 11 (% of the energy drawn from the socket; sourced: ...)'."""
    rows = table.set_index("name").loc[names]
    return joined(
        [
            tr("{input} {value} ({unit}; {basis})").format(
                input=in_sentence(shown(row["input"])), value=figure(row["value"]), unit=shown(row["unit"]), basis=shown(row["basis"])
            )
            for _, row in rows.iterrows()
        ]
    )


def grid_used(electricity: pd.DataFrame, grid_country: str, grid_year: int | None, grid_intensity: float | None) -> str:
    """The grid the calculator runs on, as a sentence names it: "Japan's 2024 grid" or 'a grid of 421 g/kWh (set by you)'."""
    if grid_intensity is not None:
        return tr("a grid of {intensity} (set by you)").format(intensity=g_kwh(grid_intensity))
    year = grid_year if grid_year is not None else tables.grid_years(electricity, grid_country)[-1]
    return tr("{owner} {year} grid").format(owner=possessive(grid_country), year=year)


# --- Japan's grid against others ----------------------------------------------------------------------------


def _japan_and_world(electricity: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series, float]:
    """Japan's first and last year in Ember's series, the world's figures by year, and Ember's revision (g/kWh)."""
    ember = tables.ember_intensity(electricity)
    japan = ember[ember["country"] == tables.JAPAN]
    world = ember[ember["country"] == tables.WORLD].set_index("year")["value"]
    return japan.iloc[0], japan.iloc[-1], world, tables.ember_revision(electricity)


def _japan_trend(electricity: pd.DataFrame) -> tuple[bool, float]:
    """Whether Japan's grid stayed about the same from Ember's first to its last year (within a revision of the
    series), and the change in per cent."""
    first, last, _, revision = _japan_and_world(electricity)
    change = (last["value"] - first["value"]) / first["value"] * 100
    return bool(abs(last["value"] - first["value"]) <= revision), change


def japan_change(electricity: pd.DataFrame) -> tuple[str, float]:
    """How Japan's grid changed from Ember's first to its last year ('about 16% less', or 'about the same' within a
    revision of Ember's series), and the change in per cent."""
    same, change = _japan_trend(electricity)
    if same:
        return tr("about the same"), change
    return (tr("{share} less") if change < 0 else tr("{share} more")).format(share=text.about_pct(abs(change))), change


def japan_vs_world(electricity: pd.DataFrame, year: int, *, more: str = MORE, less: str = LESS) -> str:
    """Japan's grid against the world's in ``year`` (Ember), 'about the same as' within a revision of the series
    (``text.compare``'s keyword: code reads it; ``level`` says it)."""
    ember = tables.ember_intensity(electricity).set_index(["country", "year"])["value"]
    revision = tables.ember_revision(electricity)
    return text.compare(ember[(tables.JAPAN, year)], ember[(tables.WORLD, year)], revision, more=more, less=less)


# Japan's grid against the world's, now and at the start: the title's second half.
STANDINGS = {
    (MORE, True): N_("it still tops the world's"),
    (MORE, False): N_("it now tops the world's"),
    (LESS, True): N_("it still trails the world's"),
    (LESS, False): N_("it now trails the world's"),
    (SAME, True): N_("it still matches the world's"),
    (SAME, False): N_("it now matches the world's"),
}
GRID_DESCRIPTIONS = {
    MORE: N_(
        "In Ember's series Japan's grid went from {first} in {first_year} to {last} in {last_year}, more than the world average of {world}{iea}."
    ),
    LESS: N_(
        "In Ember's series Japan's grid went from {first} in {first_year} to {last} in {last_year}, less than the world average of {world}{iea}."
    ),
    SAME: N_(
        "In Ember's series Japan's grid went from {first} in {first_year} to {last} in {last_year}, about the same as the world average of "
        "{world}{iea}."
    ),
}


def grid_chart(electricity: pd.DataFrame, series: pd.DataFrame) -> dict[str, str]:
    """The intensity chart's title (Japan's trend and its place against the world), subtitle and description."""
    first, last, world, _ = _japan_and_world(electricity)
    y0, y1 = int(first["year"]), int(last["year"])
    same, change = _japan_trend(electricity)
    if same:
        trend = tr("Japan's grid stayed about level since {year}")
    else:
        trend = tr("Japan's grid fell {share} since {year}") if change < 0 else tr("Japan's grid rose {share} since {year}")
    now = japan_vs_world(electricity, y1)
    standing = STANDINGS[(now, japan_vs_world(electricity, y0) == now)]
    iea = tables.iea_intensity(electricity)
    iea_world = iea[(iea["country"] == tables.WORLD) & (iea["year"] == y1)]["value"]
    iea_words = (
        tr("; the IEA, counting CO2 only, puts the world at {intensity}").format(intensity=g_kwh(iea_world.iloc[0]))
        if not iea_world.empty
        else ""
    )
    return chart_text(
        tr("{trend}; {standing}").format(trend=trend.format(share=text.about_pct(abs(change)), year=y0), standing=tr(standing)),
        tr("Carbon intensity of electricity generated, g CO2(e) per kWh, by country, {years}; Ember solid, IEA dashed").format(
            years=text.year_span(series["year"])
        ),
        tr(GRID_DESCRIPTIONS[now]).format(
            first=g_kwh(first["value"]), first_year=y0, last=g_kwh(last["value"]), last_year=y1, world=g_kwh(world[y1]), iea=iea_words
        ),
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
    same, change = _japan_trend(electricity)
    if same:
        since = tr("about the same as in {year}")
    else:
        since = tr("{share} less than in {year}") if change < 0 else tr("{share} more than in {year}")
    missing = tables.missing_countries(series)
    return {
        "japan_first_year": str(int(first["year"])),
        "japan_first": g_kwh(first["value"]),
        "japan_last_year": str(int(last["year"])),
        "japan_last": g_kwh(last["value"]),
        "japan_change": japan_change(electricity)[0],
        "japan_change_since": since.format(share=text.about_pct(abs(change)), year=int(first["year"])),
        "latest_others": joined(
            [tr("{place} {intensity}").format(place=place(name), intensity=g_kwh(value)) for name, value in others.items()]
        ),
        "japan_vs_world": level(japan_vs_world(electricity, int(last["year"]))),
        "ember_revision": g_kwh(tables.ember_revision(electricity)),
        "iea_world_latest": g_kwh(iea_world["value"]),
        # "none" is another chapter's message too (its own Japanese): this one is told apart by an empty field
        "missing_countries": text.listed([tr(name) for name in missing]) if missing else tr("none{countries}").format(countries=""),
        "iea_only": text.listed([place(name) for name in tables.iea_only_countries(series)]) or tr("no other country"),
        # the years as the sentence names them (in Japanese with 年)
        "iea_forecast_years": tr("{forecast_years}").format(forecast_years=text.year_span(forecast_years))
        if forecast_years
        else tr("no year"),
    }


# --- the mix ------------------------------------------------------------------------------------------------


def _fossil_ends(fossil: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.DataFrame]:
    """Fossil fuels' share in Ember's first and last year, and the later estimate's rows (ISEP)."""
    ember = fossil[fossil["publisher"] == tables.EMBER_MIX_PUBLISHER]
    return ember.iloc[0], ember.iloc[-1], fossil[fossil["publisher"] != tables.EMBER_MIX_PUBLISHER]


def grew(mix: pd.DataFrame, sources: tuple[str, ...] = ("nuclear", "solar")) -> str:
    """' as nuclear and solar grew': the low-carbon sources whose share rose over Ember's years (empty if none did)."""
    rose = [
        tr(tables.MIX_LABELS[source])
        for source in sources
        if tables.mix_shares(mix, source).iloc[-1] > tables.mix_shares(mix, source).iloc[0]
    ]
    return tr(" as {sources} grew").format(sources=text.listed(rose)) if rose else ""


def mix_chart(mix: pd.DataFrame, fossil: pd.DataFrame) -> dict[str, str]:
    """The mix chart's title (fossil fuels' share, first to last Ember year), subtitle and description."""
    f0, f1, isep = _fossil_ends(fossil)
    a, b = text.about_pct(f0["fossil_pct"]), text.about_pct(f1["fossil_pct"])
    if a == b:
        title = tr("Fossil fuels stayed at {last_share} of Japan's power")
    elif f1["fossil_pct"] < f0["fossil_pct"]:
        title = tr("Fossil fuels fell from {first_share} to {last_share} of Japan's power")
    else:
        title = tr("Fossil fuels rose from {first_share} to {last_share} of Japan's power")
    ember_years = mix.loc[mix["publisher"] == tables.EMBER_MIX_PUBLISHER, "year"]
    nuclear, solar = tables.mix_shares(mix, "nuclear"), tables.mix_shares(mix, "solar")
    fields = {
        "years": text.year_span(ember_years),
        "first_share": a,
        "first_year": int(f0["year"]),
        "last_share": b,
        "last_year": int(f1["year"]),
        "nuclear": pct_change(nuclear.iloc[0], nuclear.iloc[-1]),
        "solar": pct_change(solar.iloc[0], solar.iloc[-1]),
    }
    if isep.empty:
        subtitle = tr("Share of Japan's electricity generated, by source, %, {years} (Ember); white figures: coal, gas and oil together")
        description = tr(
            "Coal, gas and oil made {first_share} of Japan's electricity in {first_year} and {last_share} in {last_year} by Ember's "
            "count, while nuclear went from {nuclear} and solar from {solar}."
        )
    else:
        fields |= {"isep_share": text.about_pct(isep["fossil_pct"].iloc[0]), "isep_year": int(isep["year"].iloc[0])}
        subtitle = tr(
            "Share of Japan's electricity generated, by source, %, {years} (Ember), {isep_year} (ISEP, preliminary); white figures: "
            "coal, gas and oil together"
        )
        description = tr(
            "Coal, gas and oil made {first_share} of Japan's electricity in {first_year} and {last_share} in {last_year} by Ember's "
            "count ({isep_share} in {isep_year} by ISEP's preliminary count), while nuclear went from {nuclear} and solar from {solar}."
        )
    return chart_text(title.format(**fields), subtitle.format(**fields), description.format(**fields))


def generation_mix(mix: pd.DataFrame, fossil: pd.DataFrame) -> dict[str, str]:
    """Fossil fuels' share in Ember's first and last year and in ISEP's estimate; nuclear's and solar's change."""
    f0, f1, isep = _fossil_ends(fossil)
    nuclear, solar = tables.mix_shares(mix, "nuclear"), tables.mix_shares(mix, "solar")
    share_in = tr("{fossil_share} in {year}")  # in Japanese the year first: 2015年は約85%
    return {
        "fossil_first": share_in.format(fossil_share=text.about_pct(f0["fossil_pct"]), year=int(f0["year"])),
        "fossil_last": share_in.format(fossil_share=text.about_pct(f1["fossil_pct"]), year=int(f1["year"])),
        "fossil_isep": share_in.format(fossil_share=text.about_pct(isep["fossil_pct"].iloc[0]), year=int(isep["year"].iloc[0]))
        if not isep.empty
        else tr("not in the data"),
        "nuclear_change": pct_change(nuclear.iloc[0], nuclear.iloc[-1]),
        "solar_change": pct_change(solar.iloc[0], solar.iloc[-1]),
        "mix_grew": grew(mix),
    }


def two_measures(utilities: pd.DataFrame) -> dict[str, str]:
    """The utilities' factor and Ember's intensity in the last year both report."""
    recent = utilities.dropna(subset=["ember_gco2e_per_kwh_generated"]).iloc[-1]
    return {
        "utility_year": str(int(recent[tables.UTILITY_YEAR])),
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


RIVAL_NAMES = {"hybrid": N_("the hybrid"), "petrol": N_("the petrol kei car")}


def boundary_words(boundary: str) -> str:
    """The system boundary as the page names it, with what it counts (``parameters.BOUNDARIES``)."""
    return tr(parameters.BOUNDARIES[boundary])


def boundary_name(boundary: str) -> str:
    """The system boundary's name alone: 'well-to-wheel' or 'direct' (``parameters.BOUNDARY_NAMES``)."""
    return tr(parameters.BOUNDARY_NAMES[boundary])


def range_verdict(verdicts: pd.DataFrame, rival: str) -> str:
    """The electric car against ``rival`` across ICCT's battery footprints, from both ends of the range:
    'ahead of the hybrid at ICCT's low battery footprint, behind it at the high one (it flips at about 160 kg CO2 per kWh)'.
    (In Japanese a predicate whose subject is the electric car's emissions: '…ハイブリッド車を下回るが、上限では上回る'.)"""
    row = verdicts.set_index("rival").loc[rival]
    name = tr(RIVAL_NAMES[rival])
    low_ahead, high_ahead = row["gap_low"] < 0, row["gap_high"] < 0
    if low_ahead and high_ahead:
        return tr("ahead of {rival} across ICCT's range of battery footprints").format(rival=name)
    if not low_ahead and not high_ahead:
        return tr("behind {rival} across ICCT's range of battery footprints").format(rival=name)
    flip = (
        tr(" (the answer flips at {footprint})").format(footprint=text.about(row["flips_at"], N_("kg CO2 per kWh")))
        if not pd.isna(row["flips_at"])
        else ""
    )
    if low_ahead:
        return tr("ahead of {rival} at ICCT's low battery footprint, behind it at the high one{flip}").format(rival=name, flip=flip)
    return tr("behind {rival} at ICCT's low battery footprint, ahead of it at the high one{flip}").format(rival=name, flip=flip)


def range_title(verdicts: pd.DataFrame) -> str:
    """The per-km chart's title: the verdict against the hybrid over the battery's range (not one point)."""
    row = verdicts.set_index("rival").loc["hybrid"]
    low_ahead, high_ahead = row["gap_low"] < 0, row["gap_high"] < 0
    if low_ahead and high_ahead:
        return tr("The EV beats the hybrid across ICCT's range of battery footprints")
    if not low_ahead and not high_ahead:
        return tr("The EV emits more than the hybrid across ICCT's battery range")
    return (
        tr("The EV beats the hybrid only with a low-footprint battery")
        if low_ahead
        else tr("The EV beats the hybrid only with a high-footprint battery")
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
        tr(
            "Grams of CO2(e) per km by car, in use and from making the battery, on {grid} (derived); line: the battery at both ends of "
            "ICCT's range"
        ).format(grid=grid),
        tr(
            "On {grid} the electric kei car emits {use} in use, {use_vs_hybrid} the hybrid's {hybrid}; its battery adds {battery}, for "
            "{total} ({span} across ICCT's range of battery footprints), {total_vs_hybrid} the hybrid and {total_vs_petrol} the petrol "
            "kei car's {petrol}: {verdict_vs_hybrid}, and {verdict_vs_petrol}."
        ).format(
            grid=grid,
            use=g_km(ev["use_phase"]),
            use_vs_hybrid=level(compared["use_phase_vs_hybrid"]),
            hybrid=g_km(hybrid["total"]),
            battery=g_km(ev["battery"]),
            total=g_km(ev["total"]),
            span=span_words(ev["total_battery_low"], ev["total_battery_high"], N_("g/km")),
            total_vs_hybrid=level(compared["total_vs_hybrid"]),
            total_vs_petrol=level(compared["total_vs_petrol"]),
            petrol=g_km(petrol["total"]),
            verdict_vs_hybrid=range_verdict(verdicts, "hybrid"),
            verdict_vs_petrol=range_verdict(verdicts, "petrol"),
        ),
    )


AGREEMENTS = {
    SAME: N_("about the same as ours: they differ by less than a revision of Ember's series and the rounding of the pack's figure"),
    MORE: N_("more than ours, by more than a revision of Ember's series and the pack's rounding explain"),
    LESS: N_("less than ours, by more than a revision of Ember's series and the pack's rounding explain"),
}


def agreement(compared: str) -> str:
    """The data pack's figure against the calculator's, and why they may differ."""
    return tr(AGREEMENTS[compared])


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
        # the verdicts as the prose glues them (in Japanese, each a sentence of its own)
        "verdict_vs_hybrid": tr("{verdict_vs_hybrid}").format(verdict_vs_hybrid=range_verdict(verdicts, "hybrid")),
        "verdict_vs_petrol": tr("{verdict_vs_petrol}").format(verdict_vs_petrol=range_verdict(verdicts, "petrol")),
        "ev_use": g_km(ev_row["use_phase"]),
        "hybrid_use": g_km(hybrid_row["use_phase"]),
        "petrol_use": g_km(petrol_row["use_phase"]),
        "ev_use_vs_hybrid": level(compared["use_phase_vs_hybrid"]),
        "ev_use_vs_petrol": level(compared["use_phase_vs_petrol"]),
        "ev_use_why": (
            tr(
                " (a gap smaller than the spread between the car's catalogue and Nissan's real-world electricity use, "
                "which puts it at {span})"
            ).format(span=span_words(*use_span, N_("g/km")))
            if compared["use_phase_vs_hybrid"] == SAME
            else ""
        ),
        "ev_battery": g_km(ev_row["battery"]),
        "ev_total": g_km(ev_row["total"]),
        "ev_total_range": span_words(ev_row["total_battery_low"], ev_row["total_battery_high"], N_("g/km")),
        "ev_total_vs_hybrid": level(compared["total_vs_hybrid"]),
        "ev_total_vs_petrol": level(compared["total_vs_petrol"]),
        "grid_used": grid,
        "ev_use_no_losses": g_km(no_loss),
        "pack_ev_use": g_km(pack),
        "pack_ev_use_agreement": agreement(text.compare(pack, no_loss, leeway)),
        "icct_per_km": tr("{low}–{high} g CO2 per km per kWh of battery").format(
            low=f"{icct['value_low']:g}", high=f"{icct['value_high']:g}"
        ),
        "icct_battery": span_words(chosen.battery_kwh * icct["value_low"], chosen.battery_kwh * icct["value_high"], N_("g/km")),
    }


# --- the break-even -----------------------------------------------------------------------------------------


def _break_evens(crossings: pd.DataFrame) -> dict[str, float]:
    return {case: calculator.break_even_of(crossings, case) for case in [*calculator.BREAK_EVEN_CASES, calculator.PUBLISHED]}


def break_even_words(value: float) -> str:
    """A derived break-even: 'about 240 g/kWh', or 'none' when the battery alone outweighs the hybrid."""
    return about_g_kwh(value) if value > 0 else tr("none: the battery alone outweighs the hybrid")


def break_even_chart(crossings: pd.DataFrame, years: pd.DataFrame, grid_country: str) -> dict[str, str]:
    """The break-even chart's title (the grid below which the electric car wins), subtitle and description."""
    at = _break_evens(crossings)
    main, low, high = at[calculator.WITH_BATTERY], at[calculator.WITH_BATTERY_LOW], at[calculator.WITH_BATTERY_HIGH]
    now = years.iloc[-1]
    title = (
        tr("The electric car beats the hybrid only below {break_even}").format(break_even=about_g_kwh(main))
        if main > 0
        else tr("Its battery alone makes the electric car emit more than the hybrid")
    )
    ends = tr("{low} with ICCT's lowest footprint, {high} with its highest").format(low=break_even_words(low), high=break_even_words(high))
    description = (
        tr(
            "Counting the battery at the midpoint of ICCT's range, the electric car emits less than the hybrid on grids below "
            "{break_even} ({ends}); {owner} grid stood at {intensity} in {year}."
        )
        if main > 0
        else tr(
            "Counting the battery at the midpoint of ICCT's range, the battery alone outweighs the hybrid on any grid ({ends}); "
            "{owner} grid stood at {intensity} in {year}."
        )
    )
    owner = possessive(grid_country)
    return chart_text(
        title,
        tr(
            "Grams of CO2(e) per km of each car against the grid's g CO2e per kWh generated (derived); points: {owner} grid, {years}"
        ).format(owner=owner, years=text.year_span(years["year"])),
        description.format(
            break_even=about_g_kwh(main), ends=ends, owner=owner, intensity=g_kwh(now["grid_g_per_kwh"]), year=int(now["year"])
        ),
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
            tr("needs a grid below {break_even} to beat the hybrid").format(break_even=about_g_kwh(at[calculator.WITH_BATTERY]))
            if at[calculator.WITH_BATTERY] > 0
            else tr("cannot beat the hybrid on any grid")
        ),
        "grid_now": tr("{grid_intensity} in {year}").format(grid_intensity=g_kwh(now["grid_g_per_kwh"]), year=int(now["year"])),
    }


# --- sensitivity --------------------------------------------------------------------------------------------


def battery_against_grid(swing_of: pd.Series) -> str:
    """Whether the battery's inputs or the grid's range of years move the answer more (``swing_of``: input -> swing)."""
    battery, grid = swing_of[BATTERY_INPUTS], swing_of["grid_g_per_kwh"]
    if battery.min() > grid:
        return tr(
            "The battery's footprint, its size and the distance it is spread over each move the answer more than the grid's range of "
            "years does: whether an electric car is greener rests on how batteries are made and how long cars last as well as on the grid"
        )
    if battery.max() > grid:
        return tr("At least one battery input moves the answer more than the grid's range of years does")
    return tr("The grid's range of years moves the answer more than any battery input")


def sensitivity_chart(swings: pd.DataFrame) -> dict[str, str]:
    """The tornado's title (the input that moves the answer most, and by how much), subtitle and description."""
    top = swings.iloc[0]
    label = in_sentence(top["label"])
    return chart_text(
        tr("The {input} outweighs every other input: {swing}").format(input=label, swing=about_g_km(top["swing"])),
        tr(
            "Electric minus hybrid, g CO2(e) per km with the battery counted, each input at its low and high value (derived); "
            "a mark where the answer flips"
        ),
        tr(
            "With every input as chosen the electric car emits {base} than the hybrid; the {input} alone moves that from {low} to "
            "{high}. {flips}"
        ).format(
            base=gap_words(top["base"]),
            input=label,
            low=gap_words(min(top["output_low"], top["output_high"])),
            high=gap_words(max(top["output_low"], top["output_high"])),
            flips=flips_words(swings),
        ),
    )


def flips_words(swings: pd.DataFrame) -> str:
    """Which inputs flip the answer within their range, and at what value: 'The answer flips within the range of the battery
    manufacturing footprint (at about 160 kg CO2 per kWh of battery) and ...'."""
    flipping = swings.dropna(subset=["flips_at"])
    if flipping.empty:
        return tr("No input flips the answer within its range.")
    listed = [
        tr("the {input} (at {value})").format(input=in_sentence(row["label"]), value=text.about(row["flips_at"], row["unit"]))
        for _, row in flipping.iterrows()
    ]
    return tr("The answer flips within the range of {inputs}.").format(inputs=text.listed(listed))


def sensitivity(swings: pd.DataFrame, ranges: pd.DataFrame) -> dict[str, str]:
    """The input that moves the answer most (of all, and of those with sourced ranges), and the battery against the grid."""
    top = swings.iloc[0]
    sourced = swings[swings["range basis"].str.startswith(("sourced", "not counted"))].iloc[0]
    lifetime = ranges.set_index("name").loc["lifetime_km"]
    return {
        "top_input": in_sentence(top["label"]),
        "top_swing": about_g_km(top["swing"]),
        "top_range": tr("{low_gap} to {high_gap}").format(
            low_gap=gap_words(min(top["output_low"], top["output_high"])), high_gap=gap_words(max(top["output_low"], top["output_high"]))
        ),
        "base_gap": gap_words(swings["base"].iloc[0]),
        "top_sourced": tr("{input} ({swing})").format(input=in_sentence(sourced["label"]), swing=about_g_km(sourced["swing"])),
        "flips": flips_words(swings),
        "lifetime_range": tr("{low} to {high} km").format(low=figure(lifetime["low"]), high=figure(lifetime["high"])),
        "battery_vs_grid": battery_against_grid(swings.set_index("input")["swing"]),
    }


# --- prices -------------------------------------------------------------------------------------------------


def prices_chart(points: pd.DataFrame) -> dict[str, str]:
    """The price chart's title (the government's national price, first and last fiscal year), subtitle and description."""
    anre = tables.anre_unit_prices(points)
    first, last = anre.iloc[0], anre.iloc[-1]
    if last["value"] > first["value"]:
        title = tr("Japan's household power price rose from {first} to {last} yen/kWh")
    elif last["value"] < first["value"]:
        title = tr("Japan's household power price fell from {first} to {last} yen/kWh")
    else:
        title = tr("Japan's household power price stayed from {first} to {last} yen/kWh")
    derived = (points["derived"] == tables.YES).sum()
    if not derived:
        subtitle = tr("Household electricity price, yen per kWh, Japan, {years}: every point in the data, by source")
    elif derived == 1:
        subtitle = tr("Household electricity price, yen per kWh, Japan, {years}: every point in the data, by source; a diamond: {derived}")
    else:
        subtitle = tr("Household electricity price, yen per kWh, Japan, {years}: every point in the data, by source; diamonds: {derived}")
    return chart_text(
        # a title gives the headline figures to two significant figures; the description keeps them as stated
        title.format(first=text.rounded(first["value"]), last=text.rounded(last["value"])),
        subtitle.format(years=text.year_span(points["year"]), derived=tr(tables.FIGURE_WORDS[tables.YES])),
        tr(
            "The data hold {count} scattered points from {sources} sources; the government's national average was {first_price} in "
            "fiscal {first_year} and {last_price} in fiscal {last_year}."
        ).format(
            count=text.count_words(len(points)),
            sources=text.count_words(points["source_key"].nunique()),
            first_price=yen_kwh(first["value"]),
            first_year=int(first["year"]),
            last_price=yen_kwh(last["value"]),
            last_year=int(last["year"]),
        ),
    )


def household_prices(points: pd.DataFrame, prices: pd.DataFrame) -> dict[str, str]:
    """How many price points from how many sources and years; the government's first and last; the subsidy."""
    anre = tables.anre_unit_prices(points)
    aid = tables.subsidy(prices)
    in_fiscal = tr("{price} in fiscal {year}")  # in Japanese the fiscal year first: 2010年度は21.39円/kWh
    return {
        # the years as the sentence names them (in Japanese with 年)
        "price_years": tr("{price_years}").format(price_years=text.listed([str(y) for y in sorted(points["year"].unique())])),
        "price_count": text.count_words(len(points)),
        "price_sources": text.count_words(points["source_key"].nunique()),
        "anre_first": in_fiscal.format(price=yen_kwh(anre.iloc[0]["value"]), year=int(anre.iloc[0]["year"])),
        "anre_last": in_fiscal.format(price=yen_kwh(anre.iloc[-1]["value"]), year=int(anre.iloc[-1]["year"])),
        "subsidy": tr("{amount} ({what})").format(amount=yen_kwh(aid["value"]), what=tr(aid["metric"])),
    }


def bills_year(abroad: pd.DataFrame) -> int:
    """The year of the one cross-country set of bills."""
    return int(abroad["year"].iloc[0])


def ordinal_words(rank: int) -> str:
    """A rank in words as ``text.ordinal_words`` gives it ('fourth'); in a translated edition the rank as
    ``text.ordinal`` writes it in that language (Japanese: '第4'), which ``text.ordinal_words`` does not."""
    return text.ordinal_words(rank) if i18n.current() == i18n.SOURCE_LANGUAGE else text.ordinal(rank)


def rank_words(rank: int, count: int) -> str:
    """Japan's place by price: 'the highest', 'fourth highest', 'the lowest'."""
    if rank == 1:
        return tr("the highest")
    if rank == count:
        return tr("the lowest")
    return tr("{ordinal} highest").format(ordinal=ordinal_words(rank))


# Japan's implied price against the others', by which sides of it they lie on (higher prices, lower prices).
SIDES = {
    (True, True): N_(
        "At {price} Japan's implied price was below that of {above} and above that of {below} (from {top_price} in {top} to "
        "{bottom_price} in {bottom})."
    ),
    (True, False): N_(
        "At {price} Japan's implied price was below that of {above} (from {top_price} in {top} to {bottom_price} in {bottom})."
    ),
    (False, True): N_(
        "At {price} Japan's implied price was above that of {below} (from {top_price} in {top} to {bottom_price} in {bottom})."
    ),
    (False, False): N_("At {price} Japan's implied price was  (from {top_price} in {top} to {bottom_price} in {bottom})."),
}


def cross_country_chart(abroad: pd.DataFrame) -> dict[str, str]:
    """The cross-country chart's title (Japan's place), subtitle and description."""
    rank, count = tables.japan_rank(abroad)
    ranked = abroad.sort_values("value", ascending=False)
    japan = float(ranked.loc[ranked["country"] == tables.JAPAN, "value"].iloc[0])
    above = [place(name) for name in ranked["country"].iloc[: rank - 1]]
    below = [place(name) for name in ranked["country"].iloc[rank:]]
    producer = text.listed(list(dict.fromkeys(tables.producers(abroad))))
    top, bottom = ranked.iloc[0], ranked.iloc[-1]
    return chart_text(
        tr("Japan's household electricity price was {rank} of {count} in {year}").format(
            rank=rank_words(rank, count), count=text.count_words(count), year=bills_year(abroad)
        ),
        tr("Household electricity price implied by each country's {year} bill, yen per kWh (derived from {producer}'s bills)").format(
            year=bills_year(abroad), producer=producer
        ),
        tr(SIDES[(bool(above), bool(below))]).format(
            price=yen_kwh(japan),
            above=text.listed(above),
            below=text.listed(below),
            top_price=yen_kwh(top["value"]),
            top=place(top["country"]),
            bottom_price=yen_kwh(bottom["value"]),
            bottom=place(bottom["country"]),
        ),
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
        "ex_battery_answer": text.about(footprint, N_("kg CO2 per kWh"))
        if footprint > 0
        else tr("none: the electric car emits more than the hybrid in use alone"),
        "ex_battery_range": tr("{low} to {high} kg CO2 per kWh").format(low=f"{low:g}", high=f"{high:g}"),
        "ex_upstream_cmd": text.Code("python -m tradetalks run ev_emissions -p fuel_upstream_g_per_mj 0"),
        "ex_upstream_answer": break_even_words(calc.break_even_intensity(without_upstream)),
    }


# --- in brief -----------------------------------------------------------------------------------------------


BOUNDARY_SHORT = {
    parameters.WELL_TO_WHEEL: N_("counted well-to-wheel for every car"),
    parameters.DIRECT: N_("counting direct CO2 for every car"),
}
# The key finding, by how the electric car compares with the hybrid in use.
BRIEF_PER_KM = {
    MORE: N_(
        "On {grid}, {boundary}, an electric kei car emits more than a hybrid in use ({ev} against {hybrid}); with its battery's "
        "manufacture counted it is {verdict_vs_hybrid}, and {verdict_vs_petrol}."
    ),
    LESS: N_(
        "On {grid}, {boundary}, an electric kei car emits less than a hybrid in use ({ev} against {hybrid}); with its battery's "
        "manufacture counted it is {verdict_vs_hybrid}, and {verdict_vs_petrol}."
    ),
    SAME: N_(
        "On {grid}, {boundary}, an electric kei car emits about the same as a hybrid in use ({ev} against {hybrid}); with its "
        "battery's manufacture counted it is {verdict_vs_hybrid}, and {verdict_vs_petrol}."
    ),
}


def brief_per_km(
    result: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame, grid: str, boundary: str = parameters.WELL_TO_WHEEL
) -> str:
    """The chapter's key finding: the electric car against the hybrid in use, then with its battery."""
    by_car = result.set_index("car")
    ev, hybrid = by_car.loc["electric"], by_car.loc["hybrid"]
    compared = per_km_comparisons(result, chosen, lifecycle)
    verdicts = calculator.battery_verdicts(chosen, lifecycle)
    return tr(BRIEF_PER_KM[compared["use_phase_vs_hybrid"]]).format(
        grid=grid,
        boundary=tr(BOUNDARY_SHORT[boundary]),
        ev=g_km(ev["use_phase"]),
        hybrid=g_km(hybrid["total"]),
        verdict_vs_hybrid=range_verdict(verdicts, "hybrid"),
        verdict_vs_petrol=range_verdict(verdicts, "petrol"),
    )


def brief_break_even(crossings: pd.DataFrame, chosen: calc.EmissionsInputs, grid: str) -> str:
    """The grid the electric car needs to beat the hybrid, against the grid it runs on."""
    main = calculator.break_even_of(crossings, calculator.WITH_BATTERY)
    on = tr("the {intensity} of {grid}").format(intensity=g_kwh(chosen.grid_g_per_kwh), grid=grid)
    if main <= 0:
        return tr(
            "With its battery counted, an electric kei car cannot beat the hybrid on any grid with these inputs, let alone on {on}."
        ).format(on=on)
    if main >= chosen.grid_g_per_kwh:
        return tr("With its battery counted, an electric kei car beats the hybrid on grids below {break_even}, {on} among them.").format(
            break_even=about_g_kwh(main), on=on
        )
    share = text.fraction(main / chosen.grid_g_per_kwh * 100)
    return tr("With its battery counted, an electric kei car beats the hybrid only on grids below {break_even}, {share} of {on}.").format(
        break_even=about_g_kwh(main), share=share, on=on
    )


def brief_sensitivity(swings: pd.DataFrame) -> str:
    """The input the answer depends on most, and how far it moves the answer."""
    top = swings.iloc[0]
    low, high = sorted([top["output_low"], top["output_high"]])
    return tr(
        "The answer depends most on the {input}: across its range the electric car emits from {low} to {high} than the hybrid."
    ).format(input=in_sentence(top["label"]), low=gap_words(low), high=gap_words(high))


# --- the in-page calculator ------------------------------------------------------------------------------------


def calculator_chart(
    result: pd.DataFrame, chosen: calc.EmissionsInputs, lifecycle: pd.DataFrame, grid: str, shown: dict[str, str], *, own: bool = False
) -> dict[str, str]:
    """The in-page chart's title (the electric car against the hybrid and the petrol car at the values the page starts
    from, in the chapter's own comparison words), subtitle and description. ``shown``: the calculator's figures at
    those values as the page writes them, by ``electric_use``, ``electric_battery``, ``hybrid`` and ``petrol``;
    ``own``: the run sets some of them itself (Papermill parameters), so they are not all the sources'."""
    compared = per_km_comparisons(result, chosen, lifecycle)
    hybrid, petrol = level(compared["total_vs_hybrid"]), level(compared["total_vs_petrol"])
    at = tr("your values") if own else tr("sourced values")
    return chart_text(
        chartlint.fitting_title(
            tr("At {at} the EV emits {hybrid} the hybrid, {petrol} the petrol car").format(at=at, hybrid=hybrid, petrol=petrol),
            tr("At {at} the EV emits {hybrid} the hybrid").format(at=at, hybrid=hybrid),
            tr("The EV emits {hybrid} the hybrid").format(hybrid=hybrid),
        ),
        tr("Grams of CO2(e) per km by car, in use and from making the battery, at the values in the form (derived)"),
        tr(
            "At {at}, on {grid}, the electric kei car emits {electric_use} in use and {electric_battery} for its battery, against "
            "{hybrid} for the hybrid and {petrol} for the petrol kei car; the bars move with the form."
        ).format(at=at, grid=grid, **shown),
    )
