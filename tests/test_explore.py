"""explore(article) (helpers/explore.py): what each choice highlights and which evidence the
table shows, on a tiny article with exact expected sentences; loading a path, a bad file or a
web address (a loopback server) from the widget; hostile text stays escaped. The widget in a
real JupyterLab is tested in test_jupyterlab.py."""

from __future__ import annotations

import pytest

from helpers import article_from_text, explore
from helpers.explore import ALL, Explorer

from .conftest import HOSTILE_ARTICLE, HOSTILE_PAYLOADS, SEED_ARTICLE
from .test_web import server  # noqa: F401  (the loopback HTTP server fixture)
from .test_xray import TINY


@pytest.fixture
def tiny():
    return Explorer(article_from_text(TINY))


def test_the_choices_offered(tiny):
    assert tiny.speakers == [ALL, "Jane Okafor", "Critics"]
    assert tiny.targets == [ALL, "Council"]
    assert tiny.categories == [
        ALL, "loaded language", "emotive (lexicon)", "reporting verb (doubt)", "hedges",
        "scare quotes",
    ]  # fmt: skip
    assert tiny.frames == [ALL, "conflict"]


@pytest.mark.parametrize(
    ("choice", "highlighted", "tables"),
    [
        ({}, [], []),
        ({"speaker": "Jane Okafor"}, ["0:0"], ["Quotes of Jane Okafor", "Stance evidence"]),
        ({"speaker": "Critics"}, ["1:1"], ["Quotes of Critics", "Stance evidence"]),
        ({"target": "Council"}, ["-1:0"], ["Stance evidence"]),
        ({"category": "emotive (lexicon)"}, ["0:1"], ["Loaded words: emotive (lexicon)"]),
        ({"category": "hedges"}, ["1:0", "1:1"], ["Hedges"]),
        ({"category": "scare quotes"}, ["1:0"], ["Scare quotes"]),
        ({"frame": "conflict"}, ["-1:0", "0:0"], ["Frame: conflict"]),
        (
            {"speaker": "Jane Okafor", "category": "emotive (lexicon)"},
            [],  # Jane Okafor's own words carry no emotive word: nothing to show
            ["Quotes of Jane Okafor", "Loaded words: emotive (lexicon)"],
        ),
        (
            {"speaker": "Critics", "category": "loaded language"},
            ["1:1"],  # "fiasco", the outlet's word in its paraphrase of Critics
            ["Quotes of Critics", "Loaded words: loaded language"],
        ),
    ],
)
def test_a_choice_highlights_its_sentences_and_filters_the_table(tiny, choice, highlighted, tables):
    tiny.choose(**choice)
    assert tiny.highlighted == highlighted
    assert list(tiny.tables()) == tables
    html = tiny.article_html()
    lit = [part.split("'")[0] for part in html.split("class='sent hl' data-s='")[1:]]
    assert lit == highlighted


def test_the_tables_hold_the_evidence(tiny):
    quotes = tiny.choose(speaker="Critics").tables()["Quotes of Critics"]
    assert quotes.to_dict("records") == [
        {
            "paragraph": 1,
            "sentence": 1,
            "kind": "indirect",
            "cue": "claimed",
            "text": "the plan was a fiasco",
            "rule": "reported speech after the cue",
        }
    ]
    tiny.choose(speaker=ALL)
    words = tiny.choose(category="emotive (lexicon)").tables()["Loaded words: emotive (lexicon)"]
    assert words[["paragraph", "sentence", "text", "speaker"]].values.tolist() == [
        [0, "0:1", "tragedy", "NARRATOR"]
    ]
    words = tiny.choose(category="loaded language").tables()["Loaded words: loaded language"]
    assert words[["paragraph", "sentence", "text", "speaker"]].values.tolist() == [
        [-1, "-1:0", "reckless", "NARRATOR"],
        [0, "0:0", "reckless", "Jane Okafor"],
        [1, "1:1", "fiasco", "Critics"],
    ]
    tiny.choose(speaker=ALL, category=ALL)
    assert "Choose a speaker" in tiny.table_html()


def test_an_unknown_choice_is_a_clear_error(tiny):
    with pytest.raises(ValueError, match="speaker must be one of"):
        tiny.choose(speaker="Nobody")


def test_the_widget_follows_its_drop_downs():
    box = explore(article_from_text(TINY))
    article, table = box.views["article"], box.views["table"]
    assert "class='sent hl'" not in article.value
    box.controls["frame"].value = "conflict"
    assert article.value.count("class='sent hl'") == 2
    assert "Frame: conflict (2)" in table.value
    box.controls["frame"].value = ALL
    box.controls["speaker"].value = "Critics"
    assert article.value.count("class='sent hl'") == 1 and "data-s='1:1'" in article.value
    assert "Quotes of Critics (1)" in table.value


def test_the_widget_loads_a_path_and_names_a_bad_one(tmp_path):
    box = explore(article_from_text(TINY))
    box.controls["source"].value = str(tmp_path / "missing.md")
    box.controls["load"].click()
    assert box.controls["status"].value == (
        f"<b>Could not load:</b> {tmp_path / 'missing.md'}: no such file"
    )
    assert box.explorer.analysis.article.title == "Council row over reckless plan"  # kept
    box.controls["source"].value = str(SEED_ARTICLE)
    box.controls["speaker"].value = "Jane Okafor"
    box.controls["load"].click()
    assert box.controls["status"].value.startswith("Showing: <b>Putin and Kim")
    assert box.controls["speaker"].value == ALL  # the choices start again
    assert "Dmitry Peskov" in box.controls["speaker"].options


def test_the_widget_picks_from_the_articles_folder(tmp_path):
    (tmp_path / "a.md").write_text(TINY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Rain expected\n\nRain is expected on Monday.\n")
    (tmp_path / "notes.csv").write_text("x\n")
    box = explore(folder=tmp_path)  # no article: the folder's first
    assert [label for label, _ in box.controls["picker"].options] == [
        "(the article given)", "a.md", "b.txt"
    ]  # fmt: skip
    assert box.explorer.analysis.article.title == "Council row over reckless plan"
    box.controls["picker"].value = str(tmp_path / "b.txt")
    assert box.explorer.analysis.article.title == "Rain expected"
    assert "Rain is expected on Monday." in box.views["article"].value


def test_the_widget_fetches_a_web_address_when_asked(server):  # noqa: F811
    box = explore(article_from_text(TINY))
    box.controls["source"].value = f"{server}/story"
    box.controls["load"].click()
    assert box.controls["status"].value == "Showing: <b>Port workers strike halts grain exports</b>"
    box.controls["source"].value = f"{server}/missing"
    box.controls["load"].click()
    assert box.controls["status"].value.endswith("the server answered HTTP 404 Not Found")


def test_hostile_text_is_escaped_in_the_widget(tmp_path):
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    box = explore(path)
    for name in ("speaker", "category"):
        for option in box.controls[name].options[1:]:
            box.controls[name].value = option
            assert "<script>" not in box.views["article"].value + box.views["table"].value
    assert "&lt;script&gt;" in box.views["article"].value
    assert "<script>" not in box.controls["status"].value
    assert (
        HOSTILE_PAYLOADS[0].replace("<", "&lt;").replace(">", "&gt;") in box.views["article"].value
    )
