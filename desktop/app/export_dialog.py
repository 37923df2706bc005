"""File → Export: choose a report format, the articles it covers and where it goes.

The dialog only collects choices (``path()``, ``format()``, ``options()``);
:class:`desktop.app.exporting.Exporter` writes the file on a worker thread
when the dialog is accepted, so errors land in the message bar like every
other problem.  The formats offered, their order, suffixes and words are the
rows of :data:`desktop.engine.report.formats.FORMATS`, read when the dialog opens.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QGroupBox, QHBoxLayout, QLineEdit,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ..engine.model import Comparison
from ..engine.report import ReportOptions, format_for
from ..engine.report.formats import FORMATS
from .labels import PlainLabel


class ExportDialog(QDialog):
    def __init__(self, comparison: Comparison, folder: str, fmt: str, base_name: str,
                 parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setWindowTitle("Export Report")
        self.setObjectName("ExportDialog")
        self.comparison = comparison
        fmt = fmt if fmt in FORMATS else next(iter(FORMATS))

        self.format_box = QComboBox()
        for key in FORMATS:
            self.format_box.addItem(FORMATS[key].label, key)
        self.format_box.setCurrentIndex(list(FORMATS).index(fmt))
        self.format_note = PlainLabel("")
        self.format_note.setObjectName("Muted")
        self.format_note.setWordWrap(True)
        self.format_note.setMinimumWidth(440)

        self.path_edit = QLineEdit(os.path.join(folder, base_name + FORMATS[fmt].suffix))
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)

        self.article_boxes: list[QCheckBox] = []
        articles_group = QGroupBox("Articles in the report")
        articles_column = QVBoxLayout()
        articles_column.setContentsMargins(4, 2, 4, 2)
        articles_column.setSpacing(2)
        metrics = self.fontMetrics()
        for article in comparison.articles:
            label = article.title or article.outlet or article.source.rsplit("/", 1)[-1]
            shown = metrics.elidedText(label, Qt.ElideRight, 520)
            box = QCheckBox(f"{article.id}   {shown}")
            box.setToolTip(f"{label}\n{article.source}" if label != article.source
                           else article.source)
            box.setChecked(True)
            box.setProperty("article_id", article.id)
            box.toggled.connect(lambda _on: self._update())
            self.article_boxes.append(box)
            articles_column.addWidget(box)
        articles_column.addStretch(1)
        holder = QWidget()
        holder.setLayout(articles_column)
        scroll = QScrollArea()
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        rows = min(len(self.article_boxes), 8)
        row_height = self.article_boxes[0].sizeHint().height() + 2 if self.article_boxes else 24
        scroll.setMinimumHeight(rows * row_height + 8)
        scroll.setMaximumHeight(8 * row_height + 8)
        every = QPushButton("All")
        none = QPushButton("None")
        for button, on in ((every, True), (none, False)):
            button.setFlat(True)
            button.setCursor(Qt.PointingHandCursor)
            button.clicked.connect(lambda _c=False, on=on: self._tick_all(on))
        self.ticked_label = PlainLabel("")
        self.ticked_label.setObjectName("Muted")
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.ticked_label, 1)
        pick_row.addWidget(every)
        pick_row.addWidget(none)
        group_column = QVBoxLayout(articles_group)
        group_column.addWidget(scroll)
        group_column.addLayout(pick_row)
        self.articles_group = articles_group

        self.conflicts_only = QCheckBox("Conflicts only: leave out agreeing facts and passages "
                                        "without a conflict")
        self.problem = PlainLabel("")
        self.problem.setObjectName("Muted")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
        form.addRow("Format:", self.format_box)
        form.addRow("", self.format_note)
        form.addRow("Save to:", path_row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.AcceptRole)
        self.export_button.setDefault(True)
        from PySide6.QtGui import QIcon
        for button in self.buttons.buttons():
            button.setIcon(QIcon())  # Fusion gives Cancel an icon and Export none: neither
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.setMinimumWidth(680)
        column = QVBoxLayout(self)
        column.setSpacing(10)
        column.addLayout(form)
        column.addWidget(articles_group)
        column.addWidget(self.conflicts_only)
        column.addWidget(self.problem)
        column.addWidget(self.buttons)

        self.format_box.currentIndexChanged.connect(lambda _i: self._on_format())
        self.path_edit.textChanged.connect(lambda _t: self._update())
        self._on_format()

    # --- choices ------------------------------------------------------------------

    def format(self) -> str:
        return self.format_box.currentData()

    def set_format(self, fmt: str) -> None:
        self.format_box.setCurrentIndex(list(FORMATS).index(fmt))

    def path(self) -> str:
        return os.path.expanduser(self.path_edit.text().strip())

    def set_path(self, path: str) -> None:
        self.path_edit.setText(os.fspath(path))

    def chosen_articles(self) -> tuple[str, ...]:
        return tuple(b.property("article_id") for b in self.article_boxes if b.isChecked())

    def set_articles(self, ids) -> None:
        wanted = set(ids)
        for box in self.article_boxes:
            box.setChecked(box.property("article_id") in wanted)

    def options(self) -> ReportOptions:
        chosen = self.chosen_articles()
        every = len(chosen) == len(self.article_boxes)
        return ReportOptions(articles=None if every else chosen,
                             conflicts_only=self.conflicts_only.isChecked())

    # --- behaviour ----------------------------------------------------------------

    def _on_format(self) -> None:
        fmt = self.format()
        self.format_note.setText(FORMATS[fmt].note)
        # Keep the file name's suffix in step with the format.
        text = self.path_edit.text().strip()
        if text:
            current = Path(text)
            if format_for(current) != fmt:
                stem = current.name[:-len(current.suffix)] if format_for(current) else current.name
                self.path_edit.setText(str(current.with_name(stem + FORMATS[fmt].suffix)))
        takes_options = FORMATS[fmt].takes_options
        self.articles_group.setEnabled(takes_options)
        self.conflicts_only.setEnabled(takes_options)
        self._update()

    def _tick_all(self, on: bool) -> None:
        for box in self.article_boxes:
            box.setChecked(on)

    def _update(self) -> None:
        ticked = len(self.chosen_articles())
        self.ticked_label.setText(f"{ticked} of {len(self.article_boxes)} ticked")
        problem = ""
        if not self.path():
            problem = "Choose where to save the report."
        elif FORMATS[self.format()].takes_options and not self.chosen_articles():
            problem = "Tick at least one article."
        self.problem.setText(problem or ("A file of this name exists and will be replaced."
                                         if os.path.isfile(self.path()) else ""))
        self.problem.setVisible(bool(self.problem.text()))
        self.export_button.setEnabled(not problem)

    def _browse(self) -> None:
        fmt = self.format()
        filters = [FORMATS[fmt].file_filter] + [FORMATS[k].file_filter for k in FORMATS
                                                if k != fmt]
        path, chosen = QFileDialog.getSaveFileName(self, "Export report to", self.path(),
                                                   ";;".join(filters))
        if not path:
            return
        picked = next((k for k in FORMATS if FORMATS[k].file_filter == chosen), fmt)
        by_suffix = format_for(path)
        if by_suffix is None:
            path += FORMATS[picked].suffix
            by_suffix = picked
        self.path_edit.setText(path)
        if by_suffix != fmt:
            self.set_format(by_suffix)

    def accept(self) -> None:
        if not self.export_button.isEnabled():
            return
        super().accept()
