"""Overview: the headline numbers, articles over time, leading themes, what changed, latest."""

import components as ui
import state
import story_parts
import streamlit as st

from insights import charts, schema
from insights.corpus import articles, themes, timeline, wording
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
articles_box, period_box, themes_box, figures_box = st.columns([1, 2.5, 1, 1])
articles_box.metric("Articles", f"{head.articles:,}", help=f"{head.undated:,} have no date at all")
period_box.metric(
    "Period covered",
    f"{wording.month_year(head.first)} – {wording.month_year(head.last)}",
    help=f"{wording.short_date(head.first)} to {wording.short_date(head.last)}",
)
themes_box.metric("Themes", head.themes_present)
figures_box.metric("Quoted figures", f"{head.statistics:,}")
st.caption(wording.headline_dates(head))

shown_as = story_parts.measure_toggle()
over_time = timeline.articles_over_time(corpus, rows, MONTH)
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
for change in changes[:SHOWN_CHANGES]:  # biggest changes first
    story_parts.change(change, shown_as)
if len(changes) > SHOWN_CHANGES:
    with st.expander(f"{len(changes) - SHOWN_CHANGES} more themes"):
        for change in changes[SHOWN_CHANGES:]:
            story_parts.change(change, shown_as)

st.subheader("Latest articles")
latest, _ = articles.table_page(corpus, rows, sort=schema.PUBLISHED, descending=True, page_size=5)
ui.article_list(latest)
