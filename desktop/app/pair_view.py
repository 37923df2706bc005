"""Two articles side by side, Meld style.

``PairView.show_pair(model)`` takes a :class:`~desktop.app.viewmodels.PairViewModel`
and lays out: overview strip | left pane | connectors | right pane | strip.
Scrolling either pane moves the other so linked passages stay level;
``next_difference`` / ``previous_difference`` walk the model's stops.
Connectors are drawn only between passages that both show; a passage whose
partner is scrolled away gets a short stub pointing up or down, and clicking
a passage brings its partner into view, level with it (``show_partner``).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Optional

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QSizePolicy, QToolButton,
                               QVBoxLayout, QWidget)

from . import styles
from .article_pane import ArticlePane
from .eliding import ElidedLabel, ElidingComboBox
from .viewmodels import PairViewModel, Stop
from .labels import PlainLabel


class ConnectorWidget(QWidget):
    """Filled curves from each passage on the left to its partner on the right,
    for the links whose two ends both show; stubs for those with one end away."""

    STUB = 12  # how far a stub reaches into the gutter

    def __init__(self, view: "PairView"):
        super().__init__(view)
        self._view = view
        self.setFixedWidth(64)
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Expanding)

    def _y_in_self(self, pane: ArticlePane, y: int) -> float:
        origin = pane.viewport().mapTo(self.window(), QPoint(0, 0)).y()
        mine = self.mapTo(self.window(), QPoint(0, 0)).y()
        return origin - mine + y

    def area(self) -> tuple[float, float]:
        """The band beside both text areas (not beside the titles above them)."""
        left, right = self._view.left_pane, self._view.right_pane
        top = max(self._y_in_self(left, 0), self._y_in_self(right, 0))
        bottom = min(self._y_in_self(left, left.viewport().height()),
                     self._y_in_self(right, right.viewport().height()))
        return top, bottom

    def visible_links(self) -> tuple[list[tuple], list[tuple]]:
        """Links to draw: ``(n, lt, lb, rt, rb)`` with both ends in view, and stubs
        ``(n, side, top, bottom, partner_below)`` for links with one end in view."""
        model = self._view.model
        if model is None:
            return [], []
        left, right = self._view.left_pane, self._view.right_pane
        top, bottom = self.area()
        full, stubs = [], []
        for n, link in enumerate(model.links):
            lt, lb = (self._y_in_self(left, y) for y in left.range_y(*link.left))
            rt, rb = (self._y_in_self(right, y) for y in right.range_y(*link.right))
            left_in = lb > top and lt < bottom
            right_in = rb > top and rt < bottom
            if left_in and right_in:
                full.append((n, lt, lb, rt, rb))
            elif left_in:
                stubs.append((n, "left", lt, lb, rt >= bottom))
            elif right_in:
                stubs.append((n, "right", rt, rb, lt >= bottom))
        return full, stubs

    def paintEvent(self, event) -> None:
        if self._view.model is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        theme = styles.current_theme()
        width = self.width()
        current_link = self._view.current_link()
        top, bottom = self.area()
        painter.setClipRect(QRectF(0, top, width, max(0.0, bottom - top)))
        links = self._view.model.links
        full, stubs = self.visible_links()
        for n, lt, lb, rt, rb in full:
            path = QPainterPath(QPointF(0, lt))
            mid = width / 2
            path.cubicTo(QPointF(mid, lt), QPointF(mid, rt), QPointF(width, rt))
            path.lineTo(QPointF(width, rb))
            path.cubicTo(QPointF(mid, rb), QPointF(mid, lb), QPointF(0, lb))
            path.closeSubpath()
            fill = styles.link_fill(links[n].changed, theme)
            edge = QColor(fill)
            edge.setAlpha(200 if n == current_link else 120)
            if n == current_link:
                fill = QColor(fill)
                fill.setAlpha(min(255, fill.alpha() * 2 + 30))
            if links[n].also:  # told also here: an outline only, dashed
                painter.setPen(QPen(edge, 2.0 if n == current_link else 1.0, Qt.DashLine))
                painter.drawPath(path)
                continue
            painter.fillPath(path, fill)
            # Joined only through other articles' passages, or weakly linked: a dashed edge.
            painter.setPen(QPen(edge, 2.0 if n == current_link else 1.0,
                                Qt.DashLine if links[n].loose else Qt.SolidLine))
            painter.drawPath(path)
        for n, side, y0, y1, below in stubs:
            # A short tab from the passage, bent toward where its partner is.
            x0, x1 = (0, self.STUB) if side == "left" else (width, width - self.STUB)
            tip = min(y1, bottom - 2) if below else max(y0, top + 2)
            y0, y1 = max(y0, top), min(y1, bottom)
            path = QPainterPath(QPointF(x0, y0))
            path.lineTo(QPointF(x1, tip))
            path.lineTo(QPointF(x0, y1))
            path.closeSubpath()
            painter.fillPath(path, styles.link_fill(links[n].changed, theme))


class OverviewStrip(QWidget):
    """A slim map of one article: where differences and conflicts are; click to jump."""

    jump = Signal(float)  # fraction of the document height

    def __init__(self, pane: ArticlePane, parent=None):
        super().__init__(parent)
        self._pane = pane
        self.marks: list[tuple[int, int, str]] = []
        self.setFixedWidth(14)
        self.setCursor(Qt.PointingHandCursor)
        self.setToolTip("Overview: orange = wording differs, grey = only in this article, "
                        "red = conflicting fact. Click to jump.")
        pane.verticalScrollBar().valueChanged.connect(self.update)
        pane.verticalScrollBar().rangeChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(14, 200)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        theme = styles.current_theme()
        painter.fillRect(self.rect(), theme.base.darker(106) if not theme.dark
                         else theme.base.lighter(115))
        total = self._pane.document_height()
        scale = self.height() / total
        # Conflicts last so they are drawn on top.
        order = {"equal": 0, "changed": 1, "only_here": 2, "conflict": 3}
        for start, end, kind in sorted(self.marks, key=lambda m: order.get(m[2], 0)):
            top, bottom = self._pane.range_doc_y(start, end)
            y0, y1 = top * scale, max(top * scale + 3, bottom * scale)
            inset = 1 if kind != "conflict" else 0
            painter.fillRect(QRectF(inset + 1, y0, self.width() - 2 * inset - 2, y1 - y0),
                             styles.marker_colour(kind, theme))
        bar = self._pane.verticalScrollBar()
        view_top = bar.value() * scale
        view_h = self._pane.viewport().height() * scale
        frame = QColor(theme.text)
        frame.setAlpha(110)
        painter.setPen(QPen(frame, 1))
        painter.drawRect(QRectF(0.5, view_top + 0.5, self.width() - 1, max(4.0, view_h - 1)))

    def mousePressEvent(self, event) -> None:
        self.jump.emit(max(0.0, min(1.0, event.position().y() / max(1, self.height()))))


class PairView(QWidget):
    """The side-by-side reader for one pair of articles."""

    pair_requested = Signal(str, str)  # left id, right id
    current_changed = Signal(str)  # passage id of the difference being read

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model: Optional[PairViewModel] = None
        self._stop_index = -1
        self._syncing = False
        self._anchor_cache: Optional[tuple] = None
        self._points = styles.DEFAULT_TEXT_POINTS

        self.left_pick = ElidingComboBox()
        self.right_pick = ElidingComboBox()
        for pick in (self.left_pick, self.right_pick):
            pick.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            pick.setMinimumContentsLength(14)
            pick.currentIndexChanged.connect(self._on_pick)
        self.swap_button = QToolButton()
        self.swap_button.setText("⇄")
        self.swap_button.setToolTip("Swap the two articles")
        self.swap_button.clicked.connect(self._swap)
        # Ends in "…" (whole text in the tooltip) when the window is narrow, so the
        # pickers keep their room.
        self.position_label = ElidedLabel("")
        self.position_label.setObjectName("Muted")
        self.position_label.setMinimumWidth(120)
        self.notice = PlainLabel("")
        self.notice.setObjectName("Notice")
        self.notice.setWordWrap(True)
        self.notice.hide()

        self.left_pane = ArticlePane("left")
        self.right_pane = ArticlePane("right")
        self.left_title, self.left_sub = self._title_labels()
        self.right_title, self.right_sub = self._title_labels()
        self.connector = ConnectorWidget(self)
        self.left_strip = OverviewStrip(self.left_pane)
        self.right_strip = OverviewStrip(self.right_pane)
        self.left_strip.jump.connect(lambda f: self._jump(self.left_pane, f))
        self.right_strip.jump.connect(lambda f: self._jump(self.right_pane, f))

        picker_row = QHBoxLayout()
        picker_row.addWidget(PlainLabel("Compare"))
        picker_row.addWidget(self.left_pick, 1)
        picker_row.addWidget(self.swap_button)
        picker_row.addWidget(self.right_pick, 1)
        picker_row.addSpacing(12)
        picker_row.addWidget(self.position_label, 1)

        body = QHBoxLayout()
        body.setSpacing(4)
        body.addWidget(self.left_strip)
        body.addLayout(self._column(self.left_title, self.left_sub, self.left_pane), 1)
        connector_column = QVBoxLayout()
        connector_column.setContentsMargins(0, 0, 0, 0)
        connector_column.addWidget(self.connector)
        body.addLayout(connector_column)
        body.addLayout(self._column(self.right_title, self.right_sub, self.right_pane), 1)
        body.addWidget(self.right_strip)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(picker_row)
        layout.addWidget(self.notice)
        layout.addLayout(body, 1)

        for pane, other in ((self.left_pane, self.right_pane), (self.right_pane, self.left_pane)):
            pane.verticalScrollBar().valueChanged.connect(
                lambda _v, p=pane, o=other: self._follow(p, o))
            pane.verticalScrollBar().valueChanged.connect(self.connector.update)
            pane.tooltip_for = lambda offset, side=pane.side: self._tooltip(side, offset)
            pane.clicked.connect(lambda offset, side=pane.side: self.show_partner(side, offset))

    def _title_labels(self) -> tuple[QLabel, QLabel]:
        title, sub = PlainLabel(), PlainLabel()
        title.setObjectName("PaneTitle")
        sub.setObjectName("PaneSubtitle")
        for label in (title, sub):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        title.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)  # elided, never widening
        return title, sub

    @staticmethod
    def _column(title: QLabel, sub: QLabel, pane: ArticlePane) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(0)
        column.addWidget(title)
        column.addWidget(sub)
        column.addWidget(pane, 1)
        return column

    # --- choosing the pair --------------------------------------------------

    def set_choices(self, choices: list[tuple[str, str]], left: str, right: str) -> None:
        """Fill both pickers with (article id, label) and select the pair."""
        for pick, chosen in ((self.left_pick, left), (self.right_pick, right)):
            pick.blockSignals(True)
            pick.clear()
            for aid, label in choices:
                pick.addItem(f"{aid} — {label}", aid)
            pick.setCurrentIndex(max(0, pick.findData(chosen)))
            pick.blockSignals(False)

    def _on_pick(self) -> None:
        left, right = self.left_pick.currentData(), self.right_pick.currentData()
        if left and right:
            self.pair_requested.emit(left, right)

    def _swap(self) -> None:
        left, right = self.left_pick.currentData(), self.right_pick.currentData()
        if left and right:
            self.pair_requested.emit(right, left)

    # --- content ------------------------------------------------------------

    def show_pair(self, model: Optional[PairViewModel]) -> None:
        self.model = model
        self._stop_index = -1
        self._anchor_cache = None
        if model is None:
            self.left_pane.clear_article()
            self.right_pane.clear_article()
            for label in (self.left_title, self.left_sub, self.right_title, self.right_sub):
                label.setText("")
            self.left_strip.marks = self.right_strip.marks = []
            self.position_label.setText("")
            self.notice.hide()
            self.connector.update()
            return
        self.notice.setVisible(not model.links)
        if not model.links:
            if model.left.related and model.right.related:
                why = "no sentence of one was matched to a sentence of the other"
            else:
                why = "they seem to report different events"
            self.notice.setText(
                f"{model.left.id} and {model.right.id} share no passages ({why}), so nothing is "
                "linked or marked. Pick another pair above, or see the overview for who shares "
                "what.")
        self._syncing = True
        try:
            for side, pane, article, spans in (
                    ("left", self.left_pane, model.left, model.left_spans),
                    ("right", self.right_pane, model.right, model.right_spans)):
                bars = self._bars(model, side)
                pane.show_article(article.text, spans, bars, self._points)
                strip = self.left_strip if side == "left" else self.right_strip
                strip.marks = bars + [(s, e, "conflict") for s, e in model.conflict_marks[side]]
                strip.update()
            self._set_titles(self.left_title, self.left_sub, model.left)
            self._set_titles(self.right_title, self.right_sub, model.right)
        finally:
            self._syncing = False
        self._update_position_label()
        self.connector.update()

    @staticmethod
    def _bars(model: PairViewModel, side: str) -> list[tuple[int, int, str]]:
        bars = []
        if not model.links:
            return bars
        for link in model.links:
            if link.changed:
                start, end = link.left if side == "left" else link.right
                bars.append((start, end, "changed"))
        article = model.left if side == "left" else model.right
        lonely = model.only_here_ids(side)
        bars += [(p.start, p.end, "only_here") for p in article.passages if p.id in lonely]
        return bars

    @staticmethod
    def _set_titles(title: QLabel, sub: QLabel, article) -> None:
        # Both titles get the same height so the panes start level and the
        # connectors meet passages at the heights they are drawn; a long
        # title ends in an ellipsis (the whole title is in the tooltip).
        title.ensurePolished()
        title.setWordWrap(False)
        title.setFixedHeight(title.fontMetrics().lineSpacing() + 6)
        name = article.title or article.source.rsplit('/', 1)[-1]
        full = f"{article.id} · {name}"
        width = max(80, title.width() - 8)
        title.setText(title.fontMetrics().elidedText(full, Qt.ElideRight, width))
        title.setToolTip(f"{name}\n{article.source}")
        parts = [article.outlet, article.published, f"{article.word_count} words"]
        if not article.related:
            parts.append("different event")
        sub.setText(" · ".join(p for p in parts if p))
        sub.setToolTip(article.event_note)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.model is not None:
            self._set_titles(self.left_title, self.left_sub, self.model.left)
            self._set_titles(self.right_title, self.right_sub, self.model.right)

    def set_points(self, points: int) -> None:
        self._points = points
        self.left_pane.set_points(points)
        self.right_pane.set_points(points)
        self._anchor_cache = None
        self.connector.update()

    def _tooltip(self, side: str, offset: int) -> Optional[str]:
        model = self.model
        if model is None:
            return None
        pid = model.passage_at(side, offset)
        if pid is None:
            return None
        mine = model.left if side == "left" else model.right
        other = model.right if side == "left" else model.left
        n = model.link_for_passage(pid)
        if n is None:
            return f"{pid}: only in {mine.id} — {other.id} has no passage telling this"
        link = model.links[n]
        partner = ", ".join(link.right_passages if side == "left" else link.left_passages)
        if link.also:
            return (f"{pid} ↔ {partner}: also tells the point of {link.group} "
                    f"(link {link.similarity:.0%}); its wording is compared in its own group")
        how = "worded differently" if link.changed else "same wording"
        tip = f"{pid} ↔ {partner} ({how}, similarity {link.similarity:.0%})"
        if not link.direct:
            tip += ("\nNot linked to each other: in one group only through other articles' "
                    "passages, and may tell different points")
        elif link.loose:
            tip += f"\nLinked only weakly ({link.strength:.0%}): may tell different points"
        return tip

    # --- scrolling in step --------------------------------------------------

    def _anchors(self, source: ArticlePane) -> tuple[list[float], list[float]]:
        """Matching document heights (source, target) through links that keep their order."""
        key = (source.side, self.left_pane.viewport().width(), self.right_pane.viewport().width(),
               self._points, id(self.model))
        if self._anchor_cache and self._anchor_cache[0] == key:
            return self._anchor_cache[1]
        model = self.model
        pairs = []
        for link in model.links:
            lt, lb = self.left_pane.range_doc_y(*link.left)
            rt, rb = self.right_pane.range_doc_y(*link.right)
            pairs.append(((lt, lb), (rt, rb)) if source.side == "left" else ((rt, rb), (lt, lb)))
        pairs.sort()
        # Reordered passages would make the mapping run backwards; keep the
        # longest run of links whose order agrees on both sides.
        best: list[int] = []
        lengths, prev = [1] * len(pairs), [-1] * len(pairs)
        for i in range(len(pairs)):
            for j in range(i):
                if pairs[j][1][1] <= pairs[i][1][0] and pairs[j][0][1] <= pairs[i][0][0] \
                        and lengths[j] + 1 > lengths[i]:
                    lengths[i], prev[i] = lengths[j] + 1, j
        if pairs:
            i = max(range(len(pairs)), key=lengths.__getitem__)
            while i != -1:
                best.append(i)
                i = prev[i]
        target = self.right_pane if source is self.left_pane else self.left_pane
        xs, ys = [0.0], [0.0]
        for i in reversed(best):
            (st, sb), (tt, tb) = pairs[i]
            xs += [st, sb]
            ys += [tt, tb]
        xs.append(float(source.document_height()))
        ys.append(float(target.document_height()))
        result = (xs, ys)
        self._anchor_cache = (key, result)
        return result

    def _follow(self, source: ArticlePane, target: ArticlePane) -> None:
        if self._syncing or self.model is None:
            return
        xs, ys = self._anchors(source)
        probe = source.viewport().height() * 0.3
        x = source.verticalScrollBar().value() + probe
        i = max(1, min(len(xs) - 1, bisect_right(xs, x)))
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        y = y0 if x1 <= x0 else y0 + (x - x0) * (y1 - y0) / (x1 - x0)
        self._syncing = True
        try:
            target.verticalScrollBar().setValue(int(y - probe))
        finally:
            self._syncing = False
        self.connector.update()

    def _jump(self, pane: ArticlePane, fraction: float) -> None:
        bar = pane.verticalScrollBar()
        bar.setValue(int(fraction * pane.document_height() - pane.viewport().height() / 2))

    # --- differences ----------------------------------------------------------

    @property
    def current_stop(self) -> Optional[Stop]:
        if self.model is None or not (0 <= self._stop_index < len(self.model.stops)):
            return None
        return self.model.stops[self._stop_index]

    @property
    def current_passage(self) -> Optional[str]:
        stop = self.current_stop
        return stop.passage if stop else None

    def current_link(self) -> Optional[int]:
        stop = self.current_stop
        return stop.link if stop else None

    def next_difference(self) -> bool:
        return self._go(+1)

    def previous_difference(self) -> bool:
        return self._go(-1)

    def _go(self, step: int) -> bool:
        if self.model is None or not self.model.stops:
            return False
        index = self._stop_index + step
        if self._stop_index < 0 and step < 0:
            index = len(self.model.stops) - 1
        if not 0 <= index < len(self.model.stops):
            return False
        self.go_to_stop(index)
        return True

    def go_to_stop(self, index: int) -> None:
        self._stop_index = index
        stop = self.model.stops[index]
        link = self.model.links[stop.link] if stop.link is not None else None
        pane = self.left_pane if stop.side == "left" else self.right_pane
        other = self.right_pane if stop.side == "left" else self.left_pane
        pane.set_current((stop.start, stop.end))
        if link is not None:
            other.set_current(link.right if stop.side == "left" else link.left)
        else:
            other.set_current(None)
        pane.scroll_range_to(stop.start, stop.end)
        if link is not None:
            # Put the partner level with it even where the order differs.
            partner = link.right if stop.side == "left" else link.left
            self._syncing = True
            try:
                other.scroll_range_to(*partner)
            finally:
                self._syncing = False
        self._update_position_label()
        self.connector.update()
        self.current_changed.emit(stop.passage)

    def _update_position_label(self) -> None:
        model = self.model
        if model is None:
            self.position_label.setText("")
            return
        total = len(model.stops)
        shared = len(model.links)
        if self._stop_index >= 0:
            stop = model.stops[self._stop_index]
            what = "worded differently" if stop.kind == "changed" else \
                f"only in {(model.left if stop.side == 'left' else model.right).id}"
            self.position_label.setText(
                f"Difference {self._stop_index + 1} of {total}: {stop.passage} {what}")
        else:
            self.position_label.setText(
                f"{shared} shared passage{'s' * (shared != 1)}, {total} difference"
                f"{'s' * (total != 1)} — Alt+↓ for the next")

    def show_partner(self, side: str, offset: int) -> bool:
        """A click on a passage: mark it and bring its partner into view, level with it."""
        model = self.model
        pid = model.passage_at(side, offset) if model is not None else None
        n = model.link_for_passage(pid) if pid is not None else None
        if n is None:
            return False
        link = model.links[n]
        pane, other = (self.left_pane, self.right_pane) if side == "left" else \
            (self.right_pane, self.left_pane)
        mine, theirs = (link.left, link.right) if side == "left" else (link.right, link.left)
        pane.set_current(mine)
        other.set_current(theirs)
        top, _ = pane.range_y(*mine)
        level = max(0.0, min(0.7, top / max(1, pane.viewport().height())))
        self._syncing = True
        try:
            other.scroll_range_to(*theirs, level)
        finally:
            self._syncing = False
        self._stop_index = next((k for k, stop in enumerate(model.stops) if stop.link == n),
                                self._stop_index)
        self._update_position_label()
        self.connector.update()
        return True

    # --- facts and find ---------------------------------------------------------

    def show_marks(self, left_spans: list[tuple[int, int]], right_spans: list[tuple[int, int]],
                   left_passage: Optional[tuple[int, int]],
                   right_passage: Optional[tuple[int, int]]) -> None:
        """Highlight fact values and bring their passages into view, side by side."""
        self.left_pane.set_fact_marks(left_spans)
        self.right_pane.set_fact_marks(right_spans)
        self.left_pane.set_current(left_passage)
        self.right_pane.set_current(right_passage)
        self._syncing = True
        try:
            if left_passage:
                self.left_pane.scroll_range_to(*left_passage)
            if right_passage:
                self.right_pane.scroll_range_to(*right_passage)
        finally:
            self._syncing = False
        self.connector.update()

    def show_point(self, left: Optional[tuple[int, int]],
                   right: Optional[tuple[int, int]]) -> None:
        """Bring one point of the story (a range in each article) into view, level."""
        self.left_pane.set_fact_marks([])
        self.right_pane.set_fact_marks([])
        self.show_marks([], [], left, right)
        link = None
        if self.model is not None and left is not None:
            for n, candidate in enumerate(self.model.links):
                if candidate.left[0] <= left[0] < candidate.left[1]:
                    link = n
                    break
        for n, stop in enumerate(self.model.stops if self.model else ()):
            if link is not None and stop.link == link:
                self._stop_index = n
                break
        self._update_position_label()
        self.connector.update()

    def clear_find(self) -> None:
        self.left_pane.set_find_marks([])
        self.right_pane.set_find_marks([])
        self._last_find = None

    def restart_find(self) -> None:
        self._last_find = None

    def find(self, needle: str, backward: bool = False) -> bool:
        """Mark every match in both panes and scroll to the next one after the current."""
        matches = {}
        if self.model is None:
            return False
        for pane in (self.left_pane, self.right_pane):
            text = (self.model.left if pane is self.left_pane else self.model.right).text
            found = []
            if needle:
                lowered, low_needle = text.lower(), needle.lower()
                at = lowered.find(low_needle)
                while at != -1:
                    found.append((at, at + len(needle)))
                    at = lowered.find(low_needle, at + 1)
            pane.set_find_marks(found)
            matches[pane.side] = found
        if not needle:
            return False
        ordered = [("left", s, e) for s, e in matches["left"]] + \
                  [("right", s, e) for s, e in matches["right"]]
        if not ordered:
            return False
        last = getattr(self, "_last_find", None)
        if last in ordered:
            index = ordered.index(last) + (-1 if backward else 1)
        else:
            index = len(ordered) - 1 if backward else 0
        side, start, end = ordered[index % len(ordered)]
        self._last_find = (side, start, end)
        pane = self.left_pane if side == "left" else self.right_pane
        pane.scroll_range_to(start, end, 0.4)
        return True
