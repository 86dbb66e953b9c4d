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
from dataclasses import dataclass
from typing import Any, NamedTuple

import pandas as pd

from insights import schema
from insights.enrich import EnrichContext
from insights.enrich.numbers import (
    CANDIDATE,
    NUMBER,
    NUMBER_AT,
    currency_of,
    per_after,
    scale_of,
    unit_of,
)
from insights.enrich.numbers import number_end as number_end_of
from insights.enrich.numbers import value_of as number_value_of
from insights.enrich.statistics_context import (
    Context,
    counted_after,
    direction_after,
    direction_before,
    is_not_an_amount,
    leading_context,
    range_end,
)
from insights.enrich.text import article_texts, sentences
from insights.enrich.units import (
    CURRENCY_CODES,
    METRE_CUES,
    ORDINAL_WORDS,
    QUALIFIERS_AFTER,
    YEAR_WORDS,
)


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
_NO_UNIT = frozenset(",.;:)!?'\"”’")  # a unit never starts with these
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_RICHTER = re.compile(r"\s+on\s+the\s+richter\s+scale\b")
_TENS_OF = re.compile(r"\s+of\s+(?P<scale>thousands|millions|billions)\b")


def find_statistics(text: str) -> list[Statistic]:
    """Every figure quoted in `text`, in order; a figure repeated in a later sentence (a
    headline and its summary) is kept once, repeats within a sentence are kept."""
    found: list[Statistic] = []
    seen: set[tuple[Any, ...]] = set()
    for sentence in sentences(text):
        keys = []
        for stat in _sentence_statistics(sentence):
            key = stat.key()
            if key not in seen:
                found.append(stat)
            keys.append(key)
        seen.update(keys)
    return found


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
    for candidate in CANDIDATE.finditer(lower):
        if candidate.start() < consumed:
            continue
        m = NUMBER.match(lower, candidate.start())
        if m is None:
            continue
        if m.group("phone"):
            consumed = m.end()
            continue
        stat, end = _statistic(sentence, lower, m, previous)
        if stat:
            if found and previous and _shares_unit(found[-1], stat, lower, previous[0], m):
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


@dataclass
class _Number:
    match: re.Match[str]
    value: float
    scaled: bool
    currency: str | None
    unit: str | None
    kind: str | None
    number_end: int  # after the number and its scale
    end: int  # after its unit


def _read(sentence: str, lower: str, m: re.Match[str]) -> _Number:
    """The number at `m` with its scale, sign, currency and unit."""
    value = number_value_of(m) * scale_of(m)
    if m.group("sign"):
        value = -value
    currency = currency_of(m, sentence)
    number_end = end = number_end_of(m)
    unit = kind = None
    scale = m.group("scale")
    if scale == "m" and not currency:
        # "the 100m race", "100m in 17 seconds" are distances; "5m people", "to 28.28m" counts
        next_word = _NEXT_WORD.match(lower, end)
        if next_word and next_word.group(1) in METRE_CUES:
            value, unit, kind = value / 1e6, "metre", "measure"
    elif m.group("mag"):
        unit, kind = "magnitude", "measure"
    if unit is None and end != m.end():
        written = unit_of(m, sentence)
        if written and not (written.kind == "money" and currency):
            unit, kind, end = written.name, written.kind, written.end
            if kind == "money":
                currency, unit, kind = written.name, None, None
    return _Number(m, value, bool(scale), currency, unit, kind, number_end, end)


def _statistic(
    sentence: str, lower: str, m: re.Match[str], previous: tuple[int, str] | None
) -> tuple[Statistic | None, int]:
    """The figure starting at `m` (or None) and where the scan goes on from."""
    if _year_before_a_year_word(lower, m):
        return None, m.end()  # "in 2017", "since 2008": the commonest number, read cheaply
    context = leading_context(sentence, lower, m.start())
    number = _read(sentence, lower, m)
    if number.currency is None and context.previous_word.lower() in CURRENCY_CODES:
        if context.previous_word.isupper() or context.previous_word == "Rs":  # "HKD 129.0m"
            number.currency = CURRENCY_CODES[context.previous_word.lower()]
            context.phrase_start = context.previous_start
    spelled = bool(m.group("words") or m.group("article") or m.group("frac"))
    if is_not_an_amount(sentence, lower, m, number, context):
        return None, m.end()

    qualifier, low, high, end = context.qualifier, None, None, number.end
    value, unit, kind, currency = number.value, number.unit, number.kind, number.currency
    direction = direction_before(context, money=bool(number.currency))
    near = previous and m.start() - previous[0] < 8
    if not direction and near and _INHERIT.fullmatch(lower, previous[0], m.start()):
        if lower[previous[0] : m.start()].strip() != "(" or _closes(lower, m):
            direction = previous[1]  # "fell 5% or 119p", "down 125p (6.6%)"
    second = range_end(sentence, lower, number, context, direction)
    if isinstance(second, int):
        return None, second  # a score or a period: neither number is a figure
    if second is not None:
        other = second
        if not number.scaled and other.scaled and abs(value) < abs(other.value):
            value *= scale_of(other.match)
        unit, kind = unit or other.unit, kind or other.kind
        currency = currency or other.currency
        low, high, end = value, other.value, other.end
        value = (low + high) / 2
    after_qualifier = _QUALIFIER_AFTER.match(lower, end) if lower[end : end + 1] in " +" else None
    if after_qualifier and qualifier == "exact":
        qualifier = QUALIFIERS_AFTER[" ".join(after_qualifier.group("q").split())]
        end = after_qualifier.end()
    below = _BELOW_ZERO.match(lower, end) if "below" in lower[end : end + 8] else None
    if below:  # "5 to 10 degrees below zero"
        value, low, high = -value, *((-high, -low) if low is not None else (None, None))
        end = below.end()

    counted: str | None = None
    age = _AGE.match(lower, number.number_end) if "old" in lower[end : end + 8] else None
    if m.group("frac") or m.group("slash"):
        kind, end, value, counted = _fraction(sentence, lower, m, value, context, end, number.number_end)
        if kind is None:
            return None, m.end()
    elif m.group("vague"):
        tens = _TENS_OF.match(lower, number.number_end)
        if tens:
            value, end = 10 * {"thousands": 1e3, "millions": 1e6}.get(tens["scale"], 1e9), tens.end()
        qualifier = "at_least" if qualifier == "exact" else qualifier
        kind = "count"
    if currency:
        kind, unit = "money", currency
    elif age or context.qualifier_text in ("as young as", "aged") or context.age_word:
        kind, unit = "age", "year"
        if age:
            end, unit = age.end(), age.group("unit").rstrip("s")
        elif number.unit in (None, "year"):
            old = _YEARS_OLD.match(lower, end)
            end = old.end() if old else end
        elif number.kind == "duration":
            unit = number.unit
    elif kind is None and (context.magnitude or "richter" in lower[end : end + 20]):
        unit, kind = "magnitude", "measure"
        richter = _RICHTER.match(lower, end)
        end = richter.end() if richter else end
    elif kind is None:
        ratio = _RATIO.match(lower, end) if lower[end + 1 : end + 3] == "in" else None
        denominator = NUMBER_AT.match(lower, ratio.end()) if ratio else None
        if denominator and denominator.group("digits") or denominator and denominator["words"]:
            bottom = number_value_of(denominator)
            if bottom > abs(value) and bottom <= 1000:
                kind, value, end = "ratio", value / bottom, denominator.end()
        kind = kind or "count"
    if kind == "duration":
        counted = sentence[end - len(lower[:end].split()[-1].split("-")[-1]) : end]
    if m.group("article") and kind in ("duration", "count") and not number.scaled:
        if not context.allows_article(lower, end):
            return None, end
    rate = per_after(lower, end)
    if rate:
        per, end = rate
    else:
        per = None
    if kind in ("count", "percent", "ratio") and counted is None:
        counted, end = counted_after(sentence, end, kind)
        if kind == "count":
            unit = counted.split()[-1].lower() if counted else None
            if spelled and not m.group("frac") and (counted is None or value == 1):
                if value == 1 and counted and qualifier != "exact":
                    pass  # "at least one party", "more than one type"
                else:
                    return None, end
        if per is None and counted:
            rate = per_after(lower, end)
            if rate:
                per, end = rate
    if kind == "count" and context.is_year(m, counted, sentence):
        return None, end
    if not direction:
        direction = direction_after(lower, number.end if second is None else end)
    if not direction and per:
        direction = direction_after(lower, end)  # "the 100,000 barrel per day increase"
    phrase = sentence[context.phrase_start : end].strip()
    return (
        Statistic(
            value=value,
            kind=kind,
            qualifier=qualifier,
            counted=counted,
            phrase=phrase,
            sentence=sentence,
            low=low,
            high=high,
            unit=unit,
            per=per,
            direction=direction,
        ),
        end,
    )


def _year_before_a_year_word(lower: str, m: re.Match[str]) -> bool:
    digits = m.group("digits")
    if not digits or len(digits) != 4 or m.end() != m.end("digits") or not digits.isdigit():
        return False
    if m.group("cur") or m.group("sign") or not 1500 <= int(digits) <= 2300:
        return False
    before = lower[max(0, m.start() - 9) : m.start()].split()
    return bool(before) and before[-1] in YEAR_WORDS


def _closes(lower: str, m: re.Match[str]) -> bool:
    """The figure in brackets is the whole bracket: "(6.6%)", "(£5.65bn)"."""
    close = lower.find(")", m.end())
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
        if top >= bottom or bottom not in (2, 3, 4, 5, 8, 10):
            return None, end, value, None
    if not context.qualifier_text and context.previous_word.lower() in ORDINAL_WORDS:
        return None, end, value, None  # "the second quarter of the year", "first half"
    written = m.group("frac") or ""
    of = lower.startswith(" of ", number_end)
    # "two-thirds", "three quarters", but not "a third" or "half" on their own
    hyphenated = "-" in written or (" " in written and written.split()[0] not in ("a", "half"))
    if not (of or hyphenated or context.qualifier != "exact" or context.after_by):
        if not lower.startswith(" (", number_end):
            return None, end, value, None
    counted = None
    if of:
        counted, end = counted_after(sentence, number_end + 3)
        if counted is None:
            end = number_end
    return "proportion", end, value, counted


def enrich(articles: pd.DataFrame, context: EnrichContext) -> pd.DataFrame:
    statistics = [[s.as_record() for s in find_statistics(t)] for t in article_texts(articles)]
    return pd.DataFrame({schema.STATISTICS: statistics}, index=articles.index)
