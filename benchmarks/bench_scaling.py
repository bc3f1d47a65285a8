"""Scaling of corpus mode: time and peak memory of ``analyze_corpus(..., out=DIR)`` by size.

Run: ``python benchmarks/bench_scaling.py`` (1,000 and 2,000 articles, what ``make bench``
runs, a few minutes), ``--full`` for 1,000, 5,000 and 10,000 articles (about half an hour on
two cores), or ``--sizes 1000 5000``. ``--workers`` sets the worker processes (default 2).

Each size runs in a fresh Python process, so that its peak memory is its own. The corpus is
generated before the clock starts, so that no two articles are alike and the vocabulary grows
with the corpus as it does in real news (what a cache keyed by text or by name would reveal
as growing memory): each article mixes shuffled paragraphs of three shipped articles and adds
one paragraph of its own, a quotation by an invented person with invented words
(:func:`make_growing_corpus`). ``--repeated`` uses ``bench_corpus.py``'s corpus instead (one
shipped article's paragraphs shuffled), where repeated paragraphs make later articles cheaper.
Time is reported as wall seconds and as CPU seconds of the process and its workers (less
sensitive to other load on a shared machine). Streaming means: seconds per article should
stay flat as the corpus grows (time linear in its size), and so should peak memory. Peak
memory is the resident set size (RSS), sampled every 0.2 s with psutil and summed over the
main process and its workers when psutil is installed (it comes with the ``dev`` and
``scale`` extras); the ``ru_maxrss`` figures of the main process and of the largest worker
are printed as well.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
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


SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "di", "na", "bro", "zan")


def invented_word(number: int, *, length: int = 3) -> str:
    """A made-up word spelling ``number`` in syllables (distinct numbers, distinct words)."""
    syllables = []
    for _ in range(length):
        number, digit = divmod(number, len(SYLLABLES))
        syllables.append(SYLLABLES[digit])
    return "".join(syllables)


def make_growing_corpus(n: int, folder: Path) -> list[Path]:
    """``n`` article files, no two alike: paragraphs of three shipped articles shuffled, and a
    paragraph with an invented speaker, place and words unique to the article."""
    from bench_corpus import shipped_articles

    articles = shipped_articles()
    rng = random.Random(0)
    paths = []
    for i in range(n):
        bases = rng.sample(articles, 3)
        paragraphs = [p for base in bases for p in base.paragraphs]
        rng.shuffle(paragraphs)
        words = [invented_word(4 * i + k, length=5) for k in range(4)]
        first, surname, place = (w.capitalize() for w in words[:3])
        thing = words[3]
        paragraphs.insert(
            len(paragraphs) // 2,
            f"\u201cThe {thing} plan is a disgrace,\u201d said {first} {surname}, a council "
            f"member in {place}. {surname} said the {thing} vote would come next week.",
        )
        path = folder / f"article-{i:05d}.md"
        text = f"{bases[0].title}\n\n" + "\n\n".join(paragraphs[:40]) + "\n"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have ended (the workers)."""
    me, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def child(n: int, workers: int, *, repeated: bool = False) -> dict:
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
        paths = (make_corpus if repeated else make_growing_corpus)(n, Path(tmp))
        peak, stop = [0.0], threading.Event()
        sampler = threading.Thread(target=_sample_peak, args=(stop, peak)) if sampled else None
        if sampler:
            sampler.start()
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        result = analyze_corpus(paths, workers=workers, out=Path(tmp) / "out", progress=False)
        seconds = time.perf_counter() - started
        cpu = _cpu_seconds() - cpu_started  # the workers have ended: analyze_corpus joins them
        stop.set()
        if sampler:
            sampler.join()
        n_files = len(result.written)
    kib = 1024  # ru_maxrss is in KiB on Linux
    return {
        "articles": n,
        "seconds": seconds,
        "cpu_seconds": cpu,
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
    parser.add_argument(
        "--repeated", action="store_true", help="bench_corpus's corpus (repeated paragraphs)"
    )
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.workers, repeated=args.repeated)))
        return
    sizes = [1000, 5000, 10000] if args.full else args.sizes
    corpus = "repeated paragraphs" if args.repeated else "no two articles alike"
    print(
        f"analyze_corpus(out=DIR), {args.workers} workers, each size in a fresh process; {corpus}"
    )
    header = f"{'articles':>8} {'seconds':>8} {'s/article':>9} {'CPU s/art':>9} {'peak MB':>8} "
    print(header + f"{'main MB':>8} {'worker MB':>9}  (peak: RSS of all processes, sampled)")
    rows = []
    for n in sizes:
        command = [sys.executable, __file__, "--child", str(n), "--workers", str(args.workers)]
        command += ["--repeated"] if args.repeated else []
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        peak = f"{row['peak_total_mb']:8.0f}" if row["peak_total_mb"] is not None else "     n/a"
        print(
            f"{n:8d} {row['seconds']:8.1f} {row['seconds'] / n:9.4f} "
            f"{row['cpu_seconds'] / n:9.4f} {peak} "
            f"{row['maxrss_main_mb']:8.0f} {row['maxrss_worker_mb']:9.0f}",
            flush=True,
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        per = (last["seconds"] / last["articles"]) / (first["seconds"] / first["articles"])
        print(f"s/article at {last['articles']} vs {first['articles']}: {per:.2f}x (flat = 1)")
        cpu = (last["cpu_seconds"] / last["articles"]) / (first["cpu_seconds"] / first["articles"])
        print(f"CPU s/article at {last['articles']} vs {first['articles']}: {cpu:.2f}x (flat = 1)")
        if first["peak_total_mb"] and last["peak_total_mb"]:
            grow = last["peak_total_mb"] / first["peak_total_mb"]
            sizes_said = f"{last['articles']} vs {first['articles']}"
            print(f"peak memory at {sizes_said}: {grow:.2f}x (flat = 1)")


if __name__ == "__main__":
    main()
