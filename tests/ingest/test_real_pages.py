"""Every real listing page in tests/ingest/real/ reads as a person reading it sees it.

Each page `NAME.txt` (or `.html`) has its expectation in `NAME.toml`, written by reading the
page: how many items, every title (or, for items without a headline, how the summary starts),
the date each item states, which items are cut off, and what a person would not call an item.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from insights.ingest import read_source

REAL = Path(__file__).resolve().parent / "real"
PAGES = sorted(p for p in REAL.iterdir() if p.suffix in (".txt", ".html", ".htm"))


def _expected(page: Path) -> dict:
    return tomllib.loads(page.with_suffix(".toml").read_text(encoding="utf-8"))


def test_corpus_covers_enough_pages_and_organisations():
    assert len(PAGES) >= 30
    for page in PAGES:
        head = page.read_text(encoding="utf-8").split("\n", 2)[:2]
        assert "source:" in head[0].lower() and "captured:" in head[1].lower(), page.name


def describe(page: Path) -> tuple[list[tuple], list[str]]:
    """(items as (title or summary start, date, cut), left-out excerpts) as the reader sees them."""
    listing = read_source(page)
    expected = _expected(page)
    got = []
    for item, want in zip(
        listing.items, expected["item"] + [{}] * len(listing.items), strict=False
    ):
        if "summary_starts" in want:
            text = item.summary[: len(want["summary_starts"])] if item.title_derived else item.title
        else:
            text = item.title if not item.title_derived else f"(derived) {item.title}"
        got.append((text, item.listed_date, item.truncated if "cut" in want else None))
    return got, [r.excerpt for r in listing.rejections]


def want(page: Path) -> list[tuple]:
    return [
        (w.get("title") or w["summary_starts"], w.get("date"), w.get("cut"))
        for w in _expected(page)["item"]
    ]


def _case(page: Path):
    """A page the reader still misreads says so in its expectation (`misread = "why"`): the
    case is an expected failure, and passes the suite only while it still fails."""
    misread = _expected(page).get("misread")
    marks = [pytest.mark.xfail(strict=True, reason=misread)] if misread else []
    return pytest.param(page, id=page.stem, marks=marks)


def test_misreads_stay_few():
    misread = [p.stem for p in PAGES if "misread" in _expected(p)]
    assert len(misread) * 4 <= len(PAGES), misread  # the README's score counts them


@pytest.mark.parametrize("page", [_case(p) for p in PAGES])
def test_page_reads_as_a_person_reads_it(page):
    expected = _expected(page)
    items, left_out = describe(page)
    assert len(items) == expected["items"]
    assert items == want(page)
    for excerpt in expected.get("left_out", []):
        assert any(e.startswith(excerpt) for e in left_out), excerpt
