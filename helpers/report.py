"""Execute the notebooks on one article and render them as HTML (what ``make report`` runs).

Each notebook in ``notebooks/`` whose name starts with two digits is executed with papermill,
which injects ``ARTICLE`` through the cell tagged ``parameters``; nbconvert then writes
``reports/<article-slug>/<notebook>.html`` with the charts embedded as images, and the article
X-ray (``xray.html``, :mod:`helpers.xray`), linked first from ``index.html``. Every page is
rendered for students, without code (the notebooks keep it, for JupyterLab).

Links between notebooks (the contents and the previous/next lines) are pointed at the
reports, and the glossary is rendered beside them, so the reports read as one site. Each chart
gets its plain-text description (``helpers.plots.describe_figure``) as ``alt`` text, for
screen readers.

The notebooks run concurrently, one per CPU by default (``jobs``, ``make report JOBS=1``),
each in a kernel of its own; the pages are the same as from a serial run. They share one
analysis of the article: it is computed (or read) once, before they start, and stored in the
analysis cache (:mod:`helpers.analysis_cache`, ``~/.cache/reading-the-news/analyses`` by
default), whose folder the kernels are given in ``$READING_THE_NEWS_ANALYSES``, so each
``analyze(article)`` in them reads it instead of computing it again. What it costs and saves:
``benchmarks/bench_report.py``. The longest notebooks are started first (by their time in the
previous report on the same article, else the course's last first: the later notebooks draw
more charts), so that no worker is left with a long notebook at the end while the other
waits; the glossary and the X-ray are written while the kernels run; the executed notebook
is written once, when it ends (papermill writes it after every cell by default, which
re-encoded it 40 times per notebook in the report process), and one HTML exporter converts
every page (a new one compiled nbconvert's templates again for each).

With ``fmt="pdf"`` each HTML page is also printed to ``<notebook>.pdf`` by headless Chromium
(nbconvert's own webpdf exporter downloads a browser, which an offline machine cannot do).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import jinja2
import nbformat
import papermill
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from . import analysis_cache
from .article import load_article
from .course import GLOSSARY
from .course import course_notebooks as notebook_paths  # the numbered notebooks, in order
from .html import escape
from .paths import NOTEBOOKS_DIR

__all__ = [
    "NOTEBOOKS_DIR",
    "FORMATS",
    "notebook_paths",
    "build_reports",
    "find_chromium",
    "html_to_pdf",
    "ReportResult",
    "ReportError",
]

#: What ``build_reports`` can write: HTML always; "pdf" adds a PDF beside each HTML page.
FORMATS = ("html", "pdf")


class ReportError(RuntimeError):
    """A notebook failed while executing on an article; the message names both."""


@dataclass(frozen=True)
class ReportResult:
    notebook: str
    html: Path
    seconds: float
    pdf: Path | None = None


def build_reports(
    article: str | Path,
    *,
    out: str | Path = "reports",
    notebooks: list[Path] | None = None,
    kernel_name: str = "python3",
    fmt: str = "html",
    jobs: int | None = None,
    cache: str | Path | Literal[False] | None = None,
) -> list[ReportResult]:
    """Run every notebook on ``article``; write HTML (and PDF if ``fmt="pdf"``) to
    ``out/<slug>/``; return what was made.

    ``jobs`` notebooks run at once (default: one per CPU), each in its own kernel, as each
    runs alone in JupyterLab; the files written are the same as with
    ``jobs=1``. If notebooks fail, the error of the first one in order is raised.
    ``cache``: the folder of the analysis the notebooks share (default
    :func:`helpers.analysis_cache.default_cache_dir`); ``False``: each notebook computes its
    own, as in JupyterLab (the pages are the same).
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {FORMATS}, not {fmt!r}")
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    chromium = find_chromium() if fmt == "pdf" else None  # before the slow part, not after
    article_path = Path(article).resolve()
    parsed = load_article(article_path)  # a bad file fails here, with its own clear message
    target = Path(out) / parsed.slug
    (target / "executed").mkdir(parents=True, exist_ok=True)
    todo = list(notebooks if notebooks is not None else notebook_paths())
    jobs = min(jobs or os.cpu_count() or 1, max(len(todo), 1))
    analysis = None
    if cache is not False:
        folder = Path(cache) if cache is not None else analysis_cache.default_cache_dir()
        try:
            analysis = analysis_cache.store_analysis(parsed, folder=folder)
        except Exception as exc:  # a notebook would fail on it too: say so once, clearly
            raise ReportError(
                f"the analysis of {article_path} failed: {type(exc).__name__}: {exc}"
            ) from exc
    args = {nb: (nb, article_path, target, kernel_name, chromium) for nb in todo}

    def pages() -> tuple[Path, Path | None]:
        """The glossary and the X-ray, written here while the kernels run."""
        glossary = NOTEBOOKS_DIR / GLOSSARY
        if notebooks is None and glossary.exists():  # prose only: rendered, not executed
            glossary_html = target / "glossary.html"
            glossary_html.write_text(_to_html(glossary), encoding="utf-8")
            if chromium is not None:
                html_to_pdf(glossary_html, glossary_html.with_suffix(".pdf"), chromium=chromium)
        from .xray import write_xray  # the X-ray: linked first from the index

        xray = write_xray(analysis if analysis is not None else article_path, out)
        pdf = html_to_pdf(xray, xray.with_suffix(".pdf"), chromium=chromium) if chromium else None
        return xray, pdf

    with _environment(analysis_cache.CACHE_ENV, str(folder) if analysis is not None else None):
        if jobs == 1:
            xray, xray_pdf = pages()
            results = [_one_notebook(*args[nb]) for nb in todo]
        else:
            # threads are enough: each notebook runs in a kernel process of its own, and a
            # thread only waits for it (and renders the HTML)
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                started = {
                    nb: pool.submit(_one_notebook, *args[nb]) for nb in _longest_first(todo, target)
                }
                xray, xray_pdf = pages()
                wait(started.values())
                results = [started[nb].result() for nb in todo]  # the first failure raises
    _write_index(target, parsed.title, results, xray=xray, xray_pdf=xray_pdf)
    return results


@contextmanager
def _environment(name: str, value: str | None) -> Iterator[None]:
    """``$name`` set to ``value`` (None: left as it is) for the kernels started inside."""
    before = os.environ.get(name)
    if value is not None:
        os.environ[name] = value
    try:
        yield
    finally:
        if value is not None:
            if before is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = before


def _longest_first(notebooks: list[Path], target: Path) -> list[Path]:
    """The notebooks in the order to start them: by their seconds in the previous report in
    ``target`` (papermill notes them in the executed notebook), longest first; those without
    one first, the course's last first."""

    def previous(notebook: Path) -> float:
        try:
            executed = nbformat.read(target / "executed" / notebook.name, as_version=4)
            return float(executed.metadata.papermill.duration)
        except Exception:  # noqa: BLE001 - none, or unreadable: not known
            return float("inf")

    seconds = {nb: previous(nb) for nb in notebooks}
    order = {nb: i for i, nb in enumerate(notebooks)}
    return sorted(notebooks, key=lambda nb: (-seconds[nb], -order[nb]))


def _one_notebook(
    notebook: Path, article_path: Path, target: Path, kernel_name: str, chromium: Path | None
) -> ReportResult:
    """Execute one notebook on the article and render it (in a worker thread, or here)."""
    started = time.perf_counter()
    executed = target / "executed" / notebook.name
    try:
        papermill.execute_notebook(
            str(notebook),
            str(executed),
            parameters={"ARTICLE": str(article_path)},
            cwd=str(notebook.parent),
            kernel_name=kernel_name,
            progress_bar=False,
            log_output=False,
            request_save_on_cell_execute=False,  # written once at the end (or on an error)
        )
    except papermill.PapermillExecutionError as exc:
        raise ReportError(
            f"{notebook.name} failed on {article_path}: {exc.ename}: {exc.evalue} "
            f"(the executed notebook with the error is {executed})"
        ) from None
    html_path = target / f"{notebook.stem}.html"
    html_path.write_text(_to_html(executed), encoding="utf-8")
    pdf_path = None
    if chromium is not None:
        pdf_path = html_to_pdf(html_path, html_path.with_suffix(".pdf"), chromium=chromium)
    return ReportResult(notebook.name, html_path, time.perf_counter() - started, pdf_path)


# nbconvert's lab template, with the figure's text/plain form (its description) as alt text.
_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{% block data_png scoped %}
<div class="jp-RenderedImage jp-OutputArea-output {{ extra_class }}">
<img src="data:image/png;base64,{{ output.data['image/png'] | escape_html }}"
alt="{{ output.data.get('text/plain', 'A chart') | escape_html }}">
</div>
{%- endblock data_png %}
"""

_NOTEBOOK_LINK = re.compile(r"\]\(([\w.-]+)\.ipynb(#[^)\s]*)?\)")


def _to_html(executed: Path) -> str:
    nb = nbformat.read(executed, as_version=4)
    # A live widget's saved state (explore()) would be embedded as JSON holding article text;
    # widgets work only in a running notebook, and the reports have the X-ray instead.
    nb.metadata.pop("widgets", None)
    # Pages for students: no code on any page (issue 20). The code stays in the notebooks,
    # one click away in JupyterLab; tables and claims are shown as their outputs.
    hide_input = True
    for cell in nb.cells:  # our own markdown only: article text is never in markdown cells
        if "injected-parameters" in cell.metadata.get("tags", ()):
            cell.id = "injected-parameters"  # papermill's is random: the page would differ
        if cell.cell_type == "markdown":
            cell.source = _NOTEBOOK_LINK.sub(r"](\1.html\2)", cell.source)
    with _EXPORTER_LOCK:
        body, _ = _exporter(hide_input).from_notebook_node(nb)
    return body


# One exporter, made once: a new one compiles nbconvert's templates again (about half of the
# 0.35 s a page took). Pages are converted one at a time (the conversion is pure Python:
# two threads would only take turns on the interpreter's lock anyway).
_EXPORTER_LOCK = threading.Lock()


@functools.cache
def _exporter(hide_input: bool) -> HTMLExporter:
    exporter = HTMLExporter(
        exclude_input=hide_input,
        exclude_input_prompt=hide_input,
        exclude_output_prompt=hide_input,
        extra_loaders=[jinja2.DictLoader({"reading_the_news.html.j2": _TEMPLATE})],
        template_file="reading_the_news.html.j2",
    )
    remover = TagRemovePreprocessor(
        remove_cell_tags={"remove_cell", "solution"},
        remove_input_tags={"remove_input"},
        enabled=True,
    )
    exporter.register_preprocessor(remover, enabled=True)
    return exporter


def _write_index(
    target: Path,
    title: str,
    results: list[ReportResult],
    *,
    xray: Path | None = None,
    xray_pdf: Path | None = None,
) -> None:
    first = (
        f"<li><a href='{escape(xray.name)}'><b>The article X-ray</b></a>: the article itself, "
        "coloured by voice, with every mark explained"
        + (f" (<a href='{escape(xray_pdf.name)}'>PDF</a>)" if xray_pdf else "")
        + "</li>\n"
        if xray
        else ""
    )
    items = first + "\n".join(
        f"<li><a href='{escape(r.html.name)}'>{escape(r.notebook)}</a>"
        + (f" (<a href='{escape(r.pdf.name)}'>PDF</a>)" if r.pdf else "")
        + "</li>"
        for r in results
    )
    target.joinpath("index.html").write_text(
        "<!doctype html><meta charset='utf-8'>"
        f"<title>Reports: {escape(title)}</title>"
        f"<h1>Reports for “{escape(title)}”</h1><ul>{items}</ul>\n",
        encoding="utf-8",
    )


#: Names Chromium goes by on Linux distributions and macOS (Homebrew casks link ``chromium``).
_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

_INSTALL_HINT = (
    "PDF reports are printed by Chromium, which was not found. Install it "
    "(Debian/Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`) "
    "or set the CHROMIUM environment variable to the browser's path. "
    "HTML reports (the default format) need no browser."
)


def find_chromium() -> Path:
    """The Chromium (or Chrome) executable: ``$CHROMIUM`` if set, else the first on ``PATH``.

    Raises ``ReportError`` saying how to install it when there is none. Example: on Debian
    with the ``chromium`` package, ``find_chromium()`` is ``Path("/usr/bin/chromium")``.
    """
    named = os.environ.get("CHROMIUM")
    if named:
        path = shutil.which(named)
        if path is None:
            raise ReportError(f"CHROMIUM={named} is not an executable file. {_INSTALL_HINT}")
        return Path(path)
    for name in _CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return Path(path)
    raise ReportError(_INSTALL_HINT)


#: Headless, no profile, no network of its own: a report is a local file with embedded images.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",  # Chromium refuses to start as root without it (containers, CI)
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # nbconvert pages reference MathJax and require.js on a CDN; offline, fail fast
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def html_to_pdf(
    html: str | Path, pdf: str | Path, *, chromium: str | Path | None = None, timeout: float = 180
) -> Path:
    """Print an HTML file to PDF with headless Chromium (no header or footer); return the PDF.

    Example: ``html_to_pdf("reports/x/06-report.html", "reports/x/06-report.pdf")``.
    """
    html, pdf = Path(html).resolve(), Path(pdf).resolve()
    browser = Path(chromium) if chromium is not None else find_chromium()
    pdf.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="rtn-chromium-") as profile:
        command = [
            str(browser),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ReportError(f"Chromium did not print {html} within {timeout:.0f} s") from None
    if not pdf.is_file() or pdf.read_bytes()[:5] != b"%PDF-":
        tail = "\n".join(done.stderr.strip().splitlines()[-5:])
        raise ReportError(
            f"Chromium did not print {html} to PDF (exit code {done.returncode}): {tail}"
        )
    return pdf
