"""JupyterLab as a reader uses it: a real server on a loopback port, a real browser, Run All."""

from __future__ import annotations

import json
import time
from contextlib import contextmanager

import nbformat
import pytest
from playwright.sync_api import sync_playwright

from .browser import (
    CHROMIUM_ARGS,
    BrowserUnavailable,
    ensure_chromium,
    pid_alive,
    start_lab,
    stop_lab,
)
from .conftest import ROOT, SEED_ARTICLE

pytestmark = [pytest.mark.jupyterlab, pytest.mark.browser]

NOTEBOOK = "02-who-speaks.ipynb"

#: True once every code cell shows an execution count, or as soon as a traceback is shown
#: (Run All stops there, and the assertions below then say which cell failed).
ALL_RAN = """(n) => {
  const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
  const numbered = prompts.filter(p => /^\\[\\d+\\]:$/.test(p.textContent.trim()));
  const done = prompts.length === n && numbered.length === n;
  const failed = [...document.querySelectorAll('.jp-OutputArea-output')]
    .some(o => o.textContent.includes('Traceback'));
  return done || failed;
}"""

IMAGES_LOADED = """(n) => {
  const imgs = [...document.querySelectorAll('.jp-OutputArea .jp-RenderedImage img')];
  return imgs.length >= n && imgs.every(i => i.complete && i.naturalWidth > 0);
}"""


def copy_notebook(target_dir) -> int:
    """The notebook with ARTICLE pointing at the seed by absolute path; returns its code cells."""
    nb = nbformat.read(ROOT / "notebooks" / NOTEBOOK, as_version=4)
    parameters = next(c for c in nb.cells if "parameters" in c.metadata.get("tags", []))
    parameters.source = f"ARTICLE = {json.dumps(str(SEED_ARTICLE))}"
    nbformat.write(nb, target_dir / NOTEBOOK)
    return sum(c.cell_type == "code" for c in nb.cells)


def charts_in_papermill_run(seed_reports) -> int:
    out, _ = seed_reports
    executed = nbformat.read(out / SEED_ARTICLE.stem / "executed" / NOTEBOOK, as_version=4)
    return sum(
        "image/png" in o.get("data", {})
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
    )


def wait_until_idle(server, *, within: float = 120) -> list[dict]:
    deadline = time.monotonic() + within
    while True:
        kernels = server.api("/api/kernels")
        if kernels and all(k["execution_state"] == "idle" for k in kernels):
            return kernels
        if time.monotonic() > deadline:
            raise AssertionError(f"the kernel is not idle after {within:.0f} s: {kernels}")
        time.sleep(0.5)


@contextmanager
def run_all_in_lab(server, chromium, tmp_path, notebook: str, failure_png: str):
    """Open ``notebook`` in JupyterLab in headless Chromium, wait for its kernel, click Run →
    Run All Cells and give the page; a screenshot is kept under ``tmp_path`` on failure."""
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "profile"),
            executable_path=str(chromium),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        context.set_default_timeout(120_000)
        page = context.new_page()
        try:
            page.goto(f"{server.url}/lab/tree/{notebook}?token={server.token}")
            page.locator(".jp-NotebookPanel .jp-CodeCell").first.wait_for()
            # The kernel started and the page is connected to it ("Python 3 (ipykernel) | Idle"
            # in the status bar); Run All before that runs nothing.
            wait_until_idle(server)
            page.locator("#jp-main-statusbar .jp-StatusBar-TextItem", has_text="| Idle").wait_for()
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            yield page
        except Exception:
            page.screenshot(path=str(tmp_path / failure_png))  # kept by pytest
            raise
        finally:
            context.close()


def test_jupyterlab_runs_a_notebook_and_shows_its_charts(tmp_path, seed_reports):
    try:
        chromium = ensure_chromium()
    except BrowserUnavailable as exc:
        pytest.fail(f"the JupyterLab test needs Chromium: {exc}")
    expected_charts = charts_in_papermill_run(seed_reports)
    assert expected_charts >= 1
    root = tmp_path / "root"
    root.mkdir()
    n_code = copy_notebook(root)

    server = start_lab(root, tmp_path / "jupyter")
    try:
        failure = "jupyterlab-failure.png"
        with run_all_in_lab(server, chromium, tmp_path, NOTEBOOK, failure) as page:
            page.wait_for_function(ALL_RAN, arg=n_code, timeout=300_000)
            wait_until_idle(server)

            tracebacks = page.locator(
                ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
            ).all_inner_texts()
            assert not [t for t in tracebacks if "Traceback" in t or "Error" in t], tracebacks
            prompts = page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").all_inner_texts()
            assert [p.strip() for p in prompts] == [f"[{i}]:" for i in range(1, n_code + 1)]

            page.wait_for_function(IMAGES_LOADED, arg=expected_charts, timeout=60_000)
            charts = page.locator(".jp-OutputArea .jp-RenderedImage img")
            assert charts.count() == expected_charts, "not as many charts as papermill made"
            sources = charts.evaluate_all("imgs => imgs.map(i => i.src.slice(0, 22))")
            assert set(sources) == {"data:image/png;base64,"}
            views = page.locator(".jp-OutputArea .jp-RenderedHTMLCommon")
            assert any("(headline)" in t for t in views.all_inner_texts())  # annotated voices
    finally:
        kernels = stop_lab(server)

    assert server.process.returncode is not None
    assert not pid_alive(server.process.pid), "jupyter lab is still running"
    assert kernels, "the server had no kernel process while the notebook ran"
    deadline = time.monotonic() + 30
    while any(pid_alive(k) for k in kernels) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [k for k in kernels if pid_alive(k)], "a kernel outlived the server"


def test_explore_renders_in_jupyterlab_and_a_choice_changes_the_highlighting(tmp_path):
    """``explore(article)`` in a real JupyterLab: the widget renders, choosing a speaker in its
    drop-down highlights that speaker's sentence, and no traceback appears."""
    from .test_xray import TINY

    try:
        chromium = ensure_chromium()
    except BrowserUnavailable as exc:
        pytest.fail(f"the JupyterLab test needs Chromium: {exc}")
    root = tmp_path / "root"
    root.mkdir()
    (root / "tiny.md").write_text(TINY, encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from helpers import explore\n\nexplore('tiny.md')")]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, root / "explore.ipynb")

    server = start_lab(root, tmp_path / "jupyter")
    try:
        failure = "explore-failure.png"
        with run_all_in_lab(server, chromium, tmp_path, "explore.ipynb", failure) as page:
            speaker = page.locator(".widget-dropdown", has_text="Speaker").locator("select")
            speaker.wait_for(timeout=180_000)
            lit = ".jp-OutputArea .rtn-explore .sent.hl"
            article = page.locator(".jp-OutputArea .rtn-explore")
            assert "We reject this reckless scheme" in article.inner_text()
            assert page.locator(lit).count() == 0
            speaker.select_option("Critics")
            page.wait_for_function(
                f"() => document.querySelectorAll('{lit}').length === 1", timeout=60_000
            )
            assert page.locator(lit).get_attribute("data-s") == "1:1"
            assert "Quotes of Critics (1)" in page.locator(".jp-OutputArea").inner_text()
            frame = page.locator(".widget-dropdown", has_text="Frame").locator("select")
            speaker.select_option("(all)")
            frame.select_option("conflict")
            page.wait_for_function(
                f"() => document.querySelectorAll('{lit}').length === 2", timeout=60_000
            )
            errors = page.locator(
                ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
            ).all_inner_texts()
            assert not [t for t in errors if "Traceback" in t or "Error" in t], errors
            assert "Traceback" not in page.locator(".jp-Notebook").inner_text()
    finally:
        stop_lab(server)
    assert not pid_alive(server.process.pid), "jupyter lab is still running"
