"""Faults as tests: a build killed with SIGKILL at each stage, two builds to one --out at once,
and a rebuild under a running server's open sessions."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from insights import serving, store, synth

import build_runs
from build_runs import LISTING, LISTING_ITEMS, TAXONOMY

sys.path.insert(0, str(build_runs.REPO / "bench"))
import load  # bench/ is not a package
from load_client import Session

BIG = 20_000  # a build of this many takes some seconds: long enough to be caught mid-way


@pytest.fixture(scope="module")
def big_listing(tmp_path_factory) -> Path:
    return synth.write_synthetic_listing(BIG, tmp_path_factory.mktemp("big") / "big.csv", seed=3)


def _start_build(out: Path, source: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "insights", "build", str(source), "--out", str(out)]
    return subprocess.Popen(
        [*command, "--taxonomy", str(TAXONOMY), "--quiet", *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen) -> tuple[int, str]:
    """Wait for a build; its exit code and stderr (pipes closed)."""
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr


def _leftovers(folder: Path) -> list[Path]:
    return sorted(
        [*folder.rglob(".*.tmp"), *folder.rglob(".building-*"), *folder.rglob(".*.probe")]
    )


def _wait_for(process: subprocess.Popen, ready: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + 120
    while not ready():
        assert process.poll() is None, f"the build ended before {what}: {_finish(process)}"
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.001)


# stage → what shows the build is in it (folder is --out's folder)
STAGES: dict[str, Callable[[Path], bool]] = {
    "reading and enriching": lambda d: bool((d / ".articles.parquet.lock").read_text()),
    "writing the dataset": lambda d: any(d.glob(".articles.parquet.*.tmp")),
    "writing the serving copy": lambda d: any(d.glob("articles.index/.building-*")),
}


@pytest.mark.parametrize("stage", STAGES)
def test_kill_9_leaves_a_readable_dataset_and_the_next_build_sweeps(tmp_path, big_listing, stage):
    out = tmp_path / "articles.parquet"
    first = build_runs.build(tmp_path, LISTING, out=out.name)
    assert first.code == 0, first.stderr
    old = serving.load(out)
    assert old.serving is not None

    process = _start_build(out, big_listing)
    _wait_for(process, lambda: out.with_name(".articles.parquet.lock").exists()
              and STAGES[stage](tmp_path), stage)  # fmt: skip
    process.send_signal(signal.SIGKILL)
    assert _finish(process)[0] == -signal.SIGKILL

    dataset = store.read_dataset(out)  # the old dataset, or the whole new one
    corpus = serving.load(out)
    assert corpus.version == dataset.version
    if stage != "writing the serving copy":  # not yet replaced: the old one, still mapped
        assert dataset.version == old.version and corpus.serving == old.serving
    assert corpus.table.num_rows == dataset.table.num_rows

    after = build_runs.build(tmp_path, LISTING, out=out.name)
    assert after.code == 0, after.stderr
    assert _leftovers(tmp_path) == []
    assert (tmp_path / ".articles.parquet.lock").read_text() == ""
    assert store.read_dataset(out).table.num_rows == LISTING_ITEMS


def test_two_builds_to_one_out_one_waits_for_none_and_is_told_who(tmp_path, big_listing):
    out = tmp_path / "articles.parquet"
    first = _start_build(out, big_listing)
    _wait_for(first, lambda: out.with_name(".articles.parquet.lock").exists()
              and STAGES["reading and enriching"](tmp_path), "the first build")  # fmt: skip
    second = build_runs.build(tmp_path, LISTING, out=out.name)
    assert _finish(first) == (0, "")
    line = build_runs.one_line_error(second)
    assert f"the build of big.csv (pid {first.pid}" in line and "--wait" in line
    assert store.read_dataset(out).table.num_rows > LISTING_ITEMS  # the first one's, complete
    assert _leftovers(tmp_path) == []


def test_two_builds_with_wait_run_one_after_the_other(tmp_path, big_listing):
    out = tmp_path / "articles.parquet"
    first = _start_build(out, big_listing)
    _wait_for(first, lambda: out.with_name(".articles.parquet.lock").exists()
              and STAGES["reading and enriching"](tmp_path), "the first build")  # fmt: skip
    second = _start_build(out, LISTING, "--wait")
    assert _finish(first) == (0, "")
    assert _finish(second) == (0, "")
    assert store.read_dataset(out).table.num_rows == LISTING_ITEMS  # the later one, complete
    assert serving.load(out).serving is not None
    assert _leftovers(tmp_path) == []


async def _visit_all(tab: Session, query_string: str = "") -> list:
    return [await tab.open(page, query_string) for page in load.PAGES]


def test_a_rebuild_is_picked_up_by_open_sessions_without_an_error(tmp_path):
    out = tmp_path / "articles.parquet"
    assert build_runs.build(tmp_path, LISTING, out=out.name).code == 0
    bigger = synth.write_synthetic_listing(600, tmp_path / "bigger.csv", seed=4)

    async def scenario(url: str) -> tuple[list, list, list, list]:
        async with Session(url) as tab, Session(url) as other:
            before = await _visit_all(tab, "q=children")
            other_before = await _visit_all(other)
            rebuilt = build_runs.build(tmp_path, bigger.name, out=out.name)
            assert rebuilt.code == 0, rebuilt.stderr
            after = await _visit_all(tab, "q=children")
            return before, after, other_before, await _visit_all(other)

    with load.serve(out, tmp_path / "streamlit.log") as server:
        before, after, other_before, other_after = load.run_async(scenario(server.url))
    for run in before + after + other_before + other_after:
        assert run.errors == [], (run.page, run.errors)
    overview_before, overview_after = other_before[0].texts, other_after[0].texts
    assert f"Articles: {LISTING_ITEMS}" in overview_before
    assert f"Articles: {store.read_dataset(out).table.num_rows:,}" in overview_after


def test_the_previous_serving_copy_survives_a_failed_build(tmp_path):
    out = tmp_path / "articles.parquet"
    assert build_runs.build(tmp_path, LISTING, out=out.name).code == 0
    folder = serving.load(out).serving
    (tmp_path / "empty.txt").write_text("")
    failed = build_runs.build(tmp_path, "empty.txt", out=out.name)
    assert "empty" in build_runs.one_line_error(failed)
    assert serving.load(out).serving == folder and os.path.isdir(folder)
