"""Command line.

``python -m helpers report ARTICLE [--out DIR] [--format html|pdf]``: run every notebook on an
article, write HTML (and, with ``--format pdf``, a PDF of each page printed by Chromium).
``python -m helpers analyze PATH... [--format json|csv] [--out DIR]``: write every table of
the suite for each article; a bad file gets one error line and the others go on (exit code 1
if any file failed).
``python -m helpers nav [--check]``: regenerate the notebooks' contents and navigation links.
``python -m helpers student [--out DIR]``: write the notebooks without their worked solutions.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .article import ArticleError


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
    analyze = commands.add_parser("analyze", help="write every table for one or more articles")
    analyze.add_argument("paths", type=Path, nargs="+", help="article files")
    analyze.add_argument("--format", choices=("csv", "json"), default="csv")
    analyze.add_argument("--out", type=Path, default=Path("analysis"), help="output folder")
    nav = commands.add_parser("nav", help="regenerate contents and previous/next links")
    nav.add_argument("--check", action="store_true", help="only say whether they are stale")
    nav.add_argument("--notebooks", type=Path, default=None, help="notebook folder")
    student = commands.add_parser("student", help="copy the notebooks without solutions")
    student.add_argument(
        "--out", type=Path, default=Path("student-notebooks"), help="output folder"
    )
    args = parser.parse_args(argv)

    if args.command == "nav":
        return _nav(args.notebooks, check=args.check)
    if args.command == "student":
        return _student(args.out)

    if args.command == "analyze":
        return _analyze(args.paths, args.out, args.format)

    if args.command == "report":
        from .article import load_article

        try:  # a bad file fails before the slow import of the notebook machinery
            load_article(args.article.resolve())
        except ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        from .report import ReportError, build_reports

        try:
            results = build_reports(args.article, out=args.out, fmt=args.format)
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


def _analyze(paths: list[Path], out: Path, fmt: str) -> int:
    from .analysis import analyze, write_analysis

    failed = 0
    for path in paths:
        try:
            written = write_analysis(analyze(path), out, fmt=fmt)
        except ArticleError as exc:
            print(f"error: {exc}", file=sys.stderr)
            failed += 1
            continue
        except Exception as exc:  # report and go on: one article must not stop a corpus
            print(f"error: {path}: analysis failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            failed += 1
            continue
        target = written[0] if fmt == "json" else written[0].parent
        print(f"{path} -> {target}")
    return 1 if failed else 0


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
