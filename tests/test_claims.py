"""The claims check: one table of claims, each with a verdict, figures computed from data and a live link."""

from __future__ import annotations

import re

import nbformat
import pytest

from tradetalks import data
from tradetalks.chapters import claims
from tradetalks.grid import load_grid

CLAIMS = data.load_table(claims.tables.CLAIMS_TABLE)
NAMES_WITH_DIGITS = re.compile(r"\bG7\b|Section \d+")


def chapter_headings(page: str) -> set[str]:
    run = next(run for run in load_grid().runs if run.page == page)
    cells = nbformat.read(run.template, as_version=4).cells
    return {
        line.lstrip("#").strip()
        for cell in cells
        if cell.cell_type == "markdown"
        for line in cell.source.splitlines()
        if line.startswith("#")
    }


def test_both_texts_are_covered():
    counts = CLAIMS["text"].value_counts()
    assert counts["opinion essay"] >= 8 and counts["news report"] >= 5
    assert len(CLAIMS) >= 15


def test_claims_table_holds_no_typed_figures():
    """Reasoning is words only; a claim may quote the year the text itself names ("by 2030")."""
    for _, row in CLAIMS.iterrows():
        assert not re.search(r"\d", NAMES_WITH_DIGITS.sub("", row["reasoning"])), f"{row['claim_id']}: figure typed in reasoning"
        claim = re.sub(r"\b(19|20)\d\d\b", "", NAMES_WITH_DIGITS.sub("", row["claim"]))
        assert not re.search(r"\d", claim), f"{row['claim_id']}: figure typed in claim"


@pytest.mark.parametrize("claim_id", CLAIMS["claim_id"])
def test_every_claim_links_to_a_section_that_exists(claim_id):
    claim = CLAIMS.set_index("claim_id").loc[claim_id]
    pages = {run.page for run in load_grid().runs}
    assert claim["chapter"] in pages
    assert claim["section"] in chapter_headings(claim["chapter"])


@pytest.mark.parametrize("claim_id", CLAIMS[CLAIMS["evidence"] != claims.tables.NO_EVIDENCE]["claim_id"])
def test_checkable_claims_get_figures_from_data(claim_id):
    claim = CLAIMS.set_index("claim_id").loc[claim_id]
    evidence = claims.evidence.EVIDENCE[claim["evidence"]](None)
    assert claims.tables.has_figure(evidence.text), evidence.text
    assert evidence.tables and all(table in data.table_names() for table in evidence.tables)


def test_opinions_carry_no_evidence_and_vice_versa():
    opinions = CLAIMS[CLAIMS["verdict"] == "opinion (not checkable)"]
    assert set(opinions["evidence"]) <= {claims.tables.NO_EVIDENCE, "barrier_claims"}
    assert claims.tables.check_table(CLAIMS) == []


def test_published_pages_are_the_grids_pages_and_traced(tmp_path, monkeypatch):
    trace = tmp_path / "trace"
    monkeypatch.setenv(data.TRACE_ENV, str(trace))
    assert claims.tables.published_pages() == {run.page for run in load_grid().runs}
    assert "@notebooks/grid.yml" in trace.read_text(encoding="utf-8").split()


def test_checked_table_links_and_pending():
    published = claims.tables.published_pages()
    table, rows = claims.tables.checked_claims(published)
    assert len(table) == len(CLAIMS)
    assert (table["verdict"] != "pending").all()
    linked = table[table["evidence"] != ""]
    assert all(re.fullmatch(r"[a-z_]+\.html#[a-z0-9-]+", link) for link in linked["evidence"])
    assert not rows.empty and "source_key" in rows.columns

    without_market = published - {"japan_market"}
    pending, _ = claims.tables.checked_claims(without_market)
    market = pending[CLAIMS["chapter"].eq("japan_market").values]
    assert set(market["verdict"]) == {"pending"} and set(market["evidence"]) == {""}


def test_deficit_claim_is_decided_by_the_census_series():
    text = claims.evidence.deficit_trend(None).text
    assert text == "U.S. goods deficit with Japan: $71.4 billion in 2023, $68.3 billion in 2024 (Census)."


def test_section_anchor_matches_sphinx():
    assert claims.tables.section_anchor("The duty on a Japanese car, step by step") == "the-duty-on-a-japanese-car-step-by-step"
    assert claims.tables.section_anchor("Is Japan rushing into EVs?") == "is-japan-rushing-into-evs"
