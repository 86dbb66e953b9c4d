"""CSV downloads: small frames through pandas, whole selections streamed from Arrow."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd
import pytest

from insights import schema, serving
from insights.corpus import Filters, articles, export, frames

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

    def parsed(data: bytes) -> pd.DataFrame:
        text = data.decode("utf-8-sig")
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)

    got = export.articles_csv(corpus, selected, sort=sort, descending=descending)
    pd.testing.assert_frame_equal(parsed(got), parsed(export.to_csv(page)))
    assert got.startswith("\ufeff".encode())


def test_articles_csv_of_nothing_is_a_header(corpus):
    data = export.articles_csv(corpus, corpus.select(Filters(themes=("No such theme",))))
    assert data.decode("utf-8-sig").splitlines() == [
        ",".join(f'"{name}"' for name in articles.TABLE_COLUMNS)
    ]
