"""The grid, the toc, notebook normalising, and all-or-nothing builds."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import nbformat
import pytest
import yaml

from tradetalks import build, data, execute
from tradetalks.grid import BuildError, Run, load_grid, table_of_contents, toc_text

ROOT = build.ROOT


def test_toc_follows_from_the_grid():
    grid = load_grid()
    committed = yaml.safe_load((ROOT / "_toc.yml").read_text())
    assert committed == table_of_contents(grid)
    assert committed["root"] == "book/intro"


def test_every_run_has_a_template_with_a_parameters_cell():
    for run in load_grid().runs:
        cells = nbformat.read(run.template, as_version=4).cells
        tagged = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
        assert len(tagged) == 1, run.notebook
        assert "data_dir = None" in tagged[0].source
        assert not any(c.get("outputs") for c in cells if c.cell_type == "code"), f"{run.notebook} carries outputs"


def test_grid_rejects_duplicate_pages_and_missing_notebooks(tmp_path):
    grid = tmp_path / "grid.yml"
    grid.write_text(yaml.safe_dump({"root": "intro", "parts": [{"caption": "C", "pages": [{"page": "intro"}]}]}))
    with pytest.raises(BuildError, match="more than once: intro"):
        load_grid(grid)
    grid.write_text(
        yaml.safe_dump({"root": "intro", "parts": [{"caption": "C", "pages": [{"notebook": "nope.ipynb", "page": "p", "title": "T"}]}]})
    )
    with pytest.raises(BuildError, match="'nope.ipynb', which is not in notebooks/"):
        load_grid(grid)


def test_retitle_and_normalise():
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Old title\ntext"), nbformat.v4.new_code_cell("1")]
    notebook.metadata["papermill"] = {"start_time": "2026-01-01T00:00:00"}
    notebook.cells[1].metadata["papermill"] = {"duration": 1.2}
    notebook.cells[1].metadata["execution"] = {"iopub.execute_input": "2026"}
    execute.retitle(notebook, "New title")
    execute.normalise(notebook, "page")
    assert notebook.cells[0].source == "# New title\ntext"
    assert "papermill" not in notebook.metadata
    assert notebook.cells[1].metadata == {}
    assert [c["id"] for c in notebook.cells] == ["page-0", "page-1"]


def test_committed_chapters_are_normalised_and_free_of_machine_paths():
    for run in load_grid().runs:
        path = ROOT / "book" / f"{run.page}.ipynb"
        text = path.read_text()
        notebook = json.loads(text)
        assert "papermill" not in notebook["metadata"], path
        assert all(c["id"] == f"{run.page}-{i}" for i, c in enumerate(notebook["cells"]))
        assert str(ROOT) not in text and "/tmp/" not in text
        assert notebook["cells"][0]["source"][0] == f"# {run.title}\n"
        errors = [o for c in notebook["cells"] for o in c.get("outputs", []) if o["output_type"] == "error"]
        assert errors == []
        footer = "".join(notebook["cells"][-1]["source"])
        assert footer.startswith("```{admonition} Cite this page") and "**Last updated:**" in footer


def test_page_footer_dates_the_page_from_its_sources():
    from tradetalks import catalog

    as_of = catalog.as_of_for_files(["tariff_timeline.csv", "negotiation_rounds.csv"])
    assert as_of == "2026-03-07"  # the newest dated source cited by those two tables
    footer = execute.page_footer("Why *not*?", as_of)
    assert "“Why \\*not\\*?.”" in footer and "data as of 2026-03-07" in footer
    assert "generated from the project's own files" in execute.page_footer("T", None)


def test_bad_data_builds_nothing_and_keeps_the_old_site(data_copy, tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("previous site")
    rates = data_copy / "tariff_timeline.csv"
    rates.write_text(rates.read_text().replace(",2.5,HTSUS", ",2.5%,HTSUS", 1))
    result = subprocess.run(
        [sys.executable, "-m", "tradetalks", "build", "--data", str(data_copy), "--out", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert 'tariff_timeline.csv, row 8, column rate_pct: "2.5%" is not a valid number' in result.stderr
    assert [p.name for p in out.iterdir()] == ["index.html"] and (out / "index.html").read_text() == "previous site"
    assert not list(tmp_path.glob(".site-staging-*"))


def test_run_with_a_bad_parameter_names_chapter_and_cell(tmp_path):
    with pytest.raises(
        BuildError, match=r"chapter 'auto_tariffs-custom' \(auto_tariffs.ipynb\): cell \d+ raised ParameterError: year_from \(2020\)"
    ):
        build.run_chapter("auto_tariffs", {"year_from": 2020, "year_to": 2000}, tmp_path)
    with pytest.raises(BuildError, match="has no parameter rate; its parameters: data_dir, rates_pct"):
        build.run_chapter("auto_tariffs", {"rate": 5}, tmp_path)
    with pytest.raises(BuildError, match="unknown chapter 'tariffs'; chapters: auto_tariffs"):
        build.run_chapter("tariffs", {}, tmp_path)


def test_run_writes_an_offline_page_rendered_like_the_site(tmp_path):
    page = build.run_chapter("auto_tariffs", {"rates_pct": [2.5, 25.0]}, tmp_path)
    text = page.read_text()
    assert page == tmp_path / "site" / "book" / "auto_tariffs.html"  # in the published page's place
    assert "vega-bundle.js" in text and 'src="http' not in text  # the site's vendored scripts, nothing remote
    assert "(your parameters)" in text and "This page was run with <code" in text and "rates_pct" in text
    assert "{glue:md}" not in text and "2.5%, 25%" in text
    # MyST renders as on the site: glossary terms link, boxes and exercises are drawn, no raw markup is left
    assert 'href="glossary.html#term-' in text and 'class="admonition' in text and 'class="exercise' in text
    assert not re.search(r"\{term\}|:::\{|\{exercise\}|\{solution", text)
    notebook = nbformat.read(page.with_suffix(".ipynb"), as_version=4)
    glued = {
        o["metadata"]["scrapbook"]["name"]: o["data"]
        for c in notebook.cells
        for o in c.get("outputs", [])
        if "scrapbook" in o.get("metadata", {})
    }
    assert glued["bill_rates"]["application/papermill.record/text/markdown"] == "2.5%, 25%"


@pytest.fixture(scope="module")
def executed_site(tmp_path_factory):
    """One full build (every chapter executed) from a copy of the data, shared by the tests below."""
    folder = tmp_path_factory.mktemp("executed")
    copy = folder / "data"
    shutil.copytree(data.default_data_dir(), copy)
    before = {p.name: p.read_bytes() for p in (ROOT / "book").glob("*.ipynb")}
    report = build.build_site(copy, folder / "site")
    return {"data": copy, "out": folder / "site", "report": report, "book_before": before}


@pytest.mark.heavy
@pytest.mark.xdist_group("executed-site")
def test_build_from_another_data_folder_runs_every_chapter_and_leaves_book_alone(executed_site):
    """The whole pipeline: papermill over the grid on warm kernels, Sphinx, swap into --out; book/ untouched."""
    pages = [run.page for run in load_grid().runs]
    first, out = executed_site["report"], executed_site["out"]
    assert sorted(first.executed) == sorted(pages) and first.reused == []
    for page in pages:
        assert (out / "book" / f"{page}.html").is_file()
    assert (out / "_static" / "vega-bundle.js").is_file()
    assert {p.name: p.read_bytes() for p in (ROOT / "book").glob("*.ipynb")} == executed_site["book_before"]
    # the analyst's diff against the shipped edition: a copy of the shipped data changes nothing a reader sees
    report = (out / "whats_changed.html").read_text(encoding="utf-8")
    assert "against the edition of" in report and "Nothing a reader can see changed" in report
    assert "tt-edition" not in (out / "book" / "claims.html").read_text(encoding="utf-8")  # not the shipped edition: no citation of it


@pytest.mark.heavy
@pytest.mark.xdist_group("executed-site")
def test_rebuild_runs_only_what_changed(executed_site):
    """A no-op rebuild runs nothing; a change to one table re-runs only the chapters that read it."""
    copy, out = executed_site["data"], executed_site["out"]
    pages = [run.page for run in load_grid().runs]
    again = build.build_site(copy, out)
    assert (again.executed, again.rebuilt_html) == ([], False)

    records = json.loads((out.parent / ".site-cache" / "runs.json").read_text())["runs"]
    readers = sorted(page for page, record in records.items() if "negotiation_rounds.csv" in record["inputs"])
    assert "auto_tariffs" in readers and len(readers) < len(pages)
    rounds = copy / "negotiation_rounds.csv"
    rounds.write_text(rounds.read_text().replace("Agreed to talk frankly", "Agreed to talk openly"))
    changed = build.build_site(copy, out)
    assert sorted(changed.executed) == readers
    assert sorted(changed.reused) == sorted(set(pages) - set(readers))
    assert "Agreed to talk openly" in (out / "book" / "auto_tariffs.html").read_text()


def test_chapters_depend_on_the_modules_they_import():
    by_module = execute.chapters_by_module()
    all_pages = sorted(run.page for run in load_grid().runs)
    assert sorted(by_module["build.py"]) == all_pages  # it titles and footers every page
    assert sorted(by_module["charts.py"]) != [] and "browser.py" not in by_module and "sphinx_ext.py" not in by_module
    module, readers = execute.module_of_fewest_chapters()
    assert 0 < len(readers) < len(all_pages), module


def test_a_module_change_changes_only_its_chapters_keys(tmp_path):
    package = tmp_path / "tradetalks"
    shutil.copytree(execute.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    runs = load_grid().runs
    before = {run.page: execute.run_key(run, False, package) for run in runs}
    module, readers = execute.module_of_fewest_chapters()
    with (package / module).open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    after = {run.page: execute.run_key(run, False, package) for run in runs}
    assert sorted(page for page in before if before[page] != after[page]) == readers


@pytest.mark.heavy
@pytest.mark.xdist_group("executed-site")
def test_a_module_change_reruns_only_its_chapters(executed_site, tmp_path, monkeypatch):
    package = tmp_path / "tradetalks"
    shutil.copytree(execute.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    module, readers = execute.module_of_fewest_chapters()
    with (package / module).open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    monkeypatch.setattr(execute, "PACKAGE_DIR", package)  # the build fingerprints this copy; kernels still run the real code
    changed = build.build_site(executed_site["data"], executed_site["out"])
    assert sorted(changed.executed) == readers, module


@pytest.mark.heavy
def test_two_builds_of_one_commit_are_identical(tmp_path):
    """No build date, random id or machine path in any page: the trees match byte for byte."""
    first = build.build_site(out=tmp_path / "a", execute=False).site
    second = build.build_site(out=tmp_path / "b", execute=False).site

    def tree(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    a, b = tree(first), tree(second)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []
    pages = b"".join(content for name, content in a.items() if name.endswith(".html"))
    assert b"Last updated on" not in pages
    assert str(tmp_path).encode() not in pages and str(ROOT).encode() not in pages


def test_a_hanging_chapter_is_stopped(tmp_path):
    hanging = tmp_path / "hangs.ipynb"
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import time\ntime.sleep(60)")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, hanging)
    failure, _ = execute.execute_run(Run(str(hanging), "hangs", "Hangs"), tmp_path / "out.ipynb", None, timeout_s=2)
    assert failure == "chapter 'hangs' (" + str(hanging) + "): stopped, a cell ran longer than 2 s (raise it with --timeout)"


def test_cli_help_lists_chapter_parameters():
    result = subprocess.run([sys.executable, "-m", "tradetalks", "run", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert "auto_tariffs:" in result.stdout and "rates_pct = None" in result.stdout


def test_toc_text_is_what_the_build_writes():
    assert (ROOT / "_toc.yml").read_text() == toc_text(load_grid())


def test_a_template_run_under_another_page_name_gets_labels_of_its_own():
    """Sphinx refuses one label on two pages: the scenario copy of a page prefixes its labels and references."""
    cells = [
        nbformat.v4.new_markdown_cell(
            "(ri-calculator)=\n## Calculator\n\nSee {ref}`the calculator <ri-calculator>`; ri-calculator-x stays."
        ),
        nbformat.v4.new_code_cell("(ri-calculator)=  # code is not touched"),
    ]
    scenario = nbformat.v4.new_notebook(cells=cells)
    execute.relabel(scenario, "reverse_imports_scenario", "reverse_imports")
    assert scenario.cells[0].source == (
        "(reverse-imports-scenario--ri-calculator)=\n## Calculator\n\n"
        "See {ref}`the calculator <reverse-imports-scenario--ri-calculator>`; ri-calculator-x stays."
    )
    assert scenario.cells[1].source == "(ri-calculator)=  # code is not touched"
    published = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("(ri-calculator)=\n## Calculator")])
    execute.relabel(published, "reverse_imports", "reverse_imports")
    assert published.cells[0].source == "(ri-calculator)=\n## Calculator"


def test_a_kernel_that_dies_while_starting_is_started_again(monkeypatch):
    from tradetalks.execute import WarmKernel

    attempts = []

    def start_once(self):
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(WarmKernel, "_start_once", start_once)
    WarmKernel().start()
    assert len(attempts) == 2
    attempts.clear()
    monkeypatch.setattr(WarmKernel, "_start_once", lambda self: (attempts.append(1), (_ for _ in ()).throw(RuntimeError("Kernel died")))[1])
    with pytest.raises(RuntimeError, match="Kernel died"):
        WarmKernel().start()
    assert len(attempts) == WarmKernel.START_ATTEMPTS
