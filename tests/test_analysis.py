"""analyze() and the command line: every table, on demand, for any number of articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

import helpers.analysis as analysis_module
from helpers import (
    ArticleError,
    analyze,
    article_from_text,
    headline_check,
    headline_sentiment,
    load_article,
    story_arc,
    write_analysis,
)
from helpers.analysis import CORPUS_TABLES, TABLE_NAMES, tables_eagerly

from .conftest import ROOT


def test_analyze_returns_every_table(seed):
    result = analyze(seed)
    assert tuple(result.tables) == TABLE_NAMES
    assert result["quotes"].equals(result.tables["quotes"])
    assert len(result["quotes"]) == 12


def test_analyze_is_deterministic(seed):
    first, again = analyze(seed), analyze(seed)
    for name in TABLE_NAMES:
        assert first[name].equals(again[name]), name


@pytest.mark.parametrize("hash_seed", ["1", "2"])
def test_a_fresh_process_gives_the_same_tables(tmp_path, hash_seed):
    """Every table, written by a new process whose string hashes (so set order) differ from
    this one's, is byte for byte what this process writes: nothing depends on set or dict
    order, time or unseeded randomness."""
    articles = [ROOT / "data/articles/putin-kim-summit-2023.md",
                ROOT / "data/articles/constructed/tabloid-hawkish.md"]  # fmt: skip
    for path in articles:
        write_analysis(analyze(load_article(path)), tmp_path / "here", fmt="json")
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = run_cli(
        *articles, "--tables", "all", "--format", "json", "--out", tmp_path / "fresh", env=env
    )
    assert result.returncode == 0, result.stderr
    for path in articles:
        name = f"{load_article(path).slug}.json"
        here = json.loads((tmp_path / "here" / name).read_text(encoding="utf-8"))
        fresh = json.loads((tmp_path / "fresh" / name).read_text(encoding="utf-8"))
        for table in TABLE_NAMES:
            assert fresh["tables"][table] == here["tables"][table], (name, table)
        assert fresh == here


def test_headline_check_on_the_seed(seed):
    table = headline_check(seed).set_index("word")
    assert table.loc["terrifying", "category"] == "loaded language"
    assert not table.loc["terrifying", "in_body"]  # only the headline says "terrifying"
    assert table.loc["terrifying", "headline_names"] == ["Kim Jong-un", "Vladimir Putin"]
    assert table.loc["warning", "body_subjects"] == ["Kim Jong-un"]  # the body gives it to Kim


def test_headline_sentiment_and_arc(seed):
    sentiment = headline_sentiment(seed).set_index("part")
    assert (
        sentiment.loc["headline", "mean_vader"]
        < sentiment.loc["body: the outlet's narration", "mean_vader"]
        < 0
    )
    arc = story_arc(seed)
    assert set(arc.paragraph) == set(range(17))
    assert set(arc.voice) == {"the outlet", "quoted speakers"}


def test_tiny_article_gives_empty_but_valid_tables():
    result = analyze(article_from_text("Calm\n\nNothing happened today."))
    assert result["quotes"].empty and result["stance"].empty
    assert list(result["frames"].frame)[:1] == ["conflict"]


def run_cli(*args, cwd=ROOT, env=None):
    return subprocess.run(
        [sys.executable, "-m", "helpers", "analyze", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=300, env=env,
    )  # fmt: skip


def test_command_line_goes_on_after_a_bad_file(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("")
    good = ROOT / "data/articles/putin-kim-summit-2023.md"
    result = run_cli(empty, tmp_path / "missing.md", good, "--out", tmp_path / "out")
    assert result.returncode == 1
    assert f"error: {empty}: is empty" in result.stderr
    assert "missing.md: no such file" in result.stderr
    assert (tmp_path / "out" / "putin-kim-summit-2023" / "quotes.csv").is_file()
    written = {p.stem for p in (tmp_path / "out" / "putin-kim-summit-2023").glob("*.csv")}
    assert written == set(CORPUS_TABLES)  # the default set


def test_command_line_json(tmp_path):
    good = ROOT / "data/articles/putin-kim-summit-2023.md"
    result = run_cli(good, "--format", "json", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "putin-kim-summit-2023.json").read_text(encoding="utf-8"))
    assert data["article"]["date"] == "2023-09-13"
    assert len(data["tables"]["quotes"]) == 12
    assert data["tables"]["quotes"][0]["speaker"] == "Dmitry Peskov"


# -- tables on demand -------------------------------------------------------------------------

ARTICLE_FILES = sorted(
    p
    for folder in (ROOT / "data" / "articles", ROOT / "tests" / "fixtures")
    for p in folder.rglob("*")
    if p.suffix in (".md", ".txt")
)


def _loadable(paths):
    for path in paths:
        try:
            yield load_article(path)
        except ArticleError:
            continue


def test_lazy_tables_are_exactly_the_eager_ones():
    """Every table, read on demand in two orders, equals the eager construction (the code
    path analyze() had before it was lazy), on every shipped and fixture article."""
    articles = list(_loadable(ARTICLE_FILES))
    assert len(articles) >= 60
    for article in articles:
        eager = tables_eagerly(article)
        assert tuple(eager) == TABLE_NAMES
        forward, backward = analyze(article), analyze(article)
        for name in reversed(TABLE_NAMES):
            backward[name]
        for name in TABLE_NAMES:
            for lazy in (forward, backward):
                pd.testing.assert_frame_equal(lazy[name], eager[name], check_exact=True)


def test_nothing_is_computed_until_read(seed):
    result = analyze(seed)
    assert result.tables.computed == ()
    result["stance"]
    assert result.tables.computed == ("targets", "stance", "stance_evidence")
    assert "stance" in repr(result)


@pytest.fixture
def counted(monkeypatch):
    """How often each table or intermediate of an Analysis is built."""
    calls: dict[str, int] = {}

    def counting(name, build):
        def wrapper(analysis):
            calls[name] = calls.get(name, 0) + 1
            return build(analysis)

        return wrapper

    for name, build in list(analysis_module._PARTS.items()):
        monkeypatch.setitem(analysis_module._PARTS, name, counting(name, build))
    return calls


def test_every_intermediate_is_computed_once(seed, counted):
    result = analyze(seed)
    for name in (*TABLE_NAMES, *TABLE_NAMES):
        result[name]
    assert counted == dict.fromkeys(analysis_module._PARTS, 1)


def test_textblob_runs_only_for_its_columns(seed, monkeypatch):
    import helpers.sentiment

    def refuse(*_args):
        raise AssertionError("TextBlob was run")

    # the port of TextBlob's scorer (its tokeniser included): what sentiment_units runs
    monkeypatch.setattr(helpers.sentiment, "_pattern_score", refuse)
    result = analyze(seed)
    for name in TABLE_NAMES:
        if name != "sentiment_units":
            result[name]
    with pytest.raises(AssertionError, match="TextBlob was run"):
        result["sentiment_units"]


def test_a_changed_lexicon_rebuilds_the_tables(seed, counted, monkeypatch):
    result = analyze(seed)
    result["quotes"]
    result["quotes"]
    assert counted["quotes"] == 1
    monkeypatch.setattr(analysis_module.lexicons, "lexicons_version", lambda: -1)
    result["quotes"]
    assert counted["quotes"] == 2


def test_unknown_table_names():
    result = analyze(article_from_text("Calm\n\nNothing happened today."))
    with pytest.raises(KeyError, match="no table 'votes'"):
        result["votes"]
    with pytest.raises(ValueError, match="unknown table"):
        result.compute(["votes"])
    assert list(result.compute(["arc", "quotes"]).tables) == ["quotes", "arc"]


def test_what_the_tables_loaded_is_frozen_once(monkeypatch):
    """The first time a table is built with a version of the word lists, what is alive is
    moved out of the garbage collector's sight; the second time, nothing is collected."""
    import gc

    calls = []
    monkeypatch.setattr(analysis_module, "_frozen", set())
    monkeypatch.setattr(gc, "collect", lambda: calls.append("collect"))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    analyze(article_from_text("H\n\nA calm day."))["stance"]
    assert calls == ["collect", "freeze"]  # once for stance, not for its intermediates
    analyze(article_from_text("H\n\nA calm day again."))["stance"]
    assert calls == ["collect", "freeze"]
