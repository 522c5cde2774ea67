"""Chart downloads describe themselves: an SVG and a PNG that carry the chart's title, sources, date, licence
and address, and a zip whose data package validates; one name per chart on a page; the same bytes every build."""

from __future__ import annotations

import html
import io
import re
import shutil
import struct
import zipfile
from pathlib import Path

import altair as alt
import frictionless
import pytest

from tradetalks import charts, data, exports, project
from tradetalks.grid import BuildError

TITLE, SUBTITLE, DESCRIPTION = "The duty rose, then settled lower", "U.S. duty on a Japanese car, %, by date", "The duty rose and fell."


def published(name: str = "duty_by_date") -> str:
    """A chart published from a real table, as a chapter publishes it."""
    timeline = data.load_table("tariff_timeline")
    drawn = timeline[timeline["rate_pct"].notna()][["date", "rate_pct", "source_key"]].head(6)
    chart = alt.Chart(drawn).mark_point().encode(x="date:N", y="rate_pct:Q")
    return charts.publish(chart, data=drawn, name=name, title=TITLE, subtitle=SUBTITLE, description=DESCRIPTION).body


def page(*figures: str) -> str:
    return f'<html><body><article class="bd-article">{"".join(figures)}</article></body></html>'


@pytest.fixture(scope="module")
def figure() -> str:
    return published()


@pytest.fixture
def small_site(tmp_path: Path, figure: str) -> Path:
    """A built site of one page with one chart, and the site's published data (as the build copies it)."""
    site = tmp_path / "site"
    (site / "book").mkdir(parents=True)
    shutil.copytree(data.default_data_dir(), site / "data")
    (site / "book" / "tariffs.html").write_text(page(figure), encoding="utf-8")
    return site


def svg_text(svg: str) -> str:
    """The footer's lines under the chart, as one line of text."""
    footer = re.search(r'<g class="tt-footer"[^>]*>(.*?)</g>', svg, flags=re.DOTALL).group(1)
    return " ".join(html.unescape(line) for line in re.findall(r"<text[^>]*>(.*?)</text>", footer))


def check_zip(content: bytes, chart: exports.PublishedChart, folder: Path) -> None:
    archive = zipfile.ZipFile(io.BytesIO(content))
    names = archive.namelist()
    assert names == sorted(names)
    assert {info.date_time for info in archive.infolist()} == {exports.ZIP_DATE}
    assert {f"{chart.name}.csv", f"{chart.name}.vl.json", "datapackage.json", "README.md"} <= set(names)
    assert archive.read(f"{chart.name}.csv").decode("utf-8") == chart.csv
    readme = archive.read("README.md").decode("utf-8")
    assert chart.title in readme and chart.source in readme and "## Cite" in readme and project.AUTHORS in readme
    assert project.page_path(chart.page, charts.chart_anchor(chart.name)) in readme
    for table in chart.tables:
        assert f"data/{data.table_schema(table)['path']}" in names
    archive.extractall(folder)
    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])[:5]


def test_publish_links_the_chart_files_and_carries_what_they_need(figure):
    tag = exports.FIGURE_TAG.match(figure).group(0)
    assert 'id="chart-duty_by_date"' in tag and 'data-download="duty_by_date"' in tag and 'data-tables="tariff_timeline"' in tag
    assert re.search(r'data-as-of="\d{4}', tag) and 'data-source="Source' in tag
    for suffix in ("svg", "png", "zip"):
        assert f'href="../downloads/duty_by_date.{suffix}" download="duty_by_date.{suffix}"' in figure
    assert "data:image" not in figure  # the files are files, not data in the page
    assert '<a class="tt-permalink" href="#chart-duty_by_date">' in figure


def test_a_chart_name_must_be_file_safe():
    with pytest.raises(ValueError, match="names the chart's files"):
        published("Duty by date!")


def test_a_name_published_twice_on_a_page_stops_the_build(figure):
    assert [chart.name for chart in exports.page_charts(page(figure), "p")] == ["duty_by_date"]
    with pytest.raises(BuildError, match="more than one chart named duty_by_date"):
        exports.page_charts(page(figure, figure), "p")


def test_source_text_is_the_source_line_without_markup():
    timeline = data.load_table("tariff_timeline")
    sources, _ = charts.provenance(timeline, None)
    text = charts.source_text(sources)
    line = charts.source_line(sources, table_names=(), csv_name="x", csv_text="")
    shown = html.unescape(re.sub(r"<[^>]+>", "", line.split("</strong> ", 1)[1].split(" Data as of")[0]))
    assert text == "Sources: " + shown and "<" not in text and "&#x27;" not in text
    assert text.endswith(" more.")  # the folded producers are counted, as in the line


def test_the_downloads_describe_the_chart(small_site, tmp_path):
    written = exports.write_downloads(small_site)
    folder = small_site / "downloads" / "tariffs"
    assert sorted(path.name for path in written) == [f"duty_by_date.{suffix}" for suffix in ("png", "svg", "zip")]
    chart = exports.site_charts(small_site)[0]
    assert chart.page == "tariffs" and chart.title == TITLE and chart.as_of and chart.source.startswith("Source")

    svg = (folder / "duty_by_date.svg").read_text(encoding="utf-8")
    assert f"<title>{TITLE}</title>" in svg and re.search(r"<text[^>]*>The duty rose, then settled lower</text>", svg)
    footer = svg_text(svg)
    assert footer.startswith(chart.source)
    assert f"Data as of {chart.as_of}." in footer and project.licence() in footer
    assert footer.endswith(project.page_address("tariffs", "chart-duty_by_date"))

    png = (folder / "duty_by_date.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", png[16:24])
    svg_width, svg_height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', svg).groups())
    assert (width, height) == (round(svg_width * exports.PNG_SCALE), round(svg_height * exports.PNG_SCALE))

    check_zip((folder / "duty_by_date.zip").read_bytes(), chart, tmp_path / "unzipped")
    cited = (tmp_path / "unzipped" / "data" / "sources.csv").read_text(encoding="utf-8").splitlines()
    timeline = data.load_table("tariff_timeline")
    keys = {key for cell in timeline["source_key"].dropna() for key in data.split_source_keys(cell)}
    assert len(cited) - 1 == len(keys)  # the sources the table cites, each once, and no other

    # the page's links now point at the page's own folder, and the permanent link has its address
    built = (small_site / "book" / "tariffs.html").read_text(encoding="utf-8")
    assert built.count('href="../downloads/tariffs/duty_by_date.') == 3 and 'href="../downloads/duty_by_date.' not in built
    assert f'data-address="{html.escape(project.page_address("tariffs", "chart-duty_by_date"))}"' in built


def test_a_broken_data_package_is_caught(small_site, tmp_path):
    """The zip check can fail: a chart's table whose rows break its schema does not validate."""
    exports.write_downloads(small_site)
    chart = exports.site_charts(small_site)[0]
    content = (small_site / "downloads" / "tariffs" / "duty_by_date.zip").read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(content))
    files = {name: archive.read(name) for name in archive.namelist()}
    files["data/tariff_timeline.csv"] = files["data/tariff_timeline.csv"].replace(b",27.5,", b",lots,", 1)
    with pytest.raises(AssertionError, match="type-error"):
        check_zip(exports.deterministic_zip(files), chart, tmp_path / "broken")


def test_downloads_are_the_same_bytes_every_time(small_site, tmp_path):
    again = tmp_path / "again"
    shutil.copytree(small_site, again)
    first = {path.name: path.read_bytes() for path in exports.write_downloads(small_site)}
    second = {path.name: path.read_bytes() for path in exports.write_downloads(again)}
    assert first == second


def test_licence_and_address_come_from_one_place(monkeypatch):
    import yaml

    config = yaml.safe_load((project.ROOT / "_config.yml").read_text(encoding="utf-8"))
    assert project.licence() == f"© {config['copyright']}"
    monkeypatch.setattr(project, "site_url", lambda: "")
    assert project.page_address("auto_tariffs", "chart-x") == f"{project.SITE_TITLE}, book/auto_tariffs.html#chart-x"
    monkeypatch.setattr(project, "site_url", lambda: "https://example.org/trade")
    assert project.page_address("auto_tariffs") == "https://example.org/trade/book/auto_tariffs.html"


# --- the built site (make test: _build/test-html) -----------------------------------------------------------


@pytest.fixture(scope="module")
def site_charts(site) -> list[exports.PublishedChart]:
    return exports.site_charts(site)  # stops on a name published twice on one page


def test_every_chart_of_the_site_has_its_files(site, site_charts):
    pages = sorted((site / "book").glob("*.html"))
    figures = sum(path.read_text(encoding="utf-8").count('<figure class="tt-chart"') for path in pages)
    assert len(site_charts) == figures > 20
    for chart in site_charts:
        text = (site / "book" / f"{chart.page}.html").read_text(encoding="utf-8")
        for suffix in ("svg", "png", "zip"):
            assert (site / chart.folder / f"{chart.name}.{suffix}").is_file(), f"{chart.folder}/{chart.name}.{suffix}"
            assert f'href="../{chart.folder}/{chart.name}.{suffix}"' in text
    on_disk = sorted(path.relative_to(site).as_posix() for path in (site / exports.DOWNLOADS_DIR).rglob("*") if path.is_file())
    assert on_disk == sorted(f"{chart.folder}/{chart.name}.{suffix}" for chart in site_charts for suffix in ("png", "svg", "zip"))


def test_chart_names_are_unique_on_every_page(site_charts):
    """A name is a chart's file name and anchor: one per page (the same chart may be on two pages)."""
    seen = [(chart.page, chart.name) for chart in site_charts]
    assert len(seen) == len(set(seen))
    assert all(charts.DOWNLOAD_NAME.fullmatch(chart.name) for chart in site_charts)


def test_every_downloadable_svg_names_its_sources_date_licence_and_address(site, site_charts):
    for chart in site_charts:
        svg = (site / chart.folder / f"{chart.name}.svg").read_text(encoding="utf-8")
        footer = svg_text(svg)
        where = f"{chart.folder}/{chart.name}.svg"
        assert footer.startswith(chart.source) and "Source" in chart.source, where
        assert (f"Data as of {chart.as_of}." in footer) and chart.as_of, where
        assert project.licence() in footer and chart.address in footer, where
        assert html.escape(chart.title.split()[0], quote=False) in svg, where


def test_every_zip_holds_a_valid_data_package(site, site_charts, tmp_path):
    for index, chart in enumerate(site_charts):
        check_zip((site / chart.folder / f"{chart.name}.zip").read_bytes(), chart, tmp_path / str(index))


# --- a translated edition: each page's files in its language ----------------------------------------------------


def test_a_page_says_its_edition():
    assert exports.page_language('<html lang="ja" data-theme="auto"><body></body></html>') == "ja"
    assert exports.page_language('<html lang="ja-JP">') == "ja"
    assert exports.page_language('<html lang="en">') == exports.page_language("<html>") == "en"


def test_japanese_lines_break_between_characters_never_before_a_closing_mark():
    text = "出典：Toyota Motor Corporation（The Nation Thailand経由）ほか10件。データは2026年2月12日時点。" * 3
    lines = exports._lines(text, 300, exports.FOOTER_SIZE)
    assert len(lines) > 3 and "".join(lines).replace(" ", "") == text.replace(" ", "")  # nothing lost but the spaces at a break
    assert not any(line[0] in exports.NO_LINE_START for line in lines)
    widths = [sum(1.0 if exports.WIDE.match(c) else exports.CHAR_WIDTH for c in line) for line in lines]
    assert max(widths) <= 300 / exports.FOOTER_SIZE + 1  # a closing mark may hang past the end
    assert any("Corporation" in line for line in lines)  # a Latin name is not cut inside


def test_a_japanese_pages_files_are_in_japanese(tmp_path, monkeypatch):
    from tradetalks import calculators, i18n, style

    monkeypatch.setattr(project, "site_url", lambda: "https://example.org/trade")
    with i18n.language("ja"):
        timeline = data.load_table("tariff_timeline")
        drawn = timeline[timeline["rate_pct"].notna()][["date", "rate_pct", "source_key"]].head(6)
        chart = alt.Chart(drawn).mark_point().encode(x="date:N", y="rate_pct:Q")
        figure = charts.publish(
            chart,
            data=drawn,
            name="duty_by_date",
            title="関税は上がり、その後下がった",
            subtitle="日本車にかかる米国の関税、%、日付別",
            description="関税は上がり、その後下がった。",
        ).body
        calculator = calculators.figure_html(
            calculators.Calculator("c", [calculators.Input("x", "X", "%", 1, 0, 2, 1, "s")], [], "文。"), "", heading="試算"
        )
    site = tmp_path / "ja"
    (site / "book").mkdir(parents=True)
    shutil.copytree(data.default_data_dir(), site / "data")
    (site / "book" / "tariffs.html").write_text(f'<html lang="ja">{page(figure, calculator)[6:]}', encoding="utf-8")
    exports.write_downloads(site)  # the build calls it on the edition's folder, outside any language
    chart = exports.site_charts(site)[0]
    assert chart.lang == "ja" and chart.address == "https://example.org/trade/ja/book/tariffs.html#chart-duty_by_date"
    svg = (site / "downloads" / "tariffs" / "duty_by_date.svg").read_text(encoding="utf-8")
    footer = svg_text(svg)
    assert footer.startswith("出典：") and "データは" in footer and "時点。" in footer and "執筆者一同" in footer
    assert "Data as of" not in footer and f'font-family="{style.FONT_JA}"' in svg
    readme = zipfile.ZipFile(io.BytesIO((site / "downloads" / "tariffs" / "duty_by_date.zip").read_bytes())).read("README.md").decode()
    assert (
        "## 引用" in readme and "## ファイル" in readme and "ja/book/tariffs.html#chart-duty_by_date" in readme and "## Cite" not in readme
    )
    built = (site / "book" / "tariffs.html").read_text(encoding="utf-8")
    assert 'data-address="https://example.org/trade/ja/book/tariffs.html#chart-duty_by_date"' in built
    assert built.count('class="tt-calc-words"') == 1 and "出典が裏付ける範囲" in built  # the calculator's script words, in Japanese
