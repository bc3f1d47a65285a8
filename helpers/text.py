"""Words: the tokeniser and stop-word list shared by every measure.

A word is a run of letters, with internal apostrophes or hyphens (``Jong-un``, ``don’t``).
Numbers and punctuation are not words. A possessive ``’s``/``'s`` is not part of the word
for counting (``Britain’s`` counts as ``britain``), but offsets always cover the text as
written. Stop words come from ``data/lexicons/stopwords_en.txt``, which the project ships so
that counts are the same on every machine, with or without NLTK's corpora.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache

import pandas as pd

from .lexicons import lexicon_cache, lexicon_words

__all__ = [
    "SpanSet",
    "WORD_RE",
    "lowered_for_search",
    "may_contain",
    "name_end",
    "find_word",
    "name_spans",
    "word_spans",
    "count_words",
    "normalise_word",
    "stopwords",
    "words_table",
]

WORD_RE = re.compile(r"[^\W\d_]+(?:[’'\-‐][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"[’']s$", re.IGNORECASE)


def word_spans(text: str) -> list[tuple[str, int, int]]:
    """``(word, start, end)`` for each word in ``text``.

    >>> word_spans("Lee Min-ho’s visit, 2019.")
    [('Lee', 0, 3), ('Min-ho’s', 4, 12), ('visit', 13, 18)]
    """
    return [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def count_words(text: str) -> int:
    """Number of words in ``text`` (see the module docstring for what a word is).

    >>> count_words("“We will always stand with Britain,” he said.")
    8
    """
    return len(WORD_RE.findall(text))  # findall builds no match objects: faster than finditer


def normalise_word(word: str) -> str:
    """Lower case, curly apostrophe straightened, possessive ``’s`` removed.

    >>> normalise_word("Britain’s")
    'britain'
    """
    return _POSSESSIVE.sub("", word.replace("’", "'")).lower()


#: The characters other than ASCII that a case-insensitive regex matches with an ASCII letter
#: (İ, ı, ſ and the Kelvin sign K: Python's ``re`` case folding, checked over every code point).
_ASCII_FOLDS = frozenset("\u0130\u0131\u017f\u212a")


def lowered_for_search(text: str) -> str | None:
    """``text`` lower-cased for :func:`may_contain`, or ``None`` when it holds a character
    that a case-insensitive regex matches with an ASCII letter (then there is no quick test).

    >>> lowered_for_search("Big Cats"), lowered_for_search("\u0130stanbul")
    ('big cats', None)
    """
    return None if _ASCII_FOLDS.intersection(text) else text.lower()


def may_contain(lowered: str | None, needle: str) -> bool:
    """Whether a case-insensitive regex whose every match contains the literal ``needle``
    can match the text that ``lowered`` (:func:`lowered_for_search`) comes from. ``False``
    is certain: an ASCII needle can only match ASCII characters there, which lower-case
    alike; ``True`` means "search to know" (and always for a needle beyond ASCII).

    >>> may_contain(lowered_for_search("Big CATS"), "cat"), may_contain("big", "cat")
    (True, False)
    """
    return lowered is None or not needle.isascii() or needle.lower() in lowered


def _word_or_hyphen(char: str) -> bool:
    """``[\\w-]`` of a regex on text: ``\\w`` is ``isalnum()`` or "_" (checked over every
    code point)."""
    return char.isalnum() or char in "_-"


def name_end(text: str, name: str, start: int, *, non_empty: bool = False) -> int | None:
    """Where ``name`` ends when it stands at ``start`` of ``text`` (``None``: it does not):
    written as is, after no word character or hyphen, with a possessive ("Ruiz’s") when one
    follows, and before no word character or hyphen. This is the regex
    ``(?<![\\w-])NAME(?:’s|'s)?(?![\\w-])`` matched by hand (``non_empty``: an empty match
    does not count): an article brings hundreds of new names (the stance targets' aliases),
    and compiling a regex for each costs more than matching it.

    >>> t = "Ruiz’s aide, Ruizes, Ruiz’sx."
    >>> [name_end(t, "Ruiz", i) for i in (0, 13, 21)]
    [6, None, 25]
    """
    if (start and _word_or_hyphen(text[start - 1])) or not text.startswith(name, start):
        return None
    end = start + len(name)
    if text.startswith(("’s", "'s"), end) and not (
        end + 2 < len(text) and _word_or_hyphen(text[end + 2])
    ):
        return end + 2  # with the possessive; else without it, if nothing word-like follows
    if (end < len(text) and _word_or_hyphen(text[end])) or (non_empty and end == start):
        return None
    return end


def find_word(text: str, word: str, *, lowered: str | None) -> int | None:
    r"""Where the regex ``(?<![\w-])WORD(?:’s|'s)?(?![\w-])`` with ``re.IGNORECASE``
    first matches ``text`` (``None``: nowhere), found without compiling it, for an ASCII
    ``word`` in lower case and ``lowered`` = :func:`lowered_for_search` of ``text`` not
    ``None`` (else the regex is run): there, lower-casing keeps every offset and only ASCII
    letters lower to ASCII letters. A possessive never decides (its apostrophe is no word
    character), so a match is the word between two characters that are no part of a word.

    >>> t = "Frenchmen, the FRENCH’s view"
    >>> find_word(t, "french", lowered=lowered_for_search(t))
    15
    """
    if lowered is None or not word.isascii() or not word:
        found = _word_re(word).search(text)
        return found.start() if found else None
    at = lowered.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _word_or_hyphen(text[at - 1])) and not (
            end < len(text) and _word_or_hyphen(text[end])
        ):
            return at
        at = lowered.find(word, at + 1)
    return None


@lru_cache(maxsize=4096)
def _word_re(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(word) + r"(?:’s|'s)?(?![\w-])", re.I)


def name_spans(text: str, name: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each occurrence of ``name`` (see :func:`name_end`), as a regex's
    ``finditer`` finds them: left to right, without overlaps, and after an empty match (of
    an empty name) no second empty match at the same place.

    >>> list(name_spans("Ruiz met Ruiz’s aide, not Ruizes.", "Ruiz"))
    [(0, 4), (9, 15)]
    """
    if name:
        at = text.find(name)
        while at >= 0:
            end = name_end(text, name, at)
            if end is None:
                at = text.find(name, at + 1)
            else:
                yield at, end
                at = text.find(name, end)
        return
    at = last = 0
    advance = False
    while at <= len(text):
        end = name_end(text, name, at, non_empty=advance and at == last)
        if end is None:
            at += 1
        else:
            yield at, end
            advance, last, at = end == at, end, end


@lexicon_cache
def stopwords() -> frozenset[str]:
    """The project's English stop words (function words that carry no topic)."""
    return frozenset(lexicon_words("stopwords_en.txt"))


def words_table(paragraphs: dict[int, str] | list[str]) -> pd.DataFrame:
    """One row per word: ``paragraph, word, norm, is_stopword, start, end``."""
    items = paragraphs.items() if isinstance(paragraphs, dict) else enumerate(paragraphs)
    stops = stopwords()
    rows = [
        (p, w, norm, norm in stops, s, e)
        for p, text in items
        for w, s, e in word_spans(text)
        for norm in [normalise_word(w)]
    ]
    return pd.DataFrame(
        rows, columns=["paragraph", "word", "norm", "is_stopword", "start", "end"]
    ).astype({"paragraph": "int64", "start": "int64", "end": "int64", "is_stopword": "bool"})


class SpanSet:
    """The characters taken by ``(start, end)`` spans, kept sorted (spans that overlap are
    merged), with an overlap test in logarithmic time: the first match wins and later
    overlapping ones are dropped, without a scan of every span taken so far (that scan made
    a paragraph with thousands of matches quadratic).

    >>> taken = SpanSet()
    >>> taken.add(4, 9)
    >>> taken.overlaps(0, 5), taken.overlaps(9, 12), list(taken)
    (True, False, [(4, 9)])
    >>> taken.add(2, 5); taken.add(12, 14); taken.add(8, 13); list(taken)
    [(2, 14)]
    """

    __slots__ = ("_spans",)

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with a span already taken."""
        i = bisect_left(self._spans, (end,))  # spans that start before ``end``
        return i > 0 and self._spans[i - 1][1] > start

    def add(self, start: int, end: int) -> None:
        """Take ``[start, end)``; spans it overlaps are merged with it into one."""
        i = bisect_left(self._spans, (start,))
        if i > 0 and self._spans[i - 1][1] > start:  # the span before reaches into this one
            i -= 1
        j = i
        while j < len(self._spans) and self._spans[j][0] < end:  # spans this one reaches
            j += 1
        if j > i:
            start = min(start, self._spans[i][0])
            end = max(end, self._spans[j - 1][1])
        self._spans[i:j] = [(start, end)]

    def __iter__(self):
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)
