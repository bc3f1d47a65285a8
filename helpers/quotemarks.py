"""Quotation marks and web furniture in a paragraph: where quoted words are.

Marks: curly double quotes (“ ”), low-9 („ closed by “ or ”, the German and Central European
style), guillemets (« », French and many wire services), straight double quotes (") paired by
context, two apostrophes (''…'', the New York Times' archive and wire convention: read
through :func:`normalise_marks`, which keeps every offset), and single marks (‘ ’ or ') when
an article uses them as its main marks and has no double marks at all (British headline
style). A quotation left open at the end of a paragraph runs to the paragraph's end, the
newspaper convention for a quotation that continues in the next paragraph. Web furniture
(photo captions, "READ MORE" lines, datelines and agency tags) is recognised so that nobody
is credited with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "DASHES",
    "QuoteSpan",
    "find_quote_spans",
    "WEB_FURNITURE",
    "furniture_end",
    "mask_quotes",
    "normalise_marks",
    "uses_single_marks",
]


_MASK = "\u2592"  # replaces quoted words so that cues and names inside quotes are not seen


_DOUBLE_OPEN = "“„«"


_DOUBLE_CLOSE = "”»"

# "„…“": after a low-9 opening mark, a high “ closes (German, Czech, Polish house styles)
_CLOSES_LOW_NINE = "“”"

# Two apostrophes as a double quotation mark (''We will,'' she said): opening after a start,
# a space, a bracket or a dash and before a word character; closing after a non-space and
# before no letter or digit. Fixed-width look-arounds only (no repetition to backtrack on).
_TWO_APOSTROPHES_OPEN = re.compile(r"(?<![^\s(\[{–—\-/:;,])''(?=[^\s'])")
_TWO_APOSTROPHES_CLOSE = re.compile(r"(?<=[^\s'])''(?![\w'])")


#: The en and em dash, which open and close asides (" – " … " – ").
DASHES = "–—"


@dataclass(frozen=True)
class QuoteSpan:
    """Quoted words in one paragraph: ``start``/``end`` exclude the marks."""

    paragraph: int
    start: int
    end: int
    open_at: int
    close_at: int | None  # None: left open at the end of the paragraph

    @property
    def outer_end(self) -> int:
        return self.close_at + 1 if self.close_at is not None else self.end


def normalise_marks(text: str) -> str:
    """``text`` with two-apostrophe quotation marks written as curly marks, of the same
    length so that every offset still points into the original: an opening ``''`` becomes
    a space and ``“``, a closing one ``”`` and a space.

    >>> normalise_marks("''We will,'' she said.")
    ' “We will,”  she said.'
    """
    if "''" not in text:
        return text
    text = _TWO_APOSTROPHES_OPEN.sub(" \u201c", text)
    return _TWO_APOSTROPHES_CLOSE.sub("\u201d ", text)


def _is_open_context(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{" + DASHES + "-/:;,“‘\"'") and not after.isspace()


def _is_close_context(text: str, i: int) -> bool:
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isalnum()


_SINGLE_MARKS = re.compile("[‘’']")
_DOUBLE_MARKS = re.compile(f'[{re.escape(_DOUBLE_OPEN + _DOUBLE_CLOSE + _CLOSES_LOW_NINE)}"]')


def find_quote_spans(text: str, paragraph: int = 0, *, single: bool = False) -> list[QuoteSpan]:
    """Quoted spans in ``text``; double marks, or single marks when ``single`` is true.

    >>> [(s.start, s.end) for s in find_quote_spans('He said “yes” and "no".')]
    [(9, 12), (19, 21)]
    """
    opens = ("‘", "'") if single else (*_DOUBLE_OPEN, '"')
    closes = ("’", "'") if single else (*_DOUBLE_CLOSE, '"')
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    # only a quotation mark changes anything below: the loop visits those characters only
    for m in (_SINGLE_MARKS if single else _DOUBLE_MARKS).finditer(text):
        i, ch = m.start(), m.group()
        if open_at is None:
            if ch in opens and (ch not in "'\"’" or _is_open_context(text, i)):
                if single and not _is_open_context(text, i):
                    continue
                open_at = i
        elif (
            not single
            and text[open_at] == "„"
            and ch in _CLOSES_LOW_NINE
            and _is_close_context(text, i)
        ) or (ch in closes and (ch in "”»" or _is_close_context(text, i))):
            if single and not _is_close_context(text, i):
                continue
            if i > open_at + 1:
                spans.append(QuoteSpan(paragraph, open_at + 1, i, open_at, i))
            open_at = None
        elif not single and ch in _DOUBLE_OPEN and ch != '"':
            open_at = i  # a second opening mark: the first was stray
    if open_at is not None and open_at + 1 < len(text.rstrip()):
        spans.append(QuoteSpan(paragraph, open_at + 1, len(text.rstrip()), open_at, None))
    return spans


def uses_single_marks(paragraphs: Iterable[str]) -> bool:
    """True when an article quotes with ‘single’ marks and has no double marks at all."""
    joined = "\n".join(paragraphs)
    if any(m in joined for m in '“”„"«»'):
        return False
    return len(re.findall(r"(?:^|[\s(])[‘']\w", joined)) >= 2


def mask_quotes(text: str, spans: list[QuoteSpan]) -> str:
    """``text`` with the words inside ``spans`` replaced by ▒ (same length, same offsets),
    so that cues and names inside quotations are not seen."""
    chars = list(text)
    for span in spans:
        if span.end > span.start:
            chars[span.start : span.end] = _MASK * (span.end - span.start)  # same length
    return "".join(chars)


#: Web furniture: a news page's navigation, advertising and sharing words, never anyone's
#: name (issue 14: "Article Continued Below" was a speaker). Matched whole (``fullmatch``).
WEB_FURNITURE = re.compile(
    r"(?:Article\s+)?+Continued\s+Below|Continue\s+Reading|Advertisement|Read\s+More|"
    r"Sign\s+Up(?:\s+For\s+Our\s+Newsletter)?+|Subscribe|Click\s+Here|Share\s+This"
    r"(?:\s+Article)?+|Follow\s+Us|Related\s+Coverage|Story\s+Continues\s+Below",
    re.IGNORECASE,
)


_FURNITURE_PARAGRAPH = re.compile(
    r"^(?:Photo|Picture|Image|Video|Credit|Caption|READ MORE|Read more|MORE|WATCH|Watch|"
    r"Listen|Sign up|Advertisement|Related)\b\s*:",
    re.IGNORECASE,
)


# "LOWER MARRICK, Sunday (Coastline Wire) - ", "VELSKA, Valdoria (Wire) — ", "(Reuters) - "
# One word per step, possessive runs, so a paragraph of capitals and spaces is read in one
# way only (a class holding both letters and spaces, beside a ``\s*``, backtracked cubically).
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'’.\-]++(?:[ ]++[A-Z][A-Z'’.\-]*+)*+"  # LOWER MARRICK
    r"(?:,[ ]*+[A-Z][\w.]*+(?:[ ]++[\w.]++){0,4}+)?+"  # , Sunday 12 May
    r"\s*+(?:\([^)]{1,40}\))?+|\([^)]{1,40}\))"  # (Coastline Wire)
    r"\s*+[-–—]++\s++"
)


def furniture_end(text: str) -> int:
    """Where a paragraph's own text starts after web furniture (design: strip it first):
    a whole caption or "READ MORE" line is furniture, as is a leading dateline or agency tag.
    """
    if _FURNITURE_PARAGRAPH.match(text):
        return len(text)
    m = DATELINE.match(text)
    return m.end() if m else 0
