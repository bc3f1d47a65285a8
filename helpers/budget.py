"""A time budget for one article's analysis, so that no article can stall a corpus run.

Every rule of the suite is linear in the length of the text (``tools/check_regexes.py``
checks the regular expressions, ``tests/test_growth.py`` the cost of whole analyses), so a
budget is a safety net, not a limit that normal articles meet: the seed takes well under a
second and a 5 MB article about three minutes. :func:`helpers.analyze_corpus` and
``python -m helpers analyze --timeout SECONDS`` give each article :data:`DEFAULT_TIMEOUT`
seconds for every :data:`BUDGET_CHARACTERS` characters of text, and at least that much (see
:func:`article_budget`); an article over its budget is reported on one line with its name,
like a bad file, and the run goes on.

How the budget is enforced: in a process's main thread (a corpus worker, the command line, a
notebook kernel) a ``SIGALRM`` timer raises :class:`AnalysisTimeout` where the analysis is,
even inside a long regular-expression match (the ``re`` engine checks for signals). In
another thread (a Dask worker runs tasks in threads) the exception is delivered to that
thread between two Python steps (``PyThreadState_SetAsyncExc``).
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .article import ArticleError

__all__ = [
    "AnalysisTimeout",
    "BUDGET_CHARACTERS",
    "DEFAULT_TIMEOUT",
    "article_budget",
    "time_budget",
]

#: Seconds an article may take in corpus mode, for every ``BUDGET_CHARACTERS`` of its text:
#: generous (the seed, 3,238 characters, takes a fraction of a second; real news articles from
#: the peer corpora at most a few seconds), so that only an article that would not finish at
#: all is skipped. ``None`` or ``0`` turns the budget off.
DEFAULT_TIMEOUT = 60.0

#: The length that one ``timeout`` covers: a news article is shorter, so it has the plain
#: ``timeout``; a book-length file (5 MB) gets fifty times as long, in proportion to its size,
#: since the analysis is linear in the length of the text.
BUDGET_CHARACTERS = 100_000


def article_budget(timeout: float | None, n_characters: int) -> float | None:
    """Seconds for an article of ``n_characters``: ``timeout`` per ``BUDGET_CHARACTERS``.

    >>> article_budget(60, 7_000), article_budget(60, 5_000_000), article_budget(None, 10)
    (60.0, 3000.0, None)
    """
    if not timeout or timeout <= 0:
        return None
    return float(timeout) * max(1.0, n_characters / BUDGET_CHARACTERS)


class AnalysisTimeout(ArticleError):
    """The analysis of one article went over its time budget (``path``, ``problem``)."""

    def __init__(self, path: str | Path, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            path,
            f"the analysis took longer than its time budget of {seconds:g} s and was stopped "
            "(skipped; change the budget with --timeout or timeout=)",
        )

    def __reduce__(self):
        return (type(self), (self.path, self.seconds))


@contextmanager
def time_budget(seconds: float | None, *, path: str | Path = "<article>") -> Iterator[None]:
    """Raise :class:`AnalysisTimeout` in the block if it runs longer than ``seconds``.

    >>> with time_budget(5, path="a.md"):
    ...     total = sum(range(1000))
    >>> total
    499500
    """
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        with _alarm(seconds, path):
            yield
    else:
        with _thread_alarm(seconds, path):
            yield


@contextmanager
def _alarm(seconds: float, path: str | Path) -> Iterator[None]:
    def expired(signum, frame):
        raise AnalysisTimeout(path, seconds)

    previous_handler = signal.signal(signal.SIGALRM, expired)
    previous_delay, previous_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_delay:  # an outer timer keeps running (nested budgets)
            signal.setitimer(signal.ITIMER_REAL, previous_delay, previous_interval)


@contextmanager
def _thread_alarm(seconds: float, path: str | Path) -> Iterator[None]:
    target = threading.get_ident()
    lock = threading.Lock()
    state = {"inside": True}

    class _Expired(AnalysisTimeout):  # async exceptions are raised by class, not instance
        def __init__(self) -> None:
            super().__init__(path, seconds)

    def expire() -> None:
        with lock:
            if state["inside"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(
                    ctypes.c_ulong(target), ctypes.py_object(_Expired)
                )

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    except _Expired:
        raise AnalysisTimeout(path, seconds) from None
    finally:
        with lock:
            state["inside"] = False
        timer.cancel()
