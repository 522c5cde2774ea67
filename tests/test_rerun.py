"""The rerun contract: the worked example in examples/update-2025 flows into a chapter with no code change."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from tradetalks import build, data, text

EXAMPLE = build.ROOT / "examples" / "update-2025"
GLUED = "application/papermill.record/text/markdown"


def glued_values(notebook_path: Path) -> dict[str, str]:
    notebook = nbformat.read(notebook_path, as_version=4)
    return {
        output["metadata"]["scrapbook"]["name"]: output["data"][GLUED]
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if GLUED in output.get("data", {})
    }


def outputs_text(notebook_path: Path) -> str:
    notebook = nbformat.read(notebook_path, as_version=4)
    return "\n".join(str(output.get("data", "")) for cell in notebook.cells for output in cell.get("outputs", []))


@pytest.fixture
def last_year_data(data_copy: Path) -> Path:
    """The shipped data without the example's rows: the site as it was before the update."""
    for update in EXAMPLE.glob("*.csv"):
        table = data_copy / update.name
        lines = table.read_text(encoding="utf-8").splitlines(keepends=True)
        added = set(update.read_text(encoding="utf-8").splitlines(keepends=True)[1:])
        table.write_text("".join(line for line in lines if line not in added), encoding="utf-8")
    assert data.check_data(data_copy) == []
    return data_copy


def test_example_rows_are_real_rows_of_the_shipped_data():
    for update in EXAMPLE.glob("*.csv"):
        shipped = set(data.default_data_dir().joinpath(update.name).read_text(encoding="utf-8").splitlines()[1:])
        assert set(update.read_text(encoding="utf-8").splitlines()[1:]) <= shipped
        assert (
            update.read_text(encoding="utf-8").splitlines()[0] == data.default_data_dir().joinpath(update.name).read_text().splitlines()[0]
        )


def test_update_adds_the_new_year_and_measure(last_year_data: Path, tmp_path: Path):
    before = build.run_chapter("auto_tariffs", {}, tmp_path / "before", str(last_year_data))
    assert glued_values(before.with_suffix(".ipynb"))["balance_latest_year"] == "2024"
    assert "Temporary 10% surcharge" not in outputs_text(before.with_suffix(".ipynb"))

    for update in EXAMPLE.glob("*.csv"):  # what the README's `tail -n +2 ... >> ...` does
        with (last_year_data / update.name).open("a", encoding="utf-8") as table:
            table.write("".join(update.read_text(encoding="utf-8").splitlines(keepends=True)[1:]))
    assert data.check_data(last_year_data) == []

    after = build.run_chapter("auto_tariffs", {}, tmp_path / "after", str(last_year_data))
    glued = glued_values(after.with_suffix(".ipynb"))
    assert glued["balance_latest_year"] == "2025"
    trade = pd.read_csv(EXAMPLE / "us_japan_goods_trade.csv")
    consistent = trade[trade["series"] == data.CONSISTENT]["balance_musd"].item()
    assert glued["balance_latest"] == text.as_markdown_text(f"${-consistent / 1000:,.1f} billion")
    assert "Temporary 10% surcharge" in outputs_text(after.with_suffix(".ipynb"))


def test_a_new_vintage_from_a_new_source_reaches_the_page(last_year_data: Path, tmp_path: Path):
    """The latest year arrives from a source the code has never heard of: marking the row consistent is enough.

    The row is a real one: the 2025 figures as scraped from the Census page (not the repository copy
    the shipped series uses for 2025), filed under a new source key.
    """
    scraped = pd.read_csv(EXAMPLE / "us_japan_goods_trade.csv", dtype=str, keep_default_na=False)
    row = scraped[scraped["source_key"] == "census_c5880_scrape_2026_06"].assign(
        source_key="census_c5880_new_vintage_fixture", series=data.CONSISTENT
    )
    sources = pd.read_csv(last_year_data / "sources.csv", dtype=str, keep_default_na=False)
    new_source = sources[sources["source_key"] == "census_c5880_scrape_2026_06"].assign(source_key="census_c5880_new_vintage_fixture")
    pd.concat([sources, new_source]).to_csv(last_year_data / "sources.csv", index=False, lineterminator="\n")
    trade = pd.read_csv(last_year_data / "us_japan_goods_trade.csv", dtype=str, keep_default_na=False)
    pd.concat([trade, row]).to_csv(last_year_data / "us_japan_goods_trade.csv", index=False, lineterminator="\n")
    assert data.check_data(last_year_data) == []

    page = build.run_chapter("auto_tariffs", {}, tmp_path / "new", str(last_year_data))
    glued = glued_values(page.with_suffix(".ipynb"))
    assert glued["balance_latest_year"] == "2025"
    assert glued["balance_latest"] == text.as_markdown_text(f"${-float(row['balance_musd'].item()) / 1000:,.1f} billion")
    assert "census-c5880-new-vintage-fixture" in page.read_text()  # the new source is cited under the chart


# --- the pages about the site read as words (rerun page and data catalogue) -----------------------------


def reader_headers(frame: pd.DataFrame) -> list[str]:
    from tradetalks import charts

    body = charts.publish_table(frame, name="t", title="t", evidence=[frame.head(0)]).body
    assert "generated from this project's own files" in body  # a list about the site cites no source
    return re.findall(r"<th>([^<]*)</th>", body)


def test_parameters_read_as_words():
    from tradetalks.chapters.rerun import tables

    declared = tables.chapter_parameters()
    shown = tables.parameters_for_readers(declared)
    assert tables.DATA_FOLDER_PARAMETER not in set(shown["parameter_name"])
    assert not shown["parameter_default"].eq(tables.NOT_SET).any() and not shown["parameter_meaning"].str.contains(r"\bNone\b").any()
    row = shown[(shown["run_name"] == "auto_tariffs") & (shown["parameter_name"] == "rates_pct")].iloc[0]
    assert row["chapter_title"] == "Auto tariffs and the 2025 talks" and row["parameter_default"] == tables.NOT_SET_WORDS
    assert row["parameter_meaning"].endswith("; if not set, the rates in force in the data")
    assert tables.meaning_for_readers("USD per car. None means the latest price") == "USD per car. If not set, the latest price"
    assert reader_headers(shown) == ["Chapter", "Name in the run command", "Parameter", "Default", "Meaning"]


def test_run_grid_reads_as_words():
    from tradetalks.chapters.rerun import tables

    shown = tables.grid_for_readers(tables.grid_runs())
    assert "auto_tariffs.html" in set(shown["page_file"]) and "(defaults)" not in set(shown["run_parameters"])
    assert all("_" not in header for header in reader_headers(shown))


def test_example_rows_show_no_keys_and_roles_in_words():
    from tradetalks.chapters.rerun import tables

    trade = next(path for path in tables.example_update_files() if path.stem == "us_japan_goods_trade")
    rows = tables.example_rows(trade)
    shown = tables.example_rows_for_readers(rows)
    assert "source_key" in rows.columns and not {"source_key", "notes"} & set(shown.columns)
    assert not shown["series"].str.contains("_").any() and "other vintage" in set(shown["series"])
    headers = reader_headers(shown)
    assert "Year" in headers and all("_" not in header for header in headers)


def test_data_catalogue_reads_as_words():
    import tradetalks.chapters.data_catalogue as page

    catalogue = page.tables.data_catalogue()
    glance = page.tables.at_a_glance(catalogue)
    assert list(glance["table_file"]) == list(catalogue["file"]) and not glance["table_title"].str.contains("_").any()
    assert reader_headers(glance) == ["Table", "File", "Rows", "Years covered", "Licence"]
    html = page.sentences.catalogue_html(catalogue, page.tables.sources_per_table(), page.tables.fields_by_table())
    trade = data.table_schema("us_japan_goods_trade")["schema"]["fields"]
    exports = next(field for field in trade if field["name"] == "us_exports_to_japan_musd")
    assert f"<li>{exports['title']}" in html.replace("&#x27;", "'") and "<code>us_exports_to_japan_musd</code>" in html
    assert "(%) (percent)" not in html
