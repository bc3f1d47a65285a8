"""Hedges and distancing words, and reporting verbs that cast doubt, by voice.

``data/lexicons/hedges.csv`` lists hedges ("allegedly", "reportedly"), distancing words and
words of doubt, each with its kind and explanation; reporting verbs whose connotation in
``reporting_verbs.csv`` is ``doubt`` or ``tentative`` ("claimed", "suggested") are the
outlet's hedging of a report. A hedge inside a speaker's quotation marks is the speaker's;
any other is the outlet's (``NARRATOR``).
"""

from __future__ import annotations

import pandas as pd

from .article import Article
from .contract import rows_table
from .lexicons import lexicon_cache, lexicon_rows, lexicons_held, reporting_verbs
from .terms import TermPattern, matches, owner_at, term_pattern
from .who_speaks import NARRATOR, attribution, voice_segments

__all__ = ["find_hedges"]


@lexicon_cache
def _hedge_terms() -> list[tuple[TermPattern, tuple[str, str, str]]]:
    rows = lexicon_rows("hedges.csv", columns=("term", "kind", "explanation"))
    rows = sorted(rows, key=lambda r: -len(r["term"]))
    return [(term_pattern(r["term"]), (r["term"], r["kind"], r["explanation"])) for r in rows]


def find_hedges(article: Article) -> pd.DataFrame:
    """Hedges and distancing words (``data/lexicons/hedges.csv``) and reporting verbs that
    cast doubt (``claimed``, ``suggested``: their connotation in ``reporting_verbs.csv``):
    ``term, kind, paragraph, voice, text, explanation``.

    >>> from helpers import article_from_text
    >>> hedges = find_hedges(article_from_text("H\\n\\nThe plan allegedly failed."))
    >>> hedges[["term", "kind", "paragraph", "voice"]].values.tolist()
    [['allegedly', 'hedge', 0, 'NARRATOR']]
    """
    with lexicons_held():  # the word lists are looked at once for the whole table
        return _find_hedges(article)


def _find_hedges(article: Article) -> pd.DataFrame:
    segments = voice_segments(article)
    rows = []
    for p, text in [(-1, article.title), *enumerate(article.paragraphs)]:
        for m, (term, kind, explanation) in matches(text, _hedge_terms()):
            speaker, mode = owner_at(segments, p, m.start())
            owner = speaker if mode == "quoted" else NARRATOR
            rows.append((term, kind, p, owner, m.group(), explanation))
    verbs = reporting_verbs()
    already = {(p, term) for term, _k, p, *_ in rows}
    for q in attribution(article).utterances:
        verb = verbs.get(q.cue.lower())
        if (q.paragraph, q.cue.lower()) in already:
            continue  # the hedge list found this very word
        if verb and verb.connotation in ("doubt", "tentative"):
            kind = f"reporting verb ({verb.connotation})"
            rows.append((q.cue.lower(), kind, q.paragraph, NARRATOR,
                         f"{q.speaker} {q.cue}", verb.explanation))  # fmt: skip
    return rows_table(rows, "hedges")
