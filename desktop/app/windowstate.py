"""The main window's size, place and splitter positions, kept between runs.

One owner of the ``window/*`` settings.  The first start fits the screen, so
a 1280 x 800 laptop shows the whole window.  A splitter's place is saved as
soon as the user drags it (not only on close), so a crash keeps it too.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter


def restore(window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter]) -> None:
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width = min(1440, room.width() - 40) if room else 1280
        height = min(900, room.height() - 60) if room else 760
        window.resize(max(800, width), max(560, height))
    for name, splitter in splitters.items():
        state = settings.value(f"window/{name}")
        if isinstance(state, QByteArray) and not state.isEmpty():
            splitter.restoreState(state)
        splitter.splitterMoved.connect(
            lambda _pos, _index, n=name, s=splitter: settings.setValue(f"window/{n}", s.saveState()))


def save(window: QMainWindow, settings: QSettings, splitters: dict[str, QSplitter]) -> None:
    settings.setValue("window/geometry", window.saveGeometry())
    for name, splitter in splitters.items():
        settings.setValue(f"window/{name}", splitter.saveState())
    settings.sync()
