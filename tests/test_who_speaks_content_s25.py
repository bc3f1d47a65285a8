"""Content rules of issue 19, session 25 (helpers/who_speaks/content.py, clauses.py,
short_answers.py): a vow whose infinitive holds a quoted fragment, a relative clause on an
inverted speaker, a one-word answer. Each with tiny invented sentences and the exact rows,
and sentences that must give no row (or only the row shown)."""

from __future__ import annotations

import pytest

from helpers import article_from_text, extract_quotes
from helpers.lexicons import reporting_verbs
from helpers.who_speaks.clauses import is_commitment
from helpers.who_speaks.short_answers import SHORT_ANSWER, short_answer

COMMITMENT = "reported commitment: vow, pledge or promise to do ('vowed to fight on')"
BEFORE = "reported speech before the attribution ('…, X said')"
AFTER = "reported speech after the cue"


def rows(text: str) -> list[tuple[str, str, str, str, str]]:
    """(speaker, kind, cue, text, rule) of every utterance of a one-paragraph article."""
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    return list(zip(table.speaker, table.kind, table.cue, table.text, table.rule, strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the infinitive opens or holds a quoted fragment: partial, the whole infinitive
        ("Jane Okafor vowed to “take our fight” to the other towns.",
         [("Jane Okafor", "partial", "vowed", "to “take our fight” to the other towns",
           COMMITMENT)]),
        ("Jane Okafor pledged to oppose the levy “today, tomorrow, forever.”",
         [("Jane Okafor", "partial", "pledged", "to oppose the levy “today, tomorrow, forever.”",
           COMMITMENT)]),
        ("Jane Okafor promised on Sunday to end “the wasteful scheme.”",
         [("Jane Okafor", "partial", "promised", "to end “the wasteful scheme.”", COMMITMENT)]),
        # negative: an audience in quotation marks is no infinitive; a noun object is none
        ("Jane Okafor promised to the “forgotten” towns a new bridge.", []),
        ("Jane Okafor pledged a “new start” for the towns.", []),
    ],
)  # fmt: skip
def test_commitment_with_a_quoted_fragment(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [("to “take our fight” on", True), ("to ‘win’", True), ("to the “forgotten” towns", False),
     ("“a new start”", False)],
)  # fmt: skip
def test_is_commitment_reads_a_quoted_verb(clause, expected):
    assert is_commitment(clause, reporting_verbs()["vowed"]) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause on the inverted speaker is about the speaker: the words come first
        ("Defending the mill is hard, said a handful of councillors who point to the budget.",
         [("handful of councillors", "indirect", "said", "Defending the mill is hard",
           BEFORE)]),
        ("The deal was signed last week, said an official who was briefed on the talks.",
         [("official", "indirect", "said", "The deal was signed last week", BEFORE)]),
        # negative: after a speaker before the cue, "who …" opens the reported question
        ("Officials said who would lead the talks was not decided.",
         [("Officials", "indirect", "said", "who would lead the talks was not decided", AFTER)]),
    ],
)  # fmt: skip
def test_relative_clause_on_an_inverted_speaker(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Asked if she was ever bullied, Jane Okafor said no.",
         [("Jane Okafor", "indirect", "said", "no", SHORT_ANSWER)]),
        ("Asked if the mill should close, 72 percent of residents said yes, but most owners "
         "disagreed.",
         [("72 percent of residents", "indirect", "said", "yes", SHORT_ANSWER)]),
        ("Nobody believed the mill would close, but Jane Okafor said so in March.",
         [("Jane Okafor", "indirect", "said", "so", SHORT_ANSWER)]),
        # negative: a refusal, a clause that opens with "no", "so" as a degree word
        ("Jane Okafor said no to the levy.", []),
        ("Jane Okafor said no one came to the meeting.",
         [("Jane Okafor", "indirect", "said", "no one came to the meeting", AFTER)]),
        ("Jane Okafor said so much about the mill.", []),
    ],
)  # fmt: skip
def test_short_answer(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "verb", "expected"),
    [("no.", "said", "no"), ("Yes, but", "said", "Yes"), ("so on Monday.", "said", "so"),
     ("no.", "answered", "no"), ("no to the plan.", "said", ""), ("so far it works.", "said", ""),
     ("no.", "warned", ""), ("nobody came.", "said", "")],
)  # fmt: skip
def test_short_answer_alone(text, verb, expected):
    assert text[: short_answer(text, 0, len(text), reporting_verbs()[verb])] == expected


DIRECT = "direct quote, speaker before the quote"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "at least" / "at most" open a quantity, not a phrase
        ("Jane Okafor said at least 20 people were hurt.",
         [("Jane Okafor", "indirect", "said", "at least 20 people were hurt", AFTER)]),
        ("The council reported at most six homes were flooded.",
         [("council", "indirect", "reported", "at most six homes were flooded", AFTER)]),
        # "via" and "through" before "that"
        ("Jane Okafor announced via Twitter that she would run.",
         [("Jane Okafor", "indirect", "announced", "she would run", AFTER)]),
        # a prepositional aside between commas before "that"
        ("Jane Okafor said, with a smile, that the plan was doomed.",
         [("Jane Okafor", "indirect", "said", "the plan was doomed", AFTER)]),
        # a number with a comma in the phrase before a quotation; a participle aside
        ("Jane Okafor wrote to her 20,000 followers, “It is time to go.”",
         [("Jane Okafor", "direct", "wrote", "It is time to go.", DIRECT)]),
        ("Jane Okafor joked, again using an accent, “Amen, brother!”",
         [("Jane Okafor", "direct", "joked", "Amen, brother!", DIRECT)]),
        # negative: "at" opens a place; a participle that is a cue of its own is no aside
        ("Jane Okafor spoke at the meeting that was held on Monday.", []),
        ("Jane Okafor said, adding a warning, “We will win.”",
         [("Jane Okafor", "partial", "adding", "a warning, “We will win.”",
           "reported speech after a participle cue (', adding that')")]),
    ],
)  # fmt: skip
def test_phrases_and_asides_after_the_cue(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a descriptor the speaker phrase leaves before the name
        ("The mill was sold in May, the news site Daily Clarion reported.",
         [("Daily Clarion", "indirect", "reported", "The mill was sold in May", BEFORE)]),
        # the inverted speaker's name after a description
        ("The mill is under pressure, said the company's chief executive, Jane Okafor.",
         [("Jane Okafor", "indirect", "said", "The mill is under pressure", BEFORE)]),
        # a fronted adverbial inside the words before an inverted "said X"
        ("In nearby Marrick, the mill is hanging on, but it is under pressure, said Jane Okafor.",
         [("Jane Okafor", "indirect", "said",
           "In nearby Marrick, the mill is hanging on, but it is under pressure", BEFORE)]),
        # an audience with a noun after its capitalised words
        ("The levy will fund a new clinic, Jane Okafor told a Senate panel on Wednesday.",
         [("Jane Okafor", "indirect", "told", "The levy will fund a new clinic", BEFORE)]),
        # negative: no clause before the descriptor; a verb in the "descriptor"
        ("In 2015, the news site Daily Clarion reported.", []),
        ("The mill was sold, the site that closed Daily Clarion reported.", []),
    ],
)  # fmt: skip
def test_words_before_an_attribution(text, expected):
    assert rows(text) == expected


GERUND = "reported speech: a gerund clause after the cue ('recalled making a replica')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Okafor reported raising and spending about $9 million during the month.",
         [("Jane Okafor", "indirect", "reported",
           "raising and spending about $9 million during the month", GERUND)]),
        ("Jane Okafor also suggested rallying the towns and if necessary closing the bridge.",
         [("Jane Okafor", "indirect", "suggested",
           "rallying the towns and if necessary closing the bridge", GERUND)]),
        ("Jane Okafor acknowledged having used a private account.",
         [("Jane Okafor", "indirect", "acknowledged", "having used a private account", GERUND)]),
        ("Jane Okafor suggested not raising taxes.",
         [("Jane Okafor", "indirect", "suggested", "not raising taxes", GERUND)]),
        # negative: a noun in -ing, a gerund before "of", a verb that takes no gerund clause,
        # a participle after a comma
        ("Jane Okafor admitted wrongdoing.", []),
        ("The council reported spending of $6 million.", []),
        ("The council reported a meeting with residents.", []),
        ("Jane Okafor warned closing the bridge.", []),
        ("Eyewitness reports, including the driver’s, describe a second car.", []),
    ],
)  # fmt: skip
def test_gerund_clause(text, expected):
    assert rows(text) == expected


CALL = "reporting frame: call X Y ('called him divisive')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Okafor called both the mayor and the clerk “reckless” and said the levy would fail.",
         [("Jane Okafor", "partial", "called", "both the mayor and the clerk “reckless”", CALL),
          ("Jane Okafor", "indirect", "said", "the levy would fail", AFTER)]),
        ("Jane Okafor called the vote illegal, and said the council had erred.",
         [("Jane Okafor", "indirect", "called", "the vote illegal", CALL),
          ("Jane Okafor", "indirect", "said", "the council had erred", AFTER)]),
        ("The council calls this a false story that nobody believes.",
         [("council", "indirect", "calls", "this a false story that nobody believes", CALL)]),
        # negative: no frame
        ("Jane Okafor called the hospital repeatedly.", []),
        ("Jane Okafor called the dispatcher at the hospital.", []),
    ],
)  # fmt: skip
def test_call_frames(text, expected):
    assert rows(text) == expected


DESCRIBE = "reporting frame: describe X as Y"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a longer object, with a phrase or one comma, before "as"
        ("Jane Okafor described a day at home with her family in Marrick, as the perfect day off.",
         [("Jane Okafor", "indirect", "described",
           "a day at home with her family in Marrick, as the perfect day off", DESCRIBE)]),
        ("Jane Okafor described the council during an interview as “a relic of another age.”",
         [("Jane Okafor", "partial", "described",
           "the council during an interview as “a relic of another age.”", DESCRIBE)]),
        # negative: "as" opens a clause or a comparison
        ("Jane Okafor described the crash, as police arrived.", []),
        ("Jane Okafor described the scene in detail as soon as she could.", []),
    ],
)  # fmt: skip
def test_describe_frames(text, expected):
    assert rows(text) == expected


def test_inverted_speaker_name_with_a_relative_clause():
    text = (
        "He had a say in the budget, said a former aide to the mayor, Tom Field, who also ran "
        "for the council."
    )
    assert rows(text) == [
        ("former aide to the mayor", "indirect", "said", "He had a say in the budget", BEFORE)
    ]


ACCORDING = "'according to' attribution"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But according to the council, the mill will close in May.",
         [("council", "indirect", "according to", "the mill will close in May", ACCORDING)]),
        ("(According to the council, the mill will close in May.)",
         [("council", "indirect", "According to", "the mill will close in May", ACCORDING)]),
        # negative: a trailing "according to" keeps the words before it
        ("The mill will close in May, according to the council.",
         [("council", "indirect", "according to", "The mill will close in May", BEFORE)]),
    ],
)  # fmt: skip
def test_according_to_after_but_or_a_parenthesis(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence in parentheses: the closing ".)" ends the words
        ("(The mill, it turns out, is a big employer, Jane Okafor said.)",
         [("Jane Okafor", "indirect", "said", "The mill, it turns out, is a big employer",
           BEFORE)]),
        ("(Jane Okafor said the plan would fail.)",
         [("Jane Okafor", "indirect", "said", "the plan would fail", AFTER)]),
        # negative: a parenthesis that closes inside the words is kept
        ("Jane Okafor said she backed the plan (the second one).",
         [("Jane Okafor", "indirect", "said", "she backed the plan (the second one)", AFTER)]),
    ],
)  # fmt: skip
def test_a_sentence_in_parentheses(text, expected):
    assert rows(text) == expected


FRONTED = "reported speech after a fronted participle cue ('Noting that …, X added')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of the main clause after the participle clause's comma
        ("Noting that one councillor voted for it, Jane Okafor added: “That is the problem.”",
         [("Jane Okafor", "indirect", "Noting", "one councillor voted for it", FRONTED),
          ("Jane Okafor", "direct", "added", "That is the problem.",
           "direct quote, speaker before the quote")]),
        ("While saying that she respects the mayor, Jane Okafor doubted the plan.",
         [("Jane Okafor", "indirect", "saying", "she respects the mayor", FRONTED)]),
        # negative: no clause after the participle; no subject and verb after the comma
        ("Saying no to the levy, the council adjourned.", []),
        ("By saying the levy was unfair, it became a campaign issue.", []),
        ("Saying the levy was unfair, 40 residents signed the letter.", []),
    ],
)  # fmt: skip
def test_fronted_participle_cue(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "according to" with no comma before it: the clause before it
        ("The mill leads the region by 271 jobs according to a count by the council, but the "
         "count is disputed.",
         [("council", "indirect", "according to", "The mill leads the region by 271 jobs",
           BEFORE)]),
        # negative: no clause before it; another cue's words before it
        ("Shares fell according to plan.", []),
        ("In 2014 according to the council.", []),
    ],
)  # fmt: skip
def test_according_to_without_a_comma(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an opening "according to" after a colon
        ("It has not gone unnoticed: According to recent polls, the mayor trails by 9 points.",
         [("recent polls", "indirect", "According to", "the mayor trails by 9 points",
           ACCORDING)]),
        # "per" with no comma is no attribution
        ("The dinner requires a $10,000 donation per person.", []),
        # an "according to" right after "that" stays inside the said clause
        ("Jane Okafor said on Tuesday that according to its analysis, the party won 82 percent.",
         [("Jane Okafor", "indirect", "said",
           "according to its analysis, the party won 82 percent", AFTER)]),
        # the words of "said" stop before a trailing "according to", not after it
        ("Jane Okafor said the plan failed, according to the auditors.",
         [("auditors", "indirect", "according to", "Jane Okafor said the plan failed", BEFORE),
          ("Jane Okafor", "indirect", "said", "the plan failed", AFTER)]),
    ],
)  # fmt: skip
def test_according_to_inside_and_after_other_words(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the same (of X)" as the answer; a phrase or a conjunction after the answer
        ("Last month, 26 percent of residents said the same.",
         [("26 percent of residents", "indirect", "said", "the same", SHORT_ANSWER)]),
        ("Only 49 percent of residents say the same of Jane Okafor.",
         [("Only 49 percent of residents", "indirect", "say", "the same of Jane Okafor",
           SHORT_ANSWER)]),
        ("Asked if the mayor is honest, 72 percent of residents said yes while 48 percent "
         "disagreed.",
         [("72 percent of residents", "indirect", "said", "yes", SHORT_ANSWER)]),
        # "That’s according to X": the pronoun is the content
        ("The town raised $95 million. That’s according to filings through January.",
         [("filings through January", "indirect", "according to", "That", BEFORE)]),
        # negative: "the same" with a noun is a noun phrase; "That is according to plan"
        ("Jane Okafor said the same thing about the mayor.", []),
        ("That is according to plan.", []),
    ],
)  # fmt: skip
def test_pro_form_answers(text, expected):
    assert rows(text) == expected


# Review of session 25: sentences the first version of the rules got wrong, with the rows
# they must give (speaker, text).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective in -ing before its noun is no gerund clause (the noun object stays out)
        ("The company reported soaring profits in the third quarter.", []),
        ("The minister acknowledged mounting pressure from unions.", []),
        ("Officials reported rising costs and falling demand.", []),
        ("Carson also suggested rallying NATO allies against the group.",
         [("Carson", "rallying NATO allies against the group")]),
        ("Jane Okafor admitted having used a private account.",
         [("Jane Okafor", "having used a private account")]),
        # a person noun ending a compound is no 'call X Y' complement
        ("Jane Roe called the union representative.", []),
        ("Jane Roe called the party official.", []),
        ("Jane Roe called the move illegal.", [("Jane Roe", "the move illegal")]),
        # things in -ors, -ents are no speakers; people in -ists are
        ("Leading indicators suggest the recession is over.", []),
        ("Recent incidents suggest the system is failing.", []),
        ("Hacking specialists say the files were altered.",
         [("Hacking specialists", "the files were altered")]),
        # a share of bodies speaks; a share of signs does not
        ("Half of the shops said sales had fallen.", [("Half of the shops", "sales had fallen")]),
        ("Several of the airlines said flights were cancelled.",
         [("Several of the airlines", "flights were cancelled")]),
        ("Several of the signs said the road was closed.", []),
        # a name in apposition after an inverted description is the speaker
        ("Prices will rise, said a spokeswoman, Jane Roe.", [("Jane Roe", "Prices will rise")]),
        ("Prices will rise, said a former aide, Tom Field, who ran the campaign.",
         [("Tom Field", "Prices will rise")]),
        ("Prices will rise, said the minister, who spoke in Paris.",
         [("minister", "Prices will rise")]),
        # a medium or go-between before "that", an aside's closing comma before "that"
        ("Jane Roe said through a spokesman that the plan was dead.",
         [("Jane Roe", "the plan was dead")]),
        ("The company said via its website that the plant would close.",
         [("company", "the plant would close")]),
        ("Jane Roe said, in a statement, that the plan was dead.",
         [("Jane Roe", "the plan was dead")]),
        # evidence inside someone's words stays in their words
        ("Jane Roe said the data suggest that prices will rise.",
         [("Jane Roe", "the data suggest that prices will rise")]),
    ],
)  # fmt: skip
def test_review_of_session_25(text, expected):
    assert [(r[0], r[3]) for r in rows(text)] == expected
