"""Cues: the words that mark speech, and the adverbials that stand around them.

A *cue* is a reporting verb from ``data/lexicons/reporting_verbs.csv`` (``said``,
``warned``, ``told``) or one of the attribution phrases in ``PHRASE_CUES`` (``according
to``); it links a speaker to what was said (Pareti 2016, PARC 3.0). Cues are looked for in
a sentence whose quoted words are masked (:func:`helpers.quotemarks.mask_quotes`), so a
verb inside a quotation is never a cue. The verbs of belief of that file (connotation
``belief``: "believes", "thinks", "hopes"; issue 19) are cues too, read more strictly
(:mod:`.cue_speaker`): PolNeAR and the Gender Gap Tracker count them. ``ADVERBIAL``
lists what may stand between a cue and its content ("said on Wednesday in a statement
that …").

>>> [c.group() for c in find_cues("Prices will rise, the ministry said on Wednesday.")]
['said']
>>> only_adverbials("on Wednesday in a statement")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicons import lexicon_cache, reporting_verbs
from ..names import DAYS, MONTHS
from ..phrases import PhraseIndex

__all__ = [
    "ADVERBIAL",
    "NOT_CONTINUATION",
    "NOT_CONTINUING_ACCORDING",
    "SUBORDINATE_LEAD",
    "SUBORDINATE_TAIL",
    "TRAILING_PHRASE",
    "DAY_PART",
    "PHRASE_CUES",
    "TIME_NOUNS",
    "TIME_WORDS",
    "Cue",
    "cue_index",
    "find_cues",
    "only_adverbials",
]

# Phrases that attribute without a verb. "per" is common in American wire copy.
PHRASE_CUES = ("according to", "in the words of", "per")
TIME_WORDS = (
    r"(?:yesterday|today|tonight|earlier|later|previously|recently|also|only|then|again|once|"
    r"repeatedly|publicly|privately|separately|first|initially|however|too|simply|flatly|"
    r"bluntly|firmly|quickly|now|still)"
)
TIME_NOUNS = (
    r"(?:week|month|year|night|morning|afternoon|evening|weekend|summer|winter|spring|autumn|"
    r"fall|time|season|" + "|".join(MONTHS + DAYS) + ")"
)
#: A day of the week, with an optional part of it: "Monday", "Tuesday night".
DAY_PART = rf"(?:{'|'.join(DAYS)})(?:\s+(?:night|morning|afternoon|evening))?"
# Adverbials that may stand between a speaker and the cue, or between the cue and content.
ADVERBIAL = re.compile(
    rf"""^(?:
        ,?\s*{TIME_WORDS}\b
      | ,?\s*(?:last|this|next|earlier\s+this|late\s+last|early\s+this)\s+{TIME_NOUNS}\b
      | ,?\s*on\s+(?:{TIME_NOUNS}|the\s+phone|television|radio|social\s+media|twitter|x|facebook|
            instagram|tiktok|youtube|linkedin|threads|bluesky|telegram|weibo|air)\b
      | ,?\s*in\s+(?:a|an|the|its|his|her|their)\s+(?:\w+\s+){{0,2}}?(?:statement|report|interview|
            press\s+conference|briefing|letter|memo|post|email|e-mail|speech|filing|
            court\s+filing|submission|blog\s+post|video|tweet|note|message|release|address|
            bulletin|newsletter|update|notice|ruling|judgment|judgement|affidavit|podcast)\b
            (?:\s+to\s+(?:clients|investors|staff|employees|members|customers|shareholders|supporters))?
            (?:\s+(?:published|released|issued|posted|filed|sent|(?:seen|reviewed|obtained)\s+by\s+\w+)
               (?:\s+(?:on|in|last|this|earlier)\s+[\w\-]+)?)?
      | ,?\s*on\s+(?:a|an|the)\s+(?:\w+\s+){{0,2}}?(?:call|conference\s+call|programme|program|
            show|podcast|website|blog|visit|tour)\b
      | ,?\s*(?:to|told)\s+(?:reporters|journalists)\b
      | ,?\s*outside\s+(?:court|the\s+court|parliament)\b
      | ,?\s*in\s+{TIME_NOUNS}\b
      | ,?\s*{DAY_PART}\b
      | ,?\s*at\s+(?:a|an|the)\s+(?:\w+\s+){{0,2}}?(?:press\s+conference|briefing|meeting|rally|
            hearing|news\s+conference|event|summit|ceremony)\b
      | ,?\s*(?:on|in)\s+(?:\w+\s+)?(?:\d{{1,2}}|\d{{4}})\b
      | ,?\s*(?:a|two|three|several)\s+(?:days?|weeks?|months?|years?)\s+ago\b
      | ,?\s*for\s+(?:years|months|weeks|decades|days|some\s+time|a\s+long\s+time)\b
      | ,?\s*(?:at\s+the\s+time|on\s+the\s+record|on\s+camera|in\s+the\s+past|in\s+private|
            in\s+public|in\s+recent\s+(?:days|weeks|months|years)|in\s+[’']\d\d)\b
      | \s*of\s+(?:[\w’'.\-]++\s*+){{1,6}}+(?=,\s*[“"]) # "said of the senator, “…”"
      | ,?\s*(?:on|with)\s+(?-i:(?:the\s+)?[A-Z][\w’'&.\-]*+(?:\s+[A-Z][\w’'&.\-]*+){{0,4}}+)
            (?=\s*(?:,|that\b|:|[“"]|(?-i:[a-z])))
    )""",
    re.VERBOSE | re.IGNORECASE,
)


#: What may open the words after a mid-sentence attribution that are no continuation of the
#: clause before it: a prepositional phrase ("…, she said, on condition of anonymity").
NOT_CONTINUATION = re.compile(
    r"(?:on|in|at|during|after|before|from|with|by|for|without|under|while|when|as|according|"
    r"which|who|where|though|although|whereas|yet|so|all|even|shortly|just|soon|long)\b"
    r"|[A-Z“”\"▒]",
)


#: A phrase after the cue that closes an attribution (issue 19): "…, X said in a video message
#: to the convention", "… after meeting aides", "… on condition of anonymity"; "of"/"about"
#: only after "said" ("…,” Jane Roe said of the senator).
TRAILING_PHRASE = re.compile(
    r"\s*,?\s*(?:(of|about)|in|on|at(?!\s++(?:least|most)\b)|during|after|before|from|with|by|"
    r"for|while|when|outside|inside|ahead|following|via|through|over|under|without|despite|near|"
    r"shortly|just|moments|minutes|hours|days|weeks|months"
    r"|to(?=\s++(?:the|a|an|his|her|their|its|reporters|journalists|(?-i:[A-Z]))\b))\s",
    re.IGNORECASE,
)
#: A lead that opens with a subordinating word or a fronted adverbial is no clause of the
#: speaker's own ("Because of X, …", "Even after the complaint was filed, X continued …").
SUBORDINATE_LEAD = re.compile(
    r"\s*(?:because|as|though|although|even|despite|if|unless|until|once|whether|following|"
    r"minutes|hours|days|moments)\b",
    re.IGNORECASE,
)


#: A subordinate clause after the attribution's comma is the writer's ("…, X said, though she
#: gave no reason"): the content is the clause before (issue 19).
SUBORDINATE_TAIL = re.compile(r"\s*,\s*(?:though|although|whereas|even\s++though)\b", re.I)
#: After "X, according to Y, …": what is no continuation of X's clause (a relative clause, a
#: contrast, the writer's own next clause).
NOT_CONTINUING_ACCORDING = re.compile(
    r"(?:which|who|whom|whose|where|while|whereas|though|although|but|and|so|yet|after|before|"
    r"during|amid|following|despite|as|when|since|until|in|on|at|from|with|by|for|without|"
    r"under|citing|including)\b|[“”\"▒]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Cue:
    """A cue found in a sentence (the same interface as a regex match)."""

    text: str
    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.text


@lexicon_cache
def cue_index() -> PhraseIndex[tuple[str, ...]]:
    """Every cue as a tuple of words (``("according", "to")``), in the suite's one phrase
    matcher (:class:`helpers.phrases.PhraseIndex`), keyed by its words between spaces so
    that a key matches whole words only in :func:`find_cues`'s word stream."""
    forms = sorted({tuple(form.split()) for form in [*reporting_verbs(), *PHRASE_CUES]})
    return PhraseIndex(forms, [f" {' '.join(form)} " for form in forms], lower=False)


_CUE_WORD = re.compile(r"[\w’'\-]+")


def find_cues(masked_sentence: str) -> list[Cue]:
    """Reporting verbs and attribution phrases outside quotation marks, left to right; where
    cues start at the same word the longest is taken ("points out" over "points"), and a
    cue's words are not read again."""
    words = list(_CUE_WORD.finditer(masked_sentence))
    lowered = [w.group().lower() for w in words]
    stream = f" {' '.join(lowered)} "  # one space before and after every word
    word_at, position = {}, 0
    for i, word in enumerate(lowered):
        word_at[position] = i  # the space before word i
        position += len(word) + 1
    index = cue_index()
    longest: dict[int, int] = {}  # first word -> the most words a cue starting there has
    for start, item in index.occurrences(stream):
        first = word_at[start]
        longest[first] = max(longest.get(first, 0), len(index.items[item]))
    found, i = [], 0
    while i < len(words):
        if n := longest.get(i):
            a, b = words[i].start(), words[i + n - 1].end()
            found.append(Cue(masked_sentence[a:b], a, b))
            i += n
        else:
            i += 1
    return found


def only_adverbials(text: str) -> bool:
    """True when ``text`` holds nothing but adverbials ("on Wednesday in a statement")."""
    pos = 0
    while m := ADVERBIAL.match(text[pos:]):
        if not m.end():
            break
        pos += m.end()
    return not text[pos:].strip(" ,.")
