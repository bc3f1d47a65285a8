"""``make report`` against its floor: the suite's notebooks beside notebooks that only import.

Run: ``python benchmarks/bench_report.py [--article PATH] [--repeats 2]``.

The report is :func:`helpers.report.build_reports` on the default article (what ``make
report`` runs: the notebooks concurrently, ``--jobs``, one per CPU by default, sharing one
analysis stored on disk, :mod:`helpers.analysis_cache`). The floor is the same number of
notebooks, each with a ``parameters`` cell and one cell that imports what the suite's
notebooks import (pandas, seaborn, matplotlib, IPython.display, helpers), executed one after
another and converted to HTML by the same papermill + nbconvert path in the same run (without
the shared analysis: nothing in them reads it; the X-ray, written by both, analyses the
article). The figures are ratios of wall times, the runs alternating ``--repeats`` times (the
best of each is compared, the least disturbed by other processes):

* the report / the serial floor (target <= 1.0x on 2 cores, issue 16), the report starting
  with an empty cache folder (cold: the runner computes the analysis, as on an article's first
  report);
* the report with the analysis already stored (cached) and with no cache at all (each kernel
  computes its own, as notebooks opened alone in JupyterLab), against the cold report;
* the report with 2 jobs / with 1 job (on a 2-CPU machine the report's own run is the 2-job
  run).

Per notebook it shows what is ours (in the serial run): seconds above the floor's mean
notebook (our analysis and charts), and how much of each is nbconvert; and the CPU seconds of
the kernels and of the report process over the whole serial run beside the floor's.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
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
    article: Path,
    out: Path,
    notebooks: list[Path] | None = None,
    *,
    jobs: int | None = None,
    cache: Path | bool = False,
) -> tuple[float, list, tuple[float, float]]:
    """Wall seconds, the results, and the CPU seconds (this process, the kernels) of one
    ``build_reports``."""
    before = _cpu()
    started = time.perf_counter()
    results = build_reports(article, out=out, notebooks=notebooks, jobs=jobs, cache=cache)
    wall = time.perf_counter() - started
    after = _cpu()
    return wall, results, (after[0] - before[0], after[1] - before[1])


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kernels = resource.getrusage(resource.RUSAGE_CHILDREN)  # once each has exited
    return own.ru_utime + own.ru_stime, kernels.ru_utime + kernels.ru_stime


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
    cpus = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor = floor_notebooks(len(suite), tmp / "floor-notebooks")
        stored = tmp / "stored"  # filled by the first cold run, read by every cached one
        runs: dict[str, list] = {"floor": [], "cold": [], "cached": [], "none": [], "serial": []}
        if cpus != 2:
            runs["two"] = []
        for i in range(args.repeats):
            cold = tmp / f"cold{i}"
            runs["floor"].append(run(args.article, tmp / f"floor{i}", floor, jobs=1))
            runs["cold"].append(run(args.article, tmp / f"report{i}", cache=cold))
            shutil.copytree(cold, stored, dirs_exist_ok=True)
            runs["cached"].append(run(args.article, tmp / f"cached{i}", cache=stored))
            runs["none"].append(run(args.article, tmp / f"none{i}", cache=False))
            runs["serial"].append(
                run(args.article, tmp / f"serial{i}", jobs=1, cache=tmp / f"s{i}")
            )
            if "two" in runs:
                runs["two"].append(run(args.article, tmp / f"two{i}", jobs=2, cache=cold))
        best = {name: min(done, key=lambda r: r[0]) for name, done in runs.items()}
        best.setdefault("two", best["cold"])
        floor_s, floor_results, floor_cpu = best["floor"]
        report_s = best["cold"][0]
        serial_s, report_results, serial_cpu = best["serial"]
        two_s = best["two"][0]
        render = html_seconds(report_results)
        render_floor = html_seconds(floor_results)
    ratio = report_s / floor_s
    verdict = "met" if ratio <= TARGET else "not met"
    print(f"notebooks: {len(suite)}, article: {args.article.name}, best of {args.repeats} runs")
    print(f"floor (import-only notebooks, one after another, same path): {floor_s:.1f} s")
    print(f"make report (build_reports, jobs = {cpus} CPUs, cold cache): {report_s:.1f} s")
    print(f"ratio report / serial floor: {ratio:.2f}x (target <= {TARGET}x: {verdict})")
    pairs = [c[0] / f[0] for f, c in zip(runs["floor"], runs["cold"], strict=True)]
    print(
        "  each repeat's report / the floor run just before it: "
        + ", ".join(f"{r:.2f}x" for r in pairs)
    )
    print(f"report, 1 job: {serial_s:.1f} s; 2 jobs: {two_s:.1f} s")
    print(f"ratio 2 jobs / 1 job: {two_s / serial_s:.2f}x (speed-up {serial_s / two_s:.2f}x)")
    print(
        "wall seconds (best) and CPU seconds (that run: kernels + report process), which other "
        "users' load disturbs far less than wall time:"
    )
    labels = {
        "floor": "floor, 1 job",
        "cold": "report, cold cache",
        "cached": "report, analysis stored already",
        "none": "report, no cache (each kernel its own)",
        "serial": "report, 1 job, cold cache",
        "two": "report, 2 jobs, cold cache",
    }
    for name, done in runs.items():
        wall, _, (own, kernels) = min(done, key=lambda r: r[0])
        print(
            f"  {labels[name]:40s} {wall:6.1f} s wall  {kernels + own:6.1f} s CPU "
            f"({kernels:.1f} kernels, {own:.1f} report process)"
        )
    cpu = {name: sum(min(done, key=lambda r: r[0])[2]) for name, done in runs.items()}
    print(
        f"CPU: cached / cold {cpu['cached'] / cpu['cold']:.2f}x, no cache / cold "
        f"{cpu['none'] / cpu['cold']:.2f}x, report / floor {cpu['cold'] / cpu['floor']:.2f}x"
    )
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
