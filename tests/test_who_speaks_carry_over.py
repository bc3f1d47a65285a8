"""Carry-over (helpers/who_speaks/carry_over.py): one tiny text per rule for quotations with
no cue of their own, and the structure the carry-over needs."""

from __future__ import annotations

import pytest

from helpers import article_from_text, extract_quotes
from helpers.who_speaks.attributor import Attributor


def rows_with_rule(text: str) -> list[tuple[str, str, str, str, str]]:
    """(speaker, kind, cue, text, rule) of every utterance of an article's body."""
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    return list(zip(table.speaker, table.kind, table.cue, table.text, table.rule, strict=True))


OKAFOR_SAID = (
    "Jane Okafor",
    "direct",
    "said",
    "We will win.",
    "direct quote, speaker before the quote",
)
# Every rule of helpers/who_speaks/carry_over.py, one case each: (rule, text, the rows).
CARRY_RULES = [
    ("continued quote",
     "Jane Okafor said: “We will win.\n\n“Nobody doubts it.”",
     [OKAFOR_SAID, ("Jane Okafor", "direct", "said", "Nobody doubts it.", "continued quote")]),
    ("direct quote, speaker in the next sentence ('…?” X said.')",
     "“Is it over?” Jane Okafor asked.",
     [("Jane Okafor", "direct", "asked", "Is it over?",
       "direct quote, speaker in the next sentence ('…?” X said.')")]),
    ("reported speech introduced at the end of the previous paragraph ('He said:'), no marks",
     "Jane Okafor spoke. In a speech last July, she said:\n\nLet no one be mistaken, the plan "
     "is a cancer.",
     [("Jane Okafor", "indirect", "said", "Let no one be mistaken, the plan is a cancer",
       "reported speech introduced at the end of the previous paragraph ('He said:'), no "
       "marks")]),
    ("direct quote introduced at the end of the previous paragraph ('He added:')",
     "Jane Okafor said the plan was doomed. She added:\n\n“We will not back down.”",
     [("Jane Okafor", "indirect", "said", "the plan was doomed", "reported speech after the cue"),
      ("Jane Okafor", "direct", "added", "We will not back down.",
       "direct quote introduced at the end of the previous paragraph ('He added:')")]),
    ("standalone quotation with no speaker",
     "Jane Okafor said: “We will win.”\n\n“Nobody doubts it.”",
     [OKAFOR_SAID,
      ("UNKNOWN", "direct", "", "Nobody doubts it.", "standalone quotation with no speaker")]),
    ("standalone quotation: continues the previous speaker",
     "Jane Okafor said: “We will win.” “Nobody doubts it.”",
     [OKAFOR_SAID, ("Jane Okafor", "direct", "said", "Nobody doubts it.",
                    "standalone quotation: continues the previous speaker")]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "text", "expected"), CARRY_RULES, ids=[case[0] for case in CARRY_RULES]
)
def test_each_carry_over_rule(rule, text, expected):
    rows = rows_with_rule(text)
    assert rows == expected
    assert rule in [row[4] for row in rows]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation left open at the end of the paragraph: its speaker and cue go on
        ("Jane Okafor said: “We will win.\n\nThe vote is on Friday.", [("Jane Okafor", "said")]),
        # closed: nothing is carried
        ("Jane Okafor said: “We will win.”\n\nThe vote is on Friday.", [None]),
    ],
)
def test_left_open(text, expected):
    attributor = Attributor(article_from_text("H\n\n" + text))
    attributor.run()
    found = attributor.carry_over.left_open(0)
    assert [None if found is None else (found[0].canonical, found[1])] == expected


def test_a_sign_that_reads_is_no_speech():
    text = "A sign on the door reads: “Closed until further notice.”"
    assert rows_with_rule(text) == []


def test_multi_paragraph_quote_continues_the_speaker():
    text = (
        "Jane Okafor said: “We have always supported the plan.\n\n"
        "“And we always will.”\n\n"
        "The vote is on Friday."
    )
    table = extract_quotes(article_from_text("H\n\n" + text))
    assert table[["paragraph", "speaker", "kind"]].values.tolist() == [
        [0, "Jane Okafor", "direct"],
        [1, "Jane Okafor", "direct"],
    ]


# Issue 19: a quotation split from its attribution by the sentence splitter.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation ending in ? or ! is its own sentence: the attribution is the next one
        (
            "“Is it over?” Jane Okafor said. She left.",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "Is it over?",
                    "direct quote, speaker in the next sentence ('…?” X said.')",
                )
            ],
        ),
        (
            "“Is it over?” Jane Okafor said on Wednesday.",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "Is it over?",
                    "direct quote, speaker in the next sentence ('…?” X said.')",
                )
            ],
        ),
    ],
)
def test_issue19_next_sentence_rules(text, expected):
    assert rows_with_rule(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # within a paragraph, an unattributed quotation continues the speaker
        (
            "Jane Okafor said: “We will win.” “Nobody doubts it.”",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win.",
                    "direct quote, speaker before the quote",
                ),
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "Nobody doubts it.",
                    "standalone quotation: continues the previous speaker",
                ),
            ],
        ),
        # from the previous paragraph only when it ends with the cue and a colon ...
        (
            "Jane Okafor said the plan was doomed. She added:\n\n“We will not back down.”",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                ),
                (
                    "Jane Okafor",
                    "direct",
                    "added",
                    "We will not back down.",
                    "direct quote introduced at the end of the previous paragraph ('He added:')",
                ),
            ],
        ),
        # ... or the quotation was left open (the newspaper convention) ...
        (
            "Jane Okafor said: “We will win.\n\n“Nobody doubts it.”",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win.",
                    "direct quote, speaker before the quote",
                ),
                ("Jane Okafor", "direct", "said", "Nobody doubts it.", "continued quote"),
            ],
        ),
        # ... otherwise nobody is guessed
        (
            "Jane Okafor said: “We will win.”\n\n“Nobody doubts it.”",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win.",
                    "direct quote, speaker before the quote",
                ),
                (
                    "UNKNOWN",
                    "direct",
                    "",
                    "Nobody doubts it.",
                    "standalone quotation with no speaker",
                ),
            ],
        ),
    ],
)
def test_issue19_carry_over_needs_structure(text, expected):
    assert rows_with_rule(text) == expected


def test_a_paragraph_after_a_colon_needs_a_cue_and_no_marks():
    """No reporting verb before the colon, or marks in the paragraph: nothing carried."""
    assert rows_with_rule("The menu was simple:\n\nBread, soup and cheese.") == []
