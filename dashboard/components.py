"""Pieces every page uses: a chart with its sentence and data, safe text, article cards, links.

Text from sources is shown through `literal` (HTML-escaped, never Markdown), so a title like
`<script>alert(1)</script> :streamlit:` shows literally; `escape_markdown` is for labels.
"""

from __future__ import annotations

import copy
import html
from collections.abc import Callable, Hashable
from datetime import date
from typing import Any, TypeVar

import altair as alt
import literal
import pandas as pd
import plotly.graph_objects as go
import state
import streamlit as st
from streamlit import dataframe_util

from insights import chart_cache, chart_style, schema, search
from insights.corpus import citing, frames, when, wording
from insights.corpus.timeline import Change

COUNTS_KEY = "counts"  # the headline numbers' container: phone.py keeps them in one row


escape_markdown = literal.label  # for widget labels; text goes through literal.text
highlighted = literal.marked  # HTML: show it with literal.html_text


def nothing_found(what: str = "articles") -> None:
    st.info(
        f"No {what} match these filters. Try removing a theme, clearing the search or "
        "widening the dates in the sidebar.",
        icon=":material/search_off:",
    )


T = TypeVar("T")
Figure = go.Figure | alt.TopLevelMixin
Drawn = go.Figure | dict[str, Any]  # what `shared_chart` keeps: a Plotly figure, a Vega-Lite dict


def chart(
    figure: Figure | Callable[[], Figure],
    *,
    summary: str,
    data: pd.DataFrame,
    key: str,
    on_select: str | Callable[[], None] = "ignore",
    options: Hashable = (),
) -> Any:
    """A chart, the one sentence that says what it shows, and its data one click away.

    Given a builder (`lambda: charts.theme_counts(counts)`), the chart is built once per
    dataset, view and style and shared by every session (`shared_chart`): `options` names
    what the chart depends on besides the sidebar's filters and `data` (the period, the
    events drawn, an order).
    """
    if not isinstance(figure, go.Figure | alt.TopLevelMixin):  # a builder
        figure = shared_chart(figure, key=key, data=data, options=options)
    event = figure_element(figure, key=key, on_select=on_select, alt=summary)
    literal.text(summary)
    with st.expander("Data behind this chart"):
        dates = data.select_dtypes("datetime").columns
        st.dataframe(
            data,
            hide_index=True,
            width="stretch",
            column_config={c: st.column_config.DateColumn(format="D MMM YYYY") for c in dates},
        )
    return event


def shared_chart(
    build: Callable[[], Figure], *, key: str, data: pd.DataFrame, options: Hashable = ()
) -> Drawn:
    """`build()` ready to show, from the server-wide chart cache (insights/chart_cache.py).

    Keyed by the chart, this run's filters, `options` and the content of `data`, so a
    builder that draws anything else must name it in `options`. Altair charts are kept as
    Vega-Lite dicts whose datasets are already Arrow (what st.altair_chart would make of
    them on every run), Plotly figures as figures (FrozenFigure): Streamlit validates a
    dict it is given all over again (plotly.tools.return_figure_from_figure_or_data).
    """
    options = (options, chart_cache.dataset_name(data))
    return shared(key, lambda: _drawable(build()), options=options)


def for_view(function: Callable[..., T], *args: Hashable, **kwargs: Hashable) -> T:
    """`function(corpus, rows, *args, **kwargs)` for this run's filters, from the shared cache.

    Every aggregation in insights.corpus takes (corpus, rows, …); the same view asked for
    again, by this session or another, is not computed again (the day is part of the key:
    "what changed" counts back from today).
    """
    corpus = state.corpus()
    filters = state.filters(corpus)
    name = f"{function.__module__}.{function.__qualname__}"
    options = (args, tuple(sorted(kwargs.items())), date.today())
    return shared(
        name, lambda: function(corpus, corpus.select(filters), *args, **kwargs), options=options
    )


def shared(name: Hashable, build: Callable[[], T], *, options: Hashable = ()) -> T:
    """`build()` for this run's filters and `options`, from the server-wide cache.

    For what every session opening the same view would compute alike (an aggregated frame,
    a table): built once per dataset, filters, options and chart style, then shared, so the
    value is read-only.
    """
    corpus = state.corpus()
    return chart_cache.cached(corpus, (name, state.filters(corpus), options), build)


class FrozenFigure(go.Figure):
    """A built Plotly figure that gives the same dict every time it is asked.

    st.plotly_chart calls `to_dict()` on every run, a deep copy of every trace (half of
    drawing a cached theme-share chart); this one copies once, when it is cached. Read-only,
    like everything in the cache.
    """

    def __init__(self, figure: go.Figure) -> None:
        super().__init__(figure)
        self._frozen = figure.to_dict()

    def to_dict(self) -> dict[str, Any]:
        return self._frozen


def _drawable(figure: Figure) -> Drawn:
    if isinstance(figure, go.Figure):
        return FrozenFigure(figure)
    spec = chart_cache.vega_lite_spec(figure)
    datasets = spec.get(chart_cache.DATASETS, {})
    for name, frame in datasets.items():
        datasets[name] = dataframe_util.convert_anything_to_arrow_bytes(frame)
    return spec


def figure_element(
    figure: Figure | dict[str, Any],
    *,
    key: str,
    alt: str,
    on_select: str | Callable[[], None] = "ignore",
) -> Any:
    """A Plotly figure, an Altair chart or a Vega-Lite dict (`shared_chart`), the page's width,
    with `alt` as its text alternative.

    Plotly charts keep their own template (chart_style.py): Streamlit's chart theme would
    overwrite its fonts and margins. Their toolbar is off (chart_style.PLOTLY_CONFIG): it put
    eight more stops in the tab order of every chart.
    """
    if isinstance(figure, go.Figure):
        return st.plotly_chart(
            figure,
            key=key,
            on_select=on_select,
            width="stretch",
            theme=None,
            config=chart_style.PLOTLY_CONFIG,
            alt=alt,
        )
    if isinstance(figure, dict):  # shared between sessions: Streamlit edits the dict it gets
        spec = copy.deepcopy(figure)
        return st.vega_lite_chart(spec=spec, key=key, on_select=on_select, width="stretch", alt=alt)
    return st.altair_chart(figure, key=key, on_select=on_select, width="stretch", alt=alt)


def selected_periods(event: Any, name: str) -> list[pd.Timestamp]:
    """The period starts a click selected on an Altair chart (Vega sends milliseconds)."""
    return [pd.Timestamp(point[name], unit="ms") for point in event.selection.get(name, [])]


def article_link(article_id: str, title: str, when: str) -> None:
    """One article as a link that opens its detail on the Explore page."""
    st.page_link(
        state.EXPLORE_PAGE,
        label=f"{escape_markdown(when)} · {escape_markdown(title)}",
        icon=":material/article:",
        query_params=state.link(article=article_id),  # the view stays, Back returns to it
        width="stretch",
    )


def article_list(frame: pd.DataFrame) -> None:
    """Articles (an `articles.table_page` frame) as links to their detail, with honest dates."""
    for item in frame.to_dict("records"):
        article_link(item[schema.ARTICLE_ID], item[schema.TITLE], when.article_date(item))


def change(change: Change, sentence: str | None = None) -> None:
    """One "what changed" sentence (or the one given) and a link to the articles behind it."""
    literal.text(sentence or wording.change_sentence(change))
    if not change.current and not change.previous:
        return  # no article is surely on either side: nothing to link to
    now = change.current > 0
    count, start, end = (
        (change.current, change.start, change.end)
        if now
        else (change.previous, change.previous_start, change.previous_end)
    )
    # the date filter reads best estimates, so with undecided articles it lists more than counted
    label = (
        f"See the {wording.plural(count, 'article')}"
        if not change.undecided
        else f"See the articles dated {'to these months' if now else 'before'} by best estimate"
    )
    st.page_link(
        state.EXPLORE_PAGE,
        label=label + ("" if now or change.undecided else " from before"),
        icon=":material/arrow_forward:",
        query_params=state.filter_link(change.theme, start, end),
    )


def facet(title: str, counts: pd.DataFrame) -> None:
    """A `facets` frame (value, articles) as a short list that wraps in a narrow column."""
    lines = [
        f"<li>{literal.escape(value)} · <strong>{n:,}</strong></li>"
        for value, n in zip(counts[frames.VALUE], counts[frames.ARTICLES], strict=True)
    ]
    st.html(f"<p><em>{literal.escape(title)}</em></p><ul>{''.join(lines)}</ul>")


def result_card(item: dict[str, Any], text: str) -> None:
    """One search result: title and summary with the search's matches marked, and a link."""
    title, summary = item[schema.TITLE], item[schema.SUMMARY]
    with st.container(border=True):
        literal.html_text(highlighted(title, search.highlight_spans(title, text)), strong=True)
        literal.html_text(highlighted(summary, search.highlight_spans(summary, text)))
        st.page_link(
            state.EXPLORE_PAGE,
            label=f"Details · {escape_markdown(when.article_date(item))}",
            icon=":material/open_in_full:",
            query_params=state.link(article=item[schema.ARTICLE_ID]),
        )
        cite(item)


def article_detail(item: dict[str, Any]) -> None:
    """Every field of one article: text, date and its evidence, themes and why, figures, names."""
    literal.heading(item[schema.TITLE])
    published = when.article_date(item)
    if item[schema.PUBLISHER]:
        published += f" by {item[schema.PUBLISHER]}"
    literal.html_text(f"<strong>Published:</strong> {literal.escape(published)}")
    literal.text(item[schema.DATE_EVIDENCE], caption=True)
    cite(item)
    literal.text(item[schema.SUMMARY])
    notes = []
    if item[schema.TRUNCATED]:
        notes.append("the source cut this summary off")
    if item[schema.TITLE_DERIVED]:
        notes.append("the listing had no headline, so the title was made from the summary")
    if notes:
        literal.text("Note: " + "; ".join(notes) + ".", caption=True)
    themes = {
        e[schema.EVIDENCE_THEME]: e[schema.EVIDENCE_PHRASES] for e in item[schema.THEME_EVIDENCE]
    }
    st.markdown("**Themes**" if item[schema.THEMES] else "**Themes:** none matched")
    for theme in item[schema.THEMES]:
        phrases = ", ".join(f"“{p}”" for p in themes.get(theme, []))
        literal.text(f"{theme}: found {phrases}" if phrases else theme)
    if item[schema.STATISTICS]:
        st.markdown("**Quoted figures**")
        _records(
            item[schema.STATISTICS],
            {
                schema.STAT_PHRASE: "Figure",
                schema.STAT_COUNTED: "Counts",
                schema.STAT_SENTENCE: "Sentence",
            },
        )
    if item[schema.ENTITIES]:
        st.markdown("**Organisations, places and people**")
        _records(item[schema.ENTITIES], {schema.ENTITY_NAME: "Name", schema.ENTITY_TYPE: "Kind"})
    sources = citing.source_names(item[schema.SOURCE])
    literal.text(
        f"Id {item[schema.ARTICLE_ID]} · position {item[schema.POSITION]} in {sources} · "
        f"{item[schema.WORD_COUNT]} words",
        caption=True,
    )


def file_name(source: str) -> str:
    """A source as its file name: the server's folders are nobody else's business."""
    return citing.file_name(source)


def address(url: Any) -> None:
    """An article's url as text, a link only when it is an http(s) address."""
    link = citing.web_address(url)
    if link:
        st.html(
            f'<a href="{html.escape(link, quote=True)}" target="_blank" '
            f'rel="noopener noreferrer nofollow" class="article-url">{html.escape(link)}</a>'
        )
    elif url:
        st.text(str(url))


def cite(item: dict[str, Any]) -> None:
    """The url, and "Copy citation": title, publisher, date (estimated where so), url."""
    address(item.get(schema.URL))
    with st.popover("Copy citation", icon=":material/format_quote:"):
        st.code(citing.citation(item), language=None, wrap_lines=True)
        st.caption("Use the copy button at the right of the citation.")


def counts(head: Any) -> None:
    """The headline numbers of an `articles.headline`, in one row even on a phone (phone.py)."""
    with st.container(key=COUNTS_KEY):
        articles_box, period_box, themes_box, figures_box = st.columns([1, 2.2, 1, 1])
    articles_box.metric(
        "Articles", f"{head.articles:,}", help=f"{head.undated:,} have no date at all"
    )
    period_box.metric(
        "Period covered",
        when.span_text(head.first, head.last),
        help="The months of the first and the last date in view (best estimates included).",
    )
    themes_box.metric("Themes", head.themes_present)
    figures_box.metric("Quoted figures", f"{head.statistics:,}")


def _records(records: list[dict[str, Any]], headings: dict[str, str]) -> None:
    """A list of structs (an article's figures or names) as a table of the named fields."""
    st.dataframe(
        pd.DataFrame(records),
        hide_index=True,
        width="stretch",
        column_order=list(headings),
        column_config=headings,
    )
