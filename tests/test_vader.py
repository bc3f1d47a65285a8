"""helpers.vader: NLTK's VADER scores, exactly, on articles and on generated sentences.

NLTK's ``SentimentIntensityAnalyzer`` is the reference: every comparison is ``==`` on the
four scores, never approximate.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from nltk.sentiment.vader import VaderConstants

from helpers import ArticleError, load_article, sentences, sentiment_analyzer, vader
from helpers.sentiment import _STRAIGHTEN
from helpers.vader import VaderScorer, polarity_scores

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_FILES = sorted(
    p
    for folder in (ROOT / "data" / "articles", ROOT / "tests" / "fixtures")
    for p in folder.rglob("*")
    if p.suffix in (".md", ".txt")
)


def _reference(text: str) -> dict[str, float]:
    return sentiment_analyzer().polarity_scores(text)


def test_constants_are_nltks():
    nltk = VaderConstants
    assert (vader.B_INCR, vader.B_DECR, vader.C_INCR, vader.N_SCALAR) == (
        nltk.B_INCR, nltk.B_DECR, nltk.C_INCR, nltk.N_SCALAR,
    )  # fmt: skip
    assert vader.NEGATE == nltk.NEGATE
    assert vader.BOOSTER_DICT == nltk.BOOSTER_DICT
    assert vader.SPECIAL_CASE_IDIOMS == nltk.SPECIAL_CASE_IDIOMS
    assert vader.PUNC_LIST == nltk.PUNC_LIST


def test_lexicon_is_nltks():
    assert vader.scorer().lexicon == sentiment_analyzer().lexicon


# tiny texts, one rule each, with NLTK's values written out (checked against NLTK below too)
RULES = [
    ("good", {"neg": 0.0, "neu": 0.0, "pos": 1.0, "compound": 0.4404}),
    ("not good", {"neg": 0.706, "neu": 0.294, "pos": 0.0, "compound": -0.3412}),
    # "no" is no negation in NLTK: it is a lexicon word (-1.2) of its own
    ("no interest", {"neg": 0.423, "neu": 0.0, "pos": 0.577, "compound": 0.2023}),
    ("at least good", {"neg": 0.0, "neu": 0.408, "pos": 0.592, "compound": 0.4404}),
    ("least good", {"neg": 0.706, "neu": 0.294, "pos": 0.0, "compound": -0.3412}),
    ("kind of good", {"neg": 0.0, "neu": 0.408, "pos": 0.592, "compound": 0.4404}),
    ("never so good", {"neg": 0.0, "neu": 0.318, "pos": 0.682, "compound": 0.6474}),
    ("very good", {"neg": 0.0, "neu": 0.238, "pos": 0.762, "compound": 0.4927}),
    ("VERY good", {"neg": 0.0, "neu": 0.203, "pos": 0.797, "compound": 0.6028}),
    ("good but bad", {"neg": 0.617, "neu": 0.13, "pos": 0.253, "compound": -0.5859}),
    ("good!!!", {"neg": 0.0, "neu": 0.0, "pos": 1.0, "compound": 0.5826}),
    ("you are the bomb", {"neg": 0.0, "neu": 0.429, "pos": 0.571, "compound": 0.6124}),
    ("", {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}),
    ("a", {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}),
]


@pytest.mark.parametrize(("text", "expected"), RULES)
def test_rules(text, expected):
    assert polarity_scores(text) == expected
    assert _reference(text) == expected


def test_first_occurrence_quirk():
    # NLTK scores a repeated token in the context of its first occurrence: the second
    # "good" is not negated, the first one is
    text = "not good , really good"
    assert polarity_scores(text) == _reference(text)
    assert polarity_scores("not good") != polarity_scores("good")


def test_only_strings():
    with pytest.raises(AttributeError):
        polarity_scores(None)  # type: ignore[arg-type]


def test_own_lexicon():
    scorer = VaderScorer({"calm": 1.0})
    assert scorer.polarity_scores("calm")["compound"] == round(1 / (1 + 15) ** 0.5, 4)
    assert scorer.polarity_scores("good")["compound"] == 0.0


def _article_texts() -> list[str]:
    texts = []
    for path in ARTICLE_FILES:
        raw = path.read_text(encoding="utf-8", errors="replace")
        texts += raw.splitlines()
        try:
            article = load_article(path)
        except ArticleError:
            continue
        for text in sentences(article, headline=True)["text"]:
            texts += [text, text.translate(_STRAIGHTEN)]
        texts += [p.translate(_STRAIGHTEN) for p in article.paragraphs]
    return texts


def test_every_article_sentence():
    texts = _article_texts()
    assert len(ARTICLE_FILES) >= 60 and len(texts) > 3000
    mismatches = [t for t in texts if polarity_scores(t) != _reference(t)]
    assert mismatches == []


# -- generated sentences that exercise every rule -------------------------------------------

_RULE_WORDS = (
    sorted(VaderConstants.NEGATE) + sorted(VaderConstants.BOOSTER_DICT)
    + "no but But BUT least Least at very kind of sort just enough never Never so this So This "
    "the shit bomb bad ass yeah right cut mustard kiss death hand to mouth isn't wasn't "
    "don't n't".split()
)  # fmt: skip
_NEUTRAL = "the a of in on he she it they said was report council city week river 7-2".split()
_ODD = [":)", ":-(", "<3", ":D", ":P", "=D", "(-:", "😀", "💔", "🙂", "—", "…", "&", "#bad",
        "@good", "http://x.org", "U.S.", "e.g.", "'s", "x", "!", "?", "-", "3.5"]  # fmt: skip
_PREFIX = ["", "", "", "", *VaderConstants.PUNC_LIST, "(", "“", "‘", "..", "'\"", "*"]
_SUFFIX = ["", "", "", "", *VaderConstants.PUNC_LIST, ")", "”", "’", "...", "?!", ".'", ',"']
# the multi-word rules: "never so/this", two-word boosters, "at/very least", the idioms
_PHRASES = [
    "never so", "never this", "Never so", "never so very", "never this really", "kind of",
    "Kind of", "sort of", "just enough", "at least", "very least", "AT LEAST", "not very",
    "isn't really", "the shit", "the bomb", "bad ass", "yeah right", "cut the mustard",
    "kiss of death", "hand to mouth", "not the bomb", "so", "this", "but",
]  # fmt: skip
_SPACES = [" "] * 12 + ["  ", "\t", "\n", "\xa0"]


def generated_sentences(n: int, *, seed: int = 16) -> list[str]:
    """``n`` seeded random sentences mixing lexicon words, rule words and odd tokens."""
    rng = random.Random(seed)
    lexicon = sorted(sentiment_analyzer().lexicon)
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(0, 14)):
            r = rng.random()
            pool = lexicon if r < 0.35 else _RULE_WORDS if r < 0.75 else (
                _NEUTRAL if r < 0.92 else _ODD
            )  # fmt: skip
            word = rng.choice(pool)
            if rng.random() < 0.15:
                word = rng.choice(_PHRASES) + " " + rng.choice(lexicon)
            case = rng.random()
            if case < 0.12:
                word = word.upper()
            elif case < 0.18:
                word = word.capitalize()
            if rng.random() < 0.25:
                word = rng.choice(_PREFIX) + word + rng.choice(_SUFFIX)
            if words and rng.random() < 0.08:  # repeat an earlier token (first-index quirk)
                word = rng.choice(words)
            words.append(word)
        text = "".join(w + rng.choice(_SPACES) for w in words).strip()
        if rng.random() < 0.3:
            text += rng.choice(["!", "!!", "!!!!!!", "?", "??", "???", "?????", "?!", "."])
        if rng.random() < 0.1:
            text = text.upper()
        out.append(text)
    return out


def test_generated_sentences_cover_every_rule():
    texts = generated_sentences(2000)
    joined = " ".join(texts)
    for word in ("but", "least", "kind of", "never so", "the bomb", "!!", "???", "n't", "😀"):
        assert word in joined.lower()
    assert any(t.isupper() for t in texts)


def test_generated_sentences():
    texts = generated_sentences(8000)
    mismatches = [t for t in texts if polarity_scores(t) != _reference(t)]
    assert mismatches == []


@pytest.mark.slow
def test_generated_sentences_100k():
    texts = generated_sentences(100_000, seed=1600)
    mismatches = [t for t in texts if polarity_scores(t) != _reference(t)]
    assert mismatches == []
