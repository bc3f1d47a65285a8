"""The peer-corpus setup script and readers (``benchmarks/peer/``) on tiny fake corpora written
in the real file formats: the development filters (even PTC ids, even BABE rows, PolNeAR
train only, PerSenT dev only), brat offsets, the pinned-commit check and the clear errors.
No real corpus is needed or read."""

from __future__ import annotations

import doctest
import os
import subprocess
import sys

import pytest

import helpers

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks" / "peer"))
import bench_real_news  # noqa: E402
import corpora  # noqa: E402
import setup_corpora  # noqa: E402

PTC_TEXT = {
    2: "Headline two\n\nThey are traitors.\nCalm words.\n",
    3: "Headline three\n\nHeld out.\n",
    10: "Headline ten\n\nA disgrace, he said.\n",
}
PTC_LABELS = {
    2: "2\tName_Calling,Labeling\t23\t31\n2\tLoaded_Language\t14\t31\n",
    3: "3\tLoaded_Language\t16\t20\n",
    10: "",
}
PERSENT_CSV = (
    "DOCUMENT_INDEX,TITLE,TARGET_ENTITY,DOCUMENT,MASKED_DOCUMENT,TRUE_SENTIMENT,Paragraph0,"
    "Paragraph1\n"
    '7,A TITLE,Jane Roe,"Jane Roe won.\n ""Great"" she said.",'
    '"[TGT] won.\n ""Great"" [TGT] said.",Positive,Positive,Neutral\n'
    "9,OTHER,John Doe,John Doe lost.,[TGT] lost.,Negative,Negative,\n"
)
BABE_CSV = (
    "\ufefftext;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
    '"A ""radical"" plan.";http://a;Outlet A;t;left;Biased;Expresses writer\'s opinion;'
    "['radical']\n"
    "Odd row one.;http://b;Outlet B;t;right;Non-biased;Entirely factual;[]\n"
    "A calm report.;http://c;Outlet C;t;center;Non-biased;Entirely factual;[]\n"
    "Odd row three.;http://d;Outlet D;t;left;Biased;Entirely factual;['odd']\n"
    "Bizarre, crooked deal.;http://e;Outlet E;t;left;Biased;Entirely factual;"
    "['bizarre', 'crooked']\n"
)
POLNEAR_META = (
    "compartment\tfilename\tlevel\tannotators\tpublisher\tpublication_date\tauthor\ttitle\t"
    "trump_count\tclinton_count\tcredit\twire\n"
    "train\tnyt_2016-01-02_a\t3\tb1|a1\tnyt\t2016-01-02\tX\tTitle A\t1\t0\tNone\tNone\n"
    "dev\tnyt_2016-10-02_d\t20\ta1\tnyt\t2016-10-02\tY\tTitle D\t0\t1\tNone\tNone\n"
)
# "Title A" / blank / the body: offsets below count from the start of this text
POLNEAR_TEXT = (
    'Title A\n\nSmith said the plan "will fail." Later:\n\nThe aide, she added, was right.\n'
)
POLNEAR_ANN_A1 = (
    "T1\tSource 9 14\tSmith\n"
    "T2\tCue 15 19\tsaid\n"
    'T3\tContent 20 41\tthe plan "will fail."\n'
    "T4\tAttribution 15 19\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 42 58\tLater:\n\nThe aide\n"  # a span's own newlines: text over 3 lines
    "T6\tCue 64 69\tadded\n"
    "T7\tContent2 71 74;75 81\twas right.\n"  # discontinuous: fragments joined by a space
    "T8\tAttribution 64 69\tadded\n"
    "E2\tAttribution-no-source:T8 Content:T5 Cue:T6 Content2:T7 \n"
    "#1\tAnnotatorNotes T5\ta note\n"
    "\n"
)
POLNEAR_ANN_B1 = (
    "T1\tSource 9 14\tSmith\nT2\tCue 15 19\tsaid\nE1\tAttribution:T2 Cue:T2 Source:T1\n"
)


def _write(root, files):
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return root


@pytest.fixture
def sources(tmp_path):
    """Plain folders laid out like the four repositories, with held-out files beside."""
    ptc = {f"datasets/train-articles/article{i}.txt": t for i, t in PTC_TEXT.items()}
    ptc |= {
        f"datasets/train-labels-task2-technique-classification/article{i}.task2-TC.labels": t
        for i, t in PTC_LABELS.items()
    }
    return {
        "ptc": _write(tmp_path / "ptc", ptc),
        "persent": _write(
            tmp_path / "persent", {"dev.csv": PERSENT_CSV, "random_test.csv": "held out\n"}
        ),
        "babe": _write(tmp_path / "babe", {"data/final_labels_SG2.csv": BABE_CSV}),
        "polnear": _write(
            tmp_path / "polnear",
            {
                "data/metadata.tsv": POLNEAR_META,
                "data/train/text/nyt_2016-01-02_a.txt": POLNEAR_TEXT,
                "data/train/attributions/nyt_2016-01-02_a_a1.ann": POLNEAR_ANN_A1,
                "data/train/attributions/nyt_2016-01-02_a_b1.ann": POLNEAR_ANN_B1,
                "data/dev/text/nyt_2016-10-02_d.txt": "Title D\n\nHeld out.\n",
                "data/dev/attributions/nyt_2016-10-02_d_a1.ann": "",
            },
        ),
    }


@pytest.fixture
def cache(tmp_path, monkeypatch):
    root = tmp_path / "cache"
    monkeypatch.setenv(corpora.ENV_VAR, str(root))
    return root


@pytest.fixture
def filled(sources, cache):
    setup_corpora.setup(sources)
    return cache


def _files(root):
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_setup_copies_only_the_development_parts(filled):
    assert _files(filled) == [
        "babe/PROVENANCE.json",
        "babe/final_labels_SG2.csv",
        "persent/PROVENANCE.json",
        "persent/dev.csv",
        "polnear/PROVENANCE.json",
        "polnear/metadata.tsv",
        "polnear/train/attributions/nyt_2016-01-02_a_a1.ann",
        "polnear/train/attributions/nyt_2016-01-02_a_b1.ann",
        "polnear/train/text/nyt_2016-01-02_a.txt",
        "ptc/PROVENANCE.json",
        "ptc/train-articles/article10.txt",
        "ptc/train-articles/article2.txt",
        "ptc/train-labels-task2-technique-classification/article10.task2-TC.labels",
        "ptc/train-labels-task2-technique-classification/article2.task2-TC.labels",
    ]
    assert "dev\t" not in (filled / "polnear/metadata.tsv").read_text()  # train rows only
    assert (filled / "babe/final_labels_SG2.csv").read_bytes() == BABE_CSV.encode()


def test_setup_says_a_plain_folder_is_not_checked(sources, cache, capsys):
    assert setup_corpora.main(["--persent", str(sources["persent"])]) == 0
    assert capsys.readouterr().out == (
        f"persent: 2 dev documents -> {cache / 'persent'} "
        "(plain folder: commit NOT checked (pinned 852b83db1dfd))\n"
    )


def test_ptc_reader_keeps_even_ids_and_exact_spans(filled):
    # a held-out article put into the cache by hand is still not read
    (filled / "ptc/train-articles/article5.txt").write_text("Odd\n\nNo.\n")
    articles = corpora.ptc_articles()
    assert [a.id for a in articles] == [2, 10]
    first = articles[0]
    assert first.spans == (
        corpora.PtcSpan(14, 31, "Loaded_Language"),
        corpora.PtcSpan(23, 31, "Name_Calling,Labeling"),
    )
    assert first.text[23:31] == "traitors"
    assert articles[1].spans == ()


def test_ptc_label_outside_the_text_is_an_error(filled):
    labels = filled / "ptc/train-labels-task2-technique-classification/article10.task2-TC.labels"
    labels.write_text("10\tSlogans\t5\t500\n")
    with pytest.raises(ValueError, match=r"article10\.task2-TC\.labels, line 1: span 5-500"):
        corpora.ptc_articles()


def test_persent_dev_as_in_the_csv(filled):
    frame = corpora.persent_dev()
    assert list(frame["DOCUMENT_INDEX"]) == [7, 9]
    assert list(frame["TARGET_ENTITY"]) == ["Jane Roe", "John Doe"]
    assert list(frame["TRUE_SENTIMENT"]) == ["Positive", "Negative"]
    assert frame.loc[0, "DOCUMENT"] == 'Jane Roe won.\n "Great" she said.'
    assert frame.loc[1, "Paragraph1"] == ""


def test_babe_keeps_even_rows_with_their_word_lists(filled):
    frame = corpora.babe_sentences()
    assert list(frame["row"]) == [0, 2, 4]
    assert list(frame["text"]) == ['A "radical" plan.', "A calm report.", "Bizarre, crooked deal."]
    assert list(frame["label"]) == ["Biased", "Non-biased", "Biased"]
    assert list(frame["biased_words"]) == [["radical"], [], ["bizarre", "crooked"]]
    assert list(frame["outlet"]) == ["Outlet A", "Outlet C", "Outlet E"]


def test_polnear_attributions_with_offsets(filled):
    (article,) = corpora.polnear_train()
    assert (article.name, article.outlet, article.title, article.annotator) == (
        "nyt_2016-01-02_a", "nyt", "Title A", "b1"
    )  # fmt: skip  # b1 is listed first in metadata.tsv
    assert [a.id for a in article.attributions] == ["E1"]
    a1 = next(a for a in corpora.polnear_train(all_annotators=True) if a.annotator == "a1")
    first, second = a1.attributions
    assert (first.source.text, first.cue.text, first.content.text) == (
        "Smith",
        "said",
        'the plan "will fail."',
    )
    assert POLNEAR_TEXT[first.content.start : first.content.end] == 'the plan "will fail."'
    assert second.source is None
    assert second.cue.text == "added"
    assert second.content.fragments == ((42, 58), (71, 74), (75, 81))  # Content + Content2
    assert second.content.text == "Later:\n\nThe aide was right."
    assert (second.content.start, second.content.end) == (42, 81)


@pytest.mark.parametrize(
    "line, problem",
    [
        ("T1\tSource 9 14\tSmyth\n", "T1 says 'Smyth' but the text at 9 14 is 'Smith'"),
        ("T1\tSource 9 400\tSmith\n", "offsets 9-400 lie outside"),
        ("E1\tAttribution:T9 Source:T9\n", "E1 names T9, which is not a span"),
    ],
)
def test_polnear_offsets_are_checked(line, problem):
    with pytest.raises(ValueError, match="x.ann, line 1: " + problem.replace("(", r"\(")):
        corpora.parse_brat(line, POLNEAR_TEXT, where="x.ann")


def test_every_development_text(filled):
    assert [(c, i) for c, i, _ in corpora.iter_all_dev_texts()] == [
        ("ptc", "article2"),
        ("ptc", "article10"),
        ("persent", "7"),
        ("persent", "9"),
        ("babe", "row0"),
        ("babe", "row2"),
        ("babe", "row4"),
        ("polnear", "nyt_2016-01-02_a"),
    ]
    assert next(corpora.iter_all_dev_texts(["polnear"]))[2] == POLNEAR_TEXT
    with pytest.raises(ValueError, match="unknown corpus"):
        list(corpora.iter_all_dev_texts(["ptc-test"]))


@pytest.mark.parametrize(
    "reader, corpus",
    [
        (corpora.ptc_articles, "ptc"),
        (corpora.persent_dev, "persent"),
        (corpora.babe_sentences, "babe"),
        (corpora.polnear_train, "polnear"),
    ],
)
def test_missing_cache_says_to_run_setup(cache, reader, corpus):
    expected = (
        rf"is missing: the {corpus} corpus is not in the peer cache\. Set it up once from a "
        rf"local copy with: python benchmarks/peer/setup_corpora\.py --{corpus} DIR"
    )
    with pytest.raises(corpora.CacheMissingError, match=expected):
        reader()


def test_bench_without_cache_is_one_clear_error(cache, capsys):
    assert bench_real_news.main(["--corpus", "babe"]) == 2
    assert "babe corpus is not in the peer cache" in capsys.readouterr().err


def test_setup_errors_name_the_folder_and_problem(sources, cache, tmp_path, capsys):
    assert setup_corpora.main(["--ptc", str(tmp_path / "nowhere")]) == 2
    assert "--ptc " + str(tmp_path / "nowhere") + ": no such folder" in capsys.readouterr().err
    with pytest.raises(setup_corpora.SetupError, match="datasets/train-articles not found"):
        setup_corpora.setup({"ptc": sources["babe"]})
    with pytest.raises(setup_corpora.SetupError, match="is a file"):
        setup_corpora.setup({"persent": sources["persent"] / "dev.csv"})
    with pytest.raises(setup_corpora.SetupError, match="give at least one"):
        setup_corpora.setup({})
    assert not cache.exists()  # nothing written when a source is wrong


def _git(*args, cwd):
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@t",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@t",
    }
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_setup_from_a_bare_git_dir_checks_the_pinned_commit(sources, cache, tmp_path, monkeypatch):
    work = sources["ptc"]
    _git("init", "-q", cwd=work)
    _git("add", ".", cwd=work)
    _git("commit", "-q", "-m", "data", cwd=work)
    commit = _git("rev-parse", "HEAD", cwd=work)
    _git("rm", "-q", "-r", "datasets", cwd=work)  # as PTC did: the data gone at the tip
    _git("commit", "-q", "-m", "remove datasets", cwd=work)
    bare = tmp_path / "mirror" / "repo"
    _git("clone", "-q", "--bare", str(work), str(bare), cwd=tmp_path)
    with pytest.raises(setup_corpora.SetupError, match="without the pinned commit adc9dcd88c3d"):
        setup_corpora.setup({"ptc": bare})
    pin = setup_corpora.PINS["ptc"]
    monkeypatch.setitem(setup_corpora.PINS, "ptc", setup_corpora.Pin(pin.repo, commit, pin.paths))
    done = setup_corpora.setup({"ptc": bare})
    assert done["ptc"]["commit_verified"] and done["ptc"]["count"] == 2
    assert [a.id for a in corpora.ptc_articles()] == [2, 10]
    assert corpora.ptc_articles()[0].text == PTC_TEXT[2]


def test_bench_time_budget_kills_a_hanging_article(monkeypatch):
    def fake_analyze(article):
        if "HANG" in article.text:
            while True:
                pass
        if "BAD" in article.text:
            raise ValueError("bad input\nsecond line")
        return helpers.analyze(article)  # lazy: the benchmark computes its tables

    monkeypatch.setattr(bench_real_news, "analyze", fake_analyze)  # inherited by the fork
    jobs = [
        bench_real_news.Job("ptc", "a", "H\n\nFine."),
        bench_real_news.Job("ptc", "b", "H\n\nHANG"),
        bench_real_news.Job("babe", "c", "BAD"),
    ]
    results = bench_real_news.run(jobs, workers=2, timeout=1.0, progress=False)
    status = {r.doc_id: (r.status, r.error) for r in results}
    assert status == {
        "a": ("ok", ""),
        "b": ("timeout", ""),
        "c": ("error", "ValueError: bad input"),
    }


@pytest.mark.parametrize(
    "module", [corpora, setup_corpora, bench_real_news], ids=lambda m: m.__name__
)
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


def test_bench_report_and_csv_round_trip(tmp_path):
    Result = bench_real_news.Result
    results = [
        Result("seed", "seed-0", 2000, "ok", 0.10),
        Result("seed", "seed-1", 2000, "ok", 0.30),
        Result("ptc", "article2", 4000, "ok", 0.40),
        Result("ptc", "article4", 1000, "timeout", 60.0),
        Result("babe", "row0", 200, "error", 0.0, "ValueError: bad input"),
        Result("babe", "row2", 100, "ok", 0.05),
    ]
    text, seed = bench_real_news.report(results)
    assert seed == pytest.approx(0.1)  # median of 0.05 and 0.15 s per 1,000 characters
    lines = text.splitlines()
    assert lines[0].startswith("seed (putin-kim-summit-2023.md): 0.20 s, 0.100 s per 1,000")
    assert lines[3].split() == ["ptc", "2", "1", "0", "1", "5,000", "0"]
    assert lines[4].split() == ["babe", "2", "1", "1", "0", "300", "0"]
    assert "  babe row0: ValueError: bad input" in lines
    assert "  ptc article4 (1,000 characters)" in lines
    assert "texts of 1,000 characters or more: 1, of which 0 cost more than 5 x the seed" in text
    path = bench_real_news.write_csv(results, seed, tmp_path)
    assert bench_real_news.read_csv(path) == results
    assert bench_real_news.report(bench_real_news.read_csv(path))[0] == text
