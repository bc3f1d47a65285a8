"""Carry-over: quotations with no cue of their own.

A quotation that no cue of its sentence claims is given to a speaker only where the
article's structure says who it is (issue 19; measured on PolNeAR train: 0.87 right
within a paragraph, 0.37-0.55 from the previous one):

- the next sentence is its attribution ("“Is it over?” Okafor said." is split in two by the
  sentence splitter);
- the previous paragraph ends with a cue and a colon ("He added:");
- the speaker spoke earlier in the same paragraph, or the next attribution of the
  paragraph names the same speaker;
- a quotation left open at the end of a paragraph continues in the next one (the newspaper
  convention: no closing mark until the speaker stops);
- a paragraph with no quotation marks after one that ends "he said:" is that speaker's
  words (rule ``reported speech introduced at the end of the previous paragraph``, issue 19).

Otherwise the quotation is kept with the speaker ``UNKNOWN``; a quoted phrase inside the
writer's sentence is no utterance at all (a scare quote).

>>> from ..article import article_from_text
>>> from .tables import extract_quotes
>>> text = "T\\n\\nJane Okafor said: “We will win.” “Nobody doubts it.”"
>>> extract_quotes(article_from_text(text)).rule.tolist()[1]
'standalone quotation: continues the previous speaker'
"""

from __future__ import annotations

from ..entities import Entity
from ..lexicons import reporting_verbs
from ..names import WHITESPACE
from ..quotemarks import QuoteSpan
from .clauses import AUDIENCE
from .content import first_char, is_full_sentence_quote
from .cue_speaker import speaker_for_cue
from .cues import find_cues, only_adverbials
from .prepared import PreparedArticle
from .resolution import Resolver
from .speaker_phrases import speaker_after, speaker_before
from .utterances import Record

__all__ = ["INTRODUCED_PARAGRAPH", "CarryOver"]

#: The rule of a paragraph without quotation marks introduced by "He said:" (issue 19).
INTRODUCED_PARAGRAPH = (
    "reported speech introduced at the end of the previous paragraph ('He said:'), no marks"
)


class CarryOver:
    """Gives the quotations no cue claimed to a speaker, paragraph by paragraph."""

    def __init__(self, page: PreparedArticle, record: Record, resolver: Resolver) -> None:
        self.paragraphs = page.paragraphs
        self.quotes = page.quotes
        self.masked = page.masked
        self.sentence_spans = page.sentence_spans
        self.record = record
        self.resolve = resolver.resolve

    def left_open(self, p: int) -> tuple[Entity, str] | None:
        """The speaker and cue of a quotation left open at the end of paragraph ``p``."""
        spans = self.quotes[p]
        last = spans[-1] if spans else None
        if last is None or last.close_at is not None or not self.record.is_claimed(p, last):
            return None
        owner = next(
            (u for u in self.record.by_paragraph.get(p, ()) if u.start == last.start), None
        )
        entity = self.record.speakers.get(owner.speaker) if owner is not None else None
        return (entity, owner.cue) if entity is not None else None

    def continue_quote(self, p: int, entity: Entity, cue: str) -> None:
        """Paragraph ``p`` opens with a quotation: it continues the one left open before."""
        spans = self.quotes[p]
        if spans and spans[0].open_at == first_char(self.paragraphs[p]):
            sentence_spans = self.sentence_spans[p]
            self.record.emit_quote(
                p, sentence_spans, spans[0], entity, cue=cue, rule="continued quote", mention=""
            )

    def standalone_quotes(self, p: int) -> None:
        """A whole sentence in quotation marks with no cue continues the previous speaker."""
        text = self.paragraphs[p]
        sentence_spans = self.sentence_spans[p]
        for q in self.quotes[p]:
            if self.record.is_claimed(p, q) or self.record.inside_utterance(p, q):
                continue
            s0 = next((s[0] for s in sentence_spans if s[0] <= q.open_at < s[1]), 0)
            if not is_full_sentence_quote(text, q, s0):
                continue
            intro = self.masked[p][s0 : q.open_at]
            if intro.strip() and not find_cues(intro):
                continue  # "a sign reads: “…”" — introduced, but by no reporting verb
            found = self._speaker_in_next_sentence(p, q, sentence_spans)
            if found is not None:
                rule = "direct quote, speaker in the next sentence ('…?” X said.')"
            else:
                found = self._introduced_before(p, q)
                rule = "direct quote introduced at the end of the previous paragraph ('He added:')"
            if found is None:
                prev = self.record.previous_speaker(p, q)
                if prev is None:
                    found, rule = (None, "", ""), "standalone quotation with no speaker"
                else:
                    found = (prev[0], prev[1], "")
                    rule = "standalone quotation: continues the previous speaker"
            entity, cue, mention = found
            self.record.emit_quote(
                p, sentence_spans, q, entity, cue=cue, rule=rule, mention=mention
            )

    def _speaker_in_next_sentence(
        self, p: int, q: QuoteSpan, sentence_spans: list[tuple[int, int]]
    ) -> tuple[Entity, str, str] | None:
        """“Is it over?” Okafor said. — a quotation ending in ? or ! is split from its
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
        cues = find_cues(ms)
        if len(cues) != 1:
            return None
        cue = cues[0]
        form = WHITESPACE.sub(" ", cue.group().lower())
        if form not in reporting_verbs():
            return None
        pre, post = ms[: cue.start()], ms[cue.end() :]
        phrase = speaker_before(pre) if pre.strip() else None
        if phrase is not None and pre[: phrase.start].strip():
            return None  # the words before the speaker are more than a speaker
        if phrase is None and not pre.strip():
            phrase = speaker_after(post)
            if phrase is not None:
                phrase.start += cue.end()
                phrase.end += cue.end()
                post = post[phrase.end - cue.end() :]
        elif phrase is not None and not only_adverbials(post.strip(" .")):
            return None
        if phrase is None or phrase.kind == "pronoun" and phrase.text.islower():
            return None
        entity = self.resolve(phrase, p, s0)
        if entity is None:
            return None
        self.record.remember(entity, p, s0 + phrase.start)
        return entity, cue.group(), phrase.text

    def introduced_paragraph(self, p: int) -> None:
        """Paragraph ``p`` has no quotation marks and nobody speaks in it, and the previous
        paragraph ends with a cue and a colon ("In a speech last July, he said:"): the whole
        paragraph is that speaker's words, without marks (issue 19; PolNeAR annotates it)."""
        text = self.paragraphs[p]
        if p == 0 or self.quotes[p] or self.record.by_paragraph.get(p):
            return
        found = self._introducer(p)
        if found is None:
            return
        entity, cue, mention = found
        start = first_char(text)
        end = len(text.rstrip().rstrip(".!?").rstrip())
        if end - start < 2:
            return
        last = len(self.sentence_spans[p]) - 1
        self.record.emit(
            entity, p, max(0, last), kind="indirect", start=start, end=end, cue=cue,
            mention=mention, rule=INTRODUCED_PARAGRAPH,
        )  # fmt: skip

    def _introduced_before(self, p: int, q: QuoteSpan) -> tuple[Entity, str, str] | None:
        """The previous paragraph ends with a cue and a colon ("He added:") and this one opens
        with the quotation: the speaker of that cue."""
        text = self.paragraphs[p]
        if p == 0 or q.open_at != first_char(text):
            return None
        return self._introducer(p)

    def _introducer(self, p: int) -> tuple[Entity, str, str] | None:
        """The speaker, cue and mention of a cue that ends paragraph ``p - 1`` with a colon."""
        before = self.paragraphs[p - 1].rstrip()
        if not before.endswith(":") or not self.sentence_spans[p - 1]:
            return None
        s0, s1 = self.sentence_spans[p - 1][-1]
        ms = self.masked[p - 1][s0:s1]
        cues = find_cues(ms)
        if not cues:
            return None
        cue = cues[-1]
        rest = ms[cue.end() :]
        if rest.strip(" :") and not only_adverbials(rest.strip(" :")) and not AUDIENCE.match(rest):
            return None  # "… said the plan was:" — the colon ends other words
        form = WHITESPACE.sub(" ", cue.group().lower())
        verb = reporting_verbs().get(form)
        if verb is None:
            return None
        phrase, _how = speaker_for_cue(ms, cue, form, verb, [])
        if phrase is None:
            return None
        spoke = self.record.by_paragraph.get(p - 1, ())
        last = (
            self.record.speakers.get(max(spoke, key=lambda u: u.start).speaker) if spoke else None
        )
        if phrase.kind == "pronoun" and last is not None and last.kind == "person":
            return last, cue.group(), phrase.text  # "X said …. He added:" — X again
        entity = self.resolve(phrase, p - 1, s0)
        return (entity, cue.group(), phrase.text) if entity is not None else None
