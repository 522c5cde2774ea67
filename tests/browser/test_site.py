"""Every page of the built site in headless Chromium, with every non-local request blocked."""

from __future__ import annotations

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


def test_every_chart_draws_marks_and_carries_its_source_line(browser, base_url, site):
    chapters = [p for p in pages(site) if p.startswith("book/") and p != "book/intro.html"]
    assert chapters
    for path in chapters:
        page, _, _ = open_page(browser, base_url, path)
        figures = page.locator("figure.tt-chart")
        assert figures.count() > 0, path
        assert page.evaluate("typeof window.vegaEmbed") == "function"
        for index in range(figures.count()):
            chart = figures.nth(index)
            # drawn by vega in the browser (the static fallback has no .marks class)
            assert chart.locator(".tt-chart-view svg.marks path").count() > 0, f"{path} chart {index} drew nothing"
            assert chart.get_attribute("aria-label"), f"{path} chart {index} has no title"
            source = chart.locator("p.tt-source")
            assert source.count() == 1 and "Source" in source.inner_text()
            assert chart.locator("a.tt-download").get_attribute("href").startswith("data:text/csv")
            assert chart.locator("details.tt-table table").count() == 1
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
