"""Fetch an article from a link (http/https only) with the standard library.

``fetch_url`` follows at most ``max_redirects`` redirects itself (so each hop
is checked: only http/https), streams the body in chunks while enforcing a
size cap and an overall deadline, and picks the reader by content type
(sniffing the bytes when the server does not say).  Every failure is an
:class:`IngestError` naming the URL; cancelling raises :class:`Cancelled`.
"""
from __future__ import annotations

import http.client
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from typing import Optional

from ... import __version__
from ..errors import Cancelled, IngestError
from ..model import CancelFn, Document, ProgressFn

USER_AGENT = f"Parallax/{__version__} (+desktop app)"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_CHUNK = 64 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx answers back to fetch_url, which follows them itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


_OPENER = urllib.request.build_opener(_NoRedirects)
_OPENER.addheaders = []  # no urllib default User-Agent


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


def _check_scheme(url: str, source: str) -> None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise IngestError(source, f"only http and https links can be read (not '{parts.scheme}:')")
    if not parts.hostname:
        raise IngestError(source, "the link has no host name")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def _reader_for(content_type: str, data: bytes, source: str):
    # Imported here: the package __init__ imports this module's users.
    from . import read_html, read_pdf, read_plain_text

    head = data[:1024].lstrip().lower()
    if content_type == "application/pdf" or head.startswith(b"%pdf-"):
        return read_pdf
    if content_type in ("text/html", "application/xhtml+xml") or head.startswith(
            (b"<!doctype html", b"<html")):
        return read_html
    if content_type.startswith("text/") or content_type in ("", "application/octet-stream"):
        return read_plain_text
    raise IngestError(source, f"the link is not an article (it is '{content_type}')")


def fetch_url(url: str, *, timeout: float = 15, max_bytes: int = DEFAULT_MAX_BYTES,
              max_redirects: int = 5, should_cancel: Optional[CancelFn] = None,
              progress: Optional[ProgressFn] = None) -> Document:
    """Download ``url`` and read it as an article; ``Document.source`` is ``url``.

    ``progress("download", fraction)`` is called as bytes arrive (fraction of
    Content-Length when the server gives one, else 0 until done) and
    ``should_cancel()`` is checked between chunks.
    """
    source = url = url.strip()
    _check_scheme(url, source)
    deadline = time.monotonic() + timeout
    timed_out = f"timed out after {timeout:g} s"

    def remaining() -> float:
        left = deadline - time.monotonic()
        if left <= 0:
            raise IngestError(source, timed_out)
        return left

    def check_cancel() -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled("download cancelled")

    current = url
    redirects = 0
    while True:
        check_cancel()
        request = urllib.request.Request(current, headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "identity",
        })
        try:
            response = _OPENER.open(request, timeout=remaining())
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.headers else None
            exc.close()
            if exc.code in _REDIRECTS and location:
                redirects += 1
                if redirects > max_redirects:
                    raise IngestError(source, f"too many redirects (more than {max_redirects})") from None
                current = urllib.parse.urljoin(current, location)
                _check_scheme(current, source)
                continue
            reason = exc.reason if isinstance(exc.reason, str) else ""
            raise IngestError(source, f"the site answered {exc.code} {reason}".rstrip()) from None
        except urllib.error.URLError as exc:
            if isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise IngestError(source, timed_out) from None
            raise IngestError(source, "no network connection or the site did not answer "
                              f"({exc.reason})") from None
        except (socket.timeout, TimeoutError):
            raise IngestError(source, timed_out) from None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            raise IngestError(source, "no network connection or the site did not answer "
                              f"({exc})") from None
        break

    with response:
        headers: Message = response.headers
        content_type = (headers.get_content_type() or "").lower() if headers.get("Content-Type") else ""
        charset = headers.get_content_charset()
        length_header = headers.get("Content-Length")
        try:
            length = int(length_header) if length_header else None
        except ValueError:
            length = None
        if length is not None and length > max_bytes:
            raise IngestError(source, f"the page is larger than {_mb(max_bytes)}")
        chunks: list[bytes] = []
        received = 0
        while True:
            check_cancel()
            try:
                sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
                if sock is not None:
                    sock.settimeout(remaining())
                chunk = response.read1(_CHUNK) if hasattr(response, "read1") else response.read(_CHUNK)
            except (socket.timeout, TimeoutError):
                raise IngestError(source, timed_out) from None
            except (OSError, ValueError, http.client.HTTPException) as exc:
                raise IngestError(source, f"the download broke off ({exc})") from None
            if not chunk:
                break
            received += len(chunk)
            if received > max_bytes:
                raise IngestError(source, f"the page is larger than {_mb(max_bytes)}")
            chunks.append(chunk)
            remaining()
            if progress is not None:
                progress("download", min(1.0, received / length) if length else 0.0)
    data = b"".join(chunks)
    if progress is not None:
        progress("download", 1.0)
    if not data.strip():
        raise IngestError(source, "the page is empty")
    reader = _reader_for(content_type, data, source)
    if charset and reader.__name__ != "read_pdf":
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass  # let the reader detect the encoding
    return reader(data, source)

