"""Longest event-loop stall while the app reads and compares 20 articles.

A 10 ms QTimer ticks on the GUI thread while 20 articles of about 600 words
(mixed from the seed sentences; ``--words 1500`` for the issue's size) are
loaded through the window's own ``load_paths``, until every view shows the
result and the story table has measured all its rows; the longest gap between
ticks is how long the window could not repaint or take input.  Target: under
100 ms.  Reports the median and the worst of N runs (default 5), each in a
fresh window.

    python benchmarks/ui_stall.py [--runs 5] [--words 600]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app_helpers import write_many  # noqa: E402  (the articles the app tests use)

def open_window(settings_dir: str):
    """A shown window with scratch settings, start-up objects frozen as the launcher does."""
    from PySide6.QtCore import QSettings
    from desktop.app.main_window import MainWindow
    from desktop.app.memory import freeze_start_up

    settings = QSettings(os.path.join(settings_dir, "settings.ini"), QSettings.IniFormat)
    window = MainWindow(settings)
    window.resize(1400, 900)
    window.show()
    freeze_start_up()  # as the app's launcher does once its window is up
    return window


def longest_stall(app, window, paths: list[str], done, limit: float = 120) -> tuple[float, float]:
    """Load ``paths`` into ``window`` until ``done()``; (longest tick gap in ms, seconds taken)."""
    from PySide6.QtCore import QTimer

    gaps, last = [], [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    start = time.perf_counter()
    window.load_paths(paths)
    while time.perf_counter() - start < limit:
        app.processEvents()
        if done():
            break
        time.sleep(0.002)
    else:
        raise SystemExit(f"the window did not settle in {limit:.0f} s")
    took = time.perf_counter() - start
    timer.stop()
    return max(gaps) * 1000, took


def close(app, window) -> None:
    window.close()
    window.deleteLater()
    app.processEvents()


def one_run(app, paths: list[str], settings_dir: str) -> float:
    window = open_window(settings_dir)
    stall, _ = longest_stall(app, window, paths, lambda: (
        window.comparison is not None and len(window.comparison.articles) == len(paths)
        and not window.comparison_busy() and window.shown_comparison is window.comparison
        and window.story_view.measured()))
    close(app, window)
    return stall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=600, help="words an article (default 600)")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication
    from desktop.app.refcount_guard import guard_none
    guard_none()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    stalls = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = [str(p) for p in write_many(Path(tmp) / "articles", 20, args.words)]
        for n in range(args.runs):
            stalls.append(one_run(app, paths, tempfile.mkdtemp(dir=tmp)))
            print(f"run {n + 1}: longest stall {stalls[-1]:.0f} ms", flush=True)
    print(f"20 articles of {args.words} words: longest event-loop stall median {statistics.median(stalls):.0f} ms, "
          f"worst {max(stalls):.0f} ms over {args.runs} runs (target < 100 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
