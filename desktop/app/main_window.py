"""The main window: wires the session, the background tasks and the views.

It owns no drawing of its own.  Loading (``load_paths``, ``add_text``,
``load_links``, ``handle_mime``) edits the :class:`~desktop.app.session.Session`
and starts a comparison in the background; when a result arrives it builds
the view-models and hands each view the narrow piece it needs.

Saved sessions (``.parallax`` files, :mod:`desktop.engine.session`) hold the
articles, include ticks, the pair and view settings: ``save_to``,
``open_session``.  With ``autosave=True`` the same state is written to the
autosave (debounced, on a worker thread) whenever it changes, cleared on a
clean exit, and offered back after a crash (``offer_autosave``); it lives in
``autosave_dir`` (default: the data folder of :mod:`desktop.app.paths`).
``ask_to_save=True`` asks before closing over unsaved changes; both are off
unless the app's launcher turns them on, so tests and ``--smoke`` runs never
block on a question or touch the user's autosave.
"""
from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Optional

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QApplication, QFileDialog, QHBoxLayout, QLabel, QLineEdit,
                               QMainWindow, QMessageBox, QProgressBar, QPushButton, QSplitter,
                               QStackedWidget, QTabWidget, QToolButton, QVBoxLayout, QWidget)

from ..engine.errors import Cancelled, IngestError
from ..engine.ingest import document_from_text, supported_suffixes
from ..engine.ingest.web import fetch_url, is_url
from ..engine.model import Comparison, CompareConfig, Fact, Document
from ..engine.pipeline import compare, read_documents
from ..engine.report import export_report
from ..engine.resources import seeds_dir
from ..engine.session import Session as SavedSession
from ..engine.session import (SUFFIX, SessionError, autosave_path, clear_autosave, load_session,
                              read_autosave, save_session, write_autosave)
from ..engine.wording import plural
from . import paths, styles
from .article_list import ArticleList, ArticleRow
from .drop_target import DropTarget
from .drops import can_accept, read_mime
from .export_dialog import ExportDialog
from .facts_view import FactsView
from .message_bar import MessageBar
from .overview_view import OverviewView
from .pair_view import PairView
from .refcount_guard import keep_guarding
from .session import Session
from .tasks import TaskRunner
from .viewmodels import (fact_pair, fact_rows, mentions_in, overview_model, pair_view_model)

_STAGE_NAMES = {"read": "Reading articles", "segment": "Splitting into sentences",
                "align": "Matching passages", "diff": "Comparing wording",
                "facts": "Checking facts", "done": "Finishing", "download": "Downloading"}
log = logging.getLogger(__name__)
_MAX_RECENT = 10
_AUTOSAVE_DELAY_MS = 2000
_SESSION_FILTER = f"Parallax comparisons (*{SUFFIX})"


class _Autosaver:
    """Writes the autosave on a worker thread; a later write or a clear wins.

    Each request takes a generation number under the lock; a worker writes
    only if no newer request (or clear) came since, and holds the lock while
    writing, so a clear never races a write that would bring the file back.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._generation = 0
        self.written = False  # wrote at least once in this run
        self.last_error: Optional[str] = None

    def write(self, snapshot: SavedSession) -> None:
        with self._lock:
            self._generation += 1
            generation = self._generation
        threading.Thread(target=self._job, args=(snapshot, generation), daemon=True,
                         name="parallax-autosave").start()

    def _job(self, snapshot: SavedSession, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return
            try:
                write_autosave(snapshot, self.folder)
                self.written = True
                self.last_error = None
            except (OSError, TypeError, ValueError) as exc:
                self.last_error = getattr(exc, "strerror", None) or str(exc)
                log.warning("autosave to %s failed", self.folder, exc_info=True)

    def write_now(self, snapshot: SavedSession) -> None:
        """Write on this thread, superseding any write still queued."""
        with self._lock:
            self._generation += 1
            try:
                write_autosave(snapshot, self.folder)
            except (OSError, TypeError, ValueError) as exc:
                self.last_error = getattr(exc, "strerror", None) or str(exc)
                log.warning("autosave to %s failed", self.folder, exc_info=True)

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            try:
                clear_autosave(self.folder)
            except OSError:
                pass


def _file_name_for(title: str) -> str:
    """A safe, short file name (no suffix) made from an article title."""
    name = re.sub(r"[^\w\- ]+", "", title, flags=re.UNICODE).strip()
    name = re.sub(r"\s+", " ", name)
    if len(name) > 50:
        words = name[:51].split(" ")[:-1]
        while words and words[-1].lower() in _TRAILING_SMALL_WORDS:
            words.pop()
        name = " ".join(words)
    return name.strip() or "Parallax comparison"


_TRAILING_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on",
                         "or", "the", "to", "with", "-"}
_MIN_POINTS, _MAX_POINTS = 8, 28


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
        self.config = config
        self.session = Session()
        self.comparison: Optional[Comparison] = None
        self.shown_comparison: Optional[Comparison] = None  # fully on screen, panels too
        self._compared_keys: list[int] = []
        self._pair_keys: Optional[tuple[int, int]] = None
        self._conflict_index = -1
        self._pending_paths: list[str] = []
        self._pending_links: list[str] = []
        self._paste_count = 0
        self.ask_to_save = ask_to_save
        self.autosave_enabled = autosave
        self.session_path: Optional[str] = None
        self.autosave_dir = Path(autosave_dir) if autosave_dir is not None else paths.data_dir()
        self._autosaver = _Autosaver(self.autosave_dir)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(_AUTOSAVE_DELAY_MS)
        self._autosave_timer.timeout.connect(self._autosave_now)
        self._shown_warnings: set[tuple[str, str]] = set()
        self._offered: Optional[SavedSession] = None  # autosave offered back, not yet answered
        self._points = int(self.settings.value("view/text_points", styles.DEFAULT_TEXT_POINTS))
        self._points = max(_MIN_POINTS, min(_MAX_POINTS, self._points))
        styles.set_theme_choice(str(self.settings.value("view/theme", "system")))

        self.setWindowTitle("Parallax")
        self.setAcceptDrops(True)
        self.reader = TaskRunner(self)
        self.comparer = TaskRunner(self)
        self.fetcher = TaskRunner(self)
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._restore_geometry()
        self.apply_theme()
        self._refresh_list()
        self._update_page()
        self._saved_state = self.current_state()
        self._update_title()

    # --- construction -------------------------------------------------------

    def _build_widgets(self) -> None:
        self.message_bar = MessageBar()
        self.drop_target = DropTarget()
        self.article_list = ArticleList()
        self.pair_view = PairView()
        self.pair_view.set_points(self._points)
        self.facts_view = FactsView()
        self.overview_view = OverviewView()

        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("Find in both articles (Enter: next, Shift+Enter: previous)")
        self.find_edit.setClearButtonEnabled(True)
        self.find_status = QLabel("")
        self.find_status.setObjectName("Muted")
        close_find = QToolButton()
        close_find.setText("✕")
        close_find.setAutoRaise(True)
        close_find.clicked.connect(self.hide_find)
        self.find_bar = QWidget()
        find_row = QHBoxLayout(self.find_bar)
        find_row.setContentsMargins(6, 2, 6, 2)
        find_row.addWidget(QLabel("Find:"))
        find_row.addWidget(self.find_edit, 1)
        find_row.addWidget(self.find_status)
        find_row.addWidget(close_find)
        self.find_bar.hide()

        reader_box = _bar_over(self.find_bar, self.pair_view)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.facts_view, "Facts")
        self.tabs.addTab(self.overview_view, "Overview: who reported what")
        self.right_split = QSplitter(Qt.Vertical)
        self.right_split.addWidget(reader_box)
        self.right_split.addWidget(self.tabs)
        self.right_split.setStretchFactor(0, 3)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setSizes([640, 260])
        self.main_split = QSplitter(Qt.Horizontal)
        self.main_split.addWidget(self.article_list)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(0, 0)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([340, 1200])

        self.waiting_label = QLabel("")
        self.waiting_label.setAlignment(Qt.AlignCenter)
        self.waiting_label.setObjectName("DropHint")
        self.waiting_label.setWordWrap(True)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.drop_target)
        self.stack.addWidget(self.main_split)
        self.setCentralWidget(_bar_over(self.message_bar, self.stack))

        self.progress_label = QLabel("")
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setFixedWidth(180)
        self.progress_bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.summary_label = QLabel("")
        self.summary_label.setObjectName("Muted")
        status = self.statusBar()
        status.addWidget(self.summary_label, 1)
        status.addPermanentWidget(self.progress_label)
        status.addPermanentWidget(self.progress_bar)
        status.addPermanentWidget(self.cancel_button)
        self._show_busy(False)

    def _action(self, menu, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            action.setShortcutContext(Qt.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(file_menu, "&Open Articles…", self.open_files_dialog, QKeySequence.Open)
        self._action(file_menu, "Open &Folder…", self.open_folder_dialog,
                     QKeySequence("Ctrl+Shift+O"))
        self._action(file_menu, "Open the Sa&mple Comparison", self.open_sample)
        self._action(file_menu, "Open Sess&ion…", self.open_session_dialog)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        file_menu.addSeparator()
        self.save_action = self._action(file_menu, "&Save", self.save, QKeySequence.Save,
                                        "Save the articles and your choices as a .parallax file")
        self.save_as_action = self._action(file_menu, "Save &As…", self.save_as,
                                           QKeySequence("Ctrl+Shift+S"))
        self.export_action = self._action(file_menu, "&Export Report…", self.show_export_dialog,
                                          QKeySequence("Ctrl+E"),
                                          "Write the comparison as a web page, PDF, Markdown, "
                                          "CSV or JSON")
        file_menu.addSeparator()
        self._action(file_menu, "&Close All Articles", self.clear_all, QKeySequence("Ctrl+W"))
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.Quit)

        edit_menu = bar.addMenu("&Edit")
        self.paste_action = self._action(edit_menu, "&Paste as New Article", self.paste_article,
                                         QKeySequence.Paste)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find…", self.show_find, QKeySequence.Find)
        self._action(edit_menu, "Find &Next", lambda: self.find_next(False), QKeySequence.FindNext)
        self._action(edit_menu, "Find Pre&vious", lambda: self.find_next(True),
                     QKeySequence.FindPrevious)

        go_menu = bar.addMenu("&Go")
        self.next_diff_action = self._action(go_menu, "&Next Difference", self.next_difference,
                                             QKeySequence("Alt+Down"))
        self.prev_diff_action = self._action(go_menu, "&Previous Difference",
                                             self.previous_difference, QKeySequence("Alt+Up"))
        go_menu.addSeparator()
        self._action(go_menu, "Next &Conflict", self.next_conflict, QKeySequence("F7"))
        self._action(go_menu, "Previous C&onflict", self.previous_conflict,
                     QKeySequence("Shift+F7"))

        view_menu = bar.addMenu("&View")
        self._action(view_menu, "Zoom &In", lambda: self.zoom(+1),
                     [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self._action(view_menu, "Zoom &Out", lambda: self.zoom(-1), QKeySequence("Ctrl+-"))
        self._action(view_menu, "&Actual Size", lambda: self.zoom(0), QKeySequence("Ctrl+0"))
        view_menu.addSeparator()
        self._action(view_menu, "Show &Facts", lambda: self.tabs.setCurrentWidget(self.facts_view),
                     QKeySequence("Ctrl+1"))
        self._action(view_menu, "Show O&verview",
                     lambda: self.tabs.setCurrentWidget(self.overview_view), QKeySequence("Ctrl+2"))
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_group = QActionGroup(self)
        for key, label in (("system", "Follow the &System"), ("light", "&Light"),
                           ("dark", "&Dark")):
            action = self._action(theme_menu, label, lambda _c=False, k=key: self.set_theme(k))
            action.setCheckable(True)
            action.setChecked(styles.theme_choice() == key)
            action.setData(key)
            self.theme_group.addAction(action)

        articles_menu = bar.addMenu("&Articles")
        self._action(articles_menu, "&Rename", self.article_list.start_rename, QKeySequence("F2"))
        remove = self._action(articles_menu, "Re&move", self.article_list._remove,
                              QKeySequence.Delete)
        # Delete only acts inside the article list: a stray key press while
        # reading must not drop an article.
        remove.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.article_list.addAction(remove)
        self._action(articles_menu, "Move &Up", lambda: self.article_list._move(-1),
                     QKeySequence("Alt+Shift+Up"))
        self._action(articles_menu, "Move &Down", lambda: self.article_list._move(+1),
                     QKeySequence("Alt+Shift+Down"))
        self._rebuild_recent_menu()

    def _connect(self) -> None:
        self.reader.finished.connect(self._on_read)
        self.reader.failed.connect(lambda m: self._on_failed("Reading failed", m))
        self.reader.progress.connect(self._on_progress)
        self.reader.busy_changed.connect(lambda _b: self._sync_busy())
        self.reader.cancelled.connect(self._on_cancelled)
        self.comparer.finished.connect(self._on_compared)
        self.comparer.failed.connect(lambda m: self._on_failed("Comparing failed", m))
        self.comparer.progress.connect(self._on_progress)
        self.comparer.busy_changed.connect(lambda _b: self._sync_busy())
        self.comparer.cancelled.connect(self._on_cancelled)
        self.fetcher.finished.connect(self._on_fetched)
        self.fetcher.failed.connect(lambda m: self._on_failed("Downloading failed", m))
        self.fetcher.progress.connect(self._on_progress)
        self.fetcher.busy_changed.connect(lambda _b: self._sync_busy())
        self.fetcher.cancelled.connect(self._on_fetch_cancelled)

        self.drop_target.open_sample.connect(self.open_sample)
        self.drop_target.open_files.connect(self.open_files_dialog)
        self.article_list.include_toggled.connect(self._on_include)
        self.article_list.rename_requested.connect(self._on_rename)
        self.article_list.remove_requested.connect(self._on_remove)
        self.article_list.move_requested.connect(self._on_move)
        self.pair_view.pair_requested.connect(self.show_pair)
        self.overview_view.pair_requested.connect(self.show_pair)
        self.facts_view.fact_chosen.connect(self.show_fact)
        self.facts_view.filter_changed.connect(lambda _x: (self._refresh_facts(),
                                                          self._state_changed()))
        self.tabs.currentChanged.connect(lambda _i: self._state_changed())
        self.find_edit.returnPressed.connect(lambda: self.find_next(
            bool(QGuiApplication.keyboardModifiers() & Qt.ShiftModifier)))
        self.find_edit.textChanged.connect(lambda _t: self.find_next(False, restart=True))
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(lambda _s: self.apply_theme())

    # --- loading --------------------------------------------------------------

    def load_paths(self, paths: list[str]) -> None:
        """Read files or folders in the background, then compare everything loaded."""
        paths = [os.fspath(p) for p in paths]
        sessions = [p for p in paths if p.lower().endswith(SUFFIX) and os.path.isfile(p)]
        paths = [p for p in paths if p not in sessions]
        for path in sessions:
            self.open_session(path)
        if not paths:
            return
        self._remember_recent(paths)
        if self.reader.busy:
            self._pending_paths += paths
            return
        self._start_read(paths)

    def _start_read(self, paths: list[str]) -> None:
        self.reader.start(lambda progress, cancel: read_documents(paths, progress, cancel))

    def add_text(self, text: str) -> bool:
        """Make an article of dragged or pasted text."""
        self._paste_count += 1
        source = f"pasted text {self._paste_count}"
        try:
            document = document_from_text(text, source)
        except IngestError as exc:
            self.message_bar.show_message(f"{exc.source}: {exc.reason}", "error")
            return False
        self.session.add([document])
        self._warn_about([document])
        self._after_session_change()
        return True

    def load_links(self, links: list[str]) -> None:
        """Download web links in the background and add each as an article."""
        links = [link for link in links if link not in self._pending_links]
        if not links:
            return
        if self.fetcher.busy:
            self._pending_links += links
            return
        self._start_fetch(links)

    def _start_fetch(self, links: list[str]) -> None:
        count = len(links)

        def job(progress, should_cancel):
            documents, errors = [], []
            for n, link in enumerate(links):
                def step(_stage, fraction, n=n):
                    progress("download", (n + max(0.0, min(1.0, fraction))) / count)
                try:
                    documents.append(fetch_url(link, should_cancel=should_cancel, progress=step))
                except IngestError as exc:
                    errors.append(exc)
            return documents, errors

        self.fetcher.start(job)

    def _on_fetched(self, result) -> None:
        documents = self._add_read(result)
        if self._pending_links:
            links, self._pending_links = self._pending_links, []
            self._start_fetch(links)
        if documents:
            self._after_session_change()
        elif not self.comparison_busy():
            self.settled.emit()  # nothing new: the comparison on screen stands

    def _on_fetch_cancelled(self) -> None:
        self._pending_links.clear()
        self.summary_label.setText("Download cancelled.")
        if not self.comparison_busy():
            self.settled.emit()

    def _warn_about(self, items) -> None:
        """One message-bar line per article that came with caveats (not English, pages skipped…)."""
        for item in items:
            fresh = [w for w in getattr(item, "warnings", ()) or ()
                     if (item.source, w) not in self._shown_warnings]
            if not fresh:
                continue
            self._shown_warnings.update((item.source, w) for w in fresh)
            name = item.title or (item.source if is_url(item.source) else
                                  item.source.replace("\\", "/").rsplit("/", 1)[-1]
                                  or item.source)
            self.message_bar.show_message(f"{name}: {'; '.join(fresh)}", "warning")

    def handle_mime(self, mime) -> bool:
        """Load whatever a drop or a paste carries; False when nothing usable."""
        payload = read_mime(mime)
        for link in payload.unsupported:
            self.message_bar.show_message(
                f"Could not read {link}: only files and http(s) links can be added", "error")
        if payload.links:
            self.load_links(payload.links)
        for text in payload.texts:
            self.add_text(text)
        if payload.paths:
            self.load_paths(payload.paths)
        return not payload.is_empty()

    def open_sample(self) -> None:
        self.load_paths([str(seeds_dir())])

    def open_files_dialog(self) -> None:
        patterns = " ".join(f"*{s}" for s in supported_suffixes())
        paths, _ = QFileDialog.getOpenFileNames(self, "Open articles", self._last_dir(),
                                                f"Articles ({patterns});;All files (*)")
        if paths:
            self.load_paths(paths)

    def open_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Open a folder of articles",
                                                  self._last_dir())
        if folder:
            self.load_paths([folder])

    def paste_article(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not self.handle_mime(mime):
            self.message_bar.show_message("The clipboard holds no text or files to add.", "info")

    def clear_all(self) -> None:
        """File → Close All Articles: back to an empty, untitled comparison."""
        if self.ask_to_save and not self._confirm_discard("closing its articles"):
            return
        self.cancel()
        self.session.clear()
        self.session_path = None
        self._pair_keys = None
        self.message_bar.clear()
        if self._offered is not None:
            self._show_offer()  # still unanswered: it stays
        self._after_session_change()
        self._saved_state = self.current_state()
        self._update_title()

    def cancel(self) -> None:
        self._pending_paths.clear()
        self._pending_links.clear()
        self.reader.cancel()
        self.fetcher.cancel()
        self.comparer.cancel()

    def _add_read(self, result) -> list:
        """Add what a read or download task brought; name each source that failed."""
        documents, errors = result
        for error in errors:
            self.message_bar.show_message(f"Could not read {error.source}: {error.reason}",
                                          "error")
        self.session.add(documents)
        self._warn_about(documents)
        return documents

    def _on_read(self, result) -> None:
        self._add_read(result)
        if self._pending_paths:
            paths, self._pending_paths = self._pending_paths, []
            self._start_read(paths)
        self._after_session_change()

    # --- comparing --------------------------------------------------------------

    def _after_session_change(self) -> None:
        self._refresh_list()
        self._update_page()
        self.schedule_compare()
        self._state_changed()

    def schedule_compare(self) -> None:
        included = self.session.included()
        if len(included) < 2:
            self.comparer.cancel()
            self.comparison = None
            self._compared_keys = []
            self._show_comparison(None)
            if not (self.reader.busy or self.fetcher.busy):
                self.settled.emit()
            return
        documents: list[Document] = [e.document for e in included]
        keys = [e.key for e in included]
        config = self.config

        def job(progress, should_cancel):
            try:
                return keys, compare(documents, config, progress, should_cancel), None
            except Cancelled:
                raise
            except Exception as exc:
                if not config.find_facts:
                    raise
                # The passages are worth showing even when fact checking
                # breaks on some article: compare again without it.
                log.exception("finding facts failed; comparing again without them")
                plain = replace(config, find_facts=False)
                return keys, compare(documents, plain, progress, should_cancel), \
                    f"{type(exc).__name__}: {exc}"

        self.comparer.start(job)

    def _on_compared(self, result) -> None:
        keys, comparison, facts_error = result
        if facts_error:
            self.message_bar.show_message(
                f"Facts could not be checked for these articles ({facts_error}); "
                "the passages are compared without them.", "warning")
        self.present(comparison, keys)
        self._warn_about(comparison.articles)
        if not (self.reader.busy or self.fetcher.busy):
            self.settled.emit()

    def present(self, comparison: Comparison, keys: list[int]) -> None:
        """Show a finished comparison; ``keys`` are the session entries it compared, in order."""
        self.comparison = comparison
        self._compared_keys = keys
        self._show_comparison(comparison)

    def _on_failed(self, what: str, message: str) -> None:
        self.message_bar.show_message(f"{what}: {message}", "error")
        self.settled.emit()

    def _on_cancelled(self) -> None:
        self.summary_label.setText("Cancelled. Change the articles or reopen them to compare again.")

    def _on_progress(self, stage: str, fraction: float) -> None:
        self.progress_label.setText(_STAGE_NAMES.get(stage, stage.capitalize()) + "…")
        self.progress_bar.setValue(int(fraction * 100))

    def comparison_busy(self) -> bool:
        """True while articles are being read or compared in the background."""
        return self.reader.busy or self.comparer.busy or self.fetcher.busy

    def _sync_busy(self) -> None:
        self._show_busy(self.comparison_busy())

    def _show_busy(self, busy: bool) -> None:
        for widget in (self.progress_label, self.progress_bar, self.cancel_button):
            widget.setVisible(busy)
        if busy:
            self.progress_bar.setValue(0)
            self.progress_label.setText("Working…")
            self.summary_label.setText("")

    # --- showing ------------------------------------------------------------------

    def article_id_for(self, key: int) -> Optional[str]:
        if self.comparison is None:
            return None
        for k, article in zip(self._compared_keys, self.comparison.articles):
            if k == key:
                return article.id
        return None

    def _key_for(self, article_id: str) -> Optional[int]:
        if self.comparison is None:
            return None
        for k, article in zip(self._compared_keys, self.comparison.articles):
            if article.id == article_id:
                return k
        return None

    def _show_comparison(self, comparison: Optional[Comparison]) -> None:
        self._refresh_list()
        self._update_page()
        self._conflict_index = -1
        if comparison is None:
            self.pair_view.show_pair(None)
            self.pair_view.set_choices([], "", "")
            self.facts_view.show_facts([], [], 0, 0)
            if len(self.session):
                self.summary_label.setText("Add at least one more article to compare.")
            return
        articles = comparison.articles
        choices = self._pair_choices(comparison)
        was_saved = not self.is_modified()
        pair = self._pair_ids_to_keep(comparison)
        self.pair_view.set_choices(choices, *pair)
        self._show_pair_ids(*pair)
        if was_saved:
            # A pair the app picked by itself is not an unsaved change.
            self._saved_state = self.current_state()
            self._update_title()
        conflicts = sum(1 for f in comparison.facts if f.status == "conflict")
        unrelated = [a.id for a in articles if not a.related]
        summary = (f"{len(articles)} articles · {plural(len(comparison.groups), 'shared passage')} · "
                   f"{plural(conflicts, 'conflict')}")
        if unrelated and len(unrelated) < len(articles):
            summary += f" · {', '.join(unrelated)} about a different event"
        elif unrelated:
            summary += " · these articles do not seem to report the same event"
        self.summary_label.setText(summary)
        # The panels below fill on the next turns of the event loop, so no
        # single step holds the UI thread for long with many articles.
        QTimer.singleShot(0, lambda c=comparison: self._show_panels(c))

    def _show_panels(self, comparison: Comparison) -> None:
        if comparison is not self.comparison:
            return
        self._refresh_facts()
        QTimer.singleShot(0, lambda: self._show_overview(comparison))

    def _show_overview(self, comparison: Comparison) -> None:
        if comparison is not self.comparison:
            return
        self.overview_view.show_overview(overview_model(comparison))
        QTimer.singleShot(0, lambda c=comparison: self._announce(c))

    def _announce(self, comparison: Comparison) -> None:
        if comparison is self.comparison:
            self.shown_comparison = comparison
            self.comparison_shown.emit(comparison)

    @staticmethod
    def _pair_choices(comparison: Comparison) -> list[tuple[str, str]]:
        some_related = any(a.related for a in comparison.articles)
        choices = []
        for a in comparison.articles:
            label = a.title or a.outlet or a.source.rsplit("/", 1)[-1]
            if some_related and not a.related:
                label += "  (different event)"
            choices.append((a.id, label))
        return choices

    def _pair_ids_to_keep(self, comparison: Comparison) -> tuple[str, str]:
        if self._pair_keys:
            ids = [self.article_id_for(k) for k in self._pair_keys]
            if all(ids) and ids[0] != ids[1]:
                return ids[0], ids[1]
        related = [a.id for a in comparison.articles if a.related]
        pool = related if len(related) >= 2 else [a.id for a in comparison.articles]
        # Open on the pair that shares the most passages, so the first view
        # shows links rather than two unconnected texts.
        shared: dict[tuple[str, str], int] = {}
        for group in comparison.groups:
            carriers = [aid for aid in pool if aid in group.articles()]
            for i, left in enumerate(carriers):
                for right in carriers[i + 1:]:
                    shared[(left, right)] = shared.get((left, right), 0) + 1
        if shared:
            return max(shared, key=lambda pair: (shared[pair], -pool.index(pair[0])))
        return pool[0], pool[1]

    def show_pair(self, left_id: str, right_id: str) -> None:
        """Show two compared articles side by side (ids as in the comparison)."""
        if self.comparison is None or left_id == right_id:
            if self.comparison is not None and left_id == right_id:
                self.message_bar.show_message("Choose two different articles to compare.", "info")
            return
        self.pair_view.set_choices(self._pair_choices(self.comparison), left_id, right_id)
        self._show_pair_ids(left_id, right_id)

    def _show_pair_ids(self, left_id: str, right_id: str) -> None:
        self._pair_keys = (self._key_for(left_id), self._key_for(right_id))
        self.pair_view.show_pair(pair_view_model(self.comparison, left_id, right_id))
        if self.find_bar.isVisible() and self.find_edit.text():
            self.find_next(False, restart=True)
        self._state_changed()

    def _refresh_facts(self) -> None:
        comparison = self.comparison
        if comparison is None:
            self.facts_view.show_facts([], [], 0, 0)
            return
        only = self.facts_view.conflicts_only.isChecked()
        rows = fact_rows(comparison, only)
        conflicts = sum(1 for f in comparison.facts if f.status == "conflict")
        self.facts_view.show_facts(rows, [a.id for a in comparison.articles],
                                   len(comparison.facts), conflicts)

    def show_fact(self, fact: Fact) -> None:
        """Bring the fact's passages side by side and highlight the values."""
        comparison = self.comparison
        if comparison is None:
            return
        current = (self.pair_view.left_pick.currentData() or "",
                   self.pair_view.right_pick.currentData() or "")
        left_id, right_id = fact_pair(fact, current)
        if (left_id, right_id) != current:
            self.show_pair(left_id, right_id)
        spans, passages = [], []
        for aid in (left_id, right_id):
            mentions = mentions_in(fact, aid)
            spans.append([(m.start, m.end) for m in mentions])
            passage_range = None
            if mentions:
                first = mentions[0]
                if first.passage:
                    _, passage = comparison.passage(first.passage)
                    passage_range = (passage.start, passage.end)
                else:
                    passage_range = (first.start, first.end)
            passages.append(passage_range)
        self.pair_view.show_marks(spans[0], spans[1], passages[0], passages[1])
        self.summary_label.setText(fact.note)

    def _refresh_list(self) -> None:
        rows = []
        for entry in self.session.entries:
            aid = self.article_id_for(entry.key) if entry.included else None
            article = self.comparison.article(aid) if aid else None
            doc = entry.document
            rows.append(ArticleRow(entry.key, aid, entry.display_title, doc.outlet or "",
                                   doc.published or "", entry.word_count, entry.included,
                                   bool(article is not None and not article.related
                                        and any(a.related for a in self.comparison.articles)),
                                   doc.source, article.event_note if article is not None else ""))
        self.article_list.show_entries(rows)

    def _update_page(self) -> None:
        self.stack.setCurrentWidget(self.main_split if len(self.session) else self.drop_target)

    # --- article edits --------------------------------------------------------------

    def _on_include(self, key: int, included: bool) -> None:
        self.session.set_included(key, included)
        self._after_session_change()

    def _on_rename(self, key: int, title: str) -> None:
        self.session.rename(key, title)
        self._after_session_change()

    def _on_remove(self, key: int) -> None:
        self.session.remove(key)
        self._after_session_change()

    def _on_move(self, key: int, offset: int) -> None:
        self.session.move(key, offset)
        self._after_session_change()
        self.article_list.select_key(key)

    # --- navigation ---------------------------------------------------------------------

    def next_difference(self) -> None:
        if not self.pair_view.next_difference():
            self.statusBar().showMessage("No further difference in this pair.", 2500)

    def previous_difference(self) -> None:
        if not self.pair_view.previous_difference():
            self.statusBar().showMessage("No earlier difference in this pair.", 2500)

    def _conflicts(self) -> list[Fact]:
        if self.comparison is None:
            return []
        return [f for f in self.comparison.facts if f.status == "conflict"]

    def next_conflict(self) -> None:
        self._step_conflict(+1)

    def previous_conflict(self) -> None:
        self._step_conflict(-1)

    def _step_conflict(self, step: int) -> None:
        conflicts = self._conflicts()
        if not conflicts:
            self.statusBar().showMessage("No conflicting facts found.", 2500)
            return
        self._conflict_index = (self._conflict_index + step) % len(conflicts)
        fact = conflicts[self._conflict_index]
        self.tabs.setCurrentWidget(self.facts_view)
        if not self.facts_view.select_fact(fact.id):
            self.show_fact(fact)

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def hide_find(self) -> None:
        self.find_bar.hide()
        self.pair_view.left_pane.set_find_marks([])
        self.pair_view.right_pane.set_find_marks([])

    def find_next(self, backward: bool = False, restart: bool = False) -> None:
        if not self.find_bar.isVisible():
            self.show_find()
            return
        if restart:
            self.pair_view._last_find = None
        needle = self.find_edit.text()
        found = self.pair_view.find(needle, backward)
        self.find_status.setText("" if found or not needle else "Not found")

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key_Escape and self.find_bar.isVisible():
            self.hide_find()
            return
        super().keyPressEvent(event)

    def zoom(self, step: int) -> None:
        self._points = styles.DEFAULT_TEXT_POINTS if step == 0 else \
            max(_MIN_POINTS, min(_MAX_POINTS, self._points + step))
        self.settings.setValue("view/text_points", self._points)
        self.pair_view.set_points(self._points)
        self.statusBar().showMessage(f"Text size {self._points} pt", 1500)
        self._state_changed()

    @property
    def text_points(self) -> int:
        return self._points

    # --- theme ----------------------------------------------------------------------------

    def set_theme(self, choice: str) -> None:
        styles.set_theme_choice(choice)
        self.settings.setValue("view/theme", choice)
        self.apply_theme()

    def apply_theme(self) -> None:
        theme = styles.current_theme()
        app = QApplication.instance()
        app.setPalette(styles.palette_for(theme))
        app.setStyleSheet(styles.style_sheet(theme))
        for action in self.theme_group.actions():
            action.setChecked(action.data() == styles.theme_choice())
        # Span formats are baked into the documents: rebuild them in the new colours.
        if self.comparison is not None:
            left = self.pair_view.left_pick.currentData()
            right = self.pair_view.right_pick.currentData()
            if left and right and left != right:
                self._show_pair_ids(left, right)
            self._refresh_list()

    # --- drag and drop ---------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if can_accept(event.mimeData()):
            event.acceptProposedAction()
            self.drop_target.set_active(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        if can_accept(event.mimeData()):
            event.acceptProposedAction()

    def dragLeaveEvent(self, event) -> None:
        self.drop_target.set_active(False)

    def dropEvent(self, event) -> None:
        self.drop_target.set_active(False)
        if self.handle_mime(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    # --- persistence -------------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        for name, splitter in (("window/main_split", self.main_split),
                               ("window/right_split", self.right_split)):
            state = self.settings.value(name)
            if isinstance(state, QByteArray) and not state.isEmpty():
                splitter.restoreState(state)

    def closeEvent(self, event) -> None:
        if self.ask_to_save and not self._confirm_discard("closing"):
            event.ignore()
            return
        self._autosave_timer.stop()
        if self.autosave_enabled:
            if self._offered is not None:
                # The user never answered the offer: keep it for the next start.
                self._autosaver.write_now(self._offered)
            else:
                self._autosaver.clear()  # a clean exit: nothing to offer back next time
        self.cancel()
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/main_split", self.main_split.saveState())
        self.settings.setValue("window/right_split", self.right_split.saveState())
        self.settings.sync()
        super().closeEvent(event)

    def recent_paths(self) -> list[str]:
        value = self.settings.value("files/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember_recent(self, paths: list[str]) -> None:
        recent = self.recent_paths()
        for path in reversed(paths):
            path = os.path.abspath(path)
            if path in recent:
                recent.remove(path)
            recent.insert(0, path)
        self.settings.setValue("files/recent", recent[:_MAX_RECENT])
        self._rebuild_recent_menu()

    def recent_sessions(self) -> list[str]:
        value = self.settings.value("sessions/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember_recent_session(self, path: str) -> None:
        path = os.path.abspath(path)
        recent = [p for p in self.recent_sessions() if p != path]
        recent.insert(0, path)
        self.settings.setValue("sessions/recent", recent[:_MAX_RECENT])
        self.settings.setValue("sessions/folder", os.path.dirname(path))
        self._rebuild_recent_menu()

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        sessions, files = self.recent_sessions(), self.recent_paths()
        if sessions:
            self.recent_menu.addSection("Saved comparisons")
            for path in sessions:
                action = self.recent_menu.addAction(
                    f"{Path(path).stem}  —  {os.path.dirname(path)}")
                action.setToolTip(path)
                action.setData(path)
                action.triggered.connect(lambda _c=False, p=path: self.open_session(p))
        if files:
            self.recent_menu.addSection("Articles and folders")
            for path in files:
                action = self.recent_menu.addAction(path)
                action.setData(path)
                action.triggered.connect(lambda _c=False, p=path: self.load_paths([p]))
        if sessions or files:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction("Clear the List").triggered.connect(self._clear_recent)
        self.recent_menu.setEnabled(bool(sessions or files))

    def _clear_recent(self) -> None:
        self.settings.setValue("files/recent", [])
        self.settings.setValue("sessions/recent", [])
        self._rebuild_recent_menu()

    def _last_dir(self) -> str:
        recent = self.recent_paths()
        if recent:
            first = recent[0]
            return first if os.path.isdir(first) else os.path.dirname(first)
        return os.path.expanduser("~")

    # --- saved sessions ------------------------------------------------------------------------

    def current_state(self) -> SavedSession:
        """What a .parallax file would hold right now."""
        entries = self.session.entries
        keys = [e.key for e in entries]
        pair = None
        if self._pair_keys and all(k in keys for k in self._pair_keys) \
                and self._pair_keys[0] != self._pair_keys[1]:
            pair = (keys.index(self._pair_keys[0]), keys.index(self._pair_keys[1]))
        settings = {"tab": "overview" if self.tabs.currentWidget() is self.overview_view
                    else "facts",
                    "conflicts_only": self.facts_view.conflicts_only.isChecked(),
                    "text_points": self._points}
        return SavedSession(tuple(e.document for e in entries), tuple(e.included for e in entries),
                            pair, settings)

    def is_modified(self) -> bool:
        """True when the articles or choices differ from the last save (or open)."""
        return self.current_state() != self._saved_state

    def session_name(self) -> str:
        if self.session_path:
            return Path(self.session_path).stem
        return "Untitled comparison" if len(self.session) else ""

    def _update_title(self) -> None:
        name = self.session_name()
        modified = self.is_modified()
        if not name:
            self.setWindowTitle("Parallax")
        else:
            self.setWindowTitle(f"{name}{' •' if modified else ''} — Parallax")
        has_articles = bool(len(self.session))
        self.save_action.setEnabled(has_articles or bool(self.session_path))
        self.save_as_action.setEnabled(has_articles)
        self.export_action.setEnabled(self.comparison is not None)

    def _state_changed(self) -> None:
        self._update_title()
        if self.autosave_enabled:
            self._autosave_timer.start()  # restarts: one write ~2 s after the last change

    def _autosave_now(self) -> None:
        if not self.autosave_enabled:
            return
        if not len(self.session) or not self.is_modified():
            # Nothing that is not already in a saved file (or nothing at all).
            if self._offered is None:
                self._autosaver.clear()
            return
        self._autosaver.write(self.current_state())

    def _suggested_name(self) -> str:
        if self.session_path:
            return Path(self.session_path).stem
        included = self.session.included() or self.session.entries
        return _file_name_for(included[0].display_title) if included else "Parallax comparison"

    def _session_dir(self) -> str:
        folder = str(self.settings.value("sessions/folder", "") or "")
        return folder if folder and os.path.isdir(folder) else self._last_dir()

    def save(self) -> bool:
        """File → Save: to the current file, or ask where the first time."""
        if self.session_path:
            return self.save_to(self.session_path)
        return self.save_as()

    def save_as(self) -> bool:
        start = self.session_path or os.path.join(self._session_dir(),
                                                  self._suggested_name() + SUFFIX)
        path, _ = QFileDialog.getSaveFileName(self, "Save the comparison as", start,
                                              _SESSION_FILTER)
        if not path:
            return False
        if not path.lower().endswith(SUFFIX):
            path += SUFFIX
        return self.save_to(path)

    def save_to(self, path) -> bool:
        """Write the session to ``path``; problems go to the message bar."""
        path = os.path.abspath(os.fspath(path))
        state = self.current_state()
        try:
            save_session(path, state)
        except (OSError, TypeError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.message_bar.show_message(f"Could not save {path}: {reason}", "error")
            return False
        self.session_path = path
        self._saved_state = state
        self._autosave_timer.stop()
        if self.autosave_enabled:
            self._autosaver.clear()
        self._remember_recent_session(path)
        self._update_title()
        self.statusBar().showMessage(f"Saved {path}", 4000)
        return True

    def open_session_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open a saved comparison", self._session_dir(),
                                              f"{_SESSION_FILTER};;All files (*)")
        if path:
            self.open_session(path)

    def open_session(self, path) -> bool:
        """Replace the articles with a saved session's; a bad file changes nothing."""
        path = os.path.abspath(os.fspath(path))
        try:
            saved = load_session(path)
        except SessionError as exc:
            self.message_bar.show_message(f"Could not open {exc.path}: {exc.reason}. "
                                          "Your current articles are unchanged.", "error")
            return False
        if self.ask_to_save and not self._confirm_discard("opening another comparison"):
            return False
        self._apply_saved(saved)
        self.session_path = path
        self._saved_state = self.current_state()
        self._remember_recent_session(path)
        self._update_title()
        if self.autosave_enabled:
            self._autosaver.clear()
        return True

    def _apply_saved(self, saved: SavedSession) -> None:
        """Load a saved session's articles, ticks, pair and view settings in place of ours."""
        self.cancel()
        self.session.clear()
        self.comparison = None
        self._compared_keys = []
        entries = self.session.restore(saved.documents, saved.included)
        keys = [e.key for e in entries]
        self._pair_keys = (keys[saved.pair[0]], keys[saved.pair[1]]) if saved.pair else None
        self._apply_view_settings(saved.settings)
        numbers = [int(m.group(1)) for e in entries
                   if (m := re.fullmatch(r"pasted text (\d+)", e.document.source))]
        self._paste_count = max([self._paste_count] + numbers)
        self._warn_about(saved.documents)
        self._after_session_change()

    def _apply_view_settings(self, settings: dict) -> None:
        tab = settings.get("tab")
        if tab in ("facts", "overview"):
            self.tabs.setCurrentWidget(self.overview_view if tab == "overview"
                                       else self.facts_view)
        only = settings.get("conflicts_only")
        if isinstance(only, bool):
            (self.facts_view.conflicts_only if only else self.facts_view.show_all).setChecked(True)
        points = settings.get("text_points")
        if isinstance(points, int) and not isinstance(points, bool) \
                and _MIN_POINTS <= points <= _MAX_POINTS:
            self._points = points
            self.pair_view.set_points(points)

    def _confirm_discard(self, doing: str) -> bool:
        """Ask Save / Discard / Cancel over unsaved changes; True to go ahead."""
        if not len(self.session) or not self.is_modified():
            return True
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle("Unsaved changes")
        box.setText(f"Save the changes to “{self.session_name()}” before {doing}?")
        box.setInformativeText("The articles and your choices (ticks, names, the pair) will be "
                               "lost if you don't save them.")
        box.setStandardButtons(QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel)
        box.setDefaultButton(QMessageBox.Save)
        answer = self._ask(box)
        if answer == QMessageBox.Save:
            return self.save()
        return answer == QMessageBox.Discard

    def _ask(self, box: QMessageBox) -> QMessageBox.StandardButton:
        """Show a question and return the standard button chosen (tests replace this)."""
        box.exec()
        clicked = box.clickedButton()
        return box.standardButton(clicked) if clicked is not None else QMessageBox.Cancel

    # --- autosave offer ------------------------------------------------------------------------

    def offer_autosave(self) -> bool:
        """After a crash, offer the autosaved comparison back (non-modal); True if offered."""
        path = autosave_path(self.autosave_dir)
        if not path.is_file():
            return False
        saved = read_autosave(self.autosave_dir)
        if saved is None:
            self._set_aside_unreadable_autosave(path)
            return False
        if not saved.documents:
            self._autosaver.clear()
            return False
        stamp = datetime.fromtimestamp(path.stat().st_mtime)
        when = f"{stamp:%H:%M}" if stamp.date() == datetime.now().date() \
            else f"{stamp.day} {stamp:%B} at {stamp:%H:%M}"
        count = len(saved.documents)
        self._offer_text = (f"Restore the comparison you were working on ({count} "
                            f"article{'s' * (count != 1)}, autosaved at {when})?")
        self._offered = saved
        self._show_offer()
        return True

    def _show_offer(self) -> None:
        saved = self._offered
        self.message_bar.show_message(
            self._offer_text, "info", [("Restore", lambda s=saved: self.restore_autosave(s)),
                                       ("Discard", self.discard_autosave)])

    def restore_autosave(self, saved: SavedSession) -> None:
        """Bring back an autosaved session (as an unsaved comparison)."""
        self._offered = None
        if len(self.session):
            # Keep what is already open: the autosaved articles join it.
            self.session.restore(saved.documents, saved.included)
            self._warn_about(saved.documents)
            self._after_session_change()
        else:
            self._apply_saved(saved)
        self.statusBar().showMessage("Restored the autosaved comparison.", 4000)

    def discard_autosave(self) -> None:
        self._offered = None
        if not self._autosaver.written:  # never throw away this run's own autosave
            self._autosaver.clear()

    def _set_aside_unreadable_autosave(self, path: Path) -> None:
        try:
            load_session(path)
            return
        except SessionError as exc:
            reason = exc.reason
        kept = path.with_name(f"autosave-unreadable-{datetime.now():%Y%m%d-%H%M%S}{SUFFIX}")
        try:
            os.replace(path, kept)
            where = f"It was kept as {kept}."
        except OSError:
            kept, where = path, "It was left in place."
        self.message_bar.show_message(
            f"The autosaved comparison from the last run could not be read ({reason}). {where}",
            "warning")

    # --- export --------------------------------------------------------------------------------

    def show_export_dialog(self) -> Optional[ExportDialog]:
        """File → Export: opens the dialog (window-modal); the file is written on accept."""
        if self.comparison is None:
            self.message_bar.show_message("Open at least two articles to export a comparison.",
                                          "info")
            return None
        folder = str(self.settings.value("export/folder", "") or "")
        if not folder or not os.path.isdir(folder):
            folder = self._last_dir()
        fmt = str(self.settings.value("export/format", "html") or "html")
        dialog = ExportDialog(self.comparison, folder, fmt, self._suggested_name(), self)
        dialog.accepted.connect(lambda d=dialog: self._export_from(d))
        dialog.finished.connect(lambda _r, d=dialog: d.deleteLater())
        self.export_dialog = dialog
        dialog.open()
        return dialog

    def _export_from(self, dialog: ExportDialog) -> Optional[Path]:
        path, fmt = dialog.path(), dialog.format()
        if os.path.isdir(path):
            self.message_bar.show_message(f"Could not export the report: {path} is a folder.",
                                          "error")
            return None
        try:
            written = export_report(dialog.comparison, path, fmt, dialog.options())
        except (OSError, ValueError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.message_bar.show_message(f"Could not export the report to {path}: {reason}",
                                          "error")
            return None
        except Exception as exc:  # a bug in a writer must not take the window down
            log.exception("exporting the %s report to %s failed", fmt, path)
            self.message_bar.show_message(f"Could not export the report to {path}: "
                                          f"{type(exc).__name__}: {exc}", "error")
            return None
        self.settings.setValue("export/folder", str(Path(written).parent))
        self.settings.setValue("export/format", fmt)
        self.message_bar.show_message(
            f"Report saved: {written}", "info",
            [("Open", lambda p=str(written): QDesktopServices.openUrl(QUrl.fromLocalFile(p)))])
        return Path(written)
