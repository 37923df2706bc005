"""The main window: layout and wiring.

The :class:`~desktop.app.controller.ComparisonController` owns the articles,
the background work and the result; :class:`~desktop.app.session_files.
SessionFiles` the saved sessions and the autosave; :class:`~desktop.app.
exporting.Exporter` the reports; :class:`~desktop.app.presenter.Presenter`
fills the views when the controller says something changed;
:class:`~desktop.app.navigation.Navigator` steps differences, conflicts and
find; :class:`~desktop.app.appearance.Appearance` the text size and theme;
:class:`~desktop.app.intake.Intake` the open dialogs, paste and drops;
:class:`~desktop.app.view_state.ViewState` what a saved session keeps of the view.  This
window lays out the views (the story table first, the pair view as the
close-up, facts and overview below) and wires them to those parts.

``ask_to_save=True`` asks before closing over unsaved changes and
``autosave=True`` keeps the autosave (in ``autosave_dir``, default the data
folder of :mod:`desktop.app.paths`); both are off unless the app's launcher
turns them on, so tests and ``--smoke`` runs never block on a question or
touch the user's autosave.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QMainWindow, QProgressBar, QPushButton, QSplitter, QStackedWidget,
                               QTabWidget, QVBoxLayout, QWidget)

from ..engine.model import Comparison, CompareConfig, Fact
from . import paths, windowstate
from .actions import build_menus
from .appearance import Appearance
from .article_list import ArticleList
from .controller import ComparisonController
from .drop_target import DropTarget
from .export_dialog import ExportDialog
from .exporting import Exporter
from .facts_view import FactsView
from .find_bar import FindBar
from .intake import Intake
from .message_bar import MessageBar
from .navigation import Navigator
from .overview_view import OverviewView
from .pair_view import PairView
from .presenter import Presenter
from .recent import Recent
from .session_files import SessionFiles
from .refcount_guard import keep_guarding
from .story_view import StoryView
from .view_state import ViewState
from .labels import PlainLabel

def _bar_over(bar: QWidget, body: QWidget) -> QWidget:
    """A thin bar (find, messages) over a body that takes the rest of the height."""
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    column.addWidget(bar)
    column.addWidget(body, 1)
    return box


class MainWindow(QMainWindow):
    comparison_shown = Signal(object)  # Comparison, once the views show it
    settled = Signal()  # nothing left to read or compare

    def __init__(self, settings: Optional[QSettings] = None, config: CompareConfig = CompareConfig(),
                 *, ask_to_save: bool = False, autosave: bool = False,
                 autosave_dir: Optional[Path] = None):
        super().__init__()
        keep_guarding(self)
        self.settings = settings if settings is not None else paths.open_settings()
        self.recent = Recent(self.settings)
        self.controller = ComparisonController(config, self)
        self.exporter = Exporter(self.settings, self)
        self.navigator = Navigator(self, self.controller)
        self.sessions = SessionFiles(
            self.controller, self.recent, ViewState(self), self,
            Path(autosave_dir) if autosave_dir is not None else paths.data_dir(),
            autosave=autosave, ask_to_save=ask_to_save)
        self.presenter = Presenter(self, self.controller, self.sessions, self)
        self.intake = Intake(self, self.controller, self.sessions, self.recent)
        self.appearance = Appearance(self, self.settings)

        self.setWindowTitle("Parallax")
        self.setAcceptDrops(True)
        self.installEventFilter(self.intake)
        self._build_widgets()
        build_menus(self)
        self.rebuild_recent_menu()
        self._connect()
        windowstate.restore(self, self.settings, self._splitters())
        self.apply_theme()
        self.presenter.refresh_list()
        self.update_page()
        self._update_story_action()
        self.sessions.changed.connect(self.update_title)
        self.sessions.mark_saved()

    # The controller's state, under the names the rest of the app reads.
    session = property(lambda self: self.controller.session)
    config = property(lambda self: self.controller.config)
    comparison = property(lambda self: self.controller.comparison)
    reader = property(lambda self: self.controller.reader)
    comparer = property(lambda self: self.controller.comparer)
    fetcher = property(lambda self: self.controller.fetcher)
    _compared_keys = property(lambda self: self.controller.compared_keys)

    # --- construction -------------------------------------------------------

    def _build_widgets(self) -> None:
        self.message_bar = MessageBar()
        self.drop_target = DropTarget()
        self.article_list = ArticleList()
        self.story_view = StoryView()
        self.story_view.set_points(self.appearance.points)
        self.pair_view = PairView()
        self.pair_view.set_points(self.appearance.points)
        self.facts_view = FactsView()
        self.overview_view = OverviewView()

        self.find_bar = FindBar(self.pair_view)
        self.find_edit, self.find_status = self.find_bar.edit, self.find_bar.status

        self.reader_box = _bar_over(self.find_bar, self.pair_view)
        self.reader_tabs = QTabWidget()
        self.reader_tabs.setDocumentMode(True)
        self.reader_tabs.addTab(self.story_view, "Story: all articles")
        self.reader_tabs.addTab(self.reader_box, "Side by side")

        self.tabs = QTabWidget()
        self.tabs.addTab(self.facts_view, "Facts")
        self.tabs.addTab(self.overview_view, "Overview: who reported what")
        self.tabs.setCornerWidget(self.facts_view.detach_filter_bar())  # rows get the height
        self.right_split = QSplitter(Qt.Vertical)
        self.right_split.setChildrenCollapsible(False)
        self.right_split.addWidget(self.reader_tabs)
        self.right_split.addWidget(self.tabs)
        self.right_split.setStretchFactor(0, 3)  # the story takes most of the room a window gains
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([700, 300])
        self.main_split = QSplitter(Qt.Horizontal)
        self.main_split.addWidget(self.article_list)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(0, 0)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([300, 1000])

        self.stack = QStackedWidget()
        self.stack.addWidget(self.drop_target)
        self.stack.addWidget(self.main_split)
        self.setCentralWidget(_bar_over(self.message_bar, self.stack))

        self.progress_label = PlainLabel("")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFixedWidth(180)
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.summary_label = PlainLabel("")
        self.summary_label.setObjectName("Muted")
        self.summary_label.setMinimumWidth(40)
        status = self.statusBar()
        status.addWidget(self.summary_label, 1)
        status.addPermanentWidget(self.progress_label)
        status.addPermanentWidget(self.progress_bar)
        status.addPermanentWidget(self.cancel_button)
        self._show_busy(False)

    def _connect(self) -> None:
        c = self.controller
        c.session_changed.connect(self._on_session_changed)
        c.comparison_changed.connect(self.presenter.show_comparison)
        c.comparison_changed.connect(self.navigator.reset_conflicts)
        c.story_changed.connect(self.presenter.show_story)
        self.presenter.shown.connect(self.comparison_shown.emit)
        c.message.connect(lambda text, kind: self.message_bar.show_message(text, kind))
        c.status.connect(self.summary_label.setText)
        c.progress.connect(self._on_progress)
        c.busy_changed.connect(self._show_busy)
        self.sessions.message.connect(self.message_bar.show_message)
        self.sessions.status.connect(lambda text: self.statusBar().showMessage(text, 4000))
        self.sessions.recent_changed.connect(self.rebuild_recent_menu)
        self.exporter.progress.connect(self._on_progress)
        self.exporter.busy_changed.connect(self._show_busy)
        self.exporter.saved.connect(self._on_exported)
        self.exporter.failed.connect(lambda text: self.message_bar.show_message(text, "error"))
        c.settled.connect(self.settled.emit)

        self.drop_target.open_sample.connect(self.intake.open_sample)
        self.drop_target.open_files.connect(self.intake.open_files_dialog)
        self.article_list.include_toggled.connect(c.set_included)
        self.article_list.rename_requested.connect(c.rename)
        self.article_list.remove_requested.connect(c.remove)
        self.article_list.move_requested.connect(self._on_move)
        self.article_list.selection_changed.connect(self._update_story_action)
        self.story_view.open_requested.connect(self.open_point)
        self.story_view.reference_changed.connect(c.set_reference)
        self.pair_view.pair_requested.connect(self.show_pair)
        self.overview_view.pair_requested.connect(self.show_pair)
        self.facts_view.fact_chosen.connect(self.show_fact)
        self.facts_view.filter_changed.connect(lambda _x: (self.presenter.refresh_facts(),
                                                          self.sessions.state_changed()))
        self.tabs.currentChanged.connect(lambda _i: self.sessions.state_changed())
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: self.apply_theme())

    # --- loading (the intake opens, pastes and takes drops) -------------------------

    def load_paths(self, paths: list[str]) -> None:
        """Read files or folders in the background, then compare everything loaded."""
        self.intake.load_paths(paths)

    link_dialog = property(lambda self: self.intake.link_dialog)

    def clear_all(self) -> None:
        """File → Close All Articles: back to an empty, untitled comparison."""
        if not self.sessions.confirm_discard("closing its articles"):
            return
        self.presenter.set_pair_keys(None)
        self.message_bar.clear()
        self.sessions.show_offer()  # an autosave offer still unanswered stays
        self.controller.clear()
        self.summary_label.setText("")
        self.sessions.start_untitled()

    def cancel(self) -> None:
        self.controller.cancel()
        self.exporter.cancel()

    def comparison_busy(self) -> bool:
        """True while articles are being read or compared in the background."""
        return self.controller.busy()

    def present(self, comparison: Comparison, keys: list[int]) -> None:
        """Show a finished comparison; ``keys`` are the session entries it compared, in order."""
        self.controller.present(comparison, keys)

    def _on_session_changed(self) -> None:
        self.presenter.refresh_list()
        self.update_page()
        self.sessions.state_changed()
        self._update_story_action()

    def compare_its_story(self) -> None:
        """Articles → Compare Its Story Instead: the selected article's story, the rest unticked."""
        key = self.article_list.selected_key()
        if key is not None and self.controller.compare_story_of(key):
            self.article_list.select_key(key)

    def _update_story_action(self) -> None:
        key = self.article_list.selected_key()
        self.its_story_action.setEnabled(key is not None and self.controller.other_story(key) is not None)

    def _on_move(self, key: int, offset: int) -> None:
        self.controller.move(key, offset)
        self.article_list.select_key(key)

    def _on_progress(self, stage: str, fraction: float) -> None:
        self.progress_label.setText(stage + "…")
        self.progress_bar.setValue(int(fraction * 100))

    def _show_busy(self, _busy: bool = False) -> None:
        busy = self.controller.busy() or self.exporter.busy
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)
            self.progress_label.setText("Working…")
            self.summary_label.setText("")

    # --- showing (the presenter sequences the views) ------------------------------

    shown_comparison = property(lambda self: self.presenter.shown_comparison)

    def article_id_for(self, key: int) -> Optional[str]:
        return self.controller.article_id_for(key)

    def show_pair(self, left_id: str, right_id: str) -> None:
        """Show two compared articles side by side (ids as in the comparison)."""
        self.presenter.show_pair(left_id, right_id)

    def open_point(self, row: int, column: int = -1) -> bool:
        """Read one row of the story table side by side: its reference and the chosen article."""
        return self.presenter.open_point(row, column)

    def show_fact(self, fact: Fact) -> None:
        """Show where a fact is told: its row of the story, or its passages side by side."""
        self.presenter.show_fact(fact)

    def update_page(self) -> None:
        self.stack.setCurrentWidget(self.main_split if len(self.session) else self.drop_target)

    # --- navigation ---------------------------------------------------------------------

    def next_difference(self) -> None:
        self.navigator.next_difference()

    def next_conflict(self) -> None:
        self.navigator.next_conflict()

    def show_find(self) -> None:
        self.navigator.show_find()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self.find_bar.isVisible():
            self.navigator.hide_find()
            return
        super().keyPressEvent(event)

    def zoom(self, step: int) -> None:
        self.appearance.zoom(step)

    @property
    def text_points(self) -> int:
        return self.appearance.points

    def set_theme(self, choice: str) -> None:
        self.appearance.set_theme(choice)

    def apply_theme(self) -> None:
        self.appearance.apply_theme()

    # --- persistence -------------------------------------------------------------------------

    def _splitters(self) -> dict:
        return {"main_split": self.main_split, "right_split": self.right_split}

    def closeEvent(self, event) -> None:
        if not self.sessions.confirm_discard("closing"):
            event.ignore()
            return
        self.sessions.window_closing()
        self.cancel()
        windowstate.save(self, self.settings, self._splitters())
        super().closeEvent(event)

    def recent_paths(self) -> list[str]:
        return self.recent.paths()

    def recent_sessions(self) -> list[str]:
        return self.recent.sessions()

    def rebuild_recent_menu(self) -> None:
        self.recent.fill_menu(self.recent_menu, self.sessions.open, self.load_paths,
                              lambda: (self.recent.clear(), self.rebuild_recent_menu()))

    def is_modified(self) -> bool:
        return self.sessions.is_modified()

    def offer_autosave(self) -> bool:
        return self.sessions.offer_autosave()

    autosave_dir = property(lambda self: self.sessions.autosave_dir)

    def update_title(self) -> None:
        name = self.sessions.name()
        self.setWindowTitle(f"{name}{' •' if self.is_modified() else ''} — Parallax"
                            if name else "Parallax")
        has_articles = bool(len(self.session))
        self.save_action.setEnabled(has_articles or bool(self.sessions.path))
        self.save_as_action.setEnabled(has_articles)
        self.export_action.setEnabled(self.comparison is not None)

    # --- export --------------------------------------------------------------------------------

    def show_export_dialog(self) -> Optional[ExportDialog]:
        """File → Export: opens the dialog (window-modal); the file is written on accept."""
        if self.comparison is None:
            self.message_bar.show_message("Open at least two articles to export a comparison.",
                                          "info")
            return None
        return self.exporter.open_dialog(self.controller.comparison_to_report(),
                                         self.sessions.suggested_name(),
                                         self.recent.last_dir, self)

    def _on_exported(self, path: Path) -> None:
        self.message_bar.show_message(
            f"Report saved: {path}", "info",
            [("Open", lambda p=str(path): QDesktopServices.openUrl(QUrl.fromLocalFile(p)))])
