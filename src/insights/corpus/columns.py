"""The corpus: a dataset in columnar form, read-only and shared by every session.

`Corpus.from_table` turns the Arrow table once into numpy arrays; `select` gives the row
numbers that pass a `Filters`, and the aggregations (corpus/timeline.py, themes.py, …) take
those rows through the methods below:

    day             int32 day number of the best-estimate date, NO_DAY when undated
    theme_mask      uint64 bit t set when the article has theme t     0b101 → themes 0 and 2
    theme_combo     int32 index into the distinct masks, so counting themes is one bincount
    entity_ids      int32 per (article, entity) pair, CSR by article (entity_offsets) and
                    again by entity (entity_postings) for the entity filter
    stat_rows       int32 article of each quoted figure (the flattened statistics side table)
    phrase_keys     theme and evidence phrase of each (article, theme, phrase), CSR by article

Texts stay Arrow arrays; only the rows a page shows become Python values. Orders for the
table's sort keys and period numberings are computed once, when first asked for (the serving
copy, serving.py, stores them).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from insights import schema, store
from insights.corpus.arrays import (
    NO_DAY,
    by_frequency,
    codes,
    codes_of,
    csr_entries,
    day_number,
    days,
    flatten,
    gather,
    offsets,
    take,
    to_date,
)
from insights.corpus.filters import Filters
from insights.corpus.theme_colours import theme_order
from insights.periods import Period
from insights.search import Query, SearchIndex, parse_query

RELEVANCE = "relevance"  # sort by search rank
SORTS = (schema.PUBLISHED, schema.TITLE, schema.POSITION, schema.WORD_COUNT, RELEVANCE)
ORDERED = tuple(s for s in SORTS if s != RELEVANCE)  # the sort keys with a stored order
MAX_THEMES = 64
SELECTION_CACHE_BYTES = 64 * 2**20

Order = tuple[np.ndarray, np.ndarray]  # (rows in sort order, each row's place in that order)
Numbering = tuple[np.ndarray, int, int]  # see Corpus.period_numbers


@dataclass(eq=False)
class Corpus:
    """A dataset in columnar form; read-only, one per dataset version, shared by sessions."""

    path: Path
    version: str
    metadata: dict[str, Any]
    table: pa.Table
    themes: tuple[str, ...]
    theme_colours: dict[str, str]
    day: np.ndarray
    earliest: np.ndarray
    latest: np.ndarray
    basis: np.ndarray  # uint8 index into schema.DATE_BASES
    known: np.ndarray  # True when the date is known (stated or curated), not inferred
    position: np.ndarray
    word_count: np.ndarray
    theme_mask: np.ndarray
    theme_combo: np.ndarray
    combo_themes: np.ndarray  # (combos, themes) 0/1: the themes of each distinct mask
    entities: tuple[str, ...]  # vocabulary, most frequent first
    entity_offsets: np.ndarray  # CSR: article i has entity_ids[offsets[i]:offsets[i + 1]]
    entity_ids: np.ndarray
    entity_rows: np.ndarray
    entity_postings: np.ndarray  # the same pairs by entity: rows of entity e are
    entity_posting_offsets: np.ndarray  # entity_postings[posting_offsets[e]:…[e + 1]]
    stat_rows: np.ndarray
    stat_offsets: np.ndarray  # CSR: article i's figures are stat_offsets[i]:stat_offsets[i + 1]
    stat_kind: np.ndarray  # uint8 index into schema.STAT_KINDS
    statistics: pa.ChunkedArray  # the flattened structs, one per quoted figure
    phrases: tuple[str, ...]
    phrase_rows: np.ndarray  # one entry per (article, theme, evidence phrase)
    phrase_keys: np.ndarray  # theme * len(phrases) + phrase
    phrase_offsets: np.ndarray  # CSR by article, as for statistics
    index: SearchIndex | None = None  # built in memory on first search unless given
    serving: Path | None = None  # the serving copy this is memory-mapped from; None: in memory
    # Filled on first use; the serving copy hands over the ones it stored.
    orders: dict[tuple[str, bool], Order] = field(default_factory=dict, repr=False)
    numberings: dict[str, Numbering] = field(default_factory=dict, repr=False)
    _selections: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _publishers: tuple[tuple[str, ...], np.ndarray] | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def from_table(
        cls, table: pa.Table, metadata: dict[str, Any] | None = None, path: Path | None = None
    ) -> Corpus:
        """The columnar form of an already validated table (no search index)."""
        metadata = dict(metadata or {})
        version = str(metadata.get("dataset_version") or store.content_version(table))
        n = table.num_rows

        theme_values, theme_rows = flatten(table.column(schema.THEMES))
        names, colours = theme_order(metadata, theme_values)
        if len(names) > MAX_THEMES:
            raise store.DatasetError(f"{path}: {len(names)} themes, more than {MAX_THEMES}")
        theme_ids = codes(theme_values, names)
        mask = np.zeros(n, dtype=np.uint64)
        for t in range(len(names)):
            # a theme is listed at most once per article, so plain |= on fancy indexes is safe
            mask[theme_rows[theme_ids == t]] |= np.uint64(1) << np.uint64(t)
        combos, combo = np.unique(mask, return_inverse=True)
        combo_themes = ((combos[:, None] >> np.arange(len(names), dtype=np.uint64)) & 1).astype(
            np.int64
        )

        entity_values, entity_rows = flatten(table.column(schema.ENTITIES))
        entity_names = pc.struct_field(entity_values, schema.ENTITY_NAME)
        vocabulary = by_frequency(entity_names)
        entity_ids = codes(entity_names, vocabulary)
        # an entity listed twice in one article still counts that article once
        pairs = np.sort(entity_rows.astype(np.int64) * max(len(vocabulary), 1) + entity_ids)
        pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
        entity_rows = (pairs // max(len(vocabulary), 1)).astype(np.int32)
        entity_ids = (pairs % max(len(vocabulary), 1)).astype(np.int32)
        by_entity = np.argsort(entity_ids, kind="stable")

        stats, stat_rows = flatten(table.column(schema.STATISTICS))
        stat_kind = codes(pc.struct_field(stats, schema.STAT_KIND), schema.STAT_KINDS)

        evidence, evidence_rows = flatten(table.column(schema.THEME_EVIDENCE))
        evidence_theme = codes(pc.struct_field(evidence, schema.EVIDENCE_THEME), names)
        phrase_values, phrase_evidence = flatten(pc.struct_field(evidence, schema.EVIDENCE_PHRASES))
        phrases = by_frequency(phrase_values)
        phrase_rows = evidence_rows[phrase_evidence]
        phrase_theme = evidence_theme[phrase_evidence]
        phrase_keys = phrase_theme.astype(np.int64) * len(phrases) + codes(phrase_values, phrases)
        listed = phrase_theme >= 0  # evidence for a theme the article does not list is ignored
        basis = codes(table.column(schema.DATE_BASIS), schema.DATE_BASES).astype(np.uint8)

        corpus = cls(
            path=Path(path) if path else Path(),
            version=version,
            metadata=metadata,
            table=table,
            themes=names,
            theme_colours=colours,
            day=days(table.column(schema.PUBLISHED)),
            earliest=days(table.column(schema.PUBLISHED_EARLIEST)),
            latest=days(table.column(schema.PUBLISHED_LATEST)),
            basis=basis,
            known=np.isin(basis, codes_of(schema.KNOWN_BASES, schema.DATE_BASES)),
            position=table.column(schema.POSITION).to_numpy(),
            word_count=table.column(schema.WORD_COUNT).to_numpy(),
            theme_mask=mask,
            theme_combo=combo.astype(np.int32).ravel(),
            combo_themes=combo_themes,
            entities=vocabulary,
            entity_offsets=offsets(np.bincount(entity_rows, minlength=n)),
            entity_ids=entity_ids,
            entity_rows=entity_rows,
            entity_postings=entity_rows[by_entity],
            entity_posting_offsets=offsets(np.bincount(entity_ids, minlength=len(vocabulary))),
            stat_rows=stat_rows,
            stat_offsets=offsets(np.bincount(stat_rows, minlength=n)),
            stat_kind=stat_kind.astype(np.uint8),
            statistics=stats,
            phrases=phrases,
            phrase_rows=phrase_rows[listed],
            phrase_keys=phrase_keys[listed],
            phrase_offsets=offsets(np.bincount(phrase_rows[listed], minlength=n)),
        )
        for value in corpus.arrays().values():
            value.flags.writeable = False  # shared by every session
        return corpus

    def __len__(self) -> int:
        return self.table.num_rows

    def arrays(self) -> dict[str, np.ndarray]:
        """Every numpy column by field name (what the serving copy stores as .npy files)."""
        return {name: v for name, v in vars(self).items() if isinstance(v, np.ndarray)}

    # -- selecting --------------------------------------------------------------------------

    def select(self, filters: Filters) -> np.ndarray:
        """Sorted row numbers of the articles that pass every filter (read-only, cached)."""
        with self._lock:
            if filters in self._selections:
                self._selections.move_to_end(filters)
                return self._selections[filters]
        rows = self._select(filters)
        rows.flags.writeable = False
        with self._lock:
            self._selections[filters] = rows
            # recent selections only: at 1M articles one selection can take 8 MB
            while sum(r.nbytes for r in self._selections.values()) > SELECTION_CACHE_BYTES:
                self._selections.popitem(last=False)
        return rows

    def _select(self, filters: Filters) -> np.ndarray:
        n = len(self)
        keep: np.ndarray | None = None

        def narrow(mask: np.ndarray) -> None:
            nonlocal keep
            keep = mask if keep is None else keep & mask

        if filters.themes:
            narrow((self.theme_mask & self._theme_bits(filters.themes)) != 0)
        if filters.start is not None:
            narrow(self.day >= day_number(filters.start))
        if filters.end is not None:
            narrow((self.day <= day_number(filters.end)) & (self.day != NO_DAY))
        if filters.bases:
            wanted = np.isin(
                np.arange(len(schema.DATE_BASES)), codes_of(filters.bases, schema.DATE_BASES)
            )
            narrow(wanted[self.basis])
        if filters.entities:
            hit = np.zeros(n, dtype=bool)
            for e in codes_of(filters.entities, self.entities):
                if e < len(self.entities):
                    start, stop = self.entity_posting_offsets[e : e + 2]
                    hit[self.entity_postings[start:stop]] = True
            narrow(hit)
        if filters.publishers:
            names, code = self.publishers()
            narrow(np.isin(code, codes_of(filters.publishers, names)))
        query = self.search_query(filters.text)
        if query is not None:
            matched = np.asarray(self.search_index().match(query), dtype=np.int64)
            if keep is None:
                return matched.copy()
            return matched[keep[matched]]
        if keep is None:
            return np.arange(n, dtype=np.int64)
        return np.flatnonzero(keep)

    def _theme_bits(self, names: Sequence[str]) -> np.uint64:
        bits = 0
        for t in codes_of(names, self.themes):
            if t < len(self.themes):
                bits |= 1 << int(t)
        return np.uint64(bits)

    def publishers(self) -> tuple[tuple[str, ...], np.ndarray]:
        """(publisher names, most articles first; each article's int32 index into them, -1
        where the article names none), read from the table once."""
        if self._publishers is None:
            column = self.table.column(schema.PUBLISHER)
            names = by_frequency(pc.drop_null(column))
            code = codes(column, names)
            code.flags.writeable = False
            self._publishers = (names, code)
        return self._publishers

    def search_query(self, text: str) -> Query | None:
        """The parsed search text; None when it asks for nothing."""
        if not text or not text.strip():
            return None
        query = parse_query(text)
        return None if query.is_empty else query

    def search_index(self) -> SearchIndex:
        """The search index, built in memory on first use when none was loaded."""
        if self.index is None:
            with self._lock:
                if self.index is None:
                    self.index = SearchIndex.build(self.texts())
        return self.index

    def texts(self) -> pa.ChunkedArray:
        """Title and summary of every article, one text each: what search indexes."""
        title, summary = self.table.column(schema.TITLE), self.table.column(schema.SUMMARY)
        return pc.binary_join_element_wise(title, summary, "\n")

    # -- what the aggregations read ---------------------------------------------------------

    def as_rows(self, rows: np.ndarray | None) -> np.ndarray:
        """Row numbers as int64; None means every row."""
        if rows is None:
            return np.arange(len(self), dtype=np.int64)
        return np.asarray(rows, dtype=np.int64)

    def dated(self, rows: np.ndarray) -> np.ndarray:
        """The rows whose article has a date."""
        return rows[gather(self.day, rows) != NO_DAY]

    def row_mask(self, rows: np.ndarray) -> np.ndarray:
        """A boolean per article, True for the given rows."""
        mask = np.zeros(len(self), dtype=bool)
        mask[rows] = True
        return mask

    def side_values(self, values: np.ndarray, rows: np.ndarray, offsets: np.ndarray) -> np.ndarray:
        """The entries of a side table (CSR by article: `values`, `offsets`) that belong to
        the selected articles; the whole table, uncopied, when every article is selected."""
        return values if len(rows) == len(self) else values[csr_entries(offsets, rows)]

    def date_bounds(self) -> tuple[date | None, date | None]:
        """The earliest and latest best-estimate dates in the dataset."""
        dated = self.day[self.day != NO_DAY]
        if not len(dated):
            return None, None
        return to_date(dated.min()), to_date(dated.max())

    def entity_options(self, limit: int = 500) -> list[str]:
        """Entity names for a filter widget, most frequent first."""
        return list(self.entities[:limit])

    def period_numbers(self, period: Period) -> Numbering:
        """(period of each article counted from the dataset's first, that first period's
        number, how many periods): undated articles get the one-past-the-end period."""
        if period.name not in self.numberings:
            self.numberings[period.name] = period.numbering(self.day, NO_DAY)
        return self.numberings[period.name]

    def order(self, sort: str, descending: bool) -> Order:
        """(order, rank): every row sorted once by one key, undated or missing values last."""
        key = (sort, descending)
        if key not in self.orders:
            with self._lock:
                if key not in self.orders:
                    self.orders[key] = self._sorted(sort, descending)
        return self.orders[key]

    def _sorted(self, sort: str, descending: bool) -> Order:
        if sort == schema.TITLE:
            title = pc.utf8_lower(self.table.column(schema.TITLE))
            direction = "descending" if descending else "ascending"
            order = pc.sort_indices(title, sort_keys=[("", direction)]).to_numpy()
        else:
            values = {
                schema.PUBLISHED: self.day,
                schema.POSITION: self.position,
                schema.WORD_COUNT: self.word_count,
            }[sort].astype(np.int64)
            primary = -values if descending else values
            if sort == schema.PUBLISHED:
                primary = np.where(self.day == NO_DAY, np.iinfo(np.int64).max, primary)
            # ties keep listing order, whose top is the newest
            order = np.lexsort((self.position, primary))
        order = order.astype(np.int32)  # int32 halves the memory of each cached order
        rank = np.empty(len(order), dtype=np.int32)
        rank[order] = np.arange(len(order))
        order.flags.writeable = False
        rank.flags.writeable = False
        return order, rank

    def top(self, rows: np.ndarray, sort: str, descending: bool, count: int) -> np.ndarray:
        """The first `count` of `rows` in a sort order, without sorting the whole selection."""
        order, rank = self.order(sort, descending)
        if len(rows) == len(self):
            return order[:count]
        if len(rows) * 8 >= len(self):
            # a large selection: walk the global order in growing blocks until enough are found
            mask, found, start, block = self.row_mask(rows), [], 0, max(4 * count, 4096)
            while start < len(order) and sum(map(len, found)) < count:
                part = order[start : start + block]
                found.append(part[mask[part]])
                start, block = start + block, block * 4
            return np.concatenate(found)[:count] if found else order[:0]
        ranks = rank[rows]
        if count < len(ranks):
            ranks = np.partition(ranks, count - 1)[:count] if count > 0 else ranks[:0]
        return order[np.sort(ranks)]

    def frame(self, rows: np.ndarray, columns: list[str]) -> pd.DataFrame:
        """Selected dataset columns of a few rows as Python values (text unchanged)."""
        records = take(self.table.select(columns), rows).to_pylist()
        return pd.DataFrame(records, columns=columns)
