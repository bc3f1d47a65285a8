"""Frames, the headline against the body, and the arc of the story.

**Frames.** The five generic news frames of Semetko & Valkenburg (2000, "Framing European
politics", *Journal of Communication* 50(2)): ``conflict``, ``human_interest``,
``economic_consequences``, ``morality`` and ``responsibility``. The paper codes them with
yes/no questions (paraphrased in ``data/lexicons/frame_questions.csv``); here each frame has
a cue lexicon (``data/lexicons/frames.csv``) and its score is the number of cues per 100
words of the story (headline included), so long and short articles compare. Following
Entman (1993), a frame is a matter of *selection and salience*: the evidence table shows
which words made a frame salient, paragraph by paragraph.

**Headline check.** Does the headline say what the body says? For each loaded or emotive
word of the headline: does the body use it, and who is the subject of the body's sentences
that use the headline's words? Plus the headline's sentiment beside the body's.

**Arc.** Sentiment and loaded-term density paragraph by paragraph, split by voice.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from .article import Article
from .contract import rows_table
from .lexicons import lexicon_cache, lexicon_rows, lexicons_held
from .loaded import find_loaded_terms
from .sentences import split_sentences
from .sentiment import vader_unit_rows, vader_units
from .terms import TermPattern, inflections, matches, term_pattern
from .text import (
    count_words,
    lowered_for_search,
    may_contain,
    normalise_word,
    stopwords,
    word_spans,
)
from .who_speaks import NARRATOR, attribution

__all__ = [
    "FRAMES",
    "frame_questions",
    "frame_evidence",
    "frame_scores",
    "headline_check",
    "story_arc",
]

FRAMES = ("conflict", "human_interest", "economic_consequences", "morality", "responsibility")


@lexicon_cache
def _frame_patterns() -> list[tuple[TermPattern, tuple[str, str]]]:
    rows = sorted(
        lexicon_rows("frames.csv", columns=("frame", "cue")), key=lambda r: -len(r["cue"])
    )
    return [(term_pattern(r["cue"]), (r["frame"], r["cue"])) for r in rows]


def frame_questions() -> pd.DataFrame:
    """The codebook questions per frame (paraphrased from Semetko & Valkenburg 2000)."""
    return pd.DataFrame(
        lexicon_rows("frame_questions.csv", columns=("frame", "question")),
        columns=["frame", "question"],
    )


@lexicons_held()
def frame_evidence(article: Article) -> pd.DataFrame:
    """Every frame cue in the story, headline (paragraph -1) included, as coders of news
    frames read it: ``frame, cue, text, paragraph, sentence, start, end``."""
    rows = []
    for p, text in [(-1, article.title), *enumerate(article.paragraphs)]:
        spans = split_sentences(text)
        for m, (frame, cue) in matches(text, _frame_patterns()):
            sentence = next((i for i, (a, b) in enumerate(spans) if a <= m.start() < b), 0)
            rows.append((frame, cue, m.group(), p, sentence, m.start(), m.end()))
    rows.sort(key=lambda row: (row[3], row[5]))  # paragraph, start (a stable sort)
    return rows_table(rows, "frame_evidence")


def frame_scores(article: Article, *, evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per frame: ``frame, n_cues, per_100_words, cues, paragraphs`` (the paragraphs where the
    frame is present); ``dominant`` marks the highest score (all of them on a tie)."""
    evidence = frame_evidence(article) if evidence is None else evidence
    words = count_words(article.title) + sum(count_words(p) for p in article.paragraphs)
    found: dict[str, list[tuple[str, int]]] = {frame: [] for frame in FRAMES}
    for frame, cue, paragraph in zip(
        evidence["frame"].tolist(),
        evidence["cue"].tolist(),
        evidence["paragraph"].tolist(),
        strict=True,
    ):
        if frame in found:
            found[frame].append((cue, paragraph))
    rows = []
    for frame, mine in found.items():
        n = len(mine)
        rows.append((frame, n, round(100 * n / words, 2) if words else 0.0,
                     sorted({c for c, _ in mine}), sorted({p for _, p in mine})))  # fmt: skip
    # every frame with the top score is dominant: a tie is reported as a tie
    top = max(row[2] for row in rows)
    rows = [(*row, row[1] > 0 and row[2] == top) for row in rows]
    return rows_table(rows, "frames")


def _subject_person(index, paragraph: int, start: int, end: int) -> str | None:
    """The first person or institution named in a stretch (the likely subject)."""
    for m in index.mentions:
        if (
            m.paragraph == paragraph
            and start <= m.start < end
            and m.entity.kind in ("person", "institution")
        ):
            return m.entity.canonical
    return None


@lexicons_held()
def headline_check(article: Article, *, terms: pd.DataFrame | None = None) -> pd.DataFrame:
    """What the headline claims against what the body says: one row per headline key word
    (loaded, emotive or a content word shared with the body): ``word, category, in_body,
    body_paragraphs, headline_names, body_subjects``.

    ``headline_names`` are the people and institutions the headline names; ``body_subjects``
    the subjects of the body sentences that use the word. A loaded word with
    ``in_body == False`` is a claim only the headline makes.
    """
    index = attribution(article).index
    named = [m for m in index.mentions if m.paragraph == -1]
    headline_names = sorted(
        {m.entity.canonical for m in named if m.entity.kind in ("person", "institution")}
    )
    loaded = find_loaded_terms(article) if terms is None else terms
    words = {
        term: category
        for term, category, paragraph in zip(
            loaded["term"], loaded["category"], loaded["paragraph"].tolist(), strict=True
        )
        if paragraph == -1
    }
    stops = stopwords()
    names = {w.lower() for n in headline_names for w in n.split()}
    for word, _s, _e in word_spans(article.title):
        norm = normalise_word(word)
        if norm not in stops and norm not in names and len(norm) > 3 and word[:1].islower():
            words.setdefault(norm, "content word")
    rows = []
    lowered = [lowered_for_search(text) for text in article.paragraphs]
    for word, category in words.items():
        paragraphs, subjects = [], []
        # every form of the word contains all its letters but the last (see inflections):
        # a paragraph without them is not searched, and a word no paragraph has not compiled
        where = [p for p, low in enumerate(lowered) if may_contain(low, word[:-1])]
        pattern = _word_re(word) if where else None
        for p in where:
            text = article.paragraphs[p]
            for m in pattern.finditer(text):
                paragraphs.append(p)
                s0, s1 = next((a, b) for a, b in split_sentences(text) if a <= m.start() < b)
                subject = _subject_person(index, p, s0, s1)
                if subject:
                    subjects.append(subject)
        rows.append((word, category, bool(paragraphs), sorted(set(paragraphs)), headline_names,
                     sorted(set(subjects))))  # fmt: skip
    rows.sort(key=lambda row: row[1] == "content word")  # loaded words first (a stable sort)
    return rows_table(rows, "headline_check")


@lru_cache(maxsize=4096)
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + inflections(word) + r"(?![\w-])", re.IGNORECASE)


def headline_sentiment(article: Article, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """VADER for the headline beside the mean of the outlet's body text and of all body text."""
    units = vader_units(vader_unit_rows(article)) if units is None else units
    narration, every = [], []
    scores = units["vader"].tolist()
    for voice, mode, vader in zip(units["voice"].tolist(), units["mode"].tolist(), scores,
                                  strict=True):  # fmt: skip
        if mode == "headline":
            continue
        every.append(vader)
        if voice == NARRATOR:
            narration.append(vader)
    rows = [
        ("headline", float(scores[0]), 1),
        ("body: the outlet's narration", _series_mean(narration), len(narration)),
        ("body: every voice", _series_mean(every), len(every)),
    ]
    # a part with no unit scores 0 (the table's ``fillna(0.0)`` before)
    return rows_table([(p, 0.0 if m != m else m, n) for p, m, n in rows], "headline_sentiment")


def _series_mean(values: list[float]) -> float:
    """``Series.mean()`` of the values (NaN when there are none) without building a Series."""
    return float(np.mean(values)) if values else float("nan")


def story_arc(
    article: Article, units: pd.DataFrame | None = None, *, terms: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Paragraph by paragraph: ``paragraph, voice, mean_vader, loaded_terms, words,
    loaded_per_100`` (voice = the outlet, or "quoted speakers")."""
    units = vader_units(vader_unit_rows(article)) if units is None else units
    terms = find_loaded_terms(article) if terms is None else terms
    # plain Python per row, one DataFrame at the end
    groups: dict[tuple[int, str], list] = {}
    columns = ("paragraph", "voice", "mode", "vader", "text")
    for paragraph, voice, mode, vader, text in zip(
        *(units[c].tolist() for c in columns), strict=True
    ):
        if mode == "headline":
            continue
        who = "the outlet" if voice == NARRATOR or mode != "quoted" else "quoted speakers"
        group = groups.setdefault((paragraph, who), [])
        group.append((vader, count_words(text)))
    counts: dict[tuple[int, str], int] = {}
    for paragraph, voice, source in zip(
        terms["paragraph"].tolist(),
        terms["voice"].tolist(),
        terms["source"].tolist(),
        strict=True,
    ):
        if paragraph >= 0 and source == "curated":
            key = (paragraph, "the outlet" if voice == NARRATOR else "quoted speakers")
            counts[key] = counts.get(key, 0) + 1
    rows = []
    # a quoted word inside the outlet's paraphrase ("Kim said Russia was “waging a sacred
    # fight”") belongs to its speaker, though no quoted sentence stands in that paragraph: it
    # gets a row of its own (no tone, no whole words of its own) instead of being dropped
    for key in sorted(set(groups) | set(counts)):
        values = groups.get(key, [])
        mean = _mean([v for v, _ in values]) if values else float("nan")
        rows.append((*key, mean, sum(w for _, w in values), counts.get(key, 0)))
    loaded = np.array([row[4] for row in rows], dtype="int64")
    words = np.array([row[3] for row in rows], dtype="int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        per_100 = np.where(words > 0, 100 * loaded / np.where(words > 0, words, 1), 0.0)
    per_100 = np.where((words == 0) & (loaded > 0), np.nan, per_100)  # no words to divide by
    per_100 = np.round(per_100, 2).tolist()
    return rows_table([(*row, p) for row, p in zip(rows, per_100, strict=True)], "arc")


def _mean(values: list[float]) -> float:
    """The mean exactly as pandas' grouped mean computes it: a Kahan-compensated sum in
    order (pandas' ``group_mean``). ``math.fsum`` (exactly rounded) differs from it in the
    last bit on 6 of the 148 snapshot articles, so the arc keeps pandas' figures."""
    total = compensation = 0.0
    for value in values:
        y = value - compensation
        t = total + y
        compensation = t - total - y
        total = t
    return total / len(values)


#: Cues per 100 words from which a frame counts as present when compared with a coder.
PRESENCE_THRESHOLD = 0.5


def compare_coding(
    manual: dict[str, bool], scores: pd.DataFrame, *, threshold: float = PRESENCE_THRESHOLD
) -> pd.DataFrame:
    """A student's yes/no per frame beside the automatic call (``per_100_words`` at or
    above ``threshold``): ``frame, manual, automatic, agree``; ``agree.mean()`` is the
    share of frames on which both agree.

    >>> from helpers import article_from_text
    >>> s = frame_scores(article_from_text("H\\n\\nThe rivals clashed over the budget."))
    >>> compare_coding({"conflict": True}, s).loc[0, "agree"]
    True
    """
    rows = []
    for row in scores.itertuples():
        automatic = bool(row.per_100_words >= threshold)
        answer = manual.get(row.frame)
        rows.append((row.frame, answer, automatic, None if answer is None else answer == automatic))
    return pd.DataFrame(rows, columns=["frame", "manual", "automatic", "agree"])
