"""Save every table of every shipped and fixture article, or compare against a saved copy.

A refactoring must not change what the suite reports. Run this before the change with
``--save`` and after it with ``--compare``; the comparison is exact (``check_exact=True``,
same columns, dtypes, index and values)::

    .venv/bin/python tools/table_snapshot.py --save /tmp/before.pkl
    # ... refactor ...
    .venv/bin/python tools/table_snapshot.py --compare /tmp/before.pkl

``--also DIR`` adds every ``.txt``/``.md`` file under DIR (for example the development part
of a peer corpus) to the articles compared. The snapshot is a pickle: keep it outside the
repository and load only snapshots you wrote yourself.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from helpers.analysis import TABLE_NAMES, analyze  # noqa: E402
from helpers.article import ArticleError, load_article  # noqa: E402


def article_files(extra: list[Path]) -> list[Path]:
    folders = [ROOT / "data" / "articles", ROOT / "tests" / "fixtures", *extra]
    return sorted(
        p
        for folder in folders
        for p in folder.rglob("*")
        if p.suffix in (".md", ".txt") and p.name != "README.md"  # a folder's notes
    )


def snapshot(paths: list[Path]) -> dict[str, dict[str, pd.DataFrame]]:
    tables: dict[str, dict[str, pd.DataFrame]] = {}
    for path in paths:
        try:
            article = load_article(path)
        except ArticleError:
            continue
        result = analyze(article)
        key = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)
        tables[key] = {name: result[name] for name in TABLE_NAMES}
    return tables


def differences(before: dict, after: dict) -> list[str]:
    problems = [f"{key}: missing now" for key in before if key not in after]
    problems += [f"{key}: new article" for key in after if key not in before]
    for key in sorted(set(before) & set(after)):
        for name in sorted(set(before[key]) | set(after[key])):
            if name not in before[key] or name not in after[key]:
                problems.append(f"{key}: table {name} present in only one snapshot")
                continue
            try:
                pd.testing.assert_frame_equal(after[key][name], before[key][name], check_exact=True)
            except AssertionError as error:
                first = str(error).strip().splitlines()[0]
                problems.append(f"{key}: table {name} differs: {first}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the snapshot to this file")
    group.add_argument("--compare", type=Path, help="compare with the snapshot in this file")
    parser.add_argument("--also", type=Path, action="append", default=[], help="more articles")
    args = parser.parse_args(argv)
    tables = snapshot(article_files(args.also))
    if args.save:
        args.save.write_bytes(pickle.dumps(tables))
        print(f"saved {len(TABLE_NAMES)} tables of {len(tables)} articles to {args.save}")
        return 0
    before = pickle.loads(args.compare.read_bytes())
    problems = differences(before, tables)
    for problem in problems:
        print(problem)
    n_tables = sum(len(t) for t in tables.values())
    if problems:
        print(f"{len(problems)} differences")
        return 1
    print(f"identical: {n_tables} tables of {len(tables)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
