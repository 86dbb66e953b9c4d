"""The chart gallery: every example draws on a real dataset, and every chart has one."""

from __future__ import annotations

import inspect

import altair as alt
import plotly.graph_objects as go
import pytest

from insights import chart_gallery, charts, serving, theme_timeline

import fixtures

CHART_FUNCTIONS = [
    f"{module.__name__.rpartition('.')[2]}.{name}"
    for module in (charts, theme_timeline)
    for name, value in vars(module).items()
    if inspect.isfunction(value)
    and value.__module__ == module.__name__
    and not name.startswith("_")
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("gallery") / "articles.parquet"
    return serving.load(fixtures.write(path, fixtures.sample_rows()))


@pytest.mark.parametrize("name", chart_gallery.EXAMPLES)
def test_every_example_draws_a_chart(corpus, name):
    chart = chart_gallery.EXAMPLES[name](corpus)
    assert isinstance(chart, go.Figure | alt.TopLevelMixin)
    spec = chart.to_dict()
    if isinstance(chart, go.Figure):
        assert spec["data"] and all(len(trace["x"]) for trace in spec["data"])
    else:  # Altair puts each frame in `datasets`, named by a hash of its rows
        assert spec["datasets"] and all(spec["datasets"].values())


@pytest.mark.parametrize("name", CHART_FUNCTIONS)
def test_every_chart_function_has_an_example(name):
    assert any(f"{name}(" in chart_gallery.source(e) for e in chart_gallery.EXAMPLES.values())


def test_examples_have_titles_and_show_their_code_without_them():
    titles = [chart_gallery.title(e) for e in chart_gallery.EXAMPLES.values()]
    assert len(set(titles)) == len(titles) and all(titles)
    code = chart_gallery.source(chart_gallery.theme_counts)
    assert code.startswith("def theme_counts(corpus: Corpus) -> Chart:\n")
    assert '"""' not in code and "@example" not in code
