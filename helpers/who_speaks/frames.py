"""Reporting frames: "X called him divisive", "X described it as Y", "what X calls Y".

The object and complement after a frame verb ("call", "describe"; ``clauses.FRAMES``) are
the speaker's words (PARC 3.0, PolNeAR). Moved out of :mod:`.clauses` (session 25), which
keeps ``FRAMES``; the session-25 additions: an object with "and" or a relative clause before a
quoted complement ("called both X and Y “crazy”"), a longer complement that opens with a
determiner ("called him a political opportunist who …"), a one-word adjective complement
("called the actions lawful"), "this"/"that" as the object ("calls this a false narrative").

>>> from .cues import find_cues
>>> ms = "She called him divisive."
>>> a, b = frame_span(ms, find_cues(ms)[0], "call")
>>> ms[a:b]
'him divisive'
"""

from __future__ import annotations

import re

from ..lexicons import speaker_nouns
from ..names import NAME_TOKEN
from ..text import stopwords
from .clauses import FINITE
from .cues import TIME_NOUNS, TIME_WORDS, Cue, find_cues

__all__ = ["frame_span", "relative_frame_span"]

_FRAME_OBJECT = re.compile(
    r"\s++((?:him|her|them|it|himself|herself|themselves|me|us|you)\b"
    # "calls this a false narrative" (session 25)
    r"|(?:this|that)(?=\s++(?:a|an)\s)"
    r"|(?:the|his|her|their|its|this|that|these|those)\s++[\w’'\-]++(?:\s++[a-z][\w’'\-]*+){0,3}?"
    r"(?=\s++(?:a|an|as|nothing|something|▒|[“\"]))"
    rf"|{NAME_TOKEN}(?:\s++{NAME_TOKEN}){{0,3}}+(?:[’']s?+)?+)"
)
# After "called": particles and prepositions of its other senses ("called for", "called off")
_NOT_CALL_OBJECT = frozenset(
    """for on upon in into off out up back to at by from with about over around forth it's
    attention""".split()
)
_NOT_COMPLEMENT = re.compile(
    rf"(?:{TIME_WORDS}|{TIME_NOUNS}|on|in|at|to|for|from|with|by|about|after|before|back|"
    r"out|up|off|over|and|or|but|that|who|which|last|this|next|because|when|while|if|as|"
    r"so|soon|well|long|much|far|twice|again|quits|names|home)\b",
    re.IGNORECASE,
)


def frame_span(ms: str, cue: Cue, lemma: str) -> tuple[int, int] | None:
    """The object and complement after a frame verb, as offsets in the masked sentence
    ``ms`` (quoted words are masked with ▒): ``called [him divisive]``."""
    span = _frame_span(ms, cue, lemma)
    return _long_describe_span(ms, cue) if span is None and lemma == "describe" else span


#: "described [the imbalance in the race to date as “…”]", "described [a day at home with
#: his family, as the perfect day off]" (session 25): an object of up to 12 words (one comma
#: at most, no verb or cue) before "as", and the complement to the clause's end.
_DESCRIBE_AS = re.compile(r"\s++([^.;:!?▒“”\"]{1,120}?),?\s++as\s++(?=\S)")


_NOT_AS_COMPLEMENT = re.compile(r"(?:soon|well|long|much|if|though|far|of|for|to|in)\b")


def _long_describe_span(ms: str, cue: Cue) -> tuple[int, int] | None:
    rest = ms[cue.end() :]
    m = _DESCRIBE_AS.match(rest)
    if m is None:
        return None
    obj = m.group(1)
    words = obj.lower().split()
    if not 1 <= len(words) <= 12 or obj.count(",") > 1 or words[0] in _NOT_CALL_OBJECT:
        return None
    if FINITE.search(obj) or find_cues(obj) or re.search(r"\b(?:to|and|but|that)\s", obj):
        return None
    stop = re.search(r"[.;:!?]|,\s|\s[–—]\s", rest[m.end() :])
    end = m.end() + (stop.start() if stop else len(rest[m.end() :].rstrip()))
    if re.match(r"▒", rest[m.end() :]):  # a quoted complement runs to its closing mark
        q = _QUOTED_RUN.match(rest, m.end())
        end = max(end, q.end()) if q else end
    complement = rest[m.end() : end].strip()
    if not complement or len(complement.split()) > 25:
        return None
    if complement[:1] != "▒" and (
        FINITE.search(complement) or _NOT_AS_COMPLEMENT.match(complement)
    ):
        return None  # "described the crash, as police arrived": "as" opens a clause
    return cue.end() + m.start(1), cue.end() + end


def _frame_span(ms: str, cue: Cue, lemma: str) -> tuple[int, int] | None:
    rest = ms[cue.end() :]
    stop = re.search(r"[.;:!?]|,\s|\s[–—]\s|\s(?:and|but|while|after|before|because)\s", rest)
    clause_end = stop.start() if stop else len(rest.rstrip())
    m = _FRAME_OBJECT.match(rest)
    if m is None and lemma == "call":
        adjective = _ADJECTIVE_FRAME.fullmatch(rest[:clause_end])
        words = adjective.group(1).lower().split() if adjective else []
        if (
            adjective
            and words[-2] not in stopwords()  # "called the dispatcher at the hospital"
            # a person noun ends a compound: "called the union representative" (review)
            and words[-1] not in speaker_nouns()
            and not (FINITE.search(adjective.group(1)) or find_cues(adjective.group(1)))
        ):
            return cue.end() + adjective.start(1), cue.end() + clause_end
    if m is None or m.end() >= clause_end:
        return _quoted_frame_span(rest, cue, lemma)
    first = rest[m.start(1) :].split(None, 1)[0].lower()
    if first in _NOT_CALL_OBJECT or first in stopwords() and m.group(1)[:1].isupper():
        return None
    after = rest[m.end() : clause_end]
    complement = after.strip()
    if lemma == "describe":
        if not re.match(r"as\s", complement):
            return None
        complement = complement[3:].strip()
    if not complement or _NOT_COMPLEMENT.match(complement) or len(complement.split()) > 25:
        return None
    # a noun phrase may run longer: "called him a political opportunist who …" (session 25)
    longest = 15 if re.match(r"(?:a|an|nothing|something)\s", complement) else 6
    if lemma == "call" and not (complement[:1] in '▒“"' or len(complement.split()) <= longest):
        # "called him a liar", not "called him to say the meeting was off"
        return _quoted_frame_span(rest, cue, lemma)
    return cue.end() + m.start(1), cue.end() + clause_end


def _quoted_frame_span(rest: str, cue: Cue, lemma: str) -> tuple[int, int] | None:
    """ "called [the 12-nation pact “insanity,”]", "called [him a “clown”]" (issue 19): an
    object of up to ten words (no verb, cue or comma) before a quotation, to its end."""
    stop = re.search(r"[.;:!?]|\s[–—]\s", rest)
    q = _QUOTED_RUN.search(rest, 0, stop.start() if stop else len(rest))
    obj = rest[: q.start()].strip() if q else ""
    words = obj.lower().split()
    if not 1 <= len(words) <= 10 or words[0] in _NOT_CALL_OBJECT | {"to", "for", "on"}:
        return None
    if lemma == "describe" and not re.search(r"\bas(?:\s++(?:a|an|the))?$", obj):
        return None
    verb = FINITE.search(obj)
    if verb and not re.search(r"\b(?:that|who|which)\s", obj[: verb.start()], re.IGNORECASE):
        return None  # a verb only inside a relative clause: "the assault that killed five"
    if find_cues(obj) or _NOT_AN_OBJECT.search(obj):
        return None
    return cue.end() + len(rest) - len(rest.lstrip()), cue.end() + q.end()


_QUOTED_RUN = re.compile(r"[“\"‘']*+▒++[”\"’']*+")
#: Session 25: "and" ("called both X and Y “crazy”") and a relative pronoun ("the assault that
#: killed five officers “an attack”") may stand in the object; "to" and "but" may not.
_NOT_AN_OBJECT = re.compile(r"[,;]|\b(?:to|but)\b", re.IGNORECASE)
#: "called the actions lawful" (session 25): a determiner's object of up to six words and a
#: one-word complement at the clause's end with an adjective's ending ("-ful", "-ous", "-al",
#: "-ic", "-ive", "-able", "-ent", "-ist" …), never a noun or adverb ("called the council
#: chamber", "called the hospital repeatedly", "called the police yesterday") nor a speaker
#: noun ending a compound ("called the union representative", "the party official").
_ADJECTIVE_FRAME = re.compile(
    r"\s++((?:the|his|her|their|its|these|those)\s++[\w’'\-]++(?:\s++[\w’'\-]++){0,5}?\s++"
    r"[a-z][a-z\-]{2,}+(?:(?<=ful)|(?<=ous)|(?<=al)|(?<=ic)|(?<=ive)|(?<=able)|(?<=ible)|"
    r"(?<=ent)|(?<=ant)|(?<=ary)|(?<=ist)|(?<=less)|(?<=ile)|(?<=ate)|(?<=id)|(?<=ish)))\s*+"
)


def relative_frame_span(
    ms: str, cue: Cue, lemma: str, speaker_start: int
) -> tuple[int, int] | None:
    """The complement of a frame verb whose object is a relative pronoun before its speaker
    (issue 19): "what Jane Roe calls [the new normal]", "which critics called [“a disgrace”]",
    "whom she described as [a friend]"; offsets in the masked sentence ``ms``."""
    if not re.search(r"\b(?:what|which|whom|who)\s++$", ms[:speaker_start], re.I):
        return None  # not "that": "demanded that the department call a special counsel"
    rest = ms[cue.end() :]
    stop = re.search(r"[.;:!?–—]|,\s|\s(?:and|but|while|after|before|because)\s", rest)
    clause_end = stop.start() if stop else len(rest.rstrip())
    complement = rest[:clause_end]
    lead = len(complement) - len(complement.lstrip())
    complement = complement.strip()
    if lemma == "describe":
        if not re.match(r"as\s", complement):
            return None
        lead += 3
        complement = complement[3:].strip()
    quoted = re.match(r"[“\"'‘«„]*+▒++[”\"'’»“]*+", complement)
    if quoted:  # "which critics called “a disgrace,” was …": the quotation alone
        complement = complement[: quoted.end()]
    elif FINITE.search(complement) or len(complement.split()) > 6 or "▒" in complement:
        # "the bill which critics called anti-business passed": a verb follows; "what the
        # ministry calls its “brutal but fair” reform": the quoted label is read as loaded
        # language (helpers/loaded.py), not as this frame's words
        return None
    if not complement or _NOT_COMPLEMENT.match(complement):
        return None
    first = complement.split(None, 1)[0].lower()
    if first in _NOT_CALL_OBJECT or (
        lemma == "call"
        and first in stopwords()
        and first not in ("a", "an", "the", "his", "her", "their", "its", "our", "my")
        and complement[:1] not in '▒“"'
    ):
        return None
    start = cue.end() + lead + (len(rest[lead:]) - len(rest[lead:].lstrip()))
    return start, start + len(complement)
