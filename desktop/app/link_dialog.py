"""File → Open Link…: type or paste web links to add as articles.

:class:`LinkDialog` only collects links (``links()``, one or more, separated
by spaces or lines); the window hands them to the same background download as
links dropped or pasted on it.  Open is enabled once every word is an
http(s) link.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout,
                               QWidget)

from ..engine.ingest.web import is_url
from .labels import PlainLabel


class LinkDialog(QDialog):
    def __init__(self, parent: Optional[QWidget] = None, text: str = ""):
        super().__init__(parent)
        self.setWindowTitle("Open Link")
        self.edit = QPlainTextEdit()
        self.edit.setPlaceholderText("https://example.com/news/story")
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.edit.setPlainText(text)
        self.note = PlainLabel("A web address of a news article (http or https); several, one a line.")
        self.note.setObjectName("Muted")
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Open | QDialogButtonBox.Cancel)
        self.open_button = self.buttons.button(QDialogButtonBox.Open)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(PlainLabel("Link:"))
        layout.addWidget(self.edit)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
        self.edit.textChanged.connect(self._update)
        self._update()

    def links(self) -> list[str]:
        return self.edit.toPlainText().split()

    def set_text(self, text: str) -> None:
        self.edit.setPlainText(text)

    def _update(self) -> None:
        links = self.links()
        bad = [w for w in links if not is_url(w)]
        self.open_button.setEnabled(bool(links) and not bad)
        self.note.setText(f"Not a web link: {bad[0]}" if bad else
                          "A web address of a news article (http or https); several, one a line.")

    def accept(self) -> None:
        if self.open_button.isEnabled():
            super().accept()
