"""The loader accepts the shipped data and rejects broken copies with precise messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from tradetalks import data

TABLE = "tariff_timeline"


def rewrite(folder: Path, name: str, edit) -> None:
    """Apply ``edit`` to the lines of ``folder/name`` (header is line 0)."""
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(edit(lines)) + "\n", encoding="utf-8")


def set_cell(line: str, column: int, value: str) -> str:
    """Replace one cell of a CSV line that has no quoted commas before ``column``."""
    cells = line.split(",")
    cells[column] = value
    return ",".join(cells)


def only(problems: list[data.Problem]) -> data.Problem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


def test_shipped_data_is_valid():
    assert data.check_data() == []


def test_every_csv_is_described_and_every_resource_exists():
    folder = data.default_data_dir()
    described = {data.table_schema(name)["path"] for name in data.table_names()}
    assert described == {p.name for p in folder.glob("*.csv")}


def test_load_table_types_columns_from_the_schema():
    timeline = data.load_table(TABLE)
    assert list(timeline.columns) == [f["name"] for f in data.table_schema(TABLE)["schema"]["fields"]]
    assert timeline["rate_pct"].dtype == "float64"
    assert timeline["rate_pct"].isna().any()  # empty cells stay empty, not zero
    assert data.tables_of(timeline) == (TABLE,)
    assert data.data_dir_of(timeline) == str(data.default_data_dir())


def test_frames_keep_their_tables_through_filters_and_derived_frames_are_tagged():
    timeline, rounds = data.load_table(TABLE), data.load_table("negotiation_rounds")
    filtered = timeline[timeline["rate_pct"].notna()].sort_values("date")[["date", "rate_pct", "source_key"]]
    assert data.tables_of(filtered) == (TABLE,)
    combined = pd.concat([filtered, rounds[["source_key"]]])
    assert data.tables_of(combined) == ()  # pandas drops tags when tables meet ...
    assert data.tables_of(data.derived_from(combined, filtered, rounds)) == (TABLE, "negotiation_rounds")  # ... and they come back
    assert data.data_dir_of(combined) == str(data.default_data_dir())


def test_frames_from_two_data_folders_cannot_be_mixed(data_copy):
    with pytest.raises(ValueError, match="different data folders"):
        data.derived_from(pd.DataFrame(), data.load_table(TABLE), data.load_table(TABLE, data_copy))


def test_unknown_table_lists_the_tables():
    with pytest.raises(KeyError, match="tables: .*tariff_timeline"):
        data.load_table("tarif_timeline")


# Line 4 of tariff_timeline.csv (the fourth data row) is "1984,Japan,VER ceiling raised,...,,VER,..."
# and line 7 is the US MFN row with rate 2.5 in column 4.
BROKEN_CELLS = [
    ("number with a thousands separator", 7, 4, '"1,000"', "rate_pct", "type"),
    ("unit in a numeric cell", 7, 4, "2.5%", "rate_pct", "type"),
    ("text in a numeric cell", 7, 4, "high", "rate_pct", "type"),
    ("negative rate", 7, 4, "-2.5", "rate_pct", "minimum"),
    ("rate over 100", 7, 4, "250", "rate_pct", "maximum"),
    ("value outside the allowed list", 7, 1, "Mars", "jurisdiction", "enum"),
    ("date in another format", 7, 0, "03/04/2025", "date", "pattern"),
    ("empty required cell", 7, 0, "", "date", "required"),
    ("unknown source key", 4, 6, "nobody_1999", "source_key", "source-key"),
    ("empty key in a key list", 4, 6, "toyota_75yrs_ver;", "source_key", "source-key"),
]


@pytest.mark.parametrize(("case", "line", "column", "value", "field", "rule"), BROKEN_CELLS, ids=[c[0] for c in BROKEN_CELLS])
def test_broken_cell_is_named_by_file_row_column_and_rule(data_copy, case, line, column, value, field, rule):
    rewrite(data_copy, f"{TABLE}.csv", lambda lines: [set_cell(x, column, value) if i == line else x for i, x in enumerate(lines)])
    problem = only(data.check_data(data_copy))
    assert (Path(problem.file).name, problem.row, problem.column, problem.rule) == (f"{TABLE}.csv", line + 1, field, rule)


def test_message_is_one_readable_sentence(data_copy):
    rewrite(data_copy, f"{TABLE}.csv", lambda lines: [set_cell(x, 4, '"1,000"') if i == 7 else x for i, x in enumerate(lines)])
    message = str(only(data.check_data(data_copy)))
    assert message.endswith(
        'row 8, column rate_pct: "1,000" is not a valid number (write plain digits: no thousands separators, units or currency signs) [type]'
    )
    assert "tariff_timeline.csv" in message


def test_duplicate_key_names_both_rows(data_copy):
    rewrite(data_copy, f"{TABLE}.csv", lambda lines: lines + [lines[3]])
    problem = only(data.check_data(data_copy))
    assert problem.rule == "unique-key"
    assert problem.column == "date, jurisdiction, measure"
    assert "as row 4" in problem.message


def test_misspelled_column(data_copy):
    rewrite(data_copy, f"{TABLE}.csv", lambda lines: [lines[0].replace("rate_pct", "rate_pc")] + lines[1:])
    problems = data.check_data(data_copy)
    assert sorted((p.row, p.column, p.message) for p in problems) == [
        (
            1,
            "rate_pc",
            'unexpected column "rate_pc"; the schema lists: date, jurisdiction, measure, product, rate_pct, legal_instrument, source_key, measure_id, notes',
        ),
        (1, "rate_pct", 'missing column "rate_pct"'),
    ]


def test_missing_column_is_named_once(data_copy):
    rewrite(data_copy, f"{TABLE}.csv", lambda lines: [lines[0].replace("rate_pct,", "")] + lines[1:])
    problem = only(data.check_data(data_copy))
    assert (problem.row, problem.column, problem.rule, problem.message) == (1, "rate_pct", "columns", 'missing column "rate_pct"')


def test_reordered_columns(data_copy):
    rewrite(data_copy, f"{TABLE}.csv", lambda lines: [lines[0].replace("date,jurisdiction", "jurisdiction,date")] + lines[1:])
    assert "out of order" in only(data.check_data(data_copy)).message


def test_ragged_row_is_reported_once(data_copy):
    rewrite(data_copy, f"{TABLE}.csv", lambda lines: [x + ",extra" if i == 5 else x for i, x in enumerate(lines)])
    problem = only(data.check_data(data_copy))
    assert (problem.row, problem.rule) == (6, "ragged-row")


@pytest.mark.parametrize(("content", "rule"), [(b"", "empty-file"), (None, "no-rows"), (b"date;jurisdiction\n", "delimiter")])
def test_empty_header_only_and_wrong_delimiter(data_copy, content, rule):
    path = data_copy / f"{TABLE}.csv"
    header = path.read_bytes().splitlines()[0] + b"\n"
    path.write_bytes(header if content is None else content)
    problems = data.check_data(data_copy)
    assert problems and all(Path(p.file).name == f"{TABLE}.csv" for p in problems)
    assert rule in {p.rule for p in problems}


def test_non_utf8_file_names_the_line(data_copy):
    path = data_copy / f"{TABLE}.csv"
    lines = path.read_bytes().splitlines(keepends=True)
    lines[2] = lines[2].replace(b"Japan", "Japón".encode("latin-1"), 1)
    path.write_bytes(b"".join(lines))
    problem = only(data.check_data(data_copy))
    assert (problem.row, problem.rule) == (3, "encoding")


def test_missing_and_unexpected_files(data_copy):
    (data_copy / "negotiation_rounds.csv").unlink()
    (data_copy / "notes.txt").write_text("scratch\n")
    rules = sorted((Path(p.file).name, p.rule) for p in data.check_data(data_copy))
    assert rules == [("negotiation_rounds.csv", "missing-file"), ("notes.txt", "unexpected-file")]


def test_spreadsheet_exports_are_accepted(data_copy):
    path = data_copy / f"{TABLE}.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert data.check_data(data_copy) == []
    assert data.load_table(TABLE, data_copy).columns[0] == "date"


def test_load_table_refuses_broken_data(data_copy):
    rewrite(data_copy, f"{TABLE}.csv", lambda lines: [set_cell(x, 4, "-1") if i == 7 else x for i, x in enumerate(lines)])
    with pytest.raises(data.DataError, match=r"tariff_timeline.csv, row 8, column rate_pct: \"-1\" is below the minimum of 0"):
        data.load_table(TABLE, data_copy)


def test_sources_for_keeps_first_cited_order_and_resolves_every_key():
    timeline = data.load_table(TABLE).head(3)
    keys = [k for cell in timeline["source_key"] for k in data.split_source_keys(cell)]
    cited = data.sources_for(timeline)
    assert list(cited["source_key"]) == list(dict.fromkeys(keys))
    assert cited["publisher"].notna().all()


def test_every_source_key_in_every_table_resolves():
    known = set(data.load_table("sources")["source_key"])
    for name in data.table_names():
        table = data.load_table(name)
        if "source_key" in table.columns and name != "sources":
            cited = {k for cell in table["source_key"].dropna() for k in data.split_source_keys(cell)}
            assert cited <= known, (name, cited - known)


@pytest.mark.parametrize(("broken", "expected_exit"), [(False, 0), (True, 1)])
def test_check_data_command(data_copy, broken, expected_exit):
    if broken:
        rewrite(data_copy, f"{TABLE}.csv", lambda lines: [set_cell(x, 4, "x") if i == 7 else x for i, x in enumerate(lines)])
    result = subprocess.run([sys.executable, "-m", "tradetalks", "check-data", str(data_copy)], capture_output=True, text=True)
    assert result.returncode == expected_exit
    if broken:
        assert result.stdout.strip().splitlines() == [
            line for line in result.stdout.strip().splitlines() if "row 8, column rate_pct" in line
        ]
    else:
        assert result.stdout.startswith("ok: ")


def test_table_frame_matches_csv_values():
    trade = data.load_table("us_japan_goods_trade")
    raw = pd.read_csv(data.default_data_dir() / "us_japan_goods_trade.csv")
    pd.testing.assert_series_equal(trade["balance_musd"], raw["balance_musd"], check_names=True)


def test_sources_cited_with_and_without_original_publishers():
    brands = data.load_table("japan_import_sales_by_brand").head(1)
    direct = data.sources_cited(brands)
    both = data.sources_cited(brands, original=True)
    assert list(direct["source_key"]) == data.split_source_keys(brands["source_key"].iloc[0])
    assert set(direct["source_key"]) <= set(both["source_key"])
    assert len(both) == len(set(direct["source_key"]) | set(data.split_source_keys(brands["original_source_key"].dropna().iloc[0])))


def test_row_by_id_names_the_table_and_the_missing_id():
    targets = data.load_table("ev_policy_targets")
    row_id = targets["target_id"].iloc[0]
    assert data.row_by_id(targets, "target_id", row_id)["target_id"] == row_id
    with pytest.raises(KeyError, match="ev_policy_targets has no row with target_id 'no_such_target'"):
        data.row_by_id(targets, "target_id", "no_such_target")


def test_every_field_has_a_reader_title_and_numbers_their_precision():
    """Tables show a field under its title, to its decimals (tradetalks.columns): none may be missing."""
    from tradetalks import columns

    package = json.loads((data.resolve_data_dir(None) / data.PACKAGE_FILE).read_text(encoding="utf-8"))
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            where = f"{resource['name']}.{field['name']}"
            assert field.get("title") and not columns.is_identifier(field["title"]) and "_" not in field["title"], where
            if field["type"] in ("number", "integer"):
                assert field.get("decimals") in (0, 1, 2, 3, columns.AS_STATED), where
