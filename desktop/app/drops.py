"""Turn dropped or pasted data (QMimeData) into what the app should load.

``read_mime(mime)`` sorts the payload into local paths, plain-text
articles and web links (http/https, fetched by the app in the background).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData

from ..engine.ingest.web import is_url


@dataclass
class DropPayload:
    paths: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)  # e.g. ftp: or mailto: links

    def is_empty(self) -> bool:
        return not (self.paths or self.texts or self.links or self.unsupported)


def read_mime(mime: QMimeData) -> DropPayload:
    payload = DropPayload()
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                payload.paths.append(url.toLocalFile())
            elif url.scheme().lower() in ("http", "https"):
                payload.links.append(url.toString())
            elif url.toString():
                payload.unsupported.append(url.toString())
        if payload.paths or payload.links or payload.unsupported:
            return payload
    if mime.hasText():
        text = mime.text()
        stripped = text.strip()
        # A browser drag of a bare link arrives as text too; so does a pasted
        # list of links, one a line.
        lines = [line.strip() for line in stripped.splitlines() if line.strip()]
        if lines and all(is_url(line) and len(line.split()) == 1 for line in lines):
            payload.links += lines
        elif stripped:
            payload.texts.append(text)
    return payload


def can_accept(mime: QMimeData) -> bool:
    return mime.hasUrls() or mime.hasText()
