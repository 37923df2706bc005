"""Keep Python's cycle collector on the GUI thread while background work runs.

CPython runs a cycle collection in whichever thread happens to allocate past
the collector's threshold.  In a worker thread such a pass can free a Qt
object that belongs to the GUI thread (a closed window's widgets, still held
in a reference cycle), and Qt then deletes it from the wrong thread: the
process died so with a segmentation fault while a worker rendered a CSV
report in the test suite.  So while any background job runs, automatic
collection is off and a timer on the GUI thread collects instead, one
generation at a time as CPython's own thresholds would; when the last job
has ended, automatic collection comes back.

:func:`job_started` (on the GUI thread, before the job's thread starts) and
:func:`job_ended` (on any thread, when the job is done) bracket each job.
Without a Qt application both do nothing.
"""
from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QCoreApplication, QObject, QTimer

TICK_MS = 200  # how often the GUI thread looks for due collections while jobs run


class _Collector(QObject):
    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._lock = threading.Lock()
        self._jobs = 0
        self._disabled_here = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def started(self) -> None:
        with self._lock:
            self._jobs += 1
        if gc.isenabled():
            gc.disable()
            self._disabled_here = True
        if not self._timer.isActive():
            self._timer.start()

    def ended(self) -> None:
        with self._lock:
            self._jobs = max(0, self._jobs - 1)

    def _tick(self) -> None:
        collect_due()
        with self._lock:
            idle = self._jobs == 0
        if idle:
            self._timer.stop()
            if self._disabled_here:
                self._disabled_here = False
                gc.enable()


_collector: _Collector | None = None


def _instance() -> _Collector | None:
    global _collector
    app = QCoreApplication.instance()
    if app is None:
        return None
    try:
        current = _collector is not None and _collector.parent() is app
    except RuntimeError:  # the application it belonged to is gone
        current = False
    if not current:
        _collector = _Collector(app)
    return _collector


def job_started() -> None:
    """A background job is about to start: from now on only the GUI thread collects."""
    collector = _instance()
    if collector is not None:
        collector.started()


def job_ended() -> None:
    """A background job is done (any thread); automatic collection returns after the last."""
    if _collector is not None:
        _collector.ended()


def collect_due() -> int | None:
    """Run the collection CPython would run now, if any: the oldest generation over its
    threshold.  Returns the generation collected, or None."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return generation
    return None
