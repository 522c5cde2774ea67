"""Findings first: each chapter's three-bullet "In brief", and the home page's key findings.

A chapter's ``brief.py`` has ``in_brief(data_dir)``: three ``Finding`` sentences computed from the
data (the first is the chapter's key finding, shown on the home page), each naming the MyST label of
the section that shows it. The chapter glues them under ``brief_1`` to ``brief_3``; the home page
calls the same function, so the two pages cannot disagree. In the Japanese edition the sentences are
Japanese (the chapters write them through ``tr``) and end in 。.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tradetalks import text

BRIEF_LENGTH = 3
FULL_STOPS = (".", "。")  # a sentence's end in English and in Japanese


@dataclass(frozen=True)
class Finding:
    """One sentence with its figures computed from the data, and the label of the section that shows it."""

    sentence: str
    section: str


def check_brief(findings: Sequence[Finding]) -> None:
    """An "In brief" is three one-sentence findings, each pointing at a section."""
    if len(findings) != BRIEF_LENGTH:
        raise ValueError(f"an In brief has {BRIEF_LENGTH} findings, not {len(findings)}")
    for finding in findings:
        if not finding.sentence.rstrip().endswith(FULL_STOPS) or not finding.section:
            raise ValueError(f"a finding is one sentence ending in a full stop, with a section label: {finding!r}")


def say_in_brief(findings: Sequence[Finding]) -> list[Finding]:
    """Glue the three findings as ``brief_1`` … ``brief_3`` for the chapter's In brief box."""
    check_brief(findings)
    for number, finding in enumerate(findings, start=1):
        text.say(f"brief_{number}", finding.sentence)
    return list(findings)
