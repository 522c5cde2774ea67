"""Every page of the built site in headless Chromium, with every non-local request blocked."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
# sphinx-thebe (bundled with Jupyter Book 1) declares this twice on every page; harmless, and not ours.
KNOWN_THEME_ERRORS = {"Identifier 'THEBE_JS_URL' has already been declared"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site(request) -> Path:
    root = Path(request.config.getoption("--site")).resolve()
    if not (root / "index.html").is_file():
        pytest.fail(f"no built site at {root}: run `python -m tradetalks build` first")
    return root


@pytest.fixture(scope="session")
def base_url(site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield launched
        launched.close()


def pages(site: Path) -> list[str]:
    found = (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return sorted(p for p in found if not p.startswith(("_static/", "_sources/")) and p not in {"genindex.html", "search.html"})


def open_page(browser, base_url: str, path: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []
    errors: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(base_url) or url.startswith(("data:", "blob:", "about:")):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/{path}", wait_until="load")
    page.wait_for_function(
        "() => document.querySelectorAll('.tt-chart-view').length === document.querySelectorAll('.tt-chart-view svg.marks').length"
    )
    return page, blocked, errors


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
