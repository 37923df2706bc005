"""Export, saved sessions and the autosave, driven through the real window (offscreen Qt)."""
from __future__ import annotations

import json

import pytest

from desktop.app.paths import autosave_path
from desktop.engine.session import SUFFIX, load_session
from app_helpers import drop, url_mime, variant_of, write_pair

TIMEOUT = 30_000


def wait_settled(qtbot, window, count):
    qtbot.waitUntil(lambda: window.comparison is not None
                    and len(window.comparison.articles) == count
                    and not window.comparison_busy()
                    and window.shown_comparison is window.comparison, timeout=TIMEOUT)


def load_three(qtbot, window, folder):
    paths = write_pair(folder)
    # A third telling of the same event (an article of another event would be set apart).
    third = folder / "third.txt"
    third.write_text(variant_of(paths[0].read_text(encoding="utf-8"), seed=11), encoding="utf-8")
    drop(window, url_mime(paths + [third]))
    wait_settled(qtbot, window, 3)
    return paths + [third]


# --- export -------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,suffix,probe", [
    ("html", ".html", b"<html"), ("pdf", ".pdf", b"%PDF"), ("md", ".md", b"#"),
    ("csv", ".csv", b","), ("json", ".json", b"parallax.comparison")])
def test_export_each_format_from_the_dialog(window, qtbot, tmp_path, fmt, suffix, probe):
    load_three(qtbot, window, tmp_path / "in")
    dialog = window.show_export_dialog()
    assert dialog is not None and dialog.isVisible()
    # Defaults: every compared (included) article ticked.
    assert dialog.chosen_articles() == ("A", "B", "C")
    dialog.set_format(fmt)
    assert dialog.path().endswith(suffix), "the file name follows the format"
    target = tmp_path / "out" / f"report{suffix}"
    target.parent.mkdir()
    dialog.set_path(str(target))
    if fmt != "json":
        dialog.set_articles(["A", "C"])
        dialog.conflicts_only.setChecked(True)
        assert dialog.options().articles == ("A", "C")
        assert dialog.options().conflicts_only
    dialog.export_button.click()
    # Written on a worker thread, with progress in the status bar meanwhile.
    assert window.exporter.busy and window.progress_bar.isVisibleTo(window)
    qtbot.waitUntil(lambda: any(str(target) in m and "Report saved" in m
                                for m in window.message_bar.messages()), timeout=TIMEOUT)
    assert not window.exporter.busy and not window.progress_bar.isVisibleTo(window)
    assert target.is_file() and target.stat().st_size > 0
    assert probe in target.read_bytes()[:4000]
    # The folder and format are remembered for next time.
    assert window.settings.value("export/format") == fmt
    again = window.show_export_dialog()
    assert again.format() == fmt
    assert again.path().startswith(str(target.parent))
    again.reject()


def test_export_error_goes_to_the_message_bar(window, qtbot, tmp_path):
    load_three(qtbot, window, tmp_path / "in")
    dialog = window.show_export_dialog()
    dialog.set_format("html")
    dialog.set_path(str(tmp_path / "no" / "such" / "folder" / "report.html"))
    (tmp_path / "no").write_text("a file where a folder should be", encoding="utf-8")
    dialog.export_button.click()
    qtbot.waitUntil(lambda: any("Could not export" in m and "report.html" in m
                                for m in window.message_bar.messages()), timeout=TIMEOUT)
    assert window.comparison is not None


def test_export_needs_an_article_ticked(window, qtbot, tmp_path):
    load_three(qtbot, window, tmp_path / "in")
    dialog = window.show_export_dialog()
    dialog.set_format("md")
    dialog.set_articles([])
    assert not dialog.export_button.isEnabled()
    dialog.set_format("json")  # JSON always covers every article
    assert dialog.export_button.isEnabled()
    dialog.reject()


def test_export_without_a_comparison_explains(window):
    assert not window.export_action.isEnabled()
    assert window.show_export_dialog() is None
    assert any("two articles" in m for m in window.message_bar.messages())


# --- sessions -----------------------------------------------------------------------------

def test_save_and_open_restores_everything_without_the_files(make_window, qtbot, tmp_path):
    window = make_window()
    paths = load_three(qtbot, window, tmp_path / "in")
    assert window.is_modified() and "•" in window.windowTitle()
    keys = [e.key for e in window.session.entries]
    window.article_list.rename_requested.emit(keys[0], "My own name")
    qtbot.waitUntil(lambda: window.comparison.articles[0].title == "My own name", timeout=TIMEOUT)
    window.show_pair("A", "C")
    window.article_list.include_toggled.emit(keys[1], False)
    wait_settled(qtbot, window, 2)
    window.tabs.setCurrentWidget(window.overview_view)
    target = tmp_path / "saved" / f"story{SUFFIX}"
    target.parent.mkdir()
    assert window.sessions.save_to(target)
    assert window.windowTitle() == "story — Parallax"
    assert not window.is_modified()
    assert str(target) in window.recent_sessions()
    for path in paths:
        path.unlink()

    other = make_window()
    assert other.sessions.open(target)
    wait_settled(qtbot, other, 2)
    entries = other.session.entries
    assert [e.document.title for e in entries][0] == "My own name"
    assert [e.included for e in entries] == [True, False, True]
    assert [e.document.source for e in entries] == [str(p) for p in paths]
    assert other.article_list.row_count() == 3
    left = other.pair_view.left_pick.currentData()
    right = other.pair_view.right_pick.currentData()
    assert (other.comparison.article(left).title, other.comparison.article(right).source) == \
        ("My own name", str(paths[2]))
    assert other.tabs.currentWidget() is other.overview_view
    assert other.windowTitle() == "story — Parallax", "freshly opened: nothing unsaved"
    # A change marks it; Save writes back to the same file.
    other.article_list.include_toggled.emit(entries[1].key, True)
    assert "•" in other.windowTitle()
    assert other.sessions.save()
    assert load_session(target).included == (True, True, True)
    # Open Recent lists the session.
    actions = [a for a in other.recent_menu.actions() if a.data() == str(target)]
    assert actions


def test_damaged_session_keeps_the_current_articles(window, qtbot, tmp_path):
    load_three(qtbot, window, tmp_path / "in")
    before = [e.document.source for e in window.session.entries]
    bad = tmp_path / f"broken{SUFFIX}"
    bad.write_text('{"format": "parallax.session", "version": 1, "documents": [', encoding="utf-8")
    newer = tmp_path / f"future{SUFFIX}"
    newer.write_text(json.dumps({"format": "parallax.session", "version": 99, "documents": []}),
                     encoding="utf-8")
    assert not window.sessions.open(bad)
    assert not window.sessions.open(newer)
    messages = window.message_bar.messages()
    assert any(str(bad) in m and "damaged" in m for m in messages), messages
    assert any(str(newer) in m and "newer Parallax" in m for m in messages), messages
    assert [e.document.source for e in window.session.entries] == before
    assert window.comparison is not None and len(window.comparison.articles) == 3


def test_dropping_a_session_file_opens_it(make_window, qtbot, tmp_path):
    window = make_window()
    load_three(qtbot, window, tmp_path / "in")
    target = tmp_path / f"dropped{SUFFIX}"
    assert window.sessions.save_to(target)
    other = make_window()
    drop(other, url_mime([target]))
    wait_settled(qtbot, other, 3)
    assert other.sessions.path == str(target)


# --- autosave -----------------------------------------------------------------------------

def test_autosave_is_written_and_offered_back(make_window, qtbot, tmp_path, data_dir):
    window = make_window(autosave=True)
    window.sessions.autosave_delay_ms = 50
    load_three(qtbot, window, tmp_path / "in")
    keys = [e.key for e in window.session.entries]
    window.article_list.include_toggled.emit(keys[2], False)
    wait_settled(qtbot, window, 2)
    qtbot.waitUntil(lambda: autosave_path().is_file()
                    and load_session(autosave_path()).included == (True, True, False),
                    timeout=TIMEOUT)
    assert autosave_path().parent == data_dir
    # A crash: the window goes without a clean exit, the autosave stays.
    window.sessions.stop_autosave()

    fresh = make_window(autosave=True)
    assert fresh.sessions.offer_autosave()
    offers = [m for m in fresh.message_bar.messages() if m.startswith("Restore the comparison")]
    assert offers and "(3 articles, autosaved at " in offers[0], offers
    row = fresh.message_bar.rows()[-1]
    buttons = fresh.message_bar.buttons(row)
    assert set(buttons) == {"Restore", "Discard"}
    buttons["Restore"].click()
    wait_settled(qtbot, fresh, 2)
    assert [e.included for e in fresh.session.entries] == [True, True, False]
    assert fresh.is_modified(), "a restored comparison is not saved anywhere yet"
    # An explicit save clears the autosave.
    assert fresh.sessions.save_to(tmp_path / f"kept{SUFFIX}")
    assert not autosave_path().exists()


def test_discard_clears_the_autosave_and_clean_close_leaves_none(make_window, qtbot, tmp_path):
    window = make_window(autosave=True)
    window.sessions.autosave_delay_ms = 50
    load_three(qtbot, window, tmp_path / "in")
    qtbot.waitUntil(autosave_path().is_file, timeout=TIMEOUT)
    window.close()
    assert not autosave_path().exists(), "a clean exit leaves no autosave"

    from desktop.engine.session import Session, write_autosave
    from desktop.engine.model import Document
    write_autosave(Session((Document("a.txt", "One two three."), Document("b.txt", "Four."))),
                   window.sessions.autosave_dir)
    unanswered = make_window(autosave=True)
    assert unanswered.sessions.offer_autosave()
    unanswered.close()
    assert autosave_path().exists(), "an offer not yet answered survives a clean exit"

    fresh = make_window(autosave=True)
    assert fresh.sessions.offer_autosave()
    fresh.message_bar.buttons(fresh.message_bar.rows()[-1])["Discard"].click()
    assert not autosave_path().exists()
    assert len(fresh.session) == 0


def test_unreadable_autosave_is_kept_aside_and_named(make_window, data_dir):
    data_dir.mkdir(parents=True)
    autosave_path().write_text('{"format": "parallax.session", "version": 7, "documents": []}',
                               encoding="utf-8")
    window = make_window(autosave=True)
    assert not window.sessions.offer_autosave()
    kept = list(data_dir.glob("autosave-unreadable-*" + SUFFIX))
    assert len(kept) == 1 and not autosave_path().exists()
    assert any(str(kept[0]) in m and "newer Parallax" in m
               for m in window.message_bar.messages())


def test_close_asks_to_save_only_when_asked_to(make_window, qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox
    asked = []

    def answer_with(button):
        def answer(box):
            asked.append(box.text())
            return button
        return answer

    quiet = make_window()
    quiet.sessions.ask = answer_with(QMessageBox.Cancel)
    load_three(qtbot, quiet, tmp_path / "one")
    assert quiet.close() and not asked

    careful = make_window(ask_to_save=True)
    careful.sessions.ask = answer_with(QMessageBox.Cancel)
    load_three(qtbot, careful, tmp_path / "two")
    assert not careful.close(), "Cancel keeps the window open"
    assert asked and "Save the changes" in asked[0]
    careful.sessions.ask = answer_with(QMessageBox.Discard)
    assert careful.close()


def test_a_pair_picked_by_the_app_is_not_an_unsaved_change(window, qtbot, tmp_path):
    from desktop.engine.model import Document
    from desktop.engine.session import Session, save_session
    from app_helpers import variant_of
    from conftest import SEED_003
    text = SEED_003.read_text(encoding="utf-8")
    target = tmp_path / f"nopair{SUFFIX}"
    save_session(target, Session((Document("one.txt", text, title="One"),
                                  Document("two.txt", variant_of(text), title="Two"))))
    assert window.sessions.open(target)
    wait_settled(qtbot, window, 2)
    assert window.windowTitle() == "nopair — Parallax"
    assert not window.is_modified()


def test_cancelling_an_export_leaves_no_file(window, qtbot, tmp_path, monkeypatch):
    import time
    from desktop.app import operations
    load_three(qtbot, window, tmp_path / "in")
    real = operations.render

    def slow_render(*args, **kwargs):
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(operations, "render", slow_render)
    target = tmp_path / "report.md"
    window.exporter.start(window.comparison, str(target), "md", None)
    assert window.cancel_button.isVisibleTo(window)
    window.cancel_button.click()
    assert not window.exporter.busy and not window.progress_bar.isVisibleTo(window)
    qtbot.wait(600)
    assert not target.exists()
    assert not any("Report saved" in m for m in window.message_bar.messages())
