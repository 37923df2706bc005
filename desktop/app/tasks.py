"""Run slow work (reading, comparing) off the UI thread.

``TaskRunner.start(job)`` runs ``job(progress, should_cancel)`` on a
QThreadPool worker and reports back through queued signals, tagged with a
generation number.  Starting a new task or calling ``cancel()`` bumps the
generation, so a result that arrives after the input changed is dropped
instead of overwriting newer work.
"""
from __future__ import annotations

import sys
import threading
import time
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..engine.errors import Cancelled
from . import gui_thread_gc

Job = Callable[[Callable[[str, float], None], Callable[[], bool]], Any]

# Progress is throttled: a signal per pipeline step would flood the UI queue.
_PROGRESS_INTERVAL = 0.05
_SWITCH_INTERVAL = 0.001


class _Relay(QObject):
    """Lives in the UI thread; the worker emits, Qt queues the calls across."""

    progress = Signal(int, str, float)
    finished = Signal(int, object)
    failed = Signal(int, str)
    cancelled = Signal(int)


class _Worker(QRunnable):
    def __init__(self, job: Job, generation: int, relay: _Relay, cancel_flag: threading.Event):
        super().__init__()
        self.job = job
        self.generation = generation
        self.relay = relay
        self.cancel_flag = cancel_flag
        self._last_progress = 0.0

    def _progress(self, stage: str, fraction: float) -> None:
        # Let the UI thread take the GIL now rather than at the next forced switch.
        time.sleep(0)
        now = time.monotonic()
        if now - self._last_progress >= _PROGRESS_INTERVAL or fraction >= 1.0:
            self._last_progress = now
            if not self._tell(self.relay.progress, self.generation, stage, fraction):
                # Nobody is left to show the result: stop the work.
                raise Cancelled("the window that asked is gone")

    @Slot()
    def run(self) -> None:
        try:
            result = self.job(self._progress, self.cancel_flag.is_set)
        except Cancelled:
            self._tell(self.relay.cancelled, self.generation)
        except Exception as exc:  # report, never crash the worker thread
            traceback.print_exc()
            self._tell(self.relay.failed, self.generation, f"{type(exc).__name__}: {exc}")
        else:
            self._tell(self.relay.finished, self.generation, result)
        finally:
            gui_thread_gc.job_ended()

    def _tell(self, signal, *args) -> bool:
        """Emit to the UI thread; False when the runner (and its window) was closed meanwhile.

        Closing a window while its export or comparison still runs deletes the
        relay under the worker; PySide then raises on emit, which must end the
        work quietly instead of as a traceback from a pool thread.
        """
        try:
            signal.emit(*args)
        except RuntimeError:
            return False
        return True


class TaskRunner(QObject):
    """One lane of background work: a new start supersedes the previous task.

    Signals carry only current-generation events; stale ones are filtered
    here so callers never see them.
    """

    progress = Signal(str, float)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        # A worker running pure Python holds the GIL for up to the switch
        # interval (5 ms by default) each time the UI thread wants it back; a
        # repaint crosses into Python many times, so those waits add up to a
        # visible stall.  A shorter interval keeps each wait small.
        if sys.getswitchinterval() > _SWITCH_INTERVAL:
            sys.setswitchinterval(_SWITCH_INTERVAL)
        self._pool = pool or QThreadPool.globalInstance()
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_progress)
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._relay.cancelled.connect(self._on_cancelled)
        self._generation = 0
        self._cancel_flag = threading.Event()
        self._busy = False

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self, job: Job) -> int:
        """Run ``job`` in the pool, superseding (and cancelling) any running one."""
        self._cancel_flag.set()
        self._cancel_flag = threading.Event()
        self._generation += 1
        self._set_busy(True)
        gui_thread_gc.job_started()  # no cycle collection on the worker (see gui_thread_gc)
        self._pool.start(_Worker(job, self._generation, self._relay, self._cancel_flag))
        return self._generation

    def cancel(self) -> None:
        """Ask the running task to stop; whatever it returns later is dropped."""
        if not self._busy:
            return
        self._cancel_flag.set()
        self._generation += 1
        self._set_busy(False)
        self.cancelled.emit()

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)

    def _on_progress(self, generation: int, stage: str, fraction: float) -> None:
        if generation == self._generation and self._busy:
            self.progress.emit(stage, fraction)

    def _on_finished(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.finished.emit(result)

    def _on_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.failed.emit(message)

    def _on_cancelled(self, generation: int) -> None:
        if generation != self._generation:
            return
        self._set_busy(False)
        self.cancelled.emit()
