"""Citing: an article as a campaigner quotes it, and sources as a reader may see them.

citation(item)      'Title, Publisher, between Dec 2017 and Oct 2018 (estimated), https://…'
file_name(source)   '/srv/data/news.txt::captured=2018-10-20' -> 'news.txt'
source_lines(…)     each source by file name, its publisher and what bounds its dates
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import Any

import pandas as pd

from insights import schema
from insights.corpus import when
from insights.corpus.when import short_date


def citation(item: dict[str, Any]) -> str:
    """'Title, Publisher, between Dec 2017 and Oct 2018 (estimated), https://…': what a
    campaigner pastes under a quote; a missing publisher or url is left out."""
    parts = [item.get(schema.TITLE), item.get(schema.PUBLISHER), when.article_date(item)]
    parts.append(item.get(schema.URL))
    return ", ".join(" ".join(str(p).split()) for p in parts if p and not pd.isna(p))


def web_address(value: Any) -> str | None:
    """The url when it is an http or https address (the only kind shown as a link), else None."""
    text = str(value or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else None


def file_name(source: str) -> str:
    """A source by its file name, never this machine's path (nor its `::options`)."""
    return PurePath(str(source).split("::")[0]).name or str(source)


def source_lines(
    sources: Sequence[str],
    captures: Mapping[str, Mapping[str, str]],
    publishers: Mapping[str, str],
) -> list[str]:
    """Each source by file name, who published it and what bounds its undated items' dates:

    'news.txt, published by Example Trust: no item is dated after 1 Jul 2015, the day it was
    captured (given with the source).'
    """
    lines = []
    for source in sources:
        key = str(source).split("::")[0]
        line = file_name(source)
        publisher = publishers.get(source) or publishers.get(key)
        if publisher:
            line += f", published by {publisher}"
        capture = captures.get(source) or captures.get(key)
        if capture:
            day = short_date(pd.Timestamp(capture["captured"]).date())
            found = capture.get("from") or "stated"
            how = "given with the source" if found == "stated" else f"from {found}"
            line += f": no item is dated after {day}, the day it was captured ({how})."
        else:
            line += (
                ": no capture date, so its estimated dates are bounded only by the listing's"
                " order and the dates it states."
            )
        lines.append(line)
    return lines


def source_names(sources: Sequence[str]) -> str:
    """Sources by file name: 'news.txt, feed.rss'."""
    return ", ".join(file_name(s) for s in sources)
