"""The chart style: one Plotly template and one Altair theme, normal and presenter, per run."""

from __future__ import annotations

import threading

import altair as alt
import pandas as pd
import plotly.io as pio
import pytest

from insights import chart_style, charts
from insights.corpus import frames

COUNTS = pd.DataFrame(
    {
        frames.THEME: ["County lines", "Online abuse"],
        frames.ARTICLES: [5, 2],
        frames.SHARE: [0.5, 0.2],
        frames.COLOUR: ["#0072B2", "#E69F00"],
    }
)
PAIRS = pd.DataFrame(
    {frames.THEME_A: ["A", "A"], frames.THEME_B: ["A", "B"], frames.ARTICLES: [2, 1]}
)


@pytest.fixture
def presenting():
    chart_style.use(True)
    yield
    chart_style.use(False)


def test_registered_once_under_their_names():
    chart_style.register()
    chart_style.register()
    assert pio.templates[chart_style.NORMAL] == chart_style.PLOTLY[chart_style.NORMAL]
    assert pio.templates[chart_style.PRESENTER] == chart_style.PLOTLY[chart_style.PRESENTER]
    assert alt.theme.active == chart_style.NORMAL


@pytest.mark.parametrize(
    ("present", "font", "height"),
    [(False, 12, None), (True, 20, chart_style.SIZES[chart_style.PRESENTER].plot_height)],
)
def test_plotly_charts_take_the_runs_template(present, font, height):
    chart_style.use(present)
    try:
        fig = charts.theme_counts(COUNTS)
    finally:
        chart_style.use(False)
    assert fig.layout.template.layout.font.size == font
    assert fig.layout.height == height
    assert "margin" not in fig.to_dict()["layout"]  # margins come from the template only


def test_altair_charts_take_the_runs_theme_and_sizes(presenting):
    chart_style.register()
    spec = charts.theme_cooccurrence(PAIRS).to_dict()
    assert spec["config"]["axis"]["labelFontSize"] == 20
    assert spec["height"] == {"step": chart_style.SIZES[chart_style.PRESENTER].cell}


def test_normal_altair_theme_leaves_fonts_to_streamlit():
    chart_style.register()
    spec = charts.theme_cooccurrence(PAIRS).to_dict()
    assert spec["config"]["axis"] == {}
    assert spec["config"]["view"]["continuousHeight"] == 350


def test_each_thread_draws_in_its_own_variant(presenting):
    seen = []
    other = threading.Thread(target=lambda: seen.append(chart_style.sizes()))
    other.start()
    other.join()
    assert seen == [chart_style.SIZES[chart_style.NORMAL]]  # another session is not presenting
    assert chart_style.sizes() == chart_style.SIZES[chart_style.PRESENTER]
