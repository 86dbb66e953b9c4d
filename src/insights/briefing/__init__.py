"""The briefing: a standalone report of one view, for a board pack or an email.

One builder for the dashboard's "Download briefing" and `insights briefing`:

    content.py    gather(corpus, filters) → Briefing: numbers, charts, sentences, figures
    document.py   write(briefing) → one HTML page, everything inline, print styles
    pdf.py        pdf(html) → the same page as a PDF (WeasyPrint, no browser)

    html = briefing.html(corpus, Filters(themes=("County lines",)))
"""

from __future__ import annotations

from datetime import datetime

from insights.briefing import content, document
from insights.briefing.pdf import pdf
from insights.corpus import Corpus, Filters

FORMATS = ("html", "pdf")


def html(corpus: Corpus, filters: Filters, *, made: datetime | None = None) -> str:
    """The briefing of `filters` on `corpus` as one standalone HTML document."""
    return document.write(content.gather(corpus, filters, made=made))


def render(corpus: Corpus, filters: Filters, fmt: str = "html") -> bytes:
    """The briefing as the bytes of an HTML or a PDF file."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    page = html(corpus, filters)
    return pdf(page) if fmt == "pdf" else page.encode()


__all__ = ["FORMATS", "html", "pdf", "render"]
