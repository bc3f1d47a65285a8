"""Does every real news article finish? ``analyze()`` over the peer corpora's development parts.

Run: ``python benchmarks/peer/bench_real_news.py [--corpus ptc persent babe polnear]
[--limit N] [--workers 2] [--timeout 60] [--out benchmarks/peer/results]
[--ids CORPUS:ID ...] [--paragraphs]`` after ``setup_corpora.py`` (see README.md here);
``make peer`` runs it with the defaults; ``--from-csv FILE`` prints the summary of an earlier
run again; ``--paragraphs`` runs each headline and paragraph of the chosen documents alone.

Each article is analysed in a child process of its own (forked from a parent that has
already loaded the word lists), with a time budget: a child over ``--timeout`` seconds is
killed and counted as a time-out, so the run always finishes. The seed article
(``data/articles/putin-kim-summit-2023.md``) is analysed the same way, interleaved with the
corpus articles, so its cost per 1,000 characters is measured under the same load; the
figure to quote is each article's cost per 1,000 characters as a multiple of the seed's.

Prints articles per corpus, errors (with the exception's first line), time-outs, the 15
slowest texts of at least 1,000 characters per 1,000 characters, and the 15 slowest shorter
texts in seconds (a short text's cost per character is mostly the fixed cost of a call: a
one-sentence BABE item costs nearly as much as the whole seed article); writes one row per
article to ``--out/real_news_<UTC time>.csv`` (``corpus, doc_id, chars, status, seconds,
s_per_1k, x_seed, error``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import multiprocessing as mp
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from multiprocessing.connection import wait
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpora  # noqa: E402

from helpers import analyze, article_from_text, load_article  # noqa: E402

SEED = ROOT / "data/articles/putin-kim-summit-2023.md"
#: The seed is timed once at the start and again after every this many corpus articles.
SEED_EVERY = 100
#: Corpora whose texts start with their own headline line (PTC, PolNeAR); the others get a
#: neutral one so that their first sentence stays in the body.
HEADLINE_FIRST = {"ptc", "polnear"}
#: Texts shorter than this (BABE's sentences) are ranked apart: their cost per character is
#: mostly the fixed cost of one ``analyze()`` call, not a sign of super-linear growth.
MIN_CHARS = 1000


@dataclass
class Job:
    corpus: str
    doc_id: str
    text: str


@dataclass
class Result:
    corpus: str
    doc_id: str
    chars: int
    status: str  # ok, error, timeout
    seconds: float
    error: str = ""


def article_text(corpus: str, doc_id: str, text: str) -> str:
    """The text handed to ``article_from_text``: corpora without a headline get one, and so
    does each part of ``--paragraphs`` (``DOC#p<N>``, ``DOC#headline``).

    >>> article_text("babe", "row0", "A sentence.")
    'BABE row0\\n\\nA sentence.'
    >>> article_text("ptc", "article2#p0", "One.")
    'Headline\\n\\nOne.'
    """
    if "#" in doc_id:
        return f"Headline\n\n{text}"
    if corpus in HEADLINE_FIRST:
        return text
    return f"{corpus.upper()} {doc_id}\n\n{text}"


def _child(job: Job, conn) -> None:
    """Runs in the forked child: analyse, send ``(status, seconds, chars, error)`` back."""
    try:
        if job.corpus == "seed":
            article = load_article(SEED)
        else:
            article = article_from_text(article_text(job.corpus, job.doc_id, job.text))
        chars = len(article.text)
        started = time.perf_counter()
        analyze(article).compute()  # every table (analyze() alone computes none)
        conn.send(("ok", time.perf_counter() - started, chars, ""))
    except Exception as exc:  # noqa: BLE001 - every failure is a finding to report
        first = (str(exc).strip().splitlines() or [""])[0]
        conn.send(("error", 0.0, len(job.text), f"{type(exc).__name__}: {first}"[:300]))
    finally:
        conn.close()


def run(jobs: list[Job], *, workers: int, timeout: float, progress: bool = True) -> list[Result]:
    """Each job in its own forked child, at most ``workers`` at a time; a child still running
    after ``timeout`` seconds is killed (a time-out), one that dies is an error."""
    ctx = mp.get_context("fork")
    pending = list(reversed(jobs))
    running: dict[object, tuple[Job, mp.Process, float]] = {}
    results: list[Result] = []
    done = reported = 0
    while pending or running:
        while pending and len(running) < workers:
            job = pending.pop()
            receive, send = ctx.Pipe(duplex=False)
            process = ctx.Process(target=_child, args=(job, send), daemon=True)
            process.start()
            send.close()
            running[receive] = (job, process, time.monotonic())
        now = time.monotonic()
        next_deadline = min(started + timeout for _, _, started in running.values())
        for conn in wait(list(running), timeout=max(0.0, next_deadline - now)):
            job, process, _ = running.pop(conn)
            try:
                status, seconds, chars, error = conn.recv()
            except EOFError:  # the child died without a word (killed, out of memory ...)
                status, seconds, chars = "error", 0.0, len(job.text)
                error = f"worker died (exit code {process.exitcode})"
            conn.close()
            process.join()
            results.append(Result(job.corpus, job.doc_id, chars, status, seconds, error))
            done += 1
        now = time.monotonic()
        for conn, (job, process, started) in list(running.items()):
            if now - started >= timeout:
                process.kill()
                process.join()
                conn.close()
                del running[conn]
                results.append(Result(job.corpus, job.doc_id, len(job.text), "timeout", timeout))
                done += 1
                if progress:
                    print(f"  time-out: {job.corpus} {job.doc_id}", flush=True)
        if progress and done // 250 > reported:
            reported = done // 250
            print(f"  {done} / {len(jobs)} done", flush=True)
    return results


def paragraph_jobs(job: Job) -> list[Job]:
    """The document's headline and each body paragraph as a job of its own (a neutral
    headline above each), to find which part of a slow document is slow.

    >>> parts = paragraph_jobs(Job("ptc", "a2", "Big News\\n\\nOne.\\n\\nTwo."))
    >>> [(j.doc_id, j.text) for j in parts]
    [('a2#headline', 'Big News'), ('a2#p0', 'One.'), ('a2#p1', 'Two.')]
    """
    article = article_from_text(article_text(job.corpus, job.doc_id, job.text))
    parts = [(f"{job.doc_id}#headline", article.title)] if job.corpus in HEADLINE_FIRST else []
    parts += [(f"{job.doc_id}#p{i}", p) for i, p in enumerate(article.paragraphs)]
    return [Job(job.corpus, doc_id, text) for doc_id, text in parts]


def with_seed_runs(jobs: list[Job], *, every: int = SEED_EVERY) -> list[Job]:
    """The seed first, then after every ``every`` corpus jobs, and last.

    >>> [j.corpus for j in with_seed_runs([Job("ptc", str(i), "") for i in range(3)], every=2)]
    ['seed', 'ptc', 'ptc', 'seed', 'ptc', 'seed']
    """
    out = [Job("seed", "seed-0", "")]
    for i, job in enumerate(jobs, 1):
        out.append(job)
        if i % every == 0 and i < len(jobs):
            out.append(Job("seed", f"seed-{i}", ""))
    out.append(Job("seed", f"seed-{len(jobs)}", ""))
    return out


def per_1k(result: Result) -> float:
    return result.seconds / max(result.chars, 1) * 1000


def _median(values) -> float:
    values = list(values)
    return statistics.median(values) if values else float("nan")


def report(
    results: list[Result], *, slowest: int = 15, min_chars: int = MIN_CHARS
) -> tuple[str, float]:
    """The printed summary and the seed's median seconds per 1,000 characters."""
    seeds = [r for r in results if r.corpus == "seed" and r.status == "ok"]
    corpus = [r for r in results if r.corpus != "seed"]
    seed = _median(per_1k(r) for r in seeds)
    head = ("corpus", "articles", "ok", "errors", "time-outs", "characters", "seconds")
    lines = [
        f"seed ({SEED.name}): {_median(r.seconds for r in seeds):.2f} s, {seed:.3f} s per "
        f"1,000 characters (median of {len(seeds)} runs in this run)",
        "",
        "{:<9} {:>8} {:>6} {:>6} {:>9} {:>11} {:>8}".format(*head),
    ]
    for name in sorted({r.corpus for r in corpus}, key=corpora.CORPORA.index):
        rows = [r for r in corpus if r.corpus == name]
        count = Counter(r.status for r in rows)
        chars = sum(r.chars for r in rows)
        seconds = sum(r.seconds for r in rows if r.status == "ok")
        lines.append(
            f"{name:<9} {len(rows):>8} {count['ok']:>6} {count['error']:>6} "
            f"{count['timeout']:>9} {chars:>11,} {seconds:>8.0f}"
        )
    errors = [r for r in corpus if r.status == "error"]
    timeouts = [r for r in corpus if r.status == "timeout"]
    lines += ["", f"errors: {len(errors)}"]
    lines += [f"  {r.corpus} {r.doc_id}: {r.error}" for r in errors]
    budget = f" (over {timeouts[0].seconds:g} s)" if timeouts else ""
    lines += [f"time-outs{budget}: {len(timeouts)}"]
    lines += [f"  {r.corpus} {r.doc_id} ({r.chars:,} characters)" for r in timeouts]
    done = [r for r in corpus if r.status == "ok"]
    long = [r for r in done if r.chars >= min_chars]
    short = [r for r in done if r.chars < min_chars]
    over = sum(1 for r in long if per_1k(r) > 5 * seed)
    lines += [
        "",
        f"texts of {min_chars:,} characters or more: {len(long)}, of which {over} cost more "
        f"than 5 x the seed per character",
        f"{min(slowest, len(long))} slowest per 1,000 characters (x seed = this / the seed's):",
    ]
    lines += [_row(r, seed) for r in sorted(long, key=per_1k, reverse=True)[:slowest]]
    lines += [
        "",
        f"shorter texts: {len(short)} (their cost per character is mostly the fixed cost of "
        f"a call); median {_median(r.seconds for r in short):.3f} s, slowest "
        f"{min(slowest, len(short))} in seconds:",
    ]
    lines += [_row(r, seed) for r in sorted(short, key=lambda r: r.seconds, reverse=True)[:slowest]]
    return "\n".join(lines), seed


def _row(r: Result, seed: float) -> str:
    return (
        f"  {r.corpus:<8} {r.doc_id:<55} {r.chars:>7,} chars {r.seconds:7.2f} s "
        f"{per_1k(r):7.3f} s/1k {per_1k(r) / seed:6.1f} x seed"
    )


def write_csv(results: list[Result], seed: float, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = out / f"real_news_{stamp}.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["corpus", "doc_id", "chars", "status", "seconds", "s_per_1k", "x_seed", "error"]
        )
        for r in results:
            ok = r.status == "ok"
            writer.writerow(
                [
                    r.corpus,
                    r.doc_id,
                    r.chars,
                    r.status,
                    f"{r.seconds:.4f}",
                    f"{per_1k(r):.4f}" if ok else "",
                    f"{per_1k(r) / seed:.3f}" if ok else "",
                    r.error,
                ]
            )
    return path


def read_csv(path: Path) -> list[Result]:
    """The results of an earlier run, from the CSV that :func:`write_csv` wrote."""
    with open(path, newline="", encoding="utf-8") as handle:
        return [
            Result(
                r["corpus"],
                r["doc_id"],
                int(r["chars"]),
                r["status"],
                float(r["seconds"]),
                r["error"],
            )
            for r in csv.DictReader(handle)
        ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", nargs="+", choices=corpora.CORPORA, default=list(corpora.CORPORA)
    )
    parser.add_argument("--limit", type=int, help="at most N articles per corpus (the first N)")
    parser.add_argument("--workers", type=int, default=2, help="child processes at a time (2)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per article (60)")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="folder for the CSV")
    parser.add_argument(
        "--ids", nargs="+", metavar="CORPUS:ID", help="only these documents, e.g. ptc:article2"
    )
    parser.add_argument(
        "--paragraphs",
        action="store_true",
        help="one run per paragraph (and one for the headline) of each document: finds the part"
        " that is slow; ids DOC#p<N> (0-based, as Article.paragraphs) and DOC#headline",
    )
    parser.add_argument(
        "--from-csv", type=Path, metavar="CSV", help="print the summary of an earlier run's CSV"
    )
    args = parser.parse_args(argv)
    if args.workers < 1 or args.timeout <= 0 or (args.limit is not None and args.limit < 1):
        parser.error("--workers and --limit must be at least 1, --timeout above 0")
    if args.from_csv:
        print(report(read_csv(args.from_csv))[0])
        return 0
    wanted = set(args.ids or ())
    try:
        jobs, taken = [], Counter()
        for corpus, doc_id, text in corpora.iter_all_dev_texts(args.corpus):
            if wanted and f"{corpus}:{doc_id}" not in wanted:
                continue
            if args.limit is None or taken[corpus] < args.limit:
                jobs.append(Job(corpus, doc_id, text))
                taken[corpus] += 1
    except corpora.CacheMissingError as exc:
        print(f"bench_real_news: {exc}", file=sys.stderr)
        return 2
    unknown = wanted - {f"{j.corpus}:{j.doc_id}" for j in jobs}
    if unknown:  # a typo, or a held-out document: neither is run
        print(f"bench_real_news: no development document {sorted(unknown)}", file=sys.stderr)
        return 2
    if args.paragraphs:
        jobs = [part for job in jobs for part in paragraph_jobs(job)]
    analyze(load_article(SEED))  # the parent loads the word lists once; children inherit them
    print(
        f"{len(jobs)} articles ({', '.join(f'{c} {n}' for c, n in taken.items())}), "
        f"{args.workers} workers, {args.timeout:g} s each",
        flush=True,
    )
    started = time.monotonic()
    results = run(with_seed_runs(jobs), workers=args.workers, timeout=args.timeout)
    text, seed = report(results)
    print(text)
    path = write_csv(results, seed, args.out)
    print(f"\nwall time {time.monotonic() - started:.0f} s; one row per article in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
