from __future__ import annotations

import re

import pytest

from helpers.terms import inflections, term_pattern


@pytest.mark.parametrize(
    ("word", "text", "expected"),
    [
        ("slam", "slam slams slammed slamming", ["slam", "slams", "slammed", "slamming"]),
        ("try", "tries tried trying", ["tries", "tried", "trying"]),
        # a word ending in e takes -d through its -ed form (free → freed, slave → slaved)
        ("free", "frees freed freeing", ["frees", "freed", "freeing"]),
        ("lie", "lies lied", ["lies", "lied"]),
        # no bare -d after any other ending: "Herod" is not "hero", a hospital "ward" is no
        # "war", a "band" no "ban"
        ("hero", "Herod heroes", ["heroes"]),
        ("war", "ward wards wars", ["wars"]),
        ("ban", "band banned bans", ["banned", "bans"]),
    ],
)
def test_inflections_are_regular_english_forms(word, text, expected):
    pattern = re.compile(rf"(?<![\w-]){inflections(word)}(?![\w-])", re.IGNORECASE)
    assert [m.group() for m in pattern.finditer(text)] == expected


def test_term_pattern_inflects_the_last_word_only():
    pattern = term_pattern("witch hunt")
    assert [m.group() for m in pattern.finditer("witch hunts, witches hunt")] == ["witch hunts"]
