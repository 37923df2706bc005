"""The story table: columns follow the include ticks, rows open the close-up, nothing stale."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from conftest import SEED_003, SEED_004
from app_helpers import drop, url_mime, variant_of, write_pair

import pytest

TIMEOUT = 30_000


def three_tellings(folder):
    paths = write_pair(folder)
    third = folder / "third.txt"
    third.write_text(variant_of(SEED_003.read_text(encoding="utf-8"), seed=11), encoding="utf-8")
    return paths + [third]


def wait_shown(qtbot, window, count):
    qtbot.waitUntil(lambda: window.comparison is not None
                    and len(window.comparison.articles) == count
                    and not window.comparison_busy()
                    and window.shown_comparison is window.comparison
                    and window.story_view.measured(), timeout=TIMEOUT)


def test_columns_follow_the_include_ticks(window, qtbot, tmp_path):
    drop(window, url_mime(three_tellings(tmp_path / "three")))
    wait_shown(qtbot, window, 3)
    story = window.story_view
    assert story.column_ids() == ["A", "B", "C"]
    assert story.row_count() > 0
    keys = [e.key for e in window.session.entries]
    window.article_list.include_toggled.emit(keys[1], False)
    # The column goes at once, not when the new comparison arrives.
    assert "B" not in story.column_ids()
    wait_shown(qtbot, window, 2)
    assert len(story.column_ids()) == 2
    window.article_list.include_toggled.emit(keys[1], True)
    wait_shown(qtbot, window, 3)
    assert len(story.column_ids()) == 3
    # Every row is a point: a group, or passages one article alone tells.
    model = story.model.story
    grouped = [r for r in model.rows if r.group]
    assert grouped and all(len(r.articles()) >= 2 for r in grouped)
    assert all(len(r.articles()) == 1 for r in model.rows if not r.group)
    # Empty cells say so.
    empty = [(n, c) for n, r in enumerate(model.rows) for c, cell in enumerate(r.cells)
             if cell is None]
    if empty:
        n, c = empty[0]
        assert story.model.data(story.model.index(n, c + 1)) == "not in this article"


def test_rows_follow_the_reference_article(window, qtbot, tmp_path):
    drop(window, url_mime(three_tellings(tmp_path / "three")))
    wait_shown(qtbot, window, 3)
    story = window.story_view

    def reference_order(ref):
        numbers = [int(p[1:]) for r in story.model.story.rows
                   for c in r.cells if c is not None and c.article == ref for p in c.passages[:1]]
        return numbers

    assert story.model.story.reference == "A"
    assert reference_order("A") == sorted(reference_order("A"))
    story.reference_pick.setCurrentIndex(story.reference_pick.findData("B"))
    qtbot.waitUntil(lambda: story.model.story.reference == "B", timeout=TIMEOUT)
    assert reference_order("B") == sorted(reference_order("B"))
    assert reference_order("A") != sorted(reference_order("A")), \
        "the variant's reordered paragraphs show against B"


def test_a_row_click_opens_the_pair_on_that_point(window, qtbot, tmp_path):
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_shown(qtbot, window, 2)
    story = window.story_view
    model = story.model.story
    n = next(i for i, r in enumerate(model.rows) if r.group and i > len(model.rows) // 2)
    story.select_row(n)
    rect = story.cell_rect(n, -1)  # the point's label, in the row header
    qtbot.mouseClick(story.point_header.viewport(), Qt.LeftButton, pos=rect.center())
    assert window.reader_tabs.currentWidget() is window.reader_box
    cell = model.rows[n].cells[0]
    _, passage = window.comparison.passage(cell.passages[0])
    pane = window.pair_view.left_pane
    assert pane.current[0] <= passage.start < pane.current[1] or \
        pane.current == (passage.start, passage.end) or pane.current[0] == passage.start
    top, _ = pane.range_y(passage.start, passage.end)
    assert 0 <= top < pane.viewport().height(), "the point is scrolled into view"


def test_next_difference_moves_row_by_row(window, qtbot, tmp_path):
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_shown(qtbot, window, 2)
    story = window.story_view
    rows = story.model.story.rows
    differing = [n for n, r in enumerate(rows) if r.differs]
    assert len(differing) >= 3
    seen = []
    for _ in range(3):
        window.next_diff_action.trigger()
        seen.append(story.current_row())
    assert seen == differing[:3]
    window.prev_diff_action.trigger()
    assert story.current_row() == differing[1]
    assert story.position_label.text().startswith(f"Point {differing[1] + 1} of {len(rows)}")


def test_nothing_stale_after_close_all_cancel_or_removal(window, qtbot, tmp_path):
    drop(window, url_mime(three_tellings(tmp_path / "three")))
    wait_shown(qtbot, window, 3)
    window.reader_tabs.setCurrentWidget(window.reader_box)
    window.next_difference()
    assert window.pair_view.position_label.text().startswith("Difference 1 of")

    # Removal down to one article: its text and a prompt; no pair, facts or overview.
    keys = [e.key for e in window.session.entries]
    window.article_list.remove_requested.emit(keys[2])
    window.article_list.remove_requested.emit(keys[1])
    assert window.comparison is None
    assert window.pair_view.position_label.text() == ""
    assert window.facts_view.model.rowCount() == 0
    assert window.overview_view.share_model.rowCount() == 0
    assert window.story_view.column_ids() == ["A"]
    assert window.story_view.prompt.isVisible()
    assert "Add another article" in window.story_view.prompt.text()
    assert "Add at least one more" in window.summary_label.text()

    # Cancel while comparing: the old result does not stay on screen.
    drop(window, url_mime(three_tellings(tmp_path / "again")))
    wait_shown(qtbot, window, 4)
    window.article_list.include_toggled.emit(window.session.entries[0].key, False)
    window.cancel()
    assert window.comparison is None and window.story_view.row_count() == 0
    assert window.facts_view.model.rowCount() == 0
    assert window.overview_view.share_model.rowCount() == 0
    assert window.pair_view.position_label.text() == ""

    # Close All: empty everywhere.
    window.clear_all()
    assert window.comparison is None
    assert window.story_view.row_count() == 0
    assert window.summary_label.text() == ""
    assert window.stack.currentWidget() is window.drop_target


def test_rows_are_measured_after_the_table_shows_in_short_slices(window, qtbot, tmp_path,
                                                                  monkeypatch):
    from desktop.app import story_view
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_shown(qtbot, window, 2)
    story = window.story_view
    model = story.model.story
    assert len(model.rows) > 3
    heights = [story.table.rowHeight(n) for n in range(len(model.rows))]
    assert len(set(heights)) > 1, "rows are as tall as their text"
    # Showing a table never measures its rows in the same call: the window
    # paints it first, and the heights follow a slice per turn of the loop.
    monkeypatch.setattr(story_view, "_SLICE", 0.0)  # a row per slice
    story.show_story(None)
    turns = []
    story.table.verticalHeader().sectionResized.connect(lambda *_a: turns.append(1))
    story.show_story(model)
    assert not story.measured() and not turns
    QApplication.processEvents()
    assert 0 < len(turns) < len(model.rows), "one slice per turn, not every row at once"
    qtbot.waitUntil(story.measured, timeout=TIMEOUT)
    assert [story.table.rowHeight(n) for n in range(len(model.rows))] == heights


def marked_text(cell) -> str:
    """A cell's text with everything not marked as a conflict blanked out."""
    return "".join(s.text if s.mark == "conflict" else "\0" * len(s.text) for s in cell.spans)


def test_f7_reaches_every_articles_mention_of_a_conflict(window, qtbot):
    # Seeds 003 and 004 tell one event; 004 spells the mayor "Zahran" and once calls
    # him "President Mamdani", 003 says "Mayor-elect" further down.
    drop(window, url_mime([SEED_003, SEED_004]))
    wait_shown(qtbot, window, 2)
    conflicts = [f for f in window.comparison.facts if f.status == "conflict"]
    notes = " ".join(f.note for f in conflicts)
    assert "Zahran" in notes and "President" in notes
    story = window.story_view
    assert window.reader_tabs.currentWidget() is story
    wanted = {(f.id, m.article, m.text) for f in conflicts for m in f.mentions}
    seen = set()
    window.activateWindow()
    for _ in range(len(wanted) + 2):
        qtbot.keyClick(story.table, Qt.Key_F7)
        fact = window.facts_view.current_fact()
        assert fact is not None and fact.status == "conflict"
        assert window.reader_tabs.currentWidget() is story, "F7 keeps the story table"
        n = story.current_row()
        assert n >= 0, "F7 chooses a row of the story"
        row = story.model.story.rows[n]
        assert fact.id in row.conflict_ids, "the row shown holds the conflict"
        viewport = story.table.viewport().rect()
        shown_articles = set()
        for c, cell in enumerate(row.cells):
            if cell is None:
                continue
            marked = marked_text(cell)
            for m in fact.mentions:
                if m.article == cell.article and m.text in marked:
                    assert story.cell_rect(n, c).intersects(viewport), \
                        f"{m.text!r} is scrolled into view"
                    seen.add((fact.id, m.article, m.text))
                    shown_articles.add(m.article)
        assert len(shown_articles) >= 1
    missing = sorted(wanted - seen)
    assert not missing, f"F7 never showed these mentions: {missing}"
    # Shift+F7 goes back to the conflict before.
    before = (window.facts_view.current_fact().id, story.current_row())
    qtbot.keyClick(story.table, Qt.Key_F7)
    qtbot.keyClick(story.table, Qt.Key_F7, Qt.ShiftModifier)
    assert (window.facts_view.current_fact().id, story.current_row()) == before


def test_the_corner_above_the_point_labels_names_them(window, qtbot, tmp_path):
    drop(window, url_mime(three_tellings(tmp_path / "three")))
    wait_shown(qtbot, window, 3)
    story = window.story_view
    corner = story.corner()  # the table's corner button, which Qt leaves blank
    assert corner is not None and corner.isVisible()
    from PySide6.QtGui import QColor
    image = corner.grab().toImage()
    inner = [(x, y) for x in range(3, image.width() - 3) for y in range(3, image.height() - 3)]
    ground = QColor(image.pixel(inner[0][0], inner[0][1])).lightness()
    inked = sum(1 for x, y in inner if abs(QColor(image.pixel(x, y)).lightness() - ground) > 90)
    assert inked > 20, inked  # the word "Point" is drawn there, not a blank button


def test_the_pair_view_position_line_ends_in_an_ellipsis_when_narrow(window, qtbot, tmp_path):
    drop(window, url_mime(three_tellings(tmp_path / "three")))
    wait_shown(qtbot, window, 3)
    pair = window.pair_view
    label = pair.position_label
    label.resize(140, label.height())
    label.setText("Difference 12 of 40: A14 worded differently, and a long tail to cut")
    assert label.displayed_text().endswith("…")
    assert label.toolTip() == label.text() and label.text().endswith("long tail to cut")
