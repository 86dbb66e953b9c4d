"""Publishers: themes as a share of each publisher's output, figures, timelines on one axis."""

import components as ui
import literal
import state
import story_parts
import streamlit as st

from insights.corpus import themes
from insights.corpus.frames import THEME
from insights.story import charts, matches, publishers
from insights.story import wording as story_wording

corpus = state.corpus()
filters = state.filters(corpus)
rows = corpus.select(filters)
st.title("Publishers side by side")
names, _ = corpus.publishers()
if len(names) < 2:
    st.info(
        f"This dataset has {len(names) or 'no'} named publisher{'' if len(names) == 1 else 's'}: "
        "build it from listings of two or more (`insights build a.csv::publisher=A "
        "b.csv::publisher=B …`) to compare them here.",
        icon=":material/groups:",
    )
    st.stop()
if len(rows) == 0:
    ui.nothing_found()
    st.stop()

st.header("Figures per publisher")
figures = publishers.publisher_figures(corpus, rows)
literal.text(story_wording.publisher_figures_summary(figures))
st.dataframe(
    figures,
    hide_index=True,
    width="stretch",
    column_config={
        publishers.PUBLISHER: "Publisher",
        "articles": st.column_config.NumberColumn("Articles", format="%d"),
        publishers.FIRST: st.column_config.DateColumn("First", format="D MMM YYYY"),
        publishers.LAST: st.column_config.DateColumn("Last", format="D MMM YYYY"),
        publishers.INFERRED_SHARE: st.column_config.NumberColumn(
            "Inferred dates", format="percent"
        ),
        publishers.FIGURES: st.column_config.NumberColumn("Quoted figures", format="%d"),
        publishers.THEMES: st.column_config.NumberColumn("Themes", format="%d"),
        publishers.UNTAGGED: st.column_config.NumberColumn("No theme", format="%d"),
    },
)

st.header("Themes as a share of each publisher's articles")
by_theme = publishers.publisher_themes(corpus, rows)
if not by_theme.empty:
    order = list(themes.theme_counts(corpus, rows)[THEME])
    ui.chart(
        charts.publisher_themes(
            by_theme, order=order, publishers=list(figures[publishers.PUBLISHER])
        ),
        summary=story_wording.publisher_themes_summary(by_theme),
        data=by_theme,
        key="publishers_themes",
    )

st.header("Timelines on one axis")
shown_as = story_parts.measure_toggle()
period = matches.period_for(corpus, rows)
over_time = publishers.publishers_over_time(corpus, rows, period)
if over_time.empty:
    st.info("None of these articles has a date, so there is nothing to draw over time.")
else:
    ui.chart(
        charts.publishers_over_time(over_time, period=period, measure=shown_as),
        summary=story_wording.publishers_over_time_summary(period, shown_as),
        data=over_time,
        key="publishers_over_time",
    )
