"""The context rules of the figures grammar: what stands before a number (its qualifier, a
verb of change, a name it belongs to), what follows it (a range's second end, the counted
noun, a noun of change), and whether it is an amount at all.

All functions read the lower-cased sentence; the sentence as written is passed where case
tells a name ("Windows 11") or a month ("May 5") from an ordinary word.
"""

from __future__ import annotations

import re

from insights.enrich.counted import STOP, is_plural
from insights.enrich.figure_words import (
    AGE_WORDS,
    CLOCK_WORDS,
    COLLECTING,
    DIRECTION_AFTER,
    DIRECTION_WORDS,
    LEVEL_QUALIFIERS,
    LEVEL_WORDS,
    MONTHS,
    NAMED,
    PARTICLES,
    PHRASAL,
    QUALIFIERS,
    SCORE_WORDS,
    STREET_WORDS,
    YEAR_NOUNS,
    YEAR_WORDS,
)
from insights.enrich.numbers import NUMBER_AT, Number, read_number, scale_of, unit_after

_WORD_OPENERS = '(“"‘—–'  # what a word before a figure starts after, besides a space
_AFTER_WORD = frozenset(',;:)!?"”')  # "Telford, 1,000": a word ending so is not a name
_QUALIFIER_ENDS = frozenset(q.split()[-1] for q in QUALIFIERS)
# "than", "more than": word runs that end a longer qualifier, so reading one more word back
# can still find one ("in excess of"); any other run stops the search.
_QUALIFIER_TAILS = frozenset(
    " ".join(q.split()[-n:]) for q in QUALIFIERS for n in range(1, len(q.split()))
)
_BOUNDARY = frozenset(",;:()—–")
_TOKEN = re.compile(r"[a-z][a-z’'-]*|[\d][\d.,%]*|[,;:()—–]")
_CLOCK = re.compile(
    rf"(?:\s*(?:and|to|-|–)\s*\d{{1,2}}(?::\d\d)?)?\s?(?:{'|'.join(map(re.escape, CLOCK_WORDS))})"
    r"(?![a-z])"
)
_ORDINALS = frozenset(("st", "nd", "rd", "th"))
_STREET = re.compile(
    r"\s+block\b|(?:\s+(?:[A-Z][a-z]*\.?|\d+(?:st|nd|rd|th)|[NSEW]\.)){1,3}\s+(?P<street>[A-Z][a-z]*)\b"
)
_STREETS = STREET_WORDS | {"block"}
_DASHES = frozenset("-–—")
_RANGE_WORDS = frozenset(("to ", "and", "thr"))
_RANGE_SEP = re.compile(r"\s?(?P<dash>[-–—])\s?|\s+(?P<word>to|and|through)\s+")
_DIRECTION_AFTER = re.compile(
    rf"[\s-]+(?:(?P<between>[a-z]+)[\s-]+)?(?P<d>{'|'.join(sorted(DIRECTION_AFTER))})\b"
)
_FOLLOWING_WORD = re.compile(r"\s+(?:of\s+)?(?P<w>[A-Za-z]+)")
_NOT_A_SPAN = re.compile(r"\s+(?:ago|earlier|later|before|after|previously|since|on|from)\b")
_AGO = re.compile(r"\s+ago\b")
_NOUNS_OF_CHANGE = DIRECTION_AFTER - {"lower", "higher"}
_CHANGE_OF_MONEY = {w: d for w, d in DIRECTION_WORDS.items() if w not in COLLECTING}


class Context:
    """What stands before a number: its qualifier and the word before it."""

    __slots__ = (
        "_tokens",
        "lead_end",
        "lower",
        "phrase_start",
        "previous_start",
        "previous_word",
        "qualifier",
        "qualifier_text",
        "range_word",
        "sentence",
    )

    def __init__(
        self,
        sentence: str,
        lower: str,
        qualifier_text: str,
        lead_end: int,
        previous_word: str,
        previous_start: int,
    ) -> None:
        self.sentence, self.lower = sentence, lower
        self.qualifier_text = qualifier_text  # as written, lower case: "more than"
        self.qualifier = QUALIFIERS.get(qualifier_text, "exact")  # schema.STAT_QUALIFIERS
        self.lead_end = lead_end  # where the text before the figure and its qualifier ends
        self.previous_word = previous_word  # the word just before, as written: "Windows"
        self.previous_start = previous_start
        word = previous_word.lower()
        self.range_word = word if word in ("between", "from") else ""
        # where the figure's phrase begins: its qualifier, or "between"
        self.phrase_start = previous_start if self.range_word == "between" else lead_end
        self._tokens: list[str] | None = None

    @property
    def tokens(self) -> list[str]:
        """The words before the figure's phrase, lower case, with their punctuation."""
        if self._tokens is None:
            self._tokens = self.lower[max(0, self.lead_end - 70) : self.lead_end].split()
        return self._tokens

    @property
    def previous_initial(self) -> bool:
        """The word before opens the sentence."""
        return not self.sentence[: self.previous_start].strip(" \"“‘'(")

    @property
    def after_by(self) -> bool:
        return self.previous_word.lower() == "by"  # "… up by a third"

    @property
    def age_word(self) -> bool:
        return self.previous_word.lower() in AGE_WORDS  # "aged 11", "before they turn 18"

    @property
    def magnitude(self) -> bool:
        """ "a magnitude 5.8 earthquake", "a magnitude of 6.3"."""
        return self.tokens[-1:] == ["magnitude"] or self.tokens[-2:] == ["magnitude", "of"]

    def is_year(self, m: re.Match[str], counted: str | None) -> bool:
        """ "in 2017", "the 2018 report", "above 2000 levels"; not "2000 victims"."""
        digits = m.group("digits") or ""
        if not (digits.isdigit() and len(digits) == 4 and 1500 <= int(digits) <= 2300):
            return False
        if m.group("cur") or m.group("sign") or m.group("scale"):
            return False
        head = counted.split()[0] if counted else ""
        plural = is_plural(counted) and not head[:1].isupper()
        last = counted.split()[-1].lower() if counted else ""
        return not plural or last in YEAR_NOUNS or self.previous_word.lower() in YEAR_WORDS

    def allows_article(self, lower: str, end: int) -> bool:
        """ "less than a week", "in just a month", "a week of"; not "a year ago"."""
        if self.qualifier_text:
            return not _AGO.match(lower, end)  # "less than a week after launch"
        if _NOT_A_SPAN.match(lower, end):
            return False
        if lower.startswith(" of ", end):
            return True
        return self.tokens[-1:] in (["in"], ["for"], ["within"], ["over"], ["under"])


def _last_word(text: str, end: int) -> tuple[int, int]:
    """The span of the word before `end` (spaces and an opening bracket or quote skipped)."""
    stop = end
    if stop > 1 and text[stop - 1] == " " and not text[stop - 2].isspace():
        stop -= 1  # one space before: most words
    else:
        while stop > 0 and text[stop - 1].isspace():
            stop -= 1
    begin = text.rfind(" ", 0, stop) + 1
    while begin < stop and text[begin] in _WORD_OPENERS:  # "(up to 5%)", "“more than"
        begin += 1
    return begin, stop


def leading_context(sentence: str, lower: str, start: int) -> Context:
    """The qualifier and the word before the figure starting at `start`."""
    if start == 0 or not lower[start - 1].isspace():  # "(6.6%)", or the sentence's start
        return Context(sentence, lower, "", start, "", start)
    begin, stop = _last_word(lower, start)
    qualifier_text, lead_end = "", start
    if lower[begin:stop] in _QUALIFIER_ENDS:
        words, first = [lower[begin:stop]], begin
        for _ in range(4):  # the longest qualifier ending here: "in the neighbourhood of"
            candidate = " ".join(words)
            if candidate in QUALIFIERS:
                qualifier_text, lead_end = candidate, first
            if candidate not in _QUALIFIER_TAILS or first == 0 or not lower[first - 1].isspace():
                break
            first, last = _last_word(lower, first)
            if first == last:
                break
            words.insert(0, lower[first:last])
        if qualifier_text:
            begin, stop = _last_word(lower, lead_end) if lead_end else (0, 0)
    previous_word, previous_start = "", lead_end
    if begin < stop and (not qualifier_text or lower[stop:lead_end].isspace()):
        written = sentence[begin:stop]
        if written[:1].isalpha() and written[-1] not in _AFTER_WORD:
            previous_word, previous_start = written, begin
    return Context(sentence, lower, qualifier_text, lead_end, previous_word, previous_start)


def direction_before(context: Context, money: bool = False) -> str:
    """ "rose 4%", "fell by 2,500", "an increase of 80,000"; "" for "rose to 4.5%" and for
    money raised ("raised £15 million" is a total)."""
    tokens = context.tokens
    change = _CHANGE_OF_MONEY if money else DIRECTION_WORDS
    if change.keys().isdisjoint(tokens[-11:]):
        return ""  # no word of change nearby: most figures
    if context.qualifier_text.rsplit(" ", 1)[-1] in LEVEL_QUALIFIERS:
        return ""  # "had fallen below 6%": a level
    adjacent = tokens[-1]
    if adjacent in PARTICLES:  # "up 9%"; not "signed up 106,000", not "145 off 65 balls"
        before = tokens[-2] if len(tokens) > 1 else ""
        return "" if before in PHRASAL or before[:1].isdigit() else change.get(adjacent, "")
    if adjacent in ("at", "was", "is", "were", "of", "remained"):
        # a noun of change: "an increase of 80,000", "price growth at 1.2%"
        for token in reversed(tokens[-6:-1]):
            word = token.rstrip(",;:")
            if word in _NOUNS_OF_CHANGE and word in change:
                return change[word]
        return ""
    if adjacent == "by":  # "fell by 2,500", "reduce the risk of dying from the disease by 33%"
        for token in reversed(tokens[-11:-1]):
            if token in change:
                return change[token]
            if token[-1:] in _BOUNDARY:
                break
        return ""
    for token in reversed(tokens[-4:]):  # "rose 4%", "cut oil output 10 million barrels"
        if token[-1:] in _BOUNDARY or token in LEVEL_WORDS or token[:1].isdigit():
            break
        if token in change and token not in PARTICLES:  # particles count only when adjacent
            return change[token]
    return ""


def direction_after(lower: str, end: int) -> str:
    """ "a 1.8% rise", "a 1 million barrel cut", "70% lower than a year ago"."""
    m = _DIRECTION_AFTER.match(lower, end)
    if not m or (m.group("between") and m.group("between") in STOP):
        return ""
    return DIRECTION_WORDS.get(m.group("d"), "")


def _clock_near(lower: str, end: int) -> bool:
    near = lower[end : end + 14]  # a clock word is near: cheaper than the regex
    if "m" in near and ("am" in near or "pm" in near or "a.m" in near or "p.m" in near):
        return True
    return "gmt" in near or "bst" in near or "utc" in near or "o'c" in near


def _is_month(word: str) -> bool:
    return word[:1].isupper() and word.lower().rstrip(".") in MONTHS


def _title_case(sentence: str) -> bool:
    letters = [w for w in sentence.split() if w[:1].isalpha()]
    return len(letters) >= 4 and sum(w[0].isupper() for w in letters) > 0.7 * len(letters)


def is_not_an_amount(
    sentence: str, lower: str, m: re.Match[str], number: Number, context: Context
) -> bool:
    """A date, a clock time, an ordinal, a name, an address, a citation: not a figure."""
    end, unit, currency = number.number_end, number.unit, number.currency
    following = lower[end : end + 1]
    digits = m.group("digits")
    if digits:
        if lower[end : end + 2] in _ORDINALS and not lower[end + 2 : end + 3].isalpha():
            return True  # "17th", "2nd"
        if following in ("/", ":") or lower[end : end + 2] == "’s":
            return True
        if following.isalpha() and unit is None and not currency:
            return True  # "22H2", "1990s", "4G"
        if following.isdigit() or (digits[0] == "0" and digits[1:2].isdigit()):
            return True
        if lower[m.start() - 1 : m.start()] == "[" and lower[end : end + 1] == "]":
            return True  # a citation mark
    if m.group("words") and following.isdigit():
        return True  # "Twenty20"
    if unit is None and not currency and _clock_near(lower, end) and _CLOCK.match(lower, end):
        return True
    previous = context.previous_word
    if _is_month(previous):
        return True  # "October 18", "Nov. 12"
    capital_next = sentence[end + 1 : end + 2].isupper() or sentence[end + 4 : end + 5].isupper()
    next_word = _FOLLOWING_WORD.match(sentence, end) if capital_next else None
    if next_word and _is_month(next_word.group("w")) and not currency:
        return True  # "18 October", "18 of May"
    if currency or unit in ("percent",):
        return False
    if previous.lower().rstrip(".") in NAMED and (unit is None or previous[:1].isupper()):
        return True  # "Article 50", "rule 36.2", "calling 0808…", "Figure 1"
    possessive = previous.endswith(("’s", "'s", "s’", "s'"))
    if context.qualifier_text or possessive:
        return False  # "around 105", "Australia’s 239"
    if unit is None and previous[:1].isupper() and previous.lower() not in STOP:
        capital_word = not context.previous_initial or (previous.isupper() and len(previous) > 1)
        if capital_word and previous.lower() not in QUALIFIERS and not _title_case(sentence):
            return True  # "Windows 11", "FTSE 100", "Boost 2"
    if unit is None and (capital_next or lower.startswith(" block", end)):
        street = _STREET.match(sentence, end)  # "2300 block of", "10 Downing Street"
        return bool(street) and (street.group("street") or "block").lower() in _STREETS
    return False


def range_end(
    sentence: str, lower: str, number: Number, context: Context, direction: str
) -> Number | int | None:
    """The second end of a range after `number` ("10 to 15", "between 3 and 4 per cent",
    "4%-5%"); for a score or a period ("won 2-1", "2012-13") where it ends; else None."""
    after = lower[number.end : number.end + 5]
    if not (after[:1] in _DASHES or after[1:2] in _DASHES or after[1:4] in _RANGE_WORDS):
        return None
    sep = _RANGE_SEP.match(lower, number.end)
    if not sep:
        return None
    if sep.group("word") == "and" and context.range_word != "between":
        return None
    m2 = NUMBER_AT.match(lower, sep.end())
    if not m2 or m2.group("phone") or not (m2.group("digits") or m2.group("words")):
        return None
    first = number.match
    other = read_number(sentence, lower, m2)
    if other.unit is None and lower.startswith("+", other.number_end):  # "40-50+ hours"
        after_plus = unit_after(sentence, lower, other.number_end + 1)
        if after_plus:
            other.unit, other.kind, other.end = after_plus.name, after_plus.kind, after_plus.end
    year = _year_like(first) and (_year_like(m2) or len(m2.group("digits") or "") == 2)
    if year:
        return other.end  # a period: "2012-13", "from 2011 to 2019"
    if number.unit and other.unit and number.unit != other.unit:
        return None
    if number.currency and other.currency and number.currency != other.currency:
        return None
    if (number.unit and other.currency) or (number.currency and other.unit):
        return None  # "up 17% to £141.7m"
    low, high = number.value, other.value
    if sep.group("dash"):
        plain = not (number.unit or other.unit or number.currency or other.currency)
        whole = _integer(first) and _integer(m2)
        if plain and whole and (low >= high or _score_context(lower, first.start(), other.end)):
            return other.end  # a score: "won 2-1", "from 2-0 down"
        if low >= high and not (low < 0 and high < 0):
            return None
        return other
    shared_scale = not number.scaled and other.scaled and abs(low) < abs(other.value)
    if not shared_scale and (
        direction or (context.range_word == "from" and _changed_from(context))
    ):
        return None  # "fell 14,800 to 760,200", "rose from 5.5% to 6.2%": two figures
    next_word = _FOLLOWING_WORD.match(sentence, other.end)
    if next_word and _is_month(next_word.group("w")):
        return None  # "the three months to 31 December"
    if not number.scaled and other.scaled:
        low = low * scale_of(other.match)
    if abs(low) >= abs(high) or (low < 0) != (high < 0):
        return None
    return other


def _changed_from(context: Context) -> bool:
    return any(t in DIRECTION_WORDS for t in context.tokens[-4:-1])  # "rose from 5.5% to"


def _year_like(m: re.Match[str]) -> bool:
    digits = m.group("digits") or ""
    return digits.isdigit() and len(digits) == 4 and 1800 <= int(digits) <= 2100


def _integer(m: re.Match[str]) -> bool:
    return bool(m.group("digits")) and m.group("digits").isdigit() and not m.group("scale")


def _score_context(lower: str, start: int, end: int) -> bool:
    around = _TOKEN.findall(lower, max(0, start - 50), start)[-5:]
    around += _TOKEN.findall(lower, end, end + 30)[:2]
    return any(t in SCORE_WORDS for t in around)
