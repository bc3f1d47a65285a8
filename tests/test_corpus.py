"""Corpus mode: the same tables for many articles, with processes or on Dask."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import analyze, analyze_corpus

from .conftest import ROOT

ARTICLES = [
    ROOT / "data/articles/putin-kim-summit-2023.md",
    *sorted((ROOT / "data/articles/constructed").glob("*.md")),
]


@pytest.fixture(scope="module")
def serial():
    return analyze_corpus(ARTICLES, workers=1, progress=False)


def test_corpus_tables_have_an_article_column_and_match_analyze(serial):
    expected = {"putin-kim-summit-2023", "wire-neutral", "state-outlet-friendly", "tabloid-hawkish"}
    assert set(serial["quotes"].article) == expected
    single = analyze(ARTICLES[0])["quotes"]
    seed_rows = serial["quotes"][serial["quotes"].article == "putin-kim-summit-2023"]
    pd.testing.assert_frame_equal(seed_rows.drop(columns="article").reset_index(drop=True), single)


def test_processes_give_the_same_tables(serial):
    parallel = analyze_corpus(ARTICLES, workers=2, progress=False)
    for name in ("quotes", "stance", "loaded_terms", "frames"):
        pd.testing.assert_frame_equal(parallel[name], serial[name])


def test_a_bad_file_is_reported_and_skipped(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"\x00\x01binary")
    result = analyze_corpus([bad, ARTICLES[0]], workers=1, progress=False)
    assert result.errors.path.tolist() == [str(bad)]
    assert "binary" in result.errors.error.iloc[0]
    assert set(result["quotes"].article) == {"putin-kim-summit-2023"}


def test_streaming_writes_as_it_goes_and_keeps_nothing(tmp_path):
    result = analyze_corpus(ARTICLES[:2], workers=1, out=tmp_path, progress=False)
    assert result.tables == {}
    assert (tmp_path / "quotes" / "putin-kim-summit-2023.csv").is_file()
    assert len(result.written) == 2 * len(list((tmp_path).iterdir()))


def test_dask_local_cluster_gives_the_same_tables(serial):
    pytest.importorskip("dask.distributed")
    on_dask = analyze_corpus(ARTICLES, workers=2, engine="dask", progress=False)
    for name in ("quotes", "stance", "loaded_terms", "frames", "sentiment"):
        pd.testing.assert_frame_equal(on_dask[name], serial[name])
