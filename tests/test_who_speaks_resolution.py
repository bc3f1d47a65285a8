"""Resolution (helpers/who_speaks/resolution.py): which entity a speaker phrase refers to."""

from __future__ import annotations

import pytest

from helpers import article_from_text, extract_quotes, speakers
from helpers.who_speaks.prepared import PreparedArticle
from helpers.who_speaks.resolution import Resolver
from helpers.who_speaks.speaker_phrases import SpeakerPhrase
from helpers.who_speaks.utterances import Record


def utterances(text: str) -> list[tuple[str, str, str, str]]:
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    return list(zip(table.speaker, table.kind, table.cue, table.text, strict=True))


BODY = (
    "Ms Jane Okafor, the foreign minister, met Tomas Ilvey in Leeds on Monday. "
    "Brightwell Appliances, an appliance maker, cut 40 jobs.\n\n"
    "Last paragraph."
)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        (("she", 0, 3, "pronoun"), ("Jane Okafor", "person")),
        (("he", 0, 2, "pronoun"), ("Tomas Ilvey", "person")),  # the latest man, not Leeds
        (("Okafor", 0, 6, "name"), ("Jane Okafor", "person")),
        (("Former Minister Okafor", 0, 22, "name"), ("Jane Okafor", "person")),
        (("the minister", 0, 12, "description"), ("Jane Okafor", "person")),
        (("the company", 0, 11, "description"), ("Brightwell Appliances", "institution")),
        (("France", 0, 6, "name"), ("France", "institution")),  # its government speaks
        (("a senior official", 0, 17, "description"), ("senior official", "anonymous")),
        (("Dr. Ada Mensah", 0, 14, "name"), ("Ada Mensah", "person")),  # a new person
    ],
)
def test_resolve(phrase, expected):
    page = PreparedArticle.read(article_from_text("H\n\n" + BODY))
    entity = Resolver(page.index, Record()).resolve(SpeakerPhrase(*phrase), 1, 0)
    assert (entity.canonical, entity.kind) == expected


def test_the_same_anonymous_source_again():
    text = "A senior official said the talks had failed. The official said they would resume."
    assert [u[0] for u in utterances(text)] == ["senior official", "senior official"]


def test_pronouns_skip_places_and_respect_gender():
    text = (
        "Jane Okafor, the foreign minister, met Tomas Ilvey in Leeds on Monday.\n\n"
        "“We have an agreement,” she said. He said the talks had been difficult."
    )
    assert [u[0] for u in utterances(text)] == ["Jane Okafor", "Tomas Ilvey"]


def test_title_resolves_through_the_apposition():
    text = "Jane Okafor, the foreign minister, arrived late.\n\n“We are ready,” the minister said."
    assert utterances(text)[0][0] == "Jane Okafor"


# Speaker names are names (issues 14 and 19): a title, an age, an occupation or "Former"
# goes to the role; a date, a document, a headline or web furniture speaks for nobody.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cardinal Tomas Ilvey said the vote was fair.", [("Tomas Ilvey", "Cardinal")]),
        (
            "Harbour County Supervisor of Elections Jane Roe said the count was over.",
            [("Jane Roe", "Harbour County Supervisor of Elections")],
        ),
        (
            "Acme Bank Chief Economist Jane Roe said the talks failed.",
            [("Jane Roe", "Acme Bank Chief Economist")],
        ),
        ("35-year-old Jane Roe said the bus never came.", [("Jane Roe", "35-year-old")]),
        ("Grandmother-of-three Jane Roe said it was late.", [("Jane Roe", "Grandmother-of-three")]),
        ("Teacher Ana Lopez said the school was cold.", [("Ana Lopez", "Teacher")]),
        (
            "Former Acme adviser Tom Reyes said the plan failed.",
            [("Tom Reyes", "Former Acme adviser")],
        ),
        ("Ex-minister Tom Reyes said the plan failed.", [("Tom Reyes", "Ex-minister")]),
        (
            "Jane Roe of the Harbour Policy Institute said taxes would rise.",
            [("Jane Roe", "Harbour Policy Institute")],
        ),
        (  # an occupation before a name, "of" a company whose last word makes it one
            "Analyst Jane Roe of Trellis Capital Markets said the cuts were overdue.",
            [("Jane Roe", "Analyst")],
        ),
        ("Christmas Day said it all.", []),  # a date
        ("The Harbour Needs Assessment said rents had doubled.", []),  # a document
        ("Acme Board Says Rates Will Rise Again Next Year said the panel.", []),  # a headline
        ("Advertisement said the plan failed.", []),  # web furniture
    ],
)
def test_speaker_names_are_names(text, expected):
    article = article_from_text("Headline\n\n" + text)
    table = speakers(article)
    assert list(zip(table.speaker, table.role, strict=True)) == expected


def test_a_date_after_a_role_noun_is_no_person():
    # "with the candidate Tuesday": the pronoun goes to the person, not to the day
    text = "Tom Reyes met the candidate Tuesday. On the radio Tuesday, he said, “We will win.”"
    assert [u[0] for u in utterances(text)] == ["Tom Reyes"]


def test_a_role_with_its_organisation_is_no_name():
    text = (
        "The plan is sound, Carly Okafor said Monday. "
        "But, the former CEO of Acme added, it will fail."
    )
    table = speakers(article_from_text("Headline\n\n" + text))
    assert dict(zip(table.speaker, table.kind, strict=True)) == {
        "Carly Okafor": "person",
        "CEO of Acme": "anonymous",
    }


def test_a_document_with_a_possessive_name_is_its_authors():
    """ "Boudreau’s report said": the report's author, not the last speaker (issue 19)."""
    from helpers import article_from_text, extract_quotes

    table = extract_quotes(
        article_from_text(
            "T\n\nJane Boudreau wrote that the vote was fair. A statement by three Jewish groups "
            "said Boudreau was mistaken. Boudreau’s report said the message followed the vote."
        )
    )
    assert list(table.speaker) == ["Jane Boudreau", "Jewish groups", "Jane Boudreau"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a government body of the gazetteer is never "the company" (PTC development text)
        ("The FBI said the logs were wrong. The company said the times were right.", "company"),
        (
            "Acme Corp. hired staff. The FBI said the logs were wrong. The company said the "
            "times were right.",
            "Acme Corp",
        ),
    ],
)
def test_the_company_is_no_public_body(text, speaker):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert table.speaker.tolist() == ["FBI", speaker]


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        ("Doe said the plan would fail.", "Doe", "person"),  # a surname, not the DOE
        ("The DOE said the plan would fail.", "Department of Energy", "institution"),
        ("Nato said the plan would fail.", "NATO", "institution"),  # its own name
        ("The Fed said the plan would fail.", "Federal Reserve", "institution"),
    ],
)
def test_a_capital_alias_matches_only_in_capitals(text, speaker, kind):
    article = article_from_text("Headline\n\n" + text)
    table = speakers(article)
    assert list(zip(table.speaker, table.kind, strict=True)) == [(speaker, kind)]
