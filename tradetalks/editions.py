"""Editions a reader can cite: a dated record of what the site said, and what changed since the last one.

An edition's record lives in ``editions/<YYYY-MM-DD>/`` and is all that is committed of it:

- ``manifest.json``: the edition's date, the code commit, every data file (sha256, rows, newest
  as-of date), the run grid and its parameters, each claim's verdict and the sources cited;
- ``figures.json.gz``: every figure glued into the prose and every chart's and table's data (CSV),
  page by page, written deterministically (the comparison's memory; small, and not for reading);
- ``notes.md``: the editor's notes; a release whose verdicts or headline findings change must
  explain each there (the gate).

``python -m tradetalks release`` builds the site, compares it with the previous edition, checks the
gate, writes the record and the "What changed" page, rebuilds and freezes the site under
``_build/html/editions/<date>/``. Every page then cites its edition, and each chart whose data
changed carries a dated "Updated" note linking to the "What changed" page.
"""

from __future__ import annotations

import csv
import gzip
import html
import io
import json
import re
import shutil
import subprocess
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tradetalks import catalog, data, i18n, project
from tradetalks.i18n import tr

ROOT = project.ROOT
EDITIONS_DIR = ROOT / "editions"
MANIFEST, FIGURES, NOTES = "manifest.json", "figures.json.gz", "notes.md"
CHANGES_PAGE = "changes"  # book/changes.md, the "What changed in this edition" page
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HOME_FINDINGS = ("intro", "key_findings")  # the home page's headline findings: (page, glued name)
DOWNLOAD = re.compile(r'download="([^"]+)\.csv" href="data:text/csv;charset=utf-8,([^"]*)"')
CHART_TITLE = re.compile(r'<p class="tt-chart-title"[^>]*>(.*?)</p>|<figcaption><strong>(.*?)</strong></figcaption>', re.S)
TAG = re.compile(r"<[^>]+>")


class ReleaseError(RuntimeError):
    """A release that cannot go out as it stands (the message says what to do)."""


# --- what an edition said ---------------------------------------------------------------------------------


def _text(html_text: str) -> str:
    return html.unescape(TAG.sub("", html_text)).strip()


def page_figures(notebook: Path) -> tuple[dict[str, str], dict[str, dict]]:
    """An executed chapter's glued figures (name -> text) and its charts' and tables' data (download name -> title, CSV)."""
    import nbformat

    glued: dict[str, str] = {}
    downloads: dict[str, dict] = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            payload = output.get("data", {})
            if name:
                texts = [value for key, value in payload.items() if key.endswith(("text/markdown", "text/plain"))]
                glued[name] = str(texts[0]).strip() if texts else ""
            page_html = payload.get("text/html", "")
            page_html = "".join(page_html) if isinstance(page_html, list) else page_html
            for match in DOWNLOAD.finditer(page_html):
                before = page_html[: match.start()]
                titles = list(CHART_TITLE.finditer(before))
                title = _text(next(group for group in titles[-1].groups() if group)) if titles else match.group(1)
                csv_text = urllib.parse.unquote(html.unescape(match.group(2)))
                downloads[match.group(1)] = {"title": title, "csv": csv_text}
    return glued, downloads


def git_commit() -> str:
    try:
        done = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return done.stdout.strip()


@dataclass
class Snapshot:
    """What one edition (or one analyst's build) said: its manifest and its figures, page by page."""

    manifest: dict
    glued: dict[str, dict[str, str]] = field(default_factory=dict)  # page -> name -> text
    downloads: dict[str, dict[str, dict]] = field(default_factory=dict)  # page -> download name -> {title, csv}


def snapshot(
    book_dir: Path, data_dir: str | Path | None, date: str, *, commit: str | None = None, verdicts: dict | None = None
) -> Snapshot:
    """The record of a site built from ``book_dir``'s executed chapters and ``data_dir``'s tables."""
    from tradetalks.grid import load_grid

    base = data.resolve_data_dir(data_dir)
    runs = load_grid().runs
    glued, downloads = {}, {}
    for run in runs:
        path = Path(book_dir) / f"{run.page}.ipynb"
        if path.is_file():
            glued[run.page], downloads[run.page] = page_figures(path)
    sources = sorted(data.load_table(data.SOURCES_TABLE, base)["source_key"].astype(str))
    manifest = {
        "edition": date,
        "commit": commit if commit is not None else git_commit(),
        "data": catalog.manifest(base),
        "runs": [{"page": run.page, "notebook": run.notebook, "title": run.title, "parameters": run.parameters} for run in runs],
        "verdicts": verdicts if verdicts is not None else claim_verdicts(base),
        "sources": sources,
    }
    return Snapshot(manifest, glued, downloads)


def claim_verdicts(data_dir: str | Path | None = None) -> dict[str, str]:
    """Each claim's verdict as the claims page shows it (its rule's on these figures, else the recorded one)."""
    from tradetalks.chapters.claims.tables import card_verdict

    claims = data.load_table("claims", data_dir)
    return {str(claim_id): card_verdict(str(claim_id), data_dir) for claim_id in claims["claim_id"]}


# --- the record on disk --------------------------------------------------------------------------------


def write_record(record: Snapshot, folder: Path, notes: str) -> None:
    """``manifest.json``, ``figures.json.gz`` and ``notes.md`` of an edition, byte for byte the same for the same record."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).write_text(json.dumps(record.manifest, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    figures = json.dumps({"glued": record.glued, "downloads": record.downloads}, sort_keys=True, ensure_ascii=False)
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as packed:
        packed.write(figures.encode("utf-8"))
    (folder / FIGURES).write_bytes(buffer.getvalue())
    (folder / NOTES).write_text(notes.rstrip() + "\n", encoding="utf-8")


def read_record(folder: Path) -> Snapshot:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    figures = json.loads(gzip.decompress((folder / FIGURES).read_bytes()).decode("utf-8")) if (folder / FIGURES).is_file() else {}
    return Snapshot(manifest, figures.get("glued", {}), figures.get("downloads", {}))


def edition_dates(editions_dir: Path = EDITIONS_DIR) -> list[str]:
    return sorted(p.name for p in editions_dir.glob("*") if p.is_dir() and DATE.fullmatch(p.name) and (p / MANIFEST).is_file())


def latest(editions_dir: Path = EDITIONS_DIR, before: str | None = None) -> tuple[str, Snapshot] | None:
    """The newest edition (before ``before``, if given) and its record, or None."""
    dates = [d for d in edition_dates(editions_dir) if before is None or d < before]
    return (dates[-1], read_record(editions_dir / dates[-1])) if dates else None


# --- what changed --------------------------------------------------------------------------------------


@dataclass
class Changes:
    """What changed from one edition (or the shipped edition) to another build."""

    since: str | None  # the earlier edition's date; None for a first edition
    figures: list[dict] = field(default_factory=list)  # page, name, old, new
    charts: list[dict] = field(default_factory=list)  # page, name, title, added, removed, revised, examples
    verdicts: list[dict] = field(default_factory=list)  # claim_id, old, new
    headlines: list[dict] = field(default_factory=list)  # the home page's key findings, when they changed
    sources_added: list[str] = field(default_factory=list)
    sources_removed: list[str] = field(default_factory=list)
    data_files: list[dict] = field(default_factory=list)  # file, what changed

    @property
    def any(self) -> bool:
        return any((self.figures, self.charts, self.verdicts, self.sources_added, self.sources_removed, self.data_files))


def _rows(csv_text: str) -> tuple[list[str], list[list[str]]]:
    table = list(csv.reader(io.StringIO(csv_text)))
    return (table[0], table[1:]) if table else ([], [])


def _number(cell: str) -> bool:
    try:
        float(cell.replace(",", ""))
    except ValueError:
        return False
    return True


def compare_csv(old: str, new: str) -> dict:
    """Rows added and removed, and values revised, between two CSVs of one chart: rows are matched on their
    columns that hold no numbers (a country, a series), or on the first column when all hold numbers (a year),
    and the other cells compared."""
    old_header, old_rows = _rows(old)
    new_header, new_rows = _rows(new)
    if old_header != new_header:
        return {"added": len(new_rows), "removed": len(old_rows), "revised": 0, "examples": ["the columns changed"]}
    numeric = [i for i in range(len(new_header)) if all(_number(row[i]) or row[i] == "" for row in old_rows + new_rows if i < len(row))]
    keys = [i for i in range(len(new_header)) if i not in numeric] or [0]  # all numbers: the first column (a year) is the label
    numeric = [i for i in numeric if i not in keys]

    def keyed(rows: list[list[str]]) -> dict[tuple, list[str]]:
        return {tuple(row[i] for i in keys if i < len(row)): row for row in rows}

    before, after = keyed(old_rows), keyed(new_rows)
    if len(before) != len(old_rows) or len(after) != len(new_rows):  # the key is not unique: compare whole rows
        removed = [row for row in old_rows if row not in new_rows]
        added = [row for row in new_rows if row not in old_rows]
        return {"added": len(added), "removed": len(removed), "revised": 0, "examples": []}
    revised, examples = 0, []
    for key in before.keys() & after.keys():
        for i in numeric:
            if before[key][i] != after[key][i]:
                revised += 1
                if len(examples) < 3:
                    examples.append(f"{', '.join(k for k in key if k)}: {new_header[i]} {before[key][i]} → {after[key][i]}")
    return {
        "added": len(after.keys() - before.keys()),
        "removed": len(before.keys() - after.keys()),
        "revised": revised,
        "examples": sorted(examples),
    }


def compare(old: Snapshot | None, new: Snapshot, since: str | None = None) -> Changes:
    """Every difference a reader or a citer should know of between ``old`` and ``new``."""
    if old is None:
        return Changes(since=None)
    changes = Changes(since=since or old.manifest.get("edition"))
    for page, names in sorted(new.glued.items()):
        before = old.glued.get(page, {})
        for name, text in sorted(names.items()):
            if name in before and before[name] != text:
                entry = {"page": page, "name": name, "old": before[name], "new": text}
                changes.figures.append(entry)
                if (page, name) == HOME_FINDINGS:
                    changes.headlines.append(entry)
    for page, charts in sorted(new.downloads.items()):
        before = old.downloads.get(page, {})
        for name, chart in sorted(charts.items()):
            if name in before and before[name]["csv"] != chart["csv"]:
                changes.charts.append(
                    {"page": page, "name": name, "title": chart["title"], **compare_csv(before[name]["csv"], chart["csv"])}
                )
            elif name not in before and before:
                changes.charts.append(
                    {"page": page, "name": name, "title": chart["title"], "added": "new chart", "removed": 0, "revised": 0, "examples": []}
                )
    old_verdicts, new_verdicts = old.manifest.get("verdicts", {}), new.manifest.get("verdicts", {})
    for claim_id, verdict in sorted(new_verdicts.items()):
        if claim_id in old_verdicts and old_verdicts[claim_id] != verdict:
            changes.verdicts.append({"claim_id": claim_id, "old": old_verdicts[claim_id], "new": verdict})
    old_sources, new_sources = set(old.manifest.get("sources", [])), set(new.manifest.get("sources", []))
    changes.sources_added, changes.sources_removed = sorted(new_sources - old_sources), sorted(old_sources - new_sources)
    old_files = {entry["file"]: entry for entry in old.manifest.get("data", [])}
    for entry in new.manifest.get("data", []):
        was = old_files.get(entry["file"])
        if was is None:
            changes.data_files.append({"file": entry["file"], "change": "new table"})
        elif was.get("sha256") != entry.get("sha256"):
            rows = entry.get("rows", 0) - was.get("rows", 0)
            changes.data_files.append({"file": entry["file"], "change": f"{rows:+d} rows" if rows else "values revised"})
    return changes


def gate(changes: Changes, notes: str) -> list[str]:
    """What the edition's notes must explain and do not: each changed verdict (by claim id) and, if the home page's
    key findings changed, the key findings (the words 'key findings')."""
    problems = [
        f"the verdict of {entry['claim_id']} changed ({entry['old']} → {entry['new']}): explain it in the notes, naming {entry['claim_id']}"
        for entry in changes.verdicts
        if entry["claim_id"] not in notes
    ]
    if changes.headlines and "key findings" not in notes.lower():
        problems.append("the home page's key findings changed: explain it in the notes (a line about the key findings)")
    return problems


# --- the "What changed" page ------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Plain text for a Markdown table cell."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\n", " ").replace("*", "\\*").replace("`", "\\`")


def reader_names(data_dir: str | Path | None = None) -> dict[str, str]:
    """Words for ids a reader should not see: each claim's statement and each source's title, by id."""
    names: dict[str, str] = {}
    base = data.resolve_data_dir(data_dir)
    for _, row in data.load_table("claims", base).iterrows():
        names[str(row["claim_id"])] = str(row["claim"])
    for _, row in data.load_table(data.SOURCES_TABLE, base).iterrows():
        names[str(row["source_key"])] = f"{row['producer'] if isinstance(row['producer'], str) else row['publisher']}: {row['title']}"
    return names


def changes_markdown(changes: Changes, date: str, notes: str, titles: dict[str, str], names: dict[str, str] | None = None) -> str:
    """The page 'What changed in this edition' (book/changes.md); ``names`` words the claims and sources by id."""
    names = names or {}
    lines = [
        "# What changed in this edition",
        "",
        f"This is the edition of **{date}**. Every edition is dated; cite the edition you read (each page's "
        "“Cite this page” box gives its date and permanent address).",
        "",
    ]
    if notes.strip():
        lines += ["## The editors' notes", "", notes.strip(), ""]
    if changes.since is None:
        lines += ["This is the site's first edition: there is no earlier one to compare with.", ""]
        return "\n".join(lines)
    lines += [f"Compared with the edition of **{changes.since}**.", ""]
    if not changes.any:
        lines += ["Nothing a reader can see changed: the same figures, charts, verdicts and sources.", ""]
    if changes.verdicts:
        lines += ["## Verdicts that changed", "", "| Claim | Before | Now |", "|---|---|---|"]
        lines += [f"| {_md(names.get(v['claim_id'], v['claim_id']))} | {_md(v['old'])} | {_md(v['new'])} |" for v in changes.verdicts]
        lines.append("")
    if changes.figures:
        lines += ["## Figures in the text that changed", "", "| Page | Before | Now |", "|---|---|---|"]
        lines += [f"| {_md(titles.get(f['page'], f['page']))} | {_md(f['old'])} | {_md(f['new'])} |" for f in changes.figures]
        lines.append("")
    if changes.charts:
        lines += [
            "## Charts and tables whose data changed",
            "",
            "| Page | Chart | Rows added | Rows removed | Values revised | For example |",
        ]
        lines += ["|---|---|---|---|---|---|"]
        for c in changes.charts:
            lines.append(
                f"| {_md(titles.get(c['page'], c['page']))} | {_md(c['title'])} | {c['added']} | {c['removed']} | {c['revised']} | "
                f"{_md('; '.join(c['examples']))} |"
            )
        lines.append("")
    if changes.sources_added or changes.sources_removed:
        lines += ["## Sources", ""]
        if changes.sources_added:
            lines += ["New:", ""] + [f"- {_md(names.get(key, key))}" for key in changes.sources_added] + [""]
        if changes.sources_removed:
            lines += ["Removed:", ""] + [f"- {_md(names.get(key, key))}" for key in changes.sources_removed]
        lines.append("")
    if changes.data_files:
        lines += ["## Data files", "", "| File | Change |", "|---|---|"]
        lines += [f"| `{d['file']}` | {_md(d['change'])} |" for d in changes.data_files]
        lines.append("")
    return "\n".join(lines)


def changes_html(changes: Changes, date: str, titles: dict[str, str], names: dict[str, str] | None = None) -> str:
    """The same report as a standalone page, for an analyst's own build (no Sphinx needed)."""
    import markdown_it

    body = markdown_it.MarkdownIt("commonmark").enable("table").render(changes_markdown(changes, date, "", titles, names))
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>What changed</title>'
        '<link rel="icon" href="data:,"><style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}'
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top}</style></head>"
        f"<body>{body}</body></html>\n"
    )


# --- the edition in the built site ------------------------------------------------------------------------


def permanent_address(date: str, page: str, lang: str = "en") -> str:
    path = f"editions/{date}/{'' if lang == 'en' else lang + '/'}book/{page}.html"
    return f"{project.site_url()}/{path}" if project.site_url() else path


def bibtex_entry(key: str, title: str, date: str, address: str) -> str:
    year = date[:4]
    return (
        f"@misc{{{key},\n  author = {{{{{project.AUTHORS}}}}},\n  title = {{{{{title}}}}},\n"
        f"  howpublished = {{{project.SITE_TITLE}, edition of {date}}},\n  year = {{{year}}},\n"
        f"  note = {{Edition of {date}; {address}}}\n}}\n"
    )


def cff_text(date: str, commit: str, title: str | None = None, address: str = "") -> str:
    lines = [
        "cff-version: 1.2.0",
        'message: "If you use this edition, please cite it as below."',
        f'title: "{title or project.SITE_TITLE}"',
        "type: dataset",
        "authors:",
        f'  - name: "{project.AUTHORS}"',
        f'version: "{date}"',
        f"date-released: {date}",
    ]
    if commit and commit != "unknown":
        lines.append(f'commit: "{commit}"')
    if address:
        lines.append(f'url: "{address}"')
    return "\n".join(lines) + "\n"


def finish_site(site: Path, runs: Iterable, editions_dir: Path = EDITIONS_DIR, lang: str = "en") -> None:
    """Mark the built site with its edition: each page's citation gains the edition's date, permanent address and
    BibTeX/CFF files (under ``cite/``), and each chart whose data changed in this edition a dated "Updated" note.
    ``site`` may be a translated edition's folder (``lang``): its notes are in its language."""
    with i18n.language(lang):
        _finish_site(site, list(runs), editions_dir, lang)


def _finish_site(site: Path, runs: list, editions_dir: Path, lang: str) -> None:
    found = latest(editions_dir)
    if found is None:
        return
    date, record = found
    previous = latest(editions_dir, before=date)
    changed = {(c["page"], c["name"]) for c in compare(previous[1] if previous else None, record).charts} if previous else set()
    cite = site / "cite"
    cite.mkdir(exist_ok=True)
    commit = record.manifest.get("commit", "")
    (cite / "site.cff").write_text(cff_text(date, commit, address=project.site_url()), encoding="utf-8")
    (cite / "site.bib").write_text(
        bibtex_entry("tradetalks", tr(project.SITE_TITLE), date, project.site_url() or "the site's root"), encoding="utf-8"
    )
    for run in runs:
        page_file = site / "book" / f"{run.page}.html"
        if not page_file.is_file():
            continue
        address = permanent_address(date, run.page, lang)
        (cite / f"{run.page}.bib").write_text(bibtex_entry(f"tradetalks-{run.page}", run.title, date, address), encoding="utf-8")
        (cite / f"{run.page}.cff").write_text(cff_text(date, commit, run.title, address), encoding="utf-8")
        text = page_file.read_text(encoding="utf-8")
        words = tr(
            "Edition of {date}; permanent address: {address}. Cite as {bibtex} or {cff}; {changes_link}what changed in this "
            "edition{end_link}."
        )
        line = '<p class="tt-edition">{}</p>'.format(
            words.format(
                date=date,
                address=f"<code>{html.escape(address)}</code>",
                bibtex=f'<a href="../cite/{run.page}.bib">BibTeX</a>',
                cff=f'<a href="../cite/{run.page}.cff">CFF</a>',
                changes_link=f'<a href="{CHANGES_PAGE}.html">',
                end_link="</a>",
            )
        )
        text = re.sub(
            r'(<div class="[^"]*\btt-cite\b[^"]*">.*?)(</div>)',
            lambda m, line=line: m.group(1) + line + m.group(2),
            text,
            count=1,
            flags=re.S,
        )
        for page, name in sorted(changed):
            if page != run.page:
                continue
            words = tr("Updated {date}: its data changed in this edition ({changes_link}what changed{end_link}).")
            link = f'<a href="{CHANGES_PAGE}.html">'
            note = f'<p class="tt-updated">{words.format(date=date, changes_link=link, end_link="</a>")}</p>'
            marker = f'download="{name}.csv"'
            at = text.find(marker)
            start = text.rfind('<figure class="tt-', 0, at) if at >= 0 else -1
            if start >= 0:
                head_end = text.find(">", start) + 1
                text = text[:head_end] + note + text[head_end:]
        page_file.write_text(text, encoding="utf-8")


def freeze(site: Path, date: str) -> Path:
    """Copy the built site (without older frozen editions) to ``site/editions/<date>/``: the edition's permanent home."""
    target = site / "editions" / date
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("editions"))
    return target


def page_titles() -> dict[str, str]:
    from tradetalks.grid import load_grid

    return {run.page: run.title for run in load_grid().runs}


def release(
    date: str | None = None,
    notes_file: str | Path | None = None,
    editions_dir: Path = EDITIONS_DIR,
    *,
    book_dir: Path = ROOT / "book",
    build_site: Callable[[], object] | None = None,
) -> tuple[Path, Changes]:
    """Build the site, compare it with the previous edition, check the gate, record the edition, write the "What
    changed" page, rebuild and freeze the site as ``editions/<date>/``; returns the frozen site and the changes.

    ``book_dir`` and ``build_site`` are the published record and the build (tests pass their own)."""
    import datetime

    if build_site is None:
        from tradetalks import build

        build_site = build.build_site
    date = date or datetime.date.today().isoformat()
    if not DATE.fullmatch(date):
        raise ReleaseError(f"an edition is dated YYYY-MM-DD, got {date!r}")
    build_site()  # the published record: book/ and _build/html
    record = snapshot(book_dir, None, date)
    previous = latest(editions_dir, before=date)
    changes = compare(previous[1] if previous else None, record, previous[0] if previous else None)
    notes_path = Path(notes_file) if notes_file else editions_dir / date / NOTES
    notes = notes_path.read_text(encoding="utf-8") if notes_path.is_file() else ""
    problems = gate(changes, notes)
    if problems:
        raise ReleaseError(
            f"the edition of {date} changes what readers were told; write the reasons in {notes_path} (or pass --notes FILE):\n- "
            + "\n- ".join(problems)
        )
    write_record(record, editions_dir / date, notes)
    page = changes_markdown(changes, date, notes, page_titles(), reader_names())
    (book_dir / f"{CHANGES_PAGE}.md").write_text(page, encoding="utf-8")
    report = build_site()  # the changes page, the citations and the "Updated" notes
    return freeze(report.site, date), changes


def analyst_report(book_dir: Path, data_dir: str | Path, site: Path, editions_dir: Path = EDITIONS_DIR) -> Path | None:
    """For a build from another data folder: what its data changed against the shipped edition, as ``whats_changed.html``."""
    found = latest(editions_dir)
    if found is None:
        return None
    date, shipped = found
    mine = snapshot(book_dir, data_dir, f"your build from {Path(data_dir).name}", commit="")
    report = site / "whats_changed.html"
    report.write_text(
        changes_html(compare(shipped, mine, date), f"your build (against the edition of {date})", page_titles()), encoding="utf-8"
    )
    return report
