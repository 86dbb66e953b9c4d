"""Headline numbers, facets, the sorted table page, one article, and empty selections."""

from __future__ import annotations

from datetime import date

import pytest

from insights import schema, serving
from insights.corpus import Filters, articles, figures, frames, themes, timeline

import fixtures
from samples import (
    CL,
    CT,
    ENTITIES,
    FIGURES,
    GANGS,
    GARDENERS,
    HOSTILE,
    JAILED,
    OL,
    RANDOM_FILTERS,
    RURAL,
    UNDATED,
    naive_select,
)


def test_headline(corpus):
    assert articles.headline(corpus, corpus.select(Filters())) == articles.Headline(
        articles=6,
        first=date(2017, 10, 18),
        last=date(2018, 9, 20),
        themes_present=3,
        statistics=1,
        stated=4,
        inferred=1,  # the undated row also says inferred: it is counted once, as undated
        curated=0,
        undated=1,
    )
    assert articles.headline(corpus, corpus.select(Filters(themes=(OL,)))).statistics == 0


def test_facets(corpus):
    result = articles.facets(corpus, corpus.select(Filters(themes=(CT,))), limit=2)
    assert set(result) == {"theme", "entity", "year", "date_basis"}
    assert result["theme"].values.tolist() == [[CT, 3], [CL, 1]]
    assert result["year"].values.tolist() == [[2018, 2], [2017, 1]]
    assert result["date_basis"].values.tolist() == [["stated", 2], ["inferred", 1]]
    assert len(result["entity"]) == 2


@pytest.mark.parametrize(
    ("sort", "descending", "page", "page_size", "expected"),
    [
        ("published", True, 1, 3, [GANGS, JAILED, FIGURES]),
        ("published", True, 2, 3, [RURAL, GARDENERS, UNDATED]),  # undated last
        ("published", False, 1, 2, [GARDENERS, RURAL]),
        ("published", False, 3, 2, [GANGS, UNDATED]),
        ("title", False, 1, 2, [GANGS, RURAL]),
        ("title", True, 1, 1, [UNDATED]),
        ("position", False, 1, 2, [GANGS, JAILED]),
        ("published", True, 9, 3, []),
        ("relevance", True, 1, 2, [GANGS, JAILED]),  # no text: newest first
    ],
)
def test_table_page(corpus, sort, descending, page, page_size, expected):
    frame, total = articles.table_page(
        corpus,
        corpus.select(Filters()),
        sort=sort,
        descending=descending,
        page=page,
        page_size=page_size,
    )
    assert frame[schema.TITLE].tolist() == expected
    assert total == 6
    assert list(frame.columns) == [
        schema.ARTICLE_ID,
        schema.TITLE,
        schema.SUMMARY,
        schema.PUBLISHED,
        schema.PUBLISHED_EARLIEST,
        schema.PUBLISHED_LATEST,
        schema.DATE_BASIS,
        schema.DATE_PRECISION,
        schema.THEMES,
        schema.PUBLISHER,
        schema.URL,
        frames.DATE,
    ]


def test_table_page_by_relevance(corpus):
    rows = corpus.select(Filters(text="county"))
    frame, total = articles.table_page(corpus, rows, sort="relevance", text="county")
    assert total == 2
    assert set(frame[schema.TITLE]) == {GANGS, RURAL}


def test_table_page_small_selection_uses_ranks(corpus):
    rows = corpus.select(Filters(themes=(CL,)))
    frame, total = articles.table_page(corpus, rows, page_size=1)
    assert (frame[schema.TITLE].tolist(), total) == ([GANGS], 2)


def test_article(corpus):
    first = articles.table_page(corpus, corpus.select(Filters()))[0][schema.ARTICLE_ID][0]
    found = articles.article(corpus, first)
    assert found[schema.TITLE] == GANGS
    assert found[schema.ENTITIES][0][schema.ENTITY_NAME] == "National Crime Agency"
    assert articles.article(corpus, "no-such-id") is None


def test_empty_selection_gives_empty_frames_with_columns(corpus):
    rows = corpus.select(Filters(themes=("No such theme",)))
    expected = {
        timeline.articles_over_time: [
            frames.PERIOD,
            frames.ARTICLES,
            frames.KNOWN,
            frames.INFERRED,
        ],
        timeline.date_intervals: [
            schema.ARTICLE_ID,
            schema.TITLE,
            schema.PUBLISHED,
            schema.PUBLISHED_EARLIEST,
            schema.PUBLISHED_LATEST,
            schema.DATE_BASIS,
            schema.DATE_PRECISION,
        ],
        themes.theme_counts: [frames.THEME, frames.ARTICLES, frames.SHARE, frames.COLOUR],
        timeline.theme_share_over_time: [
            frames.PERIOD,
            frames.THEME,
            frames.ARTICLES,
            frames.SHARE,
        ],
        themes.theme_cooccurrence: [frames.THEME_A, frames.THEME_B, frames.ARTICLES],
        themes.theme_phrases: [frames.THEME, frames.PHRASE, frames.ARTICLES],
    }
    for function, columns in expected.items():
        frame = function(corpus, rows)
        assert frame.empty and list(frame.columns) == columns, function.__name__
    by_theme = timeline.articles_over_time(corpus, rows, by_theme=True)
    assert by_theme.empty and frames.THEME in by_theme.columns
    assert figures.statistics_table(corpus, rows).empty
    assert all(f.empty for f in articles.facets(corpus, rows).values())
    frame, total = articles.table_page(corpus, rows)
    assert frame.empty and total == 0
    assert timeline.period_changes(corpus, rows) == []
    assert articles.headline(corpus, rows).first is None


def test_hostile_text_comes_back_unchanged(tmp_path):
    rows = [fixtures.article(HOSTILE, HOSTILE, themes=["<b>theme</b>"])]
    corpus = serving.load(fixtures.write(tmp_path / "a.parquet", rows))
    rows = corpus.select(Filters(text="script"))
    frame, _ = articles.table_page(corpus, rows)
    assert frame[schema.TITLE][0] == HOSTILE
    assert frame[schema.SUMMARY][0] == HOSTILE
    assert themes.theme_counts(corpus, rows)[frames.THEME][0] == "<b>theme</b>"
    assert articles.article(corpus, frame[schema.ARTICLE_ID][0])[schema.TITLE] == HOSTILE


@pytest.mark.parametrize("filters", RANDOM_FILTERS[:3] + RANDOM_FILTERS[6:])
def test_entity_facet_and_headline_match_pandas(random_corpus, filters):
    frame = random_corpus.table.to_pandas()
    frame = frame.iloc[naive_select(frame, filters)]
    names = frame[schema.ENTITIES].explode().dropna().map(lambda e: e[schema.ENTITY_NAME])
    rows = random_corpus.select(filters)
    facet = articles.facets(random_corpus, rows, limit=len(ENTITIES))["entity"]
    assert dict(facet.values.tolist()) == names.value_counts().to_dict()
    head = articles.headline(random_corpus, rows)
    assert head.articles == len(frame)
    assert head.undated == frame[schema.PUBLISHED].isna().sum()
    # each article once: its basis when it has a date, else undated
    dated = frame[frame[schema.PUBLISHED].notna()][schema.DATE_BASIS].value_counts()
    assert (head.stated, head.inferred, head.curated) == tuple(
        int(dated.get(basis, 0)) for basis in (schema.STATED, schema.INFERRED, schema.CURATED)
    )
    assert head.stated + head.inferred + head.curated + head.undated == head.articles
