"""Where the project's data lives.

``data/`` sits beside ``helpers/`` in the repository (the package is installed in editable
mode). ``READING_THE_NEWS_DATA`` points elsewhere, e.g. to a teacher's own copy of the
lexicons.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = [
    "DATA_DIR",
    "LEXICON_DIR",
    "ARTICLES_DIR",
    "DEFAULT_ARTICLE",
    "NOTEBOOKS_DIR",
    "data_dir",
    "lexicon_path",
]


def data_dir() -> Path:
    """The ``data/`` folder: ``$READING_THE_NEWS_DATA`` or the repository's own."""
    override = os.environ.get("READING_THE_NEWS_DATA")
    return Path(override) if override else Path(__file__).resolve().parent.parent / "data"


DATA_DIR = data_dir()
LEXICON_DIR = DATA_DIR / "lexicons"
ARTICLES_DIR = DATA_DIR / "articles"
DEFAULT_ARTICLE = ARTICLES_DIR / "putin-kim-summit-2023.md"
#: The notebooks sit beside ``helpers/`` in the repository.
NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def lexicon_path(name: str) -> Path:
    """Path of a file in ``data/lexicons``; a clear error (a ``LexiconError``, which is a
    ``FileNotFoundError`` too) if it is missing."""
    from .lexicons import lexicon_file  # lexicons imports this module

    return lexicon_file(name)
