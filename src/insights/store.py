"""Reading and writing the article dataset: one validated Parquet file with build metadata."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from insights import schema

DEFAULT_DATASET = Path("data/articles.parquet")


class DatasetError(Exception):
    """The dataset is missing or unreadable; the message is one line for the user."""


@dataclass(frozen=True)
class Dataset:
    """A validated article table and the metadata of the build that made it."""

    table: pa.Table
    metadata: dict[str, Any]
    path: Path

    @property
    def version(self) -> str:
        return str(self.metadata.get("dataset_version", ""))


def content_version(table: pa.Table) -> str:
    """A short hash of the article ids and texts: the same input always gives the same version."""
    digest = hashlib.sha256()
    for column in (schema.ARTICLE_ID, schema.TITLE, schema.SUMMARY):
        for chunk in table.column(column).chunks:
            for buffer in chunk.buffers():
                if buffer is not None:
                    digest.update(buffer)
    return digest.hexdigest()[:12]


def write_dataset(table: pa.Table, path: Path, metadata: dict[str, Any]) -> Dataset:
    """Validate and write atomically: a failed write never replaces a good dataset."""
    table = schema.validate(table)
    meta = {**metadata, "schema_version": schema.SCHEMA_VERSION}
    meta.setdefault("dataset_version", content_version(table))
    table = table.replace_schema_metadata(
        {**(table.schema.metadata or {}), schema.METADATA_KEY: json.dumps(meta).encode()}
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        pq.write_table(table, tmp, compression="zstd", row_group_size=128 * 1024)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; a dataset is for reading
        os.replace(tmp, path)
    except OSError as exc:  # a full disk, a size limit, a folder gone read-only
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise DatasetError(
            f"cannot write {path} ({reason}); the previous dataset is unchanged"
        ) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return Dataset(table, meta, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_metadata(path: Path) -> dict[str, Any]:
    """The build metadata of a dataset file, without reading its rows."""
    try:
        raw = pq.read_schema(path).metadata or {}
    except (OSError, pa.ArrowInvalid) as exc:
        raise DatasetError(_unreadable(path, exc)) from exc
    try:
        return json.loads(raw.get(schema.METADATA_KEY, b"{}"))
    except ValueError as exc:
        raise DatasetError(f"{path}: build metadata is not valid JSON") from exc


def read_dataset(path: Path = DEFAULT_DATASET) -> Dataset:
    """Read and validate a dataset file.

    Raises:
        DatasetError: one line saying what is wrong and how to build the dataset.
    """
    path = Path(path)
    if not path.exists():
        raise DatasetError(f"no dataset at {path}: {build_hint(path)}")
    try:
        table = pq.read_table(path)
    except (OSError, pa.ArrowInvalid) as exc:
        raise DatasetError(_unreadable(path, exc)) from exc
    try:
        table = schema.validate(table)
    except schema.SchemaError as exc:
        hint = build_hint(path)
        raise DatasetError(f"{path} does not meet the dataset contract ({exc}): {hint}") from exc
    return Dataset(table, read_metadata(path), path)


def write_partitioned(dataset: Dataset, directory: Path) -> list[Path]:
    """Write the dataset as Hive-partitioned Parquet (`year=2018/part-0.parquet`, …).

    The layout an engine such as DuckDB, Trino or Spark reads from object storage: same columns,
    one folder per publication year (`year=unknown` for undated articles), build metadata kept
    in every file. Returns the files written.
    """
    year = pc.cast(pc.year(dataset.table.column(schema.PUBLISHED)), pa.string())
    table = dataset.table.append_column("year", pc.fill_null(year, "unknown"))
    meta = {schema.METADATA_KEY: json.dumps(dataset.metadata).encode()}
    table = table.replace_schema_metadata(meta)
    written: list[Path] = []
    ds.write_dataset(
        table,
        directory,
        format="parquet",
        partitioning=["year"],
        partitioning_flavor="hive",
        existing_data_behavior="delete_matching",
        file_visitor=lambda f: written.append(Path(f.path)),
    )
    return sorted(written)


def build_command(path: Path) -> str:
    """The command that builds a dataset at `path` from a listing."""
    return f"insights build data/<listing> --out {path}"


def build_hint(path: Path) -> str:
    return f"build it with `{build_command(path)}` (or `make run`)"


def _unreadable(path: Path, exc: Exception) -> str:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"cannot read {path} as Parquet ({reason}): {build_hint(path)}"
