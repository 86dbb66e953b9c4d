"""The corpus: selecting rows with Filters, its columns, and equivalence with naive pandas."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from insights import serving
from insights.corpus import Filters, columns

import fixtures
from samples import (
    ALL,
    CL,
    CT,
    FIGURES,
    GANGS,
    GARDENERS,
    JAILED,
    OL,
    RANDOM_FILTERS,
    RURAL,
    UNDATED,
    naive_select,
    titles,
)


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(), ALL),
        (Filters(themes=(CL,)), {GANGS, RURAL}),
        (Filters(themes=(CL, OL)), {GANGS, RURAL, JAILED}),
        (Filters(themes=("No such theme",)), set()),
        (Filters(start=date(2018, 1, 1)), {GANGS, JAILED, FIGURES}),
        (Filters(end=date(2017, 12, 31)), {RURAL, GARDENERS}),
        (Filters(start=date(2018, 3, 1), end=date(2018, 6, 1)), {JAILED, FIGURES}),
        (Filters(text="county"), {GANGS, RURAL}),
        (Filters(text='"county lines" -gangs'), {RURAL}),
        (Filters(text="trafficking OR online"), {FIGURES, JAILED}),
        (Filters(text="   "), ALL),
        (Filters(entities=("National Crime Agency",)), {GANGS}),
        (Filters(entities=("Matthew Falder", "United Kingdom")), {GANGS, JAILED}),
        (Filters(entities=("Nobody",)), set()),
        (Filters(bases=("inferred",)), {FIGURES, UNDATED}),
        (Filters(bases=("curated",)), set()),
        (Filters(themes=(CT,), bases=("stated",)), {GANGS, GARDENERS}),
        (Filters(themes=[CT], text="trafficking", start=date(2018, 1, 1)), {FIGURES}),
    ],
)
def test_select(corpus, filters, expected):
    rows = corpus.select(filters)
    assert titles(corpus, rows) == expected
    assert list(rows) == sorted(rows)


def test_corpus_basics(corpus):
    assert len(corpus) == 6
    assert corpus.themes == (CT, CL, OL)  # by frequency without a taxonomy
    assert set(corpus.theme_colours) == {CT, CL, OL}
    assert corpus.date_bounds() == (date(2017, 10, 18), date(2018, 9, 20))
    assert corpus.entity_options(limit=2) == ["Matthew Falder", "National Crime Agency"]
    assert corpus.version == corpus.metadata["dataset_version"]
    (sidecar,) = corpus.path.with_suffix(".index").iterdir()
    assert sidecar.name.startswith(corpus.version)


def test_taxonomy_gives_order_and_colours(tmp_path):
    taxonomy = [
        {"name": OL, "colour": "#111111", "description": "", "phrases": []},
        {"name": CL, "description": "", "phrases": []},
        {"name": "Unused", "colour": "#222222"},
    ]
    path = fixtures.write(tmp_path / "a.parquet", fixtures.sample_rows(), taxonomy=taxonomy)
    corpus = serving.load(path)
    assert corpus.themes == (OL, CL, "Unused", CT)
    assert corpus.theme_colours[OL] == "#111111"
    assert corpus.theme_colours["Unused"] == "#222222"


@pytest.mark.parametrize("filters", RANDOM_FILTERS)
def test_select_matches_pandas(random_corpus, filters):
    frame = random_corpus.table.to_pandas()
    assert random_corpus.select(filters).tolist() == naive_select(frame, filters)


def test_side_values_of_the_selected_articles(corpus):
    rows = np.array([0, 1, 4], dtype=np.int64)
    owners = corpus.side_values(corpus.entity_rows, rows, corpus.entity_offsets)
    assert sorted(owners) == [0, 0, 1]
    every = corpus.as_rows(None)
    assert (
        corpus.side_values(corpus.entity_rows, every, corpus.entity_offsets) is corpus.entity_rows
    )


def test_selection_cache_is_bounded(corpus, monkeypatch):
    monkeypatch.setattr(columns, "SELECTION_CACHE_BYTES", 100)
    for year in range(2000, 2020):
        corpus.select(Filters(start=date(year, 1, 1)))
    assert sum(rows.nbytes for rows in corpus._selections.values()) <= 100
    assert corpus.select(Filters(start=date(2019, 1, 1))).size == 0
