"""JSON exports from a CMS: a list of records, one under a container key, or JSON Lines.

    [{"title": …, "summary": …}, …]     {"items": [{…}, …]}     {"title": …}\n{"title": …}

Keys are matched to roles as CSV columns are (`ingest.tabular`); a JSON Feed is read as a
feed (`ingest.feeds`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from insights.ingest import feeds
from insights.ingest.items import Listing, SourceError
from insights.ingest.tabular import CONTAINER_KEYS, Collector, Fields, match_fields, names_of


def _records(data: Any, source: str) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        keys = {str(k).lower(): k for k in data}
        for name in CONTAINER_KEYS:
            if name in keys:
                inner = data[keys[name]]
                if isinstance(inner, list):
                    return inner
                if isinstance(inner, dict):
                    return _records(inner, source)
        if match_fields(data).usable:
            return [data]
        names = names_of(data)
        raise SourceError(
            f"{source} has no list of articles (expected a list, or one under "
            f"{', '.join(CONTAINER_KEYS[:4])}; keys found: {names})"
        )
    raise SourceError(f"{source} holds a single JSON {type(data).__name__}, not a list of articles")


def _json_lines(text: str, collect: Collector) -> Iterator[tuple[int, Any]]:
    body = text.lstrip("\n")
    first = len(text) - len(body) + 1  # the line number of the first record
    body = body.rstrip("\n")
    if "\n\n" not in body:
        # One parse of the whole file is several times faster than one per line.
        try:
            records = json.loads(f"[{body.replace(chr(10), ',')}]")
        except json.JSONDecodeError:
            records = None
        if records is not None and len(records) == body.count("\n") + 1:
            yield from enumerate(records, first)
            return
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError:
            collect.reject(f"JSON line {number} is not valid JSON", line)
        except RecursionError:
            collect.reject(f"JSON line {number} is nested too deeply", line)


def read_json(text: str, source: str) -> Listing:
    """Read a JSON export or JSON Lines.

    Raises:
        SourceError: invalid JSON, no list of records, no title or summary field, or no items.
    """
    collect = Collector(source, "json")
    if (feed := feeds.load_json_feed(text)) is not None:
        return feeds.read_json_feed(feed, source)
    try:
        records: Iterable[tuple[int, Any]] = enumerate(_records(json.loads(text), source), 1)
        label = "JSON record"
    except RecursionError:
        raise SourceError(f"{source} nests its JSON too deeply to be a list of articles") from None
    except json.JSONDecodeError as exc:
        # JSON Lines: objects one per line; a broken line is one rejection, not a failed file.
        if not (text.lstrip().startswith("{") and "\n" in text.strip()):
            raise SourceError(
                f"{source} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
            ) from None
        records = _json_lines(text, collect)
        label = "JSON line"
    fields_by_keys: dict[tuple[Any, ...], Fields] = {}
    seen_keys: set[str] = set()
    usable = False
    for number, record in records:
        if not isinstance(record, dict):
            collect.reject(f"{label} {number} is not an object", str(record))
            continue
        keys = tuple(record)
        fields = fields_by_keys.get(keys)
        if fields is None:
            fields = fields_by_keys[keys] = match_fields(keys)
            seen_keys.update(map(str, keys))
        usable = usable or fields.usable
        try:
            collect.add(
                label, number, *(None if k is None else record.get(k) for k in fields.roles())
            )
        except RecursionError:
            collect.reject(f"{label} {number} nests its fields too deeply")
    if seen_keys and not usable:
        names = names_of(sorted(seen_keys))
        raise SourceError(f"{source} has no title or summary field (fields found: {names})")
    return collect.finish()
