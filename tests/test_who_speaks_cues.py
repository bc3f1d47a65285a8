"""Cues (helpers/who_speaks/cues.py): reporting verbs and attribution phrases, adverbials."""

from __future__ import annotations

import re

import pytest

from helpers.quotemarks import find_quote_spans, mask_quotes
from helpers.who_speaks.cues import (
    ADVERBIAL,
    DAY_PART,
    PHRASE_CUES,
    cue_forms,
    find_cues,
    only_adverbials,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prices will rise, according to the central bank.", [("according to", 18, 30)]),
        ("In the words of the mayor, it is over.", [("In the words of", 0, 15)]),
        (
            "He warned, told and insisted.",
            [("warned", 3, 9), ("told", 11, 15), ("insisted", 20, 28)],
        ),
        ("The river rose overnight.", []),
    ],
)
def test_find_cues(text, expected):
    assert [(c.group(), c.start(), c.end()) for c in find_cues(text)] == expected


def test_a_verb_inside_a_quotation_is_no_cue():
    text = "She said “they said nothing” and left."
    masked = mask_quotes(text, find_quote_spans(text))
    assert [c.group() for c in find_cues(masked)] == ["said"]


def test_cue_forms_are_indexed_by_first_word_longest_first():
    forms = cue_forms()
    assert ("according", "to") in forms["according"]
    assert all(p.split()[0] in forms for p in PHRASE_CUES)
    lengths = [len(f) for f in forms["in"]]
    assert lengths == sorted(lengths, reverse=True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Wednesday in a statement", True),
        ("Tuesday night", True),
        ("last week to reporters", True),
        ("", True),
        ("the plan was doomed", False),
        ("on Wednesday that the plan was doomed", False),
    ],
)
def test_only_adverbials(text, expected):
    assert only_adverbials(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"), [("Monday", True), ("Sunday evening", True), ("Someday", False)]
)
def test_day_part(text, expected):
    assert bool(re.fullmatch(DAY_PART, text, re.IGNORECASE)) is expected
    assert bool(ADVERBIAL.match(", " + text)) is expected
