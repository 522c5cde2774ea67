"""The shared chart and table code in the Japanese edition: every word it writes comes from the catalogs, numbers and
dates in the ja-JP locale, the house rules in Japanese, and nothing changes in English."""

from __future__ import annotations

import re

import altair as alt
import pandas as pd
import pytest

from tradetalks import chartlint, charts, columns, i18n, style

from .test_charts import FIXTURE_COLUMNS, SOURCES, source

TITLE, SUBTITLE, DESCRIPTION = "Yの値はXより高い", "値、%、2つのラベル", "テスト用の表ではYの値がXより高い。"
# the fixture's own column titles (a chapter's would be in its catalog); every other word from the real catalogs
FIXTURE_WORDS = {
    "Label": "ラベル",
    "Value (%)": "値（%）",
    "Units (vehicles)": "台数（台）",
    "Name": "名前",
    "Share (%)": "比率（%）",
    "Note": "注",
}


def shared_words() -> dict[str, str]:
    """The Japanese of the shared catalogs (the shared modules' words and the data package's), as ``tr`` reads them."""
    found = {}
    for domain in (i18n.SHARED_DOMAIN, i18n.DATA_DOMAIN):
        for message in i18n.read_catalog(i18n.code_catalog_path(domain, "ja")):
            if message.id and message.string and not message.fuzzy:
                found[message.id] = message.string
    return found


@pytest.fixture
def japanese(monkeypatch):
    """Write in Japanese inside the test: the shared catalogs' words, and the fixture's column titles."""
    words = {**shared_words(), **FIXTURE_WORDS}
    monkeypatch.setattr(i18n, "_translations", lambda *catalogs: words)
    monkeypatch.setattr(columns, "derived_columns", lambda: FIXTURE_COLUMNS)
    with i18n.language("ja"):
        yield


@pytest.fixture
def frame():
    return pd.DataFrame({"label": ["x", "y"], "value": [1.5, None]})


def published(frame: pd.DataFrame, **text: str) -> str:
    chart = alt.Chart(frame).mark_bar().encode(x="label:N", y=alt.Y("value:Q", axis=alt.Axis(format="$,.0f")), tooltip=["value:Q"])
    words = {"title": TITLE, "subtitle": SUBTITLE, "description": DESCRIPTION, **text}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(charts, "provenance", lambda drawn, evidence: (SOURCES, ("t1",)))
        return charts.publish(chart, data=frame, name="test_chart", **words).body


ENGLISH_WORDS = re.compile(
    r"\b(Source|Sources|Data as of|From|Download|Show the data|Take it with you|Link to this chart|Chart \(|not in the data)\b"
)


def test_a_japanese_figure_has_no_english_words_of_its_own(japanese, frame):
    body = published(frame)
    shown = re.sub(r"<script.*?</script>|<svg.*?</svg>|<[^>]+>", " ", body, flags=re.DOTALL)
    assert not ENGLISH_WORDS.search(shown), ENGLISH_WORDS.search(shown)
    line = re.search(r'<p class="tt-source">.*?</p>', body).group(0)
    assert line.startswith('<p class="tt-source"><strong>出典：</strong><a ')
    assert "、" in line and "データは2026年3月時点。" in line and "元の表：<code>t1</code>。" in line
    assert "データをダウンロード（CSV）</a>" in line
    assert "<summary>データを表で見る</summary>" in body and 'aria-label="Yの値はXより高い（データ）"' in body
    assert "<th>ラベル</th>" in body and "<th>値（%）</th>" in body  # the headers, translated at render time
    assert "—はデータにない値（未公表または該当なし）。" in body
    assert "ダウンロード：" in body and "グラフ（SVG）" in body and "このグラフへのリンク" in body
    assert '"title":"値（%）"' in body  # the tooltip's title too


def test_a_japanese_chart_writes_its_numbers_and_dates_in_the_ja_jp_locale(japanese, frame):
    body = published(frame.fillna(2.0))
    assert "formatLocale:" in body and "timeFormatLocale:" in body and "1月" in body  # the locale objects, in the page
    fallback = re.search(r"<svg.*?</svg>", body, flags=re.DOTALL).group(0)
    assert re.search(r">\d[\d,]*円</text>", fallback) and "$" not in fallback  # the static drawing: vl-convert's ja-JP
    assert f'"font":"{style.FONT_JA}"' in body


def test_english_embeds_with_vegas_own_locale(frame, monkeypatch):
    monkeypatch.setattr(columns, "derived_columns", lambda: FIXTURE_COLUMNS)
    body = published(
        frame.fillna(2.0), title="Y is higher than X", subtitle="Value, %, two labels", description="Y is higher than X in the test."
    )
    assert "formatLocale" not in body and '{actions:false,renderer:"svg"}' in body and charts.vega_locale() == {}
    assert f'"font":"{style.FONT}"' in body


def test_punctuation_follows_the_language():
    assert charts.punctuation("list") == "; " and charts.date_words("2025-09-09") == "2025-09-09"
    with i18n.language("ja"):
        assert charts.punctuation("list") == "、" and charts.punctuation("gap") == ""
        assert charts.date_words("2025-09-09") == "2025年9月9日" and charts.date_words("2025") == "2025年"


def test_producers_and_their_copies_read_in_japanese(japanese):
    rows = pd.DataFrame([source("a", "Mirror", "Census", "official")] + [source(k, f"Copy {k}", "Census", "official") for k in "bcd"])
    line = charts.source_line(rows, table_names=(), csv_name="x", csv_text="")
    assert "Census</a>（" in line and "ほか2件経由）。" in line
    many = pd.DataFrame([source(k, k.upper(), k.upper(), "secondary") for k in "abcde"])
    line = charts.source_line(many, table_names=(), csv_name="x", csv_text="")
    assert "ほか2件。" in line and "二次情報のみ" in line and "<summary>参照したすべての出典と経由先</summary>" in line
    assert charts.source_text(many).startswith("出典：A、B、Cほか2件。")


def lint(**changes: object) -> list[str]:
    chart_text = {"title": TITLE, "subtitle": SUBTITLE, "description": DESCRIPTION, "sourced": True, "dated": True, "spec": {}}
    return chartlint.problems(**{**chart_text, **changes})


def test_the_chart_lint_reads_japanese_by_its_own_rules(monkeypatch):
    monkeypatch.delenv(i18n.COLLECT_ENV, raising=False)
    with i18n.language("ja"):
        assert lint() == []
        assert any("characters" in problem for problem in lint(title="長" * (chartlint.MAX_TITLE_CHARS_JA + 1)))
        assert any("names no unit" in problem for problem in lint(subtitle="日本の貿易、1990〜2025年"))
        assert any("not a sentence" in problem for problem in lint(description="An English sentence."))
        assert lint(subtitle="輸出台数、2024年") == []
        assert chartlint.fitting_title("長" * 70, "短い題") == "短い題"
        # a collecting run writes English where a message has no translation yet: it checks no text rule
        monkeypatch.setenv(i18n.COLLECT_ENV, "/dev/null")
        assert lint(description="An English sentence.") == [] and lint(sourced=False) == ["no source"]
