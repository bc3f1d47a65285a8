"""Content spans: what a speaker said, given the cue and the speaker phrase.

Content follows the attribution corpora (PARC 3.0; PolNeAR): for a direct quotation the
words inside the marks; for reported speech the whole reported clause. :func:`find_content`
reads one cue of a sentence and returns the utterances it makes, each with the name of the
rule that found it (the ``rule`` column of the quotes table):

1. a reporting frame ("X called him divisive", "X described it as Y");
2. direct quotations just before or after the attribution ("“…,” X said", "X said: “…”");
3. reported speech: the clause after the cue ("X said the plan was …"), before it ("…, X
   said"), after a mid-sentence attribution ("In return, X added, …"), or after
   "according to" — cut before the next cue of the sentence and trimmed by
   :mod:`.clauses`; a vow, pledge or promise with its infinitive ("X vowed to fight on",
   rule ``reported commitment: …``, issue 19); after "X said:" with no quotation marks the
   words run on to the end of the paragraph (rule ``reported speech after a colon, …``).

>>> from ..quotemarks import mask_quotes
>>> from .cues import find_cues
>>> from .speaker_phrases import SpeakerPhrase
>>> text = "Prices will rise, the ministry said."
>>> sentence = Sentence(text, 0, len(text), text, [], 0)
>>> cue = find_cues(text)[0]
>>> phrase = SpeakerPhrase("the ministry", 18, 30, "description")
>>> found, _at = find_content(sentence, cue, phrase, "before", None)
>>> [(c.kind, text[c.start : c.end], c.rule) for c in found]
[('indirect', 'Prices will rise', "reported speech before the attribution ('…, X said')")]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicons import ReportingVerb, reporting_verbs
from ..names import WHITESPACE
from ..quotemarks import QuoteSpan
from .clauses import (
    FINITE,
    FRAMES,
    FRONTED_ADVERBIAL,
    NOT_CLAUSE_START,
    apposition_tail,
    aside_bounds,
    clause_ok,
    commitment_end,
    cut_next_action,
    cut_writer_gloss,
    is_commitment,
    is_fronted,
    phrase_before_quote,
    reports_speech,
    skip_after_cue,
    trim,
    trim_connector,
)
from .cues import (
    NOT_CONTINUATION,
    NOT_CONTINUING_ACCORDING,
    SUBORDINATE_LEAD,
    SUBORDINATE_TAIL,
    TRAILING_PHRASE,
    Cue,
    find_cues,
    only_adverbials,
)
from .frames import frame_span, relative_frame_span
from .gerunds import is_gerund_clause
from .short_answers import SHORT_ANSWER, short_answer
from .spans import (
    Content,
    Sentence,
    first_char,
    gap_is_punct,
    is_full_sentence_quote,
    only_punct,
)
from .speaker_phrases import ACROSS_AUXILIARY, SpeakerPhrase

__all__ = [
    "RELATIVE_FRAME",
    "Content",
    "Sentence",
    "find_content",
    "first_char",
    "gap_is_punct",
    "is_full_sentence_quote",
    "only_punct",
]


@dataclass(frozen=True)
class _Where:
    """Where the attribution (speaker and cue) stands, and where the text after it starts."""

    start: int
    end: int
    after: int


# The rule of reported speech, by where the speaker was found (``how``, see :mod:`.cue_speaker`)
_REPORTED_RULES = {
    "before": "reported speech after the cue",
    "after": "reported speech, speaker after the cue",
    "according": "'according to' attribution",
    "gerund": "reported speech after a participle cue (', adding that')",
    "middle": "reported speech after a mid-sentence attribution ('In return, X added, …')",
    "progressive": "reported speech after a progressive cue ('X is saying that')",
    "infinitive": "reported speech after an infinitive cue ('X went on to say that')",
    "document": "reported speech after a document's participle ('issued a statement saying')",
    "fronted": "reported speech after a fronted participle cue ('Noting that …, X added')",
    "according around": "'according to' attribution in mid-sentence ('X, according to Y, is …')",
    "around": "reported speech around a mid-sentence attribution ('The question of X, she said, is "
    "not …')",
}
#: Added to a direct quotation's rule when its cue is progressive ("X was telling them: “…”").
_PROGRESSIVE = "; progressive cue ('is saying')"
_BEFORE_THE_ATTRIBUTION = "reported speech before the attribution ('…, X said')"
#: The clause before "…, X said after the debate." when what follows the cue is a phrase, not a
#: clause ("in a video message to the convention", "on condition of anonymity"; issue 19).
_BEFORE_A_PHRASE = (
    "reported speech before an attribution with a trailing phrase ('…, X said after the debate')"
)
#: "…, as X noted." (issue 19): the clause before the comma is what X noted.
_BEFORE_AS = "reported speech before an 'as' attribution ('…, as X noted')"
#: A participle cue in a subordinate phrase: "after initially saying", "while saying".
_SUBORDINATE_GERUND = re.compile(r"\b(?:after|before|while|when)(?:\s+[a-z]{3,}ly)?\s*$")
#: Reported speech after "X said:" that runs on over the next sentences (issue 19).
_RUN_ON = "reported speech after a colon, to the end of the paragraph ('X said: …')"
#: A vow, pledge or promise with its infinitive ("X vowed to fight on"; issue 19).
_COMMITMENT = "reported commitment: vow, pledge or promise to do ('vowed to fight on')"
#: A sentence opening with a subordinating conjunction, no comma before the cue: the cue is
#: inside the fronted clause ("When X said …, Y …").
_SUBORDINATE_OPENING = re.compile(
    r"\s*(?:when|after|while|before|although|though|because|since|once|until)\s[^,]*$",
    re.IGNORECASE,
)
#: Participles that name the reporter's own source after an attribution ("…, the Daily
#: Clarion reported, citing an anonymous source"): what follows is no part of the content.
_SOURCE_PARTICIPLES = frozenset({"citing", "quoting"})
#: A frame verb whose object is a relative pronoun before the speaker ("what X calls Y",
#: "which X described as Y"; issue 19): the complement is the speaker's words.
RELATIVE_FRAME = "reporting frame: what X calls Y ('what critics call a tax grab')"
#: A belief, expectation, hope or fear with its holder ("analysts believe the deal will
#: fail"; issue 19): what someone holds, as the outlet reports it, not an utterance.
_BELIEF = "reported belief after the cue ('analysts believe the deal will fail')"
_GERUND = "reported speech: a gerund clause after the cue ('recalled making a replica')"


def find_content(
    sentence: Sentence,
    cue: Cue,
    phrase: SpeakerPhrase,
    how: str,
    following: tuple[Cue, SpeakerPhrase] | None,
) -> tuple[list[Content], int]:
    """The utterances a cue makes, and where its attribution stands in the paragraph (the
    position a later pronoun looks back from). ``following`` is the next cue of the
    sentence with its speaker phrase, if any: reported speech stops before it."""
    text, s0 = sentence.text, sentence.start
    progressive = how == "progressive"
    infinitive = how in ("infinitive", "document", "fronted")
    named = how
    how = "before" if progressive or infinitive else how  # read like "X said", named below
    verb = reporting_verbs().get(WHITESPACE.sub(" ", cue.group().lower()))
    if verb is not None and verb.lemma in FRAMES and how in ("before", "gerund"):
        relative = re.search(r"\b(?:what|which|whom|who)\s++$", sentence.masked[: phrase.start])
        span = None if relative else frame_span(sentence.masked, cue, verb.lemma)
        if span is not None:
            a, b = s0 + span[0], s0 + span[1]
            inner = [q for q in sentence.quotes if a <= q.open_at and q.outer_end <= b + 1]
            frags = [(q.start, min(q.end, b)) for q in inner]
            kind = "partial" if frags else "indirect"
            found = Content(kind, a, b, FRAMES[verb.lemma], frags, inner)
            return [found], s0 + min(phrase.start, cue.start())
        span = (
            None
            if phrase.borrowed
            else relative_frame_span(sentence.masked, cue, verb.lemma, phrase.start)
        )
        if span is not None:
            # "what Jane Roe calls the new normal" (issue 19): the complement is her words
            a, b = s0 + span[0], s0 + span[1]
            inner = [q for q in sentence.quotes if a <= q.open_at and q.outer_end <= b + 1]
            frags = [(q.start, min(q.end, b)) for q in inner]
            kind = "partial" if frags else "indirect"
            found = Content(kind, a, b, RELATIVE_FRAME, frags, inner)
            return [found], s0 + min(phrase.start, cue.start())
        if verb.lemma == "call":
            return [], 0  # "called for", "called the meeting": no speech
    if phrase.borrowed:  # the subject stands earlier: the attribution is the cue alone
        attr_start, attr_end = s0 + cue.start(), s0 + cue.end()
    else:
        attr_start = s0 + min(phrase.start, cue.start())
        attr_end = s0 + max(phrase.end, cue.end())
    audience = bool(verb and verb.names_audience)
    phrases = not (verb and verb.connotation == "commitment")  # "vowed to voters that"
    after = (
        skip_after_cue(text, attr_end, audience, phrases=phrases) if how != "after" else attr_end
    )
    where = _Where(attr_start, attr_end, after)
    directs = _direct_quotes(sentence, phrase, how, where, last=following is None)
    if directs and how != "according":
        across = ACROSS_AUXILIARY if phrase.across_auxiliary else ""
        rule = f"direct quote, speaker {how} the quote{across}{_PROGRESSIVE * progressive}"
        return [Content("direct", q.start, q.end, rule, [], [q]) for q in directs], attr_start
    reported = _reported(sentence, cue, phrase, how, following, where, verb)
    if progressive and reported is not None and reported.rule == _REPORTED_RULES["before"]:
        reported.rule = _REPORTED_RULES["progressive"]
    if infinitive and reported is not None and reported.rule == _REPORTED_RULES["before"]:
        reported.rule = _REPORTED_RULES[named]
    if reported is not None and following is None and reported.kind == "indirect":
        _run_on_after_colon(sentence, where, reported)
    if (
        reported is not None
        and how == "gerund"
        and _SUBORDINATE_GERUND.search(sentence.text[sentence.start : sentence.start + cue.start()])
    ):
        # "X, after initially saying he would not advertise, changed course": the
        # participle's clause ends at the comma that closes the subordinate phrase
        comma = sentence.text.find(", ", reported.start, reported.end)
        if comma > reported.start:
            reported.end = comma
    return ([reported] if reported is not None else []), attr_start


def _run_on_after_colon(sentence: Sentence, where: _Where, reported: Content) -> None:
    """ "In a speech, X said: Let no one be mistaken. The plan is …": a colon after the cue
    and no quotation marks; the speaker's words run on to the end of the paragraph, as
    PolNeAR annotates them (issue 19), but stop before a sentence that holds a quotation
    mark or a cue of its own."""
    text = sentence.text
    if ":" not in text[where.end : reported.start] or reported.start < where.end:
        return
    rest_from = sentence.end
    if text[reported.end : rest_from].strip(" .!?") or rest_from >= len(text.rstrip()):
        return  # the content does not reach its sentence's end, or nothing follows
    stop = len(text.rstrip())
    following_text = text[rest_from:stop]
    marks = re.search(r"[“”\"«»„]", following_text)
    cues = [c for c in find_cues(following_text) if c.group()[:1].islower()]
    cut = min([m.start() for m in [marks] if m] + [c.start() for c in cues] + [len(following_text)])
    if cut < len(following_text):
        # stop at the end of the last whole sentence before the mark or cue
        before = following_text[:cut]
        ends = [m.end() for m in re.finditer(r"[.!?](?=\s|$)", before)]
        if not ends:
            return
        stop = rest_from + ends[-1]
    end = len(text[:stop].rstrip().rstrip(".!?").rstrip())
    if end > reported.end:
        reported.end = end
        reported.rule = _RUN_ON


def _direct_quotes(
    sentence: Sentence, phrase: SpeakerPhrase, how: str, where: _Where, *, last: bool
) -> list[QuoteSpan]:
    """Quotations directly before or after the attribution: the speaker's own words."""
    text, s0, s1 = sentence.text, sentence.start, sentence.end
    attr_start, attr_end = where.start, where.end
    adjacent_before = [
        q
        for q in sentence.quotes
        if q.outer_end <= attr_start
        and gap_is_punct(text, q.outer_end, attr_start)
        # "Water companies … had been “let off the hook”, the trust said": a phrase
        # inside the writer's sentence, so partial speech, not a direct quote
        and (q.open_at <= s0 + 1 or text[s0 : q.open_at].rstrip().endswith((":", ".", "?", "!")))
    ]
    # '“A,” said X, an economist at Y, “B.”': the quotation resumes after the apposition
    role_end = attr_end
    if how == "after" and phrase.role and adjacent_before:
        role_at = text.find(phrase.role, attr_end, s1)
        if role_at >= 0 and not text[attr_end:role_at].strip(" ,"):
            role_end = role_at + len(phrase.role)
    adjacent_after = [
        q
        for q in sentence.quotes
        if q.open_at >= attr_end
        and (
            gap_is_punct(text, attr_end, q.open_at, allow_colon=True)
            or gap_is_punct(text, where.after, q.open_at, allow_colon=True)
            or (role_end > attr_end and gap_is_punct(text, role_end, q.open_at))
            or phrase_before_quote(text[attr_end : q.open_at])
        )
    ]
    directs: list[QuoteSpan] = []
    if adjacent_before:
        directs.append(adjacent_before[-1])
    for q in adjacent_after:
        # a quotation that opens right after the attribution and runs to the sentence end
        tail = text[q.outer_end : s1].strip()
        if only_punct(tail) or q.close_at is None or (last and is_full_sentence_quote(text, q)):
            directs.append(q)
            break
    return directs


def _reported(
    sentence: Sentence,
    cue: Cue,
    phrase: SpeakerPhrase,
    how: str,
    following: tuple[Cue, SpeakerPhrase] | None,
    where: _Where,
    verb: ReportingVerb | None,
) -> Content | None:
    """Reported speech: the clause after the cue, or before it ("…, X said.")."""
    text, s0 = sentence.text, sentence.start
    bounds = _clause_bounds(sentence, cue, phrase, how, where)
    if bounds is None:
        return None
    clause_from, clause_to, how = bounds
    clause_from = max(clause_from, sentence.content_start)
    aside = aside_bounds(text, s0, sentence.end, where.start)
    if aside is not None:
        clause_from = max(clause_from, aside[0])
        clause_to = min(clause_to, aside[1])
    if following is not None:
        nxt_cue, nxt_phrase = following
        first = min(nxt_phrase.start, nxt_cue.start())  # "…, according to Y" (session 25)
        next_at = s0 + (first if s0 + first > clause_from else nxt_cue.start())
        if clause_from < next_at < clause_to:
            clause_to = trim_connector(text, clause_from, min(clause_to, next_at))
    if clause_from >= where.end and _SUBORDINATE_OPENING.match(text[s0 : s0 + cue.start()]):
        # "When Jane Roe said it was great to be home, a man yelled": the cue stands in a
        # fronted subordinate clause, which the first comma after its content closes
        comma = text.find(",", clause_from, clause_to)
        clause_to = comma if comma > 0 else clause_to
    clause_from, clause_to = trim(text, clause_from, clause_to)
    if clause_to - clause_from < 2:
        return None
    inner = [
        q for q in sentence.quotes if clause_from <= q.open_at and q.outer_end <= clause_to + 1
    ]
    clause = text[clause_from:clause_to]
    that_clause = bool(re.search(r"\bthat\s*+[,:]?\s*+$", text[where.end : clause_from]))
    if (
        inner
        and NOT_CLAUSE_START.match(clause.strip())
        and not how.startswith("according")
        and not that_clause  # "said that by refusing to say “…”, Democrats are …" (issue 19)
        and not is_commitment(clause, verb)  # "vowed to “take our fight” to …" (session 25)
    ):
        return None
    answer = short_answer(text, clause_from, clause_to, verb) if clause_from >= where.end else 0
    if answer:  # "Asked if he was bullied, X said no." (session 25)
        rule = SHORT_ANSWER + ACROSS_AUXILIARY * bool(phrase.across_auxiliary)
        return Content("indirect", clause_from, answer, rule)
    # Reported speech needs a clause ("said the plan was …", not "denied a request"); a
    # quoted phrase after a verb that also takes plain objects needs one too ("admitted
    # 14 counts of fraud … “consultancy fees”" is not speech).
    check = how != "according" and clause_from >= where.end
    check = check and (not inner or (verb is not None and verb.takes_noun_object))
    needs = verb.needs if verb else "yes"
    before_rule = None
    if check and not reports_speech(text[where.end : clause_from], clause, verb, needs):
        # "…, she said in a video message to the convention." / "…, said Jane Roe, education
        # professor at …": what follows the cue is no clause, so the words are the clause
        # before the attribution (issue 19)
        lead = None if aside is not None else _lead_clause(sentence, how, phrase, where)
        if lead is None:
            return None
        (clause_from, clause_to), before_rule = lead, _BEFORE_A_PHRASE
        inner = [
            q for q in sentence.quotes if clause_from <= q.open_at and q.outer_end <= clause_to + 1
        ]
        clause = text[clause_from:clause_to]
    if inner:
        clause_to = cut_writer_gloss(text, clause_from, clause_to, inner)
        clause_to = cut_next_action(text, clause_from, clause_to, inner)
    # a quotation left open runs to the end of the paragraph: its fragment stops where
    # the clause does ("… “the,“ Okafor said." once gave a fragment past the clause)
    frags = [(q.start, min(q.end, clause_to)) for q in inner if q.start < clause_to]
    kind = "partial" if frags else "indirect"
    rule = _REPORTED_RULES[how] if clause_to > where.start else _BEFORE_THE_ATTRIBUTION
    if how == "as":
        rule = _BEFORE_AS
    rule = before_rule or rule
    if clause_from >= where.end and is_commitment(clause, verb):
        clause_to = commitment_end(text, clause_from, clause_to)
        rule = _COMMITMENT
    if verb is not None and verb.connotation == "belief":
        rule = _BELIEF
    if clause_from >= where.end and rule == _REPORTED_RULES["before"]:
        rule = _GERUND if is_gerund_clause(clause, verb) else rule
    if phrase.across_auxiliary:
        rule += ACROSS_AUXILIARY
    return Content(kind, clause_from, clause_to, rule, frags, inner)


def _clause_bounds(
    sentence: Sentence, cue: Cue, phrase: SpeakerPhrase, how: str, where: _Where
) -> tuple[int, int, str] | None:
    """Where the reported clause of a cue starts and ends (before trimming), and ``how``
    (``middle`` for a mid-sentence attribution); None when there is no clause."""
    text, s0, s1 = sentence.text, sentence.start, sentence.end
    attr_start, attr_end = where.start, where.end
    closing = ".!?;)" if text[s0:s1].lstrip().startswith("(") else ".!?;"  # "(…, X said.)"
    sentence_end = s0 + len(text[s0:s1].rstrip().rstrip(closing).rstrip())
    if sentence_end < s1 and text[s0:s1].rstrip().endswith(("”", '"', "’")):
        sentence_end = s0 + len(text[s0:s1].rstrip())
    tail_from = where.after
    if how == "after" and phrase.role:
        # "…, said Jane Okafor, the foreign minister." — the apposition is no content
        role_at = text.find(phrase.role, attr_end, sentence_end)
        if role_at >= 0 and not text[attr_end:role_at].strip(" ,"):
            tail_from = role_at + len(phrase.role)
    tail = text[tail_from:sentence_end]
    # "…, she said, adding that …" / "…, X said in a statement, which also …": what
    # follows is another utterance or a remark about the speaker, not this content
    follows = re.match(r"\s*,\s*(?:which|who|([a-z]+ing))\b", tail)
    if follows and (
        not follows.group(1)
        or follows.group(1) in reporting_verbs()
        or follows.group(1) in _SOURCE_PARTICIPLES  # "…, the Clarion reported, citing …"
    ):
        tail = tail[: follows.start()]
    tail = "" if how == "after" and _SPEAKER_RELATIVE.match(tail) else tail  # "said aides who …"
    tail_is_empty = only_adverbials(tail)
    if (
        not tail_is_empty
        and text[s0:attr_start].rstrip().endswith(",")
        and (
            # "By 2027, she added, the group …" is no apposition
            (not is_fronted(text[s0:attr_start]) and apposition_tail(tail))
            or SUBORDINATE_TAIL.match(tail)
            # "…, said the company's chief executive, Jane Okafor." (session 25)
            or (how == "after" and _NAME_TAIL.fullmatch(tail))
        )
    ):
        # "…, said Jane Okafor, director of the X project." / "…, Okafor said, a policy
        # that …": the speaker's apposition or the writer's gloss, not her words (rule
        # "reported speech before the attribution", the content before the comma)
        tail_is_empty = True
    if (
        how == "according"
        and text[s0:attr_start].strip() == ""
        or (how == "according" and _ACCORDING_OPENS.fullmatch(text[s0 : s0 + cue.start()]))
    ):
        m = re.match(r"[^,]*,\s*", text[attr_end:sentence_end])
        return attr_end + (m.end() if m else 0), sentence_end, how
    if tail_is_empty and text[where.end : s1].lstrip().startswith(":"):
        return None  # "In a speech last July, she said:" introduces what follows (issue 19)
    if tail_is_empty or how == "according":
        lead = text[s0:attr_start].rstrip()
        if how == "according" and lead.endswith(",") and not tail_is_empty:
            rest = re.match(r"\s*,\s*(.*)", text[attr_end:sentence_end])
            if rest and rest.group(1) and not NOT_CONTINUING_ACCORDING.match(rest.group(1)):
                # "Fundraising, according to the campaign, has surged" (issue 19): the
                # content runs on both sides of the attribution
                return s0, sentence_end, "according around"
        if lead.endswith(","):
            return s0, s0 + len(lead) - 1, how
        as_at = _AS_BEFORE_SPEAKER.search(lead)
        if as_at and how == "before" and not phrase.borrowed and as_at.start() > 0:
            # "…, as Clinton supporters point out." (issue 19): the clause before the comma
            return s0, s0 + as_at.start(), "as"
        if re.search(r",\s?[”\"’']{1,2}$", lead) and not only_punct(lead):
            # 'Candidates who think "America … are dangerously wrong," she said': the comma
            # inside the closing mark (American style) ends the reported clause
            return s0, s0 + len(lead), how
        return _before_a_descriptor(sentence, phrase, how, lead, cue.group().lower())
    if (
        re.match(r"\s*,", text[attr_end:])
        and how in ("before", "after")
        and is_fronted(text[s0:attr_start])
    ):
        m = re.match(r"\s*,\s*", text[attr_end:])
        if FRONTED_ADVERBIAL.match(text[s0:attr_start].strip()):
            # "In return, X added, the town would …": content after the second comma
            return attr_end + m.end(), sentence_end, "middle"
        # "The numbers, he says, were never the hard part": the fronted words are the
        # clause's subject, so the content is the whole clause (PARC keeps it whole); but
        # not over what is no continuation ("…, she said, though she …", issue 19)
        rest = text[attr_end + m.end() : sentence_end]
        if not NOT_CONTINUATION.match(rest):
            return s0, sentence_end, "middle"
    if how == "before" and not phrase.borrowed and _around(sentence, where):
        # "The question of whether …, she said, is not so cut and dried" (issue 19): a longer
        # subject or clause before the attribution, its continuation after it; after a
        # longer fronted phrase or clause, the words after the attribution alone ("As the
        # crowd cheered, a reporter said, his wife whispered to him …")
        lead = text[s0:attr_start]
        if FRONTED_ADVERBIAL.match(lead.strip()) or SUBORDINATE_LEAD.match(lead):
            m = re.match(r"[^,]*+,\s*+", text[attr_end:sentence_end])
            return attr_end + m.end(), sentence_end, "middle"
        joints = list(_CLAUSE_JOINT.finditer(lead))  # "…, and some of it, he says, was fair"
        return s0 + (joints[-1].end() if joints else 0), sentence_end, "around"
    return where.after, sentence_end, how


#: A relative clause on an inverted speaker ("said an official who was briefed"; session 25).
_SPEAKER_RELATIVE = re.compile(r"\s*+(?:who|whom|whose)\b")
#: Before an opening "according to": "But", "(", or a colon (session 25).
_ACCORDING_OPENS = re.compile(r"\s*+(?:[^:—–]*+[:—–]\s*+|\(|(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s++)?+")
#: An inverted speaker's name after a description (", Jane Okafor[, who …]"; session 25).
_NAME_TAIL = re.compile(
    r"\s*+,\s*+(?:[A-Z][\w’'\-]*+\.?+\s*+){1,5}+(?:,\s*+(?:who|whose|whom)\b[^▒]*+)?+"
)
#: A descriptor before the speaker's name ("…, the news site X reported."; session 25).
_DESCRIPTOR = re.compile(r",\s++((?:the|a|an|[A-Z][\w’'\-]*+)(?:\s++[\w’'\-]++){0,4}?)\s*+$")


def _before_a_descriptor(
    sentence: Sentence, phrase: SpeakerPhrase, how: str, lead: str, form: str
) -> tuple[int, int, str] | None:
    """ "The firm was sold, the news site X reported.": the words before the descriptor's comma
    (no verb or cue in it) when they make a clause; "Prices rose 3% according to X" (no comma)."""
    if phrase.borrowed or how not in ("before", "according") or form == "per":
        return None  # "a $10,000 donation per person" is no attribution
    m = _DESCRIPTOR.search(lead) if how == "before" else re.search(r"()\s*+$", lead)
    if m is None or FINITE.search(m.group(1)) or find_cues(m.group(1)):
        return None
    if how == "according" and any(c.group()[:1].islower() for c in find_cues(lead)):
        return None  # "X said the plan failed according to Y": inside X's words
    s0, end = sentence.start, sentence.start + m.start()
    start = max(s0, sentence.content_start)
    if how == "according" and re.fullmatch(r"(?:That|This)[’']s", lead.strip()):
        return start, start + 4, how  # "That’s according to exit polls." (session 25)
    quoted = any(start <= q.open_at and q.outer_end <= end + 1 for q in sentence.quotes)
    if end - start < 2 or not (quoted or clause_ok(sentence.text[start:end], "yes")):
        return None
    return start, end, how


#: Where a coordinated clause starts in the words before a mid-sentence attribution.
_CLAUSE_JOINT = re.compile(r"[,;]\s++(?:and|but|or|so|yet|while|whereas)\s++|;\s++")
#: "…, as X noted": the "as" of a comment clause before the speaker (issue 19).
_AS_BEFORE_SPEAKER = re.compile(r"\s*,\s*as$")


def _around(sentence: Sentence, where: _Where) -> bool:
    """ "The question of whether …, she said, is not so cut and dried": the attribution stands
    between commas in mid-sentence, after more than a short fronted phrase (``is_fronted``
    covers those), with no cue before it, and the words after its comma continue the clause
    (a verb, "to", "but also", "including"), not a phrase of their own."""
    text, s0 = sentence.text, sentence.start
    lead = text[s0 : where.start].rstrip()
    if not lead.endswith(",") or is_fronted(lead) or len(lead.split()) < 3:
        return False
    m = re.match(r"[^,.;:!?“”\"▒]*+,\s*+", text[where.end : sentence.end])
    if m is None or not only_adverbials(m.group().rstrip(" ,")):
        return False
    rest = text[where.end + m.end() : sentence.end]
    if not rest.strip() or NOT_CONTINUATION.match(rest) or apposition_tail(", " + rest):
        return False
    before = sentence.masked[: where.start - s0]
    return not any(c.group()[:1].islower() for c in find_cues(before))


def _lead_clause(
    sentence: Sentence, how: str, phrase: SpeakerPhrase, where: _Where
) -> tuple[int, int] | None:
    """The clause before an attribution that ends it after a comma ("Prices will rise, the
    ministry said in a note to clients"), if it is a clause (or holds quoted words) and no
    other cue stands in it; None otherwise."""
    if how not in ("before", "after") or phrase.borrowed:
        return None
    if how == "after" and phrase.kind == "pronoun":
        return None  # "…, reported it to the police": an object, no inverted speaker
    text, s0 = sentence.text, sentence.start
    tail = text[where.end : sentence.end]
    phrase_after = TRAILING_PHRASE.match(tail) or TRAILING_PHRASE.match(
        text[max(where.end, where.after) : sentence.end]  # after "told reporters"
    )
    closed = re.match(r"\s*,\s*", tail)  # "…, X said, though …" / "…, said X, lecturer at …"
    if phrase_after is None and not (
        closed and (how == "after" or NOT_CONTINUATION.match(tail[closed.end() :]))
    ):
        return None  # "…, CNN reported at least six planes filled …": a clause follows
    if (
        phrase_after
        and phrase_after.group(1)
        and not re.match(
            r"\s*said\b", sentence.masked[where.start - s0 :].replace(phrase.text, "", 1)
        )
    ):
        return None  # "…, employees complain of …": the topic of a cue other than "said"
    lead = text[s0 : where.start].rstrip()
    if how != "after" and (FRONTED_ADVERBIAL.match(lead) or SUBORDINATE_LEAD.match(lead)):
        # "Minutes after the voting began, X announced …": no clause of X's; but before an
        # inverted "…, said X" the words are X's (session 25)
        return None
    if lead.endswith(","):
        end = s0 + len(lead) - 1
    elif re.search(r",\s?[”\"’']{1,2}$", lead) and not only_punct(lead):
        end = s0 + len(lead)
    else:
        return None
    start = max(s0, sentence.content_start)
    if any(c.group()[:1].islower() for c in find_cues(sentence.masked[: where.start - s0])):
        return None
    quoted = any(start <= q.open_at and q.outer_end <= end + 1 for q in sentence.quotes)
    if end - start < 2 or not (quoted or clause_ok(text[start:end], "yes")):
        return None
    return start, end
