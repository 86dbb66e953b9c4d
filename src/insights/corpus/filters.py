"""What the viewer asked for, as one frozen value that `Corpus.select` turns into row numbers.

The sidebar's widgets become, e.g. for ?theme=County+lines&q=gangs&basis=stated:

    Filters(themes=("County lines",), text="gangs", bases=("stated",))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Filters:
    """What the viewer asked for; every field empty means every article."""

    themes: tuple[str, ...] = ()  # any of these themes; empty = all
    start: date | None = None  # articles whose best-estimate date >= start
    end: date | None = None  # <= end
    text: str = ""  # search syntax (words, "phrases", OR, -exclude)
    entities: tuple[str, ...] = ()  # any of these entity names
    bases: tuple[str, ...] = ()  # date_basis values; empty = all
    publishers: tuple[str, ...] = ()  # any of these publishers; empty = all

    def __post_init__(self) -> None:
        # Widgets hand over lists; tuples keep Filters hashable, so selections can be cached.
        for name in ("themes", "entities", "bases", "publishers"):
            object.__setattr__(self, name, tuple(getattr(self, name) or ()))
        object.__setattr__(self, "text", self.text or "")
