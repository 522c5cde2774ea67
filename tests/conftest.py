"""Shared fixtures and the parallel schedule.

``make test`` runs the unit tests, nbval and the browser tests in one pytest run on two workers
(pytest-xdist, ``--dist loadgroup``). Tests that must share a worker are put in one group here:
the cells of one notebook (nbval runs them in order on one kernel), the tests reading one page at
one viewport (one visit serves them all), and the tests of one executed build.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.wording import reword_labels
from tradetalks import data


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--site", default="_build/html", help="built site the browser tests open")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "heavy: runs chapters or builds a site; scheduled first so the two workers end together")


def _group(item: pytest.Item) -> str | None:
    if item.path.suffix == ".ipynb":  # an nbval cell
        return f"nbval:{item.path.name}"
    params = getattr(getattr(item, "callspec", None), "params", {})
    if "page_path" in params:
        return f"page:{params['page_path']}:{params.get('viewport', 'desktop')}"  # no "@": xdist splits on it
    if "page_reports" in getattr(item, "fixturenames", ()):
        return "page:book/auto_tariffs.html:desktop"
    marker = item.get_closest_marker("xdist_group")
    return marker.kwargs.get("name", marker.args[0] if marker.args else None) if marker else None


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups into the test ids
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        group = _group(item)
        if group and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(group))
    # heavy tests first: a long test started last would leave one worker idle at the end
    items.sort(key=lambda item: 0 if item.get_closest_marker("heavy") else 1)


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest) -> Path:
    """The built site the tests read (``--site``; make test builds ``_build/test-html`` first)."""
    root = Path(request.config.getoption("--site")).resolve()
    if not (root / "index.html").is_file():
        pytest.fail(f"no built site at {root}: run `python -m tradetalks build` first (make test does)")
    return root


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped data folder."""
    target = tmp_path / "data"
    shutil.copytree(data.default_data_dir(), target)
    return target


@pytest.fixture
def reworded_data(data_copy: Path) -> Path:
    """A copy of the shipped data with every label reworded (see tests/wording.py); still valid data."""
    assert reword_labels(data_copy) > 0
    assert data.check_data(data_copy) == []
    return data_copy
