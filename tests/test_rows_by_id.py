"""Rows are picked by ids and role columns, never by a label's wording or a source key.

Two checks, one static and one end to end (tests/wording.py says which columns hold wording):
- a scan of the string literals in the package and the chapter templates' code cells fails when a
  literal that can pick rows equals (or, for a phrase, lies within) a value of a wording column;
- every chapter, run on a copy of the data with all wording reworded, shows the same numbers as
  the published chapter.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest

from tests.wording import ID, proper_names, reword_labels, tables, wording_values
from tradetalks import build, data, execute
from tradetalks.grid import load_grid

# Pages whose numbers legitimately follow the wording: the catalogue counts distinct labels and
# describes columns; the rerun and teaching pages show parameters and exercises, not figures.
PAGES_ABOUT_THE_DATA = frozenset({"data_catalogue", "rerun", "teaching"})
MIN_PHRASE = 6  # shorter literals ("BEV", "yes") match too much wording by chance to count as a pick


def _literals(tree: ast.AST) -> Iterator[ast.Constant]:
    """String literals of code: not docstrings, not the text parts of f-strings (prose, not picks)."""
    prose: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            prose |= {id(part) for part in node.values}
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            prose.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
            yield node


# their arguments are what a cell or a header shows, not a pick (tr and N_: words the site writes, in any language)
FILLS = frozenset({"fillna", "astype", "join", "format", "Column", "tr", "N_"})


def _called(function: ast.AST) -> str:
    return function.attr if isinstance(function, ast.Attribute) else function.id if isinstance(function, ast.Name) else ""


# Module constants that hold column names (a page's reader headers) or the prose's own vocabulary (the
# qualifiers a source may put on a figure): words the site writes, never compared with a cell to pick a row.
# text.compare's own keywords ("more than") and what the prose makes of them are the code's vocabulary too.
NOT_PICKS = frozenset({"COLUMNS", "QUALIFIERS", "JA_QUALIFIERS", "COMPARED", "MORE", "LESS"})


def _names(target: ast.AST) -> list[str]:
    """The names an assignment binds: ``X`` or each of ``X, Y``."""
    if isinstance(target, ast.Tuple):
        return [name for element in target.elts for name in _names(element)]
    return [target.id] if isinstance(target, ast.Name) else [""]


def _strings_in(node: ast.AST) -> list[ast.Constant]:
    """The string literals a value holds: itself, the items of a tuple, list or set, a dict's keys."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node]
    items = node.keys if isinstance(node, ast.Dict) else node.elts if isinstance(node, ast.Tuple | ast.List | ast.Set) else []
    return [item for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)]


def pick_literals(tree: ast.AST) -> Iterator[ast.Constant]:
    """Literals that can pick rows: compared with ``==``/``in``, given to a selecting method or as a
    positional argument to any function (which may compare it), or held by a module constant (its
    strings, tuple items and dict keys; dict values are display text)."""
    operands: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands += [node.left, *node.comparators]
        elif isinstance(node, ast.Call) and _called(node.func) not in FILLS:
            operands += node.args
    for node in getattr(tree, "body", []):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if node.value is not None and not any(all(name in NOT_PICKS for name in _names(t)) for t in targets) if targets else False:
            operands.append(node.value)
    allowed = {id(node) for node in _literals(tree)}
    seen: set[int] = set()
    for literal in (literal for operand in operands for literal in _strings_in(operand)):
        if id(literal) in allowed and id(literal) not in seen and not ID.fullmatch(literal.value):
            seen.add(id(literal))
            yield literal


def code_sources() -> Iterator[tuple[str, str]]:
    """(name, code) of every package module and every template notebook's code cells."""
    for path in sorted((build.ROOT / "tradetalks").rglob("*.py")):
        yield path.relative_to(build.ROOT).as_posix(), path.read_text(encoding="utf-8")
    for path in sorted((build.ROOT / "notebooks").glob("*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code" and not cell.source.startswith("%"))
        yield path.relative_to(build.ROOT).as_posix(), code


def wording_picks(values: dict[str, set[str]], sources: Iterator[tuple[str, str]], names: frozenset[str] = frozenset()) -> list[str]:
    """'file:line "literal" (table.column)' for each literal that names a row by its wording (``names``: proper names)."""
    phrases = [value for value in values if " " in value]
    found = []
    for name, code in sources:
        for node in pick_literals(ast.parse(code)):
            text = node.value
            columns = values.get(text)
            if columns is None and text not in names and len(text) >= MIN_PHRASE and " " in text.strip():
                columns = {column for value in phrases if text in value for column in values[value]}
            if columns:
                found.append(f'{name}:{node.lineno} "{text}" ({", ".join(sorted(columns))})')
    return found


def test_no_code_picks_a_row_by_its_wording():
    picks = wording_picks(wording_values(), code_sources(), frozenset(proper_names()))
    assert picks == [], "rows picked by a label's wording (add an id or role column):\n" + "\n".join(picks)


def test_the_scan_finds_a_pick_by_wording():
    values = {"US imports of cars from Japan": {"japan_auto_exports_us.metric"}}
    code = 'cars = exports[exports["metric"] == "US imports of cars from Japan"]\nshare = t[t["metric"].str.contains("cars from Japan")]'
    picks = wording_picks(values, iter([("fixture.py", code)]))
    assert picks == [
        'fixture.py:1 "US imports of cars from Japan" (japan_auto_exports_us.metric)',
        'fixture.py:2 "cars from Japan" (japan_auto_exports_us.metric)',
    ]


def test_prose_and_docstrings_are_not_picks():
    values = {"US imports of cars from Japan": {"japan_auto_exports_us.metric"}}
    code = '"""US imports of cars from Japan."""\ntitle = f"US imports of cars from Japan in {year}"'
    assert wording_picks(values, iter([("fixture.py", code)])) == []


def test_no_code_names_a_source_key():
    keys = set(data.load_table("sources")["source_key"])
    named = [
        f'{name}:{node.lineno} "{node.value}"' for name, code in code_sources() for node in _literals(ast.parse(code)) if node.value in keys
    ]
    assert named == []


NUMBER = re.compile(r"\d[\d,.]*")
TABLE_OR_TEXT = ("application/papermill.record/text/plain", "text/plain")


def numbers_shown(notebook_path: Path) -> list[list[str]]:
    """The numbers in each glued value and each table of a chapter, sorted (rewording may reorder rows)."""
    notebook = nbformat.read(notebook_path, as_version=4)
    shown = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            for kind in TABLE_OR_TEXT:
                if kind in output.get("data", {}):
                    shown.append(sorted(NUMBER.findall(str(output["data"][kind]))))
                    break
    return shown


@pytest.mark.heavy
@pytest.mark.xdist_group("reworded-labels")
def test_rewording_every_label_changes_no_number(data_copy: Path, tmp_path: Path):
    assert reword_labels(data_copy) > 1000
    assert data.check_data(data_copy) == []
    runs = [run for run in load_grid().runs if run.page not in PAGES_ABOUT_THE_DATA]
    execute.execute_runs(runs, tmp_path, str(data_copy), jobs=1)
    for run in runs:
        reworded = numbers_shown(tmp_path / f"{run.page}.ipynb")
        assert reworded == numbers_shown(build.ROOT / "book" / f"{run.page}.ipynb"), run.page


def id_values() -> dict[str, tuple[str, str]]:
    """Each value of a row-id column (a ``pattern`` and ``unique`` constraint) -> (table, column)."""
    ids = {}
    for resource, table in tables():
        for field in resource["schema"]["fields"]:
            constraints = field.get("constraints", {})
            if "pattern" in constraints and constraints.get("unique"):
                ids |= {value: (resource["name"], field["name"]) for value in table[field["name"]] if value}
    return ids


def test_every_row_id_the_code_names_is_checked_by_check_data():
    """An id written in code is a row a chapter needs: check-data must say so when a data folder lacks it."""
    ids = id_values()
    unregistered = sorted(
        f'{name}:{node.lineno} "{node.value}" ({" ".join(ids[node.value])})'
        for name, code in code_sources()
        for node in _literals(ast.parse(code))
        if node.value in ids and node.value not in data.needed_ids().get(ids[node.value][0], {}).get(ids[node.value][1], {})
    )
    assert unregistered == [], "ids named in code but missing from the pages' needs.py:\n" + "\n".join(unregistered)
