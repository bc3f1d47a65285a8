"""Who speaks: exact expectations on the seed and on tiny texts, and measured accuracy on the
hand-annotated articles in tests/fixtures/quotes (see its README)."""

from __future__ import annotations

import pytest

from helpers import (
    NARRATOR,
    annotated_voices,
    article_from_text,
    cues_by_speaker,
    extract_quotes,
    scare_quotes,
    score_folder,
    share_of_voice,
    speakers,
    voices,
)

from .conftest import FIXTURES


def utterances(text: str) -> list[tuple[str, str, str, str]]:
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    return list(zip(table.speaker, table.kind, table.cue, table.text, strict=True))


SEED_EXPECTED = [
    (2, "Dmitry Peskov", "indirect", "according to", "Putin took Kim on a tour of the Vostochny"),
    (3, "Vladimir Putin", "partial", "said", "the pair would discuss issues related to “economic"),
    (3, "US officials", "indirect", "suggested", "another topic on the agenda would be the sale"),
    (5, "Kim Jong-un", "partial", "said", "Russia was “waging a sacred fight to defend"),
    (6, "Kim Jong-un", "direct", "added", "We have always expressed full and unconditional"),
    (7, "Kim Jong-un", "direct", "added", "I take this opportunity to affirm"),
    (8, "Vladimir Putin", "partial", "saying", "he was “very glad” to see his North Korean"),
    (10, "Dmitry Peskov", "indirect", "said", "the talks were being carried out"),
    (10, "Dmitry Peskov", "indirect", "added", "there were no plans to sign documents"),
    (11, "Dmitry Peskov", "indirect", "told", "the Kremlin had no interest in invading Ukraine"),
    (12, "Pentagon", "indirect", "claimed", "Russia had specifically asked North Korea"),
    (13, "US officials", "indirect", "added", "North Korea would like Russia to provide"),
]


def test_seed_every_utterance_goes_to_the_right_speaker(seed):
    table = extract_quotes(seed)
    got = list(zip(table.paragraph, table.speaker, table.kind, table.cue, table.text, strict=True))
    assert len(got) == len(SEED_EXPECTED)
    for (p, speaker, kind, cue, text), expected in zip(got, SEED_EXPECTED, strict=True):
        assert (p, speaker, kind, cue) == expected[:4]
        assert text.startswith(expected[4])


def test_seed_content_spans_are_exact(seed):
    table = extract_quotes(seed).set_index("paragraph")
    assert table.loc[5, "text"] == (
        "Russia was “waging a sacred fight to defend its sovereignty”, as well as to protect its "
        "“security interests” and promote “justice against the hegemonists”"
    )
    assert table.loc[5, "fragments"] == [
        "waging a sacred fight to defend its sovereignty",
        "security interests",
        "justice against the hegemonists",
    ]
    assert table.loc[11, "text"] == "the Kremlin had no interest in invading Ukraine"
    assert table.loc[6, "text"].endswith("taken by the Russian government.")


def test_seed_nothing_narrated_is_attributed(seed):
    narrated = {0, 1, 4, 9, 14, 15, 16}
    assert not narrated & set(extract_quotes(seed).paragraph)


def test_seed_scare_quotes(seed):
    table = scare_quotes(seed)
    assert table.text.tolist() == ["special military operation"] * 2
    assert table.paragraph.tolist() == [4, 12]


def test_seed_speakers_table(seed):
    table = speakers(seed).set_index("speaker")
    assert table.loc["Kim Jong-un", "kind"] == "person"
    assert {"Kim", "Kim Jong Un", "Kim Jong-un"} <= set(table.loc["Kim Jong-un", "mentions"])
    assert table.loc["Dmitry Peskov", "role"] == "Kremlin spokesman"
    assert table.loc["US officials", "kind"] == "anonymous"
    assert table.loc["Pentagon", "kind"] == "institution"


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


def test_pronouns_skip_places_and_respect_gender():
    text = (
        "Jane Okafor, the foreign minister, met Tomas Ilvey in Leeds on Monday.\n\n"
        "“We have an agreement,” she said. He said the talks had been difficult."
    )
    assert [u[0] for u in utterances(text)] == ["Jane Okafor", "Tomas Ilvey"]


def test_title_resolves_through_the_apposition():
    text = "Jane Okafor, the foreign minister, arrived late.\n\n“We are ready,” the minister said."
    assert utterances(text)[0][0] == "Jane Okafor"


def test_multi_paragraph_quote_continues_the_speaker():
    text = (
        "Jane Okafor said: “We have always supported the plan.\n\n"
        "“And we always will.”\n\n"
        "The vote is on Friday."
    )
    table = extract_quotes(article_from_text("H\n\n" + text))
    assert table[["paragraph", "speaker", "kind"]].values.tolist() == [
        [0, "Jane Okafor", "direct"],
        [1, "Jane Okafor", "direct"],
    ]


def test_scare_quote_is_not_speech():
    article = article_from_text("H\n\nThe government’s “efficiency drive” closed 40 libraries.")
    assert extract_quotes(article).empty
    assert scare_quotes(article).text.tolist() == ["efficiency drive"]


QUOTE_SETS = sorted(p.name for p in (FIXTURES / "quotes").iterdir() if p.is_dir())


def test_voices_cover_every_character_once(seed):
    from helpers import load_article

    articles = [seed] + [load_article(p) for p in sorted((FIXTURES / "quotes").glob("*/*.md"))]
    assert len(articles) > 40
    for article in articles:
        table = voices(article)
        for p, text in enumerate(article.paragraphs):
            segments = table[table.paragraph == p]
            assert segments.start.iloc[0] == 0 and segments.end.iloc[-1] == len(text)
            assert (segments.start.values[1:] == segments.end.values[:-1]).all()
            assert "".join(segments.text) == text


def test_voices_modes_on_the_seed(seed):
    table = voices(seed)
    kim = table[(table.voice == "Kim Jong-un") & (table["mode"] == "quoted")].text.tolist()
    assert "waging a sacred fight to defend its sovereignty" in kim
    assert set(table[table.voice == NARRATOR]["mode"]) == {"narration"}
    reported = table[(table.voice == "Dmitry Peskov")]
    assert set(reported["mode"]) == {"reported"}


def test_share_of_voice_and_cues(seed):
    share = share_of_voice(seed)
    assert share.iloc[0].voice == NARRATOR
    assert abs(share.share.sum() - 1) < 1e-9
    cues = cues_by_speaker(seed)
    assert cues[(cues.speaker == "Pentagon")].connotation.tolist() == ["doubt"]


def test_annotated_view_escapes_text():
    article = article_from_text("<b>x</b>\n\n“<script>alert(1)</script>,” said Jane Okafor.")
    html = annotated_voices(article, voices(article))
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;" in html


# Accuracy on the hand-annotated articles (tests/fixtures/quotes/README.md). Every set was
# written by hand before the code saw it; each was held out until measured once (the
# first-look numbers are in the README), and the sets used for development since are held
# to 0.95. HELD_OUT is the one set never used to change a rule: its floor is its measurement.
HELD_OUT = {"heldout6": (0.90, 0.94)}  # measured 2026-11-27: 110/120 recall, 110/115 precision


@pytest.mark.parametrize("folder", QUOTE_SETS)
def test_accuracy_on_annotated_articles(folder):
    min_recall, min_precision = HELD_OUT.get(folder, (0.95, 0.95))
    summary, detail = score_folder(FIXTURES / "quotes" / folder)
    correct, expected = summary.correct.sum(), summary.expected.sum()
    predicted = summary.predicted.sum()
    misses = detail[detail.status != "correct"].head(10).to_string()
    assert correct / expected >= min_recall, misses
    assert correct / predicted >= min_precision, misses
    assert summary.scare_found.sum() >= summary.scare_expected.sum() - 1
    assert summary.trap_hits.sum() <= 1


def test_an_edited_lexicon_takes_effect_without_a_restart(tmp_path, monkeypatch):
    import shutil

    from .conftest import ROOT

    shutil.copytree(ROOT / "data", tmp_path / "data")
    monkeypatch.setenv("READING_THE_NEWS_DATA", str(tmp_path / "data"))
    article = article_from_text(
        "H\n\nMaria Lopez met the mayor. The talks, Lopez recounted, had been “a disaster”."
    )
    assert extract_quotes(article).empty
    verbs = tmp_path / "data" / "lexicons" / "reporting_verbs.csv"
    with verbs.open("a", encoding="utf-8") as handle:
        handle.write("recount,recount|recounts|recounted,neutral,yes,no,Neutral.\n")
    assert extract_quotes(article).speaker.tolist() == ["Maria Lopez"]


def test_annotated_view_marks_scare_quotes(seed):
    html = annotated_voices(seed, voices(seed), scare=scare_quotes(seed))
    assert html.count("scare quotes: nobody in the article says this") == 2
    assert "dashed box = scare quotes" in html


# Issue 19 (PolNeAR train errors), one tiny text per rule: (speaker, kind, cue, text, rule).
def rows_with_rule(text: str) -> list[tuple[str, str, str, str, str]]:
    table = extract_quotes(article_from_text("Headline\n\n" + text))
    return list(zip(table.speaker, table.kind, table.cue, table.text, table.rule, strict=True))


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
        # a quotation ending in ? or ! is its own sentence: the attribution is the next one
        (
            "“Is it over?” Jane Okafor said. She left.",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "Is it over?",
                    "direct quote, speaker in the next sentence ('…?” X said.')",
                )
            ],
        ),
        (
            "“Is it over?” Jane Okafor said on Wednesday.",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "Is it over?",
                    "direct quote, speaker in the next sentence ('…?” X said.')",
                )
            ],
        ),
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
        # within a paragraph, an unattributed quotation continues the speaker
        (
            "Jane Okafor said: “We will win.” “Nobody doubts it.”",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win.",
                    "direct quote, speaker before the quote",
                ),
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "Nobody doubts it.",
                    "standalone quotation: continues the previous speaker",
                ),
            ],
        ),
        # from the previous paragraph only when it ends with the cue and a colon ...
        (
            "Jane Okafor said the plan was doomed. She added:\n\n“We will not back down.”",
            [
                (
                    "Jane Okafor",
                    "indirect",
                    "said",
                    "the plan was doomed",
                    "reported speech after the cue",
                ),
                (
                    "Jane Okafor",
                    "direct",
                    "added",
                    "We will not back down.",
                    "direct quote introduced at the end of the previous paragraph ('He added:')",
                ),
            ],
        ),
        # ... or the quotation was left open (the newspaper convention) ...
        (
            "Jane Okafor said: “We will win.\n\n“Nobody doubts it.”",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win.",
                    "direct quote, speaker before the quote",
                ),
                ("Jane Okafor", "direct", "said", "Nobody doubts it.", "continued quote"),
            ],
        ),
        # ... otherwise nobody is guessed
        (
            "Jane Okafor said: “We will win.”\n\n“Nobody doubts it.”",
            [
                (
                    "Jane Okafor",
                    "direct",
                    "said",
                    "We will win.",
                    "direct quote, speaker before the quote",
                ),
                (
                    "UNKNOWN",
                    "direct",
                    "",
                    "Nobody doubts it.",
                    "standalone quotation with no speaker",
                ),
            ],
        ),
    ],
)
def test_issue19_carry_over_needs_structure(text, expected):
    assert rows_with_rule(text) == expected
