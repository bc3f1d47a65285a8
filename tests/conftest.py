"""Shared fixtures: the seed article, and a private cache so tests never touch ~/.cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DEFAULT_ARTICLE, load_article

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_TXT = FIXTURES / "000_a345f3a04e4062ef.txt"


@pytest.fixture(scope="session")
def seed():
    return load_article(DEFAULT_ARTICLE)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: to prove that nothing was written."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }
