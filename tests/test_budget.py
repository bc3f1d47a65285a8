"""The time budget per article: a slow article is stopped, named and skipped; the rest go on."""

from __future__ import annotations

import re
import threading
import time

import pytest

import helpers.corpus
from helpers import AnalysisTimeout, ArticleError, analyze_corpus, time_budget
from helpers.__main__ import main

from .conftest import ROOT

SEED = ROOT / "data/articles/putin-kim-summit-2023.md"
WIRE = ROOT / "data/articles/constructed/wire-neutral.md"


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_a_block_within_its_budget_runs_to_the_end():
    with time_budget(5, path="a.md"):
        _spin(0.01)


@pytest.mark.parametrize("seconds", [None, 0])
def test_no_budget_means_no_limit(seconds):
    with time_budget(seconds, path="a.md"):
        _spin(0.05)


def test_a_slow_block_is_stopped_with_the_article_named():
    with pytest.raises(AnalysisTimeout) as caught, time_budget(0.2, path="slow.md"):
        _spin(10)
    assert isinstance(caught.value, ArticleError)
    assert caught.value.path == "slow.md" and "0.2 s" in caught.value.problem


def test_a_runaway_regular_expression_is_stopped_too():
    # a deliberately catastrophic pattern: the engine checks for the alarm while it matches
    with pytest.raises(AnalysisTimeout), time_budget(0.3, path="regex.md"):
        re.search(r"(a+)+$", "a" * 60 + "!")


def test_the_budget_is_cleared_after_the_block():
    with time_budget(0.2, path="a.md"):
        pass
    _spin(0.4)  # an alarm left armed would fire here


def test_a_budget_in_another_thread_stops_python_code():
    outcome = {}

    def work():
        try:
            with time_budget(0.2, path="thread.md"):
                _spin(10)
        except AnalysisTimeout as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    thread.join(20)
    assert not thread.is_alive() and outcome["error"].path == "thread.md"


def _slow_for_one(slow_name: str):
    real = helpers.corpus.analyze

    def analyze(article):
        if str(article.path).endswith(slow_name):
            _spin(30)
        return real(article)

    return analyze


@pytest.mark.parametrize("workers", [1, 2])
def test_analyze_corpus_skips_an_article_over_its_budget(monkeypatch, workers):
    # worker processes are forked, so they inherit the slowed-down analysis
    monkeypatch.setattr(helpers.corpus, "analyze", _slow_for_one("wire-neutral.md"))
    result = analyze_corpus([SEED, WIRE], workers=workers, progress=False, timeout=1)
    assert result.errors["path"].tolist() == [str(WIRE)]
    assert "time budget of 1 s" in result.errors["error"][0]
    assert set(result["quotes"]["article"]) == {"putin-kim-summit-2023"}


def test_the_command_line_reports_a_time_out_and_goes_on(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(helpers.corpus, "analyze", _slow_for_one("wire-neutral.md"))
    code = main(["analyze", str(SEED), str(WIRE), "--out", str(tmp_path), "--workers", "1"]
                + ["--timeout", "1"])  # fmt: skip
    out, err = capsys.readouterr()
    assert code == 1
    assert err.splitlines() == [
        f"error: {WIRE}: the analysis took longer than its time budget of 1 s and was stopped "
        "(skipped; change the budget with --timeout or timeout=)"
    ]
    assert "1 of 2 articles analysed" in out
    assert (tmp_path / "putin-kim-summit-2023").is_dir()
    assert not (tmp_path / "wire-neutral").exists()


def test_the_command_line_refuses_a_negative_budget(capsys):
    assert main(["analyze", str(SEED), "--timeout", "-1"]) == 2
    assert "--timeout" in capsys.readouterr().err
