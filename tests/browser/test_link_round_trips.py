"""Every view is a link, in chromium (#12): set a view by hand, copy its URL, open it fresh.

Each test fails on an app exception, a console error or a dialog (as test_dashboard.py).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator

import pytest
from conftest import Visit, visiting
from playwright.sync_api import Error as PlaywrightError

pytestmark = pytest.mark.browser

BAR = "[data-testid=stMain] .st-key-filterbar"


@pytest.fixture(autouse=True)
def nothing_went_wrong(visit) -> Iterator[None]:
    yield
    assert not visit.page.locator("[data-testid=stException]").count(), visit.main_text()
    assert not visit.errors
    assert not visit.dialogs


def _pick(visit: Visit, label: str, option: str) -> None:
    """Choose `option` in the select box labelled `label` and wait for the rerun."""
    box = visit.page.locator("[data-testid=stSelectbox]", has_text=label)

    def choose() -> None:
        box.locator("input").click()
        visit.page.keyboard.type(option)
        visit.page.keyboard.press("Enter")

    _changing_the_url(visit, choose)


def _press(visit: Visit, name: str) -> None:
    """Press the button `name` (each here changes the view) and wait for the rerun."""
    button = visit.page.locator("[data-testid=stMain] button", has_text=re.compile(f"^{name}$"))
    _changing_the_url(visit, button.click)


def _changing_the_url(visit: Visit, act: Callable[[], None]) -> None:
    """Do `act`, which changes the view's URL, and wait until it has and the page settles: on a
    loaded machine the rerun may not have begun when settle() first looks."""
    before = visit.page.url
    act()
    with contextlib.suppress(PlaywrightError):
        visit.page.wait_for_url(lambda url: url != before, timeout=30_000)
    visit.settle()


def _state(visit: Visit) -> dict[str, str]:
    """What a reader sees of the view: the filters line, the page's controls and its text."""
    page = visit.page
    main = page.locator("[data-testid=stMain]")
    controls = main.locator(
        "[data-testid=stSelectbox], [data-testid=stButtonGroup] [data-testid$=Active]"
    )
    return {
        "filters": page.locator(BAR).inner_text() if page.locator(BAR).count() else "",
        "sidebar": page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]")
        .all_inner_texts()
        .__str__(),
        "controls": str(controls.all_inner_texts()),
        "text": re.sub(r"\s+", " ", main.inner_text()),
    }


# page, the link it is opened with, what a reader then does on it
VIEWS = {
    "explore": (
        "explore?theme=County+lines&q=county",
        [("pick", "Sort", "Oldest first"), ("press", "Table")],
    ),
    "timeline": ("timeline?q=county", [("press", "Week")]),
    "overview": ("?basis=stated", []),
    "themes": ("themes?theme=Child+trafficking", []),
    "figures": ("figures?q=children", []),
    "about": ("about?entity=National+Crime+Agency", []),
}


@pytest.mark.parametrize("name", VIEWS)
def test_a_copied_link_opens_the_same_view_in_a_fresh_browser(browser, server, visit, name):
    link, steps = VIEWS[name]
    visit.open(link)
    for step, *args in steps:
        (_pick if step == "pick" else _press)(visit, *args)
    seen = _state(visit)
    copied = visit.page.url
    with visiting(browser, server) as fresh:
        fresh.page.goto(copied)
        fresh.settle()
        assert _state(fresh) == seen
        assert not fresh.errors and not fresh.dialogs
    if name == "explore":
        assert "order=oldest" in copied and "view=table" in copied


def test_opening_an_article_keeps_the_view_and_back_returns_to_the_list(visit) -> None:
    page = visit.open("explore?theme=County+lines&q=county")
    _pick(visit, "Sort", "Oldest first")
    listed = page.url
    page.locator("[data-testid=stPageLink] a", has_text="Details").first.click()
    visit.settle()
    assert "article=" in page.url
    for kept in ("theme=County+lines", "q=county", "order=oldest"):
        assert kept in page.url
    close = page.locator("[data-testid=stPageLink] a", has_text=re.compile(r"Close$"))
    assert close.count() == 1
    page.go_back()
    visit.settle()
    assert page.url == listed  # back on the list, in the app
    assert close.count() == 0
    page.go_forward()
    visit.settle()
    assert "article=" in page.url and close.count() == 1


def test_a_filter_followed_from_what_changed_stays_named_and_removable(visit) -> None:
    page = visit.open()
    page.locator("[data-testid=stPageLink] a", has_text="See the").first.click()
    visit.settle()
    theme = re.search(r"theme=([^&]+)", page.url).group(1).replace("+", " ")
    page.locator("[data-testid=stSidebarNav] a", has_text="Overview").click()
    visit.settle()
    line = page.locator(BAR).inner_text()
    assert f"Theme: {theme}" in line and "Dates:" in line and "Clear all" in line
    page.locator(BAR).get_by_role("button", name=re.compile("^Clear all")).click()
    visit.settle()
    assert page.locator(BAR).count() == 0
    assert "theme=" not in page.url and "dates=" not in page.url


def test_back_walks_each_view_in_turn_one_step_per_change(visit) -> None:
    page = visit.open("explore")
    seen = [(page.url, _state(visit))]
    _pick(visit, "Sort", "Oldest first")
    seen.append((page.url, _state(visit)))
    page.locator("[data-testid=stPageLink] a", has_text="Details").first.click()
    visit.settle()
    seen.append((page.url, _state(visit)))
    page.locator("[data-testid=stSidebarNav] a", has_text="Timeline").click()
    visit.settle()
    assert "/timeline" in page.url
    for url, state in reversed(seen):  # one Back per change, each view as it was
        page.go_back()
        visit.settle()
        assert page.url == url
        assert _state(visit) == state
