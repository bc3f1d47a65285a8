"""Person nouns (helpers/who_speaks/person_nouns.py): plural nouns for people by their ending."""

from __future__ import annotations

import pytest

from helpers.who_speaks.person_nouns import names_people, person_plural


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("specialists", True),
        ("historians", True),
        ("entrepreneurs", True),
        ("congressmen", True),
        ("women", True),
        # endings that name things as often as people: people among them are lexicon rows
        ("respondents", False),
        ("organizers", False),
        ("indicators", False),
        ("incidents", False),
        ("detectors", False),
        ("components", False),
        ("checklists", False),
        ("specimen", False),
        ("pope’s", False),
        # things with the same endings, verb forms of the lexicon, short words
        ("numbers", False),
        ("papers", False),
        ("others", False),
        ("comments", False),
        ("statements", False),
        ("answers", False),
        ("lists", False),
        ("signs", False),
        # capitalised: a name, read elsewhere
        ("Democrats", False),
    ],
)
def test_person_plural(word, expected):
    assert person_plural(word) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("officials", True), ("minister", True), ("police", True), ("respondents", True),
     ("lawsuit", False), ("statement", False), ("signs", False)],
)  # fmt: skip
def test_names_people(word, expected):
    assert names_people(word) is expected
