"""Download buttons: a chart's picture (PNG and SVG) and the briefing of the current view.

A file is made only when its button is clicked (`data` is a callable), in a thread without
the script's context, so everything it needs is bound here; clicking does not rerun the page.
The pictures and the briefing are made by the library (insights.images, insights.briefing).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import streamlit as st

from insights import briefing, images
from insights.corpus import Corpus, Filters, wording


def chart_images(
    chart: Callable[..., Any],
    data: Any,
    *,
    title: str,
    filters: Filters,
    key: str,
    **options: Any,
) -> None:
    """PNG and SVG buttons for a chart drawn by `chart(data, **options)`, titled `title`."""
    made = {"title": title, "filters": wording.filters_sentence(filters), **options}
    stem = images.file_stem(title)
    with st.container(horizontal=True, key=f"{key}_images"):
        st.download_button(
            "PNG",
            partial(images.png, chart, data, **made),
            file_name=f"{stem}.png",
            mime="image/png",
            key=f"{key}_png",
            on_click="ignore",
            icon=":material/image:",
            help=f"A picture for slides: {images.SCALE}× pixels, title and filters included",
        )
        st.download_button(
            "SVG",
            partial(images.svg, chart, data, **made),
            file_name=f"{stem}.svg",
            mime="image/svg+xml",
            key=f"{key}_svg",
            on_click="ignore",
            icon=":material/polyline:",
            help="A picture that scales to any size, title and filters included",
        )


def briefing_buttons(corpus: Corpus, filters: Filters) -> None:
    """ "Download briefing" as HTML (opens offline, prints on A4) and as PDF."""
    with st.container(horizontal=True, key="briefing_downloads"):
        for fmt, mime, label in (
            ("html", "text/html", "Download briefing"),
            ("pdf", "application/pdf", "PDF"),
        ):
            st.download_button(
                label,
                partial(briefing.render, corpus, filters, fmt),
                file_name=f"news-briefing.{fmt}",
                mime=mime,
                key=f"briefing_{fmt}",
                on_click="ignore",
                icon=":material/description:" if fmt == "html" else ":material/picture_as_pdf:",
                help="This view as a report for a meeting: numbers, charts with their "
                "sentences, what changed, key figures and the latest articles, with the filters",
            )
