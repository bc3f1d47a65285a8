"""Stance: who is for or against whom, with the evidence for every number.

Stance is not sentiment: a speaker can use angry words ("a bitter fight against the
profiteers") while standing firmly with someone. Following the stance-detection work on
news and debate (Mohammad et al. 2016, SemEval Task 6; Biber & Finegan 1989 on stance
markers), a stance here is built from:

1. **targets**: the main people, organisations, countries and plans of the article, from
   the names the article uses, merged through the gazetteer (``French`` and ``the Élysée``
   are France; ``Washington`` is the United States). The article's front matter
   (``targets:`` with aliases) adds its own on top; a found name it lists joins it. A
   writer's gloss such as ``“… the profiteers”, a reference to the banks`` adds an alias.
2. **units**: what one voice says in one sentence (:func:`helpers.sentiment.sentiment_units`);
   a speaker's units are their quoted and reported words, the outlet's (``NARRATOR``) its
   narration and headline. In the outlet's narration a sentence that opens with "He"/"She"
   also mentions the person target the outlet named last (same or previous paragraph, gender
   not contradicting): ``link`` = ``pronoun``.
3. **evidence**: in each unit, every stance cue of ``data/lexicons/stance_cues.csv``
   counts (+1 or -1) toward the target mentioned nearest to it, unless negated ("not",
   "no", "never", "n't" up to two words before). In the outlet's own narration,
   evaluative words ("dictator", "illegal", "disinformation") are the outlet's own stance
   only toward the target they are attached to (a premodifier, an apposition or a short
   predicate in the same clause, :data:`ATTACH_CHARS`); topic nouns ("scandal",
   "sanctions", "threat") are no verdict; a negative word followed by "against"/"on"/"at"
   … the target makes it the recipient, not the one judged; a victim ("was shot",
   "suffered") is not judged by negative words or by the sentence's tone. A verb ("Okafor
   accused the council of …") reports an act, so it counts for its subject, toward the
   target named after it (``source`` = ``reported act``). A scare quote right after a
   target's name counts -0.5 for the outlet (distancing); a target mentioned with no cue
   takes half the unit's VADER score (the sentiment around it).
4. **score**: per unit the contributions to a target are summed and clipped to [-1, 1];
   the stance is a Bayesian average of the units, with :data:`PRIOR_UNITS` units of no
   stance as prior, so one cue gives ±0.2 and never ±1; below :data:`CLEAR_MIN` in size the
   table calls it no clear stance (``clear`` False).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterator

import numpy as np
import pandas as pd

from .article import Article
from .contract import conform, rows_table
from .lexicons import gazetteer, lexicon_cache, lexicon_rows, lexicons_held
from .phrases import PhraseIndex
from .sentiment import THRESHOLD, vader_unit_rows, vader_units
from .text import SpanSet, find_word, lowered_for_search, may_contain, name_end, name_spans
from .who_speaks import NARRATOR, attribution, quoted_names, speaker_before

__all__ = [
    "targets",
    "stance_evidence",
    "stance_table",
    "stance_cues",
    "alias_index",
    "target_mentions",
    "pronoun_link",
]

#: Weight of a scare quote around a target's label (distancing, weaker than a stance word).
SCARE_QUOTE_WEIGHT = -0.5
#: Share of a unit's VADER score given to a target mentioned in it without a stance cue.
SENTIMENT_WEIGHT = 0.5
#: VADER's neutral band (Hutto & Gilbert 2014): weaker scores say nothing. The same cut-off
#: as the tone labels (:data:`helpers.sentiment.THRESHOLD`), so that the two never disagree.
SENTIMENT_MIN = THRESHOLD
#: Kinds of stance word that show the outlet's own evaluation in its narration.
_EVALUATIVE = {"label", "adjective", "noun", "phrase"}
#: Units of no stance (0) that every speaker-target pair starts with (the prior of a
#: Bayesian average, as in additive smoothing: Manning, Raghavan & Schütze 2008, §13.2):
#: a single cue gives ±1/5, two agreeing ones ±1/3, and ±1 is only approached. 4 is the
#: value measured best of 2, 3, 4, 6 on PerSenT dev (benchmarks/peer/bench_persent.py).
PRIOR_UNITS = 4
#: Weaker stances than this are "no clear stance" (``clear`` is False): a single reported
#: sentence of mild tone (VADER ±0.5, weight 0.5, prior 4: ±0.05) stays below it, one cue
#: (±0.2) does not.
CLEAR_MIN = 0.1
STANCE_COLUMNS = ["speaker", "target", "stance", "n_evidence", "n_units", "clear"]
EVIDENCE_COLUMNS = [
    "speaker", "target", "paragraph", "sentence", "mode", "text", "cue", "source", "contribution",
    "link",
]  # fmt: skip


@lexicon_cache
def stance_cues() -> pd.DataFrame:
    """The stance lexicon: one row per word form, with ``polarity`` and ``explanation``."""
    rows = [
        (form.strip(), int(row["polarity"]), row["kind"], row["explanation"])
        for row in lexicon_rows(
            "stance_cues.csv", columns=("forms", "polarity", "kind", "explanation")
        )
        for form in row["forms"].split("|")
    ]
    return pd.DataFrame(rows, columns=["cue", "polarity", "kind", "explanation"])


@lexicon_cache
def _cue_pattern() -> re.Pattern[str]:
    forms = sorted(stance_cues()["cue"], key=len, reverse=True)
    alternatives = "|".join(map(re.escape, forms))
    # a possessive may follow: "the dictator’s first visit"
    return re.compile(r"(?<![\w’'-])(" + alternatives + r")(?:[’']s)?(?![\w’'-])", re.I)


@lexicon_cache
def _cue_index() -> PhraseIndex[str]:
    """The cue forms filed under themselves, lower-cased (forms beyond ASCII under none):
    a unit none of whose keys occurs holds no cue, and the pattern is not run on it."""
    forms = list(stance_cues()["cue"])
    return PhraseIndex(forms, [f.lower() if f.isascii() else None for f in forms], lower=True)


def _cues_in(text: str) -> Iterator[re.Match[str]]:
    """The stance cues in ``text`` (:func:`_cue_pattern`), the pattern run only where one
    can be: every match contains its form, in ASCII letters that lower-case alike (unless
    the text holds a character the pattern folds to ASCII, see :func:`lowered_for_search`)."""
    if lowered_for_search(text) is not None and not _cue_index().candidates(text):
        return iter(())
    return _cue_pattern().finditer(text)


_GLOSS = re.compile(
    r"“([^”]+)”,\s*(?:a|an|in\s+a)\s+(?:reference|allusion|nod)\s+to\s+(?:the\s+)?"
    r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)"
)


@lexicons_held()
def targets(article: Article) -> pd.DataFrame:
    """The article's targets: ``target, kind, aliases, n_mentions, source``.

    ``source`` is ``front matter`` for the targets the article file lists (``targets:``
    mapping each target to its aliases), ``names`` (people and organisations the article
    names), ``quoted`` (people only a quoted speaker names) or ``gazetteer`` (places, their
    demonyms and metonyms such as "the Élysée"). The
    front matter's targets come on top of the automatic ones; an automatic one that the
    front matter already names (as a target or an alias) joins it, and gives it its kind.
    """
    declared = article.meta.get("targets")
    found: dict[str, dict] = {}
    if isinstance(declared, dict) and declared:
        for name, aliases in declared.items():
            listed = aliases if isinstance(aliases, list) else [aliases]
            found[str(name)] = {"kind": "declared", "aliases": {str(name), *map(str, listed)},
                                "source": "front matter"}  # fmt: skip
    automatic: dict[str, dict] = {}
    _targets_from_names(article, automatic)
    taken = {a for info in automatic.values() for a in info["aliases"]}
    for name in quoted_names(article):  # named by a speaker only (issue 14)
        aliases = {name} | ({name.split()[-1]} - taken)  # "Ana Ruiz", "Ruiz"
        automatic.setdefault(name, {"kind": "person", "aliases": aliases, "source": "quoted"})
    for name, info in automatic.items():
        # the reader's targets come first; a name the reader already lists (as a target or
        # an alias) joins it and gives it its kind ("declared" becomes "person")
        owner = next(
            (t for t, d in found.items() if d["source"] == "front matter"
             and (name in d["aliases"] or info["aliases"] & d["aliases"])),
            None,
        )  # fmt: skip
        if owner is None:
            found.setdefault(name, info)
        else:
            found[owner]["aliases"].update(info["aliases"])
            if found[owner]["kind"] == "declared":
                found[owner]["kind"] = info["kind"]
    text = "\n".join([article.title, *article.paragraphs])
    for fragment, referent in _GLOSS.findall(text):
        owner = _target_of(referent, found)
        if owner is not None:
            found[owner]["aliases"].add(fragment.split()[-1])  # "… the profiteers" -> the banks
    rows = []
    counts = _count_aliases(text, {a for info in found.values() for a in info["aliases"]})
    for name, info in found.items():
        # longest first, ties by name: the same order on every run (sets are unordered)
        aliases = sorted(info["aliases"], key=lambda a: (-len(a), a))
        n = sum(counts.get(a, 0) for a in aliases)
        if n:
            rows.append((name, info["kind"], aliases, n, info["source"]))
    rows.sort(key=lambda row: (-row[3], row[0]))  # most mentioned first, then by name
    return rows_table(rows, "targets")


def _targets_from_names(article: Article, found: dict[str, dict]) -> None:
    index = attribution(article).index
    for entity in index.entities.values():
        if entity.kind not in ("person", "institution", "place"):
            continue
        known = gazetteer().get(entity.canonical.lower())
        name, kind, source = entity.canonical, entity.kind, "names"
        if known and (known.get("country") or known["type"] in ("place", "demonym")):
            name = known.get("country") or known["name"]
            kind, source = "place", "gazetteer"
        entry = found.setdefault(name, {"kind": kind, "aliases": {name}, "source": source})
        entry["aliases"].update(
            m for m in entity.mentions if m and m[0].isupper() and m.lower() not in _PRONOUNS
        )
        entry["aliases"].add(entity.canonical)
    # demonyms and short names the gazetteer knows ("French", "US") for every place found
    text = "\n".join([article.title, *article.paragraphs])
    keys = _gazetteer_keys()
    lowered = lowered_for_search(text)
    for target, entry in found.items():
        for key in keys.get(target, ()):
            written = _written_form(key, text, lowered=lowered)
            if written:
                entry["aliases"].add(written)


@lexicon_cache
def _gazetteer_keys() -> dict[str, list[str]]:
    """The gazetteer's keys that start with a letter, by the target they name."""
    keys: dict[str, list[str]] = {}
    for key, entry in gazetteer().items():
        if key[:1].isalpha():
            keys.setdefault(entry.get("country") or entry["name"], []).append(key)
    return keys


def _written_form(key: str, text: str, *, lowered: str | None = None) -> str | None:
    """The alias as the article writes it (the gazetteer is lower-cased). ``lowered``
    (:func:`helpers.text.lowered_for_search` of ``text``) skips the search for a key the
    text cannot hold."""
    if not may_contain(lowered, key):
        return None
    at = find_word(text, key, lowered=lowered)
    return text[at : at + len(key)] if at is not None and text[at].isupper() else None


def _target_of(name: str, found: dict[str, dict]) -> str | None:
    known = gazetteer().get(name.lower())
    name = (known.get("country") or known["name"]) if known else name
    for target, info in found.items():
        if target == name or name in info["aliases"]:
            return target
    return None


_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


_WORD = re.compile(r"\w+")


def _count_aliases(text: str, aliases: set[str]) -> dict[str, int]:
    """How often each alias occurs in ``text`` (as ``findall`` of its pattern counts)."""
    ordered = sorted(aliases)
    index = PhraseIndex(ordered, [_first_word(a) for a in ordered], lower=False)
    counts = {a: sum(1 for _ in name_spans(text, a)) for a in ordered if not _first_word(a)}
    ends: dict[str, int] = {}
    # an alias match starts where its first word does, after no word character (the
    # pattern's look-behind): each occurrence of the first word is tried, in text order
    for start, i in index.occurrences(text):
        alias = ordered[i]
        end = name_end(text, alias, start)
        if end is not None and start >= ends.get(alias, 0):
            counts[alias] = counts.get(alias, 0) + 1
            ends[alias] = max(end, start + 1)
    return counts


def _first_word(alias: str) -> str | None:
    first = _WORD.match(alias)
    return first.group() if first else None


def alias_index(table: pd.DataFrame) -> PhraseIndex[tuple[str, str]]:
    """The targets' aliases, longest first, as ``(alias, target)`` filed under the alias's
    first word (:class:`helpers.phrases.PhraseIndex`): a text is searched only for the
    aliases whose first word it contains, so the cost grows with the text and not with
    text × aliases (a long article has thousands of aliases and of sentences). An alias
    that does not start with a word character is always tried."""
    pairs = [
        (a, t)
        for t, aliases in zip(table["target"], table["aliases"], strict=True)
        for a in aliases
    ]
    pairs.sort(key=lambda p: -len(p[0]))
    return PhraseIndex(pairs, [_first_word(a) for a, _t in pairs], lower=False)


def target_mentions(
    text: str, table: pd.DataFrame | PhraseIndex[tuple[str, str]]
) -> list[tuple[int, int, str]]:
    """``(start, end, target)`` for every alias of a target in ``text`` (the targets table
    or its :func:`alias_index`), longest alias first, in text order.

    >>> import pandas as pd
    >>> table = pd.DataFrame({"target": ["Ana Ruiz"], "aliases": [["Ana Ruiz", "Ruiz"]]})
    >>> target_mentions("Ana Ruiz met Ruiz’s aide.", table)
    [(0, 8, 'Ana Ruiz'), (13, 19, 'Ana Ruiz')]
    """
    index = table if isinstance(table, PhraseIndex) else alias_index(table)
    taken, found = SpanSet(), []
    for alias, target in index.candidates(text):
        for start, end in name_spans(text, alias):
            if not taken.overlaps(start, end):
                taken.add(start, end)
                found.append((start, end, target))
    return sorted(found)


@lexicons_held()
def stance_evidence(
    article: Article,
    *,
    units: pd.DataFrame | None = None,
    target_table: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every piece of evidence: ``speaker, target, paragraph, sentence, mode, text, cue,
    source, contribution, link``. ``source`` is ``cue`` (a stance word), ``reported act``,
    ``scare quote`` or ``sentiment`` (VADER, for a mention with no stance word); ``link`` is
    ``name`` when the unit names the target, ``pronoun`` when a sentence-initial "He"/"She"
    links it to the person the outlet last named (see :data:`PRONOUN_LINK`). ``units`` and
    ``target_table`` may be passed when already computed (:func:`sentiment_units`,
    :func:`targets`).

    >>> from helpers import article_from_text
    >>> e = stance_evidence(article_from_text("H\\n\\nAna Ruiz met the press. She was furious."))
    >>> e[["target", "cue", "link"]].values.tolist()
    [['Ana Ruiz', 'furious', 'pronoun']]
    """
    table = targets(article) if target_table is None else target_table
    analysis = attribution(article)
    units = vader_units(vader_unit_rows(article)) if units is None else units
    lexicon = _cue_lexicon()
    aliases = alias_index(table)
    aliases_of = dict(zip(table["target"], map(set, table["aliases"]), strict=True))
    genders = _person_genders(table, analysis)
    scare_by_paragraph: dict[int, list[str]] = {}
    for q in analysis.scare:
        scare_by_paragraph.setdefault(q.paragraph, []).append(
            article.paragraphs[q.paragraph][q.start : q.end]
        )

    def is_self(voice: str, target: str) -> bool:  # a speaker is no target of their own words
        return voice == target or voice in aliases_of.get(target, ())

    rows = []
    utterance_paragraphs = [u.paragraph for u in analysis.utterances]
    columns = ("paragraph", "sentence", "voice", "mode", "text", "vader")
    last_person: tuple[int, str] | None = None  # (paragraph, target) the outlet last named
    for paragraph, sentence, voice, mode, text, vader in zip(
        *(units[c].tolist() for c in columns), strict=True
    ):
        named = target_mentions(text, aliases)
        links = {m[2]: "name" for m in named}
        mentions = [m for m in named if not is_self(voice, m[2])]
        if voice == NARRATOR and PRONOUN_LINK:
            pronoun = pronoun_link(text, 0, paragraph, last_person, links, genders)
            if pronoun:
                mentions.append((pronoun.start(1), pronoun.end(1), last_person[1]))
                mentions.sort()
                links[last_person[1]] = "pronoun"
        # the person named last, in any voice: a quoted speaker counts too, so that "She"
        # after Ana Ruiz's quotation is not read as the person named before it
        people = [m[2] for m in named if m[2] in genders]
        if voice in genders:
            people.append(voice)
        if people:
            last_person = (paragraph, people[-1])
        if not mentions:
            continue
        credited: set[str] = set()
        victims = {m[2] for m in mentions if _VICTIM.match(text, m[1])}
        for cue in _cues_in(text):
            word = cue.group(1).lower()
            polarity, kind = lexicon[word]
            if _negated(text, cue.start()):
                continue  # "no interest in invading", "not angry at anyone"
            holder, source = voice, "cue"
            if voice == NARRATOR and kind not in _EVALUATIVE:
                # "Ashdown accused the council of …": the outlet reports the subject's act,
                # so the stance is the subject's, toward the target after the verb
                holder = _subject_of(text, paragraph, cue.start(), analysis, utterance_paragraphs)
                if holder is None:
                    continue
                source = "reported act"
            after = [m for m in mentions if m[0] >= cue.end() and m[2] != holder]
            candidates = after if source == "reported act" else mentions
            if holder == NARRATOR:
                if word in _TOPIC_NOUNS:
                    continue  # "the Weinstein scandal", "Western sanctions": a topic, no verdict
                # the outlet's own word judges only the target it is attached to
                candidates = [m for m in candidates if _attached(text, cue.span(), m, polarity)]
            if not candidates:
                continue
            target = min(candidates, key=lambda m: _distance(cue.span(), m))[2]
            if is_self(holder, target) or (polarity < 0 and target in victims):
                continue
            rows.append((holder, target, paragraph, sentence, mode, text, cue.group(1), source,
                         float(polarity), links.get(target, "name")))  # fmt: skip
            if holder == voice:
                credited.add(target)
        if voice == NARRATOR and paragraph >= 0:
            for quoted in scare_by_paragraph.get(paragraph, ()):
                at = text.find(f"“{quoted}”")
                near = [m for m in mentions if 0 <= at - m[1] <= 3]
                if at >= 0 and near:
                    rows.append((voice, near[-1][2], paragraph, sentence, mode, text, quoted,
                                 "scare quote", SCARE_QUOTE_WEIGHT,
                                 links.get(near[-1][2], "name")))  # fmt: skip
                    credited.add(near[-1][2])
        if abs(vader) >= SENTIMENT_MIN:
            for target in dict.fromkeys(m[2] for m in mentions):
                # a victim of the event is not judged by the sentence's tone
                if target not in credited and target not in victims:
                    rows.append((voice, target, paragraph, sentence, mode, text, "", "sentiment",
                                 round(SENTIMENT_WEIGHT * vader, 4), links[target]))  # fmt: skip
    return rows_table(rows, "stance_evidence")


#: Sentence-initial pronouns linked to the person the outlet named last (in the same or the
#: previous paragraph), the simplest rule of pronoun resolution: the most recent compatible
#: antecedent (Hobbs 1978 searches the previous sentences in the same order).
PRONOUN_LINK = True
_PRONOUN_START = re.compile(r"\s*+(He|She)\b")
_GENDER = {"He": "male", "She": "female"}


def pronoun_link(
    text: str, start: int, paragraph: int, last: tuple[int, str] | None, linked, genders
) -> re.Match[str] | None:
    """The sentence-initial "He"/"She" at ``start`` of ``text`` when it can stand for
    ``last``, the person named last (``(paragraph, target)``): in the same or the previous
    paragraph, not named in this sentence already, and of no other known gender. Shared by
    the stance evidence and the entity table, so that both link the same pronouns."""
    pronoun = _PRONOUN_START.match(text, start)
    if (pronoun and last and paragraph - last[0] <= 1 and last[1] not in linked
            and genders.get(last[1], "") in ("", _GENDER[pronoun.group(1)])):  # fmt: skip
        return pronoun
    return None


def _person_genders(table: pd.DataFrame, analysis) -> dict[str, str]:
    """The targets that are people, each with its gender as the article shows it ("" when
    unknown)."""
    genders = {}
    persons = {e.canonical: e for e in analysis.index.entities.values() if e.kind == "person"}
    for target, kind, aliases in zip(table["target"], table["kind"], table["aliases"], strict=True):
        if kind == "person":
            entity = next((persons[a] for a in aliases if a in persons), None)
            genders[target] = entity.gender if entity is not None else ""
    return genders


#: Nouns that name a topic or an event rather than judge someone in the outlet's narration
#: ("the Weinstein scandal", "Western sanctions", "threats against him", "anti-corruption").
_TOPIC_NOUNS = frozenset(
    "scandal corruption fraud sanction sanctions threat threats invasion aggression "
    "benefit benefits enemies enemy hostility anger outrage fury".split()
)
#: A stance word is negated by one of these up to two words before it (Hutto & Gilbert 2014
#: use a window of three preceding words for VADER's negation).
_NEGATION = re.compile(r"(?:\b(?:not|no|never|without|nor)|n[’']t)\s++(?:[\w-]++\s++){0,2}+$", re.I)
#: A victim of the event: the target right before a passive verb of harm or "suffered"/"died"
#: (a list written for this rule from the issue's examples and the verbs of violent crime).
_VICTIM = re.compile(
    r"(?:[’']s)?+,?+\s*+(?:(?:was|were|is|are|has\s++been|had\s++been|got|being)\s++"
    r"(?:\w++ly\s++)?+(?:shot|killed|murdered|wounded|injured|hurt|attacked|assaulted|stabbed|"
    r"beaten|robbed|kidnapped|abducted|threatened|harassed|abused|raped|hospitali[sz]ed|"
    r"targeted|victimi[sz]ed)|suffered|sustained|died|succumbed)\b",
    re.I,
)
#: How far (characters) the outlet's evaluative word may stand from the target it judges:
#: a premodifier ("disgraced movie mogul Harvey Weinstein"), an apposition or a short
#: predicate ("Okafor had lied", "Roe was furious"); past it, the word is about something
#: else in the sentence.
ATTACH_CHARS = 40
_CLAUSE_BREAK = re.compile(
    r"[;:!?—–“”\"()]|\b(?:but|while|whereas|although|though|after|because)\b"
)
#: After a negative word, a preposition before the target makes it the word's recipient:
#: "threats against him", "fury at the mayor", "an attack on the senator".
_RECIPIENT = re.compile(r"\b(?:against|toward|towards|at|on|to|from|over|for)\b")


def _negated(text: str, at: int) -> bool:
    return _NEGATION.search(text, max(0, at - 40), at) is not None


def _attached(
    text: str, span: tuple[int, int], mention: tuple[int, int, str], polarity: int
) -> bool:
    """Is the word at ``span`` attached to ``mention``: close, same clause, and (a negative
    word before it) not its recipient?"""
    after = mention[0] >= span[1]
    gap = text[span[1] : mention[0]] if after else text[mention[1] : span[0]]
    if len(gap) > ATTACH_CHARS:  # checked first: the searches below read short gaps only
        return False
    if after and polarity < 0 and _RECIPIENT.search(gap):
        return False
    return not _CLAUSE_BREAK.search(gap)


@lexicon_cache
def _cue_lexicon() -> dict[str, tuple[int, str]]:
    """Each cue form, lower-cased: ``(polarity, kind)``."""
    lexicon = stance_cues()
    return {
        cue.lower(): (polarity, kind)
        for cue, polarity, kind in zip(
            lexicon["cue"], lexicon["polarity"], lexicon["kind"], strict=True
        )
    }


def _subject_of(text: str, paragraph: int, at: int, analysis, paragraphs: list[int]) -> str | None:
    """Who does the act a narration verb reports: the name, description or pronoun just
    before it ("Okafor praised …", "the ministry's chair, Ana Ruiz, thanked …", "He accused …")."""
    phrase = speaker_before(text[:at])
    if phrase is None:
        return None
    if phrase.kind == "pronoun":
        want = {"he": "person", "she": "person"}.get(phrase.text.lower(), "institution")
        # utterances are in reading order: those up to this paragraph are a prefix
        for i in reversed(range(bisect_right(paragraphs, paragraph))):
            u = analysis.utterances[i]
            entity = analysis.speakers.get(u.speaker)
            if entity is not None and (entity.kind == want or want == "institution"):
                return entity.canonical
        return None
    entity = analysis.index.lookup(re.sub(r"^(?:[Tt]he|[Nn]eighbouring)\s+", "", phrase.text))
    return entity.canonical if entity is not None else None


def _distance(span: tuple[int, int], mention: tuple[int, int, str]) -> int:
    a, b = span
    return max(mention[0] - b, a - mention[1], 0)


def stance_table(article: Article, *, evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """``speaker, target, stance, n_evidence, n_units, clear``: stance in [-1, 1].

    Per unit (one voice, one sentence) the contributions are summed and clipped to [-1, 1];
    the stance is their sum over the pair's ``n_units`` units divided by ``n_units +``
    :data:`PRIOR_UNITS`: a Bayesian average whose prior is :data:`PRIOR_UNITS` units of no
    stance, so one cue gives ±1/5, never ±1, and the estimate moves toward the evidence's
    own mean as evidence accumulates. ``clear`` is ``|stance| >=`` :data:`CLEAR_MIN`; below
    it the article shows no clear stance of that voice toward that target.

    >>> from helpers import article_from_text
    >>> t = stance_table(article_from_text("H\\n\\nTom Reyes praised Ana Ruiz."))
    >>> t[t.speaker == "Tom Reyes"][["target", "stance", "n_units", "clear"]].values.tolist()
    [['Ana Ruiz', 0.2, 1, True]]
    """
    evidence = stance_evidence(article) if evidence is None else evidence
    if evidence.empty:
        return conform(pd.DataFrame(columns=STANCE_COLUMNS), "stance")
    # per unit the contributions are summed and clipped, then averaged per speaker and
    # target; sums exactly rounded (math.fsum), in key order
    per_unit: dict[tuple, list[float]] = {}
    n_evidence: dict[tuple[str, str], int] = {}
    columns = ("speaker", "target", "paragraph", "sentence", "contribution")
    for speaker, target, paragraph, sentence, contribution in zip(
        *(evidence[c].tolist() for c in columns), strict=True
    ):
        per_unit.setdefault((speaker, target, paragraph, sentence), []).append(contribution)
        n_evidence[speaker, target] = n_evidence.get((speaker, target), 0) + 1
    clipped: dict[tuple[str, str], list[float]] = {}
    for key in sorted(per_unit):
        total = min(max(math.fsum(per_unit[key]), -1), 1)
        clipped.setdefault(key[:2], []).append(total)
    pairs = sorted(clipped)
    stance = np.round(
        np.array([math.fsum(clipped[k]) / (len(clipped[k]) + PRIOR_UNITS) for k in pairs]), 3
    )
    # by speaker, then stance; a stable sort keeps ties in the order of their target
    order = sorted(range(len(pairs)), key=lambda i: (pairs[i][0], stance[i]))
    rows = [
        (*pairs[i], value, n_evidence[pairs[i]], len(clipped[pairs[i]]), abs(value) >= CLEAR_MIN)
        for i, value in zip(order, stance[order].tolist(), strict=True)
    ]
    return rows_table(rows, "stance")
