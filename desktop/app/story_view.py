"""The story table: every included article side by side, one row per point of the story.

``StoryView.show_story(model)`` takes a :class:`~desktop.app.story.StoryModel`.
The row header names the point (its number, "weak link", conflicts) and
stays in view when the table scrolls sideways; then one column per article, each cell the passage with its word changes against the
row's reference article, or "not in this article".  Rows are as tall as their
longest cell; columns share the width down to a readable minimum, beyond
which the table scrolls sideways a column at a time (text never scrolls).

Heights are measured with the same :class:`QTextLayout` the cells are drawn
with, in slices of at most ~12 ms per turn of the event loop (the first slice
on the turn after the table is filled), so 20 articles never hold the window
still.  An article's column can be collapsed to a strip and expanded again
(the header's button or its menu, :mod:`desktop.app.story_header`); which
columns are collapsed is kept, by article id, across new comparisons.
Signals: ``open_requested(row, column)`` (a click on the point column, or a
double click on a cell: read it side by side), ``reference_changed(article
id)``, ``point_changed(row)``.
"""
from __future__ import annotations

import time
from typing import Optional

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPointF, QRect, QSize, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView,
                               QSizePolicy, QStyle, QStyledItemDelegate, QStyleOptionHeader, QTableView,
                               QVBoxLayout, QWidget)

from ..engine.report.text import article_list
from ..engine.report.view import link_mark
from . import styles
from .eliding import ElidedLabel, ElidingComboBox
from .story import StoryModel, StoryRow
from .story_header import COLLAPSED_WIDTH, PointHeader, StoryHeader
from .labels import PlainLabel

EMPTY_TEXT = "not in this article"
POINT_WIDTH = 86
MIN_COLUMN = 250
PAD = 6
_SLICE = 0.012  # seconds of row measuring per turn of the event loop


class StoryTableModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.story: Optional[StoryModel] = None
        self.collapsed: set[str] = set()  # article ids whose columns are strips

    def reset(self, story: Optional[StoryModel]) -> None:
        self.beginResetModel()
        self.story = story
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.story is None else len(self.story.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() or self.story is None else 1 + len(self.story.columns)

    def row(self, n: int) -> StoryRow:
        return self.story.rows[n]

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if self.story is None:
            return None
        if orientation == Qt.Vertical:  # the point header (drawn by the view)
            if not 0 <= section < len(self.story.rows):
                return None
            if role == Qt.ToolTipRole:
                return self._row_tip(self.story.rows[section])
            return self.point_label(section) if role == Qt.DisplayRole else None
        if section == 0:
            return "Point" if role == Qt.DisplayRole else None
        column = self.story.columns[section - 1]
        if role == Qt.DisplayRole:
            if column.id in self.collapsed:
                return column.id
            # The whole title: the header ends it in "…" where it does not fit, so
            # the marks go first, where they are never cut.
            mark = "★ " if column.id == self.story.reference else ""
            apart = "(other event) " if not column.related else ""
            return f"{mark}{column.id} · {apart}{column.title}"
        if role == Qt.ToolTipRole:
            tip = f"{column.id}: {column.title}"
            if column.id == self.story.reference:
                tip += "\n★ The reference: rows follow its order, words are compared with it."
            if column.note:
                tip += f"\nSet apart: {column.note}"
            return tip
        return None

    def point_label(self, n: int) -> str:
        row = self.story.rows[n]
        lines = [f"{n + 1}"]
        if row.group is None and row.only_in and len(self.story.columns) > 1:
            lines.append(f"only {row.only_in}")
        if row.weak:
            lines.append("weak link")
        if row.conflicts:
            count = len(row.conflicts)
            lines.append(f"⚠ {count} conflict{'s' * (count != 1)}")
        if len(self.story.columns) > 1:
            lines.append("Side by side ›")
        return "\n".join(lines)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or self.story is None:
            return None
        row = self.story.rows[index.row()]
        col = index.column()
        if col == 0:
            if role == Qt.DisplayRole:
                return self.point_label(index.row())
            if role == Qt.ToolTipRole:
                return self._row_tip(row)
            return None
        cell = row.cells[col - 1]
        if role == Qt.DisplayRole:
            if cell is None:
                return EMPTY_TEXT
            note = cell.link_line(row.reference, row.weak)  # drawn above the text by the delegate
            return f"{note}\n{cell.shown_text}" if note else cell.shown_text
        if role == Qt.ToolTipRole:
            article = self.story.columns[col - 1].id
            if cell is None:
                return f"{article} does not tell this point."
            if cell.also_of:
                return (f"{', '.join(cell.passages)} tells this point too, though its own point is "
                        f"{cell.also_point or cell.also_of}: its words are compared there.")
            tip = f"{', '.join(cell.passages)}" if cell.passages else article
            if row.reference and article != row.reference and row.group:
                tip += f" — underlined: worded otherwise than in {row.reference}"
            elif row.reference == article and row.group and len(row.articles()) > 1:
                tip += " — the row's reference; tinted words are worded otherwise elsewhere"
            if not cell.linked and row.reference:
                tip += (f"\nNot linked to {row.reference}'s passage itself"
                        + (f" but to {article_list(cell.via)}'s: it joined the row through them"
                           if cell.via else ": it joined the row through other articles' passages")
                        + ", and may tell another point.")
            elif cell.link_line(row.reference, row.weak):
                tip += (f"\nLinked to {row.reference}'s passage only weakly ({cell.link:.0%}):"
                        " it may tell another point.")
            if row.conflicts:
                tip += "\n⚠ " + "\n⚠ ".join(row.conflicts)
            return tip
        return None

    @staticmethod
    def _row_tip(row: StoryRow) -> str:
        parts = []
        if row.group:
            parts.append(f"{row.group}: told by {', '.join(row.articles())}")
            parts.append(f"confidence {row.confidence:.0%}" +
                         (" — a weak link: these passages may not tell the same thing"
                          if row.weak else ""))
        elif row.only_in:
            parts.append(f"Only {row.only_in} tells this.")
        parts += [f"⚠ {note}" for note in row.conflicts]
        parts.append("Click to read this point side by side.")
        return "\n".join(parts)


class _CellDelegate(QStyledItemDelegate):
    """Draws a cell's text with its marks through a cached QTextLayout."""

    def __init__(self, view: "StoryView"):
        super().__init__(view)
        self._view = view
        self._cache: dict[tuple, QTextLayout] = {}
        self._formats: dict[str, QTextCharFormat] = {}
        self.font = styles.prose_font(11)
        self.empty_font = QFont(self.font)
        self.empty_font.setItalic(True)
        self.point_font = styles.ui_font(9)
        self.set_theme()

    def set_font(self, font: QFont) -> None:
        self.font = font
        self.empty_font = QFont(font)
        self.empty_font.setItalic(True)
        self._cache.clear()

    def set_theme(self) -> None:
        t = styles.current_theme()
        self.theme = t
        self._formats = {"ins": styles.span_format("insert", t),
                         "del": styles.span_format("reference", t),
                         "conflict": styles.span_format("conflict", t)}
        self._note_format = QTextCharFormat()  # the line above an unlinked member's text
        self._note_format.setFontItalic(True)
        self._note_format.setForeground(t.muted)
        self._cache.clear()

    def formats(self) -> dict[str, QTextCharFormat]:
        """The formats the marks are drawn with (mark -> format)."""
        return dict(self._formats)

    def clear(self) -> None:
        self._cache.clear()

    def layout(self, row: int, col: int, width: int) -> QTextLayout:
        key = (row, col, width)
        found = self._cache.get(key)
        if found is not None:
            return found
        model = self._view.model
        story_row = model.row(row)
        note, cell = "", None
        if col == 0:
            text, font, spans = model.point_label(row), self.point_font, ()
        else:
            cell = story_row.cells[col - 1]
            if cell is None:
                text, font, spans = EMPTY_TEXT, self.empty_font, ()
            elif cell.also_of:  # plain and italic: compared in its own row
                text, font, spans = cell.shown_text, self.empty_font, ()
            else:
                text, font, spans = cell.text, self.font, cell.spans
                note = cell.link_line(story_row.reference, story_row.weak)
        ranges, at = [], 0
        if note:
            fr = QTextLayout.FormatRange()
            fr.start, fr.length, fr.format = 0, len(note), self._note_format
            ranges.append(fr)
            text, at = f"{note}\n{text}", len(note) + 1
        layout = QTextLayout(text.replace("\n", "\u2028"), font)
        for span in spans:
            if span.mark in self._formats:
                fr = QTextLayout.FormatRange()
                fr.start, fr.length, fr.format = at, len(span.text), self._formats[span.mark]
                ranges.append(fr)
            at += len(span.text)
        layout.setFormats(ranges)
        layout.beginLayout()
        y = 0.0
        inner = max(20, width - 2 * PAD)
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(inner)
            line.setPosition(QPointF(0, y))
            y += line.height()
        layout.endLayout()
        if len(self._cache) > 6000:
            self._cache.clear()
        self._cache[key] = layout
        return layout

    def height(self, row: int, col: int, width: int) -> int:
        if col > 0 and self._view.is_collapsed(col):
            return 0  # a strip holds no text
        return int(self.layout(row, col, width).boundingRect().height()) + 2 * PAD

    def paint_point(self, painter, rect: QRect, row: int, current: bool) -> None:
        """A point's label in the row header: number, marks, a conflict bar."""
        t = self.theme
        story_row = self._view.model.row(row)
        painter.save()
        painter.fillRect(rect, QColor(t.current_bg) if current else t.window)
        if story_row.conflicts:
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), t.conflict)
        painter.setClipRect(rect)
        painter.setPen(t.muted)
        self.layout(row, 0, rect.width()).draw(painter, QPointF(rect.left() + PAD,
                                                                rect.top() + PAD))
        painter.setPen(QPen(t.border, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.restore()

    def paint(self, painter, option, index) -> None:
        t = self.theme
        rect = option.rect
        row, col = index.row(), index.column()
        story_row = self._view.model.row(row)
        painter.save()
        selected = bool(option.state & QStyle.State_Selected)
        if selected:
            fill = QColor(t.current_bg)
        elif story_row.weak:  # a grey veil, not the amber of changed words
            fill = QColor(t.base).darker(103) if not t.dark else QColor(t.base).lighter(108)
        else:
            fill = t.base
        painter.fillRect(rect, fill)
        cell = story_row.cells[col - 1]  # (column 0 is the row header's)
        empty = cell is None
        painter.setPen(t.muted if empty or cell.also_of else t.text)
        if not empty and (story_row.weak or link_mark(cell.linked, cell.link, story_row.weak)):
            pen = QPen(t.muted, 1, Qt.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect.adjusted(2, 2, -3, -3))
            painter.setPen(t.muted if cell.also_of else t.text)
        painter.setClipRect(rect)
        if self._view.is_collapsed(col):
            if not empty:  # a strip: a bar where the article tells the point
                mark = t.conflict if story_row.conflicts else t.muted
                painter.fillRect(QRect(rect.center().x() - 2, rect.top() + PAD, 4,
                                       rect.height() - 2 * PAD), mark)
        else:
            layout = self.layout(row, col, rect.width())
            layout.draw(painter, QPointF(rect.left() + PAD, rect.top() + PAD))
        painter.setPen(QPen(t.border, 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.drawLine(rect.topRight(), rect.bottomRight())
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        return QSize(option.rect.width(), self.height(index.row(), index.column(),
                                                       max(40, option.rect.width())))


class StoryView(QWidget):
    open_requested = Signal(int, int)  # row, article column (-1: the row's usual pair)
    reference_changed = Signal(str)
    point_changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = StoryTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.delegate = _CellDelegate(self)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollPerItem)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        # Column 0 (the point) is drawn as the row header, which stays in view when
        # the articles scroll sideways; the column itself is hidden.
        self.point_header = PointHeader(
            POINT_WIDTH, lambda painter, rect, row: self.delegate.paint_point(
                painter, rect, row, row == self.current_row()), self.table)
        self.table.setVerticalHeader(self.point_header)
        self.point_header.sectionClicked.connect(lambda row: self.open_requested.emit(row, -1))
        header = StoryHeader(self.table)
        self.table.setHorizontalHeader(header)
        header.collapsed = self.is_collapsed
        header.toggle_requested.connect(self.toggle_column)
        header.expand_all_requested.connect(self.expand_all)
        header.setSectionResizeMode(QHeaderView.Fixed)
        header.setTextElideMode(Qt.ElideRight)
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.header = header
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.header.menu_for(self.table.columnAt(pos.x())).popup(
                self.table.viewport().mapToGlobal(pos)))
        self.table.doubleClicked.connect(
            lambda index: self.open_requested.emit(index.row(), index.column() - 1))
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

        self.reference_pick = ElidingComboBox(
            "The article the rows follow and the words are compared with")
        self.reference_pick.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.reference_pick.setMinimumContentsLength(16)
        self.reference_pick.currentIndexChanged.connect(self._on_reference)
        self.position_label = ElidedLabel("")
        self.position_label.setObjectName("Muted")
        self.left_out = PlainLabel("")
        self.left_out.setObjectName("Muted")
        self.left_out.setWordWrap(True)
        self.left_out.hide()
        self.prompt = PlainLabel("")
        self.prompt.setObjectName("Notice")
        self.prompt.setWordWrap(True)
        self.prompt.hide()

        bar = QHBoxLayout()
        bar.addWidget(PlainLabel("Read against"))
        # The picker grows with the window (a title shows whole on a wide screen),
        # up to a width that leaves the position line its room.
        self.reference_pick.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)
        self.reference_pick.setMaximumWidth(520)
        bar.addWidget(self.reference_pick, 2)
        bar.addSpacing(12)
        bar.addWidget(self.position_label, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.prompt)
        layout.addWidget(self.left_out)
        layout.addWidget(self.table, 1)

        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(40)
        self._fit_timer.timeout.connect(self._fit)
        self._measure_from = 0
        self._generation = 0
        self._batch_timer = QTimer(self)  # owned: it dies with the view, unlike a bare lambda
        self._batch_timer.setSingleShot(True)
        self._batch_timer.setInterval(0)
        self._batch_timer.timeout.connect(lambda: self._measure_batch(self._generation))
        self._widths: list[int] = []
        self._heights: list[int] = []
        self.table.viewport().installEventFilter(self)
        # The corner above the point labels says what they are (Qt leaves it blank).
        self._corner = self.table.findChild(QAbstractButton)
        if self._corner is not None:
            self._corner.setToolTip("Each row is one point of the story, numbered in the "
                                    "reference article's order")
            self._corner.installEventFilter(self)

    CORNER_TEXT = "Point"

    def corner(self) -> Optional[QAbstractButton]:
        """The button in the table's top-left corner, which names the point labels."""
        return self._corner

    # --- content ---------------------------------------------------------------------------

    def show_story(self, story: Optional[StoryModel]) -> None:
        """Show a story table (``None``: empty)."""
        self.delegate.clear()
        self.model.reset(story)
        self.table.setColumnHidden(0, True)
        self._heights = []
        self._widths = []
        self.prompt.setVisible(bool(story and story.prompt))
        self.prompt.setText(story.prompt if story else "")
        self.reference_pick.blockSignals(True)
        self.reference_pick.clear()
        if story is not None and len(story.columns) > 1:
            for column in story.columns:
                self.reference_pick.addItem(f"{column.id} — {column.title}", column.id)
            self.reference_pick.setCurrentIndex(max(0, self.reference_pick.findData(story.reference)))
        self.reference_pick.setEnabled(self.reference_pick.count() > 1)
        self.reference_pick.blockSignals(False)
        self.reference_pick.setToolTip(self.reference_pick.currentText())
        self.model.collapsed &= set(self.column_ids())
        self._fit()
        self._update_position()

    def set_left_out(self, text: str) -> None:
        """A line naming the articles left out of the table (and why)."""
        self.left_out.setText(text)
        self.left_out.setVisible(bool(text))

    def set_points(self, points: int) -> None:
        self.delegate.set_font(styles.prose_font(max(8, points - 1)))
        self._heights = []
        self._fit()

    def set_theme(self) -> None:
        self.delegate.set_theme()
        self.table.viewport().update()

    def column_ids(self) -> list[str]:
        story = self.model.story
        return [c.id for c in story.columns] if story else []

    def row_count(self) -> int:
        return self.model.rowCount()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int, article_id: Optional[str] = None) -> bool:
        """Make a point current and scroll it into view; with ``article_id``, also
        bring that article's column into view (else the sideways place is kept)."""
        if not 0 <= row < self.model.rowCount():
            return False
        # Column 0 is hidden (the row header draws it): scrolling to it would not move.
        # The leftmost column in view keeps the sideways place among many articles.
        column = max(self.table.columnAt(0), min(1, self.model.columnCount() - 1))
        index = self.model.index(row, column)
        sideways = self.table.horizontalScrollBar().value()
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.PositionAtCenter)
        self.table.horizontalScrollBar().setValue(sideways)  # the row, not the columns
        shown = self.model.story.column_of(article_id) if article_id else -1
        if shown >= 0:
            self.table.scrollTo(self.model.index(row, shown + 1), QAbstractItemView.EnsureVisible)
        return True

    def select_passage(self, passage_id: str) -> bool:
        story = self.model.story
        return bool(story) and self.select_row(story.row_of_passage(passage_id))

    def select_group(self, group_id: str) -> bool:
        story = self.model.story
        return bool(story) and self.select_row(story.row_of_group(group_id))

    def cell_rect(self, row: int, column: int) -> QRect:
        """Where a cell is drawn, in the table's viewport (column: an article's column),
        or with column -1 a point's label, in the point header's viewport."""
        if column < 0:
            header = self.point_header
            return QRect(0, header.sectionViewportPosition(row), header.width(),
                         header.sectionSize(row))
        return self.table.visualRect(self.model.index(row, column + 1))

    # --- navigation by point --------------------------------------------------------------

    @staticmethod
    def _differs(row: StoryRow) -> bool:
        return row.differs

    def next_difference(self) -> bool:
        return self._go(+1)

    def previous_difference(self) -> bool:
        return self._go(-1)

    def _go(self, step: int) -> bool:
        story = self.model.story
        if story is None:
            return False
        n = self.current_row()
        if n < 0 and step < 0:
            n = len(story.rows)
        n += step
        while 0 <= n < len(story.rows):
            if self._differs(story.rows[n]):
                return self.select_row(n)
            n += step
        return False

    def _on_current(self, current: QModelIndex, _previous=None) -> None:
        self._update_position()
        self.point_header.viewport().update()  # the current point's label is tinted
        if current.isValid():
            self.point_changed.emit(current.row())

    def _update_position(self) -> None:
        story = self.model.story
        if story is None or not story.rows:
            self.position_label.setText("")
            return
        total = len(story.rows)
        differing = [n for n, r in enumerate(story.rows) if self._differs(r)]
        n = self.current_row()
        if n >= 0:
            row = story.rows[n]
            what = []
            if n in differing:
                what.append(f"difference {differing.index(n) + 1} of {len(differing)}")
            else:
                what.append("told alike")
            if row.only_in and len(story.columns) > 1:
                what.append(f"only in {row.only_in}")
            elif row.group:
                what.append(f"told by {len(row.articles())} of {len(story.columns)}")
            if row.weak:
                what.append("weak link")
            if row.conflicts:
                what.append(f"⚠ {row.conflicts[0]}")
            self.position_label.setText(f"Point {n + 1} of {total}: " + ", ".join(what))
        else:
            # Most points are missing from some article, so "67 points, 67 with differences"
            # says little: what is shared and what conflicts says more.
            # Short enough for the line beside the reference picker at 1280 pixels.
            parts = []
            if len(story.columns) > 1:
                parts.append(f"{sum(1 for r in story.rows if r.group)} shared")
            parts.append("all differ" if differing and len(differing) == total else f"{len(differing)} differ")
            conflicted = sum(1 for r in story.rows if r.conflicts)
            if conflicted:  # a conflict may span several points: "9 conflicts" elsewhere, in 13
                parts.append(f"conflicts in {conflicted}")
            self.position_label.setText(f"{total} point{'s' * (total != 1)}: " + ", ".join(parts)
                                        + (" — Alt+↓ for the next" if differing else ""))

    def _on_reference(self) -> None:
        aid = self.reference_pick.currentData()
        if aid:
            self.reference_changed.emit(aid)

    # --- collapsing columns --------------------------------------------------------------------

    def is_collapsed(self, section: int) -> bool:
        """Whether a table column (1.., the articles) is collapsed to a strip."""
        # Asked for every cell measured and drawn: no list built per call.
        story, collapsed = self.model.story, self.model.collapsed
        return bool(collapsed) and story is not None and 0 < section <= len(story.columns) \
            and story.columns[section - 1].id in collapsed

    def set_collapsed(self, article_id: str, collapsed: bool) -> None:
        if collapsed:
            self.model.collapsed.add(article_id)
        else:
            self.model.collapsed.discard(article_id)
        story = self.model.story
        if story is not None:
            self.model.headerDataChanged.emit(Qt.Horizontal, 1, len(story.columns))
        self._widths = []  # the free width goes to the columns still open
        self._fit()
        self.table.viewport().update()

    def toggle_column(self, section: int) -> None:
        ids = self.column_ids()
        if 0 < section <= len(ids):
            self.set_collapsed(ids[section - 1], not self.is_collapsed(section))

    def expand_all(self) -> None:
        for aid in list(self.model.collapsed):
            self.set_collapsed(aid, False)

    # --- sizes -------------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:
        if watched is self.table.viewport() and event.type() == event.Type.Resize:
            self._fit_timer.start()
        if watched is self._corner and event.type() == event.Type.Paint:
            self._paint_corner()
            return True
        return super().eventFilter(watched, event)

    def _paint_corner(self) -> None:
        painter = QPainter(self._corner)
        option = QStyleOptionHeader()
        option.initFrom(self._corner)
        option.rect = self._corner.rect()
        option.position = QStyleOptionHeader.OnlyOneSection
        self._corner.style().drawControl(QStyle.CE_HeaderSection, option, painter, self._corner)
        painter.setPen(self._corner.palette().color(QPalette.ButtonText))
        painter.drawText(option.rect.adjusted(6, 0, -4, 0), Qt.AlignLeft | Qt.AlignVCenter,
                         self.CORNER_TEXT)
        painter.end()

    def _column_widths(self) -> list[int]:
        story = self.model.story
        if story is None:
            return []
        strips = [c.id in self.model.collapsed for c in story.columns]
        open_count = len(strips) - sum(strips)
        available = self.table.viewport().width() - COLLAPSED_WIDTH * sum(strips)
        width = max(MIN_COLUMN, available // max(1, open_count))
        return [POINT_WIDTH] + [COLLAPSED_WIDTH if strip else width for strip in strips]

    def _fit(self) -> None:
        """Set the column widths for the space there is, then measure the rows in batches."""
        widths = self._column_widths()
        header = self.table.horizontalHeader()
        if widths != self._widths:
            self._widths = widths
            for n, width in enumerate(widths):
                header.resizeSection(n, width)
            self._heights = []
        if not self._heights and self.model.rowCount():
            self._measure_from = 0
            self._heights = [0] * self.model.rowCount()
            self._generation += 1
            self._batch_timer.start()  # the next turn: the table shows before rows are measured

    def _measure_batch(self, generation: int) -> None:
        rows = self.model.rowCount()
        if generation != self._generation or len(self._heights) != rows \
                or self._measure_from >= rows:
            return
        widths = self._widths
        vertical = self.table.verticalHeader()
        metrics = QFontMetrics(self.delegate.font)
        least = metrics.lineSpacing() + 2 * PAD
        deadline = time.perf_counter() + _SLICE
        row = self._measure_from
        while row < rows:
            height = max([least] + [self.delegate.height(row, col, widths[col])
                                    for col in range(len(widths))])
            self._heights[row] = height
            vertical.resizeSection(row, height)
            row += 1
            if time.perf_counter() >= deadline:
                break
        self._measure_from = row
        if row < rows:
            self._batch_timer.start()

    def measured(self) -> bool:
        """True once every row has its height (tests wait for this)."""
        return bool(self._heights) and self._measure_from >= len(self._heights) or \
            self.model.rowCount() == 0
