"""The utterances found so far, and where each speaker spoke.

The attribution pass (:mod:`.attributor`) reads an article once, in order; a
:class:`Record` keeps what it has found: the utterances (one per quotation or reported
clause, never two at the same place), the quotations given to a speaker (a quotation no
one claims is a scare quote), the speakers by canonical name, and where each attribution
was made (a pronoun later looks back to it, :mod:`.resolution`).

>>> from ..entities import Entity
>>> record = Record()
>>> okafor = Entity("Jane Okafor", "person")
>>> record.emit(okafor, 0, 0, kind="direct", start=1, end=12, cue="said", mention="she", rule="r")
>>> record.emit(okafor, 0, 0, kind="direct", start=1, end=12, cue="said", mention="", rule="r")
>>> [(u.speaker, u.start, u.end) for u in record.utterances], okafor.mentions
([('Jane Okafor', 1, 12)], ['she'])
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from ..entities import Entity
from ..quotemarks import QuoteSpan

__all__ = ["NARRATOR", "UNKNOWN_SPEAKER", "Record", "Utterance", "number_utterances"]

#: The outlet's own voice: every word no speaker says.
NARRATOR = "NARRATOR"
#: A quotation no rule could give to anyone (kept as an utterance, not hidden).
UNKNOWN_SPEAKER = "UNKNOWN"


@dataclass
class Utterance:
    """One quoted or reported utterance: offsets in its paragraph, the rule that found it."""

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
    utterance: int = -1  # shared by the fragments of one interrupted quotation


class Record:
    """What the attribution pass has found so far (see the module's docstring)."""

    def __init__(self) -> None:
        self.utterances: list[Utterance] = []
        self.claimed: set[tuple[int, int]] = set()  # (paragraph, start) of claimed quotes
        self.speakers: dict[str, Entity] = {}
        self.spoken_at: list[tuple[int, int, Entity]] = []  # where each attribution was made
        self.by_paragraph: dict[int, list[Utterance]] = {}
        self.spoken_p: list[int] = []  # paragraph of each spoken_at entry
        self.spoken_sorted = True  # attributions are made in reading order (bisect works)

    def emit(
        self,
        entity: Entity | None,
        p: int,
        s_idx: int,
        *,
        kind: str,
        start: int,
        end: int,
        cue: str,
        mention: str,
        rule: str,
        role: str | None = None,
        fragments: list[tuple[int, int]] | None = None,
    ) -> None:
        """Record an utterance of ``entity`` (None: nobody) in paragraph ``p``, sentence
        ``s_idx``; the first utterance found at a place is kept."""
        name = entity.canonical if entity is not None else UNKNOWN_SPEAKER
        if entity is not None:
            self.speakers.setdefault(name, entity)
            if entity.kind == "person":
                entity.describe(role)
            if mention and mention not in entity.mentions:
                entity.mentions.append(mention)
        if any(u.start == start for u in self.by_paragraph.get(p, ())):
            return
        utterance = Utterance(
            p, s_idx, name, kind, start, end, cue, mention, rule, role, fragments or []
        )
        self.utterances.append(utterance)
        self.by_paragraph.setdefault(p, []).append(utterance)

    def emit_quote(
        self,
        p: int,
        sentence_spans: list[tuple[int, int]],
        q: QuoteSpan,
        entity: Entity | None,
        *,
        cue: str,
        rule: str,
        mention: str,
    ) -> None:
        """A whole quotation as a direct utterance, and claim it."""
        s_idx = next((i for i, (a, b) in enumerate(sentence_spans) if a <= q.open_at < b), 0)
        self.emit(
            entity,
            p,
            s_idx,
            kind="direct",
            start=q.start,
            end=q.end,
            cue=cue,
            mention=mention,
            rule=rule,
        )
        self.claim(p, q)

    def claim(self, p: int, q: QuoteSpan) -> None:
        """``q`` is somebody's speech, not a scare quote."""
        self.claimed.add((p, q.start))

    def is_claimed(self, p: int, q: QuoteSpan) -> bool:
        return (p, q.start) in self.claimed

    def remember(self, entity: Entity, p: int, at: int) -> None:
        """``entity`` spoke at ``at`` in paragraph ``p`` (a pronoun may refer back to it)."""
        self.spoken_sorted &= not self.spoken_p or p >= self.spoken_p[-1]
        self.spoken_at.append((p, at, entity))
        self.spoken_p.append(p)

    def spoken_since(self, p: int) -> list[tuple[int, int, Entity]]:
        """The attributions made from paragraph ``p`` on (all of them if not in order)."""
        return self.spoken_at[bisect_left(self.spoken_p, p) if self.spoken_sorted else 0 :]

    def inside_utterance(self, p: int, q: QuoteSpan) -> bool:
        """``q`` lies inside an utterance already found (a quoted phrase in reported speech)."""
        return any(
            u.start <= q.open_at and q.outer_end <= u.end + 1 for u in self.by_paragraph.get(p, ())
        )

    def previous_speaker(self, p: int, q: QuoteSpan) -> tuple[Entity, str] | None:
        earlier = [
            u
            for q_p in (p - 1, p)
            for u in self.by_paragraph.get(q_p, ())
            if (u.paragraph, u.start) < (p, q.start)
            and not u.rule.startswith("reporting frame: what X calls Y")  # a label, no voice
        ]
        if not earlier:
            return None
        last = max(earlier, key=lambda u: (u.paragraph, u.start))
        # Carry-over only where the article's structure supports it (issue 19; measured on
        # PolNeAR train: 0.87 right within a paragraph, 0.37-0.55 from the previous one): the
        # speaker spoke earlier in this paragraph, or the next attribution in this paragraph
        # names the same speaker. A quotation
        # continued from an unclosed one in the previous paragraph is read in :mod:`.carry_over`.
        later = [u for u in self.by_paragraph.get(p, ()) if u.start > q.start]
        following = min(later, key=lambda u: u.start) if later else None
        if last.paragraph != p and (following is None or following.speaker != last.speaker):
            return None
        entity = self.speakers.get(last.speaker)
        return (entity, last.cue) if entity is not None else None


def number_utterances(utterances: list[Utterance], paragraphs: tuple[str, ...] | list[str]) -> None:
    """Give each utterance its ``utterance`` id, 0, 1, … in reading order (``utterances``
    sorted by paragraph and start); the fragments of one interrupted quotation share one id.

    A direct quotation continues the previous one (issue 19) when both are the same
    speaker's, in one paragraph, and only their attribution's clause stands between them
    (with the cue or the speaker's mention, no sentence end or quotation mark inside, at most
    80 characters): "“A,” she said, “B.”", "“A,” she said in an interview. “B.”". So
    does a quotation continued from the previous paragraph (rule ``continued quote``, the
    newspaper convention of a paragraph that opens without closing the last one). Each
    fragment keeps its row, so offsets stay exact; tables that count utterances count ids.

    >>> us = [Utterance(0, 0, "Jane Roe", "direct", 1, 12, "said", "she", "r"),
    ...       Utterance(0, 0, "Jane Roe", "direct", 25, 40, "said", "she", "r")]
    >>> number_utterances(us, ["“We will win,” she said, “and we will win big.”"])
    >>> [u.utterance for u in us]
    [0, 0]
    """
    n = -1
    previous: Utterance | None = None
    for u in utterances:
        if previous is None or not _continues(previous, u, paragraphs):
            n += 1
        u.utterance = n
        previous = u


def _continues(before: Utterance, u: Utterance, paragraphs) -> bool:
    if u.speaker != before.speaker or u.kind != "direct" or before.kind != "direct":
        return False
    if u.rule.startswith("continued quote"):
        return u.paragraph == before.paragraph + 1
    if u.paragraph != before.paragraph or u.start < before.end:
        return False
    gap = paragraphs[u.paragraph][before.end : u.start]
    if len(gap) > _LONGEST_GAP:
        return False
    # the attribution's clause, whole, and nothing else: "she said", "said Jane Roe, the
    # minister", "he said in an interview." ("“A.” “B,” she said" is two; so is
    # "“A,” she said. The crowd cheered. “B.”")
    clause = _EDGES.sub("", gap)
    attributed = any(w and w in clause for w in (u.cue, u.speaker_mention, before.speaker_mention))
    return attributed and _INSIDE_CLAUSE.fullmatch(clause) is not None


_QUOTE_MARKS = "“”\"'‘’«»„"
# Space, punctuation and quotation marks at either end of the text between two fragments.
_EDGES = re.compile(rf"^[\s,;:—–{_QUOTE_MARKS}-]++|[\s,.;:!?—–{_QUOTE_MARKS}-]++$")
# One clause: no sentence end and no quotation mark inside it (an apostrophe may be).
_INSIDE_CLAUSE = re.compile(r"[^.!?“”\"«»„]*+")


# The longest text between two fragments (the benchmark's join rule: an attribution of at
# most 80 characters, bench_polnear.py ``JOIN_GAP``).
_LONGEST_GAP = 80
