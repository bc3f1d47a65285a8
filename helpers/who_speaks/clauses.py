"""Clauses: is the text after a cue reported speech, and where does it end?

Reported speech needs a clause: "said [that] the plan was doomed" reports speech, "denied
a request for comment" or "urged residents to stay indoors" does not (PARC 3.0 keeps the
whole reported clause as content). The tests here read the words after a cue
(:func:`skip_after_cue` passes adverbials, the audience of "told reporters" and ``that``;
:func:`reports_speech` decides), and trim a content span: at a dash or parenthesis aside,
a connector before the next cue, the writer's gloss after a quoted fragment, or the
speaker's next action. The reporting frames "X called him divisive" and "X described it
as Y" are found by :func:`frame_span`.

>>> clause_ok("the plan was doomed", "yes")
True
>>> clause_ok("a request for comment", "yes")
False
"""

from __future__ import annotations

import re

from ..entities import names_a_role
from ..lexicons import ReportingVerb
from ..quotemarks import DASHES, QuoteSpan
from .cues import ADVERBIAL, find_cues
from .gerunds import is_gerund_clause

__all__ = [
    "AUDIENCE",
    "FINITE",
    "FRAMES",
    "FRONTED_ADVERBIAL",
    "NOT_CLAUSE_START",
    "NEXT_ACTION",
    "apposition_tail",
    "aside_bounds",
    "clause_ok",
    "commitment_end",
    "cut_next_action",
    "cut_writer_gloss",
    "is_commitment",
    "is_fronted",
    "phrase_before_quote",
    "reports_speech",
    "skip_after_cue",
    "trim",
    "trim_connector",
]

_CLAUSE_START = re.compile(
    r"^(?:that|he|she|it|they|we|i|there|this|these|those|you|"
    r"whether|if|why|how|what|when|where|who)\b",
    re.IGNORECASE,
)
#: A finite verb in the first words after a cue: what follows is a clause, not a noun phrase.
FINITE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would|could|should|can|may|might|"
    r"must|shall|did|does|do|won't|wouldn't|can't|couldn't|didn't|doesn't|don't|isn't|"
    r"wasn't|weren't|hasn't|haven't|hadn't|[a-z]{2,}n[’']t|needs|wants|plans|remains|expects|believes|"
    r"hopes|intends|supports|opposes|rose|fell|grew|went|came|made|took|gave|saw|knew|"
    r"thought|became|began|left|kept|met|paid|ran|sold|told|won|lost|spent|found|brought|"
    r"bought|built|felt|held|led|meant|put|set|stood|wrote|broke|chose|drove|flew|hit|"
    r"let|shut|sank|spoke|struck|threw|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(r"^(?:whether|if|why|how|what|when|where|who)\b", re.IGNORECASE)
#: A preposition after a cue: "warned of", "spoke about" introduce no reported clause; but
#: "about" before a quantity is an adverb ("said about half of the losses came from …").
NOT_CLAUSE_START = re.compile(
    r"^(?:to|of|about(?!\s++(?:\d|half\b|a\s++(?:third|quarter|fifth|dozen)\b|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten)\b))|against|for|on|with|by|from|"
    # "at least" and "at most" open a quantity ("reported at least six planes filled …";
    # session 25), not a phrase
    r"at(?!\s++(?:least|most)\b)"
    # an adverbial of time with a participle ("…, Jane Roe said, shortly before opening fire
    # on the crowd in an attack that began …"): what the subject did next, not what was said,
    # unless a quotation follows it ("states, while drawing laughter, “You say …”")
    r"|(?:(?:shortly|just|soon|moments|minutes|hours|days|weeks|months|years|long)\s++)?"
    r"(?:before|after|while|when|since|upon|without)\s++\w+ing\b(?![^“\"]*+[“\"]))\b",
    re.I,
)


#: The audience of a verb that names one: "told reporters", "informed the exchanges".
AUDIENCE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:"
    r"(?:[A-Z][\w’'\-]*\s*)+"  # the BBC, the Daily Clarion, MPs
    # "told a Senate panel", "told the Clarion editorial board" (session 25)
    r"(?:(?:editorial\s+)?(?:panel|committee|subcommittee|hearing|board|audience|crowd|"
    r"reporters?|radio|show|program|programme|forum|rally|newspaper|station)\b)?"
    r"|[a-z\-]+s"  # reporters, fans, investors, the exchanges
    r"|court|jury|house|committee|hearing|inquiry|tribunal|meeting|conference|crowd|audience|"
    r"staff|police|parliament|people|media|press|"
    r"newspaper|paper|station|programme|program|podcast|him|her|them|us|me)\b"
)


#: An audience of up to 80 characters before ``that``, with no punctuation or verb in it.
_AUDIENCE_THEN_THAT = re.compile(r"\s++([^,.;:!?“”\"▒\n]{1,80}?)\s++(that)\b")


#: A topic in the words before ``that`` makes ``that`` a relative pronoun ("told a reporter
#: about the plan that the council rejected"): no audience then.
_TOPIC = re.compile(r"\b(?:about|regarding|concerning)\b", re.IGNORECASE)


def skip_after_cue(text: str, pos: int, names_audience: bool, *, phrases: bool = True) -> int:
    """Skip adverbials, the audience of verbs that name one ("told reporters", "informed
    the exchanges"), a phrase or aside before ``that`` ("said at the debate that"; not with
    ``phrases=False``, for verbs of commitment, whose "to" opens the infinitive), ``that``
    and ``:`` after a cue; return where the content starts."""
    start = pos
    for _ in range(6):
        rest = text[pos:]
        m = ADVERBIAL.match(rest)
        if m:
            pos += m.end()
            continue
        if names_audience:
            m = _AUDIENCE_THEN_THAT.match(rest)
            lower_cues = m and [c for c in find_cues(m.group(1)) if c.group()[:1].islower()]
            relative = m and FINITE.match(rest[m.end(2) :].lstrip())  # "… that was held"
            if (
                m
                and not NOT_CLAUSE_START.match(m.group(1))  # "warned of delays … that"
                and not _TOPIC.search(m.group(1))  # "told a reporter about the plan that …"
                and not FINITE.search(m.group(1))
                and not lower_cues
                and not relative
            ):
                # "told The Daily Clarion newspaper of Springfield on Saturday that …",
                # "told delegates at the convention that …" (issue 19): a longer audience
                pos += m.start(2)
                names_audience = False
                continue
            m = AUDIENCE.match(rest)
            if m and not _CLAUSE_START.match(rest.strip()):
                pos += m.end()
                names_audience = False
                continue
        m = phrases and (_PHRASE_THEN_THAT.match(rest) or _ASIDE_THEN_THAT.match(rest))
        if m and _only_a_phrase(m.group(1), rest[m.end(2) :]):
            # "predicted at the most recent debate that …", "reiterated to ABC News that …",
            # "testified, for example, that …", "explained to CBS why …" (issue 19)
            pos += m.start(2)
            continue
        # after a skipped aside, its closing comma: "said, in a statement, that" (review)
        m = (_COMMA_THAT if pos > start else _THAT).match(rest)
        if m and m.end() > 0 and rest.strip():
            pos += m.end()
            continue
        break
    return pos


_THAT = re.compile(r"\s*(?:that\b|:)\s*")
_COMMA_THAT = re.compile(r"\s*(?:,\s*(?=that\b))?(?:that\b|:)\s*")


#: A prepositional phrase of up to 80 characters between a cue and ``that`` (issue 19): "said
#: before attending the town hall that", "stated of the scandal that", "told Politico on
#: Wednesday that"; after "to" also before a question ("explained to CBS why").
_PHRASE_THEN_THAT = re.compile(
    r"(\s++(?:at|of|before|after|on|in|during|from|for|over|outside|since|with|to|via|through)\s"
    r"[^,.;:!?“”\"▒\n]{1,80}?)\s++(that|whether|why|how)\b"
)
#: An adverbial aside between commas before ``that``: "testified, for example, that".
_ASIDE_THEN_THAT = re.compile(
    r"(\s*+,\s*+(?:for\s++example|for\s++instance|in\s++retrospect|in\s++fact|in\s++turn|"
    r"in\s++particular|in\s++effect|however|moreover|again|also|too|at\s++the\s++time|"
    r"at\s++one\s++point|once\s++more|[a-z]{3,}ly"
    # a prepositional phrase as the aside (session 25): "say, with the benefit of hindsight,
    # that"; _only_a_phrase keeps out a verb, a cue or a second noun phrase
    r"|(?:with|in|at|on|for|after|before|during|from|by|despite|under)\s[^,.;:!?“”\"▒\n]{1,60}?"
    r")\s*+,)\s++(that)\b",
    re.IGNORECASE,
)
#: A determiner after a word that is no preposition: a noun phrase in the gap ("posted to
#: Twitter a breakdown that …"), so "that" opens a relative clause. The prepositions are
#: those of _PHRASE_THEN_THAT and "by" ("said through a spokesman that": review, session 25).
_SECOND_NOUN_PHRASE = re.compile(
    r"\b(?!(?:at|of|before|after|on|in|during|from|for|over|outside|since|with|to|by|via|through|"
    r"\w+ing)\s)"
    r"[\w’']+\s++(?:a|an|the|his|her|their|its|this|these|those)\s",
    re.IGNORECASE,
)


def _only_a_phrase(gap: str | None, after: str) -> bool:
    """``gap`` is a phrase (no verb, cue, topic or second noun phrase in it) and ``that``
    opens a clause, not a relative one ("said at the meeting that was held …", "… that
    clearly indicate …")."""
    if gap is None:
        return False
    lower_cues = [c for c in find_cues(gap) if c.group()[:1].islower()]
    after = after.lstrip()
    relative = FINITE.match(after) or re.match(r"[a-z]{3,}ly\s", after)
    return not (
        FINITE.search(gap)
        or lower_cues
        or _TOPIC.search(gap)
        or _SECOND_NOUN_PHRASE.search(gap)
        or relative
    )


# "denied allegations that …", "dismissed claims of …": the object is a noun that carries
# someone else's claim, so the verb reports no speech of its own subject
_CLAIM_NOUN_OBJECT = re.compile(
    r"^(?:(?:the|any|all|these|those|such|recent|earlier)\s+)?(?:allegations?|claims?|reports?|"
    r"suggestions?|accusations?|rumou?rs?|speculation|charges?|criticism|suspicions?)\s+"
    r"(?:that|of|about)\b",
    re.IGNORECASE,
)


def reports_speech(skipped: str, clause: str, verb: ReportingVerb | None, needs: str) -> bool:
    """Whether the text after a cue is reported speech: a that-clause (except after "asked":
    "asked that her surname not be used" is a request) or a clause that passes ``clause_ok``."""
    if re.search(r"\bthat\s*$", skipped):
        return needs != "question"
    if is_commitment(clause, verb) or (is_gerund_clause(clause, verb) and "," not in skipped):
        return True
    loose = verb is not None and verb.lemma in _CLAUSE_VERBS
    return clause_ok(clause, needs, noun_object=bool(verb and verb.takes_noun_object), loose=loose)


#: Verbs after which a clause is all but certain (a noun object is rare: "said the same"), so
#: a present verb before a noun is read as the clause's verb (issue 19, PolNeAR train: "said
#: people misunderstand him", "argue the system gives too much power to party elites").
_CLAUSE_VERBS = frozenset("say tell add argue insist agree contend assert complain".split())


#: What a vow, pledge or promise commits to: "to" and a verb ("vowed to fight on"; PolNeAR
#: annotates the infinitive as the content). Issue 19; never a noun ("a promise to act").
#: The verb may open a quoted fragment ("vowed to “take our fight” to …"; issue 19, session 25).
_INFINITIVE = re.compile(r"to\s++(?:not\s++|never\s++)?+[“\"‘]?+[a-z]{2,}+\b")


def is_commitment(clause: str, verb: ReportingVerb | None) -> bool:
    """``clause`` is the infinitive of a verb of commitment (connotation ``commitment``), not
    an audience ("vowed to the voters", "vowed to voters that taxes would fall")."""
    stripped = clause.strip(" ,;:")
    audience = AUDIENCE.match(stripped, 2) if stripped.startswith("to ") else None
    return bool(
        verb is not None
        and verb.connotation == "commitment"
        and _INFINITIVE.match(stripped)
        and not re.match(r"to\s++(?:the|a|an|his|her|their|its|him|them|me|us)\b", stripped)
        and not (audience and re.match(r"\s+that\b", stripped[audience.end() :]))
    )


# How many words after a cue the finite verb of a reported clause is looked for: a subject
# with its post-modifiers runs to a dozen words or more ("the latest polls showing him a
# distant second behind the party's front-runner Jane Roe are wrong": 14). Issue 19 raised it
# from 12 to 20 (PolNeAR train: subjects of 13-20 words were missed).
_FINITE_WORDS = 20


def clause_ok(
    clause: str, verb_needs: str, *, noun_object: bool = False, loose: bool = False
) -> bool:
    stripped = clause.strip(" ,;:")
    if not stripped or NOT_CLAUSE_START.match(stripped) or _CLAIM_NOUN_OBJECT.match(stripped):
        return False
    if verb_needs == "quote":
        return False
    if verb_needs == "question":
        return bool(_QUESTION_START.match(stripped))
    if verb_needs == "clause":
        return False  # only reached when no "that" was skipped
    if len(stripped.split()) < 3:
        return bool(_SHORT_CLAUSE.fullmatch(stripped.rstrip(".!?")))  # "he would", "they're …"
    if _CLAUSE_START.match(stripped):
        return True
    words = stripped.replace("’", "'").split()[:_FINITE_WORDS]
    joined = " ".join(words)
    verb = FINITE.search(joined)
    if (
        verb is not None
        and loose
        and verb.group().endswith("ed")
        and re.search(r"\b(?:and|or)\s+$", joined[: verb.start()])
    ):
        # "the heat and unsettled weather could last …" (issue 19): an adjective in -ed after
        # "and"; the verb is the next finite word
        verb = FINITE.search(joined, verb.end()) or verb
    if verb is None and not noun_object:
        verb = _present_verb(words, loose=loose and not _PHRASE_START.match(stripped))
    # "confirmed the layoffs but declined to say …": a second verb of the same subject;
    # "announced a merger that eliminated …": a verb inside a relative clause. Either way
    # what follows the cue is a noun phrase, not a reported clause.
    before_verb = stripped[: verb.start()] if verb else ""
    relative = noun_object and re.search(r"\b(?:that|which|who)\b", before_verb)
    return bool(verb) and not relative and not re.search(r"\b(?:but|and|or)\s+$", before_verb)


# A present-tense verb in -s ("the transition reflects the reality", "Jane Roe also
# advises her father"): a word in -s after a noun, a name or an adverb, before a determiner
# or an object pronoun (a plural noun is seldom followed by one). Issue 19, for verbs that
# take no noun object (after "said" a noun phrase is rare, so the reading is safe there).
_S_VERB = re.compile(r"[a-z]{3,}(?<!ss)(?<!us)(?<!is)(?<!ous)s")
_NOT_BEFORE_VERB = frozenset(
    """the a an his her its their this that these those my our your some any no every each
    of in on at for to from with by about as and or but who which than more most many few
    several two three four five""".split()
)
_AFTER_VERB = frozenset(
    """the a an his her its their this that these those my our your some any no every him
    them it us me""".split()
)


class _Found:
    """The position of a present-tense verb, as the match of FINITE gives it."""

    def __init__(self, at: int) -> None:
        self.at = at

    def start(self) -> int:
        return self.at


def _present_verb(words: list[str], *, loose: bool = False) -> _Found | None:
    """A present-tense verb among ``words``, as a match-like: in -s (see ``_S_VERB``), or
    the base form after a plural noun ("the attacks highlight the threat"). ``loose`` (for
    verbs that take no noun object, after which a clause is the rule, issue 19) also takes
    one before a noun ("the system gives too much power", "people misunderstand Trump")."""
    at = 0
    for i, word in enumerate(words):
        prev = words[i - 1] if i else ""
        following = words[i + 1].lower() if i < len(words) - 1 else ""
        if (
            0 < i < len(words) - 1
            and prev.lower() not in _NOT_BEFORE_VERB
            and not prev.endswith(",")
            and (
                following in _AFTER_VERB
                or (
                    loose
                    and not word.endswith(",")
                    and following not in _NOT_AFTER_LOOSE
                    and not following.endswith("ing")  # "members including …"
                    and not word.endswith(("ss", "'s"))  # "business partner", "Okafor's"
                    # "presidents Jimmy Carter": a name after a word in -s is its object
                    # only after a base form ("people misunderstand Trump")
                    and (words[i + 1][:1].islower() or not _S_VERB.fullmatch(word))
                )
            )
            and (
                _S_VERB.fullmatch(word)
                or (
                    _BASE_VERB.fullmatch(word)
                    and word not in _NOT_AFTER_LOOSE  # "kind words about the mayor"
                    and (_S_VERB.fullmatch(prev.lower()) or prev.lower() in _PLURAL_NOUNS)
                )
            )
        ):
            return _Found(at)
        at += len(word) + 1
    return None


# After a loose present verb (see _present_verb): not a preposition, conjunction or relative
# pronoun, which follow a plural noun as often ("kind words about the plan").
_NOT_AFTER_LOOSE = frozenset(
    """of about and or but for to from in on at with by as than that which who whose when
    where while like over under into after before since per""".split()
)
#: A phrase, not a clause, opens with a preposition ("in The Washington Times last week").
_PHRASE_START = re.compile(
    r"(?:whose|in|during|after|before|since|until|outside|inside|under|over|through|via|near|amid|"
    r"among|between|without|within|into|onto|upon|toward|towards|across|along|around)\b",
    re.IGNORECASE,
)
_PLURAL_NOUNS = frozenset("people men women children police staff".split())
#: A clause of two words: a subject pronoun and its auxiliary ("he would", "they're liberal").
_SHORT_CLAUSE = re.compile(
    r"(?:he|she|it|they|we|i|you)(?:[’'](?:re|s|ll|d|ve|m)\s+\S+|\s+(?:is|are|was|were|would|"
    r"will|could|can|should|did|does|do|had|has|have|might|must|may|won[’']t|can[’']t|didn[’']t|"
    r"wouldn[’']t|doesn[’']t|don[’']t))",
    re.IGNORECASE,
)


# A base form: a lower-case word not in -s, -ly, -ing or -ed, and no stop word.
_BASE_VERB = re.compile(
    r"(?!(?:and|or|but|not|the|all|both|also|only|even|just|more)\b)"
    r"[a-z]{3,}+(?<![sy])(?<!ing)(?<!ed)"
)


# Reporting frames (issue 19; PolNeAR annotates the object and its complement as content):
# "X called him divisive", "X called the plan “a disaster”", "X described the outburst as the
# emotions of a worried spouse". The rule names, by the verb's lemma:
FRAMES = {
    "call": "reporting frame: call X Y ('called him divisive')",
    "describe": "reporting frame: describe X as Y",
}
#: A short phrase between the cue and an opening quotation mark (issue 19): "wrote to his
#: followers, “…”", "said about the movement, “…”", "saying at one point, “…”".
#: Session 25: a number with a comma in it ("to his 20,000 followers, “…”"), and a participle
#: aside between commas ("joked, again using an accent, “…”").
PHRASE_THEN_QUOTE = re.compile(
    r"(?:\s++(?:to|about|at|in|on|with|during|of|before|after)"
    r"|\s*+,\s*+(?:(?:again|also|then|still|[a-z]{3,}ly)\s++)?[a-z]{2,}ing)"
    r"\s(?:[^,.;:!?“”\"▒]|(?<=\d)[,.](?=\d)){1,60}?,\s*+"
)


def phrase_before_quote(gap: str) -> bool:
    """``gap`` (between a cue and an opening quotation mark) is a short phrase, no clause."""
    return bool(PHRASE_THEN_QUOTE.fullmatch(gap)) and not (FINITE.search(gap) or find_cues(gap))


def apposition_tail(tail: str) -> bool:
    """The text after an attribution is an apposition: ``, director of …``, ``, a policy
    that …`` (a determiner, or a role noun in its first three words), with no cue in it."""
    m = re.match(r"\s*,\s*", tail)
    if m is None:
        return False
    rest = tail[m.end() :]
    starts = re.match(r"(?:a|an|the)\s", rest) or (
        rest[:1].islower() and names_a_role(" ".join(rest.split()[:3]))
    )
    return bool(starts) and not find_cues(rest)


def aside_bounds(text: str, s0: int, s1: int, pos: int) -> tuple[int, int] | None:
    """The dash or parenthesis aside containing ``pos``, if any (content stays inside it)."""
    seg = text[s0:s1]
    rel = pos - s0
    for opener, closer in (("–", "–"), ("—", "—"), ("(", ")")):
        left = seg.rfind(f" {opener} " if opener in DASHES else opener, 0, rel)
        if left < 0 or (opener == "(" and seg.find(closer, left, rel) >= 0):
            continue  # "(61 percent) …, according to X": the parenthesis closed before
        right = seg.find(f" {closer} " if closer in DASHES else closer, rel)
        if right < 0 and opener in DASHES:
            continue
        start = s0 + left + (3 if opener in DASHES else 1)
        end = s0 + right if right >= 0 else s1
        return start, end
    return None


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " ,:;":
        a += 1
    while b > a and text[b - 1] in " ,;:–—":
        b -= 1
    return a, b


def trim_connector(text: str, a: int, b: int) -> int:
    segment = text[a:b]
    m = re.search(r"(?:,?\s+(?:but|and|while|whereas|although|as)\s*|,\s*)$", segment)
    return a + m.start() if m else b


def cut_writer_gloss(text: str, a: int, b: int, inner: list[QuoteSpan]) -> int:
    """Drop a trailing apposition after the last quoted fragment: ``…”, a reference to …``."""
    last = max(q.outer_end for q in inner)
    tail = text[last:b]
    if re.match(r"\s*,\s*(?:a|an|which|in\s+a|referring)\b", tail):
        return last
    return b


#: The speaker's next action, after what they said or promised: "…” and urged students",
#: "promised to be brief and then spoke for an hour".
NEXT_ACTION = re.compile(r",?\s+(?:and|but)\s+(?:(?:then|later|instead)\b|[a-z]+ed\b)")


def cut_next_action(text: str, a: int, b: int, inner: list[QuoteSpan]) -> int:
    """End a partial clause before a second verb of the speaker: ``…” and urged students``."""
    last = max(q.outer_end for q in inner)
    return last if NEXT_ACTION.match(text, last, b) else b


def commitment_end(text: str, a: int, b: int) -> int:
    """Where a promise's infinitive ends: before the subject's next action."""
    m = NEXT_ACTION.search(text, a, b)
    return m.start() if m else b


FRONTED_ADVERBIAL = re.compile(
    r"(?:in|on|at|for|after|before|by|with|without|from|during|since|until|under|over|as|"
    r"if|when|while|although|though|however|meanwhile|instead|still|yet|so|then|now|today|"
    r"yesterday|also|[a-z]+ly)\b",
    re.IGNORECASE,
)


def is_fronted(lead: str) -> bool:
    """A short fronted adverbial before a mid-sentence attribution: ``In return,``."""
    lead = lead.strip()
    return lead.endswith(",") and 1 <= len(lead.split()) <= 6
