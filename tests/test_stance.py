from __future__ import annotations

import pytest
import yaml

from helpers import (
    NARRATOR,
    article_from_text,
    load_article,
    stance_evidence,
    stance_table,
    targets,
)
from helpers.evaluation import same_speaker
from helpers.stance import PRIOR_UNITS

from .conftest import FIXTURES


def stance_of(table, speaker, target):
    rows = table[(table.speaker == speaker) & (table.target == target)]
    assert not rows.empty, f"no stance of {speaker} toward {target}"
    return rows.stance.iloc[0]


def test_seed_stances(seed):
    """The five stances keep their sign; each value is its Bayesian average (PRIOR_UNITS=4)."""
    table = stance_table(seed)
    assert stance_of(table, "Kim Jong-un", "Russia") == 0.429  # 3 cues in 3 units: 3/7
    assert stance_of(table, "Kim Jong-un", "United States") == -0.2  # "hegemonists", by the gloss
    assert stance_of(table, "Vladimir Putin", "North Korea") == 0.2  # "very glad": 1/5
    assert stance_of(table, NARRATOR, "Russia") == -0.25  # "illegal", "evasive", scare quote
    assert stance_of(table, NARRATOR, "North Korea") == -0.188  # "dictator"
    assert stance_of(table, NARRATOR, "Dmitry Peskov") == -0.2  # "disinformation"
    assert table.stance.between(-1, 1).all()


def test_no_single_cue_reaches_one(seed):
    table = stance_table(seed)
    assert (table.stance.abs() < 1).all()
    assert table[table.n_units == 1].stance.abs().max() <= 1 / (1 + PRIOR_UNITS)
    # "a threat the US has already made", "sanctions": topic nouns, no verdict of the outlet
    evidence = stance_evidence(seed)
    us = evidence[(evidence.speaker == NARRATOR) & (evidence.target == "United States")]
    assert us.source.tolist() == ["sentiment"]
    assert (
        not stance_table(seed)
        .set_index(["speaker", "target"])
        .loc[(NARRATOR, "United States"), "clear"]
    )


def test_seed_targets_merge_aliases(seed):
    table = targets(seed).set_index("target")
    assert {"Russian", "Kremlin", "Russia"} <= set(table.loc["Russia", "aliases"])
    assert "North Korean" in table.loc["North Korea", "aliases"]
    assert "hegemonists" in table.loc["United States", "aliases"]
    assert "He" not in table.loc["Kim Jong-un", "aliases"]


def test_every_number_has_evidence(seed):
    evidence = stance_evidence(seed)
    table = stance_table(seed, evidence=evidence)
    for row in table.itertuples():
        rows = evidence[(evidence.speaker == row.speaker) & (evidence.target == row.target)]
        assert len(rows) == row.n_evidence > 0
    disinformation = evidence[evidence.cue == "disinformation"].iloc[0]
    assert (disinformation.speaker, disinformation.target, disinformation.contribution) == (
        NARRATOR,
        "Dmitry Peskov",
        -1.0,
    )


def test_front_matter_targets_add_to_the_automatic_ones():
    article = article_from_text(
        "---\ntitle: Plan row\ntargets:\n  Riverside plan: [plan, scheme]\n---\n"
        "“I support the plan,” said Jane Okafor. Tom Reyes said the scheme was a disgrace."
    )
    table = targets(article)
    assert table.target.tolist() == ["Riverside plan", "Jane Okafor", "Tom Reyes"]
    assert table.set_index("target").loc["Riverside plan", "source"] == "front matter"
    stances = stance_table(article)
    assert stance_of(stances, "Jane Okafor", "Riverside plan") == 0.2  # one cue: 1/(1+4)
    assert stance_of(stances, "Tom Reyes", "Riverside plan") == -0.2


def test_a_declared_target_joins_the_name_it_lists():
    article = article_from_text(
        "---\ntitle: Row\ntargets:\n  Ana Ruiz: [Ana Ruiz, Ruiz]\n---\n"
        "Ana Ruiz, the mayor, opened the bridge. Ruiz was praised by residents."
    )
    row = targets(article).set_index("target").loc["Ana Ruiz"]
    assert (row.kind, row.source) == ("person", "front matter")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the outlet's own label, attached to the name
        ("The disgraced mayor Ana Ruiz left early.", [("Ana Ruiz", "disgraced", "name")]),
        # negation: no verdict
        ("Ana Ruiz was not furious about the vote.", []),
        # topic noun: a scandal named after her is no verdict
        ("The Ruiz scandal dominated the week. Ana Ruiz spoke.", []),
        # recipient of a threat, not its agent
        ("Threats against Ana Ruiz grew.", []),
        # victim of an event: neither the cue nor the tone counts against her
        ("Ana Ruiz was shot and killed in a terrible attack.", []),
        # a word about a third thing far away in the clause is not about her
        ("Ana Ruiz said on Monday that the plans drawn up by the old board were a failure.", []),
        # pronoun link to the person the outlet named last
        ("Ana Ruiz met the press. She was furious.", [("Ana Ruiz", "furious", "pronoun")]),
        # a pronoun of the other gender is not linked
        ("Mr. Tom Reyes met the press. She was furious.", []),
    ],
)
def test_who_the_outlet_judges(body, expected):
    evidence = stance_evidence(article_from_text("Headline\n\n" + body))
    cues = evidence[(evidence.speaker == NARRATOR) & (evidence.source == "cue")]
    assert list(zip(cues.target, cues.cue, cues.link, strict=True)) == expected


def test_victims_are_not_judged_by_tone():
    evidence = stance_evidence(
        article_from_text("Headline\n\nAna Ruiz was shot and killed in a terrible attack.")
    )
    assert evidence.empty


def test_reported_act_is_the_subjects_stance():
    article = article_from_text(
        "---\ntitle: Row\ntargets:\n  Harbury Council: [council]\n---\n"
        "Jane Okafor, who lives nearby, said the plan was rushed. "
        "Okafor accused the council of ignoring residents."
    )
    evidence = stance_evidence(article)
    act = evidence[evidence.source == "reported act"]
    assert act[["speaker", "target", "cue"]].values.tolist() == [
        ["Jane Okafor", "Harbury Council", "accused"]
    ]


@pytest.fixture(scope="module")
def stance_articles():
    paths = sorted(p for p in (FIXTURES / "stance").glob("*.md") if p.name != "README.md")
    return [
        (load_article(p), yaml.safe_load(p.with_name(p.stem + ".expected.yaml").read_text()))
        for p in paths
    ]


def test_hand_annotated_stances(stance_articles):
    """Six invented articles with 35 stances labelled by hand (tests/fixtures/stance)."""
    total = found = right = 0
    for article, expected in stance_articles:
        table = stance_table(article)
        for s in expected["stances"]:
            total += 1
            rows = table[(table.target == s["target"]) & table.speaker.map(
                lambda x, who=s["speaker"]: same_speaker(x, who))]  # fmt: skip
            if rows.empty:
                continue
            found += 1
            sign = "positive" if rows.stance.iloc[0] > 0 else "negative"
            right += sign == s["sign"]
        for s in expected.get("neutral") or []:
            rows = table[(table.target == s["target"]) & (table.speaker == s["speaker"])]
            assert rows.empty or abs(rows.stance.iloc[0]) < 0.3, s
    assert total == 35
    assert found >= 30 and right == found  # measured: 31 found, all 31 with the right sign


# The aliases are matched by hand (helpers.text.name_spans): the same spans as the regex
# the module compiled per alias before, which is kept here as the reference.
def _alias_regex(alias):
    import re

    return re.compile(r"(?<![\w-])" + re.escape(alias) + r"(?:’s|'s)?(?![\w-])")


@pytest.mark.parametrize(
    "text, alias, spans",
    [
        ("Ruiz met Ruiz’s aide.", "Ruiz", [(0, 4), (9, 15)]),
        ("Ruizes and Ruiz-Lopez and Ruiz's", "Ruiz", [(26, 32)]),
        ("Ruiz’sx.", "Ruiz", [(0, 4)]),  # the possessive gives way, the name stays
        ("the-US and US", "US", [(11, 13)]),
        ("(IS) said", "(IS)", [(0, 4)]),
        (", ,", "", [(0, 0), (1, 1), (2, 2), (3, 3)]),  # an empty alias, as the regex has it
    ],
)
def test_aliases_are_matched_as_the_regex_matches_them(text, alias, spans):
    from helpers.text import name_spans

    assert list(name_spans(text, alias)) == spans
    assert [m.span() for m in _alias_regex(alias).finditer(text)] == spans


def test_alias_matching_equals_the_regex_on_generated_texts():
    import random

    from helpers.stance import _count_aliases
    from helpers.text import name_spans

    rng = random.Random(0)
    for _ in range(20000):
        text = "".join(rng.choice("ab -_’'s.é1“”") for _ in range(rng.randint(0, 14)))
        aliases = {"".join(rng.choice("abAs -é'’“") for _ in range(rng.randint(0, 3)))}
        aliases.add("".join(rng.choice("ab") for _ in range(rng.randint(1, 2))))
        counts = _count_aliases(text, aliases)
        for alias in aliases:
            expected = [m.span() for m in _alias_regex(alias).finditer(text)]
            assert list(name_spans(text, alias)) == expected, (alias, text)
            assert counts.get(alias, 0) == len(expected), (alias, text)


def test_a_person_only_a_speaker_names_is_a_target_with_the_speakers_stance():
    article = article_from_text(
        "Row at the council\n\nTom Reyes spoke at the meeting on Monday.\n\n"
        "“Ana Ruiz is a disgrace,” said Tom Reyes."
    )
    found = targets(article)
    assert found.loc[found.target == "Ana Ruiz", ["kind", "source"]].values.tolist() == [
        ["person", "quoted"]
    ]
    table = stance_table(article)
    assert table[["speaker", "target", "stance"]].values.tolist() == [
        ["Tom Reyes", "Ana Ruiz", -0.2]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister PRAISED the plan and condemned the delay.",
        "Nothing to see here.",
        "A dictator’s visit; an un-praised plan.",
        "Prai\u017fed twice: the \u017fcandal",  # ſ folds to s: the pattern decides
        "",
    ],
)
def test_the_cue_prefilter_finds_what_the_pattern_finds(text):
    from helpers.stance import _cue_pattern, _cues_in

    def spans(matches):
        return [(m.span(), m.group(1)) for m in matches]

    assert spans(_cues_in(text)) == spans(_cue_pattern().finditer(text))


def test_the_cue_prefilter_skips_a_unit_without_a_cue_form(monkeypatch):
    import helpers.stance
    from helpers.stance import _cue_pattern, _cues_in

    text = "The weather was mild on Tuesday."
    assert list(_cue_pattern().finditer(text)) == []

    def not_run():
        raise AssertionError("the stance-cue pattern ran on a unit without a cue form")

    monkeypatch.setattr(helpers.stance, "_cue_pattern", not_run)
    assert list(_cues_in(text)) == []
