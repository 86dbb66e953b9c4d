"""Overview: the counts and three sentences first, then the charts that back them."""

import components as ui
import literal
import state
import story_parts
import streamlit as st

from insights import charts, schema
from insights.corpus import answers, articles, listing, themes, timeline, wording
from insights.periods import MONTH
from insights.story import measure
from insights.story import wording as story_wording

SHOWN_CHANGES = 4

corpus = state.corpus()
filters = state.filters(corpus)
rows = corpus.select(filters)
st.title("Overview")
if len(rows) == 0:
    ui.nothing_found()
    st.stop()

head = articles.headline(corpus, rows)
ui.counts(head)
with st.container(key="answers"):
    for sentence in answers.answers(corpus, rows):
        literal.text(sentence)
st.caption(wording.headline_dates(head))

# Mostly estimated dates: the listing's order is what is known, so it leads, not invented months.
estimated = head.inferred * 2 > head.articles
if estimated:
    st.subheader("Themes through the listing")
    through = listing.themes_through_listing(corpus, rows)
    anchors = listing.listing_anchors(corpus, rows)
    ui.chart(
        charts.themes_through_listing(through, colours=corpus.theme_colours, anchors=anchors),
        summary=wording.themes_through_listing_summary(head, anchors),
        data=through,
        key="overview_listing",
    )
over_time = timeline.articles_over_time(corpus, rows, MONTH)
if not over_time.empty:
    st.subheader("Articles per month (estimated)" if estimated else "Articles per month")
shown_as = story_parts.measure_toggle()  # also the measure of "What changed"
if over_time.empty:
    st.info("None of these articles has a date, so there is nothing to draw over time.")
else:
    over_time = measure.with_share_of_all(corpus, over_time, MONTH, filters.publishers)
    ui.chart(
        charts.articles_over_time(
            measure.drawn(over_time, shown_as), period=MONTH, share=shown_as == measure.SHARE
        ),
        summary=wording.articles_over_time_summary(over_time, MONTH)
        + " "
        + story_wording.measure_note(shown_as),
        data=over_time,
        key="overview_over_time",
    )

st.subheader("Leading themes")
counts = themes.theme_counts(corpus, rows).head(6)
if counts.empty:
    st.info("None of these articles matched a theme.")
else:
    ui.chart(
        charts.theme_counts(counts),
        summary=wording.leading_theme_summary(counts),
        data=counts,
        key="overview_themes",
    )

st.subheader("What changed")
changes = measure.with_all_articles(
    corpus, timeline.period_changes(corpus, rows, months=6), filters.publishers
)
if not changes:
    st.info("There are not enough dated articles to compare two periods.")
for change in changes[:SHOWN_CHANGES]:  # changes the dates decide first, biggest first
    story_parts.change(change, shown_as)
if len(changes) > SHOWN_CHANGES:
    with st.expander(f"{len(changes) - SHOWN_CHANGES} more themes"):
        for change in changes[SHOWN_CHANGES:]:
            story_parts.change(change, shown_as)

st.subheader("Latest articles")
latest, _ = articles.table_page(corpus, rows, sort=schema.PUBLISHED, descending=True, page_size=5)
ui.article_list(latest)
