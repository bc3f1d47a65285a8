"""A lexicon's terms as regexes, matched in a text, and whose voice a match is in.

A term matches as written, its last word with the regular inflections of English (slam,
slams, slammed, slamming: :func:`inflections`). :func:`matches` finds exactly what the
terms' regexes find, most of them without a regex: a term of whole ASCII words is looked up
word by word (its forms are a finite set), so that no regex is compiled for it in a fresh
process; any other term's regex is compiled on first use and tried only on the texts that
contain its longest literal (:class:`helpers.phrases.PhraseIndex`). Repeated terms can be
listed once (:func:`first_of_repeats`). Shared by the loaded words and hedges
(:mod:`helpers.loaded`, :mod:`helpers.hedges`) and the frame cues (:mod:`helpers.framing`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterator

from .phrases import PhraseIndex
from .text import SpanSet
from .who_speaks import NARRATOR

__all__ = [
    "TermPattern", "inflections", "term_pattern", "matches", "voice_at", "owner_at",
    "first_of_repeats",
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
    forms = [
        re.escape(start) + "(?:" + "|".join(endings) + ")" + ("?" if optional else "")
        for start, endings, optional in _forms(word, adverbs=adverbs)
    ]
    return "(?:" + "|".join(forms) + ")"


def _forms(word: str, *, adverbs: bool) -> list[tuple[str, tuple[str, ...], bool]]:
    """The forms :func:`inflections` matches: ``(start, endings, whether the ending may be
    left out)``, one regex alternative each, from the word as written.

    >>> _forms("slam", adverbs=False)[1]
    ('slamm', ('ed', 'ing', 'er', 'ers'), False)
    """
    plain = ("s", "es", "ed", "ing", "er", "ers")
    forms = [(word, (*plain, "ly", "ally") if adverbs else plain, True)]
    if word.endswith("e"):
        forms.append((word[:-1], ("ing", "ed", "er", "ers", "y")[: 5 if adverbs else 4], False))
    if word.endswith("y") and len(word) > 2:
        forms.append((word[:-1], ("ies", "ied", "ier", "iest"), False))
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", word):
        forms.append((word + word[-1], ("ed", "ing", "er", "ers"), False))  # slam → slammed
    return forms


class TermPattern:
    """A lexicon term's regex, compiled on first use: most of a lexicon's terms never occur
    in a given article, and compiling all of them up front costs seconds in every fresh
    kernel. ``needle`` is a literal every match contains (lower-cased), for a quick test.
    ``words`` is the same term as word lists, for :func:`matches` to find without the regex
    (``None``: the regex only): ``(words before the last, the last word's forms, the last
    word's stem if it ends in "*")``, all lower case."""

    __slots__ = ("source", "needle", "words", "_compiled")

    def __init__(self, source: str, needle: str, words: tuple | None = None) -> None:
        self.source, self.needle, self.words = source, needle, words
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source, re.IGNORECASE)
        return self._compiled

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text)


#: A word as the term regexes bound it: a run of letters, digits, "_", apostrophes, hyphens.
_TOKEN = re.compile(r"[\w’'-]+")
_SPLIT = re.compile(r"([\w’'-]+)")
_SPACE = re.compile(r"\s+")
#: The only characters beyond ASCII (and ’) that re.IGNORECASE equates with an ASCII one or
#: whose lower case holds one: İ ı ſ and the Kelvin sign (every code point checked in
#: tests/test_terms.py). A text without them is matched by words exactly as by the regexes.
_ODD = re.compile("[\u0130\u0131\u017f\u212a]")


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
    source = rf"(?<![\w’'-]){body}{tail}(?![\w’'-])"
    return TermPattern(source, needle, _term_words(words, possessive=possessive, adverbs=adverbs))


def _term_words(words: list[str], *, possessive: bool, adverbs: bool) -> tuple | None:
    """The term as :attr:`TermPattern.words`, when its regex is that exactly: every word a
    :data:`_TOKEN` of ASCII letters (or ’), so that the regex's boundaries and ``\\s+`` make
    each match a run of whole words with spaces between; else ``None``."""
    last = words[-1]
    stem = last[:-1] if last.endswith("*") else None
    if not all(
        _TOKEN.fullmatch(w) and all(c.isascii() or c == "’" for c in w)
        for w in [*words[:-1], last if stem is None else stem]
    ):
        return None
    before = tuple(w.lower() for w in words[:-1])
    if stem is not None:
        return before, None, stem.lower()
    tails = ("", "’s", "'s") if possessive else ("",)
    forms = frozenset(
        (start + ending + t).lower()
        for start, endings, optional in _forms(last, adverbs=adverbs)
        for ending in (*endings, *([""] if optional else []))
        for t in tails
    )
    return before, forms, None


class _Match:
    """A match found by words (:func:`matches`): what the callers read of an ``re.Match``."""

    __slots__ = ("string", "_start", "_end")

    def __init__(self, string: str, start: int, end: int) -> None:
        self.string, self._start, self._end = string, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self.string[self._start : self._end]


def matches(
    text: str, patterns: list[tuple[TermPattern, object]], taken: SpanSet | None = None
) -> Iterator[tuple[re.Match[str], object]]:
    """Non-overlapping matches of a lexicon's patterns (longest terms first, as they are
    sorted), with each pattern's payload; ``taken`` collects the spans used.

    The same matches as each pattern's regex (``finditer``) in the list's order, found
    without compiling most of them: a term of whole ASCII words is looked up word by word
    (:class:`_TermIndex`), the others' regexes are tried where their needle occurs, and a
    text holding a letter that the regexes' case folding treats apart (:data:`_ODD`) is
    matched by the regexes alone.

    >>> [m.group() for m, _ in matches("Slammed, then slams.", [(term_pattern("slam"), 1)])]
    ['Slammed', 'slams']
    """
    taken = SpanSet() if taken is None else taken
    index = _index(patterns)
    hits = index.by_regex(text) if _ODD.search(text) else index.hits(text)
    for i in sorted(hits):
        payload = patterns[i][1]
        for m in hits[i]:
            start, end = m.span()
            if not taken.overlaps(start, end):
                taken.add(start, end)
                yield m, payload


class _TermIndex:
    """A lexicon's patterns filed for :func:`matches`: the terms of whole words under their
    forms (one word) or first word (a phrase), the others under their needles."""

    def __init__(self, patterns: list[tuple[TermPattern, object]]) -> None:
        self.patterns = patterns
        self.single: dict[str, list[int]] = {}  # a one-word term's forms
        self.star: dict[str, list[int]] = {}  # a one-word term's stem before "*"
        self.phrases: dict[str, list[tuple[int, tuple, frozenset | None, str | None]]] = {}
        slow = []
        for i, (pattern, _payload) in enumerate(patterns):
            if pattern.words is None:
                slow.append(i)
                continue
            before, forms, stem = pattern.words
            if before:
                self.phrases.setdefault(before[0], []).append((i, before[1:], forms, stem))
            elif stem is not None:
                self.star.setdefault(stem, []).append(i)
            else:
                for form in forms:
                    self.single.setdefault(form, []).append(i)
        self.star_lengths = sorted({len(stem) for stem in self.star})
        self.starts = frozenset(self.single) | frozenset(self.phrases)  # words a term starts with
        self.slow = PhraseIndex(slow, [patterns[i][0].needle for i in slow], lower=True)
        self._every: PhraseIndex | None = None

    def by_regex(self, text: str) -> dict[int, list]:
        """Every pattern's regex matches where its needle occurs (as before the words)."""
        return self._regex_hits(text, self._needles().candidates(text), {})

    def candidates(self, text: str) -> list[tuple[TermPattern, object]]:
        """The patterns whose needle occurs in ``text`` (those :meth:`by_regex` tries)."""
        return [self.patterns[i] for i in self._needles().candidates(text)]

    def _needles(self) -> PhraseIndex:
        if self._every is None:
            needles = [p.needle for p, _payload in self.patterns]
            self._every = PhraseIndex(range(len(self.patterns)), needles, lower=True)
        return self._every

    def _regex_hits(self, text: str, chosen: list[int], hits: dict[int, list]) -> dict:
        for i in chosen:
            found = list(self.patterns[i][0].finditer(text))
            if found:
                hits[i] = found
        return hits

    def hits(self, text: str) -> dict[int, list]:
        """Each pattern's matches in ``text`` (a text without :data:`_ODD` letters)."""
        tokens, keys = _tokens(text)
        hits: dict[int, list] = {}
        # only a word a term starts with is visited (a set intersection finds those of the
        # text), unless a term ends in "*": then every word is tried against the stems
        wanted = keys if self.star_lengths else keys & self.starts
        for k, (a, b, key) in enumerate(tokens):
            if key not in wanted:
                continue
            for i in self.single.get(key, ()):
                hits.setdefault(i, []).append(_Match(text, a, b))
            for n in self.star_lengths:
                if n > len(key):
                    break
                for i in self.star.get(key[:n], ()):
                    hits.setdefault(i, []).append(_Match(text, a, b))
            for i, middle, forms, stem in self.phrases.get(key, ()):
                found = hits.get(i)
                if found and found[-1].end() > a:
                    continue  # inside this term's previous match (finditer does not overlap)
                end = _phrase_end(text, tokens, k, middle, forms, stem)
                if end is not None:
                    hits.setdefault(i, []).append(_Match(text, a, end))
        return self._regex_hits(text, self.slow.candidates(text), hits)


def _phrase_end(text: str, tokens: list, k: int, middle: tuple, forms, stem) -> int | None:
    """Where a phrase starting at word ``k`` ends: its middle words as written, its last
    one of ``forms`` (or starting with ``stem``), only white space between; else ``None``."""
    n = len(middle) + 1
    if k + n >= len(tokens):
        return None
    for j in range(1, n + 1):
        a, b, key = tokens[k + j]
        if not _SPACE.fullmatch(text, tokens[k + j - 1][1], a):
            return None
        if j < n:
            if key != middle[j - 1]:
                return None
        elif not (key.startswith(stem) if stem is not None else key in forms):
            return None
    return b


_TOKENS: dict[str, tuple[list[tuple[int, int, str]], frozenset[str]]] = {}


def _tokens(text: str) -> tuple[list[tuple[int, int, str]], frozenset[str]]:
    """The words of ``text`` (:data:`_TOKEN`) as ``(start, end, lower case)``, and the set of
    their lower cases; the last few hundred texts are kept (each paragraph is read by three
    lexicons). Split from the text in lower case: without İ (:data:`_ODD`) it has the same
    length, and no letter's lower case is a word character where the letter is not, or the
    reverse (tests/test_terms.py).
    """
    found = _TOKENS.get(text)
    if found is None:
        if len(_TOKENS) > 512:
            _TOKENS.clear()
        parts = _SPLIT.split(text.lower())  # gap, word, gap, word, …, gap
        words = []
        at = len(parts[0])
        for i in range(1, len(parts), 2):
            end = at + len(parts[i])
            words.append((at, end, parts[i]))
            at = end + len(parts[i + 1])
        found = _TOKENS[text] = (words, frozenset(parts[1::2]))
    return found


_INDEXES: dict[int, tuple[list, _TermIndex]] = {}


def _index(patterns: list[tuple[TermPattern, object]]) -> _TermIndex:
    """The patterns filed for :func:`matches` (one index per lexicon's list of patterns)."""
    known = _INDEXES.get(id(patterns))
    if known is None or known[0] is not patterns:
        if len(_INDEXES) > 64:  # lists of an older version of the lexicons
            _INDEXES.clear()
        known = _INDEXES[id(patterns)] = (patterns, _TermIndex(patterns))
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


def first_of_repeats(keys: list[Hashable], *, minimum: int) -> list[tuple[int, int]]:
    """``(index, uses)`` of the items to keep: every item whose key occurs fewer than
    ``minimum`` times, and only the first of those whose key occurs more often, with how
    often its key occurs.

    >>> first_of_repeats(["evil", "vile", "evil", "evil"], minimum=3)
    [(0, 3), (1, 1)]
    """
    uses = Counter(keys)
    seen: set[Hashable] = set()
    kept = []
    for i, key in enumerate(keys):
        if uses[key] < minimum or key not in seen:
            kept.append((i, uses[key]))
        seen.add(key)
    return kept
