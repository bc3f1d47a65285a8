"""The sentence and content records of the content rules, and small tests on text spans
shared by them and carry-over: is a gap only punctuation, is a quotation a sentence of its own
(moved out of :mod:`.content`, which re-exports them, session 25).

>>> gap_is_punct("“We will win,” she said", 14, 15)
True
>>> only_punct(" ,.")
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..quotemarks import QuoteSpan

__all__ = [
    "Content",
    "Sentence",
    "first_char",
    "gap_is_punct",
    "is_full_sentence_quote",
    "only_punct",
]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a paragraph, as the content rules read it."""

    text: str  # the whole paragraph (quotation marks normalised)
    start: int  # where the sentence starts and ends in the paragraph
    end: int
    masked: str  # the sentence alone, quoted words masked with ▒
    quotes: list[QuoteSpan]  # the quotations that overlap the sentence
    content_start: int  # where the paragraph's own text starts, after web furniture


@dataclass
class Content:
    """One utterance of a cue: ``kind`` is direct, partial or indirect; offsets are in the
    paragraph; ``claims`` are the quotations it gives to the speaker."""

    kind: str
    start: int
    end: int
    rule: str
    fragments: list[tuple[int, int]] = field(default_factory=list)
    claims: list[QuoteSpan] = field(default_factory=list)


def first_char(text: str) -> int:
    return len(text) - len(text.lstrip())


def gap_is_punct(text: str, a: int, b: int, *, allow_colon: bool = False) -> bool:
    gap = text[a:b]
    allowed = " ,.\u00a0" + (":" if allow_colon else "")
    return b >= a and all(ch in allowed for ch in gap) and len(gap) <= 4


def only_punct(s: str) -> bool:
    return all(not ch.isalnum() for ch in s)


def is_full_sentence_quote(text: str, q: QuoteSpan, s0: int | None = None) -> bool:
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
