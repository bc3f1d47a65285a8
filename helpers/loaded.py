"""Loaded language, scare quotes, hedges and competing labels, counted by voice.

Loaded words are found in several ways, kept apart in every table (``source``):

* ``curated``: ``data/lexicons/loaded_terms.csv``, about 800 words and phrases in the
  categories of the propaganda-technique literature (Da San Martino et al. 2019, "Fine-Grained
  Analysis of Propaganda in News Articles"; SemEval-2023 Task 3): name calling, loaded
  language, exaggeration, appeal to fear, flag-waving, euphemism, plus tabloid verbs; each
  row names its source (``data/lexicons/README.md``). A term matches with the regular
  inflections of its last word (slam, slams, slammed, slamming).
* ``VADER lexicon`` (category ``emotive (lexicon)``): any other word whose VADER valence
  (Hutto & Gilbert 2014) is at most -2, or at least +3 (praise words at 2 to 3, "friend",
  "happy", describe more than they load), in every voice, so that unseen articles still show
  their emotive words; not in reported speech ("she said she was depressed"), where such a
  word is most often the reported person's feeling or the matter reported, not the writer's
  choice (the curated list still applies there).
* ``reporting verb``: reporting verbs whose connotation casts doubt ("claimed"), mocks a
  boast or makes the speaker hostile (``reporting_verbs.csv``).
* ``scare quotes``: the outlet's quotation marks around a short loaded label nobody in the
  article says; ``labelling quote``: words quoted after a verb of labelling ("branded him
  “a liar”", "slammed the plan as “a cash grab”"), the speaker's label.

Each hit keeps its trigger word (``text`` at ``start:end``) and the phrase it belongs to
(``phrase`` at ``phrase_start:phrase_end``): amplifiers before it, neighbouring loaded words,
the noun an evaluative word describes (:func:`grow_phrase`). Nothing is flagged inside a
proper name, and words that name events and institutions (``descriptive_terms.txt``: murder,
arrested, regime, crisis) count only beside an evaluative word.

A term one voice uses :data:`REPEATED_TERM_MIN` times or more in the body is listed once, at
its first use, with how often: a running name for the subject is one choice, not one at every
use (the headline's use stays a row of its own).

Who owns a word: a loaded word inside a speaker's quotation marks is the speaker's; in
reported speech it is the outlet's paraphrase, so it counts for ``NARRATOR`` (the table
keeps ``speaker`` to say whom the paraphrase is about); the headline is the outlet's.
Scare quotes count as the outlet's distancing.

Measured on real annotated news (development halves only) by
``benchmarks/peer/bench_loaded.py``; the figures are in the README.

Hedges are in :mod:`helpers.hedges`, competing labels in :mod:`helpers.labels`, and the term
regexes and their matching in :mod:`helpers.terms`; all are importable from here, as before.
"""

from __future__ import annotations

import bisect
import re

import pandas as pd

from .article import Article
from .contract import rows_table
from .hedges import find_hedges
from .labels import competing_labels
from .lexicons import lexicon_cache, lexicon_rows, lexicon_words, lexicons_held
from .resources import sentiment_analyzer
from .terms import TermPattern, first_of_repeats, inflections, matches, owner_at, term_pattern
from .text import SpanSet, count_words, normalise_word, stopwords, word_spans
from .who_speaks import NARRATOR, attribution, voice_segments
from .who_speaks.clauses import FRAMES
from .who_speaks.tables import words_by_voice

__all__ = [
    "EMOTIVE_MIN_VALENCE",
    "REPEATED_TERM_MIN",
    "loaded_lexicon",
    "find_loaded_terms",
    "loaded_density",
    "find_hedges",
    "competing_labels",
    # defined in helpers.terms and helpers.hedges, importable from here as before
    "TermPattern",
    "term_pattern",
    "matches",
    "inflections",
]

#: |VADER valence| from which a word not in the curated list is flagged as emotive.
EMOTIVE_MIN_VALENCE = 2.0
#: VADER valence from which a *positive* word is flagged: praise words at 2 to 3 ("friend",
#: "happy", "respect", "peace") describe far more often than they load; on the even-id PTC
#: articles fewer than one in ten of them lies in an annotated span (issue 15).
EMOTIVE_MIN_POSITIVE = 3.0
#: |VADER valence| from which an adjective or adverb (by its ending) is flagged.
EMOTIVE_MIN_DESCRIBING = 2.0
TERM_COLUMNS = [
    "term", "category", "paragraph", "voice", "start", "end",
    "text", "mode", "speaker", "source", "explanation",
    "phrase", "phrase_start", "phrase_end",
]  # fmt: skip


_LEXICON_COLUMNS = ["term", "category", "explanation", "source"]
_SCARE_EXPLANATION = (
    "Quotation marks around a loaded label nobody in the article says: the writer keeps a "
    "distance from the word."
)
_LABEL_EXPLANATION = (
    "Words quoted after a verb of labelling (branded, slammed … as, dubbed): the speaker's "
    "label, not the writer's."
)


@lexicon_cache
def loaded_lexicon() -> pd.DataFrame:
    """The curated list: ``term, category, explanation, source``."""
    return pd.DataFrame(
        lexicon_rows("loaded_terms.csv", columns=_LEXICON_COLUMNS), columns=_LEXICON_COLUMNS
    )


_WS = re.compile(r"\s+")


@lexicon_cache
def _term_patterns() -> list[tuple[TermPattern, str]]:
    # a possessive may follow ("the dictator’s first visit"); longest terms first, so
    # "special military operation" wins over "operation"
    terms = sorted(loaded_lexicon()["term"], key=len, reverse=True)
    return [(term_pattern(term, possessive=True, adverbs=True), term) for term in terms]


#: Connotations of ``reporting_verbs.csv`` whose verbs load the report itself: they cast
#: doubt ("claimed"), mock a boast ("bragged") or make the speaker hostile ("slammed"), so
#: they are listed beside the loaded words (``find_hedges`` lists the doubtful ones too).
LOADED_VERB_CONNOTATIONS = ("doubt", "positive-self", "hostile")
#: "alleged" is the careful word of court reporting: a hedge (``find_hedges``), not loaded.
_LEGAL_HEDGES = frozenset({"allege"})


@lexicon_cache
def _all_patterns() -> list[tuple[TermPattern, object]]:
    """The curated terms, then the loaded reporting verbs (a curated term wins a tie)."""
    return [*_term_patterns(), *_verb_patterns()]


@lexicon_cache
def _verb_patterns() -> list[tuple[TermPattern, tuple[str, str, str]]]:
    from .lexicons import reporting_verbs

    forms = [
        (form, verb) for form, verb in reporting_verbs().items()
        if verb.connotation in LOADED_VERB_CONNOTATIONS and verb.lemma not in _LEGAL_HEDGES
    ]  # fmt: skip
    forms.sort(key=lambda item: -len(item[0]))
    return [
        (term_pattern(form), (form, f"reporting verb ({verb.connotation})", verb.explanation))
        for form, verb in forms
    ]


@lexicon_cache
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
    plus ``text`` (as written), ``mode``, ``speaker``, ``source`` and ``explanation``, and
    the phrase the word belongs to: ``phrase, phrase_start, phrase_end`` (see
    :func:`grow_phrase`; the trigger word is ``text`` at ``start:end``).

    ``voice`` is the owner of the wording: the speaker for their quoted words (and for the
    words quoted after a verb of labelling: "branded him “a liar”"), else ``NARRATOR``;
    ``speaker`` is whom the stretch of text belongs to in :func:`voices`. Paragraph -1 is the
    headline. A word inside a proper name is not flagged, and a word that names an event or
    an institution (``descriptive_terms.txt``) counts only beside an evaluative word.

    >>> from helpers import article_from_text
    >>> t = find_loaded_terms(article_from_text("H\\n\\nIt was a truly shameful decision."))
    >>> t[["text", "phrase", "voice"]].values.tolist()
    [['shameful', 'truly shameful decision', 'NARRATOR']]
    """
    with lexicons_held():  # the word lists are looked at once for the whole table
        return _find_loaded_terms(article, emotive=emotive)


def _find_loaded_terms(article: Article, *, emotive: bool) -> pd.DataFrame:
    lexicon = _lexicon_entries()
    segments = voice_segments(article)
    analysis = attribution(article)
    labelled = _labelling_quotes(article, analysis)
    names = _name_spans(analysis)
    descriptive = _descriptive_terms()
    # a loaded reporting verb counts where the attribution read it as the cue of a report
    cues = {(u.paragraph, _WS.sub(" ", u.cue.lower())) for u in analysis.utterances}
    # "called the plan a disaster": the speaker's own label, reported; the emotive signal reads it
    frame = tuple(FRAMES.values())
    framed = [
        (u.paragraph, u.start, u.end) for u in analysis.utterances if u.rule.startswith(frame)
    ]
    units = [(-1, article.title)] + list(enumerate(article.paragraphs))
    rows = []
    for p, text in units:
        words = word_spans(text)
        # no flag inside a proper name: the names are taken before any term is matched
        taken = SpanSet()
        for start, end in [*names.get(p, ()), *_capitalised_runs(text, words, headline=p < 0)]:
            taken.add(start, end)
        hits = []  # (start, end, row without the phrase, needs an evaluative context)
        quoted_label = {(q0, q1): who for (pp, q0, q1), who in labelled.items() if pp == p}
        for m, term in matches(text, _all_patterns(), taken):
            speaker, mode = owner_at(segments, p, m.start())
            owner = speaker if mode == "quoted" else NARRATOR
            owner, mode = _labelledowner_at(quoted_label, m.start(), owner, mode)
            if isinstance(term, tuple):  # a reporting verb: (form, kind, explanation)
                if (p, _WS.sub(" ", m.group().lower())) not in cues:
                    continue  # not the cue of a report here: "insurance claims", "a snap poll"
                row = (term[0], term[1], p, owner, m.start(), m.end(), m.group(), mode,
                       speaker, "reporting verb", term[2])  # fmt: skip
                hits.append((m.start(), m.end(), row, False))
                continue
            category, explanation = lexicon[term]
            row = (term, category, p, owner, m.start(), m.end(), m.group(), mode,
                   speaker, "curated", explanation)  # fmt: skip
            hits.append((m.start(), m.end(), row, term in descriptive))
        if emotive:
            for row in _emotive(p, text, segments, taken, words):
                owner, mode = _labelledowner_at(quoted_label, row[4], row[3], row[7])
                if mode == "reported" and not any(
                    f[0] == p and f[1] <= row[4] < f[2] for f in framed
                ):
                    continue  # the reported person's feeling or matter, not the writer's word
                row = (*row[:3], owner, *row[4:7], mode, *row[8:])
                hits.append((row[4], row[5], row, row[0] in descriptive))
        rows += _with_phrases(text, hits, words)
    scare_rows = []
    for q in analysis.scare:
        quoted = article.paragraphs[q.paragraph][q.start : q.end]
        if not any(r[2] == q.paragraph and q.start <= r[4] < q.end for r in rows):
            continue  # no loaded word inside: a quotation, not loaded wording
        who = labelled.get((q.paragraph, q.start, q.end))
        if who is not None:
            kind = ("name calling (quoted label)", who, "quoted", who, "labelling quote")
            explanation = _LABEL_EXPLANATION
        elif _is_scare_label(quoted):
            kind = ("distancing (scare quotes)", NARRATOR, "narration", NARRATOR, "scare quotes")
            explanation = _SCARE_EXPLANATION
        else:
            continue
        category, voice, mode, speaker, source = kind
        scare_rows.append((quoted, category, q.paragraph, voice, q.start, q.end, f"“{quoted}”",
                           mode, speaker, source, explanation, quoted, q.start, q.end))  # fmt: skip
    rows = _quoted_labels_once(rows, scare_rows, lexicon)
    rows.sort(key=lambda row: (row[2], row[4]))  # paragraph, start (a stable sort)
    keys = [(row[3], row[0].lower(), row[2] < 0) for row in rows]  # voice, term, headline?
    rows = [_uses_noted(rows[i], n) for i, n in first_of_repeats(keys, minimum=REPEATED_TERM_MIN)]
    return rows_table(rows, "loaded_terms")


def _quoted_labels_once(rows: list[tuple], quote_rows: list[tuple], lexicon) -> list[tuple]:
    """Loaded words inside quotation marks that point to another source, counted once.

    A label quoted after a verb of labelling ("what Moscow calls its “…”", "branded him
    “…”") is that source's wording: its loaded words stay, owned by the source, with the
    whole quoted label as their phrase, and the quotation is not listed again. A label in
    scare quotes is another source's wording that the writer keeps at a distance: only the
    distancing is listed (the writer's act), never the words inside as the writer's own
    loaded language or euphemism.
    """
    inside: dict[tuple, list[int]] = {}
    for i, row in enumerate(rows):
        for q in quote_rows:
            if row[2] == q[2] and q[4] <= row[4] < q[5]:
                inside.setdefault(q[:6], []).append(i)
    dropped: set[int] = set()
    kept_quotes = []
    for q in quote_rows:
        words = inside.get(q[:6], [])
        if q[9] == "labelling quote":
            for i in words:  # (…, phrase, phrase_start, phrase_end): the whole quoted label
                rows[i] = (*rows[i][:11], q[11], q[12], q[13])
            continue
        dropped.update(words)
        kinds = sorted({rows[i][1] for i in words})
        kept_quotes.append((*q[:10], _SCARE_EXPLANATION + _inside_note(kinds), *q[11:]))
    return [row for i, row in enumerate(rows) if i not in dropped] + kept_quotes


#: Uses of one term by one voice from which it is listed once (its first use): its running
#: name for its subject ("illegal aliens" in a story about immigration, "evil" in a sermon).
#: Even-id PTC articles (issue 15): 13 of the 97 later uses of a term one voice used 4 times
#: or more lay in an annotated span, 424 of the 1123 words a voice used once (at 8ce51fc).
REPEATED_TERM_MIN = 4


def _uses_noted(row: tuple, uses: int) -> tuple:
    """A row whose term its voice uses :data:`REPEATED_TERM_MIN` times or more (listed once)
    says so in its explanation."""
    if uses < REPEATED_TERM_MIN:
        return row
    note = (
        f" This voice uses it {uses} times; listed once, at its first use: a word repeated "
        "this often is the running name for its subject."
    )
    return (*row[:10], row[10] + note, *row[11:])


def _inside_note(kinds: list[str]) -> str:
    if not kinds:
        return ""
    return (
        f" Inside the marks: {', '.join(kinds)}, counted here once as the writer's distancing, "
        "not as the writer's own wording."
    )


@lexicon_cache
def _emotive_words() -> dict[str, float]:
    """The VADER words the emotive signal flags, with their valence: strong enough for their
    kind (see the floors above) and not in ``emotive_exclude.txt`` (words VADER rates as
    strongly emotional that news uses to describe, not to judge)."""
    plain = frozenset(lexicon_words("emotive_exclude.txt"))
    out = {}
    for norm, valence in sentiment_analyzer().lexicon.items():
        describing = _adjective_like(norm) or norm.endswith("ly")
        floor = EMOTIVE_MIN_DESCRIBING if describing else EMOTIVE_MIN_VALENCE
        if norm not in plain and (-valence >= floor or valence >= max(floor, EMOTIVE_MIN_POSITIVE)):
            out[norm] = valence
    return out


def _emotive(
    p: int, text: str, segments: dict, taken: SpanSet, words: list | None = None
) -> list[tuple]:
    emotive = _emotive_words()
    rows = []
    for word, start, end in word_spans(text) if words is None else words:
        # normalise_word only where it changes more than the case (an apostrophe)
        norm = normalise_word(word) if "'" in word or "’" in word else word.lower()
        valence = emotive.get(norm)
        if valence is None or taken.overlaps(start, end):
            continue
        speaker, mode = owner_at(segments, p, start)
        owner = speaker if mode == "quoted" else NARRATOR  # every voice gets the signal
        rows.append((norm, "emotive (lexicon)", p, owner, start, end, word, mode,
                     speaker, "VADER lexicon",
                     f"VADER valence {valence:+.1f}: a strongly emotional word."))  # fmt: skip
    return rows


# ----------------------------------------------------------------------------------------
# Phrases, names, descriptive words, labelling quotes
# ----------------------------------------------------------------------------------------
@lexicon_cache
def intensifiers() -> frozenset[str]:
    """Words that amplify the word after them: VADER's boosters with a positive increment
    (``VaderConstants.BOOSTER_DICT``, Hutto & Gilbert 2014, MIT licence) and the amplifiers of
    Quirk et al. 1985 (§8.104-8.111) listed in ``data/lexicons/intensifiers.txt``."""
    from nltk.sentiment.vader import VaderConstants

    boosters = {w for w, v in VaderConstants.BOOSTER_DICT.items() if v > 0 and " " not in w}
    return frozenset(boosters | set(lexicon_words("intensifiers.txt")))


@lexicon_cache
def _descriptive_terms() -> frozenset[str]:
    """Words that name events, crimes and institutions (``descriptive_terms.txt``): loaded
    only beside an evaluative word ("a brutal murder"), not alone ("a murder trial")."""
    return frozenset(lexicon_words("descriptive_terms.txt"))


#: How far a phrase grows to the right of its trigger, in words: one head word after an
#: evaluative word ("shameful decision", "dark forces"); the median annotated span of PTC's
#: Loaded_Language and Name_Calling is three words (issue 15).
PHRASE_RIGHT_WORDS = 1
#: Neighbouring loaded words or amplifiers that join a phrase on each side, at most: a
#: phrase is a few words ("a truly shameful cynical decision"), never a whole paragraph.
PHRASE_SIDE_WORDS = 4
_JOINERS = re.compile(r"[ \t]+|-")  # what may separate the words of one phrase


def grow_phrase(
    text: str,
    start: int,
    end: int,
    *,
    hits: list[tuple[int, int]] | SpanSet = (),
    words: list[tuple[str, int, int]] | None = None,
    bounds: tuple[list[int], list[int]] | None = None,
) -> tuple[int, int]:
    """The phrase a loaded word at ``start:end`` belongs to: amplifiers before it ("truly
    shameful"), neighbouring loaded words (``hits``), and the noun it describes ("shameful
    decision": one lower-case word that is not a function word, after an adjective-like
    word). Only spaces join a phrase; punctuation ends it.

    >>> text = "It was a truly shameful decision."
    >>> start = text.index("shameful")
    >>> text[slice(*grow_phrase(text, start, start + 8))]
    'truly shameful decision'
    """
    words = word_spans(text) if words is None else words  # (word, start, end) of ``text``
    # ``bounds`` (the words' starts and ends) and a SpanSet of ``hits`` may be given once per
    # paragraph by the caller: rebuilt for every hit they made a paragraph quadratic
    starts, ends = bounds or ([w[1] for w in words], [w[2] for w in words])
    if not isinstance(hits, SpanSet):
        spans, hits = hits, SpanSet()
        for a, b in spans:
            hits.add(a, b)
    first = bisect.bisect_right(ends, start)  # the first word ending after
    if first == len(words):
        return start, end
    last = max(first, bisect.bisect_left(starts, end) - 1)
    boost = intensifiers()
    stops = stopwords()

    def joined(i: int, j: int) -> bool:
        return _JOINERS.fullmatch(text[words[i][2] : words[j][1]]) is not None

    def in_hit(i: int) -> bool:
        return hits.overlaps(words[i][1], words[i][2])

    # at most PHRASE_SIDE_WORDS words join on each side: a run of loaded words is read as
    # short phrases, not as one phrase as long as the paragraph
    steps = 0
    while steps < PHRASE_SIDE_WORDS and first > 0 and joined(first - 1, first):
        prev = words[first - 1]
        if prev[0].lower() in boost or in_hit(first - 1):
            first -= 1
            steps += 1
        else:
            break
    steps = 0
    while (steps < PHRASE_SIDE_WORDS and last + 1 < len(words) and joined(last, last + 1)
           and in_hit(last + 1)):  # fmt: skip
        last += 1
        steps += 1
    grown = 0
    while grown < PHRASE_RIGHT_WORDS and last + 1 < len(words) and joined(last, last + 1):
        nxt = words[last + 1][0]
        if not nxt[:1].islower() or normalise_word(nxt) in stops or nxt.lower() in boost:
            break
        if not _adjective_like(words[last][0]):
            break
        last += 1
        grown += 1
    return min(start, words[first][1]), max(end, words[last][2])


#: Endings of English adjectives and participles (Quirk et al. 1985, App. I.36-I.41): a word
#: with one of them is taken to describe the noun after it.
_ADJECTIVE_ENDINGS = (
    "ous", "ful", "less", "ive", "able", "ible", "al", "ic", "ant", "ent", "ish", "ed",
    "ing", "ary", "ory", "y", "ate", "ile", "ist", "id",
)  # fmt: skip


def _adjective_like(word: str) -> bool:
    return normalise_word(word).endswith(_ADJECTIVE_ENDINGS)


def _evaluative_inside(evaluative: list[tuple[int, int]], ps: int, pe: int, own) -> bool:
    """Whether a span of ``evaluative`` (sorted) other than ``own`` lies in ``[ps, pe)``."""
    for span in evaluative[bisect.bisect_left(evaluative, (ps,)) :]:
        if span[0] >= pe:
            return False
        if span[1] <= pe and span != own:
            return True
    return False


def _with_phrases(
    text: str, hits: list[tuple[int, int, tuple, bool]], words: list[tuple[str, int, int]]
) -> list[tuple]:
    """Each hit's row with its phrase; a descriptive hit only if its phrase holds an
    evaluative word (another hit that is not descriptive)."""
    rows: list[tuple] = []
    if not hits:
        return rows
    spans = SpanSet()
    for a, b, _row, _d in hits:
        spans.add(a, b)
    evaluative = sorted((a, b) for a, b, _row, d in hits if not d)
    bounds = ([w[1] for w in words], [w[2] for w in words])
    for start, end, row, descriptive in hits:
        ps, pe = grow_phrase(text, start, end, hits=spans, words=words, bounds=bounds)
        if descriptive and not _evaluative_inside(evaluative, ps, pe, (start, end)):
            continue  # "more violence" is still a description; "brutal violence" is not
        rows.append((*row, text[ps:pe], ps, pe))
    return rows


# a run of capitalised words is a name; a full stop ends it ("… met Ann Lee. Disgraceful …")
_CAPITALISED = re.compile(
    r"[A-Z][a-z][\w’'-]*+(?:\s+(?:of|the|for|and|de|du|al|bin|von|van)\s+[A-Z][\w’'-]*+"
    r"|\s+[A-Z][\w’'-]*+)+"
)


def _name_spans(analysis) -> dict[int, list[tuple[int, int]]]:
    """The entity layer's mentions of names, per paragraph (-1: headline)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for m in analysis.index.mentions:
        if m.text[:1].isupper():
            spans.setdefault(m.paragraph, []).append((m.start, m.end))
    return spans


def _capitalised_runs(
    text: str, words: list[tuple[str, int, int]], *, headline: bool = False
) -> list[tuple[int, int]]:
    """Runs of two or more capitalised words ("Supreme Court", "Rich Lowry"): proper names,
    unless the text is a headline in title case, where capitals say nothing."""
    if headline:
        long_words = [w for w, _s, _e in words if len(w) > 3]
        if long_words and sum(w[:1].isupper() for w in long_words) / len(long_words) >= 0.6:
            return []
    return [m.span() for m in _CAPITALISED.finditer(text)]


#: Verbs of labelling: the words quoted right after them ("branded him “a liar”", "slammed
#: the plan as “a cash grab”") are the subject's label (issue 15).
LABELLING_VERBS = ("brand", "slam", "blast", "dub", "call", "label", "term", "describe",
                   "denounce", "deride", "decry", "lambast")  # fmt: skip
_LABELLING = re.compile(
    r"(?<![\w’'-])(?:" + "|".join(inflections(v) for v in LABELLING_VERBS) + r")"  # not "so-called"
    r"((?:\s+[\w’'-]+){0,4}?)\s*(?:\s(?:as|a|an|the))?\s*$",
    re.IGNORECASE,
)


def _labelling_quotes(article: Article, analysis) -> dict[tuple[int, int, int], str]:
    """Quotations the attribution left unclaimed that follow a verb of labelling in their
    sentence: ``(paragraph, start, end) -> owner`` (the entity named just before the verb,
    else the speaker of the stretch, else ``UNKNOWN``)."""
    from .who_speaks import UNKNOWN_SPEAKER

    out = {}
    for q in analysis.scare:
        text = article.paragraphs[q.paragraph]
        before = text[max(0, q.start - 160) : q.start].rstrip("“”\"'‘’ ")
        cut = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
        before = before[cut + 1 :]
        m = _LABELLING.search(before)
        if m is None:
            continue
        offset = q.start - len(text[max(0, q.start - 160) : q.start]) + cut + 1
        verb_at = offset + m.start()
        who = None
        for mention in analysis.index.mentions:
            if mention.paragraph == q.paragraph and 0 <= verb_at - mention.end <= 20:
                who = mention.entity.canonical
        if who is None and not m.group(1).strip():
            continue  # "a group called “…”": a name, not somebody's label
        out[(q.paragraph, q.start, q.end)] = who or UNKNOWN_SPEAKER
    return out


def _labelledowner_at(labels: dict, position: int, owner: str, mode: str) -> tuple[str, str]:
    for (start, end), who in labels.items():
        if start <= position < end:
            return who, "quoted"
    return owner, mode


def _is_scare_label(quoted: str) -> bool:
    """A quotation short enough to be a label the writer distances from (one to four words)
    and not a title or a name (every word capitalised)."""
    words = [w for w, _s, _e in word_spans(quoted)]
    return 0 < len(words) <= 4 and not all(w[:1].isupper() for w in words)


@lexicons_held()
def loaded_density(article: Article, terms: pd.DataFrame | None = None) -> pd.DataFrame:
    """Loaded words per 100 words of each voice: ``voice, words, curated, emotive,
    per_100_words`` (curated terms only in ``per_100_words``). The headline is a row of its
    own; the outlet's body voice is ``NARRATOR`` (narration and reported speech)."""
    terms = find_loaded_terms(article) if terms is None else terms
    words: dict[str, int] = {}
    for (voice, mode), n in words_by_voice(article).items():
        owner = voice if mode == "quoted" else NARRATOR
        words[owner] = words.get(owner, 0) + n
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
    return rows_table(rows, "loaded_density")  # never empty: the headline has a row
