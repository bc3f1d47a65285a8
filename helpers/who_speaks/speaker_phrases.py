"""Speaker phrases: the words beside a cue that say who speaks.

A speaker phrase is a name ("Jane Okafor", "the Treasury"), a pronoun ("she", "one of
them", "the 34-year-old") or a description ("the minister", "US officials", "people
familiar with the talks", "46 percent"). :func:`speaker_before` reads it at the end of the
text before a cue ("Jane Okafor, the foreign minister, said"), skipping adverbials,
auxiliaries and appositions; :func:`speaker_after` at the start of the text after an
inverted cue ("…,” said Jane Okafor"); :func:`source_after` finds the source of
"according to" when it is a document or a poll (those two are defined in :mod:`.inverted`
and re-exported here). Offsets are within the text given; the phrase is only found here,
and resolved to an entity in :mod:`.resolution`.

>>> phrase = speaker_before("Jane Okafor, the foreign minister,")
>>> phrase.text, phrase.kind, phrase.role
('Jane Okafor', 'name', 'the foreign minister')
>>> speaker_after(" the central bank.").text
'the central bank'
"""

from __future__ import annotations

import re

from ..entities import EntityIndex, head_word, names_a_role, role_near
from ..lexicons import gazetteer, speaker_nouns
from ..names import NAME_TOKEN, SENTENCE_STARTERS, is_title_word, ordinary_word
from ..text import stopwords
from .cues import DAY_PART, TIME_NOUNS, TIME_WORDS
from .descriptions import (
    POST_MODIFIER,
    PRONOUNS,
    SpeakerPhrase,
    description_at_end,
    is_ly_adverb,
)
from .inverted import NAME_AT_END, SHARE_OF_PEOPLE, share_of_people, source_after, speaker_after
from .person_nouns import names_people

__all__ = [
    "ACROSS_AUXILIARY",
    "POST_MODIFIER",
    "PRONOUNS",
    "SpeakerPhrase",
    "description_at_end",
    "relative_subject",
    "source_after",
    "speaker_after",
    "speaker_at_end",
    "speaker_before",
]

_APPOSITION_TAIL = r",\s*(?:\d{1,3},\s*)?([^,]{2,160}),\s*$"
#: A US politician's party and state: "R-Fla.", "D-N.Y.", "I-Vt." (AP style), in commas or
#: in parentheses after the name.
_PARTY_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,10})?")
#: An apposition between dashes before the cue: " — a teacher from Mount Pleasant — ",
#: " -- the party's chairman -- " (at most 160 characters, no dash inside).
_DASH_APPOSITION = re.compile(r"\s+(?:[–—]|--)\s+([^–—]{2,160}?)\s+(?:[–—]|--)\s*$")
_PARTY_AT_END = re.compile(
    rf"(?:,\s*{_PARTY_TAG.pattern}|\s*\([RDI](?:-[A-Z][A-Za-z.]{{1,12}})?\))\s*$"
)
_APPOSITION_START = re.compile(
    r"(?:(?:the|a|an|who|whose|which|where|when|one|head|chief|deputy|former|aged|of|from|at)\b"
    r"|[A-Z]|\d|[a-z]+ing\b)"
)


# Words that may stand between a speaker and the cue, stripped one at a time from the end of
# the text before the cue (each alternative ends at ``$``, so one way to match):
#   time words, optionally in commas: "Others, however, say", "X also said";
#   auxiliaries, never negated ("It has not said what will happen" reports no speech):
#   "X has said", "had told", "does say"; "at the time", "in 2008", "on Wednesday night".
# ("Will" capitalised is a name, "In particular, Will wrote": never stripped)
_AUXILIARY = r"(?:has|have|had|does|do|did|(?-i:will)|would|could|can|may|might|should|must)"
#: Added to a rule's name when the speaker was found across an auxiliary or an adverb.
ACROSS_AUXILIARY = "; speaker before an auxiliary or adverb ('has said', 'however, say')"
_BETWEEN_SUBJECT_AND_CUE = re.compile(
    rf"(?:,?\s+{TIME_WORDS}|,\s*{TIME_WORDS},|,?\s+(?:last|this|next)\s+{TIME_NOUNS}|"
    rf"\s+on\s+{TIME_NOUNS}|\s+(?:responded|replied|reacted|hit\s+back|went\s+on)\s+by|"
    # "Rep. Jane Roe (D-Wash.) said", "campaign workers here said" (issue 19)
    r"\s*\([RDI](?:-[A-Z][A-Za-z.]{1,12}(?:\s[A-Z][A-Za-z.]{1,10})?)?\),?|\s+here|"
    r"\s*\([A-Z][a-z]{1,5}\.\),?|"  # "Sen. Jane Roe (Tex.) has said", "X (R-OH), said"
    # "Jane Roe (who has 25 delegates) said", "Jane Roe (pictured) said": an aside in brackets
    r"(?<=\w)\s*\((?:who|which|pictured|left|right|centre|center|above|below)\b[^()\n]{0,60}\),?|"
    # "X, in Kentucky, said" (after a name, not after an age: "Jane Roe, 74, from Leeds,")
    r"(?<=[A-Za-z.]),\s*(?:in|at|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3},|"
    # "Jane Roe, in her dissent, said" (issue 19): a prepositional aside in commas
    r",\s*(?:in|during|at)\s+(?:a|an|the|his|her|its|their)\s+[\w’'\-]+(?:\s+[\w’'\-]+){0,3},|"
    # "Jeb Bush in a Medium post said" (issue 19): the medium, with no commas
    r"\s+in\s+(?:a|an|his|her|its|their)\s+(?:[\w’'\-]+\s+){0,3}?(?:interview|statement|post|"
    r"tweet|letter|e-?mail|op-ed|column|memo|video|speech|essay|editorial|blog\s+post))"
    r"\s*$",
    re.IGNORECASE,
)
# The same, added for issue 19: a speaker found across one of these is kept only for the
# first cue of a sentence ("X said the board had concluded …": "concluded" is inside X's words)
_AUXILIARY_OR_ADVERB = re.compile(
    rf"(?:\s+{_AUXILIARY}|\s+at\s+the\s+time|\s+(?:in|on)\s+(?:[’']\d\d|\d{{4}})|"
    rf"\s+(?:already|long|often|never|always|even|later|since|just|all|both|each|themselves|"
    rf"himself|herself|itself|alone|overall|alike)|\s+(?:on\s+)?{DAY_PART})"
    r"\s*$",
    re.IGNORECASE,
)
# An aside in commas between a speaker and its cue that names no role (issue 19): an adverbial
# ("Cement makers, for instance, argue"), a participle or preposition phrase ("Jane Roe, clad
# in a red cape, said"), "many of them …"; stripped, not a role (an "-ing", "of", "from" or
# "at" aside that may name a role stays an apposition: _APPOSITION_START).
_ASIDE = re.compile(
    r",\s*(?:for\s+(?:instance|example|one|now|(?:his|her|its|their|our)\s+part)|"
    r"(?:by|in)\s+contrast|in\s+(?:turn|particular|response|fact|short)|"
    r"on\s+the\s+other\s+hand|of\s+course|as\s+well|"
    r"meanwhile|though|instead|likewise|similarly|nonetheless|nevertheless|moreover|too|"
    r"perhaps|apparently|notably|indeed|"
    r"(?:(?:also|still|now|then|both|all|once|long|later)\s+)?"
    r"(?:[a-z]+ing|[a-z]{3,}ed|clad|struck|known|born|stung|undeterred|unfazed|"
    r"like|unlike|after|before|during|despite|with|without|among|amid|as|in|on|by|for|"
    r"through|throughout|since|until|under|over|upon)\b[^,;:()\[\]]{0,100}|"
    r"(?:many|most|some|all|both|several|none|each)\s+of\s+(?:them|whom)\b[^,;:()]{0,80})"
    r",\s*$"
)


# "-ly" words that are nouns, never adverbs before a verb of speech ("The family said")
def _ly_adverb_at_end(chunk: str) -> bool:
    """The text before a cue ends in a lower-case adverb in -ly: "Okafor repeatedly said"."""
    words = chunk.rstrip().rsplit(None, 1)
    if len(words) < 2 or chunk.rstrip().endswith(","):  # ", who was not … publicly,"
        return False
    return words[1].islower() and is_ly_adverb(words[1])


def speaker_before(pre: str) -> SpeakerPhrase | None:
    """The speaker phrase that ends ``pre`` (the text before a cue), skipping adverbials."""
    end = len(pre.rstrip())
    role, stripped, across = None, False, False
    for _ in range(5):
        chunk = pre[:end]
        m = _BETWEEN_SUBJECT_AND_CUE.search(chunk)
        if m:
            end = m.start()
            if chunk[end] == "," and re.search(_APPOSITION_TAIL, chunk[: end + 1]):
                end += 1  # "Kirk, who still speaks with difficulty, also noted": its comma
            continue
        m = _DASH_APPOSITION.search(chunk)
        if m and speaker_at_end(chunk[: m.start()], None) is not None:
            # "Jane Roe — a teacher from Mount Pleasant — says" (issue 19)
            role = role or m.group(1).strip()
            end = m.start()
            continue
        m = _AUXILIARY_OR_ADVERB.search(chunk)
        if m or _ly_adverb_at_end(chunk):
            # "X has said", "X at the time said", "Okafor repeatedly said"
            end = m.start() if m else chunk.rstrip().rfind(" ")
            across = True
            continue
        m = _ASIDE.search(chunk)
        if m and not _APPOSITION_START.match(chunk[m.start() + 1 :].lstrip()):
            head = speaker_at_end(chunk[: m.start()], None)
            if head is not None:
                end = m.start()  # "Cement makers, for instance, argue" (issue 19)
                # an apposition may stand before the aside: "Tom Field, a lawyer, for
                # instance, argues" (its closing comma is the aside's opening one)
                stripped = True
                continue
        # Appositions between the name and the verb, one or more:
        # "Okafor, a paediatrician at …, said"; "Adeyemi, pastor of X, whose vans …, said"
        pattern = r",\s*(?:\d{1,3},\s*)?([^,]{2,160})\s*$" if stripped else _APPOSITION_TAIL
        m = re.search(pattern, chunk)
        if m and _PARTY_TAG.fullmatch(m.group(1).strip()):
            # "Sen. Jane Roe, D-N.Y., appearing on TV, said" (US party and state; issue 19)
            role = role or m.group(1).strip()
            end, stripped = m.start(), True
            continue
        if m and stripped:
            # a second, inner apposition must describe ("pastor of X", "the MP for Y"); a
            # name there ("…, the Product Safety Office") is the speaker itself
            first_word = re.sub(r"^(?:the|a|an)\s+", "", m.group(1).strip()).split()[0]
            describes = first_word[:1].islower() or is_title_word(first_word)  # "the MP for X"
            m = m if describes and names_a_role(m.group(1)) else None
        if m and (_APPOSITION_START.match(m.group(1)) or names_a_role(m.group(1))):
            inner_end = m.start()
            aside = _ASIDE.search(pre[:inner_end] + ",")
            if aside and speaker_at_end(pre[:inner_end], None) is None:
                inner_end = aside.start()  # "Sanders, meanwhile, who sits at zero, said"
            party = _PARTY_AT_END.search(pre[:inner_end])  # "Jane Roe, D-N.Y., appearing …"
            head = speaker_at_end(pre[: party.start() if party else inner_end], None)
            if head is not None:
                appos = m.group(1).strip()
                named = re.fullmatch(rf"{NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}}", appos)
                if (
                    head.kind == "description"
                    and named
                    and EntityIndex.classify(appos) == "person"
                    and not _object_before_apposition(pre, head, True)
                ):
                    # "the water minister, Helen Achterberg," — the span covers both
                    return SpeakerPhrase(
                        appos, head.start, m.start(1) + len(appos), "name", head.text
                    )
                if role is None or (names_a_role(appos) and not names_a_role(role)):
                    role = appos
                end = inner_end
                stripped = True
                continue
        break
    phrase = speaker_at_end(pre[:end], role)
    if phrase is None and pre[:end].endswith(",") and end < len(pre.rstrip()):
        # "Kirk, who …, also noted": the name before a comma kept for an apposition, once
        # something between it and the cue was stripped ("Thus, explained X" strips nothing)
        phrase = speaker_at_end(pre[: end - 1], role)
        if phrase is not None and (
            phrase.kind == "name"
            and ordinary_word(phrase.text)
            or _PREPOSITION_BEFORE.search(pre[: phrase.start])  # ", deferring to the CIA,"
        ):
            phrase = None
    if _object_before_apposition(pre, phrase, stripped):
        return None  # "…, tweeting to one of his allies, Jane Roe, said": an object
    if phrase is not None:
        phrase.across_auxiliary = across
    return phrase


def _object_before_apposition(pre: str, phrase: SpeakerPhrase | None, stripped: bool) -> bool:
    """A description followed by an apposition, right after a participle's preposition, is
    that preposition's object, not the cue's subject: "…, tweeting to one of his allies,
    Jane Roe, said" (issue 19, PTC development)."""
    return (
        phrase is not None
        and stripped
        and phrase.kind == "description"
        and _PARTICIPLE_AND_PREPOSITION.search(pre[: phrase.start]) is not None
    )


# A participle and its preposition: "tweeting to", "speaking with", "aimed at".
_PARTICIPLE_AND_PREPOSITION = re.compile(
    r"\b[a-z]{3,}(?:ing|ed)\s++(?:to|at|with|for|by|from|on)\s*$"
)


# A restrictive relative clause that ends the text before a cue: "who have battled online
# threats", "that have endorsed him", "whose laws were struck down", or a bare "who" ("voters
# who say"). At most 12 words; no comma, bracket, colon, dash or quotation mark; never negated.
_RELATIVE_TAIL = re.compile(
    r"\s(?:who|that|whose)((?:[’'](?:s|ve|d|ll)\b)?+(?:\s++[^\s,;:()\[\]“”\"–—]++){0,12}+)\s*+$"
)
# The cue is then a passive or an infinitive inside the relative clause, not its head's verb.
_PASSIVE_OR_INFINITIVE = re.compile(r"\b(?:been|be|being|is|was|were|are|to)\s*$", re.IGNORECASE)
# A negation that ends the clause negates the cue ("voters who never said", "who did not
# publicly say"); one inside an infinitive or before more words does not ("officials who asked
# not to be named said", review of issue 19).
_NEGATION = re.compile(
    r"(?:\b(?:not|never|no|nobody)|n[’']t)(?:\s++(?:yet|publicly|openly|directly|explicitly|"
    r"once|always|ever|even|really|actually|specifically))?+\s*+$",
    re.IGNORECASE,
)


_PREPOSITION_BEFORE = re.compile(r"\b(?:by|of|for|from|with|to|at|in|on|under|against)\s*$")


def relative_subject(pre: str) -> SpeakerPhrase | None:
    """A subject that a restrictive relative clause ends (issue 19): "experts who [say]",
    "Jane Roe who has seen him [says]" gives "Jane Roe" (a description keeps its "who" clause;
    the resolution names it by the head). The head has a speaker noun, or is a person's
    name; never a pronoun or a negated clause. Used when no speaker ends the text.

    >>> relative_subject("Friends of the senator who have seen him").text
    'Friends of the senator who have seen him'
    """
    window = pre[-200:]
    for m in re.finditer(r"\s(?:who|that|whose)\b", window):
        tail = _RELATIVE_TAIL.match(window, m.start())
        if tail is None:
            continue
        clause = tail.group(1)
        if _NEGATION.search(clause) or _PASSIVE_OR_INFINITIVE.search(clause):
            continue  # "who never said", "who has been confirmed", "whose plan to announce"
        head = speaker_at_end(window[: m.start()], None)
        if head is None or head.kind == "pronoun" or head.end != len(window[: m.start()].rstrip()):
            continue
        noun = head_word(head.text).lower()
        nouns = speaker_nouns()
        known = noun in nouns or (noun.endswith("s") and noun[:-1] in nouns) or names_people(noun)
        who = window[m.start() :].split()[0] == "who"
        if head.kind == "name" and not who and _PREPOSITION_BEFORE.search(window[: head.start]):
            continue  # "The law signed by Tom Field that says": the law's relative clause
        kind = EntityIndex.classify(head.text) if head.kind == "name" else "description"
        kind = "the" if kind == "person" and head.definite else kind  # "The … Act that says"
        # a name: a person's; a body's or an unknown full name only before "who" ("Jane Roe who")
        named = (
            kind == "person" or who and (kind == "institution" or kind is None and " " in head.text)
        )
        share = head.kind == "description" and SHARE_OF_PEOPLE.fullmatch(" " + head.text)
        if not known and not named and not share:
            continue  # a description needs a speaker noun
        if head.kind == "name" and noun in nouns:
            head.kind = "description"  # "People who …": a noun capitalised at the start
        if head.kind == "description" and who:  # the mention keeps its "who" clause, not the name
            head.text = window[head.start :].rstrip()
            head.end = head.start + len(head.text)
        shift = len(pre) - len(window)
        head.start += shift
        head.end += shift
        return head
    return None


# A poll's participle after its respondents: "those surveyed", "voters polled", "Americans
# questioned" (issue 19, PolNeAR train); "those" alone, else a plural noun for people or a
# plural name before it.
_POLLED = re.compile(
    r"(?:(?:^|(?<=[\s(,;:]))([Tt]hose))?\s+(?:surveyed|polled|questioned|interviewed|sampled)$"
)


# A modal that is also a surname: alone before a cue, a name ("May" is a month: never a speaker).
_SURNAME_WORDS = frozenset({"Will"})


def _is_demonym(name: str) -> bool:
    known = gazetteer().get(name.lower())
    return bool(known and known["type"] == "demonym")


_SPEAKER_WINDOW = 160


def speaker_at_end(chunk: str, role: str | None) -> SpeakerPhrase | None:
    chunk = chunk.rstrip()
    if not chunk:
        return None
    if len(chunk) > _SPEAKER_WINDOW:
        # a speaker phrase is short: look only at the end (anchored searches stay linear)
        offset = len(chunk) - _SPEAKER_WINDOW + 1
        phrase = speaker_at_end(" " + chunk[offset:], role)  # the space stands for a boundary
        if phrase is not None:
            phrase.start += offset - 1
            phrase.end += offset - 1
        return phrase
    m = re.search(r"(?:^|[\s(“‘\"'–—,:;])(he|she|they|it|He|She|They|It)$", chunk)
    if m:
        return SpeakerPhrase(m.group(1), m.start(1), m.end(1), "pronoun", role)
    m = re.search(r",\s*(?:which|who)(?:[’'](?:s|ve|d))?$", chunk)  # "…, who’s"
    if m:
        return speaker_at_end(chunk[: m.start()], role)  # "the Foundation, which said"
    m = re.search(
        r"\b(?:[Oo]ne|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Mm]ost|[Aa]ll)\s+of\s+(them|those)$",
        chunk,
    )
    if m:
        return SpeakerPhrase(m.group(), m.start(), m.end(), "pronoun", role)  # "one of them"
    m = re.search(r"\b[Tt]he\s+(?:\d{1,3}-year-old|[a-z]++-of-[a-z0-9]++)$", chunk)
    if m:
        return SpeakerPhrase(m.group(), m.start(), m.end(), "pronoun", role)  # a person
    m = re.search(r",?\s+(?:Jr|Sr)\.?$|\s+(?:II|III|IV)$", chunk)
    if m:
        # "Donald Smith Jr.", "John Roe III" (issue 19): the suffix belongs to the name
        phrase = speaker_at_end(chunk[: m.start()], role)
        if phrase is not None and phrase.kind == "name" and phrase.end == m.start():
            phrase.text = chunk[phrase.start : len(chunk)]
            phrase.end = len(chunk)
        return phrase
    m = re.search(r"\s+and\s+(?:many\s+|several\s+|some\s+)?others$", chunk)
    if m:
        # "Jane Roe and others said" (issue 19): the one named speaks for the group
        phrase = speaker_at_end(chunk[: m.start()], role)
        if phrase is not None and phrase.kind == "name":
            return phrase
    m = SHARE_OF_PEOPLE.search(chunk)
    if (
        m
        and re.match(_QUANTIFIER_ONLY, m.group(1), re.IGNORECASE)
        and re.search(_PREPOSITION_AT_END, chunk[: m.start(1)])
    ):
        m = None  # "aides on both sides", "in some cases": a preposition's object
    if m and not share_of_people(m.group(1)):
        m = None  # "Several of the signs said": a share of things (review of issue 19)
    if m:
        # "46 percent said", "About three in 10 said", "a third of voters said": the share
        # of a poll's respondents (rule: a share of people as the speaker; kind anonymous)
        return SpeakerPhrase(m.group(1), m.start(1), m.end(1), "description", role)
    m = _POLLED.search(chunk)
    if m:
        # "those surveyed said", "Americans polled say" (issue 19): a poll's respondents
        head = speaker_at_end(chunk[: m.start()], role) if m.group(1) is None else None
        if m.group(1) is not None or (
            head is not None
            and head.kind != "pronoun"
            and names_people(head_word(head.text))
            or head is not None
            and head.kind == "name"
            and head.text.endswith("s")
        ):
            start = m.start(1) if m.group(1) is not None else head.start
            return SpeakerPhrase(chunk[start:], start, len(chunk), "description", role)
    m = NAME_AT_END.search(chunk)
    if m and m.group().strip():
        name = m.group().strip()
        start = chunk.rfind(name)
        first = name.split()[0]
        definite = first.lower() == "the" or bool(re.search(r"\bthe\s*$", chunk[:start], re.I))
        alone = name in _SURNAME_WORDS or _is_demonym(name)
        if alone and " " not in name and re.search(r"(?:^|[,;:])\s*$", chunk[:start]):
            # "Nevertheless, Cuban said", "In particular, Will wrote" (issue 19): a surname
            # that is also a demonym or a modal, alone after a clause boundary, is a name
            return SpeakerPhrase(name, start, start + len(name), "name", role)
        if (
            first.lower() in stopwords()
            and first.lower() not in {"us"}
            or first.lower() in SENTENCE_STARTERS
        ):
            name = name[len(first) :].strip()
            start += len(first) + 1
            if not name:
                return description_at_end(chunk)
        if EntityIndex.classify(name) == "place" and _is_demonym(name):
            return description_at_end(chunk)
        if len(name.split()) == 1 and is_title_word(name):
            # "the Chairman said": a capitalised title is a description of a person
            return SpeakerPhrase(
                f"the {name.lower()}", start, start + len(name), "description", role
            )
        desc = description_at_end(chunk)
        like = re.search(r"\s(?:like|such\s+as)\s", desc.text) if desc else None
        head = head_word(desc.text[: like.start()] if like else desc.text) if desc else ""
        if desc and desc.start < start and head not in name.lower().split():
            # "the Rovers manager" is a description; "the Kestrel Students' Union" a name;
            # "Critics like Jane Roe" the critics (issue 19)
            return SpeakerPhrase(desc.text, desc.start, desc.end, "description", role or desc.role)
        located = re.search(r"\b(?:in|of|from|at|near)\s+$", chunk[:start])
        if located and EntityIndex.classify(name) in ("place", None):
            # "The Crossgate Theatre in Cambridge said": the theatre speaks, not the city
            owner = speaker_at_end(chunk[: located.start()], role)
            if (
                owner is not None
                and owner.kind == "name"
                and EntityIndex.classify(owner.text) == "institution"
            ):
                return owner
        article = re.search(r"\bthe\s+$", chunk[:start], re.I)
        end = start + len(name)
        start = article.start() if article else start  # the span covers "the Treasury"
        title = role_near(chunk, start, end) if not article else None
        if title and chunk[:start].rstrip().endswith(title):
            # "co-founder and chief executive Lee Min-ho": the span covers the title too
            start = chunk[:start].rstrip().rfind(title)
            role = role or title
        return SpeakerPhrase(name, start, end, "name", role, definite)
    desc = description_at_end(chunk)
    if desc:
        desc.role = role or desc.role
    return desc


# The quantifiers of SHARE_OF_PEOPLE that issue 19 added (no number in them).
_PREPOSITION_AT_END = r"\b(?:on|in|of|at|from|for|by|with|among|to|between)\s*$"
_QUANTIFIER_ONLY = r"(?:majorities|some|several|others|(?:each|either)\s++side|both\s++sides)\b"
