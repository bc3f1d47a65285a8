"""The article as the attribution pass reads it.

Before any cue is looked for, each paragraph is prepared (:mod:`helpers.quotemarks`,
:mod:`helpers.entities`): quotation marks normalised (''…'' read as “…”, same length, so
every offset still points into the article), quotation spans found, web furniture
(datelines, agency tags, captions) set aside as nobody's speech, quoted words masked so
that cues and names inside quotations are not seen, sentences split, and the people,
institutions and places the article names indexed.

>>> from ..article import article_from_text
>>> page = PreparedArticle.read(article_from_text("T\\n\\nLONDON (Wire) - “We won,” she said."))
>>> page.content_start, page.masked[0][page.content_start[0] :]
([16], '“▒▒▒▒▒▒▒” she said.')
"""

from __future__ import annotations

from dataclasses import dataclass

from ..article import Article
from ..entities import EntityIndex, index_entities
from ..quotemarks import (
    QuoteSpan,
    find_quote_spans,
    furniture_end,
    mask_quotes,
    normalise_marks,
    uses_single_marks,
)
from ..sentences import split_sentences

__all__ = ["PreparedArticle"]


@dataclass
class PreparedArticle:
    """Paragraphs, quotation spans, masks, sentences and entities of one article."""

    paragraphs: list[str]  # quotation marks normalised, same length as the article's
    quotes: dict[int, list[QuoteSpan]]  # the quotation spans of each paragraph
    content_start: list[int]  # where each paragraph's own text starts, after furniture
    masked: list[str]  # each paragraph with furniture blanked and quoted words masked
    sentence_spans: dict[int, list[tuple[int, int]]]  # each paragraph's; -1 the headline
    index: EntityIndex

    @classmethod
    def read(cls, article: Article) -> PreparedArticle:
        paragraphs = [normalise_marks(t) for t in article.paragraphs]
        single = uses_single_marks(paragraphs)
        quotes = {p: find_quote_spans(text, p, single=single) for p, text in enumerate(paragraphs)}
        # web furniture (datelines, agency tags, photo captions) is nobody's speech
        content_start = [furniture_end(t) for t in paragraphs]
        for p, start in enumerate(content_start):
            quotes[p] = [q for q in quotes[p] if q.open_at >= start]
        masked = [
            " " * start + mask_quotes(t, quotes[p])[start:]
            for p, (t, start) in enumerate(zip(paragraphs, content_start, strict=True))
        ]
        sentence_spans = {p: split_sentences(t) for p, t in enumerate(paragraphs)}
        sentence_spans[-1] = split_sentences(article.title)
        index = index_entities(masked, article.title, sentence_spans)
        return cls(paragraphs, quotes, content_start, masked, sentence_spans, index)
