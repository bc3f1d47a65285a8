from __future__ import annotations

import pytest

from helpers import (
    FRAMES,
    article_from_text,
    frame_evidence,
    frame_questions,
    frame_scores,
    headline_check,
    load_article,
)

from .conftest import FIXTURES

FRAME_ARTICLES = sorted((FIXTURES / "frames").glob("*.md"))


@pytest.mark.parametrize("path", FRAME_ARTICLES, ids=lambda p: p.stem)
def test_dominant_frame_of_hand_written_articles(path):
    article = load_article(path)
    scores = frame_scores(article)
    assert scores.loc[scores.dominant, "frame"].item() == article.meta["dominant_frame"]


def test_one_article_per_frame():
    assert sorted(load_article(p).meta["dominant_frame"] for p in FRAME_ARTICLES) == sorted(FRAMES)


def test_seed_is_dominated_by_conflict(seed):
    scores = frame_scores(seed).set_index("frame")
    assert scores["dominant"].idxmax() == "conflict"
    assert "war" in scores.loc["conflict", "cues"]  # from the headline


def test_scores_are_normalised_by_length():
    short = article_from_text("H\n\nThe rivals clashed.")
    long = article_from_text("H\n\nThe rivals clashed. " + "Nothing else happened. " * 20)
    assert (
        frame_scores(short).set_index("frame").loc["conflict", "per_100_words"]
        > frame_scores(long).set_index("frame").loc["conflict", "per_100_words"]
    )


def test_evidence_and_questions(seed):
    evidence = frame_evidence(seed)
    for row in evidence.itertuples():
        text = seed.title if row.paragraph == -1 else seed.paragraphs[row.paragraph]
        assert text[row.start : row.end] == row.text
    questions = frame_questions()
    assert set(questions.frame) == set(FRAMES) and len(questions) >= 15


def test_quoted_words_inside_a_paraphrase_keep_their_place_in_the_arc():
    from helpers import article_from_text, story_arc

    article = article_from_text(
        "H\n\nThe minister said the plan was “a shameless cash grab” and would fail."
    )
    arc = story_arc(article)
    quoted = arc[arc.voice == "quoted speakers"]
    assert quoted[["paragraph", "loaded_terms", "words"]].values.tolist() == [[0, 1, 0]]
    assert quoted["mean_vader"].isna().all() and quoted["loaded_per_100"].isna().all()


@pytest.mark.parametrize(
    "body, in_body",
    [
        ("The CRISIS deepens.", True),
        ("Crisis, again.", True),
        ("The CRıSıS deepens.", True),  # a dotless ı: the regex folds it to i, str.lower not
        ("No such thing.", False),
        ("A crisismanager.", False),
    ],
)
def test_headline_words_are_found_in_the_body_in_any_case(body, in_body):
    table = headline_check(article_from_text("Talks in crisis\n\n" + body))
    assert table[["word", "in_body"]].values.tolist() == [["crisis", in_body]]
