"""The dashboard in Debian's chromium: every page, deep links, search, presenter mode, safety.

Every test fails on an app exception, a browser console error or a dialog.
Screenshots of every page go to test-artifacts/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import serve, visiting

pytestmark = pytest.mark.browser

PAGES = {
    "overview": "",
    "timeline": "timeline",
    "themes": "themes",
    "figures": "figures",
    "explore": "explore",
    "about": "about",
    "gallery": "gallery",
}
FONT_SIZE = (
    "() => parseFloat(getComputedStyle("
    "document.querySelector('[data-testid=stMain] [data-testid=stMarkdownContainer] p')).fontSize)"
)


@pytest.fixture(autouse=True)
def nothing_went_wrong(visit) -> Iterator[None]:
    yield
    assert not visit.page.locator("[data-testid=stException]").count(), visit.main_text()
    assert not visit.errors
    assert not visit.dialogs


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders(visit, name: str) -> None:
    page = visit.open(PAGES[name])
    assert page.locator("[data-testid=stMain] h1").count() == 1
    visit.screenshot(name)


def test_default_page_shows_a_chart(visit) -> None:
    page = visit.open()
    page.wait_for_selector("[data-testid=stPlotlyChart] .main-svg", timeout=15_000)
    assert page.locator("[data-testid=stPlotlyChart]").count() >= 1
    assert "Data behind this chart" in visit.main_text()


def test_deep_link_to_a_theme_shows_only_its_articles(visit) -> None:
    page = visit.open("explore?theme=Online+abuse")
    text = visit.main_text()
    assert "1 article match" in text
    assert "Online abuser jailed for 32 years" in text
    assert "County lines in rural towns" not in text
    assert "Online abuse" in page.locator("[data-testid=stSidebar]").inner_text()
    visit.screenshot("explore-theme-deep-link")


@pytest.mark.parametrize("link", ["explore?theme=Online+abuse", "overview?theme=Online+abuse"])
def test_deep_link_as_the_first_request_gets_the_frame_and_filters(
    browser, dashboard_dataset, link: str
):
    # A new server whose very first visitor arrives on a page URL: the page must still run
    # inside app.py's frame (menu, shared filters), with the link's filters applied, and the
    # console stays clean (no "Page not found", no 404 probe: see dashboard/server.py).
    with serve(dashboard_dataset) as url, visiting(browser, url) as first:
        first.open(link)
        sidebar = first.page.locator("[data-testid=stSidebar]").inner_text()
        assert "Filters" in sidebar and "Online abuse" in sidebar
        assert first.page.locator("[data-testid=stMain] h1").count() == 1
        assert not first.page.locator("[data-testid=stException]").count()
        assert not first.page.get_by_text("Page not found").count()
        assert first.dialogs == []
        assert first.errors == []


def test_search_highlights_its_matches(visit) -> None:
    page = visit.open("explore?q=county")
    marks = page.locator("[data-testid=stMain] mark")
    assert marks.count() >= 3
    assert {m.lower() for m in marks.all_inner_texts()} == {"county"}
    assert "Online abuser" not in visit.main_text()


def test_presenter_mode_enlarges_the_type(visit) -> None:
    page = visit.open()
    normal = page.evaluate(FONT_SIZE)
    page = visit.open("?present=1")
    assert page.evaluate(FONT_SIZE) > normal * 1.3
    assert "present=1" in page.url
    visit.screenshot("overview-presenter")


def test_hostile_title_is_shown_literally(visit, hostile_title: str) -> None:
    page = visit.open("explore")
    assert hostile_title in visit.main_text()
    assert page.locator("[data-testid=stMain] script").count() == 0
    assert page.locator("[data-testid=stMain] img[src=x]").count() == 0


def test_copy_link_holds_the_filters(visit) -> None:
    page = visit.open("themes?theme=County+lines&q=county")
    page.get_by_text("Copy link to this view").click()
    link = page.locator("[data-testid=stPopoverBody] code").inner_text()
    assert re.search(r"/themes\?", link)
    assert "theme=County+lines" in link and "q=county" in link


def test_what_changed_opens_its_articles_in_the_same_session(visit) -> None:
    page = visit.open()
    link = page.locator("[data-testid=stPageLink] a", has_text="See the").first
    wanted = re.search(r"See the (\d+) article", link.inner_text()).group(1)
    link.click()
    visit.settle()
    assert "/explore?" in page.url and "theme=" in page.url and "dates=" in page.url
    assert "show_theme" not in page.url
    assert f"{wanted} article" in visit.main_text()
