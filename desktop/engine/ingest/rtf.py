"""A small RTF-to-text converter: enough for articles saved from word processors.

Handles groups, control words and symbols, ``\\par``/``\\line``, ``\\'hh``
bytes in the code page of the font in use (``\\fcharsetN`` or ``\\cpgN`` in the
font table, else the document's ``\\ansicpgN``), ``\\uN`` Unicode with its
``\\ucN`` fallback count, ``\\bin``, table cells and rows (nested ones too: a
cell ends with a tab, a row with a line), and hyperlink fields (the visible text,
then the address in parentheses unless the text already is the address).  It
skips destinations that are not body text (font and colour tables, style sheets,
document info but its title, the generator, pictures, fields' instructions,
anything starred) and Aspose.Words' evaluation notices.  The title comes from
``\\info\\title``.
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
    b"xmlnsdecl", b"xmlnstbl", b"themedata", b"colorschememapping", b"latentstyles",
    b"datastore", b"pgdsctbl", b"fldinst", b"filetbl", b"mmathPr", b"wgrffmtfilter",
    b"nonshppict", b"shpinst", b"xe", b"tc", b"bkmkstart", b"bkmkend", b"annotation",
    b"atnid", b"atnauthor", b"atndate", b"atnref", b"atntime", b"atnicn", b"atnparent",
    b"private", b"userprops", b"docvar", b"operator", b"author", b"manager", b"category",
    b"company", b"subject", b"keywords", b"comment", b"doccomm", b"hlinkbase", b"creatim",
    b"revtim", b"printim", b"buptim", b"template", b"nonesttables", b"nesttableprops",
    b"panose", b"falt", b"fontemb", b"fontfile", b"protusertbl", b"passwordhash",
    b"password", b"windowcaption", b"writereservation", b"writereservhash", b"pgptbl",
    b"listpicture", b"blipuid", b"picprop", b"objdata", b"objclass", b"objname",
    b"datafield", b"formfield", b"ffname", b"ffdeftext", b"ffhelptext", b"ffstattext",
    b"ffformat", b"ffentrymcr", b"ffexitmcr", b"ffl", b"defchp", b"defpap", b"aftncn",
    b"aftnsep", b"aftnsepc", b"ftncn", b"ftnsep", b"ftnsepc", b"gridtbl", b"mmath",
}
_SYMBOLS = {
    b"par": "\n", b"line": "\n", b"sect": "\n", b"page": "\n", b"row": "\n",
    b"nestrow": "\n", b"cell": "\t", b"nestcell": "\t",
    b"tab": "\t", b"emdash": "—", b"endash": "–", b"lquote": "‘", b"rquote": "’",
    b"ldblquote": "“", b"rdblquote": "”", b"bullet": "•", b"emspace": " ", b"enspace": " ",
    b"qmspace": " ",
}
# \fcharsetN of the font table: the Windows code page of the font's bytes.  0 (ANSI),
# 1 (default) and 2 (symbol) leave the document's own code page in force.
_CHARSETS = {
    77: "mac_roman", 128: "cp932", 129: "cp949", 130: "cp1361", 134: "cp936", 136: "cp950",
    161: "cp1253", 162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256",
    186: "cp1257", 204: "cp1251", 222: "cp874", 238: "cp1250", 254: "cp437", 255: "cp850",
}
# Aspose.Words writes these into documents made by its evaluation version.
_ASPOSE_NOTICE = re.compile(
    r"^(Evaluation Only\. Created with Aspose\.[\w.]+\. Copyright 20\d\d-20\d\d Aspose Pty Ltd\."
    r"|Created with an evaluation copy of Aspose\.[\w.]+\..*"
    r"|This document was truncated here because it was created in the Evaluation Mode\.)$")
_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+(?:"([^"]*)"|(\S+))', re.IGNORECASE)
MAX_DEPTH = 500


def _codec(number: int | None) -> str:
    if number is None:
        return "cp1252"
    name = {10000: "mac_roman", 65001: "utf-8", 437: "cp437", 850: "cp850"}.get(number, f"cp{number}")
    try:
        "".encode(name)
        return name
    except (LookupError, ValueError):
        return "cp1252"


def _same_link(text: str, url: str) -> bool:
    """Whether the visible text of a link already says its address."""
    def bare(value: str) -> str:
        value = value.strip().lower()
        value = re.sub(r"^(?:https?://|mailto:)", "", value)
        value = value[4:] if value.startswith("www.") else value
        return value.rstrip("/")
    return bare(text) == bare(url)


def rtf_to_text(data: bytes, source: str) -> tuple[str, dict[str, str | None]]:
    if not data.lstrip()[:5] == b"{\\rtf":
        raise IngestError(source, "this is not an RTF file (it does not start with {\\rtf)")
    doc_codec = "cp1252"
    font_codecs: dict[int, str] = {}  # font number -> code page of its bytes
    defining_font: int | None = None  # the font the font table is describing
    default_font: int | None = None
    out: list[str] = []
    pending = bytearray()  # bytes awaiting decoding in the code page
    title_parts: list[str] = []
    # Group state: skipping, \uc count, in the title, font in use, destination
    # (b"fonttbl", b"fldinst", b"info" or None), index in ``fields`` of the open field
    skip, uc, in_title, font, dest, field = False, 1, False, None, None, -1
    stack: list[tuple] = []
    # Open and finished hyperlink fields: [url or None, where its visible text starts, depth]
    fields: list[list] = []
    instruction = bytearray()  # a field's instruction text, read from its \fldinst
    to_skip = 0  # fallback characters still to drop after a \uN
    first_in_group = False

    def codec() -> str:
        return font_codecs.get(font, doc_codec) if font is not None else doc_codec

    def emit(text: str) -> None:
        if pending:
            flush()
        (title_parts if in_title else out).append(text)

    def flush() -> None:
        text = bytes(pending).decode(codec(), errors="replace")
        pending.clear()
        (title_parts if in_title else out).append(text)

    def close_field(entry: list) -> None:
        url, begin = entry[0], entry[1]
        if url and begin is not None:
            shown = "".join(out[begin:])
            if shown.strip() and not _same_link(shown, url):
                out.append(f" ({url})")

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
                stack.append((skip, uc, in_title, font, dest, field))
                first_in_group = True
            elif stack:
                closing_dest, closing_field = dest, field
                skip, uc, in_title, font, dest, field = stack.pop()
                if closing_dest == b"fldinst" and dest != b"fldinst" and closing_field >= 0:
                    found = _HYPERLINK.match(instruction.decode("latin-1"))
                    instruction.clear()
                    if found and not re.search(r"\\l\b", found.group(0)):
                        fields[closing_field][0] = found.group(1) or found.group(2)
                if closing_field >= 0 and closing_field != field:
                    close_field(fields[closing_field])
            to_skip = 0
            continue
        if word is not None:
            if word == b"bin":
                # Binary data follows; skipped by length, never decoded.
                pos += max(0, int(param or 0))
                continue
            if dest == b"fonttbl":
                if word == b"f" and param is not None:
                    defining_font = int(param)
                elif word == b"fcharset" and param is not None and defining_font is not None:
                    if int(param) in _CHARSETS:
                        font_codecs.setdefault(defining_font, _CHARSETS[int(param)])
                elif word == b"cpg" and param is not None and defining_font is not None:
                    font_codecs[defining_font] = _codec(int(param))
                continue
            if word == b"ansicpg" and param:
                doc_codec = _codec(int(param))
                continue
            if word in (b"mac", b"pc", b"pca") and not stack[1:]:
                doc_codec = {b"mac": "mac_roman", b"pc": "cp437", b"pca": "cp850"}[word]
                continue
            if word == b"deff" and param is not None:
                default_font = font = int(param)
                continue
            if word == b"f" and param is not None:
                if pending:
                    flush()
                font = int(param)
                continue
            if word == b"plain":
                if pending:
                    flush()
                font = default_font
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
            if word == b"field" and not skip:
                fields.append([None, None, len(stack)])
                field = len(fields) - 1
                continue
            if word == b"fldinst" and field >= 0:
                dest, skip = b"fldinst", True
                instruction.clear()
                continue
            if word == b"fldrslt" and field >= 0 and not skip:
                if pending:
                    flush()
                fields[field][1] = len(out)
                continue
            if word == b"title" and dest == b"info" and stack:
                in_title, skip = True, False
                continue
            if word == b"info":
                # \info holds \title, which is read; the rest of it is skipped
                dest, skip = b"info", True
                continue
            if word in _SKIP_DESTINATIONS:
                if was_first or word in (b"fonttbl", b"colortbl", b"stylesheet"):
                    skip = True
                    if word == b"fonttbl":
                        dest = b"fonttbl"
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
            if dest == b"fldinst" and symbol in (b"\\", b"{", b"}"):
                instruction.extend(symbol)
                continue
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
            if dest == b"fldinst":
                if len(instruction) < 4096:
                    instruction.extend(plain[:4096])
                continue
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
    lines = (line.strip() for line in text.split("\n"))
    text = "\n".join(line for line in lines if not _ASPOSE_NOTICE.match(line))
    title = " ".join("".join(title_parts).split()) or None
    return text, {"title": title}
