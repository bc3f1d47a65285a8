"""Which speaker a cue belongs to.

For each cue of a sentence, :func:`speaker_for_cue` decides where its speaker stands and
returns the speaker phrase with how it was found (``how``, which names the rule):

- ``before``: "Jane Okafor said …", "…, the minister said" (the usual order);
- ``after``: "“…,” said Jane Okafor" (an inverted cue after a quotation or a comma);
- ``according``: "according to the central bank", or a document ("according to the report");
- ``gerund``: ", adding that …" (the subject of the clause, or of the previous cue);
- ``progressive``: "X is saying that …" (the speaker before the auxiliary).

A verb of belief ("Okafor allies believe …", connotation ``belief``) takes only a holder
before it, and none after an earlier cue of the sentence (it is then inside that cue's words).
It also decides when a cue is no verb of speech at all: a noun ("in a report", "the
remarks followed"), a plural noun after a number ("two reports"), a capitalised word
inside a sentence, or a one-word name before a base form ("Rogue state tyrant …").

>>> from .cues import find_cues
>>> from ..lexicons import reporting_verbs
>>> ms = "Prices will rise, the ministry said."
>>> cue = find_cues(ms)[0]
>>> phrase, how = speaker_for_cue(ms, cue, "said", reporting_verbs()["said"], [])
>>> phrase.text, how
('the ministry', 'before')
"""

from __future__ import annotations

import re

from ..entities import EntityIndex, head_word
from ..lexicons import ReportingVerb, speaker_nouns
from ..names import DETERMINER, NOT_MODIFIERS, ordinary_word
from .clauses import FINITE
from .cues import PHRASE_CUES, TIME_NOUNS, Cue, find_cues
from .person_nouns import person_plural
from .speaker_phrases import (
    POST_MODIFIER,
    SpeakerPhrase,
    description_at_end,
    relative_subject,
    source_after,
    speaker_after,
    speaker_at_end,
    speaker_before,
)

__all__ = ["CUE_WINDOW", "speaker_for_cue"]

# How far before a verb of speech its speaker is looked for, in characters: a speaker and its
# appositions ("X, a professor of law at Y who led the inquiry, said") take a few hundred at
# most, and a bounded look keeps the cost of a sentence linear in its length however many
# cues it holds (a sentence with no full stops and hundreds of verbs was quadratic).
CUE_WINDOW = 1000

# A number or quantity word before an -s form makes it a plural noun (a plural subject takes
# the base form: "many say", never "many says"): "in four of five states", "several notes".
_QUANTITY_BEFORE = re.compile(
    r"\b(?:\d++|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds|thousands|"
    r"several|many|few|other|both|all|of|more|fewer)\s*$",
    re.IGNORECASE,
)


def speaker_for_cue(
    ms: str, cue: Cue, form: str, verb: ReportingVerb | None, found: list[tuple]
) -> tuple[SpeakerPhrase | None, str]:
    """Find who a cue of the masked sentence ``ms`` belongs to: ``(phrase, how)``, or
    ``(None, "")`` when the cue is no verb of speech or has no speaker. ``form`` is the
    cue in lower case, ``verb`` its lexicon entry; ``found`` holds the earlier cues of the
    sentence as ``(cue, phrase, entity, how)`` (a later cue may share their subject)."""
    lead = max(0, cue.start() - CUE_WINDOW)
    pre, post = ms[lead : cue.start()], ms[cue.end() : cue.end() + CUE_WINDOW]
    return _speaker_in_window(pre, lead, post, cue, form, verb, found)


def _speaker_in_window(
    pre: str,
    lead: int,
    post: str,
    cue: Cue,
    form: str,
    verb: ReportingVerb | None,
    found: list[tuple],
) -> tuple[SpeakerPhrase | None, str]:
    """:func:`speaker_for_cue` on ``pre``, the text from ``lead`` to the cue, and ``post``,
    the text after it."""
    if form in PHRASE_CUES:
        phrase = speaker_after(post)
        if phrase is None and form != "per":  # "9 per cent"
            phrase = source_after(post)
        if phrase is None:
            return None, ""
        phrase.start += cue.end()
        phrase.end += cue.end()
        return phrase, "according"
    if verb is None or (cue.group()[0].isupper() and cue.start() > 0):
        return None, ""
    if _ONLY_A_TIME_AFTER.match(post):
        return None, ""  # "the many shooters reported that night.": nothing is reported
    if verb.connotation == "belief":
        return _belief_holder(pre, lead, post, cue, form, verb, found)
    noun_before = re.search(rf"\b(?:{DETERMINER}|such|these|those|this)\s*$", pre, re.I)
    if noun_before and _SHARE_BEFORE.search(pre):
        noun_before = None  # "Two in three said": a poll's share of people, not "in a report"
    if noun_before and re.search(r"\ball\s+but\s+\w+\s*$", pre, re.IGNORECASE):
        noun_before = None  # "all but two said": a share of people (issue 19)
    if noun_before and form in ("said", "say", "told") and _QUANTIFIER_SUBJECT.search(pre):
        noun_before = None  # "…, many said Monday that …": a quantifier is the subject
    if noun_before or (form.endswith("s") and FINITE.match(post.lstrip())):
        return None, ""  # "in a report", "the remarks followed": a noun, not a verb
    if form.endswith("s") and _QUANTITY_BEFORE.search(pre):
        return None, ""  # "in four of five states", "two reports": a plural noun
    # inverted: “…,” said X   /   “…,” X said   (the quote ends just before)
    quote_before = re.search(r"[”\"’']\s*[,]?\s*$|[,?!.][”\"’']\s*$", pre.rstrip() + " ")
    gerund = form.endswith("ing")
    progressive = _PROGRESSIVE.search(pre) if gerund else None
    if progressive:
        # "X is saying that …", "officials were telling reporters …" (issue 19): the
        # progressive aspect; the speaker stands before the auxiliary
        before = _shifted(speaker_before(pre[: progressive.start()]), lead)
        if before is not None and not before.across_auxiliary:
            return before, "progressive"
        return None, ""
    if gerund:
        if not verb.gerund_reports:
            return None, ""
        if not _BEFORE_GERUND.search(pre):
            # "with 50 percent saying she is prepared", "featuring voters telling their
            # stories", "the share of Republicans saying …" (issue 19): the participle's own
            # subject stands right before it, after "with" or a share's noun
            subject = speaker_before(pre)
            if subject is None or subject.kind == "pronoun" or subject.across_auxiliary:
                return None, ""
            opener = _BEFORE_PARTICIPLE_SUBJECT.search(pre[: subject.start])
            if opener is None:
                return None, ""
            if opener.group("share"):
                # "the share of Republicans saying …": the share speaks, as a description;
                # as its clause's subject, the reported clause runs into the main predicate
                # ("… saying the election was stolen has fallen"): no row (review of issue 19)
                share = re.search(r"(?:\b(?:the|a|an)\s+)?$", pre[: opener.start("share")], re.I)
                if _CLAUSE_START.search(pre[: share.start()]):
                    return None, ""
                text = pre[share.start() : subject.end]
                subject = SpeakerPhrase(text, share.start(), subject.end, "description")
            return _shifted(subject, lead), "gerund"
        subject = _copy(found[-1][1]) if found else _shifted(_clause_subject(pre), lead)
        if subject is not None:
            subject.borrowed = True
        return (subject, "gerund") if subject is not None else (None, "")
    if found and re.search(r",\s*(?:who|which)\s*$", pre):
        # "…, said Ray Dunleavy, president of X, who said …": the same speaker again
        return _copy(found[-1][1]), "before"
    if _AND_BEFORE_CUE.search(pre):
        # "X claimed …, and said …", "X admitted … but said …": the same subject
        subject = _copy(found[-1][1]) if found else _shifted(_clause_subject(pre), lead)
        if subject is not None:
            subject.borrowed = True
            return subject, "before"
    before = _shifted(speaker_before(pre), lead)
    if (
        before is not None
        and before.across_auxiliary
        and any(earlier[0].start() < before.start for earlier in found)
        and not _COORDINATED.search(pre[: before.start - lead])
    ):
        # "X said the board had concluded …": inside X's words; a cue inside the speaker's
        # own apposition is none ("Kirk, who still speaks with difficulty, also noted …")
        before = None
    if before is None and not _VERB_AFTER_NOUN.match(post) and not re.match(r"\s*[,—–-]", post):
        # "People who have battled online threats say …", "voters who say …" (issue 19);
        # never inside an earlier cue's words ("X said the voters who say …"), never a noun
        # inside the relative clause ("Parents who signed up for public comment spoke …"),
        # never a relative's verb that ends there ("found the victims who testified — …")
        before = _shifted(relative_subject(pre), lead)
        if before is not None and found and found[-1][0].end() <= before.start:
            before = None
        if before is not None and _inside_subject_relative(pre, before.start - lead):
            before = None  # "Fans who say they were turned away want refunds"
    if before is not None and _plural_head_with_s_form(before, form, verb):
        return None, ""  # "organizations in the battleground states": a plural noun's "-s"
    if before is not None and not _singular_name_with_base_verb(before, form, verb):
        return before, "before"
    if before is not None:
        # "Aides to Okafor say": the plural head with its post-modifier speaks (issue 19)
        desc = description_at_end(pre.rstrip())
        if desc is not None and POST_MODIFIER.search(desc.text) and desc.end > before.start - lead:
            return _shifted(desc, lead), "before"
    if quote_before or re.search(r",\s*$", pre) or not pre.strip():
        after = speaker_after(post)
        if after is not None:
            after.start += cue.end()
            after.end += cue.end()
            return after, "after"
    return None, ""


# The cue is the verb of a bare relative clause ("voters who say", "the law that says"; an
# adverb may stand between) when only the relative pronoun stands between the subject and it.
_BARE_RELATIVE = re.compile(r"\s(?:who|that)(?:\s++(?:also|still|now|often|[a-z]{3,}ly))?+\s*$")
# What may stand before a clause's subject: the sentence start, a punctuation mark, or a
# conjunction or subordinator (never a verb or a preposition, whose object the phrase is).
_CLAUSE_START = re.compile(
    r"(?:^|[,;:(“\"‘–—]|\b(?:and|but|or|so|yet|while|whereas|because|although|though|if|when|"
    r"since|as|that|whether|where|after|before|until|unless|once)\b)\s*$",
    re.IGNORECASE,
)


def _inside_subject_relative(pre: str, start: int) -> bool:
    """The cue is the verb of a bare relative clause whose head opens the sentence: "Fans who
    say they were turned away at the gate want refunds". The reported clause then runs into
    the main clause's predicate and cannot be bounded here, so the cue gives no row (review
    of issue 19). A relative after a verb or a preposition ("among voters who say …",
    "rebuked critics who say …") usually ends its sentence, and is kept; so is a phrase
    with a verb-like word in it (the description may have run over its clause's verb)."""
    if not _BARE_RELATIVE.search(pre) or not _SENTENCE_OPENING.match(pre[:start]):
        return False
    return not _VERB_IN_PHRASE.search(pre[start:])


# Only a conjunction before a sentence's subject; a lower-case word that may be a verb or an
# adverb ("President Obama passionately rebuked critics who …").
_SENTENCE_OPENING = re.compile(r"\s*+(?:(?:but|and|so|yet|still|now)\s++)?+$", re.IGNORECASE)
_VERB_IN_PHRASE = re.compile(r"(?<![\w\-])[a-z]{2,}(?:ly|ed|ing)\b")


def _belief_holder(
    pre: str, lead: int, post: str, cue: Cue, form: str, verb: ReportingVerb, found: list[tuple]
) -> tuple[SpeakerPhrase | None, str]:
    """The holder of a belief, expectation, hope or fear (issue 19; connotation ``belief`` in
    ``reporting_verbs.csv``): only a speaker standing before the verb ("Okafor allies
    believe …"), never inverted ("Hope Okafor said"), never after an earlier cue of the
    sentence ("a detective said investigators believed …": inside that cue's words), never in
    a relative clause ("those who fear …"), a question ("Does anyone think …?") or the first
    person ("I think"), and never a noun compound ("a think tank")."""
    if found or cue.group()[:1].isupper() or _RELATIVE_BEFORE.search(pre):
        return None, ""
    if re.match(r"\s*(?:tanks?|in|of|so|not)\b", post, re.IGNORECASE):
        return None, ""
    if re.search(r"\?[”\"’']?\s*$", post):
        return None, ""  # "Does anyone think she would be safe?": a question, no belief held
    if _NEGATED_BEFORE.search(pre):
        return None, ""  # "never believed the promise would be kept": no belief held
    if any("," in post[: later.start()] for later in find_cues(post)):
        return None, ""  # "Analysts believe …, according to Reuters": Reuters' words
    before = _shifted(speaker_before(pre), lead)
    if before is None or _singular_name_with_base_verb(before, form, verb):
        return None, ""
    ahead = re.split(r"[,;.]", pre[: before.start - lead])[-1]  # the holder's clause before it
    if before.text in ("I", "We", "we") or _NO_HOLDER.match(f"{ahead} {before.text}"):
        return None, ""  # "I think …": an aside; "Nobody at the ministry expects …": no one
    if _WH_BEFORE.search(ahead):
        return None, ""  # "why he believes his fellow cleric": a question's clause
    return before, "before"


# Before a verb of belief (issue 19 review): a relative clause ("those who still fear"), a
# negation, a near-negation or a hypothetical ("don't think", "could hardly believe", "never
# believed", "any observer would think"), a wh-word before the holder ("why he believes",
# "what they believe"), a holder that is no one ("No reasonable person", "Nobody at the
# ministry"). A cue after a comma later in the sentence ("…, according to Reuters", "…, her
# spokesman told reporters") owns the whole clause (see _belief_holder).
_RELATIVE_BEFORE = re.compile(
    r"\b(?:that|who|which)(?:\s++(?:do|does|did|still|also|really|now|may|might|would|could|"
    r"will|can|should))*+\s*$",
    re.IGNORECASE,
)
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:not|never|hardly|barely|scarcely|longer|would|could|might)|n[’']t)"
    r"(?:\s++[a-z]+ly)?\s*$",
    re.IGNORECASE,
)
_WH_BEFORE = re.compile(r"\b(?:why|what|how|whether|where|when)\s*$", re.IGNORECASE)
_NO_HOLDER = re.compile(r"\s*(?:no|nobody|none|neither|few|no\s+one)\b", re.IGNORECASE)


# "and" or "but" before a cue that continues its clause's verb phrase: "X claimed …, and
# said …". An adverb between ("and then said") is not read: inside reported speech it joins
# the reported person's own verbs ("Prosecutors say X stole it and then said he lost it";
# review of issue 19).
_AND_BEFORE_CUE = re.compile(r"(?:,\s*|\s)(?:and|but)\s*$")

# Only a time phrase after the cue, to the end of the sentence: "that" is a demonstrative
# ("reported that night."), no clause follows (issue 19, PTC development).
_ONLY_A_TIME_AFTER = re.compile(rf"\s*+that\s++{TIME_NOUNS}\s*+[.!?;]?\s*+$", re.IGNORECASE)

# A verb right after a cue: the cue is a noun, the head of a subject ("public comment spoke
# for two hours", "the report was …").
_VERB_AFTER_NOUN = re.compile(
    r"\s++(?:[a-z]+ed|spoke|was|were|is|are|has|have|had|will|would|can|could|may|might)\b"
)

# A quantifier standing for people before "said" (issue 19): "many said", "some say".
_QUANTIFIER_SUBJECT = re.compile(r"(?:^|[,;:]\s*|\b(?:and|but)\s+)(?:many|some|several)\s*$", re.I)

# A new clause of the sentence, coordinated after a comma or a semicolon: "X has said …, and
# Y had told her …" (issue 19: Y's cue is no verb inside X's words).
_COORDINATED = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas)|;)\s*$")

# What may stand before a participle cue: a comma, a dash or "by", "before", "after",
# "while", "when", with an adverb in -ly ("after initially saying", issue 19).
_BEFORE_GERUND = re.compile(
    r"(?:,|\s[–—]|\bby|\bbefore|\bafter|\bwhile|\bwhen)(?:\s+[a-z]{3,}ly)?\s*$"
)

# "two in three", "one in four": a share of people, whose last word is a number (issue 19)
_SHARE_BEFORE = re.compile(
    r"\b(?:\d++|one|two|three|four|five|six|seven|eight|nine)\s++in\s++"
    r"(?:two|three|four|five|six|seven|eight|nine|ten)\s*$",
    re.IGNORECASE,
)

# What stands before the subject of a participle with no comma (an absolute construction):
# "with", "featuring", "including", "left", or a share's noun ("the proportion of").
_BEFORE_PARTICIPLE_SUBJECT = re.compile(
    r"\b(?:with|featuring|including|left|leaving|(?P<share>(?:share|proportion|percentage|"
    r"number)\s+of))\s*$",
    re.IGNORECASE,
)

# The auxiliary of the progressive aspect just before an "-ing" cue, never negated ("is not
# saying" reports no speech) and not after "there" or "it" ("it was saying much").
_PROGRESSIVE = re.compile(
    r"(?<![Tt]here)(?<![Ii]t)\s+(?:is|are|was|were|am|[’']s|[’']re)"
    # an adverb between ("is already claiming", "are quietly saying"; issue 19), never a
    # near-negation ("is hardly saying")
    r"(?:\s++(?:already|now|still|also|just|again|(?!hardly|barely|scarcely)[a-z]{3,}ly))?+\s*$"
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


# What may open a clause before its subject: a conjunction. A subordinator ("and when X
# arrived, Y said") is not: its subject is not the main clause's (review of issue 19).
_CLAUSE_OPENER = re.compile(r"(?:and|but|so|yet)\s++(?=\S)")


def _plural_head_with_s_form(phrase: SpeakerPhrase, form: str, verb) -> bool:
    """A plural description before a verb's "-s" form ("massive organizations in the
    battleground states"): a plural subject never takes the "-s" form, so the word is a noun
    (issue 19, PolNeAR train)."""
    if verb is None or phrase.kind != "description" or form == verb.lemma:
        return False
    if not form.endswith("s") or form.endswith(("ed", "ing")):
        return False
    word = head_word(phrase.text).lower()
    return speaker_nouns().get(word, {}).get("number") == "plural" or person_plural(word)


_BARE_QUANTIFIERS = frozenset({"some", "several", "others", "many", "most", "half"})


def _clause_subject(pre: str) -> SpeakerPhrase | None:
    """The subject of the clause a cue continues: the speaker phrase that opens the
    sentence or follows a fronted phrase ("In its report, the bank cut …, and said …";
    "Dunmore boss Alan Corrigan was in no mood …, insisting …")."""
    for m in re.finditer(r"(?:^|,\s+)", pre):
        segment = pre[m.end() :]
        # "…, and when Rubio thanked the city and said …": the subject after a conjunction
        # or a subordinator that opens the clause (issue 19)
        lead = _CLAUSE_OPENER.match(segment)
        inner = _clause_subject(segment[lead.end() :]) if lead else None
        if inner is not None:
            return _shifted(inner, m.end() + lead.end())
        pronoun = re.match(r"(he|she|they|it|He|She|They|It)\b", segment)
        if pronoun:
            return SpeakerPhrase(pronoun.group(1), m.end(), m.end() + pronoun.end(), "pronoun")
        end = 0
        for w in re.finditer(r"[\w’'\-\.&]+", segment):  # lazily: the loop stops early
            token = w.group()
            noun = speaker_nouns().get(token.lower(), {}).get("kind")
            capitalised = token[:1].isupper() and token.lower() not in NOT_MODIFIERS | {
                "in",
                "on",
                "at",
            }
            if capitalised or token.lower() in ("the", "a", "an") or noun:
                end = w.end()
            else:
                break
        phrase = speaker_at_end(segment[:end], None) if end else None
        if phrase is not None and phrase.kind == "name" and ordinary_word(phrase.text):
            continue  # "Sitting beside X, the minister said …": a participle, not a name
        if phrase is not None and phrase.text.lower() in _BARE_QUANTIFIERS:
            continue  # "Some days later, the police …": a quantifier is no clause subject
        if phrase is None and end:
            # "The former secretary of state mocked …": the subject runs up to the first verb
            # in -ed or -s (issue 19); a phrase that starts the segment
            for verb in list(_VERB_LIKE.finditer(segment[:120]))[:3]:
                phrase = speaker_before(segment[: verb.start()])
                if phrase is not None and phrase.kind != "pronoun" and phrase.start <= 4:
                    break
                phrase = None
        if phrase is not None:
            phrase.start += m.end()
            phrase.end += m.end()
            return phrase
    return None


# A word that may be the clause's verb: past tense, present in -s, or an auxiliary.
_VERB_LIKE = re.compile(r"(?<=\s)(?:[a-z]{3,}(?:ed|s)|has|have|had|was|were|is|are)\b")
