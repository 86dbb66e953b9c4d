"""Explore: search and browse the articles; every article's detail is one click away."""

import components as ui
import pandas as pd
import state
import story_parts
import streamlit as st

from insights import schema, urlstate
from insights.corpus import articles, export, frames, wording
from insights.corpus.columns import RELEVANCE

SORTS = {  # urlstate.ORDERS value → (column, descending)
    "newest": (schema.PUBLISHED, True),
    "oldest": (schema.PUBLISHED, False),
    "relevance": (RELEVANCE, True),
    "title": (schema.TITLE, False),
}
PAGE_SIZE = 10


def _open(shown: pd.DataFrame) -> None:
    # A callback, so the article opens in this same run (and goes into the URL after it).
    picked = st.session_state.results_table.selection.rows
    if picked:
        st.session_state[state.ARTICLE_PARAM] = shown.iloc[picked[0]][schema.ARTICLE_ID]


corpus = state.corpus()
filters = state.filters(corpus)
rows = corpus.select(filters)
st.title("Explore the articles")

opened = st.session_state.get(state.ARTICLE_PARAM)
if opened and (detail := articles.article(corpus, opened)):
    with st.container(border=True):
        ui.article_detail(detail)
        story_parts.related_articles(corpus, opened)
        st.page_link(
            state.EXPLORE_PAGE,
            label="Close",
            icon=":material/close:",
            query_params=state.link(article=None),
        )
elif opened:
    st.caption("That article is not in this dataset (it may have been rebuilt without it).")

if len(rows) == 0:
    ui.nothing_found()
    st.stop()

story_parts.search_histogram(corpus, rows, filters)
results, counts = st.columns([2, 1], gap="large")
with counts:
    st.markdown("**Matching articles by**")
    for name, facet in ui.for_view(articles.facets).items():
        if not facet.empty:
            ui.facet(wording.facet_title(name), facet)

with results:
    # the sort, page and view come from the URL through state.read_url, never as defaults
    order = st.selectbox("Sort", list(SORTS), format_func=urlstate.ORDERS.get, key=state.ORDER)
    sort, descending = SORTS[order]
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    if not 1 <= st.session_state.get(state.PAGE, 1) <= pages:
        st.session_state[state.PAGE] = min(max(st.session_state.get(state.PAGE, 1), 1), pages)
    shown, total = ui.for_view(
        articles.table_page,
        sort=sort,
        descending=descending,
        page=st.session_state[state.PAGE],
        page_size=PAGE_SIZE,
        text=filters.text,
    )
    st.markdown(f"**{wording.plural(total, 'article')}** match.")
    view = st.segmented_control(
        "Show as",
        list(urlstate.VIEWS),
        format_func=urlstate.VIEWS.get,
        key=state.VIEW,
        required=True,
    )
    if view == "table":
        st.dataframe(
            shown,
            hide_index=True,
            width="stretch",
            column_order=[schema.TITLE, frames.DATE, schema.DATE_BASIS, schema.THEMES],
            column_config={
                schema.TITLE: "Title",
                frames.DATE: "Published",
                schema.DATE_BASIS: "Date",
                schema.THEMES: st.column_config.ListColumn("Themes"),
            },
            key="results_table",
            on_select=lambda: _open(shown),
            selection_mode="single-row",
        )
        st.caption("Select a row to see the whole article above.")
    else:
        for item in shown.to_dict("records"):
            ui.result_card(item, filters.text)
    if pages > 1:
        st.pagination(pages, key=state.PAGE)
    st.download_button(
        f"Download the {wording.plural(total, 'matching article')} (CSV)",
        # streamed from Arrow in the order shown; runs when clicked, outside the script run
        lambda: export.articles_csv(
            corpus, rows, sort=sort, descending=descending, text=filters.text
        ),
        file_name="articles.csv",
        mime="text/csv",
        icon=":material/download:",
    )
