"""The coloured article tells speakers apart by letter as well as colour."""

from __future__ import annotations

import re

from helpers import annotated_voices, article_from_text, voices


def test_each_speaker_has_a_letter_in_the_legend_and_where_their_words_begin():
    article = article_from_text(
        "Test\n\n“We will win,” said Maria Lopez. “We will lose,” said John Smith.\n\n"
        "“Again,” Lopez added."
    )
    table = voices(article)
    html = annotated_voices(article, table)
    assert "<b>[A]</b> Maria Lopez" in html and "<b>[B]</b> John Smith" in html
    labels = re.findall(r"<b class='voice-label' title='([^']*)'[^>]*>\[(\w)\]</b>", html)
    assert labels == [("Maria Lopez", "A"), ("John Smith", "B"), ("Maria Lopez", "A")]


def test_the_letter_is_escaped_with_the_speaker_name():
    article = article_from_text("Test\n\n“Hi,” said Bob <b>Jones.")
    html = annotated_voices(article, voices(article))
    assert "<b>Jones" not in html
