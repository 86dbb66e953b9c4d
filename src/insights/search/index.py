"""The full-text index: an inverted index in numpy with word positions and BM25 ranking.

Per word, the rows it occurs in, a BM25 weight, and its positions:

    vocabulary   {"county": 0, "lines": 1, …}   term → id
    offsets      [0, 3, 5, …]                   term t's postings: [offsets[t], offsets[t+1])
    docs         [0, 4, 9, 4, 9, …]  int32      row of each posting, ascending per term
    impacts      [118, 160, …]       uint8      BM25 term-frequency part of each posting
    pos_offsets  [0, 4, 6, …]                   term t's positions, like its postings
    positions    [3, 44, 52, …]      uint32     global word positions, ascending per term
    tokens       [7, 0, 1, …, GAP]   uint16/32  the forward index: term id at each position
    row_starts   [32, 74, 113, …]    int64      row r's words are at row_starts[r] + 0, 1, …
    row_bits     [0b1000…, …]        uint64     a bit per position, set where a row starts
    row_ranks    [0, 1, 2, …]        int64      rows starting before each 64-bit word
    lengths      [41, 38, …]         uint32     words per row

A phrase is found from its rarest word's positions, checking the other words in `tokens`;
rows are one GAP apart, so a phrase never spans two rows. Every array is a plain .npy file,
so `SearchIndex.load` memory-maps them in milliseconds. search/build.py builds them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
import pyarrow as pa

from insights.search.build import IMPACT_VALUES, PAD, index_arrays, popcount
from insights.search.parser import Phrase, Query, as_query

FORMAT_VERSION = 6
# A phrase looks up its rarest word's positions row by row when it is restricted to fewer
# than 1/ROWS_PER_SCAN as many rows as the word has positions; otherwise it scans them all.
ROWS_PER_SCAN = 8
_EMPTY = np.empty(0, dtype=np.int64)


@dataclass
class SearchIndex:
    """Inverted index with word positions over rows of text; see the module docstring."""

    terms: pa.Array  # term id → word
    offsets: np.ndarray
    docs: np.ndarray
    impacts: np.ndarray
    pos_offsets: np.ndarray
    positions: np.ndarray
    tokens: np.ndarray
    row_starts: np.ndarray
    row_bits: np.ndarray
    row_ranks: np.ndarray
    lengths: np.ndarray

    # -- building and storage -------------------------------------------------------------

    @classmethod
    def build(cls, texts: Sequence[str] | pa.Array | pa.ChunkedArray) -> SearchIndex:
        """Index `texts`; row i of the index is texts[i] (None counts as empty)."""
        return cls(**index_arrays(texts))

    _ARRAYS = (
        "offsets",
        "docs",
        "impacts",
        "pos_offsets",
        "positions",
        "tokens",
        "row_starts",
        "row_bits",
        "row_ranks",
        "lengths",
    )

    def save(self, directory: Path) -> None:
        """Write the index as .npy files plus the vocabulary as an Arrow file."""
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        for name in self._ARRAYS:
            np.save(directory / f"{name}.npy", np.asarray(getattr(self, name)))
        table = pa.table({"term": self.terms})
        with (
            pa.OSFile(str(directory / "terms.arrow"), "wb") as sink,
            pa.ipc.new_file(sink, table.schema) as writer,
        ):
            writer.write_table(table)
        meta = {"format": FORMAT_VERSION, "rows": len(self), "terms": len(self.terms)}
        (directory / "meta.json").write_text(json.dumps(meta))

    @classmethod
    def load(cls, directory: Path) -> SearchIndex:
        """Open a saved index; arrays are memory-mapped, so this takes milliseconds."""
        directory = Path(directory)
        meta = json.loads((directory / "meta.json").read_text())
        if meta.get("format") != FORMAT_VERSION:
            raise ValueError(f"{directory} holds search index format {meta.get('format')}")
        # Plain ndarray views of the maps: slicing an np.memmap costs ~0.2 ms in Python.
        arrays = {
            n: np.asarray(np.load(directory / f"{n}.npy", mmap_mode="r")) for n in cls._ARRAYS
        }
        source = pa.memory_map(str(directory / "terms.arrow"), "r")
        terms = pa.ipc.open_file(source).read_all().column("term").combine_chunks()
        return cls(terms=terms, **arrays)

    def __len__(self) -> int:
        return len(self.lengths)

    # -- lookups ----------------------------------------------------------------------------

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        return {term: i for i, term in enumerate(self.terms.to_pylist())}

    def _term_id(self, word: str) -> int | None:
        return self.vocabulary.get(word)

    def _word_rows(self, word: str) -> np.ndarray:
        """Sorted rows holding `word` (a read-only view for a loaded index)."""
        tid = self._term_id(word)
        return _EMPTY if tid is None else self.docs[self.offsets[tid] : self.offsets[tid + 1]]

    def _doc_freq(self, word: str) -> int:
        tid = self._term_id(word)
        return 0 if tid is None else int(self.offsets[tid + 1] - self.offsets[tid])

    def _occurrences(self, term_id: int, within: np.ndarray | None = None) -> np.ndarray:
        """Global positions of a term, ascending; only those in rows `within` when that is
        much the smaller list (found by binary search per row instead of a full scan)."""
        found = self.positions[self.pos_offsets[term_id] : self.pos_offsets[term_id + 1]]
        if within is None or len(within) * ROWS_PER_SCAN > len(found):
            return found
        # Search with the positions' own type: mixed types would convert all of `found`.
        first = np.searchsorted(found, self.row_starts[within].astype(found.dtype))
        counts = np.searchsorted(found, self.row_starts[within + 1].astype(found.dtype)) - first
        # The ranges [first, first + count) end to end, without a Python loop.
        out_starts = np.cumsum(counts) - counts
        return found[np.arange(counts.sum()) + np.repeat(first - out_starts, counts)]

    def _in(self, rows: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
        """Boolean mask: which of `rows` are in `sorted_set` (both sorted, unique)."""
        if len(rows) == 0 or len(sorted_set) == 0:
            return np.zeros(len(rows), dtype=bool)
        if len(rows) * 16 < len(sorted_set):
            return _sorted_in(rows, sorted_set)
        mask = np.zeros(len(self), dtype=bool)
        mask[sorted_set] = True
        return mask[rows]

    def _union(self, sets: list[np.ndarray]) -> np.ndarray:
        if sum(len(s) for s in sets) * 64 < len(self):
            both = np.concatenate([_EMPTY, *sets])
            both.sort()
            return both[np.concatenate([[True], both[1:] != both[:-1]])] if len(both) else both
        mask = np.zeros(len(self), dtype=bool)
        for s in sets:
            mask[s] = True
        return np.flatnonzero(mask)

    def _phrase_rows(self, phrase: Phrase, within: np.ndarray | None) -> np.ndarray:
        """Rows holding the words of `phrase` consecutively (only rows in `within` if given).

        From each occurrence of the phrase's rarest word, the forward index tells which word
        sits at every other place of the phrase: one gather per word.
        """
        ids = [self._term_id(w) for w in phrase]
        if any(i is None for i in ids):
            return _EMPTY
        rarest = min(
            range(len(ids)), key=lambda i: self.pos_offsets[ids[i] + 1] - self.pos_offsets[ids[i]]
        )
        starts = self._occurrences(ids[rarest], within).astype(np.int64) - rarest
        if len(ids) > PAD:  # a phrase longer than the padding could reach past either end
            starts = starts[(starts >= 0) & (starts + len(ids) <= len(self.tokens))]
        for place, tid in enumerate(ids):
            if place != rarest and len(starts):
                starts = starts[self.tokens[starts + place] == tid]
        rows = self._row_of(starts)
        if len(rows):
            rows = rows[np.concatenate([[True], rows[1:] != rows[:-1]])]
        return rows if within is None else rows[self._in(rows, within)]

    def _row_of(self, positions: np.ndarray) -> np.ndarray:
        """The row of each global position: how many rows start at or before it, less one."""
        word = positions >> 6
        below = (np.uint64(2) << (positions & 63).astype(np.uint64)) - np.uint64(1)
        return self.row_ranks[word] + popcount(self.row_bits[word] & below) - 1

    def _clause_rows(self, phrase: Phrase, within: np.ndarray | None) -> np.ndarray:
        if len(phrase) > 1:
            return self._phrase_rows(phrase, within)
        rows = self._word_rows(phrase[0])
        if within is None:
            return rows.astype(np.int64)
        return within[self._in(within, rows)]

    def _estimate(self, phrase: Phrase) -> int:
        return min(self._doc_freq(w) for w in phrase)

    def match(self, query: Query | str) -> np.ndarray:
        """Sorted unique row numbers matching the query; an empty query matches every row."""
        q = as_query(query)
        # Every positive clause is a group of alternatives (one for a word or a phrase).
        # Evaluate the most selective first; each later one only checks the rows left.
        groups = [((w,),) for w in q.required] + [(p,) for p in q.phrases] + list(q.any_of)
        groups.sort(key=lambda g: sum(self._estimate(p) for p in g))
        rows: np.ndarray | None = None
        for group in groups:
            found = [self._clause_rows(p, rows) for p in group]
            rows = found[0] if len(found) == 1 else self._union(found)
            if len(rows) == 0:
                return _EMPTY
        excluded = [self._word_rows(w) for w in q.excluded]
        excluded += [self._phrase_rows(p, rows) for p in q.excluded_phrases]
        if rows is None:
            keep = np.ones(len(self), dtype=bool)
            for found in excluded:
                keep[found] = False
            return np.flatnonzero(keep)
        for found in excluded:
            rows = rows[~self._in(rows, found)]
        return rows

    def rank(
        self,
        query: Query | str,
        rows: np.ndarray | None = None,
        limit: int | None = None,
    ) -> np.ndarray:
        """Matching rows (only among `rows` when given), best BM25 score first.

        Ties keep row order. Phrase words are scored as single words.
        """
        q = as_query(query)
        matched = self.match(q)
        if rows is not None:
            rows = np.asarray(rows, dtype=np.int64)
            if len(rows) > 1 and not np.all(rows[1:] > rows[:-1]):
                rows = np.unique(rows)
            matched = matched[self._in(matched, rows)]
        if len(matched) == 0 or (limit is not None and limit <= 0):
            return _EMPTY
        scores = self._scores(q.terms(), matched, required=set(q.required))
        if limit is not None and limit < len(matched):
            # The best `limit` rows; among rows tied with the last one, the earliest.
            kth = -np.partition(-scores, limit - 1)[limit - 1]
            better = np.flatnonzero(scores > kth)
            tied = np.flatnonzero(scores == kth)[: limit - len(better)]
            top = np.concatenate([better, tied])
            return matched[top[np.lexsort((top, -scores[top]))]]
        return matched[np.lexsort((matched, -scores))]

    def _scores(self, words: Sequence[str], matched: np.ndarray, required: set[str]) -> np.ndarray:
        """BM25 score of each matched row over the positive words.

        Every matched row holds each `required` word, so when as many rows hold the word as
        were matched, they are the same rows.
        """
        scores = np.zeros(len(matched), dtype=np.float32)
        dense: np.ndarray | None = None  # impact by row, 0 where the word is absent
        for word in words:
            tid = self._term_id(word)
            if tid is None:
                continue
            lo, hi = self.offsets[tid], self.offsets[tid + 1]
            docs, impacts = self.docs[lo:hi], self.impacts[lo:hi]
            idf = np.log(1 + (len(self) - len(docs) + 0.5) / (len(docs) + 0.5))
            weight = (IMPACT_VALUES * idf).astype(np.float32)
            if len(docs) == len(matched) and (word in required or np.array_equal(docs, matched)):
                scores += weight[impacts]
            elif len(matched) * 16 < len(docs):
                at = np.searchsorted(docs, matched.astype(docs.dtype))
                at[at == len(docs)] = 0
                scores += np.where(docs[at] == matched, weight[impacts[at]], 0)
            else:
                if dense is None:
                    dense = np.zeros(len(self), dtype=np.uint8)
                else:
                    dense[:] = 0
                dense[docs] = impacts
                scores += weight[dense[matched]]
        return scores


def _sorted_in(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Boolean mask: which of `values` (all in range of sorted_set's type) are in `sorted_set`."""
    if len(sorted_set) == 0:
        return np.zeros(len(values), dtype=bool)
    # Searching with the set's own type avoids converting (copying) the larger array.
    values = values.astype(sorted_set.dtype, copy=False)
    at = np.searchsorted(sorted_set, values)
    at[at == len(sorted_set)] = 0
    return sorted_set[at] == values
