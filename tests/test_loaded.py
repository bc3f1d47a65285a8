from __future__ import annotations

import re

import pytest

from helpers import (
    NARRATOR,
    annotated_terms,
    article_from_text,
    competing_labels,
    find_hedges,
    find_loaded_terms,
    load_article,
    loaded_density,
    loaded_lexicon,
    scare_quotes,
)

from .conftest import FIXTURES, ROOT

ARTICLES = ROOT / "data" / "articles"


def test_lexicon_is_large_general_and_explained():
    lexicon = loaded_lexicon()
    assert len(lexicon) >= 400
    assert lexicon.term.is_unique
    assert set(lexicon.category) == {
        "name calling", "loaded language", "exaggeration", "appeal to fear",
        "flag-waving", "euphemism", "tabloid verb",
    }  # fmt: skip
    assert lexicon.explanation.str.len().min() > 10
    assert not {"war", "killed", "said", "police", "election"} & set(lexicon.term)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Critics slammed the plan.", [("slammed", "tabloid verb")]),
        ("She slams critics.", [("slams", "tabloid verb")]),
        ("The regime's thugs arrived.", [("regime's", "name calling"), ("thugs", "name calling")]),
        ("Prices hit boiling point.", [("boiling point", "exaggeration")]),
        ("A special military operation began.", [("special military operation", "euphemism")]),
        ("The minister spoke on Tuesday.", []),
    ],
)
def test_curated_matches_with_inflections(text, expected):
    terms = find_loaded_terms(article_from_text("H\n\n" + text), emotive=False)
    assert list(zip(terms.text, terms.category, strict=True)) == expected


def test_owner_of_a_word_is_the_voice_that_chose_it():
    article = article_from_text(
        "H\n\n“This is a shameless betrayal,” said Jane Okafor. "
        "Jane Okafor said the plan was a shameless stunt. The shameless plan failed."
    )
    terms = find_loaded_terms(article, emotive=False)
    shameless = terms[terms.term == "shameless"]
    assert shameless[["voice", "mode", "speaker"]].values.tolist() == [
        ["Jane Okafor", "quoted", "Jane Okafor"],
        [NARRATOR, "reported", "Jane Okafor"],  # a paraphrase is the outlet's wording
        [NARRATOR, "narration", NARRATOR],
    ]


def test_seed_loaded_terms_by_voice(seed):
    terms = find_loaded_terms(seed)
    outlet = set(terms[(terms.voice == NARRATOR) & (terms.source == "curated")].term)
    assert {"terrifying", "dictator", "boiling point", "unbridled", "evasive",
            "disinformation", "indignant", "staunch", "illegal invasion"} <= outlet  # fmt: skip
    kim = set(terms[terms.voice == "Kim Jong-un"].term)
    assert kim == {"sacred", "hegemonist", "anti-imperialist"}
    headline = terms[terms.paragraph == -1]
    assert headline.term.tolist() == ["terrifying"]
    scare = terms[terms.source == "scare quotes"]
    assert scare.term.tolist() == ["special military operation"] * 2
    # both uses stand in quotation marks pointing to the Kremlin: the outlet's distancing,
    # never the outlet's own euphemism, and each counted once
    assert "special military operation" not in outlet
    assert len(terms[terms.term == "special military operation"]) == 2
    assert "euphemism" in scare.explanation.iloc[0]
    assert set(terms.source) == {"curated", "reporting verb", "scare quotes"}
    verbs = terms[terms.source == "reporting verb"]
    assert verbs[["text", "voice"]].values.tolist() == [["claimed", NARRATOR]]  # Pentagon
    assert terms.set_index("term").loc["terrifying", "phrase"] == "terrifying warning"


def test_seed_hedges(seed):
    hedges = find_hedges(seed)
    assert {"allegedly", "claimed", "suggested"} <= set(hedges.term)
    assert hedges.duplicated(["term", "paragraph"]).sum() == 0


def test_density_per_voice(seed):
    density = loaded_density(seed).set_index("voice")
    assert density.loc["headline", "curated"] == 1
    assert density.loc["Kim Jong-un", "curated"] == 3
    assert density.loc["headline", "per_100_words"] > density.loc[NARRATOR, "per_100_words"] > 0


def test_neutral_wire_story_has_few_hits_in_the_outlets_voice():
    wire = load_article(FIXTURES / "quotes" / "dev" / "wire_grain_corridor.md")
    density = loaded_density(wire).set_index("voice")
    assert density.loc[NARRATOR, "curated"] == 0
    assert density.loc[NARRATOR, "emotive"] <= 2


def test_competing_labels(seed):
    table = competing_labels(seed)
    got = set(zip(table.label, table.voice, table.how, strict=True))
    assert got == {
        ("war", NARRATOR, "headline"),
        ("sacred fight", "Kim Jong-un", "quoted"),
        ("special military operation", NARRATOR, "scare quotes"),
        ("illegal invasion", NARRATOR, "narration"),
    }
    assert competing_labels(article_from_text("H\n\nNo labels here.")).empty


def test_annotated_terms_escapes_text():
    article = article_from_text("<b>H</b>\n\nThe <script>x</script> thugs fled.")
    html = annotated_terms(article, find_loaded_terms(article))
    assert "<script>" not in html and "&lt;script&gt;" in html and "name calling" in html


def _terms(text: str) -> list[list]:
    terms = find_loaded_terms(article_from_text("H\n\n" + text))
    return terms[["text", "phrase", "voice", "source"]].values.tolist()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hit grows to its phrase: amplifier + evaluative word + the noun it describes
        ("It was a truly shameful decision.",
         [["shameful", "truly shameful decision", NARRATOR, "curated"]]),
        # neighbouring loaded words share one phrase; each keeps its trigger word
        ("The regime's thugs arrived.",
         [["regime's", "regime's thugs", NARRATOR, "curated"],
          ["thugs", "regime's thugs", NARRATOR, "curated"]]),
        ("He said the plan was an utterly disgraceful mess.",
         [["utterly", "utterly disgraceful mess", NARRATOR, "curated"],
          ["disgraceful", "utterly disgraceful mess", NARRATOR, "curated"]]),
        # punctuation ends a phrase
        ("It was cruel, and costly.", [["cruel", "cruel", NARRATOR, "curated"]]),
    ],
)  # fmt: skip
def test_a_hit_grows_to_its_phrase(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the emotive (VADER) signal applies inside quotations too, owned by the speaker
        ("“It was a horrible mess,” said Jane Okafor.",
         [["horrible", "horrible mess", "Jane Okafor", "VADER lexicon"]]),
        # praise words below VADER 3 describe more than they load
        ("She is a good friend and a happy neighbour.", []),
        # in reported speech the emotive word is the reported feeling or matter, not the
        # writer's choice; the curated list still applies there
        ("Jane Okafor said she was depressed and the plan was a horrible mess.", []),
        ("Jane Okafor said the plan was a shameless mess.",
         [["shameless", "shameless mess", NARRATOR, "curated"]]),
        ("It was a horrible mess.", [["horrible", "horrible mess", NARRATOR, "VADER lexicon"]]),
    ],
)  # fmt: skip
def test_every_voice_gets_the_emotive_signal(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no flag inside a proper name ("Rich" as a first name, "Supreme Court")
        ("Rich Lowry wrote a column. The Supreme Court ruled on Monday.", []),
        # words that name events and institutions need an evaluative word beside them
        ("He was arrested for murder.", []),
        ("Police said the suspect was charged with assault.", []),
        ("It was a brutal murder.",
         [["brutal", "brutal murder", NARRATOR, "curated"],
          ["murder", "brutal murder", NARRATOR, "VADER lexicon"]]),
    ],
)  # fmt: skip
def test_names_and_descriptive_words_are_not_flagged_alone(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words quoted after a verb of labelling are the speaker's label, not scare quotes
        # (counted once: the loaded word, with the whole quoted label as its phrase)
        ("Jane Okafor branded him “a liar in a cheap suit”.",
         [["branded", "branded", NARRATOR, "curated"],
          ["liar", "a liar in a cheap suit", "Jane Okafor", "curated"]]),
        ("Jane Okafor slammed the plan as “a shameless cash grab”.",
         [["slammed", "slammed", NARRATOR, "curated"],
          ["shameless", "a shameless cash grab", "Jane Okafor", "curated"]]),
        ("Critics welcomed what the Finance Ministry calls its “brutal but fair” reform.",
         [["brutal", "brutal but fair", "Finance Ministry", "curated"]]),
        # no speaker, no such verb: the outlet's scare quotes around a loaded word, counted
        # once as the outlet's distancing, never as the outlet's own loaded word
        ("The minister’s “shameless” plan failed.",
         [["“shameless”", "shameless", NARRATOR, "scare quotes"]]),
        # quotation marks around a neutral word are caution, not loaded wording; "so-called"
        # is a distancing hedge (find_hedges), not a loaded word
        ("The so-called “reform” failed.", []),
        ("Jane Okafor described the plan as “a careful first step”.", []),
    ],
)  # fmt: skip
def test_labelling_quotes_belong_to_the_speaker(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company claimed the product was safe.",
         [["claimed", "claimed", NARRATOR, "reporting verb"]]),
        # the same words as nouns, or with no report, are no reporting verb
        ("The insurance claims rose after a snap poll.", []),
        ("The company allegedly broke the rules; it is alleged to have lied.",
         [["lied", "lied", NARRATOR, "curated"]]),  # "alleged" is a hedge, not loaded
    ],
)  # fmt: skip
def test_doubt_casting_reporting_verbs(text, expected):
    assert _terms(text) == expected


def test_wire_neutral_fixture_has_at_most_two_outlet_flags():
    wire = find_loaded_terms(load_article(ARTICLES / "constructed" / "wire-neutral.md"))
    assert len(wire[(wire.voice == NARRATOR) & (wire.paragraph >= 0)]) <= 2


def test_phrase_columns_are_added_not_renamed(seed):
    columns = list(find_loaded_terms(seed).columns)
    assert columns[:11] == [
        "term", "category", "paragraph", "voice", "start", "end",
        "text", "mode", "speaker", "source", "explanation",
    ]  # fmt: skip
    assert columns[11:] == ["phrase", "phrase_start", "phrase_end"]


@pytest.mark.parametrize(
    "path", sorted((ROOT / "data/articles").rglob("*.md")), ids=lambda p: p.stem
)
def test_words_in_quotation_marks_pointing_elsewhere_are_never_the_outlets_own(path):
    """Issue 20: a label in scare quotes, or quoted after "what X calls", is another
    source's wording; the outlet is charged with its distancing at most, once."""
    article = load_article(path)
    terms = find_loaded_terms(article)
    quoted = scare_quotes(article)
    own = terms[(terms.voice == NARRATOR) & terms.source.isin(["curated", "VADER lexicon"])]
    for row in own.itertuples():
        inside = quoted[
            (quoted.paragraph == row.paragraph)
            & (quoted.start <= row.start)
            & (row.start < quoted.end)
        ]
        assert inside.empty, f"{row.text!r} in {inside.text.tolist()} charged to the outlet"
    assert not terms.duplicated(["paragraph", "start"]).any(), "a word counted twice"


def test_the_constructed_versions_quote_the_kremlins_label_not_use_it():
    def rows(name):
        terms = find_loaded_terms(load_article(ROOT / f"data/articles/constructed/{name}.md"))
        found = terms[terms.term == "special military operation"]
        return found[["voice", "source"]].values.tolist()

    assert rows("wire-neutral") == [["Moscow", "curated"]]  # what Moscow calls its “…”
    assert rows("tabloid-hawkish") == [[NARRATOR, "scare quotes"]]  # its so-called “…”
    assert rows("state-outlet-friendly") == [[NARRATOR, "curated"]]  # its own wording


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the names of crimes and offenders describe (descriptive_terms.txt) ...
        ("The court heard the sexual predator was jailed.", []),
        ("The abuse scandal grew after the cover-up.", []),
        # ... and load beside an evaluative word
        ("He is a vile predator.",
         [["vile", "vile predator", NARRATOR, "curated"],
          ["predator", "vile predator", NARRATOR, "curated"]]),
        ("A shameful cover-up followed.",
         [["shameful", "shameful cover-up", NARRATOR, "curated"],
          ["cover-up", "shameful cover-up", NARRATOR, "curated"]]),
        # strong VADER words in their plain news sense (emotive_exclude.txt)
        ("Three men were lying on the floor.", []),
        ("The defeated candidate spoke to angry residents.", []),
        ("Outstanding warrants were served after a traumatic brain injury.", []),
        # size words and the AP's former term describe; the label experts mark stays
        ("It was a massive storm, and an illegal immigrant was held.", []),
        ("They called them illegal aliens.",
         [["illegal aliens", "illegal aliens", NARRATOR, "curated"]]),
        ("A friend and collaborator studied election meddling.", []),
        ("It was shameless meddling.",
         [["shameless", "shameless meddling", NARRATOR, "curated"],
          ["meddling", "shameless meddling", NARRATOR, "curated"]]),
        # size words of weather reports; results and reported feelings
        ("Extreme heat and damaging winds hit the coast.", []),
        ("The party's defeat caused frustration.", []),
        # words that name a feeling or an act of speech report it (emotive_exclude.txt);
        # the writer's own verdicts of this kind stay in the curated list
        ("The residents were depressed and sad; he condemns the attack, blaming rebels.", []),
        ("She was furious.", [["furious", "furious", NARRATOR, "curated"]]),
        # names of movements and kinds of government, and reputation words, describe ...
        ("Jihadist fighters held an authoritarian state under totalitarian rule.", []),
        ("The notorious case and the infamous photo were shown.", []),
        # ... and load beside an evaluative word
        ("He was a vile jihadist and a notorious liar.",
         [["vile", "vile jihadist", NARRATOR, "curated"],
          ["jihadist", "vile jihadist", NARRATOR, "curated"],
          ["notorious", "notorious liar", NARRATOR, "curated"],
          ["liar", "notorious liar", NARRATOR, "curated"]]),
        # evaluative words the experts mark (issue 15's second pass); a comma ends a phrase
        ("It was an egregious, vicious campaign.",
         [["egregious", "egregious", NARRATOR, "curated"],
          ["vicious", "vicious campaign", NARRATOR, "curated"]]),
    ],
)  # fmt: skip
def test_descriptive_words_need_an_evaluative_word(text, expected):
    assert _terms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a term used four times or more is the article's running name for its subject:
        # listed once, at its first use, with how often the voice uses it
        ("Evil men did it. It was evil, evil and evil again.", [("Evil", 4)]),
        # three uses are three choices
        ("Evil men did it. It was evil and evil again.",
         [("Evil", None), ("evil", None), ("evil", None)]),
        # the count is per voice: a speaker's own use of the word stays the speaker's
        ("Evil won. It was evil, evil again. “Evil,” said Jane Okafor.",
         [("Evil", None), ("evil", None), ("evil", None), ("Evil", None)]),
        # the count is per term: four different loaded words stay four rows
        ("It was evil, vile, shameless and disgraceful.",
         [("evil", None), ("vile", None), ("shameless", None), ("disgraceful", None)]),
    ],
)  # fmt: skip
def test_a_term_repeated_four_times_is_listed_once(text, expected):
    assert _uses(find_loaded_terms(article_from_text("H\n\n" + text))) == expected


def _uses(terms) -> list[tuple[str, int | None]]:
    found = []
    for word, explanation in zip(terms.text, terms.explanation, strict=True):
        m = re.search(r"This voice uses it (\d+) times", explanation)
        found.append((word, int(m.group(1)) if m else None))
    return found


def test_the_headline_is_a_choice_of_its_own():
    # a headline's loaded word and three uses in the body: four rows, none collapsed
    text = "Evil men strike\n\nThe evil men came. The evil men left. Evil, all of it."
    terms = find_loaded_terms(article_from_text(text))
    assert _uses(terms) == [("Evil", None), ("evil", None), ("evil", None), ("Evil", None)]
    assert terms.paragraph.tolist() == [-1, 0, 0, 0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the complement of a verb of labelling is the speaker's label, reported: emotive
        ("Critics called the plan a disaster.", [("disaster", "reported", "VADER lexicon")]),
        ("Jane Okafor described the ruling as a travesty.",
         [("travesty", "reported", "VADER lexicon")]),
        # other reported speech reports a feeling or a matter: no emotive flag
        ("Critics said the plan was a disaster.", []),
    ],
)  # fmt: skip
def test_the_emotive_signal_reads_a_reported_label(text, expected):
    terms = find_loaded_terms(article_from_text("H\n\n" + text))
    assert list(zip(terms.text, terms["mode"], terms.source, strict=True)) == expected
