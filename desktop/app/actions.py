"""The window's menus, actions and shortcuts, as one table.

``build_menus(window)`` reads :data:`MENUS`: each entry names a menu item,
the window method it calls (a dotted path from the window, or a callable
taking the window), its shortcut and its status tip.  Actions the window
needs later (to enable or disable them, or for tests) are kept as window
attributes under the names given.
"""
from __future__ import annotations

from typing import Callable, Optional, Union

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from . import styles
from .corpus_window import open_corpus_result

Slot = Union[str, Callable]
Keys = Union[None, QKeySequence.StandardKey, str, list]

# (menu, label, slot, shortcut, tip, attribute to keep it under); None = a separator.
# A slot is a window method's name (dotted for a part's: "sessions.save") or a callable.
MENUS: list[tuple[str, list]] = [
    ("&File", [
        ("&Open Articles…", "intake.open_files_dialog", QKeySequence.Open, "", None),
        ("Open &Folder…", "intake.open_folder_dialog", "Ctrl+Shift+O", "", None),
        ("Open &Link…", "intake.open_link_dialog", "Ctrl+L",
         "Download a news article from its web address", "open_link_action"),
        ("Open the Sa&mple Comparison", "intake.open_sample", None, "", None),
        ("Open Sess&ion…", "sessions.open_dialog", None, "", None),
        ("Open Cor&pus Result…", open_corpus_result, None,
         "List the stories of a parallax corpus run and open one", None),
        "recent",
        None,
        ("&Save", "sessions.save", QKeySequence.Save,
         "Save the articles and your choices as a .parallax file", "save_action"),
        ("Save &As…", "sessions.save_as", "Ctrl+Shift+S", "", "save_as_action"),
        ("&Export Report…", "show_export_dialog", "Ctrl+E",
         "Write the comparison as a web page, PDF, Markdown, CSV or JSON", "export_action"),
        None,
        ("&Close All Articles", "clear_all", "Ctrl+W", "", None),
        None,
        ("&Quit", "close", QKeySequence.Quit, "", None),
    ]),
    ("&Edit", [
        ("&Paste as New Article", "intake.paste_article", QKeySequence.Paste, "", "paste_action"),
        None,
        ("&Find…", "show_find", QKeySequence.Find, "", None),
        ("Find &Next", lambda w: w.navigator.find_next(False), QKeySequence.FindNext, "", None),
        ("Find Pre&vious", lambda w: w.navigator.find_next(True), QKeySequence.FindPrevious, "", None),
    ]),
    ("&Go", [
        ("&Next Difference", "next_difference", "Alt+Down",
         "The next point of the story that differs (in the pair: the next block)",
         "next_diff_action"),
        ("&Previous Difference", "navigator.previous_difference", "Alt+Up", "", "prev_diff_action"),
        None,
        ("Next &Conflict", "next_conflict", "F7", "", None),
        ("Previous C&onflict", "navigator.previous_conflict", "Shift+F7", "", None),
        None,
        ("The &Story Table", lambda w: w.reader_tabs.setCurrentWidget(w.story_view), "Ctrl+3",
         "", None),
        ("Side by Si&de", lambda w: w.reader_tabs.setCurrentWidget(w.reader_box), "Ctrl+4",
         "", None),
    ]),
    ("&View", [
        ("Zoom &In", lambda w: w.zoom(+1), ["Ctrl++", "Ctrl+="], "", None),
        ("Zoom &Out", lambda w: w.zoom(-1), "Ctrl+-", "", None),
        ("&Actual Size", lambda w: w.zoom(0), "Ctrl+0", "", None),
        None,
        ("Show &Facts", lambda w: w.tabs.setCurrentWidget(w.facts_view), "Ctrl+1", "", None),
        ("Show O&verview", lambda w: w.tabs.setCurrentWidget(w.overview_view), "Ctrl+2", "",
         None),
        None,
        "theme",
    ]),
    ("&Articles", [
        ("&Rename", lambda w: w.article_list.start_rename(), "F2", "", None),
        ("Re&move", lambda w: w.article_list.remove_selected(), QKeySequence.Delete, "",
         "remove_action"),
        ("Move &Up", lambda w: w.article_list.move_selected(-1), "Alt+Shift+Up", "", None),
        ("Move &Down", lambda w: w.article_list.move_selected(+1), "Alt+Shift+Down", "", None),
        None,
        ("Compare Its &Story Instead", "compare_its_story", "Ctrl+Shift+T",
         "Compare the selected article with the other reports of its event, leaving the rest out",
         "its_story_action"),
    ]),
]


def _keys(shortcut: Keys) -> list[QKeySequence]:
    if shortcut is None:
        return []
    items = shortcut if isinstance(shortcut, list) else [shortcut]
    return [QKeySequence(k) for k in items]


def add_action(window, menu, text: str, slot: Callable, shortcut: Keys = None,
               tip: str = "") -> QAction:
    action = QAction(text, window)
    keys = _keys(shortcut)
    if keys:
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.WindowShortcut)
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def _slot(window, slot: Slot) -> Callable:
    if callable(slot):
        return lambda _checked=False: slot(window)
    def run(_checked=False):
        target = window
        for name in slot.split("."):  # "sessions.save": a public method of a window part
            target = getattr(target, name)
        target()
    return run


def build_menus(window) -> None:
    bar = window.menuBar()
    for title, items in MENUS:
        menu = bar.addMenu(title)
        for item in items:
            if item is None:
                menu.addSeparator()
            elif item == "recent":
                window.recent_menu = menu.addMenu("Open &Recent")
            elif item == "theme":
                _theme_menu(window, menu.addMenu("&Theme"))
            else:
                text, slot, shortcut, tip, name = item
                action = add_action(window, menu, text, _slot(window, slot), shortcut, tip)
                if name:
                    setattr(window, name, action)
    # Delete only acts inside the article list: a stray key press while
    # reading must not drop an article.
    window.remove_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
    window.article_list.addAction(window.remove_action)


def _theme_menu(window, menu) -> None:
    window.theme_group = QActionGroup(window)
    for key, label in (("system", "Follow the &System"), ("light", "&Light"), ("dark", "&Dark")):
        action = add_action(window, menu, label, lambda _c=False, k=key: window.set_theme(k))
        action.setCheckable(True)
        action.setChecked(styles.theme_choice() == key)
        action.setData(key)
        window.theme_group.addAction(action)
