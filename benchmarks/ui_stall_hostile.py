"""Longest event-loop stall while the app reads huge inputs (issue 16).

Three cases, each loaded through the window's own ``load_paths`` beside one
ordinary article, while a 10 ms QTimer ticks on the GUI thread: a 49 MB text
file (just under the 50 MB cap), a folder of 10,000 small files, and an article holding one
500,000-character word.  Each case must end (a result or a clear message)
within 30 s and the longest gap between ticks should stay under 100 ms.

    python benchmarks/ui_stall_hostile.py
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from ui_stall import close, longest_stall, open_window  # noqa: E402

SEED = ROOT / "seeds" / "003_4ecc2cef7e96f6a9.txt"


def cases(folder: Path) -> dict[str, list[str]]:
    body = SEED.read_text(encoding="utf-8")
    huge = folder / "huge.txt"
    with huge.open("w", encoding="utf-8") as out:
        while out.tell() < 49 * 1024 * 1024:  # just under the 50 MB cap
            out.write(body + "\n\n")
    many = folder / "many"
    many.mkdir()
    for n in range(10_000):
        (many / f"{n:05d}.txt").write_text(f"Note {n}. The council met on Tuesday.\n", encoding="utf-8")
    token = folder / "token.txt"
    token.write_text(body + "\n\n" + "x" * 500_000 + "\n", encoding="utf-8")
    return {"49 MB text file": [str(huge), str(SEED)],
            "10,000-file folder": [str(many)],
            "500,000-character word": [str(token), str(SEED)]}


def one_run(app, paths: list[str], settings_dir: str) -> tuple[float, float, str]:
    window = open_window(settings_dir)
    settled = []
    window.settled.connect(lambda: settled.append(True))
    stall, took = longest_stall(app, window, paths, lambda: bool(
        settled and not window.comparison_busy() and window.story_view.measured()
        and (window.comparison is None or window.shown_comparison is window.comparison)), limit=60)
    outcome = (f"{len(window.comparison.articles)} articles compared" if window.comparison is not None
               else f"{len(window.session)} article(s) read, nothing to compare")
    close(app, window)
    return stall, took, outcome


def main() -> int:
    from PySide6.QtWidgets import QApplication
    from desktop.app.refcount_guard import guard_none
    guard_none()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        for name, paths in cases(Path(tmp)).items():
            stall, took, outcome = one_run(app, paths, tempfile.mkdtemp(dir=tmp))
            print(f"{name}: settled in {took:.1f} s ({outcome}), longest event-loop stall {stall:.0f} ms "
                  "(target < 100 ms)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
