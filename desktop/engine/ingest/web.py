"""Fetch an article from a link (http/https only) with the standard library.

``fetch_url`` follows at most ``max_redirects`` redirects itself (so each hop
is checked: only http/https), streams the body in chunks while enforcing a
size cap and an overall deadline (which covers the whole exchange:
connecting, the status line, the headers and the body), and picks the reader by content type
(sniffing the bytes when the server does not say).  Every failure is an
:class:`IngestError` naming the URL; cancelling raises :class:`Cancelled`.

Redirect policy: a link to a public host may not be redirected to this computer or
its network (a loopback, private, link-local or unspecified address, by the address
itself or by what the host name resolves to); such a redirect is refused with a
message naming the link.  A link the user gives to such an address directly (a
local test server, an intranet page) is read, and may redirect within it.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from email.message import Message
from typing import Optional

from ... import __version__
from ..errors import Cancelled, IngestError
from ..model import CancelFn, Document, ProgressFn
from .hygiene import no_lone_surrogates

USER_AGENT = f"Parallax/{__version__} (+desktop app)"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
_CHUNK = 64 * 1024
_REDIRECTS = {301, 302, 303, 307, 308}


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx answers back to fetch_url, which follows them itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class _Exchange:
    """The sockets of one download, cut at the deadline by a watchdog thread.

    A socket timeout bounds each read, not the exchange: a server that sends
    one byte a second would keep the status line, the headers or the body
    coming for ever.  The watchdog shuts the sockets down when the time is
    up, which ends any read in progress; ``expired`` tells the reader why.
    """

    def __init__(self, deadline: float):
        self.deadline = deadline
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="parallax-fetch-deadline",
                                        daemon=True)
        self._thread.start()

    def add(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.append(sock)
            expired = self.expired
        if expired:
            self._cut(sock)
        return sock

    def _watch(self) -> None:
        if self._done.wait(max(0.0, self.deadline - time.monotonic())):
            return
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._cut(sock)

    @staticmethod
    def _cut(sock: socket.socket) -> None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def close(self) -> None:
        self._done.set()


def _watched(base: type, exchange: _Exchange) -> type:
    """``base`` (HTTPConnection or HTTPSConnection) whose sockets the exchange can cut."""

    class Watched(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            create = self._create_connection
            self._create_connection = lambda *a, **k: exchange.add(create(*a, **k))

    return Watched


class _HTTP(urllib.request.HTTPHandler):
    def __init__(self, exchange: _Exchange):
        super().__init__()
        self.exchange = exchange

    def http_open(self, req):
        return self.do_open(_watched(http.client.HTTPConnection, self.exchange), req)


class _HTTPS(urllib.request.HTTPSHandler):
    def __init__(self, exchange: _Exchange):
        super().__init__()
        self.exchange = exchange

    def https_open(self, req):
        return self.do_open(_watched(http.client.HTTPSConnection, self.exchange), req,
                            context=self._context)


def _opener(exchange: _Exchange) -> urllib.request.OpenerDirector:
    opener = urllib.request.build_opener(_NoRedirects, _HTTP(exchange), _HTTPS(exchange))
    opener.addheaders = []  # no urllib default User-Agent
    return opener


def is_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))


def _check_scheme(url: str, source: str) -> None:
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError as exc:  # "Invalid IPv6 URL", "Port out of range 0-65535", ...
        raise IngestError(source, f"the link is not valid ({_plain(str(exc))})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise IngestError(source, "only http and https links can be read "
                          f"(not '{_plain(parts.scheme)}:')")
    if not parts.hostname:
        raise IngestError(source, "the link has no host name")
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        raise IngestError(source, "the link is not valid (it holds spaces or control "
                          "characters)")


def _local_address(host: str) -> Optional[str]:
    """The first loopback, private, link-local or unspecified address ``host`` is or
    resolves to, else None (also when the name does not resolve: the request will fail
    on its own)."""
    host = host.strip("[]").split("%", 1)[0]  # [::1], fe80::1%eth0
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError, ValueError):
            return None
        addresses = []
        for info in infos:
            try:
                addresses.append(ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]))
            except ValueError:
                continue
    for address in addresses:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if (address.is_loopback or address.is_private or address.is_link_local
                or address.is_unspecified):
            return str(address)
    return None


def check_redirect(origin: str, target: str, source: str) -> None:
    """Refuse a redirect from the public link ``origin`` to a local or private address.

    ``origin`` is the link the user gave: when it is itself local or private, the
    user asked for that network and its redirects are followed.
    """
    target_host = urllib.parse.urlsplit(target).hostname or ""
    local = _local_address(target_host)
    if local is None:
        return
    origin_host = urllib.parse.urlsplit(origin).hostname or ""
    if _local_address(origin_host) is not None:
        return
    shown = target_host if target_host == local else f"{target_host} ({local})"
    raise IngestError(source, "the site redirected to a local or private address "
                      f"({_plain(shown)}), which a public link may not lead to; "
                      "open that address directly if you mean it")


def _plain(text: str, limit: int = 120) -> str:
    """Text a server or a link sent, fit for a one-line message: printable, short."""
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


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


def _download(url: str, source: str, timeout: float, exchange: _Exchange, max_bytes: int,
              max_redirects: int, should_cancel: Optional[CancelFn],
              progress: Optional[ProgressFn]) -> tuple[list[bytes], str, Optional[str]]:
    """The body's chunks, content type and charset of ``url``, redirects followed."""
    timed_out = f"timed out after {timeout:g} s"

    def remaining() -> float:
        left = exchange.deadline - time.monotonic()
        if left <= 0 or exchange.expired:
            raise IngestError(source, timed_out)
        return left

    def check_cancel() -> None:
        if should_cancel is not None and should_cancel():
            raise Cancelled("download cancelled")

    opener = _opener(exchange)
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
            response = opener.open(request, timeout=remaining())
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.headers else None
            exc.close()
            if exc.code in _REDIRECTS and location:
                redirects += 1
                if redirects > max_redirects:
                    raise IngestError(source, f"too many redirects (more than {max_redirects})") from None
                try:
                    current = urllib.parse.urljoin(current, location)
                except ValueError:
                    raise IngestError(source, "the site redirected to a link that is not "
                                      f"valid ({_plain(location)})") from None
                _check_scheme(current, source)
                check_redirect(url, current, source)
                continue
            reason = _plain(exc.reason) if isinstance(exc.reason, str) else ""
            raise IngestError(source, f"the site answered {exc.code} {reason}".rstrip()) from None
        except urllib.error.URLError as exc:
            if exchange.expired or isinstance(exc.reason, (socket.timeout, TimeoutError)):
                raise IngestError(source, timed_out) from None
            raise IngestError(source, "no network connection or the site did not answer "
                              f"({_plain(str(exc.reason))})") from None
        except (socket.timeout, TimeoutError):
            raise IngestError(source, timed_out) from None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            if exchange.expired:
                raise IngestError(source, timed_out) from None
            raise IngestError(source, "no network connection or the site did not answer "
                              f"({_plain(str(exc))})") from None
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
                if exchange.expired:
                    raise IngestError(source, timed_out) from None
                raise IngestError(source, f"the download broke off ({_plain(str(exc))})") from None
            if not chunk:
                if exchange.expired:  # a body cut short by the deadline is no whole page
                    raise IngestError(source, timed_out)
                break
            received += len(chunk)
            if received > max_bytes:
                raise IngestError(source, f"the page is larger than {_mb(max_bytes)}")
            chunks.append(chunk)
            remaining()
            if progress is not None:
                progress("download", min(1.0, received / length) if length else 0.0)
    return chunks, content_type, charset


def fetch_url(url: str, *, timeout: float = 15, max_bytes: int = DEFAULT_MAX_BYTES,
              max_redirects: int = 5, should_cancel: Optional[CancelFn] = None,
              progress: Optional[ProgressFn] = None) -> Document:
    """Download ``url`` and read it as an article; ``Document.source`` is ``url``.

    ``progress("download", fraction)`` is called as bytes arrive (fraction of
    Content-Length when the server gives one, else 0 until done) and
    ``should_cancel()`` is checked between chunks.
    """
    source = url = no_lone_surrogates(url.strip())
    _check_scheme(url, source)
    deadline = time.monotonic() + timeout
    exchange = _Exchange(deadline)
    try:
        chunks, content_type, charset = _download(url, source, timeout, exchange, max_bytes,
                                                  max_redirects, should_cancel, progress)
    finally:
        exchange.close()
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

