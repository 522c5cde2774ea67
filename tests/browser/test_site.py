"""Every page of the built site in headless Chromium, with every non-local request blocked."""

from __future__ import annotations

from tradetalks import build

from .helpers import KNOWN_THEME_ERRORS, open_page, pages


def test_site_has_every_chapter(site):
    listed = pages(site)
    assert "index.html" in listed and "book/intro.html" in listed and "book/auto_tariffs.html" in listed


def test_every_page_is_offline_and_error_free(browser, base_url, site):
    for path in pages(site):
        page, blocked, errors = open_page(browser, base_url, path)
        assert blocked == [], f"{path} requested {blocked}"
        assert [e for e in errors if e not in KNOWN_THEME_ERRORS] == [], f"{path}: {errors}"
        page.close()


def chapter_pages() -> list[str]:
    """Pages of the grid's "Chapters" part: each must show at least one chart."""
    grid = build.load_grid()
    return [f"book/{e.page}.html" for part in grid.parts if part.caption == "Chapters" for e in part.entries if isinstance(e, build.Run)]


def test_every_chart_draws_marks_and_carries_its_source_line(browser, base_url, site):
    chapters = set(chapter_pages())
    assert chapters and chapters <= set(pages(site))
    for path in pages(site):
        page, _, _ = open_page(browser, base_url, path)
        figures = page.locator("figure.tt-chart")
        if path in chapters:
            assert figures.count() > 0, f"{path} shows no chart"
        for index in range(figures.count()):
            chart = figures.nth(index)
            # drawn by vega in the browser (the static fallback has no .marks class)
            assert chart.locator(".tt-chart-view svg.marks path").count() > 0, f"{path} chart {index} drew nothing"
            assert chart.get_attribute("aria-label"), f"{path} chart {index} has no title"
            assert chart.locator(".tt-description").inner_text().strip(), f"{path} chart {index} has no description"
            source = chart.locator("p.tt-source")
            assert source.count() == 1 and "Source" in source.inner_text()
            assert chart.locator("a.tt-download").get_attribute("href").startswith("data:text/csv")
            assert chart.locator("details.tt-table table").count() == 1
        for index in range(page.locator("figure.tt-table-figure").count()):
            assert page.locator("figure.tt-table-figure").nth(index).locator("p.tt-source").count() == 1, f"{path} table {index}"
        page.close()


def test_exercises_and_solutions_render(browser, base_url):
    page, _, _ = open_page(browser, base_url, "book/auto_tariffs.html")
    assert page.locator(".exercise").count() >= 2
    assert page.locator(".solution").count() >= 2
    page.close()


def test_prose_figures_are_filled_in(browser, base_url):
    page, _, _ = open_page(browser, base_url, "book/auto_tariffs.html")
    text = page.locator("main").inner_text()
    assert "{glue" not in text
    assert "27.5%" in text  # the peak rate, glued from data/tariff_timeline.csv
    page.close()
