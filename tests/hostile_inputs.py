"""Makers of hostile inputs (issue 16), shared by tests/test_hostile*.py and
benchmarks/fuzz.py: small files that ask a reader for a lot of work."""
from __future__ import annotations

import base64
import zlib


_WORDS = ("bridge mayor council river repair closed weeks officials traffic budget engineers "
          "said Tuesday residents shops detour inspection steel cracks ferry").split()


def _page_content(page: int, operators: int) -> bytes:
    """About ``operators`` text operators drawing varied lines of words."""
    parts = [b"BT /F1 11 Tf 14 TL 72 760 Td"]
    for n in range(operators):
        word = _WORDS[(n * 7 + page * 13 + n // 11) % len(_WORDS)]
        parts.append(b"(%s %d ) Tj" % (word.encode(), (n * 31 + page) % 997))
        if n % 9 == 8:
            parts.append(b"(.) Tj T*")
    parts.append(b"ET")
    return b"\n".join(parts)


def pdf_with_operators(pages: int, operators_per_page: int | list[int]) -> bytes:
    """A small PDF whose pages draw that many text operators each (compressed, so a
    few hundred KB hold millions); every page's words differ."""
    counts = (operators_per_page if isinstance(operators_per_page, list)
              else [operators_per_page] * pages)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pages_id = 1 + 2 * len(counts) + 1
    kids = []
    for n, operators in enumerate(counts):
        stream = zlib.compress(_page_content(n, operators), 9)
        contents = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
                       + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, contents, font)))
    assert add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
               + b"] /Count %d >>" % len(counts)) == pages_id
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, catalog, xref))
    return bytes(out)


def email_with_base64_part(megabytes: float, html: bool = False) -> bytes:
    """An e-mail whose one text part is ``megabytes`` of base64 (about 3/4 as much text)."""
    sentence = b"Officials said the bridge would close on Tuesday for three weeks. "
    raw = sentence * int(megabytes * 1024 * 1024 * 3 / 4 / len(sentence) + 1)
    if html:
        raw = b"<html><body><p>" + raw + b"</p></body></html>"
    body = base64.encodebytes(raw)
    kind = b"text/html" if html else b"text/plain"
    return (b"From: Desk <desk@example.com>\r\nSubject: Bridge\r\nMIME-Version: 1.0\r\n"
            b"Content-Type: " + kind + b"; charset=utf-8\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + body)
