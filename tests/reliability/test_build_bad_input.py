"""A generated corpus of broken and hostile input to `insights build`, run as a user runs it.

Every case asserts the exit code, one line on stderr when it fails, no traceback anywhere, and
that every input item is in the dataset or in its build report.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from insights import schema, store, synth

import build_runs
from build_runs import LISTING, LISTING_ITEMS, json_text, one_line_error


def _good(tmp: Path) -> Path:
    shutil.copy(LISTING, tmp / "good.txt")
    return Path("good.txt")


def _write(tmp: Path, name: str, content: bytes | str) -> Path:
    data = content.encode() if isinstance(content, str) else content
    (tmp / name).write_bytes(data)
    return Path(name)


def nested_json(tmp):
    return [_write(tmp, "deep.json", "[" * 100_000 + "]" * 100_000)], 0


def json_wrong_types(tmp):
    records = [
        {"title": "A real headline about children", "summary": "A real summary of the work."},
        {"title": 5, "summary": ["a", "list"]},
        {"title": None, "summary": None},
        "a string where an object belongs",
        {"title": {"nested": 1}, "summary": True},
        {"title": "Another headline", "summary": "Another summary.", "date": 20180101},
        {"title": "Third headline", "summary": "Third summary.", "url": ["x"]},
    ]
    return [_write(tmp, "news.json", json_text(records))], len(records)


def json_object_of_wrong_shape(tmp):
    return [_write(tmp, "news.json", json_text({"items": {"title": "not a list"}}))], 0


def csv_with_a_nul_byte(tmp):
    rows = "title,summary\nFirst headline,First summary.\nSec\0ond,Second summary.\nThird,Third.\n"
    return [_write(tmp, "news.csv", rows)], 3


def csv_unterminated_quote(tmp):
    rows = 'title,summary\n"First headline,First summary.\nSecond,Second summary.\nThird,Third.\n'
    return [_write(tmp, "news.csv", rows)], 3


def symlink_loop(tmp):
    (tmp / "loop-a.txt").symlink_to("loop-b.txt")
    (tmp / "loop-b.txt").symlink_to("loop-a.txt")
    return [_good(tmp), Path("loop-a.txt")], LISTING_ITEMS


def symlink_loop_alone(tmp):
    (tmp / "loop-a.txt").symlink_to("loop-b.txt")
    (tmp / "loop-b.txt").symlink_to("loop-a.txt")
    return [Path("loop-a.txt")], 0


def a_directory(tmp):
    (tmp / "folder").mkdir()
    return [_good(tmp), Path("folder")], LISTING_ITEMS


def a_directory_alone(tmp):
    (tmp / "folder").mkdir()
    return [Path("folder")], 0


def missing_file(tmp):
    return [_good(tmp), Path("no-such-file.txt")], LISTING_ITEMS


def binary_garbage(tmp):
    return [_write(tmp, "news.txt", bytes(range(256)) * 64)], 0


def utf16_without_bom(tmp):
    return [_write(tmp, "news.txt", LISTING.read_text().encode("utf-16-le"))], LISTING_ITEMS


def cr_only_line_ends(tmp):
    text = LISTING.read_text().replace("\r\n", "\n").replace("\n", "\r")
    return [_write(tmp, "news.txt", text)], LISTING_ITEMS


def deep_html(tmp):
    items = "".join(
        f"<article><h2>Headline number {i}</h2><p>Summary number {i} of the work.</p></article>"
        for i in range(1, 4)
    )
    html = f"<html><body>{'<div>' * 10_000}{items}{'</div>' * 10_000}</body></html>"
    return [_write(tmp, "news.html", html)], 3


def five_mb_line(tmp):
    # one paragraph: one item, kept or left out with a reason
    return [_good(tmp), _write(tmp, "long.txt", "word " * 1_000_000)], LISTING_ITEMS + 1


def same_listing_twice(tmp):
    good = _good(tmp)
    shutil.copy(tmp / good, tmp / "copy.txt")
    return [good, Path("copy.txt")], 2 * LISTING_ITEMS


def rows_without_text(tmp):
    # found by tests/reliability/test_readers_property.py: such rows became empty articles
    rows = "title,summary\nA good headline,A good summary.\n,READ MORE\n , \n"
    return [_write(tmp, "news.csv", rows)], 3


@dataclass(frozen=True)
class Case:
    make: Callable[[Path], tuple[list[Path], int]]  # → (sources, genuine items in them)
    code: int
    words: str = ""  # in the one-line error (failures) or the build report (successes)
    xfail: str = ""


CASES = {
    "nested JSON": Case(nested_json, 1, "deep.json"),
    "JSON with wrong types": Case(json_wrong_types, 0),
    "JSON object of the wrong shape": Case(json_object_of_wrong_shape, 1, "news.json"),
    "CSV with a NUL byte": Case(csv_with_a_nul_byte, 0),
    "CSV with an unterminated quote": Case(csv_unterminated_quote, 0),
    "CSV rows without text": Case(rows_without_text, 0),
    "symlink loop beside a listing": Case(symlink_loop, 0, "loop-a.txt"),
    "symlink loop alone": Case(symlink_loop_alone, 1, "loop-a.txt"),
    "a directory beside a listing": Case(a_directory, 0, "folder"),
    "a directory alone": Case(a_directory_alone, 1, "folder"),
    "a missing file beside a listing": Case(missing_file, 0, "no-such-file.txt"),
    "binary garbage": Case(binary_garbage, 1, "news.txt"),
    "UTF-16 without a BOM": Case(utf16_without_bom, 0),
    "CR-only line ends": Case(cr_only_line_ends, 0),
    "HTML nested 10,000 deep": Case(deep_html, 0),
    "a 5 MB line beside a listing": Case(five_mb_line, 0),
    "the same listing twice": Case(same_listing_twice, 0),
}


PARAMS = [
    pytest.param(c, id=name, marks=[pytest.mark.xfail(strict=True, reason=c.xfail)] * bool(c.xfail))
    for name, c in CASES.items()
]


@pytest.mark.parametrize("case", PARAMS)
def test_bad_input_gives_one_line_or_a_full_account(tmp_path, case: Case):
    sources, items = case.make(tmp_path)
    run = build_runs.build(tmp_path, *sources)
    assert "Traceback" not in run.stdout + run.stderr, run.stderr
    assert run.code == case.code, run.stderr
    if case.code:
        assert case.words in one_line_error(run)
        assert not run.out.exists()
        return
    assert run.accounted() == items, run.report
    titles = store.read_dataset(run.out).table.column(schema.TITLE).to_pylist()
    assert all(t.strip() for t in titles), "an article without a title"
    unreadable = " ".join(s["source"] + s["reason"] for s in run.report["unreadable_sources"])
    assert case.words in unreadable


def test_rows_without_text_are_left_out_with_their_reason(tmp_path):
    sources, _ = rows_without_text(tmp_path)
    run = build_runs.build(tmp_path, *sources)
    reasons = sorted(r["reason"] for r in run.report["left_out"])
    assert run.report["articles"] == 1, run.report
    assert reasons == [
        "CSV row 3 has no title or summary, only a read-more marker",
        "CSV row 4 has no title or summary",
    ], run.report


def test_a_file_that_vanishes_as_it_is_read_is_reported(tmp_path):
    good, vanishing = _good(tmp_path), _write(tmp_path, "vanishing.txt", LISTING.read_text())
    run = build_runs.build(tmp_path, good, vanishing, vanish=vanishing)
    assert run.code == 0 and "Traceback" not in run.stderr, run.stderr
    assert not (tmp_path / vanishing).exists()  # it really went
    (unreadable,) = run.report["unreadable_sources"]
    assert unreadable["source"] == "vanishing.txt" and "\n" not in unreadable["reason"]
    assert run.accounted() == LISTING_ITEMS


def test_the_only_source_vanishing_is_one_line(tmp_path):
    vanishing = _write(tmp_path, "vanishing.txt", LISTING.read_text())
    assert "vanishing.txt" in one_line_error(
        build_runs.build(tmp_path, vanishing, vanish=vanishing)
    )


def test_an_unwritable_out_folder_fails_before_reading_anything(tmp_path):
    good = _good(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    try:
        run = build_runs.build(tmp_path, good, out="locked/articles.parquet", no_override=True)
    finally:
        locked.chmod(0o755)
    assert "cannot write in" in one_line_error(run) and "locked" in run.stderr
    assert str((tmp_path / good).resolve()) not in run.opened  # refused before the read
    assert list(locked.iterdir()) == []


@pytest.mark.parametrize(
    ("out", "words"),
    [("good.txt", "is the input"), (".", "is a folder"), ("good.txt/x.parquet", "not a folder")],
    ids=["--out is the source", "--out is a folder", "--out under a file"],
)
def test_a_bad_out_fails_before_reading_anything(tmp_path, out, words):
    good = _good(tmp_path)
    before = (tmp_path / good).read_bytes()
    run = build_runs.build(tmp_path, good, out=out)
    assert words in one_line_error(run)
    assert str((tmp_path / good).resolve()) not in run.opened
    assert (tmp_path / good).read_bytes() == before


def test_a_full_disk_keeps_the_previous_dataset(tmp_path):
    first = build_runs.build(tmp_path, _good(tmp_path))
    assert first.code == 0, first.stderr
    version = store.read_dataset(first.out).version
    bigger = synth.write_synthetic_listing(3_000, tmp_path / "bigger.csv", seed=1)
    limit = os.path.getsize(first.out) + 1024  # the old file fits, the new one cannot
    run = build_runs.build(tmp_path, bigger.name, fsize_limit=limit)
    line = one_line_error(run)
    assert "File too large" in line and "previous dataset is unchanged" in line
    assert store.read_dataset(first.out).version == version
    assert not list(tmp_path.glob(".articles.parquet.*.tmp"))
