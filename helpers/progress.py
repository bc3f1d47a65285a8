"""Progress on long articles: a long analysis says what it is doing instead of going silent.

A news article takes a fraction of a second, but a long file (a report, a transcript, a
book-length dump of a website) can take a minute, and a notebook cell that shows nothing for a
minute looks frozen. For an article of at least :data:`LONG_ARTICLE` characters, each step of
the analysis (the attribution of who speaks, and each table as it is first computed) prints one
line when it starts and the seconds it took when it ends; a short article prints nothing.

    Long article (412,318 characters):
    the quotes table ...
      who speaks (the attribution) ...
      ... who speaks (the attribution): 21.4 s
    ... the quotes table: 21.5 s

The lines go to standard error, which Jupyter shows under the cell as they come (and a report
of a long article keeps, as a record of what took time). ``Analysis.compute(progress=True)``
shows a progress bar over the tables instead (tqdm).
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from .article import Article

__all__ = ["LONG_ARTICLE", "is_long", "step"]

#: Characters from which an article's analysis reports its steps: about thirty times the seed
#: (3,238 characters of body), where one step starts to take seconds rather than a blink.
LONG_ARTICLE = 100_000


def is_long(article: Article) -> bool:
    """Whether ``article`` is long enough for its analysis to report progress.

    >>> from helpers import article_from_text
    >>> is_long(article_from_text("H\\n\\nShort."))
    False
    """
    return article.n_characters >= LONG_ARTICLE


@contextmanager
def step(article: Article, what: str) -> Iterator[None]:
    """Report the start and the duration of one step of a long article's analysis (nothing
    for a short article, or when ``what`` is empty)."""
    if not what or not is_long(article):
        yield
        return
    depth = getattr(_state, "depth", 0)
    indent = "  " * depth
    if depth == 0 and getattr(_state, "headed", None) is not article:
        print(f"Long article ({article.n_characters:,} characters):", file=sys.stderr, flush=True)
        _state.headed = article  # once per article, not once per table
    print(f"{indent}{what} ...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    _state.depth = depth + 1
    try:
        yield
    finally:
        _state.depth = depth
    seconds = time.perf_counter() - start
    print(f"{indent}... {what}: {seconds:.1f} s", file=sys.stderr, flush=True)


_state = threading.local()  # per thread: how deep the current step is, the article headed
