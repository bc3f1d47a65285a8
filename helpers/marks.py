"""The marked article, shared by the X-ray page and ``explore()``: one place for both.

:class:`Marked` turns an analysis into the marks of each paragraph (a voice, a loaded word, a
hedge, scare quotes) and renders them as escaped HTML (:func:`paragraph_html`), each sentence
a ``<span class='sent' data-s='p:s'>`` that a view can highlight; :class:`Sentences` maps
character positions and table rows to those sentence ids. ``MARK_RULES`` and
``HIGHLIGHT_RULES`` are the marks' CSS: every mark reads without colour (letter labels,
underlines, boxes, a wavy line; WCAG 2.1, 1.4.1), and :func:`mark_css` scopes the rules for
a page (the X-ray) or a notebook output (``explore``, under ``.rtn-explore``).

>>> from helpers import analyze, article_from_text
>>> marked = Marked(analyze(article_from_text("Rain\\n\\n“No,” said Ann Lee. It rained.")))
>>> marked.speakers, marked.letter
(['Ann Lee'], {'Ann Lee': 'A'})
"""

from __future__ import annotations

import re
from bisect import bisect_right

import pandas as pd

from .analysis import Analysis
from .article import Article
from .html import VOICE_COLOURS, escape, speaker_letter
from .quotes import NARRATOR

__all__ = [
    "Sentences",
    "Marked",
    "hedge_spans",
    "article_units",
    "paragraph_html",
    "sentence_ids",
    "MARK_RULES",
    "HIGHLIGHT_RULES",
    "mark_css",
    "voice_css",
]

#: How each mark looks (one CSS rule each): quoted words underlined, a speaker's stretch
#: opened by its letter label, loaded words bold in a solid box, scare quotes in a dashed
#: box, hedges italic with a wavy underline.
MARK_RULES = (
    ".voice.quoted{text-decoration:underline;text-decoration-thickness:2px;text-underline-offset:3px}",
    ".voice.vstart::before{content:'[' attr(data-label) '] ';font:700 .7em system-ui,sans-serif;\n"
    "  vertical-align:super}",
    ".loaded{font-weight:700;box-shadow:inset 0 0 0 2px #111;padding:0 1px}",
    ".scare{outline:2px dashed #111;outline-offset:1px}",
    ".hedge{font-style:italic;text-decoration:underline wavy #111;text-underline-offset:4px}",
)
#: A highlighted sentence: yellow, outlined and marked with a triangle (not colour alone).
HIGHLIGHT_RULES = (
    ".sent.hl{background:#ffe98a;box-shadow:0 0 0 2px #111;border-radius:2px}",
    ".sent.hl::before{content:'\\25B6 ';font-size:.8em}",
)


def mark_css(rules: tuple[str, ...], *, scope: str = "") -> str:
    """The rules, one a line, each selector prefixed with ``scope`` (e.g. ``".rtn-explore "``).

    >>> mark_css(HIGHLIGHT_RULES[:1], scope=".x ")
    '.x .sent.hl{background:#ffe98a;box-shadow:0 0 0 2px #111;border-radius:2px}\\n'
    """
    return "".join(f"{scope}{rule}\n" for rule in rules)


def voice_css(*, scope: str = "", end: str = "") -> str:
    """One background colour per speaker class ``v0``, ``v1``, … (``VOICE_COLOURS``)."""
    return "".join(
        f"{scope}.voice.v{i}{{background:{c}}}{end}" for i, c in enumerate(VOICE_COLOURS)
    )


class Sentences:
    """Character position -> sentence id (``"p:s"``) from the ``sentences`` table."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.by_p: dict[int, tuple[list[int], list[int], list[int]]] = {}
        for p, group in table.sort_values(["paragraph", "start"]).groupby("paragraph"):
            self.by_p[int(p)] = (
                group["start"].astype(int).tolist(),
                group["end"].astype(int).tolist(),
                group["sentence"].astype(int).tolist(),
            )

    def at(self, p: int, position: int) -> str | None:
        starts, ends, ids = self.by_p.get(p, ([], [], []))
        i = bisect_right(starts, position) - 1
        if i >= 0 and position < ends[i]:
            return f"{p}:{ids[i]}"
        return None

    def overlapping(self, p: int, start: int, end: int) -> list[str]:
        starts, ends, ids = self.by_p.get(p, ([], [], []))
        return [
            f"{p}:{s}" for a, b, s in zip(starts, ends, ids, strict=True) if a < end and b > start
        ]

    def bounds(self, p: int) -> list[tuple[int, int, str]]:
        starts, ends, ids = self.by_p.get(p, ([], [], []))
        return [(a, b, f"{p}:{s}") for a, b, s in zip(starts, ends, ids, strict=True)]

    def of_spans(self, rows: pd.DataFrame) -> list[str]:
        """The sentences that the spans of a table (``paragraph, start, end``: the voices
        table, say) overlap, span by span."""
        return [
            s
            for r in rows.itertuples(index=False)
            for s in self.overlapping(int(r.paragraph), int(r.start), int(r.end))
        ]

    def of_starts(self, rows: pd.DataFrame) -> list[str | None]:
        """The sentence in which each row of a table (``paragraph, start``: loaded terms,
        scare quotes) starts."""
        return [self.at(int(r.paragraph), int(r.start)) for r in rows.itertuples(index=False)]


def hedge_spans(article: Article, hedges: pd.DataFrame, quotes: pd.DataFrame) -> list[tuple]:
    """``(paragraph, start, end, row)`` for each hedge: the hedges table gives the words, not
    their offsets, so each is found in its paragraph in order (a reporting verb by its cue)."""
    spans, used = [], set()
    for row in hedges.itertuples(index=False):
        p = int(row.paragraph)
        text = article.title if p < 0 else article.paragraphs[p]
        needle = row.text if not str(row.kind).startswith("reporting verb") else row.term
        for m in re.finditer(rf"(?<!\w){re.escape(str(needle))}(?!\w)", text, re.IGNORECASE):
            if (p, m.start()) not in used:
                used.add((p, m.start()))
                spans.append((p, m.start(), m.end(), row))
                break
    return spans


def article_units(article: Article) -> list[tuple[int, str]]:
    """``(paragraph, text)`` for the headline (paragraph -1) and every body paragraph."""
    return [(-1, article.title), *enumerate(article.paragraphs)]


class Marked:
    """An article's marks (voices, loaded words, hedges, scare quotes), ready to render:
    ``marks[paragraph]`` holds ``(start, end, kind, css classes, tip, key)``."""

    def __init__(self, analysis: Analysis) -> None:
        article, t = analysis.article, analysis.tables
        self.article = article
        self.sents = Sentences(t["sentences"])
        voices, quotes = t["voices"], t["quotes"]
        self.speakers = speakers = [v for v in dict.fromkeys(voices["voice"]) if v != NARRATOR]
        self.letter = {v: speaker_letter(i) for i, v in enumerate(speakers)}
        index = {v: i for i, v in enumerate(speakers)}
        marks: dict[int, list[tuple[int, int, str, str, str, str]]] = {
            p: [] for p, _ in article_units(article)
        }
        self.marks = marks
        utterances: dict[tuple[int, str], list] = {}  # (paragraph, speaker) -> its quotes
        for q in quotes.itertuples(index=False):
            utterances.setdefault((int(q.paragraph), q.speaker), []).append(q)
        for row in voices.itertuples(index=False):
            if row.voice == NARRATOR:
                continue
            p = int(row.paragraph)
            tip = f"Speaker: {row.voice} ({row.mode})"
            for q in utterances.get((p, row.voice), ()):
                if q.start <= row.start and q.end >= row.end:  # the utterance it belongs to
                    tip += f" · cue verb: {q.cue or '—'} · {q.kind} · rule: {q.rule}"
                    break
            css = f"voice v{index[row.voice] % len(VOICE_COLOURS)} {row.mode}"
            marks[p].append((int(row.start), int(row.end), "voice", css, tip, row.voice))
        for row in t["loaded_terms"].itertuples(index=False):
            p = int(row.paragraph)
            if row.voice != NARRATOR:
                whose = f"quoted word of {row.voice}"
            elif row.speaker != NARRATOR:
                whose = f"the outlet’s word, paraphrasing {row.speaker}"
            else:
                whose = "the outlet’s own word"
            tip = f"Loaded word: {row.category} · {whose} · {row.source} list · {row.explanation}"
            marks[p].append((int(row.start), int(row.end), "loaded", "loaded", tip, row.category))
        for p, start, end, row in hedge_spans(article, t["hedges"], quotes):
            tip = f"Hedge: {row.kind} · {row.explanation}"
            marks[p].append((start, end, "hedge", "hedge", tip, row.kind))
        for row in t["scare_quotes"].itertuples(index=False):
            p = int(row.paragraph)
            tip = (
                "Scare quotes: quotation marks around words nobody in the article is said to speak"
            )
            marks[p].append((int(row.start), int(row.end), "scare", "scare", tip, ""))

    def paragraphs(self, highlight: frozenset[str] | set[str] = frozenset()) -> list[str]:
        """The headline and every paragraph as HTML; sentences in ``highlight`` (``"p:s"``
        ids) get the ``hl`` class."""
        return [
            paragraph_html(p, text, self.marks[p], self.sents, self.letter, highlight)
            for p, text in article_units(self.article)
        ]


def paragraph_html(
    p: int,
    text: str,
    marks: list,
    sents: Sentences,
    letter: dict,
    highlight: frozenset[str] | set[str] = frozenset(),
) -> str:
    """One paragraph (or the headline, ``p == -1``) cut into runs where any label changes;
    runs are grouped into sentence spans; annotated runs are focusable spans."""
    cuts = {0, len(text)}
    for start, end, *_ in marks:
        cuts.update((max(0, min(start, len(text))), max(0, min(end, len(text)))))
    for a, b, _ in sents.bounds(p):
        cuts.update((a, b))
    cuts = sorted(cuts)
    pieces: list[str] = []
    current_sentence: str | None = None
    open_sentence = False
    previous_voice: str | None = None  # a letter label where a speaker's stretch begins
    # a sweep over the cuts keeps the marks covering each run (linear in runs and marks)
    by_start = sorted(enumerate(marks), key=lambda im: im[1][0])
    covering: list[tuple[int, tuple]] = []
    j = 0
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        covering = [im for im in covering if im[1][1] > a]
        while j < len(by_start) and by_start[j][1][0] <= a:
            if by_start[j][1][1] > a:
                covering.append(by_start[j])
            j += 1
        sid = sents.at(p, a)
        if sid != current_sentence or not open_sentence:
            if open_sentence:
                pieces.append("</span>")
                open_sentence = False
            if sid is not None:
                lit = " hl" if sid in highlight else ""
                pieces.append(f"<span class='sent{lit}' data-s='{escape(sid)}'>")
                open_sentence = True
            current_sentence = sid
        active = [m for _i, m in sorted(covering, key=lambda im: im[0])]  # in the marks' order
        chunk = escape(text[a:b])
        voice = next((m[5] for m in active if m[2] == "voice"), None)
        starts_voice, previous_voice = voice is not None and voice != previous_voice, voice
        if not active:
            pieces.append(chunk)
            continue
        classes, tips, attrs = [], [], ""
        for _start, _end, kind, css, tip, key in active:
            classes.append(css)
            tips.append(tip)
            if kind == "voice":
                attrs += f" data-voice='{escape(key)}'"
                if starts_voice:
                    classes.append("vstart")
                    attrs += f" data-label='{escape(letter[key])}'"
            elif kind == "loaded":
                attrs += f" data-category='{escape(key)}'"
        tip = " | ".join(tips)
        pieces.append(
            f"<span class='mark {' '.join(classes)}' tabindex='0'{attrs} "
            f"title='{escape(tip)}' data-tip='{escape(tip)}'>{chunk}</span>"
        )
    if open_sentence:
        pieces.append("</span>")
    inner = "".join(pieces)
    if p < 0:
        return f"<h2 class='headline' id='p-1'><small>Headline</small> {inner}</h2>"
    return f"<p id='p{p}'><small class='pn' aria-hidden='true'>[{p}]</small> {inner}</p>"


def sentence_ids(rows: pd.DataFrame) -> list[str]:
    """``paragraph:sentence`` of each row of a table with those two columns."""
    return [f"{int(p)}:{int(s)}" for p, s in zip(rows["paragraph"], rows["sentence"], strict=True)]
