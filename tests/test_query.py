"""Filters and aggregations over the sample articles, and equivalence with naive pandas."""

from __future__ import annotations

import io
import json
import random
import shutil
from datetime import date, timedelta

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from insights import query, schema, store
from insights.query import Filters

import fixtures

CL, CT, OL = "County lines", "Child trafficking", "Online abuse"
# sample_rows() titles, by position in the listing
GANGS = "Children exploited by county lines gangs"  # 2018-09-20, CL + CT, stated, a figure
JAILED = "Online abuser jailed for 32 years"  # 2018-06-01, OL
FIGURES = "Trafficking figures rise by 66%"  # 2018-03-15, CT, inferred within March
RURAL = "County lines in rural towns"  # 2017-12-05, CL
GARDENERS = "Secret Gardeners film released"  # 2017-10-18, CT
UNDATED = "Undated item"  # no date, no theme


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("data") / "articles.parquet"
    return query.Corpus.load(fixtures.write(path, fixtures.sample_rows()))


def titles(corpus, rows):
    return set(corpus.table.column(schema.TITLE).take(rows).to_pylist())


ALL = {GANGS, JAILED, FIGURES, RURAL, GARDENERS, UNDATED}


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
    corpus = query.Corpus.load(path)
    assert corpus.themes == (OL, CL, "Unused", CT)
    assert corpus.theme_colours[OL] == "#111111"
    assert corpus.theme_colours["Unused"] == "#222222"


@pytest.mark.parametrize("name", ["missing.parquet", "broken.parquet"])
def test_load_fails_in_one_line(tmp_path, name):
    (tmp_path / "broken.parquet").write_text("not parquet")
    with pytest.raises(store.DatasetError) as error:
        query.Corpus.load(tmp_path / name)
    assert "\n" not in str(error.value)


def test_index_falls_back_to_memory_when_sidecar_cannot_be_written(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    path.with_suffix(".index").write_text("in the way")  # fails like a read-only directory
    corpus = query.Corpus.load(path)
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}


def test_stale_index_is_rebuilt(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    query.Corpus.load(path)
    rows = [*fixtures.sample_rows(), fixtures.article("Gardeners again")]
    fixtures.write(path, rows)
    corpus = query.Corpus.load(path)
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {
        GARDENERS,
        "Gardeners again",
    }
    (sidecar,) = path.with_suffix(".index").iterdir()
    assert sidecar.name.startswith(corpus.version)


def test_unreadable_index_is_rebuilt(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    query.Corpus.load(path)
    (sidecar,) = path.with_suffix(".index").iterdir()
    (sidecar / "meta.json").write_text('{"format": -1}')
    corpus = query.Corpus.load(path)
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}
    assert [d.name for d in path.with_suffix(".index").iterdir()] == [sidecar.name]


# The serving copy: what Corpus.load memory-maps instead of decoding the Parquet file

AGGREGATIONS = {
    "headline": query.headline,
    "over time": query.articles_over_time,
    "over time by week": lambda c, r: query.articles_over_time(c, r, "week"),
    "over time by theme": lambda c, r: query.articles_over_time(c, r, "year", by_theme=True),
    "date intervals": query.date_intervals,
    "theme counts": query.theme_counts,
    "theme share": query.theme_share_over_time,
    "cooccurrence": query.theme_cooccurrence,
    "theme phrases": query.theme_phrases,
    "statistics": query.statistics_table,
    "facets": query.facets,
    "period changes": query.period_changes,
    **{
        f"page by {sort}{' descending' * d}": (
            lambda c, r, s=sort, d=d: query.table_page(c, r, sort=s, descending=d, page_size=5)
        )
        for sort in query.SORTS
        for d in (False, True)
    },
    "page 2": lambda c, r: query.table_page(c, r, page=2, page_size=3),
    "relevance": lambda c, r: query.table_page(c, r, sort="relevance", text="county"),
    "csv by title": lambda c, r: query.articles_csv(c, r, sort="title"),
}
SERVING_FILTERS = [Filters(), Filters(themes=(CL,)), Filters(text="trafficking OR county")]


def _assert_same(got, expected):
    if isinstance(expected, pd.DataFrame):
        pd.testing.assert_frame_equal(got, expected)
    elif isinstance(expected, dict):
        assert got.keys() == expected.keys()
        for key in expected:
            _assert_same(got[key], expected[key])
    elif isinstance(expected, tuple):
        assert len(got) == len(expected)
        for one, other in zip(got, expected, strict=True):
            _assert_same(one, other)
    else:
        assert got == expected


@pytest.fixture(scope="module", params=["sample", "random"])
def mapped_and_decoded(request, tmp_path_factory):
    """The same dataset from its serving copy and decoded from Parquet as before."""
    rows = fixtures.sample_rows() if request.param == "sample" else _random_rows(60)
    path = fixtures.write(tmp_path_factory.mktemp("serving") / "articles.parquet", rows)
    dataset = store.read_dataset(path)
    decoded = query.Corpus.from_table(dataset.table, dataset.metadata)
    assert query.Corpus.load(path).serving is not None  # writes the serving copy
    mapped = query.Corpus.load(path)
    assert mapped.serving == query.prepare(path)
    return mapped, decoded


def test_serving_copy_holds_what_the_parquet_file_gives(mapped_and_decoded):
    mapped, decoded = mapped_and_decoded
    assert mapped.table.equals(decoded.table)
    assert mapped.metadata == decoded.metadata
    assert (mapped.themes, mapped.theme_colours, mapped.entities, mapped.phrases) == (
        decoded.themes,
        decoded.theme_colours,
        decoded.entities,
        decoded.phrases,
    )
    assert mapped.statistics.equals(decoded.statistics)
    for name, value in vars(mapped).items():
        if isinstance(value, np.ndarray):
            assert not value.flags.writeable, name
            np.testing.assert_array_equal(value, getattr(decoded, name), err_msg=name)
    some_id = decoded.table.column(schema.ARTICLE_ID)[2].as_py()
    assert query.article(mapped, some_id) == query.article(decoded, some_id)


@pytest.mark.parametrize("filters", SERVING_FILTERS)
@pytest.mark.parametrize("name", AGGREGATIONS)
def test_serving_copy_gives_the_same_results(mapped_and_decoded, name, filters):
    mapped, decoded = mapped_and_decoded
    rows = mapped.select(filters)
    np.testing.assert_array_equal(rows, decoded.select(filters))
    _assert_same(AGGREGATIONS[name](mapped, rows), AGGREGATIONS[name](decoded, rows))


def _theme_counts(corpus) -> dict[str, int]:
    frame = query.theme_counts(corpus, corpus.select(Filters()))
    return dict(zip(frame[query.THEME], frame[query.ARTICLES], strict=True))


def test_rewritten_dataset_of_the_same_version_gets_a_new_serving_copy(tmp_path):
    # same texts, so the same dataset version and search index, but other themes
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    before = query.Corpus.load(path)
    rows = [{**row, schema.THEMES: [], schema.THEME_EVIDENCE: []} for row in fixtures.sample_rows()]
    fixtures.write(path, rows)
    corpus = query.Corpus.load(path)
    assert corpus.version == before.version
    assert _theme_counts(before) == {CT: 3, CL: 2, OL: 1}
    assert _theme_counts(corpus) == {}
    assert _theme_counts(query.Corpus.load(path)) == {}


def test_serving_copy_of_an_older_version_is_replaced(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    old = query.prepare(path)
    fixtures.write(path, [*fixtures.sample_rows(), fixtures.article("Gardeners again")])
    corpus = query.Corpus.load(path)
    assert len(corpus) == 7
    assert corpus.serving is not None and corpus.serving != old
    assert [d.name for d in path.with_suffix(".index").iterdir()] == [corpus.serving.parent.name]
    assert query.Corpus.load(path).serving == corpus.serving


def _truncate(path):
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _manifest_edit(**changes):
    def edit(folder):
        manifest = json.loads((folder / "manifest.json").read_text())
        (folder / "manifest.json").write_text(json.dumps({**manifest, **changes}))

    return edit


BREAKAGES = {
    "manifest missing": lambda folder: (folder / "manifest.json").unlink(),
    "manifest not JSON": lambda folder: (folder / "manifest.json").write_text("{"),
    "older format": _manifest_edit(format=0),
    "other dataset": _manifest_edit(fingerprint="0-0-0"),
    "fewer rows": _manifest_edit(rows=3),
    "array missing": lambda folder: (folder / "day.npy").unlink(),
    "array truncated": lambda folder: _truncate(folder / "entity_ids.npy"),
    "array of another shape": lambda folder: np.save(folder / "day.npy", np.zeros(2, np.int32)),
    "array not listed": _manifest_edit(arrays={}),
    "table truncated": lambda folder: _truncate(folder / "articles.arrow"),
    "table not Arrow": lambda folder: (folder / "articles.arrow").write_text("not arrow"),
    "table of another schema": lambda folder: _write_arrow(folder / "articles.arrow"),
    "folder is a file": lambda folder: (shutil.rmtree(folder), folder.write_text("in the way")),
}


def _write_arrow(path):
    table = pa.table({"x": [1, 2, 3]})
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(table)


@pytest.mark.parametrize("breakage", BREAKAGES.values(), ids=BREAKAGES.keys())
def test_broken_serving_copy_is_rebuilt(tmp_path, breakage):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    folder = query.prepare(path)
    breakage(folder)
    corpus = query.Corpus.load(path)
    assert _theme_counts(corpus) == {CT: 3, CL: 2, OL: 1}
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}
    assert corpus.serving == folder
    assert query.Corpus.load(path).serving == folder  # and the rebuilt copy opens


def test_half_written_serving_copy_is_ignored(tmp_path):
    # a build that died while writing leaves its scratch folder, never a half folder
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    folder = query.prepare(path)
    shutil.rmtree(folder)
    scratch = folder.parent / ".building-dead"
    scratch.mkdir()
    (scratch / "articles.arrow").write_text("half")
    corpus = query.Corpus.load(path)
    assert corpus.serving == folder and len(corpus) == 6
    assert scratch.is_dir()  # possibly another process's: left alone


def test_serving_copy_cannot_be_written(tmp_path, monkeypatch):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())

    def read_only(*args, **kwargs):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(query.tempfile, "mkdtemp", read_only)
    corpus = query.Corpus.load(path)
    assert corpus.serving is None
    assert _theme_counts(corpus) == {CT: 3, CL: 2, OL: 1}
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}
    assert query.prepare(path) is None


def test_serving_copy_without_index_gains_one(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    first = query.Corpus.load(path, search=False)
    assert first.serving is not None and first.index is None
    corpus = query.Corpus.load(path)
    assert corpus.serving == first.serving  # the index was added beside it, not over it
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}
    assert query.Corpus.load(path).serving == first.serving


def test_headline(corpus):
    assert query.headline(corpus, corpus.select(Filters())) == query.Headline(
        articles=6,
        first=date(2017, 10, 18),
        last=date(2018, 9, 20),
        themes_present=3,
        statistics=1,
        stated=4,
        inferred=2,
        curated=0,
        undated=1,
    )
    assert query.headline(corpus, corpus.select(Filters(themes=(OL,)))).statistics == 0


@pytest.mark.parametrize(
    ("freq", "expected"),
    [
        # (period start, articles, stated, inferred); quarters between are zero-filled
        (
            "quarter",
            [
                ("2017-10-01", 2, 2, 0),
                ("2018-01-01", 1, 0, 1),
                ("2018-04-01", 1, 1, 0),
                ("2018-07-01", 1, 1, 0),
            ],
        ),
        ("year", [("2017-01-01", 2, 2, 0), ("2018-01-01", 3, 2, 1)]),
    ],
)
def test_articles_over_time(corpus, freq, expected):
    frame = query.articles_over_time(corpus, corpus.select(Filters()), freq)
    assert list(frame.columns) == [query.PERIOD, query.ARTICLES, query.STATED, query.INFERRED]
    got = [(p.strftime("%Y-%m-%d"), a, s, i) for p, a, s, i in frame.itertuples(index=False)]
    assert got == expected


def test_months_are_zero_filled_only_inside_the_span(corpus):
    frame = query.articles_over_time(corpus, corpus.select(Filters(themes=(CL,))), "month")
    assert frame[query.PERIOD].iloc[0] == pd.Timestamp("2017-12-01")
    assert frame[query.PERIOD].iloc[-1] == pd.Timestamp("2018-09-01")
    assert len(frame) == 10
    assert frame[query.ARTICLES].tolist() == [1] + [0] * 8 + [1]


def test_weeks_start_on_monday(corpus):
    frame = query.articles_over_time(corpus, corpus.select(Filters(themes=(OL,))), "week")
    assert frame[query.PERIOD].tolist() == [pd.Timestamp("2018-05-28")]  # 1 June 2018: Friday


def test_articles_over_time_by_theme_counts_each_theme(corpus):
    frame = query.articles_over_time(corpus, corpus.select(Filters()), "year", by_theme=True)
    counts = {
        (p.year, t): a for p, t, a in frame[[query.PERIOD, query.THEME, query.ARTICLES]].values
    }
    assert counts == {
        (2017, CT): 1,
        (2017, CL): 1,
        (2017, OL): 0,
        (2018, CT): 2,
        (2018, CL): 1,
        (2018, OL): 1,
    }
    assert frame[query.ARTICLES].sum() == 6  # GANGS counts twice, UNDATED not at all


def test_date_intervals_most_recent_first(corpus):
    frame = query.date_intervals(corpus, corpus.select(Filters()), limit=3)
    assert frame[schema.TITLE].tolist() == [GANGS, JAILED, FIGURES]
    assert frame[schema.PUBLISHED_EARLIEST].iloc[2] == date(2018, 3, 1)
    assert frame[schema.PUBLISHED_LATEST].iloc[2] == date(2018, 3, 31)


def test_theme_counts(corpus):
    frame = query.theme_counts(corpus, corpus.select(Filters()))
    assert frame[[query.THEME, query.ARTICLES]].values.tolist() == [[CT, 3], [CL, 2], [OL, 1]]
    assert frame[query.SHARE].tolist() == [0.5, pytest.approx(1 / 3), pytest.approx(1 / 6)]
    assert frame[query.COLOUR].tolist() == [corpus.theme_colours[t] for t in (CT, CL, OL)]


def test_theme_share_over_time(corpus):
    frame = query.theme_share_over_time(corpus, corpus.select(Filters()), "year")
    shares = {(p.year, t): s for p, t, _, s in frame.itertuples(index=False)}
    assert shares[(2018, CT)] == pytest.approx(2 / 3)
    assert shares[(2017, OL)] == 0


def test_theme_cooccurrence(corpus):
    frame = query.theme_cooccurrence(corpus, corpus.select(Filters()))
    pairs = {(a, b): n for a, b, n in frame.itertuples(index=False)}
    assert len(pairs) == 9
    assert pairs[(CL, CT)] == pairs[(CT, CL)] == 1
    assert pairs[(CT, CT)] == 3
    assert pairs[(OL, CL)] == 0


@pytest.mark.parametrize(
    ("theme", "expected"),
    [
        (CL, [(CL, "county lines", 2)]),
        (
            CT,
            [(CT, "child trafficking", 1), (CT, "trafficked", 1), (CT, "trafficking", 1)],
        ),
        ("No such theme", []),
    ],
)
def test_theme_phrases(corpus, theme, expected):
    frame = query.theme_phrases(corpus, corpus.select(Filters()), theme)
    assert [tuple(r) for r in frame.itertuples(index=False)] == expected


def test_statistics_table(corpus):
    frame = query.statistics_table(corpus, corpus.select(Filters()))
    assert len(frame) == 1
    row = frame.iloc[0]
    assert row[query.LABEL] == "up to 1,000"
    assert row[schema.TITLE] == GANGS
    assert row[schema.STAT_COUNTED] == "children"
    assert query.statistics_table(corpus, corpus.select(Filters()), kinds=("percent",)).empty


@pytest.mark.parametrize(
    ("value", "kind", "qualifier", "phrase", "label"),
    [
        (1000, "count", "up_to", "up to 1,000", "up to 1,000"),
        (66, "percent", "exact", "66%", "66%"),
        (0.5, "proportion", "more_than", "more than half", "more than half"),
        (2.5, "money", "about", "about £2.5", "about £2.5"),
        (2_000_000, "money", "exact", "£2m", "£2m"),
        (1_250_000_000, "money", "more_than", "more than $1.25bn", "more than $1.25bn"),
        (0.2, "ratio", "exact", "one in five", "1 in 5"),
        (0.3, "ratio", "exact", "3 in 10", "3 in 10"),
        (2 / 3, "proportion", "about", "about two thirds", "about two thirds"),
        (0.42, "proportion", "exact", "0.42", "42%"),
        (11, "duration", "exact", "11 years", "11 years"),
        (13, "age", "as_young_as", "as young as 13", "as young as 13"),
    ],
)
def test_statistic_labels(value, kind, qualifier, phrase, label):
    figure = fixtures.statistic(value, kind, phrase, phrase, qualifier=qualifier)
    assert query._label(figure) == label


@pytest.mark.parametrize(
    ("value", "kind", "qualifier", "phrase", "counted", "heading"),
    [
        (1000, "count", "up_to", "Up to 1,000 children", "children", "up to 1,000 children"),
        (32, "duration", "exact", "32 years", "years", "32 years"),
        (66, "percent", "exact", "66% rise in the number of children", "children", "66%"),
        (0.5, "proportion", "more_than", "more than half", "frontline workers",
         "more than half of frontline workers"),
        (11, "age", "as_young_as", "as young as 11 years old", None, "as young as 11"),
        (137, "count", "exact", "137 charges", "charges", "137 charges"),
    ],
)  # fmt: skip
def test_statistic_headings(value, kind, qualifier, phrase, counted, heading):
    figure = fixtures.statistic(value, kind, phrase, phrase, qualifier=qualifier, counted=counted)
    assert query._heading(figure, query._label(figure)) == heading


def test_facets(corpus):
    result = query.facets(corpus, corpus.select(Filters(themes=(CT,))), limit=2)
    assert set(result) == {"theme", "entity", "year", "date_basis"}
    assert result["theme"].values.tolist() == [[CT, 3], [CL, 1]]
    assert result["year"].values.tolist() == [[2018, 2], [2017, 1]]
    assert result["date_basis"].values.tolist() == [["stated", 2], ["inferred", 1]]
    assert len(result["entity"]) == 2


@pytest.mark.parametrize(
    ("sort", "descending", "page", "page_size", "expected"),
    [
        ("published", True, 1, 3, [GANGS, JAILED, FIGURES]),
        ("published", True, 2, 3, [RURAL, GARDENERS, UNDATED]),  # undated last
        ("published", False, 1, 2, [GARDENERS, RURAL]),
        ("published", False, 3, 2, [GANGS, UNDATED]),
        ("title", False, 1, 2, [GANGS, RURAL]),
        ("title", True, 1, 1, [UNDATED]),
        ("position", False, 1, 2, [GANGS, JAILED]),
        ("published", True, 9, 3, []),
        ("relevance", True, 1, 2, [GANGS, JAILED]),  # no text: newest first
    ],
)
def test_table_page(corpus, sort, descending, page, page_size, expected):
    frame, total = query.table_page(
        corpus,
        corpus.select(Filters()),
        sort=sort,
        descending=descending,
        page=page,
        page_size=page_size,
    )
    assert frame[schema.TITLE].tolist() == expected
    assert total == 6
    assert list(frame.columns) == [
        schema.ARTICLE_ID,
        schema.TITLE,
        schema.SUMMARY,
        schema.PUBLISHED,
        schema.DATE_BASIS,
        schema.DATE_PRECISION,
        schema.THEMES,
    ]


def test_table_page_by_relevance(corpus):
    rows = corpus.select(Filters(text="county"))
    frame, total = query.table_page(corpus, rows, sort="relevance", text="county")
    assert total == 2
    assert set(frame[schema.TITLE]) == {GANGS, RURAL}


def test_table_page_small_selection_uses_ranks(corpus):
    rows = corpus.select(Filters(themes=(CL,)))
    frame, total = query.table_page(corpus, rows, page_size=1)
    assert (frame[schema.TITLE].tolist(), total) == ([GANGS], 2)


def test_article(corpus):
    first = query.table_page(corpus, corpus.select(Filters()))[0][schema.ARTICLE_ID][0]
    found = query.article(corpus, first)
    assert found[schema.TITLE] == GANGS
    assert found[schema.ENTITIES][0][schema.ENTITY_NAME] == "National Crime Agency"
    assert query.article(corpus, "no-such-id") is None


def test_period_changes(corpus):
    changes = query.period_changes(corpus, corpus.select(Filters()))
    starts = "The data starts on 18 October 2017, part-way through the six months before."
    assert [c.sentence for c in changes] == [
        f"Child trafficking: 1 article in the last six months, down from 2. {starts}"
        " 1 of the 3 dates counted is an estimate.",
        f"Online abuse: 1 article in the last six months, up from 0. {starts}",
        "County lines: 1 article in the last six months, the same as in the six months before."
        f" {starts}",
    ]
    assert (changes[0].start, changes[0].end) == (date(2018, 3, 21), date(2018, 9, 20))
    assert (changes[0].previous_start, changes[0].previous_end) == (
        date(2017, 9, 21),
        date(2018, 3, 20),
    )


@pytest.mark.parametrize(
    ("filters", "months", "today", "sentence"),
    [
        (
            Filters(themes=(CT,)),
            12,
            None,
            "Child trafficking: 3 articles in the last twelve months; the data starts on"
            " 18 October 2017, so there is nothing to compare with. 1 of the 3 dates counted"
            " is an estimate.",
        ),
        (
            Filters(themes=(CL,)),
            3,
            date(2018, 4, 30),
            "County lines: 0 articles in the last three months, down from 1.",
        ),
        (
            Filters(themes=(OL,)),
            1,
            date(2018, 6, 30),
            "Online abuse: 1 article in the last month, up from 0.",
        ),
    ],
)
def test_period_change_sentences(corpus, filters, months, today, sentence):
    changes = query.period_changes(corpus, corpus.select(filters), months=months, today=today)
    assert changes[0].sentence == sentence


def test_empty_selection_gives_empty_frames_with_columns(corpus):
    rows = corpus.select(Filters(themes=("No such theme",)))
    expected = {
        query.articles_over_time: [query.PERIOD, query.ARTICLES, query.STATED, query.INFERRED],
        query.date_intervals: [
            schema.ARTICLE_ID,
            schema.TITLE,
            schema.PUBLISHED,
            schema.PUBLISHED_EARLIEST,
            schema.PUBLISHED_LATEST,
            schema.DATE_BASIS,
            schema.DATE_PRECISION,
        ],
        query.theme_counts: [query.THEME, query.ARTICLES, query.SHARE, query.COLOUR],
        query.theme_share_over_time: [query.PERIOD, query.THEME, query.ARTICLES, query.SHARE],
        query.theme_cooccurrence: [query.THEME_A, query.THEME_B, query.ARTICLES],
        query.theme_phrases: [query.THEME, query.PHRASE, query.ARTICLES],
    }
    for function, columns in expected.items():
        frame = function(corpus, rows)
        assert frame.empty and list(frame.columns) == columns, function.__name__
    by_theme = query.articles_over_time(corpus, rows, by_theme=True)
    assert by_theme.empty and query.THEME in by_theme.columns
    assert query.statistics_table(corpus, rows).empty
    assert all(f.empty for f in query.facets(corpus, rows).values())
    frame, total = query.table_page(corpus, rows)
    assert frame.empty and total == 0
    assert query.period_changes(corpus, rows) == []
    assert query.headline(corpus, rows).first is None


HOSTILE = '<script>alert("x")</script> & =HYPERLINK("http://x")'


def test_hostile_text_comes_back_unchanged(tmp_path):
    rows = [fixtures.article(HOSTILE, HOSTILE, themes=["<b>theme</b>"])]
    corpus = query.Corpus.load(fixtures.write(tmp_path / "a.parquet", rows))
    rows = corpus.select(Filters(text="script"))
    frame, _ = query.table_page(corpus, rows)
    assert frame[schema.TITLE][0] == HOSTILE
    assert frame[schema.SUMMARY][0] == HOSTILE
    assert query.theme_counts(corpus, rows)[query.THEME][0] == "<b>theme</b>"
    assert query.article(corpus, frame[schema.ARTICLE_ID][0])[schema.TITLE] == HOSTILE


def test_to_csv():
    frame = pd.DataFrame(
        {
            schema.TITLE: [HOSTILE, "plain, with comma"],
            schema.THEMES: [[CL, CT], []],
            schema.PUBLISHED: [date(2018, 1, 2), None],
            query.ARTICLES: [1, 2],
        }
    )
    text = query.to_csv(frame).decode("utf-8-sig")
    back = pd.read_csv(io.StringIO(text), keep_default_na=False)
    assert back[schema.TITLE].tolist() == [HOSTILE, "plain, with comma"]
    assert back[schema.THEMES].tolist() == [f"{CL}; {CT}", ""]
    assert back[schema.PUBLISHED].tolist() == ["2018-01-02", ""]
    formula = query.to_csv(pd.DataFrame({schema.TITLE: ["=1+1", "-5 children"]}))
    assert formula.decode("utf-8-sig").splitlines()[1:] == ["'=1+1", "'-5 children"]


# Equivalence with a naive pandas implementation on random articles

THEMES = ("A", "B", "C", "D", "E")
ENTITIES = ("NCA", "Home Office", "Telford", "Europol")


def _random_rows(count: int, seed: int = 7) -> list[dict]:
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


@pytest.fixture(scope="module")
def random_corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("random") / "articles.parquet"
    return query.Corpus.load(fixtures.write(path, _random_rows(400)))


def _naive_select(frame: pd.DataFrame, f: Filters) -> list[int]:
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


@pytest.mark.parametrize("filters", RANDOM_FILTERS)
def test_select_matches_pandas(random_corpus, filters):
    frame = random_corpus.table.to_pandas()
    assert random_corpus.select(filters).tolist() == _naive_select(frame, filters)


@pytest.mark.parametrize("freq", query.FREQUENCIES)
@pytest.mark.parametrize("filters", RANDOM_FILTERS[:6])
def test_articles_over_time_matches_pandas(random_corpus, freq, filters):
    frame = random_corpus.table.to_pandas().iloc[
        _naive_select(random_corpus.table.to_pandas(), filters)
    ]
    published = pd.to_datetime(frame[schema.PUBLISHED]).dropna()
    alias = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}[freq]
    periods = published.dt.to_period(alias)
    counts = periods.value_counts()
    span = pd.period_range(periods.min(), periods.max(), freq=alias)
    expected = counts.reindex(span, fill_value=0)
    got = query.articles_over_time(random_corpus, random_corpus.select(filters), freq)
    assert got[query.PERIOD].tolist() == [p.start_time for p in span]
    assert got[query.ARTICLES].tolist() == expected.tolist()
    exact = frame.loc[published.index, schema.DATE_BASIS].isin(["stated", "curated"])
    assert got[query.STATED].sum() == exact.sum()


@pytest.mark.parametrize(
    ("sort", "descending"), [("published", True), ("title", False), ("relevance", True)]
)
def test_articles_csv_matches_to_csv_of_a_full_page(tmp_path, sort, descending):
    rows = [*fixtures.sample_rows(), fixtures.article(HOSTILE, themes=[CL])]
    corpus = query.Corpus.load(fixtures.write(tmp_path / "a.parquet", rows), search=False)
    selected = corpus.select(Filters())
    page, _ = query.table_page(
        corpus, selected, sort=sort, descending=descending, page_size=len(selected)
    )

    def parsed(data: bytes) -> pd.DataFrame:
        text = data.decode("utf-8-sig")
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)

    got = query.articles_csv(corpus, selected, sort=sort, descending=descending)
    pd.testing.assert_frame_equal(parsed(got), parsed(query.to_csv(page)))
    assert got.startswith("\ufeff".encode())


@pytest.mark.parametrize("filters", RANDOM_FILTERS[:3] + RANDOM_FILTERS[6:])
def test_entity_facet_and_headline_match_pandas(random_corpus, filters):
    frame = random_corpus.table.to_pandas()
    frame = frame.iloc[_naive_select(frame, filters)]
    names = frame[schema.ENTITIES].explode().dropna().map(lambda e: e[schema.ENTITY_NAME])
    rows = random_corpus.select(filters)
    facet = query.facets(random_corpus, rows, limit=len(ENTITIES))["entity"]
    assert dict(facet.values.tolist()) == names.value_counts().to_dict()
    head = query.headline(random_corpus, rows)
    assert head.articles == len(frame)
    assert head.undated == frame[schema.PUBLISHED].isna().sum()


def test_entries_of_a_side_table(corpus):
    rows = np.array([0, 1, 4], dtype=np.int64)
    entries = corpus._entries(rows, corpus.entity_offsets)
    assert sorted(corpus.entity_rows[entries]) == [0, 0, 1]


def test_articles_csv_of_nothing_is_a_header(corpus):
    data = query.articles_csv(corpus, corpus.select(Filters(themes=("No such theme",))))
    assert data.decode("utf-8-sig").splitlines() == [
        ",".join(f'"{name}"' for name in query.TABLE_COLUMNS)
    ]


def test_selection_cache_is_bounded(corpus, monkeypatch):
    monkeypatch.setattr(query, "_SELECTION_CACHE_BYTES", 100)
    for year in range(2000, 2020):
        corpus.select(Filters(start=date(year, 1, 1)))
    assert sum(rows.nbytes for rows in corpus._selections.values()) <= 100
    assert corpus.select(Filters(start=date(2019, 1, 1))).size == 0


@pytest.fixture(scope="module")
def figures_corpus(tmp_path_factory):
    # Every article on its own day, so "newest first" is one exact order.
    rng = random.Random(11)
    days = rng.sample(range(2000), 300)
    rows = []
    for i, offset in enumerate(days):
        day = date(2014, 1, 1) + timedelta(days=offset)
        stats = [
            fixtures.statistic(j + 1, rng.choice(("count", "age", "percent")), f"f{i}-{j}", "s.")
            for j in range(rng.randrange(0, 4))
        ]
        rows.append(
            fixtures.article(
                f"Article {i}",
                published=day,
                published_earliest=day,
                published_latest=day,
                themes=rng.sample(THEMES, rng.randrange(0, 3)),
                statistics=stats,
                position=i + 1,
            )
        )
    path = tmp_path_factory.mktemp("figures") / "articles.parquet"
    return query.Corpus.load(fixtures.write(path, rows), search=False)


@pytest.mark.parametrize("limit", [None, 1, 7, 50])
@pytest.mark.parametrize("kinds", [(), ("age",), ("count", "percent")])
@pytest.mark.parametrize("filters", [Filters(), Filters(themes=("A",)), Filters(themes=("Z",))])
def test_statistics_table_matches_pandas(figures_corpus, filters, kinds, limit):
    frame = figures_corpus.table.to_pandas()
    frame = frame.iloc[_naive_select(frame, filters)].sort_values(schema.PUBLISHED, ascending=False)
    expected = [
        s[schema.STAT_PHRASE]
        for stats in frame[schema.STATISTICS]
        for s in stats
        if not kinds or s[schema.STAT_KIND] in kinds
    ][:limit]
    got = query.statistics_table(figures_corpus, figures_corpus.select(filters), kinds, limit=limit)
    assert got[schema.STAT_PHRASE].tolist() == expected


def test_top_theme_pair(corpus):
    pairs = query.theme_cooccurrence(corpus, corpus.select(Filters()))
    assert query.top_theme_pair(pairs) == (CT, CL, 1)  # each pair once, in name order
    alone = query.theme_cooccurrence(corpus, corpus.select(Filters(themes=(OL,))))
    assert query.top_theme_pair(alone) is None
