"""Descriptions (helpers/who_speaks/descriptions.py): where a description starts on its left.

A description extends leftwards over its modifiers and stops at a verb form: a verb of
speech, an -ed/-ing verb after a subject or opening a participle clause (an -ly adverb
between them skipped); participles used as adjectives stay in the description.
"""

from __future__ import annotations

import pytest

from helpers import article_from_text, speakers
from helpers.who_speaks.descriptions import description_at_end


@pytest.mark.parametrize(
    ("chunk", "expected"),
    [
        # a verb form stops the description: its object is the speaker
        ("The plan drew fire, echoing security experts", "security experts"),
        ("Several people, including former officials", "former officials"),
        ("Obama passionately rebuked critics", "critics"),
        ("Jane Roe hired lawyers", "lawyers"),
        ("They angered Democratic lawmakers", "Democratic lawmakers"),
        ("He praised striking workers", "striking workers"),
        ("the family hired lawyers", "lawyers"),
        ("The company hired consultants", "consultants"),
        ("said concerned parents", "concerned parents"),
        # participles and -ly adverbs as modifiers stay
        ("elected officials", "elected officials"),
        ("unnamed sources", "unnamed sources"),
        ("leading economists", "leading economists"),
        ("Most retired officers", "Most retired officers"),
        ("Retired officers", "Retired officers"),
        ("the newly elected officials", "the newly elected officials"),
        ("Newly elected officials", "Newly elected officials"),
        ("increasingly worried investors", "increasingly worried investors"),
        ("Democratic elected officials", "Democratic elected officials"),
        ("Local elected officials", "Local elected officials"),
        ("GOP elected officials", "GOP elected officials"),
        ("as reported by local officials", "local officials"),
        ("the embattled minister", "the embattled minister"),
        ("Protesting students", "Protesting students"),
        ("NHS nursing staff", "NHS nursing staff"),
        ("the tough-talking politician", "the tough-talking politician"),
        ("“It will pass,” leading economists", "leading economists"),
        # after a bare comma an -ing word opens a participle clause (PolNeAR train: one
        # ", echoing security experts who say", no ", leading economists say"); the head,
        # and so the speaker, is the same in either reading
        ("Prices rose, leading economists", "economists"),
    ],
)
def test_description_stops_at_a_verb_form(chunk, expected):
    assert description_at_end(chunk).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The senator criticised the plan, echoing security experts who say it is flawed.",
            [("security experts", ["security experts", "security experts who"])],
        ),
        (
            "Obama passionately rebuked critics who say the deal is weak.",
            [("critics", ["critics", "critics who"])],
        ),
        (
            "The company hired consultants who say the plant should close.",
            [("consultants", ["consultants", "consultants who"])],
        ),
        (
            "“It is a mistake,” elected officials said.",
            [("elected officials", ["elected officials"])],
        ),
        (
            "Leading economists say the rise will not last.",
            [("Leading economists", ["Leading economists"])],
        ),
        (
            "Newly elected officials said the budget was tight.",
            [("Newly elected officials", ["Newly elected officials"])],
        ),
    ],
)
def test_speakers_table_mentions(text, expected):
    table = speakers(article_from_text("H\n\n" + text))
    table = table[table.speaker != "UNKNOWN"]
    assert [(r.speaker, list(r.mentions)) for r in table.itertuples()] == expected
    assert table.role.isna().all()
