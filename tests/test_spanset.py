"""SpanSet: the overlap test in logarithmic time gives what a scan of every span gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.text import SpanSet

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 10)), max_size=15)


@settings(derandomize=True, database=None, max_examples=300)
@given(taken=spans, queries=spans)
def test_overlaps_agrees_with_a_scan(taken, queries):
    spanset = SpanSet()
    added = []
    for start, length in taken:
        spanset.add(start, start + length)
        added.append((start, start + length))
    for start, length in queries:
        end = start + length
        assert spanset.overlaps(start, end) == any(a < end and start < b for a, b in added)
    assert list(spanset) == sorted(spanset), "kept sorted"
    assert all(b <= c for (_, b), (c, _) in zip(list(spanset), list(spanset)[1:], strict=False))
