"""VADER and Punkt must work with no download and no network."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import zipfile

from helpers import sentiment_analyzer

NO_NETWORK = """
import socket
def refuse(*args, **kwargs):
    raise AssertionError("network access attempted")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""


def run_isolated(code: str, tmp_path, **env_extra) -> subprocess.CompletedProcess:
    """Run ``code`` in a fresh interpreter with no network and empty NLTK data folders."""
    env = {
        **os.environ,
        "HOME": str(tmp_path / "home"),  # hides ~/nltk_data
        "NLTK_DATA": str(tmp_path / "no-nltk-data"),
        "READING_THE_NEWS_CACHE": str(tmp_path / "cache"),
        **env_extra,
    }
    script = NO_NETWORK + textwrap.dedent(code)
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )


def test_vader_works_offline_from_the_shipped_lexicon(tmp_path):
    result = run_isolated(
        """
        import helpers
        where = helpers.ensure_vader_lexicon()
        scores = helpers.sentiment_analyzer().polarity_scores("A terrible, terrifying war.")
        print(where)
        print(scores["compound"])
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    where, compound = result.stdout.split()
    assert where.startswith(str(tmp_path / "cache"))
    assert float(compound) < -0.5
    with zipfile.ZipFile(where) as archive:
        assert archive.namelist() == ["vader_lexicon/vader_lexicon.txt"]


def test_importing_helpers_writes_nothing(tmp_path):
    result = run_isolated("import helpers; helpers.sentences", tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "cache").exists()


def test_sentence_splitting_needs_no_nltk_data(tmp_path):
    result = run_isolated(
        "from helpers import split_sentences; print(len(split_sentences('Mr. A left. B came.')))",
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "2"


def test_vader_scores_as_published():
    # Values from NLTK's VADER on its lexicon: "good" is +1.9 in vader_lexicon.txt.
    scores = sentiment_analyzer().polarity_scores("good")
    assert scores == {"neg": 0.0, "neu": 0.0, "pos": 1.0, "compound": 0.4404}
