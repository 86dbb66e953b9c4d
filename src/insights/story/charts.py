"""Charts for the story/ frames: a frame in, an Altair chart or Plotly figure out.

    matches_over_time     matches.matches_over_time: period, articles, known, inferred, …
    publisher_themes      publishers.publisher_themes: publisher, theme, articles, share
    publishers_over_time  publishers.publishers_over_time: period, publisher, articles, share

The look comes from chart_style (registered once); functions only map columns to marks.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from insights.charts import COUNT_COLOURS
from insights.corpus.frames import ARTICLES, INFERRED, KNOWN, PERIOD, SHARE, THEME
from insights.periods import MONTH, Period
from insights.story.measure import COUNTS, drawn
from insights.story.publishers import PUBLISHER


def _value_axis(measure: str) -> alt.Axis:
    if measure == COUNTS:
        return alt.Axis(title="Articles", tickMinStep=1, format=",d")
    return alt.Axis(title="Share of all articles", format=".0%")


def _time_axis(period: Period) -> alt.Axis:
    # the ticks' format as charts.py writes it: with the year, a week by its first day
    return alt.Axis(format=period.plotly_format.removeprefix("week of "), labelOverlap=True)


def matches_over_time(
    data: pd.DataFrame, *, period: Period = MONTH, measure: str = COUNTS, selection: str = PERIOD
) -> alt.Chart:
    """Bars of matching articles per period, known dates solid and inferred ones pale on top;
    clicking a bar selects its period."""
    pick = alt.selection_point(name=selection, fields=[PERIOD], on="click")
    label = {KNOWN: "stated or curated", INFERRED: "inferred (pale)"}
    # Bars span x..x2, so Vega-Lite cannot stack them itself: stack explicitly.
    return (
        alt.Chart(drawn(data, measure))
        .transform_fold([KNOWN, INFERRED], as_=["date", "value"])
        .transform_filter(alt.datum["value"] > 0)
        .transform_calculate(
            date_label=f"datum.date == '{INFERRED}' ? '{label[INFERRED]}' : '{label[KNOWN]}'",
            period_end=period.vega_end,
        )
        .transform_stack(
            stack="value",
            groupby=[PERIOD],
            sort=[alt.SortField("date", order="ascending")],
            as_=["low", "high"],
        )
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            # every tick carries its year ("Oct 2017", not "October")
            x=alt.X(f"{PERIOD}:T", title=period.axis_title, axis=_time_axis(period)),
            x2="period_end:T",
            y=alt.Y("low:Q", axis=_value_axis(measure)),
            y2="high:Q",
            color=alt.Color(
                "date_label:N",
                scale=alt.Scale(
                    domain=[label[KNOWN], label[INFERRED]],
                    range=[COUNT_COLOURS[KNOWN], COUNT_COLOURS[INFERRED]],
                ),
                title="Date",
                legend=alt.Legend(orient="top"),
            ),
            fillOpacity=alt.condition(
                f"datum.date == '{INFERRED}'", alt.value(0.45), alt.value(1.0)
            ),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.5)),
            tooltip=[
                alt.Tooltip(f"{PERIOD}:T", title=period.axis_title, format=period.vega_format),
                alt.Tooltip("date_label:N", title="Date"),
                alt.Tooltip(
                    "value:Q",
                    title="Articles" if measure == COUNTS else "Share",
                    format=",d" if measure == COUNTS else ".1%",
                ),
            ],
        )
        .add_params(pick)
    )


def publisher_themes(
    data: pd.DataFrame, *, order: list[str] | None = None, publishers: list[str] | None = None
) -> alt.LayerChart:
    """Heatmap of each theme's share of each publisher's articles, the share in each cell;
    themes and publishers in the given orders."""
    x = alt.X(f"{PUBLISHER}:N", sort=publishers, title=None, axis=alt.Axis(labelAngle=0))
    y = alt.Y(f"{THEME}:N", sort=order, title=None)
    base = alt.Chart(data).transform_joinaggregate(most=f"max({SHARE})")
    cells = base.mark_rect().encode(
        x=x,
        y=y,
        color=alt.Color(
            f"{SHARE}:Q",
            scale=alt.Scale(scheme="blues"),
            title="Share",
            legend=alt.Legend(format=".0%"),
        ),
        tooltip=[
            alt.Tooltip(f"{PUBLISHER}:N", title="Publisher"),
            alt.Tooltip(f"{THEME}:N", title="Theme"),
            alt.Tooltip(f"{SHARE}:Q", title="Share of its articles", format=".1%"),
            alt.Tooltip(f"{ARTICLES}:Q", title="Articles", format=","),
        ],
    )
    text = base.mark_text().encode(
        x=x,
        y=y,
        text=alt.Text(f"{SHARE}:Q", format=".0%"),
        color=alt.condition(
            alt.datum[SHARE] > alt.datum.most / 2, alt.value("white"), alt.value("black")
        ),
    )
    return alt.layer(cells, text)


def publishers_over_time(
    data: pd.DataFrame, *, period: Period = MONTH, measure: str = COUNTS
) -> alt.Chart:
    """One line per publisher on one time axis: its articles, or its share of all articles."""
    value = ARTICLES if measure == COUNTS else SHARE
    return (
        alt.Chart(data)
        .mark_line(point=True, strokeWidth=3)
        .encode(
            x=alt.X(f"{PERIOD}:T", title=period.axis_title, axis=_time_axis(period)),
            y=alt.Y(f"{value}:Q", axis=_value_axis(measure)),
            color=alt.Color(f"{PUBLISHER}:N", title="Publisher", legend=alt.Legend(orient="top")),
            tooltip=[
                alt.Tooltip(f"{PERIOD}:T", title=period.axis_title, format=period.vega_format),
                alt.Tooltip(f"{PUBLISHER}:N", title="Publisher"),
                alt.Tooltip(f"{ARTICLES}:Q", title="Articles", format=","),
                alt.Tooltip(f"{SHARE}:Q", title="Share of all articles", format=".1%"),
            ],
        )
    )
