"""axe-core in every page of the dashboard, light and dark, the deck, an article, the table.

axe-core 4.14 is vendored from the npm registry (vendor/axe-core/README.md). Any violation
fails, with its rule id, impact and the elements it found. Charts are checked too, though axe
cannot read text drawn in SVG or canvas: chart text contrast is checked in
tests/test_chart_style.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import READY, SCREENSHOTS, Visit

pytestmark = pytest.mark.browser

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()
PAGES = ["", "timeline", "themes", "figures", "explore", "about", "gallery"]
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
    yield request.param, visit
    context.close()


def violations(visit: Visit, name: str) -> list[str]:
    visit.page.add_script_tag(content=AXE)
    found = visit.page.evaluate(RUN_AXE)
    if found:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        visit.screenshot(f"axe-{name}")
    return [f"{v['id']} ({v['impact']}): {'; '.join(v['nodes'])}" for v in found]


@pytest.mark.parametrize("path", [*PAGES, "?present=1", "?present=1&slide=2"])
def test_no_violations_on_any_page(tab, path: str) -> None:
    scheme, visit = tab
    visit.open(path)
    assert violations(visit, f"{scheme}-{path or 'overview'}") == []
    assert not visit.errors


def test_no_violations_with_an_article_open_and_the_table(tab) -> None:
    scheme, visit = tab
    page = visit.open("explore")
    page.locator("[data-testid=stPageLink] a", has_text="Details").first.click()
    visit.settle()
    assert "article=" in page.url
    assert violations(visit, f"{scheme}-article") == []
    page.get_by_role("button", name="Table").click()
    visit.settle()
    page.wait_for_selector("[data-testid=stDataFrame]", timeout=15_000)
    assert violations(visit, f"{scheme}-table") == []
    assert page.locator(READY).count() == 1
