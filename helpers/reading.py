"""A first reading of an article: metadata, lengths and frequent words (notebook 01)."""

from __future__ import annotations

import pandas as pd

from .article import Article
from .contract import conform
from .sentences import sentences
from .text import count_words, words_table

__all__ = ["article_metadata", "paragraph_stats", "sentence_stats", "word_frequencies"]


def article_metadata(article: Article) -> pd.DataFrame:
    """The article's metadata as a two-column table (``field, value``); unknowns say so.

    >>> from helpers import article_from_text
    >>> article_metadata(article_from_text("A | World | News\\n\\nB.")).value.tolist()[:3]
    ['A', 'not given', 'not given']
    """
    unknown = "not given"
    rows = [
        ("title", article.title),
        ("outlet", article.outlet or unknown),
        ("date", article.date or unknown),
        ("section", article.section or unknown),
        ("url", article.url or unknown),
        ("file", article.path or unknown),
        ("paragraphs", str(len(article.paragraphs))),
        ("words in body", str(sum(count_words(p) for p in article.paragraphs))),
    ]
    return pd.DataFrame(rows, columns=["field", "value"])


def sentence_stats(article: Article) -> pd.DataFrame:
    """The sentence table with a ``n_words`` column; the headline is paragraph -1."""
    table = sentences(article, headline=True)
    return table.assign(n_words=table["text"].map(count_words).astype("int64"))


def paragraph_stats(article: Article) -> pd.DataFrame:
    """One row per body paragraph: ``paragraph, n_sentences, n_words, opening``.

    ``opening`` is the paragraph's first words, so a chart's bars can be traced to the text.
    """
    per_sentence = sentence_stats(article).query("paragraph >= 0")
    counts = per_sentence.groupby("paragraph").agg(
        n_sentences=("sentence", "size"), n_words=("n_words", "sum")
    )
    table = pd.DataFrame({"paragraph": range(len(article.paragraphs))}).join(counts, on="paragraph")
    table = table.fillna(0).astype({"n_sentences": "int64", "n_words": "int64"})
    table["opening"] = [_opening(p) for p in article.paragraphs]
    return table


def word_frequencies(
    article: Article, *, top: int | None = 20, headline: bool = False
) -> pd.DataFrame:
    """The most frequent content words: ``word, count, n_paragraphs, paragraphs``.

    Words are lower-cased with possessives folded (``Britain’s`` → ``britain``); stop words
    and words of one letter are left out. Ties are broken alphabetically, so the order is
    the same on every run. ``paragraphs`` lists where the word occurs (the evidence).
    """
    units = dict(enumerate(article.paragraphs))
    if headline:
        units = {-1: article.title, **units}
    words = words_table(units)
    content = words[~words["is_stopword"] & (words["norm"].str.len() > 1)]
    table = (
        content.groupby("norm")
        .agg(count=("norm", "size"), paragraphs=("paragraph", lambda s: sorted(set(s))))
        .reset_index()
        .rename(columns={"norm": "word"})
    )
    table["n_paragraphs"] = table["paragraphs"].map(len).astype("int64")
    table = table.sort_values(["count", "word"], ascending=[False, True], ignore_index=True)
    table = conform(table[["word", "count", "n_paragraphs", "paragraphs"]], "word_frequencies")
    return table.head(top) if top is not None else table


def _opening(text: str, n_words: int = 6) -> str:
    words = text.split()
    return " ".join(words[:n_words]) + (" …" if len(words) > n_words else "")
