"""The prepared article (helpers/who_speaks/prepared.py): marks, furniture, masks, entities."""

from __future__ import annotations

from helpers import article_from_text
from helpers.who_speaks.prepared import PreparedArticle


def test_furniture_is_blanked_and_its_quotes_dropped():
    page = PreparedArticle.read(article_from_text("T\n\nLONDON (Wire) - “We won,” she said."))
    assert page.content_start == [16]
    assert page.masked[0] == " " * 16 + "“▒▒▒▒▒▒▒” she said."
    assert [(q.start, q.end) for q in page.quotes[0]] == [(17, 24)]


def test_two_apostrophes_are_read_as_marks_at_the_same_offsets():
    text = "''We will win,'' said Jane Okafor."
    page = PreparedArticle.read(article_from_text("T\n\n" + text))
    assert len(page.paragraphs[0]) == len(text)
    assert [page.paragraphs[0][q.start : q.end] for q in page.quotes[0]] == ["We will win,"]


def test_single_marks_when_the_article_has_no_double_ones():
    text = "‘We will win,’ said Jane Okafor. ‘Nobody doubts it,’ she added."
    page = PreparedArticle.read(article_from_text("T\n\n" + text))
    assert [page.paragraphs[0][q.start : q.end] for q in page.quotes[0]] == [
        "We will win,",
        "Nobody doubts it,",
    ]


def test_sentences_and_entities():
    page = PreparedArticle.read(
        article_from_text("Okafor wins\n\nJane Okafor spoke. Tomas Ilvey did not.")
    )
    assert page.sentence_spans[0] == [(0, 18), (19, 39)]
    assert page.sentence_spans[-1] == [(0, 11)]
    people = sorted(e.canonical for e in page.index.entities.values() if e.kind == "person")
    assert people == ["Jane Okafor", "Tomas Ilvey"]
