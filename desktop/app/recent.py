"""Recently opened articles, folders and saved comparisons: one owner of those settings keys.

:class:`Recent` reads and writes ``files/recent``, ``sessions/recent`` and
``sessions/folder``; :meth:`Recent.fill_menu` lays them out in File → Open Recent.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu

MAX_RECENT = 10


class Recent:
    def __init__(self, settings: QSettings):
        self.settings = settings

    def _list(self, key: str) -> list[str]:
        value = self.settings.value(key, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def paths(self) -> list[str]:
        return self._list("files/recent")

    def sessions(self) -> list[str]:
        return self._list("sessions/recent")

    def remember_paths(self, paths: list[str]) -> None:
        recent = self.paths()
        for path in reversed(paths):
            path = os.path.abspath(path)
            if path in recent:
                recent.remove(path)
            recent.insert(0, path)
        self.settings.setValue("files/recent", recent[:MAX_RECENT])

    def remember_session(self, path: str) -> None:
        path = os.path.abspath(path)
        recent = [p for p in self.sessions() if p != path]
        recent.insert(0, path)
        self.settings.setValue("sessions/recent", recent[:MAX_RECENT])
        self.settings.setValue("sessions/folder", os.path.dirname(path))

    def clear(self) -> None:
        self.settings.setValue("files/recent", [])
        self.settings.setValue("sessions/recent", [])

    def last_dir(self) -> str:
        recent = self.paths()
        if recent:
            first = recent[0]
            return first if os.path.isdir(first) else os.path.dirname(first)
        return os.path.expanduser("~")

    def session_dir(self) -> str:
        folder = str(self.settings.value("sessions/folder", "") or "")
        return folder if folder and os.path.isdir(folder) else self.last_dir()

    def fill_menu(self, menu: QMenu, open_session: Callable[[str], object],
                  load_paths: Callable[[list[str]], object], on_clear: Callable[[], object]) -> None:
        menu.clear()
        sessions, files = self.sessions(), self.paths()
        if sessions:
            menu.addSection("Saved comparisons")
            for path in sessions:
                action = menu.addAction(f"{Path(path).stem}  —  {os.path.dirname(path)}")
                action.setToolTip(path)
                action.setData(path)
                action.triggered.connect(lambda _c=False, p=path: open_session(p))
        if files:
            menu.addSection("Articles and folders")
            for path in files:
                action = menu.addAction(path)
                action.setData(path)
                action.triggered.connect(lambda _c=False, p=path: load_paths([p]))
        if sessions or files:
            menu.addSeparator()
            menu.addAction("Clear the List").triggered.connect(on_clear)
        menu.setEnabled(bool(sessions or files))
