"""Scale benchmark: every server-side operation at N articles, next to a baseline, in one table.

    .venv/bin/python bench/scale.py                      # 1,000,000 articles (make bench)
    .venv/bin/python bench/scale.py --articles 100000

Steps: write a synthetic listing (`insights.synth`), build the dataset with `insights build`
(falling back to bench/query_ops.py's drawn dataset if the pipeline fails), then time
search (ours vs SQLite FTS5 vs pandas `str.contains`) and every query-layer operation
(ours vs pandas). Inputs are cached in --workdir, keyed by N and seed.

To add an operation: `bench.measure("name", fn, baseline=("pandas", other_fn))`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from insights import schema, search, synth
from insights.search import Query, SearchIndex

BENCH_DIR = Path(__file__).resolve().parent

# Mixed rarity over the synthetic vocabulary: common, rare and absent words, phrases, OR, NOT.
QUERIES = (
    "children",
    "trafficking",
    "exploitation children",
    "telford",
    "wrexham",
    "honduras",
    "durán",
    "zanzibar",
    "national crime agency",
    '"county lines"',
    '"as young as"',
    '"modern slavery act"',
    "1,200",
    "vietnam OR albania",
    "grooming | orphanage | bondage",
    '"county lines" telford OR rotherham',
    "trafficking -online",
    'children -"county lines"',
    '"crime agency" -nca -police albania',
    "-children",
)
RANK_LIMIT = 50


# -- measuring -------------------------------------------------------------------------------


def timings(function: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per call, after one warm-up call."""
    function()
    spent = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        spent.append((time.perf_counter() - started) * 1000)
    return spent


@dataclass
class Result:
    name: str
    ours: list[float]
    baseline: str = ""
    theirs: list[float] = field(default_factory=list)
    note: str = ""


@dataclass
class Bench:
    """A list of named measurements, printed as one markdown table."""

    repeat: int = 20
    baseline_repeat: int = 3
    results: list[Result] = field(default_factory=list)

    def measure(
        self,
        name: str,
        function: Callable[[], object],
        *,
        baseline: tuple[str, Callable[[], object]] | None = None,
        repeat: int | None = None,
        note: str = "",
    ) -> Result:
        # A failing operation is reported in the table, not fatal to the whole run.
        try:
            result = Result(name, timings(function, repeat or self.repeat), note=note)
        except Exception as exc:
            result = Result(name, [float("nan")], note=f"failed: {type(exc).__name__}: {exc}")
        if baseline is not None:
            result.baseline = baseline[0]
            try:
                result.theirs = timings(baseline[1], self.baseline_repeat)
            except Exception as exc:
                result.note += f" baseline failed: {type(exc).__name__}: {exc}"
        self.results.append(result)
        print(f"  {name}: {statistics.median(result.ours):.2f} ms", file=sys.stderr, flush=True)
        return result

    def summary(self, prefix: str, label: str) -> str:
        """One line over the results whose name starts with `prefix` (excluding vs pandas)."""
        chosen = [r for r in self.results if r.name.startswith(prefix) and r.theirs]
        chosen = [r for r in chosen if "pandas" not in r.baseline]
        if not chosen:
            return f"{label}: no results"
        medians = [statistics.median(r.ours) for r in chosen]
        slower = [r.name for r in chosen if statistics.median(r.ours) > statistics.median(r.theirs)]
        worst = max(max(r.ours) for r in chosen)
        return (
            f"{label}: median of {len(chosen)} query medians {statistics.median(medians):.2f} ms, "
            f"slowest median {max(medians):.2f} ms, slowest call {worst:.2f} ms; "
            f"slower than {chosen[0].baseline}: {', '.join(slower) or 'none'}"
        )

    def table(self) -> str:
        lines = [
            "| operation | ours median ms | ours max ms | baseline | baseline median ms | ratio |"
            " note |",
            "|---|---:|---:|---|---:|---:|---|",
        ]
        for r in self.results:
            ours = statistics.median(r.ours)
            name = r.name.replace("|", "\\|")  # a query's OR bar would end the cell
            row = f"| {name} | {ours:.2f} | {max(r.ours):.2f} | {r.baseline} | "
            if r.theirs:
                theirs = statistics.median(r.theirs)
                row += f"{theirs:.1f} | {theirs / max(ours, 1e-6):.0f}× |"
            else:
                row += " | |"
            lines.append(row + f" {r.note} |")
        return "\n".join(lines)


def memory_mb() -> tuple[float, float]:
    """Current and peak resident memory of this process (VmRSS, VmHWM), in MB."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def mapped_mb(directory: Path) -> float:
    """Resident MB of this process's memory maps of files under `directory` (/proc/self/smaps)."""
    total, inside = 0, False
    for line in Path("/proc/self/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and len(head) >= 5:  # a mapping's header line
            inside = len(head) >= 6 and head[-1].startswith(str(directory))
        elif inside and line.startswith("Rss:"):
            total += int(head[1])
    return total / 1024


def directory_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


# -- inputs ----------------------------------------------------------------------------------


def listing(n: int, workdir: Path, seed: int) -> Path:
    path = workdir / f"listing-{n}-{seed}.csv"
    if not path.exists():
        started = time.perf_counter()
        synth.write_synthetic_listing(n, path, seed=seed)
        print(f"synthetic listing: {n:,} rows in {time.perf_counter() - started:.1f} s")
    return path


def dataset(csv_path: Path, n: int, workdir: Path, seed: int, timeout: float) -> Path:
    """The dataset built by the real pipeline, or bench/query_ops.py's drawn one if that fails."""
    path = workdir / f"articles-{n}-{seed}.parquet"
    if path.exists():
        return path
    started = time.perf_counter()
    command = [sys.executable, "-m", "insights", "build", str(csv_path), "--out", str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        reason = (done.stderr.strip().splitlines() or ["no message"])[-1]
        if done.returncode == 0:
            seconds = time.perf_counter() - started
            # Baseline in the same run: only parsing the same CSV with pandas.
            read_started = time.perf_counter()
            pd.read_csv(csv_path)
            read_seconds = time.perf_counter() - read_started
            print(
                f"insights build: {n:,} items in {seconds:.1f} s = {n / seconds:,.0f} articles/s "
                f"(target ≥ 2,000/s); pandas.read_csv of the same file alone: "
                f"{read_seconds:.1f} s, so the whole pipeline costs {seconds / read_seconds:.0f}× "
                "a bare parse"
            )
            return path
    except subprocess.TimeoutExpired:
        reason = f"took over {timeout:.0f} s"
    print(f"insights build failed ({reason}); using bench/query_ops.py's drawn dataset")
    sys.path.insert(0, str(BENCH_DIR))
    import query_ops

    return query_ops.synthetic_dataset(n, path, seed=seed)


def fts5(texts: list[str], workdir: Path, key: str) -> sqlite3.Connection:
    """SQLite FTS5 over the same texts (rowid = row + 1), accent-folding like ours."""
    path = workdir / f"fts5-{key}.sqlite"
    if not path.exists():
        started = time.perf_counter()
        scratch = path.with_suffix(".partial")
        scratch.unlink(missing_ok=True)
        db = sqlite3.connect(scratch)
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='unicode61 remove_diacritics 2')"
        )
        db.executemany("INSERT INTO docs(rowid, body) VALUES (?, ?)", enumerate(texts, 1))
        db.commit()
        db.execute("INSERT INTO docs(docs) VALUES ('optimize')")
        db.commit()
        db.close()
        scratch.rename(path)
        size = path.stat().st_size / 2**20
        print(f"FTS5 index: {time.perf_counter() - started:.1f} s, {size:.0f} MB")
    return sqlite3.connect(path)


# -- the same query three ways ---------------------------------------------------------------


def _fts5_phrase(phrase: tuple[str, ...]) -> str:
    return '"' + " ".join(phrase) + '"'


def fts5_expression(query: Query) -> tuple[str, str]:
    """(positive MATCH expression, negative MATCH expression) for a parsed query."""
    positive = [_fts5_phrase((w,)) for w in query.required]
    positive += [_fts5_phrase(p) for p in query.phrases]
    positive += ["(" + " OR ".join(_fts5_phrase(p) for p in g) + ")" for g in query.any_of]
    negative = [_fts5_phrase((w,)) for w in query.excluded]
    negative += [_fts5_phrase(p) for p in query.excluded_phrases]
    return " AND ".join(positive), " OR ".join(negative)


def fts5_search(db: sqlite3.Connection, query: Query, limit: int | None) -> list[int]:
    positive, negative = fts5_expression(query)
    ranked = f" ORDER BY bm25(docs) LIMIT {limit}" if limit else ""
    if positive and negative:
        sql = f"SELECT rowid FROM docs WHERE docs MATCH ?{ranked}"
        args: tuple[str, ...] = (f"({positive}) NOT ({negative})",)
    elif positive:
        sql, args = f"SELECT rowid FROM docs WHERE docs MATCH ?{ranked}", (positive,)
    else:  # only exclusions: every other row, in row order
        sql = "SELECT rowid FROM docs WHERE rowid NOT IN "
        sql += "(SELECT rowid FROM docs WHERE docs MATCH ?)" + (f" LIMIT {limit}" if limit else "")
        args = (negative,)
    return [r[0] - 1 for r in db.execute(sql, args)]


# pandas does not fold accents: let each plain letter also match its accented forms.
_ACCENTED = {"a": "aáàâäã", "e": "eéèêë", "i": "iíìîï", "o": "oóòôöõ", "u": "uúùûü", "n": "nñ"}


def _regex(phrase: tuple[str, ...]) -> str:
    """`("county", "lines")` → a regex for the words separated by non-word characters."""
    words = [
        "".join(f"[{_ACCENTED[c]}]" if c in _ACCENTED else re.escape(c) for c in w) for w in phrase
    ]
    # RE2's \b only knows ASCII words, so spell the boundaries out.
    return r"(?:^|[^\w\x80-\x{10FFFF}])" + r"\W+".join(words) + r"(?:$|[^\w\x80-\x{10FFFF}])"


def pandas_match(texts: pd.Series, query: Query) -> np.ndarray:
    """Rows whose text matches, with case-insensitive `str.contains` (no accent folding)."""
    keep = pd.Series(True, index=texts.index)
    for alternatives in [[(w,)] for w in query.required] + [[p] for p in query.phrases]:
        keep &= texts.str.contains(_regex(alternatives[0]), case=False, regex=True)
    for group in query.any_of:
        keep &= texts.str.contains("|".join(_regex(p) for p in group), case=False, regex=True)
    for phrase in [(w,) for w in query.excluded] + list(query.excluded_phrases):
        keep &= ~texts.str.contains(_regex(phrase), case=False, regex=True)
    return np.flatnonzero(keep.to_numpy())


# -- the run ---------------------------------------------------------------------------------


def search_measurements(
    bench: Bench, joined: pa.ChunkedArray, texts: pd.Series, workdir: Path, key: str
) -> None:
    before, _ = memory_mb()
    started = time.perf_counter()
    built = SearchIndex.build(joined)
    build_s = time.perf_counter() - started
    after, peak = memory_mb()
    index_dir = workdir / f"index-{key}"
    shutil.rmtree(index_dir, ignore_errors=True)  # no stale files from an older format
    built.save(index_dir)
    del built
    print(
        f"SearchIndex.build: {build_s:.1f} s; RSS +{after - before:.0f} MB held, "
        f"process peak {peak:.0f} MB; saved {directory_mb(index_dir):.0f} MB"
    )

    before, _ = memory_mb()
    started = time.perf_counter()
    index = SearchIndex.load(index_dir)
    print(f"SearchIndex.load (mmap): {(time.perf_counter() - started) * 1000:.1f} ms")
    db = fts5(texts.tolist(), workdir, key)

    mismatches = []
    for text in QUERIES:
        query = search.parse_query(text)
        ours = index.match(query)
        fts = fts5_search(db, query, None)
        naive = pandas_match(texts, query)
        agree = "" if len(ours) == len(fts) == len(naive) else " ≠"
        if agree:
            mismatches.append(f"{text}: ours {len(ours)}, FTS5 {len(fts)}, pandas {len(naive)}")
        note = f"{len(ours):,} rows{agree}"
        bench.measure(
            f"match `{text}`",
            lambda q=query: index.match(q),
            baseline=("FTS5 MATCH", lambda q=query: fts5_search(db, q, None)),
            note=note,
        )
        bench.measure(
            f"rank top {RANK_LIMIT} `{text}`",
            lambda q=query: index.rank(q, limit=RANK_LIMIT),
            baseline=("FTS5 bm25", lambda q=query: fts5_search(db, q, RANK_LIMIT)),
        )
        bench.measure(
            f"match `{text}` vs pandas",
            lambda q=query: index.match(q),
            baseline=("pandas str.contains", lambda q=query: pandas_match(texts, q)),
            repeat=5,
        )
    print(
        f"after searching: the loaded index has {mapped_mb(index_dir):.0f} MB resident "
        f"(memory-mapped, of {directory_mb(index_dir):.0f} MB on disk); "
        f"process RSS {memory_mb()[0] - before:+.0f} MB since loading"
    )
    for line in mismatches:
        print(f"  count differs: {line}")


def query_layer_measurements(bench: Bench, path: Path) -> None:
    """bench/query_ops.py's operations (filters, aggregations, table page), if it is there."""
    sys.path.insert(0, str(BENCH_DIR))
    try:
        import query_ops

        from insights import serving
    except ImportError as exc:
        print(f"query-layer operations skipped: {exc}")
        return
    print(query_ops.cold_load(path))  # a server start: prepared dataset, fresh process
    before, _ = memory_mb()
    started = time.perf_counter()
    corpus = serving.load(path)
    print(
        f"serving.load: {time.perf_counter() - started:.2f} s, "
        f"RSS +{memory_mb()[0] - before:.0f} MB"
    )
    naive = query_ops.baselines(corpus)
    for name, function in query_ops.measurements(corpus):
        baseline = ("pandas", naive[name]) if name in naive else None
        bench.measure(name, function, baseline=baseline)


def story_measurements(bench: Bench, path: Path) -> None:
    """bench/story_ops.py's operations (related articles, share, publishers, …) on `path`."""
    sys.path.insert(0, str(BENCH_DIR))
    import story_ops

    from insights import serving

    story_ops.measure_all(bench, serving.load(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/insights-bench"))
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--skip-query-layer", action="store_true")
    parser.add_argument("--skip-story", action="store_true", help="skip bench/story_ops.py")
    parser.add_argument("--skip-browser", action="store_true", help="skip bench/browser.py")
    parser.add_argument("--dataset", type=Path, help="an already built dataset to use")
    parser.add_argument(
        "--build-timeout", type=float, default=1800, help="seconds to allow `insights build`"
    )
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)

    csv_path = listing(args.articles, args.workdir, args.seed)
    path = args.dataset or dataset(
        csv_path, args.articles, args.workdir, args.seed, args.build_timeout
    )
    table = pq.read_table(path, columns=[schema.TITLE, schema.SUMMARY])
    joined = pc.binary_join_element_wise(table[schema.TITLE], table[schema.SUMMARY], "\n")
    texts = pd.Series(joined.to_pandas(), dtype="str")
    del table

    bench = Bench(repeat=args.repeat)
    search_measurements(bench, joined, texts, args.workdir, f"{args.articles}-{args.seed}")
    if not args.skip_query_layer:
        query_layer_measurements(bench, path)
    if not args.skip_story:
        story_measurements(bench, path)

    print(f"\n{len(texts):,} articles; ratio = baseline median / ours median\n")
    print(bench.table())
    print()
    print(bench.summary("match `", "search, all rows matching"))
    print(bench.summary("rank top", f"search, top {RANK_LIMIT} by BM25"))
    story = [r for r in bench.results if r.name.startswith("story: ") and "one-off" not in r.note]
    if story:
        under = sum(statistics.median(r.ours) < 50 for r in story)
        print(f"story operations: {under} of {len(story)} medians under 50 ms")
    if args.skip_browser:
        return 0
    sys.path.insert(0, str(BENCH_DIR))
    import browser  # the dashboard in chromium on this dataset and the shipped one

    return browser.main(["--large", str(path), "--workdir", str(args.workdir)])


if __name__ == "__main__":
    sys.exit(main())
