"""The site's HTML build on several cores: ``python -m tradetalks.sphinx_html SOURCE OUTPUT JOBS``.

``jupyter-book build`` has no option for parallel jobs. This calls the same Sphinx entry point
with the same configuration (the book's ``_config.yml`` and ``_toc.yml``) and the same strictness
(``-W -n --keep-going``), with ``jobs`` Sphinx processes. It runs in its own process because
Jupyter Book patches docutils' global state while it builds.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from jupyter_book.sphinx import build_sphinx

    source, output, jobs = Path(argv[0]), Path(argv[1]), int(argv[2])
    result = build_sphinx(
        source,
        output / "_build" / "html",
        noconfig=True,
        path_config=str(source / "_config.yml"),
        confoverrides={"external_toc_path": (source / "_toc.yml").as_posix(), "nitpicky": True, "latex_individualpages": False},
        builder="html",
        warningiserror=True,
        keep_going=True,
        jobs=jobs,
        quiet=True,
    )
    if isinstance(result, Exception):
        print(f"ERROR: {type(result).__name__}: {result}", file=sys.stderr)
        return 1
    return int(result or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
