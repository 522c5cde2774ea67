"""The reverse-imports page's figures in words, for the glue in its prose (formatted from data, never typed)."""

from __future__ import annotations

import pandas as pd

from tradetalks.text import units, usd_bn

from .tables import CENSUS


def usd(value: float) -> str:
    """49814 -> '$49,814'."""
    return f"${value:,.0f}"


def period_text(period: str) -> str:
    """'2025-11' -> 'November 2025'; '2024' -> '2024'."""
    if len(str(period)) == 7:
        stamp = pd.Timestamp(f"{period}-01")
        return stamp.strftime("%B %Y")
    return str(period)


def share_text(share: float) -> str:
    """1.0 -> 'all', 0.5 -> '50%', 0 -> 'none'."""
    if share == 1:
        return "all"
    if share == 0:
        return "none"
    return f"{share * 100:g}%"


def reported(row: pd.Series) -> str:
    """A figure with the source's qualifier where it was not exact: '3,300,000 (reported as 'roughly 3.3 million a year')'."""
    qualifier = str(row.get("qualifier", "") or "")
    text = units(row["value"])
    if qualifier and not qualifier.startswith("exact"):
        text += f" (reported as {qualifier})" if "'" in qualifier else f" ({qualifier})"
    return text


# --- the idea and its history ----------------------------------------------------------------------------


def month(period_start: str) -> str:
    """The month a 'YYYY-MM' period starts in: '2025-05' -> 'May 2025'."""
    return pd.Timestamp(f"{period_start}-01").strftime("%B %Y")


def models(announced: pd.DataFrame) -> str:
    """'Camry, Highlander and Tundra'."""
    names = announced["model"].tolist()
    return ", ".join(names[:-1]) + " and " + names[-1]


def volumes(announced: pd.DataFrame) -> str:
    """Whether the announcement gave volumes, as the data has it."""
    no_volume = announced["target_units"].isna().all() and announced["actual_units"].isna().all()
    return "not disclosed: no source in the data gives a target or a volume" if no_volume else "given in the table below"


def history_span(us_built_history: pd.DataFrame) -> str:
    """'1988 to 2000': the first and last years of the past programmes of U.S.-built cars."""
    return f"{us_built_history['period_start'].str[:4].min()} to {us_built_history['period_end'].dropna().str[:4].max()}"


def programme_name(row: pd.Series) -> str:
    """'Honda Accord US Wagon (1st gen)'."""
    return f"{row['company']} {row['model']}"


def programme_units(row: pd.Series) -> str:
    """A programme's volume with the source's wording when the notes quote it ('40,000 vehicles (reported as 'nearly 40,000' ...)')."""
    text = f"{units(row['actual_units'])} vehicles"
    notes = row.get("notes")
    if isinstance(notes, str) and notes.startswith("'"):
        text += f" (reported as {notes})"
    return text


def target(row: pd.Series) -> str:
    """'20,000 per year'."""
    return f"{units(row['target_units'])} {row['target_period']}"


def sold(row: pd.Series) -> str:
    """'36,228 (1996-2000 cumulative)'."""
    return f"{units(row['actual_units'])} ({row['actual_period']})"


def share_of_target(row: pd.Series) -> str:
    """'36%' (derived: average sold a year ÷ yearly target)."""
    return f"{row['share_of_target_pct']:.0f}%"


# --- the scale -------------------------------------------------------------------------------------------


def exported_year(exported: pd.Series, built: pd.Series) -> str:
    """When the exports were counted, against the production year."""
    return "the same year" if exported["year"] == built["year"] else f"in {exported['year']}"


def foreign_units(foreign: pd.Series | None) -> str:
    """Foreign-brand registrations, or that the data lacks them."""
    return "not in the data" if foreign is None else units(foreign["value"])


def built_vs_market_how(built: pd.Series, market_row: pd.Series) -> str:
    """How production over the import market was derived."""
    if str(built["year"]) == str(market_row["period"]):
        return f"production ÷ imports, both {built['year']}"
    return f"production in {built['year']} ÷ imports in {market_row['period']}"


# --- the calculator --------------------------------------------------------------------------------------


def price_text(price: pd.Series) -> str:
    """The price used, with where it comes from."""
    if price["kind"] == "scenario":
        return f"{usd(price['price_usd'])} per car (a scenario value set with the parameter price_usd, not a figure from the data)"
    return f"{usd(price['price_usd'])} per car, the {price['label']} in {period_text(price['period'])}"


def run_description(deficit: pd.Series, price: pd.Series, share: float) -> str:
    """The parameters of this run, in words (for the page)."""
    source = "the consistent Census series" if deficit["deficit_source"] == CENSUS else f"source `{deficit['deficit_source']}`"
    return (
        f"the deficit of {int(deficit['year'])} from {source} ({usd_bn(deficit['deficit_usd_bn'])}); "
        f"a price of {price_text(price)}; and {share_text(share)} of the deficit to offset (`offset_share` = {share:g})"
    )


def deficit_used(deficit: pd.Series) -> str:
    """'$64.4 billion (what it measures; as reported: …)'."""
    return f"{usd_bn(deficit['deficit_usd_bn'])} ({deficit['measure']}; as reported: {deficit['as_reported']})"


def deficit_range_sentence(figures: pd.DataFrame, year: int) -> str:
    """'For 2024 the data holds 8 figures, from $59.4 billion to $70.0 billion.' (or one figure)."""
    if len(figures) == 1:
        return f"For {year} the data holds one figure, {usd_bn(figures['deficit_usd_bn'].iloc[0])}."
    low, high = figures["deficit_usd_bn"].min(), figures["deficit_usd_bn"].max()
    return f"For {year} the data holds {len(figures)} figures, from {usd_bn(low)} to {usd_bn(high)}."
