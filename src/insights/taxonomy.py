"""The theme taxonomy: an editable TOML file of themes, each a list of phrases.

    version = 1                       # optional; the file's own hash is the real version
    [[theme]]
    name = "County lines"
    description = "Children exploited to move drugs."
    colour = "#CC6677"
    phrases = ["county lines", "drug run*"]

Phrases match case-insensitively on whole words; punctuation, hyphens and apostrophes only
separate words ("anti-slavery" matches "Anti-Slavery" and "anti slavery").
Light stemming, so the file stays short:
    - the last word also matches with a plural "s" or "es" ("gang" matches "gangs");
    - a trailing "*" matches any word ending ("traffick*" matches "trafficked", "trafficking").
Phrases are indexed by their first word, so tagging an article is one pass over its words
however many themes and phrases there are.
"""

from __future__ import annotations

import functools
import hashlib
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

THEME_KEYS = {"name", "description", "phrases", "colour"}
TOP_KEYS = {"version", "theme"}
COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


class TaxonomyError(ValueError):
    """The taxonomy file cannot be used; the message is one line naming the problem."""


@dataclass(frozen=True)
class Theme:
    """One theme: what it is called, what it means, the phrases that signal it, its colour."""

    name: str
    description: str
    phrases: tuple[str, ...]
    colour: str


@dataclass(frozen=True)
class Taxonomy:
    """The themes in file order, and a version that changes whenever the file does."""

    themes: tuple[Theme, ...]
    version: str

    @classmethod
    def load(cls, path: str | Path) -> Taxonomy:
        """Read and check a taxonomy file.

        Raises:
            TaxonomyError: one line naming the file and the problem.
        """
        path = Path(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise TaxonomyError(f"cannot read taxonomy {path}: {exc.strerror or exc}") from exc
        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise TaxonomyError(f"taxonomy {path} is not valid TOML: {exc}") from exc
        try:
            themes = cls._themes(data)
        except TaxonomyError as exc:
            raise TaxonomyError(f"taxonomy {path}: {exc}") from exc
        return cls(themes=themes, version=hashlib.sha256(raw).hexdigest()[:12])

    @staticmethod
    def _themes(data: dict[str, Any]) -> tuple[Theme, ...]:
        unknown = sorted(set(data) - TOP_KEYS)
        if unknown:
            raise TaxonomyError(f"unknown top-level key(s) {', '.join(unknown)}")
        tables = data.get("theme")
        if not isinstance(tables, list) or not tables:
            raise TaxonomyError("no themes: add [[theme]] tables")
        themes: list[Theme] = []
        seen: set[str] = set()
        for number, table in enumerate(tables, start=1):
            where = f"theme {number}"
            unknown = sorted(set(table) - THEME_KEYS)
            if unknown:
                raise TaxonomyError(f"{where} has unknown key(s) {', '.join(unknown)}")
            missing = sorted(THEME_KEYS - set(table))
            if missing:
                raise TaxonomyError(f"{where} is missing {', '.join(missing)}")
            name = table["name"]
            if not isinstance(name, str) or not name.strip():
                raise TaxonomyError(f"{where} needs a non-empty name")
            where = f"theme {name!r}"
            if name.casefold() in seen:
                raise TaxonomyError(f"duplicate theme name {name!r}")
            seen.add(name.casefold())
            if not isinstance(table["description"], str):
                raise TaxonomyError(f"{where}: description must be text")
            colour = table["colour"]
            if not isinstance(colour, str) or not COLOUR.fullmatch(colour):
                raise TaxonomyError(f"{where}: colour {colour!r} is not a hex colour like #CC6677")
            phrases = table["phrases"]
            if (
                not isinstance(phrases, list)
                or not phrases
                or not all(isinstance(p, str) and p.strip("* ") for p in phrases)
            ):
                raise TaxonomyError(f"{where}: phrases must be a non-empty list of text")
            themes.append(
                Theme(
                    name=name.strip(),
                    description=table["description"].strip(),
                    phrases=tuple(" ".join(p.split()) for p in phrases),
                    colour=colour.upper(),
                )
            )
        return tuple(themes)

    @property
    def names(self) -> list[str]:
        return [t.name for t in self.themes]

    @property
    def colours(self) -> dict[str, str]:
        """Theme name -> hex colour, in taxonomy order (for chart scales)."""
        return {t.name: t.colour for t in self.themes}

    def describe(self) -> list[dict[str, Any]]:
        """The themes as plain data, for the dataset's metadata and the About page."""
        return [
            {
                "name": t.name,
                "description": t.description,
                "colour": t.colour,
                "phrases": list(t.phrases),
            }
            for t in self.themes
        ]

    def matcher(self) -> ThemeMatcher:
        return _matcher(self)


# Text and phrases are compared as lists of casefolded word tokens; punctuation, hyphens and
# apostrophes only separate words: "Anti-Slavery Day" -> ["anti", "slavery", "day"].
TOKEN = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Phrase:
    text: str  # as written in the taxonomy, reported as evidence
    words: tuple[str, ...]  # tokens; the last one without its "*"
    wildcard: bool
    themes: tuple[str, ...]

    def matches(self, tokens: list[str], start: int) -> bool:
        end = start + len(self.words) - 1
        if end >= len(tokens) or tokens[start:end] != list(self.words[:-1]):
            return False
        last, word = self.words[-1], tokens[end]
        if self.wildcard:
            return word.startswith(last)
        return word == last or word == last + "s" or word == last + "es"


class ThemeMatcher:
    """Every phrase of a taxonomy indexed by its first word; `match` gives theme -> phrases.

    One pass over the text's words with a dictionary look-up or three per word, so the cost
    does not grow with the number of phrases. Overlapping phrases all count
    ("child sexual exploitation" also finds "sexual exploitation").
    """

    def __init__(self, taxonomy: Taxonomy) -> None:
        themes_of: dict[tuple[tuple[str, ...], bool], list[str]] = {}
        text_of: dict[tuple[tuple[str, ...], bool], str] = {}
        for theme in taxonomy.themes:
            for phrase in theme.phrases:
                wildcard = phrase.endswith("*")
                key = (tuple(TOKEN.findall(phrase.rstrip("*").casefold())), wildcard)
                text_of.setdefault(key, phrase)
                names = themes_of.setdefault(key, [])
                if theme.name not in names:
                    names.append(theme.name)
        # first word -> phrases; single-word wildcards are looked up by their prefix length
        self._by_first: dict[str, list[_Phrase]] = {}
        self._prefix_lengths: set[int] = set()
        for (words, wildcard), names in themes_of.items():
            phrase = _Phrase(text_of[(words, wildcard)], words, wildcard, tuple(names))
            if wildcard and len(words) == 1:
                self._prefix_lengths.add(len(words[0]))
            self._by_first.setdefault(words[0], []).append(phrase)
        self._order = {name: i for i, name in enumerate(taxonomy.names)}
        self._seen: dict[str, tuple[_Phrase, ...]] = {}

    def _candidates(self, word: str) -> tuple[_Phrase, ...]:
        # The word itself, its singular (for a plural last word) and wildcard prefixes;
        # remembered per word, since a vocabulary repeats far more than it grows.
        found = self._seen.get(word)
        if found is None:
            keys = {word, word[:-1] if word.endswith("s") else word}
            if word.endswith("es"):
                keys.add(word[:-2])
            keys.update(word[:n] for n in self._prefix_lengths if n < len(word))
            found = tuple(p for key in keys for p in self._by_first.get(key, ()))
            if len(self._seen) < 200_000:
                self._seen[word] = found
        return found

    def match(self, text: str) -> dict[str, list[str]]:
        """Theme name -> the taxonomy phrases found in `text`, themes in taxonomy order."""
        tokens = TOKEN.findall(text.casefold())
        found: dict[str, list[str]] = {}
        for start, word in enumerate(tokens):
            candidates = self._seen.get(word)
            if candidates is None:
                candidates = self._candidates(word)
            for phrase in candidates:
                if phrase.matches(tokens, start):
                    for theme in phrase.themes:
                        phrases = found.setdefault(theme, [])
                        if phrase.text not in phrases:
                            phrases.append(phrase.text)
        return dict(sorted(found.items(), key=lambda item: self._order[item[0]]))


@functools.lru_cache(maxsize=8)
def _matcher(taxonomy: Taxonomy) -> ThemeMatcher:
    # Indexing a few hundred phrases takes milliseconds; do it once per taxonomy.
    return ThemeMatcher(taxonomy)
