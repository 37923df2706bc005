"""A non-blocking message strip above the content (never a modal dialog).

Every line is plain text (a file name such as ``<b style=color:green>✔ Saved</b>``
shows as those characters, not as markup).

``MessageBar.show_message(text, kind, actions)`` adds a line; each line can be
dismissed; ``actions`` are ``(label, callback)`` buttons on the line (a click
runs the callback and dismisses the line); ``messages()`` lists what is
shown (used by tests).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton,
                               QVBoxLayout, QWidget)

from . import styles
from .labels import PlainLabel

_ICONS = {"error": "⚠", "warning": "⚠", "info": "ℹ"}


class MessageBar(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 0)
        self._layout.setSpacing(4)
        self._rows: list[tuple[QFrame, str]] = []
        self.hide()

    def show_message(self, text: str, kind: str = "error", actions=()) -> QFrame:
        theme = styles.current_theme()
        colour = {"error": theme.conflict, "warning": theme.conflict.lighter(120),
                  "info": theme.accent}.get(kind, theme.accent)
        background = {"error": theme.delete_bg, "warning": theme.replace_bg,
                      "info": theme.current_bg}.get(kind, theme.current_bg)
        row = QFrame()
        row.setObjectName("MessageRow")
        row.setStyleSheet(f"#MessageRow {{ background: {background.name()}; "
                          f"border-left: 4px solid {colour.name()}; border-radius: 3px; }}")
        icon = PlainLabel(_ICONS.get(kind, "ℹ"))
        label = PlainLabel(text)
        # Messages quote file names, page titles and servers' words: never markup.
        label.setTextFormat(Qt.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        label.setStyleSheet(f"color: {theme.text.name()};")
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip("Dismiss")
        line = QHBoxLayout(row)
        line.setContentsMargins(10, 6, 6, 6)
        line.addWidget(icon)
        line.addWidget(label, 1)
        for caption, callback in actions:
            button = QPushButton(caption)
            button.setObjectName("MessageAction")
            button.clicked.connect(lambda _c=False, cb=callback, r=row: (self._dismiss(r), cb()))
            line.addWidget(button)
        line.addWidget(close)
        close.clicked.connect(lambda: self._dismiss(row))
        self._rows.append((row, text))
        self._layout.addWidget(row)
        # Keep the bar short: the oldest lines go first.
        while len(self._rows) > 6:
            self._dismiss(self._rows[0][0])
        self.show()
        return row

    def buttons(self, row: QFrame) -> dict[str, QPushButton]:
        """The action buttons on one line, by caption (for tests)."""
        return {b.text(): b for b in row.findChildren(QPushButton, "MessageAction")}

    def rows(self) -> list[QFrame]:
        return [row for row, _ in self._rows]

    def dismiss(self, row: QFrame) -> None:
        self._dismiss(row)

    def messages(self) -> list[str]:
        return [text for _, text in self._rows]

    def clear(self) -> None:
        for row, _ in list(self._rows):
            self._dismiss(row)

    def _dismiss(self, row: QFrame) -> None:
        if all(r is not row for r, _ in self._rows):
            return
        self._rows = [(r, t) for r, t in self._rows if r is not row]
        row.setParent(None)
        row.deleteLater()
        if not self._rows:
            self.hide()
