"""The teaching guide's tables, read from the chapter templates themselves.

Learning objectives and exercises are written once, in the chapters; the teaching guide
(``notebooks/teaching.ipynb``) lists them from there, so it never falls out of step. Every file
read is traced, so an incremental build re-runs the guide when a chapter changes.

In a translated edition (``i18n.current()`` not English) the objectives and exercises are read from the chapters'
translated templates (``i18n.translate``: the template with its catalog's markdown), and the words the guide adds
(chapter titles, "yes"/"no", the stand-ins for glued values) come through ``tr``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pandas as pd
import yaml

from tradetalks import data, i18n, project
from tradetalks.grid import declared_parameters
from tradetalks.i18n import N_, tr

ROOT = project.ROOT
READ_FROM = ("notebooks/grid.yml", "notebooks/*.ipynb")  # what the teaching tables are read from
GRID_FILE = ROOT / "notebooks" / "grid.yml"
CHAPTERS_PART = "Chapters"  # the grid part whose notebooks are chapters (the browser tests use the same caption)
OBJECTIVES_TITLE = N_("Learning objectives")  # the admonition's title (a translated template has it translated)
SOLUTION_TITLE = N_("Solution")  # an unlabelled exercise's solution: an admonition titled so
# What the guide's text shows in place of a glued command on its own line, and of a glued value in a sentence
GLUED_COMMAND, GLUED_VALUE = N_("(see the command on the page)."), N_("(a figure from the chapter)")
# The guide's own columns whose names are already words (their headers, see columns.py)
OBJECTIVE_COLUMN = "after the chapter, a student can"
QUESTION_COLUMN, SOLUTION_COLUMN = "the exercise asks", "solution on the page"
# Cells of one word: the English word, and the message a translated edition looks up (a bare "yes" or "none" is
# another page's message too, translated for its own context; catalogs hold one translation per message)
SOLVED = {True: ("yes", N_("yes (the exercise's solution is on the page)")), False: ("no", N_("no (the page gives no solution)"))}
NO_PARAMETERS = ("none", N_("none (the chapter takes no parameter besides the data folder)"))
MAX_QUESTION_SENTENCES = 4  # an exercise's question is shown in full if it ends within this many sentences

# A MyST directive block fenced with backticks or colons: ```{name} argument ... ``` (same fence closes it).
_DIRECTIVE = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[\w:-]+)\}[ \t]*(?P<argument>[^\n]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    flags=re.MULTILINE | re.DOTALL,
)
_OPTION = re.compile(r"^:(?P<key>[\w-]+):[ \t]*(?P<value>.*)$")
_GLUE = re.compile(r"\{glue(?::\w+)?\}`[^`]*`")
_GLUE_LINE = re.compile(r"^[ \t]*\{glue(?::\w+)?\}`[^`]*`[ \t]*$", flags=re.MULTILINE)  # a glued command on its own line
_ROLE_WITH_TARGET = re.compile(r"\{[\w:-]+\}`([^`<]*?)\s*<[^`>]*>`")
_ROLE = re.compile(r"\{[\w:-]+\}`([^`]*)`")
# A sentence ends at . ? or ! followed by space, except after abbreviations the chapters use.
_SENTENCE_END = re.compile(r"(?<!\bU\.S\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<=[.?!])\s+")
# Japanese: a sentence ends at 。？ or ！ (spaces after it are dropped); a question ends in ？ or in か。
_JA_SENTENCE_END = re.compile(r"(?<=[。？！])(?![」』）])\s*")
_JA_QUESTION = re.compile(r"(？|か。)$")


def _japanese() -> bool:
    return i18n.current() == "ja"


def _word(cell: tuple[str, str]) -> str:
    """A one-word cell in the current language: the word in English, its message's translation otherwise."""
    word, message = cell
    return word if i18n.current() == i18n.SOURCE_LANGUAGE else tr(message)


@dataclass(frozen=True)
class Chapter:
    """One chapter template as the grid lists it (its first page, if it runs more than once)."""

    notebook: str
    page: str
    title: str

    @property
    def name(self) -> str:
        return Path(self.notebook).stem

    @property
    def path(self) -> Path:
        return ROOT / "notebooks" / self.notebook


def chapters(grid_file: Path = GRID_FILE) -> list[Chapter]:
    """The chapter templates of the grid's "Chapters" part, in site order, each once."""
    data.trace_project_file(grid_file)
    grid = yaml.safe_load(grid_file.read_text(encoding="utf-8"))
    found: dict[str, Chapter] = {}
    for part in grid["parts"]:
        if part["caption"] != CHAPTERS_PART:
            continue
        for entry in part["pages"]:
            if "notebook" in entry and entry["notebook"] not in found:
                found[entry["notebook"]] = Chapter(entry["notebook"], entry["page"], entry["title"])
    return list(found.values())


def markdown_of(path: Path) -> list[str]:
    """The markdown cells of a notebook (traced, so a change to it re-runs the page that read it), in the current
    language: a translated edition reads the template's translation (its catalog traced too)."""
    data.trace_project_file(path)
    if i18n.current() == i18n.SOURCE_LANGUAGE:
        notebook = nbformat.read(path, as_version=4)
    else:
        catalog = i18n.catalog_path(path, i18n.current())
        if catalog.is_file():
            data.trace_project_file(catalog)
        notebook = i18n.translate(path, i18n.current(), strict=False)
    return [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]


def plain(text: str) -> str:
    """MyST markup reduced to readable text: roles and code keep their shown text, glued values are named as such."""
    text = _GLUE_LINE.sub(lambda _: tr(GLUED_COMMAND), text)
    text = _GLUE.sub(lambda _: tr(GLUED_VALUE), text)
    text = _ROLE_WITH_TARGET.sub(r"\1", text)
    text = _ROLE.sub(r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)  # inline code: the table shows text, so the backticks would show
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    if _japanese():  # Japanese emphasis sits between letters: 輸入が*減る*場合
        text = re.sub(r"(?<!\*)\*(?![\s*])(.+?)(?<![\s*])\*(?!\*)", r"\1", text)
        # a line break inside a Japanese paragraph joins its sentences without a space
        return re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", re.sub(r"\s+", " ", text)).strip()
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[str]:
    """The sentences of the first paragraph of some prose, as plain text."""
    paragraph = plain(re.split(r"\n\s*\n", text.strip(), maxsplit=1)[0])
    return [sentence for sentence in (_JA_SENTENCE_END if _japanese() else _SENTENCE_END).split(paragraph) if sentence]


def question(text: str) -> str:
    """What an exercise asks: its first paragraph up to the first question, if that comes within
    ``MAX_QUESTION_SENTENCES`` sentences; otherwise its first sentence."""
    found = sentences(text)
    japanese = _japanese()
    for count, sentence in enumerate(found[:MAX_QUESTION_SENTENCES], start=1):
        if _JA_QUESTION.search(sentence) if japanese else sentence.endswith("?"):
            return ("" if japanese else " ").join(found[:count])
    return found[0] if found else ""


def _blocks(markdown: str) -> list[dict]:
    """Every directive block in a markdown cell, in order: name, argument, options and content."""
    blocks = []
    for match in _DIRECTIVE.finditer(markdown):
        lines = match.group("body").splitlines()
        options = {}
        while lines and (option := _OPTION.match(lines[0].strip())):
            options[option.group("key")] = option.group("value").strip()
            lines.pop(0)
        blocks.append(
            {
                "name": match.group("name"),
                "argument": match.group("argument").strip(),
                "options": options,
                "content": "\n".join(lines).strip(),
            }
        )
    return blocks


def directives(markdown: str, name: str) -> list[dict]:
    """Every ``{name}`` directive block in a markdown cell: argument, options and content."""
    return [block for block in _blocks(markdown) if block["name"] == name]


def list_items(content: str) -> list[str]:
    """The items of the first bulleted list in some markdown (continuation lines joined)."""
    items: list[str] = []
    for line in content.splitlines():
        if re.match(r"^\s*[-*+]\s+", line):
            items.append(re.sub(r"^\s*[-*+]\s+", "", line))
        elif items and line.startswith((" ", "\t")) and line.strip():
            items[-1] += " " + line.strip()
        elif items and not line.strip():
            break
    return [plain(item) for item in items]


def objectives_in(markdowns: list[str]) -> list[str]:
    """The items of the "Learning objectives" admonition in some markdown cells, without closing punctuation."""
    for markdown in markdowns:
        for block in directives(markdown, "admonition"):
            if block["argument"] in (OBJECTIVES_TITLE, tr(OBJECTIVES_TITLE)):
                return [re.sub(r"[;.,。、]?\s*(and|or)?$", "", item).strip() for item in list_items(block["content"])]
    return []


def objectives_of(chapter: Chapter) -> list[str]:
    """A chapter's learning objectives, read from its template."""
    return objectives_in(markdown_of(chapter.path))


def learning_objectives(grid_file: Path = GRID_FILE) -> pd.DataFrame:
    """One row per learning objective: chapter (its title on the site) and what a student can do after it."""
    rows = [
        {"chapter_title": tr(chapter.title), OBJECTIVE_COLUMN: objective}
        for chapter in chapters(grid_file)
        for objective in objectives_of(chapter)
    ]
    return data.read_from(pd.DataFrame(rows, columns=["chapter_title", OBJECTIVE_COLUMN]), *READ_FROM)


def _is_solution(block: dict) -> bool:
    titles = tuple(dict.fromkeys((SOLUTION_TITLE.lower(), tr(SOLUTION_TITLE).lower())))
    return block["name"] == "solution" or (block["name"] == "admonition" and block["argument"].lower().startswith(titles))


def exercises_in(markdowns: list[str]) -> list[dict]:
    """The exercises in some markdown cells, in order: number, label, title, first sentence, and whether a solution is given.

    A labelled exercise has a solution if a ``{solution}`` names its label; an unlabelled one if the
    next block is a solution (a ``{solution}`` or an admonition titled "Solution").
    """
    found = []
    for markdown in markdowns:
        blocks = _blocks(markdown)
        for position, block in enumerate(blocks):
            if block["name"] != "exercise":
                continue
            label = block["options"].get("label", "")
            if label:
                solved = any(b["name"] == "solution" and b["argument"].split()[:1] == [label] for b in blocks)
            else:
                solved = position + 1 < len(blocks) and _is_solution(blocks[position + 1])
            found.append(
                {
                    "number": len(found) + 1,
                    "label": label,
                    "title": block["argument"],
                    "question": question(block["content"]),
                    "solution": solved,
                }
            )
    return found


def exercises_of(chapter: Chapter) -> list[dict]:
    """A chapter's exercises, read from its template."""
    return exercises_in(markdown_of(chapter.path))


def exercises(grid_file: Path = GRID_FILE) -> pd.DataFrame:
    """One row per exercise: chapter, its number there, label, what it asks, solution given."""
    rows = [
        {
            "chapter_title": tr(chapter.title),
            "exercise_number": exercise["number"],
            "label": exercise["label"] or exercise["title"],
            QUESTION_COLUMN: exercise["question"],
            SOLUTION_COLUMN: _word(SOLVED[bool(exercise["solution"])]),
        }
        for chapter in chapters(grid_file)
        for exercise in exercises_of(chapter)
    ]
    return data.read_from(
        pd.DataFrame(rows, columns=["chapter_title", "exercise_number", "label", QUESTION_COLUMN, SOLUTION_COLUMN]), *READ_FROM
    )


def exercises_for_readers(table: pd.DataFrame) -> pd.DataFrame:
    """``exercises`` for readers: the label is the chapter's cross-reference id, not words, so it stays in the CSV."""
    return table.drop(columns="label")


def rerun_commands(grid_file: Path = GRID_FILE) -> pd.DataFrame:
    """Per chapter: the command that reruns it and the parameters a class can change (read from the template)."""
    rows = []
    for chapter in chapters(grid_file):
        names = [p["parameter"] for p in declared_parameters(chapter.path) if p["parameter"] != "data_dir"]
        rows.append(
            {
                "chapter_title": tr(chapter.title),
                "run_command": f"python -m tradetalks run {chapter.name} -p NAME VALUE",
                "parameter_names": ("、" if _japanese() else ", ").join(names) or _word(NO_PARAMETERS),
            }
        )
    return data.read_from(pd.DataFrame(rows, columns=["chapter_title", "run_command", "parameter_names"]), *READ_FROM)
