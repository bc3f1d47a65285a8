"""Scaling of corpus mode: time and peak memory of ``analyze_corpus(..., out=DIR)`` by size.

Run: ``python benchmarks/bench_scaling.py`` (1,000 and 2,000 articles, what ``make bench``
runs, a few minutes), ``--full`` for 1,000, 5,000 and 10,000 articles (about half an hour on
two cores), or ``--sizes 1000 5000``. ``--workers`` sets the worker processes (default 2).

Each size runs in a fresh Python process, so that its peak memory is its own. The corpus is
generated as in ``bench_corpus.py`` (shipped articles with shuffled paragraphs) before the
clock starts. Streaming means: seconds per article should stay flat as the corpus grows
(time linear in its size), and so should peak memory. Peak memory is the resident set size
(RSS), sampled every 0.2 s with psutil and summed over the main process and its workers
when psutil is installed (it comes with the ``dev`` and ``scale`` extras); the
``ru_maxrss`` figures of the main process and of the largest worker are printed as well.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _sample_peak(stop: threading.Event, peak: list[float]) -> None:
    import psutil

    me = psutil.Process()
    while not stop.is_set():
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):  # a worker that just ended
                total += proc.memory_info().rss
        peak[0] = max(peak[0], total / 2**20)
        stop.wait(0.2)


def child(n: int, workers: int) -> dict:
    """Run one size in this process; return its figures."""
    sys.path.insert(0, str(HERE))
    from bench_corpus import make_corpus

    from helpers import analyze_corpus

    try:
        import psutil  # noqa: F401

        sampled = True
    except ImportError:
        sampled = False
    with tempfile.TemporaryDirectory() as tmp:
        paths = make_corpus(n, Path(tmp))
        peak, stop = [0.0], threading.Event()
        sampler = threading.Thread(target=_sample_peak, args=(stop, peak)) if sampled else None
        if sampler:
            sampler.start()
        started = time.perf_counter()
        result = analyze_corpus(paths, workers=workers, out=Path(tmp) / "out", progress=False)
        seconds = time.perf_counter() - started
        stop.set()
        if sampler:
            sampler.join()
        n_files = len(result.written)
    kib = 1024  # ru_maxrss is in KiB on Linux
    return {
        "articles": n,
        "seconds": seconds,
        "files": n_files,
        "errors": len(result.errors),
        "peak_total_mb": peak[0] if sampled else None,
        "maxrss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / kib,
        "maxrss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / kib,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--full", action="store_true", help="1,000, 5,000 and 10,000 articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.workers)))
        return
    sizes = [1000, 5000, 10000] if args.full else args.sizes
    print(f"analyze_corpus(out=DIR), {args.workers} workers, each size in a fresh process")
    header = f"{'articles':>8} {'seconds':>8} {'s/article':>9} {'peak MB':>8} "
    print(header + f"{'main MB':>8} {'worker MB':>9}  (peak: RSS of all processes, sampled)")
    rows = []
    for n in sizes:
        command = [sys.executable, __file__, "--child", str(n), "--workers", str(args.workers)]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        peak = f"{row['peak_total_mb']:8.0f}" if row["peak_total_mb"] is not None else "     n/a"
        print(
            f"{n:8d} {row['seconds']:8.1f} {row['seconds'] / n:9.4f} {peak} "
            f"{row['maxrss_main_mb']:8.0f} {row['maxrss_worker_mb']:9.0f}",
            flush=True,
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        per = (last["seconds"] / last["articles"]) / (first["seconds"] / first["articles"])
        print(f"s/article at {last['articles']} vs {first['articles']}: {per:.2f}x (flat = 1)")
        if first["peak_total_mb"] and last["peak_total_mb"]:
            grow = last["peak_total_mb"] / first["peak_total_mb"]
            sizes_said = f"{last['articles']} vs {first['articles']}"
            print(f"peak memory at {sizes_said}: {grow:.2f}x (flat = 1)")


if __name__ == "__main__":
    main()
