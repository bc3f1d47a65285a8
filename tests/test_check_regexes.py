"""The ReDoS check (``tools/check_regexes.py``, run by ``make lint``) finds what it must."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from helpers.names import NAME_CONNECTOR, NAME_TOKEN, TITLE_BEFORE_NAME
from helpers.quotemarks import DATELINE

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("check_regexes", ROOT / "tools/check_regexes.py")
check = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check)

# The speaker-name pattern and the dateline as they were before issue 13
OLD_NAME_TOKEN = r"[A-Z][\w’'\-]*(?:\.(?=[A-Z]))?(?:[\w’'\-]*)"
OLD_SPEAKER_AT_END = (
    rf"{TITLE_BEFORE_NAME}(?:{OLD_NAME_TOKEN}(?:\s+(?:(?:{NAME_CONNECTOR}|&)\s+(?:the\s+)?)?)?)+$"
)
OLD_DATELINE = (
    r"^(?:[A-Z][A-Z .'’\-]{2,}(?:,\s*[A-Z][\w .]{0,30}?)?\s*(?:\([^)]{1,40}\))?|\([^)]{1,40}\))"
    r"\s*[-–—]+\s+"
)
NEW_SPEAKER_AT_END = (
    rf"{TITLE_BEFORE_NAME}{NAME_TOKEN}"
    rf"(?:\s+(?:(?:{NAME_CONNECTOR}|&)\s+(?:the\s+)?)?{NAME_TOKEN})*$"
)


def _flagged(pattern: str) -> bool:
    return bool(check.findings({(pattern, 0): {"example.py:1"}}))


@pytest.mark.parametrize(
    "pattern",
    [r"(a+)+$", r"(\w+\s?)+$", r"^(\d+)*x", OLD_SPEAKER_AT_END, OLD_DATELINE],
    ids=["nested plus", "optional separator", "nested star", "old speaker name", "old dateline"],
)
def test_backtracking_patterns_are_flagged(pattern):
    assert _flagged(pattern)


@pytest.mark.parametrize(
    "pattern",
    [r"\w+\s+\w+$", r"(?:\w++\s?)+$", r"(?>a+)+$", NEW_SPEAKER_AT_END, DATELINE.pattern],
    ids=["plain", "possessive word", "atomic group", "speaker name", "dateline"],
)
def test_linear_patterns_pass(pattern):
    assert not _flagged(pattern)


def test_the_suite_has_no_backtracking_pattern():
    run = subprocess.run(
        [sys.executable, "tools/check_regexes.py"], cwd=ROOT, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no backtracking risk found" in run.stdout
