"""Build benchmark: our pipeline against Jupyter Book's own execution, and the site's weight.

Prints a table of medians and, as its last line,
``clean_vs_jb_force_ratio=<n> noop_s=<n> one_module_s=<n> make_test_s=<n or na>``.
Targets (reported, not asserted): clean build at most half the baseline's time, no-op rebuild
under 3 s, a change to one chapter's module re-runs only that chapter, every page under 300 KB
excluding the shared vendored scripts. ``make test`` is timed once, and only when asked.

    python benchmarks/bench.py [--repeat 3] [--with-make-test]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import yaml

from tradetalks import build, charts, data, execute
from tradetalks.grid import load_grid

ROOT = build.ROOT
PAGE_BUDGET_KB = 300
NOOP_TARGET_S = 3.0


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def our_clean_build(data_dir: Path, out: Path) -> None:
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / f".{out.name}-cache", ignore_errors=True)
    build.build_site(data_dir, out)


def clean_build_with_japanese(data_dir: Path, out: Path) -> None:
    """Both editions from scratch: what the Japanese edition adds to a clean build (the data copy is the shipped data,
    so every word in it has its translation)."""
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(out.parent / f".{out.name}-cache", ignore_errors=True)
    build.build_site(data_dir, out, languages=["ja"])


def jupyter_book_force_build(data_dir: Path, work: Path) -> None:
    """The baseline a user would otherwise pick: Jupyter Book executes the same notebooks itself."""
    shutil.rmtree(work, ignore_errors=True)
    grid = load_grid()
    source = build._stage_sources(Path(tempfile.mkdtemp(dir=work.parent)), grid)
    for run in grid.runs:
        notebook = nbformat.read(run.template, as_version=4)
        for cell in notebook.cells:
            if "parameters" in cell.metadata.get("tags", []):
                overrides = {**run.parameters, "data_dir": str(data_dir)}
                cell.source += "\n" + "\n".join(f"{name} = {value!r}" for name, value in overrides.items())
        execute.retitle(notebook, run.title)
        nbformat.write(notebook, source / build.BOOK_DIR / f"{run.page}.ipynb")
    config = source / build.CONFIG_FILE
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    settings["execute"]["execute_notebooks"] = "force"
    config.write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source), "--path-output", str(work)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    shutil.rmtree(source.parent, ignore_errors=True)


def touch_one_table(data_dir: Path) -> None:
    """Change one data file's content (a note), keeping it valid."""
    path = data_dir / "negotiation_rounds.csv"
    text = path.read_text(encoding="utf-8")
    marker = " (benchmark edit)"
    path.write_text(
        text.replace(marker, "") if marker in text else text.replace("Agreed to talk frankly", "Agreed to talk frankly" + marker),
        encoding="utf-8",
    )


def page_weights(site: Path) -> dict[str, int]:
    return {
        p.relative_to(site).as_posix(): p.stat().st_size
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith(("_static/", "_sources/"))
    }


def shared_js_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in (site / "_static").rglob("*.js"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median reported)")
    parser.add_argument("--with-make-test", action="store_true", help="also time one run of `make test`")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="tradetalks-bench-"))
    data_dir = work / "data"
    shutil.copytree(data.default_data_dir(), data_dir)
    out = work / "site"
    rows: list[tuple[str, float, str]] = []

    clean = [timed(lambda: our_clean_build(data_dir, out)) for _ in range(args.repeat)]
    both = [timed(lambda: clean_build_with_japanese(data_dir, work / "site-both")) for _ in range(args.repeat)]
    baseline = [timed(lambda: jupyter_book_force_build(data_dir, work / "jb")) for _ in range(args.repeat)]
    command = [sys.executable, "-m", "tradetalks", "build", "--data", str(data_dir), "--out", str(out)]

    def cli_build() -> None:  # as a user runs it: a fresh process, imports and data validation included
        subprocess.run(command, check=True, capture_output=True)

    noop = [timed(cli_build) for _ in range(args.repeat)]

    def one_change() -> float:
        touch_one_table(data_dir)
        return timed(cli_build)

    changed = [one_change() for _ in range(args.repeat)]

    # a change to one module re-runs only the chapters that import it (fingerprinted on a copy of the package)
    module, readers = execute.module_of_fewest_chapters()
    package = work / "package"
    shutil.copytree(execute.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))

    def one_module_change() -> tuple[float, list[str]]:
        with (package / module).open("a", encoding="utf-8") as handle:
            handle.write("\n# benchmark edit\n")
        execute.PACKAGE_DIR = package
        start = time.perf_counter()
        report = build.build_site(data_dir, out)
        return time.perf_counter() - start, report.executed

    module_runs = [one_module_change() for _ in range(args.repeat)]
    execute.PACKAGE_DIR = ROOT / "tradetalks"
    ratio = statistics.median(clean) / statistics.median(baseline)
    rows += [
        ("clean build (papermill x2 + jupyter-book, execution off)", statistics.median(clean), "s"),
        ("clean build of both editions (English and Japanese)", statistics.median(both), "s"),
        ("baseline: jupyter-book build, execute_notebooks: force", statistics.median(baseline), "s"),
        ("clean / baseline ratio (target <= 0.5)", ratio, "x"),
        (f"no-op rebuild (target < {NOOP_TARGET_S:g} s)", statistics.median(noop), "s"),
        ("rebuild after one data file changed", statistics.median(changed), "s"),
        (
            f"rebuild after {module} changed ({len(readers)} of {len(load_grid().runs)} chapters import it)",
            statistics.median(t for t, _ in module_runs),
            "s",
        ),
    ]
    reran = sorted({page for _, executed in module_runs for page in executed})
    make_test = None
    if args.with_make_test:
        make_test = timed(lambda: subprocess.run(["make", "test"], cwd=ROOT, check=True, capture_output=True))
        rows.append(("make test (one run)", make_test, "s"))
    weights = page_weights(out)
    heaviest = max(weights, key=weights.get)
    rows += [
        (f"largest page: {heaviest} (target < {PAGE_BUDGET_KB} KB)", weights[heaviest] / 1024, "KB"),
        ("shared JS (all of _static/*.js)", shared_js_bytes(out) / 1024, "KB"),
        ("of which vendored vega bundle", (out / "_static" / charts.BUNDLE_FILE).stat().st_size / 1024, "KB"),
    ]
    print(f"{'measure':<70} {'median':>10}")
    for label, value, unit in rows:
        print(f"{label:<70} {value:>8.2f} {unit}")
    print("page weights (KB): " + json.dumps({page: round(size / 1024, 1) for page, size in sorted(weights.items())}))
    over = [page for page, size in weights.items() if size > PAGE_BUDGET_KB * 1024]
    print(f"pages over budget: {', '.join(over) if over else 'none'}")
    print(f"chapters re-run after {module} changed: {', '.join(reran)} (expected: {', '.join(readers)})")
    print(
        f"clean_vs_jb_force_ratio={ratio:.3f} noop_s={statistics.median(noop):.3f} "
        f"one_module_s={statistics.median(t for t, _ in module_runs):.3f} "
        f"one_module_only_its_chapters={str(reran == readers).lower()} "
        f"make_test_s={f'{make_test:.1f}' if make_test is not None else 'na'}"
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
