"""The article X-ray (helpers/xray.py): what each mark says, which sentences each panel item
points at, that the article's text is all there and escaped, and, in headless Chromium (Debian's,
driven by playwright as in test_browser.py), that the filters change what is highlighted, that
keyboard focus shows the explanations, that the hostile article stays inert text and that no
request leaves the page."""

from __future__ import annotations

import base64
import hashlib
import re

import lxml.html
import pytest

from helpers import analyze, article_from_text
from helpers.__main__ import main
from helpers.xray import write_xray, xray_html

from .browser import headless_chromium
from .conftest import HOSTILE_ARTICLE, HOSTILE_PAYLOADS
from .test_browser import LIVE_MARKUP

TINY = (
    "Council row over reckless plan\n\n"
    "“We reject this reckless scheme,” said Jane Okafor. The vote was a tragedy.\n\n"
    "The mayor allegedly ignored the so-called “consultation”. Critics claimed the plan was a "
    "fiasco."
)


@pytest.fixture(scope="module")
def tiny():
    return lxml.html.fromstring(xray_html(article_from_text(TINY)))


def having(doc, css_class: str, tag: str = "*") -> list:
    """Elements with a class (lxml's CSS selectors need the cssselect package; XPath not)."""
    return doc.xpath(f"//{tag}[contains(concat(' ', @class, ' '), ' {css_class} ')]")


def marks(doc) -> list[tuple[str, str]]:
    return [(m.text_content(), m.get("data-tip")) for m in having(doc, "mark") if m.get("data-tip")]


def test_each_mark_says_who_speaks_and_why(tiny):
    found = marks(tiny)
    okafor = (
        "Speaker: Jane Okafor (quoted) · cue verb: said · direct · "
        "rule: direct quote, speaker after the quote"
    )
    critics = (
        "Speaker: Critics (reported) · cue verb: claimed · indirect · "
        "rule: reported speech after the cue"
    )
    # the quotation is one stretch of Jane Okafor's voice, cut where her loaded word stands
    assert "".join(text for text, tip in found if tip.startswith(okafor)) == (
        "We reject this reckless scheme,"
    )
    assert ("reckless", f"{okafor} | Loaded word") in [
        (t, tip[: len(okafor) + 14]) for t, tip in found
    ]
    assert ("the plan was a ", critics) in found
    fiasco = [tip for text, tip in found if text == "fiasco"]  # reported speech: a paraphrase
    assert fiasco == [
        f"{critics} | Loaded word: loaded language · the outlet’s word, paraphrasing Critics"
        " · curated list · Calls an event a humiliating failure."
    ]
    tragedy = [tip for text, tip in found if text == "tragedy"]  # the outlet's narration
    assert tragedy == [
        "Loaded word: emotive (lexicon) · the outlet’s own word · VADER lexicon list"
        " · VADER valence -3.4: a strongly emotional word."
    ]
    hedges = {  # a mark may be a loaded word and a hedge: "… | Hedge: …"
        text: part.split(" · ")[0]
        for text, tip in found
        for part in tip.split(" | ")
        if part.startswith("Hedge")
    }
    assert hedges == {
        "allegedly": "Hedge: hedge",
        "so-called": "Hedge: distancing",
        "claimed": "Hedge: doubt",
    }
    scare = [tip for text, tip in found if text == "consultation"]
    # marked as scare quotes; not a loaded word, since no loaded word stands inside the marks
    assert len(scare) == 1 and "Scare quotes" in scare[0] and "Loaded word" not in scare[0]
    # a speaker's stretch begins with its letter label (greyscale: not colour alone)
    labels = {m.text_content(): m.get("data-label") for m in having(tiny, "vstart")}
    assert labels == {"We reject this ": "A", "the plan was a ": "B"}  # where each stretch starts


def test_each_panel_item_points_at_its_sentences(tiny):
    items = {b.text_content(): b.get("data-sents") for b in having(tiny, "item", "button")}
    assert items["the outlet (narration): 63% (17 words)"] == "-1:0 0:0 0:1 1:0 1:1"
    assert items["[A] Jane Okafor: 19% (5 words)"] == "0:0"
    assert items["[B] Critics: 19% (5 words)"] == "1:1"
    assert items["Jane Okafor: hostile (VADER mean -0.70, 1 sentence)"] == "0:0"
    assert items["the outlet against Council (-0.20)"] == "-1:0"
    assert items["conflict: 2 cues — dominant (reject, row)"] == "-1:0 0:0"
    assert items["“reckless” (loaded language): also in the body (paragraphs 0)"] == "-1:0 0:0"
    assert items["emotive (lexicon) (1): tragedy"] == "0:1"
    assert items["loaded language (3): reckless, fiasco"] == "-1:0 0:0 1:1"
    assert items["claimed (doubt)"] == "1:1"
    assert "human interest: 0 cues" in items and items["human interest: 0 cues"] == ""
    sentence_ids = {s.get("data-s") for s in having(tiny, "sent")}
    assert sentence_ids == {"-1:0", "0:0", "0:1", "1:0", "1:1"}


def test_the_whole_article_is_on_the_page_once(tiny):
    article = article_from_text(TINY)
    for p, text in enumerate(article.paragraphs):
        shown = tiny.get_element_by_id(f"p{p}").text_content()
        assert shown == f"[{p}] {text}"
    assert tiny.get_element_by_id("p-1").text_content() == f"Headline {article.title}"


def test_the_page_is_self_contained_and_allows_only_its_own_script(tiny):
    page = xray_html(article_from_text(TINY))
    assert not re.search(r"(?:src|href)=['\"]?(?:https?:)?//", page)  # nothing to load
    scripts = tiny.xpath("//script")
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].text.encode()).digest()).decode()
    csp = tiny.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert csp == f"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{digest}'"


def test_hostile_text_is_escaped_everywhere(tmp_path):
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    page = xray_html(path)
    doc = lxml.html.fromstring(page)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "__pwned" not in scripts[0].text
    live = "//iframe | //img | //svg | //body//style | //a[starts-with(@href, 'javascript')]"
    assert doc.xpath(live) == []
    assert [a for el in doc.iter() for a in el.attrib if a.startswith("on")] == []
    text = doc.get_element_by_id("article").text_content()
    assert [p for p in HOSTILE_PAYLOADS if p not in text] == []


def test_cli_xray_writes_one_page_per_article_and_names_a_bad_file(tmp_path, capsys):
    good, bad = tmp_path / "good.md", tmp_path / "bad.md"
    good.write_text(TINY, encoding="utf-8")
    bad.write_text("", encoding="utf-8")
    assert main(["xray", str(good), str(bad), "--out", str(tmp_path / "out")]) == 2
    out, err = capsys.readouterr()
    assert out.strip() == str(tmp_path / "out" / "good" / "xray.html")
    assert err.strip() == f"error: {bad}: is empty"
    assert "Jane Okafor" in (tmp_path / "out" / "good" / "xray.html").read_text()


def test_write_xray_takes_an_analysis(tmp_path):
    analysis = analyze(article_from_text(TINY))
    path = write_xray(analysis, tmp_path)
    assert path == tmp_path / analysis.article.slug / "xray.html"
    assert path.read_text(encoding="utf-8") == xray_html(analysis)


# --- in headless Chromium -------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """One headless Chromium (Debian's, never a download); every request is recorded and
    aborted, local files included except the pages under test."""
    profile = tmp_path_factory.mktemp("chromium-profile")
    with headless_chromium(profile, timeout_ms=30_000) as context:
        yield context


@pytest.fixture
def open_page(browser, tmp_path):
    """Open an X-ray page; returns (page, requests other than the page itself)."""
    opened = []

    def open_(source) -> tuple:
        path = tmp_path / "xray.html"
        path.write_text(xray_html(source), encoding="utf-8")
        page = browser.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url) if r.url != path.as_uri() else None)
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_load_state("networkidle")
        page.dialogs = dialogs
        opened.append(page)
        return page, requests

    yield open_
    for page in opened:
        page.close()


def style(page, selector: str, prop: str) -> list[str]:
    return page.eval_on_selector_all(
        selector, f"els => els.map(e => getComputedStyle(e).getPropertyValue('{prop}'))"
    )


def labels(page) -> list[str]:
    """What each speaker's letter label (a ::before pseudo-element) shows."""
    return page.eval_on_selector_all(
        ".vstart", "els => els.map(e => getComputedStyle(e, '::before').content)"
    )


def test_the_layer_filters_change_what_is_highlighted(open_page):
    page, requests = open_page(article_from_text(TINY))
    assert "none" not in labels(page) and len(labels(page)) == 2
    assert set(style(page, ".loaded", "font-weight")) == {"700"}
    assert set(style(page, ".voice.quoted", "text-decoration-line")) == {"underline"}
    page.click("button.layer[data-layer=loaded]")
    body_marks = "#p0 .loaded, #p1 .loaded"  # the headline is bold of itself
    assert set(style(page, body_marks, "font-weight")) == {"400"}
    assert set(style(page, ".loaded", "box-shadow")) == {"none"}
    assert page.get_attribute("button.layer[data-layer=loaded]", "aria-pressed") == "false"
    assert set(style(page, ".voice.quoted", "text-decoration-line")) == {"underline"}  # untouched
    page.click("button.layer[data-layer=voice]")
    assert set(style(page, ".voice", "background-color")) == {"rgba(0, 0, 0, 0)"}
    assert labels(page) == ["none", "none"]  # the letter labels go with the colours
    page.click("button.layer[data-layer=loaded]")  # on again
    assert set(style(page, ".loaded", "font-weight")) == {"700"}
    page.click("button.layer[data-layer=hedge]")
    assert set(style(page, ".hedge", "font-style")) == {"normal"}
    page.click("button.layer[data-layer=scare]")
    assert set(style(page, ".scare", "outline-style")) == {"none"}
    assert requests == []


def test_clicking_a_panel_item_highlights_its_sentences(open_page):
    page, requests = open_page(article_from_text(TINY))
    highlighted = "() => [...document.querySelectorAll('.sent.hl')].map(s => s.dataset.s)"
    assert page.evaluate(highlighted) == []
    page.get_by_role("button", name="[B] Critics: 19% (5 words)").click()
    assert page.evaluate(highlighted) == ["1:1"]
    page.get_by_role("button", name="conflict: 2 cues — dominant (reject, row)").click()
    assert page.evaluate(highlighted) == ["-1:0", "0:0"]
    button = page.get_by_role("button", name="conflict: 2 cues — dominant (reject, row)")
    assert button.get_attribute("aria-pressed") == "true"
    assert page.get_attribute("button.item >> nth=0", "aria-pressed") == "false"
    button.click()  # again: cleared
    assert page.evaluate(highlighted) == []
    assert requests == []


def test_the_keyboard_reaches_every_mark_and_shows_its_explanation(open_page):
    page, _ = open_page(article_from_text(TINY))
    tips = page.eval_on_selector_all(".mark[tabindex='0']", "els => els.map(e => e.dataset.tip)")
    seen = []
    for _ in range(len(tips) + 2):
        page.keyboard.press("Tab")
        tip = page.evaluate("document.activeElement.dataset.tip || null")
        if tip:
            seen.append(tip)
            assert page.text_content("#details") == tip
            assert style(page, ":focus", "outline-style") == ["solid"]
    assert seen == tips  # in reading order, none skipped
    page.keyboard.press("Tab")  # then on into the panel's buttons
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"


def test_print_keeps_the_marks_and_drops_the_controls(open_page):
    page, _ = open_page(article_from_text(TINY))
    page.emulate_media(media="print")
    assert style(page, ".toggles", "display") == ["none"]
    assert style(page, ".layout", "display") == ["block"]
    assert set(style(page, ".loaded", "font-weight")) == {"700"}
    assert set(style(page, ".scare", "outline-style")) == {"dashed"}


def test_the_hostile_article_stays_inert_text_and_nothing_leaves_the_page(open_page, tmp_path):
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    page, requests = open_page(path)
    for button in page.query_selector_all("button")[:12]:  # the panel's scripts run too
        button.click()
    page.keyboard.press("Tab")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned === undefined")
    assert page.evaluate(LIVE_MARKUP) == []
    assert page.dialogs == []
    text = page.evaluate("document.getElementById('article').innerText")
    assert [p for p in HOSTILE_PAYLOADS if p not in text] == []
    assert requests == []


def test_the_control_a_raw_payload_would_be_seen(open_page, browser, tmp_path):
    """The same checks catch a payload that is live and a request that leaves the page (so
    the assertions above could fail)."""
    raw = tmp_path / "raw.html"
    raw.write_text(f"<!doctype html><p>{HOSTILE_PAYLOADS[1]}</p>")
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if r.url != raw.as_uri() else None)
    page.goto(raw.as_uri(), wait_until="load")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") == 1
    assert requests and requests[0].endswith("/x")
    page.close()
