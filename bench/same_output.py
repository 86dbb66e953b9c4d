"""A speed change must not change the dataset: build the same inputs with an earlier commit
and with the working tree, and compare the Parquet tables column by column.

    .venv/bin/python bench/same_output.py                    # against main, 20,000 synthetic rows
    .venv/bin/python bench/same_output.py --baseline 0251383 --articles 20000

Inputs: the shipped listing (with the taxonomy) and a synthetic CSV (`insights.synth`). The
earlier commit's `src/` and `data/` are taken with `git archive` and run with `python -m
insights build` from this venv, so only the code differs. Prints one line per column that
differs (first differing row shown) and exits 1 if any does. Only the tables are compared:
the report's build time and paths differ by nature.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import pyarrow.parquet as pq

from insights import synth

ROOT = Path(__file__).resolve().parent.parent
LISTING = ROOT / "data" / "ecpat-uk-news-2017-10_to_2018-10.txt"
TAXONOMY = ROOT / "data" / "taxonomy.toml"


def _baseline_src(commit: str, into: Path) -> Path:
    archive = into / "src.tar"
    with archive.open("wb") as out:
        command = ["git", "-C", str(ROOT), "archive", commit, "src", "data"]
        subprocess.run(command, stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def _build(src: Path, inputs: list[Path], out: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, "-m", "insights", "build", *map(str, inputs), "--out", str(out)]
    if inputs[0] == LISTING:
        command += ["--taxonomy", str(TAXONOMY)]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build with {src} failed: {done.stderr.strip().splitlines()[-1:]}")


def differences(before: Path, after: Path) -> list[str]:
    """One line per column whose values differ (or that only one table has)."""
    old, new = pq.read_table(before), pq.read_table(after)
    lines = []
    for name in sorted(set(old.column_names) | set(new.column_names)):
        if name not in old.column_names or name not in new.column_names:
            lines.append(f"{name}: only in {'after' if name in new.column_names else 'before'}")
            continue
        a, b = old.column(name).to_pylist(), new.column(name).to_pylist()
        if a != b:
            row = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
            row = min(len(a), len(b)) if row is None else row
            lines.append(
                f"{name}: differs first at row {row}: {a[row : row + 1]} → {b[row : row + 1]}"
            )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="main", help="commit to compare against")
    parser.add_argument("--articles", type=int, default=20_000, help="synthetic rows")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="same-output-") as scratch:
        work = Path(scratch)
        baseline = _baseline_src(args.baseline, work)
        listing = work / f"synth-{args.articles}.csv"
        synth.write_synthetic_listing(args.articles, listing, seed=0)
        failed = False
        for label, inputs in (("shipped listing", [LISTING]), (listing.name, [listing])):
            before, after = work / f"before-{label}.parquet", work / f"after-{label}.parquet"
            _build(baseline, inputs, before)
            _build(ROOT / "src", inputs, after)
            lines = differences(before, after)
            rows = pq.read_metadata(after).num_rows
            columns = len(pq.read_schema(after).names)
            verdict = "identical" if not lines else f"{len(lines)} column(s) differ"
            print(f"{label}: {rows:,} rows × {columns} columns vs {args.baseline}: {verdict}")
            for line in lines:
                print(f"  {line}")
            failed = failed or bool(lines)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
