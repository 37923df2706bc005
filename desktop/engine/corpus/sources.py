"""Where a corpus comes from: folders, files, links, and lists of texts or links.

:func:`iter_sources` turns the command's inputs into one :class:`Source`
per article without reading any of them; :func:`read_source` reads one.
Folders are walked recursively (a corpus is often kept one folder per day
or per outlet); files are read by the engine's readers
(:func:`desktop.engine.ingest.read_document`, every format the app reads);
links are downloaded by :func:`desktop.engine.ingest.web.fetch_url`.

A ``.csv`` or ``.jsonl`` file given as input is a *list*: one article per row,
with a ``text`` column (the article itself) or a ``url`` / ``path`` column
(where to read it), and optional ``outlet``, ``date`` (or ``published``) and
``title`` columns, which win over what the reader finds.
"""
from __future__ import annotations

import csv
import json
import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator, Optional, Union

from ..errors import IngestError
from ..ingest import document_from_text, read_document, supported_suffixes
from ..ingest.web import fetch_url, is_url
from ..model import Document, InputError

LIST_SUFFIXES = (".csv", ".jsonl")
_TEXT_KEYS = ("text", "body", "content")
_WHERE_KEYS = ("url", "link", "path", "file")
_DATE_KEYS = ("date", "published", "published_at")

csv.field_size_limit(50 * 1024 * 1024)


@dataclass(frozen=True)
class Source:
    """One article to read: a path, a link, or a text given in a list row."""

    name: str  # how people see it: the path, the link, or "list.csv row 12"
    location: Optional[str] = None  # a path or a link to read; None when ``text`` is given
    text: Optional[str] = None
    outlet: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None


def iter_sources(inputs: list[str]) -> Iterator[Union[Source, InputError]]:
    """Every article the inputs name, in a stable order; an :class:`InputError` for a bad input."""
    readable = set(supported_suffixes())
    for raw in inputs:
        path = Path(raw)
        if is_url(raw):
            yield Source(raw, location=raw)
        elif path.is_dir():
            found = False
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    child = Path(root) / name
                    if child.suffix.lower() in readable and not name.lower().startswith("readme"):
                        found = True
                        yield Source(str(child), location=str(child))
            if not found:
                yield InputError(raw, "the folder holds no readable articles")
        elif path.suffix.lower() in LIST_SUFFIXES:
            yield from _list_rows(path)
        else:
            yield Source(raw, location=raw)


def _list_rows(path: Path) -> Iterator[Union[Source, InputError]]:
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        yield InputError(str(path), f"cannot open the list ({exc.strerror or exc})")
        return
    with handle:
        if path.suffix.lower() == ".csv":
            rows = csv.DictReader(handle)
        else:
            rows = (_json_row(line) for line in handle if line.strip())
        try:
            for number, row in enumerate(rows, start=1):
                name = f"{path} row {number}"
                if not isinstance(row, dict):
                    yield InputError(name, "not a JSON object")
                    continue
                row = {str(k).strip().lower(): v for k, v in row.items() if k is not None}
                text = _first(row, _TEXT_KEYS)
                where = _first(row, _WHERE_KEYS)
                if where and not is_url(where) and not os.path.isabs(where):
                    where = str(path.parent / where)  # relative to the list
                if not text and not where:
                    yield InputError(name, "the row has no text and no url or path")
                    continue
                yield Source(where if (where and not text) else name, location=None if text else where,
                             text=text, outlet=_first(row, ("outlet", "source", "publisher")),
                             published=_first(row, _DATE_KEYS), title=_first(row, ("title", "headline")))
        except (csv.Error, UnicodeDecodeError) as exc:
            yield InputError(str(path), f"the list cannot be read past this point ({exc})")


def _json_row(line: str):
    try:
        return json.loads(line)
    except ValueError:
        return None


def _first(row: dict, keys: tuple[str, ...]) -> Optional[str]:
    for key in keys:
        value = row.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def read_source(source: Source) -> Document:
    """The article behind ``source``; raises :class:`IngestError` with a reason."""
    if source.text is not None:
        document = document_from_text(source.text, source.name)
    elif source.location and is_url(source.location):
        document = fetch_url(source.location)
    elif source.location:
        document = read_document(source.location)
    else:  # pragma: no cover - iter_sources never makes one
        raise IngestError(source.name, "nothing to read")
    published = (source.published or "")[:10] or None
    return replace(document, outlet=source.outlet or document.outlet,
                   published=published or document.published, title=source.title or document.title)
