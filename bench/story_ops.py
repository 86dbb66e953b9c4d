"""Time every "find the story" aggregation (insights.story) at scale, against the 50 ms line.

    .venv/bin/python bench/story_ops.py --dataset /tmp/insights-bench/articles-1000000-0.parquet

bench/scale.py calls `measure_all(bench, corpus)` after the query layer; run alone it loads a
built dataset (its serving copy and search index) and prints one table. Each row is one
interaction's server-side work: opening an article's related list, a search histogram, the
counts/share toggle, representative articles, the publishers page, untagged articles. The
suggested themes are computed once per dataset (then cached): their one-off cost is a row of
its own, and the cached look-up another.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from insights import periods, serving
from insights.corpus import Corpus, Filters, timeline
from insights.story import emerging, matches, measure, publishers, related, representative

LINE_MS = 50.0
RELATED_ARTICLES = 20  # distinct articles opened, cycled through
QUERIES = ("trafficking", "telford", '"county lines"')


def measurements(corpus: Corpus) -> list[tuple[str, object, int | None]]:
    """(name, callable, repeat or None for the bench's default) per story operation."""
    every = corpus.select(Filters())
    searched = {q: corpus.select(Filters(text=q)) for q in QUERIES}
    publisher_names, _ = corpus.publishers()
    index = corpus.search_index()
    picks = np.random.default_rng(0).choice(len(corpus), RELATED_ARTICLES, replace=False)
    state = {"next": 0}

    def next_row() -> int:
        state["next"] = (state["next"] + 1) % len(picks)
        return int(picks[state["next"]])

    month = timeline.articles_over_time(corpus, every, periods.MONTH)
    by_theme = timeline.articles_over_time(corpus, every, periods.MONTH, by_theme=True)
    changes = timeline.period_changes(corpus, every)
    ops: list[tuple[str, object, int | None]] = [
        (
            "related articles: ranking (20 articles in turn)",
            lambda: related.related_rows(index, next_row()),
            None,
        ),
        (
            "related articles: the list with shared words",
            lambda: related.related_articles(corpus, next_row()),
            None,
        ),
    ]
    for q, rows in searched.items():
        ops.append(
            (
                f"search over time `{q}` ({len(rows):,} matches)",
                lambda r=rows: matches.matches_over_time(corpus, r),
                None,
            )
        )
    ops += [
        (
            "share of all: articles per month",
            lambda: measure.with_share_of_all(corpus, month, periods.MONTH),
            None,
        ),
        (
            "share of all: per month and theme",
            lambda: measure.with_share_of_all(corpus, by_theme, periods.MONTH),
            None,
        ),
        (
            "what changed, with all articles of both windows",
            lambda: measure.with_all_articles(corpus, changes),
            None,
        ),
        (
            "representative articles: first call (ranks once per dataset)",
            lambda: (
                representative._RANKED.pop(corpus, None),
                representative.strongest(corpus, every),
            ),
            3,
        ),
        (
            "representative articles: every article",
            lambda: representative.representative_articles(corpus, every),
            None,
        ),
    ]
    for q, rows in searched.items():
        ops.append(
            (
                f"representative articles `{q}`",
                lambda r=rows: representative.representative_articles(corpus, r),
                None,
            )
        )
    ops += [
        (
            f"publishers: themes as share of output ({len(publisher_names)} publishers)",
            lambda: publishers.publisher_themes(corpus, every),
            None,
        ),
        (
            "publishers: figures per publisher",
            lambda: publishers.publisher_figures(corpus, every),
            None,
        ),
        (
            "publishers: timelines on one axis (per year)",
            lambda: publishers.publishers_over_time(corpus, every, periods.YEAR),
            None,
        ),
        ("untagged: the newest 20", lambda: emerging.untagged_page(corpus, every), None),
        ("suggested themes: computed once per dataset", lambda: emerging.suggest_themes(corpus), 1),
        ("suggested themes: cached look-up", lambda: emerging.cached_suggestions(corpus), None),
    ]
    return ops


def measure_all(bench, corpus: Corpus) -> None:
    """Add every story measurement to a bench/scale.py `Bench`, noting the 50 ms line."""
    emerging.cached_suggestions(corpus)  # what the look-up row reads
    for name, function, repeat in measurements(corpus):
        result = bench.measure(f"story: {name}", function, repeat=repeat)
        median = statistics.median(result.ours)
        if "once per dataset" not in name:
            result.note += f"{'under' if median < LINE_MS else 'OVER'} {LINE_MS:.0f} ms"
        else:
            result.note += "one-off, then cached"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from scale import Bench

    started = time.perf_counter()
    corpus = serving.load(args.dataset)
    print(f"{len(corpus):,} articles loaded in {time.perf_counter() - started:.1f} s")
    bench = Bench(repeat=args.repeat)
    measure_all(bench, corpus)
    print(bench.table())
    timed = [r for r in bench.results if "once per dataset" not in r.name]
    under = sum(statistics.median(r.ours) < LINE_MS for r in timed)
    print(f"\nstory operations: {under} of {len(timed)} medians under {LINE_MS:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
