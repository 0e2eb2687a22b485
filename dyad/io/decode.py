"""Bytes to text: refuse what is not text (binary, bad encodings), honour byte-order marks."""

from __future__ import annotations

import codecs

from dyad.errors import DyadError, Errors

MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"PK\x03\x04", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"\x7fELF", "ELF"),
    (b"RIFF", "RIFF"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
)
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, limit: int | None = None) -> str:
    """Decode a document's bytes, or raise ``DyadError`` (E001, E002, E003, E009)."""
    if limit is not None and len(data) > limit:
        raise DyadError(Errors.E009, size=len(data), limit=limit)
    if not data.strip():
        raise DyadError(Errors.E001)
    for magic, kind in MAGIC:
        if data.startswith(magic):
            raise DyadError(Errors.E002, kind=kind)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                raise DyadError(Errors.E003, detail=f"{encoding}: {e.reason} at byte {e.start}") from e
            return check_text(text)
    if b"\x00" in data[:8192]:
        raise DyadError(Errors.E002, kind="NUL-containing")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise DyadError(Errors.E003, detail=f"not UTF-8 ({e.reason} at byte {e.start})") from e
    return check_text(text)


def check_text(text: str, limit: int | None = None) -> str:
    """Refuse empty text and text that is mostly control characters (binary decoded as text)."""
    if limit is not None and len(text) > limit:
        raise DyadError(Errors.E009, size=len(text), limit=limit)
    if not text.strip():
        raise DyadError(Errors.E001)
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f\v")
    if controls > max(8, len(sample) // 20) or "\x00" in sample:
        raise DyadError(Errors.E002, kind="control-character")
    return text
