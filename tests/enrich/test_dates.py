"""Publication dates: stated in the text, given by the source, curated, or inferred from order."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pyarrow as pa
import pytest

from insights import schema
from insights.enrich import EnrichContext, dates
from insights.enrich.dates import find_date_clues

from enrich_frames import frame

D = date

# (text, [(earliest, latest, estimate), …])
CLUES = [
    (
        "ECPAT UK will mark today’s Anti-Slavery Day (18th October 2017) with a film.",
        [(D(2017, 10, 18), D(2017, 10, 18), D(2017, 10, 18))],
    ),
    (
        "On Wednesday, 17th October 2018, ECPAT UK will join partners across Europe.",
        [(D(2018, 10, 10), D(2018, 10, 17), D(2018, 10, 17))],
    ),
    (
        "Young victims marked Anti-Slavery Day 2018 by delivering a petition.",
        [(D(2018, 10, 18), D(2018, 10, 25), D(2018, 10, 18))],
    ),
    (
        "Ahead of World Day against Trafficking in Persons 2018 we call for action.",
        [(D(2018, 7, 23), D(2018, 7, 30), D(2018, 7, 30))],
    ),
    ("children identified as potential victims during 2017.", [(D(2018, 1, 1), None, None)]),
    (
        "The conference was held on March 3, 2018 in London.",
        [(D(2018, 3, 3), D(2018, 3, 10), D(2018, 3, 3))],
    ),
    ("Our research, Child trafficking in the UK 2018: A snapshot", []),
    ("The 66% rise may be 11 years in the making, in 2017.", []),
    ("On 31st February 2018 nothing happened.", []),
]


@pytest.mark.parametrize(("text", "expected"), CLUES)
def test_text_clues(text, expected):
    assert [(c.earliest, c.latest, c.estimate) for c in find_date_clues(text)] == expected


def test_today_quote_is_the_evidence():
    (clue,) = find_date_clues("will mark today’s Anti-Slavery Day (18th October 2017) with")
    assert clue.quote == "today’s Anti-Slavery Day (18th October 2017)"


def columns(out, position: int) -> tuple:
    row = out.iloc[position - 1]
    return (
        row[schema.PUBLISHED],
        row[schema.PUBLISHED_EARLIEST],
        row[schema.PUBLISHED_LATEST],
        row[schema.DATE_PRECISION],
        row[schema.DATE_BASIS],
    )


def test_curated_dates_override_everything(taxonomy):
    articles = frame([("A", "today’s Anti-Slavery Day (18th October 2017)"), ("B", "b")])
    context = EnrichContext(taxonomy, curated_dates={"id1": D(2017, 10, 20), "B": D(2017, 1, 2)})
    out = dates.enrich(articles, context)
    assert columns(out, 1) == (D(2017, 10, 20),) * 3 + ("day", "curated")
    assert columns(out, 2) == (D(2017, 1, 2),) * 3 + ("day", "curated")


def test_a_date_the_source_lists_is_stated_to_the_day(context):
    articles = frame(
        [("A", "a"), ("B", "b"), ("C", "c")], listed={1: D(2018, 5, 1), 3: D(2018, 3, 1)}
    )
    out = dates.enrich(articles, context)
    assert columns(out, 1) == (D(2018, 5, 1),) * 3 + ("day", "stated")
    published, earliest, latest, precision, basis = columns(out, 2)
    assert (earliest, latest, basis) == (D(2018, 2, 26), D(2018, 5, 4), "inferred")
    assert published == D(2018, 3, 31)  # halfway by position
    assert precision == "year"
    assert (
        out[schema.DATE_EVIDENCE]
        .iloc[1]
        .startswith(
            "Inferred from listing order: between item 1 (1 May 2018) and item 3 (1 Mar 2018)"
        )
    )


def test_oldest_first_listings_bound_the_other_way(context):
    articles = frame(
        [("A", "a"), ("B", "b"), ("C", "c")],
        order="oldest_first",
        listed={1: D(2018, 1, 1), 3: D(2018, 1, 11)},
    )
    out = dates.enrich(articles, context)
    assert columns(out, 2) == (D(2018, 1, 6), D(2017, 12, 29), D(2018, 1, 14), "month", "inferred")


def test_unknown_order_is_newest_first_when_the_dated_items_agree(context):
    listed = {1: D(2018, 5, 1), 3: D(2018, 3, 1)}
    out = dates.enrich(
        frame([("A", "a"), ("B", "b"), ("C", "c")], order="unknown", listed=listed), context
    )
    assert columns(out, 2)[4] == "inferred" and columns(out, 2)[0] is not None
    listed = {1: D(2018, 1, 1), 3: D(2018, 3, 1)}  # oldest first: no guess
    out = dates.enrich(
        frame([("A", "a"), ("B", "b"), ("C", "c")], order="unknown", listed=listed), context
    )
    assert columns(out, 2) == (None, None, None, "unknown", "inferred")


def test_without_anchors_every_date_is_empty_and_says_so(context):
    out = dates.enrich(frame([("A", "a"), ("B", "b")]), context)
    assert columns(out, 1) == (None, None, None, "unknown", "inferred")
    assert out[schema.DATE_EVIDENCE].iloc[0].startswith("No date")


def test_a_one_sided_bound_is_an_estimate_at_the_bound(context):
    out = dates.enrich(frame([("A", "a"), ("B", "b")], listed={2: D(2018, 3, 1)}), context)
    assert columns(out, 1) == (D(2018, 2, 26), D(2018, 2, 26), None, "unknown", "inferred")


def test_text_clues_narrow_the_listing_interval(context):
    articles = frame(
        [("A", "a"), ("B", "Victims rose by 10% during 2017."), ("C", "c")],
        listed={1: D(2018, 5, 1), 3: D(2017, 11, 1)},
    )
    out = dates.enrich(articles, context)
    assert columns(out, 2)[1:3] == (D(2018, 1, 1), D(2018, 5, 4))
    assert "‘during 2017’ → after 1 Jan 2018" in out[schema.DATE_EVIDENCE].iloc[1]


def test_enrich_output_passes_validation(context):
    articles = frame(
        [("A", "today’s Anti-Slavery Day (18th October 2018)"), ("B", "b"), ("C", "c")],
        listed={3: D(2017, 1, 1)},
    )
    out = dates.enrich(articles, context)
    assert list(out.columns) == [
        schema.PUBLISHED,
        schema.PUBLISHED_EARLIEST,
        schema.PUBLISHED_LATEST,
        schema.DATE_PRECISION,
        schema.DATE_BASIS,
        schema.DATE_EVIDENCE,
    ]
    for column in (schema.PUBLISHED, schema.PUBLISHED_EARLIEST, schema.PUBLISHED_LATEST):
        assert pa.array(out[column], type=pa.date32()) is not None
    published, earliest, latest = (
        out[c] for c in (schema.PUBLISHED, schema.PUBLISHED_EARLIEST, schema.PUBLISHED_LATEST)
    )
    assert all(lo <= p <= hi for p, lo, hi in zip(published, earliest, latest, strict=True))


def test_any_listing_gives_valid_intervals(context):
    # Shuffled dates, some text clues, both orders: every row must pass the contract.
    rng = random.Random(7)
    summaries = ["plain", "Figures for the whole of 2017.", "Victims during 2016 rose."]
    for order in ("newest_first", "oldest_first", "unknown"):
        items = [(f"T{i}", rng.choice(summaries)) for i in range(40)]
        listed = {
            i: D(2017, 1, 1) + timedelta(days=rng.randrange(700))
            for i in range(1, 41)
            if rng.random() < 0.3
        }
        out = dates.enrich(frame(items, order=order, listed=listed), context)
        for p, lo, hi in zip(
            out[schema.PUBLISHED],
            out[schema.PUBLISHED_EARLIEST],
            out[schema.PUBLISHED_LATEST],
            strict=True,
        ):
            assert lo is None or hi is None or lo <= hi
            assert p is None or ((lo is None or lo <= p) and (hi is None or p <= hi))
        assert set(out[schema.DATE_PRECISION]) <= set(schema.DATE_PRECISIONS)


def test_out_of_order_neighbours_give_the_span_between_them(context):
    articles = frame(
        [("A", "a"), ("B", "b"), ("C", "c")], listed={1: D(2018, 1, 1), 3: D(2018, 3, 1)}
    )
    out = dates.enrich(articles, context)
    assert columns(out, 2)[1:3] == (D(2017, 12, 29), D(2018, 3, 4))
    assert "out of order" in out[schema.DATE_EVIDENCE].iloc[1]
