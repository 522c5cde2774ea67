"""The whole site as one PDF: ``python -m tradetalks pdf`` (``make pdf``).

Jupyter Book's own ``pdfhtml`` builder cannot start a browser here, so this prints the built HTML
site with Chromium (Playwright, the browser ``tradetalks.browser`` finds), page by page in the order
of the table of contents, with the site's print stylesheet (``_static/tradetalks.css``: no navigation,
charts whole with their title, sources, as-of date and permanent link, exercises with their
solutions). pypdf then puts the pages together behind a title page and a contents page it has
Chromium print too, numbers every page, adds an outline (part, chapter, section) and turns links
between pages of the site into links inside the PDF. No network is used: a request that would leave
the machine stops the print. The file carries no date but the data's: the same site gives the same PDF.
"""

from __future__ import annotations

import html
import io
import re
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, FloatObject, NameObject, NullObject

from tradetalks import browser as browsers
from tradetalks import catalog, data, i18n, project, text
from tradetalks.grid import BOOK_DIR, BuildError, Grid, Run, load_grid
from tradetalks.i18n import tr

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route

DEFAULT_OUT = project.ROOT / "_build" / "pdf" / "us-japan-auto-trade.pdf"
PAPER = "A4"
MARGIN_MM = {"top": 16, "bottom": 18, "left": 16, "right": 16}
PAPER_WIDTH_MM, PAPER_HEIGHT_MM = 210, 297
PX_PER_MM = 96 / 25.4
# Charts are drawn by the page's own scripts at the printed column's width, so their text keeps its size.
COLUMN_WIDTH_PX = round((PAPER_WIDTH_MM - MARGIN_MM["left"] - MARGIN_MM["right"]) * PX_PER_MM)
CHARTS_DRAWN = "() => document.querySelectorAll('.tt-chart-view').length === document.querySelectorAll('.tt-chart-view svg.marks').length"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Liberation Sans', Arial, sans-serif"
PAGE_TIMEOUT_MS = 180_000  # a page's load, drawing and printing, on a machine busy with other work (make test)
TINY = 2.0  # pt: the invisible links added so Chromium keeps a destination for each anchor other pages link to


@dataclass(frozen=True)
class Entry:
    """One page of the PDF, in reading order."""

    page: str  # book/<page>.html
    title: str
    part: str  # the toc's caption ('' for the home page)


@dataclass
class PdfReport:
    path: Path
    pages: int
    size: int  # bytes
    seconds: float

    def summary(self) -> str:
        return f"PDF written: {self.path} ({self.pages} pages, {self.size / 1e6:.1f} MB, {self.seconds:.0f} s)"


def page_title(site: Path, page: str) -> str:
    """A built page's title, as its first heading reads."""
    text = (site / BOOK_DIR / f"{page}.html").read_text(encoding="utf-8")
    found = re.search(r"<h1[^>]*>(.*?)</h1>", text, flags=re.DOTALL)
    if not found:
        raise BuildError(f"{BOOK_DIR}/{page}.html has no title (h1)")
    heading = re.sub(r'<a class="headerlink".*?</a>', "", found.group(1), flags=re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>", "", heading)).strip()


def reading_order(site: Path, grid: Grid | None = None) -> list[Entry]:
    """The site's pages in the order of its table of contents (the grid), each with its title and part."""
    grid = grid or load_grid()
    listed = [(grid.root_page, "")] + [(e.page if isinstance(e, Run) else e, tr(part.caption)) for part in grid.parts for e in part.entries]
    missing = [page for page, _ in listed if not (site / BOOK_DIR / f"{page}.html").is_file()]
    if missing:
        raise BuildError(f"the site at {site} has no page {', '.join(missing)}: build it first (python -m tradetalks build)")
    return [Entry(page, page_title(site, page), part) for page, part in listed]


def site_as_of(site: Path) -> str:
    """The newest dated source behind the site's tables (as the site's footer says)."""
    base = site / "data"
    tables = [data.table_schema(name, base)["path"] for name in data.table_names(base)]
    return catalog.as_of_for_files(tables, base) or ""


def _document(body: str, css: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="{i18n.current()}"><head><meta charset="utf-8">'
        f"<style>body {{ font-family: {FONT}; color: #111; margin: 0; }} {css}</style></head><body>{body}</body></html>"
    )


def title_page_html(site: Path) -> str:
    """The title page: the site's title, what it is, the data's date, licence and address."""
    import yaml

    cff = yaml.safe_load((project.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    as_of = site_as_of(site)
    address = project.site_url() or tr("the site's pages, book/*.html in this PDF's order")
    shown = as_of if i18n.current() == "en" else text.reader_date(as_of)
    dated = tr("Data as of {as_of} (the newest dated source behind the site).").format(as_of=shown)
    licence = tr("{licence}.").format(licence=tr(project.licence()))
    printed = tr("Printed from the site ({address}); every chart’s data, sources and interactive version are on its page there.")
    lines = [
        f"<h1>{html.escape(tr(project.SITE_TITLE))}</h1>",
        f'<p class="abstract">{html.escape(tr(cff.get("abstract", "")))}</p>',
        f'<p class="meta">{html.escape(project.AUTHORS)}</p>',
        f'<p class="meta">{html.escape(dated)}</p>' if as_of else "",
        f'<p class="meta">{html.escape(licence)}</p>',
        f'<p class="meta">{html.escape(printed.format(address=address))}</p>',
    ]
    css = (
        "body { padding-top: 70mm; } h1 { font-size: 30pt; line-height: 1.15; margin: 0 0 12mm; }"
        " .abstract { font-size: 13pt; line-height: 1.45; max-width: 150mm; } .meta { font-size: 10pt; color: #333; margin: 3mm 0; }"
    )
    return _document("".join(lines), css)


def contents_html(entries: list[Entry], starts: dict[str, int]) -> str:
    """The contents page: parts and their pages, each with the number of its first page."""
    rows, part = [], None
    for entry in entries:
        if entry.part and entry.part != part:
            rows.append(f'<li class="part">{html.escape(entry.part)}</li>')
        part = entry.part
        rows.append(
            f'<li class="page"><span class="title">{html.escape(entry.title)}</span><span class="dots"></span>'
            f'<span class="number">{starts.get(entry.page, 0)}</span></li>'
        )
    css = (
        "h1 { font-size: 22pt; margin: 0 0 8mm; } ul { list-style: none; padding: 0; margin: 0; font-size: 11pt; }"
        " li.part { font-weight: 700; margin: 6mm 0 2mm; font-size: 10pt; text-transform: uppercase; letter-spacing: 0.04em; }"
        " li.page { display: flex; align-items: baseline; margin: 1.6mm 0; } .dots { flex: 1; border-bottom: 1px dotted #999; margin: 0 2mm; }"
    )
    heading = html.escape(tr("Contents"))
    return _document(f"<h1>{heading}</h1><ul>{''.join(rows)}</ul>", css)


def footer_overlay_html(labels: list[str]) -> str:
    """One blank page per page of the PDF, each with its running footer (the page's title and number)."""
    pages = "".join(
        f'<div class="sheet"><div class="footer"><span>{html.escape(label)}</span><span>{number}</span></div></div>'
        if label
        else '<div class="sheet"></div>'
        for number, label in enumerate(labels, start=1)
    )
    css = (
        f".sheet {{ position: relative; height: {PAPER_HEIGHT_MM - 1}mm; break-after: page; overflow: hidden; }}"
        f" .footer {{ position: absolute; left: {MARGIN_MM['left']}mm; right: {MARGIN_MM['right']}mm; bottom: 7mm;"
        " display: flex; justify-content: space-between; font-size: 8pt; color: #555; }"
    )
    return _document(pages, css)


def _linked_fragments(site: Path, pages: list[str]) -> dict[str, set[str]]:
    """For each page, the #anchors on it that other pages link to (they become destinations in the PDF)."""
    wanted: dict[str, set[str]] = {page: set() for page in pages}
    for page in pages:
        text = (site / BOOK_DIR / f"{page}.html").read_text(encoding="utf-8")
        for target, fragment in re.findall(r'href="([\w-]+)\.html#([^"]+)"', text):
            if target in wanted and target != page:
                wanted[target].add(html.unescape(fragment))
    return wanted


# Before printing: an invisible link to each anchor other pages link to, so Chromium keeps it as a destination.
KEEP_ANCHORS = """(fragments) => {
  const box = document.createElement('div');
  box.style.cssText = 'position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden';
  for (const fragment of fragments) {
    if (!document.getElementById(fragment)) { continue; }
    const link = document.createElement('a');
    link.href = '#' + encodeURIComponent(fragment);
    link.textContent = '.';
    link.style.cssText = 'display:block;width:1px;height:1px;font-size:1px;line-height:1px';
    box.appendChild(link);
  }
  document.body.appendChild(box);
}"""


@contextmanager
def _chromium() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    try:
        executable = browsers.find_chromium()
    except browsers.BrowserNotFound as missing:
        raise BuildError(str(missing)) from None
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=list(browsers.LAUNCH_ARGS))
        try:
            yield launched
        finally:
            launched.close()


def _pdf_options(margins: bool = True) -> dict:
    sides = MARGIN_MM if margins else dict.fromkeys(MARGIN_MM, 0)
    return {"format": PAPER, "print_background": True, "margin": {side: f"{mm}mm" for side, mm in sides.items()}}


def _print_pages(browser: Browser, site: Path, entries: list[Entry]) -> dict[str, bytes]:
    """Each page of the site printed with its print stylesheet, every chart drawn first."""
    wanted = _linked_fragments(site, [entry.page for entry in entries])
    left: list[str] = []
    page = browser.new_page(viewport={"width": COLUMN_WIDTH_PX, "height": 1000})

    def route(request_route: Route) -> None:
        url = request_route.request.url
        if url.startswith(("file:", "data:", "blob:", "about:")):
            request_route.continue_()
        else:
            left.append(url)
            request_route.abort()

    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.route("**/*", route)
    page.emulate_media(media="print")  # the charts measure the printed column as they draw
    printed = {}
    for entry in entries:
        page.goto((site / BOOK_DIR / f"{entry.page}.html").resolve().as_uri(), wait_until="load")
        page.wait_for_function(CHARTS_DRAWN)
        page.evaluate(KEEP_ANCHORS, sorted(wanted[entry.page]))
        printed[entry.page] = page.pdf(**_pdf_options())
    page.close()
    if left:
        raise BuildError(f"printing the site asked the network for {', '.join(sorted(set(left))[:5])}: the site must work offline")
    return printed


def _print_html(browser: Browser, document: str, margins: bool = True) -> bytes:
    page = browser.new_page()
    page.set_default_timeout(PAGE_TIMEOUT_MS)
    page.set_content(document, wait_until="load")
    printed = page.pdf(**_pdf_options(margins))
    page.close()
    return printed


def _page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _sections(site: Path, page: str) -> list[tuple[str, str]]:
    """The page's sections (id, title) under its title, in order: the outline's third level."""
    text = (site / BOOK_DIR / f"{page}.html").read_text(encoding="utf-8")
    article = text[text.find('<article class="bd-article"') :]
    found = re.findall(r'<section id="([^"]+)">\s*(?:<span id="[^"]*"></span>)*<h2>(.*?)<a class="headerlink"', article, flags=re.DOTALL)
    return [(anchor, html.unescape(re.sub(r"<[^>]+>", "", title)).strip()) for anchor, title in found]


def _destination(reader: PdfReader, name: str) -> tuple[int, float | None] | None:
    """Page (in ``reader``) and height of a named destination, if the page printed one."""
    found = reader.named_destinations.get(name) or reader.named_destinations.get("/" + name)
    if found is None:
        return None
    return reader.get_destination_page_number(found), found.top


def assemble(
    site: Path, entries: list[Entry], printed: dict[str, bytes], title_pdf: bytes, contents_pdf: bytes, overlay_pdf: bytes
) -> bytes:
    """One PDF: title page, contents, every page; numbered, with an outline, and links between pages made internal."""
    writer = PdfWriter()
    readers = {entry.page: PdfReader(io.BytesIO(printed[entry.page])) for entry in entries}
    first: dict[str, int] = {}
    for document in (title_pdf, contents_pdf):
        for sheet in PdfReader(io.BytesIO(document)).pages:
            writer.add_page(sheet)
    for entry in entries:
        first[entry.page] = len(writer.pages)
        for sheet in readers[entry.page].pages:
            writer.add_page(sheet)
    overlay = PdfReader(io.BytesIO(overlay_pdf))
    for index, sheet in enumerate(writer.pages):
        sheet.merge_page(overlay.pages[index])
        sheet.compress_content_streams()  # merging leaves the page's drawing uncompressed: more than twice the size

    def explicit(page_index: int, top: float | None) -> ArrayObject:
        return ArrayObject(
            [
                writer.pages[page_index].indirect_reference,
                NameObject("/XYZ"),
                NullObject(),
                FloatObject(top) if top is not None else NullObject(),
                NullObject(),
            ]
        )

    def target(page: str, fragment: str) -> ArrayObject | None:
        if page not in readers:
            return None
        found = _destination(readers[page], fragment) if fragment else None
        return explicit(first[page] + found[0], found[1]) if found else explicit(first[page], None)

    # links: within a page and between pages of the site become links inside the PDF; others (a page not in
    # the PDF, a file) are dropped; the invisible anchor-keeping links go
    book = (site / BOOK_DIR).resolve().as_uri() + "/"
    for entry in entries:
        for index in range(first[entry.page], first[entry.page] + len(readers[entry.page].pages)):
            sheet = writer.pages[index]
            kept = ArrayObject()
            for reference in sheet.get("/Annots", []) or []:
                annotation = reference.get_object()
                if annotation.get("/Subtype") != "/Link":
                    kept.append(reference)
                    continue
                left, bottom, right, top = (float(value) for value in annotation["/Rect"])
                if right - left <= TINY and top - bottom <= TINY:
                    continue
                action = annotation.get("/A")
                destination = None
                if "/Dest" in annotation:
                    destination = target(entry.page, str(annotation["/Dest"]).lstrip("/"))
                elif action is not None and action.get("/S") == "/URI":
                    uri = str(action["/URI"])
                    if not uri.startswith("file:"):
                        kept.append(reference)  # a link off the site: kept as it is
                        continue
                    if uri.startswith(book):
                        path, _, fragment = uri[len(book) :].partition("#")
                        destination = target(path.removesuffix(".html"), urllib.parse.unquote(fragment))
                if destination is None:
                    continue
                annotation.pop("/A", None)
                annotation[NameObject("/Dest")] = destination
                kept.append(reference)
            if kept:
                sheet[NameObject("/Annots")] = kept
            elif "/Annots" in sheet:
                del sheet["/Annots"]

    # the outline: parts, their pages, each page's sections
    parent, part = None, None
    for entry in entries:
        if entry.part and entry.part != part:
            parent = writer.add_outline_item(title=entry.part, page_number=first[entry.page])
        elif not entry.part:
            parent = None
        part = entry.part
        chapter = writer.add_outline_item(title=entry.title, page_number=first[entry.page], parent=parent, is_open=False)
        for anchor, title in _sections(site, entry.page):
            found = _destination(readers[entry.page], anchor)
            if found:
                writer.add_outline_item(title=title, page_number=first[entry.page] + found[0], parent=chapter)
    writer.page_mode = "/UseOutlines"
    # no creation date (pypdf writes none, nor a random file id): the same site gives the same bytes
    writer.add_metadata({"/Title": tr(project.SITE_TITLE), "/Author": project.AUTHORS, "/Subject": _subject(site)})
    writer.compress_identical_objects()  # the fonts and images every page printed repeat
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _subject(site: Path) -> str:
    as_of = site_as_of(site)
    if as_of:
        shown = as_of if i18n.current() == "en" else text.reader_date(as_of)
        return tr("{site}, printed from the site; data as of {as_of}").format(site=tr(project.SITE_TITLE), as_of=shown)
    return tr("{site}, printed from the site").format(site=tr(project.SITE_TITLE))


def build_pdf(site: str | Path | None = None, out: str | Path | None = None, lang: str = "en") -> PdfReport:
    """Print the built site (default ``_build/html``) into one PDF (default ``_build/pdf/us-japan-auto-trade.pdf``); a
    translated edition (``lang``) from ``<site>/<lang>/`` into ``us-japan-auto-trade-<lang>.pdf``, in its language."""
    site = Path(site or project.ROOT / "_build" / "html")
    if lang != "en":
        site = site / lang
        out = out or DEFAULT_OUT.with_name(f"{DEFAULT_OUT.stem}-{lang}.pdf")
    with i18n.language(lang):
        return _build_pdf(site, out)


def _build_pdf(site: Path, out: str | Path | None) -> PdfReport:
    started = time.monotonic()
    site = site.resolve()
    out = Path(out or DEFAULT_OUT).resolve()
    if not (site / "index.html").is_file():
        raise BuildError(f"no built site at {site}: run `python -m tradetalks build` (make book) first")
    entries = reading_order(site)
    with _chromium() as browser:
        printed = _print_pages(browser, site, entries)
        title_pdf = _print_html(browser, title_page_html(site))
        front = _page_count(title_pdf)
        counts = {entry.page: _page_count(printed[entry.page]) for entry in entries}
        contents_pages = 1
        while True:  # the contents' own length moves every number after it: print until it holds still
            starts, number = {}, front + contents_pages + 1
            for entry in entries:
                starts[entry.page] = number
                number += counts[entry.page]
            contents_pdf = _print_html(browser, contents_html(entries, starts))
            if _page_count(contents_pdf) == contents_pages:
                break
            contents_pages = _page_count(contents_pdf)
        labels = [""] * front + [tr("Contents")] * contents_pages
        for entry in entries:
            labels += [f"{tr(project.SITE_TITLE)} · {entry.title}"] * counts[entry.page]
        overlay_pdf = _print_html(browser, footer_overlay_html(labels), margins=False)
    if _page_count(overlay_pdf) != len(labels):
        raise BuildError(f"the page-number overlay has {_page_count(overlay_pdf)} pages for {len(labels)} pages")
    document = assemble(site, entries, printed, title_pdf, contents_pdf, overlay_pdf)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.partial")
    partial.write_bytes(document)
    partial.replace(out)
    return PdfReport(out, len(labels), len(document), time.monotonic() - started)
