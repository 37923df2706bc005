"""File → Open Corpus Result…: the stories of a ``parallax corpus`` run, each opened in the story view.

:class:`CorpusWindow` lists the stories of one output folder (read by
:func:`desktop.engine.corpus.result.open_run`): title, articles, outlets,
dates, points, conflicts and points left out.  The search box keeps the
stories whose title, outlets or id hold the words typed; a click on a
column header sorts by it (articles, dates and conflicts as numbers and
days, not text).  Open Story (or a double-click, or Enter) replaces the
window's articles with the story's, read back from the run's spool, as
opening a saved session does: the usual "save first?" question, then the
ordinary comparison, so the story table and every view show it.

:func:`open_corpus_result` is the menu's entry: it asks for the folder (or
takes one), reports a folder that holds no run in the message bar, and
keeps the list open beside the window (``window.corpus_window``).
"""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog,
                               QHBoxLayout, QHeaderView, QLineEdit, QTableView, QVBoxLayout,
                               QWidget)

from ..engine.corpus.result import CorpusRun, CorpusRunError, StoryRow, open_run
from ..engine.model import Document
from .labels import PlainLabel

COLUMNS = ("Story", "Articles", "Outlets", "Dates", "Points", "Conflicts", "Left out")
SORT_ROLE = Qt.UserRole
SEARCH_ROLE = Qt.UserRole + 1
OpenStory = Callable[[list[Document]], bool]


def _dates(row: StoryRow) -> str:
    if not row.first_date:
        return ""
    first, last = row.first_date[:10], (row.last_date or row.first_date)[:10]
    return first if first == last else f"{first} – {last}"


def _count(value: Optional[int]) -> str:
    return "" if value is None else str(value)


class StoryListModel(QAbstractTableModel):
    """One row per story; the sort role gives numbers and ISO dates, so they sort as such."""

    def __init__(self, rows: list[StoryRow], parent=None):
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.DisplayRole:
            return (row.title, str(row.articles), ", ".join(row.outlets), _dates(row),
                    _count(row.points), _count(row.conflicts), _count(row.omissions))[column]
        if role == SORT_ROLE:
            # Not compared yet (None) sorts below zero; undated below every date.
            return (row.title.casefold(), row.articles, ", ".join(row.outlets).casefold(),
                    row.first_date or "", -1 if row.points is None else row.points,
                    -1 if row.conflicts is None else row.conflicts,
                    -1 if row.omissions is None else row.omissions)[column]
        if role == SEARCH_ROLE and column == 0:
            return f"{row.title} {' '.join(row.outlets)} {row.story}"
        if role == Qt.ToolTipRole and column == 0:
            return f"{row.story}: {row.title}"
        if role == Qt.TextAlignmentRole and column in (1, 4, 5, 6):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None


class CorpusWindow(QDialog):
    """The stories of one corpus run: search, sort, open one in the main window."""

    def __init__(self, run: CorpusRun, open_story: OpenStory, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.run = run
        self._open_story = open_story
        self.setWindowTitle(f"Corpus stories — {run.folder.name}")
        self.resize(980, 560)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search titles, outlets and story ids")
        self.search.setClearButtonEnabled(True)
        self.model = StoryListModel(run.rows, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterRole(SEARCH_ROLE)
        self.proxy.setFilterKeyColumn(0)
        self.proxy.setFilterCaseSensitivity(Qt.CaseInsensitive)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.count_label = PlainLabel(self)
        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton("&Open Story", QDialogButtonBox.AcceptRole)
        buttons.addButton(QDialogButtonBox.Close)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self.set_filter)
        # Accept (Enter, Open Story) opens the story and keeps the list open for the next one.
        buttons.accepted.connect(self.open_selected)
        buttons.rejected.connect(self.close)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.sort_by("Articles", descending=True)  # the biggest stories first
        self._update()

    # --- what tests and the menu drive ------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Keep the stories whose title, outlets or id hold ``text`` (any case)."""
        if self.search.text() != text:
            self.search.setText(text)  # comes back here through textChanged
            return
        self.proxy.setFilterFixedString(text.strip())
        self._update()

    def sort_by(self, column: str, descending: bool = False) -> None:
        """Sort by a column named as in :data:`COLUMNS` ("Articles", "Dates", "Conflicts", ...)."""
        self.table.sortByColumn(COLUMNS.index(column),
                                Qt.DescendingOrder if descending else Qt.AscendingOrder)

    def shown_stories(self) -> list[StoryRow]:
        """The stories listed, in the order shown."""
        return [self.model.rows[self.proxy.mapToSource(self.proxy.index(n, 0)).row()]
                for n in range(self.proxy.rowCount())]

    def select(self, position: int) -> None:
        """Select the story shown at ``position`` (0 is the top row)."""
        self.table.selectRow(position)

    def selected_story(self) -> Optional[StoryRow]:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.rows[self.proxy.mapToSource(rows[0]).row()]

    def open_selected(self) -> bool:
        """Open the selected story (or the only one shown) in the main window."""
        story = self.selected_story()
        if story is None and self.proxy.rowCount() == 1:
            story = self.shown_stories()[0]
        if story is None:
            return False
        return self._open_story(self.run.documents(story.story))

    def _update(self) -> None:
        shown, total = self.proxy.rowCount(), len(self.model.rows)
        self.count_label.setText(f"{shown} of {total} stories" if shown != total else f"{total} stories")
        self.open_button.setEnabled(self.selected_story() is not None or shown == 1)


def open_story_in(window, documents: list[Document]) -> bool:
    """Replace the window's articles with a story's, as opening a session does; False if declined."""
    if not window.sessions.confirm_discard("opening a corpus story"):
        return False
    window.presenter.set_pair_keys(None)
    # The corpus sorted these into one story and compared them as one: so does the window.
    window.controller.restore(documents, [True] * len(documents), replace_all=True, one_story=True)
    window.sessions.start_untitled()  # a story is not a saved comparison: Save asks where
    return True


def open_corpus_result(window, folder=None) -> Optional[CorpusWindow]:
    """File → Open Corpus Result…: the list of a run's stories beside ``window`` (None if none)."""
    if folder is None:
        folder = QFileDialog.getExistingDirectory(
            window, "Open a corpus result (the folder given to parallax corpus --out)")
        if not folder:
            return None
    try:
        run = open_run(folder)
    except CorpusRunError as exc:
        window.message_bar.show_message(str(exc), "error")
        return None
    previous = getattr(window, "corpus_window", None)
    if previous is not None:
        previous.close()
    dialog = CorpusWindow(run, lambda documents: open_story_in(window, documents), window)
    window.corpus_window = dialog  # one list at a time, kept alive beside the window
    dialog.show()
    return dialog
