"""The articles the user has loaded, in their order, with include flags.

A plain (Qt-free) list the main window edits: add, remove, rename, move,
include/exclude.  ``documents()`` gives what goes into the next comparison (the included
entries, in order; the window remembers which entry became which article).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from typing import Optional

from ..engine.model import Document

_serial = itertools.count(1)


@dataclass
class Entry:
    """One loaded article; ``key`` stays the same through renames and moves."""

    document: Document
    included: bool = True
    key: int = 0

    @property
    def display_title(self) -> str:
        doc = self.document
        if doc.title:
            return doc.title
        name = doc.source.replace("\\", "/").rsplit("/", 1)[-1]
        return name or "Untitled article"

    @property
    def word_count(self) -> int:
        return len(self.document.text.split())


class Session:
    def __init__(self) -> None:
        self.entries: list[Entry] = []

    def __len__(self) -> int:
        return len(self.entries)

    def add(self, documents: list[Document]) -> list[Entry]:
        """Append documents; one already loaded from the same file is replaced in place."""
        added = []
        for doc in documents:
            existing = self._by_source(doc.source) if not doc.source.startswith("pasted") else None
            if existing is not None:
                existing.document = doc
                added.append(existing)
                continue
            entry = Entry(doc, True, next(_serial))
            self.entries.append(entry)
            added.append(entry)
        return added

    def restore(self, documents, included) -> list[Entry]:
        """Append documents as saved (no merging by source), with their include flags."""
        added = [Entry(doc, bool(keep), next(_serial)) for doc, keep in zip(documents, included)]
        self.entries += added
        return added

    def clear(self) -> None:
        self.entries.clear()

    def remove(self, key: int) -> None:
        self.entries = [e for e in self.entries if e.key != key]

    def rename(self, key: int, title: str) -> None:
        entry = self.entry(key)
        if entry is not None:
            entry.document = replace(entry.document, title=title.strip() or None)

    def set_included(self, key: int, included: bool) -> None:
        entry = self.entry(key)
        if entry is not None:
            entry.included = included

    def move(self, key: int, offset: int) -> None:
        """Move an entry up (negative) or down (positive) in the order."""
        index = next((i for i, e in enumerate(self.entries) if e.key == key), None)
        if index is None:
            return
        target = max(0, min(len(self.entries) - 1, index + offset))
        entry = self.entries.pop(index)
        self.entries.insert(target, entry)

    def entry(self, key: int) -> Optional[Entry]:
        return next((e for e in self.entries if e.key == key), None)

    def included(self) -> list[Entry]:
        return [e for e in self.entries if e.included]

    def documents(self) -> list[Document]:
        return [e.document for e in self.included()]

    def sources(self) -> list[str]:
        return [e.document.source for e in self.entries]

    def _by_source(self, source: str) -> Optional[Entry]:
        return next((e for e in self.entries if e.document.source == source), None)
