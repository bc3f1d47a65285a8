"""The attribution pass (helpers/who_speaks/attributor.py): the whole pass on tiny texts, every
rule it emits has a case, and measured accuracy on the hand-annotated articles in
tests/fixtures/quotes (see its README)."""

from __future__ import annotations

import pytest

from helpers import article_from_text, extract_quotes, load_article, scare_quotes, score_folder
from helpers.who_speaks.attributor import Attribution, Attributor

from .conftest import FIXTURES, ROOT
from .test_who_speaks_carry_over import CARRY_RULES
from .test_who_speaks_content import CONTENT_RULES


def test_the_pass_on_a_tiny_article():
    article = article_from_text(
        "T\n\nJane Okafor said the plan was doomed. The so-called “reform” failed.\n\n"
        "“We will win,” she said."
    )
    found = Attributor(article).run()
    assert isinstance(found, Attribution)
    assert [(u.paragraph, u.speaker, u.kind, u.start, u.end) for u in found.utterances] == [
        (0, "Jane Okafor", "indirect", 17, 36),
        (1, "Jane Okafor", "direct", 1, 13),
    ]
    assert [(q.paragraph, q.start, q.end) for q in found.scare] == [(0, 53, 59)]
    assert set(found.speakers) == {"Jane Okafor"}
    assert sorted(found.quotes) == [0, 1]


def test_every_rule_the_articles_show_has_a_case():
    """Each rule any shipped or fixture article gets is one of the per-rule cases of
    test_who_speaks_content.py and test_who_speaks_carry_over.py."""
    cases = {case[0] for case in CONTENT_RULES} | {case[0] for case in CARRY_RULES}
    paths = sorted((ROOT / "data" / "articles").glob("*.md"))
    paths += sorted((FIXTURES / "quotes").glob("*/*.md"))
    seen = set()
    for path in paths:
        seen |= set(extract_quotes(load_article(path)).rule)
    assert len(seen) >= 14  # measured 2026-12-03: 14 of the 20 rule names occur there
    assert seen <= cases, seen - cases


def test_scare_quote_is_not_speech():
    article = article_from_text("H\n\nThe government’s “efficiency drive” closed 40 libraries.")
    assert extract_quotes(article).empty
    assert scare_quotes(article).text.tolist() == ["efficiency drive"]


QUOTE_SETS = sorted(p.name for p in (FIXTURES / "quotes").iterdir() if p.is_dir())


# Accuracy on the hand-annotated articles (tests/fixtures/quotes/README.md). Every set was
# written by hand before the code saw it; each was held out until measured once (the
# first-look numbers are in the README), and the sets used for development since are held
# to 0.95. HELD_OUT is the one set never used to change a rule: its floor is its measurement.
HELD_OUT = {"heldout6": (0.90, 0.94)}  # measured 2026-11-27: 110/120 recall, 110/115 precision


@pytest.mark.parametrize("folder", QUOTE_SETS)
def test_accuracy_on_annotated_articles(folder):
    min_recall, min_precision = HELD_OUT.get(folder, (0.95, 0.95))
    summary, detail = score_folder(FIXTURES / "quotes" / folder)
    correct, expected = summary.correct.sum(), summary.expected.sum()
    predicted = summary.predicted.sum()
    misses = detail[detail.status != "correct"].head(10).to_string()
    assert correct / expected >= min_recall, misses
    assert correct / predicted >= min_precision, misses
    assert summary.scare_found.sum() >= summary.scare_expected.sum() - 1
    assert summary.trap_hits.sum() <= 1


def test_a_cue_that_opens_the_reported_clause_does_not_end_it():
    """ "aides say Jane Okafor also advises her father …": "advises" reports nothing of its
    own, and its subject opens the clause of "say", so the clause runs over it."""
    table = extract_quotes(
        article_from_text("T\n\nIn private, aides say Jane Okafor also advises her father on pay.")
    )
    assert list(zip(table.speaker, table.cue, table.text, strict=True)) == [
        ("aides", "say", "Jane Okafor also advises her father on pay")
    ]
