"""Serving the built site and opening its pages in headless Chromium with the network blocked."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
# sphinx-thebe (bundled with Jupyter Book 1) declares this twice on every page; harmless, and not ours.
KNOWN_THEME_ERRORS = {"Identifier 'THEBE_JS_URL' has already been declared"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on a free loopback port; yield its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def pages(site: Path) -> list[str]:
    found = (p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    return sorted(p for p in found if not p.startswith(("_static/", "_sources/")) and p not in {"genindex.html", "search.html"})


def open_page(browser, base_url: str, path: str):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    blocked: list[str] = []
    errors: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(base_url) or url.startswith(("data:", "blob:", "about:")):
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{base_url}/{path}", wait_until="load")
    page.wait_for_function(
        "() => document.querySelectorAll('.tt-chart-view').length === document.querySelectorAll('.tt-chart-view svg.marks').length"
    )
    return page, blocked, errors
