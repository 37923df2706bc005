"""Cycle collection stays on the GUI thread while background work runs (app/gui_thread_gc).

A worker thread that collects can free the GUI thread's Qt objects from the
wrong thread, which crashes the process; these tests free a plain Python
object instead and look at which thread it was freed on.
"""
import gc
import threading
import time


class _Cycle:
    """Unreachable as soon as made: only the cycle collector can free it."""

    def __init__(self, freed_on_gui_thread: list):
        self.me = self
        self.freed_on_gui_thread = freed_on_gui_thread

    def __del__(self):
        self.freed_on_gui_thread.append(threading.current_thread() is threading.main_thread())


def test_garbage_is_collected_on_the_gui_thread_while_a_worker_allocates(qtbot):
    from desktop.app.tasks import TaskRunner

    runner = TaskRunner()
    freed, kept = [], []
    gc.collect()
    _Cycle(freed)

    def job(progress, cancel):
        # Containers far past the youngest generation's threshold, as a comparison makes.
        kept.append([[] for _ in range(20 * gc.get_threshold()[0])])
        time.sleep(0.3)
        return "done"

    runner.start(job)
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    qtbot.waitUntil(lambda: bool(freed), timeout=5000)
    assert freed == [True]
    # With no job left, CPython collects on its own again.
    qtbot.waitUntil(gc.isenabled, timeout=2000)


def test_the_autosave_thread_does_not_collect_either(qtbot, tmp_path, monkeypatch):
    from desktop.app import autosave
    from desktop.engine.session import Session

    freed, kept, writes = [], [], []

    def slow_write(snapshot, folder):
        kept.append([[] for _ in range(20 * gc.get_threshold()[0])])
        time.sleep(0.2)
        writes.append(folder)

    monkeypatch.setattr(autosave, "write_autosave", slow_write)
    gc.collect()
    _Cycle(freed)
    autosave.Autosaver(tmp_path).write(Session(documents=()))
    qtbot.waitUntil(lambda: bool(writes), timeout=5000)
    qtbot.waitUntil(lambda: bool(freed), timeout=5000)
    assert freed == [True]
    qtbot.waitUntil(gc.isenabled, timeout=2000)
