"""A small RTF-to-text converter: enough for articles saved from word processors.

Handles groups, control words and symbols, ``\\par``/``\\line``, ``\\'hh``
bytes in the document's code page, ``\\uN`` Unicode with its ``\\ucN``
fallback count, ``\\bin``, and skips destinations that are not body text
(font and colour tables, style sheets, document info, pictures, fields'
instructions, anything starred).  The title comes from ``\\info\\title``.
"""
from __future__ import annotations

import re

from ..errors import IngestError

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word with optional parameter
    rb"|\\'([0-9a-fA-F]{2})"  # hex byte
    rb"|\\([^a-zA-Z])"  # control symbol
    rb"|([{}])"  # group
    rb"|[\r\n]+"  # ignorable line breaks in the source
    rb"|([^\\{}\r\n]+)",  # plain text
    re.DOTALL)

_SKIP_DESTINATIONS = {
    b"fonttbl", b"colortbl", b"stylesheet", b"info", b"pict", b"object", b"header",
    b"footer", b"headerl", b"headerr", b"headerf", b"footerl", b"footerr", b"footerf",
    b"footnote", b"listtable", b"listoverridetable", b"revtbl", b"rsidtbl", b"generator",
    b"xmlnsdecl", b"themedata", b"colorschememapping", b"latentstyles", b"datastore",
    b"pgdsctbl", b"fldinst", b"filetbl", b"mmathPr", b"wgrffmtfilter", b"nonshppict",
    b"shpinst", b"xe", b"tc", b"bkmkstart", b"bkmkend", b"annotation", b"atnid",
    b"atnauthor", b"private", b"userprops", b"docvar", b"operator", b"author",
    b"company", b"subject", b"keywords", b"comment", b"doccomm", b"creatim", b"revtim",
    b"printim", b"buptim",
}
_SYMBOLS = {
    b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"row": "\n", b"cell": " ",
    b"tab": "\t", b"emdash": "—", b"endash": "–", b"lquote": "‘", b"rquote": "’",
    b"ldblquote": "“", b"rdblquote": "”", b"bullet": "•", b"emspace": " ", b"enspace": " ",
    b"qmspace": " ",
}
MAX_DEPTH = 500


def _codec(number: int | None) -> str:
    if number is None:
        return "cp1252"
    name = {10000: "mac_roman", 65001: "utf-8", 437: "cp437", 850: "cp850"}.get(number, f"cp{number}")
    try:
        "".encode(name)
        return name
    except LookupError:
        return "cp1252"


def rtf_to_text(data: bytes, source: str) -> tuple[str, dict[str, str | None]]:
    if not data.lstrip()[:5] == b"{\\rtf":
        raise IngestError(source, "this is not an RTF file (it does not start with {\\rtf)")
    codec = "cp1252"
    out: list[str] = []
    pending = bytearray()  # bytes awaiting decoding in the code page
    title_parts: list[str] = []
    # Group state: (skipping, uc count, in title)
    skip, uc, in_title = False, 1, False
    stack: list[tuple[bool, int, bool]] = []
    to_skip = 0  # fallback characters still to drop after a \uN
    first_in_group = False

    def emit(text: str) -> None:
        if pending:
            flush()
        (title_parts if in_title else out).append(text)

    def flush() -> None:
        text = bytes(pending).decode(codec, errors="replace")
        pending.clear()
        (title_parts if in_title else out).append(text)

    pos, end = 0, len(data)
    while pos < end:
        match = _TOKEN.match(data, pos)
        if match is None:  # a lone backslash at the very end
            break
        pos = match.end()
        word, param, hexbyte, symbol, brace, plain = match.groups()
        if not any((word, hexbyte, symbol, brace, plain)):
            continue  # source line breaks mean nothing in RTF
        was_first = first_in_group
        first_in_group = False
        if brace is not None:
            if pending:
                flush()
            if brace == b"{":
                if len(stack) >= MAX_DEPTH:
                    raise IngestError(source, "the RTF file nests groups too deeply")
                stack.append((skip, uc, in_title))
                first_in_group = True
            elif stack:
                skip, uc, in_title = stack.pop()
            to_skip = 0
            continue
        if word is not None:
            if word == b"bin":
                # Binary data follows; skipped by length, never decoded.
                pos += max(0, int(param or 0))
                continue
            if word == b"ansicpg" and param:
                codec = _codec(int(param))
                continue
            if word == b"uc" and param:
                uc = max(0, int(param))
                continue
            if word == b"u" and param is not None:
                value = int(param)
                if value < 0:
                    value += 65536
                if not 0 <= value <= 0x10FFFF:
                    # No character has this number: the writer's fallback text stands.
                    to_skip = 0
                    continue
                if not skip:
                    emit(chr(value))
                to_skip = uc
                continue
            if word == b"title" and stack and not skip:
                in_title = True
                continue
            if word in _SKIP_DESTINATIONS or (word == b"info"):
                if word == b"info":
                    # \info holds \title, which is read; the rest of it is skipped
                    continue
                if was_first or word in (b"fonttbl", b"colortbl", b"stylesheet"):
                    skip = True
                continue
            if skip:
                continue
            if word in _SYMBOLS:
                if to_skip:
                    to_skip -= 1
                    continue
                emit(_SYMBOLS[word])
            continue
        if hexbyte is not None:
            if to_skip:
                to_skip -= 1
                continue
            if not skip:
                pending.append(int(hexbyte, 16))
            continue
        if symbol is not None:
            if symbol == b"*":
                skip = True
                continue
            if skip:
                continue
            if symbol in (b"\\", b"{", b"}"):
                char = symbol.decode()
            elif symbol == b"~":
                char = "\u00a0"
            elif symbol == b"_":
                char = "-"
            elif symbol in (b"\n", b"\r"):
                char = "\n"
            else:  # \- optional hyphen, \| \: and others: nothing visible
                continue
            if to_skip:
                to_skip -= 1
                continue
            emit(char)
            continue
        if plain is not None:
            if skip:
                continue
            if to_skip:
                drop = min(to_skip, len(plain))
                plain = plain[drop:]
                to_skip -= drop
            if plain:
                pending.extend(plain)
    if pending:
        flush()
    text = "".join(out)
    text = "\n".join(line.strip() for line in text.split("\n"))
    title = " ".join("".join(title_parts).split()) or None
    return text, {"title": title}
