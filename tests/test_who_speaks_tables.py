"""The public tables of who speaks (helpers/who_speaks/tables.py): exact expectations on the
seed article, voices, share of voice, the cached attribution and its refresh."""

from __future__ import annotations

import pytest

from helpers import (
    NARRATOR,
    annotated_voices,
    article_from_text,
    cues_by_speaker,
    extract_quotes,
    scare_quotes,
    share_of_voice,
    speakers,
    voices,
)
from helpers.who_speaks import (
    QUOTE_COLUMNS,
    VOICE_COLUMNS,
    attribution,
    quoted_names,
    voice_segments,
)

from .conftest import FIXTURES


def test_attribution_is_cached_per_article():
    article = article_from_text("T\n\n“We will win,” said Jane Okafor.")
    assert attribution(article) is attribution(article)
    assert list(extract_quotes(article).columns) == QUOTE_COLUMNS
    assert list(voices(article).columns) == VOICE_COLUMNS


def test_voice_segments_are_the_voices_table():
    article = article_from_text("T\n\n“We will win,” said Jane Okafor.\n\nThe vote is on Friday.")
    assert voice_segments(article) == {
        0: [(0, 1, NARRATOR, "narration"), (1, 13, "Jane Okafor", "quoted"),
            (13, 32, NARRATOR, "narration")],
        1: [(0, 22, NARRATOR, "narration")],
    }  # fmt: skip


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


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("“Ana Ruiz is a disgrace,” said Tom Reyes.", ["Ana Ruiz"]),  # a verb after the name
        ("“I blame Ana Ruiz. Ruiz knew,” said Tom Reyes.", ["Ana Ruiz"]),  # named twice
        ("“I blame Ana Ruiz,” said Tom Reyes.", []),  # once, no verb: not enough evidence
        ("“Thank Heavens we won,” said Tom Reyes.", []),  # a Title Case phrase
        ("“The McGill BDS vote is a scandal,” said Tom Reyes.", []),  # an acronym
        ("“Councillor Ana Ruiz has lied,” said Tom Reyes.", ["Ana Ruiz"]),  # the title is cut
        ("Ana Ruiz spoke. “Ana Ruiz is a disgrace,” said Tom Reyes.", []),  # the outlet names her
        ("Tom Reyes said Ana Ruiz is a disgrace.", []),  # reported speech: the outlet's words
    ],
)
def test_quoted_names_are_people_only_a_speaker_names(body, expected):
    assert quoted_names(article_from_text("Headline\n\n" + body)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("T\n\nA calm day.", {(NARRATOR, "narration"): 3}),
        (
            "T\n\n“We won,” said Jane Okafor. Ann Lee said the vote was close.",
            {
                ("Jane Okafor", "quoted"): 2,
                (NARRATOR, "narration"): 6,
                ("Ann Lee", "reported"): 4,
            },
        ),
    ],
)
def test_words_by_voice_are_the_share_of_voice_counts(text, expected):
    from helpers.who_speaks.tables import words_by_voice

    article = article_from_text(text)
    assert words_by_voice(article) == expected
    table = share_of_voice(article)
    pairs = zip(table.voice, table["mode"], strict=True)
    assert dict(zip(pairs, table.n_words, strict=True)) == expected
