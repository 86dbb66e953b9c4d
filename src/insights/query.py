"""Filters and every aggregation the dashboard draws, columnar so they stay fast at 1M articles.

`Corpus.load` turns the Arrow table once into numpy arrays; each function then takes the row
numbers that `Corpus.select` returned and gives back a small frame for one chart or table:

    day             int32 day number of the best-estimate date, NO_DAY when undated
    theme_mask      uint64 bit t set when the article has theme t     0b101 → themes 0 and 2
    theme_combo     int32 index into the distinct masks, so counting themes is one bincount
    entity_ids      int32 per (article, entity) pair, CSR by article (entity_offsets) and
                    again by entity (entity_postings) for the entity filter
    stat_rows       int32 article of each quoted figure (the flattened statistics side table)
    phrase_keys     theme and evidence phrase of each (article, theme, phrase), CSR by article

Texts stay Arrow arrays; only the rows a page shows become Python values. Orders for the
table's sort keys are computed once per key, when first asked for.

The serving copy makes a start take milliseconds: next to the dataset, the table as an
uncompressed Arrow IPC file and every array above (plus each sort order and period numbering)
as .npy files, all memory-mapped, so server processes share the pages and nothing is decoded:

    data/articles.parquet                                  the validated dataset (the contract)
    data/articles.index/<version>-format<index format>/    search.SearchIndex.save's files
                                        corpus/            manifest.json, articles.arrow, *.npy
"""

from __future__ import annotations

import calendar
import csv
import hashlib
import io
import json
import os
import re
import shutil
import tempfile
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from insights import schema, store

# Columns of the frames this module returns (dataset columns keep their schema names).
PERIOD = "period"
THEME = "theme"
THEME_A = "theme_a"
THEME_B = "theme_b"
ARTICLES = "articles"
STATED = "stated"  # stated or curated: the date is known, not estimated
INFERRED = "inferred"
SHARE = "share"
COLOUR = "colour"
PHRASE = "phrase"
LABEL = "label"
HEADING = "heading"  # the label with what is counted, where that reads well: "up to 1,000 children"
VALUE = "value"

FREQUENCIES = ("week", "month", "quarter", "year")
RELEVANCE = "relevance"  # sort by search rank
SORTS = (schema.PUBLISHED, schema.TITLE, schema.POSITION, schema.WORD_COUNT, RELEVANCE)
TABLE_COLUMNS = [
    schema.ARTICLE_ID,
    schema.TITLE,
    schema.SUMMARY,
    schema.PUBLISHED,
    schema.DATE_BASIS,
    schema.DATE_PRECISION,
    schema.THEMES,
]
NO_DAY = np.iinfo(np.int32).min
MAX_THEMES = 64

# Okabe–Ito, then Paul Tol's muted scheme: both stay apart under common colour blindness.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#332288",
    "#117733",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
    "#DDCC77",
)

_EPOCH = date(1970, 1, 1)
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")  # a spreadsheet would run these cells
_EXACT_BASES = ("stated", "curated")
_CSV_BATCH = 65_536
_SELECTION_CACHE_BYTES = 64 * 2**20
SERVING_FORMAT = 1  # bump when the serving copy's files change: older copies are rebuilt
_SERVING = "corpus"  # the serving copy's folder inside the versioned sidecar folder
_SERVING_TABLE = "articles.arrow"
_MANIFEST = "manifest.json"
_ORDERED = tuple(s for s in SORTS if s != RELEVANCE)  # the sort keys with a stored order
_NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


@dataclass(frozen=True)
class Filters:
    """What the viewer asked for; every field empty means every article."""

    themes: tuple[str, ...] = ()  # any of these themes; empty = all
    start: date | None = None  # articles whose best-estimate date >= start
    end: date | None = None  # <= end
    text: str = ""  # search syntax (words, "phrases", OR, -exclude)
    entities: tuple[str, ...] = ()  # any of these entity names
    bases: tuple[str, ...] = ()  # date_basis values; empty = all

    def __post_init__(self) -> None:
        # Widgets hand over lists; tuples keep Filters hashable, so selections can be cached.
        for name in ("themes", "entities", "bases"):
            object.__setattr__(self, name, tuple(getattr(self, name) or ()))
        object.__setattr__(self, "text", self.text or "")

    @property
    def is_empty(self) -> bool:
        return self == Filters()


@dataclass(frozen=True)
class Headline:
    """The numbers above the charts for one selection."""

    articles: int
    first: date | None
    last: date | None
    themes_present: int
    statistics: int
    stated: int
    inferred: int
    curated: int
    undated: int


@dataclass(frozen=True)
class Change:
    """How often one theme came up in the last period against the one before."""

    theme: str
    current: int
    previous: int
    sentence: str
    start: date
    end: date
    previous_start: date
    previous_end: date


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
    exact: np.ndarray  # True when the date is stated or curated, not inferred
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
    index: Any = None  # search.SearchIndex, built or loaded from the sidecar directory
    serving: Path | None = None  # the serving copy this is memory-mapped from; None: in memory
    _periods: dict[str, tuple[np.ndarray, int, int]] = field(default_factory=dict, repr=False)
    _orders: dict[tuple[str, bool], tuple[np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False
    )
    _selections: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(cls, path: Path, *, search: bool = True) -> Corpus:
        """Read a dataset and prepare it for querying.

        Memory-maps the serving copy when it is current (milliseconds); otherwise reads and
        validates the Parquet file, then writes the serving copy for the next start (kept in
        memory only when the folder cannot be written).

        Args:
            path: the Parquet dataset.
            search: load or build the search index (off only for tools that never search).

        Raises:
            store.DatasetError: one line saying what is missing or unreadable.
        """
        path = Path(path)
        corpus = _open_serving_copy(path)
        fresh = corpus is None
        if corpus is None:
            dataset = store.read_dataset(path)
            corpus = cls.from_table(dataset.table, dataset.metadata, dataset.path)
        if search:  # before the serving copy: saving an index replaces the folder it goes in
            corpus.index = _search_index(corpus)
        return _save_serving_copy(corpus) if fresh else corpus

    @classmethod
    def from_table(
        cls, table: pa.Table, metadata: dict[str, Any] | None = None, path: Path | None = None
    ) -> Corpus:
        """The columnar form of an already validated table (no search index)."""
        metadata = dict(metadata or {})
        version = str(metadata.get("dataset_version") or store.content_version(table))
        n = table.num_rows

        theme_values, theme_rows = _flatten(table.column(schema.THEMES))
        names, colours = _taxonomy(metadata, theme_values)
        if len(names) > MAX_THEMES:
            raise store.DatasetError(f"{path}: {len(names)} themes, more than {MAX_THEMES}")
        theme_ids = _codes(theme_values, names)
        mask = np.zeros(n, dtype=np.uint64)
        for t in range(len(names)):
            # a theme is listed at most once per article, so plain |= on fancy indexes is safe
            mask[theme_rows[theme_ids == t]] |= np.uint64(1) << np.uint64(t)
        combos, combo = np.unique(mask, return_inverse=True)
        combo_themes = ((combos[:, None] >> np.arange(len(names), dtype=np.uint64)) & 1).astype(
            np.int64
        )

        entity_values, entity_rows = _flatten(table.column(schema.ENTITIES))
        entity_names = pc.struct_field(entity_values, schema.ENTITY_NAME)
        vocabulary = _by_frequency(entity_names)
        entity_ids = _codes(entity_names, vocabulary)
        # an entity listed twice in one article still counts that article once
        pairs = np.sort(entity_rows.astype(np.int64) * max(len(vocabulary), 1) + entity_ids)
        pairs = pairs[np.r_[True, pairs[1:] != pairs[:-1]]] if len(pairs) else pairs
        entity_rows = (pairs // max(len(vocabulary), 1)).astype(np.int32)
        entity_ids = (pairs % max(len(vocabulary), 1)).astype(np.int32)
        offsets = _offsets(np.bincount(entity_rows, minlength=n))
        by_entity = np.argsort(entity_ids, kind="stable")

        stats, stat_rows = _flatten(table.column(schema.STATISTICS))
        stat_kind = _codes(pc.struct_field(stats, schema.STAT_KIND), schema.STAT_KINDS)

        evidence, evidence_rows = _flatten(table.column(schema.THEME_EVIDENCE))
        evidence_theme = _codes(pc.struct_field(evidence, schema.EVIDENCE_THEME), names)
        phrase_values, phrase_evidence = _flatten(
            pc.struct_field(evidence, schema.EVIDENCE_PHRASES)
        )
        phrases = _by_frequency(phrase_values)
        phrase_rows = evidence_rows[phrase_evidence]
        phrase_theme = evidence_theme[phrase_evidence]
        phrase_keys = phrase_theme.astype(np.int64) * len(phrases) + _codes(phrase_values, phrases)
        known = phrase_theme >= 0  # evidence for a theme the article does not list is ignored
        basis = _codes(table.column(schema.DATE_BASIS), schema.DATE_BASES).astype(np.uint8)

        corpus = cls(
            path=Path(path) if path else Path(),
            version=version,
            metadata=metadata,
            table=table,
            themes=names,
            theme_colours=colours,
            day=_days(table.column(schema.PUBLISHED)),
            earliest=_days(table.column(schema.PUBLISHED_EARLIEST)),
            latest=_days(table.column(schema.PUBLISHED_LATEST)),
            basis=basis,
            exact=np.isin(basis, _codes_of(_EXACT_BASES, schema.DATE_BASES)),
            position=table.column(schema.POSITION).to_numpy(),
            word_count=table.column(schema.WORD_COUNT).to_numpy(),
            theme_mask=mask,
            theme_combo=combo.astype(np.int32).ravel(),
            combo_themes=combo_themes,
            entities=vocabulary,
            entity_offsets=offsets,
            entity_ids=entity_ids,
            entity_rows=entity_rows,
            entity_postings=entity_rows[by_entity],
            entity_posting_offsets=_offsets(np.bincount(entity_ids, minlength=len(vocabulary))),
            stat_rows=stat_rows,
            stat_offsets=_offsets(np.bincount(stat_rows, minlength=n)),
            stat_kind=stat_kind.astype(np.uint8),
            statistics=stats,
            phrases=phrases,
            phrase_rows=phrase_rows[known],
            phrase_keys=phrase_keys[known],
            phrase_offsets=_offsets(np.bincount(phrase_rows[known], minlength=n)),
        )
        for value in vars(corpus).values():
            if isinstance(value, np.ndarray):
                value.flags.writeable = False  # shared by every session
        return corpus

    def __len__(self) -> int:
        return self.table.num_rows

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
            while sum(r.nbytes for r in self._selections.values()) > _SELECTION_CACHE_BYTES:
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
            narrow(self.day >= _day_number(filters.start))
        if filters.end is not None:
            narrow((self.day <= _day_number(filters.end)) & (self.day != NO_DAY))
        if filters.bases:
            wanted = np.isin(
                np.arange(len(schema.DATE_BASES)), _codes_of(filters.bases, schema.DATE_BASES)
            )
            narrow(wanted[self.basis])
        if filters.entities:
            hit = np.zeros(n, dtype=bool)
            for e in _codes_of(filters.entities, self.entities):
                if e < len(self.entities):
                    start, stop = self.entity_posting_offsets[e : e + 2]
                    hit[self.entity_postings[start:stop]] = True
            narrow(hit)
        query = self._query(filters.text)
        if query is not None:
            matched = np.asarray(self._search().match(query), dtype=np.int64)
            if keep is None:
                return matched.copy()
            return matched[keep[matched]]
        if keep is None:
            return np.arange(n, dtype=np.int64)
        return np.flatnonzero(keep)

    def date_bounds(self) -> tuple[date | None, date | None]:
        """The earliest and latest best-estimate dates in the dataset."""
        dated = self.day[self.day != NO_DAY]
        if not len(dated):
            return None, None
        return _date(dated.min()), _date(dated.max())

    def entity_options(self, limit: int = 500) -> list[str]:
        """Entity names for a filter widget, most frequent first."""
        return list(self.entities[:limit])

    # Helpers shared by the aggregations below.

    def _theme_bits(self, names: Sequence[str]) -> np.uint64:
        bits = 0
        for t in _codes_of(names, self.themes):
            if t < len(self.themes):
                bits |= 1 << int(t)
        return np.uint64(bits)

    def _query(self, text: str) -> Any:
        if not text or not text.strip():
            return None
        from insights import search

        query = search.parse_query(text)
        return None if query.is_empty else query

    def _search(self) -> Any:
        if self.index is None:
            with self._lock:
                if self.index is None:
                    self.index = _search_index(self, save=False)
        return self.index

    def _row_mask(self, rows: np.ndarray) -> np.ndarray:
        mask = np.zeros(len(self), dtype=bool)
        mask[rows] = True
        return mask

    def _entries(self, rows: np.ndarray, offsets: np.ndarray) -> np.ndarray | None:
        """Positions in a side table (CSR by article) of the selected articles; None: all.

        rows [0, 2] with offsets [0, 2, 2, 5] → [0, 1, 2, 3, 4]; rows [2] → [2, 3, 4]
        """
        if len(rows) == len(self):
            return None
        starts = offsets[rows]
        lengths = offsets[rows + 1] - starts
        # each entry is its article's start plus its place after that article's first entry
        first_out = np.cumsum(lengths) - lengths
        return np.repeat(starts - first_out, lengths) + np.arange(int(lengths.sum()))

    def _period_codes(self, freq: str) -> tuple[np.ndarray, int, int]:
        """(period of each article counted from the dataset's first, that first period's
        number, how many periods): undated articles get the one-past-the-end period."""
        if freq not in FREQUENCIES:
            raise ValueError(f"freq must be one of {FREQUENCIES}, not {freq!r}")
        if freq not in self._periods:
            self._periods[freq] = _period_codes(self.day, freq)
        return self._periods[freq]

    def _order(self, sort: str, descending: bool) -> tuple[np.ndarray, np.ndarray]:
        """(order, rank): every row sorted once by one key, undated or missing values last."""
        key = (sort, descending)
        if key not in self._orders:
            with self._lock:
                if key not in self._orders:
                    self._orders[key] = self._sorted(sort, descending)
        return self._orders[key]

    def _sorted(self, sort: str, descending: bool) -> tuple[np.ndarray, np.ndarray]:
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


def headline(corpus: Corpus, rows: np.ndarray) -> Headline:
    """Counts and the date span of a selection."""
    rows = _as_rows(corpus, rows)
    day = _gather(corpus.day, rows)
    undated = day == NO_DAY
    dated = int(len(day) - np.count_nonzero(undated))
    by_basis = np.bincount(_gather(corpus.basis, rows), minlength=len(schema.DATE_BASES))
    theme_mask = np.bitwise_or.reduce(_gather(corpus.theme_mask, rows)) if len(rows) else 0
    statistics = int((corpus.stat_offsets[rows + 1] - corpus.stat_offsets[rows]).sum())
    return Headline(
        articles=len(rows),
        first=_date(np.where(undated, np.iinfo(np.int32).max, day).min()) if dated else None,
        last=_date(day.max()) if dated else None,
        themes_present=int(bin(int(theme_mask)).count("1")),
        statistics=statistics,
        stated=int(by_basis[schema.DATE_BASES.index("stated")]),
        inferred=int(by_basis[schema.DATE_BASES.index("inferred")]),
        curated=int(by_basis[schema.DATE_BASES.index("curated")]),
        undated=len(day) - dated,
    )


def articles_over_time(
    corpus: Corpus, rows: np.ndarray, freq: str = "month", by_theme: bool = False
) -> pd.DataFrame:
    """Articles per period, split by how their date is known, optionally per theme.

    Periods run from the selection's first to its last, gaps filled with zeros. With
    `by_theme` an article with two themes counts once for each.
    """
    columns = (
        [PERIOD, THEME, ARTICLES, STATED, INFERRED]
        if by_theme
        else [PERIOD, ARTICLES, STATED, INFERRED]
    )
    rows = _as_rows(corpus, rows)
    exact = _gather(corpus.exact, rows)
    if not by_theme:
        counts, periods = _timeline(corpus, rows, freq, exact, 2)
        if not len(periods):
            return _empty(columns)
        inferred, stated = counts[:, 0], counts[:, 1]
        return pd.DataFrame(
            {PERIOD: periods, ARTICLES: inferred + stated, STATED: stated, INFERRED: inferred}
        )
    combos = len(corpus.combo_themes)
    key = _gather(corpus.theme_combo, rows).astype(np.int64) * 2 + exact
    counts, periods = _timeline(corpus, rows, freq, key, 2 * combos)
    if not len(periods):
        return _empty(columns)
    counts = counts.reshape(len(periods), combos, 2)
    stated = counts[:, :, 1] @ corpus.combo_themes
    articles = counts.sum(axis=2) @ corpus.combo_themes
    frame = _long(periods, corpus.themes, {ARTICLES: articles, STATED: stated})
    frame[INFERRED] = frame[ARTICLES] - frame[STATED]
    return frame[columns]


def date_intervals(corpus: Corpus, rows: np.ndarray, limit: int = 500) -> pd.DataFrame:
    """The most recent dated articles with the interval their date must lie in."""
    columns = [
        schema.ARTICLE_ID,
        schema.TITLE,
        schema.PUBLISHED,
        schema.PUBLISHED_EARLIEST,
        schema.PUBLISHED_LATEST,
        schema.DATE_BASIS,
        schema.DATE_PRECISION,
    ]
    rows = _dated(corpus, _as_rows(corpus, rows))
    top = _top(corpus, rows, schema.PUBLISHED, descending=True, count=limit)
    return _frame(corpus, top, columns)


def theme_counts(corpus: Corpus, rows: np.ndarray) -> pd.DataFrame:
    """Articles per theme, most first; share is of the selected articles."""
    rows = _as_rows(corpus, rows)
    counts = _combo_counts(corpus, rows) @ corpus.combo_themes if len(rows) else np.zeros(0)
    order = [t for t in np.argsort(-counts, kind="stable") if counts[t] > 0]
    names = [corpus.themes[t] for t in order]
    return pd.DataFrame(
        {
            THEME: pd.Series(names, dtype=object),
            ARTICLES: counts[order].astype(np.int64),
            SHARE: counts[order] / max(len(rows), 1),
            COLOUR: pd.Series([corpus.theme_colours[t] for t in names], dtype=object),
        }
    )


def theme_share_over_time(corpus: Corpus, rows: np.ndarray, freq: str = "quarter") -> pd.DataFrame:
    """Per period and theme: articles with the theme and their share of the period's articles."""
    columns = [PERIOD, THEME, ARTICLES, SHARE]
    rows = _as_rows(corpus, rows)
    combo = _gather(corpus.theme_combo, rows)
    counts, periods = _timeline(corpus, rows, freq, combo, len(corpus.combo_themes))
    if not len(periods):
        return _empty(columns)
    articles = counts @ corpus.combo_themes
    totals = counts.sum(axis=1)[:, None]
    share = np.divide(articles, totals, out=np.zeros(articles.shape), where=totals > 0)
    return _long(periods, corpus.themes, {ARTICLES: articles, SHARE: share})[columns]


def theme_cooccurrence(corpus: Corpus, rows: np.ndarray) -> pd.DataFrame:
    """Articles carrying both themes, for every pair of themes present (diagonal: one theme)."""
    columns = [THEME_A, THEME_B, ARTICLES]
    rows = _as_rows(corpus, rows)
    if not len(rows):
        return _empty(columns)
    counts = _combo_counts(corpus, rows)
    matrix = corpus.combo_themes.T @ (corpus.combo_themes * counts[:, None])
    present = np.flatnonzero(np.diag(matrix) > 0)
    names = np.array(corpus.themes, dtype=object)[present]
    return pd.DataFrame(
        {
            THEME_A: np.repeat(names, len(present)),
            THEME_B: np.tile(names, len(present)),
            ARTICLES: matrix[np.ix_(present, present)].ravel().astype(np.int64),
        }
    )


def top_theme_pair(pairs: pd.DataFrame) -> tuple[str, str, int] | None:
    """The two different themes that occur together most often in a `theme_cooccurrence`
    frame, with their article count; None when no article has two themes."""
    off_diagonal = pairs[pairs[THEME_A] < pairs[THEME_B]]
    top = off_diagonal.nlargest(1, ARTICLES)
    if top.empty or top.iloc[0][ARTICLES] == 0:
        return None
    row = top.iloc[0]
    return row[THEME_A], row[THEME_B], int(row[ARTICLES])


def theme_phrases(corpus: Corpus, rows: np.ndarray, theme: str | None = None) -> pd.DataFrame:
    """Why articles carry a theme: the evidence phrases, with how many articles used each."""
    columns = [THEME, PHRASE, ARTICLES]
    rows = _as_rows(corpus, rows)
    keys = corpus.phrase_keys
    entries = corpus._entries(rows, corpus.phrase_offsets)
    if entries is not None:
        keys = keys[entries]
    width = len(corpus.phrases)
    counts = np.bincount(keys, minlength=len(corpus.themes) * width)
    counts = counts.reshape(len(corpus.themes), width)
    if theme is not None:
        only = np.arange(len(corpus.themes)) == _codes_of([theme], corpus.themes)[0]
        counts = counts * only[:, None]
    theme_ids, phrase_ids = np.nonzero(counts)
    if not len(theme_ids):
        return _empty(columns)
    frame = pd.DataFrame(
        {
            THEME: np.array(corpus.themes, dtype=object)[theme_ids],
            PHRASE: np.array(corpus.phrases, dtype=object)[phrase_ids],
            ARTICLES: counts[theme_ids, phrase_ids],
            "_order": theme_ids,
        }
    )
    frame = frame.sort_values(["_order", ARTICLES, PHRASE], ascending=[True, False, True])
    return frame[columns].reset_index(drop=True)


def statistics_table(
    corpus: Corpus, rows: np.ndarray, kinds: Sequence[str] = (), *, limit: int | None = 1000
) -> pd.DataFrame:
    """Quoted figures of the selection, newest article first, with a readable label.

    Args:
        kinds: only these statistic kinds; empty = all.
        limit: at most this many figures (a table of a million rows helps nobody).
    """
    fields = [
        schema.STAT_VALUE,
        schema.STAT_KIND,
        schema.STAT_QUALIFIER,
        schema.STAT_COUNTED,
        schema.STAT_PHRASE,
        schema.STAT_SENTENCE,
    ]
    article_fields = [schema.ARTICLE_ID, schema.TITLE, schema.PUBLISHED, schema.DATE_BASIS]
    columns = [*fields, LABEL, HEADING, *article_fields]
    rows = _as_rows(corpus, rows)
    by_date = _newest_figures(corpus, rows, _codes_of(kinds, schema.STAT_KINDS), limit)
    if not len(by_date):
        return _empty(columns)
    records = _take(corpus.statistics, by_date).to_pylist()
    articles = _frame(corpus, corpus.stat_rows[by_date], article_fields)
    frame = pd.DataFrame(records, columns=fields)
    frame[LABEL] = [_label(r) for r in records]
    frame[HEADING] = [_heading(r, label) for r, label in zip(records, frame[LABEL], strict=True)]
    return pd.concat([frame, articles], axis=1)[columns]


def _newest_figures(
    corpus: Corpus, rows: np.ndarray, kinds: np.ndarray, limit: int | None
) -> np.ndarray:
    """Positions in the statistics side table, newest article first, at most `limit`.

    Walks the articles in date order a growing chunk at a time, so the newest thousand figures
    of a million articles cost a few chunks, not a sort of every figure.
    """
    order, _ = corpus._order(schema.PUBLISHED, True)
    selected = None
    if len(rows) < len(corpus):
        selected = np.zeros(len(corpus), dtype=bool)
        selected[rows] = True
    offsets = corpus.stat_offsets
    found: list[np.ndarray] = []
    count, start, chunk = 0, 0, max(4 * (limit or 0), 64)
    while start < len(order) and (limit is None or count < limit):
        articles = order[start:] if limit is None else order[start : start + chunk]
        start += len(articles)
        chunk *= 4
        if selected is not None:
            articles = articles[selected[articles]]
        starts = offsets[articles]
        lengths = offsets[articles + 1] - starts
        # each article's figures in their own order: its start plus 0, 1, … within it
        first_out = np.cumsum(lengths) - lengths
        entries = np.repeat(starts - first_out, lengths) + np.arange(int(lengths.sum()))
        if len(kinds):
            entries = entries[np.isin(corpus.stat_kind[entries], kinds)]
        found.append(entries)
        count += len(entries)
    figures = np.concatenate(found) if found else np.zeros(0, dtype=np.int64)
    return figures if limit is None else figures[:limit]


def facets(corpus: Corpus, rows: np.ndarray, limit: int = 10) -> dict[str, pd.DataFrame]:
    """The commonest values of a few fields, for "refine by" lists: value, articles."""
    rows = _as_rows(corpus, rows)
    themes = theme_counts(corpus, rows)
    result = {
        "theme": _facet(themes[THEME].to_numpy(), themes[ARTICLES].to_numpy(), limit),
    }
    ids = corpus.entity_ids
    entries = corpus._entries(rows, corpus.entity_offsets)
    if entries is not None:
        ids = ids[entries]
    entity_counts = np.bincount(ids, minlength=len(corpus.entities))
    result["entity"] = _facet(np.array(corpus.entities, dtype=object), entity_counts, limit)
    counts, periods = _timeline(corpus, rows, "year")
    result["year"] = _facet(periods.year.to_numpy(), counts[:, 0], limit)
    basis_counts = np.bincount(_gather(corpus.basis, rows), minlength=len(schema.DATE_BASES))
    result[schema.DATE_BASIS] = _facet(
        np.array(schema.DATE_BASES, dtype=object), basis_counts, limit
    )
    return result


def table_page(
    corpus: Corpus,
    rows: np.ndarray,
    *,
    sort: str = schema.PUBLISHED,
    descending: bool = True,
    page: int = 1,
    page_size: int = 25,
    text: str = "",
) -> tuple[pd.DataFrame, int]:
    """One page of the article table and the number of selected articles.

    Sorting uses an order computed once per key; "relevance" ranks by `text` and falls back
    to newest first without it. Articles without a value sort last either way.
    """
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}, not {sort!r}")
    rows = _as_rows(corpus, rows)
    page = max(int(page), 1)
    start, stop = (page - 1) * page_size, page * page_size
    query = corpus._query(text) if sort == RELEVANCE else None
    if query is not None:
        ranked = np.asarray(corpus._search().rank(query, rows=rows, limit=stop), dtype=np.int64)
        shown = ranked[start:stop]
    elif sort == RELEVANCE:
        shown = _top(corpus, rows, schema.PUBLISHED, True, stop)[start:]
    else:
        shown = _top(corpus, rows, sort, descending, stop)[start:]
    return _frame(corpus, shown, TABLE_COLUMNS), len(rows)


def articles_csv(
    corpus: Corpus, rows: np.ndarray, *, sort: str = "published", descending: bool = True
) -> bytes:
    """Every selected article as the CSV `to_csv(table_page(...))` would give, built in Arrow.

    For downloads of large selections: no Python value per cell, so 1M rows take seconds.
    """
    rows = _as_rows(corpus, rows)
    ordered = _top(
        corpus, rows, schema.PUBLISHED if sort == RELEVANCE else sort, descending, len(rows)
    )
    buffer = io.BytesIO()
    buffer.write("\ufeff".encode())
    writer = None
    # a batch at a time, so memory holds the CSV and one batch, not a copy of the table
    for start in range(0, max(len(ordered), 1), _CSV_BATCH):
        batch = _csv_batch(
            _take(corpus.table.select(TABLE_COLUMNS), ordered[start : start + _CSV_BATCH])
        )
        writer = writer or pa_csv.CSVWriter(buffer, batch.schema)
        writer.write_table(batch)
    writer.close()
    return buffer.getvalue()


def _csv_batch(table: pa.Table) -> pa.Table:
    """Lists joined with "; ", formula-like text behind an apostrophe, as `to_csv` does."""
    columns = []
    for column in table.columns:
        if pa.types.is_list(column.type):
            column = pc.binary_join(column, "; ")
        if pa.types.is_string(column.type):
            formula = pc.match_substring_regex(column, _FORMULA_START.pattern)
            column = pc.if_else(formula, pc.binary_join_element_wise("'", column, ""), column)
        columns.append(column)
    return pa.table(columns, names=table.column_names)


def article(corpus: Corpus, article_id: str) -> dict[str, Any] | None:
    """Every field of one article as Python values, or None when no article has that id."""
    position = pc.index(corpus.table.column(schema.ARTICLE_ID), article_id).as_py()
    if position < 0:
        return None
    return corpus.table.slice(position, 1).to_pylist()[0]


def period_changes(
    corpus: Corpus, rows: np.ndarray, *, months: int = 6, today: date | None = None
) -> list[Change]:
    """Per theme: articles in the last `months` months of the data against the months before.

    The window ends at the latest best-estimate date in the selection (or `today` when given),
    not at the wall clock. Sentences say how many of the counted dates are estimates, and
    when the dataset starts after the earlier period begins.
    """
    rows = _dated(corpus, _as_rows(corpus, rows))
    if not len(rows) or months < 1:
        return []
    end = today or _date(corpus.day[rows].max())
    start = _add_months(end, -months) + timedelta(days=1)
    previous_end = start - timedelta(days=1)
    previous_start = _add_months(start, -months)
    data_start = corpus.date_bounds()[0]
    day = corpus.day[rows]
    rows = rows[(day >= _day_number(previous_start)) & (day <= _day_number(end))]
    current = corpus.day[rows] >= _day_number(start)
    estimated = corpus.basis[rows] == schema.DATE_BASES.index("inferred")
    masks = corpus.theme_mask[rows]
    span = _months_phrase(months)
    starts = f"data starts on {_long_date(data_start)}"
    changes = []
    for t, theme in enumerate(corpus.themes):
        has = (masks >> np.uint64(t)) & np.uint64(1) == 1
        now = int(np.count_nonzero(has & current))
        then = int(np.count_nonzero(has)) - now
        if not now and not then:
            continue
        sentence = f"{theme}: {_articles(now)} in the last {span}"
        if data_start > previous_end:
            sentence += f"; the {starts}, so there is nothing to compare with."
        else:
            sentence += f", {_compared(now, then, span)}."
            if data_start > previous_start:
                sentence += f" The {starts}, part-way through the {span} before."
        guessed = int(np.count_nonzero(has & estimated))
        if guessed:
            verb = "is an estimate" if guessed == 1 else "are estimates"
            sentence += f" {guessed:,} of the {now + then:,} dates counted {verb}."
        changes.append(Change(theme, now, then, sentence, start, end, previous_start, previous_end))
    changes.sort(key=lambda c: (-abs(c.current - c.previous), -c.current, c.theme))
    return changes


def prepare(path: Path) -> Path | None:
    """Write the serving copy and search index of a dataset, unless they are current.

    `insights build` calls this, so the dashboard's first start memory-maps them.

    Returns:
        The serving copy's folder, or None when it cannot be written (a read-only folder).

    Raises:
        store.DatasetError: one line saying what is missing or unreadable.
    """
    return Corpus.load(path).serving


def to_csv(frame: pd.DataFrame) -> bytes:
    """CSV for downloads: lists joined with "; ", dates as ISO, UTF-8 with a BOM for Excel.

    Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
    apostrophe, so it opens as the text it is.
    """
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object or pd.api.types.is_string_dtype(out[name].dtype):
            out[name] = out[name].map(_csv_cell)
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    return buffer.getvalue().encode("utf-8-sig")


# Internals


def _sidecar(path: Path, version: str) -> Path:
    """data/articles.parquet → data/articles.index/<dataset version>-format<index format>/.

    A new dataset or index format makes a new folder; writing one drops the others.
    """
    from insights import search

    return path.with_suffix(".index") / f"{version}-format{getattr(search, 'FORMAT_VERSION', 0)}"


def _search_index(corpus: Corpus, save: bool = True) -> Any:
    """The search index from the sidecar folder next to the dataset, built when stale.

    The folder holds whatever SearchIndex.save writes. A sidecar that cannot be written
    leaves the index in memory only.
    """
    from insights import search

    folder = _sidecar(corpus.path, corpus.version) if corpus.path.name else None
    if folder is not None and folder.is_dir():
        try:
            return search.SearchIndex.load(folder)
        except (OSError, ValueError, KeyError):  # half-written or unreadable: build it again
            pass
    texts = pc.binary_join_element_wise(
        corpus.table.column(schema.TITLE), corpus.table.column(schema.SUMMARY), "\n"
    )
    index = search.SearchIndex.build(texts)
    if save and folder is not None:
        try:
            _save_index(index, folder)
            # memory-mapped, so server processes share the pages
            return search.SearchIndex.load(folder)
        except (OSError, ValueError, KeyError):
            pass
    return index


def _save_index(index: Any, folder: Path) -> None:
    def write(scratch: Path) -> None:
        index.save(scratch)
        if (folder / _SERVING).is_dir():  # the serving copy of the same version stays
            os.rename(folder / _SERVING, scratch / _SERVING)

    _replace_folder(folder, write)
    _drop_other_versions(folder)


def _replace_folder(folder: Path, write: Callable[[Path], None]) -> None:
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


def _drop_other_versions(folder: Path) -> None:
    for old in folder.parent.iterdir():
        if old.name != folder.name and not old.name.startswith("."):  # not another's scratch
            shutil.rmtree(old, ignore_errors=True)


def _fingerprint(path: Path) -> str:
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


def _serving_folder(path: Path, metadata: dict[str, Any]) -> Path | None:
    # None for a dataset that states no version: nothing to key it by without decoding it
    version = metadata.get("dataset_version")
    return _sidecar(path, str(version)) / _SERVING if version and path.name else None


def _save_serving_copy(corpus: Corpus) -> Corpus:
    """Write the serving copy of a corpus read from Parquet and return it memory-mapped.

    Returns the corpus unchanged when the folder cannot be written.
    """
    folder = _serving_folder(corpus.path, corpus.metadata)
    if folder is None:
        return corpus
    try:
        _replace_folder(folder, lambda scratch: _write_serving_copy(corpus, scratch))
        _drop_other_versions(folder.parent)
    except (OSError, pa.ArrowException):
        return corpus
    mapped = _open_serving_copy(corpus.path)
    if mapped is None:
        return corpus
    mapped.index = corpus.index
    return mapped


def _write_serving_copy(corpus: Corpus, folder: Path) -> None:
    """The table as Arrow IPC, every array as .npy, then the manifest that vouches for them."""
    with (
        pa.OSFile(str(folder / _SERVING_TABLE), "wb") as sink,
        pa.ipc.new_file(sink, schema.ARTICLE_SCHEMA) as writer,
    ):
        writer.write_table(corpus.table)
    arrays = {name: v for name, v in vars(corpus).items() if isinstance(v, np.ndarray)}
    for sort in _ORDERED:
        for descending in (False, True):
            order, rank = corpus._order(sort, descending)
            arrays[f"order.{sort}.{int(descending)}"] = order
            arrays[f"rank.{sort}.{int(descending)}"] = rank
    periods = {}
    for freq in FREQUENCIES:
        codes, first, count = corpus._period_codes(freq)
        arrays[f"period.{freq}"] = codes
        periods[freq] = [first, count]
    for name, array in arrays.items():
        np.save(folder / f"{name}.npy", array, allow_pickle=False)
    manifest = {
        "format": SERVING_FORMAT,
        "dataset_version": corpus.version,
        "fingerprint": _fingerprint(corpus.path),
        "rows": len(corpus),
        "themes": corpus.themes,
        "theme_colours": corpus.theme_colours,
        "entities": corpus.entities,
        "phrases": corpus.phrases,
        "periods": periods,
        "arrays": {name: [a.dtype.str, list(a.shape)] for name, a in arrays.items()},
    }
    (folder / _MANIFEST).write_text(json.dumps(manifest))


def _open_serving_copy(path: Path) -> Corpus | None:
    """The dataset's serving copy, memory-mapped; None when missing, stale or unreadable.

    Reads only the Parquet footer: the rows were validated when the copy was written.
    """
    try:
        metadata = store.read_metadata(path)
        folder = _serving_folder(path, metadata)
        if folder is None or not (folder / _MANIFEST).is_file():
            return None
        manifest = json.loads((folder / _MANIFEST).read_text())
        if manifest.get("format") != SERVING_FORMAT or manifest.get("fingerprint") != (
            _fingerprint(path)
        ):
            return None
        table = pa.ipc.open_file(pa.memory_map(str(folder / _SERVING_TABLE))).read_all()
        if not table.schema.equals(schema.ARTICLE_SCHEMA) or len(table) != manifest["rows"]:
            return None
        table.validate()  # buffer sizes against lengths, not the values: cheap
        arrays = {
            name: _mapped(folder / f"{name}.npy", dtype, shape)
            for name, (dtype, shape) in manifest["arrays"].items()
        }
        orders = {
            (sort, bool(d)): (arrays.pop(f"order.{sort}.{d}"), arrays.pop(f"rank.{sort}.{d}"))
            for sort in _ORDERED
            for d in (0, 1)
        }
        periods = {
            freq: (arrays.pop(f"period.{freq}"), *manifest["periods"][freq]) for freq in FREQUENCIES
        }
        corpus = Corpus(
            path=path,
            version=str(metadata["dataset_version"]),
            metadata=metadata,
            table=table,
            themes=tuple(manifest["themes"]),
            theme_colours=dict(manifest["theme_colours"]),
            entities=tuple(manifest["entities"]),
            statistics=_list_values(table.column(schema.STATISTICS)),
            phrases=tuple(manifest["phrases"]),
            serving=folder,
            **arrays,
        )
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException, store.DatasetError):
        return None  # rebuilt from the dataset, which says what is wrong if it is unreadable
    corpus._orders.update(orders)
    corpus._periods.update(periods)
    return corpus


def _mapped(path: Path, dtype: str, shape: list[int]) -> np.ndarray:
    """A read-only memory map of a .npy file, checked against what the manifest recorded."""
    array = np.load(path, mmap_mode="r", allow_pickle=False)
    if array.dtype.str != dtype or list(array.shape) != shape:
        raise ValueError(f"{path} holds {array.dtype}{array.shape}, not {dtype}{shape}")
    return np.asarray(array)  # a plain ndarray view: slicing an np.memmap costs ~0.2 ms


def _list_values(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """The values of a list column, chunk by chunk, without copying them."""
    return pa.chunked_array([c.flatten() for c in column.chunks], type=column.type.value_type)


def _flatten(column: pa.ChunkedArray | pa.Array) -> tuple[pa.ChunkedArray, np.ndarray]:
    """The values of a list column and, for each value, the row it came from (int32)."""
    chunks = column.chunks if isinstance(column, pa.ChunkedArray) else [column]
    values, rows, base = [], [np.zeros(0, dtype=np.int32)], 0
    for chunk in chunks:
        values.append(chunk.flatten())
        lengths = pc.fill_null(pc.list_value_length(chunk), 0).to_numpy()
        rows.append(np.repeat(np.arange(base, base + len(chunk), dtype=np.int32), lengths))
        base += len(chunk)
    return pa.chunked_array(values, type=column.type.value_type), np.concatenate(rows)


def _offsets(counts: np.ndarray) -> np.ndarray:
    """CSR offsets from counts: [2, 0, 3] → [0, 2, 2, 5]."""
    offsets = np.zeros(len(counts) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    return offsets


def _codes(values: pa.ChunkedArray, vocabulary: Sequence[str]) -> np.ndarray:
    """int32 position of each value in the vocabulary, -1 when absent."""
    if not len(values):
        return np.zeros(0, dtype=np.int32)
    codes = pc.index_in(values, value_set=pa.array(list(vocabulary), type=pa.string()))
    return pc.fill_null(codes, -1).to_numpy().astype(np.int32)


def _codes_of(names: Sequence[str], vocabulary: Sequence[str]) -> np.ndarray:
    """Positions of names in a small vocabulary; unknown names point one past its end."""
    lookup = {name: i for i, name in enumerate(vocabulary)}
    return np.array([lookup.get(name, len(vocabulary)) for name in names], dtype=np.int64)


def _by_frequency(values: pa.ChunkedArray) -> tuple[str, ...]:
    if not len(values):
        return ()
    counts = pc.value_counts(values)
    names = counts.field("values").to_numpy(zero_copy_only=False)
    frequency = counts.field("counts").to_numpy()
    order = np.lexsort((names, -frequency))
    return tuple(str(names[i]) for i in order if names[i] is not None)


def _taxonomy(
    metadata: dict[str, Any], theme_values: pa.ChunkedArray
) -> tuple[tuple[str, ...], dict[str, str]]:
    """Theme names in taxonomy order (then any others by frequency) and their colours."""
    entries = [e for e in metadata.get("taxonomy") or [] if isinstance(e, dict) and e.get("name")]
    names = [str(e["name"]) for e in entries]
    names += [n for n in _by_frequency(theme_values) if n not in names]
    given = {str(e["name"]): str(e["colour"]) for e in entries if e.get("colour")}
    colours = {n: given.get(n, PALETTE[i % len(PALETTE)]) for i, n in enumerate(names)}
    return tuple(names), colours


def _days(column: pa.ChunkedArray) -> np.ndarray:
    days = pc.cast(column, pa.int32())
    return pc.fill_null(days, NO_DAY).to_numpy().astype(np.int32)


def _day_number(value: date) -> int:
    return (value - _EPOCH).days


def _date(day: int) -> date:
    return _EPOCH + timedelta(days=int(day))


def _period_codes(day: np.ndarray, freq: str) -> tuple[np.ndarray, int, int]:
    """See Corpus._period_codes; periods are numbered from 1970, weeks start on Monday."""
    dated = day != NO_DAY
    safe = np.where(dated, day, 0).astype("datetime64[D]")
    if freq == "week":
        codes = (safe.astype(np.int64) + 3) // 7  # 1970-01-01 was a Thursday
    elif freq == "year":
        codes = safe.astype("datetime64[Y]").astype(np.int64)
    else:
        codes = safe.astype("datetime64[M]").astype(np.int64)
        if freq == "quarter":
            codes //= 3
    if not dated.any():
        return np.zeros(len(day), dtype=np.int32), 0, 0
    first, last = int(codes[dated].min()), int(codes[dated].max())
    periods = last - first + 1
    return np.where(dated, codes - first, periods).astype(np.int32), first, periods


def _period_starts(codes: np.ndarray, freq: str) -> pd.DatetimeIndex:
    if freq == "week":
        starts = (codes * 7 - 3).astype("datetime64[D]")
    elif freq == "year":
        starts = codes.astype("datetime64[Y]")
    else:
        starts = (codes * 3 if freq == "quarter" else codes).astype("datetime64[M]")
    return pd.DatetimeIndex(starts.astype("datetime64[s]"))


def _as_rows(corpus: Corpus, rows: np.ndarray | None) -> np.ndarray:
    if rows is None:
        return np.arange(len(corpus), dtype=np.int64)
    return np.asarray(rows, dtype=np.int64)


def _dated(corpus: Corpus, rows: np.ndarray) -> np.ndarray:
    return rows[_gather(corpus.day, rows) != NO_DAY]


def _gather(values: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """values[rows], without the copy when rows (sorted, unique) are every row."""
    return values if len(rows) == len(values) else values[rows]


def _timeline(
    corpus: Corpus,
    rows: np.ndarray,
    freq: str,
    extra: np.ndarray | None = None,
    width: int = 1,
) -> tuple[np.ndarray, pd.DatetimeIndex]:
    """Selected dated articles per period (× a value of `extra` below `width`).

    One bincount over every selected row, undated ones into a bin that is dropped; then
    trimmed to the selection's first and last period, so gaps between are zero-filled:

        counts  [[3, 1], [0, 0], [2, 2]]    periods × width
        starts  [2018-01-01, 2018-02-01, 2018-03-01]
    """
    codes, first, periods = corpus._period_codes(freq)
    key = _gather(codes, rows)
    if extra is not None:
        key = key.astype(np.int64) * width + extra
    size = (periods + 1) * width
    counts = np.bincount(key, minlength=size).reshape(periods + 1, width)[:periods]
    used = np.flatnonzero(counts.any(axis=1))
    if not len(used):
        return counts[:0], pd.DatetimeIndex([])
    low, high = int(used[0]), int(used[-1]) + 1
    return counts[low:high], _period_starts(np.arange(first + low, first + high), freq)


def _combo_counts(corpus: Corpus, rows: np.ndarray) -> np.ndarray:
    return np.bincount(_gather(corpus.theme_combo, rows), minlength=len(corpus.combo_themes))


def _long(
    periods: pd.DatetimeIndex, themes: Sequence[str], values: dict[str, np.ndarray]
) -> pd.DataFrame:
    """(periods × themes) matrices as rows of period, theme, values; only the themes that
    have articles in some period."""
    present = np.flatnonzero(values[ARTICLES].sum(axis=0) > 0)
    names = np.array(themes, dtype=object)[present]
    frame = {
        PERIOD: np.repeat(periods.to_numpy(), len(present)),
        THEME: np.tile(names, len(periods)),
    }
    frame.update({name: matrix[:, present].ravel() for name, matrix in values.items()})
    return pd.DataFrame(frame)


def _top(corpus: Corpus, rows: np.ndarray, sort: str, descending: bool, count: int) -> np.ndarray:
    """The first `count` of `rows` in a sort order, without sorting the whole selection."""
    order, rank = corpus._order(sort, descending)
    if len(rows) == len(corpus):
        return order[:count]
    if len(rows) * 8 >= len(corpus):
        # a large selection: walk the global order in growing blocks until enough are found
        mask, found, start, block = corpus._row_mask(rows), [], 0, max(4 * count, 4096)
        while start < len(order) and sum(map(len, found)) < count:
            part = order[start : start + block]
            found.append(part[mask[part]])
            start, block = start + block, block * 4
        return np.concatenate(found)[:count] if found else order[:0]
    ranks = rank[rows]
    if count < len(ranks):
        ranks = np.partition(ranks, count - 1)[:count] if count > 0 else ranks[:0]
    return order[np.sort(ranks)]


def _frame(corpus: Corpus, rows: np.ndarray, columns: list[str]) -> pd.DataFrame:
    """Selected columns of a few rows as Python values (text unchanged)."""
    records = _take(corpus.table.select(columns), rows).to_pylist()
    return pd.DataFrame(records, columns=columns)


def _take(data: pa.Table | pa.ChunkedArray, rows: np.ndarray) -> Any:
    """data.take(rows) one chunk at a time.

    Arrow's own take on a chunked column first concatenates every chunk: 50 ms for the
    summaries of 1M articles, whatever the number of rows taken.
    """
    if isinstance(data, pa.Table):
        columns = [_take(column, rows) for column in data.columns]
        return pa.table(columns, schema=data.schema)
    rows = np.asarray(rows, dtype=np.int64)
    if data.num_chunks == 1:
        return data.chunk(0).take(pa.array(rows))
    starts = np.cumsum([0, *(len(chunk) for chunk in data.chunks)])
    chunk_of = np.searchsorted(starts, rows, side="right") - 1
    grouped = np.argsort(chunk_of, kind="stable")
    pieces = []
    for k in np.unique(chunk_of):
        local = rows[chunk_of == k] - starts[k]
        pieces.append(data.chunk(int(k)).take(pa.array(local)))
    taken = pa.concat_arrays(pieces) if pieces else pa.array([], type=data.type)
    if np.all(grouped[1:] > grouped[:-1]):
        return taken
    restore = np.empty_like(grouped)
    restore[grouped] = np.arange(len(grouped))
    return taken.take(pa.array(restore))


def _empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series([], dtype=object) for name in columns})


def _facet(values: np.ndarray, counts: np.ndarray, limit: int) -> pd.DataFrame:
    order = [i for i in np.argsort(-counts, kind="stable")[:limit] if counts[i] > 0]
    return pd.DataFrame(
        {
            VALUE: pd.Series(list(values[order]), dtype=object),
            ARTICLES: counts[order].astype(np.int64),
        }
    )


def _heading(figure: dict[str, Any], label: str) -> str:
    """The label and what is counted: "up to 1,000 children", "more than half of frontline
    workers"; a percentage or a duration stands alone ("66%" of a rise is not "66% children")."""
    counted = figure[schema.STAT_COUNTED]
    kind = figure[schema.STAT_KIND]
    if not counted or kind in ("percent", "duration", "ratio") or counted in label:
        return label
    return f"{label} of {counted}" if kind == "proportion" else f"{label} {counted}"


def _label(figure: dict[str, Any]) -> str:
    """Short text for one statistic: "up to 1,000", "66%", "more than half", "£2m", "1 in 5"."""
    value, kind = figure[schema.STAT_VALUE], figure[schema.STAT_KIND]
    qualifier = figure[schema.STAT_QUALIFIER]
    if kind == "percent":
        text = f"{_figure(value)}%"
    elif kind == "proportion":
        text = _FRACTIONS.get(round(value, 3), f"{_figure(value * 100)}%")
    elif kind == "money":
        symbol = next((s for s in "£$€" if s in (figure[schema.STAT_PHRASE] or "")), "")
        text = symbol + _money(value)
    elif kind == "ratio" and 0 < value < 1:
        # 0.2 → "1 in 5", 0.3 → "3 in 10": the smallest whole denominator that fits
        whole = next((d for d in range(2, 101) if abs(value * d - round(value * d)) < 1e-6), 0)
        text = f"{round(value * whole)} in {whole}" if whole else f"{_figure(value * 100)}%"
    elif kind == "duration":
        return figure[schema.STAT_PHRASE]  # the phrase holds the unit: "11 years"
    else:
        text = _figure(value)
    prefix = "" if qualifier == "exact" else qualifier.replace("_", " ") + " "
    return prefix + text


_FRACTIONS = {
    0.5: "half",
    0.25: "a quarter",
    0.75: "three quarters",
    0.333: "a third",
    0.667: "two thirds",
    0.2: "a fifth",
    0.1: "a tenth",
    1.0: "all",
}


def _money(value: float) -> str:
    for size, suffix in ((1e9, "bn"), (1e6, "m")):
        if value >= size:
            return f"{_figure(round(value / size, 2))}{suffix}"
    return _figure(value)


def _figure(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | tuple | np.ndarray):
        return "; ".join(str(v) for v in value)
    if isinstance(value, str) and _FORMULA_START.match(value):
        return "'" + value
    return value


def _add_months(value: date, months: int) -> date:
    month = value.month - 1 + months
    year, month = value.year + month // 12, month % 12 + 1
    return date(year, month, min(value.day, calendar.monthrange(year, month)[1]))


def _number(n: int) -> str:
    return _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else f"{n:,}"


def _months_phrase(months: int) -> str:
    return "month" if months == 1 else f"{_number(months)} months"


def _long_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def _articles(n: int) -> str:
    return f"{n:,} article" if n == 1 else f"{n:,} articles"


def _compared(now: int, then: int, span: str) -> str:
    if now > then:
        return f"up from {then:,}"
    if now < then:
        return f"down from {then:,}"
    return f"the same as in the {span} before"
