"""Shared fixtures: the shipped data folder and copies of it to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tradetalks import data


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--site", default="_build/html", help="built site the browser tests open")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the shipped data folder."""
    target = tmp_path / "data"
    shutil.copytree(data.default_data_dir(), target)
    return target
