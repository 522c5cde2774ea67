"""The chart lint: a published chart must say what it shows, in what unit, from whom, as of when.

``charts.publish`` runs ``check`` on every chart, so a chart that breaks a rule stops the chapter's
execution (and the build) with a message naming the chart; the build adds the chapter. The rules
are the newsroom ones the site follows:

- the **title** states the finding in at most ``MAX_TITLE_WORDS`` words: it has a verb ("Japan's grid
  is dirtier than the world's"), where a label ("U.S. goods balance with Japan") has none;
- the **subtitle** names the measure and its unit ("Duty on a passenger car, %, 2024–2026");
- the **description** is a sentence: it is the caption and the accessible description;
- the **source line** names at least one source with an as-of date;
- no text in the chart is smaller than ``MIN_FONT_PX`` (phones do not scale charts down).

A takeaway title needs a finite verb. Deciding that exactly needs a parser; a fixed list of the
verbs findings use is stricter and explainable: extend ``FINDING_VERBS`` when a true finding needs
another. Words that are also nouns or participles ("costs", "reported") are left out on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_TITLE_WORDS = 12
MIN_FONT_PX = 10
FINDING_VERBS = frozenset(
    """
    is are was were has have had does do did can could would will may might
    rose rises fell falls grew grows shrank shrinks doubled doubles tripled halved
    peaked peaks settled settles dropped drops climbed climbs jumped jumps soared slid slumped
    stayed stays remained remains led leads lags lagged trails trailed tops topped
    dominates dominated overtook overtakes outsold outsells sells sold
    pays paid owes owed emits emitted beats wins won loses gains gained
    widened widens narrowed narrows exceeds exceeded equals matches differ differs vary varies
    agree agrees disagree disagrees outnumber outnumbers outweighs outweigh
    makes made builds takes took needs comes came goes went ran fit
    fits holds held owns controls supplies supplied
    accounts depends turns breaks cuts adds brings
    charges bought ships shipped dwarfs passed passes reached reaches hits returned returns stands stood
    """.split()
)
UNIT_PATTERN = re.compile(
    r"%|percent|\bper\b|\$|¥|\bUSD\b|\byen\b|\bg/km\b|\bg/kWh\b|\bkWh\b|\bGWh\b|\bTWh\b|\bmm\b|\bkm\b"
    r"|\bvehicles?\b|\bcars\b|\bunits\b|\bmodels\b|\btonnes\b|\bclaims\b|\bcount\b|\bnumber of\b|\bshare\b|\bg CO2\b",
    re.IGNORECASE,
)


class ChartLintError(ValueError):
    """A chart breaks a house rule; the message names the chart and every rule it breaks."""


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’%$¥.,-]+", text)


def fitting_title(*candidates: str) -> str:
    """The first wording short enough for a title (at most ``MAX_TITLE_WORDS`` words), else the last one: give
    candidates longest first, since names from the data vary in length."""
    return next((title for title in candidates if len(words(title)) <= MAX_TITLE_WORDS), candidates[-1])


def states_finding(title: str) -> bool:
    """Whether a title is a finding (it has a verb of ``FINDING_VERBS``) rather than a label."""
    return any(re.sub(r"[^\w]", "", word.lower()) in FINDING_VERBS for word in words(title))


def font_sizes(spec: object) -> Iterator[float]:
    """Every font size a Vega-Lite spec sets (marks, axes, legends, titles, the config)."""
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key.lower().endswith("fontsize") and isinstance(value, int | float):
                yield float(value)
            else:
                yield from font_sizes(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from font_sizes(item)


def problems(*, title: str, subtitle: str, description: str, sourced: bool, dated: bool, spec: dict | None = None) -> list[str]:
    """What is wrong with a chart's text and type, one phrase per broken rule (empty when none)."""
    found = []
    if not title.strip():
        found.append("no title")
    elif not states_finding(title):
        found.append(f"the title {title!r} is a label, not a finding: say what the chart shows, with a verb")
    if len(words(title)) > MAX_TITLE_WORDS:
        found.append(f"the title has {len(words(title))} words (at most {MAX_TITLE_WORDS})")
    if not UNIT_PATTERN.search(subtitle or ""):
        found.append(f"the subtitle {subtitle!r} names no unit (%, USD, yen, g/km, vehicles, ...)")
    if len(words(description)) < 5 or not description.rstrip().endswith("."):
        found.append(f"the description {description!r} is not a sentence")
    if not sourced:
        found.append("no source")
    if not dated:
        found.append("no as-of date among its sources")
    small = sorted({size for size in font_sizes(spec or {}) if size < MIN_FONT_PX})
    if small:
        found.append(f"text smaller than {MIN_FONT_PX} px ({', '.join(f'{size:g}' for size in small)} px)")
    return found


def check(name: str, **chart_text: object) -> None:
    """Raise ``ChartLintError`` naming the chart and every rule it breaks (see ``problems``)."""
    found = problems(**chart_text)  # type: ignore[arg-type]
    if found:
        raise ChartLintError(f"chart {name!r}: " + "; ".join(found))
