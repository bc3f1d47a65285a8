from __future__ import annotations

import pytest

from helpers import (
    article_from_text,
    article_metadata,
    count_words,
    headline_and_lede,
    normalise_word,
    paragraph_stats,
    word_frequencies,
    word_spans,
)


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("", 0),
        ("One two three.", 3),
        ("Kim Jong-un’s visit in 2019.", 4),
        ("“We don’t agree,” she said.", 5),
        ("Ukraine's war -- day 500!", 3),
    ],
)
def test_count_words(text, n):
    assert count_words(text) == n


def test_word_spans_offsets():
    text = "Kim Jong-un’s visit"
    assert [(w, text[s:e]) for w, s, e in word_spans(text)] == [
        ("Kim", "Kim"),
        ("Jong-un’s", "Jong-un’s"),
        ("visit", "visit"),
    ]


@pytest.mark.parametrize(
    ("word", "norm"),
    [("Russia’s", "russia"), ("don’t", "don't"), ("WAR", "war"), ("Boss's", "boss")],
)
def test_normalise_word(word, norm):
    assert normalise_word(word) == norm


def test_word_frequencies_exact():
    article = article_from_text(
        "War and peace\n\nThe war began. Russia’s war went on.\n\nPeace talks failed in Russia."
    )
    table = word_frequencies(article, top=3)
    assert table.to_dict("list") == {
        "word": ["russia", "war", "began"],
        "count": [2, 2, 1],
        "n_paragraphs": [2, 1, 1],
        "paragraphs": [[0, 1], [0], [0]],
    }
    with_headline = word_frequencies(article, top=1, headline=True)
    assert with_headline.to_dict("list")["word"] == ["war"]
    assert with_headline.to_dict("list")["paragraphs"] == [[-1, 0]]


def test_paragraph_stats(seed):
    table = paragraph_stats(seed)
    assert list(table.columns) == ["paragraph", "n_sentences", "n_words", "opening"]
    assert len(table) == 17
    assert table.loc[0, "n_words"] == 23
    assert table.loc[0, "opening"] == "Kim Jong-un has issued a warning …"
    assert table.n_sentences.sum() == 22


def test_article_metadata_says_what_is_unknown(seed):
    meta = dict(article_metadata(seed).itertuples(index=False))
    assert meta["outlet"] == "not given"
    assert meta["date"] == "2023-09-13"
    assert meta["paragraphs"] == "17"


def test_headline_and_lede_escapes_untrusted_text():
    article = article_from_text("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)> body")
    html = headline_and_lede(article)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html._repr_html_() == str(html)
