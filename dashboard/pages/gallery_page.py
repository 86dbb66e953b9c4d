"""Chart gallery: every chart the dashboard draws, on this dataset, with the code behind it."""

import components as ui
import state
import streamlit as st

from insights import chart_gallery

corpus = state.corpus()
st.title("Chart gallery")
st.caption(
    "Every chart function in `insights.charts`, drawn on the whole dataset (the sidebar's "
    "filters do not apply here), each from a small example you can copy."
)
for name, example in chart_gallery.EXAMPLES.items():
    st.header(chart_gallery.title(example))
    ui.figure_element(example(corpus), key=f"gallery_{name}", alt=chart_gallery.title(example))
    with st.expander("Code"):
        st.code(chart_gallery.source(example), language="python")
