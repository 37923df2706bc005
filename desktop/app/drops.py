"""Turn dropped or pasted data (QMimeData) into what the app should load.

``read_mime(mime)`` sorts the payload into local paths, plain-text
articles and web links (which the app cannot fetch yet).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QMimeData

LINKS_UNSUPPORTED = ("links are not supported yet — save the page and drop the file")


@dataclass
class DropPayload:
    paths: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.paths or self.texts or self.links)


def read_mime(mime: QMimeData) -> DropPayload:
    payload = DropPayload()
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile():
                payload.paths.append(url.toLocalFile())
            elif url.scheme() in ("http", "https"):
                payload.links.append(url.toString())
            elif url.toString():
                payload.links.append(url.toString())
        if payload.paths or payload.links:
            return payload
    if mime.hasText():
        text = mime.text()
        stripped = text.strip()
        # A browser drag of a bare link arrives as text too.
        if stripped.startswith(("http://", "https://")) and len(stripped.split()) == 1:
            payload.links.append(stripped)
        elif stripped:
            payload.texts.append(text)
    return payload


def can_accept(mime: QMimeData) -> bool:
    return mime.hasUrls() or mime.hasText()
