"""Every notebook: committed clean, parameterised, and runs top to bottom into an HTML report."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from html.parser import HTMLParser

import nbformat
import pytest

from helpers.report import build_reports, notebook_paths

from .conftest import ROOT

NOTEBOOKS = notebook_paths(ROOT / "notebooks")
OTHER_ARTICLE = """---
title: Council approves riverside park after heated debate
outlet: Constructed test article
date: 2024-05-02
section: Local
---
The city council voted 7-2 on Tuesday to build a park on the old riverside car park.

“This is a good day for families,” said councillor Maria Lopez, who proposed the plan.

Opponents said the park would cost too much. The vote followed three hours of debate.
"""


def test_there_are_notebooks():
    assert [p.name for p in NOTEBOOKS][:2] == [
        "00-start-here.ipynb",
        "01-reading-the-article.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_clean(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"{path.name}: a code cell has outputs"
            assert cell["execution_count"] is None, (
                f"{path.name}: a code cell has an execution count"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_a_parameters_cell_with_article(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
    assert tagged[0].source.lstrip().startswith("ARTICLE = ")


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    return out, build_reports(ROOT / "data/articles/putin-kim-summit-2023.md", out=out)


def executed_outputs(path):
    nb = nbformat.read(path, as_version=4)
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def test_every_notebook_runs_on_the_seed_and_renders_html(seed_reports):
    out, results = seed_reports
    assert [r.notebook for r in results] == [p.name for p in NOTEBOOKS]
    for result in results:
        executed = out / "putin-kim-summit-2023" / "executed" / result.notebook
        outputs = executed_outputs(executed)
        errors = [o for o in outputs if o.output_type == "error"]
        assert not errors, f"{result.notebook}: {errors[0].ename}: {errors[0].evalue}"
        stderr = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"]
        assert not stderr, f"{result.notebook} wrote to stderr: {stderr}"
        html = result.html.read_text(encoding="utf-8")
        if "sns." in (ROOT / "notebooks" / result.notebook).read_text(encoding="utf-8"):
            assert "data:image/png;base64," in html, f"{result.notebook}: no chart in the HTML"
    assert (out / "putin-kim-summit-2023" / "index.html").is_file()


def test_report_charts_have_alt_text_and_links_stay_inside_the_reports(seed_reports):
    out, results = seed_reports
    folder = out / "putin-kim-summit-2023"
    assert (folder / "glossary.html").is_file()
    n_charts = 0
    for result in results:
        html = result.html.read_text(encoding="utf-8")
        images = _image_attributes(html)
        assert all(i.get("alt") for i in images), f"{result.notebook}: an image without alt text"
        for alt in (i["alt"] for i in images):
            assert re.match(r"(Bar chart|Heat map|Line chart|Scatter plot|Dot plot)", alt), alt
        n_charts += len(images)
        links = re.findall(r'href="([^"#:]+)"', html)
        assert not [link for link in links if link.endswith(".ipynb")], result.notebook
        for link in links:
            assert (folder / link).is_file(), f"{result.notebook} links to a missing {link}"
    assert n_charts >= 15


def _image_attributes(html: str) -> list[dict[str, str | None]]:
    images = []

    class Images(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "img":
                images.append(dict(attrs))

    Images().feed(html)
    return images


def test_charts_are_real_images(seed_reports):
    out, results = seed_reports
    executed = out / "putin-kim-summit-2023" / "executed" / "01-reading-the-article.ipynb"
    pngs = [
        o.data["image/png"] for o in executed_outputs(executed) if "image/png" in o.get("data", {})
    ]
    assert len(pngs) >= 3
    for png in pngs:
        raw = base64.b64decode(png)
        assert raw[:8] == b"\x89PNG\r\n\x1a\n" and len(raw) > 5_000


def test_another_article_is_really_analysed(tmp_path):
    article = tmp_path / "riverside-park.md"
    article.write_text(OTHER_ARTICLE, encoding="utf-8")
    first = NOTEBOOKS[:1]
    results = build_reports(article, out=tmp_path / "reports", notebooks=first)
    html = results[0].html.read_text(encoding="utf-8")
    assert "Council approves riverside park after heated debate" in html
    assert "Putin and Kim" not in html
    assert results[0].html.parent.name == "riverside-park"


def test_every_notebook_runs_on_an_article_nobody_speaks_in(tmp_path):
    article = tmp_path / "plain.txt"
    article.write_text("Rain expected\n\nRain is expected on Monday. It will stop on Tuesday.\n")
    results = build_reports(article, out=tmp_path / "reports")
    assert [r.notebook for r in results] == [p.name for p in NOTEBOOKS]


def test_command_line_reports_a_bad_article_clearly(tmp_path):
    missing = tmp_path / "missing.md"
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "report", str(missing), "--out", str(tmp_path / "r")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {missing}: no such file"
    assert not (tmp_path / "r").exists()


HOSTILE = """---
title: "<script>document.title='PWNED'</script> Council <img src=x onerror=\\"alert(1)\\"> row"
---
The council said the plan was <b>bold</b> and <script>document.title='PWNED'</script> safe.

“We reject this <img src=x onerror="alert(2)"> reckless scheme,” said Jane Okafor, a resident.
"""


def test_hostile_article_text_is_inert_in_every_report(tmp_path):
    article = tmp_path / "hostile.md"
    article.write_text(HOSTILE, encoding="utf-8")
    results = build_reports(article, out=tmp_path / "reports")
    for result in results:
        html = result.html.read_text(encoding="utf-8")
        assert "<script>document.title" not in html, result.notebook
        assert "<img src=x" not in html, result.notebook
    report = next(r for r in results if r.notebook.startswith("06"))
    assert "&lt;script&gt;" in report.html.read_text(encoding="utf-8")  # shown as text
