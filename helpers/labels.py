"""Competing labels: the same thing named differently by different voices (notebook 04).

An article's front matter declares label groups (``labels: {the war: [special military
operation, invasion, war]}``); every occurrence of a label is counted with its voice (the
speaker inside their quotation marks, else the outlet) and how it is used (headline, quoted,
reported, narration, or in the outlet's scare quotes).
"""

from __future__ import annotations

import re

import pandas as pd

from .article import Article
from .contract import rows_table
from .lexicons import lexicons_held
from .terms import owner_at
from .who_speaks import NARRATOR, attribution, voice_segments

__all__ = ["competing_labels"]


@lexicons_held()
def competing_labels(article: Article) -> pd.DataFrame:
    """The same referent named differently by different voices: ``referent, label, voice,
    n`` for the label groups an article's front matter declares under ``labels:``
    (``labels: {the war: [special military operation, invasion, war]}``).

    >>> from helpers import article_from_text
    >>> meta = "---\\ntitle: H\\nlabels: {the cuts: [cuts, savings]}\\n---\\n"
    >>> table = competing_labels(article_from_text(meta + "The savings, “cuts”, began."))
    >>> table[["label", "voice", "how", "n"]].values.tolist()
    [['cuts', 'NARRATOR', 'scare quotes', 1], ['savings', 'NARRATOR', 'narration', 1]]
    """
    groups = article.meta.get("labels")
    rows = []
    if isinstance(groups, dict):
        segments = voice_segments(article)
        taken: set[tuple[int, int]] = set()
        for referent, labels in groups.items():
            listed = labels if isinstance(labels, list) else [labels]
            for label in sorted(map(str, listed), key=len, reverse=True):  # longest first
                pattern = re.compile(rf"(?<![\w-]){re.escape(label)}(?![\w-])", re.IGNORECASE)
                for p, text in [(-1, article.title), *enumerate(article.paragraphs)]:
                    for m in pattern.finditer(text):
                        if any((p, i) in taken for i in range(m.start(), m.end())):
                            continue
                        taken.update((p, i) for i in range(m.start(), m.end()))
                        speaker, mode = owner_at(segments, p, m.start())
                        quoted = _inside_scare_quotes(article, p, m.start())
                        voice = speaker if mode == "quoted" else NARRATOR
                        how = "headline" if p < 0 else ("scare quotes" if quoted else mode)
                        rows.append((str(referent), str(label), voice, how, p))
    # grouped here rather than by pandas (groupby + agg cost about 20 times more): one row
    # per referent, label, voice and how, in their sorted order, as groupby gives them
    grouped: dict[tuple[str, str, str, str], list[int]] = {}
    for *key, p in rows:
        grouped.setdefault(tuple(key), []).append(p)
    return rows_table(
        [(*key, len(ps), sorted(set(ps))) for key, ps in sorted(grouped.items())],
        "competing_labels",
    )


def _inside_scare_quotes(article: Article, paragraph: int, position: int) -> bool:
    if paragraph < 0:
        return False
    return any(
        q.paragraph == paragraph and q.start <= position < q.end for q in attribution(article).scare
    )
