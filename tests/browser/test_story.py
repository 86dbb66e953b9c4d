"""Finding the story in chromium, on a synthetic three-publisher corpus built by the pipeline:
an article's related ones, a click on the search histogram, the share toggle, publishers
side by side and the suggested themes. Every test fails on a console error or a dialog."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import serve, visiting

from insights import pipeline, schema, synth

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("story-browser")
    listing = synth.write_synthetic_listing(600, folder / "listing.csv", seed=5, publishers=3)
    out = folder / "articles.parquet"
    pipeline.build([listing], out, taxonomy_path=REPO / "data" / "taxonomy.toml")
    return out


@pytest.fixture(scope="module")
def story_server(corpus_path: Path) -> Iterator[str]:
    with serve(corpus_path) as url:
        yield url


@pytest.fixture
def tab(browser, story_server):
    with visiting(browser, story_server) as visit:
        yield visit
        assert not visit.page.locator("[data-testid=stException]").count(), visit.main_text()
        assert not visit.errors
        assert not visit.dialogs


def matching(text: str) -> int:
    return int(re.search(r"([\d,]+) articles? match", text).group(1).replace(",", ""))


def test_clicking_a_search_histogram_bar_narrows_the_dates(tab) -> None:
    page = tab.open("explore?q=trafficking")
    before = matching(tab.main_text())
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    chart.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    box = chart.bounding_box()
    # just above the x axis, in the middle: every year has a match there
    page.mouse.click(box["x"] + box["width"] * 0.55, box["y"] + box["height"] - 70)
    page.wait_for_url(re.compile(r"dates="), timeout=20_000)
    tab.settle()
    after = matching(tab.main_text())
    assert 0 < after < before
    tab.screenshot("story-histogram-clicked")


def test_the_share_toggle_goes_into_the_url_and_the_sentences(tab) -> None:
    page = tab.open("")
    assert "counts of articles" in tab.main_text().lower()
    page.get_by_role("button", name="share", exact=True).first.click()
    page.wait_for_url(re.compile(r"measure=share"), timeout=20_000)
    tab.settle()
    assert re.search(r"of all articles \(\d+ of \d+\)", tab.main_text())
    tab.screenshot("story-overview-share")


def test_an_article_lists_related_ones_that_open_in_turn(tab, corpus_path) -> None:
    import pyarrow.parquet as pq

    first = pq.read_table(corpus_path, columns=[schema.ARTICLE_ID]).column(0)[3].as_py()
    page = tab.open(f"explore?article={first}")
    text = tab.main_text()
    assert "Related articles" in text and text.count("Shares: ") == 5
    tab.screenshot("story-related")
    related = page.locator("[data-testid=stPageLink] a[href*='article=']")
    target = [h for h in related.evaluate_all("els => els.map(e => e.href)") if first not in h]
    page.locator(f"a[href='{target[0].split(tab.base, 1)[1]}']").first.click()
    page.wait_for_url(re.compile(r"article=(?!" + first + ")"), timeout=20_000)
    tab.settle()
    assert "Related articles" in tab.main_text()


def test_publishers_side_by_side_and_suggested_themes(tab) -> None:
    tab.open("publishers")
    text = tab.main_text()
    assert "3 publishers in view" in text and "The widest gap is" in text
    tab.screenshot("story-publishers")
    tab.open("emerging")
    assert "Articles with no theme" in tab.main_text()
    tab.screenshot("story-emerging")
