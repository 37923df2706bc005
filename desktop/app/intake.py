"""Bringing articles in: files, folders, links, pasted text and drops.

:class:`Intake` opens the file, folder and link dialogs, reads what a paste
or a drop carries (:mod:`desktop.app.drops`) and hands it to the controller;
``.parallax`` files go to the session files instead.  Installed as an event
filter on the window, it handles the window's drag-and-drop events and lights
up the drop target while something is dragged over it.  It reads the window's
``message_bar`` and ``drop_target`` and asks it to ``rebuild_recent_menu()``.
"""
from __future__ import annotations

import os
from typing import Optional

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from ..engine.ingest import supported_suffixes
from ..engine.ingest.web import is_url
from ..engine.resources import seeds_dir
from ..engine.session import SUFFIX
from .drops import can_accept, read_mime
from .link_dialog import LinkDialog


class Intake(QObject):
    def __init__(self, window, controller, sessions, recent):
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.sessions = sessions
        self.recent = recent
        self.link_dialog: Optional[LinkDialog] = None  # the last one opened

    # --- loading --------------------------------------------------------------------

    def load_paths(self, paths: list[str]) -> None:
        """Read files or folders in the background, then compare everything loaded."""
        paths = [os.fspath(p) for p in paths]
        sessions = [p for p in paths if p.lower().endswith(SUFFIX) and os.path.isfile(p)]
        paths = [p for p in paths if p not in sessions]
        for path in sessions:
            self.sessions.open(path)
        if paths:
            self.recent.remember_paths(paths)
            self.window.rebuild_recent_menu()
            self.controller.load_paths(paths)

    def handle_mime(self, mime) -> bool:
        """Load whatever a drop or a paste carries; False when nothing usable."""
        payload = read_mime(mime)
        for link in payload.unsupported:
            self.window.message_bar.show_message(
                f"Could not read {link}: only files and http(s) links can be added", "error")
        if payload.links:
            self.controller.load_links(payload.links)
        for text in payload.texts:
            self.controller.add_text(text)
        if payload.paths:
            self.load_paths(payload.paths)
        return not payload.is_empty()

    def open_sample(self) -> None:
        self.load_paths([str(seeds_dir())])

    def open_files_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Open articles",
                                                self.recent.last_dir(),
                                                f"Articles ({patterns});;All files (*)")
        if paths:
            self.load_paths(paths)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, "Open a folder of articles",
                                                  self.recent.last_dir())
        if folder:
            self.load_paths([folder])

    def open_link_dialog(self) -> LinkDialog:
        """File → Open Link…: the links typed are downloaded like dropped ones."""
        clip = QGuiApplication.clipboard().text().strip()
        dialog = LinkDialog(self.window, clip if clip and is_url(clip) and " " not in clip else "")
        dialog.accepted.connect(lambda d=dialog: self.controller.load_links(d.links()))
        dialog.finished.connect(lambda _r, d=dialog: d.deleteLater())
        self.link_dialog = dialog
        dialog.open()
        return dialog

    def paste_article(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self.handle_mime(mime):
            self.window.message_bar.show_message(
                "The clipboard holds no text or files to add.", "info")

    # --- drag and drop onto the window ---------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if watched is not self.window:
            return False
        kind = event.type()
        if kind == QEvent.DragEnter:
            if can_accept(event.mimeData()):
                event.acceptProposedAction()
                self.window.drop_target.set_active(True)
            else:
                event.ignore()
        elif kind == QEvent.DragMove:
            if can_accept(event.mimeData()):
                event.acceptProposedAction()
        elif kind == QEvent.DragLeave:
            self.window.drop_target.set_active(False)
        elif kind == QEvent.Drop:
            self.window.drop_target.set_active(False)
            if self.handle_mime(event.mimeData()):
                event.acceptProposedAction()
            else:
                event.ignore()
        else:
            return False
        return True
