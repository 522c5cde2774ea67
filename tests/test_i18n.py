"""Translating the templates' prose for the Japanese edition: catalogs, the gate, and the translated template."""

from __future__ import annotations

import nbformat
import pytest

from tradetalks import i18n

ENGLISH = (
    "(tariffs-rounds)=\n## The rounds of talks\n\n"
    "The duty rose to {glue:md}`peak_rate` on {glue:md}`peak_date` (see {ref}`tariffs-duty`); a {term}`Section 232` tariff.\n"
    "Run `python -m tradetalks run`."
)
JAPANESE = (
    "(tariffs-rounds)=\n## 交渉の経過\n\n"
    "関税は{glue:md}`peak_date`に{glue:md}`peak_rate`へ上がった（{ref}`tariffs-duty`参照）。{term}`通商拡大法232条 <Section 232>`による関税である。\n"
    "`python -m tradetalks run` で再実行できる。"
)


@pytest.fixture
def template(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell(ENGLISH, id="rounds-text"),
        nbformat.v4.new_code_cell("x = 1", id="rounds-code"),
        nbformat.v4.new_markdown_cell("A second paragraph.", id="rounds-more"),
    ]
    path = tmp_path / "tariffs.ipynb"
    nbformat.write(notebook, path)
    return path


def translated(template, strings):
    catalog = i18n.extract(template, "ja")
    for message in catalog:
        if message.id and message.context in strings:
            message.string = strings[message.context]
    return catalog


def test_one_message_per_markdown_cell_with_its_id(template):
    catalog = i18n.extract(template, "ja")
    messages = [m for m in catalog if m.id]
    assert [(m.context, m.id) for m in messages] == [("rounds-text", ENGLISH), ("rounds-more", "A second paragraph.")]


def test_an_untranslated_cell_stops_the_translation(template):
    catalog = translated(template, {"rounds-text": JAPANESE})
    (problem,) = i18n.check(template, catalog)
    assert str(problem) == "cell rounds-more: not translated"
    with pytest.raises(i18n.TranslationError, match="rounds-more: not translated"):
        i18n.translate(template, "ja", catalog)


def test_a_translation_that_drops_or_adds_a_placeholder_is_refused(template):
    dropped = JAPANESE.replace("{glue:md}`peak_rate`", "27.5%")
    catalog = translated(template, {"rounds-text": dropped, "rounds-more": "二段落目。"})
    (problem,) = i18n.check(template, catalog)
    assert "drops ['{glue:md}`peak_rate`']" in str(problem) and "adds nothing" in str(problem)
    extra = JAPANESE + " {glue:md}`other`"
    (problem,) = i18n.check(template, translated(template, {"rounds-text": extra, "rounds-more": "二段落目。"}))
    assert "adds ['{glue:md}`other`']" in str(problem)


def test_a_term_may_be_translated_but_not_retargeted(template):
    retargeted = JAPANESE.replace("<Section 232>", "<Section 301>")
    (problem,) = i18n.check(template, translated(template, {"rounds-text": retargeted, "rounds-more": "二段落目。"}))
    assert "{term}`Section 232`" in str(problem)


def test_a_complete_catalog_gives_the_translated_template(template):
    notebook = i18n.translate(template, "ja", translated(template, {"rounds-text": JAPANESE, "rounds-more": "二段落目。"}))
    language, *rest = notebook.cells
    assert [cell.source for cell in rest] == [JAPANESE, "x = 1", "二段落目。"]
    # the template has no parameters cell: the language is set first, in a cell readers do not see
    assert "i18n.use('ja', 'tariffs')" in language.source and language.metadata["tags"] == ["remove-cell"]
    assert notebook.metadata["tradetalks"] == {"lang": "ja"}


def test_a_changed_english_cell_turns_its_translation_fuzzy(template, tmp_path, monkeypatch):
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    path = i18n.update(template, "ja")
    catalog = i18n.read_catalog(path)
    for message in catalog:
        if message.context == "rounds-more":
            message.string = "二段落目。"
        elif message.id:
            message.string = JAPANESE
    i18n.write_catalog(catalog, path)
    notebook = nbformat.read(template, as_version=4)
    notebook.cells[2].source = "A second paragraph, reworded."
    nbformat.write(notebook, template)
    i18n.update(template, "ja")
    problems = i18n.check(template, i18n.read_catalog(path))
    assert [str(p) for p in problems] == ["cell rounds-more: fuzzy: the English changed since it was translated"]


def test_status_fails_while_any_catalog_is_missing(capsys, monkeypatch, tmp_path):
    from tradetalks import cli

    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    assert cli.main(["i18n", "status", "--lang", "ja"]) == 1
    out = capsys.readouterr().out
    assert "claims.ipynb: 0 of" in out and "(no catalog yet)" in out
    assert "code/tradetalks: 0 of" in out and "pages/glossary.md: 0 of" in out
