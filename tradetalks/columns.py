"""Column headers and number formats for readers: words and units, never a raw name like ``balance_musd``.

A table on the site shows each column under a title in words and its numbers to the precision the
data carry. Both come from one of two places:

- a column read from a data table: its field's ``title`` and ``decimals`` in ``datapackage.json``;
- a column a page derives (``cars_share_pct``): ``COLUMNS`` in ``tradetalks/chapters/<page>/columns.py``.

A header that is already words ("use phase (g/km)") is shown as it is, capitalised. A raw name with
no title anywhere stops the page with an error naming it, so no identifier reaches a reader. The CSV
download keeps the raw names: analysts get the schema's names, readers the words.

A title is an English message, translated when a table or tooltip shows it (``tr``): a field's title from
the data package's catalog (``code/data.po``), a page's ``Column(N_("…"))`` from its chapter's catalog; the
translation keeps the unit in brackets, as the title has it.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
from dataclasses import dataclass

import pandas as pd

from tradetalks import data
from tradetalks.i18n import tr

IDENTIFIER = re.compile(r"[a-z0-9]+(_[a-z0-9]+)*")
YEAR_LIKE = re.compile(r"(^|_)(year|years|fy)($|_)")  # integers shown without a thousands separator (2,024)


AS_STATED = "as_stated"  # a column mixing units (a long table's value): each number as its source states it


@dataclass(frozen=True)
class Column:
    """How a column reads: its header (words, unit in brackets) and its numbers' decimals (an int, or
    ``AS_STATED`` for a column mixing units; None: not a number)."""

    title: str
    decimals: int | str | None = None


def _shown(column: Column) -> Column:
    """The column with its title in the current language."""
    return Column(tr(column.title), column.decimals)


class ColumnTitleError(ValueError):
    """A column a reader would see has no title in words."""


@functools.lru_cache(maxsize=1)
def derived_columns() -> dict[str, Column]:
    """Every page's ``COLUMNS`` together (a name means one thing on every page: a test checks it)."""
    chapters = importlib.import_module(data.CHAPTERS_PACKAGE)
    merged: dict[str, Column] = {}
    for page in pkgutil.iter_modules(chapters.__path__):
        try:
            module = importlib.import_module(f"{data.CHAPTERS_PACKAGE}.{page.name}.columns")
        except ModuleNotFoundError as error:
            if error.name != f"{data.CHAPTERS_PACKAGE}.{page.name}.columns":
                raise
            continue
        merged.update(module.COLUMNS)
    return merged


def _schema_fields(tables: tuple[str, ...], data_dir: str | None, every: bool = False) -> dict:
    """The fields of the frame's own data tables, by name (the first table naming a field wins; with
    ``every``, a list of every table's field of that name)."""
    fields: dict = {}
    for table in tables:
        try:
            descriptor = data.table_schema(table, data_dir)
        except (KeyError, data.DataError, ValueError):
            continue  # a project file such as notebooks/grid.yml: not in the package
        for field in descriptor["schema"]["fields"]:
            if every:
                fields.setdefault(field["name"], []).append(field)
            else:
                fields.setdefault(field["name"], field)
    return fields


def column_for(name: str, tables: tuple[str, ...] = (), data_dir: str | None = None) -> Column | None:
    """How one column reads (its title in the current language), if it is known (a field of ``tables`` or a page's
    derived column); else None."""
    field = _schema_fields(tables, data_dir).get(name)
    if field and field.get("title"):
        return _shown(Column(field["title"], field.get("decimals") if field.get("type") in ("number", "integer") else None))
    if name in derived_columns():
        return _shown(derived_columns()[name])
    # a field of another table (a source's publisher beside a figure): its title, if every table gives it the same
    found = {
        (f["title"], f.get("decimals") if f.get("type") in ("number", "integer") else None)
        for f in _schema_fields(tuple(data.table_names(data.resolve_data_dir(data_dir))), data_dir, every=True).get(name, [])
    }
    return _shown(Column(*found.pop())) if len(found) == 1 else None


def is_identifier(header: object) -> bool:
    return isinstance(header, str) and IDENTIFIER.fullmatch(header) is not None


def reader_columns(frame: pd.DataFrame, tables: tuple[str, ...] = (), data_dir: str | None = None) -> dict[str, Column]:
    """Each column's header in words (in the current language) and its decimals, for a frame drawn from ``tables``."""
    fields = _schema_fields(tables or data.tables_of(frame), data_dir or data.data_dir_of(frame))
    derived = derived_columns()
    found: dict[str, Column] = {}
    missing = []
    for name in frame.columns:
        if name in fields and fields[name].get("title"):
            field = fields[name]
            decimals = field.get("decimals") if field.get("type") in ("number", "integer") else None
            found[name] = _shown(Column(field["title"], decimals))
        elif name in derived:
            found[name] = _shown(derived[name])
        elif not is_identifier(name):
            found[name] = Column(str(name)[:1].upper() + str(name)[1:])
        else:
            missing.append(f"{name} (no title)")
            continue
        if found[name].decimals is None and pd.api.types.is_float_dtype(frame[name].dtype):
            missing.append(f"{name} (numbers with no decimals declared)")
    if missing:
        raise ColumnTitleError(
            f"column(s) {', '.join(missing)}: give the field a title (and decimals) in datapackage.json or in the page's columns.py COLUMNS"
        )
    return found


def format_number(value: object, decimals: int | str | None, *, year_like: bool = False) -> object:
    """A number as a table shows it: thousands separators and the column's decimals; text and gaps unchanged."""
    if decimals is None or isinstance(value, bool) or not isinstance(value, int | float) or pd.isna(value):
        return value
    if decimals == AS_STATED:  # the shortest text that reads back as the stored number: 0.2951, 540, 1,250.5
        sign, (whole, _, fraction) = "-" if value < 0 else "", repr(abs(float(value))).partition(".")
        whole = whole if year_like or not whole.isdigit() else f"{int(whole):,}"
        return sign + (whole if fraction in ("", "0") else f"{whole}.{fraction}")
    if year_like:
        return f"{value:.{decimals}f}"
    return f"{value:,.{decimals}f}"


def for_readers(frame: pd.DataFrame, tables: tuple[str, ...] = (), data_dir: str | None = None) -> pd.DataFrame:
    """The frame as readers see it: headers in words, numbers formatted; empty cells stay empty (NA)."""
    columns = reader_columns(frame, tables, data_dir)
    shown = frame.copy()
    for name, column in columns.items():
        if column.decimals is not None and pd.api.types.is_numeric_dtype(shown[name].dtype):
            year_like = YEAR_LIKE.search(str(name)) is not None
            shown[name] = shown[name].astype(object).map(lambda value, c=column, y=year_like: format_number(value, c.decimals, year_like=y))
    return shown.rename(columns={name: column.title for name, column in columns.items()})
