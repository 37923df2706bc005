"""File → Export: the dialog, then the report written on a worker thread.

:class:`Exporter` owns the ``export/folder`` and ``export/format`` settings,
opens the :class:`~desktop.app.export_dialog.ExportDialog` and, when it is
accepted, renders and writes the report off the GUI thread
(:func:`desktop.app.operations.export_job`).  PDF is the exception: Qt lays
it out on the GUI thread (its text engine crashed beside it), and only the
writing goes to the worker.  Signals:
``progress(stage, fraction)`` and ``busy_changed(bool)`` for the status bar,
``saved(path)`` and ``failed(one line)`` for the message bar.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable, Optional

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from ..cli import use_pdf_writer
from ..engine.model import Comparison
from . import operations
from .export_dialog import ExportDialog
from .tasks import TaskRunner

log = logging.getLogger(__name__)


class Exporter(QObject):
    progress = Signal(str, float)
    busy_changed = Signal(bool)
    saved = Signal(object)  # Path
    failed = Signal(str)

    def __init__(self, settings: QSettings, parent: Optional[QObject] = None):
        super().__init__(parent)
        use_pdf_writer()  # the formats' table gets Qt's PDF writer from a front end
        self.settings = settings
        self.dialog: Optional[ExportDialog] = None
        self._runner = TaskRunner(self)
        self._runner.progress.connect(lambda _stage, f: self.progress.emit("Exporting", f))
        self._runner.busy_changed.connect(self.busy_changed.emit)
        self._runner.finished.connect(self._on_finished)
        self._runner.failed.connect(lambda m: self.failed.emit(f"Could not export the report: {m}"))

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def open_dialog(self, comparison: Comparison, suggested_name: str,
                    fallback_folder: Callable[[], str], parent: QWidget) -> ExportDialog:
        """Open the export dialog (window-modal); the report is written when it is accepted."""
        folder = str(self.settings.value("export/folder", "") or "")
        if not folder or not os.path.isdir(folder):
            folder = fallback_folder()
        fmt = str(self.settings.value("export/format", "html") or "html")
        dialog = ExportDialog(comparison, folder, fmt, suggested_name, parent)
        dialog.accepted.connect(
            lambda d=dialog: self.start(d.comparison, d.path(), d.format(), d.options()))
        dialog.finished.connect(lambda _r, d=dialog: d.deleteLater())
        self.dialog = dialog
        dialog.open()
        return dialog

    def start(self, comparison: Comparison, path: str, fmt: str, options) -> None:
        """Write the report in the background; ``saved`` or ``failed`` says how it went."""
        content = None
        if operations.render_on_gui_thread(fmt):
            self.progress.emit("Laying out the PDF", 0.0)
            try:
                content = operations.render(comparison, fmt, options)
            except Exception as exc:  # a bug in the writer must not take the window down
                log.exception("laying out the %s report for %s failed", fmt, path)
                self.failed.emit(f"Could not export the report to {path}: "
                                 f"{type(exc).__name__}: {exc}")
                return
        self._runner.start(operations.export_job(comparison, path, fmt, options, content))

    def cancel(self) -> None:
        """Stop an export before its file is written (nothing is left behind)."""
        self._runner.cancel()

    def _on_finished(self, result: operations.ExportResult) -> None:
        if result.path is None:
            self.failed.emit(result.error)
            return
        self.settings.setValue("export/folder", str(Path(result.path).parent))
        self.settings.setValue("export/format", result.fmt)
        self.saved.emit(Path(result.path))
