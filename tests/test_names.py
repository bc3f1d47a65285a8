"""The general naming rules of issue 14 (:mod:`helpers.names`, :meth:`EntityIndex.classify`,
the entity layer's datelines): each rule on a tiny invented text, with the exact entities and
kinds it must give."""

from __future__ import annotations

import pytest

from helpers import article_from_text
from helpers.entities import PLACE_HOW, EntityIndex
from helpers.entity_layer import entities
from helpers.names import DATELINE_PARTS, common_opener, head_kinds, headline_phrase, is_outlet


def kinds(body: str) -> list[tuple[str, str, str]]:
    """``(entity, kind, kind_how)`` of every entity the layer finds, in reading order."""
    table = entities(article_from_text("A quiet week\n\n" + body))
    return [
        tuple(r) for r in table.drop_duplicates("entity")[["entity", "kind", "kind_how"]].values
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # rule 1: streets, roads, lanes, parks, forests, squares are places
        ("Quarry Street", "place"),
        ("Orchard Lane", "place"),
        ("Bexley Park", "place"),
        ("Ambrey National Forest", "place"),
        ("Tolley Square", "place"),
        ("Quarry Street Clinic", "institution"),  # the last word decides
        ("Lane", None),  # a place word alone names nothing
        # rule 2: a landform or settlement word ends a place's name
        ("Carrow Hills", "place"),
        ("Brindle Moss", "place"),
        ("Oaken Fork", "place"),
        ("Tilbury Cross", "place"),
        ("Dunning Creek", "place"),
        ("Rook Point", "place"),
        ("Selby Green", "place"),
        # rule 3: company suffixes and outlets
        ("Oakhurst Mutual", "institution"),
        ("Pellow Capital Markets", "institution"),
        ("Trent Build Materials", "institution"),
        ("Daily Lantern", "institution"),
        ("Sunday Lantern", "institution"),
        ("Brackley Courier", "institution"),
        ("Northgate Wire", "institution"),
        ("Channel Nine", "institution"),
        ("Channel 4", "institution"),
        # rule 4: "Republic of X", "Kingdom of X"
        ("Republic of Arvenia", "place"),
        ("Kingdom of Arvenia", "place"),
        ("Bank of Arvenia", "institution"),
        # unchanged: two capitalised words are a person; a club named by its town
        ("Ana Ruiz", "person"),
        ("Brackley City", "institution"),
    ],
)
def test_classify_by_head_word(name, kind):
    assert EntityIndex.classify(name) == kind


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # rule 1 in the layer: the place word named as the rule
        (
            "The bakery on Quarry Street shut.",
            [("Quarry Street", "place", 'place word "Street"')],
        ),
        # rule 2, and a surname that is a place word stays a person with a title or a verb
        (
            "Walkers crossed Carrow Hills. Ms Ada Green said it was wet.",
            [
                ("Carrow Hills", "place", 'place word "Hills"'),
                ("Ada Green", "person", "speaker of a verb of speech"),
            ],
        ),
        (
            "Tom Cross said the road was shut.",
            [("Tom Cross", "person", "speaker of a verb of speech")],
        ),
        # rule 3
        (
            "The Daily Lantern said the fund lost money. Oakhurst Mutual paid.",
            [
                ("Daily Lantern", "organisation", 'outlet\'s name "Daily"'),
                ("Oakhurst Mutual", "organisation", 'organisation word "Mutual"'),
            ],
        ),
        # rule 5: one capitalised word after "in", "the town of", before "-based"
        (
            "Ana Ruiz grew up in Brantle, near the town of Oxley. She runs a Pellow-based firm."
            " Pellow is small.",
            [
                ("Ana Ruiz", "person", "two or more capitalised words"),
                ("Brantle", "place", PLACE_HOW),
                ("Oxley", "place", PLACE_HOW),
                ("Pellow", "place", PLACE_HOW),
            ],
        ),
        # ... but not a word the article writes in lower case, nor a date
        ("Prices rose in Spring and spring was wet. He left in June.", []),
        # rule 6: a sentence's first word written in lower case elsewhere is no part of a name
        (
            "Shares of Trent Build Materials fell. Investors sold shares.",
            [("Trent Build Materials", "organisation", 'organisation word "Materials"')],
        ),
        # rule 7: a dateline's place, region and news agency
        (
            "BRANTLE, Arvenia, May 4 (Northgate Wire) - Rain fell.",
            [
                ("Brantle", "place", "dateline"),
                ("Arvenia", "place", "dateline"),
                ("Northgate Wire", "organisation", 'organisation word "Wire"'),
            ],
        ),
    ],
)  # fmt: skip
def test_rules_in_the_entity_layer(body, expected):
    assert kinds(body) == expected


def test_dateline_mention_as_written():
    table = entities(article_from_text("Rain\n\nOXLEY, June 5 (Northgate Wire) - Rain fell."))
    assert table[["entity", "mention", "paragraph", "start"]].values.tolist() == [
        ["Oxley", "OXLEY", 0, 0],
        ["Northgate Wire", "Northgate Wire", 0, 15],
    ]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("OXLEY, June 5 (Northgate Wire) - Rain", ("OXLEY", None, "June 5", "Northgate Wire")),
        ("UPPER OXLEY, Arvenia — Rain", ("UPPER OXLEY", "Arvenia", None, None)),
        ("OXLEY, 5 June - Rain", ("OXLEY", None, "5 June", None)),
        ("No dateline - here", None),
    ],
)
def test_dateline_parts(text, parts):
    m = DATELINE_PARTS.match(text)
    assert (m and (m["place"], m["region"], m["date"], m["agency"])) == parts


def test_dateline_parts_on_a_long_line_of_capitals():
    """A paragraph of capitals without a dash is read once (no backtracking blow-up)."""
    assert DATELINE_PARTS.match("ABC " * 5000 + "x") is None


@pytest.mark.parametrize(
    ("words", "lower", "expected"),
    [
        (["Shares", "of", "Acme"], {"shares"}, True),
        (["Shares", "of", "Acme"], set(), False),  # never written in lower case
        (["Residents", "of", "Oxley"], set(), True),  # a noun for people
        (["Little", "Oxley"], {"little"}, False),  # no "of" after it
        (["Mark", "Tully"], {"mark"}, False),  # a first name that is a common word
        (["Bank", "of", "Oxley"], {"bank"}, False),  # a head word
        (["Governor", "of", "Oxley"], {"governor"}, False),  # a title
        (["Shares"], {"shares"}, False),  # nothing after it
    ],
)
def test_common_opener(words, lower, expected):
    assert common_opener(words, frozenset(lower)) is expected


def test_outlets_and_head_kinds():
    assert is_outlet("Daily Lantern") and is_outlet("Channel 9") and not is_outlet("Channel")
    assert (head_kinds()["Lane"], head_kinds()["Mutual"], head_kinds()["City"]) == (
        "place",
        "organisation",
        "organisation",
    )


@pytest.mark.parametrize(
    ("run", "lower", "expected"),
    [
        ("Tenants Are Left With Debts", {"tenants", "left"}, True),  # with stop words
        ("Tenants Flee Oxley", {"tenants"}, False),  # one word of three
        ("Ana Ruiz", set(), False),
        ("Oxley", {"oxley"}, False),  # one word: no headline phrase
    ],
)
def test_headline_phrase(run, lower, expected):
    assert headline_phrase(run, frozenset(lower) | {"are", "with"}) is expected


def test_a_title_case_headline_names_no_one():
    article = article_from_text("Tenants Are Left With Debts\n\nThe tenants were left with debts.")
    assert entities(article).empty


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Lee Min-ho", "lee min ho"),
        ("  Jane\u00a0\tOkafor\n", "jane okafor"),  # any white space, at the ends too
        ("Ana‐Ruiz", "ana ruiz"),  # the Unicode hyphen
        ("", ""),
    ],
)
def test_norm_name(name, key):
    from helpers.names import WHITESPACE, norm_name

    assert norm_name(name) == key
    assert key == WHITESPACE.sub(" ", name.replace("-", " ").replace("‐", " ")).strip().lower()


def test_person_for_sees_a_person_added_after_a_lookup():
    from helpers.entities import Entity

    index = EntityIndex()
    index.add("ana ruiz", Entity("Ana Ruiz", "person", first_seen=(0, 0)))
    assert index.person_for("Ruiz").canonical == "Ana Ruiz"
    assert index.person_for("Tom") is None
    index.add("tom ruiz", Entity("Tom Ruiz", "person", first_seen=(2, 0)))
    index.add("acme", Entity("Acme", "institution", first_seen=(3, 0)))
    # the surname: the person seen last; the first name; the letters without the hyphen
    assert index.person_for("Ruiz").canonical == "Tom Ruiz"
    assert index.person_for("Tom").canonical == "Tom Ruiz"
    assert index.person_for("Ms Ana-Ruiz").canonical == "Ana Ruiz"
    assert index.person_for("Acme") is None
