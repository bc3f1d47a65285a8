"""Corpus throughput: analyze() beside NLTK VADER alone on the same sentences, and 2 workers vs 1.

Run: ``python benchmarks/bench_corpus.py [--n 1000] [--workers-n 1000]``. The corpus is
generated from the shipped articles (seed, constructed versions, test fixtures) by shuffling
their paragraphs with a fixed seed, so every run measures the same texts.

The figures are ratios measured in the same process, in CPU time of this process, so that a
busy machine (other processes on the same cores) slows both sides alike: one pass over the
corpus per way of building tables, each from empty caches and article by article in turn
(NLTK's VADER on the article's sentences, then the tables): every table as before issue 16
(eager, TextBlob included, NLTK's VADER), every table now (``analyze(a).compute()``), and
the corpus set now (``compute(CORPUS_TABLES)``).
Targets (issue 16): every table <= 3x VADER; the corpus set
(:data:`helpers.analysis.CORPUS_TABLES`) <= 1.5x. The breakdown below them shows what each
table costs alone (a fresh analysis, empty caches, only that table read) and what the
shared parts cost: the second sentiment opinion (TextBlob's Pattern scorer) and the quote
attribution.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import helpers.sentiment
import helpers.who_speaks
from helpers import analyze, analyze_corpus, load_article, sentences, sentiment_analyzer
from helpers.analysis import CORPUS_TABLES, TABLE_NAMES, tables_eagerly
from helpers.sentences import _split
from helpers.vader import polarity_scores

ROOT = Path(__file__).resolve().parent.parent
TARGET_EVERY = 3.0  # issue 16: every table <= 3x NLTK VADER alone
TARGET_CORPUS = 1.5  # and the corpus set <= 1.5x


def shipped_articles() -> list:
    """The seed, its constructed versions and the quote fixtures, as articles."""
    sources = [ROOT / "data/articles/putin-kim-summit-2023.md"]
    sources += sorted((ROOT / "data/articles/constructed").glob("*.md"))
    sources += sorted((ROOT / "tests/fixtures/quotes").glob("*/*.md"))
    return [load_article(p) for p in sources]


def make_corpus(n: int, folder: Path) -> list[Path]:
    """``n`` article files in ``folder``, each a shipped article with shuffled paragraphs."""
    articles = shipped_articles()
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
    helpers.who_speaks.clear_caches()
    _split.cache_clear()


def _before(article) -> None:
    """Every table the way analyze() built them before issue 16: all at once, TextBlob
    included, with NLTK's own VADER (the reference the tests compare with)."""
    original = helpers.sentiment.vader_scorer
    helpers.sentiment.vader_scorer = sentiment_analyzer  # has .polarity_scores and .lexicon
    try:
        tables_eagerly(article)
    finally:
        helpers.sentiment.vader_scorer = original


def ratio_run(articles, texts) -> list[tuple[float, float]]:
    """CPU seconds of NLTK VADER alone and of each way of building tables (every table
    before issue 16, every table now, the corpus set now): one pass over the articles for
    each (VADER, then the tables, article by article), from empty caches."""
    vader = sentiment_analyzer()
    seconds = []
    ways = (_before, lambda a: analyze(a).compute(), lambda a: analyze(a).compute(CORPUS_TABLES))
    for build in ways:
        _forget()
        vader_s = tables_s = 0.0
        for article, sents in zip(articles, texts, strict=True):
            t0 = time.process_time()
            for text in sents:
                vader.polarity_scores(text)
            t1 = time.process_time()
            build(article)
            tables_s += time.process_time() - t1
            vader_s += t1 - t0
        seconds.append((vader_s, tables_s))
    return seconds


def breakdown(articles, texts) -> tuple[float, dict[str, float]]:
    """CPU seconds of NLTK VADER on the articles' sentences, and of each part on its own."""
    from helpers.sentiment import _pattern

    vader = sentiment_analyzer()
    started = time.process_time()
    for sents in texts:
        for text in sents:
            vader.polarity_scores(text)
    vader_s = time.process_time() - started
    parts = {}
    for name in TABLE_NAMES:
        _forget()
        started = time.process_time()
        for article in articles:
            _forget()
            analyze(article).compute([name])
        parts[f"table {name}"] = time.process_time() - started
    _forget()
    units = [t for a in articles for t in analyze(a)["sentiment_units"]["text"]]
    pattern = _pattern()
    started = time.process_time()
    for text in units:
        pattern(text)
    parts["TextBlob (Pattern) on the units"] = time.process_time() - started
    started = time.process_time()
    for text in units:
        polarity_scores(text)
    parts["exact VADER (helpers.vader) on the units"] = time.process_time() - started
    _forget()
    started = time.process_time()
    for a in articles:
        helpers.who_speaks.Attributor(a).run()
    parts["quote attribution (who speaks)"] = time.process_time() - started
    return vader_s, parts


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
        analyze(articles[0]).compute()  # load the lexicons and models once, outside the timings
        runs = [ratio_run(articles, texts) for _ in range(args.repeats)]
        n_parts = min(100, args.n)
        part_vader_s, parts = breakdown(articles[:n_parts], texts[:n_parts])
        workers_paths = paths[: args.workers_n or args.n]
        timings = {}
        for workers in (1, 2):
            started = time.perf_counter()
            analyze_corpus(
                workers_paths, workers=workers, out=Path(tmp) / f"out{workers}", progress=False
            )
            timings[workers] = time.perf_counter() - started

    def median(values):
        return sorted(values)[len(values) // 2]

    n_sentences = sum(map(len, texts))
    print(f"articles: {args.n}, sentences: {n_sentences}, runs: {args.repeats} (median shown)")
    vader_s = median([run[0][0] for run in runs])
    per_article = 1000 * vader_s / args.n
    print(f"NLTK VADER alone on the sentences: {vader_s:.2f} s ({per_article:.1f} ms/article)")
    sets = (
        ("every table, before issue 16 (eager, NLTK's VADER)", 0, TARGET_EVERY),
        ("every table", 1, TARGET_EVERY),
        ("corpus set", 2, TARGET_CORPUS),
    )
    for label, index, target in sets:
        seconds = median([run[index][1] for run in runs])
        ratio = median([run[index][1] / run[index][0] for run in runs])
        verdict = "met" if ratio <= target else "not met"
        print(
            f"analyze(), {label}: {seconds:.2f} s ({1000 * seconds / args.n:.1f} ms/article); "
            f"ratio / VADER: {ratio:.2f}x (target <= {target}x: {verdict})"
        )
    print(f"each part alone, over {n_parts} articles (x = NLTK VADER alone on their sentences):")
    for name, seconds in parts.items():
        ms = 1000 * seconds / n_parts
        print(f"  {name:45s} {ms:6.1f} ms/article {seconds / part_vader_s:5.2f}x")
    n_workers = len(workers_paths)
    for workers, seconds in timings.items():
        print(
            f"analyze_corpus(out=...), corpus set, {workers} worker(s), {n_workers} articles: "
            f"{seconds:.1f} s ({n_workers / seconds:.1f} articles/s)"
        )
    print(f"speed-up with 2 workers: {timings[1] / timings[2]:.2f}x")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
