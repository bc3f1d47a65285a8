"""Descriptions: a speaker phrase headed by a speaker noun, and the phrase record itself.

A description is a noun phrase whose head is a noun of ``data/lexicons/speaker_nouns.csv``
("the minister", "a senior official", "US officials", "people familiar with the talks", "the
lawsuit"), with its modifiers before the head and a short post-modifier after it.
:func:`description_at_end` finds one at the end of the text before a cue, extending left
over modifiers ("elected officials", "the newly elected officials") and stopping at a verb
form whose object the description is ("Jane Roe sharply rebuked critics", ", echoing
security experts"); the other speaker phrases (names, pronouns, shares of people) are read
in :mod:`.speaker_phrases`, which re-exports what is defined here (with :data:`PRONOUNS`).

>>> description_at_end("Prices rose, a spokesperson for the company").text
'a spokesperson for the company'
>>> description_at_end("A court document filed Thursday").text
'A court document'
>>> description_at_end("Jane Roe sharply rebuked critics").text
'critics'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..entities import head_word
from ..lexicons import lexicon_cache, reporting_verbs, speaker_nouns
from ..names import DETERMINER, NOT_MODIFIERS, SENTENCE_STARTERS
from ..text import stopwords
from .person_nouns import names_people, person_plural

__all__ = [
    "POST_MODIFIER",
    "PRONOUNS",
    "SpeakerPhrase",
    "description_at_end",
    "is_ly_adverb",
    "text_nouns",
    "written_sources",
]


#: The pronouns a speaker phrase may be, with what each can refer to (see :mod:`.resolution`).
PRONOUNS = {
    "he": "male", "she": "female", "they": "plural", "it": "neuter", "person": "person",
}  # fmt: skip


@dataclass
class SpeakerPhrase:
    text: str
    start: int  # offsets within the sentence
    end: int
    kind: str  # name | pronoun | description
    role: str | None = None
    definite: bool = False  # "the Treasury": a name with an article is not a person
    borrowed: bool = False  # the subject of an earlier verb: ", adding that", "and said"
    across_auxiliary: bool = False  # found across "has", "had", "at the time", "repeatedly"


# A written source's participle ("A court document filed Thursday says"; issue 19): only after
# a text (kind ``document`` or ``written`` in speaker_nouns.csv), never a person or a body
# ("Authorities released incident reports").
_DOCUMENT_PARTICIPLE = re.compile(
    r"\s+(?:filed|released|published|issued|obtained|seen|reviewed|sent|posted|signed|dated|"
    r"submitted|unsealed|leaked)(?:\s+[\w’'\-]+){0,4}$"
)


@lexicon_cache
def written_sources() -> frozenset[str]:
    """The nouns of kind ``written`` in ``speaker_nouns.csv``, singular and plural: a text
    that speaks for its author when the phrase names one ("Jane Roe's lawsuit says"), else
    for nobody in particular ("the lawsuit says"; issue 19).

    >>> sorted(written_sources() & {"lawsuit", "email", "minister"})
    ['email', 'lawsuit']
    """
    return frozenset(noun for noun, info in speaker_nouns().items() if info["kind"] == "written")


@lexicon_cache
def text_nouns() -> frozenset[str]:
    """The singular nouns of the texts of ``speaker_nouns.csv`` (kinds ``document`` and
    ``written``): what a subject may issue before a participle cue ("issued a statement
    saying", "filed a lawsuit saying"; :mod:`.attributor`).

    >>> sorted(text_nouns() & {"statement", "lawsuit", "lawsuits", "minister"})
    ['lawsuit', 'statement']
    """
    return frozenset(
        noun
        for noun, info in speaker_nouns().items()
        if info["kind"] in ("document", "written") and info["number"] == "singular"
    )


#: A short post-modifier after a speaker noun: "a spokesperson for the company", "people
#: familiar with the matter", "sources privy to the talks", "critics like Jane Roe" (the head
#: noun stands before it).
POST_MODIFIER = re.compile(
    r"\s+(?:familiar\s+with|close\s+to|to|for|at|in|from|of|with\s+knowledge\s+of|on|inside|"
    r"within|with|involved\s+in|briefed\s+on|privy\s+to|like|such\s+as)\s+(?P<tail>(?:[\w’'\-]+\s+){0,4}"
    # ends in a content word, never a relative pronoun ("a key email in 2014 that")
    r"(?!(?:and|or|but|the|a|an|to|of|in|for|that|who|which|whose)$)[\w’'\-]+)$"
)


def _reports(word: str) -> bool:
    """``word`` is a form of a verb of speech: a verb of belief (*think*, *fear*, *hope*) is
    also a noun or a name's word ("a think tank", "Fear Free Cities"), and a speaker phrase
    may hold it."""
    verb = reporting_verbs().get(word.lower())
    return verb is not None and verb.connotation != "belief"


_NOUN_AFTER = frozenset(
    "of the a an his her its their for on in two three four five six all both many some".split()
)


# A plural noun for people that speaker_nouns.csv does not list (:mod:`.person_nouns`): an
# anonymous group, as "officials" is.
_PEOPLE = {"kind": "anonymous", "gender": "", "generic": "", "number": "plural"}


# Before a group named by an unlisted plural noun (:mod:`.person_nouns`): a clause boundary
# or its determiner. Any other word may be a verb the phrase has run over ("… uses data to
# help brands find suppliers, said"; issue 19).
_GROUP_OPENS = re.compile(
    rf"(?:^|[,;:(“\"‘–—]|\b(?:and|but|or|so|yet|while|as|because|although|though|if|when|"
    rf"that|where|{DETERMINER}|these|those|all|most|both|few|more|other|such))\s*+$",
    re.IGNORECASE,
)


def _unlisted_group_stands_alone(chunk: str, start: int, head_end: int) -> bool:
    """A group named by an unlisted plural noun ("hacking specialists", "respondents") is a
    speaker only when a clause boundary or a determiner opens it and nothing but
    punctuation follows its head ("global headline writers (“…”" is no speaker phrase)."""
    if chunk[head_end:].strip(" ,"):
        return False
    return _GROUP_OPENS.search(chunk[:start]) is not None or bool(
        re.match(rf"{DETERMINER}\s", chunk[start:], re.IGNORECASE)
    )


def _capitalised(*words: re.Match) -> bool:
    return all(w.group()[:1].isupper() for w in words)


def _bare_text_noun(info: dict[str, str], text: str, before: str) -> bool:
    """A singular text noun (kind ``written`` or ``document``) with no determiner, no
    possessive and no name before it: a mass or abstract use ("Public opinion says"), not a
    text that speaks ("the opinion says", "Jane Roe's lawsuit says", "like this document
    says", "An earlier report in a paper said", "the Suffolk poll said"; review of issue
    19). A capital on the first word of a sentence names nothing."""
    if info["kind"] not in ("written", "document") or info["number"] != "singular":
        return False
    if re.match(rf"{_TEXT_DETERMINER}\s", text, re.IGNORECASE) or re.search(r"\w[’']s\s", text):
        return False
    if re.search(rf"\b{_TEXT_DETERMINER}(?:\s++[\w’'\-]++){{0,2}}\s*+$", before, re.IGNORECASE):
        return False
    capitals = [w for w in text.split()[:-1] if w[:1].isupper()]
    return not capitals or capitals == text.split()[:1] and not before.strip()


_TEXT_DETERMINER = rf"(?:{DETERMINER}|this|that|each|every|another|no|our|my|your)"


# The left edge of a description is a verb's object, not its modifier, at a verb form
# (rule of thumb after Quirk et al. 1985, 7.15-7.17 and 17.97-17.104 on participial
# adjectives and clauses): an -ed/-ing word is an adjective after a determiner, a number, a
# clause boundary ("Retired generals say") or an adjective ("local elected officials"), and a
# verb after a subject: a pronoun, a person's name, a speaker noun ("the company hired
# consultants"), or a participle clause after a comma (", echoing security experts"). An -ly
# adverb between them is skipped ("Jane Roe sharply rebuked critics", "the newly elected").
_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|ing)")
_SUBJECT_PRONOUNS = frozenset("he she they it we i who which".split())
# A capitalised word with an adjective's suffix is a modifier, not a name: "Democratic",
# "Republican", "British", "Chinese", "Federal", "Local" (Quirk et al. 1985, App. I.37-52).
_ADJECTIVE_SUFFIX = re.compile(r"[A-Za-z]+(?:ic|al|an|ish|ese|ive|ous|ary|ern)")


# Words in -ly that are nouns or names, not adverbs.
_LY_NOUNS = frozenset("family ally italy july rally assembly supply bully tally lily emily".split())


def is_ly_adverb(word: str) -> bool:
    """``word`` is an adverb in -ly ("repeatedly", "Newly"): a word of five letters or more,
    lower case after its first letter, that is no noun in -ly nor a speaker noun ("family",
    "ally"; rule of thumb after Quirk et al. 1985 on adverb position).

    >>> is_ly_adverb("sharply"), is_ly_adverb("Newly"), is_ly_adverb("ally")
    (True, True, False)
    """
    lower = word.lower()
    return (
        lower.endswith("ly")
        and len(word) > 4
        and word.isalpha()
        and word[1:].islower()
        and lower not in _LY_NOUNS
        and not names_people(lower)
        and lower not in speaker_nouns()
    )


def _verb_before_object(chunk: str, words: list[re.Match], j: int) -> bool:
    """``words[j]`` is an -ed/-ing verb form whose object the description is: "…, echoing
    security experts", "Jane Roe sharply rebuked critics", "he praised teachers"; not an
    adjective before the noun ("elected officials", "the unnamed sources", "leading
    economists", "Retired officers")."""
    token = words[j].group()
    if not _PARTICIPLE.fullmatch(token):
        return False
    k = j - 1
    if (
        k >= 0
        and chunk[words[k].end() : words[j].start()].strip() == ""
        and is_ly_adverb(words[k].group())
    ):
        k -= 1  # an adverb: "sharply rebuked", "newly elected"
    gap = chunk[words[k].end() : words[k + 1].start()] if k >= 0 else ""
    if k < 0 or gap.strip():
        # a clause boundary: a participle clause after a comma, else an adjective
        return k >= 0 and k == j - 1 and gap.strip() == "," and token.endswith("ing")
    left = words[k].group()
    lower = left.lower()
    if lower in _SUBJECT_PRONOUNS:
        return True  # "they angered lawmakers"
    if lower in stopwords() or re.fullmatch(DETERMINER, lower) or not left[:1].isalpha():
        return False  # "the unnamed sources", "many leading economists", "three retired"
    if left[:1].isupper():
        # a name before a finite verb ("Jane Roe rebuked critics"); not an acronym, an
        # adjective ("Democratic elected officials") or a noun before a gerund ("NHS nursing")
        return (
            token.endswith("ed")
            and not left.isupper()
            and _ADJECTIVE_SUFFIX.fullmatch(left) is None
            and lower not in speaker_nouns()
        )
    return token.endswith("ed") and names_people(lower)  # "the company hired consultants"


def description_at_end(chunk: str) -> SpeakerPhrase | None:
    """``the minister``, ``a senior official``, ``US officials``, ``people familiar with …``."""
    nouns = speaker_nouns()
    m = _DOCUMENT_PARTICIPLE.search(chunk)
    if m:
        # "A court document filed Thursday says" (issue 19)
        desc = description_at_end(chunk[: m.start()])
        head = head_word(desc.text).lower() if desc is not None else ""
        if nouns.get(head, {}).get("kind") in ("document", "written"):
            return desc
    words = list(re.finditer(r"[\w’'\-\.]+", chunk))
    if not words:
        return None
    # The head noun is the word before a short post-modifier ("a spokesperson for the
    # company", "people familiar with the matter"), else the last word.
    heads = [len(words) - 1]
    post = POST_MODIFIER.search(chunk)
    tail = post.group("tail").split() if post else []
    before_tail = [chunk[post.start() : post.start("tail")].split()[-1].lower()] if post else []
    if post and any(
        _reports(w)
        for w, prev in zip(tail, before_tail + tail, strict=False)
        if not w[:1].isupper() and prev.lower() not in _NOUN_AFTER
    ):
        # "… Health said in a": a post-modifier never contains the verb (a capitalised word
        # is a name's: "critics in the United States"; a word after a determiner or "of" a
        # noun: "the secretary of state", issue 19)
        post = None
    if post:
        before = [i for i, w in enumerate(words) if w.end() <= post.start()]
        if before:
            heads.insert(0, before[-1])
    for h in heads:
        head = words[h]
        info = nouns.get(head.group().lower())
        if not info and head.group().islower() and person_plural(head.group()):
            info = _PEOPLE  # "hacking specialists say", "respondents said" (issue 19)
        if not info:
            continue
        i, object_of_verb = h, False
        # extend left over modifiers: adjectives, capitalised names, a determiner
        while i > 0:
            prev = words[i - 1]
            gap = chunk[prev.end() : words[i].start()]
            if gap.strip() not in ("", "-"):
                break
            token = prev.group()
            if re.fullmatch(DETERMINER, token, re.IGNORECASE):
                i -= 1
                break
            if token == "and" and i >= 2 and words[i - 2].group().lower() in nouns:
                i -= 1  # "her advisers and allies" (issue 19): two speaker nouns coordinated
                continue
            if token == "and" and i >= 2 and i < h and _capitalised(words[i], words[i - 2]):
                i -= 1  # "Harbour Board and Port Authority spokesmen": names as modifiers
                continue
            if not token[:1].isupper() and token.lower() in stopwords():
                break
            if token.lower() in SENTENCE_STARTERS or token.lower() in NOT_MODIFIERS:
                break
            if _reports(token):
                break
            if _verb_before_object(chunk, words, i - 1):
                object_of_verb = True  # "echoing security experts", "X sharply rebuked critics"
                break
            i -= 1
            if i <= h - 5:
                break
        start = words[i].start()
        quantifier = re.search(
            r"\b(?:[Oo]ne|[Ss]ome|[Tt]wo|[Tt]hree|[Mm]any|[Mm]ost|[Ee]ach)\s+of\s+$", chunk[:start]
        )
        start = quantifier.start() if quantifier else start  # "one of the people"
        text = chunk[start:].strip()
        if h != len(words) - 1 and not post:
            continue
        if _bare_text_noun(info, text, chunk[:start]):
            return None  # "Public opinion says": a text speaks only as "the/a/X's opinion"
        opened = object_of_verb and not chunk[head.end() :].strip(" ,")  # "hired consultants"
        if (
            info is _PEOPLE
            and not opened
            and not _unlisted_group_stands_alone(chunk, start, head.end())
        ):
            return None
        return SpeakerPhrase(text, start, start + len(text), "description")
    return None
