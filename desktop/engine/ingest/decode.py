"""Bytes to text: detect the encoding instead of assuming UTF-8."""
from __future__ import annotations

import codecs
import re
import unicodedata

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
    """UTF-16 without a BOM.

    Text in Latin letters shows NULs in every other byte.  Korean, Japanese or
    Russian text has far fewer (only its spaces, newlines, digits and ASCII
    punctuation have a zero high byte), but they are all on one side; then the
    whole file must decode strictly as UTF-16 into plausible text (random
    binary breaks on a lone surrogate or lands in unassigned code points).
    """
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
    # (a CJK ideograph such as U+4E00 has a zero low byte now and then)
    if odd_nuls >= max(2, 0.01 * half) and even_nuls * 2 < odd_nuls:
        candidate = "utf-16-le"
    elif even_nuls >= max(2, 0.01 * half) and odd_nuls * 2 < even_nuls:
        candidate = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(candidate)
    except UnicodeDecodeError:
        return None
    return candidate if _plausible_text(text) else None


def _plausible_text(text: str) -> bool:
    sample = text[:20000]
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Cn", "Co", "Cs")
              or (ord(ch) < 32 and ch not in _ALLOWED_CONTROLS))
    return odd <= len(sample) // 200


# Well-formed UTF-8 multi-byte sequences.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
MIXED = "utf-8 with cp1252"  # UTF-8 text with Windows-1252 bytes pasted in


def _cp1252_fallback(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Decode one byte that is not UTF-8 as Windows-1252 and go on as UTF-8."""
    byte = exc.object[exc.start:exc.start + 1]
    try:
        return byte.decode("cp1252"), exc.start + 1
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return "\ufffd", exc.start + 1


codecs.register_error("parallax-cp1252", _cp1252_fallback)


def mixed_encoding_note(data: bytes) -> str | None:
    """A warning for a file that mixes UTF-8 and Windows-1252, else None."""
    if detect_encoding(data) != MIXED:
        return None
    text = data.decode("utf-8", errors="parallax-cp1252")
    strict = data.decode("utf-8", errors="ignore")
    fallback = len(text) - len(strict)
    return (f"the file mixes two text encodings (UTF-8 and Windows-1252); {fallback} "
            f"character{'s' if fallback != 1 else ''} were read as Windows-1252, check quotes "
            "and accents")


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
    if _UTF8_SEQUENCE.search(data):
        # Some of it is UTF-8 ("’" as E2 80 99) and some is not (a cp1252 “ as
        # 93): read it as UTF-8 and only the odd bytes as cp1252.  Read as one
        # cp1252 file, the UTF-8 parts become mojibake, and with a 9D byte in
        # them the latin-1 fallback turns the cp1252 quotes into C1 controls.
        return MIXED
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
        if encoding == MIXED:
            text = payload.decode("utf-8", errors="parallax-cp1252")
        else:
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
