"""Themes: articles per theme, share over time, which themes go together, and why."""

import components as ui
import downloads
import literal
import state
import story_parts
import streamlit as st

from insights import charts
from insights.corpus import frames, themes, timeline, wording
from insights.periods import QUARTER
from insights.story import measure
from insights.story import wording as story_wording

corpus = state.corpus()
filters = state.filters(corpus)
rows = corpus.select(filters)  # for the representative articles
st.title("Themes")
counts = ui.for_view(themes.theme_counts)
if counts.empty:
    ui.nothing_found("themed articles")
    st.stop()


def _filter_to_clicked() -> None:
    # Runs before the rerun, so it may set the sidebar's bound theme filter.
    points = st.session_state["themes_counts"].selection.get("points", [])
    if points:
        state.show_only_theme(points[0]["y"])


st.header("Articles per theme")
ui.chart(
    lambda: charts.theme_counts(counts),
    summary=wording.theme_counts_summary(counts)
    + " Click a bar to show only that theme on every page.",
    data=counts,
    key="themes_counts",
    on_select=_filter_to_clicked,
)
downloads.chart_images(
    charts.theme_counts, counts, title="Articles per theme", filters=filters, key="themes_counts"
)

st.header("Each theme over time")
shown_as = story_parts.measure_toggle()
share = ui.for_view(timeline.theme_share_over_time, QUARTER)
if not share.empty:
    share = measure.with_share_of_all(corpus, share, QUARTER, filters.publishers)
    ui.chart(
        lambda: charts.theme_share_over_time(
            share, colours=corpus.theme_colours, share=shown_as == measure.SHARE
        ),
        summary=story_wording.theme_over_time_summary(QUARTER, shown_as)
        + f" {wording.estimates_sentence(ui.for_view(timeline.articles_over_time, QUARTER))}",
        data=share,
        key="themes_share",
        options=shown_as,
    )
    downloads.chart_images(
        charts.theme_share_over_time,
        share,
        title="Each theme's share over time",
        filters=filters,
        key="themes_share",
        colours=corpus.theme_colours,
    )

st.header("Articles that express each theme most strongly")
story_parts.representative_articles(corpus, rows)

st.header("Themes that appear together")
pairs = ui.for_view(themes.theme_cooccurrence)
ui.chart(
    lambda: charts.theme_cooccurrence(pairs, order=list(counts[frames.THEME])),
    summary=wording.theme_cooccurrence_summary(pairs),
    data=pairs,
    key="themes_pairs",
    options=tuple(counts[frames.THEME]),
)
downloads.chart_images(
    charts.theme_cooccurrence,
    pairs,
    title="Themes that appear together",
    filters=filters,
    key="themes_pairs",
    order=list(counts[frames.THEME]),
)

st.header("What puts an article in a theme")
theme = st.selectbox("Theme", list(counts[frames.THEME]), key="phrases_theme")
st.button(
    ui.escape_markdown(f"Show only {theme} on every page"),
    on_click=state.show_only_theme,
    args=(theme,),
    icon=":material/filter_alt:",
)
phrases = ui.for_view(themes.theme_phrases, theme)
if phrases.empty:
    literal.text(f"No phrase evidence is recorded for {theme} in these articles.")
    st.stop()
st.dataframe(
    phrases[[frames.PHRASE, frames.ARTICLES]],
    hide_index=True,
    width="stretch",
    column_config={
        frames.PHRASE: "Phrase found in the text",
        frames.ARTICLES: st.column_config.ProgressColumn(
            "Articles", format="%d", max_value=int(phrases[frames.ARTICLES].max())
        ),
    },
)
