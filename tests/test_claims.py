"""Every sentence about an article is true: generated from its tables, or not written at all.

The notebooks state facts about the article in front of the reader only through
``helpers.claims``, in code cells tagged ``claim``. These tests list those cells, check each
claim function against the tables on the seed, the three constructed versions and a second
article, and check that no markdown cell a student reads states a fact about a shipped
article by hand (it would name one of the article's people, places or organisations).
"""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from helpers import (
    article_from_text,
    article_metadata,
    claims,
    cues_by_speaker,
    extract_quotes,
    find_loaded_terms,
    frame_scores,
    load_article,
    loaded_density,
    paragraph_stats,
    scare_quotes,
    sentiment_by_speaker,
    sentiment_units,
    share_of_voice,
    speakers,
    targets,
)
from helpers.course import SOLUTION_TAG, course_notebooks

from .conftest import ROOT

ARTICLES = [
    ROOT / "data" / "articles" / "putin-kim-summit-2023.md",
    *sorted((ROOT / "data" / "articles" / "constructed").glob("*.md")),
    ROOT / "tests" / "fixtures" / "quotes" / "dev" / "politics_transit_deal.md",
]
NOTEBOOKS = course_notebooks(ROOT / "notebooks")


def test_the_articles_are_five():
    assert [p.stem for p in ARTICLES] == [
        "putin-kim-summit-2023",
        "state-outlet-friendly",
        "tabloid-hawkish",
        "wire-neutral",
        "politics_transit_deal",
    ]


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda p: p.stem)
def article(request):
    return load_article(request.param)


def listed(part: str) -> list[str]:
    """The items of an English list: "a, b and c" -> ["a", "b", "c"]."""
    return [] if part == "none" else re.split(r", | and ", part)


def numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(r"[-+]?\d+(?:\.\d+)?", text)]


# ---------------------------------------------------------------- each claim on each article


def test_metadata_gaps(article):
    meta = article_metadata(article)
    missing = meta.loc[meta["value"] == "not given", "field"].tolist()
    said = claims.metadata_gaps(meta)
    for field in meta["field"]:
        assert (re.search(rf"\b{re.escape(field)}\b", said.split(":", 1)[-1]) is not None) == (
            field in missing
        ), said


def test_paragraph_shape(article):
    stats = paragraph_stats(article)
    said = claims.paragraph_shape(stats)
    longest, words, short, total = (int(n) for n in numbers(said))
    assert words == stats["n_words"].max() == stats.loc[longest, "n_words"]
    assert short == (stats["n_sentences"] <= 2).sum() and total == len(stats)


def test_quote_kinds(article):
    quotes = extract_quotes(article)
    said = claims.quote_kinds(quotes)
    for speaker, mine in quotes.groupby("speaker"):
        name = "the outlet (NARRATOR)" if speaker == "NARRATOR" else speaker
        part = re.search(rf"(?:^|\. ){re.escape(name)}: ([^.]*)\.", said).group(1)
        for kind, word in (("direct", "direct quote"), ("partial", "partial quote"),
                           ("indirect", "paraphrase")):  # fmt: skip
            n = mine.loc[mine["kind"] == kind, "utterance"].nunique()  # fragments: one quote
            found = re.search(rf"(\d+) {word}", part)
            assert (int(found.group(1)) if found else 0) == n, (speaker, kind, said)
        fragments = sum(len(f) for f in mine.loc[mine["kind"] == "partial", "fragments"])
        found = re.search(r"(\d+) quoted fragment", part)
        assert (int(found.group(1)) if found else 0) == fragments, said


def test_voice_shares(article):
    share = share_of_voice(article)
    said = claims.voice_shares(share)
    outlet = share.loc[share["voice"] == "NARRATOR", "n_words"].sum() / share["n_words"].sum()
    assert f"{outlet:.0%}" in said
    more, only = re.search(r"paraphrased words: (.*)\. Heard only .*: (.*)\.$", said).groups()
    for voice, mine in share[share["voice"] != "NARRATOR"].groupby("voice"):
        quoted = mine.loc[mine["mode"] == "quoted", "n_words"].sum()
        reported = mine.loc[mine["mode"] == "reported", "n_words"].sum()
        assert (voice in listed(more)) == (quoted > reported), (voice, said)
        assert (voice in listed(only)) == (quoted == 0 and reported > 0), (voice, said)


def test_judging_verbs(article):
    verbs = cues_by_speaker(article)
    said = claims.judging_verbs(verbs)
    for row in verbs.itertuples():
        neutral = row.connotation in ("neutral", "attribution phrase", "belief")
        assert (f"“{row.cue}” ({row.connotation}) for {row.speaker}" in said) == (not neutral)


def test_a_verb_of_belief_is_no_judgement():
    text = "H\n\nPolice believe the fire was set deliberately. Jane Okafor claimed it was late."
    said = claims.judging_verbs(cues_by_speaker(article_from_text(text)))
    assert said == "Reporting verbs that are not neutral here: “claimed” (doubt) for Jane Okafor."


def test_scare_quote_note(article):
    scare = scare_quotes(article)
    said = claims.scare_quote_note(scare)
    if scare.empty:
        assert said == "This article has no scare quotes."
        return
    assert said.startswith(f"{len(scare)} scare quote")
    for text, n in scare["text"].value_counts().items():
        assert f"“{text}”" + (f" ({n} times)" if n > 1 else "") in said


def test_headline_tone(article):
    units = sentiment_units(article)
    said = claims.headline_tone(units)
    head = units.loc[units["mode"] == "headline", "vader"].iloc[0]
    body = units[(units["voice"] == "NARRATOR") & (units["mode"] == "narration")]
    assert f"The headline scores {head:+.2f}" in said
    if len(body):
        assert f"averages {body['vader'].mean():+.2f} over {len(body)} unit" in said


def test_tone_by_voice(article):
    summary = sentiment_by_speaker(article)
    said = claims.tone_by_voice(summary)
    below, above, rest = re.search(
        r"negative\): (.*)\. Wholly .*positive\): (.*)\. (\d+) voices? cannot", said
    ).groups()
    for row in summary.itertuples():
        name = "the outlet (NARRATOR)" if row.voice == "NARRATOR" else row.voice
        assert (name in listed(below)) == (row.ci_high < 0), (name, said)
        assert (name in listed(above)) == (row.ci_low > 0), (name, said)
    assert int(rest) == ((summary["ci_high"] >= 0) & (summary["ci_low"] <= 0)).sum()


def test_tool_agreement(article):
    units = sentiment_units(article)
    same, n, percent = numbers(claims.tool_agreement(units))
    assert same == (units["vader_label"] == units["textblob_label"]).sum()
    assert n == len(units) and percent == round(100 * same / n)


def test_loaded_owners(article):
    terms = find_loaded_terms(article)
    curated = terms[terms["source"] == "curated"]
    said = claims.loaded_owners(terms)
    if curated.empty:
        assert said == "The curated list finds no loaded word in this article."
        return
    total, outlet, quoted = (int(n) for n in numbers(re.sub(r"\(.*?\)", "", said)))
    assert total == len(curated)
    assert outlet == (curated["voice"] == "NARRATOR").sum() and quoted == total - outlet
    outlet_part, quoted_part = re.findall(r"\((.*?)\)", said)
    for row in curated.itertuples():
        assert f"“{row.text}”" in (outlet_part if row.voice == "NARRATOR" else quoted_part)


def test_loaded_density_note(article):
    density = loaded_density(article)
    said = claims.loaded_density_note(density)
    for row in density[density["words"] > 0].itertuples():
        name = "the outlet (NARRATOR)" if row.voice == "NARRATOR" else row.voice
        word = "word" if row.words == 1 else "words"
        assert f"{name} {row.per_100_words:.1f} ({row.curated} in {row.words} {word})" in said


def test_dominant_frame(article):
    scores = frame_scores(article)
    said = claims.dominant_frame(scores)
    top = scores[scores["dominant"]]
    for row in top.itertuples():
        assert f"{row.frame} ({row.n_cues} cue" in said
    assert said.startswith("Dominant:" if len(top) == 1 else "A tie:")
    none = said.rsplit("Frames with no cue: ", 1)[1]
    for row in scores.itertuples():
        assert (row.frame in listed(none.rstrip("."))) == (row.n_cues == 0), (row.frame, said)


def test_order_effect(article):
    reordered = article_from_text(
        article.title + "\n\n" + "\n\n".join(reversed(article.paragraphs))
    )
    for table, column in ((frame_scores, "frame"), (loaded_density, "voice")):
        before = table(article).set_index(column)["per_100_words"]
        after = table(reordered).set_index(column)["per_100_words"]
        said = claims.order_effect(before, after, what="X")
        joined = pd.concat([before, after], axis=1)
        same = ((joined.iloc[:, 0] - joined.iloc[:, 1]).abs() < 1e-9).all()
        assert said.endswith("is the same in both orders.") == bool(same), said


def test_the_seed_claims_the_issue_found_wrong_are_now_right():
    """The sentences issue 20 found false on the seed, as the tables now state them."""
    seed = load_article(ARTICLES[0])
    kinds = claims.quote_kinds(extract_quotes(seed))
    assert "Vladimir Putin: 2 partial quotes (3 quoted fragments)" in kinds  # not "two fragments"
    agreement = claims.tool_agreement(sentiment_units(seed))
    assert agreement == "VADER and TextBlob give the same label to 15 of the 27 units (56%)."
    reordered = article_from_text(seed.title + "\n\n" + "\n\n".join(reversed(seed.paragraphs)))
    before = loaded_density(seed).set_index("voice")["per_100_words"]
    after = loaded_density(reordered).set_index("voice")["per_100_words"]
    assert "changes with the order" in claims.order_effect(before, after, what="Density")


# ---------------------------------------------------------------- the notebooks


def claim_cells():
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if "claim" in cell.metadata.get("tags", []):
                yield path.name, cell


def test_every_claim_cell_calls_a_tested_claim_function():
    cells = list(claim_cells())
    assert len(cells) >= 15
    tested = {name[len("test_") :] for name in globals() if name.startswith("test_")}
    for notebook, cell in cells:
        called = re.findall(r"\bclaims\.(\w+)\(", cell.source)
        assert cell.cell_type == "code" and len(called) == 1, (notebook, cell.source)
        assert called[0] in claims.CLAIMS and called[0] in tested, (notebook, called)


def shipped_names() -> set[str]:
    """The people, places and organisations of every shipped article, as the articles name
    them (speakers with their mentions, targets with their aliases)."""
    names = set()
    for path in ARTICLES:
        article = load_article(path)
        for row in speakers(article).itertuples():
            names.update([row.speaker, *row.mentions])
        for row in targets(article).itertuples():
            names.update([row.target, *row.aliases])
    generic = {"He", "She", "They", "West", "Western", "the West", "Republican", "Republicans"}
    return {n for n in names if n[:1].isupper() and len(n) >= 2 and n not in generic}


def student_markdown():
    """(notebook, cell id, text) of every markdown cell a student reads in a numbered
    notebook: not the generated navigation and contents, not the teachers' solutions."""
    skip = {SOLUTION_TAG, "navigation", "table-of-contents"}
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown" and not skip & set(cell.metadata.get("tags", [])):
                yield path.name, cell.get("id"), cell.source


def test_no_markdown_cell_states_a_fact_about_a_shipped_article():
    names = shipped_names()
    assert {"Kim Jong-un", "Dmitry Peskov", "Lydia Chao"} <= names  # the list is not empty
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(sorted(map(re.escape, names), key=len, reverse=True))
        + r")(?![\w-])"
    )
    found = []
    for notebook, cell_id, text in student_markdown():
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if sentence.rstrip(" *_>)\n").endswith("?"):  # a question to the student
                continue
            hit = pattern.search(sentence) or re.search(r"\bin the seed\b", sentence, re.I)
            if hit:
                found.append(f"{notebook} {cell_id}: {hit.group(0)!r} in {sentence.strip()!r}")
    assert found == [], "\n".join(found)


def test_the_checker_finds_a_hand_written_fact():
    """The markdown check is not blind: a hand-written sentence about the seed is caught."""
    names = shipped_names()
    sentence = "In the notebook, Putin gets two fragments."
    assert any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", sentence) for n in names)


def test_code_it_yourself_starts_blank():
    nb = nbformat.read(ROOT / "notebooks" / "05-framing.ipynb", as_version=4)
    coding = next(c for c in nb.cells if "my_coding = {" in c.source)
    values = re.findall(r'"\w+": (\w+),', coding.source)
    assert values and set(values) == {"None"}
