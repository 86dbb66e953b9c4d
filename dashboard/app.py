"""News Insights: the frame around every page (page config, shared filters, navigation).

Run with `streamlit run dashboard/app.py`. The filters are created here, with keys bound to
the URL, so every page shares them and a link reproduces the view.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import a11y
import deck
import filterbar
import literal
import phone
import state
import streamlit as st

from insights import chart_style, schema, store, urlstate

# Page files are named <page>_page.py while their URLs are /<page>: Streamlit maps a file
# pages/timeline.py to /timeline by itself and would run it without this frame (no filters, no
# menu) when a deep link is the first request after the server starts.
PAGES = [
    st.Page(
        "pages/overview_page.py",
        title="Overview",
        icon=":material/dashboard:",
        url_path="overview",
        default=True,
    ),
    st.Page(
        "pages/timeline_page.py", title="Timeline", icon=":material/timeline:", url_path="timeline"
    ),
    st.Page("pages/themes_page.py", title="Themes", icon=":material/category:", url_path="themes"),
    st.Page(
        "pages/figures_page.py", title="Key figures", icon=":material/numbers:", url_path="figures"
    ),
    st.Page("pages/explore_page.py", title="Explore", icon=":material/search:", url_path="explore"),
    st.Page(
        "pages/publishers_page.py",
        title="Publishers",
        icon=":material/groups:",
        url_path="publishers",
    ),
    st.Page(
        "pages/emerging_page.py",
        title="Untagged and emerging",
        icon=":material/new_releases:",
        url_path="emerging",
    ),
    st.Page(
        "pages/about_page.py", title="About the data", icon=":material/info:", url_path="about"
    ),
    st.Page(
        "pages/gallery_page.py",
        title="Chart gallery",
        icon=":material/bar_chart:",
        url_path="gallery",
    ),
]

# ?present=1 opens the presenter deck; the toggle keeps the URL flag in step afterwards.
if state.PRESENTER not in st.session_state:
    st.session_state[state.PRESENTER] = st.query_params.get(state.PRESENT_PARAM) == "1"
presenting = st.session_state[state.PRESENTER]
chart_style.register()
# every chart of this run in this session's look; the browser reports its theme on load
chart_style.use(presenting, dark=st.context.theme.type == "dark")
st.set_page_config(
    page_title="News Insights",
    page_icon="📰",
    layout="wide",
    initial_sidebar_state="collapsed" if presenting else "auto",
)
page = st.navigation(PAGES)
st.html(phone.CSS)  # narrow screens: counts in one row, titles wrap, no toolbar over charts

try:
    corpus = state.corpus()
except store.DatasetError as exc:
    st.title("News Insights")
    path = state.dataset_path()
    problem = literal.label(state.shown_path(str(exc), path))  # a message, not Markdown
    st.error(f"The article dataset could not be read: {problem}", icon=":material/error:")
    st.markdown("Build it from the repository folder, then reload this page:")
    st.code(store.build_command(Path(state.shown_path(str(path), path))), language="bash")
    st.stop()

bounds = state.date_bounds(corpus)
state.apply_filter_link(bounds)
state.read_url(corpus)  # before the widgets: the link's choices, minus what no longer exists
with st.sidebar:
    presenting = st.toggle(
        "Presenter mode",
        key=state.PRESENTER,
        help="This view as slides: arrow keys or the buttons to move, Escape to leave.",
    )
    st.subheader("Filters")
    st.multiselect(
        "Themes", corpus.themes, key=state.THEME, bind="query-params", placeholder="All themes"
    )
    if all(bounds):
        st.date_input(
            "Published between",
            value=(),  # no date filter is no value, whatever the dataset's range
            min_value=bounds[0],
            max_value=bounds[1],
            key=state.DATES,
            bind="query-params",
            format="DD/MM/YYYY",
        )
    st.text_input(
        "Search",
        key=state.TEXT,
        bind="query-params",
        placeholder='e.g. "county lines" OR trafficking -police',
        help='Words must all appear; "quoted phrases" match exactly; OR between words '
        "matches either; a leading - leaves articles with that word out.",
    )
    st.multiselect(
        "Organisations, places, people",
        corpus.entity_options(),
        key=state.ENTITY,
        bind="query-params",
        placeholder="Anyone, anywhere",
    )
    publishers, _ = corpus.publishers()
    if len(publishers) >= 2:
        st.multiselect(
            "Publishers", publishers, key=state.PUBLISHER, bind="query-params", placeholder="All"
        )
    st.multiselect(
        "Date basis",
        schema.DATE_BASES,
        key=state.BASIS,
        bind="query-params",
        placeholder="Stated, inferred or curated",
        help="Stated: the text gives the date. Inferred: estimated from the listing order. "
        "Curated: set by hand.",
    )
    if presenting:
        st.query_params[state.PRESENT_PARAM] = "1"
    else:
        for name in (state.PRESENT_PARAM, urlstate.SLIDE):
            st.query_params.pop(name, None)
    link_slot = st.empty()  # filled after the page, which may change the view

st.html(a11y.CSS)
try:
    if presenting:
        deck.show(corpus)  # the deck stands in for the page, and names the filters itself
    else:
        filterbar.show()
        page.run()
finally:  # also after a page's st.stop()
    if not presenting:  # the deck leaves the pages' own choices in the URL as they were
        state.write_url()
    with (
        link_slot.container(),
        st.popover("Copy link to this view", icon=":material/link:", width="stretch"),
    ):
        # ?theme=A&theme=B: every value of every parameter, repeated keys kept
        params = [(k, v) for k in st.query_params for v in st.query_params.get_all(k)]
        link = (st.context.url or "") + (f"?{urlencode(params)}" if params else "")
        st.code(link, language=None, wrap_lines=True)
        st.caption("Use the copy button at the right of the link.")
