"""Shared helpers for the app tests (no tests here): article fixtures and simulated drops."""
from __future__ import annotations

import random
import re
import warnings
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from conftest import SEED_003, SEEDS

_SENTENCE_END = re.compile(r"(?<=[.!?’”])\s+")


def seed_sentences() -> list[str]:
    """Sentences of the seed articles' body paragraphs (long lines only, so menus are out)."""
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if len(line) > 120:
                sentences += [s for s in _SENTENCE_END.split(line) if len(s.split()) >= 6]
    return sentences


def variant_of(text: str, seed: int = 3) -> str:
    """Another telling of ``text``: some words changed, some sentences dropped,
    two paragraphs swapped and one new sentence, like a second outlet's report."""
    rng = random.Random(seed)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    out = []
    for paragraph in paragraphs:
        kept = []
        for sentence in _SENTENCE_END.split(paragraph):
            roll = rng.random()
            if roll < 0.1:
                continue
            if roll < 0.45:
                words = sentence.split()
                if len(words) > 6:
                    words[rng.randrange(len(words))] = rng.choice(
                        ["reportedly", "nearly", "several", "Tuesday", "sharply"])
                sentence = " ".join(words)
            kept.append(sentence)
        if kept:
            out.append(" ".join(kept))
    if len(out) > 6:
        out[2], out[5] = out[5], out[2]
    out.insert(4, "In a separate statement, the city's press office said the mayor would travel "
                  "to Albany next week to discuss the budget with state lawmakers.")
    return "\n\n".join(out)


def write_pair(folder: Path) -> list[Path]:
    """Seed 003 and a variant of it: a pair that aligns well, with differences."""
    folder.mkdir(parents=True, exist_ok=True)
    original = SEED_003.read_text(encoding="utf-8")
    first = folder / "report_one.txt"
    second = folder / "report_two.txt"
    first.write_text(original, encoding="utf-8")
    second.write_text(variant_of(original), encoding="utf-8")
    return [first, second]


def write_many(folder: Path, count: int, words: int = 600, seed: int = 7) -> list[Path]:
    """``count`` articles of about ``words`` words each, mixed from seed sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = seed_sentences()
    rng = random.Random(seed)
    paths = []
    for n in range(count):
        chosen, total = [], 0
        while total < words:
            sentence = rng.choice(pool)
            chosen.append(sentence)
            total += len(sentence.split())
        paragraphs = [" ".join(chosen[i:i + 3]) for i in range(0, len(chosen), 3)]
        path = folder / f"article_{n:02d}.txt"
        path.write_text("\n\n".join(paragraphs), encoding="utf-8")
        paths.append(path)
    return paths


def drop(widget, mime: QMimeData) -> bool:
    """Send a drag-enter and a drop of ``mime`` onto ``widget``, as a user's drag would."""
    pos = QPointF(widget.width() / 2, widget.height() / 2)
    with warnings.catch_warnings():
        # PySide flags the only QDragEnterEvent constructor Qt 6 has as deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(pos.toPoint(), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    event = QDropEvent(pos, Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier, QEvent.Drop)
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def url_mime(paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def text_mime(text: str) -> QMimeData:
    mime = QMimeData()
    mime.setText(text)
    return mime


def open_window(qtbot, tmp_path, **options):
    """A shown main window with its own settings file, for one test."""
    from PySide6.QtCore import QSettings
    from desktop.app.main_window import MainWindow
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)
    win = MainWindow(settings, **options)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win
