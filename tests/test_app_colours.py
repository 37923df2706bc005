"""Colours a reader can tell apart: readable conflict words in both themes, conflicts
unlike changed words (in hue and without colour), and the selected tab standing out."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QTextCharFormat

from desktop.app import styles


def luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + \
        0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def deuteranope(colour: QColor) -> QColor:
    """How a colour looks without green cones (Viénot, Brettel and Mollon's simulation)."""
    r, g, b = colour.redF(), colour.greenF(), colour.blueF()
    return QColor.fromRgbF(min(1, 0.625 * r + 0.375 * g), min(1, 0.7 * r + 0.3 * g),
                           min(1, 0.3 * g + 0.7 * b))


def distance(a: QColor, b: QColor) -> float:
    return sum((x - y) ** 2 for x, y in zip(a.getRgbF()[:3], b.getRgbF()[:3])) ** 0.5


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    styles.set_theme_choice(request.param)
    yield styles.current_theme()
    styles.set_theme_choice("system")


@pytest.mark.parametrize("kind", ["insert", "reference", "replace", "conflict", "fact_value"])
def test_marked_words_are_readable(theme, kind):
    fmt = styles.span_format(kind, theme)
    foreground = fmt.foreground().color() if fmt.hasProperty(QTextCharFormat.ForegroundBrush) \
        else theme.text
    ratio = contrast(foreground, fmt.background().color())
    assert ratio >= 4.5, f"{kind} in the {'dark' if theme.dark else 'light'} theme: {ratio:.1f}:1"


def test_conflicts_do_not_look_like_changed_words(theme):
    conflict = styles.span_format("conflict", theme)
    for kind in ("insert", "reference", "replace"):
        other = styles.span_format(kind, theme)
        a, b = conflict.background().color(), other.background().color()
        assert distance(a, b) > 0.18, f"conflict and {kind} backgrounds look alike"
        assert distance(deuteranope(a), deuteranope(b)) > 0.1, \
            f"conflict and {kind} look alike without green cones"
        # Not colour alone: weight and underline differ too.
        assert conflict.fontWeight() > max(other.fontWeight(), QFont.Normal)
        assert conflict.underlineStyle() != other.underlineStyle()


def test_the_story_table_draws_with_the_shared_formats(theme, qtbot):
    from desktop.app.story_view import StoryView
    view = StoryView()
    qtbot.addWidget(view)
    view.set_theme()
    drawn = view.delegate.formats()
    for mark, kind in (("ins", "insert"), ("del", "reference"), ("conflict", "conflict")):
        assert drawn[mark] == styles.span_format(kind, theme), mark


def test_the_selected_tab_stands_out(theme, window, qtbot):
    window.set_theme("dark" if theme.dark else "light")
    tabs = window.reader_tabs
    tabs.setCurrentIndex(0)
    window.stack.setCurrentWidget(window.main_split)
    qtbot.waitUntil(lambda: tabs.tabBar().isVisible(), timeout=5000)
    bar = tabs.tabBar()
    image = bar.grab().toImage()
    ratio = bar.grab().devicePixelRatio()

    def bottom_colours(index: int) -> set[str]:
        rect = bar.tabRect(index)
        y = int((rect.bottom() - 1) * ratio)
        return {QColor(image.pixel(int(x * ratio), y)).name()
                for x in range(rect.left() + 8, rect.right() - 8, 3)}

    accent = theme.accent.name()
    assert accent in bottom_colours(0), "the selected tab is underlined in the accent colour"
    assert accent not in bottom_colours(1)
    # And the one chosen reads brighter than the other, in words and background.
    sheet = styles.style_sheet(theme)
    assert f"QTabBar::tab:selected {{ background: {theme.base.name()}; color: {theme.text.name()}" \
        in sheet
