"""Quotation marks: the spans find_quote_spans reads, double and single."""

from __future__ import annotations

import pytest

from helpers.quotemarks import find_quote_spans, mask_quotes


@pytest.mark.parametrize(
    ("text", "single", "spans"),
    [
        ('He said “yes” and "no".', False, [(9, 12, 8, 12), (19, 21, 18, 21)]),
        ("A “stray “real” one.", False, [(10, 14, 9, 14)]),  # a second opening mark
        ("„Tak“, rzekł.", False, [(1, 4, 0, 4)]),  # closed by a high mark
        ("“Left open at the end", False, [(1, 21, 0, None)]),
        ("It’s ‘fine’, she said, ‘really’.", True, [(6, 10, 5, 10), (24, 30, 23, 30)]),
        ("no marks at all", False, []),
    ],
)
def test_find_quote_spans(text, single, spans):
    found = find_quote_spans(text, single=single)
    assert [(s.start, s.end, s.open_at, s.close_at) for s in found] == spans


def test_mask_quotes_keeps_every_offset():
    text = "He said “yes, we will” and “no”."
    masked = mask_quotes(text, find_quote_spans(text))
    assert masked == "He said “" + "▒" * 12 + "” and “▒▒”."
    assert len(masked) == len(text)
