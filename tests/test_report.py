"""The report runner's own choices: which notebook starts first, one exporter for every page."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

import helpers.report as report

NAMES = ["00-a.ipynb", "01-b.ipynb", "02-c.ipynb", "03-d.ipynb"]


def executed(target: Path, name: str, seconds: float | None) -> None:
    nb = nbformat.v4.new_notebook()
    if seconds is not None:
        nb.metadata["papermill"] = {"duration": seconds}
    (target / "executed").mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target / "executed" / name)


@pytest.mark.parametrize(
    ("previous", "expected"),
    [
        ({}, ["03-d", "02-c", "01-b", "00-a"]),  # no previous report: the course's last first
        ({"00-a.ipynb": 2.0, "01-b.ipynb": 9.0, "02-c.ipynb": 4.5, "03-d.ipynb": 3.0},
         ["01-b", "02-c", "03-d", "00-a"]),  # longest first
        ({"00-a.ipynb": 2.0, "02-c.ipynb": 4.5, "03-d.ipynb": None},
         ["03-d", "01-b", "02-c", "00-a"]),  # unknown (no time noted, or none) first
    ],
)  # fmt: skip
def test_the_longest_notebooks_start_first(tmp_path, previous, expected):
    for name, seconds in previous.items():
        executed(tmp_path, name, seconds)
    notebooks = [tmp_path / name for name in NAMES]
    assert [p.stem for p in report._longest_first(notebooks, tmp_path)] == expected


def test_a_corrupt_previous_notebook_is_only_unknown(tmp_path):
    (tmp_path / "executed").mkdir()
    (tmp_path / "executed" / "01-b.ipynb").write_text("{not json", encoding="utf-8")
    executed(tmp_path, "00-a.ipynb", 5.0)
    notebooks = [tmp_path / name for name in NAMES[:2]]
    assert [p.stem for p in report._longest_first(notebooks, tmp_path)] == ["01-b", "00-a"]


def test_one_exporter_renders_every_page_alike(tmp_path):
    """The exporter is made once and gives what a new one gives, page after page."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell("See [the report](06-report.ipynb#top)."),
        nbformat.v4.new_code_cell("1 + 1", outputs=[]),
    ]
    nb.cells[1].outputs = [
        nbformat.v4.new_output("execute_result", data={"text/plain": "2"}, execution_count=1)
    ]
    path = tmp_path / "page.ipynb"
    nbformat.write(nb, path)
    first = report._to_html(path)
    report._exporter.cache_clear()
    assert report._to_html(path) == first == report._to_html(path)
    assert report._exporter(True) is report._exporter(True)
    assert 'href="06-report.html#top"' in first and "1 + 1" not in first


def test_a_failing_analysis_is_one_clear_error_before_any_kernel(tmp_path, monkeypatch):
    def broken(article, *, folder):
        raise RuntimeError("a rule broke")

    monkeypatch.setattr(report.analysis_cache, "store_analysis", broken)
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nA body.", encoding="utf-8")
    started = []
    monkeypatch.setattr(report, "_one_notebook", lambda *a: started.append(a))
    with pytest.raises(report.ReportError, match=r"analysis of .*a\.txt failed: RuntimeError"):
        report.build_reports(article, out=tmp_path / "out", cache=tmp_path / "cache")
    assert started == []
