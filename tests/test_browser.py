"""Finding a browser on any machine: the CHROMIUM variable, then the PATH, then Playwright's download."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tradetalks import browser


def fake_browser(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\necho fake\n")
    path.chmod(0o755)
    return path


def no_download() -> None:
    return None


def test_the_variable_wins_over_the_path(tmp_path):
    chosen = fake_browser(tmp_path / "opt", "my-chrome")
    on_path = fake_browser(tmp_path / "bin", "chromium")
    environ = {"CHROMIUM": str(chosen), "PATH": str(on_path.parent)}
    assert browser.find_chromium(environ, fallback=no_download) == str(chosen)


def test_a_bad_variable_is_an_error_not_a_silent_fallback(tmp_path):
    fake_browser(tmp_path / "bin", "chromium")
    not_executable = tmp_path / "chrome"
    not_executable.write_text("")
    for value in (str(tmp_path / "missing"), str(not_executable)):
        with pytest.raises(browser.BrowserNotFound, match=r"^CHROMIUM=.* is not an executable browser"):
            browser.find_chromium({"CHROMIUM": value, "PATH": str(tmp_path / "bin")}, fallback=no_download)


@pytest.mark.parametrize("name", browser.COMMANDS)
def test_each_command_name_is_found_on_the_path(tmp_path, name):
    found = fake_browser(tmp_path / "bin", name)
    assert browser.find_chromium({"PATH": f"{tmp_path / 'empty'}:{found.parent}"}, fallback=no_download) == str(found)


def test_path_order_follows_the_list(tmp_path):
    fake_browser(tmp_path / "bin", "google-chrome")
    chromium = fake_browser(tmp_path / "bin", "chromium")
    assert browser.find_chromium({"PATH": str(tmp_path / "bin")}, fallback=no_download) == str(chromium)


def test_playwright_download_is_the_last_resort(tmp_path):
    downloaded = fake_browser(tmp_path / "ms-playwright", "chrome")
    assert browser.find_chromium({"PATH": str(tmp_path / "empty")}, fallback=lambda: str(downloaded)) == str(downloaded)
    on_path = fake_browser(tmp_path / "bin", "chromium-browser")
    assert browser.find_chromium({"PATH": str(on_path.parent)}, fallback=lambda: str(downloaded)) == str(on_path)


def test_none_found_says_how_to_install_one_in_one_line(tmp_path):
    with pytest.raises(browser.BrowserNotFound) as raised:
        browser.find_chromium({"PATH": str(tmp_path)}, fallback=no_download)
    message = str(raised.value)
    assert "\n" not in message
    assert "CHROMIUM=" in message and "playwright install chromium" in message and "apt-get install chromium" in message


def test_the_command_exits_1_with_the_line(tmp_path):
    environ = {"PATH": str(tmp_path), "CHROMIUM": "", "PLAYWRIGHT_BROWSERS_PATH": str(tmp_path / "none")}
    result = subprocess.run([sys.executable, "-m", "tradetalks", "browser"], capture_output=True, text=True, env=environ)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == f"error: {browser.INSTALL_HINT}"
