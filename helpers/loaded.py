"""Loaded language, scare quotes, hedges and competing labels, counted by voice.

Loaded words are found two ways, kept apart in every table (``source``):

* ``curated``: ``data/lexicons/loaded_terms.csv``, several hundred words and phrases in the
  categories of the propaganda-technique literature (Da San Martino et al. 2019, "Fine-Grained
  Analysis of Propaganda in News Articles"; SemEval-2023 Task 3): name calling, loaded
  language, exaggeration, appeal to fear, flag-waving, euphemism, plus tabloid verbs of
  conflict. A term matches with the regular inflections of its last word (slam, slams,
  slammed, slamming).
* ``emotive (lexicon)``: any other word whose VADER valence is at least 2 in absolute value
  (Hutto & Gilbert 2014), in the outlet's own voice, so that unseen articles still show their
  emotive words.

Who owns a word: a loaded word inside a speaker's quotation marks is the speaker's; in
reported speech it is the outlet's paraphrase, so it counts for ``NARRATOR`` (the table
keeps ``speaker`` to say whom the paraphrase is about); the headline is the outlet's.
Scare quotes count as the outlet's distancing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import pandas as pd

from .article import Article
from .lexicons import _rows
from .quotes import NARRATOR, _analyse, _segments
from .resources import sentiment_analyzer
from .text import SpanSet, count_words, normalise_word, word_spans

__all__ = [
    "EMOTIVE_MIN_VALENCE",
    "loaded_lexicon",
    "find_loaded_terms",
    "loaded_density",
    "find_hedges",
    "competing_labels",
]

#: |VADER valence| from which a word not in the curated list is flagged as emotive.
EMOTIVE_MIN_VALENCE = 2.0
TERM_COLUMNS = [
    "term", "category", "paragraph", "voice", "start", "end",
    "text", "mode", "speaker", "source", "explanation",
]  # fmt: skip


@cache
def loaded_lexicon() -> pd.DataFrame:
    """The curated list: ``term, category, explanation, source``."""
    return pd.DataFrame(
        _rows("loaded_terms.csv"), columns=["term", "category", "explanation", "source"]
    )


def _inflections(word: str) -> str:
    """A regex for a word and its regular inflections (slam → slams, slammed, slamming)."""
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"[\w’'-]*"
    stem = re.escape(word)
    forms = [stem + r"(?:s|es|d|ed|ing|er|ers)?"]
    if word.endswith("e"):
        forms.append(re.escape(word[:-1]) + r"(?:ing|ed|er|ers)")
    if word.endswith("y") and len(word) > 2:
        forms.append(re.escape(word[:-1]) + r"(?:ies|ied|ier|iest)")
    if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", word):
        forms.append(stem + re.escape(word[-1]) + r"(?:ed|ing|er|ers)")  # slam → slammed
    return "(?:" + "|".join(forms) + ")"


@cache
def _term_patterns() -> list[tuple[TermPattern, str]]:
    # a possessive may follow ("the dictator’s first visit"); longest terms first, so
    # "special military operation" wins over "operation"
    terms = sorted(loaded_lexicon()["term"], key=len, reverse=True)
    return [(term_pattern(term, possessive=True), term) for term in terms]


def matches(
    text: str, patterns: list[tuple[TermPattern, object]], taken: SpanSet | None = None
) -> Iterator[tuple[re.Match[str], object]]:
    """Non-overlapping matches of a lexicon's patterns (longest terms first, as they are
    sorted), with each pattern's payload; ``taken`` collects the spans used."""
    taken = SpanSet() if taken is None else taken
    for pattern, payload in _candidates(text, patterns):
        for m in pattern.finditer(text):
            if not taken.overlaps(*m.span()):
                taken.add(*m.span())
                yield m, payload


@dataclass
class _Prepared:
    """A lexicon's patterns indexed by their needles (see :func:`_candidates`)."""

    patterns: list
    always: list[int]  # patterns without a needle: always run
    by_needle: dict[str, list[int]]
    finder: re.Pattern[str]
    prefixes: dict[str, list[str]]  # each needle: the needles it starts with (itself included)


_PREPARED: dict[int, _Prepared] = {}


def _candidates(text: str, patterns: list) -> list:
    """The patterns whose needle occurs in the lower-cased text, in the lexicon's order.

    One scan of the text finds, at every position, the longest needle starting there (a
    regex shaped like a trie of the needles); a needle occurs in the text exactly when it
    is a prefix of one of those, so this is the same as testing ``needle in text.lower()``
    for each pattern, without a Python loop over hundreds of patterns per paragraph.
    """
    prepared = _PREPARED.get(id(patterns))
    if prepared is None or prepared.patterns is not patterns:
        prepared = _prepare(patterns)
        _PREPARED[id(patterns)] = prepared
    chosen = list(prepared.always)
    for found in set(prepared.finder.findall(text.lower())):
        for needle in prepared.prefixes[found]:
            chosen += prepared.by_needle[needle]
    return [patterns[i] for i in sorted(set(chosen))]


def _prepare(patterns: list) -> _Prepared:
    always: list[int] = []
    by_needle: dict[str, list[int]] = {}
    for i, (pattern, _payload) in enumerate(patterns):
        needle = pattern.needle
        if needle:
            by_needle.setdefault(needle, []).append(i)
        else:
            always.append(i)
    prefixes = {n: [m for m in by_needle if n.startswith(m)] for n in by_needle}
    finder = re.compile(f"(?=({_trie_regex(by_needle)}))") if by_needle else re.compile(r"(?!)")
    return _Prepared(patterns, always, by_needle, finder, prefixes)


def _trie_regex(words) -> str:
    """A regex matching the longest of ``words`` that starts at a position (a trie: sre
    follows one branch per character instead of trying every word in turn)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        kids = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


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


def term_pattern(term: str, *, possessive: bool = False) -> TermPattern:
    """The regex for a lexicon term: words as written, the last with its regular inflections
    (see :func:`_inflections`), with a literal needle for a quick pre-check.

    >>> [m.group() for m in term_pattern("slam").finditer("He slammed it; she slams.")]
    ['slammed', 'slams']
    """
    words = term.split()
    body = r"\s+".join([*map(re.escape, words[:-1]), _inflections(words[-1])])
    tail = r"(?:[’']s)?" if possessive else ""
    first = words[0].rstrip("*").lower()
    needle = first  # a phrase's first word, or a stem before "*", is matched as written
    if len(words) == 1 and not words[0].endswith("*"):
        # every inflection shares the word minus its last letter (try → tries, make → making)
        needle = first[:-1] if len(first) > 2 else first
    return TermPattern(rf"(?<![\w’'-]){body}{tail}(?![\w’'-])", needle)


def _voice_at(segments: dict, paragraph: int, position: int) -> tuple[str, str]:
    """The voice and mode of the :func:`voices` segment that holds ``position``."""
    for start, end, voice, mode in segments.get(paragraph, ()):
        if start <= position < end:
            return voice, mode
    return NARRATOR, "narration"


def _owner(segments: dict, paragraph: int, position: int) -> tuple[str, str]:
    """Voice and mode at a position; the headline (paragraph -1) is the outlet's."""
    return (NARRATOR, "headline") if paragraph < 0 else _voice_at(segments, paragraph, position)


@cache
def _lexicon_entries() -> dict[str, tuple[str, str]]:
    """Each curated term: ``(category, explanation)`` (the first row of a repeated term)."""
    entries: dict[str, tuple[str, str]] = {}
    lexicon = loaded_lexicon()
    for term, category, explanation in zip(
        lexicon["term"], lexicon["category"], lexicon["explanation"], strict=True
    ):
        entries.setdefault(term, (category, explanation))
    return entries


def find_loaded_terms(article: Article, *, emotive: bool = True) -> pd.DataFrame:
    """Every loaded word with its owner: ``term, category, paragraph, voice, start, end``,
    plus ``text`` (as written), ``mode``, ``speaker``, ``source`` and ``explanation``.

    ``voice`` is the owner of the wording: the speaker for their quoted words, else
    ``NARRATOR``; ``speaker`` is whom the stretch of text belongs to in :func:`voices`.
    Paragraph -1 is the headline.
    """
    lexicon = _lexicon_entries()
    segments = _segments(article)
    units = [(-1, article.title)] + list(enumerate(article.paragraphs))
    rows = []
    for p, text in units:
        taken = SpanSet()
        for m, term in matches(text, _term_patterns(), taken):
            speaker, mode = _owner(segments, p, m.start())
            owner = speaker if mode == "quoted" else NARRATOR
            category, explanation = lexicon[term]
            rows.append((term, category, p, owner, m.start(), m.end(), m.group(), mode,
                         speaker, "curated", explanation))  # fmt: skip
        if emotive:
            rows += _emotive(p, text, segments, taken)
    for q in _analyse(article).scare:
        quoted = article.paragraphs[q.paragraph][q.start : q.end]
        rows.append((quoted, "distancing (scare quotes)", q.paragraph, NARRATOR, q.start, q.end,
                     f"“{quoted}”", "narration", NARRATOR, "scare quotes",
                     "Quotation marks around a label nobody in the article says: the writer "
                     "keeps a distance from the word."))  # fmt: skip
    rows.sort(key=lambda row: (row[2], row[4]))  # paragraph, start (a stable sort)
    return pd.DataFrame(rows, columns=TERM_COLUMNS)


@cache
def _plain_words() -> frozenset[str]:
    """Words VADER rates as strongly emotional that news uses to describe, not to judge."""
    from .paths import lexicon_path

    lines = lexicon_path("emotive_exclude.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _emotive(p: int, text: str, segments: dict, taken: SpanSet) -> list[tuple]:
    lexicon = sentiment_analyzer().lexicon
    plain = _plain_words()
    rows = []
    for word, start, end in word_spans(text):
        norm = normalise_word(word)
        valence = lexicon.get(norm)
        if valence is None or abs(valence) < EMOTIVE_MIN_VALENCE or norm in plain:
            continue
        if taken.overlaps(start, end):
            continue
        speaker, mode = _owner(segments, p, start)
        if mode == "quoted":
            continue  # the data-driven signal is for the outlet's own wording only
        rows.append((norm, "emotive (lexicon)", p, NARRATOR, start, end, word, mode,
                     speaker, "VADER lexicon",
                     f"VADER valence {valence:+.1f}: a strongly emotional word."))  # fmt: skip
    return rows


def loaded_density(article: Article, terms: pd.DataFrame | None = None) -> pd.DataFrame:
    """Loaded words per 100 words of each voice: ``voice, words, curated, emotive,
    per_100_words`` (curated terms only in ``per_100_words``). The headline is a row of its
    own; the outlet's body voice is ``NARRATOR`` (narration and reported speech)."""
    terms = find_loaded_terms(article) if terms is None else terms
    words: dict[str, int] = {}
    for p, segments in _segments(article).items():
        text = article.paragraphs[p]
        for start, end, voice, mode in segments:
            owner = voice if mode == "quoted" else NARRATOR
            words[owner] = words.get(owner, 0) + count_words(text[start:end])
    counts: dict[str, int] = {"headline": count_words(article.title), **dict(sorted(words.items()))}
    head: dict[str, int] = {}
    body: dict[tuple[str, str], int] = {}
    for paragraph, voice, source in zip(
        terms["paragraph"].tolist(), terms["voice"], terms["source"], strict=True
    ):
        if paragraph == -1:
            head[source] = head.get(source, 0) + 1
        if paragraph >= 0:
            body[voice, source] = body.get((voice, source), 0) + 1
    rows = []
    for voice, n in counts.items():
        mine = head if voice == "headline" else {s: k for (v, s), k in body.items() if v == voice}
        curated = mine.get("curated", 0)
        rows.append((voice, int(n), curated, mine.get("VADER lexicon", 0),
                     round(100 * curated / n, 2) if n else 0.0))  # fmt: skip
    return pd.DataFrame(rows, columns=["voice", "words", "curated", "emotive", "per_100_words"])


@cache
def _hedge_terms() -> list[tuple[TermPattern, tuple[str, str, str]]]:
    rows = sorted(_rows("hedges.csv"), key=lambda r: -len(r["term"]))
    return [(term_pattern(r["term"]), (r["term"], r["kind"], r["explanation"])) for r in rows]


def find_hedges(article: Article) -> pd.DataFrame:
    """Hedges and distancing words (``data/lexicons/hedges.csv``) and reporting verbs that
    cast doubt (``claimed``, ``suggested``: their connotation in ``reporting_verbs.csv``):
    ``term, kind, paragraph, voice, text, explanation``."""
    from .lexicons import reporting_verbs

    segments = _segments(article)
    rows = []
    for p, text in [(-1, article.title), *enumerate(article.paragraphs)]:
        for m, (term, kind, explanation) in matches(text, _hedge_terms()):
            speaker, mode = _owner(segments, p, m.start())
            owner = speaker if mode == "quoted" else NARRATOR
            rows.append((term, kind, p, owner, m.group(), explanation))
    verbs = reporting_verbs()
    already = {(p, term) for term, _k, p, *_ in rows}
    for q in _analyse(article).utterances:
        verb = verbs.get(q.cue.lower())
        if (q.paragraph, q.cue.lower()) in already:
            continue  # the hedge list found this very word
        if verb and verb.connotation in ("doubt", "tentative"):
            kind = f"reporting verb ({verb.connotation})"
            rows.append((q.cue.lower(), kind, q.paragraph, NARRATOR,
                         f"{q.speaker} {q.cue}", verb.explanation))  # fmt: skip
    return pd.DataFrame(rows, columns=["term", "kind", "paragraph", "voice", "text", "explanation"])


def competing_labels(article: Article) -> pd.DataFrame:
    """The same referent named differently by different voices: ``referent, label, voice,
    n`` for the label groups an article's front matter declares under ``labels:``
    (``labels: {the war: [special military operation, invasion, war]}``)."""
    groups = article.meta.get("labels")
    rows = []
    if isinstance(groups, dict):
        segments = _segments(article)
        taken: set[tuple[int, int]] = set()
        for referent, labels in groups.items():
            listed = labels if isinstance(labels, list) else [labels]
            for label in sorted(map(str, listed), key=len, reverse=True):  # longest first
                pattern = re.compile(rf"(?<![\w-]){re.escape(label)}(?![\w-])", re.IGNORECASE)
                for p, text in [(-1, article.title), *enumerate(article.paragraphs)]:
                    for m in pattern.finditer(text):
                        if any((p, i) in taken for i in range(m.start(), m.end())):
                            continue
                        taken.update((p, i) for i in range(m.start(), m.end()))
                        speaker, mode = _owner(segments, p, m.start())
                        quoted = _inside_scare_quotes(article, p, m.start())
                        voice = speaker if mode == "quoted" else NARRATOR
                        how = "headline" if p < 0 else ("scare quotes" if quoted else mode)
                        rows.append((str(referent), str(label), voice, how, p))
    table = pd.DataFrame(rows, columns=["referent", "label", "voice", "how", "paragraph"])
    if table.empty:  # the same columns as below
        return table.drop(columns="paragraph").assign(
            n=pd.Series(dtype="int64"), paragraphs=pd.Series(dtype=object)
        )
    return table.groupby(["referent", "label", "voice", "how"], as_index=False).agg(
        n=("paragraph", "size"), paragraphs=("paragraph", lambda s: sorted(set(s)))
    )


def _inside_scare_quotes(article: Article, paragraph: int, position: int) -> bool:
    if paragraph < 0:
        return False
    return any(
        q.paragraph == paragraph and q.start <= position < q.end for q in _analyse(article).scare
    )
