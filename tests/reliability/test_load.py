"""The load bench's short form: a handful of concurrent protocol sessions, no error allowed.

bench/load.py measures the same thing at N = 1…100 with timings; here only correctness under
concurrency is asserted (timings belong to the bench).
"""

from __future__ import annotations

import sys

from insights import store

import build_runs
from build_runs import LISTING, LISTING_ITEMS

sys.path.insert(0, str(build_runs.REPO / "bench"))
import load  # bench/ is not a package

SESSIONS = 6


def test_concurrent_sessions_open_every_page_with_a_shared_links_filters(tmp_path):
    built = build_runs.build(tmp_path, LISTING)
    assert built.code == 0, built.stderr
    query = load.link_query(built.out)
    assert "theme=" in query and "q=" in query
    with load.serve(built.out, tmp_path / "streamlit.log") as server:
        runs = load.run_async(load.crowd(server.url, query, SESSIONS, think=0.2, ramp=1, seed=0))
    assert [e for run in runs for e in run.errors] == []
    assert len(runs) == SESSIONS * len(load.PAGES)
    for run in runs:  # each run drew its page: the sidebar, a heading, more than a frame
        assert "Filters" in run.texts and run.elements > 10, (run.page, run.texts)
    unfiltered = store.read_dataset(built.out).table.num_rows
    assert unfiltered == LISTING_ITEMS
    overview = next(r for r in runs if r.page == "")
    assert f"Articles: {unfiltered}" not in overview.texts  # the link's filters were applied
