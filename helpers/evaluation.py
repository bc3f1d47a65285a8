"""Score the quote extractor against hand-annotated articles (precision and recall).

An annotation file ``NAME.expected.yaml`` sits beside ``NAME.md`` (format in
``tests/fixtures/quotes/README.md``). A predicted utterance *matches* an expected one when
both are in the same paragraph and their content spans overlap by at least half of each;
the attribution is *correct* when the speakers agree after normalisation (case, a leading
article, hyphens; for groups, one name containing the other, as "officials" and
"officials in both capitals"). The measures follow the attribution literature
(Pareti 2016; Asr et al. 2021): recall = correct / expected, precision = correct / predicted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import yaml

from .article import load_article
from .quotes import extract_quotes, scare_quotes

__all__ = ["QuoteScore", "load_expected", "score_article", "score_folder", "same_speaker"]


@dataclass(frozen=True)
class QuoteScore:
    expected: int
    predicted: int
    correct: int  # matched span with the right speaker
    exact_span: int  # correct and character-exact content span
    right_kind: int  # correct and the same kind (direct / partial / indirect)
    trap_hits: int  # predicted utterances overlapping a trap phrase
    scare_expected: int
    scare_found: int

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0


def _norm(name: str) -> str:
    name = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"['’]s\b", "", name.replace("’", "'")).rstrip(".")  # "Sorvik's family", "Inc."
    return re.sub(r"[\s\-‐]+", " ", name).lower().strip()


def same_speaker(predicted: str, expected: str) -> bool:
    """Speakers agree after normalisation, or one name contains the other as words.

    >>> same_speaker("US officials", "officials"), same_speaker("Lee Min Ho", "Lee Min-ho")
    (True, True)
    """
    a, b = _norm(predicted), _norm(expected)
    if a == b:
        return True
    wa, wb = f" {a} ", f" {b} "
    return bool(a and b) and (wa in wb or wb in wa)


def load_expected(path: str | Path) -> dict:
    """The annotation beside an article: ``NAME.md`` → ``NAME.expected.yaml``."""
    path = Path(path)
    with path.with_name(path.stem + ".expected.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score_article(path: str | Path) -> tuple[QuoteScore, pd.DataFrame]:
    """Score one annotated article; also return a row per expected or predicted utterance."""
    article = load_article(path)
    expected = load_expected(path)
    predicted = extract_quotes(article)
    rows, used = [], set()
    correct = exact = kind_ok = 0
    for e in expected.get("quotes") or []:
        para = article.paragraphs[e["paragraph"]]
        e0 = para.find(e["text"])
        e1 = e0 + len(e["text"])
        best = None
        for i, pr in predicted[predicted.paragraph == e["paragraph"]].iterrows():
            ov = _overlap(e0, e1, pr.start, pr.end)
            if ov >= 0.5 * (e1 - e0) and ov >= 0.5 * (pr.end - pr.start) and i not in used:
                best = (i, pr)
                break
        status = "missed"
        if best is not None:
            i, pr = best
            used.add(i)
            if same_speaker(pr.speaker, e["speaker"]):
                correct += 1
                exact += int((pr.start, pr.end) == (e0, e1))
                kind_ok += int(pr.kind == e["kind"])
                status = "correct"
            else:
                status = f"wrong speaker: {pr.speaker}"
        rows.append((Path(path).stem, e["paragraph"], e["speaker"], e["kind"], e["text"], status))
    for i, pr in predicted.iterrows():
        if i not in used:
            rows.append((Path(path).stem, pr.paragraph, pr.speaker, pr.kind, pr.text, "spurious"))
    trap_hits = 0
    for trap in expected.get("traps") or []:
        para = article.paragraphs[trap["paragraph"]]
        t0 = para.find(trap["text"])
        t1 = t0 + len(trap["text"])
        hits = predicted[(predicted.paragraph == trap["paragraph"])]
        spans = zip(hits.start, hits.end, strict=True)
        trap_hits += int(any(_overlap(t0, t1, s, e) > 0 for s, e in spans))
    scares = scare_quotes(article)
    found = {(int(p), t) for p, t in zip(scares.paragraph, scares.text, strict=False)}
    wanted = {(s["paragraph"], s["text"]) for s in expected.get("scare_quotes") or []}
    score = QuoteScore(
        expected=len(expected.get("quotes") or []),
        predicted=len(predicted),
        correct=correct,
        exact_span=exact,
        right_kind=kind_ok,
        trap_hits=trap_hits,
        scare_expected=len(wanted),
        scare_found=len(wanted & found),
    )
    detail = pd.DataFrame(
        rows, columns=["article", "paragraph", "speaker", "kind", "text", "status"]
    )
    return score, detail


def score_folder(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Score every annotated ``*.md`` in a folder: a summary row per article, and the detail."""
    summaries, details = [], []
    for path in sorted(Path(folder).glob("*.md")):
        score, detail = score_article(path)
        summaries.append(
            {
                "article": path.stem,
                **score.__dict__,
                "recall": score.recall,
                "precision": score.precision,
            }
        )
        details.append(detail)
    return pd.DataFrame(summaries), pd.concat(details, ignore_index=True)
