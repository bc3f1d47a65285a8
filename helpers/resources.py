"""Offline NLTK resources: VADER's lexicon and a Punkt sentence splitter, with no download.

* VADER (Hutto & Gilbert 2014, "VADER: A Parsimonious Rule-based Model for Sentiment
  Analysis of Social Media Text", ICWSM) is NLTK's ``SentimentIntensityAnalyzer``. It loads
  ``sentiment/vader_lexicon.zip`` through ``nltk.data``. When NLTK's own copy is installed
  it is used; otherwise the lexicon file shipped inside the ``vaderSentiment`` package (the
  authors' release) is zipped once into a cache folder that is put on ``nltk.data.path``.
  The cache is ``$READING_THE_NEWS_CACHE``, else ``$XDG_CACHE_HOME/reading-the-news``, else
  ``~/.cache/reading-the-news``, never the source tree.
* Punkt (Kiss & Strunk 2006) splits sentences. With NLTK's trained ``punkt_tab`` installed
  its English parameters are used; otherwise an untrained ``PunktSentenceTokenizer``. Both get
  the abbreviation list in ``data/lexicons/abbreviations.txt``.

Importing this module touches neither the network nor the disk; the work happens at first use.
"""

from __future__ import annotations

import importlib.util
import os
import tempfile
import zipfile
from functools import cache
from pathlib import Path

import nltk.data
from nltk.sentiment.vader import SentimentIntensityAnalyzer
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from .lexicons import lexicon_cache, lexicon_words

__all__ = [
    "cache_dir",
    "ensure_vader_lexicon",
    "sentence_tokenizer",
    "sentiment_analyzer",
    "abbreviations",
]

VADER_RESOURCE = "sentiment/vader_lexicon.zip"
_VADER_MEMBER = "vader_lexicon/vader_lexicon.txt"


def cache_dir() -> Path:
    """The per-user cache folder for derived resources (created on demand)."""
    explicit = os.environ.get("READING_THE_NEWS_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reading-the-news"


def _nltk_has(resource: str) -> bool:
    try:
        nltk.data.find(resource)
    except LookupError:
        return False
    return True


def _shipped_vader_lexicon() -> Path:
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "VADER's lexicon is not available: NLTK's 'vader_lexicon' is not installed and "
            "neither is the vaderSentiment package (pip install vaderSentiment)"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "vader_lexicon.txt"
    if not path.is_file():
        raise RuntimeError(f"{path}: the vaderSentiment package is missing its lexicon file")
    return path


@cache
def ensure_vader_lexicon() -> str:
    """Make ``sentiment/vader_lexicon.zip`` findable by ``nltk.data``; return where it is."""
    if _nltk_has(VADER_RESOURCE):
        return str(nltk.data.find(VADER_RESOURCE))
    root = cache_dir() / "nltk_data"
    target = root / "sentiment" / "vader_lexicon.zip"
    if not target.is_file():
        _write_zip_atomically(_shipped_vader_lexicon(), target)
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))
    return str(target)


def _write_zip_atomically(source: Path, target: Path) -> None:
    # Several worker processes may build the cache at once: each writes its own temporary
    # file and renames it into place, so no reader ever sees a half-written zip.
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".zip.tmp")
    try:
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
            archive.write(source, _VADER_MEMBER)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@cache
def sentiment_analyzer() -> SentimentIntensityAnalyzer:
    """NLTK's VADER analyser, working offline (one shared instance)."""
    ensure_vader_lexicon()
    return SentimentIntensityAnalyzer()


@lexicon_cache
def abbreviations() -> frozenset[str]:
    """Abbreviations (lower case, no final stop) that do not end a sentence."""
    return frozenset(lexicon_words("abbreviations.txt", lower=False))


@lexicon_cache
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """Punkt with the project's abbreviations; NLTK's trained English model if installed."""
    if _nltk_has("tokenizers/punkt_tab/english/"):
        from nltk.tokenize.punkt import PunktTokenizer

        tokenizer: PunktSentenceTokenizer = PunktTokenizer("english")
        tokenizer._params.abbrev_types.update(abbreviations())
        return tokenizer
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return PunktSentenceTokenizer(params)
