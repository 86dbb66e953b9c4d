"""Time every dashboard query at scale, next to the naive pandas code it replaces.

    .venv/bin/python bench/query_ops.py --rows 1000000

Builds (once, then reuses) a synthetic enriched dataset: texts from `insights.synth`, themes,
evidence, figures and entities drawn with numpy. `measurements(corpus)` is what bench/scale.py
calls: a list of (name, callable), each one interaction's server-side work; `cold_load(path)`
times a server start: `serving.load` of a prepared dataset in fresh processes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from insights import periods, schema, serving, store, synth
from insights.corpus import (
    Corpus,
    Filters,
    articles,
    figures,
    theme_colours,
    themes,
    timeline,
    wording,
)

THEMES = (
    "Child trafficking",
    "County lines",
    "Online abuse",
    "Modern slavery",
    "Unaccompanied children",
    "Sexual exploitation",
    "Labour exploitation",
    "Policy and law",
    "Missing children",
    "Training",
)
PHRASES_PER_THEME = 4
ENTITY_COUNT = 5000
TEXT_QUERY = "county lines"


def filters(corpus: Corpus) -> dict[str, Filters]:
    """The filters measured, named from the corpus itself: its second theme, fourth entity."""
    themes, entities = corpus.themes, corpus.entity_options()
    return {
        "theme": Filters(themes=(themes[1],)),
        "two years": Filters(start=date(2020, 1, 1), end=date(2021, 12, 31)),
        "entity": Filters(entities=(entities[3],)),
        "text": Filters(text="trafficking"),
        "text phrase": Filters(text=f'"{TEXT_QUERY}" -telford'),
        "theme+date+basis": Filters(
            themes=(themes[0], themes[2]), start=date(2018, 1, 1), bases=schema.KNOWN_BASES
        ),
    }


def synthetic_dataset(n: int, out: Path, seed: int = 0) -> Path:
    """Write an enriched n-article dataset to `out` (texts from synth, the rest drawn)."""
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as scratch:
        listing = pa_csv.read_csv(synth.write_synthetic_listing(n, Path(scratch) / "l.csv"))
    published = pc.cast(listing.column("date"), pa.date32()).to_numpy().astype("datetime64[D]")

    basis = rng.choice(3, size=n, p=[0.55, 0.4, 0.05])  # stated, inferred, curated
    undated = rng.random(n) < 0.03
    inferred = basis == 1
    month = published.astype("datetime64[M]")
    earliest = np.where(inferred, month.astype("datetime64[D]"), published)
    latest = np.where(inferred, (month + 1).astype("datetime64[D]") - 1, published)
    precision = np.where(inferred, schema.MONTH, schema.DAY).astype(object)
    precision[undated] = schema.UNKNOWN
    basis[undated] = 1

    def dates(values: np.ndarray) -> pa.Array:
        return pa.array(values, pa.date32(), mask=undated)

    # 0–3 distinct themes per article, each with one or two evidence phrases
    theme_count = rng.choice(4, size=n, p=[0.15, 0.45, 0.3, 0.1])
    picks = np.argsort(rng.random((n, len(THEMES))), axis=1)[:, :3]
    theme_ids = picks[np.arange(3) < theme_count[:, None]]
    theme_offsets = _offsets(theme_count)
    names = pa.array(THEMES).take(pa.array(theme_ids))
    phrase_count = rng.integers(1, 3, len(theme_ids))
    phrase_ids = np.repeat(theme_ids * PHRASES_PER_THEME, phrase_count) + rng.integers(
        0, PHRASES_PER_THEME, phrase_count.sum()
    )
    phrase_vocab = pa.array(
        [f"{t.lower()} {k}" for t in THEMES for k in range(PHRASES_PER_THEME)], pa.string()
    )
    evidence = pa.StructArray.from_arrays(
        [
            names,
            pa.ListArray.from_arrays(
                pa.array(_offsets(phrase_count)), phrase_vocab.take(pa.array(phrase_ids))
            ),
        ],
        fields=list(schema.THEME_EVIDENCE_TYPE),
    )

    entity_count = rng.choice(5, size=n, p=[0.2, 0.3, 0.25, 0.15, 0.1])
    entity_ids = synth._choose(rng, ENTITY_COUNT, int(entity_count.sum()), zipf=1.0)
    entity_vocab = pa.array([f"Entity {i}" for i in range(ENTITY_COUNT)])
    entity_types = pa.array(list(schema.ENTITY_TYPES))
    entities = pa.StructArray.from_arrays(
        [
            entity_vocab.take(pa.array(entity_ids)),
            entity_types.take(pa.array(entity_ids % len(schema.ENTITY_TYPES))),
        ],
        fields=list(schema.ENTITY_TYPE_STRUCT),
    )

    stat_count = (rng.random(n) < 0.3).astype(np.int64)
    figures = int(stat_count.sum())
    values = np.round(np.exp(rng.uniform(np.log(5), np.log(100_000), figures)))
    value_text = pc.cast(pa.array(values.astype(np.int64)), pa.string())
    kinds = pa.array(list(schema.STAT_KINDS)).take(pa.array(rng.integers(0, 3, figures)))
    qualifiers = pa.array(list(schema.STAT_QUALIFIERS)).take(pa.array(rng.integers(0, 5, figures)))
    phrases = pc.binary_join_element_wise(value_text, pa.scalar(" children"), "")
    missing = pa.nulls(figures)
    statistics_ = pa.StructArray.from_arrays(
        [
            pa.array(values),
            missing.cast(pa.float64()),  # low and high: no ranges in the drawn figures
            missing.cast(pa.float64()),
            pa.array(np.full(figures, "children", dtype=object), pa.string()),  # unit
            missing.cast(pa.string()),  # per
            pa.array(np.full(figures, "", dtype=object), pa.string()),  # direction
            kinds,
            qualifiers,
            pa.array(np.full(figures, "children", dtype=object), pa.string()),
            phrases,
            pc.binary_join_element_wise(phrases, pa.scalar(" were reported this year."), ""),
        ],
        fields=list(schema.STATISTIC_TYPE),
    )

    title, summary = listing.column("title"), listing.column("summary")
    words = pc.add(
        pc.list_value_length(pc.utf8_split_whitespace(title)),
        pc.list_value_length(pc.utf8_split_whitespace(summary)),
    )
    table = pa.table(
        {
            schema.ARTICLE_ID: pa.array(np.char.mod("%012x", np.arange(n)).astype(object)),
            schema.TITLE: title,
            schema.SUMMARY: summary,
            schema.TITLE_DERIVED: pa.array(np.zeros(n, bool)),
            schema.TRUNCATED: pa.array(np.zeros(n, bool)),
            schema.SOURCE: pa.ListArray.from_arrays(
                pa.array(np.arange(n + 1, dtype=np.int32)), pa.array(["synthetic.csv"] * n)
            ),
            schema.POSITION: pa.array(np.arange(1, n + 1, dtype=np.int32)),
            schema.URL: listing.column("url"),
            schema.PUBLISHED: dates(published),
            schema.PUBLISHED_EARLIEST: dates(earliest),
            schema.PUBLISHED_LATEST: dates(latest),
            schema.DATE_PRECISION: pa.array(precision, pa.string()),
            schema.DATE_BASIS: pa.array(np.array(schema.DATE_BASES, dtype=object)[basis]),
            schema.DATE_EVIDENCE: pa.array(["Drawn for the benchmark."] * n),
            schema.THEMES: pa.ListArray.from_arrays(pa.array(theme_offsets), names),
            schema.THEME_EVIDENCE: pa.ListArray.from_arrays(pa.array(theme_offsets), evidence),
            schema.STATISTICS: pa.ListArray.from_arrays(
                pa.array(_offsets(stat_count)), statistics_
            ),
            schema.ENTITIES: pa.ListArray.from_arrays(pa.array(_offsets(entity_count)), entities),
            schema.WORD_COUNT: pc.cast(words, pa.int32()),
        }
    )
    taxonomy = [
        {"name": t, "description": "", "colour": theme_colours.PALETTE[i], "phrases": []}
        for i, t in enumerate(THEMES)
    ]
    store.write_dataset(table, out, {"sources": ["synthetic.csv"], "taxonomy": taxonomy})
    return out


def _offsets(counts: np.ndarray) -> np.ndarray:
    offsets = np.zeros(len(counts) + 1, dtype=np.int32)
    np.cumsum(counts, out=offsets[1:])
    return offsets


def measurements(corpus: Corpus) -> list[tuple[str, Callable[[], object]]]:
    """One (name, callable) per interaction; select runs uncached, as on a fresh filter."""
    every = corpus.select(Filters())
    some = corpus.select(filters(corpus)["theme"])
    text_rows = corpus.select(Filters(text=TEXT_QUERY))
    some_id = corpus.table.column(schema.ARTICLE_ID)[len(corpus) // 2].as_py()
    ops: list[tuple[str, Callable[[], object]]] = [
        (f"select {name}", lambda f=f: corpus._select(f)) for name, f in filters(corpus).items()
    ]
    for label, rows in (("all", every), ("theme", some)):
        ops += [
            (f"headline {label}", lambda r=rows: articles.headline(corpus, r)),
            (f"over time month {label}", lambda r=rows: timeline.articles_over_time(corpus, r)),
            (
                f"over time by theme {label}",
                lambda r=rows: timeline.articles_over_time(
                    corpus, r, periods.QUARTER, by_theme=True
                ),
            ),
            (f"theme counts {label}", lambda r=rows: themes.theme_counts(corpus, r)),
            (f"theme share {label}", lambda r=rows: timeline.theme_share_over_time(corpus, r)),
            (f"cooccurrence {label}", lambda r=rows: themes.theme_cooccurrence(corpus, r)),
            (f"theme phrases {label}", lambda r=rows: themes.theme_phrases(corpus, r)),
            (f"statistics {label}", lambda r=rows: figures.statistics_table(corpus, r)),
            (f"facets {label}", lambda r=rows: articles.facets(corpus, r)),
            (f"date intervals {label}", lambda r=rows: timeline.date_intervals(corpus, r)),
            (f"period changes {label}", lambda r=rows: _changes(corpus, r)),
            (f"page 1 newest {label}", lambda r=rows: articles.table_page(corpus, r)),
            (f"page 1 title {label}", lambda r=rows: articles.table_page(corpus, r, sort="title")),
            (
                f"page 2000 oldest {label}",
                lambda r=rows: articles.table_page(corpus, r, descending=False, page=2000),
            ),
        ]
    ops += [
        (
            "page 1 relevance text",
            lambda: articles.table_page(corpus, text_rows, sort="relevance", text=TEXT_QUERY),
        ),
        ("article by id", lambda: articles.article(corpus, some_id)),
    ]
    return ops


def _changes(corpus: Corpus, rows: np.ndarray) -> list[str]:
    # what the Overview does: the changes and their sentences
    return [wording.change_sentence(c) for c in timeline.period_changes(corpus, rows)]


def baselines(corpus: Corpus) -> dict[str, Callable[[], object]]:
    """Naive pandas for the same work, keyed like `measurements` (a representative subset)."""
    frame = corpus.table.to_pandas()
    published = pd.to_datetime(frame[schema.PUBLISHED])
    some = frame[frame[schema.THEMES].apply(lambda ts: corpus.themes[1] in ts)]
    some_id = frame[schema.ARTICLE_ID].iloc[len(frame) // 2]

    def select(f: Filters) -> pd.DataFrame:
        keep = pd.Series(True, index=frame.index)
        if f.themes:
            keep &= frame[schema.THEMES].apply(lambda ts: any(t in f.themes for t in ts))
        if f.start:
            keep &= published >= pd.Timestamp(f.start)
        if f.end:
            keep &= published <= pd.Timestamp(f.end)
        if f.bases:
            keep &= frame[schema.DATE_BASIS].isin(f.bases)
        if f.entities:
            wanted = set(f.entities)
            keep &= frame[schema.ENTITIES].apply(
                lambda es: any(e[schema.ENTITY_NAME] in wanted for e in es)
            )
        if f.text:
            word = f.text.split()[0].strip('"')
            text = frame[schema.TITLE] + " " + frame[schema.SUMMARY]
            keep &= text.str.contains(word, case=False, regex=False)
        return frame[keep]

    def over_time(df: pd.DataFrame) -> pd.DataFrame:
        months = pd.to_datetime(df[schema.PUBLISHED]).dt.to_period("M")
        counts = months.value_counts().sort_index()
        return counts.reindex(pd.period_range(counts.index.min(), counts.index.max()), fill_value=0)

    def theme_counts(df: pd.DataFrame) -> pd.Series:
        return df[schema.THEMES].explode().value_counts()

    def by_theme(df: pd.DataFrame) -> pd.DataFrame:
        exploded = df[[schema.PUBLISHED, schema.THEMES]].explode(schema.THEMES)
        quarters = pd.to_datetime(exploded[schema.PUBLISHED]).dt.to_period("Q")
        return exploded.groupby([quarters, schema.THEMES]).size().unstack(fill_value=0)

    def cooccurrence(df: pd.DataFrame) -> pd.DataFrame:
        pairs = df[[schema.THEMES]].reset_index().explode(schema.THEMES).dropna()
        merged = pairs.merge(pairs, on="index")
        return merged.groupby([f"{schema.THEMES}_x", f"{schema.THEMES}_y"]).size()

    def facets(df: pd.DataFrame) -> pd.Series:
        names = df[schema.ENTITIES].explode().dropna().map(lambda e: e[schema.ENTITY_NAME])
        return names.value_counts().head(10)

    def statistics_table(df: pd.DataFrame) -> pd.DataFrame:
        figures = df[[schema.ARTICLE_ID, schema.PUBLISHED, schema.STATISTICS]].explode(
            schema.STATISTICS
        )
        figures = figures.dropna(subset=[schema.STATISTICS])
        flat = pd.json_normalize(figures[schema.STATISTICS].tolist())
        flat[schema.PUBLISHED] = figures[schema.PUBLISHED].to_numpy()
        return flat.sort_values(schema.PUBLISHED, ascending=False).head(1000)

    def page(df: pd.DataFrame, by: str, ascending: bool, number: int = 1) -> pd.DataFrame:
        ordered = df.sort_values(by, ascending=ascending, na_position="last")
        return ordered.iloc[(number - 1) * 25 : number * 25]

    result: dict[str, Callable[[], object]] = {
        f"select {name}": (lambda f=f: select(f)) for name, f in filters(corpus).items()
    }
    for label, df in (("all", frame), ("theme", some)):
        result |= {
            f"over time month {label}": lambda d=df: over_time(d),
            f"over time by theme {label}": lambda d=df: by_theme(d),
            f"theme counts {label}": lambda d=df: theme_counts(d),
            f"cooccurrence {label}": lambda d=df: cooccurrence(d),
            f"facets {label}": lambda d=df: facets(d),
            f"statistics {label}": lambda d=df: statistics_table(d),
            f"page 1 newest {label}": lambda d=df: page(d, schema.PUBLISHED, False),
            f"page 1 title {label}": lambda d=df: page(d, schema.TITLE, True),
            f"page 2000 oldest {label}": lambda d=df: page(d, schema.PUBLISHED, True, 2000),
        }
    result["article by id"] = lambda: frame[frame[schema.ARTICLE_ID] == some_id]
    return result


def timings(function: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per call, after one warm-up call.

    CPU time is the steadier number on a shared machine: other processes do not inflate it.
    """
    function()
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def rss_mb() -> dict[str, float]:
    """Resident memory of this process in MB: VmRSS (now), VmHWM (peak), RssAnon, RssFile.

    File pages are the memory-mapped serving copy and search index: shared between
    processes, and the kernel can drop them under pressure; RssAnon is the process's own.
    """
    status = Path("/proc/self/status").read_text().splitlines()
    fields = dict(line.split(":", 1) for line in status)
    keys = ("VmRSS", "VmHWM", "RssAnon", "RssFile")
    return {k: int(fields[k].split()[0]) / 1024 for k in keys}


# Run in a fresh interpreter: imports first, then only serving.load is timed.
_COLD_LOAD = """
import json, sys, time
from pathlib import Path
from insights import serving
started = time.perf_counter()
serving.load(Path(sys.argv[1]))
ms = (time.perf_counter() - started) * 1000
status = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
memory = {k: int(status[k].split()[0]) / 1024 for k in ("RssAnon", "RssFile")}
print(json.dumps({"ms": ms, **memory}))
"""


def cold_load(path: Path, runs: int = 5) -> str:
    """A server start, in one line: `serving.load` of the prepared dataset in fresh processes.

    Prepares the dataset first (a no-op when its serving copy is current).
    """
    started = time.perf_counter()
    prepare = "import sys; from insights import serving; serving.prepare(sys.argv[1])"
    subprocess.run([sys.executable, "-c", prepare, str(path)], check=True)
    prepared = time.perf_counter() - started
    command = [sys.executable, "-c", _COLD_LOAD, str(path)]
    loads = [
        json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        for _ in range(runs)
    ]
    ms = [load["ms"] for load in loads]
    return (
        f"cold serving.load in a fresh process: median {statistics.median(ms):.0f} ms, "
        f"max {max(ms):.0f} ms of {runs} (prepare before: {prepared:.1f} s); after it "
        f"RssAnon {loads[-1]['RssAnon']:.0f} MB, RssFile {loads[-1]['RssFile']:.0f} MB"
    )


def _memory(now: dict[str, float], before: dict[str, float]) -> str:
    return (
        f"RSS {now['VmRSS']:.0f} MB (before loading {before['VmRSS']:.0f} MB, "
        f"peak {now['VmHWM']:.0f} MB): RssAnon {now['RssAnon']:.0f} MB, "
        f"RssFile {now['RssFile']:.0f} MB"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "insights-bench")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv)

    path = args.out / f"articles-{args.rows}.parquet"
    if not path.exists():
        started = time.perf_counter()
        synthetic_dataset(args.rows, path)
        print(f"built {args.rows:,} articles in {time.perf_counter() - started:.1f} s: {path}")

    print(cold_load(path))
    before = rss_mb()
    started = time.perf_counter()
    corpus = serving.load(path)
    loaded = time.perf_counter() - started
    print(
        f"serving.load: {loaded:.2f} s, {len(corpus):,} articles, "
        f"{len(corpus.entities):,} entities; {_memory(rss_mb(), before)}"
    )

    ops = measurements(corpus)
    ours = {name: timings(function, args.repeat) for name, function in ops}
    print(f"after every operation ran: {_memory(rss_mb(), before)}")
    naive: dict[str, list[float]] = {}
    if not args.no_baseline:
        started = time.perf_counter()
        pandas_ops = baselines(corpus)
        print(f"pandas baseline setup (to_pandas): {time.perf_counter() - started:.1f} s")
        naive = {name: timings(function, 3)[0] for name, function in pandas_ops.items()}

    print(f"\n{'operation':34} {'median':>8} {'max':>8} {'cpu':>6} {'pandas':>9} {'speed-up':>9}")
    for name, _ in ops:
        spent, cpu = ours[name]
        median = statistics.median(spent)
        line = f"{name:34} {median:8.1f} {max(spent):8.1f} {statistics.median(cpu):6.1f}"
        if name in naive:
            base = statistics.median(naive[name])
            line += f" {base:9.1f} {base / median:8.0f}×"
        print(line)
    print("\nms per call: median and max wall clock, median CPU time; pandas: median of 3 calls")
    return 0


if __name__ == "__main__":
    sys.exit(main())
