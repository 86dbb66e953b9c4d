"""The Plotly charts drawn again in Altair, for pictures made on the server with no browser.

vl-convert turns a Vega-Lite spec into SVG and PNG offline; Plotly needs kaleido and a
Chromium to do the same (see README, Dependencies). So each Plotly chart of charts.py has a
twin here that takes the same frame and draws the same marks, named after it:

    articles_over_time      stacked bars, known dates solid, inferred dates hatched (HATCHED)
    theme_counts            horizontal bars in each theme's colour, largest on top
    theme_share_over_time   small multiples: one panel per theme, its share of each period

images.py is the only caller; its `drawing()` maps a chart function to its twin.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from insights import chart_style
from insights.charts import COUNT_COLOURS
from insights.charts import _by_size as by_size  # the page's own eight-colour rule
from insights.corpus.frames import ARTICLES, COLOUR, INFERRED, KNOWN, PERIOD, SHARE, THEME
from insights.periods import MONTH, Period

# The fill of inferred bars, replaced by a hatch pattern in the SVG (images.hatch): Vega-Lite
# has no pattern fills, and a colour alone would not match the summary's "hatched bars".
HATCHED = "#e69f01"
_DATE = "date"
_COUNT = "count"
_STATED, _INFERRED = "Date stated", "Date inferred"


def articles_over_time(data: pd.DataFrame, *, period: Period = MONTH) -> alt.Chart:
    """charts.articles_over_time in Altair: each bar spans its period, inferred on top."""
    names = alt.expr.if_(alt.datum[_DATE] == INFERRED, _INFERRED, _STATED)
    return (
        alt.Chart(data)
        .transform_fold([KNOWN, INFERRED], as_=[_DATE, _COUNT])
        .transform_calculate(period_end=period.vega_end, basis=names)
        .transform_stack(
            stack=_COUNT,
            groupby=[PERIOD],
            sort=[alt.SortField(_DATE, order="descending")],  # known below inferred
            as_=["low", "high"],
        )
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(f"{PERIOD}:T", title=period.axis_title, axis=alt.Axis(format=_tick(period))),
            x2="period_end:T",
            y=alt.Y("low:Q", title="Articles", axis=alt.Axis(tickMinStep=1, format=",d")),
            y2="high:Q",
            color=alt.Color(
                "basis:N",
                scale=alt.Scale(domain=[_STATED, _INFERRED], range=[COUNT_COLOURS[KNOWN], HATCHED]),
                legend=alt.Legend(title=None, orient="bottom"),
            ),
        )
    )


def _tick(period: Period) -> str:
    """Ticks that carry the year: 'Oct 2017', or '2017' for years."""
    return "%Y" if period.name == "year" else "%b %Y"


def theme_counts(data: pd.DataFrame) -> alt.LayerChart:
    """charts.theme_counts in Altair: a bar per theme with its count and share written on it."""
    # at most eight colours, as on the page: themes past the seventh share one grey
    shown = chart_style.limit_colours(
        data[THEME], dict(zip(data[THEME], data[COLOUR], strict=True))
    )
    labelled = data.assign(
        text=[f"{n} ({s:.0%})" for n, s in zip(data[ARTICLES], data[SHARE], strict=True)],
        **{COLOUR: shown},
    )
    y = alt.Y(f"{THEME}:N", sort=None, title=None)
    base = alt.Chart(labelled).encode(
        y=y, x=alt.X(f"{ARTICLES}:Q", title="Articles", axis=alt.Axis(tickMinStep=1))
    )
    bars = base.mark_bar().encode(color=alt.Color(f"{COLOUR}:N", scale=None, legend=None))
    counts = base.mark_text(align="left", dx=4).encode(text="text:N")
    return alt.layer(bars, counts)


def theme_share_over_time(
    data: pd.DataFrame, *, colours: Mapping[str, str], columns: int = 3
) -> alt.FacetChart:
    """charts.theme_share_over_time in Altair: a panel per theme on shared axes."""
    themes = [t for t in colours if (data[THEME] == t).any()]
    shown = by_size(data, colours)  # past the seven largest themes, panels share one grey
    return (
        alt.Chart(data)
        .mark_area(line=True, point=True, opacity=0.35)
        .encode(
            x=alt.X(f"{PERIOD}:T", title=None, axis=alt.Axis(format="%b %Y", tickCount=3)),
            y=alt.Y(f"{SHARE}:Q", title=None, axis=alt.Axis(format=".0%", tickCount=3)),
            color=alt.Color(
                f"{THEME}:N",
                scale=alt.Scale(domain=themes, range=[shown[t] for t in themes]),
                legend=None,
            ),
        )
        .properties(width=260, height=110)
        .facet(facet=alt.Facet(f"{THEME}:N", sort=themes, title=None), columns=columns)
    )
