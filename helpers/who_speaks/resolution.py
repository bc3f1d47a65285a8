"""Resolution: which person, institution or anonymous source a speaker phrase refers to.

- a name: the person it names in full or in part ("Okafor", "Ms Okafor"), an institution
  or a place speaking for its government ("France said"), else a new person (a title gives
  the gender; the gender is never guessed from a first name);
- a pronoun: the most recent compatible person (he/she) or body (it/they), sentence
  subjects and earlier speakers first, this paragraph first (salience, after Lappin &
  Leass 1994), never a place;
- a description: the person the article gave that role ("the minister" after "Jane
  Okafor, the foreign minister"), the institution it points to ("the regulator", "the
  company", "a council spokeswoman"), the same anonymous source again ("the official"
  after "a senior official"), else a new anonymous source; a document speaks for its
  author ("Okafor’s report said") or, unnamed, for whoever spoke last.

>>> from ..entities import index_entities
>>> from .speaker_phrases import SpeakerPhrase
>>> body = ["Jane Okafor, the foreign minister, arrived.", "The minister said so."]
>>> index = index_entities(body, "T", {-1: [(0, 1)], 0: [(0, 43)], 1: [(0, 21)]})
>>> phrase = SpeakerPhrase("The minister", 0, 12, "description")
>>> Resolver(index, Record()).resolve(phrase, 1, 0).canonical
'Jane Okafor'
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..entities import Entity, EntityIndex, head_word, not_a_speaker, split_title
from ..lexicons import gazetteer, lexicon_cache, lexicon_rows, speaker_nouns
from ..names import (
    CAP_RUN,
    DETERMINER,
    TITLE_PREFIX,
    TITLES,
    drop_qualifier,
    is_descriptor,
    is_title_word,
    norm_name,
)
from ..text import stopwords
from .speaker_phrases import POST_MODIFIER, PRONOUNS, SpeakerPhrase
from .utterances import Record

__all__ = ["Resolver"]


# Head words of public bodies: "the company" never means "the Product Safety Office".
_PUBLIC_BODY_WORDS = frozenset(
    """Office Ministry Department Council Agency Authority Police Court Parliament Government
    Commission Regulator Service University School Union Assembly Senate Congress Committee
    Board Tribunal Inquiry Embassy Army Navy""".split()
)


@lexicon_cache
def _capital_aliases() -> frozenset[str]:
    """The aliases of the gazetteer written in capitals that differ from their entry's name
    ("DOE" for the Department of Energy, "FTC"), lower-cased."""
    found = set()
    for file in ("organisations.csv", "places.csv"):
        for row in lexicon_rows(file, columns=("name",)):
            for alias in filter(None, row.get("aliases", "").split("|")):
                if alias.isupper() and alias.lower() != row["name"].lower():
                    found.add(alias.lower())
    return frozenset(found)


def _alias_in_lower_case(name: str) -> bool:
    """A short alias the gazetteer writes in capitals, written here otherwise: "Doe" (a
    surname) is not the "DOE" (the Department of Energy); "Nato" still is NATO, whose name it
    is, and "Fed" is written so in the gazetteer."""
    return not name.isupper() and name.lower() in _capital_aliases()


def _public_body(name: str) -> bool:
    """A public body is never "the company": a head word of one ("Ministry", "Council") or a
    government body of the gazetteer ("FBI", kind ``government`` in organisations.csv)."""
    known = gazetteer().get(name.lower())
    return bool(set(name.split()) & _PUBLIC_BODY_WORDS) or bool(
        known and known.get("kind") == "government"
    )


# The author named beside a written source (issue 19): "Okafor’s report", "The Acme Institute's
# lawsuit" (a capitalised name of at most four words before "'s"), "an email from Jane Roe",
# "a lawsuit by the Acme Institute" (one to four capitalised words after "from" or "by").
_POSSESSIVE_AUTHOR = re.compile(r"(?:[Tt]he\s+)?([A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})[’']s\s")
_AUTHOR_AFTER = re.compile(
    r"\s(?:from|by)\s+(?:the\s+)?([A-Z][\w.\-]*(?:\s+(?:of\s+)?[A-Z][\w.\-]*){0,3})$"
)


class Resolver:
    """Resolves the speaker phrases of one article, in reading order, against its entity
    index and what the :class:`Record` says was spoken so far."""

    def __init__(self, index: EntityIndex, record: Record) -> None:
        self.index = index
        self.record = record
        self.spokesperson_owner: Entity | None = None
        # Look-up structures so that each resolution costs no more as the article grows:
        # mentions are in reading order, so "the mentions before (p, pos)" is a prefix.
        self._mention_keys = [(m.paragraph, m.start) for m in index.mentions]
        self._mention_at: dict[Entity, list[int]] = {}
        for i, m in enumerate(index.mentions):
            self._mention_at.setdefault(m.entity, []).append(i)
        self._first_body = bisect_left(self._mention_keys, (0,))

    def resolve(self, phrase: SpeakerPhrase, p: int, sent_start: int) -> Entity | None:
        pos = sent_start + phrase.start
        if phrase.kind == "pronoun":
            text = phrase.text.lower()
            if text.endswith(("them", "those")):
                text = "they"
            elif is_descriptor(text):  # "the grandmother-of-five", "the 34-year-old"
                text = "person"
            return self._resolve_pronoun(text, p, pos)
        first, _, rest = drop_qualifier(phrase.text).partition(" ")
        if phrase.kind == "name" and is_title_word(first) and rest.startswith(("of ", "for ")):
            # "the former CEO of Acme added": a role, described, not a name (issue 19)
            described = SpeakerPhrase(
                f"the {first} {rest}", phrase.start, phrase.end, "description"
            )
            return self._resolve_description(described, p, pos)
        if phrase.kind == "name":
            name = drop_qualifier(phrase.text)  # "Former Secretary …" -> "Secretary …"
            office, bare = split_title(name)
            if office:  # "County Supervisor of Elections Jane Roe"
                name = bare
                phrase.role = phrase.role or office
            person, _, rest = name.partition(" of ")
            if (
                rest
                and len(person.split()) >= 2
                and (EntityIndex.classify(person) == "person" or TITLE_PREFIX.match(person))
            ):
                # "Jane Roe of the Acme Institute": the person speaks, the institution is
                # her role (issue 19; the entity index cuts the run the same way)
                name = person
                phrase.role = phrase.role or rest
            office, bare = split_title(TITLE_PREFIX.sub("", name))
            if not_a_speaker(bare):
                # a date, a document or a headline speaks for nobody (issues 14 and 19): a
                # known person named at its end still may ("… Believe In Jane Roe")
                return self.index.person_for(" ".join(bare.split()[-2:]))
            person = self.index.person_for(name)
            if person is not None:
                person.describe(phrase.role)
                return person
            kind = EntityIndex.classify(name)
            known = gazetteer().get(name.lower())
            if _alias_in_lower_case(name):
                kind, known = None, None  # "Doe said": a surname, not the DOE
            if (
                kind == "institution"
                or (known and known["type"] == "organisation")
                or (phrase.definite and len(name.split()) <= 3)
            ):
                canonical = known["name"] if known else name
                return self.index.add(norm_name(canonical), Entity(canonical, "institution"))
            if known and known["type"] == "demonym" and " " not in name:
                return None  # "Cuban said" names a person the article did not name in full
            if kind == "place" or (known and known["type"] in ("place", "demonym")):
                # "France said" / "Britain warned": the government of a place speaks
                canonical = known["name"] if known else name
                return self.index.add(norm_name(canonical), Entity(canonical, "institution"))
            # an unknown name as the subject of a cue: a person (the title gives the gender)
            title = TITLE_PREFIX.match(name)
            office, bare = split_title(TITLE_PREFIX.sub("", name))
            gender = TITLES.get(title.group().strip().lower().rstrip("."), "") if title else ""
            entity = self.index.add(
                norm_name(bare), Entity(bare, "person", gender=gender, first_seen=(p, pos))
            )
            entity.describe(phrase.role)
            entity.describe(office)
            return entity
        return self._resolve_description(phrase, p, pos)

    def _resolve_pronoun(self, pronoun: str, p: int, pos: int) -> Entity | None:
        """Most recent compatible antecedent, preferring sentence subjects and speakers
        (salience, after Lappin & Leass 1994); people only for he/she."""
        want = PRONOUNS[pronoun]
        lo = bisect_left(self._mention_keys, (max(0, p - 3),))
        hi = bisect_left(self._mention_keys, (p, pos))
        window = [(m.paragraph, m.start, m.entity, m.subject) for m in self.index.mentions[lo:hi]]
        window += [
            (q, at, e, True)
            for q, at, e in self.record.spoken_since(p - 3)
            if (q, at) < (p, pos) and q >= p - 3
        ]
        window.sort(key=lambda c: (c[0], c[1]))

        def fits(e: Entity) -> bool:
            if want == "person":
                return e.kind == "person"
            if want in ("male", "female"):
                return e.kind == "person" and e.gender in ("", want)
            if want == "plural":
                return e.kind in ("institution", "anonymous") or (
                    e.kind == "person" and e.gender in ("", "they")
                )
            return e.kind == "institution"

        # this paragraph first (news paragraphs shift topic), subjects and speakers first
        here = [c for c in window if c[0] == p]
        for scope, subject_only in ((here, True), (here, False), (window, True), (window, False)):
            for _q, _at, e, subject in reversed(scope):
                if (subject or not subject_only) and fits(e):
                    if e.kind == "person" and not e.gender:
                        e.gender = want if want != "plural" else "they"
                    return e
        return None

    def _resolve_description(self, phrase: SpeakerPhrase, p: int, pos: int) -> Entity | None:
        text = re.sub(
            r"^(?:one|some|two|three|many|most|each)\s+of\s+", "", phrase.text, flags=re.I
        )
        words = text.split()
        head = words[-1].lower()
        post = POST_MODIFIER.search(text)
        if post:
            head_words = text[: post.start()].split()
            head = head_words[-1].lower() if head_words else head
        info = speaker_nouns().get(head, {"kind": "anonymous", "gender": "", "number": "singular"})
        definite = words[0].lower() in ("the", "its", "his", "her", "their")
        earlier = bisect_left(self._mention_keys, (p, pos))  # mentions[:earlier] come before
        if info["kind"] in ("document", "written"):
            author = self._author(text, info["kind"], p, pos)
            if author is not None:
                return author  # "Okafor’s report said", "An email from Jane Roe says"
            if info["kind"] == "document" and self.record.spoken_at:
                return self.record.spoken_at[-1][2]  # "“…,” the statement said": its issuer
        if head in {"spokesman", "spokeswoman", "spokesperson"}:
            owner = self._spokesperson_owner(text, head, definite, earlier)
            if owner is not None:
                return owner
        if info["kind"] == "role" and definite:
            # "the Dunmore manager": the person whose name and descriptions share most of
            # the words (a capitalised modifier counts double), the most recent on a tie
            modifiers = [w for w in words[1:-1] if w[:1].isupper()]
            people = [e for e in self._recent(0, earlier) if e.kind == "person"]
            spoke = reversed(list(self.record.speakers.values()))
            people += [e for e in spoke if e.kind == "person"]
            scored = [
                (2 * e.described_as(modifiers) + e.described_as([head]), e)
                for e in dict.fromkeys(people)
            ]
            best = max(scored, key=lambda se: se[0], default=(0, None))
            if best[0] > 0:
                return best[1]
            if info["gender"]:
                # "The actress, 34, told fans …" right after naming her: like a pronoun
                pronoun = "she" if info["gender"] == "female" else "he"
                person = self._resolve_pronoun(pronoun, p, pos)
                if person is not None:
                    return person
        if info["kind"] == "institution":
            owner = self._institution_in(text, earlier, generic=definite)
            if owner is not None:
                return owner
        kind = "institution" if info["kind"] == "institution" else "anonymous"
        canonical = text
        if not re.match(r"\w+\s+in\s+\w+$", text):  # "Two in three": a share, kept whole
            canonical = re.sub(rf"^{DETERMINER}\s+", "", text, flags=re.IGNORECASE)
        if re.match(r"(?:in|of|among|at|from|who)\b", canonical):
            # "Many in the crowd", "some who advocate free speech" (issue 19): the
            # quantifier is the head
            canonical = text
        canonical = re.sub(r",?\s+who\b.*$", "", canonical)
        canonical = TITLE_PREFIX.sub("", canonical)  # "Mrs. Okafor's campaign"
        if definite and info["kind"] in ("anonymous", "role", "written"):
            # "the official" after "a senior official", "one of the people" after "people
            # familiar with the talks": the same anonymous source
            for e in reversed(list(self.record.speakers.values())):
                if e.kind == "anonymous" and head_word(e.canonical) == head:
                    return e
        key = norm_name(canonical)
        return self.index.add(key, Entity(canonical, kind, first_seen=(p, pos)))

    def _author(self, text: str, kind: str, p: int, pos: int) -> Entity | None:
        """The named author of a text: a possessive name before it ("Okafor’s report said")
        or a name after "from" or "by" ("An email from Jane Roe says"). A written text with
        a named author is that author's utterance (tests/fixtures/quotes/README.md; issue
        19): a name the article gave already, or, for a ``written`` source, a new one."""
        owner = _POSSESSIVE_AUTHOR.match(text) or _AUTHOR_AFTER.search(text)
        if owner is None:
            return None
        name = owner.group(1)
        known = self.index.lookup(name)
        if known is not None or kind != "written" or is_title_word(name):
            return known
        return self.resolve(SpeakerPhrase(name, 0, len(name), "name"), p, pos)

    def _spokesperson_owner(
        self, text: str, head: str, definite: bool, earlier: int
    ) -> Entity | None:
        """An unnamed spokesperson speaks for an institution: the one named in the phrase
        ("a council spokeswoman", "a Nimbra spokesperson"); for "the spokeswoman", a person
        the article gave that title, else the institution whose spokesperson spoke last."""
        runs = [
            r.group() for r in CAP_RUN.finditer(re.sub(rf"^{DETERMINER}\s+", "", text, flags=re.I))
        ]
        names = [re.sub(r"^(?:The|A|An)\s+", "", r) for r in runs]
        owner = next((self.index.lookup(n) for n in names if self.index.lookup(n)), None)
        if owner is None:
            owner = self._institution_in(text, earlier)
        if owner is None and names:
            # "a Nimbra spokesperson", "a spokeswoman for the Department of Schools"
            owner = self.index.add(norm_name(names[-1]), Entity(names[-1], "institution"))
        if owner is None and definite:
            person = next(
                (e for e in reversed(list(self.record.speakers.values()))
                 if e.kind == "person" and e.described_as([head])),
                None,
            )  # fmt: skip
            if person is not None:
                return person
            owner = self.spokesperson_owner
        if owner is not None:
            self.spokesperson_owner = owner
        return owner

    def _recent(self, lo: int, hi: int) -> list[Entity]:
        """The entities mentioned in ``index.mentions[lo:hi]``, the latest mentioned first."""
        last = []
        for entity, at in self._mention_at.items():
            i = bisect_left(at, hi) - 1
            if i >= 0 and at[i] >= lo:
                last.append((at[i], entity))
        return [e for _i, e in sorted(last, key=lambda ie: -ie[0])]

    def _institution_in(self, text: str, earlier: int, *, generic: bool = True) -> Entity | None:
        """The institution a description points to: the named one sharing most of its words,
        in its name or the role the article gave it ("the regulator" → "Product Safety
        Office, the government's consumer regulator"); for a generic noun ("the company"),
        the latest organisation the article named that is not a public body."""
        words = [w.lower() for w in re.findall(r"[\w’'\-]+", text)]
        words = [
            w for w in words
            if w not in stopwords() and speaker_nouns().get(w, {}).get("kind") != "role"
        ]  # fmt: skip
        candidates = self._recent(self._first_body, earlier)  # the headline's do not count
        candidates += list(reversed(list(self.record.speakers.values())))
        candidates = [e for e in dict.fromkeys(candidates) if e.kind == "institution"]

        def overlap(e: Entity) -> int:
            return e.described_as(words)

        best = max(candidates, key=overlap, default=None)  # ties: the most recent
        if best is not None and overlap(best) > 0:
            return best
        head = words[-1] if words else ""
        if generic and speaker_nouns().get(head, {}).get("generic"):
            # (only "the company": "a nursing union" is a new one, not the one named before)
            # "the company" is the organisation the story is about: the one named most often
            # so far (headline included), the most recent on a tie; never a public body
            counts = {
                e: bisect_left(at, earlier)
                for e, at in self._mention_at.items()
                if e.kind == "institution" and at[0] < earlier
            }
            firms = [e for e in candidates if not _public_body(e.canonical)]
            known = set(firms)
            spoke = next((e for _q, _at, e in reversed(self.record.spoken_at) if e in known), None)
            if spoke is not None:
                return spoke  # "Tarnside Water said … The company said …"
            if firms:
                return max(firms, key=lambda e: counts.get(e, 0))  # max keeps the first (latest)
        return None
