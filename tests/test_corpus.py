"""Corpus mode: the same tables for many articles, with processes or on Dask."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from helpers import analyze, analyze_corpus
from helpers.analysis import CORPUS_TABLES, TABLE_NAMES

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


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "helpers", "analyze", *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )  # fmt: skip


def test_command_line_corpus_mode_on_a_folder(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for article in ARTICLES[1:]:  # the three constructed versions
        shutil.copy(article, folder / article.name)
    (folder / "bad.md").write_bytes(b"\x00\x01binary")
    (folder / "notes.csv").write_text("not an article")  # neither .md nor .txt: not read
    out = tmp_path / "out"
    result = run_cli(folder, "--workers", "2", "--out", out)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {folder / 'bad.md'}: looks like a binary file "
                      "(it contains NUL bytes), not text"]  # fmt: skip
    assert sorted(p.name for p in out.iterdir()) == [
        "state-outlet-friendly", "tabloid-hawkish", "wire-neutral",
    ]  # fmt: skip
    written = pd.read_csv(out / "wire-neutral" / "quotes.csv")
    expected = analyze(folder / "wire-neutral.md")["quotes"]
    assert written["speaker"].tolist() == expected["speaker"].tolist()
    assert sorted(p.stem for p in (out / "tabloid-hawkish").glob("*.csv")) == sorted(CORPUS_TABLES)


def test_command_line_parquet_needs_pyarrow(tmp_path):
    result = run_cli(ARTICLES[1], "--format", "parquet", "--out", tmp_path / "out")
    if importlib.util.find_spec("pyarrow") is None:
        assert result.returncode == 2
        assert "needs pyarrow" in result.stderr and "pip install pyarrow" in result.stderr
        assert not (tmp_path / "out").exists()
    else:
        assert result.returncode == 0, result.stderr
        table = pd.read_parquet(tmp_path / "out" / "wire-neutral" / "quotes.parquet")
        assert not table.empty


def test_only_the_asked_tables_are_computed(serial):
    assert list(serial.tables) == list(CORPUS_TABLES)  # the default set
    with pytest.raises(KeyError, match="was not computed"):
        serial["voices"]
    asked = analyze_corpus(ARTICLES[:2], workers=1, progress=False, tables=["voices", "stance"])
    assert list(asked.tables) == ["voices", "stance"]
    every = analyze_corpus(ARTICLES[:1], workers=1, progress=False, tables="all")
    assert list(every.tables) == list(TABLE_NAMES)


def test_unknown_tables_are_refused_by_name():
    with pytest.raises(ValueError, match="unknown table.*'votes'"):
        analyze_corpus(ARTICLES[:1], workers=1, progress=False, tables=["votes"])
    result = run_cli(ARTICLES[1], "--tables", "votes", "--out", ROOT / "never-written")
    assert result.returncode == 2 and "'votes'" in result.stderr
    assert not (ROOT / "never-written").exists()


def test_command_line_writes_the_asked_tables(tmp_path):
    result = run_cli(ARTICLES[1], "--tables", "arc", "voices", "--out", tmp_path, "--workers", 1)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / ARTICLES[1].stem).iterdir()) == [
        "arc.csv", "voices.csv",
    ]  # fmt: skip
