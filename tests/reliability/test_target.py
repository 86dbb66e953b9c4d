"""The build's --out: refused before any read when it would destroy an input or cannot be
written; one build at a time; orphans of killed builds swept, live ones left alone."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from insights import target
from insights.target import BuildLock, TargetError


def _layout(tmp_path: Path) -> dict[str, Path]:
    (tmp_path / "listing.txt").write_text("A headline\n\nA summary.\n")
    (tmp_path / "sub").mkdir()
    os.link(tmp_path / "listing.txt", tmp_path / "hard-link.txt")
    (tmp_path / "sym-link.txt").symlink_to(tmp_path / "listing.txt")
    (tmp_path / "a-file").write_text("x")
    return {"listing": tmp_path / "listing.txt"}


# (--out relative to tmp_path, the words the one-line refusal must contain)
REFUSED = [
    ("listing.txt", "is the input"),
    ("sub/../listing.txt", "is the input"),
    ("hard-link.txt", "is the input"),
    ("sym-link.txt", "is the input"),
    ("sub", "is a folder"),
    (".", "is a folder"),
    ("a-file/articles.parquet", "is a file, not a folder"),
    ("a-file/deeper/articles.parquet", "is a file, not a folder"),
]


@pytest.mark.parametrize(("out", "words"), REFUSED, ids=[r[0] for r in REFUSED])
def test_out_is_refused_in_one_line(tmp_path, monkeypatch, out, words):
    files = _layout(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(TargetError, match=words) as err:
        target.check(Path(out), [files["listing"]])
    assert "\n" not in str(err.value)
    assert out in str(err.value) or str(tmp_path) in str(err.value)


def test_a_taxonomy_or_dates_file_is_an_input_too(tmp_path):
    taxonomy = tmp_path / "taxonomy.toml"
    taxonomy.write_text("")
    with pytest.raises(TargetError, match="is the input"):
        target.check(taxonomy, [tmp_path / "listing.txt", taxonomy, None])


def test_an_input_inside_the_serving_folder_is_refused(tmp_path):
    inside = tmp_path / "articles.index" / "listing.txt"
    inside.parent.mkdir()
    inside.write_text("x")
    with pytest.raises(TargetError, match="serving folder"):
        target.check(tmp_path / "articles.parquet", [inside])


@pytest.mark.parametrize(
    "out", ["articles.parquet", "new/folders/articles.parquet"], ids=["file", "new folders"]
)
def test_a_writable_out_passes_and_nothing_is_left(tmp_path, out):
    assert target.check(tmp_path / out, [tmp_path / "listing.txt"]) == tmp_path / out
    assert sorted(tmp_path.rglob("*")) == []  # the write probe is gone, no folder made


def test_the_lock_refuses_a_second_build_naming_the_first(tmp_path):
    out = tmp_path / "articles.parquet"
    refused = pytest.raises(TargetError, match=r"the build of listing\.txt \(pid \d+")
    with BuildLock(out).hold(["listing.txt"]), refused as err, BuildLock(out).hold(["other.csv"]):
        pass
    assert "--wait" in str(err.value) and "\n" not in str(err.value)
    with BuildLock(out).hold(["other.csv"]) as lock:  # free again once the first ended
        assert lock.interrupted == ""


def test_a_killed_holder_is_recognised_by_the_next_build(tmp_path):
    out = tmp_path / "articles.parquet"
    lock = BuildLock(out)
    lock.path.write_text("the build of listing.txt (pid 4242, started …)")  # what kill -9 leaves
    with lock.hold(["listing.txt"]):
        assert lock.interrupted.startswith("the build of listing.txt (pid 4242")
    assert lock.path.read_text() == ""


def _orphans(tmp_path: Path) -> dict[str, Path]:
    index = tmp_path / "articles.index"
    paths = {
        "tmp": tmp_path / ".articles.parquet.k3j2x9a_.tmp",
        "other dataset's tmp": tmp_path / ".other.parquet.k3j2x9a_.tmp",
        "scratch": index / ".building-abc",
        "nested scratch": index / "v1-format3" / ".building-def",
        "serving copy": index / "v1-format3" / "serving",
    }
    for name, path in paths.items():
        if "tmp" in name:
            path.write_bytes(b"half a file")
        else:
            path.mkdir(parents=True)
            (path / "table.arrow").write_bytes(b"half")
    return paths


def test_sweep_after_a_killed_build_removes_every_orphan(tmp_path):
    paths = _orphans(tmp_path)
    removed = target.sweep(tmp_path / "articles.parquet", interrupted=True)
    assert sorted(removed) == sorted([paths["tmp"], paths["scratch"], paths["nested scratch"]])
    assert paths["other dataset's tmp"].exists() and paths["serving copy"].exists()


def test_sweep_leaves_fresh_scratch_that_a_live_writer_may_own(tmp_path):
    paths = _orphans(tmp_path)
    removed = target.sweep(tmp_path / "articles.parquet", interrupted=False)
    assert removed == [paths["tmp"]]  # only a build writes .tmp files, and we hold the lock
    assert paths["scratch"].exists() and paths["nested scratch"].exists()


def test_sweep_removes_scratch_untouched_for_longer_than_the_limit(tmp_path):
    paths = _orphans(tmp_path)
    later = time.time() + target.STALE_AFTER_SECONDS + 1
    removed = target.sweep(tmp_path / "articles.parquet", interrupted=False, now=later)
    assert paths["scratch"] in removed and paths["nested scratch"] in removed
    assert paths["serving copy"].exists()
