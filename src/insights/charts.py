"""Charts: a frame from `insights.corpus` in, a Plotly figure or an Altair chart out.

Every function is pure given the chart style of the run (chart_style.py: fonts, margins and
heights live there) and only maps columns to marks. Data first, options keyword-only. Each
is named after the aggregation it draws; Plotly traces get plain lists, so `fig.to_dict()`
reads as the data rather than base64 arrays:

    articles_over_time           timeline.articles_over_time: period, articles, known, inferred
    (articles_over_time_by_theme, the Timeline's stacked themes: theme_timeline.py)
    date_intervals               timeline.date_intervals: article_id, title, published,
                                 published_earliest, published_latest, date_basis, …
    theme_counts                 themes.theme_counts: theme, articles, share, colour
    theme_share_over_time        timeline.theme_share_over_time: period, theme, articles, share
    theme_cooccurrence           themes.theme_cooccurrence: theme_a, theme_b, articles
    events (optional layer)      events.Occurrence: date, label
    themes_through_listing       listing.themes_through_listing: place, last_place, theme,
                                 articles (+ listing.listing_anchors: place, date)

chart_gallery.py draws each of them on the shipped data.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from insights import chart_style, schema
from insights.corpus.frames import (
    ARTICLES,
    COLOUR,
    DATE,
    INFERRED,
    KNOWN,
    PERIOD,
    PLACE,
    SHARE,
    THEME,
    THEME_A,
    THEME_B,
)
from insights.corpus.listing import LAST_PLACE
from insights.periods import MONTH, Period

# Okabe–Ito, colour-blind safe: one colour per date basis; a known date (stated or curated)
# is drawn in the stated colour on the bar charts.
BASIS_COLOURS = {schema.STATED: "#0072B2", schema.INFERRED: "#E69F00", schema.CURATED: "#009E73"}
COUNT_COLOURS = {KNOWN: BASIS_COLOURS[schema.STATED], INFERRED: BASIS_COLOURS[schema.INFERRED]}
NEUTRAL = "#6b6b6b"
EVENT_DATE = "date"
EVENT_NAME = "label"
LISTING_START, LISTING_END = "from_edge", "to_edge"  # a block's edges on the listing axis


def _count_step(counts: pd.Series) -> int | None:
    """Whole-number ticks: a step of 1 for small counts, Plotly's own choice above."""
    return 1 if len(counts) and counts.max() <= 8 else None


def _f(name: str, kind: str) -> str:
    """An Altair shorthand for a column, e.g. _f(PERIOD, "T") == "period:T"."""
    return f"{name}:{kind}"


def _by_size(data: pd.DataFrame, colours: Mapping[str, str]) -> dict[str, str]:
    """Each theme's colour, at most eight in all: past the seven with most articles in
    `data` (theme, articles), one grey (chart_style.limit_colours); labels name each."""
    largest = data.groupby(THEME)[ARTICLES].sum().sort_values(ascending=False, kind="stable")
    return dict(zip(largest.index, chart_style.limit_colours(largest.index, colours), strict=True))


def _figure() -> go.Figure:
    """An empty figure in this run's look."""
    sizes = chart_style.sizes()
    return go.Figure(
        layout={"template": chart_style.plotly_template(), "height": sizes.plot_height}
    )


def articles_over_time(
    data: pd.DataFrame, *, period: Period = MONTH, share: bool = False
) -> go.Figure:
    """Bars of articles per period: known dates solid, inferred dates hatched on top.

    With `share` the values are shares of all articles in the period (story.measure.drawn).
    """
    fig = _figure()
    unit = "%{y:.1%} of all articles" if share else "%{y} articles"
    for column, name, pattern in (
        (KNOWN, "Date stated", ""),
        (INFERRED, "Date inferred", "/"),
    ):
        fig.add_bar(
            x=data[PERIOD].tolist(),
            y=data[column].tolist(),
            name=name,
            marker={
                "color": COUNT_COLOURS[column],
                "pattern": {"shape": pattern, "fillmode": "overlay", "fgcolor": "#000"},
            },
            hovertemplate=f"%{{x|{period.plotly_format}}}: {unit}, {name.lower()}<extra></extra>",
        )
    fig.update_layout(
        barmode="stack",
        xaxis_title=period.axis_title,
        yaxis_title="Share of all articles" if share else "Articles",
    )
    if share:
        fig.update_yaxes(rangemode="tozero", tickformat=".0%")
    else:
        fig.update_yaxes(rangemode="tozero", tickformat=",d", dtick=_count_step(data[ARTICLES]))
    return fig


def date_intervals(data: pd.DataFrame) -> alt.LayerChart:
    """One row per article: a line over the dates it can have, a dot at the best estimate.

    Stated and curated dates are filled dots; inferred dates are hollow, so no estimate
    looks exact.
    """
    basis_scale = alt.Scale(domain=list(BASIS_COLOURS), range=list(BASIS_COLOURS.values()))
    basis = _f(schema.DATE_BASIS, "N")
    described = f"datum.{schema.TITLE} + ', date ' + datum.{schema.DATE_BASIS}"
    base = (
        alt.Chart(data)
        .transform_calculate(description=described)
        .encode(
            description="description:N",
            y=alt.Y(
                _f(schema.TITLE, "N"),
                sort=alt.EncodingSortField(schema.PUBLISHED, order="descending"),
                title="Article",
                axis=alt.Axis(title=None),
            ),
            color=alt.Color(basis, scale=basis_scale, title="Date"),
            tooltip=[
                alt.Tooltip(_f(schema.TITLE, "N"), title="Article"),
                alt.Tooltip(_f(schema.PUBLISHED, "T"), title="Best estimate", format="%-d %b %Y"),
                alt.Tooltip(
                    _f(schema.PUBLISHED_EARLIEST, "T"), title="Earliest", format="%-d %b %Y"
                ),
                alt.Tooltip(_f(schema.PUBLISHED_LATEST, "T"), title="Latest", format="%-d %b %Y"),
                alt.Tooltip(basis, title="Date"),
            ],
        )
    )
    spans = base.mark_rule(strokeWidth=3, opacity=0.7).encode(
        x=alt.X(_f(schema.PUBLISHED_EARLIEST, "T"), title="Publication date"),
        x2=_f(schema.PUBLISHED_LATEST, "T"),
    )
    dots = base.mark_point(size=90, strokeWidth=2, shape="circle").encode(
        x=_f(schema.PUBLISHED, "T"),
        fill=alt.condition(
            alt.datum[schema.DATE_BASIS] == schema.INFERRED,
            alt.value("white"),
            alt.Color(basis, scale=basis_scale, legend=None),
        ),
    )
    return alt.layer(spans, dots).properties(height=alt.Step(chart_style.sizes().row))


def theme_counts(data: pd.DataFrame) -> go.Figure:
    """Horizontal bars of articles per theme, largest on top, each bar in its theme's colour."""
    # at most eight colours: themes past the seventh share one grey (their bars are labelled)
    shown = chart_style.limit_colours(
        data[THEME], dict(zip(data[THEME], data[COLOUR], strict=True))
    )
    ordered = data.iloc[::-1]
    names = ordered[THEME].tolist()  # the categories stay the names: a click returns one
    labels = [chart_style.plotly_text(name) for name in names]
    fig = _figure()
    fig.add_bar(
        x=ordered[ARTICLES].tolist(),
        y=names,
        orientation="h",
        marker={"color": shown[::-1]},
        customdata=[[s, label] for s, label in zip(ordered[SHARE], labels, strict=True)],
        text=[f"{n} ({s:.0%})" for n, s in zip(ordered[ARTICLES], ordered[SHARE], strict=True)],
        textposition="auto",
        hovertemplate="%{customdata[1]}: %{x} articles (%{customdata[0]:.0%})<extra></extra>",
    )
    fig.update_layout(xaxis_title="Articles", yaxis_title=None)
    fig.update_yaxes(tickmode="array", tickvals=names, ticktext=labels)
    fig.update_xaxes(tickformat=",d", rangemode="tozero", dtick=_count_step(data[ARTICLES]))
    return fig


def theme_share_over_time(
    data: pd.DataFrame, *, colours: Mapping[str, str], columns: int = 3, share: bool = True
) -> go.Figure:
    """Small multiples: one panel per theme with its share of each period's articles (or,
    without `share`, its count of articles).

    Panels share both axes, so a theme's rise or fall reads against the others without
    thirteen lines crossing in one plot.
    """
    sizes = chart_style.sizes()
    themes = [t for t in colours if (data[THEME] == t).any()]
    shown = _by_size(data, colours)  # past the seven largest themes, panels share one grey
    rows = max(1, -(-len(themes) // columns))
    fig = make_subplots(
        rows=rows,
        cols=columns,
        shared_xaxes=True,
        shared_yaxes=True,
        subplot_titles=[chart_style.plotly_text(t) for t in themes],
        vertical_spacing=0.45 / rows,
        horizontal_spacing=0.04,
        figure=_figure(),
    )
    for i, theme in enumerate(themes):
        points = data[data[THEME] == theme]
        label = chart_style.plotly_text(theme)  # in customdata: a name is never a template
        fig.add_scatter(
            x=points[PERIOD].tolist(),
            y=points[SHARE if share else ARTICLES].tolist(),
            name=label,
            mode="lines+markers",
            line={"color": shown[theme], "width": 3},
            fill="tozeroy",
            customdata=[[n, label] for n in points[ARTICLES]],
            hovertemplate="%{customdata[1]}: %{y:.0%} (%{customdata[0]} articles)<extra></extra>"
            if share
            else "%{customdata[1]}: %{y} articles<extra></extra>",
            row=i // columns + 1,
            col=i % columns + 1,
        )
    # a panel per theme: grow with the rows, never below the variant's chart height
    height = max(sizes.plot_height or 0, 60 + sizes.panel * rows)
    fig.update_layout(showlegend=False, height=height, margin_t=sizes.panel_top)
    fig.update_annotations(font_size=sizes.panel_title)  # the panel titles
    # one scale for every panel (make_subplots only shares within a row or column)
    fig.update_yaxes(tickformat=".0%" if share else ",d", rangemode="tozero", nticks=3, matches="y")
    fig.update_xaxes(nticks=3, showticklabels=True, tickformat="%b<br>%Y")
    return fig


def theme_cooccurrence(data: pd.DataFrame, *, order: list[str] | None = None) -> alt.LayerChart:
    """Heatmap of how many articles carry both themes, with the count written in each cell."""
    # titles for screen readers ("Theme: County lines"), none drawn: the labels say it
    x = alt.X(_f(THEME_A, "N"), sort=order, title="Theme", axis=alt.Axis(title=None))
    y = alt.Y(_f(THEME_B, "N"), sort=order, title="and theme", axis=alt.Axis(title=None))
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
    counts = base.mark_text().encode(
        x=x,
        y=y,
        text=_f(ARTICLES, "Q"),
        color=alt.condition(
            alt.datum[ARTICLES] > alt.datum.most / 2, alt.value("white"), alt.value("black")
        ),
    )
    return alt.layer(cells, counts).properties(height=alt.Step(chart_style.sizes().cell))


def themes_through_listing(
    data: pd.DataFrame, *, colours: Mapping[str, str], anchors: pd.DataFrame | None = None
) -> alt.LayerChart:
    """One row per theme along the listing (listing.themes_through_listing), oldest at the
    left: a block where articles at those places carry the theme, darker for more of them.

    The x axis is the place in the listing, not a date, so no month is invented; the places
    whose date is known (listing.listing_anchors) are dashed rules with the date in a tooltip.
    """
    themes = [t for t in colours if (data[THEME] == t).any()]
    place = alt.X(
        _f(LISTING_START, "Q"),
        scale=alt.Scale(reverse=True, nice=False),
        axis=alt.Axis(format="d", tickMinStep=1),
        title="Place in the listing (1 = top, the newest; oldest at the left)",
    )
    base = alt.Chart(data).transform_calculate(
        **{LISTING_START: f"datum.{PLACE} - 0.5", LISTING_END: f"datum.{LAST_PLACE} + 0.5"}
    )
    blocks = base.mark_rect().encode(
        x=place,
        x2=_f(LISTING_END, "Q"),
        y=alt.Y(_f(THEME, "N"), sort=themes, title=None),
        color=alt.Color(
            _f(THEME, "N"),
            scale=alt.Scale(domain=themes, range=[_by_size(data, colours)[t] for t in themes]),
            legend=None,
        ),
        opacity=alt.Opacity(_f(ARTICLES, "Q"), legend=None, scale=alt.Scale(range=[0.45, 1])),
        tooltip=[
            alt.Tooltip(_f(THEME, "N"), title="Theme"),
            alt.Tooltip(_f(PLACE, "Q"), title="From place"),
            alt.Tooltip(_f(LAST_PLACE, "Q"), title="to place"),
            alt.Tooltip(_f(ARTICLES, "Q"), title="Articles"),
        ],
    )
    layers = [blocks]
    if anchors is not None and not anchors.empty:
        layers.append(
            alt.Chart(anchors)
            .mark_rule(strokeDash=[4, 3], color=NEUTRAL)
            .encode(
                x=alt.X(_f(PLACE, "Q")),
                tooltip=[
                    alt.Tooltip(_f(PLACE, "Q"), title="Place"),
                    alt.Tooltip(_f(DATE, "N"), title="Known date"),
                ],
            )
        )
    return alt.layer(*layers).properties(height=alt.Step(chart_style.sizes().row))
