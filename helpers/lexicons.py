"""The curated word lists in ``data/lexicons/``: reading them, and one cache for all they give.

Every list is a plain CSV or text file a teacher can open, argue with and edit (what each
holds, where its entries come from and its licence: ``data/lexicons/README.md``).

**One cache that sees every edit.** Everything computed from a word list (the lists
themselves, the regexes built from them, the attribution of an article, which reads the
reporting verbs and speaker nouns) is cached with :func:`lexicon_cache`. The cache is keyed by
the *version* of the folder: the name, modification time (ns) and size of each of its data
files (every file but the Markdown documentation), and the folder's own path (so that
``$READING_THE_NEWS_DATA`` pointing elsewhere counts as a change). When the version differs
from the one last seen, every such cache starts again: a student who adds a word to
``loaded_terms.csv`` sees it on the next run of a cell, without restarting the kernel.

Looking at the folder costs one ``stat`` per file (40-90 µs for the 15 files on a shared
machine), so it is done once per computation, not once per word-list call:
:func:`lexicons_held` opens a block in which the version is taken as fixed (one article's
tables are computed from one version of the lists), and a cached function called outside
such a block opens one for itself (its whole computation, and every cached function it calls,
uses the version seen at its start), looking again only if the last look is older than
:data:`RECHECK_SECONDS` (50 ms): the suite's inner functions, called one by one (a benchmark
of the attribution, a test of one rule), do not look at the folder thousands of times per
article. Public table functions and ``analyze()`` always look when they start. Inside a block
a cached call costs a comparison of two integers more than ``functools.cache`` (about 0.1 µs
against 0.03 µs); outside one, between two looks, about 0.2 µs. The limit of keying by
modification time and size: an edit that keeps a file's size and lands within the same tick
of the file system's clock as the previous write (a few milliseconds) is not seen; an editor
and a student are far slower than that. :func:`lexicons_fingerprint` hashes the contents.

**Clear errors.** A missing file or a CSV without the columns its loader needs raises
:class:`LexiconError`, naming the file and what is wrong.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import os
import time
from collections.abc import Callable
from contextlib import ContextDecorator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .paths import data_dir

__all__ = [
    "LexiconError",
    "ReportingVerb",
    "reporting_verbs",
    "speaker_nouns",
    "gazetteer",
    "org_words",
    "place_prefixes",
    "lexicon_dir",
    "lexicon_file",
    "lexicon_rows",
    "lexicon_words",
    "lexicon_cache",
    "lexicons_held",
    "lexicons_changed",
    "lexicons_version",
    "lexicons_fingerprint",
]

F = TypeVar("F", bound=Callable[..., Any])


class LexiconError(ValueError):
    """A word list in ``data/lexicons`` is missing or lacks columns its loader needs."""


class LexiconMissingError(LexiconError, FileNotFoundError):
    """A word list file is missing."""


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str
    form: str
    connotation: str
    #: ``yes`` (a clause or a quotation), ``quote`` (only beside a quotation),
    #: ``question`` (a quotation or a whether/if/wh- clause), ``clause`` (only with "that").
    needs: str
    #: whether the ``-ing`` form reports speech (", adding that …") or, like "suggesting",
    #: is usually the writer's own inference.
    gerund_reports: bool
    #: whether the verb often takes a plain noun object ("admitted 14 counts", "confirmed
    #: the deal"), so that a quoted phrase after it is speech only inside a real clause.
    takes_noun_object: bool
    #: whether the verb names its audience before the content ("told reporters that",
    #: "informed the exchanges that", "warned investors that").
    names_audience: bool
    explanation: str


def lexicon_dir() -> Path:
    """The folder of the word lists: ``data/lexicons`` of :func:`helpers.paths.data_dir`."""
    return data_dir() / "lexicons"


def lexicon_file(name: str) -> Path:
    """Path of a word list, or a :class:`LexiconError` naming it when it is missing."""
    path = lexicon_dir() / name
    if not path.is_file():
        raise LexiconMissingError(
            f"{path}: word list is missing (is the repository complete, or "
            "$READING_THE_NEWS_DATA pointing to a copy without it?)"
        )
    return path


def lexicon_rows(name: str, *, columns: tuple[str, ...] | list[str]) -> list[dict[str, str]]:
    """The rows of a CSV word list (lines starting with ``#`` are comments), each value
    stripped; ``columns`` are the ones the caller needs (a :class:`LexiconError` names the
    file and the missing ones). Other columns are kept; an empty cell is ``""``.

    >>> lexicon_rows("frame_questions.csv", columns=["frame", "question"])[0]["frame"]
    'conflict'
    """
    path = lexicon_file(name)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(line for line in handle if not line.startswith("#"))
        header = reader.fieldnames or []
        missing = [c for c in columns if c not in header]
        if missing:
            raise LexiconError(
                f"{path}: missing column(s) {', '.join(missing)} "
                f"(the header has: {', '.join(header) or 'nothing'})"
            )
        return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def lexicon_words(name: str, *, lower: bool = True) -> list[str]:
    """The entries of a one-per-line word list (blank lines and ``#`` comments skipped),
    stripped and, with ``lower``, lower-cased, in file order.

    >>> "the" in lexicon_words("stopwords_en.txt")
    True
    """
    lines = lexicon_file(name).read_text(encoding="utf-8").splitlines()
    words = [w.strip() for w in lines if w.strip() and not w.startswith("#")]
    return [w.lower() for w in words] if lower else words


# ----------------------------------------------------------------------------------------
# The cache
# ----------------------------------------------------------------------------------------
#: Seconds during which a cached function called from inside the suite's code (outside any
#: :func:`lexicons_held` block) trusts the folder's last look instead of looking again: the
#: attribution alone calls the speaker-noun and verb lists thousands of times per article.
#: Public table functions, ``analyze()`` and :func:`lexicons_changed` always look.
RECHECK_SECONDS = 0.05
_seen: tuple | None = None  # the folder's version as last looked at
_looked_at = float("-inf")  # when (time.monotonic) it was looked at
_generation = 0  # counts the versions seen; what the caches compare
_held = 0


def _look() -> tuple:
    """The folder's version: its path, and each data file's name, mtime (ns) and size, by
    name (one directory scan, no path objects: it runs once per article analysed)."""
    folder = lexicon_dir()
    files = []
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.endswith(".md"):
                    continue
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                files.append((entry.name, stat.st_mtime_ns, stat.st_size))
    except OSError:
        files = []
    files.sort()
    return (str(folder), *files)


def lexicons_changed() -> bool:
    """Look at ``data/lexicons``; True if it changed since it was last looked at (every
    :func:`lexicon_cache` then starts again). Inside :func:`lexicons_held`: False, unlooked.
    """
    global _seen, _generation, _looked_at
    if _held:
        return False
    version = _look()
    _looked_at = time.monotonic()
    if version == _seen:
        return False
    _seen = version
    _generation += 1
    return True


class _Held(ContextDecorator):
    """``with lexicons_held():`` or ``@lexicons_held()`` (a class, not a generator: it is
    entered by every public table function)."""

    def __enter__(self) -> None:
        global _held
        if not _held:
            lexicons_changed()
        _held += 1

    def __exit__(self, *_exc) -> None:
        global _held
        _held -= 1


_HOLD = _Held()


def lexicons_held() -> _Held:
    """Within this block the word lists are not looked at again: one article's tables
    (``analyze``) are computed with one version of the lists, and the folder is looked at
    once instead of once per table. The folder is looked at when the outermost block opens.
    As a decorator (``@lexicons_held()``) it holds the lists for each call of a function.

    >>> with lexicons_held():
    ...     lexicons_version() == lexicons_version()
    True
    """
    return _HOLD


def lexicons_version() -> int:
    """A number that changes whenever a word list changes (looked at now, unless inside
    :func:`lexicons_held`): what was computed under another number is out of date."""
    if not _held:
        lexicons_changed()
    return _generation


def lexicon_cache(function: F | None = None, *, maxsize: int | None = None) -> F:
    """``functools.cache`` (or ``lru_cache(maxsize)``) for anything computed from the word
    lists, emptied when they change (see the module docstring). ``cache_clear`` and
    ``cache_info`` work as for ``functools``.

    >>> @lexicon_cache
    ... def n_stopwords():
    ...     return len(lexicon_words("stopwords_en.txt"))
    >>> n_stopwords() == n_stopwords() > 100
    True
    """

    def decorate(function: F) -> F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        seen = [-1]  # the generation the cached values belong to

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            global _held
            if _held:
                if seen[0] != _generation:
                    cached.cache_clear()
                    seen[0] = _generation
                return cached(*args, **kwargs)
            # outside a block: hold the lists for this call, looking at the folder if the last
            # look is RECHECK_SECONDS old (inline: called thousands of times per article)
            if time.monotonic() - _looked_at >= RECHECK_SECONDS:
                lexicons_changed()
            _held += 1
            try:
                if seen[0] != _generation:
                    cached.cache_clear()
                    seen[0] = _generation
                return cached(*args, **kwargs)
            finally:
                _held -= 1

        wrapper.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        wrapper.cache_info = cached.cache_info  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate(function) if function is not None else decorate  # type: ignore[return-value]


@lexicons_held()  # looks at the folder on every call (it is no inner function)
@lexicon_cache
def lexicons_fingerprint() -> str:
    """A SHA-256 of the word lists' names and contents (the Markdown documentation left out):
    the same lists give the same fingerprint on any machine, an edit another one (a key for
    a cache kept on disk)."""
    digest = hashlib.sha256()
    folder = lexicon_dir()
    for name in sorted(os.listdir(folder)) if folder.is_dir() else []:
        if not name.endswith(".md") and (folder / name).is_file():
            digest.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    return digest.hexdigest()


# ----------------------------------------------------------------------------------------
# The loaders shared by several modules
# ----------------------------------------------------------------------------------------
@lexicon_cache
def reporting_verbs() -> dict[str, ReportingVerb]:
    """Every inflected form (``said``, ``points out``) mapped to its verb entry."""
    verbs = {}
    for row in lexicon_rows(
        "reporting_verbs.csv",
        columns=(
            "lemma",
            "forms",
            "connotation",
            "needs_clause_or_quote",
            "gerund_reports",
            "explanation",
        ),
    ):
        for form in row["forms"].split("|"):
            verbs[form] = ReportingVerb(
                lemma=row["lemma"],
                form=form,
                connotation=row["connotation"],
                needs=row["needs_clause_or_quote"],
                gerund_reports=row["gerund_reports"] == "yes",
                takes_noun_object=row.get("takes_noun_object") == "yes",
                names_audience=row.get("names_audience") == "yes",
                explanation=row["explanation"],
            )
    return verbs


@lexicon_cache
def speaker_nouns() -> dict[str, dict[str, str]]:
    """Nouns that can head a speaker phrase: ``{noun or plural: {kind, gender, number}}``.

    ``kind`` is ``role`` (a person's job: minister, coach), ``institution`` (ministry,
    company) or ``anonymous`` (officials, sources); the plural has ``plural_kind`` when the
    file gives one ("the official" is a role, "officials" anonymous). ``generic`` is ``"yes"``
    for nouns such as *company* or *club*, where "the company" means the organisation named
    last. Each noun is listed once (``data/lexicons/README.md`` gives the rules).

    >>> nouns = speaker_nouns()
    >>> nouns["official"]["kind"], nouns["officials"]["kind"], nouns["officials"]["number"]
    ('role', 'anonymous', 'plural')
    """
    nouns: dict[str, dict[str, str]] = {}
    for row in lexicon_rows("speaker_nouns.csv", columns=("noun", "plural", "kind", "gender")):
        entry = {
            "kind": row["kind"],
            "gender": row["gender"],
            "generic": row.get("generic", ""),
            "number": "singular",
        }
        nouns.setdefault(row["noun"].lower(), entry)
        if row["plural"]:
            kind = row.get("plural_kind") or row["kind"]
            nouns.setdefault(row["plural"].lower(), {**entry, "kind": kind, "number": "plural"})
    return nouns


@lexicon_cache
def gazetteer() -> dict[str, dict[str, str]]:
    """Known places and organisations: ``{lower-cased name or alias: {name, kind, type}}``.

    ``type`` is ``place`` or ``organisation``; ``kind`` is the file's own (country, city,
    government, media ...). Demonyms map to their place with ``type`` ``demonym``.
    """
    names: dict[str, dict[str, str]] = {}
    for row in lexicon_rows("places.csv", columns=("name", "kind")):
        entry = {"name": row["name"], "kind": row["kind"], "type": "place"}
        for alias in [row["name"], *filter(None, row.get("aliases", "").split("|"))]:
            names.setdefault(alias.lower(), entry)
        for demonym in filter(None, row.get("demonyms", "").split("|")):
            names.setdefault(demonym.lower(), {**entry, "type": "demonym"})
    for row in lexicon_rows("organisations.csv", columns=("name", "kind")):
        entry = {
            "name": row["name"],
            "kind": row["kind"],
            "type": "organisation",
            "country": row.get("country", ""),
        }
        for alias in [row["name"], *filter(None, row.get("aliases", "").split("|"))]:
            names.setdefault(alias.lower(), entry)
    return names


@lexicon_cache
def org_words() -> frozenset[str]:
    """Capitalised head words that make a name an organisation, facility or place."""
    return frozenset(row["word"] for row in _org_word_rows() if row["kind"] != "place-prefix")


@lexicon_cache
def place_prefixes() -> frozenset[str]:
    """First words of place names ("Lower", "Port", "River", "Lake"): such a name is no person."""
    return frozenset(row["word"] for row in _org_word_rows() if row["kind"] == "place-prefix")


def _org_word_rows() -> list[dict[str, str]]:
    return lexicon_rows("org_words.csv", columns=("word", "kind"))
