"""A lexicon's terms as regexes, matched in a text, and whose voice a match is in.

A term matches as written, its last word with the regular inflections of English (slam,
slams, slammed, slamming: :func:`inflections`); its regex is compiled on first use and
tried only on the texts that contain its longest literal (:class:`helpers.phrases.PhraseIndex`).
A term one voice repeats four times or more in the body is one choice of word, listed once
(:func:`repeated_terms_once`). Shared by the loaded words and hedges (:mod:`helpers.loaded`,
:mod:`helpers.hedges`) and the frame cues (:mod:`helpers.framing`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .phrases import PhraseIndex
from .text import SpanSet
from .who_speaks import NARRATOR

__all__ = [
    "TermPattern", "inflections", "term_pattern", "matches", "voice_at", "owner_at",
    "REPEATED_TERM_MIN", "repeated_terms_once",
]  # fmt: skip


def inflections(word: str, *, adverbs: bool = False) -> str:
    """A regex for a word and its regular inflections (slam → slams, slammed, slamming);
    with ``adverbs``, its adverb too (blatant → blatantly, horrible → horribly): a loaded
    adjective's adverb is loaded, but a frame or stance cue's is not ("hard" ≠ "hardly").

    >>> import re
    >>> [m.group() for m in re.finditer(inflections("try"), "tries tried trying")]
    ['tries', 'tried', 'trying']
    """
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"[\w’'-]*"
    stem = re.escape(word)
    forms = [stem + (r"(?:s|es|ed|ing|er|ers|ly|ally)?" if adverbs else r"(?:s|es|ed|ing|er|ers)?")]
    if word.endswith("e"):
        forms.append(
            re.escape(word[:-1]) + (r"(?:ing|ed|er|ers|y)" if adverbs else r"(?:ing|ed|er|ers)")
        )
    if word.endswith("y") and len(word) > 2:
        forms.append(re.escape(word[:-1]) + r"(?:ies|ied|ier|iest)")
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", word):
        forms.append(stem + re.escape(word[-1]) + r"(?:ed|ing|er|ers)")  # slam → slammed
    return "(?:" + "|".join(forms) + ")"


class TermPattern:
    """A lexicon term's regex, compiled on first use: most of a lexicon's terms never occur
    in a given article, and compiling all of them up front costs seconds in every fresh
    kernel. ``needle`` is a literal every match contains (lower-cased), for a quick test."""

    __slots__ = ("source", "needle", "_compiled")

    def __init__(self, source: str, needle: str) -> None:
        self.source, self.needle = source, needle
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.IGNORECASE)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


def term_pattern(term: str, *, possessive: bool = False, adverbs: bool = False) -> TermPattern:
    """The regex for a lexicon term: words as written, the last with its regular inflections
    (see :func:`inflections`), with a literal needle for a quick pre-check.

    >>> [m.group() for m in term_pattern("slam").finditer("He slammed it; she slams.")]
    ['slammed', 'slams']
    """
    words = term.split()
    body = r"\s+".join([*map(re.escape, words[:-1]), inflections(words[-1], adverbs=adverbs)])
    tail = r"(?:[’']s)?" if possessive else ""
    # the needle: the longest literal every match contains, so that rare terms are not tried
    # on every paragraph. Words before the last are matched as written; the last keeps its
    # stem before "*", and all of it unless an inflection changes its final e or y (make →
    # making, try → tries); slam → slammed and rant → rants still contain the whole word.
    last = words[-1].lower()
    changes_end = last.endswith("*") or (last.endswith(("e", "y")) and len(last) > 2)
    last = last[:-1] if changes_end else last
    needle = max([w.lower() for w in words[:-1]] + [last], key=len)
    return TermPattern(rf"(?<![\w’'-]){body}{tail}(?![\w’'-])", needle)


def matches(
    text: str, patterns: list[tuple[TermPattern, object]], taken: SpanSet | None = None
) -> Iterator[tuple[re.Match[str], object]]:
    """Non-overlapping matches of a lexicon's patterns (longest terms first, as they are
    sorted), with each pattern's payload; ``taken`` collects the spans used."""
    taken = SpanSet() if taken is None else taken
    for pattern, payload in _index(patterns).candidates(text):
        for m in pattern.finditer(text):
            start, end = m.span()
            if not taken.overlaps(start, end):
                taken.add(start, end)
                yield m, payload


_INDEXES: dict[int, tuple[list, PhraseIndex]] = {}


def _index(patterns: list[tuple[TermPattern, object]]) -> PhraseIndex:
    """The patterns filed under their needles (one index per lexicon's list of patterns)."""
    known = _INDEXES.get(id(patterns))
    if known is None or known[0] is not patterns:
        if len(_INDEXES) > 64:  # lists of an older version of the lexicons
            _INDEXES.clear()
        index = PhraseIndex(patterns, [p.needle for p, _payload in patterns], lower=True)
        known = _INDEXES[id(patterns)] = (patterns, index)
    return known[1]


def voice_at(segments: dict, paragraph: int, position: int) -> tuple[str, str]:
    """The voice and mode of the :func:`helpers.quotes.voices` segment that holds ``position``."""
    for start, end, voice, mode in segments.get(paragraph, ()):
        if start <= position < end:
            return voice, mode
    return NARRATOR, "narration"


def owner_at(segments: dict, paragraph: int, position: int) -> tuple[str, str]:
    """Voice and mode at a position; the headline (paragraph -1) is the outlet's."""
    return (NARRATOR, "headline") if paragraph < 0 else voice_at(segments, paragraph, position)


#: Uses of one term by one voice from which it is listed once (its first use): its running
#: name for its subject ("illegal aliens" in a story about immigration, "evil" in a sermon).
#: Even-id PTC articles (issue 15): 13 of the 97 later uses of a term one voice used 4 times
#: or more lay in an annotated span, 424 of the 1123 words a voice used once (at 8ce51fc).
REPEATED_TERM_MIN = 4


def repeated_terms_once(rows: list[tuple]) -> list[tuple]:
    """Rows of loaded words (``term, category, paragraph, voice, …, explanation, …``) in
    order, a term one voice uses :data:`REPEATED_TERM_MIN` times or more in the
    body kept at that voice's first use only, its explanation saying how often; another
    voice's use of the same word is that voice's own choice and stays, and so does the
    headline's (a choice of its own, where a loaded word weighs most)."""
    uses: dict[tuple[str, str, bool], int] = {}
    for row in rows:
        key = (row[3], row[0].lower(), row[2] < 0)  # (voice, term, in the headline)
        uses[key] = uses.get(key, 0) + 1
    out, seen = [], set()
    for row in rows:
        key = (row[3], row[0].lower(), row[2] < 0)
        n = uses[key]
        if n < REPEATED_TERM_MIN:
            out.append(row)
        elif key not in seen:
            seen.add(key)
            note = (
                f" This voice uses it {n} times; listed once, at its first use: a word "
                "repeated this often is the running name for its subject."
            )
            out.append((*row[:10], row[10] + note, *row[11:]))
    return out
