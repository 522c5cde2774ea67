"""Colour roles: one definition drives the charts and the site's CSS."""

from __future__ import annotations

import pandas as pd
import pytest

from tradetalks import build, charts, claims, style


def test_every_role_becomes_a_css_variable():
    css = style.css_variables()
    for family in style.ROLES.values():
        for value in family.values():
            assert value in css
    assert "--tt-verdict-supported" in css and "--tt-badge-not-supported" in css


def test_the_site_css_uses_the_generated_verdict_variables():
    css = (build.ROOT / "_static" / "tradetalks.css").read_text(encoding="utf-8")
    for role in ("supported", "partly-supported", "not-supported", "opinion", "pending"):
        assert f"var(--tt-verdict-{role})" in css and f"var(--tt-badge-{role})" in css


def test_an_unknown_role_lists_the_known_ones():
    with pytest.raises(KeyError, match="no colour role 'japanese'; roles: .*japan"):
        style.colour("japanese")


def test_changing_a_role_changes_the_charts_that_use_it(monkeypatch):
    counts = pd.DataFrame({"from": ["essay", "news"], "verdict": ["supported", "not supported"], "claims": [3, 2]})
    before = charts.house_theme()  # the theme reads roles too
    monkeypatch.setitem(style.ROLES["verdicts"], "supported", "#123456")
    monkeypatch.setitem(style.ROLES["marks"], "gridline", "#abcdef")
    assert "#123456" in str(claims.verdict_chart(counts).to_dict())
    assert "#123456" in style.css_variables()
    assert charts.house_theme()["config"]["axis"]["gridColor"] == "#abcdef" != before["config"]["axis"]["gridColor"]
