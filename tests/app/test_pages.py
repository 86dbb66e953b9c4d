"""Every dashboard page, run headless with AppTest against a small fixture dataset."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from insights import schema

import fixtures

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
PAGES = [
    "pages/overview_page.py",
    "pages/timeline_page.py",
    "pages/themes_page.py",
    "pages/figures_page.py",
    "pages/explore_page.py",
    "pages/about_page.py",
    "pages/gallery_page.py",
]


def run(page: str = "pages/overview_page.py", **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD / "app.py"), default_timeout=30)
    at.query_params.update(params)
    at.run()
    if page != PAGES[0]:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def text(at: AppTest) -> str:
    """Everything the page wrote as Markdown, HTML, captions, metrics and titles, in one string."""
    parts = [
        e.value
        for kind in ("markdown", "caption", "title", "subheader", "info")
        for e in getattr(at, kind)
    ]
    parts += [e.proto.body for e in at.get("html")]  # source text, HTML-escaped (literal.py)
    parts += [f"{m.label}={m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_without_exception(dataset: Path, page: str) -> None:
    at = run(page)
    assert at.title, "every page has a title"
    for markdown in at.markdown:
        # article text is never rendered as HTML
        assert not (markdown.proto.allow_html and "script" in markdown.value)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_says_so_when_nothing_matches(dataset: Path, page: str) -> None:
    at = run(page, q="zzzunmatchedword")
    if page not in ("pages/about_page.py", "pages/gallery_page.py"):  # the whole dataset
        assert "No " in text(at) and "match these filters" in text(at)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_copes_with_only_undated_articles(dataset: Path, page: str) -> None:
    run(page, q="undated")  # one article, no date, no theme, no figures


# URL parameters → articles the Overview counts (the fixture has 7, one undated)
URL_CASES = [
    ({}, 7),
    ({"theme": ["County lines"]}, 3),
    ({"theme": ["County lines", "Online abuse"]}, 4),
    ({"dates": ["2018-01-01", "2018-06-30"]}, 2),
    ({"entity": ["National Crime Agency"]}, 1),
    ({"basis": ["inferred"]}, 2),
    ({"q": '"county lines"'}, 3),
    ({"q": "county -rural"}, 2),
    ({"q": "trafficking OR online"}, 2),
    ({"theme": ["Not a theme"]}, 7),  # unknown values are dropped, not errors
]


@pytest.mark.parametrize(("params", "articles"), URL_CASES)
def test_url_parameters_filter_the_overview(dataset: Path, params: dict, articles: int) -> None:
    assert f"Articles={articles}" in text(run(**params))


def test_theme_in_the_url_filters_every_page(dataset: Path) -> None:
    at = run(theme=["Online abuse"])
    assert at.sidebar.multiselect(key="theme").value == ["Online abuse"]
    assert "Articles=1" in text(at)
    at = run("pages/explore_page.py", theme=["Online abuse"])
    assert "Online abuser jailed" in text(at)
    assert "County lines in rural towns" not in text(at)


def test_a_filter_link_sets_the_filters_once(dataset: Path) -> None:
    at = run(show_theme="County lines", show_from="2018-01-01", show_to="2019-06-30")
    assert at.sidebar.multiselect(key="theme").value == ["County lines"]
    # clamped to the data's last date, which the filter cannot go past
    assert at.sidebar.date_input(key="dates").value == (date(2018, 1, 1), date(2018, 9, 20))
    assert "show_theme" not in at.query_params
    assert "Articles=2" in text(at)  # the county lines articles of 2018


def test_what_changed_links_carry_theme_and_dates(dataset: Path) -> None:
    links = [link for link in run().get("page_link") if "See the" in link.proto.label]
    assert links
    assert all("show_theme=" in link.proto.query_string for link in links)


def test_search_in_the_url_filters_and_marks_matches(dataset: Path) -> None:
    at = run("pages/explore_page.py", q="county")
    assert at.sidebar.text_input(key="q").value == "county"
    page = text(at)
    assert "<strong>County</strong></mark>" in page
    assert "Online abuser jailed" not in page


def test_presenter_mode_from_the_url(dataset: Path) -> None:
    at = run(present="1")
    assert at.sidebar.toggle(key="presenter").value is True
    assert at.query_params.get("present") in ("1", ["1"])
    assert not run().sidebar.toggle(key="presenter").value


def test_hostile_title_is_escaped_text(dataset: Path, hostile_title: str) -> None:
    page = text(run("pages/explore_page.py"))
    assert html.escape(hostile_title) in page  # escaped once, shown as typed
    assert "<script>" not in page


def test_an_article_opens_from_the_url(dataset: Path) -> None:
    article_id = fixtures.sample_rows()[0][schema.ARTICLE_ID]
    at = run("pages/explore_page.py", article=article_id)
    assert "National Crime Agency" in text(at)
    assert "county lines" in text(at)  # the theme's evidence phrase


def test_the_themes_button_filters_every_page(dataset: Path) -> None:
    at = run("pages/themes_page.py")
    at.selectbox(key="phrases_theme").set_value("County lines").run()
    at.button[0].click().run()
    assert at.sidebar.multiselect(key="theme").value == ["County lines"]


def test_figures_filter_by_kind(dataset: Path) -> None:
    assert "up to 1,000 children" in text(run("pages/figures_page.py"))  # a card heading
    assert "No quoted figures" in text(run("pages/figures_page.py", kind=["percent"]))


def test_timeline_per_year(dataset: Path) -> None:
    at = run("pages/timeline_page.py", per="Year")  # bound options travel as their labels
    assert "Articles per year" in text(at)


def test_missing_dataset_shows_the_build_command(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("INSIGHTS_DATASET", str(tmp_path / "absent.parquet"))
    at = run()
    assert "could not be read" in at.error[0].value
    assert "insights build" in at.code[0].value


def test_unreadable_dataset_shows_the_build_command(tmp_path: Path, monkeypatch) -> None:
    broken = tmp_path / "broken.parquet"
    broken.write_text("not parquet")
    monkeypatch.setenv("INSIGHTS_DATASET", str(broken))
    at = run()
    assert "cannot read" in at.error[0].value


def test_a_rebuilt_dataset_is_picked_up_without_restart(dataset: Path) -> None:
    at = run()
    assert "Articles=7" in text(at)
    fixtures.write(dataset, fixtures.sample_rows()[:2])
    at.run()
    assert "Articles=2" in text(at)
