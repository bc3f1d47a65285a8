"""Stance: who is for or against whom, with the evidence for every number.

Stance is not sentiment: a speaker can use angry words ("a bitter fight against the
profiteers") while standing firmly with someone. Following the stance-detection work on
news and debate (Mohammad et al. 2016, SemEval Task 6; Biber & Finegan 1989 on stance
markers), a stance here is built from:

1. **targets**: the main people, organisations, countries and plans of the article. They
   come from the article's front matter (``targets:`` with aliases) when it gives them,
   otherwise from the names the article uses, merged through the gazetteer (``French``
   and ``the Élysée`` are France; ``Washington`` is the United States). A writer's gloss
   such as ``“… the profiteers”, a reference to the banks`` adds an alias.
2. **units**: what one voice says in one sentence (:func:`helpers.sentiment.sentiment_units`);
   a speaker's units are their quoted and reported words, the outlet's (``NARRATOR``) its
   narration and headline.
3. **evidence**: in each unit, every stance cue of ``data/lexicons/stance_cues.csv``
   counts (+1 or -1) toward the target mentioned nearest to it. In the outlet's own
   narration, evaluative words ("dictator", "illegal", "disinformation") are the outlet's
   own stance; a verb ("Okafor accused the council of …") reports an act, so it counts for
   its subject, toward the target named after it (``source`` = ``reported act``). A scare
   quote right after a target's name counts -0.5 for the outlet (distancing); a target
   mentioned with no cue takes half the unit's VADER score (the sentiment around it).
4. **score**: per unit the contributions to a target are summed and clipped to [-1, 1];
   the stance is the mean over the units that mention the target, so it lies in [-1, 1].
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import pandas as pd

from .article import Article
from .lexicons import _rows, gazetteer
from .quotes import NARRATOR, _analyse, _speaker_before, scare_quotes
from .sentiment import sentiment_units

__all__ = ["targets", "stance_evidence", "stance_table", "stance_cues"]

#: Weight of a scare quote around a target's label (distancing, weaker than a stance word).
SCARE_QUOTE_WEIGHT = -0.5
#: Share of a unit's VADER score given to a target mentioned in it without a stance cue.
SENTIMENT_WEIGHT = 0.5
#: VADER's neutral band (Hutto & Gilbert 2014): weaker scores say nothing.
SENTIMENT_MIN = 0.05
#: Kinds of stance word that show the outlet's own evaluation in its narration.
_EVALUATIVE = {"label", "adjective", "noun", "phrase"}
EVIDENCE_COLUMNS = [
    "speaker", "target", "paragraph", "sentence", "mode", "text", "cue", "source", "contribution",
]  # fmt: skip


@cache
def stance_cues() -> pd.DataFrame:
    """The stance lexicon: one row per word form, with ``polarity`` and ``explanation``."""
    rows = [
        (form.strip(), int(row["polarity"]), row["kind"], row["explanation"])
        for row in _rows("stance_cues.csv")
        for form in row["forms"].split("|")
    ]
    return pd.DataFrame(rows, columns=["cue", "polarity", "kind", "explanation"])


@cache
def _cue_pattern() -> re.Pattern[str]:
    forms = sorted(stance_cues()["cue"], key=len, reverse=True)
    alternatives = "|".join(map(re.escape, forms))
    # a possessive may follow: "the dictator’s first visit"
    return re.compile(r"(?<![\w’'-])(" + alternatives + r")(?:[’']s)?(?![\w’'-])", re.I)


_GLOSS = re.compile(
    r"“([^”]+)”,\s*(?:a|an|in\s+a)\s+(?:reference|allusion|nod)\s+to\s+(?:the\s+)?"
    r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)"
)


def targets(article: Article) -> pd.DataFrame:
    """The article's targets: ``target, kind, aliases, n_mentions, source``.

    ``source`` is ``front matter`` when the article file lists them (``targets:`` mapping
    each target to its aliases), else ``names`` (people and organisations the article
    names) or ``gazetteer`` (places, their demonyms and metonyms such as "the Élysée").
    """
    declared = article.meta.get("targets")
    found: dict[str, dict] = {}
    if isinstance(declared, dict) and declared:
        for name, aliases in declared.items():
            listed = aliases if isinstance(aliases, list) else [aliases]
            found[str(name)] = {"kind": "declared", "aliases": {str(name), *map(str, listed)},
                                "source": "front matter"}  # fmt: skip
    else:
        _targets_from_names(article, found)
    text = "\n".join([article.title, *article.paragraphs])
    for fragment, referent in _GLOSS.findall(text):
        owner = _target_of(referent, found)
        if owner is not None:
            found[owner]["aliases"].add(fragment.split()[-1])  # "… the profiteers" -> the banks
    rows = []
    counts = _count_aliases(text, {a for info in found.values() for a in info["aliases"]})
    for name, info in found.items():
        aliases = sorted(info["aliases"], key=lambda a: (-len(a), a))  # not set order
        n = sum(counts.get(a, 0) for a in aliases)
        if n:
            rows.append((name, info["kind"], aliases, n, info["source"]))
    table = pd.DataFrame(rows, columns=["target", "kind", "aliases", "n_mentions", "source"])
    return table.sort_values(["n_mentions", "target"], ascending=[False, True], ignore_index=True)


def _targets_from_names(article: Article, found: dict[str, dict]) -> None:
    index = _analyse(article).index
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
    lowered = text.lower()
    for key, entry in gazetteer().items():
        target = entry.get("country") or entry["name"]
        if target in found and key[:1].isalpha():
            written = _written_form(key, text, lowered)
            if written:
                found[target]["aliases"].add(written)


def _written_form(key: str, text: str, lowered: str) -> str | None:
    """The alias as the article writes it (the gazetteer is lower-cased)."""
    if key not in lowered:
        return None
    m = re.search(r"(?<![\w-])(" + re.escape(key) + r")(?:’s|'s)?(?![\w-])", text, re.I)
    return m.group(1) if m and m.group(1)[:1].isupper() else None


def _target_of(name: str, found: dict[str, dict]) -> str | None:
    known = gazetteer().get(name.lower())
    name = (known.get("country") or known["name"]) if known else name
    for target, info in found.items():
        if target == name or name in info["aliases"]:
            return target
    return None


_PRONOUNS = {"he", "she", "they", "it", "we", "i"}


@cache
def _alias_re(alias: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?:’s|'s)?(?![\w-])")


_WORD = re.compile(r"\w+")


class _AliasIndex:
    """The aliases of every target, looked up by their first word: a text is searched only
    for the aliases whose first word it contains, so the cost grows with the text and not
    with text × aliases (a long article has thousands of aliases and of sentences).

    An alias match starts where a run of word characters starts (the pattern's look-behind
    forbids a word character before it), so its first word is one of the text's words.
    """

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs  # (alias, target), in the order they are tried
        self.by_word: dict[str, list[int]] = {}
        self.anywhere: list[int] = []  # aliases that do not start with a word character
        for i, (alias, _target) in enumerate(pairs):
            first = _WORD.match(alias)
            (self.by_word.setdefault(first.group(), []) if first else self.anywhere).append(i)

    def candidates(self, text: str) -> list[tuple[str, str]]:
        found = set(self.anywhere)
        for word in set(_WORD.findall(text)):
            found.update(self.by_word.get(word, ()))
        return [self.pairs[i] for i in sorted(found)]


def _count_aliases(text: str, aliases: set[str]) -> dict[str, int]:
    """How often each alias occurs in ``text`` (as ``findall`` of its pattern counts)."""
    index = _AliasIndex([(a, a) for a in sorted(aliases)])
    counts = {a: len(_alias_re(a).findall(text)) for a, _ in index.pairs if not _WORD.match(a)}
    ends: dict[str, int] = {}
    for word in _WORD.finditer(text):
        for i in index.by_word.get(word.group(), ()):
            alias = index.pairs[i][0]
            m = _alias_re(alias).match(text, word.start())
            if m and m.start() >= ends.get(alias, 0):
                counts[alias] = counts.get(alias, 0) + 1
                ends[alias] = max(m.end(), m.start() + 1)
    return counts


def _alias_index(table: pd.DataFrame) -> _AliasIndex:
    pairs = [
        (a, t)
        for t, aliases in zip(table["target"], table["aliases"], strict=True)
        for a in aliases
    ]
    return _AliasIndex(sorted(pairs, key=lambda p: -len(p[0])))


def _mentions(text: str, table: pd.DataFrame | _AliasIndex) -> list[tuple[int, int, str]]:
    """``(start, end, target)`` for every alias in ``text``, longest alias first."""
    index = table if isinstance(table, _AliasIndex) else _alias_index(table)
    taken: list[tuple[int, int, str]] = []
    for alias, target in index.candidates(text):
        for m in _alias_re(alias).finditer(text):
            if not any(a < m.end() and m.start() < b for a, b, _ in taken):
                taken.append((m.start(), m.end(), target))
    return sorted(taken)


def stance_evidence(article: Article, *, units: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every piece of evidence: ``speaker, target, paragraph, sentence, mode, text, cue,
    source, contribution``. ``source`` is ``cue`` (a stance word), ``scare quote`` or
    ``sentiment`` (VADER, for a mention with no stance word)."""
    table = targets(article)
    analysis = _analyse(article)
    units = sentiment_units(article) if units is None else units
    scare = scare_quotes(article)
    lexicon = stance_cues()
    polarity_of = dict(zip(lexicon["cue"].str.lower(), lexicon["polarity"], strict=True))
    kind_of = dict(zip(lexicon["cue"].str.lower(), lexicon["kind"], strict=True))
    rows = []
    aliases = _alias_index(table)
    own = {t: set(a) for t, a in zip(table["target"], table["aliases"], strict=True)}
    scare_by_paragraph = {int(p): list(g.itertuples()) for p, g in scare.groupby("paragraph")}
    utterance_paragraphs = [u.paragraph for u in analysis.utterances]
    for unit in units.itertuples():
        mentions = [m for m in _mentions(unit.text, aliases) if not _is_self(unit.voice, m[2], own)]
        if not mentions:
            continue
        credited: set[str] = set()
        for cue in _cue_pattern().finditer(unit.text):
            word = cue.group(1).lower()
            holder, source = unit.voice, "cue"
            if unit.voice == NARRATOR and kind_of[word] not in _EVALUATIVE:
                # "Ashdown accused the council of …": the outlet reports the subject's act,
                # so the stance is the subject's, toward the target after the verb
                holder = _subject_of(unit, cue.start(), analysis, utterance_paragraphs)
                if holder is None:
                    continue
                source = "reported act"
            after = [m for m in mentions if m[0] >= cue.end() and m[2] != holder]
            candidates = after if source == "reported act" else mentions
            if not candidates:
                continue
            target = min(candidates, key=lambda m: _distance(cue.span(), m))[2]
            if _is_self(holder, target, own):
                continue
            rows.append((holder, target, unit.paragraph, unit.sentence, unit.mode, unit.text,
                         cue.group(1), source, float(polarity_of[word])))  # fmt: skip
            if holder == unit.voice:
                credited.add(target)
        if unit.voice == NARRATOR and unit.paragraph >= 0:
            for q in scare_by_paragraph.get(unit.paragraph, ()):
                at = unit.text.find(f"“{q.text}”")
                near = [m for m in mentions if 0 <= at - m[1] <= 3]
                if at >= 0 and near:
                    rows.append((unit.voice, near[-1][2], unit.paragraph, unit.sentence, unit.mode,
                                 unit.text, q.text, "scare quote", SCARE_QUOTE_WEIGHT))  # fmt: skip
                    credited.add(near[-1][2])
        if abs(unit.vader) >= SENTIMENT_MIN:
            for target in dict.fromkeys(m[2] for m in mentions):
                if target not in credited:
                    rows.append((unit.voice, target, unit.paragraph, unit.sentence, unit.mode,
                                 unit.text, "", "sentiment",
                                 round(SENTIMENT_WEIGHT * unit.vader, 4)))  # fmt: skip
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def _subject_of(unit, at: int, analysis, paragraphs: list[int]) -> str | None:
    """Who does the act a narration verb reports: the name, description or pronoun just
    before it ("Okafor praised …", "the ministry's chair, Ana Ruiz, thanked …", "He accused …")."""
    phrase = _speaker_before(unit.text[:at])
    if phrase is None:
        return None
    if phrase.kind == "pronoun":
        want = {"he": "person", "she": "person"}.get(phrase.text.lower(), "institution")
        # utterances are in reading order: those up to this paragraph are a prefix
        for i in reversed(range(bisect_right(paragraphs, unit.paragraph))):
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


def _is_self(voice: str, target: str, aliases: dict[str, set[str]]) -> bool:
    """A speaker is no target of their own words (``aliases``: each target's aliases)."""
    return voice == target or voice in aliases.get(target, ())


def stance_table(article: Article, *, evidence: pd.DataFrame | None = None) -> pd.DataFrame:
    """``speaker, target, stance, n_evidence``: stance in [-1, 1] (see the module docstring)."""
    evidence = stance_evidence(article) if evidence is None else evidence
    if evidence.empty:
        return pd.DataFrame(columns=["speaker", "target", "stance", "n_evidence"])
    per_unit = (
        evidence.groupby(["speaker", "target", "paragraph", "sentence"], as_index=False)[
            "contribution"
        ]
        .sum()
        .assign(contribution=lambda t: t["contribution"].clip(-1, 1))
    )
    table = per_unit.groupby(["speaker", "target"], as_index=False).agg(
        stance=("contribution", "mean")
    )
    counts = evidence.groupby(["speaker", "target"]).size().rename("n_evidence")
    table = table.join(counts, on=["speaker", "target"])
    table["stance"] = table["stance"].round(3)
    return table.sort_values(["speaker", "stance"], ignore_index=True)
