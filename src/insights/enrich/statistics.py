"""Quoted statistics: a hand-written grammar for the figures news and charities quote.

    "Up to 1,000 children may have been abused in Telford, with victims as young as 11 years old"
        -> Statistic(1000.0, "count", "up_to", "children", "Up to 1,000 children", …)
        -> Statistic(11.0, "age", "as_young_as", None, "as young as 11 years old", …)
    "Shares fell 5% or 119p to 2103p"      -> 5 percent down, 119 pence down, 2103 pence
    "between $40 and $45 a share"          -> 42.5 USD (low 40, high 45) per share
    "OPEC cut output by 1.2m barrels a day" -> 1.2e6 barrel per day, down

A figure is [qualifier] [currency] number [scale] [unit] [– second number: a range]
[per …] [counted noun]. Numbers are digits ("120,535", "-2.1", "41 000"), spelled ("twenty-
one", "a dozen", "3 hundred million"), fractions ("a third of", "two-thirds", "1/8 of a"),
ratios ("one in five" = 0.2) and vague amounts ("dozens of" = at least 12). The vocabulary
(currencies, units, scales, qualifiers, words of change) is data in units.py; reading a
number and what is glued to it is numbers.py; this module decides what the number is.

Direction is "up" or "down" when the figure is the size of a change ("rose 4%", "a 9% fall",
"cut by 500,000 barrels"); a level reached or left ("rose to 4.5%", "from 5.5%") has none.

Left out on purpose: years ("2017", "the 2018 report"), dates ("18 October", "Nov. 12"),
clock times ("9:35 PM", "11 a.m."), ordinals, numbers that name things ("Windows 11", "FTSE
100", "Article 50", "rule 36.2"), street addresses ("2300 block of", "10 Downing Street"),
scores ("won 2-1"), phone numbers, citation marks ("[12]"), spelled-out numbers with no
counted noun ("the two of them", "one size"), and vague amounts with no value ("thousands of
children", "hundreds of victims").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

import pandas as pd

from insights import schema
from insights.enrich import EnrichContext
from insights.enrich.counted import counted_after
from insights.enrich.figure_words import ORDINAL_WORDS, QUALIFIERS_AFTER, YEAR_WORDS
from insights.enrich.numbers import (
    NUMBER,
    NUMBER_AT,
    Number,
    per_after,
    read_number,
    scale_of,
)
from insights.enrich.numbers import value_of as number_value_of
from insights.enrich.sentences import article_texts, sentences
from insights.enrich.statistics_context import (
    Context,
    direction_after,
    direction_before,
    is_not_an_amount,
    leading_context,
    range_end,
)
from insights.enrich.units import CURRENCY_CODES, SLASH_DENOMINATORS


class Statistic(NamedTuple):
    """One quoted figure as the text gives it.

    `value` is the stated figure, or the midpoint of a range whose ends are `low` and `high`
    (both None for a single figure). `unit` is normalised ("percent", "GBP", "kilometre",
    "year") or, for a count, the counted noun ("children"); `per` is a rate's denominator
    ("barrel", "day", "share"); `direction` is "up", "down" or "" (see the module docstring).
    """

    value: float
    kind: str  # one of schema.STAT_KINDS
    qualifier: str  # one of schema.STAT_QUALIFIERS
    counted: str | None  # what is counted: "children", "frontline workers"
    phrase: str  # the words as in the text: "Up to 1,000 children"
    sentence: str
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    per: str | None = None
    direction: str = ""  # one of schema.STAT_DIRECTIONS

    def as_record(self) -> dict[str, Any]:
        return {
            schema.STAT_VALUE: self.value,
            schema.STAT_LOW: self.low,
            schema.STAT_HIGH: self.high,
            schema.STAT_UNIT: self.unit,
            schema.STAT_PER: self.per,
            schema.STAT_DIRECTION: self.direction,
            schema.STAT_KIND: self.kind,
            schema.STAT_QUALIFIER: self.qualifier,
            schema.STAT_COUNTED: self.counted,
            schema.STAT_PHRASE: self.phrase,
            schema.STAT_SENTENCE: self.sentence,
        }

    def key(self) -> tuple[Any, ...]:
        return (self.value, self.kind, self.low, self.high)


_QUALIFIER_AFTER = re.compile(
    r"\s*(?P<q>\+|\s(?:or\s+(?:less|fewer|under|below|more|over|above)|plus))(?![a-z])"
)
_BELOW_ZERO = re.compile(r"\s+below\s+(?:zero|freezing)\b")
_INHERIT = re.compile(r"\s*(?:\(|(?:[,–—-]\s*)?or)\s*")  # "down 125p (6.6%)", "5% or 119p"
_SHARED_UNIT = re.compile(r"\s*(?:,|and|or)\s*")  # "3,000 and 6,000 mAh"
_AGE = re.compile(r"[-\s](?P<unit>years?|months?|weeks?)[-\s]olds?\b")
_YEARS_OLD = re.compile(r"\s+years?\s+old\b")
_RATIO = re.compile(r"[\s-]in[\s-](?:every\s+)?")
_OF_A_SCALE = re.compile(r"\s+of\s+an?\s+(?P<scale>million|billion)\b")
_RICHTER = re.compile(r"\s+on\s+the\s+richter\s+scale\b")
_TENS_OF = re.compile(r"\s+of\s+(?P<scale>thousands|millions|billions)\b")


def find_statistics(text: str) -> list[Statistic]:
    """Every figure quoted in `text`, in order; a figure repeated in a later sentence (a
    headline and its summary) is kept once, repeats within a sentence are kept."""
    found: list[Statistic] = []
    seen: set[tuple[Any, ...]] = set()
    for sentence in sentences(text):
        in_sentence, keys = _sentence_figures(sentence)
        if not in_sentence:
            continue
        found.extend(s for s, key in zip(in_sentence, keys, strict=True) if key not in seen)
        seen.update(keys)
    return found


# Listings repeat sentences (a charity's boilerplate, a campaign's standard line): each
# distinct sentence is read once per build. Bounded, and emptied after each enrich.
SENTENCE_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=SENTENCE_CACHE_SIZE)
def _sentence_figures(sentence: str) -> tuple[tuple[Statistic, ...], tuple[tuple[Any, ...], ...]]:
    figures = tuple(_sentence_statistics(sentence))
    return figures, tuple(s.key() for s in figures)


def _lower(sentence: str) -> str:
    lower = sentence.lower()
    if len(lower) != len(sentence):  # "İ" lower-cases to two characters: keep offsets
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in sentence)
    return lower


def _sentence_statistics(sentence: str) -> list[Statistic]:
    lower = _lower(sentence)
    found: list[Statistic] = []
    consumed = 0
    previous: tuple[int, str] | None = None  # (end, direction) of the last figure
    for m in NUMBER.finditer(lower):
        if m.start() < consumed:
            continue
        if m.group("phone"):
            consumed = m.end()
            continue
        stat, end = _statistic(sentence, lower, m, previous)
        if stat:
            near = previous is not None and m.start() - previous[0] <= 6
            if near and _shares_unit(found[-1], stat, lower, previous[0], m):
                found[-1] = found[-1]._replace(kind=stat.kind, unit=stat.unit, counted=None)
            found.append(stat)
            previous = (end, stat.direction)
        consumed = end
    return found


def _shares_unit(first: Statistic, then: Statistic, lower: str, end: int, m) -> bool:
    """ "3,000 and 6,000 mAh": a bare number before a unit it shares."""
    return (
        first.kind == "count"
        and first.counted is None
        and then.kind in ("measure", "percent", "money", "duration")
        and _SHARED_UNIT.fullmatch(lower, end, m.start()) is not None
    )


def _form(m: re.Match[str]) -> str:
    """Which way the number is written: "digits" (the commonest), "words", "frac", …"""
    if m.group("digits"):
        return "digits"
    for form in ("words", "frac", "slash", "article", "half", "vague", "bare"):
        if m.group(form) is not None:
            return form
    return "digits"


def _statistic(
    sentence: str, lower: str, m: re.Match[str], previous: tuple[int, str] | None
) -> tuple[Statistic | None, int]:
    """The figure starting at `m` (or None) and where the scan goes on from."""
    form = _form(m)
    if form == "digits" and _year_before_a_year_word(lower, m):
        return None, m.end()  # "in 2017", "since 2008": the commonest number, read cheaply
    context = leading_context(sentence, lower, m.start())
    number = read_number(sentence, lower, m)
    previous_word = context.previous_word
    code = previous_word.lower() in CURRENCY_CODES and number.currency is None
    if code and (previous_word.isupper() or previous_word == "Rs"):  # "HKD 129.0 million"
        number.currency = CURRENCY_CODES[previous_word.lower()]
        context.phrase_start = context.previous_start
    if is_not_an_amount(sentence, lower, m, number, context):
        return None, m.end()

    direction = direction_before(context, money=bool(number.currency))
    if not direction and previous and _inherits(lower, previous[0], m):
        direction = previous[1]  # "fell 5% or 119p", "down 125p (6.6%)"
    value, low, high = number.value, None, None
    unit, kind, currency, end = number.unit, number.kind, number.currency, number.end
    second = range_end(sentence, lower, number, context, direction)
    if isinstance(second, int):
        return None, second  # a score or a period: neither number is a figure
    if second is not None:  # a range: the scale, unit and currency belong to both ends
        if not number.scaled and second.scaled and abs(value) < abs(second.value):
            value *= scale_of(second.match)
        unit, kind = unit or second.unit, kind or second.kind
        currency = currency or second.currency
        low, high, end = value, second.value, second.end
        value = (low + high) / 2
    qualifier = context.qualifier
    if lower[end : end + 1] in (" ", "+"):
        after = _QUALIFIER_AFTER.match(lower, end)  # "$33bn or less", "$1,000+"
        if after and qualifier == "exact":
            qualifier, end = QUALIFIERS_AFTER[" ".join(after.group("q").split())], after.end()
        if "below" in lower[end : end + 8]:
            below = _BELOW_ZERO.match(lower, end)  # "5 to 10 degrees below zero"
            if below:
                value, end = -value, below.end()
                low, high = (-high, -low) if low is not None else (None, None)

    counted: str | None = None
    if form in ("frac", "slash"):
        found = _fraction(sentence, lower, m, value, context, end, number.number_end)
        kind, end, value, counted = found
        if kind is None:
            return None, m.end()
    elif form == "vague":  # "dozens of", "tens of thousands of"
        tens = _TENS_OF.match(lower, number.number_end)
        if tens:
            value, end = 10 * _TENS[tens.group("scale")], tens.end()
        qualifier, kind = ("at_least" if qualifier == "exact" else qualifier), "count"
    if currency:
        kind, unit = "money", currency
    elif _is_age(lower, context, number):
        kind, unit, end = _age(lower, number, end)
    elif kind is None and (context.magnitude or "richter" in lower[end : end + 20]):
        unit, kind = "magnitude", "measure"
        richter = _RICHTER.match(lower, end)
        end = richter.end() if richter else end
    elif kind is None:
        kind = "count"
        if lower[end + 1 : end + 3] == "in" and form != "slash":
            ratio = _ratio(lower, value, end)  # "one in five", "Seven-in-ten"
            if ratio:
                kind, value, end = "ratio", *ratio
    if kind == "duration":
        counted = sentence[end - len(lower[:end].split()[-1].split("-")[-1]) : end]
    article = form == "article" and kind in ("duration", "count") and not number.scaled
    if article and not context.allows_article(lower, end):
        return None, end  # "a year ago"
    per = None
    rate = per_after(lower, end)
    if rate:
        per, end = rate
    if kind in ("count", "percent", "ratio") and counted is None:
        counted, end = counted_after(sentence, end, kind)
        if kind == "count":
            unit = counted.split()[-1].lower() if counted else None
            if form == "words" or form == "article":
                if counted is None or (value == 1 and qualifier == "exact"):
                    return None, end  # "the two of them", "one size"; not "at least one party"
            elif form == "digits" and context.is_year(m, counted):
                return None, end
        if per is None and counted:
            rate = per_after(lower, end)
            if rate:
                per, end = rate
    if not direction:
        direction = direction_after(lower, number.end if second is None else end)
        if not direction and per:
            direction = direction_after(lower, end)  # "the 100,000 barrel per day increase"
    phrase = sentence[context.phrase_start : end].strip()
    statistic = Statistic(
        value, kind, qualifier, counted, phrase, sentence, low, high, unit, per, direction
    )
    return statistic, end


_TENS = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}


def _is_age(lower: str, context: Context, number: Number) -> bool:
    """ "15-year-old", "as young as 11", "aged 3-13", "before they turn 18"."""
    if context.qualifier_text in ("as young as", "aged") or context.age_word:
        return True
    return "old" in lower[number.end : number.end + 8] and bool(
        _AGE.match(lower, number.number_end)
    )


def _age(lower: str, number: Number, end: int) -> tuple[str, str, int]:
    age = _AGE.match(lower, number.number_end)
    if age:
        return "age", age.group("unit").rstrip("s"), age.end()
    if number.unit in (None, "year"):
        old = _YEARS_OLD.match(lower, end)
        return "age", "year", old.end() if old else end
    return "age", number.unit if number.kind == "duration" else "year", end


def _ratio(lower: str, value: float, end: int) -> tuple[float, int] | None:
    ratio = _RATIO.match(lower, end)
    bottom = NUMBER_AT.match(lower, ratio.end()) if ratio else None
    if bottom and (bottom.group("digits") or bottom.group("words")):
        denominator = number_value_of(bottom)
        if abs(value) < denominator <= 1000:
            return value / denominator, bottom.end()
    return None


def _year_before_a_year_word(lower: str, m: re.Match[str]) -> bool:
    digits = m.group("digits")
    if not digits or len(digits) != 4 or m.end() != m.end("digits") or not digits.isdigit():
        return False
    if m.group("cur") or m.group("sign") or not 1500 <= int(digits) <= 2300:
        return False
    before = lower[max(0, m.start() - 9) : m.start()].split()
    return bool(before) and before[-1] in YEAR_WORDS


def _inherits(lower: str, previous_end: int, m: re.Match[str]) -> bool:
    """The figure restates the one before: "down 125p (6.6%)", "fell 5% or 119p"."""
    if m.start() - previous_end >= 8 or not _INHERIT.fullmatch(lower, previous_end, m.start()):
        return False
    if lower[previous_end : m.start()].strip() != "(":
        return True
    close = lower.find(")", m.end())  # the bracket holds only the figure, not "(90% credible…"
    return close != -1 and close - m.end() <= 4


def _fraction(
    sentence: str,
    lower: str,
    m: re.Match[str],
    value: float,
    context: Context,
    end: int,
    number_end: int,
) -> tuple[str | None, int, float, str | None]:
    """ "a third of local authorities" -> proportion; "a quarter of a million" -> a count."""
    scale = _OF_A_SCALE.match(lower, number_end)
    if scale:
        return "count", scale.end(), value * (1e6 if scale["scale"] == "million" else 1e9), None
    if m.group("slash"):
        top, bottom = (int(x) for x in m.group("slash").split("/"))
        if top >= bottom or bottom not in SLASH_DENOMINATORS:  # not "24/7", "9/11"
            return None, end, value, None
    if not context.qualifier_text and context.previous_word.lower() in ORDINAL_WORDS:
        return None, end, value, None  # "the second quarter of the year", "first half"
    written = m.group("frac") or ""
    of = lower.startswith(" of ", number_end)
    # "two-thirds", "three quarters", but not "a third" or "half" on their own
    hyphenated = "-" in written or (" " in written and written.split()[0] not in ("a", "half"))
    stated = of or hyphenated or context.qualifier != "exact" or context.after_by
    if not stated and not lower.startswith(" (", number_end):
        return None, end, value, None  # "the first half", "added a third"
    counted = None
    if of:
        counted, end = counted_after(sentence, number_end + 3)
        if counted is None:
            end = number_end
    return "proportion", end, value, counted


def enrich(articles: pd.DataFrame, context: EnrichContext) -> pd.DataFrame:
    try:
        statistics = [[s.as_record() for s in find_statistics(t)] for t in article_texts(articles)]
    finally:
        _sentence_figures.cache_clear()
    return pd.DataFrame({schema.STATISTICS: statistics}, index=articles.index)
