"""Serving the built site and opening each page once per viewport in headless Chromium, network blocked.

``inspect_page`` gathers everything the page-level checks need from one visit: requests that left
the machine, console errors, axe-core's findings, what each chart and table shows, how the charts
look in both colour themes, and whether the page fits the viewport. Screenshots of both themes are
saved beside the site for people to look at.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import re
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900},
    "phone": {"width": 390, "height": 844},
    "small_phone": {"width": 320, "height": 640},
}
SCHEMES = ("light", "dark")
BLOCKING_IMPACTS = {"serious", "critical"}
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def pages(site: Path) -> list[str]:
    """Every page of the site, its translated editions' (under <lang>/) included."""
    found = (p.relative_to(site) for p in site.rglob("*.html"))
    return sorted(
        p.as_posix() for p in found if not {"_static", "_sources"} & set(p.parts[:-1]) and p.name not in {"genindex.html", "search.html"}
    )


def open_page(browser, base_url: str, path: str, viewport: str = "desktop"):
    """Open one page with every off-site request blocked; wait until every chart has drawn."""
    page = browser.new_page(viewport=VIEWPORTS[viewport])
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
    with urllib.request.urlopen(f"{base_url}/{path}") as served:  # index.html sends readers on to the home page
        refresh = re.search(r'http-equiv="Refresh" content="0; url=([^"]+)"', served.read().decode("utf-8"))
    if refresh:
        page.wait_for_url(f"**/{refresh.group(1)}", wait_until="load")
    page.wait_for_function(
        "() => document.querySelectorAll('.tt-chart-view').length === document.querySelectorAll('.tt-chart-view svg.marks').length"
    )
    return page, blocked, errors


# What every chart and table shows, read in one pass over the page.
FIGURES_JS = """() => {
  const text = (el) => (el ? el.innerText.trim() : '');
  const charts = [...document.querySelectorAll('figure.tt-chart')].map((chart) => ({
    marks: chart.querySelectorAll('.tt-chart-view svg.marks path').length,
    title: text(chart.querySelector('.tt-chart-title')),
    description: text(chart.querySelector('.tt-description')),
    sources: [...chart.querySelectorAll('p.tt-source')].map(text),
    download: (chart.querySelector('a.tt-download') || {}).href || '',
    tables: chart.querySelectorAll('details.tt-table table').length,
    // the smallest text vega drew, in screen pixels (its font size times the drawing's scale)
    smallest_text: Math.min(...[...chart.querySelectorAll('.tt-chart-view svg.marks text')]
      .filter((t) => t.textContent.trim())
      .map((t) => parseFloat(getComputedStyle(t).fontSize) * t.ownerSVGElement.getScreenCTM().a)),
  }));
  // what a reader can read, with or without a click: the page's text and the charts' labels, minus code
  const readable = (document.querySelector('main') || document.body).cloneNode(true);
  readable.querySelectorAll('code, pre, kbd, script, style, .tt-rerun').forEach((el) => el.remove());
  const tables = [...document.querySelectorAll('figure.tt-table-figure')].map((t) => t.querySelectorAll('p.tt-source').length);
  return {charts, tables,
          exercises: document.querySelectorAll('.exercise').length,
          solutions: document.querySelectorAll('.solution').length,
          text: text(document.querySelector('main')),
          readable: readable.textContent,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};
}"""

# Table rows more than MAX_ROW_LINES lines tall, with every folded table opened (then folded again). A Japanese
# sentence set at the same size takes more lines than its English (every character is full width) while saying no
# more: its pages allow a line more, and cut the same notes and claims the English pages cut.
MAX_ROW_LINES = 4
MAX_ROW_LINES_TRANSLATED = 5


def max_row_lines(path: str) -> int:
    return MAX_ROW_LINES_TRANSLATED if path.startswith("ja/") else MAX_ROW_LINES


TALL_ROWS_JS = """(maxLines) => {
  const folded = [...document.querySelectorAll('details.tt-table:not([open])')];
  folded.forEach((d) => { d.open = true; });
  const tall = [];
  document.querySelectorAll('table.tt-data-table').forEach((table, t) => {
    const cell = table.querySelector('td');
    if (!cell) { return; }
    const style = getComputedStyle(cell);
    const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
    [...table.querySelectorAll('tbody tr')].forEach((row, r) => {
      const lines = (row.getBoundingClientRect().height - 6) / line;  // less the cell's padding and rule
      if (lines > maxLines + 0.5) {
        tall.push({table: t, row: r, lines: Math.round(lines), text: row.innerText.slice(0, 80)});
      }
    });
  });
  folded.forEach((d) => { d.open = false; });
  return tall;
}"""

THEME_JS = """() => [...document.querySelectorAll('.tt-chart-view')].map((view) => {
  const label = view.querySelector('svg.marks text');
  return {background: getComputedStyle(view).backgroundColor, text: label ? getComputedStyle(label).fill : null};
})"""

AXE_JS = """async () => {
  const scope = document.querySelector('article.bd-article') || document.querySelector('main') || document;
  const results = await axe.run(scope, {resultTypes: ['violations']});
  return results.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help,
                                       target: v.nodes[0].target.join(' ')}));
}"""


@dataclass
class PageReport:
    """What one visit to one page at one viewport found."""

    path: str
    viewport: str
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    accessibility: list[dict] = field(default_factory=list)  # serious and critical axe violations
    charts: list[dict] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)  # source lines under each table
    themes: dict[str, list[dict]] = field(default_factory=dict)  # scheme -> each chart's card and text colour
    theme_set: dict[str, str] = field(default_factory=dict)  # scheme asked -> scheme the page reports
    exercises: int = 0
    solutions: int = 0
    text: str = ""
    readable: str = ""  # every word a reader can see, with or without a click (code left out)
    overflow: int = 0  # pixels the page is wider than the viewport
    tall_rows: list[dict] = field(default_factory=list)  # table rows taller than max_row_lines(path) lines


def inspect_page(browser, base_url: str, path: str, viewport: str, screenshots: Path) -> PageReport:
    """Visit ``path`` once at ``viewport`` and gather every page-level finding."""
    page, blocked, errors = open_page(browser, base_url, path, viewport)
    try:
        report = PageReport(path, viewport)
        figures = page.evaluate(FIGURES_JS)
        report.charts, report.tables = figures["charts"], figures["tables"]
        report.exercises, report.solutions = figures["exercises"], figures["solutions"]
        report.text, report.readable, report.overflow = figures["text"], figures["readable"], figures["overflow"]
        report.tall_rows = page.evaluate(TALL_ROWS_JS, max_row_lines(path))
        for scheme in SCHEMES:
            page.emulate_media(color_scheme=scheme)
            page.evaluate(f"document.documentElement.dataset.theme = '{scheme}'")
            report.theme_set[scheme] = page.evaluate("document.documentElement.dataset.theme")
            report.themes[scheme] = page.evaluate(THEME_JS)
            screenshots.mkdir(parents=True, exist_ok=True)
            name = path.removesuffix(".html").replace("/", "-")
            page.screenshot(path=str(screenshots / f"{name}-{viewport}-{scheme}.png"), full_page=scheme == "light")
        page.emulate_media(color_scheme="light")
        page.evaluate("document.documentElement.dataset.theme = 'light'")
        page.add_script_tag(path=str(AXE))
        report.accessibility = [v for v in page.evaluate(AXE_JS) if v["impact"] in BLOCKING_IMPACTS]
        report.blocked, report.errors = list(blocked), list(errors)
        return report
    finally:
        page.close()
