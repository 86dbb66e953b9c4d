"""Publishers side by side: every frame against pandas over the same rows."""

from __future__ import annotations

import pandas as pd
import pytest

from insights import periods, schema
from insights.corpus import Filters
from insights.corpus.frames import ARTICLES, SHARE, THEME
from insights.story import publishers


@pytest.fixture(scope="module")
def table(synthetic):
    frame = synthetic.table.to_pandas()
    frame["row"] = range(len(frame))
    return frame


@pytest.mark.parametrize("filters", [Filters(), Filters(text="children")], ids=["all", "q"])
def test_themes_as_share_of_each_publishers_output(synthetic, table, filters):
    rows = synthetic.select(filters)
    found = publishers.publisher_themes(synthetic, rows)
    chosen = table.iloc[rows]
    output = chosen.groupby(schema.PUBLISHER).size()
    exploded = chosen.explode(schema.THEMES).dropna(subset=[schema.THEMES])
    expected = exploded.groupby([schema.PUBLISHER, schema.THEMES]).size()
    got = found.set_index([publishers.PUBLISHER, THEME])
    for (publisher, theme), n in expected.items():
        assert got.loc[(publisher, theme), ARTICLES] == n
        assert got.loc[(publisher, theme), SHARE] == pytest.approx(n / output[publisher])
    assert got[ARTICLES].sum() == expected.sum()


def test_figures_per_publisher(synthetic, table):
    rows = synthetic.select(Filters())
    found = publishers.publisher_figures(synthetic, rows).set_index(publishers.PUBLISHER)
    for name, group in table.groupby(schema.PUBLISHER):
        item = found.loc[name]
        assert item[ARTICLES] == len(group)
        assert item[publishers.FIRST] == group[schema.PUBLISHED].min()
        assert item[publishers.LAST] == group[schema.PUBLISHED].max()
        assert item[publishers.INFERRED_SHARE] == pytest.approx(
            (group[schema.DATE_BASIS] == schema.INFERRED).mean()
        )
        assert item[publishers.FIGURES] == group[schema.STATISTICS].apply(len).sum()
        assert item[publishers.UNTAGGED] == (group[schema.THEMES].apply(len) == 0).sum()
        assert item[publishers.THEMES] == len(set(group[schema.THEMES].explode().dropna()))


def test_timelines_on_one_axis_share_all_articles_of_the_period(synthetic, table):
    rows = synthetic.select(Filters())
    found = publishers.publishers_over_time(synthetic, rows, periods.YEAR)
    year = pd.to_datetime(table[schema.PUBLISHED]).dt.year
    expected = table.groupby([year, schema.PUBLISHER]).size()
    every = year.value_counts()
    for item in found.itertuples(index=False):
        n = expected.get((item.period.year, item.publisher), 0)
        assert item.articles == n
        assert item.all_articles == every[item.period.year]
        assert item.share == pytest.approx(n / every[item.period.year])


def test_the_publisher_filter_selects_its_articles(synthetic, table):
    names, _ = synthetic.publishers()
    assert len(names) == 3
    rows = synthetic.select(Filters(publishers=(names[1],)))
    assert list(rows) == list(table.index[table[schema.PUBLISHER] == names[1]])
