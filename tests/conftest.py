"""Fixtures for the dashboard's app and browser tests: a small dataset with a hostile title."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from insights import schema

import fixtures

HOSTILE_TITLE = "<script>alert(1)</script> Hostile **title**"


def dashboard_rows() -> list[dict]:
    """The shared sample plus an article whose title and summary try to inject markup."""
    hostile = fixtures.article(
        HOSTILE_TITLE,
        "<img src=x onerror=alert(2)> County lines :red[injected] $x$ [link](javascript:x).",
        published=date(2018, 8, 1),
        themes=["County lines"],
        theme_evidence=fixtures.theme_evidence(County_lines=["county lines"]),
    )
    rows = [*fixtures.sample_rows(), hostile]
    for position, row in enumerate(rows, start=1):
        row[schema.POSITION] = position
    return rows


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
