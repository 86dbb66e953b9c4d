"""Built charts and their frames, shared by every session: one bounded cache per process.

Fifty people opening the same link ask for the same charts; building one (an Altair chart's
schema validation, a Plotly figure's property checks) costs far more than showing it, so each
is built once per dataset and view and kept:

    key   (dataset fingerprint, what was drawn, the filters and options it was drawn for,
           the chart style variant)       ("1204-1733…-9f3c", "timeline_themes", Filters(…), …)
    value whatever the build returned: an aggregated frame, a Plotly figure, or a Vega-Lite
          dict from `vega_lite_spec` (its data as named datasets, no schema validation)

The fingerprint is the dataset file's path and serving.fingerprint (size, modification time,
Parquet footer), computed once per loaded Corpus; a corpus with a new fingerprint (a rebuilt
dataset) drops every entry of the old one. At most `max_entries` entries are kept, least
recently used first out. Values are shared between sessions' threads: treat them as
read-only. Concurrent misses on one key build it once; the others wait for that build.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import altair as alt
import pandas as pd

from insights import chart_style, serving
from insights.corpus import Corpus

T = TypeVar("T")
MAX_ENTRIES = 512  # a few hundred views: every page's charts for dozens of filter sets
DATASETS = "datasets"
# Altair names unnamed views and parameters from a process-wide counter (view_12, param_3),
# so two builds of one chart differ only in those numbers; renumbered in order of appearance.
_COUNTED_NAME = re.compile(r'"(view|param)_(\d+)"')


class ChartCache:
    """A thread-safe LRU of built views, keyed per dataset fingerprint (see the module doc)."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self.builds = 0  # how many times a build ran (a miss), for tests and benches
        self._entries: OrderedDict[tuple, Any] = OrderedDict()
        self._building: dict[tuple, threading.Lock] = {}
        self._fingerprint: str | None = None
        self._fingerprints: weakref.WeakKeyDictionary[Corpus, str] = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, corpus: Corpus, key: Hashable, build: Callable[[], T]) -> T:
        """`build()` for `key` on this corpus, built at most once while it stays cached.

        Args:
            key: everything besides the dataset that the value depends on; the chart style
                variant of this run is added to it, so presenter charts are kept apart.
        """
        full = (self.fingerprint(corpus), chart_style.variant(), key)
        with self._lock:
            if full in self._entries:
                self._entries.move_to_end(full)
                return self._entries[full]
            building = self._building.setdefault(full, threading.Lock())
        with building:  # one build per key; later arrivals wait, then find it cached
            with self._lock:
                if full in self._entries:
                    self._entries.move_to_end(full)
                    return self._entries[full]
            try:
                value = build()
            finally:
                with self._lock:
                    self._building.pop(full, None)
            with self._lock:
                self.builds += 1
                if full[0] == self._fingerprint:  # not a corpus replaced while it was built
                    self._entries[full] = value
                    while len(self._entries) > self.max_entries:
                        self._entries.popitem(last=False)
        return value

    def fingerprint(self, corpus: Corpus) -> str:
        """The corpus's dataset fingerprint; a new one drops the entries of the previous one."""
        with self._lock:
            known = self._fingerprints.get(corpus)
        if known is None:
            try:
                known = f"{corpus.path}:{serving.fingerprint(corpus.path)}"
            except OSError:  # built in memory, or its file is gone: its content version
                known = f"{corpus.path}:version-{corpus.version}"
            with self._lock:
                self._fingerprints[corpus] = known
        with self._lock:
            if known != self._fingerprint:
                self._fingerprint = known
                self._entries.clear()
        return known

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


CACHE = ChartCache()  # the process's one cache: every session of a server shares it


def cached(corpus: Corpus, key: Hashable, build: Callable[[], T]) -> T:
    """`CACHE.get`: the shared value of `build()` for this corpus and key."""
    return CACHE.get(corpus, key, build)


def vega_lite_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """An Altair chart as a Vega-Lite dict, without schema validation.

    Each frame the chart draws becomes a named dataset, the DataFrame itself under
    spec["datasets"][name] (a viewer converts it once, e.g. to Arrow); views and parameters
    are numbered in order, so two builds of one chart give equal dicts.
    """
    datasets: dict[str, pd.DataFrame] = {}
    spec = _named_data(chart, datasets).to_dict(validate=False)
    counters: dict[tuple[str, str], str] = {}

    def renumber(match: re.Match[str]) -> str:
        kind = match.group(1)
        name = counters.setdefault(
            (kind, match.group(2)), f"{kind}_{sum(k == kind for k, _ in counters) + 1}"
        )
        return f'"{name}"'

    spec = json.loads(_COUNTED_NAME.sub(renumber, json.dumps(spec)))
    if datasets:
        spec[DATASETS] = {**spec.get(DATASETS, {}), **datasets}
    return spec


def _named_data(chart: Any, datasets: dict[str, pd.DataFrame]) -> Any:
    """A shallow copy of `chart` whose DataFrames are {"name": …} references into `datasets`."""
    copy = chart.copy(deep=False)
    data = getattr(copy, "data", alt.Undefined)
    if isinstance(data, pd.DataFrame):
        name = dataset_name(data)
        datasets[name] = data
        copy.data = alt.NamedData(name=name)
    for part in ("layer", "hconcat", "vconcat", "concat"):
        children = getattr(copy, part, alt.Undefined)
        if isinstance(children, list):
            setattr(copy, part, [_named_data(child, datasets) for child in children])
    return copy


def dataset_name(frame: pd.DataFrame) -> str:
    """A name that changes with the frame's columns and values: "data-<16 hex digits>"."""
    digest = hashlib.sha256(json.dumps([str(c) for c in frame.columns]).encode())
    try:
        digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
    except TypeError:  # unhashable cells (lists): their text
        digest.update(frame.to_json(orient="split", index=False, date_format="iso").encode())
    return f"data-{digest.hexdigest()[:16]}"
