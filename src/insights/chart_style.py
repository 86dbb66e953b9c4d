"""How every chart looks, in one place: a Plotly template and an Altair theme, each in a normal
and a presenter variant (large type and charts that fit a 1280×720 slide), for the light and
the dark theme.

The dashboard frame calls `register()` once and `use(presenting, dark=…)` at the start of
every run; the variant lives in a context variable, so each session's script thread draws its
own:

    pio.templates["insights"], ["insights_presenter"], ["insights_dark"], …   fonts, colours
    altair theme "insights" (enabled): the current run's variant             fonts, colours
    sizes()   Sizes(plot_height=None, panel=170, panel_title=16, panel_top=30, row=22, …)

Chart functions (charts.py) carry no fonts, margins or heights: they take the Plotly template
from `plotly_template()` and the few sizes that grow with the data (a row per article, a
panel per theme) from `sizes()`. Plotly charts are shown with Streamlit's own chart theme
off, because it overwrites a template's fonts and margins in the browser; the templates use
transparent backgrounds. Chart text is at least 4.5:1 against the page (WCAG AA): no one grey
reaches that on both Streamlit's white and its near-black, and Streamlit's own chart grey
(#808495) is 3.7:1 on white, so each theme has its own (`TEXT`, checked by `contrast`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import altair as alt
import plotly.graph_objects as go
import plotly.io as pio

NORMAL = "insights"
PRESENTER = "insights_presenter"
DARK = "_dark"  # the suffix of a variant for the dark theme: "insights_presenter_dark"
FONT = '"Source Sans", "Source Sans Pro", sans-serif'  # Streamlit's own
# the page backgrounds of .streamlit/config.toml, and chart text on each
BACKGROUND = {"light": "#ffffff", "dark": "#0e1117"}
TEXT = {"light": "#585c68", "dark": "#b4b8c4"}  # 6.7:1 and 9.5:1
GRID = {"light": "rgba(88, 92, 104, 0.22)", "dark": "rgba(180, 184, 196, 0.22)"}
MAX_COLOURS = 8  # the most colours one chart shows; beyond, themes fold into "Other"
OTHER_COLOUR = "#BBBBBB"  # Paul Tol's grey, for themes folded into "Other"
# Plotly's toolbar appears on hover and adds eight tab stops to every chart: off. The data
# is one click away under each chart, and images come from the chart's download.
PLOTLY_CONFIG = {"displayModeBar": False, "displaylogo": False}


def plotly_text(text: object) -> str:
    """Source text as Plotly draws it literally: Plotly reads every string it draws (titles,
    tick labels, legend, hover, annotations) as its pseudo-HTML (`<b>`, `<br>`, `<a href>`,
    `<span style>`) with entities, so `&`, `<` and `>` go as entities it turns back.

        plotly_text("<b>County lines</b> & more")  ->  "&lt;b&gt;County lines&lt;/b&gt; &amp; more"
    """
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
    # a slide at 1280×720 leaves about 340 px for its chart under its title and sentence
    PRESENTER: Sizes(plot_height=340, panel=170, panel_title=22, panel_top=40, row=30, cell=50),
}


def _plotly(font: int, titles: int, legend: int, scheme: str) -> go.layout.Template:
    # large type: the legend goes above the plot, clear of the axis title
    place = {"y": -0.25} if legend < 16 else {"y": 1.02, "yanchor": "bottom", "x": 0}
    axis = {
        "gridcolor": GRID[scheme],
        "zerolinecolor": GRID[scheme],
        "automargin": True,
        "tickfont": {"size": font},
        "title": {"font": {"size": titles}},
    }
    return go.layout.Template(
        layout={
            "font": {"family": FONT, "color": TEXT[scheme], "size": font},
            "paper_bgcolor": "rgba(0, 0, 0, 0)",
            "plot_bgcolor": "rgba(0, 0, 0, 0)",
            "margin": {"t": 10, "l": 10, "r": 10},
            "legend": {"orientation": "h", **place, "font": {"size": legend}},
            "xaxis": {**axis, "showgrid": False},
            "yaxis": axis,
        }
    )


_FONTS = {NORMAL: (12, 14, 12), PRESENTER: (22, 24, 22)}  # ticks, axis titles, legend
PLOTLY = {
    base + ("" if scheme == "light" else DARK): _plotly(
        font, titles=titles, legend=legend, scheme=scheme
    )
    for base, (font, titles, legend) in _FONTS.items()
    for scheme in BACKGROUND
}


def _altair(
    height: int, text: int, legend: dict[str, int], fonts: dict[str, int], scheme: str
) -> Any:
    # `fonts` empty: Streamlit's chart theme sizes the labels, as in any Streamlit app; the
    # colours are ours, because Streamlit's grey is below 4.5:1 on white
    colour = TEXT[scheme]
    labels = {"labelColor": colour, "titleColor": colour}
    return {
        "autosize": {"type": "fit-x", "contains": "padding"},  # full width, rows keep height
        "config": {
            "view": {"continuousHeight": height},
            "axis": {**fonts, **labels, "gridColor": GRID[scheme]},
            "axisXDiscrete": {"labelAngle": -40, "labelOverlap": False, "labelLimit": 220},
            "axisYDiscrete": {"labelLimit": 280},
            # a legend is whole: no label cut off, and below the plot so a phone keeps the width
            "legend": {**fonts, **labels, "labelLimit": 0, **legend},
            "header": labels,
            "title": {"color": colour, "subtitleColor": colour},
            "text": {"fontSize": text},
        },
    }


_ALTAIR_SIZES = {
    NORMAL: (350, 14, {}, {}),
    PRESENTER: (320, 22, {"symbolSize": 240}, {"labelFontSize": 22, "titleFontSize": 24}),
}
ALTAIR = {
    base + ("" if scheme == "light" else DARK): _altair(
        height, text=text, legend=legend, fonts=fonts, scheme=scheme
    )
    for base, (height, text, legend, fonts) in _ALTAIR_SIZES.items()
    for scheme in BACKGROUND
}

_variant: ContextVar[str] = ContextVar("chart_variant", default=NORMAL)


def register() -> None:
    """Register both Plotly templates and the Altair theme, and enable the theme (idempotent)."""
    for name, template in PLOTLY.items():
        if name not in pio.templates:  # assigning validates the whole template: every run
            pio.templates[name] = template
    if alt.theme.active != NORMAL:
        alt.theme.register(NORMAL, enable=True)(_altair_theme)


def use(presenting: bool, *, dark: bool = False) -> None:
    """Draw this script run's charts in the presenter variant or the normal one, for the
    light or the dark theme."""
    _variant.set((PRESENTER if presenting else NORMAL) + (DARK if dark else ""))


def variant() -> str:
    """The chart style of this run: NORMAL or PRESENTER, with DARK after it for the dark theme
    ("insights_presenter_dark"), so a cache keyed by it keeps each look apart."""
    return _variant.get()


def sizes() -> Sizes:
    return SIZES[_variant.get().removesuffix(DARK)]


def limit_colours(themes: Sequence[str], colours: Mapping[str, str]) -> list[str]:
    """Each theme's colour, largest theme first, with the themes past the seventh in
    OTHER_COLOUR, so a chart shows at most MAX_COLOURS colours (the labels still name each)."""
    keep = MAX_COLOURS - 1
    return [colours[t] if i < keep else OTHER_COLOUR for i, t in enumerate(themes)]


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two '#rrggbb' colours: 1 (none) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def plotly_template() -> go.layout.Template:
    return PLOTLY[_variant.get()]


def _altair_theme() -> Any:
    return ALTAIR[_variant.get()]
