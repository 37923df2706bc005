"""What a saved session holds about the window besides the articles.

:class:`ViewState` is the ``view`` :class:`~desktop.app.session_files.SessionFiles`
reads and restores: the pair on screen (through the presenter, as session
keys), the panel tab below the reader, the facts filter and the text size.
It reads the window's views through their public names (``tabs``,
``facts_view``, ``overview_view``, ``appearance``, ``presenter``).
"""
from __future__ import annotations

from typing import Optional

from .appearance import valid_points


class ViewState:
    def __init__(self, window):
        self.window = window

    def pair_keys(self) -> Optional[tuple[int, int]]:
        return self.window.presenter.pair_keys()

    def set_pair_keys(self, keys: Optional[tuple[int, int]]) -> None:
        self.window.presenter.set_pair_keys(keys)

    def view_settings(self) -> dict:
        w = self.window
        return {"tab": "overview" if w.tabs.currentWidget() is w.overview_view else "facts",
                "conflicts_only": w.facts_view.conflicts_only.isChecked(),
                "text_points": w.appearance.points}

    def apply_view_settings(self, settings: dict) -> None:
        w = self.window
        tab = settings.get("tab")
        if tab in ("facts", "overview"):
            w.tabs.setCurrentWidget(w.overview_view if tab == "overview" else w.facts_view)
        only = settings.get("conflicts_only")
        if isinstance(only, bool):
            (w.facts_view.conflicts_only if only else w.facts_view.show_all).setChecked(True)
        points = settings.get("text_points")
        if valid_points(points):
            w.appearance.set_points(points)
