"""How every chart looks, in one place: a Plotly template and an Altair theme, each in a normal
and a presenter variant (large type and taller charts for a shared screen).

The dashboard frame calls `register()` once and `use(presenting)` at the start of every run;
the variant lives in a context variable, so each session's script thread draws its own:

    pio.templates["insights"], pio.templates["insights_presenter"]    fonts, margins, legend
    altair theme "insights" (enabled): the current run's variant        fonts, heights, labels
    sizes()   Sizes(plot_height=None, panel=170, panel_title=16, panel_top=30, row=22, …)

Chart functions (charts.py) carry no fonts, margins or heights: they take the Plotly template
from `plotly_template()` and the few sizes that grow with the data (a row per article, a
panel per theme) from `sizes()`. Plotly charts are shown with Streamlit's own chart theme
off, because it overwrites a template's fonts and margins in the browser; the template uses
transparent backgrounds and a mid-grey text, readable on the light and the dark theme.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import altair as alt
import plotly.graph_objects as go
import plotly.io as pio

NORMAL = "insights"
PRESENTER = "insights_presenter"
FONT = '"Source Sans", "Source Sans Pro", sans-serif'  # Streamlit's own
TEXT = "#808495"  # Streamlit's chart text colour: legible on white and on its dark theme
GRID = "rgba(128, 132, 149, 0.25)"


@dataclass(frozen=True)
class Sizes:
    """The sizes a chart needs that grow with its data, in pixels."""

    plot_height: int | None  # a Plotly chart; None: Streamlit's default
    panel: int  # one row of small multiples
    panel_title: int  # the font of a small multiple's title
    panel_top: int  # the margin above small multiples, for the first row's titles
    row: int  # one article in the date intervals
    cell: int  # one row of the theme heatmap


SIZES = {
    NORMAL: Sizes(plot_height=None, panel=170, panel_title=16, panel_top=30, row=22, cell=44),
    PRESENTER: Sizes(plot_height=620, panel=170, panel_title=22, panel_top=40, row=30, cell=50),
}


def _plotly(font: int, titles: int, legend: int) -> go.layout.Template:
    axis = {
        "gridcolor": GRID,
        "zerolinecolor": GRID,
        "automargin": True,
        "tickfont": {"size": font},
        "title": {"font": {"size": titles}},
    }
    return go.layout.Template(
        layout={
            "font": {"family": FONT, "color": TEXT, "size": font},
            "paper_bgcolor": "rgba(0, 0, 0, 0)",
            "plot_bgcolor": "rgba(0, 0, 0, 0)",
            "margin": {"t": 10, "l": 10, "r": 10},
            "legend": {"orientation": "h", "y": -0.25, "font": {"size": legend}},
            "xaxis": {**axis, "showgrid": False},
            "yaxis": axis,
        }
    )


PLOTLY = {NORMAL: _plotly(12, titles=14, legend=12), PRESENTER: _plotly(20, titles=22, legend=20)}


def _altair(height: int, text: int, legend: dict[str, int], fonts: dict[str, int]) -> Any:
    # `fonts` empty: Streamlit's chart theme sizes the labels, as in any Streamlit app
    return {
        "autosize": {"type": "fit-x", "contains": "padding"},  # full width, rows keep height
        "config": {
            "view": {"continuousHeight": height},
            "axis": fonts,
            "axisXDiscrete": {"labelAngle": -40, "labelOverlap": False, "labelLimit": 220},
            "axisYDiscrete": {"labelLimit": 280},
            "legend": {**fonts, **legend},
            "text": {"fontSize": text},
        },
    }


ALTAIR = {
    NORMAL: _altair(350, text=14, legend={"labelLimit": 220}, fonts={}),
    PRESENTER: _altair(
        490,
        text=20,
        legend={"labelLimit": 320, "symbolSize": 240},
        fonts={"labelFontSize": 20, "titleFontSize": 22},
    ),
}

_variant: ContextVar[str] = ContextVar("chart_variant", default=NORMAL)


def register() -> None:
    """Register both Plotly templates and the Altair theme, and enable the theme (idempotent)."""
    for name, template in PLOTLY.items():
        if name not in pio.templates:  # assigning validates the whole template: every run
            pio.templates[name] = template
    if alt.theme.active != NORMAL:
        alt.theme.register(NORMAL, enable=True)(_altair_theme)


def use(presenting: bool) -> None:
    """Draw this script run's charts in the presenter variant, or the normal one."""
    _variant.set(PRESENTER if presenting else NORMAL)


def variant() -> str:
    """The chart style of this run: NORMAL or PRESENTER."""
    return _variant.get()


def sizes() -> Sizes:
    return SIZES[_variant.get()]


def plotly_template() -> go.layout.Template:
    return PLOTLY[_variant.get()]


def _altair_theme() -> Any:
    return ALTAIR[_variant.get()]
