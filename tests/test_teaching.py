"""The teaching guide's tables are read from the chapters; the glossary covers the terms the chapters link."""

from __future__ import annotations

import re

import nbformat
import yaml

import tradetalks.chapters.teaching as teaching
from tradetalks import build, data
from tradetalks.grid import Run, load_grid

ROOT = build.ROOT
GLOSSARY = ROOT / "book" / "glossary.md"
# Names that contain digits and may appear in words-only text: legal provisions and CO2.
NAMES_WITH_DIGITS = re.compile(r"Section 232|232条|232-jō|Section 122|122条|122-jō|CO2")
TERM_ROLE = re.compile(r"\{term\}`([^`]*)`")


def glossary_entries() -> list[dict]:
    """Each glossary entry: its terms (unindented lines) and its definition (the indented lines after them)."""
    entries = []
    text = GLOSSARY.read_text(encoding="utf-8")
    for block in re.findall(r"^```\{glossary\}\n(.*?)^```$", text, flags=re.MULTILINE | re.DOTALL):
        terms: list[str] = []
        definition: list[str] | None = None
        for line in block.splitlines():
            if not line.strip() or (line.startswith(":") and not terms):
                continue
            if line.startswith((" ", "\t")):
                if definition is None:
                    definition = []
                    entries.append({"terms": terms, "lines": definition})
                definition.append(line.strip())
            else:
                if definition is not None:
                    terms, definition = [], None
                terms.append(line.strip())
    return [{"terms": entry["terms"], "definition": "\n".join(entry["lines"])} for entry in entries]


def glossary_terms() -> set[str]:
    return {term.lower() for entry in glossary_entries() for term in entry["terms"]}


def term_targets(markdown: str) -> list[str]:
    """The glossary term each {term} role in some markdown points at."""
    targets = []
    for content in TERM_ROLE.findall(markdown):
        explicit = re.match(r"^(.*?)\s*<([^<>]*)>$", content, flags=re.DOTALL)
        targets.append((explicit.group(2) if explicit else content).strip())
    return targets


def markdown_sources() -> dict[str, str]:
    """Markdown of every template notebook and prose page, by file name."""
    sources = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        sources[path.name] = "\n\n".join(cell.source for cell in cells if cell.cell_type == "markdown")
    for path in sorted((ROOT / "book").glob("*.md")):
        sources[path.name] = path.read_text(encoding="utf-8")
    return sources


# --- parsing, on small examples -------------------------------------------------------------------


def test_objectives_are_read_from_the_admonition():
    markdown = """# Title

:::{admonition} Learning objectives
:class: tip
After this chapter you can

- read a {term}`tariff <duty>` off a timeline;
- tell a *share* from a **count**, and
  say why it matters.
:::

:::{admonition} Not this one
- no
:::
"""
    assert teaching.tables.objectives_in(["intro", markdown]) == [
        "read a tariff off a timeline",
        "tell a share from a count, and say why it matters",
    ]
    assert teaching.tables.objectives_in(["no objectives here"]) == []


def test_exercises_are_read_with_labels_questions_and_solutions():
    labelled = """## Exercises

````{exercise}
:label: ex-one
Rerun it: `python -m tradetalks run x -p a b`. What changed in the U.S. figure?
More text.
````

````{solution} ex-one
:class: dropdown
An answer.
````

````{exercise}
:label: ex-two
No solution follows this one.
````
"""
    unlabelled = """````{exercise}
The calculator uses a retail price. Is that too high?
````

````{admonition} Solution
:class: dropdown
Too low.
````

````{exercise}
Add upstream emissions:
{glue:md}`cmd`
How far does it move?
````
"""
    found = teaching.tables.exercises_in([labelled, unlabelled])
    assert [e["number"] for e in found] == [1, 2, 3, 4]
    assert [e["label"] for e in found] == ["ex-one", "ex-two", "", ""]
    assert [e["solution"] for e in found] == [True, False, True, False]
    assert found[0]["question"] == "Rerun it: python -m tradetalks run x -p a b. What changed in the U.S. figure?"
    assert found[1]["question"] == "No solution follows this one."
    assert found[2]["question"] == "The calculator uses a retail price. Is that too high?"
    assert found[3]["question"] == "Add upstream emissions: (see the command on the page). How far does it move?"


def test_plain_text_drops_markup_but_keeps_what_a_reader_sees():
    assert teaching.tables.plain("a {term}`kei car <Kei car>` and {term}`BEV` with *emphasis* and **bold**") == (
        "a kei car and BEV with emphasis and bold"
    )
    assert teaching.tables.plain("it was {glue:md}`rate` then") == "it was (a figure from the chapter) then"
    assert teaching.tables.plain("run `python -m tradetalks run x` now") == "run python -m tradetalks run x now"


def test_the_japanese_edition_reads_objectives_and_questions_from_japanese_prose():
    """A translated template's admonition is titled in Japanese, its sentences end in 。 and a question in か。 or ？."""
    from tradetalks import i18n

    objectives = """:::{admonition} 学習目標
:class: tip
この章を読むと、次のことができるようになる。

- 時系列から{term}`実効関税率 <effective tariff rate>`を読み取れる。
- *シェア*と**台数**を区別できる。
:::
"""
    exercises = """````{exercise}
:label: ex-ja
計算機を再実行してみよう。
{glue:md}`cmd`
合意税率は*どれだけ*多くの関税を生むか。それはなぜか。
````

````{exercise}
表を開いてみよう。出典は何か、確かめよう。
````

````{admonition} 解答
:class: dropdown
答え。
````
"""
    with i18n.language("ja"):
        assert teaching.tables.objectives_in([objectives]) == ["時系列から実効関税率を読み取れる", "シェアと台数を区別できる"]
        found = teaching.tables.exercises_in([exercises])
        assert found[0]["question"] == "計算機を再実行してみよう。（コマンドは章のページを参照）。合意税率はどれだけ多くの関税を生むか。"
        assert found[1]["question"] == "表を開いてみよう。" and found[1]["solution"]
        assert teaching.tables.plain("値は{glue:md}`rate`だった") == "値は（章中の数値）だった"


# --- the real chapters ----------------------------------------------------------------------------


def test_chapters_are_the_grids_chapters_part_each_once():
    grid = yaml.safe_load(teaching.tables.GRID_FILE.read_text(encoding="utf-8"))
    part = next(p for p in grid["parts"] if p["caption"] == teaching.tables.CHAPTERS_PART)
    notebooks = list(dict.fromkeys(entry["notebook"] for entry in part["pages"] if "notebook" in entry))
    found = teaching.tables.chapters()
    assert [chapter.notebook for chapter in found] == notebooks
    assert "reverse_imports.ipynb" in notebooks and "teaching.ipynb" not in notebooks and "rerun.ipynb" not in notebooks
    assert all(chapter.path.is_file() for chapter in found)


def test_objectives_are_parsed_for_every_chapter():
    table = teaching.tables.learning_objectives()
    assert list(table.columns) == ["chapter_title", "after the chapter, a student can"]
    assert set(table["chapter_title"]) == {chapter.title for chapter in teaching.tables.chapters()}
    for chapter in teaching.tables.chapters():
        objectives = teaching.tables.objectives_of(chapter)
        assert len(objectives) >= 2, chapter.notebook
        for objective in objectives:
            assert objective and objective[0].islower(), (chapter.notebook, objective)
            assert not re.search(r"[{}`:]{2}|[;.]$|^After this chapter", objective), (chapter.notebook, objective)


def test_exercises_are_found_for_every_chapter_each_with_a_solution():
    table = teaching.tables.exercises()
    assert list(table.columns) == ["chapter_title", "exercise_number", "label", "the exercise asks", "solution on the page"]
    assert set(table["chapter_title"]) == {chapter.title for chapter in teaching.tables.chapters()}
    assert (table["solution on the page"] == "yes").all(), table[table["solution on the page"] != "yes"]
    labels = [label for label in table["label"] if label]
    assert len(labels) == len(set(labels)) and "tariffs-ex-bill" in labels
    for asks in table["the exercise asks"]:
        assert asks and "{glue" not in asks and "`" not in asks and "\n" not in asks
    first = table[table["label"] == "tariffs-ex-bill"]["the exercise asks"].item()
    assert first.startswith("Rerun the calculator") and first.endswith("?")


def test_rerun_commands_name_every_chapter_and_its_parameters():
    table = teaching.tables.rerun_commands()
    assert len(table) == len(teaching.tables.chapters())
    row = table[table["run_command"].str.contains("run auto_tariffs ")].iloc[0]
    assert "rates_pct" in row["parameter_names"] and "data_dir" not in row["parameter_names"]


def test_the_guides_tables_read_as_words():
    """Every header in words, no cross-reference label in a cell, and the lists about the site cite no source."""
    from tradetalks import charts

    for table in (
        teaching.tables.learning_objectives(),
        teaching.tables.exercises_for_readers(teaching.tables.exercises()),
        teaching.tables.rerun_commands(),
    ):
        figure = charts.publish_table(table, name="t", title="t", evidence=[table.head(0)])
        headers = re.findall(r"<th>([^<]*)</th>", figure.body)
        assert headers and all(header[:1].isupper() and "_" not in header for header in headers), headers
        assert not re.search(r"\b[a-z]+-ex-[a-z-]+\b", figure.body)
        assert "generated from this project's own files" in figure.body


def test_reading_the_chapters_traces_them_for_incremental_builds(tmp_path, monkeypatch):
    trace = tmp_path / "trace"
    monkeypatch.setenv(data.TRACE_ENV, str(trace))
    teaching.tables.learning_objectives()
    teaching.tables.exercises()
    traced = set(trace.read_text(encoding="utf-8").split())
    assert "@notebooks/grid.yml" in traced
    assert {f"@notebooks/{chapter.notebook}" for chapter in teaching.tables.chapters()} <= traced


# --- the pages in the grid ------------------------------------------------------------------------


def test_grid_lists_the_teaching_guide_and_the_glossary():
    grid = load_grid()
    part = next(p for p in grid.parts if p.caption == "Rerun and reference")
    runs = [e for e in part.entries if isinstance(e, Run)]
    teaching_run = next(run for run in runs if run.page == "teaching")
    assert (teaching_run.notebook, teaching_run.title, teaching_run.parameters) == ("teaching.ipynb", "Teaching guide", {})
    assert "glossary" in part.entries and GLOSSARY.is_file()


def test_teaching_template_is_generated_and_its_words_carry_no_figures():
    cells = nbformat.read(ROOT / "notebooks" / "teaching.ipynb", as_version=4).cells
    parameters = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assert len(parameters) == 1 and "remove-cell" in parameters[0].metadata["tags"]
    assert "\ndata_dir = None  # " in parameters[0].source  # written from the page's declaration
    code = [c for c in cells if c.cell_type == "code" and c is not parameters[0]]
    assert all(set(c.metadata.get("tags", [])) & {"remove-input", "remove-cell"} for c in code)
    assert not any(c.get("outputs") for c in code)
    words = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "python -m tradetalks run CHAPTER -p NAME VALUE" in words and "(rerun.ipynb)" in words
    words = re.sub(r"^\d+\. ", "", words, flags=re.MULTILINE)  # numbered steps are not figures
    assert not re.search(r"\d", words), re.findall(r".{20}\d.{20}", words, flags=re.DOTALL)


# --- the glossary ---------------------------------------------------------------------------------


def test_glossary_entries_define_give_japanese_and_link_chapters():
    entries = glossary_entries()
    assert len(entries) >= 40
    pages = {f"{page}" for page in [run.page for run in load_grid().runs]}
    for entry in entries:
        name = entry["terms"][0]
        assert "Japanese:" in entry["definition"] and "Used in:" in entry["definition"], name
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", entry["definition"]), f"{name}: no kanji or kana"
        assert re.search(r"\(\*[^*]+\*", entry["definition"]), f"{name}: no romaji"
        for target in re.findall(r"\]\(([^)]+)\)", entry["definition"]):
            assert target.endswith(".ipynb") and target.removesuffix(".ipynb") in pages, (name, target)
            assert (ROOT / "book" / target).is_file(), (name, target)


def test_glossary_definitions_are_words_not_statistics():
    for entry in glossary_entries():
        text = NAMES_WITH_DIGITS.sub("", entry["definition"])
        assert not re.search(r"\d", text), (entry["terms"][0], re.findall(r".{15}\d.{15}", text, flags=re.DOTALL))


def test_glossary_has_the_terms_the_brief_asks_for_once_each():
    terms = [term.lower() for entry in glossary_entries() for term in entry["terms"]]
    assert len(terms) == len(set(terms)), sorted({t for t in terms if terms.count(t) > 1})
    for term in [
        "mfn rate",
        "section 232",
        "reciprocal tariff",
        "ieepa",
        "section 122",
        "non-tariff barrier",
        "type certification",
        "php",
        "kei car",
        "reverse import",
        "ver",
        "garage certificate",
        "right-hand drive",
        "bev",
        "phev",
        "hev",
        "nev",
        "ev",
        "grid carbon intensity",
        "life-cycle assessment",
        "trade deficit",
        "trade balance",
        "census vintage",
        "customs value",
        "jaia",
        "jama",
    ]:
        assert term in terms, term


def test_every_term_link_in_the_pages_has_a_glossary_entry():
    known = glossary_terms()
    linked = {name: term_targets(text) for name, text in markdown_sources().items()}
    missing = {name: [t for t in targets if t.lower() not in known] for name, targets in linked.items()}
    assert all(not targets for targets in missing.values()), missing
    for chapter in teaching.tables.chapters():
        assert len(linked[chapter.notebook]) >= 3, f"{chapter.notebook} links fewer than three glossary terms"
