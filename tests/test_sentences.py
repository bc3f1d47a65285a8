from __future__ import annotations

import pytest

from helpers import article_from_text, sentences, split_sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith left. He came back.", ["Mr. Smith left.", "He came back."]),
        ("Mrs. Jones and Ms. Lee met Dr. Patel.", ["Mrs. Jones and Ms. Lee met Dr. Patel."]),
        (
            "Gen. Park and Lt. Col. Kim spoke. Capt. Reyes did not.",
            ["Gen. Park and Lt. Col. Kim spoke.", "Capt. Reyes did not."],
        ),
        (
            "Sen. Ortiz, Rep. Hall and Gov. Wu voted. Prof. Ng abstained.",
            ["Sen. Ortiz, Rep. Hall and Gov. Wu voted.", "Prof. Ng abstained."],
        ),
        (
            "The U.S. and the U.K. agreed. Talks end soon.",
            ["The U.S. and the U.K. agreed.", "Talks end soon."],
        ),
        (
            "It opens on Jan. 5 and closes Dec. 20. Tickets sell fast.",
            ["It opens on Jan. 5 and closes Dec. 20.", "Tickets sell fast."],
        ),
        (
            "He lives at No. 10 with his cat. She moved out.",
            ["He lives at No. 10 with his cat.", "She moved out."],
        ),
        (
            "They sold apples, pears, etc. at the market.",
            ["They sold apples, pears, etc. at the market."],
        ),
        (
            "She lives on St. Mary's Road. It is quiet.",
            ["She lives on St. Mary's Road.", "It is quiet."],
        ),
        (
            "He added: “We have always expressed full support.” Then he left.",
            ["He added: “We have always expressed full support.”", "Then he left."],
        ),
        ("“Why now?” she asked. Nobody answered.", ["“Why now?” she asked.", "Nobody answered."]),
        ("“Stop!” he shouted. The car stopped.", ["“Stop!” he shouted.", "The car stopped."]),
        (
            '"It is fine," he said. "Really." She laughed.',
            ['"It is fine," he said.', '"Really."', "She laughed."],
        ),
        ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
        ("No full stop at the end", ["No full stop at the end"]),
        # A multi-paragraph quote: the paragraph opens a quote that is never closed.
        (
            "“We will stand with them. We always have.",
            ["“We will stand with them.", "We always have."],
        ),
    ],
)
def test_split_sentences(text, expected):
    assert split(text) == expected


def test_sentences_table_offsets_index_their_paragraph(seed):
    table = sentences(seed)
    assert list(table.columns) == ["paragraph", "sentence", "text", "start", "end"]
    for row in table.itertuples():
        assert seed.paragraphs[row.paragraph][row.start : row.end] == row.text
    assert set(table.paragraph) == set(range(17))
    assert len(table) == 22


def test_seed_quote_paragraphs_split_where_a_reader_would(seed):
    table = sentences(seed)
    para6 = table[table.paragraph == 6].text.tolist()
    assert para6 == [
        "He added: “We have always expressed full and unconditional support for the actions "
        "taken by the Russian government."
    ]
    para12 = table[table.paragraph == 12].text.tolist()
    assert len(para12) == 2 and para12[1].startswith("These remarks followed")


def test_headline_rows_are_paragraph_minus_one():
    article = article_from_text("A headline. With two parts\n\nBody one. Body two.")
    table = sentences(article, headline=True)
    assert table.paragraph.tolist() == [-1, -1, 0, 0]
    assert table.sentence.tolist() == [0, 1, 0, 1]
    assert sentences(article).paragraph.tolist() == [0, 0]
