"""The data contract: every table the suite returns, its columns in order, their types and
what each column means.

One :class:`Table` per table: the function that builds it, what one row is, and its
:class:`Column` s (name, type, meaning). ``tests/test_contract.py`` checks every table of
:func:`helpers.analyze` on every shipped and fixture article, the corpus tables and the other
public table functions against it, and ``docs/tables.md`` is written from it
by :mod:`helpers.contract_doc` (``python -m helpers docs``, also run by ``make nav``;
a test fails when it is stale).

Types (``Column.dtype``) are the keys of :data:`DTYPES`. ``str`` is pandas' text dtype
(``object`` before pandas 3); a ``str?`` column with no text at all is ``object`` (pandas
cannot type a column of missing values only), so is a ``bool?`` column with a missing value,
and so are lists. An empty table has the same columns and types as a full one
(:func:`conform`).

>>> TABLES["share_of_voice"].names
('voice', 'mode', 'n_words', 'share')
>>> problems(pd.DataFrame({"voice": ["NARRATOR"], "mode": ["narration"],
...                        "n_words": [3], "share": [1.0]}), "share_of_voice")
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd

from .table_arrays import table_from_arrays

__all__ = [
    "Column", "Table", "DTYPES", "TABLES", "VIEWS", "ANALYZE_TABLES", "CORPUS_ERRORS",
    "OTHER_TABLES", "ARTICLE_COLUMN", "corpus_table", "conform", "empty", "problems",
    "rows_table",
]  # fmt: skip

#: The types a column may have, with what they mean in words.
DTYPES = {
    "int64": "a whole number", "float64": "a decimal number (NaN where there is none)",
    "bool": "True or False", "str": "text", "str?": "text, or missing",
    "bool?": "True, False, or missing (None)", "list[str]": "a list of texts",
    "list[int]": "a list of whole numbers",
}  # fmt: skip

#: The dtype pandas gives a column of text: ``str`` from pandas 3, ``object`` before.
TEXT = pd.Series(["text"]).dtype
#: Text kept as Python objects (pandas before 3), else the extension array class of ``TEXT``.
_TEXT_ARRAY = None if isinstance(TEXT, np.dtype) else TEXT.construct_array_type()


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str
    meaning: str


@dataclass(frozen=True)
class Table:
    """One table: its name, the call that builds it, what one row is, its columns.
    ``index`` describes an index that carries meaning (else the index is 0, 1, 2 …)."""

    name: str
    function: str
    row: str
    columns: tuple[Column, ...]
    index: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _cols(*specs: tuple[str, str, str]) -> tuple[Column, ...]:
    return tuple(Column(*spec) for spec in specs)


# Columns many tables share, worded once.
_PARAGRAPH = ("paragraph", "int64", "the paragraph, counted from 0; -1 is the headline")
_BODY_PARAGRAPH = ("paragraph", "int64", "the body paragraph, counted from 0")
_SENTENCE = ("sentence", "int64", "the sentence within its paragraph, counted from 0")
_START = ("start", "int64", "where the text starts in its paragraph (a character offset)")
_END = ("end", "int64", "where the text ends in its paragraph (text = paragraph[start:end])")
_VOICE = ("voice", "str", "who speaks: a speaker's name, or NARRATOR for the outlet itself")
_MODE = ("mode", "str", "narration (the outlet), quoted (in quotation marks) or reported "
         "(paraphrased by the outlet)")  # fmt: skip
_SPEAKER = ("speaker", "str", "the speaker's name as one canonical form (UNKNOWN if no rule "
            "found one)")  # fmt: skip


_ANALYZE = (
    Table("sentences", "sentences(article, headline=True)",
          "one sentence (the headline is paragraph -1)", _cols(
        _PARAGRAPH, _SENTENCE,
        ("text", "str", "the sentence as written"),
        _START, _END,
    )),
    Table("quotes", "extract_quotes(article)",
          "one quoted or reported utterance", _cols(
        _BODY_PARAGRAPH, _SENTENCE, _SPEAKER,
        ("kind", "str", "direct (all in quotation marks), partial (reported speech with "
                        "quoted fragments) or indirect (reported without quotation marks)"),
        ("text", "str", "what was said: the words inside the marks, or the reported clause"),
        ("cue", "str", "the verb or phrase that attributes it (said, according to …); empty "
                       "if none"),
        _START, _END,
        ("fragments", "list[str]", "the quoted words inside a partial quote"),
        ("speaker_mention", "str", "how the article names the speaker here (he, the "
                                   "minister …)"),
        ("rule", "str", "the attribution rule that found the speaker"),
        ("utterance", "int64", "the utterance's id, 0, 1, … in reading order; the fragments "
                               "of one interrupted quotation (“A,” she said, “B.”) share it"),
    )),
    Table("speakers", "speakers(article)", "one speaker", _cols(
        _SPEAKER,
        ("kind", "str", "person, institution, anonymous or unknown"),
        ("role", "str?", "the speaker's role as the article gives it (missing if none)"),
        ("mentions", "list[str]", "every way the article refers to the speaker"),
        ("n_utterances", "int64", "how many utterances are attributed to the speaker (an "
                                  "interrupted quotation counts once)"),
    )),
    Table("scare_quotes", "scare_quotes(article)",
          "one quoted span nobody in the article speaks (a scare quote)", _cols(
        _BODY_PARAGRAPH,
        ("text", "str", "the words inside the quotation marks"),
        _START, _END,
    )),
    Table("voices", "voices(article, headline=True)",
          "one stretch of text spoken by one voice (every character belongs to one row)",
          _cols(
        _PARAGRAPH, _START, _END, _VOICE,
        ("mode", "str", "narration (the outlet; the headline too), quoted or reported"),
        ("text", "str", "the stretch of text"),
    )),
    Table("share_of_voice", "share_of_voice(article)",
          "one voice in one mode, with the words it has in the body", _cols(
        _VOICE, _MODE,
        ("n_words", "int64", "words of the body in this voice and mode"),
        ("share", "float64", "n_words as a share of all body words (0 to 1)"),
    )),
    Table("sentiment_units", "sentiment_units(article)",
          "one voice in one sentence (a unit), and one row for the headline", _cols(
        _PARAGRAPH, _SENTENCE, _VOICE,
        ("mode", "str", "narration, quoted, reported, mixed (a partial quote) or headline"),
        ("text", "str", "the unit's words (gaps shown as …)"),
        _START, _END,
        ("vader", "float64", "VADER's compound score, from -1 (negative) to +1 (positive)"),
        ("vader_label", "str", "negative, neutral or positive (cut-offs ±0.05)"),
        ("vader_words", "str", "the words VADER scored, with their valence"),
        ("textblob", "float64", "TextBlob's polarity, from -1 to +1 (a second opinion)"),
        ("textblob_label", "str", "negative, neutral or positive by TextBlob"),
        ("textblob_words", "str", "the words TextBlob scored"),
    )),
    Table("sentiment", "sentiment_by_speaker(article)",
          "one voice, with the tone of its units (headline left out)", _cols(
        _VOICE,
        ("n_units", "int64", "how many units (sentences) the voice has"),
        ("mean", "float64", "the mean VADER score of its units"),
        ("ci_low", "float64", "lower end of the 95% bootstrap interval of the mean"),
        ("ci_high", "float64", "upper end of that interval"),
        ("share_positive", "float64", "share of its units labelled positive"),
        ("share_neutral", "float64", "share of its units labelled neutral"),
        ("share_negative", "float64", "share of its units labelled negative"),
        ("most_positive", "str", "its most positive unit"),
        ("most_negative", "str", "its most negative unit"),
    )),
    Table("targets", "targets(article)",
          "one target: a person, organisation, place or reader's target stance is measured "
          "toward", _cols(
        ("target", "str", "the target's name"),
        ("kind", "str", "person, institution, place, or declared (listed in front matter)"),
        ("aliases", "list[str]", "the names the article uses for it"),
        ("n_mentions", "int64", "how often the article mentions it"),
        ("source", "str", "front matter, names, quoted (named by a speaker only) or "
                          "gazetteer: where the target came from"),
    )),
    Table("stance", "stance_table(article)",
          "one voice toward one target", _cols(
        _SPEAKER,
        ("target", "str", "whom or what the stance is toward"),
        ("stance", "float64", "from -1 (against) to +1 (for); an average with a prior of "
                              "no stance"),
        ("n_evidence", "int64", "how many evidence rows back it"),
        ("n_units", "int64", "how many sentences those rows come from"),
        ("clear", "bool", "True when the stance is 0.1 or more, or -0.1 or less"),
    )),
    Table("stance_evidence", "stance_evidence(article)",
          "one piece of evidence of a voice's stance toward a target", _cols(
        _SPEAKER,
        ("target", "str", "whom or what it is about"),
        _PARAGRAPH, _SENTENCE,
        ("mode", "str", "narration, quoted, reported, mixed (a partial quote) or headline"),
        ("text", "str", "the sentence (unit) the evidence is in"),
        ("cue", "str", "the stance word found (empty for sentiment evidence)"),
        ("source", "str", "cue, reported act, scare quote or sentiment: which rule"),
        ("contribution", "float64", "what it adds to the stance (negative: against)"),
        ("link", "str", "name (the unit names the target) or pronoun (a He/She linked to it)"),
    )),
    Table("loaded_terms", "find_loaded_terms(article)",
          "one loaded word (or phrase) where it occurs; a term one voice repeats 4 times or "
          "more in the body is one row, at its first use (its explanation says how often)",
          _cols(
        ("term", "str", "the word-list entry that matched"),
        ("category", "str", "the kind of loaded language (name calling, exaggeration …)"),
        _PARAGRAPH,
        ("voice", "str", "whose wording it is: a quoted speaker, or NARRATOR"),
        _START, _END,
        ("text", "str", "the word as written"),
        ("mode", "str", "narration, quoted, reported or headline"),
        ("speaker", "str", "whose stretch of text it is in (the voices table)"),
        ("source", "str", "curated (our list), VADER lexicon, reporting verb, scare quotes"),
        ("explanation", "str", "why the word is loaded"),
        ("phrase", "str", "the phrase the word belongs to"),
        ("phrase_start", "int64", "where the phrase starts in its paragraph"),
        ("phrase_end", "int64", "where the phrase ends in its paragraph"),
    )),
    Table("hedges", "find_hedges(article)",
          "one hedge or distancing word, or a reporting verb that casts doubt", _cols(
        ("term", "str", "the word-list entry or verb"),
        ("kind", "str", "hedge, distancing, doubt, or reporting verb (doubt or tentative)"),
        _PARAGRAPH,
        ("voice", "str", "whose wording it is: a quoted speaker, or NARRATOR"),
        ("text", "str", "the words as written"),
        ("explanation", "str", "what the hedge does"),
    )),
    Table("loaded_density", "loaded_density(article)",
          "one voice (the headline is a row of its own)", _cols(
        ("voice", "str", "headline, NARRATOR, or a quoted speaker"),
        ("words", "int64", "words in that voice"),
        ("curated", "int64", "loaded words from the curated list (rows of loaded_terms)"),
        ("emotive", "int64", "emotive words found by VADER's lexicon"),
        ("per_100_words", "float64", "curated loaded words per 100 words"),
    )),
    Table("competing_labels", "competing_labels(article)",
          "one label of a referent in one voice (from the front matter's labels:)", _cols(
        ("referent", "str", "the thing named, as the front matter calls it"),
        ("label", "str", "the name used for it"),
        ("voice", "str", "who uses that name"),
        ("how", "str", "where the label is: headline, scare quotes, narration, quoted or "
                       "reported"),
        ("n", "int64", "how many times"),
        ("paragraphs", "list[int]", "where (-1 is the headline)"),
    )),
    Table("frames", "frame_scores(article)",
          "one of the five generic news frames", _cols(
        ("frame", "str", "the frame (conflict, human_interest, economic_consequences …)"),
        ("n_cues", "int64", "how many cue words of the frame occur"),
        ("per_100_words", "float64", "cues per 100 words"),
        ("cues", "list[str]", "the cues found"),
        ("paragraphs", "list[int]", "where they are"),
        ("dominant", "bool", "True for the frame(s) with the most cues per 100 words"),
    )),
    Table("frame_evidence", "frame_evidence(article)",
          "one frame cue where it occurs", _cols(
        ("frame", "str", "the frame the cue belongs to"),
        ("cue", "str", "the word-list entry"),
        ("text", "str", "the words as written"),
        _PARAGRAPH, _SENTENCE, _START, _END,
    )),
    Table("headline_check", "headline_check(article)",
          "one key word of the headline (loaded, emotive or a content word)", _cols(
        ("word", "str", "the headline word"),
        ("category", "str", "its loaded-language category, or content word"),
        ("in_body", "bool", "True if the body uses the word too"),
        ("body_paragraphs", "list[int]", "the body paragraphs that use it"),
        ("headline_names", "list[str]", "the people and institutions the headline names"),
        ("body_subjects", "list[str]", "who the body sentences using the word are about"),
    )),
    Table("headline_sentiment", "headline_sentiment(article)",
          "one part: the headline, the outlet's body narration, every body voice", _cols(
        ("part", "str", "which part of the article"),
        ("mean_vader", "float64", "its mean VADER score (0 when it has no unit)"),
        ("n_units", "int64", "how many units it has"),
    )),
    Table("arc", "story_arc(article)",
          "one body paragraph in one voice (the outlet, or quoted speakers)", _cols(
        _BODY_PARAGRAPH,
        ("voice", "str", "the outlet, or quoted speakers"),
        ("mean_vader", "float64", "mean VADER score of its units (NaN if none)"),
        ("words", "int64", "how many words"),
        ("loaded_terms", "int64", "curated loaded words in it"),
        ("loaded_per_100", "float64", "loaded words per 100 words (NaN if loaded words but "
                                      "no units)"),
    )),
)  # fmt: skip

ARTICLE_COLUMN = ("article", "str", "the article's slug (its file name without extension)")
_QUOTE_ROW = ("kind", "str", "direct, partial or indirect")

OTHER_TABLES = (
    Table("five_questions", "five_questions(article)", "one of the suite's five questions",
          _cols(
        ("question", "str", "the question"),
        ("answer", "str", "a one-line answer for this article (a first look)"),
        ("notebook", "str", "the notebook where the answer is checked"),
    )),
    Table("report_summary", "report_summary(analysis)",
          "one of the report's questions, answered with its evidence", _cols(
        ("question", "str", "the question"),
        ("answer", "str", "a one-line answer for this article"),
        ("evidence", "str", "what the answer rests on: sentences, counts, words"),
        ("rule", "str", "how the answer is decided, in words"),
        ("notebook", "str", "the notebook where the answer is explained"),
    )),
    Table("cues_by_speaker", "cues_by_speaker(article)",
          "one reporting verb used for one speaker", _cols(
        _SPEAKER,
        ("cue", "str", "the reporting verb, lower-cased"),
        ("connotation", "str", "its connotation in reporting_verbs.csv (or attribution "
                               "phrase)"),
        ("n", "int64", "how many times"),
    )),
    Table("article_metadata", "article_metadata(article)", "one fact about the article file",
          _cols(
        ("field", "str", "title, outlet, date, section, url, file, paragraphs, words in body"),
        ("value", "str", "its value, or not given"),
    )),
    Table("sentence_stats", "sentence_stats(article)",
          "one sentence (the headline is paragraph -1)", _cols(
        _PARAGRAPH, _SENTENCE,
        ("text", "str", "the sentence as written"),
        _START, _END,
        ("n_words", "int64", "its words"),
    )),
    Table("paragraph_stats", "paragraph_stats(article)", "one body paragraph", _cols(
        _BODY_PARAGRAPH,
        ("n_sentences", "int64", "its sentences"),
        ("n_words", "int64", "its words"),
        ("opening", "str", "its first words"),
    )),
    Table("word_frequencies", "word_frequencies(article)",
          "one content word (stop words left out), most frequent first", _cols(
        ("word", "str", "the word, lower-cased"),
        ("count", "int64", "how often it occurs"),
        ("n_paragraphs", "int64", "in how many paragraphs"),
        ("paragraphs", "list[int]", "which paragraphs"),
    )),
    Table("entities", "helpers.entity_layer.entities(article)",
          "one mention of a person, organisation, place or group", _cols(
        ("entity", "str", "the entity's canonical name"),
        ("kind", "str", "person, organisation, place, group or other"),
        ("kind_how", "str", "the rule that gave the kind"),
        ("mention", "str", "the words of this mention"),
        _PARAGRAPH, _START, _END,
        ("mention_how", "str", "name, front matter, gazetteer alias, writer's gloss or "
                               "pronoun rule"),
    )),
    Table("frame_questions", "frame_questions()", "one coding question of a frame", _cols(
        ("frame", "str", "the frame"),
        ("question", "str", "the yes/no question a coder asks"),
    )),
    Table("compare_coding", "compare_coding(manual, frame_scores(article))",
          "one frame: a reader's coding beside the rules'", _cols(
        ("frame", "str", "the frame"),
        ("manual", "bool?", "the reader's answer (missing if not given)"),
        ("automatic", "bool", "True if the rules find it (cues per 100 words >= 0.5)"),
        ("agree", "bool?", "True if both agree (missing if the reader gave no answer)"),
    )),
    Table("loaded_lexicon", "loaded_lexicon()", "one entry of loaded_terms.csv", _cols(
        ("term", "str", "the word or phrase"),
        ("category", "str", "its kind of loaded language"),
        ("explanation", "str", "why it is loaded"),
        ("source", "str", "where the entry comes from"),
    )),
    Table("stance_cues", "stance_cues()", "one word form of stance_cues.csv", _cols(
        ("cue", "str", "the word form"),
        ("polarity", "int64", "+1 (for) or -1 (against)"),
        ("kind", "str", "its word class (verb/noun …)"),
        ("explanation", "str", "why it shows a stance"),
    )),
    Table("sentiment_disagreement", "sentiment_disagreement(sentiment_units(article))",
          "one VADER label, with how many units TextBlob gives each label", _cols(
        ("negative", "int64", "units TextBlob calls negative"),
        ("neutral", "int64", "units TextBlob calls neutral"),
        ("positive", "int64", "units TextBlob calls positive"),
    ), index="VADER: VADER's label (negative, neutral, positive); the columns are "
             "TextBlob's"),
    Table("table_of_contents", "table_of_contents()", "one numbered notebook", _cols(
        ("notebook", "str", "its file name"),
        ("title", "str", "its title"),
        ("minutes", "int64", "time in class"),
        ("summary", "str", "its first paragraph"),
        ("sections", "list[str]", "its level-2 headings"),
    )),
    Table("score_article", "score_article(path)[1], score_folder(folder)[1]",
          "one expected or predicted utterance of an annotated article", _cols(
        ARTICLE_COLUMN, _BODY_PARAGRAPH,
        ("speaker", "str", "the annotated speaker (predicted, for a spurious row)"),
        _QUOTE_ROW,
        ("text", "str", "the utterance"),
        ("status", "str", "correct, missed, spurious, or wrong speaker: <name>"),
    )),
    Table("score_folder", "score_folder(folder)[0]", "one annotated article", _cols(
        ARTICLE_COLUMN,
        ("expected", "int64", "utterances annotated"),
        ("predicted", "int64", "utterances the rules found"),
        ("correct", "int64", "found with the right speaker"),
        ("exact_span", "int64", "correct, with the exact span"),
        ("right_kind", "int64", "correct, with the same kind"),
        ("trap_hits", "int64", "found utterances on a trap phrase"),
        ("scare_expected", "int64", "scare quotes annotated"),
        ("scare_found", "int64", "of those, found"),
        ("recall", "float64", "correct / expected"),
        ("precision", "float64", "correct / predicted"),
    )),
)  # fmt: skip

#: The errors of :func:`helpers.analyze_corpus`: one row per file that failed.
CORPUS_ERRORS = Table(
    "errors", "analyze_corpus(paths).errors", "one file that could not be analysed",
    _cols(("path", "str", "the file"), ("error", "str", "the error, naming the file")),
)  # fmt: skip

#: The tables of :func:`helpers.analyze`, in its order (``helpers.analysis.TABLE_NAMES``).
ANALYZE_TABLES: tuple[str, ...] = tuple(t.name for t in _ANALYZE)
#: Every table by name.
TABLES: dict[str, Table] = {t.name: t for t in (*_ANALYZE, *OTHER_TABLES)}

#: The evidence tables of ``explore()`` by title (``Explorer.tables()``): some columns of a
#: table above, its rows filtered (their index is kept).
_VIEW_SPECS = {
    "Quotes of <speaker>": ("quotes", "paragraph sentence kind cue text rule"),
    "Stance evidence": ("stance_evidence",
                        "speaker target paragraph sentence text cue contribution"),
    "Loaded words: <category>": ("loaded_terms",
                                 "paragraph sentence text voice speaker explanation"),
    "Hedges": ("hedges", "paragraph text kind voice explanation"),
    "Scare quotes": ("scare_quotes", "paragraph text"),
    "Frame: <frame>": ("frame_evidence", "paragraph sentence cue text"),
}  # fmt: skip
_SENTENCE_ID = Column("sentence", "str?", 'the sentence as "paragraph:sentence" (missing if none)')


def _view(title: str, source: str, names: str) -> Table:
    columns = {c.name: c for c in TABLES[source].columns}
    if source == "loaded_terms":  # explore() puts the sentence's id in
        columns["sentence"] = _SENTENCE_ID
    call = f"explore(article): Explorer.tables()[{title!r}]"
    row = f"{TABLES[source].row} (rows of {source})"
    picked = tuple(columns[n] for n in names.split())
    return Table(title, call, row, picked, index=f"the rows' numbers in {source}")


VIEWS: dict[str, Table] = {title: _view(title, *spec) for title, spec in _VIEW_SPECS.items()}


def corpus_table(name: str) -> Table:
    """A table of :func:`helpers.analyze_corpus`: the article table with an ``article``
    column last.

    >>> corpus_table("frames").names[-2:]
    ('dominant', 'article')
    """
    table = TABLES[name]
    call = f"analyze_corpus(paths)[{name!r}]"
    return Table(
        name, call, f"{table.row}, in one article", (*table.columns, Column(*ARTICLE_COLUMN))
    )


_EMPTY_DTYPE = {"int64": "int64", "float64": "float64", "bool": "bool", "str": "str",
                "str?": "str", "bool?": "bool"}  # fmt: skip


def conform(table: pd.DataFrame, name: str | Table) -> pd.DataFrame:
    """An empty table with the contract's types (pandas cannot infer them from no rows);
    a table with rows is returned as it is.

    >>> no_rows = pd.DataFrame(columns=["voice", "mode", "n_words", "share"])
    >>> conform(no_rows, "share_of_voice").dtypes["n_words"]
    dtype('int64')
    """
    if len(table):
        return table
    spec = name if isinstance(name, Table) else TABLES[name]
    if list(table.columns) == list(spec.names) and isinstance(table.index, pd.RangeIndex):
        return _empty_template(spec).copy()  # the usual case, without astype's cost
    return _typed_empty(table, spec)


def _typed_empty(table: pd.DataFrame, spec: Table) -> pd.DataFrame:
    return table.astype({c.name: _EMPTY_DTYPE.get(c.dtype, "object") for c in spec.columns})


@cache
def _empty_template(spec: Table) -> pd.DataFrame:
    return _typed_empty(pd.DataFrame(columns=list(spec.names)), spec)


def _column(values: tuple, dtype: str) -> object | None:
    """The column's array when every value is of the contract's type, else ``None``."""
    kinds = set(map(type, values))
    if dtype.startswith("list[") or (dtype.startswith("str") and _TEXT_ARRAY is None):
        if kinds != ({list} if dtype.startswith("list[") else {str}):
            return None
        array = np.empty(len(values), dtype=object)
        for i, value in enumerate(values):  # one by one: lists of equal length stay lists
            array[i] = value
        return array
    if dtype.startswith("str"):  # the extension array's constructor, without pd.array's checks
        # None in "str?" becomes the array's NaN, as pandas infers it (None alone: object)
        texts = kinds == {str} or (dtype == "str?" and kinds == {str, type(None)})
        return _TEXT_ARRAY._from_sequence(values, dtype=TEXT) if texts else None
    python_type = {"int64": int, "float64": float}.get(dtype, bool)
    try:  # an integer beyond int64 overflows: pandas gives it another type
        return np.array(values, dtype=dtype.strip("?")) if kinds == {python_type} else None
    except OverflowError:
        return None


def rows_table(rows: Sequence[tuple], name: str | Table) -> pd.DataFrame:
    """The table from its rows (tuples in the contract's column order), with the contract's
    types: exactly ``conform(pd.DataFrame(rows, columns=...), name)``, for 40% of the
    cost (pandas infers each column's type value by value): where every value of a column
    has the column's type, its array is made directly; else pandas infers it all.

    >>> rows_table([("NARRATOR", "narration", 3, 1.0)], "share_of_voice").dtypes["n_words"]
    dtype('int64')
    """
    spec = name if isinstance(name, Table) else TABLES[name]
    if not len(rows):
        return _empty_template(spec).copy()
    columns = []
    for values, column in zip(zip(*rows, strict=True), spec.columns, strict=True):
        array = _column(values, column.dtype)
        if array is None:
            return pd.DataFrame(rows, columns=list(spec.names))
        columns.append(array)
    # the arrays as they are (the public constructor checks and aligns each again)
    return table_from_arrays(columns, _empty_template(spec).columns.view())  # a view: renamable


def empty(name: str | Table) -> pd.DataFrame:
    """The table with no rows: its columns, with their types."""
    columns = (name if isinstance(name, Table) else TABLES[name]).names
    return conform(pd.DataFrame(columns=list(columns)), name)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _column_problem(series: pd.Series, dtype: str) -> str | None:
    """What is wrong with one column for its contract type (``None``: nothing)."""
    have = series.dtype
    if dtype in ("int64", "float64", "bool"):
        return None if have == dtype else f"is {have}, not {dtype}"
    is_object = str(have) == "object"
    values = series.tolist() if is_object else []
    if dtype in ("str", "str?"):
        if is_object and dtype == "str?" and all(map(_missing, values)) and values:
            return None  # no text at all: pandas cannot tell (see the module docstring)
        if have != TEXT:
            return f"is {have}, not text ({TEXT})"
        if any(not isinstance(v, str) for v in values if not _missing(v)):
            return "holds something other than text"
        if dtype == "str" and series.isna().any():
            return "has a missing value"
        return None
    if dtype == "bool?":
        if str(have) == "bool":
            return None
        if not is_object or any(v not in (True, False, None) for v in values):
            return f"is {have}, not True/False/None"
        return None
    item = {"list[str]": str, "list[int]": int}[dtype]
    if not is_object:
        return f"is {have}, not lists"
    for value in values:
        if not isinstance(value, list):
            return f"holds {type(value).__name__}, not a list"
        if any(not isinstance(v, item) or isinstance(v, bool) for v in value):
            return f"holds a list with an item that is not {item.__name__}"
    return None


def problems(table: pd.DataFrame, name: str | Table) -> list[str]:
    """Where a table breaks its contract: wrong, missing or reordered columns, a column of
    the wrong type, an index that is not 0, 1, 2 … (empty: it keeps it).

    >>> problems(pd.DataFrame({"part": ["headline"], "n_units": [1]}), "headline_sentiment")
    ["columns are ['part', 'n_units'], not ['part', 'mean_vader', 'n_units']"]
    """
    spec = name if isinstance(name, Table) else TABLES[name]
    if tuple(table.columns) != spec.names:
        return [f"columns are {list(table.columns)}, not {list(spec.names)}"]
    found = []
    for column in spec.columns:
        problem = _column_problem(table[column.name], column.dtype)
        if problem:
            found.append(f"{column.name} {problem}")
    if not spec.index and not table.index.equals(pd.RangeIndex(len(table))):
        found.append("the index is not 0, 1, 2 …")
    return found
