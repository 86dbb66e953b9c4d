"""The chart gallery: every chart function, drawn on a dataset from a small named example.

Each example is a plain function whose docstring is its title: it takes the corpus and
returns the chart, going the way a page does (filters → rows → aggregate → chart). The
"Chart gallery" page shows each on the dataset with its code; tests run every one and check
that no chart function is left without an example:

    @example
    def theme_counts(corpus: Corpus) -> Chart:
        \"\"\"Articles per theme\"\"\"
        rows = corpus.select(Filters())
        return charts.theme_counts(themes.theme_counts(corpus, rows))
"""

from __future__ import annotations

import inspect
import textwrap
from collections.abc import Callable

import altair as alt
import pandas as pd
import plotly.graph_objects as go

from insights import charts, events, theme_timeline
from insights.corpus import Corpus, Filters, fold, frames, listing, themes, timeline
from insights.periods import MONTH, QUARTER, WEEK, YEAR

Chart = go.Figure | alt.TopLevelMixin
Example = Callable[[Corpus], Chart]
EXAMPLES: dict[str, Example] = {}


def example(function: Example) -> Example:
    """Add a function to the gallery, under its name."""
    EXAMPLES[function.__name__] = function
    return function


def title(function: Example) -> str:
    return inspect.getdoc(function) or function.__name__


def source(function: Example) -> str:
    """The example's code as a reader would copy it: no decorator, no docstring."""
    lines = inspect.getsource(function).splitlines()[1:]  # after the decorator
    return textwrap.dedent("\n".join(line for line in lines if not line.strip().startswith('"""')))


@example
def articles_over_time(corpus: Corpus) -> Chart:
    """Articles per month, inferred dates hatched"""
    rows = corpus.select(Filters())
    return charts.articles_over_time(timeline.articles_over_time(corpus, rows, MONTH))


@example
def articles_over_time_by_theme(corpus: Corpus) -> Chart:
    """Articles per quarter and theme, with the year's events"""
    rows = corpus.select(Filters())
    frame = timeline.articles_over_time(corpus, rows, QUARTER, by_theme=True)
    shown = events.occurrences(events.load_events(), *timeline.frame_span(frame, QUARTER))
    folded = fold.fold_themes(frame, corpus.theme_colours)  # seven themes and "Other"
    return theme_timeline.articles_over_time_by_theme(
        folded.frame,
        colours=folded.colours,
        period=QUARTER,
        events=pd.DataFrame(shown, columns=events.Occurrence._fields),
    )


@example
def articles_over_time_of_one_theme(corpus: Corpus) -> Chart:
    """Articles per week about the first theme"""
    rows = corpus.select(Filters(themes=corpus.themes[:1]))
    return charts.articles_over_time(timeline.articles_over_time(corpus, rows, WEEK), period=WEEK)


@example
def date_intervals(corpus: Corpus) -> Chart:
    """How sure each date is: the 15 newest articles"""
    rows = corpus.select(Filters())
    return charts.date_intervals(timeline.date_intervals(corpus, rows, limit=15))


@example
def theme_counts(corpus: Corpus) -> Chart:
    """Articles per theme"""
    rows = corpus.select(Filters())
    return charts.theme_counts(themes.theme_counts(corpus, rows))


@example
def theme_share_over_time(corpus: Corpus) -> Chart:
    """Each theme's share of each year's articles"""
    rows = corpus.select(Filters())
    share = timeline.theme_share_over_time(corpus, rows, YEAR)
    return charts.theme_share_over_time(share, colours=corpus.theme_colours)


@example
def theme_cooccurrence(corpus: Corpus) -> Chart:
    """Themes that appear together"""
    rows = corpus.select(Filters())
    order = list(themes.theme_counts(corpus, rows)[frames.THEME])
    return charts.theme_cooccurrence(themes.theme_cooccurrence(corpus, rows), order=order)


@example
def themes_through_listing(corpus: Corpus) -> Chart:
    """Themes through the listing, with the places whose date is known"""
    rows = corpus.select(Filters())
    return charts.themes_through_listing(
        listing.themes_through_listing(corpus, rows),
        colours=corpus.theme_colours,
        anchors=listing.listing_anchors(corpus, rows),
    )
