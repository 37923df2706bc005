"""Saved sessions (``.parallax`` files) and the autosave.

A session keeps what is needed to redo a comparison, not its result: the
articles' texts and details, which of them are included, the pair being
read and the app's view settings.  Reopening recomputes the comparison from
the stored texts, so a session still opens when the original files are gone
and benefits from a better engine.

File format (UTF-8 JSON, versioned; fields are only ever added)::

    {"format": "parallax.session", "version": 1,
     "documents": [{"source", "text", "title", "outlet", "byline", "published", "removed"}],
     "included": [true, ...], "pair": [i, j] | null, "settings": {...},
     "set_apart": [[i, "why"], ...], "stories": [[i, [i, j, ...]], ...], "one_story": false,
     "saved": "2026-11-22T10:40:00+01:00", "generator": "parallax 0.1.0"}

``set_apart`` (documents the engine judged to report another event, with its
reason) and ``stories`` (for each document compared when a comparison told two
stories or more, the documents of its story) were added in December 2026; a
file without them reads as none.  ``one_story`` (added later that month) says
the included documents were compared as the one story a comparison of more of
them found, not judged again (``CompareConfig.one_story``); a file without it
reads as false.

Files are written atomically (temporary file, fsync, rename), so a crash or
a full disk never leaves a half-written session in place of a good one.

Reading trusts nothing: JSON nested deeper than :data:`MAX_DEPTH`, numbers
Python refuses to read (thousands of digits), a wrong type anywhere or more
than :data:`MAX_DOCUMENTS` articles is a :class:`SessionError` with a plain
reason, never another exception; texts have lone surrogates mended, like
everything that comes in through the readers.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Optional, Union

from .. import __version__
from .atomic import write_atomic
from .errors import ParallaxError
from .ingest.hygiene import no_lone_surrogates, within_limits
from .model import Document

FORMAT = "parallax.session"
VERSION = 1
SUFFIX = ".parallax"
AUTOSAVE_NAME = "autosave.parallax"

MAX_DEPTH = 32  # JSON nesting; a session needs 4, the app's settings a few more
MAX_DOCUMENTS = 1000

PathLike = Union[str, "os.PathLike[str]"]
_DOC_TEXT_FIELDS = ("title", "outlet", "byline", "published")


class SessionError(ParallaxError):
    """A session file that cannot be read; ``reason`` is for people."""

    def __init__(self, path: PathLike, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


@dataclass(frozen=True)
class Session:
    """What the app needs to reopen a comparison.

    ``included`` has one flag per document (an empty tuple means all
    included, and is filled in); ``pair`` is the two documents shown side by
    side, by index; ``settings`` is free-form app state that must be JSON;
    ``set_apart`` is (document index, why) for the articles the engine judged
    to report another event, and ``stories`` (document index, the indices of its
    story) for the articles of a comparison that told two stories or more, so
    both survive a reopening that compares only the ticks; ``one_story``: the
    included articles are compared as one story, as they were when saved.
    """

    documents: tuple[Document, ...]
    included: tuple[bool, ...] = ()
    pair: Optional[tuple[int, int]] = None
    settings: dict = field(default_factory=dict)
    set_apart: tuple[tuple[int, str], ...] = ()
    stories: tuple[tuple[int, tuple[int, ...]], ...] = ()
    one_story: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "documents", tuple(self.documents))
        included = tuple(bool(x) for x in self.included) or (True,) * len(self.documents)
        if len(included) != len(self.documents):
            raise ValueError(f"{len(included)} 'included' flags for {len(self.documents)} documents")
        object.__setattr__(self, "included", included)
        if self.pair is not None:
            pair = tuple(self.pair)
            if (len(pair) != 2 or not all(isinstance(i, int) and 0 <= i < len(self.documents)
                                          for i in pair) or pair[0] == pair[1]):
                raise ValueError(f"pair {self.pair!r} does not name two of the "
                                 f"{len(self.documents)} documents")
            object.__setattr__(self, "pair", pair)
        object.__setattr__(self, "settings", dict(self.settings or {}))
        count = len(self.documents)
        set_apart = tuple(sorted(dict((int(i), str(why)) for i, why in self.set_apart).items()))
        stories = tuple(sorted(dict((int(i), tuple(sorted(set(int(m) for m in members))))
                                    for i, members in self.stories).items()))
        if any(not 0 <= i < count for i, _ in set_apart) or \
                any(not 0 <= m < count for i, members in stories for m in (i, *members)):
            raise ValueError(f"an article number of 'set_apart' or 'stories' is not one of the "
                             f"{count} documents")
        object.__setattr__(self, "set_apart", set_apart)
        object.__setattr__(self, "stories", stories)

    def included_documents(self) -> tuple[Document, ...]:
        """The documents to compare (pass these to ``compare``)."""
        return tuple(d for d, keep in zip(self.documents, self.included) if keep)


# --- to and from JSON -------------------------------------------------------------------

def session_to_dict(session: Session, saved: Optional[datetime] = None) -> dict[str, Any]:
    stamp = (saved or datetime.now().astimezone()).replace(microsecond=0)
    return {
        "format": FORMAT,
        "version": VERSION,
        "generator": f"parallax {__version__}",
        "saved": stamp.isoformat(),
        "documents": [
            {"source": d.source, "text": d.text, "title": d.title, "outlet": d.outlet,
             "byline": d.byline, "published": d.published, "removed": list(d.removed)}
            for d in session.documents
        ],
        "included": list(session.included),
        "pair": list(session.pair) if session.pair is not None else None,
        "settings": session.settings,
        "set_apart": [[i, why] for i, why in session.set_apart],
        "stories": [[i, list(members)] for i, members in session.stories],
        "one_story": session.one_story,
    }


def session_from_dict(data: Any, path: PathLike = "<session>") -> Session:
    """Check and rebuild a session; every problem is a :class:`SessionError`."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError(path, "not a Parallax session file")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionError(path, f"damaged session file: format version {version!r} is not valid")
    if version > VERSION:
        raise SessionError(path, f"made by a newer Parallax (format version {version}); "
                                 f"this one reads up to {VERSION}")
    documents = data.get("documents")
    if not isinstance(documents, list):
        raise SessionError(path, "damaged session file: the 'documents' list is missing")
    if len(documents) > MAX_DOCUMENTS:
        raise SessionError(path, f"the session holds {len(documents):,} articles; Parallax "
                                 f"opens at most {MAX_DOCUMENTS:,}")
    docs = [_document(item, n, path) for n, item in enumerate(documents, start=1)]
    included = data.get("included", [True] * len(docs))
    if (not isinstance(included, list) or len(included) != len(docs)
            or not all(isinstance(x, bool) for x in included)):
        raise SessionError(path, "damaged session file: 'included' needs one true/false per "
                                 "document")
    pair = data.get("pair")
    if pair is not None and not (isinstance(pair, list) and len(pair) == 2
                                 and all(isinstance(i, int) and not isinstance(i, bool)
                                         for i in pair)):
        raise SessionError(path, "damaged session file: 'pair' must be two document numbers "
                                 "or null")
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise SessionError(path, "damaged session file: 'settings' must be an object")
    if _depth(settings) > MAX_DEPTH:
        raise SessionError(path, "damaged session file: 'settings' is nested too deeply")
    settings = _mended(settings)
    set_apart = data.get("set_apart", [])
    if not (isinstance(set_apart, list) and all(
            isinstance(x, list) and len(x) == 2 and _is_int(x[0]) and isinstance(x[1], str)
            for x in set_apart)):
        raise SessionError(path, "damaged session file: 'set_apart' must be pairs of a document "
                                 "number and a reason")
    stories = data.get("stories", [])
    if not (isinstance(stories, list) and all(
            isinstance(x, list) and len(x) == 2 and _is_int(x[0]) and isinstance(x[1], list)
            and all(_is_int(m) for m in x[1]) for x in stories)):
        raise SessionError(path, "damaged session file: 'stories' must be pairs of a document number "
                                 "and the document numbers of its story")
    one_story = data.get("one_story", False)
    if not isinstance(one_story, bool):
        raise SessionError(path, "damaged session file: 'one_story' must be true or false")
    try:
        return Session(tuple(docs), tuple(included), tuple(pair) if pair else None, settings,
                       tuple((i, no_lone_surrogates(why)) for i, why in set_apart),
                       tuple((i, tuple(members)) for i, members in stories), one_story)
    except ValueError as exc:
        raise SessionError(path, f"damaged session file: {exc}") from None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _document(item: Any, number: int, path: PathLike) -> Document:
    if not isinstance(item, dict):
        raise SessionError(path, f"damaged session file: document {number} is not an object")
    for key in ("source", "text"):
        if not isinstance(item.get(key), str):
            raise SessionError(path, f"damaged session file: document {number} has no "
                                     f"'{key}' text")
    extra = {}
    for key in _DOC_TEXT_FIELDS:
        value = item.get(key)
        if value is not None and not isinstance(value, str):
            raise SessionError(path, f"damaged session file: document {number}'s '{key}' "
                                     "is not text")
        extra[key] = value
    removed = item.get("removed") or []
    if not isinstance(removed, list) or not all(isinstance(x, str) for x in removed):
        raise SessionError(path, f"damaged session file: document {number}'s 'removed' "
                                 "is not a list of lines")
    extra = {key: no_lone_surrogates(value) if value is not None else None
             for key, value in extra.items()}
    # The readers' limits hold for a session's texts too (it may come from anywhere).
    text, cut = within_limits(no_lone_surrogates(item["text"]))
    return Document(no_lone_surrogates(item["source"]), text,
                    removed=tuple(map(no_lone_surrogates, removed)), warnings=tuple(cut), **extra)


def _depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """How deeply ``value`` nests (stops counting past ``limit``), without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if level > limit:
            return level
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return deepest


def _mended(value: Any) -> Any:
    """``value`` with lone surrogates mended in every string (keys too)."""
    if isinstance(value, str):
        return no_lone_surrogates(value)
    if isinstance(value, dict):
        return {no_lone_surrogates(k): _mended(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mended(v) for v in value]
    return value


def dumps_session(session: Session, saved: Optional[datetime] = None) -> str:
    return json.dumps(session_to_dict(session, saved), ensure_ascii=False, indent=1) + "\n"


# --- files ------------------------------------------------------------------------------

def save_session(path: PathLike, session: Session) -> None:
    """Write ``session`` to ``path`` atomically; ``OSError`` if the disk refuses.

    The settings must be JSON-serialisable (``TypeError`` otherwise, before
    anything is written).
    """
    write_atomic(Path(path), dumps_session(session))


def load_session(path: PathLike) -> Session:
    """Read a ``.parallax`` file; raises :class:`SessionError` with a plain reason."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise SessionError(path, "no such file") from None
    except IsADirectoryError:
        raise SessionError(path, "is a folder, not a session file") from None
    except OSError as exc:
        raise SessionError(path, f"cannot be read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SessionError(path, "not a Parallax session file (not UTF-8 text)") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if not text.lstrip().startswith("{"):
            raise SessionError(path, "not a Parallax session file") from None
        raise SessionError(path, f"damaged session file: the JSON breaks off or is garbled "
                                 f"at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise SessionError(path, "damaged session file: the JSON is nested too deeply") from None
    except ValueError:  # e.g. an integer of more than 4,300 digits
        raise SessionError(path, "damaged session file: it holds a number too long to "
                                 "read") from None
    except MemoryError:
        raise SessionError(path, "the session file is too large to read") from None
    try:
        return session_from_dict(data, path)
    except SessionError:
        raise
    except (TypeError, ValueError, OverflowError, RecursionError) as exc:
        # Nothing should get here; if a check above missed a case, the file is
        # still only damaged, not a reason to crash the caller.
        raise SessionError(path, f"damaged session file ({type(exc).__name__})") from None


# --- autosave ---------------------------------------------------------------------------
#
# The engine does not decide where per-user data lives: the app owns every
# per-user location (desktop/app/paths.py) and passes the folder in.

def autosave_path(folder: PathLike) -> Path:
    """The autosave file inside ``folder``."""
    return Path(folder) / AUTOSAVE_NAME


def write_autosave(session: Session, folder: PathLike) -> Path:
    """Save ``session`` as the autosave in ``folder`` (atomically, creating the
    folder); returns where it went."""
    path = autosave_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    save_session(path, session)
    return path


def read_autosave(folder: PathLike) -> Optional[Session]:
    """The session autosaved in ``folder``, or ``None`` when there is none or it
    cannot be read.

    An unreadable autosave is left on disk untouched (it may come from a
    newer Parallax); the next :func:`write_autosave` replaces it.
    """
    path = autosave_path(folder)
    if not path.is_file():
        return None
    try:
        return load_session(path)
    except SessionError:
        return None


def clear_autosave(folder: PathLike) -> None:
    """Remove the autosave in ``folder`` (after a clean exit or an explicit save)."""
    try:
        autosave_path(folder).unlink()
    except FileNotFoundError:
        pass
