"""The report's verdicts in one table: each question, its answer, the evidence and the rule.

``report_summary(analysis)`` answers the questions of notebook 06 (the one-page report) from
the tables of :func:`helpers.analyze`, one row per question; :func:`helpers.five_questions`
(notebook 00) shows five of these rows, so the two never answer a question differently.
Each row says what the answer rests on (``evidence``: the counts behind it) and how it was
reached (``rule``: the table and the condition), so that it can be checked in the notebook
named beside it.

>>> from helpers import article_from_text
>>> rows = report_summary(article_from_text("Rain due\\n\\n“It is grim,” said Ann Lee."))
>>> rows.set_index("question").loc["Who speaks?", "answer"]
'1 source(s) quoted or paraphrased: Ann Lee.'
"""

from __future__ import annotations

import pandas as pd

from .analysis import Analysis, analyze
from .article import Article
from .quotes import NARRATOR
from .stance import CLEAR_MIN

__all__ = ["report_summary", "SUMMARY_COLUMNS", "SUMMARY_QUESTIONS"]

SUMMARY_COLUMNS = ["question", "answer", "evidence", "rule", "notebook"]

#: The questions, in the order of the report, with the notebook that explains each.
SUMMARY_QUESTIONS = {
    "Who speaks?": "02-who-speaks.ipynb",
    "Who is quoted how?": "02-who-speaks.ipynb",
    "How warm or hostile is each voice?": "03-sentiment-and-stance.ipynb",
    "Who is for or against whom?": "03-sentiment-and-stance.ipynb",
    "Whose words are loaded?": "04-loaded-language.ipynb",
    "What is the frame?": "05-framing.ipynb",
    "Does the headline match the body?": "05-framing.ipynb",
}

#: The longest list of words an answer shows before it is cut with "…".
SHORTEN_AT = 120


def shorten(text: str, limit: int = SHORTEN_AT) -> str:
    """``text`` cut at the last ", " before ``limit`` characters, with ", …" appended.

    >>> shorten("alpha, beta, gamma", limit=14)
    'alpha, beta, …'
    """
    return text if len(text) <= limit else text[: limit - 1].rsplit(", ", 1)[0] + ", …"


def _counts(pairs) -> str:
    return "; ".join(f"{name}: {n}" for name, n in pairs) or "none"


def _who(t: Analysis) -> tuple[str, str, str]:
    people = t["speakers"]
    people = people[people["n_utterances"] > 0].sort_values("n_utterances", ascending=False)
    if people.empty:
        answer = "Nobody is quoted or paraphrased: only the outlet speaks."
    else:
        names = ", ".join(people["speaker"].head(4))
        more = f" and {len(people) - 4} more" if len(people) > 4 else ""
        answer = f"{len(people)} source(s) quoted or paraphrased: {names}{more}."
    kinds = people["kind"].value_counts()
    evidence = "utterances by source: " + _counts(
        zip(people["speaker"], people["n_utterances"], strict=True)
    )
    evidence += " | kinds: " + _counts(kinds.items())
    rule = "speakers table: every source with at least one utterance, most utterances first"
    return answer, evidence, rule


def _how(t: Analysis) -> tuple[str, str, str]:
    share = t["share_of_voice"].groupby("mode")["n_words"].sum()
    total = share.sum()

    def percent(mode: str) -> str:
        return f"{share.get(mode, 0) / total:.0%}" if total else "0%"

    answer = (
        f"The outlet's own narration: {percent('narration')} of the words; "
        f"direct quotes: {percent('quoted')}; paraphrase: {percent('reported')}."
    )
    evidence = "words by mode: " + _counts(
        (mode, int(share.get(mode, 0))) for mode in ("narration", "quoted", "reported")
    )
    rule = "share_of_voice table: the body's words summed by mode (every voice)"
    return answer, evidence, rule


def _tone(t: Analysis) -> tuple[str, str, str]:
    parts = t["headline_sentiment"].set_index("part")["mean_vader"]
    headline, narration = parts.iloc[0], parts.iloc[1]
    answer = f"Headline VADER {headline:+.2f}; the outlet's narration averages {narration:+.2f}."
    sentiment = t["sentiment"]
    evidence = "mean by voice: " + _counts(
        (v, f"{m:+.2f} ({n} unit(s))")
        for v, m, n in zip(sentiment["voice"], sentiment["mean"], sentiment["n_units"], strict=True)
    )
    rule = "headline_sentiment and sentiment tables: mean VADER compound of each voice's units"
    return answer, evidence, rule


def _stance(t: Analysis) -> tuple[str, str, str]:
    stance = t["stance"]
    clear = stance.loc[stance["clear"].astype(bool)]
    if stance.empty:
        answer = "No voice uses a stance word near a target."
    elif clear.empty:
        answer = (
            f"No clear stance: {len(stance)} weak one(s), none of them at least "
            f"{CLEAR_MIN} in size once the evidence is weighed."
        )
    else:
        top = clear.loc[clear["stance"].abs().idxmax()]
        n = int(top["n_evidence"])
        answer = (
            f"Clearest: {top['speaker']} toward {top['target']} ({top['stance']:+.2f}, "
            f"from {n} piece{'s' if n != 1 else ''} of evidence)."
        )
    strongest = clear.reindex(clear["stance"].abs().sort_values(ascending=False).index)
    evidence = f"{len(stance)} voice-target pair(s), {len(clear)} clear; the strongest: " + _counts(
        (f"{r.speaker} → {r.target}", f"{r.stance:+.2f}") for r in strongest.head(5).itertuples()
    )
    rule = f"stance table: the clear stance (|stance| ≥ {CLEAR_MIN}) of largest size"
    return answer, evidence, rule


def _loaded(t: Analysis) -> tuple[str, str, str]:
    terms = t["loaded_terms"]
    curated = terms[terms["source"] == "curated"]
    own = curated[curated["voice"] == NARRATOR]
    examples = ", ".join(dict.fromkeys(own["text"].str.lower()).keys())
    answer = (
        f"{len(curated)} term(s) from the curated list, {len(own)} of them in the outlet's "
        f"own voice (headline included)" + (f": {shorten(examples)}." if examples else ".")
    )
    n_scare = int((terms["source"] == "scare quotes").sum())
    evidence = "curated terms by voice: " + _counts(curated["voice"].value_counts().items())
    evidence += f" | scare quotes: {n_scare}"
    rule = "loaded_terms table: rows from the curated list; the outlet's are voice NARRATOR"
    return answer, evidence, rule


def _frame(t: Analysis) -> tuple[str, str, str]:
    frames = t["frames"]
    dominant = frames.loc[frames["dominant"].astype(bool)]
    answer = (
        "No frame cue found."
        if dominant.empty
        else "Most cues: "
        + ", ".join(
            f"{row.frame.replace('_', ' ')} ({row.n_cues} cue(s))" for row in dominant.itertuples()
        )
        + "."
    )
    evidence = "cues by frame: " + _counts(zip(frames["frame"], frames["n_cues"], strict=True))
    evidence += f" | {int(frames['n_cues'].sum())} in all (few cues are weak evidence)"
    rule = "frames table: the frame(s) with the most cues (dominant)"
    return answer, evidence, rule


def _headline(t: Analysis) -> tuple[str, str, str]:
    check = t["headline_check"]
    missing = check.loc[~check["in_body"].astype(bool)]
    answer = (
        "Every content word of the headline occurs in the body."
        if missing.empty
        else f"Headline words the body never uses: {shorten(', '.join(missing['word']))}."
    )
    loaded = missing[missing["category"] != "content word"]
    other = missing[missing["category"] == "content word"]
    names = check["headline_names"].iloc[0] if len(check) else []
    evidence = (
        "loaded words only in the headline: "
        + (
            ", ".join(f"{w} ({c})" for w, c in zip(loaded["word"], loaded["category"], strict=True))
            or "none"
        )
        + " | other words only in the headline: "
        + (", ".join(other["word"]) or "none")
        + " | headline names: "
        + (", ".join(names) or "none")
    )
    rule = "headline_check table: headline words (loaded, or content words) with in_body False"
    return answer, evidence, rule


_ANSWERS = {
    "Who speaks?": _who,
    "Who is quoted how?": _how,
    "How warm or hostile is each voice?": _tone,
    "Who is for or against whom?": _stance,
    "Whose words are loaded?": _loaded,
    "What is the frame?": _frame,
    "Does the headline match the body?": _headline,
}


def report_summary(analysis: Analysis | Article) -> pd.DataFrame:
    """The report's verdicts: one row per question, ``question, answer, evidence, rule,
    notebook`` (``SUMMARY_COLUMNS``), from the tables of ``analysis`` (an ``Analysis`` or an
    ``Article``, which is analysed). Example at the top of :mod:`helpers.summary`."""
    t = analysis if isinstance(analysis, Analysis) else analyze(analysis)
    rows = [(q, *_ANSWERS[q](t), notebook) for q, notebook in SUMMARY_QUESTIONS.items()]
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
