"""Clauses (helpers/who_speaks/clauses.py): is the text after a cue reported speech, and
where does a content span end?"""

from __future__ import annotations

import pytest

from helpers import article_from_text, extract_quotes
from helpers.lexicons import reporting_verbs
from helpers.who_speaks.clauses import (
    apposition_tail,
    aside_bounds,
    clause_ok,
    is_fronted,
    reports_speech,
    skip_after_cue,
    trim,
    trim_connector,
)
from helpers.who_speaks.cues import find_cues
from helpers.who_speaks.frames import frame_span


@pytest.mark.parametrize(
    ("clause", "needs", "expected"),
    [
        ("the plan was doomed", "yes", True),
        ("a request for comment", "yes", False),
        ("the plan", "yes", False),
        ("to stay indoors", "yes", False),
        ("allegations that he lied", "yes", False),
        ("whether it was over", "question", True),
        ("he would go", "quote", False),
    ],
)
def test_clause_ok(clause, needs, expected):
    assert clause_ok(clause, needs) is expected


def test_a_that_clause_reports_speech_except_after_asked():
    said, asked = reporting_verbs()["said"], reporting_verbs()["asked"]
    assert reports_speech(" that ", "it was over", said, said.needs)
    assert not reports_speech(" that ", "her surname not be used", asked, "question")


@pytest.mark.parametrize(
    ("sentence", "lemma", "expected"),
    [
        ("Jane Okafor called him divisive.", "call", "him divisive"),
        ("Jane Okafor called for calm.", "call", None),
        ("Jane Okafor described the outburst as the emotions of a worried spouse.", "describe",
         "the outburst as the emotions of a worried spouse"),
        # session 25: "and" and a relative clause in the object before a quoted complement
        ("Jane Okafor called both the mayor and the clerk ▒▒▒▒▒▒▒.", "call",
         "both the mayor and the clerk ▒▒▒▒▒▒▒"),
        ("Jane Okafor called the flood that hit five towns ▒▒▒▒▒▒▒▒▒.", "call",
         "the flood that hit five towns ▒▒▒▒▒▒▒▒▒"),
        # a longer complement after a determiner; "this" as the object; "nothing short of"
        ("Jane Okafor called him a careless official who has neglected his duties.", "call",
         "him a careless official who has neglected his duties"),
        ("The council calls this a false story.", "call", "this a false story"),
        ("The council calls the whole thing nothing short of a scandal.", "call",
         "the whole thing nothing short of a scandal"),
        # a one-word adjective complement
        ("Jane Okafor called the vote illegal.", "call", "the vote illegal"),
        # negative: an adjective without an adjective's ending (left out), a noun or adverb at
        # the end, a place, a verb outside a relative clause, an infinitive
        ("Jane Okafor called the levy on ferries unfair and divisive.", "call", None),
        ("Jane Okafor called the council chamber.", "call", None),
        ("Jane Okafor called the hospital repeatedly.", "call", None),
        ("Jane Okafor called the dispatcher at the hospital.", "call", None),
        ("Jane Okafor called the mayor and asked him ▒▒▒▒▒▒.", "call", None),
        ("Jane Okafor called the meeting to order.", "call", None),
    ],
)  # fmt: skip
def test_frame_span(sentence, lemma, expected):
    span = frame_span(sentence, find_cues(sentence)[0], lemma)
    assert (span and sentence[span[0] : span[1]]) == expected


@pytest.mark.parametrize(
    ("text", "pos", "audience", "expected"),
    [
        ("said on Monday that it was over", 4, False, "it was over"),
        ("told reporters it was over", 4, True, "it was over"),
        ("said: it was over", 4, False, "it was over"),
    ],
)
def test_skip_after_cue(text, pos, audience, expected):
    assert text[skip_after_cue(text, pos, audience) :].strip() == expected


def test_trimming():
    text = "Prices rose – the bank said so – and fell."
    a, b = aside_bounds(text, 0, len(text), text.index("bank"))
    assert text[a:b] == "the bank said so"
    assert trim("  , the plan; ", 0, 14) == (4, 12)
    assert trim_connector("the plan failed, but", 0, 20) == 15


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        (", director of the project", True),
        (", a policy that works", True),
        (", and went home", False),
    ],
)
def test_apposition_tail(tail, expected):
    assert apposition_tail(tail) is expected


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("In return,", True),
        ("The plan was doomed from the very start,", False),
        ("In return", False),
    ],
)
def test_is_fronted(lead, expected):
    assert is_fronted(lead) is expected


# "about" before a quantity is an adverb, not the preposition of "spoke about" (issue 19,
# PolNeAR train: "The budget office said about half of the higher adjustment …")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The office said about half of the budget reflected losses.",
            ["about half of the budget reflected losses"],
        ),
        ("The office said about 40 people were hurt.", ["about 40 people were hurt"]),
        ("She spoke about the plan at length.", []),
        ("She warned about the plan.", []),
    ],
)
def test_about_a_quantity_opens_a_clause(text, expected):
    assert extract_quotes(article_from_text("H\n\n" + text)).text.tolist() == expected


REPORTED = "reported speech after the cue"


def rows_of(text: str) -> list[tuple[str, str, str, str, str]]:
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    return list(zip(table.speaker, table.kind, table.cue, table.text, table.rule, strict=True))


# Issue 19: what a reported clause may hold (clause_ok): a negated modal ("shouldn’t"), a
# subject of more than twelve words before its verb, a present-tense verb in -s.
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Jane Okafor said judges shouldn’t weigh in on elections.",
         "judges shouldn’t weigh in on elections"),
        ("Jane Okafor says the latest polls showing her a distant second behind the front-runner "
         "are wrong.",
         "the latest polls showing her a distant second behind the front-runner are wrong"),
        ("Jane Okafor said the transition reflects the reality of a campaign.",
         "the transition reflects the reality of a campaign"),
    ],
)  # fmt: skip
def test_reported_clause_forms(text, content):
    assert rows_of(text) == [("Jane Okafor", "indirect", text.split()[2], content, REPORTED)]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("the transition reflects the reality", True),
        ("higher prices and new taxes", False),  # plural nouns, no verb
        ("the rules of the city", False),  # a plural after a determiner is a noun
    ],
)
def test_a_present_tense_verb_makes_a_clause(clause, expected):
    assert clause_ok(clause, "yes") is expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # what the subject did next, with a verb in a relative clause twenty words on
        ("shortly before opening fire on the crowd in an attack that began at ten", False),
        ("after meeting the families", False),
        ("while visiting the site", False),
        ("after the meeting the council would vote", True),  # no participle: a clause
        ("while drawing laughter, “You say we are wrong. We are not.”", True),  # a quotation
    ],
)
def test_an_adverbial_of_time_with_a_participle_is_not_a_clause(clause, expected):
    assert clause_ok(clause, "yes") is expected


def test_asked_after_its_audience_reports_the_question_not_a_request():
    assert rows_of("Jane Okafor asked workers if they planned to attend.") == [
        ("Jane Okafor", "indirect", "asked", "if they planned to attend", REPORTED)
    ]
    assert rows_of("Jane Okafor asked officials to check the figures twice.") == []


# Issue 19: a longer audience before "that" ("told delegates at the convention that"), but
# never a preposition's object ("warned of delays … that were due") or a relative clause; a
# base form after a plural noun ("the attacks highlight the threat").
def test_a_topic_before_that_is_no_audience():
    # "that" after a topic opens a relative clause about the plan: the clause after it is not
    # what was told (the whole object still reads as content, as before issue 19: a known miss)
    text = "Headline\n\nOfficials told a reporter about the plan that the council rejected."
    assert "the council rejected" not in extract_quotes(article_from_text(text)).text.tolist()
    text = "Headline\n\nJane Roe told delegates at the convention that the plan was dead."
    assert extract_quotes(article_from_text(text)).text.tolist() == ["the plan was dead"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Okafor told delegates at the party convention that the plan should fail.",
         [("told", "the plan should fail")]),
        ("Jane Okafor warned of delays to two units that were due in May.", []),
        ("Jane Okafor suggested the terror attacks highlight the threat.",
         [("suggested", "the terror attacks highlight the threat")]),
        ("But Jane Okafor is suggesting she beat expectations.",
         [("suggesting", "she beat expectations")]),
        ("Jane Okafor spoke, suggesting that she would resign.", []),
    ],
)  # fmt: skip
def test_audience_and_base_forms(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.cue, table.text, strict=True)) == expected
