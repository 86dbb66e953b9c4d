"""Untagged and emerging: articles no theme caught, and suggested themes with taxonomy entries."""

import components as ui
import literal
import state
import streamlit as st

from insights.story import emerging
from insights.story import wording as story_wording

corpus = state.corpus()
rows = corpus.select(state.filters(corpus))
st.title("Untagged and emerging")

st.header("Articles with no theme")
untagged = emerging.untagged_rows(corpus, rows)
literal.text(story_wording.untagged_summary(len(untagged), len(rows)))
if len(untagged):
    ui.article_list(emerging.untagged_page(corpus, rows))

st.header("Suggested new themes")
with st.spinner("Finding recurring phrases in the untagged articles (once per dataset)…"):
    found = emerging.cached_suggestions(corpus)
literal.text(story_wording.suggestions_summary(found))
for suggestion in found.themes:
    with st.container(border=True):
        literal.text(suggestion.name, strong=True)
        literal.text(story_wording.suggestion_line(suggestion))
        for title in suggestion.examples:
            literal.text(f"Example: {title}", caption=True)
        st.code(suggestion.toml(), language="toml")
if found.themes:
    with st.expander("Data behind these suggestions"):
        st.dataframe(emerging.suggestions_frame(found), hide_index=True, width="stretch")
