"""The attribution pass: one reading of an article that finds who says what.

:class:`Attributor` reads the prepared article (:mod:`.prepared`) paragraph by paragraph
and sentence by sentence. In each sentence it finds the cues (:mod:`.cues`), the speaker
of each cue (:mod:`.cue_speaker`, :mod:`.speaker_phrases`), resolves the speaker to an
entity (:mod:`.resolution`) and reads the content (:mod:`.content`); then it gives the
quotations no cue claimed to a speaker where the structure allows (:mod:`.carry_over`).
What is left unclaimed is a scare quote. The result is an :class:`Attribution`, which
:func:`helpers.who_speaks.attribution` caches per article for every table.

>>> from ..article import article_from_text
>>> found = Attributor(article_from_text("T\\n\\n“We will win,” said Jane Okafor.")).run()
>>> [(u.speaker, u.kind, u.rule) for u in found.utterances]
[('Jane Okafor', 'direct', 'direct quote, speaker after the quote')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..article import Article
from ..entities import Entity, EntityIndex
from ..lexicons import ReportingVerb, lexicon_cache, reporting_verbs, speaker_nouns
from ..names import NOT_MODIFIERS, WHITESPACE, ordinary_word
from ..quotemarks import QuoteSpan
from .carry_over import CarryOver
from .clauses import reports_speech, skip_after_cue
from .content import RELATIVE_FRAME as _RELATIVE_FRAME
from .content import Sentence, find_content
from .cue_speaker import speaker_for_cue
from .cues import Cue, find_cues
from .descriptions import text_nouns
from .prepared import PreparedArticle
from .resolution import Resolver
from .speaker_phrases import SpeakerPhrase, speaker_at_end
from .utterances import Record, Utterance, number_utterances

__all__ = ["Attribution", "Attributor"]


@dataclass
class Attribution:
    """Who says what in one article: the utterances in reading order, the scare quotes,
    every quotation span by paragraph, the entity index and the speakers by name."""

    utterances: list[Utterance]
    scare: list[QuoteSpan]
    quotes: dict[int, list[QuoteSpan]]
    index: EntityIndex
    speakers: dict[str, Entity]


class Attributor:
    """One attribution pass over one article (see the module's docstring)."""

    def __init__(self, article: Article) -> None:
        self.page = PreparedArticle.read(article)
        self.record = Record()
        self.resolver = Resolver(self.page.index, self.record)
        self.carry_over = CarryOver(self.page, self.record, self.resolver)

    def run(self) -> Attribution:
        page, record = self.page, self.record
        carried: tuple[Entity, str] | None = None  # a quotation left open in the paragraph
        for p in range(len(page.paragraphs)):
            if carried is not None:
                self.carry_over.continue_quote(p, *carried)
            for s_idx, (s0, s1) in enumerate(page.sentence_spans[p]):
                self._sentence(p, s_idx, s0, s1)
            self.carry_over.standalone_quotes(p)
            self.carry_over.introduced_paragraph(p)
            carried = self.carry_over.left_open(p)
        record.utterances.sort(key=lambda u: (u.paragraph, u.start))
        number_utterances(record.utterances, page.paragraphs)
        scare = [
            q for p in page.quotes for q in page.quotes[p]
            if not record.is_claimed(p, q) and not record.inside_utterance(p, q)
        ]  # fmt: skip
        return Attribution(record.utterances, scare, page.quotes, page.index, record.speakers)

    def _sentence(self, p: int, s_idx: int, s0: int, s1: int) -> None:
        """Find the cues of one sentence, their speakers, and what each one says."""
        ms = self.page.masked[p][s0:s1]
        # quotes that overlap the sentence: a quotation may hold several sentences
        quotes = [q for q in self.page.quotes[p] if q.open_at < s1 and q.outer_end > s0]
        sentence = Sentence(self.page.paragraphs[p], s0, s1, ms, quotes, self.page.content_start[p])
        verbs = reporting_verbs()
        found: list[tuple[Cue, SpeakerPhrase, Entity, str]] = []
        for cue in find_cues(ms):
            form = WHITESPACE.sub(" ", cue.group().lower())
            phrase, how = speaker_for_cue(ms, cue, form, verbs.get(form), found)
            if phrase is None:
                # a subject borrowed across an infinitive, a document or a coordinated verb
                # (issue 19): kept only when the cue reports something, so that a cue with no
                # content ("declined a request to observe") adds no speaker to the article
                phrase, how = _borrowed_speaker(ms, cue, form, verbs.get(form), found)
                if phrase is not None and not find_content(sentence, cue, phrase, how, None)[0]:
                    continue
            if phrase is None:
                continue
            entity = self.resolver.resolve(phrase, p, s0)
            if entity is None:
                continue
            found.append((cue, phrase, entity, how))
        # last cue first: a later cue that says nothing and whose subject opens this cue's
        # clause ("aides say Jane Roe also advises her father …", issue 19) is a verb of
        # the reported clause, not the next attribution, so the clause runs over it
        results: list[tuple[list, int]] = [([], 0)] * len(found)
        next_speaking: int | None = None
        for i in range(len(found) - 1, -1, -1):
            cue, phrase, entity, how = found[i]
            following = found[next_speaking][:2] if next_speaking is not None else None
            results[i] = find_content(sentence, cue, phrase, how, following)
            if _according_inside(found, i, ms):
                continue  # "said that according to its count, the party won": one clause
            if results[i][0] or not _opens_clause_of(found, i, ms):
                next_speaking = i
        for (cue, phrase, entity, how), (contents, at) in zip(found, results, strict=True):
            for c in contents:
                if how == "fronted":  # "Noting that …, X added": the clause ends at its comma
                    c.end = min(c.end, s0 + phrase.start - 2)
                self.record.emit(
                    entity, p, s_idx, kind=c.kind, start=c.start, end=c.end, cue=cue.group(),
                    mention=phrase.text, rule=c.rule, role=phrase.role, fragments=c.fragments,
                )  # fmt: skip
                for q in c.claims:
                    self.record.claim(p, q)
            if any(c.rule != _RELATIVE_FRAME for c in contents):
                # "what critics call a tax grab" names no one a later quotation continues
                self.record.remember(entity, p, at)


def _opens_clause_of(found: list[tuple], i: int, ms: str) -> bool:
    """The subject of cue ``i`` stands right after the previous cue (at most ``that`` and
    adverbials between): "aides say [Jane Roe also advises …]"."""
    if i == 0:
        return False
    before_cue, phrase = found[i - 1][0], found[i][1]
    if phrase.borrowed or phrase.start < before_cue.end():
        return False
    gap = ms[before_cue.end() : phrase.start].rstrip()  # "said Wednesday [he] agrees"
    return skip_after_cue(gap, 0, False) == len(gap) or not gap.strip()


def _according_inside(found: list[tuple], i: int, ms: str) -> bool:
    """Cue ``i`` is an "according to" that opens the clause of the previous cue ("said Tuesday
    that according to its analysis, the party won 82 percent"; session 25): the previous
    cue's words run over it, as PolNeAR annotates them."""
    if i == 0 or found[i][0].group().lower() != "according to":
        return False
    before_cue = found[i - 1][0]
    gap = ms[before_cue.end() : found[i][0].start()]
    return bool(re.search(r"\bthat\s*+,?\s*+$", gap)) and skip_after_cue(gap, 0, False) == len(gap)


def _borrowed_speaker(
    ms: str, cue: Cue, form: str, verb: ReportingVerb | None, found: list[tuple]
) -> tuple[SpeakerPhrase | None, str]:
    """The speaker of a cue with no subject of its own, borrowed from the clause (issue 19):
    an infinitive, a document's participle, a coordinated verb or a second participle."""
    rules = (_infinitive_speaker, _document_speaker, _second_participle_speaker, _fronted_speaker)
    for rule in rules:
        phrase, how = rule(ms, cue, form, verb, found)
        if phrase is not None:
            return phrase, how
    return _coordinated_speaker(ms, cue, verb, found)


# Before the "to" of an infinitive cue, what makes it no speech of the clause's subject
# (issue 19): an object that is told or led to speak ("led her to declare", "asked officers to
# explain"), a wish, plan or ability ("wants to say", "is going to explain", "was unable to
# answer"), a refusal of a question ("declined to say how many"), a negation ("did not stop to
# answer"), an impersonal subject ("It is important to note", "That's not to suggest"), a
# noun the infinitive modifies ("declined a request to observe").
_NOT_INFINITIVE_SPEECH = re.compile(
    r"(?:\b(?:led|leads?|leading|prompt\w*|drives?|drove|forc\w*|caus\w*|push\w*|urg\w*|ask\w*|"
    r"allow\w*|encourag\w*|invit\w*|told|tells?|press\w*|requir\w*|call\w*|enabl\w*|help\w*|"
    r"persuad\w*)\s++(?:[\w’'\-]++\s++){1,5}"
    r"|\b(?:going|got|gotta|have|has|had|need\w*|want\w*|like|love|plan\w*|hop\w*|expect\w*|"
    r"intend\w*|about|able|unable|likely|unlikely|supposed|used|tr(?:y|ies|ied|ying)|seek\w*|"
    r"sought|attempt\w*|prepar\w*|ready|due|set|first|last|only|afraid|reluctant|willing|"
    r"unwilling|wait\w*|hesitat\w*|decid\w*|agree\w*|declin\w*|fail\w*|struggl\w*|order|as|"
    r"hard|easy|difficult|important|time|right|way|chance|opportunity|effort|bid|attempt|move|"
    r"plans?|stop\w*|efforts|attempts|bids|moves|appear\w*|seem\w*|from\s++\w+)\s++"
    r"|\b(?:not|never|n[’']t)\s++(?:\w+\s++){0,3}"
    r"|\b(?:a|an|the|this|that|its|his|her|their|our|no|any)\s++[\w\-]++\s++)to\s*+$",
    re.IGNORECASE,
)
_SUBORDINATE_START = re.compile(
    r"\s*(?:when|whenever|if|unless|as|so\s+long\s+as|while|because|although|though|since|once|"
    r"until|after|before|whether)\b",
    re.IGNORECASE,
)
_IMPERSONAL = frozenset({"it", "that", "this", "there", "what", "which"})


def _infinitive_speaker(
    ms: str, cue: Cue, form: str, verb: ReportingVerb | None, found: list[tuple]
) -> tuple[SpeakerPhrase | None, str]:
    """The speaker of a verb of speech in the infinitive, "X went on to say that …", "X took to
    Twitter to say …", "X continued to insist that …" (issue 19): the subject of the clause
    (or of the cue just before "to"), borrowed, so the attribution is the cue alone."""
    if verb is None or verb.connotation in ("belief", "commitment") or form != verb.lemma:
        return None, ""
    pre = ms[: cue.start()]
    if not re.search(r"\bto\s++$", pre) or _NOT_INFINITIVE_SPEECH.search(pre):
        return None, ""
    before_to = pre[: re.search(r"\bto\s++$", pre).start()]
    if _SUBORDINATE_START.match(before_to) or ";" in before_to:
        return None, ""  # "So long as X continues to maintain …": no main clause of X's
    if found and not before_to[found[-1][0].end() :].strip():
        subject = found[-1][1]  # "X continued to insist": the subject of "continued"
    elif found:
        return None, ""  # "X said there was nothing left for Y to reveal": inside X's words
    else:
        # the subject opens the sentence and only its verb phrase stands before "to": "X took
        # to Twitter to say", never "First, X …" or "X has become Y's critic, quick to say"
        subject = _opening_subject(before_to)
        if subject is None or "," in before_to[subject.end :]:
            return None, ""
        if not re.match(r"\s++[a-z]", before_to[subject.end :]):
            return None, ""  # a verb after the subject ("Programs for adults vary" is a noun)
    if subject is None or subject.text.lower() in _IMPERSONAL:
        return None, ""
    return replace(subject, borrowed=True), "infinitive"


def _opening_subject(text: str) -> SpeakerPhrase | None:
    """The speaker phrase that opens a sentence: a pronoun, or the run of capitalised words,
    articles and speaker nouns at its start ("Jane Okafor", "The judge"), read by
    :func:`.speaker_phrases.speaker_at_end`; never a one-word ordinary word ("First")."""
    pronoun = re.match(r"\s*+(he|she|they|He|She|They)\b", text)
    if pronoun:
        return SpeakerPhrase(pronoun.group(1), pronoun.start(1), pronoun.end(1), "pronoun")
    end = 0
    for w in re.finditer(r"[\w’'\-\.&]+", text):  # lazily: the loop stops at the verb
        token = w.group()
        capitalised = token[:1].isupper() and token.lower() not in NOT_MODIFIERS
        if capitalised or token.lower() in ("the", "a", "an") or token.lower() in speaker_nouns():
            end = w.end()
        else:
            break
    phrase = speaker_at_end(text[:end], None) if end else None
    if phrase is None or text[: phrase.start].strip(" “\"'‘"):
        return None  # "Former Obama aide …": only a phrase that opens the sentence
    if phrase.kind == "name" and " " not in phrase.text and ordinary_word(phrase.text):
        return None  # "First, …", "Programs for adults …"
    return phrase


#: A document the subject issues, before a participle cue: "issued a statement saying",
#: "sent an email saying", "released a new radio ad saying" (issue 19): the texts of
#: speaker_nouns.csv (kinds ``document`` and ``written``) and a few posts that are no speaker.
@lexicon_cache
def _document_before() -> re.Pattern[str]:
    nouns = sorted(text_nouns() | {"message", "post", "tweet", "video"}, key=len, reverse=True)
    return re.compile(
        rf"\b(?:a|an|the|its|his|her|their)\s++(?:[\w\-]++\s++){{0,2}}?"
        rf"(?:{'|'.join(map(re.escape, nouns))})\s++$",
        re.IGNORECASE,
    )


def _document_speaker(
    ms: str, cue: Cue, form: str, verb: ReportingVerb | None, found: list[tuple]
) -> tuple[SpeakerPhrase | None, str]:
    """The speaker of "X issued a statement saying that …" (issue 19): the subject that opens
    the sentence, when only its verb and the document stand before the participle."""
    if verb is None or not form.endswith("ing") or not verb.gerund_reports or found:
        return None, ""
    pre = ms[: cue.start()]
    document = _document_before().search(pre)
    if document is None:
        return None, ""
    before = pre[: document.start()]
    if _SUBORDINATE_START.match(before) or re.search(r"[,;]", before):
        return None, ""
    subject = _opening_subject(before)
    if subject is None or subject.text.lower() in _IMPERSONAL:
        return None, ""
    if not re.match(r"\s++[a-z]", before[subject.end :]):
        return None, ""
    return replace(subject, borrowed=True), "document"


#: A participle cue that opens the sentence, with an optional subordinator ("Noting that …, X
#: added", "After saying he was nervous, the man …"; session 25).
_FRONTED_PARTICIPLE = re.compile(
    r"\s*+(?:(?:after|while|before|since|despite|without|by|upon|in)\s++)?+", re.IGNORECASE
)


def _fronted_speaker(
    ms: str, cue: Cue, form: str, verb: ReportingVerb | None, found: list[tuple]
) -> tuple[SpeakerPhrase | None, str]:
    """The speaker of a participle cue that opens the sentence ("Noting that only one
    senator voted for it, Jane Roe added …"): the subject of the main clause after the
    participle clause's comma, borrowed, when a verb follows it (session 25)."""
    if verb is None or not form.endswith("ing") or not verb.gerund_reports or found:
        return None, ""
    if not _FRONTED_PARTICIPLE.fullmatch(ms[: cue.start()]):
        return None, ""
    comma = ms.find(", ", cue.end())
    if comma < 0 or ";" in ms[cue.end() : comma]:
        return None, ""
    after = skip_after_cue(ms, cue.end(), False)
    if not reports_speech(ms[cue.end() : after], ms[after:comma], verb, verb.needs):
        return None, ""  # "Saying no to the levy, the council adjourned": no clause
    subject = _opening_subject(ms[comma + 2 :])
    if subject is None or subject.text.lower() in _IMPERSONAL:
        return None, ""
    if not re.match(r"\s++[a-z]", ms[comma + 2 + subject.end :]):
        return None, ""  # the main clause's verb follows its subject
    at = comma + 2
    return replace(
        subject, start=subject.start + at, end=subject.end + at, borrowed=True
    ), "fronted"


#: A verb coordinated with the subject's earlier verb, with an adverb or auxiliary between
#: (issue 19): "X rubbed his chin, and then said …", "X has expressed concerns but has said …",
#: "X did not mention them by name but did note that …".
_COORDINATED_CUE = re.compile(
    r"(?:,\s*+|\s)(?:and|but)\s++(?:(?:then|later|also|has|have|had|did|does|do|would|will|"
    r"still|now|again|quickly|repeatedly|publicly|finally|eventually|even|soon|instead|"
    r"previously|since)\s++){1,3}$",
    re.IGNORECASE,
)


def _coordinated_speaker(
    ms: str, cue: Cue, verb: ReportingVerb | None, found: list[tuple]
) -> tuple[SpeakerPhrase | None, str]:
    """The speaker of a cue coordinated with its subject's earlier verb across an adverb or
    auxiliary ("X rubbed his chin, and then said …"): the subject that opens the sentence,
    borrowed; never after an earlier cue of the sentence (its words)."""
    if verb is None or verb.connotation == "belief" or cue.group()[:1].isupper():
        return None, ""
    pre = ms[: cue.start()]
    joint = _COORDINATED_CUE.search(pre)
    if joint is None or _SUBORDINATE_START.match(pre) or ";" in pre:
        return None, ""
    if found:
        return None, ""  # "X said the firm is … and will respond by …": inside X's words
    subject = _opening_subject(pre)
    if subject is None or not re.match(r"\s++[a-z]", pre[subject.end :]):
        return None, ""
    if subject.text.lower() in _IMPERSONAL:
        return None, ""
    return replace(subject, borrowed=True), "before"


#: A second participle coordinated with an earlier one after a comma (issue 19): "…, calling
#: them rapists and vowing to …", "…, pointing to his record and saying that …".
_SECOND_PARTICIPLE = re.compile(r"(?:,|\s[–—])\s*+[a-z]{3,}ing\b[^;,]*?\s(?:and|but)\s++$")


def _second_participle_speaker(
    ms: str, cue: Cue, form: str, verb: ReportingVerb | None, found: list[tuple]
) -> tuple[SpeakerPhrase | None, str]:
    """The speaker of a participle cue after "and" that continues an earlier participle of
    the subject ("X dismissed the report, calling it a hoax and saying that …"): the subject
    of that earlier cue, or the subject that opens the sentence."""
    if verb is None or not form.endswith("ing") or not verb.gerund_reports:
        return None, ""
    pre = ms[: cue.start()]
    if not _SECOND_PARTICIPLE.search(pre) or _SUBORDINATE_START.match(pre) or ";" in pre:
        return None, ""
    if found:
        subject = found[-1][1] if found[-1][3] == "gerund" else None
    else:
        subject = _opening_subject(pre)
        if subject is not None and not re.match(r"\s++[a-z]", pre[subject.end :]):
            subject = None
    if subject is None or subject.text.lower() in _IMPERSONAL:
        return None, ""
    return replace(subject, borrowed=True), "gerund"
