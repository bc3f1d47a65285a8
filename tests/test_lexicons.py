"""The word lists of ``data/lexicons``: one cache that sees every edit, clear errors.

Every test edits a copy of the lists (``$READING_THE_NEWS_DATA`` points the suite at it),
never the repository's files.
"""

from __future__ import annotations

import re
import shutil
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

import helpers.lexicons as lexicons
from helpers import article_from_text, extract_quotes, find_hedges, find_loaded_terms
from helpers.analysis import TABLE_NAMES, analyze
from helpers.entities import EntityIndex
from helpers.framing import frame_evidence, frame_questions
from helpers.lexicons import (
    LexiconError,
    lexicons_changed,
    lexicons_fingerprint,
    lexicons_held,
    lexicons_version,
)
from helpers.sentences import split_sentences
from helpers.stance import stance_evidence, targets
from helpers.text import words_table

REPO_LEXICONS = Path(__file__).resolve().parents[1] / "data" / "lexicons"


@pytest.fixture
def lists(tmp_path, monkeypatch) -> Path:
    """A copy of ``data/lexicons`` the suite reads instead of the repository's."""
    folder = tmp_path / "data" / "lexicons"
    shutil.copytree(REPO_LEXICONS, folder)
    monkeypatch.setenv("READING_THE_NEWS_DATA", str(tmp_path / "data"))
    lexicons_changed()  # as a kernel started with the variable set
    yield folder
    monkeypatch.delenv("READING_THE_NEWS_DATA")
    lexicons_changed()  # back to the repository's lists for the next test


def add_line(folder: Path, name: str, line: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    path.write_text(text + ("" if text.endswith("\n") else "\n") + line + "\n", encoding="utf-8")


def article(text: str):
    return article_from_text("H\n\n" + text)


def loaded_words(text: str, *, emotive: bool = True) -> list[list[str]]:
    terms = find_loaded_terms(article(text), emotive=emotive)
    return terms[["text", "phrase"]].values.tolist()


def target_kinds(text: str) -> list[list[str]]:
    return targets(article(text))[["target", "kind", "source"]].values.tolist()


def speaker_and_cue(text: str) -> list[list[str]]:
    return extract_quotes(article(text))[["speaker", "cue"]].values.tolist()


# file -> (the line added, what a tiny text shows, before the edit, after it)
LIVE_EDITS: dict[str, tuple[str, Callable[[], object], object, object]] = {
    "abbreviations.txt": (
        "zorp",
        lambda: split_sentences("We met Zorp. Smith left."),
        [(0, 12), (13, 24)],
        [(0, 24)],
    ),
    "descriptive_terms.txt": (
        "fiasco",  # a curated term that now counts only beside an evaluative word
        lambda: loaded_words("It was a fiasco.", emotive=False),
        [["fiasco", "fiasco"]],
        [],
    ),
    "emotive_exclude.txt": (
        "horrible",
        lambda: loaded_words("It was a horrible day."),
        [["horrible", "horrible day"]],
        [],
    ),
    "frame_questions.csv": (
        "conflict,Is there a quarrel over zorbles?",
        lambda: frame_questions().question.tolist()[-1],
        frame_questions().question.tolist()[-1],
        "Is there a quarrel over zorbles?",
    ),
    "frames.csv": (
        "conflict,zorbleflip,A cue written for this test.",
        lambda: frame_evidence(article("They zorbleflip today."))[
            ["frame", "text"]
        ].values.tolist(),
        [],
        [["conflict", "zorbleflip"]],
    ),
    "hedges.csv": (
        "zorbishly,hedge,A hedge written for this test.",
        lambda: find_hedges(article("It zorbishly happened."))[["term", "voice"]].values.tolist(),
        [],
        [["zorbishly", "NARRATOR"]],
    ),
    "intensifiers.txt": (
        "zorply",
        lambda: loaded_words("It was a zorply shameful decision."),
        [["shameful", "shameful decision"]],
        [["shameful", "zorply shameful decision"]],
    ),
    "loaded_terms.csv": (
        "zorbleflap,loaded language,A term written for this test.,project",
        lambda: loaded_words("They zorbleflap it.", emotive=False),
        [],
        [["zorbleflap", "zorbleflap"]],
    ),
    "org_words.csv": (
        "Zorbleflip,organisation",
        lambda: EntityIndex.classify("Acme Zorbleflip"),
        "person",
        "institution",
    ),
    "organisations.csv": (
        "Zorbco,company,,",
        lambda: target_kinds("Ana Ruiz met officials of Zorbco. Zorbco said no.")[0],
        ["Zorbco", "person", "names"],
        ["Zorbco", "institution", "names"],
    ),
    "places.csv": (
        "Zorbania,country,,Zorbanian|Zorbanians",
        lambda: target_kinds("Zorbanian officials met Ana Ruiz. Zorbanian troops left.")[0],
        ["Ana Ruiz", "person", "names"],
        ["Zorbania", "place", "gazetteer"],
    ),
    "reporting_verbs.csv": (
        "zorble,zorble|zorbles|zorbled|zorbling,neutral,yes,yes,no,no,A verb for this test.",
        lambda: speaker_and_cue("“We won,” Ana Ruiz zorbled."),
        [["UNKNOWN", ""]],
        [["Ana Ruiz", "zorbled"]],
    ),
    "speaker_nouns.csv": (
        "zorbler,zorblers,role,,",
        lambda: speaker_and_cue("“We won,” said the zorbler."),
        [["UNKNOWN", ""]],
        [["zorbler", "said"]],
    ),
    "stance_cues.csv": (
        "zorbulous,1,adjective,A cue written for this test.",
        lambda: stance_evidence(article("The zorbulous Ana Ruiz arrived."))[
            ["speaker", "target", "cue", "contribution"]
        ].values.tolist(),
        [],
        [["NARRATOR", "Ana Ruiz", "zorbulous", 1.0]],
    ),
    "stopwords_en.txt": (
        "zorble",
        lambda: words_table(["zorble"]).is_stopword.tolist(),
        [False],
        [True],
    ),
}


def test_every_word_list_has_a_live_edit_case():
    """A new file in data/lexicons needs its case above (and its README entry)."""
    files = {p.name for p in REPO_LEXICONS.iterdir() if p.suffix != ".md"}
    assert files == set(LIVE_EDITS)


def later() -> None:
    """As a student runs a cell after an edit: an inner function called within
    RECHECK_SECONDS of the last look trusts it (public table functions always look)."""
    time.sleep(lexicons.RECHECK_SECONDS)


@pytest.mark.parametrize("name", sorted(LIVE_EDITS))
def test_an_edited_word_list_is_seen_in_the_same_process(lists, name):
    line, probe, before, after = LIVE_EDITS[name]
    assert probe() == before
    add_line(lists, name, line)
    later()
    assert probe() == after  # no restart, no cache cleared by hand
    (lists / name).write_bytes((REPO_LEXICONS / name).read_bytes())  # and back again
    later()
    assert probe() == before


@pytest.mark.parametrize(
    ("name", "line", "table"),
    [
        ("loaded_terms.csv", "zorbleflap,loaded language,A test term.,project", "loaded_terms"),
        ("hedges.csv", "zorbleflap,hedge,A test hedge.", "hedges"),
        ("frames.csv", "conflict,zorbleflap,A test cue.", "frame_evidence"),
    ],
)
def test_a_public_table_sees_an_edit_at_once(lists, name, line, table):
    seed = article("They zorbleflap it.")
    assert analyze(seed)[table].empty
    add_line(lists, name, line)  # no pause: the table's function looks at the folder
    assert not analyze(seed)[table].empty


def test_an_edit_reaches_the_tables_of_an_analysis(lists):
    seed = article("It was a zorbleflap.")
    result = analyze(seed)
    assert result["loaded_terms"].text.tolist() == []
    add_line(lists, "loaded_terms.csv", "zorbleflap,loaded language,A test term.,project")
    assert result["loaded_terms"].text.tolist() == ["zorbleflap"]
    assert analyze(seed)["loaded_terms"].text.tolist() == ["zorbleflap"]


def test_inner_calls_look_at_most_once_per_recheck_period(lists, monkeypatch):
    looks = []
    real_look = lexicons._look
    monkeypatch.setattr(lexicons, "_look", lambda: looks.append(1) or real_look())
    later()
    started = time.monotonic()
    for _ in range(2000):
        lexicons.speaker_nouns()
    periods = (time.monotonic() - started) / lexicons.RECHECK_SECONDS
    assert 1 <= len(looks) <= periods + 1


def test_one_block_uses_one_version_and_looks_once(lists, monkeypatch):
    looks = []
    real_look = lexicons._look
    monkeypatch.setattr(lexicons, "_look", lambda: looks.append(1) or real_look())
    seed = article("“It was a zorbleflap,” Ana Ruiz said. Officials met.")
    with lexicons_held():
        result = analyze(seed)
        for name in TABLE_NAMES:
            result[name]
        add_line(lists, "loaded_terms.csv", "zorbleflap,loaded language,A test term.,project")
        assert loaded_words("It was a zorbleflap.") == []  # the version of the block
    assert len(looks) == 1  # the folder was looked at once, when the block opened
    assert loaded_words("It was a zorbleflap.") == [["zorbleflap", "zorbleflap"]]


def test_version_and_fingerprint(lists, tmp_path, monkeypatch):
    version, fingerprint = lexicons_version(), lexicons_fingerprint()
    assert lexicons_version() == version  # nothing changed: the same version
    assert len(fingerprint) == 64
    # the same contents elsewhere: another version (another folder), the same fingerprint
    other = tmp_path / "other" / "lexicons"
    shutil.copytree(lists, other)
    monkeypatch.setenv("READING_THE_NEWS_DATA", str(other.parent))
    assert lexicons_version() != version
    assert lexicons_fingerprint() == fingerprint
    add_line(other, "hedges.csv", "zorbishly,hedge,A test hedge.")
    assert lexicons_fingerprint() != fingerprint
    (other / "README.md").write_text("notes\n", encoding="utf-8")  # documentation: no change
    assert not lexicons_changed()


LOADERS: dict[str, Callable[[], object]] = {
    "abbreviations.txt": lambda: split_sentences("One. Two."),
    "descriptive_terms.txt": lambda: loaded_words("A murder."),
    "emotive_exclude.txt": lambda: loaded_words("A war."),
    "frame_questions.csv": frame_questions,
    "frames.csv": lambda: frame_evidence(article("A clash.")),
    "hedges.csv": lambda: find_hedges(article("It allegedly happened.")),
    "intensifiers.txt": lambda: loaded_words("A truly shameful decision."),
    "loaded_terms.csv": lambda: loaded_words("A fiasco."),
    "org_words.csv": lambda: EntityIndex.classify("Acme Ministry"),
    "organisations.csv": lambda: target_kinds("Ana Ruiz met the UN."),
    "places.csv": lambda: target_kinds("Ana Ruiz went to France."),
    "reporting_verbs.csv": lambda: speaker_and_cue("“We won,” Ana Ruiz said."),
    "speaker_nouns.csv": lambda: speaker_and_cue("“We won,” said the minister."),
    "stance_cues.csv": lambda: stance_evidence(article("Tom Reyes praised Ana Ruiz.")),
    "stopwords_en.txt": lambda: words_table(["the"]),
}


def test_every_word_list_has_a_loader_case():
    assert set(LOADERS) == set(LIVE_EDITS)


@pytest.mark.parametrize("name", sorted(LOADERS))
def test_a_missing_word_list_is_named(lists, name):
    LOADERS[name]()
    (lists / name).unlink()
    later()
    with pytest.raises(LexiconError, match=rf"{name}: word list is missing"):
        LOADERS[name]()
    with pytest.raises(FileNotFoundError):  # a LexiconError is a FileNotFoundError too
        LOADERS[name]()


# each CSV and a column its loader needs
NEEDED_COLUMNS = {
    "frame_questions.csv": "question",
    "frames.csv": "cue",
    "hedges.csv": "kind",
    "loaded_terms.csv": "category",
    "org_words.csv": "kind",
    "organisations.csv": "name",
    "places.csv": "kind",
    "reporting_verbs.csv": "connotation",
    "speaker_nouns.csv": "kind",
    "stance_cues.csv": "polarity",
}


def test_every_csv_has_a_column_case():
    assert set(NEEDED_COLUMNS) == {n for n in LIVE_EDITS if n.endswith(".csv")}


@pytest.mark.parametrize("name", sorted(NEEDED_COLUMNS))
def test_a_missing_column_is_named(lists, name):
    column = NEEDED_COLUMNS[name]
    path = lists / name
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = next(i for i, line in enumerate(lines) if not line.startswith("#"))
    lines[header] = lines[header].replace(column, "renamed", 1)
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(LexiconError, match=rf"{name}: missing column\(s\) {column} \(the header"):
        LOADERS[name]()


# ----------------------------------------------------------------------------------------
# data/lexicons/README.md and GAZETTEER.md: the counts they give are the files' own
# ----------------------------------------------------------------------------------------
def entries(name: str) -> list:
    if name.endswith(".csv"):
        return lexicons.lexicon_rows(name, columns=())
    return lexicons.lexicon_words(name, lower=False)


def readme_table(path: Path) -> dict[str, list[str]]:
    """The rows of a Markdown table whose first cell is a file name: ``{file: cells}``."""
    rows = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`([\w.-]+\.(?:csv|txt))`\s*\|(.*)\|\s*$", line)
        if m:
            rows[m.group(1)] = [c.strip() for c in m.group(2).split("|")]
    return rows


def test_the_readme_lists_every_file_with_its_count_and_columns():
    table = readme_table(REPO_LEXICONS / "README.md")
    assert set(table) == set(LIVE_EDITS)  # every list, and no list that is not there
    for name, (count, columns, *_rest) in table.items():
        assert int(count) == len(entries(name)), f"README.md: {name} has {len(entries(name))}"
        if name.endswith(".csv"):
            header = list(entries(name)[0])
            assert columns == f"`{','.join(header)}`", name


def test_the_gazetteer_notes_give_the_right_counts():
    text = (REPO_LEXICONS / "GAZETTEER.md").read_text(encoding="utf-8")
    for name, (count, columns) in readme_table(REPO_LEXICONS / "GAZETTEER.md").items():
        assert int(count) == len(entries(name)), f"GAZETTEER.md: {name}"
        assert columns == f"`{','.join(entries(name)[0])}`"
    checked = 0
    for section in re.split(r"^## ", text, flags=re.M):
        name = re.match(r"`([\w.]+\.csv)`", section)
        if not name:
            continue
        kinds = Counter(row["kind"] for row in entries(name.group(1)))
        for kind, n in re.findall(r"`([\w-]+)` \((\d+)[:)]", section):
            assert kinds[kind] == int(n), f"GAZETTEER.md: {name.group(1)} kind {kind}"
            checked += 1
    assert checked == 13  # 4 kinds of place, 5 of organisation, 4 of organisation word


# ----------------------------------------------------------------------------------------
# No entry listed twice (whose meaning would then hang on the order of the rows)
# ----------------------------------------------------------------------------------------
def test_no_speaker_noun_is_listed_twice():
    rows = entries("speaker_nouns.csv")
    forms = [r["noun"].lower() for r in rows] + [r["plural"].lower() for r in rows if r["plural"]]
    assert [f for f, n in Counter(forms).items() if n > 1] == []
    assert {r["kind"] for r in rows} == {"role", "institution", "anonymous", "document", "written"}
    assert {r["plural_kind"] for r in rows} <= {"", "role", "institution", "anonymous"}


# file -> (column, whether the cell holds several forms separated by "|")
KEYED = {
    "frame_questions.csv": ("question", False),
    "frames.csv": ("cue", False),
    "hedges.csv": ("term", False),
    "loaded_terms.csv": ("term", False),
    "reporting_verbs.csv": ("forms", True),
    "stance_cues.csv": ("forms", True),
}


@pytest.mark.parametrize("name", sorted(KEYED))
def test_no_entry_is_listed_twice(name):
    column, several = KEYED[name]
    cells = [row[column] for row in entries(name)]
    forms = [f.strip().lower() for c in cells for f in (c.split("|") if several else [c])]
    assert [f for f, n in Counter(forms).items() if n > 1] == []


@pytest.mark.parametrize("name", sorted(n for n in LIVE_EDITS if n.endswith(".txt")))
def test_no_word_is_listed_twice(name):
    words = [w.lower() for w in entries(name)]
    assert [w for w, n in Counter(words).items() if n > 1] == []


def test_an_organisation_word_has_each_kind_once():
    pairs = [(r["word"], r["kind"] == "place-prefix") for r in entries("org_words.csv")]
    assert [p for p, n in Counter(pairs).items() if n > 1] == []


def test_a_gazetteer_name_belongs_to_one_row_but_for_the_documented_overlaps():
    """A capital is an alias of its country and a city row; a seat of government an alias of
    its country and an organisation row (GAZETTEER.md, "Deliberate overlaps")."""
    owners: dict[str, list[tuple[str, str, str]]] = {}
    for file in ("places.csv", "organisations.csv"):
        for row in entries(file):
            names = {row["name"].lower(), *(a.lower() for a in row["aliases"].split("|") if a)}
            for name in names:  # each row's own names once
                owners.setdefault(name, []).append((file, row["kind"], row["name"]))
    countries = {r["name"] for r in entries("places.csv") if r["kind"] == "country"}
    for name, rows in owners.items():
        if len(rows) == 1:
            continue
        first, *later = rows
        assert first[0] == "places.csv" and first[2] in countries, (name, rows)
        for file, kind, _row in later:
            assert (file, kind) in {("places.csv", "city"), ("organisations.csv", "government")}


def test_the_readme_gives_the_loaded_terms_per_source():
    text = (REPO_LEXICONS / "README.md").read_text(encoding="utf-8")
    claimed = {s: int(n) for s, n in re.findall(r"^\| `([^`|]+)` \| (\d+) \| ", text, flags=re.M)}
    claimed = {s: n for s, n in claimed.items() if not s.endswith((".csv", ".txt"))}
    assert claimed == dict(Counter(row["source"] for row in entries("loaded_terms.csv")))
