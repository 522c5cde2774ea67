"""Findings first: the home page's key findings are the chapters' own first "In brief" findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tradetalks import findings, text
from tradetalks.chapters.home.findings import KeyFinding, as_myst, key_findings

BOOK = Path(__file__).resolve().parents[1] / "book"


def glued(page: str) -> dict[str, str]:
    """The text each name was glued with on a published page."""
    notebook = json.loads((BOOK / f"{page}.ipynb").read_text(encoding="utf-8"))
    return {
        output["metadata"]["scrapbook"]["name"]: "".join(output["data"].get("text/markdown", ""))
        for cell in notebook["cells"]
        for output in cell.get("outputs", [])
        if "scrapbook" in output.get("metadata", {})
    }


def test_an_in_brief_is_three_sentences_each_pointing_at_a_section():
    good = [findings.Finding(f"Finding {i}.", f"s-{i}") for i in range(3)]
    findings.check_brief(good)
    with pytest.raises(ValueError, match="has 3 findings, not 2"):
        findings.check_brief(good[:2])
    with pytest.raises(ValueError, match="ending in a full stop, with a section label"):
        findings.check_brief([*good[:2], findings.Finding("No full stop", "s")])
    with pytest.raises(ValueError, match="ending in a full stop, with a section label"):
        findings.check_brief([*good[:2], findings.Finding("No section.", "")])


def test_the_home_page_lists_every_chapters_key_finding_with_a_link():
    found = key_findings()
    assert 5 <= len(found) <= 7, [item.page_title for item in found]
    listed = as_myst(found)
    for item in found:
        assert f"{{ref}}`See the chart <{item.finding.section}>`" in listed
        assert text.as_markdown_text(item.finding.sentence) in listed


def test_data_text_in_a_finding_cannot_become_markup():
    hostile = KeyFinding("Page <b>", findings.Finding("A [link](http://x) and `code`.", "s"))
    assert as_myst([hostile]) == "- **Page \\<b\\>.** A \\[link\\](http://x) and \\`code\\`. {ref}`See the chart <s>`"


def test_home_page_and_chapters_state_the_same_findings():
    """Pages agree: the published home page shows each chapter's published first finding, word for word."""
    home = glued("intro")["key_findings"]
    pages = [path.stem for path in BOOK.glob("*.ipynb") if "brief_1" in glued(path.stem)]
    assert len(pages) >= 5
    for page in pages:
        assert glued(page)["brief_1"] in home, page
