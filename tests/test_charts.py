"""Published charts are deterministic, offline, sourced and escape text from data."""

import html
import re
import urllib.parse

import altair as alt
import pandas as pd
import pytest

from tradetalks import chartlint, charts, columns, data

TITLE, SUBTITLE, DESCRIPTION = "Y is higher than X", "Value, %, two labels", "Y is higher than X in the test frame."
FIXTURE_COLUMNS = {
    "label": columns.Column("Label"),
    "value": columns.Column("Value (%)", 1),
    "units": columns.Column("Units (vehicles)", 0),
    "name": columns.Column("Name"),
    "share": columns.Column("Share (%)", 1),
    "note": columns.Column("Note"),
}


@pytest.fixture(autouse=True)
def fixture_columns(monkeypatch):
    """The fixture frames' columns read as words, as a page's columns.py makes them."""
    monkeypatch.setattr(columns, "derived_columns", lambda: FIXTURE_COLUMNS)


SOURCES = pd.DataFrame(
    {
        "source_key": ["a", "b"],
        "publisher": ["Census <Bureau>", "Kyodo"],
        "producer": ["Census <Bureau>", "Kyodo"],
        "tier": ["official", "news"],
        "retrieved_via": ["", ""],
        "title": ["Trade", "News"],
        "url": ["https://example.org/a", "not a url"],
        "as_of": ["2025-09-09", "2026-03 (approx.)"],
    }
)


def source(key: str, publisher: str, producer: str, tier: str) -> dict:
    copy = publisher if publisher != producer else ""
    return {
        "source_key": key,
        "publisher": publisher,
        "producer": producer,
        "tier": tier,
        "retrieved_via": copy,
        "title": key,
        "url": "",
        "as_of": "",
    }


def named(line: str) -> list[str]:
    """The text of the source line as a reader sees it, up to the first full stop after the names."""
    text = re.sub(r"<[^>]+>", "", line.split("</strong>", 1)[1])
    return html.unescape(text)


def figure(frame: pd.DataFrame) -> str:
    """A published chart whose frame names the fixture's sources (hostile text included) and table ``t1``."""
    chart = alt.Chart(frame).mark_bar().encode(x="label:N", y="value:Q", tooltip=["label:N"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(charts, "provenance", lambda drawn, evidence: (SOURCES, ("t1",)))
        patch.setattr(columns, "derived_columns", lambda: FIXTURE_COLUMNS)
        published = charts.publish(chart, data=frame, name="test_chart", title=TITLE, subtitle=SUBTITLE, description=DESCRIPTION)
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
    assert charts.as_of(SOURCES.assign(as_of=["2024-2025", "2023-11"])) == "2024"  # a range is not a month: not '2024-20'


def test_producers_come_first_best_tier_first_with_the_copy_they_were_read_on():
    sources = pd.DataFrame(
        [
            source("blog", "Some blog", "Some blog", "secondary"),
            source("copy", "GitHub: someone/repo", "U.S. Census Bureau", "secondary"),
            source("wire", "Reuters", "Reuters", "news"),
            source("gazette", "Federal Register", "The White House", "official"),
        ]
    )
    line = charts.source_line(sources, table_names=["t"], csv_name="x", csv_text="a\n")
    text = named(line)
    assert text.startswith(
        " The White House (retrieved via Federal Register); Reuters; U.S. Census Bureau (retrieved via GitHub: someone/repo)"
    )
    assert "and 1 more" in text and "Every source and copy read" in text
    assert 'href="references.html#source-copy"' in line and 'href="references.html#source-gazette"' in line
    assert "Secondary sources only" not in text


def test_one_producer_read_on_several_copies_is_named_once():
    copies = pd.DataFrame([source(f"c{i}", f"Mirror {i}", "U.S. Census Bureau", "secondary") for i in range(3)])
    copies.loc[2, "tier"] = "news"  # the best copy is named first
    line = charts.source_line(copies, table_names=["t"], csv_name="x", csv_text="a\n")
    shown, folded = named(line).split("Every source and copy read")
    assert shown.count("U.S. Census Bureau") == 1 and "retrieved via Mirror 2; Mirror 0 and 1 other copy)" in shown
    assert "retrieved via Mirror 2; Mirror 0; Mirror 1)" in folded
    assert "<strong>Source:</strong>" in charts.source_line(copies, table_names=["t"], csv_name="x", csv_text="a\n")


def test_an_official_producer_is_never_folded():
    sources = pd.DataFrame(
        [source(f"n{i}", f"Paper {i}", f"Paper {i}", "news") for i in range(4)]
        + [source("gov", "Ministry", "Ministry", "official")]
        + [source(f"g{i}", f"Agency {i}", f"Agency {i}", "official") for i in range(4)]
    )
    text = named(charts.source_line(sources, table_names=["t"], csv_name="x", csv_text="a\n"))
    shown = text.split(" and ", 1)[0]
    for name in ["Ministry", "Agency 0", "Agency 1", "Agency 2", "Agency 3"]:
        assert name in shown
    assert "Paper 0" not in shown and "and 4 more" in text


def test_secondary_only_figures_say_so():
    sources = pd.DataFrame([source("blog", "Some blog", "Some blog", "secondary"), source("copy", "Mirror", "JAIA", "secondary")])
    assert "Secondary sources only" in charts.source_line(sources, table_names=["t"], csv_name="x", csv_text="a\n")


def test_bundle_defines_vega_embed_privately():
    bundle = charts.javascript_bundle()
    assert bundle.startswith("(function(){") and "window.vegaEmbed=" in bundle


def test_generated_tables_say_so():
    line = charts.source_line(SOURCES.head(0), table_names=["notebooks/grid.yml"], csv_name="x", csv_text="a\n")
    assert "<strong>Source:</strong> generated from this project's own files." in line
    assert "From: <code>notebooks/grid.yml</code>." in line


def test_a_chart_names_the_sources_and_tables_of_the_frames_it_is_given():
    timeline = data.load_table("tariff_timeline")
    drawn = timeline[timeline["rate_pct"].notna()][["date", "rate_pct", "source_key"]]
    sources, tables = charts.provenance(drawn, None)
    assert tables == ("tariff_timeline",)
    assert list(sources["source_key"]) == list(data.sources_cited(drawn)["source_key"])
    figure = charts.publish(
        alt.Chart(drawn).mark_point().encode(x="date:N"), data=drawn, name="n", title=TITLE, subtitle=SUBTITLE, description=DESCRIPTION
    )
    assert "<code>tariff_timeline</code>" in figure.body
    headers = re.findall(r"<th>(.*?)</th>", figure.body)
    assert headers == [field["title"] for field in data.table_schema("tariff_timeline")["schema"]["fields"] if field["name"] in drawn]


def test_evidence_names_the_rows_behind_a_derived_frame():
    rounds = data.load_table("negotiation_rounds")
    derived = pd.DataFrame({"rounds": [len(rounds)]})  # a count: no source_key column, no tags
    with pytest.raises(ValueError, match="neither a source_key column nor the tables"):
        charts.provenance(derived, None)
    sources, tables = charts.provenance(derived, [rounds])
    assert tables == ("negotiation_rounds",) and len(sources) > 0
    assert charts.provenance(derived, []) == (None, ())  # a table about the site itself


def test_empty_cells_read_as_a_dash_with_a_note_never_as_a_placeholder():
    frame = pd.DataFrame(
        {
            "units": pd.array([1200, None], dtype="Int64"),
            "name": pd.array(["Jeep", None], dtype="str"),
            "share": [1.5, float("nan")],
            "note": ["x", None],
        }
    )
    body = charts.reader_table_html(frame, "t")
    assert "&lt;NA&gt;" not in body and "nan" not in body and "None" not in body
    assert body.count(f"<td>{charts.MISSING}</td>") == 4 and charts.missing_note() in body
    assert "<td>1,200</td>" in body and "<td>1.5</td>" in body  # numbers to their column's decimals
    assert charts.missing_note() not in charts.reader_table_html(frame.dropna(), "t")


def lint(**changes: object) -> list[str]:
    chart_text = {"title": TITLE, "subtitle": SUBTITLE, "description": DESCRIPTION, "sourced": True, "dated": True, "spec": {}}
    return chartlint.problems(**{**chart_text, **changes})


def test_the_chart_lint_passes_a_chart_that_states_its_finding():
    assert lint() == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "U.S. goods balance with Japan"}, "is a label, not a finding"),
        ({"title": "Tariff costs reported by Japanese carmakers"}, "is a label, not a finding"),
        ({"title": ""}, "no title"),
        ({"title": "The deficit " + "was very much larger in that long ago year than now " * 2}, "words (at most 12)"),
        ({"subtitle": "U.S. goods balance with Japan, 1990 to 2025"}, "names no unit"),
        ({"description": "d"}, "is not a sentence"),
        ({"sourced": False}, "no source"),
        ({"dated": False}, "no as-of date"),
        ({"spec": {"layer": [{"mark": {"type": "text", "fontSize": 7}}]}}, "text smaller than 10 px (7 px)"),
    ],
)
def test_the_chart_lint_fails_a_chart_that_breaks_a_rule(changes, message):
    assert any(message in problem for problem in lint(**changes))


def test_publish_refuses_a_label_title_naming_the_chart(frame):
    chart = alt.Chart(frame).mark_bar().encode(x="label:N", y="value:Q")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(charts, "provenance", lambda drawn, evidence: (SOURCES, ("t1",)))
        with pytest.raises(chartlint.ChartLintError, match="chart 'deficit': the title 'U.S. goods balance' is a label"):
            charts.publish(chart, data=frame, name="deficit", title="U.S. goods balance", subtitle=SUBTITLE, description=DESCRIPTION)


def test_title_and_subtitle_head_the_figure_and_describe_it(frame):
    body = figure(frame)
    title = re.search(r'<p class="tt-chart-title" id="([^"]+)">([^<]+)</p>', body)
    assert title.group(2) == TITLE and f'aria-labelledby="{title.group(1)}"' in body
    described = re.search(r'aria-describedby="([^"]+)"', body).group(1)
    assert f'<span class="tt-description" id="{described}">{DESCRIPTION}</span>' in body
    assert f'"description":"{DESCRIPTION}"' in body  # Vega's own accessible description
    assert '"width":"container"' in body  # drawn at the column's width, not scaled down on a phone


def test_table_headers_are_words_and_a_raw_name_stops_the_page(monkeypatch):
    frame = pd.DataFrame({"label": ["a"], "year": [2024], "units": [1293775]})
    monkeypatch.setattr(columns, "derived_columns", lambda: {**FIXTURE_COLUMNS, "year": columns.Column("Year", 0)})
    body = charts.reader_table_html(frame, "t")
    assert re.findall(r"<th>(.*?)</th>", body) == ["Label", "Year", "Units (vehicles)"]
    assert "<td>2024</td>" in body and "<td>1,293,775</td>" in body  # a year has no thousands separator
    with pytest.raises(columns.ColumnTitleError, match=r"column\(s\) balance_musd \(no title\)"):
        charts.reader_table_html(frame.assign(balance_musd=[1.0]), "t")
    with pytest.raises(columns.ColumnTitleError, match=r"Gap \(g/km\) \(numbers with no decimals declared\)"):
        charts.reader_table_html(frame.assign(**{"Gap (g/km)": [1.25]}), "t")


def test_a_column_mixing_units_shows_each_number_as_stated():
    assert [columns.format_number(v, columns.AS_STATED) for v in (0.2951, 540.0, -1250.5)] == ["0.2951", "540", "-1,250.5"]


def test_every_page_column_means_one_thing():
    """Derived column names are shared by every page: the same name may not carry two titles."""
    import importlib
    import pkgutil

    import tradetalks.chapters

    seen: dict[str, tuple[str, columns.Column]] = {}
    for page in pkgutil.iter_modules(tradetalks.chapters.__path__):
        try:
            module = importlib.import_module(f"tradetalks.chapters.{page.name}.columns")
        except ModuleNotFoundError:
            continue
        for name, column in module.COLUMNS.items():
            other = seen.setdefault(name, (page.name, column))
            assert other[1] == column, f"{name}: {other[0]} says {other[1]}, {page.name} says {column}"


def test_a_long_text_folds_behind_its_first_words_and_stays_escaped():
    note = "<b>Reported</b> by the ministry " + "with a long qualification of what the figure covers " * 3
    body = charts.reader_table_html(pd.DataFrame({"note": [note, "short"]}), "t")
    folded = re.search(r'<details class="tt-cell"><summary>(.*?) …</summary>(.*?)</details>', body)
    assert folded and len(html.unescape(folded.group(1))) <= charts.FOLDED_CELL_CHARS
    assert html.unescape(folded.group(2)) == note and "<b>" not in body  # the whole text, escaped
    assert "<td>short</td>" in body


def test_tooltips_read_in_words_and_to_the_datas_precision():
    spec = {
        "layer": [
            {"encoding": {"tooltip": [{"field": "value", "type": "quantitative"}, {"field": "label", "type": "nominal", "title": "Kept"}]}},
            {"encoding": {"tooltip": {"field": "units", "type": "quantitative", "format": ",.2f"}}},
            {"encoding": {"tooltip": [{"field": "Worded header", "type": "quantitative"}]}},
        ]
    }
    shown = charts.readable_tooltips(spec, (), None)["layer"]
    assert shown[0]["encoding"]["tooltip"] == [
        {"field": "value", "type": "quantitative", "title": "Value (%)", "format": ",.1f"},
        {"field": "label", "type": "nominal", "title": "Kept"},  # a title the chart gives is kept
    ]
    assert shown[1]["encoding"]["tooltip"] == {"field": "units", "type": "quantitative", "format": ",.2f", "title": "Units (vehicles)"}
    assert shown[2]["encoding"]["tooltip"] == [{"field": "Worded header", "type": "quantitative"}]
    with pytest.raises(columns.ColumnTitleError, match="tooltip field unknown_field: give it a title"):
        charts.readable_tooltips({"encoding": {"tooltip": {"field": "unknown_field", "type": "quantitative"}}}, (), None)


def test_a_repositorys_path_reads_as_code_and_stays_escaped():
    assert charts.named_html("GitHub: owner/some_repo <x>") == "GitHub: <code>owner/some_repo</code> &lt;x&gt;"
    line = charts.source_line(
        pd.DataFrame([source("r", "GitHub: a/b_c", "U.S. Census Bureau", "secondary")]), table_names=[], csv_name="x", csv_text="a\n"
    )
    assert "retrieved via <a" in line and "GitHub: <code>a/b_c</code></a>" in line


def test_the_static_drawing_keeps_every_digit_of_a_figure_it_writes_as_text():
    # coordinates are rounded to a tenth of a pixel; a label's figure ("1.29 million") is not cut to "1.2 million"
    spec = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{"x": 0.123456, "label": "1.29 million"}]},
        "mark": {"type": "text"},
        "encoding": {"x": {"field": "x", "type": "quantitative"}, "text": {"field": "label"}},
    }
    svg = charts.static_svg(spec)
    assert ">1.29 million<" in svg
    assert not re.search(r'="[^"]*\d\.\d{2,}', svg), "coordinates keep more than a tenth of a pixel"
