"""Where a page run's time goes: cProfile of every page script, run in-process by AppTest.

    .venv/bin/python bench/profile_pages.py --dataset /tmp/insights-bench/articles-1000000-0.parquet
    .venv/bin/python bench/profile_pages.py --pages timeline --top 40

Each page opens with the load bench's shared link (its most common theme and a search, as
bench/load.py's sessions open it), once to warm the server-wide caches and then `--runs`
times under the profiler, in the script thread (AppTest runs the page in a thread of its
own). Printed per page: milliseconds per run, the share of it spent in each part (chart
building, Streamlit's marshalling, JSON, Arrow, the corpus queries), then the functions with
the most cumulative time. Run it before and after a change on the same machine: compare
shares and ratios, not absolute times (the machine is shared).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path
from urllib.parse import parse_qsl

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.local_script_runner import LocalScriptRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))
import load  # the shared link the load bench opens

REPO = Path(__file__).resolve().parents[1]
PAGES = ("overview", "timeline", "themes", "figures", "explore", "about")
# Where time goes: each function's own time (tottime, so nothing is counted twice) summed by
# the file it lives in, first match wins; dashboard code and the standard library are "other".
PARTS = (
    # AppTest compiles the page on every run; a server keeps the bytecode (ScriptCache)
    ("script compile (AppTest only)", ("/ast.py", "/scriptrunner/magic.py")),
    ("charts (Altair / Plotly objects, validation)", ("/altair/", "plotly/", "/jsonschema/")),
    ("Arrow / pandas", ("/pyarrow/", "/pandas/")),
    ("corpus queries and wording", ("/insights/",)),
    ("JSON", ("/json/",)),
    ("Streamlit (elements, protobuf)", ("/streamlit/", "/google/protobuf/")),
)

_profile = cProfile.Profile()


def _profiled_thread(self: LocalScriptRunner) -> None:
    _profile.enable()
    try:
        _original_thread(self)
    finally:
        _profile.disable()


_original_thread = LocalScriptRunner._run_script_thread


def page_session(page: str, params: dict[str, list[str]]) -> tuple[AppTest, float]:
    """One session on `page`, opened by the link, and the seconds its first run took.

    AppTest runs a page inside the frame (app.py) only after a first run of the frame.
    """
    at = AppTest.from_file(str(REPO / "dashboard/app.py"), default_timeout=300)
    at.query_params.update(params)
    started = time.perf_counter()
    rerun(at)
    if page != "overview":
        started = time.perf_counter()
        rerun(at.switch_page(f"pages/{page}_page.py"))
    return at, time.perf_counter() - started


def rerun(at: AppTest) -> AppTest:
    at.run()
    if at.exception:
        raise SystemExit(f"{[e.value for e in at.exception]}")
    return at


def parts(stats: pstats.Stats) -> dict[str, float]:
    """Seconds spent in each part's own functions (their tottime)."""
    totals = dict.fromkeys([name for name, _ in PARTS] + ["other"], 0.0)

    def part(filename: str) -> str:
        return next((n for n, needles in PARTS if any(s in filename for s in needles)), "other")

    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        totals[part(filename)] += tottime
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=REPO / "data/articles.parquet")
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--present", action="store_true", help="presenter mode (?present=1)")
    args = parser.parse_args(argv)
    os.environ["INSIGHTS_DATASET"] = str(args.dataset.resolve())
    query = load.link_query(args.dataset)
    params: dict[str, list[str]] = {}
    for key, value in parse_qsl(query):
        params.setdefault(key, []).append(value)
    if args.present:
        params["present"] = ["1"]
    print(f"dataset {args.dataset}; link ?{query}")
    for page in args.pages.split(","):
        LocalScriptRunner._run_script_thread = _original_thread
        at, first = page_session(page, params)  # warms the corpus and any shared cache
        LocalScriptRunner._run_script_thread = _profiled_thread
        _profile.clear()
        started = time.perf_counter()
        for _ in range(args.runs):  # a rerun: what every later visitor's run costs
            rerun(at)
        wall = (time.perf_counter() - started) / args.runs
        out = io.StringIO()
        stats = pstats.Stats(_profile, stream=out)
        # the frame (app.py) and the page: both run for every link opened
        total = sum(t for *_, t, _ct, _c in stats.stats.values()) / args.runs
        print(
            f"\n== {page}: first open {first * 1000:.0f} ms (frame and page, cold caches); "
            f"then {wall * 1000:.0f} ms wall per run, {total * 1000:.0f} ms profiled"
        )
        for name, seconds in parts(stats).items():
            per_run = seconds / args.runs
            print(f"   {name:48} {per_run * 1000:7.0f} ms  {per_run / total:5.0%}")
        stats.sort_stats("cumulative").print_stats(args.top)
        stats.sort_stats("tottime").print_stats(args.top // 2)
        print("\n".join(line for line in out.getvalue().splitlines()[8:] if line.strip()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
