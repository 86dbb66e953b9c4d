"""Overview: the headline numbers, articles over time, leading themes, what changed, latest."""

import components as ui
import state
import streamlit as st

from insights import charts, schema
from insights.corpus import articles, themes, timeline, wording
from insights.periods import MONTH

SHOWN_CHANGES = 4

corpus = state.corpus()
rows = corpus.select(state.filters(corpus))
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

over_time = timeline.articles_over_time(corpus, rows, MONTH)
if over_time.empty:
    st.info("None of these articles has a date, so there is nothing to draw over time.")
else:
    ui.chart(
        charts.articles_over_time(over_time, period=MONTH),
        summary=wording.articles_over_time_summary(over_time, MONTH),
        data=over_time,
        key="overview_over_time",
    )

st.header("Leading themes")
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

st.header("What changed")
changes = timeline.period_changes(corpus, rows, months=6)
if not changes:
    st.info("There are not enough dated articles to compare two periods.")
for change in changes[:SHOWN_CHANGES]:  # biggest changes first
    ui.change(change)
if len(changes) > SHOWN_CHANGES:
    with st.expander(f"{len(changes) - SHOWN_CHANGES} more themes"):
        for change in changes[SHOWN_CHANGES:]:
            ui.change(change)

st.header("Latest articles")
latest, _ = articles.table_page(corpus, rows, sort=schema.PUBLISHED, descending=True, page_size=5)
ui.article_list(latest)
