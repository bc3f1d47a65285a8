"""helpers.marks: the marked article shared by the X-ray and explore()."""

from __future__ import annotations

import ast
from pathlib import Path

import pandas as pd
import pytest

from helpers import analyze, article_from_text
from helpers.explore import Explorer
from helpers.html import VOICE_COLOURS
from helpers.marks import (
    HIGHLIGHT_RULES,
    MARK_RULES,
    Marked,
    Sentences,
    hedge_spans,
    mark_css,
    sentence_ids,
    voice_css,
)
from helpers.xray import xray_html

from .test_xray import TINY

HELPERS = Path(__file__).resolve().parent.parent / "helpers"

SENTENCES = pd.DataFrame(
    {"paragraph": [0, 0, 1], "sentence": [0, 1, 0], "start": [0, 10, 0], "end": [9, 20, 5]}
)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ({"paragraph": [0], "start": [2], "end": [12]}, ["0:0", "0:1"]),  # across two sentences
        ({"paragraph": [0, 1], "start": [12, 0], "end": [14, 5]}, ["0:1", "1:0"]),
        ({"paragraph": [2], "start": [0], "end": [3]}, []),  # no such paragraph
    ],
)
def test_spans_give_the_sentences_they_overlap(rows, expected):
    assert Sentences(SENTENCES).of_spans(pd.DataFrame(rows)) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ({"paragraph": [0, 0, 1], "start": [0, 15, 4]}, ["0:0", "0:1", "1:0"]),
        ({"paragraph": [0], "start": [9]}, [None]),  # between two sentences
    ],
)
def test_starts_give_the_sentence_each_row_starts_in(rows, expected):
    assert Sentences(SENTENCES).of_starts(pd.DataFrame(rows)) == expected


def test_sentence_ids_and_hedge_spans_on_a_tiny_article():
    analysis = analyze(article_from_text(TINY))
    assert sentence_ids(pd.DataFrame({"paragraph": [1, -1], "sentence": [0, 0]})) == ["1:0", "-1:0"]
    spans = hedge_spans(analysis.article, analysis["hedges"], analysis["quotes"])
    found = [(p, analysis.article.paragraphs[p][s:e]) for p, s, e, _row in spans]
    assert found == [(1, "allegedly"), (1, "so-called"), (1, "claimed")]
    marked = Marked(analysis)
    assert marked.speakers == ["Jane Okafor", "Critics"]
    assert marked.letter == {"Jane Okafor": "A", "Critics": "B"}


def test_mark_css_scopes_every_rule():
    css = mark_css(MARK_RULES, scope=".v ")
    assert css.count("\n.v .") == len(MARK_RULES) - 1 and css.startswith(".v .voice.quoted{")
    assert voice_css(end="\n").count("\n") == len(VOICE_COLOURS)


def test_the_xray_and_explore_draw_the_marks_with_the_same_rules():
    article = article_from_text(TINY)
    page, view = xray_html(article), Explorer(article).article_html()
    for rule in MARK_RULES + HIGHLIGHT_RULES:
        assert rule in page
        assert ".rtn-explore " + rule in view
    # the marked paragraphs themselves are the same HTML in both
    body = "".join(Marked(analyze(article)).paragraphs())
    assert body in page and body in view


def test_no_module_imports_a_private_name_from_another():
    for path in (HELPERS / "xray.py", HELPERS / "explore.py", HELPERS / "marks.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                private = [a.name for a in node.names if a.name.startswith("_")]
                assert not private, f"{path.name} imports {private} from .{node.module}"
