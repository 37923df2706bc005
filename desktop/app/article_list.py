"""The loaded articles: title, outlet, date, words, included or not.

``ArticleList.show_entries(rows)`` redraws from plain :class:`ArticleRow`
values; the user's edits come back as signals (toggle, rename, remove,
move) for the window to apply to the session and recompare.  The article
column is drawn by :class:`_EntryDelegate`: a long title is cut to two lines
with "…" so the outlet line and, for an article set apart, the reason it was
set apart always show.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QStyle,
                               QStyledItemDelegate, QStyleOptionViewItem, QToolButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ..engine.set_apart import reason_only
from . import styles
from .labels import PlainLabel

_KEY = Qt.UserRole + 1


@dataclass(frozen=True)
class ArticleRow:
    key: int
    article_id: Optional[str]  # None until compared, or when excluded
    title: str
    outlet: str
    date: str
    words: int
    included: bool
    different_event: bool
    source: str
    event_note: str = ""  # why it was set apart, in words
    ticked_in: bool = False  # set apart, and ticked back into the story by the user


def _short_reason(note: str) -> str:
    """The set-apart note without its preamble, for the list's third line."""
    return reason_only(note) or "it seems to report a different event"


def fit_lines(text: str, metrics: QFontMetrics, width: int, most: int) -> list[str]:
    """``text`` wrapped to ``width``: at most ``most`` lines, the last cut with "…"."""
    words = text.split()
    lines: list[str] = []
    line = ""
    for n, word in enumerate(words):
        trial = f"{line} {word}" if line else word
        if not line or metrics.horizontalAdvance(trial) <= width:
            line = trial
            continue
        if len(lines) == most - 1:  # the last line allowed takes the rest, and "…"
            rest = " ".join([line] + words[n:])
            lines.append(metrics.elidedText(rest, Qt.ElideRight, width))
            return lines
        lines.append(metrics.elidedText(line, Qt.ElideRight, width))
        line = word
    if line:
        lines.append(metrics.elidedText(line, Qt.ElideRight, width))
    return lines


class _EntryDelegate(QStyledItemDelegate):
    """The article column: title (two lines at most), outlet · date, and the reason
    an article was set apart (two lines at most), each line cut with "…", never dropped."""

    PAD = 3

    def __init__(self, parent=None):
        super().__init__(parent)
        self.painted: dict[int, list[str]] = {}

    def lines_for(self, text: str, font: QFont, width: int) -> list[str]:
        metrics = QFontMetrics(font)
        width = max(40, width - 2 * self.PAD)
        parts = text.split("\n")
        lines = fit_lines(parts[0], metrics, width, 2)
        for extra, most in zip(parts[1:], (1, 2)):
            lines += fit_lines(extra, metrics, width, most)
        return lines

    def _font(self, option, index) -> QFont:
        font = index.data(Qt.FontRole)
        return font if isinstance(font, QFont) else option.font

    def lines_at(self, index, font: QFont, width: int) -> list[str]:
        """The lines an entry shows at ``width``: what is drawn and what is measured.

        Read from the model, not the style option, whose text has its line
        breaks turned into Unicode line separators."""
        return self.lines_for(str(index.data(Qt.DisplayRole) or ""), font, width)

    def sizeHint(self, option, index) -> QSize:
        tree = self.parent()
        width = tree.columnWidth(index.column()) if tree is not None else option.rect.width()
        font = self._font(option, index)
        count = len(self.lines_at(index, font, width))
        return QSize(width, count * QFontMetrics(font).lineSpacing() + 2 * self.PAD)

    def paint(self, painter, option, index) -> None:
        view_option = QStyleOptionViewItem(option)
        self.initStyleOption(view_option, index)
        view_option.text = ""
        style = view_option.widget.style() if view_option.widget else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, view_option, painter, view_option.widget)
        font = self._font(option, index)
        metrics = QFontMetrics(font)
        selected = bool(option.state & QStyle.State_Selected)
        colour = option.palette.color(QPalette.HighlightedText) if selected else \
            (index.data(Qt.ForegroundRole).color() if index.data(Qt.ForegroundRole) is not None
             else option.palette.color(QPalette.Text))
        painter.save()
        painter.setFont(font)
        painter.setPen(colour)
        rect = option.rect
        y = rect.top() + self.PAD
        lines = self.lines_at(index, font, rect.width())
        self.painted[index.row()] = lines  # what the row last showed (tests read it)
        for line in lines:
            painter.drawText(QRect(rect.left() + self.PAD, y, rect.width() - 2 * self.PAD,
                                   metrics.lineSpacing()), Qt.AlignLeft | Qt.AlignVCenter, line)
            y += metrics.lineSpacing()
        painter.restore()


class ArticleList(QWidget):
    include_toggled = Signal(int, bool)
    rename_requested = Signal(int, str)
    remove_requested = Signal(int)
    move_requested = Signal(int, int)
    selection_changed = Signal()

    # Outlet and date sit on a second line under the title: a narrow side
    # panel cannot give them columns without squeezing the title to nothing.
    COLUMNS = ["", "Article", "Words"]

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(len(self.COLUMNS))
        self.tree.setHeaderLabels(self.COLUMNS)
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
        # Editing goes through start_rename so the editor holds the bare title.
        self.tree.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.tree.itemDoubleClicked.connect(lambda item, col: self.start_rename() if col == 1 else None)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.entry_delegate = _EntryDelegate(self.tree)
        self.tree.setItemDelegateForColumn(1, self.entry_delegate)
        # Rows are as tall as their lines at the column's width: measured again on resize.
        header.sectionResized.connect(lambda *_a: self.tree.doItemsLayout())
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemSelectionChanged.connect(self.selection_changed)

        self.up_button = self._button("▲", "Move the article up (Alt+Shift+Up)",
                                      lambda: self.move_selected(-1))
        self.down_button = self._button("▼", "Move the article down (Alt+Shift+Down)",
                                        lambda: self.move_selected(+1))
        self.rename_button = self._button("Rename", "Rename the article (F2)", self.start_rename)
        self.remove_button = self._button("Remove", "Remove the article (Delete)", self.remove_selected)
        self.hint = PlainLabel("Untick an article to leave it out of the comparison.")
        self.hint.setObjectName("Muted")
        self.hint.setWordWrap(True)

        buttons = QHBoxLayout()
        for b in (self.up_button, self.down_button, self.rename_button, self.remove_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        self._filling = False
        self._included: dict[int, bool] = {}
        self._update_buttons()

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def show_entries(self, rows: list[ArticleRow]) -> None:
        selected = self.selected_key()
        self._filling = True
        try:
            self.tree.clear()
            theme = styles.current_theme()
            for row in rows:
                label = row.article_id or "–"
                meta = " · ".join([row.outlet or "outlet unknown", row.date or "date unknown"])
                item = QTreeWidgetItem([label, f"{row.title}\n{meta}", f"{row.words:,}"])
                item.setData(0, _KEY, row.key)
                self._included[row.key] = row.included
                item.setFlags(item.flags() | Qt.ItemIsUserCheckable | Qt.ItemIsEditable)
                item.setCheckState(0, Qt.Checked if row.included else Qt.Unchecked)
                item.setTextAlignment(2, Qt.AlignRight | Qt.AlignVCenter)
                item.setTextAlignment(0, Qt.AlignLeft | Qt.AlignVCenter)
                tip = f"{row.title}\n{row.source}"
                if row.different_event:
                    why = _short_reason(row.event_note)
                    state = ("left out" if not row.included else
                             "ticked in" if row.ticked_in else "kept in")
                    item.setText(1, f"{row.title}\n{meta}\n⚠ Another story ({state}): {why}")
                    tip += ("\nJudged to report a different event, so it is left out unless "
                            "you tick it." if not row.included else
                            "\nJudged to report a different event; you ticked it, so it is "
                            "compared as part of the story. Untick it to leave it out."
                            if row.ticked_in else
                            "\nJudged to report a different event, but ticked: it is compared, "
                            "though none of its passages are set beside the story's. Untick it "
                            "to leave it out.")
                    if row.event_note:
                        tip += "\n" + row.event_note
                    for col in range(len(self.COLUMNS)):
                        item.setForeground(col, theme.muted)
                if not row.included:
                    tip += "\nLeft out of the comparison (tick to include)."
                    font = QFont()
                    font.setItalic(True)
                    for col in range(len(self.COLUMNS)):
                        item.setFont(col, font)
                        item.setForeground(col, theme.muted)
                for col in range(len(self.COLUMNS)):
                    item.setToolTip(col, tip)
                self.tree.addTopLevelItem(item)
                if row.key == selected:
                    item.setSelected(True)
        finally:
            self._filling = False
        self._update_buttons()

    def row_count(self) -> int:
        return self.tree.topLevelItemCount()

    def selected_key(self) -> Optional[int]:
        items = self.tree.selectedItems()
        return items[0].data(0, _KEY) if items else None

    def select_key(self, key: int) -> None:
        for n in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(n)
            item.setSelected(item.data(0, _KEY) == key)

    def start_rename(self) -> None:
        items = self.tree.selectedItems()
        if items:
            item = items[0]
            # Edit the plain title, not the lines under it.
            self._filling = True
            item.setText(1, item.text(1).split("\n")[0])
            self._filling = False
            self.tree.editItem(item, 1)

    def remove_selected(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.remove_requested.emit(key)

    def move_selected(self, offset: int) -> None:
        key = self.selected_key()
        if key is not None:
            self.move_requested.emit(key, offset)

    def _update_buttons(self) -> None:
        has = self.selected_key() is not None
        for b in (self.up_button, self.down_button, self.rename_button, self.remove_button):
            b.setEnabled(has)

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling:
            return
        key = item.data(0, _KEY)
        if column == 0 and item.checkState(0) != (Qt.Checked if self._included.get(key) else Qt.Unchecked):
            self._included[key] = item.checkState(0) == Qt.Checked
            self.include_toggled.emit(key, item.checkState(0) == Qt.Checked)
        elif column == 1 and "\n" not in item.text(1):
            self.rename_requested.emit(key, item.text(1).split("\n")[0])
