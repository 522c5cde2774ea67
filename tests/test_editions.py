"""Editions: the record of what the site said, what changed since, and the gate on verdicts and headlines."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tradetalks import editions


def snapshot(date, *, glued=None, csv="year,value\n2023,1.0\n2024,2.0\n", verdicts=None, sources=("a", "b"), data_rows=10):
    manifest = {
        "edition": date,
        "commit": "abc",
        "data": [{"file": "trade.csv", "sha256": str(data_rows), "rows": data_rows, "as_of": "2025"}],
        "runs": [],
        "verdicts": verdicts or {"claim-1": "supported"},
        "sources": list(sources),
    }
    glued = glued or {"intro": {"key_findings": "Duty rose to 15%."}, "auto_tariffs": {"bill_last": "about $6 billion"}}
    return editions.Snapshot(manifest, glued, {"auto_tariffs": {"tariff_bill": {"title": "Duty owed", "csv": csv}}})


def test_a_first_edition_has_nothing_to_compare():
    changes = editions.compare(None, snapshot("2026-12-01"))
    assert changes.since is None and not changes.any
    page = editions.changes_markdown(changes, "2026-12-01", "", {})
    assert "first edition" in page and "2026-12-01" in page


def test_a_changed_value_shows_on_the_page_with_old_and_new():
    old = snapshot("2026-12-01")
    new = snapshot(
        "2027-01-15",
        glued={"intro": {"key_findings": "Duty rose to 15%."}, "auto_tariffs": {"bill_last": "about $7 billion"}},
        csv="year,value\n2023,1.0\n2024,2.5\n2025,3.0\n",
        sources=("a", "c"),
        data_rows=11,
    )
    changes = editions.compare(old, new)
    assert changes.since == "2026-12-01"
    assert changes.figures == [{"page": "auto_tariffs", "name": "bill_last", "old": "about $6 billion", "new": "about $7 billion"}]
    (chart,) = changes.charts
    assert (chart["added"], chart["removed"], chart["revised"]) == (1, 0, 1)
    assert chart["examples"] == ["2024: value 2.0 → 2.5"]
    assert (changes.sources_added, changes.sources_removed) == (["c"], ["b"])
    assert changes.data_files == [{"file": "trade.csv", "change": "+1 rows"}]
    page = editions.changes_markdown(changes, "2027-01-15", "", {"auto_tariffs": "Auto tariffs"})
    assert "| Auto tariffs | about $6 billion | about $7 billion |" in page
    assert "| Auto tariffs | Duty owed | 1 | 0 | 1 | 2024: value 2.0 → 2.5 |" in page


def test_a_flipped_verdict_fails_the_gate_without_a_note_and_passes_with_one():
    old = snapshot("2026-12-01")
    new = snapshot("2027-01-15", verdicts={"claim-1": "partly supported"})
    changes = editions.compare(old, new)
    assert changes.verdicts == [{"claim_id": "claim-1", "old": "supported", "new": "partly supported"}]
    (problem,) = editions.gate(changes, "")
    assert "claim-1" in problem and "supported → partly supported" in problem
    assert editions.gate(changes, "claim-1: the new threshold for a high duty.") == []


def test_a_changed_headline_needs_a_note_on_the_key_findings():
    old = snapshot("2026-12-01")
    new = snapshot("2027-01-15", glued={"intro": {"key_findings": "Duty fell to 10%."}, "auto_tariffs": {"bill_last": "about $6 billion"}})
    changes = editions.compare(old, new)
    assert changes.headlines and editions.gate(changes, "nothing to say")
    assert editions.gate(changes, "The key findings changed because the deal was revised.") == []


def test_rows_are_matched_on_their_labels_not_their_order():
    result = editions.compare_csv("country,share\nJapan,3.5\nWorld,22\n", "country,share\nWorld,22\nJapan,2.8\nChina,48\n")
    assert (result["added"], result["removed"], result["revised"]) == (1, 0, 1)
    assert result["examples"] == ["Japan: share 3.5 → 2.8"]


def test_the_record_is_byte_identical_for_the_same_edition(tmp_path):
    record = snapshot("2026-12-01")
    editions.write_record(record, tmp_path / "a", "Notes.")
    editions.write_record(record, tmp_path / "b", "Notes.")
    for name in (editions.MANIFEST, editions.FIGURES, editions.NOTES):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    back = editions.read_record(tmp_path / "a")
    assert back.glued == record.glued and back.downloads == record.downloads and back.manifest == record.manifest
    assert json.loads(gzip.decompress((tmp_path / "a" / editions.FIGURES).read_bytes()))["glued"] == record.glued


def test_the_latest_edition_is_found_by_date(tmp_path):
    for date in ("2026-12-01", "2027-01-15"):
        editions.write_record(snapshot(date), tmp_path / date, "")
    (tmp_path / "not-a-date").mkdir()
    assert editions.edition_dates(tmp_path) == ["2026-12-01", "2027-01-15"]
    assert editions.latest(tmp_path)[0] == "2027-01-15"
    assert editions.latest(tmp_path, before="2027-01-15")[0] == "2026-12-01"
    assert editions.latest(tmp_path, before="2026-12-01") is None


def test_the_site_cites_its_edition_and_marks_updated_charts(tmp_path):
    from tradetalks.grid import Run

    records = tmp_path / "editions"
    editions.write_record(snapshot("2026-12-01"), records / "2026-12-01", "")
    editions.write_record(snapshot("2027-01-15", csv="year,value\n2023,1.0\n2024,2.5\n"), records / "2027-01-15", "")
    site = tmp_path / "site"
    (site / "book").mkdir(parents=True)
    page = (
        '<figure class="tt-chart" aria-labelledby="x"><p class="tt-chart-title">Duty owed</p>'
        '<a class="tt-download" download="tariff_bill.csv" href="data:text/csv;charset=utf-8,">CSV</a></figure>'
        '<figure class="tt-chart"><a download="other.csv" href="data:text/csv;charset=utf-8,">CSV</a></figure>'
        '<div class="tt-cite admonition"><p class="admonition-title">Cite this page</p><p>Contributors.</p></div>'
    )
    (site / "book" / "auto_tariffs.html").write_text(page, encoding="utf-8")
    run = Run(notebook="auto_tariffs.ipynb", page="auto_tariffs", title="Auto tariffs", parameters={})
    editions.finish_site(site, [run], records)
    marked = (site / "book" / "auto_tariffs.html").read_text(encoding="utf-8")
    assert marked.count('class="tt-updated"') == 1  # the changed chart only
    assert marked.index("tt-updated") < marked.index('download="tariff_bill.csv"') < marked.index('download="other.csv"')
    assert "Edition of 2027-01-15" in marked and "editions/2027-01-15/book/auto_tariffs.html" in marked
    bib = (site / "cite" / "auto_tariffs.bib").read_text(encoding="utf-8")
    assert "@misc{tradetalks-auto_tariffs" in bib and "2027-01-15" in bib
    assert 'version: "2027-01-15"' in (site / "cite" / "site.cff").read_text(encoding="utf-8")


def test_page_figures_reads_glue_and_downloads(tmp_path):
    import nbformat

    notebook = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"application/papermill.record/text/markdown": "about $6 billion"},
            metadata={"scrapbook": {"name": "bill_last", "mime_prefix": "application/papermill.record/"}},
        ),
        nbformat.v4.new_output(
            "display_data",
            data={
                "text/html": '<p class="tt-chart-title">Duty &amp; more</p>'
                '<a download="tariff_bill.csv" href="data:text/csv;charset=utf-8,year,value%0A2024,1">CSV</a>'
            },
        ),
    ]
    notebook.cells.append(cell)
    path = tmp_path / "page.ipynb"
    nbformat.write(notebook, path)
    glued, downloads = editions.page_figures(path)
    assert glued == {"bill_last": "about $6 billion"}
    assert downloads == {"tariff_bill": {"title": "Duty & more", "csv": "year,value\n2024,1"}}


def test_a_release_needs_a_date(tmp_path):
    with pytest.raises(editions.ReleaseError, match="YYYY-MM-DD"):
        editions.release("6 Dec 2026", editions_dir=Path(tmp_path))


def test_release_records_the_edition_and_gates_a_flipped_verdict(tmp_path, monkeypatch):
    """The release flow on a copy of the published chapters: a first edition, then one whose verdict flipped."""
    import shutil
    from types import SimpleNamespace

    book = tmp_path / "book"
    shutil.copytree(editions.ROOT / "book", book, ignore=shutil.ignore_patterns("*.md"))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<!doctype html>", encoding="utf-8")
    builds = []

    def fake_build():
        builds.append(1)
        return SimpleNamespace(site=site)

    records = tmp_path / "editions"
    frozen, changes = editions.release("2026-12-01", editions_dir=records, book_dir=book, build_site=fake_build)
    assert changes.since is None and len(builds) == 2 and (frozen / "index.html").is_file()
    assert frozen == site / "editions" / "2026-12-01"
    first = editions.read_record(records / "2026-12-01")
    assert first.manifest["verdicts"] and first.glued["auto_tariffs"] and "first edition" in (book / "changes.md").read_text()
    # the next edition: one verdict flips (as a rerun past a threshold would); without a note the release stops
    flipped = dict(first.manifest["verdicts"], **{"news-g7": "supported"})
    monkeypatch.setattr(editions, "claim_verdicts", lambda data_dir=None: flipped)
    with pytest.raises(editions.ReleaseError, match="news-g7"):
        editions.release("2027-01-15", editions_dir=records, book_dir=book, build_site=fake_build)
    assert editions.edition_dates(records) == ["2026-12-01"]  # nothing recorded
    notes = tmp_path / "notes.md"
    notes.write_text("news-g7: a record of the leaders' meeting was added.", encoding="utf-8")
    _, changes = editions.release("2027-01-15", notes, editions_dir=records, book_dir=book, build_site=fake_build)
    assert changes.verdicts == [{"claim_id": "news-g7", "old": "partly supported", "new": "supported"}]
    page = (book / "changes.md").read_text(encoding="utf-8")
    assert (
        "without reaching a binding agreement. | partly supported | supported |" in page
        and "news-g7: a record of the leaders' meeting" in page
    )
