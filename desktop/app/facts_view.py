"""The facts table: conflicts first, each with its note and the value per article.

``FactsView.show_facts(rows, article_ids)`` fills it from
:func:`~desktop.app.viewmodels.fact_rows`; choosing a row emits
``fact_chosen(fact)`` so the window can show its passages side by side.
Its filter and count (``filter_bar``) can be moved beside the panel's tabs
with ``detach_filter_bar()``, giving the rows the height; the bar then shows
only while the facts do.
"""
from __future__ import annotations

from typing import Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QHeaderView,
                               QTableView, QToolButton, QVBoxLayout, QWidget)

from . import styles
from ..engine.model import Fact
from .viewmodels import FactRow
from .labels import PlainLabel

# Room a cell's margins and grid line take from its text, both sides together (measured loosely).
CELL_PADDING = 12
_STATUS_LABEL = {"conflict": "⚠ Conflict", "agree": "✓ Agree", "single": "• One source"}


class FactTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[FactRow] = []
        self.article_ids: list[str] = []
        self._conflict_colour = styles.current_theme().conflict
        self._bold = QFont()
        self._bold.setWeight(QFont.DemiBold)

    def reset(self, rows: list[FactRow], article_ids: list[str]) -> None:
        self.beginResetModel()
        self.rows, self.article_ids = rows, article_ids
        # data() runs for every cell and role: look colours up once here.
        self._conflict_colour = styles.current_theme().conflict
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3 + len(self.article_ids)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or role != Qt.DisplayRole:
            return None
        fixed = ["Status", "Kind", "What differs"]
        return fixed[section] if section < 3 else self.article_ids[section - 3]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            if col == 0:
                return _STATUS_LABEL.get(row.status, row.status)
            if col == 1:
                return row.kind + (" (approx.)" if row.fact.approximate else "")
            if col == 2:
                return row.note
            return row.values.get(self.article_ids[col - 3], "—" if role == Qt.DisplayRole else
                                  "not mentioned in this article")
        if role == Qt.ForegroundRole and col == 0 and row.status == "conflict":
            return self._conflict_colour
        if role == Qt.FontRole and row.status == "conflict" and col in (0, 2):
            return self._bold
        return None


class FactsView(QWidget):
    fact_chosen = Signal(object)  # Fact
    filter_changed = Signal(bool)  # conflicts only

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = FactTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        # Fixed sizes throughout: measuring contents calls data() for every
        # cell, which stalls the UI with a hundred facts across 20 articles.
        rows = self.table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setDefaultSectionSize(120)
        header.setMinimumSectionSize(40)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.table.selectionModel().currentRowChanged.connect(self._on_row)
        self.table.clicked.connect(lambda index: self._on_row(index, None))

        # A segmented pair of buttons: radio dots nearly vanish in dark themes.
        self.conflicts_only = QToolButton()
        self.conflicts_only.setText("Conflicts only")
        self.show_all = QToolButton()
        self.show_all.setText("All facts")
        for button in (self.conflicts_only, self.show_all):
            button.setCheckable(True)
            button.setObjectName("Segment")
        self.show_all.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.conflicts_only)
        group.addButton(self.show_all)
        self.conflicts_only.toggled.connect(self.filter_changed.emit)
        self.summary = PlainLabel("")
        self.summary.setObjectName("Muted")
        self.empty_label = PlainLabel("No facts found in these articles yet.")
        self.empty_label.setObjectName("Muted")
        self.empty_label.setAlignment(Qt.AlignCenter)

        self.filter_bar = QWidget()
        self._bar_detached = False
        bar = QHBoxLayout(self.filter_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(PlainLabel("Show:"))
        bar.setSpacing(0)
        bar.addSpacing(6)
        bar.addWidget(self.show_all)
        bar.addWidget(self.conflicts_only)
        bar.addSpacing(16)
        bar.addWidget(self.summary)
        bar.addSpacing(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty_label)

    def detach_filter_bar(self) -> QWidget:
        """The filter and count, out of the panel (the window puts them beside its tabs)."""
        self.layout().removeWidget(self.filter_bar)
        self._bar_detached = True
        return self.filter_bar

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.filter_bar.setVisible(True)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        if self._bar_detached:
            self.filter_bar.setVisible(False)  # beside the tabs: not over the overview

    def show_facts(self, rows: list[FactRow], article_ids: list[str], total: int,
                   conflicts: int) -> None:
        self.model.reset(rows, article_ids)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.resizeSection(0, 100)
        # Wide enough for the longest word of a kind as shown ("organization", "(approx.)"):
        # a word cannot wrap.
        metrics = self.table.fontMetrics()
        widest = max((metrics.horizontalAdvance(word) for n in range(len(rows))
                      for word in str(self.model.data(self.model.index(n, 1))).split()), default=0)
        header.resizeSection(1, max(80, min(140, widest + CELL_PADDING + 4)))
        header.resizeSection(2, 240)
        # The value columns share what is left and wrap, down to a readable width.
        self._fit_columns()
        self._fit_rows()
        self.summary.setText(f"{conflicts} conflict{'s' * (conflicts != 1)} · {total} "
                             f"fact{'s' * (total != 1)}")
        self.empty_label.setVisible(not rows)
        if not rows and total:
            self.empty_label.setText("No conflicts: the articles agree on every fact found.")
        elif not rows:
            self.empty_label.setText("No facts found in these articles.")

    def _fit_columns(self) -> None:
        count = len(self.model.article_ids)
        if not count:
            return
        fixed = sum(self.table.columnWidth(c) for c in range(3))
        # Leave room for the vertical scroll bar, so no sideways bar comes with it.
        room = self.table.viewport().width() - fixed - self.table.verticalScrollBar().sizeHint().width()
        width = max(110, room // count)
        for col in range(3, 3 + count):
            self.table.setColumnWidth(col, width)

    def _fit_rows(self) -> None:
        """Each row as tall as its longest wrapped value (measured, not asked of every cell)."""
        metrics = self.table.fontMetrics()
        line = metrics.lineSpacing()
        header = self.table.verticalHeader()
        widths = [self.table.columnWidth(c) - CELL_PADDING for c in range(self.model.columnCount())]
        for n, row in enumerate(self.model.rows[:400]):
            texts = [(2, row.note)] + [(3 + i, row.values.get(aid, ""))
                                       for i, aid in enumerate(self.model.article_ids)]
            height = line
            for col, text in texts:
                if text and metrics.horizontalAdvance(text) > widths[col]:
                    height = max(height, metrics.boundingRect(
                        0, 0, max(20, widths[col]), 10000, Qt.TextWordWrap, text).height())
            header.resizeSection(n, min(height, line * 5) + 10)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.model.rows:
            self._fit_columns()
            self._fit_rows()

    def select_fact(self, fact_id: str) -> bool:
        for n, row in enumerate(self.model.rows):
            if row.fact.id == fact_id:
                self.table.selectRow(n)
                self.table.scrollTo(self.model.index(n, 0))
                self.fact_chosen.emit(row.fact)
                return True
        return False

    def current_fact(self) -> Optional[Fact]:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.rows[index.row()].fact

    def _on_row(self, index: QModelIndex, _previous=None) -> None:
        if index.isValid() and index.row() < len(self.model.rows):
            self.fact_chosen.emit(self.model.rows[index.row()].fact)
