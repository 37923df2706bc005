"""How the window looks: text size (zoom) and theme.

:class:`Appearance` owns the ``view/text_points`` and ``view/theme`` settings.
It reads the window's views through their public names (``pair_view``,
``story_view``, ``theme_group``, ``presenter``, ``sessions``) and applies the
palette and style sheet to the application.
"""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from . import styles

MIN_POINTS, MAX_POINTS = 8, 28


def valid_points(points) -> bool:
    """True for a text size a saved session may carry."""
    return isinstance(points, int) and not isinstance(points, bool) \
        and MIN_POINTS <= points <= MAX_POINTS


class Appearance:
    def __init__(self, window, settings: QSettings):
        self.window = window
        self.settings = settings
        points = int(settings.value("view/text_points", styles.DEFAULT_TEXT_POINTS))
        self._points = max(MIN_POINTS, min(MAX_POINTS, points))
        styles.set_theme_choice(str(settings.value("view/theme", "system")))

    # --- text size ---------------------------------------------------------------------

    @property
    def points(self) -> int:
        return self._points

    def zoom(self, step: int) -> None:
        """Ctrl + / Ctrl - one point; step 0 back to the default size."""
        self.set_points(styles.DEFAULT_TEXT_POINTS if step == 0 else
                        max(MIN_POINTS, min(MAX_POINTS, self._points + step)))
        self.settings.setValue("view/text_points", self._points)
        self.window.statusBar().showMessage(f"Text size {self._points} pt", 1500)
        self.window.sessions.state_changed()

    def set_points(self, points: int) -> None:
        self._points = points
        self.window.pair_view.set_points(points)
        self.window.story_view.set_points(points)

    # --- theme -----------------------------------------------------------------------------

    def set_theme(self, choice: str) -> None:
        styles.set_theme_choice(choice)
        self.settings.setValue("view/theme", choice)
        self.apply_theme()

    def apply_theme(self) -> None:
        theme = styles.current_theme()
        app = QApplication.instance()
        app.setPalette(styles.palette_for(theme))
        app.setStyleSheet(styles.style_sheet(theme))
        w = self.window
        for action in w.theme_group.actions():
            action.setChecked(action.data() == styles.theme_choice())
        w.story_view.set_theme()
        # Span formats are baked into the documents: rebuild them in the new colours.
        if w.controller.comparison is not None:
            w.presenter.refresh_pair()
            w.presenter.refresh_list()
