"""Fixtures for the dashboard's app and browser tests: a small dataset with a hostile title."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

import fixtures
from fixtures import HOSTILE_TITLE, dashboard_rows

# `pytest --hypothesis-profile=deep` searches twenty times harder than the suite does;
# run it after touching a parser (urlstate, the readers).
settings.register_profile("deep", max_examples=2000, deadline=None)


@pytest.fixture(scope="session")
def hostile_title() -> str:
    return HOSTILE_TITLE


@pytest.fixture(scope="session")
def dashboard_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One dataset file for a whole session (the browser tests' server reads it)."""
    return fixtures.write(
        tmp_path_factory.mktemp("dashboard") / "articles.parquet", dashboard_rows()
    )


@pytest.fixture
def dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A dataset file the dashboard reads through INSIGHTS_DATASET."""
    path = fixtures.write(tmp_path / "articles.parquet", dashboard_rows())
    monkeypatch.setenv("INSIGHTS_DATASET", str(path))
    return path
