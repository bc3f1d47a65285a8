"""analyze() and the command line: every table for any number of articles."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from helpers import (
    analyze,
    article_from_text,
    headline_check,
    headline_sentiment,
    load_article,
    story_arc,
    write_analysis,
)
from helpers.analysis import TABLE_NAMES

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
    result = run_cli(*articles, "--format", "json", "--out", tmp_path / "fresh", env=env)
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
    assert len(list((tmp_path / "out" / "putin-kim-summit-2023").glob("*.csv"))) == len(TABLE_NAMES)


def test_command_line_json(tmp_path):
    good = ROOT / "data/articles/putin-kim-summit-2023.md"
    result = run_cli(good, "--format", "json", "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "putin-kim-summit-2023.json").read_text(encoding="utf-8"))
    assert data["article"]["date"] == "2023-09-13"
    assert len(data["tables"]["quotes"]) == 12
    assert data["tables"]["quotes"][0]["speaker"] == "Dmitry Peskov"
