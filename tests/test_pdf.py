"""The print edition: the built site printed into one PDF (``python -m tradetalks pdf``), read back with pypdf.

The PDF is printed once (about 20 s) from the site under test (``--site``; ``make test``: _build/test-html)
into a temporary folder; every test here reads that one file, on one worker.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader

from tradetalks import exports, pdf, project

pytestmark = [pytest.mark.heavy, pytest.mark.xdist_group("pdf")]


def compact(text: str) -> str:
    """Text with ligatures undone and no white space: a line break in the PDF falls anywhere."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def printed(site, tmp_path_factory):
    """The PDF, printed by the command line in a process of its own (a worker may already drive a browser)."""
    out = tmp_path_factory.mktemp("pdf") / "edition.pdf"
    command = [sys.executable, "-m", "tradetalks", "pdf", "--site", str(site), "--out", str(out)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=project.ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    print(f"\n{result.stdout.strip()}")  # pages, size and seconds
    reader = PdfReader(out)
    return out, reader, [page.extract_text() for page in reader.pages]


@pytest.fixture(scope="module")
def entries(site) -> list[pdf.Entry]:
    return pdf.reading_order(site)


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every outline item, in order."""
    found = []

    def walk(items: list, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return found


def test_title_page_contents_and_one_outline_entry_per_page_in_site_order(printed, entries):
    path, reader, texts = printed
    assert path.is_file() and len(reader.pages) > len(entries)
    assert compact(project.SITE_TITLE) in compact(texts[0]) and compact(project.licence()) in compact(texts[0])
    assert "Contents" in texts[1]
    items = outline(reader)
    chapters = [(title, number) for depth, title, number in items if title in {entry.title for entry in entries} and depth <= 1]
    assert [title for title, _ in chapters] == [entry.title for entry in entries]
    numbers = [number for _, number in chapters]
    assert numbers == sorted(numbers) and numbers[0] > 2
    contents = compact(" ".join(texts[1 : numbers[0] - 1]))
    for entry, (_, number) in zip(entries, chapters, strict=True):
        assert compact(entry.title) in compact(texts[number - 1]), f"{entry.title} does not start on page {number}"
        assert compact(entry.title) + str(number) in contents, f"contents: {entry.title} p. {number}"
    parts = [title for depth, title, _ in items if depth == 0 and title not in {entry.title for entry in entries}]
    assert parts == list(dict.fromkeys(entry.part for entry in entries if entry.part))
    assert any(depth == 2 and title == "Exercises" for depth, title, _ in items)  # the chapters' sections


def test_every_page_and_chart_title_is_printed_with_a_source_line_and_permanent_link_under_each_chart(printed, entries, site):
    _, _, texts = printed
    text = compact(" ".join(texts))
    for entry in entries:
        assert compact(entry.title) in text, entry.title
    by_page = {}
    for chart in exports.site_charts(site):
        by_page.setdefault(chart.page, []).append(chart)
    shown = [chart for entry in entries for chart in by_page.get(entry.page, [])]
    assert len(shown) > 20
    at = 0
    for index, chart in enumerate(shown):
        found = text.find(compact(chart.title), at)
        assert found >= 0, f"{chart.page}: chart {chart.title!r} not printed (in order)"
        later = [text.find(compact(other.title), found + 1) for other in shown[index + 1 :]]
        end = min([position for position in later if position >= 0] or [len(text)])
        under = text[found:end]
        assert compact(chart.subtitle) in under, f"{chart.page}/{chart.name}: no subtitle"
        assert "Source" in under and compact(f"Data as of {chart.as_of}.") in under, f"{chart.page}/{chart.name}: no source line"
        assert compact(f"Link to this chart: {chart.address}") in under, f"{chart.page}/{chart.name}: no permanent link"
        at = found + 1


def test_exercises_print_with_their_solutions(printed, site, entries):
    _, _, texts = printed
    text = compact(" ".join(texts))
    solutions = 0
    for entry in entries:
        page = (site / "book" / f"{entry.page}.html").read_text(encoding="utf-8")
        for body in re.findall(r'<section id="solution-content">(.*?)</section>', page, flags=re.DOTALL):
            words = html.unescape(re.sub(r"<[^>]+>", " ", body)).split()
            assert compact(" ".join(words[:12])) in text, f"{entry.page}: solution not printed: {' '.join(words[:12])}"
            solutions += 1
    assert solutions >= 5


def test_links_stay_inside_the_pdf(printed, entries):
    _, reader, _ = printed
    number_of = {page.indirect_reference.idnum: index + 1 for index, page in enumerate(reader.pages)}
    starts = {title: number for depth, title, number in outline(reader) if depth <= 1}
    after = [entry.title for entry in entries][[entry.page for entry in entries].index("references") + 1]
    references = range(starts["References"], starts[after])
    internal, external, into_references = 0, 0, 0
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if "/Dest" in annotation:
                target = number_of[annotation["/Dest"][0].idnum]  # an explicit destination: a page of this PDF
                internal += 1
                into_references += target in references
            else:
                uri = str(annotation["/A"]["/URI"])
                assert uri.startswith(("http://", "https://", "mailto:")), uri  # never a file of the machine that printed it
                external += 1
    assert internal > 100 and external > 100
    assert into_references > 50  # a chart's source names link to their entries in the references


def test_no_navigation_chrome_and_no_build_date(printed):
    _, reader, texts = printed
    text = " ".join(texts)
    for chrome in (
        "Skip to main content",
        "Ctrl+K",
        "Back to top",
        "Download the data (CSV)",
        "Take it with you",
        "Show the data as a table",
    ):
        assert chrome not in text.replace("Show the data as a table opens", ""), chrome
    assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata
    assert reader.metadata.title == project.SITE_TITLE and "/ID" not in reader.trailer
