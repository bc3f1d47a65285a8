"""The article X-ray: one self-contained, offline HTML page per article.

``python -m helpers xray ARTICLE... [--out DIR]`` (and ``make report``, which links it first
from ``index.html``) writes ``DIR/<slug>/xray.html``: the article coloured by voice, with
loaded words, hedges and scare quotes marked, and a side panel (share of voice, tone by voice,
stance with its evidence, loaded words by category, hedges, frames, the headline check) where
each item is a button that highlights the sentences behind it. Every mark is focusable and
says, on hover or focus, who speaks it (speaker, cue verb, the attribution rule), or which
category and explanation the word list gives it: the same tables as the notebooks
(:func:`helpers.analyze`), nothing recomputed differently.

How it stays safe and usable:

* **Untrusted text.** Every piece of the article (and every name or word drawn from it) is
  escaped with :func:`helpers.html.escape`; the script reads only ids and the escaped
  ``data-tip`` attributes, and writes with ``textContent``. A Content-Security-Policy allows
  only this page's own script (by its SHA-256 hash) and inline styles, and no request at all
  (``default-src 'none'``), so even a payload that slipped through could neither run nor load.
* **Offline.** Inline CSS and JavaScript, no font, image or link that loads anything.
* **Keyboard and screen readers.** Marks have ``tabindex="0"``; their explanation appears on
  focus as well as hover and in a live region; panel items are ``<button>``\\ s with
  ``aria-pressed``; focus is outlined.
* **Greyscale and print.** Nothing is told by colour alone: each speaker's stretch starts with
  a letter label ``[A]``; quoted words are underlined; loaded words are bold in a solid box;
  scare quotes are in a dashed box; hedges have a wavy underline and are italic. The print
  stylesheet keeps the marks and puts the panel after the article.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from .analysis import Analysis, analyze
from .article import Article
from .html import VOICE_COLOURS, escape
from .marks import (
    HIGHLIGHT_RULES,
    MARK_RULES,
    Marked,
    Sentences,
    hedge_spans,
    mark_css,
    sentence_ids,
    voice_css,
)
from .quotes import NARRATOR
from .sentiment import label

_TONE = {"positive": "warm", "negative": "hostile", "neutral": "neutral"}

__all__ = ["xray_html", "write_xray", "XRAY_NAME"]

#: The file name of the X-ray inside an article's report folder.
XRAY_NAME = "xray.html"


def xray_html(article: Analysis | Article | str | Path) -> str:
    """The X-ray page of an article (a path, an ``Article`` or its ``Analysis``) as a string.

    >>> from helpers import article_from_text
    >>> page = xray_html(article_from_text("Rain <b>due</b>\\n\\n“It is grim,” said Ann Lee."))
    >>> "Rain &lt;b&gt;due&lt;/b&gt;" in page and "<b>due</b>" not in page
    True
    """
    analysis = article if isinstance(article, Analysis) else analyze(article)
    article = analysis.article
    marked = Marked(analysis)
    sents, speakers, letter = marked.sents, marked.speakers, marked.letter
    body = marked.paragraphs()

    panel = _panel(analysis, sents, speakers, letter)
    title = escape(article.title)
    meta = " · ".join(
        escape(x)
        for x in (article.outlet, article.date, article.meta.get("author"), article.url)
        if x
    )
    script_hash = base64.b64encode(hashlib.sha256(_SCRIPT.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'"
    return (
        "<!doctype html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<meta http-equiv='Content-Security-Policy' content=\"{csp}\">"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>X-ray: {title}</title><style>{_CSS}{voice_css()}</style></head><body>"
        "<a class='skip' href='#panel'>Skip to the panel</a>"
        f"<header><p class='kind'>Article X-ray</p><h1>{title}</h1>"
        f"<p class='meta'>{meta}</p></header>"
        "<div class='layout'><main id='article' aria-label='The article, annotated'>"
        f"{_legend(speakers, letter)}{''.join(body)}</main>"
        f"<aside id='panel' aria-label='What the tables say'>{panel}</aside></div>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def _legend(speakers: list[str], letter: dict) -> str:
    who = "".join(
        f"<li><span class='voice v{i % len(VOICE_COLOURS)} sw'>[{escape(letter[v])}]</span> "
        f"{escape(v)}</li>"
        for i, v in enumerate(speakers)
    )
    return (
        "<details class='legend' open><summary>How to read the marks</summary><ul>"
        f"{who}<li>No colour: the outlet’s own narration</li>"
        "<li><span class='mark voice quoted'>underlined</span>: a speaker’s own quoted words;"
        " shaded without underline: the outlet’s paraphrase of a speaker</li>"
        "<li><span class='mark loaded'>bold in a solid box</span>: a loaded word</li>"
        "<li><span class='mark hedge'>wavy underline, italic</span>: a hedge or a doubting "
        "reporting verb</li>"
        "<li><span class='mark scare'>dashed box</span>: scare quotes</li></ul>"
        "<p>Hover over or Tab to a mark for who says it and why it is marked; the same text "
        "appears in the panel.</p></details>"
    )


def _ids(items) -> str:
    return escape(" ".join(dict.fromkeys(i for i in items if i)))


def _item(label: str, sentence_ids_, extra: str = "") -> str:
    return (
        f"<li><button type='button' class='item' aria-pressed='false' "
        f"data-sents='{_ids(sentence_ids_)}'>{label}</button>{extra}</li>"
    )


def _panel(analysis: Analysis, sents: Sentences, speakers, letter) -> str:
    t = analysis.tables
    voices = t["voices"]
    sections = [
        "<section><h2>Show</h2><p class='toggles'>"
        + "".join(
            f"<button type='button' class='layer' aria-pressed='true' data-layer='{k}'>{n}</button>"
            for k, n in (
                ("voice", "Voices"),
                ("loaded", "Loaded words"),
                ("hedge", "Hedges"),
                ("scare", "Scare quotes"),
            )
        )
        + "</p><p class='hint'>Click an item below to highlight its sentences; click again "
        "to clear.</p><div id='details' aria-live='polite' class='details'>"
        "Focus a mark to read its explanation here.</div></section>"
    ]

    # share of voice, one button per voice
    share = (
        t["share_of_voice"].groupby("voice", sort=False, as_index=False)[["n_words", "share"]].sum()
    )
    items = []
    for row in share.itertuples(index=False):
        ids = sents.of_spans(voices[voices["voice"] == row.voice])
        name = "the outlet (narration)" if row.voice == NARRATOR else row.voice
        tag = f"[{letter[row.voice]}] " if row.voice in letter else ""
        items.append(
            _item(f"{escape(tag + name)}: {row.share:.0%} ({int(row.n_words)} words)", ids)
        )
    sections.append(_section("Share of voice", items, "Nobody speaks in this article."))

    # tone by voice
    units = analysis.part("_units")  # VADER's units: TextBlob's columns are not needed here
    items = []
    for row in t["sentiment"].itertuples(index=False):
        mine = units[units["voice"] == row.voice]
        ids = sentence_ids(mine)
        name = "the outlet" if row.voice == NARRATOR else row.voice
        tone = _TONE[label(row.mean)]  # VADER's ±0.05 cut-offs (helpers.sentiment.label)
        n = int(row.n_units)
        items.append(
            _item(
                f"{escape(name)}: {tone} (VADER mean {row.mean:+.2f}, {n} "
                f"sentence{'' if n == 1 else 's'})",
                ids,
            )
        )
    sections.append(_section("Tone by voice", items, "No sentences to score."))

    # stance, with its evidence
    evidence = t["stance_evidence"]
    items = []
    for row in t["stance"].itertuples(index=False):
        ev = evidence[(evidence["speaker"] == row.speaker) & (evidence["target"] == row.target)]
        ids = sentence_ids(ev)
        lines = "".join(
            f"<li>{escape(e.text)} <small>({escape(e.source)}"
            f"{', cue: ' + escape(e.cue) if e.cue else ''}, {e.contribution:+.2f})</small></li>"
            for e in ev.itertuples(index=False)
        )
        who = "the outlet" if row.speaker == NARRATOR else row.speaker
        direction = (
            "no clear stance on"  # too little evidence: see stance.CLEAR_MIN
            if not row.clear
            else "for"
            if row.stance > 0
            else "against"
        )
        extra = f"<details><summary>evidence ({len(ev)})</summary><ul>{lines}</ul></details>"
        items.append(
            _item(
                f"{escape(who)} {direction} {escape(row.target)} ({float(row.stance):+.2f})",
                ids,
                extra,
            )
        )
    sections.append(_section("Stance", items, "No stance found."))

    # loaded words by category, and hedges
    terms = t["loaded_terms"]
    items = []
    for category, group in terms.groupby("category", sort=False):
        ids = sents.of_starts(group)
        words = ", ".join(dict.fromkeys(group["text"].str.lower()))
        items.append(_item(f"{escape(category)} ({len(group)}): {escape(words)}", ids))
    sections.append(_section("Loaded words", items, "No loaded words found."))
    items = []
    for p, start, _end, row in hedge_spans(analysis.article, t["hedges"], t["quotes"]):
        items.append(
            _item(f"{escape(row.text)} <small>({escape(row.kind)})</small>", [sents.at(p, start)])
        )
    sections.append(_section("Hedges", items, "No hedges found."))

    # frames
    fe = t["frame_evidence"]
    items = []
    for row in t["frames"].itertuples(index=False):
        mine = fe[fe["frame"] == row.frame]
        ids = sentence_ids(mine)
        cues = ", ".join(map(str, row.cues))
        star = " — dominant" if row.dominant and row.n_cues else ""
        items.append(
            _item(
                f"{escape(str(row.frame).replace('_', ' '))}: {int(row.n_cues)} cues{star}"
                f"{' (' + escape(cues) + ')' if cues else ''}",
                ids,
            )
        )
    sections.append(_section("Frames", items, "No frame cues found."))

    # headline check
    items = []
    article = analysis.article
    for row in t["headline_check"].itertuples(index=False):
        word = str(row.word)
        ids = [s for s in sents.overlapping(-1, 0, len(article.title))]
        for p in row.body_paragraphs:
            text = article.paragraphs[int(p)]
            whole_word = rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])"  # "war", not "warned"
            hits = [m.start() for m in re.finditer(whole_word, text, re.IGNORECASE)]
            ids += [sents.at(int(p), h) for h in hits] or sents.overlapping(int(p), 0, len(text))
        where = (
            f"also in the body (paragraphs {', '.join(map(str, row.body_paragraphs))})"
            if row.in_body
            else "only in the headline"
        )
        items.append(_item(f"“{escape(word)}” ({escape(row.category)}): {where}", ids))
    sections.append(_section("Headline check", items, "No key words in the headline."))
    return "".join(sections)


def _section(title: str, items: list[str], empty: str) -> str:
    inner = f"<ul>{''.join(items)}</ul>" if items else f"<p>{escape(empty)}</p>"
    return f"<section><h2>{escape(title)}</h2>{inner}</section>"


_PAGE_CSS = """
:root{--ink:#111;--muted:#555;--focus:#000}
*{box-sizing:border-box}
body{font:16px/1.6 Georgia,'Times New Roman',serif;color:var(--ink);margin:0;background:#fff}
header{padding:1em 1.5em;border-bottom:2px solid #333}
header h1{margin:.2em 0;font-size:1.6em}
.kind{text-transform:uppercase;letter-spacing:.08em;font:600 .8em system-ui,sans-serif;margin:0}
.meta{color:var(--muted);font-size:.9em;margin:0}
.skip{position:absolute;left:-999px}.skip:focus{left:1em;top:1em;background:#fff;padding:.3em}
.layout{display:flex;gap:1.5em;padding:1em 1.5em;align-items:flex-start}
main{flex:3;min-width:0;max-width:48em}
aside{flex:2;min-width:18em;font:15px/1.45 system-ui,sans-serif;position:sticky;top:0;
  max-height:100vh;overflow:auto;border-left:1px solid #999;padding-left:1em}
aside h2{font-size:1em;margin:1em 0 .3em;text-transform:uppercase;letter-spacing:.05em}
aside ul{list-style:none;padding:0;margin:0}
aside li{margin:.2em 0}
button{font:inherit;cursor:pointer;text-align:left;border:1px solid #444;background:#f4f4f4;
  border-radius:3px;padding:.15em .5em;color:inherit}
button[aria-pressed=true]{background:#222;color:#fff}
button.layer{margin:0 .3em .3em 0}
.details{border:1px solid #999;padding:.4em .6em;min-height:3em;font-size:.9em;background:#fafafa}
.hint{font-size:.85em;color:var(--muted)}
.legend{font:14px/1.5 system-ui,sans-serif;border:1px solid #bbb;padding:.3em .8em;
  margin-bottom:1em}
.legend ul{padding-left:1.2em;margin:.3em 0}
.pn{color:var(--muted);font:12px system-ui,sans-serif}
.headline{font-size:1.25em}.headline small{font:600 .6em system-ui,sans-serif;
  text-transform:uppercase;color:var(--muted);margin-right:.4em}
.mark{border-radius:2px;position:relative}
.mark:focus,button:focus{outline:3px solid var(--focus);outline-offset:2px}
"""
_LAYER_CSS = """\
body.no-voice .voice{background:none!important;text-decoration:none}
body.no-voice .voice.vstart::before{content:none}
body.no-loaded .loaded{font-weight:inherit;box-shadow:none}
body.no-hedge .hedge{font-style:inherit;text-decoration:none}
body.no-scare .scare{outline:none}
"""
_TIP_CSS = """\
.mark[data-tip]:hover::after,.mark[data-tip]:focus::after{content:attr(data-tip);position:absolute;
  z-index:5;max-width:28em;background:#111;color:#fff;font:13px/1.4 system-ui,sans-serif;
  padding:.4em .6em;border-radius:3px;top:1.7em;left:0;width:max-content;white-space:normal;
  font-style:normal;font-weight:normal;text-decoration:none}
@media (max-width:800px){.layout{flex-direction:column}aside{position:static;max-height:none;
  border:0;padding:0}}
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  .layout{display:block}aside{position:static;max-height:none;overflow:visible;border:0;
  padding:0;page-break-before:always}.mark::after{content:none!important}
  .toggles,.hint,.details,.skip{display:none}button{border:0;background:none!important;
  color:#000!important;padding:0}details>*{display:block}}
"""
_CSS = _PAGE_CSS + mark_css(MARK_RULES) + _LAYER_CSS + mark_css(HIGHLIGHT_RULES) + _TIP_CSS

_SCRIPT = """
(function () {
  var body = document.body, details = document.getElementById('details');
  document.querySelectorAll('button.layer').forEach(function (b) {
    b.addEventListener('click', function () {
      var on = b.getAttribute('aria-pressed') !== 'true';
      b.setAttribute('aria-pressed', on ? 'true' : 'false');
      body.classList.toggle('no-' + b.dataset.layer, !on);
    });
  });
  function clear() {
    document.querySelectorAll('.sent.hl').forEach(function (s) { s.classList.remove('hl'); });
    document.querySelectorAll('button.item[aria-pressed=true]').forEach(function (b) {
      b.setAttribute('aria-pressed', 'false');
    });
  }
  document.querySelectorAll('button.item').forEach(function (b) {
    b.addEventListener('click', function () {
      var was = b.getAttribute('aria-pressed') === 'true';
      clear();
      if (was) return;
      b.setAttribute('aria-pressed', 'true');
      var ids = (b.dataset.sents || '').split(' ').filter(Boolean), first = null;
      document.querySelectorAll('.sent').forEach(function (s) {
        if (ids.indexOf(s.dataset.s) >= 0) { s.classList.add('hl'); first = first || s; }
      });
      if (first) first.scrollIntoView({block: 'center'});
    });
  });
  function show(e) {
    var m = e.target.closest ? e.target.closest('.mark') : null;
    if (m && m.dataset.tip) details.textContent = m.dataset.tip;
  }
  document.addEventListener('focusin', show);
  document.addEventListener('mouseover', show);
})();
"""


def write_xray(article: Analysis | Article | str | Path, out: str | Path) -> Path:
    """Write ``out/<slug>/xray.html`` and return its path (an existing X-ray is replaced: it
    is generated, like the reports). Example: ``write_xray("data/articles/x.md", "reports")``.
    """
    analysis = article if isinstance(article, Analysis) else analyze(article)
    folder = Path(out) / analysis.article.slug
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / XRAY_NAME
    path.write_text(xray_html(analysis), encoding="utf-8")
    return path
