"""Quoted figures, newest article first, and equivalence with naive pandas."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from insights import schema, serving
from insights.corpus import Filters, figures, frames

import fixtures
from samples import GANGS, THEMES, naive_select


def test_statistics_table(corpus):
    frame = figures.statistics_table(corpus, corpus.select(Filters()))
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row[frames.LABEL] == "up to 1,000"
    assert row[schema.TITLE] == GANGS
    assert row[schema.STAT_COUNTED] == "children"
    assert figures.statistics_table(corpus, corpus.select(Filters()), kinds=("percent",)).empty


@pytest.fixture(scope="module")
def figures_corpus(tmp_path_factory):
    # Every article on its own day, so "newest first" is one exact order.
    rng = random.Random(11)
    days = rng.sample(range(2000), 300)
    rows = []
    for i, offset in enumerate(days):
        day = date(2014, 1, 1) + timedelta(days=offset)
        stats = [
            fixtures.statistic(j + 1, rng.choice(("count", "age", "percent")), f"f{i}-{j}", "s.")
            for j in range(rng.randrange(0, 4))
        ]
        rows.append(
            fixtures.article(
                f"Article {i}",
                published=day,
                published_earliest=day,
                published_latest=day,
                themes=rng.sample(THEMES, rng.randrange(0, 3)),
                statistics=stats,
                position=i + 1,
            )
        )
    path = tmp_path_factory.mktemp("figures") / "articles.parquet"
    return serving.load(fixtures.write(path, rows), search=False)


@pytest.mark.parametrize("limit", [None, 1, 7, 50])
@pytest.mark.parametrize("kinds", [(), ("age",), ("count", "percent")])
@pytest.mark.parametrize("filters", [Filters(), Filters(themes=("A",)), Filters(themes=("Z",))])
def test_statistics_table_matches_pandas(figures_corpus, filters, kinds, limit):
    frame = figures_corpus.table.to_pandas()
    frame = frame.iloc[naive_select(frame, filters)].sort_values(schema.PUBLISHED, ascending=False)
    expected = [
        s[schema.STAT_PHRASE]
        for stats in frame[schema.STATISTICS]
        for s in stats
        if not kinds or s[schema.STAT_KIND] in kinds
    ][:limit]
    got = figures.statistics_table(
        figures_corpus, figures_corpus.select(filters), kinds, limit=limit
    )
    assert got[schema.STAT_PHRASE].tolist() == expected
