"""A Sphinx extension for the site: no scripts that need the network, and a build on several cores.

Jupyter Book 1 always loads sphinx-thebe, which adds its configuration script twice (the second
copy throws "Identifier 'THEBE_JS_URL' has already been declared" on every page) and points at a
CDN. Thebe (live code on a remote kernel) cannot work on an offline site, so its scripts are
dropped from every page.

sphinx-external-toc always loads sphinx-multitoc-numbering, which does not say whether it is safe
for parallel builds, so Sphinx falls back to one core (and warns, which fails a strict build). It
only replaces how section numbers are assigned, a step Sphinx runs in the main process after all
documents are read, so it is declared safe here.
"""

from __future__ import annotations

from typing import Any

THEBE_MARKERS = ("THEBE_JS_URL", "sphinx-thebe.js", "thebe@")
# The editions (issue 18): the English site at the root, each translation under <lang>/. Every page links to its
# counterparts: a switcher at the top of the page, and hreflang links for search engines.
LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}


def _is_thebe(script: Any) -> bool:
    filename = str(getattr(script, "filename", script) or "")
    body = str(getattr(script, "attributes", {}).get("body", "")) if hasattr(script, "attributes") else ""
    return any(marker in filename or marker in body for marker in THEBE_MARKERS)


def drop_thebe(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if "script_files" in context:
        context["script_files"] = [script for script in context["script_files"] if not _is_thebe(script)]


def counterpart(pagename: str, this: str, other: str) -> str:
    """The address of ``pagename`` in the ``other`` edition, relative to the page in ``this`` one."""
    up = "../" * pagename.count("/")
    if this != "en":
        up += "../"  # out of this edition's folder, to the site's root
    return f"{up}{'' if other == 'en' else other + '/'}{pagename}.html"


def link_editions(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    editions = app.config.tt_editions or {}
    this, every = editions.get("this", "en"), editions.get("all", ["en"])
    if len(every) < 2:
        return
    links = [f'<link rel="alternate" hreflang="{lang}" href="{counterpart(pagename, this, lang)}" />' for lang in every]
    links.append(f'<link rel="alternate" hreflang="x-default" href="{counterpart(pagename, this, "en")}" />')
    context["metatags"] = context.get("metatags", "") + "\n".join(links)
    others = " ".join(
        f'<a href="{counterpart(pagename, this, lang)}" hreflang="{lang}" lang="{lang}">{LANGUAGE_NAMES.get(lang, lang)}</a>'
        for lang in every
        if lang != this
    )
    switcher = f'<nav class="tt-language" aria-label="{LANGUAGE_NAMES.get(this, this)} / language">{others}</nav>'
    context["body"] = switcher + context.get("body", "")


def setup(app: Any) -> dict:
    app.add_config_value("tt_editions", {}, "html")
    app.connect("html-page-context", drop_thebe)
    app.connect("html-page-context", link_editions)
    numbering = app.extensions.get("sphinx_multitoc_numbering")
    if numbering is not None and numbering.parallel_read_safe is None:
        numbering.parallel_read_safe = numbering.parallel_write_safe = True
    return {"parallel_read_safe": True, "parallel_write_safe": True}
