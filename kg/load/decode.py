"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK)."""

from __future__ import annotations

import codecs

ENCODINGS = ("utf-8", "gb18030")


def decode(data: bytes) -> str:
    """The text of a file's bytes; raises UnicodeDecodeError when no supported encoding fits."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    last: UnicodeDecodeError | None = None
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            last = exc
    assert last is not None
    raise last
