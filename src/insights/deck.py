"""The presenter deck: the current selection as a list of slides, one idea each.

Each slide is a title, at most one chart, the few big lines it shows and the sentence a
speaker says under it, all from the corpus aggregations, `charts` and `wording`:

    slides(corpus, rows, filters)
        Slide(kind="numbers",   title="In numbers", lines=("6 articles", …), chart=None, …)
        Slide(kind="over_time", title="Articles over time", chart=<Plotly figure>, …)
        Slide(kind="themes",    title="Leading themes", chart=<Plotly figure>, …)
        Slide(kind="changes",   title="What changed", lines=("County lines: 2 articles …",))
        Slide(kind="figure",    title="up to 1,000 children", lines=("A new report …",), …)

Key figures come one per slide, largest first (`MAX_FIGURES` at most); `filters_line`
names the filters in force, for the small line on every slide.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import altair as alt
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from insights import charts, schema
from insights.corpus import Corpus, Filters, articles, figures, themes, timeline, when, wording
from insights.corpus.frames import HEADING
from insights.periods import MONTH

NUMBERS, OVER_TIME, THEMES, CHANGES, FIGURE = "numbers", "over_time", "themes", "changes", "figure"
MAX_FIGURES = 8
SHOWN_THEMES = 6
SHOWN_CHANGES = 3
# Which figures are "largest": counts of people and things, then sums of money, then the rest
# (a 66% rise is not larger than 1,000 children); within a kind, by value.
_KIND_ORDER = [schema.COUNT, schema.MONEY]


@dataclass(frozen=True)
class Slide:
    """One slide: a title, the big lines it shows, its chart, and the speaker's sentence."""

    kind: str
    title: str
    sentence: str
    lines: tuple[str, ...] = ()
    chart: go.Figure | alt.TopLevelMixin | None = None
    data: pd.DataFrame | None = None


def slides(corpus: Corpus, rows: np.ndarray, filters: Filters) -> list[Slide]:
    """Every slide for the selected `rows`; a selection without articles gets one slide."""
    if len(rows) == 0:
        return [
            Slide(
                NUMBERS,
                "No articles",
                "No articles match these filters: leave the deck and widen them.",
                lines=(filters_line(filters),),
            )
        ]
    return [
        _numbers(corpus, rows),
        _over_time(corpus, rows),
        _themes(corpus, rows),
        _changes(corpus, rows),
        *_figures(corpus, rows),
    ]


def filters_line(filters: Filters) -> str:
    """'Showing: theme County lines · dates 1 Jan 2018 to 30 Jun 2018 · search "gangs"'."""
    parts = wording.filter_parts(filters)
    return "Showing: " + (" · ".join(parts) if parts else "every article, no filters")


def clamp(number: int, count: int) -> int:
    """A slide number (1-based, as in the URL) kept inside 1..count."""
    return min(max(number, 1), max(count, 1))


def _numbers(corpus: Corpus, rows: np.ndarray) -> Slide:
    head = articles.headline(corpus, rows)
    period = f"{wording.month_year(head.first)} to {wording.month_year(head.last)}"
    return Slide(
        NUMBERS,
        "In numbers",
        wording.headline_dates(head),
        lines=(
            wording.plural(head.articles, "article"),
            period,
            wording.plural(head.themes_present, "theme"),
            wording.plural(head.statistics, "quoted figure"),
        ),
    )


def _over_time(corpus: Corpus, rows: np.ndarray) -> Slide:
    frame = timeline.articles_over_time(corpus, rows, MONTH)
    title = "Articles over time"
    if frame.empty:
        return Slide(OVER_TIME, title, "None of these articles has a date to draw.")
    return Slide(
        OVER_TIME,
        title,
        wording.articles_over_time_summary(frame, MONTH),
        chart=charts.articles_over_time(frame, period=MONTH),
        data=frame,
    )


def _themes(corpus: Corpus, rows: np.ndarray) -> Slide:
    counts = themes.theme_counts(corpus, rows).head(SHOWN_THEMES)
    title = "Leading themes"
    if counts.empty:
        return Slide(THEMES, title, "None of these articles matched a theme.")
    return Slide(
        THEMES,
        title,
        wording.theme_counts_summary(counts),
        chart=charts.theme_counts(counts),
        data=counts,
    )


def _changes(corpus: Corpus, rows: np.ndarray) -> Slide:
    changes = timeline.period_changes(corpus, rows, months=6)
    title = "What changed"
    if not changes:
        return Slide(CHANGES, title, "There are not enough dated articles to compare.")
    shown = changes[:SHOWN_CHANGES]  # biggest changes first
    more = len(changes) - len(shown)
    return Slide(
        CHANGES,
        title,
        f"The last {wording.months_phrase(6)} against the {wording.months_phrase(6)} before, "
        "biggest changes first"
        + (f"; {wording.plural(more, 'more theme')} on the Overview page." if more else "."),
        lines=tuple(wording.change_sentence(change) for change in shown),
    )


def _figures(corpus: Corpus, rows: np.ndarray) -> list[Slide]:
    table = figures.statistics_table(corpus, rows, limit=None)
    if table.empty:
        return []
    rank = table[schema.STAT_KIND].map(
        lambda kind: _KIND_ORDER.index(kind) if kind in _KIND_ORDER else len(_KIND_ORDER)
    )
    order = np.lexsort((-table[schema.STAT_VALUE].to_numpy(float), rank.to_numpy()))
    shown = table.iloc[order[:MAX_FIGURES]].to_dict("records")
    return [_figure(item, at, len(shown), len(table)) for at, item in enumerate(shown, 1)]


def _figure(item: dict[str, Any], at: int, shown: int, total: int) -> Slide:
    dated = when.article_date(item)  # an estimate reads as the interval it lies in
    of = f" ({total:,} quoted in all)" if total > shown else ""
    return Slide(
        FIGURE,
        item[HEADING],
        f"Key figure {at} of {shown}, largest first{of}: from “{item[schema.TITLE]}”, {dated}.",
        lines=(f"“{item[schema.STAT_SENTENCE]}”",),
    )
