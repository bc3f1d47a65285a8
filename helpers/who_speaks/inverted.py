"""Speaker phrases after an inverted cue, and the name and share patterns they read.

:func:`speaker_after` reads the speaker phrase at the start of the text after an inverted
cue ("…,” said Jane Okafor"; "…, said three people briefed on the meeting"), with an
apposition or a relative clause after it as its role; :func:`source_after` finds the source
of "according to" when it is a document or a poll ("according to new Crowdpac research").
:data:`NAME_AT_END` (a name ending a text) and :data:`SHARE_OF_PEOPLE` with
:func:`share_of_people` (a poll's share of respondents: "46 percent", "a third of voters")
are read here and by :func:`.speaker_phrases.speaker_at_end`; :mod:`.speaker_phrases`
re-exports the two functions, so ``from .speaker_phrases import speaker_after`` still works.

>>> speaker_after(" the central bank.").text
'the central bank'
>>> phrase = speaker_after(" said Jane Okafor, the minister."[5:])
>>> phrase.text, phrase.kind, phrase.role
('Jane Okafor', 'name', 'the minister')
>>> source_after(" his Facebook profile, which").text
'his Facebook profile'
"""

from __future__ import annotations

import re

from ..entities import EntityIndex
from ..names import DETERMINER, NAME_CONNECTOR, NAME_TOKEN, NOT_AFTER_TITLE, TITLE_BEFORE_NAME
from ..text import stopwords
from .descriptions import POST_MODIFIER, PRONOUNS, SpeakerPhrase, description_at_end
from .person_nouns import MUTE_THINGS, names_people

__all__ = [
    "NAME_AT_END",
    "SHARE_OF_PEOPLE",
    "share_of_people",
    "source_after",
    "speaker_after",
]

#: A name at the end of a text: "Jane Okafor", "Dr. Tom Reyes", "the Bank of England".
NAME_AT_END = re.compile(
    rf"{TITLE_BEFORE_NAME}{NAME_TOKEN}"
    rf"(?:\s+(?:(?:{NAME_CONNECTOR}|&)\s+(?:the\s+)?)?{NAME_TOKEN})*$"
)


#: A share of people as the subject of a verb of speech, as polls are reported: "46 percent",
#: "27 percent of those who named a candidate", "About three in 10", "a third of voters",
#: "most Republicans". The "of …" tail is at most eight words with no verb of speech. Issue 19
#: (PolNeAR train) adds a quantifier standing for people: "Some say", "Others say", "Many in
#: the crowd said", "Majorities in all five say", "Each side said".
SHARE_OF_PEOPLE = re.compile(
    r"(?:^|[\s(,;:])((?:(?:about|nearly|almost|roughly|only|just|some(?!\s++of\b)|more\s+than|less\s+than|"
    r"fewer\s+than|over|under)\s++)?+"
    r"(?:(?:\d++(?:\.\d++)?+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?+|ten|eleven|twelve|fifteen)"
    r"\s*+(?:percent|per\s+cent|%)|(?:\d++|one|two|three|four|five|six|"
    r"seven|eight|nine)\s++in\s++(?:\d++|two|three|four|five|six|seven|eight|nine|ten)|"
    r"(?:a|one|two)\s++(?:third|quarter|fifth|half)s?+|"
    r"half|(?:a\s++)?+majority|majorities|most|many|some|several|others|two-thirds|"
    r"all\s++but\s++(?:\d++|one|two|three|four|five|a\s++few|a\s++handful)|(?:a\s++)?+handful|"
    r"three-quarters|(?:each|either)\s++side|both\s++sides)"
    r"(?:\s++(?:of|in|among|at|from)\s++[\w’'\-]++(?:\s++[\w’'\-]++){0,7}+)?+)$",
    re.IGNORECASE,
)


# "of" and the head of the noun phrase after a share ("Several of the signs", "most of the
# people in the room"): its first word after a determiner, before any preposition.
_OF_HEAD = re.compile(
    r"\s++of\s++(?:(?:the|its|his|her|their|our|all|both)\s++)?+([\w’'\-]++)",
    re.IGNORECASE,
)


def share_of_people(share: str) -> bool:
    """A share whose "of" phrase may speak: "most of the delegates", "some of them", "half of
    the shops"; not "Several of the signs" (:data:`.person_nouns.MUTE_THINGS`, reviews of
    issue 19). A share with a number or no "of" phrase ("46 percent", "Many in the crowd")
    is kept.

    >>> share_of_people("most of the delegates"), share_of_people("Several of the signs")
    (True, False)
    """
    head = _OF_HEAD.search(share)
    if head is None or re.search(r"\d|percent|%|\bin\s", share[: head.start()]):
        return True
    word = head.group(1)
    return word[:1].isupper() or names_people(word) or word.lower() not in MUTE_THINGS


def speaker_after(post: str) -> SpeakerPhrase | None:
    """The speaker phrase that starts ``post`` (the text after an inverted cue)."""
    lead = len(post) - len(post.lstrip())
    body = post[lead:]
    m = re.match(r"(he|she|they|it)\b", body, re.IGNORECASE)
    if m:
        return SpeakerPhrase(m.group(1), lead, lead + m.end(1), "pronoun")
    # a described group with its post-modifier: "three people briefed on the meeting"
    whole = re.match(r"[^,;:!?()–—.]{3,90}", body)
    if whole and whole.group()[:1].islower():
        desc = description_at_end(whole.group().rstrip())
        if desc is not None and desc.start == 0 and POST_MODIFIER.search(desc.text):
            return SpeakerPhrase(desc.text, lead, lead + len(desc.text), "description")
    # stop at a comma, full stop, or a word that starts an adverbial or a new clause
    m = re.match(
        rf"(.+?)(?=\s*(?:[,;:!?()–—]|{NOT_AFTER_TITLE}\.|$|\s(?:on|in|at|after|during|when|as|"
        r"who|while|before|because|that|adding|told|last|this|earlier|later|yesterday|today)\b))",
        body,
    )
    if not m:
        return None
    phrase = m.group(1).strip()
    if not phrase or len(phrase.split()) > 9:
        return None
    role = None
    rest = body[m.end() :]
    app = re.match(r"\s*,\s*((?:the|a|an|who|whose|[A-Z][\w’'\-]*’s?)\b[^,.;]{0,120})", rest)
    if app:
        role = app.group(1).strip()
    relative = re.match(r"\s+((?:who|whose)\b[^,.;:!?()]{1,160})", rest)
    if relative:
        # "…, said a handful of Democrats who point to his ties": the relative clause
        # describes the speaker, it reports nothing (issue 19)
        role = relative.group(1).strip()
    share = SHARE_OF_PEOPLE.fullmatch(" " + phrase)
    if share and share_of_people(phrase) and not re.match(r"(?:some|many|most)\b", phrase, re.I):
        return SpeakerPhrase(phrase, lead, lead + len(phrase), "description", role)
    name = NAME_AT_END.search(phrase)
    if name and (EntityIndex.classify(name.group()) or len(phrase.split()) <= 2):
        prefix = phrase[: name.start()].strip()
        if prefix and not re.fullmatch(DETERMINER, prefix, re.IGNORECASE):
            role = role or re.sub(rf"^{DETERMINER}\s+", "", prefix, flags=re.IGNORECASE)
        return SpeakerPhrase(name.group(), lead + name.start(), lead + name.end(), "name", role)
    desc = description_at_end(phrase)
    named = re.match(r"\s*,\s*([^,.;:!?()–—]{2,60}?)\s*(?:[,.;:!?()–—]|$)", rest)
    if (
        desc
        and named
        and not desc.text[:1].isupper()
        and NAME_AT_END.fullmatch(named.group(1))
        and len(named.group(1).split()) >= 2
    ):
        # "…, said the firm's chief, Jane Roe": the name in apposition is the speaker, the
        # description her role (review of session 25)
        start = lead + m.end() + named.start(1)
        return SpeakerPhrase(
            named.group(1), start, named.end(1) + lead + m.end(), "name", desc.text
        )
    if desc:
        return SpeakerPhrase(desc.text, lead + desc.start, lead + desc.end, "description", role)
    return None


# The source of "according to" when no person or institution is named: a document, a poll,
# a data set ("according to his Facebook profile", "according to new Crowdpac research").
# Up to ten words, stopping where an adverbial or a new clause starts (rule "'according to'
# attribution", speaker kind ``anonymous``).
_SOURCE_AFTER = re.compile(
    r"\s*+((?:(?:the|a|an|his|her|its|their|our|new|recent|latest|early|preliminary)\s++)?+"
    r"[\w’'\-.&]++(?:\s++(?!(?:on|in|at|after|during|when|as|who|which|while|before|because|that|"
    r"and|but|last|this|earlier|later|since|to|by|with)\b)[\w’'\-.&]++){0,9}+)"
)


def source_after(post: str) -> SpeakerPhrase | None:
    """A source after "according to" that is no speaker: the noun phrase up to a comma."""
    m = _SOURCE_AFTER.match(post)
    if m is None or not any(ch.isalpha() for ch in m.group(1)):
        return None
    text = m.group(1).rstrip(".")
    if text.lower() in PRONOUNS or text.lower() in stopwords():
        return None
    return SpeakerPhrase(text, m.start(1), m.start(1) + len(text), "description")
