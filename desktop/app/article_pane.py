"""One article's text in the side-by-side view.

A read-only, wrapping QTextEdit that knows article offsets: it paints the
diff spans, a bar in the left margin beside passages that differ or that
only this article has, tooltips naming what a passage is, and it can tell
where (in viewport or document pixels) a character range sits.
"""
from __future__ import annotations

from typing import Callable, Optional

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (QColor, QPainter, QTextBlockFormat, QTextCursor, QTextDocument,
                           QTextFormat)
from PySide6.QtWidgets import QFrame, QTextEdit, QToolTip, QWidget

from . import styles

# Space left of the text where the passage bars are painted.
_BAR_MARGIN = 16


class QtIndex:
    """Python string offsets -> QTextDocument positions.

    Qt counts UTF-16 units, Python counts code points; they differ only
    after a character outside the Basic Multilingual Plane (emoji).
    """

    def __init__(self, text: str):
        self._extra: Optional[list[int]] = None
        if any(ord(ch) > 0xFFFF for ch in text):
            extra, count = [0] * (len(text) + 1), 0
            for i, ch in enumerate(text):
                extra[i] = count
                if ord(ch) > 0xFFFF:
                    count += 1
            extra[len(text)] = count
            self._extra = extra

    def __call__(self, offset: int) -> int:
        if self._extra is None:
            return offset
        offset = max(0, min(offset, len(self._extra) - 1))
        return offset + self._extra[offset]

    def back(self, position: int) -> int:
        if self._extra is None:
            return position
        for offset in range(len(self._extra)):
            if offset + self._extra[offset] >= position:
                return offset
        return len(self._extra) - 1


class ArticlePane(QTextEdit):
    """Shows one article; ``show_article`` fills it, ``range_y`` locates text.

    ``clicked(offset)``: a click (not a drag selecting words) at that character.
    """

    clicked = Signal(int)

    def __init__(self, side: str, parent=None):
        super().__init__(parent)
        self.side = side
        self.setReadOnly(True)
        self.setAcceptDrops(False)
        self.viewport().setAcceptDrops(False)
        self.setLineWrapMode(QTextEdit.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.StyledPanel)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse | Qt.TextSelectableByKeyboard)
        self.setViewportMargins(_BAR_MARGIN, 0, 0, 0)
        self.index = QtIndex("")
        self.bars: list[tuple[int, int, str]] = []  # (start, end, kind) in article offsets
        self.tooltip_for: Callable[[int], Optional[str]] = lambda offset: None
        self._current: Optional[tuple[int, int]] = None
        self._marks: list[tuple[int, int]] = []
        self._finds: list[tuple[int, int]] = []
        self._points = styles.DEFAULT_TEXT_POINTS
        self._own_document: Optional[QTextDocument] = None
        self._bar_strip = _BarStrip(self)
        self._pressed_at: Optional[QPoint] = None
        self.verticalScrollBar().valueChanged.connect(self._bar_strip.update)

    # --- content -----------------------------------------------------------

    def show_article(self, text: str, spans, bars: list[tuple[int, int, str]],
                     points: int) -> None:
        """Replace the text, then paint the spans (``viewmodels.Span``) and bars."""
        self._points = points
        self.index = QtIndex(text)
        doc = QTextDocument(self)
        doc.setDefaultFont(styles.prose_font(points))
        doc.setDocumentMargin(10)
        doc.setPlainText(text)
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.Document)
        block = QTextBlockFormat()
        block.setLineHeight(styles.LINE_HEIGHT_PERCENT, QTextBlockFormat.ProportionalHeight.value)
        cursor.mergeBlockFormat(block)
        theme = styles.current_theme()
        formats: dict[str, object] = {}  # one format a kind, not one a span
        cursor = QTextCursor(doc)
        for span in spans:
            if span.kind not in formats:
                formats[span.kind] = styles.span_format(span.kind, theme)
            cursor.setPosition(self.index(span.start))
            cursor.setPosition(self.index(span.end), QTextCursor.KeepAnchor)
            cursor.mergeCharFormat(formats[span.kind])
        self._replace_document(doc)
        self.bars = bars
        self._current, self._marks, self._finds = None, [], []
        self._refresh_selections()

    def _replace_document(self, doc: QTextDocument) -> None:
        # setDocument does not free the previous document; free ours ourselves.
        old, self._own_document = self._own_document, doc
        self.setDocument(doc)
        if old is not None:
            old.deleteLater()

    def clear_article(self) -> None:
        self._replace_document(QTextDocument(self))
        self.bars, self._current, self._marks, self._finds = [], None, [], []
        self._refresh_selections()

    def set_points(self, points: int) -> None:
        self._points = points
        self.document().setDefaultFont(styles.prose_font(points))

    # --- highlights (extra selections: cheap to change) ---------------------

    def set_current(self, span: Optional[tuple[int, int]]) -> None:
        self._current = span
        self._refresh_selections()

    def set_fact_marks(self, spans: list[tuple[int, int]]) -> None:
        self._marks = list(spans)
        self._refresh_selections()

    def set_find_marks(self, spans: list[tuple[int, int]]) -> None:
        self._finds = list(spans)
        self._refresh_selections()
        self._bar_strip.update()

    @property
    def current(self) -> Optional[tuple[int, int]]:
        return self._current

    def _selection(self, start: int, end: int, kind: str, full_width: bool = False):
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.index(start))
        cursor.setPosition(self.index(end), QTextCursor.KeepAnchor)
        sel.cursor = cursor
        sel.format = styles.span_format(kind)
        if full_width:
            sel.format.setProperty(QTextFormat.FullWidthSelection, True)
        return sel

    def _refresh_selections(self) -> None:
        selections = []
        if self._current:
            selections.append(self._selection(*self._current, "current"))
        selections += [self._selection(s, e, "find") for s, e in self._finds]
        selections += [self._selection(s, e, "fact_value") for s, e in self._marks]
        self.setExtraSelections(selections)

    # --- geometry ------------------------------------------------------------

    def range_y(self, start: int, end: int) -> tuple[int, int]:
        """Top and bottom of a character range, in viewport pixels."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.index(start))
        top = self.cursorRect(cursor).top()
        cursor.setPosition(self.index(max(start, end - 1)))
        bottom = self.cursorRect(cursor).bottom()
        return top, max(bottom, top + 1)

    def range_doc_y(self, start: int, end: int) -> tuple[int, int]:
        top, bottom = self.range_y(start, end)
        offset = self.verticalScrollBar().value()
        return top + offset, bottom + offset

    def document_height(self) -> int:
        return max(1, int(self.document().size().height()))

    def scroll_range_to(self, start: int, end: int, fraction: float = 0.3) -> None:
        """Scroll so the range's top sits at ``fraction`` of the viewport height."""
        top, _ = self.range_doc_y(start, end)
        bar = self.verticalScrollBar()
        bar.setValue(int(top - self.viewport().height() * fraction))

    def offset_at(self, point: QPoint) -> int:
        return self.index.back(self.cursorForPosition(point).position())

    # --- painting and tooltips ------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        vp = self.viewport().geometry()
        self._bar_strip.setGeometry(vp.x() - _BAR_MARGIN, vp.y(), _BAR_MARGIN, vp.height())

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.MouseButtonPress and event.button() == Qt.LeftButton:
            self._pressed_at = event.position().toPoint()
        elif event.type() == QEvent.MouseButtonRelease and event.button() == Qt.LeftButton:
            pressed, self._pressed_at = self._pressed_at, None
            handled = super().viewportEvent(event)
            # A click, not the end of a drag that selected words to copy.
            if pressed is not None and (event.position().toPoint() - pressed).manhattanLength() \
                    < 4 and not self.textCursor().hasSelection():
                self.clicked.emit(self.offset_at(event.position().toPoint()))
            return handled
        if event.type() == QEvent.ToolTip:
            text = self.tooltip_for(self.offset_at(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def paint_bars(self, painter: QPainter) -> None:
        """Bars in the left margin: orange where the partner differs, grey where none exists."""
        theme = styles.current_theme()
        height = self.viewport().height()
        x0 = 6
        for start, end, kind in self.bars:
            top, bottom = self.range_y(start, end)
            if bottom < 0 or top > height:
                continue
            colour = styles.marker_colour(kind, theme)
            rect = QRect(x0, top, 5, bottom - top)
            if kind == "only_here":
                # Hatched, not just grey, so the mark reads without colour.
                painter.fillRect(rect, colour)
                painter.fillRect(rect.adjusted(0, 0, -3, 0), QColor(colour).darker(130))
            else:
                painter.fillRect(rect, colour)
        if self._current:
            top, bottom = self.range_y(*self._current)
            painter.fillRect(QRect(x0 - 4, top, 3, bottom - top), theme.accent)


class _BarStrip(QWidget):
    """The margin left of the text where :meth:`ArticlePane.paint_bars` draws."""

    def __init__(self, pane: ArticlePane):
        super().__init__(pane)
        self._pane = pane

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        self._pane.paint_bars(painter)
