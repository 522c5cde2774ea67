"""Command line: ``python -m tradetalks build | release | check-data | run | pdf | toc | params | browser``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tradetalks import browser, build, data, editions, execute, i18n, params, project
from tradetalks.grid import TOC_FILE, BuildError, describe_parameters, load_grid, sync_parameter_cells, toc_text


def _chapters_help() -> str:
    try:
        grid = load_grid()
    except Exception:  # help must print even if the grid is broken
        return ""
    lines = ["chapters and their parameters (defaults in the template):"]
    for notebook in dict.fromkeys(run.notebook for run in grid.runs):
        lines.append(f"{Path(notebook).stem}:")
        lines.append(describe_parameters(notebook))
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tradetalks", description=f"Build, check and rerun '{project.SITE_TITLE}'.")
    commands = parser.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser(
        "build",
        help="validate the data, run every chapter and build the site",
        description="Validate a data folder, run every chapter of notebooks/grid.yml through Papermill and build the site. "
        "Nothing is replaced unless everything succeeds.",
    )
    build_cmd.add_argument("--data", metavar="DIR", help="data folder with the layout of data/ (default: the shipped data/)")
    build_cmd.add_argument("--out", metavar="DIR", help="where the HTML site goes (default: _build/html)")
    build_cmd.add_argument("--jobs", type=int, default=2, help="chapters run at once (default: 2)")
    build_cmd.add_argument("--no-execute", action="store_true", help="build from the executed chapters already in book/")
    build_cmd.add_argument(
        "--only", nargs="+", metavar="PAGE", help="build a site of only these chapter pages (a quick check; never updates book/)"
    )
    build_cmd.add_argument(
        "--lang",
        nargs="*",
        metavar="LANG",
        choices=["ja"],
        help="translated editions to build beside the English one, under OUT/<lang>/ (default: those notebooks/grid.yml "
        "publishes, or English only with --data: another data folder's words are not translated; '--lang' alone: English only)",
    )
    build_cmd.add_argument(
        "--timeout",
        type=int,
        default=execute.CELL_TIMEOUT_S,
        help=f"seconds a cell may run before its chapter is stopped (default: {execute.CELL_TIMEOUT_S})",
    )

    release_cmd = commands.add_parser(
        "release",
        help="build the site and release it as a dated edition",
        description="Build the site, compare it with the previous edition, record the new edition under editions/<date>/ "
        "(manifest and notes), write the 'What changed' page and freeze the site under _build/html/editions/<date>/. "
        "A release that changes a claim's verdict or the home page's key findings fails unless the notes explain it.",
    )
    release_cmd.add_argument("--date", help="the edition's date, YYYY-MM-DD (default: today)")
    release_cmd.add_argument("--notes", metavar="FILE", help="the edition's notes (default: editions/<date>/notes.md)")

    i18n_cmd = commands.add_parser(
        "i18n",
        help="the template notebooks' translation catalogs (the Japanese edition)",
        description="update: write or refresh locale/<lang>/LC_MESSAGES/<template>.po from the templates' markdown cells, and "
        "locale/<lang>/LC_MESSAGES/code/<domain>.po from the messages the code passes to tr() (new ones untranslated, changed "
        "ones fuzzy). status: how much each catalog translates, and every problem; exit 1 if any is incomplete. collect: run "
        "the chapters in the language without stopping at a missing message, and add the messages they met that no catalog "
        "holds (words from the data) to locale/<lang>/LC_MESSAGES/code/<chapter>.data.po. run: run the chapters in the language "
        "as the build would (a missing message stops a chapter) into _build/i18n/<lang>/, publishing nothing.",
    )
    i18n_cmd.add_argument("action", choices=["update", "status", "collect", "run"])
    i18n_cmd.add_argument("--pages", nargs="+", metavar="PAGE", help="collect, run: only these pages (default: every page)")
    i18n_cmd.add_argument(
        "--code", nargs="+", metavar="CATALOG", help="update: only these code catalogs (a chapter's name, 'tradetalks' or 'data')"
    )
    i18n_cmd.add_argument("--lang", default="ja", choices=["ja"], help="the edition's language (default: ja)")

    check_cmd = commands.add_parser(
        "check-data",
        help="validate a data folder",
        description="Validate every table of a data folder against its datapackage.json. Exit 0 when clean; "
        "exit 1 with one line per problem (file, row, column, rule) otherwise.",
    )
    check_cmd.add_argument("dir", nargs="?", help="data folder (default: the shipped data/)")

    run_cmd = commands.add_parser(
        "run",
        help="run one chapter with your own parameters",
        description="Run one chapter with other parameters into a notebook and a standalone HTML page.",
        epilog=_chapters_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run_cmd.add_argument("chapter", help="chapter name, e.g. auto_tariffs")
    run_cmd.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="a parameter, e.g. -p rates_pct '[2.5, 25]'",
    )
    run_cmd.add_argument("--data", metavar="DIR", help="data folder (default: the shipped data/)")
    run_cmd.add_argument("--out", metavar="DIR", default="_build/runs", help="output folder (default: _build/runs)")
    run_cmd.add_argument("--lang", default="en", choices=["en", "ja"], help="the edition to run the chapter in (default: en)")

    # issue 20: the print edition
    pdf_cmd = commands.add_parser(
        "pdf",
        help="print the built site into one PDF",
        description="Print the built site (python -m tradetalks build first) with Chromium into one PDF: title page, "
        "contents, outline, every chart with its sources and permanent link, exercises with solutions.",
    )
    pdf_cmd.add_argument("--site", metavar="DIR", help="the built site (default: _build/html)")
    pdf_cmd.add_argument("--out", metavar="FILE", help="the PDF (default: _build/pdf/us-japan-auto-trade.pdf; -ja.pdf for Japanese)")
    pdf_cmd.add_argument("--lang", default="en", choices=["en", "ja"], help="the edition to print (default: en; ja prints SITE/ja/)")

    commands.add_parser("toc", help="write _toc.yml from notebooks/grid.yml")
    params_cmd = commands.add_parser(
        "params", help="write each template's parameters cell from its chapter's declaration (tradetalks.chapters.<page>.parameters)"
    )
    params_cmd.add_argument("--check", action="store_true", help="write nothing; exit 1 if a cell is out of date")

    browser_cmd = commands.add_parser(
        "browser",
        help="print the browser the tests will drive",
        description="Find Chromium or Chrome: the CHROMIUM variable, then chromium, chromium-browser, google-chrome "
        "on the PATH, then Playwright's own browser. Exit 1 with how to install one if none is found.",
    )
    browser_cmd.add_argument(
        "--install", action="store_true", help="if none is found and this is Debian as root, install Debian's chromium (apt-get)"
    )
    return parser


def _find_browser(install: bool) -> int:
    try:
        print(browser.find_chromium())
        return 0
    except browser.BrowserNotFound as missing:
        if install and browser.can_install_with_apt():
            print("no browser found; installing Debian's chromium (apt-get)", file=sys.stderr)
            browser.install_with_apt()
            return _find_browser(install=False)
        print(f"error: {missing}", file=sys.stderr)
        return 1


def _i18n(action: str, lang: str, domains: list[str] | None = None) -> int:
    grid = load_grid()
    if action == "update" and domains:  # one catalog at a time: translators working side by side keep off each other's files
        unknown = sorted(set(domains) - set(i18n.code_domains()))
        if unknown:
            raise BuildError(f"no code catalog {', '.join(unknown)}; catalogs: {', '.join(i18n.code_domains())}")
        for domain in domains:
            print(f"written: {i18n.update_code(domain, lang, i18n.code_domains()[domain]).relative_to(build.ROOT)}")
        return 0
    if action == "update":
        written = [i18n.update(template, lang) for template in i18n.templates_of(grid)]
        written += [i18n.update_page(page, lang) for page in i18n.prose_pages()]
        written += [i18n.update_code(domain, lang, sources) for domain, sources in i18n.code_domains().items()]
        for path in written:
            print(f"written: {path.relative_to(build.ROOT)}")
        return 0
    incomplete = 0
    for name, count, problems in i18n.status(grid, lang):
        incomplete += bool(problems)
        missing = any(problem.what == "no catalog" for problem in problems)
        print(f"{name}: {0 if missing else count - len(problems)} of {count} translated{' (no catalog yet)' if missing else ''}")
        for problem in problems:
            print(f"  {problem}")
    return 1 if incomplete else 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check-data":
            problems = data.check_data(args.dir)
            for problem in problems:
                print(problem)
            if not problems:
                print(f"ok: {len(data.table_names(args.dir))} tables valid")
            return 1 if problems else 0
        if args.command == "build":
            report = build.build_site(
                args.data,
                args.out,
                execute=not args.no_execute,
                jobs=args.jobs,
                timeout_s=args.timeout,
                only=args.only,
                languages=args.lang,
            )
            print(report.summary())
            report_file = report.site / "whats_changed.html"
            if args.data and report_file.is_file():
                print(f"what your data changed against the shipped edition: {report_file}")
            return 0
        if args.command == "release":
            frozen, changes = editions.release(args.date, args.notes)
            print(f"edition released: {frozen / 'index.html'} (record: editions/{frozen.name}/)")
            print(f"changed: {len(changes.figures)} figures in the text, {len(changes.charts)} charts, {len(changes.verdicts)} verdicts")
            return 0
        if args.command == "i18n":
            if args.action == "run":
                for path in build.run_translated(args.lang, args.pages):
                    print(f"run: {path.relative_to(build.ROOT)}")
                return 0
            if args.action == "collect":
                for chapter, (path, new) in build.collect_missing(args.lang, args.pages).items():
                    print(f"{chapter}: {new} new messages in {path.relative_to(build.ROOT)}")
                return 0
            return _i18n(args.action, args.lang, args.code)
        if args.command == "run":
            parameters = {name: params.literal(value) for name, value in args.parameter}
            page = build.run_chapter(args.chapter, parameters, Path(args.out), args.data, lang=args.lang)
            print(f"page written: {page}")
            return 0
        if args.command == "pdf":  # issue 20
            from tradetalks import pdf

            print(pdf.build_pdf(args.site, args.out, lang=args.lang).summary())
            return 0
        if args.command == "browser":
            return _find_browser(install=args.install)
        if args.command == "toc":
            (build.ROOT / TOC_FILE).write_text(toc_text(load_grid()), encoding="utf-8")
            return 0
        if args.command == "params":
            stale = sync_parameter_cells(check=args.check)
            for name in stale:
                print(f"{'out of date' if args.check else 'written'}: notebooks/{name}")
            return 1 if args.check and stale else 0
    except (BuildError, editions.ReleaseError, i18n.MissingTranslation, i18n.TranslationError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
