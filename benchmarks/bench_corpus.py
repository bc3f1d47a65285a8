"""Corpus throughput: analyze() beside VADER alone on the same sentences, and 2 workers vs 1.

Run: ``python benchmarks/bench_corpus.py [--n 200]``. The corpus is generated from the
shipped articles (seed, constructed versions, test fixtures) by shuffling their paragraphs
with a fixed seed, so every run measures the same texts. Figures are ratios measured in the
same process (absolute times vary on shared machines).
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from helpers import analyze_corpus, load_article, sentences, sentiment_analyzer

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(n: int, folder: Path) -> list[Path]:
    sources = [ROOT / "data/articles/putin-kim-summit-2023.md"]
    sources += sorted((ROOT / "data/articles/constructed").glob("*.md"))
    sources += sorted((ROOT / "tests/fixtures/quotes").glob("*/*.md"))
    articles = [load_article(p) for p in sources]
    rng = random.Random(0)
    paths = []
    for i in range(n):
        base = articles[i % len(articles)]
        paragraphs = list(base.paragraphs)
        rng.shuffle(paragraphs)
        path = folder / f"article-{i:05d}.md"
        path.write_text(f"{base.title}\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(args.n, Path(tmp))
        texts = [t for p in paths for t in sentences(load_article(p), headline=True).text]
        vader = sentiment_analyzer()
        started = time.perf_counter()
        for text in texts:
            vader.polarity_scores(text)
        vader_seconds = time.perf_counter() - started
        timings = {}
        for workers in (1, 2):
            started = time.perf_counter()
            analyze_corpus(paths, workers=workers, out=Path(tmp) / f"out{workers}", progress=False)
            timings[workers] = time.perf_counter() - started
    print(f"articles: {args.n}, sentences: {len(texts)}")
    print(f"VADER alone: {vader_seconds:.2f} s")
    for workers, seconds in timings.items():
        print(f"analyze, {workers} worker(s): {seconds:.1f} s ({args.n / seconds:.1f} articles/s)")
    print(f"ratio analyze (1 worker) / VADER: {timings[1] / vader_seconds:.1f}")
    print(f"speed-up with 2 workers: {timings[1] / timings[2]:.2f}x")


if __name__ == "__main__":
    main()
