"""The corpora the story tests share: a built synthetic multi-publisher listing and a small
hand-made one with known words."""

from __future__ import annotations

from pathlib import Path

import pytest

from insights import pipeline, serving, synth

import fixtures

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    """600 synthetic articles from three publishers, built by the real pipeline."""
    folder = tmp_path_factory.mktemp("synthetic")
    listing = synth.write_synthetic_listing(600, folder / "listing.csv", seed=3, publishers=3)
    out = folder / "articles.parquet"
    pipeline.build([listing], out, taxonomy_path=REPO / "data" / "taxonomy.toml")
    return serving.load(out)


WORDED = [
    ("County lines gangs in Telford", "Gangs groom children in Telford for county lines."),
    ("Telford county lines trial", "A trial over county lines gangs opens in Telford."),
    ("Online grooming rises", "Police warn of online grooming of children."),
    ("Grooming online: a guide", "Parents learn how online grooming starts."),
    ("Orphanage tourism warning", "Volunteers told to avoid orphanage tourism abroad."),
    ("Modern slavery act review", "The review of the modern slavery act is published."),
    ("Cuckooing in rural towns", "Gangs take over homes in rural towns, known as cuckooing."),
]


@pytest.fixture(scope="session")
def worded(tmp_path_factory):
    """Seven articles with known words (no themes)."""
    path = tmp_path_factory.mktemp("worded") / "articles.parquet"
    rows = [fixtures.article(t, s, position=i + 1) for i, (t, s) in enumerate(WORDED)]
    return serving.load(fixtures.write(path, rows))
