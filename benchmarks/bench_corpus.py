"""Corpus throughput: analyze() beside NLTK VADER alone on the same sentences, and 2 workers vs 1.

Run: ``python benchmarks/bench_corpus.py [--n 1000] [--workers-n 1000]``. The corpus is
generated from the shipped articles (seed, constructed versions, test fixtures) by shuffling
their paragraphs with a fixed seed, so every run measures the same texts.

The figure is a ratio measured in the same process, article by article in turn (VADER on the
article's sentences, then ``analyze()`` on it), in CPU time of this process, so that a busy
machine (other processes on the same cores) slows both alike. The
target is ``analyze()`` <= 1.5x VADER's time. The breakdown below it shows where the time goes:
the second sentiment opinion (TextBlob's Pattern scorer), the quote attribution, and building
the twenty pandas tables; "without TextBlob" runs ``analyze()`` with the Pattern scorer
replaced by a no-op (a measurement only: the tables it returns lack the second opinion).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

import helpers.quotes
import helpers.sentiment
from helpers import analyze, analyze_corpus, load_article, sentences, sentiment_analyzer
from helpers.sentences import _split

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.5


def make_corpus(n: int, folder: Path) -> list[Path]:
    """``n`` article files in ``folder``, each a shipped article with shuffled paragraphs."""
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


def _forget() -> None:
    """Empty the per-article caches, so that each run does the full work."""
    helpers.quotes._analyse_cached.cache_clear()
    helpers.quotes._voices.cache_clear()
    helpers.quotes._segments_cached.cache_clear()
    _split.cache_clear()


class _NoScore(tuple):
    assessments: list = []


@contextmanager
def _without_textblob():
    original = helpers.sentiment._pattern
    helpers.sentiment._pattern = lambda: lambda text: _NoScore((0.0, 0.0))
    try:
        yield
    finally:
        helpers.sentiment._pattern = original


def ratio_run(articles, texts) -> tuple[float, float]:
    """CPU seconds of VADER alone and of analyze(), interleaved article by article."""
    vader = sentiment_analyzer()
    _forget()
    vader_s = analyze_s = 0.0
    for article, sents in zip(articles, texts, strict=True):
        t0 = time.process_time()
        for text in sents:
            vader.polarity_scores(text)
        t1 = time.process_time()
        analyze(article)
        analyze_s += time.process_time() - t1
        vader_s += t1 - t0
    return vader_s, analyze_s


def breakdown(articles) -> dict[str, float]:
    """CPU seconds spent on parts of analyze(), measured on their own over the same articles."""
    from helpers.sentiment import _pattern, _scores

    _forget()
    tables = [analyze(a).tables for a in articles]
    units = [t for tabs in tables for t in tabs["sentiment_units"]["text"]]
    vader, pattern = sentiment_analyzer(), _pattern()
    parts = {}
    started = time.process_time()
    for text in units:
        vader.polarity_scores(text)
    parts["VADER on analyze()'s units"] = time.process_time() - started
    started = time.process_time()
    for text in units:
        pattern(text)
    parts["TextBlob (Pattern) on the units"] = time.process_time() - started
    started = time.process_time()
    for text in units:
        _scores(text)
    parts["both, with the words that moved each score"] = time.process_time() - started
    _forget()
    started = time.process_time()
    for a in articles:
        helpers.quotes._Attributor(a).run()
    parts["quote attribution (who speaks)"] = time.process_time() - started
    rows = [[(list(t.itertuples(index=False)), list(t.columns)) for t in tabs.values()]
            for tabs in tables]  # fmt: skip
    started = time.process_time()
    for article_rows in rows:
        for records, columns in article_rows:
            pd.DataFrame(records, columns=columns)
    parts["building the 20 DataFrames from ready rows"] = time.process_time() - started
    return parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    parser.add_argument(
        "--workers-n", type=int, default=None, help="articles for workers 2 vs 1 (default --n)"
    )
    parser.add_argument("--repeats", type=int, default=2, help="ratio runs (median reported)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(args.n, Path(tmp))
        articles = [load_article(p) for p in paths]
        texts = [list(sentences(a, headline=True).text) for a in articles]
        analyze(articles[0])  # load the lexicons and models once, outside the timings
        runs = [ratio_run(articles, texts) for _ in range(args.repeats)]
        with _without_textblob():
            runs_plain = [ratio_run(articles, texts) for _ in range(args.repeats)]
        parts = breakdown(articles[: min(200, len(articles))])
        workers_paths = paths[: args.workers_n or args.n]
        timings = {}
        for workers in (1, 2):
            started = time.perf_counter()
            analyze_corpus(
                workers_paths, workers=workers, out=Path(tmp) / f"out{workers}", progress=False
            )
            timings[workers] = time.perf_counter() - started

    def median_ratio(results):
        ratios = sorted(a / v for v, a in results)
        return ratios[len(ratios) // 2]

    vader_s, analyze_s = sorted(runs, key=lambda r: r[1] / r[0])[len(runs) // 2]
    n_sentences = sum(map(len, texts))
    print(f"articles: {args.n}, sentences: {n_sentences}, runs: {args.repeats} (median shown)")
    per_article = 1000 * vader_s / args.n
    print(f"VADER alone on the sentences: {vader_s:.2f} s ({per_article:.1f} ms/article)")
    print(
        f"analyze(): {analyze_s:.2f} s ({args.n / analyze_s:.1f} articles/s, "
        f"{1000 * analyze_s / args.n:.1f} ms/article)"
    )
    ratio = median_ratio(runs)
    verdict = "met" if ratio <= TARGET else "not met"
    print(f"ratio analyze() / VADER: {ratio:.1f}x (target <= {TARGET}x: {verdict})")
    print(f"ratio without TextBlob (measurement only): {median_ratio(runs_plain):.1f}x")
    n_parts = min(200, args.n)
    print(f"where the time goes, over {n_parts} articles (x = VADER alone on their sentences):")
    vader_part = vader_s * n_parts / args.n
    for name, seconds in parts.items():
        ms = 1000 * seconds / n_parts
        print(f"  {name:45s} {ms:6.1f} ms/article {seconds / vader_part:5.2f}x")
    n_workers = len(workers_paths)
    for workers, seconds in timings.items():
        print(
            f"analyze_corpus(out=...), {workers} worker(s), {n_workers} articles: {seconds:.1f} s "
            f"({n_workers / seconds:.1f} articles/s)"
        )
    print(f"speed-up with 2 workers: {timings[1] / timings[2]:.2f}x")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
