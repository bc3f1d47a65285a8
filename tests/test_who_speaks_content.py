"""Content spans (helpers/who_speaks/content.py): one tiny text per rule the content rules
can emit, with the exact speaker, kind, cue, content and rule; find_content on its own."""

from __future__ import annotations

import pytest

from helpers import article_from_text, extract_quotes
from helpers.who_speaks.content import (
    Content,
    Sentence,
    find_content,
    gap_is_punct,
    is_full_sentence_quote,
    only_punct,
)
from helpers.who_speaks.cues import find_cues
from helpers.who_speaks.speaker_phrases import ACROSS_AUXILIARY, SpeakerPhrase


def rows_with_rule(text: str) -> list[tuple[str, str, str, str, str]]:
    """(speaker, kind, cue, text, rule) of every utterance of a one-paragraph article."""
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    return list(zip(table.speaker, table.kind, table.cue, table.text, table.rule, strict=True))


# Every rule of helpers/who_speaks/content.py, one case each: (rule, text, speaker, kind, cue,
# content). Rules found across an auxiliary or an adverb ("has said") carry ACROSS_AUXILIARY.
OKAFOR = "Jane Okafor"
CONTENT_RULES = [
    ("reporting frame: call X Y ('called him divisive')",
     "Jane Okafor called the plan “a disaster”.", OKAFOR, "partial", "called",
     "the plan “a disaster”"),
    ("reporting frame: describe X as Y",
     "Jane Okafor described the outburst as the emotions of a worried spouse.", OKAFOR,
     "indirect", "described", "the outburst as the emotions of a worried spouse"),
    ("direct quote, speaker before the quote",
     "Jane Okafor said: “We will win.”", OKAFOR, "direct", "said", "We will win."),
    ("direct quote, speaker before the quote" + ACROSS_AUXILIARY,
     "Jane Okafor has said: “We will win.”", OKAFOR, "direct", "said", "We will win."),
    ("direct quote, speaker after the quote",
     "“We will win,” said Jane Okafor.", OKAFOR, "direct", "said", "We will win,"),
    ("direct quote, speaker gerund the quote",
     "Jane Okafor criticised the plan, adding: “It will fail.”", OKAFOR, "direct", "adding",
     "It will fail."),
    ("reported speech after the cue",
     "Jane Okafor said the plan was doomed.", OKAFOR, "indirect", "said", "the plan was doomed"),
    ("reported belief after the cue ('analysts believe the deal will fail')",
     "Jane Okafor believes the plan is doomed.", OKAFOR, "indirect", "believes",
     "the plan is doomed"),
    ("reported speech after the cue" + ACROSS_AUXILIARY,
     "Jane Okafor has said the plan was doomed.", OKAFOR, "indirect", "said",
     "the plan was doomed"),
    ("reported speech, speaker after the cue",
     "Said Jane Okafor: the plan was doomed.", OKAFOR, "indirect", "Said", "the plan was doomed"),
    ("'according to' attribution",
     "According to the central bank, prices will rise.", "central bank", "indirect",
     "According to", "prices will rise"),
    ("reported speech after a participle cue (', adding that')",
     "Jane Okafor criticised the plan, adding that it would fail.", OKAFOR, "indirect",
     "adding", "it would fail"),
    ("reported speech after a mid-sentence attribution ('In return, X added, …')",
     "In return, Jane Okafor added, the talks would resume in May.", OKAFOR, "indirect",
     "added", "the talks would resume in May"),
    ("reported speech after a mid-sentence attribution ('In return, X added, …')"
     + ACROSS_AUXILIARY,
     "In return, Jane Okafor has said, the talks would resume in May.", OKAFOR, "indirect",
     "said", "the talks would resume in May"),
    ("reported speech before the attribution ('…, X said')",
     "The plan is doomed, Jane Okafor said.", OKAFOR, "indirect", "said", "The plan is doomed"),
    ("reported speech after a colon, to the end of the paragraph ('X said: …')",
     "Jane Okafor said: the plan is a cancer. It cannot be ignored.", OKAFOR, "indirect",
     "said", "the plan is a cancer. It cannot be ignored"),
    ("reported commitment: vow, pledge or promise to do ('vowed to fight on')",
     "Jane Okafor vowed to fight on until May.", OKAFOR, "indirect", "vowed",
     "to fight on until May"),
    ("reported speech before the attribution ('…, X said')" + ACROSS_AUXILIARY,
     "The plan is doomed, Jane Okafor has said.", OKAFOR, "indirect", "said",
     "The plan is doomed"),
    ("reported speech around a mid-sentence attribution ('The question of X, she said, is "
     "not …')",
     "The question of whether to close the mill, Jane Okafor said, is not so cut and dried.",
     OKAFOR, "indirect", "said",
     "The question of whether to close the mill, Jane Okafor said, is not so cut and dried"),
    ("reported speech before an attribution with a trailing phrase ('…, X said after the "
     "debate')",
     "Prices will rise, Jane Okafor said in a video message to the convention.", OKAFOR,
     "indirect", "said", "Prices will rise"),
    ("reporting frame: what X calls Y ('what critics call a tax grab')",
     "The levy is what Jane Okafor calls a tax grab.", OKAFOR, "indirect", "calls",
     "a tax grab"),
    ("'according to' attribution in mid-sentence ('X, according to Y, is …')",
     "Fundraising, according to the central bank, has surged.", "central bank", "indirect",
     "according to", "Fundraising, according to the central bank, has surged"),
    ("reported speech after a document's participle ('issued a statement saying')",
     "Jane Okafor issued a statement saying the plan was doomed.", OKAFOR, "indirect",
     "saying", "the plan was doomed"),
    ("reported speech after an infinitive cue ('X went on to say that')",
     "Jane Okafor went on to say that the plan was doomed.", OKAFOR, "indirect", "say",
     "the plan was doomed"),
    ("reported speech before an 'as' attribution ('…, as X noted')",
     "Ignoring the mill also carries risks, as Jane Okafor pointed out.", OKAFOR, "indirect",
     "pointed out", "Ignoring the mill also carries risks"),
    ("reported speech: a gerund clause after the cue ('recalled making a replica')",
     "Jane Okafor suggested closing the bridge.", OKAFOR, "indirect", "suggested",
     "closing the bridge"),
    ("reported speech after a fronted participle cue ('Noting that …, X added')",
     "Saying the levy was unfair, Jane Okafor voted against it.", OKAFOR, "indirect", "Saying",
     "the levy was unfair"),
    ("short answer: yes, no, so or the same ('72 percent said yes')",
     "Asked if she would run, Jane Okafor said yes.", OKAFOR, "indirect", "said", "yes"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("rule", "text", "speaker", "kind", "cue", "content"),
    CONTENT_RULES,
    ids=[case[0] for case in CONTENT_RULES],
)
def test_each_content_rule(rule, text, speaker, kind, cue, content):
    assert rows_with_rule(text) == [(speaker, kind, cue, content, rule)]


def _sentence(text: str) -> Sentence:
    return Sentence(text, 0, len(text), text, [], 0)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # the clause before the attribution; the attribution starts at the speaker phrase
        ("Prices will rise, the ministry said.", ("the ministry", 18, 30, "description"),
         ([("indirect", 0, 16, "reported speech before the attribution ('…, X said')")], 18)),
        # the clause after "that"
        ("The ministry said that prices will rise.", ("The ministry", 0, 12, "description"),
         ([("indirect", 23, 39, "reported speech after the cue")], 0)),
        # "denied a request": no clause, no utterance
        ("The ministry denied a request for comment.", ("The ministry", 0, 12, "description"),
         ([], 0)),
    ],
)  # fmt: skip
def test_find_content_on_one_sentence(text, phrase, expected):
    cue = find_cues(text)[0]
    found, at = find_content(_sentence(text), cue, SpeakerPhrase(*phrase), "before", None)
    rows = [(c.kind, c.start, c.end, c.rule) for c in found]
    assert (rows, at if found else 0) == expected
    assert all(isinstance(c, Content) and c.claims == [] for c in found)


@pytest.mark.parametrize(
    ("text", "a", "b", "colon", "expected"),
    [(", said", 0, 2, False, True), (": X", 0, 2, False, False), (": X", 0, 2, True, True),
     (" and", 0, 4, False, False), (",     ", 0, 6, False, False), (", said", 2, 0, False, False)],
)  # fmt: skip
def test_gap_is_punct(text, a, b, colon, expected):
    assert gap_is_punct(text, a, b, allow_colon=colon) is expected


@pytest.mark.parametrize(("text", "expected"), [("”.", True), (" ,", True), ("”, he", False)])
def test_only_punct(text, expected):
    assert only_punct(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("“We will win.”", True), ("She called it “a disaster”.", False),
     ("“We won,” she said.", True), ("“Yes,” she said.", False), ("“Fine” is all.", False)],
)  # fmt: skip
def test_is_full_sentence_quote(text, expected):
    from helpers.quotemarks import find_quote_spans

    assert is_full_sentence_quote(text, find_quote_spans(text)[0]) is expected


# Moved from tests/test_quotes.py: tiny texts with the exact speaker, kind, cue, text.
def utterances(text: str) -> list[tuple[str, str, str, str]]:
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    return list(zip(table.speaker, table.kind, table.cue, table.text, strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jane Okafor said: “We will not back down.”",
            [("Jane Okafor", "direct", "said", "We will not back down.")],
        ),
        (
            "“We will not back down,” Jane Okafor said.",
            [("Jane Okafor", "direct", "said", "We will not back down,")],
        ),
        (
            "“It is fragile”, said Tomas Ilvey, the deputy prime minister.",
            [("Tomas Ilvey", "direct", "said", "It is fragile")],
        ),
        (
            "Jane Okafor met them. “It is fragile,” she said. “But it holds.”",
            [
                ("Jane Okafor", "direct", "said", "It is fragile,"),
                ("Jane Okafor", "direct", "said", "But it holds."),
            ],
        ),
        (
            "Jane Okafor said the plan was “a disgrace” and “unworkable”.",
            [("Jane Okafor", "partial", "said", "the plan was “a disgrace” and “unworkable”")],
        ),
        (
            "Prices will rise, the ministry said on Wednesday.",
            [("ministry", "indirect", "said", "Prices will rise")],
        ),
        (
            "Prices will rise, according to the central bank.",
            [("central bank", "indirect", "according to", "Prices will rise")],
        ),
        (
            "In return, US officials added, the talks would resume in May.",
            [("US officials", "indirect", "added", "the talks would resume in May")],
        ),
        (
            "Tom Reyes, a paediatrician at the city hospital, said that cases had doubled.",
            [("Tom Reyes", "indirect", "said", "cases had doubled")],
        ),
        (
            '"We won," said Mr. Dale Hunt. "Again."',
            [("Dale Hunt", "direct", "said", "We won,"), ("Dale Hunt", "direct", "said", "Again.")],
        ),
        # precision: verbs used without speech content
        ("The company denied a request for comment.", []),
        ("The bank signalled a cut in rates.", []),
        ("The mayor urged residents to stay indoors.", []),
        ("The Kremlin was evasive when asked about the talks.", []),
        ("He peppered them with questions, suggesting the deal was close.", []),
    ],
)
def test_attribution_patterns(text, expected):
    assert utterances(text) == expected


# Issue 19 (PolNeAR train errors), one tiny text per rule: (speaker, kind, cue, text, rule).
ACROSS = "; speaker before an auxiliary or adverb ('has said', 'however, say')"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # quotation conventions: two apostrophes (NYT), guillemets, low-9 closed by a high mark
        (
            "''We will win,'' said Jane Okafor.",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win,",
                    "direct quote, speaker after the quote",
                )
            ],
        ),
        (
            "Jane Okafor said: ''We will win.''",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win.",
                    "direct quote, speaker before the quote",
                )
            ],
        ),
        (
            "«We will win», said Jane Okafor.",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win",
                    "direct quote, speaker after the quote",
                )
            ],
        ),
        (
            "„We will win“, said Jane Okafor.",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win",
                    "direct quote, speaker after the quote",
                )
            ],
        ),
        # an auxiliary, a parenthetical or an adverb between the speaker and the verb
        (
            "Jane Okafor has said the plan is doomed.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the plan is doomed",
                    "reported speech after the cue" + ACROSS,
                )
            ],
        ),
        (
            "Jane Okafor had told reporters that the plan was doomed.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "told",
                    "the plan was doomed",
                    "reported speech after the cue" + ACROSS,
                )
            ],
        ),
        (
            "Others, however, say the plan is doomed.",
            [("Others", "indirect", "say", "the plan is doomed", "reported speech after the cue")],
        ),
        (
            "Jane Okafor vehemently said the plan was doomed.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue" + ACROSS,
                )
            ],
        ),
        (
            "Jane Okafor at the time said the plan was doomed.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue" + ACROSS,
                )
            ],
        ),
        # adverbials after the cue: a day and its part, a network, "in an interview with X"
        (
            "Jane Okafor said Wednesday night that the plan was doomed.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
        (
            "Jane Okafor said on CNN that the plan was doomed.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
        (
            "Jane Okafor said in an interview with The Associated Press that the plan was doomed.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
        # a curly apostrophe in the reported clause's verb
        (
            "Jane Okafor said the agreement isn’t good for the country.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the agreement isn’t good for the country",
                    "reported speech after the cue",
                )
            ],
        ),
        # "according to" a document, a poll or a data set: the source is its noun phrase
        (
            "The pilot had flown since 2004, according to his Facebook profile.",
            [
                (
                    "Facebook profile",
                    "indirect",
                    "according to",
                    "The pilot had flown since 2004",
                    "reported speech before the attribution ('…, X said')",
                )
            ],
        ),
        (
            "According to the summary, the employee did not act.",
            [
                (
                    "summary",
                    "indirect",
                    "According to",
                    "the employee did not act",
                    "'according to' attribution",
                )
            ],
        ),
        ("Fees rose by 9 per cent last year.", []),
        # a share of people as the speaker, as polls are reported
        (
            "In the poll, 46 percent said they were unenthusiastic.",
            [
                (
                    "46 percent",
                    "indirect",
                    "said",
                    "they were unenthusiastic",
                    "reported speech after the cue",
                )
            ],
        ),
        (
            "About three in 10 said they prefer a liberal agenda.",
            [
                (
                    "About three in 10",
                    "indirect",
                    "said",
                    "they prefer a liberal agenda",
                    "reported speech after the cue",
                )
            ],
        ),
        # the speaker's apposition or the writer's gloss after the attribution is no content
        (
            "The party has a strong ground game, said Mindy Roe, director of the Civic Project.",
            [
                (
                    "Mindy Roe",
                    "indirect",
                    "said",
                    "The party has a strong ground game",
                    "reported speech before the attribution ('…, X said')",
                )
            ],
        ),
        (
            "Victims would be seen as one group, Jane Okafor said, a policy that could help.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "Victims would be seen as one group",
                    "reported speech before the attribution ('…, X said')",
                )
            ],
        ),
        (
            "By 2027, Jane Okafor added, the group would double.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "added",
                    "the group would double",
                    "reported speech after a mid-sentence attribution ('In return, X added, …')",
                )
            ],
        ),
        # a comma inside the closing mark ends a reported clause with a quoted phrase
        (
            "Jane Okafor spoke. Rivals who think “we have no interests here are wrong,” she said.",
            [
                (
                    "Jane Okafor",
                    "partial",
                    "said",
                    "Rivals who think “we have no interests here are wrong,”",
                    "reported speech before the attribution ('…, X said')",
                )
            ],
        ),
        # speaker names: qualifiers, titles and descriptors are no part of the name
        (
            "Former Obama adviser David Axelrod said the plan was doomed. Obama said it was fine.",
            [
                (
                    "David Axelrod",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                ),
                ("Obama", "indirect", "said", "it was fine", "reported speech after the cue"),
            ],
        ),
        (
            "Grandmother-of-three Jane Roe said the plan was doomed.",
            [
                (
                    "Jane Roe",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
        (
            "Former Secretary Jane Okafor said the plan was doomed.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
        (
            "Admiral Harris said the plan was doomed.",
            [
                (
                    "Harris",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
        (
            "Mrs. Okafor’s campaign said the plan was doomed.",
            [
                (
                    "Okafor’s campaign",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
        # "the grandmother-of-five" is a person, like "the 78-year-old"
        (
            "Jane Roe, 78, spoke. The grandmother-of-five said the plan was doomed.",
            [
                (
                    "Jane Roe",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
        # reporting frames: call X Y, describe X as Y, say of X, tell X that
        (
            "Jane Okafor called him divisive.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "called",
                    "him divisive",
                    "reporting frame: call X Y ('called him divisive')",
                )
            ],
        ),
        (
            "Jane Okafor called the plan “a disaster.”",
            [
                (
                    "Jane Okafor",
                    "partial",
                    "called",
                    "the plan “a disaster.”",
                    "reporting frame: call X Y ('called him divisive')",
                )
            ],
        ),
        (
            "Jane Okafor described the plan as a disaster.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "described",
                    "the plan as a disaster",
                    "reporting frame: describe X as Y",
                )
            ],
        ),
        (
            "Jane Okafor said of the senator, “He is one of us.”",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "He is one of us.",
                    "direct quote, speaker before the quote",
                )
            ],
        ),
        (
            "Jane Okafor told Tom Reyes that the plan was doomed.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "told",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
        ("Jane Okafor called for calm.", []),
        ("Jane Okafor called him on Tuesday.", []),
        ("Jane Okafor called it quits.", []),
        ("A group called Our Principles is spending.", []),
        # an interrupted quotation resumes after the speaker's apposition
        (
            "“The risk,” said Ed Leamer, an economist at the forecast, “is that jobs leave.”",
            [
                (
                    "Ed Leamer",
                    "direct",
                    "said",
                    "The risk,",
                    "direct quote, speaker after the quote",
                ),
                (
                    "Ed Leamer",
                    "direct",
                    "said",
                    "is that jobs leave.",
                    "direct quote, speaker after the quote",
                ),
            ],
        ),
        # a number before an -s form: a plural noun, not a verb of speech
        ("Jane Okafor spoke. Voters went to the polls in four of five states that allow it.", []),
        # kept out: a negated auxiliary, a nested verb after "had", a noun in -ly
        ("The council has not said what will happen to fares.", []),
        (
            "Jane Okafor said the board had concluded the offer was fair.",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the board had concluded the offer was fair",
                    "reported speech after the cue",
                )
            ],
        ),
        (
            "The family said the plan was doomed.",
            [
                (
                    "family",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                )
            ],
        ),
    ],
)
def test_issue19_rules(text, expected):
    assert rows_with_rule(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Okafor, campaigning in Ohio, vowing to protect the mills.",
         [("vowing", "to protect the mills")]),
        ("Jane Okafor pledged to the voters a fairer tax.", []),  # "to" + a noun phrase
        ("Jane Okafor made a promise to act.", []),  # a noun, not a verb
    ],
)  # fmt: skip
def test_commitment_needs_an_infinitive(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.cue, table.text, strict=True)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the run-on stops before a sentence with a cue or a quotation mark of its own
        ("Jane Okafor said: the plan is a cancer. Tom Reyes said it was fine.",
         [("said", "the plan is a cancer"), ("said", "it was fine")]),
        ("Jane Okafor said the plan is a cancer. It cannot be ignored.",
         [("said", "the plan is a cancer")]),  # no colon: one sentence
    ],
)  # fmt: skip
def test_run_on_after_a_colon_stops(text, expected):
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    assert list(zip(table.cue, table.text, strict=True)) == expected
