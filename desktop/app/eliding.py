"""A picker that ends a long choice in an ellipsis and says the whole of it in its tooltip.

QComboBox cuts its current text at the edge with no sign that more follows;
article titles are long, so the story table's "Read against" box and the
pair view's pickers use :class:`ElidingComboBox` instead, and the lines
beside them that say where the reader is an :class:`ElidedLabel`.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QSizePolicy, QStyle, QStyleOptionComboBox,
                               QStylePainter)

from .labels import PlainLabel


class ElidingComboBox(QComboBox):
    def __init__(self, hint: str = "", parent=None):
        super().__init__(parent)
        self.hint = hint  # said under the whole choice in the tooltip
        self.currentIndexChanged.connect(lambda _i: self._update_tip())
        self._update_tip()

    def _update_tip(self) -> None:
        self.setToolTip("\n".join(t for t in (self.currentText(), self.hint) if t))

    def _label_width(self) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        rect = self.style().subControlRect(QStyle.CC_ComboBox, option,
                                           QStyle.SC_ComboBoxEditField, self)
        return max(0, rect.width() - 4)

    def displayed_text(self) -> str:
        """The current choice as drawn: cut with an ellipsis when it does not fit."""
        return self.fontMetrics().elidedText(self.currentText(), Qt.ElideRight,
                                             self._label_width())

    def paintEvent(self, _event) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.CC_ComboBox, option)
        option.currentText = self.displayed_text()
        painter.drawControl(QStyle.CE_ComboBoxLabel, option)


class ElidedLabel(PlainLabel):
    """One line of plain text that ends in "…" when the room runs out; the whole in the tooltip."""

    def __init__(self, text: str = "", parent=None):
        super().__init__("", parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text if text else "")
        self._elide()

    def text(self) -> str:
        return self._full

    def displayed_text(self) -> str:
        return super().text()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.ElideRight, max(0, self.width()))
        super().setText(shown if self.width() > 0 else self._full)
