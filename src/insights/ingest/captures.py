"""What the capture dates of listings say about their items' publication dates.

    a listing captured on 20 Oct 2018   -> none of its items was published after 20 Oct 2018
    two captures of the same listing, 1 Sep and 20 Oct 2018, the earlier showing the top:
        an item on the later one, listed above items the earlier one also shows, but missing
        from the earlier one, was published after 1 Sep 2018

Two sources are captures of the same listing when their addresses match once an archive's
prefix (https://web.archive.org/web/20181020123456/) is taken off. A capture shows the top of
its listing unless its address asks for a later page (?page=3, /page/2/).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date

from insights.ingest.items import Listing
from insights.ingest.provenance import original_address

Bound = tuple[str, date, str]  # ("latest" | "earliest", day, what said so)

_LATER_PAGE = re.compile(
    r"(?:[?&](?:page|paged|p|pg)=(?:[2-9]|\d{2,})\b)|(?:/page/(?:[2-9]|\d{2,})/?)"
)


def show(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def listing_key(url: str | None) -> str | None:
    """The listing an address shows, archive prefix, scheme and trailing slash left out."""
    if not url:
        return None
    bare = original_address(url) or ""
    bare = re.sub(r"^https?://", "", bare, flags=re.IGNORECASE).rstrip("/")
    host, _, rest = bare.partition("/")
    return f"{host.lower()}/{rest}" if rest else host.lower()


def shows_top(url: str | None) -> bool:
    return not (url and _LATER_PAGE.search(url))


def capture_bounds(
    listings: Sequence[Listing], key_of: Callable[[object], str]
) -> dict[str, list[Bound]]:
    """Bounds by article key (`key_of(item)`), from every listing's capture date."""
    bounds: dict[str, list[Bound]] = defaultdict(list)
    for listing in listings:
        if listing.captured is None:
            continue
        said = f"captured on {show(listing.captured)} ({listing.captured_from or 'stated'})"
        for item in listing.items:
            bounds[key_of(item)].append(("latest", listing.captured, said))
    by_listing: dict[str, list[Listing]] = defaultdict(list)
    for listing in listings:
        key = listing_key(listing.url)
        if key and listing.captured:
            by_listing[key].append(listing)
    for captures in by_listing.values():
        captures.sort(key=lambda captured: captured.captured)
        for i, earlier in enumerate(captures):
            if not shows_top(earlier.url):
                continue
            shown = {key_of(item) for item in earlier.items}
            for later in captures[i + 1 :]:
                if later.captured <= earlier.captured:
                    continue
                _missing_from(earlier, later, shown, key_of, bounds)
    return bounds


def _missing_from(
    earlier: Listing,
    later: Listing,
    shown: set[str],
    key_of: Callable[[object], str],
    bounds: dict[str, list[Bound]],
) -> None:
    """Items of `later` above the last item both show, but missing from `earlier`."""
    keys = [key_of(item) for item in later.items]
    if later.order == "oldest_first":
        keys.reverse()
    common = [k for k in keys if k in shown]
    if not common:
        return
    last_common = max(i for i, k in enumerate(keys) if k in shown)
    said = (
        f"not on the capture of {show(earlier.captured)} of the same listing "
        f"({earlier.source}), which shows items listed below it"
    )
    for key in keys[:last_common]:
        if key not in shown:
            bounds[key].append(("earliest", earlier.captured, said))
