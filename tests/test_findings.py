"""A chapter's In brief: three one-sentence findings, in English or in Japanese."""

from __future__ import annotations

import pytest

from tradetalks import findings


def brief(*sentences: str) -> list[findings.Finding]:
    return [findings.Finding(sentence, "section") for sentence in sentences]


def test_an_in_brief_is_three_sentences_each_with_a_section():
    findings.check_brief(brief("One.", "Two.", "Three."))
    findings.check_brief(brief("関税は上がった。", "赤字は縮んだ。", "EVは増えた。"))  # the Japanese edition's full stop
    with pytest.raises(ValueError, match="3 findings"):
        findings.check_brief(brief("One.", "Two."))
    with pytest.raises(ValueError, match="one sentence ending in a full stop"):
        findings.check_brief(brief("One.", "Two.", "no stop"))
    with pytest.raises(ValueError, match="section label"):
        findings.check_brief([*brief("One.", "Two."), findings.Finding("Three.", "")])
