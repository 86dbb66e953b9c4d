"""The presenter deck (`?present=1`): one slide per screen, no sidebar, large type.

The slides come from `insights.deck`; this lays one out and moves between them. The slide is
in the URL (`?present=1&slide=3`), so a link opens the same slide, and the sidebar's filters
(hidden, but still bound to the URL) still choose the articles:

    → PageDown Space   next slide        ← PageUp   previous slide        Esc   leave the deck

Keys are Streamlit button shortcuts (one key per button; the extra keys are buttons kept out
of sight), so keyboard, clicker and on-screen buttons run the same callbacks.
"""

from __future__ import annotations

import components as ui
import literal
import state
import streamlit as st

from insights import deck, urlstate
from insights.corpus import Corpus

SLIDE_PARAM = urlstate.SLIDE
CSS = """
<style>
/* no sidebar: one idea per screen; its filters stay bound to the URL */
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"] { display: none !important; }
.stApp [data-testid="stMainBlockContainer"] { padding: 4.25rem 3rem 1rem; max-width: none; }
.stApp [data-testid="stMain"] p, .stApp [data-testid="stMain"] li,
.stApp [data-testid="stMain"] button p { font-size: 28px; line-height: 1.35; }
.stApp [data-testid="stMain"] h1 {
  font-size: 44px; font-weight: 700; line-height: 1.1; margin: 0; padding: 0 0 0.2rem;
}
.stApp .st-key-deck_filters p { font-size: 24px; }
.stApp .st-key-deck_lines p { font-size: 36px; font-weight: 600; }
.stApp .st-key-deck_controls button span, .stApp .st-key-deck_controls kbd { font-size: 24px; }
.stApp .st-key-deck_keys { display: none; }
</style>
"""


def slide_number() -> int:
    """The slide the URL asks for (1-based); 1 when it names none or not a number."""
    asked = [(SLIDE_PARAM, value) for value in st.query_params.get_all(SLIDE_PARAM)]
    return urlstate.parse(asked).slide or 1


def _go(number: int) -> None:
    st.query_params[SLIDE_PARAM] = str(number)


def _leave() -> None:
    # app.py drops `present` from the URL once the toggle is off
    st.session_state[state.PRESENTER] = False
    st.query_params.pop(SLIDE_PARAM, None)


def show(corpus: Corpus) -> None:
    """The deck for the current filters, at the slide the URL names."""
    filters = state.filters(corpus)
    slides = deck.slides(corpus, corpus.select(filters), filters)
    at = deck.clamp(slide_number(), len(slides))
    st.query_params[SLIDE_PARAM] = str(at)
    slide = slides[at - 1]
    st.html(CSS)
    # titles, sentences and filter values can hold source text: shown literally (literal.py)
    with st.container(key="deck_filters"):
        literal.text(deck.filters_line(filters))
    literal.heading(slide.title, level=1)
    if slide.lines:
        with st.container(key="deck_lines"):
            for line in slide.lines:
                literal.text(line)
    if slide.chart is not None:
        ui.figure_element(slide.chart, key=f"deck_{slide.kind}", alt=slide.sentence)
    literal.text(slide.sentence)
    _controls(at, len(slides))


def _controls(at: int, count: int) -> None:
    before, after = max(at - 1, 1), min(at + 1, count)
    with st.container(horizontal=True, vertical_alignment="center", key="deck_controls"):
        st.button(
            "Previous",
            icon=":material/arrow_back:",
            shortcut="Left",
            disabled=at == 1,
            on_click=_go,
            args=(before,),
            key="deck_previous",
        )
        st.markdown(f"Slide {at} of {count}")
        st.button(
            "Next",
            icon=":material/arrow_forward:",
            shortcut="Right",
            disabled=at == count,
            on_click=_go,
            args=(after,),
            key="deck_next",
        )
        st.button(
            "Leave the deck",
            icon=":material/close:",
            shortcut="Esc",
            on_click=_leave,
            key="deck_leave",
        )
    with st.container(key="deck_keys"):  # what clickers send, out of sight
        for key, number in (("PageDown", after), ("Space", after), ("PageUp", before)):
            st.button(key, shortcut=key, on_click=_go, args=(number,), key=f"deck_{key}")
