"""No input makes the analysis hang: the cost of ``analyze()`` grows linearly with the text.

Each family below builds a paragraph around a run that grows (capitalised words, capitals,
hyphenated names, initials, a long quotation, an unclosed quotation, thousands of quotation
marks, a sentence with no punctuation). Times are compared as a ratio within this process,
never against a clock: a run sixteen times longer may cost at most ``MAX_RATIO`` times more.
Linear growth gives about 16; quadratic growth about 256; the catastrophic backtracking of
issue 13 (a run of capitals in a speaker name) gave minutes for two words.
"""

from __future__ import annotations

import itertools
import time

import pytest

from helpers import analyze, article_from_text, extract_quotes, time_budget

pytestmark = pytest.mark.slow  # every test times a 16-fold growth of its input

#: The issue's paragraph: two words in capitals before a name took 39 s (60 s here).
HANG_PARAGRAPH = (
    "The actor said “it is over.” x CLOSE ALLEGATIONS Ben Affleck in hot water, reports said."
)

SMALL, GROWTH = 400, 16
#: Allowed cost ratio for a run ``GROWTH`` times longer: linear is about 16 (plus noise on a
#: shared machine), quadratic about 256.
MAX_RATIO = 40


def _cycle(words: str, n: int, sep: str = " ") -> str:
    return sep.join(itertools.islice(itertools.cycle(words.split()), n))


FAMILIES = {
    "capitalised words": lambda n: (
        f"The actor said “it is over.” x {_cycle('Ben Affleck Close Allegations', n)} "
        "in hot water, reports said."
    ),
    "all-caps words": lambda n: (
        f"The actor said “it is over.” x {_cycle('CLOSE ALLEGATIONS BREAKING UK', n)} "
        "Ben Affleck in hot water, reports said."
    ),
    "hyphenated names": lambda n: f"“We won,” said {_cycle('Jean Luc Marie', n, '-')} Okafor.",
    "initials": lambda n: f"“We won,” said {_cycle('A. B. C. D. E. F. G. H.', n)} Okafor.",
    "long quotation": lambda n: f"“{_cycle('we will win this fight', n)},” said Jane Okafor.",
    "unclosed quotation": lambda n: f"Jane Okafor said: “{_cycle('we will win this fight', n)}",
    "thousands of quotation marks": lambda n: _cycle("“a” “ ” \" ‘b’ ' «c» „d“", n),
    "no punctuation": lambda n: _cycle("the minister said Jane Okafor that prices rose", n),
    "names and verbs": lambda n: _cycle("Jane Okafor said Tom Reyes told the Council", n),
    "loaded words in a row": lambda n: _cycle("a disgraceful shameless brutal plan", n),
    # shapes that stalled real news articles of the peer corpora (see the README)
    "names between double spaces": lambda n: _cycle("Jane  Okafor  Tom  Reyes  Ann  Lee", n),
    "embedded posts": lambda n: " ".join(
        f"<post>Great rally tonight in Ohio! SIGN UP FOR OUR NEWSLETTER — Jane Okafor "
        f"(@jokafor{i}) July {i % 28 + 1}, 2016</post>"
        for i in range(max(1, n // 20))
    ),
    "capital heads run into the text": lambda n: " ".join(
        f"MORNING BRIEFING NUMBER {i} The minister said prices rose. WHAT ELSE WE ARE READING"
        for i in range(max(1, n // 14))
    ),
}

_fresh = itertools.count()


def _cost(paragraph: str, headline: str = "Headline number") -> float:
    """Seconds for every table of a new article holding ``paragraph`` (a new headline each
    time, so that no cache of an earlier run is reused)."""
    article = article_from_text(f"{headline} {next(_fresh)}\n\n{paragraph}")
    start = time.perf_counter()
    analysis = analyze(article)
    for name in list(analysis.tables):
        analysis.tables[name]
    return time.perf_counter() - start


def _growth(small: tuple[str, ...], large: tuple[str, ...]) -> float:
    """How many times more the large input costs than the small one: interleaved, best of
    three, so that both sizes see the same load on a shared machine."""
    _cost(*small)  # warm the word lists and compiled patterns
    small_times, large_times = [], []
    for _ in range(3):
        small_times.append(_cost(*small))
        large_times.append(_cost(*large))
    return min(large_times) / min(small_times)


@pytest.mark.parametrize("family", FAMILIES)
def test_cost_grows_linearly_with_the_run(family):
    build = FAMILIES[family]
    ratio = _growth((build(SMALL),), (build(SMALL * GROWTH),))
    assert ratio <= MAX_RATIO, (
        f"{family}: a run {GROWTH}x longer cost {ratio:.1f}x more (linear: ~{GROWTH}x)"
    )


def test_cost_grows_linearly_with_a_title_case_headline():
    words = "Senate Leader Says Budget Deal Is Close After Long Talks"
    body = "The minister said it rose."
    ratio = _growth((body, _cycle(words, SMALL)), (body, _cycle(words, SMALL * GROWTH)))
    assert ratio <= MAX_RATIO, f"a headline {GROWTH}x longer cost {ratio:.1f}x more"


def test_the_paragraph_that_hung_is_read_at_once():
    article = article_from_text(f"Headline\n\n{HANG_PARAGRAPH}")
    with time_budget(30, path="the issue's paragraph"):  # a hang fails here, not forever
        quotes = extract_quotes(article)
    assert quotes[["speaker", "cue", "kind"]].values.tolist() == [["actor", "said", "partial"]]
    assert quotes["fragments"].tolist() == [["it is over."]]


@pytest.mark.parametrize("n_caps", [2, 8, 40])
def test_runs_of_capitals_before_a_name_are_read_at_once(n_caps):
    run = _cycle("CLOSE ALLEGATIONS BREAKING EXCLUSIVE", n_caps)
    text = f"The actor said “it is over.” x {run} Ben Affleck in hot water, reports said."
    with time_budget(30, path=f"{n_caps} capitalised words"):
        analysis = analyze(article_from_text(f"Headline\n\n{text}"))
        assert analysis["quotes"]["speaker"].tolist() == ["actor"]
