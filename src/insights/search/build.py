"""Building a search index: every text cut into words at once, in Arrow and numpy.

`index_arrays(texts)` returns the arrays `SearchIndex` holds (see search/index.py): the
vocabulary, postings with BM25 impacts, word positions and the forward index. Texts are
tokenised a slice of rows at a time, on their folded UTF-8 bytes:

    "Durán’s 1,200"  →  words ["duran", "s", "1", "200"], rows [0, 0, 0, 0], positions [0, 1, 2, 3]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

BM25_K1 = 1.2
BM25_B = 0.75
BUILD_CHUNK_ROWS = 100_000
PAD = 32  # GAP positions before the first row and after the last, for phrases up to PAD words
_ARROW_SEPARATOR = r"[^\p{L}\p{N}]+"


def gap(token_type: type) -> int:
    """The forward index's marker between rows."""
    return np.iinfo(token_type).max


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


def index_arrays(texts: Sequence[str] | pa.Array | pa.ChunkedArray) -> dict[str, object]:
    """Every array of a `SearchIndex` over `texts`; row i is texts[i] (None counts as empty)."""
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
    tokens = np.full(row_starts[-1] + PAD, gap(token_type), dtype=token_type)
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
    return dict(
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


# Impacts are stored as one byte: level i stands for BM25 term-frequency part i/255·(k1+1),
# and level 0 is kept for "absent".
IMPACT_VALUES = np.arange(256) / 255 * (BM25_K1 + 1)


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
    np.cumsum(popcount(bits[:-1]), out=ranks[1:])
    return bits, ranks


_BYTE_BITS = np.array([bin(i).count("1") for i in range(256)], dtype=np.int64)


def popcount(words: np.ndarray) -> np.ndarray:
    """Set bits in each uint64 (numpy 2's bitwise_count, or a byte table on numpy 1)."""
    if hasattr(np, "bitwise_count"):
        return np.bitwise_count(words).astype(np.int64)
    words = np.ascontiguousarray(words)
    return _BYTE_BITS[words.view(np.uint8).reshape(-1, 8)].sum(axis=1)
