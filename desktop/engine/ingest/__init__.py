"""Read articles from files into :class:`~desktop.engine.model.Document`.

Readers are registered explicitly by file suffix (no dynamic imports, so
PyInstaller sees every reader).  Each reader takes raw bytes and the source
name and returns a Document, or raises :class:`IngestError`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..errors import IngestError
from ..model import Document
from .cleanup import clean_text
from .decode import decode_bytes
from .html import html_to_lines

MAX_BYTES = 50 * 1024 * 1024

Reader = Callable[[bytes, str], Document]


def _document(source: str, raw_text: str, info: dict | None = None) -> Document:
    cleaned = clean_text(raw_text)
    info = info or {}
    if not cleaned.text.strip():
        raise IngestError(source, "no article text found in the file")
    return Document(
        source=source,
        text=cleaned.text,
        title=info.get("title") or cleaned.title,
        outlet=info.get("outlet") or cleaned.outlet,
        byline=info.get("byline") or cleaned.byline,
        published=info.get("published") or cleaned.published,
        removed=tuple(cleaned.removed),
    )


def read_plain_text(data: bytes, source: str) -> Document:
    return _document(source, decode_bytes(data, source))


def read_html(data: bytes, source: str) -> Document:
    lines, info = html_to_lines(decode_bytes(data, source))
    return _document(source, lines, info)


def document_from_text(text: str, source: str = "pasted text") -> Document:
    """An article from text the user pasted or dragged in."""
    if not text.strip():
        raise IngestError(source, "the text is empty")
    return _document(source, text.replace("\r\n", "\n"))


READERS: dict[str, Reader] = {
    ".txt": read_plain_text,
    ".text": read_plain_text,
    ".md": read_plain_text,
    ".markdown": read_plain_text,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
}


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


def _reader_for(path: Path, data: bytes) -> Reader:
    reader = READERS.get(path.suffix.lower())
    if reader is not None:
        return reader
    if not path.suffix:
        head = data[:512].lstrip().lower()
        return read_html if head.startswith((b"<!doctype html", b"<html")) else read_plain_text
    raise IngestError(str(path), f"unsupported file type '{path.suffix}' "
                      f"(supported: {', '.join(supported_suffixes())})")


def read_document(path: str | os.PathLike) -> Document:
    """Read one file; raises :class:`IngestError` with a reason people understand."""
    source = str(path)
    p = Path(path)
    if not p.exists():
        raise IngestError(source, "no such file")
    if p.is_dir():
        raise IngestError(source, "is a folder, not a file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(source, f"the file is too large ({size // (1024 * 1024)} MB; the limit is "
                              f"{MAX_BYTES // (1024 * 1024)} MB)")
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except PermissionError:
        raise IngestError(source, "permission denied") from None
    except FileNotFoundError:
        raise IngestError(source, "the file disappeared while it was being read") from None
    except OSError as exc:
        raise IngestError(source, f"cannot read the file ({exc.strerror or exc})") from None
    return _reader_for(p, data)(data, source)


def expand_paths(paths: list[str]) -> list[str]:
    """Folders become their readable files (sorted); files stay as given."""
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(str(child) for child in sorted(p.iterdir())
                       if child.is_file() and child.suffix.lower() in READERS
                       and not child.name.lower().startswith("readme"))
        else:
            out.append(raw)
    return out
