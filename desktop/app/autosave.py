"""The autosave writer and the file name a comparison is saved under.

:class:`Autosaver` writes the autosave on a worker thread (the window asks it
to, debounced); :func:`file_name_for` makes a safe file name from a title.
"""
from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import Optional

from ..engine.session import Session as SavedSession
from ..engine.session import clear_autosave, write_autosave
from . import gui_thread_gc

log = logging.getLogger(__name__)


class Autosaver:
    """Writes the autosave on a worker thread; a later write or a clear wins.

    Each request takes a generation number under the lock; a worker writes
    only if no newer request (or clear) came since, and holds the lock while
    writing, so a clear never races a write that would bring the file back.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._generation = 0
        self.written = False  # wrote at least once in this run
        self.last_error: Optional[str] = None

    def write(self, snapshot: SavedSession) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
        gui_thread_gc.job_started()  # no cycle collection on the writer's thread
        threading.Thread(target=self._job, args=(snapshot, generation), daemon=True,
                         name="parallax-autosave").start()

    def _job(self, snapshot: SavedSession, generation: int) -> None:
        try:
            self._write_if_latest(snapshot, generation)
        finally:
            gui_thread_gc.job_ended()

    def _write_if_latest(self, snapshot: SavedSession, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return
            try:
                write_autosave(snapshot, self.folder)
                self.written = True
                self.last_error = None
            except (OSError, TypeError, ValueError) as exc:
                self.last_error = getattr(exc, "strerror", None) or str(exc)
                log.warning("autosave to %s failed", self.folder, exc_info=True)

    def write_now(self, snapshot: SavedSession) -> None:
        """Write on this thread, superseding any write still queued."""
        with self._lock:
            self._generation += 1
            try:
                write_autosave(snapshot, self.folder)
            except (OSError, TypeError, ValueError) as exc:
                self.last_error = getattr(exc, "strerror", None) or str(exc)
                log.warning("autosave to %s failed", self.folder, exc_info=True)

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            try:
                clear_autosave(self.folder)
            except OSError:
                pass


def file_name_for(title: str) -> str:
    """A safe, short file name (no suffix) made from an article title."""
    name = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()
    name = re.sub(r"\s+", " ", name)
    if len(name) > 50:
        words = name[:51].split(" ")[:-1]
        while words and words[-1].lower() in _TRAILING_SMALL_WORDS:
            words.pop()
        name = " ".join(words)
    return name.strip() or "Parallax comparison"


_TRAILING_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on",
                         "or", "the", "to", "with", "-"}
