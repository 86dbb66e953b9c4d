"""Input a user may hand over by mistake: each is one clear line, never a traceback."""

from __future__ import annotations

import codecs

import pytest

from insights.ingest import SourceError, read_source, source
from insights.ingest.decoding import decode

LISTING = "Café headline\n\nA summary about the café’s work.Read more\n"

BAD = [
    ("empty file", "news.txt", b"", "is empty"),
    ("only whitespace", "news.txt", b"  \n\n\t\n", "is empty"),
    ("binary", "news.txt", bytes(range(256)) * 8, "binary"),
    ("PDF", "news.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF"),
    ("zip", "news.csv", b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ("no items", "news.txt", b"Home\nAbout us\nContact\n", "no news items"),
    (
        "only navigation",
        "news.txt",
        "Skip to content\nHome > News\nHome | About | News\nFollow us\n© 2018 ECPAT".encode(),
        "no news items",
    ),
    ("HTML with no items", "news.html", b"<html><body><nav>Home</nav></body></html>", "no news"),
    ("CSV without columns", "news.csv", b"id,colour\n1,red\n", "columns found: id, colour"),
    ("CSV with header only", "news.csv", b"title,summary\n", "no usable items"),
    ("broken JSON", "news.json", b'{"items": [', "not valid JSON"),
    ("BOM only", "news.txt", codecs.BOM_UTF8, "has no text"),
]


@pytest.mark.parametrize(
    ("name", "content", "message"), [c[1:] for c in BAD], ids=[c[0] for c in BAD]
)
def test_bad_files_are_one_line_source_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as err:
        read_source(path)
    assert "\n" not in str(err.value)
    assert str(path) in str(err.value)


def test_directory(tmp_path):
    with pytest.raises(SourceError, match="is a directory") as err:
        read_source(tmp_path)
    assert "\n" not in str(err.value)


def test_missing_path(tmp_path):
    with pytest.raises(SourceError, match="does not exist") as err:
        read_source(str(tmp_path / "nope.txt"))
    assert "\n" not in str(err.value)


def test_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(source, "MAX_BYTES", 10)
    path = tmp_path / "news.txt"
    path.write_text(LISTING, encoding="utf-8")
    with pytest.raises(SourceError, match="over the 10 bytes limit") as err:
        read_source(path)
    assert "\n" not in str(err.value)


ENCODINGS = [
    ("UTF-8", LISTING.encode("utf-8")),
    ("UTF-8 with BOM", codecs.BOM_UTF8 + LISTING.encode("utf-8")),
    ("UTF-16 with BOM", LISTING.encode("utf-16")),
    ("UTF-16-BE with BOM", codecs.BOM_UTF16_BE + LISTING.encode("utf-16-be")),
    ("UTF-16-LE without BOM", LISTING.encode("utf-16-le")),
    ("cp1252", LISTING.encode("cp1252")),
    ("Latin-1", LISTING.replace("’", "'").encode("latin-1")),
]


@pytest.mark.parametrize("content", [c[1] for c in ENCODINGS], ids=[c[0] for c in ENCODINGS])
def test_encodings_decode_to_the_same_text(tmp_path, content):
    path = tmp_path / "news.txt"
    path.write_bytes(content)
    (item,) = read_source(path).items
    assert item.title == "Café headline"
    assert item.summary.replace("'", "’") == "A summary about the café’s work."


def test_utf8_with_a_stray_cp1252_byte_keeps_both():
    text, encoding = decode("Café – ".encode() + "‘quoted’".encode("cp1252"), "x.txt")
    assert text == "Café – ‘quoted’"
    assert encoding == "utf-8 with cp1252"
