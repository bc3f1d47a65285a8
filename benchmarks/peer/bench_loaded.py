"""Loaded language on real, expert-annotated news: PTC spans and BABE biased words.

Run: ``python benchmarks/peer/bench_loaded.py [--cache DIR] [--cost-articles N]`` after the
corpora are in the peer cache (``benchmarks/peer/setup_corpora.py``, or by hand in the same
layout). Never part of ``make test``: the data are not in the repository.

Development parts only (the odd PTC ids and odd BABE rows are the team's held-out check; this
script refuses to read them):

* **PTC** (Da San Martino et al. 2020, SemEval-2020 Task 11; GitHub aschern/semeval2020_task11
  at commit adc9dcd8, ``datasets/train-articles`` and
  ``datasets/train-labels-task2-technique-classification``): the articles whose numeric id is
  even. Gold: the spans of Loaded_Language and Name_Calling. Score: the task's span
  identification metric, reimplemented from ``tools/task-SI_scorer.py`` (``compute_score_pr``):
  gold spans that overlap are merged (techniques ignored, as the SI scorer does); our spans are
  merged likewise (the scorer's ``-m``); precision = sum over (ours, gold) pairs of
  |overlap| / |ours|, divided by the number of our spans; recall = the same sum with
  |overlap| / |gold|, divided by the number of gold spans. One deviation: articles with no
  gold span are scored too (the official gold file simply has no such articles), so a false
  flag in them lowers precision.
* **BABE** (Spinde et al. 2021, "Neural Media Bias Detection Using Distant Supervision With
  BABE"; GitHub Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE,
  ``data/final_labels_SG2.csv``): the rows at even 0-based positions. Word-level F1: the
  lower-cased words of our flags (the trigger words, ``start:end``, not the grown phrases:
  the experts mark words) against the experts' ``biased_words`` of the sentence,
  micro-averaged over all sentences. Sentence macro-F1: a sentence is "Biased" when anything is
  flagged in it, over the rows labelled Biased or Non-biased (as the authors do).

Beside each figure: the bare-VADER baseline (every word VADER rates |valence| >= 2, with no
project code: NLTK's lexicon and a plain word regex), the majority class for sentences, and
the published anchors quoted in issue 15. Also: breakdowns by voice (outlet / speakers) and by
``source``, the seed check, outlet flags on the neutral wire fixture, and the cost of
``find_loaded_terms`` against the version at ``--baseline-ref`` (default: the commit this
benchmark was first written against), both loaded in this process, attribution warmed.

The corpus reader is this file's own (a few lines), so the benchmark needs nothing else from
``benchmarks/peer``.
"""

from __future__ import annotations

import argparse
import ast
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

#: The commit before issue 15's changes: the "old" side of the cost ratio and first look.
BASELINE_REF = "b78f2f1"
#: The two PTC techniques that are loaded wording (the others are argument patterns).
PTC_TECHNIQUES = ("Loaded_Language", "Name_Calling")
#: Published anchors (issue 15): best SemEval-2020 Task 11 SI system (all techniques), BABE's
#: best model (Spinde et al. 2021, sentence macro-F1); the suite before issue 15 as the issue
#: measured it.
ANCHORS = {
    "PTC span F1, best supervised system of the task (all techniques)": 0.52,
    "BABE sentence macro-F1, the authors' best model": 0.80,
}
VADER_MIN = 2.0  # the baseline's threshold, the same as helpers.loaded.EMOTIVE_MIN_VALENCE
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def cache_root(arg: str | None = None) -> Path:
    """The peer corpus cache: ``--cache``, ``$READING_NEWS_PEER_CACHE`` or the default."""
    default = Path.home() / ".cache" / "reading-the-news" / "peer"
    return Path(arg or os.environ.get("READING_NEWS_PEER_CACHE") or default)


# ----------------------------------------------------------------------------------------
# Readers (development parts only)
# ----------------------------------------------------------------------------------------
def ptc_even(root: Path) -> list[tuple[str, str, list[tuple[int, int]]]]:
    """``(id, raw text, gold spans)`` of every even-id PTC training article in the cache."""
    articles = root / "ptc" / "train-articles"
    labels = root / "ptc" / "train-labels-task2-technique-classification"
    if not articles.is_dir():
        sys.exit(f"{articles}: no PTC articles; run benchmarks/peer/setup_corpora.py first")
    out = []
    for path in sorted(articles.glob("article*.txt")):
        ident = path.stem.removeprefix("article")
        if int(ident) % 2:
            continue  # odd ids: the held-out check
        raw = path.read_text(encoding="utf-8")
        gold = []
        label_file = labels / f"article{ident}.task2-TC.labels"
        for line in label_file.read_text(encoding="utf-8").splitlines():
            _id, technique, start, end = line.split("\t")
            if technique in PTC_TECHNIQUES:
                gold.append((int(start), int(end)))
        out.append((ident, raw, gold))
    return out


def babe_even(root: Path) -> list[tuple[str, str, set[str]]]:
    """``(text, label, biased words)`` of the BABE SG2 rows at even 0-based positions."""
    import pandas as pd

    path = root / "babe" / "final_labels_SG2.csv"
    if not path.is_file():
        sys.exit(f"{path}: no BABE file; run benchmarks/peer/setup_corpora.py first")
    table = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    rows = []
    for text, label, words in table.iloc[::2][["text", "label_bias", "biased_words"]].values:
        listed = ast.literal_eval(words) if isinstance(words, str) else []
        gold = {w.lower() for entry in listed for w in WORD.findall(entry)}
        rows.append((str(text), str(label), gold))
    return rows


def as_article(raw: str, slug: str, helpers_module) -> tuple[object, list[int]]:
    """An Article whose paragraphs are the raw text's lines, and each line's offset (the
    headline first): PTC offsets are character offsets into the raw file."""
    lines, offsets, pos = [], [], 0
    for line in raw.split("\n"):
        stripped = line.strip()
        if stripped:
            lines.append(stripped)
            offsets.append(pos + len(line) - len(line.lstrip()))
        pos += len(line) + 1
    title, body = (lines[0], lines[1:]) if len(lines) > 1 else ("Text", lines)
    offsets = offsets if len(lines) > 1 else [None, *offsets]
    article = helpers_module.Article(
        slug=slug, title=title, outlet=None, date=None, url=None, section=None,
        paragraphs=tuple(body),
    )  # fmt: skip
    return article, offsets


# ----------------------------------------------------------------------------------------
# Scoring
# ----------------------------------------------------------------------------------------
def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans (sharing a character) merged, as the task scorer's ``merge_spans``."""
    out: list[list[int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if out and start < out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return [(a, b) for a, b in out]


def span_prf(pred: dict[str, list], gold: dict[str, list]) -> tuple[float, float, float]:
    """SemEval-2020 Task 11 SI precision, recall, F1 (``compute_score_pr``)."""
    num_p = num_r = 0.0
    n_pred = sum(len(merge(v)) for v in pred.values())
    n_gold = sum(len(merge(v)) for v in gold.values())
    for ident, spans in pred.items():
        golds = merge(gold.get(ident, []))
        for s0, s1 in merge(spans):
            for g0, g1 in golds:
                inter = max(0, min(s1, g1) - max(s0, g0))
                num_p += inter / (s1 - s0)
                num_r += inter / (g1 - g0)
    return prf(num_p, n_pred, num_r, n_gold)


def prf(num_p: float, den_p: float, num_r: float, den_r: float) -> tuple[float, float, float]:
    p = num_p / den_p if den_p else 0.0
    r = num_r / den_r if den_r else 0.0
    return p, r, (2 * p * r / (p + r) if p and r else 0.0)


def macro_f1(gold: list[bool], pred: list[bool]) -> float:
    scores = []
    for cls in (True, False):
        tp = sum(g == cls and p == cls for g, p in zip(gold, pred, strict=True))
        fp = sum(g != cls and p == cls for g, p in zip(gold, pred, strict=True))
        fn = sum(g == cls and p != cls for g, p in zip(gold, pred, strict=True))
        scores.append(prf(tp, tp + fp, tp, tp + fn)[2])
    return sum(scores) / 2


def vader_spans(text: str) -> list[tuple[int, int]]:
    """The bare baseline: every word NLTK's VADER lexicon rates |valence| >= 2."""
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    global _VADER
    if _VADER is None:
        from helpers.resources import ensure_vader_lexicon

        ensure_vader_lexicon()  # only puts NLTK's own file where NLTK looks for it
        _VADER = SentimentIntensityAnalyzer().lexicon
    return [
        m.span() for m in WORD.finditer(text)
        if abs(_VADER.get(m.group().lower(), 0.0)) >= VADER_MIN
    ]  # fmt: skip


_VADER: dict | None = None


# ----------------------------------------------------------------------------------------
# The suite's flags, mapped back to raw offsets
# ----------------------------------------------------------------------------------------
def flags(
    article, offsets: list, find: Callable, *, phrases: bool = True
) -> list[tuple[int, int, str, str]]:
    """``(start, end, voice group, source)`` of each flag, in raw-text offsets: the phrase
    of each loaded word (PTC marks phrases), or the trigger word itself (BABE marks words)."""
    terms = find(article)
    if phrases and "phrase_start" in terms:  # the phrase a trigger word belongs to
        terms = terms.assign(start=terms["phrase_start"], end=terms["phrase_end"])
    out = []
    for p, start, end, voice, source in terms[
        ["paragraph", "start", "end", "voice", "source"]
    ].itertuples(index=False):
        base = offsets[p + 1]
        if base is None:
            continue  # the placeholder headline of a text without one
        group = "outlet" if voice == "NARRATOR" else "speakers"
        out.append((base + int(start), base + int(end), group, str(source)))
    return out


def report_ptc(data, find, helpers_module) -> dict[str, tuple]:
    gold = {ident: g for ident, _raw, g in data}
    ours: dict[str, list] = {}
    for ident, raw, _g in data:
        article, offsets = as_article(raw, f"ptc-{ident}", helpers_module)
        ours[ident] = flags(article, offsets, find)
    results = {}
    results["suite"] = span_prf({i: [(a, b) for a, b, *_ in v] for i, v in ours.items()}, gold)
    results["bare VADER >= 2"] = span_prf({i: vader_spans(r) for i, r, _ in data}, gold)
    for key, index in (("voice", 2), ("source", 3)):
        for value in sorted({f[index] for v in ours.values() for f in v}):
            subset = {i: [(a, b) for a, b, *rest in v if rest[index - 2] == value]
                      for i, v in ours.items()}  # fmt: skip
            n = sum(len(merge(s)) for s in subset.values())
            results[f"  {key}: {value} ({n} spans)"] = span_prf(subset, gold)
    # the length of our merged spans in words: a phrase grown beyond the loaded words, or a
    # flag on an unannotated word, costs precision (the metric credits |ours ∩ gold| / |ours|)
    raw = {ident: text for ident, text, _g in data}
    by_length: dict[str, dict[str, list]] = {}
    for ident, spans in ours.items():
        for a, b in merge((a, b) for a, b, *_ in spans):
            n = len(WORD.findall(raw[ident][a:b]))
            key = "3+" if n >= 3 else str(n)
            by_length.setdefault(key, {}).setdefault(ident, []).append((a, b))
    for key in sorted(by_length):
        n = sum(map(len, by_length[key].values()))
        results[f"  words in span: {key} ({n} spans)"] = span_prf(by_length[key], gold)
    return results


def report_babe(rows, find, helpers_module) -> dict[str, tuple]:
    results = {}
    found_rows, vader_words, vader_flag = [], [], []
    for n, (text, _label, _gold) in enumerate(rows):
        article, offsets = as_article(text, f"babe-{n}", helpers_module)
        found = flags(article, offsets, find, phrases=False)
        found_rows.append([(s, {w.lower() for w in WORD.findall(text[a:b])})
                           for a, b, _v, s in found])  # fmt: skip
        spans = vader_spans(text)
        vader_words.append({text[a:b].lower() for a, b in spans})
        vader_flag.append(bool(spans))
    ours_words = [set().union(*(w for _s, w in found)) for found in found_rows]
    ours_flag = [bool(found) for found in found_rows]
    sources = sorted({s for found in found_rows for s, _w in found})
    golds = [g for _t, _l, g in rows]

    def word_prf(pred: list[set]) -> tuple[float, float, float]:
        tp = sum(len(p & g) for p, g in zip(pred, golds, strict=True))
        return prf(tp, sum(map(len, pred)), tp, sum(map(len, golds)))

    labelled = [i for i, (_t, label, _g) in enumerate(rows) if label in ("Biased", "Non-biased")]
    truth = [rows[i][1] == "Biased" for i in labelled]
    majority = Counter(truth).most_common(1)[0][0]
    results["word: suite"] = word_prf(ours_words)
    results["word: bare VADER >= 2"] = word_prf(vader_words)
    for source in sources:
        sets = [set().union(*(w for s, w in found if s == source)) for found in found_rows]
        results[f"  word, source: {source}"] = word_prf(sets)
    results["sentence macro-F1: suite"] = (macro_f1(truth, [ours_flag[i] for i in labelled]),)
    results["sentence macro-F1: bare VADER >= 2"] = (
        macro_f1(truth, [vader_flag[i] for i in labelled]),
    )
    results["sentence macro-F1: majority class"] = (macro_f1(truth, [majority] * len(truth)),)
    return results


# ----------------------------------------------------------------------------------------
# Seed, wire fixture, cost
# ----------------------------------------------------------------------------------------
SEED_OUTLET = {"terrifying", "dictator", "boiling point", "unbridled", "evasive",
               "disinformation", "indignant", "staunch", "illegal invasion"}  # fmt: skip
SEED_SPEAKER_TERMS = {"sacred", "hegemonist", "anti-imperialist"}


def seed_and_wire() -> None:
    from helpers import NARRATOR, find_loaded_terms, load_article

    seed = find_loaded_terms(load_article(ROOT / "data/articles/putin-kim-summit-2023.md"))
    outlet = set(seed[(seed.voice == NARRATOR) & (seed.source == "curated")].term)
    speakers = seed[seed.voice != NARRATOR]
    print(f"seed, outlet curated terms: {sorted(outlet)}")
    print(f"  expected terms all found: {outlet >= SEED_OUTLET}")
    for voice, group in speakers.groupby("voice"):
        print(f"  {voice}: {sorted(set(group.term))}")
    wire = find_loaded_terms(load_article(ROOT / "data/articles/constructed/wire-neutral.md"))
    outlet_rows = wire[(wire.voice == NARRATOR) & (wire.paragraph >= 0)]
    print(
        f"wire-neutral, outlet flags in the body: {len(outlet_rows)} "
        f"{list(zip(outlet_rows.text, outlet_rows.source, strict=True))} (at most 2 wanted)"
    )


def load_baseline(ref: str, where: Path):
    """The ``helpers`` package at ``ref`` (with its lexicons), imported as ``helpers_old``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "helpers", "data/lexicons"],
        check=True, capture_output=True,
    ).stdout  # fmt: skip
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive, check=True)
    spec = importlib.util.spec_from_file_location(
        "helpers_old", where / "helpers" / "__init__.py",
        submodule_search_locations=[str(where / "helpers")],
    )  # fmt: skip
    module = importlib.util.module_from_spec(spec)
    sys.modules["helpers_old"] = module
    spec.loader.exec_module(module)
    return module


def _attribution_functions(module):
    """The attribution and voice segments of a baseline: public since issue 17, private
    (``quotes._analyse``, ``quotes._segments``) in a baseline from before it."""
    if hasattr(module, "who_speaks"):
        return module.who_speaks.attribution, module.who_speaks.voice_segments
    return module.quotes._analyse, module.quotes._segments


def cost(data, ref: str, n: int, rounds: int) -> None:
    import helpers
    from helpers.who_speaks import attribution, voice_segments

    with tempfile.TemporaryDirectory() as tmp:
        old = load_baseline(ref, Path(tmp))
        sides = {}
        for name, module, analyse, segments in (
            ("old", old, *_attribution_functions(old)),
            ("new", helpers, attribution, voice_segments),
        ):
            articles = [as_article(raw, f"cost-{i}", module)[0] for i, raw, _g in data[:n]]
            for article in articles:  # warm attribution: the figure is the loaded layer's
                analyse(article)
                segments(article)
                module.find_loaded_terms(article)
            sides[name] = (module, articles)
        times: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(rounds):
            for name, (module, articles) in sides.items():
                started = time.perf_counter()
                for article in articles:
                    module.find_loaded_terms(article)
                times[name].append(time.perf_counter() - started)
    old_s, new_s = statistics.median(times["old"]), statistics.median(times["new"])
    print(
        f"cost of find_loaded_terms on {n} PTC articles (attribution warmed, median of {rounds}):"
        f" old ({ref}) {old_s:.3f} s, new {new_s:.3f} s, ratio new/old {new_s / old_s:.2f}"
    )


def show(title: str, results: dict[str, tuple]) -> None:
    print(f"\n{title}")
    for name, values in results.items():
        if len(values) == 3:
            p, r, f = values
            print(f"  {name:<52} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        else:
            print(f"  {name:<52} {values[0]:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", help="the peer corpus cache (default: see cache_root)")
    parser.add_argument("--baseline-ref", default=BASELINE_REF)
    parser.add_argument("--cost-articles", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-cost", action="store_true")
    parser.add_argument("--only-cost", action="store_true", help="the cost ratio alone")
    args = parser.parse_args()
    import helpers

    root = cache_root(args.cache)
    ptc = ptc_even(root)
    babe = babe_even(root)
    if args.only_cost:
        cost(ptc, args.baseline_ref, min(args.cost_articles, len(ptc)), args.rounds)
        return
    print(f"PTC even-id articles: {len(ptc)}, gold spans ({' + '.join(PTC_TECHNIQUES)}, merged):"
          f" {sum(len(merge(g)) for _i, _r, g in ptc)}; BABE even rows: {len(babe)}")  # fmt: skip
    show(
        "PTC span identification (task metric)", report_ptc(ptc, helpers.find_loaded_terms, helpers)
    )
    show("BABE (even rows)", report_babe(babe, helpers.find_loaded_terms, helpers))
    print("\npublished anchors (issue 15):")
    for name, value in ANCHORS.items():
        print(f"  {name:<66} {value:.2f}")
    print()
    seed_and_wire()
    if not args.skip_cost:
        cost(ptc, args.baseline_ref, min(args.cost_articles, len(ptc)), args.rounds)


if __name__ == "__main__":
    main()
