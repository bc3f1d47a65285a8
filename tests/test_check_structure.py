"""The structure check (``tools/check_structure.py``, ``make structure``) on tiny packages."""

from __future__ import annotations

import doctest
import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("check_structure", ROOT / "tools/check_structure.py")
check_structure = importlib.util.module_from_spec(_spec)
sys.modules["check_structure"] = check_structure  # dataclasses look their module up
_spec.loader.exec_module(check_structure)


def make_package(root: Path, files: dict[str, str], *, name: str = "pkg") -> Path:
    """A package ``root/name`` with ``files`` (relative path -> source); returns its folder."""
    package = root / name
    for relative, source in {"__init__.py": "", **files}.items():
        path = package / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return package


def found(package: Path, **limits) -> list[str]:
    return [str(v) for v in check_structure.check(package, base=package.parent, **limits)]


def test_doctests():
    assert doctest.testmod(check_structure).failed == 0


# -- size ------------------------------------------------------------------------------------


def test_size_counts_physical_lines_in_sub_packages_too(tmp_path):
    package = make_package(
        tmp_path,
        {
            "ok.py": "".join(f"x{i} = {i}\n" for i in range(600)),
            "big.py": "".join(f"y{i} = {i}\n" for i in range(601)),
            "sub/__init__.py": "",
            "sub/deep.py": "\n" * 700,  # blank lines count: it is the file's length
        },
    )
    assert found(package) == [
        "pkg/big.py:1: size: 601 lines (at most 600)",
        "pkg/sub/deep.py:1: size: 700 lines (at most 600)",
    ]
    assert found(package, max_lines=700) == []


# -- private names ---------------------------------------------------------------------------

PRIVATE = {
    "a.py": """\
        _rows = 1
        _Cache = 2
        __version__ = "1"
        public = 3
        """,
    "b.py": """\
        from .a import _rows, public
        from pkg.a import _Cache as cache
        from .a import __version__
        from . import a
        from . import a as alias
        import pkg.a
        import pkg.a as pa

        def f():
            from .a import _rows as r  # inside a function too
            return a._rows, alias._Cache, pkg.a._rows, pa._rows, a.public, a.__doc__

        class K:
            def m(self):
                return self._rows, _local()

        def _local():
            return _rows
        """,
    "sub/__init__.py": "from ._impl import helper\n",
    "sub/_impl.py": "def helper():\n    return 1\n",
    "sub/user.py": """\
        from ._impl import helper
        from . import _impl
        from ..a import _rows
        """,
    "outside.py": """\
        from .sub._impl import helper
        from .sub import _impl
        import re
        from os.path import _get_sep
        re._compile
        """,
}


def test_private_names_crossing_modules_are_flagged_and_nothing_else(tmp_path):
    package = make_package(tmp_path, PRIVATE)
    assert found(package) == [
        "pkg/b.py:1: private: imports _rows from pkg.a",
        "pkg/b.py:2: private: imports _Cache from pkg.a",
        "pkg/b.py:10: private: imports _rows from pkg.a",
        "pkg/b.py:11: private: uses pkg.a._Cache",
        "pkg/b.py:11: private: uses pkg.a._rows",
        "pkg/b.py:11: private: uses pkg.a._rows",
        "pkg/b.py:11: private: uses pkg.a._rows",
        # a private module imported from outside its package; the sub-package's own modules
        # may use it (sub/__init__.py, sub/user.py lines 1-2)
        "pkg/outside.py:1: private: imports from private module pkg.sub._impl",
        "pkg/outside.py:2: private: imports private module pkg.sub._impl",
        "pkg/sub/user.py:3: private: imports _rows from pkg.a",
    ]


def test_a_module_may_use_its_own_private_names(tmp_path):
    package = make_package(
        tmp_path,
        {"a.py": "from . import a\nfrom .a import _x\n_x = 1\nprint(a._x)\n"},
    )
    assert found(package) == []


# -- repeated blocks -------------------------------------------------------------------------

BLOCK = """\
    def mean_and_spread(values):
        total = 0
        for value in values:
            total += value
        mean = total / len(values)
        spread = max(values) - min(values)
    """


def test_a_block_of_six_lines_in_two_modules(tmp_path):
    package = make_package(
        tmp_path,
        {
            "a.py": BLOCK + "    return mean, spread\n",
            # indented differently, with blank lines and comments between: still the same
            "b.py": "class C:\n"
            + textwrap.indent(BLOCK.replace("total = 0", "total = 0  # start\n\n    # sum"), "    ")
            + "        return spread\n",
        },
    )
    assert found(package) == [
        "pkg/a.py:1: repeat: 6 lines (to line 6) repeated at pkg/b.py:2-9: "
        "'def mean_and_spread(values):' …"
    ]
    assert found(package, min_block=7) == []


def test_three_copies_and_a_longer_run_are_one_block(tmp_path):
    longer = BLOCK + "    result = (mean, spread)\n    return result\n"
    package = make_package(
        tmp_path,
        {"a.py": longer, "b.py": longer, "c.py": "x = 1\n" + textwrap.dedent(longer)},
    )
    assert found(package) == [
        "pkg/a.py:1: repeat: 8 lines (to line 8) repeated at pkg/b.py:1-8, pkg/c.py:2-9: "
        "'def mean_and_spread(values):' …"
    ]


def test_a_block_repeated_within_one_module(tmp_path):
    body = textwrap.dedent(BLOCK).split("\n", 1)[1]  # five lines: the "def" lines differ
    source = "def f(values):\n" + body + "\n\ndef g(values):\n" + body
    package = make_package(tmp_path, {"a.py": source})
    assert found(package) == []
    assert found(package, min_block=5) == [
        "pkg/a.py:2: repeat: 5 lines (to line 6) repeated at pkg/a.py:10-14: 'total = 0' …"
    ]


NOT_REPEATS = {
    # the same imports, the same docstring, a run of closing brackets and keyword-only lines
    "a.py": '''\
        """A module.

        It says the same
        thing as the other
        over six lines
        and more.
        """
        from __future__ import annotations

        import os
        import re
        import sys
        from pathlib import Path
        from collections import (
            Counter,
            defaultdict,
        )

        def f(x):
            """One.

            Two.
            Three.
            Four.
            """
            try:
                return g(
                    h(
                        [
                            {
                                x
                            }
                        ]
                    )
                )
            except ValueError:
                pass
            else:
                return None
            finally:
                return None
        ''',
    # a run of one repeated line overlaps itself: no copy
    "c.py": "values = [\n" + "    0,\n" * 11 + "]\n",
}
NOT_REPEATS["b.py"] = NOT_REPEATS["a.py"]  # the same file twice: five lines count, not six


def test_imports_docstrings_brackets_keywords_and_self_overlaps_are_no_repeat(tmp_path):
    package = make_package(tmp_path, NOT_REPEATS)
    assert found(package) == []
    assert check_structure.significant_lines(textwrap.dedent(NOT_REPEATS["b.py"])) == [
        (19, "def f(x):"),
        (27, "return g("),
        (28, "h("),
        (31, "x"),
        (36, "except ValueError:"),
    ]
    assert found(package, min_block=5) == [
        "pkg/a.py:19: repeat: 5 lines (to line 36) repeated at pkg/b.py:19-36: 'def f(x):' …",
        "pkg/c.py:2: repeat: 11 lines (to line 12) repeated within these lines: '0,' …",
    ]


def test_a_repeated_all_list_is_no_repeat_but_another_list_is(tmp_path):
    names = "".join(f'    "{name}",\n' for name in "abcdefg")
    package = make_package(
        tmp_path,
        {
            "a.py": "__all__ = [\n" + names + "]\n",  # a package re-exports its modules' names
            "b.py": "__all__ = [\n" + names + "]\n",
            "c.py": "NAMES = [\n" + names + "]\n",  # any other list is code
            "d.py": "NAMES = [\n" + names + "]\n",
        },
    )
    assert found(package) == [
        "pkg/c.py:1: repeat: 8 lines (to line 8) repeated at pkg/d.py:1-8: 'NAMES = [' …"
    ]


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (")", False),
        ("],", False),
        ("else:", False),
        ("return None", False),
        ("pass", False),
        ('"",', False),
        ("x = None", True),
        ("0,", True),
        ('"word",', True),
        ("try:", False),
        ("except ValueError:", True),
    ],
)
def test_trivial_lines(line, kept):
    assert check_structure.is_trivial(line) is not kept


# -- the command -----------------------------------------------------------------------------


def test_command_prints_each_violation_and_exits_1(tmp_path):
    make_package(tmp_path, {"a.py": "_x = 1\n", "b.py": "from .a import _x\n"})
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools/check_structure.py"), "pkg"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert (run.returncode, run.stdout) == (1, "pkg/b.py:1: private: imports _x from pkg.a\n")
    assert run.stderr == "1 structure violation(s): 1 private\n"


def test_command_exits_0_on_a_clean_package_and_2_on_a_folder_that_is_no_package(tmp_path):
    make_package(tmp_path, {"a.py": "x = 1\n"})
    (tmp_path / "loose").mkdir()
    command = [sys.executable, str(ROOT / "tools/check_structure.py")]
    clean = subprocess.run([*command, "pkg"], cwd=tmp_path, capture_output=True, text=True)
    assert (clean.returncode, clean.stdout, clean.stderr) == (0, "", "")
    loose = subprocess.run([*command, "loose"], cwd=tmp_path, capture_output=True, text=True)
    assert loose.returncode == 2
    assert loose.stderr == "error: loose is not a package (no __init__.py)\n"
