"""How much does the article X-ray add to the analysis, and does it scale linearly?

Run: ``python benchmarks/bench_xray.py [--sizes 200000 1000000]``. For the seed and for long
articles (the test suite's, as in ``bench_long_articles.py``) it times ``analyze()`` and then
``xray_html()`` on that analysis, in one process. The figures to quote are ratios:
``xray / analyze`` (the page's cost beside the analysis it shows) and ``per byte`` (the X-ray's
time per byte against the seed's: about 1 when its cost grows linearly). It also times reading
a saved web page (``load_article`` on the five ``tests/fixtures/web`` pages) against reading
the Markdown file it saves to.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # the tests package, after any helpers already on the path

from helpers import ArticleError, analyze, article_from_text, load_article  # noqa: E402
from helpers.web import save_article  # noqa: E402
from helpers.xray import xray_html  # noqa: E402
from tests.test_bad_input import long_article_text  # noqa: E402


def timed(function, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[200_000, 1_000_000])
    args = parser.parse_args()
    seed_path = ROOT / "data/articles/putin-kim-summit-2023.md"
    seed_text = seed_path.read_text(encoding="utf-8")
    xray_html(analyze(load_article(seed_path)))  # warm the lexicons and the tokenizer
    cases = [("seed", f"{seed_text}\n\nOne more run.")]
    cases += [(f"{n:,} bytes", long_article_text(n)) for n in args.sizes]
    seed_per_byte = None
    for name, text in cases:
        analysis_s, analysis = timed(analyze, article_from_text(text))
        runs = [timed(xray_html, analysis)[0] for _ in range(3 if name == "seed" else 1)]
        xray_s = statistics.median(runs)
        per_byte = xray_s / len(text.encode())
        seed_per_byte = seed_per_byte or per_byte
        print(f"{name:>16}: analyze {analysis_s:7.2f} s  xray {xray_s:7.3f} s  "
              f"xray/analyze {xray_s / analysis_s:5.2f}  per byte {per_byte / seed_per_byte:5.2f}",
              flush=True)  # fmt: skip
    pages = sorted((ROOT / "tests/fixtures/web").glob("*.html"))
    load_article(pages[0])  # import trafilatura and warm it once
    with tempfile.TemporaryDirectory() as folder:
        for page in pages:
            try:
                html_s, article = timed(load_article, page)
            except ArticleError:
                print(f"{page.name:>16}: refused (as expected for a wall)")
                continue
            saved = save_article(article, folder)
            md_s = statistics.median(timed(load_article, saved)[0] for _ in range(5))
            print(f"{page.name:>16}: saved page {html_s * 1000:7.1f} ms  "
                  f"its Markdown {md_s * 1000:6.2f} ms  ratio {html_s / md_s:6.0f}")  # fmt: skip


if __name__ == "__main__":
    main()
