"""Score the reader on the blind held-out pages in bench/holdout3/.

Each NAME.txt here has its expectation in NAME.toml, written by reading the page before the
reader ran on it. The comparison is the one tests/ingest/test_real_pages.py makes (its
`describe` and `want` are imported, not copied): a page passes when the reader finds the
expected number of items, every item's (title or summary start, stated date, cut) matches in
order, and every `left_out` excerpt is among the reader's rejections. "Items matched" counts
expected items whose tuple the reader reproduces at the same position.

Run from the worktree root:  PYTHONPATH=src /work/main/.venv/bin/python bench/holdout3/score.py
(add -v to print each mismatching item).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "ingest"))

from test_real_pages import describe, want  # noqa: E402  (the suite's own comparison)


def pages(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html", ".htm"))


def score(page: Path, verbose: bool) -> tuple[bool, int, int, int]:
    expected = tomllib.loads(page.with_suffix(".toml").read_text(encoding="utf-8"))
    wanted = want(page)
    try:
        got, left_out = describe(page)
    except Exception as error:  # the reader found nothing, or failed
        print(f"FAIL  {page.stem:55s} expected {len(wanted):2d}  read  -  matched  0  ({error})")
        return False, len(wanted), 0, 0
    matched = sum(g == w for g, w in zip(got, wanted, strict=False))
    listed = expected.get("left_out", [])
    missing = [x for x in listed if not any(e.startswith(x) for e in left_out)]
    ok = len(got) == expected["items"] and got == wanted and not missing
    note = f"  left_out not reported: {missing}" if missing else ""
    print(
        f"{'PASS' if ok else 'FAIL'}  {page.stem:55s} expected {len(wanted):2d}  read {len(got):2d}"
        f"  matched {matched:2d}{note}"
    )
    if verbose and not ok:
        for i in range(max(len(got), len(wanted))):
            g = got[i] if i < len(got) else None
            w = wanted[i] if i < len(wanted) else None
            if g != w:
                print(f"        #{i + 1} want {w}\n            read {g}")
    return ok, len(wanted), len(got), matched


def main(folder: Path = HERE) -> None:
    """Score every page in `folder` (the later held-out sets call this with their own)."""
    verbose = "-v" in sys.argv
    passed = items = matched = 0
    found = pages(folder)
    for page in found:
        ok, n, _, m = score(page, verbose)
        passed += ok
        items += n
        matched += m
    print(f"\npages passed {passed}/{len(found)}; items matched {matched}/{items}")


if __name__ == "__main__":
    main()
