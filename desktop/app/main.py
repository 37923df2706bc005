"""Start the desktop app: ``run_app(argv) -> exit code``.

``parallax [FILE|FOLDER|LINK ...]`` opens the window (with those compared).
``--verbose`` prints debug detail to stderr; warnings and errors (with
tracebacks) go to the log file in the data folder either way (see
:mod:`desktop.app.paths`, which owns the settings, autosave and log places).
``--smoke`` opens, waits for the comparison, prints a one-line summary and
exits (for packaging CI).  Hidden options for looking at the app:
``--screenshot PATH`` saves the window once the comparison is shown, with
``--theme``, ``--tab``, ``--pair`` (the side-by-side close-up instead of the
story table), ``--size``, ``--next-diff N`` and ``--fact N`` to choose what
the picture shows (``docs/screenshots/take.sh`` takes the README's pictures).
"""
from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path
from typing import Sequence

from ..engine.wording import plural

_SMOKE_TIMEOUT_MS = 120_000


def _parser() -> argparse.ArgumentParser:
    from ..cli import INPUTS_HELP, ArgumentParser
    parser = ArgumentParser(prog="parallax",
                            description="Open the Parallax desktop app, with the articles given "
                                        f"compared: {INPUTS_HELP}.  For the command line "
                                        "without a window: parallax compare -h.")
    parser.add_argument("files", nargs="*", metavar="FILE|FOLDER|LINK",
                        help="articles to open: " + INPUTS_HELP)
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print debug detail to stderr")
    parser.add_argument("--smoke", action="store_true",
                        help="open, wait for the comparison, print a summary and exit")
    hidden = argparse.SUPPRESS
    parser.add_argument("--screenshot", metavar="PATH", help=hidden)
    parser.add_argument("--theme", choices=("system", "light", "dark"), help=hidden)
    parser.add_argument("--tab", choices=("facts", "overview"), help=hidden)
    parser.add_argument("--pair", action="store_true", help=hidden)
    parser.add_argument("--pair-of", metavar="LEFT,RIGHT", help=hidden)  # e.g. A,B
    parser.add_argument("--size", default="1600x1000", help=hidden)
    parser.add_argument("--next-diff", type=int, default=0, help=hidden)
    parser.add_argument("--fact", type=int, default=-1, help=hidden)
    parser.add_argument("--timings", action="store_true", help=hidden)
    return parser


def summary_line(comparison) -> str:
    """One line for ``--smoke``: articles, groups, conflicts."""
    if comparison is None:
        return "parallax: no comparison (fewer than two readable articles)"
    conflicts = sum(1 for f in comparison.facts if f.status == "conflict")
    return (f"parallax: {plural(len(comparison.articles), 'article')}, "
            f"{plural(len(comparison.groups), 'group')}, {plural(conflicts, 'conflict')}, "
            f"{plural(len(comparison.facts), 'fact')}, {len(comparison.errors)} unreadable")


def run_app(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, or bad usage (already explained, exit code 1)
        return exc.code if isinstance(exc.code, int) else 1
    automated = bool(args.smoke or args.screenshot)
    from . import paths
    # CI and screenshot runs log to stderr only: they never touch the user's folders.
    log_file = paths.start_logging(args.verbose, to_file=not automated, echo_warnings=automated)
    restore_hooks = paths.install_excepthooks()
    try:
        return _run(args, automated)
    finally:
        logging.getLogger("desktop.app").debug("app closed; log file %s", log_file)
        restore_hooks()
        paths.stop_logging()


def _run(args: argparse.Namespace, automated: bool) -> int:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ..engine.resources import seeds_dir
    from . import paths, styles
    from .main_window import MainWindow
    from .memory import freeze_start_up
    from .refcount_guard import guard_none

    guard_none()

    paths.identify_application()  # before any settings or location is asked for
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "parallax"])
    app.setStyle("Fusion")
    from PySide6.QtGui import QIcon
    from ..engine.resources import resource_path
    for name in ("parallax.svg", "parallax.png"):
        icon_file = resource_path("icons", name)
        if icon_file.exists():
            app.setWindowIcon(QIcon(str(icon_file)))
            break
    app.setFont(styles.ui_font(10))

    if automated:
        # Never let a CI or screenshot run touch (or depend on) the user's settings.
        scratch = Path(tempfile.mkdtemp(prefix="parallax-settings-")) / "settings.ini"
        settings = QSettings(str(scratch), QSettings.IniFormat)
    else:
        settings = paths.open_settings()
        paths.migrate_legacy_autosave()
    if args.theme:
        settings.setValue("view/theme", args.theme)

    # Asking to save on close and the autosave are for people, not for CI or
    # screenshot runs (which must neither block nor touch the user's autosave).
    window = MainWindow(settings, ask_to_save=not automated, autosave=not automated,
                        autosave_dir=paths.data_dir())
    if automated:
        width, _, height = args.size.partition("x")
        window.resize(int(width), int(height))
    window.show()
    freeze_start_up()  # start-up objects out of the full collections that stall the window
    if args.timings:
        # Wall-clock stamps, so a launcher can subtract its own start time.
        import time
        QTimer.singleShot(0, lambda: print(f"timing window_visible {time.time():.4f}", flush=True))
        window.comparison_shown.connect(
            lambda _c: print(f"timing comparison_shown {time.time():.4f}", flush=True))

    files = list(args.files)
    if args.smoke and not files:
        files = [str(seeds_dir())]
    outcome = {"code": 0}

    def finish(code: int) -> None:
        outcome["code"] = code
        app.quit()

    if args.smoke:
        def on_settled() -> None:
            if window.comparison is not None and window.shown_comparison is not window.comparison:
                QTimer.singleShot(50, on_settled)  # the panels are still filling
                return
            print(summary_line(window.comparison), flush=True)
            if args.screenshot:
                window.grab().save(args.screenshot)
            finish(0 if window.comparison is not None else 1)

        window.settled.connect(on_settled)
        QTimer.singleShot(_SMOKE_TIMEOUT_MS, lambda: (print("parallax: smoke test timed out",
                                                            file=sys.stderr), finish(1)))
    elif args.screenshot:
        def shoot() -> None:
            if args.pair or args.pair_of:
                window.reader_tabs.setCurrentWidget(window.reader_box)
            if args.pair_of:
                window.show_pair(*args.pair_of.split(",", 1))
            for _ in range(args.next_diff):
                window.next_difference()
            if args.tab:
                window.tabs.setCurrentWidget(window.overview_view if args.tab == "overview"
                                             else window.facts_view)
                # Give the panel room in the picture.
                window.right_split.setSizes([520, 420])
            if args.fact >= 0 and window.comparison is not None:
                rows = window.facts_view.model.rows
                if args.fact < len(rows):
                    window.facts_view.select_fact(rows[args.fact].fact.id)
            # Let layout and painting settle before grabbing.
            QTimer.singleShot(300, lambda: (window.grab().save(args.screenshot), finish(0)))

        if files:
            window.comparison_shown.connect(lambda _c: QTimer.singleShot(100, shoot))
        else:
            QTimer.singleShot(400, shoot)

    if files:
        window.load_paths(files)
    if not automated:
        # A comparison left behind by a crash is offered back in the message bar.
        QTimer.singleShot(0, window.sessions.offer_autosave)
    app.exec()
    return outcome["code"]
