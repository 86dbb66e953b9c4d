"""The lexical layer of the figures grammar: where a number starts, what it is worth, and
the currency, scale and unit written around it.

    NUMBER.match("£1.5bn", 0)      -> currency "£", digits "1.5", scale "bn"  -> 1.5e9
    unit_after("128GB", "128gb", 3) -> Unit("GB", "measure", end=5)

Everything here reads the lower-cased sentence (offsets equal to the sentence's); where case
decides ("4G" is a network, "1.5C" a temperature) the sentence as written is passed too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from insights.enrich.figure_words import METRE_CUES
from insights.enrich.units import (
    CURRENCY_CODES,
    CURRENCY_GLUED,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    FRACTION_WORDS,
    GLUED_ONLY,
    GLUED_SCALES,
    NUMBER_WORDS,
    ONES,
    PER_GLUED,
    PER_WORDS,
    SCALES,
    SPELLED_SCALES,
    TEENS,
    TENS,
    UNITS,
)
from insights.lexicon import trie_pattern


def _alternation(words: list[str]) -> str:
    """A prefix-factored alternation whose spaces match any run of spaces."""
    return trie_pattern(words).replace(r"\ ", r"\s+")


_SPELLED = [
    *ONES,
    *TEENS,
    *TENS,
    *(f"{tens}{sep}{one}" for tens in TENS for one in ONES for sep in "- "),
]
_SPELLED_SCALE = "|".join((*SPELLED_SCALES, "dozen"))
_FRACTION = _alternation(list(FRACTION_WORDS))
_FRACTION_COUNT = "|".join(("a", "one", "two", "three", "four", "five", "six", "seven", "nine"))
_TIME = "dozen|hundred|thousand|million|billion|trillion|week|month|year|day|hour|minute"
_TIME += "|second|decade|century|weekend|fortnight"

# One figure's number: [currency] [sign] number [scale]. Alternatives are tried in order.
_BODY = rf"""
    (?:
        (?P<phone>\+?0\d{{2,4}}(?:[\s-]\d{{3,4}}){{1,3}})     # "0808 800 5000": not an amount
      | (?:(?P<cur>{_alternation(sorted(CURRENCY_SYMBOLS))}
            | (?P<code>rm|rs\.?)(?=[\d.]))\s?)?                # glued codes: "RM50", "Rs500"
        (?P<sign>[-−](?=[\d.])|minus\s+)?
        (?P<mag>m(?=\d\.\d))?                                # "M7.1": a magnitude
        (?:
            (?P<slash>\d/\d{{1,2}})(?![\d/])                  # "1/8 of a"
          | (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?      # "120,535", "1,592.5"
              | \d{{1,3}}(?:\ \d{{3}})+(?![\d.,])            # "41 000"
              | \d+(?:\.\d+)?|\.\d+)
          | (?P<half>half\s+an?)(?=\s)                       # "half a million", "half an hour"
          | (?P<frac>(?:(?:{_FRACTION_COUNT})[-\s]+)?(?:{_FRACTION}))(?![a-z-])
          | (?P<words>{_alternation(_SPELLED)})(?![a-z])
          | (?P<article>an?)(?=\s+(?:{_TIME})s?\b)           # "a million", "less than a week"
          | (?P<vague>dozens(?=\s+of\b)|tens(?=\s+of\s+(?:thousands|millions|billions)\b))
          | (?P<bare>\A)(?=(?:million|billion)\b)            # "Million children…" (headline)
        )
        (?P<scale>(?:\s?(?:{_SPELLED_SCALE})(?![a-z])
                   |(?<=[\d.])(?:{"|".join(GLUED_SCALES)})(?![a-z/]))
                  (?:\s(?:{_SPELLED_SCALE})(?![a-z]))*)?
        (?P<tail>(?P<gap>\s?-\s?|\s|)(?P<unit>{_alternation(sorted(UNITS, key=len, reverse=True))})
           (?![a-z0-9²])
         | \s(?:malaysian\s+)?(?P<money>{_alternation(sorted(CURRENCY_WORDS))})(?![a-z])
         | (?P<subunit>[pc])(?![a-z0-9]))?                  # "125p", "45c"
    )
    """
# Where a number can start: a character class or one trie of words, tried before the body's
# many alternatives, so that most words fail at once.
_LEADING_WORDS = [*ONES, *TEENS, *TENS, "half", *FRACTION_WORDS, "dozens", "tens", "minus"]
_LEADING_WORDS += ["million", "billion"]
_AFTER_ARTICLE = [*SPELLED_SCALES, "dozen", *FRACTION_WORDS, *_TIME.split("|")]
_START = (
    r"(?=[\d£$€¥₹₩₽₦₱₺₪฿]|[.+−-]\d|(?:us|u\.s\.|au|a|ca|c|hk|nz|s|r|n)\$|r[ms]\.?\d"
    rf"|m\d|(?:{_alternation(_LEADING_WORDS)})(?![a-z])"
    rf"|an?\s+(?:{_alternation(sorted(set(_AFTER_ARTICLE)))}))"
)
# Not inside a word, a number or a date; NUMBER_AT reads a range's second end ("4%-5%").
NUMBER = re.compile(r"(?<![\w.,'’/:$£€¥₹%-])" + _START + _BODY, re.VERBOSE)
NUMBER_AT = re.compile(_BODY, re.VERBOSE)
_FIRST = re.compile(r"[-\s]+")


@dataclass(frozen=True)
class Unit:
    """A unit read after a number: its normalised name, the kind of figure, and its end."""

    name: str
    kind: str  # "percent", "duration", "measure", or "money" for currencies written after
    end: int
    glued: bool = False


_UNIT = re.compile(
    rf"(?P<gap>\s?-\s?|\s|)(?P<unit>{_alternation(sorted(UNITS, key=len, reverse=True))})"
    r"(?![a-z0-9²])"
)
_CURRENCY_AFTER = re.compile(
    rf"\s(?:malaysian\s+)?(?P<word>{_alternation(sorted(CURRENCY_WORDS))})(?![a-z])"
)
_CURRENCY_GLUED = re.compile(r"(?P<letter>[pc])(?![a-z0-9])")
_PER = re.compile(
    rf"""\s*(?:(?:per|a|an|each|every)\s+|/)(?P<per>{_alternation(sorted(PER_WORDS))})(?![a-z])
    |\s*(?P<glued>{_alternation(sorted(PER_GLUED))})(?![a-z])""",
    re.VERBOSE,
)


_PER_STARTS = (" per ", " a ", " an ", " each ", " every ", "/", " daily", " annually", " yr")
_PER_STARTS += ("yr", " per\u00a0")


def value_of(m: re.Match[str]) -> float:
    """The number's value before its scale: "1,592.5" -> 1592.5, "twenty-one" -> 21."""
    digits = m.group("digits")
    if digits:
        if "," in digits or " " in digits:
            digits = digits.replace(",", "").replace(" ", "")
        return float(digits)
    return _spelled_value(m)


def _spelled_value(m: re.Match[str]) -> float:
    if m.group("words"):
        return float(sum(NUMBER_WORDS[w] for w in _FIRST.split(m.group("words"))))
    if m.group("frac"):
        *count, fraction = _FIRST.split(m.group("frac"))
        return (
            NUMBER_WORDS[count[0]] * FRACTION_WORDS[fraction] if count else FRACTION_WORDS[fraction]
        )
    if m.group("slash"):
        top, bottom = m.group("slash").split("/")
        return int(top) / int(bottom)
    if m.group("half"):
        return 0.5
    if m.group("vague"):
        return 12.0 if m.group("vague") == "dozens" else 10.0
    return 1.0  # "a million", "a week", a headline's "Million"


def scale_of(m: re.Match[str]) -> float:
    """The product of the scale words: "3 hundred million" -> 1e8."""
    return _scale(m.group("scale"))


def _scale(words: str | None) -> float:
    if not words:
        return 1.0
    scale = 1.0
    for word in words.split():
        scale *= SCALES.get(word, 12.0)  # the one scale word not in SCALES is "dozen"
    return scale


def unit_of(m: re.Match[str], sentence: str) -> Unit | None:
    """The unit NUMBER read after the number, checked against the case it is written in."""
    surface = m.group("unit")
    if surface:
        name, kind = UNITS[surface]
        glued = m.group("gap") == ""
        if surface in GLUED_ONLY:
            # "1.5C", "-8 C", "80F", "203g", "120V"; not "4G" or "a 5 g" typo
            written = sentence[m.start("unit") : m.end("unit")]
            fits = written == GLUED_ONLY[surface] and (glued or surface in "cf")
        else:
            fits = glued or surface not in ("pc", "mp")  # "2.4pc", "12MP"; not "650 MPs"
        return Unit(name, kind, m.end(), glued) if fits else None
    if m.group("money"):
        return Unit(CURRENCY_WORDS[m.group("money")], "money", m.end())
    letter = m.group("subunit")
    if letter and sentence[m.start("subunit")] == letter:
        return Unit(CURRENCY_GLUED[letter], "money", m.end(), True)
    return None


def number_end(m: re.Match[str]) -> int:
    """Where the number and its scale end, before any unit."""
    tail = m.start("tail")
    return m.end() if tail == -1 else tail


def unit_after(sentence: str, lower: str, pos: int) -> Unit | None:
    """The unit written right after a number ending at `pos`, if any."""
    m = _UNIT.match(lower, pos)
    if m:
        surface, glued = m.group("unit"), m.group("gap") == ""
        name, kind = UNITS[surface]
        written = sentence[m.start("unit") : m.end("unit")]
        if surface in GLUED_ONLY:
            # "1.5C", "-8 C", "80F", "203g", "120V"; not "4G" or "a 5 g" typo
            fits = written == GLUED_ONLY[surface] and (glued or surface in "cf")
        else:
            fits = glued or surface not in ("pc", "mp")  # "2.4pc", "12MP"; not "650 MPs"
        if fits:
            return Unit(name, kind, m.end(), glued)
    m = _CURRENCY_GLUED.match(lower, pos)
    if m and sentence[pos] == m.group("letter"):
        return Unit(CURRENCY_GLUED[m.group("letter")], "money", m.end(), True)
    m = _CURRENCY_AFTER.match(lower, pos)
    if m:
        return Unit(CURRENCY_WORDS[m.group("word")], "money", m.end())
    return None


def per_after(lower: str, pos: int) -> tuple[str, int] | None:
    """The denominator of a rate after `pos`: " per barrel" -> ("barrel", end)."""
    if not lower.startswith(_PER_STARTS, pos):
        return None
    m = _PER.match(lower, pos)
    if not m:
        return None
    if m.group("glued"):
        return PER_GLUED[" ".join(m.group("glued").split())], m.end()
    return PER_WORDS[" ".join(m.group("per").split())], m.end()


def currency_of(m: re.Match[str], sentence: str) -> str | None:
    """The ISO code of a currency written before the number, as written ("HKD", "RM")."""
    if m.group("code"):
        written = sentence[m.start("code") : m.end("code")]
        return CURRENCY_CODES[m.group("code")] if written[:1].isupper() else None
    return CURRENCY_SYMBOLS[m.group("cur")] if m.group("cur") else None


_NEXT_WORD = re.compile(r"\s+([a-z]+)")


@dataclass(slots=True)
class Number:
    match: re.Match[str]
    value: float
    scaled: bool
    currency: str | None
    unit: str | None
    kind: str | None
    number_end: int  # after the number and its scale
    end: int  # after its unit


def read_number(sentence: str, lower: str, m: re.Match[str]) -> Number:
    """The number at `m` with its scale, sign, currency and unit."""
    scale, sign, code, cur, mag = m.group("scale", "sign", "code", "cur", "mag")
    value = value_of(m)
    if scale:
        value *= _scale(scale)
    if sign:
        value = -value
    currency = currency_of(m, sentence) if code or cur else None
    tail = m.start("tail")
    after_number = end = m.end() if tail == -1 else tail
    unit = kind = None
    if scale == "m" and not currency:
        # "the 100m race", "100m in 17 seconds" are distances; "5m people", "to 28.28m" counts
        next_word = _NEXT_WORD.match(lower, after_number)
        if next_word and next_word.group(1) in METRE_CUES:
            value, unit, kind = value / 1e6, "metre", "measure"
    elif mag:
        unit, kind = "magnitude", "measure"
    if unit is None and tail != -1:
        written = unit_of(m, sentence)
        if written and not (written.kind == "money" and currency):
            unit, kind, end = written.name, written.kind, written.end
            if kind == "money":
                currency, unit, kind = written.name, None, None
    return Number(m, value, bool(scale), currency, unit, kind, after_number, end)
