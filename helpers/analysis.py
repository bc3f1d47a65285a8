"""Every table of the suite for one article, in one object, built when first read.

``analyze(article)`` returns at once an :class:`Analysis` whose tables are computed when they
are first read (``analysis["stance"]``), each shared intermediate (the quote attribution,
the sentiment units, the targets, the loaded terms, the frame evidence) once, so an article
costs only what is read. Reading every table gives exactly the tables an eager run gives;
TextBlob, the second sentiment opinion, runs only for the ``sentiment_units`` table (the one
with its columns). The report notebook and the corpus mode use it; the command
``python -m helpers analyze PATH... [--tables NAME... | all] [--format csv|json|parquet]
[--out DIR] [--workers N]`` writes the asked tables for any number of articles (files or
folders), with one clear error per bad file while the rest go on. In the notebooks of a report
(``$READING_THE_NEWS_ANALYSES`` set by the runner) or with ``analyze(article, cache=FOLDER)``,
the tables come already computed from the one analysis stored on disk
(:mod:`helpers.analysis_cache`).
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Literal

import pandas as pd

from . import analysis_cache, lexicons
from .article import Article, load_article
from .framing import frame_evidence, frame_scores, headline_check, headline_sentiment, story_arc
from .lexicons import lexicons_held
from .loaded import competing_labels, find_hedges, find_loaded_terms, loaded_density
from .progress import is_long, step
from .quotes import extract_quotes, scare_quotes, share_of_voice, speakers, voices
from .sentences import sentences
from .sentiment import sentiment_by_speaker, units_with_textblob, vader_unit_rows, vader_units
from .stance import stance_evidence, stance_table, targets

__all__ = ["Analysis", "analyze", "write_analysis", "TABLE_NAMES", "CORPUS_TABLES"]

TABLE_NAMES = (
    "sentences", "quotes", "speakers", "scare_quotes", "voices", "share_of_voice",
    "sentiment_units", "sentiment", "targets", "stance", "stance_evidence", "loaded_terms",
    "hedges", "loaded_density", "competing_labels", "frames", "frame_evidence",
    "headline_check", "headline_sentiment", "arc",
)  # fmt: skip

#: What a comparison across articles uses (notebook 07, the corpus mode's default): who is
#: quoted and how much, each voice's sentiment, stance, loaded words and their density,
#: frames, and the headline check (the headline's words, and its tone beside the body's).
CORPUS_TABLES = (
    "quotes", "speakers", "share_of_voice", "sentiment", "stance", "loaded_terms",
    "loaded_density", "frames", "headline_check", "headline_sentiment",
)  # fmt: skip

# How each table and shared intermediate is built from the others (names starting with "_"
# are intermediates, not tables). Each runs at most once per Analysis.
_Part = Callable[["Analysis"], object]
_PARTS: dict[str, _Part] = {
    "_unit_rows": lambda a: vader_unit_rows(a.article),
    "_units": lambda a: vader_units(a.part("_unit_rows")),  # without TextBlob's columns
    "sentences": lambda a: sentences(a.article, headline=True),
    "quotes": lambda a: extract_quotes(a.article),
    "speakers": lambda a: speakers(a.article),
    "scare_quotes": lambda a: scare_quotes(a.article),
    "voices": lambda a: voices(a.article, headline=True),
    "share_of_voice": lambda a: share_of_voice(a.article),
    "sentiment_units": lambda a: units_with_textblob(a.part("_unit_rows")),
    "sentiment": lambda a: sentiment_by_speaker(a.article, units=a.part("_units")),
    "targets": lambda a: targets(a.article),
    "stance": lambda a: stance_table(a.article, evidence=a.part("stance_evidence")),
    "stance_evidence": lambda a: stance_evidence(
        a.article, units=a.part("_units"), target_table=a.part("targets")
    ),
    "loaded_terms": lambda a: find_loaded_terms(a.article),
    "hedges": lambda a: find_hedges(a.article),
    "loaded_density": lambda a: loaded_density(a.article, a.part("loaded_terms")),
    "competing_labels": lambda a: competing_labels(a.article),
    "frames": lambda a: frame_scores(a.article, evidence=a.part("frame_evidence")),
    "frame_evidence": lambda a: frame_evidence(a.article),
    "headline_check": lambda a: headline_check(a.article, terms=a.part("loaded_terms")),
    "headline_sentiment": lambda a: headline_sentiment(a.article, a.part("_units")),
    "arc": lambda a: story_arc(a.article, a.part("_units"), terms=a.part("loaded_terms")),
}


_depth = threading.local()  # .n: how many parts this thread is computing (nested)
_frozen: set[tuple[int, str]] = set()  # (lexicons' version, part) computed before a freeze


def _freeze_what_was_loaded(name: str) -> None:
    """After a part is first computed with a version of the word lists, move every object
    alive (the word lists, models and modules it loaded: about 180,000 objects once every
    table was read) out of the garbage collector's sight (``gc.freeze``). They live as long
    as the process, and each full collection would otherwise walk them all again: with
    them frozen, ``analyze()`` takes 7-9% less time (``benchmarks/bench_corpus.py``).
    Collected first, so no garbage is frozen; at most once per part and version of the
    lists, so a long run collects only a few times, early."""
    key = (lexicons.lexicons_version(), name)
    if key not in _frozen:
        _frozen.add(key)
        gc.collect()
        gc.freeze()


class Tables(Mapping):
    """The tables of one :class:`Analysis` by name, each computed when first read.

    Iterating gives the names (nothing is computed); ``tables[name]``, ``.values()`` and
    ``.items()`` compute what they return. ``computed`` names the tables built so far.
    """

    def __init__(self, analysis: Analysis, names: Iterable[str] = TABLE_NAMES) -> None:
        self._analysis = analysis
        self._names = tuple(names)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._names:
            raise KeyError(f"no table {name!r}; the tables are: {', '.join(self._names)}")
        return self._analysis.part(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    @property
    def computed(self) -> tuple[str, ...]:
        return tuple(n for n in self._names if n in self._analysis._parts)

    def __repr__(self) -> str:
        return f"<{len(self)} tables, computed: {', '.join(self.computed) or 'none'}>"


class Analysis:
    """All tables of one article: ``analysis["quotes"]`` or ``analysis.tables["quotes"]``.

    Built by :func:`analyze`, it computes a table when it is first read and keeps it. Every
    table of one Analysis comes from one version of the word lists: if a file in
    ``data/lexicons`` changed since, what was computed is forgotten and built again.
    ``Analysis(article, tables)`` wraps tables computed elsewhere (no computing then).
    """

    def __init__(self, article: Article, tables: Mapping[str, pd.DataFrame] | None = None):
        self.article = article
        self._parts: dict[str, object] = {}
        self._version: object = None
        if tables is None:
            self.tables: Mapping[str, pd.DataFrame] = Tables(self)
        else:
            self.tables = dict(tables)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def __repr__(self) -> str:
        return f"Analysis({self.article.slug!r}, {self.tables!r})"

    def part(self, name: str):
        """A table or shared intermediate (see ``_PARTS``), computed once."""
        with lexicons_held():
            if lexicons.lexicons_version() != self._version:  # the lists changed: start again
                self._parts.clear()
                self._version = lexicons.lexicons_version()
            if name not in self._parts:
                what = f"the {name} table" if not name.startswith("_") else ""
                _depth.n = getattr(_depth, "n", 0) + 1
                try:
                    with step(self.article, what):  # an intermediate ("_units") says nothing
                        self._parts[name] = _PARTS[name](self)
                finally:
                    _depth.n -= 1
                if not _depth.n:
                    _freeze_what_was_loaded(name)
            return self._parts[name]

    def hold(self, tables: Mapping[str, pd.DataFrame]) -> None:
        """Take these tables (of this article, computed with today's word lists, as
        :mod:`helpers.analysis_cache` stores them) as computed."""
        with lexicons_held():
            self._version = lexicons.lexicons_version()
            self._parts.update((name, tables[name]) for name in TABLE_NAMES if name in tables)

    def compute(
        self, names: Iterable[str] = TABLE_NAMES, *, progress: bool | None = False
    ) -> Analysis:
        """An Analysis holding just these tables, computed now (for writing or sending).
        ``progress=True`` shows a progress bar over the tables; ``None``: only for a long
        article (see :mod:`helpers.progress`)."""
        names = check_tables(names)
        shown = names
        if progress or (progress is None and is_long(self.article)):
            from tqdm.auto import tqdm

            shown = tqdm(names, desc=self.article.slug, unit="table")
        with lexicons_held():  # the word lists are looked at once, not once per table
            return Analysis(self.article, {name: self.tables[name] for name in shown})


def check_tables(names: Iterable[str] | str) -> tuple[str, ...]:
    """The table names asked for (``"all"`` for every table), checked, in table order.

    >>> check_tables(["stance", "quotes"]), len(check_tables("all"))
    (('quotes', 'stance'), 20)
    """
    asked = [names] if isinstance(names, str) else list(names)
    if "all" in asked:
        asked = [n for n in asked if n != "all"] + list(TABLE_NAMES)
    unknown = [n for n in asked if n not in TABLE_NAMES]
    if unknown:
        raise ValueError(
            f"unknown table(s): {', '.join(map(repr, unknown))}; "
            f"the tables are: {', '.join(TABLE_NAMES)} (or 'all')"
        )
    if not asked:
        raise ValueError("no table asked for")
    return tuple(n for n in TABLE_NAMES if n in asked)


def analyze(
    article: Article | str | Path, *, cache: str | Path | Literal[False] | None = None
) -> Analysis:
    """Every measure of the suite on an article (a loaded ``Article`` or a path), computed
    table by table as they are read.

    ``cache``: a folder of stored analyses (:mod:`helpers.analysis_cache`) whose tables are
    used if one is stored for this article, these word lists and this code; by default
    ``$READING_THE_NEWS_ANALYSES`` (set by the report runner for its notebooks), else none;
    ``False``: none.

    >>> from helpers import article_from_text
    >>> result = analyze(article_from_text("H\\n\\nA calm day."))
    >>> sorted(result.tables)[:3], result.tables.computed
    (['arc', 'competing_labels', 'frame_evidence'], ())
    >>> len(result["quotes"]), result.tables.computed
    (0, ('quotes',))
    """
    if not isinstance(article, Article):
        article = load_article(article)
    analysis = Analysis(article)
    folder = analysis_cache.cache_dir() if cache is None else cache
    if folder is not False and folder is not None:
        with lexicons_held():  # the key and the version noted from one look at the lists
            tables = analysis_cache.load_tables(article, folder=folder)
            if tables is not None:
                analysis.hold(tables)
    return analysis


def tables_eagerly(article: Article) -> dict[str, pd.DataFrame]:
    """Every table at once, the way ``analyze()`` built them before it was lazy: the
    reference the tests compare the lazy tables with."""
    from .sentiment import sentiment_units

    with lexicons_held():
        units = sentiment_units(article)
        target_table = targets(article)
        evidence = stance_evidence(article, units=units, target_table=target_table)
        terms = find_loaded_terms(article)
        frames = frame_evidence(article)
        return {
            "sentences": sentences(article, headline=True),
            "quotes": extract_quotes(article),
            "speakers": speakers(article),
            "scare_quotes": scare_quotes(article),
            "voices": voices(article, headline=True),
            "share_of_voice": share_of_voice(article),
            "sentiment_units": units,
            "sentiment": sentiment_by_speaker(article, units=units),
            "targets": target_table,
            "stance": stance_table(article, evidence=evidence),
            "stance_evidence": evidence,
            "loaded_terms": terms,
            "hedges": find_hedges(article),
            "loaded_density": loaded_density(article, terms),
            "competing_labels": competing_labels(article),
            "frames": frame_scores(article, evidence=frames),
            "frame_evidence": frames,
            "headline_check": headline_check(article, terms=terms),
            "headline_sentiment": headline_sentiment(article, units),
            "arc": story_arc(article, units, terms=terms),
        }


def _plain(value):
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item"):
        return value.item()
    return value


def write_analysis(analysis: Analysis, out: str | Path, *, fmt: str = "csv") -> list[Path]:
    """Write every table: ``out/<slug>/<table>.csv`` (or ``.parquet``, with pyarrow), or
    ``out/<slug>.json`` (one object with the metadata and a list of records per table).
    Returns the files written."""
    out = Path(out)
    slug = analysis.article.slug
    if fmt == "json":
        meta = {
            k: getattr(analysis.article, k)
            for k in ("slug", "title", "outlet", "date", "url", "section")
        }
        payload = {
            "article": {**meta, "path": analysis.article.path},
            "tables": {
                name: [{k: _plain(v) for k, v in row.items()} for row in table.to_dict("records")]
                for name, table in analysis.tables.items()
            },
        }
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{slug}.json"
        path.write_text(
            json.dumps(payload, ensure_ascii=False, indent=1, default=str), encoding="utf-8"
        )
        return [path]
    folder = out / slug
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in analysis.tables.items():
        path = folder / f"{name}.{fmt}"
        if fmt == "parquet":  # needs pyarrow
            table.to_parquet(path, index=False)
        else:
            table.to_csv(path, index=False)
        paths.append(path)
    return paths
