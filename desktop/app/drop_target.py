"""The empty window: a large drop target and a one-click sample comparison."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from .labels import PlainLabel


class DropTarget(QWidget):
    open_sample = Signal()
    open_files = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.frame = QFrame()
        self.frame.setObjectName("DropTarget")
        glyph = PlainLabel("⤓")
        glyph.setObjectName("DropGlyph")
        glyph.setAlignment(Qt.AlignCenter)
        title = PlainLabel("Drop articles here, or open the sample comparison")
        title.setObjectName("DropTitle")
        title.setAlignment(Qt.AlignCenter)
        title.setWordWrap(True)
        hint = PlainLabel("Files (.txt, .html, .pdf, .docx and more), a folder of them, web links "
                      "or a saved .parallax comparison. Text dragged from a page or pasted with "
                      "Ctrl+V becomes an article too.\nOnly the links you add are downloaded; "
                      "all reading and comparing happens on this computer.")
        hint.setObjectName("DropHint")
        hint.setAlignment(Qt.AlignCenter)
        hint.setWordWrap(True)
        self.sample_button = QPushButton("Open the sample comparison")
        self.sample_button.setObjectName("PrimaryButton")
        self.sample_button.setDefault(True)
        self.sample_button.setCursor(Qt.PointingHandCursor)
        self.sample_button.setMinimumHeight(36)
        self.sample_button.clicked.connect(self.open_sample.emit)
        self.files_button = QPushButton("Open files…")
        self.files_button.setObjectName("SecondaryButton")
        self.files_button.setMinimumHeight(36)
        self.files_button.setCursor(Qt.PointingHandCursor)
        self.files_button.clicked.connect(self.open_files.emit)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.files_button)
        buttons.addStretch(1)
        inner = QVBoxLayout(self.frame)
        inner.setContentsMargins(48, 48, 48, 48)
        inner.setSpacing(16)
        inner.addStretch(1)
        inner.addWidget(glyph)
        inner.addWidget(title)
        inner.addWidget(hint)
        inner.addSpacing(8)
        inner.addLayout(buttons)
        inner.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(60, 40, 60, 60)
        outer.addWidget(self.frame)

    def set_active(self, active: bool) -> None:
        """Show the drag-over state (accent border)."""
        self.frame.setProperty("active", "true" if active else "false")
        self.frame.style().unpolish(self.frame)
        self.frame.style().polish(self.frame)
