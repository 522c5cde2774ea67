"""Fixtures for the browser tests: the built site, a local server, one Chromium per worker, page reports.

Each page is opened once per viewport per test worker; every page-level test reads the same
report. The tests of one page and viewport share an xdist group (see tests/conftest.py), so
that one visit serves them all even when the tests run in parallel.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tradetalks import browser as browsers

from .helpers import AXE, VIEWPORTS, PageReport, inspect_page, pages, serve


def site_option(config: pytest.Config) -> Path:
    return Path(config.getoption("--site")).resolve()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "page_path" in metafunc.fixturenames:
        site = site_option(metafunc.config)
        listed = pages(site) if (site / "index.html").is_file() else []
        metafunc.parametrize("page_path", listed or ["index.html"])  # no site: the `site` fixture says so
    if "viewport" in metafunc.fixturenames:
        metafunc.parametrize("viewport", list(VIEWPORTS))


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    try:
        executable = browsers.find_chromium()
    except browsers.BrowserNotFound as missing:
        pytest.fail(str(missing))
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=list(browsers.LAUNCH_ARGS))
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def page_reports(browser, base_url, site):
    """Visit each (page, viewport) at most once per worker; return a function giving its report."""
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` (make test does)")
    reports: dict[tuple[str, str], PageReport] = {}
    screenshots = site.parent / "screenshots"

    def report(path: str, viewport: str = "desktop") -> PageReport:
        if (path, viewport) not in reports:
            reports[(path, viewport)] = inspect_page(browser, base_url, path, viewport, screenshots)
        return reports[(path, viewport)]

    return report
