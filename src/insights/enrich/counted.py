"""What a figure counts: the noun phrase after a number ("120,535 people", "more than 50
other experts", "a 66% rise in the number of children").
"""

from __future__ import annotations

import re

from insights.enrich.figure_words import DIRECTION_AFTER, NUMBER_NOUNS
from insights.enrich.units import NUMBER_WORDS, words

# Words that end a counted noun phrase: verbs, prepositions, determiners, conjunctions.
STOP = words(
    """a an the of in into on at to for from by with and or but nor who whom that which this
    these those their its our his her it they we he she as than across since after before
    during while when where is are was were be been being am have has had may might will
    would could can should must do does did not no per each every more less said say says
    believe believes told found find finds including such there here so if then also them us
    you me him whom off up down over under about around between out against via like based
    compared according given expected seen made used left taken reported estimated now then
    today yesterday tomorrow early late last next ago respectively"""
) | frozenset(NUMBER_WORDS)
NOUNS_ED_LY = words("hundred seed bed shed speed need feed family ally supply assembly")
PLURAL_NOUNS = {"people", "children", "men", "women", "staff", "police", "youth", "cattle"}
LEADING = {"the", "all", "these", "those", "our", "their", "its", "of", "most"}
CHANGE = DIRECTION_AFTER
NUMBER_OF = re.compile(r"\s+in\s+(?:the\s+)?(?:number|numbers|proportion)?\s*(?:of\s+)?")
NEXT_WORDS = re.compile(r"[\s-]*[A-Za-z][\w’'-]*(?:[\s-]+[A-Za-z][\w’'-]*){0,3}")
HYPHENATED = re.compile(r"-(?P<word>[A-Za-z]+)\b")


def is_plural(noun: str | None) -> bool:
    last = noun.split()[-1].lower() if noun else ""
    return last in PLURAL_NOUNS or (last.endswith("s") and not last.endswith(("ss", "us", "is")))


def noun_phrase(text: str, start: int) -> tuple[str | None, int]:
    """The counted noun phrase starting at `start`, and where it ends.

    Up to three words; stops before a function word and after a plural noun:
    " other experts from across" -> "other experts"; " children may" -> "children";
    "-run win" -> "run" (a hyphenated word counts alone).
    """
    if text[start : start + 1] == "-":
        hyphen = HYPHENATED.match(text, start)
        if hyphen:
            return hyphen.group("word"), hyphen.end()
    m = NEXT_WORDS.match(text, start)
    if not m:
        return None, start
    chunk = m.group()
    found: list[str] = []
    end = cursor = 0
    parts = chunk.replace("-", " ", 1 if chunk[:1] == "-" else 0).split()
    for i, written in enumerate(parts):
        cursor = chunk.find(written, cursor) + len(written)
        word = written.lower()
        # a verb or an adverb ("263 powered the visitors", "one party favorably"), not an
        # adjective before a noun ("unaccompanied children", "advanced storage batteries")
        not_a_noun = word[-2:] in ("ed", "ly") and word not in NOUNS_ED_LY and "-" not in word
        if not_a_noun and word[-2:] == "ed" and i + 1 < len(parts):
            not_a_noun = parts[i + 1].lower() in STOP
        if not found and (not_a_noun or word in NUMBER_NOUNS):
            break  # "263 powered", "17 needed", "at least one party favorably", "the 2% target"
        if not_a_noun or word in STOP or (not found and word in LEADING):
            if found or word not in LEADING:
                break
            continue  # "the", "all", "of", "most" before the noun
        found.append(written)
        end = cursor
        if (
            len(found) == 3
            or word in PLURAL_NOUNS
            or (word[-1] == "s" and word[-2:] not in ("ss", "us", "is"))
        ):
            break
    if not found:
        return None, start
    return " ".join(found), start + end


def counted_after(text: str, end: int, kind: str = "count") -> tuple[str | None, int]:
    """What a figure counts: "120,535 people", "a 120,535 strong petition", "66% rise in the
    number of children"."""
    counted, stop = noun_phrase(text, end)
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
        inner, inner_stop = noun_phrase(text, after.end()) if after else (None, stop)
        if inner:
            return inner, inner_stop
    return counted, stop
