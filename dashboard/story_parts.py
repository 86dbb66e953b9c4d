"""Page pieces for finding the story: the counts/share toggle, related articles, the search
histogram, representative articles and "what changed" in either measure.

Every text from the articles is shown through literal.py (escaped, then marked); the data
work is in insights.story.
"""

from __future__ import annotations

from typing import Any

import components as ui
import literal
import pandas as pd
import state
import streamlit as st

from insights import schema
from insights.corpus import Corpus, Filters, when
from insights.corpus.frames import PERIOD
from insights.story import charts, matches, measure, related, representative
from insights.story import wording as story_wording

MEASURE_PARAM = "measure"  # ?measure=share


def measure_toggle(key: str = MEASURE_PARAM) -> str:
    """Counts or share of all articles, bound to ?measure= (counts is the default)."""
    if st.query_params.get(key) not in (*measure.MEASURES, None):
        st.query_params.pop(key, None)  # an unknown value falls back to counts
    # Bound options travel in the URL as their labels, so the labels are the URL values.
    chosen = st.segmented_control(
        "Show articles as",
        measure.MEASURES,
        default=measure.COUNTS,
        key=key,
        bind="query-params",
        required=True,
        help="counts: articles per period. share: of all articles published in the period, so "
        "a busy period does not look like a rise.",
    )
    return measure.measure_of(chosen)


def related_articles(corpus: Corpus, article_id: str) -> None:
    """The five articles most like this one, each with the key words they share."""
    row = related.row_of(corpus, article_id)
    if row is None:
        return
    found = related.related_articles(corpus, row)
    st.markdown("**Related articles**")
    if found.empty:
        st.caption("No other article shares this article's key words.")
        return
    st.caption(story_wording.related_summary(found))
    for item in found.to_dict("records"):
        ui.article_link(item[schema.ARTICLE_ID], item[schema.TITLE], when.article_date(item))
        literal.text(story_wording.shared_words_line(item[related.SHARED]), caption=True)
    with st.expander("Data behind this list"):
        st.dataframe(found, hide_index=True, width="stretch")


def _narrow_to_clicked(period: Any, bounds: tuple) -> None:
    # A callback: it runs before the rerun, so it may set the sidebar's bound date filter.
    picked = st.session_state["explore_matches"].selection.get(PERIOD, [])
    if picked:
        chosen = matches.clicked_dates(period, pd.Timestamp(picked[0][PERIOD], unit="ms"), bounds)
        if chosen:
            st.session_state[state.DATES] = chosen


def search_histogram(corpus: Corpus, rows: Any, filters: Filters) -> None:
    """Matching articles per period above the results; a click narrows the date filter."""
    period, frame = matches.matches_over_time(corpus, rows, filters.publishers)
    if frame.empty:
        return
    chosen = measure_toggle()
    bounds = corpus.date_bounds()
    ui.chart(
        charts.matches_over_time(frame, period=period, measure=chosen),
        summary=story_wording.matches_over_time_summary(frame, period, chosen),
        data=frame,
        key="explore_matches",
        on_select=(lambda: _narrow_to_clicked(period, bounds)) if all(bounds) else "ignore",
    )


def phrase_marked(text: str, phrases: list[str]) -> str:
    """HTML of `text` (escaped) with every evidence phrase marked."""
    return literal.marked(text, representative.phrase_spans(text, phrases))


def representative_articles(corpus: Corpus, rows: Any) -> None:
    """Per theme, the three articles that carry the most of its evidence phrases."""
    found = representative.representative_articles(corpus, rows)
    if found.empty:
        st.info("No article in this selection carries a theme's phrases.")
        return
    literal.text(story_wording.representative_summary(found))
    for theme, group in found.groupby(representative.THEME, sort=False):
        with st.expander(literal.label(f"{theme} · {len(group)} articles")):
            for item in group.to_dict("records"):
                phrases = list(item[representative.PHRASES])
                literal.html_text(phrase_marked(item[schema.TITLE], phrases), strong=True)
                literal.html_text(phrase_marked(item[schema.SUMMARY], phrases))
                literal.text(story_wording.representative_line(phrases), caption=True)
    with st.expander("Data behind these articles"):
        st.dataframe(found.drop(columns=[schema.SUMMARY]), hide_index=True, width="stretch")


def change(item: measure.ChangeOfShare, chosen: str) -> None:
    """One "what changed" sentence in the chosen measure, and the link to its articles."""
    ui.change(item.change, sentence=story_wording.change_sentence(item, chosen))
