"""The peer benchmark's scorer (benchmarks/peer/bench_loaded.py) reproduces the SemEval-2020
Task 11 span metric (``tools/task-SI_scorer.py``, ``compute_score_pr``) on tiny cases; the
benchmark itself needs the corpora and is run by hand."""

from __future__ import annotations

import importlib.util

import pytest

from .conftest import ROOT

PATH = ROOT / "benchmarks" / "peer" / "bench_loaded.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_loaded", PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("spans", "merged"),
    [
        ([(0, 5), (3, 8)], [(0, 8)]),  # sharing characters: one span
        ([(0, 5), (5, 8)], [(0, 5), (5, 8)]),  # touching is not overlapping
        ([(10, 12), (0, 20), (30, 31)], [(0, 20), (30, 31)]),
        ([(4, 4)], []),  # empty spans are dropped
    ],
)
def test_merge_like_the_task_scorer(bench, spans, merged):
    assert bench.merge(spans) == merged


@pytest.mark.parametrize(
    ("pred", "gold", "expected"),
    [
        # ours inside gold: precision 1, recall 5/10
        ({"a": [(0, 5)]}, {"a": [(0, 10)]}, (1.0, 0.5, 2 / 3)),
        # two of ours against one gold: P = (5/5 + 0/5) / 2, R = 5/10
        ({"a": [(0, 5), (20, 25)]}, {"a": [(0, 10)]}, (0.5, 0.5, 0.5)),
        # a flag in an article without gold lowers precision only
        ({"a": [(0, 10)], "b": [(0, 4)]}, {"a": [(0, 10)], "b": []}, (0.5, 1.0, 2 / 3)),
        ({"a": []}, {"a": [(0, 10)]}, (0.0, 0.0, 0.0)),
    ],
)
def test_span_precision_recall_f1(bench, pred, gold, expected):
    assert bench.span_prf(pred, gold) == pytest.approx(expected)


def test_a_ptc_article_keeps_raw_offsets(bench):
    import helpers

    raw = "Title here\n\nFirst line.\n  Second, indented.\n"
    article, offsets = bench.as_article(raw, "t", helpers)
    assert article.title == "Title here"
    assert article.paragraphs == ("First line.", "Second, indented.")
    for p, text in enumerate(article.paragraphs):
        assert raw[offsets[p + 1] : offsets[p + 1] + len(text)] == text


def test_ptc_report_breaks_precision_down_by_span_length(bench):
    import helpers

    raw = "Title here\nIt was a truly shameful decision. They lied.\n"
    gold = [(raw.index("shameful"), raw.index("shameful") + len("shameful decision"))]
    results = bench.report_ptc([("2", raw, gold)], helpers.find_loaded_terms, helpers)
    # "truly shameful decision" (3 words): 17 of its 23 characters annotated; "lied": none
    assert results["  words in span: 3+ (1 spans)"] == pytest.approx(
        (17 / 23, 1.0, 2 * (17 / 23) / (17 / 23 + 1))
    )
    assert results["  words in span: 1 (1 spans)"] == (0.0, 0.0, 0.0)
