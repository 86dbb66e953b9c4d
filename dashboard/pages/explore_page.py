"""Explore: search and browse the articles; every article's detail is one click away."""

import components as ui
import pandas as pd
import state
import story_parts
import streamlit as st

from insights import schema
from insights.corpus import articles, export, wording
from insights.corpus.columns import RELEVANCE

ORDERS = {
    "newest": (schema.PUBLISHED, True, "Newest first"),
    "oldest": (schema.PUBLISHED, False, "Oldest first"),
    "relevance": (RELEVANCE, True, "Best match"),
    "title": (schema.TITLE, False, "Title A–Z"),
}
PAGE_SIZE = 10


def _open(shown: pd.DataFrame) -> None:
    # A callback, so the article opens in this same run.
    picked = st.session_state.results_table.selection.rows
    if picked:
        st.query_params[state.ARTICLE_PARAM] = shown.iloc[picked[0]][schema.ARTICLE_ID]


corpus = state.corpus()
filters = state.filters(corpus)
rows = corpus.select(filters)
st.title("Explore the articles")

opened = st.query_params.get(state.ARTICLE_PARAM)
if opened and (detail := articles.article(corpus, opened)):
    with st.container(border=True):
        ui.article_detail(detail)
        story_parts.related_articles(corpus, opened)
        st.page_link(state.EXPLORE_PAGE, label="Close", icon=":material/close:")

if len(rows) == 0:
    ui.nothing_found()
    st.stop()

story_parts.search_histogram(corpus, rows, filters)
results, counts = st.columns([2, 1], gap="large")
with counts:
    st.markdown("**Matching articles by**")
    for name, facet in articles.facets(corpus, rows).items():
        if not facet.empty:
            ui.facet(wording.facet_title(name), facet)

with results:
    order = st.selectbox(
        "Sort",
        list(ORDERS),
        index=2 if filters.text else 0,
        format_func=lambda key: ORDERS[key][2],
        key="order",
        bind="query-params",
    )
    sort, descending, _ = ORDERS[order]
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    shown, total = articles.table_page(
        corpus,
        rows,
        sort=sort,
        descending=descending,
        page=min(st.session_state.get("page", 1), pages),
        page_size=PAGE_SIZE,
        text=filters.text,
    )
    st.markdown(f"**{wording.plural(total, 'article')}** match.")
    view = st.segmented_control("Show as", ["Cards", "Table"], default="Cards", required=True)
    if view == "Table":
        st.dataframe(
            shown,
            hide_index=True,
            width="stretch",
            column_order=[schema.TITLE, schema.PUBLISHED, schema.DATE_BASIS, schema.THEMES],
            column_config={
                schema.TITLE: "Title",
                schema.PUBLISHED: st.column_config.DateColumn("Published", format="D MMM YYYY"),
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
        st.pagination(pages, key="page")
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
