"""Charts shared between sessions (components.shared_chart over insights/chart_cache.py):
what Streamlit sends is what it sent before the cache, a second session builds nothing, and a
rebuilt dataset is drawn anew."""

from __future__ import annotations

import json
import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

from insights import chart_cache, chart_gallery

import fixtures

DASHBOARD = Path(__file__).resolve().parents[2] / "dashboard"


def _both_ways(dashboard: str) -> None:
    """Every gallery chart drawn as before (no cache) and from the cache, one after the other."""
    import sys

    sys.path.insert(0, dashboard)
    import components
    import pandas as pd
    import state

    from insights import chart_gallery, chart_style

    chart_style.register()
    chart_style.use(False)
    corpus = state.corpus()
    for name, example in chart_gallery.EXAMPLES.items():
        components.figure_element(example(corpus), key=f"direct-{name}", alt=name)
        drawn = components.shared_chart(
            lambda example=example: example(corpus), key=name, data=pd.DataFrame({"n": [1]})
        )
        components.figure_element(drawn, key=f"cached-{name}", alt=name)


def _sent(at: AppTest) -> list[tuple[str, object, list[bytes]]]:
    """Each chart element as (kind, its spec with dataset names numbered, its Arrow data)."""
    out = []
    for kind in ("plotly_chart", "vega_lite_chart"):
        for element in at.get(kind):
            proto = element.proto
            if kind == "plotly_chart":
                out.append((kind, json.loads(proto.spec), []))
                continue
            text = proto.spec
            for i, dataset in enumerate(proto.datasets):
                text = text.replace(f'"{dataset.name}"', f'"dataset-{i}"')
            out.append((kind, json.loads(text), [d.data.data for d in proto.datasets]))
    return out


def test_cached_charts_send_what_uncached_ones_sent(dataset: Path) -> None:
    script = AppTest.from_function(_both_ways, default_timeout=60, args=(str(DASHBOARD),))
    script.run()
    assert not script.exception, [e.value for e in script.exception]
    sent = _sent(script)
    assert len(sent) == 2 * len(chart_gallery.EXAMPLES)  # each drawn both ways
    plotly = [s for s in sent if s[0] == "plotly_chart"]
    vega = [s for s in sent if s[0] == "vega_lite_chart"]
    for elements in (plotly, vega):  # in page order: direct, cached, direct, cached…
        for direct, cached in zip(elements[::2], elements[1::2], strict=True):
            assert cached == direct


def run(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(DASHBOARD / "app.py"), default_timeout=60)
    at.query_params.update(params)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _charts(at: AppTest) -> list[str]:
    specs = [e.proto.spec for kind in ("plotly_chart", "vega_lite_chart") for e in at.get(kind)]
    return [re.sub(r'"data-[0-9a-f]+"', '"data"', s) for s in specs]


def test_a_second_session_builds_no_chart(dataset: Path) -> None:
    first = run("pages/timeline_page.py", theme="County lines")
    builds = chart_cache.CACHE.builds
    second = run("pages/timeline_page.py", theme="County lines")
    assert chart_cache.CACHE.builds == builds
    assert _charts(second) == _charts(first) and len(_charts(first)) == 2
    presenter = run("pages/timeline_page.py", theme="County lines", present="1")
    assert chart_cache.CACHE.builds > builds  # its own, larger charts
    assert _charts(presenter) != _charts(first)


def test_a_rebuilt_dataset_is_drawn_anew(dataset: Path) -> None:
    before = _charts(run("pages/themes_page.py"))
    more = fixtures.article("Another county lines case", themes=["County lines"])
    fixtures.write(dataset, [*fixtures.sample_rows(), more])
    after = _charts(run("pages/themes_page.py"))
    assert after != before
