"""The briefing's HTML page as a PDF, with WeasyPrint: no browser, no network.

WeasyPrint lays out HTML and CSS (the page's @page and print rules) and draws inline SVG
itself; it runs no JavaScript, which the briefing has none of. Chromium's --print-to-pdf
would need a browser on the machine that `make run` does not install (README, Dependencies).
"""

from __future__ import annotations

import logging


def pdf(page: str) -> bytes:
    """The HTML `page` as PDF bytes. Nothing is fetched: a page that named a URL gets none."""
    import weasyprint  # a second to import: only when a PDF is asked for

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # font-matching chatter
    return weasyprint.HTML(string=page, url_fetcher=_refuse).write_pdf()


def _refuse(url: str, *args: object, **kwargs: object) -> dict:
    raise ValueError(f"a briefing loads nothing: {url}")
