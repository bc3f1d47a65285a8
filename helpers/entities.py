"""People, institutions and places named in an article, with their roles and gender.

Names are capitalised runs (``Jane Okafor``, ``Bank of England``); a run is a person, an
institution or a place by the gazetteer (``data/lexicons/places.csv``, ``organisations.csv``),
its head word (``org_words.csv``: *Ministry*, *Council*, *River*) and what the article says
of it (an apposition such as "an analyst at …" or "appliance maker …"). Mentions of one
person are merged: ``Jane Okafor`` / ``Okafor`` / ``Ms Okafor``, ``Lee Min-ho`` / ``Lee Min
Ho``; titles before a name are roles, not part of it ("Senate Majority Leader Dolores
Whitfield"). Gender is taken only from the article itself (titles such as *Ms*, gendered
nouns such as *spokeswoman*, and a he/she that follows the name in the same sentence) and
is used for nothing but resolving pronouns; it is never guessed from a first name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice

from . import lexicons
from .lexicons import gazetteer, org_words, place_prefixes, reporting_verbs, speaker_nouns
from .names import (
    CAP_RUN,
    DETERMINER,
    LOWER_WORD,
    MONTHS_AND_DAYS,
    NAME_QUALIFIERS,
    PLACE_BEFORE,
    POSSESSIVE,
    SENTENCE_STARTERS,
    TITLE_PREFIX,
    TITLES,
    common_opener,
    head_kinds,
    headline_phrase,
    is_descriptor,
    is_outlet,
    is_title_word,
    norm_name,
    ordinary_word,
)
from .quotemarks import DASHES, WEB_FURNITURE
from .text import stopwords

__all__ = ["Entity", "EntityIndex", "Mention", "PLACE_HOW"]


@dataclass(eq=False)  # one object per referent: compared and hashed by identity
class Entity:
    canonical: str
    kind: str  # person | institution | anonymous | place
    role: str | None = None  # the first description the article gives
    gender: str = ""
    mentions: list[str] = field(default_factory=list)
    first_seen: tuple[int, int] = (10**9, 0)
    roles: list[str] = field(default_factory=list)  # every description the article gives
    how: str = ""  # the rule that typed it when no head word or gazetteer did (issue 14)

    def describe(self, role: str | None) -> None:
        """Record a description ("the foreign minister", "Colonel"); the first is ``role``."""
        if not role:
            return
        role = _clean_role(role)
        if role and role not in self.roles:
            self.roles.append(role)
        self.role = self.role or role

    def described_as(self, words: list[str]) -> int:
        """How many of ``words`` the entity's name and descriptions contain."""
        own = set(norm_name(" ".join([self.canonical, *self.roles])).replace("’s", "").split())
        return sum(all(t in own for t in norm_name(w).split()) for w in words if w.strip())

    @cached_property
    def tokens(self) -> list[str]:
        return norm_name(self.canonical).split()


@dataclass
class Mention:
    entity: Entity
    paragraph: int
    start: int
    end: int
    text: str
    subject: bool = False  # opens its sentence (a likely grammatical subject)


class EntityIndex:
    """The article's people, institutions and places, with their mentions in reading order."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []

    # -- classification --------------------------------------------------------------
    @staticmethod
    @lexicons.lexicon_cache(maxsize=16384)  # asked ~90 times an article: depends on the name only
    def classify(name: str) -> str | None:
        """``person``, ``institution``, ``place`` or None (not a name at all)."""
        lowered = name.lower()
        known = gazetteer().get(lowered) or gazetteer().get(re.sub(r"^the\s+", "", lowered))
        if known:
            return "institution" if known["type"] == "organisation" else "place"
        words = name.split()
        # the head word decides: the one before "of" ("Bank of X", "Republic of X"), else the
        # last word, by its kind in org_words.csv ("Mill Street" a place: issue 14)
        head = re.split(r"\s+(?:of|for|de|du)\s+", name)[0].split()[-1].strip(".,")
        kinds = head_kinds()
        decided = kinds.get(head) or kinds.get(words[-1].strip(".,"))
        if decided in ("organisation", "facility") or "&" in words or is_outlet(name):
            return "institution"
        if " for " in name:  # "Department for Education"; never a person ("MP for Leeds")
            return "institution" if head in org_words() else None
        if decided == "place" and len(words) >= 2:
            return "place"  # "Mill Lane"; "the Lane" alone may be anything
        if len(words) >= 2 and words[0] in place_prefixes():
            return "place"  # "Lower Marrick", "River Onnen", "Port Talbot"
        if any(w.lower().strip(".") in MONTHS_AND_DAYS for w in words):
            return None
        if name.isupper() and len(name) <= 6:
            return "institution"  # an acronym: NATO, BBC
        if name.isupper():
            return None  # a dateline or a tabloid's capitals: "HARBOUR LANE favourite …"
        return "person" if len(words) >= 2 else None

    def add(self, entity_key: str, entity: Entity) -> Entity:
        existing = self.entities.get(entity_key)
        if existing is None:
            self.entities[entity_key] = entity
            return entity
        return existing

    def lookup(self, name: str) -> Entity | None:
        """The entity a mention refers to: exact name, gazetteer name, a person's partial
        name, or the first word of an organisation's name ("Brightwell")."""
        known = gazetteer().get(name.lower())
        for key in (norm_name(name), norm_name(known["name"]) if known else None):
            if key in self.entities:
                return self.entities[key]
        person = self.person_for(name)
        if person is not None or len(name.split()) != 1:
            return person
        first = norm_name(name)
        firms = [
            e for e in self.entities.values() if e.kind == "institution" and e.tokens[0] == first
        ]
        return max(firms, key=lambda e: e.first_seen) if firms else None

    def person_for(self, name: str) -> Entity | None:
        """The person a (possibly partial) name refers to, if any."""
        key = norm_name(split_title(TITLE_PREFIX.sub("", name))[1])
        if key in self.entities and self.entities[key].kind == "person":
            return self.entities[key]
        squashed, by_last, by_first = self._people()
        if key.replace(" ", "") in squashed:  # the first person with these letters
            return squashed[key.replace(" ", "")]
        matches = (by_last.get(key) or by_first.get(key)) if " " not in key else None
        return max(matches, key=lambda e: e.first_seen) if matches else None

    def _people(self) -> tuple[dict[str, Entity], dict[str, list], dict[str, list]]:
        # people by their name's letters, last and first word; add() appends: file new ones
        if not (known := getattr(self, "_people_of", 0)) or known != len(self.entities):
            squashed, by_last, by_first = self._people_index if known else ({}, {}, {})
            for e in (e for e in islice(self.entities.values(), known, None) if e.kind == "person"):
                squashed.setdefault("".join(e.tokens), e)
                if len(e.tokens) > 1:
                    by_last.setdefault(e.tokens[-1], []).append(e)
                    by_first.setdefault(e.tokens[0], []).append(e)
            self._people_of, self._people_index = len(self.entities), (squashed, by_last, by_first)
        return self._people_index


def _strip_run(
    run: str, at_sentence_start: bool, lower: frozenset[str] = frozenset()
) -> tuple[str, int]:
    """Remove possessive endings and a sentence-initial ordinary word (one the article
    writes in lower case elsewhere, ``lower``: "Shares of Acme"); return (name, shift)."""
    shift = 0
    words = run.split(" ")
    stops = stopwords()
    while (
        words
        and " ".join(words).lower() not in gazetteer()  # "General Motors", "US"
        and not (words[0].isupper() and len(words[0]) > 1)  # an acronym: "US", "WHO"
        and (
            words[0].lower() in stops
            or re.fullmatch(DETERMINER, words[0], re.IGNORECASE)  # "Two Brennan aides"
            or (at_sentence_start and shift == 0 and ordinary_word(words[0]))
            or (at_sentence_start and shift == 0 and common_opener(words, lower))
            or words[0].lower().rstrip(".") in TITLES
            or words[0].lower() in NAME_QUALIFIERS
        )
    ):
        shift += len(words[0]) + 1
        words = words[1:]
        at_sentence_start = False
    title, _ = split_title(" ".join(words))
    if title:
        shift += len(title) + 1
        words = words[len(title.split()) :]
    name = " ".join(words)
    name = POSSESSIVE.sub("", name) if re.search(r"[’']s?$", name) else name
    return name.rstrip(".,") if not re.search(r"\b[A-Z]\.$", name) else name, shift


@lexicons.lexicon_cache(maxsize=16384)  # asked again of every name looked up (person_for)
def split_title(name: str) -> tuple[str, str]:
    """A capitalised title before a person's name is a role, not part of the name:
    ``"Senate Majority Leader Dolores Whitfield"`` -> ``("Senate Majority Leader",
    "Dolores Whitfield")``. Names of organisations are left whole, but an organisation's or
    a place's office before a person's name is a title too (issue 19): ``"City Public
    Advocate Jane Roe"``, ``"Supervisor of Elections Jane Roe"`` (after "of", the person's
    name is the last two words).

    >>> split_title("Acme Foundation Director Jane Roe")
    ('Acme Foundation Director', 'Jane Roe')
    """
    words = name.split()
    if len(words) < 3:
        return "", name
    titles = [
        i for i, w in enumerate(words[:-2])
        if is_title_word(w) or is_descriptor(w)  # "Grandmother-of-three Jane Roe"
    ]  # fmt: skip
    if not titles:
        return "", name
    cut = titles[-1] + 1
    if words[cut] in ("of", "for"):
        if len(words) - cut < 4:
            return "", name  # "Minister for Education"
        cut = len(words) - 2  # "Supervisor of Elections Jane Roe"
    if EntityIndex.classify(name) == "person":
        return " ".join(words[:cut]), " ".join(words[cut:])
    if not words[titles[-1]][:1].isupper():
        return "", name
    tail = " ".join(words[cut:])
    if (
        len(words) - cut > 3
        or not all(w[:1].isupper() for w in words[cut:])
        or EntityIndex.classify(tail) != "person"
    ):
        return "", name
    return " ".join(words[:cut]), tail


#: Head nouns of a document's title: "the Street Needs Assessment" is no speaker (issue 14).
DOCUMENT_NOUNS = frozenset(
    "report study assessment memo memorandum review analysis transcript dossier".split()
)
#: A run this long with every word capitalised is a headline or a title, not a speaker
#: ("Senator Sends Letter To Board Over Funding Row"; issue 19): a long organisation's name
#: has a lower-case "of", "for" or "and".
HEADLINE_WORDS = 7
# Holiday words: a run made of these, months, days and numbers is a date ("Christmas Day").
_DATE_WORDS = MONTHS_AND_DAYS | frozenset(
    "christmas easter thanksgiving hanukkah ramadan eid new year year’s day eve of the".split()
)


@lexicons.lexicon_cache(maxsize=16384)  # asked of every run and again of single words
def not_a_speaker(name: str) -> str:
    """Why a capitalised run before a verb of speech names nobody who can speak: ``"date"``
    ("Tuesday", "Christmas Day"), ``"furniture"`` (``quotemarks.WEB_FURNITURE``: "Article
    Continued Below", "Advertisement"), ``"document"`` (a title ending in a document noun,
    ``DOCUMENT_NOUNS``) or ``"headline"`` (``HEADLINE_WORDS`` capitalised words or more);
    ``""`` for a possible speaker.

    >>> not_a_speaker("Christmas Day"), not_a_speaker("Kristen Day"), not_a_speaker("Acme Report")
    ('date', '', 'document')
    """
    words = [w.lower().strip(".,’'") for w in name.split()]
    if not words:
        return ""
    if all(w in _DATE_WORDS or w.isdigit() for w in words):
        return "date"
    if WEB_FURNITURE.fullmatch(name.strip()):
        return "furniture"
    if len(words) >= HEADLINE_WORDS and all(w[:1].isupper() for w in name.split()):
        return "headline"  # Title Case throughout; a long name has "of", "for", "and"
    if EntityIndex.classify(name) == "institution":
        return ""
    if words[-1] in DOCUMENT_NOUNS and len(words) > 1:
        return "document"
    return ""


def index_entities(
    masked: list[str], title: str, spans: dict[int, list[tuple[int, int]]]
) -> EntityIndex:
    """Names in the headline (paragraph -1) and body; ``spans`` are each unit's sentences."""
    index = EntityIndex()
    units = [(-1, title)] + list(enumerate(masked))
    found: list[tuple[int, int, int, str, str]] = []
    lower = frozenset(LOWER_WORD.findall("\n".join(t for _, t in units))) | stopwords()
    based: set[tuple[int, int]] = set()  # "a Lindmouth-based firm": a place candidate
    for p, mtext in units:
        starts = {s for s, _ in spans[p]} | {0}
        for m in CAP_RUN.finditer(mtext):
            at_start = m.start() in starts or _char_before(mtext, m.start()) in "“‘\"'(:" + DASHES
            name, shift = _strip_run(m.group(), at_start, lower)
            if name.endswith("-based") and " " not in name:
                name = name.removesuffix("-based")
                based.add((p, m.start() + shift))
            if p < 0 and headline_phrase(name, lower):
                continue  # "Insurers Flee Fire Country": a Title Case headline's words
            if not name or not_a_speaker(name) in ("headline", "document"):
                continue  # a headline or a document's title names no one (issues 14, 19)
            first, _, rest = name.partition(" ")
            if rest.startswith(("of ", "for ")) and is_title_word(first):
                continue  # "the former CEO of Acme": a role, not a name (issue 19)
            person, _, rest = name.partition(" of ")
            if rest and len(person.split()) >= 2 and EntityIndex.classify(person) == "person":
                name = person  # "Walt Brennan of Port Avalon": the town is not in the name
                title, bare = split_title(name)  # "Analyst Jane Roe of Acme Markets"
                if title:
                    shift, name = shift + name.rindex(bare), bare
            start = m.start() + shift
            found.append((p, start, start + len(name), name, mtext[max(0, start - 40) : start]))
    # Persons first (multi-word names), body before headline, so canonical = first full form.
    ordered = sorted(found, key=lambda f: (f[0] < 0, f[0], f[1]))
    texts = dict(units)
    for p, start, end, name, before in ordered:
        kind = EntityIndex.classify(name)
        if kind in ("institution", "person") and len(name.split()) >= 2:
            # the article's own description decides: "Jiwoo Park, an analyst at …" is a
            # person, "appliance maker Brightwell Appliances" an organisation
            role = role_near(texts[p], start, end)
            described = _head_noun_kind(role) if role else None
            if described == "role":
                kind = "person"
            elif described == "institution":
                kind = "institution"
        if kind == "place" and _named_like_a_person(name, texts[p], end, before):
            kind = "person"  # "Ms Jane Green", "Tom Cross, 52,", "Ann Moss said"
        if kind == "person" and index.person_for(name) is None:
            gender = _title_gender(before)
            index.add(norm_name(name), Entity(name, "person", gender=gender, first_seen=(p, start)))
        elif kind in ("institution", "place"):
            known = gazetteer().get(name.lower())
            canonical = known["name"] if known and kind == "institution" else name
            index.add(norm_name(canonical), Entity(canonical, kind, first_seen=(p, start)))
    for p, start, _end, name, before in ordered:
        if _place_candidate(index, name, before, (p, start) in based, lower):
            index.add(norm_name(name), Entity(name, "place", first_seen=(p, start), how=PLACE_HOW))
    # Single-word mentions: a surname or title + surname of a known person.
    for p, start, end, name, before in sorted(found, key=lambda f: (f[0], f[1])):
        entity = index.lookup(name)
        aged = re.match(r"\s*,\s*\d{1,3}\s*,", texts[p][end : end + 8])
        if (
            entity is None
            and len(name.split()) == 1
            and (aged or _title_gender(before) is not None)
            and not not_a_speaker(name)  # "with the candidate Tuesday": a date
        ):
            entity = index.add(norm_name(name), Entity(name, "person", first_seen=(p, start)))
            entity.gender = _title_gender(before) or ""
        if entity is not None:
            if entity.kind == "person" and not entity.gender:
                entity.gender = _title_gender(before) or ""
            entity.mentions.append(name)
            index.mentions.append(Mention(entity, p, start, end, name))
    index.mentions.sort(key=lambda m: (m.paragraph, m.start))
    for mention in index.mentions:
        mention.subject = _opens_sentence(
            texts[mention.paragraph], mention.start, spans[mention.paragraph]
        )
    _genders_from_pronouns(index, texts, spans)
    for mention in index.mentions:
        p = mention.paragraph
        e = mention.entity
        if p >= 0:
            e.describe(role_near(texts[p], mention.start, mention.end))
            e.describe(_title_role(texts[p][max(0, mention.start - 30) : mention.start]))
        if e.kind == "person" and e.role and not e.gender:
            e.gender = _role_gender(e.role)  # "his daughter", "the spokeswoman"
    return index


#: How a place candidate was typed (``kind_how`` of the entity layer).
PLACE_HOW = 'a word of place before it ("in", "near", "town of") or "-based" after it'


def _named_like_a_person(name: str, text: str, end: int, before: str) -> bool:
    """A name a place word ends ("Green", "Cross", "Lane") that is a person's: a title
    before it, an age after it, or a verb of speech after it (issue 14)."""
    if gazetteer().get(name.lower()) or name.split()[0] in place_prefixes():
        return False
    after = re.match(r"\s*+(?:,\s*+\d{1,3}+\s*+,|([a-z]++))", text[end : end + 16])
    said = after is not None and after.group(1) is not None
    return (
        _title_gender(before) is not None
        or (after is not None and not said)
        or (said and reporting_verbs().get(after.group(1)) is not None)
    )


def _place_candidate(
    index: EntityIndex, name: str, before: str, based: bool, lower: frozenset[str]
) -> bool:
    """A single capitalised word after "in", "at", "near", "the town of" (or before
    "-based") that is nothing else the article names, no date, title or common word: a
    place (issue 14; ``PLACE_BEFORE``)."""
    return (
        " " not in name
        and (based or PLACE_BEFORE.search(before) is not None)
        and EntityIndex.classify(name) is None
        and name.lower() not in lower
        and name.lower() not in stopwords()
        and not name.isupper()
        and len(name) > 2  # "at Rs 4,200": a currency, an initial
        and not is_title_word(name)
        and not not_a_speaker(name)
        and index.lookup(name) is None
    )


_TITLE_ROLES = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
    "lt": "lieutenant", "col": "colonel", "capt": "captain", "sgt": "sergeant",
    "det": "detective", "insp": "inspector", "supt": "superintendent", "prof": "professor",
    "dr": "doctor", "rev": "reverend", "cr": "councillor", "cllr": "councillor",
}  # fmt: skip


def _title_role(before: str) -> str | None:
    """The role a title before a name gives: "Gov. Martin Feld" -> "governor"."""
    m = re.search(r"\b([A-Z][a-z]+)\.?\s+$", before)
    if not m:
        return None
    word = m.group(1).lower()
    if word in _TITLE_ROLES:
        return _TITLE_ROLES[word]
    return word if is_title_word(word) and word not in ("mr", "mrs", "ms", "miss") else None


def _role_gender(role: str) -> str:
    words = re.split(r"\s+(?:at|of|for|in|with|from|to)\s+", role.strip())[0].split()
    return speaker_nouns().get(words[-1].lower(), {}).get("gender", "") if words else ""


_SUBORDINATORS = frozenset(
    "than that because while as whom after before when if whereas though although since"
    " unless".split()
)


def _genders_from_pronouns(
    index: EntityIndex, texts: dict[int, str], spans: dict[int, list[tuple[int, int]]]
) -> None:
    """A person's gender from the first he/his or she/her after the name in the same
    sentence, before any other name ("Amara Osei … her open letter"); quotes are masked."""
    for i, m in enumerate(index.mentions):
        e = m.entity
        if e.kind != "person" or e.gender or not m.subject:
            continue  # only a sentence's subject is what a following "he"/"her" refers to
        sentence_end = _sentence_end(spans[m.paragraph], m.start, default=m.end)
        nxt = index.mentions[i + 1] if i + 1 < len(index.mentions) else None
        stop = nxt.start if nxt and nxt.paragraph == m.paragraph else sentence_end
        window = texts[m.paragraph][m.end : min(stop, sentence_end)]
        window = re.sub(
            r",\s*(?:who|whose|which)\b[^,]*,", ",", window
        )  # "…, who shares his ward,"
        for pronoun in re.finditer(r"\b(he|his|him|himself|she|her|hers|herself)\b", window, re.I):
            word = pronoun.group(1).lower()
            before = window[: pronoun.start()].split()[-1:] or [""]
            if word in ("he", "she") and (
                before[0].lower() in _SUBORDINATORS or before[0].lower() in reporting_verbs()
            ):
                continue  # "… less mysterious than she makes it sound": another person
            e.gender = "male" if word in ("he", "his", "him", "himself") else "female"
            break


_WORD = re.compile(r"[\w’'\-&]+")


def _char_before(text: str, position: int) -> str:
    """The last character before ``position`` that is not white space ("" if none); read
    backwards, so its cost does not grow with the length of the text before it."""
    i = position - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return text[i] if i >= 0 else ""


def _sentence_end(spans: list[tuple[int, int]], position: int, *, default: int) -> int:
    """The end of the sentence (of ``spans``, in reading order) that holds ``position``."""
    at = bisect_right(spans, (position, float("inf"))) - 1
    if at >= 0 and spans[at][0] <= position < spans[at][1]:
        return spans[at][1]
    return default


def _opens_sentence(text: str, start: int, spans: list[tuple[int, int]]) -> bool:
    # spans are in reading order: a bisect, and at most six words read, keep this constant
    # time however long the paragraph or the sentence (a scan of either was quadratic)
    at = bisect_right(spans, (start, float("inf"))) - 1
    sentence_start = max(spans[at][0], 0) if at >= 0 else 0
    words = [w.group() for w in islice(_WORD.finditer(text, sentence_start, start), 6)]
    return len(words) <= 5 and all(
        w[:1].isupper()
        or w.lower() in ("the", "a", "an", "but", "and", "so", "then")
        or speaker_nouns().get(w.lower(), {}).get("kind") == "role"
        for w in words
    )


_APPOSITION_AFTER = re.compile(
    r"^\s*,\s*(?:\d{1,3}\s*,\s*)?((?:the|a|an|[A-Z][\w’'\-]*’s|[a-z]+)\s"
    r"[^,.;:“”\"]{2,80}?)\s*(?:,|\.|;|$|\s(?:said|says|told|added))"
)


def head_word(phrase: str) -> str:
    """The head noun of a speaker phrase: "people familiar with the talks" -> "people"."""
    words = re.split(
        r"\s+(?:familiar|close|briefed|involved|at|of|for|in|with|from|on)\s+", phrase
    )[0]
    return words.split()[-1].lower() if words.split() else ""


def _head_noun_kind(phrase: str) -> str | None:
    """What a describing phrase says a name is: "an analyst at Brightline" -> "role",
    "appliance maker" -> "institution". A relative clause or a prepositional phrase
    ("who chairs the committee", "of Wexshire Police") says nothing about it: None."""
    if re.match(r"(?:of|from|at|in|with|for|who|whose|which|where|when)\b", phrase.strip(), re.I):
        return None
    head = re.split(r"\s+(?:at|of|for|in|with|from|to)\s+", phrase.strip())[0].split()
    return speaker_nouns().get(head[-1].lower(), {}).get("kind") if head else None


def names_a_role(phrase: str) -> bool:
    """A phrase naming a job or body ("retail analyst at X", "the foreign minister")."""
    return any(
        speaker_nouns().get(w.lower(), {}).get("kind") in ("role", "institution")
        for w in re.findall(r"[\w\-]+", phrase)
    )


_APPOSITION_BEFORE = re.compile(
    r"(?:^|[.;:]\s+|,\s+)(?:His|Her|Their|Its|The|A|An|his|her|their|its|the|a|an|"
    r"[A-Z][\w’'\-]*’s)\s+([\w][\w\-’' ]{1,60}),\s*$"
)


def role_near(text: str, start: int, end: int) -> str | None:
    """The role the article gives a name: "Jane Okafor, the foreign minister," or
    "Treasury spokesman Tom Reyes" (an apposition after, or a title before)."""
    m = _APPOSITION_AFTER.match(text[end:])
    if m and names_a_role(m.group(1)) and m.group(1).split()[0] not in reporting_verbs():
        return _clean_role(m.group(1))
    m = _APPOSITION_BEFORE.search(text[max(0, start - 60) : start])
    if m and _head_noun_kind(m.group(1)) == "role":
        return m.group(1)  # "His daughter, Niamh Corbett"
    clause = re.split(r"[,.;:!?“”\"()–—]", text[max(0, start - 60) : start])[-1]
    words = re.findall(r"[\w’'\-&]+", clause)
    if text[max(0, start - 1) : start].strip() or not words:
        return None
    last = words[-1].lower()
    if is_descriptor(last) or last.startswith("ex-") and is_title_word(last[3:]):
        return words[-1]  # "Grandmother-of-three Jane Roe", "Ex-minister Tom Reyes" (issue 19)
    if speaker_nouns().get(words[-1].lower(), {}).get("kind") not in ("role", "institution"):
        return None  # a title ("chief executive") or a kind of firm ("appliance maker")
    i = len(words) - 1
    while i > 0 and len(words) - i < 6:
        w = words[i - 1]
        joins_roles = w.lower() == "and" and i > 1 and is_title_word(words[i - 2])
        if joins_roles:  # "co-founder and chief executive"
            i -= 1
            continue
        if w.lower() in stopwords() and not w[:1].isupper() or reporting_verbs().get(w.lower()):
            break
        if (
            w.lower() in ("the", "a", "an", "by", "to", "of", "according")
            or w.lower() in SENTENCE_STARTERS
        ):
            break
        i -= 1
    return " ".join(words[i:])


def _title_gender(before: str) -> str | None:
    """Gender given by a title just before a name (``Ms``, ``Mr``), else '' or None."""
    m = re.search(r"(\b[A-Za-z]+\.?)\s*$", before)
    if not m:
        return None
    word = m.group(1).lower().rstrip(".")
    if word in TITLES:
        return TITLES[word]
    noun = speaker_nouns().get(word.rstrip("."))
    if noun and noun["kind"] == "role":
        return noun["gender"]
    return None


def _clean_role(role: str) -> str:
    role = re.sub(r",?\s+who\b.*$", "", role.strip())
    return re.sub(rf"^{DETERMINER}\s+", "", role, flags=re.IGNORECASE).strip(" ,")
