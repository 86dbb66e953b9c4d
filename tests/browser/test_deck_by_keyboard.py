"""The presenter deck in chromium at 1280×720, driven with the keyboard only.

One tab for the module: it opens a filtered view's deck, steps through every slide with the
keys a clicker sends, checks each slide's URL and type sizes, and leaves with Escape.
"""

from __future__ import annotations

import re

import pytest
from conftest import Visit, warm

pytestmark = pytest.mark.browser

THEME = "County lines"
# every piece of text on the slide outside charts, with its computed size in px
TEXT_SIZES = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const sizes = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('svg, canvas, .st-key-deck_keys')) continue;
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height || getComputedStyle(el).visibility === 'hidden') continue;
    sizes.push([el.tagName, node.textContent.trim().slice(0, 40),
                parseFloat(getComputedStyle(el).fontSize)]);
  }
  return sizes;
}"""


@pytest.fixture(scope="module")
def tab(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    visit = Visit(page, server)
    page.on("pageerror", lambda exc: visit.errors.append(f"page error: {exc}"))
    warm(visit)
    page.on("console", lambda m: m.type == "error" and visit.errors.append(m.text))
    yield visit
    context.close()


def slide_in_url(visit: Visit) -> int:
    return int(re.search(r"[?&]slide=(\d+)", visit.page.url).group(1))


def press(visit: Visit, key: str, expected: int) -> None:
    visit.page.keyboard.press(key)
    on_slide(visit, expected)


def on_slide(visit: Visit, expected: int) -> None:
    """Wait until the URL and the slide both show slide `expected`."""
    visit.page.wait_for_function(
        f"""() => new URLSearchParams(location.search).get('slide') === '{expected}'
            && document.querySelector('[data-testid=stMain]').innerText
                .includes('Slide {expected} of')""",
        timeout=30_000,
    )
    visit.settle()


def check_slide(visit: Visit, number: int, count: int) -> None:
    page = visit.page
    assert slide_in_url(visit) == number
    assert "present=1" in page.url and "theme=County+lines" in page.url
    text = visit.main_text()
    assert f"Slide {number} of {count}" in text
    assert f"Showing: theme {THEME}" in text  # the filters line, on every slide
    assert page.locator("[data-testid=stSidebar]").is_hidden()
    assert page.locator("[data-testid=stMain] h1").count() == 1
    heading = page.evaluate(
        "() => parseFloat(getComputedStyle(document.querySelector('[data-testid=stMain] h1'))"
        ".fontSize)"
    )
    assert heading >= 40
    small = [s for s in page.evaluate(TEXT_SIZES) if s[2] < 24]
    assert small == [], small
    # the slide fits the screen: nothing to scroll to at 1280×720
    assert page.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]');"
        " return m.scrollHeight <= m.clientHeight + 2; }"
    )
    visit.screenshot(f"deck-{number}")


def test_step_through_the_deck_with_the_keyboard(tab) -> None:
    visit = tab
    page = visit.open(f"?theme={THEME.replace(' ', '+')}&present=1")
    count = int(re.search(r"Slide 1 of (\d+)", visit.main_text()).group(1))
    assert count >= 5  # numbers, over time, themes, what changed, a key figure or more
    check_slide(visit, 1, count)
    for number in range(2, count + 1):
        press(visit, "ArrowRight", number)
        check_slide(visit, number, count)
    press(visit, "ArrowLeft", count - 1)
    press(visit, "PageUp", count - 2)
    press(visit, "PageDown", count - 1)
    press(visit, "Space", count)
    # a link to a slide opens that slide, with the same filters
    page.goto(page.url.replace(f"slide={count}", "slide=3"))
    visit.settle()
    check_slide(visit, 3, count)
    page.keyboard.press("Escape")
    page.wait_for_function("() => !location.search.includes('present')", timeout=30_000)
    visit.settle()
    assert "slide=" not in page.url and "theme=County+lines" in page.url
    assert page.locator("[data-testid=stSidebar]").is_visible()
    assert page.locator("[data-testid=stMain] h1").inner_text() == "Overview"
    assert not visit.errors


def test_on_screen_buttons_move_and_leave(tab) -> None:
    visit = tab
    page = visit.open("?present=1&slide=2")
    page.get_by_role("button", name=re.compile("Next")).click()
    on_slide(visit, 3)
    page.get_by_role("button", name=re.compile("Previous")).click()
    on_slide(visit, 2)
    page.get_by_role("button", name=re.compile("Leave the deck")).click()
    page.wait_for_function("() => !location.search.includes('present')", timeout=30_000)
    visit.settle()
    assert page.locator("[data-testid=stSidebar]").is_visible()
    assert not visit.errors
