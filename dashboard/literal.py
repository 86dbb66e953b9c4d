"""Text from sources on the page exactly as it was typed: the one place that decides how.

Source text is titles, summaries, sentences, entity, theme, publisher and file names, and
what a viewer typed into a search. Streamlit's Markdown reads more than Markdown, and after
backslash escapes are resolved: `:material/warning:` becomes an icon, `:streamlit:` the logo,
a bare `http://…` or `www.…` a link. So source text never goes through Markdown. It is
HTML-escaped and handed to `st.html` (DOMPurify behind it), with only this module's own
tags around it (checked in chromium: no icon, link, image or bold; no request):

    text("A :streamlit: <b>x</b>")  →  st.html('<p …>A :streamlit: &lt;b&gt;x&lt;/b&gt;</p>')

Labels (page links, buttons) can only be Markdown. Labels never turn text into links or
images, so there every markup character is backslash-escaped and a WORD JOINER (U+2060,
invisible and zero-width) follows each colon that could open a `:name:` directive, the one
piece of markup that escaping cannot stop.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

import streamlit as st

_MARKUP = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~:$&/=^\"'])")
_DIRECTIVE = re.compile(r"\\:(?=[\w+\-\\])")  # an escaped colon before a name
WORD_JOINER = "\u2060"
# Our own look for the pieces below; source text only ever sits between these tags.
_CAPTION = "font-size:0.875rem;opacity:0.75"
_MARK = "background:rgba(255,170,0,0.45);color:inherit;padding:0 0.1em;border-radius:2px"


def escape(text: object) -> str:
    """Text as HTML that shows exactly as the text: `<b>` stays the four characters."""
    return html.escape(str(text), quote=True)


def marked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """HTML for `text` with each (start, end) span marked; every piece is escaped."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start < at:
            continue
        out.append(escape(text[at:start]))
        out.append(f'<mark style="{_MARK}"><strong>{escape(text[start:end])}</strong></mark>')
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def text(body: object, *, strong: bool = False, caption: bool = False, width="stretch") -> None:
    """One paragraph of source text (or a sentence about it), shown literally."""
    html_text(escape(body), strong=strong, caption=caption, width=width)


def html_text(fragment: str, *, strong=False, caption=False, width="stretch") -> None:
    """One paragraph from a fragment built with `escape` or `marked` (never raw text)."""
    if strong:
        fragment = f"<strong>{fragment}</strong>"
    style = f' style="{_CAPTION}"' if caption else ""
    st.html(f'<p class="literal"{style}>{fragment}</p>', width=width)


def heading(body: object, level: int = 2) -> None:
    """A heading made of source text (an article's title, a figure's phrase); h2 by default,
    the level under a page's title (axe-core's heading-order: no level skipped)."""
    st.html(f'<h{level} class="literal">{escape(body)}</h{level}>')


def label(text: object) -> str:
    """Markdown for a widget label (page link, button) that shows exactly as `text`."""
    escaped = _MARKUP.sub(r"\\\1", str(text).replace("\n", " "))
    return _DIRECTIVE.sub(lambda m: m.group(0) + WORD_JOINER, escaped)
