"""The teaching layer: contents, navigation, the shape of each notebook, solutions, glossary."""

from __future__ import annotations

import re
import subprocess
import sys

import matplotlib
import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import article_from_text, five_questions
from helpers.course import (
    GLOSSARY,
    METHOD_SECTIONS,
    NAV_TAG,
    SOLUTION_TAG,
    START_HERE,
    TOC_TAG,
    contents_markdown,
    course_notebooks,
    missing_sections,
    navigation_markdown,
    notebook_title,
    student_notebook,
    table_of_contents,
    write_navigation,
    write_student_copy,
)
from helpers.plots import add_patterns, describe_figure

from .conftest import ROOT

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (after choosing the non-interactive backend)
import seaborn as sns  # noqa: E402

NOTEBOOKS = ROOT / "notebooks"
METHOD_NOTEBOOKS = [
    p for p in course_notebooks(NOTEBOOKS) if p.name[:2] in {"01", "02", "03", "04", "05", "07"}
]
GLOSSARY_TERMS = [
    "Loaded language",
    "Scare quotes",
    "Hedging",
    "Attribution",
    "Framing",
    "Stance",
    "Sentiment",
    "Euphemism",
    "Name calling",
]


def _tags(cell) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def _links(markdown: str) -> list[str]:
    return re.findall(r"\]\(([^)]+)\)", markdown)


# --- the committed notebooks -------------------------------------------------------------


def test_navigation_and_contents_are_up_to_date():
    stale = write_navigation(NOTEBOOKS, check=True)
    assert stale == [], f"run `make nav`: stale navigation in {[p.name for p in stale]}"


@pytest.mark.parametrize(
    "path", [*course_notebooks(NOTEBOOKS), NOTEBOOKS / GLOSSARY], ids=lambda p: p.name
)
def test_every_notebook_opens_and_closes_with_working_links(path):
    nb = nbformat.read(path, as_version=4)
    cells = [c for c in nb.cells if SOLUTION_TAG not in _tags(c)]
    first, last = cells[0], cells[-1]
    assert NAV_TAG in _tags(first) and NAV_TAG in _tags(last)
    links = _links(first.source)
    assert START_HERE in links and GLOSSARY in links
    for link in links:
        assert (NOTEBOOKS / link).is_file(), f"{path.name} links to a missing {link}"


def test_previous_and_next_follow_the_numbering():
    paths = course_notebooks(NOTEBOOKS)
    for before, after in zip(paths, paths[1:], strict=False):
        assert after.name in _links(nbformat.read(before, as_version=4).cells[0].source)
        assert before.name in _links(nbformat.read(after, as_version=4).cells[0].source)


def test_start_here_lists_every_notebook_with_its_title_and_time():
    nb = nbformat.read(NOTEBOOKS / START_HERE, as_version=4)
    (toc,) = [c for c in nb.cells if TOC_TAG in _tags(c)]
    for path in course_notebooks(NOTEBOOKS):
        row = next(line for line in toc.source.splitlines() if f"]({path.name})" in line)
        assert notebook_title(path) in row
        assert re.search(r"\| \d+ \|$", row), f"no minutes for {path.name}"
    assert f"]({GLOSSARY})" in toc.source


@pytest.mark.parametrize("path", METHOD_NOTEBOOKS, ids=lambda p: p.name)
def test_method_notebook_has_every_section_of_the_course_shape(path):
    assert missing_sections(path) == []


@pytest.mark.parametrize("path", METHOD_NOTEBOOKS, ids=lambda p: p.name)
def test_code_is_short_and_each_run_of_cells_is_interpreted(path):
    cells = [c for c in nbformat.read(path, as_version=4).cells if SOLUTION_TAG not in _tags(c)]
    kinds = "".join(
        "p" if "parameters" in _tags(c) else "m" if "claim" in _tags(c) else c.cell_type[0]
        for c in cells
    )  # p = parameters, c = code, m = markdown or a claim (a sentence written from the tables)
    assert not re.search(r"ccc", kinds), f"three code cells in a row in {path.name}: {kinds}"
    assert kinds.endswith("m")
    for run in re.finditer(r"c+", kinds):
        assert kinds[run.end() : run.end() + 1] == "m", f"code without interpretation: {path.name}"
    for cell in cells:
        if cell.cell_type == "code":
            assert len(cell.source.splitlines()) <= 25, f"a long code cell in {path.name}"


@pytest.mark.parametrize("path", METHOD_NOTEBOOKS, ids=lambda p: p.name)
def test_exercises_have_worked_solutions_after_them(path):
    cells = nbformat.read(path, as_version=4).cells
    your_turn = next(i for i, c in enumerate(cells) if "## Your turn" in c.source)
    solutions = [i for i, c in enumerate(cells) if SOLUTION_TAG in _tags(c)]
    assert solutions and min(solutions) > your_turn
    exercises = re.findall(r"^(\d)\. ", cells[your_turn].source, re.M)
    answered = "\n".join(cells[i].source for i in solutions)
    for number in exercises:
        assert f"**{number}." in answered, f"{path.name}: no worked solution for exercise {number}"
    # one folded section at the very end, so that a student does not read it by accident
    assert solutions == list(range(min(solutions), len(cells)))
    heading = cells[min(solutions)]
    assert heading.source.startswith("### Worked solutions")
    assert heading.metadata["jp-MarkdownHeadingCollapsed"] is True
    assert not any(
        line.startswith("#") for i in solutions[1:] for line in cells[i].source.split("\n")
    )


def test_glossary_defines_the_course_terms_and_is_clean():
    nb = nbformat.read(NOTEBOOKS / GLOSSARY, as_version=4)
    headings = {
        line[3:].strip()
        for c in nb.cells
        for line in c.source.splitlines()
        if line.startswith("## ")
    }
    for term in GLOSSARY_TERMS:
        assert term in headings
    assert all(c.cell_type == "markdown" for c in nb.cells)


def test_table_of_contents_reads_titles_minutes_and_sections():
    toc = table_of_contents(NOTEBOOKS)
    assert toc["notebook"].tolist() == [p.name for p in course_notebooks(NOTEBOOKS)]
    row = toc.set_index("notebook").loc["02-who-speaks.ipynb"]
    assert row["title"] == "02 · Who speaks?"
    assert row["minutes"] == 25
    assert "Limits" in row["sections"]
    assert toc["minutes"].notna().all()


# --- the functions, on tiny notebooks ------------------------------------------------------


def _tiny(title: str, *, minutes: int | None = None, extra: list | None = None):
    nb = new_notebook(cells=[new_markdown_cell(f"# {title}\n\nWhat it is for."), *(extra or [])])
    if minutes is not None:
        nb.metadata["reading_the_news"] = {"minutes": minutes}
    return nb


def test_navigation_is_generated_and_idempotent(tmp_path):
    nbformat.write(
        _tiny("00 · Start", extra=[new_markdown_cell("## Contents", metadata={"tags": [TOC_TAG]})]),
        tmp_path / "00-start-here.ipynb",
    )
    nbformat.write(_tiny("01 · One", minutes=5), tmp_path / "01-one.ipynb")
    nbformat.write(_tiny("Glossary"), tmp_path / GLOSSARY)
    assert len(write_navigation(tmp_path, check=True)) == 3
    assert nbformat.read(tmp_path / "01-one.ipynb", as_version=4).cells[0].source.startswith("# 01")
    assert len(write_navigation(tmp_path)) == 3
    assert write_navigation(tmp_path) == []
    one = nbformat.read(tmp_path / "01-one.ipynb", as_version=4)
    assert (
        one.cells[0].source
        == "[‹ 00 · Start](00-start-here.ipynb) | [Contents](00-start-here.ipynb)"
        " | [Glossary](glossary.ipynb)"
    )
    assert one.cells[-1].source == one.cells[0].source
    start = nbformat.read(tmp_path / "00-start-here.ipynb", as_version=4)
    assert "| [01 · One](01-one.ipynb) | What it is for. | 5 |" in start.cells[2].source
    assert start.cells[2].source.startswith("## Contents\n\n| Notebook |")


def test_navigation_markdown_exact():
    assert navigation_markdown(
        previous=("01-a.ipynb", "01 · A"), following=("03-c.ipynb", "03 · C")
    ) == (
        "[‹ 01 · A](01-a.ipynb) | [Contents](00-start-here.ipynb) | [Glossary](glossary.ipynb)"
        " | [03 · C ›](03-c.ipynb)"
    )


def test_contents_escape_table_pipes():
    import pandas as pd

    toc = pd.DataFrame(
        [("01-a.ipynb", "01 · A", None, "x | y", [])],
        columns=["notebook", "title", "minutes", "summary", "sections"],
    )
    assert "| [01 · A](01-a.ipynb) | x \\| y |  |" in contents_markdown(toc)


@pytest.mark.parametrize(
    ("markdown", "missing"),
    [
        (
            "\n\n".join(
                [
                    "**Learning goals.** By the end you will be able to:",
                    "## What are we measuring?",
                    "> **Predict before you run.** Guess.",
                    "## When it goes wrong",
                    "## Limits",
                    "## Your turn",
                    "**Reflect.** Why?",
                ]
            ),
            [],
        ),
        (
            "## What are we measuring?\n\n## Limits",
            ["learning goals", "predict before you run", "failure case", "your turn", "reflect"],
        ),
        ("", list(METHOD_SECTIONS)),
    ],
)
def test_missing_sections(markdown, missing):
    assert missing_sections(new_notebook(cells=[new_markdown_cell(markdown)])) == missing


def test_student_copy_drops_solutions_and_outputs_only(tmp_path):
    solution = new_markdown_cell("**1.** The answer.", metadata={"tags": [SOLUTION_TAG]})
    code = new_code_cell(
        "1 + 1",
        outputs=[nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)],
        execution_count=1,
    )
    nb = _tiny("01 · One", extra=[code, new_markdown_cell("## Your turn\n\n1. Do it."), solution])
    student = student_notebook(nb)
    assert [c.source for c in student.cells] == [c.source for c in nb.cells[:3]]
    assert student.cells[1].outputs == [] and student.cells[1].execution_count is None
    assert len(nb.cells) == 4 and nb.cells[1].outputs  # the teacher's copy is untouched


def test_write_student_copy_never_touches_the_teachers_notebooks(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nbformat.write(
        _tiny("01 · One", extra=[new_markdown_cell("x", metadata={"tags": [SOLUTION_TAG]})]),
        folder / "01-one.ipynb",
    )
    before = (folder / "01-one.ipynb").read_bytes()
    with pytest.raises(ValueError, match="must not overwrite"):
        write_student_copy(folder, folder=folder)
    written = write_student_copy(tmp_path / "students", folder=folder)
    assert [p.name for p in written] == ["01-one.ipynb"]
    assert len(nbformat.read(written[0], as_version=4).cells) == 1
    with pytest.raises(FileExistsError):
        write_student_copy(tmp_path / "students", folder=folder)
    assert (folder / "01-one.ipynb").read_bytes() == before


def test_make_student_writes_every_notebook_without_solutions(tmp_path):
    out = tmp_path / "student-notebooks"
    done = subprocess.run(
        [sys.executable, "-m", "helpers", "student", "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.glob("*.ipynb"))
    assert names == sorted([p.name for p in course_notebooks(NOTEBOOKS)] + [GLOSSARY])
    for path in out.glob("*.ipynb"):
        assert not any(SOLUTION_TAG in _tags(c) for c in nbformat.read(path, as_version=4).cells)


def test_nav_check_command_fails_when_stale(tmp_path):
    from helpers.__main__ import main

    nbformat.write(_tiny("01 · One"), tmp_path / "01-one.ipynb")
    assert main(["nav", "--check", "--notebooks", str(tmp_path)]) == 1
    assert main(["nav", "--notebooks", str(tmp_path)]) == 0
    assert main(["nav", "--check", "--notebooks", str(tmp_path)]) == 0


# --- five questions --------------------------------------------------------------------


def test_five_questions_on_a_tiny_article():
    article = article_from_text(
        "Minister vows a brutal crackdown\n\n"
        "The minister spoke on Monday. “We will act,” the minister said.\n\n"
        "Critics called the regime cruel."
    )
    answers = five_questions(article).set_index("question")["answer"]
    assert answers["Who speaks?"].startswith("1 source(s) quoted or paraphrased:")
    assert "regime" in answers["Whose words are loaded?"]
    assert answers["Does the headline match the body?"] == (
        "Headline words the body never uses: brutal, vows, crackdown."
    )


def test_five_questions_when_nobody_speaks():
    answers = five_questions(article_from_text("A quiet day\n\nThe park was open.")).set_index(
        "question"
    )["answer"]
    assert answers["Who speaks?"] == "Nobody is quoted or paraphrased: only the outlet speaks."
    assert answers["Who is quoted how?"] == (
        "The outlet's own narration: 100% of the words; direct quotes: 0%; paraphrase: 0%."
    )
    assert answers["What is the frame?"] == "No frame cue found."


# --- accessibility -----------------------------------------------------------------------


def test_describe_figure_names_the_chart_its_axes_and_legend():
    fig, ax = plt.subplots()
    data = {"voice": ["A", "A", "B"], "n": [1, 2, 3], "mode": ["quoted", "reported", "quoted"]}
    sns.barplot(data=data, y="voice", x="n", hue="mode", ax=ax)
    ax.set(title="Who speaks", xlabel="Words", ylabel="Voice")
    assert describe_figure(fig) == (
        "Bar chart “Who speaks”. Horizontal axis: Words. Vertical axis: Voice. "
        "Categories: A, B. Legend (mode): quoted, reported."
    )
    plt.close(fig)


def test_heatmap_and_lines_are_named():
    fig, (left, right) = plt.subplots(1, 2)
    sns.heatmap([[0, 1], [1, 0]], ax=left, cbar_kws={"label": "score"})
    left.set(title="Grid")
    right.plot([0, 1], [1, 0])
    assert describe_figure(fig) == "Heat map “Grid”. Colour scale: score. Line chart."
    plt.close(fig)


def test_add_patterns_gives_each_colour_its_own_hatch_in_bars_and_legend():
    fig, ax = plt.subplots()
    data = {"voice": ["A", "A", "B", "B"], "n": [1, 2, 3, 4], "mode": ["x", "y", "x", "y"]}
    sns.barplot(data=data, y="voice", x="n", hue="mode", ax=ax)
    add_patterns(ax)
    legend_hatches = [h.get_hatch() or "" for h in ax.get_legend().legend_handles]
    assert len(set(legend_hatches)) == 2
    bar_hatches = {p.get_hatch() or "" for p in ax.patches if p.get_width() > 0}
    assert bar_hatches == set(legend_hatches)
    plt.close(fig)


def _bars(ax):
    ax.bar(["a", "b"], [1, 2])


def _line(ax):
    ax.plot([0, 1, 2], [1, 0, 1])
    ax.axhline(0)


def _scatter(ax):
    sns.scatterplot(x=[0.1, 0.5], y=[0.2, -0.3], ax=ax)
    ax.axhline(0)  # a reference line does not make a scatter plot a line chart
    ax.axvline(0)


def _dots(ax):
    ax.errorbar([0.1, 0.2], [0, 1], xerr=[0.05, 0.1], fmt="o")
    ax.axvline(0)


def _heat(ax):
    sns.heatmap([[0, 1], [1, 0]], ax=ax, cbar=False)


def _seaborn_line(ax):
    sns.lineplot(x=[0, 1, 2], y=[0.1, -0.2, 0.3], markers=True, ax=ax)
    ax.axhline(0)


@pytest.mark.parametrize(
    ("draw", "kind"),
    [
        (_bars, "Bar chart"),
        (_line, "Line chart"),
        (_seaborn_line, "Line chart"),
        (_scatter, "Scatter plot"),
        (_dots, "Dot plot with intervals"),
        (_heat, "Heat map"),
    ],
    ids=lambda v: v if isinstance(v, str) else v.__name__,
)
def test_alt_text_names_each_chart_kind(draw, kind):
    fig, ax = plt.subplots()
    draw(ax)
    ax.set(title="T")
    assert describe_figure(fig).startswith(f"{kind} “T”."), describe_figure(fig)
    plt.close(fig)
