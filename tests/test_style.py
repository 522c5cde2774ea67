"""Colour roles: one definition drives the charts and the site's CSS."""

from __future__ import annotations

import pandas as pd
import pytest

from tradetalks import build, charts, style
from tradetalks.chapters import claims


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
    assert "#123456" in str(claims.charts.verdict_chart(counts).to_dict())
    assert "#123456" in style.css_variables()
    assert charts.house_theme()["config"]["axis"]["gridColor"] == "#abcdef" != before["config"]["axis"]["gridColor"]


def test_a_place_role_recolours_that_place_on_every_page(monkeypatch):
    """Japan is drawn in the 'japan' role on the grid page and on the market page: change it, both follow."""
    from tradetalks import data
    from tradetalks.chapters import ev_emissions, japan_market

    monkeypatch.setitem(style.ROLES["places"], "japan", "#010203")
    grid = ev_emissions.charts.intensity_chart(ev_emissions.tables.intensity_series(data.load_table("electricity")))
    structural, bestsellers = data.load_table("structural_factors"), data.load_table("japan_bestsellers")
    shapes = japan_market.sizes.drawn_footprints(structural, bestsellers, ["honda_n_box", "ford_f_150"])
    footprints = japan_market.charts.footprint_chart(shapes, structural)
    for chart in (grid, footprints):
        assert "#010203" in str(chart.to_dict())


def test_chart_code_names_roles_not_colours():
    """No hex colour or palette position outside the style module: a colour is chosen by what it means."""
    import re

    found = []
    for path in sorted((build.ROOT / "tradetalks").rglob("*.py")):
        if path.name in ("style.py", "charts.py") and path.parent.name == "tradetalks":
            continue
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {hit}" for hit in re.findall(r"#[0-9A-Fa-f]{6}\b|PALETTE\[", text)]
    assert found == []
