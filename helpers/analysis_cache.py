"""One analysis per article on disk, shared by the notebooks of one report.

``make report`` runs eight notebooks on one article, each in a kernel of its own. The report
runner (:func:`helpers.report.build_reports`) computes the article's :class:`Analysis` once,
stores its twenty tables here with :func:`store_analysis`, and sets
``$READING_THE_NEWS_ANALYSES`` to this folder for the kernels; in a kernel,
:func:`helpers.analyze` then returns an Analysis already holding the stored tables
(:func:`load_tables`), so the report notebook, every ``explore(article)``, the X-ray and the
comparison notebook's corpus read one analysis instead of computing it again.

**Who reads the cache.** ``analyze()`` does, and only when ``$READING_THE_NEWS_ANALYSES`` is
set (or ``analyze(article, cache=FOLDER)`` is asked): a notebook opened alone in JupyterLab
computes as it always did, and nothing is written outside a report run. The table functions
that notebooks 01-05 call directly (``extract_quotes(article)``, ``sentiment_units(article)``)
are left as they are: the notebooks teach those calls, which students make on their own
texts, and inside one kernel they already share the attribution and the sentiment units
through the in-memory caches of :mod:`helpers.lexicons`. Making them read the disk would mean
either rewriting those cells as ``analysis["quotes"]`` or a cache lookup in every table
function (modules this cache should not reach into), for little: every table of the seed
article costs about 0.2 s in a fresh process with the word lists loaded (reading them back
from here, 2 ms), against about 2.5 s of CPU per notebook for the kernel, its imports and the
charts. ``benchmarks/bench_report.py`` measures the report cold, cached and without a cache:
the same CPU seconds within 3 %.

**The key.** A SHA-256 of: the article as parsed (every field of the :class:`Article`, its
front matter included, as JSON: any changed byte of the headline, body or metadata is a
miss; the same text moved to another folder is a miss too, as the path is a field), the word
lists' contents (:func:`helpers.lexicons.lexicons_fingerprint`: an edited lexicon is a miss)
and the code's version (:func:`code_version`: the package version and a hash of the source of
``helpers/``, so that an edit of a rule in a development checkout, where the version number
stays the same, is a miss too). The file's name is that digest; the file holds the key
again, which is checked on reading.

**Safe on disk.** A file is written to a temporary name in the same folder and renamed
(``os.replace``, atomic on POSIX and Windows): a reader sees the whole old file, the whole new
one, or none. A file that cannot be read back (truncated, corrupt, another format, another
key) is a miss, never an error, and is removed. The folder keeps at most :data:`MAX_ENTRIES`
analyses: after each write, the least recently used (a hit touches its file) are removed.
The article itself is only read. The files are pickles, which only this code writes, in a
folder created private to the user (mode 0700): pickle runs code from whoever can write the
folder, so it must not be a shared one. Pickle keeps every column's dtype and every value
exactly (lists in cells, missing values), which CSV or JSON do not, and needs no new
dependency (parquet needs pyarrow, which the suite does not require).

>>> import tempfile
>>> from helpers import article_from_text
>>> folder = tempfile.mkdtemp()
>>> a = article_from_text("H\\n\\n“We will win,” said Jane Okafor.")
>>> load_tables(a, folder=folder) is None  # a miss
True
>>> analysis = store_analysis(a, folder=folder)
>>> load_tables(a, folder=folder)["quotes"]["speaker"].tolist()
['Jane Okafor']
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Mapping
from functools import cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from . import lexicons
from .article import Article

__all__ = [
    "CACHE_ENV",
    "MAX_ENTRIES",
    "default_cache_dir",
    "cache_dir",
    "code_version",
    "analysis_key",
    "load_tables",
    "store_tables",
    "store_analysis",
    "prune",
]

#: The environment variable naming the folder ``analyze()`` reads (set by the report runner).
CACHE_ENV = "READING_THE_NEWS_ANALYSES"
#: Analyses kept in the folder: a report needs one per article; 64 leaves room for a class's
#: worth of articles and lexicon versions (the seed's 20 tables take 40 kB).
MAX_ENTRIES = 64
_SUFFIX = ".pkl"
_FORMAT = 1  # the layout of a file; another layout is a miss
_PACKAGE = "reading-the-news"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/reading-the-news/analyses`` (``~/.cache/...`` when it is unset):
    where ``make report`` keeps its analyses."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "reading-the-news" / "analyses"


def cache_dir() -> Path | None:
    """The folder ``analyze()`` reads: ``$READING_THE_NEWS_ANALYSES``, or None (no cache)."""
    named = os.environ.get(CACHE_ENV)
    return Path(named) if named else None


@cache  # the code of a running process does not change under it
def code_version() -> str:
    """The package version and a SHA-256 of every ``.py`` file of ``helpers/`` (names and
    contents), e.g. ``'0.1.0+3f2a9c1e0b7d'``."""
    try:
        version = metadata.version(_PACKAGE)
    except metadata.PackageNotFoundError:  # run from a checkout that is not installed
        version = "0"
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return f"{version}+{digest.hexdigest()[:12]}"


_fingerprint: list = [None, None]  # [lexicons_version() it was computed at, fingerprint]


def _lexicons_fingerprint() -> str:
    """:func:`lexicons_fingerprint`, computed again only when the word lists' version (their
    files' sizes and times, looked at cheaply) changed."""
    version = lexicons.lexicons_version()
    if _fingerprint[0] != version:
        _fingerprint[:] = [version, lexicons.lexicons_fingerprint()]
    return _fingerprint[1]


def _article_bytes(article: Article) -> bytes:
    fields = {
        "slug": article.slug,
        "title": article.title,
        "outlet": article.outlet,
        "date": article.date,
        "url": article.url,
        "section": article.section,
        "paragraphs": list(article.paragraphs),
        "path": article.path,
        "meta": dict(article.meta),
    }
    return json.dumps(fields, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")


def analysis_key(article: Article, *, version: str | None = None) -> str:
    """The cache key of an article's analysis (see the module docstring); ``version``
    replaces :func:`code_version` (for tests).

    >>> from helpers import article_from_text
    >>> a, b = article_from_text("H\\n\\nOne."), article_from_text("H\\n\\nOne!")
    >>> analysis_key(a) == analysis_key(a) != analysis_key(b)
    True
    """
    digest = hashlib.sha256()
    for part in (
        hashlib.sha256(_article_bytes(article)).hexdigest(),
        _lexicons_fingerprint(),
        code_version() if version is None else version,
    ):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def _path(folder: str | Path, key: str) -> Path:
    return Path(folder) / f"{key}{_SUFFIX}"


def load_tables(
    article: Article, *, folder: str | Path, version: str | None = None
) -> dict[str, pd.DataFrame] | None:
    """The stored tables of this article's analysis, or None if there are none valid (a
    missing, corrupt or other-key file: a corrupt one is removed)."""
    key = analysis_key(article, version=version)
    path = _path(folder, key)
    try:
        f = path.open("rb")
    except OSError:  # none stored (or a folder that cannot be read): a miss
        return None
    try:
        with f:
            stored = pickle.load(f)
        if stored["format"] != _FORMAT or stored["key"] != key:
            raise ValueError("another key or layout")
        tables = stored["tables"]
        if not all(isinstance(t, pd.DataFrame) for t in tables.values()):
            raise ValueError("not tables")
    except Exception:  # noqa: BLE001 - truncated, corrupt, foreign: a miss, never an error
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be pruned
    return dict(tables)


def store_tables(
    article: Article,
    tables: Mapping[str, pd.DataFrame],
    *,
    folder: str | Path,
    version: str | None = None,
) -> Path:
    """Write these tables as the analysis of ``article`` (atomically), prune the folder,
    and return the file."""
    return _write(Path(folder), analysis_key(article, version=version), tables)


def _write(folder: Path, key: str, tables: Mapping[str, pd.DataFrame]) -> Path:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    payload = {"format": _FORMAT, "key": key, "tables": dict(tables)}
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".writing-", suffix=_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as f:
            pickle.dump(payload, f, protocol=pickle.HIGHEST_PROTOCOL)
            f.flush()
            os.fsync(f.fileno())
        path = _path(folder, key)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    prune(folder)
    return path


def store_analysis(article: Article, *, folder: str | Path | None = None):
    """The :class:`Analysis` of ``article`` holding every table, read from ``folder``
    (default :func:`default_cache_dir`) if stored there, else computed and stored: what
    the report runner does once, before the notebooks start."""
    from .analysis import TABLE_NAMES, analyze  # analysis imports this module

    folder = Path(folder) if folder is not None else default_cache_dir()
    with lexicons.lexicons_held():  # the key and the tables from one version of the lists
        key = analysis_key(article)
        analysis = analyze(article, cache=folder)
        if set(analysis.tables.computed) != set(TABLE_NAMES):  # a miss: compute, write
            tables = {name: analysis[name] for name in TABLE_NAMES}
            with contextlib.suppress(OSError):  # a folder not writable: no cache, no error
                _write(folder, key, tables)
    return analysis


def prune(folder: str | Path, *, keep: int | None = None) -> list[Path]:
    """Remove all but the ``keep`` (default :data:`MAX_ENTRIES`) most recently used analyses
    in ``folder`` (and temporary files a killed writer left, if older than an hour); return
    what was removed."""
    import time

    keep = MAX_ENTRIES if keep is None else keep
    folder = Path(folder)
    entries, removed = [], []
    for path in folder.glob(f"*{_SUFFIX}"):
        try:
            mtime = path.stat().st_mtime
        except OSError:  # removed meanwhile by another run
            continue
        if path.name.startswith(".writing-"):
            if time.time() - mtime > 3600:
                removed.append(path)
        else:
            entries.append((mtime, path))
    entries.sort(reverse=True)
    removed += [path for _, path in entries[keep:]]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed
