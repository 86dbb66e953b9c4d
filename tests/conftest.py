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


def write_dashboard_dataset(path: Path) -> Path:
    return fixtures.write(path, dashboard_rows())


@pytest.fixture
def dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A dataset file the dashboard reads through INSIGHTS_DATASET."""
    path = write_dashboard_dataset(tmp_path / "articles.parquet")
    monkeypatch.setenv("INSIGHTS_DATASET", str(path))
    return path
