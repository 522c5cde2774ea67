"""Translating the template notebooks' prose, before Papermill runs them (the Japanese edition, issue 18).

A translated paragraph cannot be handed to Sphinx's gettext: it is re-parsed without the notebook's
glue data, and ``{glue:md}`` fails. So the markdown cells are translated in the template itself: one
message per markdown cell (its id is the message's context), kept in a gettext catalog per template
(``locale/<lang>/LC_MESSAGES/<template>.po``, read and written with Babel). Applying a catalog gives a
translated template that Papermill runs like the English one.

A catalog is only applied when it is complete: every cell translated, none fuzzy (its English changed
since it was translated), and every translation keeps the cell's glue placeholders, cross-references,
terms and labels, exactly, so a translated page shows the same figures and links as the English one.

The words the code writes (chart titles, table headers, glued sentences, units) are translated at run time
with ``tr``: a chapter run for the Japanese edition starts with ``use("ja")`` (a hidden cell ``translate``
puts after the parameters), and ``tr`` then looks each English message up in the code catalogs
(``locale/<lang>/LC_MESSAGES/code/<domain>.po``: ``tradetalks`` for the shared modules, one per chapter).
A message with no translation stops the run: no Japanese page shows an English phrase by accident.
"""

from __future__ import annotations

import contextvars
import copy
import functools
import io
import json
import os
import re
import string
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from tradetalks import project

if TYPE_CHECKING:  # nbformat takes most of a second to import: only extracting and translating need it
    import nbformat

LOCALE_DIR = project.ROOT / "locale"
LANGUAGES = ("ja",)
SOURCE_LANGUAGE = "en"
CODE_DOMAINS_DIR = "code"  # locale/<lang>/LC_MESSAGES/code/<domain>.po: the words the code writes
KEYWORDS = {"tr": None, "N_": None}  # what extraction looks for in the code: tr("…") now, N_("…") marked for later

# The language the code writes in, and the page whose catalogs come first (a short message, "none", may differ
# between pages). Context variables, not globals: the build runs English and Japanese chapters side by side in
# threads, and each thread's footers and boxes must speak its own chapter's language.
_state: contextvars.ContextVar[tuple[str, str | None]] = contextvars.ContextVar("tradetalks_language", default=(SOURCE_LANGUAGE, None))


class MissingTranslation(KeyError):
    """The code asked for a message the language's catalogs do not translate."""

    def __str__(self) -> str:
        return str(self.args[0])


def use(lang: str, chapter: str | None = None) -> None:
    """Write everything from here on in ``lang`` (``en`` or one of ``LANGUAGES``); ``chapter``'s catalogs (its code's
    and its data words') are looked in first, then the shared ones, then every other chapter's."""
    if lang != SOURCE_LANGUAGE and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; languages: {', '.join((SOURCE_LANGUAGE, *LANGUAGES))}")
    _state.set((lang, chapter))


def current() -> str:
    """The language the code writes in now."""
    return _state.get()[0]


@contextmanager
def language(lang: str, chapter: str | None = None) -> Iterator[None]:
    """Write in ``lang`` inside the block, then in the language before it."""
    before = _state.get()
    use(lang, chapter)
    try:
        yield
    finally:
        use(*before)


def code_catalog_path(domain: str, lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / CODE_DOMAINS_DIR / f"{domain}.po"


def _catalog_stamps(lang: str) -> tuple:
    folder = LOCALE_DIR / lang / "LC_MESSAGES" / CODE_DOMAINS_DIR
    return tuple((path, path.stat().st_mtime_ns) for path in sorted(folder.glob("*.po")))


@functools.lru_cache(maxsize=16)
def _translations(lang: str, stamps: tuple, chapter: str | None) -> dict[str, str]:
    """Every translated message of ``lang``'s code catalogs, the chapter's own winning over the shared ones and those
    over other chapters' (``stamps``: the catalog files and their times, so an edited catalog is read again)."""
    first = [chapter + COLLECTED_SUFFIX, chapter] if chapter else []
    order = {domain: rank for rank, domain in enumerate(first + [SHARED_DOMAIN, DATA_DOMAIN])}
    found: dict[str, str] = {}
    for path, _stamp in sorted(stamps, key=lambda item: -order.get(item[0].stem, len(order))):  # others first, the chapter's last
        for message in read_catalog(path):
            if message.id and message.string and not message.fuzzy:
                found[message.id] = message.string
    return found


COLLECT_ENV = "TRADETALKS_I18N_COLLECT"  # a file: tr() writes missing messages there instead of stopping


def tr(message: str) -> str:
    """``message`` in the current language. In a translated language a message without a (non-fuzzy) translation
    raises ``MissingTranslation``, naming the message and how to add it (or, while collecting, is noted and returned)."""
    language, chapter = _state.get()
    if language == SOURCE_LANGUAGE:
        return message
    try:
        return _translations(language, _catalog_stamps(language), chapter)[message]
    except KeyError:
        collect = os.environ.get(COLLECT_ENV)
        if collect:  # a collecting run (python -m tradetalks i18n collect): note it, go on in English
            with open(collect, "a", encoding="utf-8") as notes:
                notes.write(json.dumps(message, ensure_ascii=False) + "\n")
            return message
        raise MissingTranslation(
            f"no {language} translation of {message!r}: run 'python -m tradetalks i18n update', translate it in "
            f"locale/{language}/LC_MESSAGES/{CODE_DOMAINS_DIR}/, and check with 'python -m tradetalks i18n status'"
        ) from None


def name(proper: str) -> str:
    """A proper name (who produced a figure, the site it was read on) as the current language writes it: its
    translation where a catalog gives one (米国勢調査局), else as the source writes it (Opportimes, GitHub: a/b),
    which is how a Japanese text names a foreign outlet too. Unlike ``tr``, never stops a run."""
    language, chapter = _state.get()
    if language == SOURCE_LANGUAGE:
        return proper
    return _translations(language, _catalog_stamps(language), chapter).get(proper, proper)


def N_(message: str) -> str:  # noqa: N802 - gettext's name for "mark for translation, translate later"
    """Mark ``message`` for the catalogs without translating it (a constant translated where it is used, with ``tr``)."""
    return message


def fields(message: str) -> list[str]:
    """The ``{name}`` fields of a message ``str.format`` fills, sorted: a translation must keep them all."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(message) if name is not None)


# What a translation must keep exactly: MyST roles with their targets ({glue:md}`name`, {ref}`label`,
# {term}`word` …), labels ((name)=), directive heads (```{admonition} …), and inline code.
KEPT = re.compile(r"\{[a-z:-]+\}`[^`]*`|^\([\w-]+\)=$|^(?:`{3,}|:{3,})\{[\w:-]+\}|(?<!`)`[^`\n]+`(?!`)", re.M)
# A role's shown words may be translated ({term}`関税 <tariff>`, {ref}`グラフを見る <label>`); its target may not.
ROLE = re.compile(r"\{([a-z:-]+)\}`([^`]*)`")
SHOWN_AND_TARGET = re.compile(r"^(?:[^<]*<)?([^<>]+)>?$")


def kept(text: str) -> list[str]:
    """The parts of a markdown cell a translation must keep, in a canonical order (roles by their target)."""
    found = []
    for match in KEPT.finditer(text):
        role = ROLE.fullmatch(match.group(0))
        if role is None:
            found.append(match.group(0))
        else:  # {role}`shown <target>` keeps its role and target; {role}`target` the same
            target = SHOWN_AND_TARGET.match(role.group(2).strip())
            found.append(f"{{{role.group(1)}}}`{(target.group(1) if target else role.group(2)).strip()}`")
    return sorted(found)


def _kept_difference(english: str, translation: str) -> str:
    """What a translation lost and gained of the kept parts, counting repeats: "drops ['`x`'] and adds nothing"."""
    from collections import Counter

    source, target = Counter(kept(english)), Counter(kept(translation))
    lost, added = sorted((source - target).elements()), sorted((target - source).elements())
    return f"the translation drops {lost or 'nothing'} and adds {added or 'nothing'}"


def catalog_path(template: Path, lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{template.stem}.po"


def extract(template: Path, lang: str) -> Catalog:
    """A catalog of the template's markdown cells: one message per cell, the cell id as its context."""
    import nbformat

    notebook = nbformat.read(template, as_version=4)
    catalog = Catalog(locale=lang, project=project.SITE_TITLE, fuzzy=False)
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown" and cell.source.strip():
            catalog.add(cell.source, locations=[(template.name, index)], context=cell.get("id"))
    return catalog


def read_catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


HEADER_COMMENT = "# {lang} translations for the site; the terms and style: locale/{lang}/STYLE.md.\n#"
# header fields that change on every write: left out, so a catalog changes only when its messages do
VOLATILE_HEADER = re.compile(rb'^"(?:POT-Creation-Date|PO-Revision-Date): [^"]*\\n"\n', re.M)


def write_catalog(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog.header_comment = HEADER_COMMENT.format(lang=catalog.locale or path.parts[-3])
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False, include_previous=True)
    path.write_bytes(VOLATILE_HEADER.sub(b"", buffer.getvalue()))


def refresh(path: Path, fresh: Catalog) -> Path:
    """Write ``fresh`` (a new extraction) to ``path``, keeping the translations already there: new messages come in
    untranslated, changed ones fuzzy, and a message that left its source leaves the catalog."""
    if path.is_file():
        existing = read_catalog(path)
        existing.update(fresh, update_header_comment=False)
        existing.obsolete.clear()
        fresh = existing
    write_catalog(fresh, path)
    return path


def update(template: Path, lang: str) -> Path:
    """Write or refresh the template's catalog (one message per markdown cell)."""
    return refresh(catalog_path(template, lang), extract(template, lang))


@dataclass(frozen=True)
class Problem:
    """A cell a catalog cannot translate yet."""

    context: str
    what: str

    def __str__(self) -> str:
        where = self.context if self.context.startswith("'") else f"cell {self.context}"
        return f"{where}: {self.what}"


def _problem(where: str, english: str, message: object, *, keeps: bool = True) -> Problem | None:
    """What keeps ``message`` (the catalog's entry for ``english``, or None) from being used: missing, fuzzy, or a
    translation without the English's kept parts (markdown: ``keeps``) or ``{fields}`` (code); None if it can be."""
    if message is None or not message.string:
        return Problem(where, "not translated")
    if message.fuzzy:
        return Problem(where, "fuzzy: the English changed since it was translated")
    if keeps and kept(message.string) != kept(english):
        return Problem(where, _kept_difference(english, message.string))
    if not keeps and fields(message.string) != fields(english):
        return Problem(where, f"the translation has fields {fields(message.string)}, the English {fields(english)}")
    return None


def check(template: Path, catalog: Catalog) -> list[Problem]:
    """Every markdown cell of ``template`` that ``catalog`` leaves untranslated, fuzzy, or translates without keeping
    its placeholders, references, terms and labels."""
    import nbformat

    problems = []
    notebook = nbformat.read(template, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type != "markdown" or not cell.source.strip():
            continue
        problems.append(_problem(cell.get("id") or "?", cell.source, catalog.get(cell.source, context=cell.get("id"))))
    return [problem for problem in problems if problem]


class TranslationError(ValueError):
    """A template whose catalog is incomplete (the message lists every cell)."""


def translate(template: Path, lang: str, catalog: Catalog | None = None, *, strict: bool = True) -> nbformat.NotebookNode:
    """The template with its markdown cells in ``lang``; stops on any problem ``check`` finds (unless not ``strict``:
    then an untranslated cell stays English, for collecting the code's missing messages)."""
    import nbformat

    catalog = catalog if catalog is not None else read_catalog(catalog_path(template, lang))
    problems = check(template, catalog)
    if problems and strict:
        raise TranslationError(f"{template.name} ({lang}): " + "; ".join(str(p) for p in problems))
    bad = {problem.context for problem in problems}
    notebook = copy.deepcopy(nbformat.read(template, as_version=4))
    for cell in notebook.cells:
        if cell.cell_type == "markdown" and cell.source.strip() and cell.get("id") not in bad:
            cell.source = catalog.get(cell.source, context=cell.get("id")).string
    parameters = next((i for i, cell in enumerate(notebook.cells) if "parameters" in cell.metadata.get("tags", [])), -1)
    notebook.cells.insert(parameters + 1, language_cell(lang, template.stem))
    notebook.metadata["tradetalks"] = {"lang": lang}
    return notebook


def language_cell(lang: str, chapter: str | None = None) -> nbformat.NotebookNode:
    """The hidden cell that makes a translated template's code write in ``lang`` (nbval re-runs it like any cell)."""
    import nbformat

    call = f"i18n.use({lang!r}, {chapter!r})" if chapter else f"i18n.use({lang!r})"
    cell = nbformat.v4.new_code_cell(
        f"from tradetalks import i18n\n\n{call}  # this edition's language: the code's words come from its catalogs"
    )
    cell.metadata["tags"] = ["remove-cell"]
    cell.id = f"language-{lang}"
    return cell


# The words the code writes -------------------------------------------------------------------------------------

PACKAGE_DIR = project.ROOT / "tradetalks"
CHAPTERS_DIR = PACKAGE_DIR / "chapters"
NOTEBOOKS_DIR = project.ROOT / "notebooks"
SHARED_DOMAIN = "tradetalks"  # the shared modules, and the grid's page titles and captions


DATA_DOMAIN = "data"  # the data package's titles and descriptions of tables and fields (headers, the data catalogue)


def code_domains() -> dict[str, list[Path]]:
    """Each code catalog's sources: the shared modules (and the grid), the data package's words, and per chapter its
    package and its template's code cells."""
    domains = {SHARED_DOMAIN: sorted(PACKAGE_DIR.glob("*.py")) + [NOTEBOOKS_DIR / "grid.yml"]}
    domains[DATA_DOMAIN] = [project.ROOT / "data" / "datapackage.json"]
    for chapter in sorted(path for path in CHAPTERS_DIR.iterdir() if (path / "__init__.py").is_file()):
        template = NOTEBOOKS_DIR / f"{chapter.name}.ipynb"
        domains[chapter.name] = sorted(chapter.glob("*.py")) + ([template] if template.is_file() else [])
    return domains


def _python_messages(source: str, where: str) -> Iterator[tuple[str, int]]:
    from babel.messages.extract import extract

    for line, message, _comments, _context in extract("python", io.BytesIO(source.encode()), keywords=KEYWORDS):
        if isinstance(message, str) and message:
            yield message, line


def _grid_messages(path: Path) -> Iterator[tuple[str, int]]:
    import yaml

    grid = yaml.safe_load(path.read_text(encoding="utf-8"))
    yield project.SITE_TITLE, 0
    for entry in [grid["root"]] + [page for part in grid["parts"] for page in part["pages"]]:
        if isinstance(entry, dict) and entry.get("title"):
            yield entry["title"], 0
    for part in grid["parts"]:
        yield part["caption"], 0
    config = yaml.safe_load((project.ROOT / "_config.yml").read_text(encoding="utf-8"))
    if config.get("html", {}).get("extra_footer"):
        yield config["html"]["extra_footer"], 0
    yield project.licence(), 0  # the print edition's title page
    citation = yaml.safe_load((project.ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    if citation.get("abstract"):
        yield citation["abstract"], 0


def _package_messages(path: Path) -> Iterator[tuple[str, int]]:
    package = json.loads(path.read_text(encoding="utf-8"))
    for resource in package.get("resources", []):
        for key in ("title", "description"):
            if resource.get(key):
                yield resource[key], 0
        for field in resource.get("schema", {}).get("fields", []):
            for key in ("title", "description"):
                if field.get(key):
                    yield field[key], 0


def extract_code(domain: str, lang: str, sources: list[Path]) -> Catalog:
    """A catalog of the messages ``sources`` pass to ``tr`` or ``N_`` (notebooks: their code cells)."""
    import nbformat

    catalog = Catalog(locale=lang, project=project.SITE_TITLE, fuzzy=False)
    for path in sources:
        where = path.relative_to(project.ROOT).as_posix() if path.is_relative_to(project.ROOT) else path.name
        if path.suffix == ".ipynb":
            cells = nbformat.read(path, as_version=4).cells
            found = [
                (m, index) for index, cell in enumerate(cells) if cell.cell_type == "code" for m, _ in _python_messages(cell.source, where)
            ]
        elif path.suffix == ".yml":
            found = list(_grid_messages(path))
        elif path.suffix == ".json":
            found = list(_package_messages(path))
        else:
            found = list(_python_messages(path.read_text(encoding="utf-8"), where))
        for message, _line in found:
            catalog.add(message, locations=[(where, None)])  # no line numbers: a code edit above a message does not change its catalog
    return catalog


def update_code(domain: str, lang: str, sources: list[Path]) -> Path:
    """Write or refresh a code catalog from the messages its sources pass to ``tr`` and ``N_``."""
    return refresh(code_catalog_path(domain, lang), extract_code(domain, lang, sources))


COLLECTED_SUFFIX = ".data"  # code/<chapter>.data.po: messages only a run meets (words from the data), never pruned by update


def collected_catalogs(lang: str) -> list[Path]:
    return sorted((LOCALE_DIR / lang / "LC_MESSAGES" / CODE_DOMAINS_DIR).glob(f"*{COLLECTED_SUFFIX}.po"))


def add_collected(chapter: str, lang: str, messages: list[str]) -> tuple[Path, int]:
    """Add the messages a collecting run of ``chapter`` met and no code catalog holds to ``code/<chapter>.data.po``
    (untranslated); return the catalog and how many were new."""
    known = set()
    for path in (LOCALE_DIR / lang / "LC_MESSAGES" / CODE_DOMAINS_DIR).glob("*.po"):
        known |= {message.id for message in read_catalog(path) if message.id}
    path = code_catalog_path(chapter + COLLECTED_SUFFIX, lang)
    catalog = read_catalog(path) if path.is_file() else Catalog(locale=lang, project=project.SITE_TITLE, fuzzy=False)
    new = [message for message in dict.fromkeys(messages) if message not in known]
    for message in new:
        catalog.add(message, locations=[(f"a {lang} run of {chapter}", 0)])
    if new or not path.is_file():
        write_catalog(catalog, path)
    return path, len(new)


def check_code(catalog: Catalog) -> list[Problem]:
    """Every message of a code catalog that is untranslated, fuzzy, or translated without its ``{fields}``."""
    problems = [
        _problem(repr(message.id if len(message.id) <= 60 else message.id[:57] + "..."), message.id, message, keeps=False)
        for message in catalog
        if message.id
    ]
    return [problem for problem in problems if problem]


# The prose pages (book/*.md) ---------------------------------------------------------------------------------
# A page is translated block by block (the text between blank lines: a paragraph, a heading, a list, a glossary
# entry), before Sphinx reads it, like the templates' cells. A block with no words (a fence's closing line) is
# copied. A glossary entry's translation may put Japanese headwords above the English ones: the English stay
# as the entry's other names, so every {term} reference still finds it.
BLOCK_SEPARATOR = re.compile(r"\n[ \t]*\n")
WORDS = re.compile(r"[A-Za-z]{2,}")
PAGES_DIR = "pages"  # locale/<lang>/LC_MESSAGES/pages/<page>.po


def page_catalog_path(page: Path, lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / PAGES_DIR / f"{page.stem}.po"


# a line with nothing to translate: a fence, a directive head, a directive option, a label
MARKUP_LINE = re.compile(r"^\s*(?:(?:`{3,}|:{3,})(?:\{[\w:-]+\}.*)?|:[\w-]+:.*|\([\w-]+\)=)\s*$")


def _translatable(block: str) -> bool:
    return bool(WORDS.search(block)) and not all(MARKUP_LINE.match(line) for line in block.splitlines() if line.strip())


def page_blocks(text: str) -> list[str]:
    """A page's blocks, each without the fence and option lines at its edges (``_edges`` keeps those)."""
    return [_edges(block)[1] for block in BLOCK_SEPARATOR.split(text)]


def _edges(block: str) -> tuple[str, str, str]:
    """A block as (markup lines before it, its text, markup lines after it): a closing fence stuck to the last
    paragraph stays out of the message, so no translation can drop it."""
    lines = block.split("\n")
    start, end = 0, len(lines)
    if not _translatable(block):
        return "", block, ""
    while start < end and (not lines[start].strip() or MARKUP_LINE.match(lines[start])):
        start += 1
    while end > start and (not lines[end - 1].strip() or MARKUP_LINE.match(lines[end - 1])):
        end -= 1
    head, tail = "\n".join(lines[:start]), "\n".join(lines[end:])
    return (head + "\n" if head else ""), "\n".join(lines[start:end]), ("\n" + tail if tail else "")


def extract_page(page: Path, lang: str) -> Catalog:
    """A catalog of a prose page's blocks: one message per block with words in it."""
    catalog = Catalog(locale=lang, project=project.SITE_TITLE, fuzzy=False)
    for index, block in enumerate(page_blocks(page.read_text(encoding="utf-8"))):
        if _translatable(block):
            catalog.add(block, locations=[(page.name, index)])
    return catalog


def update_page(page: Path, lang: str) -> Path:
    """Write or refresh a prose page's catalog (one message per block)."""
    return refresh(page_catalog_path(page, lang), extract_page(page, lang))


def check_page(page: Path, catalog: Catalog) -> list[Problem]:
    """Every block of a prose page its catalog leaves untranslated or fuzzy, or translates without its kept parts."""
    problems = []
    blocks = page_blocks(page.read_text(encoding="utf-8"))
    for index, block in enumerate(blocks):
        if not _translatable(block) or blocks.index(block) != index:  # a repeated block is one message
            continue
        problems.append(_problem(f"'{page.name} block {index}'", block, catalog.get(block)))
    return [problem for problem in problems if problem]


def translate_page(page: Path, lang: str) -> str:
    """A prose page in ``lang``; stops on any problem ``check_page`` finds."""
    path = page_catalog_path(page, lang)
    catalog = read_catalog(path) if path.is_file() else Catalog(locale=lang)
    problems = check_page(page, catalog)
    if problems:
        raise TranslationError(f"{page.name} ({lang}): " + "; ".join(str(p) for p in problems))
    parts = []
    for block in BLOCK_SEPARATOR.split(page.read_text(encoding="utf-8")):
        head, body, tail = _edges(block)
        parts.append(head + (catalog.get(body).string if _translatable(body) else body) + tail)
    return "\n\n".join(parts)


# What a translated edition needs ---------------------------------------------------------------------------------


def templates_of(grid: object) -> list[Path]:
    return [NOTEBOOKS_DIR / notebook for notebook in dict.fromkeys(run.notebook for run in grid.runs)]


def prose_pages() -> list[Path]:
    return sorted((project.ROOT / "book").glob("*.md"))


def status(grid: object, lang: str) -> list[tuple[str, int, list[Problem]]]:
    """Every catalog a translated edition needs: (its name, how many messages, the problems it has: one per message,
    or one for a missing catalog)."""
    found = []
    for template in templates_of(grid):
        path = catalog_path(template, lang)
        cells = len([m for m in extract(template, lang) if m.id])
        problems = check(template, read_catalog(path)) if path.is_file() else [Problem(path.name, "no catalog")]
        found.append((template.name, cells, problems))
    for page in prose_pages():
        path = page_catalog_path(page, lang)
        blocks = len([m for m in extract_page(page, lang) if m.id])
        problems = check_page(page, read_catalog(path)) if path.is_file() else [Problem(path.name, "no catalog")]
        found.append((f"pages/{page.name}", blocks, problems))
    for domain, sources in code_domains().items():
        path = code_catalog_path(domain, lang)
        messages = len([m for m in extract_code(domain, lang, sources) if m.id])
        problems = check_code(read_catalog(path)) if path.is_file() else [Problem(path.name, "no catalog")]
        found.append((f"code/{domain}", messages, problems))
    for path in collected_catalogs(lang):
        catalog = read_catalog(path)
        found.append((f"code/{path.stem}", len([m for m in catalog if m.id]), check_code(catalog)))
    return found


def problems(grid: object, lang: str) -> list[str]:
    """One line per problem in the catalogs a translated edition needs (none: it can be built)."""
    return [f"{name}: {problem}" for name, _count, found in status(grid, lang) for problem in found]


def catalogs_fingerprint(template: Path, lang: str) -> str:
    """A hash of the catalogs a translated run reads: its template's and every code catalog."""
    import hashlib

    digest = hashlib.sha256()
    for path in [catalog_path(template, lang), *sorted((LOCALE_DIR / lang / "LC_MESSAGES" / CODE_DOMAINS_DIR).glob("*.po"))]:
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()
