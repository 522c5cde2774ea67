"""Quality gates over every page: accessibility (axe-core), links and anchors, both colour themes."""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import open_page, pages

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
LINKCHECK_CONFIG = Path(__file__).with_name("linkchecker.ini")
BLOCKING_IMPACTS = {"serious", "critical"}


def test_no_serious_accessibility_violations(browser, base_url, site):
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` (make test does)")
    found = {}
    for path in pages(site):
        page, _, _ = open_page(browser, base_url, path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => {
                const results = await axe.run(document.querySelector('article.bd-article') || document.querySelector('main') || document, {resultTypes: ['violations']});
                return results.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
                                                     target: v.nodes[0].target.join(' ')}));
            }"""
        )
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            found[path] = blocking
        page.close()
    assert found == {}, "\n".join(f"{path}: {v}" for path, vs in found.items() for v in vs)


def test_no_broken_internal_links_or_anchors(base_url):
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "linkchecker"),
            "-f",
            str(LINKCHECK_CONFIG),
            "--no-status",
            "-o",
            "csv",
            f"{base_url}/index.html",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    rows = list(
        csv.DictReader(io.StringIO("\n".join(line for line in result.stdout.splitlines() if not line.startswith("#"))), delimiter=";")
    )
    assert rows == [] or all(row["valid"] == "True" and not row["warningstring"] for row in rows), [
        (row["urlname"], row["parentname"], row["result"], row["warningstring"])
        for row in rows
        if row["valid"] != "True" or row["warningstring"]
    ]
    assert result.returncode == 0, result.stderr[-2000:]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_charts_stay_readable_in_both_themes(browser, base_url, site, scheme):
    shots = site.parent / "screenshots"
    shots.mkdir(exist_ok=True)
    for path in [p for p in pages(site) if p.startswith("book/") and p != "book/intro.html"]:
        page, _, _ = open_page(browser, base_url, path)
        page.emulate_media(color_scheme=scheme)
        page.evaluate(f"document.documentElement.dataset.theme = '{scheme}'")
        theme = page.evaluate("document.documentElement.dataset.theme")
        assert theme == scheme
        views = page.locator(".tt-chart-view")
        for index in range(views.count()):
            view = views.nth(index)
            background = view.evaluate("e => getComputedStyle(e).backgroundColor")
            assert background == "rgb(255, 255, 255)", f"{path} chart {index}: card background {background} in {scheme} mode"
            label_fill = view.evaluate("e => { const t = e.querySelector('svg.marks text'); return t ? getComputedStyle(t).fill : null; }")
            assert label_fill in {"rgb(51, 51, 51)", "rgb(17, 17, 17)", "rgb(0, 0, 0)"}, f"{path} chart {index}: text fill {label_fill}"
        page.screenshot(path=str(shots / f"{Path(path).stem}-{scheme}.png"))
        page.close()


def test_citations_resolve_to_bibliography_entries(site):
    """Every source-line link into the references page lands on an entry (LinkChecker skips these)."""
    entries = set(re.findall(r'id="(source-[^"]+)"', (site / "book" / "references.html").read_text(encoding="utf-8")))
    cited = set()
    for page in (site / "book").glob("*.html"):
        cited |= set(re.findall(r'href="references\.html#(source-[^"]+)"', page.read_text(encoding="utf-8")))
    assert cited and entries
    assert cited - entries == set()
