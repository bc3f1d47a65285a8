"""Load a news article from disk into an immutable :class:`Article`.

Three formats are accepted (see ``README.md``, "Analyse your own article"):

* ``.md`` with YAML front matter between ``---`` lines (``title``, ``outlet``, ``date``,
  ``url``, ``section`` and any other keys, kept in ``Article.meta``), then the body;
* ``.txt`` (or ``.md`` without front matter) whose first non-empty line is the headline.
  A trailing ``" | Section | News"`` on that line, as news sites print it in page titles,
  is split off into ``section``;
* ``.html``/``.htm``: a web page saved from a browser; its article (headline, date, outlet,
  author, canonical URL, body paragraphs without the site's boilerplate) is found by
  :func:`helpers.web.article_from_html`, which says what it keeps and refuses.

Body paragraphs are separated by blank lines and kept verbatim (same characters, curly
quotes included); a block of several lines is one paragraph, its lines joined by a space,
as Markdown reads it. A body with no blank line at all has one paragraph per line.

Files must be UTF-8 (a byte-order mark is allowed). Other encodings are detected and
refused, never guessed: the error says whether the bytes look like Windows-1252 (bytes
0x80-0x9F, its curly quotes and dashes) or Latin-1, so the user can re-save the file as
UTF-8. Almost any bytes decode without error in both, so a silent guess could change the
text. Front matter is read with YAML's safe loader: tags such as ``!!python/object`` are an
error.

Every problem with a file raises :class:`ArticleError` (a ``ValueError``) or
:class:`ArticleNotFoundError` (also a ``FileNotFoundError``), whose message names the file
and what is wrong. Nothing is ever written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

__all__ = ["Article", "ArticleError", "ArticleNotFoundError", "load_article", "article_from_text"]

#: Files larger than this are refused: a news article is a few kB; 20 MB is a different kind
#: of file (or a mistake), and reading it would make every notebook crawl.
MAX_BYTES = 20_000_000

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SITE_SUFFIXES = {"news"}
#: Saved web pages: their article is found by :func:`helpers.web.article_from_html`.
WEB_PAGE_SUFFIXES = (".html", ".htm")


class ArticleError(ValueError):
    """A file that cannot be read as an article. ``path`` and ``problem`` say which and why."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # keep the two-argument signature picklable (worker processes)
        return (type(self), (self.path, self.problem))


class ArticleNotFoundError(ArticleError, FileNotFoundError):
    """The path does not exist or is not a regular file."""


@dataclass(frozen=True)
class Article:
    """One news article: metadata and verbatim body paragraphs (the headline is not one).

    >>> a = article_from_text("Headline | World | News\\n\\nFirst paragraph.")
    >>> a.title, a.section, a.paragraphs
    ('Headline', 'World', ('First paragraph.',))
    """

    slug: str
    title: str
    outlet: str | None
    date: str | None
    url: str | None
    section: str | None
    paragraphs: tuple[str, ...]
    path: str | None = None
    meta: Mapping[str, Any] = field(
        default_factory=lambda: MappingProxyType({}), repr=False, hash=False, compare=False
    )

    @property
    def text(self) -> str:
        """The body: paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def n_characters(self) -> int:
        """Characters of the headline and the body paragraphs (what an analysis reads)."""
        return len(self.title) + sum(map(len, self.paragraphs))

    def __reduce__(self):  # picklable for worker processes (a mappingproxy is not)
        values = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "meta"}
        return (_rebuild, (values, dict(self.meta)))


def _rebuild(values: dict[str, Any], meta: dict[str, Any]) -> Article:
    return Article(**{**values, "meta": MappingProxyType(meta)})


def load_article(path: str | Path) -> Article:
    """Read an article file (``.md`` with front matter, ``.txt``, or a saved web page
    ``.html``/``.htm``, read by :mod:`helpers.web`); never modifies it.

    >>> load_article("data/articles/putin-kim-summit-2023.md").section  # doctest: +SKIP
    'World'
    """
    path = Path(path)
    if not path.exists():
        raise ArticleNotFoundError(path, "no such file")
    if path.is_dir():
        raise ArticleNotFoundError(path, "is a directory, not an article file")
    if not path.is_file():
        raise ArticleNotFoundError(path, "is not a regular file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(
                path, f"is {size:,} bytes; articles larger than {MAX_BYTES:,} bytes are refused"
            )
        raw = path.read_bytes()
    except PermissionError as exc:
        raise ArticleError(path, f"cannot be read ({exc.strerror})") from None
    if path.suffix.lower() in WEB_PAGE_SUFFIXES:
        from .web import article_from_html  # trafilatura is imported only for web pages

        return article_from_html(raw, source=path, path=path)
    text = _decode(raw, path)
    return article_from_text(text, path=path)


def article_from_text(
    text: str, *, path: str | Path | None = None, slug: str | None = None
) -> Article:
    """Parse an article from a string in either accepted format (see the module docstring)."""
    where = str(path) if path is not None else "<text>"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(where, "is empty")
    meta, body = _split_front_matter(text, where)
    title = meta.get("title")
    section = meta.get("section")
    if title is None:
        body = body.lstrip("\n")
        first_line, _, body = body.partition("\n")
        title, txt_section = _split_headline(first_line.strip().lstrip("#").strip())
        section = section if section is not None else txt_section
    elif not isinstance(title, str) or not title.strip():
        raise ArticleError(where, "front matter 'title' must be a non-empty string")
    paragraphs = _paragraphs(body)
    if not paragraphs:
        raise ArticleError(where, "has a headline but no body paragraphs")
    stem = Path(path).stem if path is not None else title
    return Article(
        slug=_slugify(str(meta.get("slug") or stem)),
        title=title.strip(),
        outlet=_optional_str(meta.get("outlet"), "outlet", where),
        date=_optional_date(meta.get("date"), where),
        url=_optional_str(meta.get("url"), "url", where),
        section=_optional_str(section, "section", where),
        paragraphs=tuple(paragraphs),
        path=str(path) if path is not None else None,
        meta=MappingProxyType(dict(meta)),
    )


def _decode(raw: bytes, path: Path) -> str:
    if not raw.strip():
        raise ArticleError(path, "is empty")
    if b"\x00" in raw[:8192]:
        raise ArticleError(path, "looks like a binary file (it contains NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        guess = _legacy_encoding_hint(raw)
        raise ArticleError(
            path,
            f"is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}){guess}; "
            "re-save it as UTF-8",
        ) from None


def _legacy_encoding_hint(raw: bytes) -> str:
    # Bytes 0x80-0x9F are control characters in Latin-1 but curly quotes and dashes in
    # Windows-1252, which is what word processors on Windows write.
    if any(0x80 <= b <= 0x9F for b in raw):
        return "; it looks like Windows-1252"
    return "; it looks like Latin-1 (ISO-8859-1)"


def _split_front_matter(text: str, where: str) -> tuple[dict[str, Any], str]:
    match = _FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            raise ArticleError(where, "front matter starts with '---' but is never closed")
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        problem = str(exc).replace("\n", " ")
        raise ArticleError(where, f"malformed YAML front matter: {problem}") from None
    if not isinstance(meta, dict):
        raise ArticleError(where, "front matter must be a mapping of keys to values")
    return {str(k): v for k, v in meta.items()}, text[match.end() :]


def _split_headline(line: str) -> tuple[str, str | None]:
    parts = [p.strip() for p in line.split(" | ")]
    title, rest = parts[0], parts[1:]
    if rest and rest[-1].lower() in _SITE_SUFFIXES:
        rest = rest[:-1]
    return title, (" | ".join(rest) or None)


def _paragraphs(body: str) -> list[str]:
    body = body.strip("\n")
    blocks = [b for b in _BLANK_LINE.split(body) if b.strip()]
    if len(blocks) == 1 and "\n" in blocks[0].strip():
        lines = blocks[0].split("\n")
    else:
        lines = [" ".join(line.strip() for line in b.strip().split("\n")) for b in blocks]
    return [line.strip() for line in lines if line.strip()]


def _optional_str(value: Any, key: str, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | int | float):
        return str(value).strip() or None
    raise ArticleError(where, f"front matter '{key}' must be text, not {type(value).__name__}")


def _optional_date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return value.strip() or None
    raise ArticleError(where, f"front matter 'date' must be a date like 2023-09-13, not {value!r}")


def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", ascii_text).strip("-").lower()
    return slug[:80] or "article"
