"""The who_speaks package as a whole (helpers/who_speaks/__init__.py): every module short
enough to read in one sitting, and only public names crossing its modules (issue 17)."""

from __future__ import annotations

import ast

import pytest

import helpers.who_speaks

from .conftest import ROOT

PACKAGE = ROOT / "helpers" / "who_speaks"
MODULES = sorted(PACKAGE.glob("*.py"))
# The modules whose names the package and its readers import: none may be private.
GUARDED = {"who_speaks", "entities", "quotemarks", "quotes"} | {p.stem for p in MODULES}


@pytest.mark.parametrize("path", MODULES, ids=[p.name for p in MODULES])
def test_each_module_is_short(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600


def private_imports(path) -> list[str]:
    """``from .x import _name`` where x is a guarded module (``who_speaks.x`` included)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level and node.module:
            if node.module.split(".")[-1] not in GUARDED:
                continue
            found += [
                f"{path.name}:{node.lineno} {node.module}.{a.name}"
                for a in node.names
                if a.name.startswith("_") and not a.name.startswith("__")
            ]
    return found


def test_no_private_name_crosses_a_module():
    paths = sorted((ROOT / "helpers").glob("*.py")) + MODULES
    assert [hit for path in paths for hit in private_imports(path)] == []


def test_private_imports_are_found(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from .entities import _strip_run\nfrom .lexicons import _rows\n")
    assert private_imports(probe) == ["probe.py:1 entities._strip_run"]


def test_the_package_exports_what_it_names():
    for name in helpers.who_speaks.__all__:
        assert getattr(helpers.who_speaks, name) is not None
    assert helpers.who_speaks.extract_quotes.__module__ == "helpers.who_speaks.tables"
