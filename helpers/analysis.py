"""Every table of the suite for one article, in one object, and written to disk.

``analyze(article)`` is what the report notebook and the corpus mode use; the command
``python -m helpers analyze PATH... [--format csv|json|parquet] [--out DIR] [--workers N]``
writes the same tables for any number of articles (files or folders), with one clear error
per bad file while the rest go on.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .article import Article, load_article
from .framing import frame_evidence, frame_scores, headline_check, headline_sentiment, story_arc
from .lexicons import lexicons_held
from .loaded import competing_labels, find_hedges, find_loaded_terms, loaded_density
from .quotes import extract_quotes, scare_quotes, share_of_voice, speakers, voices
from .sentences import sentences
from .sentiment import sentiment_by_speaker, sentiment_units
from .stance import stance_evidence, stance_table, targets

__all__ = ["Analysis", "analyze", "write_analysis", "TABLE_NAMES"]

TABLE_NAMES = (
    "sentences", "quotes", "speakers", "scare_quotes", "voices", "share_of_voice",
    "sentiment_units", "sentiment", "targets", "stance", "stance_evidence", "loaded_terms",
    "hedges", "loaded_density", "competing_labels", "frames", "frame_evidence",
    "headline_check", "headline_sentiment", "arc",
)  # fmt: skip


@dataclass
class Analysis:
    """All tables of one article: ``analysis.tables["quotes"]`` or ``analysis["quotes"]``."""

    article: Article
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def analyze(article: Article | str | Path) -> Analysis:
    """Run every measure of the suite on an article (a loaded ``Article`` or a path).

    >>> from helpers import article_from_text
    >>> sorted(analyze(article_from_text("H\\n\\nA calm day.")).tables)[:3]
    ['arc', 'competing_labels', 'frame_evidence']
    """
    if not isinstance(article, Article):
        article = load_article(article)
    with lexicons_held():  # one check of the word lists for all twenty tables
        return Analysis(article, _tables(article))


def _tables(article: Article) -> dict[str, pd.DataFrame]:
    units = sentiment_units(article)
    target_table = targets(article)
    evidence = stance_evidence(article, units=units, target_table=target_table)
    terms = find_loaded_terms(article)
    frames = frame_evidence(article)
    tables = {
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
    return tables


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
