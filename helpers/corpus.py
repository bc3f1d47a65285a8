"""Many articles at once: the same tables with an ``article`` column, computed in parallel.

``analyze_corpus(paths)`` runs :func:`helpers.analyze` on every article, on worker processes
(``engine="processes"``, the standard library's ``ProcessPoolExecutor``) or on a Dask cluster
(``engine="dask"``: a ``LocalCluster`` by default, or any ``distributed`` scheduler address;
install with ``pip install -e .[scale]``). It streams: with ``out`` each article's tables are
written as soon as they are done and nothing is kept in memory, so memory stays flat however
large the corpus. One bad file is reported in ``errors`` and skipped; the rest finish.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .analysis import TABLE_NAMES, analyze

__all__ = ["CorpusResult", "analyze_corpus"]


@dataclass
class CorpusResult:
    """``tables`` (each with an ``article`` column; empty when streamed to ``out``),
    ``errors`` (``path, error``) and ``written`` (files written to ``out``)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    errors: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["path", "error"]))
    written: list[Path] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def _one(path: str) -> tuple[str, dict[str, pd.DataFrame] | None, str | None]:
    """Analyse one article in a worker: ``(path, tables or None, error or None)``."""
    try:
        result = analyze(path)
    except Exception as exc:  # a bad file must not stop the corpus
        return path, None, f"{type(exc).__name__}: {exc}"
    slug = result.article.slug
    tables = {name: table.assign(article=slug) for name, table in result.tables.items()}
    return path, tables, None


def _results(paths: list[str], workers: int, engine: str, scheduler: str | None) -> Iterator[tuple]:
    if engine == "dask":
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
            futures = client.map(_one, paths, pure=False)
            for future in dask_completed(futures):
                yield future.result()
                future.release()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        return
    if engine != "processes":
        raise ValueError(f"engine must be 'processes' or 'dask', not {engine!r}")
    if workers == 1:
        for path in paths:
            yield _one(path)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_one, path) for path in paths]
        for future in as_completed(futures):
            yield future.result()


def analyze_corpus(
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    engine: str = "processes",
    out: str | Path | None = None,
    fmt: str = "csv",
    scheduler: str | None = None,
    progress: bool = True,
) -> CorpusResult:
    """Analyse every article; see the module docstring.

    ``workers`` defaults to the number of CPUs. With ``out``, tables are written to
    ``out/<table>/<article>.csv`` (or ``.parquet`` with ``fmt="parquet"``, which needs
    pyarrow) as articles finish; without it, they are returned, in path order.
    """
    paths = [str(p) for p in paths]
    workers = workers or os.cpu_count() or 1
    results = _results(paths, workers, engine, scheduler)
    if progress:
        from tqdm.auto import tqdm

        results = tqdm(results, total=len(paths), desc="articles", unit="article")
    collected: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLE_NAMES}
    order = {p: i for i, p in enumerate(paths)}
    errors, written, done = [], [], []
    for path, tables, error in results:
        if error is not None:
            errors.append((path, error))
            continue
        if out is not None:
            written += _write(tables, Path(out), fmt)
        else:
            done.append((order[path], tables))
    for _, tables in sorted(done, key=lambda item: item[0]):
        for name, table in tables.items():
            collected[name].append(table)
    merged = {
        name: pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        for name, parts in collected.items()
    }
    return CorpusResult(
        merged if out is None else {}, pd.DataFrame(errors, columns=["path", "error"]), written
    )


def _write(tables: dict[str, pd.DataFrame], out: Path, fmt: str) -> list[Path]:
    written = []
    for name, table in tables.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        slug = table["article"].iloc[0] if len(table) else "empty"
        if fmt == "parquet":
            path = folder / f"{slug}.parquet"
            table.to_parquet(path, index=False)
        else:
            path = folder / f"{slug}.csv"
            table.to_csv(path, index=False)
        written.append(path)
    return written
