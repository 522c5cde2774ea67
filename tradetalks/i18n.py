"""Translating the template notebooks' prose, before Papermill runs them (the Japanese edition, issue 18).

A translated paragraph cannot be handed to Sphinx's gettext: it is re-parsed without the notebook's
glue data, and ``{glue:md}`` fails. So the markdown cells are translated in the template itself: one
message per markdown cell (its id is the message's context), kept in a gettext catalog per template
(``locale/<lang>/LC_MESSAGES/<template>.po``, read and written with Babel). Applying a catalog gives a
translated template that Papermill runs like the English one.

A catalog is only applied when it is complete: every cell translated, none fuzzy (its English changed
since it was translated), and every translation keeps the cell's glue placeholders, cross-references,
terms and labels, exactly, so a translated page shows the same figures and links as the English one.
"""

from __future__ import annotations

import copy
import io
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from tradetalks import project

LOCALE_DIR = project.ROOT / "locale"
LANGUAGES = ("ja",)
# What a translation must keep exactly: MyST roles with their targets ({glue:md}`name`, {ref}`label`,
# {term}`word` …), labels ((name)=), directive heads (```{admonition} …), and inline code.
KEPT = re.compile(r"\{[a-z:-]+\}`[^`]*`|^\([\w-]+\)=$|^(?:`{3,}|:{3,})\{[\w:-]+\}|(?<!`)`[^`\n]+`(?!`)", re.M)
# A term's shown word may be translated ({term}`関税 <tariff>`); its target may not.
TERM = re.compile(r"\{term\}`(?:[^`<]*<)?([^`>]+)>?`")


def kept(text: str) -> list[str]:
    """The parts of a markdown cell a translation must keep, in a canonical order (terms by their target)."""
    found = [match.group(0) for match in KEPT.finditer(text) if not match.group(0).startswith("{term}")]
    found += [f"{{term}}{target.strip()}" for target in TERM.findall(text)]
    return sorted(found)


def catalog_path(template: Path, lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{template.stem}.po"


def extract(template: Path, lang: str) -> Catalog:
    """A catalog of the template's markdown cells: one message per cell, the cell id as its context."""
    notebook = nbformat.read(template, as_version=4)
    catalog = Catalog(locale=lang, project=project.SITE_TITLE, fuzzy=False)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown" and cell.source.strip():
            catalog.add(cell.source, locations=[(template.name, index)], context=cell.get("id"))
    return catalog


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def write_catalog(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False, include_previous=True)
    path.write_bytes(buffer.getvalue())


def update(template: Path, lang: str) -> Path:
    """Write or refresh the template's catalog: new cells are added untranslated, changed cells marked fuzzy."""
    path = catalog_path(template, lang)
    fresh = extract(template, lang)
    if path.is_file():
        existing = read_catalog(path)
        existing.update(fresh, update_header_comment=False)
        existing.obsolete.clear()  # a cell that left the template leaves the catalog
        fresh = existing
    write_catalog(fresh, path)
    return path


@dataclass(frozen=True)
class Problem:
    """A cell a catalog cannot translate yet."""

    context: str
    what: str

    def __str__(self) -> str:
        return f"cell {self.context}: {self.what}"


def check(template: Path, catalog: Catalog) -> list[Problem]:
    """Every markdown cell of ``template`` that ``catalog`` leaves untranslated, fuzzy, or translates without keeping
    its placeholders, references, terms and labels."""
    problems = []
    notebook = nbformat.read(template, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "markdown" or not cell.source.strip():
            continue
        context = cell.get("id") or "?"
        message = catalog.get(cell.source, context=cell.get("id"))
        if message is None or not message.string:
            problems.append(Problem(context, "not translated"))
        elif message.fuzzy:
            problems.append(Problem(context, "fuzzy: the English changed since it was translated"))
        elif kept(message.string) != kept(cell.source):
            lost = sorted(set(kept(cell.source)) - set(kept(message.string)))
            added = sorted(set(kept(message.string)) - set(kept(cell.source)))
            problems.append(Problem(context, f"the translation drops {lost or 'nothing'} and adds {added or 'nothing'}"))
    return problems


class TranslationError(ValueError):
    """A template whose catalog is incomplete (the message lists every cell)."""


def translate(template: Path, lang: str, catalog: Catalog | None = None) -> nbformat.NotebookNode:
    """The template with its markdown cells in ``lang``; stops on any problem ``check`` finds."""
    catalog = catalog if catalog is not None else read_catalog(catalog_path(template, lang))
    problems = check(template, catalog)
    if problems:
        raise TranslationError(f"{template.name} ({lang}): " + "; ".join(str(p) for p in problems))
    notebook = copy.deepcopy(nbformat.read(template, as_version=4))
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.strip():
            cell.source = catalog.get(cell.source, context=cell.get("id")).string
    return notebook
