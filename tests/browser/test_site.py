"""Every page of the built site in headless Chromium at a desktop and a phone width, network blocked.

Each test reads the report of one visit per page and viewport (see conftest.page_reports).
"""

from __future__ import annotations

import re

import pytest

from tradetalks.chartlint import MIN_FONT_PX
from tradetalks.grid import Run, load_grid

from .helpers import max_row_lines, pages

# What a reader must never meet on a chapter page: a raw identifier (snake_case) or a placeholder token.
# A repository's name in a copy's name ("GitHub: owner/some_repo") is a name, not an id: a path part is let be.
RAW_TOKENS = re.compile(r"(?<![/\w.-])[a-z][a-z0-9]*_[a-z0-9_]+\b|<NA>|\bnan\b|\bNone\b|\bNaN\b")


SOURCE_WORD = {"en": "Source", "ja": "出典"}  # how each edition's source line begins


def edition(path: str) -> str:
    """The edition a page belongs to: a translated one lives under its language's folder."""
    first = path.split("/", 1)[0]
    return first if first in SOURCE_WORD else "en"


def chapter_pages() -> list[str]:
    """Pages of the grid's "Chapters" part: each must show at least one chart."""
    grid = load_grid()
    folders = ["", *(f"{lang}/" for lang in grid.languages)]  # each edition's chapters
    chapters = [e.page for part in grid.parts if part.caption == "Chapters" for e in part.entries if isinstance(e, Run)]
    return [f"{folder}book/{page}.html" for folder in folders for page in chapters]


def test_site_has_every_page_of_the_grid(site):
    listed = set(pages(site))
    grid = load_grid()
    expected = {f"book/{grid.root_page}.html"} | {
        f"book/{e.page if isinstance(e, Run) else e}.html" for part in grid.parts for e in part.entries
    }
    assert "index.html" in listed
    assert expected <= listed, sorted(expected - listed)


def test_page_makes_no_request_off_the_machine(page_reports, page_path, viewport):
    report = page_reports(page_path, viewport)
    assert report.blocked == [], f"{page_path} requested {report.blocked}"


def test_page_logs_no_console_error(page_reports, page_path, viewport):
    report = page_reports(page_path, viewport)
    assert report.errors == [], f"{page_path}: {report.errors}"


def test_page_fits_the_viewport(page_reports, page_path, viewport):
    """Wide charts and tables scroll inside their own box; the page itself never scrolls sideways."""
    report = page_reports(page_path, viewport)
    assert report.overflow <= 0, f"{page_path} is {report.overflow}px wider than a {viewport} screen"


def test_every_chart_draws_and_carries_its_source_line(page_reports, page_path, viewport):
    report = page_reports(page_path, viewport)
    if page_path in chapter_pages():
        assert report.charts, f"{page_path} shows no chart"
    for index, chart in enumerate(report.charts):
        where = f"{page_path} chart {index}"
        # drawn by vega in the browser (the static fallback has no .marks class)
        assert chart["marks"] > 0, f"{where} drew nothing"
        assert chart["title"], f"{where} has no title"
        assert chart["description"], f"{where} has no description"
        assert len(chart["sources"]) == 1 and SOURCE_WORD[edition(page_path)] in chart["sources"][0], f"{where}: {chart['sources']}"
        assert chart["download"].startswith("data:text/csv"), f"{where} offers no CSV"
        assert chart["tables"] == 1, f"{where} has {chart['tables']} data tables"
        assert chart["smallest_text"] >= MIN_FONT_PX, f"{where}: text drawn at {chart['smallest_text']:.1f}px on a {viewport} screen"
    assert all(count == 1 for count in report.tables), f"{page_path}: source lines under tables {report.tables}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_stay_readable_in_both_themes(page_reports, page_path, viewport, scheme):
    report = page_reports(page_path, viewport)
    assert report.theme_set[scheme] == scheme
    for index, chart in enumerate(report.themes[scheme]):
        assert chart["background"] == "rgb(255, 255, 255)", f"{page_path} chart {index}: card {chart['background']} in {scheme} mode"
        assert chart["text"] in {"rgb(51, 51, 51)", "rgb(17, 17, 17)", "rgb(0, 0, 0)"}, f"{page_path} chart {index}: text {chart['text']}"


def test_exercises_and_solutions_render(page_reports):
    report = page_reports("book/auto_tariffs.html")
    assert report.exercises >= 2
    assert report.solutions >= 2


def test_prose_figures_are_filled_in(page_reports):
    report = page_reports("book/auto_tariffs.html")
    assert "{glue" not in report.text
    assert "27.5%" in report.text  # the peak rate, glued from data/tariff_timeline.csv


def test_chapters_show_no_raw_identifier_or_placeholder(page_reports, page_path):
    """Headers in words, categories in words, sources by name: nothing a reader sees (outside code) is an id."""
    if page_path not in chapter_pages() + ["book/claims.html"]:
        pytest.skip("not a chapter page")
    found = sorted(set(RAW_TOKENS.findall(page_reports(page_path, "desktop").readable)))
    assert found == [], f"{page_path}: {found[:20]}"


def test_table_rows_stay_short_on_a_laptop(page_reports, page_path):
    """Long notes are folded or cut: at 1280 px no table row runs past about four lines."""
    tall = page_reports(page_path, "desktop").tall_rows
    assert tall == [], f"{page_path}: rows over {max_row_lines(page_path)} lines: {tall[:5]}"
