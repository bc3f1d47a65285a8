"""Articles from the web: a saved page (``.html``/``.htm``) or a URL, read with trafilatura.

``load_article("page.html")`` reads a page saved from a browser; ``python -m helpers fetch URL
--out data/articles/`` downloads one and saves it as a Markdown article with front matter
(``title``, ``date``, ``outlet``, ``author``, ``url``, and where it came from), which every
notebook then reads offline. Nothing is fetched at import or analysis time: only
:func:`fetch_html` opens a connection, when the ``fetch`` command calls it.

The main text is found by trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library
and Command-Line Tool for Text Discovery and Extraction", ACL demos), which removes
navigation, cookie notices, share buttons, related links, comments and adverts by the page's
structure and link density. Then three rules of ours, each tested on pages in
``tests/fixtures/web/`` (tabloid, broadsheet, wire, live blog, paywalled teaser):

* **Headings inside the body are not paragraphs** (crossheads, live-blog entry titles): they
  are not prose, and the headline is ``Article.title``. A first paragraph that repeats the
  headline is dropped too.
* **Image captions are dropped**, not marked: a caption describes a picture the notebooks do
  not show, and its credit line ("Photograph: ...") would count as the outlet's words.
* **Boilerplate lines that sit inside the article body are dropped** when a whole paragraph is
  one of :data:`BOILERPLATE` (written for this project from the shapes news sites print:
  "Article continues below", "Advertisement", "Follow us on ...", "(Reporting by ...)").

A page is refused with one :class:`~helpers.article.ArticleError` naming the file or URL when
it is not HTML (binary, or text without HTML tags), when fewer than :data:`MIN_WORDS` words of
article text are found, or when it is a **paywall or login wall**: the page declares itself not
free (schema.org ``isAccessibleForFree: false``) or shows a wall's words ("Subscribe to
continue reading", "Log in to continue", ...) *and* fewer than :data:`TEASER_WORDS` words of
text are found. A subscriber's saved copy of a paywalled article, with its full text, loads.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import yaml

from .article import Article, ArticleError, article_from_text

__all__ = [
    "BOILERPLATE",
    "MAX_PAGE_BYTES",
    "MIN_WORDS",
    "TEASER_WORDS",
    "FETCH_TIMEOUT",
    "article_from_html",
    "article_markdown",
    "fetch_html",
    "fetch_article",
    "save_article",
]

#: Fewer words of body text than this is "no article text": a news brief is ~50 words; a
#: page where only a menu or an error message survives extraction is well under 25.
MIN_WORDS = 25
#: A page that declares a wall and yields fewer words than this is only a teaser: paywalled
#: sites show one or two opening paragraphs (typically 30-120 words) before the barrier.
TEASER_WORDS = 150
#: Largest page ``fetch`` reads: news pages weigh 0.1-3 MB of HTML (scripts inline included);
#: more is not an article page, and reading stops there instead of filling memory.
MAX_PAGE_BYTES = 10_000_000
#: Seconds ``fetch`` waits for the whole page (connection, headers and body together).
FETCH_TIMEOUT = 20.0

#: Whole paragraphs that are the site talking, not the article (case-insensitive, matched
#: against the entire paragraph). Written for this project from the shapes news sites print.
BOILERPLATE = [
    r"(?:article|story) continues (?:below|after (?:this )?(?:advert(?:isement)?|ad))\.?",
    r"continue reading (?:below|the (?:main )?story)\.?",
    r"advert(?:isement)?|sponsored|ad",
    r"(?:skip|scroll) to (?:content|next section)",
    r"(?:read more|related|see also|more on this story|also read)(?::.*)?",
    r"(?:share|share this (?:article|story|page)|copy link|reuse this content)",
    r"follow (?:the |us |\S+ ).{0,60}on (?:facebook|twitter|x|instagram|tiktok|threads|bluesky)"
    r".*",
    r"sign up (?:to|for) (?:our|the) .{0,60}newsletter.*",
    r"(?:get|download) (?:our|the) .{0,40}app.*",
    r"\((?:reporting|additional reporting|writing) by [^)]*\)",
    r"(?:our standards|all rights reserved).*",
    r"(?:photograph|photo|image|picture)s?: .{0,120}",
]
_BOILERPLATE = re.compile(r"\A(?:" + "|".join(BOILERPLATE) + r")\Z", re.IGNORECASE)

#: Words a paywall or login wall shows in place of the article (matched in the page's text).
_WALL_WORDS = re.compile(
    r"subscribe (?:now )?to (?:continue|keep) reading|(?:log|sign) ?in to (?:continue|read|keep)"
    r"|(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:for|available to) "
    r"(?:subscribers|members)|create a free account to (?:continue|read)",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(rb"<(?:!doctype html|html|head|body|article|main|p|div|h1)\b", re.I)
_LD_JSON = re.compile(
    r"<script[^>]*type=[\"']application/ld\+json[\"'][^>]*>(.*?)</script>", re.I | re.S
)
_TAGS = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _words(text: str) -> int:
    return len(text.split())


def _declares_not_free(html: str) -> bool:
    """True when the page's schema.org data says ``isAccessibleForFree: false``."""

    def walk(node: Any) -> bool:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "isAccessibleForFree" and str(value).strip().lower() == "false":
                    return True
                if walk(value):
                    return True
        elif isinstance(node, list):
            return any(walk(v) for v in node)
        return False

    for block in _LD_JSON.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        if walk(data):
            return True
    return False


def _decode_page(raw: bytes, where: str) -> str:
    if not raw.strip():
        raise ArticleError(where, "is empty")
    if b"\x00" in raw[:8192]:
        raise ArticleError(
            where, "looks like a binary file (it contains NUL bytes), not a web page"
        )
    if not _HTML_TAG.search(raw[:200_000]):
        raise ArticleError(where, "does not look like an HTML page (no HTML tags near its start)")
    from trafilatura.utils import decode_file  # the charset the page declares, else detected

    return decode_file(raw)


def article_from_html(
    page: str | bytes,
    *,
    source: str | Path,
    path: str | Path | None = None,
    url: str | None = None,
) -> Article:
    """The article in a web page (see the module docstring for what is kept and refused).

    ``source`` names the file or URL in error messages; ``path`` is set on the article when it
    was read from a file; ``url`` is where it was fetched from (the page's canonical URL, when
    it declares one, goes in ``Article.url``).

    >>> page = "<html><body><article><h1>Rain due</h1><p>" + "Rain is due on Monday. " * 6
    >>> a = article_from_html(page + "</p><p>Article continues below</p></article>",
    ...                       source="rain.html")
    >>> a.title, len(a.paragraphs)
    ('Rain due', 1)
    """
    import trafilatura

    where = str(source)
    if isinstance(page, bytes):
        html = _decode_page(page, where)
    else:
        _decode_page(page.encode("utf-8", "replace"), where)  # the same checks
        html = page
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,  # captions go with the pictures
        include_formatting=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
        output_format="python",
    )
    meta = document.as_dict() if document is not None else {}
    title = _clean(meta.get("title") or "")
    paragraphs = _body_paragraphs(meta.get("body"), title)
    n_words = sum(_words(p) for p in paragraphs)
    if n_words < TEASER_WORDS:
        page_text = _SPACE.sub(" ", _TAGS.sub(" ", html))
        reason = (
            "declares itself not free (schema.org isAccessibleForFree: false)"
            if _declares_not_free(html)
            else "shows a wall (“" + m.group(0) + "”)"
            if (m := _WALL_WORDS.search(page_text))
            else None
        )
        if reason:
            raise ArticleError(
                where,
                f"is behind a paywall or login wall: the page {reason} and only {n_words} "
                f"words of article text are shown (a teaser); save the page while logged in, "
                "or copy the article into a .md file",
            )
    if n_words < MIN_WORDS:
        raise ArticleError(
            where,
            f"has no article text: {n_words} words found in the page's main content "
            f"(at least {MIN_WORDS} are needed)",
        )
    if not title:
        raise ArticleError(where, "has article text but no headline (no <title>, og:title or h1)")
    front: dict[str, Any] = {"title": title}
    for key, value in (
        ("date", meta.get("date")),
        ("outlet", meta.get("sitename")),
        ("author", _authors(meta.get("author"))),
        ("url", meta.get("url") or url),
    ):
        if value:
            front[key] = _clean(str(value))
    if url:
        front["fetched_from"] = url
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n"
    text += "\n\n".join(paragraphs) + "\n"
    try:
        return article_from_text(text, path=path)
    except ArticleError as exc:  # name the page, not "<text>"
        raise ArticleError(where, exc.problem) from None


def _clean(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _authors(value: Any) -> str | None:
    if not value:
        return None
    return ", ".join(a.strip() for a in str(value).split(";") if a.strip())


def _body_paragraphs(body: Any, title: str) -> list[str]:
    """Paragraphs of trafilatura's body tree: its ``p``, ``list`` items and ``quote``
    elements in order, headings skipped, boilerplate and a repeated headline dropped."""
    if body is None:
        return []
    paragraphs = []
    for element in body.iter("p", "item", "quote"):
        parent = element.getparent()
        if element.tag == "p" and parent is not None and parent.tag == "quote":
            continue  # read with its quote
        text = _clean("".join(element.itertext()))
        if not text or _BOILERPLATE.match(text):
            continue
        if not paragraphs and text.casefold() == title.casefold():
            continue
        paragraphs.append(text)
    return paragraphs


def article_markdown(article: Article, *, retrieved: str | None = None) -> str:
    """The article as a Markdown file with YAML front matter, which ``load_article`` reads back
    to the same headline, metadata and paragraphs.

    >>> a = article_from_text("---\\ntitle: Rain due\\ndate: 2024-05-02\\n---\\nRain on Monday.")
    >>> print(article_markdown(a, retrieved="2024-05-03"))
    ---
    title: Rain due
    date: '2024-05-02'
    retrieved: '2024-05-03'
    ---
    Rain on Monday.
    <BLANKLINE>
    """
    front: dict[str, Any] = {"title": article.title}
    for key in ("date", "outlet", "section", "url"):
        if getattr(article, key):
            front[key] = getattr(article, key)
    for key in ("author", "fetched_from"):
        if article.meta.get(key):
            front[key] = str(article.meta[key])
    if retrieved:
        front["retrieved"] = retrieved
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=10_000)
    return f"---\n{head}---\n" + "\n\n".join(article.paragraphs) + "\n"


def save_article(
    article: Article, out: str | Path, *, force: bool = False, retrieved: str | None = None
) -> Path:
    """Write ``out/<slug>.md`` (``out`` a folder) or ``out`` itself (a path ending in
    ``.md``); an existing file is never replaced unless ``force``. Returns the path."""
    out = Path(out)
    target = out if out.suffix == ".md" else out / f"{article.slug}.md"
    if target.exists() and not force:
        raise FileExistsError(f"{target}: already exists; use --force to replace it")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(article_markdown(article, retrieved=retrieved), encoding="utf-8")
    return target


class _NoRedirectToOtherSchemes(urllib.request.HTTPRedirectHandler):
    max_redirections = 5  # browsers allow ~20; a news page redirects once or twice

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise urllib.error.HTTPError(newurl, code, "redirect to a non-web address", headers, fp)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_HTML_TYPES = ("text/html", "application/xhtml+xml")


def fetch_html(
    url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES
) -> tuple[bytes, str]:
    """Download a web page: ``(bytes, final URL after redirects)``. Every failure is one
    ``ArticleError`` naming the URL: not http(s), HTTP errors (404 ...), no answer within
    ``timeout`` seconds (for the whole page), a type other than HTML, more than ``max_bytes``.

    Example: ``fetch_html("https://example.org/news/story")``.
    """
    if not re.match(r"https?://", url, re.I):
        raise ArticleError(url, "is not a web address (it must start with http:// or https://)")
    opener = urllib.request.build_opener(_NoRedirectToOtherSchemes())
    request = urllib.request.Request(
        url, headers={"User-Agent": "reading-the-news/0.1 (+article fetch for teaching)"}
    )
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            kind = (response.headers.get_content_type() or "").lower()
            if kind not in _HTML_TYPES:
                raise ArticleError(url, f"is not a web page: the server sent {kind!r}, not HTML")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise ArticleError(
                    url, f"is {int(declared):,} bytes; pages over {max_bytes:,} bytes are refused"
                )
            chunks, size = [], 0
            while True:
                if time.monotonic() > deadline:
                    raise TimeoutError
                chunk = response.read1(65_536)  # what has arrived: a trickle cannot stall
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise ArticleError(
                        url, f"is over {max_bytes:,} bytes; larger pages are refused"
                    )
                chunks.append(chunk)
            return b"".join(chunks), response.geturl()
    except urllib.error.HTTPError as exc:
        raise ArticleError(url, f"the server answered HTTP {exc.code} {exc.reason}") from None
    except (TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(exc, TimeoutError) or isinstance(reason, TimeoutError):
            raise ArticleError(url, f"no complete answer within {timeout:g} s") from None
        raise ArticleError(url, f"cannot be reached ({reason})") from None


def fetch_article(
    url: str, *, timeout: float = FETCH_TIMEOUT, max_bytes: int = MAX_PAGE_BYTES
) -> Article:
    """Download ``url`` and read its article (:func:`fetch_html`, :func:`article_from_html`).
    The slug comes from the headline. Example: ``fetch_article("https://example.org/story")``.
    """
    raw, final = fetch_html(url, timeout=timeout, max_bytes=max_bytes)
    article = article_from_html(raw, source=url, url=final)
    return article


def today() -> str:
    """Today's date (UTC) as ``YYYY-MM-DD``, for the ``retrieved`` key."""
    return dt.datetime.now(dt.UTC).date().isoformat()
