"""Saved sessions (``.parallax`` files) and the autosave, for the main window.

:class:`SessionFiles` holds what a file would hold (``current_state``), the
file the comparison was last saved to or opened from, and whether anything
changed since (``is_modified``).  ``save``/``save_as``/``save_to`` write,
``open_dialog``/``open`` read (a bad file changes nothing), and
``confirm_discard`` asks Save / Discard / Cancel when ``ask_to_save`` is on.

With ``autosave_enabled`` the same state is written to the autosave
(debounced by ``autosave_delay_ms``, on a worker thread) whenever
``state_changed`` is called, cleared on a clean exit (``window_closing``) and
offered back after a crash (``offer_autosave``).  Both switches are off
unless the app's launcher turns them on, so tests and ``--smoke`` runs never
block on a question or touch the user's autosave.

It needs from the window only what a file holds besides the articles:
``view`` gives ``view_settings()``, ``apply_view_settings(dict)``,
``pair_keys()`` and ``set_pair_keys(keys)``.  Signals: ``changed`` (name or
modified state), ``message(text, kind, actions)``, ``status(text)``,
``recent_changed``.
"""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..engine.session import Session as SavedSession
from ..engine.session import (SUFFIX, SessionError, autosave_path, load_session, read_autosave,
                              save_session)
from .autosave import Autosaver, file_name_for
from .controller import ComparisonController
from .recent import Recent

FILTER = f"Parallax comparisons (*{SUFFIX})"
AUTOSAVE_DELAY_MS = 2000


def ask_with_box(box: QMessageBox) -> QMessageBox.StandardButton:
    """Show a question and return the standard button chosen."""
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else QMessageBox.Cancel


class SessionFiles(QObject):
    changed = Signal()
    message = Signal(str, str, object)  # text, kind, [(button label, callback)]
    status = Signal(str)
    recent_changed = Signal()

    def __init__(self, controller: ComparisonController, recent: Recent, view, parent: QWidget,
                 autosave_dir: Path, *, autosave: bool = False, ask_to_save: bool = False):
        super().__init__(parent)
        self.controller = controller
        self.recent = recent
        self.view = view
        self.parent_widget = parent
        self.path: Optional[str] = None
        self.autosave_enabled = autosave
        self.ask_to_save = ask_to_save
        self.autosave_dir = Path(autosave_dir)
        # Asks a question: (QMessageBox) -> the standard button chosen.  Tests replace it.
        self.ask: Callable[[QMessageBox], QMessageBox.StandardButton] = ask_with_box
        self._autosaver = Autosaver(self.autosave_dir)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self._autosave_now)
        self._offered: Optional[SavedSession] = None  # offered back, not yet answered
        self._offer_text = ""
        self._saved_state: Optional[SavedSession] = None

    @property
    def autosave_delay_ms(self) -> int:
        return self._timer.interval()

    @autosave_delay_ms.setter
    def autosave_delay_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)

    # --- state ---------------------------------------------------------------------------

    def current_state(self) -> SavedSession:
        """What a .parallax file would hold right now."""
        entries = self.controller.session.entries
        keys = [e.key for e in entries]
        pair, chosen = None, self.view.pair_keys()
        if chosen and all(k in keys for k in chosen) and chosen[0] != chosen[1]:
            pair = (keys.index(chosen[0]), keys.index(chosen[1]))
        index = {key: n for n, key in enumerate(keys)}
        set_apart = tuple((index[k], why) for k, why in self.controller.set_apart.items() if k in index)
        stories = tuple((index[k], tuple(sorted(index[m] for m in members if m in index)))
                        for k, members in self.controller.story_of.items() if k in index)
        return SavedSession(tuple(e.document for e in entries), tuple(e.included for e in entries),
                            pair, self.view.view_settings(), set_apart, stories,
                            self.controller.compared_as_one_story())

    def mark_saved(self) -> None:
        """What is on screen now counts as saved (a new, an opened or an untouched comparison)."""
        self._saved_state = self.current_state()
        self.changed.emit()

    def is_modified(self) -> bool:
        """True when the articles or choices differ from the last save (or open)."""
        return self.current_state() != self._saved_state

    def name(self) -> str:
        if self.path:
            return Path(self.path).stem
        return "Untitled comparison" if len(self.controller.session) else ""

    def suggested_name(self) -> str:
        if self.path:
            return Path(self.path).stem
        session = self.controller.session
        included = session.included() or session.entries
        return file_name_for(included[0].display_title) if included else "Parallax comparison"

    def state_changed(self) -> None:
        """Something a file would hold changed: retitle, and autosave a little later."""
        self.changed.emit()
        if self.autosave_enabled:
            self._timer.start()  # restarts: one write a moment after the last change

    def start_untitled(self) -> None:
        """Close All: an empty comparison, not saved anywhere."""
        self.path = None
        self.mark_saved()

    # --- save ------------------------------------------------------------------------------

    def save(self) -> bool:
        """File → Save: to the current file, or ask where the first time."""
        return self.save_to(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        start = self.path or os.path.join(self.recent.session_dir(),
                                          self.suggested_name() + SUFFIX)
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, "Save the comparison as",
                                              start, FILTER)
        if not path:
            return False
        if not path.lower().endswith(SUFFIX):
            path += SUFFIX
        return self.save_to(path)

    def save_to(self, path) -> bool:
        """Write the session to ``path``; problems go to the message bar."""
        path = os.path.abspath(os.fspath(path))
        state = self.current_state()
        try:
            save_session(path, state)
        except (OSError, TypeError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.message.emit(f"Could not save {path}: {reason}", "error", [])
            return False
        self.path = path
        self._saved_state = state
        self._timer.stop()
        if self.autosave_enabled:
            self._autosaver.clear()
        self._remember(path)
        self.changed.emit()
        self.status.emit(f"Saved {path}")
        return True

    # --- open --------------------------------------------------------------------------------

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, "Open a saved comparison",
                                              self.recent.session_dir(),
                                              f"{FILTER};;All files (*)")
        if path:
            self.open(path)

    def open(self, path) -> bool:
        """Replace the articles with a saved session's; a bad file changes nothing."""
        path = os.path.abspath(os.fspath(path))
        try:
            saved = load_session(path)
        except SessionError as exc:
            self.message.emit(f"Could not open {exc.path}: {exc.reason}. "
                              "Your current articles are unchanged.", "error", [])
            return False
        if not self.confirm_discard("opening another comparison"):
            return False
        self._apply(saved)
        self.path = path
        self.mark_saved()
        self._remember(path)
        if self.autosave_enabled:
            self._autosaver.clear()
        return True

    def _apply(self, saved: SavedSession) -> None:
        """Load a saved session's articles, ticks, pair and view settings in place of ours."""
        self.view.apply_view_settings(saved.settings)
        entries = self.controller.restore(saved.documents, saved.included, replace_all=True,
                                          set_apart=saved.set_apart, stories=saved.stories,
                                          one_story=saved.one_story)
        keys = [e.key for e in entries]
        self.view.set_pair_keys((keys[saved.pair[0]], keys[saved.pair[1]]) if saved.pair
                                else None)
        self.state_changed()

    def _remember(self, path: str) -> None:
        self.recent.remember_session(path)
        self.recent_changed.emit()

    def confirm_discard(self, doing: str) -> bool:
        """Ask Save / Discard / Cancel over unsaved changes (when asked to); True to go ahead."""
        if not self.ask_to_save or not len(self.controller.session) or not self.is_modified():
            return True
        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to “{self.name()}” before {doing}?")
        box.setInformativeText("The articles and your choices (ticks, names, the pair) will be "
                               "lost if you don't save them.")
        box.setStandardButtons(QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
        box.setDefaultButton(QMessageBox.Save)
        answer = self.ask(box)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    # --- autosave ----------------------------------------------------------------------------

    def _autosave_now(self) -> None:
        if not self.autosave_enabled:
            return
        if not len(self.controller.session) or not self.is_modified():
            # Nothing that is not already in a saved file (or nothing at all).
            if self._offered is None:
                self._autosaver.clear()
            return
        self._autosaver.write(self.current_state())

    def stop_autosave(self) -> None:
        """No more autosaves from this window (as if it had crashed)."""
        self.autosave_enabled = False
        self._timer.stop()

    def window_closing(self) -> None:
        """A clean exit: nothing to offer back next time, unless an offer is still unanswered."""
        self._timer.stop()
        if self.autosave_enabled:
            if self._offered is not None:
                self._autosaver.write_now(self._offered)
            else:
                self._autosaver.clear()

    def offer_autosave(self) -> bool:
        """After a crash, offer the autosaved comparison back (non-modal); True if offered."""
        path = autosave_path(self.autosave_dir)
        if not path.is_file():
            return False
        saved = read_autosave(self.autosave_dir)
        if saved is None:
            self._set_aside_unreadable(path)
            return False
        if not saved.documents:
            self._autosaver.clear()
            return False
        stamp = datetime.fromtimestamp(path.stat().st_mtime)
        when = f"{stamp:%H:%M}" if stamp.date() == datetime.now().date() \
            else f"{stamp.day} {stamp:%B} at {stamp:%H:%M}"
        count = len(saved.documents)
        self._offer_text = (f"Restore the comparison you were working on ({count} "
                            f"article{'s' * (count != 1)}, autosaved at {when})?")
        self._offered = saved
        self.show_offer()
        return True

    def show_offer(self) -> None:
        """Show the autosave offer again (after Close All) while it is unanswered."""
        saved = self._offered
        if saved is None:
            return
        self.message.emit(self._offer_text, "info",
                          [("Restore", lambda s=saved: self.restore_autosave(s)),
                           ("Discard", self.discard_autosave)])

    def restore_autosave(self, saved: SavedSession) -> None:
        """Bring back an autosaved session (as an unsaved comparison)."""
        self._offered = None
        if len(self.controller.session):
            # Keep what is already open: the autosaved articles join it.
            self.controller.restore(saved.documents, saved.included, replace_all=False,
                                    set_apart=saved.set_apart, stories=saved.stories)
        else:
            self._apply(saved)
        self.status.emit("Restored the autosaved comparison.")

    def discard_autosave(self) -> None:
        self._offered = None
        if not self._autosaver.written:  # never throw away this run's own autosave
            self._autosaver.clear()

    def _set_aside_unreadable(self, path: Path) -> None:
        try:
            load_session(path)
            return
        except SessionError as exc:
            reason = exc.reason
        kept = path.with_name(f"autosave-unreadable-{datetime.now():%Y%m%d-%H%M%S}{SUFFIX}")
        try:
            os.replace(path, kept)
            where = f"It was kept as {kept}."
        except OSError:
            kept, where = path, "It was left in place."
        self.message.emit(
            f"The autosaved comparison from the last run could not be read ({reason}). {where}",
            "warning", [])
