"""Which themes a dataset has, in what order, and each one's colour.

The order is the taxonomy's (stored in the dataset's metadata), then any other theme by how
many articles carry it; a theme's colour is the taxonomy's `colour` or the next of PALETTE.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from insights.corpus.arrays import by_frequency

# Okabe–Ito, then Paul Tol's muted scheme: both stay apart under common colour blindness.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#56B4E9",
    "#D55E00",
    "#F0E442",
    "#332288",
    "#117733",
    "#882255",
    "#44AA99",
    "#999933",
    "#AA4499",
    "#DDCC77",
)


def theme_order(
    metadata: dict[str, Any], theme_values: pa.ChunkedArray
) -> tuple[tuple[str, ...], dict[str, str]]:
    """Theme names in taxonomy order (then any others by frequency) and their colours."""
    entries = [e for e in metadata.get("taxonomy") or [] if isinstance(e, dict) and e.get("name")]
    names = [str(e["name"]) for e in entries]
    names += [n for n in by_frequency(theme_values) if n not in names]
    given = {str(e["name"]): str(e["colour"]) for e in entries if e.get("colour")}
    colours = {n: given.get(n, PALETTE[i % len(PALETTE)]) for i, n in enumerate(names)}
    return tuple(names), colours
