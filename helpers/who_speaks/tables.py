"""The public results of who speaks: :func:`attribution` and the tables built from it.

:func:`attribution` runs the attribution pass (:mod:`.attributor`) once per article and
caches it, for these tables and for the modules that read who speaks (loaded language,
stance, framing, sentiment, the entity layer); the cache is emptied when a lexicon file
changes. The tables: :func:`extract_quotes` (one row per utterance, with the rule that
found it), :func:`scare_quotes`, :func:`speakers`, :func:`voices` (every character
labelled with its voice, the outlet's own voice being ``NARRATOR``; :func:`voice_segments`
is the same as plain tuples), :func:`share_of_voice` and :func:`cues_by_speaker`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..article import Article
from ..contract import conform, rows_table
from ..entities import EntityIndex, not_a_speaker, split_title
from ..lexicons import gazetteer, lexicon_cache, lexicons_held, reporting_verbs, speaker_nouns
from ..names import CAP_RUN, LOWER_WORD, is_title_word, ordinary_word
from ..progress import step
from ..text import count_words, name_spans, stopwords
from .attributor import Attribution, Attributor
from .clauses import FINITE
from .cues import cue_index
from .utterances import NARRATOR, Utterance

__all__ = [
    "QUOTE_COLUMNS",
    "VOICE_COLUMNS",
    "attribution",
    "clear_caches",
    "cues_by_speaker",
    "quoted_names",
    "extract_quotes",
    "scare_quotes",
    "share_of_voice",
    "speakers",
    "voice_segments",
    "voices",
    "words_by_voice",
]

QUOTE_COLUMNS = [
    "paragraph", "sentence", "speaker", "kind", "text", "cue", "start", "end", "fragments",
    "speaker_mention", "rule", "utterance",
]  # fmt: skip
VOICE_COLUMNS = ["paragraph", "start", "end", "voice", "mode", "text"]


@lexicon_cache(maxsize=64)
def _attribution_cached(article: Article) -> Attribution:
    with step(article, "who speaks (the attribution)"):
        return Attributor(article).run()


@lexicons_held()
def attribution(article: Article) -> Attribution:
    """Who says what in ``article``: one attribution pass per article, shared by every
    table; redone if a lexicon changed (every public function here looks at the word lists
    when it starts: :func:`helpers.lexicons.lexicons_held`).

    >>> from helpers import article_from_text
    >>> found = attribution(article_from_text("T\\n\\nThe so-called “reform” failed."))
    >>> found.utterances, [q.start for q in found.scare]
    ([], [15])
    """
    return _attribution_cached(article)


def clear_caches() -> None:
    """Forget every article's attribution and voices, and the cue index (a lexicon changed;
    benchmarks that time the full work)."""
    _attribution_cached.cache_clear()
    _voice_rows.cache_clear()
    _segments_cached.cache_clear()
    _words_cached.cache_clear()
    cue_index.cache_clear()


@lexicons_held()
def extract_quotes(article: Article) -> pd.DataFrame:
    """One row per quoted or reported utterance (see ``QUOTE_COLUMNS``).

    ``kind`` is ``direct`` (a whole utterance in quotation marks; ``text`` is the words
    inside the marks), ``partial`` (reported speech containing quoted fragments; ``text`` is
    the reported clause, ``fragments`` the quoted words) or ``indirect`` (reported speech
    without marks). ``rule`` names the rule that found it. ``utterance`` numbers the
    utterances in reading order: the fragments of one interrupted quotation ("“A,” she
    said, “B.”") keep a row each and share one id (count ids, not rows, to count utterances).

    >>> from helpers import article_from_text
    >>> a = article_from_text("T\\n\\n“We will win,” said Jane Okafor, the minister.")
    >>> extract_quotes(a)[["speaker", "kind", "text", "cue"]].values.tolist()
    [['Jane Okafor', 'direct', 'We will win,', 'said']]
    >>> b = article_from_text("T\\n\\nJane Roe spoke. “We will win,” she said, “and soon.”")
    >>> extract_quotes(b)[["text", "utterance"]].values.tolist()
    [['We will win,', 0], ['and soon.', 0]]
    """
    analysis = attribution(article)
    rows = []
    for u in analysis.utterances:
        text = article.paragraphs[u.paragraph]
        rows.append(
            (
                u.paragraph,
                u.sentence,
                u.speaker,
                u.kind,
                text[u.start : u.end],
                u.cue,
                u.start,
                u.end,
                [text[a:b] for a, b in u.fragments],
                u.speaker_mention,
                u.rule,
                u.utterance,
            )  # fmt: skip
        )
    return rows_table(rows, "quotes")


@lexicons_held()
def scare_quotes(article: Article) -> pd.DataFrame:
    """Quoted spans that nobody in the article speaks: ``paragraph, text, start, end``.

    >>> from helpers import article_from_text
    >>> scare_quotes(article_from_text("T\\n\\nThe so-called “reform” failed.")).text.tolist()
    ['reform']
    """
    analysis = attribution(article)
    rows = [
        (q.paragraph, article.paragraphs[q.paragraph][q.start : q.end], q.start, q.end)
        for q in analysis.scare
    ]
    return rows_table(rows, "scare_quotes")


@lexicons_held()
def speakers(article: Article) -> pd.DataFrame:
    """One row per speaker: ``speaker, kind, role, mentions, n_utterances``.

    ``kind`` is ``person``, ``institution`` or ``anonymous``; ``mentions`` lists the ways
    the article refers to the speaker (merged into one canonical name); ``n_utterances``
    counts utterances, not rows (an interrupted quotation is one).
    """
    analysis = attribution(article)
    ids: dict[str, set[int]] = {}
    for u in analysis.utterances:
        ids.setdefault(u.speaker, set()).add(u.utterance)
    counts = {name: len(found) for name, found in ids.items()}
    rows = []
    for name, n in counts.items():
        entity = analysis.speakers.get(name)
        if entity is None:
            rows.append((name, "unknown", None, [], n))
            continue
        mentions = sorted({m for m in entity.mentions if m} | {entity.canonical})
        rows.append((name, entity.kind, entity.role, mentions, n))
    rows.sort(key=lambda row: (-row[4], row[0]))  # most utterances first, then by name
    return rows_table(rows, "speakers")


@lexicons_held()
def voices(article: Article, *, headline: bool = False) -> pd.DataFrame:
    """Every character of the body labelled with who speaks it (see ``VOICE_COLUMNS``).

    ``voice`` is a canonical speaker or ``NARRATOR``; ``mode`` is ``quoted`` (the speaker's
    own words, inside marks), ``reported`` (the outlet's paraphrase of the speaker) or
    ``narration``. Segments are contiguous and cover each paragraph exactly once.
    """
    # built anew from the cached rows: cheaper than a copy of a cached table
    rows = _voice_rows(article)
    if headline:
        rows = [(-1, 0, len(article.title), NARRATOR, "narration", article.title), *rows]
    if rows:
        return rows_table(rows, "voices")
    return _typed(pd.DataFrame(rows, columns=VOICE_COLUMNS), ("paragraph", "start", "end"))


@lexicon_cache(maxsize=64)
def _voice_rows(article: Article) -> list[tuple[int, int, int, str, str, str]]:
    """The body's rows of the voices table, as tuples (cached)."""
    analysis = attribution(article)
    rows = []
    by_paragraph: dict[int, list[Utterance]] = {}
    for u in analysis.utterances:
        by_paragraph.setdefault(u.paragraph, []).append(u)
    for p, text in enumerate(article.paragraphs):
        # later utterances overwrite earlier ones, character by character; the label can
        # only change where a span starts or ends, so the runs are cut at those points
        labels: list[tuple[str, str]] = [(NARRATOR, "narration")] * len(text)
        cuts = {0, len(text)}
        for u in by_paragraph.get(p, ()):
            if u.kind == "direct":
                spans = [(u.start, u.end, "quoted")]
            else:
                spans = [(u.start, u.end, "reported"), *((a, b, "quoted") for a, b in u.fragments)]
            for a, b, mode in spans:
                if b > a:
                    labels[a:b] = [(u.speaker, mode)] * (b - a)
                    cuts.update((a, b))
        bounds = sorted(cuts)
        start = 0
        for i in bounds[1:]:
            if i == len(text) or labels[i] != labels[start]:
                voice, mode = labels[start]
                rows.append((p, start, i, voice, mode, text[start:i]))
                start = i
    return rows


def _typed(table: pd.DataFrame, int_columns: tuple[str, ...]) -> pd.DataFrame:
    """Integer columns as int64: pandas infers them from Python ints, except in an empty
    table (a cheaper path than ``astype`` on every table)."""
    if all(table[c].dtype == "int64" for c in int_columns):
        return table
    return table.astype(dict.fromkeys(int_columns, "int64"))


@lexicons_held()
def voice_segments(article: Article) -> dict[int, list[tuple[int, int, str, str]]]:
    """The voices table as plain ``(start, end, voice, mode)`` tuples per paragraph."""
    attribution(article)
    return _segments_cached(article)


@lexicon_cache(maxsize=64)
def _segments_cached(article: Article) -> dict[int, list[tuple[int, int, str, str]]]:
    segments: dict[int, list[tuple[int, int, str, str]]] = {}
    for p, start, end, voice, mode, _text in _voice_rows(article):
        segments.setdefault(p, []).append((start, end, voice, mode))
    return segments


@lexicons_held()
def words_by_voice(article: Article) -> dict[tuple[str, str], int]:
    """The body's words per ``(voice, mode)`` of :func:`voices`, a voice with no word
    included (cached: the share of voice and the loaded-word density both read them).

    >>> from helpers import article_from_text
    >>> sorted(words_by_voice(article_from_text("T\\n\\n“We won,” said Jane Okafor.")).items())
    [(('Jane Okafor', 'quoted'), 2), (('NARRATOR', 'narration'), 3)]
    """
    attribution(article)
    return dict(_words_cached(article))


@lexicon_cache(maxsize=64)
def _words_cached(article: Article) -> dict[tuple[str, str], int]:
    words: dict[tuple[str, str], int] = {}
    for p, segments in _segments_cached(article).items():
        text = article.paragraphs[p]
        for start, end, voice, mode in segments:
            words[voice, mode] = words.get((voice, mode), 0) + count_words(text[start:end])
    return words


@lexicons_held()
def share_of_voice(article: Article) -> pd.DataFrame:
    """Words spoken per voice and mode: ``voice, mode, n_words, share`` (share of the body).

    Quoted words count for the speaker; ``reported`` words are the outlet's paraphrase of
    the speaker; ``narration`` is the outlet's own voice (NARRATOR).
    """
    words = words_by_voice(article)
    kept = [(voice, mode, n) for (voice, mode), n in sorted(words.items()) if n > 0]
    total = sum(n for _, _, n in kept)
    kept.sort(key=lambda row: (-row[2], row[0]))  # most words first, then by name (stable)
    if kept:
        return rows_table([(v, m, n, n / total) for v, m, n in kept], "share_of_voice")
    return pd.DataFrame(
        {
            "voice": pd.Series([v for v, _, _ in kept], dtype="str"),
            "mode": pd.Series([m for _, m, _ in kept], dtype="str"),
            "n_words": np.array([n for _, _, n in kept], dtype="int64"),
            "share": np.array([n / total for _, _, n in kept], dtype="float64"),
        }
    )


@lexicons_held()
def cues_by_speaker(article: Article) -> pd.DataFrame:
    """Reporting verbs used for each speaker, with their connotation from the lexicon:
    ``speaker, cue, connotation, n`` (``n`` utterances: an interrupted quotation once)."""
    quotes = extract_quotes(article)
    verbs = reporting_verbs()
    quotes = quotes[quotes["cue"] != ""].drop_duplicates(["speaker", "cue", "utterance"])
    rows = [
        (
            speaker,
            cue.lower(),
            verbs[cue.lower()].connotation if cue.lower() in verbs else "attribution phrase",
        )
        for speaker, cue in zip(quotes["speaker"], quotes["cue"], strict=False)
    ]
    table = pd.DataFrame(rows, columns=["speaker", "cue", "connotation"])
    counted = table.groupby(["speaker", "cue", "connotation"], as_index=False).size()
    return conform(
        counted.rename(columns={"size": "n"}).sort_values(
            ["speaker", "n"], ascending=[True, False], ignore_index=True
        ),
        "cues_by_speaker",
    )


@lexicons_held()
def quoted_names(article: Article) -> list[str]:
    """People named only inside quotations, in reading order: ``“Ana Ruiz is a disgrace,”
    said Tom Reyes.`` names Ana Ruiz, whom the entity index (the outlet's words only) never
    sees. A name is two or three capitalised words (after any opening stopword or sentence
    opener: "The", "Speaking"; a title before it is cut: "Councillor Ana Ruiz" -> "Ana
    Ruiz"), typed a person by :meth:`EntityIndex.classify`, not a date, a document or a
    headline, not already a person the article names, and none of its words a role noun, a
    title, a place, or a word the article also writes in lower case ("Thank God", "Vote
    Leave": Title Case phrases, not names); and the name must act as a person does, with a
    finite verb or a possessive right after it ("Ana Ruiz is …", "Ruiz's"), or its last word
    must occur twice in the article. The rule prefers missing a name to making a phrase a
    target.

    >>> from helpers import article_from_text
    >>> quoted_names(article_from_text("T\\n\\n“Ana Ruiz is a disgrace,” said Tom Reyes."))
    ['Ana Ruiz']
    """
    found = attribution(article)
    lower: set[str] = set()  # the article's lower-case words, read once a name needs them
    text = "\n".join([article.title, *article.paragraphs])
    names: list[str] = []
    for u in found.utterances:
        if u.kind == "indirect":
            continue
        paragraph = article.paragraphs[u.paragraph]
        for a, b in u.fragments or [(u.start, u.end)]:
            for m in CAP_RUN.finditer(paragraph, a, b):
                words = m.group().split()
                while words and (words[0].lower() in stopwords() or ordinary_word(words[0])):
                    words = words[1:]
                name = split_title(" ".join(words))[1]
                if not 2 <= len(name.split()) <= 3 or name in names:
                    continue
                if not lower:
                    lower = {m.group() for t in article.paragraphs for m in LOWER_WORD.finditer(t)}
                if (
                    2 <= len(name.split()) <= 3
                    and name not in names
                    and all(_name_word(w, lower) for w in name.split())
                    and EntityIndex.classify(name) == "person"
                    and not not_a_speaker(name)
                    and found.index.person_for(name) is None
                    and (
                        _acts(paragraph[m.end() : m.end() + 40])  # "Ana Ruiz is a disgrace"
                        or len(list(name_spans(text, name.split()[-1]))) >= 2  # "Ruiz" again
                    )
                ):
                    names.append(name)
    return names


def _acts(after: str) -> bool:
    """A possessive or a finite verb (:data:`.clauses.FINITE`) right after a name: it is the
    subject of a clause or owns something, so it names someone, not a Title Case phrase."""
    return after.startswith(("’s", "'s")) or bool(FINITE.match(after.lstrip()))


def _name_word(word: str, lower: set[str]) -> bool:
    """Whether ``word`` can be part of a person's name a speaker uses (see quoted_names)."""
    key = word.lower()
    return (
        word[:1].isupper()
        and not (len(word) > 1 and word.isupper())  # an acronym ("BDS") is no person's name
        and word[-1:] not in "’'"
        and key not in lower
        and key not in speaker_nouns()
        and not is_title_word(word)
        and key not in gazetteer()
    )
