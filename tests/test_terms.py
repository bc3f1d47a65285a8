from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import framing, hedges, load_article, loaded
from helpers.terms import _ODD, _index, inflections, matches, term_pattern


@pytest.mark.parametrize(
    ("word", "text", "expected"),
    [
        ("slam", "slam slams slammed slamming", ["slam", "slams", "slammed", "slamming"]),
        ("try", "tries tried trying", ["tries", "tried", "trying"]),
        # a word ending in e takes -d through its -ed form (free → freed, slave → slaved)
        ("free", "frees freed freeing", ["frees", "freed", "freeing"]),
        ("lie", "lies lied", ["lies", "lied"]),
        # no bare -d after any other ending: "Herod" is not "hero", a hospital "ward" is no
        # "war", a "band" no "ban"
        ("hero", "Herod heroes", ["heroes"]),
        ("war", "ward wards wars", ["wars"]),
        ("ban", "band banned bans", ["banned", "bans"]),
    ],
)
def test_inflections_are_regular_english_forms(word, text, expected):
    pattern = re.compile(rf"(?<![\w-]){inflections(word)}(?![\w-])", re.IGNORECASE)
    assert [m.group() for m in pattern.finditer(text)] == expected


def test_term_pattern_inflects_the_last_word_only():
    pattern = term_pattern("witch hunt")
    assert [m.group() for m in pattern.finditer("witch hunts, witches hunt")] == ["witch hunts"]


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("slam", "SLAMMED, Slams, slam-dunk, reslam", [(0, 7), (9, 14)]),
        ("witch hunt", "a witch\n hunts; witch-hunt; witch, hunt", [(2, 14)]),
        ("witch hunt", "witch witch hunt", [(6, 16)]),
        ("so-called", "the so-called plan, so called", [(4, 13)]),
        ("blame game*", "blame gamesmanship, blame-games", [(0, 18)]),
        ("coward*", "Cowardly; cowards, a coward", [(0, 8), (10, 17), (21, 27)]),
        # the possessive, not a plural's apostrophe ("regimes'" is one word, no form of it)
        ("regime", "the regime’s regimes' regime's", [(4, 12), (22, 30)]),
        # the long s and the Kelvin sign are letters the regexes' case folding matches to
        # ASCII: a text holding one is matched by the regexes themselves
        ("slams", "ſlams slams", [(0, 5), (6, 11)]),
        ("kill", "\u212aill; killed", [(0, 4), (6, 12)]),
        ("café", "Café CAFÉ", [(0, 4), (5, 9)]),  # not ASCII: matched by its regex
    ],
)
def test_matches_finds_what_the_regex_finds(term, text, expected):
    pattern = term_pattern(term, possessive=True)
    found = [m.span() for m, _payload in matches(text, [(pattern, None)])]
    assert found == expected
    assert found == [m.span() for m in pattern.finditer(text)]


def test_matches_lets_the_longer_term_win_and_keeps_the_list_order():
    patterns = [(term_pattern("witch hunt"), "phrase"), (term_pattern("hunt"), "word")]
    found = [(m.group(), p) for m, p in matches("A witch hunt, a hunt.", patterns)]
    assert found == [("witch hunt", "phrase"), ("hunt", "word")]


def test_only_the_odd_letters_fold_to_ascii():
    """Every code point beyond ASCII and ’ that re.IGNORECASE matches to an ASCII character
    or whose lower case holds one is in _ODD: elsewhere the words give the regexes' matches."""
    literals = [*map(chr, range(32, 127)), "’"]
    any_literal = re.compile("(?:" + "|".join(map(re.escape, literals)) + ")", re.IGNORECASE)
    odd = set()
    for code in range(0x110000):
        c = chr(code)
        if c.isascii() or c == "’" or 0xD800 <= code < 0xE000:
            continue
        if any_literal.fullmatch(c) or any(x.isascii() or x == "’" for x in c.lower()):
            odd.add(c)
    assert odd == {c for c in map(chr, range(0x110000)) if _ODD.fullmatch(c)}


def test_lower_case_keeps_the_words_where_they_are():
    """terms._tokens splits the lower-cased text: only İ (in _ODD) changes length, and no
    character is a word character unless its lower case is one too."""
    word = re.compile(r"[\w’'-]")
    for code in range(0x110000):
        c = chr(code)
        if 0xD800 <= code < 0xE000:
            continue
        if len(c.lower()) != 1:
            assert _ODD.fullmatch(c)
        else:
            assert bool(word.fullmatch(c)) == bool(word.fullmatch(c.lower())), hex(code)


def _texts() -> list[str]:
    root = Path(__file__).resolve().parent.parent
    paths = [root / "data/articles/putin-kim-summit-2023.md"]
    paths += sorted((root / "data/articles/constructed").glob("*.md"))
    paths += sorted((root / "tests/fixtures/quotes").glob("*/*.md"))
    texts = []
    for path in paths:
        article = load_article(path)
        texts += [article.title, *article.paragraphs]
    return texts + [t.upper() for t in texts] + [t.replace(" ", " \n ") for t in texts]


@pytest.mark.parametrize("lexicon", ["loaded", "hedges", "frames"])
def test_words_find_what_the_regexes_find_in_every_article(lexicon):
    patterns = {
        "loaded": loaded._all_patterns,
        "hedges": hedges._hedge_terms,
        "frames": framing._frame_patterns,
    }[lexicon]()
    index = _index(patterns)
    for text in _texts():
        by_words = {i: [m.span() for m in found] for i, found in index.hits(text).items()}
        by_regex = {i: [m.span() for m in found] for i, found in index.by_regex(text).items()}
        assert by_words == by_regex, text
