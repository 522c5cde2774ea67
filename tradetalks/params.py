"""Chapter parameters: declared once per page, parsed from text, checked with messages that list the valid values."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


class ParameterError(ValueError):
    """A chapter parameter has a value the chapter cannot use."""


def literal(text: str) -> object:
    """A value given as text, as Python reads it (numbers, lists, None), else the text itself."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def as_list(name: str, value: object) -> list:
    """A list parameter as a list: a list passes through; text such as '["Japan", "China"]' is parsed;
    one bare name ('Japan') is a list of one; anything else is a ParameterError naming ``name``."""
    if isinstance(value, str):
        text = value.strip()
        if not text.startswith(("[", "(")):
            return [text] if text else []
        value = literal(text)
        if isinstance(value, str):
            raise ParameterError(f'{name} must be a list such as ["Japan", "China"]; got {text!r}')
    if not isinstance(value, (list, tuple)):
        raise ParameterError(f"{name} must be a list; got {value!r}")
    return list(value)


def check_choice(name: str, value: str, valid: Iterable[str]) -> str:
    """``value`` if it is one of ``valid``; otherwise a ParameterError listing them."""
    options = list(valid)
    if value not in options:
        raise ParameterError(f"{name}={value!r} is not available; valid values: {', '.join(map(repr, options))}")
    return value


def check_choices(name: str, values: Sequence[str], valid: Iterable[str] | Mapping[str, str]) -> list[str]:
    """Every item of ``values`` must be one of ``valid`` (and there must be at least one).

    ``valid`` may map ids to the names readers know them by; the message then lists both: 'jeep' (Jeep).
    """
    listed = ", ".join(f"{key!r} ({label})" for key, label in valid.items()) if isinstance(valid, Mapping) else ", ".join(map(repr, valid))
    if isinstance(values, str) or len(values) == 0:
        raise ParameterError(f"{name} must be a non-empty list; valid values: {listed}")
    unknown = [value for value in values if value not in valid]
    if unknown:
        raise ParameterError(f"{name} has unknown values {unknown}; valid values: {listed}")
    return list(values)


def check_rates(name: str, rates_pct: Sequence[float], *, maximum: float = 1000.0) -> list[float]:
    """Tariff rates in percent: a non-empty list of numbers from 0 to ``maximum``."""
    if isinstance(rates_pct, (str, bytes)) or not isinstance(rates_pct, Sequence) or len(rates_pct) == 0:
        raise ParameterError(f"{name} must be a non-empty list of rates in percent, e.g. [2.5, 27.5, 15]; got {rates_pct!r}")
    checked = []
    for rate in rates_pct:
        if isinstance(rate, bool) or not isinstance(rate, (int, float)):
            raise ParameterError(f"{name} must hold numbers (percent); {rate!r} is not a number")
        if not 0 <= rate <= maximum:
            raise ParameterError(f"{name} has {rate}%: rates must be between 0 and {maximum:g} percent")
        checked.append(float(rate))
    return checked


def check_year_range(year_from: int, year_to: int, available: Iterable[int]) -> tuple[int, int]:
    """``year_from`` <= ``year_to``, both whole years that overlap the years the data has."""
    years = sorted(set(available))
    for label, year in (("year_from", year_from), ("year_to", year_to)):
        if isinstance(year, bool) or not isinstance(year, int):
            raise ParameterError(f"{label} must be a whole year, e.g. 2015; got {year!r}")
    if year_from > year_to:
        raise ParameterError(f"year_from ({year_from}) is after year_to ({year_to}); swap them")
    if years and (year_to < years[0] or year_from > years[-1]):
        raise ParameterError(f"no data between {year_from} and {year_to}; the data covers {years[0]}-{years[-1]}")
    return year_from, year_to


@dataclass(frozen=True)
class Parameter:
    """One chapter parameter, declared once: its name, default and help drive the template's parameters
    cell, ``python -m tradetalks run --help`` and the page's "Rerun this chapter" box."""

    name: str
    default: object
    help: str


MAX_LINE = 140  # the line length ruff formats the templates to (pyproject.toml)
DATA_DIR = Parameter("data_dir", None, "data folder with the layout of data/; None means the shipped data")


def parameters_cell(chapter: str, declared: Sequence[Parameter]) -> str:
    """The source of a template's parameters cell, from the chapter's declaration."""
    lines = [f"# Parameters: papermill replaces this cell's values (python -m tradetalks run {chapter} -p NAME VALUE)."]
    for parameter in declared:
        line = f"{parameter.name} = {python_literal(parameter.default)}  # {parameter.help}"
        # a line too long for the formatter gets its help on a line of its own, above it
        lines += (
            [line]
            if len(line) <= MAX_LINE
            else [f"# {parameter.name}: {parameter.help}", f"{parameter.name} = {python_literal(parameter.default)}"]
        )
    return "\n".join(lines)


def python_literal(value: object) -> str:
    """A default as the cell writes it: strings in double quotes (as ruff formats them)."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, str) else repr(value)


def declared(chapter: str) -> tuple[Parameter, ...] | None:
    """A chapter's declared parameters (``tradetalks.chapters.<chapter>.parameters.PARAMETERS``), if it declares them."""
    import importlib
    import importlib.util

    name = f"tradetalks.chapters.{chapter}.parameters"
    try:
        if importlib.util.find_spec(name) is None:
            return None
    except ModuleNotFoundError:  # no package for this chapter
        return None
    return tuple(importlib.import_module(name).PARAMETERS)
