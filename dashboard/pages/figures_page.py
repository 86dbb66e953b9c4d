"""Key figures: every quoted statistic as a card and in a table, with its sentence and source."""

import components as ui
import literal
import state
import streamlit as st

from insights import schema
from insights.corpus import export, figures, frames, wording

CARDS = 24  # more than this many cards stop being readable; the table has them all

corpus = state.corpus()
st.title("Key figures")
st.caption("Every number the articles quote. Narrow them with the sidebar's filters.")
kinds = st.multiselect(
    "Kind of figure",
    schema.STAT_KINDS,
    key="kind",
    bind="query-params",
    placeholder="All kinds",
)
table = ui.for_view(figures.statistics_table, tuple(kinds))
if table.empty:
    ui.nothing_found("quoted figures")
    st.stop()

st.markdown(f"**{wording.plural(len(table), 'figure')}**, newest article first.")
columns = st.columns(1 if state.presenting() else 2)
for i, figure in enumerate(table.head(CARDS).to_dict("records")):
    with columns[i % len(columns)].container(border=True):
        literal.heading(figure[frames.HEADING])
        spans = figures.phrase_spans(figure)
        literal.html_text(f"“{literal.marked(figure[schema.STAT_SENTENCE], spans)}”")
        ui.article_link(figure[schema.ARTICLE_ID], figure[schema.TITLE], figure[frames.DATE])
        ui.cite(figure)
if len(table) > CARDS:
    st.caption(f"The first {CARDS} figures are shown as cards; the table below has all.")

st.header("All figures")
st.dataframe(
    table.drop(columns=[schema.ARTICLE_ID]),
    hide_index=True,
    width="stretch",
    column_order=[
        frames.HEADING,
        schema.STAT_PHRASE,
        schema.STAT_SENTENCE,
        schema.TITLE,
        frames.DATE,
        schema.DATE_BASIS,
        schema.URL,
        schema.STAT_KIND,
        schema.STAT_VALUE,
        schema.STAT_QUALIFIER,
        schema.STAT_COUNTED,
    ],
    column_config={
        frames.HEADING: "Figure",
        schema.STAT_PHRASE: "As written",
        schema.STAT_SENTENCE: "Sentence",
        schema.TITLE: "Article",
        frames.DATE: "Published",
        schema.DATE_BASIS: "Date basis",
        schema.URL: st.column_config.LinkColumn("Address"),
    },
)
st.download_button(
    "Download these figures (CSV)",
    lambda: export.figures_csv(table),  # when clicked, not on every run
    file_name="key-figures.csv",
    mime="text/csv",
    icon=":material/download:",
)
