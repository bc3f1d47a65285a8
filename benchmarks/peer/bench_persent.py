"""The outlet's stance toward the main person of real news: PerSenT ``dev.csv``.

Run: ``python benchmarks/peer/bench_persent.py [--limit N] [--workers 2] [--dead-zone 0.05]
[--out benchmarks/peer/results]`` after ``setup_corpora.py`` (see README.md here). Development
part only: the PerSenT test files are the team's held-out check and are never read.

PerSenT (Bastan et al. 2020, *Author's Sentiment Prediction*, COLING) labels each document
with the author's sentiment toward its main person (``TARGET_ENTITY``): Negative, Neutral or
Positive. Each document is given to the suite as an article whose front matter declares that
person as a target with its name forms (full name, surname, the name without middle initials),
so the suite looks for it as it would for a reader's ``targets:``; the number compared is the
outlet's (``NARRATOR``) stance toward it in :func:`helpers.stance_table`.

**From a stance number to a class**: the suite's stance (a Bayesian average, see
:func:`helpers.stance_table`) is Negative at or below ``-CLEAR_MIN`` (-0.1, where the suite
starts calling a stance clear), Positive above 0, anything else (including no stance row at
all: the suite found nothing) Neutral. The cut-offs are asymmetric on purpose, and were
chosen on this development file: news narration is negative in tone whatever the writer
thinks of the person (crime, disaster, conflict are told in negative words; Soroka 2014,
*Negativity in Democratic Politics*), so weak negative tone is no verdict, while any net
positive evidence is. A symmetric dead zone (±0.05 or ±0.1) is printed too, for comparison.
The VADER baseline uses VADER's own neutral band, ±0.05 (Hutto & Gilbert 2014).

Baselines, computed in the same run on the same documents:

- **majority**: always the most frequent class of dev.csv (Positive);
- **VADER of mentions**: VADER's compound score averaged over the sentences (headline
  included) that name the person by one of its name forms, mapped with the same dead zone
  (no sentence names it: Neutral).

Published anchor: the authors' BERT document model, 0.56 accuracy / 0.47 macro-F1 on dev
(Bastan et al. 2020, Table 4).

Prints accuracy, macro-F1, per-class F1, the confusion matrix (rows: annotators, columns:
predicted) and how often each class is predicted against how often annotators chose it, for
the suite and both baselines; writes one row per document to ``--out/persent_<time>.csv``
(git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import re
import sys
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpora  # noqa: E402

from helpers import NARRATOR, article_from_text, stance_table  # noqa: E402
from helpers.resources import sentiment_analyzer  # noqa: E402
from helpers.sentences import split_sentences  # noqa: E402
from helpers.stance import CLEAR_MIN  # noqa: E402

CLASSES = ("Negative", "Neutral", "Positive")
#: VADER's neutral band (Hutto & Gilbert 2014), used as the dead zone for every system here.
DEAD_ZONE = 0.05
#: The authors' BERT on dev (Bastan et al. 2020, Table 4): accuracy, macro-F1.
ANCHOR = {"accuracy": 0.56, "macro_f1": 0.47}


def name_forms(name: str) -> list[str]:
    """The forms an article may use for the person: full name, surname, and the name without
    middle initials; an all-capitals name also in Title Case.

    >>> name_forms("Howard A. Schmidt")
    ['Howard A. Schmidt', 'Howard Schmidt', 'Schmidt']
    >>> name_forms("MORRIS")
    ['MORRIS', 'Morris']
    """
    forms = [name]
    if name.isupper() and len(name) > 3:
        forms.append(name.title())
    words = name.split()
    plain = [w for w in words if not re.fullmatch(r"[A-Z]\.?", w)]
    if len(plain) != len(words) and len(plain) > 1:
        forms.append(" ".join(plain))
    if len(words) > 1 and len(words[-1]) > 2 and words[-1][:1].isupper():
        forms.append(words[-1])
    return list(dict.fromkeys(forms))


def document_text(row: dict) -> str:
    """The document as a Markdown article: front matter with the title and the target, one
    body paragraph per line of the corpus (its lines are paragraphs)."""
    target = row["TARGET_ENTITY"]
    meta = {"title": row["TITLE"] or "Untitled", "targets": {target: name_forms(target)}}
    paragraphs = [line.strip() for line in row["DOCUMENT"].split("\n") if line.strip()]
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n" + "\n\n".join(paragraphs) + "\n"


def to_class(score: float | None, dead_zone: float = DEAD_ZONE) -> str:
    """Positive above the dead zone, Negative below it, else (or no score) Neutral.

    >>> [to_class(s) for s in (0.3, -0.06, 0.05, None)]
    ['Positive', 'Negative', 'Neutral', 'Neutral']
    """
    if score is None or abs(score) <= dead_zone:
        return "Neutral"
    return "Positive" if score > 0 else "Negative"


def stance_class(stance: float | None) -> str:
    """The suite's stance as a class: Negative at or below ``-CLEAR_MIN``, Positive above 0.

    >>> [stance_class(s) for s in (0.01, -0.05, -0.1, None)]
    ['Positive', 'Neutral', 'Negative', 'Neutral']
    """
    if stance is None:
        return "Neutral"
    return "Negative" if stance <= -CLEAR_MIN else "Positive" if stance > 0 else "Neutral"


def _score(row: dict) -> tuple[int, float | None, float | None, int, float]:
    """``(document index, suite's stance or None, VADER of mentions or None, n_evidence, s)``."""
    started = time.perf_counter()
    article = article_from_text(document_text(row))
    target = row["TARGET_ENTITY"]
    table = stance_table(article)
    mine = table[(table.speaker == NARRATOR) & (table.target == target)]
    stance = float(mine.stance.iloc[0]) if not mine.empty else None
    n = int(mine.n_evidence.iloc[0]) if not mine.empty else 0
    forms = name_forms(target)
    named = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, forms)) + r")(?!\w)")
    scores = []
    for text in (article.title, *article.paragraphs):
        for start, end in split_sentences(text):
            sentence = text[start:end]
            if named.search(sentence):
                scores.append(sentiment_analyzer().polarity_scores(sentence)["compound"])
    vader = sum(scores) / len(scores) if scores else None
    return int(row["DOCUMENT_INDEX"]), stance, vader, n, time.perf_counter() - started


def metrics(gold: list[str], predicted: list[str]) -> dict:
    """Accuracy, macro-F1 over the three classes, per-class F1, confusion, counts.

    >>> m = metrics(["Positive", "Negative"], ["Positive", "Positive"])
    >>> m["accuracy"], round(m["macro_f1"], 3)
    (0.5, 0.222)
    """
    confusion = {g: {p: 0 for p in CLASSES} for g in CLASSES}
    for g, p in zip(gold, predicted, strict=True):
        confusion[g][p] += 1
    f1 = {}
    for c in CLASSES:
        tp = confusion[c][c]
        n_pred = sum(confusion[g][c] for g in CLASSES)
        n_gold = sum(confusion[c].values())
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1[c] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold),
        "macro_f1": sum(f1.values()) / len(CLASSES),
        "f1": f1,
        "confusion": confusion,
        "predicted": {c: sum(p == c for p in predicted) for c in CLASSES},
        "gold": {c: sum(g == c for g in gold) for c in CLASSES},
    }


def report(name: str, m: dict) -> None:
    neg = m["predicted"]["Negative"] / max(m["gold"]["Negative"], 1)
    print(
        f"\n{name}: accuracy {m['accuracy']:.3f}, macro-F1 {m['macro_f1']:.3f} "
        f"(F1 " + ", ".join(f"{c} {m['f1'][c]:.2f}" for c in CLASSES) + ")"
    )
    print(
        "  predicted / annotated: "
        + ", ".join(f"{c} {m['predicted'][c]}/{m['gold'][c]}" for c in CLASSES)
        + f"; Negative predicted {neg:.2f}x as often as annotated"
    )
    print("  confusion (rows annotators, columns predicted):", "  ".join(CLASSES))
    for g in CLASSES:
        print(f"    {g:9}", "  ".join(f"{m['confusion'][g][p]:>8}" for p in CLASSES))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N documents only")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dead-zone", type=float, default=DEAD_ZONE)
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args(argv)

    frame = corpora.persent_dev()
    rows = frame.fillna("").to_dict("records")[: args.limit]
    gold = {int(r["DOCUMENT_INDEX"]): r["TRUE_SENTIMENT"] for r in rows}
    started = time.perf_counter()
    with mp.get_context("fork").Pool(args.workers) as pool:
        results = pool.map(_score, rows, chunksize=4)
    wall = time.perf_counter() - started
    ids = [r[0] for r in results]
    truth = [gold[i] for i in ids]
    suite = [stance_class(r[1]) for r in results]
    vader = [to_class(r[2], args.dead_zone) for r in results]
    every = frame["TRUE_SENTIMENT"].tolist()  # the majority of the whole dev file
    majority_class = max(CLASSES, key=every.count)
    print(
        f"PerSenT dev: {len(rows)} documents, {wall:.0f} s with {args.workers} worker(s); "
        f"VADER dead zone ±{args.dead_zone}; a NARRATOR stance toward the person in "
        f"{sum(r[1] is not None for r in results)}"
    )
    report("suite (NARRATOR stance)", metrics(truth, suite))
    for zone in (0.05, 0.1):
        symmetric = [to_class(r[1], zone) for r in results]
        report(f"suite, symmetric dead zone ±{zone}", metrics(truth, symmetric))
    report("VADER of mentions", metrics(truth, vader))
    vader_cut = [stance_class(r[2]) for r in results]
    report("VADER of mentions, the suite's cut-offs", metrics(truth, vader_cut))
    report(f"majority ({majority_class})", metrics(truth, [majority_class] * len(truth)))
    print(
        f"\npublished anchor (BERT, Bastan et al. 2020): accuracy {ANCHOR['accuracy']}, "
        f"macro-F1 {ANCHOR['macro_f1']}"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    path = args.out / f"persent_{stamp}.csv"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("doc,gold,stance,n_evidence,suite,vader,vader_class,seconds\n")
        for (doc, stance, score, n, seconds), s, v in zip(results, suite, vader, strict=True):
            handle.write(
                f"{doc},{gold[doc]},{'' if stance is None else stance},{n},{s},"
                f"{'' if score is None else round(score, 4)},{v},{seconds:.3f}\n"
            )
    print(f"per-document rows: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
