from __future__ import annotations

import pytest

from helpers import article_from_text
from helpers.entity_layer import ENTITY_COLUMNS, entities


def test_seed_entities_kinds_and_how(seed):
    table = entities(seed)
    assert table.columns.tolist() == ENTITY_COLUMNS
    first = table.drop_duplicates("entity").set_index("entity")
    assert first.loc["Russia", ["kind", "kind_how"]].tolist() == ["place", "gazetteer: place"]
    assert first.loc["Pentagon", "kind_how"] == "gazetteer: organisation"
    assert first.loc["Dmitry Peskov", "kind"] == "person"
    how = table.groupby("mention_how").size().to_dict()
    assert how == {"gazetteer alias": 17, "name": 38, "pronoun rule": 3, "writer's gloss": 1}
    gloss = table[table.mention_how == "writer's gloss"].iloc[0]
    assert (gloss.entity, gloss.mention) == ("United States", "hegemonists")


def test_offsets_point_at_the_mention(seed):
    table = entities(seed)
    texts = [seed.title, *seed.paragraphs]
    for row in table.itertuples():
        assert texts[row.paragraph + 1][row.start : row.end] == row.mention


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Ana Ruiz met Harbury Council. She was calm.",
            [
                ("Ana Ruiz", "person", "two or more capitalised words", "Ana Ruiz", "name"),
                ("Harbury Council", "organisation", 'organisation word "Council"',
                 "Harbury Council", "name"),
                ("Ana Ruiz", "person", "two or more capitalised words", "She", "pronoun rule"),
            ],
        ),
        # "He" does not link to a woman the article marks as such
        (
            "Mrs. Ana Ruiz spoke. He left.",
            [("Ana Ruiz", "person", "two or more capitalised words", "Ana Ruiz", "name")],
        ),
    ],
)  # fmt: skip
def test_tiny_articles(body, expected):
    table = entities(article_from_text("A calm day\n\n" + body))
    columns = ["entity", "kind", "kind_how", "mention", "mention_how"]
    assert [tuple(r) for r in table[columns].values.tolist()] == expected


def test_a_reader_target_the_suite_cannot_type():
    article = article_from_text(
        "---\ntitle: Row\ntargets:\n  Riverside plan: [plan, scheme]\n---\n"
        "The plan is late. The scheme costs more."
    )
    rows = entities(article)[["entity", "kind", "kind_how", "mention", "mention_how"]]
    assert rows.values.tolist() == [
        ["Riverside plan", "other", "front matter", "plan", "front matter"],
        ["Riverside plan", "other", "front matter", "scheme", "front matter"],
    ]
