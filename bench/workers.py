"""Build throughput on one process and on several: the same synthetic CSV built with
`--workers 1` (the baseline) and `--workers N`, alternated, in one run.

    .venv/bin/python bench/workers.py                       # 100,000 rows, 2 workers, 3 pairs
    .venv/bin/python bench/workers.py --articles 300000 --pairs 2

Each build is a fresh `insights build` process; wall time, the CPU seconds of the build and its
workers, and the machine's load average before each build are printed, then the ratio of the
medians. A loaded machine shares its cores with other work, so the ratio only means something
when the load average stays under the number of cores; the load is printed for that reason.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from insights import synth

ROOT = Path(__file__).resolve().parent.parent
TAXONOMY = ROOT / "data" / "taxonomy.toml"


def _build(csv: Path, out: Path, workers: int) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [sys.executable, "-m", "insights", "build", str(csv), "--out", str(out)]
    command += ["--taxonomy", str(TAXONOMY), "--workers", str(workers), "--quiet"]
    subprocess.run(command, check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        csv = synth.write_synthetic_listing(args.articles, Path(tmp) / "listing.csv")
        walls: dict[int, list[float]] = {1: [], args.workers: []}
        for pair in range(args.pairs):
            for workers in (1, args.workers):
                load = os.getloadavg()[0]
                wall, cpu = _build(csv, Path(tmp) / f"out-{workers}.parquet", workers)
                walls[workers].append(wall)
                print(
                    f"pair {pair + 1}, --workers {workers}: {wall:6.1f} s wall = "
                    f"{args.articles / wall:,.0f} articles/s, {cpu:6.1f} CPU-s, load {load:.1f}"
                )
    one, many = statistics.median(walls[1]), statistics.median(walls[args.workers])
    print(
        f"{args.articles:,} articles: --workers 1 median {one:.1f} s, --workers {args.workers} "
        f"median {many:.1f} s: {one / many:.2f}× ({args.articles / many:,.0f} articles/s)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
