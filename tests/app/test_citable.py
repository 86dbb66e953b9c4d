"""An article and a figure can be cited: url shown, citation ready to copy, file names only."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from insights import schema

import fixtures

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
URL = "https://example.org/news/gangs"


@pytest.fixture
def cited(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict:
    rows = fixtures.sample_rows()
    rows[0].update({schema.URL: URL, schema.PUBLISHER: "Example Trust"})
    rows[0][schema.SOURCE] = ["/srv/secret/place/news-2018.txt"]
    path = fixtures.write(tmp_path / "articles.parquet", rows)
    monkeypatch.setenv("INSIGHTS_DATASET", str(path))
    return rows[0]


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD / "app.py"), default_timeout=30)
    at.query_params.update(params)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_detail_shows_the_url_and_the_citation(cited: dict) -> None:
    at = run("pages/explore_page.py", article=cited[schema.ARTICLE_ID])
    codes = [c.value for c in at.code]
    assert ("Children exploited by county lines gangs, Example Trust, 20 Sep 2018, " + URL) in codes
    links = [h.proto.body for h in at.get("html")]
    assert any(f'href="{URL}"' in body and 'rel="noopener' in body for body in links)
    # the id line is source text, so it is shown through literal (st.html), not a caption
    shown = "\n".join([*links, *(c.value for c in at.caption)])
    assert "news-2018.txt" in shown
    assert "srv" not in shown


def test_figure_cards_carry_the_citation(cited: dict) -> None:
    at = run("pages/figures_page.py")
    assert any(c.value.endswith(", Example Trust, 20 Sep 2018, " + URL) for c in at.code)


def test_related_articles_give_an_estimate_as_its_interval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = fixtures.sample_rows()
    estimated = rows[2]  # inferred: best guess 15 Mar 2018, somewhere in seven months
    estimated[schema.PUBLISHED_EARLIEST] = date(2017, 12, 1)
    estimated[schema.PUBLISHED_LATEST] = date(2018, 6, 30)
    monkeypatch.setenv("INSIGHTS_DATASET", str(fixtures.write(tmp_path / "a.parquet", rows)))
    at = run("pages/explore_page.py", article=rows[3][schema.ARTICLE_ID])
    # the labels as a reader sees them (their Markdown escapes read)
    labels = [re.sub(r"\\(.)", r"\1", p.proto.label) for p in at.get("page_link")]
    assert f"between Dec 2017 and Jun 2018 (estimated) · {estimated[schema.TITLE]}" in labels
    assert not any("Mar 2018" in label for label in labels)
