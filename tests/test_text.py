"""helpers.text: the quick test that lets a case-insensitive search be skipped."""

from __future__ import annotations

import re

import pytest

from helpers.text import count_words, find_word, lowered_for_search, may_contain


@pytest.mark.parametrize(
    "text, needle, expected",
    [
        ("Big CATS", "cat", True),
        ("Big dogs", "cat", False),
        ("Istanbul", "ist", True),
        ("\u0130stanbul", "ist", True),  # İ: the regex folds it to i, so no quick test
        ("Hello", "héllo", True),  # a needle beyond ASCII: always searched
    ],
)
def test_may_contain(text, needle, expected):
    assert may_contain(lowered_for_search(text), needle) is expected


def test_the_characters_that_fold_to_ascii_are_the_ones_listed():
    # every code point that a case-insensitive regex matches with an ASCII character
    every = "".join(chr(c) for c in range(128, 0x110000) if not 0xD800 <= c < 0xE000)
    ascii_class = re.compile("[" + re.escape("".join(map(chr, range(32, 127)))) + "]", re.I)
    folding = set(ascii_class.findall(every))
    assert folding == {"\u0130", "\u0131", "\u017f", "\u212a"}
    for char in folding:
        assert lowered_for_search(f"a{char}b") is None


@pytest.mark.parametrize(
    "text, n",
    [("“We will always stand with Britain,” he said.", 8), ("", 0), ("Lee Min-ho’s 2019", 2)],
)
def test_count_words(text, n):
    assert count_words(text) == n


@pytest.mark.parametrize(
    "text, word, expected",
    [
        ("Frenchmen, the FRENCH’s view", "french", 15),  # not inside a longer word
        ("the French-led force, French", "french", 22),  # nor before a hyphen
        ("French’sx and more", "french", 0),  # the apostrophe ends the word
        ("anti-US talk", "us", None),
        ("\u0130stanbul and Istanbul", "istanbul", 0),  # İ folds to i: the regex decides
        ("Zürich, ZÜRICH", "zürich", 0),  # beyond ASCII: the regex decides
        ("", "us", None),
    ],
)
def test_find_word(text, word, expected):
    assert find_word(text, word, lowered=lowered_for_search(text)) == expected


def test_find_word_is_the_regex_on_every_short_text():
    # every text of up to 4 characters from an alphabet of letters, cases, hyphens,
    # apostrophes, digits, spaces and the characters that fold to ASCII
    alphabet = "aAsS-’'1 _é\u0130\u017f"
    texts = [""]
    for _ in range(4):
        texts += [t + c for t in texts if len(t) == len(texts[-1]) for c in alphabet]
    for word in ("a", "as", "sa"):
        pattern = re.compile(r"(?<![\w-])" + word + r"(?:’s|'s)?(?![\w-])", re.I)
        for text in texts:
            found = pattern.search(text)
            expected = found.start() if found else None
            assert find_word(text, word, lowered=lowered_for_search(text)) == expected, text
