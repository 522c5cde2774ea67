"""Published charts are deterministic, offline, sourced and escape text from data."""

import html
import re
import urllib.parse

import altair as alt
import pandas as pd
import pytest

from tradetalks import charts

SOURCES = pd.DataFrame(
    {
        "source_key": ["a", "b"],
        "publisher": ["Census <Bureau>", "Kyodo"],
        "title": ["Trade", "News"],
        "url": ["https://example.org/a", "not a url"],
        "as_of": ["2025-09-09", "2026-03 (approx.)"],
    }
)


def figure(frame: pd.DataFrame) -> str:
    chart = alt.Chart(frame).mark_bar().encode(x="label:N", y="value:Q", tooltip=["label:N"])
    published = charts.publish(
        chart, data=frame, sources=SOURCES, name="test_chart", title="A title", description="A description", tables=["t1"]
    )
    return published._repr_mimebundle_()["text/html"]


@pytest.fixture
def frame():
    return pd.DataFrame({"label": ["x", "y"], "value": [1.5, 2.0]})


def test_same_chart_same_html(frame):
    assert figure(frame) == figure(frame.copy())


def test_chart_id_depends_on_content(frame):
    first = re.search(r'id="(tt-[0-9a-f]{12})"', figure(frame)).group(1)
    second = re.search(r'id="(tt-[0-9a-f]{12})"', figure(frame.assign(value=[9.0, 9.0]))).group(1)
    assert first != second


def test_no_remote_scripts_and_static_fallback(frame):
    body = figure(frame)
    assert "cdn" not in body.lower() and "<script src" not in body
    assert "<svg" in body and "vegaEmbed" in body


def test_source_line_names_sources_date_tables_and_download(frame):
    body = figure(frame)
    line = re.search(r'<p class="tt-source">.*?</p>', body).group(0)
    assert "Sources:" in line and 'href="references.html#source-a"' in line and "Kyodo" in line
    assert "Data as of 2026-03." in line
    assert "From: <code>t1</code>." in line
    csv = urllib.parse.unquote(html.unescape(re.search(r'href="data:text/csv;charset=utf-8,([^"]*)"', line).group(1)))
    assert csv == "label,value\nx,1.5\ny,2.0\n"


def test_text_from_data_is_escaped(frame):
    hostile = frame.assign(label=["</script><script>alert(1)</script>", "<img src=x onerror=alert(2)>"])
    body = figure(hostile)
    assert "<script>alert(1)" not in body
    assert "<img src=x" not in body
    assert "Census &lt;Bureau&gt;" in body


def test_as_of_picks_newest_dated_source():
    assert charts.as_of(SOURCES) == "2026-03"
    assert charts.as_of(SOURCES.assign(as_of=["c. 2013", "undated"])) == ""


def test_many_sources_are_folded():
    many = pd.concat([SOURCES] * 3, ignore_index=True)
    line = charts.source_line(many, table_names=["t"], csv_name="x", csv_text="a\n")
    assert "and 2 more" in line and "All 6 sources" in line


def test_bundle_defines_vega_embed_privately():
    bundle = charts.javascript_bundle()
    assert bundle.startswith("(function(){") and "window.vegaEmbed=" in bundle


def test_generated_tables_say_so():
    line = charts.source_line(SOURCES.head(0), table_names=["notebooks/grid.yml"], csv_name="x", csv_text="a\n")
    assert "<strong>Source:</strong> generated from this project's own files." in line
    assert "From: <code>notebooks/grid.yml</code>." in line
