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

A translated edition draws the same charts with translated words, so its rules are the language's: in
Japanese a title is at most ``MAX_TITLE_CHARS_JA`` characters (the finding rule is checked on the English
run of the same code, which the translation follows), the subtitle names a unit (%, ドル, 円, 台 …) and the
description ends in 。. A collecting run (``python -m tradetalks i18n collect``) writes English where a message
has no translation yet, so it checks no text rule: it only gathers the messages.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

from tradetalks import i18n

MAX_TITLE_WORDS = 12
MAX_TITLE_CHARS_JA = 60  # a title, not a paragraph: its finding is checked on the English run, which it translates
MIN_DESCRIPTION_CHARS_JA = 10
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


UNIT_PATTERN_JA = re.compile(
    r"%|％|ドル|円|台|件|車種|モデル|トン|g/km|g/kWh|kWh|GWh|TWh|mm|km|USD|\$|¥|CO2|数|割合|比率|シェア|単位",
    re.IGNORECASE,
)


def _ja() -> bool:
    return i18n.current() == "ja"


class ChartLintError(ValueError):
    """A chart breaks a house rule; the message names the chart and every rule it breaks."""


def words(text: str) -> list[str]:
    return re.findall(r"[\w'’%$¥.,-]+", text)


def title_too_long(title: str) -> bool:
    """Whether a title is longer than the house allows: ``MAX_TITLE_WORDS`` words (Japanese: ``MAX_TITLE_CHARS_JA`` characters)."""
    return len(title.strip()) > MAX_TITLE_CHARS_JA if _ja() else len(words(title)) > MAX_TITLE_WORDS


def fitting_title(*candidates: str) -> str:
    """The first wording short enough for a title (``title_too_long``), else the last one: give candidates longest
    first, since names from the data vary in length."""
    return next((title for title in candidates if not title_too_long(title)), candidates[-1])


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
    if _ja():
        collecting = bool(os.environ.get(i18n.COLLECT_ENV))  # untranslated messages come back in English: no text rules
        return ([] if collecting else _problems_ja(title, subtitle, description)) + _source_and_type(sourced, dated, spec)
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
    return found + _source_and_type(sourced, dated, spec)


def _problems_ja(title: str, subtitle: str, description: str) -> list[str]:
    """The text rules in Japanese: a title of at most ``MAX_TITLE_CHARS_JA`` characters, a unit in the subtitle, a
    description that is a sentence (ending in 。)."""
    found = []
    if not title.strip():
        found.append("no title")
    elif title_too_long(title):
        found.append(f"the title has {len(title.strip())} characters (at most {MAX_TITLE_CHARS_JA} in Japanese)")
    if not UNIT_PATTERN_JA.search(subtitle or ""):
        found.append(f"the subtitle {subtitle!r} names no unit (%, ドル, 円, 台, g/km, ...)")
    if len(description.strip()) < MIN_DESCRIPTION_CHARS_JA or not description.rstrip().endswith("。"):
        found.append(f"the description {description!r} is not a sentence (a Japanese sentence ends in 。)")
    return found


def _source_and_type(sourced: bool, dated: bool, spec: dict | None) -> list[str]:
    found = []
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
