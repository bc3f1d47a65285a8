"""``make report`` against its floor: the suite's notebooks beside notebooks that only import.

Run: ``python benchmarks/bench_report.py [--article PATH] [--repeats 2]``.

The report is :func:`helpers.report.build_reports` on the default article (what ``make
report`` runs: the notebooks concurrently, ``--jobs``, one per CPU by default). The floor is
the same number of notebooks, each with a ``parameters`` cell and one cell that imports what
the suite's notebooks import (pandas, seaborn, matplotlib, IPython.display, helpers),
executed one after another and converted to HTML by the same papermill + nbconvert path in
the same run. The figures are ratios of wall times: the report / the serial floor (target
<= 1.0x on 2 cores, issue 16), and the report with 2 jobs / with 1 job; the runs alternate
``--repeats`` times (the best of each is compared, the least disturbed by other processes).
Per notebook it shows what is ours (in the serial run): seconds above the floor's mean
notebook (our analysis and charts), and how much of each is nbconvert.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import nbformat

from helpers.report import _to_html, build_reports, notebook_paths

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT / "data/articles/putin-kim-summit-2023.md"
TARGET = 1.0
IMPORTS = """\
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns
from IPython.display import display

import helpers
"""


def floor_notebooks(n: int, folder: Path) -> list[Path]:
    """``n`` notebooks that take ``ARTICLE`` as a parameter and only import the libraries."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        nb = nbformat.v4.new_notebook()
        parameters = nbformat.v4.new_code_cell('ARTICLE = "article.md"')
        parameters.metadata["tags"] = ["parameters"]
        nb.cells = [parameters, nbformat.v4.new_code_cell(IMPORTS)]
        nb.metadata["kernelspec"] = {
            "name": "python3",
            "display_name": "Python 3",
            "language": "python",
        }
        path = folder / f"{i + 1:02d}-floor.ipynb"
        nbformat.write(nb, path)
        paths.append(path)
    return paths


def run(
    article: Path, out: Path, notebooks: list[Path] | None = None, *, jobs: int | None = None
) -> tuple[float, list]:
    started = time.perf_counter()
    results = build_reports(article, out=out, notebooks=notebooks, jobs=jobs)
    return time.perf_counter() - started, results


def html_seconds(results) -> dict[str, float]:
    """Seconds nbconvert takes to render each executed notebook (measured again here)."""
    seconds = {}
    for r in results:
        executed = r.html.parent / "executed" / r.notebook
        started = time.perf_counter()
        _to_html(executed)
        seconds[r.notebook] = time.perf_counter() - started
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    suite = notebook_paths()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor = floor_notebooks(len(suite), tmp / "floor-notebooks")
        floor_runs, report_runs, serial_runs, two_runs = [], [], [], []
        for i in range(args.repeats):
            floor_runs.append(run(args.article, tmp / f"floor{i}", floor, jobs=1))
            report_runs.append(run(args.article, tmp / f"report{i}"))
            serial_runs.append(run(args.article, tmp / f"serial{i}", jobs=1))
            two_runs.append(run(args.article, tmp / f"two{i}", jobs=2))
        floor_s, floor_results = min(floor_runs, key=lambda r: r[0])
        report_s, _ = min(report_runs, key=lambda r: r[0])
        serial_s, report_results = min(serial_runs, key=lambda r: r[0])
        two_s, _ = min(two_runs, key=lambda r: r[0])
        render = html_seconds(report_results)
        render_floor = html_seconds(floor_results)
    ratio = report_s / floor_s
    verdict = "met" if ratio <= TARGET else "not met"
    print(f"notebooks: {len(suite)}, article: {args.article.name}, best of {args.repeats} runs")
    print(f"floor (import-only notebooks, one after another, same path): {floor_s:.1f} s")
    print(f"make report (build_reports, jobs = {os.cpu_count()} CPUs): {report_s:.1f} s")
    print(f"ratio report / serial floor: {ratio:.2f}x (target <= {TARGET}x: {verdict})")
    print(f"report, 1 job: {serial_s:.1f} s; 2 jobs: {two_s:.1f} s")
    print(f"ratio 2 jobs / 1 job: {two_s / serial_s:.2f}x (speed-up {serial_s / two_s:.2f}x)")
    floor_each = floor_s / len(suite)
    floor_html = sum(render_floor.values()) / len(render_floor)
    print(
        f"floor per notebook: {floor_each:.1f} s (kernel start, imports, papermill; "
        f"nbconvert {floor_html:.2f} s)"
    )
    print(f"{'notebook':32s} {'seconds':>7} {'above floor':>11} {'nbconvert':>9}")
    for r in report_results:
        print(
            f"{r.notebook:32s} {r.seconds:7.1f} {r.seconds - floor_each:11.1f} "
            f"{render[r.notebook]:9.2f}"
        )


if __name__ == "__main__":
    main()
