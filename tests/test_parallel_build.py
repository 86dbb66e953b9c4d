"""Enriching on several processes gives the dataset one process gives, row for row."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from insights.enrich import PER_ARTICLE, parallel, registry
from insights.pipeline import build
from insights.synth import write_synthetic_listing

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = ROOT / "data" / "taxonomy.toml"


def test_two_processes_write_the_same_dataset_as_one(tmp_path, monkeypatch):
    listing = write_synthetic_listing(1_500, tmp_path / "listing.csv", seed=11)
    monkeypatch.setattr(parallel, "MIN_ROWS", 0)  # parallel at this size too
    monkeypatch.setattr(parallel, "SLICE_ROWS", 400)  # four slices: order must survive
    # A spawned worker re-runs the parent's __main__ file. An AppTest run earlier in this
    # pytest process leaves Streamlit's script (dashboard/app.py) as __main__, which cannot run
    # outside the app; `insights build` in a shell has its own.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    said: list[str] = []
    one = build([listing], tmp_path / "one.parquet", taxonomy_path=TAXONOMY, workers=1)
    two = build(
        [listing], tmp_path / "two.parquet", taxonomy_path=TAXONOMY, workers=2, progress=said.append
    )
    assert any("on 2 processes" in line for line in said), said
    assert one.articles == two.articles > 1_000
    first, second = pq.read_table(tmp_path / "one.parquet"), pq.read_table(tmp_path / "two.parquet")
    assert first.column_names == second.column_names
    for name in first.column_names:
        assert first.column(name).equals(second.column(name)), name


def test_small_builds_stay_in_one_process(tmp_path):
    listing = write_synthetic_listing(50, tmp_path / "listing.csv", seed=2)
    said: list[str] = []
    build(
        [listing], tmp_path / "a.parquet", taxonomy_path=TAXONOMY, workers=2, progress=said.append
    )
    assert not any("processes" in line for line in said)
    assert {line.split(":")[0] for line in said if ":" in line} >= PER_ARTICLE


def test_only_enrichments_that_read_one_article_run_apart():
    names = [name for name, _ in registry()]
    assert "dates" in names and "dates" not in PER_ARTICLE
    assert set(names) >= PER_ARTICLE


@pytest.mark.parametrize("value", ["0", "-1", "two", "²"])
def test_workers_must_be_a_whole_number_from_one(value, capsys, tmp_path):
    from insights.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["build", "x.txt", "--out", str(tmp_path / "o.parquet"), "--workers", value])
    assert exit_.value.code == 2
    assert "--workers" in capsys.readouterr().err
