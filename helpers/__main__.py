"""Command line.

``python -m helpers report ARTICLE [--out DIR] [--format html|pdf] [--jobs N] [--cache DIR |
--no-cache]``: run every notebook on an article (N at once, default one per CPU; sharing one
analysis stored in DIR, default ``~/.cache/reading-the-news/analyses``), write HTML (and, with
``--format pdf``, a PDF of each page printed by Chromium).
``python -m helpers analyze PATH... [--tables NAME... | all] [--format csv|json|parquet]
[--out DIR] [--workers N] [--engine processes|dask] [--scheduler ADDRESS]
[--timeout SECONDS]``: write the tables asked for (by default those a comparison across
articles uses, ``CORPUS_TABLES``) for each article (a folder stands for every ``*.md`` and
``*.txt`` in it) to ``DIR/<article>/``, in parallel (corpus mode,
:func:`helpers.analyze_corpus`); a bad file, or an article over its time budget (60 s per
100,000 characters by default), gets one error line and the others go on (exit code 1 if
any file failed).
``python -m helpers fetch URL|PAGE.html [--out DIR] [--force]``: save a web page's article as
a Markdown file with front matter (``DIR/<headline-slug>.md``; an existing file is kept unless
``--force``), read offline from then on (:mod:`helpers.web`).
``python -m helpers xray ARTICLE... [--out DIR]``: write the article X-ray, one self-contained
offline HTML page per article, to ``DIR/<article>/xray.html`` (:mod:`helpers.xray`).
``python -m helpers nav [--check]``: regenerate the notebooks' contents and navigation links.
``python -m helpers student [--out DIR]``: write the notebooks without their worked solutions.
``python -m helpers docs [--check]``: write ``docs/tables.md`` from the data contract
(:mod:`helpers.contract`); ``--check`` only says whether it is stale.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .article import ArticleError
from .budget import DEFAULT_TIMEOUT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    report = commands.add_parser("report", help="run every notebook on an article, write HTML")
    report.add_argument(
        "article", type=Path, help="an article file (.md with front matter, or .txt)"
    )
    report.add_argument("--out", type=Path, default=Path("reports"), help="output folder")
    report.add_argument(
        "--format",
        choices=("html", "pdf"),
        default="html",
        help="pdf: also print each HTML page to PDF with Chromium (must be installed)",
    )
    report.add_argument(
        "--jobs", type=int, default=None, help="notebooks run at once (default: one per CPU)"
    )
    report.add_argument(
        "--cache",
        type=Path,
        default=None,
        help="folder of the analysis the notebooks share (default: "
        "~/.cache/reading-the-news/analyses)",
    )
    report.add_argument(
        "--no-cache",
        action="store_true",
        help="no shared analysis: each notebook computes its own, as in JupyterLab",
    )
    analyze = commands.add_parser("analyze", help="write every table for one or more articles")
    analyze.add_argument("paths", type=Path, nargs="+", help="article files or folders")
    analyze.add_argument(
        "--tables",
        nargs="+",
        default=None,
        metavar="NAME",
        help="tables to compute and write, or 'all' (default: quotes speakers share_of_voice "
        "sentiment stance loaded_terms loaded_density frames headline_check headline_sentiment)",
    )
    analyze.add_argument("--format", choices=("csv", "json", "parquet"), default="csv")
    analyze.add_argument("--out", type=Path, default=Path("analysis"), help="output folder")
    analyze.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per CPU)"
    )
    analyze.add_argument("--engine", choices=("processes", "dask"), default="processes")
    analyze.add_argument(
        "--scheduler", default=None, help="a Dask scheduler address (--engine dask)"
    )
    analyze.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"time budget per article, per 100,000 characters of text (default "
        f"{DEFAULT_TIMEOUT:g}; 0: none); an article over it is reported and skipped",
    )
    fetch = commands.add_parser("fetch", help="save a web page's article as a Markdown file")
    fetch.add_argument("source", help="an http(s) URL, or a saved .html/.htm page")
    fetch.add_argument(
        "--out", type=Path, default=Path("data/articles"), help="folder (or a .md path)"
    )
    fetch.add_argument("--force", action="store_true", help="replace an existing file")
    fetch.add_argument(
        "--timeout", type=float, default=None, help="seconds to wait for the whole page"
    )
    xray = commands.add_parser("xray", help="write the article X-ray (one offline HTML page)")
    xray.add_argument("articles", type=Path, nargs="+", help="article files (.md, .txt, .html)")
    xray.add_argument("--out", type=Path, default=Path("reports"), help="output folder")
    nav = commands.add_parser("nav", help="regenerate contents and previous/next links")
    nav.add_argument("--check", action="store_true", help="only say whether they are stale")
    nav.add_argument("--notebooks", type=Path, default=None, help="notebook folder")
    student = commands.add_parser("student", help="copy the notebooks without solutions")
    student.add_argument(
        "--out", type=Path, default=Path("student-notebooks"), help="output folder"
    )
    docs = commands.add_parser("docs", help="write docs/tables.md from the data contract")
    docs.add_argument("--check", action="store_true", help="only say whether it is stale")
    docs.add_argument("--out", type=Path, default=None, help="the file (default docs/tables.md)")
    args = parser.parse_args(argv)

    if args.command == "nav":
        return _nav(args.notebooks, check=args.check)
    if args.command == "student":
        return _student(args.out)
    if args.command == "docs":
        return _docs(args.out, check=args.check)

    if args.command == "analyze":
        return _analyze(args)
    if args.command == "fetch":
        return _fetch(args)
    if args.command == "xray":
        return _xray(args)

    if args.command == "report":
        from .article import load_article

        if args.jobs is not None and args.jobs < 1:
            print("error: --jobs must be at least 1", file=sys.stderr)
            return 2
        try:  # a bad file fails before the slow import of the notebook machinery
            load_article(args.article.resolve())
        except ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        from .report import ReportError, build_reports

        try:
            results = build_reports(
                args.article,
                out=args.out,
                fmt=args.format,
                jobs=args.jobs,
                cache=False if args.no_cache else args.cache,
            )
        except (ArticleError, ReportError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        for r in results:
            print(f"{r.seconds:6.1f} s  {r.html}" + (f"  {r.pdf.name}" if r.pdf else ""))
        print(
            f"Reports written to {results[0].html.parent}/ (open index.html)"
            if results
            else "No notebooks found."
        )
    return 0


def article_files(paths: list[Path]) -> list[Path]:
    """The files to analyse: each path as given, or for a folder every ``*.md`` and
    ``*.txt`` inside it (not in sub-folders), sorted."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix in (".md", ".txt"))
        else:
            files.append(path)
    return files


def _analyze(args: argparse.Namespace) -> int:
    from .analysis import CORPUS_TABLES, check_tables
    from .corpus import analyze_corpus, check_format

    try:
        tables = check_tables(CORPUS_TABLES if args.tables is None else args.tables)
    except ValueError as exc:
        print(f"error: --tables: {exc}", file=sys.stderr)
        return 2
    if args.workers is not None and args.workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.timeout < 0:
        print("error: --timeout must be 0 (no budget) or a number of seconds", file=sys.stderr)
        return 2
    try:
        check_format(args.format, by="article")
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    files = article_files(args.paths)
    empty = [p for p in args.paths if p.is_dir() and not article_files([p])]
    for folder in empty:
        print(f"error: {folder}: is a directory with no .md or .txt article in it", file=sys.stderr)
    if not files:
        return 1
    try:
        result = analyze_corpus(
            files,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            out=args.out,
            fmt=args.format,
            by="article",
            progress=sys.stderr.isatty(),
            timeout=args.timeout or None,
            tables=tables,
        )
    except RuntimeError as exc:  # Dask missing, or the scheduler unreachable
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for error in result.errors["error"]:
        print(f"error: {error}", file=sys.stderr)
    n_ok = len(files) - len(result.errors)
    print(f"{n_ok} of {len(files)} articles analysed -> {args.out}/")
    return 1 if len(result.errors) or empty else 0


def _fetch(args: argparse.Namespace) -> int:
    from .article import load_article
    from .web import FETCH_TIMEOUT, fetch_article, save_article, today

    try:
        if args.source.lower().startswith(("http://", "https://")):
            article = fetch_article(args.source, timeout=args.timeout or FETCH_TIMEOUT)
        else:
            article = load_article(args.source)
        path = save_article(article, args.out, force=args.force, retrieved=today())
    except (ArticleError, FileExistsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{path}  ({article.title!r}, {len(article.paragraphs)} paragraphs)")
    return 0


def _xray(args: argparse.Namespace) -> int:
    from .xray import write_xray

    failed = 0
    for article in args.articles:
        try:
            print(write_xray(article, args.out))
        except ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
    return 2 if failed else 0


def _nav(folder: Path | None, *, check: bool) -> int:
    from .course import NOTEBOOKS_DIR, write_navigation

    changed = write_navigation(folder or NOTEBOOKS_DIR, check=check)
    for path in changed:
        print(f"{'stale' if check else 'updated'}: {path.name}")
    if check and changed:
        print("error: navigation is stale; run `make nav`", file=sys.stderr)
        return 1
    if not changed:
        print("Navigation is up to date.")
    return 0


def _docs(out: Path | None, *, check: bool) -> int:
    from .contract_doc import TABLES_DOC, write_tables_doc

    path = out or TABLES_DOC
    changed = write_tables_doc(path, check=check)
    if check and changed:
        print(f"error: {path} is stale; run `make nav`", file=sys.stderr)
        return 1
    print(f"{'updated' if changed else 'up to date'}: {path}")
    return 0


def _student(out: Path) -> int:
    from .course import write_student_copy

    try:
        written = write_student_copy(out, overwrite=True)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{len(written)} student notebooks (no solutions, no outputs) written to {out}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
