"""The Japanese edition shows the same figures as the English one: same glued values by name, as many charts and
tables, the same numbers in every chart's data; and what the build renders to images draws Japanese glyphs."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import nbformat
import pytest

from tradetalks import charts, project
from tradetalks.grid import load_grid

BOOK = project.ROOT / "book"
JAPANESE = BOOK / "ja"
PAGES = [run.page for run in load_grid().runs]
TRANSLATED = [page for page in PAGES if (JAPANESE / f"{page}.ipynb").is_file()]
SPEC = re.compile(r'<script type="application/json" id="tt-[0-9a-f]+-spec">(.*?)</script>', re.S)
FIGURE = re.compile(r'<figure class="(tt-chart|tt-table-figure)"(?: id="([^"]+)")?')


def glued(path: Path) -> dict[str, int]:
    """Each glue name a page records, and how often."""
    found: Counter = Counter()
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []) if cell.cell_type == "code" else []:
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                found[name] += 1
    return dict(found)


def html_outputs(path: Path) -> list[str]:
    cells = nbformat.read(path, as_version=4).cells
    return [
        o["data"]["text/html"] for c in cells if c.cell_type == "code" for o in c.get("outputs", []) if "text/html" in o.get("data", {})
    ]


def figures_of(path: Path) -> list[tuple[str, str]]:
    return [match.groups(default="") for html in html_outputs(path) for match in FIGURE.finditer(html)]


def numbers_in_charts(path: Path) -> Counter:
    """Every number in every chart's data (the words may be translated; the figures may not)."""
    found: Counter = Counter()
    for html in html_outputs(path):
        for spec in SPEC.findall(html):
            datasets = json.loads(spec).get("datasets", {})
            for rows in datasets.values():
                for row in rows:
                    found.update(
                        round(value, 9) for value in row.values() if isinstance(value, int | float) and not isinstance(value, bool)
                    )
    return found


def test_every_page_of_a_published_edition_is_translated():
    for lang in load_grid().languages:
        missing = [page for page in PAGES if not (BOOK / lang / f"{page}.ipynb").is_file()]
        assert not missing, f"the {lang} edition is published without {missing}"


@pytest.mark.skipif(not TRANSLATED, reason="no chapter has a Japanese page yet")
@pytest.mark.parametrize("page", TRANSLATED)
def test_a_japanese_page_glues_the_same_values_and_shows_as_many_charts_and_tables(page):
    english, japanese = BOOK / f"{page}.ipynb", JAPANESE / f"{page}.ipynb"
    assert glued(japanese) == glued(english)
    assert figures_of(japanese) == figures_of(english)  # the same charts (by id) and tables, in the same order


@pytest.mark.skipif(not TRANSLATED, reason="no chapter has a Japanese page yet")
@pytest.mark.parametrize("page", TRANSLATED)
def test_a_japanese_pages_charts_plot_the_same_numbers(page):
    assert numbers_in_charts(JAPANESE / f"{page}.ipynb") == numbers_in_charts(BOOK / f"{page}.ipynb")


def test_the_figure_comparison_can_tell_pages_apart():
    pages = [BOOK / f"{page}.ipynb" for page in ("auto_tariffs", "ev_emissions")]
    assert glued(pages[0]) != glued(pages[1]) and numbers_in_charts(pages[0]) != numbers_in_charts(pages[1])
    assert figures_of(pages[0]) and numbers_in_charts(pages[0])


def _drawn(words: str) -> bytes:
    import vl_convert

    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "config": {"font": charts.FONT},
        "title": {"text": words, "fontSize": 40},
        "mark": "point",
        "data": {"values": [{}]},
    }
    return vl_convert.vegalite_to_png(spec, format_locale="ja-JP", time_format_locale="ja-JP")


def test_a_japanese_chart_title_draws_real_glyphs_not_boxes():
    # a missing glyph is drawn as the same box whatever the character: two kanji drawn alike, or drawn like a
    # private-use character no font has, mean the machine has no Japanese font (Debian: fonts-noto-cjk)
    # (one character each: boxes for words of different lengths would differ by their number)
    tax, car, nothing = _drawn("税"), _drawn("車"), _drawn("\ue000")
    assert tax != car, "two different kanji rendered identically: no CJK font (install fonts-noto-cjk)"
    assert nothing not in (tax, car)
