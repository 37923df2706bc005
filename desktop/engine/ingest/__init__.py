"""Read articles from files into :class:`~desktop.engine.model.Document`.

Readers are registered explicitly by file suffix (no dynamic imports, so
PyInstaller sees every reader).  Each reader takes raw bytes and the source
name and returns a Document, or raises :class:`IngestError` -- never any
other exception (a last-resort guard turns surprises into IngestError with
"internal error" in the reason; the fuzz tests check that it never fires).
Every reader's text passes through :mod:`.hygiene` (mojibake, NFC, odd
spaces) and :func:`.cleanup.clean_text` (debris, metadata).
"""
from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Callable

from ..errors import IngestError
from ..model import Document
from .cleanup import clean_text, tidy_extracted
from .decode import decode_bytes, mixed_encoding_note
from .docx import docx_text
from .html import html_to_lines
from .hygiene import (MAX_ARTICLE_CHARS, clean_unicode, language_warning, no_lone_surrogates, precut,
                      within_limits)
from .mail import email_info, message_body
from .pdf import pdf_text
from .rtf import rtf_to_text

MAX_BYTES = 50 * 1024 * 1024
MAX_ARTICLES = 100  # one comparison; 100 articles of 3,000 characters take about 11 s
_MAX_DETAIL = 300  # characters of a title, outlet or byline
_PLAIN_BYTES = 16 * MAX_ARTICLE_CHARS  # bytes of a text file read: the clean-up's margin, 4 bytes a character

Reader = Callable[[bytes, str], Document]


def _tidy(value) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(clean_unicode(value[:4 * _MAX_DETAIL]).split())
    if len(value) > _MAX_DETAIL:  # a title, outlet or byline, not an article
        value = value[:_MAX_DETAIL].rstrip() + "…"
    return value or None


def _document(source: str, raw_text: str, info: dict | None = None,
              warnings: list[str] | tuple[str, ...] = (), extracted: bool = False,
              original_length: int | None = None) -> Document:
    source = no_lone_surrogates(source)
    original_length = max(len(raw_text), original_length or 0)
    # An extractor's article text is final; only plain text needs the debris clean-up.
    cleaned = (tidy_extracted if extracted else clean_text)(clean_unicode(precut(raw_text)))
    info = info or {}
    if not cleaned.text.strip():
        raise IngestError(source, "no article text found in the file")
    text, cut = within_limits(cleaned.text, original_length)
    notes = list(warnings) + cut
    if note := language_warning(text):
        notes.append(note)
    return Document(
        source=source,
        text=text,
        title=_tidy(info.get("title")) or cleaned.title,
        outlet=_tidy(info.get("outlet")) or cleaned.outlet,
        byline=_tidy(info.get("byline")) or cleaned.byline,
        published=info.get("published") or cleaned.published,
        removed=tuple(cleaned.removed),
        warnings=tuple(notes),
    )


def _guarded(reader: Reader) -> Reader:
    """Last resort: a reader bug becomes an IngestError, not a crash."""

    @functools.wraps(reader)
    def guarded(data: bytes, source: str) -> Document:
        source = no_lone_surrogates(source)
        try:
            return reader(data, source)
        except IngestError:
            raise
        except RecursionError:
            raise IngestError(source, "the file is nested too deeply to read") from None
        except MemoryError:
            raise IngestError(source, "the file is too large to read in memory") from None
        except Exception as exc:  # noqa: BLE001 - the guard's whole purpose
            raise IngestError(source, f"internal error while reading ({type(exc).__name__}: "
                              f"{no_lone_surrogates(str(exc)[:100])})") from None

    return guarded


def _html_document(markup: str, source: str, extra: dict | None = None,
                   override: dict | None = None) -> Document:
    """``extra`` fills what the page does not say; ``override`` wins over the page."""
    text, info = html_to_lines(markup)
    for key, value in (extra or {}).items():
        if value and not info.get(key):
            info[key] = value
    for key, value in (override or {}).items():
        if value:
            info[key] = value
    return _document(source, text, info, extracted=bool(info.pop("extracted", False)))


@_guarded
def read_plain_text(data: bytes, source: str) -> Document:
    # Detecting and decoding 49 MB holds the interpreter for a third of a second
    # and the window with it; no more than the limits keep is ever read.
    size = len(data)
    if size > _PLAIN_BYTES:
        end = data.rfind(b"\n", 0, _PLAIN_BYTES)
        data = data[:end if end > _PLAIN_BYTES // 2 else _PLAIN_BYTES]
    note = mixed_encoding_note(data)
    return _document(source, decode_bytes(data, source), warnings=[note] if note else [],
                     original_length=size)


@_guarded
def read_html(data: bytes, source: str) -> Document:
    return _html_document(decode_bytes(data, source), source)


@_guarded
def read_pdf(data: bytes, source: str) -> Document:
    text, info, warnings = pdf_text(data, source)
    return _document(source, text, info, warnings)


def _document_with_text(source: str, text: str, info: dict, empty_reason: str) -> Document:
    """A word processor's text: written as a document, so no line of it is web debris.

    The plain-text clean-up judged a table row and a short closing sentence of
    an RTF file debris; like an extractor's output, this text is only tidied.
    """
    if not text.strip():
        raise IngestError(source, empty_reason)
    first, _, rest = text.lstrip().partition("\n")
    heading = first.strip()
    # A headline set as the document's first line (short, no end punctuation) is
    # metadata, not body: the document's title when it has none of its own.
    if rest.strip() and heading and len(heading.split()) <= 20 and heading[-1] not in ".!?…\"”’:":
        info = {**info, "title": info.get("title") or heading}
        text = rest
    return _document(source, text, info, extracted=True)


@_guarded
def read_docx(data: bytes, source: str) -> Document:
    return _document_with_text(source, *docx_text(data, source), "the document has no text")


@_guarded
def read_rtf(data: bytes, source: str) -> Document:
    return _document_with_text(source, *rtf_to_text(data, source), "the RTF file has no text")


@_guarded
def read_eml(data: bytes, source: str) -> Document:
    """An e-mail: its HTML part through the HTML reader, else its plain text.

    Subject is the title, Date the publication date, and the sender's display
    name the outlet (newsletters are sent in the publication's name).
    """
    if not data.strip():
        raise IngestError(source, "the file is empty")
    kind, text, message = message_body(data, source)
    info = email_info(message)
    if kind == "html":
        return _html_document(text, source, override=info)
    return _document(source, text.replace("\r\n", "\n"), info)


@_guarded
def read_mhtml(data: bytes, source: str) -> Document:
    """A web page saved as one file (MHTML): its HTML part."""
    if not data.strip():
        raise IngestError(source, "the file is empty")
    kind, text, message = message_body(data, source)
    if kind != "html":
        raise IngestError(source, "the web archive holds no HTML page")
    info = email_info(message)
    info.pop("outlet", None)  # "From: <Saved by Blink>" is not an outlet
    info.pop("published", None)  # the save date, not the publication date
    return _html_document(text, source, {"title": info.get("title")})


def document_from_text(text: str, source: str = "pasted text") -> Document:
    """An article from text the user pasted or dragged in."""
    source = no_lone_surrogates(source)
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
    ".pdf": read_pdf,
    ".docx": read_docx,
    ".rtf": read_rtf,
    ".eml": read_eml,
    ".mhtml": read_mhtml,
    ".mht": read_mhtml,
}


def supported_suffixes() -> tuple[str, ...]:
    return tuple(sorted(READERS))


def _reader_for(path: Path, data: bytes) -> Reader:
    reader = READERS.get(path.suffix.lower())
    if reader is not None:
        return reader
    if not path.suffix:
        head = data[:512].lstrip().lower()
        if head.startswith(b"%pdf-"):
            return read_pdf
        if head.startswith(b"{\\rtf"):
            return read_rtf
        return read_html if head.startswith((b"<!doctype html", b"<html")) else read_plain_text
    raise IngestError(str(path), f"unsupported file type '{path.suffix}' "
                      f"(supported: {', '.join(supported_suffixes())})")


def read_document(path: str | os.PathLike) -> Document:
    """Read one file; raises :class:`IngestError` with a reason people understand."""
    if isinstance(path, RefusedPath):
        raise IngestError(no_lone_surrogates(str(path)), path.reason)
    p = Path(path)
    source = no_lone_surrogates(str(path))  # for people; ``p`` keeps the real name
    if not p.exists():
        raise IngestError(source, "no such file")
    if p.is_dir():
        raise IngestError(source, "is a folder, not a file")
    too_large = (f"the file is too large (the limit is {MAX_BYTES // (1024 * 1024)} MB)")
    try:
        if not p.is_file():
            raise IngestError(source, "is not a regular file")
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(source, f"the file is too large ({size // (1024 * 1024)} MB; the limit is "
                              f"{MAX_BYTES // (1024 * 1024)} MB)")
        with p.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # never more, even if the file grew
        if len(data) > MAX_BYTES:
            raise IngestError(source, too_large)
    except PermissionError:
        raise IngestError(source, "permission denied") from None
    except FileNotFoundError:
        raise IngestError(source, "the file disappeared while it was being read") from None
    except OSError as exc:
        raise IngestError(source, f"cannot read the file ({exc.strerror or exc})") from None
    return _reader_for(p, data)(data, source)


class RefusedPath(str):
    """A path :func:`expand_paths` stands in for inputs over the article limit:
    :func:`read_document` raises its ``reason``, so every caller that reads what
    ``expand_paths`` returned reports the cut as one input error."""

    reason: str

    def __new__(cls, path: str, reason: str):
        made = super().__new__(cls, path)
        made.reason = reason
        return made


def expand_paths(paths: list[str]) -> list[str]:
    """Folders become their readable files (sorted); files stay as given.

    At most :data:`MAX_ARTICLES` come back; the rest are named by one
    :class:`RefusedPath` at the end, whose reading fails with a message saying
    how many were left out.
    """
    out: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            try:
                children = sorted(p.iterdir())
            except OSError:
                out.append(raw)  # read_document names the problem
                continue
            out.extend(str(child) for child in children
                       if child.suffix.lower() in READERS and child.is_file()
                       and not child.name.lower().startswith("readme"))
        else:
            out.append(raw)
    if len(out) <= MAX_ARTICLES:
        return out
    left_out = len(out) - MAX_ARTICLES
    first = out[MAX_ARTICLES]
    return out[:MAX_ARTICLES] + [RefusedPath(
        first, f"not read, nor the {left_out - 1:,} after it ({left_out:,} more articles in "
               f"all): Parallax compares at most {MAX_ARTICLES:,} articles at a time")]
