"""Timeline: articles per period by theme, with events; inferred dates drawn as intervals."""

import dataclasses

import components as ui
import pandas as pd
import state
import streamlit as st

from insights import charts, events, query, schema

FREQS = {"week": "Week", "month": "Month", "quarter": "Quarter", "year": "Year"}

corpus = state.corpus()
filters = state.filters(corpus)
rows = corpus.select(filters)
st.title("Timeline")
if len(rows) == 0:
    ui.nothing_found()
    st.stop()

freq = st.segmented_control(
    "Articles per",
    list(FREQS),
    format_func=FREQS.get,
    default="month",
    key="per",
    bind="query-params",
    required=True,
)
per_theme = query.articles_over_time(corpus, rows, freq, True)
if per_theme.empty:
    st.info("None of these articles has a date, so there is nothing to draw over time.")
    st.stop()
first, last = per_theme[query.PERIOD].min(), per_theme[query.PERIOD].max()
calendar, problem = state.event_calendar()
if problem:
    st.warning(f"Events are not marked: {problem}", icon=":material/warning:")
shown_events = pd.DataFrame(
    events.occurrences(calendar, first.date(), ui.period_span(last, freq)[1]),
    columns=events.Occurrence._fields,
)
picked = ui.chart(
    charts.themes_over_time(
        per_theme, colours=corpus.theme_colours, freq=freq, events=shown_events
    ),
    summary=f"Articles per {FREQS[freq].lower()} and theme from {first:%B %Y} to "
    f"{last:%B %Y}, with {ui.plural(len(shown_events), 'event')} marked by dashed lines; "
    "pale blocks are articles whose date is inferred, not stated, and an article with two "
    "themes counts once in each. Click a bar to list its articles.",
    data=per_theme,
    key="timeline_themes",
    on_select="rerun",
)

if not shown_events.empty:
    st.caption(
        "Events: " + "; ".join(f"{e.label} ({ui.day(e.date)})" for e in shown_events.itertuples())
    )

st.subheader("Articles in one period")
periods = sorted(per_theme[query.PERIOD].unique(), reverse=True)
clicked = [pd.Timestamp(p[query.PERIOD], unit="ms") for p in picked.selection.get(query.PERIOD, [])]
choice = st.selectbox(
    f"Articles in one {FREQS[freq].lower()}",
    periods,
    index=periods.index(clicked[0]) if clicked and clicked[0] in periods else 0,
    format_func=lambda p: ui.period_label(p, freq),
)
start, end = ui.period_span(choice, freq)
in_period = corpus.select(dataclasses.replace(filters, start=start, end=end))
listed, total = query.table_page(corpus, in_period, sort=schema.PUBLISHED, page_size=50)
st.caption(f"{ui.plural(total, 'article')} in {ui.period_label(choice, freq)}.")
ui.article_list(listed)

st.subheader("How sure is each date?")
intervals = query.date_intervals(corpus, rows, limit=60)
inferred = int((intervals[schema.DATE_BASIS] == "inferred").sum())
ui.chart(
    charts.date_intervals(intervals),
    summary=f"Filled dots are dates stated in the text or set by hand; hollow dots ({inferred} "
    "here) are "
    "estimates, and the line through each spans every date the article could have.",
    data=intervals,
    key="timeline_intervals",
)
