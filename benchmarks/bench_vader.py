"""The exact VADER scorer (helpers.vader) beside NLTK's SentimentIntensityAnalyzer.

Run: ``python benchmarks/bench_vader.py [--repeats 5]``. The texts are every sentence (and
headline) of every shipped and fixture article, with quotation marks straightened as
:func:`helpers.sentiment_units` does. Each round scores all of them with NLTK, then with a
*fresh* exact scorer (its per-token memo empty: the cold figure), then again with the same
scorer (memo filled: the warm figure, which is what a long run sees). CPU time of this
process, so a busy machine slows both alike; the median round is reported. Every result is
also checked to be equal to NLTK's. Target: NLTK / exact >= 3.
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

from helpers import ArticleError, load_article, sentences, sentiment_analyzer
from helpers.sentiment import _STRAIGHTEN
from helpers.vader import VaderScorer

ROOT = Path(__file__).resolve().parent.parent
TARGET = 3.0


def texts() -> list[str]:
    """Every sentence and headline of the shipped and fixture articles."""
    out = []
    for folder in (ROOT / "data" / "articles", ROOT / "tests" / "fixtures"):
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".md", ".txt"):
                continue
            try:
                article = load_article(path)
            except ArticleError:
                continue
            out += [t.translate(_STRAIGHTEN) for t in sentences(article, headline=True).text]
    return out


def one_round(items: list[str], lexicon: dict) -> tuple[float, float, float]:
    """CPU seconds: NLTK, the exact scorer cold, the exact scorer warm. The garbage collector
    is off while they run, as ``timeit`` does: a full collection walks every object of the
    process (pandas, the lexicons), and whichever side it happened to land in took 50 ms more
    (the cold run measured 16 or 53 µs a sentence, depending on that alone)."""
    nltk = sentiment_analyzer()
    gc.collect()
    gc.disable()
    try:
        return _timed(items, lexicon, nltk)
    finally:
        gc.enable()


def _timed(items: list[str], lexicon: dict, nltk) -> tuple[float, float, float]:
    t0 = time.process_time()
    reference = [nltk.polarity_scores(t) for t in items]
    t1 = time.process_time()
    scorer = VaderScorer(lexicon)
    cold = [scorer.polarity_scores(t) for t in items]
    t2 = time.process_time()
    warm = [scorer.polarity_scores(t) for t in items]
    t3 = time.process_time()
    if reference != cold or reference != warm:
        raise SystemExit("the exact scorer differs from NLTK: run tests/test_vader.py")
    return t1 - t0, t2 - t1, t3 - t2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=5, help="rounds (median reported)")
    args = parser.parse_args()
    items = texts()
    lexicon = sentiment_analyzer().lexicon
    one_round(items[:50], lexicon)  # load everything once, outside the timings
    runs = sorted((one_round(items, lexicon) for _ in range(args.repeats)), key=lambda r: r[0])
    nltk_s, cold_s, warm_s = runs[len(runs) // 2]
    n = len(items)
    print(f"texts: {n} sentences of the shipped and fixture articles, {args.repeats} rounds")
    print(f"NLTK polarity_scores: {nltk_s:.3f} s ({1e6 * nltk_s / n:.0f} µs/sentence)")
    print(f"exact scorer, cold memo: {cold_s:.3f} s ({1e6 * cold_s / n:.0f} µs/sentence)")
    print(f"exact scorer, warm memo: {warm_s:.3f} s ({1e6 * warm_s / n:.0f} µs/sentence)")
    for name, seconds in (("cold", cold_s), ("warm", warm_s)):
        ratio = nltk_s / seconds
        verdict = "met" if ratio >= TARGET else "not met"
        print(f"speed-up NLTK / exact ({name}): {ratio:.1f}x (target >= {TARGET}x: {verdict})")
    print("results: identical to NLTK's on every sentence (checked in every round)")


if __name__ == "__main__":
    main()
