"""Throughput of quote attribution beside VADER on the same sentences, in one process.

Run: ``make bench`` or ``python benchmarks/bench_quotes.py [--repeat N]``. The figure to
quote is the ratio (attribution time / VADER time), since absolute times vary between runs
on shared machines. Articles: the seed and the hand-annotated test articles, each analysed
``repeat`` times as distinct objects (so the per-article cache does not help).
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from pathlib import Path

from helpers import load_article, sentences, sentiment_analyzer
from helpers.who_speaks import Attributor

ROOT = Path(__file__).resolve().parent.parent


def corpus(repeat: int):
    paths = [ROOT / "data/articles/putin-kim-summit-2023.md"]
    paths += sorted((ROOT / "tests/fixtures/quotes").glob("*/*.md"))
    base = [load_article(p) for p in paths]
    return [dataclasses.replace(a, slug=f"{a.slug}-{i}") for i in range(repeat) for a in base]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    articles = corpus(args.repeat)
    texts = [t for a in articles for t in sentences(a, headline=True).text]
    vader = sentiment_analyzer()
    Attributor(articles[0]).run()  # warm the lexicon caches
    vader.polarity_scores("warm up")

    # Alternate the two timings over several rounds and keep the medians: on a shared
    # machine one round can be slowed by other work, the median of several rarely is.
    vader_times, quote_times = [], []
    for _ in range(args.rounds):
        started = time.perf_counter()
        for text in texts:
            vader.polarity_scores(text)
        vader_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        for article in articles:
            Attributor(article).run()
        quote_times.append(time.perf_counter() - started)
    vader_seconds, quote_seconds = statistics.median(vader_times), statistics.median(quote_times)

    n = len(articles)
    print(f"articles: {n}, sentences: {len(texts)}, rounds: {args.rounds} (medians)")
    print(f"VADER on every sentence: {vader_seconds:.2f} s ({n / vader_seconds:.0f} articles/s)")
    print(f"quote attribution:      {quote_seconds:.2f} s ({n / quote_seconds:.0f} articles/s)")
    print(f"ratio attribution / VADER: {quote_seconds / vader_seconds:.2f}")


if __name__ == "__main__":
    main()
