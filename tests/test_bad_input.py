"""Bad input, everywhere it can enter: a matrix of awkward article files × every entry point.

Entry points: ``load_article``; every public function of ``helpers`` that takes an article
(found by introspecting ``helpers.__all__``, so a new function is covered automatically);
``analyze_corpus``; the command line (``python -m helpers analyze`` and ``report``); and
``make report ARTICLE=…``. Each input gives either the right result (tables with the same
columns as on a normal article) or ONE clear error naming the file and the problem (an
``ArticleError``; on the command line one ``error: <file>: <problem>`` line and a non-zero
exit, no traceback). No input may hang, and no input file is ever modified or deleted.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import random
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

import helpers
from helpers import (
    HTML,
    Analysis,
    Article,
    ArticleError,
    analyze,
    analyze_corpus,
    load_article,
    split_sentences,
)
from helpers.analysis import TABLE_NAMES

from .conftest import FIXTURES, ROOT

#: Only a guard against a hang, never a speed assertion (the 5 MB analysis takes minutes).
HANG_GUARD = 1800


# ----------------------------------------------------------------------------------------
# The inputs
# ----------------------------------------------------------------------------------------
def _fixture_sentences() -> list[str]:
    """Real-ish news sentences: every sentence of the annotated fixture articles."""
    out = []
    for path in sorted((FIXTURES / "quotes").glob("*/*.md")):
        if path.name != "README.md":
            for p in load_article(path).paragraphs:
                out += [p[a:b] for a, b in split_sentences(p)]
    return out


def long_article_text(n_bytes: int, *, seed: int = 8) -> str:
    """A headline and paragraphs of 1 to 4 real-ish sentences until ``n_bytes`` (UTF-8)."""
    rng, pool = random.Random(seed), _fixture_sentences()
    paragraphs, size = [], 0
    while size < n_bytes:
        paragraph = " ".join(rng.choice(pool) for _ in range(rng.randint(1, 4)))
        paragraphs.append(paragraph)
        size += len(paragraph.encode()) + 2
    return "A long day of news | World | News\n\n" + "\n\n".join(paragraphs) + "\n"


def one_line_paragraphs_text(n: int, *, seed: int = 10) -> str:
    """A headline, then ``n`` lines with no blank line between them: one paragraph each."""
    rng = random.Random(seed)
    pool = [s for s in _fixture_sentences() if len(s) <= 60]
    return "Ten thousand lines\n\n" + "\n".join(rng.choice(pool) for _ in range(n)) + "\n"


def _png_garbage() -> bytes:
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    return header + random.Random(8).randbytes(4096)


@dataclass(frozen=True)
class Case:
    content: bytes | Callable[[], bytes] | None  # None: no file (missing, or a folder)
    problem: str | None = None  # the error's problem text; None: the input must work
    suffix: str = ".md"
    folder: bool = False
    big: bool = False  # too big to call every function on separately (see the tests)


_QUOTES = "“Minister Jane Okafor said the plan would “save lives”, and added: “We will not stop."
CASES: dict[str, Case] = {
    "missing": Case(None, "no such file"),
    "directory": Case(None, "is a directory", folder=True),
    "empty": Case(b"", "is empty"),
    "whitespace_only": Case(b" \n\t\n  \r\n", "is empty"),
    "headline_only": Case(b"Just a headline | World | News\n", "no body paragraphs"),
    "latin_1": Case(
        "Caf\xe9 owners protest\n\nThe caf\xe9 in the march\xe9 closed.".encode("latin-1"),
        "it looks like Latin-1",
    ),
    "windows_1252": Case(
        "Mayor speaks\n\n“We will rebuild,” she said – and she meant it.".encode("cp1252"),
        "it looks like Windows-1252",
    ),
    "binary_png": Case(_png_garbage(), "looks like a binary file"),
    "binary_no_nul": Case(
        bytes(random.Random(9).randrange(0x80, 0x100) for _ in range(2048)), "is not valid UTF-8"
    ),  # fmt: skip
    "five_mb": Case(lambda: long_article_text(5_000_000).encode(), big=True),
    "ten_thousand_lines": Case(lambda: one_line_paragraphs_text(10_000).encode(), big=True),
    "unbalanced_quotes": Case(
        f"Talks stall\n\n{_QUOTES}\n\nCritics were unmoved” by the offer, officials said.\n\n"
        "“Another one never closed, she said.".encode()
    ),
    "nested_mixed_quotes": Case(
        "Quotes within quotes\n\n“He told me ‘never again’ and left,” said Ana Ruiz, a nurse.\n\n"
        "\"She said 'it's fine' twice,\" Tom Reyes told reporters. It's the 'new normal'.\n\n"
        "‘We heard “stop” and ran,’ a witness said. \"Mixed ’marks” here'.".encode()
    ),
    "single_quotes": Case(
        "Row over budget\n\n‘We will not accept this,’ said Jane Okafor, the finance minister.\n\n"
        "‘It is a disgrace,’ she added. Officials called it ‘regrettable’.".encode()
    ),
    "no_quotes": Case(
        b"Council meets\n\nThe council met on Tuesday. It approved the budget after a debate."
    ),
    "no_final_punctuation": Case(
        "Lines without stops\n\nThe council met on Tuesday and nothing was decided\n\n"
        "Jane Okafor said the plan would fail\n\n“We will see” said a spokesman".encode()
    ),
    "punctuation_only_body": Case("Nothing to read\n\n* * *\n\n—\n\n…".encode()),
    "unclosed_front_matter": Case(b"---\ntitle: T\noutlet: X\n\nBody.", "never closed"),
    "front_matter_list": Case(b"---\n- a\n- b\n---\nBody.", "must be a mapping"),
    "front_matter_invalid_yaml": Case(
        b"---\ntitle: [unclosed\nkey: : :\n---\nBody.", "malformed YAML front matter"
    ),
    "front_matter_hostile": Case(None, "malformed YAML front matter"),  # made in the fixture
    "front_matter_unknown_keys": Case(
        b"---\ntitle: Fine\nweird_key: {a: [1, 2]}\nanother: 3.5\n---\nThe council met today.\n"
    ),
    "french": Case(
        "Le maire promet « une ville plus verte »\n\n« Nous allons planter mille arbres », a "
        "déclaré le maire, Jean Dupont, mardi. L’opposition a dénoncé « une promesse creuse ».\n\n"
        "Selon la préfecture, les travaux commenceront en mai.".encode()
    ),
    "german": Case(
        "Bürgermeisterin verspricht mehr Grün\n\n„Wir pflanzen tausend Bäume“, sagte "
        "Bürgermeisterin Anna Müller am Dienstag. Die Opposition sprach von „leeren "
        "Versprechen“.\n\nLaut Stadtverwaltung beginnen die Arbeiten im Mai.".encode()
    ),
    "greek_and_japanese": Case(
        "Ο δήμαρχος υπόσχεται πράσινη πόλη\n\n«Θα φυτέψουμε χίλια δέντρα», δήλωσε ο δήμαρχος "
        "Γιάννης Παπαδόπουλος την Τρίτη.\n\n"
        "市長は「千本の木を植える」と述べた。野党は「空約束だ」と批判した。"
        "\n\n東京都の発表によると、工事は五月に始まる。".encode()
    ),
}
OK = sorted(n for n, c in CASES.items() if c.problem is None and not c.big)
BAD = sorted(n for n, c in CASES.items() if c.problem is not None)
BIG = sorted(n for n, c in CASES.items() if c.big)


def _digest(folder: Path) -> dict[str, str]:
    """Every entry under ``folder`` (files and folders) with a hash of each file's bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        if p.is_file()
        else "folder"
        for p in sorted(folder.rglob("*"))
    }


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    paths = {}
    for name, case in CASES.items():
        path = folder / f"{name}{case.suffix}"
        if case.folder:
            path.mkdir()
            (path / "inside.md").write_text("Headline\n\nBody.", encoding="utf-8")
        elif case.content is not None:
            path.write_bytes(case.content() if callable(case.content) else case.content)
        paths[name] = path
    # the payload would create this file if the YAML loader executed tags
    marker = tmp_path_factory.mktemp("hostile") / "EXECUTED"
    paths["front_matter_hostile"].write_text(
        f"---\ntitle: !!python/object/apply:os.system\n  - 'touch {marker}'\n---\nBody text.\n",
        encoding="utf-8",
    )
    paths["_marker"] = marker
    return paths


@pytest.fixture(autouse=True)
def inputs_untouched(inputs):
    """After every test: the input folder holds the same entries with the same bytes."""
    folder = inputs["empty"].parent
    before = _digest(folder)
    yield
    assert _digest(folder) == before
    assert not inputs["_marker"].exists(), "a YAML tag in the front matter was executed"


def test_start_the_five_mb_analysis(five_mb_cli):
    """First in the file: the 5 MB analysis runs in the background while the rest runs."""
    process, _out = five_mb_cli
    assert process.pid > 0


# ----------------------------------------------------------------------------------------
# load_article
# ----------------------------------------------------------------------------------------
def assert_clear_error(exc: ArticleError, path: Path, problem: str) -> None:
    assert exc.path == str(path)
    assert problem in exc.problem
    assert str(exc) == f"{path}: {exc.problem}"
    assert "\n" not in str(exc)


@pytest.mark.parametrize("name", BAD)
def test_load_article_gives_one_clear_error(inputs, name):
    path = inputs[name]
    with pytest.raises(ArticleError) as info:
        load_article(path)
    assert_clear_error(info.value, path, CASES[name].problem)
    assert info.value.__cause__ is None  # raised at the boundary, not leaked from inside


@pytest.mark.parametrize("name", OK + BIG)
def test_load_article_reads_the_odd_but_valid_inputs(inputs, name):
    article = load_article(inputs[name])
    assert article.title and article.paragraphs
    assert all(p == p.strip() and p for p in article.paragraphs)
    assert article.path == str(inputs[name])


def test_load_article_specifics(inputs):
    assert len(load_article(inputs["ten_thousand_lines"]).paragraphs) == 10_000
    assert inputs["five_mb"].stat().st_size >= 5_000_000
    unknown = load_article(inputs["front_matter_unknown_keys"])
    assert unknown.meta["weird_key"] == {"a": [1, 2]} and unknown.title == "Fine"
    assert load_article(inputs["greek_and_japanese"]).paragraphs[1].startswith("市長は")


# ----------------------------------------------------------------------------------------
# Every public function that takes an article
# ----------------------------------------------------------------------------------------
#: Extra arguments for functions that need more than the article (by name).
EXTRA_ARGS = {
    "annotated_terms": lambda a: (helpers.find_loaded_terms(a),),
    "annotated_voices": lambda a: (helpers.voices(a),),
}


def _first_parameter(function) -> inspect.Parameter | None:
    parameters = list(inspect.signature(function).parameters.values())
    return parameters[0] if parameters else None


def _takes_an_article(name: str) -> bool:
    function = getattr(helpers, name)
    first = _first_parameter(function) if inspect.isfunction(function) else None
    return first is not None and first.name == "article"


ARTICLE_FUNCTIONS = sorted(n for n in helpers.__all__ if _takes_an_article(n))
#: Functions whose first parameter is an article *file* (a path).
PATH_FUNCTIONS = sorted(
    n
    for n in helpers.__all__
    if inspect.isfunction(getattr(helpers, n))
    and (p := _first_parameter(getattr(helpers, n))) is not None
    and p.name == "path"
)


def _call(name: str, article):
    function = getattr(helpers, name)
    extra = EXTRA_ARGS.get(name, lambda a: ())(article)
    required = [
        p
        for p in list(inspect.signature(function).parameters.values())[1 + len(extra) :]
        if p.default is p.empty and p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]
    assert not required, f"{name} needs {required}: add sensible arguments to EXTRA_ARGS"
    return function(article, *extra)


def test_the_introspection_finds_the_public_functions():
    assert {"analyze", "extract_quotes", "voices", "stance_table", "frame_scores"} <= set(
        ARTICLE_FUNCTIONS
    )
    assert "score_article" in PATH_FUNCTIONS and "load_article" in PATH_FUNCTIONS


@pytest.fixture(scope="module")
def normal_results(seed) -> dict[str, object]:
    """What every function returns on the seed article: the shape a bad input must keep."""
    return {name: _call(name, seed) for name in ARTICLE_FUNCTIONS}


def _same_shape(result, normal, where: str) -> None:
    assert type(result) is type(normal), where
    if isinstance(result, pd.DataFrame):
        assert list(result.columns) == list(normal.columns), where
    elif isinstance(result, Analysis):
        assert tuple(result.tables) == TABLE_NAMES, where
        for table in TABLE_NAMES:
            _same_shape(result[table], normal[table], f"{where}[{table!r}]")
    elif isinstance(result, HTML):
        assert "<script" not in result, where


def _check_offsets(article: Article, table: pd.DataFrame) -> None:
    """Where a table has ``paragraph, start, end`` and ``text``, they index the paragraph."""
    if not {"paragraph", "start", "end"} <= set(table.columns):
        return
    for row in table.itertuples():
        paragraph = article.title if row.paragraph == -1 else article.paragraphs[row.paragraph]
        assert 0 <= row.start <= row.end <= len(paragraph), row


@pytest.mark.parametrize("function", ARTICLE_FUNCTIONS)
@pytest.mark.parametrize("name", OK)
def test_every_function_works_on_odd_valid_inputs(inputs, normal_results, name, function):
    article = load_article(inputs[name])
    result = _call(function, article)
    _same_shape(result, normal_results[function], f"{function}({name})")
    if isinstance(result, pd.DataFrame):
        _check_offsets(article, result)


def test_a_headline_only_article_object_gives_empty_tables(normal_results):
    """``load_article`` refuses a file with no body, but an ``Article`` made by hand may
    have none: every function still answers, with the usual columns."""
    article = Article("h", "Minister slams ‘disgraceful’ plan", None, None, None, None, ())
    for function in ARTICLE_FUNCTIONS:
        _same_shape(_call(function, article), normal_results[function], function)
    tables = analyze(article)
    assert tables["quotes"].empty and tables["stance"].empty
    assert set(tables["voices"].paragraph) == {-1}  # the headline only
    assert list(tables["loaded_terms"].paragraph) == [-1] * len(tables["loaded_terms"])


@pytest.mark.parametrize("function", ["analyze", *PATH_FUNCTIONS])
@pytest.mark.parametrize("name", BAD)
def test_functions_taking_a_path_give_the_loaders_error(inputs, name, function):
    with pytest.raises(ArticleError) as info:
        getattr(helpers, function)(inputs[name])
    assert_clear_error(info.value, inputs[name], CASES[name].problem)


@pytest.mark.parametrize("name", OK)
def test_analyze_takes_the_path_too(inputs, name):
    assert tuple(analyze(inputs[name]).tables) == TABLE_NAMES


def test_score_article_without_an_annotation_names_the_missing_file(inputs):
    path = inputs["no_quotes"]
    with pytest.raises(FileNotFoundError, match="no_quotes.expected.yaml"):
        helpers.score_article(path)


def test_the_ten_thousand_line_article_is_analysed(inputs, normal_results):
    article = load_article(inputs["ten_thousand_lines"])
    result = analyze(article)
    _same_shape(result, normal_results["analyze"], "analyze(ten_thousand_lines)")
    assert set(result["voices"].paragraph) == set(range(-1, 10_000))  # -1: the headline
    _check_offsets(article, result["quotes"])
    _check_offsets(article, result["loaded_terms"])


def test_analyze_corpus_skips_every_bad_file_with_its_error(inputs, tmp_path):
    paths = [inputs[n] for n in [*BAD, "no_quotes", "single_quotes"]]
    result = analyze_corpus(paths, workers=1, progress=False, tables=["quotes", "sentences"])
    errors = dict(zip(result.errors["path"], result.errors["error"], strict=True))
    assert set(errors) == {str(inputs[n]) for n in BAD}
    for name in BAD:
        assert CASES[name].problem in errors[str(inputs[name])]
    assert set(result["quotes"].article) <= {"no_quotes", "single_quotes"}
    assert set(result["sentences"].article) == {"no_quotes", "single_quotes"}


# ----------------------------------------------------------------------------------------
# The command line and make
# ----------------------------------------------------------------------------------------
def _run(args: list, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, cwd=ROOT, timeout=HANG_GUARD,
        **kwargs,
    )  # fmt: skip


def _assert_one_error_line(stderr: str, path: Path, problem: str) -> None:
    lines = [line for line in stderr.splitlines() if line.startswith(f"error: {path}: ")]
    assert len(lines) == 1, stderr
    assert problem in lines[0]


@pytest.fixture(scope="module")
def cli_analyze(inputs, tmp_path_factory):
    """One ``python -m helpers analyze`` over every small input at once (it goes on after
    a bad file): the slow start-up of a Python process is paid once."""
    out = tmp_path_factory.mktemp("cli-out")
    names = BAD + OK
    result = _run([sys.executable, "-m", "helpers", "analyze", *(inputs[n] for n in names),
                   "--tables", "all", "--format", "json", "--out", out])  # fmt: skip
    return result, out


# on the command line a folder stands for the articles in it (tested below)
@pytest.mark.parametrize("name", [n for n in BAD if n != "directory"])
def test_cli_analyze_bad_file_gives_one_error_line(inputs, cli_analyze, name):
    result, _out = cli_analyze
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    _assert_one_error_line(result.stderr, inputs[name], CASES[name].problem)


def test_cli_analyze_reads_a_folder_and_refuses_an_empty_one(inputs, cli_analyze, tmp_path):
    result, out = cli_analyze
    assert f"error: {inputs['directory']}" not in result.stderr
    assert (out / "inside.json").is_file()  # the article inside the folder was analysed
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    done = _run([sys.executable, "-m", "helpers", "analyze", str(empty), "--out", str(tmp_path)])
    assert done.returncode == 1 and "Traceback" not in done.stderr
    _assert_one_error_line(done.stderr, empty, "is a directory with no .md or .txt article")


@pytest.mark.parametrize("name", OK)
def test_cli_analyze_writes_every_table(inputs, cli_analyze, name):
    result, out = cli_analyze
    assert re.search(r"^\d+ of \d+ articles analysed -> ", result.stdout, re.M)
    assert f"error: {inputs[name]}:" not in result.stderr
    slug = load_article(inputs[name]).slug
    data = json.loads((out / f"{slug}.json").read_text(encoding="utf-8"))
    assert tuple(data["tables"]) == TABLE_NAMES
    assert data["article"]["path"] == str(inputs[name])


@pytest.fixture(scope="module")
def five_mb_cli(inputs, tmp_path_factory):
    """The full analysis of the 5 MB article, once, in a process of its own: started early
    (see the first test below) so that it runs beside the other tests on a second core."""
    out = tmp_path_factory.mktemp("five-mb-out")
    process = subprocess.Popen(
        [sys.executable, "-m", "helpers", "analyze", str(inputs["five_mb"]), "--out", str(out),
         "--tables", "all"],  # fmt: skip
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    yield process, out
    if process.poll() is None:  # the test did not get to wait for it (e.g. -x, or -k)
        process.kill()
        process.wait()


@pytest.mark.parametrize("name", ["missing", "windows_1252", "front_matter_hostile"])
def test_cli_report_bad_file_gives_one_error_line_and_writes_nothing(inputs, tmp_path, name):
    out = tmp_path / "reports"
    result = _run([sys.executable, "-m", "helpers", "report", inputs[name], "--out", out])
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    # the report resolves the path, so the error names the absolute file
    _assert_one_error_line(result.stderr, inputs[name].resolve(), CASES[name].problem)
    assert len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_make_report_on_a_binary_file(inputs, tmp_path):
    out = tmp_path / "reports"
    # this interpreter, and no reinstall even if pyproject.toml is newer than the stamp
    python_bin = Path(sys.executable).parent
    article = inputs["binary_png"]
    result = _run(["make", "--no-print-directory", "-o", ".venv/.installed", "report",
                   f"ARTICLE={article}", f"OUT={out}", f"BIN={python_bin}"])  # fmt: skip
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    _assert_one_error_line(result.stderr, inputs["binary_png"].resolve(), "binary file")
    assert not out.exists()


def test_the_five_mb_article_is_analysed_on_the_command_line(inputs, five_mb_cli):
    process, out = five_mb_cli
    stdout, stderr = process.communicate(timeout=HANG_GUARD)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert stdout.startswith("1 of 1 articles analysed -> ")
    folder = out / load_article(inputs["five_mb"]).slug
    assert sorted(p.stem for p in folder.glob("*.csv")) == sorted(TABLE_NAMES)
    n = len(load_article(inputs["five_mb"]).paragraphs)
    assert set(pd.read_csv(folder / "voices.csv").paragraph) == set(range(-1, n))
    assert set(pd.read_csv(folder / "sentences.csv").paragraph) == set(range(-1, n))
    assert len(pd.read_csv(folder / "quotes.csv")) > 1000
