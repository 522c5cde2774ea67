"""From data to site: validate, run the chapters that changed (``execute``), build with Jupyter Book.

Nothing is half-published: every notebook runs and the whole site builds in a
staging folder beside the output, and only a complete build replaces the
previous site (and, for the shipped data, the executed chapters in ``book/``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from tradetalks import catalog, data, editions, i18n, project, style
from tradetalks.execute import CACHE_FILE, CELL_TIMEOUT_S, code_fingerprint, execute_run, execute_runs, input_hashes, load_cache, run_key
from tradetalks.grid import BOOK_DIR, TOC_FILE, BuildError, Grid, Run, load_grid, parameters_of, toc_text
from tradetalks.text import reader_date

ROOT = project.ROOT
STATIC_DIR = "_static"
ROLES_CSS_FILE = "tt-roles.css"  # the colour roles as CSS variables, generated from tradetalks.style
CONFIG_FILE = "_config.yml"
DEFAULT_OUT = ROOT / "_build" / "html"


EXTRA_DIR = "_extra"  # copied to the site's root: the data files and their manifest
BIB_FILE = "references.bib"


def site_config(base: Path, lang: str = "en", languages: tuple[str, ...] = ()) -> str:
    """The book's ``_config.yml`` with the data's as-of date in every page's footer (never the build date), in ``lang``:
    a translated edition has its title and footer from the catalogs and Sphinx's interface in that language."""
    config = yaml.safe_load((ROOT / CONFIG_FILE).read_text(encoding="utf-8"))
    tables = [data.table_schema(name, base)["path"] for name in data.table_names(base)]
    as_of = catalog.as_of_for_files(tables, base)
    with i18n.language(lang):
        config["title"], config["author"] = i18n.tr(project.SITE_TITLE), project.AUTHORS  # one place for the title: tradetalks.project
        footer = config.setdefault("html", {}).get("extra_footer", "")
        footer = i18n.tr(footer) if footer else footer
        if as_of:
            shown = as_of if lang == "en" else reader_date(as_of)  # 2025年7月 in Japanese; the English keeps its ISO date
            dated = i18n.tr("Data as of {as_of} (the newest dated source behind the site).").format(as_of=shown)
            footer = f"{footer} {dated}".strip()
        config["html"]["extra_footer"] = footer
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx["language"] = lang
    sphinx["tt_editions"] = {"this": lang, "all": ["en", *languages]}  # the editions this build makes: the language switcher
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def _stage_sources(
    stage: Path, grid: Grid, base: Path | None = None, lang: str = "en", executed: Path | None = None, languages: tuple[str, ...] = ()
) -> Path:
    """Copy what Jupyter Book reads into ``stage/src`` (a translated edition: ``stage/src-<lang>``): pages, toc, vendored
    scripts, bibliography, data files. A translated edition's prose pages are translated from their catalogs; its
    chapters are the executed ones in ``book/<lang>/``."""
    from tradetalks import charts  # Altair is slow to import; a no-op build never stages

    source = stage / ("src" if lang == "en" else f"src-{lang}")
    source.mkdir()
    base = base or data.default_data_dir()
    (source / CONFIG_FILE).write_text(site_config(base, lang, languages), encoding="utf-8")
    with i18n.language(lang):
        (source / TOC_FILE).write_text(toc_text(grid), encoding="utf-8")
    editions_dirs = [*i18n.LANGUAGES]  # book/<lang>/: a translated edition's executed chapters, not English pages
    shutil.copytree(ROOT / BOOK_DIR, source / BOOK_DIR, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "_build", *editions_dirs))
    if lang != "en":
        for page in sorted((ROOT / BOOK_DIR).glob("*.md")):
            (source / BOOK_DIR / page.name).write_text(i18n.translate_page(page, lang), encoding="utf-8")
        for chapter in sorted((executed or ROOT / BOOK_DIR / lang).glob("*.ipynb")):
            shutil.copy2(chapter, source / BOOK_DIR / chapter.name)
    shutil.copytree(ROOT / STATIC_DIR, source / STATIC_DIR)
    (source / STATIC_DIR / charts.BUNDLE_FILE).write_text(charts.javascript_bundle(), encoding="utf-8")
    (source / STATIC_DIR / ROLES_CSS_FILE).write_text(style.css_variables(), encoding="utf-8")
    with i18n.language(lang):  # the references' notes ("as of", the tier) in the edition's language
        (source / BIB_FILE).write_text(catalog.bibtex(base), encoding="utf-8")
    published_data = source / EXTRA_DIR / "data"
    published_data.mkdir(parents=True)
    for name in [data.PACKAGE_FILE] + [data.table_schema(table, base)["path"] for table in data.table_names(base)]:
        shutil.copy2(base / name, published_data / name)
    (published_data / "manifest.json").write_text(catalog.manifest_json(base), encoding="utf-8")
    return source


def _jupyter_book(source: Path, out: Path, jobs: int = 2) -> None:
    """Jupyter Book's HTML build of ``source`` into ``out/_build/html``, strict, on ``jobs`` cores."""
    command = [sys.executable, "-m", "tradetalks.sphinx_html", str(source), str(out), str(max(1, jobs))]
    result = subprocess.run(command, capture_output=True, text=True, cwd=source)
    if result.returncode != 0:
        log = (result.stdout + result.stderr).strip().splitlines()
        problems = [line for line in log if "WARNING" in line or "ERROR" in line] or log[-15:]
        raise BuildError("jupyter-book build failed:\n" + "\n".join(problems))


def _replace_dir(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, keeping the old one until the move succeeded."""
    target.parent.mkdir(parents=True, exist_ok=True)
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old)


def _site_fingerprint(grid: Grid, run_records: dict) -> str:
    """Everything the HTML depends on besides the executed chapters' own inputs."""
    digest = hashlib.sha256(toc_text(grid).encode())
    digest.update(json.dumps(run_records, sort_keys=True).encode())
    digest.update(code_fingerprint().encode())
    for folder in (ROOT / BOOK_DIR, ROOT / STATIC_DIR, i18n.LOCALE_DIR):
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix != ".ipynb"):
            digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    digest.update((ROOT / CONFIG_FILE).read_bytes())
    for record in sorted(editions.EDITIONS_DIR.glob(f"*/{editions.MANIFEST}")):  # a new edition re-marks every page
        digest.update(record.relative_to(ROOT).as_posix().encode() + record.read_bytes())
    return digest.hexdigest()


@dataclass
class BuildReport:
    """What a build did: where the site is, which chapters ran and which were reused."""

    site: Path
    executed: list = field(default_factory=list)
    reused: list = field(default_factory=list)
    rebuilt_html: bool = True

    def summary(self) -> str:
        if not self.rebuilt_html:
            return f"site up to date (nothing changed): {self.site / 'index.html'}"
        return f"site built: {self.site / 'index.html'} (chapters run: {len(self.executed)}, reused: {len(self.reused)})"


def build_site(
    data_dir: str | Path | None = None,
    out: str | Path | None = None,
    *,
    execute: bool = True,
    jobs: int = 2,
    timeout_s: int = CELL_TIMEOUT_S,
    only: list[str] | None = None,
    languages: list[str] | None = None,
) -> BuildReport:
    """Validate the data, run the chapters whose inputs changed, build the site into ``out``; all or nothing.

    A chapter is re-run only if its notebook, parameters, the package code or a data file
    it read changed since the last build into ``out``. With the shipped data the executed
    chapters also replace those in ``book/`` (the published record); with another data
    folder only ``out`` changes. ``only`` runs just those pages, for checking one chapter
    quickly: the other pages are taken as published in ``book/``, and nothing is cached or
    written back. ``languages`` are the translated editions to build beside the English one
    (default: the grid's ``languages``); each goes under ``out/<lang>/``, and a catalog that is
    not complete stops the build before anything runs.
    """
    custom_data = data_dir is not None and str(data_dir) != ""
    base = data.resolve_data_dir(data_dir)
    problems = data.check_data(base)
    if problems:
        raise BuildError(f"data in {base.name}/ failed validation; nothing was built:\n" + "\n".join(str(p) for p in problems))
    grid = load_grid()
    if languages is None:  # the shipped data: every edition the grid publishes; another data folder: English unless asked,
        languages = [] if data_dir is not None and str(data_dir) != "" else list(grid.languages)  # its words are not translated
    languages = list(languages)
    _check_catalogs(grid, languages)
    if only:
        unknown = sorted(set(only) - {run.page for run in grid.runs})
        if unknown:
            raise BuildError(f"unknown page {', '.join(unknown)}; pages: {', '.join(run.page for run in grid.runs)}")
        custom_data = True  # a partial site is never the published record
    target = Path(out).resolve() if out else DEFAULT_OUT
    target.parent.mkdir(parents=True, exist_ok=True)
    cache = target.parent / f".{target.name}-cache"
    previous = load_cache(cache) if execute and not only else {"runs": {}, "site": None}
    runs = grid.runs + [run.in_language(lang) for lang in languages for run in grid.runs]
    keys = {run.key: run_key(run, custom_data) for run in runs}
    fresh = [
        run
        for run in runs
        if (record := previous["runs"].get(run.key))
        and record["key"] == keys[run.key]
        and record["inputs"] == input_hashes(base, list(record["inputs"]))
        and (cache / f"{run.key}.ipynb").is_file()
    ]
    stale = [run for run in runs if run not in fresh and (not only or run.page in only)]
    built_languages = all((target / lang / "index.html").is_file() for lang in languages)
    if (
        execute
        and not stale
        and previous.get("site") == _site_fingerprint(grid, previous["runs"])
        and (target / "index.html").is_file()
        and built_languages
    ):
        return BuildReport(target, [], [run.key for run in fresh], rebuilt_html=False)
    stage = Path(tempfile.mkdtemp(prefix=f".{target.name}-staging-", dir=target.parent))
    try:
        source = _stage_sources(stage, grid, base, languages=tuple(languages))
        records = {}
        if execute:
            for run in fresh:
                (source / BOOK_DIR / run.key).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(cache / f"{run.key}.ipynb", source / BOOK_DIR / f"{run.key}.ipynb")
                records[run.key] = previous["runs"][run.key]
            inputs = execute_runs(stale, source / BOOK_DIR, str(base) if custom_data else None, jobs=jobs, timeout_s=timeout_s)
            for run in stale:
                records[run.key] = {"key": keys[run.key], "inputs": input_hashes(base, inputs[run.key])}
        else:
            for run in runs:
                if run.lang != "en" and (ROOT / BOOK_DIR / f"{run.key}.ipynb").is_file():
                    (source / BOOK_DIR / run.lang).mkdir(exist_ok=True)
                    shutil.copy2(ROOT / BOOK_DIR / f"{run.key}.ipynb", source / BOOK_DIR / f"{run.key}.ipynb")
            missing = [run.key for run in runs if not (source / BOOK_DIR / f"{run.key}.ipynb").is_file()]
            if missing:
                raise BuildError(f"not executed yet (run without --no-execute): {', '.join(missing)}")
        _jupyter_book(source, stage, jobs)
        for lang in languages:  # a translated edition: its own Sphinx project, built into the site's <lang>/ folder
            translated = _stage_sources(stage, grid, base, lang, executed=source / BOOK_DIR / lang, languages=tuple(languages))
            _jupyter_book(translated, stage / lang, jobs)
            os.replace(stage / lang / "_build" / "html", stage / "_build" / "html" / lang)
            carry_anchors(stage / "_build" / "html", stage / "_build" / "html" / lang)
            from tradetalks import exports

            exports.write_downloads(stage / "_build" / "html" / lang)
        from tradetalks import exports  # issue 20: every chart's SVG, PNG and zip, in the staged site's downloads/

        exports.write_downloads(stage / "_build" / "html")
        # the edition: the shipped site cites its edition and marks updated charts; another data folder's site gets
        # a report of what its data changed against the shipped edition (tradetalks.editions)
        if not custom_data:
            editions.finish_site(stage / "_build" / "html", grid.runs)
            for lang in languages:
                editions.finish_site(stage / "_build" / "html" / lang, [run.in_language(lang) for run in grid.runs], lang=lang)
        elif execute and not only:
            editions.analyst_report(source / BOOK_DIR, base, stage / "_build" / "html")
        if execute and not only:
            for run in runs:
                (cache / run.key).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source / BOOK_DIR / f"{run.key}.ipynb", cache / f"{run.key}.ipynb")
        if execute and not custom_data:
            for run in runs:
                (ROOT / BOOK_DIR / run.key).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source / BOOK_DIR / f"{run.key}.ipynb", ROOT / BOOK_DIR / f"{run.key}.ipynb")
            (ROOT / TOC_FILE).write_text(toc_text(grid), encoding="utf-8")
        _replace_dir(stage / "_build" / "html", target)
        if execute and not only:
            state = {"runs": records, "site": _site_fingerprint(grid, records)}
            (cache / CACHE_FILE).write_text(json.dumps(state, indent=1, sort_keys=True), encoding="utf-8")
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return BuildReport(target, [run.key for run in stale] if execute else [], [run.key for run in fresh])


def collect_missing(lang: str, pages: list[str] | None = None, jobs: int = 2) -> dict[str, tuple[Path, int]]:
    """Run chapters in ``lang`` without stopping at a missing translation, and add every message they met that no
    catalog holds (words from the data, mostly) to ``code/<chapter>.data.po``; return, per chapter, that catalog
    and how many messages were new. Untranslated prose stays English in these runs; nothing is published."""
    grid = load_grid()
    runs = [run for run in grid.runs if not pages or run.page in pages]
    with tempfile.TemporaryDirectory(prefix=".collect-", dir=ROOT / "_build" if (ROOT / "_build").is_dir() else None) as folder:
        notes = Path(folder)
        previous = os.environ.get(i18n.COLLECT_ENV)
        os.environ[i18n.COLLECT_ENV] = str(notes / "build.jsonl")  # the titles the build translates itself
        try:
            translated = [run.in_language(lang) for run in runs]
            execute_runs(translated, notes / "out", None, jobs=jobs, collect=notes)
        finally:
            if previous is None:
                os.environ.pop(i18n.COLLECT_ENV, None)
            else:
                os.environ[i18n.COLLECT_ENV] = previous
        added = {}
        for run in runs:
            chapter = Path(run.notebook).stem
            found = notes / f"{run.page}.jsonl"
            messages = [json.loads(line) for line in found.read_text(encoding="utf-8").splitlines()] if found.is_file() else []
            path, new = i18n.add_collected(chapter, lang, messages)
            added[chapter] = (path, added.get(chapter, (path, 0))[1] + new)  # a template run as two pages adds up
        return added


TRIAL_DIR = ROOT / "_build" / "i18n"


def run_translated(lang: str, pages: list[str] | None = None, jobs: int = 2) -> list[Path]:
    """Run chapters in ``lang`` as the build would (a missing message stops a chapter), into
    ``_build/i18n/<lang>/<page>.ipynb``, without building or publishing anything: a translator's check."""
    runs = [run.in_language(lang) for run in load_grid().runs if not pages or run.page in pages]
    execute_runs(runs, TRIAL_DIR, None, jobs=jobs)
    return [TRIAL_DIR / f"{run.key}.ipynb" for run in runs]


SECTION = re.compile(r'<section id="([^"]+)">')


def carry_anchors(english: Path, translated: Path) -> None:
    """Give each translated section the English section's id as well: a Japanese heading's own id is a number
    ('id3'), so a link to a section by its English id (the claims cards link into the chapters) would miss it."""
    for page in sorted((translated / BOOK_DIR).glob("*.html")):
        source = english / BOOK_DIR / page.name
        if not source.is_file():
            continue
        theirs, text = SECTION.findall(source.read_text(encoding="utf-8")), page.read_text(encoding="utf-8")
        ours = SECTION.findall(text)
        if len(theirs) != len(ours):
            raise BuildError(f"{translated.name}/{BOOK_DIR}/{page.name} has {len(ours)} sections, the English page {len(theirs)}")
        extra = iter(f'<span id="{english_id}"></span>' if english_id != own else "" for english_id, own in zip(theirs, ours, strict=True))
        page.write_text(SECTION.sub(lambda match, extra=extra: match.group(0) + next(extra), text), encoding="utf-8")


def _check_catalogs(grid: Grid, languages: list[str]) -> None:
    """Stop before anything runs if a translated edition's catalogs are incomplete: every problem, one per line."""
    problems = []
    for lang in languages:
        if lang not in i18n.LANGUAGES:
            raise BuildError(f"no edition in {lang!r}; translated editions: {', '.join(i18n.LANGUAGES)}")
        problems += [f"{lang}: {line}" for line in i18n.problems(grid, lang)]
    if problems:
        shown = problems[:40] + ([f"... and {len(problems) - 40} more"] if len(problems) > 40 else [])
        raise BuildError(
            "the translation is incomplete; nothing was built (python -m tradetalks i18n status lists it all):\n" + "\n".join(shown)
        )


def run_chapter(notebook: str, parameters: dict, out_dir: Path, data_dir: str | None = None, lang: str = "en") -> Path:
    """Run one chapter with other parameters; return its page, rendered like the site's.

    The page is built by Jupyter Book into a copy of the site in ``out_dir/site``, in place of the
    published page (so its glossary terms, boxes, exercises and links render as on the site), with a
    note of the parameters used at the top. The executed notebook sits beside the page. With ``lang``
    the chapter runs in a translated edition, in a copy of that edition (its catalogs must be complete).
    """
    grid = load_grid()
    matches = [run for run in grid.runs if run.notebook == notebook or run.page == notebook or Path(run.notebook).stem == notebook]
    if not matches:
        names = sorted({Path(run.notebook).stem for run in grid.runs})
        raise BuildError(f"unknown chapter {notebook!r}; chapters: {', '.join(names)}")
    base_run = matches[0]
    declared = parameters_of(base_run.notebook)
    unknown = sorted(set(parameters) - set(declared))
    if unknown:
        raise BuildError(
            f"chapter {Path(base_run.notebook).stem!r} has no parameter {', '.join(unknown)}; its parameters: {', '.join(declared)}"
        )
    page = f"{Path(base_run.notebook).stem}-custom"
    if lang != "en":
        _check_catalogs(grid, [lang])
        if not (ROOT / BOOK_DIR / lang / f"{base_run.page}.ipynb").is_file():
            raise BuildError(f"the {lang} edition is not built yet: python -m tradetalks build --lang {lang}")
    with i18n.language(lang):
        title = i18n.tr("{title} (your parameters)").format(title=base_run.in_language(lang).title)
    run = Run(base_run.notebook, page, title, {**base_run.parameters, **parameters}, lang)
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    if data_dir:
        problems = data.check_data(data_dir)
        if problems:
            raise BuildError("data failed validation; nothing was run:\n" + "\n".join(str(p) for p in problems))
    base = data.resolve_data_dir(data_dir)
    stage = Path(tempfile.mkdtemp(prefix=".run-staging-", dir=out_dir))
    try:
        source = _stage_sources(stage, grid, base, lang)
        # the run takes the published page's place in a copy of the site: links to it still resolve and
        # its labels (sections, exercises) are not defined twice
        executed = source / BOOK_DIR / f"{base_run.page}.ipynb"
        failure, _ = execute_run(run, executed, str(base) if data_dir else None)
        if failure:
            raise BuildError(failure)
        with i18n.language(lang):
            _note_parameters(executed, run.parameters, data_dir)
        _jupyter_book(source, stage)
        from tradetalks import exports  # issue 20: the charts' downloads, as on the site

        exports.write_downloads(stage / "_build" / "html")
        shutil.copy2(executed, stage / "_build" / "html" / BOOK_DIR / executed.name)
        _replace_dir(stage / "_build" / "html", out_dir / RUN_SITE_DIR)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return out_dir / RUN_SITE_DIR / BOOK_DIR / f"{base_run.page}.html"


RUN_SITE_DIR = "site"  # the run's copy of the site, under the output folder


def _note_parameters(notebook_path: Path, parameters: dict, data_dir: str | None) -> None:
    """Put a note of the parameters this run used under the page's title."""
    import nbformat

    from tradetalks.params import python_literal
    from tradetalks.text import as_markdown_text

    notebook = nbformat.read(notebook_path, as_version=4)
    used = "; ".join(f"`{name}` = `{python_literal(value)}`" for name, value in parameters.items()) or i18n.tr("the defaults")
    folder = (
        i18n.tr("the data folder {folder}").format(folder=f"`{as_markdown_text(Path(data_dir).name)}`")
        if data_dir
        else i18n.tr("the shipped data")
    )
    words = i18n.tr("This page was run with {used}, from {folder}. The other pages of this copy of the site are the published ones.")
    note = nbformat.v4.new_markdown_cell(
        "```{admonition} " + i18n.tr("Your run") + f"\n:class: note\n{words.format(used=used, folder=folder)}\n```"
    )
    first_heading = next(i for i, cell in enumerate(notebook.cells) if cell.cell_type == "markdown")
    notebook.cells.insert(first_heading + 1, note)
    nbformat.write(notebook, notebook_path)


def as_json(value: object) -> str:
    return json.dumps(value, indent=2, default=str)
