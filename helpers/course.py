"""The course around the notebooks: contents, navigation links, section checks, student copies.

Navigation follows the *Python Data Science Handbook* (VanderPlas 2016): every notebook opens
and closes with "previous | contents | next" links. They are generated from the notebooks' own
titles by ``make nav`` (``python -m helpers nav``), and a test fails when they are stale, so a
renamed or added notebook never leaves a dead link.

The shape every method notebook follows comes from *Introduction to Cultural Analytics*
(Walsh 2021: "What are we measuring?", a deliberate failure case) and the *Programming
Historian* sentiment lesson (learning goals first, predict before you run, reflect); it is
``METHOD_SECTIONS`` below, and ``missing_sections`` checks a notebook against it.

Worked solutions live at the end of a notebook, in cells tagged ``solution`` under a heading
that JupyterLab keeps folded (``jp-MarkdownHeadingCollapsed``); ``make student``
(``python -m helpers student``) writes copies without them.

>>> [row.notebook for row in table_of_contents().itertuples()][:2]
['00-start-here.ipynb', '01-reading-the-article.ipynb']
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .article import Article
from .paths import NOTEBOOKS_DIR

if TYPE_CHECKING:  # nbformat costs a second to import: only the notebook tools load it
    import nbformat

__all__ = [
    "NOTEBOOKS_DIR",
    "START_HERE",
    "GLOSSARY",
    "NAV_TAG",
    "TOC_TAG",
    "SOLUTION_TAG",
    "METHOD_SECTIONS",
    "course_notebooks",
    "notebook_title",
    "table_of_contents",
    "contents_markdown",
    "navigation_markdown",
    "with_navigation",
    "write_navigation",
    "missing_sections",
    "student_notebook",
    "write_student_copy",
    "five_questions",
]

START_HERE = "00-start-here.ipynb"
GLOSSARY = "glossary.ipynb"
NAV_TAG = "navigation"
TOC_TAG = "table-of-contents"
SOLUTION_TAG = "solution"

#: Section name -> a pattern that must match a line of some markdown cell (multiline mode).
METHOD_SECTIONS = {
    "learning goals": r"^\*\*Learning goals\.\*\* By the end you will be able to",
    "what are we measuring?": r"^## What are we measuring\?",
    "predict before you run": r"^> \*\*Predict before you run\.\*\*",
    "failure case": r"^## When .+ wrong",
    "limits": r"^## Limits",
    "your turn": r"^## Your turn",
    "reflect": r"^\*\*Reflect\.\*\*",
}


def course_notebooks(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks (``00-…`` to ``99-…``) in reading order."""
    return sorted(Path(folder).glob("[0-9][0-9]-*.ipynb"))


def _tags(cell) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def notebook_title(notebook: str | Path | nbformat.NotebookNode) -> str:
    """The first level-1 heading of a notebook, outside the navigation cells.

    >>> notebook_title(NOTEBOOKS_DIR / "02-who-speaks.ipynb")
    '02 · Who speaks?'
    """
    nb = _read(notebook)
    for cell in nb.cells:
        if cell.cell_type == "markdown" and NAV_TAG not in _tags(cell):
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    name = Path(notebook).name if isinstance(notebook, str | Path) else "notebook"
    raise ValueError(f"{name}: no title (a markdown line starting with '# ')")


def _summary(nb: nbformat.NotebookNode) -> str:
    """The first paragraph after the title: what the notebook is for, in its own words."""
    for cell in nb.cells:
        if cell.cell_type != "markdown" or NAV_TAG in _tags(cell):
            continue
        blocks = [b.strip() for b in cell.source.split("\n\n")]
        after_title = [b for b in blocks if b and not b.startswith("#")]
        if after_title:
            return " ".join(after_title[0].split())
    return ""


def table_of_contents(folder: str | Path = NOTEBOOKS_DIR) -> pd.DataFrame:
    """One row per numbered notebook: ``notebook, title, minutes, summary, sections``.

    ``minutes`` (time in class) is read from the notebook's metadata
    ``reading_the_news.minutes``; ``sections`` lists its level-2 headings.
    """
    rows = []
    for path in course_notebooks(folder):
        nb = _read(path)
        sections = [
            line[3:].strip()
            for cell in nb.cells
            if cell.cell_type == "markdown" and NAV_TAG not in _tags(cell)
            for line in cell.source.splitlines()
            if line.startswith("## ")
        ]
        minutes = nb.metadata.get("reading_the_news", {}).get("minutes")
        rows.append((path.name, notebook_title(nb), minutes, _summary(nb), sections))
    return pd.DataFrame(rows, columns=["notebook", "title", "minutes", "summary", "sections"])


def contents_markdown(toc: pd.DataFrame) -> str:
    """The table of contents as a Markdown table with links (what ``00-start-here`` shows)."""
    lines = [
        "| Notebook | What you will do | Minutes in class |",
        "|---|---|---|",
    ]
    for row in toc.itertuples():
        minutes = "" if pd.isna(row.minutes) else str(int(row.minutes))
        summary = row.summary.replace("|", "\\|")
        lines.append(f"| [{row.title}]({row.notebook}) | {summary} | {minutes} |")
    lines.append("")
    lines.append(f"Words you meet on the way are explained in the [glossary]({GLOSSARY}).")
    return "\n".join(lines)


def navigation_markdown(
    *, previous: tuple[str, str] | None, following: tuple[str, str] | None
) -> str:
    """The "previous | contents | glossary | next" line; each link is ``(file, title)``.

    >>> navigation_markdown(previous=None, following=("01-a.ipynb", "01 · A"))
    '[Contents](00-start-here.ipynb) | [Glossary](glossary.ipynb) | [01 · A ›](01-a.ipynb)'
    """
    parts = []
    if previous:
        parts.append(f"[‹ {previous[1]}]({previous[0]})")
    parts.append(f"[Contents]({START_HERE})")
    parts.append(f"[Glossary]({GLOSSARY})")
    if following:
        parts.append(f"[{following[1]} ›]({following[0]})")
    return " | ".join(parts)


def with_navigation(
    nb: nbformat.NotebookNode, *, links: str, contents: str | None = None
) -> nbformat.NotebookNode:
    """A copy of ``nb`` with navigation cells first and last, before any worked solution.

    ``contents`` replaces the body of the cell tagged ``table-of-contents`` (keeping its
    first line, the heading), if the notebook has one.
    """
    import nbformat

    new = nbformat.from_dict(nb)
    body = [c for c in new.cells if NAV_TAG not in _tags(c)]
    if contents is not None:
        for cell in body:
            if TOC_TAG in _tags(cell):
                heading = cell.source.splitlines()[0] if cell.source else "## Contents"
                cell.source = f"{heading}\n\n{contents}"
    top = nbformat.v4.new_markdown_cell(links, metadata={"tags": [NAV_TAG]})
    bottom = nbformat.v4.new_markdown_cell(links, metadata={"tags": [NAV_TAG]})
    top["id"], bottom["id"] = "navigation-top", "navigation-bottom"
    # the closing links go before the worked solutions, which stay folded at the very end
    end = next((i for i, c in enumerate(body) if SOLUTION_TAG in _tags(c)), len(body))
    new.cells = [top, *body[:end], bottom, *body[end:]]
    return new


def write_navigation(folder: str | Path = NOTEBOOKS_DIR, *, check: bool = False) -> list[Path]:
    """Regenerate every notebook's navigation and the contents of ``00-start-here``.

    Returns the notebooks that changed (with ``check=True``: that would change; nothing is
    written). Also covers the glossary, which links back to the contents.
    """
    folder = Path(folder)
    paths = course_notebooks(folder)
    titles = [(p.name, notebook_title(p)) for p in paths]
    contents = contents_markdown(table_of_contents(folder))
    changed = []
    for i, path in enumerate(paths):
        links = navigation_markdown(
            previous=titles[i - 1] if i > 0 else None,
            following=titles[i + 1] if i + 1 < len(paths) else None,
        )
        changed += _update(path, links, contents, check=check)
    glossary = folder / GLOSSARY
    if glossary.exists():
        links = navigation_markdown(previous=None, following=None)
        changed += _update(glossary, links, contents, check=check)
    return changed


def _update(path: Path, links: str, contents: str, *, check: bool) -> list[Path]:
    import nbformat

    old = _read(path)
    new = with_navigation(old, links=links, contents=contents)
    if nbformat.writes(new) == nbformat.writes(old):
        return []
    if not check:
        nbformat.write(new, path)
    return [path]


def missing_sections(notebook: str | Path | nbformat.NotebookNode) -> list[str]:
    """The sections of ``METHOD_SECTIONS`` that a notebook lacks (empty: it has them all)."""
    text = "\n".join(c.source for c in _read(notebook).cells if c.cell_type == "markdown")
    return [name for name, pattern in METHOD_SECTIONS.items() if not re.search(pattern, text, re.M)]


def student_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` without the cells tagged ``solution`` and without any output."""
    import nbformat

    new = nbformat.from_dict(nb)
    new.cells = [c for c in new.cells if SOLUTION_TAG not in _tags(c)]
    for cell in new.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return new


def write_student_copy(
    out: str | Path, *, folder: str | Path = NOTEBOOKS_DIR, overwrite: bool = False
) -> list[Path]:
    """Write the student version of every notebook (and the glossary) into ``out``.

    ``out`` should sit beside ``notebooks/`` (e.g. ``student-notebooks/``) so that the
    notebooks' relative paths to ``../data`` still work. Refuses to write into the source
    folder, and to replace existing files unless ``overwrite``.
    """
    import nbformat

    folder, out = Path(folder).resolve(), Path(out).resolve()
    if out == folder:
        raise ValueError(f"{out}: the student copy must not overwrite the teacher's notebooks")
    sources = course_notebooks(folder) + [p for p in [folder / GLOSSARY] if p.exists()]
    targets = [out / p.name for p in sources]
    existing = [t for t in targets if t.exists()]
    if existing and not overwrite:
        raise FileExistsError(f"{existing[0]}: already exists (use overwrite=True / make student)")
    out.mkdir(parents=True, exist_ok=True)
    for source, target in zip(sources, targets, strict=True):
        nbformat.write(student_notebook(_read(source)), target)
    return targets


def five_questions(article: Article) -> pd.DataFrame:
    """The suite's five questions, each answered in one line for ``article``.

    Columns ``question, answer, notebook``: a first look, each answer to be checked in the
    notebook named beside it. The answers are rows of :func:`helpers.report_summary`, the
    same verdicts as notebook 06's report (its ``evidence`` and ``rule`` columns say what
    each rests on).

    >>> from helpers import DEFAULT_ARTICLE, load_article
    >>> five_questions(load_article(DEFAULT_ARTICLE)).question.tolist()[0]
    'Who speaks?'
    """
    from .summary import report_summary

    summary = report_summary(article).set_index("question")
    rows = summary.loc[list(FIVE_QUESTIONS), ["answer", "notebook"]].reset_index()
    return rows[["question", "answer", "notebook"]]


#: The five questions of ``five_questions`` (rows of ``report_summary``), in their order.
FIVE_QUESTIONS = (
    "Who speaks?",
    "Who is quoted how?",
    "Whose words are loaded?",
    "What is the frame?",
    "Does the headline match the body?",
)


def _read(notebook: str | Path | nbformat.NotebookNode) -> nbformat.NotebookNode:
    import nbformat

    if isinstance(notebook, str | Path):
        return nbformat.read(notebook, as_version=4)
    return notebook
