"""Explore: search and browse the articles; every article's detail is one click away."""

import components as ui
import state
import streamlit as st

from insights import query, schema, search

ORDERS = {
    "newest": ("published", True, "Newest first"),
    "oldest": ("published", False, "Oldest first"),
    "relevance": ("relevance", True, "Best match"),
    "title": ("title", False, "Title A–Z"),
}
PAGE_SIZE = 10

corpus = state.corpus()
filters = state.filters(corpus)
rows = corpus.select(filters)
st.title("Explore the articles")

opened = st.query_params.get(state.ARTICLE_PARAM)
if opened and (detail := query.article(corpus, opened)):
    with st.container(border=True):
        ui.article_detail(detail)

if len(rows) == 0:
    ui.nothing_found()
    st.stop()

results, counts = st.columns([3, 1], gap="large")
with counts:
    st.markdown("**Matching articles by**")
    for name, facet in query.facets(corpus, rows).items():
        if not facet.empty:
            st.dataframe(
                facet,
                hide_index=True,
                width="stretch",
                column_config={query.VALUE: name.replace("_", " ").capitalize()},
            )

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
    shown, total = query.table_page(
        corpus,
        rows,
        sort=sort,
        descending=descending,
        page=min(st.session_state.get("page", 1), pages),
        page_size=PAGE_SIZE,
        text=filters.text,
    )
    st.markdown(f"**{ui.plural(total, 'article')}** match.")
    for item in shown.to_dict("records"):
        title = item[schema.TITLE]
        when = ui.date_label(
            item[schema.PUBLISHED], item[schema.DATE_BASIS], item[schema.DATE_PRECISION]
        )
        with st.container(border=True):
            st.markdown(f"**{ui.highlighted(title, search.highlight_spans(title, filters.text))}**")
            summary = item[schema.SUMMARY]
            st.markdown(ui.highlighted(summary, search.highlight_spans(summary, filters.text)))
            st.page_link(
                "pages/explore.py",
                label=f"Details · {ui.escape_markdown(when)}",
                icon=":material/open_in_full:",
                query_params={state.ARTICLE_PARAM: item[schema.ARTICLE_ID]},
            )
    if pages > 1:
        st.pagination(pages, key="page")
    st.download_button(
        f"Download all {ui.plural(total, 'matching article')} (CSV)",
        lambda: query.to_csv(query.table_page(corpus, rows, page_size=len(rows))[0]),
        file_name="articles.csv",
        mime="text/csv",
        icon=":material/download:",
    )
