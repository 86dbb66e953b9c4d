"""The sample corpus's titles, random articles, and naive pandas filters for equivalence tests.

Shared by tests/corpus/ and tests/test_serving.py; the rows themselves are fixtures.sample_rows().
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pandas as pd

from insights import schema
from insights.corpus import Filters

import fixtures

CL, CT, OL = "County lines", "Child trafficking", "Online abuse"
# sample_rows() titles, by position in the listing
GANGS = "Children exploited by county lines gangs"  # 2018-09-20, CL + CT, stated, a figure
JAILED = "Online abuser jailed for 32 years"  # 2018-06-01, OL
FIGURES = "Trafficking figures rise by 66%"  # 2018-03-15, CT, inferred within March
RURAL = "County lines in rural towns"  # 2017-12-05, CL
GARDENERS = "Secret Gardeners film released"  # 2017-10-18, CT
UNDATED = "Undated item"  # no date, no theme
ALL = {GANGS, JAILED, FIGURES, RURAL, GARDENERS, UNDATED}
HOSTILE = '<script>alert("x")</script> & =HYPERLINK("http://x")'


def titles(corpus, rows):
    return set(corpus.table.column(schema.TITLE).take(rows).to_pylist())


THEMES = ("A", "B", "C", "D", "E")

ENTITIES = ("NCA", "Home Office", "Telford", "Europol")


def random_rows(count: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for i in range(count):
        dated = rng.random() > 0.1
        day = date(2015, 1, 1) + timedelta(days=rng.randrange(0, 1500))
        rows.append(
            fixtures.article(
                f"Article {i}",
                published=day if dated else None,
                published_earliest=day if dated else None,
                published_latest=day if dated else None,
                date_precision="day" if dated else "unknown",
                date_basis=rng.choice(schema.DATE_BASES) if dated else "inferred",
                themes=rng.sample(THEMES, rng.randrange(0, 3)),
                entities=[
                    fixtures.entity(name, "organisation")
                    for name in rng.sample(ENTITIES, rng.randrange(0, 3))
                ],
                position=i + 1,
            )
        )
    return rows


def naive_select(frame: pd.DataFrame, f: Filters) -> list[int]:
    keep = pd.Series(True, index=frame.index)
    published = pd.to_datetime(frame[schema.PUBLISHED])
    if f.themes:
        keep &= frame[schema.THEMES].apply(lambda ts: any(t in f.themes for t in ts))
    if f.start:
        keep &= published >= pd.Timestamp(f.start)
    if f.end:
        keep &= published <= pd.Timestamp(f.end)
    if f.bases:
        keep &= frame[schema.DATE_BASIS].isin(f.bases)
    if f.entities:
        names = frame[schema.ENTITIES].apply(lambda es: {e[schema.ENTITY_NAME] for e in es})
        keep &= names.apply(lambda ns: bool(ns & set(f.entities)))
    return list(frame.index[keep])


RANDOM_FILTERS = [
    Filters(),
    Filters(themes=("A",)),
    Filters(themes=("B", "E")),
    Filters(start=date(2016, 1, 1)),
    Filters(end=date(2016, 6, 30)),
    Filters(start=date(2015, 6, 1), end=date(2016, 5, 31), themes=("C",)),
    Filters(entities=("Telford",)),
    Filters(entities=("NCA", "Europol"), bases=("stated", "curated")),
    Filters(bases=("inferred",), themes=("D", "A")),
]
