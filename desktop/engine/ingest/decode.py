"""Bytes to text: detect the encoding instead of assuming UTF-8."""
from __future__ import annotations

import codecs

from ..errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never appear in prose; their presence means binary.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f", "\v"}


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows as NULs in every other byte of ASCII text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def detect_encoding(data: bytes) -> str:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _guess_utf16(data)
    if utf16:
        return utf16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte.
        return "latin-1"


def decode_bytes(data: bytes, source: str) -> str:
    """Decode ``data`` or raise :class:`IngestError` naming ``source``."""
    if not data.strip():
        raise IngestError(source, "the file is empty")
    encoding = detect_encoding(data)
    payload = data
    for bom, name in _BOMS:
        if name == encoding and data.startswith(bom):
            payload = data[len(bom):]
    try:
        text = payload.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(source, f"cannot decode the text ({encoding}: {exc.reason})") from None
    if not text.strip():
        raise IngestError(source, "the file is empty")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in _ALLOWED_CONTROLS)
    if "\x00" in sample or controls > max(2, len(sample) // 200):
        raise IngestError(source, "this looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")
