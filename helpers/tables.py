"""Tables made for reading: what a student sees of the suite's tables in the notebooks.

The suite's tables keep their stable column names (``per_100_words``, ``n_words`` …) and full
precision for code. ``for_students`` shows one for people: no row-number index, numbers
rounded to at most two decimals, plain column names, an empty cell as "—" instead of NaN,
yes/no instead of True/False, and long text wrapped instead of cut off.

>>> import pandas as pd
>>> table = pd.DataFrame({"voice": ["NARRATOR"], "per_100_words": [6.3829], "n_words": [47]})
>>> student_frame(table).to_dict("records")
[{'voice': 'the outlet (NARRATOR)', 'per 100 words': '6.38', 'words': '47'}]
"""

from __future__ import annotations

import hashlib

import pandas as pd

__all__ = ["PLAIN_NAMES", "StudentTable", "student_frame", "for_students"]

#: Plain names for the suite's column names; a column not listed keeps its name, with
#: underscores as spaces.
PLAIN_NAMES = {
    "n_words": "words",
    "n_sentences": "sentences",
    "n_utterances": "utterances",
    "n_units": "sentences scored",
    "n_cues": "cue words",
    "n_evidence": "pieces of evidence",
    "n": "times",
    "per_100_words": "per 100 words",
    "loaded_per_100": "loaded words per 100 words",
    "curated": "loaded words (list)",
    "emotive": "emotive words (VADER)",
    "words": "words",
    "share": "share of the words",
    "vader": "VADER score (-1 to +1)",
    "vader_label": "VADER says",
    "vader_words": "words VADER scored",
    "textblob": "TextBlob score (-1 to +1)",
    "textblob_label": "TextBlob says",
    "textblob_words": "words TextBlob scored",
    "mean": "average VADER score",
    "mean_vader": "average VADER score",
    "ci_low": "95% interval from",
    "ci_high": "95% interval to",
    "share_positive": "share positive",
    "share_neutral": "share neutral",
    "share_negative": "share negative",
    "most_positive": "its most positive sentence",
    "most_negative": "its least positive sentence",
    "in_body": "in the body?",
    "body_paragraphs": "body paragraphs",
    "body_subjects": "who acts in those sentences",
    "headline_names": "names in the headline",
    "first_words": "opens with",
    "speaker_mention": "how the speaker is named",
    "dominant": "dominant?",
    "stance": "stance (-1 against to +1 for)",
    "contribution": "counts",
}

#: Names of the outlet's own voice in the tables, said plainly.
PLAIN_VALUES = {"NARRATOR": "the outlet (NARRATOR)"}

_WRAP = "white-space: normal; max-width: 32em; text-align: left; vertical-align: top"


def _cell(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple | set):
        return ", ".join(str(v) for v in value) or "—"
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    if isinstance(value, float):
        text = f"{value:.2f}"
        return "0.00" if text == "-0.00" else text
    if isinstance(value, int):
        return str(value)
    return PLAIN_VALUES.get(str(value), str(value))


def student_frame(table: pd.DataFrame, *, names: dict[str, str] | None = None) -> pd.DataFrame:
    """The table as text for reading: plain column names (``names`` first, then
    ``PLAIN_NAMES``), every value formatted (two decimals at most, "—" for nothing), and a
    plain 0…n index (``for_students`` hides it)."""
    plain = {**PLAIN_NAMES, **(names or {})}
    frame = table.reset_index() if _meaningful_index(table) else table.reset_index(drop=True)
    shown = pd.DataFrame(
        {
            plain.get(str(c), str(c).replace("_", " ")): [_cell(v) for v in frame[c].tolist()]
            for c in frame.columns
        },
        index=range(len(frame)),
    )
    return shown


def _meaningful_index(table: pd.DataFrame) -> bool:
    """A named index (after a pivot or groupby) holds data; a plain 0…n one does not."""
    return any(name is not None for name in table.index.names)


class StudentTable:
    """A table shown for students: HTML in a notebook or a report page, plain text elsewhere
    (both without row numbers). ``frame`` is the formatted table, ``styler`` its HTML form."""

    def __init__(self, frame: pd.DataFrame):
        self.frame = frame
        self.styler = (  # article text is untrusted: cells and column names are escaped
            frame.style.format(escape="html")
            .format_index(escape="html", axis=1)
            .hide(axis="index")
            .set_table_styles([{"selector": "td, th", "props": _WRAP}], overwrite=False)
            .set_table_attributes("class='for-students'")
            # pandas names each table's CSS with a random id; one from the content instead
            # makes the same report byte for byte identical, however it is built
            .set_uuid(hashlib.sha1(frame.to_csv().encode("utf-8")).hexdigest()[:12])
        )

    def _repr_html_(self) -> str:
        return self.styler.to_html()

    def __repr__(self) -> str:
        return self.frame.to_string(index=False) if len(self.frame.columns) else "(no columns)"


def for_students(
    table: pd.DataFrame | pd.Series, *, names: dict[str, str] | None = None
) -> StudentTable:
    """The table as a student reads it in a notebook or a report page: no row numbers,
    rounded numbers, plain column names, wrapped text, no NaN.

    >>> for_students(pd.DataFrame({"n_words": [3], "share": [0.123]}))
    words share of the words
        3               0.12
    """
    if isinstance(table, pd.Series):
        table = table.to_frame()
    return StudentTable(student_frame(table, names=names))
