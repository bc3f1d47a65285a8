"""Every notebook: committed clean, parameterised, and runs top to bottom into an HTML report."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
import unicodedata
from html import unescape
from html.parser import HTMLParser

import nbformat
import pytest
from pypdf import PdfReader

from helpers.course import notebook_title
from helpers.report import ReportError, build_reports, notebook_paths

from .conftest import HOSTILE_PAYLOADS, ROOT, SEED_ARTICLE

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


def draws_charts(notebook: str) -> bool:
    """Whether a notebook draws charts (00-start-here and the glossary draw none)."""
    return "sns." in (ROOT / "notebooks" / notebook).read_text(encoding="utf-8")


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
        if draws_charts(result.notebook):
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


def cell_output(executed, source_start: str) -> str:
    """The plain-text result of the first code cell whose source starts with ``source_start``."""
    nb = nbformat.read(executed, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.source.startswith(source_start))
    return "\n".join(
        o.get("data", {}).get("text/plain", "") or o.get("text", "") for o in cell.outputs
    )


def test_another_article_is_really_analysed(tmp_path, seed_reports):
    """papermill's ARTICLE reaches the analysis: the same notebook finds other speakers and
    another share of voice on another article (not just another headline)."""
    article = tmp_path / "riverside-park.md"
    article.write_text(OTHER_ARTICLE, encoding="utf-8")
    who_speaks = [p for p in NOTEBOOKS if p.name.startswith("02")]
    results = build_reports(article, out=tmp_path / "reports", notebooks=who_speaks)
    assert results[0].html.parent.name == "riverside-park"
    executed = results[0].html.parent / "executed" / who_speaks[0].name
    seed_out, _ = seed_reports
    seed_executed = seed_out / SEED_ARTICLE.stem / "executed" / who_speaks[0].name

    injected = nbformat.read(executed, as_version=4).cells
    assert any(
        "injected-parameters" in c.metadata.get("tags", []) and str(article) in c.source
        for c in injected
    )
    assert "Council approves riverside park" in cell_output(executed, "import pandas")
    other, seed = (
        cell_output(executed, "for_students(speakers(article))"),
        cell_output(seed_executed, "for_students(speakers(article))"),
    )
    assert "Maria Lopez" in other and "Putin" not in other
    assert "Putin" in seed and "Maria Lopez" not in seed
    other_share = cell_output(executed, "share = share_of_voice(article)")
    assert "Maria Lopez" in other_share
    assert other_share != cell_output(seed_executed, "share = share_of_voice(article)")
    html = results[0].html.read_text(encoding="utf-8")
    assert "Maria Lopez" in html and "Putin and Kim" not in html


def test_every_notebook_runs_on_an_article_nobody_speaks_in(plain_reports):
    target, stdout = plain_reports
    assert sorted(p.name for p in target.glob("*.html")) == sorted(
        [f"{p.stem}.html" for p in NOTEBOOKS] + ["glossary.html", "index.html", "xray.html"]
    )
    for path in NOTEBOOKS:
        outputs = executed_outputs(target / "executed" / path.name)
        assert not [o for o in outputs if o.output_type == "error"], path.name
    assert f"{target}/ (open index.html)" in stdout


def pdf_text(reader: PdfReader) -> str:
    """The PDF's text layer, ligatures (ﬀ, ﬁ) undone and white space collapsed."""
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


def test_format_pdf_prints_every_report_page(plain_reports):
    """``--format pdf``: a real PDF beside each HTML page, with the article's words as text."""
    target, _ = plain_reports
    for path in NOTEBOOKS:
        pdf = target / f"{path.stem}.pdf"
        assert pdf.read_bytes()[:5] == b"%PDF-", pdf.name
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1, pdf.name
        text = pdf_text(reader)
        heading = notebook_title(path)
        assert heading.split("·")[-1].strip() in text, f"{pdf.name}: no text layer"
        if path.stem.startswith(("01", "06")):  # the headline and the lede are shown there
            assert "Rain expected" in text, pdf.name
    assert "Rain is expected on Monday" in pdf_text(PdfReader(target / f"{NOTEBOOKS[0].stem}.pdf"))
    index = (target / "index.html").read_text(encoding="utf-8")
    assert index.count(".pdf'>PDF</a>") == len(NOTEBOOKS) + 1  # the X-ray is printed too
    assert index.index("xray.html") < index.index(f"{NOTEBOOKS[0].stem}.html")  # linked first
    assert "Rain is expected on Monday" in pdf_text(PdfReader(target / "xray.pdf"))


def test_make_report_passes_format_through(tmp_path):
    dry_run = subprocess.run(
        ["make", "-n", "report", "ARTICLE=some article.md", f"OUT={tmp_path}", "FORMAT=pdf"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert dry_run.returncode == 0, dry_run.stderr
    assert f'-m helpers report "some article.md" --out "{tmp_path}" --format "pdf"' in (
        dry_run.stdout
    )
    default = subprocess.run(
        ["make", "-n", "report"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert '--format "html"' in default.stdout


def test_pdf_without_chromium_says_how_to_install_it(tmp_path, monkeypatch):
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no browser on it
    with pytest.raises(ReportError, match=r"apt-get install chromium"):
        build_reports(SEED_ARTICLE, out=tmp_path / "reports", fmt="pdf")
    assert not (tmp_path / "reports").exists()  # it failed before running any notebook
    monkeypatch.setenv("CHROMIUM", str(tmp_path / "no-such-browser"))
    with pytest.raises(ReportError, match=r"^CHROMIUM=.*no-such-browser is not an executable"):
        build_reports(SEED_ARTICLE, out=tmp_path / "reports", fmt="pdf")


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


def test_hostile_article_text_is_escaped_in_every_report(hostile_reports):
    """The HTML source: payloads only ever escaped (the browser tests run the pages)."""
    _, results = hostile_reports
    for result in results:
        html = result.html.read_text(encoding="utf-8")
        for payload in HOSTILE_PAYLOADS:
            if payload.startswith("<"):
                assert payload not in html, f"{result.notebook}: {payload}"
        assert "__pwned=1</script>" not in html, result.notebook
    report = next(r for r in results if r.notebook.startswith("06"))
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in report.html.read_text(
        encoding="utf-8"
    )  # shown as text


# --- nbconvert: charts embedded, code hidden where the report is meant to hide it ----------


def image_outputs(executed) -> int:
    return sum("image/png" in o.get("data", {}) for o in executed_outputs(executed))


def test_reports_embed_every_chart_as_an_image(seed_reports):
    out, results = seed_reports
    for result in results:
        executed = out / SEED_ARTICLE.stem / "executed" / result.notebook
        charts = image_outputs(executed)
        html = result.html.read_text(encoding="utf-8")
        embedded = len(re.findall(r'<img [^>]*src="data:image/png;base64,', html))
        if draws_charts(result.notebook):
            assert charts >= 1, f"{result.notebook}: no chart on the seed article"
        assert embedded == charts, f"{result.notebook}: {embedded} of {charts} charts embedded"
        assert not re.search(r"<img [^>]*src=[\"'](?!data:)", html), result.notebook  # no links


def visible_text(html: str) -> str:
    """What a reader sees of an HTML page: no tags, no scripts, no style sheets."""
    body = re.sub(r"<(script|style)\b.*?</\1>", "", html, flags=re.S)
    return unescape(re.sub(r"<[^>]+>", "", body))


def test_no_report_page_shows_code(seed_reports):
    """Every page is for students: no code cell's input (no prompt, no highlighted source, not
    one line of any cell's code); the code stays in the notebooks, for JupyterLab."""
    out, results = seed_reports
    for result in results:
        html = result.html.read_text(encoding="utf-8")
        nb = nbformat.read(out / SEED_ARTICLE.stem / "executed" / result.notebook, as_version=4)
        removed = {"solution", "remove_cell"}  # what the reports leave out (helpers/report.py)
        nb.cells = [c for c in nb.cells if not removed & set(c.metadata.get("tags", []))]
        code = [c.source for c in nb.cells if c.cell_type == "code" and c.source.strip()]
        longest_lines = [max(src.splitlines(), key=lambda line: len(line.strip())) for src in code]
        text = visible_text(html)
        code_cells = re.findall(r'<div class="(jp-Cell jp-CodeCell[^"]*)"', html)
        with_input = [c for c in code_cells if "jp-mod-noInput" not in c]
        assert "Explore it yourself" not in text and "widget-state" not in html  # live only
        assert len(code_cells) == len(nb.cells) - sum(c.cell_type != "code" for c in nb.cells)
        assert with_input == [] and "hl-ipython3" not in html, result.notebook
        shown = [line for line in longest_lines if line.strip() in text]
        assert shown == [], f"{result.notebook} shows code: {shown}"


# --- notebooks run concurrently (--jobs): the same pages as one at a time ---------------------


def test_concurrent_reports_are_the_serial_ones_byte_for_byte(tmp_path):
    """Three notebooks at once sharing one stored analysis (06 reads it with analyze(), 02
    with explore()) write the pages that one at a time, each computing its own, writes."""
    article = tmp_path / "riverside-park.md"
    article.write_text(OTHER_ARTICLE, encoding="utf-8")
    chosen = [p for p in NOTEBOOKS if p.name[:2] in ("00", "02", "06")]
    serial = build_reports(article, out=tmp_path / "serial", notebooks=chosen, jobs=1, cache=False)
    together = build_reports(
        article, out=tmp_path / "jobs", notebooks=chosen, jobs=3, cache=tmp_path / "cache"
    )
    assert len(list((tmp_path / "cache").glob("*.pkl"))) == 1
    assert [r.notebook for r in together] == [p.name for p in chosen]
    for one, other in zip(serial, together, strict=True):
        assert one.html.read_bytes() == other.html.read_bytes(), one.notebook
    index = "riverside-park/index.html"
    assert (tmp_path / "serial" / index).read_bytes() == (tmp_path / "jobs" / index).read_bytes()


def _notebook(path, code: str) -> None:
    nb = nbformat.v4.new_notebook()
    parameters = nbformat.v4.new_code_cell('ARTICLE = "article.md"')
    parameters.metadata["tags"] = ["parameters"]
    nb.cells = [parameters, nbformat.v4.new_code_cell(code)]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(nb, path)


def test_a_failing_notebook_among_concurrent_ones_is_named(tmp_path):
    _notebook(tmp_path / "01-fine.ipynb", "print('fine')")
    _notebook(tmp_path / "02-broken.ipynb", "raise ValueError('deliberately broken')")
    _notebook(tmp_path / "03-fine.ipynb", "print('fine too')")
    chosen = sorted(tmp_path.glob("*.ipynb"))
    with pytest.raises(ReportError, match=r"^02-broken.ipynb failed on .*deliberately broken"):
        build_reports(SEED_ARTICLE, out=tmp_path / "out", notebooks=chosen, jobs=2)
    with pytest.raises(ValueError, match="jobs must be at least 1"):
        build_reports(SEED_ARTICLE, out=tmp_path / "out", notebooks=chosen, jobs=0)


def test_command_line_refuses_zero_jobs(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "helpers", "report", str(SEED_ARTICLE), "--jobs", "0",
         "--out", str(tmp_path / "r")],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip() == "error: --jobs must be at least 1"
    assert not (tmp_path / "r").exists()
