"""helpers.phrases: the one phrase matcher (Aho-Corasick over literal keys)."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.article import load_article
from helpers.hedges import _hedge_terms
from helpers.loaded import _all_patterns
from helpers.phrases import PhraseIndex
from helpers.terms import _index

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("keys", "lower", "text", "expected"),
    [
        (["slam", "war cry", None], True, "They SLAMMED it.", ["slam", None]),
        (["slam", "war cry", None], False, "They SLAMMED it.", [None]),
        (["war", "war cry", "cry"], True, "a war cry", ["war", "war cry", "cry"]),
        (["war", "warm"], True, "warmth", ["war", "warm"]),  # keys inside words count too
        (["ana", "an"], True, "", []),
        ([], True, "anything", []),
        ([None, None], True, "anything", [None, None]),
    ],
)
def test_candidates_are_the_items_whose_key_occurs(keys, lower, text, expected):
    index = PhraseIndex(keys, keys, lower=lower)
    assert index.candidates(text) == expected


def test_the_same_item_may_be_filed_twice_under_one_key():
    index = PhraseIndex(["a", "b", "c"], ["x", "y", "x"], lower=False)
    assert index.candidates("x") == ["a", "c"]
    assert list(index.occurrences("x..x")) == [(0, 0), (0, 2), (3, 0), (3, 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # every item filed under a key that occurs, at the key's start: the caller's own
        # pattern then says whether the whole item is there ("Ana Ruiz" at 0 is not)
        (
            "Ana met Ana Ruiz",
            [(0, "Ana"), (0, "Ana Ruiz"), (8, "Ana"), (8, "Ana Ruiz"), (12, "Ruiz")],
        ),
        ("no names here", []),
    ],
)
def test_occurrences_in_text_order(text, expected):
    items = ["Ana Ruiz", "Ruiz", "Ana"]
    index = PhraseIndex(items, ["Ana", "Ruiz", "Ana"], lower=False)
    found = sorted((start, items[i]) for start, i in index.occurrences(text))
    assert found == sorted(expected)


def _articles():
    paths = [ROOT / "data/articles/putin-kim-summit-2023.md"]
    paths += sorted((ROOT / "tests/fixtures/quotes").rglob("*.md"))[:10]
    return [load_article(p) for p in paths]


@pytest.mark.parametrize("lexicon", ["loaded terms and verbs", "hedges"])
def test_a_lexicon_index_picks_exactly_the_patterns_whose_needle_is_in_the_text(lexicon):
    patterns = _all_patterns() if lexicon != "hedges" else _hedge_terms()
    index = _index(patterns)
    for article in _articles():
        for text in [article.title, *article.paragraphs]:
            lowered = text.lower()
            brute = [p for p in patterns if not p[0].needle or p[0].needle in lowered]
            assert index.candidates(text) == brute
