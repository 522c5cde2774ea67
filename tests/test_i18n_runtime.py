"""The Japanese edition at run time: the code's words from catalogs, figures in Japanese, prose pages, the editions' links."""

from __future__ import annotations

import json

import pytest
from babel.messages.catalog import Catalog

from tradetalks import i18n, text
from tradetalks.grid import Run
from tradetalks.sphinx_ext import counterpart


@pytest.fixture
def catalogs(tmp_path, monkeypatch):
    """An empty locale folder with a code catalog the test fills: {english: (japanese, fuzzy)}."""
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)

    def write(domain: str, messages: dict[str, tuple[str, bool]]) -> None:
        catalog = Catalog(locale="ja")
        for english, (japanese, fuzzy) in messages.items():
            catalog.add(english, japanese, flags=["fuzzy"] if fuzzy else [])
        i18n.write_catalog(catalog, i18n.code_catalog_path(domain, "ja"))

    yield write
    i18n.use("en")


def test_tr_is_the_english_itself_in_english(catalogs):
    catalogs("tradetalks", {"cars": ("台", False)})
    assert i18n.tr("cars") == "cars" and i18n.tr("no such message") == "no such message"


def test_tr_gives_the_catalogs_translation_and_stops_on_a_missing_or_fuzzy_one(catalogs):
    catalogs("tradetalks", {"cars": ("台", False)})
    catalogs("auto_tariffs.data", {"Proclamation 10908": ("大統領布告10908号", False), "Old words": ("古い訳", True)})
    with i18n.language("ja"):
        assert i18n.tr("cars") == "台" and i18n.tr("Proclamation 10908") == "大統領布告10908号"
        with pytest.raises(i18n.MissingTranslation, match=r"no ja translation of 'Old words'.*i18n update"):
            i18n.tr("Old words")  # the English changed since: a fuzzy translation is not used
        with pytest.raises(i18n.MissingTranslation, match="no ja translation of 'trucks'"):
            i18n.tr("trucks")
    assert i18n.current() == "en"


def test_a_pages_own_catalogs_come_first_when_pages_word_a_message_differently(catalogs):
    catalogs("ev_china", {"none": ("該当する国なし", False)})
    catalogs("reverse_imports", {"none": ("なし", False)})
    catalogs("tradetalks", {"Sources": ("出典", False)})
    with i18n.language("ja", "ev_china"):
        assert i18n.tr("none") == "該当する国なし" and i18n.tr("Sources") == "出典"
    with i18n.language("ja", "reverse_imports"):
        assert i18n.tr("none") == "なし"


def test_a_collecting_run_notes_missing_messages_and_goes_on_in_english(catalogs, tmp_path, monkeypatch):
    catalogs("tradetalks", {})
    notes = tmp_path / "notes.jsonl"
    monkeypatch.setenv(i18n.COLLECT_ENV, str(notes))
    with i18n.language("ja"):
        assert i18n.tr("Toyota") == "Toyota"
    assert [json.loads(line) for line in notes.read_text(encoding="utf-8").splitlines()] == ["Toyota"]
    path, new = i18n.add_collected("auto_tariffs", "ja", ["Toyota", "Toyota"])
    assert new == 1 and path.name == "auto_tariffs.data.po"
    assert i18n.add_collected("auto_tariffs", "ja", ["Toyota"])[1] == 0  # noted once


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        i18n.use("fr")


def test_extraction_sees_literal_messages_and_marked_constants_only(tmp_path):
    module = tmp_path / "words.py"
    module.write_text(
        'from tradetalks.i18n import N_, tr\nTITLE = N_("Cars by maker")\n'
        'def line(n):\n    return tr("{n} cars").format(n=n) + tr(f"{n} trucks") + str(len("not a message"))\n',
        encoding="utf-8",
    )
    catalog = i18n.extract_code("demo", "ja", [module])
    assert sorted(message.id for message in catalog if message.id) == ["Cars by maker", "{n} cars"]


def test_a_translation_must_keep_the_messages_fields():
    catalog = Catalog(locale="ja")
    catalog.add("{share} of imports in {year}", "{year}年の輸入の{share}")
    catalog.add("{share} of exports", "輸出の割合")
    catalog.add("untouched", "")
    problems = {problem.context: problem.what for problem in i18n.check_code(catalog)}
    assert set(problems) == {"'{share} of exports'", "'untouched'"}
    assert "fields [], the English ['share']" in problems["'{share} of exports'"]


def test_japanese_figures_use_japanese_units_and_dates(catalogs):
    catalogs("tradetalks", {"cars": ("台", False)})
    with i18n.language("ja"):
        assert text.about(1_293_775, "cars") == "約130万台"
        assert text.rounded(16_707) == "1.7万" and text.rounded(1.3e12) == "1.3兆"
        assert text.yen_bn(2500) == "2.5兆円" and text.yen_bn(350) == "3500億円"
        assert text.usd_bn(68.2532) == "683億ドル" and text.about_usd_bn(10.98) == "約110億ドル"
        assert text.qualified("over", text.yen_bn(2500)) == "2.5兆円超"
        assert text.fraction(33.3) == "約3分の1" and text.about_pct(64.61) == "約65%"
        assert text.date("2025-04-03") == "2025年4月3日" and text.month("2025-05") == "2025年5月"
        assert text.date_span("2025-06-05", "2025-06-06") == "2025年6月5〜6日"
        assert text.date_span("2025-04-30", "2025-05-02") == "2025年4月30日〜5月2日"
        assert text.listed(["A", "B"]) == "AとB" and text.listed(["A", "B", "C"]) == "A、B、C"
        assert text.count_words(6) == "6" and text.year_span([2015, 2019, 2024]) == "2015〜2024"
    # the same figures in English are unchanged
    assert text.about(1_293_775, "cars") == "about 1.3 million cars" and text.date("2025-04-03") == "3 April 2025"


def test_a_runs_translated_edition_has_its_own_key_and_title(catalogs):
    catalogs("tradetalks", {"Teaching guide": ("授業での使い方", False)})
    run = Run("teaching.ipynb", "teaching", "Teaching guide")
    japanese = run.in_language("ja")
    assert (japanese.key, japanese.title, japanese.lang, japanese.template) == ("ja/teaching", "授業での使い方", "ja", run.template)
    assert run.in_language("en") is run and run.key == "teaching"


GLOSSARY = "# Glossary\n\n```{glossary}\n:sorted:\n\ntariff\nduty\n  A tax on imports.\n\n  See {term}`duty`.\n```\n"


def test_a_prose_page_is_translated_block_by_block_and_keeps_its_markup(tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    page = tmp_path / "glossary.md"
    page.write_text(GLOSSARY, encoding="utf-8")
    catalog = i18n.extract_page(page, "ja")
    assert [message.id for message in catalog if message.id] == ["# Glossary", "tariff\nduty\n  A tax on imports.", "  See {term}`duty`."]
    with pytest.raises(i18n.TranslationError, match="not translated"):
        i18n.translate_page(page, "ja")
    translations = {"# Glossary": "# 用語集", "tariff\nduty\n  A tax on imports.": "関税\ntariff\nduty\n  輸入品にかかる税。"}
    translations["  See {term}`duty`."] = "  {term}`duty`も見よ。"
    for message in catalog:
        if message.id:
            message.string = translations[message.id]
    i18n.write_catalog(catalog, i18n.page_catalog_path(page, "ja"))
    japanese = i18n.translate_page(page, "ja")
    # the fence and its options are copied; the English headwords stay as the entry's other names
    assert japanese == "# 用語集\n\n```{glossary}\n:sorted:\n\n関税\ntariff\nduty\n  輸入品にかかる税。\n\n  {term}`duty`も見よ。\n```\n"
    message = catalog.get("  See {term}`duty`.")
    message.string = "  関税も見よ。"
    i18n.write_catalog(catalog, i18n.page_catalog_path(page, "ja"))
    with pytest.raises(i18n.TranslationError, match=r"drops \['\{term\}`duty`'\]"):
        i18n.translate_page(page, "ja")


@pytest.mark.parametrize(
    ("page", "this", "other", "address"),
    [
        ("book/auto_tariffs", "en", "ja", "../ja/book/auto_tariffs.html"),
        ("book/auto_tariffs", "ja", "en", "../../book/auto_tariffs.html"),
        ("book/auto_tariffs", "ja", "ja", "../../ja/book/auto_tariffs.html"),
        ("search", "en", "ja", "ja/search.html"),
    ],
)
def test_every_page_links_to_its_counterpart_in_the_other_edition(page, this, other, address):
    assert counterpart(page, this, other) == address


def test_a_build_of_an_incomplete_edition_stops_before_running_anything(tmp_path, monkeypatch):
    from tradetalks import build
    from tradetalks.grid import BuildError

    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)  # no catalogs at all
    monkeypatch.setattr(build, "execute_runs", lambda *a, **k: pytest.fail("a chapter ran"))
    with pytest.raises(BuildError, match=r"the translation is incomplete; nothing was built[\s\S]*ja: claims.ipynb"):
        build.build_site(out=tmp_path / "site", languages=["ja"])
    assert not (tmp_path / "site").exists()


def test_a_translated_section_also_answers_to_the_english_sections_id(tmp_path):
    from tradetalks.build import carry_anchors
    from tradetalks.grid import BuildError

    english, japanese = tmp_path / "en", tmp_path / "ja"
    for site, body in (
        (english, '<section id="why"><h2>Why</h2><section id="germany-against-america">'),
        (japanese, '<section id="id1"><h2>なぜ</h2><section id="germany-against-america">'),
    ):
        (site / "book").mkdir(parents=True)
        (site / "book" / "japan_market.html").write_text(body, encoding="utf-8")
    carry_anchors(english, japanese)
    assert (japanese / "book" / "japan_market.html").read_text(encoding="utf-8") == (
        '<section id="id1"><span id="why"></span><h2>なぜ</h2><section id="germany-against-america">'
    )
    (japanese / "book" / "japan_market.html").write_text('<section id="id1">', encoding="utf-8")
    with pytest.raises(BuildError, match="has 1 sections, the English page 2"):
        carry_anchors(english, japanese)
