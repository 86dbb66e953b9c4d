"""Dates as listings write them: in a date line, a byline, or a CSV/JSON field.

UK listings are day-first: "03/04/2018" is 3 April. Examples of what is read:

    "3 June 2015"  "Wednesday, 17th October 2018"  "Published: 12/03/2018"  "2018-03-12T09:30:00Z"
    "Jane Smith, Policy Officer. 3 June 2015"  "June 3, 2015"  "March 2016" (month only)
    "12 de julio de 2019"  "12 juillet 2019"  "12. Juli 2019" (other languages: day, month, year)
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from insights.ingest.items import Order
from insights.lexicon import DAY_MONTHS, MONTH_NAMES, MONTHS, trie_pattern, word_set

_MONTH = MONTH_NAMES + r"\.?"
_ANY_MONTH = "(?:" + trie_pattern([*MONTHS, *DAY_MONTHS]) + r")\.?"
_ORD = r"(?:st|nd|rd|th)?"
_DATE = re.compile(
    rf"""\b(?:
        (?P<iso_y>\d{{4}})-(?P<iso_m>\d{{1,2}})-(?P<iso_d>\d{{1,2}})(?!\d)
      | (?P<num_d>\d{{1,2}})(?P<sep>[/.-])(?P<num_m>\d{{1,2}})(?P=sep)
        (?P<num_y>\d{{4}}|\d{{2}})(?!\d)
      | (?P<dmy_d>\d{{1,2}})(?:st|nd|rd|th|er|\.)?(?:\s+(?:of|de))?\s+(?P<dmy_m>{_ANY_MONTH}),?
        \s+(?:del?\s+)?(?P<dmy_y>\d{{4}})(?!\d)
      | (?P<mdy_m>{_MONTH})\s+(?P<mdy_d>\d{{1,2}}){_ORD},?\s+(?P<mdy_y>\d{{4}})(?!\d)
      | (?P<my_m>{_MONTH}),?\s+(?P<my_y>\d{{4}})(?!\d)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# Every date above has a year or a numeric day-month-year; checking that first is much faster.
_MAY_HOLD_DATE = re.compile(r"\d(?:\d{3}|[/.-]\d{1,2}[/.-]\d)")  # a digit first: scanned fast
_DAY_FIRST = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")
_NUMERIC_HINT = re.compile(r"\d[/.-]\d{1,2}[/.-]\d")
_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])")
# What may follow a date on a date line: a time ("14:05", "T09:30:00Z", "2:05pm", "at 10am").
_TIME = re.compile(
    r"""^(?:[T\s,@]|\bat\b)*
        \d{1,2}(?:[:.]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:am|pm)?|\s*(?:am|pm))
        \s*(?:Z|UTC|GMT|BST|[+-]\d{2}:?\d{2})?""",
    re.IGNORECASE | re.VERBOSE,
)
_LABELS = word_set("published posted updated date dated on at last modified first issued released")
_WEEKDAYS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun"
)
_SEPARATORS = ".,|–—-·:•/"
# Not ":": "Anti-Slavery Day: 18 October 2017" is a headline, not a byline.
_BYLINE_ENDS = ".,|–—-·•/"
_WORD = re.compile(r"\S+")
# Words that lead a phrase into its date: "Report launched on 3 June 2015" is a headline.
_LEADS = word_set("in at since from until till before after by of to for")
_MAX_SECTION_WORDS = 3  # "refugee soccer camp Oct 16, 2020"
MAX_DATE_LINE = 120
MAX_BYLINE_WORDS = 10
# After the date only a short trailer: "| Jane Smith", "– 3 min read"; more is a headline.
_MAX_TRAILER_WORDS = 6


@dataclass(frozen=True)
class DateMatch:
    """A date found in text; `day` is None when the text names only a month."""

    day: date | None
    year: int
    month: int
    start: int
    end: int

    @property
    def key(self) -> tuple[int, ...]:
        """Sort key at the precision the text gave: (y, m, d) or (y, m)."""
        return (self.year, self.month, self.day.day) if self.day else (self.year, self.month)


def _year(text: str) -> int:
    year = int(text)
    return year if len(text) == 4 else (2000 + year if year < 70 else 1900 + year)


def month_first(lines: Iterable[str]) -> bool:
    """True when the page's date lines write numeric dates month first: some read "9/18/2019"
    and none "18/9/2019". UK listings are day-first, and so is a page that never tells."""
    months_first = days_first = False
    short = "\n".join(line for line in lines if len(line) <= MAX_DATE_LINE)  # date lines
    if not _NUMERIC_HINT.search(short):
        return False  # no numeric date: one fast scan, not a look-behind at every character
    for m in _NUMERIC.finditer(short):
        first, second = int(m.group(1)), int(m.group(3))
        days_first = days_first or (12 < first <= 31 and second <= 12)
        months_first = months_first or (first <= 12 < second <= 31)
    return months_first and not days_first


def find_date(text: str, months_first: bool = False) -> DateMatch | None:
    """The first valid date in `text`, or None; numeric dates day first unless `months_first`."""
    if not _MAY_HOLD_DATE.search(text):
        return None
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["iso_y"]:
            y, mo, d = int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"])
        elif g["num_d"]:
            y, mo, d = _year(g["num_y"]), int(g["num_m"]), int(g["num_d"])
            if months_first:
                mo, d = d, mo
        elif g["dmy_d"]:
            y, mo, d = int(g["dmy_y"]), _month(g["dmy_m"]), int(g["dmy_d"])
        elif g["mdy_d"]:
            y, mo, d = int(g["mdy_y"]), _month(g["mdy_m"]), int(g["mdy_d"])
        else:
            y, mo, d = int(g["my_y"]), _month(g["my_m"]), 0
        try:
            day = date(y, mo, d) if d else None
        except ValueError:
            continue
        if d == 0 and not 1 <= mo <= 12:
            continue
        return DateMatch(day, y, mo, m.start(), m.end())
    return None


def may_hold_date(line: str) -> bool:
    """False when the opening of `line` (a date line's length) can hold no date `find_date`
    reads: no four-digit year and no numeric day-month-year."""
    return _MAY_HOLD_DATE.search(line, 0, MAX_DATE_LINE) is not None


def _month(name: str) -> int:
    name = name.rstrip(".").lower()
    return MONTHS.get(name) or DAY_MONTHS[name]


def _is_byline_prefix(prefix: str) -> bool:
    """True for '', 'Published:', 'Posted on Monday,', 'J Smith, Officer.', 'By J Smith on'."""
    words = list(_WORD.finditer(prefix))
    while words and words[-1].group().strip(_SEPARATORS).lower() in _LABELS | _WEEKDAYS | {""}:
        words.pop()
    if not words:
        return True
    if len(words) > MAX_BYLINE_WORDS:
        return False
    # The byline must end in a separator: "Jane Smith, Policy Officer." or "Jane Smith | on"
    return words[0].group().lower() == "by" or any(
        c in _BYLINE_ENDS for c in prefix[words[-1].end() - 1 :]
    )


def _is_byline_suffix(suffix: str, with_day: bool = False) -> bool:
    """'', ' 14:05', ' | Jane Smith', ' by Jane Smith', ' – News', ' description' (after a
    full date only: "March 2016 newsletter" is a headline)."""
    suffix = _TIME.sub("", suffix, count=1).strip()
    if not suffix.strip(_SEPARATORS + " "):
        return True
    words = suffix.split()
    if with_day and len(words) == 1 and words[0].isalpha():
        return True  # one trailing word, as in "10 Nov 2018 description"
    return len(words) <= _MAX_TRAILER_WORDS and (suffix[0] in "|–—-·•(" or words[0].lower() == "by")


def _is_label_prefix(prefix: str) -> bool:
    """True for a section label before a date that ends its line: "UK", "Immigration",
    "refugee soccer camp"; not a phrase leading into the date ("Report launched on")."""
    words = prefix.split()
    return (
        0 < len(words) <= _MAX_SECTION_WORDS
        and words[-1].lower() not in _LABELS | _LEADS
        and not any(w[-1] in ".!?:" for w in words)
    )


def date_line(line: str, months_first: bool = False) -> DateMatch | None:
    """The date when the whole line is a date line or a byline with a date, else None."""
    if len(line) > MAX_DATE_LINE:
        return None
    found = find_date(line, months_first)
    return found if found is not None and _is_date_line(line, found) else None


def _is_date_line(line: str, found: DateMatch) -> bool:
    prefix, suffix = line[: found.start], line[found.end :]
    if _is_byline_prefix(prefix) and _is_byline_suffix(suffix, found.day is not None):
        return True
    # "refugees Oct 17, 2020", "UK August 28, 2018"
    return (
        bool(found.day) and not _TIME.sub("", suffix, count=1).strip() and _is_label_prefix(prefix)
    )


def _stamp(line: str, months_first: bool) -> tuple[DateMatch, str] | None:
    """(date, frame) for a line a date opens or a byline leads into, with a short tail after
    it: "25 April 2016 in , ," frames as "|in", "Posted: May 2, 2017 in: Childcare" as
    "posted:|in:". The frame is the text before the date and the tail's first word."""
    if len(line) > MAX_DATE_LINE:
        return None
    found = find_date(line, months_first)
    if found is None or found.day is None or not _is_byline_prefix(line[: found.start]):
        return None
    tail = line[found.end :].split()
    if not tail or len(tail) > _MAX_TRAILER_WORDS:
        return None
    return found, f"{line[: found.start].strip().casefold()}|{tail[0].casefold()}"


_MONTH_STEMS = tuple(sorted({name[:3] for name in MONTHS}))


def _may_stamp(line: str) -> bool:
    """A quick look before the date patterns: a short line with a year or numeric date, and
    a month's name or a numeric date in it ("… Guardians in 2026" has neither)."""
    if len(line) > MAX_DATE_LINE or not _MAY_HOLD_DATE.search(line):
        return False
    low = line.lower()
    return any(stem in low for stem in _MONTH_STEMS) or _NUMERIC_HINT.search(line) is not None


def stamp_frames(lines: Iterable[str], months_first: bool = False) -> frozenset[str]:
    """The frames two or more lines share: a site's date stamp with a tail of its own ("in , ,",
    ", by in Equality"), which no headline repeats around a different date."""
    frames = Counter(
        s[1] for line in lines if line and _may_stamp(line) and (s := _stamp(line, months_first))
    )
    return frozenset(f for f, n in frames.items() if n >= 2)


def stamped_date_line(
    line: str, frames: frozenset[str], months_first: bool = False
) -> DateMatch | None:
    """The date of a line written in one of the page's repeated date-stamp `frames`, else None."""
    found = _stamp(line, months_first) if frames else None
    return found[0] if found and found[1] in frames else None


# Dates a listing states but a calendar cannot place: "3 days ago", "UK 2 hours ago", "Feb 12".
_UNPLACED = re.compile(
    rf"""(?:[^\W\d][\w&/+'-]*\s+){{0,2}}?
        (?:(?:\d{{1,2}}|an?|one)\s+(?:sec|second|min|minute|hour|hr|day|week|month|year)s?\s+ago
          | yesterday | just\s+now
          | {_MONTH}\s+\d{{1,2}}{_ORD})""",
    re.IGNORECASE | re.VERBOSE,
)


# "02 OCT 24": a day, a month and a two-digit year, read only as a whole line (in running text
# "on 12 May 24 people …" the number is not a year).
_SHORT_YEAR = re.compile(
    rf"(?:[^\W\d]+,?\s+)?(?P<d>\d{{1,2}}){_ORD}\s+(?P<m>{_MONTH}),?\s+['’]?(?P<y>\d{{2}})",
    re.IGNORECASE,
)
_MAX_SHORT_YEAR_LINE = 24


def short_year_date_line(line: str) -> DateMatch | None:
    """The date of a line that is a day, a month and a two-digit year ("02 OCT 24"), else None."""
    text = line.strip()
    found = _SHORT_YEAR.fullmatch(text) if len(text) <= _MAX_SHORT_YEAR_LINE else None
    if found is None or (found.start("d") and text.split()[0].rstrip(",").lower() not in _WEEKDAYS):
        return None
    year = _year(found["y"])
    try:
        day = date(year, _month(found["m"]), int(found["d"]))
    except ValueError:
        return None
    return DateMatch(day, year, day.month, 0, len(text))


def unplaced_date_line(line: str) -> bool:
    """True for a date line that names no year: a relative date or a month and day alone."""
    return len(line) <= MAX_DATE_LINE and _UNPLACED.fullmatch(line.strip()) is not None


# "18th October 2018 – Young victims marked …", "5/10/2016 - Council Meeting Summary"
_LEADING_SEPARATOR = re.compile(r"\s*[-–—|:]\s+(?=\S)")
_SPACE = re.compile(r"\s+(?=\S)")
_MIN_REST_WORDS = 3


def leading_date(line: str, months_first: bool = False) -> tuple[DateMatch, str] | None:
    """(date, "") when the whole line is a date line (as `date_line` reads it); (date, rest)
    when it opens with a date, a dash or bar, and text of its own; a numeric date needs no dash
    ("9/18/2019 Trump Upends Law …": no headline opens on one). One search serves both."""
    found = find_date(line[:MAX_DATE_LINE], months_first)
    if found is None:
        return None
    if len(line) <= MAX_DATE_LINE and _is_date_line(line, found):
        return found, ""
    if not _is_byline_prefix(line[: found.start]):
        return None
    separator = _LEADING_SEPARATOR.match(line, found.end)
    if separator is None and found.start == 0 and _NUMERIC.fullmatch(line[: found.end]):
        separator = _SPACE.match(line, found.end)
    if separator is None:
        return None
    rest = line[separator.end() :]
    return (found, rest) if len(rest.split()) >= _MIN_REST_WORDS else None


def parse_date(value: str) -> date | None:
    """A CSV/JSON date value: ISO with or without time, UK day-first, or month names."""
    value = value.strip()
    if len(value) >= 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            pass
    if numeric := _DAY_FIRST.match(value):
        # The common export shapes, "18/10/2018" and "18/10/2018 09:30", without the big pattern.
        day, _, month, year = numeric.groups()
        try:
            return date(_year(year), int(month), int(day))
        except ValueError:
            return None
    found = find_date(value)
    return found.day if found else None


def from_timestamp(value: float) -> date | None:
    """Unix seconds or milliseconds, as some JSON exports give dates."""
    if value > 1e11:
        value /= 1000
    return datetime.fromtimestamp(value, tz=UTC).date() if 0 < value < 4e9 else None


def detect_order(keys: Iterable[Sequence[int] | None], tolerance: float = 0.75) -> Order:
    """'newest_first'/'oldest_first' when at least `tolerance` of consecutive dated pairs agree.

    Keys are (y, m, d) or (y, m); a pair compares at the precision both have, and equal pairs
    do not count either way.
    """
    dated = [k for k in keys if k]
    newer = older = 0
    for a, b in itertools.pairwise(dated):
        n = min(len(a), len(b))
        if a[:n] > b[:n]:
            newer += 1
        elif a[:n] < b[:n]:
            older += 1
    if newer + older == 0:
        return "unknown"
    if newer >= tolerance * (newer + older):
        return "newest_first"
    if older >= tolerance * (newer + older):
        return "oldest_first"
    return "unknown"
