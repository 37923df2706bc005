"""The find bar over the pair view: type to find in both articles.

:class:`FindBar` drives anything with ``find(needle, backward) -> bool``,
``restart_find()`` and ``clear_find()`` (the pair view).  Enter finds the
next match, Shift+Enter the previous, Escape or ✕ closes the bar and clears
the marks; "Not found" says when nothing matches.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget
from .labels import PlainLabel


class FindBar(QWidget):
    def __init__(self, target, parent=None):
        super().__init__(parent)
        self.target = target
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in both articles (Enter: next, Shift+Enter: previous)")
        self.edit.setClearButtonEnabled(True)
        self.status = PlainLabel("")
        self.status.setObjectName("Muted")
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(PlainLabel("Find:"))
        row.addWidget(self.edit, 1)
        row.addWidget(self.status)
        row.addWidget(close)
        self.edit.returnPressed.connect(lambda: self.find(
            bool(QGuiApplication.keyboardModifiers() & Qt.ShiftModifier)))
        self.edit.textChanged.connect(lambda _t: self.find(False, restart=True))
        self.hide()

    def start(self) -> None:
        """Show the bar with its text selected, ready to type."""
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.target.clear_find()

    def find(self, backward: bool = False, restart: bool = False) -> None:
        if restart:
            self.target.restart_find()
        needle = self.edit.text()
        found = self.target.find(needle, backward)
        self.status.setText("" if found or not needle else "Not found")

    def refresh(self) -> None:
        """The text changed under the bar (another pair): find again from the top."""
        if self.isVisible() and self.edit.text():
            self.find(False, restart=True)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)
