"""The desktop app, driven through its real widgets (offscreen Qt)."""
from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl, QMimeData

from conftest import SEED_003, SEED_004
from desktop.engine.model import Fact, Mention
from app_helpers import (drop, text_mime, url_mime, variant_of, write_many,
                         write_pair)

TIMEOUT = 30_000


def wait_for_articles(qtbot, window, count):
    qtbot.waitUntil(lambda: window.comparison is not None
                    and len(window.comparison.articles) == count
                    and not window.comparison_busy()
                    and window.shown_comparison is window.comparison, timeout=TIMEOUT)


def test_empty_window_offers_drop_target_and_sample(window, qtbot):
    assert window.stack.currentWidget() is window.drop_target
    assert "Drop articles here" in window.drop_target.findChild(type(window.summary_label),
                                                                "DropTitle").text()
    qtbot.mouseClick(window.drop_target.sample_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: window.comparison is not None and not window.comparison_busy(),
                    timeout=TIMEOUT)
    assert len(window.session) == 5
    assert window.stack.currentWidget() is window.main_split
    # Articles the engine sets apart are left out, each listed with its reason.
    left_out = [e for e in window.session.entries if not e.included]
    assert len(window.comparison.articles) == 5 - len(left_out) >= 2
    for entry in left_out:
        assert window.controller.set_apart[entry.key]
        text = next(window.article_list.tree.topLevelItem(n).text(1)
                    for n in range(window.article_list.row_count())
                    if window.article_list.tree.topLevelItem(n).data(0, Qt.UserRole + 1)
                    == entry.key)
        assert "Another story (left out)" in text


def test_drop_files_compares_them(window, qtbot):
    assert drop(window, url_mime([SEED_003, SEED_004]))
    wait_for_articles(qtbot, window, 2)
    assert window.article_list.row_count() == 2
    assert window.pair_view.left_pane.toPlainText().strip()
    assert window.pair_view.right_pane.toPlainText().strip()


def test_drop_folder_loads_its_files(window, qtbot, tmp_path):
    folder = tmp_path / "reports"
    write_pair(folder)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not an article")
    drop(window, url_mime([folder]))
    wait_for_articles(qtbot, window, 2)
    assert {a.source.rsplit("/", 1)[-1] for a in window.comparison.articles} == \
        {"report_one.txt", "report_two.txt"}
    assert window.comparison.groups, "the pair should share passages"


def test_drop_plain_text_becomes_articles(window, qtbot):
    one = SEED_003.read_text(encoding="utf-8")
    two = SEED_004.read_text(encoding="utf-8")
    drop(window, text_mime(one))
    drop(window, text_mime(two))
    wait_for_articles(qtbot, window, 2)
    assert [a.source for a in window.comparison.articles] == ["pasted text 1", "pasted text 2"]


def _wait_briefly(qtbot, condition, ms: int = 10_000) -> bool:
    """Let the event loop run until ``condition()`` holds or ``ms`` pass; says which."""
    deadline = time.monotonic() + ms / 1000
    while not condition():
        if time.monotonic() > deadline:
            return False
        qtbot.wait(20)
    return True


def test_paste_makes_an_article(window, qtbot):
    from PySide6.QtGui import QGuiApplication
    drop(window, url_mime([SEED_003]))
    qtbot.waitUntil(lambda: len(window.session) == 1, timeout=TIMEOUT)
    QGuiApplication.clipboard().setText(SEED_004.read_text(encoding="utf-8"))
    window.paste_action.trigger()
    # Pasted text is read on the spot: the session holds it before any comparison runs.
    sources = [e.document.source for e in window.session.entries]
    assert sources == [str(SEED_003), "pasted text 1"], \
        f"Edit > Paste should add the clipboard as 'pasted text 1' after the dropped file; " \
        f"the session holds {sources}; messages: {window.message_bar.messages()}"
    pasted = window.session.entries[1].document.text
    assert "Mamdani" in pasted and len(pasted.split()) > 200, \
        f"the pasted article should hold seed 004's text; it holds {len(pasted.split())} words"
    shown = _wait_briefly(qtbot, lambda: window.comparison is not None
                          and not window.comparison_busy()
                          and window.shown_comparison is window.comparison
                          and len(window.comparison.articles) == 2)
    found = None if window.comparison is None else [a.source for a in window.comparison.articles]
    assert shown, (f"within 10 s the window should show a comparison of the file and the pasted "
                   f"text; it shows {found} (busy: {window.comparison_busy()})")
    assert found == [str(SEED_003), "pasted text 1"], found


def test_unsupported_link_is_named_and_nothing_is_added(window, qtbot):
    mime = QMimeData()
    mime.setUrls([QUrl("ftp://example.com/story")])
    drop(window, mime)
    messages = window.message_bar.messages()
    assert any("ftp://example.com/story" in m for m in messages), messages
    assert not any("not supported yet" in m for m in messages)
    assert len(window.session) == 0


def test_bad_file_is_named_and_others_still_load(window, qtbot, tmp_path):
    bad = tmp_path / "broken_story.txt"
    bad.write_text("   \n\n  ", encoding="utf-8")
    drop(window, url_mime([SEED_003, bad, SEED_004]))
    wait_for_articles(qtbot, window, 2)
    messages = window.message_bar.messages()
    assert any("broken_story.txt" in m for m in messages), messages
    assert window.message_bar.isVisible()


def test_next_difference_moves_the_view(window, qtbot, tmp_path):
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_for_articles(qtbot, window, 2)
    window.reader_tabs.setCurrentWidget(window.reader_box)
    view = window.pair_view
    assert view.model.stops, "the variant must differ somewhere"
    assert view.current_passage is None
    seen_passages, seen_scrolls = set(), set()
    for _ in range(6):
        window.next_diff_action.trigger()
        qtbot.wait(10)
        seen_passages.add(view.current_passage)
        seen_scrolls.add(view.left_pane.verticalScrollBar().value())
    assert None not in seen_passages and len(seen_passages) >= 3
    assert len(seen_scrolls) >= 2, "the pane should scroll to the differences"
    before = view.current_passage
    window.prev_diff_action.trigger()
    assert view.current_passage != before
    # The pane shows the current difference.
    start, end = view.left_pane.current or view.right_pane.current
    pane = view.left_pane if view.left_pane.current else view.right_pane
    top, bottom = pane.range_y(start, end)
    assert 0 <= top < pane.viewport().height()


def test_scrolling_one_pane_moves_the_other(window, qtbot, tmp_path):
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_for_articles(qtbot, window, 2)
    left, right = window.pair_view.left_pane, window.pair_view.right_pane
    left.verticalScrollBar().setValue(left.verticalScrollBar().maximum() // 2)
    assert right.verticalScrollBar().value() > 0


def test_clicking_a_fact_row_shows_its_passages(window, qtbot, tmp_path):
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_for_articles(qtbot, window, 2)
    comparison = window.comparison
    a, b = comparison.articles
    pa, pb = a.passages[-3], b.passages[-3]
    word_a = a.text[pa.start:pa.end].split()[1]
    word_b = b.text[pb.start:pb.end].split()[1]
    sa = a.text.index(word_a, pa.start)
    sb = b.text.index(word_b, pb.start)
    fact = Fact("F1", "number", "conflict", None, f"A says {word_a}, B says {word_b}",
                (Mention("A", pa.id, sa, sa + len(word_a), word_a),
                 Mention("B", pb.id, sb, sb + len(word_b), word_b)))
    agree = Fact("F2", "date", "agree", None, "Both say Tuesday", ())
    with qtbot.waitSignal(window.comparison_shown, timeout=TIMEOUT):
        window.present(replace(comparison, facts=(agree, fact)), window._compared_keys)
    table = window.facts_view.table
    assert window.facts_view.model.rows[0].fact.id == "F1", "conflicts come first"
    rect = table.visualRect(window.facts_view.model.index(0, 2))
    # Reading the story: the fact's row is chosen, its words marked in every article's cell.
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    story = window.story_view
    row = story.model.story.rows[story.current_row()]
    assert pa.id in [p for c in row.cells if c for p in c.passages]
    assert any(span.mark == "conflict" and span.text == word_a
               for c in row.cells if c and c.article == "A" for span in c.spans)
    # Side by side: the passages, with the values marked.
    window.reader_tabs.setCurrentWidget(window.reader_box)
    table.clearSelection()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=rect.center())
    view = window.pair_view
    assert view.left_pane._marks == [(sa, sa + len(word_a))]
    assert view.right_pane._marks == [(sb, sb + len(word_b))]
    for pane, passage in ((view.left_pane, pa), (view.right_pane, pb)):
        top, _ = pane.range_y(passage.start, passage.end)
        assert 0 <= top < pane.viewport().height(), "the fact's passage is scrolled into view"
    # Filter: conflicts only hides the agreeing fact.
    window.facts_view.conflicts_only.setChecked(True)
    assert [r.fact.id for r in window.facts_view.model.rows] == ["F1"]
    # F7 walks conflicts.
    window.next_conflict()
    assert window.facts_view.current_fact().id == "F1"


def test_article_edits_recompare(window, qtbot, tmp_path):
    paths = write_pair(tmp_path / "pair")
    third = tmp_path / "pair" / "third.txt"
    third.write_text(variant_of(paths[0].read_text(encoding="utf-8"), seed=11), encoding="utf-8")
    drop(window, url_mime(paths + [third]))
    wait_for_articles(qtbot, window, 3)
    keys = [e.key for e in window.session.entries]
    window.article_list.include_toggled.emit(keys[2], False)
    wait_for_articles(qtbot, window, 2)
    window.article_list.rename_requested.emit(keys[0], "Renamed report")
    qtbot.waitUntil(lambda: window.comparison is not None
                    and window.comparison.articles[0].title == "Renamed report",
                    timeout=TIMEOUT)
    window.article_list.move_requested.emit(keys[1], -1)
    qtbot.waitUntil(lambda: window.comparison is not None
                    and window.comparison.articles[1].title == "Renamed report",
                    timeout=TIMEOUT)
    window.article_list.remove_requested.emit(keys[1])
    qtbot.waitUntil(lambda: window.comparison is None and len(window.session) == 2,
                    timeout=TIMEOUT)


def test_zoom_and_theme_persist(window, qtbot):
    before = window.text_points
    window.zoom(+1)
    window.set_theme("dark")
    window.settings.sync()
    assert int(window.settings.value("view/text_points")) == before + 1
    assert window.settings.value("view/theme") == "dark"
    window.set_theme("system")


def test_find_marks_matches(window, qtbot, tmp_path):
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_for_articles(qtbot, window, 2)
    window.show_find()
    window.find_edit.setText("Mamdani")
    assert window.pair_view.left_pane._finds
    assert window.find_status.text() == ""


def test_comparison_runs_off_the_gui_thread_while_the_window_keeps_working(window, qtbot,
                                                                          monkeypatch):
    """The pipeline runs in a worker; the GUI thread stays free meanwhile.

    The patched compare blocks until a timer on the GUI thread has fired: if
    the comparison ran on (or blocked) the GUI thread, the timer could not
    fire and the test fails.  How long the loop stalls is measured by
    benchmarks/ui_stall.py, not here.
    """
    import threading
    import desktop.app.operations as main_window

    real_compare = main_window.compare
    timer_fired = threading.Event()
    seen = {}

    def watched(*args, **kwargs):
        seen["thread"] = threading.current_thread()
        seen["gui_ran_meanwhile"] = timer_fired.wait(10)
        return real_compare(*args, **kwargs)

    monkeypatch.setattr(main_window, "compare", watched)
    QTimer.singleShot(50, timer_fired.set)
    drop(window, url_mime([SEED_003, SEED_004]))
    wait_for_articles(qtbot, window, 2)
    assert seen["thread"] is not threading.main_thread()
    assert seen["gui_ran_meanwhile"]


def test_broken_fact_checking_still_shows_the_passages(window, qtbot, monkeypatch):
    import desktop.engine.pipeline as pipeline

    def broken(*_args, **_kwargs):
        raise ValueError("no facts today")

    monkeypatch.setattr(pipeline.facts_stage, "find_facts", broken)
    drop(window, url_mime([SEED_003, SEED_004]))
    wait_for_articles(qtbot, window, 2)
    assert any("Facts could not be checked" in m for m in window.message_bar.messages())


def test_shortcuts_work_with_focus_in_a_pane(window, qtbot, tmp_path):
    from PySide6.QtGui import QGuiApplication
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_for_articles(qtbot, window, 2)
    window.reader_tabs.setCurrentWidget(window.reader_box)
    pane = window.pair_view.left_pane
    pane.setFocus()
    qtbot.keyClick(pane, Qt.Key_Down, Qt.AltModifier)
    assert window.pair_view.current_passage is not None
    QGuiApplication.clipboard().setText(variant_of(SEED_003.read_text(encoding="utf-8"), seed=11))
    qtbot.keyClick(pane, Qt.Key_V, Qt.ControlModifier)
    wait_for_articles(qtbot, window, 3)


def test_overview_strip_click_jumps(window, qtbot, tmp_path):
    drop(window, url_mime(write_pair(tmp_path / "pair")))
    wait_for_articles(qtbot, window, 2)
    strip = window.pair_view.left_strip
    bar = window.pair_view.left_pane.verticalScrollBar()
    assert bar.value() == 0
    from PySide6.QtCore import QPoint
    qtbot.mouseClick(strip, Qt.LeftButton, pos=QPoint(strip.width() // 2, strip.height() - 5))
    assert bar.value() > 0


def test_cancel_stops_the_comparison(window, qtbot, tmp_path):
    write_many(tmp_path / "many", 20, 600)
    drop(window, url_mime([tmp_path / "many"]))
    qtbot.waitUntil(lambda: window.comparer.busy, timeout=TIMEOUT)
    assert window.cancel_button.isVisible()
    qtbot.mouseClick(window.cancel_button, Qt.LeftButton)
    assert not window.comparison_busy()
    assert not window.cancel_button.isVisible()
    qtbot.wait(1500)  # a late result from the cancelled run must not appear
    assert window.comparison is None


def test_task_runner_drops_stale_results(qtbot):
    from desktop.app.tasks import TaskRunner
    runner = TaskRunner()
    results = []
    runner.finished.connect(results.append)

    def slow(progress, cancel):
        time.sleep(0.3)
        return "old"

    runner.start(slow)
    runner.start(lambda progress, cancel: "new")
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    qtbot.wait(500)
    assert results == ["new"]


def test_a_task_whose_window_closed_meanwhile_ends_quietly(qtbot, capfd):
    # Closing the window deletes its runner while the comparison or export
    # still runs: the work must stop at its next progress step, with no
    # traceback from the pool thread and nothing delivered anywhere.
    import shiboken6
    from PySide6.QtCore import QObject
    from desktop.app.tasks import TaskRunner

    owner = QObject()
    runner = TaskRunner(owner)
    steps = []

    def job(progress, cancel):
        for k in range(40):
            time.sleep(0.01)
            steps.append(k)
            progress("compare", k / 40)
        return "done"

    runner.start(job)
    qtbot.waitUntil(lambda: len(steps) >= 2, timeout=5000)
    shiboken6.delete(owner)
    qtbot.wait(600)
    assert len(steps) < 40  # stopped early instead of running to the end for nobody
    assert "Traceback" not in capfd.readouterr().err
