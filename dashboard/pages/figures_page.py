"""Key figures: every quoted statistic as a card and in a table, with its sentence and source."""

import components as ui
import state
import streamlit as st

from insights import query, schema

CARDS = 24  # more than this many cards stop being readable; the table has them all

corpus = state.corpus()
rows = corpus.select(state.filters(corpus))
st.title("Key figures")
st.caption("Every number the articles quote. Narrow them with the sidebar's filters.")
kinds = st.multiselect(
    "Kind of figure",
    schema.STAT_KINDS,
    key="kind",
    bind="query-params",
    placeholder="All kinds",
)
figures = query.statistics_table(corpus, rows, kinds)
if figures.empty:
    ui.nothing_found("quoted figures")
    st.stop()

st.markdown(f"**{ui.plural(len(figures), 'figure')}**, newest article first.")
columns = st.columns(1 if state.presenting() else 2)
for i, figure in enumerate(figures.head(CARDS).to_dict("records")):
    with columns[i % len(columns)].container(border=True):
        st.markdown(f"### {ui.escape_markdown(figure[query.HEADING])}")
        sentence = figure[schema.STAT_SENTENCE]
        at = sentence.find(figure[schema.STAT_PHRASE])
        spans = [(at, at + len(figure[schema.STAT_PHRASE]))] if at >= 0 else []
        st.markdown(f"“{ui.highlighted(sentence, spans)}”")
        when = ui.date_label(figure[schema.PUBLISHED], figure[schema.DATE_BASIS], "day")
        ui.article_link(figure[schema.ARTICLE_ID], figure[schema.TITLE], when)
if len(figures) > CARDS:
    st.caption(f"The first {CARDS} figures are shown as cards; the table below has all.")

st.subheader("All figures")
st.dataframe(
    figures.drop(columns=[schema.ARTICLE_ID]),
    hide_index=True,
    width="stretch",
    column_order=[
        query.LABEL,
        schema.STAT_PHRASE,
        schema.STAT_SENTENCE,
        schema.TITLE,
        schema.PUBLISHED,
        schema.DATE_BASIS,
        schema.STAT_KIND,
        schema.STAT_VALUE,
        schema.STAT_QUALIFIER,
        schema.STAT_COUNTED,
    ],
    column_config={
        query.LABEL: "Figure",
        schema.STAT_PHRASE: "As written",
        schema.STAT_SENTENCE: "Sentence",
        schema.TITLE: "Article",
        schema.PUBLISHED: st.column_config.DateColumn("Published", format="D MMM YYYY"),
        schema.DATE_BASIS: "Date basis",
    },
)
st.download_button(
    "Download these figures (CSV)",
    query.to_csv(figures),
    file_name="key-figures.csv",
    mime="text/csv",
    icon=":material/download:",
)
