"""The record of utterances (helpers/who_speaks/utterances.py)."""

from __future__ import annotations

import pytest

from helpers import article_from_text, cues_by_speaker, extract_quotes, speakers
from helpers.entities import Entity
from helpers.quotemarks import find_quote_spans
from helpers.who_speaks.utterances import UNKNOWN_SPEAKER, Record, Utterance, number_utterances

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


# One utterance per interrupted quotation (issue 19): its fragments keep their rows and
# share one ``utterance`` id; tables that count utterances count ids.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # interrupted by its attribution, before or after the verb
        ("“We will win,” she said, “and we will win big.”", [0, 0]),
        ("“We will win,” said Jane Roe. “And we will win big.”", [0, 0]),
        # the attribution's clause with its adverbials
        ("“We will win,” she said on Monday at the rally. “It is over.”", [0, 0]),
        # narration between them: two utterances
        ("“We will win,” she said. The crowd cheered. “It is over.”", [0, 1]),
        # no attribution between them: two
        ("“We will win.” “It is over,” she said.", [0, 1]),
        # another speaker between them
        ("Jane Roe said: “We will win.” “We will,” said Tom Reyes.", [0, 1]),
        # a reported clause after a quotation is another utterance
        ("“We will win,” she said. “It is over.” The vote was fair, she added.", [0, 0, 1]),
        # a quotation continued into the next paragraph (no closing mark) is one
        ("Jane Roe said: “We will win.\n\n“And we will win big.”", [0, 0]),
    ],
)
def test_fragments_of_one_quotation_share_an_id(text, expected):
    article = article_from_text("Headline\n\nJane Roe spoke. " + text)
    assert extract_quotes(article)["utterance"].tolist() == expected


def test_speakers_and_cues_count_utterances_not_rows():
    article = article_from_text(
        "Headline\n\nJane Roe spoke. “We will win,” she said, “and we will win big.” "
        "“It is over,” she said."
    )
    assert extract_quotes(article)["utterance"].tolist() == [0, 0, 1]
    table = speakers(article)
    assert dict(zip(table.speaker, table.n_utterances, strict=True)) == {"Jane Roe": 2}
    cues = cues_by_speaker(article)
    assert cues[["speaker", "cue", "n"]].values.tolist() == [["Jane Roe", "said", 2]]


def test_numbering_in_reading_order():
    us = [
        Utterance(0, 0, "Jane Roe", "direct", 1, 12, "said", "she", "r"),
        Utterance(0, 0, "Jane Roe", "direct", 25, 40, "said", "she", "r"),
        Utterance(1, 0, "Tom Reyes", "indirect", 0, 9, "said", "Tom Reyes", "r"),
    ]
    number_utterances(us, ["“We will win,” she said, “and we will win big.”", "x"])
    assert [u.utterance for u in us] == [0, 0, 1]
