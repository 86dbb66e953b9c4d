"""Every enrichment on the 26 shipped articles: the figures, names and dates they must find."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pyarrow as pa
import pytest

from insights import enrich, schema
from insights.enrich.dates import TOLERANCE

from enrich_frames import SEED, frame


def seed_items() -> list[tuple[str, str]]:
    # A tiny splitter, so these tests do not wait on the real reader: blank-line blocks
    # alternate headline and summary; the summary ends with "Read more".
    blocks = [b.strip() for b in SEED.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    return [
        (t, s.removesuffix("Read more")) for t, s in zip(blocks[::2], blocks[1::2], strict=True)
    ]


@pytest.fixture(scope="module")
def seed(context) -> pd.DataFrame:
    articles = frame(seed_items(), source=str(SEED))
    for _name, enrichment in enrich.registry():
        added = enrichment(articles, context)
        assert added.index.equals(articles.index)
        articles = pd.concat([articles, added], axis=1)
    return articles


def at(seed: pd.DataFrame, position: int) -> pd.Series:
    return seed.iloc[position - 1]


def test_the_seed_has_26_articles_and_passes_the_contract(seed):
    assert len(seed) == 26
    schema.validate(pa.Table.from_pandas(seed[list(schema.COLUMN_NAMES)], preserve_index=False))


def test_every_article_has_a_theme_with_its_phrases(seed):
    for themes, evidence in zip(seed[schema.THEMES], seed[schema.THEME_EVIDENCE], strict=True):
        assert themes
        assert [e[schema.EVIDENCE_THEME] for e in evidence] == themes
        assert all(e[schema.EVIDENCE_PHRASES] for e in evidence)


@pytest.mark.parametrize(
    ("position", "theme"),
    [
        (20, "Criminal exploitation & county lines"),
        (17, "Online abuse"),
        (22, "Support & the NRM"),
        (11, "Travel & tourism"),
        (15, "Awards & organisation news"),
        (2, "Migrant & unaccompanied children"),
        (26, "Child trafficking"),
    ],
)
def test_themes_on_the_seed(seed, position, theme):
    assert theme in at(seed, position)[schema.THEMES]


@pytest.mark.parametrize(
    ("position", "value", "kind", "qualifier", "counted"),
    [
        (1, 120535, "count", "exact", "people"),
        (7, 50, "count", "more_than", "other experts"),
        (12, 66, "percent", "exact", "children"),
        (14, 1000, "count", "up_to", "children"),
        (14, 11, "age", "as_young_as", None),
        (17, 32, "duration", "exact", "years"),
        (17, 137, "count", "exact", "charges"),
        (22, 0.5, "proportion", "more_than", "frontline workers"),
    ],
)
def test_figures_on_the_seed(seed, position, value, kind, qualifier, counted):
    found = [
        (
            s[schema.STAT_VALUE],
            s[schema.STAT_KIND],
            s[schema.STAT_QUALIFIER],
            s[schema.STAT_COUNTED],
        )
        for s in at(seed, position)[schema.STATISTICS]
    ]
    assert (value, kind, qualifier, counted) in found


def test_no_year_or_date_is_a_figure(seed):
    for stats in seed[schema.STATISTICS]:
        for s in stats:
            assert not (1900 <= s[schema.STAT_VALUE] <= 2100), s[schema.STAT_PHRASE]
    assert (
        sum(len(s) for s in seed[schema.STATISTICS]) == 9
    )  # the eight above and "two UN Committees"


@pytest.mark.parametrize(
    ("position", "name", "type_"),
    [
        (20, "National Crime Agency", "organisation"),
        (12, "National Crime Agency", "organisation"),  # from "NCA"
        (4, "Independent Inquiry into Child Sexual Abuse", "organisation"),
        (11, "ABTA", "organisation"),
        (21, "UN Committees", "organisation"),
        (16, "Oxfam", "organisation"),
        (5, "United Kingdom", "place"),
        (18, "Vietnam", "place"),
        (14, "Telford", "place"),
        (17, "Matthew Falder", "person"),
        (15, "Katherine Mulhern", "person"),
        (15, "Ian Hanham", "person"),
        (13, "Temi Adekoya", "person"),
        (8, "Laura Durán", "person"),
        (8, "Lynda Gibbs", "person"),
        (9, "ECPAT UK", "organisation"),
    ],
)
def test_entities_on_the_seed(seed, position, name, type_):
    entity = {schema.ENTITY_NAME: name, schema.ENTITY_TYPE: type_}
    assert entity in at(seed, position)[schema.ENTITIES]


def test_no_junk_entities(seed):
    names = {e[schema.ENTITY_NAME] for found in seed[schema.ENTITIES] for e in found}
    assert not names & {"Read", "The", "UK", "NCA", "IICSA", "Falder", "Katherine", "NRM"}
    assert all(len(n) > 2 for n in names)


def test_the_two_stated_articles_get_their_dates(seed):
    assert at(seed, 26)[schema.PUBLISHED] == date(2017, 10, 18)
    assert at(seed, 26)[schema.DATE_PRECISION] == "day"
    assert at(seed, 2)[schema.PUBLISHED] == date(2018, 10, 17)
    assert at(seed, 2)[schema.PUBLISHED_LATEST] == date(2018, 10, 17)
    for position in (2, 26):
        assert at(seed, position)[schema.DATE_BASIS] == "stated"
        assert at(seed, position)[schema.DATE_EVIDENCE].startswith("Stated: “")


def test_every_other_date_is_an_interval_in_listing_order(seed):
    published = seed[schema.PUBLISHED].tolist()
    earliest = seed[schema.PUBLISHED_EARLIEST].tolist()
    latest = seed[schema.PUBLISHED_LATEST].tolist()
    assert all(lo <= p <= hi for p, lo, hi in zip(published, earliest, latest, strict=True))
    for above, below in zip(range(25), range(1, 26), strict=True):
        assert published[above] >= published[below]
        assert earliest[above] + TOLERANCE >= earliest[below]
        assert latest[above] + TOLERANCE >= latest[below]
    inferred = seed[seed[schema.DATE_BASIS] == "inferred"]
    assert len(inferred) == 23
    assert inferred[schema.DATE_EVIDENCE].str.startswith("Inferred from listing order").all()
    # A year's listing read with a few days' tolerance is still dated to about a year.
    assert set(inferred[schema.DATE_PRECISION]) == {"year"}


def test_during_2017_puts_the_statistics_item_in_2018(seed):
    item = at(seed, 12)
    assert item[schema.PUBLISHED_EARLIEST] == date(2018, 1, 1)
    assert "‘during 2017’ → after 1 Jan 2018" in item[schema.DATE_EVIDENCE]


def test_anti_slavery_day_2018_dates_the_top_item(seed):
    item = at(seed, 1)
    assert item[schema.PUBLISHED] == date(2018, 10, 18)
    assert item[schema.PUBLISHED_LATEST] - item[schema.PUBLISHED_EARLIEST] == timedelta(days=7)


def test_word_counts(seed):
    assert (seed[schema.WORD_COUNT] > 10).all()


def test_every_enrichment_accepts_an_empty_frame_and_keeps_a_custom_index(context):
    empty = frame([])
    shuffled = frame([("A headline", "Up to 1,000 children in Telford.")]).set_axis([41])
    for _name, enrichment in enrich.registry():
        assert len(enrichment(empty, context)) == 0
        assert list(enrichment(shuffled, context).index) == [41]
