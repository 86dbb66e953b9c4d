"""Bytes to text: UTF-8 (with or without BOM), UTF-16/32 (BOM), cp1252/Latin-1 for legacy files."""

from __future__ import annotations

import codecs

from insights.ingest.items import SourceError

# Longest BOM first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Magic numbers of files people pick by mistake, named in the error message.
_MAGIC = (
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (or Word/Excel file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PAR1", "a Parquet file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
)

_SAMPLE = 65536
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}


def _utf16_without_bom(sample: bytes) -> str | None:
    """'utf-16-le'/'-be' when every other byte is NUL, as in BOM-less UTF-16 English text."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, chars, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # NULs on one side only (a run of NUL padding has them on both)
        one_sided = zeros.count(0) > 0.4 * len(zeros) and chars.count(0) < 0.1 * len(chars)
        if one_sided and not _mostly_control(chars):
            return encoding
    return None


def _mostly_control(sample: bytes | str) -> bool:
    """More than 5% control characters (NUL and the like; not tab, newlines or form feed)."""
    codes = sample if isinstance(sample, bytes) else sample.encode("latin-1", "replace")
    return sum(b in _CONTROL for b in codes) > 0.05 * len(codes)


def _legacy_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Bytes that are not UTF-8 read as cp1252 (Latin-1 for the five bytes it leaves out)."""
    chunk = error.object[error.start : error.end]
    return "".join(_CP1252.get(b, chr(b)) for b in chunk), error.end


_CP1252 = {
    b: bytes([b]).decode("cp1252") for b in range(128, 256) if b not in b"\x81\x8d\x8f\x90\x9d"
}
codecs.register_error("insights-cp1252", _legacy_bytes)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode a whole file; return (text with '\\n' newlines, encoding used).

    Text without a BOM is read as UTF-8, and any byte that is not UTF-8 as cp1252: a legacy
    file reads as cp1252 throughout, and a UTF-8 file with one pasted Windows quote keeps its
    UTF-8 characters.

    Raises:
        SourceError: for binary content (mostly control characters once NUL bytes are
            set aside, known magic numbers) or only NUL bytes. NULs in text are dropped.
    """
    bom, encoding = next(((b, e) for b, e in _BOMS if data.startswith(b)), (b"", None))
    data = data[len(bom) :]
    encoding = encoding or _utf16_without_bom(data[:_SAMPLE])
    if encoding is None:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise SourceError(f"{name} is {kind}, not a text listing")
        # NUL bytes alone do not make a file binary (a pasted NUL, a file padded with zeros
        # after a crash): what is around them does.
        sample = data[:_SAMPLE].replace(b"\x00", b"")
        if not sample.strip() and b"\x00" in data[:_SAMPLE] and not data.strip(b"\x00\t\n\r "):
            raise SourceError(f"{name} holds only NUL bytes, not a text listing")
        if _mostly_control(sample):
            raise SourceError(f"{name} looks like a binary file, not a text listing")
    try:
        text = data.decode(encoding or "utf-8")
    except UnicodeDecodeError:
        if encoding:
            raise SourceError(f"{name} is not valid {encoding} text") from None
        encoding = "utf-8 with cp1252"
        text = data.decode("utf-8", errors="insights-cp1252")
    if "\x00" in text:
        text = text.replace("\x00", "")  # NULs in a text file: the rest is good text
    if _mostly_control(text[:_SAMPLE]):
        raise SourceError(f"{name} looks like a binary file, not a text listing")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding or "utf-8"
