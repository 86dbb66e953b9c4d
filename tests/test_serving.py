"""The serving copy: what a server start memory-maps instead of decoding the Parquet file."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from insights import periods, schema, serving, store
from insights.corpus import (
    Corpus,
    Filters,
    articles,
    columns,
    export,
    figures,
    frames,
    themes,
    timeline,
)

import fixtures
from samples import CL, CT, GARDENERS, OL, random_rows, titles


@pytest.mark.parametrize("name", ["missing.parquet", "broken.parquet"])
def test_load_fails_in_one_line(tmp_path, name):
    (tmp_path / "broken.parquet").write_text("not parquet")
    with pytest.raises(store.DatasetError) as error:
        serving.load(tmp_path / name)
    assert "\n" not in str(error.value)


def test_index_falls_back_to_memory_when_sidecar_cannot_be_written(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    path.with_suffix(".index").write_text("in the way")  # fails like a read-only directory
    corpus = serving.load(path)
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}


def test_stale_index_is_rebuilt(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    serving.load(path)
    rows = [*fixtures.sample_rows(), fixtures.article("Gardeners again")]
    fixtures.write(path, rows)
    corpus = serving.load(path)
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {
        GARDENERS,
        "Gardeners again",
    }
    (sidecar,) = path.with_suffix(".index").iterdir()
    assert sidecar.name.startswith(corpus.version)


def test_unreadable_index_is_rebuilt(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    serving.load(path)
    (sidecar,) = path.with_suffix(".index").iterdir()
    (sidecar / "meta.json").write_text('{"format": -1}')
    corpus = serving.load(path)
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}
    assert [d.name for d in path.with_suffix(".index").iterdir()] == [sidecar.name]


AGGREGATIONS = {
    "headline": articles.headline,
    "over time": timeline.articles_over_time,
    "over time by week": lambda c, r: timeline.articles_over_time(c, r, periods.WEEK),
    "over time by theme": lambda c, r: timeline.articles_over_time(
        c, r, periods.YEAR, by_theme=True
    ),
    "date intervals": timeline.date_intervals,
    "theme counts": themes.theme_counts,
    "theme share": timeline.theme_share_over_time,
    "cooccurrence": themes.theme_cooccurrence,
    "theme phrases": themes.theme_phrases,
    "statistics": figures.statistics_table,
    "facets": articles.facets,
    "period changes": timeline.period_changes,
    **{
        f"page by {sort}{' descending' * d}": (
            lambda c, r, s=sort, d=d: articles.table_page(c, r, sort=s, descending=d, page_size=5)
        )
        for sort in columns.SORTS
        for d in (False, True)
    },
    "page 2": lambda c, r: articles.table_page(c, r, page=2, page_size=3),
    "relevance": lambda c, r: articles.table_page(c, r, sort="relevance", text="county"),
    "csv by title": lambda c, r: export.articles_csv(c, r, sort="title"),
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
    rows = fixtures.sample_rows() if request.param == "sample" else random_rows(60)
    path = fixtures.write(tmp_path_factory.mktemp("serving") / "articles.parquet", rows)
    dataset = store.read_dataset(path)
    decoded = Corpus.from_table(dataset.table, dataset.metadata)
    assert serving.load(path).serving is not None  # writes the serving copy
    mapped = serving.load(path)
    assert mapped.serving == serving.prepare(path)
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
    assert articles.article(mapped, some_id) == articles.article(decoded, some_id)


@pytest.mark.parametrize("filters", SERVING_FILTERS)
@pytest.mark.parametrize("name", AGGREGATIONS)
def test_serving_copy_gives_the_same_results(mapped_and_decoded, name, filters):
    mapped, decoded = mapped_and_decoded
    rows = mapped.select(filters)
    np.testing.assert_array_equal(rows, decoded.select(filters))
    _assert_same(AGGREGATIONS[name](mapped, rows), AGGREGATIONS[name](decoded, rows))


def _theme_counts(corpus) -> dict[str, int]:
    frame = themes.theme_counts(corpus, corpus.select(Filters()))
    return dict(zip(frame[frames.THEME], frame[frames.ARTICLES], strict=True))


def test_rewritten_dataset_of_the_same_version_gets_a_new_serving_copy(tmp_path):
    # same texts, so the same dataset version and search index, but other themes
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    before = serving.load(path)
    rows = [{**row, schema.THEMES: [], schema.THEME_EVIDENCE: []} for row in fixtures.sample_rows()]
    fixtures.write(path, rows)
    corpus = serving.load(path)
    assert corpus.version == before.version
    assert _theme_counts(before) == {CT: 3, CL: 2, OL: 1}
    assert _theme_counts(corpus) == {}
    assert _theme_counts(serving.load(path)) == {}


def test_serving_copy_of_an_older_version_is_replaced(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    old = serving.prepare(path)
    fixtures.write(path, [*fixtures.sample_rows(), fixtures.article("Gardeners again")])
    corpus = serving.load(path)
    assert len(corpus) == 7
    assert corpus.serving is not None and corpus.serving != old
    assert [d.name for d in path.with_suffix(".index").iterdir()] == [corpus.serving.parent.name]
    assert serving.load(path).serving == corpus.serving


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
    folder = serving.prepare(path)
    breakage(folder)
    corpus = serving.load(path)
    assert _theme_counts(corpus) == {CT: 3, CL: 2, OL: 1}
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}
    assert corpus.serving == folder
    assert serving.load(path).serving == folder  # and the rebuilt copy opens


def test_half_written_serving_copy_is_ignored(tmp_path):
    # a build that died while writing leaves its scratch folder, never a half folder
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    folder = serving.prepare(path)
    shutil.rmtree(folder)
    scratch = folder.parent / ".building-dead"
    scratch.mkdir()
    (scratch / "articles.arrow").write_text("half")
    corpus = serving.load(path)
    assert corpus.serving == folder and len(corpus) == 6
    assert scratch.is_dir()  # possibly another process's: left alone


def test_serving_copy_cannot_be_written(tmp_path, monkeypatch):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())

    def read_only(*args, **kwargs):
        raise PermissionError("read-only folder")

    monkeypatch.setattr(serving.tempfile, "mkdtemp", read_only)
    corpus = serving.load(path)
    assert corpus.serving is None
    assert _theme_counts(corpus) == {CT: 3, CL: 2, OL: 1}
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}
    assert serving.prepare(path) is None


def test_serving_copy_without_index_gains_one(tmp_path):
    path = fixtures.write(tmp_path / "articles.parquet", fixtures.sample_rows())
    first = serving.load(path, search=False)
    assert first.serving is not None and first.index is None
    corpus = serving.load(path)
    assert corpus.serving == first.serving  # the index was added beside it, not over it
    assert titles(corpus, corpus.select(Filters(text="gardeners"))) == {GARDENERS}
    assert serving.load(path).serving == first.serving
