"""Charts that describe themselves when they leave the site: the files behind every chart's download links.

``charts.publish`` puts under each chart links to ``../downloads/<name>.svg|.png|.zip`` and, on the
figure, what the files need (the chart's name, tables, sources as plain text and as-of date); the
figure already holds its title, subtitle, description, Vega-Lite spec and data. After Jupyter Book has
built the site, ``write_downloads`` reads every page and writes, for each chart, into
``downloads/<page>/`` (one name can be published on two pages: the home page's teaser of a chapter's
chart, a chapter run again with other parameters):

- ``<name>.svg`` and ``<name>.png``: the chart drawn by vl-convert with its title and subtitle above
  it and, beneath it, its sources (plain text), as-of date, the site's licence and the chart's address;
- ``<name>.zip``: the data drawn (CSV), a Frictionless data package describing it and the tables it
  came from (their rows as published, and the sources they cite), the Vega-Lite spec that draws the
  image's chart (with its title) and a README with the citation.

Each page's links are pointed at its own folder and each chart's permanent link gets its full address
(printed under the chart in print). Everything is deterministic: two builds of one commit write the
same bytes (zip entries sorted, with a fixed date).

A translated edition's site (``_build/html/<lang>/``) gets its files in its own language: each page says its
language (``<html lang>``), and its charts' files are drawn and written in it (``tr``; numbers and dates in the
language's Vega locale; the chart's address under ``<lang>/``).
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import textwrap
import urllib.parse
import zipfile
from dataclasses import dataclass
from pathlib import Path

from tradetalks import calculators, charts, data, i18n, project, style
from tradetalks.grid import BuildError
from tradetalks.i18n import N_, tr

DOWNLOADS_DIR = "downloads"  # at the site's root, beside book/
PNG_SCALE = 2  # pixels per chart pixel: sharp on a slide or in print
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: no build date in the files
FOOTER_SIZE, SUBTITLE_SIZE = 11, 12  # px
CHAR_WIDTH = 0.56  # a character's average width in Liberation Sans, in ems: where to break the image's text lines

FIGURE = re.compile(r'<figure class="tt-chart"[^>]*>.*?</figure>', flags=re.DOTALL)
FIGURE_TAG = re.compile(r'<figure class="tt-chart"[^>]*>')
PERMALINK = '<a class="tt-permalink" '
HTML_LANG = re.compile(r'<html[^>]*?\slang="([^"]*)"')
WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")  # CJK characters and full-width forms: about 1 em wide
NO_LINE_START = "、。，．）」』】〕！？・ー々ゝゞぁぃぅぇぉっゃゅょァィゥェォッャュョ"  # Japanese marks that never begin a line


@dataclass(frozen=True)
class PublishedChart:
    """One chart as a page publishes it: what its files are drawn and written from."""

    page: str  # the page's name: book/<page>.html
    name: str  # the file-safe name given to charts.publish
    title: str
    subtitle: str
    description: str
    source: str  # 'Sources: …' as plain text
    as_of: str
    tables: tuple[str, ...]
    spec: dict  # the Vega-Lite spec the page draws (fitted to its column)
    csv: str  # the data drawn
    width: float  # about the width the chart is drawn at alone, px: where its title and subtitle break
    lang: str = i18n.SOURCE_LANGUAGE  # the edition the page belongs to (a translated one lives under <lang>/)

    @property
    def path(self) -> str:
        """The chart's path in the site: ``book/<page>.html#chart-<name>``, under ``<lang>/`` in a translated edition."""
        path = project.page_path(self.page, charts.chart_anchor(self.name))
        return path if self.lang == i18n.SOURCE_LANGUAGE else f"{self.lang}/{path}"

    @property
    def address(self) -> str:
        """Where the chart is read (``project.page_address``): the full address, or the site's title and the path."""
        if project.site_url():
            return f"{project.site_url()}/{self.path}"
        return tr("{site}, {path}").format(site=tr(project.SITE_TITLE), path=self.path)

    @property
    def location(self) -> str:
        """The address without the site's title: for a citation, which names the site anyway."""
        return f"{project.site_url()}/{self.path}" if project.site_url() else self.path

    @property
    def folder(self) -> str:
        return f"{DOWNLOADS_DIR}/{self.page}"


def _attribute(tag: str, name: str) -> str:
    found = re.search(rf'\s{name}="([^"]*)"', tag)
    return html.unescape(found.group(1)) if found else ""


def _element_text(figure: str, css_class: str) -> str:
    found = re.search(rf'<(\w+) class="{css_class}"[^>]*>(.*?)</\1>', figure, flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(2))).strip() if found else ""


def page_language(page_html: str) -> str:
    """The edition a built page belongs to, from its ``<html lang>``: one of ``i18n.LANGUAGES``, else English."""
    found = HTML_LANG.search(page_html)
    lang = found.group(1).split("-")[0].lower() if found else ""
    return lang if lang in i18n.LANGUAGES else i18n.SOURCE_LANGUAGE


def read_chart(figure: str, page: str, lang: str = i18n.SOURCE_LANGUAGE) -> PublishedChart:
    """A published chart, read back from its ``<figure class="tt-chart">`` on ``page`` (of the edition ``lang``)."""
    tag = FIGURE_TAG.match(figure).group(0)
    name = _attribute(tag, "data-download")
    spec = re.search(r'<script type="application/json" id="tt-[0-9a-f]+-spec">(.*?)</script>', figure, flags=re.DOTALL)
    csv_href = re.search(r'class="tt-download" download="[^"]*" href="data:text/csv;charset=utf-8,([^"]*)"', figure)
    width = re.search(r'<div class="tt-chart-view"[^>]*><svg[^>]*?\swidth="([\d.]+)"', figure)
    if not (name and spec and csv_href and width):
        raise BuildError(f"book/{page}.html: a chart without the name, spec, data or drawing its downloads need")
    return PublishedChart(
        page=page,
        name=name,
        title=_element_text(figure, "tt-chart-title"),
        subtitle=_element_text(figure, "tt-chart-subtitle"),
        description=_element_text(figure, "tt-description"),
        source=_attribute(tag, "data-source"),
        as_of=_attribute(tag, "data-as-of"),
        tables=tuple(_attribute(tag, "data-tables").split()),
        spec=json.loads(spec.group(1)),
        csv=urllib.parse.unquote(html.unescape(csv_href.group(1))),
        # the text's measure: a chart fitted to its column is drawn at the house width, others at their own
        width=max(float(width.group(1)), charts.CHART_WIDTH),
        lang=lang,
    )


def page_charts(page_html: str, page: str) -> list[PublishedChart]:
    """The charts of one page, in page order; a name published twice on a page stops the build."""
    lang = page_language(page_html)
    found = [read_chart(figure, page, lang) for figure in FIGURE.findall(page_html)]
    names = [chart.name for chart in found]
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise BuildError(f"book/{page}.html publishes more than one chart named {', '.join(twice)}: give each its own name")
    return found


def site_charts(site: Path) -> list[PublishedChart]:
    """Every chart of a built site, page by page (pages in name order)."""
    return [chart for path in sorted((site / "book").glob("*.html")) for chart in page_charts(path.read_text("utf-8"), path.stem)]


def _lines(text: str, width_px: float, size_px: float) -> list[str]:
    if WIDE.search(text):
        return _wide_lines(text, width_px / size_px)
    return textwrap.wrap(text, width=max(30, int(width_px / (size_px * CHAR_WIDTH))), break_on_hyphens=False) or [""]


def _wide_lines(text: str, width_em: float) -> list[str]:
    """Text with Japanese in it broken into lines of at most ``width_em`` ems: a wide character is about 1 em, another
    ``CHAR_WIDTH``; a line breaks between two wide characters or at a space, never before a closing mark (、。」…),
    and a run of Latin letters or digits (a name, a figure, an address) is never split."""
    pieces = re.findall(r"[^\S\n]+|[A-Za-z0-9][^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]*|.", text)
    lines, line, used = [], "", 0.0
    for piece in pieces:
        size = sum(1.0 if WIDE.match(char) else CHAR_WIDTH for char in piece)
        if line and used + size > width_em and not piece.isspace() and piece[0] not in NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0.0
        if not line and piece.isspace():
            continue
        line += piece
        used += size
    lines.append(line.rstrip())
    return [line for line in lines if line] or [""]


def licence() -> str:
    """The site's licence line (``project.licence``), in the current language (a message of the site's footer)."""
    return tr(project.licence())


def _sentences(*parts: str) -> str:
    """Sentences one after another: a space between them in English, nothing after Japanese 。."""
    return charts.punctuation("gap").join(part for part in parts if part)


def _dated(chart: PublishedChart) -> str:
    return tr("Data as of {date}.").format(date=charts.date_words(chart.as_of)) if chart.as_of else ""


def footer_text(chart: PublishedChart) -> str:
    """What the image says under the chart: 'Sources: …; data as of …; licence; address'."""
    return _sentences(chart.source, _dated(chart), licence() + charts.punctuation("stop"), chart.address)


def image_spec(chart: PublishedChart) -> dict:
    """The chart's spec drawn alone (at the house width) with its title and subtitle above it: the spec in the
    zip. The chart stays the top-level view (a chart may compute its layout from its ``width``)."""
    spec = charts.drawn_alone(chart.spec)
    title_size = style.TYPE_SIZES["title"]
    return {
        **spec,
        "title": {
            "text": _lines(chart.title, chart.width, title_size),
            "subtitle": _lines(chart.subtitle, chart.width, SUBTITLE_SIZE),
            "anchor": "start",
            "frame": "bounds",
            "subtitleFontSize": SUBTITLE_SIZE,
            "subtitleColor": style.colour("text"),
            "lineHeight": title_size + 4,
            "subtitleLineHeight": SUBTITLE_SIZE + 3,
            "offset": 12,
        },
    }


def image_svg(chart: PublishedChart, spec: dict) -> str:
    """The drawing of ``spec`` (by vl-convert) with the footer under it, as one SVG: the sources, as-of date,
    licence and the chart's address as text (searchable, selectable), and in the SVG's description."""
    import vl_convert

    drawn = vl_convert.vegalite_to_svg(spec, **charts.vega_locale())
    size = re.search(r'<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"', drawn)
    width, height = float(size.group(1)), float(size.group(2))
    padding = spec.get("config", {}).get("padding", 8)
    line_height = FOOTER_SIZE + 4
    lines = _lines(footer_text(chart), width - 2 * padding, FOOTER_SIZE)
    total = height + FOOTER_SIZE + len(lines) * line_height + padding
    texts = "".join(
        f'<text x="{padding}" y="{height + FOOTER_SIZE + index * line_height:g}">{html.escape(line, quote=False)}</text>'
        for index, line in enumerate(lines)
    )
    described = tr("{title}. {subtitle}. {description} {footer}").format(
        title=chart.title, subtitle=chart.subtitle, description=chart.description, footer=footer_text(chart)
    )
    description = html.escape(described, quote=False)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{total:g}" viewBox="0 0 {width:g} {total:g}">'
        f"<title>{html.escape(chart.title, quote=False)}</title><desc>{description}</desc>"
        f'<rect width="100%" height="100%" fill="{style.colour("card")}"/>'
        f"{re.sub(r'^<[?]xml[^>]*>', '', drawn.strip())}"
        f'<g class="tt-footer" font-family="{html.escape(style.font())}" font-size="{FOOTER_SIZE}" fill="{style.colour("text")}">{texts}</g>'
        "</svg>\n"
    )


# What each file of a chart's zip is (the chart's own files by their suffix; the tables by ``_table_file_note``).
ZIP_FILES = {
    ".csv": N_("the data the chart draws"),
    "datapackage.json": N_("a Frictionless data package describing the chart's data and the tables it came from"),
    ".vl.json": N_(
        "the chart's Vega-Lite spec with its title (it draws the chart of the SVG and PNG, whose footer is this README's "
        "sources, licence and address)"
    ),
    "README.md": N_("this file"),
}


def readme(chart: PublishedChart, files: list[str]) -> str:
    """The zip's README: what the chart shows, where it comes from, what each file is, how to cite it."""
    tables = charts.punctuation("comma").join(chart.tables) or tr("none (the chart is about the site's own files)")
    described = {
        f"{chart.name}.csv": ZIP_FILES[".csv"],
        "datapackage.json": ZIP_FILES["datapackage.json"],
        f"{chart.name}.vl.json": ZIP_FILES[".vl.json"],
        "README.md": ZIP_FILES["README.md"],
    }
    colon = charts.punctuation("colon") + charts.punctuation("gap")
    listed = "\n".join(f"- `{name}`{colon}{tr(described[name]) if name in described else _table_file_note(name)}" for name in files)
    dated = tr(", data as of {date}").format(date=charts.date_words(chart.as_of)) if chart.as_of else ""
    cite = tr("{authors}. “{title}.” *{site}*, {location}{dated}.").format(
        authors=project.AUTHORS, title=chart.title, site=tr(project.SITE_TITLE), location=chart.location, dated=dated
    )
    paragraphs = [
        f"# {chart.title}",
        chart.subtitle,
        chart.description,
        _sentences(chart.source, _dated(chart)),
        tr("From the tables: {tables}.").format(tables=tables),
        tr("The chart on the site: {address}").format(address=chart.address),
        tr("Licence: {licence}.").format(licence=licence()),
        "## " + tr("Files"),
        listed,
        "## " + tr("Cite"),
        cite,
    ]
    return "\n\n".join(paragraphs) + "\n"


def _table_file_note(name: str) -> str:
    if name == f"data/{data.SOURCES_TABLE}.csv":
        return tr("the sources the tables' rows cite (rows of the site's sources table)")
    return tr("a table the chart came from, as published with the site")


def _csv_fields(text: str, tables: tuple[str, ...], schemas: dict[str, dict], site_data: Path) -> list[dict]:
    """Fields for the chart's CSV: each column's type read from its values; title, description and unit
    from the table field of that name, if there is one, else the title a page gives the column (title and description
    in the current language)."""
    from tradetalks import columns

    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    fields = []
    for index, name in enumerate(header):
        values = [row[index] for row in body if index < len(row) and row[index] != ""]
        field = {"name": name, "type": _type_of(values)}
        known = next((schemas[table].get(name) for table in tables if table in schemas and name in schemas[table]), None)
        for key in ("title", "description", "unit"):
            if known and key in known:
                field[key] = tr(known[key]) if key in ("title", "description") else known[key]
        if "title" not in field:
            column = columns.column_for(name, tables, str(site_data))
            if column is not None:
                field["title"] = column.title
        fields.append(field)
    return fields


def _type_of(values: list[str]) -> str:
    if not values:
        return "string"
    if all(re.fullmatch(r"-?\d+", value) for value in values):
        return "integer"
    if all(re.fullmatch(r"-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", value) for value in values):
        return "number"
    if all(value in ("True", "False") for value in values):
        return "boolean"
    return "string"


def _cited_sources(site_data: Path, tables: list[dict]) -> str:
    """The rows of the published sources table that the tables cite, in its order (as CSV text)."""
    keys: set[str] = set()
    for resource in tables:
        with open(site_data / resource["path"], encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                for column in data.SOURCE_KEY_COLUMNS:
                    keys.update(data.split_source_keys(row[column]) if row.get(column) else [])
    with open(site_data / f"{data.SOURCES_TABLE}.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    key_column = rows[0].index(data.SOURCE_KEY_COLUMN)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([rows[0]] + [row for row in rows[1:] if row[key_column] in keys])
    return out.getvalue()


def zip_files(chart: PublishedChart, site: Path, spec: dict) -> dict[str, bytes]:
    """The zip's files, by path: the chart's data, its data package, the tables and sources, spec, README."""
    site_data = site / "data"
    package = json.loads((site_data / data.PACKAGE_FILE).read_text(encoding="utf-8"))
    by_name = {resource["name"]: resource for resource in package["resources"]}
    unknown = [table for table in chart.tables if table not in by_name]
    if unknown:
        raise BuildError(f"book/{chart.page}.html, chart {chart.name}: tables {', '.join(unknown)} are not in the site's data package")
    tables = [by_name[table] for table in chart.tables if table != data.SOURCES_TABLE]
    schemas = {name: {field["name"]: field for field in resource["schema"]["fields"]} for name, resource in by_name.items()}
    files: dict[str, bytes] = {f"{chart.name}.csv": chart.csv.encode("utf-8")}
    resources = [
        {
            "name": chart.name,
            "path": f"{chart.name}.csv",
            "profile": "tabular-data-resource",
            "title": chart.title,
            "description": tr("{subtitle}. The data drawn in the chart at {address}").format(
                subtitle=chart.subtitle, address=chart.address
            ),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": _csv_fields(chart.csv, chart.tables, schemas, site_data)},
        }
    ]
    for resource in tables:
        files[f"data/{resource['path']}"] = (site_data / resource["path"]).read_bytes()
        resources.append({**resource, "path": f"data/{resource['path']}"})
    if tables or data.SOURCES_TABLE in chart.tables:
        sources = by_name[data.SOURCES_TABLE]
        files[f"data/{sources['path']}"] = _cited_sources(site_data, tables or [sources]).encode("utf-8")
        resources.append(
            {
                **sources,
                "path": f"data/{sources['path']}",
                # as the site's data package describes it: the tables a zip copies keep their own (English) words
                "description": sources.get("description", "") + " Only the rows the tables here cite.",
            }
        )
    described = {
        "name": chart.name.replace("_", "-"),
        "title": chart.title,
        "description": tr("{description} From {address}").format(description=chart.description, address=chart.address),
        "licenses": package.get("licenses", []),
        "resources": resources,
    }
    files["datapackage.json"] = (json.dumps(described, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
    files[f"{chart.name}.vl.json"] = (json.dumps(spec, indent=1, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")
    files["README.md"] = readme(chart, sorted(files) + ["README.md"]).encode("utf-8")
    return files


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    """A zip of ``files`` with entries sorted and a fixed date: the same files give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


def _point_links(page_html: str, chart: PublishedChart) -> str:
    """The page with this chart's download links pointed at the page's folder and its permanent link's address set."""
    anchor = f'id="{charts.chart_anchor(chart.name)}"'

    def mend(match: re.Match) -> str:
        figure = match.group(0)
        if anchor not in FIGURE_TAG.match(figure).group(0):
            return figure
        figure = figure.replace(f'href="{charts.DOWNLOADS_HREF}{chart.name}.', f'href="../{chart.folder}/{chart.name}.')
        if "data-address=" not in figure:
            figure = figure.replace(PERMALINK, f'{PERMALINK}data-address="{html.escape(chart.address)}" ', 1)
        return figure

    return FIGURE.sub(mend, page_html)


def chart_files(chart: PublishedChart, site: Path) -> dict[str, bytes]:
    """A chart's three files, by suffix: the SVG, the PNG drawn from it and the zip."""
    import vl_convert

    spec = image_spec(chart)
    svg = image_svg(chart, spec)
    return {
        "svg": svg.encode("utf-8"),
        "png": vl_convert.svg_to_png(svg, scale=PNG_SCALE),
        "zip": deterministic_zip(zip_files(chart, site, spec)),
    }


def write_downloads(site: str | Path) -> list[Path]:
    """Write every chart's SVG, PNG and zip into ``site/downloads/<page>/`` and point each page's links at
    them; return the files written. Called by the build on the staged site (each edition's), before it replaces
    the old one. Each page's files are written in the page's language, and its calculators get their script's
    words in it (``calculators.add_words``)."""
    site = Path(site)
    written = []
    for path in sorted((site / "book").glob("*.html")):
        original = path.read_text(encoding="utf-8")
        with i18n.language(page_language(original)):
            text = original
            for chart in page_charts(text, path.stem):
                folder = site / chart.folder
                folder.mkdir(parents=True, exist_ok=True)
                for suffix, content in chart_files(chart, site).items():
                    target = folder / f"{chart.name}.{suffix}"
                    target.write_bytes(content)
                    written.append(target)
                text = _point_links(text, chart)
            text = calculators.add_words(text)
        if text != original:
            path.write_text(text, encoding="utf-8")
    return written
