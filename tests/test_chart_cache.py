"""The shared chart cache: the same specs as an uncached build, one build per key, bounded,
and dropped when the dataset is rebuilt."""

from __future__ import annotations

import json
import re
import threading
import time

import altair as alt
import pandas as pd
import plotly.graph_objects as go
import pytest

from insights import chart_cache, chart_gallery, chart_style, serving
from insights.chart_cache import ChartCache

import fixtures


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = fixtures.write(
        tmp_path_factory.mktemp("cache") / "articles.parquet", fixtures.sample_rows()
    )
    return serving.load(path, search=False)


@pytest.fixture(autouse=True)
def normal_style():
    chart_style.register()
    chart_style.use(False)
    yield
    chart_style.use(False)


def _records(spec: dict) -> dict:
    """A Vega-Lite dict with its datasets as records, each named by its position of first use.

    Altair names inline data by a hash of its JSON and `vega_lite_spec` by a hash of the
    frame; the names differ, what they name must not.
    """
    spec = dict(spec)
    datasets = {
        name: alt.to_values(data)["values"] if not isinstance(data, list) else data
        for name, data in spec.pop(chart_cache.DATASETS, {}).items()
    }
    text = json.dumps(spec, sort_keys=True)
    order = list(dict.fromkeys(re.findall(r'"name": "(data-[0-9a-f]+)"', text)))
    for i, name in enumerate(order):
        text = text.replace(f'"{name}"', f'"dataset-{i}"')
    # Altair numbers views and parameters from a process-wide counter
    text = re.sub(r'"(view|param)_\d+"', r'"\1_n"', text)
    return {"spec": json.loads(text), "data": [datasets[name] for name in order]}


@pytest.mark.parametrize("name", sorted(chart_gallery.EXAMPLES))
def test_a_cached_chart_is_the_uncached_build(corpus, name):
    chart_style.use(name == "theme_share_over_time")  # presenter sizes for one of them
    example = chart_gallery.EXAMPLES[name]
    cache = ChartCache()

    def build():
        chart = example(corpus)
        return chart if isinstance(chart, go.Figure) else chart_cache.vega_lite_spec(chart)

    first = cache.get(corpus, name, build)
    again = cache.get(corpus, name, build)
    assert again is first and cache.builds == 1
    uncached = example(corpus)
    if isinstance(uncached, go.Figure):
        assert first.to_dict() == uncached.to_dict()
    else:  # Altair's own validated to_dict, with its data inline
        assert _records(first) == _records(uncached.to_dict())
        rebuilt = chart_cache.vega_lite_spec(uncached)  # stable from build to build
        assert list(rebuilt[chart_cache.DATASETS]) == list(first[chart_cache.DATASETS])
        assert _records(rebuilt) == _records(first)


def test_presenter_charts_are_kept_apart(corpus):
    cache = ChartCache()
    example = chart_gallery.EXAMPLES["theme_counts"]
    normal = cache.get(corpus, "counts", lambda: example(corpus))
    chart_style.use(True)
    presenter = cache.get(corpus, "counts", lambda: example(corpus))
    assert presenter is not normal and cache.builds == 2
    font = [f.layout.template.layout.font.size for f in (normal, presenter)]
    assert font[1] > font[0]


def test_the_cache_is_bounded_least_recently_used_first_out(corpus):
    cache = ChartCache(max_entries=3)
    for key in range(3):
        cache.get(corpus, key, lambda key=key: key)
    cache.get(corpus, 0, lambda: "rebuilt")  # 0 is now the most recent
    for key in range(3, 10):
        cache.get(corpus, key, lambda key=key: key)
        assert len(cache) <= 3
    assert cache.get(corpus, 9, lambda: "rebuilt") == 9  # still there
    assert cache.get(corpus, 0, lambda: "rebuilt") == "rebuilt"  # evicted long ago


def test_a_rebuilt_dataset_drops_what_was_cached_for_the_old_one(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    old = serving.load(path, search=False)
    cache = ChartCache()
    count = chart_gallery.EXAMPLES["theme_counts"]
    before = cache.get(old, "counts", lambda: count(old))
    assert cache.get(old, "counts", lambda: pytest.fail("built again")) is before
    fixtures.write(path, [*fixtures.sample_rows(), fixtures.article("One more", themes=[])])
    new = serving.load(path, search=False)
    assert cache.fingerprint(new) != cache.fingerprint(old)
    after = cache.get(new, "counts", lambda: count(new))
    assert cache.builds == 2 and len(cache) == 1  # the old dataset's entry is gone
    assert after.to_dict() == count(new).to_dict()


def test_concurrent_misses_build_once(corpus):
    cache = ChartCache()
    started = threading.Barrier(8)
    got = []

    def build():
        time.sleep(0.2)  # long enough for the other threads to arrive while it builds
        return object()

    def visitor():
        started.wait()
        got.append(cache.get(corpus, "slow", build))

    threads = [threading.Thread(target=visitor) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert cache.builds == 1 and len({id(v) for v in got}) == 1


def test_a_failed_build_is_not_cached(corpus):
    cache = ChartCache()

    def fail():
        raise ValueError("no")

    with pytest.raises(ValueError):
        cache.get(corpus, "bad", fail)
    assert cache.get(corpus, "bad", lambda: "fine") == "fine"


def test_dataset_names_follow_the_values():
    frame = pd.DataFrame({"theme": ["a", "b"], "articles": [1, 2]})
    same = frame.copy()
    other = frame.assign(articles=[1, 3])
    assert chart_cache.dataset_name(frame) == chart_cache.dataset_name(same)
    assert chart_cache.dataset_name(frame) != chart_cache.dataset_name(other)
    listed = frame.assign(tags=[["x"], ["y"]])  # unhashable cells still get a name
    assert chart_cache.dataset_name(listed).startswith("data-")
