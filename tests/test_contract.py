"""The data contract (helpers/contract.py): every table keeps its columns and types, on every
shipped and fixture article, a tiny article, a corpus and the other public table functions;
docs/tables.md is written from it and is never stale."""

from __future__ import annotations

import inspect
import shutil

import pandas as pd
import pytest

import helpers
from helpers import (
    FRAMES,
    analyze,
    analyze_corpus,
    article_from_text,
    article_metadata,
    compare_coding,
    cues_by_speaker,
    five_questions,
    frame_questions,
    frame_scores,
    load_article,
    loaded_lexicon,
    paragraph_stats,
    score_article,
    score_folder,
    sentence_stats,
    sentiment_disagreement,
    sentiment_units,
    stance_cues,
    table_of_contents,
    word_frequencies,
)
from helpers.analysis import TABLE_NAMES
from helpers.contract import (
    ANALYZE_TABLES,
    CORPUS_ERRORS,
    DTYPES,
    TABLES,
    TEXT,
    VIEWS,
    conform,
    corpus_table,
    empty,
    problems,
    rows_table,
)
from helpers.contract_doc import TABLES_DOC, tables_markdown, write_tables_doc
from helpers.entity_layer import ENTITY_COLUMNS, entities

from .conftest import FIXTURES, ROOT
from .test_analysis import ARTICLE_FILES, _loadable

#: Articles where most tables come out empty: no quote, no loaded word, no hedge, no target.
TINY = [
    "Calm\n\nNothing happened today.",
    "H\n\nA.",
    "Rain\n\nit rained and then it stopped and nobody said anything about it at all",
]
#: A tiny article with a quote, a loaded word, a hedge, a target and competing labels.
LABELLED = (
    "---\ntitle: Council backs the cuts\nlabels:\n  the plan: [cuts, savings]\n---\n"
    "“The savings are a disaster,” said Ana Ruiz, the mayor. The council allegedly "
    "approved the cuts."
)


def _assert_conforms(table: pd.DataFrame, spec, where: str) -> None:
    found = problems(table, spec)
    assert found == [], f"{where}: table {getattr(spec, 'name', spec)}: {found}"


# --- the contract itself -----------------------------------------------------------------


def test_the_contract_names_every_table_of_analyze_in_order():
    assert ANALYZE_TABLES == TABLE_NAMES


def test_the_column_constants_are_the_contracts():
    from helpers.loaded import TERM_COLUMNS
    from helpers.quotes import QUOTE_COLUMNS, VOICE_COLUMNS
    from helpers.sentences import COLUMNS as SENTENCE_COLUMNS
    from helpers.sentiment import SPEAKER_COLUMNS, UNIT_COLUMNS
    from helpers.stance import EVIDENCE_COLUMNS, STANCE_COLUMNS

    constants = {
        "sentences": SENTENCE_COLUMNS, "quotes": QUOTE_COLUMNS, "voices": VOICE_COLUMNS,
        "loaded_terms": TERM_COLUMNS, "stance": STANCE_COLUMNS,
        "stance_evidence": EVIDENCE_COLUMNS, "sentiment_units": UNIT_COLUMNS,
        "sentiment": SPEAKER_COLUMNS, "entities": ENTITY_COLUMNS,
    }  # fmt: skip
    for name, columns in constants.items():
        assert TABLES[name].names == tuple(columns), name


def test_every_public_table_function_is_in_the_contract():
    """A function of ``helpers.__all__`` annotated to return a DataFrame (or a tuple of
    them) has a table in the contract, named by its call."""
    calls = " ".join(t.function for t in TABLES.values())
    any_table = {"student_frame", "stance_grid"}  # reshape a table; their columns vary
    returning = [
        name
        for name in helpers.__all__
        if inspect.isfunction(obj := getattr(helpers, name))
        and "DataFrame" in str(inspect.signature(obj).return_annotation)
    ]
    assert len(returning) >= 30
    for name in set(returning) - any_table:
        assert f"{name}(" in calls, f"{name} returns a table the contract does not describe"


def test_every_column_has_a_known_type_and_a_meaning():
    for table in [*TABLES.values(), CORPUS_ERRORS, *VIEWS.values()]:
        assert table.row and table.function, table.name
        assert len(set(table.names)) == len(table.names), table.name
        for column in table.columns:
            assert column.dtype in DTYPES, (table.name, column.name, column.dtype)
            assert column.meaning.strip(), (table.name, column.name)
            assert "|" not in column.meaning, "a | would end the cell in docs/tables.md"


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        ({"part": ["headline"], "mean_vader": [0.5], "n_units": [1]}, "headline_sentiment", []),
        ({"part": ["headline"], "n_units": [1], "mean_vader": [0.5]}, "headline_sentiment",
         ["columns are ['part', 'n_units', 'mean_vader'], not ['part', 'mean_vader', "
          "'n_units']"]),
        ({"part": ["headline"], "mean_vader": [0.5], "n_units": [1.0]}, "headline_sentiment",
         ["n_units is float64, not int64"]),
        ({"part": ["headline", None], "mean_vader": [0.5, 0.1], "n_units": [1, 2]},
         "headline_sentiment", ["part has a missing value"]),
        ({"part": [1], "mean_vader": [0.5], "n_units": [1]}, "headline_sentiment",
         [f"part is int64, not text ({pd.Series(['a']).dtype})"]),
        ({"speaker": ["A"], "kind": ["person"], "role": [None], "mentions": [["A"]],
          "n_utterances": [1]}, "speakers", []),  # no role at all: object, allowed
        ({"speaker": ["A", "B"], "kind": ["person"] * 2, "role": ["mayor", None],
          "mentions": [["A"], []], "n_utterances": [1, 1]}, "speakers", []),
        ({"speaker": ["A"], "kind": ["person"], "role": ["mayor"], "mentions": [("A",)],
          "n_utterances": [1]}, "speakers", ["mentions holds tuple, not a list"]),
        ({"referent": ["r"], "label": ["l"], "voice": ["v"], "how": ["h"], "n": [1],
          "paragraphs": [[0, "1"]]}, "competing_labels",
         ["paragraphs holds a list with an item that is not int"]),
        ({"frame": ["conflict", "morality"], "manual": [True, None],
          "automatic": [True, False], "agree": [True, None]}, "compare_coding", []),
        ({"frame": ["conflict", "morality"], "manual": [True, "yes"],
          "automatic": [True, True], "agree": [True, True]}, "compare_coding",
         ["manual is object, not True/False/None"]),
    ],
)  # fmt: skip
def test_problems_names_what_breaks_the_contract(data, name, expected):
    assert problems(pd.DataFrame(data), name) == expected


def test_problems_wants_the_index_0_1_2():
    table = pd.DataFrame({"field": ["title"], "value": ["A"]}, index=[3])
    assert problems(table, "article_metadata") == ["the index is not 0, 1, 2 …"]


@pytest.mark.parametrize("name", [*TABLES, CORPUS_ERRORS])
def test_an_empty_table_has_the_contracts_columns_and_types(name):
    table = empty(name)
    assert len(table) == 0
    assert problems(table, name) == []
    assert conform(pd.DataFrame(columns=list(table.columns)), name).dtypes.equals(table.dtypes)


def test_conform_leaves_a_table_with_rows_as_it_is():
    table = pd.DataFrame({"field": ["title"], "value": [None]}, dtype=object)
    assert conform(table, "article_metadata") is table


_TARGET_ROWS = [("Ana Ruiz", "person", ["Ana Ruiz", "Ruiz"], 2, "names"),
                ("France", "place", ["France"], 1, "gazetteer")]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "rows", "dtypes"),
    [
        ("targets", _TARGET_ROWS, ["str", "str", "object", "int64", "str"]),
        ("targets", [], ["str", "str", "object", "int64", "str"]),
        ("headline_sentiment", [("headline", 0.5, 1), ("body", -0.25, 3)],
         ["str", "float64", "int64"]),
        # not all of the column's type: pandas infers the column (an int among floats)
        ("headline_sentiment", [("headline", 1, 1), ("body", -0.25, 3)],
         ["str", "float64", "int64"]),
        ("headline_sentiment", [("headline", 1, 1)], ["str", "int64", "int64"]),
        ("compare_coding", [("conflict", None, True, None)], ["str", "object", "bool", "object"]),
        ("compare_coding", [("conflict", True, False, False)], ["str", "bool", "bool", "bool"]),
        ("article_metadata", [("title", None)], ["str", "object"]),
        ("paragraph_stats", [(0, 1, 2**63, "A")], ["int64", "int64", "uint64", "str"]),
        # a missing role among roles: text with NaN, as pandas infers it; no role at all: object
        ("speakers", [("Ana Ruiz", "person", "mayor", ["Ruiz"], 2),
                      ("US officials", "anonymous", None, [], 1)],
         ["str", "str", "str", "object", "int64"]),
        ("speakers", [("US officials", "anonymous", None, [], 1)],
         ["str", "str", "object", "object", "int64"]),
    ],
)  # fmt: skip
def test_rows_table_is_the_table_pandas_infers_from_the_rows(name, rows, dtypes):
    table = rows_table(rows, name)
    expected = conform(pd.DataFrame(rows, columns=list(TABLES[name].names)), name)
    pd.testing.assert_frame_equal(table, expected, check_exact=True)
    assert [str(t) for t in table.dtypes] == [str(TEXT) if d == "str" else d for d in dtypes]
    assert list(table.columns) == list(TABLES[name].names)


# --- analyze(): every table, every article -----------------------------------------------


def test_every_table_of_every_article_keeps_the_contract():
    articles = list(_loadable(ARTICLE_FILES))
    assert len(articles) >= 60
    articles += [article_from_text(text) for text in [*TINY, LABELLED]]
    seen_empty = set()
    for article in articles:
        result = analyze(article)
        for name in TABLE_NAMES:
            _assert_conforms(result[name], name, article.slug)
            if result[name].empty:
                seen_empty.add(name)
    # the empty tables were checked too (an empty table is where types used to slip)
    assert {"quotes", "speakers", "stance", "loaded_terms", "hedges", "targets"} <= seen_empty


def test_a_tiny_article_gives_empty_tables_of_the_right_types():
    result = analyze(article_from_text(TINY[0]))
    assert result["quotes"].empty and result["targets"].empty and result["hedges"].empty
    assert result["quotes"].dtypes["start"] == "int64"
    assert result["stance"].dtypes["clear"] == "bool"
    assert result["targets"].dtypes["n_mentions"] == "int64"


# --- corpus tables -----------------------------------------------------------------------


def test_corpus_tables_keep_the_contract(tmp_path):
    paths = [ROOT / "data/articles/constructed/wire-neutral.md", tmp_path / "tiny.md",
             tmp_path / "labelled.md", tmp_path / "missing.md"]  # fmt: skip
    paths[1].write_text(TINY[0], encoding="utf-8")
    paths[2].write_text(LABELLED, encoding="utf-8")
    result = analyze_corpus(paths, workers=1, progress=False, tables="all")
    assert set(result.tables) == set(TABLE_NAMES)
    for name in TABLE_NAMES:
        table = result[name]
        _assert_conforms(table, corpus_table(name), "corpus")
        assert set(table["article"]) <= {"wire-neutral", "tiny", "labelled"}
    assert list(result.errors["path"]) == [str(paths[3])]
    _assert_conforms(result.errors, CORPUS_ERRORS, "corpus")


def test_an_empty_corpus_gives_empty_tables_of_the_right_types():
    result = analyze_corpus([], progress=False, tables="all")
    for name in TABLE_NAMES:
        assert result[name].empty
        _assert_conforms(result[name], corpus_table(name), "empty corpus")
    _assert_conforms(result.errors, CORPUS_ERRORS, "empty corpus")


# --- the other public tables -------------------------------------------------------------

OTHER_ARTICLES = [
    ROOT / "data/articles/putin-kim-summit-2023.md",
    ROOT / "data/articles/constructed/tabloid-hawkish.md",
    FIXTURES / "quotes/dev/court_charity_fraud.md",
]


@pytest.fixture(scope="module", params=[*OTHER_ARTICLES, *TINY, LABELLED], ids=str)
def article(request):
    if isinstance(request.param, str):
        return article_from_text(request.param)
    return load_article(request.param)


def test_article_table_functions_keep_the_contract(article):
    units = sentiment_units(article)
    scores = frame_scores(article)
    answers = dict(zip(FRAMES, [True, False], strict=False))  # some frames left unanswered
    tables = {
        "five_questions": five_questions(article),
        "cues_by_speaker": cues_by_speaker(article),
        "article_metadata": article_metadata(article),
        "sentence_stats": sentence_stats(article),
        "paragraph_stats": paragraph_stats(article),
        "word_frequencies": word_frequencies(article),
        "entities": entities(article),
        "sentiment_disagreement": sentiment_disagreement(units),
    }
    for name, table in tables.items():
        _assert_conforms(table, name, article.slug)
    for manual in ({}, answers, dict.fromkeys(FRAMES, True)):
        _assert_conforms(compare_coding(manual, scores), "compare_coding", article.slug)
    assert sentiment_disagreement(units).index.name == "VADER"


def test_word_list_and_course_tables_keep_the_contract():
    for name, table in {
        "frame_questions": frame_questions(),
        "loaded_lexicon": loaded_lexicon(),
        "stance_cues": stance_cues(),
        "table_of_contents": table_of_contents(),
    }.items():
        assert len(table), name
        _assert_conforms(table, name, "word lists")


def test_scoring_tables_keep_the_contract(tmp_path):
    for stem in ("court_charity_fraud", "business_profit_warning"):
        for suffix in (".md", ".expected.yaml"):
            shutil.copy(FIXTURES / "quotes/dev" / f"{stem}{suffix}", tmp_path)
    _score, detail = score_article(tmp_path / "court_charity_fraud.md")
    _assert_conforms(detail, "score_article", "score_article")
    summary, details = score_folder(tmp_path)
    assert len(summary) == 2
    _assert_conforms(summary, "score_folder", "score_folder")
    _assert_conforms(details, "score_article", "score_folder")


def _view(title: str):
    """The contract of an evidence table of explore(), by its title."""
    found = [v for t, v in VIEWS.items() if title.startswith(t.split("<")[0].rstrip())]
    assert len(found) == 1, title
    return found[0]


def test_the_evidence_tables_of_explore_keep_the_contract(article):
    from helpers.explore import ALL, Explorer

    explorer = Explorer(analyze(article))
    seen = set()
    offered = {"speaker": "speakers", "target": "targets", "category": "categories",
               "frame": "frames"}  # fmt: skip
    for choice, options in offered.items():
        for value in getattr(explorer, options)[1:]:
            explorer.choose(speaker=ALL, target=ALL, category=ALL, frame=ALL)
            for title, table in explorer.choose(**{choice: value}).tables().items():
                view = _view(title)
                _assert_conforms(table, view, f"{article.slug}: {title}")
                seen.add(view.name)
    if article.slug == "putin-kim-summit-2023":
        assert seen == set(VIEWS)  # the seed shows every kind of evidence table


# --- docs/tables.md ----------------------------------------------------------------------


def test_docs_tables_md_is_up_to_date():
    assert not write_tables_doc(TABLES_DOC, check=True), (
        "docs/tables.md is stale: run `make nav` (or `python -m helpers docs`)"
    )


def test_docs_lists_every_table_and_column():
    text = tables_markdown()
    for table in TABLES.values():
        assert f"### `{table.name}`" in text
        for column in table.columns:
            assert f"| `{column.name}` | {column.dtype} | {column.meaning} |" in text


def test_docs_command_writes_and_checks(tmp_path):
    from helpers.__main__ import main

    out = tmp_path / "tables.md"
    assert main(["docs", "--check", "--out", str(out)]) == 1  # missing: stale
    assert not out.exists()  # --check writes nothing
    assert main(["docs", "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == tables_markdown()
    assert main(["docs", "--check", "--out", str(out)]) == 0
    out.write_text(tables_markdown() + "edited by hand\n", encoding="utf-8")
    assert main(["docs", "--check", "--out", str(out)]) == 1


def test_a_table_from_rows_owns_its_column_names():
    first = rows_table([("NARRATOR", "narration", 3, 1.0)], "share_of_voice")
    first.columns.name = "renamed"
    second = rows_table([("NARRATOR", "narration", 3, 1.0)], "share_of_voice")
    assert second.columns.name is None and empty("share_of_voice").columns.name is None
