"""Check every regular expression in ``helpers/`` for catastrophic backtracking (ReDoS).

Python's ``re`` is a backtracking engine: a pattern in which the same text can be matched
in many ways (``(a+)+$``, or a name pattern whose words may follow each other without a
space) takes exponential time on a text that almost matches. This check finds such patterns
with regexploit (Doyensec, https://github.com/doyensec/regexploit), a static analyser of
regex syntax trees, over **every pattern the suite compiles**, however it is built:

1. a hook on ``re``'s compiler records each pattern with the line of ``helpers/`` that made
   it, while the suite imports, analyses every shipped and fixture article, and compiles
   every lexicon-built term pattern (patterns built from word lists count too);
2. every call site of ``re.compile``/``re.search``/… in ``helpers/`` is found in the source;
   a call site that the run never reached is reported too, so no pattern escapes the check;
3. each pattern goes through regexploit; anything it reports is a failure.

regexploit predates Python 3.11's possessive quantifiers (``a*+``) and atomic groups
(``(?>…)``), the tools this project uses to make patterns linear; they are modelled here as
what they are to the engine, a block that cannot give back what it matched (one character of
its class). Run it with ``make lint`` or ``python tools/check_regexes.py``; exit 1 on findings.
"""

from __future__ import annotations

import ast
import contextlib
import gc
import re
import sys
import warnings
from pathlib import Path

with warnings.catch_warnings():  # regexploit imports sre_parse, deprecated since 3.11
    warnings.simplefilter("ignore", DeprecationWarning)
    from regexploit.ast.char import Character
    from regexploit.ast.repeat import FiniteRepeat
    from regexploit.ast.sre import SreOpParser
    from regexploit.redos import find

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ROOT / "helpers"
ARTICLE_DIRS = [ROOT / "data" / "articles", ROOT / "tests" / "fixtures"]
ARTICLE_SUFFIXES = {".md", ".txt", ".html", ".htm"}
RE_FUNCTIONS = {
    "compile",
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
}


class _Parser(SreOpParser):
    """regexploit's parser, taught Python 3.11's non-backtracking constructs."""

    def _block(self, items, minimum: int):
        inner = self.sequence_or_singleton(items)
        if inner is None:
            return None
        char = inner.overall_character_class() or Character.ANY()
        block = FiniteRepeat(char, min(minimum, 1), 1)
        if inner.overall_character_class() is not None and (after := char.negate()):
            # what follows a possessive run cannot start with a character the run would take
            self.negative_lookahead = after
        return block

    def from_POSSESSIVE_REPEAT(self, data):
        minimum, _maximum, items = data
        return self._block(items, minimum)

    def from_ATOMIC_GROUP(self, items):
        return self._block(items, 1)


def record_patterns() -> dict[tuple[str, int], set[str]]:
    """Install a hook on ``re._compile``: every pattern compiled from ``helpers/`` is kept
    with the ``file:line`` of the call that made it."""
    seen: dict[tuple[str, int], set[str]] = {}
    original = re._compile
    helpers_dir = str(HELPERS)

    def hooked(pattern, flags):
        if isinstance(pattern, str | bytes):
            frame = sys._getframe(1)
            while frame is not None and frame.f_code.co_filename == re.__file__:
                frame = frame.f_back
            if frame is not None and frame.f_code.co_filename.startswith(helpers_dir):
                site = f"{Path(frame.f_code.co_filename).name}:{frame.f_lineno}"
                text = pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
                seen.setdefault((text, int(flags)), set()).add(site)
        return original(pattern, flags)

    re._compile = hooked
    return seen


def exercise_suite() -> None:
    """Import the suite, analyse every shipped and fixture article (every table read) and
    compile every lexicon term pattern."""
    import helpers
    from helpers import web
    from helpers.loaded import TermPattern

    for folder in ARTICLE_DIRS:
        for path in sorted(p for p in folder.rglob("*.*") if p.suffix in ARTICLE_SUFFIXES):
            if path.name.lower() == "readme.md":
                continue
            try:
                analysis = helpers.analyze(path)
            except helpers.ArticleError:
                continue
            for name in list(analysis.tables):
                analysis.tables[name]
            helpers.xray_html(analysis)
    with contextlib.suppress(helpers.ArticleError):  # the address check, before any network
        web.fetch_html("ftp://example.invalid/article")
    gc.unfreeze()  # analyze() freezes what it loaded (helpers.analysis): see it all
    for obj in gc.get_objects():
        if isinstance(obj, TermPattern):
            _ = obj.compiled
    # the modules the analysis does not reach: scoring, the course tools and reports
    from helpers import course, report  # noqa: F401 - their module-level patterns

    helpers.score_folder(ROOT / "tests" / "fixtures" / "quotes" / "dev")
    for notebook in course.course_notebooks():
        course.missing_sections(notebook)


def call_sites() -> dict[tuple[str, int], int]:
    """Every ``re.<function>(...)`` call in ``helpers/``: ``(file, first line) -> last line``."""
    sites = {}
    for path in sorted(HELPERS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in RE_FUNCTIONS
            ):
                sites[(path.name, node.lineno)] = node.end_lineno
    return sites


def findings(seen: dict[tuple[str, int], set[str]]) -> list[str]:
    problems = []
    for (pattern, flags), sites in sorted(seen.items(), key=lambda kv: sorted(kv[1])):
        try:
            parsed = _Parser().parse_sre(pattern, flags)
        except Exception as error:  # noqa: BLE001 - an unparseable pattern is a finding
            problems.append(f"{', '.join(sorted(sites))}: cannot analyse {pattern!r}: {error}")
            continue
        for redos in find(parsed) if parsed is not None else []:
            problems.append(
                f"{', '.join(sorted(sites))}: backtracks with starriness {redos.starriness} "
                f"(e.g. {redos.example()}) in {pattern[:160]!r}"
            )
            break
    return problems


def unreached(seen: dict[tuple[str, int], set[str]]) -> list[str]:
    """Call sites whose pattern was never compiled during the run (their span may cover
    several lines: a site counts as reached when a recorded line falls inside its call)."""
    spans = call_sites()
    recorded = {}
    for sites in seen.values():
        for site in sites:
            name, line = site.rsplit(":", 1)
            recorded.setdefault(name, set()).add(int(line))
    missing = []
    for (name, first), last in sorted(spans.items()):
        if not any(first <= line <= last for line in recorded.get(name, ())):
            missing.append(
                f"{name}:{first}: never compiled while checking (add a fixture that reaches it)"
            )
    return missing


def main() -> int:
    seen = record_patterns()
    exercise_suite()
    problems = findings(seen) + unreached(seen)
    print(f"check_regexes: {len(seen)} patterns from {len(call_sites())} call sites in helpers/")
    for problem in problems:
        print(f"  {problem}")
    print("check_regexes: " + ("FAILED" if problems else "no backtracking risk found"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
