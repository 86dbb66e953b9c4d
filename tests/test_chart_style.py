"""The chart style: one Plotly template and one Altair theme, normal and presenter, per run."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path

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
    [(False, 12, None), (True, 22, chart_style.SIZES[chart_style.PRESENTER].plot_height)],
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
    assert spec["config"]["axis"]["labelFontSize"] == 22
    assert spec["height"] == {"step": chart_style.SIZES[chart_style.PRESENTER].cell}


def test_normal_altair_theme_leaves_fonts_to_streamlit():
    chart_style.register()
    spec = charts.theme_cooccurrence(PAIRS).to_dict()
    assert "labelFontSize" not in spec["config"]["axis"]
    assert spec["config"]["view"]["continuousHeight"] == 350


def test_each_thread_draws_in_its_own_variant(presenting):
    seen = []
    other = threading.Thread(target=lambda: seen.append(chart_style.sizes()))
    other.start()
    other.join()
    assert seen == [chart_style.SIZES[chart_style.NORMAL]]  # another session is not presenting
    assert chart_style.sizes() == chart_style.SIZES[chart_style.PRESENTER]


THEME_CONFIG = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_text_reads_at_4_5_to_1_on_the_page(scheme):
    # the page colour is the one Streamlit is configured with, not a copy
    page = tomllib.loads(THEME_CONFIG.read_text())["theme"][scheme]["backgroundColor"]
    assert page == chart_style.BACKGROUND[scheme]
    assert chart_style.contrast(chart_style.TEXT[scheme], page) >= 4.5
    assert chart_style.contrast("#808495", "#ffffff") < 4.5  # Streamlit's own grey did not


@pytest.mark.parametrize(("dark", "scheme"), [(False, "light"), (True, "dark")])
def test_each_theme_draws_its_own_text_colour(dark, scheme):
    chart_style.register()
    chart_style.use(False, dark=dark)
    try:
        fig = charts.theme_counts(COUNTS)
        spec = charts.theme_cooccurrence(PAIRS).to_dict()
    finally:
        chart_style.use(False)
    colour = chart_style.TEXT[scheme]
    assert fig.layout.template.layout.font.color == colour
    for part in ("axis", "legend"):
        assert spec["config"][part]["labelColor"] == colour
        assert spec["config"][part]["titleColor"] == colour
    assert spec["config"]["legend"]["labelLimit"] == 0  # legends are whole


def test_no_chart_gets_more_than_eight_colours():
    themes = [f"Theme {i}" for i in range(13)]
    colours = {t: f"#{i:02x}0000" for i, t in enumerate(themes)}
    shown = chart_style.limit_colours(themes, colours)
    assert shown[:7] == [colours[t] for t in themes[:7]]
    assert set(shown[7:]) == {chart_style.OTHER_COLOUR}
    assert len(set(shown)) == chart_style.MAX_COLOURS == 8


@pytest.mark.parametrize(
    ("foreground", "background", "ratio"),
    [("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#767676", "#ffffff", 4.54)],
)
def test_contrast_is_the_wcag_ratio(foreground, background, ratio):
    assert chart_style.contrast(foreground, background) == pytest.approx(ratio, abs=0.01)
