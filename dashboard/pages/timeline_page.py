"""Timeline: articles per period by theme, with events; inferred dates drawn as intervals."""

import dataclasses

import components as ui
import downloads
import literal
import pandas as pd
import state
import story_parts
import streamlit as st

from insights import charts, events, periods, schema, theme_timeline
from insights.corpus import articles, fold, frames, timeline, wording
from insights.story import measure
from insights.story import wording as story_wording

corpus = state.corpus()
filters = state.filters(corpus)
rows = corpus.select(filters)
st.title("Timeline")
if len(rows) == 0:
    ui.nothing_found()
    st.stop()

period = periods.get(  # the choice comes from the URL (state.read_url), never as a default
    st.segmented_control(
        "Articles per",
        periods.NAMES,
        format_func=lambda name: periods.get(name).axis_title,
        key=state.PER,
        required=True,
    )
)
shown_as = story_parts.measure_toggle()
per_theme = ui.for_view(timeline.articles_over_time, period, by_theme=True)
if per_theme.empty:
    st.info("None of these articles has a date, so there is nothing to draw over time.")
    st.stop()
per_theme = measure.with_share_of_all(corpus, per_theme, period, filters.publishers)
crowded = wording.too_many_periods(timeline.period_count(per_theme, period), period)
if crowded:
    st.info(crowded, icon=":material/zoom_out:")
calendar, problem = state.event_calendar()
if problem:
    st.warning(literal.label(f"Events are not marked: {problem}"), icon=":material/warning:")
found = events.occurrences(calendar, *timeline.frame_span(per_theme, period))
shown = events.markable(found)
# at most eight colours, of what is drawn: counts, or shares of all articles per period
drawn = measure.drawn(per_theme, shown_as).drop(columns=[measure.ALL_ARTICLES, measure.SHARE])
folded = fold.fold_themes(drawn, corpus.theme_colours)
picked = ui.chart(
    lambda: theme_timeline.articles_over_time_by_theme(
        folded.frame,
        colours=folded.colours,
        period=period,
        events=pd.DataFrame(shown, columns=events.Occurrence._fields),
        share=shown_as == measure.SHARE,
    ),
    summary=wording.articles_over_time_by_theme_summary(
        per_theme, period, len(shown), unmarked=len(found) - len(shown)
    )
    + (f" {fold.folded_sentence(folded)}" if folded.folded else "")
    + f" {wording.estimates_sentence(ui.for_view(timeline.articles_over_time, period))}"
    + " "
    + story_wording.measure_note(shown_as)
    + " Click a bar to list its articles.",
    data=folded.frame,
    key="timeline_themes",
    on_select="rerun",
    options=(period.name, tuple(shown), shown_as),
)
if shown:
    literal.text(wording.events_line(shown), caption=True)
downloads.chart_images(
    theme_timeline.articles_over_time_by_theme,
    folded.frame,
    title=f"Articles per {period.name} and theme",
    filters=filters,
    key="timeline_themes",
    colours=folded.colours,
    share=shown_as == measure.SHARE,
    period=period,
    events=pd.DataFrame(shown, columns=events.Occurrence._fields),
)

st.header("Articles in one period")
starts = timeline.periods_in(per_theme)
state.choose_period(starts, ui.selected_periods(picked, frames.PERIOD))
choice = st.selectbox(
    f"Articles in one {period.name}", starts, format_func=period.label, key=state.PERIOD
)
start, end = period.span(choice)
in_period = corpus.select(dataclasses.replace(filters, start=start, end=end))
listed, total = ui.shared(
    "articles_in_period",
    lambda: articles.table_page(corpus, in_period, sort=schema.PUBLISHED, page_size=50),
    options=(start, end),
)
estimated = ui.shared(
    "estimated_in_period",
    lambda: articles.headline(corpus, in_period).inferred,
    options=(start, end),
)
st.caption(wording.articles_in_period(total, period, choice, estimated))
ui.article_list(listed)

st.header("How sure is each date?")
intervals = ui.for_view(timeline.date_intervals, limit=60)
ui.chart(
    lambda: charts.date_intervals(intervals),
    summary=wording.date_intervals_summary(intervals),
    data=intervals,
    key="timeline_intervals",
)
downloads.chart_images(
    charts.date_intervals,
    intervals,
    title="How sure is each date?",
    filters=filters,
    key="timeline_intervals",
)
