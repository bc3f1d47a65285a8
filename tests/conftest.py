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


def pytest_addoption(parser):
    parser.addoption("--run-slow", action="store_true", help="also run tests marked slow")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


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
