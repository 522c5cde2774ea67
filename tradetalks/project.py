"""Where the project's files are and what the site is called: one place for both.

Also the site's licence and address as a chart's image or download states them: the licence is the
``copyright`` line of ``_config.yml`` (the site's footer), the address the ``url`` of ``CITATION.cff``.
"""

from __future__ import annotations

import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the repository: data/, notebooks/, book/, _config.yml
SITE_TITLE = "US–Japan Auto Trade, Explained"
AUTHORS = f"The {SITE_TITLE} contributors"


@functools.cache
def _yaml(name: str) -> dict:
    import yaml

    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8")) or {}


def licence() -> str:
    """'© 2026, the contributors. Text CC BY 4.0, …': the site footer's copyright line (``_config.yml``)."""
    return f"© {_yaml('_config.yml')['copyright']}"


def site_url() -> str:
    """The published site's address (``url`` in CITATION.cff), without a trailing slash; '' while it has none."""
    return str(_yaml("CITATION.cff").get("url") or "").rstrip("/")


def page_path(page: str, anchor: str = "") -> str:
    """A page's path in the site (``book/<page>.html``, with an ``#anchor`` if given)."""
    return f"book/{page}.html" + (f"#{anchor}" if anchor else "")


def page_address(page: str, anchor: str = "") -> str:
    """Where a page of the site (or a ``#anchor`` on it) is read: its full address, or, while the site has no
    address, the site's title and the page's path in it."""
    path = page_path(page, anchor)
    return f"{site_url()}/{path}" if site_url() else f"{SITE_TITLE}, {path}"
