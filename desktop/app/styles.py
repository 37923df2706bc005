"""Every colour and text format the app uses, chosen from the current theme.

Views never pick colours themselves: they ask this module for a
:class:`Theme` (``current_theme()``) and for span formats
(``span_format(kind)``).  Each diff kind carries a non-colour signal too
(underline, strike-through, dotted underline) so colour is never the only
cue.  Conflicts stand apart from changed words in hue (orchid against amber
and green, apart for red-green colour blindness too), in weight (bold) and in
their wavy underline; every text colour keeps a contrast of 4.5:1 or more on
its background in both themes (tests/test_app_colours.py measures it).
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette, QTextCharFormat

PROSE_FAMILIES = ["Noto Serif", "Source Serif 4", "Georgia", "Liberation Serif", "DejaVu Serif",
                  "serif"]
UI_FAMILIES = ["Noto Sans", "Inter", "Segoe UI", "Cantarell", "Liberation Sans", "DejaVu Sans",
               "sans-serif"]
DEFAULT_TEXT_POINTS = 12
LINE_HEIGHT_PERCENT = 155


@dataclass(frozen=True)
class Theme:
    """Named colours of one theme (light or dark)."""

    dark: bool
    window: QColor
    base: QColor
    text: QColor
    muted: QColor
    accent: QColor
    insert_bg: QColor
    insert_fg: QColor
    delete_bg: QColor
    delete_fg: QColor
    replace_bg: QColor
    only_here: QColor
    link_equal: QColor
    link_changed: QColor
    current_bg: QColor
    conflict: QColor
    conflict_bg: QColor  # behind a conflicting value in the text
    conflict_fg: QColor  # the conflicting value's words
    fact_value_bg: QColor
    find_bg: QColor
    border: QColor


_LIGHT = Theme(
    dark=False,
    window=QColor("#f5f5f3"), base=QColor("#ffffff"), text=QColor("#1f2328"),
    muted=QColor("#6e7781"), accent=QColor("#2f6fde"),
    insert_bg=QColor("#d5f2dc"), insert_fg=QColor("#11602a"),
    delete_bg=QColor("#fbdada"), delete_fg=QColor("#9b1c1c"),
    replace_bg=QColor("#fdeec8"),
    only_here=QColor("#8b949e"),
    link_equal=QColor(90, 140, 220, 60), link_changed=QColor(230, 160, 40, 80),
    current_bg=QColor("#e4ecfb"), conflict=QColor("#c62828"),
    conflict_bg=QColor("#dcaaf0"), conflict_fg=QColor("#3d0a47"),
    fact_value_bg=QColor("#dcaaf0"), find_bg=QColor("#b9e3ff"), border=QColor("#d0d7de"),
)

_DARK = Theme(
    dark=True,
    window=QColor("#1e2024"), base=QColor("#25282d"), text=QColor("#e6e6e3"),
    muted=QColor("#9aa1a9"), accent=QColor("#7aa7ff"),
    insert_bg=QColor("#1f4a2c"), insert_fg=QColor("#9be3b0"),
    delete_bg=QColor("#5a2326"), delete_fg=QColor("#ffb3b3"),
    replace_bg=QColor("#594715"),
    only_here=QColor("#8b949e"),
    link_equal=QColor(110, 160, 255, 55), link_changed=QColor(240, 175, 60, 70),
    current_bg=QColor("#2f3a4f"), conflict=QColor("#ff6b6b"),
    conflict_bg=QColor("#6a2a80"), conflict_fg=QColor("#fbe9ff"),
    fact_value_bg=QColor("#6a2a80"), find_bg=QColor("#1f5f8a"), border=QColor("#3a3f46"),
)

_theme_override: str = "system"  # "system" | "light" | "dark"


def set_theme_choice(choice: str) -> None:
    """Remember the user's choice: follow the system, or force light/dark."""
    global _theme_override
    _theme_override = choice if choice in ("system", "light", "dark") else "system"


def theme_choice() -> str:
    return _theme_override


def system_is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    # Unknown scheme: judge by the platform palette's window lightness.
    return QGuiApplication.palette().color(QPalette.Window).lightness() < 128


def current_theme() -> Theme:
    if _theme_override == "dark":
        return _DARK
    if _theme_override == "light":
        return _LIGHT
    return _DARK if system_is_dark() else _LIGHT


def palette_for(theme: Theme) -> QPalette:
    """A full QPalette so Fusion widgets match the theme."""
    p = QPalette()
    alt = theme.base.darker(104) if not theme.dark else theme.base.lighter(112)
    button = theme.window.darker(103) if not theme.dark else theme.window.lighter(125)
    for group in (QPalette.Active, QPalette.Inactive):
        p.setColor(group, QPalette.Window, theme.window)
        p.setColor(group, QPalette.WindowText, theme.text)
        p.setColor(group, QPalette.Base, theme.base)
        p.setColor(group, QPalette.AlternateBase, alt)
        p.setColor(group, QPalette.Text, theme.text)
        p.setColor(group, QPalette.Button, button)
        p.setColor(group, QPalette.ButtonText, theme.text)
        p.setColor(group, QPalette.ToolTipBase, theme.base)
        p.setColor(group, QPalette.ToolTipText, theme.text)
        p.setColor(group, QPalette.Highlight, theme.accent)
        p.setColor(group, QPalette.HighlightedText, QColor("#ffffff") if not theme.dark
                   else QColor("#0d1117"))
        p.setColor(group, QPalette.Link, theme.accent)
        p.setColor(group, QPalette.PlaceholderText, theme.muted)
        p.setColor(group, QPalette.Mid, theme.border)
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, theme.muted)
    p.setColor(QPalette.Disabled, QPalette.Base, theme.window)
    p.setColor(QPalette.Disabled, QPalette.Button, button)
    p.setColor(QPalette.Disabled, QPalette.Window, theme.window)
    return p


def style_sheet(theme: Theme) -> str:
    """The few touches a palette cannot express (borders, padding, the drop target)."""
    t = theme
    return f"""
    QToolBar {{ border: none; spacing: 6px; padding: 4px 6px; }}
    QTabWidget::pane {{ border: 1px solid {t.border.name()}; border-radius: 4px; }}
    QTabBar::tab {{ padding: 6px 14px; margin-right: 2px; background: {t.window.name()};
                    color: {t.muted.name()}; border: 1px solid {t.border.name()};
                    border-bottom: 3px solid {t.window.name()};
                    border-top-left-radius: 4px; border-top-right-radius: 4px; }}
    QTabBar::tab:selected {{ background: {t.base.name()}; color: {t.text.name()};
                             border-bottom: 3px solid {t.accent.name()}; }}
    QTabBar::tab:hover:!selected {{ color: {t.text.name()}; }}
    QTextEdit, QTextBrowser {{ border: 1px solid {t.border.name()}; border-radius: 4px; }}
    QTreeView, QTableView, QListView {{ border: 1px solid {t.border.name()}; }}
    QHeaderView::section {{ padding: 4px 6px; }}
    #DropTarget {{ border: 2px dashed {t.muted.name()}; border-radius: 14px; }}
    #DropTarget[active="true"] {{ border-color: {t.accent.name()}; }}
    #DropTitle {{ font-size: 20pt; color: {t.text.name()}; }}
    #DropHint {{ color: {t.muted.name()}; font-size: 11pt; }}
    #DropGlyph {{ color: {t.muted.name()}; font-size: 44pt; }}
    #PrimaryButton {{ background: {t.accent.name()}; color: {"#ffffff" if not t.dark else "#0d1117"};
                      border: none; border-radius: 6px; padding: 8px 22px; font-weight: 600; }}
    #PrimaryButton:hover {{ background: {t.accent.lighter(112).name()}; }}
    #SecondaryButton {{ border: 1px solid {t.border.name()}; border-radius: 6px;
                        padding: 8px 22px; background: {t.base.name()}; }}
    #PaneTitle {{ font-weight: 600; font-size: 11pt; padding: 2px 2px; }}
    #PaneSubtitle {{ color: {t.muted.name()}; padding: 0 2px 4px 2px; }}
    #Muted {{ color: {t.muted.name()}; }}
    QToolButton#Segment {{ border: 1px solid {t.border.name()}; padding: 4px 12px;
                           background: {t.base.name()}; color: {t.text.name()}; }}
    QToolButton#Segment:checked {{ background: {t.accent.name()};
                                   color: {"#ffffff" if not t.dark else "#0d1117"};
                                   border-color: {t.accent.name()}; }}
    #Notice {{ background: {t.replace_bg.name()}; color: {t.text.name()}; padding: 8px 10px;
               border-radius: 4px; margin: 4px 0; }}
    #FactDetail {{ border: 1px solid {t.border.name()}; border-radius: 4px; }}
    """


def prose_font(points: int) -> QFont:
    font = QFont()
    font.setFamilies(PROSE_FAMILIES)
    font.setPointSize(points)
    font.setStyleHint(QFont.Serif)
    return font


def ui_font(points: int = 10) -> QFont:
    font = QFont()
    font.setFamilies(UI_FAMILIES)
    font.setPointSize(points)
    return font


def span_format(kind: str, theme: Theme | None = None) -> QTextCharFormat:
    """Character format for a span kind.

    Kinds: ``insert`` (words only this side has), ``delete`` (words only the
    other side has, shown struck through), ``replace`` (words that changed),
    ``only_here`` (a passage with no partner on the other side),
    ``reference`` (in the story's reference cell, words worded otherwise elsewhere),
    ``fact_value`` and ``conflict`` (a fact's value, a conflicting value: bold,
    wavy underline), ``current`` (the passage being read),
    ``find`` (a find match).
    """
    t = theme or current_theme()
    fmt = QTextCharFormat()
    if kind == "insert":
        fmt.setBackground(t.insert_bg)
        fmt.setForeground(t.insert_fg if t.dark else t.text)
        fmt.setUnderlineStyle(QTextCharFormat.SingleUnderline)
        fmt.setUnderlineColor(t.insert_fg)
    elif kind == "delete":
        fmt.setBackground(t.delete_bg)
        fmt.setForeground(t.delete_fg if t.dark else t.text)
        fmt.setFontStrikeOut(True)
    elif kind == "replace":
        fmt.setBackground(t.replace_bg)
        fmt.setForeground(t.text)
        # Dashed: the wave is the conflicts' mark.
        fmt.setUnderlineStyle(QTextCharFormat.DashUnderline)
        fmt.setUnderlineColor(QColor("#b07400") if not t.dark else QColor("#f0b43c"))
    elif kind == "reference":
        # In the story's reference cell: words worded otherwise elsewhere (a tint only).
        fmt.setBackground(t.replace_bg)
        fmt.setForeground(t.text)
    elif kind == "only_here":
        # Muted, with a dotted underline in a light tone: marked without
        # becoming hard to read.  The pane also draws a hatched bar beside it.
        fmt.setForeground(QColor(t.text).lighter(160) if not t.dark else QColor(t.text).darker(125))
        fmt.setUnderlineStyle(QTextCharFormat.DotLine)
        fmt.setUnderlineColor(QColor(t.only_here.red(), t.only_here.green(), t.only_here.blue(), 150))
    elif kind in ("fact_value", "conflict"):
        fmt.setBackground(t.conflict_bg)
        fmt.setForeground(t.conflict_fg)
        fmt.setFontWeight(QFont.Bold)
        fmt.setUnderlineStyle(QTextCharFormat.WaveUnderline)
        fmt.setUnderlineColor(t.conflict)
    elif kind == "current":
        fmt.setBackground(t.current_bg)
    elif kind == "find":
        fmt.setBackground(t.find_bg)
    return fmt


def marker_colour(kind: str, theme: Theme | None = None) -> QColor:
    """Colour of a mark in the overview strip or a connector fill."""
    t = theme or current_theme()
    return {
        "changed": QColor(t.link_changed.red(), t.link_changed.green(), t.link_changed.blue()),
        "equal": QColor(t.link_equal.red(), t.link_equal.green(), t.link_equal.blue()),
        "only_here": t.only_here,
        "conflict": t.conflict,
        "current": t.accent,
    }.get(kind, t.muted)


def link_fill(changed: bool, theme: Theme | None = None) -> QColor:
    t = theme or current_theme()
    return t.link_changed if changed else t.link_equal
