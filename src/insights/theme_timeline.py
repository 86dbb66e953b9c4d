"""The theme timeline: articles per period stacked by theme, inferred dates striped.

`articles_over_time_by_theme` draws timeline.articles_over_time(by_theme=True) folded to at
most eight themes (fold.fold_themes): period, theme, themes, known, inferred. It is the one
chart with a pattern, a click selection and an events layer, so it lives apart from charts.py,
whose event columns it uses.
"""

from __future__ import annotations

from collections.abc import Mapping

import altair as alt
import pandas as pd

from insights.charts import EVENT_DATE, EVENT_NAME, NEUTRAL
from insights.corpus.frames import INFERRED, KNOWN, PERIOD, THEME
from insights.periods import MONTH, Period


def _f(name: str, kind: str) -> str:
    """An Altair shorthand for a column, e.g. _f(PERIOD, "T") == "period:T"."""
    return f"{name}:{kind}"


# Inferred dates are striped, not faded: white stripes over the theme's colour read on any
# colour, in light and dark, and under colour-blindness (a pale colour matches another theme).
# A linear gradient with hard stops across each block draws the stripes.
_STRIPES = 8
_STRIPE_COLOURS = ("rgba(255, 255, 255, 0)", "rgba(255, 255, 255, 0.7)")
STRIPES = alt.LinearGradient(
    gradient="linear",
    x1=0,
    y1=1,
    x2=1,
    y2=0,
    stops=[  # each stripe starts and ends at a stop of its colour: hard edges
        alt.GradientStop(offset=(i + end) / (2 * _STRIPES), color=_STRIPE_COLOURS[i % 2])
        for i in range(2 * _STRIPES)
        for end in (0, 1)
    ],
)
# ticks carry the year: "Mar 2018", "3 Sep 2018", "2018"
_TICK_FORMATS = {"week": "%-d %b %Y"}
STRIPES_TITLE = "Theme (striped, dashed edge: date inferred)"
TAGS_TITLE = "Articles, counted once per theme"


def articles_over_time_by_theme(
    data: pd.DataFrame,
    *,
    colours: Mapping[str, str],
    period: Period = MONTH,
    events: pd.DataFrame | None = None,
    selection: str = PERIOD,
    share: bool = False,
) -> alt.LayerChart | alt.Chart:
    """Stacked bars of articles per period and theme; clicking a bar selects its period.

    `data` is a folded frame (fold.fold_themes: at most eight themes, the rest in "Other",
    whose names its `themes` column holds). Each theme's block is split into articles whose
    date is known (solid) and inferred (striped, with a dashed edge), so estimates never look
    exact. An article with two themes counts in both, and the y-axis says so. Each bar spans
    its whole period, so event rules (date, label) fall where they happened. With `share` the
    values are shares of all articles in the period (story.measure.drawn).
    """
    value_title = "Share of all articles" if share else TAGS_TITLE
    value_axis = alt.Axis(format=".0%") if share else alt.Axis(tickMinStep=1)
    scale = alt.Scale(domain=list(colours), range=list(colours.values()))
    pick = alt.selection_point(name=selection, fields=[PERIOD], on="click")
    # Bars span x..x2, so Vega-Lite cannot stack them itself: stack explicitly.
    base = (
        alt.Chart(data)
        .transform_fold([KNOWN, INFERRED], as_=["date", "count"])
        .transform_filter(alt.datum["count"] > 0)
        .transform_calculate(
            period_end=period.vega_end,
            description=f"timeFormat(datum.{PERIOD}, '{period.vega_format}') + ', ' + "
            f"datum.{THEME} + ': ' + datum.count + ' articles, date ' + datum.date",
        )
        .transform_stack(
            stack="count",
            groupby=[PERIOD],
            sort=[alt.SortField(THEME), alt.SortField("date", order="descending")],
            as_=["low", "high"],
        )
        .encode(
            x=alt.X(
                _f(PERIOD, "T"),
                title=period.axis_title,
                axis=alt.Axis(
                    format=_TICK_FORMATS.get(period.name, period.plotly_format), labelOverlap=True
                ),
            ),
            x2="period_end:T",
            y=alt.Y("low:Q", title=value_title, axis=value_axis),
            y2="high:Q",
            # what a screen reader says for a block, instead of its raw fields
            description="description:N",
            tooltip=[
                alt.Tooltip(_f(PERIOD, "T"), title=period.axis_title, format=period.vega_format),
                alt.Tooltip(_f(THEME, "N"), title="Theme"),
                alt.Tooltip("themes:N", title="Themes counted"),
                alt.Tooltip(
                    "count:Q", title="Share" if share else "Articles", format=".1%" if share else ""
                ),
                alt.Tooltip("date:N", title="Date"),
            ],
        )
    )
    blocks = (
        base.mark_rect(strokeWidth=1.5)
        .encode(
            color=alt.Color(
                _f(THEME, "N"),
                scale=scale,
                title="Theme",
                # Vega-Lite draws no legend for a rect's dashes: the legend's title says it
                legend=alt.Legend(
                    orient="bottom",
                    columns=1,
                    symbolType="square",
                    labelLimit=0,
                    title=STRIPES_TITLE,
                ),
            ),
            stroke=alt.value("white"),
            strokeDash=alt.StrokeDash(
                "date:N",
                sort=[KNOWN, INFERRED],
                scale=alt.Scale(domain=[KNOWN, INFERRED], range=[[1, 0], [4, 2]]),
                title="Date",
                legend=None,
            ),
            opacity=alt.condition(pick, alt.value(1.0), alt.value(0.4)),
        )
        .add_params(pick)
    )
    stripes = (
        base.transform_filter(alt.datum["date"] == INFERRED)
        # decoration over blocks that describe themselves ("…, date inferred"): not announced,
        # and no unnamed empty image for a screen reader when no date is inferred
        .mark_rect(fill=STRIPES, stroke=None, aria=False)
        .encode(opacity=alt.condition(pick, alt.value(1.0), alt.value(0.4)))
    )
    if events is None or events.empty:
        return alt.layer(blocks, stripes)
    rules = (
        alt.Chart(events)
        .mark_rule(strokeDash=[4, 4], color=NEUTRAL, strokeWidth=2)
        .encode(
            x=_f(EVENT_DATE, "T"),
            description=_f(EVENT_NAME, "N"),
            tooltip=[
                alt.Tooltip(_f(EVENT_DATE, "T"), title="Date", format="%-d %B %Y"),
                alt.Tooltip(_f(EVENT_NAME, "N"), title="Event"),
            ],
        )
    )
    return alt.layer(blocks, stripes, rules)
