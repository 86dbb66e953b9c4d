"""Files a command writes: never one it reads, never another build's (variations of #16's 2, 11)."""

from __future__ import annotations

import tempfile

import pytest

from insights import store, target
from insights.cli import main


@pytest.mark.parametrize("how", ["same path", "symlink", "relative path"])
def test_briefing_out_that_is_its_dataset_is_refused(dataset, tmp_path, capsys, monkeypatch, how):
    before = dataset.read_bytes()
    out = {"same path": dataset, "symlink": tmp_path / "briefing.html", "relative path": None}[how]
    if how == "symlink":
        out.symlink_to(dataset)
    if how == "relative path":
        monkeypatch.chdir(tmp_path)
        out = f"./{dataset.name}"
    assert main(["briefing", str(dataset), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "would destroy the input" in err
    assert dataset.read_bytes() == before
    store.read_dataset(dataset)


def test_briefing_out_in_a_missing_folder_is_written(dataset, tmp_path):
    out = tmp_path / "meetings" / "2018" / "briefing.html"
    assert main(["briefing", str(dataset), "--out", str(out)]) == 0
    assert out.read_text().lower().startswith("<!doctype html>")


def test_sweep_never_removes_the_temporary_file_of_another_out(tmp_path):
    out = tmp_path / "articles.parquet"
    # a live build of articles.parquet.v2 in the same folder, as store.write_dataset names it
    _, live = tempfile.mkstemp(prefix=".articles.parquet.v2.", suffix=".tmp", dir=tmp_path)
    _, orphan = tempfile.mkstemp(prefix=".articles.parquet.", suffix=".tmp", dir=tmp_path)
    assert target.sweep(out, interrupted=True) == [tmp_path / orphan.rsplit("/", 1)[1]]
    assert (tmp_path / live).exists()


def test_sweep_finds_the_orphans_of_an_out_whose_name_has_glob_characters(tmp_path):
    out = tmp_path / "news[2018].parquet"
    _, orphan = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=tmp_path)
    assert target.sweep(out, interrupted=False) == [tmp_path / orphan.rsplit("/", 1)[1]]
