"""Chart pictures for slides and reports: SVG and PNG, with the chart's title and filters.

Made on the server with vl-convert (no browser, no network). A page passes the chart function
it draws with and the same frame; a Plotly chart is drawn by its Altair twin
(static_charts.py):

    svg(charts.theme_counts, counts, title="Leading themes", filters="Filters: none …")
        '<svg … width="960" …>…</svg>'
    png(charts.theme_counts, counts, title=…, filters=…)      PNG bytes, 1,920 px wide

A picture is IMAGE_WIDTH CSS pixels wide (small multiples: as wide as their panels); a PNG
has SCALE pixels per CSS pixel.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc

from insights import charts, static_charts
from insights.corpus.frames import INFERRED

IMAGE_WIDTH = 960
SCALE = 2
BACKGROUND = "white"
TEXT = "#222222"  # 15:1 on white
_FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"

# Plotly chart function → its Altair twin; an Altair chart function draws itself.
TWINS: dict[Callable[..., Any], Callable[..., Any]] = {
    charts.articles_over_time: static_charts.articles_over_time,
    charts.theme_counts: static_charts.theme_counts,
    charts.theme_share_over_time: static_charts.theme_share_over_time,
}
# Black diagonal lines over the inferred colour, as the Plotly chart hatches them.
_INFERRED = charts.COUNT_COLOURS[INFERRED]
_HATCH_ID = "insights-hatch"
_HATCH = (
    f'<defs><pattern id="{_HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse" '
    f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{_INFERRED}"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="1.5"/></pattern></defs>'
)
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def drawing(
    chart: Callable[..., Any], data: Any, *, title: str, filters: str, **options: Any
) -> alt.TopLevelMixin:
    """The chart drawn for a picture: Altair, IMAGE_WIDTH wide, titled, the filters below."""
    drawn = TWINS.get(chart, chart)(_json_ready(data), **options)
    if isinstance(drawn, alt.FacetChart):  # its panels have their own size
        sized = drawn.properties(autosize=alt.AutoSizeParams(type="pad"))
    else:  # axes and legend inside the width
        sized = drawn.properties(
            width=IMAGE_WIDTH, autosize=alt.AutoSizeParams(type="fit-x", contains="padding")
        )
    return sized.properties(
        title=alt.Title(title, subtitle=filters, anchor="start", fontSize=18, subtitleFontSize=13),
        background=BACKGROUND,
        padding=16,
    ).configure(
        font=_FONT,
        title=alt.TitleConfig(color=TEXT, subtitleColor=TEXT),
        axis=alt.AxisConfig(labelColor=TEXT, titleColor=TEXT, labelFontSize=12, titleFontSize=13),
        legend=alt.LegendConfig(labelColor=TEXT, titleColor=TEXT, labelFontSize=12),
        header=alt.HeaderConfig(labelColor=TEXT, labelFontSize=13),
    )


def _json_ready(data: Any) -> Any:
    """A frame whose `date` columns are timestamps: Altair inlines data as JSON, which has no
    dates (Streamlit sends frames as Arrow instead)."""
    if not isinstance(data, pd.DataFrame):
        return data
    dates = [c for c in data.columns if data[c].map(lambda v: isinstance(v, date)).any()]
    return data.assign(**{c: pd.to_datetime(data[c]) for c in dates}) if dates else data


def svg(chart: Callable[..., Any], data: Any, *, title: str, filters: str, **options: Any) -> str:
    """The chart as a standalone SVG document."""
    spec = drawing(chart, data, title=title, filters=filters, **options).to_dict()
    return hatch(vlc.vegalite_to_svg(spec))


def png(chart: Callable[..., Any], data: Any, *, title: str, filters: str, **options: Any) -> bytes:
    """The chart as a PNG with SCALE pixels per CSS pixel (the SVG, rasterised)."""
    return vlc.svg_to_png(svg(chart, data, title=title, filters=filters, **options), scale=SCALE)


def hatch(document: str) -> str:
    """Fill what static_charts marked HATCHED (bars and their legend swatch) with hatching."""
    if static_charts.HATCHED not in document:
        return document
    document = document.replace(f'fill="{static_charts.HATCHED}"', f'fill="url(#{_HATCH_ID})"')
    opening = _SVG_OPEN.search(document)
    if opening is None:
        return document
    return document[: opening.end()] + _HATCH + document[opening.end() :]


def inline(document: str) -> str:
    """An SVG document as an element to place inside HTML: no XML namespace declarations
    (an HTML parser knows <svg>), so the page names no external address."""
    return re.sub(r'\s+xmlns(:\w+)?="[^"]*"', "", document, count=2)


def file_stem(title: str) -> str:
    """'Leading themes' → 'leading-themes', for a download's file name."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "chart"
