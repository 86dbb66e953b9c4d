"""The serving copy: the dataset laid out so that a server start memory-maps it in milliseconds.

`insights build` calls `prepare` after writing the dataset; the dashboard calls `load`, which
opens the copy when it is current and otherwise reads the Parquet file and writes the copy.
Next to the dataset, one folder per dataset version and search-index format:

    data/articles.parquet                                  the validated dataset (the contract)
    data/articles.index/<version>-format<index format>/    SearchIndex.save's files
                                        corpus/            manifest.json, articles.arrow, *.npy

`corpus/` holds the table as an uncompressed Arrow IPC file and every array of the Corpus
(plus each sort order and period numbering) as .npy files. Its manifest records the dataset
file's fingerprint (size, modification time, hash of the Parquet footer), so a rewritten
dataset is never served from an old copy. Folders are written beside the target and renamed
into place: a reader sees the old folder, none, or the whole new one.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from insights import schema, store
from insights.corpus.arrays import list_values
from insights.corpus.columns import ORDERED, Corpus
from insights.periods import PERIODS
from insights.search import FORMAT_VERSION, SearchIndex

FORMAT = 2  # bump when the serving copy's files change: older copies are rebuilt
_CORPUS = "corpus"  # the serving copy's folder inside the versioned sidecar folder
_TABLE = "articles.arrow"
_MANIFEST = "manifest.json"


def prepare(path: Path) -> Path | None:
    """Write the serving copy and search index of a dataset, unless they are current.

    Returns:
        The serving copy's folder, or None when it cannot be written (a read-only folder).

    Raises:
        store.DatasetError: one line saying what is missing or unreadable.
    """
    return load(path).serving


def load(path: Path, *, search: bool = True) -> Corpus:
    """The dataset as a Corpus: memory-mapped from its serving copy when that is current.

    Otherwise reads and validates the Parquet file, then writes the serving copy for the next
    start (kept in memory only when the folder cannot be written).

    Args:
        path: the Parquet dataset.
        search: load or build the search index (off only for tools that never search).

    Raises:
        store.DatasetError: one line saying what is missing or unreadable.
    """
    path = Path(path)
    corpus = _open(path)
    fresh = corpus is None
    if corpus is None:
        dataset = store.read_dataset(path)
        corpus = Corpus.from_table(dataset.table, dataset.metadata, dataset.path)
    if search:  # before the serving copy: saving an index replaces the folder it goes in
        corpus.index = _search_index(corpus)
    return _save(corpus) if fresh else corpus


def replace_folder(folder: Path, write: Callable[[Path], None]) -> None:
    """Write into a scratch folder beside `folder`, then rename it into place.

    A reader sees the old folder, no folder, or the whole new one, never half of it.
    """
    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".building-", dir=folder.parent))
    try:
        write(scratch)
        if folder.is_dir():
            shutil.rmtree(folder)  # stale or unreadable under the same name
        elif folder.exists():
            folder.unlink()
        try:
            os.rename(scratch, folder)
        except OSError:
            if not folder.is_dir():  # another process may have just written it
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def fingerprint(path: Path) -> str:
    """The dataset file's size, modification time and a hash of its Parquet footer.

    The dataset version hashes only ids and texts, so a rebuild with another taxonomy keeps
    it; any rewrite of the file changes this.
    """
    with open(path, "rb") as handle:
        stat = os.fstat(handle.fileno())
        handle.seek(-8, os.SEEK_END)
        size = int.from_bytes(handle.read(4), "little")
        handle.seek(-8 - size, os.SEEK_END)
        footer = hashlib.sha256(handle.read(size)).hexdigest()[:16]
    return f"{stat.st_size}-{stat.st_mtime_ns}-{footer}"


# -- the search index -------------------------------------------------------------------------


def _sidecar(path: Path, version: str) -> Path:
    """data/articles.parquet → data/articles.index/<dataset version>-format<index format>/.

    A new dataset or index format makes a new folder; writing one drops the others.
    """
    return path.with_suffix(".index") / f"{version}-format{FORMAT_VERSION}"


def _search_index(corpus: Corpus) -> SearchIndex:
    """The search index from the sidecar folder next to the dataset, built when stale.

    The folder holds whatever SearchIndex.save writes. A sidecar that cannot be written
    leaves the index in memory only.
    """
    folder = _sidecar(corpus.path, corpus.version) if corpus.path.name else None
    if folder is not None and folder.is_dir():
        try:
            return SearchIndex.load(folder)
        except (OSError, ValueError, KeyError):  # half-written or unreadable: build it again
            pass
    index = SearchIndex.build(corpus.texts())
    if folder is not None:
        try:
            _save_index(index, folder)
            # memory-mapped, so server processes share the pages
            return SearchIndex.load(folder)
        except (OSError, ValueError, KeyError):
            pass
    return index


def _save_index(index: SearchIndex, folder: Path) -> None:
    def write(scratch: Path) -> None:
        index.save(scratch)
        if (folder / _CORPUS).is_dir():  # the serving copy of the same version stays
            os.rename(folder / _CORPUS, scratch / _CORPUS)

    replace_folder(folder, write)
    _drop_other_versions(folder)


def _drop_other_versions(folder: Path) -> None:
    for old in folder.parent.iterdir():
        if old.name != folder.name and not old.name.startswith("."):  # not another's scratch
            shutil.rmtree(old, ignore_errors=True)


# -- the corpus's arrays ----------------------------------------------------------------------


def _folder(path: Path, metadata: dict[str, Any]) -> Path | None:
    # None for a dataset that states no version: nothing to key it by without decoding it
    version = metadata.get("dataset_version")
    return _sidecar(path, str(version)) / _CORPUS if version and path.name else None


def _save(corpus: Corpus) -> Corpus:
    """Write the serving copy of a corpus read from Parquet and return it memory-mapped.

    Returns the corpus unchanged when the folder cannot be written.
    """
    folder = _folder(corpus.path, corpus.metadata)
    if folder is None:
        return corpus
    try:
        replace_folder(folder, lambda scratch: _write(corpus, scratch))
        _drop_other_versions(folder.parent)
    except (OSError, pa.ArrowException):
        return corpus
    mapped = _open(corpus.path)
    if mapped is None:
        return corpus
    mapped.index = corpus.index
    return mapped


def _write(corpus: Corpus, folder: Path) -> None:
    """The table as Arrow IPC, every array as .npy, then the manifest that vouches for them."""
    with (
        pa.OSFile(str(folder / _TABLE), "wb") as sink,
        pa.ipc.new_file(sink, schema.ARTICLE_SCHEMA) as writer,
    ):
        writer.write_table(corpus.table)
    arrays = corpus.arrays()
    for sort in ORDERED:
        for descending in (False, True):
            order, rank = corpus.order(sort, descending)
            arrays[f"order.{sort}.{int(descending)}"] = order
            arrays[f"rank.{sort}.{int(descending)}"] = rank
    periods = {}
    for period in PERIODS.values():
        numbers, first, count = corpus.period_numbers(period)
        arrays[f"period.{period.name}"] = numbers
        periods[period.name] = [first, count]
    for name, array in arrays.items():
        np.save(folder / f"{name}.npy", array, allow_pickle=False)
    manifest = {
        "format": FORMAT,
        "dataset_version": corpus.version,
        "fingerprint": fingerprint(corpus.path),
        "rows": len(corpus),
        "themes": corpus.themes,
        "theme_colours": corpus.theme_colours,
        "entities": corpus.entities,
        "phrases": corpus.phrases,
        "periods": periods,
        "arrays": {name: [a.dtype.str, list(a.shape)] for name, a in arrays.items()},
    }
    (folder / _MANIFEST).write_text(json.dumps(manifest))


def _open(path: Path) -> Corpus | None:
    """The dataset's serving copy, memory-mapped; None when missing, stale or unreadable.

    Reads only the Parquet footer: the rows were validated when the copy was written.
    """
    try:
        metadata = store.read_metadata(path)
        folder = _folder(path, metadata)
        if folder is None or not (folder / _MANIFEST).is_file():
            return None
        manifest = json.loads((folder / _MANIFEST).read_text())
        if manifest.get("format") != FORMAT or manifest.get("fingerprint") != fingerprint(path):
            return None
        table = pa.ipc.open_file(pa.memory_map(str(folder / _TABLE))).read_all()
        if not table.schema.equals(schema.ARTICLE_SCHEMA) or len(table) != manifest["rows"]:
            return None
        table.validate()  # buffer sizes against lengths, not the values: cheap
        arrays = {
            name: _mapped(folder / f"{name}.npy", dtype, shape)
            for name, (dtype, shape) in manifest["arrays"].items()
        }
        orders = {
            (sort, bool(d)): (arrays.pop(f"order.{sort}.{d}"), arrays.pop(f"rank.{sort}.{d}"))
            for sort in ORDERED
            for d in (0, 1)
        }
        numberings = {
            name: (arrays.pop(f"period.{name}"), *manifest["periods"][name]) for name in PERIODS
        }
        return Corpus(
            path=path,
            version=str(metadata["dataset_version"]),
            metadata=metadata,
            table=table,
            themes=tuple(manifest["themes"]),
            theme_colours=dict(manifest["theme_colours"]),
            entities=tuple(manifest["entities"]),
            statistics=list_values(table.column(schema.STATISTICS)),
            phrases=tuple(manifest["phrases"]),
            serving=folder,
            orders=orders,
            numberings=numberings,
            **arrays,
        )
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException, store.DatasetError):
        return None  # rebuilt from the dataset, which says what is wrong if it is unreadable


def _mapped(path: Path, dtype: str, shape: list[int]) -> np.ndarray:
    """A read-only memory map of a .npy file, checked against what the manifest recorded."""
    array = np.load(path, mmap_mode="r", allow_pickle=False)
    if array.dtype.str != dtype or list(array.shape) != shape:
        raise ValueError(f"{path} holds {array.dtype}{array.shape}, not {dtype}{shape}")
    return np.asarray(array)  # a plain ndarray view: slicing an np.memmap costs ~0.2 ms
