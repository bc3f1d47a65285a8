"""Reported speech whose content the first rules did not read (issue 19, PolNeAR train
errors; helpers/who_speaks/content.py): each new pattern with tiny invented sentences and
the exact rows, and sentences that must give no row (or only the row shown)."""

from __future__ import annotations

import pytest

from helpers import article_from_text, extract_quotes

AROUND = (
    "reported speech around a mid-sentence attribution ('The question of X, she said, is not …')"
)
TRAILING = (
    "reported speech before an attribution with a trailing phrase ('…, X said after the debate')"
)
AS = "reported speech before an 'as' attribution ('…, as X noted')"
MIDDLE = "reported speech after a mid-sentence attribution ('In return, X added, …')"
BEFORE = "reported speech before the attribution ('…, X said')"
AFTER = "reported speech after the cue"


def rows(text: str) -> list[tuple[str, str, str, str]]:
    """(speaker, cue, text, rule) of every utterance of a one-paragraph article."""
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    return list(zip(table.speaker, table.cue, table.text, table.rule, strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the content runs on both sides of a mid-sentence attribution
        ("The question of whether to close the mill, Jane Okafor said, is not so cut and dried.",
         [("Jane Okafor", "said", "The question of whether to close the mill, Jane Okafor said, "
           "is not so cut and dried", AROUND)]),
        ("A levy would not only fund the clinic, Jane Okafor said, but also the school.",
         [("Jane Okafor", "said", "A levy would not only fund the clinic, Jane Okafor said, but "
           "also the school", AROUND)]),
        # … from the start of the coordinated clause that holds it
        ("The mill closed in May, and some of the staff, Jane Okafor says, were never paid.",
         [("Jane Okafor", "says", "some of the staff, Jane Okafor says, were never paid",
           AROUND)]),
        # a longer fronted clause is no part of it: the words after the attribution
        ("Although the mill had been closed for a month, Jane Okafor said, its staff were paid.",
         [("Jane Okafor", "said", "its staff were paid", MIDDLE)]),
        # a phrase after the cue closes the attribution: the clause before it
        ("Prices will rise, Jane Okafor said in a video message to the convention.",
         [("Jane Okafor", "said", "Prices will rise", TRAILING)]),
        ("The mill will close, Jane Okafor said, on condition of anonymity.",
         [("Jane Okafor", "said", "The mill will close", TRAILING)]),
        ("Prices will rise, Jane Okafor told reporters at the Clarion.",
         [("Jane Okafor", "told", "Prices will rise", TRAILING)]),
        # a subordinate clause after the attribution's comma is the writer's
        ("The mill closed in May, Jane Okafor said, though she gave no reason.",
         [("Jane Okafor", "said", "The mill closed in May", BEFORE)]),
        # "…, as X noted"
        ("Ignoring the mill also carries risks, as Jane Okafor pointed out.",
         [("Jane Okafor", "pointed out", "Ignoring the mill also carries risks", AS)]),
    ],
)  # fmt: skip
def test_content_around_or_before_the_attribution(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fronted time or subordinate phrase is nobody's words
        ("Minutes after the vote began, Jane Okafor announced four votes for the plan.", []),
        ("Even after the mill was sold, Jane Okafor continued to argue against it.", []),
        # the topic of a cue other than "said" is no trailing phrase
        ("Morale has suffered, employees complain of the long hours.", []),
        # an inverted pronoun is an object: "reported it to the police"
        ("Jane Okafor found the leak, reported it to the police, and left.", []),
        # a clause after the cue is its content, never the fronted words before it
        ("On Friday morning, as the parade passed, Jane Okafor reported at least six planes "
         "overhead.", []),
        # the writer's narrative after the attribution stays out of the content
        ("The mill closed in May, Jane Okafor said, shortly before leaving for the airport.",
         [("Jane Okafor", "said", "The mill closed in May", TRAILING)]),
    ],
)  # fmt: skip
def test_no_content_from_a_fronted_phrase_or_the_narrative(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a prepositional phrase, an audience after "to" or an adverbial aside before "that"
        ("Jane Okafor predicted at the last debate that the mill would close.",
         [("Jane Okafor", "predicted", "the mill would close", AFTER)]),
        ("Jane Okafor reiterated to the Clarion that the plan was a mistake.",
         [("Jane Okafor", "reiterated", "the plan was a mistake", AFTER)]),
        ("Jane Okafor said before visiting the mill that the council had asked her to speak.",
         [("Jane Okafor", "said", "the council had asked her to speak", AFTER)]),
        ("Jane Okafor stated of the audit that the report was not good.",
         [("Jane Okafor", "stated", "the report was not good", AFTER)]),
        ("Jane Okafor testified, for example, that she never saw the files.",
         [("Jane Okafor", "testified", "she never saw the files", AFTER)]),
        ("Jane Okafor explained to the committee why the plan failed.",
         [("Jane Okafor", "explained", "why the plan failed", AFTER)]),
        # an adverbial of time before the subject of a later cue ("said Wednesday he agrees")
        ("Jane Okafor said Wednesday she agrees with the ruling.",
         [("Jane Okafor", "said", "she agrees with the ruling", AFTER)]),
        # … never a relative clause, a second noun phrase, a topic or a conditional
        ("Jane Okafor has posted to Twitter a list of the awards that she received.", []),
        ("The chamber has warned of empty shops if the charges go ahead.", []),
        ("Dozens of witness reports, including Okafor’s, that clearly show the damage were lost.",
         []),
        ("Jane Okafor warned of delays at the mill that were due to the strike.", []),
    ],
)  # fmt: skip
def test_phrase_or_aside_before_that(text, expected):
    assert rows(text) == expected


INFINITIVE = "reported speech after an infinitive cue ('X went on to say that')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of speech in the infinitive speaks for the clause's subject
        ("Jane Okafor went on to say that the mill would close.",
         [("Jane Okafor", "say", "the mill would close", INFINITIVE)]),
        ("Jane Okafor took to Twitter to say the mill would close.",
         [("Jane Okafor", "say", "the mill would close", INFINITIVE)]),
        ("The judge pointed to a previous case to say that courts must weigh the harm.",
         [("judge", "say", "courts must weigh the harm", INFINITIVE)]),
        ("Jane Okafor continued to insist that she will fight on.",
         [("Jane Okafor", "insist", "she will fight on", INFINITIVE)]),
        ("Jane Okafor refused to say that the city should pay.",
         [("Jane Okafor", "say", "the city should pay", INFINITIVE)]),
        # never a request, a wish, a refusal of a question, a negation or nobody's words
        ("Jane Okafor declined to say how many jobs would go.", []),
        ("The backlash led Jane Okafor to declare that the plan was dead.", []),
        ("Jane Okafor asked officers to explain what went wrong.", []),
        ("Jane Okafor is going to explain what went wrong.", []),
        ("Jane Okafor did not stop to explain why the mill closed.", []),
        ("It is important to note that the mill closed.", []),
        ("The council declined a request to explain why the mill closed.", []),
        ("First, Jane Okafor and two aides refused to say that the mill would close.", []),
        ("Fees for the mill vary from state to state and town to town.", []),
        ("So long as the council continues to maintain a policy that is doomed, it will fail.",
         []),
        # inside an earlier cue's words it is no attribution of its own
        ("Jane Okafor said there was nothing left for the inquiry to reveal about the mill.",
         [("Jane Okafor", "said",
           "there was nothing left for the inquiry to reveal about the mill", AFTER)]),
    ],
)  # fmt: skip
def test_infinitive_cue(text, expected):
    assert rows(text) == expected


RELATIVE = "reporting frame: what X calls Y ('what critics call a tax grab')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a frame verb whose object is a relative pronoun: the complement is the speaker's
        ("The levy is what Jane Okafor calls a tax grab.",
         [("Jane Okafor", "calls", "a tax grab", RELATIVE)]),
        ("The deal, which Jane Okafor called “a disgrace,” was signed.",
         [("Jane Okafor", "called", "“a disgrace,”", RELATIVE)]),
        ("The mayor, whom Jane Okafor described as a friend, resigned.",
         [("Jane Okafor", "described", "a friend", RELATIVE)]),
        # never another sense of "call", a complement running into the main verb, a
        # complementiser "that", or a quoted label inside the complement (loaded language)
        ("The mill, which Jane Okafor called for years ago, closed.", []),
        ("The plan, which Jane Okafor called on Monday, failed.", []),
        ("The bill which critics called unfair passed.", []),
        ("The council demanded that the mayor call a special meeting.", []),
        ("Critics welcomed what the ministry calls its “brutal but fair” reform.", []),
    ],
)  # fmt: skip
def test_relative_frame(text, expected):
    assert rows(text) == expected


DOCUMENT = "reported speech after a document's participle ('issued a statement saying')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Okafor issued a statement saying the mill would close.",
         [("Jane Okafor", "saying", "the mill would close", DOCUMENT)]),
        ("The council released a new radio ad saying that taxes would fall.",
         [("council", "saying", "taxes would fall", DOCUMENT)]),
        # only a subject that opens the main clause, and never a noun object after the cue
        ("When Jane Okafor issued a statement saying the mill would close, shares fell.", []),
        ("Jane Okafor read a statement saying nothing.", []),
    ],
)  # fmt: skip
def test_document_participle(text, expected):
    assert rows(text) == expected


ACCORDING_AROUND = "'according to' attribution in mid-sentence ('X, according to Y, is …')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fundraising, according to the campaign, has surged in the same period.",
         [("campaign", "according to",
           "Fundraising, according to the campaign, has surged in the same period",
           ACCORDING_AROUND)]),
        ("In 2014, according to the council, the town had 115 burglaries.",
         [("council", "according to",
           "In 2014, according to the council, the town had 115 burglaries", ACCORDING_AROUND)]),
        # a relative clause or the writer's phrase after the source is no part of it
        ("The mill will close, according to the council, which met on Monday.",
         [("council", "according to", "The mill will close", BEFORE)]),
        ("The mill will close, according to the council, after a string of losses.",
         [("council", "according to", "The mill will close", BEFORE)]),
    ],
)  # fmt: skip
def test_according_to_in_mid_sentence(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short phrase between the cue and the quotation: still a direct quotation
        ("Jane Okafor said about the plan, “I support it.”",
         [("Jane Okafor", "said", "I support it.", "direct quote, speaker before the quote")]),
        ("Jane Okafor declared in Arabic, “The mill is ours.”",
         [("Jane Okafor", "declared", "The mill is ours.",
           "direct quote, speaker before the quote")]),
        # a that-clause opening with a fronted phrase keeps its quoted words
        ("Jane Okafor said that by refusing to say “radical Islam,” the mayor was “weak.”",
         [("Jane Okafor", "said", "by refusing to say “radical Islam,” the mayor was “weak.”",
           AFTER)]),
        # … but without "that" a preposition after the cue opens no clause
        ("Jane Okafor warned of “fevered dreams” of a contested vote.", []),
    ],
)  # fmt: skip
def test_phrase_before_a_quotation_or_in_a_that_clause(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cue coordinated with the subject's earlier verb across an adverb or auxiliary
        ("The judge rubbed his chin, and then said the case was closed.",
         [("judge", "said", "the case was closed", AFTER)]),
        ("Jane Okafor has expressed concerns but has said she wants the bill to pass.",
         [("Jane Okafor", "said", "she wants the bill to pass", AFTER)]),
        ("Jane Okafor did not mention them by name but did note that she had won.",
         [("Jane Okafor", "note", "she had won", AFTER)]),
        # never negated, in a subordinate clause, or inside an earlier cue's words
        ("Jane Okafor has expressed concerns but has not said whether she backs the bill.", []),
        ("When Jane Okafor arrived and then said the mill was closed, the crowd left.", []),
        ("Jane Okafor said the firm is “reviewing the plan” and will respond by June.",
         [("Jane Okafor", "said", "the firm is “reviewing the plan” and will respond by June",
           AFTER)]),
    ],
)  # fmt: skip
def test_coordinated_cue_across_an_auxiliary(text, expected):
    assert rows(text) == expected


GERUND = "reported speech after a participle cue (', adding that')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a second participle after "and" continues the subject's first one
        ("Jane Okafor ducked, pointing to her record and saying that senators are overrated.",
         [("Jane Okafor", "saying", "senators are overrated", GERUND)]),
        ("Jane Okafor praised the staff, thanking them and vowing to fight on.",
         [("Jane Okafor", "vowing", "to fight on",
           "reported commitment: vow, pledge or promise to do ('vowed to fight on')")]),
        # a noun object after it is no speech; no earlier participle, no borrowed subject
        ("Jane Okafor left, taking her coat and saying nothing.", []),
        ("Jane Okafor and saying that the mill would close.", []),
    ],
)  # fmt: skip
def test_second_participle(text, expected):
    assert rows(text) == expected


CALL = "reporting frame: call X Y ('called him divisive')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an object of a few words before a quotation: the frame runs to the quotation's end
        ("Jane Okafor called the 12-nation trade pact “insanity,” and left.",
         [("Jane Okafor", "called", "the 12-nation trade pact “insanity,”", CALL)]),
        ("Jane Okafor called inversions “unpatriotic” on Monday.",
         [("Jane Okafor", "called", "inversions “unpatriotic”", CALL)]),
        # never a request, a call for something, or a verb or clause before the quotation
        ("Jane Okafor called on voters to “stand up.”", []),
        ("Jane Okafor called for a “ceasefire.”", []),
        ("Jane Okafor called the mayor and said “enough.”",
         [("Jane Okafor", "said", "enough.", "direct quote, speaker before the quote")]),
    ],
)  # fmt: skip
def test_call_with_a_quoted_complement(text, expected):
    assert rows(text) == expected
