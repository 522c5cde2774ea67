"""Pages generated from the project: parameters, catalogue, manifest, and what they trace."""

import hashlib

import pandas as pd

import tradetalks.chapters.data_catalogue as data_catalogue
import tradetalks.chapters.rerun as rerun
from tradetalks import catalog, data, grid


def test_chapter_parameters_come_from_the_templates():
    table = rerun.tables.chapter_parameters()
    row = table[(table["chapter"] == "auto_tariffs") & (table["parameter"] == "rates_pct")].iloc[0]
    assert row["default"] == "None"
    assert row["meaning"].startswith("tariff rates (%) for the calculator")
    assert set(table["chapter"]) >= {"auto_tariffs"}


def test_grid_runs_lists_every_page():
    runs = rerun.tables.grid_runs()
    assert "auto_tariffs" in set(runs["page"])
    assert runs.loc[runs["page"] == "auto_tariffs", "parameters"].item() == "(defaults)"


def test_data_catalogue_has_every_table_with_its_row_count():
    catalogue = data_catalogue.tables.data_catalogue()
    assert list(catalogue["table"]) == data.table_names()
    row = catalogue[catalogue["table"] == "us_japan_goods_trade"].iloc[0]
    assert row["rows"] == len(data.load_table("us_japan_goods_trade"))
    assert row["years"] == "1980–2026"
    assert "us_exports_to_japan_musd (million USD (nominal))" in row["columns (units)"]


def test_manifest_hashes_files():
    entry = next(e for e in catalog.manifest() if e["table"] == "tariff_timeline")
    path = data.default_data_dir() / "tariff_timeline.csv"
    assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert entry["rows"] == len(data.load_table("tariff_timeline"))
    assert entry["as_of"] >= "2026"


def test_project_files_read_by_a_page_are_traced(tmp_path, monkeypatch):
    trace = tmp_path / "trace"
    monkeypatch.setenv(data.TRACE_ENV, str(trace))
    rerun.tables.chapter_parameters()
    data.load_table("tariff_timeline")
    traced = set(trace.read_text().split())
    # auto_tariffs declares its parameters in its package: the declaration is what the page read
    assert {"@notebooks/grid.yml", "@tradetalks/chapters/auto_tariffs/parameters.py", "tariff_timeline.csv"} <= traced


def test_a_template_without_a_declaration_is_read_from_its_parameters_cell(tmp_path, monkeypatch):
    import nbformat

    template = tmp_path / "no_such_page.ipynb"
    cell = nbformat.v4.new_code_cell("year = 2024  # calendar year\nname = None", metadata={"tags": ["parameters"]})
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), template)
    traced = []
    monkeypatch.setattr(grid.data, "trace_project_file", traced.append)
    assert grid.declared_parameters(template) == [
        {"parameter": "year", "default": "2024", "meaning": "calendar year"},
        {"parameter": "name", "default": "None", "meaning": ""},
    ]
    assert traced == [template]


def test_every_source_is_in_the_bibliography(tmp_path):
    from pybtex.database import parse_file

    bib = tmp_path / "references.bib"
    bib.write_text(catalog.bibtex(), encoding="utf-8")
    entries = parse_file(str(bib)).entries
    assert set(entries) == set(data.load_table("sources")["source_key"])
    entry = entries["census_country_xlsx_via_atsd"]
    assert entry.fields["title"].startswith("{US trade by country")
    assert entry.fields["year"] == "2016"


def test_source_lines_link_to_bibliography_entries():
    from tradetalks import charts

    assert charts.reference_anchor("census_country_xlsx_via_atsd") == "source-census-country-xlsx-via-atsd"


def test_sources_by_tier_counts_every_source_once():
    by_tier = data_catalogue.tables.sources_by_tier()
    sources = data.load_table("sources")
    assert list(by_tier["Tier of the page read"]) == list(data.TIERS)
    assert by_tier["Sources in the register"].sum() == len(sources)
    assert (by_tier["Cited by a table"] <= by_tier["Sources in the register"]).all()
    assert (by_tier["Read on a copy"] <= by_tier["Sources in the register"]).all()


def test_rows_on_secondary_sources_only_follow_the_tiers(data_copy):
    before = data_catalogue.tables.secondary_only_rows(data_copy).set_index("Table")
    sources = data_copy / "sources.csv"
    # grade every source official: no row is left resting on secondary pages alone
    frame = pd.read_csv(sources, dtype=str, keep_default_na=False)
    frame.assign(tier="official").to_csv(sources, index=False, lineterminator="\n")
    assert data_catalogue.tables.secondary_only_rows(data_copy).empty
    assert (before["Rows on secondary sources only"] <= before["Rows"]).all()
    assert before["Rows on secondary sources only"].sum() > 0


def test_the_rerun_pages_bad_cell_is_refused_where_it_was_written(data_copy):
    from tradetalks.chapters.rerun import tables as rerun_tables

    written = rerun_tables.with_a_typed_unit(data_copy / "tariff_timeline.csv", "rate_pct")
    problems = data.check_data(data_copy)
    assert written.endswith(" %")
    assert [(p.column, p.rule) for p in problems] == [("rate_pct", "type")] and written in problems[0].message
