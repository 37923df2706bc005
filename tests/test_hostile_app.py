"""Hostile inputs (issue 16) in the app: a deep or huge autosave is moved aside with a
message instead of crashing every start; outside text in the message bar is never markup."""
from __future__ import annotations

import pytest

from desktop.app.paths import autosave_path
from desktop.engine.session import SUFFIX


@pytest.mark.parametrize("settings", ["[" * 100_000 + "]" * 100_000, "9" * 5000])
def test_deep_or_huge_autosave_is_moved_aside_with_a_message(make_window, data_dir, settings):
    data_dir.mkdir(parents=True)
    autosave_path().write_text('{"format": "parallax.session", "version": 1, "documents": [], '
                               f'"settings": {settings}}}', encoding="utf-8")
    window = make_window(autosave=True)
    assert not window.offer_autosave()
    kept = list(data_dir.glob("autosave-unreadable-*" + SUFFIX))
    assert len(kept) == 1 and not autosave_path().exists()
    assert any(str(kept[0]) in m and "damaged" in m for m in window.message_bar.messages())


def test_message_bar_shows_markup_as_text(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel
    from desktop.app.message_bar import MessageBar
    bar = MessageBar()
    qtbot.addWidget(bar)
    row = bar.show_message('cannot read <b style="color:green">✔ Saved. All facts agree</b>.txt')
    labels = [l for l in row.findChildren(QLabel) if "Saved" in l.text()]
    assert labels and all(l.textFormat() == Qt.PlainText for l in labels)


def test_no_label_of_the_window_renders_an_articles_markup(make_window, qtbot, tmp_path):
    """Titles and names come from outside: every label shows them as text, never as markup."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from conftest import SEED_003

    spoof = '<h1 style="color:green">✔ Saved. All facts agree</h1>'
    body = SEED_003.read_text(encoding="utf-8")
    paths = []
    for n in range(2):
        path = tmp_path / f"spoof{n}.txt"
        path.write_text(f"{spoof}\n\n{body}", encoding="utf-8")
        paths.append(str(path))
    window = make_window()
    window.load_paths(paths)
    qtbot.waitUntil(lambda: window.shown_comparison is not None, timeout=30_000)
    labels = window.findChildren(QLabel)
    assert any("Saved. All facts agree" in label.text() for label in labels), "no label shows the title"
    rich = [label.text() for label in labels if label.textFormat() != Qt.PlainText]
    assert not rich, rich
