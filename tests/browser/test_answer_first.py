"""The shipped listing in chromium: the answer on the first screen, dates as honest as they are.

One server on the shipped listing (26 items, two of them with a stated date) for the module:
Overview's counts and three sentences above the fold at 1366×768; at 390×844 the counts in
one row and nothing wider than the screen; estimated dates read as intervals on every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FINISHED, READY, Visit, serve
from playwright.sync_api import Browser

from insights import pipeline

REPO = Path(__file__).resolve().parents[2]
LISTING = REPO / "data" / "ecpat-uk-news-2017-10_to_2018-10.txt"
TAXONOMY = REPO / "data" / "taxonomy.toml"
SLOW = 120_000  # ms a page may take to finish on a loaded machine (no timing is asserted)
INTERVAL = "between Dec 2017 and Oct 2018 (estimated)"
# a day and a month ("18 Jul 2018"): what an estimate must never be written as
DAY = re.compile(r"\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b")
# the two stated dates and the one anchor of the listing, the only days it may name
KNOWN_DAYS = {"18 Oct 2018", "25 Oct 2018", "10 Oct 2018", "17 Oct 2018", "18 Oct 2017"}


@pytest.fixture(scope="module")
def shipped(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("shipped") / "articles.parquet"
    pipeline.build([LISTING], out, taxonomy_path=TAXONOMY)
    with serve(out) as url:
        # the first run of a fresh server maps the dataset and builds the search index
        warm = browser.new_page()
        warm.goto(url)
        warm.wait_for_selector(READY, timeout=SLOW)
        warm.wait_for_function(FINISHED, timeout=SLOW)
        warm.close()
        yield url


class Tab(Visit):
    """A Visit that waits longer: six engineers share this machine's two cores."""

    def settle(self) -> None:
        self.page.wait_for_selector(READY, timeout=SLOW)
        self.page.wait_for_function(FINISHED, timeout=SLOW)
        self.page.wait_for_timeout(800)  # charts draw after the script run ends


def tab(browser: Browser, base: str, width: int, height: int) -> Tab:
    context = browser.new_context(viewport={"width": width, "height": height})
    visit = Tab(context.new_page(), base)
    visit.page.on("pageerror", lambda exc: visit.errors.append(f"page error: {exc}"))
    return visit


def boxes(visit: Visit, selector: str) -> list[dict]:
    found = visit.page.locator(selector)
    return [found.nth(i).bounding_box() for i in range(found.count())]


def test_the_answer_is_on_the_first_laptop_screen(browser: Browser, shipped: str) -> None:
    visit = tab(browser, shipped, 1366, 768)
    try:
        visit.open("")
        visit.screenshot("answer-first-1366x768")
        metrics = boxes(visit, "[data-testid=stMetric]")
        sentences = boxes(visit, ".st-key-answers [data-testid=stHtml]")
        assert len(metrics) == 4 and len(sentences) == 3
        for box in metrics + sentences:  # wholly inside the first screen, no scrolling
            assert box["y"] >= 0 and box["y"] + box["height"] <= 768, box
        text = visit.page.locator(".st-key-answers").inner_text()
        assert "Child trafficking" in text
        assert "could fall either way, so the dates cannot say what changed" in text
        assert "“66% rise in children”" in text
        # the charts follow the sentences
        chart = visit.page.locator("[data-testid=stMain] .vega-embed").first.bounding_box()
        assert chart["y"] > max(b["y"] + b["height"] for b in sentences)
        assert not visit.errors, visit.errors
    finally:
        visit.page.context.close()


def test_on_a_phone_the_counts_fit_one_row(browser: Browser, shipped: str) -> None:
    visit = tab(browser, shipped, 390, 844)
    try:
        visit.open("")
        visit.screenshot("answer-first-390x844")
        metrics = boxes(visit, "[data-testid=stMetric]")
        assert len(metrics) == 4
        tops = {round(b["y"]) for b in metrics}
        assert max(tops) - min(tops) <= 2, metrics  # one row
        assert all(b["x"] >= 0 and b["x"] + b["width"] <= 390 for b in metrics), metrics
        overflow = visit.page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"the page is {overflow}px wider than the phone"
        # titles wrap instead of being cut off
        link = visit.page.locator("[data-testid=stPageLink] p").last
        assert link.evaluate("e => getComputedStyle(e).whiteSpace") == "normal"
        assert not visit.errors, visit.errors
    finally:
        visit.page.context.close()


@pytest.mark.parametrize("path", ["", "figures", "explore", "timeline"])
def test_estimated_dates_read_as_intervals(browser: Browser, shipped: str, path: str) -> None:
    visit = tab(browser, shipped, 1366, 1800)
    try:
        visit.open(path)
        # event dates (Anti-Slavery Day, 18 Oct) are days the calendar states
        lines = visit.main_text().splitlines()
        text = "\n".join(line for line in lines if not line.startswith("Events: "))
        if path != "timeline":  # the timeline lists one period's articles by its own label
            assert INTERVAL in text
        invented = set(m.group(0) for m in DAY.finditer(text)) - KNOWN_DAYS
        assert not invented, f"{path or 'overview'} names days no source states: {invented}"
        assert not visit.errors, visit.errors
    finally:
        visit.page.context.close()
