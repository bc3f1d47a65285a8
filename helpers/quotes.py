"""Who speaks: quotations, reported speech, their speakers, and the voice of every character.

The method is rule-based attribution as in the quote-extraction literature for news
(Pareti 2016, PARC 3.0; Asr et al. 2021, "The Gender Gap Tracker"; Newell, Margolin &
Ruths 2018, "An attribution relations corpus for political news"): a *cue* (a reporting
verb from ``data/lexicons/reporting_verbs.csv``, or the phrases ``according to`` and
``per``) links a *source* (the speaker phrase) to a *content* span. Content spans follow
those corpora: for a direct quotation the words inside the marks; for reported speech the
whole reported clause. Every row carries the name of the rule that produced it.

The steps:

1. find quotation marks and web furniture in each paragraph (:mod:`helpers.quotemarks`);
2. find the people, institutions and places the article names, with their roles
   (:mod:`helpers.entities`);
3. in each sentence, find cues outside quotation marks, the speaker phrase beside each cue
   (a name, a pronoun, a title such as ``the minister``, an institution, or an anonymous
   source such as ``US officials``), and the content span;
4. resolve pronouns to the most recent compatible person (never a place or organisation),
   titles through the article's own appositions, and give an unattributed standalone
   quotation to the previous speaker;
5. a quoted span that no cue claims is a scare quote: the writer's distancing, not speech.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .article import Article
from .entities import (
    _CAP_RUN,
    _CONNECTOR,
    _DAYS,
    _DET,
    _MONTHS,
    _NAME_QUALIFIERS,
    _NAME_TOKEN,
    _NOT_AFTER_TITLE,
    _NOT_MODIFIERS,
    _SENTENCE_STARTERS,
    _TITLE_BEFORE_NAME,
    _TITLE_PREFIX,
    _TITLES,
    _WS,
    Entity,
    EntityIndex,
    _head_word,
    _index_entities,
    _is_title_word,
    _names_a_role,
    _norm_name,
    _ordinary_word,
    _role_near,
    _split_title,
)
from .lexicons import (
    ReportingVerb,
    gazetteer,
    lexicon_cache,
    lexicons_changed,
    reporting_verbs,
    speaker_nouns,
)
from .progress import step
from .quotemarks import (
    _DASHES,
    QuoteSpan,
    _furniture_end,
    _mask,
    _uses_single_marks,
    find_quote_spans,
    normalise_marks,
)
from .sentences import split_sentences
from .text import stopwords

__all__ = [
    "NARRATOR",
    "UNKNOWN_SPEAKER",
    "extract_quotes",
    "scare_quotes",
    "speakers",
    "voices",
    "QUOTE_COLUMNS",
    "VOICE_COLUMNS",
]

NARRATOR = "NARRATOR"
#: A quotation no rule could give to anyone (kept as an utterance, not hidden).
UNKNOWN_SPEAKER = "UNKNOWN"

QUOTE_COLUMNS = [
    "paragraph", "sentence", "speaker", "kind", "text", "cue", "start", "end", "fragments",
    "speaker_mention", "rule",
]  # fmt: skip
VOICE_COLUMNS = ["paragraph", "start", "end", "voice", "mode", "text"]

# Phrases that attribute without a verb. "per" is common in American wire copy.
_PHRASE_CUES = ("according to", "in the words of", "per")
_PRONOUNS = {
    "he": "male", "she": "female", "they": "plural", "it": "neuter", "person": "person",
}  # fmt: skip
_TIME_WORDS = (
    r"(?:yesterday|today|tonight|earlier|later|previously|recently|also|only|then|again|once|"
    r"repeatedly|publicly|privately|separately|first|initially|however|too|simply|flatly|"
    r"bluntly|firmly|quickly|now|still)"
)
_TIME_NOUNS = (
    r"(?:week|month|year|night|morning|afternoon|evening|weekend|summer|winter|spring|autumn|"
    r"fall|time|season|" + "|".join(_MONTHS + _DAYS) + ")"
)
# Adverbials that may stand between a speaker and the cue, or between the cue and content.
_ADVERBIAL = re.compile(
    rf"""^(?:
        ,?\s*{_TIME_WORDS}\b
      | ,?\s*(?:last|this|next|earlier\s+this|late\s+last|early\s+this)\s+{_TIME_NOUNS}\b
      | ,?\s*on\s+(?:{_TIME_NOUNS}|the\s+phone|television|radio|social\s+media|twitter|x|facebook|
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
      | ,?\s*in\s+{_TIME_NOUNS}\b
      | ,?\s*(?:{"|".join(_DAYS)})(?:\s+(?:night|morning|afternoon|evening))?\b
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
_CLAUSE_START = re.compile(
    r"^(?:that|he|she|it|they|we|i|there|this|these|those|you|"
    r"whether|if|why|how|what|when|where|who)\b",
    re.IGNORECASE,
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|could|should|can|may|might|"
    r"must|shall|did|does|do|won't|wouldn't|can't|couldn't|didn't|doesn't|don't|isn't|"
    r"wasn't|weren't|hasn't|haven't|hadn't|needs|wants|plans|remains|expects|believes|"
    r"hopes|intends|supports|opposes|rose|fell|grew|went|came|made|took|gave|saw|knew|"
    r"thought|became|began|left|kept|met|paid|ran|sold|told|won|lost|spent|found|brought|"
    r"bought|built|felt|held|led|meant|put|set|stood|wrote|broke|chose|drove|flew|hit|"
    r"let|shut|sank|spoke|struck|threw|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(r"^(?:whether|if|why|how|what|when|where|who)\b", re.IGNORECASE)
_NOT_CLAUSE_START = re.compile(r"^(?:to|of|about|against|for|on|with|by|from|at)\b", re.I)


# Head words of public bodies: "the company" never means "the Product Safety Office".
_PUBLIC_BODY_WORDS = frozenset(
    """Office Ministry Department Council Agency Authority Police Court Parliament Government
    Commission Regulator Service University School Union Assembly Senate Congress Committee
    Board Tribunal Inquiry Embassy Army Navy""".split()
)


# ----------------------------------------------------------------------------------------
# Cues, speakers and content
# ----------------------------------------------------------------------------------------
@dataclass
class Utterance:
    paragraph: int
    sentence: int
    speaker: str
    kind: str
    start: int
    end: int
    cue: str
    speaker_mention: str
    rule: str
    role: str | None = None
    fragments: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Cue:
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
def _cue_forms() -> dict[str, dict[tuple[str, ...], None]]:
    """Cues indexed by their first word: ``{"according": {("according", "to"): None}}``,
    longest first, so a sentence is scanned once, word by word."""
    forms: dict[str, dict[tuple[str, ...], None]] = {}
    for form in sorted([*reporting_verbs(), *_PHRASE_CUES], key=lambda f: -len(f.split())):
        words = tuple(form.split())
        forms.setdefault(words[0], {})[words] = None
    return forms


_CUE_WORD = re.compile(r"[\w’'\-]+")


def _cues(masked_sentence: str) -> list[_Cue]:
    """Reporting verbs and attribution phrases outside quotation marks, longest match first."""
    forms = _cue_forms()
    words = list(_CUE_WORD.finditer(masked_sentence))
    lowered = [w.group().lower() for w in words]
    found, i = [], 0
    while i < len(words):
        for form in forms.get(lowered[i], ()):
            n = len(form)
            if tuple(lowered[i : i + n]) == form:
                a, b = words[i].start(), words[i + n - 1].end()
                found.append(_Cue(masked_sentence[a:b], a, b))
                i += n - 1
                break
        i += 1
    return found


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


_APPOSITION_TAIL = r",\s*(?:\d{1,3},\s*)?([^,]{2,160}),\s*$"
_APPOSITION_START = re.compile(
    r"(?:(?:the|a|an|who|whose|which|where|when|one|head|chief|deputy|former|aged|of|from|at)\b"
    r"|[A-Z]|\d|[a-z]+ing\b)"
)


# Words that may stand between a speaker and the cue, stripped one at a time from the end of
# the text before the cue (each alternative ends at ``$``, so one way to match):
#   time words, optionally in commas: "Others, however, say", "X also said";
#   auxiliaries, never negated ("It has not said what will happen" reports no speech):
#   "X has said", "had told", "does say"; "at the time", "in 2008", "on Wednesday night".
_AUXILIARY = r"(?:has|have|had|does|do|did|will|would|could|can|may|might|should|must)"
_ACROSS_AUXILIARY = "; speaker before an auxiliary or adverb ('has said', 'however, say')"
_DAY_ALT = "|".join(_DAYS)
_BETWEEN_SUBJECT_AND_CUE = re.compile(
    rf"(?:,?\s+{_TIME_WORDS}|,\s*{_TIME_WORDS},|,?\s+(?:last|this|next)\s+{_TIME_NOUNS}|"
    rf"\s+on\s+{_TIME_NOUNS}|\s+(?:responded|replied|reacted|hit\s+back|went\s+on)\s+by)"
    r"\s*$",
    re.IGNORECASE,
)
# The same, added for issue 19: a speaker found across one of these is kept only for the
# first cue of a sentence ("X said the board had concluded …": "concluded" is inside X's words)
_AUXILIARY_OR_ADVERB = re.compile(
    rf"(?:\s+{_AUXILIARY}|\s+at\s+the\s+time|\s+(?:in|on)\s+(?:[’']\d\d|\d{{4}})|"
    rf"\s+(?:already|long|often|never|always|even|later|since|just|all|both|each|themselves|"
    rf"himself|herself|itself|alone)|\s+(?:on\s+)?(?:{_DAY_ALT})(?:\s+(?:night|morning|afternoon|evening))?)"
    r"\s*$",
    re.IGNORECASE,
)
# "-ly" words that are nouns, never adverbs before a verb of speech ("The family said")
_LY_NOUNS = frozenset("family ally italy july rally assembly supply bully tally lily emily".split())


def _ly_adverb_at_end(chunk: str) -> bool:
    """The text before a cue ends in an adverb in -ly: "Trump repeatedly said" (a lower-case
    word that names no speaker; rule of thumb after Quirk et al. 1985 on adverb position)."""
    words = chunk.rstrip().rsplit(None, 1)
    if len(words) < 2 or chunk.rstrip().endswith(","):  # ", who was not … publicly,"
        return False
    last = words[1]
    return (
        last.endswith("ly")
        and len(last) > 4
        and last.islower()
        and last.isalpha()
        and last not in _LY_NOUNS
        and last not in speaker_nouns()
    )


def _speaker_before(pre: str) -> SpeakerPhrase | None:
    """The speaker phrase that ends ``pre`` (the text before a cue), skipping adverbials."""
    end = len(pre.rstrip())
    role, stripped, across = None, False, False
    for _ in range(5):
        chunk = pre[:end]
        m = _BETWEEN_SUBJECT_AND_CUE.search(chunk)
        if m:
            end = m.start()
            continue
        m = _AUXILIARY_OR_ADVERB.search(chunk)
        if m or _ly_adverb_at_end(chunk):
            # "X has said", "X at the time said", "Trump repeatedly said"
            end = m.start() if m else chunk.rstrip().rfind(" ")
            across = True
            continue
        # Appositions between the name and the verb, one or more:
        # "Okafor, a paediatrician at …, said"; "Adeyemi, pastor of X, whose vans …, said"
        pattern = r",\s*(?:\d{1,3},\s*)?([^,]{2,160})\s*$" if stripped else _APPOSITION_TAIL
        m = re.search(pattern, chunk)
        if m and stripped:
            # a second, inner apposition must describe ("pastor of X", "the MP for Y"); a
            # name there ("…, the Product Safety Office") is the speaker itself
            first_word = re.sub(r"^(?:the|a|an)\s+", "", m.group(1).strip()).split()[0]
            describes = first_word[:1].islower() or _is_title_word(first_word)  # "the MP for X"
            m = m if describes and _names_a_role(m.group(1)) else None
        if m and (_APPOSITION_START.match(m.group(1)) or _names_a_role(m.group(1))):
            inner_end = m.start()
            head = _speaker_at_end(pre[:inner_end], None)
            if head is not None:
                appos = m.group(1).strip()
                named = re.fullmatch(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}", appos)
                if head.kind == "description" and named and EntityIndex.classify(appos) == "person":
                    # "the water minister, Helen Achterberg," — the span covers both
                    return SpeakerPhrase(
                        appos, head.start, m.start(1) + len(appos), "name", head.text
                    )
                if role is None or (_names_a_role(appos) and not _names_a_role(role)):
                    role = appos
                end = inner_end
                stripped = True
                continue
        break
    phrase = _speaker_at_end(pre[:end], role)
    if phrase is not None:
        phrase.across_auxiliary = across
    return phrase


def _is_demonym(name: str) -> bool:
    known = gazetteer().get(name.lower())
    return bool(known and known["type"] == "demonym")


_SPEAKER_WINDOW = 160

# How far before a verb of speech its speaker is looked for, in characters: a speaker and its
# appositions ("X, a professor of law at Y who led the inquiry, said") take a few hundred at
# most, and a bounded look keeps the cost of a sentence linear in its length however many
# cues it holds (a sentence with no full stops and hundreds of verbs was quadratic).
_CUE_WINDOW = 1000


def _speaker_at_end(chunk: str, role: str | None) -> SpeakerPhrase | None:
    chunk = chunk.rstrip()
    if not chunk:
        return None
    if len(chunk) > _SPEAKER_WINDOW:
        # a speaker phrase is short: look only at the end (anchored searches stay linear)
        offset = len(chunk) - _SPEAKER_WINDOW + 1
        phrase = _speaker_at_end(" " + chunk[offset:], role)  # the space stands for a boundary
        if phrase is not None:
            phrase.start += offset - 1
            phrase.end += offset - 1
        return phrase
    m = re.search(r"(?:^|[\s(“‘\"'–—,:;])(he|she|they|it|He|She|They|It)$", chunk)
    if m:
        return SpeakerPhrase(m.group(1), m.start(1), m.end(1), "pronoun", role)
    m = re.search(r",\s*(?:which|who)$", chunk)
    if m:
        return _speaker_at_end(chunk[: m.start()], role)  # "the Foundation, which said"
    m = re.search(
        r"\b(?:[Oo]ne|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Mm]ost|[Aa]ll)\s+of\s+(them|those)$",
        chunk,
    )
    if m:
        return SpeakerPhrase(m.group(), m.start(), m.end(), "pronoun", role)  # "one of them"
    m = re.search(r"\b[Tt]he\s+(?:\d{1,3}-year-old|[a-z]++-of-[a-z0-9]++)$", chunk)
    if m:
        return SpeakerPhrase(m.group(), m.start(), m.end(), "pronoun", role)  # a person
    m = _SHARE_OF_PEOPLE.search(chunk)
    if m:
        # "46 percent said", "About three in 10 said", "a third of voters said": the share
        # of a poll's respondents (rule: a share of people as the speaker; kind anonymous)
        return SpeakerPhrase(m.group(1), m.start(1), m.end(1), "description", role)
    m = re.search(
        rf"{_TITLE_BEFORE_NAME}{_NAME_TOKEN}(?:\s+(?:(?:{_CONNECTOR}|&)\s+(?:the\s+)?)?{_NAME_TOKEN})*$",
        chunk,
    )
    if m and m.group().strip():
        name = m.group().strip()
        start = chunk.rfind(name)
        first = name.split()[0]
        definite = first.lower() == "the" or bool(re.search(r"\bthe\s*$", chunk[:start], re.I))
        if (
            first.lower() in stopwords()
            and first.lower() not in {"us"}
            or first.lower() in _SENTENCE_STARTERS
        ):
            name = name[len(first) :].strip()
            start += len(first) + 1
            if not name:
                return _description_at_end(chunk)
        if EntityIndex.classify(name) == "place" and _is_demonym(name):
            return _description_at_end(chunk)
        if len(name.split()) == 1 and _is_title_word(name):
            # "the Chairman said": a capitalised title is a description of a person
            return SpeakerPhrase(
                f"the {name.lower()}", start, start + len(name), "description", role
            )
        desc = _description_at_end(chunk)
        head = _head_word(desc.text) if desc else ""
        if desc and desc.start < start and head not in name.lower().split():
            # "the Rovers manager" is a description; "the Kestrel Students' Union" a name
            return SpeakerPhrase(desc.text, desc.start, desc.end, "description", role or desc.role)
        located = re.search(r"\b(?:in|of|from|at|near)\s+$", chunk[:start])
        if located and EntityIndex.classify(name) in ("place", None):
            # "The Crossgate Theatre in Cambridge said": the theatre speaks, not the city
            owner = _speaker_at_end(chunk[: located.start()], role)
            if (
                owner is not None
                and owner.kind == "name"
                and EntityIndex.classify(owner.text) == "institution"
            ):
                return owner
        article = re.search(r"\bthe\s+$", chunk[:start], re.I)
        end = start + len(name)
        start = article.start() if article else start  # the span covers "the Treasury"
        title = _role_near(chunk, start, end) if not article else None
        if title and chunk[:start].rstrip().endswith(title):
            # "co-founder and chief executive Lee Min-ho": the span covers the title too
            start = chunk[:start].rstrip().rfind(title)
            role = role or title
        return SpeakerPhrase(name, start, end, "name", role, definite)
    desc = _description_at_end(chunk)
    if desc:
        desc.role = role or desc.role
    return desc


_POSTMOD = re.compile(
    r"\s+(?:familiar\s+with|close\s+to|for|at|in|from|of|with\s+knowledge\s+of|on|inside|"
    r"within|involved\s+in|briefed\s+on)\s+(?P<tail>(?:[\w’'\-]+\s+){0,4}"
    r"(?!(?:and|or|but|the|a|an|to|of|in|for)$)[\w’'\-]+)$"  # ends in a content word
)


# A share of people as the subject of a verb of speech, as polls are reported: "46 percent",
# "27 percent of those who named a candidate", "About three in 10", "a third of voters",
# "most Republicans". The "of …" tail is at most eight words with no verb of speech.
_SHARE_OF_PEOPLE = re.compile(
    r"(?:^|[\s(,;:])((?:(?:about|nearly|almost|roughly|only|just|some|more\s+than|less\s+than|"
    r"fewer\s+than|over|under)\s++)?+"
    r"(?:\d++(?:\.\d++)?+\s*+(?:percent|per\s+cent|%)|(?:\d++|one|two|three|four|five|six|"
    r"seven|eight|nine)\s++in\s++(?:10|ten|\d++)|(?:a|one|two)\s++(?:third|quarter|fifth|half)s?+|"
    r"half|(?:a\s++)?+majority|most|many|two-thirds|three-quarters)"
    r"(?:\s++of\s++[\w’'\-]++(?:\s++[\w’'\-]++){0,7}+)?+)$",
    re.IGNORECASE,
)


def _description_at_end(chunk: str) -> SpeakerPhrase | None:
    """``the minister``, ``a senior official``, ``US officials``, ``people familiar with …``."""
    nouns = speaker_nouns()
    words = list(re.finditer(r"[\w’'\-\.]+", chunk))
    if not words:
        return None
    # The head noun is the word before a short post-modifier ("a spokesperson for the
    # company", "people familiar with the matter"), else the last word.
    heads = [len(words) - 1]
    post = _POSTMOD.search(chunk)
    if post and any(w.lower() in reporting_verbs() for w in post.group("tail").split()):
        post = None  # "… Health said in a": a post-modifier never contains the verb
    if post:
        before = [i for i, w in enumerate(words) if w.end() <= post.start()]
        if before:
            heads.insert(0, before[-1])
    for h in heads:
        head = words[h]
        info = nouns.get(head.group().lower())
        if not info:
            continue
        i = h
        # extend left over modifiers: adjectives, capitalised names, a determiner
        while i > 0:
            prev = words[i - 1]
            gap = chunk[prev.end() : words[i].start()]
            if gap.strip() not in ("", "-"):
                break
            token = prev.group()
            if re.fullmatch(_DET, token, re.IGNORECASE):
                i -= 1
                break
            if not token[:1].isupper() and token.lower() in stopwords():
                break
            if token.lower() in _SENTENCE_STARTERS or token.lower() in _NOT_MODIFIERS:
                break
            if reporting_verbs().get(token.lower()):
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
        return SpeakerPhrase(text, start, start + len(text), "description")
    return None


def _speaker_after(post: str) -> SpeakerPhrase | None:
    """The speaker phrase that starts ``post`` (the text after an inverted cue)."""
    lead = len(post) - len(post.lstrip())
    body = post[lead:]
    m = re.match(r"(he|she|they|it)\b", body, re.IGNORECASE)
    if m:
        return SpeakerPhrase(m.group(1), lead, lead + m.end(1), "pronoun")
    # a described group with its post-modifier: "three people briefed on the meeting"
    whole = re.match(r"[^,;:!?()–—.]{3,90}", body)
    if whole and whole.group()[:1].islower():
        desc = _description_at_end(whole.group().rstrip())
        if desc is not None and desc.start == 0 and _POSTMOD.search(desc.text):
            return SpeakerPhrase(desc.text, lead, lead + len(desc.text), "description")
    # stop at a comma, full stop, or a word that starts an adverbial or a new clause
    m = re.match(
        rf"(.+?)(?=\s*(?:[,;:!?()–—]|{_NOT_AFTER_TITLE}\.|$|\s(?:on|in|at|after|during|when|as|"
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
    name = re.search(
        rf"{_TITLE_BEFORE_NAME}{_NAME_TOKEN}(?:\s+(?:(?:{_CONNECTOR}|&)\s+(?:the\s+)?)?{_NAME_TOKEN})*$",
        phrase,
    )
    if name and (EntityIndex.classify(name.group()) or len(phrase.split()) <= 2):
        prefix = phrase[: name.start()].strip()
        if prefix and not re.fullmatch(_DET, prefix, re.IGNORECASE):
            role = role or re.sub(rf"^{_DET}\s+", "", prefix, flags=re.IGNORECASE)
        return SpeakerPhrase(name.group(), lead + name.start(), lead + name.end(), "name", role)
    desc = _description_at_end(phrase)
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


def _source_after(post: str) -> SpeakerPhrase | None:
    """A source after "according to" that is no speaker: the noun phrase up to a comma."""
    m = _SOURCE_AFTER.match(post)
    if m is None or not any(ch.isalpha() for ch in m.group(1)):
        return None
    text = m.group(1).rstrip(".")
    if text.lower() in _PRONOUNS or text.lower() in stopwords():
        return None
    return SpeakerPhrase(text, m.start(1), m.start(1) + len(text), "description")


_AUDIENCE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:"
    r"(?:[A-Z][\w’'\-]*\s*)+"  # the BBC, the Daily Clarion, MPs
    r"|[a-z\-]+s"  # reporters, fans, investors, the exchanges
    r"|court|jury|house|committee|hearing|inquiry|tribunal|meeting|conference|crowd|audience|"
    r"staff|police|parliament|people|media|press|"
    r"newspaper|paper|station|programme|program|podcast|him|her|them|us|me)\b"
)


def _skip_after_cue(text: str, pos: int, names_audience: bool) -> int:
    """Skip adverbials, the audience of verbs that name one ("told reporters", "informed
    the exchanges"), ``that`` and ``:`` after a cue; return where the content starts."""
    for _ in range(6):
        rest = text[pos:]
        m = _ADVERBIAL.match(rest)
        if m:
            pos += m.end()
            continue
        if names_audience:
            m = _AUDIENCE.match(rest)
            if m and not _CLAUSE_START.match(rest.strip()):
                pos += m.end()
                names_audience = False
                continue
        m = re.match(r"\s*(?:that\b|:)\s*", rest)
        if m and m.end() > 0 and rest.strip():
            pos += m.end()
            continue
        break
    return pos


# "denied allegations that …", "dismissed claims of …": the object is a noun that carries
# someone else's claim, so the verb reports no speech of its own subject
_CLAIM_NOUN_OBJECT = re.compile(
    r"^(?:(?:the|any|all|these|those|such|recent|earlier)\s+)?(?:allegations?|claims?|reports?|"
    r"suggestions?|accusations?|rumou?rs?|speculation|charges?|criticism|suspicions?)\s+"
    r"(?:that|of|about)\b",
    re.IGNORECASE,
)


def _reports_speech(skipped: str, clause: str, verb: ReportingVerb | None, needs: str) -> bool:
    """Whether the text after a cue is reported speech: a that-clause (except after "asked":
    "asked that her surname not be used" is a request) or a clause that passes ``_clause_ok``."""
    if re.search(r"\bthat\s*$", skipped):
        return needs != "question"
    return _clause_ok(clause, needs, noun_object=bool(verb and verb.takes_noun_object))


def _clause_ok(clause: str, verb_needs: str, *, noun_object: bool = False) -> bool:
    stripped = clause.strip(" ,;:")
    if not stripped or _NOT_CLAUSE_START.match(stripped) or _CLAIM_NOUN_OBJECT.match(stripped):
        return False
    if verb_needs == "quote":
        return False
    if verb_needs == "question":
        return bool(_QUESTION_START.match(stripped))
    if verb_needs == "clause":
        return False  # only reached when no "that" was skipped
    if len(stripped.split()) < 3:
        return False
    if _CLAUSE_START.match(stripped):
        return True
    verb = _FINITE.search(" ".join(stripped.replace("’", "'").split()[:12]))
    # "confirmed the layoffs but declined to say …": a second verb of the same subject;
    # "announced a merger that eliminated …": a verb inside a relative clause. Either way
    # what follows the cue is a noun phrase, not a reported clause.
    before_verb = stripped[: verb.start()] if verb else ""
    relative = noun_object and re.search(r"\b(?:that|which|who)\b", before_verb)
    return bool(verb) and not relative and not re.search(r"\b(?:but|and|or)\s+$", before_verb)


# ----------------------------------------------------------------------------------------
# The attribution pass
# ----------------------------------------------------------------------------------------
@dataclass
class _Analysis:
    utterances: list[Utterance]
    scare: list[QuoteSpan]
    quotes: dict[int, list[QuoteSpan]]
    index: EntityIndex
    speakers: dict[str, Entity]


class _Attributor:
    def __init__(self, article: Article) -> None:
        # same-length text: ''…'' read as “…”, every offset still points into the article
        self.paragraphs = [normalise_marks(t) for t in article.paragraphs]
        single = _uses_single_marks(self.paragraphs)
        self.quotes = {
            p: find_quote_spans(text, p, single=single) for p, text in enumerate(self.paragraphs)
        }
        # web furniture (datelines, agency tags, photo captions) is nobody's speech
        self.content_start = [_furniture_end(t) for t in self.paragraphs]
        for p, start in enumerate(self.content_start):
            self.quotes[p] = [q for q in self.quotes[p] if q.open_at >= start]
        self.masked = [
            " " * start + _mask(t, self.quotes[p])[start:]
            for p, (t, start) in enumerate(zip(self.paragraphs, self.content_start, strict=True))
        ]
        self.sentence_spans = {p: split_sentences(t) for p, t in enumerate(self.paragraphs)}
        self.sentence_spans[-1] = split_sentences(article.title)
        self.index = _index_entities(self.masked, article.title, self.sentence_spans)
        self.utterances: list[Utterance] = []
        self.claimed: set[tuple[int, int]] = set()  # quote spans given to a speaker
        self.speakers: dict[str, Entity] = {}
        self.spoken_at: list[tuple[int, int, Entity]] = []  # where each attribution was made
        self.spokesperson_owner: Entity | None = None
        # Look-up structures so that each resolution costs no more as the article grows:
        # mentions are in reading order, so "the mentions before (p, pos)" is a prefix.
        self._mention_keys = [(m.paragraph, m.start) for m in self.index.mentions]
        self._mention_at: dict[Entity, list[int]] = {}
        for i, m in enumerate(self.index.mentions):
            self._mention_at.setdefault(m.entity, []).append(i)
        self._first_body = bisect_left(self._mention_keys, (0,))
        self._by_paragraph: dict[int, list[Utterance]] = {}
        self._spoken_p: list[int] = []  # paragraph of each spoken_at entry
        self._spoken_sorted = True  # attributions are made in reading order (bisect works)

    # -- speaker resolution ------------------------------------------------------------
    def resolve(self, phrase: SpeakerPhrase, p: int, sent_start: int) -> Entity | None:
        pos = sent_start + phrase.start
        if phrase.kind == "pronoun":
            text = phrase.text.lower()
            if text.endswith(("them", "those")):
                text = "they"
            elif text.endswith("-year-old") or "-of-" in text:  # "the grandmother-of-five"
                text = "person"
            return self._resolve_pronoun(text, p, pos)
        if phrase.kind == "name":
            name = phrase.text
            first, _, rest = name.partition(" ")
            if rest and first.lower() in _NAME_QUALIFIERS:
                name = rest  # "Former Secretary …": the qualifier is no part of the name
            person = self.index.person_for(name)
            if person is not None:
                person.describe(phrase.role)
                return person
            kind = EntityIndex.classify(name)
            known = gazetteer().get(name.lower())
            if (
                kind == "institution"
                or (known and known["type"] == "organisation")
                or (phrase.definite and len(name.split()) <= 3)
            ):
                canonical = known["name"] if known else name
                return self.index.add(_norm_name(canonical), Entity(canonical, "institution"))
            if kind == "place" or (known and known["type"] in ("place", "demonym")):
                # "France said" / "Britain warned": the government of a place speaks
                canonical = known["name"] if known else name
                return self.index.add(_norm_name(canonical), Entity(canonical, "institution"))
            # an unknown name as the subject of a cue: a person (the title gives the gender)
            title = _TITLE_PREFIX.match(name)
            office, bare = _split_title(_TITLE_PREFIX.sub("", name))
            gender = _TITLES.get(title.group().strip().lower().rstrip("."), "") if title else ""
            entity = self.index.add(
                _norm_name(bare), Entity(bare, "person", gender=gender, first_seen=(p, pos))
            )
            entity.describe(phrase.role)
            entity.describe(office)
            return entity
        return self._resolve_description(phrase, p, pos)

    def _resolve_pronoun(self, pronoun: str, p: int, pos: int) -> Entity | None:
        """Most recent compatible antecedent, preferring sentence subjects and speakers
        (salience, after Lappin & Leass 1994); people only for he/she."""
        want = _PRONOUNS[pronoun]
        lo = bisect_left(self._mention_keys, (max(0, p - 3),))
        hi = bisect_left(self._mention_keys, (p, pos))
        window = [(m.paragraph, m.start, m.entity, m.subject) for m in self.index.mentions[lo:hi]]
        window += [
            (q, at, e, True)
            for q, at, e in self.spoken_at[
                bisect_left(self._spoken_p, p - 3) if self._spoken_sorted else 0 :
            ]
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
        post = _POSTMOD.search(text)
        if post:
            head_words = text[: post.start()].split()
            head = head_words[-1].lower() if head_words else head
        info = speaker_nouns().get(head, {"kind": "anonymous", "gender": "", "number": "singular"})
        definite = words[0].lower() in ("the", "its", "his", "her", "their")
        earlier = bisect_left(self._mention_keys, (p, pos))  # mentions[:earlier] come before
        if info["kind"] == "document" and self.spoken_at:
            return self.spoken_at[-1][2]  # "“…,” the statement said": whoever issued it
        if head in {"spokesman", "spokeswoman", "spokesperson"}:
            owner = self._spokesperson_owner(text, head, definite, earlier)
            if owner is not None:
                return owner
        if info["kind"] == "role" and definite:
            # "the Dunmore manager": the person whose name and descriptions share most of
            # the words (a capitalised modifier counts double), the most recent on a tie
            modifiers = [w for w in words[1:-1] if w[:1].isupper()]
            people = [e for e in self._recent(0, earlier) if e.kind == "person"]
            people += [e for e in reversed(list(self.speakers.values())) if e.kind == "person"]
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
        canonical = re.sub(rf"^{_DET}\s+", "", text, flags=re.IGNORECASE)
        canonical = re.sub(r",?\s+who\b.*$", "", canonical)
        canonical = _TITLE_PREFIX.sub("", canonical)  # "Mrs. Clinton's campaign"
        if definite and info["kind"] in ("anonymous", "role"):
            # "the official" after "a senior official", "one of the people" after "people
            # familiar with the talks": the same anonymous source
            for e in reversed(list(self.speakers.values())):
                if e.kind == "anonymous" and _head_word(e.canonical) == head:
                    return e
        key = _norm_name(canonical)
        return self.index.add(key, Entity(canonical, kind, first_seen=(p, pos)))

    def _spokesperson_owner(
        self, text: str, head: str, definite: bool, earlier: int
    ) -> Entity | None:
        """An unnamed spokesperson speaks for an institution: the one named in the phrase
        ("a council spokeswoman", "a Nimbra spokesperson"); for "the spokeswoman", a person
        the article gave that title, else the institution whose spokesperson spoke last."""
        runs = [r.group() for r in _CAP_RUN.finditer(re.sub(rf"^{_DET}\s+", "", text, flags=re.I))]
        names = [re.sub(r"^(?:The|A|An)\s+", "", r) for r in runs]
        owner = next((self.index.lookup(n) for n in names if self.index.lookup(n)), None)
        if owner is None:
            owner = self._institution_in(text, earlier)
        if owner is None and names:
            # "a Nimbra spokesperson", "a spokeswoman for the Department of Schools"
            owner = self.index.add(_norm_name(names[-1]), Entity(names[-1], "institution"))
        if owner is None and definite:
            person = next(
                (e for e in reversed(list(self.speakers.values()))
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
        candidates += list(reversed(list(self.speakers.values())))
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
            firms = [e for e in candidates if not set(e.canonical.split()) & _PUBLIC_BODY_WORDS]
            known = set(firms)
            spoke = next((e for _q, _at, e in reversed(self.spoken_at) if e in known), None)
            if spoke is not None:
                return spoke  # "Tarnside Water said … The company said …"
            if firms:
                return max(firms, key=lambda e: counts.get(e, 0))  # max keeps the first (latest)
        return None

    # -- the pass ------------------------------------------------------------------------
    def run(self) -> _Analysis:
        carry: Entity | None = None  # speaker of a quote left open at the end of a paragraph
        carry_cue = ""
        for p, text in enumerate(self.paragraphs):
            masked = self.masked[p]
            spans = self.quotes[p]
            sentence_spans = self.sentence_spans[p]
            if carry is not None and spans and spans[0].open_at == _first_char(text):
                self._emit_quote(
                    p, sentence_spans, spans[0], carry, carry_cue, "continued quote", ""
                )
            carry = None
            for s_idx, (s0, s1) in enumerate(sentence_spans):
                self._sentence(p, s_idx, s0, s1, masked)
            self._standalone_quotes(p, sentence_spans)
            last = spans[-1] if spans else None
            if last is not None and last.close_at is None and (p, last.start) in self.claimed:
                owner = next(
                    (u for u in self._by_paragraph.get(p, ()) if u.start == last.start), None
                )
                if owner is not None:
                    carry = self.speakers.get(owner.speaker)
                    carry_cue = owner.cue
        self.utterances.sort(key=lambda u: (u.paragraph, u.start))
        scare = [
            q for p in self.quotes for q in self.quotes[p]
            if (p, q.start) not in self.claimed and not self._inside_utterance(p, q)
        ]  # fmt: skip
        return _Analysis(self.utterances, scare, self.quotes, self.index, self.speakers)

    def _inside_utterance(self, p: int, q: QuoteSpan) -> bool:
        return any(
            u.start <= q.open_at and q.outer_end <= u.end + 1 for u in self._by_paragraph.get(p, ())
        )

    def _sentence(self, p: int, s_idx: int, s0: int, s1: int, masked_par: str) -> None:
        ms = masked_par[s0:s1]
        # quotes that overlap the sentence: a quotation may hold several sentences
        quotes = [q for q in self.quotes[p] if q.open_at < s1 and q.outer_end > s0]
        verbs = reporting_verbs()
        found: list[tuple[_Cue, SpeakerPhrase, Entity, str]] = []
        for cue in _cues(ms):
            form = _WS.sub(" ", cue.group().lower())
            verb = verbs.get(form)
            phrase, how = self._speaker_for_cue(ms, cue, form, verb, found)
            if phrase is None:
                continue
            entity = self.resolve(phrase, p, s0)
            if entity is None:
                continue
            found.append((cue, phrase, entity, how))
        for i, (cue, phrase, entity, how) in enumerate(found):
            nxt = found[i + 1] if i + 1 < len(found) else None
            self._content(p, s_idx, s0, s1, ms, cue, phrase, entity, how, quotes, nxt)

    def _speaker_for_cue(self, ms, cue, form, verb, found):
        """Find who a cue belongs to; returns (phrase, how) or (None, '')."""
        lead = max(0, cue.start() - _CUE_WINDOW)
        pre, post = ms[lead : cue.start()], ms[cue.end() : cue.end() + _CUE_WINDOW]
        return self._speaker_in_window(pre, lead, post, cue, form, verb, found)

    def _speaker_in_window(self, pre, lead, post, cue, form, verb, found):
        """:meth:`_speaker_for_cue` on ``pre``, the text from ``lead`` to the cue."""
        if form in _PHRASE_CUES:
            phrase = _speaker_after(post)
            if phrase is None and form != "per":  # "9 per cent"
                phrase = _source_after(post)
            if phrase is None:
                return None, ""
            phrase.start += cue.end()
            phrase.end += cue.end()
            return phrase, "according"
        if verb is None or (cue.group()[0].isupper() and cue.start() > 0):
            return None, ""
        if re.search(rf"\b(?:{_DET}|such|these|those|this)\s*$", pre, re.I) or (
            form.endswith("s") and _FINITE.match(post.lstrip())
        ):
            return None, ""  # "in a report", "the remarks followed": a noun, not a verb
        if form.endswith("s") and _QUANTITY_BEFORE.search(pre):
            return None, ""  # "in four of five states", "two reports": a plural noun
        # inverted: “…,” said X   /   “…,” X said   (the quote ends just before)
        quote_before = re.search(r"[”\"’']\s*[,]?\s*$|[,?!.][”\"’']\s*$", pre.rstrip() + " ")
        gerund = form.endswith("ing")
        if gerund:
            if not verb.gerund_reports:
                return None, ""
            if not re.search(r"(?:,|\bby|\bbefore|\bafter)\s*$", pre):
                return None, ""
            subject = _copy(found[-1][1]) if found else _shifted(_clause_subject(pre), lead)
            if subject is not None:
                subject.borrowed = True
            return (subject, "gerund") if subject is not None else (None, "")
        if found and re.search(r",\s*(?:who|which)\s*$", pre):
            # "…, said Ray Dunleavy, president of X, who said …": the same speaker again
            return _copy(found[-1][1]), "before"
        if re.search(r"(?:,\s*|\s)(?:and|but)\s*$", pre):
            # "X claimed …, and said …", "X admitted … but said …": the same subject
            subject = _copy(found[-1][1]) if found else _shifted(_clause_subject(pre), lead)
            if subject is not None:
                subject.borrowed = True
                return subject, "before"
        before = _shifted(_speaker_before(pre), lead)
        if before is not None and before.across_auxiliary and found:
            before = None  # "X said the board had concluded …": inside X's words
        if before is not None and not _singular_name_with_base_verb(before, form, verb):
            return before, "before"
        if quote_before or re.search(r",\s*$", pre) or not pre.strip():
            after = _speaker_after(post)
            if after is not None:
                after.start += cue.end()
                after.end += cue.end()
                return after, "after"
        return None, ""

    def _content(self, p, s_idx, s0, s1, ms, cue, phrase, entity, how, quotes, nxt) -> None:
        text = self.paragraphs[p]
        form = _WS.sub(" ", cue.group().lower())
        verb = reporting_verbs().get(form)
        needs = verb.needs if verb else "yes"
        cue_text = cue.group()
        mention = phrase.text
        if verb is not None and verb.lemma in _FRAMES and how in ("before", "gerund"):
            span = _frame_span(ms, cue, verb.lemma)
            if span is not None:
                a, b = s0 + span[0], s0 + span[1]
                inner = [q for q in quotes if a <= q.open_at and q.outer_end <= b + 1]
                for q in inner:
                    self.claimed.add((p, q.start))
                frags = [(q.start, min(q.end, b)) for q in inner]
                kind = "partial" if frags else "indirect"
                rule = _FRAMES[verb.lemma]
                self._emit(
                    p, s_idx, entity, kind, a, b, cue_text, mention, rule, phrase.role, frags
                )
                self._remember(entity, p, s0 + min(phrase.start, cue.start()))
                return
            if verb.lemma == "call":
                return  # "called for", "called the meeting": no speech
        if phrase.borrowed:  # the subject stands earlier: the attribution is the cue alone
            attr_start, attr_end = s0 + cue.start(), s0 + cue.end()
        else:
            attr_start = s0 + min(phrase.start, cue.start())
            attr_end = s0 + max(phrase.end, cue.end())
        # quotations directly before or after the attribution are the speaker's words
        adjacent_before = [
            q
            for q in quotes
            if q.outer_end <= attr_start
            and _gap_is_punct(text, q.outer_end, attr_start)
            # "Water companies … had been “let off the hook”, the trust said": a phrase
            # inside the writer's sentence, so partial speech, not a direct quote
            and (
                q.open_at <= s0 + 1 or text[s0 : q.open_at].rstrip().endswith((":", ".", "?", "!"))
            )
        ]
        audience = bool(verb and verb.names_audience)
        after_pos = _skip_after_cue(text, attr_end, audience) if how != "after" else attr_end
        # '“A,” said X, an economist at Y, “B.”': the quotation resumes after the apposition
        role_end = attr_end
        if how == "after" and phrase.role and adjacent_before:
            role_at = text.find(phrase.role, attr_end, s1)
            if role_at >= 0 and not text[attr_end:role_at].strip(" ,"):
                role_end = role_at + len(phrase.role)
        adjacent_after = [
            q
            for q in quotes
            if q.open_at >= attr_end
            and (
                _gap_is_punct(text, attr_end, q.open_at, allow_colon=True)
                or _gap_is_punct(text, after_pos, q.open_at, allow_colon=True)
                or (role_end > attr_end and _gap_is_punct(text, role_end, q.open_at))
            )
        ]
        across = _ACROSS_AUXILIARY if phrase.across_auxiliary else ""
        directs: list[QuoteSpan] = []
        if adjacent_before:
            directs.append(adjacent_before[-1])
        for q in adjacent_after:
            # a quotation that opens right after the attribution and runs to the sentence end
            tail = text[q.outer_end : s1].strip()
            if (
                _only_punct(tail)
                or q.close_at is None
                or (nxt is None and _is_full_sentence_quote(text, q))
            ):
                directs.append(q)
                break
        if directs and how != "according":
            for q in directs:
                self._emit(
                    p,
                    s_idx,
                    entity,
                    "direct",
                    q.start,
                    q.end,
                    cue_text,
                    mention,
                    f"direct quote, speaker {how} the quote{across}",
                    phrase.role,
                    [],
                )
                self.claimed.add((p, q.start))
            self._remember(entity, p, attr_start)
            return
        # reported speech: the clause after the cue, or before it ("…, X said.")
        sentence_end = s0 + len(text[s0:s1].rstrip().rstrip(".!?;").rstrip())
        if sentence_end < s1 and text[s0:s1].rstrip().endswith(("”", '"', "’")):
            sentence_end = s0 + len(text[s0:s1].rstrip())
        aside = _aside_bounds(text, s0, s1, attr_start)
        clause_from, clause_to = None, None
        tail_from = after_pos
        if how == "after" and phrase.role:
            # "…, said Jane Okafor, the foreign minister." — the apposition is no content
            role_at = text.find(phrase.role, attr_end, sentence_end)
            if role_at >= 0 and not text[attr_end:role_at].strip(" ,"):
                tail_from = role_at + len(phrase.role)
        tail = text[tail_from:sentence_end]
        # "…, she said, adding that …" / "…, X said in a statement, which also …": what
        # follows is another utterance or a remark about the speaker, not this content
        follows = re.match(r"\s*,\s*(?:which|who|([a-z]+ing))\b", tail)
        if follows and (not follows.group(1) or follows.group(1) in reporting_verbs()):
            tail = tail[: follows.start()]
        tail_is_empty = _only_adverbials(tail)
        if (
            not tail_is_empty
            and text[s0:attr_start].rstrip().endswith(",")
            and not _is_fronted(text[s0:attr_start])  # "By 2027, she added, the group …"
            and _apposition_tail(tail)
        ):
            # "…, said Jane Okafor, director of the X project." / "…, Okafor said, a policy
            # that …": the speaker's apposition or the writer's gloss, not her words (rule
            # "reported speech before the attribution", the content before the comma)
            tail_is_empty = True
        if (
            how == "according"
            and text[s0:attr_start].strip() == ""
            or (
                how == "according" and re.match(r"\s*[Aa]ccording", text[s0 : s0 + cue.start() + 1])
            )
        ):
            m = re.match(r"[^,]*,\s*", text[attr_end:sentence_end])
            clause_from = attr_end + (m.end() if m else 0)
            clause_to = sentence_end
        elif tail_is_empty or how == "according":
            lead = text[s0:attr_start].rstrip()
            if lead.endswith(","):
                clause_from, clause_to = s0, s0 + len(lead) - 1
            elif re.search(r",\s?[”\"’']{1,2}$", lead) and not _only_punct(lead):
                # 'Candidates who think "America … are dangerously wrong," she said': the comma
                # inside the closing mark (American style) ends the reported clause
                clause_from, clause_to = s0, s0 + len(lead)
            elif how == "according":
                return
        elif (
            re.match(r"\s*,", text[attr_end:])
            and how in ("before", "after")
            and _is_fronted(text[s0:attr_start])
        ):
            m = re.match(r"\s*,\s*", text[attr_end:])
            if _FRONTED_ADVERBIAL.match(text[s0:attr_start].strip()):
                # "In return, X added, the town would …": content after the second comma
                clause_from, clause_to = attr_end + m.end(), sentence_end
            else:
                # "The numbers, he says, were never the hard part": the fronted words are the
                # clause's subject, so the content is the whole clause (PARC keeps it whole)
                clause_from, clause_to = s0, sentence_end
            how = "middle"
        else:
            clause_from, clause_to = after_pos, sentence_end
        if clause_from is None:
            return
        clause_from = max(clause_from, self.content_start[p])
        if aside is not None:
            clause_from = max(clause_from, aside[0])
            clause_to = min(clause_to, aside[1])
        next_at = None
        if nxt is not None:
            next_at = s0 + (nxt[1].start if s0 + nxt[1].start > clause_from else nxt[0].start())
        if next_at is not None and clause_from < next_at < clause_to:
            cut = next_at
            clause_to = min(clause_to, cut)
            clause_to = _trim_connector(text, clause_from, clause_to)
        clause_from, clause_to = _trim(text, clause_from, clause_to)
        if clause_to - clause_from < 2:
            return
        inner = [q for q in quotes if clause_from <= q.open_at and q.outer_end <= clause_to + 1]
        clause = text[clause_from:clause_to]
        if inner and _NOT_CLAUSE_START.match(clause.strip()) and how != "according":
            return
        # Reported speech needs a clause ("said the plan was …", not "denied a request"); a
        # quoted phrase after a verb that also takes plain objects needs one too ("admitted
        # 14 counts of fraud … “consultancy fees”" is not speech).
        check = how != "according" and clause_from >= attr_end
        check = check and (not inner or (verb is not None and verb.takes_noun_object))
        if check and not _reports_speech(text[attr_end:clause_from], clause, verb, needs):
            return
        if inner:
            clause_to = _cut_writer_gloss(text, clause_from, clause_to, inner)
            clause_to = _cut_next_action(text, clause_from, clause_to, inner)
        for q in inner:
            self.claimed.add((p, q.start))
        # a quotation left open runs to the end of the paragraph: its fragment stops where
        # the clause does ("… “the,“ Okafor said." once gave a fragment past the clause)
        frags = [(q.start, min(q.end, clause_to)) for q in inner if q.start < clause_to]
        kind = "partial" if frags else "indirect"
        rule = {
            "before": "reported speech after the cue",
            "after": "reported speech, speaker after the cue",
            "according": "'according to' attribution",
            "gerund": "reported speech after a participle cue (', adding that')",
            "middle": "reported speech after a mid-sentence attribution ('In return, X added, …')",
        }[how]
        if clause_to <= attr_start:
            rule = "reported speech before the attribution ('…, X said')"
        if phrase.across_auxiliary:
            rule += _ACROSS_AUXILIARY
        self._emit(
            p,
            s_idx,
            entity,
            kind,
            clause_from,
            clause_to,
            cue_text,
            mention,
            rule,
            phrase.role,
            frags,
        )
        self._remember(entity, p, attr_start)

    def _standalone_quotes(self, p: int, sentence_spans: list[tuple[int, int]]) -> None:
        """A whole sentence in quotation marks with no cue continues the previous speaker."""
        text = self.paragraphs[p]
        for q in self.quotes[p]:
            if (p, q.start) in self.claimed or self._inside_utterance(p, q):
                continue
            s_idx, (s0, s1) = next(
                ((i, s) for i, s in enumerate(sentence_spans) if s[0] <= q.open_at < s[1]),
                (0, (0, len(text))),
            )
            if not _is_full_sentence_quote(text, q, s0):
                continue
            intro = self.masked[p][s0 : q.open_at]
            if intro.strip() and not _cues(intro):
                continue  # "a sign reads: “…”" — introduced, but by no reporting verb
            after = self._speaker_in_next_sentence(p, q, sentence_spans)
            if after is not None:
                entity, cue, mention = after
                rule = "direct quote, speaker in the next sentence ('…?” X said.')"
                self._emit(p, s_idx, entity, "direct", q.start, q.end, cue, mention, rule, None, [])
                self.claimed.add((p, q.start))
                continue
            prev = self._introduced_before(p, q)
            if prev is not None:
                rule = "direct quote introduced at the end of the previous paragraph ('He added:')"
                self._emit_quote(p, sentence_spans, q, prev[0], prev[1], rule, prev[2])
                continue
            prev = self._previous_speaker(p, q)
            if prev is None:
                entity, cue, rule = None, "", "standalone quotation with no speaker"
            else:
                entity, cue, rule = (
                    prev[0],
                    prev[1],
                    "standalone quotation: continues the previous speaker",
                )
            self._emit_quote(p, sentence_spans, q, entity, cue, rule, "")

    def _speaker_in_next_sentence(
        self, p: int, q: QuoteSpan, sentence_spans: list[tuple[int, int]]
    ) -> tuple[Entity, str, str] | None:
        """“Is it over?” Trump said. — a quotation ending in ? or ! is split from its
        attribution by the sentence splitter: the next sentence, right after the closing
        mark, holding nothing but a speaker and a cue (and adverbials), is its attribution."""
        text = self.paragraphs[p]
        if q.close_at is None or not text[q.start : q.end].rstrip().endswith(("?", "!", "…")):
            return None
        nxt = next(((a, b) for a, b in sentence_spans if a >= q.outer_end), None)
        if nxt is None or text[q.outer_end : nxt[0]].strip():
            return None
        s0, s1 = nxt
        ms = self.masked[p][s0:s1]
        cues = _cues(ms)
        if len(cues) != 1:
            return None
        cue = cues[0]
        form = _WS.sub(" ", cue.group().lower())
        if form not in reporting_verbs():
            return None
        pre, post = ms[: cue.start()], ms[cue.end() :]
        phrase = _speaker_before(pre) if pre.strip() else None
        if phrase is not None and pre[: phrase.start].strip():
            return None  # the words before the speaker are more than a speaker
        if phrase is None and not pre.strip():
            phrase = _speaker_after(post)
            if phrase is not None:
                phrase.start += cue.end()
                phrase.end += cue.end()
                post = post[phrase.end - cue.end() :]
        elif phrase is not None and not _only_adverbials(post.strip(" .")):
            return None
        if phrase is None or phrase.kind == "pronoun" and phrase.text.islower():
            return None
        entity = self.resolve(phrase, p, s0)
        if entity is None:
            return None
        self._remember(entity, p, s0 + phrase.start)
        return entity, cue.group(), phrase.text

    def _introduced_before(self, p: int, q: QuoteSpan) -> tuple[Entity, str, str] | None:
        """The previous paragraph ends with a cue and a colon ("He added:") and this one opens
        with the quotation: the speaker of that cue."""
        text = self.paragraphs[p]
        if p == 0 or q.open_at != _first_char(text):
            return None
        before = self.paragraphs[p - 1].rstrip()
        if not before.endswith(":") or not self.sentence_spans[p - 1]:
            return None
        s0, s1 = self.sentence_spans[p - 1][-1]
        ms = self.masked[p - 1][s0:s1]
        cues = _cues(ms)
        if not cues:
            return None
        cue = cues[-1]
        rest = ms[cue.end() :]
        if (
            rest.strip(" :")
            and not _only_adverbials(rest.strip(" :"))
            and not _AUDIENCE.match(rest)
        ):
            return None  # "… said the plan was:" — the colon ends other words
        form = _WS.sub(" ", cue.group().lower())
        verb = reporting_verbs().get(form)
        if verb is None:
            return None
        phrase, _how = self._speaker_for_cue(ms, cue, form, verb, [])
        if phrase is None:
            return None
        spoke = self._by_paragraph.get(p - 1, ())
        last = self.speakers.get(max(spoke, key=lambda u: u.start).speaker) if spoke else None
        if phrase.kind == "pronoun" and last is not None and last.kind == "person":
            return last, cue.group(), phrase.text  # "X said …. He added:" — X again
        entity = self.resolve(phrase, p - 1, s0)
        return (entity, cue.group(), phrase.text) if entity is not None else None

    def _previous_speaker(self, p: int, q: QuoteSpan) -> tuple[Entity, str] | None:
        earlier = [
            u
            for q_p in (p - 1, p)
            for u in self._by_paragraph.get(q_p, ())
            if (u.paragraph, u.start) < (p, q.start)
        ]
        if not earlier:
            return None
        last = max(earlier, key=lambda u: (u.paragraph, u.start))
        # Carry-over only where the article's structure supports it (issue 19; measured on
        # PolNeAR train: 0.87 right within a paragraph, 0.37-0.55 from the previous one): the
        # speaker spoke earlier in this paragraph, or the next attribution in this paragraph
        # names the same speaker. A quotation
        # continued from an unclosed one in the previous paragraph is read in ``run``.
        later = [u for u in self._by_paragraph.get(p, ()) if u.start > q.start]
        following = min(later, key=lambda u: u.start) if later else None
        if last.paragraph != p and (following is None or following.speaker != last.speaker):
            return None
        entity = self.speakers.get(last.speaker)
        return (entity, last.cue) if entity is not None else None

    def _emit_quote(self, p, sentence_spans, q, entity, cue, rule, mention) -> None:
        s_idx = next((i for i, (a, b) in enumerate(sentence_spans) if a <= q.open_at < b), 0)
        self._emit(p, s_idx, entity, "direct", q.start, q.end, cue, mention, rule, None, [])
        self.claimed.add((p, q.start))

    def _emit(self, p, s_idx, entity, kind, start, end, cue, mention, rule, role, frags) -> None:
        name = entity.canonical if entity is not None else UNKNOWN_SPEAKER
        if entity is not None:
            self.speakers.setdefault(name, entity)
            if entity.kind == "person":
                entity.describe(role)
            if mention and mention not in entity.mentions:
                entity.mentions.append(mention)
        if any(u.start == start for u in self._by_paragraph.get(p, ())):
            return
        utterance = Utterance(p, s_idx, name, kind, start, end, cue, mention, rule, role, frags)
        self.utterances.append(utterance)
        self._by_paragraph.setdefault(p, []).append(utterance)

    def _remember(self, entity: Entity, p: int, at: int) -> None:
        self._spoken_sorted &= not self._spoken_p or p >= self._spoken_p[-1]
        self.spoken_at.append((p, at, entity))
        self._spoken_p.append(p)


# Reporting frames (issue 19; PolNeAR annotates the object and its complement as content):
# "X called him divisive", "X called the plan “a disaster”", "X described the outburst as the
# emotions of a worried spouse". The rule names, by the verb's lemma:
_FRAMES = {
    "call": "reporting frame: call X Y ('called him divisive')",
    "describe": "reporting frame: describe X as Y",
}
_FRAME_OBJECT = re.compile(
    r"\s++((?:him|her|them|it|himself|herself|themselves|me|us|you)\b"
    r"|(?:the|his|her|their|its|this|that|these|those)\s++[\w’'\-]++(?:\s++[a-z][\w’'\-]*+){0,3}?"
    r"(?=\s++(?:a|an|as|▒|[“\"]))"
    rf"|{_NAME_TOKEN}(?:\s++{_NAME_TOKEN}){{0,3}}+(?:[’']s?+)?+)"
)
# After "called": particles and prepositions of its other senses ("called for", "called off")
_NOT_CALL_OBJECT = frozenset(
    """for on upon in into off out up back to at by from with about over around forth it's
    attention""".split()
)
_NOT_COMPLEMENT = re.compile(
    rf"(?:{_TIME_WORDS}|{_TIME_NOUNS}|on|in|at|to|for|from|with|by|about|after|before|back|"
    r"out|up|off|over|and|or|but|that|who|which|last|this|next|because|when|while|if|as|"
    r"so|twice|again|quits|names|home)\b",
    re.IGNORECASE,
)


def _frame_span(ms: str, cue: _Cue, lemma: str) -> tuple[int, int] | None:
    """The object and complement after a frame verb, as offsets in the masked sentence
    ``ms`` (quoted words are masked with ▒): ``called [him divisive]``."""
    rest = ms[cue.end() :]
    stop = re.search(r"[.;:!?]|,\s|\s[–—]\s|\s(?:and|but|while|after|before|because)\s", rest)
    clause_end = stop.start() if stop else len(rest.rstrip())
    m = _FRAME_OBJECT.match(rest)
    if m is None or m.end() >= clause_end:
        return None
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
    if lemma == "call" and not (complement[:1] in '▒“"' or len(complement.split()) <= 6):
        return None  # "called him a liar", not "called him to say the meeting was off"
    start = cue.end() + m.start(1)
    end = cue.end() + clause_end
    return start, end


# A number or quantity word before an -s form makes it a plural noun (a plural subject takes
# the base form: "many say", never "many says"): "in four of five states", "several notes".
_QUANTITY_BEFORE = re.compile(
    r"\b(?:\d++|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds|thousands|"
    r"several|many|few|other|both|all|of|more|fewer)\s*$",
    re.IGNORECASE,
)


def _apposition_tail(tail: str) -> bool:
    """The text after an attribution is an apposition: ``, director of …``, ``, a policy
    that …`` (a determiner, or a role noun in its first three words), with no cue in it."""
    m = re.match(r"\s*,\s*", tail)
    if m is None:
        return False
    rest = tail[m.end() :]
    starts = re.match(r"(?:a|an|the)\s", rest) or (
        rest[:1].islower() and _names_a_role(" ".join(rest.split()[:3]))
    )
    return bool(starts) and not _cues(rest)


def _only_adverbials(text: str) -> bool:
    """True when ``text`` holds nothing but adverbials ("on Wednesday in a statement")."""
    pos = 0
    while m := _ADVERBIAL.match(text[pos:]):
        if not m.end():
            break
        pos += m.end()
    return not text[pos:].strip(" ,.")


def _first_char(text: str) -> int:
    return len(text) - len(text.lstrip())


def _gap_is_punct(text: str, a: int, b: int, *, allow_colon: bool = False) -> bool:
    gap = text[a:b]
    allowed = " ,.\u00a0" + (":" if allow_colon else "")
    return b >= a and all(ch in allowed for ch in gap) and len(gap) <= 4


def _only_punct(s: str) -> bool:
    return all(not ch.isalnum() for ch in s)


def _is_full_sentence_quote(text: str, q: QuoteSpan, s0: int | None = None) -> bool:
    """The quotation is a sentence (or more) of its own, not a phrase inside the writer's."""
    inner = text[q.start : q.end].strip()
    before = text[s0 if s0 is not None else 0 : q.open_at].strip()
    after = text[q.outer_end :].strip()
    starts_sentence = before == "" or before.endswith((".", ":", "?", "!"))
    ends_sentence = (
        q.close_at is None
        or inner.endswith((".", "?", "!", ","))
        or after[:1] in ("", ".", "?", "!")
    )
    return (
        starts_sentence
        and ends_sentence
        and (len(inner.split()) >= 2 or inner.endswith((".", "?", "!")))
    )


def _shifted(phrase: SpeakerPhrase | None, offset: int) -> SpeakerPhrase | None:
    """``phrase`` with its offsets moved by ``offset`` (found in a window of the sentence)."""
    if phrase is not None and offset:
        phrase.start += offset
        phrase.end += offset
    return phrase


def _copy(phrase: SpeakerPhrase) -> SpeakerPhrase:
    """The subject of an earlier verb, reused by a later cue (", adding that …")."""
    return SpeakerPhrase(
        phrase.text, phrase.start, phrase.end, phrase.kind, phrase.role, phrase.definite, True
    )


def _singular_name_with_base_verb(phrase: SpeakerPhrase, form: str, verb) -> bool:
    """A one-word name before the base form of a verb ("Rogue state tyrant …" read as
    "Rogue" + "state"): ungrammatical for a person, so not a reporting cue. Plural names
    ("Democrats say") and organisations ("Arsenal say") are kept."""
    return (
        verb is not None
        and form == verb.lemma
        and phrase.kind == "name"
        and len(phrase.text.split()) == 1
        and not phrase.text.endswith("s")
        and EntityIndex.classify(phrase.text) != "institution"
    )


def _clause_subject(pre: str) -> SpeakerPhrase | None:
    """The subject of the clause a cue continues: the speaker phrase that opens the
    sentence or follows a fronted phrase ("In its report, the bank cut …, and said …";
    "Dunmore boss Alan Corrigan was in no mood …, insisting …")."""
    for m in re.finditer(r"(?:^|,\s+)", pre):
        segment = pre[m.end() :]
        pronoun = re.match(r"(he|she|they|it|He|She|They|It)\b", segment)
        if pronoun:
            return SpeakerPhrase(pronoun.group(1), m.end(), m.end() + pronoun.end(), "pronoun")
        end = 0
        for w in re.finditer(r"[\w’'\-\.&]+", segment):  # lazily: the loop stops early
            token = w.group()
            noun = speaker_nouns().get(token.lower(), {}).get("kind")
            capitalised = token[:1].isupper() and token.lower() not in _NOT_MODIFIERS | {
                "in",
                "on",
                "at",
            }
            if capitalised or token.lower() in ("the", "a", "an") or noun:
                end = w.end()
            else:
                break
        phrase = _speaker_at_end(segment[:end], None) if end else None
        if phrase is not None and phrase.kind == "name" and _ordinary_word(phrase.text):
            continue  # "Sitting beside X, the minister said …": a participle, not a name
        if phrase is not None:
            phrase.start += m.end()
            phrase.end += m.end()
            return phrase
    return None


def _aside_bounds(text: str, s0: int, s1: int, pos: int) -> tuple[int, int] | None:
    """The dash or parenthesis aside containing ``pos``, if any (content stays inside it)."""
    seg = text[s0:s1]
    rel = pos - s0
    for opener, closer in (("–", "–"), ("—", "—"), ("(", ")")):
        left = seg.rfind(f" {opener} " if opener in _DASHES else opener, 0, rel)
        if left < 0 or (opener == "(" and seg.find(closer, left, rel) >= 0):
            continue  # "(61 percent) …, according to X": the parenthesis closed before
        right = seg.find(f" {closer} " if closer in _DASHES else closer, rel)
        if right < 0 and opener in _DASHES:
            continue
        start = s0 + left + (3 if opener in _DASHES else 1)
        end = s0 + right if right >= 0 else s1
        return start, end
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,:;":
        a += 1
    while b > a and text[b - 1] in " ,;:–—":
        b -= 1
    return a, b


def _trim_connector(text: str, a: int, b: int) -> int:
    segment = text[a:b]
    m = re.search(r"(?:,?\s+(?:but|and|while|whereas|although|as)\s*|,\s*)$", segment)
    return a + m.start() if m else b


def _cut_writer_gloss(text: str, a: int, b: int, inner: list[QuoteSpan]) -> int:
    """Drop a trailing apposition after the last quoted fragment: ``…”, a reference to …``."""
    last = max(q.outer_end for q in inner)
    tail = text[last:b]
    if re.match(r"\s*,\s*(?:a|an|which|in\s+a|referring)\b", tail):
        return last
    return b


def _cut_next_action(text: str, a: int, b: int, inner: list[QuoteSpan]) -> int:
    """End a partial clause before a second verb of the speaker: ``…” and urged students``."""
    last = max(q.outer_end for q in inner)
    m = re.match(r"\s+(?:and|but)\s+(?:then\s+)?[a-z]+ed\b", text[last:b])
    return last if m else b


_FRONTED_ADVERBIAL = re.compile(
    r"(?:in|on|at|for|after|before|by|with|without|from|during|since|until|under|over|as|"
    r"if|when|while|although|though|however|meanwhile|instead|still|yet|so|then|now|today|"
    r"yesterday|also|[a-z]+ly)\b",
    re.IGNORECASE,
)


def _is_fronted(lead: str) -> bool:
    """A short fronted adverbial before a mid-sentence attribution: ``In return,``."""
    lead = lead.strip()
    return lead.endswith(",") and 1 <= len(lead.split()) <= 6


@lexicon_cache(maxsize=64)
def _analyse_cached(article: Article) -> _Analysis:
    with step(article, "who speaks (the attribution)"):
        return _Attributor(article).run()


def _analyse(article: Article) -> _Analysis:
    """One attribution pass per article, shared by every table; redone if a lexicon changed."""
    if lexicons_changed():
        _analyse_cached.cache_clear()
        _voices.cache_clear()
        _segments_cached.cache_clear()
        _cue_forms.cache_clear()
    return _analyse_cached(article)


# ----------------------------------------------------------------------------------------
# Public tables
# ----------------------------------------------------------------------------------------
def extract_quotes(article: Article) -> pd.DataFrame:
    """One row per quoted or reported utterance (see ``QUOTE_COLUMNS``).

    ``kind`` is ``direct`` (a whole utterance in quotation marks; ``text`` is the words
    inside the marks), ``partial`` (reported speech containing quoted fragments; ``text`` is
    the reported clause, ``fragments`` the quoted words) or ``indirect`` (reported speech
    without marks). ``rule`` names the rule that found it.

    >>> from helpers import article_from_text
    >>> a = article_from_text("T\\n\\n“We will win,” said Jane Okafor, the minister.")
    >>> extract_quotes(a)[["speaker", "kind", "text", "cue"]].values.tolist()
    [['Jane Okafor', 'direct', 'We will win,', 'said']]
    """
    analysis = _analyse(article)
    rows = []
    for u in analysis.utterances:
        text = article.paragraphs[u.paragraph]
        rows.append(
            (
                u.paragraph,
                u.sentence,
                u.speaker,
                u.kind,
                text[u.start : u.end],
                u.cue,
                u.start,
                u.end,
                [text[a:b] for a, b in u.fragments],
                u.speaker_mention,
                u.rule,
            )  # fmt: skip
        )
    return _typed(
        pd.DataFrame(rows, columns=QUOTE_COLUMNS), ("paragraph", "sentence", "start", "end")
    )


def scare_quotes(article: Article) -> pd.DataFrame:
    """Quoted spans that nobody in the article speaks: ``paragraph, text, start, end``.

    >>> from helpers import article_from_text
    >>> scare_quotes(article_from_text("T\\n\\nThe so-called “reform” failed.")).text.tolist()
    ['reform']
    """
    analysis = _analyse(article)
    rows = [
        (q.paragraph, article.paragraphs[q.paragraph][q.start : q.end], q.start, q.end)
        for q in analysis.scare
    ]
    return _typed(
        pd.DataFrame(rows, columns=["paragraph", "text", "start", "end"]),
        ("paragraph", "start", "end"),
    )


def speakers(article: Article) -> pd.DataFrame:
    """One row per speaker: ``speaker, kind, role, mentions, n_utterances``.

    ``kind`` is ``person``, ``institution`` or ``anonymous``; ``mentions`` lists the ways
    the article refers to the speaker (merged into one canonical name).
    """
    analysis = _analyse(article)
    counts: dict[str, int] = {}
    for u in analysis.utterances:
        counts[u.speaker] = counts.get(u.speaker, 0) + 1
    rows = []
    for name, n in counts.items():
        entity = analysis.speakers.get(name)
        if entity is None:
            rows.append((name, "unknown", None, [], n))
            continue
        mentions = sorted({m for m in entity.mentions if m} | {entity.canonical})
        rows.append((name, entity.kind, entity.role, mentions, n))
    table = pd.DataFrame(rows, columns=["speaker", "kind", "role", "mentions", "n_utterances"])
    return table.sort_values(
        ["n_utterances", "speaker"], ascending=[False, True], ignore_index=True
    )


def voices(article: Article, *, headline: bool = False) -> pd.DataFrame:
    """Every character of the body labelled with who speaks it (see ``VOICE_COLUMNS``).

    ``voice`` is a canonical speaker or ``NARRATOR``; ``mode`` is ``quoted`` (the speaker's
    own words, inside marks), ``reported`` (the outlet's paraphrase of the speaker) or
    ``narration``. Segments are contiguous and cover each paragraph exactly once.
    """
    _analyse(article)  # refresh the caches if a lexicon changed
    return _voices(article, headline).copy()


@lexicon_cache(maxsize=64)
def _voices(article: Article, headline: bool) -> pd.DataFrame:
    """The voices table (cached; :func:`voices` returns a copy)."""
    analysis = _analyse(article)
    rows = []
    if headline:
        rows.append((-1, 0, len(article.title), NARRATOR, "narration", article.title))
    by_paragraph: dict[int, list[Utterance]] = {}
    for u in analysis.utterances:
        by_paragraph.setdefault(u.paragraph, []).append(u)
    for p, text in enumerate(article.paragraphs):
        # later utterances overwrite earlier ones, character by character; the label can
        # only change where a span starts or ends, so the runs are cut at those points
        labels: list[tuple[str, str]] = [(NARRATOR, "narration")] * len(text)
        cuts = {0, len(text)}
        for u in by_paragraph.get(p, ()):
            if u.kind == "direct":
                spans = [(u.start, u.end, "quoted")]
            else:
                spans = [(u.start, u.end, "reported"), *((a, b, "quoted") for a, b in u.fragments)]
            for a, b, mode in spans:
                if b > a:
                    labels[a:b] = [(u.speaker, mode)] * (b - a)
                    cuts.update((a, b))
        bounds = sorted(cuts)
        start = 0
        for i in bounds[1:]:
            if i == len(text) or labels[i] != labels[start]:
                voice, mode = labels[start]
                rows.append((p, start, i, voice, mode, text[start:i]))
                start = i
    return _typed(pd.DataFrame(rows, columns=VOICE_COLUMNS), ("paragraph", "start", "end"))


def _typed(table: pd.DataFrame, int_columns: tuple[str, ...]) -> pd.DataFrame:
    """Integer columns as int64: pandas infers them from Python ints, except in an empty
    table (a cheaper path than ``astype`` on every table)."""
    if all(table[c].dtype == "int64" for c in int_columns):
        return table
    return table.astype(dict.fromkeys(int_columns, "int64"))


def _segments(article: Article) -> dict[int, list[tuple[int, int, str, str]]]:
    """The voices table as plain ``(start, end, voice, mode)`` tuples per paragraph."""
    _analyse(article)
    return _segments_cached(article)


@lexicon_cache(maxsize=64)
def _segments_cached(article: Article) -> dict[int, list[tuple[int, int, str, str]]]:
    table = _voices(article, False)
    segments: dict[int, list[tuple[int, int, str, str]]] = {}
    columns = ("paragraph", "start", "end", "voice", "mode")
    for p, start, end, voice, mode in zip(*(table[c].tolist() for c in columns), strict=True):
        segments.setdefault(p, []).append((start, end, voice, mode))
    return segments


def share_of_voice(article: Article) -> pd.DataFrame:
    """Words spoken per voice and mode: ``voice, mode, n_words, share`` (share of the body).

    Quoted words count for the speaker; ``reported`` words are the outlet's paraphrase of
    the speaker; ``narration`` is the outlet's own voice (NARRATOR).
    """
    from .text import count_words

    words: dict[tuple[str, str], int] = {}
    for p, segments in _segments(article).items():
        text = article.paragraphs[p]
        for start, end, voice, mode in segments:
            words[voice, mode] = words.get((voice, mode), 0) + count_words(text[start:end])
    kept = [(voice, mode, n) for (voice, mode), n in sorted(words.items()) if n > 0]
    total = sum(n for _, _, n in kept)
    kept.sort(key=lambda row: (-row[2], row[0]))  # most words first, then by name (stable)
    return pd.DataFrame(
        {
            "voice": pd.Series([v for v, _, _ in kept], dtype="str"),
            "mode": pd.Series([m for _, m, _ in kept], dtype="str"),
            "n_words": np.array([n for _, _, n in kept], dtype="int64"),
            "share": np.array([n / total for _, _, n in kept], dtype="float64"),
        }
    )


def cues_by_speaker(article: Article) -> pd.DataFrame:
    """Reporting verbs used for each speaker, with their connotation from the lexicon:
    ``speaker, cue, connotation, n``."""
    quotes = extract_quotes(article)
    verbs = reporting_verbs()
    quotes = quotes[quotes["cue"] != ""]
    rows = [
        (
            speaker,
            cue.lower(),
            verbs[cue.lower()].connotation if cue.lower() in verbs else "attribution phrase",
        )
        for speaker, cue in zip(quotes["speaker"], quotes["cue"], strict=False)
    ]
    table = pd.DataFrame(rows, columns=["speaker", "cue", "connotation"])
    counted = table.groupby(["speaker", "cue", "connotation"], as_index=False).size()
    return counted.rename(columns={"size": "n"}).sort_values(
        ["speaker", "n"], ascending=[True, False], ignore_index=True
    )
