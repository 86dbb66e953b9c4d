"""English words the readers and the enrichments share: month names, word sets, word patterns.

MONTHS["sept"] == 9                       every spelling news text uses, lowercase
DAY_MONTHS["julio"] == 7                  month names of other languages, for dates only
re.fullmatch(MONTH_NAMES, "sept")         one alternation, longest spelling first
word_set("in since from")                 frozenset({"in", "since", "from"})
trie_pattern(["UK", "UN", "United Kingdom"]) == "U(?:nited\\ Kingdom|K|N)"
"""

from __future__ import annotations

import re
from typing import Any

# "sept" → 9, "october" → 10, "oct" → 10
MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# NUMBER_WORDS[n] spells n, for n below twenty; one string of words, as word_set's are
NUMBER_WORDS = tuple(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen""".split()  # noqa: SIM905
)
# Longest first, so "sept" is not read as "sep" and a stray "t".
MONTH_NAMES = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"

# Month names, written in full, of the other languages charities' listings come in (Spanish,
# Portuguese, French, German, Italian, Dutch), read only in a date with its day and year, as
# these languages write it: "12 de julio de 2019", "12 juillet 2019", "12. Juli 2019". Apart
# from MONTHS, which the enrichments read in running English ("Mars", "Mayo" are not months).
DAY_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        [
            "enero janeiro janvier januar gennaio januari jänner",
            "febrero fevereiro février februar febbraio februari",
            "marzo março mars märz maart",
            "abril avril aprile",
            "mayo maio mai maggio mei",
            "junio junho juin juni giugno",
            "julio julho juillet juli luglio",
            "agosto août augustus",
            "septiembre setiembre setembro septembre settembre",
            "octubre outubro octobre oktober ottobre",
            "noviembre novembro novembre",
            "diciembre dezembro décembre dezember dicembre",
        ],
        start=1,
    )
    for name in names.split()
}


def word_set(text: str) -> frozenset[str]:
    """A set written as one string of words, so long vocabularies stay readable."""
    return frozenset(text.split())


def trie_pattern(words: list[str]) -> str:
    """One regex alternation for many literal strings, factored by common prefix.

    Python's regex engine tries alternatives one by one; factored, it reads a character once:
    ["UK", "UN", "United Kingdom"] -> "U(?:nited\\ Kingdom|K|N)". Longer continuations come
    first, so the longest string wins.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, Any]) -> str:
        branches = [re.escape(c) + pattern(child) for c, child in node.items() if c]
        branches.sort(key=len, reverse=True)
        if "" in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return pattern(trie)
