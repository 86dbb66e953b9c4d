"""Overview: the counts and three sentences first, then the charts that back them."""

import components as ui
import downloads
import literal
import state
import story_parts
import streamlit as st

from insights import chart_cache, charts, schema
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

head = ui.for_view(articles.headline)
ui.counts(head)
with st.container(key="answers"):
    for sentence in ui.for_view(answers.answers):
        literal.text(sentence)
st.caption(wording.headline_dates(head))
downloads.briefing_buttons(corpus, filters)

# Mostly estimated dates: the listing's order is what is known, so it leads, not invented months.
estimated = head.mostly_estimated
if estimated:
    st.header("Themes through the listing")
    through = ui.for_view(listing.themes_through_listing)
    anchors = ui.for_view(listing.listing_anchors)
    ui.chart(
        lambda: charts.themes_through_listing(
            through, colours=corpus.theme_colours, anchors=anchors
        ),
        summary=wording.themes_through_listing_summary(head, anchors),
        data=through,
        key="overview_listing",
        options=chart_cache.dataset_name(anchors),
    )
    downloads.chart_images(
        charts.themes_through_listing,
        through,
        title="Themes through the listing",
        filters=filters,
        key="overview_listing",
        colours=corpus.theme_colours,
        anchors=anchors,
    )
over_time = ui.for_view(timeline.articles_over_time, MONTH)
if not over_time.empty:
    st.header("Articles per month (estimated)" if estimated else "Articles per month")
shown_as = story_parts.measure_toggle()  # also the measure of "What changed"
if over_time.empty:
    st.info("None of these articles has a date, so there is nothing to draw over time.")
else:
    over_time = measure.with_share_of_all(corpus, over_time, MONTH, filters.publishers)
    drawn = measure.drawn(over_time, shown_as)
    ui.chart(
        lambda: charts.articles_over_time(drawn, period=MONTH, share=shown_as == measure.SHARE),
        summary=wording.articles_over_time_summary(over_time, MONTH)
        + " "
        + story_wording.measure_note(shown_as),
        data=over_time,
        key="overview_over_time",
        options=(MONTH.name, shown_as),
    )
    downloads.chart_images(
        charts.articles_over_time,
        over_time,
        title="Articles per month (estimated)" if estimated else "Articles per month",
        filters=filters,
        key="overview_over_time",
        period=MONTH,
    )

st.header("Leading themes")
counts = ui.for_view(themes.theme_counts).head(6)
if counts.empty:
    st.info("None of these articles matched a theme.")
else:
    ui.chart(
        lambda: charts.theme_counts(counts),
        summary=wording.leading_theme_summary(counts),
        data=counts,
        key="overview_themes",
    )
    downloads.chart_images(
        charts.theme_counts, counts, title="Leading themes", filters=filters, key="overview_themes"
    )

st.header("What changed")
changes = measure.with_all_articles(
    corpus, ui.for_view(timeline.period_changes, months=6), filters.publishers
)
if not changes:
    st.info("There are not enough dated articles to compare two periods.")
for change in changes[:SHOWN_CHANGES]:  # changes the dates decide first, biggest first
    story_parts.change(change, shown_as)
if len(changes) > SHOWN_CHANGES:
    with st.expander(f"{len(changes) - SHOWN_CHANGES} more themes"):
        for change in changes[SHOWN_CHANGES:]:
            story_parts.change(change, shown_as)

st.header("Latest articles")
latest, _ = ui.for_view(articles.table_page, sort=schema.PUBLISHED, descending=True, page_size=5)
ui.article_list(latest)
