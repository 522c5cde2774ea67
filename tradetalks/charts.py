"""One house style for every chart, and an offline, deterministic way to show it.

``publish`` wraps an Altair chart in a figure that carries everything a reader
needs to trust it: the interactive chart (drawn by the vendored vega bundle), a
static SVG fallback, a text alternative, a source line with as-of date, a CSV
download of exactly the data drawn, and the data as a table.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import urllib.parse
from collections.abc import Iterable

import altair as alt
import pandas as pd
import vl_convert

# Okabe-Ito: distinguishable with the common forms of colour blindness.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
CHART_WIDTH = 560
CHART_HEIGHT = 300
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
MAX_SOURCES_IN_LINE = 4
BUNDLE_FILE = "vega-bundle.js"


@alt.theme.register("tradetalks", enable=True)
def house_theme() -> alt.theme.ThemeConfig:
    """Light card (readable on the site's light and dark pages), colour-blind-safe palette."""
    return {
        "config": {
            "background": "#ffffff",
            "padding": 8,
            "font": FONT,
            "view": {"continuousWidth": CHART_WIDTH, "continuousHeight": CHART_HEIGHT, "stroke": None},
            "range": {"category": PALETTE},
            "axis": {"labelColor": "#333333", "titleColor": "#333333", "gridColor": "#e6e6e6", "labelFontSize": 12, "titleFontSize": 12},
            "legend": {"labelColor": "#333333", "titleColor": "#333333", "labelFontSize": 12, "titleFontSize": 12, "orient": "bottom"},
            "title": {"color": "#111111", "fontSize": 14, "anchor": "start"},
            "line": {"strokeWidth": 2.5},
        }
    }


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
    svg = vl_convert.vegalite_to_svg(spec)
    svg = re.sub(r"(\d\.\d)\d+", r"\1", svg)  # a tenth of a pixel is plenty for a fallback image
    return re.sub(r"\s*\n\s*", " ", svg).strip()


def embed_html(spec: dict) -> str:
    """HTML that draws ``spec`` with the site's vendored vega bundle, showing the SVG until then."""
    element = chart_id(spec)
    return (
        f'<div class="tt-chart-view" id="{element}">{static_svg(spec)}</div>'
        f'<script type="application/json" id="{element}-spec">{_script_safe(_stable_json(spec))}</script>'
        "<script>(function(){"
        f'var id="{element}";'
        "function draw(){if(!window.vegaEmbed){return;}"
        'var spec=JSON.parse(document.getElementById(id+"-spec").textContent);'
        'window.vegaEmbed("#"+id,spec,{actions:false,renderer:"svg"}).catch(function(e){console.error(e);});}'
        'if(document.readyState==="loading"){document.addEventListener("DOMContentLoaded",draw);}else{draw();}'
        "})();</script>"
    )


def _render_spec(spec: dict, **_: object) -> dict:
    return {"text/html": embed_html(spec), "text/plain": "<chart>"}


alt.renderers.register("tradetalks", _render_spec)
alt.renderers.enable("tradetalks")


def as_of(sources: pd.DataFrame) -> str:
    """The newest dated ``as_of`` among the sources (YYYY, YYYY-MM or YYYY-MM-DD), or ''."""
    dates = [
        m.group(0)
        for value in sources.get("as_of", pd.Series(dtype=str)).dropna()
        if (m := re.match(r"\d{4}(-\d{2}(-\d{2})?)?", str(value)))
    ]
    return max(dates) if dates else ""


REFERENCES_PAGE = "references.html"  # the site's bibliography, beside every chapter page


def reference_anchor(source_key: str) -> str:
    """The id of a source's entry on the references page (sphinxcontrib-bibtex, ``bibtex_cite_id``)."""
    from docutils.nodes import make_id

    return make_id(f"source-{source_key}")


def _source_item(row: pd.Series, *, with_title: bool = True) -> str:
    """A source cited like a bibliography entry: the publisher, linked to its entry on the references page."""
    publisher = html.escape(str(row["publisher"]))
    if "source_key" not in row or pd.isna(row.get("source_key")):
        return publisher
    title = f' title="{html.escape(str(row["title"]))}"' if with_title else ""
    return f'<a class="tt-cite" href="{REFERENCES_PAGE}#{reference_anchor(str(row["source_key"]))}"{title}>{publisher}</a>'


def source_line(sources: pd.DataFrame | None, *, table_names: Iterable[str], csv_name: str, csv_text: str) -> str:
    """'Source: …; data as of …; download' — the line under every chart (no sources: generated)."""
    if sources is None:
        sources = pd.DataFrame(columns=["publisher", "title", "url", "as_of"])
    items = [_source_item(row) for _, row in sources.iterrows()]
    plain_items = [_source_item(row, with_title=False) for _, row in sources.iterrows()]
    shown = "; ".join(items[:MAX_SOURCES_IN_LINE]) or "generated from this project's own files"
    more = ""
    if len(items) > MAX_SOURCES_IN_LINE:
        shown += f" and {len(items) - MAX_SOURCES_IN_LINE} more"
        more = f'<details class="tt-more-sources"><summary>All {len(items)} sources</summary><p>{"; ".join(plain_items)}</p></details>'
    label = "Sources" if len(items) > 1 else "Source"
    newest = as_of(sources)
    dated = f" Data as of {html.escape(newest)}." if newest else ""
    tables = ", ".join(f"<code>{html.escape(name)}</code>" for name in table_names)
    from_tables = f"From: {tables}. " if tables else ""
    # percent-encode only what a URL or an HTML attribute cannot hold; plain text stays readable and small
    href = "data:text/csv;charset=utf-8," + urllib.parse.quote(csv_text, safe=" ,;:/()-._'!*=+$@?")
    return (
        f'<p class="tt-source"><strong>{label}:</strong> {shown}.{dated} '
        f"{from_tables}"
        f'<a class="tt-download" download="{html.escape(csv_name)}.csv" href="{href}">Download the data (CSV)</a></p>{more}'
    )


def _scrollable(table_html: str, label: str) -> str:
    """A wide table in a region keyboard users can scroll (focusable, labelled)."""
    return f'<div class="tt-table-scroll" tabindex="0" role="region" aria-label="{html.escape(label)}">{table_html}</div>'


class Figure:
    """A published chart: renders as self-contained HTML in notebooks and on the site."""

    def __init__(self, body: str, title: str):
        self.body = body
        self.title = title

    def _repr_mimebundle_(self, include: object = None, exclude: object = None) -> dict:
        return {"text/html": self.body, "text/plain": f"Chart: {self.title}"}

    def __repr__(self) -> str:
        return f"Chart: {self.title}"


def publish(
    chart: alt.TopLevelMixin,
    *,
    data: pd.DataFrame,
    sources: pd.DataFrame,
    name: str,
    title: str,
    description: str,
    tables: Iterable[str],
) -> Figure:
    """Wrap ``chart`` with its text alternative, source line, CSV download and data table.

    ``data`` is what the chart draws (offered as CSV and as a table), ``sources`` the
    ``sources.csv`` rows behind it, ``name`` a file-safe id for the download.
    """
    spec = chart.properties(title=title, description=description).to_dict()
    csv_text = data.to_csv(index=False, lineterminator="\n")
    table_html = data.to_html(index=False, escape=True, border=0, classes="tt-data-table", na_rep="")
    body = (
        f'<figure class="tt-chart" aria-label="{html.escape(title)}">'
        f"{embed_html(spec)}"
        f'<figcaption><span class="tt-description">{html.escape(description)}</span>'
        f"{source_line(sources, table_names=tables, csv_name=name, csv_text=csv_text)}</figcaption>"
        f'<details class="tt-table"><summary>Show the data as a table</summary>{_scrollable(table_html, title + " (data)")}</details>'
        "</figure>"
    )
    return Figure(body, title)


def javascript_bundle() -> str:
    """vega, vega-lite and vega-embed as one classic script (from the pinned vl-convert package).

    Wrapped in a function so its top-level names stay private; it publishes
    ``window.vegaEmbed``, ``window.vega`` and ``window.vegaLite``.
    """
    return "(function(){\n" + vl_convert.javascript_bundle() + "\n})();\n"


def publish_table(
    table: pd.DataFrame,
    *,
    sources: pd.DataFrame | None,
    name: str,
    title: str,
    tables: Iterable[str],
) -> Figure:
    """A data table with a caption, source line and CSV download (text from data is escaped)."""
    csv_text = table.to_csv(index=False, lineterminator="\n")
    table_html = table.to_html(index=False, escape=True, border=0, classes="tt-data-table", na_rep="")
    body = (
        f'<figure class="tt-table-figure"><figcaption><strong>{html.escape(title)}</strong></figcaption>'
        f"{_scrollable(table_html, title)}"
        f"{source_line(sources, table_names=tables, csv_name=name, csv_text=csv_text)}</figure>"
    )
    return Figure(body, title)
