"""A long article's analysis reports its steps; a short one stays silent."""

from __future__ import annotations

import re

from helpers import analyze, article_from_text
from helpers.progress import LONG_ARTICLE


def _long_article():
    sentence = "The minister said prices rose. "
    return article_from_text("A long report\n\n" + sentence * (LONG_ARTICLE // len(sentence) + 1))


def test_a_short_article_prints_nothing(capsys):
    analysis = analyze(article_from_text("H\n\n“We won,” said Ann Lee."))
    analysis["quotes"], analysis["stance"]
    assert capsys.readouterr().err == ""


def test_a_long_article_names_each_step_and_its_seconds(capsys):
    analysis = analyze(_long_article())
    analysis["quotes"]
    lines = capsys.readouterr().err.splitlines()
    assert re.fullmatch(r"Long article \([\d,]+ characters\):", lines[0])
    assert lines[1:3] == ["the quotes table ...", "  who speaks (the attribution) ..."]
    assert re.fullmatch(r"  \.\.\. who speaks \(the attribution\): \d+\.\d s", lines[3])
    assert re.fullmatch(r"\.\.\. the quotes table: \d+\.\d s", lines[4])
    analysis["quotes"]  # computed once: read again, nothing more to say
    assert capsys.readouterr().err == ""


def test_compute_can_show_a_bar_over_the_tables(capsys):
    analysis = analyze(article_from_text("H\n\nA calm day."))
    analysis.compute(["quotes", "speakers"], progress=True)
    assert "2/2" in capsys.readouterr().err
