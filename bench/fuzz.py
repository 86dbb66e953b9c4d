"""Fuzz the readers at scale: the property tests' inputs, many times over, counting crashes.

    .venv/bin/python bench/fuzz.py                    # 4,000 inputs per property (make bench)
    .venv/bin/python bench/fuzz.py --examples 50000

A crash is any exception other than the one-line SourceError escaping `read_source`, or a
SourceError message spread over several lines. The run goes on after a crash (each is listed
once, by exception type and message) and ends with: inputs tried, crashes, seconds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from insights.ingest import read_source
from insights.ingest.items import SourceError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "reliability"))
import test_readers_property as inputs


def _nested(depth: int, array: bool) -> bytes:
    # [[[…]]] or {"a":{"a":…1}}, `depth` levels
    return ("[" * depth + "]" * depth if array else '{"a":' * depth + "1" + "}" * depth).encode()


PROPERTIES = {
    "any bytes": st.tuples(st.binary(max_size=4_000), st.sampled_from(inputs.SUFFIXES)),
    "any JSON": st.tuples(
        (inputs.json_values | inputs.records).map(lambda v: inputs.json.dumps(v).encode()),
        st.sampled_from([".json", ".jsonl", ".txt"]),
    ),
    "CSV-shaped": st.tuples(
        st.builds(lambda t, e: t.encode(e, "replace"), inputs.csv_text, inputs.ENCODINGS),
        st.sampled_from([".csv", ".tsv", ".txt"]),
    ),
    "HTML-shaped": st.tuples(
        inputs.html_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from([".html", ".htm", ".txt"]),
    ),
    "nested JSON": st.tuples(
        st.builds(
            lambda depth, array: _nested(depth, array), st.integers(1, 200_000), st.booleans()
        ),
        st.sampled_from([".json", ".jsonl"]),
    ),
    "listing-shaped": st.tuples(
        st.builds(lambda t, e: t.encode(e, "replace"), inputs.listing_text, inputs.ENCODINGS),
        st.just(".txt"),
    ),
}


def fuzz(name: str, strategy, examples: int, folder: Path, crashes: Counter) -> int:
    tried = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def one(case: tuple[bytes, str]) -> None:
        nonlocal tried
        tried += 1
        content, suffix = case
        path = folder / f"listing{suffix}"
        path.write_bytes(content)
        try:
            read_source(path)
        except SourceError as exc:
            if "\n" in str(exc) or not str(exc):
                crashes[(name, "SourceError not one line", str(exc)[:80])] += 1
        except Exception as exc:  # a crash: counted, and the run goes on
            crashes[
                (name, type(exc).__name__, str(exc).splitlines()[0][:80] if str(exc) else "")
            ] += 1

    one()
    return tried


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=4_000, help="inputs per property")
    args = parser.parse_args(argv)
    crashes: Counter = Counter()
    total, started = 0, time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        for name, strategy in PROPERTIES.items():
            t0 = time.perf_counter()
            tried = fuzz(name, strategy, args.examples, Path(folder), crashes)
            total += tried
            found = sum(n for (prop, *_), n in crashes.items() if prop == name)
            print(f"{name}: {tried:,} inputs, {found} crashes, {time.perf_counter() - t0:.0f} s")
    for (name, kind, message), count in crashes.most_common():
        print(f"  crash ×{count} ({name}): {kind}: {message}")
    seconds = time.perf_counter() - started
    print(f"fuzz: {total:,} inputs tried, {sum(crashes.values())} crashes, {seconds:.0f} s")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
