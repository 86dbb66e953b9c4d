"""Themes: articles per theme, share over time, which themes go together, and why."""

import components as ui
import state
import streamlit as st

from insights import charts, query

corpus = state.corpus()
rows = corpus.select(state.filters(corpus))
st.title("Themes")
counts = query.theme_counts(corpus, rows)
if counts.empty:
    ui.nothing_found("themed articles")
    st.stop()


def _filter_to_clicked() -> None:
    # Runs before the rerun, so it may set the sidebar's bound theme filter.
    points = st.session_state["themes_counts"].selection.get("points", [])
    if points:
        state.show_only_theme(points[0]["y"])


st.subheader("Articles per theme")
top = counts.iloc[0]
ui.chart(
    charts.theme_counts(counts),
    summary=f"{top[query.THEME]} is the commonest theme, in "
    f"{ui.plural(int(top[query.ARTICLES]), 'article')} ({top[query.SHARE]:.0%}); an article can "
    "have several themes. Click a bar to show only that theme on every page.",
    data=counts,
    key="themes_counts",
    on_select=_filter_to_clicked,
)

st.subheader("Each theme's share over time")
share = query.theme_share_over_time(corpus, rows, "quarter")
if not share.empty:
    ui.chart(
        charts.theme_share(share, colours=corpus.theme_colours),
        summary="Each panel is one theme's share of each quarter's dated articles; an article "
        "can have several themes, so the shares add up to more than 100%.",
        data=share,
        key="themes_share",
    )

st.subheader("Themes that appear together")
pairs = query.theme_cooccurrence(corpus, rows)
together = query.top_theme_pair(pairs)
ui.chart(
    charts.theme_cooccurrence(pairs, order=list(counts[query.THEME])),
    summary=(
        f"{together[0]} and {together[1]} appear together most often, in "
        f"{ui.plural(together[2], 'article')}; the diagonal counts each theme on its own."
        if together
        else "No article in this selection has two themes; the diagonal counts each theme."
    ),
    data=pairs,
    key="themes_pairs",
)

st.subheader("What puts an article in a theme")
theme = st.selectbox("Theme", list(counts[query.THEME]), key="phrases_theme")
st.button(
    f"Show only {theme} on every page",
    on_click=state.show_only_theme,
    args=(theme,),
    icon=":material/filter_alt:",
)
phrases = query.theme_phrases(corpus, rows, theme)
if phrases.empty:
    st.info(f"No phrase evidence is recorded for {theme} in these articles.")
    st.stop()
st.dataframe(
    phrases[[query.PHRASE, query.ARTICLES]],
    hide_index=True,
    width="stretch",
    column_config={
        query.PHRASE: "Phrase found in the text",
        query.ARTICLES: st.column_config.ProgressColumn(
            "Articles", format="%d", max_value=int(phrases[query.ARTICLES].max())
        ),
    },
)
