"""Article links as sources give them: only http(s) addresses become links.

"https://example.org/news/1"      kept
"/news/1" with the page at https://example.org/news   -> "https://example.org/news/1"
"/news/1" with no known page address                  kept as written (it has no scheme)
"javascript:alert(1)", "data:text/html,…", "java\tscript:…", "mailto:…"   left out
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urljoin

from insights.ingest.items import Listing, Rejection
from insights.ingest.provenance import original_address

_KEPT = frozenset({"http", "https"})
# Browsers strip control characters and spaces around an address, and tabs and newlines
# anywhere in it: "java\tscript:" is "javascript:".
_EDGES = "".join(chr(c) for c in range(33))
_IGNORED = re.compile(r"[\t\n\r]+")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def checked(value: str, base: str | None = None) -> tuple[str | None, str | None]:
    """(the link to keep or None, the scheme left out or None)."""
    cleaned = _IGNORED.sub("", value).strip(_EDGES)
    if not cleaned:
        return None, None
    scheme = _SCHEME.match(cleaned)
    if scheme:
        name = scheme.group(1).lower()
        return (cleaned, None) if name in _KEPT else (None, name)
    base_scheme = _SCHEME.match(base or "")
    if base and base_scheme and base_scheme.group(1).lower() in _KEPT:
        return urljoin(base, cleaned), None
    return cleaned, None


def keep_web_links(listing: Listing) -> None:
    """Drop every item link that is not http(s), recording each in `listing.dropped_links`."""
    base = original_address(listing.url)  # an archived page's links point at the site
    for index, item in enumerate(listing.items):
        if not item.url:
            continue
        url, scheme = checked(item.url, base)
        if url != item.url:
            listing.items[index] = replace(item, url=url)
        if scheme:
            listing.dropped_links.append(
                Rejection(
                    listing.source,
                    f"link left out: a {scheme}: address (only http and https links are kept)",
                    item.url[:200],
                    item.position,
                )
            )
