"""Quality gates over every page: accessibility (axe-core) and every internal link and anchor."""

from __future__ import annotations

import functools
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


def test_page_has_no_serious_accessibility_violation(page_reports, page_path, viewport):
    report = page_reports(page_path, viewport)
    assert report.accessibility == [], "\n".join(f"{page_path} ({viewport}): {v}" for v in report.accessibility)


class _Links(HTMLParser):
    """The ids a page defines and the local URLs it points to (links, scripts, styles, images)."""

    REFERENCES = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src", "source": "src"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.ids.add(values[name])
        url = values.get(self.REFERENCES.get(tag, ""))
        if url and not urlsplit(url).scheme and not url.startswith("//"):
            self.targets.append(url)


@functools.cache
def _parsed(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path, page: str) -> list[str]:
    """Every local link of ``page`` whose file or #anchor does not exist in the built site."""
    broken = []
    source = site / page
    for url in _parsed(source).targets:
        parts = urlsplit(url)
        target = (source.parent / unquote(parts.path)).resolve() if parts.path else source
        if target.is_dir():
            target = target / "index.html"
        if not target.is_file() or site.resolve() not in target.parents:
            broken.append(f"{url}: no such file")
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parsed(target).ids:
            broken.append(f"{url}: no such anchor")
    return broken


def test_internal_links_and_anchors_resolve(site, page_path):
    """Read from the files (no server): every link, script, stylesheet and image a page uses, and every #anchor."""
    assert broken_links(site, page_path) == []


def test_citations_resolve_to_bibliography_entries(site):
    """Every chapter cites sources, and every citation lands on a bibliography entry."""
    entries = set(re.findall(r'id="(source-[^"]+)"', (site / "book" / "references.html").read_text(encoding="utf-8")))
    cited = set()
    for page in (site / "book").glob("*.html"):
        cited |= set(re.findall(r'href="references\.html#(source-[^"]+)"', page.read_text(encoding="utf-8")))
    assert cited and entries
    assert cited - entries == set()


def test_the_link_check_can_fail(site, tmp_path):
    """A planted broken link and a missing anchor are both found."""
    planted = tmp_path / "site"
    planted.mkdir()
    (planted / "a.html").write_text('<a id="here" href="b.html#nowhere">x</a><a href="missing.html">y</a><a href="#here">z</a>')
    (planted / "b.html").write_text('<p id="somewhere"></p>')
    assert broken_links(planted, "a.html") == ["b.html#nowhere: no such anchor", "missing.html: no such file"]
