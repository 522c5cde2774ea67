"""Text from data reaches the page as text: hostile values in the data run no script anywhere."""

from __future__ import annotations

import csv
import io

import pytest

from tradetalks import build

from .helpers import serve

SCRIPT = "<script>window.__injected = 1</script>"
IMAGE = '<img src=x onerror="window.__injected = 2">'


def set_cell(path, row, column, value):
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[row][rows[0].index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, request):
    import shutil

    from tradetalks import data

    folder = tmp_path_factory.mktemp("hostile")
    copy = folder / "data"
    shutil.copytree(data.default_data_dir(), copy)
    set_cell(copy / "negotiation_rounds.csv", 1, "outcome", f"Talks {SCRIPT} ended")  # tables
    set_cell(copy / "tariff_timeline.csv", 13, "legal_instrument", f"Proclamation {IMAGE}")  # chart tooltips, CSV
    set_cell(copy / "tariff_timeline.csv", 13, "measure", f"Section 232 auto tariff in force {SCRIPT}")  # glued prose
    set_cell(copy / "sources.csv", 1, "publisher", f"Census {IMAGE}")  # source lines
    build.build_site(copy, folder / "site", only=["auto_tariffs"])
    return folder / "site"


@pytest.fixture(scope="module")
def hostile_url(hostile_site):
    with serve(hostile_site) as url:
        yield url


def test_hostile_text_shows_as_text_and_runs_nothing(browser, hostile_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{hostile_url}/book/auto_tariffs.html", wait_until="load")
    page.wait_for_function("() => document.querySelectorAll('.tt-chart-view svg.marks').length > 0")
    # hover every mark of every chart so tooltips render the hostile values too
    for mark in page.locator(".tt-chart-view svg.marks path").all()[:60]:
        try:
            mark.hover(timeout=500, force=True)
        except Exception:  # some marks are covered or zero-sized
            pass
    text = page.locator("article").inner_text()
    assert "Talks <script>window.__injected = 1</script> ended" in text
    assert "Census <img src=x" in text
    assert page.evaluate("window.__injected") is None
    assert page.locator("article img[src=x]").count() == 0
    assert page.locator("#vg-tooltip-element img").count() == 0
    assert dialogs == []
    page.close()
