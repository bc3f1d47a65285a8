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

from .conftest import FIXTURES


def stance_of(table, speaker, target):
    rows = table[(table.speaker == speaker) & (table.target == target)]
    assert not rows.empty, f"no stance of {speaker} toward {target}"
    return rows.stance.iloc[0]


def test_seed_stances(seed):
    table = stance_table(seed)
    assert stance_of(table, "Kim Jong-un", "Russia") > 0.5
    assert stance_of(table, "Kim Jong-un", "United States") < -0.5  # "hegemonists", by the gloss
    assert stance_of(table, "Vladimir Putin", "North Korea") > 0.5  # "very glad"
    assert stance_of(table, NARRATOR, "Russia") < 0  # "illegal invasion", "evasive"
    assert stance_of(table, NARRATOR, "North Korea") < 0  # "dictator"
    assert stance_of(table, NARRATOR, "Dmitry Peskov") < 0  # "disinformation"
    assert table.stance.between(-1, 1).all()


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


def test_front_matter_targets_override():
    article = article_from_text(
        "---\ntitle: Plan row\ntargets:\n  Riverside plan: [plan, scheme]\n---\n"
        "“I support the plan,” said Jane Okafor. Tom Reyes said the scheme was a disgrace."
    )
    assert targets(article).target.tolist() == ["Riverside plan"]
    table = stance_table(article)
    assert stance_of(table, "Jane Okafor", "Riverside plan") == 1.0
    assert stance_of(table, "Tom Reyes", "Riverside plan") == -1.0


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
