"""Labels that show text as it is: never as markup.

Article titles, file names and notes come from outside; a QLabel would
render one that looks like HTML ("<h1 style=color:green>✔ Saved</h1>"), so
an article could speak in the app's voice.  Every label of the app is a
:class:`PlainLabel`.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


class PlainLabel(QLabel):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setTextFormat(Qt.PlainText)
