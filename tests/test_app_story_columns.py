"""The story table's columns: titles elided with "…", collapsing to a strip, 12 columns
scrolling a column at a time, and the count of points that differ."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from desktop.app.story import StoryCell, StoryColumn, StoryModel, StoryRow
from desktop.app.story_header import COLLAPSED_WIDTH
from desktop.app.story_view import MIN_COLUMN, StoryView
from desktop.engine.report.view import Span

from app_helpers import drop, url_mime, write_pair
from conftest import SEED_003

LONG = ("Section of Oregon river bridge collapses, sending two vehicles into the water "
        "below during the morning commute")
TEXT = ("The span gave way at 6:40 a.m., just as the first wave of mill-shift traffic was "
        "crossing, according to sheriff's dispatch logs and two witnesses on the bank.")


def synthetic_story(columns: int, rows: int = 6) -> StoryModel:
    ids = [chr(ord("A") + n) for n in range(columns)]
    cols = tuple(StoryColumn(aid, f"Outlet {aid}", f"{LONG} ({aid})", True, "") for aid in ids)
    story_rows = []
    for r in range(rows):
        cells = tuple(StoryCell(aid, (f"{aid}{r + 1}",), (Span(TEXT),)) if (r + n) % 4 else None
                      for n, aid in enumerate(ids))
        story_rows.append(StoryRow(f"G{r + 1}", f"G{r + 1}", cells, "A", differs=True))
    return StoryModel(cols, "A", story_rows)


def shown(qtbot, columns: int, width: int = 1280) -> StoryView:
    view = StoryView()
    qtbot.addWidget(view)
    view.resize(width, 600)
    view.show()
    qtbot.waitExposed(view)
    view.show_story(synthetic_story(columns))
    qtbot.waitUntil(view.measured, timeout=10_000)
    return view


def test_long_titles_end_in_an_ellipsis_with_the_whole_title_in_the_tooltip(qtbot):
    view = shown(qtbot, 3, width=900)
    header = view.header
    text = header.shown_text(1)
    assert text.endswith("…") and text.startswith("★ A · Section of Oregon")
    tip = view.model.headerData(1, Qt.Horizontal, Qt.ToolTipRole)
    assert LONG in tip
    pick = view.reference_pick
    pick.resize(220, pick.height())
    assert pick.displayed_text().endswith("…")
    assert pick.displayed_text()[:-1] in pick.currentText()
    assert LONG in pick.toolTip()
    # The line saying where the reader is ends in "…" too, never cut mid-letter.
    view.resize(430, 400)
    view.select_row(0)
    label = view.position_label
    qtbot.waitUntil(lambda: 0 < label.width() < label.fontMetrics().horizontalAdvance(label.text()))
    assert label.displayed_text().endswith("…") and label.toolTip() == label.text()


def test_the_count_of_points_says_what_is_shared_when_every_point_differs(qtbot):
    # Nine ECB+ reports of one quake: "67 points, 67 with differences" (each point is missing
    # from some report) told the reader nothing.
    story = synthetic_story(5)
    rows = list(story.rows)
    rows[1] = StoryRow("only:B2", None, rows[1].cells, "A", differs=True)
    rows[2] = StoryRow("G3", "G3", rows[2].cells, "A", conflicts=("people killed: 10 vs three",),
                       differs=True)
    view = StoryView()
    qtbot.addWidget(view)
    view.show_story(StoryModel(story.columns, "A", tuple(rows)))
    assert view.position_label.text() == ("6 points: 5 shared, all differ, conflicts in 1"
                                          " — Alt+↓ for the next")
    two = synthetic_story(2)
    view.show_story(StoryModel(two.columns, "A", two.rows))
    assert view.position_label.text() == "6 points: 6 shared, all differ — Alt+↓ for the next"


def test_twelve_columns_scroll_a_column_at_a_time_and_wrap(qtbot):
    view = shown(qtbot, 12)
    table = view.table
    widths = [table.columnWidth(c) for c in range(1, 13)]
    assert min(widths) >= MIN_COLUMN, "columns keep a readable width"
    assert table.horizontalScrollBar().maximum() > 0, "the table scrolls sideways"
    assert table.horizontalScrollMode() == table.ScrollMode.ScrollPerItem
    line = view.delegate.font.pointSize()
    assert table.rowHeight(0) > 3 * line, "a cell's text wraps onto several lines"


def test_a_column_collapses_to_a_strip_and_expands_again(qtbot):
    view = shown(qtbot, 4, width=1200)
    table, header = view.table, view.header
    before = table.columnWidth(2)
    # The header's button collapses B.
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=header.button_rect(2).center())
    assert table.columnWidth(2) == COLLAPSED_WIDTH
    assert table.columnWidth(1) > before, "the other columns take the room"
    assert header.shown_text(2) == "B"
    qtbot.waitUntil(view.measured)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2000)  # fits
    # Kept across a new story with the same articles.
    view.show_story(synthetic_story(4))
    assert table.columnWidth(2) == COLLAPSED_WIDTH
    # The context menu expands it again.
    menu = header.menu_for(2)
    action = next(a for a in menu.actions() if a.text().startswith("Expand Column"))
    action.trigger()
    assert abs(table.columnWidth(2) - before) < 24, "back to its share of the width"
    # And a click on a collapsed strip anywhere opens it.
    view.toggle_column(3)
    assert table.columnWidth(3) == COLLAPSED_WIDTH
    qtbot.mouseClick(header.viewport(), Qt.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(3) + 4, header.height() // 2))
    assert table.columnWidth(3) > COLLAPSED_WIDTH


def wait_shown(qtbot, window, count):
    qtbot.waitUntil(lambda: window.comparison is not None
                    and len(window.comparison.articles) == count
                    and not window.comparison_busy()
                    and window.shown_comparison is window.comparison
                    and window.story_view.measured(), timeout=30_000)


def test_only_points_that_differ_are_counted_and_visited(window, qtbot, tmp_path):
    # Two copies of one article, the second with one sentence reworded and one paragraph
    # more: most points are told alike and are no difference.
    folder = tmp_path / "alike"
    folder.mkdir()
    text = SEED_003.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = max(range(len(paragraphs)), key=lambda n: len(paragraphs[n]))
    changed = list(paragraphs)
    changed[body] = changed[body].replace(" the ", " one ", 1)
    changed.insert(len(changed) // 2, "Reporters waited outside the West Wing for two hours "
                   "before the mayor-elect came out to speak to the cameras.")
    (folder / "one.txt").write_text(text, encoding="utf-8")
    (folder / "two.txt").write_text("\n\n".join(changed), encoding="utf-8")
    drop(window, url_mime(sorted(folder.glob("*.txt"))))
    wait_shown(qtbot, window, 2)
    story = window.story_view
    rows = story.model.story.rows
    alike = [n for n, r in enumerate(rows)
             if all(c is not None for c in r.cells) and len({c.text for c in r.cells}) == 1]
    assert len(alike) >= 3, "most points are told word for word alike"
    differing = [n for n in range(len(rows)) if n not in alike]
    label = story.position_label.text()
    assert label.startswith(f"{len(rows)} points: ") and f", {len(differing)} differ" in label, label
    seen = []
    while story.next_difference():
        seen.append(story.current_row())
    assert seen == differing
    assert not set(seen) & set(alike)


def test_an_article_set_apart_keeps_its_reason_under_a_long_title(qtbot):
    from desktop.app.article_list import ArticleList, ArticleRow
    listing = ArticleList()
    qtbot.addWidget(listing)
    listing.resize(300, 500)
    listing.show()
    qtbot.waitExposed(listing)
    title = "The Wary, Warming, Wildly Consequential Alliance of Ocasio-Cortez and Mamdani " * 2
    note = "Reports another event: 1 sentence of 12 told again in the main story; 6 names shared"
    listing.show_entries([
        ArticleRow(1, None, title, "", "", 2390, False, True, "a.txt", note),
        ArticleRow(2, "A", "Short title", "Outlet", "2025-11-21", 700, True, False, "b.txt")])
    tree, delegate = listing.tree, listing.entry_delegate
    assert tree.itemDelegateForColumn(1) is delegate, "the column is drawn line by line"
    item = tree.topLevelItem(0)
    index = tree.indexFromItem(item, 1)
    width = tree.columnWidth(1)
    lines = delegate.lines_at(index, item.font(1), width)  # what paint draws
    assert lines[1].endswith("…") and len([ln for ln in lines if "Alliance" in ln]) <= 2, \
        "the title is cut to two lines with an ellipsis"
    assert any(ln.startswith("⚠ Another story (left out):") for ln in lines)
    assert any("outlet unknown" in ln for ln in lines)
    tree.grab()  # paint it
    assert delegate.painted[0] == lines, "the row draws every line it measured"
    rect = tree.visualRect(index)
    spacing = tree.fontMetrics().lineSpacing()
    assert rect.height() >= len(lines) * spacing, "the row is tall enough for every line"


def test_the_story_takes_the_room_and_the_split_is_remembered(make_window, qtbot, tmp_path):
    window = make_window()  # 1400 x 900, as every window of this test
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_shown(qtbot, window, 2)
    split = window.right_split
    reader, facts = split.sizes()
    assert reader >= 2 * facts, f"the story table gets most of the height: {split.sizes()}"
    assert window.story_view.table.height() > 0.5 * window.height()
    # The user drags the split (the handle reports the move); the next window has it.
    split.setSizes([reader - 150, facts + 150])
    split.splitterMoved.emit(reader - 150, 1)
    moved = split.sizes()
    window.close()
    again = make_window()  # opens on the drop target: the split shows with the articles
    drop(again, url_mime(write_pair(tmp_path / "pair")))
    wait_shown(qtbot, again, 2)
    qtbot.waitUntil(lambda: abs(again.right_split.sizes()[1] - moved[1]) <= 2, timeout=2000)


def test_weekdays_show_the_calendar_date_they_resolve_to(window, qtbot, tmp_path):
    folder = tmp_path / "dated"
    folder.mkdir()
    body = ("The council voted 7-2 on Friday to close the Ashby Street bridge for repairs "
            "costing $4.2 million, the mayor's office said. Work starts in the spring and "
            "should last nine months, according to the city engineer, Dana Whitlock.")
    (folder / "one.txt").write_text("Council closes Ashby Street bridge\nNovember 18, 2024\n\n"
                                    + body, encoding="utf-8")
    (folder / "two.txt").write_text("Ashby Street bridge to close for repairs\nNovember 17, 2024"
                                    "\n\n" + body.replace("7-2", "6-3"), encoding="utf-8")
    drop(window, url_mime(sorted(folder.glob("*.txt"))))
    wait_shown(qtbot, window, 2)
    model = window.facts_view.model
    shown = [model.data(model.index(r, c)) for r in range(model.rowCount())
             for c in range(2, model.columnCount())]
    assert "Friday (15 Nov 2024)" in shown, shown
    notes = [model.data(model.index(r, 2)) for r in range(model.rowCount())]
    assert any("Friday, 15 Nov 2024" in note for note in notes), notes


def test_calendar_words_for_every_precision():
    from desktop.app.viewmodels import calendar_text
    assert calendar_text("2024-11-15") == "15 Nov 2024"
    assert calendar_text("2026-03") == "Mar 2026"
    assert calendar_text("2025") == "2025"
    assert calendar_text("--11-21") == "21 Nov"
    assert calendar_text("2026-03-02/2026-03-08") == "2–8 Mar 2026"
    assert calendar_text("2025-10-28/2025-11-03") == "28 Oct – 3 Nov 2025"
    assert calendar_text("2025-12-29/2026-01-04") == "29 Dec 2025 – 4 Jan 2026"
    assert calendar_text("Friday") == "Friday"
    assert calendar_text("2024-02-31") == "2024-02-31"


def pair_shown(window, qtbot, tmp_path):
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_shown(qtbot, window, 2)
    window.reader_tabs.setCurrentWidget(window.reader_box)
    pair = window.pair_view
    qtbot.waitUntil(lambda: pair.model is not None and pair.left_pane.isVisible(), timeout=5000)
    return pair


def test_connectors_are_drawn_only_between_passages_in_view(window, qtbot, tmp_path):
    pair = pair_shown(window, qtbot, tmp_path)
    connector = pair.connector
    full, stubs = connector.visible_links()
    assert full and len(full) < len(pair.model.links), "not every link is drawn"
    top, bottom = connector.area()
    for _n, lt, lb, rt, rb in full:
        assert lb > top and lt < bottom and rb > top and rt < bottom
    drawn = {n for n, *_rest in full} | {n for n, *_rest in stubs}
    for n, link in enumerate(pair.model.links):
        if n in drawn:
            continue
        for pane, span in ((pair.left_pane, link.left), (pair.right_pane, link.right)):
            t, b = pane.range_y(*span)
            assert b <= 0 or t >= pane.viewport().height(), "a link left out is out of view"


def test_clicking_a_passage_brings_its_partner_into_view(window, qtbot, tmp_path):
    pair = pair_shown(window, qtbot, tmp_path)
    left, right = pair.left_pane, pair.right_pane
    height = right.viewport().height()
    # A link whose partner is far from where the right pane stands once the left is there.
    for n, link in enumerate(pair.model.links):
        left.scroll_range_to(*link.left, 0.3)
        top, bottom = right.range_y(*link.right)
        if bottom < 0 or top > height:
            break
    else:
        raise AssertionError("every partner already shows: no reordered passage to test")
    ltop, lbottom = left.range_y(*link.left)
    click = QPoint(40, (ltop + min(lbottom, ltop + 20)) // 2)
    qtbot.mouseClick(left.viewport(), Qt.LeftButton, pos=click)
    top, bottom = right.range_y(*link.right)
    assert 0 <= top < height, "the partner is scrolled into view"
    assert right.current == link.right and left.current == link.left


def test_the_point_labels_stay_in_view_when_the_articles_scroll_sideways(qtbot):
    view = shown(qtbot, 12)
    table = view.table
    bar = table.horizontalScrollBar()
    bar.setValue(bar.maximum())
    assert table.columnAt(0) > 5, "scrolled to the last articles"
    header = view.point_header
    assert header.isVisible() and header.width() > 40
    assert view.model.headerData(0, Qt.Vertical).startswith("1")
    # Stepping to another point keeps the articles in view where they are.
    view.select_row(4)
    assert bar.value() == bar.maximum()
    assert view.cell_rect(4, -1).intersects(header.viewport().rect())


def test_the_facts_filter_sits_beside_the_panel_tabs(window, qtbot, tmp_path):
    from PySide6.QtCore import Qt as _Qt
    bar = window.facts_view.filter_bar
    assert window.tabs.cornerWidget(_Qt.TopRightCorner) is bar, "not a row of its own"
    window.stack.setCurrentWidget(window.main_split)
    window.tabs.setCurrentWidget(window.facts_view)
    qtbot.waitUntil(bar.isVisible, timeout=2000)
    window.tabs.setCurrentWidget(window.overview_view)
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=2000)
    window.tabs.setCurrentWidget(window.facts_view)
    qtbot.waitUntil(bar.isVisible, timeout=2000)


def test_a_weekday_with_no_date_to_go_by_borrows_the_matching_articles_date():
    # 004 has no publication date: its "Friday" is matched to 003's "November 21, 2025".
    from conftest import SEED_004
    from desktop.app.viewmodels import fact_rows
    from desktop.engine.pipeline import compare_files
    comparison = compare_files([str(SEED_003), str(SEED_004)])
    values = [row.values for row in fact_rows(comparison) if row.kind == "date"]
    assert {"A": "November 21, 2025", "B": "Friday (21 Nov 2025, from A)"} in values
    assert any(v == {"B": "Thursday"} for v in values), "nothing to go by: left as written"


def test_a_point_can_bring_an_articles_column_into_view(qtbot):
    view = shown(qtbot, 12)
    table = view.table
    assert table.columnAt(0) == 1, "starts at the first article"
    view.select_row(2, "K")
    rect = view.cell_rect(2, view.column_ids().index("K"))
    assert rect.intersects(table.viewport().rect()), "K's cell is scrolled into view"
    assert view.current_row() == 2


def test_one_weekday_read_as_two_days_names_no_day_in_the_note():
    # Reports a day apart each read "Saturday" in its own week: the cells say which day each
    # was read as; the note, which speaks for both, names neither.
    from desktop.app.viewmodels import fact_rows
    from desktop.engine.model import Comparison, Fact, Mention

    fact = Fact("F1", "date", "agree", None, "date: Saturday (same)",
                (Mention("A", "A1", 0, 8, "Saturday", "2013-03-02"),
                 Mention("B", "B1", 0, 8, "Saturday", "2013-03-09")), False)
    row = fact_rows(Comparison((), (), (fact,), ()))[0]
    assert row.note == "date: Saturday (same)"
    assert row.values == {"A": "Saturday (2 Mar 2013)", "B": "Saturday (9 Mar 2013)"}
    one = Fact("F2", "date", "agree", None, "date: Saturday (same)",
               (Mention("A", "A1", 0, 8, "Saturday", "2013-03-09"),
                Mention("B", "B1", 0, 8, "Saturday", "2013-03-09")), False)
    assert fact_rows(Comparison((), (), (one,), ()))[0].note == "date: Saturday, 9 Mar 2013 (same)"


def test_the_facts_kind_column_fits_its_longest_word(qtbot):
    # "organization" was cut to "organizati…" in a column of 80 pixels: a word cannot wrap.
    from desktop.app.facts_view import CELL_PADDING, FactsView
    from desktop.app.viewmodels import FactRow
    from desktop.engine.model import Fact, FactKind, FactStatus

    view = FactsView()
    qtbot.addWidget(view)
    view.resize(1200, 500)
    view.show()
    fact = Fact("F1", FactKind.ORGANIZATION, FactStatus.AGREE, None, "Red Cross named in A, B", ())
    view.show_facts([FactRow(fact, "agree", "organization", fact.note, {"A": "Red Cross", "B": "Red Cross"})],
                    ["A", "B"], 1, 0)
    needed = view.table.fontMetrics().horizontalAdvance("organization")
    assert view.table.columnWidth(1) >= needed + CELL_PADDING
