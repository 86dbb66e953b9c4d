"""Pieces every page uses: a chart with its sentence and data, safe text, article cards, links.

Article text is never passed to HTML. It goes through `escape_markdown`, which backslash-escapes
every character Markdown or Streamlit could read as markup, so a title like
`<script>alert(1)</script>` shows literally.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import altair as alt
import pandas as pd
import plotly.graph_objects as go
import state
import streamlit as st

from insights import schema, search
from insights.corpus import frames, wording
from insights.corpus.timeline import Change

# The characters Markdown reads as markup (any may be backslash-escaped); `:` and `$` also
# start Streamlit's colour/emoji directives and LaTeX.
_MARKUP = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&])")
PRESENTER_CSS = """
<style>
html { font-size: 24px; }
.stApp [data-testid="stMarkdownContainer"] p,
.stApp [data-testid="stMarkdownContainer"] li { font-size: 1.15rem; line-height: 1.5; }
.stApp h1 { font-size: 2.6rem; padding-top: 0; }
.stApp [data-testid="stMainBlockContainer"] { padding-top: 3rem; }
.stApp [data-testid="stMetricValue"], .stApp [data-testid="stMetricValue"] * {
  font-size: 2.2rem !important;
}
/* high contrast: captions in the full text colour, not grey */
.stApp [data-testid="stCaptionContainer"] { font-size: 1rem; opacity: 1; color: inherit; }
.stApp [data-testid="stVerticalBlock"] > [data-testid="stElementContainer"]:has(.js-plotly-plot),
.stApp [data-testid="stVerticalBlock"] > [data-testid="stElementContainer"]:has(.vega-embed) {
  min-height: 70vh;
}
</style>
"""


def escape_markdown(text: str) -> str:
    """Text as Markdown that renders exactly as the text, whatever it contains."""
    return _MARKUP.sub(r"\\\1", str(text)).replace("\n", " ")


def highlighted(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Markdown for `text` with each (start, end) span marked; every piece is escaped."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(escape_markdown(text[at:start]))
        out.append(f":orange-background[**{escape_markdown(text[start:end])}**]")
        at = end
    out.append(escape_markdown(text[at:]))
    return "".join(out)


def nothing_found(what: str = "articles") -> None:
    st.info(
        f"No {what} match these filters. Try removing a theme, clearing the search or "
        "widening the dates in the sidebar.",
        icon=":material/search_off:",
    )


def chart(
    figure: go.Figure | alt.TopLevelMixin,
    *,
    summary: str,
    data: pd.DataFrame,
    key: str,
    on_select: str | Callable[[], None] = "ignore",
) -> Any:
    """A chart, the one sentence that says what it shows, and its data one click away."""
    event = figure_element(figure, key=key, on_select=on_select)
    st.markdown(escape_markdown(summary))
    with st.expander("Data behind this chart"):
        dates = data.select_dtypes("datetime").columns
        st.dataframe(
            data,
            hide_index=True,
            width="stretch",
            column_config={c: st.column_config.DateColumn(format="D MMM YYYY") for c in dates},
        )
    return event


def figure_element(
    figure: go.Figure | alt.TopLevelMixin,
    *,
    key: str,
    on_select: str | Callable[[], None] = "ignore",
) -> Any:
    """A Plotly figure or an Altair chart, the page's width.

    Plotly charts keep their own template (chart_style.py): Streamlit's chart theme would
    overwrite its fonts and margins.
    """
    if isinstance(figure, go.Figure):
        return st.plotly_chart(figure, key=key, on_select=on_select, width="stretch", theme=None)
    return st.altair_chart(figure, key=key, on_select=on_select, width="stretch")


def selected_periods(event: Any, name: str) -> list[pd.Timestamp]:
    """The period starts a click selected on an Altair chart (Vega sends milliseconds)."""
    return [pd.Timestamp(point[name], unit="ms") for point in event.selection.get(name, [])]


def article_link(article_id: str, title: str, when: str) -> None:
    """One article as a link that opens its detail on the Explore page."""
    st.page_link(
        state.EXPLORE_PAGE,
        label=f"{escape_markdown(when)} · {escape_markdown(title)}",
        icon=":material/article:",
        query_params={state.ARTICLE_PARAM: article_id},
        width="stretch",
    )


def article_list(frame: pd.DataFrame) -> None:
    """Articles (an `articles.table_page` frame) as links to their detail, with honest dates."""
    for item in frame.to_dict("records"):
        when = wording.date_label(
            item[schema.PUBLISHED], item[schema.DATE_BASIS], item[schema.DATE_PRECISION]
        )
        article_link(item[schema.ARTICLE_ID], item[schema.TITLE], when)


def change(change: Change, sentence: str | None = None) -> None:
    """One "what changed" sentence (or the one given) and a link to the articles behind it."""
    st.markdown(escape_markdown(sentence or wording.change_sentence(change)))
    now = change.current > 0
    count, start, end = (
        (change.current, change.start, change.end)
        if now
        else (change.previous, change.previous_start, change.previous_end)
    )
    st.page_link(
        state.EXPLORE_PAGE,
        label=f"See the {wording.plural(count, 'article')}" + ("" if now else " from before"),
        icon=":material/arrow_forward:",
        query_params=state.filter_link(change.theme, start, end),
    )


def facet(title: str, counts: pd.DataFrame) -> None:
    """A `facets` frame (value, articles) as a short list that wraps in a narrow column."""
    lines = [
        f"- {escape_markdown(str(value))} · **{n:,}**"
        for value, n in zip(counts[frames.VALUE], counts[frames.ARTICLES], strict=True)
    ]
    st.markdown(f"*{title}*\n" + "\n".join(lines))


def result_card(item: dict[str, Any], text: str) -> None:
    """One search result: title and summary with the search's matches marked, and a link."""
    title, summary = item[schema.TITLE], item[schema.SUMMARY]
    when = wording.date_label(
        item[schema.PUBLISHED], item[schema.DATE_BASIS], item[schema.DATE_PRECISION]
    )
    with st.container(border=True):
        st.markdown(f"**{highlighted(title, search.highlight_spans(title, text))}**")
        st.markdown(highlighted(summary, search.highlight_spans(summary, text)))
        st.page_link(
            state.EXPLORE_PAGE,
            label=f"Details · {escape_markdown(when)}",
            icon=":material/open_in_full:",
            query_params={state.ARTICLE_PARAM: item[schema.ARTICLE_ID]},
        )


def article_detail(item: dict[str, Any]) -> None:
    """Every field of one article: text, date and its evidence, themes and why, figures, names."""
    st.subheader(escape_markdown(item[schema.TITLE]))
    when = wording.date_label(
        item[schema.PUBLISHED], item[schema.DATE_BASIS], item[schema.DATE_PRECISION]
    )
    earliest, latest = item[schema.PUBLISHED_EARLIEST], item[schema.PUBLISHED_LATEST]
    between = (
        f" (between {wording.short_date(earliest)} and {wording.short_date(latest)})"
        if earliest != latest
        else ""
    )
    st.markdown(f"**Published:** {escape_markdown(when + between)}")
    st.caption(escape_markdown(item[schema.DATE_EVIDENCE]))
    st.markdown(escape_markdown(item[schema.SUMMARY]))
    notes = []
    if item[schema.TRUNCATED]:
        notes.append("the source cut this summary off")
    if item[schema.TITLE_DERIVED]:
        notes.append("the listing had no headline, so the title was made from the summary")
    if notes:
        st.caption(escape_markdown("Note: " + "; ".join(notes) + "."))
    if item[schema.URL]:
        st.link_button("Read the article", item[schema.URL], icon=":material/open_in_new:")
    themes = {
        e[schema.EVIDENCE_THEME]: e[schema.EVIDENCE_PHRASES] for e in item[schema.THEME_EVIDENCE]
    }
    st.markdown("**Themes**" if item[schema.THEMES] else "**Themes:** none matched")
    for theme in item[schema.THEMES]:
        phrases = ", ".join(f"“{p}”" for p in themes.get(theme, []))
        st.markdown(escape_markdown(f"{theme}: found {phrases}" if phrases else theme))
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
    st.caption(
        escape_markdown(
            f"Id {item[schema.ARTICLE_ID]} · position {item[schema.POSITION]} in "
            f"{', '.join(item[schema.SOURCE])} · {item[schema.WORD_COUNT]} words"
        )
    )


def _records(records: list[dict[str, Any]], headings: dict[str, str]) -> None:
    """A list of structs (an article's figures or names) as a table of the named fields."""
    st.dataframe(
        pd.DataFrame(records),
        hide_index=True,
        width="stretch",
        column_order=list(headings),
        column_config=headings,
    )
