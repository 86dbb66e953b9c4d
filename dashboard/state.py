"""The dashboard's state: where the dataset is, the one cache, and the shared filters.

The filter widgets live in `app.py`; their keys are the URL parameters they are bound to:

    ?theme=County+lines&theme=Online+abuse&q="county lines" -police
    &dates=2018-01-01&dates=2018-06-30&entity=Barnardo's&basis=stated
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

import streamlit as st

from insights import events, serving, store
from insights.corpus import Corpus, Filters

REPO = Path(__file__).resolve().parents[1]
# See app.py for why page files end in _page.py.
EXPLORE_PAGE = "pages/explore_page.py"
GALLERY_PAGE = "pages/gallery_page.py"
DATASET_ENV = "INSIGHTS_DATASET"

# Widget keys, which are also the URL parameter names.
THEME = "theme"
TEXT = "q"
DATES = "dates"
ENTITY = "entity"
BASIS = "basis"
PUBLISHER = "publisher"  # shown only when the dataset has two or more publishers
PRESENTER = "presenter"  # the toggle; the URL flag is `present=1`, kept in sync by app.py
PRESENT_PARAM = "present"
ARTICLE_PARAM = "article"  # Explore opens this article's detail
# A link cannot change a bound filter that an open session already holds, so links that set
# filters use these one-shot parameters; app.py applies them before the widgets exist:
#     explore?show_theme=County+lines&show_from=2018-04-19&show_to=2018-10-18
SHOW_THEME, SHOW_FROM, SHOW_TO = "show_theme", "show_from", "show_to"


def dataset_path() -> Path:
    """INSIGHTS_DATASET or data/articles.parquet, relative to the repo root, not the cwd."""
    path = Path(os.environ.get(DATASET_ENV) or store.DEFAULT_DATASET)
    return path if path.is_absolute() else REPO / path


@st.cache_resource(max_entries=1, show_spinner="Reading the articles…")
def _load(path: str, mtime_ns: int) -> Corpus:
    # Keyed by mtime so a rebuilt dataset is picked up; max_entries=1 drops the old one.
    return serving.load(Path(path))


def corpus() -> Corpus:
    """The dataset as a read-only corpus, shared by every session.

    Raises:
        store.DatasetError: one line saying what is wrong and the command that builds it.
    """
    path = dataset_path()
    try:
        mtime_ns = path.stat().st_mtime_ns
    except OSError:
        raise store.DatasetError(f"no dataset at {path}: {store.build_hint(path)}") from None
    return _load(str(path), mtime_ns)


@st.cache_resource(max_entries=1)
def _events(path: str, mtime_ns: int) -> list[events.Event]:
    return events.load_events(path)


def event_calendar() -> tuple[list[events.Event], str]:
    """The events drawn on the timeline, and a one-line problem when they cannot be read."""
    try:
        path = events.DEFAULT_EVENTS
        return _events(str(path), path.stat().st_mtime_ns), ""
    except (OSError, events.EventsError) as exc:
        return [], str(exc)


def presenting() -> bool:
    return bool(st.session_state.get(PRESENTER, False))


def filters(corpus: Corpus) -> Filters:
    """The sidebar's filters as one value for `Corpus.select`.

    The full date range means "any date", so undated articles stay in.
    """
    dates = tuple(st.session_state.get(DATES) or ())
    if dates == tuple(corpus.date_bounds()):
        dates = ()
    start: date | None = dates[0] if len(dates) > 0 else None
    end: date | None = dates[1] if len(dates) > 1 else None
    return Filters(
        themes=tuple(st.session_state.get(THEME) or ()),
        start=start,
        end=end,
        text=(st.session_state.get(TEXT) or "").strip(),
        entities=tuple(st.session_state.get(ENTITY) or ()),
        bases=tuple(st.session_state.get(BASIS) or ()),
        publishers=tuple(st.session_state.get(PUBLISHER) or ()),
    )


def show_only_theme(theme: str) -> None:
    """A callback: filter every page to one theme (callbacks may set bound widget values)."""
    st.session_state[THEME] = [theme]


def filter_link(theme: str, start: date, end: date) -> dict[str, str]:
    """Query parameters for a link that opens a page filtered to one theme and dates."""
    return {SHOW_THEME: theme, SHOW_FROM: start.isoformat(), SHOW_TO: end.isoformat()}


def apply_filter_link(bounds: tuple[date | None, date | None]) -> None:
    """Move a filter link's one-shot parameters into the filters (before they are created).

    Dates are clamped to the dataset's `bounds`, which the date filter cannot leave.
    """
    params = st.query_params
    if SHOW_THEME not in params:
        return
    st.session_state[THEME] = params.get_all(SHOW_THEME)
    lo, hi = bounds
    # a link without (valid) dates keeps the dates filter as it is
    with contextlib.suppress(KeyError, ValueError, TypeError):
        start = max(date.fromisoformat(params[SHOW_FROM]), lo)
        end = min(date.fromisoformat(params[SHOW_TO]), hi)
        if start <= end:
            st.session_state[DATES] = (start, end)
    for name in (SHOW_THEME, SHOW_FROM, SHOW_TO):
        params.pop(name, None)
