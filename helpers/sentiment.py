"""Sentiment per voice: VADER on every unit of text, with a second opinion beside it.

A *unit* is what one voice says in one sentence: the outlet's narration, or a speaker's
words (quoted, reported, or both in a partial quote). The headline is a unit of its own
(paragraph -1, mode ``headline``). Each unit gets:

* VADER's compound score (Hutto & Gilbert 2014): NLTK's score, exactly, computed by the
  faster :mod:`helpers.vader` on NLTK's lexicon (:mod:`helpers.resources`), labelled
  positive / neutral / negative with the authors' cut-offs of +0.05 and -0.05;
* the polarity of TextBlob's pattern analyser (the lexicon of De Smedt & Daelemans 2012,
  *Pattern for Python*, shipped inside the ``textblob`` package), labelled with the same
  cut-offs, so that students can see two tools disagree;
* the lexicon words that moved each score, so every number can be checked by hand.

VADER was built for social media and "works best in aggregate": one sentence's score is a
weak signal, the mean over many units a stronger one. The bootstrap interval around each
voice's mean (percentile method, seeded, so the same on every run) shows how much the mean
would move with other sentences.
"""

from __future__ import annotations

import math
import re
from functools import cache, lru_cache

import numpy as np
import pandas as pd

from .article import Article
from .contract import TABLES, Table, rows_table
from .sentences import split_sentences
from .text import WORD_RE, count_words
from .vader import scorer as vader_scorer
from .who_speaks import NARRATOR, voice_segments

__all__ = [
    "THRESHOLD",
    "label",
    "sentiment_units",
    "sentiment_by_speaker",
    "sentiment_disagreement",
]

#: VADER's authors' cut-offs for a positive or negative compound score (Hutto & Gilbert 2014).
THRESHOLD = 0.05
UNIT_COLUMNS = [
    "paragraph", "sentence", "voice", "mode", "text", "start", "end",
    "vader", "vader_label", "vader_words", "textblob", "textblob_label", "textblob_words",
]  # fmt: skip
VADER_FIELDS = UNIT_COLUMNS.index("vader_words") + 1  # the columns before TextBlob's


def label(score: float, *, threshold: float = THRESHOLD) -> str:
    """``positive``, ``neutral`` or ``negative`` by the ±0.05 cut-offs.

    >>> label(0.3), label(0.0), label(-0.051)
    ('positive', 'neutral', 'negative')
    """
    if score >= threshold:
        return "positive"
    if score <= -threshold:
        return "negative"
    return "neutral"


@cache
def _pattern():
    # TextBlob's PatternAnalyzer is a thin wrapper (it builds a namedtuple class on every
    # call and scores twice for the assessments): call the Pattern scorer it wraps, once.
    from textblob.en import sentiment

    return sentiment


# VADER strips only ASCII punctuation from words and knows only straight apostrophes, so
# "glad”" would not be found and "don’t" would not negate: both tools read straight marks.
_STRAIGHTEN = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'"})


def _vader_scores(text: str) -> tuple[float, str]:
    """VADER's compound score of a unit and the lexicon words that moved it."""
    text = text.translate(_STRAIGHTEN)
    vader = vader_scorer()
    compound = vader.polarity_scores(text)["compound"]
    lexicon = vader.lexicon
    vader_words = ", ".join(
        f"{w} ({lexicon[low]:+.1f})" for w in WORD_RE.findall(text) if (low := w.lower()) in lexicon
    )
    return compound, vader_words


def _textblob_scores(text: str) -> tuple[float, str]:
    """TextBlob's (Pattern's) polarity of a unit and the words that moved it."""
    score, assessed = _pattern_score(text.translate(_STRAIGHTEN))
    polarity = round(float(score), 4)
    assessed = assessed if polarity else []
    blob_words = ", ".join(f"{' '.join(words)} ({s:+.2f})" for words, s in assessed)
    return polarity, blob_words


@cache
def _pattern_tables() -> tuple[dict, dict[str, float]]:
    """Pattern's lexicon as a plain dict (its own lazy dict answers ``in`` and ``[]``
    through Python calls), and its emoticons by lower-cased form, first group first."""
    from textblob import _text

    sentiment = _pattern()
    len(sentiment)  # loads the lexicon
    emoticons: dict[str, float] = {}
    for (_kind, polarity), forms in _text.EMOTICONS.items():
        for form in forms:
            emoticons.setdefault(form.lower(), polarity)
    return dict(dict.items(sentiment)), emoticons


_PATTERN_NEGATIONS = ("no", "not", "n't", "never")  # textblob.en.sentiment's
_PATTERN_PUNCTUATION = ".,;:!?()[]{}`''\"@#$^&*+-|=~_"  # textblob._text.PUNCTUATION


# Ported from Pattern (BSD-3-Clause, Copyright (c) 2011-2013 University of Antwerp) through
# TextBlob 0.20.1's textblob/_text.py (MIT): notices in docs/third-party-code.md.
def _pattern_score(text: str) -> tuple[float, list[tuple[list[str], float]]]:
    """Pattern's polarity of a text and its ``(words, polarity)`` assessments: exactly
    ``textblob.en.sentiment(text)`` (De Smedt & Daelemans 2012; ``Sentiment.__call__`` and
    ``assessments`` of ``textblob._text``, for a string, every word untagged), with Pattern's
    own tokeniser (:func:`_pattern_tokens`), read from plain dicts (``tests/test_sentiment.py``
    compares the two)."""
    lexicon, emoticons = _pattern_tables()
    a: list[dict] = []
    m = n = None  # the preceding modifier and negation
    for w in " ".join(_pattern_tokens(text)).lower().split():
        entry = lexicon.get(w)
        if entry is not None and None in entry:
            p, s, i = entry[None]
            if m is None:
                a.append({"w": [w], "p": p, "i": i, "n": 1})
            else:  # "really good"
                a[-1]["w"].append(w)
                a[-1]["p"] = max(-1.0, min(p * a[-1]["i"], +1.0))
                a[-1]["i"] = i
            if n is not None:  # "not really good"
                a[-1]["w"].insert(0, n)
                a[-1]["i"] = 1.0 / a[-1]["i"]
                a[-1]["n"] = -1
            m = (w, None) if "RB" in entry else None
            n = w if w in _PATTERN_NEGATIONS else None
            continue
        if w in _PATTERN_NEGATIONS:
            n = w
        elif n and len(w.strip("'")) > 1:
            n = None
        if n is not None and m is not None and m[0].endswith("ly"):
            a[-1]["w"].append(n)  # "really not good"
            a[-1]["n"] = -1
            n = None
        elif m and len(w) > 2:
            m = None
        if w == "!" and a:
            a[-1]["w"].append("!")
            a[-1]["p"] = max(-1.0, min(a[-1]["p"] * 1.25, +1.0))
        if w == "(!)":
            a.append({"w": [w], "p": 0.0, "i": 1.0, "n": 1})
        if not w.isalpha() and len(w) <= 5 and w not in _PATTERN_PUNCTUATION and w in emoticons:
            a.append({"w": [w], "p": emoticons[w], "i": 1.0, "n": 1})
    assessed = [(d["w"], d["p"] * -0.5 if d["n"] < 0 else d["p"]) for d in a]
    total = 0
    for _words, p in assessed:
        total += p
    return total / float(len(assessed) or 1), assessed


_EOS = "END-OF-SENTENCE"  # textblob._text.EOS
_SENTENCE_END = ("...", ".", "!", "?", _EOS)
_SENTENCE_TAIL = ("'", '"', "”", "’", "...", ".", "!", "?", ")", _EOS)
_LINEBREAKS = re.compile(r"\n{2,}")
_SPACES = re.compile(r"\s+")


# Ported through TextBlob 0.20.1's textblob/_text.py (MIT; from Pattern, BSD-3-Clause): notices
# in docs/third-party-code.md.
def _pattern_tokens(string: str) -> list[str]:
    """Pattern's tokeniser: exactly ``textblob._text.find_tokens(string)`` with its defaults
    (the sentences, each a string of space-separated tokens), twice as fast: the contractions
    are split by ``str.replace`` (its patterns are plain text) and a word with no punctuation
    at either end (most words) skips the loops that peel punctuation off.

    >>> _pattern_tokens("It is not bad... Really, Mr. Ruiz!")
    ['It is not bad ...', 'Really , Mr. Ruiz !']
    """
    from textblob import _text

    punctuation = tuple(_text.PUNCTUATION.replace(".", ""))
    starts, ends = frozenset(punctuation), frozenset(punctuation + (".",))
    replace = _text.replacements
    for a, b in replace.items():  # plain text: str.replace is re.sub's result here
        string = string.replace(a, b)
    string = (
        string.replace("“", " “ ").replace("”", " ” ").replace("‘", " ‘ ").replace("’", " ’ ")
        .replace("'", " ' ").replace('"', ' " ')
    )  # fmt: skip
    string = string.replace("\r\n", "\n")
    string = _SPACES.sub(" ", _LINEBREAKS.sub(f" {_EOS} ", string))
    tokens: list[str] = []
    for t in _text.TOKEN.findall(string + " "):
        if t[0] not in starts and t[-1] not in ends:
            tokens.append(t)  # nothing to split off (the loops below would not run)
            continue
        tail = []
        while t.startswith(punctuation) and t not in replace:
            tokens.append(t[0])
            t = t[1:]
        while t.endswith(punctuation + (".",)) and t not in replace:
            if t.endswith(punctuation):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if (
                    t in _text.ABBREVIATIONS
                    or _text.RE_ABBR1.match(t) is not None
                    or _text.RE_ABBR2.match(t) is not None
                    or _text.RE_ABBR3.match(t) is not None
                ):
                    break
                tail.append(t[-1])
                t = t[:-1]
        if t != "":
            tokens.append(t)
        tokens.extend(reversed(tail))
    sentences: list[list[str]] = [[]]
    i = j = 0
    while j < len(tokens):
        if tokens[j] in _SENTENCE_END:
            # citations, a closing parenthesis, repeated punctuation ("!?")
            while j < len(tokens) and tokens[j] in _SENTENCE_TAIL:
                if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                    break  # balanced quotes
                j += 1
            sentences[-1].extend(t for t in tokens[i:j] if t != _EOS)
            sentences.append([])
            i = j
        j += 1
    sentences[-1].extend(tokens[i:j])
    return [
        _text.RE_EMOTICONS.sub(
            lambda m: m.group(1).replace(" ", "") + m.group(2),
            _text.RE_SARCASM.sub("(!)", " ".join(s)),
        )
        for s in sentences
        if s
    ]


def sentiment_units(article: Article) -> pd.DataFrame:
    """One row per voice per sentence, and one for the headline, with both tools' scores.

    ``mode`` is ``narration`` (the outlet), ``quoted``, ``reported`` or ``mixed`` (a partial
    quote), or ``headline``. ``start``/``end`` span the unit in its paragraph (a unit of a
    speaker may have gaps: the writer's words between quoted fragments are not its text
    unless they report the speaker).
    """
    return units_with_textblob(vader_unit_rows(article))


def units_with_textblob(rows: list[tuple]) -> pd.DataFrame:
    """The units table from :func:`vader_unit_rows`, with TextBlob's columns added."""
    full = []
    for row in rows:
        polarity, bw = _textblob_scores(row[4])
        full.append((*row, polarity, label(polarity), bw))
    return rows_table(full, "sentiment_units")


#: The units table without TextBlob's columns (an intermediate, not a table of its own).
_VADER_UNITS = Table(
    "vader_units", "vader_units(rows)", "a unit", TABLES["sentiment_units"].columns[:VADER_FIELDS]
)


def vader_units(rows: list[tuple]) -> pd.DataFrame:
    """The units table without TextBlob's columns: what the tables built on VADER read."""
    return rows_table(rows, _VADER_UNITS)


def vader_unit_rows(article: Article) -> list[tuple]:
    """The units as rows of ``UNIT_COLUMNS`` up to ``vader_words`` (TextBlob not run)."""
    by_paragraph = voice_segments(article)
    rows = []
    compound, vw = _vader_scores(article.title)
    rows.append((-1, 0, NARRATOR, "headline", article.title, 0, len(article.title),
                 compound, label(compound), vw))  # fmt: skip
    for p, text in enumerate(article.paragraphs):
        segments = by_paragraph.get(p, [])
        for s_idx, (s0, s1) in enumerate(split_sentences(text)):
            inside = [seg for seg in segments if seg[0] < s1 and seg[1] > s0]
            speakers_here = {seg[2] for seg in inside} - {NARRATOR}
            for voice in dict.fromkeys(seg[2] for seg in inside):
                parts = [seg for seg in inside if seg[2] == voice]
                spans = _merge([(max(a, s0), min(b, s1)) for a, b, _v, _m in parts])
                unit = " … ".join(text[a:b].strip(" ,") for a, b in spans).strip()
                n_words = count_words(unit)
                if voice == NARRATOR and speakers_here and n_words < MIN_NARRATION_WORDS:
                    continue  # the attribution around a quote ("He added:"), not a statement
                if not n_words:
                    continue
                modes = {m for _a, _b, _v, m in parts}
                mode = modes.pop() if len(modes) == 1 else "mixed"
                compound, vw = _vader_scores(unit)
                rows.append((p, s_idx, voice, mode, unit, spans[0][0], spans[-1][1], compound,
                             label(compound), vw))  # fmt: skip
    return rows


#: Narration left around a quotation in the same sentence ("Okafor said … but US officials
#: suggested last week") is the attribution itself, not a statement of the outlet's; shorter
#: than this it is not scored.
MIN_NARRATION_WORDS = 8


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join touching spans: a partial quote's reported and quoted parts are one stretch."""
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _bootstrap(values: np.ndarray, *, n_boot: int, seed: int) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of ``n_boot`` resampled means: exactly
    ``np.percentile(rng.choice(values, size=(n_boot, n)).mean(axis=1), [2.5, 97.5])``, at
    two thirds of its cost (``tests/test_sentiment.py`` compares the two)."""
    if len(values) < 2:
        return float(values.mean()), float(values.mean())
    means = values[_resample_rows(len(values), n_boot, seed)].mean(axis=1)
    low, high = _percentiles(means, (2.5, 97.5))
    return low, high


#: Draws this small (a voice's few units in an article, 2000 resamples) are kept: one byte
#: a position, at most 2000 x 64 bytes each, 64 of them (8 MB) at most.
CACHED_DRAWS = 2000 * 64


def _resample_rows(n: int, n_boot: int, seed: int) -> np.ndarray:
    """The positions of ``n_boot`` resamples of ``n`` values: what ``rng.choice(values,
    size=(n_boot, n), replace=True)`` draws (without its checks) with a fresh generator of
    ``seed``. They depend on ``n``, not on the values: small draws are made once and kept
    (read-only), drawing being most of the bootstrap's cost."""
    if n * n_boot <= CACHED_DRAWS and n <= 256:
        return _kept_draws(n, n_boot, seed)
    return np.random.default_rng(seed).integers(0, n, size=(n_boot, n))


@lru_cache(maxsize=64)
def _kept_draws(n: int, n_boot: int, seed: int) -> np.ndarray:
    rows = np.random.default_rng(seed).integers(0, n, size=(n_boot, n)).astype(np.uint8)
    rows.flags.writeable = False
    return rows


def _percentiles(values: np.ndarray, qs: tuple[float, ...]) -> list[float]:
    """``np.percentile(values, qs)`` (its default method, linear interpolation), the same
    floats by the same formulas (numpy's ``_quantile`` and ``_lerp``), from a partition on
    the two neighbours of each percentile instead of numpy's general path."""
    n = len(values)
    spots = []
    for q in qs:
        at = (n - 1) * (q / 100)  # the "virtual index" between two order statistics
        below = n - 1 if at >= n - 1 else int(math.floor(at))
        spots.append((at, below, n - 1 if at >= n - 1 else below + 1))
    part = np.partition(values, sorted({i for _, below, above in spots for i in (below, above)}))
    found = []
    for at, below, above in spots:
        a, b, gamma = float(part[below]), float(part[above]), at - math.floor(at)
        diff = b - a
        found.append(b - diff * (1 - gamma) if gamma >= 0.5 else a + diff * gamma)
    return found


SPEAKER_COLUMNS = [
    "voice", "n_units", "mean", "ci_low", "ci_high", "share_positive", "share_neutral",
    "share_negative", "most_positive", "most_negative",
]  # fmt: skip


def sentiment_by_speaker(
    article: Article, *, n_boot: int = 2000, seed: int = 0, units: pd.DataFrame | None = None
) -> pd.DataFrame:
    """VADER per voice (headline excluded): ``voice, n_units, mean, ci_low, ci_high,
    share_positive, share_neutral, share_negative, most_positive, most_negative``.

    The interval is a 95% percentile bootstrap of the mean (``n_boot`` resamples, ``seed``
    fixed so that the same article always gives the same numbers).
    """
    units = vader_units(vader_unit_rows(article)) if units is None else units
    groups: dict[str, list[tuple[float, str, str]]] = {}  # in order of first appearance
    columns = ("voice", "mode", "vader", "vader_label", "text")
    for voice, mode, vader, vader_label, text in zip(
        *(units[c].tolist() for c in columns), strict=True
    ):
        if mode != "headline":
            groups.setdefault(voice, []).append((vader, vader_label, text))
    rows = []
    for voice, group in groups.items():
        scores = np.array([v for v, _, _ in group], dtype=float)
        low, high = _bootstrap(scores, n_boot=n_boot, seed=seed)
        labels = [lab for _, lab, _ in group]
        n = len(group)
        rows.append((
            voice, n, float(scores.mean()), low, high,
            labels.count("positive") / n, labels.count("neutral") / n,
            labels.count("negative") / n,
            group[int(scores.argmax())][2], group[int(scores.argmin())][2],
        ))  # fmt: skip
    # the outlet first, then the voices with most units (a stable sort keeps ties in order)
    rows.sort(key=lambda row: (row[0] != NARRATOR, -row[1]))
    if not rows:  # no unit but the headline: the table as pandas makes it from no rows
        return pd.DataFrame(rows, columns=SPEAKER_COLUMNS)
    return rows_table(rows, "sentiment")


def sentiment_disagreement(units: pd.DataFrame) -> pd.DataFrame:
    """How often VADER and TextBlob give the same label: a crosstab of their labels."""
    order = ["negative", "neutral", "positive"]
    table = pd.crosstab(
        pd.Categorical(units["vader_label"], categories=order),
        pd.Categorical(units["textblob_label"], categories=order),
        dropna=False,
    )
    table.index.name, table.columns.name = "VADER", "TextBlob"
    return table
