"""The rendered report pages are made for students (issue 20): checked in the seed's HTML.

No code, no row-number column, no NaN, no number with more than two decimals, and every
table drawn by ``for_students``.
"""

from __future__ import annotations

import re
from html import unescape

from .test_notebooks import visible_text


def page_problems(html: str) -> list[str]:
    """What a student should not see on one rendered page."""
    problems = []
    code_cells = re.findall(r'<div class="(jp-Cell jp-CodeCell[^"]*)"', html)
    if any("jp-mod-noInput" not in c for c in code_cells) or "hl-ipython3" in html:
        problems.append("code is shown")
    for table in re.findall(r"<table\b.*?</table>", html, flags=re.S):
        head = re.search(r"<thead>.*?<th\b[^>]*>(.*?)</th>", table, flags=re.S)
        if head and not unescape(re.sub(r"<[^>]+>", "", head.group(1))).strip():
            problems.append("a table has an unnamed first column (row numbers)")
        if re.search(r"<tbody>\s*<tr>\s*<th\b[^>]*>\s*\d+\s*</th>", table):
            problems.append("a table has row numbers")
        if "for-students" not in table and "dataframe" in table:
            problems.append("a table is not drawn by for_students")
    text = visible_text(html)
    if re.search(r"\bNaN\b|\bnan\b", text):
        problems.append("NaN is shown")
    long = re.findall(r"(?<![\d.])\d+\.\d{3,}(?![\d.])", text)
    if long:
        problems.append(f"numbers with more than two decimals: {long[:5]}")
    return problems


def test_the_checker_sees_what_a_student_should_not():
    import pandas as pd

    raw = pd.DataFrame({"per_100_words": [6.382978, float("nan")]}).to_html()
    found = page_problems(f"<html><body>{raw}</body></html>")
    assert "a table has row numbers" in found and "NaN is shown" in found
    assert any(p.startswith("numbers with more than two decimals") for p in found)
    assert page_problems("<p>0.25 of 1.5 words in 2023.</p>") == []


def test_every_report_page_is_made_for_students(seed_reports):
    _, results = seed_reports
    for result in results:
        html = result.html.read_text(encoding="utf-8")
        assert page_problems(html) == [], result.notebook
