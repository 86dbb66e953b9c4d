"""The per-article enrichments on several processes: one slice of the articles each.

Themes, figures, entities and word counts each read one article's own title and summary and
nothing else (enrich.PER_ARTICLE), so slices of the frame can be enriched apart and put back in
order: the result is the same frame as one process gives, row for row. Dates are not among them
(an inferred date reads its neighbours in the listing) and always run in the building process.

Workers are started with "spawn", not "fork": the building process has run pyarrow's thread
pools by then, and a forked child can inherit one of their locks held. Each worker receives
its slice as titles and summaries only, and the context once.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

import pandas as pd

from insights import schema
from insights.enrich import EnrichContext, Enrichment

# Below this many articles a second process costs more than it saves (starting a worker and
# importing pandas takes about a second).
MIN_ROWS = 20_000
SLICE_ROWS = 25_000  # several slices a worker, so a slow one does not hold the rest back

_context: EnrichContext | None = None


def default_workers() -> int:
    """The cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def enrich(
    frame: pd.DataFrame,
    context: EnrichContext,
    steps: Sequence[tuple[str, Enrichment]],
    *,
    workers: int,
    say: Callable[[str], None],
) -> pd.DataFrame:
    """The columns `steps` add to `frame`, computed on `workers` processes when it pays."""
    if workers <= 1 or len(frame) < MIN_ROWS:
        added = []
        for name, step in steps:
            started = time.perf_counter()
            added.append(step(frame, context))
            say(f"{name}: {len(frame):,} articles in {time.perf_counter() - started:.1f} s")
        return pd.concat(added, axis=1)

    started = time.perf_counter()
    texts = frame[[schema.TITLE, schema.SUMMARY]]
    slices = [texts.iloc[i : i + SLICE_ROWS] for i in range(0, len(texts), SLICE_ROWS)]
    names = [name for name, _ in steps]
    with ProcessPoolExecutor(
        max_workers=min(workers, len(slices)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start,
        initargs=(context,),
    ) as pool:
        done = list(pool.map(_enrich_slice, [names] * len(slices), slices))
    seconds = {name: sum(timings[name] for _, timings in done) for name in names}
    say(
        f"{', '.join(names)}: {len(frame):,} articles on {min(workers, len(slices))} processes "
        f"in {time.perf_counter() - started:.1f} s ("
        + ", ".join(f"{name} {s:.1f}" for name, s in seconds.items())
        + " CPU-s)"
    )
    return pd.concat([columns for columns, _ in done], axis=0)


def _start(context: EnrichContext) -> None:
    global _context
    _context = context


def _enrich_slice(names: list[str], texts: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, float]]:
    from insights.enrich import registry

    if _context is None:
        raise RuntimeError("an enrichment worker was started without its context")
    steps = dict(registry())
    added, timings = [], {}
    for name in names:
        started = time.process_time()
        added.append(steps[name](texts, _context))
        timings[name] = time.process_time() - started
    return pd.concat(added, axis=1), timings
