"""Articles from the web (helpers/web.py): saved pages in the shapes of real news sites, each
compared with the text written by hand before the extractor existed
(``tests/fixtures/web/*.expected.yaml``), bad pages, the Markdown round trip, and ``fetch``
against a local HTTP server on 127.0.0.1 (redirects, 404, a slow server, a non-HTML type, a
page over the size limit)."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import yaml

from helpers import ArticleError, load_article
from helpers.__main__ import main
from helpers.web import (
    MIN_WORDS,
    article_from_html,
    fetch_article,
    fetch_html,
    save_article,
)

from .conftest import FIXTURES, ROOT, snapshot

WEB = FIXTURES / "web"
SHAPES = ["tabloid", "broadsheet", "wire", "liveblog", "paywalled"]


def expected(name: str) -> dict:
    return yaml.safe_load((WEB / f"{name}.expected.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", [s for s in SHAPES if "error" not in expected(s)])
def test_a_saved_page_loads_with_the_expected_text(name):
    want = expected(name)
    article = load_article(WEB / f"{name}.html")
    assert article.title == want["title"]
    assert article.date == want["date"].isoformat()
    assert article.outlet == want["outlet"]
    assert article.meta["author"] == want["author"]
    assert article.url == want["url"]
    assert list(article.paragraphs) == want["paragraphs"]
    assert article.slug == name
    assert article.path == str(WEB / f"{name}.html")


@pytest.mark.parametrize("name", [s for s in SHAPES if "error" in expected(s)])
def test_a_walled_page_is_one_clear_error(name):
    with pytest.raises(ArticleError) as info:
        load_article(WEB / f"{name}.html")
    assert info.value.path == str(WEB / f"{name}.html")
    assert expected(name)["error"] in info.value.problem
    assert "isAccessibleForFree" in info.value.problem


def test_the_boilerplate_is_gone_from_every_page():
    """What the sites print around the article never reaches a paragraph."""
    site_talk = [
        "cookie", "Article continues below", "Advertisement", "Share", "Read more",
        "Photograph", "Image:", "Reporting by", "Follow the", "Most viewed", "Load more",
        "Key events", "Skip to",
    ]  # fmt: skip
    for name in SHAPES[:4]:
        text = load_article(WEB / f"{name}.html").text
        assert [w for w in site_talk if w in text] == [], name


def test_loading_a_page_writes_nothing():
    before = snapshot(WEB)
    for name in SHAPES[:4]:
        load_article(WEB / f"{name}.html")
    assert snapshot(WEB) == before


WORDS_200 = " ".join(["The council met on Monday and talked about the budget for roads."] * 15)
LD_NOT_FREE = (
    '<script type="application/ld+json">{"@type": "NewsArticle", '
    '"isAccessibleForFree": "False"}</script>'
)


def page(body: str, *, head: str = "<title>Budget row</title>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.html", b"", "is empty"),
        ("binary.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40, "binary file"),
        ("plain.htm", "Just some text, no tags at all.\n" * 20, "does not look like an HTML"),
        (
            "menu.html",
            page("<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><p>Sign in</p>"),
            "has no article text",
        ),
        (
            "short.html",
            page("<article><h1>Budget row</h1><p>The council met on Monday.</p></article>"),
            f"(at least {MIN_WORDS} are needed)",
        ),
        (
            "login.html",
            page(
                "<article><h1>Budget row</h1><p>The council met on Monday to talk about roads"
                " and schools.</p><div>Log in to continue reading this story.</div></article>"
            ),
            "shows a wall (“Log in to continue”)",
        ),
    ],
)
def test_bad_pages_give_one_error_naming_the_file(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert info.value.path == str(path)
    assert problem in info.value.problem


def test_a_subscribers_full_copy_of_a_paywalled_article_loads(tmp_path):
    """The wall rule needs a short text too: a saved page with the whole article loads."""
    path = tmp_path / "subscriber.html"
    path.write_text(
        page(f"<article><h1>Budget row</h1><p>{WORDS_200}</p></article>", head=LD_NOT_FREE)
    )
    article = load_article(path)
    assert article.paragraphs == (WORDS_200,)
    assert article.title == "Budget row"


def test_a_page_in_a_legacy_encoding_is_read_by_its_declared_charset(tmp_path):
    path = tmp_path / "latin.html"
    text = page(
        "<article><h1>Caf\u00e9 closes</h1><p>"
        + "The caf\u00e9 on the square closed. " * 8
        + "</p></article>",
        head="<meta charset='windows-1252'><title>Caf\u00e9 closes</title>",
    )
    path.write_bytes(text.encode("cp1252"))
    article = load_article(path)
    assert article.title == "Caf\u00e9 closes"
    assert article.paragraphs[0].startswith("The caf\u00e9 on the square closed.")


@pytest.mark.parametrize("name", SHAPES[:4])
def test_the_saved_markdown_reads_back_to_the_same_article(tmp_path, name):
    page_article = load_article(WEB / f"{name}.html")
    path = save_article(page_article, tmp_path, retrieved="2024-08-01")
    assert path == tmp_path / f"{name}.md"
    back = load_article(path)
    for key in ("title", "date", "outlet", "url", "paragraphs", "slug"):
        assert getattr(back, key) == getattr(page_article, key), key
    assert back.meta["author"] == expected(name)["author"]
    assert back.meta["retrieved"] == "2024-08-01"


def test_cli_fetch_of_a_saved_page_never_overwrites_without_force(tmp_path, capsys):
    out = tmp_path / "articles"
    assert main(["fetch", str(WEB / "wire.html"), "--out", str(out)]) == 0
    saved = out / "wire.md"
    saved.write_text("my own edits", encoding="utf-8")
    assert main(["fetch", str(WEB / "wire.html"), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"error: {saved}: already exists; use --force to replace it"
    assert saved.read_text(encoding="utf-8") == "my own edits"
    assert main(["fetch", str(WEB / "wire.html"), "--out", str(out), "--force"]) == 0
    assert load_article(saved).paragraphs == load_article(WEB / "wire.html").paragraphs


def test_cli_fetch_of_a_walled_page_is_one_error_line(tmp_path, capsys):
    assert main(["fetch", str(WEB / "paywalled.html"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {WEB / 'paywalled.html'}: is behind")
    assert list(tmp_path.iterdir()) == []


def test_nothing_is_fetched_at_import_or_analysis_time():
    """With every socket refused, the package imports, reads a saved page and analyses it."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise AssertionError('network used')\n"
        "socket.socket.connect = refuse; socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "import helpers, helpers.web\n"
        f"a = helpers.analyze({str(WEB / 'wire.html')!r})\n"
        "print(len(a['quotes']) > 0, a.article.outlet)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["True", "Worldwire"]


# --- fetch against a server on the loopback address ------------------------------------------

WIRE_PAGE = (WEB / "wire.html").read_bytes()
BIG = 200_000  # the size cap the tests pass (the real one is MAX_PAGE_BYTES)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass

    def send(self, code: int, body: bytes, kind: str = "text/html; charset=utf-8", length=True):
        self.send_response(code)
        self.send_header("Content-Type", kind)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/story":
            self.send(200, WIRE_PAGE)
        elif self.path == "/old-address":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.end_headers()
        elif self.path == "/to-ftp":
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1/story")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(3)
            self.send(200, WIRE_PAGE)
        elif self.path == "/trickle":  # headers at once, then one byte every 0.1 s for 3 s
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "30")
            self.end_headers()
            for _ in range(30):
                self.wfile.write(b"<")
                self.wfile.flush()
                time.sleep(0.1)
        elif self.path == "/report.pdf":
            self.send(200, b"%PDF-1.4 not a page", kind="application/pdf")
        elif self.path == "/huge":
            self.send(200, b"<p>" + b"word " * BIG, length=True)
        elif self.path == "/huge-no-length":
            self.send(200, b"<html><p>" + b"word " * BIG, length=False)
        elif self.path == "/paywall":
            self.send(200, (WEB / "paywalled.html").read_bytes())
        else:
            self.send(404, b"<html><body><h1>Page not found</h1></body></html>")


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that gave up (the time-out and size tests) is expected; others are not."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="module")
def server():
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_fetch_reads_the_article_and_records_where_from(server):
    article = fetch_article(f"{server}/story", timeout=10)
    assert list(article.paragraphs) == expected("wire")["paragraphs"]
    assert article.url == expected("wire")["url"]  # the canonical URL the page declares
    assert article.meta["fetched_from"] == f"{server}/story"
    assert article.slug == "port-workers-strike-halts-grain-exports"


def test_fetch_follows_a_redirect(server):
    raw, final = fetch_html(f"{server}/old-address", timeout=10)
    assert (raw, final) == (WIRE_PAGE, f"{server}/story")


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/missing", "the server answered HTTP 404 Not Found"),
        ("/slow", "no complete answer within 0.5 s"),
        ("/trickle", "no complete answer within 0.5 s"),
        ("/report.pdf", "is not a web page: the server sent 'application/pdf', not HTML"),
        ("/huge", f"is {len(b'<p>') + 5 * BIG:,} bytes; pages over {BIG:,} bytes are refused"),
        ("/huge-no-length", f"is over {BIG:,} bytes; larger pages are refused"),
        ("/to-ftp", "HTTP 302 redirect to a non-web address"),
        ("/loop", "HTTP 302"),
        ("/paywall", "is behind a paywall or login wall"),
    ],
)
def test_fetch_gives_one_clear_error_naming_the_url(server, path, problem):
    with pytest.raises(ArticleError) as info:
        fetch_article(f"{server}{path}", timeout=0.5, max_bytes=BIG)
    assert info.value.path == f"{server}{path}"
    assert problem in info.value.problem


def test_fetch_of_a_closed_port_or_a_non_web_address(tmp_path):
    from .browser import free_port

    url = f"http://127.0.0.1:{free_port()}/story"
    with pytest.raises(ArticleError, match="cannot be reached"):
        fetch_html(url, timeout=5)
    with pytest.raises(ArticleError, match="is not a web address"):
        fetch_html("file:///etc/passwd")


def test_cli_fetch_saves_the_article_and_then_refuses_to_overwrite(server, tmp_path, capsys):
    out = tmp_path / "articles"
    assert main(["fetch", f"{server}/story", "--out", str(out), "--timeout", "10"]) == 0
    saved = out / "port-workers-strike-halts-grain-exports.md"
    assert capsys.readouterr().out.startswith(str(saved))
    text = saved.read_text(encoding="utf-8")
    assert f"fetched_from: {server}/story\n" in text
    assert load_article(saved).paragraphs == tuple(expected("wire")["paragraphs"])
    assert main(["fetch", f"{server}/story", "--out", str(out)]) == 2
    assert "already exists; use --force" in capsys.readouterr().err
    assert main(["fetch", f"{server}/missing", "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"error: {server}/missing: the server answered HTTP 404 Not Found"


def test_article_from_html_names_its_source():
    with pytest.raises(ArticleError) as info:
        article_from_html("<html><body><p>Too short.</p></body></html>", source="page-x")
    assert str(info.value).startswith("page-x: has no article text")


def test_the_loaders_size_limit_applies_to_saved_pages(tmp_path, monkeypatch):
    """No path around the loader's own limit for web pages."""
    from helpers import article as article_module

    path = tmp_path / "big.html"
    path.write_text(page(f"<article><h1>Budget row</h1><p>{WORDS_200}</p></article>"))
    monkeypatch.setattr(article_module, "MAX_BYTES", Path(path).stat().st_size - 1)
    with pytest.raises(ArticleError, match="are refused"):
        load_article(path)
