"""The record of utterances (helpers/who_speaks/utterances.py)."""

from __future__ import annotations

from helpers.entities import Entity
from helpers.quotemarks import find_quote_spans
from helpers.who_speaks.utterances import UNKNOWN_SPEAKER, Record

TEXT = "Jane Okafor said: “We will win.” “Nobody doubts it.”"


def test_the_first_utterance_at_a_place_is_kept():
    record = Record()
    okafor = Entity("Jane Okafor", "person")
    found = dict(kind="direct", start=19, end=31, cue="said", rule="first")
    record.emit(okafor, 0, 0, mention="Jane Okafor", role="the minister", **found)
    record.emit(None, 0, 0, mention="", **{**found, "rule": "second"})
    assert [(u.speaker, u.rule) for u in record.utterances] == [("Jane Okafor", "first")]
    assert record.speakers == {"Jane Okafor": okafor}
    assert okafor.mentions == ["Jane Okafor"] and okafor.role == "minister"


def test_nobody_is_unknown():
    record = Record()
    record.emit(None, 2, 0, kind="direct", start=0, end=5, cue="", mention="", rule="r")
    assert record.utterances[0].speaker == UNKNOWN_SPEAKER and record.speakers == {}


def test_claims_and_what_lies_inside():
    first, second = find_quote_spans(TEXT)
    record = Record()
    record.emit_quote(0, [(0, len(TEXT))], first, None, cue="", rule="r", mention="")
    assert record.is_claimed(0, first) and not record.is_claimed(0, second)
    assert not record.inside_utterance(0, first)  # a quotation is not inside itself
    # reported speech that holds the first quotation: "said [that] “We will win.”"
    record.emit(None, 0, 0, kind="partial", start=5, end=first.outer_end, cue="said", mention="",
                rule="r")  # fmt: skip
    assert record.inside_utterance(0, first) and not record.inside_utterance(0, second)


def test_where_each_speaker_spoke():
    record = Record()
    a, b = Entity("A", "person"), Entity("B", "person")
    record.remember(a, 0, 5)
    record.remember(b, 2, 1)
    assert record.spoken_since(1) == [(2, 1, b)]
    record.remember(a, 1, 0)  # out of reading order: every attribution is looked at
    assert record.spoken_since(2) == [(0, 5, a), (2, 1, b), (1, 0, a)]


def test_previous_speaker_only_in_the_same_paragraph():
    first, second = find_quote_spans(TEXT)
    record = Record()
    okafor = Entity("Jane Okafor", "person")
    record.emit(okafor, 0, 0, kind="direct", start=first.start, end=first.end, cue="said",
                mention="", rule="r")  # fmt: skip
    assert record.previous_speaker(0, second) == (okafor, "said")
    assert record.previous_speaker(1, second) is None  # the next paragraph, no later cue
