"""Charts: a frame from `insights.query` in, a Plotly figure or an Altair chart out.

Every function is pure and only maps columns to marks; the aggregation it draws comes from
`query`. Data first, options keyword-only. Plotly traces get plain lists, so `fig.to_dict()`
reads as the data rather than base64 arrays. Column names are the ones `query` returns:

    articles_over_time   period, [theme], articles, stated, inferred
    date_intervals       article_id, title, published, published_earliest, published_latest,
                         date_basis, date_precision
    theme_counts         theme, articles, share, colour
    theme_share          period, theme, articles, share
    theme_cooccurrence   theme_a, theme_b, articles
    events               date, label
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from insights import schema
from insights.query import (
    ARTICLES,
    COLOUR,
    INFERRED,
    PERIOD,
    SHARE,
    STATED,
    THEME,
    THEME_A,
    THEME_B,
)

# Okabe–Ito, colour-blind safe. STATED counts stated and curated dates: both are known.
BASIS_COLOURS = {STATED: "#0072B2", INFERRED: "#E69F00", "curated": "#009E73"}
NEUTRAL = "#6b6b6b"
EVENT_DATE = "date"
EVENT_NAME = "label"


def _period_axis(freq: str) -> str:
    return freq.capitalize()


def _count_step(counts: pd.Series) -> int | None:
    """Whole-number ticks: a step of 1 for small counts, Plotly's own choice above."""
    return 1 if len(counts) and counts.max() <= 8 else None


def _f(name: str, kind: str) -> str:
    """An Altair shorthand for a column, e.g. _f(PERIOD, "T") == "period:T"."""
    return f"{name}:{kind}"


def articles_over_time(data: pd.DataFrame, *, freq: str = "month") -> go.Figure:
    """Bars of articles per period: known dates solid, inferred dates hatched on top."""
    fig = go.Figure()
    for column, name, pattern in (
        (STATED, "Date stated", ""),
        (INFERRED, "Date inferred", "/"),
    ):
        fig.add_bar(
            x=data[PERIOD].tolist(),
            y=data[column].tolist(),
            name=name,
            marker={
                "color": BASIS_COLOURS[column],
                "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "#000"},
            },
            hovertemplate=f"%{{x|%b %Y}}: %{{y}} articles, {name.lower()}<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        xaxis_title=_period_axis(freq),
        yaxis_title="Articles",
        legend={"orientation": "h", "y": -0.25},
        margin={"t": 10, "l": 10, "r": 10},
    )
    fig.update_yaxes(rangemode="tozero", tickformat=",d", dtick=_count_step(data[ARTICLES]))
    return fig


# Where a period ends, as a Vega expression over its start (months are 0-based in Vega).
_PERIOD_END = {
    "week": "datetime(year(datum.period), month(datum.period), date(datum.period) + 7)",
    "month": "datetime(year(datum.period), month(datum.period) + 1, 1)",
    "quarter": "datetime(year(datum.period), month(datum.period) + 3, 1)",
    "year": "datetime(year(datum.period) + 1, 0, 1)",
}
_BASIS_LEGEND = "datum.label == 'inferred' ? 'inferred (pale)' : 'stated or curated'"
_PERIOD_FORMAT = {"week": "week of %-d %b %Y", "month": "%B %Y", "quarter": "%b %Y", "year": "%Y"}


def themes_over_time(
    data: pd.DataFrame,
    *,
    colours: Mapping[str, str],
    freq: str = "month",
    events: pd.DataFrame | None = None,
    selection: str = PERIOD,
) -> alt.LayerChart | alt.Chart:
    """Stacked bars of articles per period and theme; clicking a bar selects its period.

    Each theme's block is split into articles whose date is known (solid) and inferred
    (pale), so estimates never look exact. Each bar spans its whole period, so event rules
    (date, label) fall where they happened.
    """
    scale = alt.Scale(domain=list(colours), range=list(colours.values()))
    pick = alt.selection_point(name=selection, fields=[PERIOD], on="click")
    # Bars span x..x2, so Vega-Lite cannot stack them itself: stack explicitly.
    bars = (
        alt.Chart(data)
        .transform_fold([STATED, INFERRED], as_=["date", "count"])
        .transform_filter(alt.datum["count"] > 0)
        .transform_calculate(period_end=_PERIOD_END[freq])
        .transform_stack(
            stack="count",
            groupby=[PERIOD],
            sort=[alt.SortField(THEME), alt.SortField("date", order="descending")],
            as_=["low", "high"],
        )
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X(_f(PERIOD, "T"), title=_period_axis(freq)),
            x2="period_end:T",
            y=alt.Y("low:Q", title="Articles", axis=alt.Axis(tickMinStep=1)),
            y2="high:Q",
            color=alt.Color(
                _f(THEME, "N"),
                scale=scale,
                title="Theme",
                legend=alt.Legend(orient="right", labelLimit=220),
            ),
            fillOpacity=alt.FillOpacity(
                "date:O",
                sort=[STATED, INFERRED],
                scale=alt.Scale(domain=[STATED, INFERRED], range=[1.0, 0.35]),
                title="Date",
                legend=alt.Legend(orient="top", labelExpr=_BASIS_LEGEND),
            ),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.4)),
            tooltip=[
                alt.Tooltip(_f(PERIOD, "T"), title=_period_axis(freq), format=_PERIOD_FORMAT[freq]),
                alt.Tooltip(_f(THEME, "N"), title="Theme"),
                alt.Tooltip("count:Q", title="Articles"),
                alt.Tooltip("date:N", title="Date"),
            ],
        )
        .add_params(pick)
    )
    if events is None or events.empty:
        return bars.properties(height=420)
    rules = (
        alt.Chart(events)
        .mark_rule(strokeDash=[4, 4], color=NEUTRAL, strokeWidth=2)
        .encode(
            x=_f(EVENT_DATE, "T"),
            tooltip=[
                alt.Tooltip(_f(EVENT_DATE, "T"), title="Date", format="%-d %B %Y"),
                alt.Tooltip(_f(EVENT_NAME, "N"), title="Event"),
            ],
        )
    )
    return alt.layer(bars, rules).properties(height=420)


def date_intervals(data: pd.DataFrame) -> alt.LayerChart:
    """One row per article: a line over the dates it can have, a dot at the best estimate.

    Stated and curated dates are filled dots; inferred dates are hollow, so no estimate
    looks exact.
    """
    basis_scale = alt.Scale(domain=list(BASIS_COLOURS), range=list(BASIS_COLOURS.values()))
    basis = _f(schema.DATE_BASIS, "N")
    base = alt.Chart(data).encode(
        y=alt.Y(
            _f(schema.TITLE, "N"),
            sort=alt.EncodingSortField(schema.PUBLISHED, order="descending"),
            title=None,
            axis=alt.Axis(labelLimit=280),
        ),
        color=alt.Color(basis, scale=basis_scale, title="Date"),
        tooltip=[
            alt.Tooltip(_f(schema.TITLE, "N"), title="Article"),
            alt.Tooltip(_f(schema.PUBLISHED, "T"), title="Best estimate", format="%-d %b %Y"),
            alt.Tooltip(_f(schema.PUBLISHED_EARLIEST, "T"), title="Earliest", format="%-d %b %Y"),
            alt.Tooltip(_f(schema.PUBLISHED_LATEST, "T"), title="Latest", format="%-d %b %Y"),
            alt.Tooltip(basis, title="Date"),
        ],
    )
    spans = base.mark_rule(strokeWidth=3, opacity=0.7).encode(
        x=alt.X(_f(schema.PUBLISHED_EARLIEST, "T"), title="Publication date"),
        x2=_f(schema.PUBLISHED_LATEST, "T"),
    )
    dots = base.mark_point(size=90, strokeWidth=2, shape="circle").encode(
        x=_f(schema.PUBLISHED, "T"),
        fill=alt.condition(
            alt.datum[schema.DATE_BASIS] == INFERRED,
            alt.value("white"),
            alt.Color(basis, scale=basis_scale, legend=None),
        ),
    )
    # fit-x: stretch to the page's width but keep a readable row height, however many rows
    return alt.layer(spans, dots).properties(
        height=22 * len(data), autosize=alt.AutoSizeParams(type="fit-x", contains="padding")
    )


def theme_counts(data: pd.DataFrame) -> go.Figure:
    """Horizontal bars of articles per theme, largest on top, each bar in its theme's colour."""
    ordered = data.iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=ordered[ARTICLES].tolist(),
            y=ordered[THEME].tolist(),
            orientation="h",
            marker={"color": ordered[COLOUR].tolist()},
            customdata=ordered[SHARE].tolist(),
            text=[f"{n} ({s:.0%})" for n, s in zip(ordered[ARTICLES], ordered[SHARE], strict=True)],
            textposition="auto",
            hovertemplate="%{y}: %{x} articles (%{customdata:.0%})<extra></extra>",
        )
    )
    fig.update_layout(xaxis_title="Articles", yaxis_title=None, margin={"t": 10, "l": 10, "r": 10})
    fig.update_xaxes(tickformat=",d", rangemode="tozero", dtick=_count_step(data[ARTICLES]))
    return fig


def theme_share(
    data: pd.DataFrame, *, colours: Mapping[str, str], freq: str = "quarter", columns: int = 3
) -> go.Figure:
    """Small multiples: one panel per theme with its share of each period's articles.

    Panels share both axes, so a theme's rise or fall reads against the others without
    thirteen lines crossing in one plot.
    """
    themes = [t for t in colours if (data[THEME] == t).any()]
    rows = max(1, -(-len(themes) // columns))
    fig = make_subplots(
        rows=rows,
        cols=columns,
        shared_xaxes=True,
        shared_yaxes=True,
        subplot_titles=themes,
        vertical_spacing=0.45 / rows,
        horizontal_spacing=0.04,
    )
    for i, theme in enumerate(themes):
        points = data[data[THEME] == theme]
        fig.add_scatter(
            x=points[PERIOD].tolist(),
            y=points[SHARE].tolist(),
            name=theme,
            mode="lines+markers",
            line={"color": colours[theme], "width": 3},
            fill="tozeroy",
            customdata=points[ARTICLES].tolist(),
            hovertemplate=f"{theme}: %{{y:.0%}} (%{{customdata}} articles)<extra></extra>",
            row=i // columns + 1,
            col=i % columns + 1,
        )
    fig.update_layout(showlegend=False, height=60 + 170 * rows, margin={"t": 30, "l": 10, "r": 10})
    # one scale for every panel (make_subplots only shares within a row or column)
    fig.update_yaxes(tickformat=".0%", rangemode="tozero", nticks=3, matches="y")
    fig.update_xaxes(nticks=3, showticklabels=True, tickformat="%b<br>%Y")
    return fig


def theme_cooccurrence(data: pd.DataFrame, *, order: list[str] | None = None) -> alt.LayerChart:
    """Heatmap of how many articles carry both themes, with the count written in each cell."""
    x = alt.X(
        _f(THEME_A, "N"),
        sort=order,
        title=None,
        axis=alt.Axis(labelAngle=-40, labelOverlap=False, labelLimit=220),
    )
    y = alt.Y(_f(THEME_B, "N"), sort=order, title=None, axis=alt.Axis(labelLimit=220))
    base = alt.Chart(data).transform_joinaggregate(most=f"max({ARTICLES})")
    cells = base.mark_rect().encode(
        x=x,
        y=y,
        color=alt.Color(_f(ARTICLES, "Q"), scale=alt.Scale(scheme="blues"), title="Articles"),
        tooltip=[
            alt.Tooltip(_f(THEME_A, "N"), title="Theme"),
            alt.Tooltip(_f(THEME_B, "N"), title="and theme"),
            alt.Tooltip(_f(ARTICLES, "Q"), title="Articles"),
        ],
    )
    # dark cells get white numbers
    counts = base.mark_text(fontSize=14).encode(
        x=x,
        y=y,
        text=_f(ARTICLES, "Q"),
        color=alt.condition(
            alt.datum[ARTICLES] > alt.datum.most / 2, alt.value("white"), alt.value("black")
        ),
    )
    return alt.layer(cells, counts).properties(height=alt.Step(44))
