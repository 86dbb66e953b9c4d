"""The dashboard's URL as a value: what each parameter may hold, parsed and written back.

A link is the whole view. Its parameters, with the stable lowercase values a link keeps:

    /explore?theme=County+lines&q=gangs&order=oldest&page=2&view=table&article=3f2a9c
    /timeline?per=week&period=2018-10-15&dates=2018-01-01&dates=2018-06-30

`parse` turns a query string's pairs into a `View` and, for every value it cannot use, one
sentence saying so ("Ignored: order 'x' is not one of newest, oldest, relevance, title"): the
view falls back to the default, never to an error. Old spellings (`order=Oldest first`,
`per=Week`) are read as their values. `serialise` writes a `View` back, defaults left out,
so `parse(serialise(view)) == view`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from insights import periods

# parameter names (the filter widgets' keys in the dashboard are the same names)
THEME, TEXT, DATES, ENTITY, BASIS, KIND = "theme", "q", "dates", "entity", "basis", "kind"
PUBLISHER = "publisher"
ORDER, PAGE, VIEW, ARTICLE, PER, PERIOD, SLIDE = (
    "order",
    "page",
    "view",
    "article",
    "per",
    "period",
    "slide",
)

# value → what the page calls it (also accepted in a URL, in any case)
ORDERS = {
    "newest": "Newest first",
    "oldest": "Oldest first",
    "relevance": "Best match",
    "title": "Title A–Z",
}
VIEWS = {"cards": "Cards", "table": "Table"}
PERS = {name: periods.get(name).axis_title for name in periods.NAMES}
DEFAULT_VIEW, DEFAULT_PER = "cards", periods.MONTH.name


def default_order(text: str) -> str:
    """Best match first when there is a search, newest first otherwise."""
    return "relevance" if text.strip() else "newest"


@dataclass(frozen=True)
class Vocabulary:
    """The values this dataset has, which the filters in a URL must come from."""

    themes: Collection[str] = ()
    entities: Collection[str] = ()
    bases: Collection[str] = ()
    kinds: Collection[str] = ()
    publishers: Collection[str] = ()


@dataclass(frozen=True)
class View:
    """Everything a link says about what to show; every field empty or None is the default."""

    themes: tuple[str, ...] = ()
    text: str = ""
    dates: tuple[date, ...] = ()  # () any date; (start,) or (start, end)
    entities: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    publishers: tuple[str, ...] = ()
    order: str | None = None  # None: default_order(text)
    page: int = 1
    view: str = DEFAULT_VIEW
    article: str | None = None
    per: str = DEFAULT_PER
    period: date | None = None  # the start of the timeline's chosen period
    slide: int | None = None  # presenter mode's slide, counted from 1
    notices: tuple[str, ...] = field(default=(), compare=False)


# A filter parameter: its View field, the Vocabulary field its values come from, its name in
# a sentence. Adding a filter (a publisher, say) is one line here and one field above.
FILTERS = (
    (THEME, "themes", "themes", "theme"),
    (ENTITY, "entities", "entities", "organisation, place or person"),
    (BASIS, "bases", "bases", "date basis"),
    (KIND, "kinds", "kinds", "kind of figure"),
    (PUBLISHER, "publishers", "publishers", "publisher"),
)


def pairs(params: Mapping[str, str | Sequence[str]]) -> list[tuple[str, str]]:
    """`{"theme": ["A", "B"], "q": "x"}` → `[("theme", "A"), ("theme", "B"), ("q", "x")]`."""
    out = []
    for key, value in params.items():
        for one in [value] if isinstance(value, str) else value:
            out.append((key, one))
    return out


def parse(query: Iterable[tuple[str, str]], vocabulary: Vocabulary | None = None) -> View:
    """The view a link asks for; what cannot be used is left out and named in `notices`.

    Without a vocabulary, filter values are taken as they are (nothing to check them by).
    """
    values: dict[str, list[str]] = {}
    for key, value in query:
        values.setdefault(key, []).append(value)
    notices: list[str] = []
    fields: dict[str, object] = {}
    for param, name, known, what in FILTERS:
        given = _unique(values.get(param, []))
        if vocabulary is not None:
            fields[name], dropped = known_values(given, getattr(vocabulary, known))
            notices += [ignored(what, value, "is not in this dataset") for value in dropped]
        else:
            fields[name] = tuple(given)
    text = _last(values, TEXT) or ""
    fields["text"] = text
    fields["dates"] = _dates(values.get(DATES, []), notices)
    order = _choice(values, ORDER, ORDERS, notices)
    fields["order"] = None if order == default_order(text) else order
    fields["view"] = _choice(values, VIEW, VIEWS, notices) or DEFAULT_VIEW
    fields["per"] = _choice(values, PER, PERS, notices) or DEFAULT_PER
    fields["page"] = _count(values, PAGE, notices) or 1
    fields["slide"] = _count(values, SLIDE, notices)
    fields["article"] = _last(values, ARTICLE) or None
    fields["period"] = _one_date(values, PERIOD, notices)
    return View(**fields, notices=tuple(notices))


def serialise(view: View) -> list[tuple[str, str]]:
    """The view as query pairs, defaults left out: `parse(serialise(view)) == view`."""
    out: list[tuple[str, str]] = []
    for param, name, _, _ in FILTERS:
        out += [(param, value) for value in getattr(view, name)]
    if view.text:
        out.append((TEXT, view.text))
    out += [(DATES, day.isoformat()) for day in view.dates]
    if view.order is not None and view.order != default_order(view.text):
        out.append((ORDER, view.order))
    if view.page != 1:
        out.append((PAGE, str(view.page)))
    if view.view != DEFAULT_VIEW:
        out.append((VIEW, view.view))
    if view.article:
        out.append((ARTICLE, view.article))
    if view.per != DEFAULT_PER:
        out.append((PER, view.per))
    if view.period is not None:
        out.append((PERIOD, view.period.isoformat()))
    if view.slide is not None:
        out.append((SLIDE, str(view.slide)))
    return out


def replace(current: View, /, **changes: object) -> View:
    """`current` with some fields changed (`view=` is one of them, hence the name)."""
    return dataclasses.replace(current, **changes)


def known_values(given: Iterable[str], known: Collection[str]) -> tuple[tuple[str, ...], list]:
    """(the values that exist, the ones that do not), each in the order given."""
    known = set(known)
    kept = tuple(value for value in given if value in known)
    return kept, [value for value in given if value not in known]


def ignored(what: str, value: object, why: str) -> str:
    """One line for a value a link or a session held that the page cannot use."""
    shown = "".join(c if c.isprintable() else "�" for c in str(value))  # one line, visible
    shown = shown if len(shown) <= 60 else shown[:57] + "…"
    return f"Ignored: {what} '{shown}' {why}."


def choice_value(raw: str, choices: Mapping[str, str]) -> str | None:
    """A choice's value from its value or its label, in any case: 'Oldest first' → 'oldest'."""
    wanted = raw.strip().casefold()
    for value, label in choices.items():
        if wanted in (value.casefold(), label.casefold()):
            return value
    return None


def _choice(
    values: dict[str, list[str]], param: str, choices: Mapping[str, str], notices: list[str]
) -> str | None:
    raw = _last(values, param)
    if raw is None:
        return None
    value = choice_value(raw, choices)
    if value is None:
        notices.append(ignored(param, raw, f"is not one of {', '.join(choices)}"))
    return value


def _count(values: dict[str, list[str]], param: str, notices: list[str]) -> int | None:
    raw = _last(values, param)
    if raw is None:
        return None
    digits = raw.strip()
    # ASCII digits only: "²".isdigit() is true yet int("²") fails; a page number
    # never needs more than a few digits (int() refuses over 4,300).
    if digits.isascii() and digits.isdecimal() and len(digits) <= 9 and int(digits) >= 1:
        return int(digits)
    notices.append(ignored(param, raw, "is not a number from 1 up"))
    return None


def _one_date(values: dict[str, list[str]], param: str, notices: list[str]) -> date | None:
    raw = _last(values, param)
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        notices.append(ignored(param, raw, "is not a date (YYYY-MM-DD)"))
        return None


def _dates(raw: list[str], notices: list[str]) -> tuple[date, ...]:
    if not raw:
        return ()
    try:
        days = tuple(date.fromisoformat(value.strip()) for value in raw)
    except ValueError:
        shown = " to ".join(raw)
        notices.append(ignored("dates", shown, "are not two dates (YYYY-MM-DD)"))
        return ()
    if len(days) > 2 or (len(days) == 2 and days[0] > days[1]):
        shown = " to ".join(raw)
        notices.append(ignored("dates", shown, "are not a start and an end"))
        return ()
    return days


def _last(values: dict[str, list[str]], param: str) -> str | None:
    given = values.get(param)
    return given[-1] if given else None


def _unique(given: list[str]) -> list[str]:
    return list(dict.fromkeys(given))
