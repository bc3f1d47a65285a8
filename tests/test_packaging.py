"""pyproject.toml and environment.yml must list the same dependencies and lower bounds."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT

_REQ = re.compile(r"^\s*([A-Za-z0-9_.\-]+)\s*(?:\[[^\]]*\])?\s*(>=\s*[0-9][0-9.]*)?")


def _parse(spec: str) -> tuple[str, str | None]:
    match = _REQ.match(spec)
    assert match, spec
    name = re.sub(r"[-_.]+", "-", match.group(1)).lower()
    return name, (match.group(2) or "").replace(" ", "") or None


def pyproject_requirements() -> dict[str, str | None]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    specs = project["dependencies"] + project["optional-dependencies"]["dev"]
    return dict(_parse(s) for s in specs)


def conda_requirements() -> dict[str, str | None]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    specs: list[str] = []
    for item in env["dependencies"]:
        if isinstance(item, dict):
            specs += [s for s in item["pip"] if not s.startswith("-e")]
        else:
            specs.append(item)
    parsed = dict(_parse(s) for s in specs)
    parsed.pop("pip")
    parsed.pop("python")
    return parsed


def test_environment_yml_matches_pyproject():
    assert conda_requirements() == pyproject_requirements()


def test_environment_yml_installs_the_package_itself():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(item["pip"] for item in env["dependencies"] if isinstance(item, dict))
    assert "-e ." in pip


def test_python_versions_agree():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert project["requires-python"] == ">=3.11"
    assert "python>=3.11" in env["dependencies"]
