"""Sentences about an article, written from its own tables, so that they are true on any article.

A notebook's prose may explain a method, ask a question or state a fact about the article in
front of the reader. A fact written by hand is true of one article only (and the course once
stated several that were false even of that one), so every sentence that states a fact about
the article comes from a function here, called in a code cell tagged ``claim``. Each function
takes the suite's tables and returns a :class:`Claim`: plain text, shown as an escaped HTML
paragraph (article text is untrusted). ``tests/test_claims.py`` checks every function against
the tables on the seed, the three constructed versions and a second article, and checks that
no markdown cell of a numbered notebook states a fact about a shipped article by hand.

>>> import pandas as pd
>>> units = pd.DataFrame({"vader_label": ["positive", "neutral", "negative"],
...                       "textblob_label": ["positive", "positive", "negative"]})
>>> str(tool_agreement(units))
'VADER and TextBlob give the same label to 2 of the 3 units (67%).'
"""

from __future__ import annotations

import pandas as pd

from .html import escape

__all__ = [
    "Claim",
    "CLAIMS",
    "number_list",
    "metadata_gaps",
    "paragraph_shape",
    "quote_kinds",
    "voice_shares",
    "judging_verbs",
    "scare_quote_note",
    "headline_tone",
    "tone_by_voice",
    "tool_agreement",
    "loaded_owners",
    "loaded_density_note",
    "dominant_frame",
    "order_effect",
]

NARRATOR = "NARRATOR"  # the outlet's own voice, as in helpers.quotes


class Claim(str):
    """A sentence about an article; Jupyter shows it as an escaped paragraph.

    >>> Claim("a < b")._repr_html_()
    "<p class='claim'>a &lt; b</p>"
    """

    def _repr_html_(self) -> str:
        return f"<p class='claim'>{escape(self)}</p>"


def number_list(items: list[str], *, empty: str = "none") -> str:
    """Items joined as English prose: ``a``, ``a and b``, ``a, b and c``.

    >>> number_list(["a", "b", "c"]), number_list([])
    ('a, b and c', 'none')
    """
    items = [str(i) for i in items]
    if not items:
        return empty
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _voice(voice: str) -> str:
    """A voice as the reader says it: the outlet's own voice is named as such."""
    return "the outlet (NARRATOR)" if voice == NARRATOR else str(voice)


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def metadata_gaps(metadata: pd.DataFrame) -> Claim:
    """Which fields of ``article_metadata`` the file does not give.

    >>> str(metadata_gaps(pd.DataFrame({"field": ["outlet", "date"],
    ...                                 "value": ["not given", "2023"]})))
    'The file does not say: outlet.'
    """
    missing = metadata.loc[metadata["value"].astype(str) == "not given", "field"].tolist()
    if not missing:
        return Claim("The file gives every field above.")
    return Claim(f"The file does not say: {', '.join(missing)}.")


def paragraph_shape(paragraphs: pd.DataFrame) -> Claim:
    """The longest paragraph and how many paragraphs hold one or two sentences
    (``paragraph_stats``)."""
    if paragraphs.empty:
        return Claim("The article has no body paragraphs.")
    longest = paragraphs.loc[paragraphs["n_words"].idxmax()]
    short = int((paragraphs["n_sentences"] <= 2).sum())
    return Claim(
        f"The longest paragraph is paragraph {int(longest['paragraph'])}, with "
        f"{_plural(int(longest['n_words']), 'word')}; {short} of the {len(paragraphs)} "
        "paragraphs hold one or two sentences."
    )


_KIND_WORDS = {
    "direct": ("direct quote", "direct quotes"),
    "partial": ("partial quote", "partial quotes"),
    "indirect": ("paraphrase", "paraphrases"),
}


def quote_kinds(quotes: pd.DataFrame) -> Claim:
    """Per speaker, how many direct quotes, partial quotes and paraphrases (``extract_quotes``),
    the speakers with most utterances first. The fragments of one interrupted quotation
    ("“A,” she said, “B.”": one ``utterance`` id) are one quote.

    >>> q = pd.DataFrame({"speaker": ["A", "A", "B"], "kind": ["direct", "partial", "indirect"]})
    >>> str(quote_kinds(q))
    'A: 1 direct quote and 1 partial quote. B: 1 paraphrase.'
    >>> str(quote_kinds(q.assign(kind=["direct", "direct", "indirect"], utterance=[0, 0, 1])))
    'A: 1 direct quote. B: 1 paraphrase.'
    """
    if quotes.empty:
        return Claim("Nobody is quoted or reported in this article.")
    if "utterance" in quotes:
        quotes = quotes.drop_duplicates("utterance")
    order = quotes["speaker"].value_counts(sort=True).index  # ties: first met first
    parts = []
    for speaker in order:
        counts = quotes.loc[quotes["speaker"] == speaker, "kind"].value_counts()
        said = [
            _plural(int(counts[kind]), *words)
            for kind, words in _KIND_WORDS.items()
            if counts.get(kind, 0)
        ]
        if counts.get("partial", 0) and "fragments" in quotes:
            mine = quotes[(quotes["speaker"] == speaker) & (quotes["kind"] == "partial")]
            n = sum(len(f) for f in mine["fragments"])
            said[[w.endswith(("partial quote", "partial quotes")) for w in said].index(True)] += (
                f" ({_plural(n, 'quoted fragment')})"
            )
        parts.append(f"{_voice(speaker)}: {number_list(said)}.")
    return Claim(" ".join(parts))


def voice_shares(share: pd.DataFrame) -> Claim:
    """The outlet's share of the words, and which speakers are heard more in their own
    quoted words than in the outlet's paraphrase (``share_of_voice``)."""
    total = share["n_words"].sum()
    if not total:
        return Claim("The article body has no words.")
    outlet = share.loc[share["voice"] == NARRATOR, "n_words"].sum() / total
    words = share[share["voice"] != NARRATOR].pivot_table(
        index="voice", columns="mode", values="n_words", aggfunc="sum", fill_value=0
    )
    quoted = words["quoted"] if "quoted" in words else pd.Series(0, index=words.index)
    reported = words["reported"] if "reported" in words else pd.Series(0, index=words.index)
    more_quoted = sorted(words.index[quoted > reported])
    only_reported = sorted(words.index[(quoted == 0) & (reported > 0)])
    return Claim(
        f"The outlet's own narration takes {outlet:.0%} of the body's words. "
        f"More quoted than paraphrased words: {number_list(more_quoted)}. "
        f"Heard only through the outlet's paraphrase: {number_list(only_reported)}."
    )


def judging_verbs(verbs: pd.DataFrame) -> Claim:
    """The reporting verbs with a connotation other than neutral, and whom they introduce
    (``cues_by_speaker``); a verb of belief reports what someone holds, and is no judgement."""
    judged = verbs[~verbs["connotation"].isin(["neutral", "attribution phrase", "belief"])]
    if judged.empty:
        return Claim("Every reporting verb in this article is neutral.")
    parts = [
        f"“{row.cue}” ({row.connotation}) for {row.speaker}"
        for row in judged.sort_values(["cue", "speaker"]).itertuples()
    ]
    return Claim(f"Reporting verbs that are not neutral here: {number_list(parts)}.")


def scare_quote_note(scare: pd.DataFrame) -> Claim:
    """How many scare quotes, and which words, with how often each (``scare_quotes``)."""
    if scare.empty:
        return Claim("This article has no scare quotes.")
    counts = scare["text"].value_counts(sort=False)
    words = [f"“{t}”" + (f" ({n} times)" if n > 1 else "") for t, n in counts.items()]
    return Claim(f"{_plural(len(scare), 'scare quote')} in this article: {number_list(words)}.")


def headline_tone(units: pd.DataFrame) -> Claim:
    """The headline's VADER score and the mean of the outlet's own narration
    (``sentiment_units``)."""
    head = units[units["mode"] == "headline"]
    body = units[(units["voice"] == NARRATOR) & (units["mode"] == "narration")]
    if head.empty:
        return Claim("The article has no headline to score.")
    score = float(head["vader"].iloc[0])
    words = head["vader_words"].iloc[0] or "no word in VADER's list"
    text = f"The headline scores {score:+.2f} on VADER (from: {words})"
    if body.empty:
        return Claim(text + "; the outlet has no narration of its own to compare.")
    return Claim(
        text + f"; the outlet's own narration averages {float(body['vader'].mean()):+.2f} "
        f"over {_plural(len(body), 'unit')}."
    )


def tone_by_voice(summary: pd.DataFrame) -> Claim:
    """Which voices' 95% intervals lie wholly below or above zero (``sentiment_by_speaker``)."""
    below = [_voice(v) for v in summary.loc[summary["ci_high"] < 0, "voice"]]
    above = [_voice(v) for v in summary.loc[summary["ci_low"] > 0, "voice"]]
    rest = len(summary) - len(below) - len(above)
    return Claim(
        f"Interval wholly below zero (clearly negative): {number_list(below)}. "
        f"Wholly above zero (clearly positive): {number_list(above)}. "
        f"{_plural(rest, 'voice')} cannot be told from neutral."
    )


def tool_agreement(units: pd.DataFrame) -> Claim:
    """On how many units VADER and TextBlob give the same label (``sentiment_units``)."""
    n = len(units)
    if not n:
        return Claim("There is nothing to score.")
    same = int((units["vader_label"] == units["textblob_label"]).sum())
    return Claim(
        f"VADER and TextBlob give the same label to {same} of the {_plural(n, 'unit')} "
        f"({same / n:.0%})."
    )


def loaded_owners(terms: pd.DataFrame) -> Claim:
    """Curated loaded terms in the outlet's wording and inside quoted speakers' words
    (``find_loaded_terms``)."""
    curated = terms[terms["source"] == "curated"]
    if curated.empty:
        return Claim("The curated list finds no loaded word in this article.")
    outlet = curated[curated["voice"] == NARRATOR]
    quoted = curated[curated["voice"] != NARRATOR]

    def words(table: pd.DataFrame) -> str:
        return number_list([f"“{t}”" for t in dict.fromkeys(table["text"])])

    return Claim(
        f"Of the {_plural(len(curated), 'curated loaded term')}, {len(outlet)} {_are(len(outlet))} "
        f"in the outlet's own wording, headline included ({words(outlet)}), and {len(quoted)} "
        f"{_are(len(quoted))} inside quoted speakers' words ({words(quoted)})."
    )


def loaded_density_note(density: pd.DataFrame) -> Claim:
    """Each voice's curated terms per 100 words, with the counts behind them
    (``loaded_density``)."""
    shown = density[density["words"] > 0]
    if shown.empty:
        return Claim("The article has no words to count.")
    parts = [
        f"{_voice(row.voice)} {row.per_100_words:.1f} ({row.curated} in "
        f"{_plural(row.words, 'word')})"
        for row in shown.itertuples()
    ]
    return Claim(f"Loaded terms per 100 words: {'; '.join(parts)}.")


def dominant_frame(scores: pd.DataFrame) -> Claim:
    """The dominant frame(s) with their cues, and the frames with no cue (``frame_scores``)."""
    if not scores["n_cues"].sum():
        return Claim("No frame cue is found in this article.")
    top = scores[scores["dominant"]]
    named = number_list(
        [
            f"{r.frame} ({_plural(r.n_cues, 'cue')}; words: {', '.join(map(str, r.cues))})"
            for r in top.itertuples()
        ]
    )
    ranked = scores[~scores["dominant"] & (scores["n_cues"] > 0)].sort_values(
        "n_cues", ascending=False, kind="stable"
    )
    after = (
        f" Next: {ranked['frame'].iloc[0]} ({_plural(int(ranked['n_cues'].iloc[0]), 'cue')})."
        if len(ranked)
        else ""
    )
    none = scores.loc[scores["n_cues"] == 0, "frame"].tolist()
    return Claim(
        f"Dominant: {named}.{after} Frames with no cue: {number_list(none)}."
        if len(top) == 1
        else f"A tie: {named}.{after} Frames with no cue: {number_list(none)}."
    )


def order_effect(before: pd.Series, after: pd.Series, *, what: str) -> Claim:
    """Whether a measure is the same after the paragraphs are reordered, and where not.

    >>> str(order_effect(pd.Series({"a": 1.0}), pd.Series({"a": 2.0}), what="Density"))
    'Density changes with the order: a 1.00 → 2.00.'
    """
    table = pd.concat([before.rename("before"), after.rename("after")], axis=1)
    changed = table[~((table["before"] - table["after"]).abs() < 1e-9)]
    if changed.empty:
        return Claim(f"{what} is the same in both orders.")
    parts = [
        f"{_voice(index)} {_num(row.before)} → {_num(row.after)}"
        for index, row in changed.iterrows()
    ]
    return Claim(f"{what} changes with the order: {'; '.join(parts)}.")


def _num(value: float) -> str:
    return "—" if pd.isna(value) else f"{value:.2f}"


#: Every claim function, for the notebooks' ``claim`` cells and the tests.
CLAIMS = {
    f.__name__: f
    for f in (
        metadata_gaps,
        paragraph_shape,
        quote_kinds,
        voice_shares,
        judging_verbs,
        scare_quote_note,
        headline_tone,
        tone_by_voice,
        tool_agreement,
        loaded_owners,
        loaded_density_note,
        dominant_frame,
        order_effect,
    )
}
