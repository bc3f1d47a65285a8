"""Cues (helpers/who_speaks/cues.py): reporting verbs and attribution phrases, adverbials."""

from __future__ import annotations

import re

import pytest

from helpers.quotemarks import find_quote_spans, mask_quotes
from helpers.who_speaks.cues import (
    ADVERBIAL,
    DAY_PART,
    PHRASE_CUES,
    cue_index,
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


def test_every_cue_is_in_the_phrase_index_as_its_words():
    forms = set(cue_index().items)
    assert ("according", "to") in forms
    assert all(tuple(p.split()) in forms for p in PHRASE_CUES)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Critics, according to the filing, disagree.", ["according to"]),  # a phrase cue
        ("The minister points out that prices rose.", ["points out"]),  # the longest cue
        ("She said and said again.", ["said", "said"]),  # every occurrence
        ("Unsaid things, sayings and resaid words.", []),  # whole words only
        ("according  to the filing", ["according  to"]),  # any gap between a cue's words
        ("", []),
    ],
)
def test_find_cues_takes_whole_words_and_the_longest_cue(sentence, expected):
    assert [c.group() for c in find_cues(sentence)] == expected


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
