"""The translated editions in the browser: every page has its counterpart, linked both ways, and the Japanese
site's search finds Japanese words (issue 18). Skipped for a site built without a translated edition."""

from __future__ import annotations

import re
import urllib.parse

import pytest

from tests.browser.helpers import open_page, pages
from tradetalks.grid import load_grid

LANGUAGES = ["ja"]


def _editions(site):
    return [lang for lang in LANGUAGES if (site / lang / "index.html").is_file()]


def test_a_published_edition_is_in_the_built_site(site):
    missing = [lang for lang in load_grid().languages if lang not in _editions(site)]
    assert not missing, f"notebooks/grid.yml publishes {missing}, but the site has no such folder"


def test_every_english_page_has_its_counterpart_and_they_link_both_ways(site):
    editions = _editions(site)
    if not editions:
        pytest.skip("this site was built without a translated edition")
    english = [path for path in pages(site) if path.startswith("book/")]
    for lang in editions:
        for path in english:
            translated = site / lang / path
            assert translated.is_file(), f"{path} has no {lang} page"
            there, back = (site / path).read_text(encoding="utf-8"), translated.read_text(encoding="utf-8")
            assert f'hreflang="{lang}" href="../{lang}/{path}"' in there
            assert f'<a href="../../{path}" hreflang="en" lang="en">English</a>' in back
            assert re.search(rf'<html[^>]*lang="{lang}"', back), f"{lang}/{path} does not declare its language"


def test_the_japanese_search_finds_the_tariffs_chapter(site, browser, base_url):
    if "ja" not in _editions(site):
        pytest.skip("this site was built without the Japanese edition")
    page, _blocked, errors = open_page(browser, base_url, "ja/search.html?q=" + urllib.parse.quote("関税"))
    try:
        page.wait_for_selector("#search-results li", timeout=15000)
        found = page.eval_on_selector_all("#search-results li a", "links => links.map(a => a.getAttribute('href'))")
        assert any("auto_tariffs.html" in href for href in found), found
        assert not errors
    finally:
        page.close()


UNRENDERED = re.compile(r"\*\*|(?<![\w*])\*(?=[^\s*])[^*<>]{1,40}(?<=[^\s*])\*(?![\w*])")
NOT_TEXT = re.compile(r"<(script|style|pre|code|svg)\b.*?</\1>", re.S)


def test_no_page_shows_emphasis_markers_markdown_left_unrendered(site):
    # a Japanese "**最終更新：**データ" is not bold in CommonMark (a closing ** after punctuation needs a space or
    # punctuation after it) and shows its asterisks: every page of every edition, its code and scripts aside
    found = []
    for path in pages(site):
        text = NOT_TEXT.sub("", (site / path).read_text(encoding="utf-8"))
        visible = re.sub(r"<[^>]+>", "", text)
        found += [f"{path}: …{visible[max(0, m.start() - 30) : m.end() + 30]}…" for m in UNRENDERED.finditer(visible)]
    assert not found, "\n".join(found[:10])
