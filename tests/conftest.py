"""Shared fixtures: the seed article, and a private cache so tests never touch ~/.cache."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import DEFAULT_ARTICLE, load_article

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_TXT = FIXTURES / "000_a345f3a04e4062ef.txt"


# --- Test tiers: `make test` runs everything (as CI does); `make test-fast` leaves out the
# tests marked slow, browser or jupyterlab (under a minute, for the edit-test loop).
# A test is marked by what it costs, measured with `pytest --durations=0` on the full suite:
#   slow        a second or more: executes notebooks, starts Python processes, analyses the
#               5 MB article, times growth, or sweeps hundreds of inputs or sentences
#   browser     drives headless Chromium (playwright)
#   jupyterlab  starts a JupyterLab server
# Whole files are marked with `pytestmark` (test_growth.py, test_jupyterlab.py); tests that
# use a costly fixture are marked by the rule below; single tests by name in SLOW_TESTS.

#: Fixtures that make any test using them cost what they cost.
FIXTURE_MARKS = {
    "seed_reports": ("slow",),  # every notebook executed on the seed (a report build)
    "hostile_reports": ("slow",),
    "plain_reports": ("slow", "browser"),  # a build with PDFs, printed by Chromium
    "five_mb_cli": ("slow",),  # test_bad_input.py: the 5 MB article analysed in a process
    "cli_analyze": ("slow",),  # test_bad_input.py: one process over every input
    "browser": ("browser",),  # test_browser.py, test_xray.py: one headless Chromium
}

#: Single tests (file -> test function names) that take a second or more on their own.
SLOW_TESTS = {
    "test_analysis.py": {
        "test_lazy_tables_are_exactly_the_eager_ones",  # every table of every article, twice
        "test_command_line_json",
        "test_command_line_goes_on_after_a_bad_file",
        "test_a_fresh_process_gives_the_same_tables",
    },
    "test_bad_input.py": {
        # a sweep: every public function on every odd input, 320 cases, ~15 s (most of it
        # the autouse check that hashes the input folder, 5 MB article included, twice a test)
        "test_every_function_works_on_odd_valid_inputs",
        "test_cli_report_bad_file_gives_one_error_line_and_writes_nothing",
        "test_make_report_on_a_binary_file",
        "test_the_ten_thousand_line_article_is_analysed",
    },
    "test_budget.py": {
        "test_analyze_corpus_skips_an_article_over_its_budget",  # waits for a time-out
        "test_the_command_line_reports_a_time_out_and_goes_on",
    },
    "test_analysis_cache.py": {"test_the_report_notebooks_read_the_one_analysis"},
    "test_check_regexes.py": {"test_the_suite_has_no_backtracking_pattern"},
    "test_corpus.py": {
        "test_dask_local_cluster_gives_the_same_tables",
        "test_unknown_tables_are_refused_by_name",
        "test_command_line_corpus_mode_on_a_folder",
        "test_command_line_writes_the_asked_tables",
        "test_command_line_parquet_needs_pyarrow",
    },
    "test_course.py": {"test_make_student_writes_every_notebook_without_solutions"},
    "test_make_lab.py": {
        "test_make_lab_starts_as_root_and_answers",
        "test_the_control_jupyter_refuses_root_without_the_flag",
    },
    "test_notebooks.py": {
        "test_concurrent_reports_are_the_serial_ones_byte_for_byte",
        "test_a_failing_notebook_among_concurrent_ones_is_named",
        "test_command_line_reports_a_bad_article_clearly",
        "test_command_line_refuses_zero_jobs",
    },
    "test_peer_readers.py": {"test_bench_time_budget_kills_a_hanging_article"},
    "test_properties.py": {
        "test_attribution_tables_are_consistent",
        "test_lexicon_and_sentiment_tables_are_consistent",
    },
    "test_resources.py": {
        "test_importing_helpers_writes_nothing",
        "test_vader_works_offline_from_the_shipped_lexicon",
        "test_sentence_splitting_needs_no_nltk_data",
    },
    "test_vader.py": {  # sweeps against NLTK's VADER (the rule cases stay fast)
        "test_generated_sentences_100k",  # 100,000 sentences: ~20 s
        "test_generated_sentences",  # 8,000 sentences: 1-3 s
        "test_every_article_sentence",  # every sentence of 60+ articles: 1-3 s
    },
    "test_web.py": {"test_nothing_is_fetched_at_import_or_analysis_time"},
}
#: test_make_lab.py's two servers are JupyterLab's, not only slow
JUPYTERLAB_TESTS = {"test_make_lab.py": SLOW_TESTS["test_make_lab.py"]}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(config, items):
    """Mark each collected test by its cost (see FIXTURE_MARKS, SLOW_TESTS)."""
    listed: dict[Path, set[str]] = {}
    for item in items:
        path = Path(str(item.path))
        name = getattr(item, "originalname", item.name)
        for fixture in item.fixturenames:
            for mark in FIXTURE_MARKS.get(fixture, ()):
                item.add_marker(mark)
        if name in SLOW_TESTS.get(path.name, ()):
            item.add_marker("slow")
        if name in JUPYTERLAB_TESTS.get(path.name, ()):
            item.add_marker("jupyterlab")
        if path.name in SLOW_TESTS and path.parent == ROOT / "tests":
            listed.setdefault(path, SLOW_TESTS[path.name])
    for path, names in listed.items():  # a renamed test must not leave the slow tier silently
        source = path.read_text(encoding="utf-8")
        stale = sorted(n for n in names if f"def {n}(" not in source)
        if stale:
            raise pytest.UsageError(f"tests/conftest.py SLOW_TESTS: {path.name} has no {stale}")


@pytest.fixture(scope="session")
def seed():
    return load_article(DEFAULT_ARTICLE)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: to prove that nothing was written."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


SEED_ARTICLE = ROOT / "data/articles/putin-kim-summit-2023.md"


# --- Report builds: every notebook on one article, through the command line ------------------
# Three builds (the seed, a hostile article, an article nobody speaks in) are shared by the
# notebook, browser, PDF and JupyterLab tests. Each is slow (7 kernels), so the builds the
# collected tests need start in the background when the session starts and run beside the
# unit tests; a fixture waits for its build only when a test first needs it.


@dataclass
class ReportBuild:
    article: Path
    out: Path
    args: list[str]
    process: subprocess.Popen | None = None
    unavailable: str = ""  # why the build cannot run (no Chromium for PDFs)

    def start(self) -> None:
        self.out.mkdir(parents=True, exist_ok=True)
        with (self.out / "build.log").open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "helpers", "report", str(self.article)]
                + ["--out", str(self.out), *self.args],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # a group of its own, stopped whole at teardown
            )

    def wait(self, timeout: float = 1200) -> list:
        """The results once the build has finished (started now if it was not)."""
        from helpers.report import ReportResult, notebook_paths

        if self.unavailable:
            pytest.fail(f"the PDF tests need Chromium: {self.unavailable}")
        if self.process is None:
            self.start()
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            pytest.fail(f"the report build of {self.article.name} took over {timeout:.0f} s")
        assert code == 0, f"report build failed:\n{self.log()[-4000:]}"
        target = self.out / load_article(self.article).slug
        return [
            ReportResult(nb.name, target / f"{nb.stem}.html", 0.0, _if_file(target, nb, ".pdf"))
            for nb in notebook_paths(ROOT / "notebooks")
        ]

    def log(self) -> str:
        return (self.out / "build.log").read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the group this build started
            self.process.wait(timeout=60)


def _if_file(target: Path, notebook: Path, suffix: str) -> Path | None:
    path = target / f"{notebook.stem}{suffix}"
    return path if path.is_file() else None


_BUILDS: dict[str, ReportBuild] = {}


@pytest.fixture(scope="session", autouse=True)
def _report_builds(request, tmp_path_factory):
    """Start, in the background, the report builds that the collected tests will use."""
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))  # not ~/.cache
    folder = tmp_path_factory.mktemp("builds")
    (folder / "hostile.md").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN_ARTICLE, encoding="utf-8")
    _BUILDS.update(
        seed_reports=ReportBuild(SEED_ARTICLE, folder / "seed", []),
        hostile_reports=ReportBuild(folder / "hostile.md", folder / "hostile", []),
        plain_reports=ReportBuild(folder / "plain.txt", folder / "plain", ["--format", "pdf"]),
    )
    needed = {name for item in request.session.items for name in item.fixturenames}
    if "plain_reports" in needed:  # its PDFs need Chromium: install it first if missing
        from .browser import BrowserUnavailable, ensure_chromium

        try:
            ensure_chromium()
        except BrowserUnavailable as exc:
            _BUILDS["plain_reports"].unavailable = str(exc)
    for name, build in _BUILDS.items():
        if name in needed and not build.unavailable:
            build.start()
    yield
    for build in _BUILDS.values():
        build.stop()


@pytest.fixture(scope="session")
def seed_reports():
    """Every notebook run once on the seed article (HTML). Returns (out, [ReportResult])."""
    build = _BUILDS["seed_reports"]
    return build.out, build.wait()


@pytest.fixture(scope="session")
def hostile_reports():
    """Every notebook run once on the hostile article. Returns (article, [ReportResult])."""
    build = _BUILDS["hostile_reports"]
    return build.article, build.wait()


#: An article nobody speaks in; built with ``--format pdf``.
PLAIN_ARTICLE = "Rain expected\n\nRain is expected on Monday. It will stop on Tuesday.\n"


@pytest.fixture(scope="session")
def plain_reports():
    """Every notebook on an article nobody speaks in, with PDFs. Returns (folder, log)."""
    build = _BUILDS["plain_reports"]
    results = build.wait()
    return results[0].html.parent, build.log()


#: The JavaScript every live payload would run: a test asserts that it never does.
MARKER = "window.__pwned=1"

#: Untrusted text at its worst: HTML, SVG, Markdown and template injection, in the headline,
#: the metadata, the narration and in speakers' quotes (which the annotated views colour).
HOSTILE_PAYLOADS = [
    f"<script>{MARKER}</script>",
    f'<img src=x onerror="{MARKER}">',
    f"<img src=x onerror={MARKER}>",  # unquoted: an ASCII " inside “…” would end the quote
    f"<svg onload={MARKER}></svg>",
    "</div></td></table></p>",
    f"[click](javascript:{MARKER})",
    f"![x](x onerror={MARKER})",
    '<iframe src="javascript:top.__pwned=1"></iframe>',
    f'<a href="javascript:{MARKER}">link</a>',
    "<style>body{display:none}</style>",
    "{{ 7*7 }} ${7*7} <%= 7*7 %> <!-- open comment",
]
_IN_YAML = [p.replace('"', '\\"') for p in HOSTILE_PAYLOADS]  # inside "double quotes"
HOSTILE_ARTICLE = f"""---
title: "{_IN_YAML[0]} Council {_IN_YAML[1]} row"
outlet: "{_IN_YAML[3]} Gazette"
---
The council said the plan was <b>bold</b> and {HOSTILE_PAYLOADS[0]} safe. {HOSTILE_PAYLOADS[4]}

“We reject this {HOSTILE_PAYLOADS[2]} reckless {HOSTILE_PAYLOADS[0]} scheme,” said Jane Okafor.

Critics posted {HOSTILE_PAYLOADS[5]} and {HOSTILE_PAYLOADS[6]} online, the mayor said.

“{HOSTILE_PAYLOADS[3]} is {HOSTILE_PAYLOADS[10]},” said Tom Baker, who opposes the plan.

{HOSTILE_PAYLOADS[7]} {HOSTILE_PAYLOADS[8]} {HOSTILE_PAYLOADS[9]} {HOSTILE_PAYLOADS[1]} The vote
is on Monday.
"""
