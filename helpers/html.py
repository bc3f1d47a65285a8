"""Small HTML views for notebooks. Article text is untrusted: every piece is escaped."""

from __future__ import annotations

import html

from .article import Article

__all__ = ["HTML", "escape", "headline_and_lede", "speaker_letter"]


class HTML(str):
    """A string that Jupyter displays as HTML (no IPython import needed)."""

    def _repr_html_(self) -> str:
        return str(self)


def escape(text: object) -> str:
    """Escape text for HTML, quotes included.

    >>> escape('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape(str(text), quote=True)


def headline_and_lede(article: Article) -> HTML:
    """The headline beside the first body paragraph (the lede), as two labelled boxes."""
    box = (
        "<div style='flex:1;border:1px solid #999;border-radius:4px;padding:0.6em 0.8em'>"
        "<div style='font-size:0.8em;text-transform:uppercase;color:#555'>{label}</div>"
        "<div style='{style}'>{text}</div></div>"
    )
    headline = box.format(
        label="Headline", style="font-weight:bold;font-size:1.15em", text=escape(article.title)
    )
    first = article.paragraphs[0] if article.paragraphs else ""  # an Article may have no body
    lede = box.format(label="First paragraph (the lede)", style="", text=escape(first))
    return HTML(f"<div style='display:flex;gap:1em'>{headline}{lede}</div>")


#: Colour-blind-safe colours for voices (Okabe & Ito 2008), light tints so text stays legible.
#: Ordered so that the first three (most articles quote few speakers) stay far apart (CIE76
#: delta E of 15 or more) under simulated deuteranopia, protanopia and tritanopia (Machado et
#: al. 2009; tests/test_html.py); light tints cannot all stay apart, so every speaker also
#: has a letter label.
VOICE_COLOURS = ["#cfe8f7", "#fff3b0", "#f4cbb8", "#fde2b8", "#d9d2f0", "#f7d6e6", "#c9ecd9"]


def annotated_voices(article, voices_table, *, scare=None, headline: bool = True) -> HTML:
    """The article with each stretch coloured by its voice and a legend (all text escaped).

    Quoted words are underlined; reported speech is shaded in the speaker's colour; the
    outlet's own narration stays white. Colour is not the only cue (WCAG 2.1, 1.4.1): each
    speaker has a letter, drawn as ``[A]`` where one of its stretches begins, as the X-ray
    does. Spans in ``scare`` (the ``scare_quotes`` table) get a dashed box: quotation marks
    that nobody in the article speaks.
    """
    speakers_in_order = [v for v in dict.fromkeys(voices_table["voice"]) if v != "NARRATOR"]
    colours = {v: VOICE_COLOURS[i % len(VOICE_COLOURS)] for i, v in enumerate(speakers_in_order)}
    letters = {v: speaker_letter(i) for i, v in enumerate(speakers_in_order)}
    legend = "".join(
        f"<span style='background:{colours[v]};padding:0 0.4em;margin-right:0.6em'>"
        f"<b>[{letters[v]}]</b> {escape(v)}</span>"
        for v in speakers_in_order
    )
    legend += (
        "<span style='margin-right:0.6em'>NARRATOR (the outlet's own voice) = no colour</span>"
        "<span style='text-decoration:underline;margin-right:0.6em'>underlined = the "
        "speaker's own quoted words</span>"
    )
    if scare is not None:
        legend += f"<span style='{_SCARE_STYLE}'>dashed box = scare quotes</span>"
    parts = [f"{_LABEL_STYLE}<div style='line-height:1.6'><p style='font-size:0.9em'>{legend}</p>"]
    if headline:
        parts.append(f"<p><b>{escape(article.title)}</b> <small>(headline)</small></p>")
    for p, text in enumerate(article.paragraphs):
        labels = [("NARRATOR", "narration", False)] * len(text)
        for row in voices_table[voices_table["paragraph"] == p].itertuples():
            for i in range(row.start, row.end):
                labels[i] = (row.voice, row.mode, False)
        if scare is not None:
            for row in scare[scare["paragraph"] == p].itertuples():
                for i in range(row.start, row.end):
                    labels[i] = (*labels[i][:2], True)
        pieces, start, previous = [], 0, "NARRATOR"
        for i in range(1, len(text) + 1):
            if i == len(text) or labels[i] != labels[start]:
                voice = labels[start][0]
                if voice != "NARRATOR" and voice != previous:  # a speaker's stretch begins
                    pieces.append(_label(letters[voice], voice))
                pieces.append(_styled(text[start:i], *labels[start], colours))
                previous, start = voice, i
        parts.append(f"<p><small style='color:#666'>[{p}]</small> {''.join(pieces)}</p>")
    parts.append("</div>")
    return HTML("".join(parts))


_SCARE_STYLE = "outline:1px dashed #333;outline-offset:1px"


def speaker_letter(i: int) -> str:
    """A, B, … Z, then A1, B1 …: the speakers' letters here and in the X-ray."""
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[i % 26] + ("" if i < 26 else str(i // 26))


def _label(letter: str, voice: str) -> str:
    """An empty marker whose letter is drawn by ``_LABEL_STYLE`` (CSS generated content, as in
    the X-ray), so that the article's own text stays one unbroken string for copying,
    searching and the escaping tests."""
    return (
        f"<span class='voice-label' data-label='{escape(letter)}' title='{escape(voice)}'></span>"
    )


_LABEL_STYLE = (
    "<style>.voice-label::before{content:'[' attr(data-label) ']';font-weight:bold;"
    "font-size:0.8em;margin-right:0.15em}</style>"
)


def _styled(text: str, voice: str, mode: str, is_scare: bool, colours: dict) -> str:
    styles, title = [], f"{voice} ({mode})"
    if voice != "NARRATOR":
        styles.append(f"background:{colours[voice]}")
    if mode == "quoted":
        styles.append("text-decoration:underline")
    if is_scare:
        styles.append(_SCARE_STYLE)
        title = "scare quotes: nobody in the article says this"
    if not styles:
        return escape(text)
    return f"<span title='{escape(title)}' style='{';'.join(styles)}'>{escape(text)}</span>"


#: One colour per loaded-language category (Okabe & Ito 2008 tints) for annotated views.
CATEGORY_COLOURS = {
    "name calling": "#f4cbb8",
    "loaded language": "#fde2b8",
    "exaggeration": "#fff3b0",
    "appeal to fear": "#f7d6e6",
    "flag-waving": "#cfe8f7",
    "euphemism": "#c9ecd9",
    "tabloid verb": "#d9d2f0",
    "emotive (lexicon)": "#e6e6e6",
    "distancing (scare quotes)": "#ffffff",
}


def annotated_terms(article, terms, *, headline: bool = True) -> HTML:
    """The article with every loaded term highlighted by category (colour), with its owner
    in bold when it is a quoted speaker's word, and the explanation on hover. Text escaped."""
    legend = "".join(
        f"<span style='background:{colour};padding:0 0.4em;margin-right:0.5em;"
        f"{'outline:1px dashed #333' if 'scare' in cat else ''}'>{escape(cat)}</span>"
        for cat, colour in CATEGORY_COLOURS.items()
        if cat in set(terms["category"])
    )
    legend += "<span><b>bold</b> = a quoted speaker's own word; plain = the outlet's wording</span>"
    parts = [f"<div style='line-height:1.7'><p style='font-size:0.9em'>{legend}</p>"]
    units = ([(-1, article.title)] if headline else []) + list(enumerate(article.paragraphs))
    for p, text in units:
        mine = terms[terms["paragraph"] == p].sort_values("start")
        scare = mine[mine["category"].str.contains("scare")]
        pieces, at = [], 0
        for row in mine.itertuples():
            if row.start < at:
                continue
            colour = CATEGORY_COLOURS.get(row.category, "#eeeeee")
            style = f"background:{colour}"
            if ((scare["start"] < row.end) & (scare["end"] > row.start)).any():
                style += ";outline:1px dashed #333"  # also in scare quotes
            word = escape(text[row.start : row.end])
            if row.voice != "NARRATOR":
                word = f"<b>{word}</b>"
            tip = escape(f"{row.category} · {row.voice} · {row.explanation}")
            pieces.append(escape(text[at : row.start]))
            pieces.append(f"<span title='{tip}' style='{style}'>{word}</span>")
            at = row.end
        pieces.append(escape(text[at:]))
        body = "".join(pieces)
        if p < 0:
            parts.append(f"<p><b>{body}</b> <small>(headline)</small></p>")
        else:
            parts.append(f"<p><small style='color:#666'>[{p}]</small> {body}</p>")
    parts.append("</div>")
    return HTML("".join(parts))
