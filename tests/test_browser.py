"""Hostile article text is inert in a real browser: every HTML report page and every HTML view
the notebooks display, loaded in headless Chromium, runs none of the article's payloads and
shows them as literal text."""

from __future__ import annotations

import os

import nbformat
import pytest

from .browser import block_network, headless_chromium
from .conftest import HOSTILE_PAYLOADS

#: What the page would show if a payload had become markup: live handlers, javascript: links,
#: frames, injected scripts. The reports themselves have none of these.
LIVE_MARKUP = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) {
      if (attr.toLowerCase().startsWith('on')) found.push(el.tagName + '[' + attr + ']');
    }
    const href = el.getAttribute('href') || el.getAttribute('src') || '';
    if (/^\\s*javascript:/i.test(href)) found.push(el.tagName + ' javascript: URL');
  }
  for (const el of document.querySelectorAll('iframe, object, embed')) found.push(el.tagName);
  for (const s of document.scripts) if (s.text.includes('__pwned')) found.push('SCRIPT __pwned');
  return found;
}"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium (Debian's, never a download) for this module, with its own
    profile; every request off the local disk is aborted and recorded."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with headless_chromium(profile, timeout_ms=60_000) as context:
        context.tried_urls = block_network(context)
        yield context


def visit(context, url: str) -> dict:
    """Load ``url``, let every handler that could fire fire (images fail, then the network
    goes quiet), and return what the page did and shows."""
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        return {
            "marker": page.evaluate("window.__pwned === undefined ? null : window.__pwned"),
            "live": page.evaluate(LIVE_MARKUP),
            "dialogs": dialogs,
            "text": page.evaluate("document.body.innerText"),
            "sections": page.evaluate(
                "[...document.querySelectorAll('body > section')].map(s => s.innerText)"
            ),
        }
    finally:
        page.close()


def test_the_marker_does_fire_when_a_payload_is_live(browser, tmp_path):
    """The control: the same payloads written raw into a page do run, and ``visit`` waits long
    enough to see it (so the assertions below could fail)."""
    for payload in (HOSTILE_PAYLOADS[0], HOSTILE_PAYLOADS[1], HOSTILE_PAYLOADS[3]):
        page = tmp_path / "control.html"
        page.write_text(f"<!doctype html><meta charset='utf-8'><p>text {payload}</p>")
        seen = visit(browser, page.as_uri())
        assert seen["marker"] == 1, payload
    raw = tmp_path / "raw.html"
    raw.write_text(f"<!doctype html><p>{HOSTILE_PAYLOADS[2]} {HOSTILE_PAYLOADS[7]}</p>")
    assert visit(browser, raw.as_uri())["live"]  # and live markup is detected


def test_every_report_page_is_inert_and_shows_the_payloads_as_text(browser, hostile_reports):
    _, results = hostile_reports
    folder = results[0].html.parent
    pages = [r.html for r in results] + [folder / "index.html", folder / "xray.html"]
    shows_script = []
    for html in pages:
        seen = visit(browser, html.as_uri())
        assert seen["marker"] is None, f"{html.name}: a payload ran"
        assert seen["live"] == [], f"{html.name}: live markup from the article: {seen['live']}"
        assert seen["dialogs"] == [], html.name
        if HOSTILE_PAYLOADS[0] in seen["text"]:
            shows_script.append(html.stem)
    # The headline (with its <script>) is on the index and on the pages that show the article
    # as text: the headline/lede boxes (01), both annotated views (02, 04) and the report (06).
    expected = {"index", "xray", "01-reading-the-article", "02-who-speaks", "04-loaded-language"}
    assert expected <= set(shows_script), shows_script
    assert any(name.startswith("06") for name in shows_script), shows_script
    # Nothing from the article reached out: only the report's own CDN scripts were tried.
    assert not [u for u in browser.tried_urls if "pwned" in u or u.endswith("/x")]


def test_the_report_pages_show_every_payload_verbatim(browser, hostile_reports):
    """The annotated views render each payload as the characters the article contains, quoted
    speakers' words included (the spans that colour them keep the text intact)."""
    _, results = hostile_reports
    by_name = {r.html.stem: r.html for r in results}
    for name in ("02-who-speaks", "04-loaded-language"):
        text = visit(browser, by_name[name].as_uri())["text"]
        for payload in HOSTILE_PAYLOADS:
            assert payload in text, f"{name}: {payload!r} not shown as text"


def html_outputs(executed) -> list[str]:
    nb = nbformat.read(executed, as_version=4)
    return [
        o["data"]["text/html"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.outputs
        if "text/html" in o.get("data", {})
    ]


def test_the_notebooks_html_views_are_inert_on_their_own(browser, hostile_reports, tmp_path):
    """Every HTML output each notebook displays (annotated views, tables), as JupyterLab gets
    it, on one page per notebook like the notebook itself: inert, and the annotated views of
    the whole article show every payload as text."""
    _, results = hostile_reports
    annotated = 0
    for result in results:
        executed = result.html.parent / "executed" / result.notebook
        sections = "".join(f"<section>{fragment}</section>" for fragment in html_outputs(executed))
        page = tmp_path / f"{result.html.stem}.html"
        page.write_text(f"<!doctype html><meta charset='utf-8'><body>{sections}</body>")
        seen = visit(browser, page.as_uri())
        assert seen["marker"] is None, f"{result.notebook}: a payload ran"
        assert seen["live"] == [], f"{result.notebook}: {seen['live']}"
        for text in seen["sections"]:
            if "(headline)" in text:  # an annotated view of the whole article
                annotated += 1
                missing = [p for p in HOSTILE_PAYLOADS if p not in text]
                assert missing == [], f"{result.notebook}: not shown as text: {missing}"
    assert annotated >= 2  # annotated_voices (02) and annotated_terms (04) at least


FAKE_APT = """#!/bin/sh
echo "$@" >> "{calls}"
if [ "$1" = install ] && [ -e "{ok_after_update}" ]; then touch "{chromium}"; exit 0; fi
if [ "$1" = update ]; then touch "{ok_after_update}"; exit 0; fi
echo "E: Unable to locate package chromium" >&2; exit 100
"""


@pytest.mark.parametrize("case", ["installs", "installs after update", "cannot install"])
def test_missing_chromium_is_installed_or_the_reason_given(tmp_path, monkeypatch, case):
    """The set-up's install path, with a stand-in apt-get: install; if that fails, update and
    install again; if that fails too, an error with apt's own message (never a skip)."""
    from . import browser as setup

    if os.geteuid() != 0:
        pytest.skip("exercises the root path (CI runs as root; others go through sudo -n)")
    bin_dir, chromium, calls = tmp_path / "bin", tmp_path / "chromium", tmp_path / "calls"
    bin_dir.mkdir()
    flag = tmp_path / ("updated" if case != "cannot install" else "no/such/dir/updated")
    if case == "installs":
        flag.touch()
    fake = bin_dir / "apt-get"
    fake.write_text(FAKE_APT.format(calls=calls, ok_after_update=flag, chromium=chromium))
    fake.chmod(0o755)
    monkeypatch.setattr(setup, "CHROMIUM", chromium)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    if case == "cannot install":
        with pytest.raises(setup.BrowserUnavailable, match="Unable to locate package chromium"):
            setup.ensure_chromium()
    else:
        assert setup.ensure_chromium() == chromium
    expected = ["install -y chromium"] + (["update", "install -y chromium"] * (case != "installs"))
    assert calls.read_text().splitlines() == expected
