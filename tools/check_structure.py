"""Check three structure rules of issue 17 over ``helpers/`` (sub-packages included).

1. **size**: no module over 600 lines (physical lines, as ``wc -l`` counts them).
2. **private**: no private name crosses a module line. A private name has one leading
   underscore and is not a dunder (``_rows``, not ``__all__``). Flagged:

   - ``from .x import _y``, ``from ..x import _y``, ``from helpers.x import _y``;
   - ``module._y`` where ``module`` is a helpers module bound by an import
     (``from . import lexicons`` then ``lexicons._seen_version``; ``import helpers.x as x``
     then ``x._y``; ``import helpers.x`` then ``helpers.x._y``).

   A private *module* (``_impl.py``) may be imported by the modules of its own package (that is
   what a leading underscore on a module means); from outside that package it is flagged too.
   A module's use of its own private names (``self._x``, ``_helper()``) is never flagged, nor
   is a private name of another library (only imports that resolve inside the checked package
   count).
3. **repeat**: no block of six or more consecutive lines repeated, within one module or
   across modules. Lines are compared after this normalisation:

   - leading and trailing whitespace is stripped, and so is a trailing ``# comment``;
   - skipped, as if absent: blank lines, comment-only lines, docstrings (prose, not code),
     import statements and ``__all__`` lists (a package re-exports its modules' names:
     two modules may well list the same names), and *trivial*
     lines: lines with no word other than a Python keyword, such as ``)``, ``],``,
     ``else:``, ``try:``, ``return None``, ``pass``. They carry no logic of their own, so a
     run of closing brackets or ``else:`` lines never makes two blocks "the same";
   - every other line is compared exactly (names are not renamed: this finds copies, not
     look-alikes).

   Six consecutive *kept* lines equal to six consecutive kept lines elsewhere (in another
   module, or in the same module without overlapping) are a repeat. The lines of all such
   windows are joined into runs, so a longer copy is one finding with its full length, and
   the copies of one block are reported once, at the first, naming every other place.

Run ``python tools/check_structure.py`` (or ``make structure``): one line per violation,
``path:line: rule: message``; exit status 1 if there is any. ``--max-lines`` and
``--min-block`` change the limits; other package folders can be given as arguments.
"""

from __future__ import annotations

import argparse
import ast
import io
import keyword
import re
import sys
import tokenize
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HELPERS = ROOT / "helpers"

#: issue 17, "Done when": "No module in helpers/ over 600 lines"
MAX_LINES = 600
#: issue 17, "Done when": "no block of six or more lines repeated within helpers/"
MIN_BLOCK = 6

_WORD = re.compile(r"[A-Za-z_]\w*|\d+")
_KEYWORDS = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)


@dataclass(frozen=True, order=True)
class Violation:
    """One finding: ``path:line: rule: message`` when printed."""

    path: str
    line: int
    rule: str  # "size", "private" or "repeat"
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.rule}: {self.message}"


def is_private(name: str) -> bool:
    """One leading underscore and not a dunder.

    >>> [is_private(n) for n in ("_rows", "__all__", "rows", "__x", "_")]
    [True, False, False, True, False]
    """
    return name.startswith("_") and not name.endswith("__") and name != "_"


@dataclass(frozen=True)
class _Module:
    path: Path
    dotted: tuple[str, ...]  # ("helpers", "quotes"); a package's __init__ is ("helpers",)
    is_package: bool

    @property
    def package(self) -> tuple[str, ...]:
        """The package the module's relative imports start from."""
        return self.dotted if self.is_package else self.dotted[:-1]


def _modules(package: Path) -> dict[tuple[str, ...], _Module]:
    root = package.name
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package).with_suffix("").parts
        if any(not p.isidentifier() for p in parts):
            continue  # not importable (a stray "copy of x.py")
        is_package = parts[-1] == "__init__"
        dotted = (root, *(parts[:-1] if is_package else parts))
        found[dotted] = _Module(path, dotted, is_package)
    return found


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


# -- rule 1: size ---------------------------------------------------------------------------


def check_size(package: Path, *, max_lines: int = MAX_LINES, base: Path) -> list[Violation]:
    """Every module of ``package`` longer than ``max_lines`` lines."""
    out = []
    for module in _modules(package).values():
        lines = len(module.path.read_text(encoding="utf-8").splitlines())
        if lines > max_lines:
            out.append(
                Violation(
                    _display(module.path, base), 1, "size", f"{lines} lines (at most {max_lines})"
                )
            )
    return out


# -- rule 2: private names across modules ---------------------------------------------------


def _resolve(module: _Module, node: ast.ImportFrom) -> tuple[str, ...] | None:
    """The dotted name an ``ImportFrom`` reads from, or None when it is outside the package."""
    if node.level == 0:
        return tuple(node.module.split(".")) if node.module else None
    base = module.package
    if node.level - 1 > len(base) - 1:
        return None  # above the top package
    base = base[: len(base) - (node.level - 1)]
    return base + tuple(node.module.split(".")) if node.module else base


def _private_module_allowed(importer: _Module, target: tuple[str, ...]) -> bool:
    """A private module on the path may be imported only from inside its own package."""
    for i, part in enumerate(target):
        if is_private(part) and importer.dotted[:i] != target[:i]:
            return False
    return True


def check_private(package: Path, *, base: Path) -> list[Violation]:
    """Private names of one module used by another (imports and ``module._name``)."""
    modules = _modules(package)
    out = []
    for module in modules.values():
        tree = ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
        shown = _display(module.path, base)
        bound: dict[str, tuple[str, ...]] = {}  # local name -> helpers module it is bound to

        def flag(line: int, message: str, shown: str = shown) -> None:
            out.append(Violation(shown, line, "private", message))

        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    target = tuple(alias.name.split("."))
                    if target not in modules:
                        continue
                    if not _private_module_allowed(module, target):
                        flag(node.lineno, f"imports private module {alias.name}")
                    if alias.asname:
                        bound[alias.asname] = target
                    else:
                        bound[target[0]] = target[:1]
            elif isinstance(node, ast.ImportFrom):
                source = _resolve(module, node)
                if source is None or source[0] != module.dotted[0]:
                    continue
                if source in modules and not _private_module_allowed(module, source):
                    flag(node.lineno, f"imports from private module {'.'.join(source)}")
                for alias in node.names:
                    submodule = (*source, alias.name)
                    if submodule in modules:  # "from . import lexicons": a module
                        if is_private(alias.name) and not _private_module_allowed(
                            module, submodule
                        ):
                            flag(node.lineno, f"imports private module {'.'.join(submodule)}")
                        bound[alias.asname or alias.name] = submodule
                    elif is_private(alias.name) and source != module.dotted:
                        flag(node.lineno, f"imports {alias.name} from {'.'.join(source)}")
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute):
                continue
            chain = []
            inner = node.value
            while isinstance(inner, ast.Attribute):
                chain.append(inner.attr)
                inner = inner.value
            if not isinstance(inner, ast.Name) or inner.id not in bound:
                continue
            target = bound[inner.id] + tuple(reversed(chain))
            if target in modules and target != module.dotted and is_private(node.attr):
                flag(node.lineno, f"uses {'.'.join(target)}.{node.attr}")
    return out


# -- rule 3: repeated blocks ----------------------------------------------------------------


def _skipped_lines(tree: ast.Module) -> set[int]:
    """Lines of imports, ``__all__`` lists and docstrings, which the repeat rule leaves out."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) or _assigns_all(node):
            skipped.update(range(node.lineno, node.end_lineno + 1))
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (
                body
                and isinstance(body[0], ast.Expr)
                and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)
            ):
                skipped.update(range(body[0].lineno, body[0].end_lineno + 1))
    return skipped


def _assigns_all(node: ast.AST) -> bool:
    """``__all__ = [...]``: a re-exporting package repeats its modules' lists, as it repeats
    their imports."""
    return isinstance(node, ast.Assign) and any(
        isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
    )


def significant_lines(source: str) -> list[tuple[int, str]]:
    """``(line number, normalised text)`` of every line the repeat rule compares.

    >>> significant_lines('import re\\n\\nx = f(\\n    1,  # one\\n)\\nelse_ = None\\n')
    [(3, 'x = f('), (4, '1,'), (6, 'else_ = None')]
    """
    lines = source.splitlines()
    comment_at: dict[int, int] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            comment_at[token.start[0]] = token.start[1]
    skipped = _skipped_lines(ast.parse(source))
    out = []
    for number, line in enumerate(lines, start=1):
        if number in skipped:
            continue
        text = line[: comment_at.get(number, len(line))].strip()
        if not is_trivial(text):
            out.append((number, text))
    return out


def is_trivial(text: str) -> bool:
    """A line with no word but Python keywords: brackets, ``else:``, ``return None``, ``pass``.

    >>> [is_trivial(t) for t in (")", "],", "else:", "return None", "x = None", "0,", '"a",')]
    [True, True, True, True, False, False, False]
    """
    return all(word in _KEYWORDS for word in _WORD.findall(text))


def check_repeats(package: Path, *, min_block: int = MIN_BLOCK, base: Path) -> list[Violation]:
    """Blocks of ``min_block`` or more kept lines that occur twice or more (see the docstring).

    Every window of ``min_block`` kept lines whose text occurs elsewhere (another module, or
    the same module without overlapping) marks its lines; each run of marked lines is a
    region, and regions that share a window are one repeated block, reported once.
    """
    files = [m.path for m in _modules(package).values()]
    kept = [significant_lines(p.read_text(encoding="utf-8")) for p in files]
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)
    for f, lines in enumerate(kept):
        texts = [t for _, t in lines]
        for i in range(len(texts) - min_block + 1):
            windows[tuple(texts[i : i + min_block])].append((f, i))
    repeated = []  # the places of each window that occurs twice or more
    for places in windows.values():
        valid = [
            (f, i)
            for f, i in places
            if any(g != f or abs(j - i) >= min_block for g, j in places)  # no self-overlap
        ]
        if valid:
            repeated.append(valid)
    marked: dict[int, set[int]] = defaultdict(set)
    for places in repeated:
        for f, i in places:
            marked[f].update(range(i, i + min_block))
    region_of: dict[tuple[int, int], tuple[int, int]] = {}  # (file, index) -> (file, start)
    region_end: dict[tuple[int, int], int] = {}  # (file, start) -> last index
    for f, indices in marked.items():
        start = None
        for i in sorted(indices):
            if start is None or i - 1 not in indices:
                start = i
            region_of[f, i] = (f, start)
            region_end[f, start] = i
    parent = {region: region for region in region_end}

    def root(region):
        while parent[region] != region:
            parent[region] = parent[parent[region]]
            region = parent[region]
        return region

    for places in repeated:
        first = root(region_of[places[0]])
        for place in places[1:]:
            parent[root(region_of[place])] = first
    blocks: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for region in parent:
        blocks[root(region)].append(region)
    out = []
    for regions in blocks.values():
        spans = []
        for f, start in regions:
            end = region_end[f, start]
            first, last = kept[f][start][0], kept[f][end][0]
            spans.append((_display(files[f], base), first, last, end - start + 1, f, start))
        spans.sort()
        (path, first, last, length, f, start), others = spans[0], spans[1:]
        where = "at " + ", ".join(f"{p}:{a}-{b}" for p, a, b, *_ in others)
        if not others:  # the same lines twice in a row: "0,\n" * 12
            where = "within these lines"
        out.append(
            Violation(
                path,
                first,
                "repeat",
                f"{length} lines (to line {last}) repeated {where}: {kept[f][start][1]!r} …",
            )
        )
    return out


def check(
    package: Path, *, max_lines: int = MAX_LINES, min_block: int = MIN_BLOCK, base: Path = ROOT
) -> list[Violation]:
    """Every violation of the three rules in ``package``, sorted by file and line."""
    package = Path(package)
    return sorted(
        check_size(package, max_lines=max_lines, base=base)
        + check_private(package, base=base)
        + check_repeats(package, min_block=min_block, base=base)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("packages", nargs="*", type=Path, default=[HELPERS])
    parser.add_argument("--max-lines", type=int, default=MAX_LINES)
    parser.add_argument("--min-block", type=int, default=MIN_BLOCK)
    args = parser.parse_args(argv)
    found = []
    for package in args.packages:
        if not (package / "__init__.py").is_file():
            print(f"error: {package} is not a package (no __init__.py)", file=sys.stderr)
            return 2
        found += check(package, max_lines=args.max_lines, min_block=args.min_block, base=Path.cwd())
    for violation in found:
        print(violation)
    if found:
        counts = defaultdict(int)
        for v in found:
            counts[v.rule] += 1
        summary = ", ".join(f"{n} {rule}" for rule, n in sorted(counts.items()))
        print(f"{len(found)} structure violation(s): {summary}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
