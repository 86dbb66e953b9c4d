"""Quoted statistics: a hand-written grammar for the figures charities quote.

    "Up to 1,000 children may have been abused in Telford, with victims as young as 11 years old"
        -> Statistic(1000.0, "count", "up_to", "children", "Up to 1,000 children", …)
        -> Statistic(11.0, "age", "as_young_as", None, "as young as 11 years old", …)

A figure is [qualifier] number [unit] [counted noun]. Numbers are digits with separators
("120,535", "1.5 million", "£2m") or spelled out ("fifty", "twenty-one", "a dozen"); fractions
"half of", "a third of" are proportions; "one in five" is a ratio (0.2).

Left out on purpose: years ("2017", "Anti-Slavery Day 2018", "… in the UK 2018"), dates and
ordinals ("17th October 2018", "18 October"), numbered things ("Article 3", "Year 9"), spelled-
out numbers with no counted noun ("the two of them", "one size"), and vague amounts with no
value ("thousands of children", "hundreds of victims").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from insights import schema
from insights.enrich import EnrichContext
from insights.enrich.sentences import article_texts, sentences
from insights.lexicon import trie_pattern


def _word_set(text: str) -> frozenset[str]:
    """A set written as one string of words, so long vocabularies stay readable."""
    return frozenset(text.split())


_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {
    **{w: i for i, w in enumerate(_UNITS, start=1)},
    **{w: i for i, w in enumerate(_TEENS, start=10)},
    **{w: i for w, i in zip(_TENS, range(20, 100, 10), strict=True)},
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
}
SCALES = {"hundred": 1e2, "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6}
SCALES |= {"billion": 1e9, "bn": 1e9}
FRACTIONS = {
    "half": 0.5,
    "third": 1 / 3,
    "quarter": 0.25,
    "fifth": 0.2,
    "thirds": 2 / 3,
    "quarters": 0.75,
    "majority": 0.5,
}
QUALIFIERS = {
    "more than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "in excess of": "more_than",
    "less than": "less_than",
    "fewer than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "up to": "up_to",
    "as many as": "up_to",
    "at least": "at_least",
    "a minimum of": "at_least",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "as young as": "as_young_as",
    "aged": "exact",
}
MONTHS = _word_set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)

# Alternations factored by prefix (text.trie_pattern): the scan reads each character once.
_NUMBER_WORDS = [
    *_UNITS,
    *_TEENS,
    *_TENS,
    *(f"{tens}{sep}{unit}" for tens in _TENS for unit in _UNITS for sep in "- "),
    "a dozen",
    "a hundred",
    "a thousand",
    "a million",
]
_WORD_NUMBER = trie_pattern(_NUMBER_WORDS).replace(r"\ ", r"\s+")
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_QUALIFIER = trie_pattern(list(QUALIFIERS)).replace(r"\ ", r"\s+")
_FIRST_LETTERS = "".join(sorted({w[0] for w in [*QUALIFIERS, *_NUMBER_WORDS, "half", "the"]}))

_FIGURE = rf"""
    (?=[0-9£$€{_FIRST_LETTERS}])                # a cheap first check that speeds the scan
    (?<![\w£$€.,'’-])                        # not inside a word or another number
    (?:(?P<qual>{_QUALIFIER})\s+)?
    (?:
        (?P<frac>half|(?:a|one|two|three)[-\s](?:third|quarter|fifth)s?|(?:the|a)\s+majority)
        \s+of\b
      |
        (?P<cur>£|\$|€)?\s?
        (?P<num>{_DIGITS}|{_WORD_NUMBER})
        (?:\s?(?P<scale>hundred|thousand|million|billion|bn|m|k))?\b
        (?:
            \s*(?P<pct>%|per\s?cent\b|percent\b)
          | \s+in\s+(?:every\s+)?(?P<den>\d{{1,3}}|{_WORD_NUMBER})\b
          | [-\s](?P<age>years?[-\s]olds?)\b
          | \s+(?P<unit>years?|months?|weeks?|days?|hours?|decades?)\b
        )?
    )
"""
# Matched against the lower-cased sentence (about twice as fast as IGNORECASE); offsets are
# the same as in the sentence unless lower-casing changed its length, then FIGURE_ANY_CASE.
FIGURE = re.compile(_FIGURE, re.VERBOSE)
FIGURE_ANY_CASE = re.compile(_FIGURE, re.VERBOSE | re.IGNORECASE)
# Numbered things, not amounts: "Article 3", "Year 9", "Day 2018" (case as written).
NUMBERED = _word_set(
    "Article Section Clause Chapter Part Level Stage Year Day Page Figure Table No"
)
NEXT_WORD = re.compile(r"\s+(?:of\s+)?([a-z]+)", re.IGNORECASE)  # "18 October", "18 of May"
YEARS_OLD = re.compile(r"\s+years?\s+old\b", re.IGNORECASE)
PHRASE_WORD = re.compile(r"[A-Za-z][\w’'-]*")
NUMBER_PARTS = re.compile(r"[-\s]+")
NEXT_WORDS = re.compile(r"[\s-]*[A-Za-z][\w’'-]*(?:[\s-]+[A-Za-z][\w’'-]*){0,3}")

# Words that end a counted noun phrase: verbs, prepositions, determiners, conjunctions.
STOP = _word_set(
    """a an the of in into on at to for from by with and or but nor who whom that which this
    these those their its our his her it they we he she as than across since after before
    during while when where is are was were be been being am have has had may might will
    would could can should must do does did not no per each every more less said say says
    believe believes told found find finds including such there here so if then also them us
    you me him whom"""
)
YEAR_WORDS = _word_set("in since from by until of during to and between before after")
PLURAL_NOUNS = {"people", "children", "men", "women", "staff", "police", "youth", "cattle"}
LEADING = {"the", "all", "these", "those", "our", "their", "its", "of"}
CHANGE = {"rise", "increase", "fall", "drop", "decrease", "reduction", "jump", "growth"}
NUMBER_OF = re.compile(r"\s+in\s+(?:the\s+)?(?:number|numbers|proportion)?\s*(?:of\s+)?")


@dataclass(frozen=True)
class Statistic:
    """One quoted figure as the text gives it."""

    value: float
    kind: str  # one of schema.STAT_KINDS
    qualifier: str  # one of schema.STAT_QUALIFIERS
    counted: str | None  # what is counted: "children", "frontline workers"
    phrase: str  # the words as in the text: "Up to 1,000 children"
    sentence: str

    def as_record(self) -> dict[str, Any]:
        return {
            schema.STAT_VALUE: self.value,
            schema.STAT_KIND: self.kind,
            schema.STAT_QUALIFIER: self.qualifier,
            schema.STAT_COUNTED: self.counted,
            schema.STAT_PHRASE: self.phrase,
            schema.STAT_SENTENCE: self.sentence,
        }


def _is_plural(noun: str | None) -> bool:
    last = noun.split()[-1].lower() if noun else ""
    return last in PLURAL_NOUNS or (last.endswith("s") and not last.endswith(("ss", "us", "is")))


def _is_month(word: str) -> bool:
    return word[:1].isupper() and word.lower() in MONTHS


def number_value(text: str) -> float:
    """ "120,535" -> 120535.0; "twenty-one" -> 21.0; "a dozen" -> 12.0."""
    text = text.lower()
    if text[0].isdigit():
        return float(text.replace(",", ""))
    return float(sum(WORD_VALUES.get(word, 0) for word in NUMBER_PARTS.split(text)))


def _noun_phrase(text: str, start: int) -> tuple[str | None, int]:
    """The counted noun phrase starting at `start`, and where it ends.

    Up to three words; stops before a function word and after a plural noun:
    " other experts from across" -> "other experts"; " children may" -> "children".
    """
    m = NEXT_WORDS.match(text, start)
    if not m:
        return None, start
    words: list[str] = []
    end = start
    for w in PHRASE_WORD.finditer(m.group()):
        word = w.group().lower()
        if (not words and word in LEADING) or word in STOP:
            if words:
                break
            if word in LEADING:
                continue
            break
        words.append(w.group())
        end = start + w.end()
        if len(words) == 3 or _is_plural(word):
            break
    if not words:
        return None, start
    return " ".join(words), end


def _counted(text: str, end: int, kind: str) -> tuple[str | None, int]:
    counted, stop = _noun_phrase(text, end)
    if counted is None:
        return None, end
    head = counted.split()[0].lower()
    if head == "strong":  # "a 120,535 strong petition": the people who signed it
        rest = counted.split(maxsplit=1)[1:]
        noun = rest[0] if rest else None
        return (f"{noun} signatures" if noun == "petition" else noun), stop
    if kind == "percent" and head in CHANGE:
        # "66% rise in the number of children" counts children
        after = NUMBER_OF.match(text, stop)
        inner, inner_stop = _noun_phrase(text, after.end()) if after else (None, stop)
        if inner:
            return inner, inner_stop
    return counted, stop


def find_statistics(text: str) -> list[Statistic]:
    """Every figure quoted in `text`, in order; a repeated value and kind is kept once."""
    found: list[Statistic] = []
    seen: set[tuple[float, str]] = set()
    for sentence in sentences(text):
        lower = sentence.lower()
        matches = (
            FIGURE.finditer(lower)
            if len(lower) == len(sentence)
            else FIGURE_ANY_CASE.finditer(sentence)
        )
        for m in matches:
            stat = _statistic(sentence, m)
            if stat and (stat.value, stat.kind) not in seen:
                seen.add((stat.value, stat.kind))
                found.append(stat)
    return found


def _statistic(sentence: str, m: re.Match[str]) -> Statistic | None:
    qual_text = (m.group("qual") or "").lower()
    qualifier = QUALIFIERS.get(" ".join(qual_text.split()), "exact")
    start, end = m.start(), m.end()
    if m.group("frac"):
        words = m.group("frac").lower().replace("-", " ").split()
        value = FRACTIONS[words[-1]] * (WORD_VALUES.get(words[0], 1) if len(words) > 1 else 1)
        counted, end = _noun_phrase(sentence, end)
        return Statistic(
            value, "proportion", qualifier, counted, sentence[start:end].strip(), sentence
        )

    number = m.group("num")
    spelled = not number[0].isdigit()
    value = number_value(number) * SCALES.get((m.group("scale") or "").lower(), 1)
    before, after = sentence[: m.start("num")], sentence[m.end() :]
    next_word = NEXT_WORD.match(after)
    previous = before[-12:].split()
    previous_word = previous[-1].rstrip(".") if previous and before[-1:].isspace() else ""
    if _is_month(next_word.group(1) if next_word else "") or _is_month(previous_word):
        return None  # a date: "18 October", "October 18"; but "1,000 may have been" counts
    if not m.group("qual") and previous_word in NUMBERED:
        return None
    if m.group("cur"):
        kind = "money"
    elif m.group("pct"):
        kind = "percent"
    elif m.group("den"):
        kind, value = "ratio", value / number_value(m.group("den"))
    elif m.group("age") or qualifier == "as_young_as" or qual_text == "aged":
        kind = "age"
        if not m.group("age"):
            old = YEARS_OLD.match(after)
            end += old.end() if old else 0
    elif m.group("unit"):
        kind = "duration"
    else:
        kind = "count"
    counted: str | None = None
    if kind in ("count", "percent", "ratio"):
        counted, end = _counted(sentence, end, kind)
        if kind == "count" and spelled and (counted is None or value == 1):
            return None  # "the two of them", "one size doesn't fit all"
    year_like = kind == "count" and number.isdigit() and 1800 <= value <= 2100
    if year_like and not (_is_plural(counted) and previous_word.lower() not in YEAR_WORDS):
        return None  # a year: "in 2017", "Anti-Slavery Day 2018", "the 2018 report"
    elif kind == "duration":
        counted = m.group("unit").lower()
    return Statistic(value, kind, qualifier, counted, sentence[start:end].strip(), sentence)


def enrich(articles: pd.DataFrame, context: EnrichContext) -> pd.DataFrame:
    statistics = [[s.as_record() for s in find_statistics(t)] for t in article_texts(articles)]
    return pd.DataFrame({schema.STATISTICS: statistics}, index=articles.index)
