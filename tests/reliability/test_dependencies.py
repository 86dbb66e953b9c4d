"""Dependency bounds and the constraints file `make` installs from (`make constraints`)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

import build_runs

PYPROJECT = tomllib.loads((build_runs.REPO / "pyproject.toml").read_text())
REQUIREMENTS = [
    Requirement(r)
    for r in PYPROJECT["project"]["dependencies"]
    + PYPROJECT["project"]["optional-dependencies"]["test"]
]
LINES = (build_runs.REPO / "constraints.txt").read_text().splitlines()
PINS = {
    canonicalize_name(name): Version(version)
    for name, version in (line.split("==") for line in LINES if not line.startswith("#"))
}


def _next_major(floor: Version) -> Version:
    # 0.x versions break at the minor: ruff 0.17 → 0.18
    return Version(f"0.{floor.minor + 1}") if floor.major == 0 else Version(f"{floor.major + 1}")


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=str)
def test_each_dependency_is_bounded_below_and_at_its_next_major(requirement):
    floors = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    ceilings = [Version(s.version) for s in requirement.specifier if s.operator == "<"]
    assert len(floors) == 1 and len(ceilings) == 1, requirement
    assert ceilings[0] == _next_major(floors[0]), requirement


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=str)
def test_each_dependency_is_pinned_inside_its_bounds_and_installed_at_the_pin(requirement):
    pin = PINS[canonicalize_name(requirement.name)]
    assert requirement.specifier.contains(pin), (requirement, pin)
    assert Version(metadata.version(requirement.name)) == pin  # make installed from the file


def test_the_constraints_file_pins_exact_versions_and_everything_installed():
    pinned = [line for line in LINES if line and not line.startswith("#")]
    assert all(re.fullmatch(r"[A-Za-z0-9_.-]+==[\w.+!-]+", line) for line in pinned)
    installed = {
        canonicalize_name(d.metadata["Name"])
        for d in metadata.distributions()
        if d.metadata["Name"] not in ("pip", "setuptools", "news-insights")
    }
    assert installed - set(PINS) == set(), "installed but not pinned: run `make constraints`"
