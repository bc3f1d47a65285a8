"""Sentences with character offsets into their paragraph.

Splitting is NLTK's Punkt (Kiss & Strunk 2006; see :mod:`helpers.resources`) on each body
paragraph separately, so a sentence never spans two paragraphs. One repair follows Punkt:
a "sentence" that starts with a lower-case letter is joined to the one before it, because
in news prose that is a quotation ending in ``?`` or ``!`` followed by its attribution
(``“Why now?” she asked.``), not a new sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .article import Article
from .contract import rows_table
from .resources import sentence_tokenizer

__all__ = ["sentences", "split_sentences"]

_STARTS_LOWER = re.compile(r"""^[\s“”"‘’'(\[]*[a-z]""")
COLUMNS = ["paragraph", "sentence", "text", "start", "end"]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``.

    >>> t = "Mr. Smith left. “Why?” she asked. He stayed."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Mr. Smith left.', '“Why?” she asked.', 'He stayed.']
    """
    return list(_split(text, sentence_tokenizer()))


@lru_cache(maxsize=65536)
def _split(text: str, tokenizer) -> tuple[tuple[int, int], ...]:
    # cached: every table splits the same paragraphs again (the tokenizer is part of the
    # key, so a changed abbreviation list gives a new split)
    spans: list[tuple[int, int]] = []
    for start, end in tokenizer.span_tokenize(text):
        if spans and _STARTS_LOWER.match(text[start:end]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(spans)


def sentences(article: Article, *, headline: bool = False) -> pd.DataFrame:
    """One row per sentence: ``paragraph, sentence, text, start, end``.

    ``sentence`` counts from 0 within its paragraph; ``start``/``end`` index the paragraph's
    text, so ``article.paragraphs[p][start:end] == text``. With ``headline=True`` the headline
    comes first as paragraph ``-1``.

    >>> from helpers import article_from_text
    >>> sentences(article_from_text("Title\\n\\nOne. Two.")).text.tolist()
    ['One.', 'Two.']
    """
    units: list[tuple[int, str]] = [(-1, article.title)] if headline else []
    units += list(enumerate(article.paragraphs))
    rows = [
        (p, i, text[s:e], s, e)
        for p, text in units
        for i, (s, e) in enumerate(split_sentences(text))
    ]
    if rows:
        return rows_table(rows, "sentences")
    # pandas infers int64 from Python ints; an empty table needs telling
    return pd.DataFrame(rows, columns=COLUMNS).astype(
        {"paragraph": "int64", "sentence": "int64", "start": "int64", "end": "int64"}
    )
