"""The key findings on the home page: each published page's first "In brief" finding, linked to its section."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from IPython.display import Markdown

from tradetalks import data
from tradetalks.findings import Finding
from tradetalks.grid import published_runs
from tradetalks.i18n import tr
from tradetalks.text import as_markdown_text

try:  # the page's list is MyST (a {ref} per finding), glued whole
    from myst_nb import glue
except ImportError:  # pragma: no cover - myst-nb ships with jupyter-book
    glue = None


@dataclass(frozen=True)
class KeyFinding:
    page_title: str
    finding: Finding


def key_findings(data_dir: str | None = None) -> list[KeyFinding]:
    """The first finding of every page with an "In brief", in the site's order (a template run twice counts once)."""
    found, seen = [], set()
    for run in published_runs():
        chapter = Path(run.notebook).stem
        if chapter in seen:
            continue
        seen.add(chapter)
        try:
            brief = importlib.import_module(f"{data.CHAPTERS_PACKAGE}.{chapter}.brief")
        except ModuleNotFoundError as error:
            if error.name != f"{data.CHAPTERS_PACKAGE}.{chapter}.brief":
                raise
            continue
        found.append(KeyFinding(run.title, brief.in_brief(data_dir)[0]))
    return found


def as_myst(findings: list[KeyFinding]) -> str:
    """A bulleted list: the page's title in bold (in the current language), the finding (data text escaped) and a
    link to its section."""
    return "\n".join(
        tr("- **{title}.** {finding} {{ref}}`See the chart <{section}>`").format(
            title=as_markdown_text(tr(item.page_title)), finding=as_markdown_text(item.finding.sentence), section=item.finding.section
        )
        for item in findings
    )


def say_key_findings(findings: list[KeyFinding]) -> str:
    """Glue the list as ``key_findings`` (shown with the ``glue:md`` directive, format myst); return it."""
    text = as_myst(findings)
    if glue is not None:
        glue("key_findings", Markdown(text), display=False)
    return text
