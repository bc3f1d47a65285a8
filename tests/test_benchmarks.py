"""The benchmarks are run by hand (``make bench``): a test only checks that each still loads
against the current ``helpers`` (a renamed private function must not break them silently)."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT

BENCHMARKS = sorted((ROOT / "benchmarks").rglob("bench_*.py"))  # the peer benchmarks too


def test_there_are_benchmarks():
    assert {p.name for p in BENCHMARKS} >= {"bench_corpus.py", "bench_quotes.py"}


@pytest.mark.parametrize("path", BENCHMARKS, ids=lambda p: p.name)
def test_benchmark_loads_and_has_a_main(path):
    spec = importlib.util.spec_from_file_location(f"benchmark_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(module)  # runs the imports, not the benchmark
    finally:
        del sys.modules[spec.name]
    assert callable(getattr(module, "main", None)), f"{path.name} has no main()"
