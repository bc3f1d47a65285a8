"""Command line: ``python -m helpers report ARTICLE [--out DIR]``."""

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
    args = parser.parse_args(argv)

    if args.command == "report":
        from .report import ReportError, build_reports

        try:
            results = build_reports(args.article, out=args.out)
        except (ArticleError, ReportError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        for r in results:
            print(f"{r.seconds:6.1f} s  {r.html}")
        print(
            f"Reports written to {results[0].html.parent}/ (open index.html)"
            if results
            else "No notebooks found."
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
