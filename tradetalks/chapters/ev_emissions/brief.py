"""The chapter's "In brief": three findings computed by the functions the chapter itself uses, so the
home page (which shows the first) and the chapter cannot disagree."""

from __future__ import annotations

from tradetalks import data, findings

from . import calculator, inputs, parameters, sentences

# The MyST labels of the sections that show each finding (set in the notebook above their headings).
SECTION_PER_KM = "ev-emissions-per-km"
SECTION_BREAK_EVEN = "ev-emissions-break-even"
SECTION_SENSITIVITY = "ev-emissions-sensitivity"


def in_brief(data_dir: str | None = None, **chosen: object) -> list[findings.Finding]:
    """Three one-sentence findings: grams per km against the hybrid (the key finding), the break-even, and what
    moves the answer most. ``chosen``: the chapter's parameters where a run sets them (default: their declared values)."""
    electricity = data.load_table("electricity", data_dir)
    lifecycle = data.load_table("lifecycle_parameters", data_dir)
    values = {p.name: p.default for p in parameters.PARAMETERS if p.name != "data_dir"} | chosen
    used, _ = inputs.resolve_inputs(electricity, lifecycle, **values)  # type: ignore[arg-type]
    grid_country = str(values["grid_country"])
    grid = sentences.grid_used(electricity, grid_country, values["grid_year"], values["grid_intensity"])  # type: ignore[arg-type]
    result = calculator.results(used, lifecycle)
    crossings = calculator.break_evens(used, lifecycle)
    swings = calculator.sensitivity(used, calculator.sensitivity_ranges(used, electricity, lifecycle, grid_country))
    return [
        findings.Finding(sentences.brief_per_km(result, used, lifecycle, grid, str(values["boundary"])), SECTION_PER_KM),
        findings.Finding(sentences.brief_break_even(crossings, used, grid), SECTION_BREAK_EVEN),
        findings.Finding(sentences.brief_sensitivity(swings), SECTION_SENSITIVITY),
    ]
