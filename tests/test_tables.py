"""Tables for students: no row numbers, two decimals at most, plain names, no NaN."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from helpers.tables import PLAIN_NAMES, for_students, student_frame


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (6.382978723, "6.38"),
        (-0.0001, "0.00"),
        (2.0, "2.00"),
        (47, "47"),
        (True, "yes"),
        (False, "no"),
        (None, "—"),
        (math.nan, "—"),
        (["a", "b"], "a, b"),
        ([], "—"),
        ("NARRATOR", "the outlet (NARRATOR)"),
        ("Kim said “no”", "Kim said “no”"),
    ],
)
def test_each_value_is_shown_for_reading(value, shown):
    table = pd.DataFrame({"x": [value]})
    assert student_frame(table).iloc[0, 0] == shown


def test_columns_get_plain_names_and_an_override_wins():
    table = pd.DataFrame({"per_100_words": [1.0], "n_words": [3], "odd_name": ["x"]})
    assert list(student_frame(table).columns) == ["per 100 words", "words", "odd name"]
    renamed = student_frame(table, names={"per_100_words": "loaded words per 100 words"})
    assert list(renamed.columns)[0] == "loaded words per 100 words"
    assert PLAIN_NAMES["most_negative"] == "its least positive sentence"


def test_a_named_index_is_kept_as_a_column_a_plain_one_is_dropped():
    pivot = pd.DataFrame({"article": ["a", "b"], "v": [1.5, 2.25]}).set_index("article")
    assert list(student_frame(pivot).columns) == ["article", "v"]
    plain = pd.DataFrame({"v": [1.5]}, index=[7])
    assert list(student_frame(plain).columns) == ["v"]


def test_the_html_has_no_row_numbers_no_nan_and_two_decimals_at_most():
    table = pd.DataFrame({"voice": ["NARRATOR", "B"], "mean": [0.123456, math.nan]})
    html = for_students(table)._repr_html_()
    assert "NaN" not in html and "nan" not in html.lower().replace("narrator", "")
    assert "0.12" in html and not re.search(r"\d\.\d{3}", html)
    assert "row_heading" not in html  # the index is hidden
    assert "white-space: normal" in html  # long text wraps


def test_a_series_and_an_empty_table_are_shown():
    assert "x" in for_students(pd.Series([1.0], name="x"))._repr_html_()
    empty = pd.DataFrame(columns=["n_words"])
    assert "words" in for_students(empty)._repr_html_()


def test_the_plain_text_form_has_no_row_numbers_either():
    shown = repr(for_students(pd.DataFrame({"voice": ["A"], "mean": [0.5]}, index=[9])))
    assert shown.split() == ["voice", "average", "VADER", "score", "A", "0.50"]


def test_article_text_is_escaped_in_cells_and_column_names():
    table = pd.DataFrame({"<b>col</b>": ["<script>alert(1)</script>"]})
    html = for_students(table)._repr_html_()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>col</b>" not in html and "&lt;b&gt;col&lt;/b&gt;" in html


def test_the_same_table_gives_the_same_html():
    """No random ids: reports built one way or another are identical byte for byte."""
    table = pd.DataFrame({"voice": ["A"], "mean": [0.5]})
    assert for_students(table)._repr_html_() == for_students(table.copy())._repr_html_()
