"""Find, validate and load the site's data tables.

The only module that knows where data lives and what shape it has. Schemas are
Frictionless Table Schemas in ``datapackage.json``; this module adds the two
rules the standard cannot express (a ``;``-separated list of source keys that
must resolve in ``sources.csv``, and a data folder holding exactly the files the
package describes) and turns every problem into one sentence naming file, row
and column.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import attrs
import frictionless as fl
import pandas as pd

PACKAGE_FILE = "datapackage.json"
SOURCES_TABLE = "sources"
SOURCE_KEY_COLUMN = "source_key"
# Columns whose keys must resolve in sources.csv (the original publisher a page cites has its own row).
ORIGINAL_KEY_COLUMN = "original_source_key"  # the original publisher a copy relays
SOURCE_KEY_COLUMNS = (SOURCE_KEY_COLUMN, ORIGINAL_KEY_COLUMN)
SOURCE_KEY_SEPARATOR = ";"
# Files a data folder may hold besides the tables its package describes.
ALLOWED_EXTRA_FILES = frozenset({PACKAGE_FILE, "README.md"})
# When set, every table a process loads is appended to this file (the build's incremental cache uses it).
TRACE_ENV = "TRADETALKS_TRACE"
PROJECT_FILE_PREFIX = "@"  # traced names starting with this are project files, relative to the repository

# Source tiers, best first: judged by the page a figure was actually read on (see the methods page).
TIERS = ("official", "industry", "news", "secondary")


def tier_rank(tier: str) -> int:
    """0 for official … 3 for secondary; anything else after them."""
    return TIERS.index(tier) if tier in TIERS else len(TIERS)


_PANDAS_TYPES = {"number": "float64", "integer": "Int64", "string": "str", "boolean": "boolean"}


def default_data_dir() -> Path:
    """The data folder shipped with the project (``data/`` beside the package)."""
    return Path(__file__).resolve().parent.parent / "data"


def resolve_data_dir(data_dir: str | Path | None = None) -> Path:
    """The folder to read: ``data_dir`` if given (and not empty), else the shipped one."""
    if data_dir is None or str(data_dir) == "":
        return default_data_dir()
    return Path(data_dir).expanduser().resolve()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data folder, located as precisely as possible."""

    file: str
    row: int | None
    column: str | None
    rule: str
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column}")
        return f"{', '.join(where)}: {self.message} [{self.rule}]"


class DataError(ValueError):
    """Raised when a data folder fails validation; ``problems`` lists every finding."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class SourceKeyError(fl.errors.CellError):
    """A ``source_key`` cell names a source that ``sources.csv`` does not have."""

    type = "source-key"
    title = "Unknown Source Key"
    description = "Every key in source_key must be a row of sources.csv."
    template = "{note}"


@attrs.define(kw_only=True, repr=False)
class _SourceKeysResolve(fl.Check):
    """Every key in a row's ``source_key`` cell must be a row of ``sources.csv``."""

    type = "source-key-resolves"
    known_keys: frozenset = attrs.field(factory=frozenset)
    Errors = [SourceKeyError]

    def validate_row(self, row: fl.Row) -> Iterator[fl.Error]:
        for column in SOURCE_KEY_COLUMNS:
            if column not in row.field_names or row[column] is None:
                continue  # "required" reports empty cells where a column must be filled
            cell = row[column]
            for key in (key.strip() for key in str(cell).split(SOURCE_KEY_SEPARATOR)):
                if key == "":
                    note = f'empty key in "{cell}" (keys are separated by "{SOURCE_KEY_SEPARATOR}")'
                elif key not in self.known_keys:
                    note = f'unknown source "{key}": it is not a source_key in sources.csv'
                else:
                    continue
                yield SourceKeyError.from_row(row, note=note, field_name=column)


def _read_package(data_dir: Path) -> dict:
    path = data_dir / PACKAGE_FILE
    if not path.is_file():
        raise DataError([Problem(_display(path), None, None, "missing-file", "the data package descriptor is missing")])
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DataError([Problem(_display(path), None, None, "invalid-json", str(error))]) from error


def _display(path: Path) -> str:
    """A path as users should read it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _resource_descriptor(package: dict, name: str, data_dir: Path) -> dict:
    for descriptor in package.get("resources", []):
        if descriptor.get("name") == name:
            return descriptor
    names = sorted(r.get("name", "?") for r in package.get("resources", []))
    raise KeyError(f"no table named {name!r} in {_display(data_dir / PACKAGE_FILE)}; tables: {', '.join(names)}")


_CONSTRAINT_WORDING = {
    "required": "is empty, but the column is required",
    "minimum": "is below the minimum of {limit}",
    "maximum": "is above the maximum of {limit}",
    "enum": "is not one of the allowed values: {limit}",
    "pattern": "does not have the expected form (pattern {limit})",
    "unique": "appears more than once, but must be unique",
}


def _constraint_message(error: fl.Error) -> tuple[str, str]:
    match = re.search(r'constraint "(\w+)" is "(.*)"$', error.note)
    if not match:
        return f'"{error.cell}" {error.note}', "constraint"
    rule, limit = match.groups()
    if rule == "enum":
        limit = ", ".join(re.findall(r"'([^']*)'", limit))
    wording = _CONSTRAINT_WORDING.get(rule, f"breaks the rule {rule} = {{limit}}").format(limit=limit)
    cell = "the cell" if error.cell in (None, "", "None") else f'"{error.cell}"'
    return f"{cell} {wording}", rule


def _problem(error: fl.Error, file: str, fields: list[str], primary_key: list[str]) -> Problem:
    """One Frictionless error as a Problem with a plain sentence."""
    row = getattr(error, "row_number", None)
    column = getattr(error, "field_name", None)
    kind = error.type
    if kind == "type-error":
        field_type = re.search(r'type is "(\w+)', error.note)
        field_type = field_type.group(1) if field_type else "value"
        hint = " (write plain digits: no thousands separators, units or currency signs)" if field_type in {"number", "integer"} else ""
        return Problem(file, row, column, "type", f'"{error.cell}" is not a valid {field_type}{hint}')
    if kind == "constraint-error":
        message, rule = _constraint_message(error)
        return Problem(file, row, column, rule, message)
    if kind == "primary-key":
        same_as = re.search(r"position (\d+)", error.note)
        earlier = f" as row {same_as.group(1)}" if same_as else ""
        return Problem(file, row, ", ".join(primary_key), "unique-key", f"duplicate key: same {', '.join(primary_key)}{earlier}")
    if kind in {"extra-cell", "missing-cell"}:
        return Problem(
            file, row, None, "ragged-row", f"row has the wrong number of cells ({kind.replace('-', ' ')}); expected {len(fields)}"
        )
    if kind == "incorrect-label":
        return Problem(file, 1, column, "columns", f'header says "{error.label}" where the schema expects "{column}"')
    if kind == "extra-label":
        return Problem(file, 1, error.label, "columns", f'unexpected column "{error.label}"; the schema lists: {", ".join(fields)}')
    if kind == "missing-label":
        return Problem(file, 1, column, "columns", f'missing column "{column}"')
    if kind == "unique-error":
        same_as = re.search(r"position (\d+)", error.note)
        earlier = f" as row {same_as.group(1)}" if same_as else ""
        return Problem(file, row, column, "unique", f'"{error.cell}" appears again: same {column}{earlier}')
    if kind == "blank-row":
        return Problem(file, row, None, "blank-row", "the row is empty")
    return Problem(file, row, column, kind, error.note or error.title)


def _problems_from_report(report: fl.Report, file: str, fields: list[str], primary_key: list[str]) -> list[Problem]:
    problems: list[Problem] = []
    ragged_rows: set[int] = set()
    for task in report.tasks:
        for error in task.errors:
            problem = _problem(error, file, fields, primary_key)
            if problem.rule == "ragged-row":
                if problem.row in ragged_rows:
                    continue
                ragged_rows.add(problem.row)
            problems.append(problem)
    # A ragged row also trips "required" on its missing cells: report the cause once.
    return [p for p in problems if p.rule == "ragged-row" or p.row not in ragged_rows]


def _header_problems(path: Path, display: str, fields: list[str]) -> list[Problem]:
    """Missing, unexpected or misordered columns, by name (clearer than cell-by-cell errors)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle), [])
    if header == fields:
        return []
    if len(header) == 1 and len(fields) > 1 and any(sep in header[0] for sep in ";\t|"):
        return [Problem(display, 1, None, "delimiter", f"the header is one column {header[0]!r}: separate columns with commas")]
    problems = [Problem(display, 1, name, "columns", f'missing column "{name}"') for name in fields if name not in header]
    problems += [
        Problem(display, 1, name, "columns", f'unexpected column "{name}"; the schema lists: {", ".join(fields)}')
        for name in header
        if name not in fields
    ]
    if not problems:
        problems.append(Problem(display, 1, None, "columns", f"columns are out of order; expected: {', '.join(fields)}"))
    return problems


def _file_fingerprint(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path), stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _validate_cached(fingerprint: tuple, descriptor_json: str, data_dir: str, known_keys: frozenset) -> tuple[Problem, ...]:
    descriptor = json.loads(descriptor_json)
    base = Path(data_dir)
    path = base / descriptor["path"]
    display = _display(path)
    if path.stat().st_size == 0:
        return (Problem(display, None, None, "empty-file", "the file is empty: it needs at least a header row"),)
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        return (Problem(display, line, None, "encoding", f"not UTF-8 text (byte {error.start}); save the file as UTF-8"),)
    fields = [f["name"] for f in descriptor["schema"]["fields"]]
    header_problems = _header_problems(path, display, fields)
    if header_problems:
        return tuple(header_problems)  # rows cannot be read against a wrong header
    descriptor = {**descriptor, "encoding": "utf-8-sig", "dialect": {"csv": {"delimiter": ","}}}
    resource = fl.Resource(descriptor, basepath=str(base))
    checks = [_SourceKeysResolve(known_keys=known_keys)] if known_keys else []
    report = resource.validate(fl.Checklist(checks=checks))
    problems = _problems_from_report(report, display, fields, descriptor["schema"].get("primaryKey", []))
    if not problems:
        header_only = report.tasks[0].stats.get("rows", 0) == 0 if report.tasks else False
        if header_only:
            problems.append(Problem(display, None, None, "no-rows", "the file has a header but no data rows"))
    return tuple(problems)


def _known_source_keys(data_dir: Path, package: dict) -> frozenset:
    descriptor = _resource_descriptor(package, SOURCES_TABLE, data_dir)
    path = data_dir / descriptor["path"]
    if not path.is_file():
        return frozenset()
    try:
        sources = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError):
        return frozenset()
    if SOURCE_KEY_COLUMN not in sources.columns:
        return frozenset()
    return frozenset(sources[SOURCE_KEY_COLUMN].str.strip())


def _table_problems(data_dir: Path, package: dict, name: str) -> list[Problem]:
    descriptor = _resource_descriptor(package, name, data_dir)
    path = data_dir / descriptor["path"]
    if not path.is_file():
        return [
            Problem(_display(path), None, None, "missing-file", f"table {name!r} is described in {PACKAGE_FILE} but its file is missing")
        ]
    known = _known_source_keys(data_dir, package) if name != SOURCES_TABLE else frozenset()
    descriptor_json = json.dumps(descriptor, sort_keys=True)
    return list(_validate_cached(_file_fingerprint(path), descriptor_json, str(data_dir), known))


def check_data(data_dir: str | Path | None = None) -> list[Problem]:
    """Every problem in a data folder: schemas, sources, missing and unexpected files."""
    base = resolve_data_dir(data_dir)
    if not base.is_dir():
        return [Problem(_display(base), None, None, "missing-folder", "the data folder does not exist")]
    try:
        package = _read_package(base)
    except DataError as error:
        return error.problems
    problems: list[Problem] = []
    described = {descriptor.get("path") for descriptor in package.get("resources", [])}
    for path in sorted(p for p in base.rglob("*") if p.is_file()):
        relative = path.relative_to(base).as_posix()
        if relative not in described and relative not in ALLOWED_EXTRA_FILES:
            problems.append(
                Problem(_display(path), None, None, "unexpected-file", f"not described in {PACKAGE_FILE}: describe it there or remove it")
            )
    for descriptor in package.get("resources", []):
        table_problems = _table_problems(base, package, descriptor["name"])
        problems.extend(table_problems)
        if not table_problems:
            problems.extend(_series_problems(base, descriptor))
            problems.extend(_needed_id_problems(base, descriptor))
    return problems


CHAPTERS_PACKAGE = "tradetalks.chapters"


@functools.lru_cache(maxsize=1)
def needed_ids() -> dict[str, dict[str, dict[str, str]]]:
    """Rows the pages pick by a stable id: table -> id column -> {id: the page that needs it}.

    Each page declares its own in ``tradetalks/chapters/<page>/needs.py`` (``NEEDED``, a light module:
    check-data reads it without loading the page's code). A data folder without one of these rows
    cannot build that page, so check-data says so first.
    """
    import importlib
    import pkgutil

    chapters = importlib.import_module(CHAPTERS_PACKAGE)
    found: dict[str, dict[str, dict[str, str]]] = {}
    for module in sorted(pkgutil.iter_modules(chapters.__path__), key=lambda m: m.name):
        try:
            needs = importlib.import_module(f"{CHAPTERS_PACKAGE}.{module.name}.needs")
        except ModuleNotFoundError:
            continue
        for table, columns in needs.NEEDED.items():
            for column, ids in columns.items():
                found.setdefault(table, {}).setdefault(column, {}).update(dict.fromkeys(ids, module.name))
    return found


def row_by_id(table: pd.DataFrame, column: str, row_id: str) -> pd.Series:
    """The one row whose id ``column`` holds ``row_id``: ids, not a label's wording, pick rows.

    The table's name (tagged by ``load_table``) goes into the error, so a data folder missing a row a
    chapter needs says which file to mend.
    """
    rows = table[table[column] == row_id]
    if rows.empty:
        raise KeyError(f"{' and '.join(tables_of(table)) or 'the table'} has no row with {column} {row_id!r}")
    return rows.iloc[0]


def rows_by_id(table: pd.DataFrame, column: str, *row_ids: str) -> pd.DataFrame:
    """Every row whose id ``column`` holds one of ``row_ids`` (several rows may share a series id)."""
    return table[table[column].isin(row_ids)]


def _needed_id_problems(base: Path, descriptor: dict) -> list[Problem]:
    """Every id a chapter picks a row by is present in its table."""
    needed = needed_ids().get(descriptor["name"], {})
    if not needed:
        return []
    path = base / descriptor["path"]
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    problems = []
    for column, ids in needed.items():
        present = set(table[column]) if column in table.columns else set()
        for name, chapter in ids.items():
            if name not in present:
                problems.append(
                    Problem(
                        _display(path),
                        None,
                        column,
                        "needed-id",
                        f"no row has {column} {name!r}, which the {chapter} page needs",
                    )
                )
    return problems


SERIES_COLUMN = "series"
CONSISTENT = "consistent"
# Columns that say where a row came from, not what it measures: two rows differing only in these
# are two figures for the same thing.
PROVENANCE_COLUMNS = frozenset({SOURCE_KEY_COLUMN, "status", SERIES_COLUMN})


def _series_problems(base: Path, descriptor: dict) -> list[Problem]:
    """At most one row of the consistent series for each thing measured (a year, say)."""
    fields = [f["name"] for f in descriptor["schema"]["fields"]]
    if SERIES_COLUMN not in fields:
        return []
    measured = [column for column in descriptor["schema"].get("primaryKey", []) if column not in PROVENANCE_COLUMNS]
    path = base / descriptor["path"]
    table = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    consistent = table[table[SERIES_COLUMN] == CONSISTENT]
    problems = []
    for key, group in consistent.groupby(measured, sort=False):
        if len(group) < 2:
            continue
        rows = [int(index) + 2 for index in group.index]  # spreadsheet rows: the header is row 1
        what = ", ".join(f"{column} {value}" for column, value in zip(measured, key if isinstance(key, tuple) else (key,), strict=True))
        message = f"rows {', '.join(map(str, rows))} all claim the consistent series for {what}: keep one, mark the others other_vintage"
        problems += [Problem(_display(path), row, SERIES_COLUMN, "consistent-series", message) for row in rows]
    return problems


def table_names(data_dir: str | Path | None = None) -> list[str]:
    """Names of the tables a data folder describes, in package order."""
    base = resolve_data_dir(data_dir)
    return [descriptor["name"] for descriptor in _read_package(base).get("resources", [])]


def table_schema(name: str, data_dir: str | Path | None = None) -> dict:
    """The package's descriptor for one table (title, description, schema with units)."""
    base = resolve_data_dir(data_dir)
    return _resource_descriptor(_read_package(base), name, base)


def load_table(name: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Load one table after validating it (and its source keys); raise DataError if it is wrong."""
    base = resolve_data_dir(data_dir)
    package = _read_package(base)
    problems = _table_problems(base, package, name)
    if name != SOURCES_TABLE:
        problems += _table_problems(base, package, SOURCES_TABLE)
    if problems:
        raise DataError(problems)
    descriptor = _resource_descriptor(package, name, base)
    fields = descriptor["schema"]["fields"]
    dtypes = {f["name"]: _PANDAS_TYPES.get(f.get("type", "string"), "str") for f in fields}
    table = pd.read_csv(base / descriptor["path"], dtype=dtypes, keep_default_na=False, na_values=[""], encoding="utf-8-sig")
    table.attrs.update({TABLES_TAG: (name,), DATA_DIR_TAG: str(base)})
    _trace(descriptor["path"])
    return table


# Tags every loaded frame carries (pandas keeps ``attrs`` through filters, selections and sorts):
# the tables its rows came from and the data folder, so a chart can name its own sources.
TABLES_TAG, DATA_DIR_TAG = "tables", "data_dir"


def derived_from(frame: pd.DataFrame, *inputs: pd.DataFrame) -> pd.DataFrame:
    """Tag ``frame`` (built anew, merged or concatenated) with the tables and data folder of its inputs.

    pandas drops ``attrs`` when frames of different tables meet (``concat``, ``merge``) and a frame
    built from dicts has none; this restores them, so the frame still knows where its rows came from.
    """
    frame.attrs[TABLES_TAG] = tables_of(*inputs)
    folders = {source.attrs[DATA_DIR_TAG] for source in inputs if DATA_DIR_TAG in source.attrs}
    if len(folders) > 1:
        raise ValueError(f"frames from different data folders: {sorted(folders)}")
    if folders:
        frame.attrs[DATA_DIR_TAG] = folders.pop()
    return frame


def read_from(frame: pd.DataFrame, *names: str, data_dir: str | Path | None = None) -> pd.DataFrame:
    """Tag a frame read from files other than data tables (``notebooks/grid.yml``, an example CSV) with their names.

    A figure drawn from it then names those files in its source line, as a data table's frame does.
    """
    frame.attrs[TABLES_TAG] = names
    frame.attrs[DATA_DIR_TAG] = str(resolve_data_dir(data_dir))
    return frame


def tables_of(*frames: pd.DataFrame) -> tuple[str, ...]:
    """The data tables the frames' rows came from, in first-seen order."""
    return tuple(dict.fromkeys(name for frame in frames for name in frame.attrs.get(TABLES_TAG, ())))


def data_dir_of(*frames: pd.DataFrame) -> str | None:
    """The data folder the frames were loaded from (None if they carry no tag)."""
    return next((frame.attrs[DATA_DIR_TAG] for frame in frames if DATA_DIR_TAG in frame.attrs), None)


def trace_project_file(path: Path) -> None:
    """Record that a page read a project file (not a data table), so a change to it re-runs the page."""
    root = Path(__file__).resolve().parent.parent
    _trace(PROJECT_FILE_PREFIX + Path(path).resolve().relative_to(root).as_posix())


def _trace(relative_path: str) -> None:
    trace = os.environ.get(TRACE_ENV)
    if trace:
        with open(trace, "a", encoding="utf-8") as handle:
            handle.write(relative_path + "\n")


# A date at the start of an ``as_of`` cell: YYYY, YYYY-MM or YYYY-MM-DD; a range such as 2024-2025 reads as its
# start year (the lookahead stops "2024-20" being taken for a month).
AS_OF_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-\d{2})?)?(?!\d)")


def newest_as_of(values: Iterable[object]) -> str:
    """The newest dated ``as_of`` among the values, or '' when none is dated."""
    dates = [m.group(0) for value in values if isinstance(value, str) and (m := AS_OF_DATE.match(value))]
    return max(dates) if dates else ""


def split_source_keys(cell: str) -> list[str]:
    """The keys in one ``source_key`` cell, in order."""
    return [key.strip() for key in str(cell).split(SOURCE_KEY_SEPARATOR) if key.strip()]


def sources_cited(*tables: pd.DataFrame, data_dir: str | Path | None = None, original: bool = False) -> pd.DataFrame:
    """The sources behind the rows of one or more (filtered) tables; ``original`` adds the original publishers."""
    columns = SOURCE_KEY_COLUMNS if original else (SOURCE_KEY_COLUMN,)
    keys = [
        key
        for table in tables
        for column in columns
        if column in table.columns
        for cell in table[column].dropna()
        for key in split_source_keys(cell)
    ]
    return sources_for(keys, data_dir)


def sources_for(rows: pd.DataFrame | Iterable[str], data_dir: str | Path | None = None) -> pd.DataFrame:
    """The ``sources.csv`` rows cited by a table's rows (or by a list of keys or key cells), in first-cited order."""
    if isinstance(rows, pd.DataFrame):
        cells = rows[SOURCE_KEY_COLUMN].dropna()
        keys = [key for cell in cells for key in split_source_keys(cell)]
    else:
        keys = [key for cell in rows for key in split_source_keys(cell)]  # a cell may list several keys
    ordered = list(dict.fromkeys(keys))
    sources = load_table(SOURCES_TABLE, data_dir).set_index(SOURCE_KEY_COLUMN)
    return sources.loc[ordered].reset_index()
