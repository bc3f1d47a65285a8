"""Small HTML views for notebooks. Article text is untrusted: every piece is escaped."""

from __future__ import annotations

import html

from .article import Article

__all__ = ["HTML", "escape", "headline_and_lede"]


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
    lede = box.format(
        label="First paragraph (the lede)", style="", text=escape(article.paragraphs[0])
    )
    return HTML(f"<div style='display:flex;gap:1em'>{headline}{lede}</div>")
