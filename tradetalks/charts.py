"""One house style for every chart, and an offline, deterministic way to show it.

``publish`` wraps an Altair chart in a figure that carries everything a reader
needs to trust it: the interactive chart (drawn by the vendored vega bundle), a
static SVG fallback, a text alternative, a source line with as-of date, a CSV
download of exactly the data drawn, links to the chart's own files (SVG, PNG and a
zip with data and citation, written by the build: ``tradetalks.exports``) and its
permanent link, and the data as a table.

Every word this module writes for a reader comes through ``tr`` (``tradetalks.i18n``): in the Japanese edition the
source line, the table's labels and the download links are Japanese, the numbers and dates of a chart are drawn in
Japanese style (``vega_locale``), and the punctuation between the words is the language's (``punctuation``).
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import urllib.parse
from collections.abc import Iterable, Sequence

import altair as alt
import pandas as pd
import vl_convert

from tradetalks import chartlint, columns, data, i18n, style, text
from tradetalks.i18n import N_, tr

# Okabe-Ito, in the order Vega gives a chart's categories when its code names no roles.
PALETTE = [style.BLUE, style.ORANGE, style.GREEN, style.VERMILION, style.PURPLE, style.SKY, style.YELLOW, style.BLACK]
CHART_WIDTH, CHART_HEIGHT, FONT = style.CHART_WIDTH, style.CHART_HEIGHT, style.FONT
MAX_PRODUCERS_IN_LINE = 3
MAX_COPIES_IN_LINE = 2  # copies named after a producer in the line; the folded list names them all
BUNDLE_FILE = "vega-bundle.js"


@alt.theme.register("tradetalks", enable=True)
def house_theme() -> alt.theme.ThemeConfig:
    """Light card (readable on the site's light and dark pages), colour-blind-safe palette; the font of the current
    language (``style.font``: a chart made for the Japanese edition is drawn in a Japanese font)."""
    text, sizes = style.colour("text"), style.TYPE_SIZES
    return {
        "config": {
            "background": style.colour("card"),
            "padding": 8,
            "font": style.font(),
            "view": {"continuousWidth": CHART_WIDTH, "continuousHeight": CHART_HEIGHT, "stroke": None},
            "range": {"category": PALETTE},
            "axis": {
                "labelColor": text,
                "titleColor": text,
                "gridColor": style.colour("gridline"),
                "labelFontSize": sizes["axis"],
                "titleFontSize": sizes["axis"],
            },
            "legend": {
                "labelColor": text,
                "titleColor": text,
                "labelFontSize": sizes["legend"],
                "titleFontSize": sizes["legend"],
                "orient": "bottom",
            },
            "title": {"color": style.colour("title"), "fontSize": sizes["title"], "anchor": "start"},
            "line": {"strokeWidth": 2.5},
        }
    }


# The marks between a line's words, by language: the house style in English; full-width marks and no spaces in Japanese.
PUNCTUATION = {
    "en": {"gap": " ", "colon": ":", "list": "; ", "comma": ", ", "stop": ".", "open": " (", "close": ")"},
    "ja": {"gap": "", "colon": "：", "list": "、", "comma": "、", "stop": "。", "open": "（", "close": "）"},
}
# The locale Vega writes a translated edition's numbers and dates in (vl-convert's d3 locales: 1,234.5円, 3月).
VEGA_LOCALES = {"ja": "ja-JP"}


def punctuation(mark: str) -> str:
    """A mark as the current language writes it: ``gap`` between sentences (' ' or ''), ``colon``, ``list`` (between
    names that may hold commas), ``comma``, ``stop``, and the brackets ``open``/``close`` around an aside."""
    return PUNCTUATION.get(i18n.current(), PUNCTUATION[i18n.SOURCE_LANGUAGE])[mark]


def vega_locale() -> dict:
    """vl-convert's locale arguments for the current language (none in English: Vega's own, en-US)."""
    locale = VEGA_LOCALES.get(i18n.current())
    return {"format_locale": locale, "time_format_locale": locale} if locale else {}


def embed_options() -> str:
    """vega-embed's options as a script writes them: in a translated edition, the number and time format locales
    themselves (objects, inlined: the page fetches nothing)."""
    locale = VEGA_LOCALES.get(i18n.current())
    if not locale:
        return '{actions:false,renderer:"svg"}'
    formats = _stable_json(vl_convert.get_format_locale(locale))
    times = _stable_json(vl_convert.get_time_format_locale(locale))
    return f'{{actions:false,renderer:"svg",formatLocale:{_script_safe(formats)},timeFormatLocale:{_script_safe(times)}}}'


def date_words(value: str) -> str:
    """A data date as a source line says it: as stored in English (2025-12-12), in words in Japanese (2025年12月12日)."""
    if i18n.current() != "ja" or not value:
        return value
    return f"{value}年" if re.fullmatch(r"\d{4}", value) else str(text.reader_date(value))


def _stable_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def _script_safe(text: str) -> str:
    """JSON that cannot close the <script> element it sits in."""
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def chart_id(spec: dict) -> str:
    """A deterministic element id: the same chart always gets the same id."""
    return "tt-" + hashlib.sha256(_stable_json(spec).encode()).hexdigest()[:12]


def static_svg(spec: dict) -> str:
    """The chart as one line of SVG, for readers without JavaScript and for print."""
    svg = vl_convert.vegalite_to_svg(spec, **vega_locale())
    # a tenth of a pixel is plenty for a fallback image: coordinates are rounded inside the tags only, so a figure the
    # chart writes as text ("¥1.45 trillion") keeps every digit
    svg = SVG_TAG.sub(lambda tag: LONG_DECIMAL.sub(r"\1", tag.group(0)), svg)
    return re.sub(r"\s*\n\s*", " ", svg).strip()


SVG_TAG = re.compile(r"<[^>]+>")
LONG_DECIMAL = re.compile(r"(\d\.\d)\d+")


def embed_html(spec: dict, fallback: dict | None = None) -> str:
    """HTML that draws ``spec`` with the site's vendored vega bundle, showing the SVG of ``fallback``
    (default: ``spec``; a chart fitted to its container has no width of its own to draw) until then."""
    element = chart_id(spec)
    return (
        f'<div class="tt-chart-view" id="{element}">{static_svg(fallback or spec)}</div>'
        f'<script type="application/json" id="{element}-spec">{_script_safe(_stable_json(spec))}</script>'
        "<script>(function(){"
        f'var id="{element}";'
        "function draw(){if(!window.vegaEmbed){return;}"
        'var spec=JSON.parse(document.getElementById(id+"-spec").textContent);'
        f'window.vegaEmbed("#"+id,spec,{embed_options()}).then(function(r){{'
        # a calculator around the chart drives its view: hand the view over, now or later
        "window.ttViews=window.ttViews||{};window.ttViews[id]=r.view;"
        'document.getElementById(id).dispatchEvent(new CustomEvent("tt-view",{bubbles:true,detail:r.view}));'
        "}).catch(function(e){console.error(e);});}"
        'if(document.readyState==="loading"){document.addEventListener("DOMContentLoaded",draw);}else{draw();}'
        "})();</script>"
    )


def _render_spec(spec: dict, **_: object) -> dict:
    return {"text/html": embed_html(spec), "text/plain": "<chart>"}


alt.renderers.register("tradetalks", _render_spec)
alt.renderers.enable("tradetalks")


def as_of(sources: pd.DataFrame) -> str:
    """The newest dated ``as_of`` among the sources (YYYY, YYYY-MM or YYYY-MM-DD), or ''."""
    return data.newest_as_of(sources.get("as_of", pd.Series(dtype=str)))


REFERENCES_PAGE = "references.html"  # the site's bibliography, beside every chapter page


def reference_anchor(source_key: str) -> str:
    """The id of a source's entry on the references page (sphinxcontrib-bibtex, ``bibtex_cite_id``)."""
    from docutils.nodes import make_id

    return make_id(f"source-{source_key}")


REPOSITORY = re.compile(r"GitHub: ([\w.-]+/[\w.-]+)")


def named_html(text: str) -> str:
    """A name escaped for HTML, a repository's path in it ('GitHub: owner/some_repo') set as code: it is a path."""
    return REPOSITORY.sub(r"GitHub: <code>\1</code>", html.escape(text))


def _cite(row: pd.Series, text: str, *, with_title: bool = True) -> str:
    """``text`` linked to the source's entry on the references page (plain text if the row has no key)."""
    if "source_key" not in row or pd.isna(row.get("source_key")):
        return named_html(text)
    title = f' title="{html.escape(str(row["title"]))}"' if with_title and pd.notna(row.get("title")) else ""
    return f'<a class="tt-cite" href="{REFERENCES_PAGE}#{reference_anchor(str(row["source_key"]))}"{title}>{named_html(text)}</a>'


def _text(row: pd.Series, column: str) -> str:
    value = row.get(column)
    return str(value).strip() if value is not None and pd.notna(value) else ""


def producers_cited(sources: pd.DataFrame) -> list[dict]:
    """The producers behind a set of source rows, best tier first (then in the order first cited).

    Each entry: ``producer``, its best ``tier``, ``own`` (rows read on the producer's own page) and
    ``copies`` (rows read on a copy: a repository, mirror, aggregator or an article relaying it),
    the copies best tier first.
    """
    groups: dict[str, dict] = {}
    for _, row in sources.iterrows():
        producer = _text(row, "producer") or _text(row, "publisher")
        tier = _text(row, "tier") or data.TIERS[-1]
        group = groups.setdefault(producer, {"producer": producer, "tier": tier, "own": [], "copies": []})
        group["copies" if _text(row, "retrieved_via") else "own"].append(row)
        if data.tier_rank(tier) < data.tier_rank(group["tier"]):
            group["tier"] = tier
    for group in groups.values():
        group["copies"].sort(key=lambda row: data.tier_rank(_text(row, "tier")))
    # within a tier, a named producer read through a copy (a mirror of Census data, say) comes before a
    # page that is only its own source (a blog); otherwise the order first cited (the sort is stable)
    return sorted(groups.values(), key=lambda group: (data.tier_rank(group["tier"]), 0 if group["copies"] and not group["own"] else 1))


def best_producer(rows: pd.DataFrame, data_dir: object = None) -> str:
    """Who produced the figures of ``rows``, named as a source line names them first: the best-tier producer among
    their sources and the originals those relay."""
    return str(producers_cited(data.sources_cited(rows, data_dir=data_dir, original=True))[0]["producer"])


def _copies(group: dict) -> list[tuple[str, pd.Series]]:
    """The distinct copies a producer's figures were read on, best tier first; none if its own page was read."""
    return [] if group["own"] else list({_text(row, "retrieved_via"): row for row in group["copies"]}.items())


def _producer_item(group: dict, *, with_title: bool = True, copies_shown: int | None = MAX_COPIES_IN_LINE) -> str:
    """'U.S. Census Bureau (retrieved via GitHub: a/b and 2 other copies)', each part linked to its entry."""
    anchor_row = (group["own"] or group["copies"])[0]
    item = _cite(anchor_row, i18n.name(group["producer"]), with_title=with_title)
    copies = _copies(group)
    if copies:
        named = copies[:copies_shown]
        via = punctuation("list").join(_cite(row, i18n.name(name), with_title=with_title) for name, row in named)
        others = len(copies) - len(named)
        if others:
            via = (tr("{copies} and {n} other copy") if others == 1 else tr("{copies} and {n} other copies")).format(copies=via, n=others)
        item += punctuation("gap") + tr("(retrieved via {copies})").format(copies=via)
    return item


def _producers_named(sources: pd.DataFrame | None) -> tuple[str, str, str]:
    """The source line's label ('Source' or 'Sources'), its producers (HTML, linked; at most
    ``MAX_PRODUCERS_IN_LINE`` but every official one) and the folded list of every source (HTML, or '')."""
    if sources is None:
        sources = pd.DataFrame(columns=["publisher", "title", "url", "as_of"])
    groups = producers_cited(sources)
    shown_groups = [g for i, g in enumerate(groups) if i < MAX_PRODUCERS_IN_LINE or g["tier"] == data.TIERS[0]]
    between = punctuation("list")
    shown = between.join(_producer_item(group) for group in shown_groups) or tr("generated from this project's own files")
    more = ""
    if len(shown_groups) < len(groups):
        shown = tr("{producers} and {n} more").format(producers=shown, n=len(groups) - len(shown_groups))
    if len(shown_groups) < len(groups) or any(len(_copies(group)) > MAX_COPIES_IN_LINE for group in shown_groups):
        every = between.join(_producer_item(group, with_title=False, copies_shown=None) for group in groups)
        summary = html.escape(tr("Every source and copy read"))
        more = f'<details class="tt-more-sources"><summary>{summary}</summary><p>{every}</p></details>'
    secondary_only = ""
    if groups and all(group["tier"] == data.TIERS[-1] for group in groups):
        note = tr("Secondary sources only: no official, industry or news page for these figures is in the data.")
        secondary_only = f'{punctuation("gap")}<em class="tt-secondary-only">{html.escape(note)}</em>'
    label = tr("Sources") if len(groups) > 1 else tr("Source")
    return label, f"{shown}{punctuation('stop')}{secondary_only}", more


def source_text(sources: pd.DataFrame | None) -> str:
    """The producers of the source line as plain text ('Sources: A (retrieved via B); C and 2 more.'), for a
    chart's image and its README, where there is no link to follow and nothing folds."""
    label, shown, _ = _producers_named(sources)
    return f"{label}{punctuation('colon')}{punctuation('gap')}" + html.unescape(re.sub(r"<[^>]+>", "", shown))


def source_line(sources: pd.DataFrame | None, *, table_names: Iterable[str], csv_name: str, csv_text: str) -> str:
    """'Sources: producers, best first; data as of …; download' — the line under every chart and table.

    At most ``MAX_PRODUCERS_IN_LINE`` producers are named, the rest folded, except that an official
    producer is never folded. A figure resting only on secondary sources says so.
    """
    label, shown, more = _producers_named(sources)
    newest = as_of(sources) if sources is not None else ""
    gap = punctuation("gap")
    dated = gap + html.escape(tr("Data as of {date}.").format(date=date_words(newest))) if newest else ""
    tables = punctuation("comma").join(f"<code>{html.escape(name)}</code>" for name in table_names)
    from_tables = tr("From: {tables}.").format(tables=tables) + gap if tables else ""
    # percent-encode only what a URL or an HTML attribute cannot hold; plain text stays readable and small
    href = "data:text/csv;charset=utf-8," + urllib.parse.quote(csv_text, safe=" ,;:/()-._'!*=+$@?")
    download = html.escape(tr("Download the data (CSV)"))
    return (
        f'<p class="tt-source"><strong>{html.escape(label)}{punctuation("colon")}</strong>{gap}{shown}{dated}{gap}'
        f"{from_tables}"
        f'<a class="tt-download" download="{html.escape(csv_name)}.csv" href="{href}">{download}</a></p>{more}'
    )


def _scrollable(table_html: str, label: str) -> str:
    """A wide table in a region keyboard users can scroll (focusable, labelled)."""
    return f'<div class="tt-table-scroll" tabindex="0" role="region" aria-label="{html.escape(label)}">{table_html}</div>'


class Figure:
    """A published chart: renders as self-contained HTML in notebooks and on the site."""

    def __init__(self, body: str, title: str):
        self.body = body
        self.title = title
        self.plain = tr("Chart: {title}").format(title=title)  # in the language it was published in

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict:
        return {"text/html": self.body, "text/plain": self.plain}

    def __repr__(self) -> str:
        return self.plain


MISSING = "—"  # what a reader sees in a cell the data leave empty (the CSV download keeps it empty)


def missing_note() -> str:
    """The note under a table with an empty cell: what the dash means."""
    note = tr("{dash} not in the data (not reported, or not applicable).").format(dash=MISSING)
    return f'<p class="tt-table-note">{html.escape(note)}</p>'


# A longer text (a note, a claim's wording) folds behind its first words, so no row runs a screen tall;
# the whole text is one click away, and in the CSV.
LONG_CELL_CHARS, FOLDED_CELL_CHARS = 90, 60


def _cell_html(value: object) -> str:
    """One cell as HTML: text escaped; a long text folded into a disclosure that opens on its first words."""
    shown = str(value)
    if len(shown) <= LONG_CELL_CHARS:
        return named_html(shown)
    first_words = shown[:FOLDED_CELL_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:")
    return f'<details class="tt-cell"><summary>{html.escape(first_words)} …</summary>{named_html(shown)}</details>'


def reader_table_html(frame: pd.DataFrame, caption: str, tables: tuple[str, ...] = (), data_dir: str | None = None) -> str:
    """A frame as the scrollable HTML table readers see: headers in words, numbers to their field's
    decimals (``tradetalks.columns``), text escaped and long text folded, an empty cell shown as a dash with
    a note under the table, never as a placeholder token such as <NA>, nan or None."""
    shown = columns.for_readers(frame, tables, data_dir or data.data_dir_of(frame))
    empty = shown.isna()
    cells = shown.astype(object).where(~empty, MISSING).map(_cell_html)
    cells.columns = [html.escape(str(name)) for name in cells.columns]
    table_html = cells.to_html(index=False, escape=False, border=0, classes="tt-data-table")
    return _scrollable(table_html, caption) + (missing_note() if empty.to_numpy().any() else "")


def provenance(drawn: pd.DataFrame, evidence: Sequence[pd.DataFrame | pd.Series] | None) -> tuple[pd.DataFrame | None, tuple[str, ...]]:
    """The sources and table names behind a chart or table, read from the frames themselves.

    ``evidence`` are the frames (or single rows) the figure rests on (default: the frame drawn). Each
    names its sources in ``source_key``, then the original publishers it relays in
    ``original_source_key`` (a figure read on a copy still names who first published it); the tags
    ``data.load_table`` and ``data.derived_from`` set name the tables and the data folder. An empty
    ``evidence`` marks a table about the site itself.
    """
    frames = [row.to_frame().T if isinstance(row, pd.Series) else row for row in ([drawn] if evidence is None else evidence)]
    if not frames:
        return None, ()
    names = data.tables_of(*frames)
    keys = [
        key
        for frame in frames
        for column in data.SOURCE_KEY_COLUMNS
        if column in frame.columns
        for cell in frame[column].dropna()
        for key in data.split_source_keys(cell)
    ]
    if not names and not keys:
        raise ValueError("the frames carry neither a source_key column nor the tables they came from (see data.derived_from)")
    return (data.sources_for(keys, data.data_dir_of(*frames)) if keys else None), names


_folder_of = data.data_dir_of  # under another name: ``publish`` has a parameter called ``data``


def _tooltip_fields(spec: object) -> list[dict]:
    """Every field a spec's tooltips show (in single, layered and concatenated views)."""
    found: list[dict] = []
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "tooltip" and isinstance(value, dict | list):
                found += [item for item in (value if isinstance(value, list) else [value]) if isinstance(item, dict) and "field" in item]
            else:
                found += _tooltip_fields(value)
    elif isinstance(spec, list):
        for item in spec:
            found += _tooltip_fields(item)
    return found


def readable_tooltips(spec: dict, tables: tuple[str, ...], data_dir: str | None) -> dict:
    """Tooltips in words and to the data's precision: a field shown without a title gets its column's title,
    a number without a format its column's decimals (``tradetalks.columns``); a raw name with neither stops
    the chart. The spec is changed in place."""
    for item in _tooltip_fields(spec):
        column = columns.column_for(item["field"], tables, data_dir)
        if column is None:
            if "title" not in item and columns.is_identifier(item["field"]):
                raise columns.ColumnTitleError(f"tooltip field {item['field']}: give it a title in the chart or the page's columns.py")
            continue
        item.setdefault("title", column.title)
        if item.get("type") == "quantitative" and isinstance(column.decimals, int) and "format" not in item:
            item["format"] = f",.{column.decimals}f" if not columns.YEAR_LIKE.search(item["field"]) else "d"
    return spec


def drawn_alone(spec: dict) -> dict:
    """A spec of ``responsive`` drawn with no page around it (an image file): no container to fit, so the
    house width (``CHART_WIDTH``, the plot's width; a chart's own width, if it set one, ``responsive`` dropped)."""
    if spec.get("width") != "container":
        return spec
    return {**{key: value for key, value in spec.items() if key != "autosize"}, "width": CHART_WIDTH}


def responsive(spec: dict) -> dict:
    """A single or layered chart takes the width of the page's column (``width: container``): on a phone
    it is drawn narrower, not scaled down, so its text keeps its size. Concatenated and faceted charts
    keep their widths (Vega-Lite cannot fit them to a container) and scroll inside their box."""
    if any(key in spec for key in ("hconcat", "vconcat", "concat", "facet", "repeat")):
        return spec
    return {**spec, "width": "container", "autosize": {"type": "fit-x", "contains": "padding"}}


def publish(
    chart: alt.TopLevelMixin,
    *,
    data: pd.DataFrame,
    name: str,
    title: str,
    subtitle: str,
    description: str,
    evidence: Sequence[pd.DataFrame | pd.Series] | None = None,
) -> Figure:
    """Wrap ``chart`` with its takeaway title, subtitle, description, source line, CSV download and data table.

    ``title`` states the finding (computed from the data), ``subtitle`` the measure, unit, place and
    period, ``description`` the finding in one sentence (the caption and the accessible description).
    ``data`` is what the chart draws (offered as CSV and as a table), ``name`` a file-safe id, one per
    page: it names the chart's files and its anchor (``#chart-<name>``). The source line comes from the frames (``evidence``, by default ``data``): see
    ``provenance``. ``chartlint.check`` stops a chart that breaks a house rule.
    """
    sources, tables = provenance(data, evidence)
    folder = _folder_of(data, *(evidence or []))
    spec = readable_tooltips(chart.properties(description=description).to_dict(), tables, folder)
    chartlint.check(
        name,
        title=title,
        subtitle=subtitle,
        description=description,
        sourced=sources is not None and not sources.empty,
        dated=sources is not None and bool(as_of(sources)),
        spec=spec,
    )
    if not DOWNLOAD_NAME.fullmatch(name):
        raise ValueError(f"chart name {name!r}: use lower-case letters, digits, '_' and '-' (it names the chart's files)")
    csv_text = data.to_csv(index=False, lineterminator="\n")
    element = chart_id(spec)
    table = reader_table_html(data, tr("{title} (data)").format(title=title), tables, folder)
    show_table = html.escape(tr("Show the data as a table"))
    # what the build needs to draw the chart's downloads (tradetalks.exports): small, read from the figure
    about = {"download": name, "tables": " ".join(tables), "source": source_text(sources), "as-of": as_of(sources)}
    attributes = "".join(f' data-{key}="{html.escape(value)}"' for key, value in about.items())
    body = (
        f'<figure class="tt-chart" id="{chart_anchor(name)}"{attributes} aria-labelledby="{element}-title" aria-describedby="{element}-description">'
        f'<p class="tt-chart-title" id="{element}-title">{html.escape(title)}</p>'
        f'<p class="tt-chart-subtitle">{html.escape(subtitle)}</p>'
        f"{embed_html(responsive(spec), fallback=spec)}"
        f'<figcaption><span class="tt-description" id="{element}-description">{html.escape(description)}</span>'
        f"{source_line(sources, table_names=tables, csv_name=name, csv_text=csv_text)}{download_links(name)}</figcaption>"
        f'<details class="tt-table"><summary>{show_table}</summary>{table}</details>'
        "</figure>"
    )
    return Figure(body, title)


DOWNLOAD_NAME = re.compile(r"[a-z0-9_-]+")
DOWNLOADS_HREF = "../downloads/"  # the site's downloads folder, from a page in book/; the build makes it per page
DOWNLOADS = (("svg", N_("Chart (SVG)")), ("png", N_("Chart (PNG)")), ("zip", N_("Data, description and citation (zip)")))


def chart_anchor(name: str) -> str:
    """The id of a published chart on its page: ``#chart-<name>`` is the chart's permanent link."""
    return f"chart-{name}"


def download_links(name: str) -> str:
    """Links to the chart's files (drawn with title, sources, date, licence and address by the build, see
    ``tradetalks.exports``) and to the chart itself (its address, printed in print)."""
    files = " · ".join(
        f'<a class="tt-download-file" href="{DOWNLOADS_HREF}{name}.{suffix}" download="{name}.{suffix}">{html.escape(tr(label))}</a>'
        for suffix, label in DOWNLOADS
    )
    take = tr("Take it with you: {files}").format(files=files)
    link = html.escape(tr("Link to this chart"))
    return (
        f'<p class="tt-chart-files"><span class="tt-files">{take} · </span>'
        f'<a class="tt-permalink" href="#{chart_anchor(name)}">{link}</a></p>'
    )


def javascript_bundle() -> str:
    """vega, vega-lite and vega-embed as one classic script (from the pinned vl-convert package).

    Wrapped in a function so its top-level names stay private; it publishes
    ``window.vegaEmbed``, ``window.vega`` and ``window.vegaLite``.
    """
    return "(function(){\n" + vl_convert.javascript_bundle() + "\n})();\n"


def publish_table(
    table: pd.DataFrame,
    *,
    name: str,
    title: str,
    evidence: Sequence[pd.DataFrame | pd.Series] | None = None,
) -> Figure:
    """A data table with a caption, source line and CSV download (text from data is escaped).

    The source line comes from the frames, as for ``publish``.
    """
    sources, tables = provenance(table, evidence)
    csv_text = table.to_csv(index=False, lineterminator="\n")
    body = (
        f'<figure class="tt-table-figure"><figcaption><strong>{html.escape(title)}</strong></figcaption>'
        f"{reader_table_html(table, title, tables, _folder_of(table, *(evidence or [])))}"
        f"{source_line(sources, table_names=tables, csv_name=name, csv_text=csv_text)}</figure>"
    )
    return Figure(body, title)
