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


def _is_thebe(script: Any) -> bool:
    filename = str(getattr(script, "filename", script) or "")
    body = str(getattr(script, "attributes", {}).get("body", "")) if hasattr(script, "attributes") else ""
    return any(marker in filename or marker in body for marker in THEBE_MARKERS)


def drop_thebe(app: Any, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if "script_files" in context:
        context["script_files"] = [script for script in context["script_files"] if not _is_thebe(script)]


def setup(app: Any) -> dict:
    app.connect("html-page-context", drop_thebe)
    numbering = app.extensions.get("sphinx_multitoc_numbering")
    if numbering is not None and numbering.parallel_read_safe is None:
        numbering.parallel_read_safe = numbering.parallel_write_safe = True
    return {"parallel_read_safe": True, "parallel_write_safe": True}
