"""All articles at once: who shares how much with whom, and who told what.

``OverviewView.show_overview(model)`` takes an
:class:`~desktop.app.viewmodels.OverviewModel`.  The matrix cell (row, col)
is the share of the row article's passages that have a counterpart in the
column article; clicking a cell asks for that pair side by side.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableView,
                               QVBoxLayout, QWidget)

from . import styles
from .viewmodels import OverviewModel
from .labels import PlainLabel


def _short(label: str, limit: int = 22) -> str:
    return label if len(label) <= limit else label[:limit - 1].rstrip() + "…"


class _ShareModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.data_model: OverviewModel | None = None
        self._fills: dict[tuple[str, str], QColor] = {}

    def reset(self, model: OverviewModel) -> None:
        self.beginResetModel()
        self.data_model = model
        # Cell colours are computed once: data() runs for every cell and role.
        accent = styles.current_theme().accent
        self._fills = {}
        for key, share in model.share.items():
            fill = QColor(accent)
            fill.setAlpha(int(20 + 180 * share))
            self._fills[key] = fill
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or not self.data_model else len(self.data_model.article_ids)

    columnCount = rowCount

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if not self.data_model:
            return None
        aid = self.data_model.article_ids[section]
        if role == Qt.DisplayRole:
            return aid if orientation == Qt.Horizontal else f"{aid}  {_short(self.data_model.labels[aid])}"
        if role == Qt.ToolTipRole:
            return f"{aid}: {self.data_model.labels[aid]}"
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not self.data_model:
            return None
        ids = self.data_model.article_ids
        row, col = ids[index.row()], ids[index.column()]
        share = self.data_model.share[(row, col)]
        if role == Qt.DisplayRole:
            return "—" if row == col else f"{share:.0%}"
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.BackgroundRole and row != col:
            return self._fills.get((row, col))
        if role == Qt.ToolTipRole and row != col:
            return (f"{share:.0%} of {row}'s passages are told in {col} too. "
                    f"Click to read {row} and {col} side by side.")
        return None


class _CarriersModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.data_model: OverviewModel | None = None
        self._theme = styles.current_theme()

    def reset(self, model: OverviewModel) -> None:
        self.beginResetModel()
        self.data_model = model
        self._theme = styles.current_theme()
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or not self.data_model else len(self.data_model.groups)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() or not self.data_model else 1 + len(self.data_model.article_ids)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if not self.data_model or role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal:
            return "Passage" if section == 0 else self.data_model.article_ids[section - 1]
        return self.data_model.groups[section][0]

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or not self.data_model:
            return None
        gid, snippet, carriers = self.data_model.groups[index.row()]
        if index.column() == 0:
            return snippet if role in (Qt.DisplayRole, Qt.ToolTipRole) else None
        aid = self.data_model.article_ids[index.column() - 1]
        has = aid in carriers
        if role == Qt.DisplayRole:
            return "✓" if has else "✗"
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.ForegroundRole:
            return self._theme.accent if has else self._theme.muted
        if role == Qt.ToolTipRole:
            return f"{aid} {'tells' if has else 'leaves out'} {gid}"
        return None


def _titled(title: str, hint: str, body: QWidget) -> QWidget:
    """``body`` under a pane title and a muted one-line explanation."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    heading = PlainLabel(title)
    heading.setObjectName("PaneTitle")
    note = PlainLabel(hint)
    note.setObjectName("Muted")
    note.setWordWrap(True)
    column.addWidget(heading)
    column.addWidget(note)
    column.addWidget(body, 1)
    return box


class OverviewView(QWidget):
    pair_requested = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.share_model = _ShareModel(self)
        self.carriers_model = _CarriersModel(self)
        self.matrix = QTableView()
        self.matrix.setModel(self.share_model)
        self.matrix.setSelectionMode(QAbstractItemView.SingleSelection)
        self.matrix.clicked.connect(self._on_cell)
        self.grid = QTableView()
        self.grid.setModel(self.carriers_model)
        self.grid.setWordWrap(False)
        self.grid.setAlternatingRowColors(True)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectRows)

        matrix_box = _titled("How much each pair shares",
                             "Share of the row article's passages also told by the column "
                             "article. Click a cell to read the pair.", self.matrix)
        grid_box = _titled("Who reported what",
                           "Each row is something several articles tell; ✓ = the article tells "
                           "it, ✗ = it leaves it out.", self.grid)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(matrix_box)
        splitter.addWidget(grid_box)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

    def show_overview(self, model: OverviewModel) -> None:
        self.share_model.reset(model)
        self.carriers_model.reset(model)
        # Fixed sizes: measuring every cell of a 20 x 20 matrix stalls the UI.
        header = self.matrix.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Fixed)
        header.setDefaultSectionSize(46)
        rows = self.matrix.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.Fixed)
        rows.setDefaultSectionSize(26)
        grid_header = self.grid.horizontalHeader()
        grid_header.setSectionResizeMode(0, QHeaderView.Stretch)
        for col in range(1, 1 + len(model.article_ids)):
            grid_header.setSectionResizeMode(col, QHeaderView.Fixed)
            self.grid.setColumnWidth(col, 34)

    def clear(self) -> None:
        """Show nothing: no comparison matches the articles now."""
        empty = OverviewModel([], {}, {}, [])
        self.share_model.reset(empty)
        self.carriers_model.reset(empty)

    def _on_cell(self, index: QModelIndex) -> None:
        model = self.share_model.data_model
        if model and index.row() != index.column():
            self.pair_requested.emit(model.article_ids[index.row()],
                                     model.article_ids[index.column()])
