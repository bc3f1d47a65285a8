"""The analysis cache on disk: a hit is exactly a fresh run; any change of the key a miss."""

from __future__ import annotations

import os
import pickle
import shutil
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import helpers.analysis_cache as cache
from helpers import analyze, article_from_text, load_article
from helpers.analysis import TABLE_NAMES, tables_eagerly
from helpers.lexicons import lexicons_changed
from helpers.report import build_reports

from .conftest import ROOT, SEED_ARTICLE

ARTICLES = [
    SEED_ARTICLE,
    ROOT / "data/articles/constructed/tabloid-hawkish.md",
    ROOT / "data/articles/constructed/wire-neutral.md",
]
TEXT = "Council vote\n\n“This is a disgrace,” said councillor Maria Lopez. The vote was 7-2."


def assert_exactly_equal(tables, reference) -> None:
    assert list(tables) == list(reference)
    for name, table in reference.items():
        assert tables[name].dtypes.equals(table.dtypes), name
        pd.testing.assert_frame_equal(tables[name], table, check_exact=True, obj=name)


@pytest.fixture
def folder(tmp_path) -> Path:
    return tmp_path / "analyses"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.stem)
def test_a_hit_is_exactly_a_fresh_run(path, folder):
    article = load_article(path)
    cache.store_analysis(article, folder=folder)
    again = load_article(path)  # another kernel loads the article again
    hit = analyze(again, cache=folder)
    assert hit.tables.computed == TABLE_NAMES  # held before any table is read: a hit
    assert_exactly_equal(dict(hit.tables.items()), tables_eagerly(again))


def test_without_a_cache_folder_nothing_is_read(folder, monkeypatch):
    article = article_from_text(TEXT)
    cache.store_analysis(article, folder=folder)
    monkeypatch.delenv(cache.CACHE_ENV, raising=False)
    assert analyze(article).tables.computed == ()  # JupyterLab: computed as it always was
    assert analyze(article, cache=False).tables.computed == ()
    monkeypatch.setenv(cache.CACHE_ENV, str(folder))  # a report's kernel
    assert analyze(article).tables.computed == TABLE_NAMES
    assert analyze(article, cache=False).tables.computed == ()


def test_a_changed_article_byte_is_a_miss(tmp_path, folder):
    source = tmp_path / "article.txt"
    source.write_text(TEXT, encoding="utf-8")
    before = source.read_bytes(), source.stat().st_mtime_ns
    cache.store_analysis(load_article(source), folder=folder)
    assert cache.load_tables(load_article(source), folder=folder) is not None
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before  # never modified
    source.write_text(TEXT.replace("7-2", "7-3"), encoding="utf-8")
    changed = load_article(source)
    assert cache.load_tables(changed, folder=folder) is None
    assert analyze(changed, cache=folder).tables.computed == ()


@pytest.fixture
def lists(tmp_path, monkeypatch):
    """A copy of ``data/lexicons`` the suite reads instead (as in test_lexicons.py)."""
    copy = tmp_path / "data" / "lexicons"
    shutil.copytree(ROOT / "data" / "lexicons", copy)
    monkeypatch.setenv("READING_THE_NEWS_DATA", str(tmp_path / "data"))
    lexicons_changed()
    yield copy
    monkeypatch.delenv("READING_THE_NEWS_DATA")
    lexicons_changed()


def test_a_changed_lexicon_is_a_miss(lists, folder):
    article = article_from_text("Vote\n\nThe council's zorbish plan passed.")
    cache.store_analysis(article, folder=folder)
    assert analyze(article, cache=folder)["loaded_terms"].empty  # a hit, without the word
    with (lists / "loaded_terms.csv").open("a", encoding="utf-8") as f:
        f.write("zorbish,derogatory,A test word.\n")
    assert cache.load_tables(article, folder=folder) is None
    fresh = analyze(article, cache=folder)
    assert fresh.tables.computed == ()
    assert fresh["loaded_terms"]["text"].tolist() == ["zorbish"]
    cache.store_analysis(article, folder=folder)  # stored beside the other version
    assert len(list(folder.glob("*.pkl"))) == 2
    assert cache.load_tables(article, folder=folder)["loaded_terms"]["text"].tolist() == ["zorbish"]


def test_a_held_analysis_sees_a_lexicon_edited_afterwards(lists, folder):
    article = article_from_text("Vote\n\nThe council's zorbish plan passed.")
    cache.store_analysis(article, folder=folder)
    held = analyze(article, cache=folder)
    with (lists / "loaded_terms.csv").open("a", encoding="utf-8") as f:
        f.write("zorbish,derogatory,A test word.\n")
    lexicons_changed()
    assert held["loaded_terms"]["text"].tolist() == ["zorbish"]  # computed again


def test_another_version_is_a_miss(folder):
    article = article_from_text(TEXT)
    tables = tables_eagerly(article)
    cache.store_tables(article, tables, folder=folder, version="1.0+abc")
    assert cache.load_tables(article, folder=folder, version="1.0+abd") is None
    assert_exactly_equal(cache.load_tables(article, folder=folder, version="1.0+abc"), tables)
    assert cache.load_tables(article, folder=folder) is None  # this code's own version


def test_the_code_version_is_the_package_and_its_source():
    version = cache.code_version()
    package, _, source = version.partition("+")
    assert package == "0.1.0" and len(source) == 12 and int(source, 16) >= 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[: path.stat().st_size // 2]),
        lambda path: path.write_bytes(b""),
        lambda path: path.write_bytes(b"not a pickle at all"),
        lambda path: path.write_bytes(pickle.dumps({"format": 1, "key": "another"})),
        lambda path: path.write_bytes(pickle.dumps(["a list"])),
    ],
    ids=["truncated", "empty", "garbage", "another-key", "another-layout"],
)
def test_a_corrupt_file_is_a_miss_and_is_removed(folder, damage):
    article = article_from_text(TEXT)
    cache.store_analysis(article, folder=folder)
    (path,) = folder.glob("*.pkl")
    damage(path)
    assert cache.load_tables(article, folder=folder) is None
    assert not path.exists()
    assert analyze(article, cache=folder)["quotes"]["speaker"].tolist() == ["Maria Lopez"]
    cache.store_analysis(article, folder=folder)  # written again, whole
    assert cache.load_tables(article, folder=folder) is not None


def test_writes_leave_no_temporary_file_and_the_folder_is_private(folder):
    cache.store_analysis(article_from_text(TEXT), folder=folder)
    assert [p.name for p in folder.iterdir()] == [
        f"{cache.analysis_key(article_from_text(TEXT))}.pkl"
    ]
    assert folder.stat().st_mode & 0o077 == 0


def test_an_unwritable_folder_is_no_cache_and_no_error(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    analysis = cache.store_analysis(article_from_text(TEXT), folder=blocked / "analyses")
    assert analysis.tables.computed == TABLE_NAMES


def test_the_folder_keeps_the_most_recently_used(folder, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    articles = [article_from_text(f"H\n\nParagraph {i}.") for i in range(5)]
    for i, article in enumerate(articles[:3]):
        path = cache.store_tables(article, {"quotes": pd.DataFrame()}, folder=folder)
        os.utime(path, (1000 + i, 1000 + i))  # stored one after another
    assert cache.load_tables(articles[0], folder=folder) is not None  # used: the newest now
    cache.store_tables(articles[3], {"quotes": pd.DataFrame()}, folder=folder)  # 4 > 3
    kept = [a for a in articles if cache.load_tables(a, folder=folder) is not None]
    assert kept == [articles[0], articles[2], articles[3]]  # the least recently used went
    old = folder / ".writing-left.pkl"
    old.write_bytes(b"half")
    os.utime(old, (time.time() - 7200,) * 2)
    new = folder / ".writing-now.pkl"
    new.write_bytes(b"half")
    assert cache.prune(folder) == [old]  # a writer killed long ago; one writing now stays


def _probe_notebook(path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('ARTICLE = "article.md"')
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [
        parameters,
        nbformat.v4.new_code_cell(
            "from helpers import analyze, load_article\n"
            "result = analyze(load_article(ARTICLE))\n"
            "print(len(result.tables.computed), 'tables held')"
        ),
        nbformat.v4.new_code_cell('print(result["stance"].to_csv(index=False))'),
    ]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


def test_the_report_notebooks_read_the_one_analysis(tmp_path):
    """A report's kernels read the stored analysis (all 20 tables held before one is read)
    and show what a kernel without the cache computes."""
    probe = tmp_path / "01-probe.ipynb"
    _probe_notebook(probe)
    shown = {}
    for name, use in (("cached", tmp_path / "analyses"), ("alone", False)):
        results = build_reports(SEED_ARTICLE, out=tmp_path / name, notebooks=[probe], cache=use)
        executed = nbformat.read(results[0].html.parent / "executed" / probe.name, 4)
        shown[name] = ["".join(o.get("text", "") for o in c.outputs) for c in executed.cells[2:]]
    assert shown["cached"][0] == "20 tables held\n"
    assert shown["alone"][0] == "0 tables held\n"
    assert shown["cached"][1] == shown["alone"][1] != ""
    assert len(list((tmp_path / "analyses").glob("*.pkl"))) == 1
    assert cache.CACHE_ENV not in os.environ  # set for the kernels only
