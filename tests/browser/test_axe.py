"""axe-core in every page of the dashboard, light and dark, the deck, an article, the table.

axe-core 4.14 is vendored from the npm registry (vendor/axe-core/README.md). Any violation
fails, with its rule id, impact and the elements it found. Charts are checked too, though axe
cannot read text drawn in SVG or canvas: chart text contrast is checked in
tests/test_chart_style.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SCREENSHOTS, Visit, warm

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
PAGES = [
    "",
    "timeline",
    "themes",
    "figures",
    "explore",
    "publishers",
    "emerging",
    "about",
    "gallery",
]
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + n.failureSummary)
  }));
}"""


@pytest.fixture(scope="module", params=["light", "dark"])
def tab(request, browser, server):
    """One tab per colour scheme for the whole module, as the viewer's system sets it."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, color_scheme=request.param
    )
    page = context.new_page()
    visit = Visit(page, server)
    page.on("pageerror", lambda exc: visit.errors.append(f"page error: {exc}"))
    warm(visit)
    yield request.param, visit
    context.close()


def violations(visit: Visit, name: str) -> list[str]:
    visit.page.add_script_tag(content=AXE)
    found = visit.page.evaluate(RUN_AXE)
    if found:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        visit.screenshot(f"axe-{name}")
    return [f"{v['id']} ({v['impact']}): {'; '.join(v['nodes'])}" for v in found]


def go(visit: Visit, path: str) -> None:
    """Open a page through the menu when it is on screen (no reload: the quick way), else by URL."""
    page = visit.page
    link = page.locator(f'[data-testid=stSidebarNav] a[href$="/{path}"]')
    if not path or "?" in path or not link.count() or not link.first.is_visible():
        visit.open(path)
        return
    title = page.locator("[data-testid=stMain] h1").inner_text()
    link.first.click()
    page.wait_for_function(
        """title => { const h1 = document.querySelector('[data-testid=stMain] h1');
            return h1 && h1.innerText !== title; }""",
        arg=title,
        timeout=30_000,
    )
    visit.settle()


@pytest.mark.parametrize("path", [*PAGES, "?present=1", "?present=1&slide=2"])
def test_no_violations_on_any_page(tab, path: str) -> None:
    scheme, visit = tab
    go(visit, path)
    assert violations(visit, f"{scheme}-{path or 'overview'}") == []
    assert not visit.errors


def test_no_violations_with_an_article_open_and_the_table(tab) -> None:
    scheme, visit = tab
    page = visit.open("explore")
    details = page.locator("[data-testid=stPageLink] a", has_text="Details").first
    page = visit.open(details.get_attribute("href").lstrip("/"))
    assert "article=" in page.url and page.locator("[data-testid=stMain] h2").count()
    assert violations(visit, f"{scheme}-article") == []
    page = visit.open("explore?view=table")
    page.locator("[data-testid=stDataFrame]:visible").first.wait_for(timeout=30_000)
    assert violations(visit, f"{scheme}-table") == []


# each chart's accessible name, wherever Streamlit puts the `alt` text
CHART_NAMES = """() => [...document.querySelectorAll(
    '[data-testid=stPlotlyChart], [data-testid=stVegaLiteChart]')].map(chart => {
  const named = chart.matches('[aria-label]') ? chart : chart.querySelector('[aria-label]');
  return named ? named.getAttribute('aria-label') : '';
})"""
FOCUSED = """() => { const el = document.activeElement; const style = getComputedStyle(el);
  return {toolbar: !!el.closest('.modebar'), tag: el.tagName,
          outline: style.outlineStyle, width: parseFloat(style.outlineWidth)}; }"""


def test_charts_are_named_and_toolbars_take_no_tab_stops(tab) -> None:
    _, visit = tab
    page = visit.open("themes")
    # the charts may draw after the page settles on a loaded machine: wait for the three
    page.wait_for_function(f"() => ({CHART_NAMES})().filter(Boolean).length >= 3", timeout=30_000)
    names = page.evaluate(CHART_NAMES)
    assert len(names) == 3 and all(names), names
    assert any("is the commonest theme" in name for name in names)  # the summary sentence
    assert page.locator(".modebar").count() == 0  # Plotly's toolbar is off
    page.locator("[data-testid=stMain] h1").click()
    stops = []
    for _ in range(25):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED))
    assert not any(stop["toolbar"] for stop in stops)
    # every stop shows where the focus is
    assert all(s["outline"] != "none" and s["width"] >= 2 for s in stops if s["tag"] != "BODY"), (
        stops
    )
