"""Taking the view to a meeting, in chromium: the briefing and a chart's picture, downloaded
from the page as a person does, then opened with the network off.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

pytestmark = pytest.mark.browser

FILTERED = "?theme=County+lines"


def _download(page: Page, container: str, label: str) -> Path:
    """Click a download button in the keyed container; the downloaded file's path."""
    button = page.locator(f".st-key-{container}").get_by_role("button", name=label, exact=True)
    with page.expect_download(timeout=60_000) as download:
        button.click()
    path = download.value.path()
    assert download.value.failure() is None
    return Path(path)


def test_the_briefing_downloads_and_opens_offline(visit, browser: Browser, hostile_title):
    page = visit.open(FILTERED)
    html = _download(page, "briefing_downloads", "Download briefing").read_text()
    assert not visit.errors
    assert "Filters: theme County lines." in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script" not in html
    assert _download(page, "briefing_downloads", "PDF").read_bytes().startswith(b"%PDF-")

    context = browser.new_context(viewport={"width": 1000, "height": 1400}, offline=True)
    try:
        requests, problems = [], []
        context.route("**/*", lambda route: (requests.append(route.request.url), route.abort()))
        offline = context.new_page()
        offline.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
        offline.on("console", lambda m: m.type == "error" and problems.append(m.text))
        offline.on("pageerror", lambda e: problems.append(str(e)))
        offline.set_content(html, wait_until="load")
        text = offline.locator("body").inner_text()
        for expected in ("News briefing", "Headline numbers", "Key figures", "Latest articles"):
            assert expected in text
        assert hostile_title in text  # shown as its characters
        charts = offline.locator("figure svg")
        assert charts.count() == 2
        for i in range(2):
            box = charts.nth(i).bounding_box()
            assert box and box["width"] > 300 and box["height"] > 100
        assert offline.locator("figcaption").count() == 2
        offline.emulate_media(media="print")
        breaks = offline.eval_on_selector_all(
            "section", "all => all.map(s => getComputedStyle(s).breakBefore)"
        )
        assert breaks[0] != "page" and set(breaks[1:]) == {"page"}  # a page per section
        assert requests == [] and problems == []
    finally:
        context.close()


def test_a_chart_picture_has_twice_the_pixels_of_the_chart(visit):
    page = visit.open(FILTERED)
    chart = page.locator("[data-testid=stPlotlyChart]").first
    chart.wait_for()
    box = chart.bounding_box()
    png = _download(page, "overview_over_time_images", "PNG").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert width >= 2 * box["width"] and height >= 2 * box["height"], (width, height, box)
    svg = _download(page, "overview_over_time_images", "SVG").read_text()
    assert re.search(r"<svg\b", svg)
    assert "Articles per month" in svg and "Filters: theme County lines." in svg
    assert not visit.errors
