"""Word .docx files read with the standard library (zipfile + ElementTree).

Only the main document part (named in ``_rels/.rels``; usually
``word/document.xml``) and ``docProps/core.xml`` (the title) are opened, each through a capped read, after checking the sizes the zip
declares: an archive that would inflate beyond the limits is refused
without being inflated.
"""
from __future__ import annotations

import io
import zipfile
import zlib
import xml.etree.ElementTree as ET

from ..errors import IngestError

MAX_XML_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200  # real document.xml compresses 5-30x; bombs compress 1000x
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# ISO/IEC 29500 Strict (Word's "Strict Open XML Document") names the same elements here.
_W_STRICT = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _main_part(archive: zipfile.ZipFile, source: str) -> str:
    """The main document part as the package's relationships name it."""
    rels = _read_member(archive, "_rels/.rels", 1024 * 1024, source)
    if rels:
        try:
            root = _parse_xml(rels, source)
        except IngestError:
            root = None
        for rel in (root.iter(_RELS + "Relationship") if root is not None else ()):
            # .../officeDocument/2006/relationships/officeDocument (transitional)
            # or .../ooxml/officeDocument/relationships/officeDocument (strict)
            if rel.get("Type", "").endswith("/officeDocument") and rel.get("Target"):
                target = rel.get("Target").lstrip("/")
                if target.startswith("./"):
                    target = target[2:]
                if target in archive.namelist():
                    return target
    return "word/document.xml"


def _read_member(archive: zipfile.ZipFile, name: str, limit: int, source: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        raise IngestError(source, f"the document is too large once unpacked "
                          f"({info.file_size // (1024 * 1024)} MB of text markup; the limit is "
                          f"{limit // (1024 * 1024)} MB)")
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
        raise IngestError(source, "the document is suspiciously compressed (a zip bomb?); "
                          "refusing to unpack it")
    with archive.open(info) as stream:
        data = stream.read(limit + 1)  # the declared size may lie: cap the read too
    if len(data) > limit:
        raise IngestError(source, "the document is too large once unpacked")
    return data


def _parse_xml(data: bytes, source: str) -> ET.Element:
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data[:4096]:
        raise IngestError(source, "the document declares XML entities; refusing to expand them")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise IngestError(source, f"the document's XML is damaged ({exc})") from None


def _paragraphs(body: ET.Element) -> list[str]:
    """Text of each w:p in document order; text boxes become their own paragraphs."""
    w = _W_STRICT if body.tag.startswith(_W_STRICT) else _W
    out: list[str] = []
    # Iterative walk: (element, paragraph buffer it writes into)
    stack: list[tuple[ET.Element, list[str] | None, bool]] = [(body, None, False)]
    while stack:
        elem, buffer, closing = stack.pop()
        if closing:
            text = "".join(buffer or []).strip()
            if text:
                out.append(text)
            continue
        tag = elem.tag
        if tag == w + "p":
            own: list[str] = []
            stack.append((elem, own, True))
            for child in reversed(list(elem)):
                stack.append((child, own, False))
            continue
        if tag in (w + "del", w + "instrText", w + "delText"):
            continue
        if buffer is not None:
            if tag == w + "t" and elem.text:
                buffer.append(elem.text)
            elif tag == w + "tab":
                buffer.append(" ")
            elif tag in (w + "br", w + "cr"):
                buffer.append("\n")
            elif tag == w + "noBreakHyphen":
                buffer.append("-")
        for child in reversed(list(elem)):
            stack.append((child, buffer, False))
    return out


def docx_text(data: bytes, source: str) -> tuple[str, dict[str, str | None]]:
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise IngestError(source, "this is an old Word .doc file (or an encrypted .docx); "
                          "save it as .docx and try again")
    if not data.startswith(b"PK"):
        raise IngestError(source, "this is not a Word .docx file (not a zip archive)")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise IngestError(source, f"the .docx file is damaged or truncated ({exc})") from None
    except NotImplementedError as exc:  # "zip file version 14.8": a zip feature not supported
        raise IngestError(source, "the .docx file uses a zip format this reader cannot unpack "
                          f"({exc})") from None
    try:
        with archive:
            body = _read_member(archive, _main_part(archive, source), MAX_XML_BYTES, source)
            if body is None:
                raise IngestError(source, "this zip file is not a Word document "
                                  "(no main document part)")
            core = _read_member(archive, "docProps/core.xml", 1024 * 1024, source)
    except IngestError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
            NotImplementedError, RuntimeError, zlib.error) as exc:
        # RuntimeError: encrypted members; NotImplementedError: odd compression
        raise IngestError(source, f"the .docx file is damaged or its zip format cannot be "
                          f"unpacked ({exc})") from None
    root = _parse_xml(body, source)
    paragraphs = _paragraphs(root)
    info: dict[str, str | None] = {}
    if core:
        try:
            meta = _parse_xml(core, source)
            title = meta.find(_DC + "title")
            if title is not None and title.text and title.text.strip():
                info["title"] = " ".join(title.text.split())
        except IngestError:
            pass
    return "\n\n".join(paragraphs), info
