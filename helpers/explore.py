"""``explore(article)``: the article in JupyterLab, explored with widgets instead of code.

Pick an article from ``data/articles/`` (or type a path or a web address and press *Load*);
the article is shown coloured by voice, with loaded words, hedges and scare quotes marked as in
the X-ray (:mod:`helpers.xray`: letter labels, underlines and boxes, not colour alone; each
mark explains itself on hover). Choosing a **speaker**, a **target**, a **word category** or a
**frame** highlights the sentences behind it and filters the table beside the article:

* speaker: that speaker's quotes (with cue verb and rule) and stance evidence;
* target: the stance evidence about that target (narrowed to the speaker, if one is chosen);
* word category: the loaded words of that category, hedges or scare quotes (narrowed to the
  speaker's own words, if one is chosen);
* frame: the frame's cue words.

Every piece of article text is escaped (pandas' ``to_html`` escapes; the article view is the
X-ray's). A web address is fetched only when *Load* is pressed (:func:`helpers.fetch_article`);
a bad file or page shows its one-line error in the widget, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .analysis import Analysis, analyze
from .article import Article, ArticleError
from .html import escape
from .marks import (
    HIGHLIGHT_RULES,
    MARK_RULES,
    Marked,
    hedge_spans,
    mark_css,
    sentence_ids,
    voice_css,
)
from .paths import ARTICLES_DIR

__all__ = ["explore", "Explorer", "ALL"]

#: The "no filter" choice of every drop-down.
ALL = "(all)"
_HEDGES, _SCARE = "hedges", "scare quotes"

#: The X-ray's marks (:mod:`helpers.marks`), scoped to the view so that they style nothing
#: else in the notebook.
_SCOPE = ".rtn-explore "
_CSS = (
    "<style>\n.rtn-explore{line-height:1.6;font-size:15px}\n"
    + mark_css(MARK_RULES + HIGHLIGHT_RULES, scope=_SCOPE)
    + ".rtn-explore .pn{color:#666;font-size:.8em}\n"
    + voice_css(scope=_SCOPE, end="\n")
    + "</style>"
)


def _article_choices(folder: Path) -> list[tuple[str, str]]:
    if not folder.is_dir():
        return []
    files = sorted(p for p in folder.iterdir() if p.suffix in (".md", ".txt", ".html", ".htm"))
    return [(p.name, str(p)) for p in files]


class Explorer:
    """The state behind :func:`explore`: the analysis, the current choices, and the HTML of
    the article and of the table (``article_html``, ``table_html``), which the widgets show.
    Usable without widgets (tests, scripts)::

        >>> from helpers import article_from_text
        >>> e = Explorer(article_from_text("Row\\n\\n“No,” said Ann Lee. It rained."))
        >>> e.choose(speaker="Ann Lee").highlighted
        ['0:0']
    """

    def __init__(self, article: Analysis | Article | str | Path) -> None:
        self.load(article)

    def load(self, article: Analysis | Article | str | Path) -> Explorer:
        """Analyse another article (a path, a URL, an ``Article`` or an ``Analysis``)."""
        if isinstance(article, str) and article.lower().startswith(("http://", "https://")):
            from .web import fetch_article

            article = fetch_article(article)
        self.analysis = article if isinstance(article, Analysis) else analyze(article)
        self.marked = Marked(self.analysis)
        self.speaker = self.target = self.category = self.frame = ALL
        return self

    # --- the choices offered ------------------------------------------------------------------
    @property
    def speakers(self) -> list[str]:
        return [ALL, *self.marked.speakers]

    @property
    def targets(self) -> list[str]:
        return [ALL, *dict.fromkeys(self.analysis["stance"]["target"])]

    @property
    def categories(self) -> list[str]:
        found = list(dict.fromkeys(self.analysis["loaded_terms"]["category"]))
        found += [_HEDGES] if len(self.analysis["hedges"]) else []
        found += [_SCARE] if len(self.analysis["scare_quotes"]) else []
        return [ALL, *found]

    @property
    def frames(self) -> list[str]:
        frames = self.analysis["frames"]
        return [ALL, *frames.loc[frames["n_cues"] > 0, "frame"]]

    # --- choosing -----------------------------------------------------------------------------
    def choose(
        self,
        *,
        speaker: str | None = None,
        target: str | None = None,
        category: str | None = None,
        frame: str | None = None,
    ) -> Explorer:
        """Set any of the four filters (``ALL`` clears one); returns ``self``."""
        offered = {
            "speaker": (speaker, self.speakers),
            "target": (target, self.targets),
            "category": (category, self.categories),
            "frame": (frame, self.frames),
        }
        for name, (value, allowed) in offered.items():
            if value is not None:
                if value not in allowed:
                    raise ValueError(f"{name} must be one of {allowed}, not {value!r}")
                setattr(self, name, value)
        return self

    def tables(self) -> dict[str, pd.DataFrame]:
        """The evidence for the current choices, one table per active filter."""
        t, sents = self.analysis, self.marked.sents
        out: dict[str, pd.DataFrame] = {}
        if self.speaker != ALL:
            q = t["quotes"]
            out[f"Quotes of {self.speaker}"] = q.loc[
                q["speaker"] == self.speaker,
                ["paragraph", "sentence", "kind", "cue", "text", "rule"],
            ]
        if self.target != ALL or (self.speaker != ALL and self.category == ALL):
            ev = t["stance_evidence"]
            keep = pd.Series(True, index=ev.index)
            if self.target != ALL:
                keep &= ev["target"] == self.target
            if self.speaker != ALL:
                keep &= ev["speaker"] == self.speaker
            out["Stance evidence"] = ev.loc[
                keep, ["speaker", "target", "paragraph", "sentence", "text", "cue", "contribution"]
            ]
        if self.category not in (ALL, _HEDGES, _SCARE):
            terms = t["loaded_terms"]
            keep = terms["category"] == self.category
            if self.speaker != ALL:
                keep &= terms["speaker"] == self.speaker
            table = terms.loc[keep, ["paragraph", "text", "voice", "speaker", "explanation"]]
            table.insert(1, "sentence", [
                sents.at(int(p), int(s)) for p, s in zip(terms.loc[keep, "paragraph"],
                                                         terms.loc[keep, "start"], strict=True)
            ])  # fmt: skip
            out[f"Loaded words: {self.category}"] = table
        elif self.category == _HEDGES:
            out["Hedges"] = t["hedges"][["paragraph", "text", "kind", "voice", "explanation"]]
        elif self.category == _SCARE:
            out["Scare quotes"] = t["scare_quotes"][["paragraph", "text"]]
        if self.frame != ALL:
            fe = t["frame_evidence"]
            out[f"Frame: {self.frame}"] = fe.loc[
                fe["frame"] == self.frame, ["paragraph", "sentence", "cue", "text"]
            ]
        return out

    @property
    def highlighted(self) -> list[str]:
        """The sentence ids (``"paragraph:sentence"``) behind the current choices, in order."""
        t, sents = self.analysis, self.marked.sents
        ids: list[str | None] = []
        if self.speaker != ALL and self.target == ALL and self.category == ALL:
            ids += sents.of_spans(t["voices"][t["voices"]["voice"] == self.speaker])
        if self.target != ALL:
            ev = t["stance_evidence"]
            ev = ev[ev["target"] == self.target]
            if self.speaker != ALL:
                ev = ev[ev["speaker"] == self.speaker]
            ids += sentence_ids(ev)
        if self.category not in (ALL, _HEDGES, _SCARE):
            terms = t["loaded_terms"]
            terms = terms[terms["category"] == self.category]
            if self.speaker != ALL:
                terms = terms[terms["speaker"] == self.speaker]
            ids += sents.of_starts(terms)
        elif self.category == _HEDGES:
            spans = hedge_spans(self.analysis.article, t["hedges"], t["quotes"])
            ids += [sents.at(p, start) for p, start, _e, _r in spans]
        elif self.category == _SCARE:
            ids += sents.of_starts(t["scare_quotes"])
        if self.frame != ALL:
            fe = t["frame_evidence"]
            fe = fe[fe["frame"] == self.frame]
            ids += sentence_ids(fe)
        order = {sid: i for i, (_a, _b, sid) in enumerate(self._all_sentences())}
        return sorted({i for i in ids if i}, key=lambda i: order.get(i, len(order)))

    def _all_sentences(self):
        for p, _text in [(-1, None), *enumerate(self.analysis.article.paragraphs)]:
            yield from self.marked.sents.bounds(p)

    def article_html(self) -> str:
        """The marked article with the chosen sentences highlighted (all text escaped)."""
        body = "".join(self.marked.paragraphs(frozenset(self.highlighted)))
        return f"{_CSS}<div class='rtn-explore'>{body}</div>"

    def table_html(self) -> str:
        """The filtered tables as HTML (pandas escapes every cell)."""
        tables = self.tables()
        if not tables:
            return (
                "<p>Choose a speaker, a target, a word category or a frame to see its "
                "evidence here.</p>"
            )
        parts = []
        for title, table in tables.items():
            shown = (
                table.to_html(index=False, escape=True, border=0)
                if len(table)
                else ("<p>(none)</p>")
            )
            parts.append(f"<h4>{escape(title)} ({len(table)})</h4>{shown}")
        return "".join(parts)


def explore(article: Analysis | Article | str | Path | None = None, *, folder=ARTICLES_DIR):
    """An interactive view of an article for JupyterLab (ipywidgets): pick an article or give a
    path or URL; choose a speaker, target, word category or frame to highlight its evidence.

    Example (in a notebook): ``explore("data/articles/my-article.md")`` or ``explore()``.
    """
    import ipywidgets as w

    choices = _article_choices(Path(folder))
    if article is None:
        if not choices:
            raise ArticleError(folder, "has no article files to explore")
        article = choices[0][1]
    state = Explorer(article)
    layout = w.Layout(width="auto")
    picker = w.Dropdown(options=[("(the article given)", ""), *choices], description="Article")
    source = w.Text(placeholder="or a path or https:// address", layout=w.Layout(width="22em"))
    load = w.Button(description="Load", tooltip="Load the path or web address typed here")
    status = w.HTML()
    drop = {
        name: w.Dropdown(description=label, layout=layout)
        for name, label in (
            ("speaker", "Speaker"),
            ("target", "Target"),
            ("category", "Words"),
            ("frame", "Frame"),
        )
    }
    view = w.HTML(layout=w.Layout(width="60%"))
    table = w.HTML(layout=w.Layout(width="40%", max_height="40em", overflow="auto"))
    busy = {"refreshing": False}

    def options() -> None:
        busy["refreshing"] = True
        try:
            drop["speaker"].options = state.speakers
            drop["target"].options = state.targets
            drop["category"].options = state.categories
            drop["frame"].options = state.frames
            for d in drop.values():
                d.value = ALL
        finally:
            busy["refreshing"] = False

    def render() -> None:
        view.value = state.article_html()
        table.value = state.table_html()

    def changed(_change=None) -> None:
        if busy["refreshing"]:
            return
        state.choose(**{name: d.value for name, d in drop.items()})
        render()

    def open_(target) -> None:
        try:
            state.load(target)
        except (ArticleError, OSError) as exc:
            status.value = f"<b>Could not load:</b> {escape(exc)}"
            return
        title = state.analysis.article.title
        status.value = f"Showing: <b>{escape(title)}</b>"
        options()
        render()

    def picked(change) -> None:
        if change["new"]:
            open_(change["new"])

    for d in drop.values():
        d.observe(changed, names="value")
    picker.observe(picked, names="value")
    load.on_click(lambda _b: open_(source.value.strip()) if source.value.strip() else None)
    status.value = f"Showing: <b>{escape(state.analysis.article.title)}</b>"
    options()
    render()
    box = w.VBox(
        [
            w.HBox([picker, source, load]),
            status,
            w.HBox(list(drop.values())),
            w.HBox([view, table]),
        ]
    )
    box.explorer = state  # for tests and the curious
    box.controls = {"picker": picker, "source": source, "load": load, "status": status, **drop}
    box.views = {"article": view, "table": table}
    return box
