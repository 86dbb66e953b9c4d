"""Ranked full-text search over article texts: a query parser and an in-memory inverted index.

Text is cut into lowercase, accent-folded words ("Durán’s County-Lines" → duran, s, county,
lines). The index keeps, per word, the rows it occurs in, a BM25 weight, and its positions:

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
rows are one GAP apart, so a phrase never spans two rows.
Every array is a plain .npy file, so `SearchIndex.load` memory-maps them in milliseconds.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

Phrase = tuple[str, ...]  # consecutive words; a single word is a 1-tuple

FORMAT_VERSION = 6
BM25_K1 = 1.2
BM25_B = 0.75
BUILD_CHUNK_ROWS = 100_000
# A phrase looks up its rarest word's positions row by row when it is restricted to fewer
# than 1/ROWS_PER_SCAN as many rows as the word has positions; otherwise it scans them all.
ROWS_PER_SCAN = 8
PAD = 32  # GAP positions before the first row and after the last, for phrases up to PAD words


def _gap(token_type: type) -> int:
    return np.iinfo(token_type).max  # the forward index's marker between rows


_WORD = re.compile(r"[^\W_]+")  # letters and digits: the same classes as the index's splitter
_ARROW_SEPARATOR = r"[^\p{L}\p{N}]+"
_QUOTES = str.maketrans(dict.fromkeys("“”„‟″«»", '"'))
# A query splits into: -"phrase", "phrase" (the closing quote may be missing), |, other chunks.
_QUERY_ITEM = re.compile(r'-?"[^"]*"?|\||[^\s|"]+')
_EMPTY = np.empty(0, dtype=np.int64)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def fold(text: str) -> str:
    """Lowercase and strip accents, character by character: "Durán" → "duran"."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def words(text: str) -> list[str]:
    """The index's words of a text: "Durán’s 1,200" → ["duran", "s", "1", "200"]."""
    return _WORD.findall(fold(text))


@dataclass(frozen=True)
class Query:
    """Parsed search text.

    `-"county lines" trafficking "modern slavery" NCA OR "crime agency"` becomes:
        required=("trafficking",), phrases=(("modern", "slavery"),),
        any_of=((("nca",), ("crime", "agency")),), excluded_phrases=(("county", "lines"),)
    """

    required: tuple[str, ...] = ()  # words that must all occur
    phrases: tuple[Phrase, ...] = ()  # phrases that must all occur
    any_of: tuple[tuple[Phrase, ...], ...] = ()  # OR-groups: one alternative of each must occur
    excluded: tuple[str, ...] = ()  # words that must not occur
    excluded_phrases: tuple[Phrase, ...] = ()  # phrases that must not occur

    @property
    def is_empty(self) -> bool:
        return not (self.has_positive or self.excluded or self.excluded_phrases)

    @property
    def has_positive(self) -> bool:
        return bool(self.required or self.phrases or self.any_of)

    def terms(self) -> tuple[str, ...]:
        """Every positive word, once, in query order (for highlighting)."""
        found = [*self.required, *(w for p in self.phrases for w in p)]
        found += [w for group in self.any_of for p in group for w in p]
        return _once(found)

    def positive_phrases(self) -> tuple[Phrase, ...]:
        """Every positive word or phrase, once: what a highlighter marks."""
        found = [(w,) for w in self.required] + list(self.phrases)
        found += [p for group in self.any_of for p in group]
        return _once(found)


def _phrase(chunk: str) -> Phrase:
    return tuple(words(chunk))


def parse_query(text: str) -> Query:
    """Parse search text: words are ANDed, "quoted phrases", a OR b (or a | b), -word, -"phrase".

    Matching ignores case, accents and punctuation; a chunk that splits into several words
    ("county-lines", "1,200") is a phrase. Unbalanced quotes are closed at the end of the text.
    """
    # Each item: (excluded, phrase) or the OR marker None.
    items: list[tuple[bool, Phrase] | None] = []
    for raw in _QUERY_ITEM.findall(text.translate(_QUOTES)):
        if raw in ("OR", "|"):
            items.append(None)
            continue
        negative = raw.startswith("-")
        phrase = _phrase(raw[1:] if negative else raw)
        if phrase:
            items.append((negative, phrase))

    # Join positive items around OR markers into groups; a dangling OR is ignored.
    groups: list[tuple[bool, list[Phrase]]] = []
    pending_or = False
    for item in items:
        if item is None:
            pending_or = bool(groups) and not groups[-1][0]
            continue
        negative, phrase = item
        if pending_or and not negative:
            groups[-1][1].append(phrase)
        else:
            groups.append((negative, [phrase]))
        pending_or = False

    required: list[str] = []
    phrases: list[Phrase] = []
    any_of: list[tuple[Phrase, ...]] = []
    excluded: list[str] = []
    excluded_phrases: list[Phrase] = []
    for negative, alternatives in groups:
        unique = _once(alternatives)
        if len(unique) > 1:
            any_of.append(unique)
        elif len(unique[0]) > 1:
            (excluded_phrases if negative else phrases).append(unique[0])
        else:
            (excluded if negative else required).append(unique[0][0])
    return Query(
        required=_once(required),
        phrases=_once(phrases),
        any_of=_once(any_of),
        excluded=_once(excluded),
        excluded_phrases=_once(excluded_phrases),
    )


def _once(values: Iterable) -> tuple:
    """The values without repeats, in first-seen order."""
    return tuple(dict.fromkeys(values))


def _as_query(query: Query | str) -> Query:
    return query if isinstance(query, Query) else parse_query(query)


def highlight_spans(text: str, query: Query | str) -> list[tuple[int, int]]:
    """Character spans in `text` of every hit of a positive word or phrase, sorted, merged.

    A phrase hit spans from its first word's start to its last word's end.
    """
    wanted = _as_query(query).positive_phrases()
    if not wanted or not text:
        return []
    # Fold character by character so folded offsets map back to the original text.
    folded_chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        piece = _fold_char(char) if not char.isascii() else char.lower()
        folded_chars.append(piece)
        origin.extend([i] * len(piece))
    origin.append(len(text))
    folded = "".join(folded_chars)
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
    words_only = [t[0] for t in tokens]

    spans: list[tuple[int, int]] = []
    for phrase in wanted:
        n = len(phrase)
        for i in range(len(tokens) - n + 1):
            if tuple(words_only[i : i + n]) == phrase:
                start, end = origin[tokens[i][1]], origin[tokens[i + n - 1][2] - 1] + 1
                spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


# Bytes that belong to words once text is folded: ASCII letters and digits, and every byte of
# a multi-byte character (folding has already turned non-word characters into spaces).
_WORD_BYTE = np.zeros(256, dtype=bool)
_WORD_BYTE[[*b"abcdefghijklmnopqrstuvwxyz0123456789"]] = True
_WORD_BYTE[0x80:] = True


def _fold_arrow(texts: pa.Array) -> pa.Array:
    """Lowercase texts; rows with non-ASCII text are also accent-folded, separators → spaces."""
    folded = pc.ascii_lower(texts)
    # Only the few rows with non-ASCII text pay for Unicode folding.
    accented = pc.invert(pc.string_is_ascii(texts))
    if pc.any(accented).as_py():
        unicode_rows = pc.utf8_normalize(pc.utf8_lower(texts.filter(accented)), "NFKD")
        unicode_rows = pc.replace_substring_regex(unicode_rows, r"\p{Mn}+", "")
        unicode_rows = pc.replace_substring_regex(unicode_rows, _ARROW_SEPARATOR, " ")
        folded = pc.replace_with_mask(folded, accented, unicode_rows)
    return folded


def _tokenize(texts: pa.Array) -> tuple[pa.Array, np.ndarray, np.ndarray, np.ndarray]:
    """Words of every text, flattened: (words, row of each word, position in row, row lengths).

    Works on the folded UTF-8 bytes at once: a word is a run of word bytes inside one row.
    """
    folded = _fold_arrow(pc.fill_null(texts.cast(pa.large_string()), ""))
    n = len(folded)
    offsets = np.frombuffer(folded.buffers()[1], dtype=np.int64)[folded.offset :][: n + 1]
    data = np.frombuffer(folded.buffers()[2] or b"", dtype=np.uint8)[offsets[0] : offsets[-1]]
    offsets = offsets - offsets[0]

    word = _WORD_BYTE[data]
    row_start = np.zeros(len(data) + 1, dtype=bool)
    row_start[offsets] = True
    edge = np.empty(len(data), dtype=bool)  # the byte before (or after) is not in the same word
    edge[0:1] = True
    np.logical_not(word[:-1], out=edge[1:])
    edge |= row_start[:-1]
    starts = np.flatnonzero(word & edge)
    edge[-1:] = True
    np.logical_not(word[1:], out=edge[:-1])
    edge |= row_start[1:]
    ends = np.flatnonzero(word & edge) + 1
    del edge, row_start

    # The words' bytes, packed end to end, become an Arrow string array without copying.
    word_offsets = np.zeros(len(starts) + 1, dtype=np.int64)
    np.cumsum(ends - starts, out=word_offsets[1:])
    packed = data[word]
    flat = pa.LargeStringArray.from_buffers(
        len(starts), pa.py_buffer(word_offsets), pa.py_buffer(packed)
    )
    lengths = np.diff(np.searchsorted(starts, offsets))
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    positions = np.arange(len(starts), dtype=np.int64) - np.repeat(
        np.cumsum(lengths) - lengths, lengths
    )
    return flat, rows, positions, lengths


def _concatenate(parts: list[np.ndarray], dtype: type) -> np.ndarray:
    return np.concatenate(parts) if parts else np.empty(0, dtype=dtype)


def _group_order(term_ids: np.ndarray, n_terms: int) -> np.ndarray:
    """Stable order that groups occurrences by term: radix sorts on 16-bit keys."""
    if n_terms <= 2**16:
        return np.argsort(term_ids.astype(np.uint16), kind="stable")
    low = np.argsort((term_ids & 0xFFFF).astype(np.uint16), kind="stable")
    return low[np.argsort((term_ids[low] >> 16).astype(np.uint16), kind="stable")]


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
        if isinstance(texts, pa.ChunkedArray):
            texts = texts.combine_chunks() if texts.num_chunks else pa.array([], pa.string())
        if not isinstance(texts, pa.Array):
            texts = pa.array(list(texts), type=pa.large_string())
        # Tokenise a slice of rows at a time so temporaries stay small; term ids are global.
        vocabulary: dict[str, int] = {}
        term_parts, row_parts, position_parts, length_parts = [], [], [], []
        for first in range(0, len(texts), BUILD_CHUNK_ROWS):
            # `take` copies the slice into fresh buffers: pyarrow 26's ascii_lower returns broken
            # offsets for a large_string array whose offsets do not start at 0 (a cast slice).
            chunk = texts.take(np.arange(first, min(first + BUILD_CHUNK_ROWS, len(texts))))
            flat, rows, positions, lengths = _tokenize(chunk)
            encoded = pc.dictionary_encode(flat)
            local = encoded.dictionary.to_pylist()
            to_global = np.array(
                [vocabulary.setdefault(w, len(vocabulary)) for w in local], dtype=np.int32
            )
            term_parts.append(to_global[encoded.indices.to_numpy()])
            row_parts.append((rows + first).astype(np.int32))
            position_parts.append(positions.astype(np.uint32))
            length_parts.append(lengths)
        n_terms = len(vocabulary)
        terms = pa.array(list(vocabulary), pa.large_string())
        term_ids = _concatenate(term_parts, np.int32)
        rows = _concatenate(row_parts, np.int32)
        lengths = _concatenate(length_parts, np.int64)
        # Global positions: row r's words sit at row_starts[r] + position, with a gap of one
        # between rows so that no phrase can match across two rows.
        row_starts = np.full(len(lengths) + 1, PAD, dtype=np.int64)
        np.cumsum(lengths + 1, out=row_starts[1:])
        row_starts[1:] += PAD
        position_type = np.uint32 if row_starts[-1] < 2**32 else np.int64
        positions = _concatenate(position_parts, np.uint32).astype(position_type)
        positions += np.repeat(row_starts[:-1].astype(position_type), lengths)  # rows ascend
        del term_parts, row_parts, position_parts, length_parts
        # The forward index: the term at every global position (GAP between rows).
        token_type = np.uint16 if n_terms < 2**16 - 1 else np.int32
        tokens = np.full(row_starts[-1] + PAD, _gap(token_type), dtype=token_type)
        tokens[positions] = term_ids
        row_bits, row_ranks = _row_start_bits(row_starts[:-1], len(tokens))

        # Group occurrences by term, keeping (row, position) order inside each term.
        order = _group_order(term_ids, n_terms)
        term_ids = term_ids[order]
        rows = rows[order]
        positions = positions[order]
        del order
        # A posting starts wherever the term or the row changes.
        change = np.ones(len(term_ids), dtype=bool)
        if len(term_ids):
            change[1:] = (term_ids[1:] != term_ids[:-1]) | (rows[1:] != rows[:-1])
        starts = np.flatnonzero(change)
        del change
        freqs = np.diff(starts, append=len(term_ids)).astype(np.int32)
        docs = rows[starts]
        del rows
        impacts = _impacts(freqs, docs, lengths)
        del freqs
        offsets = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(term_ids[starts], minlength=n_terms), out=offsets[1:])
        pos_offsets = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(term_ids, minlength=n_terms), out=pos_offsets[1:])
        return cls(
            terms=terms,
            offsets=offsets,
            docs=docs,
            impacts=impacts,
            pos_offsets=pos_offsets,
            positions=positions,
            tokens=tokens,
            row_starts=row_starts,
            row_bits=row_bits,
            row_ranks=row_ranks,
            lengths=lengths.astype(np.uint32),
        )

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
        return self.row_ranks[word] + _popcount(self.row_bits[word] & below) - 1

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
        q = _as_query(query)
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
        q = _as_query(query)
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
            weight = (_IMPACT_VALUES * idf).astype(np.float32)
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


# Impacts are stored as one byte: level i stands for BM25 term-frequency part i/255·(k1+1),
# and level 0 is kept for "absent".
_IMPACT_VALUES = np.arange(256) / 255 * (BM25_K1 + 1)


def _impacts(freqs: np.ndarray, docs: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """BM25's term-frequency part for each posting, idf left out: tf·(k1+1) / (tf + k1·norm).

    Computed a slice of postings at a time: float temporaries for all of them would be GBs.
    """
    average = max(float(lengths.mean()), 1e-9) if len(lengths) else 1.0
    out = np.empty(len(freqs), dtype=np.uint8)
    for lo in range(0, len(freqs), 1 << 22):
        tf = freqs[lo : lo + (1 << 22)].astype(np.float32)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[docs[lo : lo + (1 << 22)]] / average)
        value = tf * (BM25_K1 + 1) / (tf + norm)
        out[lo : lo + len(tf)] = np.clip(np.rint(value / (BM25_K1 + 1) * 255), 1, 255)
    return out


def _row_start_bits(row_starts: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """A bit per global position, set where a row starts, in 64-bit words; and per word, how
    many rows start before it. Together they find a position's row in a few array operations."""
    flags = np.zeros(-(-size // 64) * 64, dtype=bool)
    flags[row_starts] = True
    bits = np.packbits(flags, bitorder="little").view(np.uint64)
    ranks = np.zeros(len(bits), dtype=np.int64)
    np.cumsum(_popcount(bits[:-1]), out=ranks[1:])
    return bits, ranks


_BYTE_BITS = np.array([bin(i).count("1") for i in range(256)], dtype=np.int64)


def _popcount(words: np.ndarray) -> np.ndarray:
    """Set bits in each uint64 (numpy 2's bitwise_count, or a byte table on numpy 1)."""
    if hasattr(np, "bitwise_count"):
        return np.bitwise_count(words).astype(np.int64)
    words = np.ascontiguousarray(words)
    return _BYTE_BITS[words.view(np.uint8).reshape(-1, 8)].sum(axis=1)


def _sorted_in(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Boolean mask: which of `values` (all in range of sorted_set's type) are in `sorted_set`."""
    if len(sorted_set) == 0:
        return np.zeros(len(values), dtype=bool)
    # Searching with the set's own type avoids converting (copying) the larger array.
    values = values.astype(sorted_set.dtype, copy=False)
    at = np.searchsorted(sorted_set, values)
    at[at == len(sorted_set)] = 0
    return sorted_set[at] == values
