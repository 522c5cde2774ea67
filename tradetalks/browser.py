"""Find a Chromium-family browser for the browser tests, screenshots and print output.

Looked for in this order: the ``CHROMIUM`` variable, then ``chromium``, ``chromium-browser``,
``google-chrome`` and ``google-chrome-stable`` on the PATH, then Playwright's own download.
When none is found the error is one line saying how to get one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

ENV_VARIABLE = "CHROMIUM"
COMMANDS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL_HINT = (
    "no Chromium or Chrome found: set CHROMIUM=/path/to/chrome, put chromium or google-chrome on the PATH, "
    "or run `python -m playwright install chromium` (on Debian: `apt-get install chromium`)"
)
# Headless flags for a machine with no network: without the background-networking ones Chromium
# keeps trying (and failing) to reach Google's hosts.
LAUNCH_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update")


class BrowserNotFound(RuntimeError):
    """No usable browser; the message says how to install one."""


def _is_executable(path: str | Path) -> bool:
    return Path(path).is_file() and os.access(path, os.X_OK)


def playwright_browser() -> str | None:
    """The Chromium that ``playwright install chromium`` downloaded, if there is one."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as playwright:
            path = playwright.chromium.executable_path
    except Exception:  # the driver could not start: treat as "no Playwright browser"
        return None
    return path if path and _is_executable(path) else None


def find_chromium(environ: Mapping[str, str] | None = None, fallback: Callable[[], str | None] = playwright_browser) -> str:
    """The path of the browser to drive; raises BrowserNotFound with how to install one."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(ENV_VARIABLE, "").strip()
    if chosen:
        resolved = chosen if os.sep in chosen else shutil.which(chosen, path=environ.get("PATH", ""))
        if resolved and _is_executable(resolved):
            return str(resolved)
        raise BrowserNotFound(f"{ENV_VARIABLE}={chosen} is not an executable browser; unset it or point it at chromium or chrome")
    for command in COMMANDS:
        found = shutil.which(command, path=environ.get("PATH", ""))
        if found:
            return found
    downloaded = fallback()
    if downloaded:
        return downloaded
    raise BrowserNotFound(INSTALL_HINT)


def can_install_with_apt() -> bool:
    """Debian (or a derivative) as root: the one case where the tests install the browser themselves."""
    return hasattr(os, "geteuid") and os.geteuid() == 0 and Path("/etc/debian_version").is_file() and shutil.which("apt-get") is not None


def install_with_apt() -> None:
    environ = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=environ)
    subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, env=environ, stdout=subprocess.DEVNULL)
