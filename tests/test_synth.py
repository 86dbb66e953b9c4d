"""The synthetic listing: deterministic, the right size, plain CSV, 15 years newest first."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from insights.synth import write_synthetic_listing


def _rows(path):
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("n", [1, 7, 2_000])
def test_writes_n_rows_with_the_listing_columns(tmp_path, n):
    rows = _rows(write_synthetic_listing(n, tmp_path / "listing.csv"))
    assert len(rows) == n
    assert list(rows[0]) == ["title", "summary", "date", "url"]
    assert all(r["title"] and r["summary"] and r["url"] for r in rows)
    assert len({r["url"] for r in rows}) == n


def test_same_seed_same_file_other_seed_other_file(tmp_path):
    a = write_synthetic_listing(500, tmp_path / "a.csv", seed=3).read_bytes()
    b = write_synthetic_listing(500, tmp_path / "b.csv", seed=3).read_bytes()
    c = write_synthetic_listing(500, tmp_path / "c.csv", seed=4).read_bytes()
    assert a == b
    assert a != c


def test_dates_are_iso_newest_first_over_about_15_years(tmp_path):
    rows = _rows(write_synthetic_listing(5_000, tmp_path / "listing.csv"))
    dates = [date.fromisoformat(r["date"]) for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert 14 * 365 <= (dates[0] - dates[-1]).days <= 15 * 365


def test_text_reads_like_campaign_news(tmp_path):
    rows = _rows(write_synthetic_listing(3_000, tmp_path / "listing.csv"))
    text = " ".join(r["title"] + " " + r["summary"] for r in rows)
    for phrase in ("county lines", "National Crime Agency", "as young as", "% rise", "ECPAT UK"):
        assert phrase in text
    lengths = {len(r["summary"].split()) for r in rows}
    assert min(lengths) < 25 < max(lengths)
