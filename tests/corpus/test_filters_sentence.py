"""The filters of a view in words (wording.filters_sentence), as a table of cases."""

from __future__ import annotations

from datetime import date

import pytest

from insights.corpus import Filters, wording


@pytest.mark.parametrize(
    ("filters", "sentence"),
    [
        (Filters(), "Filters: none (every article)."),
        (Filters(themes=("County lines",)), "Filters: theme County lines."),
        (
            Filters(themes=("A", "B", "C")),
            "Filters: themes A, B and C.",
        ),
        (
            Filters(start=date(2018, 1, 1), end=date(2018, 6, 30)),
            "Filters: dates 1 Jan 2018 to 30 Jun 2018.",
        ),
        (Filters(start=date(2018, 1, 1)), "Filters: dates from 1 Jan 2018."),
        (Filters(end=date(2018, 6, 30)), "Filters: dates up to 30 Jun 2018."),
        (
            Filters(text='"county lines" -police', entities=("Barnardo's",)),
            'Filters: search “"county lines" -police”; named Barnardo\'s.',
        ),
        (
            Filters(entities=("NCA", "Barnardo's"), publishers=("ECPAT UK", "Unseen")),
            "Filters: named NCA or Barnardo's; publishers ECPAT UK or Unseen.",
        ),
        (Filters(publishers=("ECPAT UK",)), "Filters: publisher ECPAT UK."),
        (
            Filters(bases=("stated", "curated")),
            "Filters: dates stated or curated.",
        ),
    ],
)
def test_filters_sentence(filters, sentence):
    assert wording.filters_sentence(filters) == sentence
