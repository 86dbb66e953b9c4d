"""The quantities test set (tests/enrich/quantities/*.txt) and its scoring.

    sentences = load()                        # 577 annotated news sentences
    scores = score(sentences, predictions)    # {"value": Score(…), "value+unit": …, …}

Used by bench/quantities.py (`make bench`) and by the tests of the scorer itself. The file
format is described in tests/enrich/quantities/README.md.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "quantities"
HELD_OUT_PERCENT = 35  # of sources, by the CRC-32 of the address: about 28% of sentences
CRITERIA = ("value", "value+unit", "value+direction")


@dataclass(frozen=True)
class Quantity:
    """One figure, as annotated or as an extractor found it."""

    value: float
    low: float | None = None
    high: float | None = None
    unit: str | None = None  # normalised; None for a bare number
    direction: str = ""  # "up", "down" or ""
    qualifier: str = "exact"
    per: str | None = None
    counted: str | None = None

    @property
    def bounds(self) -> tuple[float, float]:
        if self.low is not None and self.high is not None:
            return (min(self.low, self.high), max(self.low, self.high))
        return (self.value, self.value)


@dataclass(frozen=True)
class Sentence:
    text: str
    kind: str  # of source: charity, finance, government, science, sport, …
    source: str
    quantities: tuple[Quantity, ...]

    @property
    def held_out(self) -> bool:
        return zlib.crc32(self.source.encode()) % 100 < HELD_OUT_PERCENT


def _quantity(line: str) -> Quantity:
    # "0.5e6..1.5e6 barrel per:day q:about d:down c:counted words"
    text, _, counted = line.partition(" c:")
    first, unit, *fields = text.split()
    extra = dict(f.split(":", 1) for f in fields)
    low = high = None
    if ".." in first:
        low, high = (float(v) for v in first.split(".."))
        value = (low + high) / 2
    else:
        value = float(first)
    return Quantity(
        value=value,
        low=low,
        high=high,
        unit=None if unit == "-" else unit.replace("_", " "),
        direction=extra.get("d", ""),
        qualifier=extra.get("q", "exact"),
        per=extra.get("per"),
        counted=counted or None,
    )


def load(folder: Path = FOLDER) -> list[Sentence]:
    """Every annotated sentence, file by file in name order."""
    found: list[Sentence] = []
    for path in sorted(folder.glob("*.txt")):
        kind = source = ""
        text: str | None = None
        quantities: list[Quantity] = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(("@ ", "> ")) and text is not None:
                found.append(Sentence(text, kind, source, tuple(quantities)))
                text, quantities = None, []
            if line.startswith("@ "):
                kind, source = line[2:].split(maxsplit=1)
            elif line.startswith("> "):
                text = line[2:]
            elif line.startswith("  ") and line.strip():
                if text is None:
                    raise ValueError(f"{path.name}:{number}: a quantity before any sentence")
                quantities.append(_quantity(line.strip()))
        if text is not None:
            found.append(Sentence(text, kind, source, tuple(quantities)))
    return found


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-3 * max(abs(a), abs(b)) + 1e-9


def same_value(a: Quantity, b: Quantity) -> bool:
    """Equal values; a range matches only a range with the same two ends."""
    return all(_close(x, y) for x, y in zip(a.bounds, b.bounds, strict=True))


def unit_key(unit: str | None) -> str:
    """ "Charities" and "charity", "square_foot" and "square foot" are one unit."""
    if not unit or unit == "-":
        return ""
    words = unit.lower().replace("_", " ").split()
    last = words[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 2:
        last = last[:-1]
    return " ".join([*words[:-1], last])


MATCHES: dict[str, Callable[[Quantity, Quantity], bool]] = {
    "value": same_value,
    "value+unit": lambda a, b: same_value(a, b) and unit_key(a.unit) == unit_key(b.unit),
    "value+direction": lambda a, b: same_value(a, b) and a.direction == b.direction,
}


@dataclass
class Score:
    """Micro-averaged counts over a set of sentences."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match(
    gold: Sequence[Quantity], found: Sequence[Quantity], same: Callable[[Quantity, Quantity], bool]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (gold, found) matched one to one in order; then unmatched gold and found."""
    free = list(range(len(found)))
    pairs = []
    missed = []
    for g, expected in enumerate(gold):
        hit = next((f for f in free if same(expected, found[f])), None)
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((g, hit))
    return pairs, missed, free


def score(
    sentences: Iterable[Sentence], predictions: Iterable[Sequence[Quantity]]
) -> dict[str, Score]:
    """Precision, recall and F1 for each criterion in CRITERIA."""
    scores = {name: Score() for name in CRITERIA}
    for sentence, found in zip(sentences, predictions, strict=True):
        for name, same in MATCHES.items():
            pairs, missed, extra = match(sentence.quantities, found, same)
            scores[name].true_positives += len(pairs)
            scores[name].false_negatives += len(missed)
            scores[name].false_positives += len(extra)
    return scores
