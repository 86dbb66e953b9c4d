"""Format detection: by extension for HTML, CSV and JSON; by content for text and the rest."""

from __future__ import annotations

import pytest

from insights.ingest import read_source
from insights.ingest.source import detect_format

FORMATS = [
    (".html", "anything", "html"),
    (".HTM", "anything", "html"),
    (".csv", "anything", "csv"),
    (".tsv", "anything", "csv"),
    (".jsonl", "anything", "json"),
    (".ndjson", "anything", "json"),
    (".txt", "Headline\n\nSummary.Read more", "text"),
    (".md", "Headline\n\nSummary.", "text"),
    (".txt", "<!DOCTYPE html><html><body>…", "text"),  # a .txt is text, markup and all
    ("", "  <html lang='en'><body>", "html"),
    ("", '<div class="news-item"><h2>A</h2>', "html"),
    (".txt", "<3 trafficking survivors\n\nSummary.", "text"),
    ("", '[{"title": "A"}]', "json"),
    (".dat", '{"items": []}', "json"),
    ("", "title,summary,date\nA,B,C", "csv"),
    ("", "Headline, with a comma\n\nSummary.", "text"),
    (".txt", "[Home] [News]\n\nHeadline\n\nSummary.", "text"),
]


@pytest.mark.parametrize(("suffix", "content", "expected"), FORMATS)
def test_detect_format(suffix, content, expected):
    assert detect_format(suffix, content) == expected


def test_source_is_the_path_as_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").write_text("title,summary\nA,B.\n", encoding="utf-8")
    listing = read_source("news")
    assert listing.source == "news"
    assert listing.format == "csv"
    assert listing.items[0].source == "news"
