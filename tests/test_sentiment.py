from __future__ import annotations

import pytest

from helpers import (
    NARRATOR,
    article_from_text,
    label,
    sentiment_by_speaker,
    sentiment_disagreement,
    sentiment_units,
)


@pytest.mark.parametrize(
    ("score", "expected"),
    [(0.05, "positive"), (0.0499, "neutral"), (-0.05, "negative"), (0.0, "neutral")],
)
def test_label_uses_vaders_cut_offs(score, expected):
    assert label(score) == expected


ARTICLE = article_from_text(
    "Storm hits town\n\n"
    "The storm destroyed three homes. “We are heartbroken and angry,” said Jane Okafor.\n\n"
    "Jane Okafor said the volunteers were wonderful. The repairs will take a year."
)


def test_units_split_each_sentence_by_voice():
    units = sentiment_units(ARTICLE)
    assert units[["paragraph", "voice", "mode"]].values.tolist() == [
        [-1, NARRATOR, "headline"],
        [0, NARRATOR, "narration"],
        [0, "Jane Okafor", "quoted"],
        [1, "Jane Okafor", "reported"],
        [1, NARRATOR, "narration"],
    ]
    quoted = units.iloc[2]
    assert quoted.text == "We are heartbroken and angry"
    assert quoted.vader_label == "negative"
    assert "heartbroken" in quoted.vader_words and "angry" in quoted.vader_words
    assert units.iloc[3].vader_label == "positive"  # "wonderful"


def test_curly_quotes_do_not_hide_words_from_vader():
    units = sentiment_units(article_from_text("H\n\nShe said she was “very glad” to be home."))
    assert units.iloc[-1].vader > 0.4


def test_summary_per_voice_is_reproducible_and_bounded():
    first = sentiment_by_speaker(ARTICLE)
    again = sentiment_by_speaker(ARTICLE)
    assert first.equals(again)
    assert first.voice.tolist()[0] == NARRATOR
    for row in first.itertuples():
        assert -1 <= row.ci_low <= row.mean <= row.ci_high <= 1
        assert abs(row.share_positive + row.share_neutral + row.share_negative - 1) < 1e-9
    okafor = first.set_index("voice").loc["Jane Okafor"]
    assert okafor.n_units == 2
    assert okafor.most_negative == "We are heartbroken and angry"


def test_disagreement_crosstab_counts_every_unit():
    units = sentiment_units(ARTICLE)
    table = sentiment_disagreement(units)
    assert table.to_numpy().sum() == len(units)
    assert list(table.index) == ["negative", "neutral", "positive"]


def test_seed_sentiment(seed):
    table = sentiment_by_speaker(seed).set_index("voice")
    assert table.loc[NARRATOR, "mean"] < 0 < table.loc["Kim Jong-un", "mean"]
    units = sentiment_units(seed)
    assert units.iloc[0]["mode"] == "headline" and units.iloc[0].vader < -0.5


_PATTERN_WORDS = (
    "good bad very really not never no isn't don't can't terribly nice great awful quite "
    "extremely ! !! ? . , :) :-( <3 :D ;) (!) 2023 U.S. the it was happy sad love hate kind "
    "of least worst Not NOT GOOD n't 's well-known \" ' ( ) ... okay poor tragic glad"
).split()


@pytest.mark.parametrize(
    ("text", "polarity", "words"),
    [
        ("a good plan", 0.7, [(["good"], 0.7)]),
        ("not a good plan", -0.35, [(["not", "good"], -0.35)]),
        ("a really good plan!", 0.875, [(["really", "good", "!"], 0.875)]),
        ("a very bad idea", -0.9099999999999998, [(["very", "bad"], -0.9099999999999998)]),
        ("no news", 0.0, []),
    ],
)
def test_pattern_score_on_tiny_texts(text, polarity, words):
    from helpers.sentiment import _pattern_score

    assert _pattern_score(text) == (polarity, words)


@pytest.mark.slow
def test_pattern_score_is_textblobs_exactly():
    # Pattern's own scorer is the reference: every unit of every shipped and fixture article
    # and 3,000 generated texts of negations, modifiers, "!", emoticons and contractions
    import random

    from helpers.sentiment import _STRAIGHTEN, _pattern, _pattern_score

    from .test_analysis import ARTICLE_FILES, _loadable

    texts = [
        text.translate(_STRAIGHTEN)
        for article in _loadable(ARTICLE_FILES)
        for text in sentiment_units(article)["text"]
    ]
    rng = random.Random(0)
    texts += [
        " ".join(rng.choice(_PATTERN_WORDS) for _ in range(rng.randint(1, 14))) for _ in range(3000)
    ]
    reference = _pattern()
    for text in texts:
        expected = reference(text)
        assert _pattern_score(text) == (
            expected[0],
            [(words, p) for words, p, *_ in expected.assessments],
        ), text


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("It isn't bad... Really, Mr. Ruiz!", ["It is n ' t bad ...", "Really , Mr. Ruiz !"]),
        ("“Great,” (!) she said :)", ["“ Great , ” (!)", "she said :)"]),
        ("U.S. aid (etc.) ended.\n\nNext", ["U.S. aid ( etc. ) ended .", "Next"]),
    ],
)
def test_pattern_tokens_on_tiny_texts(text, sentences):
    from helpers.sentiment import _pattern_tokens

    assert _pattern_tokens(text) == sentences


def test_pattern_tokens_are_textblobs_exactly():
    # TextBlob's find_tokens is the reference, on 4,000 texts made of the pieces its rules
    # treat apart: abbreviations, ellipses, quotes, contractions, emoticons, line breaks
    import random

    from textblob._text import find_tokens

    from helpers.sentiment import _pattern_tokens

    pieces = (
        "a Mr. U.S. etc. ... .... .. ! ? ( ) (!) ( ! ) :) : ) >.> > . > ' \" “ ” ’ don't "
        "isn’t I'm we'll T. good bad. wow!? -- 'q' \"q\" 8) :'( <3 e.g. p.m. 3.5 A.B.C. "
        "BBC. o.O (a) [b] #tag @me $5 * xD ;-)"
    ).split() + ["\n\n", "\r\n"]
    rng = random.Random(0)
    for _ in range(4000):
        glue = rng.choice([" ", "", "  ", "\n"])
        text = glue.join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert _pattern_tokens(text) == find_tokens(text), repr(text)


def test_bootstrap_is_numpys_choice_and_percentile_exactly():
    # the reference is the plain formula: resample with rng.choice, np.percentile
    import numpy as np

    from helpers.sentiment import _bootstrap, _percentiles

    rng = np.random.default_rng(5)
    for trial in range(300):
        n = int(rng.integers(2, 40))
        values = np.round(rng.uniform(-1, 1, n), 4)
        if trial % 3 == 0:  # ties, as VADER's many 0.0 give
            values = rng.choice([0.0, 0.5, -0.3, 0.0], n)
        boot = np.random.default_rng(0)
        means = boot.choice(values, size=(2000, n), replace=True).mean(axis=1)
        expected = tuple(float(x) for x in np.percentile(means, [2.5, 97.5]))
        assert _bootstrap(values, n_boot=2000, seed=0) == expected
        other = rng.uniform(-1, 1, int(rng.integers(1, 3000)))
        qs = (0.0, 2.5, 50.0, 97.5, 100.0)
        assert _percentiles(other, qs) == [float(x) for x in np.percentile(other, qs)]


@pytest.mark.parametrize(
    ("values", "expected"),
    [([0.5], (0.5, 0.5)), ([0.0, 1.0], (0.0, 1.0)), ([-0.5, 0.5, 0.5, 0.5], (-0.25, 0.5))],
)
def test_bootstrap_on_tiny_samples(values, expected):
    import numpy as np

    from helpers.sentiment import _bootstrap

    assert _bootstrap(np.array(values), n_boot=2000, seed=0) == expected


@pytest.mark.parametrize(
    ("n", "n_boot", "seed"),
    [(3, 2000, 0), (64, 2000, 0), (65, 2000, 0), (5, 2000, 7), (200, 500, 1), (300, 100, 0)],
)
def test_bootstrap_draws_kept_or_not_are_numpys(n, n_boot, seed):
    # kept draws (n * n_boot <= CACHED_DRAWS, n <= 256) and fresh ones: rng.choice's exactly
    import numpy as np

    from helpers.sentiment import _bootstrap, _resample_rows

    values = np.round(np.random.default_rng(n).uniform(-1, 1, n), 4)
    for _ in range(2):  # the second time from the kept draws
        means = np.random.default_rng(seed).choice(values, size=(n_boot, n)).mean(axis=1)
        expected = tuple(float(x) for x in np.percentile(means, [2.5, 97.5]))
        assert _bootstrap(values, n_boot=n_boot, seed=seed) == expected
    rows = _resample_rows(n, n_boot, seed)
    assert rows.shape == (n_boot, n) and rows.max() < n
    assert rows.flags.writeable == (n * n_boot > 2000 * 64 or n > 256)
