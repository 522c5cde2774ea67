"""The malformed-input corpus (tests/malformed/cases.yml): every case fails loudly and publishes nothing."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

from tradetalks import build, data
from tradetalks.grid import BuildError

CASES = yaml.safe_load(Path(__file__).with_name("malformed").joinpath("cases.yml").read_text(encoding="utf-8"))


def break_copy(folder: Path, case: dict) -> None:
    path = folder / case["file"]
    if "set" in case:
        row, column, value = case["set"]
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        rows[row][rows[0].index(column)] = value
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    elif "header" in case:
        old, new = case["header"]
        lines = path.read_text(encoding="utf-8").split("\n")
        assert old in lines[0], case["name"]
        lines[0] = lines[0].replace(old, new, 1)
        path.write_text("\n".join(lines), encoding="utf-8")
    elif "append" in case:
        path.write_text(path.read_text(encoding="utf-8") + case["append"] + "\n", encoding="utf-8")
    elif "duplicate" in case:
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows + [rows[case["duplicate"]]])
        path.write_text(buffer.getvalue(), encoding="utf-8")
    elif "replace" in case:
        old, new = case["replace"]
        text = path.read_text(encoding="utf-8")
        assert old in text, case["name"]
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    elif "latin1" in case:
        old, new = case["latin1"]
        path.write_bytes(path.read_text(encoding="utf-8").replace(old, new, 1).encode("latin-1"))
    elif "bytes" in case:
        path.write_text(case["bytes"], encoding="utf-8")
    elif "delete" in case:
        path.unlink()
    elif "add" in case:
        path.write_text(case["add"], encoding="utf-8")
    else:
        raise AssertionError(f"case {case['name']!r} has no operation")


def test_the_corpus_is_large_enough_and_names_are_unique():
    assert len(CASES) >= 30
    assert len({case["name"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_malformed_input_fails_and_publishes_nothing(case, data_copy, tmp_path):
    break_copy(data_copy, case)
    row, column, rule = case["expect"]
    if row == "last":  # the appended duplicate: its spreadsheet row is the file's line count
        row = len((data_copy / case["file"]).read_text(encoding="utf-8").splitlines())
    problems = data.check_data(data_copy)
    matching = [p for p in problems if Path(p.file).name == case["file"] and p.rule == rule and p.row == row and p.column == column]
    assert matching, "\n".join(map(str, problems)) or "no problem found"

    previous = tmp_path / "site"
    previous.mkdir()
    (previous / "index.html").write_bytes(b"<p>the previous site</p>")
    with pytest.raises(BuildError, match=rf"failed validation; nothing was built:\n.*{case['file']}"):
        build.build_site(data_copy, previous)
    assert [p.name for p in tmp_path.iterdir()] == ["site"] or sorted(p.name for p in tmp_path.iterdir()) == ["data", "site"]
    assert [p.name for p in previous.iterdir()] == ["index.html"]
    assert (previous / "index.html").read_bytes() == b"<p>the previous site</p>"
