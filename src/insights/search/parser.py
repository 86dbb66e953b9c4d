"""Search text as people type it, parsed; and the words the index splits text into.

Text is cut into lowercase, accent-folded words ("Durán’s County-Lines" → duran, s, county,
lines). A query is words (all must occur), "quoted phrases", OR between alternatives and
-exclusions:

    -"county lines" trafficking "modern slavery" NCA OR "crime agency"
        Query(required=("trafficking",), phrases=(("modern", "slavery"),),
              any_of=((("nca",), ("crime", "agency")),), excluded_phrases=(("county", "lines"),))
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

Phrase = tuple[str, ...]  # consecutive words; a single word is a 1-tuple

_WORD = re.compile(r"[^\W_]+")  # letters and digits: the same classes as the index's splitter
_QUOTES = str.maketrans(dict.fromkeys("“”„‟″«»", '"'))
# A query splits into: -"phrase", "phrase" (the closing quote may be missing), |, other chunks.
_QUERY_ITEM = re.compile(r'-?"[^"]*"?|\||[^\s|"]+')


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character lowercased without its accents: "á" → "a", "ß" → "ss"."""
    decomposed = unicodedata.normalize("NFKD", char.lower())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def fold(text: str) -> str:
    """Lowercase and strip accents, character by character: "Durán" → "duran"."""
    if text.isascii():
        return text.lower()
    return "".join(fold_char(c) for c in text)


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


def as_query(query: Query | str) -> Query:
    """A parsed query as it is; search text parsed."""
    return query if isinstance(query, Query) else parse_query(query)


def highlight_spans(text: str, query: Query | str) -> list[tuple[int, int]]:
    """Character spans in `text` of every hit of a positive word or phrase, sorted, merged.

    A phrase hit spans from its first word's start to its last word's end.
    """
    wanted = as_query(query).positive_phrases()
    if not wanted or not text:
        return []
    # Fold character by character so folded offsets map back to the original text.
    folded_chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        piece = fold_char(char) if not char.isascii() else char.lower()
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
