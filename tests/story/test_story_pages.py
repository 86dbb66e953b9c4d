"""The story's page pieces, run headless with AppTest on the synthetic three-publisher corpus
and on the hostile fixture (highlighting stays escaped)."""

from __future__ import annotations

import html
import json
import re
import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from insights import schema

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


@pytest.fixture
def served(synthetic, monkeypatch):
    monkeypatch.setenv("INSIGHTS_DATASET", str(synthetic.path))
    return synthetic


def run(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD / "app.py"), default_timeout=60)
    at.query_params.update(params)
    at.run()
    if page != "pages/overview_page.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text(at: AppTest) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "title", "subheader", "info")
        for e in getattr(at, kind)
    ]
    parts += [e.proto.body for e in at.get("html")]  # source text, HTML-escaped (literal.py)
    parts += [f"{m.label}={m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def plain(at: AppTest) -> str:
    """The page's text with Markdown's backslash escapes and HTML's entities taken out."""
    return html.unescape(re.sub(r"\\(.)", r"\1", text(at)))


def charts(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")] + [
        json.loads(c.proto.spec) for c in at.get("plotly_chart")
    ]


def test_an_article_lists_five_related_ones_with_shared_words(served):
    article_id = served.table.column(schema.ARTICLE_ID)[10].as_py()
    at = run("pages/explore_page.py", article=article_id)
    page = plain(at)
    assert "Related articles" in page
    assert page.count("Shares: ") == 5
    related = [link for link in at.get("page_link") if "article=" in link.proto.query_string]
    assert len({link.proto.query_string for link in related}) >= 5


def test_explore_draws_matches_over_time_with_inferred_dates_apart(served):
    at = run("pages/explore_page.py", q="trafficking")
    spec = next(c for c in charts(at) if "transform" in c and "period_end" in json.dumps(c))
    assert any(p.get("name") == "period" for p in spec.get("params", []))  # a click selects
    assert "inferred (pale)" in json.dumps(spec)
    assert "Matches per year" in plain(at)


def test_share_from_the_url_changes_the_charts_and_the_sentences(served):
    counted = run("pages/overview_page.py")
    shared = run("pages/overview_page.py", measure="share")
    assert "counts of articles" in plain(counted).lower()
    assert re.search(r"of all articles \(\d+ of \d+\) in the last six months", plain(shared))
    assert "Share of all articles" in json.dumps(charts(shared))
    assert "Share of all articles" not in json.dumps(charts(counted))
    assert "attention" not in "\n".join(e.proto.body for e in shared.get("html"))


@pytest.mark.parametrize(
    "page", ["pages/timeline_page.py", "pages/themes_page.py", "pages/publishers_page.py"]
)
def test_every_over_time_chart_has_the_toggle(served, page):
    at = run(page)
    at.segmented_control(key="measure").set_value("share").run()
    assert not at.exception
    drawn = json.dumps(charts(at))
    # an axis titled so, or (the small multiples) percentage ticks
    assert "Share of all articles" in drawn or '"tickformat": ".0%"' in drawn
    assert '"tickformat": ".0%"' not in json.dumps(charts(run(page)))


def test_publishers_side_by_side(served):
    at = run("pages/publishers_page.py")
    figures = at.dataframe[0].value
    assert list(figures["publisher"]) == list(served.publishers()[0])
    assert "The widest gap is" in plain(at)
    assert at.sidebar.multiselect(key="publisher").options == list(served.publishers()[0])


def test_the_publisher_filter_from_the_url(served):
    name = served.publishers()[0][1]
    at = run("pages/overview_page.py", publisher=name)
    expected = sum(1 for p in served.table.column(schema.PUBLISHER).to_pylist() if p == name)
    assert f"Articles={expected:,}" in plain(at)


def test_untagged_and_emerging(served):
    at = run("pages/emerging_page.py")
    page = plain(at)
    untagged = int((served.theme_mask == 0).sum())
    assert f"{untagged:,} of the {len(served):,} articles here" in page
    entries = [block.value for block in at.code if block.language == "toml"]
    assert len(entries) == page.count("Fits ")  # one taxonomy entry per suggestion
    assert entries or "No new theme to suggest: only" in page
    for entry in entries:
        assert tomllib.loads(entry)["theme"][0]["phrases"]


def test_representative_articles_are_highlighted_and_escaped(dataset):
    at = run("pages/themes_page.py")
    page = text(at)
    assert "<strong>County lines</strong></mark>" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page  # the hostile summary, as text
    assert "<img" not in page


def test_the_shipped_kind_of_dataset_has_no_publishers_page_to_compare(dataset):
    assert "build it from listings of two or more" in plain(run("pages/publishers_page.py"))
