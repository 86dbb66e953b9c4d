"""Reader throughput: items per second of `read_source` on a plain-text listing and on the
same items as CSV (issue 9 asks at least 2,000 items/s).

    .venv/bin/python bench/reader.py                 # 20,000 items
    .venv/bin/python bench/reader.py --items 100000

The items are `insights.synth` rows written as a listing a person would copy from a page:
headline, blank line, summary ending "Read more", blank line. Best of three; wall-clock
and CPU time both printed, since the machine is shared.
"""

from __future__ import annotations

import argparse
import csv
import tempfile
import time
from pathlib import Path

from insights import synth
from insights.ingest import read_source


def _listings(n: int, into: Path) -> list[Path]:
    rows = into / "rows.csv"
    synth.write_synthetic_listing(n, rows, seed=0)
    with rows.open(encoding="utf-8", newline="") as f:
        items = [(r["title"], r["summary"]) for r in csv.DictReader(f)]
    text = into / f"listing-{n}.txt"
    text.write_text("".join(f"{t}\n\n{s} Read more\n\n" for t, s in items), encoding="utf-8")
    table = into / f"listing-{n}.csv"
    with table.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["title", "summary"])
        writer.writerows(items)
    return [text, table]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as scratch:
        for path in _listings(args.items, Path(scratch)):
            wall = cpu = float("inf")
            for _ in range(3):
                started, started_cpu = time.perf_counter(), time.process_time()
                listing = read_source(path)
                wall = min(wall, time.perf_counter() - started)
                cpu = min(cpu, time.process_time() - started_cpu)
            n = len(listing.items)
            print(
                f"{path.suffix[1:]} listing: {n:,} items ({len(listing.rejections)} left out) "
                f"in {wall:.2f} s = {n / wall:,.0f} items/s wall-clock; "
                f"{cpu:.2f} CPU s = {n / cpu:,.0f} items/CPU s (target ≥ 2,000/s)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
