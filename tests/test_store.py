"""The contract is enforced on write and on read; errors are one line."""

from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

from insights import schema, store

import fixtures


def _rows(**overrides):
    rows = fixtures.sample_rows()
    rows[0].update(overrides)
    return rows


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({schema.DATE_PRECISION: "fortnight"}, "date_precision"),
        ({schema.DATE_BASIS: "guessed"}, "date_basis"),
        ({schema.TITLE: None}, "empty values"),
        ({schema.PUBLISHED_EARLIEST: date(2019, 1, 1)}, "after published_latest"),
        ({schema.PUBLISHED: date(2017, 1, 1)}, "outside its interval"),
        (
            {schema.STATISTICS: [fixtures.statistic(3, "weight", "3 kg", "3 kg.")]},
            "statistics.kind",
        ),
        ({schema.ENTITIES: [fixtures.entity("Mars", "planet")]}, "entities.type"),
    ],
)
def test_validate_rejects_broken_rows(overrides, message):
    # Built with every field nullable so that a missing title reaches validate().
    loose = pa.schema([f.with_nullable(True) for f in schema.ARTICLE_SCHEMA])
    table = pa.Table.from_pylist(_rows(**overrides), schema=loose)
    with pytest.raises(schema.SchemaError, match=message):
        schema.validate(table)


def test_validate_rejects_duplicate_ids():
    rows = fixtures.sample_rows()
    rows[1][schema.ARTICLE_ID] = rows[0][schema.ARTICLE_ID]
    with pytest.raises(schema.SchemaError, match="not unique"):
        fixtures.table(rows)


def test_missing_column_is_named():
    table = fixtures.table(fixtures.sample_rows()).drop_columns([schema.THEMES])
    with pytest.raises(schema.SchemaError, match="missing columns: themes"):
        schema.validate(table)


def test_round_trip_keeps_rows_and_metadata(tmp_path):
    path = fixtures.write(tmp_path / "a.parquet", fixtures.sample_rows(), sources=["x.txt"])
    assert path.stat().st_mode & 0o044  # readable by others, like any file the umask allows
    dataset = store.read_dataset(path)
    assert dataset.table.equals(fixtures.table(fixtures.sample_rows()))
    assert dataset.metadata["sources"] == ["x.txt"]
    assert dataset.version == store.content_version(dataset.table)
    assert store.read_metadata(path)["schema_version"] == schema.SCHEMA_VERSION


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no dataset at"), (b"not parquet", "cannot read")],
)
def test_read_errors_are_one_line_with_the_build_command(tmp_path, content, message):
    path = tmp_path / "articles.parquet"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(store.DatasetError) as err:
        store.read_dataset(path)
    text = str(err.value)
    assert message in text and "insights build" in text and "\n" not in text


def test_every_column_is_documented():
    assert all(c.doc for c in schema.COLUMNS)
    assert schema.ARTICLE_SCHEMA.names == list(schema.COLUMN_NAMES)


def test_partitioned_export_keeps_every_row_by_year(tmp_path):
    import pyarrow.dataset as ds

    path = fixtures.write(tmp_path / "a.parquet", fixtures.sample_rows())
    files = store.write_partitioned(store.read_dataset(path), tmp_path / "parts")
    assert {f.parent.name for f in files} == {"year=2017", "year=2018", "year=unknown"}
    back = ds.dataset(tmp_path / "parts", format="parquet", partitioning="hive").to_table()
    assert sorted(back.column(schema.ARTICLE_ID).to_pylist()) == sorted(
        r[schema.ARTICLE_ID] for r in fixtures.sample_rows()
    )
    assert set(back.schema.names) == {*schema.COLUMN_NAMES, "year"}
