"""Which speaker a cue belongs to (helpers/who_speaks/cue_speaker.py)."""

from __future__ import annotations

import pytest

from helpers import article_from_text, extract_quotes
from helpers.lexicons import reporting_verbs
from helpers.names import WHITESPACE
from helpers.who_speaks.cue_speaker import speaker_for_cue
from helpers.who_speaks.cues import find_cues


def speakers_of(masked_sentence: str) -> list[tuple]:
    """(cue, speaker phrase, start, end, borrowed, how) for every cue of a sentence."""
    found, rows = [], []
    for cue in find_cues(masked_sentence):
        form = WHITESPACE.sub(" ", cue.group().lower())
        phrase, how = speaker_for_cue(
            masked_sentence, cue, form, reporting_verbs().get(form), found
        )
        if phrase is None:
            rows.append((cue.group(), None, how))
            continue
        rows.append((cue.group(), (phrase.text, phrase.start, phrase.end, phrase.borrowed), how))
        found.append((cue, phrase, None, how))
    return rows


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Prices will rise, the ministry said.",
            [("said", ("the ministry", 18, 30, False), "before")],
        ),
        ("“▒▒▒▒,” said Jane Okafor.", [("said", ("Jane Okafor", 13, 24, False), "after")]),
        (
            "Prices will rise, according to the central bank.",
            [("according to", ("the central bank", 31, 47, False), "according")],
        ),
        # "criticised" is no cue: the participle's subject is the clause's
        (
            "Jane Okafor criticised the plan, adding that it would fail.",
            [("adding", ("Jane Okafor", 0, 11, True), "gerund")],
        ),
        # the same subject again after "and"
        (
            "Jane Okafor said the plan failed and said she would go.",
            [
                ("said", ("Jane Okafor", 0, 11, False), "before"),
                ("said", ("Jane Okafor", 0, 11, True), "before"),
            ],
        ),
        # nouns, not verbs of speech
        (
            "In a report, the bank said so.",
            [("report", None, ""), ("said", ("the bank", 13, 21, False), "before")],
        ),
        ("The remarks followed a vote.", [("remarks", None, "")]),
        ("Rogue state tyrant warns.", [("state", None, ""), ("warns", None, "")]),
    ],
)
def test_speaker_for_cue(sentence, expected):
    assert speakers_of(sentence) == expected


# The progressive aspect (issue 19, PolNeAR train: "Hillary Clinton is declaring that …")
PROGRESSIVE_RULE = "reported speech after a progressive cue ('X is saying that')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Officials are saying that the plan failed.",
            [("Officials", "the plan failed", PROGRESSIVE_RULE)],
        ),
        (
            "Jane Roe was telling reporters that the plan failed.",
            [("Jane Roe", "the plan failed", PROGRESSIVE_RULE)],
        ),
        (
            "Jane Roe was telling them: “The plan failed.”",
            [
                (
                    "Jane Roe",
                    "The plan failed.",
                    "direct quote, speaker before the quote; progressive cue ('is saying')",
                )
            ],
        ),
        ("Jane Roe is not saying the plan failed.", []),  # negated: no speech
        ("It was saying much that the plan failed.", []),
    ],
)
def test_progressive_cue(text, expected):
    table = extract_quotes(article_from_text("H\n\nTom Reyes spoke. " + text))
    assert list(zip(table.speaker, table.text, table.rule, strict=True)) == expected


# Issue 19: verbs of belief (connotation "belief" in reporting_verbs.csv) with a holder before
# them and a clause; never inverted, never inside an earlier cue's words, never "think tank".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okafor allies believe the move could alienate her backers.",
         [("Okafor allies", "believe", "the move could alienate her backers")]),
        ("Jane Okafor fears that the plant will close.",
         [("Jane Okafor", "fears", "the plant will close")]),
        ("A detective said investigators believed the driver had not acted alone.",
         [("detective", "said", "investigators believed the driver had not acted alone")]),
        ("Jane Okafor, of a progressive think tank, spoke.", []),
        ("Those who fear the plant will close marched.", []),
        ("Jane Okafor expects to win the seat.", []),
        # a belief not held: negated, nobody's, or a question's clause (issue 19 review)
        ("Voters never believed the promise would be kept.", []),
        ("Officials could hardly believe the numbers were real.", []),
        ("There are people in Congress who don't think they have had a straight answer.", []),
        ("No reasonable person can believe the plan will work.", []),
        ("Nobody at the ministry expects the reform will pass.", []),
        ("Last week, no reasonable person thought the plan would pass.", []),
        ("Any observer would think it probably will be.", []),
        ("He asked why she believes her rival and not the survivors she can name.", []),
        # an attribution later in the sentence owns the whole clause
        ("Analysts believe the deal will collapse, according to Reuters.",
         [("Reuters", "according to", "Analysts believe the deal will collapse")]),
        ("The minister hopes the talks will resume, her spokesman told reporters.",
         [("spokesman", "told", "The minister hopes the talks will resume")]),
    ],
)  # fmt: skip
def test_belief_cues(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.speaker, table.cue, table.text, strict=True)) == expected
    beliefs = table[table.cue.isin(["believe", "believed", "fears", "expects", "hopes"])]
    assert set(beliefs.rule) <= {BELIEF}


BELIEF = "reported belief after the cue ('analysts believe the deal will fail')"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a verb of belief is also a noun or a name's word: it never ends a speaker phrase
        ("Think tank analysts said the tax cut would add to the deficit.", "Think tank analysts"),
        ("Analysts at the think tank said the tax cut would add to the deficit.",
         "Analysts at the think tank"),
        ("The think tank's president said the tax cut would add to the deficit.",
         "think tank's president"),
    ],
)  # fmt: skip
def test_a_belief_word_inside_a_speaker_phrase(text, speaker):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.speaker, table.text, strict=True)) == [
        (speaker, "the tax cut would add to the deficit")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Okafor vowed to fight on.", [("Jane Okafor", "to fight on")]),
        # in a relative clause the promise is still the company's (the main verb after it is
        # not read yet: a miss, not a wrong row)
        ("The company, which promised to cut 500 jobs, said profits rose.",
         [("company", "to cut 500 jobs")]),
        ("Jane Okafor vowed to voters that taxes would fall.", []),  # an audience, no infinitive
        ("Jane Okafor promised to be brief and then spoke for an hour.",
         [("Jane Okafor", "to be brief")]),  # her next action is no part of the promise
    ],
)  # fmt: skip
def test_commitments(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.speaker, table.text, strict=True)) == expected


@pytest.mark.parametrize(
    "text",
    ["Does Jane Okafor think she would be safe?", "I think the plan will fail, Jane said."],
)
def test_no_belief_in_a_question_or_the_first_person(text):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert "think" not in set(table.cue)


def test_a_coordinated_clause_has_its_own_speaker_across_an_auxiliary():
    table = extract_quotes(
        article_from_text(
            "Headline\n\nJane Okafor has said the plan was sound, and Tom Reyes had told her "
            "it would work."
        )
    )
    assert list(zip(table.speaker, table.cue, table.text, strict=True)) == [
        ("Jane Okafor", "said", "the plan was sound"),
        ("Tom Reyes", "told", "it would work"),
    ]


# Issue 19: a participle after a dash or in a subordinate phrase with an adverb; a name with
# "Jr." before "who"; a plural institution ("the departments") as the subject.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Okafor changed course – saying she was rooting for the hosts.",
         [("Jane Okafor", "saying", "she was rooting for the hosts")]),
        ("Jane Okafor, after initially saying she would not advertise, changed course.",
         [("Jane Okafor", "saying", "she would not advertise")]),
        ("A rebuke came from Tom Reyes Jr., who suggested in an interview that she was wrong.",
         [("Tom Reyes Jr.", "suggested", "she was wrong")]),
        ("The departments declined to give details, saying they cannot discuss the case.",
         [("departments", "saying", "they cannot discuss the case")]),
    ],
)  # fmt: skip
def test_issue19_participles_and_suffixes(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.speaker, table.cue, table.text, strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside in brackets between the speaker and the cue
        ("Jane Roe (who has 25 delegates to date) said it is possible for her to win.",
         [("Jane Roe", "it is possible for her to win")]),
        # the reporter's own source after a closing attribution is no part of the content
        ("Members of the council soured on the mayor, the Daily Clarion reported, citing an "
         "anonymous source.",
         [("Daily Clarion", "Members of the council soured on the mayor")]),
        # a cue inside a fronted subordinate clause: its content ends at the clause's comma
        ("When Jane Roe thanked the crowd and said it was great to be home, a man yelled.",
         [("Jane Roe", "it was great to be home")]),
        # "As X wrote, …" is no subordinate clause of time: the main clause is the content
        ("As Jane Roe wrote, political elites are constantly evaluating the president.",
         [("Jane Roe", "political elites are constantly evaluating the president")]),
    ],
)  # fmt: skip
def test_asides_sources_and_fronted_clauses(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.speaker, table.text, strict=True)) == expected


# Issue 19 (PolNeAR train): the subject of a coordinated verb phrase ("and then said"); never
# the subject of a subordinate clause ("and when X …") or the person inside reported speech
# ("Prosecutors say X stole it and then said …": X's own verb; review of issue 19).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The judge rubbed his chin, and then said the case was odd.",
            [("judge", "the case was odd", "reported speech after the cue")],
        ),
        (
            "Some booed, and when Jane Roe thanked the city and said it was great.",
            [],
        ),
        (
            "The meeting began late, and when Jane Roe arrived, Tom Field greeted her and said "
            "the vote was off.",
            [("Tom Field", "the vote was off", "reported speech after the cue")],
        ),
        (
            "Prosecutors say Tom Field stole the money and then said he had lost it.",
            [
                (
                    "Prosecutors",
                    "Tom Field stole the money and then said he had lost it",
                    "reported speech after the cue",
                )
            ],
        ),
        ("Jane Roe read the report and never said the plan would fail.", []),  # negated
        ("Jane Roe paused, then revealed that the activism was moving.", []),
    ],
)
def test_the_subject_of_a_coordinated_verb_phrase(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.speaker, table.text, table.rule, strict=True)) == expected


# Issue 19 (PolNeAR train): an adverb between the progressive's auxiliary and its cue.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The campaign is already claiming that it won the state.",
         [("campaign", "it won the state")]),
        ("Some are quietly saying that the plan failed.", [("Some", "the plan failed")]),
        ("Jane Roe is hardly saying that the plan failed.", []),  # a near-negation
        ("Jane Roe is not saying that the plan failed.", []),
    ],
)  # fmt: skip
def test_progressive_with_an_adverb(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.speaker, table.text, strict=True)) == expected
    assert set(table.rule) <= {"reported speech after a progressive cue ('X is saying that')"}


# Issue 19 (PolNeAR train): the subject of a participle with no comma before it, after "with"
# or a share's noun ("with 50 percent saying …"); a clause subject read up to its verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Voters see her as prepared, with 50 percent saying she is ready.",
         [("50 percent", "she is ready")]),
        ("The Senate rejected the fence, with a majority of the Senate saying they wanted a deal.",
         [("majority of the Senate", "they wanted a deal")]),
        ("Speaking in Salem, New Hampshire, Jane Roe went after Bush, saying he was weak.",
         [("Jane Roe", "he was weak")]),
        ("Guests are given timed tickets telling them when to queue.", []),  # no speaker
        ("The plan passed, with it saying that prices would rise.", []),  # a pronoun: no
    ],
)  # fmt: skip
def test_participle_subjects(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.speaker, table.text, strict=True)) == expected


# Review of issue 19 (session 25): a cue inside a relative clause or a participle that
# modifies its clause's subject reports a clause that runs into the main predicate ("… want
# refunds", "… has fallen"): no row; after a preposition or an object, the sentence ends it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fans who say they were turned away at the gate want refunds.", []),
        ("But fans who say they were turned away want refunds.", []),
        ("She leads among fans who say they were turned away at the gate.",
         [("fans", "they were turned away at the gate", "reported speech after the cue")]),
        ("The share of Republicans saying the election was stolen has fallen.", []),
        ("Polls show a rise in the share of Republicans saying the election was stolen.",
         [("share of Republicans", "the election was stolen",
           "reported speech after a participle cue (', adding that')")]),
    ],
)  # fmt: skip
def test_a_cue_inside_its_subject(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.speaker, table.text, table.rule, strict=True)) == expected
