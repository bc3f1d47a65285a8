"""Reported clauses with a present-tense verb before a noun, and two-word clauses (issue 19,
helpers/who_speaks/clauses.py ``clause_ok``): after a verb that all but always takes a clause
("said", "argue"), "people misunderstand Trump" is a clause; a noun phrase stays none."""

from __future__ import annotations

import pytest

from helpers import article_from_text, extract_quotes
from helpers.who_speaks.clauses import clause_ok


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Okafor said people misunderstand the mayor.", ["people misunderstand the mayor"]),
        ("Jane Okafor argued the system gives too much power to party elites.",
         ["the system gives too much power to party elites"]),
        ("Jane Okafor said the heat and unsettled weather could last for days.",
         ["the heat and unsettled weather could last for days"]),
        ("Jane Okafor said he would.", ["he would"]),
        ("Jane Okafor said they're liberal.", ["they're liberal"]),
        # noun phrases after "said" stay no content
        ("Jane Okafor said kind words about the mayor.", []),
        ("Jane Okafor said a few prayers for the victims.", []),
        ("Jane Okafor said the same thing.", []),
        # after a verb that also takes a noun object the reading stays strict
        ("Jane Okafor wrote new policies elsewhere.", []),
    ],
)  # fmt: skip
def test_present_verb_after_a_clause_verb(text, expected):
    assert extract_quotes(article_from_text("Headline\n\n" + text)).text.tolist() == expected


@pytest.mark.parametrize(
    ("clause", "loose", "expected"),
    [
        ("people misunderstand Trump", True, True),
        ("people misunderstand Trump", False, False),
        ("Okafor's former business partner", True, False),
        ("party members, including former presidents Jimmy Carter", True, False),
        ("in The Clarion last week", True, False),
        ("whose votes actually count", True, False),
    ],
)
def test_clause_ok_loose(clause, loose, expected):
    assert clause_ok(clause, "yes", loose=loose) is expected
