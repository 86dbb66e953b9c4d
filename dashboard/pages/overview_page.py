"""Overview: the headline numbers, articles over time, leading themes, what changed, latest."""

import components as ui
import state
import streamlit as st

from insights import charts, query, schema

SHOWN_CHANGES = 4

corpus = state.corpus()
rows = corpus.select(state.filters(corpus))
st.title("Overview")
if len(rows) == 0:
    ui.nothing_found()
    st.stop()

head = query.headline(corpus, rows)
articles, period, themes, figures = st.columns([1, 2.5, 1, 1])
articles.metric("Articles", f"{head.articles:,}", help=f"{head.undated:,} have no date at all")
period.metric(
    "Period covered",
    f"{ui.month(head.first)} – {ui.month(head.last)}",
    help=f"{ui.day(head.first)} to {ui.day(head.last)}",
)
themes.metric("Themes", head.themes_present)
figures.metric("Quoted figures", f"{head.statistics:,}")
st.caption(
    f"Dates: {head.stated:,} stated in the text, {head.inferred:,} inferred from the listing "
    f"order, {head.curated:,} set by hand, {head.undated:,} unknown."
)

over_time = query.articles_over_time(corpus, rows, "month")
if over_time.empty:
    st.info("None of these articles has a date, so there is nothing to draw over time.")
else:
    busiest = over_time.loc[over_time[query.ARTICLES].idxmax()]
    ui.chart(
        charts.articles_over_time(over_time),
        summary=f"The busiest month was {busiest[query.PERIOD]:%B %Y} with "
        f"{ui.plural(int(busiest[query.ARTICLES]), 'article')}; hatched bars are articles "
        "whose date was inferred, not stated.",
        data=over_time,
        key="overview_over_time",
    )

st.subheader("Leading themes")
counts = query.theme_counts(corpus, rows).head(6)
if counts.empty:
    st.info("None of these articles matched a theme.")
else:
    top = counts.iloc[0]
    ui.chart(
        charts.theme_counts(counts),
        summary=f"{top[query.THEME]} leads, in {ui.plural(int(top[query.ARTICLES]), 'article')} "
        f"({top[query.SHARE]:.0%} of those shown).",
        data=counts,
        key="overview_themes",
    )

st.subheader("What changed")
changes = query.period_changes(corpus, rows, months=6)
if not changes:
    st.info("There are not enough dated articles to compare two periods.")
for change in changes[:SHOWN_CHANGES]:  # biggest changes first
    ui.change(change)
if len(changes) > SHOWN_CHANGES:
    with st.expander(f"{len(changes) - SHOWN_CHANGES} more themes"):
        for change in changes[SHOWN_CHANGES:]:
            ui.change(change)

st.subheader("Latest articles")
latest, _ = query.table_page(corpus, rows, sort=schema.PUBLISHED, descending=True, page_size=5)
ui.article_list(latest)
