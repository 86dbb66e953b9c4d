"""Any bytes in, a listing or one clear line out: the readers never let an exception escape.

Property-based (hypothesis) over `read_source`, the one entry every format goes through, with
raw bytes and with input shaped like each format (so the parsers get past their first check).
bench/fuzz.py runs the same properties at scale.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insights.ingest import read_source
from insights.ingest.items import Listing, SourceError

SUFFIXES = (".txt", ".html", ".csv", ".json", ".htm", ".tsv", ".jsonl", "")
FIELDS = ("title", "summary", "date", "url", "published", "link", "", "Title ", "t\0")

# JSON values of any shape and type, records that are nearly right, and broken text
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.sampled_from(FIELDS), inner),
    max_leaves=30,
)
records = st.lists(st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=5), max_size=8)
cells = st.text(alphabet=st.characters(codec="utf-8"), max_size=30) | st.sampled_from(
    ['"', '""', ",", "\n", "\r", "\t", "\0", "Read more", "<p>", "</div>", "&amp;", "\ufeff"]
)
csv_text = st.lists(st.lists(cells, min_size=1, max_size=4), max_size=8).map(
    lambda rows: "title,summary,date,url\n" + "\n".join(",".join(r) for r in rows)
)
tags = st.sampled_from(
    ["<div>", "</div>", "<article>", "</article>", "<h2>", "</h2>", "<p>", "</p>", "<a href=x>",
     "</a>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "<", ">", "&#0;", "&#x110000;"]
)  # fmt: skip
html_text = st.lists(tags | cells, max_size=40).map("".join)
listing_text = st.lists(
    cells | st.sampled_from(["\n\n", "Read more\n", "18 October 2018\n", "Home | News\n"]),
    max_size=40,
).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"])


def _read(content: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"listing{suffix}"
        path.write_bytes(content)
        try:
            listing = read_source(path)
        except SourceError as exc:
            assert str(exc) and "\n" not in str(exc), repr(str(exc))
            return
        assert isinstance(listing, Listing)
        for item in listing.items:
            assert isinstance(item.title, str) and isinstance(item.summary, str)


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.binary(max_size=2_000), st.sampled_from(SUFFIXES))
def test_any_bytes(content: bytes, suffix: str) -> None:
    _read(content, suffix)


@PROPERTY
@given(json_values | records, st.sampled_from([".json", ".jsonl", ".txt"]))
def test_any_json(value, suffix: str) -> None:
    _read(json.dumps(value).encode(), suffix)


@PROPERTY
@given(csv_text, ENCODINGS, st.sampled_from([".csv", ".tsv", ".txt"]))
def test_csv_shaped_text(text: str, encoding: str, suffix: str) -> None:
    _read(text.encode(encoding, "replace"), suffix)


@PROPERTY
@given(html_text, st.sampled_from([".html", ".htm", ".txt"]))
def test_html_shaped_text(text: str, suffix: str) -> None:
    _read(text.encode("utf-8", "surrogatepass"), suffix)


@PROPERTY
@given(listing_text, ENCODINGS)
def test_listing_shaped_text(text: str, encoding: str) -> None:
    _read(text.encode(encoding, "replace"), ".txt")
