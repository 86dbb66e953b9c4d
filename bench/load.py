"""Load bench: N concurrent dashboard sessions over Streamlit's protocol, no browser per session.

    .venv/bin/python bench/load.py                                  # the shipped 26 articles
    .venv/bin/python bench/load.py --dataset 1m=/tmp/insights-bench/articles-1000000-0.parquet
    .venv/bin/python bench/load.py --sessions 1,10 --think 0        # quick, back to back

One real `streamlit run dashboard/server.py` per dataset. Every session (bench/load_client.py)
opens every page with a theme filter and a search in the query string, as a shared link
would, pausing a think time between pages (default 10 s, uniform 5–15 s); sessions arrive at
random over a ramp (default 30 s: a link sent to fifty people, opened within half a minute).
A flash crowd is `--think 2 --ramp 5`. Reported per
page: p50/p95 of the run time (rerun request to `script_finished`, as the client sees it),
errors (exceptions, "page not found", time-outs, dropped sockets) and the server's RSS before,
at its peak and after the sessions closed (once Streamlit dropped them: the server is started
with a short `server.disconnectedSessionTTL`, so "after" does not wait the default 120 s).

Bars (checked at 50 sessions when given `--bars`): p95 ≤ 3× one session's on every page, no
error, peak RSS < 1.5 GB, RSS after ≤ 1.25× before.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import contextlib
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pyarrow.compute as pc
import pyarrow.parquet as pq

from insights import schema

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load_client import PageRun, Session

REPO = Path(__file__).resolve().parents[1]
PAGES = ("", "timeline", "themes", "figures", "explore", "about")  # "" is Overview, at /
SEARCH = "children"
BASELINE_ROUNDS = 5  # N=1 opens every page this many times (think ≤ 1 s: nobody to wait for)
SESSION_TTL = 3  # seconds Streamlit keeps a closed session (default 120) in this bench
P95_RATIO_BAR, PEAK_BAR_MB, AFTER_BAR = 3.0, 1536, 1.25


@dataclass
class Server:
    url: str
    pid: int


@contextlib.contextmanager
def serve(dataset: Path, log_path: Path, options: dict[str, str] | None = None) -> Iterator[Server]:
    """`streamlit run dashboard/server.py` on a free port until healthy; stopped on exit.

    Args:
        options: Streamlit options for this server ({"runner.postScriptGC": "true"}; they
            override .streamlit/config.toml) and environment variables ({"MALLOC_ARENA_MAX":
            "2"}: a key without a dot).
    """
    options = options or {}
    extra = [a for key, value in options.items() if "." in key for a in (f"--{key}", value)]
    environment = {key: value for key, value in options.items() if "." not in key}
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "streamlit", "run", "dashboard/server.py"),
                *("--server.headless", "true", "--server.port", str(port)),
                *("--browser.gatherUsageStats", "false"),
                *("--server.disconnectedSessionTTL", str(SESSION_TTL)),
                *extra,
            ],
            cwd=REPO,
            env={**os.environ, "INSIGHTS_DATASET": str(dataset), **environment},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                        break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"streamlit did not start; see {log_path}") from None
                    time.sleep(0.2)
            yield Server(url, process.pid)
        finally:
            process.terminate()
            process.wait(timeout=30)


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class PeakRss:
    """Samples a process's RSS every 50 ms while in use; `.peak` in MB."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, rss_mb(self.pid))
            self._stop.wait(0.05)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def link_query(dataset: Path) -> str:
    """A theme filter and a search, as a shared link carries them: the most common theme."""
    themes = pc.list_flatten(pq.read_table(dataset, columns=[schema.THEMES]).column(0))
    counts = pc.value_counts(themes).to_pylist()
    theme = max(counts, key=lambda c: c["counts"])["values"] if counts else None
    return urlencode([*([("theme", theme)] if theme else []), ("q", SEARCH)])


async def visitor(
    url: str, query: str, delay: float, think: float, rng: random.Random, rounds: int = 1
):
    """One session: arrive after `delay`, open every page (`rounds` times), thinking between."""
    await asyncio.sleep(delay)
    runs: list[PageRun] = []
    try:
        async with Session(url) as tab:
            for page in PAGES * rounds:
                runs.append(await tab.open(page, query))
                if think:
                    await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
    except (OSError, TimeoutError) as exc:  # could not even connect
        failed = PageRun("(connect)", query)
        failed.errors.append(f"{type(exc).__name__}: {exc}")
        runs.append(failed)
    return runs


def run_async(coroutine):
    """asyncio.run in a thread of its own: works under a caller's running event loop too
    (pytest with playwright's sync API keeps one in the main thread)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def crowd(
    url: str, query: str, n: int, think: float, ramp: float, seed: int, rounds: int = 1
):
    rng = random.Random(seed)
    delays = [rng.uniform(0, ramp) if n > 1 else 0.0 for _ in range(n)]
    visitors = (visitor(url, query, d, think, rng, rounds) for d in delays)
    done = await asyncio.gather(*visitors)
    return [run for runs in done for run in runs]


@dataclass
class Step:
    """One N: every page run, and the server's RSS around them."""

    n: int
    runs: list[PageRun]
    before: float
    peak: float
    after: float
    seconds: float
    by_page: dict[str, list[float]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for run in self.runs:
            self.by_page.setdefault(run.page, []).append(run.seconds * 1000)

    @property
    def errors(self) -> list[str]:
        return [e for run in self.runs for e in run.errors]


def percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def measure(
    dataset: Path, sessions: list[int], args: argparse.Namespace, options: dict[str, str]
) -> list[Step]:
    query = link_query(dataset)
    steps: list[Step] = []
    log = args.workdir / f"load-streamlit-{dataset.stem}.log"
    with serve(dataset, log, options) as server:
        started = rss_mb(server.pid)
        warm = run_async(crowd(server.url, query, 1, 0, 0, args.seed))  # loads the corpus
        if any(r.errors for r in warm):
            print(f"  warm-up errors: {[e for r in warm for e in r.errors]}")
        print(
            f"  server RSS at start {started:.0f} MB, after one warm-up session "
            f"{rss_mb(server.pid):.0f} MB; query ?{query}"
        )
        for n in sessions:
            time.sleep(SESSION_TTL + 2)  # the previous step's sessions are gone
            before = rss_mb(server.pid)
            with PeakRss(server.pid) as peak:
                t0 = time.perf_counter()
                # one session alone is the baseline: several rounds, so its p95 is not one run
                alone = (min(args.think, 1.0), BASELINE_ROUNDS) if n == 1 else (args.think, 1)
                runs = run_async(
                    crowd(server.url, query, n, alone[0], args.ramp, args.seed, rounds=alone[1])
                )
                seconds = time.perf_counter() - t0
                time.sleep(SESSION_TTL + 2)
                after = rss_mb(server.pid)
            step = Step(n, runs, before, peak.peak, after, seconds)
            steps.append(step)
            print(
                f"  N={n}: {len(runs)} page runs in {seconds:.1f} s, {len(step.errors)} errors, "
                f"RSS {before:.0f} → peak {peak.peak:.0f} → {after:.0f} MB"
            )
            for error in step.errors[:5]:
                print(f"    error: {error}")
    return steps


def table(label: str, steps: list[Step]) -> str:
    pages = [p for p in PAGES if any(p in s.by_page for s in steps)]
    head = " | ".join(f"{p or 'overview'} p50 / p95" for p in pages)
    lines = [
        f"| {label}: N | {head} | errors | page runs/s | RSS before / peak / after (MB) |",
        "|" + "---:|" * (len(pages) + 4),
    ]
    for s in steps:
        cells = " | ".join(
            f"{percentile(s.by_page[p], 50):.0f} / {percentile(s.by_page[p], 95):.0f}"
            for p in pages
        )
        lines.append(
            f"| {s.n} | {cells} | {len(s.errors)} | {len(s.runs) / s.seconds:.1f} | "
            f"{s.before:.0f} / {s.peak:.0f} / {s.after:.0f} |"
        )
    return "\n".join(lines)


def bars(steps: list[Step], at: int = 50) -> list[str]:
    """The issue's bars at `at` sessions against one session in the same run; failures."""
    one = next((s for s in steps if s.n == 1), None)
    many = next((s for s in steps if s.n == at), None)
    if one is None or many is None:
        return [f"bars need N=1 and N={at} in --sessions"]
    failed = []
    for page, times in many.by_page.items():
        if page not in one.by_page:  # "(connect)": sessions that never opened a page
            continue
        ratio = percentile(times, 95) / percentile(one.by_page[page], 95)
        print(f"  {page or 'overview'}: p95 at N={at} is {ratio:.2f}× one session's")
        if ratio > P95_RATIO_BAR:
            failed.append(f"{page or 'overview'} p95 {ratio:.1f}× > {P95_RATIO_BAR}×")
    if many.errors:
        failed.append(f"{len(many.errors)} errors")
    if many.peak > PEAK_BAR_MB:
        failed.append(f"peak RSS {many.peak:.0f} MB ≥ {PEAK_BAR_MB} MB")
    if many.after > AFTER_BAR * many.before:
        failed.append(f"RSS after {many.after:.0f} MB > {AFTER_BAR}× before {many.before:.0f}")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dataset",
        action="append",
        metavar="LABEL=PATH",
        help="dataset(s) to serve (default: 26=data/articles.parquet, built if missing)",
    )
    parser.add_argument("--sessions", default="1,10,50,100", help="comma-separated N")
    parser.add_argument("--think", type=float, default=10.0, help="mean seconds between pages")
    parser.add_argument("--ramp", type=float, default=30.0, help="seconds over which N arrive")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/insights-bench"))
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="also run every dataset with this Streamlit option (runner.postScriptGC=true) or "
        "environment variable (MALLOC_ARENA_MAX=2), as another table in the same run",
    )
    parser.add_argument("--bars", action="store_true", help="exit 1 if a bar at N=50 fails")
    parser.add_argument("--out", type=Path, help="write the tables (Markdown) here too")
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    sessions = [int(n) for n in args.sessions.split(",")]
    datasets = [d.split("=", 1) for d in args.dataset or [f"26={REPO / 'data/articles.parquet'}"]]
    if not Path(datasets[0][1]).exists() and datasets[0][0] == "26":
        subprocess.run(["make", "dataset"], cwd=REPO, check=True)
    variants = [("", {})] + [
        (f" with {c}", dict([c.split("=", 1)])) for c in args.config
    ]  # the shipped configuration first, then each variant in the same run
    tables, failed = [], []
    for label, path in datasets:
        if not Path(path).exists():
            print(f"{label}: skipped, no dataset at {path} (bench/scale.py builds the 1M one)")
            continue
        for suffix, options in variants:
            print(
                f"{label}{suffix}: {path}, N = {sessions}, think {args.think} s, ramp {args.ramp} s"
            )
            steps = measure(Path(path), sessions, args, options)
            tables.append(table(label + suffix, steps))
            if 50 in sessions and not options:
                failed += [f"{label}: {f}" for f in bars(steps)]
    report = "\n\n".join(tables)
    print(f"\nPage run times in ms (rerun request to script_finished):\n\n{report}\n")
    if args.out:
        args.out.write_text(report + "\n")
    for failure in failed:
        print(f"bar not met: {failure}")
    return 1 if args.bars and failed else 0


if __name__ == "__main__":
    sys.exit(main())
