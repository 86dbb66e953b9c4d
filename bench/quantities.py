"""Key figures: our grammar against quantulum3 on the hand-annotated news sentences, and the
statistics step's throughput against the grammar it replaced, in one run.

    .venv/bin/python bench/quantities.py                    # make bench: scores, 200,000 articles
    .venv/bin/python bench/quantities.py --articles 50000 --skip-quantulum
    .venv/bin/python bench/quantities.py --errors           # development-set misses, for tuning

Scores: precision, recall and F1 for value, value+unit and value+direction on the development
part and the held-out part of tests/enrich/quantities/ (scoring in tests/enrich/
quantity_fixture.py). quantulum3 runs in its own venv (bench/out/quantulum-venv), made here
on first use with the versions it needs to load its classifier. Throughput: `statistics.
enrich` on a synthetic corpus (`insights.synth`), best of two runs, next to the grammar as it
was at BASELINE (loaded from git) in the same process.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd

from insights import schema, synth
from insights.enrich import statistics
from insights.enrich.statistics import Statistic

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
sys.path.insert(0, str(ROOT / "tests" / "enrich"))
from quantity_fixture import CRITERIA, Quantity, Sentence, load, match, score  # noqa: E402

BASELINE = "0f9620f"  # the grammar before issue 10
QUANTULUM_VENV = BENCH_DIR / "out" / "quantulum-venv"
# quantulum3 0.10 loads its unit classifier only with this scikit-learn, and needs stemming.
QUANTULUM_PACKAGES = ("quantulum3==0.10.0", "scikit-learn==1.8.0", "stemming==1.0.1")
QUANTULUM_RUNNER = """
import json, sys
from quantulum3 import parser
out = []
for text in json.load(sys.stdin):
    found = []
    for q in parser.parse(text):
        spread = q.uncertainty or 0.0
        found.append({"value": q.value, "spread": spread, "unit": q.unit.name,
                      "entity": q.unit.entity.name, "surface": q.surface})
    out.append(found)
json.dump(out, sys.stdout)
"""
# quantulum3's unit names in this test set's normalised spelling.
QUANTULUM_UNITS = {
    "percentage": "percent",
    "dollar": "USD",
    "united states dollar": "USD",
    "pound sterling": "GBP",
    "euro": "EUR",
    "penny": "pence",
    "yen": "JPY",
    "indian rupee": "INR",
    "hong kong dollar": "HKD",
    "australian dollar": "AUD",
    "malaysian ringgit": "MYR",
    "russian ruble": "RUB",
    "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit",
    "degree angle": "degree",
    "kilowatt hour": "kWh",
    "gigabyte": "GB",
    "mile per hour": "mph",
    "metre per second": "metre per second",
    "dimensionless": None,
}


def ours(text: str) -> list[Quantity]:
    return [_quantity(s) for s in statistics.find_statistics(text)]


def _quantity(s: Statistic) -> Quantity:
    return Quantity(
        value=s.value,
        low=s.low,
        high=s.high,
        unit=s.unit,
        direction=s.direction,
        qualifier=s.qualifier,
        per=s.per,
        counted=s.counted,
    )


def quantulum(texts: list[str]) -> list[list[Quantity]]:
    """quantulum3's figures for each text, run in its own venv."""
    python = QUANTULUM_VENV / "bin" / "python"
    if not python.exists():
        print("making quantulum3's venv (first run only)", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(QUANTULUM_VENV)], check=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", *QUANTULUM_PACKAGES], check=True
        )
    done = subprocess.run(
        [str(python), "-c", QUANTULUM_RUNNER],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        check=True,
    )
    return [[_from_quantulum(q) for q in found] for found in json.loads(done.stdout)]


def _from_quantulum(q: dict) -> Quantity:
    name, _, per = q["unit"].partition(" per ")
    unit = QUANTULUM_UNITS.get(name.lower(), name)
    low = high = None
    if q["spread"]:
        low, high = q["value"] - q["spread"], q["value"] + q["spread"]
    return Quantity(value=q["value"], low=low, high=high, unit=unit, per=per or None)


def score_table(sentences: list[Sentence], runs: dict[str, list[list[Quantity]]]) -> list[str]:
    lines = [
        "| part | sentences | figures | extractor | "
        + " | ".join(f"{c} P / R / F1" for c in CRITERIA)
        + " |",
        "|---|---:|---:|---|" + "---|" * len(CRITERIA),
    ]
    for part, held_out in (("development", False), ("held-out", True)):
        chosen = [i for i, s in enumerate(sentences) if s.held_out == held_out]
        gold = [sentences[i] for i in chosen]
        figures = sum(len(s.quantities) for s in gold)
        for name, found in runs.items():
            scores = score(gold, [found[i] for i in chosen])
            cells = " | ".join(
                f"{100 * scores[c].precision:.1f} / {100 * scores[c].recall:.1f} / "
                f"**{100 * scores[c].f1:.1f}**"
                for c in CRITERIA
            )
            lines.append(f"| {part} | {len(gold)} | {figures} | {name} | {cells} |")
    return lines


def sources_table(sentences: list[Sentence]) -> list[str]:
    kinds: dict[str, list[Sentence]] = {}
    for s in sentences:
        kinds.setdefault(s.kind, []).append(s)
    lines = ["| kind of source | pages | sentences | figures |", "|---|---:|---:|---:|"]
    for kind, group in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
        pages = len({s.source for s in group})
        figures = sum(len(s.quantities) for s in group)
        lines.append(f"| {kind} | {pages} | {len(group)} | {figures} |")
    return lines


def print_errors(sentences: list[Sentence], found: list[list[Quantity]]) -> None:
    """Misses and false hits on the development part only (the held-out part stays unseen)."""
    for sentence, got in zip(sentences, found, strict=True):
        if sentence.held_out:
            continue
        for criterion in CRITERIA:
            _, missed, extra = match(sentence.quantities, got, _criterion(criterion))
            if missed or extra:
                print(f"\n[{criterion}] {sentence.text}")
                for g in missed:
                    print(f"   missed {_show(sentence.quantities[g])}")
                for f in extra:
                    print(f"   extra  {_show(got[f])}")
                break


def _criterion(name: str):
    from quantity_fixture import MATCHES

    return MATCHES[name]


def _show(q: Quantity) -> str:
    value = f"{q.low:g}..{q.high:g}" if q.low is not None else f"{q.value:g}"
    return f"{value} {q.unit or '-'} {q.direction or ''} {q.qualifier} per={q.per} c={q.counted}"


def _baseline_module():
    """The statistics step as it was at BASELINE, with the sentence splitter of that time."""
    out = BENCH_DIR / "out"
    out.mkdir(parents=True, exist_ok=True)
    names = {}
    for name in ("text", "statistics"):
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{BASELINE}:src/insights/enrich/{name}.py"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        source = source.replace(
            "from insights.enrich.text import", f"from {names.get('text')} import"
        )
        names[name] = f"{name}_{BASELINE}"
        path = out / f"{names[name]}.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(names[name], path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up while it loads
        spec.loader.exec_module(module)
    return module


def throughput(n: int) -> list[str]:
    """Articles per second of the statistics step alone, ours and the baseline's."""
    listing = BENCH_DIR / "out" / f"synth-{n}.csv"
    if not listing.exists():
        synth.write_synthetic_listing(n, listing, seed=0)
    raw = pd.read_csv(listing, keep_default_na=False)
    articles = pd.DataFrame({schema.TITLE: raw["title"], schema.SUMMARY: raw["summary"]})
    steps = {"ours": statistics.enrich, f"baseline ({BASELINE})": _baseline_module().enrich}
    wall = dict.fromkeys(steps, float("inf"))
    cpu = dict.fromkeys(steps, float("inf"))
    figures = {}
    for _ in range(2):  # alternating, best of two: the machine is shared
        for name, step in steps.items():
            started, started_cpu = time.perf_counter(), time.process_time()
            out = step(articles, None)
            wall[name] = min(wall[name], time.perf_counter() - started)
            cpu[name] = min(cpu[name], time.process_time() - started_cpu)
            figures[name] = int(out[schema.STATISTICS].map(len).sum())
            print(f"  {name}: {wall[name]:.1f} s", file=sys.stderr, flush=True)
    base = f"baseline ({BASELINE})"
    lines = [
        f"| statistics step on {n:,} synthetic articles | wall s | articles/s | CPU s | "
        "articles/CPU s | figures | vs baseline (CPU) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in steps:
        lines.append(
            f"| {name} | {wall[name]:.1f} | {n / wall[name]:,.0f} | {cpu[name]:.1f} | "
            f"{n / cpu[name]:,.0f} | {figures[name]:,} | {cpu[base] / cpu[name]:.2f}× |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000, help="for throughput")
    parser.add_argument("--skip-quantulum", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print development-set errors")
    args = parser.parse_args(argv)

    sentences = load()
    runs = {"ours": [ours(s.text) for s in sentences]}
    if args.errors:
        print_errors(sentences, runs["ours"])
        return 0
    if not args.skip_quantulum:
        runs["quantulum3 0.10"] = quantulum([s.text for s in sentences])
    print("\n## Key figures: quantities in news sentences\n")
    print("\n".join(sources_table(sentences)))
    print()
    print("\n".join(score_table(sentences, runs)))
    if not args.skip_throughput:
        print()
        print("\n".join(throughput(args.articles)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
