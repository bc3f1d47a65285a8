"""Does ``analyze()`` scale linearly? Long articles timed against the seed, in one process.

Run: ``python benchmarks/bench_long_articles.py [--sizes 200000 1000000 5000000]
[--lines 10000]``. The articles are the test suite's (``tests/test_bad_input.py``): real-ish
paragraphs of 1 to 4 sentences drawn from the annotated fixture articles, and 10,000
one-line paragraphs. Absolute times vary on shared machines; the figures to quote are the
ratios: ``x seed`` (this article's time / the seed's) and ``per byte`` (the same ratio per
byte of text: about 1 when the cost grows linearly, growing with size when it does not).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # the tests package, after any helpers already on the path

from helpers import analyze, article_from_text, load_article  # noqa: E402
from tests.test_bad_input import long_article_text, one_line_paragraphs_text  # noqa: E402


def timed(text: str) -> float:
    article = article_from_text(text)  # a new object: no cache of an earlier run helps
    started = time.perf_counter()
    analyze(article).compute()  # every table (analyze() alone computes none)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[200_000, 1_000_000, 5_000_000])
    parser.add_argument("--lines", type=int, default=10_000)
    args = parser.parse_args()
    seed_path = ROOT / "data/articles/putin-kim-summit-2023.md"
    seed_text = seed_path.read_text(encoding="utf-8")
    analyze(load_article(seed_path)).compute()  # warm the lexicons and the tokenizer
    # the seed with one paragraph more on each run, so that no cache answers
    seed_times = [timed(f"{seed_text}\n\nRun {i}.") for i in range(5)]
    seed = statistics.median(seed_times)
    seed_bytes = len(seed_text.encode())
    print(f"seed: {seed_bytes:,} bytes, {seed:.2f} s (median of 5)")
    cases = [(f"{n:,} bytes", long_article_text(n)) for n in args.sizes]
    if args.lines:
        cases.append((f"{args.lines:,} one-line paragraphs", one_line_paragraphs_text(args.lines)))
    for name, text in cases:
        seconds = timed(text)
        size = len(text.encode())
        per_byte = (seconds / size) / (seed / seed_bytes)
        print(f"{name:>28}: {size:>10,} bytes {seconds:8.1f} s  {seconds / seed:8.0f} x seed"
              f"  {per_byte:6.2f} per byte", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
