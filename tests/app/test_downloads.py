"""The picture and briefing buttons on each page with charts (AppTest, no browser).

Their files are made only on a click (tests/browser/test_briefing_download.py downloads them); here:
every chart a page draws has its PNG and SVG buttons, and Overview has the briefing's two.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"
# page → the keys of its charts' picture buttons (one per chart it draws on the fixture)
CHARTS = {
    "pages/overview_page.py": ["overview_over_time", "overview_themes"],
    "pages/timeline_page.py": ["timeline_themes", "timeline_intervals"],
    "pages/themes_page.py": ["themes_counts", "themes_share", "themes_pairs"],
}


def _buttons(page: str) -> list[str]:
    at = AppTest.from_file(str(DASHBOARD / "app.py"), default_timeout=30)
    at.run()
    if page != "pages/overview_page.py":
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    charts = len(at.get("plotly_chart")) + len(at.get("vega_lite_chart"))
    keys = [e.proto.id for e in at.get("download_button")]
    assert charts == len(CHARTS[page])
    return keys


@pytest.mark.parametrize("page", CHARTS)
def test_every_chart_has_png_and_svg_buttons(dataset, page):
    keys = " ".join(_buttons(page))
    for chart in CHARTS[page]:
        assert f"{chart}_png" in keys and f"{chart}_svg" in keys
    briefing = "briefing_html" in keys and "briefing_pdf" in keys
    assert briefing == (page == "pages/overview_page.py")
