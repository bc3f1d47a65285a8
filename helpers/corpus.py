"""Many articles at once: the same tables with an ``article`` column, computed in parallel.

``analyze_corpus(paths)`` runs :func:`helpers.analyze` on every article, on worker processes
(``engine="processes"``, the standard library's ``ProcessPoolExecutor``) or on a Dask cluster
(``engine="dask"``: a ``LocalCluster`` by default, or any ``distributed`` scheduler address;
install with ``pip install -e .[scale]``). It streams: with ``out`` each article's tables are
written as soon as they are done (by the worker process itself) and nothing is kept in
memory, and only a few articles per worker are queued at a time, so memory stays flat
however large the corpus. One bad file is reported in ``errors`` and skipped; the rest finish.
So is an article whose analysis goes over its time budget (``timeout``: 60 s by default, per
100,000 characters of text; see :mod:`helpers.budget`), so that no article can stall a run.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pandas as pd

from .analysis import CORPUS_TABLES, Analysis, analyze, check_tables, write_analysis
from .article import ArticleError, load_article
from .budget import DEFAULT_TIMEOUT, article_budget, time_budget
from .contract import CORPUS_ERRORS, conform, corpus_table, empty

__all__ = ["CorpusResult", "analyze_corpus", "FORMATS"]

#: Output formats: one file per table and article (``csv``, ``parquet``), or one JSON
#: object per article (``json``, only with ``by="article"``).
FORMATS = ("csv", "json", "parquet")

#: Articles queued per worker process: enough to keep every worker busy, few enough that
#: results not yet collected stay a handful (memory flat however long the corpus).
QUEUE_PER_WORKER = 4


@dataclass
class CorpusResult:
    """``tables`` (each with an ``article`` column; empty when streamed to ``out``),
    ``errors`` (``path, error``; the error names the file and the problem) and ``written``
    (files written to ``out``)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    errors: pd.DataFrame = field(default_factory=lambda: empty(CORPUS_ERRORS))
    written: list[Path] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self.tables and self.tables:
            raise KeyError(f"table {name!r} was not computed: ask for it with tables=[...]")
        return self.tables[name]


def _one(
    path: str,
    out: str | None = None,
    fmt: str = "csv",
    by: str = "table",
    timeout: float | None = DEFAULT_TIMEOUT,
    tables: tuple[str, ...] = CORPUS_TABLES,
) -> tuple[str, Analysis | list[Path] | None, str | None]:
    """Analyse one article in a worker: ``(path, analysis or None, error or None)``, with
    only ``tables`` computed; with ``out``, the worker writes the tables itself and returns
    the files written instead."""
    try:
        with time_budget(timeout, path=path):  # reading a saved web page parses HTML
            article = load_article(path)
        budget = article_budget(timeout, article.n_characters)
        with time_budget(budget, path=path):  # the tables are computed here, in the budget
            result = analyze(article).compute(tables)
        if out is not None:
            return path, _save(result, Path(out), fmt, by), None
    except ArticleError as exc:  # a bad file must not stop the corpus
        return path, None, str(exc)  # "<path>: <problem>"
    except Exception as exc:
        return path, None, f"{path}: analysis failed: {type(exc).__name__}: {exc}"
    return path, result, None


def _with_article(analysis: Analysis) -> dict[str, pd.DataFrame]:
    slug = analysis.article.slug
    return {name: table.assign(article=slug) for name, table in analysis.tables.items()}


def _save(analysis: Analysis, out: Path, fmt: str, by: str) -> list[Path]:
    """Write one article's tables: ``out/<table>/<article>.<fmt>`` (``by="table"``, easy to
    read back per table for a corpus) or :func:`write_analysis`'s ``out/<article>/…``."""
    if by == "article":
        return write_analysis(analysis, out, fmt=fmt)
    slug = analysis.article.slug
    written = []
    for name, table in _with_article(analysis).items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{slug}.{fmt}"
        if fmt == "parquet":
            table.to_parquet(path, index=False)
        else:
            table.to_csv(path, index=False)
        written.append(path)
    return written


def _results(
    paths: list[str],
    workers: int,
    engine: str,
    scheduler: str | None,
    out: str | None,
    fmt: str,
    by: str,
    timeout: float | None,
    tables: tuple[str, ...] = CORPUS_TABLES,
) -> Iterator[tuple]:
    if engine == "dask":
        yield from _dask_results(paths, workers, scheduler, timeout, tables)
        return
    if workers == 1:
        for path in paths:
            yield _one(path, out, fmt, by, timeout, tables)
        return
    queue = iter(paths)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        first = islice(queue, QUEUE_PER_WORKER * workers)
        pending = {pool.submit(_one, p, out, fmt, by, timeout, tables) for p in first}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            more = islice(queue, len(done))
            pending |= {pool.submit(_one, p, out, fmt, by, timeout, tables) for p in more}
            for future in done:
                yield future.result()


def _dask_results(
    paths: list[str],
    workers: int,
    scheduler: str | None,
    timeout: float | None,
    tables: tuple[str, ...],
) -> Iterator[tuple]:
    try:
        from dask.distributed import Client, LocalCluster
        from dask.distributed import as_completed as dask_completed
    except ImportError:
        raise RuntimeError(
            "engine='dask' needs Dask: pip install -e '.[scale]' (or 'dask[distributed]')"
        ) from None
    cluster = None
    if not scheduler:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(scheduler or cluster)
    try:
        futures = client.map(_one, paths, timeout=timeout, tables=tables, pure=False)
        for future in dask_completed(futures):
            yield future.result()
            future.release()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def check_format(fmt: str, *, by: str = "table") -> None:
    """Raise ``ValueError`` for an output format that cannot be written, saying why."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if fmt == "json" and by != "article":
        raise ValueError("format 'json' writes one object per article: use by='article'")
    if fmt == "parquet" and importlib.util.find_spec("pyarrow") is None:
        raise ValueError(
            "format 'parquet' needs pyarrow, which is not installed: pip install pyarrow"
        )


def analyze_corpus(
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    engine: str = "processes",
    out: str | Path | None = None,
    fmt: str = "csv",
    by: str = "table",
    scheduler: str | None = None,
    progress: bool = True,
    timeout: float | None = DEFAULT_TIMEOUT,
    tables: Iterable[str] | str = CORPUS_TABLES,
) -> CorpusResult:
    """Analyse every article; see the module docstring.

    ``workers`` defaults to the number of CPUs. With ``out``, tables are written as articles
    finish to ``out/<table>/<article>.csv`` (``fmt="parquet"`` needs pyarrow), or with
    ``by="article"`` to ``out/<article>/<table>.csv`` or ``out/<article>.json``
    (``fmt="json"``), as :func:`helpers.write_analysis` does; without ``out``, the tables
    are returned, in path order. Each article has ``timeout`` seconds per 100,000
    characters, at least ``timeout`` (``None``: no limit); an article over its budget is
    skipped and named in ``errors``, like a bad file. Only ``tables`` are computed: by
    default :data:`helpers.analysis.CORPUS_TABLES` (what a comparison across articles
    uses); ``tables="all"`` for every table.

    >>> analyze_corpus([], progress=False).errors.empty
    True
    """
    if engine not in ("processes", "dask"):
        raise ValueError(f"engine must be 'processes' or 'dask', not {engine!r}")
    if by not in ("table", "article"):
        raise ValueError(f"by must be 'table' or 'article', not {by!r}")
    if out is not None:
        check_format(fmt, by=by)
    tables = check_tables(tables)
    paths = [str(p) for p in paths]
    workers = workers or os.cpu_count() or 1
    # process workers write their own tables; Dask workers may be on other machines, so
    # their tables come back and are written here
    in_worker = out is not None and engine == "processes"
    target = str(out) if in_worker else None
    results = _results(paths, workers, engine, scheduler, target, fmt, by, timeout, tables)
    if progress:
        from tqdm.auto import tqdm

        results = tqdm(results, total=len(paths), desc="articles", unit="article")
    order = {p: i for i, p in enumerate(paths)}
    errors, written, done = [], [], []
    for path, payload, error in results:
        if error is not None:
            errors.append((path, error))
        elif in_worker:
            written += payload
        elif out is not None:
            written += _save(payload, Path(out), fmt, by)
        else:
            done.append((order[path], _with_article(payload)))
    collected: dict[str, list[pd.DataFrame]] = {name: [] for name in tables}
    for _, tables in sorted(done, key=lambda item: item[0]):
        for name, table in tables.items():
            collected[name].append(table)
    merged = {
        name: pd.concat(parts, ignore_index=True) if parts else empty(corpus_table(name))
        for name, parts in collected.items()
    }
    return CorpusResult(
        merged if out is None else {},
        conform(pd.DataFrame(errors, columns=["path", "error"]), CORPUS_ERRORS),
        written,
    )
