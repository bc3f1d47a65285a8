"""Execute the notebooks on one article and render them as HTML (what ``make report`` runs).

Each notebook in ``notebooks/`` whose name starts with two digits is executed with papermill,
which injects ``ARTICLE`` through the cell tagged ``parameters``; nbconvert then writes
``reports/<article-slug>/<notebook>.html`` with the charts embedded as images. A notebook
whose metadata has ``"reading_the_news": {"hide_input": true}`` is rendered without code.

Links between notebooks (the contents and the previous/next lines) are pointed at the
reports, and the glossary is rendered beside them, so the reports read as one site. Each chart
gets its plain-text description (``helpers.plots.describe_figure``) as ``alt`` text, for
screen readers.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import jinja2
import nbformat
import papermill
from nbconvert import HTMLExporter
from nbconvert.preprocessors import TagRemovePreprocessor

from .article import load_article
from .html import escape

__all__ = ["NOTEBOOKS_DIR", "notebook_paths", "build_reports", "ReportResult", "ReportError"]

NOTEBOOKS_DIR = Path(__file__).resolve().parent.parent / "notebooks"


class ReportError(RuntimeError):
    """A notebook failed while executing on an article; the message names both."""


@dataclass(frozen=True)
class ReportResult:
    notebook: str
    html: Path
    seconds: float


def notebook_paths(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``00-…`` to ``99-…``) in reading order."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


def build_reports(
    article: str | Path,
    *,
    out: str | Path = "reports",
    notebooks: list[Path] | None = None,
    kernel_name: str = "python3",
) -> list[ReportResult]:
    """Run every notebook on ``article``; write HTML to ``out/<slug>/``; return what was made."""
    article_path = Path(article).resolve()
    parsed = load_article(article_path)  # a bad file fails here, with its own clear message
    target = Path(out) / parsed.slug
    (target / "executed").mkdir(parents=True, exist_ok=True)
    results = []
    for notebook in notebooks if notebooks is not None else notebook_paths():
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
            )
        except papermill.PapermillExecutionError as exc:
            raise ReportError(
                f"{notebook.name} failed on {article_path}: {exc.ename}: {exc.evalue} "
                f"(the executed notebook with the error is {executed})"
            ) from None
        html_path = target / f"{notebook.stem}.html"
        html_path.write_text(_to_html(executed), encoding="utf-8")
        results.append(ReportResult(notebook.name, html_path, time.perf_counter() - started))
    glossary = NOTEBOOKS_DIR / "glossary.ipynb"
    if notebooks is None and glossary.exists():  # prose only: rendered, not executed
        target.joinpath("glossary.html").write_text(_to_html(glossary), encoding="utf-8")
    _write_index(target, parsed.title, results)
    return results


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
    hide_input = bool(nb.metadata.get("reading_the_news", {}).get("hide_input", False))
    for cell in nb.cells:  # our own markdown only: article text is never in markdown cells
        if cell.cell_type == "markdown":
            cell.source = _NOTEBOOK_LINK.sub(r"](\1.html\2)", cell.source)
    exporter = HTMLExporter(
        exclude_input=hide_input,
        exclude_input_prompt=hide_input,
        exclude_output_prompt=hide_input,
        extra_loaders=[jinja2.DictLoader({"reading_the_news.html.j2": _TEMPLATE})],
        template_file="reading_the_news.html.j2",
    )
    remover = TagRemovePreprocessor(
        remove_cell_tags={"remove_cell"}, remove_input_tags={"remove_input"}, enabled=True
    )
    exporter.register_preprocessor(remover, enabled=True)
    body, _ = exporter.from_notebook_node(nb)
    return body


def _write_index(target: Path, title: str, results: list[ReportResult]) -> None:
    items = "\n".join(
        f"<li><a href='{escape(r.html.name)}'>{escape(r.notebook)}</a></li>" for r in results
    )
    target.joinpath("index.html").write_text(
        "<!doctype html><meta charset='utf-8'>"
        f"<title>Reports: {escape(title)}</title>"
        f"<h1>Reports for “{escape(title)}”</h1><ul>{items}</ul>\n",
        encoding="utf-8",
    )
