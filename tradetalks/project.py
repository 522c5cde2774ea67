"""Where the project's files are and what the site is called: one place for both."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the repository: data/, notebooks/, book/, _config.yml
SITE_TITLE = "US–Japan Auto Trade, Explained"
AUTHORS = f"The {SITE_TITLE} contributors"
