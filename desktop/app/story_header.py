"""The story table's column header: titles that end in an ellipsis, and a button to collapse.

Each article's section shows its whole title cut with "…" where it does not
fit (the model's tooltip holds all of it), and a small button at its right
end: ◂ narrows the article's column to a strip, ▸ on the strip widens it
again.  Right-clicking a section (or a cell, through :meth:`menu_for`) offers
the same, and "Expand all columns".  The header only asks and draws; the
:class:`~desktop.app.story_view.StoryView` owns which columns are collapsed
(``collapsed(section)``) and sets the widths.

:class:`PointHeader` is the table's row header: each point's number and
marks ("weak link", "⚠ 2 conflicts", "Side by side ›"), drawn by the view's
``paint_point``.  Being a header, it stays put when the table scrolls
sideways through many articles.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHeaderView, QMenu, QStyle, QStyleOptionHeader, QToolTip

BUTTON = 16  # the collapse button's side, in pixels
COLLAPSED_WIDTH = 2 * BUTTON + 8  # a strip: the article's letter and the expand button


class StoryHeader(QHeaderView):
    toggle_requested = Signal(int)  # section (1..): collapse or expand that article's column
    expand_all_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(Qt.Horizontal, parent)
        self.collapsed: Callable[[int], bool] = lambda _section: False
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        # The style's least section width can exceed a strip's, and a strip a pixel
        # wider than planned brings a sideways scroll bar for nothing.
        self.setMinimumSectionSize(COLLAPSED_WIDTH)
        self.setContextMenuPolicy(Qt.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self._popup(self.logicalIndexAt(pos), self.mapToGlobal(pos)))

    # --- geometry and words --------------------------------------------------------------

    def button_rect(self, section: int) -> QRect:
        """Where a section's collapse/expand button is, in the header's coordinates."""
        left = self.sectionViewportPosition(section)
        width = self.sectionSize(section)
        return QRect(left + width - BUTTON - 5, (self.height() - BUTTON) // 2, BUTTON, BUTTON)

    def _text_rect(self, rect: QRect, section: int) -> QRect:
        if section == 0:
            return rect.adjusted(6, 0, -4, 0)
        return rect.adjusted(6, 0, -(BUTTON + 8), 0)

    def shown_text(self, section: int) -> str:
        """A section's words as drawn: its whole text, or the start of it and "…"."""
        text = str(self.model().headerData(section, Qt.Horizontal, Qt.DisplayRole) or "")
        rect = QRect(0, 0, self.sectionSize(section), self.height())
        return self.fontMetrics().elidedText(text, Qt.ElideRight,
                                             max(0, self._text_rect(rect, section).width()))

    # --- drawing --------------------------------------------------------------------------

    def paintSection(self, painter, rect: QRect, section: int) -> None:
        if not rect.isValid():
            return
        painter.save()
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = section
        self.style().drawControl(QStyle.CE_HeaderSection, option, painter, self)
        painter.setPen(self.palette().color(QPalette.ButtonText))
        painter.drawText(self._text_rect(rect, section), Qt.AlignLeft | Qt.AlignVCenter,
                         self.shown_text(section))
        if section > 0:
            button = self.button_rect(section).translated(rect.left()
                                                         - self.sectionViewportPosition(section), 0)
            painter.setPen(self.palette().color(QPalette.Mid))
            painter.drawRoundedRect(button.adjusted(0, 0, -1, -1), 3, 3)
            painter.setPen(self.palette().color(QPalette.ButtonText))
            painter.drawText(button, Qt.AlignCenter, "▸" if self.collapsed(section) else "◂")
        painter.restore()

    # --- asking --------------------------------------------------------------------------

    def mousePressEvent(self, event) -> None:
        section = self.logicalIndexAt(event.position().toPoint())
        if event.button() == Qt.LeftButton and section > 0 and (
                self.collapsed(section)
                or self.button_rect(section).contains(event.position().toPoint())):
            self.toggle_requested.emit(section)
            event.accept()
            return
        super().mousePressEvent(event)

    def viewportEvent(self, event) -> bool:
        if event.type() == event.Type.ToolTip:
            section = self.logicalIndexAt(event.pos())
            if section > 0 and self.button_rect(section).contains(event.pos()):
                what = "Widen this article's column again" if self.collapsed(section) else \
                    "Narrow this article's column to a strip (it stays in the comparison)"
                QToolTip.showText(event.globalPos(), what, self)
                return True
        return super().viewportEvent(event)

    def menu_for(self, section: int) -> QMenu:
        """The menu for an article's column: collapse or expand it, expand all."""
        menu = QMenu(self)
        if section > 0:
            name = str(self.model().headerData(section, Qt.Horizontal, Qt.DisplayRole) or "")
            name = self.fontMetrics().elidedText(name, Qt.ElideRight, 260)
            verb = "Expand" if self.collapsed(section) else "Collapse"
            menu.addAction(f"{verb} Column “{name}”",
                           lambda s=section: self.toggle_requested.emit(s))
        every = menu.addAction("Expand All Columns", self.expand_all_requested.emit)
        every.setEnabled(any(self.collapsed(s) for s in range(1, self.count())))
        return menu

    def _popup(self, section: int, where) -> None:
        if section >= 0:
            self.menu_for(section).popup(where)


class PointHeader(QHeaderView):
    def __init__(self, width: int, paint_point: Callable, parent=None):
        super().__init__(Qt.Vertical, parent)
        self._width = width
        self._paint_point = paint_point  # (painter, rect, row)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        self.setSectionResizeMode(QHeaderView.Fixed)
        self.setMinimumWidth(width)

    def sizeHint(self) -> QSize:
        # Fixed: measuring every point's words for a width would walk every row.
        return QSize(self._width, self._width)

    def paintSection(self, painter, rect: QRect, section: int) -> None:
        if rect.isValid():
            self._paint_point(painter, rect, section)
