"""A table made from column arrays (helpers/table_arrays.py): the same table as pandas'
public constructor, with the internal constructor and without it."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import table_arrays
from helpers.contract import TEXT
from helpers.table_arrays import table_from_arrays


def _arrays() -> list:
    texts = pd.array(["a", "b", None], dtype=TEXT)
    lists = np.empty(3, dtype=object)
    for i, value in enumerate([["x"], [], ["y", "z"]]):
        lists[i] = value
    return [
        np.array([3, 1, 2]),
        np.array([0.5, np.nan, 1.5]),
        np.array([True, False, True]),
        texts,
        lists,
        np.array([7, 8, 9]),  # a second int64 column: a block of its own, or stacked
    ]


NAMES = ["n", "x", "flag", "text", "words", "m"]


@pytest.mark.parametrize("internal", [True, False])
def test_table_from_arrays_is_the_public_constructor(internal, monkeypatch):
    if not internal:
        monkeypatch.setattr(table_arrays, "arrays_to_mgr", None)
    table = table_from_arrays(_arrays(), pd.Index(NAMES))
    expected = pd.DataFrame(dict(zip(NAMES, _arrays(), strict=True)))
    pd.testing.assert_frame_equal(table, expected, check_exact=True)
    assert table.index.equals(pd.RangeIndex(3))
    assert table["words"].tolist() == [["x"], [], ["y", "z"]]
    assert table.loc[1, "n"] == 1 and table["m"].sum() == 24


def test_table_from_arrays_keeps_working_after_changes():
    table = table_from_arrays(_arrays(), pd.Index(NAMES))
    table["n"] = table["n"] * 10  # pandas joins or replaces blocks as it needs
    table.loc[0, "m"] = 70
    assert table[["n", "m"]].values.tolist() == [[30, 70], [10, 8], [20, 9]]
    ordered = table.sort_values("n")["text"]
    assert ordered.index.tolist() == [1, 2, 0]
    assert ordered[1] == "b" and pd.isna(ordered[2]) and ordered[0] == "a"


def test_table_from_arrays_no_columns():
    assert table_from_arrays([], pd.Index([])).shape == (0, 0)
