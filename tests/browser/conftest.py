"""Fixtures for the browser tests: the built site, a local server, one Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .helpers import CHROMIUM, serve


@pytest.fixture(scope="session")
def site(request) -> Path:
    root = Path(request.config.getoption("--site")).resolve()
    if not (root / "index.html").is_file():
        pytest.fail(f"no built site at {root}: run `python -m tradetalks build` first")
    return root


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield launched
        launched.close()
