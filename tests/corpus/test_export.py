"""CSV downloads: small frames through pandas, whole selections streamed from Arrow."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest

from insights import schema, serving
from insights.corpus import Filters, articles, export, figures, frames

import fixtures
from samples import CL, CT, HOSTILE


def test_to_csv():
    frame = pd.DataFrame(
        {
            schema.TITLE: [HOSTILE, "plain, with comma"],
            schema.THEMES: [[CL, CT], []],
            schema.PUBLISHED: [date(2018, 1, 2), None],
            frames.ARTICLES: [1, 2],
        }
    )
    text = export.to_csv(frame).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), keep_default_na=False)
    assert back[schema.TITLE].tolist() == [HOSTILE, "plain, with comma"]
    assert back[schema.THEMES].tolist() == [f"{CL}; {CT}", ""]
    assert back[schema.PUBLISHED].tolist() == ["2018-01-02", ""]
    formula = export.to_csv(pd.DataFrame({schema.TITLE: ["=1+1", "-5 children"]}))
    assert formula.decode("utf-8-sig").splitlines()[1:] == ["'=1+1", "'-5 children"]


@pytest.mark.parametrize(
    ("sort", "descending"), [("published", True), ("title", False), ("relevance", True)]
)
def test_articles_csv_matches_to_csv_of_a_full_page(tmp_path, sort, descending):
    rows = [*fixtures.sample_rows(), fixtures.article(HOSTILE, themes=[CL])]
    corpus = serving.load(fixtures.write(tmp_path / "a.parquet", rows), search=False)
    selected = corpus.select(Filters())
    page, _ = articles.table_page(
        corpus, selected, sort=sort, descending=descending, page_size=len(selected)
    )
    ids = corpus.table.column(schema.ARTICLE_ID).to_pylist()
    page = export.article_rows(corpus, [ids.index(i) for i in page[schema.ARTICLE_ID]])

    def parsed(data: bytes) -> pd.DataFrame:
        text = data.decode("utf-8-sig")
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)

    got = export.articles_csv(corpus, selected, sort=sort, descending=descending)
    pd.testing.assert_frame_equal(parsed(got), parsed(export.to_csv(page)))
    assert got.startswith("\ufeff".encode())


def test_articles_csv_of_nothing_is_a_header(corpus):
    data = export.articles_csv(corpus, corpus.select(Filters(themes=("No such theme",))))
    assert data.decode("utf-8-sig").splitlines() == [
        ",".join(f'"{name}"' for name in export.ARTICLE_COLUMNS)
    ]


def test_articles_csv_can_be_cited(tmp_path):
    # the url, the date in words and the columns behind them, for every article
    rows = fixtures.sample_rows()
    rows[0][schema.URL] = "https://example.org/gangs"
    rows[0][schema.PUBLISHER] = "Example Trust"
    corpus = serving.load(fixtures.write(tmp_path / "a.parquet", rows), search=False)
    text = export.articles_csv(corpus, corpus.select(Filters())).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    for name in (schema.URL, schema.DATE_PRECISION, schema.PUBLISHED_EARLIEST,
                 schema.PUBLISHED_LATEST, schema.DATE_BASIS, frames.DATE):  # fmt: skip
        assert name in back.columns
    by_title = back.set_index(schema.TITLE)
    gangs = by_title.loc["Children exploited by county lines gangs"]
    assert (gangs[schema.URL], gangs[schema.PUBLISHER]) == ("https://example.org/gangs",
                                                          "Example Trust")  # fmt: skip
    assert gangs[frames.DATE] == "20 Sep 2018"
    figures_row = by_title.loc["Trafficking figures rise by 66%"]
    assert figures_row[frames.DATE] == "Mar 2018 (estimated)"
    assert figures_row[schema.PUBLISHED_EARLIEST] == "2018-03-01"
    assert figures_row[schema.PUBLISHED_LATEST] == "2018-03-31"
    assert figures_row[schema.DATE_PRECISION] == schema.MONTH
    assert by_title.loc["Undated item"][frames.DATE] == "date unknown"


def test_figures_csv_carries_the_article_to_cite(corpus):
    table = figures.statistics_table(corpus, corpus.select(Filters()))
    text = export.figures_csv(table).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    assert list(back.columns) == export.FIGURE_COLUMNS
    first = back.iloc[0]
    assert first[frames.HEADING] == "up to 1,000 children"
    assert first[frames.DATE] == "20 Sep 2018"
    assert first[schema.PUBLISHED_EARLIEST] == first[schema.PUBLISHED_LATEST] == "2018-09-20"
