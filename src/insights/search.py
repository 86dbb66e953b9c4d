"""Ranked full-text search over article texts: a query parser and an in-memory inverted index.

Text is cut into lowercase, accent-folded words ("Durán’s County-Lines" → duran, s, county,
lines). The index keeps, per word, the rows it occurs in, how often, and at which word positions:

    vocabulary   {"county": 0, "lines": 1, …}     term → id
    offsets      [0, 3, 5, …]                     term t's postings: [offsets[t], offsets[t+1])
    docs         [0, 4, 9, 4, 9, …]  int32        row of each posting, ascending per term
    freqs        [1, 2, 1, 1, 1, …]  uint16/32    occurrences of the term in that row
    pos_offsets  [0, 4, 6, …]                     term t's positions start at pos_offsets[t]
    positions    [3, 0, 7, 11, …]    uint16/32    word positions, in posting order
    lengths      [41, 38, …]         uint16/32    words per row, for BM25

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

FORMAT_VERSION = 1
BM25_K1 = 1.2
BM25_B = 0.75
BUILD_CHUNK_ROWS = 100_000

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
        return tuple(dict.fromkeys(found))

    def positive_phrases(self) -> tuple[Phrase, ...]:
        """Every positive word or phrase, once: what a highlighter marks."""
        found = [(w,) for w in self.required] + list(self.phrases)
        found += [p for group in self.any_of for p in group]
        return tuple(dict.fromkeys(found))


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
        unique = tuple(dict.fromkeys(alternatives))
        if negative:
            (phrase,) = unique
            (excluded if len(phrase) == 1 else excluded_phrases).append(
                phrase[0] if len(phrase) == 1 else phrase
            )
        elif len(unique) > 1:
            any_of.append(unique)
        elif len(unique[0]) == 1:
            required.append(unique[0][0])
        else:
            phrases.append(unique[0])

    def once(values: Iterable) -> tuple:
        return tuple(dict.fromkeys(values))

    return Query(
        required=once(required),
        phrases=once(phrases),
        any_of=once(any_of),
        excluded=once(excluded),
        excluded_phrases=once(excluded_phrases),
    )


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


def _smallest_uint(max_value: int) -> np.dtype:
    return np.dtype(np.uint16) if max_value < 2**16 else np.dtype(np.uint32)


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
    freqs: np.ndarray
    pos_offsets: np.ndarray
    positions: np.ndarray
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
        vocab = pa.array(list(vocabulary), pa.large_string())
        term_ids = _concatenate(term_parts, np.int32)
        rows = _concatenate(row_parts, np.int32)
        positions = _concatenate(position_parts, np.uint32)
        lengths = _concatenate(length_parts, np.int64)
        del term_parts, row_parts, position_parts, length_parts
        # Group occurrences by term, keeping (row, position) order inside each term.
        order = _group_order(term_ids, len(vocab))
        term_ids = term_ids[order]
        rows = rows[order]
        positions = positions[order]
        n_terms = len(vocab)
        # A posting starts wherever the term or the row changes.
        change = np.ones(len(term_ids), dtype=bool)
        if len(term_ids):
            change[1:] = (term_ids[1:] != term_ids[:-1]) | (rows[1:] != rows[:-1])
        starts = np.flatnonzero(change)
        freqs = np.diff(np.append(starts, len(term_ids)))
        posting_terms = term_ids[starts]
        offsets = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(posting_terms, minlength=n_terms), out=offsets[1:])
        pos_offsets = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(np.bincount(term_ids, minlength=n_terms), out=pos_offsets[1:])
        max_len = int(lengths.max()) if len(lengths) else 0
        return cls(
            terms=vocab,
            offsets=offsets,
            docs=rows[starts],
            freqs=freqs.astype(_smallest_uint(int(freqs.max()) if len(freqs) else 0)),
            pos_offsets=pos_offsets,
            positions=positions.astype(_smallest_uint(max_len)),
            lengths=lengths.astype(_smallest_uint(max_len)),
        )

    _ARRAYS = ("offsets", "docs", "freqs", "pos_offsets", "positions", "lengths")

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
        arrays = {n: np.load(directory / f"{n}.npy", mmap_mode="r") for n in cls._ARRAYS}
        source = pa.memory_map(str(directory / "terms.arrow"), "r")
        terms = pa.ipc.open_file(source).read_all().column("term").combine_chunks()
        return cls(terms=terms, **arrays)

    def __len__(self) -> int:
        return len(self.lengths)

    # -- lookups ----------------------------------------------------------------------------

    @cached_property
    def vocabulary(self) -> dict[str, int]:
        return {term: i for i, term in enumerate(self.terms.to_pylist())}

    @cached_property
    def average_length(self) -> float:
        return float(np.mean(self.lengths)) if len(self) else 0.0

    def _term_id(self, word: str) -> int | None:
        return self.vocabulary.get(word)

    def _postings(self, term_id: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.offsets[term_id], self.offsets[term_id + 1]
        return self.docs[lo:hi], self.freqs[lo:hi]

    def _doc_freq(self, word: str) -> int:
        tid = self._term_id(word)
        return 0 if tid is None else int(self.offsets[tid + 1] - self.offsets[tid])

    def _word_rows(self, word: str) -> np.ndarray:
        tid = self._term_id(word)
        return _EMPTY if tid is None else self._postings(tid)[0]

    def _in(self, rows: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
        """Boolean mask: which of `rows` are in `sorted_set` (both sorted, unique)."""
        if len(rows) == 0 or len(sorted_set) == 0:
            return np.zeros(len(rows), dtype=bool)
        if len(rows) * 16 < len(sorted_set):
            at = np.searchsorted(sorted_set, rows)
            at[at == len(sorted_set)] = 0
            return sorted_set[at] == rows
        mask = np.zeros(len(self), dtype=bool)
        mask[sorted_set] = True
        return mask[rows]

    def _union(self, sets: list[np.ndarray]) -> np.ndarray:
        if not sets:
            return _EMPTY
        if sum(len(s) for s in sets) * 8 < len(self):
            return np.unique(np.concatenate(sets)).astype(np.int64)
        mask = np.zeros(len(self), dtype=bool)
        for s in sets:
            mask[s] = True
        return np.flatnonzero(mask)

    def _phrase_rows(self, phrase: Phrase, within: np.ndarray | None) -> np.ndarray:
        """Rows holding the words of `phrase` consecutively, restricted to `within` if given."""
        ids = [self._term_id(w) for w in phrase]
        if any(i is None for i in ids):
            return _EMPTY
        # Rows holding every word, rarest first.
        by_rarity = sorted(ids, key=lambda i: self.offsets[i + 1] - self.offsets[i])
        rows = within
        for tid in by_rarity:
            docs = self._postings(tid)[0]
            rows = docs.astype(np.int64) if rows is None else rows[self._in(rows, docs)]
            if len(rows) == 0:
                return _EMPTY
        if len(phrase) == 1:
            return rows
        # Occurrence keys row << 32 | (position - offset in phrase) must line up for every word.
        keys = None
        for offset, tid in enumerate(ids):
            docs, freqs = self._postings(tid)
            keep = self._in(docs, rows)
            occurrence_keep = np.repeat(keep, freqs)
            lo = self.pos_offsets[tid]
            pos = np.asarray(self.positions[lo : lo + len(occurrence_keep)])[occurrence_keep]
            occ_rows = np.repeat(docs[keep], freqs[keep]).astype(np.int64)
            word_keys = (occ_rows << 32) + pos.astype(np.int64) - offset
            keys = word_keys if keys is None else keys[_sorted_in(keys, word_keys)]
            if len(keys) == 0:
                return _EMPTY
        return np.unique(keys >> 32)

    def _clause_rows(self, phrase: Phrase, within: np.ndarray | None) -> np.ndarray:
        if len(phrase) == 1:
            rows = self._word_rows(phrase[0]).astype(np.int64)
            return rows if within is None else within[self._in(within, rows)]
        return self._phrase_rows(phrase, within)

    def _estimate(self, phrase: Phrase) -> int:
        return min(self._doc_freq(w) for w in phrase)

    def match(self, query: Query | str) -> np.ndarray:
        """Sorted unique row numbers matching the query; an empty query matches every row."""
        q = _as_query(query)
        rows: np.ndarray | None = None
        # AND the required clauses, most selective first, each restricted to rows so far.
        clauses = [(w,) for w in q.required] + list(q.phrases)
        for phrase in sorted(clauses, key=self._estimate):
            rows = self._clause_rows(phrase, rows)
            if len(rows) == 0:
                return _EMPTY
        for group in sorted(q.any_of, key=lambda g: sum(self._estimate(p) for p in g)):
            rows = self._union([self._clause_rows(p, rows) for p in group])
            if len(rows) == 0:
                return _EMPTY
        if rows is None:
            rows = np.arange(len(self), dtype=np.int64)
        for word in q.excluded:
            rows = rows[~self._in(rows, self._word_rows(word))]
        for phrase in q.excluded_phrases:
            rows = rows[~self._in(rows, self._phrase_rows(phrase, rows))]
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
            rows = np.unique(np.asarray(rows, dtype=np.int64))
            matched = matched[self._in(matched, rows)]
        if len(matched) == 0:
            return matched
        scores = self._scores(q.terms(), matched)
        if limit is not None and limit < len(matched):
            if limit <= 0:
                return _EMPTY
            # The best `limit` rows; among rows tied with the last one, the earliest.
            kth = -np.partition(-scores, limit - 1)[limit - 1]
            better = np.flatnonzero(scores > kth)
            tied = np.flatnonzero(scores == kth)[: limit - len(better)]
            top = np.concatenate([better, tied])
            return matched[top[np.lexsort((top, -scores[top]))]]
        return matched[np.lexsort((matched, -scores))]

    def _scores(self, words: Sequence[str], matched: np.ndarray) -> np.ndarray:
        """BM25 score of each matched row over the positive words."""
        scores = np.zeros(len(matched), dtype=np.float64)
        n = len(self)
        lengths = np.asarray(self.lengths)[matched].astype(np.float64)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths / max(self.average_length, 1e-9))
        for word in words:
            tid = self._term_id(word)
            if tid is None:
                continue
            docs, freqs = self._postings(tid)
            idf = np.log(1 + (n - len(docs) + 0.5) / (len(docs) + 0.5))
            at = np.searchsorted(docs, matched)
            at[at == len(docs)] = 0
            present = docs[at] == matched
            tf = np.where(present, freqs[at], 0).astype(np.float64)
            scores += idf * tf * (BM25_K1 + 1) / (tf + norm)
        return scores


def _sorted_in(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """Boolean mask: which of `values` are in `sorted_set` (sorted)."""
    if len(sorted_set) == 0:
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(sorted_set, values)
    at[at == len(sorted_set)] = 0
    return sorted_set[at] == values
