"""The dashboard's state: where the dataset is, the one cache, the filters and the URL.

The filter widgets live in `app.py`; their keys are the URL parameters they are bound to
(Streamlit keeps those in the URL). The pages' own choices (sort, page, cards or table, the
open article, the timeline's period) are kept in the URL here, with the stable values of
`insights.urlstate`, so that a link, Back and Forward all show the same view:

    ?theme=County+lines&theme=Online+abuse&q="county lines" -police
    &dates=2018-01-01&dates=2018-06-30&entity=Barnardo's&basis=stated&order=oldest&page=2
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from insights import chart_cache, events, schema, serving, store, urlstate
from insights.corpus import Corpus, Filters

REPO = Path(__file__).resolve().parents[1]
# See app.py for why page files end in _page.py.
EXPLORE_PAGE = "pages/explore_page.py"
GALLERY_PAGE = "pages/gallery_page.py"
DATASET_ENV = "INSIGHTS_DATASET"

# Widget keys, which are also the URL parameter names.
THEME, TEXT, DATES, ENTITY, BASIS = (
    urlstate.THEME,
    urlstate.TEXT,
    urlstate.DATES,
    urlstate.ENTITY,
    urlstate.BASIS,
)
PUBLISHER = urlstate.PUBLISHER  # shown only when the dataset has two or more publishers
# The pages' own choices: widget keys (or, for the article, a plain value) kept in the URL here.
ORDER, PAGE, VIEW, PER, PERIOD = (
    urlstate.ORDER,
    urlstate.PAGE,
    urlstate.VIEW,
    urlstate.PER,
    urlstate.PERIOD,
)
_SEEN = "_url_seen"  # the pages' part of the URL as this session last wrote or read it
_NOTICES = "_url_notices"  # (lines about values that were ignored, the URL they belong to)
_SEEN_BEFORE = "_url_seen_before"  # _SEEN as the run began
_CLICKED, _FIRST_PERIOD = "_timeline_clicked", "_timeline_first_period"
PRESENTER = "presenter"  # the toggle; the URL flag is `present=1`, kept in sync by app.py
PRESENT_PARAM = "present"
ARTICLE_PARAM = urlstate.ARTICLE  # Explore opens this article's detail
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
    path = events.DEFAULT_EVENTS
    try:
        return _events(str(path), path.stat().st_mtime_ns), ""
    except OSError as exc:
        return [], f"cannot read {path.name} ({exc.strerror or type(exc).__name__})"
    except events.EventsError as exc:  # names the file and line, never the server's folders
        return [], shown_path(str(exc), path)


def shown_path(message: str, path: Path) -> str:
    """`message` with `path` as a viewer may see it: from the repository folder when it is
    inside it ('data/articles.parquet'), else by its file name; never the server's folders."""
    path = Path(path)
    try:
        shown = str(path.resolve().relative_to(REPO))
    except ValueError:
        shown = path.name
    return message.replace(str(path.resolve()), shown).replace(str(path), shown)


def date_bounds(corpus: Corpus) -> tuple[date | None, date | None]:
    """corpus.date_bounds(), a scan of every article's date, once per dataset (chart_cache)."""
    return chart_cache.cached(corpus, "date_bounds", corpus.date_bounds)


def presenting() -> bool:
    return bool(st.session_state.get(PRESENTER, False))


def filters(corpus: Corpus) -> Filters:
    """The sidebar's filters as one value for `Corpus.select`.

    No date filter is no value (not the dataset's range), so a rebuilt dataset with more
    dates shows them all and undated articles stay in.
    """
    dates = tuple(st.session_state.get(DATES) or ())
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


def vocabulary(corpus: Corpus) -> urlstate.Vocabulary:
    return urlstate.Vocabulary(
        themes=corpus.themes,
        entities=corpus.entity_options(),
        bases=schema.DATE_BASES,
        kinds=schema.STAT_KINDS,
        publishers=corpus.publishers()[0],
    )


def read_url(corpus: Corpus) -> None:
    """Before any widget: bring the URL and the session's filters in line with the dataset.

    The URL's pages' part is read into the session when it changed from outside (a link,
    Back or Forward, an address typed by hand); filter values the dataset no longer has (a
    rebuild, an old link) are dropped. Each value dropped or not understood is one notice.
    """
    view = urlstate.parse(_query(), vocabulary(corpus))
    notices = list(view.notices)
    notices += _keep_known(corpus) + _dates_inside(corpus, view.dates)
    own = _own(urlstate.serialise(view))
    # changed from outside: all of it; else only what a page left behind (its widgets' keys
    # go when the page is not shown)
    st.session_state[_SEEN_BEFORE] = st.session_state.get(_SEEN)
    _seed(view, every=own != st.session_state[_SEEN_BEFORE])
    st.session_state[_SEEN] = own
    _, at = st.session_state.get(_NOTICES, ((), None))
    if notices:  # a value both in the URL and in the session is one notice
        st.session_state[_NOTICES] = (tuple(dict.fromkeys(notices)), None)
    elif at != _query():
        st.session_state.pop(_NOTICES, None)


def notices() -> tuple[str, ...]:
    """What this view ignored from its link or the session, one line each."""
    return st.session_state.get(_NOTICES, ((), None))[0]


def write_url() -> None:
    """After the page: put the pages' own choices into the URL (one history entry).

    Only a choice that differs from what the URL says is written: an old spelling or a bad
    value stays as it is (it means the default), so Back never lands on a page that
    rewrites its own address and traps the viewer there.
    """
    own = _own(urlstate.serialise(current_view()))
    now = _own(_query())
    if own != _own(urlstate.serialise(urlstate.parse(_query()))):
        wanted = dict(own)
        for key in {k for k, _ in now} - set(wanted):
            del st.query_params[key]
        st.query_params.update(wanted)
    elif own != st.session_state.get(_SEEN_BEFORE):
        # A page link to this same page changes the view but not the address bar; saying
        # the URL again puts it there (the browser adds no entry when it already shows it).
        st.query_params.update({})
    st.session_state[_SEEN] = own
    if _NOTICES in st.session_state:
        st.session_state[_NOTICES] = (st.session_state[_NOTICES][0], _query())


def current_view() -> urlstate.View:
    """What is on screen: the URL's filters and the pages' choices as the session holds them."""
    view = urlstate.parse(_query())
    period = st.session_state.get(PERIOD)
    if period is not None and period == st.session_state.get(_FIRST_PERIOD):
        period = None  # the first period is the default: links leave it out
    return urlstate.replace(
        view,
        order=st.session_state.get(ORDER),
        page=int(st.session_state.get(PAGE) or 1),
        view=st.session_state.get(VIEW) or urlstate.DEFAULT_VIEW,
        article=st.session_state.get(ARTICLE_PARAM),
        per=st.session_state.get(PER) or urlstate.DEFAULT_PER,
        period=pd.Timestamp(period).date() if period is not None else None,
    )


def choose_period(starts: list[pd.Timestamp], clicked: list[pd.Timestamp]) -> None:
    """Before the timeline's period list: a new click on a bar picks its period; a period
    from another length or dataset, or none, becomes the first one."""
    if clicked and clicked[0] in starts and clicked[0] != st.session_state.get(_CLICKED):
        st.session_state[PERIOD] = clicked[0]
    elif st.session_state.get(PERIOD) not in starts:
        st.session_state[PERIOD] = starts[0]
    st.session_state[_CLICKED] = clicked[0] if clicked else None
    st.session_state[_FIRST_PERIOD] = starts[0]


def link(**changes: object) -> list[tuple[str, str]]:
    """Query pairs for a link to this view with `changes` (e.g. `article=…`, `page=1`)."""
    return urlstate.serialise(urlstate.replace(current_view(), **changes))


def _seed(view: urlstate.View, *, every: bool) -> None:
    # Pages' widgets take these values when they are created (never passed as defaults).
    values = {
        ORDER: view.order or urlstate.default_order(view.text),
        PAGE: view.page,
        VIEW: view.view,
        ARTICLE_PARAM: view.article,
        PER: view.per,
        PERIOD: pd.Timestamp(view.period) if view.period else None,
    }
    for key, value in values.items():
        if every or key not in st.session_state:
            st.session_state[key] = value


def _keep_known(corpus: Corpus) -> list[str]:
    """Drop filter values the session holds that the dataset does not have (after a rebuild)."""
    out = []
    vocabulary_ = vocabulary(corpus)
    for param, _, known, what in urlstate.FILTERS:
        held = st.session_state.get(param)
        if not held:
            continue
        kept, dropped = urlstate.known_values(held, getattr(vocabulary_, known))
        if dropped:
            st.session_state[param] = list(kept)
            out += [urlstate.ignored(what, value, "is not in this dataset") for value in dropped]
    return out


def _dates_inside(corpus: Corpus, linked: tuple[date, ...]) -> list[str]:
    """Dates the date filter cannot hold (it keeps to the dataset's range; Streamlit would
    drop them unsaid) are moved inside it, or dropped when they miss it; one notice each."""
    lo, hi = date_bounds(corpus)
    dates = linked or tuple(st.session_state.get(DATES) or ())
    if not (dates and lo and hi) or all(lo <= day <= hi for day in dates):
        return []
    shown = " to ".join(day.isoformat() for day in dates)
    if dates[0] > hi or dates[-1] < lo:
        st.session_state[DATES] = ()
        return [urlstate.ignored("dates", shown, f"are outside this dataset ({lo} to {hi})")]
    st.session_state[DATES] = tuple(min(max(day, lo), hi) for day in dates)
    return [f"Dates {shown} moved inside this dataset's range, {lo} to {hi}."]


_OWN = {ORDER, PAGE, VIEW, ARTICLE_PARAM, PER, PERIOD}


def _own(query: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted((k, v) for k, v in query if k in _OWN)


def _query() -> list[tuple[str, str]]:
    params = st.query_params
    return [(key, value) for key in params for value in params.get_all(key)]


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
